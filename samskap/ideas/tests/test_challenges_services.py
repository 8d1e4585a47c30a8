"""The challenge services: creating and changing a challenge, and its problem tree."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import SearchEntry
from samskap.ideas.models import Challenge, ProblemTreeNode
from samskap.ideas.services_challenges import (MAX_NODES, challenge_create, challenge_update, tree_node_add,
                                               tree_node_delete, tree_node_move, tree_node_update, tree_nodes_set)
from samskap.ideas.tests.factories import ChallengeFactory, ProblemTreeNodeFactory

pytestmark = pytest.mark.django_db

FIELDS = {"title": "Unga utanför arbete", "description": "Var femte ung person varken arbetar eller studerar.",
          "core_problem": "Unga står utanför arbete och studier"}


def tree(challenge, kind: str) -> list[str]:
    return list(ProblemTreeNode.objects.filter(challenge=challenge, kind=kind).order_by("position")
                .values_list("text", flat=True))


def organisation_member():
    member = UserFactory()
    organisation = OrganisationFactory(name="Malmö stad")
    MembershipFactory(organisation=organisation, user=member)
    return member, organisation


# Creating ------------------------------------------------------------------------------------------------------


def test_a_member_posts_a_challenge_for_their_organisation_with_its_tree_in_order(
        django_capture_on_commit_callbacks):
    member, organisation = organisation_member()
    theme, place = make_theme("Work"), make_place("Malmö")
    with django_capture_on_commit_callbacks(execute=True):
        challenge = challenge_create(by=member, organisation=organisation, themes=[theme], places=[place],
                                     causes=["Få sommarjobb", "  Långt till  stan "], effects=["Ensamhet"],
                                     open_until=timezone.localdate(), target_groups="Unga 16–29", **FIELDS)
    challenge.refresh_from_db()
    assert (challenge.organisation, challenge.created_by, challenge.status) == (organisation, member, "open")
    assert list(challenge.themes.all()) == [theme] and list(challenge.places.all()) == [place]
    assert tree(challenge, "cause") == ["Få sommarjobb", "Långt till stan"]
    assert tree(challenge, "effect") == ["Ensamhet"]
    assert SearchEntry.objects.filter(kind="challenge", object_id=challenge.pk).exists()


def test_facilitators_and_hub_admins_post_for_the_hub_and_members_cannot():
    for user in (UserFactory(is_facilitator=True), UserFactory(is_superuser=True)):
        assert challenge_create(by=user, **FIELDS).organisation is None
    member, _organisation = organisation_member()
    with pytest.raises(ValidationError) as error:
        challenge_create(by=member, **FIELDS)
    assert "hub admins and facilitators" in error.value.message_dict["organisation"][0]
    assert Challenge.objects.count() == 2


def test_a_member_cannot_post_for_an_organisation_they_are_not_in():
    member = UserFactory()
    MembershipFactory(organisation=OrganisationFactory(), user=member, status="requested")
    other = OrganisationFactory()
    for organisation in (other, member.memberships.get().organisation):
        with pytest.raises(ValidationError) as error:
            challenge_create(by=member, organisation=organisation, **FIELDS)
        assert "active member" in error.value.message_dict["organisation"][0]
    assert not Challenge.objects.exists()


def test_visitors_cannot_post_a_challenge():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        challenge_create(by=AnonymousUser(), **FIELDS)


def test_bad_input_saves_nothing_and_names_each_field():
    admin = UserFactory(is_superuser=True)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        challenge_create(by=admin, title="x" * 201, description="Text", core_problem="   ", open_until=yesterday,
                         causes=["Orsak"])
    errors = error.value.message_dict
    assert set(errors) >= {"title", "core_problem", "open_until"}
    assert "today or later" in errors["open_until"][0]
    assert not Challenge.objects.exists() and not ProblemTreeNode.objects.exists()


def test_too_long_causes_or_too_many_are_refused():
    admin = UserFactory(is_superuser=True)
    with pytest.raises(ValidationError) as error:
        challenge_create(by=admin, causes=["x" * 301], **FIELDS)
    assert "300" in error.value.message_dict["causes"][0]
    with pytest.raises(ValidationError):
        challenge_create(by=admin, effects=[f"Effekt {n}" for n in range(MAX_NODES + 1)], **FIELDS)
    assert not Challenge.objects.exists()


# Changing ------------------------------------------------------------------------------------------------------


def test_a_fellow_member_of_the_organisation_changes_the_challenge_and_others_cannot():
    member, organisation = organisation_member()
    challenge = ChallengeFactory(organisation=organisation)
    fellow = UserFactory()
    MembershipFactory(organisation=organisation, user=fellow)
    challenge_update(challenge=challenge, by=fellow, title="Nytt namn", status="selecting")
    challenge.refresh_from_db()
    assert (challenge.title, challenge.status, challenge.organisation) == ("Nytt namn", "selecting", organisation)
    with pytest.raises(PermissionDenied):
        challenge_update(challenge=challenge, by=UserFactory(), title="Kapad")
    assert Challenge.objects.get(pk=challenge.pk).title == "Nytt namn"


def test_changing_keeps_a_past_last_day_but_refuses_a_new_past_one():
    admin = UserFactory(is_superuser=True)
    past = timezone.localdate() - datetime.timedelta(days=10)
    challenge = ChallengeFactory(open_until=past)
    challenge_update(challenge=challenge, by=admin, open_until=past, title="Samma dag")
    with pytest.raises(ValidationError) as error:
        challenge_update(challenge=challenge, by=admin, open_until=past + datetime.timedelta(days=1), title="Ny")
    assert "open_until" in error.value.message_dict
    challenge.refresh_from_db()
    assert (challenge.title, challenge.open_until) == ("Samma dag", past)


def test_an_empty_core_problem_is_refused_and_the_object_is_left_as_it_was():
    challenge = ChallengeFactory()
    with pytest.raises(ValidationError) as error:
        challenge_update(challenge=challenge, by=challenge.created_by, core_problem="  ")
    assert "core_problem" in error.value.message_dict
    assert challenge.core_problem == Challenge.objects.get(pk=challenge.pk).core_problem != ""


def test_a_member_cannot_move_a_challenge_to_an_organisation_they_are_not_in():
    member, organisation = organisation_member()
    challenge = ChallengeFactory(organisation=organisation, created_by=member)
    with pytest.raises(ValidationError):
        challenge_update(challenge=challenge, by=member, organisation=OrganisationFactory())
    with pytest.raises(ValidationError):
        challenge_update(challenge=challenge, by=member, organisation=None)
    assert Challenge.objects.get(pk=challenge.pk).organisation == organisation


# The problem tree ----------------------------------------------------------------------------------------------


def test_causes_and_effects_are_added_at_the_end_edited_and_removed(django_capture_on_commit_callbacks):
    challenge = ChallengeFactory()
    owner = challenge.created_by
    with django_capture_on_commit_callbacks(execute=True):
        first = tree_node_add(challenge=challenge, by=owner, kind="cause", text="Få sommarjobb")
        tree_node_add(challenge=challenge, by=owner, kind="cause", text="Långt till stan")
        tree_node_add(challenge=challenge, by=owner, kind="effect", text="Ensamhet")
        tree_node_update(node=first, by=owner, text="Få sommarjobb i stadsdelen")
    assert tree(challenge, "cause") == ["Få sommarjobb i stadsdelen", "Långt till stan"]
    assert "ensamhet" in SearchEntry.objects.get(kind="challenge", object_id=challenge.pk).body_keys.lower()
    tree_node_delete(node=first, by=owner)
    assert tree(challenge, "cause") == ["Långt till stan"]
    assert ProblemTreeNode.objects.get(challenge=challenge, kind="cause").position == 0


def test_moving_a_cause_up_and_down_swaps_it_with_its_neighbour_and_stays_at_the_ends():
    challenge = ChallengeFactory()
    a, b, c = (ProblemTreeNodeFactory(challenge=challenge, text=text, position=n * 10)
               for n, text in enumerate("abc"))
    ProblemTreeNodeFactory(challenge=challenge, kind="effect", text="e", position=0)
    tree_node_move(node=c, by=challenge.created_by, direction="up")
    assert tree(challenge, "cause") == ["a", "c", "b"]
    tree_node_move(node=a, by=challenge.created_by, direction="up")
    tree_node_move(node=b, by=challenge.created_by, direction="down")
    assert tree(challenge, "cause") == ["a", "c", "b"]
    tree_node_move(node=a, by=challenge.created_by, direction="down")
    assert tree(challenge, "cause") == ["c", "a", "b"] and tree(challenge, "effect") == ["e"]
    with pytest.raises(ValidationError):
        tree_node_move(node=a, by=challenge.created_by, direction="sideways")


def test_bad_tree_input_is_refused_with_a_clear_message():
    challenge = ChallengeFactory()
    owner = challenge.created_by
    for kind, text, words in (("cause", "   ", "few words"), ("cause", "x" * 301, "under 300"),
                              ("root", "Orsak", "cause or an effect")):
        with pytest.raises(ValidationError) as error:
            tree_node_add(challenge=challenge, by=owner, kind=kind, text=text)
        assert words in " ".join(error.value.messages)
    for n in range(MAX_NODES):
        ProblemTreeNodeFactory(challenge=challenge, kind="effect")
    with pytest.raises(ValidationError):
        tree_node_add(challenge=challenge, by=owner, kind="effect", text="En till")
    assert not ProblemTreeNode.objects.filter(challenge=challenge, kind="cause").exists()


def test_only_the_owner_side_edits_the_tree():
    challenge = ChallengeFactory()
    node = ProblemTreeNodeFactory(challenge=challenge, text="Orsak")
    stranger = UserFactory()
    for call in (lambda: tree_node_add(challenge=challenge, by=stranger, kind="cause", text="x"),
                 lambda: tree_node_update(node=node, by=stranger, text="x"),
                 lambda: tree_node_move(node=node, by=stranger, direction="down"),
                 lambda: tree_node_delete(node=node, by=stranger),
                 lambda: tree_nodes_set(challenge=challenge, by=stranger, kind="cause", texts=[])):
        with pytest.raises(PermissionDenied):
            call()
    assert tree(challenge, "cause") == ["Orsak"]


def test_setting_the_causes_replaces_them_in_order():
    challenge = ChallengeFactory()
    ProblemTreeNodeFactory(challenge=challenge, text="Gammal")
    tree_nodes_set(challenge=challenge, by=challenge.created_by, kind="cause", texts=["Ny ett", "", "Ny två"])
    assert tree(challenge, "cause") == ["Ny ett", "Ny två"]

"""Local groups: who may run them, joining and leaving, contact persons, and the actors a group's page lists."""

import pytest
import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskap.accounts.tests.factories import ROLES, UserFactory, make_user_for_role
from samskap.actors import services_groups
from samskap.actors.models import GroupMembership, LocalGroup
from samskap.core.models import Place, SearchEntry

from .factories import LocalGroupFactory, OrganisationFactory
from .factories_people import GroupMembershipFactory, PlaceFactory, ThemeFactory, listed_person

pytestmark = pytest.mark.django_db

RUNS_GROUPS = {"facilitator", "hub_admin"}


# Rights: role x action ---------------------------------------------------------------------------

@pytest.mark.parametrize("action", ["actors.add_localgroup", "actors.change_localgroup", "actors.set_group_contacts"])
@pytest.mark.parametrize("role", ROLES)
def test_only_facilitators_and_hub_admins_create_edit_and_choose_contact_persons(role, action):
    group = LocalGroupFactory()
    user = make_user_for_role(role)
    assert rules.has_perm(action, user, group) is (role in RUNS_GROUPS)
    if role != "anonymous":
        # Being the group's contact person does not give these rights.
        GroupMembershipFactory(group=group, user=user, role=GroupMembership.Role.CONTACT)
        assert rules.has_perm(action, user, group) is (role in RUNS_GROUPS)


@pytest.mark.parametrize("membership", [None, GroupMembership.Role.MEMBER, GroupMembership.Role.CONTACT])
@pytest.mark.parametrize("role", ROLES)
def test_members_join_groups_they_are_not_in_and_leave_groups_they_are_in(role, membership):
    group = LocalGroupFactory()
    user = make_user_for_role(role)
    if membership and role != "anonymous":
        GroupMembershipFactory(group=group, user=user, role=membership)
    in_group = bool(membership) and role != "anonymous"
    assert rules.has_perm("actors.join_localgroup", user, group) is (role != "anonymous" and not in_group)
    assert rules.has_perm("actors.leave_localgroup", user, group) is in_group


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_local_groups(client, role):
    group = LocalGroupFactory(name="Grannskapet Möllan")
    assert rules.has_perm("actors.view_localgroup", make_user_for_role(role), group)
    assert "Grannskapet Möllan" in client.get(reverse("actors:groups")).content.decode()
    assert client.get(group.get_absolute_url()).status_code == 200


# Creating and editing ----------------------------------------------------------------------------

def group_data(**overrides):
    return {"name": "Kreaprenör Skåne", "description": "Vi träffas varje månad.", "description_language": "sv",
            "place": "", "theme": "", "add_organisations": "", **overrides}


@pytest.mark.parametrize("role", ROLES)
def test_the_create_form_is_for_facilitators_and_hub_admins(client, role):
    user = make_user_for_role(role)
    if role != "anonymous":
        client.force_login(user)
    response = client.get(reverse("actors:group_create"))
    if role == "anonymous":
        assert response.status_code == 302 and reverse("account_login") in response["Location"]
    else:
        assert response.status_code == (200 if role in RUNS_GROUPS else 403)


def test_a_facilitator_creates_a_group_for_a_place_with_linked_organisations(client):
    place = PlaceFactory(name="Lund")
    linked = OrganisationFactory(slug="fixa-kollektivet")
    client.force_login(UserFactory(is_facilitator=True))
    response = client.post(reverse("actors:group_create"), group_data(
        place=place.pk, add_organisations="https://hub.example.org/organisations/fixa-kollektivet/\n"))
    group = LocalGroup.objects.get(name="Kreaprenör Skåne")
    assert response.status_code == 302 and response["Location"] == group.get_absolute_url()
    assert group.slug == "kreaprenor-skane"
    assert group.place == place
    assert list(group.organisations.all()) == [linked]


def test_a_group_needs_a_place_or_a_theme(client):
    client.force_login(UserFactory(is_facilitator=True))
    response = client.post(reverse("actors:group_create"), group_data(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Choose a place, a theme or both" in response.content.decode()
    assert not LocalGroup.objects.exists()


def test_linking_an_unknown_organisation_is_refused_and_nothing_is_saved(client):
    client.force_login(UserFactory(is_facilitator=True))
    response = client.post(reverse("actors:group_create"), group_data(
        theme=ThemeFactory().pk, add_organisations="no-such-organisation"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "No organisation in the directory has this address: no-such-organisation" in response.content.decode()
    assert not LocalGroup.objects.exists()


def test_two_groups_with_the_same_name_get_different_addresses():
    facilitator = UserFactory(is_facilitator=True)
    theme = ThemeFactory()
    first = services_groups.group_create(by=facilitator, name="Ensamhet", theme=theme)
    second = services_groups.group_create(by=facilitator, name="Ensamhet", theme=theme)
    assert (first.slug, second.slug) == ("ensamhet", "ensamhet-2")


def test_a_group_called_new_does_not_hide_the_create_page():
    group = services_groups.group_create(by=UserFactory(is_facilitator=True), name="New", theme=ThemeFactory())
    assert group.slug == "new-2"


def test_a_member_cannot_create_a_group_through_the_service():
    with pytest.raises(PermissionDenied):
        services_groups.group_create(by=UserFactory(), name="Mine", theme=ThemeFactory())
    assert not LocalGroup.objects.exists()


def test_a_facilitator_edits_a_group_and_unlinks_an_organisation_while_its_address_stays(client):
    kept, dropped = OrganisationFactory(name="Kept"), OrganisationFactory(name="Dropped")
    theme = ThemeFactory()
    group = LocalGroupFactory(name="Old name", slug="old-name", theme=theme, organisations=[kept, dropped])
    client.force_login(UserFactory(is_facilitator=True))
    assert "Dropped" in client.get(reverse("actors:group_edit", args=[group.slug])).content.decode()
    response = client.post(reverse("actors:group_edit", args=[group.slug]),
                           group_data(name="New name", theme=theme.pk, linked=[kept.pk]))
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.name, group.slug) == ("New name", "old-name")
    assert list(group.organisations.all()) == [kept]


def test_a_member_may_not_edit_a_group(client, member):
    group = LocalGroupFactory()
    client.force_login(member)
    assert client.get(reverse("actors:group_edit", args=[group.slug])).status_code == 403
    assert client.post(reverse("actors:group_edit", args=[group.slug]), group_data(name="X")).status_code == 403
    group.refresh_from_db()
    assert group.name != "X"


def test_saving_a_group_updates_the_search_index_after_commit(django_capture_on_commit_callbacks):
    facilitator = UserFactory(is_facilitator=True)
    theme = ThemeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        group = services_groups.group_create(by=facilitator, name="Ensamhet i Malmö", theme=theme)
    assert SearchEntry.objects.get(kind="group", object_id=group.pk).title == "Ensamhet i Malmö"
    with django_capture_on_commit_callbacks(execute=True):
        services_groups.group_update(group=group, by=facilitator, name="Ensamhet i Lund", description="",
                                     description_language="sv", place=None, theme=theme)
    assert SearchEntry.objects.get(kind="group", object_id=group.pk).title == "Ensamhet i Lund"


# Joining, leaving and contact persons --------------------------------------------------------------

def test_a_member_joins_and_leaves_a_group(client, member):
    group = LocalGroupFactory(name="Tøyen nabolag")
    client.force_login(member)
    html = client.get(group.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Join the group" in html
    client.post(reverse("actors:group_join", args=[group.slug]))
    assert GroupMembership.objects.get(group=group, user=member).role == GroupMembership.Role.MEMBER
    client.post(reverse("actors:group_join", args=[group.slug]))  # twice changes nothing
    assert GroupMembership.objects.filter(group=group).count() == 1
    assert "Leave the group" in client.get(group.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post(reverse("actors:group_leave", args=[group.slug]))
    assert not GroupMembership.objects.filter(group=group).exists()


def test_leaving_a_group_one_is_not_in_changes_nothing(client, member):
    group = LocalGroupFactory()
    other = GroupMembershipFactory(group=group)
    client.force_login(member)
    response = client.post(reverse("actors:group_leave", args=[group.slug]), follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "You are not a member of this group." in response.content.decode()
    assert list(GroupMembership.objects.filter(group=group)) == [other]


def test_visitors_are_asked_to_log_in_to_join(client):
    group = LocalGroupFactory()
    response = client.post(reverse("actors:group_join", args=[group.slug]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert "Log in to join" in client.get(group.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert client.get(reverse("actors:group_join", args=[group.slug])).status_code in (302, 405)


def test_a_facilitator_chooses_contact_persons_among_the_members(client):
    group = LocalGroupFactory()
    anna = GroupMembershipFactory(group=group, user=UserFactory(name="Anna Kontakt")).user
    bo = GroupMembershipFactory(group=group, user=UserFactory(name="Bo Medlem"), role=GroupMembership.Role.CONTACT).user
    client.force_login(UserFactory(is_facilitator=True))
    assert "Anna Kontakt" in client.get(reverse("actors:group_contacts", args=[group.slug])).content.decode()
    response = client.post(reverse("actors:group_contacts", args=[group.slug]), {"contacts": [anna.pk]})
    assert response.status_code == 302
    roles = dict(GroupMembership.objects.filter(group=group).values_list("user_id", "role"))
    assert roles == {anna.pk: "contact", bo.pk: "member"}


def test_only_members_of_the_group_can_be_contact_persons():
    group = LocalGroupFactory()
    outsider = UserFactory()
    with pytest.raises(ValidationError):
        services_groups.group_contacts_set(group=group, contacts=[outsider], by=UserFactory(is_facilitator=True))
    assert not GroupMembership.objects.exists()


def test_an_outsider_posted_to_the_contacts_form_is_refused(client):
    group = LocalGroupFactory()
    GroupMembershipFactory(group=group)
    outsider = UserFactory()
    client.force_login(UserFactory(is_facilitator=True))
    response = client.post(reverse("actors:group_contacts", args=[group.slug]), {"contacts": [outsider.pk]})
    assert response.status_code == 200
    assert not GroupMembership.objects.filter(role="contact").exists()


@pytest.mark.parametrize("role", [r for r in ROLES if r not in RUNS_GROUPS and r != "anonymous"])
def test_others_may_not_choose_contact_persons(client, role):
    group = LocalGroupFactory()
    member = GroupMembershipFactory(group=group).user
    user = make_user_for_role(role)
    client.force_login(user)
    assert client.get(reverse("actors:group_contacts", args=[group.slug])).status_code == 403
    with pytest.raises(PermissionDenied):
        services_groups.group_contacts_set(group=group, contacts=[member], by=user)


def test_a_contact_who_leaves_is_no_longer_a_contact():
    group = LocalGroupFactory()
    contact = GroupMembershipFactory(group=group, role=GroupMembership.Role.CONTACT).user
    services_groups.group_leave(group=group, user=contact)
    assert not GroupMembership.objects.filter(group=group).exists()


# What a group's page shows -------------------------------------------------------------------------

def test_a_place_group_lists_linked_organisations_and_those_at_its_place_or_below(client):
    region = PlaceFactory(level=Place.Level.REGION, name="Testregion")
    municipality = PlaceFactory(parent=region)
    neighbourhood = PlaceFactory(level=Place.Level.NEIGHBOURHOOD, parent=municipality)
    elsewhere = PlaceFactory()
    linked_far_away = OrganisationFactory(name="Linked Far Away", head_office=elsewhere)
    group = LocalGroupFactory(place=region, organisations=[linked_far_away])
    OrganisationFactory(name="Head Office In Region", head_office=region)
    OrganisationFactory(name="Head Office In Neighbourhood", head_office=neighbourhood)
    OrganisationFactory(name="Serves The Municipality", head_office=elsewhere, areas_served=[municipality])
    OrganisationFactory(name="Somewhere Else", head_office=elsewhere, areas_served=[elsewhere])
    OrganisationFactory(name="Merged Away", head_office=municipality, merged_into=OrganisationFactory(head_office=elsewhere))

    html = client.get(group.get_absolute_url()).content.decode()
    for name in ("Linked Far Away", "Head Office In Region", "Head Office In Neighbourhood", "Serves The Municipality"):
        assert name in html, name
    assert "Somewhere Else" not in html and "Merged Away" not in html


def test_an_organisation_serving_several_places_in_the_group_is_listed_once(client):
    region = PlaceFactory(level=Place.Level.REGION)
    municipality = PlaceFactory(parent=region)
    neighbourhood = PlaceFactory(level=Place.Level.NEIGHBOURHOOD, parent=municipality)
    group = LocalGroupFactory(place=region)
    OrganisationFactory(name="Twice Over", head_office=municipality, areas_served=[municipality, neighbourhood, region])
    html = client.get(group.get_absolute_url()).content.decode()
    assert html.count("Twice Over") == 1


def test_a_theme_group_lists_organisations_working_with_the_theme(client):
    theme, other = ThemeFactory(), ThemeFactory()
    group = LocalGroupFactory(theme=theme)
    OrganisationFactory(name="On Theme", themes=[theme])
    OrganisationFactory(name="Off Theme", themes=[other])
    html = client.get(group.get_absolute_url()).content.decode()
    assert "On Theme" in html and "Off Theme" not in html


def test_a_group_with_a_place_and_a_theme_lists_organisations_with_both(client):
    place, theme = PlaceFactory(), ThemeFactory()
    group = LocalGroupFactory(place=place, theme=theme)
    OrganisationFactory(name="Here And On Theme", head_office=place, themes=[theme])
    OrganisationFactory(name="Here Only", head_office=place)
    OrganisationFactory(name="On Theme Only", themes=[theme])
    html = client.get(group.get_absolute_url()).content.decode()
    assert "Here And On Theme" in html
    assert "Here Only" not in html and "On Theme Only" not in html


def test_a_group_page_shows_contact_persons_consenting_members_and_counts_the_others(client):
    group = LocalGroupFactory()
    GroupMembershipFactory(group=group, role=GroupMembership.Role.CONTACT,
                           user=UserFactory(name="Kari Kontakt", email="kari@example.no", email_visibility="public"))
    GroupMembershipFactory(group=group, user=listed_person(name="Lars Listed"))
    GroupMembershipFactory(group=group, user=UserFactory(name="Una Unlisted"))
    GroupMembershipFactory(group=group, user=UserFactory(name="Ulf Unlisted"))
    html = client.get(group.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Kari Kontakt" in html and "kari@example.no" in html
    assert "Lars Listed" in html
    assert "Una Unlisted" not in html and "Ulf Unlisted" not in html
    assert "2 members have chosen not to be listed." in html
    assert "4 members" in html


def test_a_contact_persons_page_is_linked_only_where_the_viewer_may_open_it(client, member):
    group = LocalGroupFactory()
    contact = GroupMembershipFactory(group=group, role=GroupMembership.Role.CONTACT, user=UserFactory()).user
    link = f'href="{reverse("accounts:person", args=[contact.pk])}"'
    assert link not in client.get(group.get_absolute_url()).content.decode()
    client.force_login(member)
    assert link in client.get(group.get_absolute_url()).content.decode()


def test_an_unknown_group_is_not_found(client):
    assert client.get(reverse("actors:group", args=["no-such-group"])).status_code == 404


def fill_groups(count: int) -> LocalGroup:
    region = PlaceFactory(level=Place.Level.REGION)
    theme = ThemeFactory()
    municipality = PlaceFactory(parent=region)
    group = None
    for n in range(count):
        group = LocalGroupFactory(place=region if n % 2 else None, theme=theme,
                                  organisations=[OrganisationFactory(head_office=municipality, themes=[theme])])
        GroupMembershipFactory(group=group, role=GroupMembership.Role.CONTACT, user=listed_person())
        GroupMembershipFactory(group=group, user=listed_person())
        GroupMembershipFactory(group=group, user=UserFactory())
        OrganisationFactory(head_office=municipality, areas_served=[municipality], themes=[theme])
    return group


def queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_group_list_and_a_group_page_run_the_same_few_queries_for_5_and_50_rows(client, member):
    client.force_login(member)
    group = fill_groups(5)
    few = (queries_for(client, reverse("actors:groups")), queries_for(client, group.get_absolute_url()))
    group = fill_groups(45)
    many = (queries_for(client, reverse("actors:groups")), queries_for(client, group.get_absolute_url()))
    assert few == many
    assert max(many) <= 10


def test_a_hub_admin_deletes_a_local_group_in_the_admin_and_search_forgets_it(client, hub_admin):
    from samskap.actors.models import LocalGroup
    from samskap.core.models import SearchEntry
    from samskap.core.search import search_index_update

    group = LocalGroup.objects.create(name="Kreaprenör Göteborg", slug="kreaprenor-goteborg")
    search_index_update(kind="group", obj=group)
    assert SearchEntry.objects.filter(kind="group", object_id=group.pk).exists()
    client.force_login(hub_admin)

    response = client.post(f"/admin/actors/localgroup/{group.pk}/delete/", {"post": "yes"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert not LocalGroup.objects.filter(pk=group.pk).exists()
    assert not SearchEntry.objects.filter(kind="group", object_id=group.pk).exists()

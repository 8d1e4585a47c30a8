"""Incubators: creating and editing them (services and pages), the list and an incubator's page."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, Incubator
from samskap.ideas.services_incubator import incubator_create, incubator_update
from samskap.ideas.tests.factories import IdeaFactory, IncubatorFactory, IntakeRoundFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_a_facilitator_starts_an_incubator_and_becomes_its_facilitator():
    facilitator = UserFactory(is_facilitator=True)
    incubator = incubator_create(by=facilitator, name="Grannskapsinkubatorn Möllan", description="För Möllan.")
    assert list(incubator.facilitators.all()) == [facilitator]
    assert incubator.slug == "grannskapsinkubatorn-möllan"


def test_slugs_keep_nordic_letters_and_stay_unique():
    admin = UserFactory(is_superuser=True)
    first = incubator_create(by=admin, name="Nabolagsinkubator Tøyen")
    second = incubator_create(by=admin, name="Nabolagsinkubator Tøyen")
    assert first.slug == "nabolagsinkubator-tøyen"
    assert second.slug == "nabolagsinkubator-tøyen-2"


def test_an_incubator_named_new_does_not_hide_the_new_incubator_form():
    assert incubator_create(by=UserFactory(is_superuser=True), name="New").slug == "new-2"


def test_a_plain_member_cannot_start_an_incubator():
    with pytest.raises(PermissionDenied):
        incubator_create(by=UserFactory(), name="Min inkubator")
    assert not Incubator.objects.exists()


def test_an_empty_name_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError):
        incubator_create(by=UserFactory(is_facilitator=True), name="  ")
    assert not Incubator.objects.exists()


def test_only_its_facilitators_edit_an_incubator_and_it_keeps_a_facilitator():
    facilitator, other, newcomer = UserFactory(), UserFactory(is_facilitator=True), UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    with pytest.raises(PermissionDenied):
        incubator_update(incubator=incubator, by=other, name="X", facilitators=[other])
    with pytest.raises(ValidationError):
        incubator_update(incubator=incubator, by=facilitator, name="Ny", facilitators=[])
    old_slug = incubator.slug
    incubator_update(incubator=incubator, by=facilitator, name="Nytt namn", facilitators=[facilitator, newcomer])
    incubator.refresh_from_db()
    assert incubator.name == "Nytt namn" and incubator.slug == old_slug
    assert set(incubator.facilitators.all()) == {facilitator, newcomer}


def test_the_list_shows_incubators_with_an_open_round(client):
    today = timezone.localdate()
    open_one = IncubatorFactory(name="Inkubator A")
    IntakeRoundFactory(incubator=open_one)
    closed_one = IncubatorFactory(name="Inkubator B")
    IntakeRoundFactory(incubator=closed_one, opens_on=today - datetime.timedelta(days=30),
                       closes_on=today - datetime.timedelta(days=1))
    response = client.get(reverse("ideas:incubators"))
    assert response.status_code == 200
    rows = {i.name: i.has_open_round for i in response.context["page"].object_list}
    assert rows == {"Inkubator A": True, "Inkubator B": False}


def _incubators(n: int) -> None:
    for i in range(n):
        incubator = IncubatorFactory()
        IntakeRoundFactory(incubator=incubator)
        CohortMembership.objects.create(incubator=incubator, idea=IdeaFactory(), board_position=i)


@pytest.mark.parametrize("rows", [5, 30])
def test_the_list_takes_the_same_few_queries_for_5_or_30_incubators(client, rows, django_assert_max_num_queries):
    _incubators(rows)
    client.force_login(UserFactory())
    client.get(reverse("ideas:incubators"))  # the hub's settings are created on the very first request
    with django_assert_max_num_queries(10):
        response = client.get(reverse("ideas:incubators"))
    assert len(response.context["page"].object_list) == rows


def test_the_incubator_page_takes_the_same_queries_for_a_small_or_large_cohort(client, django_assert_num_queries):
    counts = []
    for size in (5, 30):
        incubator = IncubatorFactory(facilitators=[UserFactory()])
        client.get(incubator.get_absolute_url())  # the hub's settings are created on the very first request
        for i in range(size):
            CohortMembership.objects.create(incubator=incubator, idea=IdeaFactory(), board_position=i)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        with CaptureQueriesContext(connection) as queries:
            response = client.get(incubator.get_absolute_url())
        assert len(response.context["page"].cohort) == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10


def test_the_cohort_shows_each_viewer_only_the_ideas_they_may_see(client):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    public = IdeaFactory(title="Öppen idé")
    members_only = IdeaFactory(title="Medlemsidé", visibility="members")
    team_only = IdeaFactory(title="Teamidé", visibility="team")
    teammate = TeamMemberFactory(idea=team_only).user
    for n, idea in enumerate([public, members_only, team_only]):
        CohortMembership.objects.create(incubator=incubator, idea=idea, board_position=n)

    def titles(user=None):
        client.logout()
        if user:
            client.force_login(user)
        return {m.idea.title for m in client.get(incubator.get_absolute_url()).context["page"].cohort}

    assert titles() == {"Öppen idé"}
    assert titles(UserFactory()) == {"Öppen idé", "Medlemsidé"}
    assert titles(teammate) == {"Öppen idé", "Medlemsidé", "Teamidé"}
    assert titles(facilitator) == {"Öppen idé", "Medlemsidé", "Teamidé"}


def test_facilitators_see_edit_and_round_links_others_do_not(client):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    new_round = reverse("ideas:round_new", args=[incubator.slug])
    assert new_round not in client.get(incubator.get_absolute_url()).content.decode()
    client.force_login(facilitator)
    assert new_round in client.get(incubator.get_absolute_url()).content.decode()


def test_creating_an_incubator_through_the_page_adds_facilitators_by_email(client):
    facilitator, colleague = UserFactory(is_facilitator=True), UserFactory(email="kollega@example.org")
    client.force_login(facilitator)
    response = client.post(reverse("ideas:incubator_new"), {
        "name": "Grannskapsinkubatorn Seved", "description": "För Seved.",
        "facilitator_emails": "Kollega@example.org"})
    incubator = Incubator.objects.get()
    assert response.status_code == 302 and response.url == incubator.get_absolute_url()
    assert set(incubator.facilitators.all()) == {facilitator, colleague}
    assert client.get(response.url).status_code == 200


def test_an_unknown_email_is_named_in_the_error_and_nothing_is_saved(client):
    client.force_login(UserFactory(is_facilitator=True))
    response = client.post(reverse("ideas:incubator_new"), {"name": "Inkubatorn", "facilitator_emails": "nobody@x.se"})
    assert response.status_code == 200
    assert "nobody@x.se" in response.content.decode()
    assert not Incubator.objects.exists()


@pytest.mark.parametrize("role, status", [
    ("anonymous", 302), ("member", 403), ("facilitator", 200), ("hub_admin", 200)])
def test_who_may_open_the_new_incubator_page(client, role, status):
    from samskap.accounts.tests.factories import make_user_for_role
    user = make_user_for_role(role)
    if role != "anonymous":
        client.force_login(user)
    assert client.get(reverse("ideas:incubator_new")).status_code == status


@pytest.mark.parametrize("role, status", [
    ("anonymous", 302), ("member", 403), ("other_facilitator", 403), ("incubator_facilitator", 200),
    ("hub_admin", 200)])
def test_who_may_edit_an_incubator(client, role, status):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    user = {"anonymous": None, "member": UserFactory(), "other_facilitator": UserFactory(is_facilitator=True),
            "incubator_facilitator": facilitator, "hub_admin": UserFactory(is_superuser=True)}[role]
    if user:
        client.force_login(user)
    assert client.get(reverse("ideas:incubator_edit", args=[incubator.slug])).status_code == status
    if user:
        assert user.has_perm("ideas.change_incubator", incubator) is (status == 200)


def test_editing_through_the_page_saves_the_changes(client):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    client.force_login(facilitator)
    response = client.post(reverse("ideas:incubator_edit", args=[incubator.slug]), {
        "name": "Inkubatorn Rosengård", "description": "Ny text", "facilitators": [facilitator.pk]})
    assert response.status_code == 302
    incubator.refresh_from_db()
    assert incubator.name == "Inkubatorn Rosengård" and incubator.description == "Ny text"


def test_an_incubator_slug_with_nordic_letters_resolves(client):
    incubator = IncubatorFactory(slug="grannskapsinkubatorn-möllan")
    assert client.get(incubator.get_absolute_url()).status_code == 200

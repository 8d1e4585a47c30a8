"""People: profiles with skills, themes and organisations shown only with consent; the members' people search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskap.accounts.tests.factories import ROLES, UserFactory, make_user_for_role
from samskap.actors.models import Membership
from samskap.core.models import Place

from .factories import MembershipFactory, OrganisationFactory
from .factories_people import PlaceFactory, ThemeFactory, listed_person

pytestmark = pytest.mark.django_db

PEOPLE = reverse("actors:people")


def person_url(person) -> str:
    return reverse("accounts:person", args=[person.pk])


def page_for(client, viewer, url: str):
    if viewer is not None and viewer.is_authenticated:
        client.force_login(viewer)
    return client.get(url)


# Who sees whom -------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", [*ROLES, "self"])
@pytest.mark.parametrize("listed", [True, False])
def test_who_sees_a_persons_page_and_its_directory_details(client, role, listed):
    person = UserFactory(name="Sara Sjöberg", bio="Eldsjäl i Rosengård.", skills="facilitation, bookkeeping",
                         interests="urban gardening", listed_in_directory=listed)
    theme = ThemeFactory(labels={"en": "Loneliness"})
    person.themes.add(theme)
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Fixa Kollektivet"))
    viewer = person if role == "self" else make_user_for_role(role)

    response = page_for(client, viewer, person_url(person))

    if not listed and role == "anonymous":
        assert response.status_code == 404
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sara Sjöberg" in html and "Eldsjäl i Rosengård." in html
    sees_details = listed or role == "self"
    for detail in ("facilitation, bookkeeping", "urban gardening", "Loneliness", "Fixa Kollektivet"):
        assert (detail in html) is sees_details, detail


def test_a_person_not_listed_is_told_that_only_they_see_their_details(client):
    person = UserFactory(skills="mentoring", listed_in_directory=False)
    client.force_login(person)
    html = client.get(person_url(person), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "mentoring" in html
    assert "You are not listed in the directory" in html


def test_a_profile_shows_only_active_memberships_of_organisations_still_in_the_directory(client):
    person = listed_person()
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Active Org"))
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Requested Org"),
                      status=Membership.Status.REQUESTED)
    target = OrganisationFactory(name="Kept Org")
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Merged Org", merged_into=target))
    html = client.get(person_url(person)).content.decode()
    assert "Active Org" in html
    assert "Requested Org" not in html and "Merged Org" not in html


# The directory ------------------------------------------------------------------------------------

def test_visitors_are_asked_to_log_in_to_search_people(client):
    listed_person(name="Ola Nordmann")
    response = client.get(PEOPLE, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Members can search people" in html
    assert reverse("account_login") in html
    assert "Ola Nordmann" not in html


def test_the_directory_lists_only_active_members_who_agreed_to_be_listed(client, member):
    listed_person(name="Listed Lina")
    UserFactory(name="Private Per", listed_in_directory=False)
    listed_person(name="Gone Gunnar", is_active=False)
    client.force_login(member)
    html = client.get(PEOPLE).content.decode()
    assert "Listed Lina" in html
    assert "Private Per" not in html and "Gone Gunnar" not in html


def test_searching_by_skill_finds_part_of_a_word_in_any_case(client, member):
    listed_person(name="Frida Facilitator", skills="Facilitation, Open Space")
    listed_person(name="Bo Bookkeeper", skills="bookkeeping")
    client.force_login(member)
    html = client.get(PEOPLE, {"skill": "facilit"}).content.decode()
    assert "Frida Facilitator" in html and "Bo Bookkeeper" not in html


def test_searching_by_theme(client, member):
    loneliness = ThemeFactory(labels={"en": "Loneliness"})
    listed_person(name="Tove Theme").themes.add(loneliness)
    listed_person(name="Nils Nothing")
    client.force_login(member)
    html = client.get(PEOPLE, {"theme": loneliness.slug}).content.decode()
    assert "Tove Theme" in html and "Nils Nothing" not in html


def test_searching_by_region_finds_people_in_its_municipalities_and_neighbourhoods(client, member):
    region = PlaceFactory(level=Place.Level.REGION, name="Testregion")
    municipality = PlaceFactory(parent=region, name="Testkommun")
    neighbourhood = PlaceFactory(level=Place.Level.NEIGHBOURHOOD, parent=municipality, name="Testgrannskap")
    elsewhere = PlaceFactory(name="Annanstans")
    listed_person(name="Rut Region", place=region)
    listed_person(name="Malin Municipality", place=municipality)
    listed_person(name="Nora Neighbourhood", place=neighbourhood)
    listed_person(name="Ebbe Elsewhere", place=elsewhere)
    client.force_login(member)

    html = client.get(PEOPLE, {"place": region.slug}).content.decode()
    assert all(name in html for name in ("Rut Region", "Malin Municipality", "Nora Neighbourhood"))
    assert "Ebbe Elsewhere" not in html

    html = client.get(PEOPLE, {"place": municipality.slug}).content.decode()
    assert "Malin Municipality" in html and "Nora Neighbourhood" in html
    assert "Rut Region" not in html


def test_filters_combine(client, member):
    theme = ThemeFactory()
    place = PlaceFactory()
    both = listed_person(name="Both Bea", skills="carpentry", place=place)
    both.themes.add(theme)
    listed_person(name="Skill Only", skills="carpentry")
    client.force_login(member)
    html = client.get(PEOPLE, {"skill": "carp", "theme": theme.slug, "place": place.slug}).content.decode()
    assert "Both Bea" in html and "Skill Only" not in html


def test_an_unknown_filter_value_is_left_out_with_a_message(client, member):
    listed_person(name="Still Shown")
    client.force_login(member)
    response = client.get(PEOPLE, {"theme": "no-such-theme"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "has no value “no-such-theme”, so it was left out" in html
    assert "Still Shown" in html


def test_directory_cards_show_skills_themes_and_organisations(client, member):
    person = listed_person(name="Card Carl", skills="welding")
    person.themes.add(ThemeFactory(labels={"en": "Housing"}))
    MembershipFactory(user=person, organisation=OrganisationFactory(name="Bygg Tillsammans"))
    client.force_login(member)
    html = client.get(PEOPLE).content.decode()
    assert "welding" in html and "Housing" in html and "Bygg Tillsammans" in html


def test_the_directory_pages_through_many_people(client, member):
    for n in range(35):
        listed_person(name=f"Person {n:02d}")
    client.force_login(member)
    first = client.get(PEOPLE).content.decode()
    second = client.get(PEOPLE, {"page": "2"}).content.decode()
    assert "Person 00" in first and "Person 34" not in first
    assert "Person 34" in second and "Person 00" not in second
    assert "35 people" in client.get(PEOPLE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert client.get(PEOPLE, {"page": "99"}).status_code == 200


def directory_queries(client, count: int) -> int:
    theme = ThemeFactory()
    place = PlaceFactory()
    organisation = OrganisationFactory()
    for n in range(count):
        person = listed_person(skills="facilitation", place=place)
        person.themes.add(theme)
        MembershipFactory(user=person, organisation=organisation)
    client.get(PEOPLE)  # fills the caches, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PEOPLE, {"skill": "facilit", "theme": theme.slug, "place": place.slug})
    assert response.status_code == 200
    return len(queries)


def test_the_directory_runs_the_same_few_queries_for_5_and_50_people(client, member):
    client.force_login(member)
    few = directory_queries(client, 5)
    Membership.objects.all().delete()
    many = directory_queries(client, 50)
    assert few == many
    assert many <= 10


def test_a_persons_page_runs_a_fixed_number_of_queries(client, member, django_assert_max_num_queries):
    person = listed_person(place=PlaceFactory())
    person.themes.add(*[ThemeFactory() for _ in range(5)])
    for _ in range(5):
        MembershipFactory(user=person)
    client.force_login(member)
    client.get(person_url(person))
    with django_assert_max_num_queries(10):
        assert client.get(person_url(person)).status_code == 200


# The profile form ---------------------------------------------------------------------------------

def test_a_member_adds_skills_interests_themes_place_and_consent_to_their_profile(client, member):
    theme = ThemeFactory()
    place = PlaceFactory()
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), {
        "name": "Mira Medlem", "bio": "", "skills": "facilitation, Arabic", "interests": "co-housing",
        "themes": [theme.pk], "place": place.pk, "email_visibility": "only_me", "phone_visibility": "only_me",
        "listed_in_directory": "on",
    })
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.skills, member.interests, member.place, member.listed_in_directory) == (
        "facilitation, Arabic", "co-housing", place, True)
    assert list(member.themes.all()) == [theme]


def test_the_profile_form_refuses_an_unknown_place_and_saves_nothing(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), {
        "name": "Changed", "place": "999999", "email_visibility": "only_me", "phone_visibility": "only_me",
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    member.refresh_from_db()
    assert member.name == "Mira Medlem"

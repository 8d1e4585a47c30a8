"""The directory API: /api/v1/organisations, /people, /groups, /places and /themes."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser

from samskap.accounts.services import api_token_create
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import GroupMembership, LocalGroup, Membership, Organisation
from samskap.actors.tests.factories import LocalGroupFactory, MembershipFactory, OrganisationFactory
from samskap.actors.tests.factories_people import GroupMembershipFactory, PlaceFactory, listed_person
from samskap.core.models import Theme

pytestmark = pytest.mark.django_db

API = "/api/v1"
WRITERS = ["anonymous", "member", "organisation_admin", "facilitator", "hub_admin"]


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def headers_for(user) -> dict:
    """A personal token's header for `user`; none for the anonymous visitor."""
    if user is None or not user.is_authenticated:
        return {}
    _token, key = api_token_create(user=user, by=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def user_for(role: str, *, organisation=None):
    if role == "anonymous":
        return AnonymousUser()
    flags = {"facilitator": {"is_facilitator": True}, "hub_admin": {"is_superuser": True, "is_staff": True}}
    user = UserFactory(**flags.get(role, {}))
    if role == "organisation_admin" and organisation is not None:
        MembershipFactory(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    return user


def get(client, path, user=None, **params):
    return client.get(f"{API}{path}", params, **headers_for(user))


def send(client, method, path, body, user=None):
    return getattr(client, method)(f"{API}{path}", json.dumps(body), content_type="application/json",
                                   **headers_for(user))


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


# Places ------------------------------------------------------------------------------------------

def test_places_are_listed_by_country_level_and_parent_with_a_name_query(client):
    skane = PlaceFactory(name="Testskåne", level="region", slug="test-skane")
    malmo = PlaceFactory(name="Testmalmö", parent=skane, slug="test-malmo")
    PlaceFactory(name="Testlund", parent=skane, slug="test-lund")
    PlaceFactory(name="Testmalmö by", country="NO", slug="test-malmo-no")

    assert slugs(get(client, "/places", parent="test-skane")) == ["test-lund", "test-malmo"]
    assert slugs(get(client, "/places", q="testmalm", country="SE")) == ["test-malmo"]
    assert slugs(get(client, "/places", q="testmalm", level="municipality")) == ["test-malmo", "test-malmo-no"]
    body = get(client, f"/places/{malmo.slug}").json()
    assert body["id"] == malmo.pk and body["url"] == "/organisations/?place=test-malmo"
    assert body["parent"] == {"id": skane.pk, "slug": "test-skane", "name": "Testskåne", "level": "region"}


def test_the_shipped_regions_are_in_the_place_list(client):
    body = get(client, "/places", country="SE", level="region", limit=100).json()
    assert body["count"] == 21  # Sweden's län
    assert all(item["level"] == "region" and item["country"] == "SE" for item in body["items"])


def test_an_unknown_place_filter_value_is_a_422_naming_the_filter(client):
    response = get(client, "/places", level="village")
    assert response.status_code == 422
    assert "level" in response.json()["errors"]


def test_an_unknown_place_is_a_404_with_a_message(client):
    response = get(client, "/places/atlantis")
    assert response.status_code == 404
    assert response.json() == {"message": "Not found."}


# Themes ------------------------------------------------------------------------------------------

def test_themes_are_listed_in_the_hubs_order_by_kind_and_found_in_any_language(client):
    focus = slugs(get(client, "/themes", kind="focus_area"))
    assert focus == ["environment-and-health", "values-and-rules", "communication-and-learning",
                     "business-and-value-creation"]
    assert "loneliness" in slugs(get(client, "/themes", q="ensomhed"))  # Danish
    assert "loneliness" in slugs(get(client, "/themes", q="Ensamhet"))  # Swedish
    assert get(client, "/themes", kind="hobby").status_code == 422


def test_a_theme_has_its_labels_in_every_language_and_the_label_of_the_request(client):
    body = client.get(f"{API}/themes/loneliness", HTTP_ACCEPT_LANGUAGE="da").json()
    assert body["label"] == "Ensomhed"
    assert body["labels"] == {"en": "Loneliness", "sv": "Ensamhet", "nb": "Ensomhet", "da": "Ensomhed"}
    assert body["id"] == Theme.objects.get(slug="loneliness").pk
    assert body["url"] == "/organisations/?theme=loneliness"


@pytest.mark.parametrize("role", WRITERS)
def test_only_hub_admins_rename_a_theme(client, role):
    user = user_for(role, organisation=OrganisationFactory())
    response = send(client, "patch", "/themes/loneliness", {"sv": "Ofrivillig ensamhet"}, user)
    expected = {"anonymous": 401, "hub_admin": 200}.get(role, 403)
    assert response.status_code == expected
    labels = Theme.objects.get(slug="loneliness").labels
    assert (labels["sv"] == "Ofrivillig ensamhet") is (role == "hub_admin")
    assert labels["en"] == "Loneliness"


def test_a_theme_keeps_its_english_name(client, hub_admin):
    response = send(client, "patch", "/themes/loneliness", {"en": "", "da": "Ensomhed"}, hub_admin)
    assert response.status_code == 422
    assert "en" in response.json()["errors"]
    assert Theme.objects.get(slug="loneliness").labels["en"] == "Loneliness"


# Organisations: reading --------------------------------------------------------------------------

def test_the_organisation_list_takes_the_pages_filters_and_a_query(client):
    region = PlaceFactory(name="Testskåne", level="region")
    malmo = PlaceFactory(name="Testmalmö", parent=region)
    loneliness = Theme.objects.get(slug="loneliness")
    OrganisationFactory(name="Fixa Kollektivet", slug="fixa", kind="social_enterprise", head_office=malmo,
                        themes=[loneliness], offers="Mentoring")
    OrganisationFactory(name="Malmö stad", slug="malmo-stad", kind="municipality", sector="public",
                        areas_served=[malmo])
    OrganisationFactory(name="NAV Tromsø", slug="nav-tromso", kind="job_centre", sector="public", country="NO")

    assert slugs(get(client, "/organisations")) == ["fixa", "malmo-stad", "nav-tromso"]
    assert slugs(get(client, "/organisations", kind="municipality")) == ["malmo-stad"]
    assert slugs(get(client, "/organisations", sector="public", country="NO")) == ["nav-tromso"]
    assert slugs(get(client, "/organisations", place=region.slug)) == ["fixa", "malmo-stad"]
    assert slugs(get(client, "/organisations", theme="loneliness")) == ["fixa"]
    assert slugs(get(client, "/organisations", offers="true")) == ["fixa"]
    assert slugs(get(client, "/organisations", q="kollektiv")) == ["fixa"]


def test_the_organisation_list_is_paginated_with_items_and_count_and_at_most_100_a_page(client):
    for n in range(3):
        OrganisationFactory(name=f"Org {n}", slug=f"org-{n}")
    body = get(client, "/organisations", limit=2, offset=1).json()
    assert body["count"] == 3
    assert [item["slug"] for item in body["items"]] == ["org-1", "org-2"]
    assert get(client, "/organisations", limit=101).status_code == 422


def test_an_unknown_organisation_filter_value_is_a_422_naming_the_filter(client):
    response = get(client, "/organisations", kind="spaceship", theme="no-such-theme")
    assert response.status_code == 422
    body = response.json()
    assert body["message"] == "The request has errors."
    assert set(body["errors"]) == {"kind", "theme"}


def test_an_organisation_in_the_list_has_an_id_a_page_path_and_its_themes(client):
    organisation = OrganisationFactory(name="Fixa", slug="fixa", themes=[Theme.objects.get(slug="loneliness")])
    item = get(client, "/organisations").json()["items"][0]
    assert item["id"] == organisation.pk
    assert item["url"] == "/organisations/fixa/"
    assert item["themes"] == [{"id": Theme.objects.get(slug="loneliness").pk, "slug": "loneliness",
                               "kind": "challenge", "label": "Loneliness"}]
    assert "email" not in item


def test_the_organisation_detail_has_the_profile_its_people_and_groups(client):
    admin = listed_person(name="Alma Admin")
    hidden = UserFactory(name="Ulla Unlisted")
    organisation = OrganisationFactory(name="Fixa", slug="fixa", admins=[admin], offers="Mentoring",
                                       website="https://fixa.example", social_links=["https://x.example/fixa"])
    MembershipFactory(organisation=organisation, user=hidden)
    group = LocalGroupFactory(name="Malmö lokalgrupp", slug="malmo-lokalgrupp", organisations=[organisation])

    body = get(client, "/organisations/fixa").json()

    assert body["id"] == organisation.pk and body["url"] == "/organisations/fixa/"
    assert body["offers"] == "Mentoring" and body["social_links"] == ["https://x.example/fixa"]
    assert body["people"] == [{"id": admin.pk, "url": f"/people/{admin.pk}/", "display_name": "Alma Admin",
                               "role": "admin"}]
    assert body["local_groups"] == [{"id": group.pk, "url": "/groups/malmo-lokalgrupp/", "slug": "malmo-lokalgrupp",
                                     "name": "Malmö lokalgrupp"}]


@pytest.mark.parametrize("visibility, shown_to", [
    ("public", {"anonymous", "member", "organisation_admin", "hub_admin"}),
    ("members", {"member", "organisation_admin", "hub_admin"}),
    ("only_me", {"organisation_admin"}),
])
@pytest.mark.parametrize("role", ["anonymous", "member", "organisation_admin", "hub_admin"])
def test_an_organisations_email_and_phone_are_shown_as_it_chose(client, visibility, shown_to, role):
    organisation = OrganisationFactory(slug="fixa", email="hej@fixa.example", email_visibility=visibility,
                                       phone="+46 40 123 45", phone_visibility=visibility)
    viewer = user_for(role, organisation=organisation)
    body = get(client, "/organisations/fixa", viewer).json()
    shown = role in shown_to
    assert (body["email"] == "hej@fixa.example") is shown
    assert (body["phone"] == "+46 40 123 45") is shown
    if not shown:
        assert body["email"] is None and body["phone"] is None


def test_a_merged_organisation_answers_with_the_address_of_the_one_it_was_merged_into(client):
    target = OrganisationFactory(slug="target")
    OrganisationFactory(slug="duplicate", merged_into=target)
    response = get(client, "/organisations/duplicate")
    assert response.status_code == 301
    assert response["Location"] == f"{API}/organisations/target"
    assert slugs(get(client, "/organisations")) == ["target"]


def test_a_made_up_token_is_refused_even_where_visitors_may_read(client):
    response = client.get(f"{API}/organisations", HTTP_AUTHORIZATION="Bearer smk_made-up")
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/organisations", "/organisations?kind=social_enterprise&sort=newest"])
def test_the_organisation_list_runs_the_same_queries_for_5_and_50_rows(client, path, django_assert_max_num_queries):
    theme = Theme.objects.get(slug="loneliness")
    region = PlaceFactory(level="region")

    def add(n, start):
        for i in range(start, start + n):
            OrganisationFactory(head_office=PlaceFactory(parent=region), themes=[theme])

    def count() -> int:
        client.get(f"{API}{path}&limit=100" if "?" in path else f"{API}{path}?limit=100")
        with django_assert_max_num_queries(10) as captured:
            response = client.get(f"{API}{path}&limit=100" if "?" in path else f"{API}{path}?limit=100")
        assert response.status_code == 200
        return len(captured)

    add(5, 0)
    with_five = count()
    add(45, 5)
    assert count() == with_five


def test_an_organisation_runs_the_same_queries_with_5_and_50_people_and_groups(client, member,
                                                                               django_assert_max_num_queries):
    organisation = OrganisationFactory(slug="fixa", admins=[member], themes=[Theme.objects.get(slug="loneliness")])
    headers = headers_for(member)

    def add(n):
        for _ in range(n):
            MembershipFactory(organisation=organisation, user=listed_person())
            LocalGroupFactory(organisations=[organisation])
            organisation.areas_served.add(PlaceFactory())

    def count() -> int:
        client.get(f"{API}/organisations/fixa", **headers)
        with django_assert_max_num_queries(10) as captured:
            response = client.get(f"{API}/organisations/fixa", **headers)
        assert response.status_code == 200
        return len(captured)

    add(5)
    with_five = count()
    add(45)
    assert count() == with_five


# Organisations: writing --------------------------------------------------------------------------

NEW_ORGANISATION = {"name": "Grannskapsverket", "kind": "social_enterprise", "sector": "civil", "country": "SE",
                    "legal_form": "se-ekonomisk-forening", "description": "Vi driver en grannskapsinkubator."}


@pytest.mark.parametrize("role", WRITERS)
def test_any_member_adds_an_organisation_and_becomes_its_admin(client, role):
    user = user_for(role, organisation=OrganisationFactory(slug="other"))
    response = send(client, "post", "/organisations", NEW_ORGANISATION, user)
    if role == "anonymous":
        assert response.status_code == 401
        assert not Organisation.objects.filter(name="Grannskapsverket").exists()
        return
    assert response.status_code == 201, response.content
    body = response.json()
    organisation = Organisation.objects.get(pk=body["id"])
    assert body["url"] == f"/organisations/{organisation.slug}/" == "/organisations/grannskapsverket/"
    assert Membership.objects.get(organisation=organisation).user == user
    assert body["people"][0]["role"] == "admin"


def test_an_organisation_is_added_with_places_and_themes_by_slug_and_a_normalised_number(client, member):
    malmo = PlaceFactory(name="Testmalmö", slug="test-malmo")
    payload = {**NEW_ORGANISATION, "org_number": "5560360793", "head_office": "test-malmo",
               "areas_served": ["test-malmo"], "themes": ["loneliness"], "offer_themes": ["youth-unemployment"],
               "social_links": ["https://www.facebook.com/grannskapsverket"]}
    body = send(client, "post", "/organisations", payload, member).json()
    assert body["org_number"] == "556036-0793"
    assert body["head_office"]["id"] == malmo.pk
    assert [place["slug"] for place in body["areas_served"]] == ["test-malmo"]
    assert [theme["slug"] for theme in body["themes"]] == ["loneliness"]
    assert [theme["slug"] for theme in body["offer_themes"]] == ["youth-unemployment"]
    assert body["social_links"] == ["https://www.facebook.com/grannskapsverket"]


def test_an_invalid_organisation_number_is_a_422_on_that_field_and_nothing_is_saved(client, member):
    response = send(client, "post", "/organisations", {**NEW_ORGANISATION, "org_number": "556036-0794"}, member)
    assert response.status_code == 422
    body = response.json()
    assert body["message"] == "The request has errors."
    assert body["errors"] == {"org_number": ["This is not a valid Swedish organisation number."]}
    assert not Organisation.objects.exists()


def test_a_duplicate_number_unknown_slugs_and_a_wrong_kind_are_field_errors(client, member):
    OrganisationFactory(country="SE", org_number="556036-0793")
    payload = {**NEW_ORGANISATION, "org_number": "5560360793", "kind": "spaceship", "themes": ["no-such-theme"],
               "head_office": "atlantis"}
    errors = send(client, "post", "/organisations", payload, member).json()["errors"]
    assert set(errors) == {"org_number", "kind", "themes", "head_office"}
    assert Organisation.objects.count() == 1


def test_an_unknown_field_is_refused_rather_than_ignored(client, member):
    response = send(client, "post", "/organisations", {**NEW_ORGANISATION, "adress": "Storgatan 1"}, member)
    assert response.status_code == 422
    assert not Organisation.objects.exists()


def test_a_too_long_name_is_the_same_field_error_as_on_the_page(client, member):
    response = send(client, "post", "/organisations", {**NEW_ORGANISATION, "name": "x" * 201}, member)
    assert response.status_code == 422
    assert response.json()["errors"] == {"name": ["Ensure this value has at most 200 characters (it has 201)."]}


@pytest.mark.parametrize("role", WRITERS)
def test_an_organisations_admins_and_hub_admins_change_it(client, role):
    organisation = OrganisationFactory(name="Fixa", slug="fixa")
    user = user_for(role, organisation=organisation)
    response = send(client, "patch", "/organisations/fixa", {"name": "Fixa Kollektivet"}, user)
    expected = {"anonymous": 401, "organisation_admin": 200, "hub_admin": 200}.get(role, 403)
    assert response.status_code == expected
    organisation.refresh_from_db()
    assert (organisation.name == "Fixa Kollektivet") is (expected == 200)
    if expected != 200:
        assert "message" in response.json()


def test_a_change_keeps_the_fields_not_sent(client, member):
    place = PlaceFactory(slug="test-malmo")
    organisation = OrganisationFactory(slug="fixa", admins=[member], head_office=place, org_number="556036-0793",
                                       themes=[Theme.objects.get(slug="loneliness")], offers="Mentoring",
                                       social_links=["https://x.example/fixa"])
    body = send(client, "patch", "/organisations/fixa", {"seeks": "Funding", "seek_themes": ["poverty"]}, member).json()
    assert body["seeks"] == "Funding" and [t["slug"] for t in body["seek_themes"]] == ["poverty"]
    assert body["offers"] == "Mentoring" and [t["slug"] for t in body["themes"]] == ["loneliness"]
    assert body["head_office"]["slug"] == "test-malmo" and body["org_number"] == "556036-0793"
    assert body["social_links"] == ["https://x.example/fixa"]
    assert body["slug"] == "fixa" and organisation.memberships.count() == 1


def test_a_change_that_breaks_the_profile_is_a_422_and_changes_nothing(client, member):
    organisation = OrganisationFactory(slug="fixa", name="Fixa", admins=[member], country="SE",
                                       legal_form="se-ideell-forening")
    response = send(client, "patch", "/organisations/fixa", {"name": "Fixa NO", "country": "NO"}, member)
    assert response.status_code == 422
    assert "legal_form" in response.json()["errors"]
    organisation.refresh_from_db()
    assert (organisation.name, organisation.country) == ("Fixa", "SE")


def test_a_session_change_needs_the_csrf_token(member):
    from django.test import Client

    OrganisationFactory(slug="fixa", admins=[member])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    response = strict.patch(f"{API}/organisations/fixa", json.dumps({"name": "x"}), content_type="application/json")
    assert response.status_code in (401, 403)


# People ------------------------------------------------------------------------------------------

def test_the_people_list_is_for_members_only(client):
    listed_person()
    response = get(client, "/people")
    assert response.status_code == 401
    assert response.json()["message"]
    assert get(client, f"/people/{listed_person().pk}").status_code == 401


def test_members_see_only_people_who_agreed_to_be_listed(client, member):
    listed = listed_person(name="Lisa Listed")
    unlisted = UserFactory(name="Ulf Unlisted")
    names = [item["display_name"] for item in get(client, "/people", member).json()["items"]]
    assert names == ["Lisa Listed"]
    assert get(client, f"/people/{listed.pk}", member).json()["id"] == listed.pk
    assert get(client, f"/people/{unlisted.pk}", member).status_code == 404


def test_a_hub_admin_does_not_see_people_who_did_not_agree(client, hub_admin):
    unlisted = UserFactory(name="Ulf Unlisted")
    assert get(client, "/people", hub_admin).json()["count"] == 0
    assert get(client, f"/people/{unlisted.pk}", hub_admin).status_code == 404


def test_a_person_sees_their_own_entry_even_when_not_listed(client):
    person = UserFactory(skills="mentoring")
    assert get(client, f"/people/{person.pk}", person).json()["skills"] == "mentoring"


def test_people_are_found_by_skill_theme_place_and_query(client, member):
    region = PlaceFactory(level="region", slug="test-region")
    loneliness = Theme.objects.get(slug="loneliness")
    sara = listed_person(name="Sara Sjöberg", skills="facilitation", place=PlaceFactory(parent=region))
    sara.themes.add(loneliness)
    listed_person(name="Per Persson", skills="bookkeeping", interests="urban gardening")

    def names(**params):
        return [item["display_name"] for item in get(client, "/people", member, **params).json()["items"]]

    assert names(skill="facilit") == ["Sara Sjöberg"]
    assert names(theme="loneliness") == ["Sara Sjöberg"]
    assert names(place="test-region") == ["Sara Sjöberg"]
    assert names(q="gardening") == ["Per Persson"]
    assert names(q="sjöberg") == ["Sara Sjöberg"]
    assert get(client, "/people", member, theme="no-such-theme").status_code == 422


def test_a_person_has_an_id_a_page_path_their_themes_and_organisations(client, member):
    person = listed_person(name="Sara Sjöberg", skills="facilitation")
    person.themes.add(Theme.objects.get(slug="loneliness"))
    organisation = OrganisationFactory(name="Fixa", slug="fixa")
    MembershipFactory(organisation=organisation, user=person, role=Membership.Role.CONTACT)
    body = get(client, f"/people/{person.pk}", member).json()
    assert body["id"] == person.pk and body["url"] == f"/people/{person.pk}/"
    assert [theme["slug"] for theme in body["themes"]] == ["loneliness"]
    assert body["organisations"] == [{"id": organisation.pk, "url": "/organisations/fixa/", "slug": "fixa",
                                      "name": "Fixa", "role": "contact"}]
    assert get(client, "/people", member).json()["items"][0] == body


@pytest.mark.parametrize("visibility, shown_to", [
    ("public", {"member", "hub_admin", "self"}),
    ("members", {"member", "hub_admin", "self"}),
    ("only_me", {"self"}),
])
@pytest.mark.parametrize("role", ["member", "hub_admin", "self"])
def test_a_persons_email_and_phone_are_shown_only_as_they_chose(client, visibility, shown_to, role):
    person = listed_person(email="sara@example.org", email_visibility=visibility, phone="+46 70 1",
                           phone_visibility=visibility)
    viewer = person if role == "self" else user_for(role)
    shown = role in shown_to
    for body in (get(client, f"/people/{person.pk}", viewer).json(),
                 next(item for item in get(client, "/people", viewer).json()["items"] if item["id"] == person.pk)):
        assert (body["email"] == "sara@example.org") is shown
        assert (body["phone"] == "+46 70 1") is shown


def test_the_people_list_runs_the_same_queries_for_5_and_50_people(client, member, django_assert_max_num_queries):
    theme = Theme.objects.get(slug="loneliness")
    organisation = OrganisationFactory()
    headers = headers_for(member)

    def add(n):
        for _ in range(n):
            person = listed_person(place=PlaceFactory())
            person.themes.add(theme)
            MembershipFactory(organisation=organisation, user=person)

    def count() -> int:
        client.get(f"{API}/people?limit=100", **headers)  # warm the caches every request shares
        with django_assert_max_num_queries(10) as captured:
            response = client.get(f"{API}/people?limit=100", **headers)
        assert response.status_code == 200
        return len(captured)

    add(5)
    with_five = count()
    add(45)
    assert count() == with_five


# Local groups ------------------------------------------------------------------------------------

def test_groups_are_listed_with_their_place_theme_and_contact_persons(client):
    place = PlaceFactory(name="Testmalmö", slug="test-malmo")
    group = LocalGroupFactory(name="Malmö lokalgrupp", slug="malmo", place=place)
    LocalGroupFactory(name="Ensamhet", slug="ensamhet", theme=Theme.objects.get(slug="loneliness"),
                      description="Vi möts mot ofrivillig ensamhet.")
    contact = UserFactory(name="Kim Kontakt")
    GroupMembershipFactory(group=group, user=contact, role=GroupMembership.Role.CONTACT)
    GroupMembershipFactory(group=group)

    body = get(client, "/groups").json()
    assert body["count"] == 2
    malmo = next(item for item in body["items"] if item["slug"] == "malmo")
    assert malmo["id"] == group.pk and malmo["url"] == "/groups/malmo/"
    assert malmo["place"]["slug"] == "test-malmo" and malmo["theme"] is None
    assert malmo["member_count"] == 2
    # A contact person is a public role; their page opens only with consent.
    assert malmo["contacts"] == [{"id": contact.pk, "url": None, "display_name": "Kim Kontakt"}]
    assert slugs(get(client, "/groups", q="ofrivillig")) == ["ensamhet"]
    assert slugs(get(client, "/groups", place="test-malmo")) == ["malmo"]
    assert slugs(get(client, "/groups", theme="loneliness")) == ["ensamhet"]


def test_a_group_shows_contacts_as_they_chose_and_only_listed_members(client, member):
    group = LocalGroupFactory(slug="malmo", place=PlaceFactory())
    contact = listed_person(name="Kim Kontakt", email="kim@example.org", email_visibility="members")
    GroupMembershipFactory(group=group, user=contact, role=GroupMembership.Role.CONTACT)
    listed = listed_person(name="Lisa Listed")
    GroupMembershipFactory(group=group, user=listed)
    GroupMembershipFactory(group=group, user=UserFactory(name="Ulf Unlisted"))

    as_visitor = get(client, "/groups/malmo").json()
    assert as_visitor["contacts"][0]["email"] is None
    assert [m["display_name"] for m in as_visitor["members"]] == ["Lisa Listed"]
    assert as_visitor["unlisted_member_count"] == 1 and as_visitor["member_count"] == 3
    assert get(client, "/groups/malmo", member).json()["contacts"][0]["email"] == "kim@example.org"


def test_a_groups_organisations_are_a_paginated_list(client):
    place = PlaceFactory(slug="test-malmo")
    group = LocalGroupFactory(slug="malmo", place=place)
    OrganisationFactory(slug="at-the-place", head_office=place)
    OrganisationFactory(slug="linked", country="NO")
    group.organisations.add(Organisation.objects.get(slug="linked"))
    OrganisationFactory(slug="elsewhere")
    detail = get(client, "/groups/malmo").json()
    assert detail["organisations_url"] == f"{API}/groups/malmo/organisations"
    body = client.get(detail["organisations_url"]).json()
    assert body["count"] == 2 and {item["slug"] for item in body["items"]} == {"at-the-place", "linked"}


def test_the_group_list_runs_the_same_queries_for_5_and_50_groups(client, member, django_assert_max_num_queries):
    headers = headers_for(member)

    def add(n):
        for _ in range(n):
            group = LocalGroupFactory(place=PlaceFactory(), theme=Theme.objects.get(slug="loneliness"))
            GroupMembershipFactory(group=group, role=GroupMembership.Role.CONTACT)
            GroupMembershipFactory(group=group)

    def count() -> int:
        client.get(f"{API}/groups?limit=100", **headers)
        with django_assert_max_num_queries(10) as captured:
            response = client.get(f"{API}/groups?limit=100", **headers)
        assert response.status_code == 200
        return len(captured)

    add(5)
    with_five = count()
    add(45)
    assert count() == with_five


@pytest.mark.parametrize("role", WRITERS)
def test_facilitators_and_hub_admins_create_groups(client, role):
    user = user_for(role, organisation=OrganisationFactory(slug="fixa"))
    PlaceFactory(slug="test-malmo")
    response = send(client, "post", "/groups", {"name": "Malmö lokalgrupp", "place": "test-malmo",
                                                "theme": "loneliness", "organisations": ["fixa"]}, user)
    expected = {"anonymous": 401, "facilitator": 201, "hub_admin": 201}.get(role, 403)
    assert response.status_code == expected
    if expected == 201:
        body = response.json()
        group = LocalGroup.objects.get(pk=body["id"])
        assert body["url"] == "/groups/malmo-lokalgrupp/" and body["place"]["slug"] == "test-malmo"
        assert list(group.organisations.values_list("slug", flat=True)) == ["fixa"]
    else:
        assert not LocalGroup.objects.exists()


@pytest.mark.parametrize("role", WRITERS)
def test_facilitators_and_hub_admins_change_groups(client, role):
    user = user_for(role, organisation=OrganisationFactory())
    LocalGroupFactory(slug="malmo", name="Malmö", place=PlaceFactory())
    response = send(client, "patch", "/groups/malmo", {"name": "Malmö lokalgrupp"}, user)
    expected = {"anonymous": 401, "facilitator": 200, "hub_admin": 200}.get(role, 403)
    assert response.status_code == expected
    assert (LocalGroup.objects.get(slug="malmo").name == "Malmö lokalgrupp") is (expected == 200)


def test_a_group_change_keeps_what_is_not_sent_and_replaces_the_organisations_when_sent(client, hub_admin):
    place = PlaceFactory(slug="test-malmo")
    kept = OrganisationFactory(slug="kept")
    OrganisationFactory(slug="new")
    group = LocalGroupFactory(slug="malmo", place=place, description="Monthly.", organisations=[kept])
    body = send(client, "patch", "/groups/malmo", {"theme": "loneliness"}, hub_admin).json()
    assert body["place"]["slug"] == "test-malmo" and body["theme"]["slug"] == "loneliness"
    assert body["description"] == "Monthly."
    assert list(group.organisations.values_list("slug", flat=True)) == ["kept"]
    send(client, "patch", "/groups/malmo", {"organisations": ["new"]}, hub_admin)
    assert list(group.organisations.values_list("slug", flat=True)) == ["new"]


def test_a_group_needs_a_place_or_a_theme(client, hub_admin):
    response = send(client, "post", "/groups", {"name": "Nowhere"}, hub_admin)
    assert response.status_code == 422
    assert "place" in response.json()["errors"]
    LocalGroupFactory(slug="malmo", place=PlaceFactory())
    response = send(client, "patch", "/groups/malmo", {"place": None}, hub_admin)
    assert response.status_code == 422
    assert LocalGroup.objects.get(slug="malmo").place is not None


# The OpenAPI document and the reference page -----------------------------------------------------

DIRECTORY_OPERATIONS = [
    "GET /api/v1/organisations", "POST /api/v1/organisations", "GET /api/v1/organisations/{slug}",
    "PATCH /api/v1/organisations/{slug}", "GET /api/v1/people", "GET /api/v1/people/{person_id}",
    "GET /api/v1/groups", "POST /api/v1/groups", "GET /api/v1/groups/{slug}", "PATCH /api/v1/groups/{slug}",
    "GET /api/v1/groups/{slug}/organisations", "GET /api/v1/places", "GET /api/v1/places/{slug}",
    "GET /api/v1/themes", "GET /api/v1/themes/{slug}", "PATCH /api/v1/themes/{slug}",
]


def test_the_openapi_document_lists_the_directory_endpoints(client):
    document = client.get(f"{API}/openapi.json").json()
    listed = {f"{method.upper()} {path}" for path, item in document["paths"].items() for method in item}
    assert set(DIRECTORY_OPERATIONS) <= listed
    kind = next(p for p in document["paths"]["/api/v1/organisations"]["get"]["parameters"] if p["name"] == "kind")
    assert "municipality" in kind["schema"]["enum"]


def test_the_reference_page_shows_the_directory_endpoints_their_parameters_and_who_may_call(client):
    html = client.get(f"{API}/docs").content.decode()
    for operation in DIRECTORY_OPERATIONS:
        assert f"<code>{operation}</code>" in html, operation
    assert 'id="schema-OrganisationDetailOut"' in html and 'id="schema-OrganisationIn"' in html
    assert "<td><code>slug</code></td><td>path</td>" in html
    assert "Open to everyone; with a token or a logged-in session you may see more." in html
    assert "<code>municipality</code>" in html  # the values a filter takes


def test_the_list_total_is_remembered_until_the_directory_changes(client, django_assert_max_num_queries):
    client.force_login(UserFactory())  # a member: no whole-answer cache, only the total's
    OrganisationFactory()
    assert client.get("/api/v1/organisations").json()["count"] == 1
    with django_assert_max_num_queries(10) as context:
        client.get("/api/v1/organisations")
    assert not [query for query in context.captured_queries if "COUNT(" in query["sql"].upper()]
    OrganisationFactory()
    assert client.get("/api/v1/organisations").json()["count"] == 2


def test_a_visitors_repeated_list_is_answered_from_the_cache_until_the_directory_changes(
        client, django_assert_num_queries):
    OrganisationFactory(name="Fixa Hus")
    first = client.get("/api/v1/organisations")
    with django_assert_num_queries(0):
        again = client.get("/api/v1/organisations")
    assert again.json() == first.json() and again["Content-Type"] == first["Content-Type"]
    OrganisationFactory(name="Fixa Hem")
    assert {item["name"] for item in client.get("/api/v1/organisations").json()["items"]} == {"Fixa Hus", "Fixa Hem"}


def test_members_and_token_holders_are_never_answered_from_the_visitors_cache(client):
    from samskap.accounts.models import Visibility

    organisation = OrganisationFactory(email="kontakt@fixahus.se", email_visibility=Visibility.MEMBERS)
    url = f"/api/v1/organisations/{organisation.slug}"
    assert client.get(url).json().get("email") in (None, "")  # the visitor's copy, now cached
    member = UserFactory()
    _token, secret = api_token_create(user=member, by=member, name="test")
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").json()["email"] == "kontakt@fixahus.se"
    client.force_login(member)
    assert client.get(url).json()["email"] == "kontakt@fixahus.se"

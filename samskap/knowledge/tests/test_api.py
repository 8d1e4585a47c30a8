"""The knowledge API: /api/v1/resources (read and write) and /api/v1/funding-calls (read)."""

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from samskap.accounts.services import api_token_create
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.core.selectors import search
from samskap.knowledge.models import FundingCall, FundingDeadline, Resource
from samskap.knowledge.tests.factories import FundingCallFactory, MethodCardFactory, ResourceFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def token_for(user) -> dict:
    _token, key = api_token_create(user=user, by=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def get(client, path, user=None, **params):
    return client.get(f"{API}{path}", params, **(token_for(user) if user is not None else {}))


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def member_of(organisation):
    user = UserFactory()
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.MEMBER,
                              status=Membership.Status.ACTIVE)
    return user


# Funding calls: the list -------------------------------------------------------------------------


def test_the_funding_list_has_open_calls_soonest_deadline_first_and_rolling_ones_last(client):
    now = timezone.now()
    later = FundingCallFactory(next_deadline=now + timedelta(days=40))
    sooner = FundingCallFactory(next_deadline=now + timedelta(days=3))
    rolling = FundingCallFactory(is_rolling=True, next_deadline=None, deadline=False)
    closed = FundingCallFactory(next_deadline=None, deadline=False)
    FundingDeadline.objects.create(call=closed, due=now - timedelta(days=10))
    FundingCallFactory(is_published=False)

    assert ids(get(client, "/funding-calls")) == [sooner.pk, later.pk, rolling.pk]
    assert get(client, "/funding-calls").json()["count"] == 3
    assert set(ids(get(client, "/funding-calls", open="false"))) == {sooner.pk, later.pk, rolling.pk, closed.pk}


def test_the_funding_list_filters_by_theme_eligible_kind_place_currency_and_closing_days(client):
    now = timezone.now()
    loneliness = make_theme("Loneliness")
    region = make_place("Testskåne", level="region")
    city = make_place("Testmalmö", parent=region)
    for_associations = FundingCallFactory(eligible_kinds=["association"], themes=[loneliness],
                                          next_deadline=now + timedelta(days=5))
    in_region = FundingCallFactory(eligible_places=[region], currency="EUR", next_deadline=now + timedelta(days=60))
    elsewhere = FundingCallFactory(eligible_places=[make_place("Testtromsø", country="NO")],
                                   eligible_kinds=["cooperative"], next_deadline=now + timedelta(days=90))

    assert ids(get(client, "/funding-calls", theme=loneliness.slug)) == [for_associations.pk]
    # A call open to any kind is open to associations too.
    assert ids(get(client, "/funding-calls", kind="association")) == [for_associations.pk, in_region.pk]
    # A call for the region is open in a city within it; a call open anywhere too.
    assert ids(get(client, "/funding-calls", place=city.slug)) == [for_associations.pk, in_region.pk]
    assert ids(get(client, "/funding-calls", currency="EUR")) == [in_region.pk]
    assert ids(get(client, "/funding-calls", closing_within_days=30)) == [for_associations.pk]
    assert ids(get(client, "/funding-calls", closing_within_days=100)) == [
        for_associations.pk, in_region.pk, elsewhere.pk]


@pytest.mark.parametrize("name,value", [("kind", "pirates"), ("theme", "no-such-theme"), ("place", "atlantis"),
                                        ("currency", "XYZ"), ("closing_within_days", "-1"),
                                        ("closing_within_days", "soon"), ("open", "perhaps")])
def test_an_unknown_funding_filter_value_is_a_422_naming_the_filter(client, name, value):
    response = get(client, "/funding-calls", **{name: value})

    assert response.status_code == 422
    assert response.json()["message"] == "The request has errors."
    assert name in json.dumps(response.json()["errors"])


def test_a_funding_list_item_has_its_id_page_funder_amounts_and_next_deadline_in_the_calls_time_zone(client):
    due = datetime(2031, 3, 14, 23, 59, tzinfo=ZoneInfo("Europe/Oslo"))
    funder = OrganisationFactory(name="Sparebankstiftelsen DNB", slug="sparebankstiftelsen", kind="funder")
    theme = make_theme("Work integration")
    norway = make_place("Testnorge", level="country", country="NO")
    call = FundingCallFactory(slug="tilskudd", funder=funder, currency="NOK", time_zone="Europe/Oslo",
                              amount_min=100_000, amount_max=1_000_000, next_deadline=due, themes=[theme],
                              eligible_places=[norway], eligible_kinds=["association", "cooperative"],
                              url="https://www.sparebankstiftelsen.no/soknad")

    item = get(client, "/funding-calls").json()["items"][0]

    assert item["id"] == call.pk and item["url"] == "/funding/tilskudd/"
    assert item["funder"] == {"id": funder.pk, "url": "/organisations/sparebankstiftelsen/",
                              "slug": "sparebankstiftelsen", "name": "Sparebankstiftelsen DNB"}
    assert (item["amount_min"], item["amount_max"], item["currency"]) == (100_000, 1_000_000, "NOK")
    assert item["next_deadline"] == "2031-03-14T23:59:00+01:00" and item["time_zone"] == "Europe/Oslo"
    assert item["is_open"] is True and item["is_rolling"] is False
    assert item["eligible_kinds"] == ["association", "cooperative"]
    assert [place["slug"] for place in item["eligible_places"]] == [norway.slug]
    assert [t["slug"] for t in item["themes"]] == [theme.slug] and item["themes"][0]["label"] == "Work integration"
    assert item["web_address"] == "https://www.sparebankstiftelsen.no/soknad"


def test_the_funding_list_runs_the_same_few_queries_for_three_calls_or_thirty(client, django_assert_max_num_queries):
    theme, place = make_theme("Housing"), make_place("Testlund")
    FundingCallFactory.create_batch(3, themes=[theme], eligible_places=[place])
    with django_assert_max_num_queries(10) as few:
        assert len(ids(get(client, "/funding-calls"))) == 3
    FundingCallFactory.create_batch(27, themes=[theme], eligible_places=[place])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(ids(get(client, "/funding-calls", limit=50))) == 30


# Funding calls: one call -------------------------------------------------------------------------


def test_a_funding_call_has_every_deadline_in_its_time_zone_with_eligibility_and_contact(client):
    now = timezone.now()
    call = FundingCallFactory(slug="pulje", time_zone="Europe/Copenhagen", currency="DKK", deadline=False,
                              next_deadline=datetime(2031, 9, 1, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen")),
                              eligibility="Foreninger i Region Midtjylland.", co_financing="50 % medfinansiering",
                              contact_name="Mette Jensen", contact_email="mette@fond.example")
    passed = FundingDeadline.objects.create(call=call, label="Runde 1", due=now - timedelta(days=30))
    ahead = FundingDeadline.objects.create(call=call, label="Runde 2", due=call.next_deadline)

    body = get(client, f"/funding-calls/{call.pk}").json()

    assert body["id"] == call.pk and body["url"] == "/funding/pulje/"
    assert body["deadlines"][1] == {"id": ahead.pk, "label": "Runde 2", "due": "2031-09-01T12:00:00+02:00",
                                    "passed": False}
    assert body["deadlines"][0]["id"] == passed.pk and body["deadlines"][0]["passed"] is True
    assert body["deadlines"][0]["due"].endswith(("+01:00", "+02:00"))
    assert body["next_deadline"] == "2031-09-01T12:00:00+02:00"
    assert body["eligibility"] == "Foreninger i Region Midtjylland."
    assert body["co_financing"] == "50 % medfinansiering"
    assert (body["contact_name"], body["contact_email"]) == ("Mette Jensen", "mette@fond.example")
    assert body["funder"]["id"] == call.funder_id and body["funder"]["name"] == call.funder.name


def test_a_rolling_call_has_no_next_deadline_and_is_open(client):
    call = FundingCallFactory(is_rolling=True, next_deadline=None, deadline=False)

    body = get(client, f"/funding-calls/{call.pk}").json()

    assert body["is_rolling"] is True and body["is_open"] is True
    assert body["next_deadline"] is None and body["deadlines"] == []


def test_a_hidden_call_is_not_found_except_by_its_funders_members_and_curators(client):
    call = FundingCallFactory(is_published=False)
    facilitator = UserFactory(is_facilitator=True)

    assert get(client, f"/funding-calls/{call.pk}").status_code == 404
    assert get(client, f"/funding-calls/{call.pk}").json() == {"message": "Not found."}
    assert get(client, f"/funding-calls/{call.pk}", user=UserFactory()).status_code == 404
    assert get(client, f"/funding-calls/{call.pk}", user=member_of(call.funder)).json()["is_published"] is False
    assert get(client, f"/funding-calls/{call.pk}", user=facilitator).status_code == 200
    assert call.pk in ids(get(client, "/funding-calls", user=facilitator))
    assert call.pk not in ids(get(client, "/funding-calls"))


def test_an_unknown_call_is_a_404(client):
    assert get(client, "/funding-calls/999999").status_code == 404
    assert FundingCall.objects.count() == 0


def test_a_broken_token_is_refused_rather_than_treated_as_a_visitor(client):
    response = client.get(f"{API}/funding-calls", HTTP_AUTHORIZATION="Bearer smk_made-up")

    assert response.status_code == 401


def test_the_openapi_document_lists_the_knowledge_endpoints(client):
    document = client.get(f"{API}/openapi.json").json()

    assert {f"{API}/funding-calls", f"{API}/funding-calls/{{call_id}}", f"{API}/resources",
            f"{API}/resources/{{resource_id}}"} <= set(document["paths"])
    assert {"get", "patch", "delete"} <= set(document["paths"][f"{API}/resources/{{resource_id}}"])
    assert {"FundingCallDetailOut", "ResourceDetailOut", "ResourceIn"} <= set(document["components"]["schemas"])


# Resources: the list -----------------------------------------------------------------------------


def test_the_resource_list_has_published_resources_newest_first(client):
    older = ResourceFactory(published_on=date(2024, 5, 1))
    newer = ResourceFactory(published_on=date(2025, 2, 1))
    ResourceFactory(is_published=False)

    assert ids(get(client, "/resources")) == [newer.pk, older.pk]
    assert get(client, "/resources").json()["count"] == 2


def test_the_resource_list_filters_as_the_page_does(client):
    region = make_place("Testvästra götaland", level="region")
    city = make_place("Testgöteborg", parent=region)
    loneliness = make_theme("Loneliness")
    card = MethodCardFactory(title="World Café i Göteborg", language="sv", places=[city], themes=[loneliness])
    danish = ResourceFactory(title="Guide til samskabelse", language="da", audiences=["residents"])

    assert ids(get(client, "/resources", kind="method")) == [card.pk]
    assert ids(get(client, "/resources", theme=loneliness.slug)) == [card.pk]
    assert ids(get(client, "/resources", language="da")) == [danish.pk]
    assert ids(get(client, "/resources", audience="residents")) == [danish.pk]
    assert ids(get(client, "/resources", place=region.slug)) == [card.pk]
    assert ids(get(client, "/resources", q="café")) == [card.pk]
    assert ids(get(client, "/resources", sort="title")) == [danish.pk, card.pk]


@pytest.mark.parametrize("name,value", [("kind", "podcast"), ("theme", "no-such-theme"), ("place", "atlantis"),
                                        ("language", "xx"), ("audience", "aliens"), ("sort", "random")])
def test_an_unknown_resource_filter_value_is_a_422_naming_the_filter(client, name, value):
    response = get(client, "/resources", **{name: value})

    assert response.status_code == 422
    assert name in response.json()["errors"]


def test_a_resource_list_item_has_its_id_page_web_address_author_themes_places_and_link_status(client):
    organisation = OrganisationFactory(name="Coompanion", slug="coompanion")
    theme, place = make_theme("Work integration"), make_place("Testmalmö")
    resource = ResourceFactory(slug="guide-wise", author_organisation=organisation, themes=[theme], places=[place],
                               url="https://coompanion.se/guide", link_status="broken", audiences=["entrepreneurs"])

    item = get(client, "/resources").json()["items"][0]

    assert item["id"] == resource.pk and item["url"] == "/knowledge/guide-wise/"
    assert item["web_address"] == "https://coompanion.se/guide" and item["link_status"] == "broken"
    assert item["author"] == {"name": "Coompanion", "person": None, "organisation": {
        "id": organisation.pk, "url": "/organisations/coompanion/", "slug": "coompanion", "name": "Coompanion"}}
    assert [t["slug"] for t in item["themes"]] == [theme.slug]
    assert [p["slug"] for p in item["places"]] == [place.slug]
    assert item["audiences"] == ["entrepreneurs"] and item["kind"] == "guide" and item["is_method_card"] is False


def test_the_resource_list_runs_the_same_few_queries_for_three_resources_or_thirty(
        client, django_assert_max_num_queries):
    theme, place = make_theme("Housing"), make_place("Testlund")
    organisation = OrganisationFactory()
    ResourceFactory.create_batch(3, themes=[theme], places=[place], author_organisation=organisation)
    with django_assert_max_num_queries(10) as few:
        assert len(ids(get(client, "/resources"))) == 3
    ResourceFactory.create_batch(27, themes=[theme], places=[place], author_person=UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(ids(get(client, "/resources", limit=50))) == 30


# Resources: one resource -------------------------------------------------------------------------


def test_a_method_card_has_its_text_as_markdown_and_safe_html_its_card_fields_and_versions(client):
    card = MethodCardFactory(slug="world-cafe", language="sv",
                             body="# Så går det till\n\nSamtal i **små grupper**.\n\n<script>alert(1)</script>")
    danish = MethodCardFactory(slug="world-cafe-da", language="da", translation_group=card.translation_group)
    related = MethodCardFactory(title="Open Space")
    card.related_methods.add(related)

    body = get(client, f"/resources/{card.pk}").json()

    assert body["id"] == card.pk and body["url"] == "/knowledge/world-cafe/"
    assert body["body"].startswith("# Så går det till")
    assert "<h2>Så går det till</h2>" in body["body_html"] and "<strong>små grupper</strong>" in body["body_html"]
    assert "<script" not in body["body_html"]
    assert body["is_method_card"] is True and body["purpose"] == card.purpose
    assert (body["group_size_min"], body["group_size_max"], body["duration_minutes"]) == (12, 300, 120)
    assert body["materials"] == ["Pappersdukar", "Pennor"]
    assert body["steps"] == ["Välj frågan", "Duka borden", "Tre samtalsrundor", "Skörda gemensamt"]
    assert body["versions"] == [{"id": danish.pk, "url": "/knowledge/world-cafe-da/", "title": danish.title,
                                 "language": "da"}]
    assert [method["id"] for method in body["related_methods"]] == [related.pk]


def test_a_hidden_resource_is_not_found_except_by_its_author_and_curators(client):
    author = UserFactory()
    resource = ResourceFactory(is_published=False, author_person=author)

    assert get(client, f"/resources/{resource.pk}").status_code == 404
    assert get(client, f"/resources/{resource.pk}", user=UserFactory()).status_code == 404
    assert get(client, f"/resources/{resource.pk}", user=author).json()["is_published"] is False
    assert get(client, f"/resources/{resource.pk}", user=UserFactory(is_facilitator=True)).status_code == 200
    assert resource.pk not in ids(get(client, "/resources"))
    assert resource.pk in ids(get(client, "/resources", user=author))


def test_an_unknown_resource_is_a_404(client):
    assert get(client, "/resources/999999").status_code == 404


# Resources: writes -------------------------------------------------------------------------------


def send(client, method, path, user, payload=None):
    return getattr(client, method)(f"{API}{path}", json.dumps(payload) if payload is not None else None,
                                   content_type="application/json", **token_for(user))


def test_a_member_adds_a_method_card_through_the_api_and_it_is_found_in_search(
        client, django_capture_on_commit_callbacks):
    member = UserFactory(name="Mira Medlem")
    theme, place = make_theme("Loneliness"), make_place("Testmalmö")
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "post", "/resources", member, {
            "kind": "method", "title": "Framtidsverkstad", "language": "sv", "summary": "Tre faser.",
            "body": "Kritik, fantasi och *förverkligande*.", "themes": [theme.slug], "places": [place.slug],
            "audiences": ["residents", "facilitators"], "purpose": "Att hitta gemensamma framtider.",
            "materials": ["Väggpapper", "Pennor"], "steps": ["Kritikfasen", "Fantasifasen", "Förverkligandet"],
            "group_size_min": 10, "group_size_max": 40, "duration_minutes": 240})

    assert response.status_code == 201, response.content
    body = response.json()
    resource = Resource.objects.get(pk=body["id"])
    assert body["url"] == resource.get_absolute_url()
    assert (resource.kind, resource.title, resource.author_person) == ("method", "Framtidsverkstad", member)
    assert resource.steps == "Kritikfasen\nFantasifasen\nFörverkligandet"
    assert list(resource.themes.all()) == [theme] and list(resource.places.all()) == [place]
    assert body["author"]["name"] == "Mira Medlem" and body["steps"][1] == "Fantasifasen"
    assert "<em>förverkligande</em>" in body["body_html"]
    assert [r.id for r in search(query="framtidsverkstad", kinds=["resource"])[0]] == [resource.pk]


def test_a_resource_without_text_file_or_web_address_is_refused_and_nothing_is_saved(client):
    response = send(client, "post", "/resources", UserFactory(), {"title": "Tom", "kind": "guide"})

    assert response.status_code == 422
    assert "A resource needs a text, a file or a web address" in json.dumps(response.json()["errors"])
    assert Resource.objects.count() == 0


@pytest.mark.parametrize("payload,field", [
    ({"title": "X", "web_address": "not a web address"}, "web_address"),
    ({"title": "X", "web_address": "https://example.org", "themes": ["no-such-theme"]}, "themes"),
    ({"title": "X", "web_address": "https://example.org", "places": ["atlantis"]}, "places"),
    ({"title": "X", "web_address": "https://example.org", "kind": "podcast"}, "kind"),
    ({"title": "X", "web_address": "https://example.org", "audiences": ["aliens"]}, "audiences"),
    ({"title": "", "web_address": "https://example.org"}, "title"),
    ({"title": "X", "body": "Text", "kind": "method", "group_size_min": 30, "group_size_max": 10}, "group_size_max"),
    ({"title": "X", "web_address": "https://example.org", "author_name": "Someone Else"}, "author_name"),
    ({"title": "X", "web_address": "https://example.org", "author_organisation": "not-mine"}, "author_organisation"),
])
def test_bad_resource_input_is_a_422_naming_the_field_and_nothing_is_saved(client, payload, field):
    OrganisationFactory(slug="not-mine")

    response = send(client, "post", "/resources", UserFactory(), payload)

    assert response.status_code == 422, response.content
    assert field in response.json()["errors"], response.json()
    assert Resource.objects.count() == 0


def test_an_unknown_field_is_refused_rather_than_ignored(client):
    response = send(client, "post", "/resources", UserFactory(), {"title": "X", "body": "Y", "colour": "red"})

    assert response.status_code == 422 and Resource.objects.count() == 0


def test_a_member_writes_for_their_organisation_and_a_curator_for_someone_outside_the_directory(client):
    member = UserFactory()
    organisation = OrganisationFactory(slug="sed", name="SED")
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.MEMBER,
                              status=Membership.Status.ACTIVE)
    mine = send(client, "post", "/resources", member, {"title": "Vår guide", "body": "Text",
                                                       "author_organisation": "sed"}).json()
    theirs = send(client, "post", "/resources", UserFactory(is_facilitator=True), {
        "title": "Nordic report", "web_address": "https://norden.org/report", "author_name": "Nordic Council"}).json()

    assert mine["author"]["organisation"]["slug"] == "sed" and mine["author"]["name"] == "SED"
    assert theirs["author"] == {"name": "Nordic Council", "person": None, "organisation": None}


def test_visitors_may_not_write(client):
    response = client.post(f"{API}/resources", json.dumps({"title": "X", "body": "Y"}),
                           content_type="application/json")

    assert response.status_code == 401 and Resource.objects.count() == 0


def test_the_author_changes_only_the_fields_sent(client):
    author = UserFactory()
    theme = make_theme("Housing")
    resource = ResourceFactory(author_person=author, themes=[theme], summary="Kort.", body="Lång text.")

    response = send(client, "patch", f"/resources/{resource.pk}", author, {"title": "Ny titel",
                                                                          "steps": ["Ett", "Två"]})

    assert response.status_code == 200, response.content
    resource.refresh_from_db()
    assert (resource.title, resource.summary, resource.body) == ("Ny titel", "Kort.", "Lång text.")
    assert resource.steps == "Ett\nTvå" and list(resource.themes.all()) == [theme]
    assert resource.author_person == author and response.json()["title"] == "Ny titel"


def test_others_may_not_change_or_delete_a_resource_and_nothing_changes(client):
    resource = ResourceFactory(author_person=UserFactory(), title="Orörd")
    stranger = UserFactory()

    assert send(client, "patch", f"/resources/{resource.pk}", stranger, {"title": "Ändrad"}).status_code == 403
    assert send(client, "delete", f"/resources/{resource.pk}", stranger).status_code == 403
    resource.refresh_from_db()
    assert resource.title == "Orörd"


def test_only_curators_hide_a_resource(client, django_capture_on_commit_callbacks):
    author = UserFactory()
    resource = ResourceFactory(author_person=author)
    with django_capture_on_commit_callbacks(execute=True):
        refused = send(client, "patch", f"/resources/{resource.pk}", author, {"is_published": False, "title": "Y"})
    resource.refresh_from_db()
    assert refused.status_code == 403 and resource.is_published and resource.title != "Y"

    with django_capture_on_commit_callbacks(execute=True):
        hidden = send(client, "patch", f"/resources/{resource.pk}", UserFactory(is_facilitator=True),
                      {"is_published": False})

    assert hidden.status_code == 200 and hidden.json()["is_published"] is False
    assert get(client, f"/resources/{resource.pk}").status_code == 404


def test_the_author_deletes_a_resource_and_it_leaves_search(client, django_capture_on_commit_callbacks):
    author = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        created = send(client, "post", "/resources", author, {"title": "Kortlivad guide", "body": "Text"}).json()
    assert [r.id for r in search(query="kortlivad", kinds=["resource"])[0]] == [created["id"]]

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "delete", f"/resources/{created['id']}", author)

    assert response.status_code == 204
    assert not Resource.objects.filter(pk=created["id"]).exists()
    assert search(query="kortlivad", kinds=["resource"])[0] == []
    assert send(client, "delete", f"/resources/{created['id']}", author).status_code == 404


def test_the_resource_count_is_kept_until_the_knowledge_base_changes(client):
    ResourceFactory.create_batch(2)
    assert get(client, "/resources").json()["count"] == 2

    Resource.objects.bulk_create([Resource(title="Bulk", slug="bulk", url="https://example.org/bulk")])  # no signal
    assert get(client, "/resources").json()["count"] == 2

    ResourceFactory()  # a save starts a new knowledge generation
    assert get(client, "/resources").json()["count"] == 4

"""The marketplace API: /api/v1/ads (list, detail, post, change, close) and /api/v1/me/conversations."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.utils import timezone

from samskap.accounts.services import api_token_create
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.marketplace.models import Ad, AdPartner, Conversation

from .factories import AdFactory, ConversationFactory, MessageFactory

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


def send(client, method, path, user, body):
    return getattr(client, method)(f"{API}{path}", json.dumps(body), content_type="application/json",
                                   **token_for(user))


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


# The list ---------------------------------------------------------------------------------------------


def test_the_list_has_open_ads_newest_first_and_closing_soon_on_request(client):
    today = timezone.localdate()
    older = AdFactory(created_at=timezone.now() - datetime.timedelta(days=3), valid_until=today + datetime.timedelta(days=5))
    newer = AdFactory(valid_until=today + datetime.timedelta(days=40))
    for status in ("matched", "closed", "expired"):
        AdFactory(status=status)
    AdFactory(hidden_at=timezone.now(), hidden_reason="Spam")

    assert ids(get(client, "/ads")) == [newer.pk, older.pk]
    assert get(client, "/ads").json()["count"] == 2
    assert ids(get(client, "/ads", sort="closing_soon")) == [older.pk, newer.pk]


def test_the_list_filters_by_kind_theme_place_organisation_kind_and_title(client):
    loneliness = make_theme("Loneliness")
    region = make_place("Testskåne", level="region")
    city = make_place("Testmalmö", parent=region)
    cooperative = OrganisationFactory(kind="cooperative")
    volunteers = AdFactory(kind="volunteers", title="Läxhjälpare sökes", themes=[loneliness])
    in_city = AdFactory(places=[city], organisation=cooperative, title="Vi söker en revisor")
    anywhere = AdFactory(is_anywhere=True, kind="offering_competence", title="Webbdesign för kooperativ")

    assert ids(get(client, "/ads", kind="volunteers")) == [volunteers.pk]
    assert ids(get(client, "/ads", theme=loneliness.slug)) == [volunteers.pk]
    assert ids(get(client, "/ads", place=region.slug)) == [anywhere.pk, in_city.pk]
    assert ids(get(client, "/ads", organisation_kind="cooperative")) == [in_city.pk]
    assert ids(get(client, "/ads", q="REVISOR")) == [in_city.pk]


@pytest.mark.parametrize("name,value", [("kind", "pirates"), ("theme", "no-such-theme"), ("place", "atlantis"),
                                        ("organisation_kind", "guild"), ("status", "lost"), ("sort", "random"),
                                        ("q", "x" * 101)])
def test_an_unknown_filter_value_is_a_422_naming_the_filter(client, name, value):
    response = get(client, "/ads", **{name: value})

    assert response.status_code == 422
    assert response.json()["message"] == "The request has errors."
    assert name in json.dumps(response.json()["errors"])


def test_closed_expired_and_hidden_ads_are_listed_only_to_their_owner_side_and_hub_admins(client):
    organisation = OrganisationFactory()
    colleague = MembershipFactory(organisation=organisation).user
    owner = UserFactory()
    closed = AdFactory(owner=owner, organisation=organisation, status="closed")
    expired = AdFactory(owner=owner, status="expired")
    hidden = AdFactory(owner=owner, hidden_at=timezone.now(), hidden_reason="Duplicate")
    matched = AdFactory(status="matched")
    admin = UserFactory(is_superuser=True)

    assert ids(get(client, "/ads", status="closed")) == []
    assert ids(get(client, "/ads", status="closed", user=UserFactory())) == []
    assert ids(get(client, "/ads", status="closed", user=owner)) == [closed.pk]
    assert ids(get(client, "/ads", status="closed", user=colleague)) == [closed.pk]
    assert ids(get(client, "/ads", status="expired", user=owner)) == [expired.pk]
    assert ids(get(client, "/ads", status="matched")) == [matched.pk]
    assert set(ids(get(client, "/ads", status="any", user=owner))) == {closed.pk, expired.pk, hidden.pk, matched.pk}
    assert set(ids(get(client, "/ads", status="any"))) == {matched.pk}
    assert hidden.pk not in ids(get(client, "/ads", user=UserFactory()))
    assert set(ids(get(client, "/ads", status="any", user=admin))) == {closed.pk, expired.pk, hidden.pk, matched.pk}


def test_a_list_item_has_its_id_page_kind_poster_themes_and_places(client):
    theme, place = make_theme("Work integration"), make_place("Testbergen", country="NO")
    organisation = OrganisationFactory(name="Kafé Kompis", slug="kafe-kompis")
    ad = AdFactory(kind="premises", title="Lokale til leie", language="nb", organisation=organisation,
                   themes=[theme], places=[place])

    item = get(client, "/ads").json()["items"][0]

    assert item["id"] == ad.pk and item["url"] == f"/marketplace/{ad.pk}/"
    assert (item["kind"], item["kind_label"], item["language"], item["status"]) == (
        "premises", "Premises or equipment", "nb", "open")
    assert item["poster"] == {"name": "Kafé Kompis", "person": None, "organisation": {
        "id": organisation.pk, "url": "/organisations/kafe-kompis/", "slug": "kafe-kompis", "name": "Kafé Kompis"}}
    assert [t["slug"] for t in item["themes"]] == [theme.slug]
    assert [p["slug"] for p in item["places"]] == [place.slug]
    assert item["valid_until"] == ad.valid_until.isoformat()
    assert item["is_hidden"] is False and item["hidden_reason"] is None


def test_the_list_runs_the_same_few_queries_for_three_ads_or_thirty(client, django_assert_max_num_queries):
    theme, place = make_theme("Housing"), make_place("Testlund")
    member = UserFactory()
    headers = token_for(member)
    AdFactory.create_batch(3, themes=[theme], places=[place], organisation=OrganisationFactory())
    baselines = []
    for who in ({}, headers):
        cache.clear()
        with django_assert_max_num_queries(10) as few:
            assert len(client.get(f"{API}/ads", **who).json()["items"]) == 3
        baselines.append(len(few.captured_queries))
    AdFactory.create_batch(14, themes=[theme], places=[place], organisation=OrganisationFactory())
    AdFactory.create_batch(13, themes=[theme], places=[place])
    for who, baseline in zip(({}, headers), baselines, strict=True):
        cache.clear()
        with django_assert_max_num_queries(baseline):
            assert len(client.get(f"{API}/ads", {"limit": 100}, **who).json()["items"]) == 30


def test_visitors_list_answers_are_cached_until_an_ad_changes(client):
    ad = AdFactory(title="Vi söker snickare")
    assert get(client, "/ads").json()["items"][0]["title"] == "Vi söker snickare"
    Ad.objects.filter(pk=ad.pk).update(title="Changed behind the cache's back")
    assert get(client, "/ads").json()["items"][0]["title"] == "Vi söker snickare"
    ad.refresh_from_db()
    ad.title = "Vi söker målare"
    ad.save()  # a write through the model bumps the marketplace's generation
    assert get(client, "/ads").json()["items"][0]["title"] == "Vi söker målare"


# One ad -----------------------------------------------------------------------------------------------


def test_an_ad_has_its_partners_and_what_the_caller_may_do(client):
    ad = AdFactory(status="matched", matched_at=timezone.now())
    partner = UserFactory(name="Petra Partner")
    organisation = OrganisationFactory()
    AdPartner.objects.create(ad=ad, user=partner, organisation=organisation)

    body = get(client, f"/ads/{ad.pk}").json()

    assert body["id"] == ad.pk and body["url"] == f"/marketplace/{ad.pk}/"
    assert body["partners"][0]["person"]["id"] == partner.pk
    assert body["partners"][0]["organisation"]["id"] == organisation.pk
    assert (body["may_change"], body["may_reply"]) == (False, False)
    owner_view = get(client, f"/ads/{ad.pk}", user=ad.owner).json()
    assert owner_view["may_change"] is True
    assert get(client, f"/ads/{AdFactory().pk}", user=UserFactory()).json()["may_reply"] is True


def test_a_hidden_ad_is_a_404_except_to_its_owner_side_and_hub_admins_who_see_why(client):
    organisation = OrganisationFactory()
    colleague = MembershipFactory(organisation=organisation).user
    ad = AdFactory(organisation=organisation, hidden_at=timezone.now(), hidden_reason="Looks like spam")

    assert get(client, f"/ads/{ad.pk}").status_code == 404
    assert get(client, f"/ads/{ad.pk}").json() == {"message": "Not found."}
    assert get(client, f"/ads/{ad.pk}", user=UserFactory()).status_code == 404
    for user in (ad.owner, colleague, UserFactory(is_superuser=True)):
        body = get(client, f"/ads/{ad.pk}", user=user).json()
        assert body["is_hidden"] is True and body["hidden_reason"] == "Looks like spam"


def test_a_closed_ad_is_a_404_to_others_and_an_unknown_ad_too(client):
    ad = AdFactory(status="closed")
    assert get(client, f"/ads/{ad.pk}", user=UserFactory()).status_code == 404
    assert get(client, f"/ads/{ad.pk}", user=ad.owner).json()["status"] == "closed"
    assert get(client, "/ads/999999").status_code == 404


# Writing ------------------------------------------------------------------------------------------------


def test_a_member_posts_an_ad_for_their_organisation_with_themes_and_places_by_slug(client):
    member = UserFactory()
    organisation = MembershipFactory(user=member).organisation
    theme, place = make_theme("Circular economy"), make_place("Testaarhus", country="DK")

    response = send(client, "post", "/ads", member, {
        "kind": "collaboration", "title": "Samarbejde om genbrug", "description": "Vi søger en partner.",
        "language": "da", "themes": [theme.slug], "places": [place.slug], "organisation": organisation.slug})

    assert response.status_code == 201, response.content
    body = response.json()
    ad = Ad.objects.get()
    assert body["id"] == ad.pk and body["url"] == ad.get_absolute_url()
    assert (ad.owner, ad.organisation, ad.kind, ad.language) == (member, organisation, "collaboration", "da")
    assert list(ad.themes.all()) == [theme] and list(ad.places.all()) == [place]
    assert ad.valid_until == timezone.localdate() + datetime.timedelta(days=60)
    assert body["may_change"] is True


@pytest.mark.parametrize("body,field", [
    ({"kind": "pirates"}, "kind"),
    ({"title": ""}, "title"),
    ({"themes": ["no-such-theme"]}, "themes"),
    ({"places": ["atlantis"]}, "places"),
    ({"places": [], "is_anywhere": False}, "places"),
    ({"valid_until": "2001-01-01"}, "valid_until"),
    ({"organisation": "not-mine"}, "organisation"),
    ({"colour": "red"}, "colour"),
])
def test_a_bad_ad_is_a_422_naming_the_field_and_nothing_is_saved(client, body, field):
    OrganisationFactory(slug="not-mine")
    payload = {"kind": "volunteers", "title": "Volontärer", "description": "Till vår loppis.", "is_anywhere": True,
               **body}

    response = send(client, "post", "/ads", UserFactory(), payload)

    assert response.status_code == 422, response.content
    assert field in json.dumps(response.json()["errors"])
    assert Ad.objects.count() == 0


def test_a_visitor_cannot_post_an_ad(client):
    response = client.post(f"{API}/ads", json.dumps({"kind": "volunteers", "title": "x", "description": "y",
                                                     "is_anywhere": True}), content_type="application/json")
    assert response.status_code == 401
    assert Ad.objects.count() == 0


def test_the_owner_changes_only_the_fields_sent_and_others_may_not(client):
    theme = make_theme("Loneliness")
    ad = AdFactory(title="Gammal rubrik", is_anywhere=True)

    response = send(client, "patch", f"/ads/{ad.pk}", ad.owner, {"title": "Ny rubrik", "themes": [theme.slug]})

    assert response.status_code == 200, response.content
    ad.refresh_from_db()
    assert ad.title == "Ny rubrik" and list(ad.themes.all()) == [theme]
    assert ad.description == "Vi är ett kooperativ i Malmö som behöver hjälp med bokföring och budget."
    assert send(client, "patch", f"/ads/{ad.pk}", UserFactory(), {"title": "Hijack"}).status_code == 403
    bad = send(client, "patch", f"/ads/{ad.pk}", ad.owner, {"title": "x" * 201})
    assert bad.status_code == 422 and "title" in bad.json()["errors"]
    assert Ad.objects.get(pk=ad.pk).title == "Ny rubrik"


def test_the_owner_closes_an_ad_and_a_second_close_is_refused(client):
    ad = AdFactory()
    assert send(client, "post", f"/ads/{ad.pk}/close", UserFactory(), {}).status_code == 403

    response = send(client, "post", f"/ads/{ad.pk}/close", ad.owner, {})

    assert response.status_code == 200 and response.json()["status"] == "closed"
    again = send(client, "post", f"/ads/{ad.pk}/close", ad.owner, {})
    assert again.status_code == 422 and "can be closed" in again.json()["errors"]["__all__"][0]


def test_a_hidden_ad_cannot_be_changed_by_anyone_but_its_owner_side(client):
    ad = AdFactory(hidden_at=timezone.now(), hidden_reason="Spam")
    assert send(client, "patch", f"/ads/{ad.pk}", UserFactory(), {"title": "x"}).status_code == 404


# My conversations --------------------------------------------------------------------------------------


def test_my_conversations_have_the_ad_the_other_party_and_unread_counts_and_never_others(client):
    me = UserFactory()
    my_ad = AdFactory(owner=me, title="Mitt ärende")
    as_owner = ConversationFactory(ad=my_ad)
    MessageFactory.create_batch(2, conversation=as_owner)  # from the respondent: unread by me
    organisation = OrganisationFactory()
    theirs = AdFactory(organisation=organisation)
    as_respondent = ConversationFactory(ad=theirs, respondent=me,
                                        last_message_at=timezone.now() - datetime.timedelta(days=1))
    MessageFactory(conversation=as_respondent)  # mine
    ConversationFactory()  # someone else's

    body = get(client, "/me/conversations", user=me).json()

    assert [item["id"] for item in body["items"]] == [as_owner.pk, as_respondent.pk]
    first, second = body["items"]
    assert first["url"] == as_owner.get_absolute_url() and first["role"] == "owner"
    assert first["ad"] == {"id": my_ad.pk, "url": my_ad.get_absolute_url(), "title": "Mitt ärende", "status": "open"}
    assert first["other_party"]["id"] == as_owner.respondent_id
    assert (first["unread"], first["message_count"]) == (2, 2)
    assert second["role"] == "respondent" and second["other_party"]["id"] == theirs.owner_id
    assert second["other_organisation"]["id"] == organisation.pk and second["unread"] == 0
    assert get(client, "/me/conversations").status_code == 401
    assert get(client, "/me/conversations", user=UserFactory(is_superuser=True)).json()["count"] == 0


def test_my_conversations_run_the_same_few_queries_for_two_or_twenty(client, django_assert_max_num_queries):
    me = UserFactory()
    headers = token_for(me)
    for _ in range(2):
        MessageFactory(conversation=ConversationFactory(ad=AdFactory(owner=me)))
    with django_assert_max_num_queries(10) as few:
        assert client.get(f"{API}/me/conversations", **headers).json()["count"] == 2
    baseline = len(few.captured_queries)
    for _ in range(18):
        MessageFactory(conversation=ConversationFactory(respondent=me))
    with django_assert_max_num_queries(baseline):
        assert len(client.get(f"{API}/me/conversations", {"limit": 50}, **headers).json()["items"]) == 20
    assert Conversation.objects.count() == 20


def test_the_openapi_document_lists_the_marketplace_endpoints(client):
    document = client.get(f"{API}/openapi.json").json()

    assert {f"{API}/ads", f"{API}/ads/{{ad_id}}", f"{API}/ads/{{ad_id}}/close", f"{API}/me/conversations"} <= set(
        document["paths"])
    assert {"get", "patch"} <= set(document["paths"][f"{API}/ads/{{ad_id}}"])
    assert {"AdDetailOut", "AdIn", "AdPatch", "ConversationOut"} <= set(document["components"]["schemas"])

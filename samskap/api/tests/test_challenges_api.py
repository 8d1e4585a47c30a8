"""The challenge API: /api/v1/challenges (list with filters, detail with the tree, post, change)."""

import datetime
import json

import pytest
from django.utils import timezone

from samskap.accounts.services import api_token_create
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.ideas.models import Challenge, ProblemTreeNode
from samskap.ideas.tests.factories import ChallengeFactory, IdeaFactory, ProblemTreeNodeFactory

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


def test_the_list_has_visible_challenges_with_id_url_and_the_ideas_count(client):
    older = ChallengeFactory(created_at=timezone.now() - datetime.timedelta(days=2),
                             open_until=timezone.localdate() + datetime.timedelta(days=3))
    newer = ChallengeFactory(open_until=timezone.localdate() + datetime.timedelta(days=30))
    ChallengeFactory(hidden_at=timezone.now())
    IdeaFactory(challenge=newer)
    IdeaFactory(challenge=newer, visibility="members")
    response = get(client, "/challenges")
    assert ids(response) == [newer.pk, older.pk] and response.json()["count"] == 2
    item = response.json()["items"][0]
    assert item["url"] == f"/challenges/{newer.pk}/" and item["idea_count"] == 1
    assert item["owner"] == {"name": "the hub", "organisation": None}
    assert ids(get(client, "/challenges", sort="open_until")) == [older.pk, newer.pk]
    assert get(client, "/challenges", UserFactory()).json()["items"][0]["idea_count"] == 2
    assert ids(get(client, "/challenges", limit=1, offset=1)) == [older.pk]


def test_the_list_filters_by_status_theme_place_below_and_words(client):
    region = make_place("Skåne", level="region")
    town = make_place("Malmö", parent=region)
    theme = make_theme("Housing")
    there = ChallengeFactory(title="Bostäder i Malmö", places=[town], themes=[theme])
    closed = ChallengeFactory(title="Annat", status="closed")
    assert ids(get(client, "/challenges", place=region.slug)) == [there.pk]
    assert ids(get(client, "/challenges", theme=theme.slug)) == [there.pk]
    assert ids(get(client, "/challenges", status="closed")) == [closed.pk]
    assert ids(get(client, "/challenges", q="bostäder")) == [there.pk]
    for name, value in (("status", "flying"), ("theme", "nope"), ("place", "nowhere"), ("organisation", "nobody")):
        response = get(client, "/challenges", **{name: value})
        assert response.status_code == 422 and name in response.json()["errors"], name


def test_the_detail_has_the_tree_in_order_and_hidden_ones_are_not_found(client):
    challenge = ChallengeFactory(core_problem="Kärnan")
    ProblemTreeNodeFactory(challenge=challenge, kind="cause", text="Andra", position=5)
    ProblemTreeNodeFactory(challenge=challenge, kind="cause", text="Första", position=1)
    ProblemTreeNodeFactory(challenge=challenge, kind="effect", text="Effekt", position=0)
    IdeaFactory(challenge=challenge)
    body = get(client, f"/challenges/{challenge.pk}").json()
    assert [n["text"] for n in body["causes"]] == ["Första", "Andra"] and body["effects"][0]["text"] == "Effekt"
    assert body["idea_count"] == 1 and body["core_problem"] == "Kärnan" and body["may_change"] is False
    assert get(client, f"/challenges/{challenge.pk}", challenge.created_by).json()["may_change"] is True
    hidden = ChallengeFactory(hidden_at=timezone.now())
    assert get(client, f"/challenges/{hidden.pk}").status_code == 404
    assert get(client, f"/challenges/{hidden.pk}", hidden.created_by).status_code == 200


def test_a_member_posts_a_challenge_for_their_organisation_with_its_tree(client):
    member = UserFactory()
    organisation = OrganisationFactory(slug="malmo-stad")
    MembershipFactory(organisation=organisation, user=member)
    theme = make_theme("Work")
    response = send(client, "post", "/challenges", member, {
        "title": "Unga utanför", "description": "Text", "core_problem": "Unga står utanför",
        "organisation": "malmo-stad", "themes": [theme.slug], "causes": ["Få jobb", "Långt till stan"],
        "effects": ["Ensamhet"]})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["owner"]["organisation"]["slug"] == "malmo-stad" and body["themes"][0]["slug"] == theme.slug
    assert [n["text"] for n in body["causes"]] == ["Få jobb", "Långt till stan"]
    assert Challenge.objects.get().created_by == member


def test_posting_bad_input_or_for_someone_elses_organisation_saves_nothing(client):
    member = UserFactory()
    OrganisationFactory(slug="not-mine")
    base = {"title": "T", "description": "D", "core_problem": "K"}
    cases = [({**base, "organisation": "not-mine"}, "organisation"), (base, "organisation"),
             ({**base, "organisation": None, "core_problem": ""}, None),
             ({**base, "open_until": "2000-01-01"}, None), ({**base, "colour": "red"}, None)]
    for body, field in cases:
        response = send(client, "post", "/challenges", member, body)
        assert response.status_code == 422, body
        if field:
            assert field in response.json()["errors"]
    admin = UserFactory(is_superuser=True)
    response = send(client, "post", "/challenges", admin, {**base, "core_problem": " ", "open_until": "2000-01-01"})
    assert response.status_code == 422 and {"core_problem", "open_until"} <= set(response.json()["errors"])
    assert not Challenge.objects.exists()
    assert client.post(f"{API}/challenges", json.dumps(base), content_type="application/json").status_code == 401


def test_the_owner_side_changes_a_challenge_and_replaces_its_causes(client):
    challenge = ChallengeFactory(title="Före")
    ProblemTreeNodeFactory(challenge=challenge, text="Gammal")
    response = send(client, "patch", f"/challenges/{challenge.pk}", challenge.created_by,
                    {"title": "Efter", "status": "selecting", "causes": ["Ny"]})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Efter" and response.json()["status"] == "selecting"
    assert list(ProblemTreeNode.objects.values_list("text", flat=True)) == ["Ny"]
    assert send(client, "patch", f"/challenges/{challenge.pk}", UserFactory(), {"title": "Kapad"}).status_code == 403
    response = send(client, "patch", f"/challenges/{challenge.pk}", challenge.created_by,
                    {"title": "Ok", "causes": ["x" * 301]})
    assert response.status_code == 422
    assert Challenge.objects.get().title == "Efter" and ProblemTreeNode.objects.get().text == "Ny"


def test_the_api_list_runs_the_same_queries_for_5_and_30(client, django_assert_max_num_queries):
    def challenges(n):
        theme, place = make_theme(f"T{Challenge.objects.count()}"), make_place(f"P{Challenge.objects.count()}")
        for i in range(n):
            ChallengeFactory(themes=[theme], places=[place], organisation=OrganisationFactory() if i % 2 else None)

    def count():
        get(client, "/challenges", limit=50)
        with django_assert_max_num_queries(10) as captured:
            assert get(client, "/challenges", limit=50).status_code == 200
        return len(captured)

    challenges(5)
    five = count()
    challenges(25)
    assert count() == five

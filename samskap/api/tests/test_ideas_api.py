"""The ideas API: /api/v1/ideas (list with filters, one idea, submit, change, move to a stage)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samskap.accounts.services import api_token_create
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import make_place, make_theme
from samskap.ideas.models import CohortMembership, Idea, IdeaNeed, StageChange
from samskap.ideas.tests.factories import ChallengeFactory, IdeaFactory, IncubatorFactory, TeamMemberFactory, stage

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


# Reading -------------------------------------------------------------------------------------------------


def test_visitors_see_public_ideas_and_members_also_those_for_members_and_their_own_drafts(client):
    public = IdeaFactory()
    for_members = IdeaFactory(visibility="members")
    team_only = IdeaFactory(visibility="team")
    draft = IdeaFactory(published_at=None)
    IdeaFactory(hidden_at=timezone.now())

    assert ids(get(client, "/ideas")) == [public.pk]
    assert get(client, "/ideas").json()["count"] == 1
    assert set(ids(get(client, "/ideas", UserFactory()))) == {public.pk, for_members.pk}
    assert set(ids(get(client, "/ideas", draft.author))) == {public.pk, for_members.pk, draft.pk}
    assert set(ids(get(client, "/ideas", team_only.author))) == {public.pk, for_members.pk, team_only.pk}


def test_an_item_has_its_stage_place_themes_needs_counts_and_an_absolute_address(client):
    theme = make_theme("Loneliness")
    place = make_place("Testmalmö")
    challenge = ChallengeFactory()
    idea = IdeaFactory(stage=stage("testing"), place=place, themes=[theme], challenge=challenge, support_count=4)
    IdeaNeed.objects.create(idea=idea, kind="volunteers", text="Tio hundförare")
    TeamMemberFactory(idea=idea)  # a second team member does not repeat the idea

    [item] = get(client, "/ideas").json()["items"]

    assert item["url"] == f"/ideas/{idea.pk}/"
    assert item["stage"] == {"slug": "testing", "label": stage("testing").label, "phase": stage("testing").phase}
    assert item["place"]["slug"] == place.slug and [t["slug"] for t in item["themes"]] == [theme.slug]
    assert item["needs"] == [{"kind": "volunteers", "text": "Tio hundförare"}]
    assert (item["support_count"], item["comment_count"], item["challenge"]) == (4, 0, challenge.pk)
    assert item["published_at"] is not None


def test_the_list_filters_by_stage_theme_place_challenge_incubator_and_words(client):
    theme = make_theme("Clean water")
    region = make_place("Testskåne", level="region")
    city = make_place("Testlund", parent=region)
    challenge = ChallengeFactory()
    incubator = IncubatorFactory()
    testing = IdeaFactory(stage=stage("testing"))
    themed = IdeaFactory(themes=[theme], title="Trädplantering för rent vatten")
    placed = IdeaFactory(place=city)
    answer = IdeaFactory(challenge=challenge)
    cohort = IdeaFactory()
    CohortMembership.objects.create(incubator=incubator, idea=cohort)

    assert ids(get(client, "/ideas", stage="testing")) == [testing.pk]
    assert ids(get(client, "/ideas", theme=theme.slug)) == [themed.pk]
    assert ids(get(client, "/ideas", place=region.slug)) == [placed.pk]
    assert ids(get(client, "/ideas", place=str(city.pk))) == [placed.pk]
    assert ids(get(client, "/ideas", challenge=challenge.pk)) == [answer.pk]
    assert ids(get(client, "/ideas", incubator=incubator.slug)) == [cohort.pk]
    assert ids(get(client, "/ideas", q="RENT vatten")) == [themed.pk]


@pytest.mark.parametrize("name,value", [("stage", "flying"), ("theme", "no-such-theme"), ("place", "atlantis"),
                                        ("incubator", "nowhere"), ("challenge", "abc"), ("q", "x" * 101)])
def test_an_unknown_filter_value_is_a_422_naming_the_filter(client, name, value):
    response = get(client, "/ideas", **{name: value})
    assert response.status_code == 422
    assert name in json.dumps(response.json()["errors"])


def test_pages_hold_at_most_100_items_with_a_count(client):
    for _ in range(3):
        IdeaFactory()
    body = get(client, "/ideas", limit=2).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    assert len(get(client, "/ideas", limit=100).json()["items"]) == 3
    assert get(client, "/ideas", limit=101).status_code == 422


def test_the_list_takes_the_same_few_queries_for_5_and_30_ideas(client):
    member = UserFactory()
    headers = token_for(member)
    client.get(f"{API}/ideas", **headers)  # the hub's settings and the token's last use are kept from here on
    counts = []
    theme = make_theme("Health")
    for total in (5, 30):
        while Idea.objects.count() < total:
            idea = IdeaFactory(themes=[theme], place=make_place(f"Ort {Idea.objects.count()}"))
            IdeaNeed.objects.create(idea=idea, kind="funding", text="50 000 kr")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{API}/ideas", {"limit": 100}, **headers)
        assert len(response.json()["items"]) == total
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10


def test_an_idea_the_caller_may_not_see_is_a_404(client):
    team_only = IdeaFactory(visibility="team")
    for_members = IdeaFactory(visibility="members")
    assert get(client, f"/ideas/{team_only.pk}").status_code == 404
    assert get(client, f"/ideas/{team_only.pk}", UserFactory()).status_code == 404
    assert get(client, f"/ideas/{for_members.pk}").status_code == 404
    assert get(client, "/ideas/999999").json() == {"message": "Not found."}
    body = get(client, f"/ideas/{for_members.pk}", for_members.author).json()
    assert body["id"] == for_members.pk and body["may_change"] and body["may_move_stage"]
    assert get(client, f"/ideas/{for_members.pk}", UserFactory()).json()["may_change"] is False


# Writing -------------------------------------------------------------------------------------------------


def test_a_member_submits_an_idea_or_keeps_it_as_a_draft(client):
    theme = make_theme("Ageing")
    place = make_place("Testmalmö")
    challenge = ChallengeFactory()
    member = UserFactory()
    response = send(client, "post", "/ideas", member, {
        "title": "Terapihundar", "summary": "Hundar besöker äldre.", "themes": [theme.slug], "place": place.slug,
        "challenge": challenge.pk, "needs": {"volunteers": "Hundförare"}, "visibility": "members"})
    assert response.status_code == 201, response.content
    body = response.json()
    idea = Idea.objects.get(pk=body["id"])
    assert idea.author == member and idea.published_at is not None and idea.challenge == challenge
    assert body["needs"] == [{"kind": "volunteers", "text": "Hundförare"}] and body["visibility"] == "members"

    draft = send(client, "post", "/ideas", member, {"title": "Utkast", "summary": "Inte klart.", "publish": False})
    assert draft.status_code == 201 and draft.json()["published_at"] is None


@pytest.mark.parametrize("body,field", [
    ({"title": "", "summary": "x"}, "title"),
    ({"title": "x" * 201, "summary": "x"}, "title"),
    ({"title": "T", "summary": "x", "themes": ["nope"]}, "themes"),
    ({"title": "T", "summary": "x", "challenge": 999999}, "challenge"),
    ({"title": "T", "summary": "x", "visibility": "secret"}, "visibility"),
    ({"title": "T", "summary": "x", "needs": {"dragons": "one"}}, "__all__"),
    ({"title": "T", "summary": "x", "colour": "red"}, "colour"),
])
def test_bad_input_when_submitting_is_a_422_and_saves_nothing(client, body, field):
    response = send(client, "post", "/ideas", UserFactory(), body)
    assert response.status_code == 422, response.content
    assert field in json.dumps(response.json())
    assert not Idea.objects.exists()


def test_visitors_cannot_submit(client):
    response = client.post(f"{API}/ideas", json.dumps({"title": "T", "summary": "S"}),
                           content_type="application/json")
    assert response.status_code == 401


def test_the_core_team_changes_an_idea_and_others_get_a_403(client):
    idea = IdeaFactory(title="Gammal titel")
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    response = send(client, "patch", f"/ideas/{idea.pk}", idea.author, {"title": "Ny titel", "themes": []})
    assert response.status_code == 200 and response.json()["title"] == "Ny titel"

    for user in (UserFactory(), volunteer):
        response = send(client, "patch", f"/ideas/{idea.pk}", user, {"title": "Kapad"})
        assert response.status_code == 403
        assert response.json() == {"message": "You do not have permission to do this."}
    idea.refresh_from_db()
    assert idea.title == "Ny titel"


def test_moving_an_idea_records_the_change_and_an_unknown_stage_is_a_400(client):
    idea = IdeaFactory()
    response = send(client, "post", f"/ideas/{idea.pk}/stage", idea.author,
                    {"stage": "testing", "reason": "Första användarna"})
    assert response.status_code == 200 and response.json()["stage"]["slug"] == "testing"
    change = StageChange.objects.filter(idea=idea).latest("created_at")
    assert change.to_stage.slug == "testing" and change.reason == "Första användarna" and change.by == idea.author

    response = send(client, "post", f"/ideas/{idea.pk}/stage", idea.author, {"stage": "flying"})
    assert response.status_code == 400
    assert response.json() == {"message": "There is no stage “flying”."}
    assert send(client, "post", f"/ideas/{idea.pk}/stage", UserFactory(), {"stage": "idea"}).status_code == 403
    idea.refresh_from_db()
    assert idea.stage.slug == "testing"

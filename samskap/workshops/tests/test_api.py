"""/api/v1/workshops: the finished workshops (filtered by method and event) and one workshop's results per
method; never a device token, and of guests only the names the method shows the room."""

import json

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.events.tests.factories import EventFactory
from samskap.ideas.tests.factories import IdeaFactory
from samskap.workshops.models import (ActionItem, Attendance, BattleVote, CafeTable, Dots, Harvest, Insight, Option,
                                      Round, Space, TimeSlot, Topic, Workshop)
from samskap.workshops.tests.factories import ParticipantFactory, WorkshopFactory, battle

pytestmark = pytest.mark.django_db

API = "/api/v1/workshops"
TOKEN = "secret-device-token-of-a-guest"


def finished(**fields) -> Workshop:
    return WorkshopFactory(status=Workshop.Status.FINISHED, started_at=timezone.now(), finished_at=timezone.now(),
                           **fields)


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_the_list_has_finished_workshops_only_with_their_event_and_participant_count(client):
    event = EventFactory(title="Nätverksträff på Globen")
    done = finished(method=Workshop.Method.WORLD_CAFE, event=event, title="World Café på Globen")
    ParticipantFactory(workshop=done)
    ParticipantFactory(workshop=done)
    WorkshopFactory(status=Workshop.Status.LIVE)
    WorkshopFactory(status=Workshop.Status.PREPARING)

    rows = items(client.get(API))

    assert [row["id"] for row in rows] == [done.pk]
    row = rows[0]
    assert row["title"] == "World Café på Globen" and row["method"] == "world_cafe" and row["status"] == "finished"
    assert row["method_label"] == "World Café" and row["participant_count"] == 2
    assert row["event"]["slug"] == event.slug and row["event"]["title"] == "Nätverksträff på Globen"
    assert row["url"].startswith("http") and row["url"].endswith(f"/workshops/{done.pk}/")


def test_the_list_filters_by_method_and_by_event_slug_or_id(client):
    event = EventFactory()
    cafe = finished(method=Workshop.Method.WORLD_CAFE, event=event)
    vote = finished(method=Workshop.Method.DOT_VOTING)
    battle_at_event = finished(method=Workshop.Method.VISION_BATTLE, event=event)

    assert [row["id"] for row in items(client.get(API, {"method": "dot_voting"}))] == [vote.pk]
    assert {row["id"] for row in items(client.get(API, {"event": event.slug}))} == {cafe.pk, battle_at_event.pk}
    assert {row["id"] for row in items(client.get(API, {"event": str(event.pk)}))} == {cafe.pk, battle_at_event.pk}
    assert [row["id"] for row in items(client.get(API, {"event": event.slug, "method": "vision_battle"}))] == [
        battle_at_event.pk]


def test_an_unknown_event_or_method_is_a_422_naming_the_filter(client):
    response = client.get(API, {"event": "no-such-event"})
    assert response.status_code == 422 and "event" in response.json()["errors"]
    response = client.get(API, {"method": "pub_quiz"})
    assert response.status_code == 422 and "method" in response.json()["errors"]


def test_a_workshop_being_prepared_is_a_404_even_to_its_facilitator(client):
    workshop = WorkshopFactory(status=Workshop.Status.PREPARING)
    assert client.get(f"{API}/{workshop.pk}").status_code == 404
    client.force_login(workshop.created_by)
    assert client.get(f"{API}/{workshop.pk}").status_code == 404
    assert client.get(f"{API}/999999").status_code == 404


def test_the_list_runs_the_same_queries_for_3_and_10_workshops(client, django_assert_max_num_queries,
                                                               cache_of_this_process):
    def add(n):
        for _ in range(n):
            workshop = finished(event=EventFactory())
            ParticipantFactory(workshop=workshop)

    def count():
        client.get(API, {"limit": 50})  # the hub's settings and other caches warm up
        expected = Workshop.objects.count()
        with django_assert_max_num_queries(10) as captured:
            assert len(items(client.get(API, {"limit": 50}))) == expected
        return len(captured)

    add(3)
    three = count()
    add(7)
    assert count() == three


def test_a_world_cafe_gives_rounds_harvests_by_table_hosts_and_insights_with_their_idea(client):
    workshop = finished(method=Workshop.Method.WORLD_CAFE)
    host = ParticipantFactory(workshop=workshop, display_name="Sara", token=TOKEN)
    tables = [CafeTable.objects.create(workshop=workshop, number=n, name=f"Bord {n}", host=host if n == 1 else None)
              for n in (1, 2)]
    first = Round.objects.create(workshop=workshop, number=1, question="Hur utvecklar vi modellen?",
                                 started_at=timezone.now(), ended_at=timezone.now())
    Round.objects.create(workshop=workshop, number=2, question="Hur organiserar vi oss?")
    Harvest.objects.create(round=first, table=tables[1], text="Lokala grupper.")
    Harvest.objects.create(round=first, table=tables[0], text="Förenkla modellen.", written_by=host)
    idea = IdeaFactory()
    Insight.objects.create(workshop=workshop, text="Lokala grupper med kontaktpersoner", idea=idea, position=1)
    Insight.objects.create(workshop=workshop, text="Förenkla", position=0)

    response = client.get(f"{API}/{workshop.pk}")
    body = response.json()

    assert response.status_code == 200
    assert body["open_space"] is None and body["dot_voting"] is None and body["vision_battle"] is None
    cafe = body["world_cafe"]
    assert cafe["tables"] == [{"number": 1, "name": "Bord 1", "host": "Sara"},
                              {"number": 2, "name": "Bord 2", "host": None}]
    # the second round never started: like the results page, the API leaves it out
    assert [r["question"] for r in cafe["rounds"]] == ["Hur utvecklar vi modellen?"]
    assert cafe["rounds"][0]["harvests"] == [{"table": 1, "text": "Förenkla modellen."},
                                             {"table": 2, "text": "Lokala grupper."}]
    assert [(i["text"], i["idea"], i["challenge"]) for i in cafe["insights"]] == [
        ("Förenkla", None, None), ("Lokala grupper med kontaktpersoner", idea.pk, None)]
    assert TOKEN not in response.content.decode() and host.device not in response.content.decode()


def test_an_open_space_gives_the_agenda_with_conveners_notes_attendance_and_action_items(client):
    workshop = finished(method=Workshop.Method.OPEN_SPACE)
    slot = TimeSlot.objects.create(workshop=workshop, label="10:00")
    space = Space.objects.create(workshop=workshop, name="Biblioteket")
    convener = ParticipantFactory(workshop=workshop, display_name="Kari", token=TOKEN)
    topic = Topic.objects.create(workshop=workshop, title="Felles verktøybod", convener=convener,
                                 convener_name="Kari", description="Låne i stedet for å kjøpe", slot=slot,
                                 space=space, notes="Vi starter i gården.")
    Topic.objects.create(workshop=workshop, title="Ikke plassert", convener_name="Ola")
    Attendance.objects.create(topic=topic, participant=convener)
    Attendance.objects.create(topic=topic, participant=ParticipantFactory(workshop=workshop))
    ActionItem.objects.create(topic=topic, text="Spør borettslaget", owner="Kari")

    response = client.get(f"{API}/{workshop.pk}")
    result = response.json()["open_space"]

    assert result["slots"] == [{"id": slot.pk, "label": "10:00"}]
    assert result["spaces"] == [{"id": space.pk, "name": "Biblioteket"}]
    placed, unplaced = result["topics"]
    assert placed == {"id": topic.pk, "title": "Felles verktøybod", "description": "Låne i stedet for å kjøpe",
                      "convener": "Kari", "slot": slot.pk,
                      "space": space.pk, "notes": "Vi starter i gården.", "attendance": 2,
                      "action_items": [{"text": "Spør borettslaget", "owner": "Kari"}]}
    assert unplaced["slot"] is None and unplaced["convener"] == "Ola"
    assert TOKEN not in response.content.decode()


def test_dot_voting_ranks_the_options_by_dots_with_their_voters_and_no_voter_names(client):
    workshop = finished(method=Workshop.Method.DOT_VOTING, dots_per_participant=3)
    idea = IdeaFactory()
    options = [Option.objects.create(workshop=workshop, text=text, position=n, idea=idea if n == 2 else None)
               for n, text in enumerate(["Leksehjelp", "Verktøybod", "Generasjonskafé"])]
    anna, bo = (ParticipantFactory(workshop=workshop, display_name=name) for name in ("Anna Secret", "Bo Secret"))
    Dots.objects.create(option=options[2], participant=anna, count=2)
    Dots.objects.create(option=options[2], participant=bo, count=1)
    Dots.objects.create(option=options[1], participant=bo, count=2)
    Dots.objects.create(option=options[0], participant=anna, count=1)
    Dots.objects.create(option=options[0], participant=bo, count=0)

    response = client.get(f"{API}/{workshop.pk}")
    result = response.json()["dot_voting"]

    assert result["dots_per_participant"] == 3 and result["voters"] == 2 and result["results_public"]
    assert [(o["text"], o["dots"], o["voters"], o["rank"]) for o in result["options"]] == [
        ("Generasjonskafé", 3, 2, 1), ("Verktøybod", 2, 1, 2), ("Leksehjelp", 1, 1, 3)]
    assert result["options"][0]["idea"] == idea.pk
    assert "Secret" not in response.content.decode()


def test_equal_dots_share_a_rank(client):
    workshop = finished(method=Workshop.Method.DOT_VOTING)
    first, second = (Option.objects.create(workshop=workshop, text=t, position=n) for n, t in enumerate("AB"))
    voter = ParticipantFactory(workshop=workshop)
    Dots.objects.create(option=first, participant=voter, count=1)
    Dots.objects.create(option=second, participant=voter, count=1)

    options = client.get(f"{API}/{workshop.pk}").json()["dot_voting"]["options"]
    assert [o["rank"] for o in options] == [1, 1]


def test_a_running_dot_vote_with_a_hidden_tally_keeps_its_counts_hidden(client):
    workshop = WorkshopFactory(method=Workshop.Method.DOT_VOTING, status=Workshop.Status.LIVE, live_tally=False,
                               results_visible=False)
    first, second = (Option.objects.create(workshop=workshop, text=t, position=n) for n, t in enumerate("AB"))
    Dots.objects.create(option=second, participant=ParticipantFactory(workshop=workshop), count=3)

    result = client.get(f"{API}/{workshop.pk}").json()["dot_voting"]

    assert result["results_public"] is False and result["voters"] is None
    assert [(o["text"], o["dots"], o["rank"], o["voters"]) for o in result["options"]] == [
        ("A", None, None, None), ("B", None, None, None)]

    workshop.results_visible = True
    workshop.save()
    result = client.get(f"{API}/{workshop.pk}").json()["dot_voting"]
    assert [(o["text"], o["dots"], o["rank"]) for o in result["options"]] == [("B", 3, 1), ("A", 0, 2)]


def test_a_vision_battle_gives_each_rounds_tallies_eliminations_and_the_winner(client):
    workshop = battle(visionaries=3)
    a, b, c = workshop.visionaries.all()
    voters = [ParticipantFactory(workshop=workshop, display_name=f"Voter secret {n}") for n in range(4)]
    first = Round.objects.create(workshop=workshop, number=1, question="Runde 1", started_at=timezone.now(),
                                 ended_at=timezone.now())
    second = Round.objects.create(workshop=workshop, number=2, question="Runde 2", started_at=timezone.now(),
                                  ended_at=timezone.now())
    for voter, visionary in zip(voters, [a, b, b, c]):
        BattleVote.objects.create(round=first, participant=voter, visionary=visionary, choice="best")
    for voter, visionary in zip(voters, [b, b, c, b]):
        BattleVote.objects.create(round=second, participant=voter, visionary=visionary, choice="best")
    a.out_in_round = first
    a.save()
    c.out_in_round = second
    c.save()
    b.winner = True
    b.save()
    workshop.status = Workshop.Status.FINISHED
    workshop.save()

    response = client.get(f"{API}/{workshop.pk}")
    result = response.json()["vision_battle"]

    assert result["winner"] == b.pk and result["battle_mode"] == "best"
    assert [(v["name"], v["out_in_round"], v["winner"]) for v in result["visionaries"]] == [
        (a.name, 1, False), (b.name, None, True), (c.name, 2, False)]
    one, two = result["rounds"]
    assert one["number"] == 1 and one["title"] == "Runde 1" and one["eliminated"] == [a.pk]
    assert [(t["visionary"], t["best"], t["score"], t["eliminated"]) for t in one["tallies"]] == [
        (b.pk, 2, 2, False), (a.pk, 1, 1, True), (c.pk, 1, 1, False)]
    assert {t["visionary"] for t in two["tallies"]} == {b.pk, c.pk}  # a was out already
    assert two["eliminated"] == [c.pk]
    assert "Voter secret" not in response.content.decode()


def test_a_running_workshop_answers_with_its_results_so_far(client):
    workshop = battle(visionaries=2)
    assert workshop.status == Workshop.Status.LIVE
    response = client.get(f"{API}/{workshop.pk}")
    assert response.status_code == 200 and response.json()["vision_battle"]["winner"] is None


def test_the_openapi_document_describes_the_workshop_endpoints(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/workshops" in document["paths"] and "/api/v1/workshops/{workshop_id}" in document["paths"]
    schemas = document["components"]["schemas"]
    assert {"WorkshopOut", "WorkshopDetailOut", "WorldCafeOut", "OpenSpaceOut", "DotVotingOut",
            "VisionBattleOut"} <= set(schemas)
    assert "device" not in json.dumps(schemas["WorkshopDetailOut"])


def test_an_invalid_token_is_refused_rather_than_treated_as_a_visitor(client):
    response = client.get(API, HTTP_AUTHORIZATION="Bearer smk_wrong")
    assert response.status_code == 401
    user = UserFactory()
    client.force_login(user)
    assert client.get(API).status_code == 200

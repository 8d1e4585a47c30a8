"""The demo's workshops: a finished World Café and vision battle linked to the seeds' events, an Open Space being
prepared and a dot vote ready to start; loading twice changes nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory

from samskap.workshops import demo
from samskap.workshops.models import (BattleVote, CafeTable, Harvest, Insight, Option, Participant, Round, Space,
                                      TimeSlot, Visionary, Workshop)

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (
        Workshop, Participant, Round, CafeTable, Harvest, Insight, TimeSlot, Space, Option, Visionary, BattleVote)}


def test_loading_the_demo_twice_adds_the_workshops_once(capsys):
    call_command("load_demo")
    first = counts()
    assert "workshops: 4 workshops" in capsys.readouterr().out
    call_command("load_demo")

    assert counts() == first
    assert "Demo data already present; nothing changed." in capsys.readouterr().out
    assert first["Workshop"] == 4


def test_the_demo_runs_a_world_cafe_and_a_vision_battle_and_prepares_an_open_space_and_a_dot_vote(client):
    call_command("load_demo", verbosity=0)  # slow: the checks of every demo workshop share one load
    check_the_finished_workshops_show_their_results_on_their_pages_the_event_page_and_the_api(client)
    check_the_world_cafe_at_globen_is_finished_with_two_rounds_three_tables_harvests_and_insights()
    check_the_future_battles_evening_has_four_visionaries_three_rounds_and_a_winner()
    check_the_open_space_is_being_prepared_and_the_dot_vote_is_ready_to_start()
    check_the_demo_facilitator_runs_the_demo_workshops()


def check_the_world_cafe_at_globen_is_finished_with_two_rounds_three_tables_harvests_and_insights():
    cafe = Workshop.objects.get(title=demo.CAFE_TITLE)

    assert cafe.method == Workshop.Method.WORLD_CAFE and cafe.status == Workshop.Status.FINISHED
    assert cafe.event is not None and cafe.event.slug == demo.CAFE_EVENT
    assert cafe.finished_at > cafe.started_at and cafe.started_at > cafe.event.start
    assert list(cafe.rounds.values_list("question", flat=True)) == list(demo.CAFE_QUESTIONS)
    assert [table.host.display_name for table in cafe.tables.select_related("host")] == ["Lennart", "Göran", "Sara"]
    assert Harvest.objects.filter(round__workshop=cafe).count() == 6
    assert "fokusområdesprincipen" in Harvest.objects.filter(round__workshop=cafe).first().text
    insights = list(cafe.insights.all())
    assert len(insights) == 3
    assert [insight.idea is not None for insight in insights] == [False, False, True]
    assert insights[2].idea.title == demo.CAFE_IDEA[0]
    # every guest sits at a table in each round, mixed between rounds
    first, second = cafe.rounds.all()
    assert first.seats.count() == second.seats.count() == len(demo.CAFE_GUESTS) + 3
    moved = {seat.participant_id: seat.table_id for seat in first.seats.all()}
    assert any(moved[seat.participant_id] != seat.table_id for seat in second.seats.all())


def check_the_future_battles_evening_has_four_visionaries_three_rounds_and_a_winner():
    battle = Workshop.objects.get(title=demo.BATTLE_TITLE)

    assert battle.status == Workshop.Status.FINISHED and battle.language == "da"
    assert battle.event is not None and battle.event.slug in demo.BATTLE_EVENTS
    assert battle.rounds.count() == 3
    visionaries = list(battle.visionaries.select_related("out_in_round"))
    assert len(visionaries) == 4
    assert [v.out_in_round.number if v.out_in_round else None for v in visionaries] == [1, 2, 3, None]
    assert [v.name for v in visionaries if v.winner] == ["Ahmed Yousef"]
    for item in battle.rounds.all():  # one vote per device and round
        assert item.votes.count() == item.votes.values("participant").distinct().count() == demo.BATTLE_VOTERS


def check_the_open_space_is_being_prepared_and_the_dot_vote_is_ready_to_start():
    space = Workshop.objects.get(title=demo.SPACE_TITLE)
    dots = Workshop.objects.get(title=demo.DOTS_TITLE)

    assert space.status == dots.status == Workshop.Status.PREPARING
    assert space.language == "nb" and space.method == Workshop.Method.OPEN_SPACE
    assert space.slots.count() == 3 and space.spaces.count() == 4 and not space.topics.exists()
    assert dots.method == Workshop.Method.DOT_VOTING and dots.options.count() == 4
    assert Participant.objects.filter(workshop__in=[space, dots]).count() == 0


def check_the_demo_facilitator_runs_the_demo_workshops():
    from samskap.accounts.models import User

    facilitator = User.objects.get(email=demo.FACILITATOR)
    for workshop in Workshop.objects.all():
        assert facilitator.has_perm("workshops.run_workshop", workshop)


def check_the_finished_workshops_show_their_results_on_their_pages_the_event_page_and_the_api(client):
    cafe = Workshop.objects.get(title=demo.CAFE_TITLE)
    battle = Workshop.objects.get(title=demo.BATTLE_TITLE)

    page = client.get(reverse("workshops:workshop", args=[cafe.pk])).content.decode()
    assert "fokusområdesprincipen" in page and demo.CAFE_INSIGHTS[0] in page
    page = client.get(reverse("workshops:workshop", args=[battle.pk])).content.decode()
    assert "Ahmed Yousef" in page
    assert client.get(reverse("workshops:workshop", args=[
        Workshop.objects.get(title=demo.SPACE_TITLE).pk])).status_code == 404  # being prepared

    client.force_login(UserFactory())  # the event page as a member (not the visitors' cached copy)
    page = client.get(cafe.event.get_absolute_url()).content.decode()
    assert reverse("workshops:workshop", args=[cafe.pk]) in page

    result = client.get(f"/api/v1/workshops/{battle.pk}").json()["vision_battle"]
    assert [len(entry["eliminated"]) for entry in result["rounds"]] == [1, 1, 1] and result["winner"] is not None
    assert {row["title"] for row in client.get("/api/v1/workshops").json()["items"]} == {
        demo.CAFE_TITLE, demo.BATTLE_TITLE}

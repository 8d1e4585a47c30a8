"""What the World Café's screens show: the round's question, the tables and who sits where, each host's harvest
form, the harvests as they arrive, and the shared insights. A constant number of queries however many people
take part."""

from collections import defaultdict

from .models import CafeTable, Harvest, Insight, Participant, Round, Seat, Workshop
from .services_cafe import INSIGHTS, seat_late


def _tables(workshop: Workshop) -> list[CafeTable]:
    return list(CafeTable.objects.filter(workshop=workshop).select_related("host"))


def _insights(workshop: Workshop) -> list[Insight]:
    return list(Insight.objects.filter(workshop=workshop).select_related("idea", "challenge"))


def _running(item: Round | None) -> bool:
    return item is not None and item.started_at is not None and item.ended_at is None


def _seating(item: Round, tables: list[CafeTable]) -> list[dict]:
    """[{"table": table, "people": [participant, …]}] for round `item` (one query)."""
    people: dict[int, list[Participant]] = defaultdict(list)
    for seat in Seat.objects.filter(round=item).select_related("participant").order_by(
            "participant__display_name", "participant_id"):
        people[seat.table_id].append(seat.participant)
    return [{"table": table, "people": people.get(table.pk, [])} for table in tables]


def _harvest_grid(rounds: list[Round], tables: list[CafeTable], harvests: list[Harvest]) -> list[dict]:
    """[{"round": round, "tables": [{"table": table, "harvest": harvest or None}, …]}] for the started rounds."""
    found = {(harvest.round_id, harvest.table_id): harvest for harvest in harvests}
    return [{"round": item, "tables": [{"table": table, "harvest": found.get((item.pk, table.pk))}
                                       for table in tables]}
            for item in rounds if item.started_at is not None]


def live_context(workshop: Workshop, *, view: str, participant: Participant | None) -> dict:
    item = workshop.current_round
    running = _running(item)
    insights_step = workshop.phase == INSIGHTS
    context: dict = {"cafe_running": running, "insights_step": insights_step,
                     "free_mode": workshop.table_mode == Workshop.TableMode.FREE}
    if view == "phone":
        if participant is None:
            return context
        tables = _tables(workshop)
        context["tables"] = tables
        context["my_hosting"] = next((table for table in tables if table.host_id == participant.pk), None)
        context["hostless"] = [table for table in tables if table.host_id is None]
        seat = None
        if item is not None and item.started_at is not None:
            seat = Seat.objects.filter(round=item, participant=participant).first()
            if seat is None and running and not insights_step:
                seat = seat_late(item, participant)
        my_table = next((table for table in tables if seat is not None and table.pk == seat.table_id), None)
        context["my_table"] = my_table
        hosting = context["my_hosting"]
        if hosting is not None and item is not None and item.started_at is not None and not insights_step:
            harvest = Harvest.objects.filter(round=item, table=hosting).first()
            context["my_harvest"] = harvest
            context["harvest_table"] = hosting
            context["harvest_draft"] = f"harvest-{workshop.code}-{item.pk}-{hosting.pk}"
        if insights_step or workshop.is_finished:
            context["insights"] = _insights(workshop)
        return context
    tables = _tables(workshop)
    context["tables"] = tables
    if item is not None and item.started_at is not None:
        context["seating"] = _seating(item, tables)
    if view == "projector":
        if insights_step or workshop.is_finished:
            context["insights"] = _insights(workshop)
        return context
    # The console (and the preparation page).
    rounds = list(Round.objects.filter(workshop=workshop).order_by("number"))
    harvests = list(Harvest.objects.filter(round__workshop=workshop).select_related("written_by"))
    context.update(
        rounds=rounds,
        next_round=next((r for r in rounds if r.started_at is None), None),
        harvest_grid=_harvest_grid(rounds, tables, harvests),
        harvest_count=len(harvests),
        insights=_insights(workshop),
        participants=list(Participant.objects.filter(workshop=workshop).only("pk", "display_name")[:1000]),
    )
    return context


def results_context(workshop: Workshop) -> dict:
    """Everything the World Café produced: the rounds with their questions and each table's harvest, and the
    insights (with the ideas and challenges made from them). Also what the exports write."""
    tables = _tables(workshop)
    rounds = list(Round.objects.filter(workshop=workshop, started_at__isnull=False).order_by("number"))
    harvests = list(Harvest.objects.filter(round__workshop=workshop).select_related("written_by"))
    grid = _harvest_grid(rounds, tables, harvests)
    for entry in grid:
        entry["tables"] = [cell for cell in entry["tables"] if cell["harvest"] is not None]
    return {"tables": tables, "harvest_grid": grid, "insights": _insights(workshop),
            "harvest_count": len(harvests)}

"""What the vision battle's screens show."""

from .models import BattleVote, Visionary, Workshop
from .services_battle import TIE, battle_tally, score, tied


def _visionaries(workshop: Workshop) -> list[Visionary]:
    return list(workshop.visionaries.select_related("out_in_round"))


def live_context(workshop: Workshop, *, view: str, participant) -> dict:
    visionaries = _visionaries(workshop)
    item = workshop.current_round
    # Phones never show the numbers (only who is out), and every phone fetches its part after each change: no tally.
    wants_tally = item is not None and item.started_at is not None and view != "phone"
    tally = battle_tally(item, workshop.battle_mode) if wants_tally else None
    counts = tally["counts"] if tally else {}
    for visionary in visionaries:
        visionary.counts = counts.get(str(visionary.pk), {"best": 0, "keep": 0, "out": 0})
        visionary.score = score(visionary.counts, workshop.battle_mode)
    context = {
        "visionaries": visionaries,
        "remaining": [v for v in visionaries if v.out_in_round_id is None and not v.winner],
        "winner": next((v for v in visionaries if v.winner), None),
        "out_now": [v for v in visionaries if item is not None and v.out_in_round_id == item.pk],
        "tally": tally,
        "voting_open": bool(item and item.voting_open),
        "show_tally": view == "console" or workshop.results_visible or (view == "projector" and workshop.live_tally),
        "tied": tied(workshop) if workshop.phase == TIE else [],
        "keep_out": workshop.battle_mode == Workshop.BattleMode.KEEP_OUT,
    }
    if participant is not None and item is not None:
        mine = dict(BattleVote.objects.filter(round=item, participant=participant).values_list("visionary_id", "choice"))
        for visionary in visionaries:
            visionary.my_choice = mine.get(visionary.pk)
    return context


def results_context(workshop: Workshop) -> dict:
    visionaries = _visionaries(workshop)
    rounds = []
    for item in workshop.rounds.filter(started_at__isnull=False).order_by("number"):
        counts = battle_tally(item, workshop.battle_mode)["counts"]
        rows = []
        for visionary in visionaries:
            if visionary.out_in_round_id is not None and visionary.out_in_round.number < item.number:
                continue
            c = counts.get(str(visionary.pk), {"best": 0, "keep": 0, "out": 0})
            rows.append({"visionary": visionary, "counts": c, "score": score(c, workshop.battle_mode),
                         "out": visionary.out_in_round_id == item.pk})
        rows.sort(key=lambda row: -row["score"])
        rounds.append({"round": item, "rows": rows})
    return {"visionaries": visionaries, "winner": next((v for v in visionaries if v.winner), None),
            "battle_rounds": rounds, "keep_out": workshop.battle_mode == Workshop.BattleMode.KEEP_OUT}

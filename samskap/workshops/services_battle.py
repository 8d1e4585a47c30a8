"""The vision battle: visionaries present in rounds, the audience votes after each round, the lowest drop out,
and it runs to a winner. One vote per device per round: sending the same vote again changes nothing, and a
device may change its vote while voting is open (it still counts once)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samskap.accounts.models import User

from . import live
from .models import BattleVote, Participant, Round, Visionary, Workshop
from .services import check_live, check_run, round_add, round_begin, workshop_finish

PRESENTING, VOTING, COUNTED, TIE = "presenting", "voting", "counted", "tie"


def _check_battle(workshop: Workshop) -> None:
    if workshop.method != Workshop.Method.VISION_BATTLE:
        raise ValidationError(_("This workshop is not a vision battle."))


@transaction.atomic
def visionary_add(workshop: Workshop, *, by: User, name: str, vision: str) -> Visionary:
    check_run(by, workshop)
    _check_battle(workshop)
    if workshop.rounds.filter(started_at__isnull=False).exists():
        raise ValidationError(_("Visionaries can be added only before the first round."))
    position = workshop.visionaries.count()
    visionary = Visionary(workshop=workshop, name=name.strip(), vision=vision.strip(), position=position)
    visionary.full_clean(exclude=["workshop", "out_in_round"])
    visionary.save()
    live.changed(workshop)
    return visionary


@transaction.atomic
def visionary_remove(visionary: Visionary, *, by: User) -> None:
    workshop = visionary.workshop
    check_run(by, workshop)
    if workshop.rounds.filter(started_at__isnull=False).exists():
        raise ValidationError(_("Visionaries can be removed only before the first round."))
    visionary.delete()
    live.changed(workshop)


def remaining(workshop: Workshop):
    return workshop.visionaries.filter(out_in_round__isnull=True, winner=False)


@transaction.atomic
def battle_round_start(workshop: Workshop, *, by: User, minutes: int | None = None) -> Round:
    """The next round: the remaining visionaries present (with the round's time limit on every screen)."""
    _check_battle(workshop)
    check_run(by, workshop)
    check_live(workshop)
    if remaining(workshop).count() < 2:
        raise ValidationError(_("A round needs at least two visionaries still in the battle."))
    current = workshop.current_round
    if current is not None and current.ended_at is None:
        raise ValidationError(_("Close the vote of this round first."))
    item = round_add(workshop, by=by, question=_("Round %(number)s") % {"number": workshop.rounds.count() + 1},
                     minutes=minutes)
    round_begin(item, by=by)
    workshop.phase = PRESENTING
    workshop.results_visible = False
    workshop.save(update_fields=["phase", "results_visible"])
    live.changed(workshop)
    return item


@transaction.atomic
def battle_voting_open(workshop: Workshop, *, by: User) -> Round:
    _check_battle(workshop)
    check_run(by, workshop)
    check_live(workshop)
    item = workshop.current_round
    if item is None or item.ended_at is not None:
        raise ValidationError(_("Start a round first."))
    item.voting_open = True
    item.save(update_fields=["voting_open"])
    workshop.phase = VOTING
    workshop.timer_ends_at = None
    workshop.save(update_fields=["phase", "timer_ends_at"])
    live.changed(workshop)
    return item


def battle_tally(item: Round, mode: str | None = None) -> dict:
    """{"round": id, "counts": {visionary id: {"best": n, "keep": n, "out": n}}, "voters": n}. It runs after every
    vote, so it is one query when voting for the best (a device has one "best" vote per round, so the voters are
    the sum of the votes) and two for keep or out (the voters are the distinct devices). `mode`: the workshop's
    battle_mode, when the caller has it (otherwise read from the round's workshop)."""
    if mode is None:
        mode = Workshop.objects.filter(rounds=item).values_list("battle_mode", flat=True).get()
    rows = (BattleVote.objects.filter(round=item).values("visionary_id")
            .annotate(best=Count("pk", filter=Q(choice="best")), keep=Count("pk", filter=Q(choice="keep")),
                      out=Count("pk", filter=Q(choice="out"))).order_by())
    counts = {str(row["visionary_id"]): {"best": row["best"], "keep": row["keep"], "out": row["out"]} for row in rows}
    if mode == Workshop.BattleMode.BEST:
        voters = sum(row["best"] for row in counts.values())
    else:
        voters = BattleVote.objects.filter(round=item).values("participant_id").distinct().count()
    return {"round": item.pk, "counts": counts, "voters": voters}


def score(counts: dict, mode: str) -> int:
    return counts.get("best", 0) if mode == Workshop.BattleMode.BEST else counts.get("keep", 0) - counts.get("out", 0)


def battle_vote(*, workshop_id: int, participant_id: int, round_id: int, visionary_id: int,
                choice: str = BattleVote.Choice.BEST) -> dict:
    """A participant's vote in the open round. Idempotent: the same vote again counts once; a new choice replaces
    the old one. Returns {"ok": True, "message": …} or raises ValidationError with a message for the voter."""
    with transaction.atomic():
        workshop = Workshop.objects.select_related("current_round").get(pk=workshop_id)
        _check_battle(workshop)
        check_live(workshop)
        item = workshop.current_round
        if item is None or item.pk != round_id or not item.voting_open:
            raise ValidationError(_("Voting in this round is closed."), code="closed")
        # One query checks both the vision and the voter (this runs for every vote of a room of 300).
        visionary = (remaining(workshop).filter(pk=visionary_id)
                     .annotate(joined=Exists(Participant.objects.filter(pk=participant_id, workshop=workshop)))
                     .first())
        if visionary is None:
            raise ValidationError(_("That vision is no longer in the battle."), code="unknown")
        if not visionary.joined:
            raise ValidationError(_("Join the workshop to vote."), code="not_joined")
        participant = Participant(pk=participant_id, workshop=workshop)
        if workshop.battle_mode == Workshop.BattleMode.BEST:
            if choice != BattleVote.Choice.BEST:
                raise ValidationError(_("Choose the best vision."), code="choice")
            updated = BattleVote.objects.filter(round=item, participant=participant, choice="best").update(
                visionary=visionary, voted_at=timezone.now())
            if not updated:
                _create_vote(item, participant, visionary, choice)
        else:
            if choice not in (BattleVote.Choice.KEEP, BattleVote.Choice.OUT):
                raise ValidationError(_("Choose keep or out."), code="choice")
            updated = BattleVote.objects.filter(round=item, participant=participant, visionary=visionary).update(
                choice=choice, voted_at=timezone.now())
            if not updated:
                _create_vote(item, participant, visionary, choice)
        live.tally(workshop.pk, {"version": workshop.version, **battle_tally(item, workshop.battle_mode)},
                   public=live.tally_public(workshop))
    return {"ok": True, "message": _("Your vote for %(name)s is counted.") % {"name": visionary.name},
            "voted": visionary.pk, "choice": choice}


def _create_vote(item, participant, visionary, choice) -> None:
    try:
        with transaction.atomic():
            BattleVote.objects.create(round=item, participant=participant, visionary=visionary, choice=choice)
    except IntegrityError:  # the same device sent its vote twice at the same moment: it counts once
        if choice == BattleVote.Choice.BEST:
            BattleVote.objects.filter(round=item, participant=participant, choice="best").update(visionary=visionary)
        else:
            BattleVote.objects.filter(round=item, participant=participant, visionary=visionary).update(choice=choice)


@transaction.atomic
def battle_voting_close(workshop: Workshop, *, by: User) -> list[Visionary]:
    """Count the round: the `drop_per_round` lowest drop out (never all). On a tie at the cut the facilitator
    decides who goes (`battle_drop`). With one visionary left, that one wins and the battle finishes.
    Returns those who dropped out."""
    _check_battle(workshop)
    check_run(by, workshop)
    item = workshop.current_round
    if item is None or not item.voting_open:
        raise ValidationError(_("There is no open vote to close."))
    item.voting_open = False
    item.ended_at = timezone.now()
    item.save(update_fields=["voting_open", "ended_at"])
    counts = battle_tally(item, workshop.battle_mode)["counts"]
    left = list(remaining(workshop))
    scored = sorted(left, key=lambda v: (score(counts.get(str(v.pk), {}), workshop.battle_mode), -v.position))
    drop = min(workshop.drop_per_round, len(left) - 1)
    dropped: list[Visionary] = []
    if drop > 0:
        cut = score(counts.get(str(scored[drop - 1].pk), {}), workshop.battle_mode)
        after = scored[drop] if drop < len(scored) else None
        if after is not None and score(counts.get(str(after.pk), {}), workshop.battle_mode) == cut:
            # Those below the cut go; the facilitator chooses among those tied at it.
            dropped = [v for v in scored if score(counts.get(str(v.pk), {}), workshop.battle_mode) < cut]
            workshop.phase = TIE
        else:
            dropped = scored[:drop]
            workshop.phase = COUNTED
    for visionary in dropped:
        visionary.out_in_round = item
        visionary.save(update_fields=["out_in_round"])
    workshop.results_visible = True
    workshop.save(update_fields=["phase", "results_visible"])
    _crown_if_one_left(workshop)
    live.changed(workshop)
    return dropped


def tied(workshop: Workshop) -> list[Visionary]:
    """The visionaries tied at the cut of the last counted round (the facilitator picks who drops out)."""
    item = workshop.current_round
    if workshop.phase != TIE or item is None:
        return []
    counts = battle_tally(item, workshop.battle_mode)["counts"]
    left = list(remaining(workshop))
    if not left:
        return []
    lowest = min(score(counts.get(str(v.pk), {}), workshop.battle_mode) for v in left)
    return [v for v in left if score(counts.get(str(v.pk), {}), workshop.battle_mode) == lowest]


@transaction.atomic
def battle_drop(workshop: Workshop, *, by: User, visionary: Visionary) -> None:
    """After a tie: the facilitator takes one of the tied visionaries out."""
    _check_battle(workshop)
    check_run(by, workshop)
    if visionary not in tied(workshop):
        raise ValidationError(_("Only a visionary tied at the cut can be taken out."))
    visionary.out_in_round = workshop.current_round
    visionary.save(update_fields=["out_in_round"])
    out_this_round = workshop.visionaries.filter(out_in_round=workshop.current_round).count()
    if out_this_round >= workshop.drop_per_round or remaining(workshop).count() <= 1:
        workshop.phase = COUNTED
        workshop.save(update_fields=["phase"])
    _crown_if_one_left(workshop)
    live.changed(workshop)


def _crown_if_one_left(workshop: Workshop) -> None:
    left = list(remaining(workshop))
    if len(left) == 1:
        left[0].winner = True
        left[0].save(update_fields=["winner"])
        workshop.phase = COUNTED
        workshop.save(update_fields=["phase"])
        workshop_finish(workshop, by=None)

"""Dot voting: the facilitator prepares options (free text, published ideas, insights from their other
workshops); while the vote is open each participant spreads `Workshop.dots_per_participant` dots over them,
several on one option if they like. The dots stay in the database: the results page reads them afterwards.

A phone sends the *absolute* number of dots it wants on an option, so sending the same again changes nothing.
Two quick sends from one phone are serialised by locking the participant's row: the total never exceeds N."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskap.accounts.models import User
from samskap.ideas.models import Idea

from . import live
from .models import Dots, Insight, Option, Participant, Workshop
from .services import check_live, check_run

VOTING, CLOSED = "voting", "closed"


def _check_dots(workshop: Workshop) -> None:
    if workshop.method != Workshop.Method.DOT_VOTING:
        raise ValidationError(_("This workshop is not a dot voting."))


def _check_editable(workshop: Workshop) -> None:
    if workshop.status == Workshop.Status.FINISHED:
        raise ValidationError(_("The workshop has finished: its options stay as they were voted on."))


def _text(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError({"text": _("Write the option.")})
    if len(text) > 300:
        raise ValidationError({"text": _("An option has at most 300 characters.")})
    return text


def _next_position(workshop: Workshop) -> int:
    last = workshop.options.order_by("-position").values_list("position", flat=True).first()
    return 0 if last is None else last + 1


# Preparing the options


@transaction.atomic
def option_add(workshop: Workshop, *, by: User, text: str, idea: Idea | None = None,
               insight: Insight | None = None) -> Option:
    """A new option at the end of the list (options may be added while the vote runs)."""
    check_run(by, workshop)
    _check_dots(workshop)
    _check_editable(workshop)
    option = Option.objects.create(workshop=workshop, text=_text(text), idea=idea, insight=insight,
                                   position=_next_position(workshop))
    live.changed(workshop)
    return option


def option_add_idea(workshop: Workshop, *, by: User, idea: Idea) -> Option:
    """An option linked to a published idea everyone may see (its title is the option's text)."""
    if not Idea.objects.public().filter(pk=idea.pk).exists():
        raise ValidationError(_("Only published ideas that everyone may see can become options."))
    if workshop.options.filter(idea=idea).exists():
        raise ValidationError(_("This idea is already an option."))
    return option_add(workshop, by=by, text=idea.title[:300], idea=idea)


def option_add_insight(workshop: Workshop, *, by: User, insight: Insight) -> Option:
    """An option from a shared insight of a workshop `by` runs (a World Café of the same event, say)."""
    if not by.has_perm("workshops.run_workshop", insight.workshop):
        raise ValidationError(_("Only insights from workshops you run can become options."))
    if workshop.options.filter(insight=insight).exists():
        raise ValidationError(_("This insight is already an option."))
    return option_add(workshop, by=by, text=insight.text[:300], insight=insight)


@transaction.atomic
def option_update(option: Option, *, by: User, text: str) -> Option:
    """Correct an option's text (also once dots are on it: fixing a typo must not cost the votes)."""
    workshop = option.workshop
    check_run(by, workshop)
    _check_editable(workshop)
    option.text = _text(text)
    option.save(update_fields=["text"])
    live.changed(workshop)
    return option


@transaction.atomic
def option_remove(option: Option, *, by: User) -> None:
    """Remove an option nobody has put a dot on (once voted on, it stays: the results are kept)."""
    workshop = option.workshop
    check_run(by, workshop)
    _check_editable(workshop)
    if Dots.objects.filter(option=option, count__gt=0).exists():
        raise ValidationError(_("Participants have put dots on “%(option)s”, so it cannot be removed.")
                              % {"option": option.text})
    option.delete()
    live.changed(workshop)


@transaction.atomic
def option_move(option: Option, *, by: User, direction: str) -> None:
    """Move an option one place up or down the list."""
    workshop = option.workshop
    check_run(by, workshop)
    _check_editable(workshop)
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an option up or down."))
    options = list(Option.objects.select_for_update().filter(workshop=workshop).order_by("position", "pk"))
    index = next(i for i, item in enumerate(options) if item.pk == option.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(options):
        return
    options[index], options[other] = options[other], options[index]
    for position, item in enumerate(options):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    live.changed(workshop)


# Running the vote


@transaction.atomic
def dots_voting_open(workshop: Workshop, *, by: User) -> Workshop:
    """Open the vote (again, after closing it: the dots already placed stay)."""
    _check_dots(workshop)
    check_run(by, workshop)
    check_live(workshop)
    if workshop.options.count() < 2:
        raise ValidationError(_("Add at least two options before opening the vote."))
    workshop.phase = VOTING
    workshop.save(update_fields=["phase"])
    live.changed(workshop)
    return workshop


@transaction.atomic
def dots_voting_close(workshop: Workshop, *, by: User) -> Workshop:
    _check_dots(workshop)
    check_run(by, workshop)
    if workshop.phase != VOTING:
        raise ValidationError(_("There is no open vote to close."))
    workshop.phase = CLOSED
    workshop.save(update_fields=["phase"])
    live.changed(workshop)
    return workshop


def dots_tally(workshop_id: int) -> dict:
    """{"counts": {option id: {"dots": n}} for every option, "voters": n, "max": the highest count} (two queries)."""
    totals = dict(Option.objects.filter(workshop_id=workshop_id).annotate(total=Coalesce(Sum("dots__count"), 0))
                  .values_list("pk", "total"))
    voters = Dots.objects.filter(option__workshop_id=workshop_id, count__gt=0).aggregate(
        n=Count("participant_id", distinct=True))["n"]
    return {"counts": {str(pk): {"dots": total} for pk, total in totals.items()}, "voters": voters,
            "max": max(totals.values(), default=0)}


def _left_message(left: int) -> str:
    return ngettext("You have %(left)s dot left.", "You have %(left)s dots left.", left) % {"left": left}


def dots_set(*, workshop_id: int, participant_id: int, option_id: int, count: int) -> dict:
    """Put `count` of the participant's dots on the option (an absolute number: the same again changes nothing).
    Returns {"ok": True, "message", "option", "count", "left"} or raises ValidationError with a message for the
    participant (how many dots are left, when there are not enough)."""
    with transaction.atomic():
        workshop = Workshop.objects.get(pk=workshop_id)
        _check_dots(workshop)
        check_live(workshop)
        if workshop.phase != VOTING:
            raise ValidationError(_("The vote is not open."), code="closed")
        # The lock makes two quick sends from the same phone wait for each other, so the total stays within N.
        participant = Participant.objects.select_for_update().filter(pk=participant_id, workshop=workshop).first()
        if participant is None:
            raise ValidationError(_("Join the workshop to vote."), code="not_joined")
        option = Option.objects.filter(pk=option_id, workshop=workshop).first()
        if option is None:
            raise ValidationError(_("That option is not in this vote."), code="unknown")
        mine = dict(Dots.objects.filter(participant=participant).values_list("option_id", "count"))
        current = mine.get(option.pk, 0)
        others = sum(mine.values()) - current
        allowed = workshop.dots_per_participant
        if count < 0:
            raise ValidationError(
                _("You have no dots on “%(option)s” to take away.") % {"option": option.text} + " "
                + _left_message(max(allowed - others - current, 0)), code="negative")
        if others + count > allowed:
            left = max(allowed - others - current, 0)
            raise ValidationError(
                ngettext("Not enough dots: you have %(left)s dot left.",
                         "Not enough dots: you have %(left)s dots left.", left) % {"left": left}, code="too_many")
        if count != current:
            if count == 0:
                Dots.objects.filter(participant=participant, option=option).delete()
            elif not Dots.objects.filter(participant=participant, option=option).update(count=count):
                Dots.objects.create(participant=participant, option=option, count=count)
            live.tally(workshop.pk, {"version": workshop.version, **dots_tally(workshop.pk)},
                       public=live.tally_public(workshop))
    left = allowed - others - count
    return {"ok": True, "option": option.pk, "count": count, "left": left,
            "message": ngettext("%(count)s dot on “%(option)s”.", "%(count)s dots on “%(option)s”.", count)
            % {"count": count, "option": option.text} + " " + _left_message(left)}


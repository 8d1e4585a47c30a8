"""Writes common to every workshop method: create and prepare, join, run (start, rounds, timer, results, step,
finish). The methods' own writes are in services_cafe, services_space, services_dots and services_battle."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskap.accounts.models import User

from . import live
from .models import Participant, Round, Workshop, device_hash, new_code

WORKSHOP_FIELDS = ("title", "description", "method", "language", "event", "round_minutes", "table_mode",
                   "dots_per_participant", "live_tally", "battle_mode", "drop_per_round")


def _check_settings(workshop: Workshop) -> None:
    """The settings' ranges, for the preparation form and every other caller (a vision battle that drops nobody
    would never end)."""
    errors = {}
    if not 1 <= workshop.round_minutes <= 240:
        errors["round_minutes"] = _("A round lasts between 1 and 240 minutes.")
    if not 1 <= workshop.dots_per_participant <= 20:
        errors["dots_per_participant"] = _("Give each participant between 1 and 20 dots.")
    if not 1 <= workshop.drop_per_round <= 10:
        errors["drop_per_round"] = _("Between 1 and 10 visions can drop out per round.")
    if errors:
        raise ValidationError(errors)


def check_run(by: User, workshop: Workshop) -> None:
    if not by.has_perm("workshops.run_workshop", workshop):
        raise PermissionDenied


def _check_event(by: User, event) -> None:
    if event is not None and not by.has_perm("events.change_event", event):
        raise ValidationError({"event": _("You can link a workshop only to an event you organise.")})


@transaction.atomic
def workshop_create(*, by: User, title: str, method: str, **fields: Any) -> Workshop:
    """A new workshop, being prepared; `by` runs it. `fields`: see WORKSHOP_FIELDS."""
    if not by.has_perm("workshops.add_workshop"):
        raise PermissionDenied
    unknown = set(fields) - set(WORKSHOP_FIELDS)
    if unknown:
        raise TypeError(f"unknown workshop fields: {sorted(unknown)}")
    _check_event(by, fields.get("event"))
    workshop = Workshop(title=title, method=method, created_by=by, **fields)
    workshop.full_clean(exclude=["code", "created_by", "event"])
    _check_settings(workshop)
    for _attempt in range(10):
        try:
            with transaction.atomic():
                workshop.save()
            break
        except IntegrityError:  # the code was taken: draw another
            workshop.code = new_code()
    else:  # pragma: no cover - 31^6 codes
        raise ValidationError(_("No free workshop code was found. Please try again."))
    workshop.facilitators.add(by)
    return workshop


@transaction.atomic
def workshop_update(workshop: Workshop, *, by: User, **fields: Any) -> Workshop:
    check_run(by, workshop)
    unknown = set(fields) - set(WORKSHOP_FIELDS) - {"method"}
    if unknown:
        raise TypeError(f"unknown workshop fields: {sorted(unknown)}")
    if "method" in fields and fields["method"] != workshop.method and workshop.status != Workshop.Status.PREPARING:
        raise ValidationError({"method": _("The method cannot change once the workshop has started.")})
    if "event" in fields and fields["event"] != workshop.event:
        _check_event(by, fields["event"])
    for name, value in fields.items():
        setattr(workshop, name, value)
    workshop.full_clean(exclude=["code", "created_by", "event"])
    _check_settings(workshop)
    workshop.save()
    live.changed(workshop)
    return workshop


@transaction.atomic
def facilitator_add(workshop: Workshop, *, by: User, email: str) -> User:
    """Let another member run the workshop with `by` (console, preparation, exports)."""
    check_run(by, workshop)
    member = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if member is None:
        raise ValidationError({"email": _("No member has this e-mail address. They need an account first.")})
    workshop.facilitators.add(member)
    return member


@transaction.atomic
def facilitator_remove(workshop: Workshop, *, by: User, member: User) -> None:
    check_run(by, workshop)
    if member.pk == workshop.created_by_id:
        raise ValidationError(_("The workshop's creator always runs it."))
    workshop.facilitators.remove(member)


def workshop_delete(workshop: Workshop, *, by: User) -> None:
    check_run(by, workshop)
    if workshop.status != Workshop.Status.PREPARING:
        raise ValidationError(_("Only a workshop that has not started can be deleted; what it produced stays."))
    workshop.delete()


@transaction.atomic
def workshop_start(workshop: Workshop, *, by: User) -> Workshop:
    """Open the workshop: participants can join and take part."""
    check_run(by, workshop)
    if workshop.status == Workshop.Status.LIVE:
        return workshop
    workshop.status = Workshop.Status.LIVE
    workshop.started_at = workshop.started_at or timezone.now()
    workshop.finished_at = None
    workshop.save(update_fields=["status", "started_at", "finished_at"])
    live.changed(workshop)
    return workshop


@transaction.atomic
def workshop_finish(workshop: Workshop, *, by: User | None) -> Workshop:
    """Close the workshop: nothing more can be added; results stay readable. `by=None`: the method itself
    finished it (a vision battle with a winner)."""
    if by is not None:
        check_run(by, workshop)
    if workshop.status == Workshop.Status.FINISHED:
        return workshop
    now = timezone.now()
    Round.objects.filter(workshop=workshop, started_at__isnull=False, ended_at__isnull=True).update(
        ended_at=now, voting_open=False)
    workshop.status = Workshop.Status.FINISHED
    workshop.finished_at = now
    workshop.timer_ends_at = None
    workshop.results_visible = True
    workshop.save(update_fields=["status", "finished_at", "timer_ends_at", "results_visible"])
    live.changed(workshop)
    return workshop


@transaction.atomic
def workshop_reopen(workshop: Workshop, *, by: User) -> Workshop:
    check_run(by, workshop)
    workshop.status = Workshop.Status.LIVE
    workshop.finished_at = None
    workshop.save(update_fields=["status", "finished_at"])
    live.changed(workshop)
    return workshop


def check_live(workshop: Workshop) -> None:
    if workshop.status != Workshop.Status.LIVE:
        raise ValidationError(_("The workshop is not running. Ask the facilitator to start it."),
                              code="not_live")


@transaction.atomic
def results_show(workshop: Workshop, *, by: User, visible: bool) -> Workshop:
    check_run(by, workshop)
    workshop.results_visible = visible
    workshop.save(update_fields=["results_visible"])
    live.changed(workshop)
    return workshop


@transaction.atomic
def phase_set(workshop: Workshop, *, by: User, phase: str) -> Workshop:
    """The method's next step (for example from the topic marketplace to the agenda)."""
    check_run(by, workshop)
    workshop.phase = phase
    workshop.save(update_fields=["phase"])
    live.changed(workshop)
    return workshop


@transaction.atomic
def timer_start(workshop: Workshop, *, by: User, minutes: float) -> Workshop:
    check_run(by, workshop)
    if not 0 < minutes <= 240:
        raise ValidationError({"minutes": _("A timer runs for between 1 second and 4 hours.")})
    workshop.timer_ends_at = timezone.now() + datetime.timedelta(minutes=minutes)
    workshop.save(update_fields=["timer_ends_at"])
    live.changed(workshop)
    return workshop


@transaction.atomic
def timer_stop(workshop: Workshop, *, by: User) -> Workshop:
    check_run(by, workshop)
    workshop.timer_ends_at = None
    workshop.save(update_fields=["timer_ends_at"])
    live.changed(workshop)
    return workshop


# Rounds (World Café questions, vision-battle rounds)


@transaction.atomic
def round_add(workshop: Workshop, *, by: User, question: str = "", minutes: int | None = None) -> Round:
    check_run(by, workshop)
    number = (workshop.rounds.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    item = Round(workshop=workshop, number=number, question=question.strip(),
                 minutes=minutes or workshop.round_minutes)
    item.full_clean(exclude=["workshop"])
    item.save()
    live.changed(workshop)
    return item


@transaction.atomic
def round_update(item: Round, *, by: User, question: str, minutes: int) -> Round:
    check_run(by, item.workshop)
    item.question = question.strip()
    item.minutes = minutes
    item.full_clean(exclude=["workshop"])
    item.save(update_fields=["question", "minutes"])
    live.changed(item.workshop)
    return item


@transaction.atomic
def round_remove(item: Round, *, by: User) -> None:
    check_run(by, item.workshop)
    if item.started_at is not None:
        raise ValidationError(_("A round that has started cannot be removed; what it produced stays."))
    workshop = item.workshop
    item.delete()
    live.changed(workshop)


@transaction.atomic
def round_begin(item: Round, *, by: User) -> Round:
    """Make `item` the current round and start its timer (the methods add what a round means to them)."""
    workshop = item.workshop
    check_run(by, workshop)
    check_live(workshop)
    now = timezone.now()
    Round.objects.filter(workshop=workshop, started_at__isnull=False, ended_at__isnull=True).exclude(
        pk=item.pk).update(ended_at=now, voting_open=False)
    item.started_at = item.started_at or now
    item.ended_at = None
    item.save(update_fields=["started_at", "ended_at"])
    workshop.current_round = item
    workshop.timer_ends_at = now + datetime.timedelta(minutes=item.minutes) if item.minutes else None
    workshop.save(update_fields=["current_round", "timer_ends_at"])
    live.changed(workshop)
    return item


@transaction.atomic
def round_end(item: Round, *, by: User) -> Round:
    workshop = item.workshop
    check_run(by, workshop)
    item.ended_at = item.ended_at or timezone.now()
    item.voting_open = False
    item.save(update_fields=["ended_at", "voting_open"])
    workshop.timer_ends_at = None
    workshop.save(update_fields=["timer_ends_at"])
    live.changed(workshop)
    return item


# Participants


def display_name_clean(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"display_name": _("Write the name the others will see.")})
    if len(name) > 60:
        raise ValidationError({"display_name": _("A display name has at most 60 characters.")})
    return name


def participant_for(workshop: Workshop, *, user: User | None, token: str | None) -> Participant | None:
    """The participant this member or device is in `workshop`, if they have joined."""
    if user is not None and user.is_authenticated:
        found = Participant.objects.filter(workshop=workshop, user=user).first()
        if found is not None:
            return found
    if token:
        return Participant.objects.filter(workshop=workshop, device=device_hash(token)).first()
    return None


@transaction.atomic
def participant_join(workshop: Workshop, *, user: User | None, token: str, display_name: str = "") -> Participant:
    """Join `workshop` from a device (its `token`), as a member or as a guest with a display name. Joining again
    from the same device or as the same member returns the same participant (with the new name, if one is
    given)."""
    if workshop.status == Workshop.Status.FINISHED:
        raise ValidationError(_("This workshop has finished. Its results are on its page."), code="finished")
    if workshop.status != Workshop.Status.LIVE and not (user and user.has_perm("workshops.run_workshop", workshop)):
        raise ValidationError(_("This workshop has not started yet. Try again when the facilitator opens it."),
                              code="not_started")
    member = user if user is not None and user.is_authenticated else None
    if member is None or display_name.strip():
        name = display_name_clean(display_name)
    else:
        name = display_name_clean(member.name or member.email.split("@")[0])
    existing = participant_for(workshop, user=member, token=token)
    if existing is not None:
        changed_fields = []
        if display_name.strip() and existing.display_name != name:
            existing.display_name = name
            changed_fields.append("display_name")
        if member is not None and existing.user_id is None:
            existing.user = member
            changed_fields.append("user")
        if changed_fields:
            existing.save(update_fields=changed_fields)
        return existing
    try:
        with transaction.atomic():
            participant = Participant.objects.create(workshop=workshop, user=member, device=device_hash(token),
                                                     display_name=name)
    except IntegrityError:  # the same device or member joined at the same moment
        return participant_for(workshop, user=member, token=token)
    # Only the projector and the console show who is here: 300 people joining must not make 300 phones
    # fetch their page 300 times.
    live.people(workshop.pk)
    return participant

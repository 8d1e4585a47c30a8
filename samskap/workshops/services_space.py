"""Open Space: the facilitator prepares time slots and spaces; in the marketplace participants post topics (each
poster is its convener); the topics are placed in the grid of time slots × spaces (by the facilitator, or by a
convener for their own topic while the agenda is open); everyone marks the sessions they will go to; in the
sessions each topic gets notes and action items; the final report gathers them.

Who writes what in a session: the notes by the convener (and those who run the workshop); action items also
by everyone who marked that they go to it, since the people in the room are the ones who take on an action.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from samskap.accounts.models import User

from . import live
from .models import ActionItem, Attendance, Participant, Space, TimeSlot, Topic, Workshop
from .services import check_live, check_run, phase_set

MARKETPLACE, AGENDA, SESSIONS = "marketplace", "agenda", "sessions"
PHASES = (MARKETPLACE, AGENDA, SESSIONS)


def current_phase(workshop: Workshop) -> str:
    """The Open Space step the workshop is in (a workshop that just started is in the marketplace)."""
    return workshop.phase if workshop.phase in PHASES else MARKETPLACE


def _check_space(workshop: Workshop) -> None:
    if workshop.method != Workshop.Method.OPEN_SPACE:
        raise ValidationError(_("This workshop is not an Open Space."))


def may_run(by: User | None, workshop: Workshop) -> bool:
    return by is not None and by.is_authenticated and by.has_perm("workshops.run_workshop", workshop)


def _runner(by: User | None, participant: Participant | None, workshop: Workshop) -> bool:
    """Whether the one acting runs the workshop (from the console, or from a phone joined as a member)."""
    if may_run(by, workshop):
        return True
    return participant is not None and participant.user_id is not None and may_run(participant.user, workshop)


def _check_participant(participant: Participant | None, workshop: Workshop) -> Participant:
    if participant is None or participant.workshop_id != workshop.pk:
        raise ValidationError(_("Join the workshop to take part."), code="not_joined")
    return participant


# Preparing: time slots and spaces (the same operations for both)

GRID_MODELS: dict[str, type[TimeSlot] | type[Space]] = {"slots": TimeSlot, "spaces": Space}


def _field(model) -> str:
    return "label" if model is TimeSlot else "name"


def _clean_name(model, value: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError({_field(model): _("Write the time, for example 10:00–10:45.") if model is TimeSlot
                               else _("Write the name of the space, for example Room A.")})
    if len(value) > 60:
        raise ValidationError({_field(model): _("At most 60 characters.")})
    return value


@transaction.atomic
def grid_item_add(workshop: Workshop, *, by: User, kind: str, name: str) -> TimeSlot | Space:
    """Add a time slot (`kind` "slots") or a space (`kind` "spaces") at the end."""
    check_run(by, workshop)
    _check_space(workshop)
    model = GRID_MODELS[kind]
    name = _clean_name(model, name)
    position = (model.objects.filter(workshop=workshop).aggregate(top=Max("position"))["top"] or 0) + 1
    item = model.objects.create(workshop=workshop, position=position, **{_field(model): name})
    live.changed(workshop)
    return item


@transaction.atomic
def grid_item_update(item: TimeSlot | Space, *, by: User, name: str) -> TimeSlot | Space:
    check_run(by, item.workshop)
    field = _field(type(item))
    setattr(item, field, _clean_name(type(item), name))
    item.save(update_fields=[field])
    live.changed(item.workshop)
    return item


@transaction.atomic
def grid_item_remove(item: TimeSlot | Space, *, by: User) -> int:
    """Remove a time slot or a space; the topics placed in it are unplaced (they keep their notes). Returns how
    many topics were unplaced."""
    workshop = item.workshop
    check_run(by, workshop)
    placed = Topic.objects.filter(**{"slot" if isinstance(item, TimeSlot) else "space": item})
    unplaced = placed.update(slot=None, space=None)
    item.delete()
    live.changed(workshop)
    return unplaced


@transaction.atomic
def grid_item_move(item: TimeSlot | Space, *, by: User, up: bool) -> None:
    """Swap a time slot or a space with the one before (`up`) or after it."""
    workshop = item.workshop
    check_run(by, workshop)
    items = list(type(item).objects.select_for_update().filter(workshop=workshop).order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])
    live.changed(workshop)


# Running: the steps


@transaction.atomic
def space_phase_set(workshop: Workshop, *, by: User, phase: str) -> Workshop:
    """Open the marketplace, the agenda or the sessions (the facilitator may also go back a step)."""
    _check_space(workshop)
    if phase not in PHASES:
        raise ValidationError(_("Unknown step."))
    check_run(by, workshop)
    check_live(workshop)
    return phase_set(workshop, by=by, phase=phase)


# The marketplace


@transaction.atomic
def topic_post(workshop: Workshop, *, participant: Participant | None, title: str, convener_name: str = "",
               description: str = "") -> Topic:
    """A participant posts a topic in the marketplace and convenes it (under their display name unless they give
    another, for example a team's)."""
    _check_space(workshop)
    check_live(workshop)
    participant = _check_participant(participant, workshop)
    if current_phase(workshop) != MARKETPLACE:
        raise ValidationError(_("The marketplace is closed: topics can no longer be posted."), code="closed")
    topic = Topic(workshop=workshop, convener=participant, title=" ".join((title or "").split()),
                  convener_name=" ".join((convener_name or "").split()) or participant.display_name,
                  description=(description or "").strip())
    if not topic.title:
        raise ValidationError({"title": _("Write the topic you want to convene.")})
    topic.full_clean(exclude=["workshop", "convener", "slot", "space"])
    topic.save()
    live.changed(workshop)
    return topic


@transaction.atomic
def topic_remove(topic: Topic, *, by: User | None = None, participant: Participant | None = None) -> None:
    """Take a topic off the wall: those who run the workshop at any time, its convener while the marketplace is
    open."""
    workshop = topic.workshop
    if not _runner(by, participant, workshop):
        if participant is None or topic.convener_id != participant.pk:
            raise PermissionDenied
        check_live(workshop)
        if current_phase(workshop) != MARKETPLACE:
            raise ValidationError(_("Only while the marketplace is open can you take your topic back."))
    topic.delete()
    live.changed(workshop)


# The agenda


@transaction.atomic
def topic_place(topic: Topic, *, slot: TimeSlot | None, space: Space | None, by: User | None = None,
                participant: Participant | None = None) -> Topic:
    """Place `topic` in the cell `slot` × `space` (both None: take it out of the grid). Those who run the workshop
    place any topic while it is live; a convener places their own topic in a free cell while the agenda is open.
    Two topics never share a cell."""
    workshop = topic.workshop
    _check_space(workshop)
    check_live(workshop)
    if not _runner(by, participant, workshop):
        if participant is None or participant.workshop_id != workshop.pk or topic.convener_id != participant.pk:
            raise PermissionDenied(_("Only the facilitator and the topic's convener can place it."))
        if current_phase(workshop) != AGENDA:
            raise ValidationError(_("Conveners can place their topics while the agenda is open."), code="closed")
    if (slot is None) != (space is None):
        raise ValidationError(_("Choose both a time and a space."), code="half")
    for item in (slot, space):
        if item is not None and item.workshop_id != workshop.pk:
            raise ValidationError(_("That time or space is not in this workshop."), code="unknown")
    if slot is not None:
        taken = Topic.objects.filter(slot=slot, space=space).exclude(pk=topic.pk).first()
        if taken is not None:
            raise _taken(slot, space, taken)
    topic.slot, topic.space = slot, space
    try:
        with transaction.atomic():
            topic.save(update_fields=["slot", "space"])
    except IntegrityError:  # another topic took the cell at the same moment
        topic.refresh_from_db(fields=["slot", "space"])
        raise _taken(slot, space, Topic.objects.filter(slot=slot, space=space).first()) from None
    live.changed(workshop)
    return topic


def _taken(slot: TimeSlot, space: Space, taken: Topic | None) -> ValidationError:
    if taken is None:
        return ValidationError(_("That time and space is taken. Choose a free one."), code="taken")
    return ValidationError(
        _("That time and space is taken by “%(title)s” (%(time)s, %(space)s). Choose a free one.")
        % {"title": taken.title, "time": slot.label, "space": space.name}, code="taken")


def attendance_counts(workshop: Workshop, topic_ids: list[int] | None = None) -> dict[str, dict[str, int]]:
    """{topic id: {"going": n}} for the live tally."""
    topics = Topic.objects.filter(workshop=workshop)
    if topic_ids is not None:
        topics = topics.filter(pk__in=topic_ids)
    return {str(pk): {"going": n} for pk, n in topics.annotate(n=Count("attendance")).values_list("pk", "n")}


@transaction.atomic
def attendance_set(topic: Topic, *, participant: Participant | None, going: bool) -> bool:
    """Mark (or unmark) that the participant will go to the topic's session. Idempotent: marking twice counts
    once. The projectors and consoles get the new count in place; the phones see it when they next fetch."""
    workshop = topic.workshop
    _check_space(workshop)
    check_live(workshop)
    participant = _check_participant(participant, workshop)
    if topic.slot_id is None:
        raise ValidationError(_("This topic has no time and space yet."), code="unplaced")
    if going:
        try:
            with transaction.atomic():
                Attendance.objects.get_or_create(topic=topic, participant=participant)
        except IntegrityError:  # the same device sent it twice at the same moment: it counts once
            pass
    else:
        Attendance.objects.filter(topic=topic, participant=participant).delete()
    live.tally(workshop.pk, {"version": workshop.version, "counts": attendance_counts(workshop, [topic.pk])})
    return going


# The sessions


def _check_session(topic: Topic) -> None:
    check_live(topic.workshop)
    if current_phase(topic.workshop) != SESSIONS:
        raise ValidationError(_("Notes and action items are written once the sessions have begun."), code="closed")
    if topic.slot_id is None:
        raise ValidationError(_("This topic has no session: it was not placed in the agenda."), code="unplaced")


def may_write_notes(topic: Topic, *, by: User | None = None, participant: Participant | None = None) -> bool:
    return _runner(by, participant, topic.workshop) or (participant is not None and topic.convener_id == participant.pk)


def may_add_actions(topic: Topic, *, by: User | None = None, participant: Participant | None = None) -> bool:
    if may_write_notes(topic, by=by, participant=participant):
        return True
    return participant is not None and Attendance.objects.filter(topic=topic, participant=participant).exists()


@transaction.atomic
def notes_save(topic: Topic, *, notes: str, by: User | None = None, participant: Participant | None = None) -> Topic:
    if not may_write_notes(topic, by=by, participant=participant):
        raise PermissionDenied(_("The convener writes the notes of a session."))
    _check_session(topic)
    notes = (notes or "").strip()
    if len(notes) > 10000:
        raise ValidationError({"notes": _("The notes can have at most 10,000 characters.")})
    topic.notes = notes
    topic.save(update_fields=["notes"])
    live.changed(topic.workshop)
    return topic


@transaction.atomic
def action_item_add(topic: Topic, *, text: str, owner: str = "", by: User | None = None,
                    participant: Participant | None = None) -> ActionItem:
    if not may_add_actions(topic, by=by, participant=participant):
        raise PermissionDenied(_("Those who go to a session add its action items."))
    _check_session(topic)
    item = ActionItem(topic=topic, text=" ".join((text or "").split()), owner=" ".join((owner or "").split()))
    if not item.text:
        raise ValidationError({"text": _("Write the action.")})
    item.full_clean(exclude=["topic"])
    item.save()
    live.changed(topic.workshop)
    return item


@transaction.atomic
def action_item_remove(item: ActionItem, *, by: User | None = None, participant: Participant | None = None) -> None:
    topic = item.topic
    if not may_write_notes(topic, by=by, participant=participant):
        raise PermissionDenied(_("The convener removes action items."))
    _check_session(topic)
    item.delete()
    live.changed(topic.workshop)


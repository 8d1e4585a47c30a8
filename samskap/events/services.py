"""Writes for events: create, edit (with ticket types and registration questions), publish, cancel, series."""

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from functools import partial
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samskap.actors.models import Membership, Organisation
from samskap.core.images import image_normalised
from samskap.core.permissions import is_facilitator, is_hub_admin

from .models import Event, EventSeries, RegistrationQuestion, TicketType
from .search import event_index
from .services_invitations import invitations_send_all
from .selectors import organiser_choices_forget

COVER_SIZE = 1600
MAX_OCCURRENCES = 60
# Path segments under /events/ that are pages, not events (event slugs end in a date, so they never clash).
RESERVED_SLUGS = {"new", "month", "feed", "feeds", "my", "registrations", "calendar"}
EVENT_FIELDS = {
    "title", "kind", "summary", "description", "language", "venue_name", "venue_address", "room", "place",
    "latitude", "longitude", "accessibility", "online_url", "time_zone", "start", "end", "cover_alt",
    "registration_enabled", "registration_opens", "registration_closes", "capacity", "waiting_list", "audience",
    "pricing", "currency", "suggested_amounts", "minimum_amount", "pay_by_invoice", "pay_at_venue", "offer_hours",
    "reminder_hours", "participant_list_public", "outcome_summary",
}
TICKET_FIELDS = ("name", "price", "capacity", "position")
QUESTION_FIELDS = ("kind", "label", "choices", "required", "position")


# Helpers -----------------------------------------------------------------------------------------

def organisations_administered_by(user) -> "list[Organisation]":
    """The listed organisations where `user` is an active admin: the organisers they may choose."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Organisation.objects.listed().filter(
        memberships__user=user, memberships__role=Membership.Role.ADMIN, memberships__status=Membership.Status.ACTIVE,
    ).only("name", "slug").order_by("name"))


def may_organise_for_hub(user) -> bool:
    return bool(is_facilitator(user) or is_hub_admin(user))


def _unique_slug(title: str, start: datetime.datetime, zone: str, *, exclude_pk: int | None = None) -> str:
    day = timezone.localtime(start, ZoneInfo(zone)).date().isoformat()
    base = f"{(slugify(title) or 'event')[:190]}-{day}"
    taken = set(Event.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken or slug in RESERVED_SLUGS:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EVENT_FIELDS - {"themes"}
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")


def _check_organisers(*, by, organisers: Iterable[Organisation], organised_by_hub: bool,
                      before: Event | None = None) -> list[Organisation]:
    """Organisers are organisations `by` administers, or the hub for facilitators and hub admins.

    Organisers an event already has may stay, so a hub admin can edit an event of any organisation.
    """
    organisers = list(organisers)
    kept = set(before.organisers.values_list("pk", flat=True)) if before is not None else set()
    allowed = {organisation.pk for organisation in organisations_administered_by(by)} | kept
    if any(organisation.pk not in allowed for organisation in organisers):
        raise ValidationError({"organisers": _("You can only add organisations you are an admin of.")})
    if organised_by_hub and not may_organise_for_hub(by) and not (before is not None and before.organised_by_hub):
        raise ValidationError({"organised_by_hub": _("Only the hub's facilitators can organise events for the hub.")})
    if not organisers and not organised_by_hub:
        raise ValidationError(_("Choose at least one organiser: an organisation or the hub."))
    return organisers


def _amounts(values: Iterable[Any]) -> list[str]:
    """Suggested amounts as strings of decimals ("150", "99.50"), so JSON keeps them exact."""
    amounts = []
    for value in values:
        try:
            amount = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            raise ValidationError({"suggested_amounts": _("“%(value)s” is not an amount.") % {"value": value}})
        if amount < 0:
            raise ValidationError({"suggested_amounts": _("Amounts cannot be negative.")})
        amounts.append(str(amount.quantize(Decimal("1")) if amount == amount.to_integral() else amount))
    return amounts


def _check_event(event: Event, *, ticket_rows: Sequence[dict]) -> None:
    """Rules that span fields; each error names the field it belongs to."""
    errors: dict[str, str] = {}
    if event.start and event.end and event.end < event.start:
        errors["end"] = _("The event cannot end before it starts.")
    if event.registration_opens and event.registration_closes and event.registration_closes < event.registration_opens:
        errors["registration_closes"] = _("Registration cannot close before it opens.")
    if event.registration_closes and event.end and event.registration_closes > event.end:
        errors["registration_closes"] = _("Registration must close by the end of the event.")
    # Rows change or add ticket types; those the rows leave out stay as they are.
    existing = set(event.ticket_types.values_list("pk", flat=True)) if event.pk else set()
    deleted = {row.get("id") for row in ticket_rows if row.get("delete")}
    added = [row for row in ticket_rows if not row.get("delete") and row.get("id") not in existing]
    if event.pricing == Event.Pricing.TICKETS and not (existing - deleted or added):
        errors["pricing"] = _("Add at least one ticket type, or choose another price.")
    if event.pricing == Event.Pricing.PAY_WHAT_YOU_CAN:
        if any(Decimal(amount) < event.minimum_amount for amount in event.suggested_amounts):
            errors["suggested_amounts"] = _("Suggested amounts cannot be below the minimum.")
    if event.pricing == Event.Pricing.FREE:
        event.suggested_amounts, event.minimum_amount = [], Decimal("0")
    if not event.venue_name and not event.online_url:
        errors["venue_name"] = _("Give a venue, an online link, or both.")
    if errors:
        raise ValidationError(errors)


def _sync(event: Event, model, rows: Sequence[dict], fields: Sequence[str]) -> None:
    """Make the event's ticket types or questions match `rows` ({"id": pk or None, field: value, "delete": bool})."""
    existing = {obj.pk: obj for obj in model.objects.filter(event=event)}
    for row in rows:
        obj = existing.get(row.get("id"))
        if row.get("delete"):
            if obj is not None:
                try:
                    obj.delete()
                except ProtectedError:
                    raise ValidationError(_("“%(name)s” cannot be removed: people have registered with it.")
                                          % {"name": obj})
            continue
        if obj is None:
            obj = model(event=event)
        for name in fields:
            if name in row:
                setattr(obj, name, row[name])
        try:
            obj.full_clean(exclude=["event"])
        except ValidationError as error:  # the rows' own fields are not the event's: report them whole
            raise ValidationError([f"{obj}: {message}" for message in error.messages])
        obj.save()


def _save(event: Event, fields: dict[str, Any], *, organisers: list[Organisation], organised_by_hub: bool,
          ticket_types: Sequence[dict], questions: Sequence[dict], cover_image, remove_cover: bool) -> None:
    themes = fields.pop("themes", None)
    if "suggested_amounts" in fields:
        fields["suggested_amounts"] = _amounts(fields["suggested_amounts"] or [])
    for name, value in fields.items():
        setattr(event, name, value)
    event.organised_by_hub = organised_by_hub
    _check_event(event, ticket_rows=ticket_types)
    event.full_clean(exclude=["cover_image", "slug"], validate_constraints=False)
    new_cover = image_normalised(cover_image, max_size=COVER_SIZE) if cover_image else None
    old_cover = event.cover_image.name if event.cover_image else ""
    event.save()
    event.organisers.set(organisers)
    transaction.on_commit(organiser_choices_forget)
    transaction.on_commit(partial(event_index, event.pk))  # drafts leave the index, published events enter it
    if themes is not None:
        event.themes.set(themes)
    _sync(event, TicketType, ticket_types, TICKET_FIELDS)
    _sync(event, RegistrationQuestion, questions, QUESTION_FIELDS)
    # Written last, after every check, so a refused change leaves no stray file.
    if new_cover is not None or remove_cover:
        if new_cover is not None:
            event.cover_image.save(new_cover.name, new_cover, save=False)
        else:
            event.cover_image = ""
        event.save(update_fields=["cover_image"])
    # Occurrences of a series share one cover file; it goes when the last event lets go of it.
    if old_cover and (new_cover is not None or remove_cover) and not Event.objects.filter(
            cover_image=old_cover).exclude(pk=event.pk).exists():
        storage = event.cover_image.storage
        transaction.on_commit(lambda: storage.delete(old_cover))


# Services ----------------------------------------------------------------------------------------

def event_create(*, by, organisers: Iterable[Organisation] = (), organised_by_hub: bool = False,
                 ticket_types: Sequence[dict] = (), questions: Sequence[dict] = (), cover_image=None,
                 status: str = Event.Status.DRAFT, series: EventSeries | None = None, **fields: Any) -> Event:
    """Add an event as a draft (or published); `by` must run it: an admin of each organiser, or hub staff."""
    if not by.has_perm("events.add_event"):
        raise PermissionDenied
    _check_fields(fields)
    organisers = _check_organisers(by=by, organisers=organisers, organised_by_hub=organised_by_hub)
    with transaction.atomic():
        event = Event(created_by=by, status=status, series=series)
        event.slug = _unique_slug(fields.get("title", ""), fields["start"], fields.get("time_zone") or event.time_zone)
        _save(event, dict(fields), organisers=organisers, organised_by_hub=organised_by_hub,
              ticket_types=ticket_types, questions=questions, cover_image=cover_image, remove_cover=False)
    return event


def event_update(*, event: Event, by, organisers: Iterable[Organisation] | None = None,
                 organised_by_hub: bool | None = None, ticket_types: Sequence[dict] = (),
                 questions: Sequence[dict] = (), cover_image=None, remove_cover: bool = False,
                 **fields: Any) -> Event:
    """Change an event; its organisers and hub admins may. The slug stays, so links and feeds keep working."""
    if not by.has_perm("events.change_event", event):
        raise PermissionDenied
    _check_fields(fields)
    if organised_by_hub is None:
        organised_by_hub = event.organised_by_hub
    organisers = _check_organisers(
        by=by, organisers=event.organisers.all() if organisers is None else organisers,
        organised_by_hub=organised_by_hub, before=event)
    with transaction.atomic():
        _save(event, dict(fields), organisers=organisers, organised_by_hub=organised_by_hub,
              ticket_types=ticket_types, questions=questions, cover_image=cover_image, remove_cover=remove_cover)
    return event


def event_publish(*, event: Event, by) -> Event:
    """Make a draft visible to everyone."""
    if not by.has_perm("events.change_event", event):
        raise PermissionDenied
    if event.status != Event.Status.DRAFT:
        raise ValidationError(_("Only a draft can be published."), code="not_draft")
    with transaction.atomic():
        event.status = Event.Status.PUBLISHED
        event.save(update_fields=["status", "updated_at"])
        transaction.on_commit(organiser_choices_forget)
        transaction.on_commit(partial(event_index, event.pk))
        # Invitations made while it was a draft were not sent: they go now.
        transaction.on_commit(partial(invitations_send_all, event.pk))
    return event


def _notify_cancelled(event_id: int) -> None:
    from .emails import notify_event_cancelled  # written with registration; imported late to keep the app loadable

    notify_event_cancelled(event_id)


def event_cancel(*, event: Event, by) -> Event:
    """Cancel the event; everyone registered is told by e-mail after the commit. The page stays, marked cancelled."""
    if not by.has_perm("events.cancel_event", event):
        raise PermissionDenied
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("The event is already cancelled."), code="already_cancelled")
    if event.status == Event.Status.DRAFT:  # cancelling would publish it, marked cancelled
        raise ValidationError(_("A draft is not public, so there is nothing to cancel. Leave it unpublished."),
                              code="draft")
    with transaction.atomic():
        event.status = Event.Status.CANCELLED
        event.save(update_fields=["status", "updated_at"])
        transaction.on_commit(partial(_notify_cancelled, event.pk))
        transaction.on_commit(partial(event_index, event.pk))
    return event


# Series ------------------------------------------------------------------------------------------

def series_dates(*, rule: str, start: datetime.datetime, end: datetime.datetime,
                 time_zone: str) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The (start, end) of each occurrence of an RRULE whose first occurrence is `start`–`end`.

    The rule runs on the local wall clock of `time_zone`, so a meeting at 18:00 stays at 18:00 after the
    change to or from summer time. At most MAX_OCCURRENCES; a rule that makes more is refused, not cut.
    """
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "\n" in text or "DTSTART" in text.upper() or "FREQ=" not in text.upper():
        raise ValidationError({"rule": _("Write one repeat rule with FREQ, for example FREQ=MONTHLY;BYDAY=1TU;"
                                         "COUNT=10.")}, code="bad_rule")
    zone = ZoneInfo(time_zone)
    local_start, local_end = timezone.localtime(start, zone), timezone.localtime(end, zone)
    naive_start = local_start.replace(tzinfo=None)
    duration = local_end.replace(tzinfo=None) - naive_start  # on the wall clock, also across a change of time
    try:
        try:  # UNTIL in local time (or none)
            dates = rrulestr(text, dtstart=naive_start)
        except ValueError as error:
            if "UNTIL" not in str(error):
                raise
            dates = rrulestr(text, dtstart=local_start)  # UNTIL given in UTC ("…Z")
        first = list(islice(iter(dates), MAX_OCCURRENCES + 1))
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValidationError({"rule": _("This repeat rule cannot be read: %(error)s") % {"error": error}},
                              code="bad_rule")
    if len(first) > MAX_OCCURRENCES:
        raise ValidationError({"rule": _("A series can have at most %(max)s occurrences. Add COUNT or UNTIL to the "
                                         "rule.") % {"max": MAX_OCCURRENCES}}, code="too_many")
    if not first:
        raise ValidationError({"rule": _("This repeat rule gives no dates.")}, code="no_dates")
    occurrences = []
    for when in first:
        wall = when.replace(tzinfo=None)
        occurrences.append((wall.replace(tzinfo=zone), (wall + duration).replace(tzinfo=zone)))
    return occurrences


def series_create(*, by, rule: str, title: str, start: datetime.datetime, end: datetime.datetime,
                  organisers: Iterable[Organisation] = (), organised_by_hub: bool = False,
                  ticket_types: Sequence[dict] = (), questions: Sequence[dict] = (), cover_image=None,
                  status: str = Event.Status.DRAFT, **fields: Any) -> EventSeries:
    """Make a series and one event per occurrence of `rule` (an iCalendar RRULE), each editable on its own.

    Registration opening and closing keep their distance to each occurrence's start.
    """
    if not by.has_perm("events.add_event"):
        raise PermissionDenied
    _check_fields(fields)
    time_zone = fields.get("time_zone") or Event._meta.get_field("time_zone").get_default()
    dates = series_dates(rule=rule, start=start, end=end, time_zone=time_zone)
    organisers = _check_organisers(by=by, organisers=organisers, organised_by_hub=organised_by_hub)
    opens, closes = fields.pop("registration_opens", None), fields.pop("registration_closes", None)
    cover = image_normalised(cover_image, max_size=COVER_SIZE) if cover_image else None
    stored = ""
    with transaction.atomic():
        series = EventSeries.objects.create(title=title, rule=rule.strip(), created_by=by)
        for occurrence_start, occurrence_end in dates:
            shift = occurrence_start - start
            event = event_create(
                by=by, title=title, start=occurrence_start, end=occurrence_end, organisers=organisers,
                organised_by_hub=organised_by_hub, status=status, series=series,
                ticket_types=[{**row, "id": None} for row in ticket_types],
                questions=[{**row, "id": None} for row in questions],
                registration_opens=opens + shift if opens else None,
                registration_closes=closes + shift if closes else None, **fields)
            if cover is not None:  # every occurrence shares the one stored file
                if not stored:
                    event.cover_image.save(cover.name, cover, save=False)
                    stored = event.cover_image.name
                event.cover_image = stored
                event.save(update_fields=["cover_image"])
    return series

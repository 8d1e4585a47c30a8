"""Writes for funding calls: add, change, hide or publish, delete, and keep `next_deadline` current.

Deadlines are entered on the wall clock of the call's own time zone (`FundingCall.time_zone`, e.g. "23:59 in
Oslo") and stored in UTC. A deadline given as a date alone means the end of that day (23:59) there.
`next_deadline` is the earliest deadline still ahead: the services set it, and `funding_next_deadlines_refresh`
(run by the funding tick) moves it on when one passes. A call whose deadlines have all passed, and that is not
rolling, is closed; a past deadline may still be recorded, for history.
"""

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from samskap.actors.models import Membership, Organisation
from samskap.core.fragments import KNOWLEDGE, generation_bump

from .models import FundingCall, FundingDeadline
from .permissions import is_curator
from .search import call_index, call_unindex
from .services import slug_from_title

# Path segments under /funding/ that are pages, not calls.
RESERVED_SLUGS = {"new", "closing-soon", "for-me", "deadlines"}
# A deadline given as a date alone is due at the end of that day, on the call's clock.
END_OF_DAY = datetime.time(23, 59)
CALL_FIELDS = {
    "title", "programme", "summary", "language", "amount_min", "amount_max", "currency", "is_rolling",
    "time_zone", "eligible_kinds", "eligibility", "co_financing", "url", "contact_name", "contact_email",
    "is_published",
}
MAX_DEADLINES = 20
# Deadlines outside these years are typing mistakes (and the first and last years overflow in other zones).
FIRST_YEAR, LAST_YEAR = 1900, 2999


# Helpers -----------------------------------------------------------------------------------------

def funder_choices_for(user) -> list[Organisation]:
    """The listed organisations `user` is an active member of (any role): the funders they may add calls for."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Organisation.objects.listed().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE,
    ).only("name", "slug", "kind").order_by("name"))


def _check_funder(*, by, funder: Organisation | None, before: FundingCall | None = None) -> Organisation:
    if funder is None:
        raise ValidationError({"funder": _("Choose the funder.")}, code="no_funder")
    if is_curator(by):
        return funder
    if before is not None and before.funder_id == funder.pk:
        return funder  # the editor may change the call (a member of its funder), so the funder may stay
    if funder.pk not in {organisation.pk for organisation in funder_choices_for(by)}:
        raise ValidationError({"funder": _("You can only add funding calls for an organisation you are a member "
                                           "of.")}, code="funder_not_mine")
    return funder


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - CALL_FIELDS
    if unknown:
        raise TypeError(f"unknown funding call fields: {sorted(unknown)}")


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError({"time_zone": _("“%(zone)s” is not a time zone.") % {"zone": name}}, code="bad_zone")


def deadline_aware(due: datetime.date | datetime.datetime, time_zone: str) -> datetime.datetime:
    """A deadline as an aware datetime: naive times and dates are read on the clock of `time_zone`."""
    if not isinstance(due, datetime.datetime):
        due = datetime.datetime.combine(due, END_OF_DAY)
    if timezone.is_naive(due):
        return timezone.make_aware(due, _zone(time_zone))
    return due


def _deadline_rows(deadlines: Iterable, time_zone: str) -> list[dict]:
    """Normalise (label, due) pairs or {"id", "label", "due"} dicts; the due times made aware, in UTC."""
    rows = []
    for item in deadlines:
        if isinstance(item, dict):
            row = {"id": item.get("id"), "label": item.get("label") or "", "due": item.get("due")}
        else:
            label, due = item
            row = {"id": None, "label": label or "", "due": due}
        if row["due"] is None:
            raise ValidationError({"deadlines": _("Every deadline needs a date.")}, code="no_due")
        try:
            row["due"] = deadline_aware(row["due"], time_zone).astimezone(datetime.UTC)
        except (OverflowError, ValueError):  # year 1 east of UTC, year 9999 west of it
            raise ValidationError({"deadlines": _("A deadline must be a date between the years %(first)s and "
                                                  "%(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}},
                                  code="out_of_range") from None
        if not FIRST_YEAR <= row["due"].year <= LAST_YEAR:
            raise ValidationError({"deadlines": _("A deadline must be a date between the years %(first)s and "
                                                  "%(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}},
                                  code="out_of_range")
        row["label"] = row["label"].strip()
        if len(row["label"]) > FundingDeadline._meta.get_field("label").max_length:
            raise ValidationError({"deadlines": _("What is due can be at most %(max)s characters.")
                                   % {"max": FundingDeadline._meta.get_field("label").max_length}}, code="label")
        rows.append(row)
    if len(rows) > MAX_DEADLINES:
        raise ValidationError({"deadlines": _("A funding call can have at most %(max)s deadlines.")
                               % {"max": MAX_DEADLINES}}, code="too_many")
    return sorted(rows, key=lambda row: row["due"])


def _check_call(call: FundingCall, *, deadline_rows: Sequence[dict]) -> None:
    """Rules that span fields; each error names the field it belongs to."""
    errors: dict[str, str] = {}
    for name in ("amount_min", "amount_max"):
        value = getattr(call, name)
        if value is not None and Decimal(value) < 0:
            errors[name] = _("An amount cannot be negative.")
    if (call.amount_min is not None and call.amount_max is not None and "amount_min" not in errors
            and Decimal(call.amount_min) > Decimal(call.amount_max)):
        errors["amount_max"] = _("The largest grant cannot be smaller than the smallest grant.")
    if not call.is_rolling and not deadline_rows:
        errors["deadlines"] = _("Give at least one deadline, or mark the call as rolling (apply any time).")
    if errors:
        raise ValidationError(errors)


def next_deadline_of(dues: Iterable[datetime.datetime], now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The earliest of `dues` at or after `now`; None when every one has passed."""
    now = now or timezone.now()
    ahead = [due for due in dues if due >= now]
    return min(ahead) if ahead else None


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    # As resources' slugs: "Fælles Rødder" -> "faelles-rodder", not "flles-rdder".
    base = slug_from_title(title, fallback="funding-call")[:300].strip("-") or "funding-call"
    taken = set(FundingCall.objects.filter(slug__startswith=base).exclude(pk=exclude_pk)
                .values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken or slug in RESERVED_SLUGS:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _sync_deadlines(call: FundingCall, rows: Sequence[dict]) -> None:
    """Make the call's deadlines exactly `rows`. Rows keep the deadline they name by id, or one due at the same
    moment, so a calendar that imported a deadline (its UID holds the id) updates it instead of adding a copy."""
    existing = {deadline.pk: deadline for deadline in call.deadlines.all()}
    kept: set[int] = set()
    unclaimed = dict(existing)
    for row in rows:
        deadline = unclaimed.pop(row["id"], None) if row["id"] else None
        if deadline is None:
            deadline = next((d for d in unclaimed.values() if d.due == row["due"]), None)
            if deadline is not None:
                unclaimed.pop(deadline.pk)
        if deadline is None:
            deadline = FundingDeadline(call=call)
        if deadline.pk is None or deadline.label != row["label"] or deadline.due != row["due"]:
            deadline.label, deadline.due = row["label"], row["due"]
            deadline.save()
        kept.add(deadline.pk)
    stale = [pk for pk in existing if pk not in kept]
    if stale:
        FundingDeadline.objects.filter(pk__in=stale).delete()


def _save(call: FundingCall, fields: dict[str, Any], *, funder: Organisation, deadline_rows: Sequence[dict] | None,
          themes, eligible_places) -> None:
    for name, value in fields.items():
        setattr(call, name, value)
    call.funder = funder
    rows = deadline_rows
    if rows is None:  # deadlines unchanged
        rows = [{"id": d.pk, "label": d.label, "due": d.due} for d in call.deadlines.all()] if call.pk else []
    _check_call(call, deadline_rows=rows)
    call.next_deadline = next_deadline_of(row["due"] for row in rows)
    call.full_clean(exclude=["slug"], validate_constraints=False)
    call.save()
    if deadline_rows is not None:
        _sync_deadlines(call, deadline_rows)
    if themes is not None:
        call.themes.set(themes)
    if eligible_places is not None:
        call.eligible_places.set(eligible_places)
    transaction.on_commit(partial(call_index, call_id=call.pk))  # hidden calls leave the index, published enter it


# Services ----------------------------------------------------------------------------------------

def funding_call_create(*, by, funder: Organisation, deadlines: Iterable = (), themes: Iterable | None = None,
                        eligible_places: Iterable | None = None, **fields: Any) -> FundingCall:
    """Add a funding call for `funder`, an organisation `by` is an active member of (curators: any).

    `deadlines` are (label, due) pairs; a naive `due` is read on the clock of the call's `time_zone`. A call is
    rolling or has at least one deadline.
    """
    if not by.has_perm("knowledge.add_fundingcall"):
        raise PermissionDenied
    _check_fields(fields)
    funder = _check_funder(by=by, funder=funder)
    time_zone = fields.get("time_zone") or FundingCall._meta.get_field("time_zone").get_default()
    rows = _deadline_rows(deadlines, time_zone)
    with transaction.atomic():
        call = FundingCall(created_by=by)
        call.slug = _unique_slug(fields.get("title", ""))
        _save(call, dict(fields), funder=funder, deadline_rows=rows, themes=themes, eligible_places=eligible_places)
    return call


def funding_call_update(*, call: FundingCall, by, funder: Organisation | None = None, deadlines: Iterable | None = None,
                        themes: Iterable | None = None, eligible_places: Iterable | None = None,
                        **fields: Any) -> FundingCall:
    """Change a call; members of its funder and curators may. `deadlines` (None: unchanged) is the whole new set.

    The slug stays, so links and calendars keep working.
    """
    if not by.has_perm("knowledge.change_fundingcall", call):
        raise PermissionDenied
    _check_fields(fields)
    funder = _check_funder(by=by, funder=call.funder if funder is None else funder, before=call)
    time_zone = fields.get("time_zone") or call.time_zone
    rows = None if deadlines is None else _deadline_rows(deadlines, time_zone)
    with transaction.atomic():
        _save(call, dict(fields), funder=funder, deadline_rows=rows, themes=themes, eligible_places=eligible_places)
    return call


def funding_call_set_published(*, call: FundingCall, by, is_published: bool) -> FundingCall:
    """Publish a call, or hide it: a hidden call is seen only by its funder's members and curators."""
    if not by.has_perm("knowledge.change_fundingcall", call):
        raise PermissionDenied
    with transaction.atomic():
        call.is_published = is_published
        call.save(update_fields=["is_published", "updated_at"])
        transaction.on_commit(partial(call_index, call_id=call.pk))
    return call


def funding_call_delete(*, call: FundingCall, by) -> None:
    """Delete a call and its deadlines."""
    if not by.has_perm("knowledge.delete_fundingcall", call):
        raise PermissionDenied
    call_id = call.pk
    with transaction.atomic():
        call.delete()
        transaction.on_commit(partial(call_unindex, call_id=call_id))


def funding_next_deadlines_refresh(now: datetime.datetime | None = None) -> int:
    """Move `next_deadline` on for every call whose next deadline has passed (to the following one, or None:
    closed unless rolling). Return how many calls changed. Run by the funding tick."""
    now = now or timezone.now()
    following = FundingDeadline.objects.filter(call_id=OuterRef("pk"), due__gte=now).order_by("due").values("due")[:1]
    with transaction.atomic():
        changed = FundingCall.objects.filter(next_deadline__lt=now).update(next_deadline=Subquery(following))
    if changed:
        transaction.on_commit(partial(generation_bump, KNOWLEDGE))  # update() sends no signal
    return changed

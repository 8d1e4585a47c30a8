"""iCalendar (RFC 5545) of funding deadlines: every open call's, or one call's ("add to calendar").

Each deadline keeps one UID for life (its id), so a calendar that imported it updates it when the deadline
moves instead of adding a copy. A deadline at the end of a day (23:59 on the call's clock, what a date alone
means) is an all-day event on that date; any other is a moment given on the call's clock (TZID) with the
zone's definition included.
"""

from collections.abc import Iterable
from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .services_funding import END_OF_DAY

PRODID = "-//Samskap//Funding deadlines//EN"


def deadline_uid(deadline) -> str:
    return f"funding-deadline-{deadline.pk}@samskap"


def _is_all_day(local) -> bool:
    return (local.hour, local.minute) == (END_OF_DAY.hour, END_OF_DAY.minute)


def _vevent(deadline, *, base_url: str) -> icalendar.Event:
    call = deadline.call
    local = timezone.localtime(deadline.due, ZoneInfo(call.time_zone))
    vevent = icalendar.Event()
    vevent.add("uid", deadline_uid(deadline))
    vevent.add("dtstamp", (call.updated_at or timezone.now()).astimezone(UTC))
    if _is_all_day(local):
        vevent.add("dtstart", local.date())
        vevent.add("dtend", local.date() + timedelta(days=1))
        vevent.add("transp", "TRANSPARENT")
    else:
        vevent.add("dtstart", local)  # a moment: no end (RFC 5545 3.6.1), shown where it falls
    if deadline.label:
        summary = _("Deadline: %(title)s (%(what)s)") % {"title": call.title, "what": deadline.label}
    else:
        summary = _("Deadline: %(title)s") % {"title": call.title}
    vevent.add("summary", summary)
    url = base_url + call.get_absolute_url()
    vevent.add("url", url)
    lines = [_("Funder: %(funder)s") % {"funder": call.funder.name}]
    if call.programme:
        lines.append(_("Programme: %(programme)s") % {"programme": call.programme})
    if _is_all_day(local):
        lines.append(_("Due by the end of the day (%(zone)s).") % {"zone": call.time_zone})
    if call.summary:
        lines.append(call.summary)
    if call.url:
        lines.append(_("Apply: %(url)s") % {"url": call.url})
    lines.append(url)
    vevent.add("description", "\n\n".join(lines))
    vevent.add("status", "CONFIRMED")
    vevent.add("categories", [_("Funding deadline")])
    return vevent


def deadlines_calendar(deadlines: Iterable, *, name: str, base_url: str) -> bytes:
    """A VCALENDAR of `deadlines` (each with its call and funder loaded), with the time zones the timed ones use."""
    base_url = base_url.rstrip("/")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    first = last = None
    for deadline in deadlines:
        calendar.add_component(_vevent(deadline, base_url=base_url))
        first = min(first, deadline.due) if first else deadline.due
        last = max(last, deadline.due) if last else deadline.due
    if first is not None:
        # Only the transitions around the deadlines, not fifty years of them.
        calendar.add_missing_timezones(first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 1, 12, 31))
    return calendar.to_ical()

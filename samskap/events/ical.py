"""iCalendar (RFC 5545) for events: one event as an e-mail attachment or download, many as a feed.

Each event keeps one UID for life, so a calendar that imported it updates it instead of adding a
copy; SEQUENCE grows with every change and STATUS:CANCELLED removes it from the reader's calendar.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

PRODID = "-//Samskap//Events//EN"


def site_url() -> str:
    """The address links in e-mails and calendars start with, when no request tells it.

    `SITE_URL` ("https://hub.example") when set; otherwise the first allowed host.
    """
    configured = getattr(settings, "SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    host = next((h for h in settings.ALLOWED_HOSTS if h not in ("*", "") and not h.startswith(".")), "localhost")
    return f"{'https' if getattr(settings, 'HTTPS', False) else 'http'}://{host}"


def event_uid(event) -> str:
    return f"event-{event.pk}@samskap"


def _location(event) -> str:
    parts = [event.venue_name, event.room, event.venue_address]
    return ", ".join(part for part in parts if part)


def _vevent(event, *, base_url: str, registration=None) -> icalendar.Event:
    zone = ZoneInfo(event.time_zone)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", (event.updated_at or timezone.now()).astimezone(ZoneInfo("UTC")))
    vevent.add("dtstart", event.start.astimezone(zone))
    vevent.add("dtend", event.end.astimezone(zone))
    vevent.add("summary", event.title)
    url = base_url + event.get_absolute_url()
    vevent.add("url", url)
    description = [event.summary or event.description, url]
    if registration is not None:
        description.append(_("Your registration: %(url)s") % {"url": base_url + registration.get_absolute_url()})
        if event.online_url and registration.status == registration.Status.CONFIRMED:
            description.append(_("Online: %(url)s") % {"url": event.online_url})
    vevent.add("description", "\n\n".join(part for part in description if part))
    location = _location(event)
    if location:
        vevent.add("location", location)
    if event.latitude is not None and event.longitude is not None:
        vevent.add("geo", (float(event.latitude), float(event.longitude)))
    if event.status == event.Status.CANCELLED:
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("status", "CONFIRMED")
    changed = (event.updated_at - event.created_at) if event.updated_at and event.created_at else timedelta()
    vevent.add("sequence", max(0, int(changed.total_seconds())))
    return vevent


def events_calendar(events: Iterable, *, name: str, registrations_by_event: Mapping | None = None,
                    base_url: str | None = None) -> bytes:
    """A VCALENDAR of `events`, with the time zones they use.

    `registrations_by_event` ({event id: Registration}) adds the reader's own registration link,
    and the online link where the registration is confirmed: for a personal feed only.
    """
    base_url = (base_url or site_url()).rstrip("/")
    registrations_by_event = registrations_by_event or {}
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    first = last = None
    for event in events:
        calendar.add_component(_vevent(event, base_url=base_url,
                                       registration=registrations_by_event.get(event.pk)))
        first = min(first, event.start) if first else event.start
        last = max(last, event.end) if last else event.end
    if first is not None:
        # Only the transitions around the events, not fifty years of them.
        calendar.add_missing_timezones(first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 1, 12, 31))
    return calendar.to_ical()


def event_ics(event, *, base_url: str | None = None, registration=None) -> bytes:
    """One event as an .ics file (the confirmation e-mail's attachment, "add to calendar")."""
    return events_calendar([event], name=event.title, base_url=base_url,
                           registrations_by_event={event.pk: registration} if registration else None)

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from samskap.events.ical import event_ics, events_calendar
from samskap.events.models import Event

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


def vevents(data: bytes) -> list:
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def test_an_event_becomes_a_calendar_entry_in_its_own_time_zone():
    start = datetime(2030, 6, 12, 9, 0, tzinfo=OSLO)
    event = EventFactory(title="Konferanse i Stavanger", time_zone="Europe/Oslo", start=start,
                         end=start + timedelta(days=1, hours=8), venue_name="Stavanger Forum", room="Sal A",
                         venue_address="Gunnar Warebergs gate 13", latitude=58.95, longitude=5.73)
    calendar = icalendar.Calendar.from_ical(event_ics(event, base_url="https://hub.example/"))
    assert str(calendar["version"]) == "2.0"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"event-{event.pk}@samskap"
    assert vevent["dtstart"].to_ical() == b"20300612T090000"
    assert vevent["dtstart"].params["TZID"] == "Europe/Oslo"
    assert vevent.decoded("dtend") == event.end
    assert str(vevent["summary"]) == "Konferanse i Stavanger"
    assert str(vevent["location"]) == "Stavanger Forum, Sal A, Gunnar Warebergs gate 13"
    assert str(vevent["url"]) == f"https://hub.example/events/{event.slug}/"
    assert str(vevent["status"]) == "CONFIRMED"


def test_a_cancelled_event_is_marked_cancelled_with_a_higher_sequence():
    event = EventFactory()
    [before] = vevents(event_ics(event, base_url="https://hub.example"))
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED,
                                             updated_at=event.updated_at + timedelta(hours=1))
    event.refresh_from_db()
    [after] = vevents(event_ics(event, base_url="https://hub.example"))
    assert str(after["status"]) == "CANCELLED"
    assert after["uid"] == before["uid"]
    assert int(after["sequence"]) > int(before["sequence"])


def test_the_online_link_is_only_in_a_confirmed_registrants_calendar():
    event = EventFactory(online_url="https://meet.example/room")
    [public] = vevents(event_ics(event, base_url="https://hub.example"))
    assert "meet.example" not in str(public["description"])
    confirmed = RegistrationFactory(event=event)
    [mine] = vevents(event_ics(event, base_url="https://hub.example", registration=confirmed))
    assert "https://meet.example/room" in str(mine["description"])
    assert confirmed.get_absolute_url() in str(mine["description"])
    waiting = RegistrationFactory(event=event, status="waiting")
    [theirs] = vevents(event_ics(event, base_url="https://hub.example", registration=waiting))
    assert "meet.example" not in str(theirs["description"])


def test_a_feed_holds_every_event_and_each_time_zone_once():
    events = [EventFactory(time_zone="Europe/Copenhagen"), EventFactory(time_zone="Europe/Copenhagen"),
              EventFactory(time_zone="Europe/Helsinki")]
    calendar = icalendar.Calendar.from_ical(events_calendar(events, name="All events", base_url="https://h.example"))
    assert str(calendar["x-wr-calname"]) == "All events"
    assert len(calendar.walk("VEVENT")) == 3
    assert sorted(str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")) == ["Europe/Copenhagen", "Europe/Helsinki"]


def test_an_empty_feed_is_still_a_valid_calendar():
    calendar = icalendar.Calendar.from_ical(events_calendar([], name="Nothing yet", base_url="https://h.example"))
    assert calendar.walk("VEVENT") == []

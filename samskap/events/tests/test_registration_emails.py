from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from samskap.events.emails import check_in_qr_png, notify_event_cancelled, registration_email
from samskap.events.models import Event, Registration
from samskap.events.services_registration import registration_create

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def spring_event(**fields) -> Event:
    start = datetime(2030, 3, 5, 18, 0, tzinfo=STOCKHOLM)
    return EventFactory(start=start, end=start + timedelta(hours=3), title="Nätverksträff i Umeå", **fields)


def test_the_confirmation_is_in_the_registrants_language_with_calendar_file_and_qr_code(
        member, run_tasks, django_capture_on_commit_callbacks):
    event = spring_event(online_url="https://meet.example/abc")
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(event=event, user=member, name="Mira", email=member.email,
                                           language="sv", answers={})
    run_tasks()
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.extra_headers["Content-Language"] == "sv"
    assert "5 mars 2030 18:00" in message.body  # Swedish date, in the event's time zone
    assert f"/events/registrations/{registration.token}/" in message.body
    assert "https://meet.example/abc" in message.body
    attachments = {name: (content, mimetype) for name, content, mimetype in message.attachments}
    ics, mimetype = attachments[f"{event.slug}.ics"]
    assert mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(ics)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"event-{event.pk}@samskap"
    assert vevent.decoded("dtstart") == event.start
    assert vevent["dtstart"].params["TZID"] == "Europe/Stockholm"
    assert str(vevent["summary"]) == "Nätverksträff i Umeå"
    png, mimetype = attachments["check-in.png"]
    assert mimetype == "image/png"
    assert png == check_in_qr_png(registration)
    assert png.startswith(b"\x89PNG")


def test_an_english_registrant_gets_english_dates(member, run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=spring_event(), user=member, name="Mira", email=member.email, language="en",
                            answers={})
    run_tasks()
    assert "March 5, 2030" in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == "en"


def test_a_guest_is_asked_to_confirm_the_address_without_calendar_or_online_link(
        run_tasks, django_capture_on_commit_callbacks):
    event = spring_event(online_url="https://meet.example/secret")
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(event=event, name="Gäst", email="guest@example.org", language="en",
                                           answers={})
    run_tasks()
    [message] = mail.outbox
    assert message.subject == "Confirm your registration for Nätverksträff i Umeå"
    assert f"/events/registrations/{registration.token}/confirm/" in message.body
    assert "meet.example" not in message.body
    assert message.attachments == []


def test_the_waiting_list_and_offer_emails_say_what_happens_next():
    event = spring_event()
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    assert "waiting list" in registration_email(waiting, "waiting").body
    offered = RegistrationFactory(event=event, status=Status.OFFERED,
                                  offer_expires_at=datetime(2030, 3, 1, 12, 0, tzinfo=STOCKHOLM))
    message = registration_email(offered, "offer")
    assert message.subject == "A place is free for you at Nätverksträff i Umeå"
    assert "March 1, 2030, noon" in message.body or "March 1, 2030, 12" in message.body
    assert f"/events/registrations/{offered.token}/offer/" in message.body


def test_an_email_that_no_longer_applies_is_not_sent():
    event = spring_event()
    assert registration_email(RegistrationFactory(event=event, status=Status.CONFIRMED), "offer") is None
    assert registration_email(RegistrationFactory(event=event, status=Status.CANCELLED), "reminder") is None


def test_cancelling_the_event_tells_everyone_registered_and_removes_it_from_their_calendars(run_tasks):
    event = spring_event()
    confirmed = RegistrationFactory(event=event, language="sv")
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    RegistrationFactory(event=event, status=Status.CANCELLED)
    RegistrationFactory(event=event, status=Status.UNCONFIRMED)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED, updated_at=timezone.now())
    assert notify_event_cancelled(event.pk) == 2
    run_tasks()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([confirmed.email, waiting.email])
    message = next(m for m in mail.outbox if m.to == [confirmed.email])
    assert message.extra_headers["Content-Language"] == "sv"
    [vevent] = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert str(vevent["status"]) == "CANCELLED"


def test_the_feedback_request_links_to_the_feedback_page():
    registration = RegistrationFactory(event=spring_event())
    message = registration_email(registration, "feedback")
    assert message.subject == "How was Nätverksträff i Umeå?"
    assert f"/events/registrations/{registration.token}/feedback/" in message.body

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samskap.events import tasks
from samskap.events.models import Event, Registration
from samskap.events.services_registration import registration_cancel, registration_create

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


def make_due(**filters) -> int:
    """Move waiting tasks to now, as if their time had come."""
    due = timezone.now() - timedelta(seconds=1)
    return DBTaskResult.objects.filter(status="READY", **filters).update(run_after=due)


def run_until_done(run_tasks, capture) -> None:
    """Run due tasks, and the tasks their commits enqueue (tests run inside a transaction that never commits)."""
    for _round in range(5):
        with capture(execute=True) as callbacks:
            run_tasks()
        if not callbacks:
            return


def emails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


# The waiting list -----------------------------------------------------------------------------------------------

def test_an_unanswered_offer_passes_on_to_the_next_person_when_it_expires(
        run_tasks, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, offer_hours=48)
    holder = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status=Status.WAITING)
    second = RegistrationFactory(event=event, status=Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=holder)
    run_tasks()
    assert [m.subject for m in emails_to(first.email)] == [f"A place is free for you at {event.title}"]
    expiry = DBTaskResult.objects.get(task_path="samskap.events.tasks.offer_expire", status="READY")
    assert expiry.run_after > timezone.now() + timedelta(hours=47)

    # Nothing happens before the offer expires ...
    run_tasks()
    first.refresh_from_db()
    assert first.status == Status.OFFERED

    # ... and when it has, the place moves on.
    Registration.objects.filter(pk=first.pk).update(offer_expires_at=timezone.now() - timedelta(seconds=1))
    make_due(task_path="samskap.events.tasks.offer_expire")
    mail.outbox.clear()
    run_until_done(run_tasks, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.CANCELLED
    assert second.status == Status.OFFERED
    assert [m.subject for m in emails_to(first.email)] == [f"The offer of a place at {event.title} has expired"]
    assert [m.subject for m in emails_to(second.email)] == [f"A place is free for you at {event.title}"]


def test_an_offer_answered_in_time_is_left_alone_by_the_expiry_task():
    registration = RegistrationFactory(status=Status.OFFERED, offer_expires_at=timezone.now() + timedelta(hours=1))
    assert tasks.offer_expire.call(registration_id=registration.pk) is False
    registration.refresh_from_db()
    assert registration.status == Status.OFFERED


def test_the_sweep_expires_overdue_offers_and_fills_free_places_once(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    RegistrationFactory(event=event)
    overdue = RegistrationFactory(event=event, status=Status.OFFERED,
                                  offer_expires_at=timezone.now() - timedelta(minutes=5))
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("events_tick", verbosity=0)
    overdue.refresh_from_db()
    waiting.refresh_from_db()
    assert overdue.status == Status.CANCELLED
    assert waiting.status == Status.OFFERED
    enqueued = DBTaskResult.objects.values_list("task_path", "args_kwargs__kwargs__kind")
    assert sorted(enqueued, key=str) == sorted([
        ("samskap.events.tasks.send_registration_email", "offer_expired"),
        ("samskap.events.tasks.send_registration_email", "offer"),
        ("samskap.events.tasks.offer_expire", None),
    ], key=str)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("events_tick", verbosity=0)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert DBTaskResult.objects.count() == 3


def test_the_sweep_offers_places_the_organiser_added():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    Event.objects.filter(pk=event.pk).update(capacity=2)
    assert tasks.events_tick.call()["offers_made"] == 1
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


# Reminders and feedback -----------------------------------------------------------------------------------------

def test_a_reminder_goes_out_once_within_the_reminder_time_before_the_start(run_tasks):
    soon = EventFactory(reminder_hours=24, start=timezone.now() + timedelta(hours=10),
                        end=timezone.now() + timedelta(hours=12))
    later = EventFactory(reminder_hours=24, start=timezone.now() + timedelta(days=3),
                         end=timezone.now() + timedelta(days=3, hours=2))
    long_ago = timezone.now() - timedelta(days=5)
    participant = RegistrationFactory(event=soon, confirmed_at=long_ago, language="sv")
    RegistrationFactory(event=soon, status=Status.WAITING)
    RegistrationFactory(event=later, confirmed_at=long_ago)
    just_registered = RegistrationFactory(event=soon, confirmed_at=timezone.now() - timedelta(hours=1))

    call_command("events_tick", verbosity=0)
    run_tasks()
    [message] = mail.outbox
    assert message.to == [participant.email]
    assert message.subject == f"Påminnelse: {soon.title}"  # in the participant's language
    assert message.extra_headers["Content-Language"] == "sv"
    assert {name for name, _content, _type in message.attachments} == {f"{soon.slug}.ics", "check-in.png"}
    just_registered.refresh_from_db()
    assert just_registered.reminder_sent_at is None

    call_command("events_tick", verbosity=0)
    run_tasks()
    assert len(mail.outbox) == 1


def test_no_reminder_for_a_cancelled_event(run_tasks):
    event = EventFactory(status=Event.Status.CANCELLED, start=timezone.now() + timedelta(hours=2),
                         end=timezone.now() + timedelta(hours=3))
    RegistrationFactory(event=event, confirmed_at=timezone.now() - timedelta(days=3))
    assert tasks.events_tick.call()["reminders"] == 0


def test_a_feedback_request_goes_to_those_who_checked_in_once_the_event_is_over(run_tasks):
    event = EventFactory(start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1))
    came = RegistrationFactory(event=event, checked_in_at=timezone.now() - timedelta(hours=2))
    RegistrationFactory(event=event)  # did not come
    running = EventFactory(start=timezone.now() - timedelta(hours=1), end=timezone.now() + timedelta(hours=1))
    RegistrationFactory(event=running, checked_in_at=timezone.now())
    call_command("events_tick", verbosity=0)
    run_tasks()
    assert [(m.to, m.subject) for m in mail.outbox] == [([came.email], f"How was {event.title}?")]
    call_command("events_tick", verbosity=0)
    run_tasks()
    assert len(mail.outbox) == 1


# The mail server is down ----------------------------------------------------------------------------------------

def test_when_the_mail_server_is_down_the_registration_is_saved_and_the_email_retried(
        settings, member, run_tasks, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "samskap.events.tests.test_tasks.MailServerDown"
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(event=EventFactory(), user=member, name="Mira", email=member.email,
                                           language="en", answers={})
    run_tasks()
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED
    assert mail.outbox == []
    retry = DBTaskResult.objects.get(status="READY", task_path="samskap.events.tasks.send_registration_email")
    assert retry.args_kwargs["kwargs"] == {"registration_id": registration.pk, "kind": "confirmed", "attempt": 2}
    assert retry.run_after > timezone.now() + timedelta(minutes=4)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_due()
    run_tasks()
    assert [m.subject for m in mail.outbox] == [f"You are registered for {registration.event.title}"]


def test_the_email_task_gives_up_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = "samskap.events.tests.test_tasks.MailServerDown"
    registration = RegistrationFactory()
    with pytest.raises(ConnectionRefusedError):
        tasks.send_registration_email.call(registration_id=registration.pk, kind="confirmed",
                                           attempt=tasks.MAX_ATTEMPTS)
    assert not DBTaskResult.objects.filter(status="READY").exists()

"""Volume events and registrations: as many as asked, the same titles for the same seed, capacity kept."""

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q

from samskap.accounts.tests.factories import UserFactory
from samskap.core.models import SearchEntry
from samskap.events.models import Event, ProgrammeSession, Registration, TicketType

pytestmark = pytest.mark.django_db


def titles_after(**options) -> list[str]:
    before = Event.objects.count()
    call_command("seed_scale", verbosity=0, **options)
    return list(Event.objects.order_by("id").values_list("title", flat=True)[before:])


def test_seed_scale_creates_as_many_events_and_registrations_as_asked(capsys):
    call_command("seed_scale", organisations=30, events=80, registrations=600, batch_size=25)

    assert Event.objects.count() == 80
    assert Registration.objects.count() == 600
    output = capsys.readouterr().out
    assert "events: 80/80" in output and "Done: 30 organisations, 80 events, 600 registrations" in output


def test_the_same_seed_gives_the_same_titles_and_another_seed_others():
    first = titles_after(events=40, seed=3)
    second = titles_after(events=40, seed=3)
    third = titles_after(events=40, seed=4)

    assert first == second and first != third
    assert Event.objects.values("slug").distinct().count() == 120


def test_volume_events_are_in_swedish_norwegian_and_danish_with_their_time_zones_and_currencies():
    call_command("seed_scale", events=150, verbosity=0)

    events = list(Event.objects.all())
    assert {event.language for event in events} == {"sv", "nb", "da"}
    zones = {"sv": ("Europe/Stockholm", "SEK"), "nb": ("Europe/Oslo", "NOK"), "da": ("Europe/Copenhagen", "DKK")}
    assert all((event.time_zone, event.currency) == zones[event.language] for event in events)
    assert all(event.end >= event.start for event in events)
    assert {event.status for event in events} <= {"draft", "published", "cancelled"}
    assert Event.objects.filter(end__lt=F("start")).count() == 0
    assert TicketType.objects.exists() and ProgrammeSession.objects.exists()
    # Searchable, drafts excepted.
    assert SearchEntry.objects.filter(kind="event").count() == Event.objects.published().count()


def test_registrations_never_exceed_an_events_places_and_are_unique_per_e_mail():
    demo_login = UserFactory(email="member@samskap.test")
    call_command("seed_scale", people=50, events=20, registrations=1500, verbosity=0)

    holding = Event.objects.exclude(capacity=None).annotate(
        taken=Count("registrations", filter=Q(registrations__status__in=Registration.HOLDING_A_PLACE)))
    assert all(event.taken <= event.capacity for event in holding)
    assert Registration.objects.filter(status="waiting").exists()
    live = Registration.objects.exclude(status="cancelled")
    assert live.values("event", "email").distinct().count() == live.count()
    assert not Registration.objects.filter(event__status="draft").exists()
    assert Registration.objects.exclude(user=None).exists()
    assert not Registration.objects.filter(user=demo_login).exists()
    # Volume people get no e-mail from the reminders and feedback requests.
    assert not Registration.objects.filter(status="confirmed", reminder_sent_at=None).exists()
    assert not Registration.objects.exclude(checked_in_at=None).filter(feedback_requested_at=None).exists()
    with_tickets = Registration.objects.exclude(ticket_type=None)
    assert with_tickets.exists() and not with_tickets.exclude(ticket_type__event=F("event")).exists()
    assert not with_tickets.exclude(amount=F("ticket_type__price")).exists()


def test_registrations_without_events_create_nothing(capsys):
    call_command("seed_scale", registrations=10)

    assert Registration.objects.count() == 0
    assert "no published events" in capsys.readouterr().out

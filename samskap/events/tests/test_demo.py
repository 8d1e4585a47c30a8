"""The demo's events: the seeds' meetings with their programmes, and events ahead whenever the demo loads."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from samskap.core.models import SearchEntry
from samskap.core.selectors import search
from samskap.events import demo
from samskap.events.models import Event, EventFile, ProgrammeSession, Registration, Speaker, Stand

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count()
            for model in (Event, ProgrammeSession, Speaker, Registration, Stand, EventFile)}


@pytest.fixture
def loaded():
    call_command("load_demo", verbosity=0)


def test_loading_the_demo_twice_changes_nothing_the_second_time(capsys):
    call_command("load_demo")
    first = counts()
    output = capsys.readouterr().out
    assert "events:" in output and "registrations" in output
    call_command("load_demo")

    assert counts() == first
    assert "Demo data already present; nothing changed." in capsys.readouterr().out
    assert first["Event"] >= 10


def test_seds_afternoon_in_aarhus_has_36_participants_a_public_list_seven_talks_with_slides_and_stands(loaded):
    event = Event.objects.get(slug="innovation-pa-det-sociale-omrade-region-midt-2014")

    local = event.start.astimezone(ZoneInfo("Europe/Copenhagen"))
    assert (local.date(), local.time()) == (datetime.date(2014, 2, 20), datetime.time(13, 0))
    assert event.venue_address == "Kongsvang Allé 29, 8000 Aarhus C"
    assert {o.slug for o in event.organisers.all()} == {"sociale-entreprenorer-i-danmark", "teknologisk-institut"}
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED)
    assert confirmed.count() == 36 and not confirmed.filter(checked_in_at=None).exists()
    assert event.participant_list_public and 10 < confirmed.filter(on_participant_list=True).count() < 36
    slides = EventFile.objects.filter(event=event, kind=EventFile.Kind.SLIDES).select_related("session")
    assert slides.count() == 7 and len({file.session_id for file in slides}) == 7
    for file in slides:
        assert file.content_type == "application/pdf" and file.file.read(5) == b"%PDF-" and file.size > 500
        assert file.session.speakers.exists()
    assert {stand.organisation.slug for stand in event.stands.all()} == {"sager-der-samler", "growing-trees-network"}


def test_the_globen_meeting_has_its_world_cafe_and_the_norwegian_days_are_one_series(loaded):
    globen = Event.objects.get(slug="socialt-kreaprenorskap-globen-2009")
    assert globen.sessions.filter(title__startswith="World Café").exists()
    assert "World Café" in globen.outcome_summary
    stavanger = Event.objects.get(slug="fremtidens-velferd-stavanger-2023")
    oslo = Event.objects.get(slug="fremtidens-velferd-oslo-2023")

    assert stavanger.series_id == oslo.series_id is not None
    zone = ZoneInfo("Europe/Oslo")
    assert stavanger.start.astimezone(zone).strftime("%d.%m. %H:%M") == "19.10. 09:00"
    assert oslo.end.astimezone(zone).strftime("%d.%m. %H:%M") == "20.10. 16:00"
    assert stavanger.questions.filter(required=True).exists()


def test_the_demo_has_a_paid_thinkshop_and_a_pay_what_you_can_evening_with_payments(loaded):
    thinkshop = Event.objects.get(slug="innovatarium-thinkshop-samskabelse")
    assert thinkshop.pricing == Event.Pricing.TICKETS and thinkshop.currency == "DKK"
    assert thinkshop.ticket_types.count() == 3
    paying = thinkshop.registrations.exclude(ticket_type=None)
    assert paying.exists() and all(r.amount == r.ticket_type.price for r in paying)
    student = thinkshop.ticket_types.get(name="Studerende")
    assert student.registrations.count() <= student.capacity

    evening = Event.objects.get(slug="future-battles-aarhus")
    assert evening.pricing == Event.Pricing.PAY_WHAT_YOU_CAN and evening.suggested_amounts == [50, 100, 200]
    assert set(evening.registrations.values_list("amount", flat=True)) <= {50, 100, 200}


def test_the_demo_always_has_events_ahead_and_a_full_one_with_a_waiting_list(loaded):
    upcoming = Event.objects.filter(start__gt=timezone.now(), status=Event.Status.PUBLISHED)
    assert upcoming.count() >= 6
    full = Event.objects.get(slug="natverkstraff-asf-skane")
    assert full.registrations.filter(status="confirmed").count() == full.capacity
    assert full.registrations.filter(status="waiting").count() == 3


def test_the_monthly_meeting_is_on_the_first_tuesdays_ahead_and_later_loads_add_the_next_ones():
    today = datetime.date(2030, 1, 10)
    demo.demo_load(today=today)
    meetings = Event.objects.filter(slug__startswith="kreaprenor-natverkstraff-2").order_by("start")
    days = [meeting.start.astimezone(ZoneInfo("Europe/Stockholm")).date() for meeting in meetings]
    assert days == [datetime.date(2030, 2, 5), datetime.date(2030, 3, 5), datetime.date(2030, 4, 2)]
    assert len({meeting.series_id for meeting in meetings}) == 1

    again = demo.demo_load(today=datetime.date(2030, 2, 20))

    assert again.events == 1
    assert Event.objects.filter(slug="kreaprenor-natverkstraff-2030-05").exists()


def test_the_demo_member_has_registrations_and_the_speakers_who_are_demo_members_are_linked(loaded):
    member = Registration.objects.filter(email="member@samskap.test", user__isnull=False)
    assert member.count() >= 2
    assert Speaker.objects.filter(slug="magnus-haugen", user__email="mentor@samskap.test").exists()


def test_the_demo_events_and_their_sessions_are_searchable(loaded):
    assert SearchEntry.objects.filter(kind="event").count() == Event.objects.count()
    assert [r.title for r in search(query="Globen", kinds=["event"], limit=5)[0]] == [
        "Socialt kreaprenörskap – nätverksträff på Globen"]
    assert search(query="jobcentre", kinds=["session"], limit=5)[1] >= 1

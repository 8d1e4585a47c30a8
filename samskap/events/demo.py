"""Load the demo's events of `demo_data` (called by `manage.py load_demo`).

Idempotent: an event is found by slug and left as it is when it exists; a new one comes with its
ticket types, questions, speakers, programme (with small PDF slides), stands and fictional
registrations. Kreaprenör's monthly meeting gets its next occurrences each time, so the demo always
has events ahead. Organisations, places, themes and demo log-ins that are missing are skipped.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from samskap.actors.models import Organisation
from samskap.core.models import Place, Theme

from . import demo_data
from .demo_data import DemoEvent
from .models import (
    Event,
    EventFile,
    EventSeries,
    ProgrammeSession,
    Registration,
    RegistrationQuestion,
    Speaker,
    Stand,
    TicketType,
)
from .search import event_index


@dataclass
class DemoLoaded:
    events: int = 0
    sessions: int = 0
    registrations: int = 0
    stands: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.events or self.sessions or self.registrations or self.stands)


@dataclass
class _Lookups:
    places: dict[str, Place]
    organisations: dict[str, Organisation]
    themes: dict[str, Theme]
    users: dict[str, object]


def _lookups() -> _Lookups:
    slugs = {slug for data in [*demo_data.EVENTS, demo_data.MONTHLY_MEETING]
             for slug in (*data.organisers, *(slug for slug, _pitch in data.stands))}
    emails = {email for data in demo_data.EVENTS for email in data.demo_registrations}
    emails |= {speaker.user_email for data in demo_data.EVENTS for speaker in data.speakers if speaker.user_email}
    return _Lookups(
        places={place.slug: place for place in Place.objects.all()},
        organisations={o.slug: o for o in Organisation.objects.listed().filter(slug__in=slugs)},
        themes={theme.slug: theme for theme in Theme.objects.all()},
        users={user.email: user for user in get_user_model().objects.filter(email__in=emails)},
    )


@transaction.atomic
def demo_load(*, today: datetime.date | None = None) -> DemoLoaded:
    """Create the demo events that are not there yet, and the monthly meeting's next occurrences."""
    today = today or timezone.localdate()
    loaded = DemoLoaded()
    lookups = _lookups()
    existing = set(Event.objects.filter(slug__in=[data.slug for data in demo_data.EVENTS])
                   .values_list("slug", flat=True))
    for data in demo_data.EVENTS:
        if data.slug not in existing:
            _event_create(data, lookups=lookups, loaded=loaded, day=_day(data.day, today))
    series, _created = EventSeries.objects.get_or_create(
        title=demo_data.MONTHLY_MEETING.title, defaults={"rule": demo_data.MONTHLY_RULE})
    start = datetime.datetime.combine(today, datetime.time())
    rule = rrulestr(demo_data.MONTHLY_RULE, dtstart=start)
    for occurrence in rule.xafter(start, count=demo_data.MONTHLY_AHEAD, inc=True):
        slug = f"{demo_data.MONTHLY_MEETING.slug}-{occurrence:%Y-%m}"
        if not Event.objects.filter(slug=slug).exists():
            _event_create(demo_data.MONTHLY_MEETING._replace(slug=slug), lookups=lookups, loaded=loaded,
                          day=occurrence.date(), series=series)
    return loaded


def _day(day: str | int, today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=day) if isinstance(day, int) else datetime.date.fromisoformat(day)


def _at(day: datetime.date, clock: str, zone: str) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.fromisoformat(clock), ZoneInfo(zone))


def _event_create(data: DemoEvent, *, lookups: _Lookups, loaded: DemoLoaded, day: datetime.date,
                  series: EventSeries | None = None) -> Event:
    if series is None and data.series:
        title, rule = demo_data.SERIES[data.series]
        series, _created = EventSeries.objects.get_or_create(title=title, defaults={"rule": rule})
    event = Event.objects.create(
        slug=data.slug, title=data.title, kind=data.kind, language=data.language, summary=data.summary,
        description=data.description, organised_by_hub=data.organised_by_hub, series=series,
        place=lookups.places.get(data.place), venue_name=data.venue_name, venue_address=data.venue_address,
        room=data.room, latitude=Decimal(data.latitude) if data.latitude else None,
        longitude=Decimal(data.longitude) if data.longitude else None, accessibility=data.accessibility,
        online_url=data.online_url, time_zone=data.time_zone, start=_at(day, data.start, data.time_zone),
        end=_at(day + datetime.timedelta(days=data.days - 1), data.end, data.time_zone),
        status=Event.Status.PUBLISHED, capacity=data.capacity, waiting_list=data.waiting_list,
        audience=data.audience, pricing=data.pricing, currency=data.currency,
        suggested_amounts=list(data.suggested_amounts), minimum_amount=Decimal(data.minimum_amount),
        participant_list_public=data.participant_list_public, outcome_summary=data.outcome_summary,
    )
    event.organisers.set([lookups.organisations[slug] for slug in data.organisers if slug in lookups.organisations])
    event.themes.set([lookups.themes[slug] for slug in data.themes if slug in lookups.themes])
    tickets = [TicketType.objects.create(event=event, name=name, price=Decimal(price), capacity=places,
                                         position=position)
               for position, (name, price, places) in enumerate(data.ticket_types)]
    questions = [RegistrationQuestion.objects.create(event=event, kind=kind, label=label, choices=list(choices),
                                                     required=required, position=position)
                 for position, (kind, label, choices, required) in enumerate(data.questions)]
    _programme_create(event, data, lookups=lookups, loaded=loaded)
    for slug, pitch in data.stands:
        if slug in lookups.organisations:
            Stand.objects.create(event=event, organisation=lookups.organisations[slug], pitch=pitch)
            loaded.stands += 1
    _registrations_create(event, data, tickets=tickets, questions=questions, lookups=lookups, loaded=loaded)
    loaded.events += 1
    event_index(event.pk)
    return event


def _programme_create(event: Event, data: DemoEvent, *, lookups: _Lookups, loaded: DemoLoaded) -> None:
    speakers = {speaker.slug: Speaker.objects.create(
        event=event, slug=speaker.slug, name=speaker.name, organisation_name=speaker.organisation_name,
        bio=speaker.bio, user=lookups.users.get(speaker.user_email)) for speaker in data.speakers}
    first_day = event.start.astimezone(ZoneInfo(event.time_zone)).date()
    for item in data.sessions:
        day = first_day + datetime.timedelta(days=item.day)
        session = ProgrammeSession.objects.create(
            event=event, title=item.title, description=item.description, room=item.room,
            start=_at(day, item.start, event.time_zone), end=_at(day, item.end, event.time_zone))
        session_speakers = [speakers[slug] for slug in item.speakers if slug in speakers]
        session.speakers.set(session_speakers)
        if item.slides:
            content = slides_pdf(title=item.slides, speaker=", ".join(s.name for s in session_speakers),
                                 event=event.title, day=day)
            EventFile.objects.create(
                event=event, session=session, kind=EventFile.Kind.SLIDES, title=item.slides,
                file=ContentFile(content, name=f"{slugify(item.slides)[:60] or 'slides'}.pdf"),
                content_type="application/pdf", size=len(content))
        loaded.sessions += 1


def _registrations_create(event: Event, data: DemoEvent, *, tickets: list[TicketType],
                          questions: list[RegistrationQuestion], lookups: _Lookups, loaded: DemoLoaded) -> None:
    firsts, lasts = demo_data.PARTICIPANT_NAMES.get(data.language, demo_data.PARTICIPANT_NAMES["sv"])
    organisations = demo_data.PARTICIPANT_ORGANISATIONS.get(data.language, [""])
    past = event.end < timezone.now()
    taken = {ticket.pk: 0 for ticket in tickets}
    registrations = []

    def pay(index: int) -> dict:
        ticket = None
        turn = index % len(tickets) if tickets else 0
        for candidate in tickets[turn:] + tickets[:turn]:  # each ticket type in turn, while it has places
            if candidate.capacity is None or taken[candidate.pk] < candidate.capacity:
                ticket = candidate
                taken[candidate.pk] += 1
                break
        amount = ticket.price if ticket else Decimal(0)
        if data.suggested_amounts:
            amount = Decimal(data.suggested_amounts[index % len(data.suggested_amounts)])
        if not amount:
            return {"ticket_type": ticket}
        return {"ticket_type": ticket, "amount": amount, "payment_method": "invoice" if ticket else "at_venue",
                "payment_status": "paid" if past or index % 3 == 0 else "unpaid"}

    def answers(index: int, organisation: str) -> dict:
        given = {}
        for question in questions:
            if question.kind == RegistrationQuestion.Kind.TEXT and question.required:
                given[str(question.pk)] = organisation or "–"
            elif question.kind == RegistrationQuestion.Kind.SINGLE:
                given[str(question.pk)] = question.choices[index % len(question.choices)]
            elif question.kind == RegistrationQuestion.Kind.YES_NO:
                given[str(question.pk)] = index % 2 == 0
        return given

    for index in range(data.participants + data.waiting):
        name = f"{firsts[index % len(firsts)]} {lasts[(index * 7 + index // len(firsts)) % len(lasts)]}"
        organisation = organisations[index % len(organisations)]
        confirmed = index < data.participants
        registrations.append(Registration(
            event=event, name=name, email=f"{slugify(name)}.{index + 1}@{event.slug[:40]}.samskap.test",
            organisation_name=organisation, language=data.language,
            status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITING,
            currency=event.currency, confirmed_at=event.start - datetime.timedelta(days=7 + index % 20),
            on_participant_list=confirmed and index % 10 < 7, answers=answers(index, organisation),
            checked_in_at=event.start + datetime.timedelta(minutes=index % 25) if past and confirmed else None,
            **(pay(index) if confirmed else {}),
        ))
    for email in data.demo_registrations:
        user = lookups.users.get(email)
        if user is not None:
            index = len(registrations)
            registrations.append(Registration(
                event=event, user=user, name=user.name or user.email, email=user.email,
                language=getattr(user, "preferred_language", "") or data.language, status=Registration.Status.CONFIRMED,
                currency=event.currency, confirmed_at=timezone.now(), answers=answers(index, ""), **pay(index)))
    Registration.objects.bulk_create(registrations)
    loaded.registrations += len(registrations)


def slides_pdf(*, title: str, speaker: str, event: str, day: datetime.date) -> bytes:
    """A one-page PDF standing in for a talk's slides: its title, speaker and event."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from .pdf import fonts

    regular, bold = fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setTitle(title)
    canvas.setAuthor(speaker)
    canvas.setFont(bold, 28)
    canvas.drawCentredString(width / 2, height / 2 + 30, title)
    canvas.setFont(regular, 16)
    canvas.drawCentredString(width / 2, height / 2 - 10, speaker)
    canvas.drawCentredString(width / 2, height / 2 - 40, f"{event} · {day.isoformat()}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

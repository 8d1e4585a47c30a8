"""Volume events and registrations for load tests: `manage.py seed_scale --events 5000 --registrations 100000`.

Two steps registered with the directory's `@scale_step` (seed_scale discovers every app's scale.py).
Titles, summaries, venues, ticket names and programmes are composed in Swedish, Norwegian and Danish
after the place's country; the same seed gives the same titles. Dates are spread from two years back
to a year ahead of today, so lists have a past and a future. Registrations never exceed an event's
places: once it is full, the rest go on the waiting list (or stay cancelled when there is none).
"""

from __future__ import annotations

import datetime
import random
import time
from decimal import Decimal
from itertools import accumulate
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from samskap.actors.models import Organisation
from samskap.actors.scale import LANGUAGE_OF_COUNTRY, WORDS, ScaleRun, scale_places, scale_step
from samskap.core.models import Theme

from .models import Event, EventKind, ProgrammeSession, Registration, Speaker, TicketType

TIME_ZONE_OF_COUNTRY = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen"}
CURRENCY_OF_COUNTRY = {"SE": "SEK", "NO": "NOK", "DK": "DKK"}
PRICE_STEPS = {"SEK": [100, 150, 250, 400, 600], "NOK": [100, 200, 300, 500, 750], "DKK": [75, 100, 200, 350, 500]}

# kind: (weight, first local hour choices, hours long (min, max), days long (min, max))
KIND_PLAN = {
    EventKind.NETWORK_MEETING: (30, (8, 17, 18), (2, 3), (1, 1)),
    EventKind.WORKSHOP: (22, (9, 13), (3, 4), (1, 1)),
    EventKind.THINKSHOP: (8, (13, 15), (2, 3), (1, 1)),
    EventKind.CONFERENCE: (8, (9,), (6, 8), (1, 2)),
    EventKind.COURSE_DAY: (10, (9,), (6, 7), (1, 1)),
    EventKind.OPEN_HOUSE: (8, (14, 16), (3, 4), (1, 1)),
    EventKind.FAIR: (4, (10,), (6, 7), (1, 2)),
    EventKind.WEBINAR: (10, (12, 15), (1, 1), (1, 1)),
}
HAS_PROGRAMME = {EventKind.CONFERENCE, EventKind.COURSE_DAY, EventKind.THINKSHOP, EventKind.FAIR}

EVENT_WORDS: dict[str, dict[str, list[str]]] = {
    "sv": {
        EventKind.NETWORK_MEETING: ["Nätverksträff: {topic}", "Frukostträff om {topic}", "Nätverksträff i {place}"],
        EventKind.WORKSHOP: ["Workshop: {topic}", "Idéverkstad om {topic}", "World Café om {topic}"],
        EventKind.THINKSHOP: ["Thinkshop om {topic}", "Tankesmedja: {topic}"],
        EventKind.CONFERENCE: ["Konferens om {topic}", "{place}konferensen om {topic}", "Socialt entreprenörskap i {place}"],
        EventKind.COURSE_DAY: ["Kursdag i {skill}", "Kursdag: att starta ett socialt företag"],
        EventKind.OPEN_HOUSE: ["Öppet hus i {place}", "Öppet hus: {topic}"],
        EventKind.FAIR: ["Innovationsmässa {place}", "Mässa för socialt entreprenörskap i {place}"],
        EventKind.WEBINAR: ["Webbinarium: {topic}", "Lunchwebbinarium om {topic}"],
        "summary": ["Vi träffas och delar erfarenheter om {topic}.", "För dig som arbetar med {topic} i {place}.",
                    "Inspiration, samtal och nya kontakter kring {topic}."],
        "description": ["Träffen vänder sig till {target}.", "Vi arbetar med {method}.",
                        "Fika ingår. Anmäl dig senast dagen innan.", "Arrangeras tillsammans med {partner}."],
        "venue": ["Folkets hus", "Medborgarhuset", "Stadsbiblioteket", "Kulturhuset", "Kvartersgården",
                  "Grannskapsinkubatorn"],
        "street": ["Storgatan", "Kyrkogatan", "Järnvägsgatan", "Skolgatan", "Torggatan"],
        "ticket": ["Medlem", "Ej medlem", "Student"],
        "session": ["Välkommen och inledning", "Erfarenheter av {topic}", "Samtal om {topic}", "Gruppsamtal",
                    "Sammanfattning och nästa steg"],
    },
    "nb": {
        EventKind.NETWORK_MEETING: ["Nettverkssamling: {topic}", "Frokostmøte om {topic}", "Nettverkssamling i {place}"],
        EventKind.WORKSHOP: ["Verksted: {topic}", "Idéverksted om {topic}", "World Café om {topic}"],
        EventKind.THINKSHOP: ["Thinkshop om {topic}", "Tankesmie: {topic}"],
        EventKind.CONFERENCE: ["Konferanse om {topic}", "{place}konferansen om {topic}", "Sosialt entreprenørskap i {place}"],
        EventKind.COURSE_DAY: ["Kursdag i {skill}", "Kursdag: å starte en sosial virksomhet"],
        EventKind.OPEN_HOUSE: ["Åpent hus i {place}", "Åpent hus: {topic}"],
        EventKind.FAIR: ["Innovasjonsmesse {place}", "Messe for sosialt entreprenørskap i {place}"],
        EventKind.WEBINAR: ["Webinar: {topic}", "Lunsjwebinar om {topic}"],
        "summary": ["Vi møtes og deler erfaringer om {topic}.", "For deg som jobber med {topic} i {place}.",
                    "Inspirasjon, samtaler og nye kontakter om {topic}."],
        "description": ["Samlingen er for {target}.", "Vi jobber med {method}.",
                        "Kaffe og noe å bite i. Meld deg på senest dagen før.", "Arrangeres sammen med {partner}."],
        "venue": ["Folkets hus", "Kulturhuset", "Hovedbiblioteket", "Frivilligsentralen", "Bydelshuset",
                  "Nabolagsinkubatoren"],
        "street": ["Storgata", "Kirkegata", "Jernbanegata", "Skolegata", "Torggata"],
        "ticket": ["Medlem", "Ikke medlem", "Student"],
        "session": ["Velkommen og innledning", "Erfaringer med {topic}", "Samtale om {topic}", "Gruppearbeid",
                    "Oppsummering og veien videre"],
    },
    "da": {
        EventKind.NETWORK_MEETING: ["Netværksmøde: {topic}", "Morgenmøde om {topic}", "Netværksmøde i {place}"],
        EventKind.WORKSHOP: ["Workshop: {topic}", "Idéværksted om {topic}", "World Café om {topic}"],
        EventKind.THINKSHOP: ["Thinkshop om {topic}", "Tænketank: {topic}"],
        EventKind.CONFERENCE: ["Konference om {topic}", "{place}konferencen om {topic}", "Socialt iværksætteri i {place}"],
        EventKind.COURSE_DAY: ["Kursusdag i {skill}", "Kursusdag: at starte en socialøkonomisk virksomhed"],
        EventKind.OPEN_HOUSE: ["Åbent hus i {place}", "Åbent hus: {topic}"],
        EventKind.FAIR: ["Innovationsmesse {place}", "Messe for socialt iværksætteri i {place}"],
        EventKind.WEBINAR: ["Webinar: {topic}", "Frokostwebinar om {topic}"],
        "summary": ["Vi mødes og deler erfaringer om {topic}.", "For dig, der arbejder med {topic} i {place}.",
                    "Inspiration, samtaler og nye kontakter om {topic}."],
        "description": ["Mødet henvender sig til {target}.", "Vi arbejder med {method}.",
                        "Der er kaffe og kage. Tilmeld dig senest dagen før.", "Arrangeres sammen med {partner}."],
        "venue": ["Folkets Hus", "Kulturhuset", "Hovedbiblioteket", "Frivilligcentret", "Medborgerhuset",
                  "Nabolagsinkubatoren"],
        "street": ["Storegade", "Kirkegade", "Banegårdsgade", "Skolegade", "Torvegade"],
        "ticket": ["Medlem", "Ikke-medlem", "Studerende"],
        "session": ["Velkomst og indledning", "Erfaringer med {topic}", "Samtale om {topic}", "Gruppearbejde",
                    "Opsamling og næste skridt"],
    },
}


def _compose(template: str, rng: random.Random, language: str, place: str) -> str:
    words = WORDS[language]
    return template.format(topic=rng.choice(words["topic"]), place=place, skill=rng.choice(words["skill"]),
                           target=rng.choice(words["target"]), method=rng.choice(words["method"]),
                           partner=rng.choice(words["partner"]))


def event_texts(rng: random.Random, *, language: str, kind: str, place: str) -> dict[str, str]:
    """A title, summary, description and venue for one event, in the language given."""
    words = EVENT_WORDS[language]
    title = _compose(rng.choice(words[kind]), rng, language, place)
    title = title[0].upper() + title[1:]
    summary = _compose(rng.choice(words["summary"]), rng, language, place)
    description = " ".join(_compose(s, rng, language, place)
                           for s in rng.sample(words["description"], rng.randint(2, 4)))
    return {"title": title[:200], "summary": summary[:300], "description": description,
            "venue_name": f"{rng.choice(words['venue'])} {place}",
            "venue_address": f"{rng.choice(words['street'])} {rng.randint(1, 60)}, {place}"}


def unique_slugs(wanted: list[str]) -> list[str]:
    """The slugs wanted (title and date, as the event services make them), numbered where one is taken
    already or comes twice."""
    slugs, numbers = list(wanted), [1] * len(wanted)
    while True:
        taken = set(Event.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        seen, changed = set(), False
        for position, slug in enumerate(slugs):
            if slug in taken or slug in seen:
                numbers[position] += 1
                slugs[position] = f"{wanted[position]}-{numbers[position]}"
                changed = True
            seen.add(slugs[position])
        if not changed:
            return slugs


@scale_step("events", help="Events to create (with organisers, themes, ticket types and programmes).",
            search_kinds=("event", "session"))
def events_create_many(run: ScaleRun, count: int) -> int:
    rng = run.rng("events")
    places = scale_places()
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    organisation_ids = list(Organisation.objects.order_by("id").values_list("id", flat=True))
    kinds = list(KIND_PLAN)
    weights = [plan[0] for plan in KIND_PLAN.values()]
    today = timezone.now().date()
    start_index = Event.objects.count()
    Organisers, Themes = Event.organisers.through, Event.themes.through
    SessionSpeakers = ProgrammeSession.speakers.through
    created = 0
    since = time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        events, organiser_picks, theme_picks, extras = [], [], [], []
        for offset in range(size):
            index = start_index + batch_start + offset + 1
            place = rng.choice(places)
            language = LANGUAGE_OF_COUNTRY[place.country]
            kind = rng.choices(kinds, weights=weights)[0]
            _weight, hours, length, days = KIND_PLAN[kind]
            zone = TIME_ZONE_OF_COUNTRY[place.country]
            day = today + datetime.timedelta(days=rng.randint(-730, 365))
            start = datetime.datetime.combine(day, datetime.time(rng.choice(hours)), ZoneInfo(zone))
            day_count = rng.randint(*days)
            end = start + datetime.timedelta(days=day_count - 1, hours=rng.randint(*length))
            texts = event_texts(rng, language=language, kind=kind, place=place.name)
            pricing = rng.choices(list(Event.Pricing), weights=[70, 15, 15])[0]
            currency = CURRENCY_OF_COUNTRY[place.country]
            suggested = sorted(rng.sample(PRICE_STEPS[currency], 3)) if pricing == Event.Pricing.PAY_WHAT_YOU_CAN else []
            online = kind == EventKind.WEBINAR
            events.append(Event(
                slug=f"{slugify(texts['title'])[:190] or 'event'}-{day.isoformat()}", kind=kind, language=language,
                status=rng.choices(list(Event.Status), weights=[2, 95, 3])[0],
                organised_by_hub=rng.random() < 0.15, place_id=place.id, time_zone=zone,
                start=start.astimezone(datetime.UTC), end=end.astimezone(datetime.UTC),
                online_url=f"https://meet.example.org/{index}" if online else "",
                capacity=rng.choice([None, None, 20, 30, 50, 80, 150, 300]),
                waiting_list=rng.random() < 0.8, pricing=pricing, currency=currency,
                suggested_amounts=suggested, minimum_amount=Decimal(suggested[0] // 2 if suggested else 0),
                participant_list_public=rng.random() < 0.7,
                **(texts | {"venue_name": "", "venue_address": ""} if online else texts),
            ))
            organiser_picks.append(rng.sample(organisation_ids, min(len(organisation_ids), rng.choice([1, 1, 2])))
                                   if organisation_ids else [])
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(0, 3))) if theme_ids else [])
            extras.append((language, rng.randint(3, 6) if kind in HAS_PROGRAMME else 0))
        slugs = unique_slugs([event.slug for event in events])
        for event, slug in zip(events, slugs):
            event.slug = slug
        with transaction.atomic():
            Event.objects.bulk_create(events, batch_size=run.batch_size)
            if any(event.pk is None for event in events):  # databases that do not return ids
                by_slug = dict(Event.objects.filter(slug__in=slugs).values_list("slug", "id"))
                for event in events:
                    event.pk = by_slug[event.slug]
            Organisers.objects.bulk_create([Organisers(event_id=e.pk, organisation_id=o)
                                            for e, picks in zip(events, organiser_picks) for o in picks],
                                           batch_size=5000)
            Themes.objects.bulk_create([Themes(event_id=e.pk, theme_id=t)
                                        for e, picks in zip(events, theme_picks) for t in picks], batch_size=5000)
            tickets = []
            for event, (language, _sessions) in zip(events, extras):
                if event.pricing == Event.Pricing.TICKETS:
                    names = EVENT_WORDS[language]["ticket"][:rng.randint(2, 3)]
                    prices = sorted(rng.sample(PRICE_STEPS[event.currency], len(names)))
                    tickets += [TicketType(event_id=event.pk, name=name, price=Decimal(price), position=position,
                                           capacity=None) for position, (name, price) in
                                enumerate(zip(names, [prices[0], prices[-1], *prices[1:-1]]))]
            TicketType.objects.bulk_create(tickets, batch_size=run.batch_size)
            _programmes_create(run, rng, [(e, *x) for e, x in zip(events, extras) if x[1]], SessionSpeakers)
        created += size
        run.progress("events", created, count, since)
    return created


def _programmes_create(run: ScaleRun, rng: random.Random, events: list, SessionSpeakers) -> None:
    """A few sessions per event, each with a guest speaker, spread over the event's first day."""
    speakers, sessions = [], []
    for event, language, session_count in events:
        words = WORDS[language]
        length = min((event.end - event.start) / session_count, datetime.timedelta(hours=1))
        for position in range(session_count):
            name = f"{rng.choice(words['first'])} {rng.choice(words['last'])}"
            speakers.append(Speaker(event_id=event.pk, name=name, slug=f"{slugify(name)}-{position + 1}",
                                    organisation_name=rng.choice(words["partner"]).capitalize()))
            start = event.start + length * position
            sessions.append(ProgrammeSession(
                event_id=event.pk, start=start, end=start + length,
                title=_compose(rng.choice(EVENT_WORDS[language]["session"]), rng, language, ""),
                description=_compose(rng.choice(EVENT_WORDS[language]["description"]), rng, language, "")))
    Speaker.objects.bulk_create(speakers, batch_size=run.batch_size)
    ProgrammeSession.objects.bulk_create(sessions, batch_size=run.batch_size)
    if any(item.pk is None for item in speakers + sessions):
        raise RuntimeError("seed_scale needs a database that returns the ids of bulk-created rows")
    SessionSpeakers.objects.bulk_create([SessionSpeakers(programmesession_id=session.pk, speaker_id=speaker.pk)
                                         for session, speaker in zip(sessions, speakers)], batch_size=5000)


@scale_step("registrations", help="Registrations spread over the published events (run after --events).")
def registrations_create_many(run: ScaleRun, count: int) -> int:
    from samskap.accounts.models import User

    rng = run.rng("registrations")
    events = list(Event.objects.published().order_by("id").values(
        "id", "capacity", "waiting_list", "pricing", "currency", "start", "end", "language", "suggested_amounts"))
    if not events:
        run.log("  registrations: no published events; create some with --events first.")
        return 0
    # Some events draw a crowd, most a few dozen: a heavy-tailed popularity per event.
    popularity = list(accumulate(rng.paretovariate(1.2) for _event in events))
    holding = dict(Registration.objects.holding_a_place().values_list("event").annotate(n=Count("id")))
    tickets: dict[int, list[tuple[int, Decimal]]] = {}
    for ticket_id, event_id, price in TicketType.objects.order_by("position", "id").values_list("id", "event_id", "price"):
        tickets.setdefault(event_id, []).append((ticket_id, price))
    # Volume people only: the demo's log-ins keep their own few registrations.
    users = list(User.objects.filter(is_active=True, email__endswith="@scale.samskap.test").order_by("id")
                 .values_list("id", "email", "name")[:50_000])
    taken_users = set(Registration.objects.exclude(status=Registration.Status.CANCELLED)
                      .exclude(user=None).values_list("event_id", "user_id"))
    now = timezone.now()
    start_index = Registration.objects.count()
    created = 0
    since = time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        registrations = []
        for offset in range(size):
            index = start_index + batch_start + offset + 1
            event = rng.choices(events, cum_weights=popularity)[0]
            words = WORDS.get(event["language"], WORDS["sv"])
            first, last = rng.choice(words["first"]), rng.choice(words["last"])
            name, email, user_id = f"{first} {last}", f"{slugify(first)}.{slugify(last)}.r{index}@scale.samskap.test", None
            if users and rng.random() < 0.3:
                candidate = rng.choice(users)
                if (event["id"], candidate[0]) not in taken_users:
                    user_id, email, name = candidate
                    taken_users.add((event["id"], user_id))
            status = rng.choices([Registration.Status.CONFIRMED, Registration.Status.CANCELLED,
                                  Registration.Status.UNCONFIRMED], weights=[90, 8, 2])[0]
            if status == Registration.Status.CONFIRMED:
                full = event["capacity"] is not None and holding.get(event["id"], 0) >= event["capacity"]
                if full:
                    status = Registration.Status.WAITING if event["waiting_list"] else Registration.Status.CANCELLED
                else:
                    holding[event["id"]] = holding.get(event["id"], 0) + 1
            if status == Registration.Status.CANCELLED and user_id:
                taken_users.discard((event["id"], user_id))
            ticket_id, amount = None, Decimal("0")
            if event["pricing"] == Event.Pricing.TICKETS and tickets.get(event["id"]):
                ticket_id, amount = rng.choice(tickets[event["id"]])
            elif event["pricing"] == Event.Pricing.PAY_WHAT_YOU_CAN and event["suggested_amounts"]:
                amount = Decimal(rng.choice(event["suggested_amounts"]))
            paying = amount > 0
            confirmed = status == Registration.Status.CONFIRMED
            registered = min(now, event["start"] - datetime.timedelta(days=rng.randint(1, 30)))
            checked_in = event["end"] if confirmed and event["end"] < now and rng.random() < 0.8 else None
            registrations.append(Registration(
                event_id=event["id"], user_id=user_id, name=name, email=email, language=event["language"],
                organisation_name=rng.choice(words["partner"]).capitalize() if rng.random() < 0.6 else "",
                status=status, ticket_type_id=ticket_id, amount=amount, currency=event["currency"],
                payment_method=rng.choice(["invoice", "at_venue"]) if paying else "",
                payment_status=(rng.choice(["paid", "paid", "unpaid"]) if paying else "not_required"),
                on_participant_list=rng.random() < 0.4,
                confirmed_at=registered if status != Registration.Status.UNCONFIRMED else None,
                cancelled_at=registered if status == Registration.Status.CANCELLED else None,
                # Volume people get no e-mail: their reminders and feedback requests count as sent.
                checked_in_at=checked_in, feedback_requested_at=checked_in, reminder_sent_at=registered if confirmed else None,
            ))
        with transaction.atomic():
            Registration.objects.bulk_create(registrations, batch_size=run.batch_size)
        created += size
        run.progress("registrations", created, count, since)
    return created

"""Load the demo workshops (called by `manage.py load_demo`, after the events' and the ideas' demos, whose
events and people it uses).

- A finished World Café at the Kreaprenör network meeting on Globen (two rounds, three tables with hosts,
  harvests in Swedish, three shared insights, one of them already an idea).
- A finished vision battle, "Future Battles" (Danish), at SED's evening in Aarhus: four visionaries, three
  rounds of votes and a winner.
- An Open Space (Norwegian) being prepared: time slots and spaces, no topics yet.
- A dot vote ready to start: its options are written.

Idempotent: a workshop is found by its title; what exists is left as it is. Workshops are created with
`workshop_create` (by the demo facilitator) and then linked to their event directly (the facilitator does not
organise those events); what a live room would have produced — participants, seats, harvests, votes — is
written as rows, dated to the event.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samskap.events.models import Event

from .models import (BattleVote, CafeTable, Harvest, Insight, Option, Participant, Round, Seat, Space, TimeSlot,
                     Visionary, Workshop, device_hash)
from .services import workshop_create

FACILITATOR = "facilitator@samskap.test"
MEMBER = "member@samskap.test"

CAFE_TITLE = "World Café: Kreaprenör – modellen och nätverket"
CAFE_EVENT = "socialt-kreaprenorskap-globen-2009"
BATTLE_TITLE = "Future Battles: visioner for fremtidens fællesskaber"
# SED's Future Battles evening if it has taken place; otherwise SED's afternoon in Aarhus (its programme
# presented Future Battles). A finished battle must not be dated in the future.
BATTLE_EVENTS = ("future-battles-aarhus", "innovation-pa-det-sociale-omrade-region-midt-2014")
SPACE_TITLE = "Open Space: nabolaget vi vil ha på Tøyen"
DOTS_TITLE = "Prikkstemme: hvilke ideer tar vi videre?"

CAFE_QUESTIONS = (
    "Hur kan vi utveckla Kreaprenör-modellen?",
    "Hur organiserar vi oss – och vilka praktiska tillämpningar ser vi?",
)
CAFE_TABLES = (("Modellen", "Lennart"), ("Tillämpningar", "Göran"), ("Organisationen", "Sara"))
CAFE_HARVESTS = (
    ("Tillämpa fokusområdesprincipen konsekvent. Engagera inflytelserika personer och experter inom varje "
     "fokusområde.",
     "Modellen passar i krislägen som nu: rätt tid att sätta individen i fokus.",
     "Använd modellen på oss själva: vilka är våra mottagargrupper och frågor?"),
    ("Hitta partner i konsultvärlden och låt det etablerade och det nya mötas. Använd Internet.",
     "En plantskola för kreaprenöriellt tänkande – i skolan och i vården (holistisk hälsa).",
     "Välj ut några frågor att satsa på och organisera lokala grupper med kontaktpersoner."),
)
CAFE_INSIGHTS = (
    "Förenkla och konkretisera modellen – lyft fram exempel.",
    "En plantskola för kreaprenöriellt tänkande i skolan och i vården.",
    "Lokala Kreaprenör-grupper med kontaktpersoner.",
)
CAFE_IDEA = ("Lokala Kreaprenör-grupper med kontaktpersoner",
             "Nätverket organiserar sig i lokala grupper, var och en med en kontaktperson och några frågor att "
             "satsa på. Från World Café-samtalet på Globen.")
CAFE_GUESTS = ("Anna", "Bertil", "Cecilia", "David", "Eva", "Fredrik")

BATTLE_VISIONARIES = (  # name, vision, out in round (0: the winner)
    ("Mette Kjær", "Et fælleskøkken i hver opgang", 1),
    ("Jonas Brandt", "Byhaver på alle tage i Aarhus", 2),
    ("Sofie Lund", "Bedsteforældre til låns for alle børnefamilier", 3),
    ("Ahmed Yousef", "Et værksted hvor unge reparerer byens cykler", 0),
)
BATTLE_VOTERS = 9
BATTLE_VOTES = (  # per round: votes for the best per visionary (in the order above)
    (1, 2, 3, 3),
    (0, 2, 3, 4),
    (0, 0, 4, 5),
)

SPACE_SLOTS = ("10:00–10:45", "11:00–11:45", "13:00–13:45")
SPACE_SPACES = ("Biblioteket", "Kafeen", "Verkstedet", "Hagen")

DOTS_OPTIONS = ("Generasjonskafé på Tøyen", "Sykkelverksted som første jobb for unge",
                "Leksehjelp på biblioteket", "Felles verktøybod i gården")


@dataclass
class DemoLoaded:
    workshops: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.workshops)


def _guest(workshop: Workshop, name: str, number: int, when: datetime.datetime) -> Participant:
    participant = Participant.objects.create(workshop=workshop, display_name=name,
                                             device=device_hash(f"demo-{workshop.pk}-{number}"))
    Participant.objects.filter(pk=participant.pk).update(joined_at=when)
    return participant


def _event(*slugs: str) -> Event | None:
    """The first of the events named by `slugs` that has begun."""
    found = {event.slug: event for event in Event.objects.filter(slug__in=slugs, start__lt=timezone.now())}
    return next((found[slug] for slug in slugs if slug in found), None)


def _created(facilitator, title: str, method: str, *, event: Event | None, **fields) -> Workshop:
    workshop = workshop_create(by=facilitator, title=title, method=method, **fields)
    if event is not None:
        workshop.event = event
        workshop.save(update_fields=["event"])
    return workshop


def _finish(workshop: Workshop, started: datetime.datetime, finished: datetime.datetime) -> None:
    Workshop.objects.filter(pk=workshop.pk).update(
        status=Workshop.Status.FINISHED, started_at=started, finished_at=finished, results_visible=True,
        created_at=started - datetime.timedelta(days=7), version=1)


def _world_cafe(facilitator) -> None:
    event = _event(CAFE_EVENT)
    workshop = _created(
        facilitator, CAFE_TITLE, Workshop.Method.WORLD_CAFE, event=event, language="sv", round_minutes=25,
        description="Frågor som spelar roll, en öppen atmosfär och alla bidrar. Vi kopplar ihop perspektiven och "
                    "samlar de gemensamma insikterna.")
    start = (event.start + datetime.timedelta(hours=2, minutes=15) if event is not None
             else timezone.now() - datetime.timedelta(days=30)).replace(second=0, microsecond=0)
    guests = [_guest(workshop, name, number, start) for number, name in enumerate(CAFE_GUESTS)]
    tables = []
    for number, (name, host) in enumerate(CAFE_TABLES, start=1):
        host_participant = _guest(workshop, host, 100 + number, start)
        tables.append(CafeTable.objects.create(workshop=workshop, number=number, name=name, host=host_participant))
    for index, (question, harvests) in enumerate(zip(CAFE_QUESTIONS, CAFE_HARVESTS)):
        began = start + datetime.timedelta(minutes=30 * index)
        item = Round.objects.create(workshop=workshop, number=index + 1, question=question, minutes=25,
                                    started_at=began, ended_at=began + datetime.timedelta(minutes=25))
        for position, guest in enumerate(guests):  # mixed between rounds
            Seat.objects.create(round=item, table=tables[(position + index) % len(tables)], participant=guest)
        for table, text in zip(tables, harvests):
            Seat.objects.create(round=item, table=table, participant=table.host)
            Harvest.objects.create(round=item, table=table, text=text, written_by=table.host)
    idea = _insight_idea(facilitator)
    for position, text in enumerate(CAFE_INSIGHTS):
        Insight.objects.create(workshop=workshop, text=text, position=position,
                               idea=idea if text.startswith(CAFE_IDEA[0]) else None)
    _finish(workshop, start, start + datetime.timedelta(minutes=105))


def _insight_idea(facilitator):
    """The idea the third insight became (found again by author and title)."""
    from samskap.ideas.models import Idea
    from samskap.ideas.services import idea_create

    title, summary = CAFE_IDEA
    idea = Idea.objects.filter(title=title).first()
    if idea is None and facilitator.has_perm("ideas.add_idea"):
        idea = idea_create(author=facilitator, title=title, summary=summary, language="sv")
    return idea


def _vision_battle(facilitator) -> None:
    event = _event(*BATTLE_EVENTS)
    workshop = _created(
        facilitator, BATTLE_TITLE, Workshop.Method.VISION_BATTLE, event=event, language="da", round_minutes=10,
        battle_mode=Workshop.BattleMode.BEST, drop_per_round=1, live_tally=True,
        description="Visionærerne skiftes til at præsentere deres vision for aftenens tema – fremtidens "
                    "fællesskaber. Publikum stemmer, og visionen med færrest stemmer ryger ud.")
    start = (event.start + datetime.timedelta(hours=3) if event is not None
             else timezone.now() - datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    visionaries = [Visionary.objects.create(workshop=workshop, name=name, vision=vision, position=position)
                   for position, (name, vision, _out) in enumerate(BATTLE_VISIONARIES)]
    voters = [_guest(workshop, f"Publikum {number + 1}", number, start) for number in range(BATTLE_VOTERS)]
    for index, counts in enumerate(BATTLE_VOTES):
        began = start + datetime.timedelta(minutes=35 * index)
        item = Round.objects.create(workshop=workshop, number=index + 1, question=f"Runde {index + 1}", minutes=10,
                                    started_at=began, ended_at=began + datetime.timedelta(minutes=30))
        ballots = iter(voters)
        for visionary, count in zip(visionaries, counts):
            for _vote in range(count):
                BattleVote.objects.create(round=item, participant=next(ballots), visionary=visionary,
                                          choice=BattleVote.Choice.BEST)
        for visionary, (_name, _vision, out) in zip(visionaries, BATTLE_VISIONARIES):
            if out == index + 1:
                visionary.out_in_round = item
                visionary.save(update_fields=["out_in_round"])
        last = item
    winner = next(v for v, data in zip(visionaries, BATTLE_VISIONARIES) if data[2] == 0)
    winner.winner = True
    winner.save(update_fields=["winner"])
    Workshop.objects.filter(pk=workshop.pk).update(current_round=last)
    _finish(workshop, start, start + datetime.timedelta(minutes=110))


def _open_space(facilitator) -> None:
    workshop = _created(
        facilitator, SPACE_TITLE, Workshop.Method.OPEN_SPACE, event=None, language="nb",
        description="Hva trenger nabolaget? Alle kan foreslå et tema på markedsplassen; vi setter agendaen "
                    "sammen og går dit engasjementet er.")
    for position, label in enumerate(SPACE_SLOTS):
        TimeSlot.objects.create(workshop=workshop, label=label, position=position)
    for position, name in enumerate(SPACE_SPACES):
        Space.objects.create(workshop=workshop, name=name, position=position)


def _dot_vote(facilitator) -> None:
    workshop = _created(
        facilitator, DOTS_TITLE, Workshop.Method.DOT_VOTING, event=None, language="nb", dots_per_participant=3,
        live_tally=False, description="Tre prikker hver: hvilke ideer skal nabolagsinkubatoren jobbe videre med?")
    from samskap.ideas.models import Idea

    ideas = {idea.title: idea for idea in Idea.objects.filter(title__in=DOTS_OPTIONS)}
    for position, text in enumerate(DOTS_OPTIONS):
        Option.objects.create(workshop=workshop, text=text, idea=ideas.get(text), position=position)


LOADERS = ((CAFE_TITLE, _world_cafe), (BATTLE_TITLE, _vision_battle), (SPACE_TITLE, _open_space),
           (DOTS_TITLE, _dot_vote))


@transaction.atomic
def demo_load() -> DemoLoaded:
    loaded = DemoLoaded()
    facilitator = get_user_model().objects.filter(email=FACILITATOR, is_active=True).first()
    if facilitator is None:
        return loaded
    existing = set(Workshop.objects.filter(title__in=[title for title, _load in LOADERS]).values_list("title",
                                                                                                     flat=True))
    for title, load in LOADERS:
        if title not in existing:
            load(facilitator)
            loaded.workshops += 1
    return loaded

"""Factories for the World Café's tests."""

import factory

from samskap.workshops.models import CafeTable, Round, Workshop

from .factories import ParticipantFactory, WorkshopFactory


class CafeTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CafeTable

    workshop = factory.SubFactory(WorkshopFactory, method=Workshop.Method.WORLD_CAFE)
    number = factory.Sequence(lambda n: n + 1)
    name = ""


def cafe(*, tables: int = 3, rounds: int = 2, participants: int = 0, live: bool = True,
         questions: tuple[str, ...] = ("Vad gör vår stadsdel levande?", "Vilka möten saknas här?",
                                       "Vad kan vi göra själva?"), **fields) -> Workshop:
    """A World Café with `tables` tables, `rounds` rounds and `participants` guests, live by default."""
    workshop = WorkshopFactory(method=Workshop.Method.WORLD_CAFE,
                               status=Workshop.Status.LIVE if live else Workshop.Status.PREPARING, **fields)
    for number in range(1, tables + 1):
        CafeTable.objects.create(workshop=workshop, number=number)
    for number in range(1, rounds + 1):
        Round.objects.create(workshop=workshop, number=number, question=questions[(number - 1) % len(questions)],
                             minutes=15)
    for _ in range(participants):
        ParticipantFactory(workshop=workshop)
    return workshop

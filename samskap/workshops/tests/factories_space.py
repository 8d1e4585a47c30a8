"""Factories for Open Space tests."""

import factory

from samskap.workshops.models import Space, TimeSlot, Topic, Workshop

from .factories import ParticipantFactory, WorkshopFactory


class TimeSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeSlot

    workshop = factory.SubFactory(WorkshopFactory, method=Workshop.Method.OPEN_SPACE)
    position = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: f"{10 + n % 8}:00–{10 + n % 8}:45")


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    workshop = factory.SubFactory(WorkshopFactory, method=Workshop.Method.OPEN_SPACE)
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Rum {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic convened by a new participant of the workshop (`convener=…` to choose)."""

    class Meta:
        model = Topic

    workshop = factory.SubFactory(WorkshopFactory, method=Workshop.Method.OPEN_SPACE, status=Workshop.Status.LIVE)
    convener = factory.LazyAttribute(lambda o: ParticipantFactory(workshop=o.workshop))
    convener_name = factory.LazyAttribute(lambda o: o.convener.display_name if o.convener else "Gäst")
    title = factory.Sequence(lambda n: f"Hur gör vi stadsdelen grönare? ({n})")


def open_space(*, slots: int = 2, spaces: int = 2, live: bool = True, phase: str = "", **fields) -> Workshop:
    """An Open Space with `slots` time slots and `spaces` spaces, live by default, in `phase`."""
    workshop = WorkshopFactory(method=Workshop.Method.OPEN_SPACE, phase=phase,
                               status=Workshop.Status.LIVE if live else Workshop.Status.PREPARING, **fields)
    for position in range(slots):
        TimeSlotFactory(workshop=workshop, position=position, label=f"{10 + position}:00–{10 + position}:45")
    for position in range(spaces):
        SpaceFactory(workshop=workshop, position=position, name=f"Rum {chr(65 + position)}")
    return workshop

"""Factories for the dot voting's tests."""

import factory

from samskap.workshops.models import Option, Workshop

from .factories import WorkshopFactory


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    workshop = factory.SubFactory(WorkshopFactory, method=Workshop.Method.DOT_VOTING)
    text = factory.Sequence(lambda n: f"Fler cykelbanor i stadsdel {n}")
    position = factory.Sequence(lambda n: n)


def dot_voting(*, options: int = 3, live: bool = True, voting: bool = True, **fields) -> Workshop:
    """A dot voting with `options` options; live with the vote open by default."""
    workshop = WorkshopFactory(method=Workshop.Method.DOT_VOTING,
                               status=Workshop.Status.LIVE if live else Workshop.Status.PREPARING,
                               phase="voting" if live and voting else "", **fields)
    for position in range(options):
        OptionFactory(workshop=workshop, position=position)
    return workshop

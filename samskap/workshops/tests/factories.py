"""Factories for live workshops, shared by every method's tests."""

import secrets

import factory

from samskap.accounts.tests.factories import UserFactory
from samskap.workshops.models import Participant, Visionary, Workshop, device_hash


class WorkshopFactory(factory.django.DjangoModelFactory):
    """A workshop being prepared by its creator (also its facilitator). `WorkshopFactory(method=…, status="live")`."""

    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Framtidens stadsdel {n}")
    method = Workshop.Method.VISION_BATTLE
    language = "sv"
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def facilitators(obj, create, extracted, **kwargs):
        if create:
            obj.facilitators.add(obj.created_by, *(extracted or ()))


def new_token() -> str:
    return secrets.token_urlsafe(16)


class ParticipantFactory(factory.django.DjangoModelFactory):
    """A guest on a device; `ParticipantFactory(workshop=w, token="…")` to know the device's token."""

    class Meta:
        model = Participant
        exclude = ["token"]

    workshop = factory.SubFactory(WorkshopFactory)
    token = factory.LazyFunction(new_token)
    device = factory.LazyAttribute(lambda o: device_hash(o.token))
    display_name = factory.Sequence(lambda n: f"Gäst {n}")


class VisionaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visionary

    workshop = factory.SubFactory(WorkshopFactory)
    name = factory.Sequence(lambda n: f"Visionär {n}")
    vision = factory.Sequence(lambda n: f"Vision {n}: en grön stadsdel")
    position = factory.Sequence(lambda n: n)


def battle(*, visionaries: int = 3, mode: str = Workshop.BattleMode.BEST, live: bool = True, **fields) -> Workshop:
    """A vision battle with `visionaries` visionaries, live by default."""
    workshop = WorkshopFactory(method=Workshop.Method.VISION_BATTLE, battle_mode=mode,
                               status=Workshop.Status.LIVE if live else Workshop.Status.PREPARING, **fields)
    for position in range(visionaries):
        VisionaryFactory(workshop=workshop, position=position)
    return workshop

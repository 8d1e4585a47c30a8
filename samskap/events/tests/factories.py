"""Factories for the events app. Shared by every part's tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from samskap.events.models import Event, EventInvitation, Registration, RegistrationQuestion, TicketType


class EventFactory(factory.django.DjangoModelFactory):
    """A published, free event a week from now, open to anyone, without a limit on places.

    `EventFactory(organisers=[organisation])` sets the organising organisations.
    """

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Network meeting {n}")
    slug = factory.Sequence(lambda n: f"network-meeting-{n}")
    kind = "network_meeting"
    summary = "We meet and share what we are working on."
    description = "Coffee, short presentations and time to talk."
    language = "sv"
    venue_name = "Folkets hus"
    venue_address = "Storgatan 1, Umeå"
    time_zone = "Europe/Stockholm"
    start = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=7)).replace(microsecond=0))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    status = Event.Status.PUBLISHED

    @factory.post_generation
    def organisers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.organisers.set(extracted)

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)


class TicketTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TicketType

    event = factory.SubFactory(EventFactory, pricing=Event.Pricing.TICKETS)
    name = factory.Sequence(lambda n: f"Ticket {n}")
    price = 100
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A text question; pass kind= and choices= for the others."""

    class Meta:
        model = RegistrationQuestion

    event = factory.SubFactory(EventFactory)
    kind = RegistrationQuestion.Kind.TEXT
    label = factory.Sequence(lambda n: f"Question {n}")
    choices = factory.LazyAttribute(
        lambda o: ["Vegetarian", "Vegan", "Anything"] if o.kind in ("single", "multiple") else [])
    required = False
    position = factory.Sequence(lambda n: n)


class EventInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventInvitation

    event = factory.SubFactory(EventFactory, audience=Event.Audience.INVITATION)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed guest registration; pass user= for a member's, status= for the others."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    organisation_name = "Kooperativet"
    language = "en"
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    currency = factory.LazyAttribute(lambda o: o.event.currency)

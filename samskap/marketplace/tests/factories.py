"""Factories for the marketplace. Shared by every part's tests."""

import factory

from samskap.accounts.tests.factories import UserFactory
from samskap.marketplace.models import Ad, Conversation, Message


class AdFactory(factory.django.DjangoModelFactory):
    """An open Swedish ad "seeking competence" by a new member, valid 60 days. `AdFactory(themes=[…], places=[…])`."""

    class Meta:
        model = Ad
        skip_postgeneration_save = True

    kind = "seeking_competence"
    title = factory.Sequence(lambda n: f"Vi söker kompetens inom ekonomi {n}")
    description = "Vi är ett kooperativ i Malmö som behöver hjälp med bokföring och budget."
    language = "sv"
    owner = factory.SubFactory(UserFactory)

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def places(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.places.set(extracted)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    ad = factory.SubFactory(AdFactory)
    respondent = factory.SubFactory(UserFactory)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    sender = factory.LazyAttribute(lambda o: o.conversation.respondent)
    body = "Hej! Vi kan hjälpa till."

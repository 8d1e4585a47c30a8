"""Factories for the knowledge app. Shared by every part's tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from samskap.actors.tests.factories import OrganisationFactory
from samskap.knowledge.models import Collection, CollectionItem, FundingCall, FundingDeadline, Resource


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published Swedish guide with a web address. `ResourceFactory(themes=[theme], places=[place])`."""

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    kind = "guide"
    title = factory.Sequence(lambda n: f"Guide till samskapande {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    summary = "Hur kommun och civilsamhälle bygger något tillsammans."
    language = "sv"
    url = factory.Sequence(lambda n: f"https://example.org/guide-{n}")
    audiences = factory.LazyFunction(lambda: ["municipalities"])

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def places(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.places.set(extracted)


class MethodCardFactory(ResourceFactory):
    kind = "method"
    title = factory.Sequence(lambda n: f"World Café {n}")
    slug = factory.Sequence(lambda n: f"world-cafe-{n}")
    url = ""
    purpose = "Samtal i små grupper som kopplar ihop perspektiv."
    when_to_use = "När många ska bidra till en gemensam fråga."
    group_size_min = 12
    group_size_max = 300
    duration_minutes = 120
    materials = "Pappersdukar\nPennor"
    steps = "Välj frågan\nDuka borden\nTre samtalsrundor\nSkörda gemensamt"
    facilitator_tips = "Håll tiden."
    audiences = factory.LazyFunction(lambda: ["facilitators"])


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kom igång {n}")
    slug = factory.Sequence(lambda n: f"kom-igang-{n}")
    description = "Det första att läsa."

    @factory.post_generation
    def resources(obj, create, extracted, **kwargs):
        if create and extracted:
            for position, resource in enumerate(extracted):
                CollectionItem.objects.create(collection=obj, resource=resource, position=position)


class FundingCallFactory(factory.django.DjangoModelFactory):
    """A published call from a new funder organisation with one deadline 30 days ahead (next_deadline set)."""

    class Meta:
        model = FundingCall
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Stöd till social innovation {n}")
    slug = factory.Sequence(lambda n: f"stod-{n}")
    funder = factory.SubFactory(OrganisationFactory, kind="funder")
    programme = "Regionalt tillväxtprogram"
    summary = "Stöd till projekt som prövar nya lösningar på samhällsutmaningar."
    amount_min = 50_000
    amount_max = 500_000
    currency = "SEK"
    time_zone = "Europe/Stockholm"
    url = factory.Sequence(lambda n: f"https://example.org/call-{n}")
    next_deadline = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=30)).replace(microsecond=0))

    @factory.post_generation
    def deadline(obj, create, extracted, **kwargs):
        """One FundingDeadline at next_deadline (pass deadline=False for none, e.g. a rolling call)."""
        if create and extracted is not False and obj.next_deadline:
            FundingDeadline.objects.create(call=obj, due=obj.next_deadline, label="")

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def eligible_places(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.eligible_places.set(extracted)

"""Factories for the programme: sessions, speakers, files and stands."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile

from samskap.actors.tests.factories import OrganisationFactory
from samskap.events.models import EventFile, ProgrammeSession, Speaker, Stand

from .factories import EventFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class SpeakerFactory(factory.django.DjangoModelFactory):
    """A guest speaker."""

    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    organisation_name = "Kooperativet"
    bio = "Works with neighbourhood incubators."


class SessionFactory(factory.django.DjangoModelFactory):
    """A half-hour session at the start of its event; `SessionFactory(speakers=[...])` sets the speakers."""

    class Meta:
        model = ProgrammeSession
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Talk {n}")
    description = "What we learnt."
    start = factory.LazyAttribute(lambda o: o.event.start)
    end = factory.LazyAttribute(lambda o: o.start + timedelta(minutes=30))
    room = "Main hall"

    @factory.post_generation
    def speakers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.speakers.set(extracted)


class EventFileFactory(factory.django.DjangoModelFactory):
    """Slides as a small PDF, for a session."""

    class Meta:
        model = EventFile

    session = factory.SubFactory(SessionFactory)
    event = factory.LazyAttribute(lambda o: o.session.event if o.session else EventFactory())
    kind = EventFile.Kind.SLIDES
    title = factory.Sequence(lambda n: f"Slides {n}")
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="slides.pdf"))
    content_type = "application/pdf"
    size = len(PDF_BYTES)


class StandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stand

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    pitch = "We show how a neighbourhood incubator works."

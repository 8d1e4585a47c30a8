"""Events and programme sessions in search, and the helpers that keep them current."""

from datetime import timedelta

import pytest
from django.urls import reverse

from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.core.models import SearchEntry
from samskap.core.search import SEARCH_KINDS, search_index_rebuild
from samskap.core.selectors import search
from samskap.events.models import Event, ProgrammeSession, Speaker
from samskap.events.search import event_index, event_unindex, session_index, session_unindex
from samskap.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def titles(query: str, kind: str) -> list[str]:
    return [result.title for result in search(query=query, kinds=[kind], limit=20)[0]]


def with_session(event: Event, title: str = "Jobcentres and social enterprises") -> ProgrammeSession:
    speaker = Speaker.objects.create(event=event, name="Lene Holst", slug="lene-holst", organisation_name="CABI",
                                     bio="Works with socially responsible companies.")
    session = ProgrammeSession.objects.create(event=event, title=title, description="One contact, the right match.",
                                              start=event.start, end=event.start + timedelta(minutes=20))
    session.speakers.set([speaker])
    return session


def test_both_kinds_are_registered():
    assert {"event", "session"} <= set(SEARCH_KINDS)


def test_an_event_is_found_by_its_texts_place_kind_themes_and_organisers():
    event = EventFactory(title="Innovation på det sociale område", kind="workshop",
                         summary="Aktører i Region Midt mødes.", description="Oplæg og workshop om samarbejde.",
                         place=make_place("Testaarhus", country="DK"), themes=[make_theme("Loneliness")],
                         organisers=[OrganisationFactory(name="Sociale Entreprenører i Danmark")])
    event_index(event.pk)

    for query in ("innovation", "aktører", "samarbejde", "Testaarhus", "workshop", "loneliness", "entreprenører"):
        assert titles(query, "event") == ["Innovation på det sociale område"], query
    result = search(query="aktører", kinds=["event"], limit=1)[0][0]
    assert result.url == event.get_absolute_url() and result.id == event.pk


def test_a_draft_is_not_found_and_publishing_it_makes_it_and_its_sessions_findable():
    event = EventFactory(title="Tankesmedja om ensamhet", status=Event.Status.DRAFT)
    with_session(event)
    event_index(event.pk)
    assert titles("tankesmedja", "event") == [] and titles("jobcentres", "session") == []

    event.status = Event.Status.PUBLISHED
    event.save()
    event_index(event.pk)

    assert titles("tankesmedja", "event") == ["Tankesmedja om ensamhet"]
    assert titles("jobcentres", "session") == ["Jobcentres and social enterprises"]


def test_a_cancelled_event_stays_findable_and_one_made_a_draft_again_leaves_with_its_sessions():
    event = EventFactory(title="Nätverksträff i Malmö")
    with_session(event)
    event_index(event.pk)
    event.status = Event.Status.CANCELLED
    event.save()
    event_index(event.pk)
    assert titles("nätverksträff", "event") == ["Nätverksträff i Malmö"]

    event.status = Event.Status.DRAFT
    event.save()
    event_index(event.pk)

    assert titles("nätverksträff", "event") == [] and titles("jobcentres", "session") == []


def test_a_session_is_found_by_its_title_description_and_speakers_and_leads_to_the_programme():
    event = EventFactory(title="Aarhus afternoon", slug="aarhus")
    session = with_session(event)
    session_index(session.pk)

    for query in ("jobcentres", "match", "Holst", "CABI", "responsible", "Aarhus"):
        assert titles(query, "session") == ["Jobcentres and social enterprises"], query
    result = search(query="jobcentres", kinds=["session"], limit=1)[0][0]
    assert result.url == reverse("events:programme", args=["aarhus"]) + f"#session-{session.pk}"


def test_unindexing_takes_an_event_and_its_sessions_out():
    event = EventFactory(title="Future Battles")
    session = with_session(event)
    other = with_session(EventFactory(), title="Another session")
    event_index(event.pk)
    session_index(other.pk)

    event_unindex(event.pk, session_ids=[session.pk])
    session_unindex(other.pk)

    assert not SearchEntry.objects.filter(kind__in=["event", "session"]).exists()


def test_indexing_a_deleted_event_or_session_takes_it_out():
    event = EventFactory(title="Future Battles")
    session = with_session(event)
    event_index(event.pk)
    session_id, event_id = session.pk, event.pk
    session.delete()
    session_index(session_id)
    assert not SearchEntry.objects.filter(kind="session").exists()
    event.delete()
    event_index(event_id)
    assert not SearchEntry.objects.filter(kind="event").exists()


def test_a_rebuild_indexes_every_published_event_and_its_sessions():
    with_session(EventFactory(title="Published"))
    with_session(EventFactory(title="Draft", status=Event.Status.DRAFT), title="Draft session")

    counts = search_index_rebuild(kinds=["event", "session"])

    assert counts == {"event": 1, "session": 1}
    assert titles("published", "event") == ["Published"]

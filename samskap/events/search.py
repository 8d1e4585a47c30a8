"""Events and programme sessions in search.

Registered in EventsConfig.ready. Drafts are never found; a published or cancelled event is, with its
sessions. The event services keep the index current after each commit with

    transaction.on_commit(partial(event_index, event_id=event.pk))        # created, changed, published
    transaction.on_commit(partial(event_unindex, event_id=event.pk, session_ids=[...]))  # before a delete
    transaction.on_commit(partial(session_index, session_id=session.pk))  # a session added or changed
    transaction.on_commit(partial(session_unindex, session_id=session.pk))  # a session deleted
"""

from collections.abc import Iterable
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from samskap.core.models import Theme
from samskap.core.search import register_search_kind, search_index_delete, search_index_update

from .models import Event, EventKind, ProgrammeSession


@cache
def _kind_labels(kind: str) -> str:
    """An event kind in every UI language, so "nätverksträff", "nettverkssamling" and "network meeting" all find it."""
    labels = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels.append(str(EventKind(kind).label))
    return " ".join(dict.fromkeys(labels))


def _theme_labels(themes: Iterable[Theme]) -> str:
    return " ".join(" ".join(dict.fromkeys(str(label) for label in theme.labels.values())) for theme in themes)


def _when(event: Event) -> str:
    """The start date in the event's own time zone, written the same in every language (2026-02-12)."""
    return localtime(event.start, ZoneInfo(event.time_zone)).date().isoformat()


def _where(event: Event) -> str:
    names = [event.venue_name, event.venue_address]
    if event.place_id:
        names += [event.place.name, event.place.name_en]
        if event.place.parent_id:
            names += [event.place.parent.name]
    return ", ".join(dict.fromkeys(name for name in names if name))


def events_for_search():
    return (Event.objects.published().select_related("place__parent")
            .prefetch_related("themes", "organisers"))


def event_document(event: Event) -> dict | None:
    if event.status == Event.Status.DRAFT:
        return None
    return {
        "title": event.title,
        "body": "\n".join(text for text in (f"{_when(event)} · {_where(event)}".strip(" ·"), event.summary,
                                            event.description, event.outcome_summary) if text),
        "keywords": " ".join((_kind_labels(event.kind), _theme_labels(event.themes.all()),
                              " ".join(organisation.name for organisation in event.organisers.all()))),
        "url": event.get_absolute_url(),
        "language": event.language,
    }


def sessions_for_search():
    return (ProgrammeSession.objects.filter(event__in=Event.objects.published())
            .select_related("event").prefetch_related("speakers"))


def session_url(session: ProgrammeSession) -> str:
    """The event's programme page, at the session."""
    return reverse("events:programme", args=[session.event.slug]) + f"#session-{session.pk}"


def session_document(session: ProgrammeSession) -> dict | None:
    event = session.event
    if event.status == Event.Status.DRAFT:
        return None
    speakers = list(session.speakers.all())
    return {
        "title": session.title,
        "body": "\n".join(text for text in (
            f"{event.title} · {_when(event)}",
            ", ".join(f"{s.name} ({s.organisation_name})" if s.organisation_name else s.name for s in speakers),
            session.room, session.description) if text),
        "keywords": " ".join(s.bio for s in speakers if s.bio)[:2000],
        "url": session_url(session),
        "language": event.language,
    }


register_search_kind("event", label=_("Events"), queryset_fn=events_for_search, document_fn=event_document)
register_search_kind("session", label=_("Programme sessions"), queryset_fn=sessions_for_search,
                     document_fn=session_document)


# -------------------------------------------------------------------------------------------------
# Keeping the index current: called by the event and programme services on commit.


def event_index(event_id: int) -> None:
    """Index the event and its sessions afresh, or take them out of the index when it is a draft or gone."""
    event = (Event.objects.select_related("place__parent")
             .prefetch_related("themes", "organisers",
                               Prefetch("sessions", queryset=ProgrammeSession.objects.prefetch_related("speakers")))
             .filter(pk=event_id).first())
    if event is None:
        search_index_delete(kind="event", object_id=event_id)
        return
    search_index_update(kind="event", obj=event)
    for session in event.sessions.all():
        session.event = event
        search_index_update(kind="session", obj=session)


def event_unindex(event_id: int, session_ids: Iterable[int] = ()) -> None:
    """Take an event and the sessions given out of the index (for a deleted event, whose sessions are gone)."""
    search_index_delete(kind="event", object_id=event_id)
    for session_id in session_ids:
        search_index_delete(kind="session", object_id=session_id)


def session_index(session_id: int) -> None:
    """Index one session afresh (its event's status decides whether it may be found)."""
    session = (ProgrammeSession.objects.select_related("event").prefetch_related("speakers")
               .filter(pk=session_id).first())
    if session is None:
        search_index_delete(kind="session", object_id=session_id)
    else:
        search_index_update(kind="session", obj=session)


def session_unindex(session_id: int) -> None:
    search_index_delete(kind="session", object_id=session_id)

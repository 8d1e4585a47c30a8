"""Reads for the programme, speaker, stand and summary pages. Each runs a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from zoneinfo import ZoneInfo

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.utils.timezone import localtime

from samskap.actors.models import Membership, Organisation
from samskap.actors.permissions import remember_memberships

from .models import Event, EventFile, ProgrammeSession, Speaker, Stand

MATCHING_ORGANISATIONS = 10


@dataclass
class ProgrammeDay:
    day: date
    sessions: list[ProgrammeSession]
    rooms: list[str] = field(default_factory=list)


@dataclass
class Programme:
    days: list[ProgrammeDay]
    sessions: list[ProgrammeSession]
    event_files: list[EventFile]   # files of the event as a whole, not of one session (summary photos too)

    @property
    def documents(self) -> list[EventFile]:
        """The event's own slides and documents, without the summary's photos."""
        return [event_file for event_file in self.event_files if event_file.kind != EventFile.Kind.PHOTO]


def event_get(*, slug: str, viewer=None) -> Event:
    """The event with this slug (raises Event.DoesNotExist), with the number of its stands.

    Its organisers come along with the viewer's membership of each, remembered for the permission
    checks, so deciding who may edit runs no further query.
    """
    organisers = Organisation.objects.all()
    if viewer is not None and viewer.is_authenticated:
        mine = Membership.objects.filter(organisation=OuterRef("pk"), user=viewer)
        organisers = organisers.annotate(viewer_role=Subquery(mine.values("role")[:1]),
                                         viewer_status=Subquery(mine.values("status")[:1]))
    event = (Event.objects.prefetch_related(Prefetch("organisers", queryset=organisers))
             .annotate(stand_count=Count("stands")).get(slug=slug))
    if viewer is not None and viewer.is_authenticated:
        for organisation in event.organisers.all():
            memberships = [Membership(organisation=organisation, user_id=viewer.pk, role=organisation.viewer_role,
                                      status=organisation.viewer_status)] if organisation.viewer_role else []
            remember_memberships(organisation, memberships, viewer=viewer)
    return event


def programme_get(*, event: Event) -> Programme:
    """The sessions with speakers and files, grouped by day in the event's own time zone, with the rooms in use.

    Each session's files are in ``session.downloads``. Three queries, however long the programme.
    """
    files_by_session: dict[int | None, list[EventFile]] = defaultdict(list)
    for event_file in event.files.order_by("created_at", "id"):
        event_file.event = event
        files_by_session[event_file.session_id].append(event_file)
    sessions = list(event.sessions.order_by("start", "room", "id")
                    .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.order_by("name", "id"))))
    for session in sessions:
        session.event = event   # spare a query per session wherever its event is read
        session.downloads = files_by_session.get(session.pk, [])
    zone = ZoneInfo(event.time_zone)
    days = []
    for day, group in groupby(sessions, key=lambda session: localtime(session.start, zone).date()):
        day_sessions = list(group)
        rooms = list(dict.fromkeys(session.room for session in day_sessions if session.room))
        days.append(ProgrammeDay(day=day, sessions=day_sessions, rooms=rooms))
    return Programme(days=days, sessions=sessions, event_files=files_by_session.get(None, []))


def speaker_get(*, event: Event, slug: str) -> Speaker:
    """A speaker of the event with their sessions (and the sessions' files); raises Speaker.DoesNotExist."""
    speaker = (Speaker.objects.filter(event=event)
               .prefetch_related(Prefetch("sessions", queryset=ProgrammeSession.objects.order_by("start", "id")
                                          .prefetch_related(Prefetch("files", queryset=EventFile.objects
                                                                     .order_by("created_at", "id")))))
               .get(slug=slug))
    speaker.event = event
    for session in speaker.sessions.all():
        session.event, session.downloads = event, list(session.files.all())
    return speaker


def speakers(*, event: Event) -> list[Speaker]:
    return list(event.speakers.select_related("user").order_by("name", "id"))


def files_without_session(*, event: Event) -> list[EventFile]:
    """Files of the event as a whole: the summary's photos, then documents and slides not tied to a session."""
    return list(event.files.filter(session__isnull=True).order_by("-kind", "created_at", "id"))


def stands(*, event: Event) -> list[Stand]:
    return list(event.stands.select_related("organisation").order_by("organisation__name", "id"))


def organisations_matching(*, query: str) -> list[Organisation]:
    """A few directory organisations whose name contains `query`, for choosing who presents themselves."""
    query = query.strip()
    if not query:
        return []
    return list(Organisation.objects.listed().filter(name__icontains=query).order_by("name", "pk")
                [:MATCHING_ORGANISATIONS])


def event_file_get(*, event: Event, pk: int) -> EventFile:
    """One of the event's files (raises EventFile.DoesNotExist)."""
    event_file = EventFile.objects.get(event=event, pk=pk)
    event_file.event = event
    return event_file


def session_get(*, event: Event, pk: int) -> ProgrammeSession:
    session = ProgrammeSession.objects.prefetch_related("speakers").get(event=event, pk=pk)
    session.event = event
    return session


def speaker_by_pk(*, event: Event, pk: int) -> Speaker:
    speaker = Speaker.objects.select_related("user").get(event=event, pk=pk)
    speaker.event = event
    return speaker


def stand_get(*, event: Event, pk: int) -> Stand:
    stand = Stand.objects.select_related("organisation").get(event=event, pk=pk)
    stand.event = event
    return stand

"""/api/v1/events and /api/v1/me/registrations: events for scripts and calendars of other sites.

Thin, like the pages: the list's filter form checks the filters (a wrong value is a 422 naming the
filter, in the caller's language), the events app's selectors read, the rules decide who sees what.
Events are named by slug, as in the pages' addresses.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.actors.models import ContentLanguage
from samskap.events import selectors, selectors_feeds, selectors_organiser, selectors_programme
from samskap.events.forms import EventFilterForm
from samskap.events.models import Event, EventKind, Registration
from samskap.events.search import session_url

from .directory import OPEN, OPEN_SECURITY, _checked
from .directory_schemas import one_of
from .events_schemas import EventDetailOut, EventOut, MyRegistrationOut, ParticipantOut, SessionOut
from .schemas import Message

router = Router(tags=["events"])


def _event_or_404(request, slug: str) -> Event:
    try:
        return selectors.event_get(slug=slug, viewer=request.auth)
    except Event.DoesNotExist:
        raise Http404 from None


def _local(event: Event, value: datetime | None) -> datetime | None:
    return localtime(value, ZoneInfo(event.time_zone)) if value is not None else None


def _venue(event: Event) -> dict | None:
    if not (event.venue_name or event.venue_address or event.place_id):
        return None
    return {"name": event.venue_name, "address": event.venue_address, "room": event.room, "place": event.place,
            "latitude": float(event.latitude) if event.latitude is not None else None,
            "longitude": float(event.longitude) if event.longitude is not None else None,
            "accessibility": event.accessibility}


def _organisation_ref(organisation) -> dict:
    return {"id": organisation.pk, "url": organisation.get_absolute_url(), "slug": organisation.slug,
            "name": organisation.name}


def _event(event: Event, *, organisers, themes, places_taken: int) -> dict:
    return {
        **{name: getattr(event, name) for name in (
            "id", "slug", "title", "kind", "summary", "language", "status", "time_zone", "organised_by_hub",
            "pricing", "currency", "capacity", "cover_alt")},
        "url": event.get_absolute_url(),
        "start": _local(event, event.start),
        "end": _local(event, event.end),
        "venue": _venue(event),
        "online": bool(event.online_url),
        "organisers": [_organisation_ref(organisation) for organisation in organisers],
        "themes": list(themes),
        "places_left": max(event.capacity - places_taken, 0) if event.capacity is not None else None,
        "registration": event.registration_state,
        "cover_image_url": event.cover_image.url if event.cover_image else None,
        "ics_url": reverse("events:event_ics", args=[event.slug]),
    }


class EventFilters(Schema):
    when: str = Field("upcoming", json_schema_extra={"enum": ["upcoming", "past"]},
                      description="Upcoming (not yet ended, soonest first) or past (latest first).")
    kind: str = one_of(EventKind, "", description="A kind of event.")
    place: str = Field("", description="A place's slug: events there and in the places within it.")
    theme: str = Field("", description="A theme's slug.")
    organiser: str = Field("", description="An organisation's slug, or `hub` for the hub's own events.")
    price: str = Field("", json_schema_extra={"enum": ["", "free", "paid"]},
                       description="`free`, or `paid` for ticket prices and pay what you can.")
    language: str = one_of(ContentLanguage, "", description="The language the event is held in.")


class EventPage:
    """One page of the list, built from the selector's prefetched rows."""

    def __init__(self, events):
        self.events = events

    def __getitem__(self, window: slice) -> list[dict]:
        return [_event(event, organisers=event.organisers.all(), themes=event.themes.all(),
                       places_taken=event.places_taken) for event in self.events[window]]

    def __len__(self) -> int:
        return self.events.count()


@router.get("/events", response={200: list[EventOut], 401: Message, 422: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="Events",
            description="The events of the hub with the filters of its page. Organisers also see their drafts.")
@paginate(LimitOffsetPagination)
def event_list(request, filters: Query[EventFilters]):
    data = filters.dict()
    when = data.pop("when")
    if when not in ("upcoming", "past"):
        raise ValidationError({"when": _("Choose upcoming or past.")})
    form = EventFilterForm(data, themes=selectors.filter_themes(), organisers=selectors.organiser_choices())
    _checked(form)
    return EventPage(selectors.event_list(when=when, viewer=request.auth,
                                          **{name: value for name, value in form.cleaned_data.items() if value}))


@router.get("/events/{slug}", response={200: EventDetailOut, 401: Message, 404: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="An event",
            description="With venue, times, organisers, prices and places left. The online link only to those "
                        "registered and the organisers.")
def event_detail(request, slug: str):
    try:
        page = selectors.event_detail(slug=slug, viewer=request.auth)
    except Event.DoesNotExist:
        raise Http404 from None
    event = page.event
    may_join = request.auth.has_perm("events.view_online_link", event)
    return {
        **_event(event, organisers=page.organisers, themes=page.themes, places_taken=page.places_taken),
        **{name: getattr(event, name) for name in (
            "description", "outcome_summary", "audience", "waiting_list", "suggested_amounts", "minimum_amount",
            "pay_by_invoice", "pay_at_venue", "participant_list_public")},
        "online_url": event.online_url if event.online_url and may_join else None,
        "registration_opens": _local(event, event.registration_opens),
        "registration_closes": _local(event, event.registration_closes),
        "ticket_types": [{
            "id": ticket.pk, "name": ticket.name, "price": ticket.price, "currency": event.currency,
            "capacity": ticket.capacity,
            "places_left": max(ticket.capacity - ticket.places_taken, 0) if ticket.capacity is not None else None,
        } for ticket in page.ticket_types],
        "public_participant_count": page.public_participant_count,
        "series": event.series.title if event.series_id else None,
        "programme_url": reverse("api-1.0.0:event_programme", args=[event.slug]),
        "participants_url": reverse("api-1.0.0:event_participants", args=[event.slug]),
    }


def _session(event: Event, session) -> dict:
    return {
        "id": session.pk, "url": session_url(session), "title": session.title, "description": session.description, "room": session.room,
        "start": _local(event, session.start), "end": _local(event, session.end), "links": session.links or [],
        "speakers": [{
            "id": speaker.pk, "slug": speaker.slug, "name": speaker.name, "organisation_name": speaker.organisation_name,
            "bio": speaker.bio, "photo_url": speaker.photo.url if speaker.photo else None,
            "url": reverse("events:speaker", args=[event.slug, speaker.slug]),
        } for speaker in session.speakers.all()],
        "files": [{
            "id": file.pk, "title": file.title, "kind": file.kind, "content_type": file.content_type,
            "size": file.size, "url": reverse("events:file_download", args=[event.slug, file.pk]),
        } for file in session.downloads],
    }


@router.get("/events/{slug}/programme", response={200: list[SessionOut], 401: Message, 404: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, url_name="event_programme", summary="An event's programme",
            description="The sessions in order of time, with their speakers, slides and files.")
@paginate(LimitOffsetPagination)
def event_programme(request, slug: str):
    event = _event_or_404(request, slug)
    return [_session(event, session) for session in selectors_programme.programme_get(event=event).sessions]


def _status_checked(status: str) -> str:
    if status and status not in Registration.Status.values:
        raise ValidationError({"status": _("“%(value)s” is not one of: %(choices)s.") % {
            "value": status[:60], "choices": ", ".join(Registration.Status.values)}})
    return status


class ParticipantPage:
    def __init__(self, registrations, *, full: bool):
        self.registrations, self.full = registrations, full

    def __getitem__(self, window: slice) -> list[dict]:
        rows = []
        for registration in self.registrations[window]:
            row = {"id": registration.pk, "name": registration.name,
                   "organisation_name": registration.organisation_name}
            if self.full:
                row.update({name: getattr(registration, name) for name in (
                    "email", "status", "amount", "currency", "payment_method", "payment_status",
                    "on_participant_list", "answers", "checked_in_at", "created_at")})
                row["ticket_type"] = registration.ticket_type.name if registration.ticket_type_id else None
            rows.append(row)
        return rows

    def __len__(self) -> int:
        return self.registrations.count()


class ParticipantFilters(Schema):
    status: str = Field("", description="Organisers only: one status (cancelled ones only when asked for).",
                        json_schema_extra={"enum": ["", *Registration.Status.values]})


@router.get("/events/{slug}/participants", response={200: list[ParticipantOut], 401: Message, 403: Message,
                                                     404: Message, 422: Message},
            auth=OPEN, openapi_extra=OPEN_SECURITY, url_name="event_participants", summary="An event's participants",
            description="The public participant list: those confirmed who chose to appear on it, with name and "
                        "organisation. The organisers get every registration with e-mail, status, payment and "
                        "answers.")
@paginate(LimitOffsetPagination)
def event_participants(request, slug: str, filters: Query[ParticipantFilters]):
    event = _event_or_404(request, slug)
    if request.auth.has_perm("events.view_registrations", event):
        status = _status_checked(filters.status)
        return ParticipantPage(selectors_organiser.registrations_for_organisers(event=event, status=status),
                               full=True)
    if not event.participant_list_public:
        raise PermissionDenied
    return ParticipantPage(selectors_organiser.participants_public(event=event), full=False)


class MyRegistrationFilters(Schema):
    status: str = Field("", description="One status; by default every registration that is not cancelled.",
                        json_schema_extra={"enum": ["", *Registration.Status.values]})


@router.get("/me/registrations", response={200: list[MyRegistrationOut], 401: Message, 422: Message},
            tags=["accounts", "events"], summary="My registrations",
            description="Your registrations, the latest event first.")
@paginate(LimitOffsetPagination)
def my_registrations(request, filters: Query[MyRegistrationFilters]):
    status = _status_checked(filters.status)
    return MyRegistrationPage(selectors_feeds.registrations_of_member(user=request.auth, status=status))


class MyRegistrationPage:
    def __init__(self, registrations):
        self.registrations = registrations

    def __getitem__(self, window: slice) -> list[dict]:
        rows = []
        for registration in self.registrations[window]:
            event = registration.event
            rows.append({
                **{name: getattr(registration, name) for name in (
                    "id", "status", "amount", "currency", "payment_status", "on_participant_list", "offer_expires_at",
                    "checked_in_at", "created_at")},
                "url": registration.get_absolute_url(),
                "ticket_type": registration.ticket_type.name if registration.ticket_type_id else None,
                "event": {"id": event.pk, "url": event.get_absolute_url(), "slug": event.slug, "title": event.title,
                          "start": _local(event, event.start), "end": _local(event, event.end),
                          "time_zone": event.time_zone, "status": event.status},
            })
        return rows

    def __len__(self) -> int:
        return self.registrations.count()

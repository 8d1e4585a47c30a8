"""Schemas of the events API: events, their programme and participants, and my registrations.

Times are ISO 8601 with the offset of the event's own time zone (`time_zone`), as the event is
announced: a meeting in Stavanger at 18:00 is "…T18:00:00+02:00" wherever the caller is. `url` is the
path of the thing's page on the site.
"""

from datetime import datetime
from decimal import Decimal

from ninja import Field, Schema

from samskap.actors.models import ContentLanguage
from samskap.events.models import Currency, Event, EventKind, Registration

from .directory_schemas import OrganisationRef, PlaceRef, ThemeRef, one_of


class VenueOut(Schema):
    name: str
    address: str
    room: str
    place: PlaceRef | None
    latitude: float | None
    longitude: float | None
    accessibility: str


class EventOut(Schema):
    id: int
    url: str
    slug: str
    title: str
    kind: str = one_of(EventKind)
    summary: str
    language: str = one_of(ContentLanguage)
    status: str = one_of(Event.Status)
    start: datetime = Field(description="In the event's time zone, with its offset.")
    end: datetime = Field(description="In the event's time zone, with its offset.")
    time_zone: str = Field(description="The IANA time zone of the event, e.g. Europe/Oslo.")
    venue: VenueOut | None = Field(description="Where it takes place; null for an online-only event.")
    online: bool = Field(description="Whether it can be joined online (registered participants get the link).")
    organisers: list[OrganisationRef]
    organised_by_hub: bool
    themes: list[ThemeRef]
    pricing: str = one_of(Event.Pricing)
    currency: str = one_of(Currency)
    capacity: int | None = Field(description="Places in all; null for no limit.")
    places_left: int | None = Field(description="Null for no limit.")
    registration: str = Field(description="Whether one may register now.", json_schema_extra={
        "enum": ["open", "not_yet", "closed", "off", "cancelled", "draft"]})
    cover_image_url: str | None
    cover_alt: str
    ics_url: str = Field(description="The event as an iCalendar file.")


class TicketTypeOut(Schema):
    id: int
    name: str
    price: Decimal
    currency: str = one_of(Currency)
    capacity: int | None
    places_left: int | None


class EventDetailOut(EventOut):
    description: str
    outcome_summary: str = Field(description="After the event: what happened and what came out of it.")
    online_url: str | None = Field(description="Only to registered participants and the organisers.")
    registration_opens: datetime | None
    registration_closes: datetime | None
    audience: str = one_of(Event.Audience)
    waiting_list: bool
    ticket_types: list[TicketTypeOut]
    suggested_amounts: list[Decimal] = Field(description="For pay what you can.")
    minimum_amount: Decimal
    pay_by_invoice: bool
    pay_at_venue: bool
    participant_list_public: bool
    public_participant_count: int = Field(description="How many appear on the public participant list.")
    series: str | None = Field(description="The title of the series the event belongs to.")
    programme_url: str = Field(description="The API list of the programme's sessions.")
    participants_url: str = Field(description="The API participant list.")


class SpeakerOut(Schema):
    id: int
    url: str
    slug: str
    name: str
    organisation_name: str
    bio: str
    photo_url: str | None


class SessionFileOut(Schema):
    id: int
    url: str = Field(description="Downloads the file.")
    title: str
    kind: str
    content_type: str
    size: int


class SessionOut(Schema):
    id: int
    url: str = Field(description="The session on the event's programme page.")
    title: str
    description: str
    start: datetime
    end: datetime
    room: str = Field(description="The room or track.")
    speakers: list[SpeakerOut]
    files: list[SessionFileOut] = Field(description="Slides and other files.")
    links: list = Field(description="Links given with the session.")


ORGANISERS_ONLY = "Only to the organisers."


class ParticipantOut(Schema):
    """A participant: on the public list with name and organisation (shown with their consent); the organisers
    see every registration with the rest."""

    id: int
    name: str
    organisation_name: str
    email: str | None = Field(None, description=ORGANISERS_ONLY)
    status: str | None = Field(None, description=ORGANISERS_ONLY,
                               json_schema_extra={"enum": [*Registration.Status.values, None]})
    ticket_type: str | None = Field(None, description=ORGANISERS_ONLY)
    amount: Decimal | None = Field(None, description=ORGANISERS_ONLY)
    currency: str | None = Field(None, description=ORGANISERS_ONLY)
    payment_method: str | None = Field(None, description=ORGANISERS_ONLY)
    payment_status: str | None = Field(None, description=ORGANISERS_ONLY)
    on_participant_list: bool | None = Field(None, description=ORGANISERS_ONLY)
    answers: dict | None = Field(None, description=f"Keyed by the question's id. {ORGANISERS_ONLY}")
    checked_in_at: datetime | None = Field(None, description=ORGANISERS_ONLY)
    created_at: datetime | None = Field(None, description=ORGANISERS_ONLY)


class EventRef(Schema):
    id: int
    url: str
    slug: str
    title: str
    start: datetime
    end: datetime
    time_zone: str
    status: str = one_of(Event.Status)


class MyRegistrationOut(Schema):
    id: int
    url: str = Field(description="Your registration's own page: view it, change your answers or cancel.")
    event: EventRef
    status: str = one_of(Registration.Status)
    ticket_type: str | None
    amount: Decimal
    currency: str = one_of(Currency)
    payment_status: str = one_of(Registration.PaymentStatus)
    on_participant_list: bool
    offer_expires_at: datetime | None = Field(description="When a waiting-list offer runs out.")
    checked_in_at: datetime | None
    created_at: datetime

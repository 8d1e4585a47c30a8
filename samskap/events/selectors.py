"""Reads for the event pages. Each runs a fixed number of queries, whatever the number of rows."""

import calendar
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from samskap.actors.models import Membership, Organisation
from samskap.actors.permissions import remember_memberships
from samskap.core.models import Place, Theme
from samskap.core.permissions import is_facilitator, is_hub_admin, is_member
from samskap.core.selectors import themes_for_filters

from .models import Event, Registration, TicketType

Organisers = Event.organisers.through
Themes = Event.themes.through
VISIBLE = [Event.Status.PUBLISHED, Event.Status.CANCELLED]
ORGANISER_CHOICES_CACHE_KEY = "samskap:events:organiser-choices:v1"
ORGANISER_CHOICES_MAX = 100
ORGANISER_CHOICES_TIMEOUT = 300  # also bounds how long a change made elsewhere (admin, imports) waits


def _places_within(slug: str) -> QuerySet:
    """The place and every place below it (country → region → municipality → neighbourhood)."""
    return Place.objects.filter(
        Q(slug=slug) | Q(parent__slug=slug) | Q(parent__parent__slug=slug) | Q(parent__parent__parent__slug=slug)
    ).values("pk")


def _count(queryset: QuerySet) -> Subquery:
    """A correlated COUNT(*) as an integer annotation (0 when there are no rows)."""
    return Coalesce(Subquery(queryset.order_by().values("event_id").annotate(n=Count("pk")).values("n"),
                             output_field=IntegerField()), Value(0))


def _places_taken() -> Subquery:
    return _count(Registration.objects.holding_a_place().filter(event_id=OuterRef("pk")))


def visible_events(viewer=None) -> QuerySet[Event]:
    """Published and cancelled events, and the drafts `viewer` runs (their own, their organisations', the hub's)."""
    visible = Q(status__in=VISIBLE)
    if is_hub_admin(viewer):
        return Event.objects.all()
    if is_member(viewer):
        administered = Organisers.objects.filter(
            organisation__memberships__user=viewer, organisation__memberships__role=Membership.Role.ADMIN,
            organisation__memberships__status=Membership.Status.ACTIVE,
        ).values("event_id")
        runs = Q(created_by=viewer) | Q(pk__in=administered)
        if is_facilitator(viewer):
            runs |= Q(organised_by_hub=True)
        visible |= Q(status=Event.Status.DRAFT) & runs
    return Event.objects.filter(visible)


def _filtered(events: QuerySet, *, kind: str = "", place: str = "", theme: str = "", organiser: str = "",
              price: str = "", language: str = "") -> QuerySet:
    if kind:
        events = events.filter(kind=kind)
    if place:
        events = events.filter(place_id__in=_places_within(place))
    if theme:
        events = events.filter(pk__in=Themes.objects.filter(theme__slug=theme).values("event_id"))
    if organiser == "hub":
        events = events.filter(organised_by_hub=True)
    elif organiser:
        events = events.filter(pk__in=Organisers.objects.filter(organisation__slug=organiser).values("event_id"))
    if price == "free":
        events = events.filter(pricing=Event.Pricing.FREE)
    elif price == "paid":
        events = events.exclude(pricing=Event.Pricing.FREE)
    if language:
        events = events.filter(language=language)
    return events


def _for_cards(events: QuerySet) -> QuerySet:
    return events.select_related("place__parent").prefetch_related(
        Prefetch("organisers", queryset=Organisation.objects.only("name", "slug").order_by("name")),
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
    ).annotate(places_taken=_places_taken(), lowest_price=Subquery(
        TicketType.objects.filter(event_id=OuterRef("pk")).order_by("price").values("price")[:1]),
        lowest_paid_price=Subquery(
            TicketType.objects.filter(event_id=OuterRef("pk"), price__gt=0).order_by("price").values("price")[:1]))


def event_list(*, when: str = "upcoming", kind: str = "", place: str = "", theme: str = "", organiser: str = "",
               price: str = "", language: str = "", viewer=None) -> QuerySet[Event]:
    """Events for /events/: upcoming (not yet ended, soonest first) or past (latest first), filtered.

    `place` includes the places within it; `organiser` is an organisation's slug or "hub";
    `price` is "free" or "paid" (tickets or pay what you can).
    """
    now = timezone.now()
    events = _filtered(visible_events(viewer), kind=kind, place=place, theme=theme, organiser=organiser,
                       price=price, language=language)
    if when == "past":
        events = events.filter(end__lt=now).order_by("-start", "-pk")
    else:
        events = events.filter(end__gte=now).order_by("start", "pk")
    return _for_cards(events)


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)


@dataclass
class MonthView:
    year: int
    month: int
    first: datetime.date
    weeks: list[list[CalendarDay]]
    previous: datetime.date
    next: datetime.date
    count: int


def event_month(*, year: int, month: int, filters: dict | None = None, viewer=None) -> MonthView:
    """A calendar of one month, Monday first: each day with the events on it, on the event's local dates.

    An event of several days appears on each of them.
    """
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    weeks_dates = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    grid_first, grid_last = weeks_dates[0][0], weeks_dates[-1][-1]
    # A day's margin on each side: the local date of an event can differ from its UTC date.
    utc = datetime.UTC
    lower = datetime.datetime.combine(grid_first - datetime.timedelta(days=1), datetime.time.min, utc)
    upper = datetime.datetime.combine(grid_last + datetime.timedelta(days=2), datetime.time.min, utc)
    events = _filtered(visible_events(viewer), **(filters or {})).filter(start__lt=upper, end__gte=lower)
    events = list(events.select_related("place").order_by("start", "pk"))
    by_day: dict[datetime.date, list[Event]] = {}
    in_month = set()
    for event in events:
        zone = ZoneInfo(event.time_zone)
        day = timezone.localtime(event.start, zone).date()
        end_day = timezone.localtime(event.end, zone).date()
        while day <= end_day:
            if grid_first <= day <= grid_last:
                by_day.setdefault(day, []).append(event)
                if first <= day <= last:
                    in_month.add(event.pk)
            day += datetime.timedelta(days=1)
    today = timezone.localdate()
    weeks = [[CalendarDay(date=day, in_month=day.month == month, is_today=day == today, events=by_day.get(day, []))
              for day in week] for week in weeks_dates]
    return MonthView(year=year, month=month, first=first, weeks=weeks,
                     previous=(first - datetime.timedelta(days=1)).replace(day=1),
                     next=last + datetime.timedelta(days=1), count=len(in_month))


@dataclass
class EventPage:
    """What the event page shows, loaded in a fixed number of queries."""

    event: Event
    organisers: list[Organisation]
    themes: list[Theme]
    ticket_types: list[TicketType]
    places_taken: int
    places_left: int | None
    public_participant_count: int
    viewer_registration: Registration | None = None

    @property
    def event_has_ended(self) -> bool:
        return self.event.end < timezone.now()


def event_get(*, slug: str, viewer=None) -> Event:
    """The event at `slug` if `viewer` may see it; raises Event.DoesNotExist (drafts are only for their organisers)."""
    return visible_events(viewer).select_related("place__parent", "series").get(slug=slug)


def event_detail(*, slug: str, viewer=None) -> EventPage:
    """The event, its organisers and themes, places left (per ticket type too), the viewer's registration and
    how many chose to appear on the public participant list. Raises Event.DoesNotExist."""
    public = Registration.objects.filter(event_id=OuterRef("pk"), status=Registration.Status.CONFIRMED,
                                         on_participant_list=True)
    organisers = Organisation.objects.order_by("name")
    member = is_member(viewer)
    if member:
        # The viewer's membership of each organiser comes along, so the page's permission checks ask no more.
        mine = Membership.objects.filter(organisation_id=OuterRef("pk"), user=viewer)
        organisers = organisers.annotate(viewer_role=Subquery(mine.values("role")[:1]),
                                         viewer_status=Subquery(mine.values("status")[:1]))
    event = (visible_events(viewer).select_related("place__parent", "series")
             .prefetch_related(Prefetch("organisers", queryset=organisers),
                               Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")))
             .annotate(places_taken=_places_taken(), public_count=_count(public))
             .get(slug=slug))
    ticket_types = []
    if event.pricing == Event.Pricing.TICKETS:
        ticket_types = list(event.ticket_types.annotate(places_taken=Count(
            "registrations", filter=Q(registrations__status__in=Registration.HOLDING_A_PLACE))))
        for ticket in ticket_types:
            ticket.places_left = (max(ticket.capacity - ticket.places_taken, 0) if ticket.capacity is not None
                                  else None)
    viewer_registration = None
    if member:
        viewer_registration = (Registration.objects.filter(event=event, user=viewer)
                               .exclude(status=Registration.Status.CANCELLED).select_related("ticket_type").first())
        for organisation in event.organisers.all():
            memberships = [Membership(organisation_id=organisation.pk, user_id=viewer.pk,
                                      role=organisation.viewer_role, status=organisation.viewer_status)
                           ] if organisation.viewer_role else []
            remember_memberships(organisation, memberships, viewer=viewer)
    places_left = max(event.capacity - event.places_taken, 0) if event.capacity is not None else None
    return EventPage(
        event=event, organisers=list(event.organisers.all()), themes=list(event.themes.all()),
        ticket_types=ticket_types, places_taken=event.places_taken, places_left=places_left,
        public_participant_count=event.public_count if event.participant_list_public else 0,
        viewer_registration=viewer_registration,
    )


def organisation_events(*, organisation: Organisation, limit: int = 5) -> list[Event]:
    """The organisation's next published events, soonest first, for its page."""
    events = (Event.objects.filter(status=Event.Status.PUBLISHED, end__gte=timezone.now(),
                                   pk__in=Organisers.objects.filter(organisation=organisation).values("event_id"))
              .select_related("place").order_by("start", "pk"))
    return list(events[:limit])


def organiser_choices() -> list[tuple[str, str]]:
    """The filter's organisers: the ORGANISER_CHOICES_MAX organisations with the most published events that
    have not yet ended (a select of every organiser a large hub ever had would be unusable and slow), by name.

    Cached for ORGANISER_CHOICES_TIMEOUT (events pass with time) and cleared by the event services.
    Another organisation's slug in the query string still filters: see `organiser_choice`.
    """
    choices = cache.get(ORGANISER_CHOICES_CACHE_KEY)
    if choices is None:
        busiest = (Organisers.objects.filter(event__status__in=VISIBLE, event__end__gte=timezone.now())
                   .values("organisation_id").annotate(events=Count("event_id")).order_by("-events")
                   .values("organisation_id")[:ORGANISER_CHOICES_MAX])
        choices = list(Organisation.objects.filter(pk__in=busiest).order_by("name").values_list("slug", "name"))
        cache.set(ORGANISER_CHOICES_CACHE_KEY, choices, ORGANISER_CHOICES_TIMEOUT)
    return choices


def organiser_choice(slug: str) -> tuple[str, str] | None:
    """(slug, name) of a listed organisation, for a filter link from its page when it is not among the choices."""
    found = Organisation.objects.listed().filter(slug=slug).values_list("slug", "name").first()
    return tuple(found) if found else None


def organiser_choices_forget() -> None:
    cache.delete(ORGANISER_CHOICES_CACHE_KEY)


def filter_themes() -> list[Theme]:
    return themes_for_filters()

"""Reads for the calendar feeds (which events a feed holds, and a cheap version of it for caching) and
for a member's own registrations.

A feed holds the published and cancelled events (a cancelled one tells calendars to remove it) that
ended at most FEED_PAST_DAYS ago, soonest first, at most FEED_MAX_EVENTS of them.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from samskap.actors.models import Organisation
from samskap.core.models import Place, Theme

from .models import CalendarToken, Event, Registration
from .selectors import VISIBLE, _filtered

FEED_PAST_DAYS = 30
FEED_MAX_EVENTS = 500  # about 250 kB; a year of a busy hub
# The registrations that belong in a personal calendar: those holding a place.
PERSONAL_STATUSES = Registration.HOLDING_A_PLACE


def _window(events: QuerySet) -> QuerySet:
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return events.filter(end__gte=since)


def feed_events(*, organisation: str = "", theme: str = "", place: str = "") -> QuerySet[Event]:
    """The hub's public events for a feed: all of them, or an organisation's, a theme's or a place's
    (the place and the places within it). Filters are slugs."""
    events = _filtered(Event.objects.filter(status__in=VISIBLE), organiser=organisation, theme=theme, place=place)
    return _window(events).order_by("start", "pk")


def personal_feed_events(*, user) -> QuerySet[Event]:
    """The events `user` holds a place at (confirmed, or an open waiting-list offer), in the window."""
    registered = Registration.objects.filter(user=user, status__in=PERSONAL_STATUSES).values("event_id")
    return _window(Event.objects.filter(status__in=VISIBLE, pk__in=registered)).order_by("start", "pk")


def personal_registrations(*, user, events: list[Event]) -> dict[int, Registration]:
    """{event id: the user's registration} for the events of a personal feed."""
    registrations = Registration.objects.filter(user=user, status__in=PERSONAL_STATUSES,
                                                event_id__in=[event.pk for event in events])
    return {registration.event_id: registration for registration in registrations}


@dataclass(frozen=True)
class FeedVersion:
    """Changes whenever what a feed shows changes: an event added, changed, cancelled or gone."""

    count: int
    changed: datetime.datetime | None
    registrations_changed: datetime.datetime | None = None

    def __str__(self) -> str:
        stamps = [str(self.count)] + [value.isoformat() if value else "-"
                                      for value in (self.changed, self.registrations_changed)]
        return ":".join(stamps)


def feed_version(events: QuerySet[Event], *, user=None) -> FeedVersion:
    """One query (two for a personal feed): how many events the feed holds and when the latest changed."""
    found = events.order_by().aggregate(count=Count("pk"), changed=Max("updated_at"))
    registrations_changed = None
    if user is not None:
        registrations_changed = Registration.objects.filter(user=user).aggregate(
            changed=Max("updated_at"))["changed"]
    return FeedVersion(count=found["count"], changed=found["changed"],
                       registrations_changed=registrations_changed)


def registrations_of_member(*, user, status: str = "") -> QuerySet[Registration]:
    """The member's registrations, the latest event first: of one status, or every one not cancelled."""
    registrations = Registration.objects.filter(user=user).select_related("event", "ticket_type")
    registrations = (registrations.filter(status=status) if status
                     else registrations.exclude(status=Registration.Status.CANCELLED))
    return registrations.order_by("-event__start", "-pk")


def registration_of(*, event: Event, user) -> Registration | None:
    """The member's live registration for the event (for their copy of its .ics), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user).exclude(status=Registration.Status.CANCELLED).first()


def feed_organisation_get(*, slug: str) -> Organisation:
    return Organisation.objects.listed().only("pk", "slug", "name").get(slug=slug)


def feed_theme_get(*, slug: str) -> Theme:
    return Theme.objects.get(slug=slug)


def feed_place_get(*, slug: str) -> Place:
    return Place.objects.only("pk", "slug", "name").get(slug=slug)


def calendar_token_find(*, token: str) -> CalendarToken:
    """The active member's calendar token; raises CalendarToken.DoesNotExist."""
    return CalendarToken.objects.select_related("user").get(token=token, user__is_active=True)

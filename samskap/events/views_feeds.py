"""Calendar feeds (RFC 5545): the hub's events, an organisation's, a theme's, a place's, one event, and a
member's own registrations at a secret address. Calendars poll feeds, so each answers with an ETag
(a 304 when nothing changed) and may be cached for a short while; the body of a public feed is kept in
the cache until one of its events changes.
"""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samskap.actors.models import Organisation
from samskap.core.fragments import DIRECTORY, EVENTS, generation
from samskap.core.models import Place, Theme
from samskap.core.http import etag_for
from samskap.core.selectors import hub_settings_get

from . import selectors, selectors_feeds, services_feeds
from .ical import event_ics, events_calendar
from .models import CalendarToken, Event

FEED_MAX_AGE = 15 * 60
BODY_TIMEOUT = 60 * 60
CONTENT_TYPE = "text/calendar; charset=utf-8"


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _calendar_response(request, *, key: str, events, name: str, filename: str, user=None,
                       private: bool = False) -> HttpResponse:
    """The feed of `events`, or 304 when the caller has it already; the body is built once per version.

    A public feed's version is the events and directory generations (samskap.core.fragments: any write
    to an event or to the names it shows) and the day (the window moves daily): no query at all. A
    personal feed asks the database, for its registrations have no generation.
    """
    if private:
        version = selectors_feeds.feed_version(events, user=user)
    else:
        version = (generation(EVENTS), generation(DIRECTORY), timezone.localdate().isoformat())
    base_url = _base_url(request)
    etag = etag_for(key, version, translation.get_language(), base_url, name)
    response = get_conditional_response(request, etag=etag)
    if response is None:
        cache_key = f"samskap:events:feed:{etag.strip(chr(34))}"
        body = None if private else cache.get(cache_key)
        if body is None:
            listed = list(events[:selectors_feeds.FEED_MAX_EVENTS])
            registrations = (selectors_feeds.personal_registrations(user=user, events=listed)
                             if user is not None else None)
            body = events_calendar(listed, name=name, base_url=base_url, registrations_by_event=registrations)
            if not private:
                cache.set(cache_key, body, BODY_TIMEOUT)
        response = HttpResponse(body, content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    if private:
        patch_cache_control(response, private=True, max_age=FEED_MAX_AGE)
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
    else:
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def _hub_name() -> str:
    return hub_settings_get().name


@require_safe
def feed(request):
    return _calendar_response(request, key="hub", events=selectors_feeds.feed_events(),
                              name=_("%(hub)s: events") % {"hub": _hub_name()}, filename="events.ics")


@require_safe
def feed_organisation(request, slug: str):
    try:
        organisation = selectors_feeds.feed_organisation_get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None
    return _calendar_response(
        request, key=f"organisation:{slug}", events=selectors_feeds.feed_events(organisation=slug),
        name=_("%(hub)s: events of %(name)s") % {"hub": _hub_name(), "name": organisation.name},
        filename=f"events-{slug}.ics")


@require_safe
def feed_theme(request, slug: str):
    try:
        theme = selectors_feeds.feed_theme_get(slug=slug)
    except Theme.DoesNotExist:
        raise Http404 from None
    return _calendar_response(
        request, key=f"theme:{slug}", events=selectors_feeds.feed_events(theme=slug),
        name=_("%(hub)s: events on %(theme)s") % {"hub": _hub_name(), "theme": theme.label},
        filename=f"events-{slug}.ics")


@require_safe
def feed_place(request, slug: str):
    try:
        place = selectors_feeds.feed_place_get(slug=slug)
    except Place.DoesNotExist:
        raise Http404 from None
    return _calendar_response(
        request, key=f"place:{slug}", events=selectors_feeds.feed_events(place=slug),
        name=_("%(hub)s: events in %(place)s") % {"hub": _hub_name(), "place": place.name},
        filename=f"events-{slug}.ics")


@require_safe
def feed_personal(request, token: str):
    """A member's registrations, at an address only they know: it carries their online links."""
    try:
        user = selectors_feeds.calendar_token_find(token=token).user
    except CalendarToken.DoesNotExist:
        raise Http404 from None
    language = user.preferred_language or translation.get_language()
    with translation.override(language):
        return _calendar_response(
            request, key=f"me:{user.pk}:{token}", events=selectors_feeds.personal_feed_events(user=user),
            name=_("%(hub)s: my events") % {"hub": _hub_name()}, filename="my-events.ics", user=user,
            private=True)


@require_safe
def event_calendar(request, slug: str):
    """One event as an .ics file ("add to calendar"); a registered member's copy links their registration."""
    try:
        event = selectors.event_get(slug=slug, viewer=request.user)
    except Event.DoesNotExist:
        raise Http404 from None
    registration = selectors_feeds.registration_of(event=event, user=request.user)
    etag = etag_for("event", event.pk, event.updated_at.isoformat(), registration and registration.updated_at,
                 translation.get_language(), _base_url(request))
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(event_ics(event, base_url=_base_url(request), registration=registration),
                                content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    response["ETag"] = etag
    if request.user.is_authenticated or event.status == Event.Status.DRAFT:
        patch_cache_control(response, private=True, max_age=FEED_MAX_AGE)
    else:
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def _personal_feed_url(request, token: CalendarToken) -> str:
    return request.build_absolute_uri(reverse("events:feed_personal", args=[token.token]))


@login_required
def my_calendar(request):
    """The member's secret calendar address, how to subscribe to it, and the hub's public feeds."""
    token = services_feeds.calendar_token_get_or_create(user=request.user)
    url = _personal_feed_url(request, token)
    return render(request, "events/my_calendar.html", {
        "feed_url": url,
        "webcal_url": "webcal://" + url.split("://", 1)[1],
        "hub_feed_url": request.build_absolute_uri(reverse("events:feed")),
    })


@login_required
@require_POST
def my_calendar_renew(request):
    services_feeds.calendar_token_renew(user=request.user)
    messages.success(request, _("Your calendar has a new secret address. The old one no longer works: "
                                "subscribe to the new one in your calendar."))
    return redirect("events:my_calendar")

"""Template helpers for events: dates in the event's time zone, money per locale, map links, JSON-LD.

`{% load events %}{% organisation_events organisation %}` lists an organisation's next events on its page,
so the directory's templates show events without the directory's code importing them.
"""

import json
from decimal import Decimal
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .. import selectors
from ..models import Event

register = template.Library()

# As Django's json_script: nothing in the data can close the script element or open a comment.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def money(amount, currency: str = "") -> str:
    """An amount with its currency in the page's locale: "1,250 SEK" in English, "1 250 SEK" in Swedish."""
    if amount in (None, ""):
        return ""
    value = Decimal(str(amount))
    places = 0 if value == value.to_integral() else 2
    text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{text}\u00a0{currency}".strip()


def _local(event: Event, value):
    return timezone.localtime(value, ZoneInfo(event.time_zone))


@register.simple_tag
def event_when(event: Event) -> SafeString:
    """Start and end on the event's own clock, with machine-readable <time> elements; one date if one day."""
    start, end = _local(event, event.start), _local(event, event.end)
    start_html = format_html('<time datetime="{}">{}</time>', start.isoformat(),
                             f"{date_format(start, 'DATE_FORMAT')} {date_format(start, 'TIME_FORMAT')}")
    if start.date() == end.date():
        end_text = date_format(end, "TIME_FORMAT")
    else:
        end_text = f"{date_format(end, 'DATE_FORMAT')} {date_format(end, 'TIME_FORMAT')}"
    return format_html('{}–<time datetime="{}">{}</time>', start_html, end.isoformat(), end_text)


@register.filter
def event_weekday(event: Event) -> str:
    return date_format(_local(event, event.start), "l")


@register.filter
def event_start_time(event: Event) -> str:
    return date_format(_local(event, event.start), "TIME_FORMAT")


@register.filter
def map_url(event: Event) -> str:
    """An OpenStreetMap link: at the coordinates if given, else a search for the address."""
    if event.latitude is not None and event.longitude is not None:
        lat, lon = event.latitude, event.longitude
        return f"https://www.openstreetmap.org/?{urlencode({'mlat': lat, 'mlon': lon})}#map=17/{lat}/{lon}"
    address = ", ".join(part for part in (event.venue_name, event.venue_address) if part)
    return f"https://www.openstreetmap.org/search?{urlencode({'query': address})}" if address else ""


def _offers(page, url: str) -> list[dict]:
    event = page.event
    available = "https://schema.org/SoldOut" if page.places_left == 0 else "https://schema.org/InStock"
    base = {"@type": "Offer", "priceCurrency": event.currency, "url": url, "availability": available}
    if event.pricing == Event.Pricing.TICKETS:
        return [{**base, "name": ticket.name, "price": str(ticket.price)} for ticket in page.ticket_types]
    if event.pricing == Event.Pricing.PAY_WHAT_YOU_CAN:
        amounts = [Decimal(str(a)) for a in event.suggested_amounts or []] + [event.minimum_amount]
        return [{**base, "@type": "AggregateOffer", "lowPrice": str(event.minimum_amount),
                 "highPrice": str(max(amounts))}]
    return [{**base, "price": "0"}]


def event_json_ld_data(page, *, request, hub_name: str) -> dict:
    """schema.org Event for search engines and calendars. The online link itself stays private."""
    event = page.event
    url = request.build_absolute_uri(event.get_absolute_url())
    locations = []
    if event.venue_name or event.venue_address:
        address = {"@type": "PostalAddress", "streetAddress": event.venue_address}
        if event.place_id:
            address.update(addressLocality=event.place.name, addressCountry=event.place.country)
        location = {"@type": "Place", "name": event.venue_name or event.venue_address, "address": address}
        if event.latitude is not None and event.longitude is not None:
            location["geo"] = {"@type": "GeoCoordinates", "latitude": str(event.latitude),
                               "longitude": str(event.longitude)}
        locations.append(location)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": url})
    mode = ("Mixed" if len(locations) == 2 else "Online" if event.online_url else "Offline")
    organisers = [{"@type": "Organization", "name": o.name, "url": request.build_absolute_uri(o.get_absolute_url())}
                  for o in page.organisers]
    if event.organised_by_hub:
        organisers.insert(0, {"@type": "Organization", "name": hub_name, "url": request.build_absolute_uri("/")})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or event.description[:500],
        "url": url,
        "startDate": _local(event, event.start).isoformat(),
        "endDate": _local(event, event.end).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled" if event.status == Event.Status.CANCELLED
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "inLanguage": event.language,
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organisers,
        "offers": _offers(page, url),
    }
    if event.cover_image:
        data["image"] = request.build_absolute_uri(event.cover_image.url)
    return data


@register.simple_tag(takes_context=True)
def event_json_ld(context, page) -> SafeString:
    data = event_json_ld_data(page, request=context["request"], hub_name=getattr(context.get("hub"), "name", ""))
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.inclusion_tag("events/partials/organisation_events.html", takes_context=True)
def organisation_events(context, organisation):
    return {"organisation": organisation, "events": selectors.organisation_events(organisation=organisation),
            "request": context.get("request")}


@register.simple_tag
def price_summary(event: Event) -> str:
    """One line for cards: free, from the lowest ticket price, or pay what you can."""
    if event.pricing == Event.Pricing.FREE:
        return _("Free")
    if event.pricing == Event.Pricing.PAY_WHAT_YOU_CAN:
        return _("Pay what you can")
    lowest = getattr(event, "lowest_price", None)
    if lowest is None:
        return _("Tickets")
    if not lowest:  # a free ticket type, e.g. for members
        paid = getattr(event, "lowest_paid_price", None)
        return _("Free, or tickets from %(amount)s") % {"amount": money(paid, event.currency)} if paid else _("Free")
    return _("From %(amount)s") % {"amount": money(lowest, event.currency)}

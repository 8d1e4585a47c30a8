"""Template helpers for funding calls: amounts with their currency, deadlines on the call's and the reader's
clock, and how long is left."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..services_funding import END_OF_DAY

register = template.Library()


def money(amount, currency: str = "") -> str:
    """An amount with its currency in the page's locale: "1,250 SEK" in English, "1 250 SEK" in Swedish."""
    value = Decimal(str(amount))
    places = 0 if value == value.to_integral() else 2
    text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{text}\u00a0{currency}".strip()


@register.filter
def amount_range(call) -> str:
    """ "50,000–500,000 SEK", "up to 200,000 NOK", "from 10,000 EUR"; empty when no amount is given."""
    low, high, currency = call.amount_min, call.amount_max, call.currency
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        if low == high:
            return money(low, currency)
        low_text = money(low).strip()
        return f"{low_text}–{money(high, currency)}"
    if high is not None:
        return _("up to %(amount)s") % {"amount": money(high, currency)}
    return _("from %(amount)s") % {"amount": money(low, currency)}


def _is_end_of_day(local: datetime.datetime) -> bool:
    return (local.hour, local.minute) == (END_OF_DAY.hour, END_OF_DAY.minute)


def _when_text(local: datetime.datetime) -> str:
    return f"{date_format(local, 'DATE_FORMAT')} {date_format(local, 'TIME_FORMAT')}"


@register.simple_tag
def deadline_when(due, call, show_zone: bool = True) -> SafeString:
    """The deadline on the call's clock ("March 31, 2031, end of the day" for 23:59), with its zone unless
    `show_zone` is False; and on the reader's clock when their zone differs."""
    call_zone = ZoneInfo(call.time_zone)
    local = timezone.localtime(due, call_zone)
    if _is_end_of_day(local):
        text = _("%(date)s, end of the day") % {"date": date_format(local, "DATE_FORMAT")}
    else:
        text = _when_text(local)
    html = format_html('<time datetime="{}">{}</time>', local.isoformat(), text)
    if show_zone:
        html = format_html('{} <span class="funding-meta">({})</span>', html, call.time_zone.replace("_", " "))
    reader_zone = timezone.get_current_timezone()
    if getattr(reader_zone, "key", str(reader_zone)) != call.time_zone:
        mine = timezone.localtime(due, reader_zone)
        if mine.utcoffset() != local.utcoffset() or mine.date() != local.date():
            html = format_html('{}<br><span class="funding-meta">{}</span>', html, _("Your time: %(when)s (%(zone)s)") % {
                "when": _when_text(mine), "zone": getattr(reader_zone, "key", str(reader_zone)).replace("_", " ")})
    return html


@register.filter
def deadline_day(due, call) -> str:
    """The date alone, on the call's clock (for compact lists)."""
    return date_format(timezone.localtime(due, ZoneInfo(call.time_zone)), "DATE_FORMAT")


@register.filter
def is_end_of_day(due, call) -> bool:
    return _is_end_of_day(timezone.localtime(due, ZoneInfo(call.time_zone)))


@register.filter
def time_left(due) -> str:
    """ "12 days left", "1 day left", "5 hours left", "less than an hour left"; "passed" after the deadline."""
    if due is None:
        return ""
    left = due - timezone.now()
    if left.total_seconds() < 0:
        return _("passed")
    if left.days >= 1:
        return ngettext("%(count)s day left", "%(count)s days left", left.days) % {"count": left.days}
    hours = int(left.total_seconds() // 3600)
    if hours >= 1:
        return ngettext("%(count)s hour left", "%(count)s hours left", hours) % {"count": hours}
    return _("less than an hour left")


@register.filter
def is_past(due) -> bool:
    return due is not None and due < timezone.now()


@register.filter
def eligible_kind_labels(call) -> list[str]:
    """The names of the kinds of organisation that may apply, in the page's language."""
    from samskap.actors.models import OrganisationKind

    labels = dict(OrganisationKind.choices)
    return [str(labels.get(code, code)) for code in call.eligible_kinds]

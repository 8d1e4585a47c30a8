"""Funding alerts: when a call is published and open, every active member of every organisation it fits
(samskap.knowledge.fit) gets a notification, which their e-mail digest then carries.

Run by `manage.py knowledge_tick`. Each call is alerted once (`alerts_sent_at`), and each member once per call
(the notification key "funding-call:<pk>"), whatever the number of runs or of their fitting organisations.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from samskap.accounts.models import Notification
from samskap.accounts.notifications import notifications_add
from samskap.actors.models import Membership, Organisation
from samskap.core.models import Place

from .fit import fit_reasons, organisations_fitting_q
from .models import FundingCall

logger = logging.getLogger(__name__)

KIND = "funding_call"
# Organisations read per round: their places, themes and members come in a fixed number of queries per round.
CHUNK = 500


def alert_key(call_id: int) -> str:
    return f"funding-call:{call_id}"


def _fitting_organisations(call: FundingCall) -> Iterator[list[Organisation]]:
    """The listed organisations the call fits and that have an active member, in rounds of CHUNK, with what
    fit_reasons reads prefetched."""
    active_members = Membership.objects.filter(organisation_id=OuterRef("pk"), status=Membership.Status.ACTIVE,
                                               user__is_active=True)
    organisations = (Organisation.objects.listed().filter(organisations_fitting_q(call)).filter(Exists(active_members))
                     .select_related("head_office__parent__parent__parent")
                     .prefetch_related("themes", Prefetch("areas_served", queryset=Place.objects.select_related(
                         "parent__parent__parent")))
                     .order_by("pk"))
    last = 0
    while True:
        chunk = list(organisations.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def _deadline_text(call: FundingCall) -> str:
    if call.is_rolling and call.next_deadline is None:
        return _("Rolling: apply any time.")
    if call.next_deadline is None:
        return ""
    when = formats.date_format(timezone.localtime(call.next_deadline, ZoneInfo(call.time_zone)), "DATETIME_FORMAT")
    return _("Next deadline: %(when)s (%(zone)s).") % {"when": when, "zone": call.time_zone.replace("_", " ")}


def _notification(call: FundingCall, organisation: Organisation, user_id: int, now: datetime) -> Notification:
    """The alert in the active language."""
    reasons = fit_reasons(call, organisation)
    lines = [_deadline_text(call)]
    if reasons:
        lines.append(_("Why it fits: %(reasons)s.") % {"reasons": ", ".join(reasons)})
    return Notification(
        user_id=user_id, kind=KIND, key=alert_key(call.pk), created_at=now, url=call.get_absolute_url(),
        title=_("New funding call for %(organisation)s: %(title)s") % {"organisation": organisation.name,
                                                                         "title": call.title},
        body="\n".join(line for line in lines if line))


def call_alerts_send(*, call: FundingCall, now: datetime, default_language: str) -> int:
    """Notify the members of the organisations `call` fits, and mark the call alerted. Returns how many members."""
    with transaction.atomic():
        # Claimed first: a second worker running at the same time finds nothing left to do.
        if not FundingCall.objects.filter(pk=call.pk, alerts_sent_at__isnull=True).update(alerts_sent_at=now):
            return 0
        told: set[int] = set()
        for organisations in _fitting_organisations(call):
            by_pk = {organisation.pk: organisation for organisation in organisations}
            members = (Membership.objects.filter(organisation_id__in=by_pk, status=Membership.Status.ACTIVE,
                                                 user__is_active=True)
                       .order_by("organisation_id", "pk").values_list("user_id", "organisation_id",
                                                                      "user__preferred_language"))
            rows = []
            for user_id, organisation_id, language in members:
                if user_id in told:  # a member of two fitting organisations hears of the call once
                    continue
                told.add(user_id)
                with translation.override(language or default_language):
                    rows.append(_notification(call, by_pk[organisation_id], user_id, now))
            notifications_add(notifications=rows)
    return len(told)


def funding_alerts_send(*, now: datetime | None = None) -> int:
    """Alert the members for every published, open call not alerted yet. Returns how many members were told
    (a member told of two calls counts twice)."""
    from samskap.core.selectors import hub_settings_get

    now = now or timezone.now()
    default_language = hub_settings_get().default_language or settings.LANGUAGE_CODE
    calls = list(FundingCall.objects.published().open(now=now).filter(alerts_sent_at__isnull=True)
                 .prefetch_related("eligible_places", "themes").order_by("pk"))
    told = 0
    for call in calls:
        try:
            told += call_alerts_send(call=call, now=now, default_language=default_language)
        except Exception:
            logger.exception("Funding alerts for call %s failed; trying again on the next run", call.pk)
    return told

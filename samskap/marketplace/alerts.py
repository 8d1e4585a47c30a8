"""Saved-search alerts: new ads that match a member's saved search go into their notifications, which their e-mail
digest then carries.

Run by `manage.py marketplace_tick`. Each run tells each member once per saved search with alerts on ("3 new ads
match “Premises in Malmö”", linking to the list with those filters) of the open ads posted since the search was
last checked, not counting their own; then moves `last_checked_at` on. Searches are read in rounds of CHUNK, and
each runs two queries (a count and the newest title), whatever the number of ads.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskap.accounts.models import Notification
from samskap.accounts.notifications import notifications_add

from .models import SavedSearch
from .selectors import FILTERS, ad_list, ads_url

logger = logging.getLogger(__name__)

KIND = "saved_search"
CHUNK = 200


def _notification(search: SavedSearch, count: int, newest: str, now: datetime) -> Notification:
    title = ngettext("%(count)s new ad matches “%(name)s”", "%(count)s new ads match “%(name)s”", count) % {
        "count": count, "name": search.name}
    body = _("The newest: %(title)s") % {"title": newest} if newest else ""
    return Notification(user_id=search.user_id, kind=KIND, title=title, body=body, url=ads_url(search.query),
                        key=f"saved-search:{search.pk}:{now.isoformat()}", created_at=now)


def saved_searches_alert(now: datetime | None = None) -> int:
    """Tell members of the new ads that match their saved searches. Returns how many notifications."""
    from samskap.core.selectors import hub_settings_get

    now = now or timezone.now()
    default_language = hub_settings_get().default_language or settings.LANGUAGE_CODE
    searches = (SavedSearch.objects.filter(alerts=True, user__is_active=True).select_related("user")
                .only("pk", "name", "query", "last_checked_at", "user_id", "user__preferred_language").order_by("pk"))
    told, last = 0, 0
    while True:
        chunk = list(searches.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            return told
        last = chunk[-1].pk
        rows, checked = [], []
        for search in chunk:
            try:
                filters = {name: str(search.query.get(name) or "") for name in FILTERS} if isinstance(
                    search.query, dict) else {}
                new = ad_list(created_after=search.last_checked_at, created_until=now, **filters).exclude(
                    owner_id=search.user_id)
                count = new.count()
                newest = new.values_list("title", flat=True).first() if count else ""
            except Exception:
                logger.exception("Saved search %s could not be checked; trying again on the next run", search.pk)
                continue
            checked.append(search.pk)
            if count:
                with translation.override(search.user.preferred_language or default_language):
                    rows.append(_notification(search, count, newest, now))
        with transaction.atomic():
            notifications_add(notifications=rows)
            SavedSearch.objects.filter(pk__in=checked).update(last_checked_at=now)
        told += len(rows)

"""Notifications: news for one member, listed on /notifications/ and gathered into their e-mail digest.

Other apps' services call `notify` / `notify_many` (after their own commit), keyed when the same news must
not arrive twice (e.g. "funding-call:12"). `digests_send` (run by `manage.py send_digests` from the worker's
loop) e-mails each member with digest "daily" or "weekly" the notifications they have neither read nor had
e-mailed yet: one message per member, in the member's language; nothing is marked until the mail is sent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from .models import Notification, User

logger = logging.getLogger(__name__)

UNREAD_CACHE_SECONDS = 60
# An e-mail lists this many notifications, newest first; the rest are counted with a link to the page.
DIGEST_MAX_ITEMS = 50
DIGEST_INTERVALS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def unread_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count_forget(*, user_ids: Iterable[int]) -> None:
    """Drop the cached unread counts, after the commit (a count read before it would be cached stale)."""
    keys = [unread_cache_key(pk) for pk in set(user_ids)]
    if keys:
        transaction.on_commit(partial(cache.delete_many, keys))


def unread_count(*, user_id: int) -> int:
    """The member's unread notifications: one query at most a minute, cached in between."""
    key = unread_cache_key(user_id)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(user_id=user_id, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def _clip(value: str, field: str) -> str:
    return (value or "")[: Notification._meta.get_field(field).max_length]


def notify(*, user: User, kind: str, title: str, url: str = "", body: str = "", key: str = "") -> Notification | None:
    """Tell one member something. With a `key`, only once: a second call with the same key does nothing and
    returns None."""
    values = {"kind": kind, "title": _clip(title, "title"), "url": _clip(url, "url"), "body": _clip(body, "body")}
    with transaction.atomic():
        if key:
            # get_or_create catches the unique constraint's IntegrityError when two callers race.
            notification, created = Notification.objects.get_or_create(user=user, key=_clip(key, "key"),
                                                                        defaults=values)
            if not created:
                return None
        else:
            notification = Notification.objects.create(user=user, **values)
        unread_count_forget(user_ids=[user.pk])
    return notification


def notifications_add(*, notifications: Iterable[Notification], batch_size: int = 500) -> int:
    """Save unsaved notifications in bulk (each may have its own user, language and text); those whose key a
    member already has are skipped by the database. Returns how many were offered."""
    rows = []
    for notification in notifications:
        notification.title = _clip(notification.title, "title")
        notification.url = _clip(notification.url, "url")
        notification.body = _clip(notification.body, "body")
        notification.key = _clip(notification.key, "key")
        rows.append(notification)
    if not rows:
        return 0
    with transaction.atomic():
        Notification.objects.bulk_create(rows, batch_size=batch_size, ignore_conflicts=True)
        unread_count_forget(user_ids=[row.user_id for row in rows])
    return len(rows)


def notify_many(*, users: Iterable[User], kind: str, title: str, url: str = "", body: str = "",
                key: str = "") -> int:
    """Tell several members the same thing (each once per `key`). Returns how many were offered."""
    now = timezone.now()
    return notifications_add(notifications=[
        Notification(user_id=user.pk, kind=kind, title=title, url=url, body=body, key=key, created_at=now)
        for user in users])


def notifications_mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the member's notifications read: those in `ids`, or all when None. Returns how many changed."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    with transaction.atomic():
        changed = unread.update(read_at=timezone.now())
        if changed:
            unread_count_forget(user_ids=[user.pk])
    return changed


def site_url() -> str:
    """The address e-mailed links start with: SITE_URL, or the first allowed host."""
    configured = getattr(settings, "SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    host = next((h for h in settings.ALLOWED_HOSTS if h not in ("*", "") and not h.startswith(".")), "localhost")
    return f"{'https' if getattr(settings, 'HTTPS', False) else 'http'}://{host}"


def is_local_path(url: str) -> bool:
    """A path on this site ("/funding/x/"), never an address elsewhere ("//evil.example", "https://…")."""
    return url.startswith("/") and not url.startswith("//") and "\\" not in url and "\n" not in url


def _pending(user_id: int):
    return Notification.objects.filter(user_id=user_id, emailed_at__isnull=True, read_at__isnull=True)


def digest_users_due(*, now: datetime) -> Iterable[int]:
    """Ids of the active members whose digest is due and who have something to read in it."""
    due = Q()
    for choice, interval in DIGEST_INTERVALS.items():
        due |= Q(digest=choice) & (Q(digest_sent_at__isnull=True) | Q(digest_sent_at__lte=now - interval))
    pending = Notification.objects.filter(user_id=OuterRef("pk"), emailed_at__isnull=True, read_at__isnull=True)
    return (User.objects.filter(due, is_active=True).filter(Exists(pending))
            .order_by("pk").values_list("pk", flat=True))


def digest_message(*, user: User, notifications: list[Notification], more: int) -> EmailMultiAlternatives:
    """The digest e-mail for one member, in the member's language, with a text and an HTML part."""
    from samskap.core.selectors import hub_settings_get

    hub = hub_settings_get()
    language = user.preferred_language or hub.default_language
    base = site_url()
    profile_url = base + reverse("accounts:profile_edit")
    with translation.override(language):
        items = [{"title": n.title, "body": n.body, "created_at": n.created_at,
                  "url": base + n.url if is_local_path(n.url) else ""} for n in notifications]
        context = {"user": user, "hub": hub, "items": items, "more": more, "language": language,
                   "notifications_url": base + reverse("accounts:notifications"), "profile_url": profile_url,
                   "daily": user.digest == "daily"}
        count = len(notifications) + more
        subject = ngettext("%(count)s new notification from %(hub)s", "%(count)s new notifications from %(hub)s",
                           count) % {"count": count, "hub": hub.name}
        message = EmailMultiAlternatives(
            subject, render_to_string("accounts/email/digest.txt", context), to=[user.email],
            reply_to=[hub.contact_email] if hub.contact_email else None,
            headers={"Content-Language": language, "List-Unsubscribe": f"<{profile_url}>",
                     "Auto-Submitted": "auto-generated"})
        message.attach_alternative(render_to_string("accounts/email/digest.html", context), "text/html")
    return message


def digest_send(*, user_id: int, now: datetime | None = None) -> bool:
    """Send one member's digest if it is still due; mark what it listed only once the mail server took it.

    Runs in one transaction with the member's row locked (PostgreSQL), so two workers never send it twice;
    when sending fails nothing is marked and the next run tries again."""
    now = now or timezone.now()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first()
        interval = DIGEST_INTERVALS.get(user.digest) if user else None
        if interval is None or (user.digest_sent_at is not None and user.digest_sent_at > now - interval):
            return False
        # Newest first; the message lists the first DIGEST_MAX_ITEMS and counts the rest under "more".
        pending_ids = list(_pending(user.pk).order_by("-created_at", "-id").values_list("pk", flat=True))
        if not pending_ids:
            return False
        notifications = list(Notification.objects.filter(pk__in=pending_ids[:DIGEST_MAX_ITEMS])
                             .order_by("-created_at", "-id"))
        more = len(pending_ids) - len(notifications)
        digest_message(user=user, notifications=notifications, more=more).send()
        Notification.objects.filter(pk__in=pending_ids).update(emailed_at=now)
        User.objects.filter(pk=user.pk).update(digest_sent_at=now)
    return True


def digests_send(*, now: datetime | None = None) -> int:
    """Send every due digest, one member at a time; one member's failure does not stop the others (their
    digest goes out on the next run). Returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for user_id in list(digest_users_due(now=now)):
        try:
            sent += digest_send(user_id=user_id, now=now)
        except Exception:
            logger.exception("The digest for user %s could not be sent; trying again on the next run", user_id)
    return sent

"""Writes for ads and saved searches: post, change, renew, close and delete an ad; the expiry sweep and the
reminders before an ad runs out; saving, renaming and deleting a saved search.

An ad is posted by a member for themselves, or for an organisation they are an active member of. It is valid
until `valid_until` (today at the earliest, a year ahead at the latest; 60 days by default); the tick
(`manage.py marketplace_tick`) expires open ads whose day has passed and reminds their owners REMIND_DAYS
before. Renewing (one click) makes the ad valid DEFAULT_VALID_DAYS from today and opens an expired ad again.

Against spam: a member posts at most `settings.MARKETPLACE_ADS_PER_DAY` ads in 24 hours, and the form's
honeypot field (`honeypot`, which people leave empty) refuses robots without saying why.
"""

import datetime
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from samskap.accounts.models import Notification, User
from samskap.accounts.notifications import notifications_add
from samskap.actors.models import Membership, Organisation
from samskap.core.fragments import MARKETPLACE, generation_bump

from .models import DEFAULT_VALID_DAYS, Ad, SavedSearch
from .search import ad_index, ad_unindex, ads_index_many

AD_FIELDS = {"kind", "title", "description", "language", "is_anywhere", "valid_until"}
MAX_VALID_DAYS = 365
REMIND_DAYS = 5
MAX_THEMES = 10
MAX_PLACES = 20
MAX_SAVED_SEARCHES = 50
REMINDER_KIND = "ad_expiring"


def spam_message() -> str:
    return _("Your ad could not be posted. Please try again later.")


def ads_per_day() -> int:
    return int(getattr(settings, "MARKETPLACE_ADS_PER_DAY", 10))


# Helpers -----------------------------------------------------------------------------------------

def organisation_choices_for(user) -> list[Organisation]:
    """The listed organisations `user` is an active member of: those they may post ads for."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Organisation.objects.listed().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE,
    ).only("name", "slug", "kind").order_by("name", "pk"))


def _check_organisation(*, by, organisation: Organisation | None, before: Ad | None = None) -> None:
    if organisation is None:
        return
    if before is not None and before.organisation_id == organisation.pk:
        return  # a fellow member edits the ad: the organisation may stay
    if not Membership.objects.filter(organisation=organisation, user=by, status=Membership.Status.ACTIVE).exists():
        raise ValidationError({"organisation": _("You can only post ads for an organisation you are an active "
                                                 "member of.")}, code="organisation_not_mine")


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - AD_FIELDS
    if unknown:
        raise TypeError(f"unknown ad fields: {sorted(unknown)}")


def valid_until_range(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    today = today or timezone.localdate()
    return today, today + datetime.timedelta(days=MAX_VALID_DAYS)


def _check_valid_until(value: datetime.date | None, today: datetime.date) -> None:
    first, last = valid_until_range(today)
    if value is None:
        raise ValidationError({"valid_until": _("Give the last day the ad is valid.")}, code="required")
    if not first <= value <= last:
        raise ValidationError({"valid_until": _(
            "The ad can be valid until a day between today and a year from now (%(first)s – %(last)s).") % {
            "first": formats.date_format(first, "SHORT_DATE_FORMAT"),
            "last": formats.date_format(last, "SHORT_DATE_FORMAT")}}, code="valid_until_out_of_range")


def _check_throttle(by, now: datetime.datetime) -> None:
    limit = ads_per_day()
    since = now - datetime.timedelta(hours=24)
    recent = list(Ad.objects.filter(owner=by, created_at__gt=since).order_by("created_at")
                  .values_list("created_at", flat=True)[:limit])
    if len(recent) >= limit:
        again = timezone.localtime(recent[0] + datetime.timedelta(hours=24))
        raise ValidationError(_(
            "You have posted %(count)s ads in the last 24 hours, the most a member may. You can post the next "
            "one after %(when)s.") % {"count": limit, "when": formats.date_format(again, "SHORT_DATETIME_FORMAT")},
            code="too_many_ads")


def _save(ad: Ad, fields: dict[str, Any], *, themes, places) -> None:
    if isinstance(fields.get("description"), str):  # browsers send a textarea's line breaks as CRLF
        fields["description"] = fields["description"].replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(fields.get("title"), str):
        fields["title"] = fields["title"].strip()
    for name, value in fields.items():
        setattr(ad, name, value)
    themes = None if themes is None else list(themes)
    places = None if places is None else list(places)
    errors: dict[str, str] = {}
    if themes is not None and len(themes) > MAX_THEMES:
        errors["themes"] = _("Choose at most %(max)s themes.") % {"max": MAX_THEMES}
    if places is not None and len(places) > MAX_PLACES:
        errors["places"] = _("Choose at most %(max)s places.") % {"max": MAX_PLACES}
    has_places = bool(places) if places is not None else (ad.pk is not None and ad.places.exists())
    if not ad.is_anywhere and not has_places:
        errors["places"] = _("Choose at least one place, or tick “anywhere or online”.")
    try:
        ad.full_clean(exclude=["owner", "organisation", "hidden_by"], validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, " ".join(messages))
    if errors:
        raise ValidationError(errors)
    ad.save()
    if themes is not None:
        ad.themes.set(themes)
    if places is not None:
        ad.places.set(places)
    transaction.on_commit(partial(ad_index, ad_id=ad.pk))


# Ads ---------------------------------------------------------------------------------------------

def ad_create(*, by, organisation: Organisation | None = None, themes: Iterable = (), places: Iterable = (),
              honeypot: str = "", now: datetime.datetime | None = None, **fields: Any) -> Ad:
    """Post an ad by `by`, for themselves or for `organisation` (one they are an active member of).

    `fields`: kind, title, description, language, is_anywhere, valid_until (default: 60 days from today). A
    filled `honeypot` (the form's field that people leave empty) refuses the ad with a message that says
    nothing of why.
    """
    if not by.has_perm("marketplace.add_ad"):
        raise PermissionDenied
    if honeypot:
        raise ValidationError(spam_message(), code="spam")
    _check_fields(fields)
    now = now or timezone.now()
    today = timezone.localdate(now)
    fields = dict(fields)
    fields.setdefault("valid_until", today + datetime.timedelta(days=DEFAULT_VALID_DAYS))
    _check_valid_until(fields["valid_until"], today)
    _check_organisation(by=by, organisation=organisation)
    with transaction.atomic():
        # One member's posts are counted one at a time (PostgreSQL locks the row; SQLite writes one at a time).
        User.objects.select_for_update().filter(pk=by.pk).first()
        _check_throttle(by, now)
        ad = Ad(owner=by, organisation=organisation, created_at=now, status=Ad.Status.OPEN)
        _save(ad, fields, themes=themes, places=places)
    return ad


_UNCHANGED = object()


def ad_update(*, ad: Ad, by, organisation: Any = _UNCHANGED, themes: Iterable | None = None,
              places: Iterable | None = None, **fields: Any) -> Ad:
    """Change an ad (its owner, or an active member of its organisation). `themes`/`places` None: unchanged;
    `organisation` None: the owner's own ad.

    A new `valid_until` must be within today and a year ahead; moving it on opens an expired ad again and
    lets the reminder come again.
    """
    if not by.has_perm("marketplace.change_ad", ad):
        raise PermissionDenied
    _check_fields(fields)
    today = timezone.localdate()
    fields = dict(fields)
    if "valid_until" in fields and fields["valid_until"] != ad.valid_until:
        _check_valid_until(fields["valid_until"], today)
        ad.reminder_sent_at = None
        if ad.status == Ad.Status.EXPIRED:
            ad.status = Ad.Status.OPEN
    if organisation is not _UNCHANGED:
        _check_organisation(by=by, organisation=organisation, before=ad)
        ad.organisation = organisation
    with transaction.atomic():
        _save(ad, fields, themes=themes, places=places)
    return ad


def ad_renew(*, ad: Ad, by, today: datetime.date | None = None) -> Ad:
    """Make the ad valid DEFAULT_VALID_DAYS from today; an expired ad is open again."""
    if not by.has_perm("marketplace.change_ad", ad):
        raise PermissionDenied
    if ad.status not in (Ad.Status.OPEN, Ad.Status.EXPIRED):
        raise ValidationError(_("Only an open or expired ad can be renewed; this one is %(status)s.")
                              % {"status": ad.get_status_display()}, code="not_renewable")
    today = today or timezone.localdate()
    with transaction.atomic():
        ad.valid_until = today + datetime.timedelta(days=DEFAULT_VALID_DAYS)
        ad.status = Ad.Status.OPEN
        ad.reminder_sent_at = None
        ad.save(update_fields=["valid_until", "status", "reminder_sent_at", "updated_at"])
        transaction.on_commit(partial(ad_index, ad_id=ad.pk))
    return ad


def ad_close(*, ad: Ad, by) -> Ad:
    """Close an open or expired ad: nobody but its owner side sees it any more, and nobody can reply."""
    if not by.has_perm("marketplace.change_ad", ad):
        raise PermissionDenied
    if ad.status not in (Ad.Status.OPEN, Ad.Status.EXPIRED):
        raise ValidationError(_("Only an open or expired ad can be closed; this one is %(status)s.")
                              % {"status": ad.get_status_display()}, code="not_closable")
    with transaction.atomic():
        ad.status = Ad.Status.CLOSED
        ad.save(update_fields=["status", "updated_at"])
        transaction.on_commit(partial(ad_index, ad_id=ad.pk))
    return ad


def ad_delete(*, ad: Ad, by) -> None:
    """Delete an ad with its conversations."""
    if not by.has_perm("marketplace.change_ad", ad):
        raise PermissionDenied
    ad_id = ad.pk
    with transaction.atomic():
        ad.delete()
        transaction.on_commit(partial(ad_unindex, ad_id=ad_id))


# The tick ----------------------------------------------------------------------------------------

def ads_expire(now: datetime.datetime | None = None) -> int:
    """Expire the open ads whose last valid day has passed. Returns how many."""
    today = timezone.localdate(now or timezone.now())
    with transaction.atomic():
        ids = list(Ad.objects.filter(status=Ad.Status.OPEN, valid_until__lt=today).values_list("pk", flat=True))
        if not ids:
            return 0
        Ad.objects.filter(pk__in=ids, status=Ad.Status.OPEN).update(status=Ad.Status.EXPIRED,
                                                                     updated_at=timezone.now())
        transaction.on_commit(partial(ads_index_many, ids))  # expired ads leave the index
        transaction.on_commit(partial(generation_bump, MARKETPLACE))  # update() sends no signal
    return len(ids)


def reminder_key(ad: Ad) -> str:
    return f"ad-expiring:{ad.pk}:{ad.valid_until.isoformat()}"


def _reminder(ad: Ad, now: datetime.datetime) -> Notification:
    days = (ad.valid_until - timezone.localdate(now)).days
    when = formats.date_format(ad.valid_until, "DATE_FORMAT")
    return Notification(
        user_id=ad.owner_id, kind=REMINDER_KIND, key=reminder_key(ad), created_at=now, url=ad.get_absolute_url(),
        title=_("Your ad “%(title)s” expires on %(when)s") % {"title": ad.title, "when": when},
        body=(_("It is open for %(days)s more days. Renew it in one click on the ad's page to keep it open for "
                "another %(valid)s days.") % {"days": days, "valid": DEFAULT_VALID_DAYS} if days > 0 else
              _("Today is its last day. Renew it in one click on the ad's page to keep it open for another "
                "%(valid)s days.") % {"valid": DEFAULT_VALID_DAYS}))


def ads_remind(now: datetime.datetime | None = None) -> int:
    """Tell the owners of open ads that run out within REMIND_DAYS, once per ad and last day: a notification and
    an e-mail with the link to renew. Returns how many were told."""
    from samskap.core.selectors import hub_settings_get

    now = now or timezone.now()
    today = timezone.localdate(now)
    default_language = hub_settings_get().default_language or settings.LANGUAGE_CODE
    due = Ad.objects.visible().filter(status=Ad.Status.OPEN, reminder_sent_at__isnull=True, valid_until__gte=today,
                                      valid_until__lte=today + datetime.timedelta(days=REMIND_DAYS))
    ads = list(due.only("pk", "title", "valid_until", "owner_id").order_by("pk"))
    if not ads:
        return 0
    languages = dict(User.objects.filter(pk__in={ad.owner_id for ad in ads}).values_list("pk", "preferred_language"))
    rows = []
    for ad in ads:
        with translation.override(languages.get(ad.owner_id) or default_language):
            rows.append(_reminder(ad, now))
    with transaction.atomic():
        # Two workers at once tell an owner once: the notification's key is unique per owner.
        notifications_add(notifications=rows)
        Ad.objects.filter(pk__in=[ad.pk for ad in ads]).update(reminder_sent_at=now)
        from .emails import send_ad_reminder_email

        for ad in ads:  # and an e-mail at once: a weekly digest could come after the ad has run out
            transaction.on_commit(partial(send_ad_reminder_email.enqueue, ad_id=ad.pk))
    return len(ads)


# Saved searches ----------------------------------------------------------------------------------

def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Give the saved search a name.")}, code="required")
    limit = SavedSearch._meta.get_field("name").max_length
    if len(name) > limit:
        raise ValidationError({"name": _("A name can be at most %(max)s characters.") % {"max": limit}},
                              code="max_length")
    return name


def saved_search_create(*, user, name: str, query: dict[str, str], alerts: bool = True,
                        now: datetime.datetime | None = None) -> SavedSearch:
    """Keep the list's filters (`query`: filter name -> value) under `name`; new ads that match them from now
    on are told to `user` when `alerts` is on."""
    if not user.has_perm("marketplace.add_ad"):  # any member
        raise PermissionDenied
    name = _clean_name(name)
    query = {str(key): str(value) for key, value in (query or {}).items() if value not in (None, "")}
    with transaction.atomic():
        if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
            raise ValidationError(_("You have %(max)s saved searches, the most a member may keep. Delete one "
                                    "first.") % {"max": MAX_SAVED_SEARCHES}, code="too_many")
        return SavedSearch.objects.create(user=user, name=name, query=query, alerts=alerts,
                                          last_checked_at=now or timezone.now())


def saved_search_update(*, saved_search: SavedSearch, user, name: str | None = None,
                        alerts: bool | None = None, now: datetime.datetime | None = None) -> SavedSearch:
    """Rename a saved search, or turn its alerts on or off (on again: only ads new from now are told)."""
    if saved_search.user_id != user.pk:
        raise PermissionDenied
    fields = []
    if name is not None:
        saved_search.name = _clean_name(name)
        fields.append("name")
    if alerts is not None and alerts != saved_search.alerts:
        saved_search.alerts = alerts
        fields.append("alerts")
        if alerts:
            saved_search.last_checked_at = now or timezone.now()
            fields.append("last_checked_at")
    if fields:
        saved_search.save(update_fields=fields)
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch, user) -> None:
    if saved_search.user_id != user.pk:
        raise PermissionDenied
    saved_search.delete()

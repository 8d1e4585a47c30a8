"""Reports and moderation in the marketplace: members report an ad or a message, hub admins hide or dismiss.

Every service checks its rights itself (samskap.marketplace.permissions) and raises PermissionDenied, so
pages and scripts share them; refused input raises ValidationError with a message for the reader and
nothing is saved. Hiding or dismissing resolves every open report about the same item at once. The
search index and the notifications follow after the commit.
"""

from functools import partial

import rules

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskap.accounts.models import User
from samskap.accounts.notifications import notify

from .models import Ad, Message, Report
from .permissions import is_ad_owner
from .search import ad_index

REPORT_REASON_MAX = Report._meta.get_field("reason").max_length
HIDDEN_REASON_MAX = Ad._meta.get_field("hidden_reason").max_length


def _reason_checked(reason: str, *, max_length: int, required_message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": required_message})
    if len(reason) > max_length:
        raise ValidationError({"reason": _("Keep it to %(max)d characters (it has %(length)d).") % {
            "max": max_length, "length": len(reason)}})
    return reason


def _moderator_checked(by) -> None:
    if not by.has_perm("marketplace.moderate"):
        raise PermissionDenied


def _language_of(user: User) -> str:
    from samskap.core.selectors import hub_settings_get

    return user.preferred_language or hub_settings_get().default_language or settings.LANGUAGE_CODE


# Notifications (after the commit) ------------------------------------------------------------------


def _notify_admins_of_report(*, report_id: int) -> None:
    report = Report.objects.select_related("ad", "message__conversation__ad").filter(pk=report_id).first()
    if report is None or report.outcome != Report.Outcome.OPEN:
        return
    ad = report.ad if report.ad_id else report.message.conversation.ad
    admins = User.objects.filter(is_superuser=True, is_active=True).exclude(pk=report.reporter_id)
    for admin in admins:
        with translation.override(_language_of(admin)):
            title = (_("An ad was reported: %(title)s") if report.ad_id
                     else _("A message about “%(title)s” was reported")) % {"title": ad.title}
            notify(user=admin, kind="marketplace_report", title=title, body=report.reason,
                   url=reverse("marketplace:moderation"), key=f"marketplace-report:{report.pk}")


def _notify_ad_hidden(*, ad_id: int) -> None:
    ad = Ad.objects.select_related("owner").filter(pk=ad_id).first()
    if ad is None or ad.hidden_at is None:
        return
    with translation.override(_language_of(ad.owner)):
        notify(user=ad.owner, kind="marketplace_ad_hidden",
               title=_("Your ad “%(title)s” was hidden by a moderator") % {"title": ad.title},
               body=ad.hidden_reason, url=ad.get_absolute_url(),
               key=f"marketplace-ad-hidden:{ad.pk}:{ad.hidden_at.timestamp():.0f}")


def _notify_ad_shown(*, ad_id: int) -> None:
    ad = Ad.objects.select_related("owner").filter(pk=ad_id).first()
    if ad is None or ad.hidden_at is not None:
        return
    with translation.override(_language_of(ad.owner)):
        notify(user=ad.owner, kind="marketplace_ad_shown",
               title=_("Your ad “%(title)s” is shown again") % {"title": ad.title}, url=ad.get_absolute_url())


def _notify_message_hidden(*, message_id: int) -> None:
    message = Message.objects.select_related("sender", "conversation__ad").filter(pk=message_id).first()
    if message is None or message.hidden_at is None:
        return
    with translation.override(_language_of(message.sender)):
        notify(user=message.sender, kind="marketplace_message_hidden",
               title=_("Your message about “%(title)s” was hidden by a moderator") % {
                   "title": message.conversation.ad.title},
               body=message.hidden_reason, url=message.conversation.get_absolute_url(),
               key=f"marketplace-message-hidden:{message.pk}:{message.hidden_at.timestamp():.0f}")


# Reports ---------------------------------------------------------------------------------------------


def may_report_ad(user, ad: Ad) -> bool:
    """A member who sees the ad and is not on its owner side."""
    return (user.has_perm("marketplace.report") and user.has_perm("marketplace.view_ad", ad)
            and not is_ad_owner(user, ad))


def may_report_message(user, message: Message) -> bool:
    """A party of the conversation, about the other party's message. (The rule itself: Django lets a superuser
    pass every `user.has_perm`, and hub admins do not read conversations.)"""
    return (user.has_perm("marketplace.report") and rules.has_perm("marketplace.view_conversation", user,
                                                                    message.conversation)
            and message.sender_id != user.pk)


def has_open_report(*, by, ad: Ad | None = None, message: Message | None = None) -> bool:
    return Report.objects.filter(reporter=by, ad=ad, message=message, outcome=Report.Outcome.OPEN).exists()


def _report_create(*, by, ad: Ad | None, message: Message | None, reason: str) -> Report:
    reason = _reason_checked(reason, max_length=REPORT_REASON_MAX,
                             required_message=_("Tell the hub admins what is wrong."))
    with transaction.atomic():
        # Locked so that two quick clicks make one report.
        User.objects.select_for_update().filter(pk=by.pk).first()
        if has_open_report(by=by, ad=ad, message=message):
            raise ValidationError(_("You have already reported this. The hub admins will look at it."))
        report = Report.objects.create(ad=ad, message=message, reporter=by, reason=reason)
        transaction.on_commit(partial(_notify_admins_of_report, report_id=report.pk))
    return report


def report_ad(*, ad: Ad, by, reason: str) -> Report:
    """Report an ad to the hub admins. One open report per member and ad."""
    if not may_report_ad(by, ad):
        raise PermissionDenied
    if ad.hidden_at is not None:
        raise ValidationError(_("This ad has already been hidden."))
    return _report_create(by=by, ad=ad, message=None, reason=reason)


def report_message(*, message: Message, by, reason: str) -> Report:
    """Report the other party's message in a conversation of one's own. One open report per member and message."""
    if not may_report_message(by, message):
        raise PermissionDenied
    if message.hidden_at is not None:
        raise ValidationError(_("This message has already been hidden."))
    return _report_create(by=by, ad=None, message=message, reason=reason)


def _reports_resolve(*, by, outcome: str, ad: Ad | None = None, message: Message | None = None) -> int:
    return Report.objects.filter(ad=ad, message=message, outcome=Report.Outcome.OPEN).update(
        outcome=outcome, resolved_by=by, resolved_at=timezone.now())


def report_dismiss(*, report: Report, by) -> int:
    """Take no action on a report, and on every other open report about the same item. Returns how many."""
    _moderator_checked(by)
    if report.outcome != Report.Outcome.OPEN:
        raise ValidationError(_("This report has already been dealt with."))
    with transaction.atomic():
        return _reports_resolve(by=by, outcome=Report.Outcome.DISMISSED, ad=report.ad if report.ad_id else None,
                                message=report.message if report.message_id else None)


# Hiding ----------------------------------------------------------------------------------------------


def ad_hide(*, ad: Ad, by, reason: str) -> Ad:
    """Hide an ad with a reason its author is told: it leaves the list and search; the author still sees it."""
    _moderator_checked(by)
    reason = _reason_checked(reason, max_length=HIDDEN_REASON_MAX,
                             required_message=_("Tell the author why it is hidden."))
    with transaction.atomic():
        locked = Ad.objects.select_for_update().get(pk=ad.pk)
        if locked.hidden_at is not None:
            raise ValidationError(_("This ad has already been hidden."))
        ad.hidden_at, ad.hidden_reason, ad.hidden_by = timezone.now(), reason, by
        ad.save(update_fields=["hidden_at", "hidden_reason", "hidden_by", "updated_at"])
        _reports_resolve(by=by, outcome=Report.Outcome.HIDDEN, ad=ad)
        transaction.on_commit(partial(ad_index, ad_id=ad.pk))
        transaction.on_commit(partial(_notify_ad_hidden, ad_id=ad.pk))
    return ad


def ad_unhide(*, ad: Ad, by) -> Ad:
    """Show a hidden ad again (in the list and search while it is open or matched)."""
    _moderator_checked(by)
    with transaction.atomic():
        locked = Ad.objects.select_for_update().get(pk=ad.pk)
        if locked.hidden_at is None:
            raise ValidationError(_("This ad is not hidden."))
        ad.hidden_at, ad.hidden_reason, ad.hidden_by = None, "", None
        ad.save(update_fields=["hidden_at", "hidden_reason", "hidden_by", "updated_at"])
        transaction.on_commit(partial(ad_index, ad_id=ad.pk))
        transaction.on_commit(partial(_notify_ad_shown, ad_id=ad.pk))
    return ad


def message_hide(*, message: Message, by, reason: str) -> Message:
    """Hide a message; both parties see that it was hidden, and why, in its place."""
    _moderator_checked(by)
    reason = _reason_checked(reason, max_length=Message._meta.get_field("hidden_reason").max_length,
                             required_message=_("Tell the author why it is hidden."))
    with transaction.atomic():
        locked = Message.objects.select_for_update().get(pk=message.pk)
        if locked.hidden_at is not None:
            raise ValidationError(_("This message has already been hidden."))
        message.hidden_at, message.hidden_reason = timezone.now(), reason
        message.save(update_fields=["hidden_at", "hidden_reason"])
        _reports_resolve(by=by, outcome=Report.Outcome.HIDDEN, message=message)
        transaction.on_commit(partial(_notify_message_hidden, message_id=message.pk))
    return message


def message_unhide(*, message: Message, by) -> Message:
    """Show a hidden message again."""
    _moderator_checked(by)
    with transaction.atomic():
        locked = Message.objects.select_for_update().get(pk=message.pk)
        if locked.hidden_at is None:
            raise ValidationError(_("This message is not hidden."))
        message.hidden_at, message.hidden_reason = None, ""
        message.save(update_fields=["hidden_at", "hidden_reason"])
    return message

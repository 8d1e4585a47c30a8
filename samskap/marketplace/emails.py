"""The e-mail a party of a conversation receives about a new message, in the recipient's own language.

At most one e-mail per conversation until the recipient has read it: a second message before they open
the conversation sends nothing more (the in-app notification still counts it). Sent by a background task,
never inside the request, so a mail server that is down delays the e-mail instead of losing the message.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Conversation

logger = logging.getLogger(__name__)


def conversation_email_send(*, conversation_id: int, recipient_id: int) -> bool:
    """E-mail `recipient` that the conversation has unread messages, unless they were e-mailed about it and have
    not read it since, or have read everything already. Returns whether an e-mail went out."""
    from samskap.accounts.notifications import site_url
    from samskap.core.selectors import hub_settings_get

    with transaction.atomic():
        conversation = (Conversation.objects.select_for_update(of=("self",))
                        .select_related("ad", "ad__owner", "ad__organisation", "respondent")
                        .filter(pk=conversation_id).first())
        if conversation is None:
            return False
        if recipient_id == conversation.ad.owner_id:
            side, recipient, sender = "owner", conversation.ad.owner, conversation.respondent
        elif recipient_id == conversation.respondent_id:
            side, recipient, sender = "respondent", conversation.respondent, conversation.ad.owner
        else:
            return False
        read_at = getattr(conversation, f"{side}_read_at")
        emailed_at = getattr(conversation, f"{side}_emailed_at")
        if not recipient.is_active or not recipient.email:
            return False
        if read_at is not None and read_at >= conversation.last_message_at:
            return False  # read meanwhile
        if emailed_at is not None and (read_at is None or read_at < emailed_at):
            return False  # told already, and not read since
        hub = hub_settings_get()
        language = recipient.preferred_language or hub.default_language
        base = site_url()
        with translation.override(language):
            context = {"recipient": recipient, "sender": sender, "ad": conversation.ad, "hub": hub,
                       "conversation_url": base + conversation.get_absolute_url(),
                       "inbox_url": base + reverse("marketplace:inbox")}
            subject = _("New message about “%(ad)s”") % {"ad": conversation.ad.title}
            EmailMessage(subject, render_to_string("marketplace/email/message.txt", context), to=[recipient.email],
                         reply_to=[hub.contact_email] if hub.contact_email else None,
                         headers={"Content-Language": language, "Auto-Submitted": "auto-generated"}).send()
        Conversation.objects.filter(pk=conversation.pk).update(**{f"{side}_emailed_at": timezone.now()})
    return True


@task()
def send_conversation_email(*, conversation_id: int, recipient_id: int) -> bool:
    """Send the e-mail about a new message; a failing mail server is logged and the e-mail dropped (the in-app
    notification and the unread count still tell)."""
    try:
        return conversation_email_send(conversation_id=conversation_id, recipient_id=recipient_id)
    except Exception:
        logger.exception("The e-mail about conversation %s could not be sent", conversation_id)
        return False


def ad_reminder_email_send(*, ad_id: int) -> bool:
    """E-mail the owner that their ad runs out soon, with the link to renew it (the digest may come too late for
    that, so this one goes at once). Not sent when the ad was renewed, closed or hidden meanwhile."""
    from samskap.accounts.notifications import site_url
    from samskap.core.selectors import hub_settings_get

    from .models import Ad

    ad = Ad.objects.select_related("owner").filter(pk=ad_id, status=Ad.Status.OPEN, hidden_at__isnull=True).first()
    if ad is None or ad.reminder_sent_at is None or not ad.owner.is_active or not ad.owner.email:
        return False  # gone, closed, hidden, or renewed meanwhile (renewing clears the reminder)
    days = (ad.valid_until - timezone.localdate()).days
    if days < 0:
        return False
    hub = hub_settings_get()
    language = ad.owner.preferred_language or hub.default_language
    with translation.override(language):
        context = {"owner": ad.owner, "ad": ad, "hub": hub, "days": days, "ad_url": site_url() + ad.get_absolute_url(),
                   "mine_url": site_url() + reverse("marketplace:my_ads")}
        subject = _("Your ad “%(title)s” runs out soon") % {"title": ad.title}
        EmailMessage(subject, render_to_string("marketplace/email/ad_reminder.txt", context), to=[ad.owner.email],
                     reply_to=[hub.contact_email] if hub.contact_email else None,
                     headers={"Content-Language": language, "Auto-Submitted": "auto-generated"}).send()
    return True


@task()
def send_ad_reminder_email(*, ad_id: int) -> bool:
    """Send the reminder before an ad runs out; a failing mail server is logged (the notification still tells)."""
    try:
        return ad_reminder_email_send(ad_id=ad_id)
    except Exception:
        logger.exception("The reminder about ad %s could not be sent", ad_id)
        return False

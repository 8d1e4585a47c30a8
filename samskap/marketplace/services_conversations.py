"""Every write to conversations: replies to an ad, messages, reading, blocks, and marking an ad matched.

Each service checks its permission itself, so the pages and the API share the rules. Refused input raises
ValidationError (keyed by field where there is one) or PermissionDenied, and nothing is saved. The other
party's e-mail and in-app notification go out after the commit.

A conversation belongs to its two parties only: the ad's owner and the respondent. Other active members of
the ad's organisation may edit the ad and mark it matched, but they do not read its conversations.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from functools import partial
from pathlib import PurePath

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskap.actors.models import Organisation, Partnership
from samskap.actors.permissions import is_organisation_member
from samskap.core.fragments import DIRECTORY, MARKETPLACE, generation_bump
from samskap.core.images import image_normalised
from samskap.core.uploads import DOCX, IMAGE, ODT, PDF, PPTX, TXT, XLSX, document_checked

from .models import Ad, AdPartner, Block, Conversation, Message
from .selectors_conversations import unread_count_forget

BODY_MAX_LENGTH = 5000
ATTACHMENT_IMAGE_SIZE = 3000  # px on the longest side
ATTACHMENT_TYPES = {
    "pdf": PDF, "docx": DOCX, "xlsx": XLSX, "pptx": PPTX, "odt": ODT, "txt": TXT,
    "jpg": IMAGE, "jpeg": IMAGE, "png": IMAGE, "webp": IMAGE,
}


def attachment_max_bytes() -> int:
    return int(getattr(settings, "MARKETPLACE_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))


def messages_per_hour() -> int:
    return int(getattr(settings, "MARKETPLACE_MESSAGES_PER_HOUR", 30))


# Checks ---------------------------------------------------------------------------------------------

def ad_is_open_for_replies(ad: Ad) -> bool:
    return ad.hidden_at is None and ad.status == Ad.Status.OPEN and ad.valid_until >= timezone.localdate()


def is_blocked(*, blocker_id: int, blocked_id: int) -> bool:
    return Block.objects.filter(blocker_id=blocker_id, blocked_id=blocked_id).exists()


def _blocked_check(*, sender, recipient) -> None:
    if is_blocked(blocker_id=recipient.pk, blocked_id=sender.pk):
        raise ValidationError(_("%(name)s does not accept messages from you.") % {"name": recipient.display_name},
                              code="blocked")


def _rate_check(sender) -> None:
    limit = messages_per_hour()
    since = timezone.now() - datetime.timedelta(hours=1)
    if Message.objects.filter(sender=sender, created_at__gte=since).count() >= limit:
        raise ValidationError(
            _("You have sent %(count)s messages in the last hour, the most allowed. Please wait a while and "
              "send it again.") % {"count": limit}, code="rate_limited")


def _body_checked(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write a message.")]})
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError({"body": [_("A message can be at most %(max)s characters long (it has %(n)s).")
                                        % {"max": BODY_MAX_LENGTH, "n": len(body)}]})
    return body


def attachment_prepared(upload) -> tuple[object, str, str]:
    """Check the upload (type from its content, size); return (content, random stored name, name to show)."""
    try:
        kind, extension = document_checked(upload, max_bytes=attachment_max_bytes(), accepted=ATTACHMENT_TYPES)
    except ValidationError as error:
        raise ValidationError({"attachment": error.messages})
    shown = PurePath(upload.name or "file").name[:200]
    if kind == IMAGE:
        image = image_normalised(upload, max_size=ATTACHMENT_IMAGE_SIZE)  # no EXIF; only what Pillow wrote
        new_extension = image.name.rsplit(".", 1)[-1]
        shown = f"{PurePath(shown).stem[:190]}.{new_extension}"
        return image, image.name, shown
    upload.seek(0)
    return upload, f"{uuid.uuid4().hex}.{extension}", shown


# Messages -------------------------------------------------------------------------------------------

def _other_party(conversation: Conversation, user):
    return conversation.respondent if user.pk == conversation.ad.owner_id else conversation.ad.owner


def _message_create(*, conversation: Conversation, by, body: str, attachment, written: list) -> Message:
    now = timezone.now()
    message = Message(conversation=conversation, sender=by, body=body, created_at=now)
    if attachment is not None:
        content, stored_name, shown = attachment
        message.attachment.save(stored_name, content, save=False)
        written.append((message.attachment.storage, message.attachment.name))
        message.attachment_name = shown
    message.save()
    is_owner = by.pk == conversation.ad.owner_id
    # The sender has read everything up to their own message.
    fields = {"last_message_at": now, ("owner_read_at" if is_owner else "respondent_read_at"): now}
    Conversation.objects.filter(pk=conversation.pk).update(**fields)
    for name, value in fields.items():
        setattr(conversation, name, value)
    recipient = _other_party(conversation, by)
    unread_count_forget(user_ids=[recipient.pk, by.pk])
    transaction.on_commit(partial(message_notify, message_id=message.pk))
    return message


def _files_discard(written: list) -> None:
    """Remove files written for a message whose transaction did not commit."""
    for storage, name in written:
        storage.delete(name)


def _message_prepare(*, body: str, attachment_upload, sender) -> tuple[str, tuple | None]:
    body = _body_checked(body)
    attachment = attachment_prepared(attachment_upload) if attachment_upload else None
    _rate_check(sender)
    return body, attachment


def ad_reply(*, ad: Ad, by, body: str, attachment=None, organisation: Organisation | None = None) -> Message:
    """A member's reply to an open ad: their conversation with the owner (made on the first reply) and the message."""
    if not rules.has_perm("marketplace.reply_ad", by, ad):
        if by.is_authenticated and ad.owner_id == by.pk:
            raise ValidationError(_("You cannot reply to your own ad."), code="own_ad")
        if by.is_authenticated and ad.organisation_id and is_organisation_member(by, ad.organisation):
            raise ValidationError(_("You cannot reply to an ad of your own organisation."), code="own_ad")
        if by.is_authenticated and not ad_is_open_for_replies(ad):
            raise ValidationError(_("This ad is no longer open for replies."), code="not_open")
        raise PermissionDenied
    if not ad_is_open_for_replies(ad):
        raise ValidationError(_("This ad is no longer open for replies."), code="not_open")
    if organisation is not None and not is_organisation_member(by, organisation):
        raise ValidationError({"organisation": [_("You can reply only for organisations you are an active "
                                                  "member of.")]})
    _blocked_check(sender=by, recipient=ad.owner)
    body, prepared = _message_prepare(body=body, attachment_upload=attachment, sender=by)
    written: list = []
    try:
        with transaction.atomic():
            conversation, created = Conversation.objects.get_or_create(
                ad=ad, respondent=by, defaults={"respondent_organisation": organisation})
            if not created and organisation is not None and conversation.respondent_organisation_id != organisation.pk:
                conversation.respondent_organisation = organisation
                conversation.save(update_fields=["respondent_organisation"])
            conversation.ad = ad
            return _message_create(conversation=conversation, by=by, body=body, attachment=prepared, written=written)
    except BaseException:
        _files_discard(written)
        raise


def message_send(*, conversation: Conversation, by, body: str, attachment=None) -> Message:
    """A message in an existing conversation, by one of its two parties."""
    if not rules.has_perm("marketplace.send_message", by, conversation):
        raise PermissionDenied
    _blocked_check(sender=by, recipient=_other_party(conversation, by))
    body, prepared = _message_prepare(body=body, attachment_upload=attachment, sender=by)
    written: list = []
    try:
        with transaction.atomic():
            return _message_create(conversation=conversation, by=by, body=body, attachment=prepared, written=written)
    except BaseException:
        _files_discard(written)
        raise


def message_notify(*, message_id: int) -> None:
    """After the commit: the other party's in-app notification, and their e-mail (once until they read)."""
    from samskap.accounts.notifications import notify
    from samskap.core.selectors import hub_settings_get

    from .emails import send_conversation_email

    message = (Message.objects.select_related("conversation__ad__owner", "conversation__respondent", "sender")
               .filter(pk=message_id).first())
    if message is None:
        return
    conversation = message.conversation
    recipient = _other_party(conversation, message.sender)
    language = recipient.preferred_language or hub_settings_get().default_language
    with translation.override(language):
        notify(user=recipient, kind="marketplace_message",
               title=_("New message from %(name)s about “%(ad)s”") % {"name": message.sender.display_name,
                                                                     "ad": conversation.ad.title},
               url=conversation.get_absolute_url(), body=message.body[:300] if message.hidden_at is None else "")
    send_conversation_email.enqueue(conversation_id=conversation.pk, recipient_id=recipient.pk)


def conversation_mark_read(*, conversation: Conversation, by) -> None:
    """The party has seen every message so far."""
    now = timezone.now()
    if by.pk == conversation.ad.owner_id:
        field = "owner_read_at"
    elif by.pk == conversation.respondent_id:
        field = "respondent_read_at"
    else:
        return
    current = getattr(conversation, field)
    if current is not None and current >= conversation.last_message_at:
        return
    Conversation.objects.filter(pk=conversation.pk).update(**{field: now})
    setattr(conversation, field, now)
    unread_count_forget(user_ids=[by.pk])


# Blocks ---------------------------------------------------------------------------------------------

def block_create(*, blocker, blocked) -> Block:
    """`blocker` takes no more messages from `blocked`, in any conversation."""
    if not rules.has_perm("marketplace.report", blocker):
        raise PermissionDenied
    if blocker.pk == blocked.pk:
        raise ValidationError(_("You cannot block yourself."), code="self")
    try:
        with transaction.atomic():
            block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    except IntegrityError:
        block = Block.objects.get(blocker=blocker, blocked=blocked)
    return block


def block_delete(*, blocker, blocked_id: int) -> bool:
    return Block.objects.filter(blocker=blocker, blocked_id=blocked_id).delete()[0] > 0


# Matched --------------------------------------------------------------------------------------------

def ad_mark_matched(*, ad: Ad, by, conversations: Iterable[Conversation]) -> list[AdPartner]:
    """Mark the ad matched with the respondents of `conversations` as its partners, recording a partnership
    between the ad's side (its organisation, or its owner) and each partner's side (the organisation they
    replied for, or themselves). All or nothing; the partners are told after the commit."""
    if not rules.has_perm("marketplace.change_ad", by, ad):
        raise PermissionDenied
    conversations = list(conversations)
    if not conversations:
        raise ValidationError({"partners": [_("Pick at least one partner.")]})
    if any(c.ad_id != ad.pk for c in conversations):
        raise ValidationError({"partners": [_("Partners can only be picked among the people who replied.")]})
    if ad.hidden_at is not None:
        raise ValidationError(_("A hidden ad cannot be marked matched."), code="hidden")
    now = timezone.now()
    with transaction.atomic():
        locked = Ad.objects.select_for_update().get(pk=ad.pk)
        if locked.status == Ad.Status.MATCHED:
            raise ValidationError(_("This ad is already marked matched."), code="matched")
        if locked.status == Ad.Status.CLOSED:
            raise ValidationError(_("A closed ad cannot be marked matched."), code="closed")
        partners = []
        for conversation in conversations:
            partnership = Partnership.objects.create(
                organisation_a_id=ad.organisation_id, person_a_id=None if ad.organisation_id else ad.owner_id,
                organisation_b_id=conversation.respondent_organisation_id,
                person_b_id=None if conversation.respondent_organisation_id else conversation.respondent_id,
                description=ad.title[:300], source_url=ad.get_absolute_url(), created_by=by)
            partners.append(AdPartner.objects.create(
                ad=ad, user_id=conversation.respondent_id, organisation_id=conversation.respondent_organisation_id,
                partnership=partnership))
        Ad.objects.filter(pk=ad.pk).update(status=Ad.Status.MATCHED, matched_at=now, updated_at=now)
        ad.status, ad.matched_at = Ad.Status.MATCHED, now
        from .search import ad_index

        transaction.on_commit(partial(ad_index, ad_id=ad.pk))
        transaction.on_commit(partial(generation_bump, MARKETPLACE))
        transaction.on_commit(partial(generation_bump, DIRECTORY))
        transaction.on_commit(partial(partners_notify, ad_id=ad.pk, user_ids=[p.user_id for p in partners]))
    return partners


def partners_notify(*, ad_id: int, user_ids: list[int]) -> None:
    from samskap.accounts.models import User
    from samskap.accounts.notifications import notify
    from samskap.core.selectors import hub_settings_get

    ad = Ad.objects.select_related("owner", "organisation").filter(pk=ad_id).first()
    if ad is None:
        return
    default = hub_settings_get().default_language
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        with translation.override(user.preferred_language or default):
            notify(user=user, kind="marketplace_matched",
                   title=_("%(name)s picked you as a partner for “%(ad)s”") % {"name": ad.poster_name, "ad": ad.title},
                   url=ad.get_absolute_url(), key=f"ad-matched:{ad.pk}")

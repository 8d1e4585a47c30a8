"""Invitations to events that are "by invitation": who may register, and the e-mail that says so."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Event, EventInvitation

MAX_PER_BATCH = 500


def invitation_emails_parse(text: str) -> list[str]:
    """The addresses in `text` (one per line, or separated by commas, semicolons or spaces), lower-cased,
    each once. Raises a ValidationError naming every address that is not one."""
    candidates = [part.strip().strip("<>").lower() for part in text.replace(",", " ").replace(";", " ").split()]
    addresses, wrong = [], []
    for candidate in dict.fromkeys(filter(None, candidates)):
        try:
            validate_email(candidate)
        except ValidationError:
            wrong.append(candidate)
        else:
            addresses.append(candidate)
    if wrong:
        raise ValidationError(_("These are not e-mail addresses: %(addresses)s") % {"addresses": ", ".join(wrong)},
                              code="invalid")
    if not addresses:
        raise ValidationError(_("Give at least one e-mail address."), code="empty")
    if len(addresses) > MAX_PER_BATCH:
        raise ValidationError(_("Invite at most %(max)s people at a time.") % {"max": MAX_PER_BATCH}, code="too_many")
    return addresses


def invitations_send(*, event: Event, by, emails: list[str]) -> list[EventInvitation]:
    """Invite the addresses not yet invited and e-mail each its registration link after the commit.

    Returns the new invitations; addresses invited before are left alone (use `invitation_resend`).
    """
    if not by.has_perm("events.change_event", event):
        raise PermissionDenied
    if event.audience != Event.Audience.INVITATION:
        raise ValidationError(_("Anyone may register for this event: it needs no invitations."), code="not_by_invitation")
    with transaction.atomic():
        known = set(EventInvitation.objects.filter(event=event, email__in=emails).values_list("email", flat=True))
        created = EventInvitation.objects.bulk_create(
            [EventInvitation(event=event, email=email) for email in emails if email not in known])
        # bulk_create leaves primary keys unset on some databases: read the new rows back.
        created = list(EventInvitation.objects.filter(event=event, email__in=[i.email for i in created]))
        for invitation in created:
            transaction.on_commit(partial(_enqueue, invitation.pk))
    return created


def invitation_resend(*, invitation: EventInvitation, by) -> None:
    if not by.has_perm("events.change_event", invitation.event):
        raise PermissionDenied
    transaction.on_commit(partial(_enqueue, invitation.pk))


def invitation_remove(*, invitation: EventInvitation, by) -> None:
    """Withdraw an invitation. A registration already made with it stays; cancel that on the participant list."""
    if not by.has_perm("events.change_event", invitation.event):
        raise PermissionDenied
    invitation.delete()


def _enqueue(invitation_id: int) -> None:
    from .tasks import send_invitation_email

    send_invitation_email.enqueue(invitation_id=invitation_id)


def invitations_send_all(event_id: int) -> int:
    """E-mail every invitation of the event: on publishing, those made while it was a draft go out."""
    ids = list(EventInvitation.objects.filter(event_id=event_id).values_list("pk", flat=True))
    for pk in ids:
        _enqueue(pk)
    return len(ids)

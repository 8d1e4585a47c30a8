"""Writes at the check-in desk: arrivals and their undoing.

A check-in is one conditional UPDATE, so two staff scanning the same badge at once check the
person in once, and the first time of arrival is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event, Registration
from .selectors_organiser import registration_by_code


@dataclass
class CheckIn:
    registration: Registration
    already: bool  # checked in before: scanning a badge twice is not an error


def _not_checkable_reason(registration: Registration) -> str:
    if registration.status == Registration.Status.CANCELLED:
        return _("%(name)s cancelled their registration.") % {"name": registration.name}
    return _("%(name)s is not a confirmed participant (%(status)s).") % {
        "name": registration.name, "status": registration.get_status_display()}


def registration_check_in(*, event: Event, code: str | None = None, registration: Registration | None = None,
                          by) -> CheckIn:
    """Check a participant in by the code in their QR code (or a URL with it), or by their registration."""
    if not by.has_perm("events.check_in", event):
        raise PermissionDenied
    if registration is None:
        registration = registration_by_code(payload=code or "")
        if registration is None:
            raise ValidationError(_("No registration has this code. Check the code, or search by name."),
                                  code="unknown")
    if registration.event_id != event.pk:
        raise ValidationError(_("This code is for another event: “%(event)s”.") % {"event": registration.event.title},
                              code="other_event")
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_not_checkable_reason(registration), code="not_confirmed")
    if registration.checked_in_at is not None:
        return CheckIn(registration=registration, already=True)
    now = timezone.now()
    updated = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=now, updated_at=now)
    if not updated:  # someone else at the desk was quicker
        registration.refresh_from_db(fields=["checked_in_at"])
        return CheckIn(registration=registration, already=True)
    registration.checked_in_at = now
    return CheckIn(registration=registration, already=False)


def registration_undo_check_in(*, event: Event, registration: Registration, by) -> Registration:
    """Take back a check-in made by mistake."""
    if not by.has_perm("events.check_in", event):
        raise PermissionDenied
    if registration.event_id != event.pk:
        raise ValidationError(_("This registration is for another event."), code="other_event")
    now = timezone.now()
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=None, updated_at=now)
    registration.checked_in_at = None
    return registration


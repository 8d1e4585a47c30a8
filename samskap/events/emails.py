"""The e-mails a registrant receives, each in the registrant's own language.

Messages are built here and sent by tasks (samskap/events/tasks.py), never inside a request, so a
mail server that is down delays a message instead of losing a registration. Each kind checks that
it still applies when it is sent: an offer that was answered meanwhile is not mailed.
"""

from __future__ import annotations

import io

import segno
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .ical import event_ics, site_url
from .models import Event, Registration

Status = Registration.Status

# kind: (subject, when it still applies)
KINDS = {
    "confirm_address": (lambda: _("Confirm your registration for %(event)s"),
                        lambda r: r.status == Status.UNCONFIRMED),
    "confirmed": (lambda: _("You are registered for %(event)s"),
                  lambda r: r.status == Status.CONFIRMED and r.event.status == Event.Status.PUBLISHED),
    "waiting": (lambda: _("You are on the waiting list for %(event)s"),
                lambda r: r.status == Status.WAITING and r.event.status == Event.Status.PUBLISHED),
    "offer": (lambda: _("A place is free for you at %(event)s"),
              lambda r: r.status == Status.OFFERED and r.event.status == Event.Status.PUBLISHED),
    "offer_expired": (lambda: _("The offer of a place at %(event)s has expired"),
                      lambda r: r.status == Status.CANCELLED),
    "reminder": (lambda: _("Reminder: %(event)s"),
                 lambda r: r.status == Status.CONFIRMED and r.event.status == Event.Status.PUBLISHED),
    "feedback": (lambda: _("How was %(event)s?"),
                 lambda r: r.status == Status.CONFIRMED),
    "event_cancelled": (lambda: _("Cancelled: %(event)s"),
                        lambda r: r.status != Status.CANCELLED and r.event.status == Event.Status.CANCELLED),
}


def check_in_url(registration: Registration) -> str:
    """The check-in desk's address with the registration's code: staff can scan it with the desk's camera
    button, or with any phone camera app, which opens the desk showing the person (after log-in)."""
    query = urlencode({"code": registration.check_in_code})
    return f"{site_url()}{reverse('events:check_in', args=[registration.event.slug])}?{query}"


def check_in_qr(registration: Registration) -> segno.QRCode:
    """The QR code staff scan at the door: the check-in address holding the registration's code."""
    return segno.make(check_in_url(registration), error="m")


def check_in_qr_png(registration: Registration) -> bytes:
    buffer = io.BytesIO()
    check_in_qr(registration).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def check_in_qr_svg(registration: Registration, *, title: str) -> str:
    """The QR code as inline SVG for a page: no styles, an accessible name from `title`."""
    svg = check_in_qr(registration).svg_inline(scale=5, border=4, title=title, svgclass="check-in-qr",
                                               lineclass=None)
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _links(registration: Registration, base: str) -> dict[str, str]:
    token = registration.token
    return {
        "registration_url": base + reverse("events:registration", args=[token]),
        "confirm_url": base + reverse("events:registration_confirm", args=[token]),
        "offer_url": base + reverse("events:offer", args=[token]),
        "feedback_url": base + reverse("events:feedback", args=[token]),
        "cancel_url": base + reverse("events:registration_cancel", args=[token]),
        "event_url": base + registration.event.get_absolute_url(),
    }


def registration_email(registration: Registration, kind: str) -> EmailMessage | None:
    """The message of `kind` for the registration, or None when it no longer applies."""
    from samskap.core.selectors import hub_settings_get

    subject, applies = KINDS[kind]
    if not applies(registration):
        return None
    event = registration.event
    base = site_url()
    hub = hub_settings_get()
    language = registration.language
    with translation.override(language):
        context = {"registration": registration, "event": event, "hub": hub, "kind": kind,
                   "show_online_link": bool(event.online_url) and registration.status == Status.CONFIRMED,
                   **_links(registration, base)}
        body = render_to_string(f"events/email/{kind}.txt", context)
        message = EmailMessage(subject() % {"event": event.title}, body, to=[registration.email],
                               reply_to=[hub.contact_email] if hub.contact_email else None,
                               headers={"Content-Language": language})
        if kind in ("confirmed", "reminder", "event_cancelled"):
            message.attach(f"{event.slug}.ics", event_ics(event, base_url=base, registration=registration),
                           "text/calendar")
        if kind in ("confirmed", "reminder"):
            message.attach("check-in.png", check_in_qr_png(registration), "image/png")
    return message


def registration_email_send(*, registration_id: int, kind: str) -> bool:
    """Send one e-mail now; False when the registration is gone or the message no longer applies."""
    registration = (Registration.objects.select_related("event", "ticket_type")
                    .filter(pk=registration_id).first())
    if registration is None:
        return False
    message = registration_email(registration, kind)
    if message is None:
        return False
    message.send()
    return True


def invitation_email_send(*, invitation_id: int) -> bool:
    """E-mail one invitation with its registration link, in the event's language when the hub speaks it."""
    from django.conf import settings

    from samskap.core.selectors import hub_settings_get

    from .models import EventInvitation

    invitation = EventInvitation.objects.select_related("event").filter(pk=invitation_id).first()
    if invitation is None or invitation.event.status != Event.Status.PUBLISHED:
        return False
    event, hub = invitation.event, hub_settings_get()
    language = event.language if event.language in dict(settings.LANGUAGES) else hub.default_language
    base = site_url()
    with translation.override(language):
        body = render_to_string("events/email/invitation.txt", {
            "event": event, "hub": hub,
            "register_url": f"{base}{reverse('events:register', args=[event.slug])}?invitation={invitation.token}",
            "event_url": base + event.get_absolute_url()})
        EmailMessage(_("You are invited to %(event)s") % {"event": event.title}, body, to=[invitation.email],
                     reply_to=[hub.contact_email] if hub.contact_email else None,
                     headers={"Content-Language": language}).send()
    return True


def notify_event_cancelled(event_id: int) -> int:
    """Tell everyone registered (also those waiting or offered a place) that the event is cancelled.

    Called by the event's cancel service after the commit; one e-mail task each. Returns how many.
    """
    from .tasks import send_registration_email

    registrations = Registration.objects.filter(event_id=event_id).exclude(
        status__in=[Status.CANCELLED, Status.UNCONFIRMED]).values_list("pk", flat=True)
    count = 0
    for pk in registrations:
        send_registration_email.enqueue(registration_id=pk, kind="event_cancelled")
        count += 1
    return count

"""Writes for registration: signing up, confirming, the waiting list, cancelling, paying, feedback.

Capacity is never exceeded: every change that takes or frees a place runs in one transaction that
first locks the event's row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE
transactions serialise all writes). Places held are counted inside that lock.

A member's registration is confirmed at once; a guest's waits for the link in the e-mail and holds
no place until then. When a place frees up, the first person on the waiting list is offered it for
`event.offer_hours`; an unanswered offer passes on by itself (a task runs when it expires, and
`manage.py events_tick` sweeps up anything missed). E-mails leave through tasks after the commit,
so a mail server that is down never loses a registration.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samskap.core.permissions import is_member

from samskap.core.fragments import EVENTS, generation_bump

from .models import Event, EventInvitation, Feedback, Registration, RegistrationQuestion, TicketType

Status = Registration.Status
MAX_TEXT_ANSWER = 2000
FEEDBACK_REQUEST_DAYS = 7  # no feedback requests for events that ended longer ago (a worker that was down)


# E-mails and delayed work, after the commit --------------------------------------------------------------------

def _enqueue_email(*, registration_id: int, kind: str) -> None:
    from .tasks import send_registration_email

    send_registration_email.enqueue(registration_id=registration_id, kind=kind)


def _email_after_commit(registration: Registration, kind: str) -> None:
    transaction.on_commit(partial(_enqueue_email, registration_id=registration.pk, kind=kind))


def _enqueue_offer_expiry(*, registration_id: int, expires_at_iso: str) -> None:
    from datetime import datetime

    from .tasks import offer_expire

    offer_expire.using(run_after=datetime.fromisoformat(expires_at_iso)).enqueue(registration_id=registration_id)


# Checks ---------------------------------------------------------------------------------------------------------

def _check_registration_open(event: Event) -> None:
    state = event.registration_state
    if state == "open":
        return
    messages = {
        "off": _("This event does not take registrations."),
        "cancelled": _("This event is cancelled."),
        "draft": _("This event is not published."),
        "not_yet": _("Registration has not opened yet."),
        "closed": _("Registration is closed."),
    }
    raise ValidationError(messages[state], code=state)


def _check_audience(event: Event, *, user, email: str, invitation_token: str | None) -> None:
    if event.audience == Event.Audience.MEMBERS and not is_member(user):
        raise ValidationError(_("Only members may register for this event. Log in first."), code="members_only")
    if event.audience == Event.Audience.INVITATION:
        invitations = EventInvitation.objects.filter(event=event)
        by_token = bool(invitation_token) and invitations.filter(token=invitation_token).exists()
        if not by_token and not invitations.filter(email__iexact=email).exists():
            raise ValidationError(
                _("This event is by invitation only, and this e-mail address is not invited."), code="not_invited")


def _address_is_verified(user, email: str) -> bool:
    """The member's own address (or another address their account has verified)."""
    if not is_member(user):
        return False
    if user.email.lower() == email:
        return True
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def answers_clean(*, event: Event, answers: dict[Any, Any],
                  questions: list[RegistrationQuestion] | None = None) -> dict[str, Any]:
    """The answers keyed by question id (as text), checked against each question's kind.

    Errors are keyed "question_<id>" so a form can show each by its field.
    """
    if questions is None:
        questions = list(event.questions.all())
    cleaned: dict[str, Any] = {}
    errors: dict[str, list[ValidationError]] = {}
    for question in questions:
        value = answers.get(str(question.pk), answers.get(question.pk))
        if isinstance(value, str):
            value = value.strip()
        empty = value is None or value == "" or value == []
        key = f"question_{question.pk}"
        if empty:
            if question.required:
                errors[key] = [ValidationError(_("Answer the question “%(question)s”.") % {"question": question.label},
                                               code="answer_required")]
            continue
        problem = ""
        Kind = RegistrationQuestion.Kind
        if question.kind == Kind.TEXT:
            if not isinstance(value, str) or len(value) > MAX_TEXT_ANSWER:
                problem = _("Keep the answer to “%(question)s” under %(count)d characters.") % {
                    "question": question.label, "count": MAX_TEXT_ANSWER}
        elif question.kind == Kind.SINGLE:
            if value not in question.choices:
                problem = _("Choose one of the answers to “%(question)s”.") % {"question": question.label}
        elif question.kind == Kind.MULTIPLE:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not set(value) <= set(question.choices):
                problem = _("Choose among the answers to “%(question)s”.") % {"question": question.label}
            else:
                value = [choice for choice in question.choices if choice in value]  # the organiser's order
        elif question.kind == Kind.YES_NO:
            if isinstance(value, str) and value.lower() in ("yes", "no", "true", "false"):
                value = value.lower() in ("yes", "true")
            if not isinstance(value, bool):
                problem = _("Answer “%(question)s” with yes or no.") % {"question": question.label}
        if problem:
            errors[key] = [ValidationError(problem, code="answer_invalid")]
        else:
            cleaned[str(question.pk)] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def _price(event: Event, *, ticket_type: TicketType | None, amount) -> tuple[TicketType | None, Decimal]:
    if ticket_type is not None and ticket_type.event_id != event.pk:
        raise ValidationError({"ticket_type": [ValidationError(_("This ticket type belongs to another event."),
                                                               code="ticket_type")]})
    if event.pricing == Event.Pricing.TICKETS:
        if ticket_type is None and event.ticket_types.exists():
            raise ValidationError({"ticket_type": [ValidationError(_("Choose a ticket type."), code="ticket_type")]})
        return ticket_type, (ticket_type.price if ticket_type else Decimal("0"))
    if event.pricing == Event.Pricing.PAY_WHAT_YOU_CAN:
        try:
            value = Decimal(str(amount)) if amount not in (None, "") else None
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise ValidationError({"amount": [ValidationError(_("Choose how much you pay."), code="amount")]})
        if value < event.minimum_amount:
            raise ValidationError({"amount": [ValidationError(
                _("Pay at least %(minimum)s %(currency)s.") % {"minimum": number_format(event.minimum_amount, 2),
                                                               "currency": event.currency}, code="amount")]})
        return ticket_type, value.quantize(Decimal("0.01"))
    return ticket_type, Decimal("0")


def payment_methods(event: Event) -> list[str]:
    """The ways to pay this event offers."""
    methods = []
    if event.pay_by_invoice:
        methods.append(Registration.PaymentMethod.INVOICE)
    if event.pay_at_venue:
        methods.append(Registration.PaymentMethod.AT_VENUE)
    return methods


def _check_payment(event: Event, *, amount: Decimal, payment_method: str, invoice: dict[str, str]) -> str:
    if amount <= 0:
        return Registration.PaymentMethod.NONE
    allowed = payment_methods(event)
    if allowed and payment_method not in allowed:
        raise ValidationError({"payment_method": [ValidationError(_("Choose how you pay."), code="payment_method")]})
    if payment_method == Registration.PaymentMethod.INVOICE:
        missing = {key: [ValidationError(message, code="invoice_details")] for key, message in (
            ("invoice_organisation", _("Give the organisation or person the invoice goes to.")),
            ("invoice_address", _("Give the address the invoice goes to.")),
        ) if not invoice.get(key, "").strip()}
        if missing:
            raise ValidationError(missing)
    return payment_method if payment_method in allowed else Registration.PaymentMethod.NONE


def payment_begin(*, registration: Registration) -> str:
    """Start paying for a registration; return the address to send the registrant to next, or "" to stay.

    This is the one place that knows how each `Registration.PaymentMethod` is paid. Invoices and
    payments at the venue are settled outside Samskap: the registration stays unpaid until an
    organiser marks it paid (`registration_mark_paid`). An online payment provider would add a
    PaymentMethod value and a branch here that creates the payment at the provider, keeps the
    provider's id in `registration.payment_reference` and returns its checkout address; the
    provider's confirmation (a webhook view) then sets `payment_status` to PAID.
    """
    if registration.amount <= 0:
        return ""
    if registration.payment_method in (Registration.PaymentMethod.INVOICE, Registration.PaymentMethod.AT_VENUE,
                                       Registration.PaymentMethod.NONE):
        return ""
    raise ValueError(f"No payment handling for {registration.payment_method!r}")


# Places ---------------------------------------------------------------------------------------------------------

def places_left(event: Event, ticket_type: TicketType | None = None) -> int | None:
    """Free places for the event (and the ticket type), None for no limit. Exact only under the event's lock."""
    held = Registration.objects.filter(event=event).holding_a_place()
    left = None
    if event.capacity is not None:
        left = event.capacity - held.count()
    if ticket_type is not None and ticket_type.capacity is not None:
        for_type = ticket_type.capacity - held.filter(ticket_type=ticket_type).count()
        left = for_type if left is None else min(left, for_type)
    return None if left is None else max(left, 0)


def _lock(event: Event) -> Event:
    """Lock the event's row for the rest of the transaction and return it fresh.

    Every change to who holds a place passes here, some by queryset updates that send no signal: the
    visitors' cached copies of the event's pages (places left) are outdated after the commit.
    """
    transaction.on_commit(partial(generation_bump, EVENTS))
    return Event.objects.select_for_update().get(pk=event.pk)


def _place(event: Event, registration: Registration) -> str:
    """Under the lock: the status a registration that wants a place gets — confirmed or waiting.

    Someone already waiting for the same kind of place goes first, so a newcomer never jumps the queue.
    """
    waiting = Registration.objects.filter(event=event, status=Status.WAITING).exclude(pk=registration.pk)
    if registration.ticket_type_id:
        waiting = waiting.filter(Q(ticket_type_id=registration.ticket_type_id) | Q(ticket_type__isnull=True))
    left = places_left(event, registration.ticket_type)
    if (left is None or left > 0) and not waiting.exists():
        return Status.CONFIRMED
    if event.waiting_list:
        return Status.WAITING
    raise ValidationError(_("The event is full, and it has no waiting list."), code="full")


def _offer_places(event: Event) -> int:
    """Under the lock: offer free places to the waiting list, first come first served. Returns how many."""
    now = timezone.now()
    if event.status != Event.Status.PUBLISHED or event.start <= now:
        return 0
    offered = 0
    for registration in (Registration.objects.filter(event=event, status=Status.WAITING)
                         .select_related("ticket_type").order_by("created_at", "id")):
        if places_left(event) == 0:
            break
        if places_left(event, registration.ticket_type) == 0:
            continue  # that ticket type is full; someone later in the queue may want another
        registration.status = Status.OFFERED
        registration.offer_expires_at = min(now + timedelta(hours=event.offer_hours), event.start)
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        _email_after_commit(registration, "offer")
        transaction.on_commit(partial(_enqueue_offer_expiry, registration_id=registration.pk,
                                      expires_at_iso=registration.offer_expires_at.isoformat()))
        offered += 1
    return offered


def _confirm(registration: Registration) -> None:
    registration.status = Status.CONFIRMED
    registration.confirmed_at = timezone.now()
    registration.offer_expires_at = None
    if registration.amount > 0 and registration.payment_status == Registration.PaymentStatus.NOT_REQUIRED:
        registration.payment_status = Registration.PaymentStatus.UNPAID


# Registering ----------------------------------------------------------------------------------------------------

def registration_create(*, event: Event, user=None, name: str, email: str, language: str,
                        organisation_name: str = "", ticket_type: TicketType | None = None, amount=None,
                        payment_method: str = "", invoice_organisation: str = "", invoice_org_number: str = "",
                        invoice_reference: str = "", invoice_address: str = "",
                        answers: dict[Any, Any] | None = None, on_participant_list: bool = False,
                        invitation_token: str | None = None) -> Registration:
    """Register someone for an event.

    A member registering with their own address is confirmed at once (or put on the waiting list);
    anyone else gets an e-mail with a link that confirms the address, and holds no place until then.
    Raises ValidationError with a message for each problem; field problems are keyed by argument name
    ("email", "ticket_type", "amount", "payment_method", "invoice_organisation", "invoice_address",
    "question_<id>").
    """
    name = (name or "").strip()
    email = (email or "").strip().lower()
    if not name:
        raise ValidationError({"name": [ValidationError(_("Give your name."), code="name")]})
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": [ValidationError(_("Give a valid e-mail address."), code="email")]})
    languages = [code for code, _name in settings.LANGUAGES]
    language = language if language in languages else settings.LANGUAGE_CODE
    user = user if is_member(user) else None

    _check_registration_open(event)
    _check_audience(event, user=user, email=email, invitation_token=invitation_token)
    cleaned_answers = answers_clean(event=event, answers=answers or {})
    ticket_type, price = _price(event, ticket_type=ticket_type, amount=amount)
    invoice = {"invoice_organisation": invoice_organisation, "invoice_org_number": invoice_org_number,
               "invoice_reference": invoice_reference, "invoice_address": invoice_address}
    payment_method = _check_payment(event, amount=price, payment_method=payment_method, invoice=invoice)
    if payment_method != Registration.PaymentMethod.INVOICE:
        invoice = dict.fromkeys(invoice, "")
    verified = _address_is_verified(user, email)

    with transaction.atomic():
        event = _lock(event)
        _check_registration_open(event)
        live = Registration.objects.filter(event=event).exclude(status=Status.CANCELLED)
        if live.filter(Q(email__iexact=email) | Q(user=user) if user else Q(email__iexact=email)).exists():
            raise ValidationError({"email": [ValidationError(
                _("This e-mail address is already registered for this event. The e-mail we sent has a link "
                  "to your registration."), code="duplicate")]})
        registration = Registration(
            event=event, user=user, name=name, email=email, organisation_name=organisation_name.strip(),
            language=language, ticket_type=ticket_type, amount=price, currency=event.currency,
            payment_method=payment_method,
            payment_status=(Registration.PaymentStatus.UNPAID if price > 0
                            else Registration.PaymentStatus.NOT_REQUIRED),
            answers=cleaned_answers, on_participant_list=bool(on_participant_list),
            **{key: value.strip() for key, value in invoice.items()},
        )
        if verified:
            registration.status = _place(event, registration)
            if registration.status == Status.CONFIRMED:
                _confirm(registration)
        else:
            # Tell a guest now rather than after the e-mail round trip; the binding check is at confirmation.
            _place(event, registration)
            registration.status = Status.UNCONFIRMED
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            raise ValidationError({"email": [ValidationError(
                _("This e-mail address is already registered for this event."), code="duplicate")]})
        _email_after_commit(registration, {Status.CONFIRMED: "confirmed", Status.WAITING: "waiting"}.get(
            registration.status, "confirm_address"))
    return registration


def registration_confirm_email(*, token: str) -> Registration:
    """The guest opened the link in the e-mail: the registration takes a place, or joins the waiting list.

    Opening the link again changes nothing. When the last place went while the e-mail was on its way
    and the event has no waiting list, the registration is cancelled and ValidationError says so.
    """
    registration = Registration.objects.select_related("event").filter(token=token).first()
    if registration is None:
        raise Registration.DoesNotExist
    if registration.status != Status.UNCONFIRMED:
        return registration
    full = False
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_related("ticket_type").get(pk=registration.pk)
        if registration.status != Status.UNCONFIRMED:
            return registration
        _check_registration_open(event)
        try:
            registration.status = _place(event, registration)
        except ValidationError:
            registration.status = Status.CANCELLED
            registration.cancelled_at = timezone.now()
            full = True
        if registration.status == Status.CONFIRMED:
            _confirm(registration)
        registration.save()
        registration.event = event
        if not full:
            _email_after_commit(registration, "confirmed" if registration.status == Status.CONFIRMED else "waiting")
    if full:
        raise ValidationError(_("Sorry, the last place was taken before you confirmed, and the event has no "
                                "waiting list."), code="full")
    return registration


def _check_changeable(registration: Registration) -> None:
    if registration.status == Status.CANCELLED:
        raise ValidationError(_("This registration is cancelled."), code="cancelled")
    if registration.event.end <= timezone.now():
        raise ValidationError(_("The event is over."), code="past")


def registration_update_answers(*, registration: Registration, answers: dict[Any, Any],
                                on_participant_list: bool, name: str | None = None,
                                organisation_name: str | None = None) -> Registration:
    """The registrant changes their answers, name, organisation or place on the participant list."""
    _check_changeable(registration)
    registration.answers = answers_clean(event=registration.event, answers=answers)
    registration.on_participant_list = bool(on_participant_list)
    if name is not None:
        if not name.strip():
            raise ValidationError({"name": [ValidationError(_("Give your name."), code="name")]})
        registration.name = name.strip()
    if organisation_name is not None:
        registration.organisation_name = organisation_name.strip()
    registration.save(update_fields=["answers", "on_participant_list", "name", "organisation_name", "updated_at"])
    return registration


def registration_cancel(*, registration: Registration) -> Registration:
    """The registrant cancels; a place they held goes to the first person on the waiting list."""
    if registration.status == Status.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."), code="cancelled")
    if registration.event.start <= timezone.now():
        raise ValidationError(_("The event has started; it is too late to cancel here. Contact the organisers."),
                              code="started")
    with transaction.atomic():
        event = _lock(registration.event)
        updated = Registration.objects.filter(pk=registration.pk).exclude(status=Status.CANCELLED).update(
            status=Status.CANCELLED, cancelled_at=timezone.now(), offer_expires_at=None, updated_at=timezone.now())
        if updated:
            _offer_places(event)
    registration.refresh_from_db()
    return registration


# The waiting list -----------------------------------------------------------------------------------------------

def offer_accept(*, registration: Registration) -> Registration:
    """Take the offered place."""
    with transaction.atomic():
        _lock(registration.event)
        registration = Registration.objects.select_related("event").get(pk=registration.pk)
        if registration.status == Status.CONFIRMED:
            return registration
        if registration.status != Status.OFFERED:
            raise ValidationError(_("There is no offer of a place to answer."), code="no_offer")
        if registration.offer_expires_at and registration.offer_expires_at <= timezone.now():
            raise ValidationError(_("Sorry, the offer has expired and the place went to the next person."),
                                  code="expired")
        _confirm(registration)
        registration.save()
        _email_after_commit(registration, "confirmed")
    return registration


def offer_decline(*, registration: Registration) -> Registration:
    """Say no to the offered place; it goes to the next person."""
    if registration.status != Status.OFFERED:
        raise ValidationError(_("There is no offer of a place to answer."), code="no_offer")
    return registration_cancel(registration=registration)


def offer_expire(*, registration_id: int) -> bool:
    """Pass an unanswered offer on, if it has expired. Safe to run any number of times."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None:
        return False
    now = timezone.now()
    with transaction.atomic():
        event = _lock(registration.event)
        updated = Registration.objects.filter(pk=registration_id, status=Status.OFFERED,
                                              offer_expires_at__lte=now).update(
            status=Status.CANCELLED, cancelled_at=now, updated_at=now)
        if updated:
            _email_after_commit(registration, "offer_expired")
            _offer_places(event)
    return bool(updated)


def waitlist_offer_places(*, event: Event) -> int:
    """Offer free places to the waiting list, e.g. after the organiser adds places. Returns how many."""
    with transaction.atomic():
        return _offer_places(_lock(event))


# After the event and payments -----------------------------------------------------------------------------------

def feedback_give(*, registration: Registration, rating: int, comment: str = "") -> Feedback:
    """A participant rates the event (1–5) after it ended; giving it again replaces it."""
    if registration.status != Status.CONFIRMED:
        raise ValidationError(_("Only participants can give feedback."), code="not_participant")
    if registration.event.end > timezone.now():
        raise ValidationError(_("You can give feedback when the event is over."), code="not_over")
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError({"rating": [ValidationError(_("Choose a rating from 1 to 5."), code="rating")]})
    comment = (comment or "").strip()
    if len(comment) > 4000:
        raise ValidationError({"comment": [ValidationError(_("Keep the comment under 4000 characters."),
                                                           code="comment")]})
    feedback, _created = Feedback.objects.update_or_create(registration=registration,
                                                           defaults={"rating": rating, "comment": comment})
    return feedback


def registration_mark_paid(*, registration: Registration, paid: bool, by) -> Registration:
    """An organiser records that a registration is paid, or not after all."""
    if not by.has_perm("events.mark_paid", registration.event):
        raise PermissionDenied
    if registration.amount <= 0:
        raise ValidationError(_("This registration has nothing to pay."), code="nothing_to_pay")
    registration.payment_status = Registration.PaymentStatus.PAID if paid else Registration.PaymentStatus.UNPAID
    registration.save(update_fields=["payment_status", "updated_at"])
    return registration


# The sweep, for cron and the task worker ------------------------------------------------------------------------

def offers_expire_overdue() -> int:
    """Pass on every offer that expired (the delayed task does this too; this catches any it missed)."""
    overdue = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=timezone.now())
    return sum(offer_expire(registration_id=pk) for pk in overdue.values_list("pk", flat=True))


def waitlists_refill() -> int:
    """Offer places that are free while people wait (capacity raised, a missed offer)."""
    now = timezone.now()
    events = Event.objects.filter(status=Event.Status.PUBLISHED, start__gt=now,
                                  registrations__status=Status.WAITING).distinct()
    return sum(waitlist_offer_places(event=event) for event in events)


def reminders_send_due() -> int:
    """Remind the confirmed participants of events starting within each event's reminder time, once."""
    now = timezone.now()
    upcoming = Event.objects.filter(status=Event.Status.PUBLISHED, start__gt=now, reminder_hours__gt=0)
    longest = upcoming.aggregate(hours=Max("reminder_hours"))["hours"]
    if not longest:
        return 0
    sent = 0
    for event in upcoming.filter(start__lte=now + timedelta(hours=longest)):
        window_opens = event.start - timedelta(hours=event.reminder_hours)
        if window_opens > now:
            continue
        # Someone who registered inside the window just had the confirmation; no reminder on top.
        due = Registration.objects.filter(event=event, status=Status.CONFIRMED, reminder_sent_at__isnull=True,
                                          confirmed_at__lt=window_opens)
        for pk in due.values_list("pk", flat=True):
            if Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
                _enqueue_email(registration_id=pk, kind="reminder")
                sent += 1
    return sent


def feedback_requests_send_due() -> int:
    """Ask those who checked in for feedback once the event is over, once each."""
    now = timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED, checked_in_at__isnull=False, feedback_requested_at__isnull=True,
        event__status=Event.Status.PUBLISHED, event__end__lte=now,
        event__end__gt=now - timedelta(days=FEEDBACK_REQUEST_DAYS))
    sent = 0
    for pk in due.values_list("pk", flat=True):
        if Registration.objects.filter(pk=pk, feedback_requested_at__isnull=True).update(feedback_requested_at=now):
            _enqueue_email(registration_id=pk, kind="feedback")
            sent += 1
    return sent


def events_tick() -> dict[str, int]:
    """Everything time-driven, idempotent: run it every few minutes (cron or the task worker)."""
    return {
        "offers_expired": offers_expire_overdue(),
        "offers_made": waitlists_refill(),
        "reminders": reminders_send_due(),
        "feedback_requests": feedback_requests_send_due(),
    }

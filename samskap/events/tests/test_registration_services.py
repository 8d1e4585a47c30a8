from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.events.models import Event, Registration
from samskap.events.services_registration import (
    feedback_give,
    offer_accept,
    offer_decline,
    places_left,
    registration_cancel,
    registration_confirm_email,
    registration_create,
    registration_mark_paid,
    registration_update_answers,
    waitlist_offer_places,
)

from .factories import (
    EventFactory,
    EventInvitationFactory,
    QuestionFactory,
    RegistrationFactory,
    TicketTypeFactory,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


def register(event, *, user=None, email="guest@example.org", **kwargs):
    fields = {"name": "Gunnel Gäst", "language": "en", "answers": {}}
    fields.update(kwargs)
    return registration_create(event=event, user=user, email=email, **fields)


def messages_of(excinfo) -> list[str]:
    return excinfo.value.messages


# Who gets a place -----------------------------------------------------------------------------------------------

def test_a_member_registering_with_their_own_address_is_confirmed_at_once(member):
    event = EventFactory(capacity=10)
    registration = register(event, user=member, email=member.email.upper())
    assert registration.status == Status.CONFIRMED
    assert registration.confirmed_at is not None
    assert registration.user == member
    assert registration.email == member.email
    assert places_left(event) == 9


def test_a_guest_holds_no_place_until_the_address_is_confirmed():
    event = EventFactory(capacity=1)
    registration = register(event)
    assert registration.status == Status.UNCONFIRMED
    assert places_left(event) == 1
    confirmed = registration_confirm_email(token=registration.token)
    assert confirmed.status == Status.CONFIRMED
    assert places_left(event) == 0


def test_a_member_using_an_address_not_in_their_account_confirms_it_like_a_guest(member):
    registration = register(EventFactory(), user=member, email="someone-else@example.org")
    assert registration.status == Status.UNCONFIRMED


def test_confirming_twice_changes_nothing():
    registration = register(EventFactory())
    first = registration_confirm_email(token=registration.token)
    again = registration_confirm_email(token=registration.token)
    assert first.status == again.status == Status.CONFIRMED
    assert again.confirmed_at == first.confirmed_at


def test_a_guest_who_confirms_after_the_last_place_went_joins_the_waiting_list(member):
    event = EventFactory(capacity=1)
    guest = register(event)
    register(event, user=member, email=member.email)
    assert registration_confirm_email(token=guest.token).status == Status.WAITING


def test_a_guest_who_confirms_too_late_for_an_event_without_waiting_list_is_told_and_cancelled(member):
    event = EventFactory(capacity=1, waiting_list=False)
    guest = register(event)
    register(event, user=member, email=member.email)
    with pytest.raises(ValidationError) as excinfo:
        registration_confirm_email(token=guest.token)
    assert "the last place was taken" in messages_of(excinfo)[0]
    guest.refresh_from_db()
    assert guest.status == Status.CANCELLED


def test_full_event_puts_new_registrations_on_the_waiting_list():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    assert register(event).status == Status.UNCONFIRMED  # a guest finds out at confirmation
    member = UserFactory()
    assert register(event, user=member, email=member.email).status == Status.WAITING


def test_full_event_without_a_waiting_list_says_so():
    event = EventFactory(capacity=1, waiting_list=False)
    RegistrationFactory(event=event)
    member = UserFactory()
    with pytest.raises(ValidationError) as excinfo:
        register(event, user=member, email=member.email)
    assert messages_of(excinfo) == ["The event is full, and it has no waiting list."]
    assert Registration.objects.filter(event=event).count() == 1


def test_a_full_ticket_type_puts_its_registrations_on_the_waiting_list_while_others_have_room():
    event = EventFactory(pricing=Event.Pricing.TICKETS, capacity=10, pay_at_venue=True)
    student = TicketTypeFactory(event=event, name="Student", price=0, capacity=1)
    regular = TicketTypeFactory(event=event, name="Regular", price=0)
    RegistrationFactory(event=event, ticket_type=student)
    one, two = UserFactory(), UserFactory()
    assert register(event, user=one, email=one.email, ticket_type=student).status == Status.WAITING
    assert register(event, user=two, email=two.email, ticket_type=regular).status == Status.CONFIRMED


def test_a_newcomer_does_not_jump_the_waiting_list_when_places_are_added():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    first = UserFactory()
    waiting = register(event, user=first, email=first.email)
    Event.objects.filter(pk=event.pk).update(capacity=2)
    event.refresh_from_db()
    newcomer = UserFactory()
    assert register(event, user=newcomer, email=newcomer.email).status == Status.WAITING
    assert waitlist_offer_places(event=event) == 1
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


# Bad input, each with its message -------------------------------------------------------------------------------

def test_registering_twice_with_the_same_address_is_refused_with_a_message():
    event = EventFactory()
    register(event, email="twice@example.org")
    with pytest.raises(ValidationError) as excinfo:
        register(event, email="Twice@Example.org")
    assert "already registered for this event" in messages_of(excinfo)[0]
    assert Registration.objects.filter(event=event).count() == 1


def test_a_cancelled_registration_may_be_followed_by_a_new_one():
    event = EventFactory()
    registration_cancel(registration=register(event, email="again@example.org"))
    assert register(event, email="again@example.org").status == Status.UNCONFIRMED


@pytest.mark.parametrize(("fields", "message"), [
    ({"registration_closes": timezone.now() - timedelta(minutes=1)}, "Registration is closed."),
    ({"registration_opens": timezone.now() + timedelta(days=1)}, "Registration has not opened yet."),
    ({"status": Event.Status.DRAFT}, "This event is not published."),
    ({"status": Event.Status.CANCELLED}, "This event is cancelled."),
    ({"registration_enabled": False}, "This event does not take registrations."),
])
def test_registration_outside_its_time_or_for_an_unpublished_event_is_refused(fields, message):
    with pytest.raises(ValidationError) as excinfo:
        register(EventFactory(**fields))
    assert messages_of(excinfo) == [message]


def test_registration_closes_when_the_event_starts_without_a_closing_time():
    event = EventFactory(start=timezone.now() - timedelta(minutes=5), end=timezone.now() + timedelta(hours=1))
    with pytest.raises(ValidationError) as excinfo:
        register(event)
    assert messages_of(excinfo) == ["Registration is closed."]


def test_a_members_only_event_refuses_guests(member):
    event = EventFactory(audience=Event.Audience.MEMBERS)
    with pytest.raises(ValidationError) as excinfo:
        register(event)
    assert messages_of(excinfo) == ["Only members may register for this event. Log in first."]
    assert register(event, user=member, email=member.email).status == Status.CONFIRMED


def test_an_event_by_invitation_takes_invited_addresses_or_the_invitation_link_only():
    invitation = EventInvitationFactory(email="invited@example.org")
    event = invitation.event
    with pytest.raises(ValidationError) as excinfo:
        register(event, email="stranger@example.org")
    assert messages_of(excinfo) == ["This event is by invitation only, and this e-mail address is not invited."]
    assert register(event, email="INVITED@example.org").status == Status.UNCONFIRMED
    assert register(event, email="colleague@example.org", invitation_token=invitation.token).pk


def test_a_missing_required_answer_is_refused_with_the_question_named():
    question = QuestionFactory(label="Dietary needs", required=True)
    with pytest.raises(ValidationError) as excinfo:
        register(question.event, answers={str(question.pk): "  "})
    assert excinfo.value.message_dict == {f"question_{question.pk}": ["Answer the question “Dietary needs”."]}
    assert not Registration.objects.exists()


def test_answers_are_checked_against_the_kind_of_question():
    event = EventFactory()
    single = QuestionFactory(event=event, kind="single", label="Lunch")
    multiple = QuestionFactory(event=event, kind="multiple", label="Workshops", choices=["A", "B", "C"])
    yes_no = QuestionFactory(event=event, kind="yes_no", label="Wheelchair")
    with pytest.raises(ValidationError) as excinfo:
        register(event, answers={str(single.pk): "Fish", str(multiple.pk): ["A", "Z"], str(yes_no.pk): "maybe"})
    assert excinfo.value.message_dict == {
        f"question_{single.pk}": ["Choose one of the answers to “Lunch”."],
        f"question_{multiple.pk}": ["Choose among the answers to “Workshops”."],
        f"question_{yes_no.pk}": ["Answer “Wheelchair” with yes or no."],
    }
    registration = register(event, answers={str(single.pk): "Vegan", str(multiple.pk): ["C", "A"],
                                            yes_no.pk: "no", "999999": "unknown question"})
    assert registration.answers == {str(single.pk): "Vegan", str(multiple.pk): ["A", "C"], str(yes_no.pk): False}


def test_a_ticket_type_of_another_event_is_refused():
    event = EventFactory(pricing=Event.Pricing.TICKETS)
    TicketTypeFactory(event=event)
    with pytest.raises(ValidationError) as excinfo:
        register(event, ticket_type=TicketTypeFactory(), payment_method="at_venue")
    assert excinfo.value.message_dict == {"ticket_type": ["This ticket type belongs to another event."]}


def test_an_event_with_ticket_types_asks_for_one():
    event = EventFactory(pricing=Event.Pricing.TICKETS)
    TicketTypeFactory(event=event)
    with pytest.raises(ValidationError) as excinfo:
        register(event)
    assert excinfo.value.message_dict == {"ticket_type": ["Choose a ticket type."]}


def test_the_ticket_price_is_the_amount_to_pay_whatever_the_form_said():
    event = EventFactory(pricing=Event.Pricing.TICKETS, currency="NOK")
    ticket = TicketTypeFactory(event=event, price=Decimal("250"))
    registration = register(event, ticket_type=ticket, amount=1, payment_method="at_venue")
    assert (registration.amount, registration.currency) == (Decimal("250"), "NOK")
    assert registration.payment_status == Registration.PaymentStatus.UNPAID
    assert registration.payment_method == "at_venue"


@pytest.mark.parametrize(("amount", "message"), [
    (None, "Choose how much you pay."),
    ("lots", "Choose how much you pay."),
    (Decimal("49.99"), "Pay at least 50.00 SEK."),
])
def test_pay_what_you_can_needs_at_least_the_minimum(amount, message):
    event = EventFactory(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, minimum_amount=Decimal("50"), currency="SEK")
    with pytest.raises(ValidationError) as excinfo:
        register(event, amount=amount, payment_method="at_venue")
    assert excinfo.value.message_dict == {"amount": [message]}


def test_pay_what_you_can_takes_the_chosen_amount_and_nothing_to_pay_at_zero():
    event = EventFactory(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, minimum_amount=0)
    paying = register(event, email="a@example.org", amount="120", payment_method="at_venue")
    assert (paying.amount, paying.payment_status) == (Decimal("120.00"), "unpaid")
    free = register(event, email="b@example.org", amount=0, payment_method="invoice")
    assert (free.amount, free.payment_method, free.payment_status) == (Decimal("0"), "", "not_required")


def test_paying_needs_a_way_to_pay_and_invoice_details_for_an_invoice():
    event = EventFactory(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, minimum_amount=100)
    with pytest.raises(ValidationError) as excinfo:
        register(event, amount=100, payment_method="")
    assert excinfo.value.message_dict == {"payment_method": ["Choose how you pay."]}
    with pytest.raises(ValidationError) as excinfo:
        register(event, amount=100, payment_method="invoice", invoice_reference="Kim")
    assert excinfo.value.message_dict == {
        "invoice_organisation": ["Give the organisation or person the invoice goes to."],
        "invoice_address": ["Give the address the invoice goes to."],
    }
    registration = register(event, amount=100, payment_method="invoice", invoice_organisation="Kooperativet",
                            invoice_org_number="556000-0000", invoice_reference="Kim", invoice_address="Box 1, Umeå")
    assert (registration.invoice_organisation, registration.invoice_address) == ("Kooperativet", "Box 1, Umeå")


def test_invoice_details_are_not_kept_when_paying_at_the_venue():
    event = EventFactory(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, minimum_amount=100)
    registration = register(event, amount=100, payment_method="at_venue", invoice_organisation="Kooperativet")
    assert registration.invoice_organisation == ""


def test_a_disabled_way_to_pay_is_refused():
    event = EventFactory(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, minimum_amount=100, pay_by_invoice=False)
    with pytest.raises(ValidationError) as excinfo:
        register(event, amount=100, payment_method="invoice", invoice_organisation="X", invoice_address="Y")
    assert excinfo.value.message_dict == {"payment_method": ["Choose how you pay."]}


def test_name_and_address_are_needed():
    with pytest.raises(ValidationError) as excinfo:
        register(EventFactory(), name=" ")
    assert excinfo.value.message_dict == {"name": ["Give your name."]}
    with pytest.raises(ValidationError) as excinfo:
        register(EventFactory(), email="not-an-address")
    assert excinfo.value.message_dict == {"email": ["Give a valid e-mail address."]}


# Changing, cancelling, the waiting list -------------------------------------------------------------------------

def test_the_registrant_changes_answers_and_the_participant_list_choice():
    question = QuestionFactory(label="Diet", required=True)
    registration = RegistrationFactory(event=question.event, answers={str(question.pk): "none"})
    with pytest.raises(ValidationError):
        registration_update_answers(registration=registration, answers={}, on_participant_list=True)
    registration_update_answers(registration=registration, answers={str(question.pk): "vegan"},
                                on_participant_list=True, organisation_name="Nya kooperativet")
    registration.refresh_from_db()
    assert registration.answers == {str(question.pk): "vegan"}
    assert registration.on_participant_list is True
    assert registration.organisation_name == "Nya kooperativet"


def test_a_cancelled_registration_cannot_be_changed():
    registration = RegistrationFactory(status=Status.CANCELLED)
    with pytest.raises(ValidationError) as excinfo:
        registration_update_answers(registration=registration, answers={}, on_participant_list=False)
    assert messages_of(excinfo) == ["This registration is cancelled."]


def test_cancelling_offers_the_place_to_the_first_on_the_waiting_list(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, offer_hours=48)
    holder = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status=Status.WAITING)
    second = RegistrationFactory(event=event, status=Status.WAITING)
    with django_capture_on_commit_callbacks() as callbacks:
        registration_cancel(registration=holder)
    first.refresh_from_db()
    second.refresh_from_db()
    assert holder.status == Status.CANCELLED
    assert first.status == Status.OFFERED
    assert abs(first.offer_expires_at - (timezone.now() + timedelta(hours=48))) < timedelta(minutes=1)
    assert second.status == Status.WAITING
    # the offer e-mail and the expiry task (beside outdating the visitors' cached pages)
    assert [callback.func.__name__ for callback in callbacks if callback.func.__name__ != "generation_bump"] \
        == ["_enqueue_email", "_enqueue_offer_expiry"]
    assert places_left(event) == 0


def test_an_offer_never_holds_past_the_start_of_the_event():
    event = EventFactory(capacity=1, offer_hours=48, start=timezone.now() + timedelta(hours=5),
                         end=timezone.now() + timedelta(hours=7))
    holder = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    registration_cancel(registration=holder)
    waiting.refresh_from_db()
    assert waiting.offer_expires_at == event.start


def test_accepting_an_offer_confirms_and_declining_passes_it_on():
    event = EventFactory(capacity=1)
    holder = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status=Status.WAITING)
    second = RegistrationFactory(event=event, status=Status.WAITING)
    registration_cancel(registration=holder)
    first.refresh_from_db()
    offer_decline(registration=first)
    second.refresh_from_db()
    assert second.status == Status.OFFERED
    accepted = offer_accept(registration=second)
    assert accepted.status == Status.CONFIRMED
    assert accepted.offer_expires_at is None


def test_an_expired_offer_cannot_be_accepted():
    registration = RegistrationFactory(status=Status.OFFERED, offer_expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError) as excinfo:
        offer_accept(registration=registration)
    assert messages_of(excinfo) == ["Sorry, the offer has expired and the place went to the next person."]


def test_without_an_offer_there_is_nothing_to_accept_or_decline():
    registration = RegistrationFactory(status=Status.WAITING)
    with pytest.raises(ValidationError):
        offer_accept(registration=registration)
    with pytest.raises(ValidationError):
        offer_decline(registration=registration)


def test_cancelling_after_the_start_is_refused():
    event = EventFactory(start=timezone.now() - timedelta(hours=1), end=timezone.now() + timedelta(hours=1))
    with pytest.raises(ValidationError) as excinfo:
        registration_cancel(registration=RegistrationFactory(event=event))
    assert "too late to cancel" in messages_of(excinfo)[0]


def test_cancelling_twice_is_refused():
    registration = registration_cancel(registration=RegistrationFactory())
    with pytest.raises(ValidationError) as excinfo:
        registration_cancel(registration=registration)
    assert messages_of(excinfo) == ["This registration is already cancelled."]


# Payment and feedback -------------------------------------------------------------------------------------------

def test_only_an_organiser_marks_a_registration_paid():
    organiser = UserFactory()
    event = EventFactory(created_by=organiser)
    registration = RegistrationFactory(event=event, amount=Decimal("100"), payment_status="unpaid")
    with pytest.raises(PermissionDenied):
        registration_mark_paid(registration=registration, paid=True, by=UserFactory())
    registration_mark_paid(registration=registration, paid=True, by=organiser)
    registration.refresh_from_db()
    assert registration.payment_status == Registration.PaymentStatus.PAID
    registration_mark_paid(registration=registration, paid=False, by=organiser)
    registration.refresh_from_db()
    assert registration.payment_status == Registration.PaymentStatus.UNPAID


def test_a_free_registration_has_nothing_to_mark_paid():
    organiser = UserFactory()
    registration = RegistrationFactory(event=EventFactory(created_by=organiser))
    with pytest.raises(ValidationError) as excinfo:
        registration_mark_paid(registration=registration, paid=True, by=organiser)
    assert messages_of(excinfo) == ["This registration has nothing to pay."]


def test_feedback_is_given_after_the_event_and_replaces_earlier_feedback():
    past = EventFactory(start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1))
    registration = RegistrationFactory(event=past)
    feedback_give(registration=registration, rating=4, comment="Good talks")
    feedback = feedback_give(registration=registration, rating=5, comment="Even better on reflection")
    assert (feedback.rating, feedback.comment) == (5, "Even better on reflection")
    assert registration.__class__.objects.get(pk=registration.pk).feedback.pk == feedback.pk


@pytest.mark.parametrize(("upcoming", "status", "rating", "message"), [
    (True, Status.CONFIRMED, 4, "You can give feedback when the event is over."),
    (False, Status.WAITING, 4, "Only participants can give feedback."),
    (False, Status.CONFIRMED, 6, "Choose a rating from 1 to 5."),
])
def test_feedback_is_refused_before_the_end_from_non_participants_and_out_of_range(upcoming, status, rating,
                                                                                    message):
    event = EventFactory() if upcoming else EventFactory(start=timezone.now() - timedelta(hours=3),
                                                         end=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError) as excinfo:
        feedback_give(registration=RegistrationFactory(event=event, status=status), rating=rating)
    assert messages_of(excinfo) == [message]

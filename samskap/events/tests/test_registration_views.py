import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.events.models import Event, Feedback, Registration

from .factories import EventFactory, EventInvitationFactory, QuestionFactory, RegistrationFactory, TicketTypeFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def register_url(event) -> str:
    return reverse("events:register", args=[event.slug])


def guest_data(**extra) -> dict:
    return {"name": "Gunnel Gäst", "email": "gunnel@example.org", "organisation_name": "Kooperativet", **extra}


# The register page ----------------------------------------------------------------------------------------------

def test_the_register_form_is_built_from_the_events_questions_tickets_and_ways_to_pay(client):
    event = EventFactory(pricing=Event.Pricing.TICKETS, currency="DKK")
    TicketTypeFactory(event=event, name="Member", price=Decimal("150"))
    TicketTypeFactory(event=event, name="Student", price=0)
    text = QuestionFactory(event=event, label="Dietary needs", required=True)
    single = QuestionFactory(event=event, kind="single", label="Lunch")
    multiple = QuestionFactory(event=event, kind="multiple", label="Workshops", choices=["A", "B"])
    yes_no = QuestionFactory(event=event, kind="yes_no", label="Hearing loop")
    html = client.get(register_url(event), **EN).content.decode()
    assert f'<textarea name="question_{text.pk}"' in html
    assert f'type="radio" name="question_{single.pk}" value="Vegan"' in html
    assert f'type="checkbox" name="question_{multiple.pk}" value="B"' in html
    assert f'type="radio" name="question_{yes_no.pk}" value="yes"' in html
    assert "Member – 150.00 DKK" in html
    assert "Student – free" in html
    assert 'name="payment_method" value="invoice"' in html
    assert 'name="invoice_address"' in html
    consent = re.search(r'<input type="checkbox" name="on_participant_list"[^>]*>', html).group(0)
    assert "checked" not in consent


def test_pay_what_you_can_offers_the_suggested_amounts_and_an_own_amount(client):
    event = EventFactory(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, suggested_amounts=[100, 300, 20],
                         minimum_amount=50, currency="SEK")
    html = client.get(register_url(event), **EN).content.decode()
    assert 'name="amount_choice" value="100"' in html and 'name="amount_choice" value="300"' in html
    assert 'value="20"' not in html  # below the minimum
    assert 'name="amount_choice" value="other"' in html
    assert "When you choose another amount: at least 50.00 SEK." in html
    response = client.post(register_url(event), guest_data(amount_choice="other", own_amount="40",
                                                           payment_method="at_venue"), **EN)
    assert "Your own amount: Pay at least 50.00 SEK." in response.content.decode()
    response = client.post(register_url(event), guest_data(amount_choice="other", payment_method="at_venue"), **EN)
    assert "Give the amount you pay." in response.content.decode()
    assert not Registration.objects.exists()
    response = client.post(register_url(event), guest_data(amount_choice="other", own_amount="75",
                                                           payment_method="at_venue"), **EN)
    assert response.status_code == 302
    assert Registration.objects.get().amount == Decimal("75.00")


def test_a_member_sees_name_and_address_filled_in_and_is_confirmed_at_once(client):
    member = UserFactory(name="Mira Medlem", email="mira@example.org")
    client.force_login(member)
    event = EventFactory()
    html = client.get(register_url(event), **EN).content.decode()
    assert 'value="Mira Medlem"' in html and 'value="mira@example.org"' in html
    response = client.post(register_url(event), {"name": "Mira Medlem", "email": "mira@example.org"}, **EN)
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert response.url == registration.get_absolute_url()
    again = client.get(register_url(event), **EN)
    assert again.status_code == 302 and again.url == registration.get_absolute_url()


def test_a_guest_is_sent_to_check_their_email_without_the_secret_link(client):
    event = EventFactory()
    response = client.post(register_url(event), guest_data(), **EN)
    registration = Registration.objects.get()
    assert registration.status == Status.UNCONFIRMED
    assert response.url == reverse("events:register_sent", args=[event.slug])
    page = client.get(response.url, **EN).content.decode()
    assert "Check your e-mail" in page
    assert registration.token not in page


def test_bad_input_gives_a_clear_message_and_saves_nothing(client):
    question = QuestionFactory(label="Dietary needs", required=True)
    response = client.post(register_url(question.event), guest_data(email="not-an-address"), **EN)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the following:" in html
    assert "Enter a valid email address." in html
    assert "Dietary needs: This field is required." in html
    assert not Registration.objects.exists()


def test_registering_twice_shows_the_message_by_the_email_field(client):
    event = EventFactory()
    RegistrationFactory(event=event, email="gunnel@example.org")
    html = client.post(register_url(event), guest_data(), **EN).content.decode()
    assert "This e-mail address is already registered for this event." in html
    assert Registration.objects.count() == 1


def test_a_full_event_without_waiting_list_refuses_with_a_message(client):
    event = EventFactory(capacity=1, waiting_list=False)
    RegistrationFactory(event=event)
    html = client.post(register_url(event), guest_data(), **EN).content.decode()
    assert "The event is full, and it has no waiting list." in html
    assert Registration.objects.count() == 1


def test_invoice_details_are_asked_for_by_their_fields(client):
    event = EventFactory(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, suggested_amounts=[200], minimum_amount=100)
    html = client.post(register_url(event), guest_data(amount_choice="200", payment_method="invoice"),
                       **EN).content.decode()
    assert "Invoice to (organisation or person): Give the organisation or person the invoice goes to." in html
    assert "Invoice address: Give the address the invoice goes to." in html
    assert not Registration.objects.exists()


def test_a_closed_event_shows_why_and_no_form(client):
    event = EventFactory(registration_closes=timezone.now() - timedelta(hours=1))
    html = client.get(register_url(event), **EN).content.decode()
    assert "Registration is closed." in html
    assert "<form method=\"post\"" not in html
    client.post(register_url(event), guest_data(), **EN)
    assert not Registration.objects.exists()


def test_a_members_only_event_asks_guests_to_log_in(client):
    event = EventFactory(audience=Event.Audience.MEMBERS)
    html = client.get(register_url(event), **EN).content.decode()
    assert "Only members may register for this event." in html
    assert reverse("account_login") in html


def test_the_invitation_link_fills_in_the_address_and_lets_the_guest_register(client):
    invitation = EventInvitationFactory(email="invited@example.org")
    url = register_url(invitation.event) + f"?invitation={invitation.token}"
    assert 'value="invited@example.org"' in client.get(url, **EN).content.decode()
    response = client.post(url, guest_data(email="colleague@example.org"), **EN)
    assert response.status_code == 302
    assert Registration.objects.get().email == "colleague@example.org"


def test_a_draft_event_has_no_register_page_for_visitors(client):
    assert client.get(register_url(EventFactory(status=Event.Status.DRAFT)), **EN).status_code == 404


# The registrant's own pages -------------------------------------------------------------------------------------

def test_the_guest_confirms_with_a_button_not_by_opening_the_link(client):
    registration = RegistrationFactory(status=Status.UNCONFIRMED)
    url = reverse("events:registration_confirm", args=[registration.token])
    assert "Confirm my registration" in client.get(url, **EN).content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED
    response = client.post(url, **EN)
    assert response.url == registration.get_absolute_url()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_the_registration_page_shows_the_qr_code_online_link_and_answers(client):
    event = EventFactory(online_url="https://meet.example/room")
    question = QuestionFactory(event=event, label="Dietary needs")
    registration = RegistrationFactory(event=event, answers={str(question.pk): "Vegan"})
    response = client.get(registration.get_absolute_url(), **EN)
    html = response.content.decode()
    assert response["Referrer-Policy"] == "same-origin"
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title>QR code for check-in</title>" in svg
    assert "style" not in svg
    assert "https://meet.example/room" in html
    assert "Vegan</textarea>" in html
    assert reverse("events:registration_ics", args=[registration.token]) in html


def test_someone_waiting_sees_neither_the_qr_code_nor_the_online_link(client):
    registration = RegistrationFactory(event=EventFactory(online_url="https://meet.example/room"),
                                       status=Status.WAITING)
    html = client.get(registration.get_absolute_url(), **EN).content.decode()
    assert "<svg" not in html
    assert "meet.example" not in html
    assert "Leave the waiting list" in html


def test_the_registrant_changes_answers_on_their_page(client):
    question = QuestionFactory(kind="yes_no", label="Hearing loop", required=True)
    registration = RegistrationFactory(event=question.event, answers={str(question.pk): False})
    url = registration.get_absolute_url()
    html = client.post(url, {"name": "New Name"}, **EN).content.decode()
    assert "Hearing loop: This field is required." in html
    response = client.post(url, {"name": "New Name", f"question_{question.pk}": "yes",
                                 "on_participant_list": "on"}, **EN)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.answers, registration.on_participant_list) == (
        "New Name", {str(question.pk): True}, True)


def test_cancelling_asks_first_and_then_frees_the_place(client):
    event = EventFactory(capacity=1)
    registration = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    url = reverse("events:registration_cancel", args=[registration.token])
    assert "Yes, cancel my registration" in client.get(url, **EN).content.decode()
    response = client.post(url, **EN)
    assert response.url == registration.get_absolute_url()
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert waiting.status == Status.OFFERED
    assert "This registration is cancelled." in client.get(registration.get_absolute_url(), **EN).content.decode()


def test_the_offer_page_takes_or_declines_the_place(client):
    offered = RegistrationFactory(status=Status.OFFERED, offer_expires_at=timezone.now() + timedelta(hours=3))
    url = reverse("events:offer", args=[offered.token])
    assert "Take the place" in client.get(url, **EN).content.decode()
    assert client.post(url, {"answer": "accept"}, **EN).status_code == 302
    offered.refresh_from_db()
    assert offered.status == Status.CONFIRMED
    declined = RegistrationFactory(status=Status.OFFERED, offer_expires_at=timezone.now() + timedelta(hours=3))
    client.post(reverse("events:offer", args=[declined.token]), {"answer": "decline"}, **EN)
    declined.refresh_from_db()
    assert declined.status == Status.CANCELLED


def test_an_expired_offer_says_so(client):
    offered = RegistrationFactory(status=Status.OFFERED, offer_expires_at=timezone.now() - timedelta(minutes=1))
    html = client.post(reverse("events:offer", args=[offered.token]), {"answer": "accept"}, **EN).content.decode()
    assert "the offer has expired" in html


def test_feedback_is_given_after_the_event(client):
    event = EventFactory(start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1))
    registration = RegistrationFactory(event=event, checked_in_at=timezone.now() - timedelta(hours=2))
    assert "Tell the organisers how the event was" in client.get(registration.get_absolute_url(),
                                                                 **EN).content.decode()
    url = reverse("events:feedback", args=[registration.token])
    assert 'name="rating" value="5"' in client.get(url, **EN).content.decode()
    response = client.post(url, {"rating": "4", "comment": "Good talks"}, **EN)
    assert response.status_code == 302
    assert Feedback.objects.get(registration=registration).rating == 4


def test_feedback_before_the_end_is_not_possible(client):
    registration = RegistrationFactory()
    url = reverse("events:feedback", args=[registration.token])
    html = client.post(url, {"rating": "4"}, **EN).content.decode()
    assert "You can give feedback when the event is over." in html
    assert not Feedback.objects.exists()


def test_the_calendar_download_is_an_ics_file(client):
    registration = RegistrationFactory()
    response = client.get(reverse("events:registration_ics", args=[registration.token]), **EN)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"BEGIN:VEVENT" in response.content
    assert f"event-{registration.event.pk}@samskap".encode() in response.content


def test_an_unknown_token_is_not_found(client):
    assert client.get(reverse("events:registration", args=["nope"]), **EN).status_code == 404


# The box on the event page --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "places_left", "expected"), [
    ({}, None, "Register</a>"),
    ({"capacity": 10}, 3, "3 places left."),
    ({"capacity": 10}, 0, "Full – join the waiting list"),
    ({"capacity": 10, "waiting_list": False}, 0, "The event is full."),
    ({"registration_closes": timezone.now() - timedelta(hours=1)}, None, "Registration is closed."),
    ({"registration_opens": timezone.now() + timedelta(days=2)}, None, "Registration opens"),
    ({"status": Event.Status.CANCELLED}, None, "This event is cancelled."),
    ({"registration_enabled": False}, None, "This event does not take registrations."),
])
def test_the_registration_box_shows_how_to_register_or_why_not(fields, places_left, expected):
    from django.contrib.auth.models import AnonymousUser

    event = EventFactory(**fields)
    html = render_to_string("events/partials/registration_box.html", {
        "event": event, "my_registration": None, "places_left": places_left, "user": AnonymousUser()})
    assert expected in html


def test_the_registration_box_shows_the_viewers_own_registration():
    registration = RegistrationFactory(status=Status.WAITING)
    html = render_to_string("events/partials/registration_box.html", {
        "event": registration.event, "my_registration": registration, "places_left": 0})
    assert "Your registration: on the waiting list." in html
    assert registration.get_absolute_url() in html

"""The participant list for visitors and organisers, marking paid, and who may use every organiser page."""

from decimal import Decimal

import pytest
from django.urls import reverse

from samskap.events.models import Event, Registration, RegistrationQuestion

from .factories import QuestionFactory, RegistrationFactory
from .factories_organiser import ROLES, event_with_organiser, user_in_role

pytestmark = pytest.mark.django_db


def participants_url(event) -> str:
    return reverse("events:participants", args=[event.slug])


def get(client, user, url, **params):
    if user is not None:
        client.force_login(user)
    return client.get(url, params, HTTP_ACCEPT_LANGUAGE="en")


# The public participant list -------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_visitors_see_only_confirmed_participants_who_chose_to_appear(client, role):
    event, organiser = event_with_organiser()
    RegistrationFactory(event=event, name="Åsa Öberg", organisation_name="Kooperativet Åkern",
                        on_participant_list=True, email="asa@example.org")
    RegistrationFactory(event=event, name="Hidden Person", on_participant_list=False)
    RegistrationFactory(event=event, name="Waiting Person", status=Registration.Status.WAITING,
                        on_participant_list=True)
    RegistrationFactory(event=event, name="Cancelled Person", status=Registration.Status.CANCELLED,
                        on_participant_list=True)
    html = get(client, user_in_role(role, organiser=organiser), participants_url(event)).content.decode()
    assert "Åsa Öberg" in html and "Kooperativet Åkern" in html
    assert "2 confirmed participants." in html
    for hidden in ("Hidden Person", "Waiting Person", "Cancelled Person", "asa@example.org", "Mark paid"):
        assert hidden not in html


def test_no_names_when_the_organisers_do_not_publish_the_list(client):
    event, _organiser = event_with_organiser(participant_list_public=False)
    RegistrationFactory(event=event, name="Åsa Öberg", on_participant_list=True)
    html = get(client, None, participants_url(event)).content.decode()
    assert "Åsa Öberg" not in html
    assert "do not publish a participant list" in html and "1 confirmed participant." in html


def test_the_participant_list_of_a_draft_event_does_not_exist_for_visitors(client):
    event, organiser = event_with_organiser(status=Event.Status.DRAFT)
    assert get(client, None, participants_url(event)).status_code == 404
    assert get(client, organiser, participants_url(event)).status_code == 200


# The organisers' view ----------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["organiser", "hub_admin"])
def test_organisers_see_everyone_with_status_payment_answers_and_check_in(client, role):
    event, organiser = event_with_organiser(pricing=Event.Pricing.PAY_WHAT_YOU_CAN, currency="NOK")
    diet = QuestionFactory(event=event, label="Dietary needs", kind=RegistrationQuestion.Kind.SINGLE)
    RegistrationFactory(event=event, name="Ingrid Ødegård", email="ingrid@example.org", amount=Decimal("200"),
                        payment_status="unpaid", payment_method="invoice", invoice_organisation="NAV Stavanger",
                        answers={str(diet.pk): "Vegan"}, on_participant_list=False)
    RegistrationFactory(event=event, name="Waiting Person", status=Registration.Status.WAITING)
    html = get(client, user_in_role(role, organiser=organiser), participants_url(event)).content.decode()
    for seen in ("Ingrid Ødegård", "ingrid@example.org", "Waiting Person", "On the waiting list", "NAV Stavanger",
                 "Dietary needs", "Vegan", "Mark paid", "registrations.csv", "badges.pdf", "sign-in-list.pdf",
                 "Open the check-in desk"):
        assert seen in html, seen
    assert "200" in html and "NOK" in html


def test_organisers_filter_by_status_and_cancelled_ones_only_when_asked(client):
    event, organiser = event_with_organiser()
    RegistrationFactory(event=event, name="Confirmed Person")
    RegistrationFactory(event=event, name="Cancelled Person", status=Registration.Status.CANCELLED)
    everyone = get(client, organiser, participants_url(event)).content.decode()
    assert "Confirmed Person" in everyone and "Cancelled Person" not in everyone
    cancelled = get(client, organiser, participants_url(event), status="cancelled").content.decode()
    assert "Cancelled Person" in cancelled and "Confirmed Person" not in cancelled


def test_organisers_search_registrations_by_name(client):
    event, organiser = event_with_organiser()
    RegistrationFactory(event=event, name="Søren Kierkegård")
    RegistrationFactory(event=event, name="Karen Blixen")
    html = get(client, organiser, participants_url(event), q="kierke").content.decode()
    assert "Søren Kierkegård" in html and "Karen Blixen" not in html


def test_marking_paid_and_unpaid_returns_to_the_same_filtered_list(client):
    event, organiser = event_with_organiser(pricing=Event.Pricing.TICKETS)
    registration = RegistrationFactory(event=event, name="Lars Løkke", amount=Decimal("500"),
                                       payment_status="unpaid")
    client.force_login(organiser)
    url = reverse("events:participant_payment", args=[event.slug, registration.pk])
    back = participants_url(event) + "?payment_status=unpaid"
    response = client.post(url, {"paid": "1", "next": back}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == back
    registration.refresh_from_db()
    assert registration.payment_status == Registration.PaymentStatus.PAID
    client.post(url, {"paid": "0", "next": "https://evil.example/"})
    registration.refresh_from_db()
    assert registration.payment_status == Registration.PaymentStatus.UNPAID


def test_a_free_registration_cannot_be_marked_paid(client):
    event, organiser = event_with_organiser()
    registration = RegistrationFactory(event=event, name="Free Guest")
    client.force_login(organiser)
    response = client.post(reverse("events:participant_payment", args=[event.slug, registration.pk]),
                           {"paid": "1"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "nothing to pay" in response.content.decode()
    registration.refresh_from_db()
    assert registration.payment_status == Registration.PaymentStatus.NOT_REQUIRED


def test_a_registration_of_another_event_cannot_be_marked_paid_through_this_one(client):
    event, organiser = event_with_organiser()
    other = RegistrationFactory(amount=Decimal("100"), payment_status="unpaid")
    client.force_login(organiser)
    response = client.post(reverse("events:participant_payment", args=[event.slug, other.pk]), {"paid": "1"})
    assert response.status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_the_organisers_list_takes_the_same_few_queries_for_5_and_50_rows(client, rows,
                                                                         django_assert_max_num_queries):
    event, organiser = event_with_organiser(pricing=Event.Pricing.TICKETS)
    QuestionFactory.create_batch(3, event=event)
    RegistrationFactory.create_batch(rows, event=event, amount=Decimal("100"), payment_status="unpaid")
    client.force_login(organiser)
    client.get(participants_url(event), HTTP_ACCEPT_LANGUAGE="en")
    with django_assert_max_num_queries(10):
        response = client.get(participants_url(event), HTTP_ACCEPT_LANGUAGE="en")
    assert response.content.decode().count("Mark paid") == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_the_public_list_takes_the_same_few_queries_for_5_and_50_rows(client, rows, django_assert_max_num_queries):
    event, _organiser = event_with_organiser()
    RegistrationFactory.create_batch(rows, event=event, on_participant_list=True)
    client.get(participants_url(event))
    with django_assert_max_num_queries(10):
        client.get(participants_url(event))


# Who may use the organisers' pages ------------------------------------------------------------------

ORGANISER_PAGES = [
    ("get", "participants_export", ("registrations", "csv"), None, 200),
    ("get", "participants_export", ("registrations", "xlsx"), None, 200),
    ("get", "participants_export", ("bookkeeping", "csv"), None, 200),
    ("get", "participants_export", ("bookkeeping", "xlsx"), None, 200),
    ("get", "participants_badges", (), None, 200),
    ("get", "participants_sign_in_list", (), None, 200),
    ("post", "participant_payment", ("pk",), {"paid": "1"}, 302),
    ("get", "check_in", (), None, 200),
    ("post", "check_in", (), {"code": "code"}, 302),
    ("get", "check_in_counts", (), None, 200),
    ("post", "check_in_undo", ("pk",), {}, 302),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "name", "extra", "data", "allowed_status"), ORGANISER_PAGES,
                         ids=[f"{page[0]}-{page[1]}-{'-'.join(page[2])}" for page in ORGANISER_PAGES])
def test_only_organisers_and_hub_admins_use_the_organisers_pages(client, role, method, name, extra, data,
                                                                 allowed_status):
    event, organiser = event_with_organiser(pricing=Event.Pricing.TICKETS)
    registration = RegistrationFactory(event=event, amount=Decimal("100"), payment_status="unpaid")
    args = [event.slug, *(registration.pk if part == "pk" else part for part in extra)]
    if data and "code" in data:
        data = {"code": registration.check_in_code}
    user = user_in_role(role, organiser=organiser)
    if user is not None:
        client.force_login(user)
    url = reverse(f"events:{name}", args=args)
    response = client.post(url, data or {}) if method == "post" else client.get(url)

    registration.refresh_from_db()
    if role == "anonymous":
        assert response.status_code == 302 and reverse("account_login") in response["Location"]
    elif role == "member":
        assert response.status_code == 403
    else:
        assert response.status_code == allowed_status
        return
    assert registration.payment_status == Registration.PaymentStatus.UNPAID
    assert registration.checked_in_at is None


def test_organisers_read_the_feedback_without_names(client):
    from samskap.events.models import Feedback

    event, organiser = event_with_organiser()
    for rating, comment in ((5, "Mycket givande!"), (3, ""), (4, "Bra talare")):
        Feedback.objects.create(registration=RegistrationFactory(event=event, name=f"Deltagare {rating}"),
                                rating=rating, comment=comment)
    client.force_login(organiser)
    html = client.get(participants_url(event), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "3 participants gave feedback: on average 4.0 of 5." in html
    assert "Mycket givande!" in html and "Bra talare" in html


def test_visitors_never_see_the_feedback(client):
    from samskap.events.models import Feedback

    event, _organiser = event_with_organiser()
    Feedback.objects.create(registration=RegistrationFactory(event=event), rating=2, comment="Hemligt omdöme")
    assert "Hemligt omdöme" not in client.get(participants_url(event), HTTP_ACCEPT_LANGUAGE="en").content.decode()

"""The check-in desk: by QR code (or a URL with it), by name, twice, for another event, and fast enough."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.events.models import Registration
from samskap.events.selectors_organiser import check_in_search
from samskap.events.services_organiser import registration_check_in, registration_undo_check_in

from .factories import EventFactory, RegistrationFactory
from .factories_organiser import event_with_organiser

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    event, organiser = event_with_organiser(title="Nätverksträff på Globen")
    return event, organiser


def check_in_url(event) -> str:
    return reverse("events:check_in", args=[event.slug])


# The service ------------------------------------------------------------------------------------

def test_checking_in_by_code_records_the_time_of_arrival(desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event, name="Åsa Öberg")
    result = registration_check_in(event=event, code=registration.check_in_code, by=organiser)
    registration.refresh_from_db()
    assert result.registration == registration and not result.already
    assert registration.checked_in_at is not None


def test_a_url_with_the_code_in_it_checks_the_participant_in(desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event)
    payload = f"https://hub.example.org/events/{event.slug}/check-in/?code={registration.check_in_code}"
    registration_check_in(event=event, code=payload, by=organiser)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


def test_checking_in_twice_keeps_the_first_time_and_says_so(desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event)
    registration_check_in(event=event, code=registration.check_in_code, by=organiser)
    registration.refresh_from_db()
    first = registration.checked_in_at
    again = registration_check_in(event=event, code=registration.check_in_code, by=organiser)
    registration.refresh_from_db()
    assert again.already
    assert registration.checked_in_at == first


def test_an_unknown_code_is_refused_with_a_clear_message(desk):
    event, organiser = desk
    with pytest.raises(ValidationError) as error:
        registration_check_in(event=event, code="not-a-code-anyone-has-1234567", by=organiser)
    assert "No registration has this code" in error.value.messages[0]


def test_a_code_for_another_event_names_that_event(desk):
    event, organiser = desk
    other = RegistrationFactory(event=EventFactory(title="Innovatarium thinkshop"))
    with pytest.raises(ValidationError) as error:
        registration_check_in(event=event, code=other.check_in_code, by=organiser)
    assert "Innovatarium thinkshop" in error.value.messages[0]
    other.refresh_from_db()
    assert other.checked_in_at is None


@pytest.mark.parametrize(("status", "message"), [
    (Registration.Status.CANCELLED, "cancelled their registration"),
    (Registration.Status.WAITING, "not a confirmed participant"),
    (Registration.Status.UNCONFIRMED, "not a confirmed participant"),
])
def test_only_confirmed_participants_are_checked_in(desk, status, message):
    event, organiser = desk
    registration = RegistrationFactory(event=event, status=status)
    with pytest.raises(ValidationError) as error:
        registration_check_in(event=event, code=registration.check_in_code, by=organiser)
    assert message in error.value.messages[0]
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_members_who_do_not_run_the_event_cannot_check_anyone_in(desk):
    event, _organiser = desk
    registration = RegistrationFactory(event=event)
    with pytest.raises(PermissionDenied):
        registration_check_in(event=event, registration=registration, by=UserFactory())


def test_a_check_in_can_be_undone(desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event)
    registration_check_in(event=event, registration=registration, by=organiser)
    registration_undo_check_in(event=event, registration=registration, by=organiser)
    registration.refresh_from_db()
    assert registration.checked_in_at is None


# The desk page ----------------------------------------------------------------------------------

def test_the_desk_finds_participants_by_name_without_javascript(client, desk):
    event, organiser = desk
    RegistrationFactory(event=event, name="Björn Ærø", organisation_name="Fixa Kollektivet")
    RegistrationFactory(event=event, name="Karin Lund")
    RegistrationFactory(event=event, name="Björn Cancelled", status=Registration.Status.CANCELLED)
    client.force_login(organiser)
    html = client.get(check_in_url(event), {"q": "björn"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Björn Ærø" in html and "Fixa Kollektivet" in html
    assert "Karin Lund" not in html and "Björn Cancelled" not in html
    assert 'hx-trigger="every 10s"' in html


def test_the_live_search_answers_htmx_with_the_results_only(client, desk):
    event, organiser = desk
    RegistrationFactory(event=event, name="Sara Sjöberg")
    client.force_login(organiser)
    response = client.get(check_in_url(event), {"q": "sjö"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Sara Sjöberg" in html
    assert "<html" not in html and 'id="check-in-counts"' in html and 'hx-swap-oob="true"' in html


def test_checking_in_from_the_search_results_and_back_to_the_same_search(client, desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event, name="Ola Nordmann")
    client.force_login(organiser)
    response = client.post(check_in_url(event), {"registration": registration.pk, "q": "ola"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"].endswith("?q=ola")
    html = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ola Nordmann is checked in." in html
    assert "Undo check-in" in html
    assert "<strong>1</strong> of 1 confirmed participants checked in" in html


def test_checking_in_by_code_with_htmx_shows_the_person_and_the_new_count(client, desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event, name="Mette Mørk")
    RegistrationFactory(event=event)
    client.force_login(organiser)
    response = client.post(check_in_url(event), {"code": registration.check_in_code}, HTTP_HX_REQUEST="true",
                           HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Mette Mørk is checked in." in html
    assert "<strong>1</strong> of 2 confirmed participants checked in" in html
    again = client.post(check_in_url(event), {"code": registration.check_in_code}, HTTP_HX_REQUEST="true",
                        HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mette Mørk was already checked in." in again


def test_a_wrong_code_at_the_desk_gives_a_message_and_checks_no_one_in(client, desk):
    event, organiser = desk
    other = RegistrationFactory(event=EventFactory(title="Another afternoon"))
    client.force_login(organiser)
    response = client.post(check_in_url(event), {"code": other.check_in_code}, follow=True,
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "This code is for another event: “Another afternoon”." in response.content.decode()
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_opening_the_url_in_a_qr_code_shows_whose_it_is_without_checking_them_in(client, desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event, name="Dorte Dahl")
    client.force_login(organiser)
    html = client.get(check_in_url(event), {"code": registration.check_in_code},
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Dorte Dahl" in html and 'name="registration" value="%s"' % registration.pk in html
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_undoing_a_check_in_at_the_desk(client, desk):
    event, organiser = desk
    registration = RegistrationFactory(event=event, name="Per Persson")
    registration_check_in(event=event, registration=registration, by=organiser)
    client.force_login(organiser)
    response = client.post(reverse("events:check_in_undo", args=[event.slug, registration.pk]),
                           HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")
    assert "The check-in of Per Persson was undone." in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_the_counts_partial_shows_checked_in_of_confirmed(client, desk):
    event, organiser = desk
    registrations = RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    registration_check_in(event=event, registration=registrations[0], by=organiser)
    client.force_login(organiser)
    html = client.get(reverse("events:check_in_counts", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<strong>1</strong> of 3 confirmed participants checked in" in html


# Fast enough for 300 arrivals in 15 minutes --------------------------------------------------------

@pytest.mark.parametrize("registrations", [5, 300])
def test_a_check_in_by_code_takes_a_few_queries_however_many_are_registered(
        client, desk, registrations, django_assert_max_num_queries):
    event, organiser = desk
    arrivals = RegistrationFactory.create_batch(registrations, event=event)
    client.force_login(organiser)
    client.get(check_in_url(event))  # the session is warm, as at a desk
    with django_assert_max_num_queries(8):
        response = client.post(check_in_url(event), {"code": arrivals[-1].check_in_code}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200


@pytest.mark.parametrize("registrations", [5, 50])
def test_the_search_takes_a_few_queries_however_many_match(client, desk, registrations,
                                                           django_assert_max_num_queries):
    event, organiser = desk
    RegistrationFactory.create_batch(registrations, event=event, name="Anna Andersson")
    client.force_login(organiser)
    client.get(check_in_url(event))
    with django_assert_max_num_queries(8):
        response = client.get(check_in_url(event), {"q": "anna"}, HTTP_HX_REQUEST="true")
    assert response.content.decode().count("<strong>Anna Andersson</strong>") == min(registrations, 20)


def test_polling_the_counts_takes_a_few_queries(client, desk, django_assert_max_num_queries):
    event, organiser = desk
    RegistrationFactory.create_batch(20, event=event)
    client.force_login(organiser)
    client.get(check_in_url(event))
    with django_assert_max_num_queries(6):
        client.get(reverse("events:check_in_counts", args=[event.slug]))


@pytest.mark.parametrize("typed", ["åsa", "ÅSA", "öberg", "Åsa Öb"])
def test_the_search_finds_nordic_names_whatever_the_case(desk, typed):
    event, _organiser = desk
    RegistrationFactory(event=event, name="Åsa Öberg")
    RegistrationFactory(event=event, name="Asa Oberg")
    assert [registration.name for registration in check_in_search(event=event, query=typed)] == ["Åsa Öberg"]


def test_the_payload_of_the_qr_code_in_the_confirmation_checks_the_participant_in(desk, settings):
    from samskap.events.emails import check_in_url as qr_payload

    settings.SITE_URL = "https://hub.example.org"
    event, organiser = desk
    registration = RegistrationFactory(event=event)
    payload = qr_payload(registration)
    assert payload.startswith(f"https://hub.example.org/events/{event.slug}/check-in/?code=")
    registration_check_in(event=event, code=payload, by=organiser)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None

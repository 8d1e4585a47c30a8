"""Capacity holds under concurrent registrations. PostgreSQL only: it is where requests really run in parallel.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/samskap_reg.
"""

import threading

import pytest
from django.db import connection, connections

from samskap.accounts.tests.factories import UserFactory
from samskap.events.models import Event, Registration
from samskap.events.services_registration import registration_confirm_email, registration_create

from .factories import EventFactory, RegistrationFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="SQLite serialises every write (IMMEDIATE transactions); the race needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
Status = Registration.Status
PEOPLE, PLACES = 50, 10


def all_at_once(work, items) -> list[Exception]:
    """Run work(item) for every item in its own thread (and database connection), released together."""
    start = threading.Barrier(len(items))
    errors: list[Exception] = []

    def run(item):
        try:
            start.wait()
            work(item)
        except Exception as error:  # noqa: BLE001  (collected and asserted below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def statuses(event) -> dict[str, int]:
    registrations = Registration.objects.filter(event=event)
    return {status: registrations.filter(status=status).count() for status in (Status.CONFIRMED, Status.WAITING)}


def test_fifty_concurrent_registrations_for_ten_places_confirm_exactly_ten_and_put_forty_on_the_waiting_list():
    event = EventFactory(capacity=PLACES)
    members = [UserFactory() for _ in range(PEOPLE)]

    def register(member):
        registration_create(event=Event.objects.get(pk=event.pk), user=member, name=member.name,
                            email=member.email, language="en", answers={})

    assert all_at_once(register, members) == []
    assert statuses(event) == {Status.CONFIRMED: PLACES, Status.WAITING: PEOPLE - PLACES}


def test_fifty_guests_confirming_their_address_at_once_take_exactly_the_ten_places():
    event = EventFactory(capacity=PLACES)
    guests = [RegistrationFactory(event=event, status=Status.UNCONFIRMED, confirmed_at=None) for _ in range(PEOPLE)]
    assert all_at_once(lambda guest: registration_confirm_email(token=guest.token), guests) == []
    assert statuses(event) == {Status.CONFIRMED: PLACES, Status.WAITING: PEOPLE - PLACES}

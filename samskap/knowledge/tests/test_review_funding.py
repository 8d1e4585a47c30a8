"""Review: funding call input that used to fail with a server error or give an unreadable address."""

import pytest

from samskap.knowledge.models import FundingCall

from .test_funding_views import form_data, funder_with_member

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.mark.parametrize("date, time, zone", [
    ("0001-01-01", "00:10", "Europe/Oslo"),      # before year 1 in UTC: used to be a 500
    ("9999-12-31", "23:00", "America/New_York"),  # after year 9999 in UTC
    ("1066-10-14", "", "Europe/Oslo"),            # a typing mistake
])
def test_a_deadline_in_an_impossible_year_is_refused_with_a_message_and_nothing_is_saved(client, date, time, zone):
    user, funder = funder_with_member()
    client.force_login(user)

    response = client.post("/funding/new/", form_data(funder, time_zone=zone, **{
        "deadlines-0-date": date, "deadlines-0-time": time}), **EN)

    assert response.status_code == 200
    assert "A deadline must be a date between the years 1900 and 2999." in response.content.decode()
    assert not FundingCall.objects.exists()


def test_a_calls_address_spells_out_scandinavian_letters(client):
    user, funder = funder_with_member()
    client.force_login(user)

    response = client.post("/funding/new/", form_data(funder, title="Puljen Fælles Rødder for særlige behov"), **EN)

    assert response.status_code == 302
    assert FundingCall.objects.get().slug == "puljen-faelles-rodder-for-saerlige-behov"

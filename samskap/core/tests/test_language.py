import datetime as dt

import pytest
from django.urls import reverse

from samskap.core.models import HubSettings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "lang"),
    [("nb-NO,nb;q=0.9", "nb"), ("da", "da"), ("sv-SE", "sv"), ("en-GB,en;q=0.8", "en"), ("no", "nb"), ("nn", "nb")],
)
def test_first_visit_follows_the_browsers_language(client, accept, lang):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert f'<html lang="{lang}"' in html


def test_a_browser_without_a_nordic_or_english_language_gets_the_hubs_default(client):
    HubSettings.objects.create(pk=1, default_language="da")
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert '<html lang="da"' in html


def test_visitors_choice_is_remembered_over_the_browsers_language(client):
    response = client.post(reverse("accounts:language"), {"language": "da", "next": "/privacy/"})
    assert response.status_code == 302
    assert response["Location"] == "/privacy/"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert '<html lang="da"' in html
    assert "Log ind" in html


def test_members_choice_is_stored_on_the_account_and_follows_them_to_a_new_browser(client, member):
    client.force_login(member)
    client.post(reverse("accounts:language"), {"language": "nb"})
    member.refresh_from_db()
    assert member.preferred_language == "nb"
    other_browser = client.__class__()
    other_browser.force_login(member)
    assert '<html lang="nb"' in other_browser.get("/", HTTP_ACCEPT_LANGUAGE="da").content.decode()


def test_switching_language_never_redirects_to_another_site(client):
    response = client.post(reverse("accounts:language"), {"language": "sv", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_an_unknown_language_is_ignored(client):
    client.post(reverse("accounts:language"), {"language": "xx"})
    assert '<html lang="sv"' in client.get("/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()


def test_pages_are_translated_into_each_nordic_language(client):
    assert "Logga in" in client.get("/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Logg inn" in client.get("/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Log ind" in client.get("/", HTTP_ACCEPT_LANGUAGE="da").content.decode()


def test_times_are_shown_in_the_hubs_time_zone_and_formatted_per_locale(client, member):
    HubSettings.objects.create(pk=1, time_zone="Europe/Oslo")
    member.date_joined = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)  # 2 March 00:30 in Oslo
    member.save()
    client.force_login(member)
    html = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "2. mars 2026" in html
    html = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "March 2, 2026" in html


def test_a_members_own_time_zone_wins_over_the_hubs(client, member):
    HubSettings.objects.create(pk=1, time_zone="Europe/Stockholm")
    member.time_zone = "America/New_York"
    member.date_joined = dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC)  # 1 March 22:00 in New York
    member.save()
    client.force_login(member)
    html = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "March 1, 2026" in html

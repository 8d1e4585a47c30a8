"""Calendar feeds: which events each holds, how calendars may cache them, and the member's secret address."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.core.selectors import hub_settings_get
from samskap.events.models import CalendarToken, Event, Registration
from samskap.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def ago(days: int) -> datetime:
    return (timezone.now() - timedelta(days=days)).replace(microsecond=0)


def calendar_of(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def titles(response) -> list[str]:
    return [str(vevent["SUMMARY"]) for vevent in calendar_of(response).walk("VEVENT")]


def test_the_hub_feed_holds_published_and_cancelled_events_of_the_last_90_days_and_ahead_but_no_drafts(client):
    EventFactory(title="Ahead")
    EventFactory(title="Cancelled", status=Event.Status.CANCELLED)
    EventFactory(title="Draft", status=Event.Status.DRAFT)
    EventFactory(title="Last month", start=ago(30), end=ago(30) + timedelta(hours=2))
    EventFactory(title="Long ago", start=ago(120), end=ago(120) + timedelta(hours=2))

    response = client.get(reverse("events:feed"))

    assert sorted(titles(response)) == ["Ahead", "Cancelled", "Last month"]
    statuses = {str(v["SUMMARY"]): str(v["STATUS"]) for v in calendar_of(response).walk("VEVENT")}
    assert statuses["Cancelled"] == "CANCELLED" and statuses["Ahead"] == "CONFIRMED"
    assert str(calendar_of(response)["X-WR-CALNAME"]).endswith(": events")


def test_times_are_given_in_the_events_own_time_zone_with_its_definition(client):
    start = datetime(2031, 6, 5, 18, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    event = EventFactory(title="Stavanger evening", time_zone="Europe/Oslo", start=start, end=start + timedelta(hours=2))

    calendar = calendar_of(client.get(reverse("events:feed")))

    vevent = calendar.walk("VEVENT")[0]
    assert vevent["DTSTART"].dt == start and str(vevent["DTSTART"].dt.tzinfo) == "Europe/Oslo"
    assert b"DTSTART;TZID=Europe/Oslo:20310605T180000" in calendar.to_ical()
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert str(vevent["URL"]).endswith(event.get_absolute_url())


def test_an_organisations_feed_holds_only_the_events_it_organises(client):
    organisation = OrganisationFactory(name="Coompanion", slug="coompanion")
    EventFactory(title="Ours", organisers=[organisation])
    EventFactory(title="Someone else's", organisers=[OrganisationFactory()])

    response = client.get(reverse("events:feed_organisation", args=["coompanion"]))

    assert titles(response) == ["Ours"]
    assert "Coompanion" in str(calendar_of(response)["X-WR-CALNAME"])
    assert client.get(reverse("events:feed_organisation", args=["nobody"])).status_code == 404


def test_a_merged_organisation_has_no_feed(client):
    organisation = OrganisationFactory(slug="old-name", merged_into=OrganisationFactory())

    assert client.get(reverse("events:feed_organisation", args=[organisation.slug])).status_code == 404


def test_a_themes_feed_holds_only_the_events_on_the_theme(client):
    loneliness = make_theme("Loneliness")
    EventFactory(title="Against loneliness", themes=[loneliness])
    EventFactory(title="Something else", themes=[make_theme("Climate")])

    assert titles(client.get(reverse("events:feed_theme", args=[loneliness.slug]))) == ["Against loneliness"]
    assert client.get(reverse("events:feed_theme", args=["no-theme"])).status_code == 404


def test_a_places_feed_holds_its_events_and_those_of_the_places_within_it(client):
    region = make_place("Testskåne", level="region")
    city = make_place("Testmalmö", parent=region)
    neighbourhood = make_place("Testrosengård", level="neighbourhood", parent=city)
    EventFactory(title="In the region", place=region)
    EventFactory(title="In the city", place=city)
    EventFactory(title="In the neighbourhood", place=neighbourhood)
    EventFactory(title="Elsewhere", place=make_place("Testlund"))

    assert sorted(titles(client.get(reverse("events:feed_place", args=[region.slug])))) == [
        "In the city", "In the neighbourhood", "In the region"]
    assert sorted(titles(client.get(reverse("events:feed_place", args=[city.slug])))) == [
        "In the city", "In the neighbourhood"]
    assert client.get(reverse("events:feed_place", args=["nowhere"])).status_code == 404


def test_a_feed_answers_304_until_an_event_changes_and_may_be_cached_briefly(client):
    event = EventFactory(title="Ahead")
    first = client.get(reverse("events:feed"))
    etag = first["ETag"]

    assert "public" in first["Cache-Control"] and "max-age=900" in first["Cache-Control"]
    again = client.get(reverse("events:feed"), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag

    event.title = "Ahead, moved"
    event.save()
    changed = client.get(reverse("events:feed"), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert titles(changed) == ["Ahead, moved"]


def test_an_event_leaving_the_feed_changes_its_etag(client):
    event = EventFactory(title="Ahead")
    etag = client.get(reverse("events:feed"))["ETag"]
    Event.objects.filter(pk=event.pk).delete()

    response = client.get(reverse("events:feed"), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200 and titles(response) == []


def test_feeds_are_read_only(client):
    assert client.post(reverse("events:feed")).status_code == 405
    assert client.head(reverse("events:feed")).status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_a_feed_takes_a_few_queries_whatever_the_number_of_events(client, django_assert_max_num_queries, count):
    organisation = OrganisationFactory(slug="busy")
    EventFactory.create_batch(count, organisers=[organisation])
    hub_settings_get()  # cached for every page
    with django_assert_max_num_queries(3):
        response = client.get(reverse("events:feed_organisation", args=["busy"]))
    assert len(titles(response)) == count


# The personal feed -----------------------------------------------------------------------------

def test_my_feed_holds_the_events_i_hold_a_place_at_with_my_registration_and_online_link(client, member):
    confirmed = EventFactory(title="Confirmed", online_url="https://meet.example.org/secret-room")
    RegistrationFactory(event=confirmed, user=member, email=member.email)
    offered = EventFactory(title="Offered")
    RegistrationFactory(event=offered, user=member, email=member.email, status=Registration.Status.OFFERED)
    for status in (Registration.Status.WAITING, Registration.Status.CANCELLED):
        RegistrationFactory(event=EventFactory(title=status), user=member, email=member.email, status=status)
    RegistrationFactory(event=EventFactory(title="Someone else's"))
    token = CalendarToken.objects.create(user=member)

    response = client.get(reverse("events:feed_personal", args=[token.token]))

    assert sorted(titles(response)) == ["Confirmed", "Offered"]
    description = {str(v["SUMMARY"]): str(v["DESCRIPTION"]) for v in calendar_of(response).walk("VEVENT")}
    assert "https://meet.example.org/secret-room" in description["Confirmed"]
    registration = Registration.objects.get(event=confirmed)
    assert f"Your registration: http://testserver{registration.get_absolute_url()}" in description["Confirmed"]
    assert "private" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"


def test_my_feed_changes_when_my_registration_changes(client, member):
    registration = RegistrationFactory(event=EventFactory(title="Confirmed"), user=member, email=member.email)
    token = CalendarToken.objects.create(user=member)
    url = reverse("events:feed_personal", args=[token.token])
    etag = client.get(url)["ETag"]

    registration.status = Registration.Status.CANCELLED
    registration.save()

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and titles(response) == []


def test_a_wrong_or_a_deactivated_members_secret_address_finds_nothing(client, member):
    token = CalendarToken.objects.create(user=member)
    assert client.get(reverse("events:feed_personal", args=["not-the-token"])).status_code == 404
    member.is_active = False
    member.save()
    assert client.get(reverse("events:feed_personal", args=[token.token])).status_code == 404


def test_the_calendar_page_shows_my_secret_address_and_a_new_one_replaces_it(client, member):
    client.force_login(member)

    page = client.get(reverse("events:my_calendar"))
    token = CalendarToken.objects.get(user=member)
    old_url = reverse("events:feed_personal", args=[token.token])
    html = page.content.decode()
    assert page.status_code == 200 and f"http://testserver{old_url}" in html and "webcal://testserver" in html
    assert client.get(reverse("events:my_calendar")) and CalendarToken.objects.filter(user=member).count() == 1

    renewed = client.post(reverse("events:my_calendar_renew"), follow=True)

    token.refresh_from_db()
    assert renewed.redirect_chain[-1][0] == reverse("events:my_calendar")
    assert "new secret address" in renewed.content.decode()
    assert client.get(old_url).status_code == 404
    assert client.get(reverse("events:feed_personal", args=[token.token])).status_code == 200
    assert reverse("events:feed_personal", args=[token.token]) in renewed.content.decode()


def test_the_calendar_page_is_for_members_and_a_new_address_is_asked_for_by_post(client, member):
    assert client.get(reverse("events:my_calendar")).status_code == 302
    assert client.post(reverse("events:my_calendar_renew")).status_code == 302
    assert not CalendarToken.objects.exists()
    client.force_login(member)
    assert client.get(reverse("events:my_calendar_renew")).status_code == 405


# One event -----------------------------------------------------------------------------------

def test_an_event_downloads_as_an_ics_file(client):
    event = EventFactory(title="Network meeting at Globen", slug="globen")

    response = client.get(reverse("events:event_ics", args=["globen"]))

    assert titles(response) == ["Network meeting at Globen"]
    assert response["Content-Disposition"] == 'attachment; filename="globen.ics"'
    assert str(calendar_of(response).walk("VEVENT")[0]["UID"]) == f"event-{event.pk}@samskap"
    assert client.get(reverse("events:event_ics", args=["globen"]), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_drafts_ics_is_only_for_those_who_run_it(client, member):
    EventFactory(slug="draft", status=Event.Status.DRAFT, created_by=member)

    assert client.get(reverse("events:event_ics", args=["draft"])).status_code == 404
    client.force_login(member)
    response = client.get(reverse("events:event_ics", args=["draft"]))
    assert response.status_code == 200 and "private" in response["Cache-Control"]


def test_a_registered_members_ics_carries_the_online_link_and_a_strangers_does_not(client, member):
    event = EventFactory(slug="online", online_url="https://meet.example.org/room-42")
    RegistrationFactory(event=event, user=member, email=member.email)

    def description() -> str:
        response = client.get(reverse("events:event_ics", args=["online"]))
        return str(calendar_of(response).walk("VEVENT")[0]["DESCRIPTION"])

    assert "room-42" not in description()
    client.force_login(UserFactory())
    assert "room-42" not in description()
    client.force_login(member)
    assert "https://meet.example.org/room-42" in description()


def test_the_feed_addresses_are_not_taken_for_event_slugs():
    assert resolve("/events/calendar/").url_name == "my_calendar"
    assert resolve("/events/feed.ics").url_name == "feed"
    assert resolve("/events/some-event/calendar.ics").url_name == "event_ics"

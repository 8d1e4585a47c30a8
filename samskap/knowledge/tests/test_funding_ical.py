"""The deadline calendars: what they hold, read back with icalendar, and how calendars may cache them."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_theme
from samskap.knowledge import services_funding as services
from samskap.knowledge.models import FundingDeadline
from samskap.knowledge.tests.factories import FundingCallFactory

pytestmark = pytest.mark.django_db
FEED = "/funding/deadlines.ics"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def calendar_of(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(response) -> list[str]:
    return sorted(str(vevent["SUMMARY"]) for vevent in calendar_of(response).walk("VEVENT"))


def call_with(title: str, *, zone: str = "Europe/Stockholm", dues=(), **fields):
    """A published call whose deadlines are given as aware datetimes; next_deadline as the services keep it."""
    rows = list(dues.items()) if isinstance(dues, dict) else [("", due) for due in dues]
    call = FundingCallFactory(title=title, time_zone=zone, deadline=False,
                              next_deadline=services.next_deadline_of(due for _label, due in rows), **fields)
    for label, due in rows:
        FundingDeadline.objects.create(call=call, label=label, due=due)
    return call


def test_the_urls_are_named():
    assert reverse("knowledge:funding_deadlines_ical") == FEED
    assert reverse("knowledge:funding_call_ical", args=["x"]) == "/funding/x/deadlines.ics"


def test_the_feed_holds_the_deadlines_of_open_published_calls_only(client):
    soon = timezone.now() + timedelta(days=10)
    call_with("Open call", dues=[soon])
    call_with("Hidden call", dues=[soon], is_published=False)
    call_with("Closed call", dues=[timezone.now() - timedelta(days=3)])
    rolling = call_with("Rolling with a cut-off", dues=[timezone.now() - timedelta(days=3)], is_rolling=True)

    assert summaries(client.get(FEED)) == ["Deadline: Open call", "Deadline: Rolling with a cut-off"]
    assert str(calendar_of(client.get(FEED))["X-WR-CALNAME"]).endswith(": funding deadlines")
    assert rolling.next_deadline is None


def test_a_timed_deadline_is_given_on_the_calls_clock_with_the_zone_definition_and_a_stable_uid(client):
    due = datetime.datetime(2031, 6, 5, 12, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    call = call_with("Oslo noon", zone="Europe/Oslo", dues=[due])
    deadline = call.deadlines.get()

    calendar = calendar_of(client.get(FEED))

    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["UID"]) == f"funding-deadline-{deadline.pk}@samskap"
    assert vevent["DTSTART"].dt == due and str(vevent["DTSTART"].dt.tzinfo) == "Europe/Oslo"
    assert "DTEND" not in vevent
    assert b"DTSTART;TZID=Europe/Oslo:20310605T120000" in calendar.to_ical()
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert vevent["DTSTAMP"].dt.tzinfo is not None and vevent["DTSTAMP"].dt.utcoffset() == timedelta(0)
    assert b"DTSTAMP:" in calendar.to_ical() and b"Z\r\n" in calendar.to_ical().split(b"DTSTAMP:")[1][:20]
    assert str(vevent["URL"]) == "http://testserver" + call.get_absolute_url()
    description = str(vevent["DESCRIPTION"])
    assert call.funder.name in description and call.url in description and call.get_absolute_url() in description

    # The UID stays when the deadline moves, so a calendar updates its copy.
    owner = UserFactory()
    MembershipFactory(organisation=call.funder, user=owner)
    services.funding_call_update(call=call, by=owner, deadlines=[{"id": deadline.pk, "label": "",
                                                                  "due": datetime.datetime(2031, 6, 6, 12, 0)}])
    moved = calendar_of(client.get(FEED)).walk("VEVENT")[0]
    assert str(moved["UID"]) == f"funding-deadline-{deadline.pk}@samskap"
    assert moved["DTSTART"].dt == due + timedelta(days=1)


def test_a_deadline_at_the_end_of_the_day_is_an_all_day_event_on_the_calls_date(client):
    # 23:59 in Stockholm is already the next day in UTC+2 zones; the date is the call's.
    due = datetime.datetime(2031, 3, 31, 23, 59, tzinfo=ZoneInfo("Europe/Stockholm"))
    call_with("End of March", dues=[due])

    vevent = calendar_of(client.get(FEED)).walk("VEVENT")[0]

    assert vevent["DTSTART"].dt == datetime.date(2031, 3, 31)
    assert vevent["DTEND"].dt == datetime.date(2031, 4, 1)
    assert b"DTSTART;VALUE=DATE:20310331" in client.get(FEED).content
    assert "end of the day" in str(vevent["DESCRIPTION"])


def test_each_deadline_of_a_call_is_its_own_event_named_by_what_is_due(client):
    call = call_with("Two rounds", dues={"Outline application": timezone.now() + timedelta(days=5),
                                         "Full application": timezone.now() + timedelta(days=50)})
    assert summaries(client.get(FEED)) == ["Deadline: Two rounds (Full application)",
                                           "Deadline: Two rounds (Outline application)"]
    uids = {str(v["UID"]) for v in calendar_of(client.get(FEED)).walk("VEVENT")}
    assert uids == {f"funding-deadline-{pk}@samskap" for pk in call.deadlines.values_list("pk", flat=True)}


def test_the_theme_filter_keeps_the_calls_of_that_theme_and_an_unknown_theme_is_a_404(client):
    loneliness = make_theme("Loneliness")
    call_with("Lonely", dues=[timezone.now() + timedelta(days=3)], themes=[loneliness])
    call_with("Other", dues=[timezone.now() + timedelta(days=3)])

    response = client.get(FEED, {"theme": loneliness.slug})

    assert summaries(response) == ["Deadline: Lonely"]
    assert "Loneliness" in str(calendar_of(response)["X-WR-CALNAME"])
    assert client.get(FEED, {"theme": "no-such-theme"}).status_code == 404


def test_the_feed_answers_304_while_nothing_changed_and_a_new_body_after_a_change(client):
    call = call_with("First", dues=[timezone.now() + timedelta(days=3)])
    first = client.get(FEED)
    etag = first["ETag"]
    assert "public" in first["Cache-Control"] and "max-age=900" in first["Cache-Control"]

    again = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag

    call.title = "Renamed"
    call.save()
    changed = client.get(FEED, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert summaries(changed) == ["Deadline: Renamed"]


def test_the_feed_of_an_empty_hub_is_a_valid_calendar(client):
    calendar = calendar_of(client.get(FEED))
    assert calendar.walk("VEVENT") == [] and str(calendar["VERSION"]) == "2.0"


def test_one_calls_calendar_holds_all_its_deadlines_also_past_ones(client):
    call = call_with("History", dues={"Earlier round": timezone.now() - timedelta(days=60),
                                      "This round": timezone.now() + timedelta(days=6)})
    response = client.get(reverse("knowledge:funding_call_ical", args=[call.slug]))
    assert summaries(response) == ["Deadline: History (Earlier round)", "Deadline: History (This round)"]
    assert response["Content-Disposition"] == f'attachment; filename="{call.slug}.ics"'
    assert client.get(reverse("knowledge:funding_call_ical", args=[call.slug]),
                      HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_hidden_calls_calendar_is_for_its_funders_members_only(client):
    call = call_with("Hidden", dues=[timezone.now() + timedelta(days=6)], is_published=False)
    url = reverse("knowledge:funding_call_ical", args=[call.slug])
    assert client.get(url).status_code == 404
    member = UserFactory()
    MembershipFactory(organisation=call.funder, user=member)
    client.force_login(member)
    response = client.get(url)
    assert summaries(response) == ["Deadline: Hidden"] and "private" in response["Cache-Control"]


def test_a_funders_new_name_reaches_the_feed(client):
    funder = OrganisationFactory(name="Old name")
    call_with("Call", dues=[timezone.now() + timedelta(days=6)], funder=funder)
    assert "Old name" in str(calendar_of(client.get(FEED)).walk("VEVENT")[0]["DESCRIPTION"])
    funder.name = "New name"
    funder.save()
    assert "New name" in str(calendar_of(client.get(FEED)).walk("VEVENT")[0]["DESCRIPTION"])

"""The event pages: list, month, event, and adding, editing, publishing and cancelling."""

import datetime
import html
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.events.models import Event, EventSeries, Registration

from .factories import EventFactory, QuestionFactory, RegistrationFactory, TicketTypeFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def in_days(days: float) -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)


def get(client, url, **extra):
    return client.get(url, **EN, **extra)


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def organiser():
    user = UserFactory(name="Olga Organiser")
    return user, OrganisationFactory(name="Innovatarium", slug="innovatarium", admins=[user])


# The list ----------------------------------------------------------------------------------------

def test_the_list_shows_upcoming_events_and_past_ones_on_their_own_tab(client):
    EventFactory(title="Thinkshop om ensomhed", kind="thinkshop", start=in_days(3))
    EventFactory(title="Networking at Globen", start=in_days(-10))
    EventFactory(title="Secret draft", status=Event.Status.DRAFT)
    upcoming = text_of(get(client, reverse("events:events")))
    assert "Thinkshop om ensomhed" in upcoming and "Networking at Globen" not in upcoming
    assert "Secret draft" not in upcoming
    assert "1 upcoming event" in upcoming
    past = get(client, reverse("events:events") + "?when=past")
    assert "Networking at Globen" in text_of(past)
    assert re.search(r'<a [^>]*href="/events/\?when=past"[^>]*aria-current="page"', past.content.decode())
    assert re.search(r'<a [^>]*href="/events/\??">Upcoming</a>', past.content.decode())


def test_the_list_filters_by_the_query_string_and_reports_unknown_values(client):
    EventFactory(title="A workshop", kind="workshop")
    EventFactory(title="A fair", kind="fair")
    page = text_of(get(client, reverse("events:events") + "?kind=fair&price=expensive"))
    assert "A fair" in page and "A workshop" not in page
    assert "The filter “Price” has no value “expensive”" in page


def test_the_list_pages_through_many_events(client):
    for i in range(25):
        EventFactory(title=f"Event {i:02}", start=in_days(1 + i))
    first, second = get(client, reverse("events:events")), get(client, reverse("events:events") + "?page=2")
    assert "Event 19" in text_of(first) and "Event 20" not in text_of(first)
    assert "Event 24" in text_of(second)
    assert 'aria-label="Pages of results"' in first.content.decode()
    assert "There is no page 9" in text_of(get(client, reverse("events:events") + "?page=9"))


def test_the_main_menu_links_to_the_events(client):
    assert f'href="{reverse("events:events")}"' in get(client, reverse("core:home")).content.decode()


def test_members_see_the_button_to_add_an_event(client, member):
    assert reverse("events:event_create") not in get(client, reverse("events:events")).content.decode()
    client.force_login(member)
    assert reverse("events:event_create") in get(client, reverse("events:events")).content.decode()


# The month ---------------------------------------------------------------------------------------

def test_the_month_is_a_table_with_its_events_and_links_to_the_months_around(client):
    zone = ZoneInfo("Europe/Stockholm")
    event = EventFactory(title="Course day", start=datetime.datetime(2030, 5, 14, 9, 0, tzinfo=zone),
                         end=datetime.datetime(2030, 5, 14, 16, 0, tzinfo=zone))
    response = get(client, reverse("events:month") + "?year=2030&month=5")
    content = response.content.decode()
    assert "<caption>May 2030</caption>" in content
    assert content.count('<th scope="col">') == 7
    assert f'href="{event.get_absolute_url()}">9 a.m. Course day</a>' in content
    assert 'href="?year=2030&amp;month=4"' in content and 'href="?year=2030&amp;month=6"' in content
    assert "1 event this month" in text_of(response)


def test_the_month_view_keeps_the_filters_in_its_links(client):
    content = get(client, reverse("events:month") + "?year=2030&month=12&kind=fair").content.decode()
    assert 'href="?year=2031&amp;month=1&amp;kind=fair"' in content


@pytest.mark.parametrize("query", ["?year=2030&month=13", "?year=abc", "?year=99999&month=1"])
def test_a_month_that_does_not_exist_shows_this_month(client, query):
    response = get(client, reverse("events:month") + query)
    today = timezone.localdate()
    assert response.status_code == 200
    assert "There is no such month" in text_of(response)
    assert f"{today:%B} {today.year}" in text_of(response)


# The event page ----------------------------------------------------------------------------------

def test_the_event_page_shows_time_in_the_events_zone_place_organisers_themes_and_prices(client, organiser):
    user, organisation = organiser
    viewer = UserFactory(time_zone="Europe/Helsinki")
    theme = make_theme("Loneliness")
    oslo = ZoneInfo("Europe/Oslo")
    event = EventFactory(
        title="Konferanse: sosialt entreprenørskap", kind="conference", language="nb", time_zone="Europe/Oslo",
        start=datetime.datetime(2030, 3, 5, 9, 0, tzinfo=oslo), end=datetime.datetime(2030, 3, 6, 16, 0, tzinfo=oslo),
        venue_name="Stavanger konserthus", venue_address="Sandvigå 1, Stavanger", room="Zetlitz",
        accessibility="Step-free access and a hearing loop.", latitude="58.97300", longitude="5.72900",
        organisers=[organisation], themes=[theme], pricing="tickets", currency="NOK", capacity=100)
    TicketTypeFactory(event=event, name="Member", price=1250)
    TicketTypeFactory(event=event, name="Student", price="99.50")
    client.force_login(viewer)
    response = get(client, event.get_absolute_url())
    page = text_of(response)
    content = response.content.decode()
    assert "Konferanse: sosialt entreprenørskap" in page
    assert "March 5, 2030 9 a.m." in page and "March 6, 2030 4 p.m." in page  # Oslo time, not Helsinki
    assert "Time zone: Europe/Oslo" in page
    assert "Stavanger konserthus" in page and "Room: Zetlitz" in page and "hearing loop" in page
    assert "https://www.openstreetmap.org/?mlat=58.97300&amp;mlon=5.72900" in content
    assert f'href="{organisation.get_absolute_url()}">Innovatarium</a>' in content
    assert "Loneliness" in page and "Norwegian" in page
    assert "Member: 1,250 NOK" in page and "Student: 99.50 NOK" in page
    assert "100 of 100 places left" in page
    assert reverse("events:register", args=[event.slug]) in content  # the registration box


def test_prices_follow_the_readers_locale(client):
    event = EventFactory(pricing="pay_what_you_can", currency="SEK", suggested_amounts=["1500", "300"],
                         minimum_amount=50)
    content = client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "1\xa0500\xa0SEK, 300\xa0SEK" in content


def test_the_online_link_is_only_for_those_with_the_right(client):
    event = EventFactory(online_url="https://meet.example.org/secret-room")
    assert "secret-room" not in get(client, event.get_absolute_url()).content.decode()
    participant = UserFactory()
    RegistrationFactory(event=event, user=participant, email=participant.email)
    client.force_login(participant)
    assert 'href="https://meet.example.org/secret-room"' in get(client, event.get_absolute_url()).content.decode()


def test_the_event_page_links_its_calendar_file_and_describes_itself_for_search_engines(client, organiser):
    _user, organisation = organiser
    event = EventFactory(title="Thinkshop </script><script>alert(1)</script>", organisers=[organisation],
                         online_url="https://meet.example.org/secret", pricing="pay_what_you_can",
                         suggested_amounts=["100", "300"], minimum_amount=50, currency="DKK",
                         place=make_place("Aarhus", country="DK"))
    content = get(client, event.get_absolute_url()).content.decode()
    ics = reverse("events:event_ics", args=[event.slug])
    assert f'<link rel="alternate" type="text/calendar" href="{ics}"' in content
    assert f'href="{ics}" download>Add to calendar</a>' in content
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert len(scripts) == 1
    assert "<script>alert" not in content
    data = json.loads(scripts[0])
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["address"]["addressLocality"] == "Aarhus"
    assert virtual == {"@type": "VirtualLocation", "url": f"http://testserver{event.get_absolute_url()}"}
    assert "secret" not in scripts[0]
    assert data["organizer"] == [{"@type": "Organization", "name": "Innovatarium",
                                  "url": f"http://testserver{organisation.get_absolute_url()}"}]
    assert data["offers"][0]["@type"] == "AggregateOffer"
    assert (data["offers"][0]["lowPrice"], data["offers"][0]["highPrice"]) == ("50.00", "300")
    assert data["startDate"].endswith("+01:00") or data["startDate"].endswith("+02:00")


def test_a_cancelled_events_description_says_so(client):
    event = EventFactory(status=Event.Status.CANCELLED, online_url="https://meet.example.org/x", venue_name="",
                         venue_address="")
    content = get(client, event.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "This event is cancelled." in text_of(get(client, event.get_absolute_url()))


def test_the_page_needs_no_script_permission_beyond_the_sites_own(client):
    response = get(client, EventFactory().get_absolute_url())
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    # The only inline script element is JSON-LD data, which browsers never run.
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode()) == [
        '<script type="application/ld+json">']


def test_organisers_see_links_to_edit_participants_and_check_in(client, organiser):
    user, organisation = organiser
    event = EventFactory(organisers=[organisation])
    visitor_page = get(client, event.get_absolute_url()).content.decode()
    assert reverse("events:event_edit", args=[event.slug]) not in visitor_page
    assert reverse("events:check_in", args=[event.slug]) not in visitor_page
    client.force_login(user)
    content = get(client, event.get_absolute_url()).content.decode()
    for name in ("event_edit", "event_cancel", "participants", "check_in", "programme"):
        assert reverse(f"events:{name}", args=[event.slug]) in content


def test_a_draft_is_not_found_by_visitors_and_its_organisers_can_publish_it(client, organiser):
    user, organisation = organiser
    event = EventFactory(organisers=[organisation], status=Event.Status.DRAFT)
    assert get(client, event.get_absolute_url()).status_code == 404
    client.force_login(user)
    assert "This is a draft" in text_of(get(client, event.get_absolute_url()))
    response = client.post(reverse("events:event_publish", args=[event.slug]), **EN)
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED


def test_publishing_is_refused_to_others(client, member):
    event = EventFactory(status=Event.Status.DRAFT, created_by=UserFactory())
    client.force_login(member)
    assert client.post(reverse("events:event_publish", args=[event.slug]), **EN).status_code == 404
    assert client.get(reverse("events:event_publish", args=[event.slug]), **EN).status_code in (404, 405)


# Adding and editing ------------------------------------------------------------------------------

def form_data(organisation, **overrides) -> dict:
    data = {
        "title": "Open workshop", "kind": "workshop", "summary": "Practitioners swap experience.",
        "description": "", "language": "da", "organisers": [organisation.pk],
        "time_zone": "Europe/Oslo", "start": "2030-01-15T18:00", "end": "2030-01-15T20:30",
        "venue_name": "Innovatariet", "venue_address": "Nørregade 1", "room": "", "place": "",
        "latitude": "", "longitude": "", "accessibility": "", "online_url": "", "cover_alt": "",
        "registration_enabled": "on", "registration_opens": "", "registration_closes": "", "capacity": "30",
        "waiting_list": "on", "audience": "anyone", "offer_hours": "48", "reminder_hours": "24",
        "participant_list_public": "on", "pricing": "free", "currency": "DKK", "suggested_amounts": "",
        "minimum_amount": "0", "pay_by_invoice": "on", "pay_at_venue": "on",
        "repeat": "", "occurrences": "6", "rule": "",
        "tickets-TOTAL_FORMS": "2", "tickets-INITIAL_FORMS": "0", "tickets-MIN_NUM_FORMS": "0",
        "tickets-MAX_NUM_FORMS": "1000",
        "questions-TOTAL_FORMS": "2", "questions-INITIAL_FORMS": "0", "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        # What a browser sends for the empty rows: the selected kind of answer.
        "questions-0-kind": "text", "questions-1-kind": "text", "questions-2-kind": "text",
    }
    data.update(overrides)
    return data


def test_an_organisation_admin_adds_a_draft_with_times_on_the_events_clock(client, organiser):
    user, organisation = organiser
    user.time_zone = "Europe/Helsinki"
    user.save()
    client.force_login(user)
    assert "Open workshop" not in get(client, reverse("events:event_create")).content.decode()
    response = client.post(reverse("events:event_create"), form_data(
        organisation, pricing="tickets", **{
            "tickets-0-name": "Member", "tickets-0-price": "150", "tickets-0-capacity": "",
            "questions-0-label": "Dietary needs", "questions-0-kind": "single",
            "questions-0-choices": "Vegan\nVegetarian\n", "questions-0-required": "on"}), **EN)
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.status == Event.Status.DRAFT and event.slug == "open-workshop-2030-01-15"
    assert event.start == datetime.datetime(2030, 1, 15, 17, 0, tzinfo=datetime.UTC)  # 18:00 in Oslo
    assert [(t.name, t.price) for t in event.ticket_types.all()] == [("Member", 150)]
    assert event.questions.get().choices == ["Vegan", "Vegetarian"]
    assert list(event.organisers.all()) == [organisation]


def test_a_repeating_event_becomes_a_series_of_drafts(client, organiser):
    user, organisation = organiser
    client.force_login(user)
    response = client.post(reverse("events:event_create"),
                           form_data(organisation, repeat="monthly_weekday", occurrences="3"), **EN)
    series = EventSeries.objects.get()
    starts = [e.start.astimezone(ZoneInfo("Europe/Oslo")) for e in series.occurrences.order_by("start")]
    assert response.status_code == 302
    assert series.rule == "FREQ=MONTHLY;BYDAY=3TU;COUNT=3"
    assert [(d.month, d.day, d.hour) for d in starts] == [(1, 15, 18), (2, 19, 18), (3, 19, 18)]


def test_a_bad_custom_rule_is_shown_on_its_field(client, organiser):
    user, organisation = organiser
    client.force_login(user)
    response = client.post(reverse("events:event_create"),
                           form_data(organisation, repeat="custom", rule="FREQ=DAILY"), **EN)
    assert response.status_code == 200
    assert "A series can have at most 60 occurrences" in text_of(response)
    assert not Event.objects.exists()


@pytest.mark.parametrize("overrides, message", [
    ({"end": "2030-01-15T17:00"}, "Ends: The event cannot end before it starts."),
    ({"pricing": "tickets"}, "Add at least one ticket type"),
    ({"organisers": []}, "Choose at least one organiser"),
    ({"questions-0-label": "Diet", "questions-0-kind": "multiple", "questions-0-choices": "Only one"},
     "Give at least two choices"),
])
def test_mistakes_in_the_form_are_explained(client, organiser, overrides, message):
    user, organisation = organiser
    client.force_login(user)
    response = client.post(reverse("events:event_create"), form_data(organisation, **overrides), **EN)
    assert response.status_code == 200
    assert message in text_of(response)
    assert not Event.objects.exists()


def test_a_member_without_an_organisation_is_told_how_to_add_one(client, member):
    client.force_login(member)
    assert "you need to be an admin of an organisation" in text_of(get(client, reverse("events:event_create")))


def test_visitors_are_asked_to_log_in_to_add_an_event(client):
    response = get(client, reverse("events:event_create"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_edit_form_shows_the_events_local_times_and_saves_changes(client, organiser):
    user, organisation = organiser
    oslo = ZoneInfo("Europe/Oslo")
    event = EventFactory(organisers=[organisation], time_zone="Europe/Oslo",
                         start=datetime.datetime(2030, 6, 10, 18, 0, tzinfo=oslo),
                         end=datetime.datetime(2030, 6, 10, 20, 0, tzinfo=oslo))
    ticket = TicketTypeFactory(event=event, name="Member")
    question = QuestionFactory(event=event, label="Organisation")
    client.force_login(user)
    content = get(client, reverse("events:event_edit", args=[event.slug])).content.decode()
    assert 'value="2030-06-10T18:00"' in content
    data = form_data(organisation, title="Renamed", start="2030-06-10T19:00", end="2030-06-10T21:00",
                     pricing="tickets", outcome_summary="", **{
                         "tickets-TOTAL_FORMS": "3", "tickets-INITIAL_FORMS": "1", "tickets-0-id": str(ticket.pk),
                         "tickets-0-event": str(event.pk), "tickets-0-name": "Member", "tickets-0-price": "120",
                         "questions-TOTAL_FORMS": "3", "questions-INITIAL_FORMS": "1",
                         "questions-0-id": str(question.pk), "questions-0-event": str(event.pk),
                         "questions-0-label": "Organisation", "questions-0-kind": "text",
                         "questions-0-DELETE": "on"})
    response = client.post(reverse("events:event_edit", args=[event.slug]), data, **EN)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Renamed" and event.slug.startswith("network-meeting")  # the address stays
    assert event.start.astimezone(oslo).hour == 19
    assert event.ticket_types.get().price == 120
    assert not event.questions.exists()


def test_others_cannot_open_the_edit_or_cancel_pages(client, member):
    event = EventFactory(organisers=[OrganisationFactory()])
    client.force_login(member)
    assert get(client, reverse("events:event_edit", args=[event.slug])).status_code == 403
    assert get(client, reverse("events:event_cancel", args=[event.slug])).status_code == 403
    assert client.post(reverse("events:event_cancel", args=[event.slug]), **EN).status_code == 403
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED


def test_cancelling_asks_first_then_cancels_and_tells_the_registered(client, organiser,
                                                                     django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    user, organisation = organiser
    event = EventFactory(organisers=[organisation])
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    client.force_login(user)
    confirm = text_of(get(client, reverse("events:event_cancel", args=[event.slug])))
    assert "2 people are registered and get an e-mail" in confirm
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:event_cancel", args=[event.slug]), **EN)
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).status == Event.Status.CANCELLED
    assert DBTaskResult.objects.count() == 2


# The organisation's page -------------------------------------------------------------------------

def test_an_organisations_page_lists_its_next_events(client, organiser):
    _user, organisation = organiser
    EventFactory(title="Open workshop", organisers=[organisation])
    EventFactory(title="Someone else's workshop")
    for _ in range(2):  # also from the cached fragment the second time
        page = text_of(get(client, organisation.get_absolute_url()))
        assert "Open workshop" in page and "Someone else's workshop" not in page
    EventFactory(title="Added later", organisers=[organisation], start=in_days(20))
    assert "Added later" in text_of(get(client, organisation.get_absolute_url()))


# Query counts ------------------------------------------------------------------------------------

def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url, **EN)  # warm the caches every page shares (hub settings, place choices)
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url, **EN)
    assert response.status_code == 200
    print(f"{url}: {len(captured)} queries")  # shown with pytest -s
    return len(captured)


def list_rows(n: int, *, start: int = 0, organisation=None):
    place = make_place(f"Kommun {start}")
    themes = [make_theme(f"Theme {start}-{i}") for i in range(2)]
    for i in range(start, start + n):
        event = EventFactory(title=f"Event {i:03}", place=place, themes=themes, pricing="tickets",
                             organisers=[organisation or OrganisationFactory(), OrganisationFactory()],
                             capacity=20, start=in_days(1 + i / 100))
        TicketTypeFactory(event=event)
        RegistrationFactory(event=event)


@pytest.mark.parametrize("url", ["/events/", "/events/?when=past", "/events/?kind=network_meeting",
                                 "/events/month/"])
def test_the_list_pages_run_the_same_few_queries_for_5_and_50_events(client, url, django_assert_max_num_queries):
    client.force_login(UserFactory())
    list_rows(5)
    with_five = count_queries(client, url, django_assert_max_num_queries)
    list_rows(45, start=5)
    with_fifty = count_queries(client, url, django_assert_max_num_queries)
    assert with_five == with_fifty


@pytest.mark.parametrize("when", ["upcoming", "past"])
@pytest.mark.parametrize("viewer", ["visitor", "member", "registered", "organiser"])
def test_the_event_page_runs_the_same_few_queries_for_5_and_50_rows(client, viewer, when, organiser,
                                                                    django_assert_max_num_queries):
    user, organisation = organiser
    event = EventFactory(pricing="tickets", capacity=100, online_url="https://meet.example.org/x",
                         organisers=[organisation], participant_list_public=True,
                         start=in_days(3 if when == "upcoming" else -3), outcome_summary="We met.")
    participant = UserFactory()
    if viewer == "registered":
        RegistrationFactory(event=event, user=participant, email=participant.email)
    if viewer != "visitor":
        client.force_login({"organiser": user, "registered": participant, "member": UserFactory()}[viewer])

    def rows(n):
        for _ in range(n):
            ticket = TicketTypeFactory(event=event)
            RegistrationFactory(event=event, ticket_type=ticket, on_participant_list=True)
            event.organisers.add(OrganisationFactory())
            event.themes.add(make_theme(f"Theme {Event.objects.count()}-{ticket.pk}"))

    rows(5)
    with_five = count_queries(client, event.get_absolute_url(), django_assert_max_num_queries)
    rows(45)
    with_fifty = count_queries(client, event.get_absolute_url(), django_assert_max_num_queries)
    assert with_five == with_fifty


def test_the_organiser_filter_offers_an_organisation_as_soon_as_its_event_is_published(client, organiser,
                                                                                      django_capture_on_commit_callbacks):
    from samskap.events import services

    user, organisation = organiser
    event = EventFactory(organisers=[organisation], status=Event.Status.DRAFT)
    assert 'value="innovatarium"' not in get(client, reverse("events:events")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_publish(event=event, by=user)
    assert 'value="innovatarium"' in get(client, reverse("events:events")).content.decode()


def test_a_facilitator_adds_an_event_for_the_hub_online_only(client):
    facilitator = UserFactory(is_facilitator=True)
    client.force_login(facilitator)
    form = get(client, reverse("events:event_create")).content.decode()
    assert 'name="organised_by_hub"' in form
    response = client.post(reverse("events:event_create"), form_data(
        OrganisationFactory(), organisers=[], organised_by_hub="on", venue_name="", venue_address="",
        kind="webinar", online_url="https://meet.example.org/hub"), **EN)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.organised_by_hub and not event.organisers.exists()
    assert event.online_url == "https://meet.example.org/hub"


def test_a_refused_edit_keeps_the_saved_title_on_the_page(client, organiser):
    user, organisation = organiser
    event = EventFactory(title="Kept", organisers=[organisation])
    client.force_login(user)
    response = client.post(reverse("events:event_edit", args=[event.slug]),
                           form_data(organisation, title="Changed", pricing="tickets", outcome_summary=""), **EN)
    assert response.status_code == 200
    assert "Edit Kept" in text_of(response) and "Add at least one ticket type" in text_of(response)
    assert Event.objects.get(pk=event.pk).title == "Kept"


@pytest.mark.parametrize("model", ["event", "registration", "eventseries", "speaker", "programmesession", "stand"])
def test_hub_admins_manage_events_in_the_admin(client, hub_admin, model):
    EventFactory()
    client.force_login(hub_admin)
    assert get(client, reverse(f"admin:events_{model}_changelist")).status_code == 200
    assert get(client, reverse(f"admin:events_{model}_add")).status_code == 200


def test_the_list_offers_the_calendar_feed_of_what_it_shows(client):
    from samskap.actors.tests.factories import OrganisationFactory
    from samskap.events.selectors import organiser_choices_forget
    from samskap.events.tests.factories import EventFactory

    organisation = OrganisationFactory(slug="fixa-hus")
    EventFactory(status="published").organisers.add(organisation)
    organiser_choices_forget()  # the filter's organiser choices are cached
    html = client.get("/events/?organiser=fixa-hus", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/events/feed/organisation/fixa-hus.ics"' in html
    assert organisation.slug in html
    assert 'href="/events/feed.ics"' in client.get("/events/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_visitors_second_look_at_the_list_and_an_event_reads_the_cache(client, django_assert_max_num_queries):
    from samskap.events.tests.factories import EventFactory

    event = EventFactory(status="published", title="Nätverksträff i Malmö", organised_by_hub=True)
    client.get("/events/", HTTP_ACCEPT_LANGUAGE="en")
    client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    with django_assert_max_num_queries(0):
        assert "Nätverksträff i Malmö" in client.get("/events/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    with django_assert_max_num_queries(0):
        assert "Nätverksträff i Malmö" in client.get(event.get_absolute_url(),
                                                      HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_registration_shows_at_once_in_the_places_left_visitors_see(client, django_capture_on_commit_callbacks):
    from samskap.accounts.tests.factories import UserFactory
    from samskap.events.services_registration import registration_create
    from samskap.events.tests.factories import EventFactory

    event = EventFactory(status="published", capacity=10, organised_by_hub=True)
    assert "10 of 10 places left" in client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    member = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, user=member, name=member.name, email=member.email, language="en",
                            answers={}, on_participant_list=False)
    assert "9 of 10 places left" in client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_renamed_event_shows_its_new_title_to_visitors(client):
    from samskap.events.tests.factories import EventFactory

    event = EventFactory(status="published", title="Frukostmöte", organised_by_hub=True)
    assert "Frukostmöte" in client.get("/events/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    event.title = "Lunchmöte"
    event.save()
    html = client.get("/events/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Lunchmöte" in html and "Frukostmöte" not in html


def test_a_visitor_gets_404_at_once_when_a_cached_event_goes_back_to_draft(client):
    from samskap.events.tests.factories import EventFactory

    event = EventFactory(status="published", organised_by_hub=True)
    assert client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    event.status = "draft"
    event.save()
    assert client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").status_code == 404

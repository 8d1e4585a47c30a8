"""The events API: /api/v1/events (list, detail, programme, participants) and /api/v1/me/registrations."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from samskap.accounts.services import api_token_create
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.core.selectors import hub_settings_get
from samskap.events.models import Event, EventFile, ProgrammeSession, Registration, Speaker
from samskap.events.tests.factories import EventFactory, QuestionFactory, RegistrationFactory, TicketTypeFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def get(client, path, user=None, **params):
    headers = {}
    if user is not None:
        _token, key = api_token_create(user=user, by=user, name="script")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client.get(f"{API}{path}", params, **headers)


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def organiser_of(event):
    admin = UserFactory()
    organisation = OrganisationFactory(admins=[admin])
    event.organisers.add(organisation)
    return admin


# The list ----------------------------------------------------------------------------------------

def test_the_list_has_upcoming_events_soonest_first_and_past_ones_latest_first(client):
    now = timezone.now()
    EventFactory(slug="later", start=now + timedelta(days=20), end=now + timedelta(days=20, hours=2))
    EventFactory(slug="sooner", start=now + timedelta(days=2), end=now + timedelta(days=2, hours=2))
    EventFactory(slug="long-ago", start=now - timedelta(days=60), end=now - timedelta(days=60) + timedelta(hours=2))
    EventFactory(slug="last-week", start=now - timedelta(days=7), end=now - timedelta(days=7) + timedelta(hours=2))
    EventFactory(slug="draft", status=Event.Status.DRAFT)

    assert slugs(get(client, "/events")) == ["sooner", "later"]
    assert slugs(get(client, "/events", when="past")) == ["last-week", "long-ago"]
    assert get(client, "/events").json()["count"] == 2


def test_the_list_filters_as_the_page_does(client):
    region = make_place("Testskåne", level="region")
    city = make_place("Testmalmö", parent=region)
    loneliness = make_theme("Loneliness")
    organisation = OrganisationFactory(slug="coompanion")
    EventFactory(slug="workshop-in-malmo", kind="workshop", place=city, themes=[loneliness], language="da",
                 organisers=[organisation])
    EventFactory(slug="paid-meeting", pricing=Event.Pricing.TICKETS, organised_by_hub=True)
    EventFactory(slug="pay-what-you-can", pricing=Event.Pricing.PAY_WHAT_YOU_CAN)

    assert slugs(get(client, "/events", kind="workshop")) == ["workshop-in-malmo"]
    assert slugs(get(client, "/events", place=region.slug)) == ["workshop-in-malmo"]
    assert slugs(get(client, "/events", theme=loneliness.slug)) == ["workshop-in-malmo"]
    assert slugs(get(client, "/events", organiser="coompanion")) == ["workshop-in-malmo"]
    assert slugs(get(client, "/events", organiser="hub")) == ["paid-meeting"]
    assert slugs(get(client, "/events", language="da")) == ["workshop-in-malmo"]
    assert sorted(slugs(get(client, "/events", price="paid"))) == ["paid-meeting", "pay-what-you-can"]
    assert slugs(get(client, "/events", price="free")) == ["workshop-in-malmo"]


@pytest.mark.parametrize("name,value", [("kind", "party"), ("place", "atlantis"), ("theme", "no-such-theme"),
                                        ("organiser", "nobody"), ("price", "cheap"), ("language", "xx"),
                                        ("when", "someday")])
def test_an_unknown_filter_value_is_a_422_naming_the_filter(client, name, value):
    response = get(client, "/events", **{name: value})

    assert response.status_code == 422
    assert response.json()["message"] == "The request has errors."
    assert name in response.json()["errors"]


def test_an_item_has_its_id_page_times_with_the_events_offset_venue_organisers_and_places_left(client):
    start = datetime(2031, 6, 5, 18, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    organisation = OrganisationFactory(name="Norge Unlimited", slug="norge-unlimited")
    city = make_place("Teststavanger", country="NO")
    event = EventFactory(slug="stavanger", time_zone="Europe/Oslo", start=start, end=start + timedelta(hours=2),
                         capacity=10, place=city, venue_name="KRA Stavanger", venue_address="Verven 24",
                         organisers=[organisation])
    RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)

    item = get(client, "/events").json()["items"][0]

    assert item["id"] == event.pk and item["url"] == "/events/stavanger/"
    assert item["start"] == "2031-06-05T18:00:00+02:00" and item["end"] == "2031-06-05T20:00:00+02:00"
    assert item["time_zone"] == "Europe/Oslo"
    assert item["venue"]["name"] == "KRA Stavanger" and item["venue"]["place"]["slug"] == city.slug
    assert item["organisers"] == [{"id": organisation.pk, "url": "/organisations/norge-unlimited/",
                                   "slug": "norge-unlimited", "name": "Norge Unlimited"}]
    assert item["capacity"] == 10 and item["places_left"] == 7
    assert item["registration"] == "open" and item["online"] is False
    assert item["ics_url"] == "/events/stavanger/calendar.ics"


def test_organisers_see_their_drafts_in_the_list_and_others_do_not(client):
    draft = EventFactory(slug="draft", status=Event.Status.DRAFT)
    admin = organiser_of(draft)

    assert slugs(get(client, "/events")) == []
    assert slugs(get(client, "/events", UserFactory())) == []
    assert slugs(get(client, "/events", admin)) == ["draft"]


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    hub_settings_get()  # cached for every request
    theme = make_theme("Climate")
    for _ in range(count):
        EventFactory(themes=[theme], organisers=[OrganisationFactory()], place=make_place("Testort"))
    with django_assert_max_num_queries(10):
        response = get(client, "/events", limit=100)
    assert response.json()["count"] == count


# One event ---------------------------------------------------------------------------------------

def test_the_detail_has_prices_places_per_ticket_type_and_the_programme_and_participants_addresses(client):
    event = EventFactory(slug="thinkshop", pricing=Event.Pricing.TICKETS, currency="DKK", capacity=30,
                         description="Speakers share knowledge.")
    student = TicketTypeFactory(event=event, name="Student", price=150, capacity=5)
    TicketTypeFactory(event=event, name="Member", price=350)
    RegistrationFactory.create_batch(2, event=event, ticket_type=student)

    body = get(client, "/events/thinkshop").json()

    assert body["description"] == "Speakers share knowledge." and body["currency"] == "DKK"
    assert [(t["name"], t["price"], t["places_left"]) for t in body["ticket_types"]] == [
        ("Student", "150.00", 3), ("Member", "350.00", None)]
    assert body["places_left"] == 28
    assert body["programme_url"] == "/api/v1/events/thinkshop/programme"
    assert body["participants_url"] == "/api/v1/events/thinkshop/participants"


def test_the_online_link_is_only_for_registered_participants_and_organisers(client):
    event = EventFactory(slug="webinar", online_url="https://meet.example.org/room")
    participant = UserFactory()
    RegistrationFactory(event=event, user=participant, email=participant.email)
    admin = organiser_of(event)

    assert get(client, "/events/webinar").json()["online_url"] is None
    assert get(client, "/events/webinar", UserFactory()).json()["online_url"] is None
    assert get(client, "/events/webinar", participant).json()["online_url"] == "https://meet.example.org/room"
    assert get(client, "/events/webinar", admin).json()["online_url"] == "https://meet.example.org/room"


def test_an_unknown_event_or_someone_elses_draft_is_a_404_with_a_message(client):
    EventFactory(slug="draft", status=Event.Status.DRAFT)

    for path in ("/events/nothing", "/events/draft", "/events/draft/programme", "/events/draft/participants"):
        response = get(client, path)
        assert response.status_code == 404 and response.json() == {"message": "Not found."}, path


def test_the_programme_lists_sessions_in_time_order_with_speakers_and_slides(client):
    event = EventFactory(slug="aarhus", time_zone="Europe/Copenhagen")
    speaker = Speaker.objects.create(event=event, name="Lene Holst", slug="lene-holst", organisation_name="CABI")
    later = ProgrammeSession.objects.create(event=event, title="Workshop", start=event.start + timedelta(hours=1),
                                            end=event.start + timedelta(hours=2))
    first = ProgrammeSession.objects.create(event=event, title="Jobcentres and social enterprises", room="Hall",
                                            start=event.start, end=event.start + timedelta(minutes=20))
    first.speakers.set([speaker])
    slides = EventFile.objects.create(event=event, session=first, kind="slides", title="Slides",
                                      file=ContentFile(b"%PDF-1.4", name="slides.pdf"),
                                      content_type="application/pdf", size=8)

    items = get(client, "/events/aarhus/programme").json()["items"]

    assert [item["id"] for item in items] == [first.pk, later.pk]
    assert items[0]["url"] == f"/events/aarhus/programme/#session-{first.pk}"
    assert items[0]["speakers"][0]["name"] == "Lene Holst"
    assert items[0]["speakers"][0]["url"] == "/events/aarhus/speakers/lene-holst/"
    assert items[0]["files"] == [{"id": slides.pk, "url": f"/events/aarhus/files/{slides.pk}/", "title": "Slides",
                                  "kind": "slides", "content_type": "application/pdf", "size": 8}]
    assert items[0]["start"].endswith(("+01:00", "+02:00"))


def test_the_public_participant_list_shows_only_those_who_chose_it_and_never_their_e_mail(client):
    event = EventFactory(slug="open")
    RegistrationFactory(event=event, name="Shown", organisation_name="SED", on_participant_list=True)
    RegistrationFactory(event=event, name="Hidden")
    RegistrationFactory(event=event, name="Waiting", on_participant_list=True, status=Registration.Status.WAITING)

    items = get(client, "/events/open/participants").json()["items"]

    assert [(item["name"], item["organisation_name"]) for item in items] == [("Shown", "SED")]
    assert items[0]["email"] is None and items[0]["answers"] is None and items[0]["status"] is None


def test_organisers_get_every_registration_with_e_mail_status_payment_and_answers(client):
    event = EventFactory(slug="run", participant_list_public=False)
    question = QuestionFactory(event=event, label="Diet")
    RegistrationFactory(event=event, name="Anna", email="anna@example.org", answers={str(question.pk): "Vegan"})
    RegistrationFactory(event=event, name="Bo", status=Registration.Status.WAITING)
    RegistrationFactory(event=event, name="Cancelled", status=Registration.Status.CANCELLED)
    admin = organiser_of(event)

    assert get(client, "/events/run/participants").status_code == 403
    assert get(client, "/events/run/participants", UserFactory()).status_code == 403
    items = get(client, "/events/run/participants", admin).json()["items"]
    assert [(item["name"], item["status"]) for item in items] == [("Anna", "confirmed"), ("Bo", "waiting")]
    assert items[0]["email"] == "anna@example.org" and items[0]["answers"] == {str(question.pk): "Vegan"}
    cancelled = get(client, "/events/run/participants", admin, status="cancelled").json()["items"]
    assert [item["name"] for item in cancelled] == ["Cancelled"]
    assert get(client, "/events/run/participants", admin, status="lost").status_code == 422


@pytest.mark.parametrize("count", [5, 50])
def test_the_participant_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    event = EventFactory(slug="busy")
    admin = organiser_of(event)
    RegistrationFactory.create_batch(count, event=event, ticket_type=TicketTypeFactory(event=event))
    _token, key = api_token_create(user=admin, by=admin, name="script")
    hub_settings_get()
    with django_assert_max_num_queries(10):
        response = client.get(f"{API}/events/busy/participants", {"limit": 100}, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.json()["count"] == count


# My registrations --------------------------------------------------------------------------------

def test_my_registrations_need_me_and_list_mine_latest_event_first(client, member):
    now = timezone.now()
    soon = EventFactory(slug="soon", start=now + timedelta(days=1), end=now + timedelta(days=1, hours=1))
    later = EventFactory(slug="later", start=now + timedelta(days=9), end=now + timedelta(days=9, hours=1))
    RegistrationFactory(event=soon, user=member, email=member.email)
    mine = RegistrationFactory(event=later, user=member, email=member.email, status=Registration.Status.WAITING)
    RegistrationFactory(event=EventFactory(slug="gone"), user=member, email=member.email,
                        status=Registration.Status.CANCELLED)
    RegistrationFactory(event=soon)

    assert get(client, "/me/registrations").status_code == 401
    items = get(client, "/me/registrations", member).json()["items"]
    assert [item["event"]["slug"] for item in items] == ["later", "soon"]
    assert items[0]["id"] == mine.pk and items[0]["url"] == mine.get_absolute_url()
    assert items[0]["status"] == "waiting" and items[0]["event"]["url"] == "/events/later/"
    cancelled = get(client, "/me/registrations", member, status="cancelled").json()["items"]
    assert [item["event"]["slug"] for item in cancelled] == ["gone"]
    assert get(client, "/me/registrations", member, status="lost").status_code == 422


@pytest.mark.parametrize("count", [5, 50])
def test_my_registrations_take_a_fixed_number_of_queries(client, django_assert_max_num_queries, member, count):
    for _ in range(count):
        RegistrationFactory(event=EventFactory(), user=member, email=member.email)
    _token, key = api_token_create(user=member, by=member, name="script")
    hub_settings_get()
    with django_assert_max_num_queries(10):
        response = client.get(f"{API}/me/registrations", {"limit": 100}, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.json()["count"] == count


def test_the_events_api_is_in_the_openapi_document(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]

    assert {"/api/v1/events", "/api/v1/events/{slug}", "/api/v1/events/{slug}/programme",
            "/api/v1/events/{slug}/participants", "/api/v1/me/registrations"} <= set(paths)

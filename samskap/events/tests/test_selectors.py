"""Reads for the event pages: the list with its filters, the month, an event, an organisation's events."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.events import selectors
from samskap.events.models import Event, Registration

from .factories import EventFactory, RegistrationFactory, TicketTypeFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def in_days(days: float) -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)


def titles(events) -> list[str]:
    return [event.title for event in events]


def test_upcoming_lists_published_events_not_yet_ended_soonest_first():
    EventFactory(title="Later", start=in_days(10))
    EventFactory(title="Soon", start=in_days(1))
    EventFactory(title="Going on now", start=in_days(-0.05), end=in_days(0.05))
    EventFactory(title="Over", start=in_days(-3))
    EventFactory(title="Draft", status=Event.Status.DRAFT)
    EventFactory(title="Called off", start=in_days(2), status=Event.Status.CANCELLED)
    assert titles(selectors.event_list(viewer=AnonymousUser())) == ["Going on now", "Soon", "Called off", "Later"]
    assert titles(selectors.event_list(when="past", viewer=AnonymousUser())) == ["Over"]


def test_past_lists_the_latest_first():
    EventFactory(title="Long ago", start=in_days(-30))
    EventFactory(title="Last week", start=in_days(-7))
    assert titles(selectors.event_list(when="past")) == ["Last week", "Long ago"]


@pytest.mark.parametrize("role, sees", [
    ("visitor", False), ("member", False), ("organiser", True), ("creator", True), ("facilitator_hub", True),
    ("hub_admin", True),
])
def test_drafts_are_listed_only_for_those_who_run_them(role, sees):
    organisation = OrganisationFactory()
    creator = UserFactory()
    EventFactory(title="Draft", status=Event.Status.DRAFT, organisers=[organisation], created_by=creator,
                 organised_by_hub=role == "facilitator_hub")
    viewer = {
        "visitor": AnonymousUser, "member": UserFactory, "creator": lambda: creator,
        "organiser": lambda: _admin_of(organisation),
        "facilitator_hub": lambda: UserFactory(is_facilitator=True),
        "hub_admin": lambda: UserFactory(is_superuser=True),
    }[role]()
    assert titles(selectors.event_list(viewer=viewer)) == (["Draft"] if sees else [])


def _admin_of(organisation):
    from samskap.actors.models import Membership

    user = UserFactory()
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    return user


def test_a_facilitator_does_not_see_drafts_of_organisations():
    EventFactory(status=Event.Status.DRAFT, organisers=[OrganisationFactory()])
    assert not selectors.event_list(viewer=UserFactory(is_facilitator=True)).exists()


def test_the_place_filter_includes_the_places_within():
    region = make_place("Skåne län", level="region")
    malmo = make_place("Malmö", parent=region)
    rosengard = make_place("Rosengård", level="neighbourhood", parent=malmo)
    EventFactory(title="In the region", place=region)
    EventFactory(title="In Malmö", place=malmo, start=in_days(8))
    EventFactory(title="In Rosengård", place=rosengard, start=in_days(9))
    EventFactory(title="Elsewhere", place=make_place("Umeå"))
    assert titles(selectors.event_list(place=region.slug)) == ["In the region", "In Malmö", "In Rosengård"]
    assert titles(selectors.event_list(place=malmo.slug)) == ["In Malmö", "In Rosengård"]


def test_filters_by_kind_theme_organiser_price_and_language():
    theme = make_theme("Youth unemployment")
    organisation = OrganisationFactory(slug="sed")
    EventFactory(title="Workshop", kind="workshop", themes=[theme])
    EventFactory(title="Hub fair", kind="fair", organised_by_hub=True, language="da")
    EventFactory(title="SED afternoon", organisers=[organisation], pricing="pay_what_you_can", language="da")
    TicketTypeFactory(event__title="Conference", event__kind="conference", event__language="nb")
    assert titles(selectors.event_list(kind="workshop")) == ["Workshop"]
    assert titles(selectors.event_list(theme=theme.slug)) == ["Workshop"]
    assert titles(selectors.event_list(organiser="sed")) == ["SED afternoon"]
    assert titles(selectors.event_list(organiser="hub")) == ["Hub fair"]
    assert sorted(titles(selectors.event_list(price="paid"))) == ["Conference", "SED afternoon"]
    assert sorted(titles(selectors.event_list(price="free"))) == ["Hub fair", "Workshop"]
    assert sorted(titles(selectors.event_list(language="da"))) == ["Hub fair", "SED afternoon"]
    assert titles(selectors.event_list(language="da", price="free")) == ["Hub fair"]


def test_list_rows_carry_places_taken_and_the_lowest_ticket_price():
    event = EventFactory(capacity=10, pricing="tickets")
    TicketTypeFactory(event=event, price=250)
    TicketTypeFactory(event=event, price=90)
    RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    row = selectors.event_list().get()
    assert row.places_taken == 3
    assert row.lowest_price == 90


# The month ---------------------------------------------------------------------------------------

def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


def test_the_month_puts_events_on_their_local_dates_and_multi_day_events_on_each_day():
    EventFactory(title="Just after midnight", start=local(2030, 5, 1, 0, 30), end=local(2030, 5, 1, 2, 0))
    EventFactory(title="Two days", start=local(2030, 5, 14, 9, 0), end=local(2030, 5, 15, 16, 0))
    EventFactory(title="Oslo evening", time_zone="Europe/Oslo", start=local(2030, 5, 20, 18, 0),
                 end=local(2030, 5, 20, 20, 0))
    EventFactory(title="June", start=local(2030, 6, 10, 18, 0), end=local(2030, 6, 10, 20, 0))
    month = selectors.event_month(year=2030, month=5)
    days = {day.date: titles(day.events) for week in month.weeks for day in week if day.events}
    assert days[datetime.date(2030, 5, 1)] == ["Just after midnight"]
    assert datetime.date(2030, 4, 30) not in days
    assert days[datetime.date(2030, 5, 14)] == days[datetime.date(2030, 5, 15)] == ["Two days"]
    assert days[datetime.date(2030, 5, 20)] == ["Oslo evening"]
    assert month.count == 3
    assert (month.previous, month.next) == (datetime.date(2030, 4, 1), datetime.date(2030, 6, 1))
    assert month.weeks[0][0].date.weekday() == 0  # Monday first
    assert all(len(week) == 7 for week in month.weeks)


def test_the_month_applies_the_filters():
    EventFactory(title="Workshop", kind="workshop", start=local(2030, 5, 3, 9, 0), end=local(2030, 5, 3, 12, 0))
    EventFactory(title="Fair", kind="fair", start=local(2030, 5, 4, 9, 0), end=local(2030, 5, 4, 12, 0))
    month = selectors.event_month(year=2030, month=5, filters={"kind": "fair"})
    assert [titles(day.events) for week in month.weeks for day in week if day.events] == [["Fair"]]


# One event ---------------------------------------------------------------------------------------

def test_the_detail_counts_places_left_per_event_and_ticket_type_and_the_public_list():
    event = EventFactory(capacity=10, pricing="tickets", participant_list_public=True)
    member_ticket = TicketTypeFactory(event=event, capacity=3)
    student_ticket = TicketTypeFactory(event=event, capacity=None)
    RegistrationFactory.create_batch(3, event=event, ticket_type=member_ticket, on_participant_list=True)
    RegistrationFactory(event=event, ticket_type=student_ticket, status=Registration.Status.OFFERED)
    RegistrationFactory(event=event, status=Registration.Status.WAITING, on_participant_list=True)
    page = selectors.event_detail(slug=event.slug, viewer=AnonymousUser())
    assert page.places_taken == 4
    assert page.places_left == 6
    assert [(t.pk, t.places_left) for t in page.ticket_types] == [(member_ticket.pk, 0), (student_ticket.pk, None)]
    assert page.public_participant_count == 3
    assert page.viewer_registration is None


def test_the_public_count_is_zero_when_the_list_is_not_public():
    event = EventFactory(participant_list_public=False)
    RegistrationFactory(event=event, on_participant_list=True)
    assert selectors.event_detail(slug=event.slug).public_participant_count == 0


def test_the_detail_holds_the_viewers_live_registration():
    viewer = UserFactory()
    event = EventFactory()
    RegistrationFactory(event=event, user=viewer, email="old@example.org", status=Registration.Status.CANCELLED)
    live = RegistrationFactory(event=event, user=viewer, status=Registration.Status.WAITING)
    assert selectors.event_detail(slug=event.slug, viewer=viewer).viewer_registration == live


def test_a_draft_does_not_exist_for_those_who_do_not_run_it():
    event = EventFactory(status=Event.Status.DRAFT)
    with pytest.raises(Event.DoesNotExist):
        selectors.event_detail(slug=event.slug, viewer=UserFactory())
    assert selectors.event_detail(slug=event.slug, viewer=UserFactory(is_superuser=True)).event == event


def test_an_organisation_lists_its_next_published_events():
    organisation = OrganisationFactory()
    EventFactory(title="Next", organisers=[organisation], start=in_days(3))
    EventFactory(title="After that", organisers=[organisation, OrganisationFactory()], start=in_days(5))
    EventFactory(title="Over", organisers=[organisation], start=in_days(-5))
    EventFactory(title="Draft", organisers=[organisation], status=Event.Status.DRAFT)
    EventFactory(title="Someone else's")
    assert titles(selectors.organisation_events(organisation=organisation)) == ["Next", "After that"]
    assert titles(selectors.organisation_events(organisation=organisation, limit=1)) == ["Next"]

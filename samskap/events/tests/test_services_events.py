"""Creating, editing, publishing and cancelling events, and series from a repeat rule."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_theme
from samskap.events import services
from samskap.events.models import Event, EventSeries, RegistrationQuestion, TicketType

from .factories import EventFactory, RegistrationFactory, TicketTypeFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*args, zone=STOCKHOLM) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=zone)


def fields(**overrides) -> dict:
    values = {
        "title": "Nätverksträff på Globen", "kind": "network_meeting", "language": "sv",
        "venue_name": "Globen", "venue_address": "Globentorget 2, Stockholm", "time_zone": "Europe/Stockholm",
        "start": at(2030, 3, 5, 18, 0), "end": at(2030, 3, 5, 20, 0),
    }
    values.update(overrides)
    return values


@pytest.fixture
def admin_and_organisation():
    user = UserFactory()
    return user, OrganisationFactory(name="Kreaprenörerna", admins=[user])


def test_an_organisation_admin_adds_a_draft_with_tickets_questions_and_themes(admin_and_organisation):
    user, organisation = admin_and_organisation
    theme = make_theme("Loneliness")
    event = services.event_create(
        by=user, organisers=[organisation], themes=[theme],
        ticket_types=[{"id": None, "name": "Member", "price": Decimal("100"), "capacity": 20, "position": 0},
                      {"id": None, "name": "Student", "price": Decimal("50"), "capacity": None, "position": 1}],
        questions=[{"id": None, "label": "Dietary needs", "kind": "single", "choices": ["Vegan", "Anything"],
                    "required": True, "position": 0}],
        **fields(pricing="tickets", currency="SEK"))
    assert event.status == Event.Status.DRAFT
    assert event.slug == "natverkstraff-pa-globen-2030-03-05"
    assert event.created_by == user
    assert list(event.organisers.all()) == [organisation]
    assert list(event.themes.all()) == [theme]
    assert [(t.name, t.price, t.capacity) for t in event.ticket_types.all()] == [
        ("Member", Decimal("100"), 20), ("Student", Decimal("50"), None)]
    question = event.questions.get()
    assert (question.label, question.choices, question.required) == ("Dietary needs", ["Vegan", "Anything"], True)


def test_the_slug_uses_the_local_date_and_stays_unique(admin_and_organisation):
    user, organisation = admin_and_organisation
    # 00:30 in Stockholm on the 6th is still the 5th in UTC; the slug takes the local date.
    times = {"start": at(2030, 3, 6, 0, 30), "end": at(2030, 3, 6, 1, 30)}
    first = services.event_create(by=user, organisers=[organisation], **fields(**times))
    second = services.event_create(by=user, organisers=[organisation], **fields(**times))
    assert first.slug == "natverkstraff-pa-globen-2030-03-06"
    assert second.slug == "natverkstraff-pa-globen-2030-03-06-2"


def test_a_visitor_cannot_add_an_event():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.event_create(by=AnonymousUser(), organised_by_hub=True, **fields())


def test_only_organisations_the_member_administers_can_organise(admin_and_organisation):
    user, _organisation = admin_and_organisation
    with pytest.raises(ValidationError) as error:
        services.event_create(by=user, organisers=[OrganisationFactory()], **fields())
    assert "organisers" in error.value.message_dict


def test_an_event_needs_an_organiser():
    with pytest.raises(ValidationError, match="at least one organiser"):
        services.event_create(by=UserFactory(), **fields())


@pytest.mark.parametrize("flags, allowed", [({}, False), ({"is_facilitator": True}, True),
                                            ({"is_superuser": True}, True), ({"is_mentor": True}, False)])
def test_only_facilitators_and_hub_admins_organise_for_the_hub(flags, allowed):
    user = UserFactory(**flags)
    if allowed:
        assert services.event_create(by=user, organised_by_hub=True, **fields()).organised_by_hub
    else:
        with pytest.raises(ValidationError) as error:
            services.event_create(by=user, organised_by_hub=True, **fields())
        assert "organised_by_hub" in error.value.message_dict


@pytest.mark.parametrize("overrides, field", [
    ({"end": at(2030, 3, 5, 17, 0)}, "end"),
    ({"pricing": "tickets"}, "pricing"),
    ({"pricing": "pay_what_you_can", "minimum_amount": Decimal("100"), "suggested_amounts": ["50", "200"]},
     "suggested_amounts"),
    ({"registration_opens": at(2030, 3, 1, 0, 0), "registration_closes": at(2030, 2, 1, 0, 0)},
     "registration_closes"),
    ({"venue_name": "", "online_url": ""}, "venue_name"),
])
def test_inconsistent_events_are_refused_with_the_field_named(admin_and_organisation, overrides, field):
    user, organisation = admin_and_organisation
    with pytest.raises(ValidationError) as error:
        services.event_create(by=user, organisers=[organisation], **fields(**overrides))
    assert field in error.value.message_dict
    assert not Event.objects.exists()


def test_suggested_amounts_are_kept_as_exact_decimals(admin_and_organisation):
    user, organisation = admin_and_organisation
    event = services.event_create(by=user, organisers=[organisation], **fields(
        pricing="pay_what_you_can", suggested_amounts=["100", "250,50", 400], minimum_amount=Decimal("0")))
    event.refresh_from_db()
    assert event.suggested_amounts == ["100", "250.50", "400"]


def test_editing_syncs_ticket_types_and_questions(admin_and_organisation):
    user, organisation = admin_and_organisation
    event = EventFactory(organisers=[organisation], pricing="tickets")
    kept, dropped = TicketTypeFactory(event=event, name="Member"), TicketTypeFactory(event=event, name="Guest")
    services.event_update(
        event=event, by=user, title="Ny titel",
        ticket_types=[{"id": kept.pk, "name": "Member (early)", "price": Decimal("80"), "capacity": None,
                       "position": 0},
                      {"id": dropped.pk, "delete": True},
                      {"id": None, "name": "Student", "price": Decimal("40"), "capacity": 5, "position": 2}],
        questions=[{"id": None, "label": "Organisation", "kind": "text", "choices": [], "required": False,
                    "position": 0}])
    event.refresh_from_db()
    assert event.title == "Ny titel"
    assert [(t.name, t.price) for t in TicketType.objects.filter(event=event)] == [
        ("Member (early)", Decimal("80")), ("Student", Decimal("40"))]
    assert list(RegistrationQuestion.objects.filter(event=event).values_list("label", flat=True)) == ["Organisation"]


def test_a_ticket_type_people_registered_with_cannot_be_removed(admin_and_organisation):
    user, organisation = admin_and_organisation
    event = EventFactory(organisers=[organisation], pricing="tickets")
    ticket, other = TicketTypeFactory(event=event), TicketTypeFactory(event=event)
    RegistrationFactory(event=event, ticket_type=ticket)
    with pytest.raises(ValidationError, match="people have registered"):
        services.event_update(event=event, by=user, ticket_types=[{"id": ticket.pk, "delete": True}])
    assert TicketType.objects.filter(pk=ticket.pk).exists()
    assert other.pk


def test_someone_who_does_not_run_the_event_cannot_edit_it():
    event = EventFactory(organisers=[OrganisationFactory()])
    with pytest.raises(PermissionDenied):
        services.event_update(event=event, by=UserFactory(), title="Taken over")


def test_a_hub_admin_edits_an_event_of_any_organisation_and_keeps_its_organisers(hub_admin):
    organisation = OrganisationFactory()
    event = EventFactory(organisers=[organisation])
    services.event_update(event=event, by=hub_admin, organisers=[organisation], title="Checked by the hub")
    assert list(event.organisers.all()) == [organisation]


def test_publishing_makes_a_draft_public_once(admin_and_organisation):
    user, organisation = admin_and_organisation
    event = EventFactory(organisers=[organisation], status=Event.Status.DRAFT)
    services.event_publish(event=event, by=user)
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED
    with pytest.raises(ValidationError):
        services.event_publish(event=event, by=user)
    with pytest.raises(PermissionDenied):
        services.event_publish(event=EventFactory(status=Event.Status.DRAFT), by=user)


def test_cancelling_tells_the_registered_after_the_commit(admin_and_organisation, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    user, organisation = admin_and_organisation
    event = EventFactory(organisers=[organisation])
    told = []
    monkeypatch.setattr("samskap.events.emails.notify_event_cancelled", told.append)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.event_cancel(event=event, by=user)
    assert told == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert told == [event.pk]
    assert Event.objects.get(pk=event.pk).status == Event.Status.CANCELLED
    with pytest.raises(ValidationError):
        services.event_cancel(event=event, by=user)


def test_cancelling_queues_an_email_to_each_registrant(admin_and_organisation, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    user, organisation = admin_and_organisation
    event = EventFactory(organisers=[organisation])
    RegistrationFactory.create_batch(2, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, by=user)
    assert DBTaskResult.objects.count() == 2


def test_only_those_who_run_the_event_may_cancel_it():
    with pytest.raises(PermissionDenied):
        services.event_cancel(event=EventFactory(), by=UserFactory())


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1200), "teal").save(buffer, format="JPEG")
    return SimpleUploadedFile("cover.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_the_cover_image_is_re_encoded_and_made_smaller(admin_and_organisation):
    user, organisation = admin_and_organisation
    event = services.event_create(by=user, organisers=[organisation], cover_image=jpeg(),
                                  **fields(cover_alt="The arena"))
    with Image.open(event.cover_image.path) as image:
        assert max(image.size) == services.COVER_SIZE
    assert event.cover_image.name != "events/cover.jpg"


# Series ------------------------------------------------------------------------------------------

def test_a_monthly_series_keeps_the_local_time_across_the_change_to_summer_time(admin_and_organisation):
    user, organisation = admin_and_organisation
    series = services.series_create(
        by=user, rule="FREQ=MONTHLY;BYDAY=1TU;COUNT=4", organisers=[organisation],
        ticket_types=[{"id": None, "name": "Member", "price": Decimal("100"), "capacity": None, "position": 0}],
        **fields(start=at(2030, 2, 5, 18, 0), end=at(2030, 2, 5, 20, 0), pricing="tickets"))
    occurrences = list(series.occurrences.order_by("start"))
    local = [event.start.astimezone(STOCKHOLM) for event in occurrences]
    assert [d.date() for d in local] == [datetime.date(2030, 2, 5), datetime.date(2030, 3, 5),
                                         datetime.date(2030, 4, 2), datetime.date(2030, 5, 7)]
    assert {(d.hour, d.minute) for d in local} == {(18, 0)}
    assert {event.end.astimezone(STOCKHOLM).hour for event in occurrences} == {20}
    # Winter and summer time differ in UTC.
    assert occurrences[0].start.astimezone(datetime.UTC).hour == 17
    assert occurrences[2].start.astimezone(datetime.UTC).hour == 16
    assert len({event.slug for event in occurrences}) == 4
    assert all(event.ticket_types.count() == 1 for event in occurrences)
    assert all(list(event.organisers.all()) == [organisation] for event in occurrences)
    assert EventSeries.objects.get().rule == "FREQ=MONTHLY;BYDAY=1TU;COUNT=4"


def test_a_series_accepts_an_end_date_in_utc(admin_and_organisation):
    user, organisation = admin_and_organisation
    series = services.series_create(by=user, rule="RRULE:FREQ=WEEKLY;UNTIL=20300320T000000Z",
                                    organisers=[organisation], **fields())
    assert series.occurrences.count() == 3  # 5, 12 and 19 March


@pytest.mark.parametrize("rule, message", [
    ("every tuesday", "FREQ"),
    ("FREQ=SOMETIMES;COUNT=3", "cannot be read"),
    ("FREQ=DAILY", "at most 60"),
    ("FREQ=WEEKLY;COUNT=61", "at most 60"),
    ("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2;COUNT=2", "cannot be read|no dates"),
])
def test_a_bad_repeat_rule_gets_a_clear_message_and_makes_nothing(admin_and_organisation, rule, message):
    user, organisation = admin_and_organisation
    with pytest.raises(ValidationError, match=message) as error:
        services.series_create(by=user, rule=rule, organisers=[organisation], **fields())
    assert "rule" in error.value.message_dict
    assert not Event.objects.exists() and not EventSeries.objects.exists()


def test_a_series_refuses_the_whole_series_when_one_occurrence_is_invalid(admin_and_organisation):
    user, organisation = admin_and_organisation
    with pytest.raises(ValidationError):
        services.series_create(by=user, rule="FREQ=WEEKLY;COUNT=3", organisers=[organisation],
                               **fields(pricing="tickets"))
    assert not EventSeries.objects.exists()


def test_a_series_shares_one_cover_file_until_the_last_occurrence_lets_go(admin_and_organisation,
                                                                          django_capture_on_commit_callbacks):
    import os

    user, organisation = admin_and_organisation
    with django_capture_on_commit_callbacks(execute=True):
        series = services.series_create(by=user, rule="FREQ=WEEKLY;COUNT=2", organisers=[organisation],
                                        cover_image=jpeg(), **fields(cover_alt="The arena"))
    first, second = series.occurrences.order_by("start")
    assert first.cover_image.name == second.cover_image.name
    path = first.cover_image.path
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=first, by=user, remove_cover=True)
    assert os.path.exists(path)  # the second occurrence still shows it
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=second, by=user, cover_image=jpeg(), cover_alt="New")
    assert not os.path.exists(path)
    assert os.path.exists(Event.objects.get(pk=second.pk).cover_image.path)


def test_a_published_event_is_found_by_search_and_a_draft_is_not(django_capture_on_commit_callbacks):
    from samskap.core.selectors import search
    from samskap.events.services import event_publish, event_update
    from samskap.events.tests.factories import EventFactory
    from samskap.accounts.tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    event = EventFactory(title="Nätverksträff om ensamhet", status="draft", organised_by_hub=True)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, by=admin, title="Nätverksträff om ensamhet")
    assert search(query="ensomhet", kinds=["event"])[1] == 0

    with django_capture_on_commit_callbacks(execute=True):
        event_publish(event=event, by=admin)
    results, count = search(query="ensomhet", kinds=["event"])
    assert count == 1 and results[0].title == "Nätverksträff om ensamhet"


def test_a_draft_cannot_be_cancelled_for_that_would_make_it_public():
    from django.core.exceptions import ValidationError

    from samskap.accounts.tests.factories import UserFactory
    from samskap.events.services import event_cancel
    from samskap.events.tests.factories import EventFactory

    event = EventFactory(status="draft", organised_by_hub=True)
    with pytest.raises(ValidationError, match="nothing to cancel"):
        event_cancel(event=event, by=UserFactory(is_superuser=True, is_staff=True))
    event.refresh_from_db()
    assert event.status == "draft"

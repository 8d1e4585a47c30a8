"""The workshop pages common to every method: the list, creating, preparing and deleting a workshop, joining by
code as a guest or a member, and the console's buttons (with and without the live script)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.events.tests.factories import EventFactory
from samskap.workshops import services
from samskap.workshops.consumers import DEVICE_COOKIE
from samskap.workshops.models import Participant, Workshop
from samskap.workshops.tests.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

NEW = {"title": "Framtidens Rosengård", "method": "world_cafe", "description": "", "language": "sv",
       "round_minutes": "20", "table_mode": "random", "dots_per_participant": "3", "live_tally": "on",
       "battle_mode": "best", "drop_per_round": "1"}


def text(response) -> str:
    return response.content.decode()


# The list


def test_the_list_shows_the_workshops_i_run_and_everyones_running_and_finished_ones(client):
    me = UserFactory()
    mine = WorkshopFactory(created_by=me, title="Min förberedelse")
    others_preparing = WorkshopFactory(title="Någon annans förberedelse")
    live = WorkshopFactory(status="live", title="Pågår nu")
    done = WorkshopFactory(status="finished", title="Avslutad")
    client.force_login(me)

    response = client.get(reverse("workshops:workshops"))
    page = text(response)
    mine_part, public_part = page.split('id="public-heading"')

    assert "Workshops you run" in mine_part and mine.title in mine_part
    assert mine.title not in public_part and others_preparing.title not in page
    assert live.title in public_part and done.title in public_part
    assert reverse("workshops:phone", args=[live.code]) in public_part  # "Take part" while it runs
    assert reverse("workshops:new") in page


def test_a_visitor_sees_the_public_list_and_the_code_form_but_no_new_workshop_button(client):
    WorkshopFactory(status="finished", title="Avslutad")
    page = text(client.get(reverse("workshops:workshops")))
    assert "Avslutad" in page and 'name="code"' in page
    assert "Workshops you run" not in page and reverse("workshops:new") not in page


def test_the_list_runs_the_same_queries_for_3_and_10_workshops(client, django_assert_max_num_queries,
                                                               cache_of_this_process):
    me = UserFactory()
    client.force_login(me)

    def count():
        client.get(reverse("workshops:workshops"))
        with django_assert_max_num_queries(15) as captured:
            assert client.get(reverse("workshops:workshops")).status_code == 200
        return len(captured)

    for _ in range(3):
        WorkshopFactory(created_by=me, event=EventFactory(), status="live")
    three = count()
    for _ in range(7):
        WorkshopFactory(created_by=me, event=EventFactory(), status="finished")
    assert count() == three


# Creating


def test_a_member_creates_a_workshop_and_goes_on_to_prepare_it(client):
    me = UserFactory()
    client.force_login(me)

    response = client.post(reverse("workshops:new"), NEW)

    workshop = Workshop.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("workshops:prepare", args=[workshop.pk])
    assert workshop.title == "Framtidens Rosengård" and workshop.method == "world_cafe"
    assert workshop.status == "preparing" and workshop.created_by == me
    assert list(workshop.facilitators.all()) == [me]


def test_a_visitor_is_asked_to_log_in_before_creating_a_workshop(client):
    response = client.get(reverse("workshops:new"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("field, value, message", [
    ("round_minutes", "0", "A round lasts between 1 and 240 minutes."),
    ("round_minutes", "241", "A round lasts between 1 and 240 minutes."),
    ("dots_per_participant", "0", "Give each participant between 1 and 20 dots."),
    ("dots_per_participant", "21", "Give each participant between 1 and 20 dots."),
    ("drop_per_round", "0", "Between 1 and 10 visions can drop out per round."),
    ("drop_per_round", "11", "Between 1 and 10 visions can drop out per round."),
    ("title", "", "This field is required."),
])
def test_bad_values_show_a_message_and_save_nothing(client, field, value, message):
    client.force_login(UserFactory())

    response = client.post(reverse("workshops:new"), {**NEW, field: value})

    assert response.status_code == 200
    assert message in text(response)
    assert not Workshop.objects.exists()


def test_an_event_the_member_does_not_organise_cannot_be_chosen(client):
    client.force_login(UserFactory())
    event = EventFactory(title="Någon annans träff")

    response = client.post(reverse("workshops:new"), {**NEW, "event": event.pk})

    assert response.status_code == 200
    assert "Select a valid choice" in text(response) and "id_event_error" in text(response)
    assert not Workshop.objects.exists()


def test_an_organiser_adds_a_workshop_to_their_event_from_its_page(client):
    organiser = UserFactory()
    event = EventFactory(created_by=organiser, title="Nätverksträff")
    client.force_login(organiser)

    event_page = text(client.get(event.get_absolute_url()))
    assert f'{reverse("workshops:new")}?event={event.pk}' in event_page and "Add a workshop" in event_page
    form_page = text(client.get(reverse("workshops:new"), {"event": event.pk}))
    assert f'<option value="{event.pk}" selected>' in form_page
    client.post(reverse("workshops:new"), {**NEW, "event": event.pk})

    assert Workshop.objects.get().event == event


def test_the_event_page_shows_running_and_finished_workshops_and_hides_those_being_prepared(client):
    event = EventFactory(title="Nätverksträff")
    live = WorkshopFactory(event=event, status="live", title="World Café nu")
    done = WorkshopFactory(event=event, status="finished", title="Vision battle förra timmen")
    WorkshopFactory(event=event, status="preparing", title="Hemlig förberedelse")
    client.force_login(UserFactory())

    page = text(client.get(event.get_absolute_url()))

    assert "World Café nu" in page and reverse("workshops:phone", args=[live.code]) in page
    assert "Take part" in page
    assert reverse("workshops:workshop", args=[done.pk]) in page and "Results" in page
    assert "Hemlig förberedelse" not in page and "Add a workshop" not in page


def test_the_event_page_has_no_workshop_section_when_every_workshop_is_being_prepared(client):
    event = EventFactory()
    WorkshopFactory(event=event, status="preparing", title="Hemlig förberedelse")
    page = text(client.get(event.get_absolute_url()))
    assert 'id="workshops-heading"' not in page and "Hemlig förberedelse" not in page


# Preparing and deleting


def test_the_facilitator_saves_the_preparation(client):
    workshop = WorkshopFactory(title="Gammal titel")
    client.force_login(workshop.created_by)

    response = client.post(reverse("workshops:prepare", args=[workshop.pk]),
                           {**NEW, "method": workshop.method, "title": "Ny titel", "round_minutes": "15"},
                           follow=True)

    workshop.refresh_from_db()
    assert workshop.title == "Ny titel" and workshop.round_minutes == 15
    assert "Saved." in text(response)


def test_a_bad_preparation_changes_nothing(client):
    workshop = WorkshopFactory(title="Gammal titel")
    client.force_login(workshop.created_by)

    response = client.post(reverse("workshops:prepare", args=[workshop.pk]),
                           {**NEW, "method": workshop.method, "title": "Ny titel", "dots_per_participant": "99"})

    workshop.refresh_from_db()
    assert response.status_code == 200 and "between 1 and 20 dots" in text(response)
    assert workshop.title == "Gammal titel"


@pytest.mark.parametrize(("field", "value"), [("drop_per_round", 0), ("dots_per_participant", 0),
                                              ("dots_per_participant", 21), ("round_minutes", 0)])
def test_the_services_refuse_settings_the_form_refuses(field, value):
    """A vision battle that drops nobody would never end; the services check what the form checks, so every
    caller (the demo, a future API) gets the same answer."""
    workshop = WorkshopFactory()
    with pytest.raises(ValidationError) as error:
        services.workshop_update(workshop, by=workshop.created_by, **{field: value})
    assert field in error.value.message_dict
    with pytest.raises(ValidationError):
        services.workshop_create(by=workshop.created_by, title="Ny", method=Workshop.Method.VISION_BATTLE,
                                 **{field: value})
    assert Workshop.objects.count() == 1


def test_a_workshop_is_deleted_only_while_it_is_being_prepared(client):
    preparing = WorkshopFactory()
    started = WorkshopFactory(created_by=preparing.created_by, status="live")
    client.force_login(preparing.created_by)

    response = client.post(reverse("workshops:delete", args=[started.pk]), follow=True)
    assert Workshop.objects.filter(pk=started.pk).exists()
    assert "Only a workshop that has not started can be deleted" in text(response)

    response = client.post(reverse("workshops:delete", args=[preparing.pk]))
    assert response["Location"] == reverse("workshops:workshops")
    assert not Workshop.objects.filter(pk=preparing.pk).exists()


def test_someone_who_does_not_run_the_workshop_cannot_delete_it(client):
    workshop = WorkshopFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("workshops:delete", args=[workshop.pk])).status_code == 404
    assert Workshop.objects.filter(pk=workshop.pk).exists()


# Joining


def test_a_code_typed_in_lower_case_with_spaces_leads_to_the_workshop(client):
    workshop = WorkshopFactory(status="live", code="ABC234")
    response = client.get(reverse("workshops:join"), {"code": " abc 234 "})
    assert response.status_code == 302 and response["Location"] == reverse("workshops:phone", args=["ABC234"])


@pytest.mark.parametrize("code", ["ZZZ999", "PREP23"])
def test_an_unknown_code_or_one_of_a_workshop_being_prepared_gets_a_message(client, code):
    WorkshopFactory(status="preparing", code="PREP23")
    response = client.get(reverse("workshops:join"), {"code": code})
    assert response.status_code == 200
    assert "No running workshop has this code." in text(response)


def test_a_phone_that_no_longer_runs_a_workshop_being_prepared_does_not_see_its_part(client):
    """A co-facilitator tried the phone view while preparing, then was taken off the workshop: what is being
    prepared (questions, options, visionaries) stays hidden from their phone as from everyone's."""
    workshop = WorkshopFactory(status="preparing")
    helper = UserFactory()
    workshop.facilitators.add(helper)
    client.force_login(helper)
    assert client.post(reverse("workshops:phone", args=[workshop.code]), {"display_name": "Ola"}).status_code == 302
    assert client.get(reverse("workshops:phone_part", args=[workshop.code])).status_code == 200
    workshop.facilitators.remove(helper)
    assert client.get(reverse("workshops:phone", args=[workshop.code])).status_code == 404
    assert client.get(reverse("workshops:phone_part", args=[workshop.code])).status_code == 404


def test_a_guest_joins_with_a_name_and_the_device_is_remembered(client):
    workshop = WorkshopFactory(status="live")
    url = reverse("workshops:phone", args=[workshop.code])

    response = client.post(url, {"display_name": "  Kim   Larsson "})

    assert response.status_code == 302 and response["Location"] == url
    participant = Participant.objects.get()
    assert participant.display_name == "Kim Larsson" and participant.user is None
    token = response.cookies[DEVICE_COOKIE].value
    assert token and participant.device != token  # the token itself is never stored
    assert response.cookies[DEVICE_COOKIE]["httponly"]

    client.post(url, {"display_name": "Kim L"})  # again, from the same device
    assert Participant.objects.count() == 1 and Participant.objects.get().display_name == "Kim L"
    assert client.get(url).status_code == 200 and 'name="display_name"' not in text(client.get(url))


def test_a_guest_without_a_name_is_asked_for_one_and_nothing_is_saved(client):
    workshop = WorkshopFactory(status="live")

    response = client.post(reverse("workshops:phone", args=[workshop.code]), {"display_name": "   "})

    assert response.status_code == 422 and "Write the name the others will see." in text(response)
    assert not Participant.objects.exists() and DEVICE_COOKIE not in response.cookies


def test_a_member_joins_under_their_own_name(client):
    member = UserFactory(name="Mikael Eldsjäl")
    workshop = WorkshopFactory(status="live")
    client.force_login(member)
    url = reverse("workshops:phone", args=[workshop.code])
    assert 'value="Mikael Eldsjäl"' in text(client.get(url))

    client.post(url, {"display_name": ""})
    client.post(url, {"display_name": ""})

    participant = Participant.objects.get()
    assert participant.user == member and participant.display_name == "Mikael Eldsjäl"


# The console


def console_post(client, workshop, action, data=None, live=False):
    headers = {"HTTP_X_LIVE": "1"} if live else {}
    return client.post(reverse("workshops:run", args=[workshop.pk, action]), data or {}, **headers)


def test_the_console_starts_shows_and_hides_results_finishes_and_reopens_the_workshop(client):
    workshop = WorkshopFactory()
    client.force_login(workshop.created_by)
    console = reverse("workshops:console", args=[workshop.pk])

    assert console_post(client, workshop, "start")["Location"] == console
    workshop.refresh_from_db()
    assert workshop.status == "live" and workshop.started_at is not None

    console_post(client, workshop, "show_results")
    workshop.refresh_from_db()
    assert workshop.results_visible
    assert console_post(client, workshop, "hide_results", live=True).status_code == 204
    workshop.refresh_from_db()
    assert not workshop.results_visible

    console_post(client, workshop, "finish")
    workshop.refresh_from_db()
    assert workshop.status == "finished" and workshop.finished_at is not None and workshop.results_visible

    console_post(client, workshop, "reopen")
    workshop.refresh_from_db()
    assert workshop.status == "live" and workshop.finished_at is None


def test_the_console_timer_runs_for_the_minutes_given_and_refuses_bad_minutes(client):
    workshop = WorkshopFactory(status="live")
    client.force_login(workshop.created_by)

    assert console_post(client, workshop, "timer", {"minutes": "5"}, live=True).status_code == 204
    workshop.refresh_from_db()
    assert workshop.timer_ends_at is not None
    ends = workshop.timer_ends_at

    for bad in ("0", "-3", "241", "soon"):
        response = console_post(client, workshop, "timer", {"minutes": bad}, live=True)
        assert response.status_code == 422, bad
        assert response.json() == {"ok": False, "message": "Give the timer between 0.1 and 240 minutes."}
    workshop.refresh_from_db()
    assert workshop.timer_ends_at == ends

    response = console_post(client, workshop, "timer", {"minutes": "0"}, live=False)
    assert response.status_code == 302
    assert "Give the timer between 0.1 and 240 minutes." in text(client.get(response["Location"]))

    console_post(client, workshop, "timer_stop")
    workshop.refresh_from_db()
    assert workshop.timer_ends_at is None


def test_an_unknown_console_action_is_a_404(client):
    workshop = WorkshopFactory(status="live")
    client.force_login(workshop.created_by)
    assert console_post(client, workshop, "explode").status_code == 404


def test_the_console_shows_the_code_and_the_join_address(client):
    workshop = WorkshopFactory(status="live")
    client.force_login(workshop.created_by)
    page = text(client.get(reverse("workshops:console", args=[workshop.pk])))
    assert workshop.code in page

"""Open Space: the marketplace, placing topics in the grid, attendance, the sessions' notes and action items,
the final report; the pages and their bad input; queries that do not grow with the topics."""

import difflib
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.workshops import services_space as space
from samskap.workshops.models import ActionItem, Attendance, Space, TimeSlot, Topic, Workshop
from samskap.workshops.selectors_space import live_context, report_markdown

from .factories import ParticipantFactory
from .factories_space import TopicFactory, open_space

pytestmark = pytest.mark.django_db


def grid(workshop):
    return list(workshop.slots.order_by("position")), list(workshop.spaces.order_by("position"))


def placed_at(topic):
    topic.refresh_from_db()
    return topic.slot_id, topic.space_id


# The marketplace


def test_a_participant_posts_a_topic_and_convenes_it_under_their_display_name():
    workshop = open_space()
    kari = ParticipantFactory(workshop=workshop, display_name="Kari")
    topic = space.topic_post(workshop, participant=kari, title="  Cykelvägar   till skolan ",
                             description="Trygga vägar")
    assert (topic.title, topic.convener, topic.convener_name, topic.description) == (
        "Cykelvägar till skolan", kari, "Kari", "Trygga vägar")
    other = space.topic_post(workshop, participant=kari, title="Odling", convener_name="Kari och Ola")
    assert other.convener_name == "Kari och Ola" and other.convener == kari


@pytest.mark.parametrize("title", ["", "   ", "x" * 201])
def test_a_topic_without_a_proper_title_is_refused_and_nothing_is_saved(title):
    workshop = open_space()
    with pytest.raises(ValidationError) as error:
        space.topic_post(workshop, participant=ParticipantFactory(workshop=workshop), title=title)
    assert "title" in error.value.message_dict
    assert not Topic.objects.exists()


@pytest.mark.parametrize("status", [Workshop.Status.PREPARING, Workshop.Status.FINISHED])
def test_topics_are_posted_only_while_the_workshop_is_live(status):
    workshop = open_space()
    participant = ParticipantFactory(workshop=workshop)
    Workshop.objects.filter(pk=workshop.pk).update(status=status)
    workshop.refresh_from_db()
    with pytest.raises(ValidationError, match="not running"):
        space.topic_post(workshop, participant=participant, title="Odling")
    assert not Topic.objects.exists()


@pytest.mark.parametrize("phase", [space.AGENDA, space.SESSIONS])
def test_topics_cannot_be_posted_once_the_marketplace_is_closed(phase):
    workshop = open_space(phase=phase)
    with pytest.raises(ValidationError, match="marketplace is closed"):
        space.topic_post(workshop, participant=ParticipantFactory(workshop=workshop), title="Odling")
    assert not Topic.objects.exists()


def test_only_participants_of_the_workshop_post_topics():
    workshop = open_space()
    with pytest.raises(ValidationError, match="Join"):
        space.topic_post(workshop, participant=None, title="Odling")
    with pytest.raises(ValidationError, match="Join"):
        space.topic_post(workshop, participant=ParticipantFactory(workshop=open_space()), title="Odling")
    assert not Topic.objects.exists()


def test_a_convener_takes_their_topic_back_only_while_the_marketplace_is_open():
    workshop = open_space()
    mine, theirs = TopicFactory(workshop=workshop), TopicFactory(workshop=workshop)
    with pytest.raises(PermissionDenied):
        space.topic_remove(theirs, participant=mine.convener)
    space.topic_remove(mine, participant=mine.convener)
    assert list(Topic.objects.all()) == [theirs]
    workshop.phase = space.AGENDA
    workshop.save()
    theirs.refresh_from_db()
    with pytest.raises(ValidationError):
        space.topic_remove(theirs, participant=theirs.convener)
    space.topic_remove(theirs, by=workshop.created_by)
    assert not Topic.objects.exists()


def test_the_steps_are_set_by_those_who_run_it_and_unknown_steps_are_refused():
    workshop = open_space()
    assert space.current_phase(workshop) == space.MARKETPLACE
    with pytest.raises(PermissionDenied):
        space.space_phase_set(workshop, by=UserFactory(), phase=space.AGENDA)
    with pytest.raises(ValidationError):
        space.space_phase_set(workshop, by=workshop.created_by, phase="voting")
    space.space_phase_set(workshop, by=workshop.created_by, phase=space.AGENDA)
    workshop.refresh_from_db()
    assert workshop.phase == space.AGENDA


# Placing topics in the grid


def test_the_facilitator_places_a_topic_in_a_free_cell_moves_it_and_takes_it_out():
    workshop = open_space()
    (first, second), (room_a, room_b) = grid(workshop)
    topic = TopicFactory(workshop=workshop)
    space.topic_place(topic, slot=first, space=room_a, by=workshop.created_by)
    assert placed_at(topic) == (first.pk, room_a.pk)
    space.topic_place(topic, slot=second, space=room_b, by=workshop.created_by)
    assert placed_at(topic) == (second.pk, room_b.pk)
    space.topic_place(topic, slot=second, space=room_b, by=workshop.created_by)  # the same cell again: fine
    space.topic_place(topic, slot=None, space=None, by=workshop.created_by)
    assert placed_at(topic) == (None, None)


def test_a_taken_cell_is_refused_with_a_message_and_nothing_changes():
    workshop = open_space()
    (first, second), (room_a, _room_b) = grid(workshop)
    there = TopicFactory(workshop=workshop, title="Skolgården", slot=first, space=room_a)
    moving = TopicFactory(workshop=workshop, slot=second, space=room_a)
    with pytest.raises(ValidationError) as error:
        space.topic_place(moving, slot=first, space=room_a, by=workshop.created_by)
    assert "That time and space is taken by “Skolgården”" in error.value.messages[0]
    assert placed_at(moving) == (second.pk, room_a.pk)
    assert placed_at(there) == (first.pk, room_a.pk)


def test_the_database_never_lets_two_topics_share_a_cell():
    workshop = open_space()
    (first, _second), (room_a, _room_b) = grid(workshop)
    TopicFactory(workshop=workshop, slot=first, space=room_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        TopicFactory(workshop=workshop, slot=first, space=room_a)


@pytest.mark.parametrize("slot_only", [True, False])
def test_half_a_cell_or_a_cell_of_another_workshop_is_refused(slot_only):
    workshop = open_space()
    (first, _second), _spaces = grid(workshop)
    topic = TopicFactory(workshop=workshop)
    if slot_only:
        slot, where = first, None
    else:
        slot, where = first, open_space().spaces.first()
    with pytest.raises(ValidationError):
        space.topic_place(topic, slot=slot, space=where, by=workshop.created_by)
    assert placed_at(topic) == (None, None)


@pytest.mark.parametrize(("who", "phase", "allowed"), [
    ("facilitator", space.MARKETPLACE, True),
    ("facilitator", space.SESSIONS, True),
    ("convener", space.AGENDA, True),
    ("convener", space.MARKETPLACE, False),
    ("convener", space.SESSIONS, False),
    ("other participant", space.AGENDA, False),
    ("other member", space.AGENDA, False),
    ("facilitator on a phone", space.MARKETPLACE, True),
])
def test_who_may_place_a_topic(who, phase, allowed):
    workshop = open_space(phase=phase)
    (first, _second), (room_a, _room_b) = grid(workshop)
    topic = TopicFactory(workshop=workshop)
    kwargs = {
        "facilitator": {"by": workshop.created_by},
        "convener": {"participant": topic.convener},
        "other participant": {"participant": ParticipantFactory(workshop=workshop)},
        "other member": {"by": UserFactory()},
        "facilitator on a phone": {"participant": ParticipantFactory(workshop=workshop, user=workshop.created_by)},
    }[who]
    if allowed:
        space.topic_place(topic, slot=first, space=room_a, **kwargs)
        assert placed_at(topic) == (first.pk, room_a.pk)
    else:
        with pytest.raises((PermissionDenied, ValidationError)):
            space.topic_place(topic, slot=first, space=room_a, **kwargs)
        assert placed_at(topic) == (None, None)


def test_a_convener_cannot_take_a_cell_from_another_topic():
    workshop = open_space(phase=space.AGENDA)
    (first, _second), (room_a, _room_b) = grid(workshop)
    TopicFactory(workshop=workshop, slot=first, space=room_a)
    mine = TopicFactory(workshop=workshop)
    with pytest.raises(ValidationError, match="taken"):
        space.topic_place(mine, slot=first, space=room_a, participant=mine.convener)
    assert placed_at(mine) == (None, None)


def test_removing_a_time_slot_unplaces_its_topics():
    workshop = open_space()
    (first, second), (room_a, room_b) = grid(workshop)
    gone = TopicFactory(workshop=workshop, slot=first, space=room_a)
    stays = TopicFactory(workshop=workshop, slot=second, space=room_b)
    assert space.grid_item_remove(first, by=workshop.created_by) == 1
    assert placed_at(gone) == (None, None)
    assert placed_at(stays) == (second.pk, room_b.pk)


def test_time_slots_are_added_renamed_and_reordered_and_need_a_label():
    workshop = open_space(slots=0, live=False)
    by = workshop.created_by
    early = space.grid_item_add(workshop, by=by, kind="slots", name="09:00–09:45")
    late = space.grid_item_add(workshop, by=by, kind="slots", name="10:00–10:45")
    space.grid_item_move(late, by=by, up=True)
    assert [slot.label for slot in workshop.slots.order_by("position", "pk")] == ["10:00–10:45", "09:00–09:45"]
    space.grid_item_move(late, by=by, up=True)  # already first: nothing changes
    assert workshop.slots.order_by("position", "pk").first() == late
    space.grid_item_update(early, by=by, name="09:15–10:00")
    assert TimeSlot.objects.get(pk=early.pk).label == "09:15–10:00"
    with pytest.raises(ValidationError):
        space.grid_item_add(workshop, by=by, kind="slots", name="  ")
    with pytest.raises(PermissionDenied):
        space.grid_item_add(workshop, by=UserFactory(), kind="spaces", name="Rum C")
    assert workshop.slots.count() == 2 and workshop.spaces.count() == 2


# Attendance


def test_marking_i_will_go_is_idempotent_and_can_be_undone():
    workshop = open_space(phase=space.AGENDA)
    (first, _second), (room_a, _room_b) = grid(workshop)
    topic = TopicFactory(workshop=workshop, slot=first, space=room_a)
    ola = ParticipantFactory(workshop=workshop)
    space.attendance_set(topic, participant=ola, going=True)
    space.attendance_set(topic, participant=ola, going=True)
    assert Attendance.objects.filter(topic=topic).count() == 1
    assert space.attendance_counts(workshop) == {str(topic.pk): {"going": 1}}
    space.attendance_set(topic, participant=ola, going=False)
    space.attendance_set(topic, participant=ola, going=False)
    assert not Attendance.objects.exists()


def test_attendance_needs_a_placed_topic_a_live_workshop_and_a_participant():
    workshop = open_space(phase=space.AGENDA)
    unplaced = TopicFactory(workshop=workshop)
    ola = ParticipantFactory(workshop=workshop)
    with pytest.raises(ValidationError, match="no time and space"):
        space.attendance_set(unplaced, participant=ola, going=True)
    with pytest.raises(ValidationError, match="Join"):
        space.attendance_set(unplaced, participant=None, going=True)
    assert not Attendance.objects.exists()


# The sessions


def session(phase=space.SESSIONS):
    workshop = open_space(phase=phase)
    (first, _second), (room_a, _room_b) = grid(workshop)
    topic = TopicFactory(workshop=workshop, slot=first, space=room_a)
    attendee = ParticipantFactory(workshop=workshop)
    Attendance.objects.create(topic=topic, participant=attendee)
    return workshop, topic, attendee


def test_the_convener_writes_the_notes_and_an_attendee_may_not():
    workshop, topic, attendee = session()
    space.notes_save(topic, notes="Vi vill ha fler träd.", participant=topic.convener)
    with pytest.raises(PermissionDenied):
        space.notes_save(topic, notes="Överskrivet", participant=attendee)
    with pytest.raises(PermissionDenied):
        space.notes_save(topic, notes="Överskrivet", by=UserFactory())
    topic.refresh_from_db()
    assert topic.notes == "Vi vill ha fler träd."
    space.notes_save(topic, notes="Rättat av facilitatorn", by=workshop.created_by)
    topic.refresh_from_db()
    assert topic.notes == "Rättat av facilitatorn"


def test_the_convener_and_those_who_go_add_action_items_and_others_do_not():
    workshop, topic, attendee = session()
    space.action_item_add(topic, text="Skriv till kommunen", owner="Kari", participant=topic.convener)
    space.action_item_add(topic, text="Boka ett möte", participant=attendee)
    with pytest.raises(PermissionDenied):
        space.action_item_add(topic, text="Spam", participant=ParticipantFactory(workshop=workshop))
    with pytest.raises(ValidationError):
        space.action_item_add(topic, text="  ", participant=topic.convener)
    assert list(topic.actions.values_list("text", "owner")) == [("Skriv till kommunen", "Kari"), ("Boka ett möte", "")]
    item = topic.actions.last()
    with pytest.raises(PermissionDenied):
        space.action_item_remove(item, participant=attendee)
    space.action_item_remove(item, participant=topic.convener)
    assert topic.actions.count() == 1


@pytest.mark.parametrize("phase", [space.MARKETPLACE, space.AGENDA])
def test_notes_and_action_items_wait_for_the_sessions(phase):
    _workshop, topic, _attendee = session(phase=phase)
    with pytest.raises(ValidationError, match="sessions"):
        space.notes_save(topic, notes="Tidigt", participant=topic.convener)
    with pytest.raises(ValidationError, match="sessions"):
        space.action_item_add(topic, text="Tidigt", participant=topic.convener)
    assert not ActionItem.objects.exists() and not Topic.objects.get(pk=topic.pk).notes


# The report


def test_the_report_gathers_each_session_with_convener_attendance_notes_and_action_items(client):
    workshop, topic, _attendee = session()
    TopicFactory(workshop=workshop, title="Ingen tid för detta", convener_name="Ola")
    space.notes_save(topic, notes="Vi vill ha fler träd.", participant=topic.convener)
    space.action_item_add(topic, text="Skriv till kommunen", owner="Kari", participant=topic.convener)
    Workshop.objects.filter(pk=workshop.pk).update(title="Framtidens Gårda", status=Workshop.Status.FINISHED)
    workshop.refresh_from_db()
    report = report_markdown(workshop)
    assert report.startswith("# Framtidens Gårda\n")
    assert "### 10:00–10:45" in report
    assert f"#### {topic.title} (Rum A)" in report
    assert f"Convener: {topic.convener_name}" in report and "Going: 1" in report
    assert "Vi vill ha fler träd." in report and "- Skriv till kommunen (Kari)" in report
    assert "## Topics without a session\n\n- Ingen tid för detta (Ola)" in report
    response = client.get(reverse("workshops:space_report", args=[workshop.pk]))
    assert response["Content-Type"].startswith("text/markdown")
    assert response["Content-Disposition"] == 'attachment; filename="framtidens-garda.md"'
    assert response.content.decode() == report
    page = client.get(reverse("workshops:workshop", args=[workshop.pk])).content.decode()
    assert "Vi vill ha fler träd." in page and "Skriv till kommunen (Kari)" in page and "1 going" in page


def test_the_report_of_a_workshop_being_prepared_is_not_public(client):
    workshop = open_space(live=False)
    assert client.get(reverse("workshops:space_report", args=[workshop.pk])).status_code == 404


# The pages


def join(client, workshop, name="Kari"):
    response = client.post(reverse("workshops:phone", args=[workshop.code]), {"display_name": name})
    assert response.status_code == 302
    return workshop.participants.get(display_name=name)


def test_a_phone_posts_a_topic_and_bad_input_gets_a_message(client):
    workshop = open_space()
    kari = join(client, workshop)
    url = reverse("workshops:space_topic_post", args=[workshop.code])
    refused = client.post(url, {"title": "", "convener_name": ""}, HTTP_X_LIVE="1")
    assert refused.status_code == 422 and "required" in refused.json()["message"]
    assert client.post(url, {"title": "Odling", "convener_name": ""}, HTTP_X_LIVE="1").status_code == 204
    assert Topic.objects.get().convener == kari
    page = client.get(reverse("workshops:phone_part", args=[workshop.code])).content.decode()
    assert "Odling" in page and "Take back" in page
    workshop.phase = space.AGENDA
    workshop.save()
    closed = client.post(url, {"title": "Sent"}, follow=True)  # without the live script: a message on the page
    assert "The marketplace is closed" in closed.content.decode()
    assert Topic.objects.count() == 1


def test_a_phone_that_has_not_joined_cannot_post(client):
    workshop = open_space()
    response = client.post(reverse("workshops:space_topic_post", args=[workshop.code]), {"title": "Odling"},
                           HTTP_X_LIVE="1")
    assert response.status_code == 422 and not Topic.objects.exists()


def test_the_console_places_topics_and_a_taken_cell_answers_with_a_message(client):
    workshop = open_space()
    (first, _second), (room_a, room_b) = grid(workshop)
    there = TopicFactory(workshop=workshop, title="Skolgården", slot=first, space=room_a)
    topic = TopicFactory(workshop=workshop)
    client.force_login(workshop.created_by)
    url = reverse("workshops:space_console_place", args=[workshop.pk, topic.pk])
    taken = client.post(url, {"slot": first.pk, "space": room_a.pk}, HTTP_X_LIVE="1")
    assert taken.status_code == 422 and "That time and space is taken by “Skolgården”" in taken.json()["message"]
    bad = client.post(url, {"slot": "x", "space": room_a.pk}, HTTP_X_LIVE="1")
    assert bad.status_code == 422 and "Choose a time and a space" in bad.json()["message"]
    foreign = open_space().spaces.first()
    assert client.post(url, {"slot": first.pk, "space": foreign.pk}, HTTP_X_LIVE="1").status_code == 422
    assert placed_at(topic) == (None, None)
    done = client.post(url, {"slot": first.pk, "space": room_b.pk}, follow=True)
    assert f"“{topic.title}” is placed: 10:00–10:45, Rum B." in done.content.decode()
    assert placed_at(topic) == (first.pk, room_b.pk) and placed_at(there) == (first.pk, room_a.pk)
    client.post(url, {"slot": first.pk, "space": room_b.pk, "unplace": "1"}, HTTP_X_LIVE="1")
    assert placed_at(topic) == (None, None)
    other = TopicFactory(workshop=open_space())
    assert client.post(reverse("workshops:space_console_place", args=[workshop.pk, other.pk]),
                       {"slot": first.pk, "space": room_b.pk}).status_code == 404


def test_only_those_who_run_it_use_the_console_and_others_are_refused(client):
    workshop = open_space()
    (first, _second), (room_a, _room_b) = grid(workshop)
    topic = TopicFactory(workshop=workshop)
    client.force_login(UserFactory())
    assert client.post(reverse("workshops:space_console_place", args=[workshop.pk, topic.pk]),
                        {"slot": first.pk, "space": room_a.pk}).status_code == 403
    assert client.post(reverse("workshops:space_phase", args=[workshop.pk]), {"phase": "agenda"}).status_code == 403
    assert client.post(reverse("workshops:space_grid_add", args=[workshop.pk, "slots"]),
                       {"name": "12:00"}).status_code == 403
    assert placed_at(topic) == (None, None) and workshop.slots.count() == 2


def test_a_convener_places_their_topic_from_the_phone_and_another_cannot(client):
    workshop = open_space(phase=space.AGENDA)
    (first, _second), (room_a, _room_b) = grid(workshop)
    kari = join(client, workshop)
    mine = TopicFactory(workshop=workshop, convener=kari)
    theirs = TopicFactory(workshop=workshop)
    page = client.get(reverse("workshops:phone_part", args=[workshop.code])).content.decode()
    assert f'id="place-slot-{mine.pk}"' in page and f'id="place-slot-{theirs.pk}"' not in page
    refused = client.post(reverse("workshops:space_phone_place", args=[workshop.code, theirs.pk]),
                          {"slot": first.pk, "space": room_a.pk}, HTTP_X_LIVE="1")
    assert refused.status_code == 422 and "convener" in refused.json()["message"]
    assert client.post(reverse("workshops:space_phone_place", args=[workshop.code, mine.pk]),
                       {"slot": first.pk, "space": room_a.pk}, HTTP_X_LIVE="1").status_code == 204
    assert placed_at(mine) == (first.pk, room_a.pk) and placed_at(theirs) == (None, None)


def test_i_will_go_over_http_shows_pressed_and_counts_once(client):
    workshop = open_space(phase=space.AGENDA)
    (first, _second), (room_a, _room_b) = grid(workshop)
    topic = TopicFactory(workshop=workshop, slot=first, space=room_a)
    join(client, workshop)
    url = reverse("workshops:space_go", args=[workshop.code, topic.pk])
    assert client.post(url, {"going": "1"}, HTTP_X_LIVE="1").status_code == 204
    assert client.post(url, {"going": "1"}, HTTP_X_LIVE="1").status_code == 204
    assert Attendance.objects.count() == 1
    page = client.get(reverse("workshops:phone_part", args=[workshop.code])).content.decode()
    assert 'aria-pressed="true"' in page and "1 going" in page
    assert '<input type="hidden" name="going" value="0">' in page
    client.force_login(workshop.created_by)
    console = client.get(reverse("workshops:console_part", args=[workshop.pk])).content.decode()
    assert f'data-count="{topic.pk}:going">1<' in console


def test_notes_and_action_items_from_the_phone(client):
    workshop, topic, _attendee = session()
    Topic.objects.filter(pk=topic.pk).update(convener=None)
    kari = join(client, workshop)
    Topic.objects.filter(pk=topic.pk).update(convener=kari)
    page = client.get(reverse("workshops:phone_part", args=[workshop.code])).content.decode()
    assert f'data-draft="space-notes-{workshop.pk}-{topic.pk}"' in page
    notes_url = reverse("workshops:space_notes", args=[workshop.code, topic.pk])
    assert client.post(notes_url, {"notes": "Fler träd"}, HTTP_X_LIVE="1").status_code == 204
    too_long = client.post(notes_url, {"notes": "x" * 10001}, HTTP_X_LIVE="1")
    assert too_long.status_code == 422
    action_url = reverse("workshops:space_action_add", args=[workshop.code, topic.pk])
    assert client.post(action_url, {"text": "", "owner": "Kari"}, HTTP_X_LIVE="1").status_code == 422
    assert client.post(action_url, {"text": "Ring kommunen", "owner": "Kari"}, HTTP_X_LIVE="1").status_code == 204
    topic.refresh_from_db()
    assert topic.notes == "Fler träd" and list(topic.actions.values_list("text", flat=True)) == ["Ring kommunen"]
    ola_client = client.__class__()
    join(ola_client, workshop, "Ola")
    refused = ola_client.post(notes_url, {"notes": "Mitt"}, HTTP_X_LIVE="1")
    assert refused.status_code == 422 and Topic.objects.get(pk=topic.pk).notes == "Fler träd"


def test_preparing_time_slots_and_spaces_through_the_pages(client):
    workshop = open_space(slots=0, spaces=0, live=False)
    client.force_login(workshop.created_by)
    add_slot = reverse("workshops:space_grid_add", args=[workshop.pk, "slots"])
    client.post(add_slot, {"name": "10:00–10:45"})
    client.post(add_slot, {"name": "11:00–11:45"})
    client.post(reverse("workshops:space_grid_add", args=[workshop.pk, "spaces"]), {"name": "Fönsterhörnan"})
    refused = client.post(add_slot, {"name": ""}, follow=True)
    assert refused.status_code == 200 and workshop.slots.count() == 2
    late = workshop.slots.get(label="11:00–11:45")
    client.post(reverse("workshops:space_grid_move", args=[workshop.pk, "slots", late.pk, "up"]))
    client.post(reverse("workshops:space_grid_update", args=[workshop.pk, "spaces", workshop.spaces.get().pk]),
                {"name": "Rum A"})
    assert client.post(reverse("workshops:space_grid_add", args=[workshop.pk, "tables"]),
                       {"name": "x"}).status_code == 404
    page = client.get(reverse("workshops:prepare", args=[workshop.pk])).content.decode()
    assert page.index('value="11:00–11:45"') < page.index('value="10:00–10:45"') and 'value="Rum A"' in page
    client.post(reverse("workshops:space_grid_remove", args=[workshop.pk, "slots", late.pk]))
    assert list(workshop.slots.values_list("label", flat=True)) == ["10:00–10:45"]
    assert list(Space.objects.filter(workshop=workshop).values_list("name", flat=True)) == ["Rum A"]


def test_the_projector_shows_the_wall_then_the_agenda_grid(client):
    workshop = open_space()
    (first, _second), (room_a, _room_b) = grid(workshop)
    topic = TopicFactory(workshop=workshop, title="Skolgården")
    url = reverse("workshops:projector_part", args=[workshop.code])
    wall = client.get(url).content.decode()
    assert "Skolgården" in wall and "space__wall" in wall and "<table" not in wall
    Topic.objects.filter(pk=topic.pk).update(slot=first, space=room_a)
    workshop.phase = space.AGENDA
    workshop.save()
    agenda = client.get(url).content.decode()
    assert '<th scope="col">Rum A</th>' in agenda and '<th scope="row">10:00–10:45</th>' in agenda
    assert f'data-count="{topic.pk}:going">0<' in agenda


# Queries


def build(count):
    workshop = open_space(slots=4, spaces=4, phase=space.SESSIONS)
    slots, spaces = grid(workshop)
    kari = ParticipantFactory(workshop=workshop, display_name="Kari", user=UserFactory())
    for number in range(count):
        placed = number < 12
        topic = TopicFactory(workshop=workshop, convener=kari if number % 2 else None,
                             slot=slots[number // 4] if placed else None, space=spaces[number % 4] if placed else None)
        if topic.slot_id:
            Attendance.objects.create(topic=topic, participant=kari)
            ActionItem.objects.create(topic=topic, text="Gör något", owner="Kari")
    return workshop, kari


def queries(client, url) -> list[str]:
    """The queries of the page's second request: caches filled once per process (the hub, content types) are not
    the agenda's. Without their values (strings, numbers, the lists after IN), so two workshops' queries compare."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [re.sub(r"\d+", "N", re.sub(r" IN \([^)]*\)", " IN (…)", re.sub(r"'[^']*'", "?", query["sql"])))
            for query in context.captured_queries]


def test_the_agenda_is_read_in_the_same_queries_for_4_or_16_topics(client, django_assert_max_num_queries,
                                                                    cache_of_this_process):
    counts = {}
    for count in (4, 16):
        workshop, kari = build(count)
        client.force_login(kari.user)
        phone = queries(client, reverse("workshops:phone_part", args=[workshop.code]))
        client.force_login(workshop.created_by)
        console = queries(client, reverse("workshops:console_part", args=[workshop.pk]))
        counts[count] = phone + ["-- console --"] + console
        assert len(live_context(workshop, view="phone", participant=kari)["my_sessions"]) >= 2
    assert counts[4] == counts[16], "\n".join(difflib.unified_diff(counts[4], counts[16], "4 topics", "16 topics",
                                                                    lineterm=""))
    with django_assert_max_num_queries(len(console)):
        client.get(reverse("workshops:console_part", args=[workshop.pk]))
    with django_assert_max_num_queries(12):
        client.get(reverse("workshops:workshop", args=[workshop.pk]))

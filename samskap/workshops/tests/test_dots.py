"""Dot voting: preparing options (free text, ideas, insights), placing dots (idempotent, within N, race-safe),
the tally pushed to the screens, the phone over HTTP, the console, the projector and the results page."""

import asyncio
import threading

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.tests.factories import IdeaFactory
from samskap.workshops import live
from samskap.workshops import services_dots as dots
from samskap.workshops.models import Dots, Insight, Option, Workshop
from samskap.workshops.selectors_dots import live_context, results_context
from samskap.workshops.services import workshop_finish

from .factories import ParticipantFactory, WorkshopFactory
from .factories_dots import dot_voting
from .conftest import run_async

pytestmark = pytest.mark.django_db


def put(workshop, participant, option, count):
    return dots.dots_set(workshop_id=workshop.pk, participant_id=participant.pk, option_id=option.pk, count=count)


def mine(participant):
    return dict(Dots.objects.filter(participant=participant).values_list("option_id", "count"))


# Placing dots


def test_sending_the_same_count_again_changes_nothing():
    workshop = dot_voting()
    a, _b, _c = workshop.options.all()
    voter = ParticipantFactory(workshop=workshop)
    version = workshop.version
    first = put(workshop, voter, a, 2)
    again = put(workshop, voter, a, 2)
    assert first["ok"] and again["ok"] and again["left"] == 1
    assert Dots.objects.filter(participant=voter).count() == 1 and mine(voter) == {a.pk: 2}
    workshop.refresh_from_db()
    assert workshop.version == version  # dots never make every phone fetch its page again


def test_dots_spread_over_options_and_never_exceed_the_participants_share():
    workshop = dot_voting(dots_per_participant=3)
    a, b, c = workshop.options.all()
    voter = ParticipantFactory(workshop=workshop)
    put(workshop, voter, a, 2)
    with pytest.raises(ValidationError) as refused:
        put(workshop, voter, b, 2)
    assert "you have 1 dot left" in refused.value.messages[0]
    assert mine(voter) == {a.pk: 2}
    assert put(workshop, voter, b, 1)["left"] == 0
    with pytest.raises(ValidationError, match="0 dots left"):
        put(workshop, voter, c, 1)
    put(workshop, voter, a, 0)  # taking dots away frees them
    assert put(workshop, voter, c, 2)["message"] == "2 dots on “%s”. You have 0 dots left." % c.text
    assert mine(voter) == {b.pk: 1, c.pk: 2}


def test_a_negative_count_is_refused_with_the_dots_left():
    workshop = dot_voting(dots_per_participant=4)
    a = workshop.options.first()
    voter = ParticipantFactory(workshop=workshop)
    with pytest.raises(ValidationError, match="You have 4 dots left"):
        put(workshop, voter, a, -1)
    assert not Dots.objects.exists()


@pytest.mark.parametrize("state", ["not_open", "closed", "finished", "preparing"])
def test_no_dots_while_the_vote_is_not_open(state):
    workshop = dot_voting(voting=state != "not_open")
    a = workshop.options.first()
    voter = ParticipantFactory(workshop=workshop)
    if state == "closed":
        dots.dots_voting_close(workshop, by=workshop.created_by)
    elif state == "finished":
        workshop.status = Workshop.Status.FINISHED
        workshop.save()
    elif state == "preparing":
        workshop.status = Workshop.Status.PREPARING
        workshop.save()
    with pytest.raises(ValidationError):
        put(workshop, voter, a, 1)
    assert not Dots.objects.exists()


def test_a_participant_of_another_workshop_or_another_workshops_option_is_refused():
    workshop = dot_voting()
    other = dot_voting()
    stranger = ParticipantFactory(workshop=other)
    voter = ParticipantFactory(workshop=workshop)
    with pytest.raises(ValidationError, match="Join the workshop"):
        put(workshop, stranger, workshop.options.first(), 1)
    with pytest.raises(ValidationError, match="not in this vote"):
        put(workshop, voter, other.options.first(), 1)
    assert not Dots.objects.exists()


def test_conflicting_sends_in_a_row_keep_the_total_within_the_share():
    workshop = dot_voting(options=5, dots_per_participant=3)
    options = list(workshop.options.all())
    voter = ParticipantFactory(workshop=workshop)
    for round_ in range(3):
        for option in options:
            try:
                put(workshop, voter, option, 2 + round_ % 2)
            except ValidationError:
                pass
            assert sum(mine(voter).values()) <= 3


@pytest.mark.django_db(transaction=True)
def test_two_sends_at_the_same_moment_from_one_phone_never_exceed_the_share():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's shared in-memory test database locks whole tables; run this on PostgreSQL.")
    workshop = dot_voting(options=2, dots_per_participant=3)
    a, b = workshop.options.all()
    voter = ParticipantFactory(workshop=workshop)
    for attempt in range(5):
        Dots.objects.all().delete()
        start = threading.Barrier(2)
        answers: list[str] = []

        def send(option):
            start.wait()
            try:
                put(workshop, voter, option, 3)
                answers.append("ok")
            except ValidationError:
                answers.append("refused")
            finally:
                connection.close()

        threads = [threading.Thread(target=send, args=(option,)) for option in (a, b)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(answers) == ["ok", "refused"], attempt
        assert sum(mine(voter).values()) == 3


# The tally


def test_the_tally_counts_dots_voters_and_the_highest_count():
    workshop = dot_voting(dots_per_participant=3)
    a, b, c = workshop.options.all()
    first, second, _idle = (ParticipantFactory(workshop=workshop) for _ in range(3))
    put(workshop, first, a, 2)
    put(workshop, first, b, 1)
    put(workshop, second, a, 3)
    tally = dots.dots_tally(workshop.pk)
    assert tally == {"counts": {str(a.pk): {"dots": 5}, str(b.pk): {"dots": 1}, str(c.pk): {"dots": 0}},
                     "voters": 2, "max": 5}


@pytest.mark.django_db(transaction=True)
def test_a_dot_sends_the_new_tally_to_the_projector_and_console():
    run_async(_tally_reaches_screens)


async def _tally_reaches_screens():
    workshop = await sync_to_async(dot_voting)(dots_per_participant=3)
    a = await sync_to_async(lambda: workshop.options.first())()
    voter = await sync_to_async(ParticipantFactory)(workshop=workshop)
    layer = get_channel_layer()
    screens = await layer.new_channel()
    await layer.group_add(live.group_screens(workshop.pk), screens)
    everyone = await layer.new_channel()
    await layer.group_add(live.group_all(workshop.pk), everyone)
    await sync_to_async(put)(workshop, voter, a, 2)
    message = (await layer.receive(screens))["data"]
    assert message["kind"] == "tally" and message["counts"][str(a.pk)] == {"dots": 2}
    assert message["voters"] == 1 and message["max"] == 2 and "version" in message
    await sync_to_async(put)(workshop, voter, a, 2)  # nothing changed: nothing sent
    await sync_to_async(put)(workshop, voter, a, 1)
    assert (await layer.receive(screens))["data"]["counts"][str(a.pk)] == {"dots": 1}
    with pytest.raises(asyncio.TimeoutError):  # no refresh for every phone after a dot
        await asyncio.wait_for(layer.receive(everyone), timeout=0.3)
    await layer.group_discard(live.group_all(workshop.pk), everyone)
    await layer.group_discard(live.group_screens(workshop.pk), screens)


def test_the_projector_shows_counts_only_with_a_live_tally_or_shown_results(client):
    workshop = dot_voting(live_tally=False)
    a = workshop.options.first()
    put(workshop, ParticipantFactory(workshop=workshop), a, 2)
    part = reverse("workshops:projector_part", args=[workshop.code])
    html = client.get(part).content.decode()
    assert f'data-count="{a.pk}:dots"' not in html and "<span data-voters>1</span> have voted" in html
    dots.dots_voting_close(workshop, by=workshop.created_by)
    html = client.get(part).content.decode()
    assert f'data-count="{a.pk}:dots"' not in html  # closed, but still hidden: no ranking either
    workshop.results_visible = True
    workshop.save()
    html = client.get(part).content.decode()
    assert f'<span data-count="{a.pk}:dots">2</span>' in html and "The results" in html


def test_after_closing_the_options_are_ranked_by_dots():
    workshop = dot_voting(dots_per_participant=3)
    a, b, c = workshop.options.all()
    voter = ParticipantFactory(workshop=workshop)
    put(workshop, voter, c, 2)
    put(workshop, voter, b, 1)
    dots.dots_voting_close(workshop, by=workshop.created_by)
    workshop.refresh_from_db()
    context = live_context(workshop, view="console", participant=None)
    assert [option.pk for option in context["ranked_options"]] == [c.pk, b.pk, a.pk]
    results = results_context(workshop)
    assert [(o.pk, o.total, o.rank) for o in results["ranked_options"]] == [(c.pk, 2, 1), (b.pk, 1, 2), (a.pk, 0, 3)]


def test_the_results_page_ranks_the_options_and_keeps_them_after_the_workshop(client):
    workshop = dot_voting(dots_per_participant=2, live_tally=False)
    a, b, _c = workshop.options.all()
    for voter in (ParticipantFactory(workshop=workshop) for _ in range(2)):
        put(workshop, voter, b, 2)
    put(workshop, ParticipantFactory(workshop=workshop), a, 1)
    page = reverse("workshops:workshop", args=[workshop.pk])
    assert "The results are shown when the facilitator shares them." in client.get(page).content.decode()
    dots.dots_voting_close(workshop, by=workshop.created_by)
    workshop_finish(workshop, by=workshop.created_by)
    html = client.get(page).content.decode()
    assert "3 participants placed dots." in html
    assert html.index(b.text) < html.index(a.text)
    assert f"<td>1</td><td>{b.text}</td><td>4</td>" in html
    assert Dots.objects.count() == 3


# Running the vote


def test_only_those_who_run_it_open_and_close_the_vote_and_edit_options(client):
    workshop = dot_voting(voting=False)
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        dots.dots_voting_open(workshop, by=stranger)
    with pytest.raises(PermissionDenied):
        dots.option_add(workshop, by=stranger, text="Mer grönska")
    with pytest.raises(PermissionDenied):
        dots.option_remove(workshop.options.first(), by=stranger)
    client.force_login(stranger)
    assert client.post(reverse("workshops:dots_run", args=[workshop.pk, "open"])).status_code == 403
    assert client.post(reverse("workshops:dots_option_add", args=[workshop.pk]), {"text": "x"}).status_code == 403
    assert client.get(reverse("workshops:dots_sources", args=[workshop.pk])).status_code == 403
    client.force_login(workshop.created_by)
    response = client.post(reverse("workshops:dots_run", args=[workshop.pk, "open"]), HTTP_X_LIVE="1")
    assert response.status_code == 204
    workshop.refresh_from_db()
    assert workshop.phase == dots.VOTING
    assert client.post(reverse("workshops:dots_run", args=[workshop.pk, "close"])).status_code == 302
    workshop.refresh_from_db()
    assert workshop.phase == dots.CLOSED


def test_the_vote_needs_two_options_and_a_live_workshop():
    workshop = dot_voting(options=1, voting=False)
    with pytest.raises(ValidationError, match="at least two options"):
        dots.dots_voting_open(workshop, by=workshop.created_by)
    prepared = dot_voting(live=False)
    with pytest.raises(ValidationError):
        dots.dots_voting_open(prepared, by=prepared.created_by)
    battle = WorkshopFactory(method=Workshop.Method.VISION_BATTLE, status="live")
    with pytest.raises(ValidationError):
        dots.dots_voting_open(battle, by=battle.created_by)


# Preparing the options


def test_options_are_added_edited_moved_and_removed_from_the_prepare_page(client):
    workshop = dot_voting(options=0, live=False)
    client.force_login(workshop.created_by)
    prepare = reverse("workshops:prepare", args=[workshop.pk])
    for text in ("Fler parkbänkar", "  En   kvartersträdgård ", "Bättre belysning"):
        assert client.post(reverse("workshops:dots_option_add", args=[workshop.pk]), {"text": text}).status_code == 302
    first, second, third = workshop.options.all()
    assert second.text == "En kvartersträdgård"
    response = client.post(reverse("workshops:dots_option_add", args=[workshop.pk]), {"text": "  "}, follow=True)
    assert workshop.options.count() == 3 and "This field is required." in response.content.decode()
    client.post(reverse("workshops:dots_option_update", args=[workshop.pk, first.pk]), {"text": "Fler bänkar"})
    client.post(reverse("workshops:dots_option_move", args=[workshop.pk, third.pk]), {"direction": "up"})
    assert [o.text for o in workshop.options.all()] == ["Fler bänkar", "Bättre belysning", "En kvartersträdgård"]
    client.post(reverse("workshops:dots_option_remove", args=[workshop.pk, second.pk]))
    assert workshop.options.count() == 2
    html = client.get(prepare).content.decode()
    assert 'value="Fler bänkar"' in html and "Remove<span class=\"ds-sr-only\"> – Bättre belysning" in html


def test_an_option_with_dots_cannot_be_removed():
    workshop = dot_voting()
    a = workshop.options.first()
    put(workshop, ParticipantFactory(workshop=workshop), a, 1)
    with pytest.raises(ValidationError, match="cannot be removed"):
        dots.option_remove(a, by=workshop.created_by)
    assert Option.objects.filter(pk=a.pk).exists()
    dots.option_update(a, by=workshop.created_by, text="Rättat stavfel")  # a typo may still be fixed
    a.refresh_from_db()
    assert a.text == "Rättat stavfel" and a.dots.get().count == 1


def test_published_public_ideas_are_found_by_title_and_become_options(client):
    workshop = dot_voting(options=0, live=False)
    idea = IdeaFactory(title="Cykelkök i Rinkeby")
    draft = IdeaFactory(title="Cykelkök i Tensta", published_at=None)
    team_only = IdeaFactory(title="Cykelkök i Kista", visibility="team")
    IdeaFactory(title="Solpaneler på taket")
    client.force_login(workshop.created_by)
    html = client.get(reverse("workshops:dots_sources", args=[workshop.pk]), {"q": "cykelkök"}).content.decode()
    assert idea.title in html and draft.title not in html and team_only.title not in html
    assert "Solpaneler" not in html
    response = client.post(reverse("workshops:dots_idea_add", args=[workshop.pk]), {"idea": idea.pk, "q": "cykel"})
    assert response.status_code == 302 and response.url.endswith("?q=cykel")
    option = workshop.options.get()
    assert option.idea == idea and option.text == idea.title
    prepare = client.get(reverse("workshops:prepare", args=[workshop.pk])).content.decode()
    assert f'href="{idea.get_absolute_url()}">From a published idea' in prepare
    with pytest.raises(ValidationError, match="already an option"):
        dots.option_add_idea(workshop, by=workshop.created_by, idea=idea)
    with pytest.raises(ValidationError, match="Only published ideas"):
        dots.option_add_idea(workshop, by=workshop.created_by, idea=draft)
    html = client.get(reverse("workshops:dots_sources", args=[workshop.pk]), {"q": "cykelkök"}).content.decode()
    assert f'name="idea" value="{idea.pk}"' not in html  # already an option: not offered again


def test_insights_from_the_facilitators_own_workshops_become_options(client):
    workshop = dot_voting(options=0, live=False)
    cafe = WorkshopFactory(method=Workshop.Method.WORLD_CAFE, created_by=workshop.created_by, status="finished")
    insight = Insight.objects.create(workshop=cafe, text="Unga vill ha en mötesplats")
    someone_elses = Insight.objects.create(workshop=WorkshopFactory(method=Workshop.Method.WORLD_CAFE),
                                           text="Hemligt fynd")
    client.force_login(workshop.created_by)
    html = client.get(reverse("workshops:dots_sources", args=[workshop.pk])).content.decode()
    assert insight.text in html and someone_elses.text not in html
    client.post(reverse("workshops:dots_insight_add", args=[workshop.pk]), {"insight": insight.pk})
    assert workshop.options.get().insight == insight
    with pytest.raises(ValidationError, match="workshops you run"):
        dots.option_add_insight(workshop, by=workshop.created_by, insight=someone_elses)
    assert workshop.options.count() == 1


# The phone over plain HTTP, and the screens' query counts


def test_the_phone_places_dots_over_http_json_and_a_plain_form(client):
    workshop = dot_voting(dots_per_participant=3)
    a, b, _c = workshop.options.all()
    phone = reverse("workshops:phone", args=[workshop.code])
    act = reverse("workshops:act", args=[workshop.code])
    assert client.post(act, {"action": "dots", "option": a.pk, "count": 1},
                       content_type="application/json").json()["message"] == "Join the workshop to take part."
    client.post(phone, {"display_name": "Kari"})
    html = client.get(phone).content.decode()
    assert "You have 3 dots left." in html and f"Add a dot – {a.text}" in html
    assert f'data-focus-key="dots-more-{a.pk}"' in html and 'data-live-action="dots"' in html
    answer = client.post(act, {"action": "dots", "option": a.pk, "count": 2}, content_type="application/json")
    assert answer.status_code == 200 and answer.json()["left"] == 1
    answer = client.post(act, {"action": "dots", "option": b.pk, "count": 2}, content_type="application/json")
    assert answer.status_code == 422 and "you have 1 dot left" in answer.json()["message"]
    response = client.post(act, {"action": "dots", "option": b.pk, "count": 1}, follow=True)  # no JavaScript
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == phone and "You have 0 dots left." in html
    assert 'name="count" value="3"' in html  # a has 2 dots: its + button sends 3
    assert Dots.objects.get(option=b).count == 1 and Dots.objects.get(option=a).count == 2


def test_the_phone_shows_totals_once_the_results_are_shown(client):
    workshop = dot_voting()
    a = workshop.options.first()
    put(workshop, ParticipantFactory(workshop=workshop), a, 3)
    client.post(reverse("workshops:phone", args=[workshop.code]), {"display_name": "Kari"})
    part = reverse("workshops:phone_part", args=[workshop.code])
    assert "3 dots in all" not in client.get(part).content.decode()
    workshop.results_visible = True
    workshop.save()
    assert "3 dots in all" in client.get(part).content.decode()


@pytest.mark.parametrize("options", [5, 20])
def test_the_screens_run_a_fixed_number_of_queries(client, django_assert_max_num_queries, options,
                                                   cache_of_this_process):
    workshop = dot_voting(options=options, results_visible=True)
    voters = [ParticipantFactory(workshop=workshop) for _ in range(3)]
    for voter, option in zip(voters, workshop.options.all()):
        put(workshop, voter, option, 1)
    client.post(reverse("workshops:phone", args=[workshop.code]), {"display_name": "Kari"})
    with django_assert_max_num_queries(12):
        assert client.get(reverse("workshops:phone_part", args=[workshop.code])).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("workshops:projector_part", args=[workshop.code])).status_code == 200
    client.force_login(workshop.created_by)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("workshops:console_part", args=[workshop.pk])).status_code == 200

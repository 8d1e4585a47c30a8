"""Dot votes: opening a vote over a set of ideas, placing and removing dots, closing, results, the pages."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, Dot, DotVote
from samskap.ideas.selectors_votes import dot_vote_results, vote_candidates
from samskap.ideas.services_votes import dot_vote_close, dot_vote_open, dots_place
from samskap.ideas.tests.factories import (ApplicationFactory, ChallengeFactory, DotVoteFactory, IdeaFactory,
                                           IncubatorFactory, IntakeRoundFactory)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def facilitator():
    return UserFactory(is_facilitator=True)


def vote_over(n: int = 3, **kwargs) -> DotVote:
    return DotVoteFactory(ideas=[IdeaFactory() for _ in range(n)], **kwargs)


def dots_of(vote, user) -> dict[int, int]:
    return dict(Dot.objects.filter(vote=vote, user=user).values_list("idea_id", "count"))


# Opening ---------------------------------------------------------------------------------------------


def test_a_facilitator_opens_a_vote_over_a_challenges_ideas():
    challenge = ChallengeFactory()
    answers = [IdeaFactory(challenge=challenge) for _ in range(3)]
    IdeaFactory()  # not an answer
    ideas = vote_candidates(challenge=challenge)
    assert {idea.pk for idea in ideas} == {idea.pk for idea in answers}

    vote = dot_vote_open(by=facilitator(), title="Vilka idéer testar vi?", ideas=ideas, dots_per_participant=5,
                         challenge=challenge)

    assert {idea.pk for idea in vote.ideas.all()} == {idea.pk for idea in answers}
    assert vote.dots_per_participant == 5 and not vote.show_live and not vote.is_closed()


def test_a_rounds_vote_belongs_to_its_incubator_whose_facilitators_may_open_it():
    incubator_facilitator = UserFactory()
    round = IntakeRoundFactory(incubator=IncubatorFactory(facilitators=[incubator_facilitator]))
    applicants = [ApplicationFactory(round=round).idea for _ in range(2)]

    vote = dot_vote_open(by=incubator_facilitator, title="Intaget", ideas=vote_candidates(round=round), round=round)

    assert vote.incubator == round.incubator
    assert set(vote.ideas.all()) == set(applicants)
    with pytest.raises(PermissionDenied):
        dot_vote_open(by=incubator_facilitator, title="Annat", ideas=applicants)  # not for their incubator


def test_a_cohort_gives_the_ideas_of_an_incubator():
    incubator = IncubatorFactory()
    members = [IdeaFactory() for _ in range(2)]
    for idea in members:
        CohortMembership.objects.create(incubator=incubator, idea=idea)
    IdeaFactory()
    assert set(vote_candidates(incubator=incubator)) == set(members)


@pytest.mark.parametrize("changes,field", [
    ({"title": "  "}, "title"),
    ({"dots_per_participant": 0}, "dots_per_participant"),
    ({"dots_per_participant": 21}, "dots_per_participant"),
    ({"closes_at": timezone.now() - datetime.timedelta(minutes=1)}, "closes_at"),
    ({"ideas": "one"}, "ideas"),
    ({"ideas": "draft"}, "ideas"),
    ({"ideas": "team"}, "ideas"),
    ({"ideas": "hidden"}, "ideas"),
])
def test_opening_a_vote_with_bad_input_says_what_is_wrong_and_saves_nothing(changes, field):
    ideas = [IdeaFactory(), IdeaFactory()]
    special = {"one": [ideas[0]], "draft": [ideas[0], IdeaFactory(published_at=None)],
               "team": [ideas[0], IdeaFactory(visibility="team")],
               "hidden": [ideas[0], IdeaFactory(hidden_at=timezone.now())]}
    arguments = {"title": "Röstning", "ideas": ideas, "dots_per_participant": 3, **changes}
    if isinstance(arguments["ideas"], str):
        arguments["ideas"] = special[arguments["ideas"]]
    with pytest.raises(ValidationError) as error:
        dot_vote_open(by=facilitator(), **arguments)
    assert field in error.value.message_dict
    assert not DotVote.objects.exists()


@pytest.mark.parametrize("flags", [{}, {"is_mentor": True}])
def test_members_and_mentors_cannot_open_a_vote(flags):
    with pytest.raises(PermissionDenied):
        dot_vote_open(by=UserFactory(**flags), title="Röstning", ideas=[IdeaFactory(), IdeaFactory()])


# Placing dots ----------------------------------------------------------------------------------------


def test_a_participant_spreads_dots_and_may_put_several_on_one_idea():
    vote = vote_over(3)
    a, b, _c = vote.ideas.order_by("pk")
    member = UserFactory()
    assert dots_place(vote=vote, idea=a, by=member, count=2) == 1
    assert dots_place(vote=vote, idea=b, by=member, count=1) == 0
    assert dots_of(vote, member) == {a.pk: 2, b.pk: 1}
    assert dots_place(vote=vote, idea=a, by=member, count=0) == 2
    assert dots_of(vote, member) == {b.pk: 1}


def test_placing_more_dots_than_one_has_is_refused_with_a_clear_message_and_changes_nothing():
    vote = vote_over(3)
    a, b, c = vote.ideas.order_by("pk")
    member = UserFactory()
    dots_place(vote=vote, idea=a, by=member, count=2)
    with pytest.raises(ValidationError) as error:
        dots_place(vote=vote, idea=b, by=member, count=2)
    assert error.value.messages == ["You have only 1 dot left."]
    dots_place(vote=vote, idea=c, by=member, count=1)
    with pytest.raises(ValidationError) as error:
        dots_place(vote=vote, idea=b, by=member, count=1)
    assert error.value.messages == ["You have no dots left. Take a dot off another idea first."]
    assert dots_of(vote, member) == {a.pk: 2, c.pk: 1}


def test_dots_cannot_go_on_an_idea_outside_the_vote_or_on_a_closed_vote():
    vote = vote_over(2)
    member = UserFactory()
    with pytest.raises(ValidationError, match="not part of the vote"):
        dots_place(vote=vote, idea=IdeaFactory(), by=member, count=1)
    with pytest.raises(ValidationError, match="zero or more"):
        dots_place(vote=vote, idea=vote.ideas.first(), by=member, count=-1)
    DotVote.objects.filter(pk=vote.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(ValidationError, match="closed"):
        dots_place(vote=vote, idea=vote.ideas.first(), by=member, count=1)
    assert not Dot.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_cannot_spend_more_dots_than_the_voter_has():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers (IMMEDIATE transactions); the row locks matter on PostgreSQL")
    vote = vote_over(3, dots_per_participant=2)
    ideas = list(vote.ideas.order_by("pk"))
    member = UserFactory()
    barrier = threading.Barrier(3)
    outcomes = []

    def place(idea):
        barrier.wait()
        try:
            dots_place(vote=vote, idea=idea, by=member, count=1)
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=place, args=(idea,)) for idea in ideas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "ok", "refused"]
    assert sum(dots_of(vote, member).values()) == 2


# Closing and results -----------------------------------------------------------------------------------


def test_closing_ranks_the_ideas_by_dots_and_voters_and_tells_the_voters(django_capture_on_commit_callbacks):
    vote = vote_over(3)
    a, b, c = vote.ideas.order_by("pk")
    first, second = UserFactory(), UserFactory()
    dots_place(vote=vote, idea=b, by=first, count=2)
    dots_place(vote=vote, idea=a, by=first, count=1)
    dots_place(vote=vote, idea=b, by=second, count=1)
    dots_place(vote=vote, idea=c, by=second, count=1)
    with pytest.raises(PermissionDenied):
        dot_vote_close(vote=vote, by=first)

    with django_capture_on_commit_callbacks(execute=True):
        closed = dot_vote_close(vote=vote, by=vote.opened_by)

    assert closed.closed_at is not None and closed.is_closed()
    results = dot_vote_results(vote=vote)
    assert [(idea.pk, idea.dots, idea.voters, idea.rank) for idea in results] == [
        (b.pk, 3, 2, 1), (a.pk, 1, 1, 2), (c.pk, 1, 1, 2)]
    assert Notification.objects.filter(kind="dot_vote_closed").count() == 2
    with pytest.raises(ValidationError):
        dots_place(vote=vote, idea=a, by=second, count=1)


def test_the_results_are_one_query(django_assert_num_queries):
    vote = vote_over(5)
    for idea in vote.ideas.all():
        dots_place(vote=vote, idea=idea, by=UserFactory(), count=1)
    with django_assert_num_queries(1):
        assert len(dot_vote_results(vote=vote)) == 5


# Pages -------------------------------------------------------------------------------------------------


def test_a_participant_places_and_removes_dots_with_plain_forms(client):
    vote = vote_over(2)
    a, _b = vote.ideas.order_by("pk")
    member = UserFactory()
    client.force_login(member)
    url = reverse("ideas:dot_vote", args=[vote.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "You have 3 of 3 dots left." in page.content.decode()

    response = client.post(url, {"idea": a.pk, "count": 2})
    assert response.status_code == 302 and response["Location"].endswith(f"#idea-{a.pk}")
    assert "You have 1 of 3 dots left." in client.get(url).content.decode()

    response = client.post(url, {"idea": a.pk, "count": 4})
    assert response.status_code == 400
    assert "You have only 1 dot left." in response.content.decode()
    assert dots_of(vote, member) == {a.pk: 2}


def test_with_htmx_the_ballot_and_the_counter_are_swapped(client):
    vote = vote_over(2)
    a, _b = vote.ideas.order_by("pk")
    client.force_login(UserFactory())
    response = client.post(reverse("ideas:dot_vote", args=[vote.pk]), {"idea": a.pk, "count": 1},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="dot-vote-live"' in html and "<html" not in html
    assert 'hx-swap-oob="innerHTML"' in html and "You have 2 of 3 dots left." in html


def test_the_tally_is_hidden_from_participants_until_the_vote_closes_unless_shown_live(client):
    vote = vote_over(2, title="Höstens röstning")
    a, _b = vote.ideas.order_by("pk")
    dots_place(vote=vote, idea=a, by=UserFactory(), count=3)
    member = UserFactory()
    client.force_login(member)
    url = reverse("ideas:dot_vote", args=[vote.pk])
    assert "dots so far" not in client.get(url).content.decode()

    client.force_login(vote.opened_by)
    assert "3 dots so far, from 1 participants" in client.get(url).content.decode()

    DotVote.objects.filter(pk=vote.pk).update(show_live=True)
    client.force_login(member)
    assert "3 dots so far" in client.get(url).content.decode()

    client.force_login(vote.opened_by)
    assert client.post(reverse("ideas:dot_vote_close", args=[vote.pk])).status_code == 302
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Results" in html and "Add a dot" not in html


def test_the_facilitator_opens_a_vote_from_a_challenge_through_the_form(client):
    challenge = ChallengeFactory()
    ideas = [IdeaFactory(challenge=challenge) for _ in range(3)]
    client.force_login(facilitator())
    url = reverse("ideas:dot_vote_new")
    page = client.get(url, {"challenge": challenge.pk})
    assert page.status_code == 200
    html = page.content.decode()
    assert all(idea.title in html for idea in ideas)

    response = client.post(url, {"challenge": challenge.pk, "title": "Bästa svaret", "ideas": [i.pk for i in ideas[:2]],
                                 "dots_per_participant": 4, "show_live": "on"})
    vote = DotVote.objects.get()
    assert response.status_code == 302 and response["Location"] == vote.get_absolute_url()
    assert vote.challenge == challenge and vote.show_live and vote.dots_per_participant == 4
    assert set(vote.ideas.all()) == set(ideas[:2])


def test_the_new_vote_form_keeps_what_was_typed_when_it_has_errors(client):
    ideas = [IdeaFactory(title=f"Idé nummer {n}") for n in range(3)]
    client.force_login(facilitator())
    response = client.post(reverse("ideas:dot_vote_new"), {"title": "Min röstning", "ideas": [ideas[0].pk],
                                                            "dots_per_participant": 30})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Min röstning"' in html
    assert "Pick at least two ideas to vote on." in html
    assert "Ensure this value is less than or equal to 20." in html
    assert not DotVote.objects.exists()


def test_the_by_hand_list_finds_ideas_by_their_title(client):
    IdeaFactory(title="Grannskapscafé i Rosengård")
    IdeaFactory(title="Trädplantering")
    client.force_login(facilitator())
    html = client.get(reverse("ideas:dot_vote_new"), {"q": "café"}).content.decode()
    assert "Grannskapscafé i Rosengård" in html and "Trädplantering" not in html


def test_the_list_shows_open_and_closed_votes(client):
    open_vote = vote_over(2, title="Öppen röstning")
    closed_vote = vote_over(2, title="Stängd röstning", closed_at=timezone.now())
    client.force_login(UserFactory())
    html = client.get(reverse("ideas:dot_votes")).content.decode()
    assert html.index(open_vote.title) < html.index("Closed votes") < html.index(closed_vote.title)
    assert "Open a dot vote" not in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_vote_page_and_the_list_take_the_same_few_queries_for_5_and_30_ideas(client):
    facilitator_ = facilitator()
    client.force_login(facilitator_)
    client.get(reverse("ideas:dot_votes"))  # the hub's settings are cached from here on, as on a running site
    counts = {}
    for size in (5, 30):
        vote = vote_over(size, show_live=True, opened_by=facilitator_)
        for idea in vote.ideas.all():
            dots_place(vote=vote, idea=idea, by=UserFactory(), count=1)
        for _ in range(size // 5):
            vote_over(2)
        page = reverse("ideas:dot_vote", args=[vote.pk])
        open_page, votes_list = _queries(client, page), _queries(client, reverse("ideas:dot_votes"))
        DotVote.objects.filter(pk=vote.pk).update(closed_at=timezone.now())
        counts[size] = (open_page, votes_list, _queries(client, page))
    assert counts[5] == counts[30]
    assert max(counts[30]) <= 10

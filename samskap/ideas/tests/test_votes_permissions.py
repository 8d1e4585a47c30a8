"""Who may open a dot vote, place dots, close it and see its results: role × open/closed × show_live, asked of
the rules (`user.has_perm`) and of the pages (HTTP status and what the page shows)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.services_votes import dots_place, may_open_dot_vote
from samskap.ideas.tests.factories import DotVoteFactory, IdeaFactory, IncubatorFactory, people_around

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "team_volunteer", "core_team", "mentor", "incubator_facilitator", "facilitator",
         "opener", "hub_admin"]


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def world(*, closed: bool = False, show_live: bool = False):
    """An incubator's vote over two ideas, opened by a facilitator, with one dot already placed."""
    ideas = [IdeaFactory(), IdeaFactory()]
    users = people_around(ideas[0], in_cohort=False)
    incubator = IncubatorFactory(facilitators=[users["incubator_facilitator"]])
    users["opener"] = opener = UserFactory(is_facilitator=True)
    vote = DotVoteFactory(ideas=ideas, incubator=incubator, opened_by=opener, show_live=show_live)
    dots_place(vote=vote, idea=ideas[0], by=UserFactory(), count=2)
    if closed:
        vote.closed_at = timezone.now()
        vote.save()
    return vote, ideas, users


MAY_OPEN_ANY = {"facilitator", "opener", "hub_admin"}
MAY_OPEN_FOR_INCUBATOR = MAY_OPEN_ANY | {"incubator_facilitator"}
MAY_CLOSE = {"incubator_facilitator", "opener", "hub_admin"}  # the vote's incubator, not every facilitator
SEES_TALLY_WHILE_HIDDEN = {"incubator_facilitator", "opener", "hub_admin"}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_a_vote(client, role):
    vote, _ideas, users = world()
    user = users[role]
    assert user.has_perm("ideas.open_dot_vote") == (role in MAY_OPEN_ANY)
    assert may_open_dot_vote(user, vote.incubator) == (role in MAY_OPEN_FOR_INCUBATOR)
    if role != "anonymous":
        client.force_login(user)
    response = client.get(reverse("ideas:dot_vote_new"))
    expected = 302 if role == "anonymous" else 200 if role in MAY_OPEN_FOR_INCUBATOR else 403
    assert response.status_code == expected


@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
@pytest.mark.parametrize("role", ROLES)
def test_who_may_place_dots(client, role, closed):
    vote, ideas, users = world(closed=closed)
    user = users[role]
    allowed = role != "anonymous" and not closed
    # Django lets superusers have every permission; the service still refuses dots on a closed vote.
    assert user.has_perm("ideas.place_dots", vote) == (allowed or role == "hub_admin")
    if role != "anonymous":
        client.force_login(user)
    response = client.post(reverse("ideas:dot_vote", args=[vote.pk]), {"idea": ideas[1].pk, "count": 1})
    if role == "anonymous":
        assert response.status_code == 302 and "/login" in response["Location"]
    elif closed:
        assert response.status_code == 400
        assert "This vote has closed" in response.content.decode()
    else:
        assert response.status_code == 302
    assert vote.dots.filter(idea=ideas[1]).exists() == allowed


@pytest.mark.parametrize("role", ROLES)
def test_who_may_close_a_vote(client, role):
    vote, _ideas, users = world()
    user = users[role]
    assert user.has_perm("ideas.close_dot_vote", vote) == (role in MAY_CLOSE)
    if role != "anonymous":
        client.force_login(user)
        assert ("Close the vote" in client.get(vote.get_absolute_url()).content.decode()) == (role in MAY_CLOSE)
    response = client.post(reverse("ideas:dot_vote_close", args=[vote.pk]))
    expected = 302 if role == "anonymous" or role in MAY_CLOSE else 403
    assert response.status_code == expected
    vote.refresh_from_db()
    assert (vote.closed_at is not None) == (role in MAY_CLOSE)


def test_a_hub_wide_facilitator_may_close_a_vote_that_is_not_an_incubators():
    vote = DotVoteFactory(ideas=[IdeaFactory(), IdeaFactory()])
    assert UserFactory(is_facilitator=True).has_perm("ideas.close_dot_vote", vote)
    assert not UserFactory().has_perm("ideas.close_dot_vote", vote)


@pytest.mark.parametrize("state", ["open", "open_live", "closed"])
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_results(client, role, state):
    vote, _ideas, users = world(closed=state == "closed", show_live=state == "open_live")
    user = users[role]
    expected = state != "open" or role in SEES_TALLY_WHILE_HIDDEN
    assert user.has_perm("ideas.see_dot_results", vote) == expected
    if role == "anonymous":
        response = client.get(vote.get_absolute_url())
        assert response.status_code == 302  # the vote pages are for members
        return
    client.force_login(user)
    html = client.get(vote.get_absolute_url()).content.decode()
    if state == "closed":
        assert "The ideas ranked by their dots" in html
    else:
        assert ("2 dots so far" in html) == expected
        assert "The ideas ranked by their dots" not in html

"""The facilitators' board: columns by stage, moving cards to another stage or up and down (by service, by form
and by htmx), who may see and use it, and a constant number of queries."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, MentorAssignment, StageChange
from samskap.ideas.selectors_cohort import board_columns
from samskap.ideas.services_cohort import board_card_move, board_card_shift

from .factories import IdeaFactory, IncubatorFactory, MilestoneFactory, TeamMemberFactory, stage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def facilitator():
    return UserFactory(name="Fia Facilitator")


@pytest.fixture
def incubator(facilitator):
    return IncubatorFactory(facilitators=[facilitator])


def join(incubator, idea, position=0):
    return CohortMembership.objects.create(incubator=incubator, idea=idea, board_position=position)


def column_titles(incubator, slug):
    column = next(c for c in board_columns(incubator=incubator) if c.stage.slug == slug)
    return [card.idea.title for card in column.cards]


def test_board_has_a_column_per_stage_with_stages_in_progress_first():
    incubator = IncubatorFactory()
    slugs = [column.stage.slug for column in board_columns(incubator=incubator)]
    assert slugs == ["idea", "exploring", "testing", "established", "paused", "ended"]


def test_board_puts_each_cohort_idea_in_its_stage_column_in_board_order(incubator):
    join(incubator, IdeaFactory(title="Second"), position=2)
    join(incubator, IdeaFactory(title="First"), position=1)
    join(incubator, IdeaFactory(title="Testing one", stage=stage("testing")))
    IdeaFactory(title="Not in the cohort")
    assert column_titles(incubator, "idea") == ["First", "Second"]
    assert column_titles(incubator, "testing") == ["Testing one"]


def test_moving_a_card_changes_the_stage_records_why_and_puts_it_last_in_the_column(incubator, facilitator):
    join(incubator, IdeaFactory(title="Already testing", stage=stage("testing")), position=7)
    idea = IdeaFactory(title="Dogs")
    join(incubator, idea)
    board_card_move(incubator=incubator, idea=idea, stage=stage("testing"), by=facilitator, reason="First visits")
    idea.refresh_from_db()
    assert idea.stage.slug == "testing"
    change = StageChange.objects.filter(idea=idea).latest("created_at")
    assert (change.by, change.reason, change.to_stage.slug) == (facilitator, "First visits", "testing")
    assert CohortMembership.objects.get(idea=idea).board_position == 8
    assert column_titles(incubator, "testing") == ["Already testing", "Dogs"]


def test_moving_to_an_unknown_stage_changes_nothing(incubator, facilitator):
    idea = IdeaFactory()
    join(incubator, idea, position=3)
    with pytest.raises(ValidationError):
        board_card_move(incubator=incubator, idea=idea, stage=99999, by=facilitator)
    idea.refresh_from_db()
    assert idea.stage.slug == "idea"
    assert CohortMembership.objects.get(idea=idea).board_position == 3


def test_an_idea_outside_the_cohort_cannot_be_moved_from_the_board(incubator, facilitator):
    idea = IdeaFactory()
    with pytest.raises(ValidationError):
        board_card_move(incubator=incubator, idea=idea, stage=stage("testing"), by=facilitator)
    idea.refresh_from_db()
    assert idea.stage.slug == "idea"


def test_cards_move_up_and_down_within_their_column(incubator, facilitator):
    a, b, c = IdeaFactory(title="A"), IdeaFactory(title="B"), IdeaFactory(title="C")
    for position, idea in enumerate([a, b, c]):
        join(incubator, idea, position=position * 5)
    board_card_shift(incubator=incubator, idea=c, by=facilitator, offset=-1)
    assert column_titles(incubator, "idea") == ["A", "C", "B"]
    board_card_shift(incubator=incubator, idea=a, by=facilitator, offset=1)
    assert column_titles(incubator, "idea") == ["C", "A", "B"]
    board_card_shift(incubator=incubator, idea=c, by=facilitator, offset=-1)  # already first: stays
    assert column_titles(incubator, "idea") == ["C", "A", "B"]


@pytest.mark.parametrize("role, allowed", [
    ("anonymous", False), ("member", False), ("volunteer", False), ("core_team", False), ("mentor", False),
    ("incubator_facilitator", True), ("other_incubator_facilitator", False), ("hub_admin", True),
])
def test_who_sees_the_board_and_moves_cards(client, incubator, facilitator, role, allowed):
    idea = IdeaFactory()
    join(incubator, idea)
    other = UserFactory()
    IncubatorFactory(facilitators=[other])
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    mentor = UserFactory(is_mentor=True)
    MentorAssignment.objects.create(idea=idea, mentor=mentor)
    user = {"anonymous": AnonymousUser(), "member": UserFactory(), "volunteer": volunteer, "core_team": idea.author,
            "mentor": mentor, "incubator_facilitator": facilitator, "other_incubator_facilitator": other,
            "hub_admin": UserFactory(is_superuser=True)}[role]
    assert user.has_perm("ideas.view_board", incubator) is allowed
    if role != "anonymous":
        client.force_login(user)
    response = client.get(reverse("ideas:board", args=[incubator.slug]))
    assert response.status_code == (200 if allowed else 302 if role == "anonymous" else 403)
    response = client.post(reverse("ideas:board_move", args=[incubator.slug]),
                           {"idea": idea.pk, "stage": stage("testing").pk})
    assert response.status_code == (302 if allowed or role == "anonymous" else 403)
    idea.refresh_from_db()
    assert (idea.stage.slug == "testing") is allowed
    if not allowed:
        with pytest.raises(PermissionDenied):
            board_card_move(incubator=incubator, idea=idea, stage=stage("testing"), by=user)


def test_board_page_shows_cards_with_initiator_mentors_next_milestone_and_supporters(client, incubator, facilitator):
    idea = IdeaFactory(title="Terapihundar", author=UserFactory(name="Ida Initiativ"), support_count=12)
    join(incubator, idea)
    MentorAssignment.objects.create(idea=idea, mentor=UserFactory(name="Mats Mentor"))
    MilestoneFactory(idea=idea, title="Första besöket")
    client.force_login(facilitator)
    html = client.get(reverse("ideas:board", args=[incubator.slug])).content.decode()
    for text in ("Terapihundar", "Ida Initiativ", "Mats Mentor", "Första besöket", "Move to Exploring",
                 "Move to another stage"):
        assert text in html
    assert "Move up" not in html  # the only card in its column


def test_moving_without_javascript_redirects_back_with_the_card_focused(client, incubator, facilitator):
    idea = IdeaFactory(title="Trädplantering")
    join(incubator, idea)
    client.force_login(facilitator)
    response = client.post(reverse("ideas:board_move", args=[incubator.slug]),
                           {"idea": idea.pk, "stage": stage("testing").pk, "reason": "Ready"}, follow=True)
    html = response.content.decode()
    assert f"?moved={idea.pk}#card-{idea.pk}" in response.redirect_chain[0][0]
    assert "Moved “Trädplantering” to Testing" in html
    assert f'id="card-{idea.pk}" tabindex="-1" draggable="true" data-idea="{idea.pk}" aria-labelledby="card-title-{idea.pk}" autofocus' in html


def test_moving_with_htmx_returns_the_board_and_announces_the_move(client, incubator, facilitator):
    idea = IdeaFactory(title="Grannskapscafé")
    join(incubator, idea)
    client.force_login(facilitator)
    response = client.post(reverse("ideas:board_move", args=[incubator.slug]),
                           {"idea": idea.pk, "stage": stage("exploring").pk}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="board"')
    assert 'hx-swap-oob="innerHTML"' in html and "Moved “Grannskapscafé” to Exploring" in html
    assert "data-moved" in html


def test_moving_to_an_unknown_stage_says_so_and_keeps_the_card(client, incubator, facilitator):
    idea = IdeaFactory()
    join(incubator, idea)
    client.force_login(facilitator)
    response = client.post(reverse("ideas:board_move", args=[incubator.slug]),
                           {"idea": idea.pk, "stage": 99999}, HTTP_HX_REQUEST="true")
    assert "There is no such stage." in response.content.decode()
    idea.refresh_from_db()
    assert idea.stage.slug == "idea"


def test_moving_a_card_up_by_form(client, incubator, facilitator):
    first, second = IdeaFactory(title="One"), IdeaFactory(title="Two")
    join(incubator, first, 0)
    join(incubator, second, 1)
    client.force_login(facilitator)
    client.post(reverse("ideas:board_move", args=[incubator.slug]), {"idea": second.pk, "direction": "up"})
    assert column_titles(incubator, "idea") == ["Two", "One"]


def _fill(incubator, count):
    for n in range(count):
        idea = IdeaFactory(stage=stage(["idea", "exploring", "testing"][n % 3]))
        join(incubator, idea, n)
        MentorAssignment.objects.create(idea=idea, mentor=UserFactory())
        MilestoneFactory(idea=idea)
        TeamMemberFactory(idea=idea)


def test_board_page_takes_the_same_few_queries_for_5_and_30_cards(client, django_assert_max_num_queries,
                                                                     incubator, facilitator):
    client.force_login(facilitator)
    url = reverse("ideas:board", args=[incubator.slug])
    counts = {}
    for total, add in ((5, 5), (30, 25)):
        _fill(incubator, add)
        client.get(url)  # the hub settings and the unread count are cached after the first page
        with django_assert_max_num_queries(10) as queries:
            response = client.get(url)
        assert response.content.decode().count('class="board-card"') == total
        counts[total] = len(queries)
    assert counts[5] == counts[30]

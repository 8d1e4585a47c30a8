"""Who may support, comment on, follow and moderate ideas: role × visibility × draft/published/hidden, asked of the
rules and of the pages (HTTP status)."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, MentorAssignment, TeamMember
from samskap.ideas.tests.factories import IdeaFactory, IncubatorFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "volunteer", "core_team", "mentor", "incubator_facilitator", "hub_facilitator",
         "hub_admin"]
STATES = ["public", "members", "team", "draft", "hidden"]

# Which of the published, shown ideas each role may take part in (comment, follow); supporting excludes the team.
TAKES_PART = {
    "anonymous": set(),
    "member": {"public", "members"},
    "volunteer": {"public", "members", "team"},
    "core_team": {"public", "members", "team"},
    "mentor": {"public", "members", "team"},
    "incubator_facilitator": {"public", "members", "team"},
    "hub_facilitator": {"public", "members", "team"},
    "hub_admin": {"public", "members", "team"},
}
SUPPORTS = {role: set() if role in ("volunteer", "core_team") else states for role, states in TAKES_PART.items()}
# Who sees the idea at all (else 404): drafts the team and hub admins; hidden ideas the team and the moderators.
SEES = {
    "anonymous": {"public"},
    "member": {"public", "members"},
    "volunteer": set(STATES),
    "core_team": set(STATES),
    "mentor": {"public", "members", "team"},
    "incubator_facilitator": {"public", "members", "team"},
    "hub_facilitator": {"public", "members", "team", "hidden"},
    "hub_admin": set(STATES),
}
MODERATES = {"hub_facilitator", "hub_admin"}


@pytest.fixture
def world():
    users = {"anonymous": AnonymousUser(), "member": UserFactory(), "volunteer": UserFactory(),
             "core_team": UserFactory(), "mentor": UserFactory(is_mentor=True),
             "incubator_facilitator": UserFactory(), "hub_facilitator": UserFactory(is_facilitator=True),
             "hub_admin": UserFactory(is_superuser=True, is_staff=True)}
    incubator = IncubatorFactory(facilitators=[users["incubator_facilitator"]])
    ideas = {
        "public": IdeaFactory(),
        "members": IdeaFactory(visibility="members"),
        "team": IdeaFactory(visibility="team"),
        "draft": IdeaFactory(published_at=None),
        "hidden": IdeaFactory(hidden_at=timezone.now(), hidden_reason="Spam"),
    }
    for idea in ideas.values():
        TeamMember.objects.create(idea=idea, user=users["volunteer"], role="volunteer", accepted_at=timezone.now())
        TeamMember.objects.create(idea=idea, user=users["core_team"], role="co_founder", accepted_at=timezone.now())
        MentorAssignment.objects.create(idea=idea, mentor=users["mentor"])
        CohortMembership.objects.create(incubator=incubator, idea=idea)
    return users, ideas


def _expected_status(role: str, state: str, allowed: bool) -> int:
    if role == "anonymous":
        return 302  # to the log-in page
    if state not in SEES[role]:
        return 404
    return 302 if allowed else 403


@pytest.mark.parametrize("perm, allowed", [("ideas.support_idea", SUPPORTS), ("ideas.comment_idea", TAKES_PART),
                                           ("ideas.follow_idea", TAKES_PART)])
def test_the_rules_over_roles_visibility_and_state(world, perm, allowed):
    users, ideas = world
    wrong = []
    for role in ROLES:
        for state in STATES:
            expected = state in allowed[role]
            if rules.has_perm(perm, users[role], ideas[state]) != expected:
                wrong.append(f"{role} × {state}: expected {expected}")
            # user.has_perm agrees, except that Django lets a superuser pass everything.
            if role != "hub_admin" and users[role].has_perm(perm, ideas[state]) != expected:
                wrong.append(f"{role} × {state} (user.has_perm): expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_only_hub_admins_and_facilitators_moderate(world):
    users, _ideas = world
    assert {role for role in ROLES if rules.has_perm("ideas.moderate", users[role])} == MODERATES


def _statuses(client, users, ideas, url_name: str, data: dict, allowed: dict) -> list[str]:
    wrong = []
    for role in ROLES:
        if role == "anonymous":
            client.logout()
        else:
            client.force_login(users[role])
        for state in STATES:
            response = client.post(reverse(url_name, args=[ideas[state].pk]), data)
            expected = _expected_status(role, state, state in allowed[role])
            if response.status_code != expected:
                wrong.append(f"{role} × {state}: {response.status_code}, expected {expected}")
            elif role == "anonymous":
                assert "/login/" in response.url
    return wrong


def test_supporting_through_the_page_over_roles_and_states(client, world):
    users, ideas = world
    wrong = _statuses(client, users, ideas, "ideas:idea_support", {"action": "support"}, SUPPORTS)
    assert not wrong, "\n".join(wrong)
    ideas["public"].refresh_from_db()
    assert ideas["public"].support_count == len([r for r in ROLES if "public" in SUPPORTS[r]])


def test_commenting_through_the_page_over_roles_and_states(client, world):
    users, ideas = world
    wrong = _statuses(client, users, ideas, "ideas:idea_comment", {"body": "Hej!", "website": ""}, TAKES_PART)
    assert not wrong, "\n".join(wrong)


def test_following_through_the_page_over_roles_and_states(client, world):
    users, ideas = world
    wrong = _statuses(client, users, ideas, "ideas:idea_follow", {"action": "follow"}, TAKES_PART)
    assert not wrong, "\n".join(wrong)


def test_the_moderation_queue_over_roles(client, world):
    users, _ideas = world
    for role in ROLES:
        if role == "anonymous":
            client.logout()
        else:
            client.force_login(users[role])
        status = client.get(reverse("ideas:moderation")).status_code
        assert status == (302 if role == "anonymous" else 200 if role in MODERATES else 403), role

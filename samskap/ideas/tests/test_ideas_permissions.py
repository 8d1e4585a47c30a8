"""Who sees, edits, publishes and deletes an idea: role × state/visibility, asked of `has_perm` and of the pages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, Idea
from samskap.ideas.tests.factories import IdeaFactory, IncubatorFactory, MentorAssignmentFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "volunteer", "co_founder", "initiator", "mentor", "facilitator", "hub_admin"]
STATES = ["public", "members", "team", "draft", "hidden"]

# Who may see the idea's page, by state (the order of ROLES).
VIEW = {
    "public": [1, 1, 1, 1, 1, 1, 1, 1],
    "members": [0, 1, 1, 1, 1, 1, 1, 1],
    "team": [0, 0, 1, 1, 1, 1, 1, 1],
    "draft": [0, 0, 1, 1, 1, 0, 0, 1],
    "hidden": [0, 0, 1, 1, 1, 0, 0, 1],
}
# Editing and deleting: the core team and hub admins, in every state.
CHANGE = [0, 0, 0, 1, 1, 0, 0, 1]


def idea_in(state: str) -> Idea:
    fields = {"public": {}, "members": {"visibility": "members"}, "team": {"visibility": "team"},
              "draft": {"published_at": None}, "hidden": {"hidden_at": timezone.now(), "hidden_reason": "Spam"}}[state]
    return IdeaFactory(**fields)


def user_for(role: str, idea: Idea):
    if role == "anonymous":
        return AnonymousUser()
    if role == "initiator":
        return idea.author
    if role in ("volunteer", "co_founder"):
        return TeamMemberFactory(idea=idea, role=role).user
    if role == "mentor":
        return MentorAssignmentFactory(idea=idea).mentor
    if role == "facilitator":  # of an incubator whose cohort the idea is in
        user = UserFactory()
        CohortMembership.objects.create(incubator=IncubatorFactory(facilitators=[user]), idea=idea)
        return user
    if role == "hub_admin":
        return UserFactory(is_superuser=True, is_staff=True)
    return UserFactory()


def cases():
    for state in STATES:
        for index, role in enumerate(ROLES):
            yield state, role, bool(VIEW[state][index]), bool(CHANGE[index])


@pytest.mark.parametrize(("state", "role", "may_view", "may_change"), list(cases()))
def test_permission_matrix_for_viewing_editing_and_deleting(state, role, may_view, may_change):
    idea = idea_in(state)
    user = user_for(role, idea)
    assert user.has_perm("ideas.view_idea", idea) is may_view
    assert user.has_perm("ideas.change_idea", idea) is may_change
    assert user.has_perm("ideas.delete_idea", idea) is may_change


@pytest.mark.parametrize(("state", "role", "may_view", "may_change"), list(cases()))
def test_the_pages_answer_404_to_whoever_may_not_see_the_idea_and_403_to_who_may_not_change_it(
        client, state, role, may_view, may_change):
    idea = idea_in(state)
    user = user_for(role, idea)
    if role != "anonymous":
        client.force_login(user)
    assert client.get(f"/ideas/{idea.pk}/").status_code == (200 if may_view else 404)
    for path in (f"/ideas/{idea.pk}/edit/", f"/ideas/{idea.pk}/delete/"):
        status = client.get(path).status_code
        if role == "anonymous":
            assert status == 302
        else:
            assert status == (200 if may_change else 403 if may_view else 404), path
    publish = client.post(f"/ideas/{idea.pk}/publish/").status_code
    if role == "anonymous":
        assert publish == 302
    elif not may_change:
        assert publish == (403 if may_view else 404)


def test_only_members_may_submit_an_idea(client):
    assert AnonymousUser().has_perm("ideas.add_idea") is False
    assert client.get("/ideas/new/").status_code == 302
    member = UserFactory()
    assert member.has_perm("ideas.add_idea") is True
    client.force_login(member)
    assert client.get("/ideas/new/").status_code == 200
    member.is_active = False
    assert member.has_perm("ideas.add_idea") is False

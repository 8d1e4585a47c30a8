"""Who may see, post and change a challenge: role × owner × hidden, by the rules and by the pages' answers."""

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.ideas.tests.factories import ChallengeFactory, IdeaFactory, IncubatorFactory, people_around

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "team_volunteer", "core_team", "mentor", "incubator_facilitator", "facilitator",
         "organisation_member", "creator", "hub_admin"]


def setting(owner: str, hidden: bool):
    organisation = OrganisationFactory() if owner == "organisation" else None
    challenge = ChallengeFactory(organisation=organisation,
                                 hidden_at=timezone.now() if hidden else None, hidden_reason="Spam" if hidden else "")
    idea = IdeaFactory(challenge=challenge)
    users = {**people_around(idea, in_cohort=False), "organisation_member": UserFactory(),
             "creator": challenge.created_by}
    IncubatorFactory(facilitators=[users["incubator_facilitator"]])
    if organisation:
        MembershipFactory(organisation=organisation, user=users["organisation_member"])
    return challenge, users


OWNER_SIDE = {
    "hub": {"creator", "facilitator", "hub_admin"},
    "organisation": {"creator", "organisation_member", "hub_admin"},
}


@pytest.mark.parametrize("owner", ["hub", "organisation"])
@pytest.mark.parametrize("hidden", [False, True])
def test_the_permission_matrix_over_role_owner_and_hidden(owner, hidden):
    challenge, users = setting(owner, hidden)
    for role in ROLES:
        user = users[role]
        may_change = role in OWNER_SIDE[owner]
        assert user.has_perm("ideas.change_challenge", challenge) is may_change, (role, "change")
        assert user.has_perm("ideas.view_challenge", challenge) is (not hidden or may_change), (role, "view")
        assert user.has_perm("ideas.add_challenge") is (role != "anonymous"), (role, "add")


@pytest.mark.parametrize("owner", ["hub", "organisation"])
@pytest.mark.parametrize("hidden", [False, True])
def test_the_pages_answer_each_role_as_the_rules_say(client, owner, hidden):
    challenge, users = setting(owner, hidden)
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        may_change = role in OWNER_SIDE[owner]
        page = client.get(f"/challenges/{challenge.pk}/")
        assert page.status_code == (200 if not hidden or may_change else 404), role
        for path in (f"/challenges/{challenge.pk}/edit/", f"/challenges/{challenge.pk}/tree/"):
            status = client.get(path).status_code
            if role == "anonymous":
                assert status == 302, (role, path)
            else:
                assert status == (200 if may_change else 403 if not hidden else 404), (role, path)
        node_post = client.post(f"/challenges/{challenge.pk}/tree/add/cause/", {"cause-text": "Ny orsak"})
        if role == "anonymous":
            assert node_post.status_code == 302
        elif not may_change:
            assert node_post.status_code in (403, 404)
    assert challenge.tree_nodes.count() == len(OWNER_SIDE[owner])


@pytest.mark.parametrize("role", ["anonymous", "member", "facilitator", "hub_admin"])
def test_the_form_for_a_new_challenge_is_for_members(client, role):
    if role != "anonymous":
        client.force_login(UserFactory(is_facilitator=role == "facilitator", is_superuser=role == "hub_admin"))
    response = client.get("/challenges/new/")
    assert response.status_code == (302 if role == "anonymous" else 200)
    if role != "anonymous":
        offers_hub = '<option value="hub"' in response.content.decode()
        assert offers_hub is (role in ("facilitator", "hub_admin"))

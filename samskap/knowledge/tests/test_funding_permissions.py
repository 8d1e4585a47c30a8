"""Role x action matrix for funding calls, published and hidden, asked of the rules and over HTTP.

Roles: "anonymous", "member" (any signed-in person), "funder_member" (an active member of the call's funder),
"funder_admin" (its admin), "facilitator" and "hub_admin" (the curators).
"""

from datetime import timedelta

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.knowledge.models import FundingCall
from samskap.knowledge.tests.factories import FundingCallFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "funder_member", "funder_admin", "facilitator", "hub_admin"]
RUN = {"funder_member", "funder_admin", "facilitator", "hub_admin"}
EXPECTED = {
    # action: {state: roles allowed}
    "knowledge.view_fundingcall": {"published": set(ROLES), "hidden": RUN},
    "knowledge.change_fundingcall": {"published": RUN, "hidden": RUN},
    "knowledge.delete_fundingcall": {"published": RUN, "hidden": RUN},
}
MAY_ADD = set(ROLES) - {"anonymous"}


def user_and_call(role: str, state: str):
    funder = OrganisationFactory(kind="funder")
    call = FundingCallFactory(funder=funder, is_published=state == "published")
    if role == "anonymous":
        return AnonymousUser(), call
    user = UserFactory(is_facilitator=role == "facilitator", is_superuser=role == "hub_admin",
                       is_staff=role == "hub_admin")
    if role in ("funder_member", "funder_admin"):
        MembershipFactory(organisation=funder, user=user,
                          role=Membership.Role.ADMIN if role == "funder_admin" else Membership.Role.MEMBER)
    elif role == "member":  # a member of some other organisation, and one who only asked to join the funder
        MembershipFactory(organisation=OrganisationFactory(), user=user, role=Membership.Role.ADMIN)
        MembershipFactory(organisation=funder, user=user, status=Membership.Status.REQUESTED)
    return user, call


def test_the_matrix_covers_every_funding_call_permission():
    registered = {name for name in rules.permissions.permissions if name.endswith("_fundingcall")}
    assert registered == set(EXPECTED) | {"knowledge.add_fundingcall"}


@pytest.mark.parametrize("state", ["published", "hidden"])
@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_exactly_its_funding_call_actions(role, action, state):
    user, call = user_and_call(role, state)
    allowed = role in EXPECTED[action][state]
    assert user.has_perm(action, call) is allowed
    # The rule itself agrees (no superuser shortcut hides a wrong predicate).
    assert rules.has_perm(action, user, call) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_every_member_may_add_a_funding_call(role):
    user, _call = user_and_call(role, "published")
    assert user.has_perm("knowledge.add_fundingcall") is (role in MAY_ADD)
    assert rules.has_perm("knowledge.add_fundingcall", user) is (role in MAY_ADD)


# Over HTTP ---------------------------------------------------------------------------------------

def log_in(client, user) -> None:
    if user.is_authenticated:
        client.force_login(user)


@pytest.mark.parametrize("state", ["published", "hidden"])
@pytest.mark.parametrize("role", ROLES)
def test_the_pages_let_each_role_do_exactly_its_actions(client, role, state):
    user, call = user_and_call(role, state)
    log_in(client, user)
    may_view = role in EXPECTED["knowledge.view_fundingcall"][state]
    may_change = role in EXPECTED["knowledge.change_fundingcall"][state]
    may_delete = role in EXPECTED["knowledge.delete_fundingcall"][state]
    hidden_away = 404  # a call one may not see is not there

    view = client.get(call.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert view.status_code == (200 if may_view else hidden_away)
    ical = client.get(f"/funding/{call.slug}/deadlines.ics")
    assert ical.status_code == (200 if may_view else hidden_away)
    if may_view:
        html = view.content.decode()
        assert (f'href="/funding/{call.slug}/edit/"' in html) is may_change
        assert (f'href="/funding/{call.slug}/delete/"' in html) is may_delete

    def expected(allowed: bool) -> int:
        if role == "anonymous":
            return 302  # to the log-in
        if not may_view:
            return hidden_away
        return 200 if allowed else 403

    assert client.get(f"/funding/{call.slug}/edit/").status_code == expected(may_change)
    assert client.get(f"/funding/{call.slug}/delete/").status_code == expected(may_delete)

    publish = client.post(f"/funding/{call.slug}/published/", {"published": "0" if state == "published" else "1"})
    assert publish.status_code == (302 if may_change or role == "anonymous" else expected(False))
    call.refresh_from_db()
    assert call.is_published == ((state == "published") != may_change)

    delete = client.post(f"/funding/{call.slug}/delete/")
    assert delete.status_code == (302 if may_delete or role == "anonymous" else expected(False))
    assert FundingCall.objects.filter(pk=call.pk).exists() is not may_delete


@pytest.mark.parametrize("role", ROLES)
def test_the_new_call_page_is_for_members_and_anyone_else_is_asked_to_log_in(client, role):
    user, _call = user_and_call(role, "published")
    log_in(client, user)
    response = client.get("/funding/new/", HTTP_ACCEPT_LANGUAGE="en")
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 200


def test_a_hidden_call_is_left_out_of_every_list_and_feed_for_those_who_may_not_see_it(client):
    FundingCallFactory(title="Secret call", is_published=False, next_deadline=timezone.now() + timedelta(days=3))
    client.force_login(UserFactory())
    for url in ("/funding/", "/funding/closing-soon/", "/funding/deadlines.ics", "/funding/?closed=on"):
        assert "Secret call" not in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode(), url

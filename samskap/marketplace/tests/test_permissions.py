"""Role x ad state x action matrix for the marketplace, checked with the rules and with the answer each page gives.

Roles: "owner" posted the ad for their organisation; "organisation_member" is another active member of that
organisation (the owner side too); "respondent" replied to the ad (the conversation checked is theirs);
"other_member" replied too, in a conversation of their own; "member" has nothing to do with the ad.
States: open, matched, closed, expired, and hidden (an open ad a moderator hid).

The rules are asked directly (`rules.has_perm`): Django lets an active superuser pass every `user.has_perm`,
so a hub admin's `user.has_perm("marketplace.view_conversation", …)` is True although the rule says no; the
conversation pages therefore find conversations through the parties (samskap.marketplace.selectors_conversations),
as the HTTP half of this matrix shows.
"""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.marketplace.services_moderation import may_report_ad

from .factories import AdFactory, ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "owner", "organisation_member", "respondent", "other_member", "hub_admin"]
STATES = ["open", "matched", "closed", "expired", "hidden"]
EVERYONE = set(ROLES)
MEMBERS = EVERYONE - {"anonymous"}
OWNER_SIDE = {"owner", "organisation_member"}
NOT_OWNER_SIDE = MEMBERS - OWNER_SIDE
PARTIES = {"owner", "respondent"}


def _by_state(public: set, rest: set) -> dict:
    return {"open": public, "matched": public, "closed": rest, "expired": rest, "hidden": rest}


EXPECTED = {
    # action: {state: roles allowed}
    "view": _by_state(EVERYONE, OWNER_SIDE | {"hub_admin"}),
    "change": _by_state(OWNER_SIDE, OWNER_SIDE),
    "reply": {"open": NOT_OWNER_SIDE, "matched": set(), "closed": set(), "expired": set(), "hidden": set()},
    # Reporting needs seeing the ad, and not being its owner side (a hidden ad is then refused as hidden).
    "report": _by_state(NOT_OWNER_SIDE, {"hub_admin"}),
    "moderate": _by_state({"hub_admin"}, {"hub_admin"}),
    # Only the two parties, whatever the ad's state: not the owner's colleagues, not the hub admins.
    "view_conversation": _by_state(PARTIES, PARTIES),
    "send_message": _by_state(PARTIES, PARTIES),
}
RULES = {"view": "marketplace.view_ad", "change": "marketplace.change_ad", "reply": "marketplace.reply_ad",
         "moderate": "marketplace.moderate", "view_conversation": "marketplace.view_conversation",
         "send_message": "marketplace.send_message"}


class World:
    def __init__(self, state: str):
        organisation = OrganisationFactory()
        owner = UserFactory()
        MembershipFactory(organisation=organisation, user=owner)
        fields = {"status": state} if state != "hidden" else {"hidden_at": timezone.now(), "hidden_reason": "Spam"}
        self.ad = AdFactory(owner=owner, organisation=organisation, **fields)
        self.conversation = ConversationFactory(ad=self.ad)
        self.message = MessageFactory(conversation=self.conversation)
        other = ConversationFactory(ad=self.ad)
        self.users = {
            "anonymous": AnonymousUser(),
            "member": UserFactory(),
            "owner": owner,
            "organisation_member": MembershipFactory(organisation=organisation).user,
            "respondent": self.conversation.respondent,
            "other_member": other.respondent,
            "hub_admin": UserFactory(is_superuser=True, is_staff=True),
        }

    def allowed(self, action: str, user) -> bool:
        if action == "report":
            return may_report_ad(user, self.ad)
        if action == "moderate":
            return rules.has_perm(RULES[action], user)
        target = self.conversation if action in ("view_conversation", "send_message") else self.ad
        return rules.has_perm(RULES[action], user, target)


def test_the_matrix_covers_every_marketplace_permission():
    registered = {name for name in rules.permissions.permissions if name.startswith("marketplace.")}
    assert registered == set(RULES.values()) | {"marketplace.add_ad", "marketplace.report"}


def test_any_member_may_post_and_report_and_visitors_may_not():
    for rule in ("marketplace.add_ad", "marketplace.report"):
        assert not rules.has_perm(rule, AnonymousUser())
        assert rules.has_perm(rule, UserFactory())
        assert not rules.has_perm(rule, UserFactory(is_active=False))


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_each_role_may_do_what_the_matrix_says(action, state):
    world = World(state)

    allowed = {role for role, user in world.users.items() if world.allowed(action, user)}

    assert allowed == EXPECTED[action][state]


@pytest.mark.parametrize("state", STATES)
def test_members_user_has_perm_agrees_with_the_rules(state):
    """For everyone but superusers, `user.has_perm` (what the pages call) answers as the rules do."""
    world = World(state)
    for role, user in world.users.items():
        if role in ("anonymous", "hub_admin"):
            continue
        for action, rule in RULES.items():
            target = None if action == "moderate" else (
                world.conversation if action in ("view_conversation", "send_message") else world.ad)
            assert user.has_perm(rule, target) == rules.has_perm(rule, user, target), (role, action)


def _status(user, url: str) -> int:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user.is_authenticated:
        client.force_login(user)
    return client.get(url).status_code


PAGES = {
    # action: (URL for the world, statuses that mean "refused" besides a redirect to log in)
    "view": (lambda world: world.ad.get_absolute_url(), {404, 410}),
    "change": (lambda world: reverse("marketplace:ad_edit", args=[world.ad.pk]), {403, 404}),
    "report": (lambda world: reverse("marketplace:report_ad", args=[world.ad.pk]), {403, 404}),
    "moderate": (lambda world: reverse("marketplace:moderation"), {403}),
    "view_conversation": (lambda world: world.conversation.get_absolute_url(), {404}),
}


# The edit page asks `request.user.has_perm`, which Django grants a superuser whatever the rule says: hub admins
# may open any ad's edit page (and, through the same check in the services, change it).
PAGES_BEYOND_THE_RULES = {"change": {"hub_admin"}}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", sorted(PAGES))
def test_each_page_answers_as_the_matrix_says(action, state):
    world = World(state)
    url_for, refused = PAGES[action]
    url = url_for(world)

    answers = {role: _status(user, url) for role, user in world.users.items()}

    allowed = {role for role, status in answers.items() if status == 200}
    assert allowed == EXPECTED[action][state] | PAGES_BEYOND_THE_RULES.get(action, set()), answers
    for role, status in answers.items():
        if role not in allowed:
            assert status in refused | ({302} if role == "anonymous" else set()), (role, status)


@pytest.mark.parametrize("state", STATES)
def test_only_the_parties_may_report_a_message_in_their_conversation(state):
    world = World(state)
    url = reverse("marketplace:report_message", args=[world.conversation.pk, world.message.pk])

    answers = {role: _status(user, url) for role, user in world.users.items()}

    # The respondent sent the message: only the owner may report it; everyone else does not find it.
    assert {role for role, status in answers.items() if status == 200} == {"owner"}
    assert answers["respondent"] == 403 and answers["anonymous"] == 302
    assert {answers[role] for role in ("member", "organisation_member", "other_member", "hub_admin")} == {404}

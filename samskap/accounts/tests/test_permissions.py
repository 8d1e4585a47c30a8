"""Role x action matrix for accounts: what each role may do with its own and another person's profile."""

import pytest
import rules

from samskap.accounts.models import Visibility

from .factories import ROLES, UserFactory, make_user_for_role

pytestmark = pytest.mark.django_db

OWN_ACTIONS = ["accounts.change_profile", "accounts.delete_account", "accounts.manage_api_tokens"]


@pytest.mark.parametrize("action", OWN_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_only_the_owner_and_hub_admins_may_act_on_a_profile(role, action):
    someone = UserFactory()
    user = make_user_for_role(role)
    assert user.has_perm(action, someone) is (role == "hub_admin")
    if role != "anonymous":
        assert user.has_perm(action, user) is True


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_contact_details_by_role_and_visibility(role, visibility):
    owner = UserFactory(email_visibility=visibility, phone_visibility=visibility)
    user = make_user_for_role(role)
    expected = visibility == Visibility.PUBLIC or (visibility == Visibility.MEMBERS and role != "anonymous")
    # Pages ask the rule directly, so "only me" holds for hub admins too (they have Django's admin for raw data).
    assert rules.has_perm("accounts.view_email", user, owner) is expected
    assert rules.has_perm("accounts.view_phone", user, owner) is expected


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_view_a_profile(role):
    assert make_user_for_role(role).has_perm("accounts.view_profile", UserFactory())

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
def test_everyone_may_view_the_profile_of_a_person_listed_in_the_directory(role):
    assert make_user_for_role(role).has_perm("accounts.view_profile", UserFactory(listed_in_directory=True))


@pytest.mark.parametrize("role", ROLES)
def test_only_members_may_view_the_profile_of_a_person_not_listed_in_the_directory(role):
    unlisted = UserFactory(listed_in_directory=False)
    assert rules.has_perm("accounts.view_profile", make_user_for_role(role), unlisted) is (role != "anonymous")
    assert rules.has_perm("accounts.view_profile", unlisted, unlisted)


@pytest.mark.parametrize("role", ROLES)
def test_directory_details_are_shown_only_with_consent_or_to_the_person_themself(role):
    user = make_user_for_role(role)
    # The rule itself: a hub admin's superuser status does not override a person's choice on pages.
    assert rules.has_perm("accounts.view_directory_details", user, UserFactory(listed_in_directory=True))
    assert not rules.has_perm("accounts.view_directory_details", user, UserFactory(listed_in_directory=False))
    if role != "anonymous":
        assert rules.has_perm("accounts.view_directory_details", user, user)

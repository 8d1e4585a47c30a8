"""Role x action matrix for organisations. "organisation_admin" is an active admin of THE organisation."""

import pytest
import rules

from samskap.accounts.models import Visibility
from samskap.accounts.tests.factories import ROLES, UserFactory, make_user_for_role
from samskap.actors.models import Membership

from .factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def user_and_organisation(role: str, **organisation_fields):
    organisation = OrganisationFactory(**organisation_fields)
    user = make_user_for_role(role)
    if role == "organisation_admin":
        MembershipFactory(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    return user, organisation


EXPECTED = {
    # action: roles allowed
    "actors.view_organisation": set(ROLES),
    "actors.add_organisation": set(ROLES) - {"anonymous"},
    "actors.join_organisation": set(ROLES) - {"anonymous"},
    "actors.change_organisation": {"organisation_admin", "hub_admin"},
    "actors.manage_members": {"organisation_admin", "hub_admin"},
    "actors.verify_organisation": {"hub_admin"},
    "actors.merge_organisation": {"hub_admin"},
}


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_exactly_its_organisation_actions(role, action):
    user, organisation = user_and_organisation(role)
    assert user.has_perm(action, organisation) is (role in EXPECTED[action])
    # The rule itself agrees (no superuser shortcut hides a wrong predicate).
    assert rules.has_perm(action, user, organisation) is (role in EXPECTED[action])


@pytest.mark.parametrize("action", ["actors.change_organisation", "actors.manage_members"])
@pytest.mark.parametrize("status", [Membership.Status.REQUESTED, Membership.Status.INVITED])
def test_an_admin_role_that_is_not_yet_active_gives_no_rights(action, status):
    organisation = OrganisationFactory()
    user = UserFactory()
    MembershipFactory(organisation=organisation, user=user, role=Membership.Role.ADMIN, status=status)
    assert not user.has_perm(action, organisation)


@pytest.mark.parametrize("role_in_org", [Membership.Role.MEMBER, Membership.Role.CONTACT])
def test_members_and_contact_persons_do_not_manage_the_organisation(role_in_org):
    organisation = OrganisationFactory()
    user = UserFactory()
    MembershipFactory(organisation=organisation, user=user, role=role_in_org)
    assert not user.has_perm("actors.change_organisation", organisation)
    assert not user.has_perm("actors.manage_members", organisation)


def test_admins_of_another_organisation_do_not_manage_this_one():
    user = UserFactory()
    OrganisationFactory(admins=[user])
    assert not user.has_perm("actors.change_organisation", OrganisationFactory())


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_an_organisations_contact_details_by_role_and_visibility(role, visibility):
    user, organisation = user_and_organisation(role, email_visibility=visibility, phone_visibility=visibility)
    expected = (
        visibility == Visibility.PUBLIC
        or (visibility == Visibility.MEMBERS and role != "anonymous")
        # "Only me" for an organisation means its admins; hub admins use Django's admin for raw data.
        or (visibility == Visibility.ONLY_ME and role == "organisation_admin")
    )
    assert rules.has_perm("actors.view_organisation_email", user, organisation) is expected
    assert rules.has_perm("actors.view_organisation_phone", user, organisation) is expected
    assert rules.has_perm("actors.view_organisation_contact", user, organisation) is expected

"""Role x action matrix for the platform's hub-wide rights."""

import pytest

from samskap.accounts.tests.factories import ROLES, make_user_for_role

pytestmark = pytest.mark.django_db

ALLOWED = {
    "core.change_hubsettings": {"hub_admin"},
    "core.access_admin": {"hub_admin"},
}


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_hub_wide_rights_by_role(role, action):
    user = make_user_for_role(role)
    assert user.has_perm(action) is (role in ALLOWED[action])


def test_a_deactivated_hub_admin_loses_every_right():
    admin = make_user_for_role("hub_admin")
    admin.is_active = False
    assert not admin.has_perm("core.change_hubsettings")

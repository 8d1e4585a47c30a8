"""Who may search people and run local groups. Tested as role x action matrices in tests/test_groups.py."""

import rules

from samskap.core.permissions import is_facilitator, is_hub_admin, is_member


@rules.predicate
def is_group_member(user, group) -> bool:
    if group is None or not user.is_authenticated:
        return False
    return group.group_memberships.filter(user=user).exists()


@rules.predicate
def is_group_contact(user, group) -> bool:
    if group is None or not user.is_authenticated:
        return False
    return group.group_memberships.filter(user=user, role="contact").exists()


runs_groups = is_facilitator | is_hub_admin

# The people directory and its search are for members; single profiles follow accounts.view_profile.
rules.add_perm("actors.search_people", is_member)

rules.add_perm("actors.view_localgroup", rules.always_allow)
rules.add_perm("actors.add_localgroup", runs_groups)
rules.add_perm("actors.change_localgroup", runs_groups)
rules.add_perm("actors.set_group_contacts", runs_groups)
rules.add_perm("actors.join_localgroup", is_member & ~is_group_member)
rules.add_perm("actors.leave_localgroup", is_member & is_group_member)

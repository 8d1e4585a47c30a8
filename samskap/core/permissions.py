"""Hub-wide role predicates. Every app builds its rules from these."""

import rules


@rules.predicate
def is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def is_hub_admin(user) -> bool:
    return is_member(user) and user.is_superuser


@rules.predicate
def is_facilitator(user) -> bool:
    return is_member(user) and getattr(user, "is_facilitator", False)


@rules.predicate
def is_mentor(user) -> bool:
    return is_member(user) and getattr(user, "is_mentor", False)


rules.add_perm("core.change_hubsettings", is_hub_admin)
rules.add_perm("core.access_admin", is_hub_admin)
# Added by the API helper (PATCH /api/v1/themes/{slug}): hub admins rename themes, as in the admin.
rules.add_perm("core.change_theme", is_hub_admin)

"""Who may do what in the organisation directory. Tested as a role x action matrix."""

import rules

from samskap.accounts.models import Visibility
from samskap.core.permissions import is_hub_admin, is_member

MEMBERSHIP_CACHE = "_membership_by_user"


def membership_of(user, organisation):
    """Return `user`'s membership of `organisation` (any status) or None, asking the database once per pair.

    Selectors that already loaded the memberships fill the cache (see `remember_memberships`), so a page
    that checks several rights runs no query for them.
    """
    if organisation is None or not getattr(user, "is_authenticated", False):
        return None
    cache = organisation.__dict__.setdefault(MEMBERSHIP_CACHE, {})
    if user.pk not in cache:
        from .models import Membership

        cache[user.pk] = Membership.objects.filter(organisation=organisation, user=user).first()
    return cache[user.pk]


def remember_memberships(organisation, memberships, *, viewer=None) -> None:
    """Fill the per-object membership cache from memberships already loaded; the viewer's is None if absent."""
    cache = organisation.__dict__.setdefault(MEMBERSHIP_CACHE, {})
    if viewer is not None and getattr(viewer, "is_authenticated", False):
        cache.setdefault(viewer.pk, None)
    for membership in memberships:
        if membership.user_id is not None:
            cache[membership.user_id] = membership


def forget_memberships(organisation) -> None:
    organisation.__dict__.pop(MEMBERSHIP_CACHE, None)


@rules.predicate
def is_organisation_admin(user, organisation) -> bool:
    from .models import Membership

    membership = membership_of(user, organisation)
    return bool(membership and membership.status == Membership.Status.ACTIVE and membership.role == Membership.Role.ADMIN)


@rules.predicate
def is_organisation_member(user, organisation) -> bool:
    """An active member in any role (admin, member or contact person)."""
    from .models import Membership

    membership = membership_of(user, organisation)
    return bool(membership and membership.status == Membership.Status.ACTIVE)


def _may_see(visibility_field: str):
    @rules.predicate(name=f"may_see_organisation_{visibility_field}")
    def predicate(user, organisation) -> bool:
        visibility = getattr(organisation, visibility_field)
        if visibility == Visibility.PUBLIC:
            return True
        if visibility == Visibility.MEMBERS:
            return bool(is_member(user))
        # "Only me" for an organisation means its admins.
        return bool(is_member(user) and is_organisation_admin(user, organisation))

    return predicate


may_see_organisation_email = _may_see("email_visibility")
may_see_organisation_phone = _may_see("phone_visibility")
may_manage = is_member & (is_organisation_admin | is_hub_admin)

rules.add_perm("actors.view_organisation", rules.always_allow)
rules.add_perm("actors.add_organisation", is_member)
rules.add_perm("actors.change_organisation", may_manage)
rules.add_perm("actors.manage_members", may_manage)
rules.add_perm("actors.verify_organisation", is_hub_admin)
rules.add_perm("actors.merge_organisation", is_hub_admin)
rules.add_perm("actors.join_organisation", is_member)
# Contact details by the organisation's choice of visibility. Pages ask rules.has_perm (not user.has_perm),
# so a hub admin's superuser status does not override "only the organisation's admins".
rules.add_perm("actors.view_organisation_email", may_see_organisation_email)
rules.add_perm("actors.view_organisation_phone", may_see_organisation_phone)
rules.add_perm("actors.view_organisation_contact", may_see_organisation_email | may_see_organisation_phone)

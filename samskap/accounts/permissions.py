"""Who may do what with accounts and profiles. Tested as a role x action matrix."""

import rules

from samskap.core.permissions import is_member

from .models import Visibility


@rules.predicate
def is_self(user, target) -> bool:
    return bool(target is not None and user.is_authenticated and user.pk == target.pk)


def _may_see(visibility_field: str):
    @rules.predicate(name=f"may_see_{visibility_field}")
    def predicate(user, target) -> bool:
        visibility = getattr(target, visibility_field)
        if visibility == Visibility.PUBLIC:
            return True
        if visibility == Visibility.MEMBERS:
            return bool(is_member(user))
        return bool(is_self(user, target))

    return predicate


@rules.predicate
def is_listed(user, target) -> bool:
    """The person agreed to be shown in the directory (skills, themes, organisations) to anyone."""
    return bool(target is not None and target.is_active and target.listed_in_directory)


may_see_email = _may_see("email_visibility")
may_see_phone = _may_see("phone_visibility")

# A person who has not agreed to the directory is not findable by strangers: visitors get "not found",
# members (who meet them in organisations, groups and events) still see the page without directory details.
rules.add_perm("accounts.view_profile", is_listed | is_member | is_self)
rules.add_perm("accounts.view_directory_details", is_listed | is_self)
rules.add_perm("accounts.view_email", may_see_email | is_self)
rules.add_perm("accounts.view_phone", may_see_phone | is_self)
rules.add_perm("accounts.change_profile", is_member & is_self)
rules.add_perm("accounts.delete_account", is_member & is_self)
rules.add_perm("accounts.manage_api_tokens", is_member & is_self)

"""Every write to local groups: create, edit, join, leave and contact persons."""

from collections.abc import Iterable
from functools import partial

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samskap.accounts.models import User
from samskap.core.models import Place, Theme
from samskap.core.search import search_index_update

from .models import GroupMembership, LocalGroup, Organisation

# Path segments under /groups/ that are pages, not groups.
RESERVED_SLUGS = {"new"}


def _unique_slug(name: str) -> str:
    base = (slugify(name) or "group")[:170]
    taken = set(LocalGroup.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _save(group: LocalGroup, *, name: str, description: str, description_language: str, place: Place | None,
          theme: Theme | None, organisations: Iterable[Organisation] | None) -> None:
    if place is None and theme is None:
        raise ValidationError({"place": _("Choose a place, a theme or both: a local group is for one of them.")})
    group.name = name
    group.description = description
    group.description_language = description_language
    group.place = place
    group.theme = theme
    if not group.slug:
        group.slug = _unique_slug(name)
    group.full_clean()
    group.save()
    if organisations is not None:
        group.organisations.set(organisations)
    transaction.on_commit(partial(search_index_update, kind="group", obj=group))


def group_create(*, by: User, name: str, description: str = "", description_language: str = "sv",
                 place: Place | None = None, theme: Theme | None = None,
                 organisations: Iterable[Organisation] = ()) -> LocalGroup:
    """Create a local group for a place or a theme. Facilitators and hub admins run groups."""
    if not by.has_perm("actors.add_localgroup"):
        raise PermissionDenied
    group = LocalGroup()
    with transaction.atomic():
        _save(group, name=name, description=description, description_language=description_language,
              place=place, theme=theme, organisations=organisations)
    return group


def group_update(*, group: LocalGroup, by: User, name: str, description: str, description_language: str,
                 place: Place | None, theme: Theme | None,
                 organisations: Iterable[Organisation] | None = None) -> LocalGroup:
    """Change a group's name, description, place, theme and linked organisations. Its address stays."""
    if not by.has_perm("actors.change_localgroup", group):
        raise PermissionDenied
    with transaction.atomic():
        _save(group, name=name, description=description, description_language=description_language,
              place=place, theme=theme, organisations=organisations)
    return group


def group_join(*, group: LocalGroup, user: User) -> GroupMembership:
    """Add a member to a group as an ordinary member; joining twice changes nothing."""
    existing = GroupMembership.objects.filter(group=group, user=user).first()
    if existing is not None:
        return existing
    # The rule itself: joining and leaving depend on the person's own membership, which a superuser has or not too.
    if not rules.has_perm("actors.join_localgroup", user, group):
        raise PermissionDenied
    return GroupMembership.objects.create(group=group, user=user, role=GroupMembership.Role.MEMBER)


def group_leave(*, group: LocalGroup, user: User) -> None:
    """Take a member out of a group; a contact person who leaves is no longer its contact."""
    if not rules.has_perm("actors.leave_localgroup", user, group):
        raise PermissionDenied
    GroupMembership.objects.filter(group=group, user=user).delete()


def group_contacts_set(*, group: LocalGroup, contacts: Iterable[User], by: User) -> list[GroupMembership]:
    """Make exactly `contacts` the group's contact persons; every other member becomes an ordinary member.

    Contact persons are chosen among the group's members, who joined it themselves.
    """
    if not by.has_perm("actors.set_group_contacts", group):
        raise PermissionDenied
    contact_ids = {user.pk for user in contacts}
    with transaction.atomic():
        memberships = list(GroupMembership.objects.select_for_update().filter(group=group))
        outsiders = contact_ids - {m.user_id for m in memberships}
        if outsiders:
            raise ValidationError(_("Contact persons must be members of the group."))
        for membership in memberships:
            role = GroupMembership.Role.CONTACT if membership.user_id in contact_ids else GroupMembership.Role.MEMBER
            if membership.role != role:
                membership.role = role
                membership.save(update_fields=["role"])
    return [m for m in memberships if m.role == GroupMembership.Role.CONTACT]

"""Reads for local groups: the list, a group's page with its people and its actors."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from samskap.accounts.models import User

from .models import GroupMembership, LocalGroup, Organisation
from .selectors_people import place_and_below

GroupOrganisations = LocalGroup.organisations.through
AreasServed = Organisation.areas_served.through
OrganisationThemes = Organisation.themes.through
ORGANISATIONS_PER_PAGE = 40


def group_list() -> QuerySet[LocalGroup]:
    """Every group with its place, theme, number of members and contact persons, in three queries."""
    return (
        LocalGroup.objects.select_related("place", "theme")
        .annotate(member_count=Count("group_memberships", filter=Q(group_memberships__user__is_active=True)))
        .prefetch_related(Prefetch(
            "group_memberships",
            queryset=GroupMembership.objects.filter(role=GroupMembership.Role.CONTACT, user__is_active=True)
            .select_related("user").order_by("user__name", "user__pk"),
            to_attr="contacts",
        ))
        .order_by("name", "pk")
    )


def group_get(*, slug: str) -> LocalGroup:
    """The group at `slug`; raises LocalGroup.DoesNotExist."""
    return LocalGroup.objects.select_related("place__parent", "theme").get(slug=slug)


@dataclass
class GroupPeople:
    """Who is in a group, as a page may show them."""

    contacts: list[GroupMembership] = field(default_factory=list)
    listed_members: list[GroupMembership] = field(default_factory=list)
    unlisted_count: int = 0
    viewer_membership: GroupMembership | None = None

    @property
    def member_count(self) -> int:
        return len(self.contacts) + len(self.listed_members) + self.unlisted_count

    @property
    def members(self) -> list[GroupMembership]:
        return self.contacts + self.listed_members


def group_people(*, group: LocalGroup, viewer) -> GroupPeople:
    """Contact persons (a public role), members who agreed to be listed, and how many others there are."""
    memberships = list(
        GroupMembership.objects.filter(group=group, user__is_active=True).select_related("user")
        .order_by("user__name", "user__pk")
    )
    people = GroupPeople()
    for membership in memberships:
        if membership.role == GroupMembership.Role.CONTACT:
            people.contacts.append(membership)
        elif membership.user.listed_in_directory:
            people.listed_members.append(membership)
        else:
            people.unlisted_count += 1
        if getattr(viewer, "is_authenticated", False) and membership.user_id == viewer.pk:
            people.viewer_membership = membership
    return people


def group_members_for_contacts(*, group: LocalGroup) -> QuerySet[User]:
    """The group's active members, from whom facilitators choose contact persons."""
    return User.objects.filter(is_active=True, group_memberships__group=group).order_by("name", "pk")


def group_contact_users(*, group: LocalGroup) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True, group_memberships__group=group, group_memberships__role=GroupMembership.Role.CONTACT
    ).order_by("name", "pk")


def group_organisations(*, group: LocalGroup) -> QuerySet[Organisation]:
    """The group's actors: organisations linked to it, and those at its place (head office or an area
    served, at the place or below) that work with its theme. A group with a place and a theme asks for both."""
    linked = Q(pk__in=GroupOrganisations.objects.filter(localgroup=group).values("organisation_id"))
    matching = Q()
    if group.place_id is not None:
        slug = group.place.slug
        matching &= place_and_below("head_office", slug=slug) | Q(
            pk__in=AreasServed.objects.filter(place_and_below("place", slug=slug)).values("organisation_id")
        )
    if group.theme_id is not None:
        matching &= Q(pk__in=OrganisationThemes.objects.filter(theme_id=group.theme_id).values("organisation_id"))
    wanted = linked | matching if matching else linked
    return (
        Organisation.objects.listed().filter(wanted)
        .select_related("head_office__parent").prefetch_related("themes")
        .order_by("name", "pk")
    )


# --- Added by the API helper for GET /api/v1/groups?q=&place=&theme= (issue 3); fold into group_list freely. ---

def groups_matching(*, q: str = "", place: str = "", theme: str = "") -> QuerySet[LocalGroup]:
    """group_list, narrowed to a name or description containing `q`, a place (slug) or any place
    below it, and a theme (slug)."""
    groups = group_list()
    if q := q.strip():
        groups = groups.filter(Q(name__icontains=q) | Q(description__icontains=q))
    if place:
        groups = groups.filter(place_and_below("place", slug=place))
    if theme:
        groups = groups.filter(theme__slug=theme)
    return groups

# --- end of the API helper's selectors ---

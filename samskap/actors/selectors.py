"""Reads for the organisation directory. Each runs a fixed number of queries, whatever the number of rows."""

from dataclasses import dataclass, field

import rules
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from samskap.core.models import Place, Theme
from samskap.core.selectors import themes_for_filters

from .models import LocalGroup, Membership, Organisation, Partnership
from .permissions import remember_memberships

SORT_ORDERS = {"name": ("name", "pk"), "newest": ("-created_at", "-pk"), "updated": ("-updated_at", "-pk")}
ROLE_ORDER = {Membership.Role.ADMIN: 0, Membership.Role.CONTACT: 1, Membership.Role.MEMBER: 2}

AreasServed = Organisation.areas_served.through
OrganisationThemes = Organisation.themes.through
OfferThemes = Organisation.offer_themes.through
SeekThemes = Organisation.seek_themes.through


def filter_themes() -> list[Theme]:
    return themes_for_filters()


def _places_within(slug: str) -> QuerySet:
    """The place and every place below it (regions hold municipalities, which hold neighbourhoods)."""
    return Place.objects.filter(
        Q(slug=slug) | Q(parent__slug=slug) | Q(parent__parent__slug=slug) | Q(parent__parent__parent__slug=slug)
    ).values("pk")


def _organisations_serving(places: QuerySet) -> QuerySet:
    return AreasServed.objects.filter(place_id__in=places).values("organisation_id")


def organisation_list(*, filters: dict | None = None, sort: str = "name") -> QuerySet[Organisation]:
    """Listed organisations matching `filters` (already validated by OrganisationFilterForm).

    Place filters match the head office or an area served, at the chosen place or below it.
    """
    filters = filters or {}
    organisations = Organisation.objects.listed().select_related("head_office__parent").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug"))
    )
    if query := filters.get("q"):
        organisations = organisations.filter(name__icontains=query)
    for name in ("kind", "sector", "legal_form"):
        if value := filters.get(name):
            organisations = organisations.filter(**{name: value})
    if country := filters.get("country"):
        serving = _organisations_serving(Place.objects.filter(country=country).values("pk"))
        organisations = organisations.filter(Q(country=country) | Q(head_office__country=country) | Q(pk__in=serving))
    if slug := filters.get("place"):
        within = _places_within(slug)
        organisations = organisations.filter(Q(head_office_id__in=within) | Q(pk__in=_organisations_serving(within)))
    if theme := filters.get("theme"):
        organisations = organisations.filter(
            Q(pk__in=OrganisationThemes.objects.filter(theme__slug=theme).values("organisation_id"))
            | Q(pk__in=OfferThemes.objects.filter(theme__slug=theme).values("organisation_id"))
            | Q(pk__in=SeekThemes.objects.filter(theme__slug=theme).values("organisation_id"))
        )
    if filters.get("offers"):
        organisations = organisations.exclude(offers="")
    if filters.get("seeks"):
        organisations = organisations.exclude(seeks="")
    return organisations.order_by(*SORT_ORDERS.get(sort, SORT_ORDERS["name"]))


@dataclass
class OrganisationPage:
    """What the detail page shows, loaded in a fixed number of queries."""

    organisation: Organisation
    themes: list[Theme] = field(default_factory=list)
    offer_themes: list[Theme] = field(default_factory=list)
    seek_themes: list[Theme] = field(default_factory=list)
    areas_served: list[Place] = field(default_factory=list)
    people: list[Membership] = field(default_factory=list)
    local_groups: list[LocalGroup] = field(default_factory=list)
    viewer_membership: Membership | None = None
    contact: dict[str, str] = field(default_factory=dict)


def organisation_get(*, slug: str) -> Organisation:
    """The organisation at `slug`, merged or not (a merged one's page redirects); raises DoesNotExist.

    `has_partnerships` tells the page whether to ask for its partners (most organisations have none)."""
    partnerships = Partnership.objects.filter(Q(organisation_a_id=OuterRef("pk")) | Q(organisation_b_id=OuterRef("pk")))
    return (Organisation.objects.select_related("head_office__parent", "merged_into")
            .annotate(has_partnerships=Exists(partnerships)).get(slug=slug))


def organisation_contact_for(*, organisation: Organisation, viewer) -> dict[str, str]:
    """The contact details `viewer` may see, by the organisation's choice of visibility."""
    # The rule itself, not user.has_perm: a superuser must not override "only the organisation's admins".
    contact = {}
    if organisation.website:
        contact["website"] = organisation.website
    if organisation.email and rules.has_perm("actors.view_organisation_email", viewer, organisation):
        contact["email"] = organisation.email
    if organisation.phone and rules.has_perm("actors.view_organisation_phone", viewer, organisation):
        contact["phone"] = organisation.phone
    return contact


def organisation_page(*, organisation: Organisation, viewer) -> OrganisationPage:
    """Themes (one query for all three kinds), areas, people, local groups and the viewer's membership."""
    pk = organisation.pk
    themes = list(
        Theme.objects.filter(
            Q(pk__in=OrganisationThemes.objects.filter(organisation_id=pk).values("theme_id"))
            | Q(pk__in=OfferThemes.objects.filter(organisation_id=pk).values("theme_id"))
            | Q(pk__in=SeekThemes.objects.filter(organisation_id=pk).values("theme_id"))
        ).annotate(
            in_themes=Exists(OrganisationThemes.objects.filter(organisation_id=pk, theme_id=OuterRef("pk"))),
            in_offers=Exists(OfferThemes.objects.filter(organisation_id=pk, theme_id=OuterRef("pk"))),
            in_seeks=Exists(SeekThemes.objects.filter(organisation_id=pk, theme_id=OuterRef("pk"))),
        ).order_by("kind", "position", "slug")
    )
    authenticated = getattr(viewer, "is_authenticated", False)
    wanted = Q(status=Membership.Status.ACTIVE, user__is_active=True)
    if authenticated:
        wanted |= Q(user=viewer)
    memberships = list(Membership.objects.filter(wanted, organisation_id=pk).select_related("user"))
    remember_memberships(organisation, memberships, viewer=viewer)
    viewer_membership = next((m for m in memberships if authenticated and m.user_id == viewer.pk), None)
    viewer_is_member = viewer_membership is not None and viewer_membership.status == Membership.Status.ACTIVE
    # People appear only with their consent, except to the organisation's own members.
    people = sorted(
        (m for m in memberships if m.status == Membership.Status.ACTIVE
         and (viewer_is_member or m.user.listed_in_directory)),
        key=lambda m: (ROLE_ORDER[m.role], m.user.display_name.lower()),
    )
    return OrganisationPage(
        organisation=organisation,
        themes=[t for t in themes if t.in_themes],
        offer_themes=[t for t in themes if t.in_offers],
        seek_themes=[t for t in themes if t.in_seeks],
        areas_served=list(organisation.areas_served.select_related("parent").order_by("country", "name")),
        people=people,
        local_groups=list(LocalGroup.objects.filter(organisations=organisation).only("name", "slug").order_by("name")),
        viewer_membership=viewer_membership,
        contact=organisation_contact_for(organisation=organisation, viewer=viewer),
    )


@dataclass
class MembersPage:
    active: list[Membership]
    requested: list[Membership]
    invited: list[Membership]


def organisation_members(*, organisation: Organisation) -> MembersPage:
    """Everyone tied to the organisation, for its admins: members, requests and open invitations."""
    memberships = list(Membership.objects.filter(organisation=organisation).select_related("user"))
    remember_memberships(organisation, memberships)

    def name(m: Membership) -> str:
        return (m.user.display_name if m.user else m.invited_email).lower()

    by_status = {status: [] for status in Membership.Status.values}
    for membership in sorted(memberships, key=lambda m: (ROLE_ORDER[m.role], name(m))):
        by_status[membership.status].append(membership)
    return MembersPage(active=by_status[Membership.Status.ACTIVE], requested=by_status[Membership.Status.REQUESTED],
                       invited=by_status[Membership.Status.INVITED])


def invitation_get(*, token: str) -> Membership:
    """The open invitation with this token; raises Membership.DoesNotExist."""
    return Membership.objects.select_related("organisation").get(token=token, status=Membership.Status.INVITED)


def organisations_of(*, user) -> QuerySet[Organisation]:
    """The listed organisations where `user` is an active member, for profiles and menus."""
    return Organisation.objects.listed().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).order_by("name")


@dataclass
class PartnershipView:
    """One partnership seen from one side: the other side (an organisation, or a person), since when, and
    where it began (an ad's title and address, for partnerships recorded by the marketplace)."""

    partnership: Partnership
    organisation: Organisation | None
    person: object | None
    since: object
    description: str
    source_url: str


def _partnership_views(partnerships, *, side_of) -> list[PartnershipView]:
    views = []
    for partnership in partnerships:
        mine_is_a = side_of(partnership)
        views.append(PartnershipView(
            partnership=partnership,
            organisation=partnership.organisation_b if mine_is_a else partnership.organisation_a,
            person=partnership.person_b if mine_is_a else partnership.person_a,
            since=partnership.created_at, description=partnership.description, source_url=partnership.source_url))
    return views


def _partnerships_base() -> QuerySet[Partnership]:
    return Partnership.objects.select_related("organisation_a", "organisation_b", "person_a", "person_b").order_by(
        "-created_at", "-id")


def partnerships_of_organisation(*, organisation: Organisation) -> list[PartnershipView]:
    """The organisation's partnerships, newest first, each with the other side (one query)."""
    if getattr(organisation, "has_partnerships", True) is False:  # known from organisation_get: no query
        return []
    pk = organisation.pk
    rows = _partnerships_base().filter(Q(organisation_a_id=pk) | Q(organisation_b_id=pk))
    return _partnership_views(rows, side_of=lambda p: p.organisation_a_id == pk)


def partnerships_of_person(*, person) -> list[PartnershipView]:
    """The partnerships a person entered for themselves (not for an organisation), newest first (one query)."""
    pk = person.pk
    rows = _partnerships_base().filter(Q(person_a_id=pk, organisation_a__isnull=True)
                                       | Q(person_b_id=pk, organisation_b__isnull=True))
    return _partnership_views(rows, side_of=lambda p: p.person_a_id == pk and p.organisation_a_id is None)

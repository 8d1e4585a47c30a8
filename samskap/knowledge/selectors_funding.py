"""Reads for the funding pages and feeds. Each runs a fixed number of queries, whatever the number of calls."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from samskap.actors.models import Membership, Organisation
from samskap.core.fields import choice_in
from samskap.core.models import Country, Place, Theme
from samskap.core.permissions import is_member

from .fit import calls_fitting_q, fit_reasons
from .models import FundingCall, FundingDeadline
from .permissions import is_curator

CLOSING_SOON_DAYS = 30
FOR_ME_MAX_ORGANISATIONS = 20
FEED_MAX_CALLS = 2000
Themes = FundingCall.themes.through
EligiblePlaces = FundingCall.eligible_places.through


def visible_calls(viewer=None) -> QuerySet[FundingCall]:
    """Published calls, and the hidden ones `viewer` may see: their organisations' (curators: all)."""
    if is_curator(viewer):
        return FundingCall.objects.all()
    if is_member(viewer):
        mine = Membership.objects.filter(user=viewer, status=Membership.Status.ACTIVE).values("organisation_id")
        return FundingCall.objects.filter(Q(is_published=True) | Q(funder_id__in=mine))
    return FundingCall.objects.published()


def _for_cards(calls: QuerySet) -> QuerySet:
    return calls.select_related("funder").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
        Prefetch("eligible_places", queryset=Place.objects.order_by("country", "name")),
    )


def _places_related(slug: str) -> QuerySet:
    """The place, the places above it, and the places within it: a call for any of them concerns the place."""
    within = (Q(slug=slug) | Q(parent__slug=slug) | Q(parent__parent__slug=slug)
              | Q(parent__parent__parent__slug=slug))
    above = (Q(children__slug=slug) | Q(children__children__slug=slug) | Q(children__children__children__slug=slug))
    return Place.objects.filter(within | above).values("pk")


def _in_order(calls: QuerySet) -> QuerySet:
    """Soonest deadline first; rolling calls without a deadline ahead, then closed ones, last."""
    return calls.order_by(F("next_deadline").asc(nulls_last=True), "-is_rolling", "title", "pk")


def funding_call_list(*, viewer=None, theme: str = "", kind: str = "", place: str = "", currency: str = "",
                      amount: int | None = None, include_closed: bool = False,
                      now: datetime.datetime | None = None) -> QuerySet[FundingCall]:
    """Calls for /funding/: open ones by next deadline, rolling ones last; with `include_closed` also closed ones.

    `kind` keeps calls open to that kind of organisation (or to any kind); `place` (a slug) calls open anywhere,
    there, in a place above it or within it; `amount` calls whose largest grant is at least that much.
    """
    calls = visible_calls(viewer)
    if not include_closed:
        calls = calls.open(now)
    if theme:
        calls = calls.filter(pk__in=Themes.objects.filter(theme__slug=theme).values("fundingcall_id"))
    if kind:
        calls = calls.filter(Q(eligible_kinds__in=[",", ""]) | choice_in("eligible_kinds", kind))
    if place:
        restricted = EligiblePlaces.objects.filter(fundingcall_id=OuterRef("pk"))
        calls = calls.filter(~Exists(restricted) | Exists(restricted.filter(place_id__in=_places_related(place))))
    if currency:
        calls = calls.filter(currency=currency)
    if amount is not None:
        calls = calls.filter(Q(amount_max__gte=amount) | Q(amount_max__isnull=True, amount_min__gte=amount))
    return _for_cards(_in_order(calls))


def funding_closing_soon(*, viewer=None, days: int = CLOSING_SOON_DAYS,
                         now: datetime.datetime | None = None) -> QuerySet[FundingCall]:
    """Calls whose next deadline is within `days`, soonest first."""
    now = now or timezone.now()
    calls = visible_calls(viewer).filter(next_deadline__gte=now, next_deadline__lte=now + datetime.timedelta(days=days))
    return _for_cards(calls.order_by("next_deadline", "title", "pk"))


def funding_call_get(*, slug: str, viewer=None) -> FundingCall:
    """One call with its funder, themes, places and deadlines; DoesNotExist when `viewer` may not see it."""
    return visible_calls(viewer).select_related("funder").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
        Prefetch("eligible_places", queryset=Place.objects.select_related("parent").order_by("country", "name")),
        Prefetch("deadlines", queryset=FundingDeadline.objects.order_by("due", "pk")),
    ).get(slug=slug)


def filter_themes() -> list[Theme]:
    from samskap.core.selectors import themes_for_filters

    return themes_for_filters()


def filter_place_choices(*, value: str = "slug") -> list[tuple[str, list[tuple[str | int, str]]]]:
    """Countries and regions, grouped per country: what calls are usually open to."""
    places = Place.objects.filter(level__in=[Place.Level.COUNTRY, Place.Level.REGION]).only(
        "pk", "slug", "name", "level", "country")
    by_country: dict[str, list[Place]] = {}
    for place in places:
        by_country.setdefault(place.country, []).append(place)
    groups = []
    for code, label in Country.choices:
        found = by_country.get(code, [])
        countries = [p for p in found if p.level == Place.Level.COUNTRY]
        regions = sorted((p for p in found if p.level == Place.Level.REGION), key=lambda p: p.name)
        options = [(getattr(p, value), str(label)) for p in countries] + [(getattr(p, value), p.name) for p in regions]
        if options:
            groups.append((str(label), options))
    return groups


# Deadlines feed ----------------------------------------------------------------------------------

def feed_deadlines(*, theme: str = "", now: datetime.datetime | None = None) -> list[FundingDeadline]:
    """Every deadline of the open published calls (optionally of one theme), with their calls and funders."""
    calls = FundingCall.objects.published().open(now)
    if theme:
        calls = calls.filter(pk__in=Themes.objects.filter(theme__slug=theme).values("fundingcall_id"))
    chosen = calls.order_by(F("next_deadline").asc(nulls_last=True), "pk").values("pk")[:FEED_MAX_CALLS]
    return list(FundingDeadline.objects.filter(call_id__in=chosen).select_related("call__funder")
                .order_by("due", "pk"))


def feed_theme_get(*, slug: str) -> Theme:
    return Theme.objects.get(slug=slug, is_active=True)


# For my organisations ----------------------------------------------------------------------------

@dataclass
class CallFit:
    call: FundingCall
    reasons: list[str]


@dataclass
class OrganisationCalls:
    organisation: Organisation
    calls: list[CallFit] = field(default_factory=list)


def my_organisations(user) -> list[Organisation]:
    """The listed organisations `user` is an active member of, with what the fit reasons read."""
    places_up = Place.objects.select_related("parent__parent__parent")
    return list(Organisation.objects.listed().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE,
    ).select_related("head_office__parent__parent__parent").prefetch_related(
        "themes", Prefetch("areas_served", queryset=places_up),
    ).order_by("name", "pk")[:FOR_ME_MAX_ORGANISATIONS])


def funding_for_me(*, user, now: datetime.datetime | None = None) -> list[OrganisationCalls]:
    """Open published calls that fit each of `user`'s organisations, grouped per organisation, with the reasons.

    One query for the calls whatever the number of organisations: each organisation's fit is an EXISTS column.
    """
    organisations = my_organisations(user)
    if not organisations:
        return []
    columns = {f"fits_{index}": Exists(FundingCall.objects.filter(calls_fitting_q(organisation), pk=OuterRef("pk")))
               for index, organisation in enumerate(organisations)}
    any_fit = Q()
    for name in columns:
        any_fit |= Q(**{name: True})
    calls = list(_for_cards(_in_order(FundingCall.objects.published().open(now).annotate(**columns)
                                      .filter(any_fit))))
    groups = []
    for index, organisation in enumerate(organisations):
        group = OrganisationCalls(organisation=organisation)
        for call in calls:
            if getattr(call, f"fits_{index}"):
                group.calls.append(CallFit(call=call, reasons=fit_reasons(call, organisation)))
        groups.append(group)
    return groups

"""Which funding calls fit which organisations, in SQL both ways.

A call fits an organisation when every eligibility rule the call sets holds (a rule left empty holds for all):
- kinds: `eligible_kinds` holds the organisation's kind;
- places: `eligible_places` holds the organisation's country (the place of level country with its country code),
  or a place that is the head office or an area served, or a place above one of them
  (country → region → municipality → neighbourhood);
- themes: the call and the organisation share at least one theme.

`calls_fitting_q(organisation)` filters FundingCall (the funding list's "fits my organisation");
`organisations_fitting_q(call)` filters Organisation (funding alerts). Both are lazy: building the Q runs no query.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from samskap.actors.models import Organisation
from samskap.core.fields import choice_in
from samskap.core.models import Place

from .models import FundingCall

# Places nest at most four deep (country → region → municipality → neighbourhood): a place and three above it.
PLACE_DEPTH = 4
# "place_id", "place__parent_id", "place__parent__parent_id" …, each prefixed by the path to the place.
_UP = ["id"] + ["__".join(["parent"] * n) + "_id" for n in range(1, PLACE_DEPTH)]

CallPlaces = FundingCall.eligible_places.through
CallThemes = FundingCall.themes.through
OrganisationPlaces = Organisation.areas_served.through
OrganisationThemes = Organisation.themes.through


def _kinds_empty(prefix: str = "") -> Q:
    return Q(**{f"{prefix}eligible_kinds__in": [",", ""]})


def calls_fitting_q(organisation: Organisation) -> Q:
    """FundingCall rows whose eligibility the organisation meets."""
    kinds = _kinds_empty() | choice_in("eligible_kinds", organisation.kind)

    # The organisation's places: its head office and the areas it serves.
    own_places = Place.objects.filter(
        Q(pk=organisation.head_office_id)
        | Q(pk__in=OrganisationPlaces.objects.filter(organisation_id=organisation.pk).values("place_id")))
    # A call's place E fits when E is one of them or above one of them, or is the organisation's country.
    above_or_same = Q()
    for path in _UP:
        above_or_same |= Q(place_id__in=own_places.values(path))
    country = Q(place__level=Place.Level.COUNTRY, place__country=organisation.country)
    call_places = CallPlaces.objects.filter(fundingcall_id=OuterRef("pk"))
    places = Q(~Exists(call_places)) | Q(Exists(call_places.filter(above_or_same | country)))

    call_themes = CallThemes.objects.filter(fundingcall_id=OuterRef("pk"))
    organisation_themes = OrganisationThemes.objects.filter(organisation_id=organisation.pk).values("theme_id")
    themes = Q(~Exists(call_themes)) | Q(Exists(call_themes.filter(theme_id__in=organisation_themes)))
    return kinds & places & themes


def organisations_fitting_q(call: FundingCall) -> Q:
    """Organisation rows that meet the call's eligibility."""
    kinds = Q(kind__in=call.eligible_kinds) if call.eligible_kinds else Q()

    eligible = CallPlaces.objects.filter(fundingcall_id=call.pk).values("place_id")
    in_country = Q(country__in=Place.objects.filter(pk__in=eligible, level=Place.Level.COUNTRY).values("country"))
    head_office = Q()
    served = Q()
    for path in _UP:
        head_office |= Q(**{f"head_office__{path}__in": eligible})
        served |= Q(**{f"place__{path}__in": eligible})
    serves = Exists(OrganisationPlaces.objects.filter(organisation_id=OuterRef("pk")).filter(served))
    places = Q(~Exists(eligible)) | in_country | head_office | Q(serves)

    call_themes = CallThemes.objects.filter(fundingcall_id=call.pk).values("theme_id")
    shares_theme = Exists(OrganisationThemes.objects.filter(organisation_id=OuterRef("pk"), theme_id__in=call_themes))
    themes = Q(~Exists(call_themes)) | Q(shares_theme)
    return kinds & places & themes


def _with_places_above(place: Place | None) -> list[Place]:
    chain = []
    while place is not None and len(chain) < PLACE_DEPTH + 2:
        chain.append(place)
        place = place.parent
    return chain


def fit_reasons(call: FundingCall, organisation: Organisation) -> list[str]:
    """Short reasons, in the active language, why the call fits: "open to association / NGO", "in Skåne",
    "theme: Loneliness". Empty when the call does not fit. Uses prefetched relations when there are any
    (eligible_places, themes; the organisation's head_office parents, areas_served and themes)."""
    reasons = []
    if call.eligible_kinds:
        if organisation.kind not in call.eligible_kinds:
            return []
        reasons.append(_("open to %(kind)s") % {"kind": organisation.get_kind_display()})

    eligible = list(call.eligible_places.all())
    if eligible:
        ours = _with_places_above(organisation.head_office)
        for place in organisation.areas_served.all():
            ours.extend(_with_places_above(place))
        our_ids = {place.pk for place in ours}
        matched = [place for place in eligible if place.pk in our_ids
                   or (place.level == Place.Level.COUNTRY and place.country == organisation.country)]
        if not matched:
            return []
        reasons.extend(_("in %(place)s") % {"place": place.name} for place in matched)

    call_themes = list(call.themes.all())
    if call_themes:
        our_themes = {theme.pk for theme in organisation.themes.all()}
        shared = [theme for theme in call_themes if theme.pk in our_themes]
        if not shared:
            return []
        reasons.extend(_("theme: %(theme)s") % {"theme": theme.label} for theme in shared)

    return reasons or [_("open to every organisation")]

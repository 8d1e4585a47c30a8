"""Reads for the ad pages: the list with its filters and sorts, one ad, my ads, my saved searches. Each runs a fixed
number of queries, whatever the number of ads."""

import datetime
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse

from samskap.actors.models import Membership
from samskap.core.models import Place, Theme

from .models import Ad, SavedSearch

SORTS = ("newest", "closing", "match")
# The filters a saved search keeps (the query string names of the list).
FILTERS = ("kind", "theme", "place", "org_kind")
AdThemes = Ad.themes.through
AdPlaces = Ad.places.through


def _places_related(slug: str) -> QuerySet:
    """The place, the places within it and the places above it: an ad for Skåne concerns Malmö, and an ad for
    Rosengård concerns Malmö."""
    within = (Q(slug=slug) | Q(parent__slug=slug) | Q(parent__parent__slug=slug)
              | Q(parent__parent__parent__slug=slug))
    above = (Q(children__slug=slug) | Q(children__children__slug=slug) | Q(children__children__children__slug=slug))
    return Place.objects.filter(within | above).values("pk")


def for_cards(ads: QuerySet) -> QuerySet:
    return ads.select_related("owner", "organisation").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
        Prefetch("places", queryset=Place.objects.select_related("parent").order_by("name")),
    )


def ads_filtered(ads: QuerySet, *, kind: str = "", theme: str = "", place: str = "", org_kind: str = "") -> QuerySet:
    """`place` (a slug) keeps ads anywhere or online, and ads for that place, one within it or one above it;
    `org_kind` ads posted for an organisation of that kind."""
    if kind:
        ads = ads.filter(kind=kind)
    if theme:
        ads = ads.filter(Exists(AdThemes.objects.filter(ad_id=OuterRef("pk"), theme__slug=theme)))
    if place:
        ads = ads.filter(Q(is_anywhere=True) | Exists(AdPlaces.objects.filter(
            ad_id=OuterRef("pk"), place_id__in=_places_related(place))))
    if org_kind:
        ads = ads.filter(organisation__kind=org_kind)
    return ads


def ad_list(*, viewer=None, kind: str = "", theme: str = "", place: str = "", org_kind: str = "",
            sort: str = "newest", created_after: datetime.datetime | None = None,
            created_until: datetime.datetime | None = None) -> QuerySet[Ad]:
    """Open ads that are not hidden, filtered, in the order asked for: newest first, closing soon (the last valid
    day first), or best match for `viewer` (members; samskap.marketplace.matching)."""
    ads = ads_filtered(Ad.objects.open(), kind=kind, theme=theme, place=place, org_kind=org_kind)
    if created_after is not None:
        ads = ads.filter(created_at__gt=created_after)
    if created_until is not None:
        ads = ads.filter(created_at__lte=created_until)
    if sort == "match" and getattr(viewer, "is_authenticated", False):
        from .matching import ads_sorted_for

        return ads_sorted_for(viewer, for_cards(ads))
    if sort == "closing":
        return for_cards(ads.order_by("valid_until", "id"))
    return for_cards(ads.order_by("-created_at", "-id"))


def ads_url(query: dict) -> str:
    """The address of the list with these filters (a saved search's link)."""
    query = {name: query[name] for name in FILTERS if query.get(name)}
    return reverse("marketplace:ads") + (f"?{urlencode(query)}" if query else "")


def ad_get(*, pk: int) -> Ad:
    """One ad in any state, with what its page shows; the caller checks who may see it."""
    return for_cards(Ad.objects.all()).select_related("hidden_by").get(pk=pk)


def my_ads(*, user) -> QuerySet[Ad]:
    """The ads `user` posted, and those of the organisations they are an active member of, in every state,
    newest first."""
    mine = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values("organisation_id")
    ads = Ad.objects.filter(Q(owner=user) | Q(organisation_id__in=mine))
    return for_cards(ads).order_by("-created_at", "-id")


def saved_searches(*, user) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("name", "pk")


def saved_search_get(*, pk: int, user) -> SavedSearch:
    return SavedSearch.objects.get(pk=pk, user=user)

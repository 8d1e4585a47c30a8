"""Ads in search. Registered in MarketplaceConfig.ready.

Only open and matched ads that are not hidden are found. The marketplace services keep the index current:

    transaction.on_commit(partial(ad_index, ad_id=ad.pk))    # posted, changed, renewed, closed, expired, hidden
    transaction.on_commit(partial(ad_unindex, ad_id=ad.pk))  # deleted
Bulk writes (seed_scale, expiry sweeps) call `ads_index_many(ids)`.
"""

from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samskap.core.search import register_search_kind, search_index_delete, search_index_update

from .models import Ad, AdKind


@cache
def _kind_labels(kind: str) -> str:
    labels = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            labels.append(str(AdKind(kind).label))
    return " ".join(dict.fromkeys(labels))


def ads_for_search():
    return Ad.objects.visible().filter(status__in=[Ad.Status.OPEN, Ad.Status.MATCHED]).select_related(
        "organisation", "owner").prefetch_related("themes", "places")


def ad_document(ad: Ad) -> dict | None:
    if ad.hidden_at is not None or ad.status not in (Ad.Status.OPEN, Ad.Status.MATCHED):
        return None
    themes = " ".join(" ".join(dict.fromkeys(str(label) for label in theme.labels.values())) for theme in ad.themes.all())
    return {
        "title": ad.title,
        "body": ad.description,
        "keywords": " ".join((_kind_labels(ad.kind), themes, " ".join(place.name for place in ad.places.all()),
                              ad.organisation.name if ad.organisation_id else "")),
        "url": ad.get_absolute_url(),
        "language": ad.language,
    }


register_search_kind("ad", label=_("Ads"), queryset_fn=ads_for_search, document_fn=ad_document)


def ad_index(ad_id: int) -> None:
    ad = Ad.objects.select_related("organisation", "owner").prefetch_related("themes", "places").filter(pk=ad_id).first()
    if ad is None:
        search_index_delete(kind="ad", object_id=ad_id)
    else:
        search_index_update(kind="ad", obj=ad)


def ads_index_many(ad_ids: Iterable[int]) -> None:
    for ad in Ad.objects.select_related("organisation", "owner").prefetch_related("themes", "places").filter(
            pk__in=list(ad_ids)):
        search_index_update(kind="ad", obj=ad)


def ad_unindex(ad_id: int) -> None:
    search_index_delete(kind="ad", object_id=ad_id)

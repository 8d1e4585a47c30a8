"""Resources (with their full text) and funding calls in search.

Registered in KnowledgeConfig.ready. Hidden resources and calls are never found. The knowledge services keep
the index current after each commit:

    transaction.on_commit(partial(resource_index, resource_id=resource.pk))   # created, changed, hidden
    transaction.on_commit(partial(resource_unindex, resource_id=resource.pk)) # deleted
    transaction.on_commit(partial(call_index, call_id=call.pk))
    transaction.on_commit(partial(call_unindex, call_id=call.pk))
Bulk writes (the link import, seed_scale) call `resources_index_many(ids)`.
"""

from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samskap.core.models import Theme
from samskap.core.search import register_search_kind, search_index_delete, search_index_update

from .models import Audience, FundingCall, Resource, ResourceKind

BODY_CHARS = 20_000  # the full text is indexed up to this length


@cache
def _labels(choices, code: str) -> str:
    """A choice's label in every UI language, so "metod", "metode" and "method" all find a method card."""
    labels = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            labels.append(str(choices(code).label))
    return " ".join(dict.fromkeys(labels))


def _theme_labels(themes: Iterable[Theme]) -> str:
    return " ".join(" ".join(dict.fromkeys(str(label) for label in theme.labels.values())) for theme in themes)


def resources_for_search():
    return Resource.objects.published().select_related("author_organisation", "author_person").prefetch_related(
        "themes", "places")


def resource_document(resource: Resource) -> dict | None:
    if not resource.is_published:
        return None
    method = "\n".join(text for text in (resource.purpose, resource.when_to_use, resource.materials, resource.steps,
                                         resource.facilitator_tips) if text)
    return {
        "title": resource.title,
        "body": "\n".join(text for text in (resource.summary, resource.body, method, resource.url) if text)[:BODY_CHARS],
        "keywords": " ".join((
            _labels(ResourceKind, resource.kind),
            " ".join(_labels(Audience, code) for code in resource.audiences),
            _theme_labels(resource.themes.all()),
            " ".join(place.name for place in resource.places.all()),
            resource.author_label or "")),
        "url": resource.get_absolute_url(),
        "language": resource.language,
    }


def calls_for_search():
    return FundingCall.objects.published().select_related("funder").prefetch_related("themes", "eligible_places")


def call_document(call: FundingCall) -> dict | None:
    if not call.is_published:
        return None
    return {
        "title": call.title,
        "body": "\n".join(text for text in (call.programme, call.summary, call.eligibility, call.co_financing) if text),
        "keywords": " ".join((call.funder.name, _theme_labels(call.themes.all()),
                              " ".join(place.name for place in call.eligible_places.all()))),
        "url": call.get_absolute_url(),
        "language": call.language,
    }


register_search_kind("resource", label=_("Knowledge"), queryset_fn=resources_for_search,
                     document_fn=resource_document)
register_search_kind("funding_call", label=_("Funding calls"), queryset_fn=calls_for_search,
                     document_fn=call_document)


# -------------------------------------------------------------------------------------------------
# Keeping the index current: called by the knowledge services on commit.


def resource_index(resource_id: int) -> None:
    resource = (Resource.objects.select_related("author_organisation", "author_person")
                .prefetch_related("themes", "places").filter(pk=resource_id).first())
    if resource is None:
        search_index_delete(kind="resource", object_id=resource_id)
    else:
        search_index_update(kind="resource", obj=resource)


def resources_index_many(resource_ids: Iterable[int]) -> None:
    for resource in (Resource.objects.select_related("author_organisation", "author_person")
                     .prefetch_related("themes", "places").filter(pk__in=list(resource_ids))):
        search_index_update(kind="resource", obj=resource)


def resource_unindex(resource_id: int) -> None:
    search_index_delete(kind="resource", object_id=resource_id)


def call_index(call_id: int) -> None:
    call = (FundingCall.objects.select_related("funder").prefetch_related("themes", "eligible_places")
            .filter(pk=call_id).first())
    if call is None:
        search_index_delete(kind="funding_call", object_id=call_id)
    else:
        search_index_update(kind="funding_call", obj=call)


def call_unindex(call_id: int) -> None:
    search_index_delete(kind="funding_call", object_id=call_id)

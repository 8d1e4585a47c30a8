"""Reads for the knowledge pages. Each runs a fixed number of queries, whatever the number of rows."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import get_language

from samskap.actors.models import Membership, Organisation
from samskap.core.fields import choice_in
from samskap.core.models import Place, Theme
from samskap.core.permissions import is_member
from samskap.core.selectors import themes_for_filters

from .models import Collection, CollectionItem, FundingCall, Resource, ResourceKind
from .permissions import is_curator
from .services import slug_from_title

Themes = Resource.themes.through
Places = Resource.places.through
SORTS = ("newest", "title")
MATCHES_LIMIT = 20
METHOD_CHOICES_LIMIT = 500


def _theme_order() -> QuerySet[Theme]:
    return Theme.objects.order_by("kind", "position", "slug")


def _places_within(slug: str) -> QuerySet:
    """The place and every place below it (country → region → municipality → neighbourhood)."""
    return Place.objects.filter(
        Q(slug=slug) | Q(parent__slug=slug) | Q(parent__parent__slug=slug) | Q(parent__parent__parent__slug=slug)
    ).values("pk")


def _authored_by(viewer) -> Q:
    """Resources `viewer` wrote, added, or that belong to an organisation they are an active member of."""
    organisations = Membership.objects.filter(user=viewer, status=Membership.Status.ACTIVE).values("organisation_id")
    return Q(created_by=viewer) | Q(author_person=viewer) | Q(author_organisation__in=organisations)


def visible_resources(viewer=None) -> QuerySet[Resource]:
    """Published resources; hidden ones too for curators, and for their authors."""
    if is_curator(viewer):
        return Resource.objects.all()
    if is_member(viewer):
        return Resource.objects.filter(Q(is_published=True) | _authored_by(viewer))
    return Resource.objects.published()


def _for_cards(resources: QuerySet) -> QuerySet:
    return resources.select_related("author_person", "author_organisation").prefetch_related(
        Prefetch("themes", queryset=_theme_order()))


def one_version_each(resources: QuerySet[Resource], reader_language: str) -> QuerySet[Resource]:
    """One resource per set of language versions: the version in `reader_language` when there is one among
    `resources`, otherwise the first one added. (A method card in four languages is listed once.)"""
    siblings = resources.filter(translation_group=OuterRef("translation_group")).exclude(pk=OuterRef("pk"))
    return resources.filter(
        Q(language=reader_language)
        | (~Exists(siblings.filter(language=reader_language)) & ~Exists(siblings.filter(pk__lt=OuterRef("pk")))))


def resource_list(*, viewer=None, kind: str = "", theme: str = "", language: str = "", audience: str = "",
                  place: str = "", sort: str = "newest", reader_language: str = "") -> QuerySet[Resource]:
    """Resources for /knowledge/, filtered; `place` includes the places within it; newest first or by title.

    With `reader_language` and no `language` filter, each set of versions in other languages is listed once
    (see one_version_each)."""
    resources = visible_resources(viewer)
    if kind:
        resources = resources.filter(kind=kind)
    if theme:
        resources = resources.filter(pk__in=Themes.objects.filter(theme__slug=theme).values("resource_id"))
    if language:
        resources = resources.filter(language=language)
    if audience:
        resources = resources.filter(choice_in("audiences", audience))
    if place:
        resources = resources.filter(pk__in=Places.objects.filter(place_id__in=_places_within(place))
                                     .values("resource_id"))
    if reader_language and not language:
        resources = one_version_each(resources, reader_language)
    order = (Lower("title"), "pk") if sort == "title" else ("-published_on", "-pk")
    return _for_cards(resources.order_by(*order))


def filter_themes() -> list[Theme]:
    return themes_for_filters()


@dataclass
class ResourcePage:
    resource: Resource
    themes: list[Theme] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    related_methods: list[Resource] = field(default_factory=list)
    versions: list[Resource] = field(default_factory=list)
    collections: list[Collection] = field(default_factory=list)


def resource_get(*, slug: str, viewer=None) -> Resource:
    """The resource at `slug` if `viewer` may see it (raises Resource.DoesNotExist otherwise)."""
    return visible_resources(viewer).select_related("author_person", "author_organisation").get(slug=slug)


def resource_detail(*, slug: str, viewer=None) -> ResourcePage:
    """A resource with what its page shows: themes, places, related methods, versions in other languages and
    the collections it is in (only those `viewer` may see)."""
    visible = visible_resources(viewer)
    resource = (visible.select_related("author_person", "author_organisation")
                .prefetch_related(Prefetch("themes", queryset=_theme_order()),
                                  Prefetch("places", queryset=Place.objects.select_related("parent").order_by("name")),
                                  Prefetch("related_methods", queryset=visible.only("title", "slug", "language", "kind")
                                           .order_by(Lower("title")), to_attr="visible_related"))
                .get(slug=slug))
    versions = list(visible.filter(translation_group=resource.translation_group).exclude(pk=resource.pk)
                    .only("title", "slug", "language").order_by("language"))
    collections = visible_collections(viewer).filter(items__resource=resource).only("title", "slug").distinct()
    return ResourcePage(resource=resource, themes=list(resource.themes.all()), places=list(resource.places.all()),
                        related_methods=resource.visible_related, versions=versions,
                        collections=list(collections.order_by("title")))


def resource_versions(*, resource: Resource, viewer=None) -> list[Resource]:
    """Every resource in `resource`'s set of versions but itself that `viewer` may see (hidden ones only to
    their authors and the curators: a member linked to someone's hidden version does not learn its title)."""
    return list(visible_resources(viewer).filter(translation_group=resource.translation_group).exclude(pk=resource.pk)
                .only("title", "slug", "language", "is_published").order_by("language"))


def resource_version_languages(*, resource: Resource) -> set[str]:
    """The languages `resource`'s set of versions has, hidden versions included (each language once per set)."""
    return set(Resource.objects.filter(translation_group=resource.translation_group).values_list("language",
                                                                                                flat=True))


def resources_matching(*, query: str, viewer=None, exclude_ids: set[int] | frozenset[int] = frozenset(),
                       exclude_languages: set[str] | frozenset[str] = frozenset(),
                       limit: int = MATCHES_LIMIT) -> list[Resource]:
    """Resources whose title contains `query` (for the pickers of collections and versions)."""
    query = " ".join((query or "").split())[:100]
    if not query:
        return []
    resources = visible_resources(viewer).filter(title__icontains=query).exclude(pk__in=list(exclude_ids))
    if exclude_languages:
        resources = resources.exclude(language__in=list(exclude_languages))
    return list(resources.only("title", "slug", "language", "kind", "is_published")
                .order_by(Lower("title"), "pk")[:limit])


def related_method_options(*, viewer=None, exclude_pk: int | None = None,
                           keep_ids: Iterable[int] = ()) -> QuerySet[Resource]:
    """Method cards a resource can name as related methods: those `viewer` may see, and those it names already
    (a curator may have linked one hidden since; editing the resource must not drop it)."""
    keep_ids = list(keep_ids)
    visible = visible_resources(viewer).filter(kind=ResourceKind.METHOD).values("pk")
    methods = Resource.objects.filter(kind=ResourceKind.METHOD).filter(Q(pk__in=visible) | Q(pk__in=keep_ids))
    if exclude_pk:
        methods = methods.exclude(pk=exclude_pk)
    return methods


def method_choices(*, viewer=None, exclude_pk: int | None = None, keep_ids: Iterable[int] = ()) -> list[Resource]:
    """Method cards a resource can name as related methods (see related_method_options), by title."""
    methods = related_method_options(viewer=viewer, exclude_pk=exclude_pk, keep_ids=keep_ids)
    return list(methods.only("title", "language").order_by(Lower("title"), "pk")[:METHOD_CHOICES_LIMIT])


def organisations_for_author(user) -> list[Organisation]:
    """The organisations `user` may add resources for: those they are an active member of."""
    if not is_member(user):
        return []
    return list(Organisation.objects.filter(memberships__user=user, memberships__status=Membership.Status.ACTIVE)
                .only("name", "slug").order_by("name").distinct())


def file_name_for_download(resource: Resource) -> str:
    """A readable file name for the download: the title as a slug, with the stored file's extension."""
    return f"{slug_from_title(resource.title, fallback='file')[:80]}{PurePath(resource.file.name).suffix.lower()}"


# Collections ---------------------------------------------------------------------------------------

def visible_collections(viewer=None) -> QuerySet[Collection]:
    return Collection.objects.all() if is_curator(viewer) else Collection.objects.filter(is_published=True)


def collection_list(*, viewer=None) -> QuerySet[Collection]:
    """Collections with how many resources each holds that `viewer` may see."""
    visible = visible_resources(viewer).values("pk")
    return visible_collections(viewer).annotate(
        resource_count=Count("items", filter=Q(items__resource__in=visible))).order_by(Lower("title"), "pk")


def collection_get(*, slug: str, viewer=None) -> Collection:
    return visible_collections(viewer).get(slug=slug)


def collection_items(*, collection: Collection, viewer=None) -> list[CollectionItem]:
    """The collection's resources in order, with authors and themes, as `viewer` may see them."""
    return list(collection.items.filter(resource__in=visible_resources(viewer).values("pk"))
                .select_related("resource__author_person", "resource__author_organisation")
                .prefetch_related(Prefetch("resource__themes", queryset=_theme_order()))
                .order_by("position", "pk"))


def organisation_knowledge(*, organisation, limit: int = 5) -> dict:
    """For the organisation's page: its newest published resources and its open funding calls (two queries)."""
    resources = list(one_version_each(Resource.objects.published().filter(author_organisation=organisation),
                                      get_language() or "")
                     .only("title", "slug", "kind", "language", "published_on").order_by("-published_on", "-id")[:limit])
    calls = list(FundingCall.objects.published().open().filter(funder=organisation)
                 .only("title", "slug", "next_deadline", "is_rolling", "time_zone").order_by("next_deadline", "pk")[:limit])
    return {"resources": resources, "calls": calls}

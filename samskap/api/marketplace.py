"""/api/v1/ads and /api/v1/me/conversations: the marketplace for scripts.

Thin, like the pages: the marketplace selectors read, its services write and check rights, the rules decide
who sees what. An ad anyone may not see is a 404 to them: a hidden ad to all but its owner side and the hub
admins, a closed or expired one likewise. The list has what the caller may see: everyone open and matched
ads that are not hidden; the owner side (the owner, and active members of the ad's organisation) also their
own ads in every state; hub admins every ad.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.actors.models import Membership, Organisation, OrganisationKind
from samskap.core.models import Place, Theme
from samskap.marketplace import selectors, selectors_conversations, services
from samskap.marketplace.models import Ad, AdKind

from .directory import ERRORS, OPEN, OPEN_SECURITY, _person_ref
from .directory_schemas import one_of
from .marketplace_schemas import AdDetailOut, AdIn, AdOut, AdPatch, ConversationOut, MarketplacePagination
from .schemas import Message

ads_router = Router(tags=["marketplace"])
conversations_router = Router(tags=["accounts", "marketplace"])

SORTS = {"newest": ("-created_at", "-id"), "closing_soon": ("valid_until", "id")}


def _invalid(name: str, message: str) -> ValidationError:
    return ValidationError({name: message})


def _choice_checked(name: str, value: str, choices) -> str:
    if value and value not in choices:
        raise _invalid(name, _("“%(value)s” is not one of: %(choices)s.") % {
            "value": value[:60], "choices": ", ".join(choices)})
    return value


def _organisation_ref(organisation) -> dict:
    return {"id": organisation.pk, "url": organisation.get_absolute_url(), "slug": organisation.slug,
            "name": organisation.name}


def _place_ref(place: Place) -> dict:
    return {"id": place.pk, "slug": place.slug, "name": place.name, "level": place.level}


# Who sees what ---------------------------------------------------------------------------------------


class Viewer:
    """The caller's rights over ads, read once per request (not once per ad)."""

    def __init__(self, user):
        self.user = user
        self.is_member = bool(getattr(user, "is_authenticated", False) and user.is_active)
        self.is_admin = self.is_member and user.is_superuser
        self._organisation_ids: set[int] | None = None

    @property
    def organisation_ids(self) -> set[int]:
        if self._organisation_ids is None:
            self._organisation_ids = set() if not self.is_member else set(Membership.objects.filter(
                user=self.user, status=Membership.Status.ACTIVE).values_list("organisation_id", flat=True))
        return self._organisation_ids

    def owns(self, ad: Ad) -> bool:
        return self.is_member and (ad.owner_id == self.user.pk or ad.organisation_id in self.organisation_ids)

    def ads(self) -> QuerySet[Ad]:
        """The ads the caller may see (the rule marketplace.view_ad, as one query)."""
        public = Q(hidden_at__isnull=True, status__in=[Ad.Status.OPEN, Ad.Status.MATCHED])
        if self.is_admin:
            return Ad.objects.all()
        if not self.is_member:
            return Ad.objects.filter(public)
        mine = Membership.objects.filter(user=self.user, status=Membership.Status.ACTIVE).values("organisation_id")
        return Ad.objects.filter(public | Q(owner=self.user) | Q(organisation_id__in=mine))


def _ad(viewer: Viewer, ad: Ad, *, themes, places) -> dict:
    may_see_reason = ad.hidden_at is not None and (viewer.is_admin or viewer.owns(ad))
    return {
        **{name: getattr(ad, name) for name in (
            "id", "kind", "title", "description", "language", "status", "valid_until", "is_anywhere", "matched_at",
            "created_at", "updated_at")},
        "url": ad.get_absolute_url(),
        "kind_label": capfirst(ad.get_kind_display()),
        "themes": list(themes),
        "places": [_place_ref(place) for place in places],
        "poster": {
            "name": ad.poster_name,
            "person": _person_ref_for(viewer, ad.owner) if not ad.organisation_id else None,
            "organisation": _organisation_ref(ad.organisation) if ad.organisation_id else None,
        },
        "is_hidden": ad.hidden_at is not None,
        "hidden_reason": ad.hidden_reason if may_see_reason else None,
    }


class _Request:
    """What samskap.api.directory._person_ref reads of a request."""

    def __init__(self, user):
        self.auth = user


def _person_ref_for(viewer: Viewer, user) -> dict:
    return _person_ref(_Request(viewer.user), user)


class AdPage:
    """One page of the list, built from the selector's prefetched rows."""

    def __init__(self, viewer: Viewer, queryset):
        self.viewer, self.queryset = viewer, queryset

    def __getitem__(self, window: slice) -> list[dict]:
        return [_ad(self.viewer, ad, themes=ad.themes.all(), places=ad.places.all()) for ad in self.queryset[window]]

    def __len__(self) -> int:
        return self.queryset.count()


class AdFilters(Schema):
    kind: str = one_of(AdKind, "", description="A kind of ad.")
    theme: str = Field("", description="A theme's slug.")
    place: str = Field("", description="A place's slug: ads there, in the places within it or above it, and ads "
                                       "for anywhere or online.")
    organisation_kind: str = one_of(OrganisationKind, "", description="Ads posted for an organisation of this "
                                                                      "kind.")
    status: str = Field("open", json_schema_extra={"enum": [*Ad.Status.values, "any"]},
                        description="Open ads by default. Matched ads are public; closed and expired ones are "
                                    "listed only to their owner side (and hub admins); `any` for every state you "
                                    "may see.")
    q: str = Field("", max_length=100, description="Part of the title. (For a search of the full text in every "
                                                   "Scandinavian language, use /api/v1/search?kind=ad.)")
    sort: str = Field("newest", json_schema_extra={"enum": list(SORTS)},
                      description="Newest first, or closing soon (the last valid day first).")


@ads_router.get("", response={200: list[AdOut], 401: Message, 422: Message}, auth=OPEN,
                openapi_extra=OPEN_SECURITY, summary="Ads",
                description="The marketplace with the filters of its page. Hidden ads only to their owner side and "
                            "hub admins. An unknown filter value is a 422 naming the filter.")
@paginate(MarketplacePagination)
def ad_list(request, filters: Query[AdFilters]):
    kind = _choice_checked("kind", filters.kind, AdKind.values)
    organisation_kind = _choice_checked("organisation_kind", filters.organisation_kind, OrganisationKind.values)
    status = _choice_checked("status", filters.status or "open", [*Ad.Status.values, "any"])
    sort = _choice_checked("sort", filters.sort or "newest", list(SORTS))
    if filters.theme and not Theme.objects.filter(slug=filters.theme, is_active=True).exists():
        raise _invalid("theme", _("There is no theme “%(slug)s”.") % {"slug": filters.theme[:60]})
    if filters.place and not Place.objects.filter(slug=filters.place).exists():
        raise _invalid("place", _("There is no place “%(slug)s”.") % {"slug": filters.place[:60]})
    viewer = Viewer(request.auth)
    ads = viewer.ads()
    if status != "any":
        ads = ads.filter(status=status)
    ads = selectors.ads_filtered(ads, kind=kind, theme=filters.theme, place=filters.place,
                                 org_kind=organisation_kind)
    q = " ".join(filters.q.split())
    if q:
        ads = ads.filter(title__icontains=q)
    return AdPage(viewer, selectors.for_cards(ads.order_by(*SORTS[sort])))


def _ad_or_404(request, ad_id: int) -> Ad:
    try:
        ad = selectors.ad_get(pk=ad_id)
    except Ad.DoesNotExist:
        raise Http404 from None
    if not request.auth.has_perm("marketplace.view_ad", ad):
        raise Http404
    return ad


def _ad_answer(request, ad: Ad) -> dict:
    viewer = Viewer(request.auth)
    partners = ad.partners.select_related("user", "organisation").order_by("created_at", "pk")
    return {
        **_ad(viewer, ad, themes=ad.themes.all(), places=ad.places.all()),
        "partners": [{"person": _person_ref(request, partner.user),
                      "organisation": _organisation_ref(partner.organisation) if partner.organisation_id else None}
                     for partner in partners],
        "may_change": request.auth.has_perm("marketplace.change_ad", ad),
        "may_reply": request.auth.has_perm("marketplace.reply_ad", ad),
    }


@ads_router.get("/{ad_id}", response={200: AdDetailOut, 401: Message, 404: Message}, auth=OPEN,
                openapi_extra=OPEN_SECURITY, summary="An ad",
                description="With its partners once matched, and what you may do with it. A hidden, closed or "
                            "expired ad is a 404 except to its owner side and hub admins.")
def ad_detail(request, ad_id: int):
    return _ad_answer(request, _ad_or_404(request, ad_id))


# Writing ---------------------------------------------------------------------------------------------


def _by_slugs(model, name: str, slugs: list[str], **conditions: Any) -> list:
    wanted = list(dict.fromkeys(slugs))
    found = {obj.slug: obj for obj in model.objects.filter(slug__in=wanted, **conditions)}
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        raise _invalid(name, _("Unknown: %(slugs)s.") % {"slugs": ", ".join(slug[:60] for slug in unknown[:10])})
    return [found[slug] for slug in wanted]


def _organisation(slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise _invalid("organisation", _("There is no organisation “%(slug)s”.") % {"slug": slug[:60]})
    return organisation


def _relations(data: dict[str, Any]) -> dict[str, Any]:
    """Themes, places and the organisation as the services take them."""
    relations: dict[str, Any] = {}
    if data.get("themes") is not None:
        relations["themes"] = _by_slugs(Theme, "themes", data["themes"], is_active=True)
    if data.get("places") is not None:
        relations["places"] = _by_slugs(Place, "places", data["places"])
    if "organisation" in data:
        relations["organisation"] = _organisation(data["organisation"]) if data["organisation"] else None
    return relations


@ads_router.post("", response={201: AdDetailOut, **ERRORS}, summary="Post an ad",
                 description="Any member may, for themselves or for an organisation they are an active member of. "
                             "Free; at most a few ads a day per member.")
def ad_create(request, payload: AdIn):
    data = payload.dict()
    relations = _relations({name: data.pop(name) for name in ("themes", "places", "organisation")})
    fields = {name: value for name, value in data.items() if value is not None}
    ad = services.ad_create(by=request.auth, **relations, **fields)
    return Status(201, _ad_answer(request, selectors.ad_get(pk=ad.pk)))


@ads_router.patch("/{ad_id}", response={200: AdDetailOut, **ERRORS}, summary="Change an ad",
                  description="Its owner and the active members of its organisation may. Only the fields sent "
                              "change.")
def ad_update(request, ad_id: int, payload: AdPatch):
    ad = _ad_or_404(request, ad_id)
    data = payload.dict(exclude_unset=True)
    relations = _relations({name: data.pop(name) for name in ("themes", "places", "organisation") if name in data})
    fields = {name: value for name, value in data.items() if value is not None}
    with transaction.atomic():
        services.ad_update(ad=ad, by=request.auth, **relations, **fields)
    return _ad_answer(request, selectors.ad_get(pk=ad.pk))


@ads_router.post("/{ad_id}/close", response={200: AdDetailOut, **ERRORS}, url_name="ad_close", summary="Close an ad",
                 description="Its owner side may close an open or expired ad: nobody else sees it any more, and "
                             "nobody can reply.")
def ad_close(request, ad_id: int):
    ad = _ad_or_404(request, ad_id)
    services.ad_close(ad=ad, by=request.auth)
    return _ad_answer(request, selectors.ad_get(pk=ad.pk))


# My conversations ------------------------------------------------------------------------------------


class ConversationPage:
    def __init__(self, request, conversations):
        self.request, self.conversations = request, conversations

    def __getitem__(self, window: slice) -> list[dict]:
        me = self.request.auth
        rows = []
        for conversation in self.conversations[window]:
            ad = conversation.ad
            owner_side = ad.owner_id == me.pk
            other = conversation.respondent if owner_side else ad.owner
            other_organisation = conversation.respondent_organisation if owner_side else ad.organisation
            rows.append({
                "id": conversation.pk, "url": conversation.get_absolute_url(),
                "ad": {"id": ad.pk, "url": ad.get_absolute_url(), "title": ad.title, "status": ad.status},
                "role": "owner" if owner_side else "respondent",
                "other_party": _person_ref(self.request, other),
                "other_organisation": _organisation_ref(other_organisation) if other_organisation else None,
                "unread": conversation.unread, "message_count": conversation.message_count,
                "last_message_at": conversation.last_message_at, "created_at": conversation.created_at,
            })
        return rows

    def __len__(self) -> int:
        return self.conversations.count()


@conversations_router.get("/me/conversations", response={200: list[ConversationOut], 401: Message},
                          summary="My conversations",
                          description="Your conversations about ads, as their owner and as a respondent, the latest "
                                      "message first, with unread counts. The messages are on each conversation's "
                                      "page.")
@paginate(LimitOffsetPagination)
def my_conversations(request):
    return ConversationPage(request, selectors_conversations.inbox_for(user=request.auth))

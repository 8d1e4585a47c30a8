"""/api/v1/challenges: challenges and their problem trees, for scripts.

Thin, like the pages: the challenge selectors read, the challenge services write and check rights, the rules
decide who sees what. A hidden challenge is a 404 except to its owner side and hub admins. The idea count is
the number of answering ideas the caller may see in a list (public ones; members' ideas too for members).
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.actors.models import ContentLanguage, Organisation
from samskap.core.models import Place, Theme
from samskap.ideas import selectors_challenges as selectors
from samskap.ideas import services_challenges as services
from samskap.ideas.models import Challenge, ProblemTreeNode

from .directory import ERRORS, OPEN, OPEN_SECURITY
from .directory_schemas import OrganisationRef, PlaceRef, StrictIn, ThemeRef, one_of
from .schemas import Message

router = Router(tags=["challenges"])

SORTS = list(selectors.SORTS)


# Schemas ---------------------------------------------------------------------------------------------------


class ChallengeOwnerOut(Schema):
    name: str = Field(description="The organisation's name, or the hub's word for itself.")
    organisation: OrganisationRef | None = Field(description="The owning organisation; null for the hub.")


class ChallengeOut(Schema):
    id: int
    url: str = Field(description="The challenge's page on the site.")
    title: str
    core_problem: str = Field(description="The problem at the trunk of the problem tree.")
    status: str = one_of(Challenge.Status)
    status_label: str = Field(description="The status, in the language of the request.")
    owner: ChallengeOwnerOut
    open_until: datetime.date | None = Field(description="The last day ideas are sought; null for no last day.")
    language: str = one_of(ContentLanguage, description="The language the texts are written in.")
    themes: list[ThemeRef]
    places: list[PlaceRef]
    idea_count: int = Field(description="Answering ideas you may see.")
    created_at: datetime.datetime
    updated_at: datetime.datetime


class TreeNodeOut(Schema):
    id: int
    text: str
    position: int = Field(description="0 for the first; the list is in this order.")


class ChallengeDetailOut(ChallengeOut):
    description: str = Field(description="Plain text.")
    why_it_matters: str
    target_groups: str
    causes: list[TreeNodeOut] = Field(description="The causes of the core problem (the tree's roots), in order.")
    effects: list[TreeNodeOut] = Field(description="Its effects (the tree's branches), in order.")
    is_hidden: bool
    may_change: bool = Field(description="You may change the challenge and its problem tree.")


class ChallengeIn(StrictIn):
    title: str
    description: str
    core_problem: str
    why_it_matters: str = ""
    target_groups: str = ""
    open_until: datetime.date | None = Field(None, description="Today or later; null for no last day.")
    status: str = one_of(Challenge.Status, "open")
    language: str = one_of(ContentLanguage, "sv")
    themes: list[str] = Field([], description="Themes' slugs.")
    places: list[str] = Field([], description="Places' slugs.")
    organisation: str | None = Field(None, description="The slug of an organisation you are an active member of; "
                                                       "null for the hub (hub admins and facilitators only).")
    causes: list[str] = Field([], description="The causes, in order.")
    effects: list[str] = Field([], description="The effects, in order.")


class ChallengePatch(StrictIn):
    """Only the fields sent change; null keeps a field as it is (except `organisation` and `open_until`).
    `causes` and `effects`, when sent, replace the whole list."""

    title: str | None = None
    description: str | None = None
    core_problem: str | None = None
    why_it_matters: str | None = None
    target_groups: str | None = None
    open_until: datetime.date | None = None
    status: str | None = one_of(Challenge.Status, None)
    language: str | None = one_of(ContentLanguage, None)
    themes: list[str] | None = None
    places: list[str] | None = None
    organisation: str | None = Field(None, description="An organisation's slug; null for the hub.")
    causes: list[str] | None = None
    effects: list[str] | None = None


class ChallengeFilters(Schema):
    status: str = Field("", json_schema_extra={"enum": Challenge.Status.values}, description="A status.")
    theme: str = Field("", description="A theme's slug.")
    place: str = Field("", description="A place's slug: challenges there or in a place within it.")
    organisation: str = Field("", description="An organisation's slug, or `hub` for the hub's own challenges.")
    q: str = Field("", max_length=100, description="Words in the title, the core problem or the description.")
    sort: str = Field("newest", json_schema_extra={"enum": SORTS},
                      description="Newest first, or by the last open day (soonest first).")


# Reading ---------------------------------------------------------------------------------------------------


def _invalid(name: str, message: str) -> ValidationError:
    return ValidationError({name: message})


def _organisation_ref(organisation: Organisation) -> dict:
    return {"id": organisation.pk, "url": organisation.get_absolute_url(), "slug": organisation.slug,
            "name": organisation.name}


def _place_ref(place: Place) -> dict:
    return {"id": place.pk, "slug": place.slug, "name": place.name, "level": place.level}


def _challenge(challenge: Challenge) -> dict:
    return {
        **{name: getattr(challenge, name) for name in (
            "id", "title", "core_problem", "status", "open_until", "language", "created_at", "updated_at")},
        "url": challenge.get_absolute_url(),
        "status_label": str(challenge.get_status_display()),
        "owner": {"name": str(challenge.owner_name),
                  "organisation": _organisation_ref(challenge.organisation) if challenge.organisation_id else None},
        "themes": list(challenge.themes.all()),
        "places": [_place_ref(place) for place in challenge.places.all()],
        "idea_count": challenge.idea_count,
    }


class ChallengePage:
    """One page of the list, built from the selector's prefetched rows."""

    def __init__(self, queryset):
        self.queryset = queryset

    def __getitem__(self, window: slice) -> list[dict]:
        return [_challenge(challenge) for challenge in self.queryset[window]]

    def __len__(self) -> int:
        return self.queryset.count()


@router.get("", response={200: list[ChallengeOut], 401: Message, 422: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="Challenges",
            description="The challenges that are not hidden, with the filters of their page. An unknown filter value "
                        "is a 422 naming the filter.")
@paginate(LimitOffsetPagination)
def challenge_list(request, filters: Query[ChallengeFilters]):
    if filters.status and filters.status not in Challenge.Status.values:
        raise _invalid("status", _("“%(value)s” is not one of: %(choices)s.") % {
            "value": filters.status[:60], "choices": ", ".join(Challenge.Status.values)})
    if filters.sort and filters.sort not in SORTS:
        raise _invalid("sort", _("“%(value)s” is not one of: %(choices)s.") % {
            "value": filters.sort[:60], "choices": ", ".join(SORTS)})
    if filters.theme and not Theme.objects.filter(slug=filters.theme).exists():
        raise _invalid("theme", _("There is no theme “%(slug)s”.") % {"slug": filters.theme[:60]})
    if filters.place and not Place.objects.filter(slug=filters.place).exists():
        raise _invalid("place", _("There is no place “%(slug)s”.") % {"slug": filters.place[:60]})
    if (filters.organisation and filters.organisation != "hub"
            and not Organisation.objects.filter(slug=filters.organisation).exists()):
        raise _invalid("organisation", _("There is no organisation “%(slug)s”.") % {
            "slug": filters.organisation[:60]})
    return ChallengePage(selectors.challenge_list(
        viewer=request.auth, status=filters.status, theme=filters.theme, place=filters.place,
        organisation=filters.organisation, q=filters.q, sort=filters.sort or "newest"))


def _challenge_or_404(request, challenge_id: int) -> Challenge:
    try:
        challenge = selectors.challenge_get(pk=challenge_id, viewer=request.auth)
    except Challenge.DoesNotExist:
        raise Http404 from None
    if not request.auth.has_perm("ideas.view_challenge", challenge):
        raise Http404
    return challenge


def _challenge_answer(request, challenge: Challenge) -> dict:
    causes, effects = selectors.challenge_tree(challenge)

    def nodes(items: list[ProblemTreeNode]) -> list[dict]:
        return [{"id": node.pk, "text": node.text, "position": node.position} for node in items]

    return {
        **_challenge(challenge),
        "description": challenge.description, "why_it_matters": challenge.why_it_matters,
        "target_groups": challenge.target_groups, "causes": nodes(causes), "effects": nodes(effects),
        "is_hidden": challenge.hidden_at is not None,
        "may_change": request.auth.has_perm("ideas.change_challenge", challenge),
    }


@router.get("/{challenge_id}", response={200: ChallengeDetailOut, 401: Message, 404: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="A challenge",
            description="With its problem tree (causes and effects, in order), the number of answering ideas you "
                        "may see, and whether you may change it.")
def challenge_detail(request, challenge_id: int):
    return _challenge_answer(request, _challenge_or_404(request, challenge_id))


# Writing ---------------------------------------------------------------------------------------------------


def _by_slugs(model, name: str, slugs: list[str]) -> list:
    wanted = list(dict.fromkeys(slugs))
    found = {obj.slug: obj for obj in model.objects.filter(slug__in=wanted)}
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        raise _invalid(name, _("Unknown: %(slugs)s.") % {"slugs": ", ".join(slug[:60] for slug in unknown[:10])})
    return [found[slug] for slug in wanted]


def _relations(data: dict[str, Any]) -> dict[str, Any]:
    relations: dict[str, Any] = {}
    if data.get("themes") is not None:
        relations["themes"] = _by_slugs(Theme, "themes", data["themes"])
    if data.get("places") is not None:
        relations["places"] = _by_slugs(Place, "places", data["places"])
    if "organisation" in data:
        slug = data["organisation"]
        organisation = Organisation.objects.listed().filter(slug=slug).first() if slug else None
        if slug and organisation is None:
            raise _invalid("organisation", _("There is no organisation “%(slug)s”.") % {"slug": slug[:60]})
        relations["organisation"] = organisation
    return relations


def _check_choices(data: dict[str, Any]) -> None:
    for name, choices in (("status", Challenge.Status.values), ("language", ContentLanguage.values)):
        value = data.get(name)
        if value is not None and value not in choices:
            raise _invalid(name, _("“%(value)s” is not one of: %(choices)s.") % {
                "value": str(value)[:60], "choices": ", ".join(choices)})


@router.post("", response={201: ChallengeDetailOut, **ERRORS}, summary="Post a challenge",
             description="Any member may, for an organisation they are an active member of; hub admins and "
                         "facilitators also for the hub (`organisation`: null).")
def challenge_create(request, payload: ChallengeIn):
    data = payload.dict()
    _check_choices(data)
    relations = _relations({name: data.pop(name) for name in ("themes", "places", "organisation")})
    challenge = services.challenge_create(by=request.auth, **relations, **data)
    return Status(201, _challenge_answer(request, selectors.challenge_get(pk=challenge.pk, viewer=request.auth)))


@router.patch("/{challenge_id}", response={200: ChallengeDetailOut, **ERRORS}, summary="Change a challenge",
              description="Its owner side (the member who posted it, active members of its organisation, "
                          "facilitators for the hub's) and hub admins may. Only the fields sent change.")
def challenge_update(request, challenge_id: int, payload: ChallengePatch):
    challenge = _challenge_or_404(request, challenge_id)
    data = payload.dict(exclude_unset=True)
    _check_choices(data)
    tree = {kind: data.pop(f"{kind}s") for kind in ("cause", "effect") if f"{kind}s" in data}
    relations = _relations({name: data.pop(name) for name in ("themes", "places", "organisation") if name in data})
    fields = {name: value for name, value in data.items() if value is not None or name == "open_until"}
    with transaction.atomic():
        services.challenge_update(challenge=Challenge.objects.get(pk=challenge.pk), by=request.auth, **relations,
                                  **fields)
        for kind, texts in tree.items():
            if texts is not None:
                services.tree_nodes_set(challenge=challenge, by=request.auth, kind=kind, texts=texts)
    return _challenge_answer(request, selectors.challenge_get(pk=challenge.pk, viewer=request.auth))

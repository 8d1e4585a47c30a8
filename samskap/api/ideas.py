"""/api/v1/ideas: ideas for scripts — the list with the filters of its page, one idea, submitting, changing and
moving an idea to another stage.

Thin, like the pages: the ideas selectors read, the ideas services write and check rights, the rules decide
who sees what. The list has the published ideas the caller may see: public ones for everyone, those for
network members too once the caller is a member, and the caller's own team's ideas (drafts included); hub
admins every idea. One idea anyone may not see is a 404 to them.
"""

import datetime
import hashlib
from typing import Any

import rules
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.actors.models import ContentLanguage
from samskap.core.fragments import FRAGMENT_TIMEOUT, IDEAS, generation
from samskap.core.models import Place, Theme
from samskap.core.permissions import is_member
from samskap.ideas import selectors, services
from samskap.ideas.models import Challenge, Idea, IdeaNeed, Incubator, Phase, Stage, TeamMember, Visibility

from .directory import ERRORS, OPEN, OPEN_SECURITY
from .directory_schemas import PlaceRef, StrictIn, ThemeRef, one_of
from .schemas import Message

router = Router(tags=["ideas"])


# Schemas -----------------------------------------------------------------------------------------------------


class StageOut(Schema):
    slug: str
    label: str = Field(description="The stage's name in the language of the request.")
    phase: str = Field(description="COK's phase the stage belongs to (empty when none).",
                       json_schema_extra={"enum": ["", *Phase.values]})


class NeedOut(Schema):
    kind: str = one_of(IdeaNeed.Kind)
    text: str


class IdeaOut(Schema):
    id: int
    url: str = Field(description="The idea's page on the site (an absolute address).")
    title: str
    summary: str
    stage: StageOut
    place: PlaceRef | None
    themes: list[ThemeRef]
    needs: list[NeedOut] = Field(description="What the idea needs, one short text per kind.")
    support_count: int
    comment_count: int
    challenge: int | None = Field(description="The id of the challenge the idea answers.")
    published_at: datetime.datetime | None = Field(description="Null for a draft (seen only by its team).")


class IdeaDetailOut(IdeaOut):
    problem: str
    target_group: str
    solution: str
    location: str
    language: str = one_of(ContentLanguage)
    visibility: str = one_of(Visibility)
    may_change: bool = Field(description="You may change the idea.")
    may_move_stage: bool = Field(description="You may move the idea to another stage.")


class IdeaIn(StrictIn):
    title: str
    summary: str
    problem: str = ""
    challenge: int | None = Field(None, description="The id of a challenge the idea answers.")
    target_group: str = ""
    solution: str = ""
    place: str | None = Field(None, description="A place's slug (or id).")
    location: str = ""
    language: str = one_of(ContentLanguage, "sv")
    visibility: str = one_of(Visibility, "public")
    themes: list[str] = Field([], description="Themes' slugs.")
    needs: dict[str, str] = Field({}, description="What the idea needs: a short text per kind "
                                                  "(competence, funding, premises, partners, volunteers).")
    publish: bool = Field(True, description="False keeps the idea as a draft, seen only by its team.")


class IdeaPatch(StrictIn):
    """Only the fields sent change."""

    title: str | None = None
    summary: str | None = None
    problem: str | None = None
    challenge: int | None = Field(None, description="A challenge's id; null for none.")
    target_group: str | None = None
    solution: str | None = None
    place: str | None = Field(None, description="A place's slug (or id); null for none.")
    location: str | None = None
    language: str | None = one_of(ContentLanguage, None)
    visibility: str | None = one_of(Visibility, None)
    themes: list[str] | None = None
    needs: dict[str, str] | None = None


class StageIn(StrictIn):
    stage: str = Field(description="The stage's slug (or id).")
    reason: str = Field("", description="Why, for the idea's timeline (under 500 characters).")


class IdeaFilters(Schema):
    stage: str = Field("", description="A stage's slug.")
    theme: str = Field("", description="A theme's slug.")
    place: str = Field("", description="A place's slug (or id): ideas there and in the places within it.")
    challenge: int | None = Field(None, description="A challenge's id: the ideas answering it.")
    incubator: str = Field("", description="An incubator's slug: the ideas in its cohort.")
    q: str = Field("", max_length=100, description="Words in the title, summary, problem, solution or target "
                                                   "group.")


class IdeasPagination(LimitOffsetPagination):
    """Limit/offset pages whose total is kept until an idea changes (the ideas generation). The count's key holds
    the query with its parameters, the caller's rights included."""

    def _items_count(self, items) -> int:
        queryset = getattr(items, "queryset", items)
        if not hasattr(queryset, "query"):
            return super()._items_count(items)
        sql, params = queryset.query.sql_with_params()
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
        key = f"api-count:{generation(IDEAS)}:{digest}"
        count = cache.get(key)
        if count is None:
            count = queryset.count()
            cache.set(key, count, FRAGMENT_TIMEOUT)
        return count


# Reading -----------------------------------------------------------------------------------------------------


def _invalid(name: str, message: str) -> ValidationError:
    return ValidationError({name: message})


def _place_slug(value: str) -> str:
    """A place named by slug or id, as its slug; an unknown one is a 422 naming the filter."""
    lookup = {"pk": int(value)} if value.isdigit() else {"slug": value}
    slug = Place.objects.filter(**lookup).values_list("slug", flat=True).first()
    if slug is None:
        raise _invalid("place", _("There is no place “%(value)s”.") % {"value": value[:60]})
    return slug


def _ideas_for(user) -> QuerySet[Idea]:
    """The ideas `user` may see in the list (the rule ideas.view_idea as one query, but for mentors and
    facilitators of team-only ideas, who find those on their boards)."""
    if is_member(user) and user.is_superuser:
        return Idea.objects.all()
    if not is_member(user):
        return selectors.ideas_listed(user)
    shown = selectors.ideas_visible_q(user)
    mine = Exists(TeamMember.objects.filter(idea_id=OuterRef("pk"), user=user, accepted_at__isnull=False))
    return Idea.objects.filter(shown | mine)


def _idea(request, idea: Idea) -> dict:
    return {
        "id": idea.pk,
        "url": idea.get_absolute_url(),
        "title": idea.title,
        "summary": idea.summary,
        "stage": {"slug": idea.stage.slug, "label": idea.stage.label, "phase": idea.stage.phase},
        "place": ({"id": idea.place.pk, "slug": idea.place.slug, "name": idea.place.name, "level": idea.place.level}
                  if idea.place_id else None),
        "themes": [{"id": theme.pk, "slug": theme.slug, "kind": theme.kind, "label": theme.label}
                   for theme in idea.themes.all()],
        "needs": [{"kind": need.kind, "text": need.text} for need in idea.needs.all()],
        "support_count": idea.support_count,
        "comment_count": idea.comment_count,
        "challenge": idea.challenge_id,
        "published_at": idea.published_at,
    }


def _with_relations(ideas: QuerySet[Idea]) -> QuerySet[Idea]:
    return selectors.for_cards(ideas).prefetch_related(Prefetch("needs", queryset=IdeaNeed.objects.order_by("kind")))


class IdeaPage:
    """One page of the list, built from prefetched rows."""

    def __init__(self, request, queryset):
        self.request, self.queryset = request, queryset

    def __getitem__(self, window: slice) -> list[dict]:
        return [_idea(self.request, idea) for idea in self.queryset[window]]

    def __len__(self) -> int:
        return self.queryset.count()


@router.get("", response={200: list[IdeaOut], 401: Message, 422: Message}, auth=OPEN, openapi_extra=OPEN_SECURITY,
            summary="Ideas",
            description="Published ideas you may see, newest first, with the filters of the idea list. An unknown "
                        "stage, theme, place or incubator is a 422 naming the filter.")
@paginate(IdeasPagination)
def idea_list(request, filters: Query[IdeaFilters]):
    data = filters.dict()
    if data["stage"] and not Stage.objects.filter(slug=data["stage"]).exists():
        raise _invalid("stage", _("There is no stage “%(slug)s”.") % {"slug": data["stage"][:60]})
    if data["theme"] and not Theme.objects.filter(slug=data["theme"]).exists():
        raise _invalid("theme", _("There is no theme “%(slug)s”.") % {"slug": data["theme"][:60]})
    if data["incubator"] and not Incubator.objects.filter(slug=data["incubator"]).exists():
        raise _invalid("incubator", _("There is no incubator “%(slug)s”.") % {"slug": data["incubator"][:60]})
    if data["place"]:
        data["place"] = _place_slug(data["place"])
    data["q"] = " ".join(data["q"].split())
    ideas = selectors.ideas_filtered(_ideas_for(request.auth), data).order_by("-published_at", "-id")
    return IdeaPage(request, _with_relations(ideas))


def _idea_or_404(request, idea_id: int) -> Idea:
    idea = _with_relations(Idea.objects.filter(pk=idea_id)).select_related("challenge").first()
    if idea is None or not request.auth.has_perm("ideas.view_idea", idea):
        raise Http404
    return idea


def _idea_answer(request, idea: Idea) -> dict:
    return {
        **_idea(request, idea),
        **{name: getattr(idea, name) for name in ("problem", "target_group", "solution", "location", "language",
                                                  "visibility")},
        "may_change": request.auth.has_perm("ideas.change_idea", idea),
        "may_move_stage": rules.has_perm("ideas.move_stage", request.auth, idea),
    }


@router.get("/{idea_id}", response={200: IdeaDetailOut, 401: Message, 404: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="An idea",
            description="With what you may do with it. A draft, a hidden idea or one for network members or its "
                        "team only is a 404 to those who may not see it.")
def idea_detail(request, idea_id: int):
    return _idea_answer(request, _idea_or_404(request, idea_id))


# Writing -----------------------------------------------------------------------------------------------------


def _relations(data: dict[str, Any]) -> dict[str, Any]:
    """Themes, the place and the challenge as the services take them."""
    relations: dict[str, Any] = {}
    if data.get("themes") is not None:
        wanted = list(dict.fromkeys(data["themes"]))
        found = {theme.slug: theme for theme in Theme.objects.filter(slug__in=wanted, is_active=True)}
        unknown = [slug for slug in wanted if slug not in found]
        if unknown:
            raise _invalid("themes", _("Unknown: %(slugs)s.") % {"slugs": ", ".join(s[:60] for s in unknown[:10])})
        relations["themes"] = [found[slug] for slug in wanted]
    if "place" in data:
        relations["place"] = (Place.objects.get(slug=_place_slug(str(data["place"]))) if data["place"] else None)
    if "challenge" in data:
        challenge = None
        if data["challenge"] is not None:
            challenge = Challenge.objects.visible().filter(pk=data["challenge"]).first()
            if challenge is None:
                raise _invalid("challenge", _("There is no challenge %(id)s.") % {"id": data["challenge"]})
        relations["challenge"] = challenge
    return relations


def _reloaded(request, idea: Idea) -> dict:
    return _idea_answer(request, _with_relations(Idea.objects.filter(pk=idea.pk)).get())


@router.post("", response={201: IdeaDetailOut, **ERRORS}, summary="Submit an idea",
             description="Any member may. You become its initiator. With `publish: false` it is kept as a draft.")
def idea_create(request, payload: IdeaIn):
    data = payload.dict()
    relations = _relations({name: data.pop(name) for name in ("themes", "place", "challenge")})
    publish, needs = data.pop("publish"), data.pop("needs")
    idea = services.idea_create(author=request.auth, publish=publish, needs=needs, **relations, **data)
    return Status(201, _reloaded(request, idea))


@router.patch("/{idea_id}", response={200: IdeaDetailOut, **ERRORS}, summary="Change an idea",
              description="Its core team (initiators and co-founders) and hub admins may. Only the fields sent "
                          "change.")
def idea_update(request, idea_id: int, payload: IdeaPatch):
    idea = _idea_or_404(request, idea_id)
    data = payload.dict(exclude_unset=True)
    relations = _relations({name: data.pop(name) for name in ("themes", "place", "challenge") if name in data})
    needs = data.pop("needs", None)
    fields = {name: value for name, value in data.items() if value is not None}
    services.idea_update(idea=idea, by=request.auth, needs=needs, **relations, **fields)
    return _reloaded(request, idea)


@router.post("/{idea_id}/stage", response={200: IdeaDetailOut, 400: Message, **ERRORS},
             url_name="idea_stage_api", summary="Move an idea to another stage",
             description="Its core team, its facilitators and hub admins may, once it is published. The change is "
                         "recorded with who, when and why on the idea's timeline, and its followers are told. An "
                         "unknown stage is a 400.")
def idea_stage(request, idea_id: int, payload: StageIn):
    idea = _idea_or_404(request, idea_id)
    try:
        services.idea_move_to_stage(idea=idea, stage=payload.stage.strip(), by=request.auth, reason=payload.reason)
    except ValidationError as error:
        if getattr(error, "code", None) == "unknown_stage":
            return Status(400, {"message": _("There is no stage “%(stage)s”.") % {"stage": payload.stage[:60]}})
        raise
    return _reloaded(request, idea)

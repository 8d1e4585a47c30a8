"""Reads for an idea's own pages (part B1): the idea list with its filters and sorts, an idea's page, my ideas.
Each runs a fixed number of queries, whatever the number of ideas."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from samskap.core.models import Place, Theme
from samskap.core.permissions import is_member

from .models import CohortMembership, Idea, IdeaImage, IdeaNeed, TeamMember, Visibility
from .permissions import idea_roles

SORTS = ("newest", "supported", "commented")
FILTERS = ("q", "stage", "theme", "place", "challenge", "incubator", "need", "language")
IdeaThemes = Idea.themes.through


def ideas_visible_q(viewer, *, prefix: str = "", own: bool = False) -> Q:
    """Which ideas `viewer` may see in a list, as a filter (`prefix` for a related lookup, e.g. "ideas__"):
    published, not hidden and public (for members also those for network members). With `own`, also the
    published ones of the viewer's team or that the viewer mentors (a join: make the query `distinct()`)."""
    def q(**lookups) -> Q:
        return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})

    member = is_member(viewer)
    shown = q(published_at__isnull=False, hidden_at__isnull=True)
    visibilities = q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS] if member else [Visibility.PUBLIC])
    if not (own and member):
        return shown & visibilities
    return shown & (visibilities | q(team__user=viewer, team__accepted_at__isnull=False)
                    | q(mentor_assignments__mentor=viewer))


def ideas_listed(user) -> QuerySet[Idea]:
    """Published ideas that are not hidden and that `user` may see in a list: public ones, and for logged-in
    members also those for network members."""
    return Idea.objects.filter(ideas_visible_q(user))


def places_within(slug: str) -> QuerySet:
    """The place and the places below it (a region's municipalities, a municipality's neighbourhoods …)."""
    return Place.objects.filter(Q(slug=slug) | Q(parent__slug=slug) | Q(parent__parent__slug=slug)
                                | Q(parent__parent__parent__slug=slug)).values("pk")


def for_cards(ideas: QuerySet) -> QuerySet[Idea]:
    return ideas.select_related("stage", "place", "place__parent").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")))


def ideas_filtered(ideas: QuerySet, filters: dict) -> QuerySet[Idea]:
    """Apply the list's filters: stage (slug), theme (slug), place (slug, with the places below it), challenge (id),
    incubator (slug: the ideas in its cohort), need (a kind), language, q (words in the title, summary, problem,
    solution or who it is for)."""
    if filters.get("stage"):
        ideas = ideas.filter(stage__slug=filters["stage"])
    if filters.get("theme"):
        ideas = ideas.filter(Exists(IdeaThemes.objects.filter(idea_id=OuterRef("pk"), theme__slug=filters["theme"])))
    if filters.get("place"):
        ideas = ideas.filter(place_id__in=places_within(filters["place"]))
    if filters.get("challenge"):
        ideas = ideas.filter(challenge_id=filters["challenge"])
    if filters.get("incubator"):
        ideas = ideas.filter(Exists(CohortMembership.objects.filter(idea_id=OuterRef("pk"),
                                                                    incubator__slug=filters["incubator"])))
    if filters.get("need"):
        ideas = ideas.filter(Exists(IdeaNeed.objects.filter(idea_id=OuterRef("pk"), kind=filters["need"])))
    if filters.get("language"):
        ideas = ideas.filter(language=filters["language"])
    for word in (filters.get("q") or "").split()[:8]:
        ideas = ideas.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(problem__icontains=word)
                             | Q(solution__icontains=word) | Q(target_group__icontains=word))
    return ideas


def idea_list(*, user, filters: dict | None = None, sort: str = "") -> QuerySet[Idea]:
    """The ideas `user` may see, filtered (see `ideas_filtered`), newest first, most supported or most commented
    (`sort`, or filters["sort"])."""
    filters = filters or {}
    sort = sort or filters.get("sort") or "newest"
    ideas = ideas_filtered(ideas_listed(user), filters)
    if sort == "supported":
        ideas = ideas.order_by("-support_count", "-published_at", "-id")
    elif sort == "commented":
        ideas = ideas.order_by("-comment_count", "-published_at", "-id")
    else:
        ideas = ideas.order_by("-published_at", "-id")
    return for_cards(ideas)


@dataclass
class IdeaPage:
    """An idea with what its page shows, and what the viewer may do there."""

    idea: Idea
    may_view: bool
    may_change: bool = False
    may_delete: bool = False
    may_publish: bool = False
    is_team: bool = False
    images: list[IdeaImage] = field(default_factory=list)
    needs: list[IdeaNeed] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)


def idea_get(*, pk: int) -> Idea:
    """One idea in any state with its stage, place, challenge; raises Idea.DoesNotExist."""
    return Idea.objects.select_related("stage", "place", "place__parent", "challenge", "author").get(pk=pk)


def idea_page(*, pk: int, user) -> IdeaPage:
    """The idea `pk` for `user`'s eyes; `may_view` False (and nothing else loaded) when they may not see it.
    Raises Idea.DoesNotExist."""
    idea = Idea.objects.select_related(
        "stage", "place", "place__parent", "challenge", "author", "hidden_by").prefetch_related(
        Prefetch("images", queryset=IdeaImage.objects.filter(log_entry__isnull=True).order_by("position", "id")),
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
        "needs",
    ).get(pk=pk)
    if not user.has_perm("ideas.view_idea", idea):
        return IdeaPage(idea=idea, may_view=False)
    may_change = user.has_perm("ideas.change_idea", idea)
    return IdeaPage(
        idea=idea, may_view=True, may_change=may_change, may_delete=user.has_perm("ideas.delete_idea", idea),
        may_publish=may_change and idea.is_draft, is_team=idea_roles(user, idea).is_team,
        images=list(idea.images.all()),
        needs=sorted(idea.needs.all(), key=lambda need: IdeaNeed.Kind.values.index(need.kind)),
        themes=list(idea.themes.all()))


def my_ideas(*, user) -> QuerySet[Idea]:
    """The ideas `user` is an accepted team member of, drafts included, the newest first."""
    teams = TeamMember.objects.filter(user=user, accepted_at__isnull=False).values("idea_id")
    return for_cards(Idea.objects.filter(pk__in=teams)).order_by("-created_at", "-id")

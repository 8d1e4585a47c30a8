"""Reads for the challenge pages and the challenge API: the list with its filters and sorts, one challenge with
its problem tree, and the ideas answering it. Each runs a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet

from samskap.actors.models import Membership, Organisation
from samskap.core.models import Place, Theme
from samskap.core.permissions import is_member

from .models import Challenge, Idea, ProblemTreeNode
from .selectors import ideas_visible_q, places_within

SORTS = ("newest", "open_until")
ChallengeThemes = Challenge.themes.through
ChallengePlaces = Challenge.places.through


def for_cards(challenges: QuerySet, *, viewer) -> QuerySet:
    return challenges.select_related("organisation").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug")),
        Prefetch("places", queryset=Place.objects.select_related("parent").order_by("name")),
    ).annotate(idea_count=Count("ideas", filter=ideas_visible_q(viewer, prefix="ideas__"), distinct=True))


def challenges_filtered(challenges: QuerySet, *, status: str = "", theme: str = "", place: str = "",
                        organisation: str = "", q: str = "") -> QuerySet:
    """`place` (a slug) keeps challenges for that place or a place below it; `organisation` (a slug) those it
    owns, `hub` those the hub owns; `q` words in the title, the core problem or the description."""
    if status:
        challenges = challenges.filter(status=status)
    if theme:
        challenges = challenges.filter(Exists(ChallengeThemes.objects.filter(challenge_id=OuterRef("pk"),
                                                                             theme__slug=theme)))
    if place:
        challenges = challenges.filter(Exists(ChallengePlaces.objects.filter(
            challenge_id=OuterRef("pk"), place_id__in=places_within(place))))
    if organisation == "hub":
        challenges = challenges.filter(organisation__isnull=True)
    elif organisation:
        challenges = challenges.filter(organisation__slug=organisation)
    for word in " ".join(q.split()).split(" ")[:8] if q.strip() else []:
        challenges = challenges.filter(Q(title__icontains=word) | Q(core_problem__icontains=word)
                                       | Q(description__icontains=word))
    return challenges


def challenge_list(*, viewer, status: str = "", theme: str = "", place: str = "", organisation: str = "",
                   q: str = "", sort: str = "newest") -> QuerySet[Challenge]:
    """Challenges that are not hidden, filtered, newest first or by their last open day (soonest first, those
    without one last), each with `idea_count`: the answering ideas `viewer` may see."""
    challenges = challenges_filtered(Challenge.objects.visible(), status=status, theme=theme, place=place,
                                     organisation=organisation, q=q)
    if sort == "open_until":
        challenges = challenges.order_by(F("open_until").asc(nulls_last=True), "-created_at", "-id")
    else:
        challenges = challenges.order_by("-created_at", "-id")
    return for_cards(challenges, viewer=viewer)


def challenge_get(*, pk: int, viewer=None) -> Challenge:
    """One challenge in any state, with its owner, themes, places, problem tree and `idea_count`; the caller
    checks who may see it."""
    return for_cards(Challenge.objects.all(), viewer=viewer).select_related("created_by").prefetch_related(
        Prefetch("tree_nodes", queryset=ProblemTreeNode.objects.order_by("kind", "position", "id"))).get(pk=pk)


def challenge_tree(challenge: Challenge) -> tuple[list[ProblemTreeNode], list[ProblemTreeNode]]:
    """The causes and the effects, each in order (from the prefetched nodes when there are)."""
    nodes = sorted(challenge.tree_nodes.all(), key=lambda node: (node.position, node.pk))
    return ([node for node in nodes if node.kind == ProblemTreeNode.Kind.CAUSE],
            [node for node in nodes if node.kind == ProblemTreeNode.Kind.EFFECT])


def challenge_ideas(*, challenge: Challenge, viewer) -> QuerySet[Idea]:
    """The ideas answering the challenge that `viewer` may see in a list, most supported first."""
    return (Idea.objects.filter(ideas_visible_q(viewer), challenge=challenge).select_related("stage")
            .only("pk", "title", "summary", "support_count", "comment_count", "language", "published_at",
                  "stage__slug", "stage__labels")
            .order_by("-support_count", "-published_at", "-id"))


def owner_organisations(user) -> list[Organisation]:
    """The listed organisations `user` is an active member of: those they may post a challenge for."""
    if not is_member(user):
        return []
    return list(Organisation.objects.listed().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE,
    ).only("name", "slug").order_by("name", "pk"))


def organisations_owning() -> list[Organisation]:
    """The organisations that own a visible challenge: the list's owner filter."""
    return list(Organisation.objects.filter(Exists(Challenge.objects.visible().filter(
        organisation_id=OuterRef("pk")))).only("name", "slug").order_by("name", "pk"))

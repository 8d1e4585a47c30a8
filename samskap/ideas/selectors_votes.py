"""Reads for dot votes: the votes a member sees, one vote's ballot with the member's dots, and its results.

The results are one aggregate query: the vote's ideas, each with the sum of its dots and its number of voters
(subqueries per idea, so ideas without dots rank too).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Challenge, Dot, DotVote, Idea, Incubator, IntakeRound
from .services_votes import votable_ideas

BY_HAND_LIMIT = 50


def _sum_of_dots(vote_id: int, **conditions) -> Coalesce:
    dots = (Dot.objects.filter(vote_id=vote_id, idea_id=OuterRef("pk"), **conditions).order_by()
            .values("idea_id").annotate(total=Sum("count")).values("total"))
    return Coalesce(Subquery(dots, output_field=IntegerField()), Value(0))


def _voters(vote_id: int) -> Coalesce:
    voters = (Dot.objects.filter(vote_id=vote_id, idea_id=OuterRef("pk")).order_by()
              .values("idea_id").annotate(n=Count("user_id", distinct=True)).values("n"))
    return Coalesce(Subquery(voters, output_field=IntegerField()), Value(0))


def dot_vote_get(*, pk: int) -> DotVote:
    return DotVote.objects.select_related("incubator", "challenge", "round", "opened_by").get(pk=pk)


@dataclass
class VoteLists:
    open: list[DotVote]
    closed: list[DotVote]


def dot_votes_list(*, now=None) -> VoteLists:
    """Every vote (members see them all), open ones first by closing time, then closed ones newest first;
    each with its number of ideas and voters. One query."""
    now = now or timezone.now()
    votes = list(DotVote.objects.select_related("incubator", "challenge", "round").annotate(
        idea_count=Count("ideas", distinct=True), voter_count=Count("dots__user", distinct=True))
        .order_by("-opened_at", "-id")[:200])
    open_votes = [vote for vote in votes if not vote.is_closed(now)]
    open_votes.sort(key=lambda vote: (vote.closes_at is None, vote.closes_at or now))
    return VoteLists(open=open_votes, closed=[vote for vote in votes if vote.is_closed(now)])


def dot_vote_ballot(*, vote: DotVote, user, with_tally: bool) -> list[Idea]:
    """The vote's ideas a member sees, with `my_dots` (and, when the tally may be shown, `dots` and
    `voters`), by title (a ranking while voting would sway the vote). One query."""
    ideas = (votable_ideas().filter(dot_votes=vote).select_related("stage", "place")
             .annotate(my_dots=_sum_of_dots(vote.pk, user_id=user.pk) if user.is_authenticated else Value(0)))
    if with_tally:
        ideas = ideas.annotate(dots=_sum_of_dots(vote.pk), voters=_voters(vote.pk))
    return list(ideas.order_by("title", "pk"))


def dot_vote_results(*, vote: DotVote) -> list[Idea]:
    """The vote's ideas ranked by dots, then by voters, each with `dots`, `voters` and `rank` (equal dots and
    voters share a rank). One query."""
    ideas = list(votable_ideas().filter(dot_votes=vote).select_related("stage")
                 .annotate(dots=_sum_of_dots(vote.pk), voters=_voters(vote.pk))
                 .order_by("-dots", "-voters", "title", "pk"))
    previous = None
    for position, idea in enumerate(ideas, start=1):
        key = (idea.dots, idea.voters)
        idea.rank = previous.rank if previous is not None and (previous.dots, previous.voters) == key else position
        previous = idea
    return ideas


def dots_used(*, vote: DotVote, user) -> int:
    if not user.is_authenticated:
        return 0
    return Dot.objects.filter(vote=vote, user=user).aggregate(total=Coalesce(Sum("count"), 0))["total"]


def dot_vote_voter_count(*, vote: DotVote) -> int:
    return Dot.objects.filter(vote=vote).values("user_id").distinct().count()


# Opening a vote: where the set of ideas comes from ---------------------------------------------------------


def challenges_for_votes() -> QuerySet[Challenge]:
    return Challenge.objects.visible().exclude(status=Challenge.Status.CLOSED).only("pk", "title").order_by("title")


def incubators_for_votes(*, user) -> QuerySet[Incubator]:
    incubators = Incubator.objects.filter(is_active=True).only("pk", "name", "slug").order_by("name")
    if user.has_perm("ideas.open_dot_vote"):
        return incubators
    return incubators.filter(facilitators=user)


def rounds_for_votes(*, user) -> QuerySet[IntakeRound]:
    rounds = IntakeRound.objects.select_related("incubator").order_by("-opens_on", "-id")
    if user.has_perm("ideas.open_dot_vote"):
        return rounds
    return rounds.filter(incubator__facilitators=user)


def vote_candidates(*, challenge: Challenge | None = None, round: IntakeRound | None = None,
                    incubator: Incubator | None = None, q: str = "") -> QuerySet[Idea]:
    """The ideas a new vote may be over: a challenge's answers, a round's applicants, an incubator's cohort,
    or (by hand) the newest ideas, optionally those whose title has `q`. Most supported first."""
    ideas = votable_ideas()
    if challenge is not None:
        ideas = ideas.filter(challenge=challenge)
    elif round is not None:
        ideas = ideas.filter(applications__round=round)
    elif incubator is not None:
        ideas = ideas.filter(cohort_memberships__incubator=incubator)
    else:
        if q:
            ideas = ideas.filter(Q(title__icontains=q) | Q(summary__icontains=q))
        return ideas.order_by("-published_at", "-id")
    return ideas.order_by("-support_count", "title", "pk")

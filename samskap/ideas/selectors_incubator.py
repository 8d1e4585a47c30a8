"""Reads for incubators and intake rounds: the list, an incubator's page, a round, the ideas a member may apply
with, a reviewer's work list, the scoring page and the ranked overview. A fixed number of queries each."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (Count, Exists, F, FloatField, OuterRef, Prefetch, Q, QuerySet, Sum)
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samskap.core.permissions import is_hub_admin

from .models import (Application, CohortMembership, Idea, Incubator, IntakeRound, Review, RubricCriterion, Score,
                     TeamMember)
from .selectors import ideas_visible_q


def _cohort_visible_q(viewer, *, facilitator: bool) -> Q:
    """The cohort rows whose idea `viewer` may see: all for hub admins, every published one that is not hidden
    for the incubator's facilitators, and otherwise what lists show (with the viewer's own team's and mentored
    ideas)."""
    if is_hub_admin(viewer):
        return Q()
    if facilitator:
        return Q(idea__published_at__isnull=False, idea__hidden_at__isnull=True)
    return ideas_visible_q(viewer, prefix="idea__", own=True)


def incubator_list() -> QuerySet[Incubator]:
    """Active incubators by name, with their place, organisation, cohort size and open rounds counted."""
    today = timezone.localdate()
    open_rounds = IntakeRound.objects.filter(incubator=OuterRef("pk"), opens_on__lte=today, closes_on__gte=today)
    return (Incubator.objects.filter(is_active=True).select_related("place", "organisation")
            .annotate(cohort_size=Count("cohort", distinct=True), has_open_round=Exists(open_rounds))
            .order_by("name", "id"))


@dataclass
class IncubatorPage:
    incubator: Incubator
    facilitators: list
    open_rounds: list
    other_rounds: list
    cohort: list
    is_facilitator: bool
    can_change: bool


def incubator_page(*, slug: str, viewer) -> IncubatorPage:
    """An incubator with its facilitators, rounds (the facilitators see past and coming ones too) and the
    cohort's ideas the viewer may see."""
    incubator = get_object_or_404(Incubator.objects.select_related("place", "organisation"), slug=slug)
    facilitators = list(incubator.facilitators.order_by("name", "pk"))
    incubator.__dict__["_facilitator_ids"] = {user.pk for user in facilitators}
    is_facilitator = bool(viewer.is_authenticated and viewer.pk in incubator.__dict__["_facilitator_ids"])
    can_change = viewer.has_perm("ideas.change_incubator", incubator)
    today = timezone.localdate()
    rounds = list(incubator.rounds.select_related("challenge").order_by("-opens_on", "-id"))
    open_rounds = [r for r in rounds if r.opens_on <= today <= r.closes_on]
    other_rounds = [r for r in rounds if r not in open_rounds] if can_change else []
    visible = _cohort_visible_q(viewer, facilitator=can_change)
    cohort = list(CohortMembership.objects.filter(visible, incubator=incubator)
                  .select_related("idea__stage", "idea__place").order_by("board_position", "id").distinct())
    return IncubatorPage(incubator=incubator, facilitators=facilitators, open_rounds=open_rounds,
                         other_rounds=other_rounds, cohort=cohort, is_facilitator=is_facilitator,
                         can_change=can_change)


def incubator_get(*, slug: str) -> Incubator:
    return get_object_or_404(Incubator.objects.select_related("place", "organisation"), slug=slug)


def round_get(*, pk: int) -> IntakeRound:
    return get_object_or_404(IntakeRound.objects.select_related("incubator", "challenge"), pk=pk)


def round_with_items(*, pk: int) -> IntakeRound:
    """A round with its questions and rubric (for its page and forms)."""
    return get_object_or_404(
        IntakeRound.objects.select_related("incubator", "challenge")
        .prefetch_related("questions", "criteria", "reviewers"), pk=pk)


def application_get(*, pk: int) -> Application:
    return get_object_or_404(Application.objects.select_related("round__incubator", "idea__stage", "applicant",
                                                                "decided_by"), pk=pk)


def ideas_to_apply_with(*, user, round: IntakeRound) -> list[Idea]:
    """The published ideas `user` is initiator or co-founder of, that have not applied to `round` yet."""
    if not user.is_authenticated:
        return []
    applied = Application.objects.filter(round=round, idea=OuterRef("pk"))
    return list(Idea.objects.published()
                .filter(team__user=user, team__accepted_at__isnull=False,
                        team__role__in=[TeamMember.Role.INITIATOR, TeamMember.Role.CO_FOUNDER])
                .exclude(Exists(applied)).order_by("title", "pk").distinct())


def applications_of(*, user, round: IntakeRound) -> list[Application]:
    """The applications to `round` of ideas whose team `user` is on (or which they sent)."""
    if not user.is_authenticated:
        return []
    return list(Application.objects.filter(round=round)
                .filter(Q(applicant=user) | Q(idea__team__user=user, idea__team__accepted_at__isnull=False))
                .select_related("idea").distinct().order_by("submitted_at", "pk"))


@dataclass
class ReviewList:
    round: IntakeRound
    applications: list
    scored: int = 0
    submitted: int = 0

    @property
    def total(self) -> int:
        return len(self.applications)


def round_reviews(*, round: IntakeRound, reviewer) -> ReviewList:
    """The round's applications for one reviewer, each with the reviewer's own review (if any) and whether the
    reviewer is on its team; and their progress."""
    own = Review.objects.filter(reviewer=reviewer)
    on_team = TeamMember.objects.filter(idea=OuterRef("idea"), user=reviewer, accepted_at__isnull=False)
    applications = list(Application.objects.filter(round=round).select_related("idea")
                        .prefetch_related(Prefetch("reviews", queryset=own, to_attr="own_reviews"))
                        .annotate(reviewer_on_team=Exists(on_team)).order_by("submitted_at", "pk"))
    result = ReviewList(round=round, applications=applications)
    for application in applications:
        application.own_review = application.own_reviews[0] if application.own_reviews else None
        if application.own_review and application.own_review.submitted_at:
            result.submitted += 1
    result.scored = result.submitted
    return result


@dataclass
class ReviewPage:
    criteria: list
    own: Review | None
    own_scores: dict
    others: list = field(default_factory=list)  # submitted reviews of the others, shown once own is submitted


def review_page(*, application: Application, reviewer) -> ReviewPage:
    """The rubric, the reviewer's own review and (only once it is submitted) the others' submitted reviews."""
    criteria = list(application.round.criteria.all())
    reviews = list(Review.objects.filter(application=application).select_related("reviewer")
                   .prefetch_related("scores").order_by("submitted_at", "pk"))
    own = next((r for r in reviews if r.reviewer_id == reviewer.pk), None)
    own_scores = {s.criterion_id: s.value for s in own.scores.all()} if own else {}
    others = []
    if own is not None and own.submitted_at is not None:
        others = [_review_row(r, criteria) for r in reviews if r.pk != own.pk and r.submitted_at is not None]
    return ReviewPage(criteria=criteria, own=own, own_scores=own_scores, others=others)


def _review_row(review: Review, criteria: list) -> dict:
    values = {s.criterion_id: s.value for s in review.scores.all()}
    return {"review": review, "scores": [(criterion, values.get(criterion.pk)) for criterion in criteria],
            "weighted": _weighted(values, criteria)}


def _weighted(values: dict, criteria: list) -> float | None:
    weights = sum(c.weight for c in criteria if values.get(c.pk) is not None)
    if not weights:
        return None
    return sum(c.weight * values[c.pk] for c in criteria if values.get(c.pk) is not None) / weights


def submitted_reviews(*, application: Application) -> list[dict]:
    """Every submitted review of an application, with its scores per criterion (for facilitators)."""
    criteria = list(application.round.criteria.all())
    reviews = (Review.objects.filter(application=application, submitted_at__isnull=False)
               .select_related("reviewer").prefetch_related("scores").order_by("submitted_at", "pk"))
    return [_review_row(r, criteria) for r in reviews]


@dataclass
class Ranking:
    round: IntakeRound
    criteria: list
    applications: list


def round_ranking(*, round: IntakeRound) -> Ranking:
    """The round's applications by weighted average score, best first, unscored last: Σ weight × score / Σ weight
    over the submitted reviews (each submitted review scores every criterion, so this is the average of the
    reviews' weighted scores), with how many reviews and each criterion's average. Three queries."""
    criteria = list(RubricCriterion.objects.filter(round=round).order_by("position", "pk"))
    submitted = Q(reviews__submitted_at__isnull=False)
    applications = list(
        Application.objects.filter(round=round).select_related("idea")
        .annotate(
            n_reviews=Count("reviews", filter=submitted, distinct=True),
            weighted_sum=Sum(F("reviews__scores__value") * F("reviews__scores__criterion__weight"), filter=submitted),
            weight_sum=Sum("reviews__scores__criterion__weight", filter=submitted))
        .annotate(weighted=Cast("weighted_sum", FloatField()) / Cast("weight_sum", FloatField()))
        .order_by(F("weighted").desc(nulls_last=True), "submitted_at", "pk"))
    averages: dict[tuple[int, int], float] = {}
    rows = (Score.objects.filter(review__application__round=round, review__submitted_at__isnull=False)
            .values("review__application_id", "criterion_id").annotate(total=Sum("value"), n=Count("pk")))
    for row in rows:
        averages[(row["review__application_id"], row["criterion_id"])] = row["total"] / row["n"]
    for application in applications:
        application.criterion_averages = [(c, averages.get((application.pk, c.pk))) for c in criteria]
    return Ranking(round=round, criteria=criteria, applications=applications)

"""Reads for an incubator's cohort: the facilitators' board, an idea's mentors, support sessions and milestones,
and the idea page's incubator section. A fixed number of queries each, whatever the cohort's size."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from samskap.accounts.models import User

from .models import (Application, CohortMembership, Idea, Incubator, MentorAssignment, Milestone, Stage,
                     SupportSession, TeamMember)
from .permissions import ROLES_CACHE, IdeaRoles

# How many upcoming milestones and latest support sessions the idea page shows.
SECTION_MILESTONES = 3
SECTION_SESSIONS = 3


# The board ----------------------------------------------------------------------------------------------------

@dataclass
class BoardColumn:
    stage: Stage
    cards: list = field(default_factory=list)
    previous: Stage | None = None
    next: Stage | None = None


def board_incubator_get(*, slug: str) -> Incubator:
    """The incubator, with its facilitators' ids cached for `ideas.view_board` (two queries)."""
    incubator = get_object_or_404(Incubator, slug=slug)
    incubator.__dict__["_facilitator_ids"] = set(incubator.facilitators.values_list("pk", flat=True))
    return incubator


def board_stages() -> list[Stage]:
    """The board's columns: the stages in progress first, then those where work has stopped."""
    return sorted(Stage.objects.all(), key=lambda stage: (not stage.is_active, stage.position, stage.pk))


def board_cards(*, incubator: Incubator) -> QuerySet[CohortMembership]:
    """The cohort's memberships with each idea, its initiators, its mentors and its next open milestone
    (three queries)."""
    next_milestone = Milestone.objects.filter(idea=OuterRef("idea_id"), done_at__isnull=True).order_by("due_on", "id")
    initiators = (TeamMember.objects.filter(role=TeamMember.Role.INITIATOR, accepted_at__isnull=False)
                  .select_related("user").order_by("id"))
    mentors = MentorAssignment.objects.select_related("mentor").order_by("mentor__name", "mentor_id")
    return (CohortMembership.objects.filter(incubator=incubator)
            .select_related("idea")
            .annotate(next_milestone_title=Subquery(next_milestone.values("title")[:1]),
                      next_milestone_due=Subquery(next_milestone.values("due_on")[:1]))
            .prefetch_related(Prefetch("idea__team", queryset=initiators, to_attr="initiators"),
                              Prefetch("idea__mentor_assignments", queryset=mentors, to_attr="mentor_list"))
            .order_by("board_position", "id"))


def board_columns(*, incubator: Incubator) -> list[BoardColumn]:
    """One column per stage with the cohort's cards in board order (four queries)."""
    stages = board_stages()
    columns = [BoardColumn(stage=stage) for stage in stages]
    by_stage = {column.stage.pk: column for column in columns}
    for index, column in enumerate(columns):
        column.previous = stages[index - 1] if index > 0 else None
        column.next = stages[index + 1] if index + 1 < len(stages) else None
    for membership in board_cards(incubator=incubator):
        column = by_stage.get(membership.idea.stage_id)
        if column is not None:
            column.cards.append(membership)
    for column in columns:
        cards = column.cards
        for index, card in enumerate(cards):
            card.is_first = index == 0
            card.is_last = index == len(cards) - 1
    return columns


# An idea's mentors, sessions and milestones -------------------------------------------------------------------

def cohort_idea_get(*, pk: int) -> Idea:
    return get_object_or_404(Idea.objects.select_related("stage"), pk=pk)


def idea_mentors(*, idea: Idea) -> list[MentorAssignment]:
    return list(MentorAssignment.objects.filter(idea=idea).select_related("mentor")
                .order_by("mentor__name", "mentor_id"))


def mentor_candidates(*, idea: Idea) -> QuerySet[User]:
    """Members flagged as mentors who are neither assigned to the idea nor on its team."""
    assigned = MentorAssignment.objects.filter(idea=idea, mentor=OuterRef("pk"))
    team = TeamMember.objects.filter(idea=idea, user=OuterRef("pk"))
    return (User.objects.filter(is_active=True, is_mentor=True).exclude(Exists(assigned)).exclude(Exists(team))
            .order_by("name", "email"))


def idea_sessions(*, idea: Idea) -> list[SupportSession]:
    return list(SupportSession.objects.filter(idea=idea).select_related("mentor", "logged_by")
                .order_by("-date", "-id"))


def idea_milestones(*, idea: Idea) -> list[Milestone]:
    """Open milestones by due date, then the ones done (most recently done first)."""
    milestones = list(Milestone.objects.filter(idea=idea).order_by("due_on", "id"))
    return ([m for m in milestones if m.done_at is None]
            + sorted((m for m in milestones if m.done_at is not None), key=lambda m: m.done_at, reverse=True))


def session_get(*, idea: Idea, pk: int) -> SupportSession:
    return get_object_or_404(SupportSession.objects.select_related("mentor"), idea=idea, pk=pk)


def milestone_get(*, idea: Idea, pk: int) -> Milestone:
    return get_object_or_404(Milestone, idea=idea, pk=pk)


# The idea page's incubator section ----------------------------------------------------------------------------

@dataclass
class IncubatorSection:
    memberships: list
    mentors: list
    milestones: list
    sessions: list
    can_see_sessions: bool
    can_assign_mentors: bool

    @property
    def is_empty(self) -> bool:
        return not (self.memberships or self.mentors or self.milestones or self.sessions)


def _is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def incubator_section(*, idea: Idea, user) -> IncubatorSection:
    """The incubators the idea is in, its mentors, its next milestones and (for those allowed) its latest support
    sessions: four queries at most, none spent on the viewer's roles when they are already known."""
    member = _is_member(user)
    memberships_qs = CohortMembership.objects.filter(idea=idea).select_related("incubator").order_by("joined_at")
    if member:
        memberships_qs = memberships_qs.annotate(viewer_facilitates=Exists(
            Incubator.facilitators.through.objects.filter(incubator_id=OuterRef("incubator_id"), user_id=user.pk)))
    memberships = list(memberships_qs)
    mentors = list(MentorAssignment.objects.filter(idea=idea).select_related("mentor")
                   .order_by("mentor__name", "mentor_id"))
    milestones = list(Milestone.objects.filter(idea=idea, done_at__isnull=True)
                      .order_by("due_on", "id")[:SECTION_MILESTONES])

    cached: IdeaRoles | None = idea.__dict__.get(ROLES_CACHE, {}).get(user.pk) if member else None
    is_admin = member and user.is_superuser
    is_mentor = member and any(a.mentor_id == user.pk for a in mentors)
    facilitates = member and (bool(getattr(user, "is_facilitator", False))
                              or any(getattr(m, "viewer_facilitates", False) for m in memberships))
    sessions: list[SupportSession] = []
    can_see = False
    if cached is not None or is_admin:
        can_see = bool(user.has_perm("ideas.view_support_sessions", idea))
        if can_see:
            sessions = list(SupportSession.objects.filter(idea=idea).select_related("mentor")
                            .order_by("-date", "-id")[:SECTION_SESSIONS])
    elif is_mentor or facilitates:
        can_see = True
        sessions = list(SupportSession.objects.filter(idea=idea).select_related("mentor")
                        .order_by("-date", "-id")[:SECTION_SESSIONS])
    elif member:
        # The team's (or an applied-to incubator's facilitators') right to see is asked inside the same query.
        allowed = (Exists(TeamMember.objects.filter(idea=idea, user_id=user.pk, accepted_at__isnull=False))
                   | Exists(Application.objects.filter(idea=idea, round__incubator__facilitators=user.pk)))
        sessions = list(SupportSession.objects.filter(allowed, idea=idea).select_related("mentor")
                        .order_by("-date", "-id")[:SECTION_SESSIONS])
        can_see = bool(sessions)
    can_assign = bool(is_admin or facilitates)
    return IncubatorSection(memberships=memberships, mentors=mentors, milestones=milestones, sessions=sessions,
                            can_see_sessions=can_see, can_assign_mentors=can_assign and bool(memberships or is_admin))


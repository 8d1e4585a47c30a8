"""Reads for an idea's team, its stage and checklist, its timeline, and the hub's stages (part B2).

Each runs a fixed number of queries whatever the number of rows (the viewer's roles are asked once per idea and
cached on it, see permissions.idea_roles)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain

import rules
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery

from samskap.accounts.models import User

from samskap.core.permissions import is_hub_admin

from .models import ChecklistItem, ChecklistTick, Idea, IdeaImage, LogEntry, Stage, StageChange, TeamMember
from .permissions import idea_roles

TIMELINE_PAGE = 10


@dataclass
class TeamSection:
    idea: Idea
    members: list[TeamMember]
    pending: list[TeamMember] = field(default_factory=list)
    may_manage: bool = False
    own: TeamMember | None = None  # the viewer's own accepted membership, to leave


def team_section(*, idea: Idea, user) -> TeamSection:
    """The accepted team (initiators first), and for the core team also the pending invitations: one query."""
    may_manage = user.has_perm("ideas.manage_team", idea)
    rows = list(TeamMember.objects.filter(idea=idea).select_related("user", "invited_by")
                .order_by("accepted_at", "id") if may_manage else
                TeamMember.objects.filter(idea=idea, accepted_at__isnull=False).select_related("user")
                .order_by("accepted_at", "id"))
    order = {role: index for index, role in enumerate(TeamMember.Role.values)}
    members = sorted((row for row in rows if row.accepted_at is not None and row.user_id),
                     key=lambda row: (order.get(row.role, 9), row.accepted_at, row.pk))
    pending = sorted((row for row in rows if row.accepted_at is None), key=lambda row: (row.invited_at is None,
                                                                                          row.invited_at, row.pk))
    pk = getattr(user, "pk", None)
    own = next((row for row in members if row.user_id == pk), None) if pk else None
    return TeamSection(idea=idea, members=members, pending=pending if may_manage else [], may_manage=may_manage,
                       own=own)


@dataclass
class StageSection:
    idea: Idea
    stage: Stage
    stages: list[Stage]
    checklist: list[ChecklistItem]
    done: dict[int, ChecklistTick]
    may_move: bool = False
    may_tick: bool = False

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.checklist if item.pk in self.done)


def stage_section(*, idea: Idea, user) -> StageSection:
    """The idea's stage and its checklist (each item with its tick, if done), and the stages it may move to: two
    queries."""
    stages = list(Stage.objects.order_by("position", "id"))
    stage = next((s for s in stages if s.pk == idea.stage_id), None) or idea.stage
    ticks = ChecklistTick.objects.filter(idea=idea, item=OuterRef("pk"))
    checklist = list(ChecklistItem.objects.filter(stage_id=idea.stage_id).order_by("position", "id").annotate(
        tick_pk=Subquery(ticks.values("pk")[:1]), tick_done_at=Subquery(ticks.values("done_at")[:1]),
        tick_by_name=Subquery(ticks.values("done_by__name")[:1]),
        tick_by_email=Subquery(ticks.values("done_by__email")[:1])))
    done = {}
    for item in checklist:
        item.tick = None
        if item.tick_pk:
            by = User(name=item.tick_by_name or "", email=item.tick_by_email or "") if item.tick_by_email else None
            item.tick = done[item.pk] = ChecklistTick(pk=item.tick_pk, idea=idea, item=item, done_by=by,
                                                      done_at=item.tick_done_at)
    return StageSection(idea=idea, stage=stage, stages=stages, checklist=checklist, done=done,
                        may_move=rules.has_perm("ideas.move_stage", user, idea),
                        may_tick=user.has_perm("ideas.tick_checklist", idea))


@dataclass
class TimelineItem:
    kind: str  # "stage" or "log"
    when: object
    change: StageChange | None = None
    entry: LogEntry | None = None
    may_delete: bool = False


@dataclass
class Timeline:
    idea: Idea
    items: list[TimelineItem]
    page: int
    has_more: bool
    may_post: bool = False


def timeline(*, idea: Idea, user, page: int = 1, per_page: int = TIMELINE_PAGE) -> Timeline:
    """Stage changes and logbook updates, newest first, `per_page` at a time: three queries for any page (the
    newest page × per_page of each kind, merged)."""
    page = max(1, page)
    wanted = page * per_page + 1
    changes = list(StageChange.objects.filter(idea=idea).select_related("from_stage", "to_stage", "by")
                   .order_by("-created_at", "-id")[:wanted])
    entries = list(LogEntry.objects.filter(idea=idea).select_related("author")
                   .prefetch_related(Prefetch("images", queryset=IdeaImage.objects.order_by("position", "id")))
                   .order_by("-created_at", "-id")[:wanted])
    roles = idea_roles(user, idea)
    admin = bool(is_hub_admin(user))
    pk = getattr(user, "pk", None)
    items = [TimelineItem(kind="stage", when=change.created_at, change=change) for change in changes]
    for entry in entries:
        entry.idea = idea  # no query per row for its idea
        items.append(TimelineItem(kind="log", when=entry.created_at, entry=entry, may_delete=(
            admin or roles.is_core_team or (roles.is_team and entry.author_id == pk))))
    items.sort(key=lambda item: item.when, reverse=True)
    start = (page - 1) * per_page
    return Timeline(idea=idea, items=items[start:start + per_page], page=page,
                    has_more=len(items) > page * per_page, may_post=user.has_perm("ideas.post_log", idea))


def stages_admin() -> list[Stage]:
    """Every stage in order, with its checklist and how many ideas are (or were) in it: three queries."""
    return list(Stage.objects.order_by("position", "id")
                .annotate(idea_count=Count("ideas", distinct=True))
                .prefetch_related(Prefetch("checklist", queryset=ChecklistItem.objects.order_by("position", "id"))))


def stage_changes_using(stage_ids: list[int]) -> set[int]:
    """The stages any timeline mentions (so they cannot be deleted): one query."""
    used = StageChange.objects.filter(Q(from_stage_id__in=stage_ids) | Q(to_stage_id__in=stage_ids))
    return set(chain.from_iterable(used.values_list("from_stage_id", "to_stage_id").distinct()))


def idea_get(*, pk: int) -> Idea:
    return Idea.objects.select_related("stage", "author").get(pk=pk)

"""Reads for an idea's community (part C): the support and follow state, the comment threads, the moderation
queue.

The comments of an idea are loaded flat in one query and built into threads in Python: a reply is indented
under its parent up to MAX_LEVEL levels; deeper replies are shown at the last level, each saying whom it answers.
The threads are paged by top-level comment. The whole section runs at most three queries (the viewer's support
and follow, the comments, the viewer's open reports), whatever the number of comments.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import rules
from django.db.models import Exists, OuterRef, Q

from samskap.core.permissions import is_member

from .models import Comment, Follow, Idea, Report, Support
from .permissions import idea_roles

MAX_LEVEL = 3
THREADS_PER_PAGE = 50
QUEUE_ITEMS_MAX = 50
HIDDEN_ITEMS_MAX = 50


@dataclass
class CommentNode:
    """A comment as the viewer sees it in its thread."""

    comment: Comment
    level: int
    children: list[CommentNode] = field(default_factory=list)
    reply_to: str = ""  # the name of whom it answers, when shown flattened below MAX_LEVEL
    is_deleted: bool = False
    is_hidden: bool = False
    is_own: bool = False
    may_see_text: bool = True
    may_reply: bool = False
    may_edit: bool = False
    may_delete: bool = False
    may_report: bool = False
    reported: bool = False

    @property
    def anchor(self) -> str:
        return f"comment-{self.comment.pk}"


@dataclass
class Community:
    """What the community section of an idea's page shows, and what the viewer may do there."""

    idea: Idea
    is_member: bool = False
    supports: bool = False
    follows: bool = False
    may_support: bool = False
    may_follow: bool = False
    may_comment: bool = False
    may_report_idea: bool = False
    idea_reported: bool = False
    may_moderate: bool = False
    is_team: bool = False
    threads: list[CommentNode] = field(default_factory=list)
    threads_count: int = 0
    page: int = 1
    num_pages: int = 1

    @property
    def support_count(self) -> int:
        return self.idea.support_count

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def support_state(*, idea: Idea, user) -> tuple[bool, bool]:
    """Whether `user` supports and follows the idea: one query (none for visitors)."""
    if not is_member(user):
        return False, False
    row = (Idea.objects.filter(pk=idea.pk)
           .annotate(viewer_supports=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)),
                     viewer_follows=Exists(Follow.objects.filter(idea=OuterRef("pk"), user=user)))
           .values_list("viewer_supports", "viewer_follows", "support_count").first())
    if row is None:
        return False, False
    idea.support_count = row[2]  # fresh, after a support or withdrawal in the same request
    return bool(row[0]), bool(row[1])


def comments_flat(*, idea: Idea) -> list[Comment]:
    return list(Comment.objects.filter(idea=idea).select_related("author").order_by("created_at", "id"))


def _reported_keys(*, idea: Idea, user) -> set[tuple[int | None, int | None]]:
    if not is_member(user):
        return set()
    return set(Report.objects.filter(reporter=user, outcome=Report.Outcome.OPEN)
               .filter(Q(idea=idea) | Q(comment__idea=idea)).values_list("idea_id", "comment_id"))


def _page_of(number: int | str | None, num_pages: int) -> int:
    try:
        page = int(number or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), num_pages)


def community_for(*, idea: Idea, user, page: int | str | None = 1) -> Community:
    """The community section of `idea` for `user`, with the comment threads of page `page`."""
    member = bool(is_member(user))
    roles = idea_roles(user, idea)
    may_moderate = rules.has_perm("ideas.moderate", user)
    community = Community(
        idea=idea, is_member=member, is_team=roles.is_team, may_moderate=may_moderate,
        may_support=rules.has_perm("ideas.support_idea", user, idea),
        may_follow=rules.has_perm("ideas.follow_idea", user, idea),
        may_comment=rules.has_perm("ideas.comment_idea", user, idea))
    community.supports, community.follows = support_state(idea=idea, user=user)
    reported = _reported_keys(idea=idea, user=user)
    community.idea_reported = (idea.pk, None) in reported
    community.may_report_idea = (member and not roles.is_team and idea.published_at is not None
                                 and idea.hidden_at is None)

    comments = comments_flat(idea=idea)
    by_parent: dict[int | None, list[Comment]] = defaultdict(list)
    names: dict[int, str] = {}
    for comment in comments:
        by_parent[comment.parent_id].append(comment)
        names[comment.pk] = comment.author.display_name if comment.author_id and comment.body else ""
    roots = by_parent[None]
    community.threads_count = len(roots)
    community.num_pages = max(1, -(-len(roots) // THREADS_PER_PAGE))
    community.page = _page_of(page, community.num_pages)
    start = (community.page - 1) * THREADS_PER_PAGE
    reported_comments = {comment_id for _idea_id, comment_id in reported if comment_id}

    def node_for(comment: Comment, level: int, reply_to: str = "") -> CommentNode:
        node = CommentNode(comment=comment, level=level, reply_to=reply_to)
        node.is_deleted = not comment.body
        node.is_hidden = comment.hidden_at is not None
        node.is_own = member and comment.author_id == user.pk
        node.may_see_text = not node.is_deleted and (not node.is_hidden or node.is_own or may_moderate)
        shown = not node.is_deleted and not node.is_hidden
        node.may_reply = community.may_comment and shown
        node.may_edit = node.is_own and rules.has_perm("ideas.change_comment", user, comment)
        node.may_delete = node.is_own and not node.is_deleted
        node.may_report = member and shown and not node.is_own
        node.reported = comment.pk in reported_comments
        return node

    def descendants(comment: Comment) -> list[Comment]:
        found, stack = [], list(by_parent[comment.pk])
        while stack:
            child = stack.pop()
            found.append(child)
            stack.extend(by_parent[child.pk])
        return sorted(found, key=lambda c: (c.created_at, c.pk))

    def build(comment: Comment, level: int) -> CommentNode:
        node = node_for(comment, level)
        for child in by_parent[comment.pk]:
            if level + 1 < MAX_LEVEL:
                node.children.append(build(child, level + 1))
            else:
                # The last indented level: the child, then everything below it, flat, in the order written.
                node.children.append(node_for(child, MAX_LEVEL))
                node.children.extend(node_for(deeper, MAX_LEVEL, reply_to=names.get(deeper.parent_id, ""))
                                     for deeper in descendants(child))
        return node

    community.threads = [build(root, 0) for root in roots[start:start + THREADS_PER_PAGE]]
    return community


def comment_get(*, pk: int) -> Comment:
    """One comment with its idea and author; raises Comment.DoesNotExist."""
    return Comment.objects.select_related("idea", "author", "parent").get(pk=pk)


def comment_page(*, comment: Comment) -> int:
    """The page of its idea's threads that shows `comment`."""
    root = comment
    seen = {root.pk}
    while root.parent_id and root.parent_id not in seen:
        root = Comment.objects.only("pk", "parent_id", "created_at").get(pk=root.parent_id)
        seen.add(root.pk)
    before = Comment.objects.filter(idea_id=comment.idea_id, parent__isnull=True).filter(
        Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk)).count()
    return before // THREADS_PER_PAGE + 1


# The moderation queue ---------------------------------------------------------------------------------


@dataclass
class ModerationItem:
    """A reported idea or comment with its open reports, oldest first."""

    idea: Idea | None
    comment: Comment | None
    reports: list[Report] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"idea{self.idea.pk}" if self.comment is None else f"comment{self.comment.pk}"

    @property
    def subject_idea(self) -> Idea:
        return self.idea if self.comment is None else self.comment.idea

    @property
    def first_report(self) -> Report:
        return self.reports[0]


@dataclass
class ModerationQueue:
    items: list[ModerationItem]
    more: bool
    hidden_ideas: list[Idea]
    hidden_comments: list[Comment]


def open_reports():
    return (Report.objects.filter(outcome=Report.Outcome.OPEN)
            .select_related("reporter", "idea__author", "idea__stage", "comment__author", "comment__idea")
            .order_by("created_at", "pk"))


def moderation_items(*, limit: int = QUEUE_ITEMS_MAX) -> tuple[list[ModerationItem], bool]:
    """The reported items, the one waiting longest first, with every open report about each: two queries."""
    keys = (Report.objects.filter(outcome=Report.Outcome.OPEN).order_by("created_at", "pk")
            .values_list("idea_id", "comment_id"))
    wanted: list[tuple[int | None, int | None]] = []
    more = False
    for key in keys.iterator(chunk_size=500):
        if key in wanted:
            continue
        if len(wanted) == limit:
            more = True
            break
        wanted.append(key)
    idea_ids = [idea_id for idea_id, comment_id in wanted if comment_id is None]
    comment_ids = [comment_id for idea_id, comment_id in wanted if comment_id is not None]
    items: dict[tuple, ModerationItem] = {}
    reports = open_reports().filter(Q(idea_id__in=idea_ids, comment__isnull=True) | Q(comment_id__in=comment_ids))
    for report in reports:
        key = (report.idea_id, report.comment_id)
        item = items.setdefault(key, ModerationItem(idea=report.idea if report.comment_id is None else None,
                                                   comment=report.comment))
        item.reports.append(report)
    return [items[key] for key in wanted if key in items], more


def hidden_ideas(*, limit: int = HIDDEN_ITEMS_MAX) -> list[Idea]:
    return list(Idea.objects.filter(hidden_at__isnull=False).select_related("author", "hidden_by")
                .order_by("-hidden_at", "-pk")[:limit])


def hidden_comments(*, limit: int = HIDDEN_ITEMS_MAX) -> list[Comment]:
    return list(Comment.objects.filter(hidden_at__isnull=False).select_related("author", "idea", "hidden_by")
                .order_by("-hidden_at", "-pk")[:limit])


def moderation_queue() -> ModerationQueue:
    items, more = moderation_items()
    return ModerationQueue(items=items, more=more, hidden_ideas=hidden_ideas(), hidden_comments=hidden_comments())

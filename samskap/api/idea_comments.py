"""/api/v1/ideas/{id}/comments: an idea's comments for scripts (part C of issue 5).

Thin, like the page: the rules decide who sees the idea (404 to whoever may not), the community service writes
and checks who may comment. Comments come flat, oldest first, each with its parent's id; the body of a comment a
moderator hid or its author deleted is null.
"""

from datetime import datetime

import rules
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.ideas import services_community
from samskap.ideas.models import Comment, Idea

from .directory import ERRORS, OPEN, OPEN_SECURITY
from .schemas import Message

router = Router(tags=["ideas"])


class CommentOut(Schema):
    id: int
    url: str
    parent: int | None = Field(None, description="The id of the comment this one replies to.")
    author: str | None = Field(None, description="The writer's display name; null once deleted.")
    body: str | None = Field(None, description="Null when a moderator hid the comment or its author deleted it.")
    hidden: bool
    created: datetime


class CommentIn(Schema):
    body: str = Field(..., max_length=5000)
    parent: int | None = Field(None, description="The id of a comment on the same idea, to reply to it.")


def _idea_or_404(request, idea_id: int) -> Idea:
    idea = Idea.objects.filter(pk=idea_id).first()
    if idea is None or not rules.has_perm("ideas.view_idea", request.auth, idea):
        raise Http404
    return idea


def _comment_out(comment: Comment) -> dict:
    shown = comment.hidden_at is None and bool(comment.body)
    return {
        "id": comment.pk, "url": reverse("ideas:comment", args=[comment.pk]), "parent": comment.parent_id,
        "author": comment.author.display_name if comment.author_id and comment.body else None,
        "body": comment.body if shown else None, "hidden": comment.hidden_at is not None,
        "created": comment.created_at,
    }


@router.get("/ideas/{idea_id}/comments", response={200: list[CommentOut], 401: Message, 404: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="An idea's comments",
            description="Flat, oldest first; `parent` builds the threads. Hidden and deleted comments keep their "
                        "place with a null body.")
@paginate(LimitOffsetPagination)
def comment_list(request, idea_id: int):
    idea = _idea_or_404(request, idea_id)
    return _Answers(Comment.objects.filter(idea=idea).select_related("author").order_by("created_at", "id"))


class _Answers:
    """A queryset whose slices come out as answers: the paginator counts and cuts it, then each row is mapped."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        return [_comment_out(comment) for comment in self.queryset[item]]


@router.post("/ideas/{idea_id}/comments", response={201: CommentOut, **ERRORS}, summary="Comment on an idea",
             description="Members who may take part in the idea (published, not hidden, visible to them). At most "
                         "IDEAS_COMMENTS_PER_HOUR comments an hour.")
def comment_create(request, idea_id: int, payload: CommentIn):
    idea = _idea_or_404(request, idea_id)
    parent = None
    if payload.parent is not None:
        parent = Comment.objects.filter(pk=payload.parent, idea=idea).first()
        if parent is None:
            raise ValidationError({"parent": [_("There is no comment %(id)s on this idea.") % {"id": payload.parent}]})
    comment = services_community.comment_create(idea=idea, by=request.auth, body=payload.body, parent=parent)
    comment = Comment.objects.select_related("author").get(pk=comment.pk)
    return Status(201, _comment_out(comment))

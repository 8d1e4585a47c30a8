"""Writes for an idea's community (part C): supporting, following and threaded comments.

Every function checks its permission itself (samskap.ideas.permissions) and raises PermissionDenied, or
ValidationError with a message for the reader, and saves nothing half-way. The denormalised counts on the idea
(`support_count`, `comment_count`) change in the same transaction as the rows they count; notifications follow
after the commit.

`comment_count` counts the comments shown with their text: a comment its author deleted or a moderator hid
does not count (and counts again when a moderator shows it again).
A deleted comment that has replies stays as a placeholder (no author, no text) so the thread holds together;
one without replies is removed.
"""

from __future__ import annotations

import datetime
from functools import partial

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskap.accounts.models import User
from samskap.accounts.notifications import notify

from .models import Comment, Follow, Idea, Support
from .permissions import COMMENT_EDIT_MINUTES, idea_roles
from .services import counts_adjust, followers_notify, viewers_only

BODY_MAX_LENGTH = Comment._meta.get_field("body").max_length


def may(user, perm: str, obj=None) -> bool:
    """The rule itself: `user.has_perm` lets a superuser pass everything, but a hub admin on an idea's team may
    not support it, and nobody edits another member's comment."""
    return rules.has_perm(perm, user, obj)


def count_lower(*, idea_id: int, support: bool = False, comments: bool = False) -> None:
    """One less supporter or comment, never below zero (rows made outside the services, e.g. by a bulk
    import, may not have been counted)."""
    if support:
        Idea.objects.filter(pk=idea_id, support_count__gt=0).update(support_count=F("support_count") - 1)
    if comments:
        Idea.objects.filter(pk=idea_id, comment_count__gt=0).update(comment_count=F("comment_count") - 1)


def comments_per_hour() -> int:
    return int(getattr(settings, "IDEAS_COMMENTS_PER_HOUR", 30))


def comment_is_deleted(comment: Comment) -> bool:
    """Deleted by its author but kept for its replies: the text is gone."""
    return not comment.body


def spam_message() -> str:
    return _("Your comment could not be saved. If you filled in the field “Leave this field empty”, empty it and "
             "send again.")


# Support -----------------------------------------------------------------------------------------------


def _support_checked(idea: Idea, by) -> None:
    if may(by, "ideas.support_idea", idea):
        return
    if idea_roles(by, idea).is_team:
        raise PermissionDenied(_("You are on this idea's team, so you cannot support it yourself."))
    raise PermissionDenied(_("You cannot support this idea."))


def support_add(*, idea: Idea, by: User) -> Support:
    """Support an idea, once per member. A second time (even two clicks at once) is a clear ValidationError and
    changes nothing."""
    _support_checked(idea, by)
    already = ValidationError(_("You already support this idea."), code="already_supported")
    with transaction.atomic():
        if Support.objects.filter(idea=idea, user=by).exists():
            raise already
        try:
            with transaction.atomic():  # a savepoint: the unique constraint decides a race
                support = Support.objects.create(idea=idea, user=by)
        except IntegrityError:
            raise already from None
        counts_adjust(idea_id=idea.pk, support=1)
    return support


def support_withdraw(*, idea: Idea, by: User) -> bool:
    """Take one's support back. Returns False when there was none."""
    if not getattr(by, "is_authenticated", False):
        raise PermissionDenied
    with transaction.atomic():
        deleted, _kinds = Support.objects.filter(idea=idea, user=by).delete()
        if deleted:
            count_lower(idea_id=idea.pk, support=True)
    return bool(deleted)


# Following ---------------------------------------------------------------------------------------------


def follow_add(*, idea: Idea, by: User) -> Follow:
    """Follow an idea: its logbook updates, stage changes and comments arrive as notifications."""
    if not may(by, "ideas.follow_idea", idea):
        raise PermissionDenied(_("You cannot follow this idea."))
    follow, _created = Follow.objects.get_or_create(idea=idea, user=by)
    return follow


def follow_remove(*, idea: Idea, by: User) -> bool:
    """Stop following (always allowed for one's own follow, even of an idea one no longer sees)."""
    if not getattr(by, "is_authenticated", False):
        raise PermissionDenied
    deleted, _kinds = Follow.objects.filter(idea=idea, user=by).delete()
    return bool(deleted)


# Comments ----------------------------------------------------------------------------------------------


def _body_checked(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write a comment.")]})
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError({"body": [_("Keep the comment to %(max)s characters (it has %(length)s).") % {
            "max": BODY_MAX_LENGTH, "length": len(body)}]})
    return body


def _rate_checked(by: User) -> None:
    limit = comments_per_hour()
    since = timezone.now() - datetime.timedelta(hours=1)
    if Comment.objects.filter(author=by, created_at__gte=since).count() >= limit:
        raise ValidationError(
            _("You have written %(count)s comments in the last hour, the most allowed. Please wait a while and "
              "send it again.") % {"count": limit}, code="rate_limited")


def comment_url(comment_id: int) -> str:
    return reverse("ideas:comment", args=[comment_id])


def _comment_title(name: str, title: str) -> str:
    return _("%(name)s commented on “%(title)s”") % {"name": name, "title": title}


def _language_of(user: User) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


def _comment_notify(*, comment_id: int) -> None:
    """Tell the idea's followers and team (not the writer); tell the parent comment's author of a reply."""
    comment = Comment.objects.select_related("idea", "author", "parent__author").filter(pk=comment_id).first()
    if comment is None or comment.hidden_at is not None or comment_is_deleted(comment) or comment.author is None:
        return
    exclude = {comment.author_id}
    parent_author = comment.parent.author if comment.parent_id and comment.parent.author_id else None
    if parent_author is not None and parent_author.pk != comment.author_id and parent_author.is_active \
            and viewers_only(idea=comment.idea, users=[parent_author]):
        exclude.add(parent_author.pk)
        with translation.override(_language_of(parent_author)):
            notify(user=parent_author, kind="idea_comment_reply",
                   title=_("%(name)s replied to your comment on “%(title)s”") % {
                       "name": comment.author.display_name, "title": comment.idea.title},
                   body=comment.body[:300], url=comment_url(comment.pk), key=f"idea-comment:{comment.pk}")
    followers_notify(idea=comment.idea, kind="idea_comment", exclude=exclude,
                     title=partial(_comment_title, comment.author.display_name, comment.idea.title),
                     body=partial(str, comment.body[:300]), url=comment_url(comment.pk),
                     key=f"idea-comment:{comment.pk}")


def comment_create(*, idea: Idea, by: User, body: str, parent: Comment | None = None,
                   honeypot: str = "") -> Comment:
    """Write a comment on an idea, or a reply to one of its comments (`parent`). Limited to
    IDEAS_COMMENTS_PER_HOUR per member; a filled-in honeypot is refused as spam."""
    if not may(by, "ideas.comment_idea", idea):
        raise PermissionDenied(_("You cannot comment on this idea."))
    if honeypot:
        raise ValidationError(spam_message(), code="spam")
    body = _body_checked(body)
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError(_("That comment belongs to another idea."), code="wrong_idea")
        if parent.hidden_at is not None or comment_is_deleted(parent):
            raise ValidationError(_("You cannot reply to a comment that was deleted or hidden."),
                                  code="parent_gone")
    with transaction.atomic():
        # Locked so that quick posts in parallel cannot slip past the hourly limit together.
        User.objects.select_for_update().filter(pk=by.pk).first()
        _rate_checked(by)
        comment = Comment.objects.create(idea=idea, parent=parent, author=by, body=body)
        counts_adjust(idea_id=idea.pk, comments=1)
        transaction.on_commit(partial(_comment_notify, comment_id=comment.pk))
    return comment


def comment_update(*, comment: Comment, by: User, body: str) -> Comment:
    """Change one's own comment, within COMMENT_EDIT_MINUTES of writing it."""
    if not may(by, "ideas.change_comment", comment):
        if comment.author_id == getattr(by, "pk", None) and not comment_is_deleted(comment) \
                and comment.hidden_at is None:
            raise PermissionDenied(_("A comment can be changed for %(minutes)s minutes after it is written.") % {
                "minutes": COMMENT_EDIT_MINUTES})
        raise PermissionDenied(_("You can only change your own comments."))
    comment.body = _body_checked(body)
    comment.save(update_fields=["body"])
    return comment


def comment_delete(*, comment: Comment, by: User) -> bool:
    """Delete one's own comment. With replies, a placeholder stays (author and text cleared); without, it is
    removed, and a placeholder parent left with no replies goes too. Returns True when the row was removed."""
    if not may(by, "ideas.delete_comment", comment):
        raise PermissionDenied(_("You can only delete your own comments."))
    with transaction.atomic():
        locked = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if locked is None or comment_is_deleted(locked):
            return False
        if not locked.hidden_at:
            count_lower(idea_id=locked.idea_id, comments=True)
        if locked.replies.exists():
            Comment.objects.filter(pk=locked.pk).update(body="", author=None)
            comment.body, comment.author = "", None
            return False
        parent_id = locked.parent_id
        locked.delete()
        if parent_id:
            parent = Comment.objects.filter(pk=parent_id).first()
            if parent is not None and comment_is_deleted(parent) and not parent.replies.exists():
                parent.delete()
    return True

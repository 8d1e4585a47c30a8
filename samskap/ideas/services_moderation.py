"""Reports and moderation of ideas and comments (part C).

Any member who sees an idea may report it, or someone else's comment on it, with a reason (one open report per
member and item). The moderators — hub admins and facilitators (`ideas.moderate`) — hide an item with a reason
its author is told, show it again, or dismiss the reports. Hiding or dismissing resolves every open report about
the same item at once. A hidden idea leaves the lists (`Idea.objects.published()`) and search; a hidden comment
stays in its thread as a notice.
"""

from __future__ import annotations

from functools import partial

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskap.accounts.models import Notification, User
from samskap.accounts.notifications import notifications_add, notify

from .models import Comment, Idea, Report, TeamMember
from .permissions import idea_roles
from .search import idea_index
from .services import counts_adjust
from .services_community import comment_is_deleted, comment_url, count_lower

REPORT_REASON_MAX = Report._meta.get_field("reason").max_length
HIDDEN_REASON_MAX = Idea._meta.get_field("hidden_reason").max_length


def _reason_checked(reason: str, *, max_length: int, required_message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [required_message]})
    if len(reason) > max_length:
        raise ValidationError({"reason": [_("Keep it to %(max)s characters (it has %(length)s).") % {
            "max": max_length, "length": len(reason)}]})
    return reason


def _moderator_checked(by) -> None:
    if not rules.has_perm("ideas.moderate", by):
        raise PermissionDenied


def _language_of(user: User) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


# Who may report what ----------------------------------------------------------------------------------


def may_report_idea(user, idea: Idea) -> bool:
    """A member who sees the published idea and is not on its team."""
    return (rules.has_perm("ideas.report", user) and idea.published_at is not None and idea.hidden_at is None
            and rules.has_perm("ideas.view_idea", user, idea) and not idea_roles(user, idea).is_team)


def may_report_comment(user, comment: Comment) -> bool:
    """A member who sees the idea, about someone else's comment that is shown."""
    return (rules.has_perm("ideas.report", user) and comment.author_id != getattr(user, "pk", None)
            and comment.hidden_at is None and not comment_is_deleted(comment)
            and rules.has_perm("ideas.view_idea", user, comment.idea))


def has_open_report(*, by, idea: Idea | None = None, comment: Comment | None = None) -> bool:
    return Report.objects.filter(reporter=by, idea=idea, comment=comment, outcome=Report.Outcome.OPEN).exists()


# Notifications (after the commit) ---------------------------------------------------------------------


def moderators() -> list[User]:
    return list(User.objects.filter(Q(is_superuser=True) | Q(is_facilitator=True), is_active=True)
                .only("pk", "preferred_language"))


def _notify_moderators_of_report(*, report_id: int) -> None:
    report = Report.objects.select_related("idea", "comment__idea").filter(pk=report_id).first()
    if report is None or report.outcome != Report.Outcome.OPEN:
        return
    idea = report.idea if report.comment_id is None else report.comment.idea
    now = timezone.now()
    notifications = []
    for moderator in moderators():
        if moderator.pk == report.reporter_id:
            continue
        with translation.override(_language_of(moderator)):
            title = (_("An idea was reported: %(title)s") if report.comment_id is None
                     else _("A comment on “%(title)s” was reported")) % {"title": idea.title}
            notifications.append(Notification(
                user_id=moderator.pk, kind="idea_report", title=title, body=report.reason,
                url=reverse("ideas:moderation"), key=f"idea-report:{report.pk}", created_at=now))
    notifications_add(notifications=notifications)


def _idea_owners(idea: Idea) -> list[User]:
    """Who is told about a moderator's decision on an idea: its author and its core team."""
    ids = set(TeamMember.objects.filter(idea=idea, accepted_at__isnull=False, user__isnull=False,
                                        role__in=[TeamMember.Role.INITIATOR, TeamMember.Role.CO_FOUNDER])
              .values_list("user_id", flat=True))
    if idea.author_id:
        ids.add(idea.author_id)
    return list(User.objects.filter(pk__in=ids, is_active=True))


def _notify_idea_hidden(*, idea_id: int) -> None:
    idea = Idea.objects.filter(pk=idea_id).first()
    if idea is None or idea.hidden_at is None:
        return
    for owner in _idea_owners(idea):
        with translation.override(_language_of(owner)):
            notify(user=owner, kind="idea_hidden",
                   title=_("Your idea “%(title)s” was hidden by a moderator") % {"title": idea.title},
                   body=idea.hidden_reason, url=idea.get_absolute_url(),
                   key=f"idea-hidden:{idea.pk}:{idea.hidden_at.timestamp():.0f}")


def _notify_idea_shown(*, idea_id: int) -> None:
    idea = Idea.objects.filter(pk=idea_id).first()
    if idea is None or idea.hidden_at is not None:
        return
    for owner in _idea_owners(idea):
        with translation.override(_language_of(owner)):
            notify(user=owner, kind="idea_shown",
                   title=_("Your idea “%(title)s” is shown again") % {"title": idea.title},
                   url=idea.get_absolute_url())


def _notify_comment_hidden(*, comment_id: int) -> None:
    comment = Comment.objects.select_related("author", "idea").filter(pk=comment_id).first()
    if comment is None or comment.hidden_at is None or comment.author is None or not comment.author.is_active:
        return
    with translation.override(_language_of(comment.author)):
        notify(user=comment.author, kind="idea_comment_hidden",
               title=_("Your comment on “%(title)s” was hidden by a moderator") % {"title": comment.idea.title},
               body=comment.hidden_reason, url=comment_url(comment.pk),
               key=f"idea-comment-hidden:{comment.pk}:{comment.hidden_at.timestamp():.0f}")


# Reports ----------------------------------------------------------------------------------------------


def _report_create(*, by, idea: Idea | None, comment: Comment | None, reason: str) -> Report:
    reason = _reason_checked(reason, max_length=REPORT_REASON_MAX,
                             required_message=_("Tell the moderators what is wrong."))
    with transaction.atomic():
        # Locked so that two quick clicks make one report.
        User.objects.select_for_update().filter(pk=by.pk).first()
        if has_open_report(by=by, idea=idea, comment=comment):
            raise ValidationError(_("You have already reported this. The moderators will look at it."),
                                  code="already_reported")
        report = Report.objects.create(idea=idea, comment=comment, reporter=by, reason=reason)
        transaction.on_commit(partial(_notify_moderators_of_report, report_id=report.pk))
    return report


def report_idea(*, idea: Idea, by, reason: str) -> Report:
    """Report an idea to the moderators. One open report per member and idea."""
    if not may_report_idea(by, idea):
        raise PermissionDenied(_("You cannot report this idea."))
    return _report_create(by=by, idea=idea, comment=None, reason=reason)


def report_comment(*, comment: Comment, by, reason: str) -> Report:
    """Report someone else's comment to the moderators. One open report per member and comment."""
    if not may_report_comment(by, comment):
        raise PermissionDenied(_("You cannot report this comment."))
    return _report_create(by=by, idea=None, comment=comment, reason=reason)


def _reports_resolve(*, by, outcome: str, idea: Idea | None = None, comment: Comment | None = None) -> int:
    return Report.objects.filter(idea=idea, comment=comment, outcome=Report.Outcome.OPEN).update(
        outcome=outcome, resolved_by=by, resolved_at=timezone.now())


def report_dismiss(*, report: Report, by) -> int:
    """Take no action on a report, and on every other open report about the same item. Returns how many."""
    _moderator_checked(by)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.outcome != Report.Outcome.OPEN:
            raise ValidationError(_("This report has already been dealt with."))
        if report.comment_id:
            return _reports_resolve(by=by, outcome=Report.Outcome.DISMISSED, comment=report.comment_id)
        return _reports_resolve(by=by, outcome=Report.Outcome.DISMISSED, idea=report.idea_id)


# Hiding -----------------------------------------------------------------------------------------------


def idea_hide(*, idea: Idea, by, reason: str) -> Idea:
    """Hide an idea with a reason its team is told: it leaves the lists and search; the team still sees it."""
    _moderator_checked(by)
    reason = _reason_checked(reason, max_length=HIDDEN_REASON_MAX,
                             required_message=_("Tell the author why it is hidden."))
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        if locked.hidden_at is not None:
            raise ValidationError(_("This idea has already been hidden."), code="already_hidden")
        idea.hidden_at, idea.hidden_reason, idea.hidden_by = timezone.now(), reason, by
        idea.save(update_fields=["hidden_at", "hidden_reason", "hidden_by", "updated_at"])
        _reports_resolve(by=by, outcome=Report.Outcome.HIDDEN, idea=idea)
        transaction.on_commit(partial(idea_index, idea_id=idea.pk))
        transaction.on_commit(partial(_notify_idea_hidden, idea_id=idea.pk))
    return idea


def idea_unhide(*, idea: Idea, by) -> Idea:
    """Show a hidden idea again (in the lists and search, as its visibility allows)."""
    _moderator_checked(by)
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        if locked.hidden_at is None:
            raise ValidationError(_("This idea is not hidden."), code="not_hidden")
        idea.hidden_at, idea.hidden_reason, idea.hidden_by = None, "", None
        idea.save(update_fields=["hidden_at", "hidden_reason", "hidden_by", "updated_at"])
        transaction.on_commit(partial(idea_index, idea_id=idea.pk))
        transaction.on_commit(partial(_notify_idea_shown, idea_id=idea.pk))
    return idea


def comment_hide(*, comment: Comment, by, reason: str) -> Comment:
    """Hide a comment: its author sees why in its place, others see that a moderator hid it."""
    _moderator_checked(by)
    reason = _reason_checked(reason, max_length=Comment._meta.get_field("hidden_reason").max_length,
                             required_message=_("Tell the author why it is hidden."))
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.hidden_at is not None:
            raise ValidationError(_("This comment has already been hidden."), code="already_hidden")
        if comment_is_deleted(locked):
            raise ValidationError(_("This comment was deleted by its author."), code="deleted")
        comment.hidden_at, comment.hidden_reason, comment.hidden_by = timezone.now(), reason, by
        comment.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        count_lower(idea_id=comment.idea_id, comments=True)
        _reports_resolve(by=by, outcome=Report.Outcome.HIDDEN, comment=comment)
        transaction.on_commit(partial(_notify_comment_hidden, comment_id=comment.pk))
    return comment


def comment_unhide(*, comment: Comment, by) -> Comment:
    """Show a hidden comment again."""
    _moderator_checked(by)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.hidden_at is None:
            raise ValidationError(_("This comment is not hidden."), code="not_hidden")
        comment.hidden_at, comment.hidden_reason, comment.hidden_by = None, "", None
        comment.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        if not comment_is_deleted(locked):
            counts_adjust(idea_id=comment.idea_id, comments=1)
    return comment

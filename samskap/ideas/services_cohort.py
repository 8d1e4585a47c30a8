"""Writes for an incubator's cohort: moving cards on the facilitators' board, assigning mentors, logging support
sessions, keeping milestones, and reminding teams of milestones that are due.

Each function checks its permission itself (PermissionDenied) and raises ValidationError with a message the
member can act on; nothing is half-saved. Notifications go out after the commit, each in the recipient's language.
Support-session notes never leave the sessions page: the team's notification carries the title and the agreed
next steps only (a notification is its recipient's own).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from functools import partial

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskap.accounts.models import Notification, User
from samskap.accounts.notifications import notifications_add

from .models import CohortMembership, Idea, Incubator, MentorAssignment, Milestone, Stage, SupportSession, TeamMember
from .permissions import forget_roles, idea_roles
from .services import idea_move_to_stage

REMIND_DAYS = 3


def _tell(*, user_ids: Iterable[int], kind: str, title: Callable[[], str], url: str, key: str,
          body: Callable[[], str] | None = None) -> int:
    """Notify members, each in their own language (`title` and `body` are called inside it), once per `key`."""
    ids = set(user_ids)
    if not ids:
        return 0
    users = User.objects.filter(pk__in=ids, is_active=True).only("pk", "preferred_language")
    now = timezone.now()
    notifications = []
    for user in users:
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            notifications.append(Notification(user_id=user.pk, kind=kind, title=title(), body=body() if body else "",
                                              url=url, key=f"{key}:{user.pk}", created_at=now))
    return notifications_add(notifications=notifications)


def _team_ids(idea_id: int) -> set[int]:
    return set(TeamMember.objects.filter(idea_id=idea_id, user__isnull=False, accepted_at__isnull=False)
               .values_list("user_id", flat=True))


# The board ----------------------------------------------------------------------------------------------------

def _board_check(incubator: Incubator, by: User) -> None:
    if not by.has_perm("ideas.view_board", incubator):
        raise PermissionDenied


def _membership_locked(incubator: Incubator, idea: Idea) -> CohortMembership:
    membership = (CohortMembership.objects.select_for_update().filter(incubator=incubator, idea=idea)
                  .select_related("idea").first())
    if membership is None:
        raise ValidationError(_("“%(title)s” is not in this incubator’s cohort.") % {"title": idea.title},
                              code="not_in_cohort")
    return membership


@transaction.atomic
def board_card_move(*, incubator: Incubator, idea: Idea, stage: Stage | int | str, by: User,
                    reason: str = "") -> CohortMembership:
    """Move a cohort idea to another stage from the board (recorded on its timeline like any stage change) and put
    its card at the end of the new column."""
    _board_check(incubator, by)
    membership = _membership_locked(incubator, idea)
    before = membership.idea.stage_id
    moved = idea_move_to_stage(idea=membership.idea, stage=stage, by=by, reason=reason)
    if moved.stage_id != before:
        last = (CohortMembership.objects.filter(incubator=incubator, idea__stage_id=moved.stage_id)
                .exclude(pk=membership.pk).aggregate(last=Max("board_position"))["last"])
        membership.board_position = 0 if last is None else last + 1
        membership.save(update_fields=["board_position"])
    membership.idea = moved
    return membership


@transaction.atomic
def board_card_shift(*, incubator: Incubator, idea: Idea, by: User, offset: int) -> CohortMembership:
    """Move a card up (`offset` -1) or down (+1) within its column; the column is renumbered 0, 1, 2…"""
    _board_check(incubator, by)
    if offset not in (-1, 1):
        raise ValidationError(_("A card moves one place up or down at a time."), code="bad_offset")
    membership = _membership_locked(incubator, idea)
    column = list(CohortMembership.objects.select_for_update()
                  .filter(incubator=incubator, idea__stage_id=membership.idea.stage_id)
                  .order_by("board_position", "id"))
    index = next(i for i, m in enumerate(column) if m.pk == membership.pk)
    target = index + offset
    if 0 <= target < len(column):
        column.insert(target, column.pop(index))
    changed = []
    for position, member in enumerate(column):
        if member.board_position != position:
            member.board_position = position
            changed.append(member)
    CohortMembership.objects.bulk_update(changed, ["board_position"])
    return next(m for m in column if m.pk == membership.pk)


# Mentors ------------------------------------------------------------------------------------------------------

@transaction.atomic
def mentor_assign(*, idea: Idea, mentor: User, by: User) -> MentorAssignment:
    """Make a member a mentor of the idea (the facilitators of an incubator it is in, or a hub admin); the mentor
    and the team are told."""
    if not by.has_perm("ideas.assign_mentor", idea):
        raise PermissionDenied
    if not mentor.is_active:
        raise ValidationError({"mentor": _("This member’s account is closed.")})
    if TeamMember.objects.filter(idea=idea, user=mentor).exists():
        raise ValidationError({"mentor": _("%(name)s is on the idea’s team and cannot also be its mentor.")
                               % {"name": mentor.display_name}})
    if MentorAssignment.objects.filter(idea=idea, mentor=mentor).exists():
        raise ValidationError({"mentor": _("%(name)s is already a mentor of this idea.") % {"name": mentor.display_name}})
    assignment = MentorAssignment.objects.create(idea=idea, mentor=mentor, assigned_by=by)
    forget_roles(idea)
    transaction.on_commit(partial(mentor_assigned_tell, assignment_id=assignment.pk))
    return assignment


def mentor_assigned_tell(*, assignment_id: int) -> int:
    assignment = MentorAssignment.objects.filter(pk=assignment_id).select_related("idea", "mentor").first()
    if assignment is None:
        return 0
    idea, mentor = assignment.idea, assignment.mentor
    url = idea.get_absolute_url()
    told = _tell(user_ids=[mentor.pk], kind="idea_mentor", url=url, key=f"idea-mentor:{assignment.pk}",
                 title=lambda: _("You are now a mentor of “%(title)s”") % {"title": idea.title})
    told += _tell(user_ids=_team_ids(idea.pk) - {mentor.pk}, kind="idea_mentor", url=url,
                  key=f"idea-mentor:{assignment.pk}",
                  title=lambda: _("%(name)s is now a mentor of “%(title)s”") % {"name": mentor.display_name,
                                                                               "title": idea.title})
    return told


@transaction.atomic
def mentor_remove(*, idea: Idea, mentor: User, by: User) -> None:
    """Take a mentor off the idea; the sessions they logged stay. The mentor is told."""
    if not by.has_perm("ideas.assign_mentor", idea):
        raise PermissionDenied
    deleted, _rows = MentorAssignment.objects.filter(idea=idea, mentor=mentor).delete()
    if not deleted:
        raise ValidationError(_("%(name)s is not a mentor of this idea.") % {"name": mentor.display_name})
    forget_roles(idea)
    now = timezone.now().isoformat()
    transaction.on_commit(partial(
        _tell, user_ids=[mentor.pk], kind="idea_mentor", url=idea.get_absolute_url(),
        key=f"idea-mentor-removed:{idea.pk}:{now}",
        title=partial(_mentor_removed_title, idea.title)))


def _mentor_removed_title(title: str) -> str:
    return _("You are no longer a mentor of “%(title)s”") % {"title": title}


# Support sessions ---------------------------------------------------------------------------------------------

def _session_fields_check(*, date: datetime.date | None, notes: str) -> dict[str, str]:
    errors = {}
    if date is None:
        errors["date"] = _("Enter the date of the session.")
    elif date > timezone.localdate():
        errors["date"] = _("The date cannot be in the future: log a session after it has taken place.")
    if not (notes or "").strip():
        errors["notes"] = _("Write a few notes about the session.")
    return errors


@transaction.atomic
def support_session_log(*, idea: Idea, by: User, mentor: User, date: datetime.date, notes: str,
                        next_steps: str = "") -> SupportSession:
    """Log a support session (an assigned mentor their own; a facilitator or a hub admin any assigned mentor's).
    The team is told, with the agreed next steps but without the notes."""
    if not rules.has_perm("ideas.log_support_session", by, idea):
        raise PermissionDenied
    errors = _session_fields_check(date=date, notes=notes)
    roles = idea_roles(by, idea)
    if mentor is None or not MentorAssignment.objects.filter(idea=idea, mentor=mentor).exists():
        errors["mentor"] = _("Choose one of the idea’s mentors.")
    elif not (by.is_superuser or roles.is_facilitator) and mentor.pk != by.pk:
        errors["mentor"] = _("You can log your own sessions only.")
    if errors:
        raise ValidationError(errors)
    session = SupportSession.objects.create(idea=idea, mentor=mentor, date=date, notes=notes.strip(),
                                            next_steps=(next_steps or "").strip(), logged_by=by)
    transaction.on_commit(partial(support_session_tell, session_id=session.pk, by_id=by.pk))
    return session


def support_session_tell(*, session_id: int, by_id: int) -> int:
    session = SupportSession.objects.filter(pk=session_id).select_related("idea").first()
    if session is None:
        return 0
    idea = session.idea
    next_steps = session.next_steps

    def body() -> str:
        return _("Agreed next steps: %(steps)s") % {"steps": next_steps} if next_steps else ""

    return _tell(user_ids=_team_ids(idea.pk) - {by_id}, kind="idea_support_session",
                 url=reverse("ideas:idea_sessions", args=[idea.pk]), key=f"idea-session:{session.pk}",
                 title=lambda: _("A support session for “%(title)s” was logged") % {"title": idea.title}, body=body)


@transaction.atomic
def support_session_update(*, session: SupportSession, by: User, date: datetime.date, notes: str,
                           next_steps: str = "") -> SupportSession:
    """Correct a session one logged oneself, within a day of logging it."""
    if not rules.has_perm("ideas.change_support_session", by, session):
        raise PermissionDenied
    errors = _session_fields_check(date=date, notes=notes)
    if errors:
        raise ValidationError(errors)
    session.date, session.notes, session.next_steps = date, notes.strip(), (next_steps or "").strip()
    session.save(update_fields=["date", "notes", "next_steps"])
    return session


@transaction.atomic
def support_session_delete(*, session: SupportSession, by: User) -> None:
    if not rules.has_perm("ideas.change_support_session", by, session):
        raise PermissionDenied
    session.delete()


# Milestones ---------------------------------------------------------------------------------------------------

def _milestone_fields_check(*, title: str, due_on: datetime.date | None, check_past: bool) -> dict[str, str]:
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = _("Name the milestone.")
    elif len(title) > Milestone._meta.get_field("title").max_length:
        errors["title"] = _("Keep the milestone under 200 characters.")
    if due_on is None:
        errors["due_on"] = _("Enter the day the milestone is due.")
    elif check_past and due_on < timezone.localdate():
        errors["due_on"] = _("The due date has passed: choose today or a later day.")
    return errors


def _milestones_check(idea: Idea, by: User) -> None:
    if not by.has_perm("ideas.manage_milestones", idea):
        raise PermissionDenied


@transaction.atomic
def milestone_add(*, idea: Idea, by: User, title: str, due_on: datetime.date) -> Milestone:
    """Add a milestone (the team, the facilitators, hub admins); the team is reminded before it is due."""
    _milestones_check(idea, by)
    errors = _milestone_fields_check(title=title, due_on=due_on, check_past=True)
    if errors:
        raise ValidationError(errors)
    return Milestone.objects.create(idea=idea, title=title.strip(), due_on=due_on, created_by=by)


@transaction.atomic
def milestone_update(*, milestone: Milestone, by: User, title: str, due_on: datetime.date) -> Milestone:
    """Rename or move a milestone; a new due date gets its own reminders."""
    _milestones_check(milestone.idea, by)
    moved = due_on != milestone.due_on
    errors = _milestone_fields_check(title=title, due_on=due_on, check_past=moved)
    if errors:
        raise ValidationError(errors)
    milestone.title, milestone.due_on = title.strip(), due_on
    fields = ["title", "due_on"]
    if moved:
        milestone.reminder_sent_at = None
        fields.append("reminder_sent_at")
    milestone.save(update_fields=fields)
    return milestone


@transaction.atomic
def milestone_mark(*, milestone: Milestone, by: User, done: bool) -> Milestone:
    """Mark a milestone done, or open again."""
    _milestones_check(milestone.idea, by)
    milestone.done_at = timezone.now() if done else None
    milestone.save(update_fields=["done_at"])
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by: User) -> None:
    _milestones_check(milestone.idea, by)
    milestone.delete()


def milestones_remind(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Tell each idea's accepted team about open milestones due within REMIND_DAYS days (once) and, once more,
    when one is overdue. `reminder_sent_at` records the last reminder; the notification keys (by milestone and
    due date) make each reminder arrive once even if two runs overlap. Returns how many milestones were reminded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    soon = list(Milestone.objects.filter(done_at__isnull=True, reminder_sent_at__isnull=True, due_on__gte=today,
                                         due_on__lte=today + datetime.timedelta(days=REMIND_DAYS))
                .select_related("idea"))
    # Overdue and not yet told so: no reminder at all, or the last one was sent on or before the due day.
    overdue = list(Milestone.objects.filter(done_at__isnull=True, due_on__lt=today)
                   .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__date__lte=F("due_on")))
                   .select_related("idea"))
    for milestone in soon:
        _milestone_remind(milestone, overdue=False)
    for milestone in overdue:
        _milestone_remind(milestone, overdue=True)
    Milestone.objects.filter(pk__in=[m.pk for m in soon + overdue]).update(reminder_sent_at=now)
    return {"soon": len(soon), "overdue": len(overdue)}


def _milestone_remind(milestone: Milestone, *, overdue: bool) -> int:
    idea_title, title, due_on = milestone.idea.title, milestone.title, milestone.due_on

    def text() -> str:
        from django.utils import formats

        values = {"milestone": title, "title": idea_title, "due": formats.date_format(due_on, "DATE_FORMAT")}
        if overdue:
            return _("The milestone “%(milestone)s” of “%(title)s” was due on %(due)s") % values
        return _("The milestone “%(milestone)s” of “%(title)s” is due on %(due)s") % values

    kind = "overdue" if overdue else "soon"
    return _tell(user_ids=_team_ids(milestone.idea_id), kind="idea_milestone", title=text,
                 url=reverse("ideas:idea_milestones", args=[milestone.idea_id]),
                 key=f"idea-milestone-{kind}:{milestone.pk}:{due_on.isoformat()}")

"""Writes for dot votes: opening a vote over a set of ideas, placing dots, closing it.

A facilitator (hub-wide, or of the incubator the vote is for) opens a vote; every member spreads at most
`dots_per_participant` dots over its ideas while it is open; the results are for everyone once it closes (by
hand, or at `closes_at`). Each voter's dots are changed under a lock on that voter, so two quick clicks in two
tabs cannot spend more dots than the voter has.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskap.accounts.models import Notification, User
from samskap.accounts.notifications import notifications_add

from .models import Challenge, Dot, DotVote, Idea, Incubator, IntakeRound, Visibility

MAX_DOTS = 20
MIN_IDEAS = 2
MAX_IDEAS = 200
# Only ideas every member may see can be voted on: the vote page shows them to every member.
VOTABLE_VISIBILITIES = (Visibility.PUBLIC, Visibility.MEMBERS)


def votable_ideas():
    """Ideas a vote may be over: published, not hidden, seen by every member."""
    return Idea.objects.published().filter(visibility__in=VOTABLE_VISIBILITIES)


def may_open_dot_vote(user, incubator: Incubator | None = None) -> bool:
    """Hub-wide facilitators and hub admins open any vote; an incubator's facilitators open votes for it."""
    if user.has_perm("ideas.open_dot_vote"):
        return True
    return incubator is not None and user.has_perm("ideas.change_incubator", incubator)


@transaction.atomic
def dot_vote_open(*, by: User, title: str, ideas: Iterable[Idea], dots_per_participant: int = 3,
                  show_live: bool = False, closes_at: datetime.datetime | None = None,
                  challenge: Challenge | None = None, round: IntakeRound | None = None,
                  incubator: Incubator | None = None) -> DotVote:
    """Open a vote over `ideas` (a challenge's, a round's, a cohort's, or picked by hand)."""
    if round is not None and incubator is None:
        incubator = round.incubator
    if not may_open_dot_vote(by, incubator):
        raise PermissionDenied(_("Only facilitators can open a dot vote."))
    errors: dict[str, list[str]] = {}
    title = (title or "").strip()
    if not title:
        errors.setdefault("title", []).append(_("Give the vote a title."))
    elif len(title) > DotVote._meta.get_field("title").max_length:
        errors.setdefault("title", []).append(_("Keep the title under 200 characters."))
    if not isinstance(dots_per_participant, int) or not 1 <= dots_per_participant <= MAX_DOTS:
        errors.setdefault("dots_per_participant", []).append(
            _("Give each participant from 1 to %(max)s dots.") % {"max": MAX_DOTS})
    if closes_at is not None and closes_at <= timezone.now():
        errors.setdefault("closes_at", []).append(_("The closing time must be in the future."))
    idea_ids = list(dict.fromkeys(idea.pk for idea in ideas))
    if len(idea_ids) < MIN_IDEAS:
        errors.setdefault("ideas", []).append(_("Pick at least two ideas to vote on."))
    elif len(idea_ids) > MAX_IDEAS:
        errors.setdefault("ideas", []).append(_("A vote can have at most %(max)s ideas.") % {"max": MAX_IDEAS})
    else:
        allowed = set(votable_ideas().filter(pk__in=idea_ids).values_list("pk", flat=True))
        if len(allowed) != len(idea_ids):
            errors.setdefault("ideas", []).append(
                _("Only published ideas that every member may see can be voted on."))
    if errors:
        raise ValidationError(errors)
    vote = DotVote.objects.create(title=title, dots_per_participant=dots_per_participant, show_live=show_live,
                                  closes_at=closes_at, challenge=challenge, round=round, incubator=incubator,
                                  opened_by=by, opened_at=timezone.now())
    vote.ideas.set(idea_ids)
    return vote


def dots_place(*, vote: DotVote, idea: Idea, by: User, count: int) -> int:
    """Set `by`'s dots on `idea` to `count` (0 takes them all off). Returns the dots the voter has left.

    Refused, with nothing saved, when the vote is closed, the idea is not in it, or the dots would add up to
    more than the voter has."""
    if not getattr(by, "is_authenticated", False) or not by.is_active:
        raise PermissionDenied(_("Log in to place dots."))
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise ValidationError(_("The number of dots must be zero or more."), code="invalid_count")
    with transaction.atomic():
        # The voter's row is the lock: it exists even before their first dot (SQLite serialises writers anyway).
        User.objects.select_for_update().filter(pk=by.pk).first()
        vote = DotVote.objects.get(pk=vote.pk)
        if vote.is_closed():
            raise ValidationError(_("This vote has closed; the dots can no longer change."), code="closed")
        if not by.has_perm("ideas.place_dots", vote):
            raise PermissionDenied
        if not vote.ideas.filter(pk=idea.pk).filter(pk__in=votable_ideas().values("pk")).exists():
            raise ValidationError(_("This idea is not part of the vote."), code="not_in_vote")
        mine = list(Dot.objects.select_for_update().filter(vote=vote, user=by))
        elsewhere = sum(dot.count for dot in mine if dot.idea_id != idea.pk)
        total = vote.dots_per_participant
        if elsewhere + count > total:
            left = total - sum(dot.count for dot in mine)
            if left <= 0:
                message = _("You have no dots left. Take a dot off another idea first.")
            else:
                message = ngettext("You have only %(left)s dot left.", "You have only %(left)s dots left.",
                                   left) % {"left": left}
            raise ValidationError(message, code="too_many_dots")
        current = next((dot for dot in mine if dot.idea_id == idea.pk), None)
        if count == 0:
            if current is not None:
                current.delete()
        elif current is None:
            Dot.objects.create(vote=vote, idea=idea, user=by, count=count)
        elif current.count != count:
            current.count = count
            current.save(update_fields=["count"])
        return total - elsewhere - count


@transaction.atomic
def dot_vote_close(*, vote: DotVote, by: User) -> DotVote:
    """Close the vote now (its facilitators, hub admins): the results are shown to every member, and those
    who placed dots are told."""
    if not by.has_perm("ideas.close_dot_vote", vote):
        raise PermissionDenied(_("Only the vote's facilitators can close it."))
    vote = DotVote.objects.select_for_update().get(pk=vote.pk)
    if vote.closed_at is not None:
        return vote
    now = timezone.now()
    # A vote past its closing time closed then; closing it by hand only records that.
    vote.closed_at = vote.closes_at if vote.closes_at is not None and vote.closes_at <= now else now
    vote.save(update_fields=["closed_at"])
    transaction.on_commit(partial(dot_vote_voters_notify, vote_id=vote.pk))
    return vote


def dot_vote_voters_notify(*, vote_id: int) -> int:
    """Tell everyone who placed dots that the results are out, each in their own language."""
    vote = DotVote.objects.filter(pk=vote_id).first()
    if vote is None:
        return 0
    voter_ids = Dot.objects.filter(vote=vote).values("user_id")
    users = User.objects.filter(pk__in=voter_ids, is_active=True).only("pk", "preferred_language")
    notifications = []
    for user in users:
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            notifications.append(Notification(
                user_id=user.pk, kind="dot_vote_closed",
                title=_("The results of “%(title)s” are out") % {"title": vote.title},
                url=vote.get_absolute_url(), key=f"dot-vote-closed:{vote.pk}:{user.pk}"))
    return notifications_add(notifications=notifications)

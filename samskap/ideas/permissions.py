"""Who may do what with ideas, challenges and the incubator. Tested as role × stage × visibility matrices.

Roles around an idea (`idea_roles`, asked of the database once per idea and viewer, then cached on the idea):
- **team**: an accepted team member; the **core team** are its initiator(s) and co-founders (volunteers post
  to the logbook and tick the checklist, but do not edit the idea or its team);
- **mentor**: a mentor assigned to the idea;
- **facilitator**: a facilitator of an incubator the idea is in (cohort) or applied to, or any member with
  the hub-wide facilitator flag;
- hub admins may do everything.

Reading an idea: a draft only by its team (and hub admins); a published idea by everyone (public), members
(network members) or the team, its mentors and facilitators (team only). A hidden idea only by its team
(who see why), the moderators (hub admins and facilitators) and nobody else.
Support-session notes: the team, its mentors, its facilitators and hub admins — never other members.
"""

from dataclasses import dataclass

import rules

from samskap.actors.permissions import is_organisation_member
from samskap.core.permissions import is_facilitator, is_hub_admin, is_member

ROLES_CACHE = "_idea_roles_by_user"


@dataclass(frozen=True)
class IdeaRoles:
    team_role: str | None = None  # "initiator", "co_founder", "volunteer" (accepted members only)
    is_mentor: bool = False
    is_facilitator: bool = False

    @property
    def is_team(self) -> bool:
        return self.team_role is not None

    @property
    def is_core_team(self) -> bool:
        return self.team_role in ("initiator", "co_founder")


NO_ROLES = IdeaRoles()


def idea_roles(user, idea) -> IdeaRoles:
    """`user`'s roles around `idea`: at most three queries per pair, none once cached (see `remember_roles`)."""
    if idea is None or idea.pk is None or not is_member(user):
        return NO_ROLES
    cache = idea.__dict__.setdefault(ROLES_CACHE, {})
    if user.pk not in cache:
        from .models import Application, CohortMembership, MentorAssignment, TeamMember

        team_role = (TeamMember.objects.filter(idea=idea, user=user, accepted_at__isnull=False)
                     .values_list("role", flat=True).first())
        mentor = MentorAssignment.objects.filter(idea=idea, mentor=user).exists()
        facilitator = bool(getattr(user, "is_facilitator", False)) or (
            CohortMembership.objects.filter(idea=idea, incubator__facilitators=user).exists()
            or Application.objects.filter(idea=idea, round__incubator__facilitators=user).exists())
        cache[user.pk] = IdeaRoles(team_role=team_role, is_mentor=mentor, is_facilitator=facilitator)
    return cache[user.pk]


def remember_roles(idea, user, roles: IdeaRoles) -> None:
    """Fill the cache from roles a selector already loaded."""
    idea.__dict__.setdefault(ROLES_CACHE, {})[user.pk] = roles


def forget_roles(idea) -> None:
    idea.__dict__.pop(ROLES_CACHE, None)


@rules.predicate
def is_idea_team(user, idea) -> bool:
    return idea_roles(user, idea).is_team


@rules.predicate
def is_idea_core_team(user, idea) -> bool:
    return idea_roles(user, idea).is_core_team


@rules.predicate
def is_idea_mentor(user, idea) -> bool:
    return idea_roles(user, idea).is_mentor


@rules.predicate
def is_idea_facilitator(user, idea) -> bool:
    return idea_roles(user, idea).is_facilitator


@rules.predicate
def is_published(user, idea) -> bool:
    return idea is not None and idea.published_at is not None


@rules.predicate
def is_hidden(user, idea) -> bool:
    return idea is not None and idea.hidden_at is not None


@rules.predicate
def is_public_idea(user, idea) -> bool:
    return idea is not None and idea.visibility == "public"


@rules.predicate
def is_members_idea(user, idea) -> bool:
    return idea is not None and idea.visibility == "members"


is_moderator = is_hub_admin | is_facilitator

may_view_idea = (
    is_hub_admin
    | is_idea_team
    | (is_published & is_hidden & is_moderator)
    | (is_published & ~is_hidden & (is_public_idea | (is_member & is_members_idea)
                                    | is_idea_mentor | is_idea_facilitator))
)
may_take_part = is_member & is_published & ~is_hidden & may_view_idea

rules.add_perm("ideas.add_idea", is_member)
rules.add_perm("ideas.view_idea", may_view_idea)
rules.add_perm("ideas.change_idea", is_idea_core_team | is_hub_admin)
rules.add_perm("ideas.delete_idea", is_idea_core_team | is_hub_admin)
rules.add_perm("ideas.manage_team", is_idea_core_team | is_hub_admin)
rules.add_perm("ideas.move_stage", is_published & (is_idea_core_team | is_idea_facilitator | is_hub_admin))
rules.add_perm("ideas.post_log", is_idea_team | is_hub_admin)
rules.add_perm("ideas.tick_checklist", is_idea_team | is_hub_admin)
rules.add_perm("ideas.support_idea", may_take_part & ~is_idea_team)
rules.add_perm("ideas.comment_idea", may_take_part)
rules.add_perm("ideas.follow_idea", may_take_part)
rules.add_perm("ideas.report", is_member)
rules.add_perm("ideas.moderate", is_moderator)
rules.add_perm("ideas.view_support_sessions",
               is_idea_team | is_idea_mentor | is_idea_facilitator | is_hub_admin)
rules.add_perm("ideas.log_support_session", is_published & (is_idea_mentor | is_idea_facilitator | is_hub_admin))
rules.add_perm("ideas.assign_mentor", is_idea_facilitator | is_hub_admin)
rules.add_perm("ideas.manage_milestones", is_idea_team | is_idea_facilitator | is_hub_admin)


# Challenges -------------------------------------------------------------------------------------------------

@rules.predicate
def is_challenge_owner(user, challenge) -> bool:
    """The member who created it, an active member of the owning organisation, or (for the hub's own
    challenges) any facilitator."""
    if challenge is None or not is_member(user):
        return False
    if challenge.created_by_id == user.pk:
        return True
    if challenge.organisation_id:
        return bool(is_organisation_member(user, challenge.organisation))
    return bool(is_facilitator(user))


@rules.predicate
def is_visible_challenge(user, challenge) -> bool:
    return challenge is not None and challenge.hidden_at is None


# Who creates a challenge: hub admins and facilitators (for the hub or an organisation), and any active
# member of an organisation (for that organisation; `challenge_create` checks which).
rules.add_perm("ideas.add_challenge", is_member)
rules.add_perm("ideas.view_challenge", is_visible_challenge | is_challenge_owner | is_hub_admin)
rules.add_perm("ideas.change_challenge", is_challenge_owner | is_hub_admin)


# Incubators, rounds, applications, reviews, board ----------------------------------------------------------

@rules.predicate
def is_incubator_facilitator(user, incubator) -> bool:
    if incubator is None or not is_member(user):
        return False
    cache = incubator.__dict__.setdefault("_facilitator_ids", None)
    if cache is None:
        cache = incubator.__dict__["_facilitator_ids"] = set(incubator.facilitators.values_list("pk", flat=True))
    return user.pk in cache


@rules.predicate
def is_round_facilitator(user, round) -> bool:
    return round is not None and bool(is_incubator_facilitator(user, round.incubator))


@rules.predicate
def is_round_reviewer(user, round) -> bool:
    if round is None or not is_member(user):
        return False
    cache = round.__dict__.setdefault("_reviewer_ids", None)
    if cache is None:
        cache = round.__dict__["_reviewer_ids"] = set(round.reviewers.values_list("pk", flat=True))
    return user.pk in cache


@rules.predicate
def is_round_open(user, round) -> bool:
    return round is not None and round.is_open()


@rules.predicate
def is_application_team(user, application) -> bool:
    return application is not None and (application.applicant_id == getattr(user, "pk", None)
                                        or bool(is_idea_team(user, application.idea)))


@rules.predicate
def is_application_reviewer(user, application) -> bool:
    return application is not None and bool(is_round_reviewer(user, application.round))


@rules.predicate
def is_application_facilitator(user, application) -> bool:
    return application is not None and bool(is_round_facilitator(user, application.round))


rules.add_perm("ideas.add_incubator", is_hub_admin | is_facilitator)
rules.add_perm("ideas.change_incubator", is_incubator_facilitator | is_hub_admin)
rules.add_perm("ideas.view_board", is_incubator_facilitator | is_hub_admin)
rules.add_perm("ideas.change_round", is_round_facilitator | is_hub_admin)
rules.add_perm("ideas.apply_round", is_member & is_round_open)
rules.add_perm("ideas.review_round", is_round_reviewer)
rules.add_perm("ideas.decide_round", is_round_facilitator | is_hub_admin)
rules.add_perm("ideas.view_ranking", is_round_facilitator | is_hub_admin)
rules.add_perm("ideas.view_application",
               is_application_team | is_application_reviewer | is_application_facilitator | is_hub_admin)
rules.add_perm("ideas.review_application", is_application_reviewer)
rules.add_perm("ideas.decide_application", is_application_facilitator | is_hub_admin)


# Dot votes ---------------------------------------------------------------------------------------------------

@rules.predicate
def is_vote_open(user, vote) -> bool:
    return vote is not None and not vote.is_closed()


@rules.predicate
def is_vote_facilitator(user, vote) -> bool:
    if vote is None or not is_member(user):
        return False
    if vote.opened_by_id == user.pk:
        return True
    if vote.incubator_id:
        return bool(is_incubator_facilitator(user, vote.incubator))
    return bool(is_facilitator(user))


rules.add_perm("ideas.open_dot_vote", is_hub_admin | is_facilitator)
rules.add_perm("ideas.place_dots", is_member & is_vote_open)
rules.add_perm("ideas.close_dot_vote", is_vote_facilitator | is_hub_admin)
rules.add_perm("ideas.see_dot_results", ~is_vote_open | (is_vote_open & rules.predicate(
    lambda user, vote: vote.show_live)) | is_vote_facilitator | is_hub_admin)


# Part E (cohort board, mentors, support sessions, milestones) ----------------------------------------------

SESSION_EDIT_HOURS = 24


@rules.predicate
def is_own_recent_session(user, session) -> bool:
    """The member who logged the support session, within a day of logging it."""
    if session is None or not is_member(user) or session.logged_by_id != user.pk:
        return False
    from datetime import timedelta

    from django.utils import timezone

    return session.created_at >= timezone.now() - timedelta(hours=SESSION_EDIT_HOURS)


rules.add_perm("ideas.change_support_session", is_own_recent_session)


# Part C (support, following, comments, reports, moderation) ------------------------------------------------

COMMENT_EDIT_MINUTES = 15


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return comment is not None and is_member(user) and comment.author_id == user.pk


@rules.predicate
def is_comment_shown(user, comment) -> bool:
    """Neither hidden by a moderator nor deleted by its author (a deleted comment has no text)."""
    return comment is not None and comment.hidden_at is None and bool(comment.body)


@rules.predicate
def is_comment_recent(user, comment) -> bool:
    from datetime import timedelta

    from django.utils import timezone

    return comment is not None and comment.created_at >= timezone.now() - timedelta(minutes=COMMENT_EDIT_MINUTES)


rules.add_perm("ideas.change_comment", is_comment_author & is_comment_shown & is_comment_recent)
rules.add_perm("ideas.delete_comment", is_comment_author & rules.predicate(lambda user, comment: bool(comment.body)))


# Part B2 (team, stages, logbook) ---------------------------------------------------------------------------

@rules.predicate
def is_log_entry_author_on_team(user, entry) -> bool:
    """The member who posted the logbook update, while they are still on the idea's team."""
    return (entry is not None and is_member(user) and entry.author_id == user.pk
            and bool(is_idea_team(user, entry.idea)))


@rules.predicate
def is_log_entry_core_team(user, entry) -> bool:
    return entry is not None and bool(is_idea_core_team(user, entry.idea))


rules.add_perm("ideas.delete_log_entry", is_log_entry_author_on_team | is_log_entry_core_team | is_hub_admin)
rules.add_perm("ideas.change_stages", is_hub_admin)

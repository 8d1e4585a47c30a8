"""Writes for ideas: submitting, drafts, publishing, editing, stages, and telling followers.

Every function checks the permission it needs itself (raising PermissionDenied), so the pages and the API share
it. Notifications and the search index are updated after the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskap.accounts.models import Notification, User
from samskap.accounts.notifications import notifications_add

from .models import Follow, Idea, IdeaNeed, Stage, StageChange, TeamMember, Visibility
from .permissions import forget_roles
from .search import idea_index

IDEA_FIELDS = ("title", "summary", "problem", "challenge", "target_group", "solution", "place", "location",
               "language", "visibility")


def stage_default() -> Stage:
    """The first stage in progress: where a new idea starts."""
    stage = Stage.objects.filter(is_active=True).order_by("position", "id").first()
    if stage is None:
        raise ValidationError(_("The hub has no stages in progress. A hub admin must add one first."))
    return stage


def _needs_set(idea: Idea, needs: dict[str, str]) -> None:
    """Replace the idea's needs with `needs` ({kind: short text}; empty texts drop that kind)."""
    unknown = set(needs) - set(IdeaNeed.Kind.values)
    if unknown:
        raise ValidationError(_("Unknown kind of need: %(kinds)s.") % {"kinds": ", ".join(sorted(unknown))})
    idea.needs.all().delete()
    IdeaNeed.objects.bulk_create([IdeaNeed(idea=idea, kind=kind, text=text.strip()[:300])
                                  for kind, text in needs.items() if text and text.strip()])


@transaction.atomic
def idea_create(*, author: User, title: str, summary: str, publish: bool = True, stage: Stage | None = None,
                themes: Iterable = (), needs: dict[str, str] | None = None, **fields) -> Idea:
    """Submit an idea (or keep it as a draft with `publish=False`). The author becomes its initiator and
    follows it; the first stage change ("submitted") starts the timeline."""
    if not author.has_perm("ideas.add_idea"):
        raise PermissionDenied
    unknown = set(fields) - set(IDEA_FIELDS)
    if unknown:
        raise TypeError(f"unknown idea fields: {sorted(unknown)}")
    now = timezone.now()
    idea = Idea(author=author, title=title, summary=summary, stage=stage or stage_default(), stage_changed_at=now,
                published_at=now if publish else None, created_at=now, **fields)
    idea.full_clean(exclude=["stage", "author"])
    idea.save()
    idea.themes.set(themes)
    if needs:
        _needs_set(idea, needs)
    TeamMember.objects.create(idea=idea, user=author, role=TeamMember.Role.INITIATOR, accepted_at=now)
    Follow.objects.create(idea=idea, user=author)
    StageChange.objects.create(idea=idea, from_stage=None, to_stage=idea.stage, by=author, created_at=now)
    if publish:
        transaction.on_commit(partial(idea_index, idea_id=idea.pk))
    return idea


@transaction.atomic
def idea_update(*, idea: Idea, by: User, themes: Iterable | None = None, needs: dict[str, str] | None = None,
                **fields) -> Idea:
    """Change the idea's own fields (the core team or a hub admin)."""
    if not by.has_perm("ideas.change_idea", idea):
        raise PermissionDenied
    unknown = set(fields) - set(IDEA_FIELDS)
    if unknown:
        raise TypeError(f"unknown idea fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(idea, name, value)
    idea.full_clean(exclude=["stage", "author"])
    idea.save()
    if themes is not None:
        idea.themes.set(themes)
    if needs is not None:
        _needs_set(idea, needs)
    transaction.on_commit(partial(idea_index, idea_id=idea.pk))
    return idea


@transaction.atomic
def idea_publish(*, idea: Idea, by: User) -> Idea:
    """Publish a draft. Its timeline starts now."""
    if not by.has_perm("ideas.change_idea", idea):
        raise PermissionDenied
    if idea.published_at is None:
        idea.published_at = timezone.now()
        idea.save(update_fields=["published_at", "updated_at"])
        transaction.on_commit(partial(idea_index, idea_id=idea.pk))
    return idea


def viewers_only(*, idea: Idea, users: Iterable[User]) -> list[User]:
    """The `users` who may see `idea` as it is now: a follower of an idea that has since become team-only,
    hidden or a draft again must not learn its title from a notification."""
    idea = Idea.objects.filter(pk=idea.pk).first()
    if idea is None:
        return []
    if idea.published_at is not None and idea.hidden_at is None and idea.visibility in (Visibility.PUBLIC,
                                                                                        Visibility.MEMBERS):
        return list(users)  # everyone may see it, or every active member (and only active members are told)
    return [user for user in users if rules.has_perm("ideas.view_idea", user, idea)]


def followers_notify(*, idea: Idea, kind: str, title: Callable[[], str], body: Callable[[], str] | None = None,
                     url: str = "", key: str = "", exclude: Iterable[int] = ()) -> int:
    """Tell the idea's followers (and its accepted team) something, each in their own language: `title` and
    `body` are called inside each language. Call it after the commit. Returns how many were offered."""
    excluded = set(exclude)
    follower_ids = set(Follow.objects.filter(idea=idea).values_list("user_id", flat=True))
    follower_ids |= set(TeamMember.objects.filter(idea=idea, user__isnull=False, accepted_at__isnull=False)
                        .values_list("user_id", flat=True))
    users = viewers_only(idea=idea, users=User.objects.filter(pk__in=follower_ids - excluded, is_active=True)
                         .only("pk", "preferred_language", "is_superuser", "is_active", "is_facilitator"))
    now = timezone.now()
    notifications = []
    default_language = settings.LANGUAGE_CODE
    for user in users:
        with translation.override(user.preferred_language or default_language):
            notifications.append(Notification(
                user_id=user.pk, kind=kind, title=title(), body=body() if body else "", url=url or idea.get_absolute_url(),
                key=f"{key}:{user.pk}" if key else "", created_at=now))
    return notifications_add(notifications=notifications)


@transaction.atomic
def idea_move_to_stage(*, idea: Idea, stage: Stage | int | str, by: User, reason: str = "") -> Idea:
    """Move the idea to another stage, recording who, when and why on its timeline; followers are told.

    `stage` may be a Stage, its id or its slug; an unknown one is a ValidationError and changes nothing."""
    if not rules.has_perm("ideas.move_stage", by, idea):
        raise PermissionDenied
    if not isinstance(stage, Stage):
        lookup = {"pk": stage} if isinstance(stage, int) or str(stage).isdigit() else {"slug": stage}
        stage = Stage.objects.filter(**lookup).first()
        if stage is None:
            raise ValidationError(_("There is no such stage."), code="unknown_stage")
    reason = (reason or "").strip()
    if len(reason) > StageChange._meta.get_field("reason").max_length:
        raise ValidationError(_("Keep the reason under 500 characters."), code="reason_too_long")
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.stage_id == stage.pk:
        return idea
    now = timezone.now()
    StageChange.objects.create(idea=idea, from_stage_id=idea.stage_id, to_stage=stage, by=by, reason=reason,
                               created_at=now)
    Idea.objects.filter(pk=idea.pk).update(stage=stage, stage_changed_at=now, updated_at=now)
    idea.stage, idea.stage_changed_at = stage, now
    forget_roles(idea)
    transaction.on_commit(partial(idea_index, idea_id=idea.pk))
    transaction.on_commit(partial(
        followers_notify, idea=idea, kind="idea_stage", exclude=[by.pk],
        title=partial(_stage_title, idea.title, stage.pk), key=f"idea-stage:{idea.pk}:{now.isoformat()}"))
    return idea


def _stage_title(title: str, stage_id: int) -> str:
    stage = Stage.objects.get(pk=stage_id)
    return _("“%(title)s” moved to %(stage)s") % {"title": title, "stage": stage.label}


def counts_adjust(*, idea_id: int, support: int = 0, comments: int = 0) -> None:
    """Keep the denormalised counts in step (inside the caller's transaction)."""
    changes = {}
    if support:
        changes["support_count"] = F("support_count") + support
    if comments:
        changes["comment_count"] = F("comment_count") + comments
    if changes:
        Idea.objects.filter(pk=idea_id).update(**changes)

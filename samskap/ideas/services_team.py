"""Writes for an idea's team, its stage checklist, the hub's stages and the logbook (part B2).

- **Team**: the core team (initiators and co-founders) invites people by e-mail with a role; the invited person
  accepts or declines on `ideas/invitations/<token>/` after logging in. The core team changes roles and removes
  members; anyone leaves. An idea always keeps at least one initiator. At most
  `settings.IDEAS_INVITATIONS_PER_DAY` invitations (sent or re-sent) per idea in 24 hours.
- **Checklist**: the team ticks the items of the idea's current stage.
- **Stages**: hub admins rename, add, reorder, map to a phase and delete unused stages, and keep each stage's
  checklist.
- **Logbook**: the team posts updates (text and up to four images with descriptions); followers are told after
  the commit.

Every function checks its own permission and raises PermissionDenied or ValidationError (translated), changing
nothing on error.
"""

from __future__ import annotations

import datetime
import logging
import secrets
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from samskap.accounts.models import User
from samskap.accounts.notifications import notify, site_url
from samskap.core.images import validate_image_upload

from .models import ChecklistItem, ChecklistTick, Idea, IdeaImage, LogEntry, Phase, Stage, StageChange, TeamMember
from .permissions import forget_roles
from .services import followers_notify
from .services_images import image_store

logger = logging.getLogger(__name__)

LABEL_LANGUAGES = ("en", "sv", "nb", "da")
LOG_IMAGES_MAX = 4
LOG_BODY_MAX = LogEntry._meta.get_field("body").max_length
ALT_TEXT_MAX = IdeaImage._meta.get_field("alt_text").max_length
LABEL_MAX = 100


def invitations_per_day() -> int:
    return int(getattr(settings, "IDEAS_INVITATIONS_PER_DAY", 20))


def image_max_bytes() -> int:
    return int(getattr(settings, "IDEAS_IMAGE_MAX_BYTES", 5 * 1024 * 1024))


# Team ---------------------------------------------------------------------------------------------------------

def _check_manage(by: User, idea: Idea) -> None:
    if not by.has_perm("ideas.manage_team", idea):
        raise PermissionDenied(_("Only the idea's initiators and co-founders manage its team."))


def _check_role(role: str) -> None:
    if role not in TeamMember.Role.values:
        raise ValidationError({"role": _("Choose a role: initiator, co-founder or volunteer.")}, code="unknown_role")


def _check_keeps_initiator(member: TeamMember, *, new_role: str | None) -> None:
    """Refuse a change that would leave the idea without an accepted initiator (`new_role` None: removal)."""
    if member.role != TeamMember.Role.INITIATOR or member.accepted_at is None or new_role == TeamMember.Role.INITIATOR:
        return
    others = (TeamMember.objects.select_for_update()
              .filter(idea_id=member.idea_id, role=TeamMember.Role.INITIATOR, accepted_at__isnull=False)
              .exclude(pk=member.pk))
    if not others.exists():
        raise ValidationError(_("An idea always has at least one initiator. Make someone else an initiator first."),
                              code="last_initiator")


def _check_invitation_limit(idea: Idea, now: datetime.datetime) -> None:
    limit = invitations_per_day()
    since = now - datetime.timedelta(hours=24)
    recent = list(TeamMember.objects.filter(idea=idea, invited_at__gt=since).order_by("invited_at")
                  .values_list("invited_at", flat=True)[:limit])
    if len(recent) >= limit:
        again = timezone.localtime(recent[0] + datetime.timedelta(hours=24))
        raise ValidationError(_(
            "This idea has sent %(count)s invitations in the last 24 hours, the most it may. You can send the next "
            "one after %(when)s.") % {"count": limit, "when": formats.date_format(again, "SHORT_DATETIME_FORMAT")},
            code="too_many_invitations")


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def team_invite(*, idea: Idea, by: User, email: str, role: str = TeamMember.Role.VOLUNTEER) -> TeamMember:
    """Invite someone by e-mail to the idea's team with `role`. They get an e-mail with a link (and a
    notification, if the address is a member's)."""
    _check_manage(by, idea)
    _check_role(role)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter an e-mail address, such as name@example.org.")},
                              code="invalid_email") from None
    Idea.objects.select_for_update().filter(pk=idea.pk).first()  # one invitation at a time per idea
    if TeamMember.objects.filter(idea=idea, user__isnull=False).filter(
            Q(user__email__iexact=email) | Q(email__iexact=email)).exists():
        raise ValidationError({"email": _("%(email)s is already on the team.") % {"email": email}},
                              code="already_in_team")
    if TeamMember.objects.filter(idea=idea, user__isnull=True, email__iexact=email).exists():
        raise ValidationError({"email": _(
            "%(email)s has been invited already. Send the invitation again from the list of invitations.")
            % {"email": email}}, code="already_invited")
    now = timezone.now()
    _check_invitation_limit(idea, now)
    member = TeamMember.objects.create(idea=idea, email=email, role=role, token=_new_token(), invited_by=by,
                                       invited_at=now)
    _invitation_send_on_commit(member)
    return member


def _invitation_send_on_commit(member: TeamMember) -> None:
    transaction.on_commit(partial(send_team_invitation.enqueue, member_id=member.pk))
    transaction.on_commit(partial(team_invitation_notify, member_id=member.pk))


@transaction.atomic
def team_invitation_resend(*, member: TeamMember, by: User) -> TeamMember:
    """Send a pending invitation again, with a new link (the old one stops working)."""
    _check_manage(by, member.idea)
    member = TeamMember.objects.select_for_update().get(pk=member.pk)
    if member.accepted_at is not None or member.user_id is not None:
        raise ValidationError(_("This invitation has been accepted already."), code="not_pending")
    now = timezone.now()
    _check_invitation_limit(member.idea, now)
    member.token, member.invited_at, member.invited_by = _new_token(), now, by
    member.save(update_fields=["token", "invited_at", "invited_by"])
    _invitation_send_on_commit(member)
    return member


@transaction.atomic
def team_invitation_cancel(*, member: TeamMember, by: User) -> None:
    """Withdraw a pending invitation: its link stops working."""
    _check_manage(by, member.idea)
    if member.accepted_at is not None or member.user_id is not None:
        raise ValidationError(_("This invitation has been accepted already."), code="not_pending")
    member.delete()


def team_invitation_get(*, token: str) -> TeamMember | None:
    """The pending invitation with this link, or None."""
    if not token:
        return None
    return (TeamMember.objects.select_related("idea", "invited_by")
            .filter(token=token, user__isnull=True, accepted_at__isnull=True).first())


def _invitation_checked(token: str) -> TeamMember:
    member = (TeamMember.objects.select_for_update().filter(token=token, user__isnull=True,
                                                             accepted_at__isnull=True).first() if token else None)
    if member is None:
        raise ValidationError(_("This invitation is no longer valid: it was accepted, declined or withdrawn, or a "
                                "newer one was sent. Ask the team to invite you again."), code="invalid_invitation")
    return member


@transaction.atomic
def team_invitation_accept(*, token: str, user: User) -> TeamMember:
    """Join the team through an invitation's link: the logged-in member becomes a team member with the role
    they were invited with."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    member = _invitation_checked(token)
    if TeamMember.objects.filter(idea_id=member.idea_id, user=user).exists():
        member.delete()
        raise ValidationError(_("You are already on this idea's team."), code="already_in_team")
    member.user, member.accepted_at, member.token = user, timezone.now(), ""
    try:
        with transaction.atomic():
            member.save(update_fields=["user", "accepted_at", "token"])
    except IntegrityError:
        raise ValidationError(_("You are already on this idea's team."), code="already_in_team") from None
    forget_roles(member.idea)
    if member.invited_by_id and member.invited_by_id != user.pk:
        transaction.on_commit(partial(_joined_notify, member_id=member.pk))
    return member


@transaction.atomic
def team_invitation_decline(*, token: str, user: User) -> None:
    """Say no to an invitation: it is removed."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    _invitation_checked(token).delete()


@transaction.atomic
def team_member_role_change(*, member: TeamMember, by: User, role: str) -> TeamMember:
    """Give a team member (or a pending invitation) another role."""
    _check_manage(by, member.idea)
    _check_role(role)
    member = TeamMember.objects.select_for_update().get(pk=member.pk)
    _check_keeps_initiator(member, new_role=role)
    if member.role != role:
        member.role = role
        member.save(update_fields=["role"])
        forget_roles(member.idea)
    return member


@transaction.atomic
def team_member_remove(*, member: TeamMember, by: User) -> None:
    """Take someone off the team (the core team or a hub admin)."""
    _check_manage(by, member.idea)
    member = TeamMember.objects.select_for_update().get(pk=member.pk)
    _check_keeps_initiator(member, new_role=None)
    forget_roles(member.idea)
    member.delete()


@transaction.atomic
def team_leave(*, idea: Idea, user: User) -> None:
    """Leave the idea's team."""
    member = TeamMember.objects.select_for_update().filter(idea=idea, user=user, accepted_at__isnull=False).first()
    if member is None:
        raise ValidationError(_("You are not on this idea's team."), code="not_in_team")
    _check_keeps_initiator(member, new_role=None)
    member.delete()
    forget_roles(idea)


def _hub():
    from samskap.core.selectors import hub_settings_get

    return hub_settings_get()


def team_invitation_email_send(*, member_id: int) -> bool:
    """E-mail the invitation, in the invited member's language or else the hub's. Returns whether it went."""
    member = (TeamMember.objects.select_related("idea", "invited_by")
              .filter(pk=member_id, user__isnull=True, accepted_at__isnull=True).first())
    if member is None or not member.token or not member.email:
        return False
    hub = _hub()
    existing = User.objects.filter(email__iexact=member.email, is_active=True).only("preferred_language").first()
    language = (existing.preferred_language if existing else "") or hub.default_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"member": member, "idea": member.idea, "hub": hub, "role": member.get_role_display(),
                   "inviter": member.invited_by.display_name if member.invited_by else hub.name,
                   "url": site_url() + reverse("ideas:team_invitation", args=[member.token]),
                   "idea_url": site_url() + member.idea.get_absolute_url()}
        subject = _("You are invited to the team of “%(idea)s”") % {"idea": member.idea.title}
        message = EmailMultiAlternatives(
            subject, render_to_string("ideas/emails/team_invitation.txt", context), to=[member.email],
            reply_to=[hub.contact_email] if hub.contact_email else None,
            headers={"Content-Language": language, "Auto-Submitted": "auto-generated"})
        message.attach_alternative(render_to_string("ideas/emails/team_invitation.html", context), "text/html")
        message.send()
    return True


@task()
def send_team_invitation(*, member_id: int) -> bool:
    """Send the invitation e-mail; a failing mail server is logged (the team can send it again)."""
    try:
        return team_invitation_email_send(member_id=member_id)
    except Exception:
        logger.exception("The team invitation %s could not be e-mailed", member_id)
        return False


def team_invitation_notify(*, member_id: int) -> None:
    """If the invited address is a member's, tell them in the app too (in their language)."""
    member = TeamMember.objects.select_related("idea").filter(pk=member_id, user__isnull=True).first()
    if member is None or not member.token:
        return
    user = User.objects.filter(email__iexact=member.email, is_active=True).first()
    if user is None:
        return
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        notify(user=user, kind="idea_team_invitation",
               title=_("You are invited to the team of “%(idea)s” as %(role)s") % {
                   "idea": member.idea.title, "role": member.get_role_display()},
               url=reverse("ideas:team_invitation", args=[member.token]),
               key=f"idea-team-invitation:{member.pk}:{member.token[:12]}")


def _joined_notify(*, member_id: int) -> None:
    member = TeamMember.objects.select_related("idea", "user", "invited_by").filter(pk=member_id).first()
    if member is None or member.invited_by is None or member.user is None:
        return
    inviter = member.invited_by
    with translation.override(inviter.preferred_language or settings.LANGUAGE_CODE):
        notify(user=inviter, kind="idea_team_joined",
               title=_("%(name)s joined the team of “%(idea)s”") % {
                   "name": member.user.display_name, "idea": member.idea.title},
               url=reverse("ideas:idea_team", args=[member.idea_id]), key=f"idea-team-joined:{member.pk}")


# Checklist ----------------------------------------------------------------------------------------------------

@transaction.atomic
def checklist_tick(*, idea: Idea, item: ChecklistItem, by: User, done: bool) -> bool:
    """Tick (`done`) or untick a checklist item of the idea's current stage. Returns whether it is now done."""
    if not by.has_perm("ideas.tick_checklist", idea):
        raise PermissionDenied(_("Only the idea's team ticks its checklist."))
    current_stage = Idea.objects.filter(pk=idea.pk).values_list("stage_id", flat=True).first()
    if item.stage_id != current_stage:
        raise ValidationError(_("That item is not on the checklist of the idea's current stage."),
                              code="not_current_stage")
    if done:
        ChecklistTick.objects.get_or_create(idea=idea, item=item, defaults={"done_by": by})
    else:
        ChecklistTick.objects.filter(idea=idea, item=item).delete()
    return done


# Stages (hub admins) ------------------------------------------------------------------------------------------

def _check_stages_admin(by: User) -> None:
    if not by.has_perm("core.change_hubsettings"):
        raise PermissionDenied(_("Only hub admins change the stages."))


def labels_checked(labels: dict[str, str], *, field: str = "labels") -> dict[str, str]:
    """The names by language (en, sv, nb, da), stripped; at least one is needed."""
    cleaned = {}
    for language in LABEL_LANGUAGES:
        value = (labels.get(language) or "").strip()
        if len(value) > LABEL_MAX:
            raise ValidationError({f"label_{language}": _("Keep the name under %(max)s characters.")
                                   % {"max": LABEL_MAX}}, code="label_too_long")
        if value:
            cleaned[language] = value
    if not cleaned:
        raise ValidationError({f"label_{LABEL_LANGUAGES[0]}": _("Give a name in at least one language.")},
                              code="no_label")
    return cleaned


def _check_phase(phase: str) -> None:
    if phase and phase not in Phase.values:
        raise ValidationError({"phase": _("Choose pre-ject, pro-ject, post-ject or no phase.")}, code="unknown_phase")


@transaction.atomic
def stage_create(*, by: User, slug: str, labels: dict[str, str], phase: str = "", is_active: bool = True) -> Stage:
    """Add a stage at the end of the pipeline."""
    _check_stages_admin(by)
    slug = (slug or "").strip().lower()
    labels = labels_checked(labels)
    _check_phase(phase)
    stage = Stage(slug=slug, labels=labels, phase=phase, is_active=is_active)
    try:
        stage.full_clean(exclude=["position"], validate_unique=False)
    except ValidationError as error:
        raise ValidationError({name: messages for name, messages in error.message_dict.items()}) from None
    if Stage.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("A stage with the short name “%(slug)s” exists already.") % {"slug": slug}},
                              code="duplicate_slug")
    last = Stage.objects.aggregate(last=Max("position"))["last"]
    stage.position = 0 if last is None else last + 10
    stage.save()
    return stage


@transaction.atomic
def stage_update(*, stage: Stage, by: User, labels: dict[str, str], phase: str = "", is_active: bool = True) -> Stage:
    """Rename a stage, map it to a phase, or set whether work goes on in it."""
    _check_stages_admin(by)
    labels = labels_checked(labels)
    _check_phase(phase)
    stage.labels, stage.phase, stage.is_active = labels, phase, is_active
    stage.save(update_fields=["labels", "phase", "is_active"])
    return stage


def _renumber(rows: list, step: int) -> None:
    for index, row in enumerate(rows):
        if row.position != index * step:
            row.position = index * step
            type(row).objects.filter(pk=row.pk).update(position=row.position)


def _move(rows: list, row, direction: str, *, step: int) -> None:
    if direction not in ("up", "down"):
        raise ValidationError(_("Move it up or down."), code="unknown_direction")
    index = next(i for i, other in enumerate(rows) if other.pk == row.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    _renumber(rows, step)


@transaction.atomic
def stage_reorder(*, stage: Stage, by: User, direction: str) -> None:
    """Move a stage one place up or down the pipeline."""
    _check_stages_admin(by)
    _move(list(Stage.objects.select_for_update().order_by("position", "id")), stage, direction, step=10)


def stage_in_use(stage: Stage) -> bool:
    return (Idea.objects.filter(stage=stage).exists()
            or StageChange.objects.filter(Q(from_stage=stage) | Q(to_stage=stage)).exists())


@transaction.atomic
def stage_delete(*, stage: Stage, by: User) -> None:
    """Delete a stage no idea is or ever was in (a used one stays, to keep the timelines true)."""
    _check_stages_admin(by)
    if stage_in_use(stage):
        raise ValidationError(_("“%(stage)s” cannot be deleted: ideas are or have been in it. Rename it, or turn "
                                "off “in progress”, instead.") % {"stage": stage.label}, code="stage_in_use")
    if not Stage.objects.exclude(pk=stage.pk).filter(is_active=True).exists():
        raise ValidationError(_("The hub needs at least one stage in progress."), code="last_stage")
    stage.delete()


@transaction.atomic
def checklist_item_add(*, stage: Stage, by: User, labels: dict[str, str]) -> ChecklistItem:
    """Add an item at the end of a stage's checklist."""
    _check_stages_admin(by)
    labels = labels_checked(labels)
    last = ChecklistItem.objects.filter(stage=stage).aggregate(last=Max("position"))["last"]
    return ChecklistItem.objects.create(stage=stage, labels=labels, position=0 if last is None else last + 1)


@transaction.atomic
def checklist_item_update(*, item: ChecklistItem, by: User, labels: dict[str, str]) -> ChecklistItem:
    _check_stages_admin(by)
    item.labels = labels_checked(labels)
    item.save(update_fields=["labels"])
    return item


@transaction.atomic
def checklist_item_reorder(*, item: ChecklistItem, by: User, direction: str) -> None:
    _check_stages_admin(by)
    rows = list(ChecklistItem.objects.select_for_update().filter(stage_id=item.stage_id).order_by("position", "id"))
    _move(rows, item, direction, step=1)


@transaction.atomic
def checklist_item_remove(*, item: ChecklistItem, by: User) -> None:
    """Remove an item from a stage's checklist (the ideas' ticks of it go too)."""
    _check_stages_admin(by)
    item.delete()


# Logbook ------------------------------------------------------------------------------------------------------

def log_images_checked(images: Sequence[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """Check every image (size, type, description) before any is stored."""
    images = [(upload, alt) for upload, alt in images if upload]
    if len(images) > LOG_IMAGES_MAX:
        raise ValidationError(_("An update can have at most %(max)s images.") % {"max": LOG_IMAGES_MAX},
                              code="too_many_images")
    checked = []
    for index, (upload, alt_text) in enumerate(images, start=1):
        validate_image_upload(upload, max_bytes=image_max_bytes())
        alt_text = (alt_text or "").strip()
        if not alt_text:
            raise ValidationError({f"alt_{index}": _("Describe what image %(number)s shows, for people who cannot "
                                                     "see it.") % {"number": index}}, code="no_alt_text")
        if len(alt_text) > ALT_TEXT_MAX:
            raise ValidationError({f"alt_{index}": _("Keep the description under %(max)s characters.")
                                   % {"max": ALT_TEXT_MAX}}, code="alt_text_too_long")
        checked.append((upload, alt_text))
    return checked


@transaction.atomic
def log_entry_post(*, idea: Idea, by: User, body: str, images: Sequence[tuple[Any, str]] = ()) -> LogEntry:
    """Post an update to the idea's logbook, with up to four (upload, description) images. Followers and the
    team (not the author) are told after the commit."""
    if not by.has_perm("ideas.post_log", idea):
        raise PermissionDenied(_("Only the idea's team posts to its logbook."))
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise ValidationError({"body": _("Write what happened.")}, code="empty")
    if len(body) > LOG_BODY_MAX:
        raise ValidationError({"body": _("Keep the update under %(max)s characters.") % {"max": LOG_BODY_MAX}},
                              code="too_long")
    checked = log_images_checked(images)
    now = timezone.now()
    entry = LogEntry.objects.create(idea=idea, author=by, body=body, created_at=now)
    for position, (upload, alt_text) in enumerate(checked):
        image_store(idea, upload, alt_text, position, log_entry=entry)
    title = idea.title
    transaction.on_commit(partial(
        followers_notify, idea=idea, kind="idea_log", exclude=[by.pk], title=partial(_log_title, title),
        body=partial(_log_body, body), url=idea.get_absolute_url() + "#timeline", key=f"idea-log:{entry.pk}"))
    return entry


def _log_title(title: str) -> str:
    return _("New update on “%(title)s”") % {"title": title}


def _log_body(body: str) -> str:
    return body[:200]


def may_delete_log_entry(user: User, entry: LogEntry) -> bool:
    return bool(user.has_perm("ideas.delete_log_entry", entry))


@transaction.atomic
def log_entry_delete(*, entry: LogEntry, by: User) -> None:
    """Delete an update (its author while on the team, the core team, a hub admin); image files go after the
    commit."""
    if not may_delete_log_entry(by, entry):
        raise PermissionDenied(_("Only the team deletes its updates."))
    for image in IdeaImage.objects.filter(log_entry=entry):
        if image.image:
            storage, name = image.image.storage, image.image.name
            transaction.on_commit(partial(storage.delete, name))
    entry.delete()

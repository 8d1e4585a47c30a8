"""Writes for challenges: creating and changing one, and its problem tree (the core problem with ordered causes
and effects).

Who: any member may create a challenge for an organisation they are an active member of; hub admins and
facilitators also for the hub (no organisation) or any organisation. Changing it is for its owner side
(`ideas.change_challenge`). Every write checks its permission itself, saves nothing on bad input, and updates the
search index after the commit.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samskap.accounts.models import User
from samskap.actors.models import Membership, Organisation
from samskap.core.permissions import is_facilitator, is_hub_admin

from .models import Challenge, ProblemTreeNode
from .search import challenge_index

CHALLENGE_FIELDS = {"title", "description", "why_it_matters", "core_problem", "target_groups", "open_until",
                    "status", "language"}
MAX_THEMES = 10
MAX_PLACES = 20
MAX_NODES = 20  # causes, and effects, each
DIRECTIONS = ("up", "down")


def may_own_for_hub(user) -> bool:
    """Hub admins and facilitators create challenges for the hub, and for any organisation."""
    return bool(is_hub_admin(user) or is_facilitator(user))


def _check_owner(*, by: User, organisation: Organisation | None, before: Challenge | None = None) -> None:
    if before is not None and before.organisation_id == (organisation.pk if organisation else None):
        return  # the owner stays as it was
    if may_own_for_hub(by):
        return
    if organisation is None:
        raise ValidationError({"organisation": _(
            "Only hub admins and facilitators can post a challenge for the hub. Choose an organisation you are an "
            "active member of.")}, code="hub_not_allowed")
    if not Membership.objects.filter(organisation=organisation, user=by, status=Membership.Status.ACTIVE).exists():
        raise ValidationError({"organisation": _(
            "You can only post a challenge for an organisation you are an active member of.")},
            code="organisation_not_mine")


def _clean_text(value: Any) -> Any:
    if isinstance(value, str):  # browsers send a textarea's line breaks as CRLF
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def open_until_check(value: datetime.date | None, today: datetime.date) -> None:
    if value is not None and value < today:
        raise ValidationError({"open_until": _(
            "The last day must be today or later (today is %(today)s).") % {
            "today": formats.date_format(today, "SHORT_DATE_FORMAT")}}, code="open_until_past")


def _save(challenge: Challenge, fields: dict[str, Any], *, themes, places, errors: dict[str, str]) -> None:
    for name, value in fields.items():
        setattr(challenge, name, _clean_text(value))
    themes = None if themes is None else list(themes)
    places = None if places is None else list(places)
    if themes is not None and len(themes) > MAX_THEMES:
        errors["themes"] = _("Choose at most %(max)s themes.") % {"max": MAX_THEMES}
    if places is not None and len(places) > MAX_PLACES:
        errors["places"] = _("Choose at most %(max)s places.") % {"max": MAX_PLACES}
    if not (challenge.core_problem or "").strip():
        errors.setdefault("core_problem", _("Write the core problem in one sentence."))
    try:
        challenge.full_clean(exclude=["created_by", "organisation"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, " ".join(messages))
    if errors:
        raise ValidationError(errors)
    challenge.save()
    if themes is not None:
        challenge.themes.set(themes)
    if places is not None:
        challenge.places.set(places)
    transaction.on_commit(partial(challenge_index, challenge_id=challenge.pk))


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - CHALLENGE_FIELDS
    if unknown:
        raise TypeError(f"unknown challenge fields: {sorted(unknown)}")


def _texts_checked(kind: str, texts: Iterable[str]) -> list[str]:
    texts = [" ".join(str(text).split()) for text in texts]
    texts = [text for text in texts if text]
    limit = ProblemTreeNode._meta.get_field("text").max_length
    if len(texts) > MAX_NODES:
        raise ValidationError({f"{kind}s": _("At most %(max)s causes or effects of each kind.") % {"max": MAX_NODES}})
    too_long = [text for text in texts if len(text) > limit]
    if too_long:
        raise ValidationError({f"{kind}s": _("Keep each cause or effect under %(max)s characters.") % {
            "max": limit}}, code="too_long")
    return texts


@transaction.atomic
def challenge_create(*, by: User, title: str, description: str, core_problem: str,
                     organisation: Organisation | None = None, themes: Iterable = (), places: Iterable = (),
                     causes: Iterable[str] = (), effects: Iterable[str] = (),
                     today: datetime.date | None = None, **fields: Any) -> Challenge:
    """Post a challenge owned by `organisation` (one `by` is an active member of) or, with none, by the hub
    (hub admins and facilitators only). `fields`: why_it_matters, target_groups, open_until (today or later),
    status, language. `causes` and `effects` start its problem tree, in order."""
    if not by.has_perm("ideas.add_challenge"):
        raise PermissionDenied
    _check_fields(fields)
    _check_owner(by=by, organisation=organisation)
    errors: dict[str, str] = {}
    try:
        open_until_check(fields.get("open_until"), today or timezone.localdate())
    except ValidationError as error:
        errors.update({name: " ".join(messages) for name, messages in error.message_dict.items()})
    cause_texts = _texts_checked("cause", causes)
    effect_texts = _texts_checked("effect", effects)
    challenge = Challenge(created_by=by, organisation=organisation, created_at=timezone.now())
    _save(challenge, {"title": title, "description": description, "core_problem": core_problem, **fields},
          themes=themes, places=places, errors=errors)
    ProblemTreeNode.objects.bulk_create(
        [ProblemTreeNode(challenge=challenge, kind=ProblemTreeNode.Kind.CAUSE, text=text, position=n)
         for n, text in enumerate(cause_texts)]
        + [ProblemTreeNode(challenge=challenge, kind=ProblemTreeNode.Kind.EFFECT, text=text, position=n)
           for n, text in enumerate(effect_texts)])
    return challenge


@transaction.atomic
def challenge_update(*, challenge: Challenge, by: User, themes: Iterable | None = None,
                     places: Iterable | None = None, today: datetime.date | None = None, **fields: Any) -> Challenge:
    """Change a challenge (its owner side or a hub admin). Only the fields given change; `organisation` (if
    given) moves it to another owner under the same rule as creating. A new last day must not be past."""
    if not by.has_perm("ideas.change_challenge", challenge):
        raise PermissionDenied
    organisation_given = "organisation" in fields
    organisation = fields.pop("organisation", None)
    _check_fields(fields)
    if organisation_given:
        _check_owner(by=by, organisation=organisation, before=challenge)
    errors: dict[str, str] = {}
    if "open_until" in fields and fields["open_until"] != challenge.open_until:
        try:
            open_until_check(fields["open_until"], today or timezone.localdate())
        except ValidationError as error:
            errors.update({name: " ".join(messages) for name, messages in error.message_dict.items()})
    before = {name: getattr(challenge, name) for name in (*CHALLENGE_FIELDS, "organisation_id")}
    if organisation_given:
        challenge.organisation = organisation
    try:
        _save(challenge, fields, themes=themes, places=places, errors=errors)
    except ValidationError:
        for name, value in before.items():  # the caller's object as it was: nothing changed
            setattr(challenge, name, value)
        raise
    return challenge


# The problem tree ----------------------------------------------------------------------------------------------


def _tree_changed(challenge: Challenge) -> None:
    """The challenge was updated (its post_save keeps visitors' cached pages current) and the index follows."""
    challenge.save(update_fields=["updated_at"])
    transaction.on_commit(partial(challenge_index, challenge_id=challenge.pk))


def _node_text(text: str) -> str:
    text = " ".join((text or "").split())
    limit = ProblemTreeNode._meta.get_field("text").max_length
    if not text:
        raise ValidationError({"text": _("Write the cause or effect in a few words.")}, code="required")
    if len(text) > limit:
        raise ValidationError({"text": _(
            "Keep it under %(max)s characters (it has %(count)s).") % {"max": limit, "count": len(text)}},
            code="too_long")
    return text


@transaction.atomic
def tree_node_add(*, challenge: Challenge, by: User, kind: str, text: str) -> ProblemTreeNode:
    """Add a cause or an effect at the end of its list."""
    if not by.has_perm("ideas.change_challenge", challenge):
        raise PermissionDenied
    if kind not in ProblemTreeNode.Kind.values:
        raise ValidationError({"kind": _("Choose a cause or an effect.")}, code="unknown_kind")
    text = _node_text(text)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    nodes = ProblemTreeNode.objects.filter(challenge=challenge, kind=kind)
    if nodes.count() >= MAX_NODES:
        raise ValidationError({"text": _("The tree has the most causes or effects of this kind it can hold "
                                         "(%(max)s). Remove one first.") % {"max": MAX_NODES}}, code="too_many")
    last = nodes.aggregate(last=Max("position"))["last"]
    node = ProblemTreeNode.objects.create(challenge=challenge, kind=kind, text=text,
                                          position=0 if last is None else last + 1)
    _tree_changed(challenge)
    return node


@transaction.atomic
def tree_node_update(*, node: ProblemTreeNode, by: User, text: str) -> ProblemTreeNode:
    if not by.has_perm("ideas.change_challenge", node.challenge):
        raise PermissionDenied
    node.text = _node_text(text)
    node.save(update_fields=["text"])
    _tree_changed(node.challenge)
    return node


def _renumber(challenge: Challenge, kind: str) -> list[ProblemTreeNode]:
    nodes = list(ProblemTreeNode.objects.select_for_update().filter(challenge=challenge, kind=kind)
                 .order_by("position", "id"))
    changed = []
    for position, node in enumerate(nodes):
        if node.position != position:
            node.position = position
            changed.append(node)
    ProblemTreeNode.objects.bulk_update(changed, ["position"])
    return nodes


@transaction.atomic
def tree_node_delete(*, node: ProblemTreeNode, by: User) -> None:
    challenge = node.challenge
    if not by.has_perm("ideas.change_challenge", challenge):
        raise PermissionDenied
    kind = node.kind
    ProblemTreeNode.objects.filter(pk=node.pk).delete()
    _renumber(challenge, kind)
    _tree_changed(challenge)


@transaction.atomic
def tree_node_move(*, node: ProblemTreeNode, by: User, direction: str) -> ProblemTreeNode:
    """Move a cause or an effect one place up or down its list; at either end it stays where it is."""
    challenge = node.challenge
    if not by.has_perm("ideas.change_challenge", challenge):
        raise PermissionDenied
    if direction not in DIRECTIONS:
        raise ValidationError(_("Move it up or down."), code="unknown_direction")
    nodes = _renumber(challenge, node.kind)
    index = next((i for i, other in enumerate(nodes) if other.pk == node.pk), None)
    if index is None:
        raise ValidationError(_("This cause or effect no longer exists."), code="gone")
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(nodes):
        nodes[index].position, nodes[other].position = nodes[other].position, nodes[index].position
        ProblemTreeNode.objects.bulk_update([nodes[index], nodes[other]], ["position"])
        _tree_changed(challenge)
    node.position = nodes[index].position
    return node


@transaction.atomic
def tree_nodes_set(*, challenge: Challenge, by: User, kind: str, texts: Iterable[str]) -> list[ProblemTreeNode]:
    """Replace all causes (or all effects) with `texts`, in order (the API's PATCH)."""
    if not by.has_perm("ideas.change_challenge", challenge):
        raise PermissionDenied
    if kind not in ProblemTreeNode.Kind.values:
        raise ValidationError({"kind": _("Choose a cause or an effect.")}, code="unknown_kind")
    texts = _texts_checked(kind, texts)
    ProblemTreeNode.objects.filter(challenge=challenge, kind=kind).delete()
    nodes = ProblemTreeNode.objects.bulk_create([ProblemTreeNode(challenge=challenge, kind=kind, text=text,
                                                                 position=n) for n, text in enumerate(texts)])
    _tree_changed(challenge)
    return nodes

"""What a participant's phone may send over the WebSocket (or POST to the plain-HTTP fallback): an action
name and its fields. Every action is idempotent, so a phone may send it again after a dropped connection."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import services_battle, services_dots


def _int(data: dict, name: str) -> int:
    try:
        return int(data[name])
    except (KeyError, TypeError, ValueError):
        raise ValidationError(_("Something is missing. Reload the page and try again."), code="bad") from None


def _vote(workshop_id: int, participant_id: int, data: dict) -> dict:
    return services_battle.battle_vote(
        workshop_id=workshop_id, participant_id=participant_id, round_id=_int(data, "round"),
        visionary_id=_int(data, "visionary"), choice=str(data.get("choice") or "best"))


def _dots(workshop_id: int, participant_id: int, data: dict) -> dict:
    return services_dots.dots_set(workshop_id=workshop_id, participant_id=participant_id,
                                  option_id=_int(data, "option"), count=_int(data, "count"))


ACTIONS: dict[str, Callable[[int, int, dict], dict]] = {"vote": _vote, "dots": _dots}


def perform(workshop_id: int, participant_id: int | None, data: dict) -> dict:
    """Run the action in `data` for the participant; the answer always has "ok" and, for the phone's live
    region, a "message" in the participant's language."""
    action = ACTIONS.get(str(data.get("action")))
    if action is None:
        return {"ok": False, "message": _("This cannot be done here.")}
    if participant_id is None:
        return {"ok": False, "message": _("Join the workshop to take part.")}
    try:
        return action(workshop_id, participant_id, data)
    except ValidationError as error:
        return {"ok": False, "message": " ".join(error.messages)}

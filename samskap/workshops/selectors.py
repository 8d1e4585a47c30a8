"""Reads common to every workshop method. Each method's selectors module adds what its screens show:
`live_context(workshop, *, view, participant)` for the phone, projector and console, and
`results_context(workshop)` for the results page, exports and the API."""

from importlib import import_module

from django.db.models import Count, Q, QuerySet

from samskap.accounts.models import User

from .models import Participant, Workshop

METHOD_MODULES = {
    Workshop.Method.WORLD_CAFE: "selectors_cafe",
    Workshop.Method.OPEN_SPACE: "selectors_space",
    Workshop.Method.DOT_VOTING: "selectors_dots",
    Workshop.Method.VISION_BATTLE: "selectors_battle",
}
METHOD_DIRS = {
    Workshop.Method.WORLD_CAFE: "cafe",
    Workshop.Method.OPEN_SPACE: "space",
    Workshop.Method.DOT_VOTING: "dots",
    Workshop.Method.VISION_BATTLE: "battle",
}


def method_selectors(workshop: Workshop):
    return import_module(f"samskap.workshops.{METHOD_MODULES[workshop.method]}")


def method_template(workshop: Workshop, name: str) -> str:
    """The method's own template for a screen: workshops/<cafe|space|dots|battle>/<name>.html."""
    return f"workshops/{METHOD_DIRS[workshop.method]}/{name}.html"


def workshop_by_code(code: str) -> Workshop | None:
    return (Workshop.objects.select_related("event", "current_round")
            .filter(code=(code or "").strip().upper().replace(" ", "").replace("-", "")).first())


def workshops_run_by(user: User) -> QuerySet[Workshop]:
    """The workshops `user` runs (created or facilitates; hub admins: all), newest first."""
    workshops = Workshop.objects.select_related("event").annotate(participant_count=Count("participants"))
    if user.is_superuser:
        return workshops
    return workshops.filter(Q(created_by=user) | Q(facilitators=user)).distinct()


def workshops_public() -> QuerySet[Workshop]:
    """Workshops running now or finished, for everyone: the list of results."""
    return (Workshop.objects.select_related("event").exclude(status=Workshop.Status.PREPARING)
            .annotate(participant_count=Count("participants")).order_by("-started_at", "-pk"))


def participant_count(workshop: Workshop) -> int:
    return Participant.objects.filter(workshop=workshop).count()


def live_context(workshop: Workshop, *, view: str, participant: Participant | None) -> dict:
    """What a screen (`view`: phone, projector or console) shows now."""
    context = {"workshop": workshop, "participant": participant, "view": view,
               "method_template": method_template(workshop, view), "round": workshop.current_round}
    if view != "phone":
        context["participant_count"] = participant_count(workshop)
    context.update(method_selectors(workshop).live_context(workshop, view=view, participant=participant))
    return context


def results_context(workshop: Workshop) -> dict:
    return {"workshop": workshop, "method_template": method_template(workshop, "results"),
            **method_selectors(workshop).results_context(workshop)}

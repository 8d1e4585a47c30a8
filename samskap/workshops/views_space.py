"""Open Space: preparing time slots and spaces, the console's steps and placements, the phone's topics,
attendance, notes and action items, and the report as Markdown. Every form works without JavaScript (POST,
redirect with a message); with it, the live script sends it and the screen fetches its part again."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import services_space
from .forms_space import ActionItemForm, GridItemForm, NotesForm, PlacementForm, TopicForm
from .models import ActionItem, Topic, Workshop
from .selectors_space import report_markdown
from .views import by_code_or_404, live_done, live_refused, me, method_workshop_or_404


def _invalid(form) -> ValidationError:
    return ValidationError([str(error) for errors in form.errors.values() for error in errors])


def _refused(error: PermissionDenied) -> ValidationError:
    return ValidationError(str(error) or _("You cannot do this here."))


def _space_or_404(pk: int, user, perm: str) -> Workshop:
    return method_workshop_or_404(pk, user, Workshop.Method.OPEN_SPACE, perm)


def _grid_model(kind: str):
    model = services_space.GRID_MODELS.get(kind)
    if model is None:
        raise Http404
    return model


# Preparing: time slots and spaces


@login_required
@require_POST
def grid_add(request, pk: int, kind: str):
    workshop = _space_or_404(pk, request.user, "workshops.run_workshop")
    _grid_model(kind)
    target = reverse("workshops:prepare", args=[workshop.pk])
    form = GridItemForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form)
        services_space.grid_item_add(workshop, by=request.user, kind=kind, name=form.cleaned_data["name"])
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The time slot is added.") if kind == "slots" else _("The space is added."))


@login_required
@require_POST
def grid_update(request, pk: int, kind: str, item: int):
    workshop = _space_or_404(pk, request.user, "workshops.run_workshop")
    found = get_object_or_404(_grid_model(kind), pk=item, workshop=workshop)
    target = reverse("workshops:prepare", args=[workshop.pk])
    form = GridItemForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form)
        services_space.grid_item_update(found, by=request.user, name=form.cleaned_data["name"])
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("Saved."))


@login_required
@require_POST
def grid_remove(request, pk: int, kind: str, item: int):
    workshop = _space_or_404(pk, request.user, "workshops.run_workshop")
    found = get_object_or_404(_grid_model(kind), pk=item, workshop=workshop)
    target = reverse("workshops:prepare", args=[workshop.pk])
    unplaced = services_space.grid_item_remove(found, by=request.user)
    message = _("Removed.")
    if unplaced:
        message += " " + _("Its topics are no longer placed: place them again from the console.")
    return live_done(request, target, message)


@login_required
@require_POST
def grid_move(request, pk: int, kind: str, item: int, direction: str):
    workshop = _space_or_404(pk, request.user, "workshops.run_workshop")
    found = get_object_or_404(_grid_model(kind), pk=item, workshop=workshop)
    if direction not in ("up", "down"):
        raise Http404
    services_space.grid_item_move(found, by=request.user, up=direction == "up")
    return live_done(request, reverse("workshops:prepare", args=[workshop.pk]))


# The console


@login_required
@require_POST
def phase(request, pk: int):
    workshop = _space_or_404(pk, request.user, "workshops.run_workshop")
    target = reverse("workshops:console", args=[workshop.pk])
    try:
        services_space.space_phase_set(workshop, by=request.user, phase=request.POST.get("phase", ""))
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target)


def _place(request, workshop: Workshop, topic: Topic, target: str, *, participant=None):
    form = PlacementForm(request.POST, workshop=workshop)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a time and a space from the lists."))
        slot, space = form.cleaned_data["slot"], form.cleaned_data["space"]
        if request.POST.get("unplace"):
            slot = space = None
        services_space.topic_place(topic, slot=slot, space=space, by=request.user, participant=participant)
    except PermissionDenied as error:
        return live_refused(request, target, _refused(error))
    except ValidationError as error:
        return live_refused(request, target, error)
    if slot is None:
        return live_done(request, target, _("“%(title)s” is taken out of the agenda.") % {"title": topic.title})
    return live_done(request, target, _("“%(title)s” is placed: %(time)s, %(space)s.")
                     % {"title": topic.title, "time": slot.label, "space": space.name})


@login_required
@require_POST
def console_place(request, pk: int, topic: int):
    workshop = _space_or_404(pk, request.user, "workshops.run_workshop")
    found = get_object_or_404(Topic, pk=topic, workshop=workshop)
    return _place(request, workshop, found, reverse("workshops:console", args=[workshop.pk]))


@login_required
@require_POST
def console_topic_remove(request, pk: int, topic: int):
    workshop = _space_or_404(pk, request.user, "workshops.run_workshop")
    found = get_object_or_404(Topic, pk=topic, workshop=workshop)
    services_space.topic_remove(found, by=request.user)
    return live_done(request, reverse("workshops:console", args=[workshop.pk]), _("The topic is removed."))


# The phone


def _phone(request, code: str):
    workshop = by_code_or_404(code)
    if workshop.method != Workshop.Method.OPEN_SPACE:
        raise Http404
    return workshop, me(request, workshop), reverse("workshops:phone", args=[workshop.code])


@require_POST
def topic_post(request, code: str):
    workshop, participant, target = _phone(request, code)
    form = TopicForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form)
        services_space.topic_post(workshop, participant=participant, **form.cleaned_data)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("Your topic is on the wall."))


@require_POST
def topic_remove(request, code: str, topic: int):
    workshop, participant, target = _phone(request, code)
    found = get_object_or_404(Topic, pk=topic, workshop=workshop)
    try:
        services_space.topic_remove(found, by=request.user, participant=participant)
    except PermissionDenied as error:
        return live_refused(request, target, _refused(error))
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("Your topic is taken off the wall."))


@require_POST
def phone_place(request, code: str, topic: int):
    workshop, participant, target = _phone(request, code)
    found = get_object_or_404(Topic, pk=topic, workshop=workshop)
    return _place(request, workshop, found, target, participant=participant)


@require_POST
def go(request, code: str, topic: int):
    """“I'll go” (going=1) or not (going=0): the form says which, so sending it twice changes nothing."""
    workshop, participant, target = _phone(request, code)
    found = get_object_or_404(Topic, pk=topic, workshop=workshop)
    going = request.POST.get("going") == "1"
    try:
        services_space.attendance_set(found, participant=participant, going=going)
    except ValidationError as error:
        return live_refused(request, target, error)
    if going:
        return live_done(request, target, _("You go to “%(title)s”.") % {"title": found.title})
    return live_done(request, target, _("You no longer go to “%(title)s”.") % {"title": found.title})


@require_POST
def notes(request, code: str, topic: int):
    workshop, participant, target = _phone(request, code)
    found = get_object_or_404(Topic, pk=topic, workshop=workshop)
    form = NotesForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form)
        services_space.notes_save(found, notes=form.cleaned_data["notes"], by=request.user, participant=participant)
    except PermissionDenied as error:
        return live_refused(request, target, _refused(error))
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The notes are saved."))


@require_POST
def action_add(request, code: str, topic: int):
    workshop, participant, target = _phone(request, code)
    found = get_object_or_404(Topic, pk=topic, workshop=workshop)
    form = ActionItemForm(request.POST)
    try:
        if not form.is_valid():
            raise _invalid(form)
        services_space.action_item_add(found, by=request.user, participant=participant, **form.cleaned_data)
    except PermissionDenied as error:
        return live_refused(request, target, _refused(error))
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The action item is added."))


@require_POST
def action_remove(request, code: str, item: int):
    workshop, participant, target = _phone(request, code)
    found = get_object_or_404(ActionItem.objects.select_related("topic__workshop"), pk=item, topic__workshop=workshop)
    try:
        services_space.action_item_remove(found, by=request.user, participant=participant)
    except PermissionDenied as error:
        return live_refused(request, target, _refused(error))
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The action item is removed."))


# The report


@require_GET
def report(request, pk: int):
    """The final report as a Markdown file, for everyone who may see the workshop's results."""
    workshop = _space_or_404(pk, request.user, "workshops.view_workshop")
    response = HttpResponse(report_markdown(workshop), content_type="text/markdown; charset=utf-8")
    name = slugify(workshop.title) or "open-space"
    response["Content-Disposition"] = f'attachment; filename="{name}.md"'
    return response

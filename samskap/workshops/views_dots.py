"""Dot voting: preparing the options, adding ideas and insights as options, and the console's buttons (open and
close the vote). The phone places its dots through views.act and the WebSocket (actions.py → services_dots)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.ideas.models import Idea

from . import selectors_dots, services_dots
from .forms_dots import IdeaSearchForm, OptionForm
from .models import Insight, Option, Workshop
from .views import form_refused, live_done, live_refused, method_workshop_or_404


def _dots_workshop(pk: int, user) -> Workshop:
    return method_workshop_or_404(pk, user, Workshop.Method.DOT_VOTING)


@login_required
@require_POST
def option_add(request, pk: int):
    workshop = _dots_workshop(pk, request.user)
    target = reverse("workshops:prepare", args=[workshop.pk])
    form = OptionForm(request.POST)
    if not form.is_valid():
        return form_refused(request, target, form)
    try:
        services_dots.option_add(workshop, by=request.user, text=form.cleaned_data["text"])
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The option is added."))


@login_required
@require_POST
def option_update(request, pk: int, option: int):
    workshop = _dots_workshop(pk, request.user)
    item = get_object_or_404(Option, pk=option, workshop=workshop)
    target = reverse("workshops:prepare", args=[workshop.pk])
    form = OptionForm(request.POST)
    if not form.is_valid():
        return form_refused(request, target, form)
    try:
        services_dots.option_update(item, by=request.user, text=form.cleaned_data["text"])
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The option is saved."))


@login_required
@require_POST
def option_remove(request, pk: int, option: int):
    workshop = _dots_workshop(pk, request.user)
    item = get_object_or_404(Option, pk=option, workshop=workshop)
    target = reverse("workshops:prepare", args=[workshop.pk])
    try:
        services_dots.option_remove(item, by=request.user)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The option is removed."))


@login_required
@require_POST
def option_move(request, pk: int, option: int):
    workshop = _dots_workshop(pk, request.user)
    item = get_object_or_404(Option, pk=option, workshop=workshop)
    target = reverse("workshops:prepare", args=[workshop.pk]) + "#dots-options-heading"
    try:
        services_dots.option_move(item, by=request.user, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target)


@login_required
def sources(request, pk: int):
    """Published ideas (searched by title) and insights from the facilitator's other workshops, to add as options."""
    workshop = _dots_workshop(pk, request.user)
    form = IdeaSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return render(request, "workshops/dots/sources.html", {
        "workshop": workshop, "form": form, "query": query,
        "ideas": selectors_dots.ideas_to_add(workshop, query),
        "insights": selectors_dots.insights_to_add(workshop, request.user)})


def _sources_url(workshop: Workshop, query: str) -> str:
    url = reverse("workshops:dots_sources", args=[workshop.pk])
    return f"{url}?{urlencode({'q': query})}" if query else url


@login_required
@require_POST
def idea_add(request, pk: int):
    workshop = _dots_workshop(pk, request.user)
    target = _sources_url(workshop, request.POST.get("q", "")[:100])
    idea = Idea.objects.filter(pk=request.POST.get("idea") or 0).first() if (
        request.POST.get("idea") or "").isdigit() else None
    if idea is None:
        messages.error(request, _("That idea was not found."))
        return redirect(target)
    try:
        services_dots.option_add_idea(workshop, by=request.user, idea=idea)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("“%(title)s” is now an option.") % {"title": idea.title})


@login_required
@require_POST
def insight_add(request, pk: int):
    workshop = _dots_workshop(pk, request.user)
    target = _sources_url(workshop, request.POST.get("q", "")[:100])
    insight = Insight.objects.select_related("workshop").filter(pk=request.POST.get("insight") or 0).first() if (
        request.POST.get("insight") or "").isdigit() else None
    if insight is None:
        messages.error(request, _("That insight was not found."))
        return redirect(target)
    try:
        services_dots.option_add_insight(workshop, by=request.user, insight=insight)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The insight is now an option."))


@login_required
@require_POST
def dots_run(request, pk: int, action: str):
    """The console: open or close the vote."""
    workshop = _dots_workshop(pk, request.user)
    target = reverse("workshops:console", args=[workshop.pk])
    try:
        if action == "open":
            services_dots.dots_voting_open(workshop, by=request.user)
        elif action == "close":
            services_dots.dots_voting_close(workshop, by=request.user)
        else:
            raise Http404
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target)

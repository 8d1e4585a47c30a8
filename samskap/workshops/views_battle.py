"""The vision battle's console buttons and preparation (the phone votes through views.act and the WebSocket)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services_battle
from .forms_battle import VisionaryForm
from .models import Visionary
from .views import form_refused, live_done, live_refused, workshop_or_404


@login_required
@require_POST
def visionary_add(request, pk: int):
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    form = VisionaryForm(request.POST)
    target = reverse("workshops:prepare", args=[workshop.pk])
    if not form.is_valid():
        return form_refused(request, target, form)
    try:
        services_battle.visionary_add(workshop, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The visionary is added."))


@login_required
@require_POST
def visionary_remove(request, pk: int, visionary: int):
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    item = get_object_or_404(Visionary, pk=visionary, workshop=workshop)
    target = reverse("workshops:prepare", args=[workshop.pk])
    try:
        services_battle.visionary_remove(item, by=request.user)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The visionary is removed."))


@login_required
@require_POST
def battle_run(request, pk: int, action: str):
    """Start a round, open the vote, close it (and count), or after a tie take a visionary out."""
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    target = reverse("workshops:console", args=[workshop.pk])
    try:
        if action == "round":
            services_battle.battle_round_start(workshop, by=request.user)
        elif action == "open":
            services_battle.battle_voting_open(workshop, by=request.user)
        elif action == "close":
            services_battle.battle_voting_close(workshop, by=request.user)
        elif action == "drop":
            item = get_object_or_404(Visionary, pk=request.POST.get("visionary") or 0, workshop=workshop)
            services_battle.battle_drop(workshop, by=request.user, visionary=item)
        else:
            raise Http404
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target)

"""The World Café's forms on the preparation page, the console and the phone, and the harvest's export. Each
form works without JavaScript (POST, redirect with a message) and with the live script (204 or 422)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samskap.actors.models import Organisation

from . import exports_cafe, services, services_cafe
from .forms_cafe import HarvestForm, HostForm, InsightForm, RoundForm, TableForm, first_error
from .models import CafeTable, Insight, Participant, Round, Workshop
from .views import by_code_or_404, live_done, live_refused, me, method_workshop_or_404


def _cafe_or_404(pk: int, user, perm: str = "workshops.run_workshop") -> Workshop:
    return method_workshop_or_404(pk, user, Workshop.Method.WORLD_CAFE, perm)


def _back(request, workshop: Workshop) -> str:
    """Back to the page the form was on: the preparation page or the console."""
    if request.POST.get("next") == "prepare":
        return reverse("workshops:prepare", args=[workshop.pk])
    return reverse("workshops:console", args=[workshop.pk])


def _invalid(request, target: str, form) -> HttpResponse:
    return live_refused(request, target, ValidationError(first_error(form)))


# Preparation: tables, rounds, hosts


@login_required
@require_POST
def table_add(request, pk: int):
    workshop = _cafe_or_404(pk, request.user)
    target = _back(request, workshop)
    form = TableForm(request.POST)
    if not form.is_valid():
        return _invalid(request, target, form)
    try:
        table = services_cafe.table_add(workshop, by=request.user, name=form.cleaned_data["name"])
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("Table %(table)s is added.") % {"table": table})


@login_required
@require_POST
def table_change(request, pk: int, table: int, action: str):
    workshop = _cafe_or_404(pk, request.user)
    item = get_object_or_404(CafeTable, pk=table, workshop=workshop)
    target = _back(request, workshop)
    try:
        if action == "rename":
            form = TableForm(request.POST)
            if not form.is_valid():
                return _invalid(request, target, form)
            services_cafe.table_rename(item, by=request.user, name=form.cleaned_data["name"])
            message = _("The table is renamed.")
        elif action == "remove":
            services_cafe.table_remove(item, by=request.user)
            message = _("The table is removed.")
        else:
            raise Http404
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, message)


@login_required
@require_POST
def host_set(request, pk: int):
    workshop = _cafe_or_404(pk, request.user)
    target = _back(request, workshop)
    form = HostForm(request.POST)
    if not form.is_valid():
        return live_refused(request, target, ValidationError(_("Choose a table and a participant.")))
    table = CafeTable.objects.filter(pk=form.cleaned_data["table"], workshop=workshop).first()
    participant = None
    if form.cleaned_data["participant"]:
        participant = Participant.objects.filter(pk=form.cleaned_data["participant"], workshop=workshop).first()
        if participant is None:
            return live_refused(request, target,
                                ValidationError(_("That person does not take part in this workshop.")))
    if table is None:
        return live_refused(request, target, ValidationError(_("Choose a table and a participant.")))
    try:
        services_cafe.host_set(table, by=request.user, participant=participant)
    except ValidationError as error:
        return live_refused(request, target, error)
    if participant is None:
        return live_done(request, target, _("Table %(table)s has no host now.") % {"table": table})
    return live_done(request, target, _("%(name)s hosts table %(table)s.") % {"name": participant, "table": table})


@login_required
@require_POST
def round_add(request, pk: int):
    workshop = _cafe_or_404(pk, request.user)
    target = _back(request, workshop)
    form = RoundForm(request.POST)
    if not form.is_valid():
        return _invalid(request, target, form)
    try:
        services.round_add(workshop, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The round is added."))


@login_required
@require_POST
def round_change(request, pk: int, number: int, action: str):
    workshop = _cafe_or_404(pk, request.user)
    item = get_object_or_404(Round, pk=number, workshop=workshop)
    target = _back(request, workshop)
    try:
        if action == "save":
            form = RoundForm(request.POST)
            if not form.is_valid():
                return _invalid(request, target, form)
            services.round_update(item, by=request.user, **form.cleaned_data)
            message = _("The round is saved.")
        elif action == "remove":
            services.round_remove(item, by=request.user)
            message = _("The round is removed.")
        elif action == "start":
            services_cafe.cafe_round_start(item, by=request.user)
            message = None
        else:
            raise Http404
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, message)


# The console


@login_required
@require_POST
def cafe_run(request, pk: int, action: str):
    """End the round, go to the insights step, or back to the rounds."""
    workshop = _cafe_or_404(pk, request.user)
    target = reverse("workshops:console", args=[workshop.pk])
    actions = {"end": services_cafe.cafe_round_end, "insights": services_cafe.insights_begin,
               "rounds": services_cafe.insights_leave}
    if action not in actions:
        raise Http404
    try:
        actions[action](workshop, by=request.user)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target)


@login_required
@require_POST
def insight_add(request, pk: int):
    workshop = _cafe_or_404(pk, request.user)
    target = reverse("workshops:console", args=[workshop.pk])
    form = InsightForm(request.POST)
    if not form.is_valid():
        return _invalid(request, target, form)
    try:
        services_cafe.insight_add(workshop, by=request.user, text=form.cleaned_data["text"])
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The insight is added."))


@login_required
@require_POST
def insight_change(request, pk: int, insight: int, action: str):
    workshop = _cafe_or_404(pk, request.user)
    item = get_object_or_404(Insight, pk=insight, workshop=workshop)
    target = reverse("workshops:console", args=[workshop.pk])
    try:
        if action == "save":
            form = InsightForm(request.POST)
            if not form.is_valid():
                return _invalid(request, target, form)
            services_cafe.insight_update(item, by=request.user, text=form.cleaned_data["text"])
        elif action == "remove":
            services_cafe.insight_remove(item, by=request.user)
        elif action in ("up", "down"):
            services_cafe.insight_move(item, by=request.user, direction=action)
        elif action == "idea":
            idea = services_cafe.insight_to_idea(item, by=request.user)
            # The facilitator completes the draft idea: a full page, so no 204 even for the live script.
            return redirect("ideas:idea_edit", idea.pk)
        elif action == "challenge":
            organisation = None
            if (wanted := request.POST.get("organisation", "")).isdigit():
                organisation = Organisation.objects.filter(pk=wanted).first()
            challenge = services_cafe.insight_to_challenge(item, by=request.user, organisation=organisation)
            return live_done(request, target, _("The insight is now the challenge “%(title)s”.") % {
                "title": challenge.title})
        else:
            raise Http404
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target)


@login_required
@require_POST
def harvest_write(request, pk: int):
    """Those who run the workshop write or correct a table's harvest from the console."""
    workshop = _cafe_or_404(pk, request.user)
    target = reverse("workshops:console", args=[workshop.pk])
    form = HarvestForm(request.POST)
    table_id, round_id = request.POST.get("table") or "", request.POST.get("round") or ""
    table = CafeTable.objects.filter(pk=table_id, workshop=workshop).first() if table_id.isdigit() else None
    item = Round.objects.filter(pk=round_id, workshop=workshop).first() if round_id.isdigit() else None
    if table is None or item is None:
        return live_refused(request, target,
                            ValidationError(_("Something is missing. Reload the page and try again.")))
    if not form.is_valid():
        return _invalid(request, target, form)
    try:
        services_cafe.harvest_save(table=table, item=item, text=form.cleaned_data["text"], user=request.user)
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("The harvest is saved."))


# The phone


def _participant_or_refuse(request, workshop: Workshop):
    participant = me(request, workshop)
    if participant is None:
        raise PermissionDenied
    return participant


@require_POST
def phone_harvest(request, code: str):
    """The host sends the harvest of their table for the current round."""
    workshop = by_code_or_404(code)
    target = reverse("workshops:phone", args=[workshop.code])
    participant = _participant_or_refuse(request, workshop)
    form = HarvestForm(request.POST)
    if not form.is_valid():
        return _invalid(request, target, form)
    item = workshop.current_round
    table = CafeTable.objects.filter(workshop=workshop, host=participant).first()
    if item is None or table is None:
        return live_refused(request, target, ValidationError(_("Only the host of a table writes its harvest.")))
    try:
        services_cafe.harvest_save(table=table, item=item, text=form.cleaned_data["text"], participant=participant)
    except PermissionDenied:
        return live_refused(request, target, ValidationError(_("Only the host of a table writes its harvest.")))
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, _("Your harvest is saved. You can improve it until the workshop ends."))


@require_POST
def phone_table(request, code: str, action: str):
    """Free choice: sit at a table; or offer to host a table that has no host."""
    workshop = by_code_or_404(code)
    target = reverse("workshops:phone", args=[workshop.code])
    participant = _participant_or_refuse(request, workshop)
    wanted = request.POST.get("table") or ""
    table = CafeTable.objects.filter(pk=wanted, workshop=workshop).first() if wanted.isdigit() else None
    if table is None:
        return live_refused(request, target, ValidationError(_("Choose a table.")))
    try:
        if action == "sit":
            services_cafe.seat_choose(table, participant=participant)
            message = _("You sit at table %(table)s.") % {"table": table}
        elif action == "host":
            services_cafe.host_volunteer(table, participant=participant)
            message = _("You host table %(table)s.") % {"table": table}
        else:
            raise Http404
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target, message)


# The harvest as a document


@require_GET
def export(request, pk: int, fmt: str):
    workshop = _cafe_or_404(pk, request.user, "workshops.view_workshop")
    if fmt == "md":
        response = HttpResponse(exports_cafe.harvest_markdown(workshop), content_type="text/markdown; charset=utf-8")
    elif fmt == "pdf":
        response = HttpResponse(exports_cafe.harvest_pdf(workshop), content_type="application/pdf")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{exports_cafe.filename(workshop, fmt)}"'
    return response

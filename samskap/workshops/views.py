"""Workshop pages common to every method: the list, creating and preparing a workshop, the console, the
projector, the participant's phone (join, its live part, the HTTP fallback), the results page.

The three live screens are a page plus a *part* (the region the live script fetches again when the
workshop's version goes up). Forms inside them work without JavaScript (POST, redirect); with it, the live
script sends them with fetch and, for votes and dots, over the WebSocket.
"""

import json
import secrets

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samskap.ideas.common import add_errors

from . import actions, live, selectors, services
from .consumers import DEVICE_COOKIE
from .forms import CodeForm, JoinForm, TimerForm, WorkshopForm
from .models import Workshop

DEVICE_COOKIE_AGE = 365 * 24 * 3600


def workshop_or_404(pk: int, user, perm: str = "workshops.view_workshop") -> Workshop:
    workshop = get_object_or_404(Workshop.objects.select_related("event", "current_round"), pk=pk)
    if not user.has_perm(perm, workshop):
        if user.has_perm("workshops.view_workshop", workshop):
            raise PermissionDenied
        raise Http404
    return workshop


def method_workshop_or_404(pk: int, user, method: str, perm: str = "workshops.run_workshop") -> Workshop:
    """workshop_or_404 for a method's own pages: a workshop of another method is not found there."""
    workshop = workshop_or_404(pk, user, perm)
    if workshop.method != method:
        raise Http404
    return workshop


def by_code_or_404(code: str) -> Workshop:
    workshop = selectors.workshop_by_code(code)
    if workshop is None:
        raise Http404
    return workshop


def device_token(request) -> str | None:
    return request.COOKIES.get(DEVICE_COOKIE)


def me(request, workshop: Workshop):
    return services.participant_for(workshop, user=request.user, token=device_token(request))


def live_done(request, target: str, message: str | None = None):
    """After a console or phone form: 204 for the live script (it fetches the part again), a redirect for a
    browser without it."""
    if request.headers.get("X-Live"):
        return HttpResponse(status=204)
    if message:
        messages.success(request, message)
    return redirect(target)


def form_refused(request, target: str, form):
    """A form with errors on a page without the live script: each error as a message on the page it came from."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect(target)


def live_refused(request, target: str, error: ValidationError):
    """A refused console or phone form: the message for the live script (422), or on the page after a redirect."""
    text = " ".join(error.messages)
    if request.headers.get("X-Live"):
        return JsonResponse({"ok": False, "message": text}, status=422)
    messages.error(request, text)
    return redirect(target)


# Lists, creating and preparing


def workshop_list(request):
    mine = list(selectors.workshops_run_by(request.user)[:50]) if request.user.is_authenticated else []
    return render(request, "workshops/workshop_list.html", {
        "mine": mine, "public": selectors.workshops_public()[:50], "code_form": CodeForm(),
        "may_add": request.user.has_perm("workshops.add_workshop")})


@login_required
def workshop_new(request):
    if not request.user.has_perm("workshops.add_workshop"):
        raise PermissionDenied
    initial = {}
    if (event := request.GET.get("event", "")).isdigit():
        initial["event"] = event
    form = WorkshopForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name not in ("title", "method")}
        try:
            workshop = services.workshop_create(by=request.user, title=form.cleaned_data["title"],
                                                method=form.cleaned_data["method"], **fields)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The workshop is ready to prepare."))
            return redirect("workshops:prepare", workshop.pk)
    return render(request, "workshops/workshop_form.html", {"form": form})


@login_required
def workshop_prepare(request, pk: int):
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    form = WorkshopForm(request.POST or None, instance=workshop, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.changed_data if name in services.WORKSHOP_FIELDS}
        workshop.refresh_from_db()
        try:
            services.workshop_update(workshop, by=request.user, **fields)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("workshops:prepare", workshop.pk)
    context = selectors.live_context(workshop, view="console", participant=None)
    context.update(form=form, prepare_template=selectors.method_template(workshop, "prepare"),
                   facilitators=workshop.facilitators.order_by("name", "email"))
    return render(request, "workshops/prepare.html", context)


@login_required
@require_POST
def facilitators(request, pk: int):
    """Add (email) or remove (remove=<user id>) a facilitator."""
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    try:
        if remove := request.POST.get("remove", ""):
            member = workshop.facilitators.filter(pk=remove if remove.isdigit() else 0).first()
            if member is None:
                raise Http404
            services.facilitator_remove(workshop, by=request.user, member=member)
            messages.success(request, _("%(name)s no longer runs this workshop.") % {"name": member.name or member.email})
        else:
            member = services.facilitator_add(workshop, by=request.user, email=request.POST.get("email", ""))
            messages.success(request, _("%(name)s now runs this workshop with you.") % {"name": member.name or member.email})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("workshops:prepare", workshop.pk)


@login_required
@require_POST
def workshop_delete(request, pk: int):
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    try:
        services.workshop_delete(workshop, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workshops:prepare", workshop.pk)
    messages.success(request, _("The workshop is deleted."))
    return redirect("workshops:workshops")


def workshop_detail(request, pk: int):
    """The workshop's page: how to join while it runs, and what it produced."""
    workshop = workshop_or_404(pk, request.user)
    context = selectors.results_context(workshop)
    context["may_run"] = request.user.has_perm("workshops.run_workshop", workshop)
    return render(request, "workshops/workshop_detail.html", context)


# The console


@login_required
@never_cache
def console(request, pk: int):
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    context = _console_context(workshop)
    context["join_url"] = request.build_absolute_uri(reverse("workshops:phone", args=[workshop.code]))
    return render(request, "workshops/console.html", context)


@login_required
@never_cache
def console_part(request, pk: int):
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    return render(request, "workshops/parts/console.html", _console_context(workshop))


def _console_context(workshop: Workshop) -> dict:
    context = selectors.live_context(workshop, view="console", participant=None)
    context["timer_form"] = TimerForm(initial={"minutes": workshop.round_minutes})
    return context


RUN_ACTIONS = {
    "start": lambda w, by, data: services.workshop_start(w, by=by),
    "finish": lambda w, by, data: services.workshop_finish(w, by=by),
    "reopen": lambda w, by, data: services.workshop_reopen(w, by=by),
    "show_results": lambda w, by, data: services.results_show(w, by=by, visible=True),
    "hide_results": lambda w, by, data: services.results_show(w, by=by, visible=False),
    "timer_stop": lambda w, by, data: services.timer_stop(w, by=by),
}


@login_required
@require_POST
def run(request, pk: int, action: str):
    """The console's buttons common to every method."""
    workshop = workshop_or_404(pk, request.user, "workshops.run_workshop")
    target = reverse("workshops:console", args=[workshop.pk])
    try:
        if action == "timer":
            form = TimerForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the timer between 0.1 and 240 minutes."))
            services.timer_start(workshop, by=request.user, minutes=float(form.cleaned_data["minutes"]))
        elif action in RUN_ACTIONS:
            RUN_ACTIONS[action](workshop, request.user, request.POST)
        else:
            raise Http404
    except ValidationError as error:
        return live_refused(request, target, error)
    return live_done(request, target)


# The projector (readable by everyone who may see the workshop; no account needed on the venue's computer)


def _join_qr(request, workshop: Workshop) -> str:
    url = request.build_absolute_uri(reverse("workshops:phone", args=[workshop.code]))
    return segno.make(url, error="m").svg_data_uri(scale=8, border=2, dark="#000", light="#fff")


def _projector_context(request, code: str) -> dict:
    workshop = by_code_or_404(code)
    if not request.user.has_perm("workshops.view_workshop", workshop):
        raise Http404
    context = selectors.live_context(workshop, view="projector", participant=None)
    context["join_qr"] = _join_qr(request, workshop)
    context["join_url"] = request.build_absolute_uri(reverse("workshops:join"))
    return context


@never_cache
def projector(request, code: str):
    return render(request, "workshops/projector.html", _projector_context(request, code))


@never_cache
def projector_part(request, code: str):
    return render(request, "workshops/parts/projector.html", _projector_context(request, code))


# Joining and the participant's phone


def join(request):
    """Type the code (or follow the QR code, which links straight to the workshop)."""
    form = CodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        workshop = selectors.workshop_by_code(form.cleaned_data["code"])
        if workshop is not None and workshop.status != Workshop.Status.PREPARING:
            return redirect("workshops:phone", workshop.code)
        form.add_error("code", _("No running workshop has this code. Check the letters on the projector."))
    return render(request, "workshops/join.html", {"form": form})


def _phone_workshop_or_404(request, code: str) -> Workshop:
    """A workshop being prepared is not found on phones, but those who run it may try it out."""
    workshop = by_code_or_404(code)
    if workshop.status == Workshop.Status.PREPARING and not request.user.has_perm("workshops.run_workshop", workshop):
        raise Http404
    return workshop


@never_cache
def phone(request, code: str):
    workshop = _phone_workshop_or_404(request, code)
    participant = me(request, workshop)
    if request.method == "POST":
        form = JoinForm(request.POST)
        token = device_token(request) or secrets.token_urlsafe(32)
        if form.is_valid():
            try:
                services.participant_join(workshop, user=request.user, token=token,
                                          display_name=form.cleaned_data["display_name"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                response = redirect("workshops:phone", workshop.code)
                response.set_cookie(DEVICE_COOKIE, token, max_age=DEVICE_COOKIE_AGE, httponly=True, samesite="Lax",
                                    secure=request.is_secure())
                return response
        return render(request, "workshops/join_name.html", {"workshop": workshop, "form": form}, status=422)
    if workshop.status == Workshop.Status.FINISHED and participant is None:
        return redirect("workshops:workshop", workshop.pk)
    if participant is None:
        initial = {"display_name": request.user.name} if request.user.is_authenticated else {}
        return render(request, "workshops/join_name.html", {"workshop": workshop, "form": JoinForm(initial=initial)})
    return render(request, "workshops/phone.html", selectors.live_context(workshop, view="phone",
                                                                         participant=participant))


@never_cache
def phone_part(request, code: str):
    workshop = _phone_workshop_or_404(request, code)
    participant = me(request, workshop)
    if participant is None:
        return HttpResponse(status=403)
    return render(request, "workshops/parts/phone.html", selectors.live_context(
        workshop, view="phone", participant=participant))


@never_cache
def version(request, code: str):
    """The HTTP fallback's poll: the workshop's version (a screen fetches its part when it went up) and the tally's
    stamp (projectors and consoles fetch theirs when a vote came in)."""
    found = Workshop.objects.filter(code=code.upper()).values_list("pk", "version").first()
    if found is None:
        raise Http404
    return JsonResponse({"version": found[1], "tally": live.tally_stamp(found[0])})


@require_POST
def act(request, code: str):
    """A vote or dots from a phone without a WebSocket: JSON in, JSON out (the WebSocket's answer); or a plain
    form, answered with a redirect and the message on the page."""
    workshop = by_code_or_404(code)
    participant = me(request, workshop)
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        answer = actions.perform(workshop.pk, participant.pk if participant else None, data)
        return JsonResponse(answer, status=200 if answer.get("ok") else 422)
    answer = actions.perform(workshop.pk, participant.pk if participant else None, request.POST.dict())
    (messages.success if answer.get("ok") else messages.error)(request, answer["message"])
    return redirect("workshops:phone", workshop.code)

"""Pages for an idea's team, moving its stage, its checklist, its logbook and timeline, invitations, and the
hub's stage admin (part B2). Thin: forms validate, services decide and write, selectors read.

Whoever may not see the idea gets 404; whoever sees it but may not do the thing gets 403. Every form works
without JavaScript (a POST, then a redirect back to the idea's section); htmx only swaps a section in place.
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors_team, services, services_team
from .common import add_errors
from .forms_team import ChecklistItemForm, InvitationForm, LogEntryForm, RoleForm, StageForm, StageMoveForm
from .models import ChecklistItem, Idea, LogEntry, Stage, TeamMember


def _idea(request, pk: int, perm: str | None = None) -> Idea:
    try:
        idea = selectors_team.idea_get(pk=pk)
    except Idea.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("ideas.view_idea", idea):
        raise Http404
    if perm and not rules.has_perm(perm, request.user, idea):
        raise PermissionDenied
    return idea


def _errors_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# Team ---------------------------------------------------------------------------------------------------------

def _team_page(request, idea: Idea, form: InvitationForm | None = None, status: int = 200):
    section = selectors_team.team_section(idea=idea, user=request.user)
    if not (section.may_manage or section.own):
        raise PermissionDenied
    return render(request, "ideas/team.html", {
        "idea": idea, "team": section, "form": form or InvitationForm(),
        "roles": TeamMember.Role.choices, "limit": services_team.invitations_per_day()}, status=status)


@login_required
def idea_team(request, pk: int):
    """The team page: the core team invites, changes roles, removes and re-sends; a member leaves."""
    idea = _idea(request, pk)
    return _team_page(request, idea)


@login_required
@require_POST
def team_invite(request, pk: int):
    idea = _idea(request, pk, "ideas.manage_team")
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services_team.team_invite(idea=idea, by=request.user, email=form.cleaned_data["email"],
                                      role=form.cleaned_data["role"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The invitation is on its way to %(email)s.")
                             % {"email": form.cleaned_data["email"]})
            return redirect("ideas:idea_team", pk=idea.pk)
    return _team_page(request, idea, form)


def _member(idea: Idea, member_pk: int) -> TeamMember:
    return get_object_or_404(TeamMember.objects.select_related("idea"), pk=member_pk, idea=idea)


def _team_action(request, pk: int, member_pk: int, action, success: str):
    idea = _idea(request, pk, "ideas.manage_team")
    member = _member(idea, member_pk)
    try:
        action(member)
    except ValidationError as error:
        messages.error(request, _errors_text(error))
    else:
        messages.success(request, success)
    return redirect("ideas:idea_team", pk=idea.pk)


@login_required
@require_POST
def team_member_role(request, pk: int, member_pk: int):
    form = RoleForm(request.POST)
    if not form.is_valid():
        _idea(request, pk, "ideas.manage_team")
        messages.error(request, _("Choose a role: initiator, co-founder or volunteer."))
        return redirect("ideas:idea_team", pk=pk)
    return _team_action(request, pk, member_pk, lambda member: services_team.team_member_role_change(
        member=member, by=request.user, role=form.cleaned_data["role"]), _("The role was changed."))


@login_required
@require_POST
def team_member_remove(request, pk: int, member_pk: int):
    return _team_action(request, pk, member_pk, lambda member: services_team.team_member_remove(
        member=member, by=request.user), _("They are no longer on the team."))


@login_required
@require_POST
def team_invitation_resend(request, pk: int, member_pk: int):
    return _team_action(request, pk, member_pk, lambda member: services_team.team_invitation_resend(
        member=member, by=request.user), _("The invitation was sent again."))


@login_required
@require_POST
def team_invitation_cancel(request, pk: int, member_pk: int):
    return _team_action(request, pk, member_pk, lambda member: services_team.team_invitation_cancel(
        member=member, by=request.user), _("The invitation was withdrawn."))


@login_required
@require_POST
def team_leave(request, pk: int):
    idea = _idea(request, pk)
    try:
        services_team.team_leave(idea=idea, user=request.user)
    except ValidationError as error:
        messages.error(request, _errors_text(error))
        return redirect("ideas:idea_team", pk=idea.pk)
    messages.success(request, _("You have left the team of “%(title)s”.") % {"title": idea.title})
    if request.user.has_perm("ideas.view_idea", Idea.objects.get(pk=idea.pk)):
        return redirect(idea)
    return redirect("ideas:ideas")


@login_required
def team_invitation(request, token: str):
    """An invitation's link: the logged-in member accepts or declines (log-in or sign-up comes first)."""
    member = services_team.team_invitation_get(token=token)
    if request.method == "POST" and member is not None:
        try:
            if request.POST.get("action") == "accept":
                services_team.team_invitation_accept(token=token, user=request.user)
                messages.success(request, _("Welcome to the team of “%(title)s”.") % {"title": member.idea.title})
                return redirect(member.idea)
            services_team.team_invitation_decline(token=token, user=request.user)
        except ValidationError as error:
            messages.error(request, _errors_text(error))
            return redirect(member.idea if request.user.has_perm("ideas.view_idea", member.idea) else "ideas:ideas")
        messages.success(request, _("You declined the invitation."))
        return redirect("ideas:ideas")
    return render(request, "ideas/team_invitation.html", {"member": member}, status=200 if member else 404)


# Stage and checklist -----------------------------------------------------------------------------------------

def _back_to_idea(idea: Idea, anchor: str):
    return redirect(reverse("ideas:idea", args=[idea.pk]) + anchor)


@login_required
def idea_stage(request, pk: int):
    """Move the idea to another stage, with a reason (GET shows the form alone; the idea page has it too)."""
    idea = _idea(request, pk, "ideas.move_stage")
    section = selectors_team.stage_section(idea=idea, user=request.user)
    form = StageMoveForm(request.POST if request.method == "POST" else None, idea=idea, stages=section.stages)
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.idea_move_to_stage(idea=idea, stage=form.cleaned_data["stage"], by=request.user,
                                                reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The idea is now in the stage “%(stage)s”.") % {"stage": moved.stage.label})
            return _back_to_idea(idea, "#stage")
    return render(request, "ideas/stage_move.html", {"idea": idea, "section": section, "form": form},
                  status=400 if form.is_bound else 200)


@login_required
@require_POST
def checklist_tick(request, pk: int, item_pk: int):
    idea = _idea(request, pk, "ideas.tick_checklist")
    item = get_object_or_404(ChecklistItem, pk=item_pk)
    try:
        done = services_team.checklist_tick(idea=idea, item=item, by=request.user,
                                            done=request.POST.get("done") == "1")
    except ValidationError as error:
        messages.error(request, _errors_text(error))
    else:
        if _is_htmx(request):
            return render(request, "ideas/partials/idea_stage.html", {"idea": idea, "user": request.user})
        messages.success(request, (_("“%(item)s” is done.") if done else _("“%(item)s” is not done."))
                         % {"item": item.label})
    return _back_to_idea(idea, f"#checklist-{item.pk}")


# Logbook and timeline ----------------------------------------------------------------------------------------

@login_required
def idea_log(request, pk: int):
    """Post an update to the logbook (GET shows the form alone; the idea page has it too)."""
    idea = _idea(request, pk, "ideas.post_log")
    post = request.method == "POST"
    form = LogEntryForm(request.POST if post else None, request.FILES if post else None)
    if post and form.is_valid():
        try:
            services_team.log_entry_post(idea=idea, by=request.user, body=form.cleaned_data["body"],
                                         images=form.image_pairs())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your update is in the logbook."))
            return _back_to_idea(idea, "#timeline")
    return render(request, "ideas/team_log.html", {"idea": idea, "form": form}, status=400 if post else 200)


@login_required
@require_POST
def idea_log_delete(request, pk: int, entry_pk: int):
    idea = _idea(request, pk)
    entry = get_object_or_404(LogEntry, pk=entry_pk, idea=idea)
    entry.idea = idea
    services_team.log_entry_delete(entry=entry, by=request.user)
    messages.success(request, _("The update was deleted."))
    return _back_to_idea(idea, "#timeline")


def idea_timeline(request, pk: int):
    """The whole timeline, page by page (htmx on the idea page loads the next page in place)."""
    idea = _idea(request, pk)
    raw = request.GET.get("page", "1")
    page = int(raw) if raw.isdigit() and 0 < int(raw) < 10_000 else 1
    line = selectors_team.timeline(idea=idea, user=request.user, page=page)
    template = "ideas/team_timeline_items.html" if _is_htmx(request) else "ideas/team_timeline.html"
    return render(request, template, {"idea": idea, "timeline": line})


# The hub's stages ---------------------------------------------------------------------------------------------

def _check_admin(request) -> None:
    if not request.user.has_perm("core.change_hubsettings"):
        raise PermissionDenied


@login_required
def stages(request):
    _check_admin(request)
    rows = selectors_team.stages_admin()
    used = selectors_team.stage_changes_using([row.pk for row in rows])
    for row in rows:
        row.in_use = bool(row.idea_count) or row.pk in used
    return render(request, "ideas/stages.html", {"stages": rows})


@login_required
def stage_new(request):
    _check_admin(request)
    form = StageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            stage = services_team.stage_create(by=request.user, slug=form.cleaned_data["slug"], labels=form.labels(),
                                               phase=form.cleaned_data["phase"],
                                               is_active=form.cleaned_data["is_active"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The stage “%(stage)s” was added.") % {"stage": stage.label})
            return redirect("ideas:stage_edit", pk=stage.pk)
    return render(request, "ideas/stage_form.html", {"form": form, "stage": None},
                  status=400 if form.is_bound else 200)


@login_required
def stage_edit(request, pk: int):
    """Rename a stage, map it to a phase, and keep its checklist."""
    _check_admin(request)
    stage = get_object_or_404(Stage, pk=pk)
    post = request.method == "POST"
    form = StageForm(request.POST if post else None, stage=stage)
    item_form = ChecklistItemForm(prefix="new")
    if post and form.is_valid():
        try:
            services_team.stage_update(stage=stage, by=request.user, labels=form.labels(),
                                       phase=form.cleaned_data["phase"], is_active=form.cleaned_data["is_active"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The stage “%(stage)s” was saved.") % {"stage": stage.label})
            return redirect("ideas:stages")
    return _stage_page(request, stage, form, item_form, status=400 if post else 200)


def _stage_page(request, stage: Stage, form, item_form, item_forms: dict | None = None, status: int = 200):
    items = list(stage.checklist.order_by("position", "id"))
    forms = [(item, (item_forms or {}).get(item.pk) or ChecklistItemForm(prefix=f"item-{item.pk}", item=item))
             for item in items]
    return render(request, "ideas/stage_form.html", {
        "stage": stage, "form": form, "item_form": item_form, "item_forms": forms}, status=status)


@login_required
@require_POST
def stage_reorder(request, pk: int):
    _check_admin(request)
    stage = get_object_or_404(Stage, pk=pk)
    try:
        services_team.stage_reorder(stage=stage, by=request.user, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, _errors_text(error))
    else:
        messages.success(request, _("“%(stage)s” was moved.") % {"stage": stage.label})
    return redirect(reverse("ideas:stages") + f"#stage-{stage.pk}")


@login_required
@require_POST
def stage_delete(request, pk: int):
    _check_admin(request)
    stage = get_object_or_404(Stage, pk=pk)
    try:
        services_team.stage_delete(stage=stage, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors_text(error))
    else:
        messages.success(request, _("The stage “%(stage)s” was deleted.") % {"stage": stage.label})
    return redirect("ideas:stages")


@login_required
@require_POST
def checklist_item_new(request, pk: int):
    _check_admin(request)
    stage = get_object_or_404(Stage, pk=pk)
    item_form = ChecklistItemForm(request.POST, prefix="new")
    if item_form.is_valid():
        try:
            services_team.checklist_item_add(stage=stage, by=request.user, labels=item_form.labels())
        except ValidationError as error:
            add_errors(item_form, error)
        else:
            messages.success(request, _("The checklist item was added."))
            return redirect(reverse("ideas:stage_edit", args=[stage.pk]) + "#checklist-heading")
    return _stage_page(request, stage, StageForm(stage=stage), item_form, status=400)


def _item(pk: int) -> ChecklistItem:
    return get_object_or_404(ChecklistItem.objects.select_related("stage"), pk=pk)


@login_required
@require_POST
def checklist_item_edit(request, pk: int):
    _check_admin(request)
    item = _item(pk)
    item_form = ChecklistItemForm(request.POST, prefix=f"item-{item.pk}", item=item)
    if item_form.is_valid():
        try:
            services_team.checklist_item_update(item=item, by=request.user, labels=item_form.labels())
        except ValidationError as error:
            add_errors(item_form, error)
        else:
            messages.success(request, _("The checklist item was saved."))
            return redirect(reverse("ideas:stage_edit", args=[item.stage_id]) + f"#item-{item.pk}")
    return _stage_page(request, item.stage, StageForm(stage=item.stage), ChecklistItemForm(prefix="new"),
                       {item.pk: item_form}, status=400)


@login_required
@require_POST
def checklist_item_reorder(request, pk: int):
    _check_admin(request)
    item = _item(pk)
    try:
        services_team.checklist_item_reorder(item=item, by=request.user, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, _errors_text(error))
    else:
        messages.success(request, _("The checklist item was moved."))
    return redirect(reverse("ideas:stage_edit", args=[item.stage_id]) + f"#item-{item.pk}")


@login_required
@require_POST
def checklist_item_delete(request, pk: int):
    _check_admin(request)
    item = _item(pk)
    services_team.checklist_item_remove(item=item, by=request.user)
    messages.success(request, _("The checklist item was removed."))
    return redirect(reverse("ideas:stage_edit", args=[item.stage_id]) + "#checklist-heading")

"""Cohort pages: the facilitators' board (cards moved with buttons, or dragged), an idea's mentors, its private
support sessions and its milestones. Thin: forms validate, services write, selectors read.

Support sessions answer 404 to everyone who may not read them, so their existence does not leak. The board works
without JavaScript (each move is a form that redirects back with the moved card focused); with htmx the board is
swapped in place, focus goes back to the moved card and a polite live region says what happened.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.accounts.models import User

from . import selectors_cohort as selectors
from . import services_cohort as services
from .common import add_errors
from .forms_cohort import BoardMoveForm, MentorAssignForm, MilestoneForm, SupportSessionForm
from .models import CohortMembership, Idea


def _messages_of(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


# The board ----------------------------------------------------------------------------------------------------

def _board_incubator(request, slug: str):
    incubator = selectors.board_incubator_get(slug=slug)
    if not request.user.has_perm("ideas.view_board", incubator):
        raise PermissionDenied
    return incubator


def _board_context(incubator, *, moved: int | None = None, status: str = "", error: str = "") -> dict:
    return {"incubator": incubator, "columns": selectors.board_columns(incubator=incubator), "moved": moved,
            "status": status, "error": error}


def _int_or_none(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


@login_required
def board(request, slug: str):
    incubator = _board_incubator(request, slug)
    return render(request, "ideas/board.html",
                  _board_context(incubator, moved=_int_or_none(request.GET.get("moved"))))


@login_required
@require_POST
def board_move(request, slug: str):
    incubator = _board_incubator(request, slug)
    form = BoardMoveForm(request.POST)
    idea_id = _int_or_none(request.POST.get("idea"))
    status = error = ""
    if not form.is_valid():
        error = _messages_of(ValidationError([e for errors in form.errors.values() for e in errors]))
    else:
        membership = (CohortMembership.objects.filter(incubator=incubator, idea_id=form.cleaned_data["idea"])
                      .select_related("idea").first())
        if membership is None:
            error = _("This idea is not in the incubator’s cohort.")
        else:
            idea = membership.idea
            try:
                if form.cleaned_data["direction"]:
                    services.board_card_shift(incubator=incubator, idea=idea, by=request.user,
                                              offset=-1 if form.cleaned_data["direction"] == "up" else 1)
                    status = (_("Moved “%(title)s” up") if form.cleaned_data["direction"] == "up"
                              else _("Moved “%(title)s” down")) % {"title": idea.title}
                else:
                    moved = services.board_card_move(incubator=incubator, idea=idea, by=request.user,
                                                     stage=form.cleaned_data["stage"],
                                                     reason=form.cleaned_data["reason"])
                    status = _("Moved “%(title)s” to %(stage)s") % {"title": idea.title,
                                                                      "stage": moved.idea.stage.label}
            except ValidationError as problem:
                error = _messages_of(problem)
            except PermissionDenied:
                error = _("You may not move “%(title)s”.") % {"title": idea.title}
    if request.htmx:
        return render(request, "ideas/partials/board_swap.html",
                      _board_context(incubator, moved=idea_id, status=status, error=error))
    if error:
        messages.error(request, error)
    else:
        messages.success(request, status)
    url = reverse("ideas:board", args=[incubator.slug])
    return redirect(f"{url}?moved={idea_id}#card-{idea_id}" if idea_id else url)


# Ideas: shared --------------------------------------------------------------------------------------------------

def _idea_or_404(request, pk: int, perm: str = "ideas.view_idea") -> Idea:
    idea = selectors.cohort_idea_get(pk=pk)
    if not request.user.has_perm(perm, idea):
        raise Http404
    return idea


# Mentors --------------------------------------------------------------------------------------------------------

def _mentors_idea(request, pk: int) -> Idea:
    idea = _idea_or_404(request, pk)
    if not request.user.has_perm("ideas.assign_mentor", idea):
        raise PermissionDenied
    return idea


@login_required
def idea_mentors(request, pk: int):
    idea = _mentors_idea(request, pk)
    candidates = selectors.mentor_candidates(idea=idea)
    form = MentorAssignForm(request.POST if request.method == "POST" else None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.mentor_assign(idea=idea, mentor=form.cleaned_data["mentor"], by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(name)s is now a mentor of “%(title)s”.") % {
                "name": assignment.mentor.display_name, "title": idea.title})
            return redirect("ideas:idea_mentors", pk=idea.pk)
    return render(request, "ideas/mentors.html", {
        "idea": idea, "form": form, "mentors": selectors.idea_mentors(idea=idea)})


@login_required
@require_POST
def idea_mentor_remove(request, pk: int, user_pk: int):
    idea = _mentors_idea(request, pk)
    mentor = User.objects.filter(pk=user_pk).first()
    if mentor is None:
        raise Http404
    try:
        services.mentor_remove(idea=idea, mentor=mentor, by=request.user)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("%(name)s is no longer a mentor of “%(title)s”.") % {
            "name": mentor.display_name, "title": idea.title})
    return redirect("ideas:idea_mentors", pk=idea.pk)


# Support sessions -----------------------------------------------------------------------------------------------

def _session_form(request, idea: Idea, data=None) -> SupportSessionForm:
    mentors = User.objects.filter(mentoring__idea=idea).order_by("name", "email")
    initial = {"date": timezone.localdate()}
    if request.user.pk and any(m.pk == request.user.pk for m in mentors):
        initial["mentor"] = request.user.pk
    return SupportSessionForm(data, mentors=mentors, initial=initial)


def idea_sessions(request, pk: int):
    idea = _idea_or_404(request, pk, "ideas.view_support_sessions")
    can_log = rules.has_perm("ideas.log_support_session", request.user, idea)
    form = _session_form(request, idea, request.POST if request.method == "POST" else None) if can_log else None
    if request.method == "POST":
        if not can_log:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.support_session_log(idea=idea, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The support session is logged. The team has been told."))
                return redirect("ideas:idea_sessions", pk=idea.pk)
    sessions = selectors.idea_sessions(idea=idea)
    for session in sessions:
        session.can_change = rules.has_perm("ideas.change_support_session", request.user, session)
    return render(request, "ideas/sessions.html", {
        "idea": idea, "form": form, "sessions": sessions, "has_mentors": bool(form and form.fields["mentor"].queryset)})


def _own_session(request, pk: int, session_pk: int):
    idea = _idea_or_404(request, pk, "ideas.view_support_sessions")
    session = selectors.session_get(idea=idea, pk=session_pk)
    if not rules.has_perm("ideas.change_support_session", request.user, session):
        raise PermissionDenied
    return idea, session


@login_required
def idea_session_edit(request, pk: int, session_pk: int):
    idea, session = _own_session(request, pk, session_pk)
    data = request.POST if request.method == "POST" else None
    form = SupportSessionForm(data, editing=True, initial={
        "date": session.date, "notes": session.notes, "next_steps": session.next_steps})
    if request.method == "POST" and form.is_valid():
        try:
            services.support_session_update(session=session, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("ideas:idea_sessions", pk=idea.pk)
    return render(request, "ideas/session_form.html", {"idea": idea, "session": session, "form": form})


@login_required
@require_POST
def idea_session_delete(request, pk: int, session_pk: int):
    idea, session = _own_session(request, pk, session_pk)
    services.support_session_delete(session=session, by=request.user)
    messages.success(request, _("The support session was deleted."))
    return redirect("ideas:idea_sessions", pk=idea.pk)


# Milestones -----------------------------------------------------------------------------------------------------

def idea_milestones(request, pk: int):
    idea = _idea_or_404(request, pk)
    can_manage = request.user.has_perm("ideas.manage_milestones", idea)
    form = MilestoneForm(request.POST if request.method == "POST" else None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.milestone_add(idea=idea, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The milestone is added. The team is reminded three days before it is due."))
                return redirect("ideas:idea_milestones", pk=idea.pk)
    return render(request, "ideas/milestones.html", {
        "idea": idea, "form": form, "can_manage": can_manage, "milestones": selectors.idea_milestones(idea=idea),
        "today": timezone.localdate()})


def _managed_milestone(request, pk: int, milestone_pk: int):
    idea = _idea_or_404(request, pk)
    milestone = selectors.milestone_get(idea=idea, pk=milestone_pk)
    if not request.user.has_perm("ideas.manage_milestones", idea):
        raise PermissionDenied
    milestone.idea = idea
    return idea, milestone


@login_required
def idea_milestone_edit(request, pk: int, milestone_pk: int):
    idea, milestone = _managed_milestone(request, pk, milestone_pk)
    data = request.POST if request.method == "POST" else None
    form = MilestoneForm(data, initial={"title": milestone.title, "due_on": milestone.due_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_update(milestone=milestone, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("ideas:idea_milestones", pk=idea.pk)
    return render(request, "ideas/milestone_form.html", {"idea": idea, "milestone": milestone, "form": form})


@login_required
@require_POST
def idea_milestone_done(request, pk: int, milestone_pk: int):
    idea, milestone = _managed_milestone(request, pk, milestone_pk)
    done = request.POST.get("done") != "0"
    services.milestone_mark(milestone=milestone, by=request.user, done=done)
    messages.success(request, (_("“%(title)s” is marked done.") if done else _("“%(title)s” is open again."))
                     % {"title": milestone.title})
    return redirect("ideas:idea_milestones", pk=idea.pk)


@login_required
@require_POST
def idea_milestone_delete(request, pk: int, milestone_pk: int):
    idea, milestone = _managed_milestone(request, pk, milestone_pk)
    services.milestone_delete(milestone=milestone, by=request.user)
    messages.success(request, _("The milestone “%(title)s” was deleted.") % {"title": milestone.title})
    return redirect("ideas:idea_milestones", pk=idea.pk)


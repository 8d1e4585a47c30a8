"""Incubator pages: the list, an incubator, creating and editing one; intake rounds (the call, its form with
questions and rubric), applying, reviewing, the ranked overview and decisions.

Thin: forms validate, services write (and check permissions), selectors read. Every core flow works without
JavaScript: rows of questions and criteria are added with a submit button and reordered with a number.
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.paging import page_number

from . import selectors_incubator as selectors
from . import services_incubator as services
from .common import add_errors
from .forms_incubator import (ApplicationForm, CriterionFormSet, DecisionForm, IncubatorForm, QuestionFormSet,
                              ReviewForm, RoundForm, criterion_initial, question_initial, with_more_rows)
from .models import Application

PAGE_SIZE = 30


def _url_or_empty(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def board_url(incubator) -> str:
    """The facilitators' board (built by the cohort part), or "" while it has no page."""
    return _url_or_empty("ideas:board", incubator.slug)


# Incubators ---------------------------------------------------------------------------------------------------

def incubators(request):
    paginator = Paginator(selectors.incubator_list(), PAGE_SIZE)
    problems: list[str] = []
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return render(request, "ideas/incubator_list.html", {
        "page": page, "paginator": paginator, "problems": problems,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        # rules alone: the model backend would ask the database for the viewer's permissions twice more.
        "can_add": rules.has_perm("ideas.add_incubator", request.user)})


def incubator(request, slug: str):
    data = selectors.incubator_page(slug=slug, viewer=request.user)
    return render(request, "ideas/incubator_detail.html", {
        "page": data, "incubator": data.incubator, "board_url": board_url(data.incubator) if data.can_change else "",
        "today": timezone.localdate()})


@login_required
def incubator_new(request):
    if not request.user.has_perm("ideas.add_incubator"):
        raise PermissionDenied
    form = IncubatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.incubator_create(
                by=request.user, name=form.cleaned_data["name"], description=form.cleaned_data["description"],
                place=form.cleaned_data["place"], organisation=form.cleaned_data["organisation"],
                facilitators=form.members())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The incubator is created. Open an intake round when you are ready."))
            return redirect(created.get_absolute_url())
    return render(request, "ideas/incubator_form.html", {"form": form, "incubator": None})


@login_required
def incubator_edit(request, slug: str):
    target = selectors.incubator_get(slug=slug)
    if not request.user.has_perm("ideas.change_incubator", target):
        raise PermissionDenied
    initial = {"name": target.name, "description": target.description, "place": target.place_id,
               "organisation": target.organisation_id,
               "facilitators": list(target.facilitators.values_list("pk", flat=True))}
    form = IncubatorForm(request.POST or None, initial=initial, incubator=target)
    if request.method == "POST" and form.is_valid():
        try:
            services.incubator_update(
                incubator=target, by=request.user, name=form.cleaned_data["name"],
                description=form.cleaned_data["description"], place=form.cleaned_data["place"],
                organisation=form.cleaned_data["organisation"], facilitators=form.members())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(target.get_absolute_url())
    return render(request, "ideas/incubator_form.html", {"form": form, "incubator": target})


# Rounds -------------------------------------------------------------------------------------------------------

def _round_form_page(request, *, target_incubator, intake_round=None):
    data = request.POST if request.method == "POST" else None
    adding = None
    if data is not None and "add_question" in data:
        data, adding = with_more_rows(data, "questions"), "questions"
    elif data is not None and "add_criterion" in data:
        data, adding = with_more_rows(data, "criteria"), "criteria"
    initial = None
    if intake_round is not None:
        initial = {"title": intake_round.title, "description": intake_round.description,
                   "opens_on": intake_round.opens_on, "closes_on": intake_round.closes_on,
                   "challenge": intake_round.challenge_id,
                   "reviewers": list(intake_round.reviewers.values_list("pk", flat=True))}
    form = RoundForm(data, initial=initial, incubator=target_incubator, intake_round=intake_round)
    questions = QuestionFormSet(data, prefix="questions", initial=question_initial(intake_round))
    criteria = CriterionFormSet(data, prefix="criteria", initial=criterion_initial(intake_round))
    questions.row_name, criteria.row_name = _("Question"), _("Criterion")
    if data is not None and adding is None and all([form.is_valid(), questions.is_valid(), criteria.is_valid()]):
        values = {"title": form.cleaned_data["title"], "description": form.cleaned_data["description"],
                  "opens_on": form.cleaned_data["opens_on"], "closes_on": form.cleaned_data["closes_on"],
                  "challenge": form.cleaned_data["challenge"], "reviewers": form.members(),
                  "questions": questions.items(), "criteria": criteria.items()}
        try:
            if intake_round is None:
                saved = services.round_create(incubator=target_incubator, by=request.user, **values)
            else:
                saved = services.round_update(round=intake_round, by=request.user, **values)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The intake round is saved."))
            return redirect(saved.get_absolute_url())
    return render(request, "ideas/round_form.html", {
        "form": form, "questions": questions, "criteria": criteria, "incubator": target_incubator,
        "round": intake_round, "adding": adding, "formsets": [questions, criteria],
        "formset_errors": data is not None and adding is None and bool(
            questions.total_error_count() or criteria.total_error_count())},
        status=400 if data is not None and adding is None else 200)


@login_required
def round_new(request, slug: str):
    target = selectors.incubator_get(slug=slug)
    if not request.user.has_perm("ideas.change_incubator", target):
        raise PermissionDenied
    return _round_form_page(request, target_incubator=target)


@login_required
def round_edit(request, pk: int):
    intake_round = selectors.round_get(pk=pk)
    if not request.user.has_perm("ideas.change_round", intake_round):
        raise PermissionDenied
    return _round_form_page(request, target_incubator=intake_round.incubator, intake_round=intake_round)


def round_detail(request, pk: int):
    intake_round = selectors.round_with_items(pk=pk)
    user = request.user
    return render(request, "ideas/round_detail.html", {
        "round": intake_round, "incubator": intake_round.incubator, "is_open": intake_round.is_open(),
        "today": timezone.localdate(), "can_change": user.has_perm("ideas.change_round", intake_round),
        "is_reviewer": rules.has_perm("ideas.review_round", user, intake_round),
        "can_rank": user.has_perm("ideas.view_ranking", intake_round),
        "my_applications": selectors.applications_of(user=user, round=intake_round)})


def _closed_message(intake_round) -> str:
    if timezone.localdate() < intake_round.opens_on:
        return _("This round opens on %(date)s; you can apply from then.") % {
            "date": formats.date_format(intake_round.opens_on)}
    return _("This round closed on %(date)s, so it no longer takes applications.") % {
        "date": formats.date_format(intake_round.closes_on)}


@login_required
def round_apply(request, pk: int):
    intake_round = selectors.round_with_items(pk=pk)
    if not intake_round.is_open():
        messages.error(request, _closed_message(intake_round))
        return redirect(intake_round.get_absolute_url())
    ideas = selectors.ideas_to_apply_with(user=request.user, round=intake_round)
    questions = list(intake_round.questions.all())
    form = ApplicationForm(request.POST or None, ideas=ideas, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(round=intake_round, idea=form.cleaned_data["idea"],
                                                       by=request.user, answers=form.answers())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your application is sent. You will hear from the facilitators here and "
                                        "by e-mail."))
            return redirect(application.get_absolute_url())
    return render(request, "ideas/round_apply.html", {
        "round": intake_round, "incubator": intake_round.incubator, "form": form, "ideas": ideas,
        "new_idea_url": _url_or_empty("ideas:idea_new"),
        "my_applications": selectors.applications_of(user=request.user, round=intake_round)})


# Applications, reviews, ranking, decisions --------------------------------------------------------------------

def _application_page(request, application, *, decision_form=None, status: int = 200):
    user = request.user
    can_decide = user.has_perm("ideas.decide_application", application)
    if can_decide and decision_form is None:
        decision_form = DecisionForm(initial={
            "decision": application.decision if application.decision != Application.Decision.PENDING else None,
            "message": application.decision_message})
    questions = list(application.round.questions.all())
    return render(request, "ideas/application_detail.html", {
        "application": application, "round": application.round, "incubator": application.round.incubator,
        "answers": [(q, application.answers.get(str(q.pk), "")) for q in questions], "can_decide": can_decide,
        "decision_form": decision_form,
        "is_reviewer": rules.has_perm("ideas.review_application", user, application),
        "reviews": selectors.submitted_reviews(application=application) if can_decide else [],
        "in_cohort": application.idea.cohort_memberships.filter(incubator=application.round.incubator).exists()},
        status=status)


@login_required
def application_detail(request, pk: int):
    application = selectors.application_get(pk=pk)
    if not request.user.has_perm("ideas.view_application", application):
        raise PermissionDenied
    return _application_page(request, application)


@login_required
@require_POST
def application_decide(request, pk: int):
    application = selectors.application_get(pk=pk)
    if not request.user.has_perm("ideas.decide_application", application):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.application_decide(application=application, by=request.user,
                                        decision=form.cleaned_data["decision"], message=form.cleaned_data["message"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The decision is saved and the team is told."))
            return redirect(application.get_absolute_url())
    return _application_page(request, application, decision_form=form, status=400)


@login_required
def round_reviews(request, pk: int):
    intake_round = selectors.round_get(pk=pk)
    if not rules.has_perm("ideas.review_round", request.user, intake_round):
        raise PermissionDenied
    return render(request, "ideas/round_reviews.html", {
        "round": intake_round, "incubator": intake_round.incubator,
        "work": selectors.round_reviews(round=intake_round, reviewer=request.user)})


@login_required
def application_review(request, pk: int):
    application = selectors.application_get(pk=pk)
    if not rules.has_perm("ideas.review_application", request.user, application):
        raise PermissionDenied
    data = selectors.review_page(application=application, reviewer=request.user)
    initial = {f"c_{pk}": value for pk, value in data.own_scores.items()}
    initial["comment"] = data.own.comment if data.own else ""
    form = ReviewForm(request.POST or None, initial=initial, criteria=data.criteria)
    on_team = request.user.pk in set(application.idea.team.filter(accepted_at__isnull=False)
                                     .values_list("user_id", flat=True))
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit"
        try:
            services.review_save(application=application, by=request.user, scores=form.scores(),
                                 comment=form.cleaned_data["comment"], submit=submit)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if submit:
                messages.success(request, _("Your review is submitted. You now see the other reviewers' scores."))
            else:
                messages.success(request, _("Your draft is saved. Submit it when you are done."))
            return redirect(reverse("ideas:application_review", args=[application.pk]))
    return render(request, "ideas/application_review.html", {
        "application": application, "round": application.round, "incubator": application.round.incubator,
        "form": form, "page": data, "on_team": on_team,
        "submitted": data.own is not None and data.own.submitted_at is not None},
        status=400 if request.method == "POST" else 200)


@login_required
def round_ranking(request, pk: int):
    intake_round = selectors.round_get(pk=pk)
    if not request.user.has_perm("ideas.view_ranking", intake_round):
        raise PermissionDenied
    return render(request, "ideas/round_ranking.html", {
        "round": intake_round, "incubator": intake_round.incubator,
        "ranking": selectors.round_ranking(round=intake_round)})

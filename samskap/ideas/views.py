"""An idea's own pages (part B1): the idea list with filters and sorts, my ideas, submitting, editing, publishing
and deleting an idea, and the idea's page (with the sections other parts add through includes).

Thin: forms validate, services write, selectors read. Visitors' copies of the list are cached
(samskap.core.fragments) under the ideas and directory generations. Whoever may not see an idea gets 404, as if it
did not exist (drafts, team-only ideas, hidden ones).
"""

import functools
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.fragments import DIRECTORY, IDEAS, cached_fragment
from samskap.core.paging import page_number

from . import selectors, services, services_images
from .common import add_errors
from .forms import IdeaFilterForm, IdeaForm
from .models import Challenge, Idea

PAGE_SIZE = 20
FRAGMENT_GENERATIONS = (IDEAS, DIRECTORY)
# Milestones fall due and stages age with the clock, so a visitor's copy of an idea page lives five minutes.
IDEA_PAGE_TIMEOUT = 5 * 60


# The list ----------------------------------------------------------------------------------------

def _list_context(request) -> dict:
    form = IdeaFilterForm(request.GET or None)
    filters = form.valid_filters() if form.is_bound else {}
    problems = [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]
    sort = form.chosen_sort() if form.is_bound else "newest"
    ideas = selectors.idea_list(user=request.user, filters=filters, sort=sort)
    paginator = Paginator(ideas, PAGE_SIZE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return {"filter_form": form, "page": page, "paginator": paginator, "problems": problems, "sort": sort,
            "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
            "filtered": bool(filters)}


def ideas(request):
    if request.user.is_authenticated:  # they also see ideas for network members
        return render(request, "ideas/idea_list.html", _list_context(request))
    context = functools.cache(partial(_list_context, request))
    content = cached_fragment(request, "ideas/partials/idea_list_content.html", context,
                              key=("ideas", sorted(request.GET.lists())), generations=FRAGMENT_GENERATIONS)
    return render(request, "ideas/idea_list.html", {"cached_content": content})


@login_required
def my_ideas(request):
    return render(request, "ideas/my_ideas.html", {"ideas": list(selectors.my_ideas(user=request.user))})


# An idea -----------------------------------------------------------------------------------------

def _idea_context(request, pk: int) -> dict:
    try:
        page = selectors.idea_page(pk=pk, user=request.user)
    except Idea.DoesNotExist:
        raise Http404 from None
    if not page.may_view:
        raise Http404
    return {"page": page, "idea": page.idea, "may_change": page.may_change, "may_delete": page.may_delete,
            "may_publish": page.may_publish, "is_team": page.is_team}


def idea(request, pk: int):
    if not request.user.is_authenticated:
        # Visitors see public ideas only, all alike: their copy of the page is rendered once per generation.
        found = Idea.objects.public().filter(pk=pk).only("pk", "title").first()
        if found is None:
            raise Http404
        content = cached_fragment(request, "ideas/partials/idea_detail_content.html",
                                  partial(_idea_context, request, pk),
                                  key=("idea", pk, sorted(request.GET.lists())), generations=FRAGMENT_GENERATIONS,
                                  timeout=IDEA_PAGE_TIMEOUT)
        return render(request, "ideas/idea_detail.html", {"idea": found, "cached_content": content})
    return render(request, "ideas/idea_detail.html", _idea_context(request, pk))


def _idea_for_change(request, pk: int, perm: str = "ideas.change_idea") -> Idea:
    try:
        idea = selectors.idea_get(pk=pk)
    except Idea.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(perm, idea):
        if request.user.has_perm("ideas.view_idea", idea):
            raise PermissionDenied
        raise Http404
    return idea


def _challenge_initial(request) -> dict:
    raw = request.GET.get("challenge", "")
    if raw.isdigit() and Challenge.objects.filter(pk=raw, hidden_at__isnull=True,
                                                  status=Challenge.Status.OPEN).exists():
        return {"challenge": int(raw)}
    return {}


@login_required
def idea_new(request):
    if not request.user.has_perm("ideas.add_idea"):
        raise PermissionDenied
    post = request.method == "POST"
    form = IdeaForm(request.POST if post else None, request.FILES if post else None, instance=Idea(),
                    initial=None if post else _challenge_initial(request))
    if post and form.is_valid():
        publish = request.POST.get("action") != "draft"
        try:
            idea = services_images.idea_create_with_images(author=request.user, publish=publish,
                                                           images=form.images_new(), **form.service_fields())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your idea is published.") if publish else
                             _("Your idea is saved as a draft. Only your team sees it until you publish it."))
            return redirect(idea)
    return render(request, "ideas/idea_form.html", {"form": form, "idea": None})


@login_required
def idea_edit(request, pk: int):
    idea = _idea_for_change(request, pk)
    post = request.method == "POST"
    form = IdeaForm(request.POST if post else None, request.FILES if post else None, instance=idea)
    if post and form.is_valid():
        publish = request.POST.get("action") == "publish"
        try:
            services_images.idea_update_with_images(
                idea=idea, by=request.user, images_new=form.images_new(), alt_texts=form.alt_texts(),
                images_removed=form.images_removed(), publish=publish, **form.service_fields())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your idea is published.") if publish else _("The changes were saved."))
            return redirect(idea)
    return render(request, "ideas/idea_form.html", {"form": form, "idea": selectors.idea_get(pk=pk)})


@login_required
@require_POST
def idea_publish(request, pk: int):
    idea = _idea_for_change(request, pk)
    services.idea_publish(idea=idea, by=request.user)
    messages.success(request, _("Your idea is published."))
    return redirect(idea)


@login_required
def idea_delete(request, pk: int):
    idea = _idea_for_change(request, pk, perm="ideas.delete_idea")
    if request.method == "POST":
        services_images.idea_delete(idea=idea, by=request.user)
        messages.success(request, _("The idea “%(title)s” is deleted.") % {"title": idea.title})
        return redirect("ideas:my_ideas")
    return render(request, "ideas/idea_confirm_delete.html", {"idea": idea})

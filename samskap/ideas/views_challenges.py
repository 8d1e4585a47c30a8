"""Challenge pages: the list with filters, a challenge with its problem tree and the ideas answering it, creating
and editing one, and the problem-tree editor (add, edit, remove and move causes and effects; plain forms, so
it works with the keyboard alone and without JavaScript).

Thin: forms validate, services write, selectors read. A hidden challenge is a 404 to all but its owner side and
the hub admins.
"""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.fragments import DIRECTORY, IDEAS, cached_fragment
from samskap.core.paging import page_number

from . import selectors_challenges as selectors
from . import services_challenges as services
from .common import add_errors
from .forms_challenges import ChallengeFilterForm, ChallengeForm, CoreProblemForm, TreeNodeForm
from .models import Challenge, ProblemTreeNode

PAGE_SIZE = 20
IDEAS_PAGE_SIZE = 20


# The list ---------------------------------------------------------------------------------------------------


def challenges(request):
    form = ChallengeFilterForm(request.GET or None)
    filters = form.valid_filters() if form.is_bound else {}
    problems = [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]
    sort = form.chosen_sort() if form.is_bound else "newest"
    paginator = Paginator(selectors.challenge_list(viewer=request.user, sort=sort, **filters), PAGE_SIZE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return render(request, "ideas/challenge_list.html", {
        "filter_form": form, "page": page, "paginator": paginator, "problems": problems, "sort": sort,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        "filtered": bool(filters), "may_add": request.user.has_perm("ideas.add_challenge"),
    })


# A challenge ------------------------------------------------------------------------------------------------


def _challenge_or_404(request, pk: int) -> Challenge:
    try:
        challenge = selectors.challenge_get(pk=pk, viewer=request.user)
    except Challenge.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("ideas.view_challenge", challenge):
        raise Http404
    return challenge


def _challenge_for_change(request, pk: int) -> Challenge:
    challenge = _challenge_or_404(request, pk)
    if not request.user.has_perm("ideas.change_challenge", challenge):
        raise PermissionDenied
    return challenge


def challenge_detail(request, pk: int):
    if not request.user.is_authenticated:
        # Visitors all see the same page of a visible challenge: rendered once per generation.
        found = Challenge.objects.visible().filter(pk=pk).only("pk", "title").first()
        if found is None:
            raise Http404
        content = cached_fragment(request, "ideas/partials/challenge_detail_content.html",
                                  partial(_challenge_context, request, pk),
                                  key=("challenge", pk, sorted(request.GET.lists())), generations=(IDEAS, DIRECTORY))
        return render(request, "ideas/challenge_detail.html", {"challenge": found, "cached_content": content})
    return render(request, "ideas/challenge_detail.html", _challenge_context(request, pk))


def _challenge_context(request, pk: int) -> dict:
    challenge = _challenge_or_404(request, pk)
    causes, effects = selectors.challenge_tree(challenge)
    problems: list[str] = []
    paginator = Paginator(selectors.challenge_ideas(challenge=challenge, viewer=request.user), IDEAS_PAGE_SIZE)
    paginator.count = challenge.idea_count  # the selector counted the same ideas already
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return {
        "challenge": challenge, "causes": causes, "effects": effects, "themes": list(challenge.themes.all()),
        "places": list(challenge.places.all()), "page": page, "paginator": paginator, "problems": problems,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        "may_change": request.user.has_perm("ideas.change_challenge", challenge),
    }


@login_required
def challenge_new(request):
    if not request.user.has_perm("ideas.add_challenge"):
        raise PermissionDenied
    form = ChallengeForm(request.POST if request.method == "POST" else None, instance=Challenge(), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            challenge = services.challenge_create(
                by=request.user, organisation=form.cleaned_data["owner"], themes=form.cleaned_data["themes"],
                places=form.cleaned_data["places"], **form.service_fields())
        except ValidationError as error:
            add_errors(form, error, renamed={"organisation": "owner"})
        else:
            messages.success(request, _("The challenge is posted. Now add the causes and effects of its core "
                                        "problem."))
            return redirect("ideas:challenge_tree", pk=challenge.pk)
    return render(request, "ideas/challenge_form.html", {"form": form, "challenge": None})


@login_required
def challenge_edit(request, pk: int):
    challenge = _challenge_for_change(request, pk)
    form = ChallengeForm(request.POST if request.method == "POST" else None, instance=challenge, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        try:
            services.challenge_update(challenge=Challenge.objects.get(pk=pk), by=request.user,
                                      organisation=form.cleaned_data["owner"], themes=form.cleaned_data["themes"],
                                      places=form.cleaned_data["places"], **fields)
        except ValidationError as error:
            add_errors(form, error, renamed={"organisation": "owner"})
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("ideas:challenge", pk=pk)
    return render(request, "ideas/challenge_form.html", {"form": form, "challenge": challenge})


# The problem tree -------------------------------------------------------------------------------------------


def _tree_page(request, challenge: Challenge, *, bound: dict | None = None, status: int = 200):
    """The editor: the core problem, then effects and causes, each with its own forms. `bound` holds the one
    form that was sent with errors, by its prefix."""
    bound = bound or {}
    causes, effects = selectors.challenge_tree(challenge)
    focus = request.GET.get("focus", "")

    def node_forms(nodes):
        rows = []
        for index, node in enumerate(nodes):
            prefix = f"node{node.pk}"
            form = bound.get(prefix) or TreeNodeForm(prefix=prefix, initial={"text": node.text},
                                                     label=_("Text of item %(number)s") % {"number": index + 1})
            first, last = index == 0, index == len(nodes) - 1
            # After a move the same button keeps the focus; at an end of the list, the other one does.
            wanted = {f"up-{node.pk}": "up", f"down-{node.pk}": "down", f"node-{node.pk}": "text"}.get(focus, "")
            if prefix in bound:
                wanted = "text"
            if wanted == "up" and first:
                wanted = "down" if not last else "text"
            elif wanted == "down" and last:
                wanted = "up" if not first else "text"
            if wanted == "text":
                form.fields["text"].widget.attrs["autofocus"] = True
            rows.append({"node": node, "form": form, "number": index + 1, "first": first, "last": last,
                         "focus": wanted})
        return rows

    core_form = bound.get("core") or CoreProblemForm(instance=challenge, prefix="core")
    if focus == "core-problem" or "core" in bound:
        core_form.fields["core_problem"].widget.attrs["autofocus"] = True
    add_forms = {}
    for kind, label in (("effect", _("New effect")), ("cause", _("New cause"))):
        add_forms[kind] = bound.get(kind) or TreeNodeForm(prefix=kind, label=label)
        if focus == f"add-{kind}" or kind in bound:
            add_forms[kind].fields["text"].widget.attrs["autofocus"] = True
    return render(request, "ideas/challenge_tree.html", {
        "challenge": challenge, "core_form": core_form, "focus": focus, "causes": causes, "effects": effects,
        "error_form": next((form for form in bound.values() if form.errors), None),
        "lists": [
            {"kind": "effect", "heading": _("Effects"), "rows": node_forms(effects),
             "intro": _("What the core problem leads to. They are drawn above it, as the tree's branches."),
             "add_form": add_forms["effect"]},
            {"kind": "cause", "heading": _("Causes"), "rows": node_forms(causes),
             "intro": _("What leads to the core problem. They are drawn below it, as the tree's roots."),
             "add_form": add_forms["cause"]},
        ],
        "max_nodes": services.MAX_NODES,
    }, status=status)


def _back_to_tree(challenge_pk: int, focus: str = ""):
    url = reverse("ideas:challenge_tree", args=[challenge_pk])
    # No "#fragment": a browser skips autofocus when the address points at an element.
    return redirect(f"{url}?focus={focus}" if focus else url)


@login_required
def challenge_tree(request, pk: int):
    challenge = _challenge_for_change(request, pk)
    if request.method == "POST":  # the core problem
        form = CoreProblemForm(request.POST, instance=Challenge.objects.get(pk=pk), prefix="core")
        if form.is_valid():
            try:
                services.challenge_update(challenge=Challenge.objects.get(pk=pk), by=request.user,
                                          core_problem=form.cleaned_data["core_problem"])
            except ValidationError as error:
                add_errors(form, error, renamed={"organisation": "owner"})
            else:
                messages.success(request, _("The core problem is saved."))
                return _back_to_tree(pk, "core-problem")
        return _tree_page(request, challenge, bound={"core": form})
    return _tree_page(request, challenge)


def _node_for_change(request, pk: int, node_pk: int) -> tuple[Challenge, ProblemTreeNode]:
    challenge = _challenge_for_change(request, pk)
    node = get_object_or_404(ProblemTreeNode.objects.select_related("challenge"), pk=node_pk, challenge_id=pk)
    return challenge, node


@login_required
@require_POST
def tree_node_add(request, pk: int, kind: str):
    challenge = _challenge_for_change(request, pk)
    if kind not in ProblemTreeNode.Kind.values:
        raise Http404
    label = _("New effect") if kind == "effect" else _("New cause")
    form = TreeNodeForm(request.POST, prefix=kind, label=label)
    if form.is_valid():
        try:
            node = services.tree_node_add(challenge=challenge, by=request.user, kind=kind,
                                          text=form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error, renamed={"organisation": "owner"})
        else:
            messages.success(request, _("Added: %(text)s") % {"text": node.text})
            return _back_to_tree(pk, f"add-{kind}")
    return _tree_page(request, challenge, bound={kind: form})


@login_required
@require_POST
def tree_node_edit(request, pk: int, node_pk: int):
    challenge, node = _node_for_change(request, pk, node_pk)
    prefix = f"node{node.pk}"
    form = TreeNodeForm(request.POST, prefix=prefix, label=_("Text"))
    if form.is_valid():
        try:
            services.tree_node_update(node=node, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error, renamed={"organisation": "owner"})
        else:
            messages.success(request, _("Saved: %(text)s") % {"text": node.text})
            return _back_to_tree(pk, f"node-{node.pk}")
    return _tree_page(request, challenge, bound={prefix: form})


@login_required
@require_POST
def tree_node_move(request, pk: int, node_pk: int):
    _challenge, node = _node_for_change(request, pk, node_pk)
    direction = request.POST.get("direction", "")
    try:
        services.tree_node_move(node=node, by=request.user, direction=direction)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back_to_tree(pk)
    return _back_to_tree(pk, f"{direction}-{node.pk}")


@login_required
@require_POST
def tree_node_delete(request, pk: int, node_pk: int):
    _challenge, node = _node_for_change(request, pk, node_pk)
    services.tree_node_delete(node=node, by=request.user)
    messages.success(request, _("Removed: %(text)s") % {"text": node.text})
    return _back_to_tree(pk, f"add-{node.kind}")

"""An idea's community (part C): support, follow, comments and replies, reports, and the moderation queue.

Thin: forms validate, the services check rights and write, the selectors read. Support and follow answer htmx
with the swapped button; without JavaScript every form posts and comes back to the idea's page. Whoever may not
see an idea gets 404, as on the idea's page.
"""

from urllib.parse import urlencode

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors_community, services_community, services_moderation
from .common import add_errors
from .forms_community import HONEYPOT, CommentEditForm, HideForm, ReportForm, comment_form
from .models import Comment, Idea, Report

COMMUNITY_TEMPLATE = "ideas/partials/idea_community.html"


def _idea_seen(request, pk: int) -> Idea:
    idea = Idea.objects.select_related("stage", "author").filter(pk=pk).first()
    if idea is None or not rules.has_perm("ideas.view_idea", request.user, idea):
        raise Http404
    return idea


def _comment_seen(request, pk: int) -> Comment:
    try:
        comment = selectors_community.comment_get(pk=pk)
    except Comment.DoesNotExist:
        raise Http404 from None
    if not rules.has_perm("ideas.view_idea", request.user, comment.idea):
        raise Http404
    return comment


def _comment_address(comment: Comment) -> str:
    page = selectors_community.comment_page(comment=comment)
    query = f"?{urlencode({'cpage': page})}" if page > 1 else ""
    return f"{comment.idea.get_absolute_url()}{query}#comment-{comment.pk}"


def _first_message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) if error.args else _("You do not have permission to do this.")


# Support and follow ------------------------------------------------------------------------------


def _button_answer(request, idea: Idea, *, partial: str, anchor: str, note: str = "", error: str = ""):
    """htmx: the swapped fragment with its note; otherwise back to the idea's page with a message."""
    if request.htmx:
        community = selectors_community.community_for(idea=idea, user=request.user, page=None)
        return render(request, f"{COMMUNITY_TEMPLATE}#{partial}", {
            "idea": idea, "community": community, f"{partial}_note": note, f"{partial}_error": error})
    if error:
        messages.error(request, error)
    elif note:
        messages.success(request, note)
    return redirect(f"{idea.get_absolute_url()}#{anchor}")


@require_POST
@login_required
def idea_support(request, pk: int):
    idea = _idea_seen(request, pk)
    if request.POST.get("action") == "withdraw":
        services_community.support_withdraw(idea=idea, by=request.user)
        note, error = _("You no longer support this idea."), ""
    else:
        try:
            services_community.support_add(idea=idea, by=request.user)
        except ValidationError as problem:  # already supported: say so, change nothing
            note, error = "", _first_message(problem)
        else:
            note, error = _("Thank you for supporting this idea."), ""
    return _button_answer(request, idea, partial="support", anchor="idea-support", note=note, error=error)


@require_POST
@login_required
def idea_follow(request, pk: int):
    idea = _idea_seen(request, pk)
    if request.POST.get("action") == "unfollow":
        services_community.follow_remove(idea=idea, by=request.user)
        note = _("You no longer follow this idea.")
    else:
        services_community.follow_add(idea=idea, by=request.user)
        note = _("You follow this idea: its updates, stage changes and comments come to your notifications.")
    return _button_answer(request, idea, partial="follow", anchor="idea-follow", note=note)


# Comments ----------------------------------------------------------------------------------------


@require_POST
@login_required
def idea_comment(request, pk: int):
    idea = _idea_seen(request, pk)
    if not services_community.may(request.user, "ideas.comment_idea", idea):
        raise PermissionDenied
    reply_to = request.POST.get("parent") or None
    parent = None
    if reply_to:
        parent = Comment.objects.select_related("author").filter(pk=reply_to if str(reply_to).isdigit() else 0,
                                                                  idea=idea).first()
        if parent is None:
            raise Http404
    form = comment_form(request.POST, key=f"c{parent.pk}" if parent else "new",
                        reply_to=parent.pk if parent else None)
    if form.is_valid():
        try:
            comment = services_community.comment_create(
                idea=idea, by=request.user, body=form.cleaned_data["body"], parent=parent,
                honeypot=form.cleaned_data.get(HONEYPOT, ""))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your reply is posted.") if parent else _("Your comment is posted."))
            return redirect(_comment_address(comment))
    return render(request, "ideas/partials/comment_form_page.html", {
        "idea": idea, "form": form, "parent": parent, "mode": "reply" if parent else "new",
        "action": reverse("ideas:idea_comment", args=[idea.pk])})


def comment(request, pk: int):
    """A comment's address (in notifications): its idea's page, on the page of threads that shows it."""
    return redirect(_comment_address(_comment_seen(request, pk)))


@login_required
def comment_edit(request, pk: int):
    comment = _comment_seen(request, pk)
    if not services_community.may(request.user, "ideas.change_comment", comment):
        if comment.author_id == request.user.pk and comment.body and comment.hidden_at is None:
            messages.error(request, _("A comment can be changed for %(minutes)s minutes after it is written.") % {
                "minutes": services_community.COMMENT_EDIT_MINUTES})
            return redirect(_comment_address(comment))
        raise PermissionDenied
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services_community.comment_update(comment=comment, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_errors(form, error)
        except PermissionDenied as problem:
            messages.error(request, _first_message(problem))
            return redirect(_comment_address(comment))
        else:
            messages.success(request, _("Your comment is changed."))
            return redirect(_comment_address(comment))
    return render(request, "ideas/partials/comment_form_page.html", {
        "idea": comment.idea, "form": form, "comment": comment, "mode": "edit",
        "edit_minutes": services_community.COMMENT_EDIT_MINUTES,
        "action": reverse("ideas:comment_edit", args=[comment.pk])})


@require_POST
@login_required
def comment_delete(request, pk: int):
    comment = _comment_seen(request, pk)
    idea = comment.idea
    services_community.comment_delete(comment=comment, by=request.user)
    messages.success(request, _("Your comment is deleted."))
    return redirect(f"{idea.get_absolute_url()}#comments")


# Reports -----------------------------------------------------------------------------------------


@login_required
def report_idea(request, pk: int):
    idea = _idea_seen(request, pk)
    if not services_moderation.may_report_idea(request.user, idea):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_moderation.report_idea(idea=idea, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you. The moderators will look at your report."))
            return redirect(idea)
    return render(request, "ideas/report.html", {
        "form": form, "idea": idea, "reported_comment": None,
        "already": request.method == "GET" and services_moderation.has_open_report(by=request.user, idea=idea)})


@login_required
def report_comment(request, pk: int):
    comment = _comment_seen(request, pk)
    if not services_moderation.may_report_comment(request.user, comment):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_moderation.report_comment(comment=comment, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you. The moderators will look at your report."))
            return redirect(_comment_address(comment))
    return render(request, "ideas/report.html", {
        "form": form, "idea": comment.idea, "reported_comment": comment,
        "already": request.method == "GET" and services_moderation.has_open_report(by=request.user,
                                                                                   comment=comment)})


# The moderation queue ----------------------------------------------------------------------------


def _moderator_checked(request) -> None:
    if not rules.has_perm("ideas.moderate", request.user):
        raise PermissionDenied


def _hide_form(item_key: str, data=None) -> HideForm:
    return HideForm(data, auto_id=f"id_%s_{item_key}")


@login_required
def moderation(request):
    _moderator_checked(request)
    queue = selectors_community.moderation_queue()
    for item in queue.items:
        item.form = _hide_form(item.key)
    return render(request, "ideas/moderation.html", {"queue": queue})


def _hide(request, *, key: str, service, subject: dict, reports, success: str, already: str, is_hidden: bool):
    form = _hide_form(key, request.POST or None)
    if is_hidden and request.method == "GET":
        messages.info(request, already)
        return redirect("ideas:moderation")
    if request.method == "POST" and form.is_valid():
        try:
            service(by=request.user, reason=form.cleaned_data["reason"], **subject)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("ideas:moderation")
    return render(request, "ideas/moderation_hide.html", {"form": form, "reports": list(reports), **subject})


@login_required
def moderation_idea_hide(request, pk: int):
    _moderator_checked(request)
    idea = Idea.objects.select_related("author").filter(pk=pk).first()
    if idea is None:
        raise Http404
    return _hide(request, key=f"idea{idea.pk}", service=services_moderation.idea_hide, subject={"idea": idea},
                 reports=selectors_community.open_reports().filter(idea=idea, comment__isnull=True),
                 success=_("“%(title)s” is hidden. Its team is told why.") % {"title": idea.title},
                 already=_("This idea has already been hidden."), is_hidden=idea.hidden_at is not None)


@login_required
def moderation_comment_hide(request, pk: int):
    _moderator_checked(request)
    comment = Comment.objects.select_related("author", "idea").filter(pk=pk).first()
    if comment is None:
        raise Http404
    return _hide(request, key=f"comment{comment.pk}", service=services_moderation.comment_hide,
                 subject={"comment": comment},
                 reports=selectors_community.open_reports().filter(comment=comment),
                 success=_("The comment is hidden. Its author is told why."),
                 already=_("This comment has already been hidden."), is_hidden=comment.hidden_at is not None)


def _done_or_told(request, service, success: str, **kwargs):
    try:
        service(by=request.user, **kwargs)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, success)
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("ideas:moderation")


@require_POST
@login_required
def moderation_idea_unhide(request, pk: int):
    _moderator_checked(request)
    idea = Idea.objects.filter(pk=pk).first()
    if idea is None:
        raise Http404
    return _done_or_told(request, services_moderation.idea_unhide,
                         _("“%(title)s” is shown again.") % {"title": idea.title}, idea=idea)


@require_POST
@login_required
def moderation_comment_unhide(request, pk: int):
    _moderator_checked(request)
    comment = Comment.objects.filter(pk=pk).first()
    if comment is None:
        raise Http404
    return _done_or_told(request, services_moderation.comment_unhide, _("The comment is shown again."),
                         comment=comment)


@require_POST
@login_required
def moderation_dismiss(request, pk: int):
    _moderator_checked(request)
    report = Report.objects.select_related("idea", "comment").filter(pk=pk).first()
    if report is None:
        raise Http404
    return _done_or_told(request, services_moderation.report_dismiss,
                         _("The report is dismissed; nothing was hidden."), report=report)

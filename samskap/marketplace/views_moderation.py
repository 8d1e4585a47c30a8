"""Reporting an ad or a message, and the hub admins' moderation queue. Thin: forms validate, the moderation
services check rights and write, the selectors read."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors_moderation, services_moderation
from .forms_moderation import HideForm, ReportForm
from .models import Ad, Conversation, Message, Report
from .permissions import is_ad_owner


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the fields they name, the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _moderator_checked(request) -> None:
    if not request.user.has_perm("marketplace.moderate"):
        raise PermissionDenied


# Reporting -------------------------------------------------------------------------------------------


@login_required
def report_ad(request, pk: int):
    ad = Ad.objects.select_related("owner", "organisation").filter(pk=pk).first()
    if ad is None or not request.user.has_perm("marketplace.view_ad", ad):
        raise Http404
    if is_ad_owner(request.user, ad):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_moderation.report_ad(ad=ad, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Thank you. The hub admins will look at your report."))
            return redirect(ad)
    return render(request, "marketplace/report.html", {
        "form": form, "ad": ad, "reported_message": None, "back_url": ad.get_absolute_url(),
        "already": request.method == "GET" and services_moderation.has_open_report(by=request.user, ad=ad),
    })


@login_required
def report_message(request, conversation_pk: int, message_pk: int):
    conversation = Conversation.objects.select_related("ad", "respondent").filter(pk=conversation_pk).first()
    # The rule itself, not user.has_perm: that lets superusers (hub admins) into every conversation.
    if conversation is None or not rules.has_perm("marketplace.view_conversation", request.user, conversation):
        raise Http404
    message = Message.objects.select_related("sender", "conversation__ad").filter(
        pk=message_pk, conversation=conversation).first()
    if message is None:
        raise Http404
    if message.sender_id == request.user.pk:
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_moderation.report_message(message=message, by=request.user,
                                               reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Thank you. The hub admins will look at your report."))
            return redirect(conversation)
    return render(request, "marketplace/report.html", {
        "form": form, "ad": conversation.ad, "reported_message": message,
        "back_url": conversation.get_absolute_url(),
        "already": request.method == "GET" and services_moderation.has_open_report(by=request.user,
                                                                                   message=message),
    })


# The queue -------------------------------------------------------------------------------------------


def _hide_form(item_key: str, data=None) -> HideForm:
    return HideForm(data, auto_id=f"id_%s_{item_key}")


@login_required
def moderation(request):
    _moderator_checked(request)
    queue = selectors_moderation.moderation_queue()
    for item in queue.items:
        item.form = _hide_form(item.key)
    return render(request, "marketplace/moderation.html", {"queue": queue})


def _hide_page(request, *, form, ad=None, message=None, reports=()):
    return render(request, "marketplace/moderation_hide.html", {
        "form": form, "ad": ad if ad is not None else message.conversation.ad, "reported_message": message,
        "reports": reports})


@login_required
def ad_hide(request, pk: int):
    _moderator_checked(request)
    ad = Ad.objects.select_related("owner", "organisation").filter(pk=pk).first()
    if ad is None:
        raise Http404
    form = _hide_form(f"ad{ad.pk}", request.POST or None)
    if ad.hidden_at is not None and request.method == "GET":
        messages.info(request, _("This ad has already been hidden."))
        return redirect("marketplace:moderation")
    if request.method == "POST" and form.is_valid():
        try:
            services_moderation.ad_hide(ad=ad, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("“%(title)s” is hidden. Its author is told why.") % {"title": ad.title})
            return redirect("marketplace:moderation")
    reports = list(selectors_moderation.open_reports().filter(ad=ad, message__isnull=True))
    return _hide_page(request, form=form, ad=ad, reports=reports)


@login_required
def message_hide(request, pk: int):
    _moderator_checked(request)
    message = Message.objects.select_related("sender", "conversation__ad").filter(pk=pk).first()
    # Hub admins read a message only when a party reported it.
    if message is None or not message.reports.exists():
        raise Http404
    form = _hide_form(f"message{message.pk}", request.POST or None)
    if message.hidden_at is not None and request.method == "GET":
        messages.info(request, _("This message has already been hidden."))
        return redirect("marketplace:moderation")
    if request.method == "POST" and form.is_valid():
        try:
            services_moderation.message_hide(message=message, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The message is hidden. Both parties see why."))
            return redirect("marketplace:moderation")
    reports = list(selectors_moderation.open_reports().filter(message=message))
    return _hide_page(request, form=form, message=message, reports=reports)


def _done_or_told(request, service, success: str, **kwargs):
    try:
        service(by=request.user, **kwargs)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, success)
    return redirect("marketplace:moderation")


@require_POST
@login_required
def ad_unhide(request, pk: int):
    _moderator_checked(request)
    ad = Ad.objects.filter(pk=pk).first()
    if ad is None:
        raise Http404
    return _done_or_told(request, services_moderation.ad_unhide,
                         _("“%(title)s” is shown again.") % {"title": ad.title}, ad=ad)


@require_POST
@login_required
def message_unhide(request, pk: int):
    _moderator_checked(request)
    message = Message.objects.filter(pk=pk).first()
    if message is None:
        raise Http404
    return _done_or_told(request, services_moderation.message_unhide, _("The message is shown again."),
                         message=message)


@require_POST
@login_required
def report_dismiss(request, pk: int):
    _moderator_checked(request)
    report = Report.objects.select_related("ad", "message").filter(pk=pk).first()
    if report is None:
        raise Http404
    return _done_or_told(request, services_moderation.report_dismiss,
                         _("The report is dismissed; nothing was hidden."), report=report)

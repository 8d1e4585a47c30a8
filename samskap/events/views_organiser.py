"""The participant list, exports, printouts and the check-in desk. Thin: selectors read, services write."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samskap.actors.selectors_people import Page, page_with_total

from . import exports, pdf
from . import selectors_organiser as selectors
from . import services_invitations as invitations
from . import services_organiser as services
from .models import Event, Registration
from .services_registration import registration_mark_paid

PER_PAGE = 100


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name, organisation or e-mail"), required=False, max_length=100)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    payment_status = forms.ChoiceField(label=gettext_lazy("Payment"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All but cancelled")), *Registration.Status.choices]
        self.fields["payment_status"].choices = [("", _("All")), *Registration.PaymentStatus.choices]


def _event_or_404(request, slug: str) -> Event:
    try:
        event = selectors.event_for_organisers(slug=slug)
    except Event.DoesNotExist:
        raise Http404
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def _event_for(request, slug: str, perm: str) -> Event:
    event = _event_or_404(request, slug)
    if not request.user.has_perm(perm, event):
        raise PermissionDenied
    return event


def _page(request, items) -> Page:
    """One page of the list and the number of all rows, in one query."""
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    return page_with_total(items, number=number, per_page=PER_PAGE)


# Participant list --------------------------------------------------------------------------------

def participants(request, slug: str):
    """Public: who chose to appear, and how many are coming. Organisers: everyone, with the details."""
    event = _event_or_404(request, slug)
    if request.user.has_perm("events.view_registrations", event):
        return _participants_for_organisers(request, event)
    counts = selectors.attendance_counts(event=event)
    page = _page(request, selectors.participants_public(event=event)) if event.participant_list_public else None
    return render(request, "events/participants.html", {"event": event, "page": page,
                                                        "confirmed": counts["confirmed"]})


def _participants_for_organisers(request, event: Event):
    form = ParticipantFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    registrations = selectors.registrations_for_organisers(
        event=event, status=filters.get("status", ""), payment_status=filters.get("payment_status", ""),
        query=filters.get("q", ""))
    page = _page(request, registrations)
    questions = selectors.event_questions(event=event)
    for registration in page.items:
        registration.answer_list = [(question.label, selectors.answer_text(question, registration.answers))
                                    for question in questions]
    user = request.user
    return render(request, "events/participants_organiser.html", {
        "event": event, "form": form, "page": page,
        "counts": selectors.registration_counts(event=event), "filtered": bool(request.GET.keys() - {"page"}),
        "feedback": selectors.event_feedback(event=event),
        "can": {"mark_paid": user.has_perm("events.mark_paid", event),
                "export": user.has_perm("events.export_registrations", event),
                "check_in": user.has_perm("events.check_in", event)},
    })


@login_required
@require_POST
def participant_payment(request, slug: str, pk: int):
    event = _event_for(request, slug, "events.mark_paid")
    registration = get_object_or_404(Registration, pk=pk, event=event)
    registration.event = event
    paid = request.POST.get("paid") == "1"
    try:
        registration_mark_paid(registration=registration, paid=paid, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, (_("%(name)s is marked paid.") if paid else _("%(name)s is marked unpaid."))
                         % {"name": registration.name})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("events:participants", args=[event.slug])
    return redirect(target)


# Exports and printouts ---------------------------------------------------------------------------

@login_required
@require_GET
def participants_export(request, slug: str, kind: str, file_format: str):
    event = _event_for(request, slug, "events.export_registrations")
    return exports.export_response(event=event, kind=kind, file_format=file_format)


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
@require_GET
def participants_badges(request, slug: str):
    event = _event_for(request, slug, "events.export_registrations")
    return _pdf_response(pdf.badges_pdf(event=event), f"{event.slug}-badges.pdf")


@login_required
@require_GET
def participants_sign_in_list(request, slug: str):
    event = _event_for(request, slug, "events.export_registrations")
    return _pdf_response(pdf.sign_in_pdf(event=event), f"{event.slug}-sign-in-list.pdf")


# Check-in ----------------------------------------------------------------------------------------

def _check_in_context(event: Event, *, query: str, outcome: dict | None = None,
                      found: Registration | None = None) -> dict:
    results = [found] if found else selectors.check_in_search(event=event, query=query)
    return {"event": event, "query": query, "results": results, "outcome": outcome,
            "counts": selectors.attendance_counts(event=event)}


def _outcome(level: str, text: str) -> dict:
    return {"level": level, "text": text}


def _check_in_reply(request, event: Event, *, query: str, outcome: dict, found: Registration | None = None):
    """The live part of the desk for htmx; otherwise back to the page (post/redirect/get) with a message."""
    if request.htmx:
        return render(request, "events/partials/check_in_reply.html",
                      _check_in_context(event, query=query, outcome=outcome, found=found))
    getattr(messages, outcome["level"])(request, outcome["text"])
    params = {"q": query} if query else {"code": found.check_in_code} if found else {}
    url = reverse("events:check_in", args=[event.slug])
    return redirect(f"{url}?{urlencode(params)}" if params else url)


@login_required
def check_in(request, slug: str):
    """The desk: a code field (typed, pasted, or filled by the camera), search by name, live counts."""
    event = _event_for(request, slug, "events.check_in")
    if request.method == "POST":
        return _check_in_post(request, event)
    query = request.GET.get("q", "").strip()[:100]
    code = request.GET.get("code", "").strip()[:500]
    outcome, found = None, None
    if code:  # a phone's own camera app opened the URL in the QR code: show whose it is, check in on a click
        found = selectors.registration_by_code(payload=code)
        if found is None or found.event_id != event.pk:
            outcome, found = _outcome("error", _("No registration for this event has this code.")), None
    context = _check_in_context(event, query=query, outcome=outcome, found=found)
    if request.htmx:
        return render(request, "events/partials/check_in_reply.html", context)
    return render(request, "events/check_in.html", context)


def _check_in_post(request, event: Event):
    query = request.POST.get("q", "").strip()[:100]
    registration = None
    if chosen := request.POST.get("registration", ""):
        if not chosen.isdigit():
            raise Http404
        registration = get_object_or_404(Registration, pk=chosen, event=event)
        registration.event = event
    try:
        result = services.registration_check_in(event=event, code=request.POST.get("code", "")[:500],
                                                registration=registration, by=request.user)
    except ValidationError as error:
        return _check_in_reply(request, event, query=query, outcome=_outcome("error", " ".join(error.messages)))
    name = result.registration.name
    if result.already:
        outcome = _outcome("info", _("%(name)s was already checked in.") % {"name": name})
    else:
        outcome = _outcome("success", _("%(name)s is checked in.") % {"name": name})
    # Found by code: show that person (to undo a mistake); found by name: the same search again.
    found = None if query else result.registration
    return _check_in_reply(request, event, query=query, outcome=outcome, found=found)


@login_required
@require_POST
def check_in_undo(request, slug: str, pk: int):
    event = _event_for(request, slug, "events.check_in")
    registration = get_object_or_404(Registration, pk=pk, event=event)
    services.registration_undo_check_in(event=event, registration=registration, by=request.user)
    query = request.POST.get("q", "").strip()[:100]
    outcome = _outcome("info", _("The check-in of %(name)s was undone.") % {"name": registration.name})
    return _check_in_reply(request, event, query=query, outcome=outcome, found=None if query else registration)


@login_required
@require_GET
def check_in_counts(request, slug: str):
    """Checked in of confirmed: polled by the desk every few seconds."""
    event = _event_for(request, slug, "events.check_in")
    return render(request, "events/partials/check_in_counts.html",
                  {"event": event, "counts": selectors.attendance_counts(event=event)})


# Invitations -------------------------------------------------------------------------------------

class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=gettext_lazy("E-mail addresses"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One per line, or separated by commas. Each gets its own registration link."))

    def clean_emails(self) -> list[str]:
        return invitations.invitation_emails_parse(self.cleaned_data["emails"])


@login_required
def event_invitations(request, slug: str):
    """Who is invited to an event "by invitation", and the form to invite more."""
    event = _event_for(request, slug, "events.change_event")
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = invitations.invitations_send(event=event, by=request.user, emails=form.cleaned_data["emails"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            skipped = len(form.cleaned_data["emails"]) - len(created)
            messages.success(request, _("%(new)s invited; %(old)s already were.") % {"new": len(created), "old": skipped})
            return redirect("events:invitations", slug=event.slug)
    return render(request, "events/invitations.html", {
        "event": event, "form": form, "invitations": selectors.event_invitations(event=event)})


@login_required
@require_POST
def event_invitation_change(request, slug: str, pk: int):
    event = _event_for(request, slug, "events.change_event")
    invitation = get_object_or_404(event.invitations, pk=pk)
    if request.POST.get("action") == "remove":
        invitations.invitation_remove(invitation=invitation, by=request.user)
        messages.success(request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email})
    else:
        invitations.invitation_resend(invitation=invitation, by=request.user)
        messages.success(request, _("The invitation is sent to %(email)s again.") % {"email": invitation.email})
    return redirect("events:invitations", slug=event.slug)

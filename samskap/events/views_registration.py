"""Registration pages: the register form, and the registrant's own pages behind the secret in their link.

The self-service pages need no account: the token in the address is the key (as in the e-mails).
Thin: forms validate, services_registration writes.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services_registration as services
from .emails import check_in_qr_svg
from .forms_registration import AnswersForm, FeedbackForm, RegistrationForm
from .ical import event_ics
from .models import Event, EventInvitation, Registration

Status = Registration.Status


def _event_or_404(request, slug: str) -> Event:
    event = get_object_or_404(Event.objects.prefetch_related("ticket_types", "questions"), slug=slug)
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def _registration_or_404(token: str) -> Registration:
    return get_object_or_404(Registration.objects.select_related("event", "ticket_type"), token=token)


def _no_referrer(response: HttpResponse) -> HttpResponse:
    """Pages whose address is a secret must not hand it to the sites they link to.

    "same-origin", not "no-referrer": under "no-referrer" browsers send `Origin: null` with the
    page's own forms (confirm, cancel, accept the offer …), and Django's CSRF check refuses them.
    """
    response["Referrer-Policy"] = "same-origin"
    return response


def my_registration(event: Event, user) -> Registration | None:
    """The member's live registration for the event, if any."""
    if not (user and user.is_authenticated):
        return None
    return (Registration.objects.filter(event=event, user=user).exclude(status=Status.CANCELLED)
            .select_related("ticket_type").first())


@require_http_methods(["GET", "POST"])
def register(request, slug: str):
    event = _event_or_404(request, slug)
    user = request.user if request.user.is_authenticated else None
    mine = my_registration(event, user)
    if mine is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect(mine)
    invitation_token = request.GET.get("invitation", "")
    invitation = (EventInvitation.objects.filter(event=event, token=invitation_token).first()
                  if invitation_token else None)
    form = None
    state = event.registration_state
    members_only = event.audience == Event.Audience.MEMBERS and user is None
    if state == "open" and not members_only:
        form = RegistrationForm(request.POST or None, event=event, user=user,
                                invited_email=invitation.email if invitation else "")
        if request.method == "POST" and form.is_valid():
            try:
                registration = services.registration_create(
                    event=event, user=user, language=request.LANGUAGE_CODE,
                    invitation_token=invitation.token if invitation else None, **form.service_fields())
            except ValidationError as error:
                form.add_service_error(error)
            else:
                if registration.status == Status.UNCONFIRMED:
                    return redirect("events:register_sent", slug=event.slug)
                if registration.status == Status.WAITING:
                    messages.info(request, _("The event is full: you are on the waiting list. We will e-mail you "
                                             "if a place frees up."))
                else:
                    messages.success(request, _("You are registered. The confirmation is on its way by e-mail."))
                return redirect(services.payment_begin(registration=registration) or registration.get_absolute_url())
    return render(request, "events/register.html", {
        "event": event, "form": form, "state": state, "members_only": members_only,
        "places_left": services.places_left(event), "invitation": invitation,
    })


def register_sent(request, slug: str):
    event = _event_or_404(request, slug)
    return render(request, "events/register_sent.html", {"event": event})


@require_http_methods(["GET", "POST"])
def registration_detail(request, token: str):
    registration = _registration_or_404(token)
    event = registration.event
    now = timezone.now()
    changeable = registration.status != Status.CANCELLED and event.end > now
    form = AnswersForm(request.POST or None, registration=registration) if changeable else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.registration_update_answers(registration=registration, **form.service_fields())
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(registration)
    confirmed = registration.status == Status.CONFIRMED
    return _no_referrer(render(request, "events/registration.html", {
        "registration": registration, "event": event, "form": form,
        "qr_svg": check_in_qr_svg(registration, title=_("QR code for check-in")) if confirmed else "",
        "show_online_link": confirmed and bool(event.online_url),
        "may_cancel": registration.status != Status.CANCELLED and event.start > now,
        "may_give_feedback": confirmed and event.end <= now,
    }))


@require_http_methods(["GET", "POST"])
def registration_confirm(request, token: str):
    """The link in a guest's e-mail: a button confirms, so link checkers that open mail links confirm nothing."""
    registration = _registration_or_404(token)
    if registration.status != Status.UNCONFIRMED:
        return redirect(registration)
    error = ""
    if request.method == "POST":
        try:
            registration = services.registration_confirm_email(token=token)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            if registration.status == Status.WAITING:
                messages.info(request, _("Thank you. The event is full: you are on the waiting list, and we will "
                                         "e-mail you if a place frees up."))
            else:
                messages.success(request, _("Thank you, you are registered. The confirmation is on its way by "
                                            "e-mail."))
            return redirect(services.payment_begin(registration=registration) or registration.get_absolute_url())
    return _no_referrer(render(request, "events/registration_confirm.html", {
        "registration": registration, "event": registration.event, "error": error}))


@require_http_methods(["GET", "POST"])
def registration_cancel(request, token: str):
    registration = _registration_or_404(token)
    error = ""
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("Your registration is cancelled."))
            return redirect(registration)
    return _no_referrer(render(request, "events/registration_cancel.html", {
        "registration": registration, "event": registration.event, "error": error}))


@require_http_methods(["GET", "POST"])
def offer(request, token: str):
    registration = _registration_or_404(token)
    error = ""
    if request.method == "POST":
        answer = request.POST.get("answer")
        try:
            if answer == "accept":
                services.offer_accept(registration=registration)
                messages.success(request, _("The place is yours. The confirmation is on its way by e-mail."))
            elif answer == "decline":
                services.offer_decline(registration=registration)
                messages.info(request, _("You declined the place; it goes to the next person on the waiting list."))
            else:
                raise ValidationError(_("Choose whether you take the place."), code="answer")
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            return redirect(registration)
    elif registration.status != Status.OFFERED:
        return redirect(registration)
    return _no_referrer(render(request, "events/registration_offer.html", {
        "registration": registration, "event": registration.event, "error": error}))


@require_http_methods(["GET", "POST"])
def feedback(request, token: str):
    registration = _registration_or_404(token)
    existing = getattr(registration, "feedback", None)
    form = FeedbackForm(request.POST or None,
                        initial={"rating": existing.rating, "comment": existing.comment} if existing else None)
    error = ""
    if registration.status != Status.CONFIRMED:
        error = _("Only participants can give feedback.")
    elif registration.event.end > timezone.now():
        error = _("You can give feedback when the event is over.")
    elif request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(registration=registration, **form.cleaned_data)
        except ValidationError as problem:
            form.add_error(None, problem)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect(registration)
    return _no_referrer(render(request, "events/registration_feedback.html", {
        "registration": registration, "event": registration.event, "form": form, "error": error}))


def registration_ics(request, token: str):
    registration = _registration_or_404(token)
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(event_ics(registration.event, base_url=base_url, registration=registration),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{registration.event.slug}.ics"'
    return _no_referrer(response)

"""Event pages: the list, the month, an event, and creating, editing, publishing and cancelling one.

Thin: forms validate, services write, selectors read.
"""

import datetime
import functools
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.fragments import DIRECTORY, EVENTS, cached_fragment, generation
from samskap.core.paging import page_number

from . import selectors, services
from .forms import EventFilterForm, EventForm, QuestionFormSet, TicketTypeFormSet, formset_rows
from .models import Event

PAGE_SIZE = 20
# Visitors' copies of the list and of an event page: outdated by any change to events or the directory
# (organisers' names), and after a minute at most, for "upcoming" and "registration open" change with the clock.
FRAGMENT_GENERATIONS = (DIRECTORY, EVENTS)
FRAGMENT_TIMEOUT = 60
PERMS = ("change_event", "cancel_event", "view_registrations", "export_registrations", "check_in", "mark_paid",
         "change_programme")


def _event_or_404(slug: str, viewer) -> Event:
    try:
        return selectors.event_get(slug=slug, viewer=viewer)
    except Event.DoesNotExist:
        raise Http404


def _filter_form(request) -> tuple[EventFilterForm, dict, list[str]]:
    form = EventFilterForm(request.GET or None, themes=selectors.filter_themes(),
                           organisers=selectors.organiser_choices())
    filters = form.valid_filters() if form.is_bound else {}
    problems = [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]
    return form, filters, problems


def _event_list_context(request) -> dict:
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    form, filters, problems = _filter_form(request)
    events = selectors.event_list(when=when, viewer=request.user, **filters)
    paginator = Paginator(events, PAGE_SIZE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return {
        "filter_form": form, "page": page, "paginator": paginator, "problems": problems, "when": when,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1), "filtered": bool(filters),
        "feed_url": (feed_url := _feed_url(filters)), "feed_is_filtered": feed_url != reverse("events:feed"),
    }


def event_list(request):
    if request.user.is_authenticated:  # members see their drafts and buttons: rendered for them
        return render(request, "events/event_list.html", _event_list_context(request))
    context = functools.cache(partial(_event_list_context, request))  # built only on a miss, once
    key = ("events", sorted(request.GET.lists()))
    return render(request, "events/event_list.html", {
        "when": "past" if request.GET.get("when") == "past" else "upcoming",
        "cached_head": cached_fragment(request, "events/partials/event_list_head.html", context, key=key,
                                       generations=FRAGMENT_GENERATIONS, timeout=FRAGMENT_TIMEOUT),
        "cached_content": cached_fragment(request, "events/partials/event_list_content.html", context, key=key,
                                          generations=FRAGMENT_GENERATIONS, timeout=FRAGMENT_TIMEOUT),
    })


def _feed_url(filters: dict) -> str:
    """The calendar feed closest to what the list shows: one organisation's, theme's or place's, or all."""
    if (organiser := filters.get("organiser")) and organiser != "hub":
        return reverse("events:feed_organisation", args=[organiser])
    for name in ("theme", "place"):
        if slug := filters.get(name):
            return reverse(f"events:feed_{name}", args=[slug])
    return reverse("events:feed")


def event_month(request):
    form, filters, problems = _filter_form(request)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        datetime.date(year, month, 1)
        if not 1900 <= year <= 2200:
            raise ValueError
    except ValueError:
        problems.append(_("There is no such month, so this month is shown."))
        year, month = today.year, today.month
    calendar = selectors.event_month(year=year, month=month, filters=filters, viewer=request.user)
    return render(request, "events/event_month.html", {
        "filter_form": form, "problems": problems, "calendar": calendar, "filtered": bool(filters),
        "weekdays": calendar.weeks[0],
    })


def _event_detail_context(request, slug: str) -> dict:
    try:
        page = selectors.event_detail(slug=slug, viewer=request.user)
    except Event.DoesNotExist:
        raise Http404
    event = page.event
    can = {name: request.user.has_perm(f"events.{name}", event) for name in PERMS}
    # Only asked while there is a link to use: the check looks up the viewer's registration.
    can["view_online_link"] = (bool(event.online_url) and not page.event_has_ended
                               and request.user.has_perm("events.view_online_link", event))
    return {"event": event, "page": page, "can": can, "registration": page.viewer_registration}


def event_detail(request, slug: str):
    if request.user.is_authenticated:  # their registration, the online link, the organisers' buttons
        return render(request, "events/event_detail.html", _event_detail_context(request, slug))
    # Which event the address names, kept with the cached copies (any change to an event outdates both).
    known_key = f"event-at:{generation(EVENTS)}:{slug}"
    known = cache.get(known_key)
    if known is None:
        found = Event.objects.published().only("title", "slug").filter(slug=slug).first()
        if found is None:
            raise Http404
        known = (found.pk, found.title)
        cache.set(known_key, known, FRAGMENT_TIMEOUT)
    event = Event(pk=known[0], title=known[1], slug=slug)
    context = functools.cache(partial(_event_detail_context, request, slug))
    key = ("event", event.pk)
    return render(request, "events/event_detail.html", {
        "event": event,
        "cached_head": cached_fragment(request, "events/partials/event_detail_head.html", context, key=key,
                                       generations=FRAGMENT_GENERATIONS, timeout=FRAGMENT_TIMEOUT),
        "cached_content": cached_fragment(request, "events/partials/event_detail_content.html", context, key=key,
                                          generations=FRAGMENT_GENERATIONS, timeout=FRAGMENT_TIMEOUT),
    })


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the fields they name, the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _form_page(request, form, tickets, questions, *, event=None):
    return render(request, "events/event_form.html", {
        "form": form, "tickets": tickets, "questions": questions, "event": event,
        "has_organisers": bool(form.fields["organisers"].choices) or "organised_by_hub" in form.fields,
    })


def _bound(request, instance: Event):
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = EventForm(data, files, instance=instance, user=request.user)
    tickets = TicketTypeFormSet(data, instance=instance, prefix="tickets")
    questions = QuestionFormSet(data, instance=instance, prefix="questions")
    return form, tickets, questions


def _children(tickets, questions) -> dict:
    return {"ticket_types": formset_rows(tickets, ("name", "price", "capacity")),
            "questions": formset_rows(questions, ("label", "kind", "choices", "required"))}


@login_required
def event_create(request):
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied
    form, tickets, questions = _bound(request, Event())
    if request.method == "POST" and all([form.is_valid(), tickets.is_valid(), questions.is_valid()]):
        common = dict(by=request.user, organisers=form.cleaned_data["organisers"],
                      organised_by_hub=form.cleaned_data.get("organised_by_hub", False),
                      cover_image=form.cleaned_data.get("cover_image") or None, **_children(tickets, questions),
                      **form.service_fields())
        try:
            if form.series_rule:
                series = services.series_create(rule=form.series_rule, **common)
                event = series.occurrences.order_by("start").first()
                messages.success(request, _("%(count)s drafts were made, one for each date. Check them and publish "
                                            "them.") % {"count": series.occurrences.count()})
            else:
                event = services.event_create(**common)
                messages.success(request, _("The event is saved as a draft. Publish it when it is ready."))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(event)
    return _form_page(request, form, tickets, questions)


@login_required
def event_edit(request, slug: str):
    event = _event_or_404(slug, request.user)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    # The form changes its instance while validating; it gets a copy, so the page keeps the saved title.
    form, tickets, questions = _bound(request, Event.objects.get(pk=event.pk))
    if request.method == "POST" and all([form.is_valid(), tickets.is_valid(), questions.is_valid()]):
        try:
            services.event_update(
                event=event, by=request.user, organisers=form.cleaned_data["organisers"],
                organised_by_hub=form.cleaned_data.get("organised_by_hub", event.organised_by_hub),
                cover_image=form.cleaned_data.get("cover_image") or None,
                remove_cover=form.cleaned_data.get("remove_cover", False), **_children(tickets, questions),
                **form.service_fields())
        except ValidationError as error:
            event.refresh_from_db()  # the service set the refused values on it
            _add_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(event)
    return _form_page(request, form, tickets, questions, event=event)


@login_required
def event_cancel(request, slug: str):
    event = _event_or_404(slug, request.user)
    if not request.user.has_perm("events.cancel_event", event):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.event_cancel(event=event, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The event is cancelled. Everyone registered gets an e-mail."))
        return redirect(event)
    # Those notify_event_cancelled writes to: guests who never confirmed their address are not told.
    registered = event.registrations.exclude(status__in=["cancelled", "unconfirmed"]).count()
    return render(request, "events/event_cancel.html", {"event": event, "registered": registered})


@login_required
@require_POST
def event_publish(request, slug: str):
    event = _event_or_404(slug, request.user)
    try:
        services.event_publish(event=event, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event is published."))
    return redirect(event)

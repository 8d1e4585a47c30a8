"""Funding pages: the list, closing soon, for my organisations, a call, adding, editing, hiding and deleting one,
and the deadlines as calendars.

Thin: forms validate, services write, selectors read. Visitors' copies of the list, closing soon and a call page
are cached (samskap.core.fragments) under the knowledge and directory generations (the funders' names), for a
minute at most: what is open, and how many days are left, change with the clock.
"""

import functools
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samskap.core.fragments import DIRECTORY, KNOWLEDGE, cached_fragment, generation
from samskap.core.models import Theme
from samskap.core.paging import page_number
from samskap.core.selectors import hub_settings_get
from samskap.core.http import etag_for

from . import selectors_funding as selectors
from . import services_funding as services
from .forms_funding import (DeadlineFormSet, FundingCallForm, FundingFilterForm, call_and_deadlines_valid,
                            deadline_initial, deadline_rows)
from .ical import deadlines_calendar
from .models import FundingCall

PAGE_SIZE = 20
FRAGMENT_GENERATIONS = (KNOWLEDGE, DIRECTORY)
FRAGMENT_TIMEOUT = 60
FEED_MAX_AGE = 15 * 60
FEED_BODY_TIMEOUT = 60 * 60
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _call_or_404(slug: str, viewer) -> FundingCall:
    try:
        return selectors.funding_call_get(slug=slug, viewer=viewer)
    except FundingCall.DoesNotExist:
        raise Http404 from None


def _zone_key() -> str:
    zone = timezone.get_current_timezone()
    return getattr(zone, "key", str(zone))


def _visitor_page(request, template: str, parts: dict[str, str], context, key: tuple, extra: dict | None = None):
    """Render `template` for a visitor with its parts ({name: partial template}) from the fragment cache."""
    context = functools.cache(context)  # built only on a miss, once
    key = key + (_zone_key(),)
    rendered = {name: cached_fragment(request, partial_template, context, key=key, generations=FRAGMENT_GENERATIONS,
                                      timeout=FRAGMENT_TIMEOUT)
                for name, partial_template in parts.items()}
    return render(request, template, {**(extra or {}), **rendered})


# The list ----------------------------------------------------------------------------------------

def _filter_form(request) -> tuple[FundingFilterForm, dict, list[str]]:
    form = FundingFilterForm(request.GET or None, themes=selectors.filter_themes())
    filters = form.valid_filters() if form.is_bound else {}
    problems = [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]
    return form, filters, problems


def _list_context(request) -> dict:
    form, filters, problems = _filter_form(request)
    include_closed = bool(filters.pop("closed", False))
    calls = selectors.funding_call_list(viewer=request.user, include_closed=include_closed, **filters)
    paginator = Paginator(calls, PAGE_SIZE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    feed_url = reverse("knowledge:funding_deadlines_ical")
    if filters.get("theme"):
        feed_url += "?theme=" + filters["theme"]
    return {
        "filter_form": form, "page": page, "paginator": paginator, "problems": problems,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        "filtered": bool(filters) or include_closed, "include_closed": include_closed, "now": timezone.now(),
        "feed_url": feed_url, "feed_is_filtered": bool(filters.get("theme")),
    }


def funding_calls(request):
    if request.user.is_authenticated:  # members see hidden calls of their organisations: rendered for them
        return render(request, "knowledge/funding_list.html", _list_context(request))
    return _visitor_page(request, "knowledge/funding_list.html",
                         {"cached_head": "knowledge/partials/funding_list_head.html",
                          "cached_content": "knowledge/partials/funding_list_content.html"},
                         partial(_list_context, request), key=("funding", sorted(request.GET.lists())))


def _closing_soon_context(request) -> dict:
    calls = list(selectors.funding_closing_soon(viewer=request.user))
    return {"calls": calls, "days": selectors.CLOSING_SOON_DAYS}


def funding_closing_soon(request):
    if request.user.is_authenticated:
        return render(request, "knowledge/funding_closing_soon.html", _closing_soon_context(request))
    return _visitor_page(request, "knowledge/funding_closing_soon.html",
                         {"cached_content": "knowledge/partials/funding_closing_soon_content.html"},
                         partial(_closing_soon_context, request), key=("funding-closing-soon",))


@login_required
def funding_for_me(request):
    groups = selectors.funding_for_me(user=request.user)
    return render(request, "knowledge/funding_for_me.html", {
        "groups": groups, "fitting": sum(len(group.calls) for group in groups)})


# A call ------------------------------------------------------------------------------------------

PERMS = ("change_fundingcall", "delete_fundingcall")


def _call_context(request, slug: str) -> dict:
    call = _call_or_404(slug, request.user)
    can = {name: request.user.has_perm(f"knowledge.{name}", call) for name in PERMS}
    return {"call": call, "can": can, "is_open": call.is_rolling or call.next_deadline is not None,
            "deadlines": list(call.deadlines.all()), "places": list(call.eligible_places.all()),
            "themes": list(call.themes.all()), "now": timezone.now()}


def funding_call(request, slug: str):
    if request.user.is_authenticated:  # their buttons, and hidden calls of their organisations
        return render(request, "knowledge/funding_call.html", _call_context(request, slug))
    # Which call the address names, kept with the cached copies (any change to a call outdates both).
    known_key = f"funding-call-at:{generation(KNOWLEDGE)}:{slug}"
    known = cache.get(known_key)
    if known is None:
        found = FundingCall.objects.published().only("title", "slug").filter(slug=slug).first()
        if found is None:
            raise Http404
        known = (found.pk, found.title)
        cache.set(known_key, known, FRAGMENT_TIMEOUT)
    call = FundingCall(pk=known[0], title=known[1], slug=slug)
    return _visitor_page(request, "knowledge/funding_call.html",
                         {"cached_content": "knowledge/partials/funding_call_content.html"},
                         partial(_call_context, request, slug), key=("funding-call", call.pk), extra={"call": call})


def _add_errors(form, formset, error: ValidationError) -> None:
    """Put a service's errors on the fields they name; deadline errors on the rows, the rest at the top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            if name == "deadlines":
                formset._non_form_errors = formset.error_class(
                    list(formset.non_form_errors()) + [message for e in errors for message in e.messages],
                    renderer=formset.renderer)
            else:
                form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _form_page(request, form, deadlines, *, call=None):
    return render(request, "knowledge/funding_form.html", {"form": form, "deadlines": deadlines, "call": call})


@login_required
def funding_call_new(request):
    if not request.user.has_perm("knowledge.add_fundingcall"):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = FundingCallForm(data, instance=FundingCall(), user=request.user)
    deadlines = DeadlineFormSet(data, prefix="deadlines")
    if request.method == "POST" and call_and_deadlines_valid(form, deadlines):
        try:
            call = services.funding_call_create(
                by=request.user, funder=form.cleaned_data["funder"], themes=form.cleaned_data["themes"],
                eligible_places=form.cleaned_data["eligible_places"], deadlines=deadline_rows(deadlines),
                **form.service_fields())
        except ValidationError as error:
            _add_errors(form, deadlines, error)
        else:
            messages.success(request, _("The funding call is saved."))
            return redirect(call)
    return _form_page(request, form, deadlines)


@login_required
def funding_call_edit(request, slug: str):
    call = _call_or_404(slug, request.user)
    if not request.user.has_perm("knowledge.change_fundingcall", call):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    # The form changes its instance while validating; it gets a copy, so the page keeps the saved title.
    form = FundingCallForm(data, instance=FundingCall.objects.select_related("funder").get(pk=call.pk),
                           user=request.user)
    deadlines = DeadlineFormSet(data, prefix="deadlines", initial=deadline_initial(call))
    if request.method == "POST" and call_and_deadlines_valid(form, deadlines):
        try:
            services.funding_call_update(
                call=call, by=request.user, funder=form.cleaned_data["funder"], themes=form.cleaned_data["themes"],
                eligible_places=form.cleaned_data["eligible_places"], deadlines=deadline_rows(deadlines),
                **form.service_fields())
        except ValidationError as error:
            call.refresh_from_db()  # the service set the refused values on it
            _add_errors(form, deadlines, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(call)
    return _form_page(request, form, deadlines, call=call)


@login_required
def funding_call_delete(request, slug: str):
    call = _call_or_404(slug, request.user)
    if not request.user.has_perm("knowledge.delete_fundingcall", call):
        raise PermissionDenied
    if request.method == "POST":
        title = call.title
        services.funding_call_delete(call=call, by=request.user)
        messages.success(request, _("The funding call “%(title)s” was deleted.") % {"title": title})
        return redirect("knowledge:funding_calls")
    return render(request, "knowledge/funding_delete.html", {"call": call})


@login_required
@require_POST
def funding_call_set_published(request, slug: str):
    call = _call_or_404(slug, request.user)
    if not request.user.has_perm("knowledge.change_fundingcall", call):
        raise PermissionDenied
    publish = request.POST.get("published") == "1"
    services.funding_call_set_published(call=call, by=request.user, is_published=publish)
    messages.success(request, _("The funding call is published.") if publish
                     else _("The funding call is hidden: only its funder's members and the curators see it."))
    return redirect(call)


# Calendars ---------------------------------------------------------------------------------------

def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _calendar_response(request, *, etag: str, body_fn, filename: str, cache_body: bool, private: bool = False):
    """The calendar, or 304 when the caller has this version already; a public body is built once per version."""
    response = get_conditional_response(request, etag=etag)
    if response is None:
        cache_key = f"samskap:funding:feed:{etag.strip(chr(34))}"
        body = cache.get(cache_key) if cache_body else None
        if body is None:
            body = body_fn()
            if cache_body:
                cache.set(cache_key, body, FEED_BODY_TIMEOUT)
        response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    patch_cache_control(response, **({"private": True} if private else {"public": True}), max_age=FEED_MAX_AGE)
    return response


@require_safe
def funding_deadlines_ical(request):
    """Every deadline of the open published calls, optionally of one theme (?theme=slug)."""
    theme_slug = request.GET.get("theme", "")
    hub = hub_settings_get().name
    if theme_slug:
        try:
            theme = selectors.feed_theme_get(slug=theme_slug)
        except Theme.DoesNotExist:
            raise Http404 from None
        name = _("%(hub)s: funding deadlines on %(theme)s") % {"hub": hub, "theme": theme.label}
        filename = f"funding-deadlines-{theme_slug}.ics"
    else:
        name = _("%(hub)s: funding deadlines") % {"hub": hub}
        filename = "funding-deadlines.ics"
    # The version: any write to the knowledge base or the directory (funders' names), and the day (calls close).
    base_url = _base_url(request)
    etag = etag_for("funding-deadlines", theme_slug, generation(KNOWLEDGE), generation(DIRECTORY),
                 timezone.localdate().isoformat(), translation.get_language(), base_url, name)
    return _calendar_response(
        request, etag=etag, filename=filename, cache_body=True,
        body_fn=lambda: deadlines_calendar(selectors.feed_deadlines(theme=theme_slug), name=name, base_url=base_url))


@require_safe
def funding_call_ical(request, slug: str):
    """One call's deadlines ("add to calendar")."""
    call = _call_or_404(slug, request.user)
    base_url = _base_url(request)
    etag = etag_for("funding-call", call.pk, call.updated_at.isoformat(), call.next_deadline, call.funder.name,
                 translation.get_language(), base_url)

    def body() -> bytes:
        deadlines = list(call.deadlines.all())
        for deadline in deadlines:
            deadline.call = call
        return deadlines_calendar(deadlines, name=call.title, base_url=base_url)

    response = _calendar_response(request, etag=etag, body_fn=body, filename=f"{call.slug}.ics", cache_body=False,
                                  private=not call.is_published)
    response["Content-Disposition"] = f'attachment; filename="{call.slug}.ics"'
    return response

"""Ad pages: the marketplace list with filters and sorts, an ad, posting and editing one, renewing and closing it,
my ads, and saved searches.

Thin: forms validate, services write, selectors read. Visitors' copies of the list and of an ad page are cached
(samskap.core.fragments) under the marketplace and directory generations (posters' names), for a few minutes at
most: what is open, and its last valid day, change with the clock.

An ad that is closed or expired answers others 410 Gone with a page that says so; a hidden ad 404. Its owner
side (the owner and the members of its organisation) and the hub admins see it in every state.
"""

import datetime
import functools
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.fragments import DIRECTORY, MARKETPLACE, cached_fragment
from samskap.core.paging import page_number

from . import selectors, services
from .forms import HONEYPOT, AdFilterForm, AdForm, SavedSearchCreateForm, SavedSearchRenameForm
from .models import Ad, SavedSearch

PAGE_SIZE = 20
FRAGMENT_GENERATIONS = (MARKETPLACE, DIRECTORY)
FRAGMENT_TIMEOUT = 5 * 60


def _zone_key() -> str:
    zone = timezone.get_current_timezone()
    return getattr(zone, "key", str(zone))


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the fields they name, the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _choice_label(field, value: str) -> str:
    for option, label in field.choices:
        if isinstance(label, (list, tuple)):
            for sub_option, sub_label in label:
                if str(sub_option) == value:
                    return str(sub_label)
        elif str(option) == value:
            return str(label)
    return value


def search_name(form: AdFilterForm, filters: dict) -> str:
    """A name for a saved search, from its filters: "Premises or equipment · Malmö (Skåne län)"."""
    parts = [_choice_label(form.fields[name], filters[name]) for name in selectors.FILTERS if filters.get(name)]
    return " · ".join(parts) or _("All ads")


# The list ----------------------------------------------------------------------------------------

def _list_context(request) -> dict:
    members = request.user.is_authenticated
    form = AdFilterForm(request.GET or None, members=members)
    filters = form.valid_filters() if form.is_bound else {}
    problems = [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]
    sort = form.chosen_sort() if form.is_bound else "newest"
    ads = selectors.ad_list(viewer=request.user, sort=sort, **filters)
    paginator = Paginator(ads, PAGE_SIZE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    context = {
        "filter_form": form, "page": page, "paginator": paginator, "problems": problems, "sort": sort,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        "filtered": bool(filters), "filters": filters, "today": timezone.localdate(),
    }
    if members:
        context["save_form"] = SavedSearchCreateForm(initial={"name": search_name(form, filters)})
    return context


def ads(request):
    if request.user.is_authenticated:  # their "save this search" form and best match: rendered for them
        return render(request, "marketplace/ad_list.html", _list_context(request))
    context = functools.cache(partial(_list_context, request))
    content = cached_fragment(request, "marketplace/partials/ad_list_content.html", context,
                              key=("ads", sorted(request.GET.lists()), _zone_key()),
                              generations=FRAGMENT_GENERATIONS, timeout=FRAGMENT_TIMEOUT)
    return render(request, "marketplace/ad_list.html", {"cached_content": content})


# An ad -------------------------------------------------------------------------------------------

def _gone(request, ad: Ad):
    return render(request, "marketplace/ad_gone.html", {"ad": ad}, status=410)


def _ad_context(request, ad: Ad) -> dict:
    today = timezone.localdate()
    return {"ad": ad, "is_owner": request.user.has_perm("marketplace.change_ad", ad),
            "themes": list(ad.themes.all()), "places": list(ad.places.all()), "today": today,
            "expires_soon": ad.status == Ad.Status.OPEN and ad.valid_until <= _soon(today)}


def _soon(today) -> datetime.date:
    """The last valid day within which an owner is told to renew (as the reminder, services.REMIND_DAYS)."""
    return today + datetime.timedelta(days=services.REMIND_DAYS)


def ad_detail(request, pk: int):
    if not request.user.is_authenticated:
        ad = Ad.objects.filter(pk=pk).only("pk", "title", "status", "hidden_at").first()
        if ad is None or ad.hidden_at is not None:
            raise Http404
        if ad.status not in (Ad.Status.OPEN, Ad.Status.MATCHED):
            return _gone(request, ad)

        def context() -> dict:
            return _ad_context(request, selectors.ad_get(pk=pk))

        content = cached_fragment(request, "marketplace/partials/ad_detail_content.html", context,
                                  key=("ad", pk, _zone_key()), generations=FRAGMENT_GENERATIONS,
                                  timeout=FRAGMENT_TIMEOUT)
        return render(request, "marketplace/ad_detail.html", {"ad": ad, "cached_content": content})
    try:
        ad = selectors.ad_get(pk=pk)
    except Ad.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("marketplace.view_ad", ad):
        if ad.hidden_at is not None:
            raise Http404
        return _gone(request, ad)
    return render(request, "marketplace/ad_detail.html", _ad_context(request, ad))


def _ad_for_change(request, pk: int) -> Ad:
    try:
        ad = selectors.ad_get(pk=pk)
    except Ad.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("marketplace.change_ad", ad):
        if request.user.has_perm("marketplace.view_ad", ad):
            raise PermissionDenied
        raise Http404
    return ad


@login_required
def ad_new(request):
    if not request.user.has_perm("marketplace.add_ad"):
        raise PermissionDenied
    form = AdForm(request.POST if request.method == "POST" else None, instance=Ad(), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            ad = services.ad_create(
                by=request.user, organisation=form.cleaned_data["organisation"], themes=form.cleaned_data["themes"],
                places=form.cleaned_data["places"], honeypot=form.cleaned_data.get(HONEYPOT, ""),
                **form.service_fields())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your ad is posted. It is open until %(when)s.") % {
                "when": formats.date_format(ad.valid_until, "DATE_FORMAT")})
            return redirect(ad)
    elif request.method == "POST" and form.data.get(HONEYPOT):
        form.add_error(None, services.spam_message())
    return render(request, "marketplace/ad_form.html", {"form": form, "ad": None})


@login_required
def ad_edit(request, pk: int):
    ad = _ad_for_change(request, pk)
    data = request.POST if request.method == "POST" else None
    form = AdForm(data, instance=selectors.ad_get(pk=pk), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.ad_update(ad=ad, by=request.user, organisation=form.cleaned_data["organisation"],
                               themes=form.cleaned_data["themes"], places=form.cleaned_data["places"],
                               **form.service_fields())
        except ValidationError as error:
            ad.refresh_from_db()
            _add_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(ad)
    return render(request, "marketplace/ad_form.html", {"form": form, "ad": ad})


def _next_or(request, ad: Ad) -> str:
    return reverse("marketplace:my_ads") if request.POST.get("next") == "mine" else ad.get_absolute_url()


@login_required
@require_POST
def ad_renew(request, pk: int):
    ad = _ad_for_change(request, pk)
    try:
        services.ad_renew(ad=ad, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The ad “%(title)s” is renewed: it is open until %(when)s.") % {
            "title": ad.title, "when": formats.date_format(ad.valid_until, "DATE_FORMAT")})
    return redirect(_next_or(request, ad))


@login_required
@require_POST
def ad_close(request, pk: int):
    ad = _ad_for_change(request, pk)
    try:
        services.ad_close(ad=ad, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The ad “%(title)s” is closed. Others no longer see it.") % {"title": ad.title})
    return redirect(_next_or(request, ad))


@login_required
def my_ads(request):
    ads = list(selectors.my_ads(user=request.user))
    today = timezone.localdate()
    return render(request, "marketplace/my_ads.html", {"ads": ads, "today": today, "soon": _soon(today)})


# Saved searches ----------------------------------------------------------------------------------

@login_required
def saved_search_list(request):
    searches = list(selectors.saved_searches(user=request.user))
    for search in searches:
        search.url = selectors.ads_url(search.query)
    return render(request, "marketplace/saved_searches.html", {"searches": searches})


@login_required
@require_POST
def saved_search_new(request):
    filter_form = AdFilterForm(request.POST, members=True)
    filters = filter_form.valid_filters()
    form = SavedSearchCreateForm(request.POST)
    if form.is_valid():
        try:
            search = services.saved_search_create(user=request.user, name=form.cleaned_data["name"], query=filters)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The search “%(name)s” is saved. New ads that match it come to your "
                                        "notifications and e-mail digest.") % {"name": search.name})
            return redirect("marketplace:saved_searches")
    else:
        messages.error(request, _("Give the saved search a name (at most 100 characters)."))
    return redirect(selectors.ads_url(filters))


def _saved_search_or_404(request, pk: int) -> SavedSearch:
    try:
        return selectors.saved_search_get(pk=pk, user=request.user)
    except SavedSearch.DoesNotExist:
        raise Http404 from None


@login_required
@require_POST
def saved_search_update(request, pk: int):
    search = _saved_search_or_404(request, pk)
    if "alerts" in request.POST:
        alerts = request.POST["alerts"] == "1"
        services.saved_search_update(saved_search=search, user=request.user, alerts=alerts)
        messages.success(request, _("Alerts for “%(name)s” are on.") % {"name": search.name} if alerts
                         else _("Alerts for “%(name)s” are off.") % {"name": search.name})
    else:
        form = SavedSearchRenameForm(request.POST)
        if form.is_valid():
            try:
                services.saved_search_update(saved_search=search, user=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The search is renamed “%(name)s”.") % {"name": search.name})
        else:
            messages.error(request, _("Give the saved search a name (at most 100 characters)."))
    return redirect("marketplace:saved_searches")


@login_required
@require_POST
def saved_search_delete(request, pk: int):
    search = _saved_search_or_404(request, pk)
    name = search.name
    services.saved_search_delete(saved_search=search, user=request.user)
    messages.success(request, _("The saved search “%(name)s” is deleted.") % {"name": name})
    return redirect("marketplace:saved_searches")

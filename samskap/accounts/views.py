import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.paging import page_number

from . import notifications as notifications_service
from . import selectors, services
from .forms import AccountDeleteForm, ApiTokenForm, LanguageForm, ProfileForm
from .models import User


@login_required
def profile(request):
    contact = selectors.profile_contact_for(profile=request.user, viewer=request.user)
    memberships = selectors.profile_memberships(profile=request.user)
    return render(request, "accounts/profile.html", {"profile": request.user, "contact": contact, "own": True,
                                                     "details": True, "memberships": memberships})


def person_detail(request, pk: int):
    try:
        person = selectors.public_profile_get(profile_id=pk)
    except User.DoesNotExist:
        raise Http404
    # Rules asked directly: a hub admin's superuser status must not override a person's consent on pages.
    if not rules.has_perm("accounts.view_profile", request.user, person):
        raise Http404
    contact = selectors.profile_contact_for(profile=person, viewer=request.user)
    own = request.user.is_authenticated and request.user.pk == person.pk
    details = rules.has_perm("accounts.view_directory_details", request.user, person)
    memberships = selectors.profile_memberships(profile=person) if details else []
    return render(request, "accounts/profile.html", {"profile": person, "contact": contact, "own": own,
                                                     "details": details, "memberships": memberships})


@login_required
def profile_edit(request):
    # A fresh copy, so a form that fails validation never changes the logged-in user in memory.
    instance = User.objects.get(pk=request.user.pk)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
        services.profile_update(
            user=instance,
            by=request.user,
            avatar=form.cleaned_data.get("avatar") or None,
            remove_avatar=form.cleaned_data.get("remove_avatar", False),
            **data,
        )
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = services.api_token_create(user=request.user, by=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = selectors.api_tokens_for(user=request.user)
    return render(request, "accounts/api_tokens.html", {"form": form, "tokens": tokens, "new_key": new_key})


@login_required
@require_POST
def api_token_revoke(request, pk: int):
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    services.api_token_revoke(token=token, by=request.user)
    messages.success(request, _("The token “%(name)s” was revoked. Scripts that use it stop working now.") % {"name": token.name})
    return redirect("accounts:api_tokens")


@login_required
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_delete(user=user, by=user)
        messages.success(request, _("Your account was deleted. Thank you for the time you spent with us."))
        return redirect("core:home")
    return render(request, "accounts/account_delete.html", {"form": form})


@require_POST
def language_set(request):
    """Switch the UI language: remembered on the account for members, in a cookie for visitors."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            services.user_set_language(user=request.user, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language,
            max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
            secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False), httponly=True,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


NOTIFICATIONS_PER_PAGE = 20


@login_required
def notifications(request):
    problems: list[str] = []
    paginator = Paginator(selectors.notifications_for(user=request.user), NOTIFICATIONS_PER_PAGE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return render(request, "accounts/notifications.html", {
        "page": page, "paginator": paginator, "problems": problems,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        "has_unread": notifications_service.unread_count(user_id=request.user.pk) > 0,
    })


@login_required
@require_POST
def notifications_read(request):
    """Mark all the member's notifications read (the "Mark all as read" button)."""
    changed = notifications_service.notifications_mark_read(user=request.user)
    if changed:
        messages.success(request, _("All notifications are marked as read."))
    return _notifications_page(request)


@login_required
@require_POST
def notification_open(request, pk: int):
    """Mark one notification read and go where it points (only to a path on this site)."""
    notification = get_object_or_404(request.user.notifications, pk=pk)
    notifications_service.notifications_mark_read(user=request.user, ids=[notification.pk])
    if notification.url and notifications_service.is_local_path(notification.url) and url_has_allowed_host_and_scheme(
            notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(notification.url)
    return _notifications_page(request)


def _notifications_page(request):
    """Back to the list, on the page the member came from."""
    page = request.POST.get("page", "")
    url = reverse("accounts:notifications")
    return HttpResponseRedirect(f"{url}?page={page}" if page.isdigit() and page != "1" else url)

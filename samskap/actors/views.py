"""Organisation directory pages. Thin: forms validate, services write, selectors read."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.fragments import DIRECTORY, EVENTS, KNOWLEDGE, MARKETPLACE, cached_fragment
from samskap.core.paging import page_number

from . import selectors, services
from .forms import (
    MembershipInviteForm,
    MembershipRoleForm,
    OrganisationFilterForm,
    OrganisationForm,
    OrganisationMergeForm,
)
from .models import Membership, Organisation

PAGE_SIZE = 20


def _organisation_or_404(slug: str) -> Organisation:
    try:
        return selectors.organisation_get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404


def _listed_or_404(slug: str) -> Organisation:
    """Pages other than the detail page do not exist for a merged organisation."""
    organisation = _organisation_or_404(slug)
    if organisation.merged_into_id:
        raise Http404
    return organisation


def _organisation_list_context(request) -> dict:
    form = OrganisationFilterForm(request.GET or None, themes=selectors.filter_themes())
    filters = form.valid_filters() if form.is_bound else {}
    problems = [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]
    organisations = selectors.organisation_list(filters=filters, sort=filters.get("sort", "name"))
    paginator = Paginator(organisations, PAGE_SIZE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return {
        "filter_form": form, "page": page, "paginator": paginator, "problems": problems,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        "filtered": bool(set(filters) - {"sort"}),
    }


def organisation_list(request):
    if request.user.is_authenticated:  # members see buttons by their rights: rendered for them
        return render(request, "actors/organisation_list.html", _organisation_list_context(request))
    content = cached_fragment(request, "actors/partials/organisation_list_content.html",
                              partial(_organisation_list_context, request),
                              key=("organisations", sorted(request.GET.lists())))
    return render(request, "actors/organisation_list.html", {"cached_content": content})


def _organisation_detail_context(request, organisation: Organisation) -> dict:
    data = selectors.organisation_page(organisation=organisation, viewer=request.user)
    can = {action: request.user.has_perm(f"actors.{action}_organisation", organisation)
           for action in ("change", "verify", "merge", "join")}
    can["manage_members"] = request.user.has_perm("actors.manage_members", organisation)
    return {"organisation": organisation, "data": data, "can": can}


def organisation_detail(request, slug: str):
    if request.user.is_authenticated:
        organisation = _organisation_or_404(slug)
        if organisation.merged_into_id:
            return HttpResponsePermanentRedirect(organisation.merged_into.get_absolute_url())
        return render(request, "actors/organisation_detail.html",
                      _organisation_detail_context(request, organisation))
    # A visitor: the name and whether it moved, then the cached copy; the whole organisation only on a miss.
    found = Organisation.objects.only("name", "slug", "merged_into").filter(slug=slug).first()
    if found is None:
        raise Http404
    if found.merged_into_id:
        return HttpResponsePermanentRedirect(_organisation_or_404(slug).merged_into.get_absolute_url())
    # The page lists the organisation's next events, resources, calls and partners too: it follows their changes, and
    # the clock.
    content = cached_fragment(request, "actors/partials/organisation_detail_content.html",
                              lambda: _organisation_detail_context(request, _organisation_or_404(slug)),
                              key=("organisation", found.pk), generations=(DIRECTORY, EVENTS, KNOWLEDGE, MARKETPLACE),
                              timeout=60)
    return render(request, "actors/organisation_detail.html", {"organisation": found, "cached_content": content})


def _form_page(request, form, *, organisation=None):
    return render(request, "actors/organisation_form.html", {"form": form, "organisation": organisation})


@login_required
def organisation_create(request):
    if not request.user.has_perm("actors.add_organisation"):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=Organisation())
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(by=request.user, logo=form.cleaned_data.get("logo") or None,
                                                        **form.service_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("“%(name)s” is now in the directory. You are its admin.") % {
                "name": organisation.name})
            return redirect(organisation)
    return _form_page(request, form)


@login_required
def organisation_edit(request, slug: str):
    organisation = _listed_or_404(slug)
    if not request.user.has_perm("actors.change_organisation", organisation):
        raise PermissionDenied
    # The form changes its instance while validating; it gets a copy, so the page keeps the saved name.
    form = OrganisationForm(request.POST or None, request.FILES or None,
                            instance=Organisation.objects.get(pk=organisation.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, by=request.user,
                                         logo=form.cleaned_data.get("logo") or None,
                                         remove_logo=form.cleaned_data.get("remove_logo", False),
                                         **form.service_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(organisation)
    return _form_page(request, form, organisation=organisation)


@login_required
def organisation_members(request, slug: str):
    organisation = _listed_or_404(slug)
    if not request.user.has_perm("actors.manage_members", organisation):
        raise PermissionDenied
    invite_form = MembershipInviteForm(request.POST or None)
    if request.method == "POST" and invite_form.is_valid():
        try:
            services.membership_invite(organisation=organisation, by=request.user,
                                       email=invite_form.cleaned_data["email"], role=invite_form.cleaned_data["role"],
                                       site_url=request.build_absolute_uri("/"))
        except ValidationError as error:
            invite_form.add_error("email", error)
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {
                "email": invite_form.cleaned_data["email"]})
            return redirect("actors:organisation_members", slug=organisation.slug)
    members = selectors.organisation_members(organisation=organisation)
    return render(request, "actors/organisation_members.html", {
        "organisation": organisation, "members": members, "invite_form": invite_form,
        "roles": Membership.Role.choices,
    })


@login_required
@require_POST
def membership_change(request, slug: str, pk: int):
    """One endpoint for the members page's row buttons: accept, decline, withdraw, change role, remove."""
    organisation = _listed_or_404(slug)
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=pk, organisation=organisation)
    membership.organisation = organisation
    action = request.POST.get("action")
    name = membership.user.display_name if membership.user else membership.invited_email
    try:
        if action == "accept":
            services.membership_request_accept(membership=membership, by=request.user)
            messages.success(request, _("%(name)s is now a member.") % {"name": name})
        elif action == "decline":
            services.membership_request_decline(membership=membership, by=request.user)
            messages.success(request, _("The request from %(name)s was declined.") % {"name": name})
        elif action == "withdraw":
            services.invitation_withdraw(membership=membership, by=request.user)
            messages.success(request, _("The invitation to %(name)s was withdrawn.") % {"name": name})
        elif action == "role":
            form = MembershipRoleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose a role."))
            services.membership_change_role(membership=membership, role=form.cleaned_data["role"], by=request.user)
            messages.success(request, _("%(name)s is now %(role)s.") % {"name": name,
                                                                        "role": membership.get_role_display()})
        elif action == "remove":
            services.membership_remove(membership=membership, by=request.user)
            messages.success(request, _("%(name)s was removed from the organisation.") % {"name": name})
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("actors:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def organisation_join(request, slug: str):
    organisation = _listed_or_404(slug)
    membership = services.membership_request(organisation=organisation, by=request.user)
    if membership.status == Membership.Status.ACTIVE:
        messages.success(request, _("You are a member of %(name)s.") % {"name": organisation.name})
    else:
        messages.success(request, _("Your request was sent. The organisation's admins will answer it."))
    return redirect(organisation)


@login_required
@require_POST
def organisation_leave(request, slug: str):
    organisation = _listed_or_404(slug)
    membership = get_object_or_404(Membership, organisation=organisation, user=request.user)
    membership.organisation = organisation
    try:
        services.membership_remove(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You left %(name)s.") % {"name": organisation.name})
    return redirect(organisation)


@login_required
@require_POST
def organisation_verify(request, slug: str):
    organisation = _listed_or_404(slug)
    verified = request.POST.get("verified") != "0"
    services.organisation_verify(organisation=organisation, by=request.user, verified=verified)
    messages.success(request, _("The organisation is marked as verified.") if verified
                     else _("The verified mark was removed."))
    return redirect(organisation)


@login_required
def organisation_merge(request, slug: str):
    source = _listed_or_404(slug)
    if not request.user.has_perm("actors.merge_organisation", source):
        raise PermissionDenied
    # Look for likely duplicates by the first word of the name unless the hub admin searches for another.
    query = request.GET.get("q", source.name.split()[0] if source.name.split() else "").strip()[:100]
    form = OrganisationMergeForm(request.POST or None, source=source, query=query)
    if request.method == "POST" and form.is_valid():
        try:
            target = services.organisation_merge(source=source, target=form.cleaned_data["target"], by=request.user)
        except ValidationError as error:
            form.add_error("target", error)
        else:
            messages.success(request, _("“%(source)s” was merged into “%(target)s”.") % {
                "source": source.name, "target": target.name})
            return redirect(target)
    return render(request, "actors/organisation_merge.html", {"organisation": source, "form": form, "query": query})


@login_required
def invitation_respond(request, token: str):
    try:
        membership = selectors.invitation_get(token=token)
    except Membership.DoesNotExist:
        return render(request, "actors/invitation_invalid.html", status=404)
    organisation = membership.organisation
    if request.method == "POST":
        if request.POST.get("answer") == "accept":
            services.invitation_accept(membership=membership, by=request.user)
            messages.success(request, _("Welcome to %(name)s.") % {"name": organisation.name})
        else:
            services.invitation_decline(membership=membership, by=request.user)
            messages.info(request, _("You declined the invitation to %(name)s.") % {"name": organisation.name})
        return redirect(organisation)
    return render(request, "actors/invitation.html", {"membership": membership, "organisation": organisation})

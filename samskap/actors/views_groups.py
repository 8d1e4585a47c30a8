import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.accounts.selectors import profile_contact_for

from . import selectors_groups, selectors_people, services_groups
from .forms_groups import GroupContactsForm, LocalGroupForm
from .models import LocalGroup
from .views_people import page_number


def _group_or_404(slug: str) -> LocalGroup:
    try:
        return selectors_groups.group_get(slug=slug)
    except LocalGroup.DoesNotExist:
        raise Http404


def group_list(request):
    groups = list(selectors_groups.group_list())
    return render(request, "actors/group_list.html", {"groups": groups})


def group_detail(request, slug: str):
    group = _group_or_404(slug)
    people = selectors_groups.group_people(group=group, viewer=request.user)
    for membership in people.members:
        # Rules asked directly, so a hub admin sees what everyone sees (see accounts.views.person_detail).
        membership.may_open_profile = rules.has_perm("accounts.view_profile", request.user, membership.user)
    for membership in people.contacts:
        membership.contact = profile_contact_for(profile=membership.user, viewer=request.user)
    organisations = selectors_people.page_with_total(
        selectors_groups.group_organisations(group=group), number=page_number(request),
        per_page=selectors_groups.ORGANISATIONS_PER_PAGE,
    )
    return render(request, "actors/group_detail.html", {
        "group": group, "people": people, "page": organisations,
        "may_change": rules.has_perm("actors.change_localgroup", request.user, group),
    })


def _form_page(request, form, *, group=None):
    return render(request, "actors/group_form.html", {"form": form, "group": group})


@login_required
def group_create(request):
    if not request.user.has_perm("actors.add_localgroup"):
        raise PermissionDenied
    form = LocalGroupForm(request.POST or None, instance=LocalGroup())
    if request.method == "POST" and form.is_valid():
        try:
            group = services_groups.group_create(by=request.user, **form.service_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The group “%(name)s” was created.") % {"name": group.name})
            return redirect(group)
    return _form_page(request, form)


@login_required
def group_edit(request, slug: str):
    group = _group_or_404(slug)
    if not request.user.has_perm("actors.change_localgroup", group):
        raise PermissionDenied
    form = LocalGroupForm(request.POST or None, instance=selectors_groups.group_get(slug=slug))
    if request.method == "POST" and form.is_valid():
        try:
            services_groups.group_update(group=group, by=request.user, **form.service_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The group was saved."))
            return redirect(group)
    return _form_page(request, form, group=group)


@login_required
def group_contacts(request, slug: str):
    group = _group_or_404(slug)
    if not request.user.has_perm("actors.set_group_contacts", group):
        raise PermissionDenied
    members = selectors_groups.group_members_for_contacts(group=group)
    current = list(selectors_groups.group_contact_users(group=group))
    form = GroupContactsForm(request.POST or None, members=members, initial={"contacts": current})
    if request.method == "POST" and form.is_valid():
        try:
            services_groups.group_contacts_set(group=group, contacts=form.cleaned_data["contacts"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The contact persons were saved."))
            return redirect(group)
    return render(request, "actors/group_contacts.html", {"form": form, "group": group, "has_members": members.exists()})


@login_required
@require_POST
def group_join(request, slug: str):
    group = _group_or_404(slug)
    services_groups.group_join(group=group, user=request.user)
    messages.success(request, _("You joined “%(name)s”.") % {"name": group.name})
    return redirect(group)


@login_required
@require_POST
def group_leave(request, slug: str):
    group = _group_or_404(slug)
    if not rules.has_perm("actors.leave_localgroup", request.user, group):
        messages.info(request, _("You are not a member of this group."))
        return redirect(group)
    services_groups.group_leave(group=group, user=request.user)
    messages.success(request, _("You left “%(name)s”.") % {"name": group.name})
    return redirect(group)

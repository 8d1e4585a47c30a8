"""Every write in the organisation directory: organisations, memberships, invitations, verification, merging."""

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samskap.core.images import image_normalised
from samskap.core.search import search_index_delete, search_index_update

from .models import Membership, Organisation
from .permissions import forget_memberships

LOGO_SIZE = 800
ORGANISATION_FIELDS = {
    "name", "kind", "sector", "country", "legal_form", "org_number", "head_office", "description",
    "description_language", "offers", "seeks", "website", "email", "email_visibility", "phone", "phone_visibility",
    "founded_year", "social_links", "is_registered_social_enterprise", "registration_evidence_url",
}
ORGANISATION_M2M = {"areas_served", "themes", "offer_themes", "seek_themes"}
# Path segments under /organisations/ that are pages, not organisations.
RESERVED_SLUGS = {"new", "invitations", "export", "import", "map"}
SEARCH_KIND = "organisation"
ROLE_RANK = {Membership.Role.ADMIN: 3, Membership.Role.CONTACT: 2, Membership.Role.MEMBER: 1}


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = (slugify(name) or "organisation")[:200]
    taken = set(
        Organisation.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    ) | RESERVED_SLUGS
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _index(organisation_id: int) -> None:
    organisation = (Organisation.objects.select_related("head_office").prefetch_related("themes")
                    .filter(pk=organisation_id).first())
    if organisation is not None:
        search_index_update(kind=SEARCH_KIND, obj=organisation)


def _unindex(organisation_id: int) -> None:
    search_index_delete(kind=SEARCH_KIND, object_id=organisation_id)


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - ORGANISATION_FIELDS - ORGANISATION_M2M
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")


def _save(organisation: Organisation, fields: dict[str, Any], *, logo, remove_logo: bool) -> None:
    """Set fields, re-encoded logo and relations on `organisation` and save it (inside a transaction)."""
    many = {name: fields.pop(name) for name in list(fields) if name in ORGANISATION_M2M}
    new_logo = image_normalised(logo, max_size=LOGO_SIZE) if logo else None
    old_logo = organisation.logo.name if organisation.logo else ""
    for name, value in fields.items():
        setattr(organisation, name, value)
    if not organisation.is_registered_social_enterprise:
        organisation.registration_evidence_url = ""
    # Checked before the new logo is written to storage, so a refused change leaves no stray file.
    organisation.full_clean(exclude=["logo"])
    if new_logo is not None:
        organisation.logo.save(new_logo.name, new_logo, save=False)
    elif remove_logo:
        organisation.logo = ""
    organisation.save()
    for name, values in many.items():
        getattr(organisation, name).set(values)
    if old_logo and (new_logo is not None or remove_logo):
        storage = organisation.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))


def organisation_create(*, by, logo=None, **fields: Any) -> Organisation:
    """Add an organisation to the directory; the member who adds it becomes its admin."""
    if not by.has_perm("actors.add_organisation"):
        raise PermissionDenied
    _check_fields(fields)
    with transaction.atomic():
        organisation = Organisation(created_by=by)
        organisation.slug = _unique_slug(fields.get("name", ""))
        _save(organisation, dict(fields), logo=logo, remove_logo=False)
        Membership.objects.create(organisation=organisation, user=by, role=Membership.Role.ADMIN,
                                  status=Membership.Status.ACTIVE)
        transaction.on_commit(partial(_index, organisation_id=organisation.pk))
    return organisation


def organisation_update(*, organisation: Organisation, by, logo=None, remove_logo: bool = False,
                        **fields: Any) -> Organisation:
    """Change an organisation's profile; its admins and hub admins may. The slug stays, so links keep working."""
    if not by.has_perm("actors.change_organisation", organisation):
        raise PermissionDenied
    _check_fields(fields)
    with transaction.atomic():
        _save(organisation, dict(fields), logo=logo, remove_logo=remove_logo)
        transaction.on_commit(partial(_index, organisation_id=organisation.pk))
    return organisation


def organisation_verify(*, organisation: Organisation, by, verified: bool = True) -> Organisation:
    """Mark (or unmark) an organisation as checked by the hub."""
    if not by.has_perm("actors.verify_organisation", organisation):
        raise PermissionDenied
    with transaction.atomic():
        organisation.is_verified = verified
        organisation.verified_at = timezone.now() if verified else None
        organisation.save(update_fields=["is_verified", "verified_at", "updated_at"])
        transaction.on_commit(partial(_index, organisation_id=organisation.pk))
    return organisation


def organisation_merge(*, source: Organisation, target: Organisation, by) -> Organisation:
    """Fold a duplicate into `target`, keeping every link: members, places, themes, local groups.

    The source stays as a row that points to the target, so its old address redirects there.
    """
    if not by.has_perm("actors.merge_organisation", source):
        raise PermissionDenied
    if source.pk == target.pk:
        raise ValidationError(_("An organisation cannot be merged into itself."), code="same")
    if source.merged_into_id or target.merged_into_id:
        raise ValidationError(_("This organisation was already merged into another."), code="already_merged")
    with transaction.atomic():
        source = Organisation.objects.select_for_update().get(pk=source.pk)
        target = Organisation.objects.select_for_update().get(pk=target.pk)
        existing = {m.user_id: m for m in target.memberships.filter(user__isnull=False)}
        for membership in source.memberships.all():
            kept = existing.get(membership.user_id) if membership.user_id else None
            if kept is None:
                membership.organisation = target
                membership.save(update_fields=["organisation"])
                continue
            # The person is in both: keep one membership, active if either was, with the higher role.
            changed = []
            if ROLE_RANK[membership.role] > ROLE_RANK[kept.role]:
                kept.role = membership.role
                changed.append("role")
            if membership.status == Membership.Status.ACTIVE and kept.status != Membership.Status.ACTIVE:
                kept.status = Membership.Status.ACTIVE
                changed.append("status")
            if changed:
                kept.save(update_fields=changed)
            membership.delete()
        target.areas_served.add(*source.areas_served.all())
        target.themes.add(*source.themes.all())
        target.offer_themes.add(*source.offer_themes.all())
        target.seek_themes.add(*source.seek_themes.all())
        for group in source.local_groups.all():
            group.organisations.add(target)
        source.local_groups.clear()
        # Fill what the target lacks from the duplicate, so no information is lost.
        for name in ("legal_form", "website", "email", "phone", "description", "offers", "seeks", "founded_year"):
            if not getattr(target, name) and getattr(source, name):
                setattr(target, name, getattr(source, name))
        # The number moves to the target when it has none; the source never keeps one (numbers are unique).
        if not target.org_number and source.org_number and target.country == source.country:
            target.org_number = source.org_number
        source.org_number = ""
        if not target.head_office_id and source.head_office_id:
            target.head_office_id = source.head_office_id
        if not target.logo and source.logo:
            target.logo = source.logo.name
        if source.is_verified and not target.is_verified:
            target.is_verified, target.verified_at = True, source.verified_at
        Organisation.objects.filter(merged_into=source).update(merged_into=target)
        source.merged_into = target
        source.save(update_fields=["merged_into", "org_number", "updated_at"])
        target.save()
        forget_memberships(target)
        transaction.on_commit(partial(_unindex, organisation_id=source.pk))
        transaction.on_commit(partial(_index, organisation_id=target.pk))
    return target


def _ensure_an_admin_remains(membership: Membership) -> None:
    others = Membership.objects.filter(
        organisation_id=membership.organisation_id, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(_("An organisation needs at least one admin."), code="last_admin")


def membership_request(*, organisation: Organisation, by) -> Membership:
    """Ask to join an organisation; its admins accept or decline."""
    if not by.has_perm("actors.join_organisation", organisation):
        raise PermissionDenied
    with transaction.atomic():
        existing = Membership.objects.select_for_update().filter(organisation=organisation, user=by).first()
        if existing is not None:
            if existing.status == Membership.Status.INVITED:
                return invitation_accept(membership=existing, by=by)
            return existing
        return Membership.objects.create(organisation=organisation, user=by, role=Membership.Role.MEMBER,
                                         status=Membership.Status.REQUESTED)


def membership_request_accept(*, membership: Membership, by) -> Membership:
    if not by.has_perm("actors.manage_members", membership.organisation):
        raise PermissionDenied
    if membership.status != Membership.Status.REQUESTED:
        raise ValidationError(_("There is no request to answer."), code="not_requested")
    with transaction.atomic():
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])
    return membership


def membership_request_decline(*, membership: Membership, by) -> None:
    if not by.has_perm("actors.manage_members", membership.organisation):
        raise PermissionDenied
    if membership.status != Membership.Status.REQUESTED:
        raise ValidationError(_("There is no request to answer."), code="not_requested")
    membership.delete()


def membership_invite(*, organisation: Organisation, email: str, role: str, by, site_url: str) -> Membership:
    """Invite someone by e-mail; the message carries a link only the invitation's token opens.

    `site_url` ("https://hub.example") makes the link absolute; views pass the address they were reached at.
    """
    if not by.has_perm("actors.manage_members", organisation):
        raise PermissionDenied
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a role."), code="role")
    email = email.strip().lower()
    already = Membership.objects.filter(organisation=organisation).filter(
        Q(user__email__iexact=email, status=Membership.Status.ACTIVE)
        | Q(invited_email__iexact=email, status=Membership.Status.INVITED)
    )
    if already.exists():
        raise ValidationError(_("This person is already a member or invited."), code="duplicate")
    with transaction.atomic():
        membership = Membership.objects.create(organisation=organisation, invited_email=email, role=role,
                                               status=Membership.Status.INVITED)
        inviter_language = translation.get_language() or settings.LANGUAGE_CODE
        transaction.on_commit(partial(_send_invitation, membership_id=membership.pk, inviter_id=by.pk,
                                      inviter_language=inviter_language, site_url=site_url.rstrip("/")))
    return membership


def _send_invitation(*, membership_id: int, inviter_id: int, inviter_language: str, site_url: str) -> None:
    from samskap.accounts.models import User
    from samskap.core.selectors import hub_settings_get

    membership = Membership.objects.select_related("organisation").filter(pk=membership_id).first()
    if membership is None:
        return
    inviter = User.objects.filter(pk=inviter_id).first()
    recipient = User.objects.filter(email__iexact=membership.invited_email).first()
    language = (recipient.preferred_language if recipient and recipient.preferred_language else "") or inviter_language
    with translation.override(language):
        context = {
            "organisation": membership.organisation,
            "role": membership.get_role_display(),
            "inviter": inviter.display_name if inviter else "",
            "url": site_url + reverse("actors:invitation", args=[membership.token]),
            "hub": hub_settings_get(),
        }
        subject = _("Invitation to join %(organisation)s") % {"organisation": membership.organisation.name}
        body = render_to_string("actors/email/invitation.txt", context)
    EmailMessage(subject, body, to=[membership.invited_email], headers={"Content-Language": language}).send()


def invitation_accept(*, membership: Membership, by) -> Membership:
    """The invited person (logged in with any address) joins with the role the invitation names."""
    if not (by and by.is_authenticated):
        raise PermissionDenied
    if membership.status != Membership.Status.INVITED:
        raise ValidationError(_("This invitation was already answered or withdrawn."), code="answered")
    with transaction.atomic():
        current = Membership.objects.select_for_update().filter(
            organisation_id=membership.organisation_id, user=by
        ).exclude(pk=membership.pk).first()
        if current is not None:
            # Already linked (a request, or a membership): keep that one, with the higher role, now active.
            if ROLE_RANK[membership.role] > ROLE_RANK[current.role]:
                current.role = membership.role
            current.status = Membership.Status.ACTIVE
            current.save(update_fields=["role", "status"])
            membership.delete()
            return current
        membership.user = by
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["user", "status"])
    return membership


def invitation_decline(*, membership: Membership, by) -> None:
    if not (by and by.is_authenticated):
        raise PermissionDenied
    if membership.status != Membership.Status.INVITED:
        raise ValidationError(_("This invitation was already answered or withdrawn."), code="answered")
    membership.delete()


def invitation_withdraw(*, membership: Membership, by) -> None:
    if not by.has_perm("actors.manage_members", membership.organisation):
        raise PermissionDenied
    if membership.status != Membership.Status.INVITED:
        raise ValidationError(_("This invitation was already answered or withdrawn."), code="answered")
    membership.delete()


def membership_change_role(*, membership: Membership, role: str, by) -> Membership:
    if not by.has_perm("actors.manage_members", membership.organisation):
        raise PermissionDenied
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a role."), code="role")
    with transaction.atomic():
        list(Membership.objects.select_for_update().filter(organisation_id=membership.organisation_id,
                                                           role=Membership.Role.ADMIN))
        if membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN \
                and membership.status == Membership.Status.ACTIVE:
            _ensure_an_admin_remains(membership)
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def membership_remove(*, membership: Membership, by) -> None:
    """Remove a member (admins) or leave (the member themself); never the last admin."""
    own = by.is_authenticated and membership.user_id == by.pk
    if not (own or by.has_perm("actors.manage_members", membership.organisation)):
        raise PermissionDenied
    with transaction.atomic():
        list(Membership.objects.select_for_update().filter(organisation_id=membership.organisation_id,
                                                           role=Membership.Role.ADMIN))
        if membership.role == Membership.Role.ADMIN and membership.status == Membership.Status.ACTIVE:
            _ensure_an_admin_remains(membership)
        membership.delete()


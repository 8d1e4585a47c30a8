import rules
from django.db.models import QuerySet

from .models import ApiToken, Notification, User


def api_tokens_for(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


def profile_contact_for(*, profile: User, viewer) -> dict[str, str]:
    """Return the contact details of `profile` that `viewer` may see, by the owner's choice."""
    # The rule itself, not user.has_perm: a hub admin's superuser status must not override "only me" on pages.
    contact = {}
    if profile.email and rules.has_perm("accounts.view_email", viewer, profile):
        contact["email"] = profile.email
    if profile.phone and rules.has_perm("accounts.view_phone", viewer, profile):
        contact["phone"] = profile.phone
    return contact


def public_profile_get(*, profile_id: int) -> User:
    return User.objects.select_related("place").prefetch_related("themes").get(pk=profile_id, is_active=True)


def profile_memberships(*, profile: User) -> list:
    """Return the person's active memberships in organisations still in the directory, by organisation name."""
    # Memberships belong to the directory app (actors); the reverse relation keeps accounts free of imports from it.
    return list(
        profile.memberships.filter(status="active", organisation__merged_into__isnull=True)
        .select_related("organisation").order_by("organisation__name")
    )


def notifications_for(*, user: User) -> QuerySet[Notification]:
    """The member's notifications, newest first (the notification_inbox index)."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")

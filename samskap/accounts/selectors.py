import rules
from django.db.models import QuerySet

from .models import ApiToken, User


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
    return User.objects.get(pk=profile_id, is_active=True)

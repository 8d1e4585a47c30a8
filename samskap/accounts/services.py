from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from samskap.core.images import image_normalised
from samskap.core.search import search_index_delete, search_index_update

from .models import ApiToken, User, hash_token

PROFILE_FIELDS = {
    "name", "bio", "languages", "preferred_language", "time_zone", "phone", "email_visibility", "phone_visibility",
    "skills", "interests", "themes", "place", "listed_in_directory", "digest",
}
AVATAR_SIZE = 512


def profile_update(*, user: User, by: User, avatar=None, remove_avatar: bool = False, **fields: Any) -> User:
    """Save a member's profile; the picture is re-encoded before anything is written."""
    if not by.has_perm("accounts.change_profile", user):
        raise PermissionDenied
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    new_avatar = image_normalised(avatar, max_size=AVATAR_SIZE) if avatar is not None else None
    old_avatar_name = user.avatar.name if user.avatar else ""
    themes = fields.pop("themes", None)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(user, name, value)
        if new_avatar is not None:
            user.avatar.save(new_avatar.name, new_avatar, save=False)
        elif remove_avatar:
            user.avatar = ""
        user.full_clean(exclude=["password"])
        user.save()
        if themes is not None:
            user.themes.set(themes)
        if old_avatar_name and (new_avatar is not None or remove_avatar):
            storage = user.avatar.storage
            transaction.on_commit(lambda: storage.delete(old_avatar_name))
        search_index_update(kind="person", obj=user)
    return user


def user_set_language(*, user: User, language: str) -> User:
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user


def api_token_create(*, user: User, by: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its key, which is never stored nor shown again."""
    if not by.has_perm("accounts.manage_api_tokens", user):
        raise PermissionDenied
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(key), hint=key[:10])
    return token, key


def api_token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    if not by.has_perm("accounts.manage_api_tokens", token.user):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, key: str) -> User | None:
    """Return the active user a token key belongs to, and note when it was used."""
    if not key or not key.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # One write a minute at most, so a busy script does not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def user_delete(*, user: User, by: User) -> None:
    """Delete the account and everything that belongs only to it (profile, addresses, tokens)."""
    if not by.has_perm("accounts.delete_account", user):
        raise PermissionDenied
    avatar_name = user.avatar.name if user.avatar else ""
    storage = user.avatar.storage
    with transaction.atomic():
        search_index_delete(kind="person", object_id=user.pk)
        user.delete()
        if avatar_name:
            transaction.on_commit(lambda: storage.delete(avatar_name))

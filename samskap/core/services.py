from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction

from .models import HubSettings
from .selectors import HUB_SETTINGS_CACHE_KEY, hub_settings_get

HUB_SETTINGS_FIELDS = {"name", "logo", "logo_alt", "default_language", "time_zone", "contact_email"}


def hub_settings_update(*, by, **fields: Any) -> HubSettings:
    """Change the hub settings; only hub admins may."""
    if not by.has_perm("core.change_hubsettings"):
        raise PermissionDenied
    unknown = set(fields) - HUB_SETTINGS_FIELDS
    if unknown:
        raise TypeError(f"unknown hub settings: {sorted(unknown)}")
    with transaction.atomic():
        hub = HubSettings.objects.select_for_update().get(pk=hub_settings_get().pk)
        for name, value in fields.items():
            if name == "logo" and value is False:  # "clear" ticked on the form
                value = ""
            setattr(hub, name, value)
        hub.full_clean()
        hub.save()
        # Now for this process, and again after commit so no request re-caches the old row meanwhile.
        cache.delete(HUB_SETTINGS_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(HUB_SETTINGS_CACHE_KEY))
    return hub

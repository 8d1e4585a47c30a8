from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction

from .images import image_normalised
from .models import HubSettings
from .selectors import HUB_SETTINGS_CACHE_KEY, hub_settings_get

LOGO_SIZE = 800
HUB_SETTINGS_FIELDS = {"name", "logo", "logo_alt", "default_language", "time_zone", "contact_email"}


def hub_settings_update(*, by, **fields: Any) -> HubSettings:
    """Change the hub settings; only hub admins may."""
    if not by.has_perm("core.change_hubsettings"):
        raise PermissionDenied
    unknown = set(fields) - HUB_SETTINGS_FIELDS
    if unknown:
        raise TypeError(f"unknown hub settings: {sorted(unknown)}")
    logo = fields.pop("logo", None)
    new_logo = image_normalised(logo, max_size=LOGO_SIZE) if logo else None
    with transaction.atomic():
        hub = HubSettings.objects.select_for_update().get(pk=hub_settings_get().pk)
        old_logo = hub.logo.name if hub.logo else ""
        for name, value in fields.items():
            setattr(hub, name, value)
        if new_logo is not None:
            hub.logo.save(new_logo.name, new_logo, save=False)
        elif logo is False:  # "clear" ticked on the form
            hub.logo = ""
        hub.full_clean()
        hub.save()
        if old_logo and (new_logo is not None or logo is False):
            storage = hub.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
        # Now for this process, and again after commit so no request re-caches the old row meanwhile.
        cache.delete(HUB_SETTINGS_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(HUB_SETTINGS_CACHE_KEY))
    return hub

from django.core.cache import cache

from .models import HubSettings

HUB_SETTINGS_CACHE_KEY = "samskap:hub-settings:v1"


def hub_settings_get() -> HubSettings:
    """Return the hub settings, from the cache when possible: every page needs them."""
    hub = cache.get(HUB_SETTINGS_CACHE_KEY)
    if hub is None:
        hub, _ = HubSettings.objects.get_or_create(pk=HubSettings.SINGLETON_ID)
        cache.set(HUB_SETTINGS_CACHE_KEY, hub, timeout=300)
    return hub

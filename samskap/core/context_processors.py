from django.conf import settings

from .selectors import hub_settings_get


def hub(request) -> dict:
    return {"hub": hub_settings_get(), "ui_languages": settings.LANGUAGES}

from functools import partial

import rules
from django.conf import settings

from .selectors import hub_settings_get


def hub(request) -> dict:
    return {
        "hub": hub_settings_get(), "ui_languages": settings.LANGUAGES,
        # Asked of the rules alone: `perms.core.…` would also ask Django's model backend, which costs every
        # signed-in page two queries for permission tables Samskap does not use. Called by the template if needed.
        "can_administer_hub": partial(rules.has_perm, "core.change_hubsettings", getattr(request, "user", None)),
    }

import zoneinfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from .selectors import hub_settings_get

SUPPORTED = {code for code, _ in settings.LANGUAGES}


def _supported(code: str | None) -> str | None:
    if not code:
        return None
    code = code.lower()
    if code in SUPPORTED:
        return code
    base = code.split("-")[0]
    # Norwegian browsers send "no" or "nn"; both read bokmål better than English.
    if base in {"no", "nn", "nb"}:
        return "nb"
    return base if base in SUPPORTED else None


def language_for(request) -> str:
    """Choose the UI language: the member's choice, then the visitor's, then the browser's, then the hub's."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        chosen = _supported(user.preferred_language)
        if chosen:
            return chosen
    chosen = _supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if chosen:
        return chosen
    for code, _q in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        chosen = _supported(code)
        if chosen:
            return chosen
    return _supported(hub_settings_get().default_language) or settings.LANGUAGE_CODE


class LanguageAndTimeZoneMiddleware:
    """Activate the UI language and time zone for each request (replaces LocaleMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        user = getattr(request, "user", None)
        zone = (user.time_zone if user is not None and user.is_authenticated else "") or hub_settings_get().time_zone
        try:
            timezone.activate(zoneinfo.ZoneInfo(zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.activate(zoneinfo.ZoneInfo(settings.TIME_ZONE))
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        timezone.deactivate()
        return response

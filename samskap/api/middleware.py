"""Visitors' answers from the directory and knowledge APIs, cached like their pages (samskap.core.fragments).

An anonymous GET of a directory or knowledge list or item (no session, no token) gets the same JSON
whoever asks, so it is kept under the generations it shows: any write to those outdates it. Funding
calls also follow the clock (a deadline passes), so their answers live a minute at most. Serialising 20
organisations through Ninja costs ~8 ms a request; a cached answer costs a cache read. Anything else —
members, tokens, other methods, errors — goes through untouched.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from samskap.core.fragments import DIRECTORY, FRAGMENT_TIMEOUT, IDEAS, KNOWLEDGE, MARKETPLACE, generation

# Path prefix → (the generations the answer shows, how long it may be kept at most).
CACHED = {
    **{f"/api/v1/{name}": ((DIRECTORY,), FRAGMENT_TIMEOUT)
       for name in ("organisations", "people", "groups", "places", "themes")},
    "/api/v1/resources": ((KNOWLEDGE, DIRECTORY), FRAGMENT_TIMEOUT),
    "/api/v1/funding-calls": ((KNOWLEDGE, DIRECTORY), 60),
    # Ads expire by date (the tick changes their status), so their answers live a minute at most too.
    "/api/v1/ads": ((MARKETPLACE, DIRECTORY), 60),
    # Ideas, their comments and challenges: every write to them starts a new IDEAS generation.
    "/api/v1/ideas": ((IDEAS, DIRECTORY), 60),
    "/api/v1/challenges": ((IDEAS, DIRECTORY), 60),
}
PREFIXES = tuple(CACHED)


class VisitorApiCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable(request):
            return self.get_response(request)
        generations, timeout = next(value for prefix, value in CACHED.items() if request.path.startswith(prefix))
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        versions = ":".join(str(generation(name)) for name in generations)
        key = f"api-answer:{versions}:{get_language()}:{digest}"
        cached = cache.get(key)
        if cached is not None:
            content_type, body = cached
            return HttpResponse(body, content_type=content_type)
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response["Content-Type"], response.content), timeout)
        return response

    @staticmethod
    def _cacheable(request) -> bool:
        user = getattr(request, "user", None)
        return (request.method == "GET" and request.path.startswith(PREFIXES)
                and "HTTP_AUTHORIZATION" not in request.META
                and not (user is not None and user.is_authenticated))

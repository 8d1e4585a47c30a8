"""Rendered parts of the directory's pages, cached until anything shown in them changes.

A directory of 100,000 organisations is read far more than it is written. The pages a visitor
sees (the organisation list and an organisation's page) are rendered once per language and kept
in the shared cache under a *generation*: any write to what they show (an organisation, its
themes and places, memberships, people's public profiles, local groups, themes, places) starts a
new generation, so a stale fragment is never served. Writes are caught by model signals — cache
invalidation is plumbing, like the search index — and bulk writes (seed_scale, imports, the demo)
call `directory_changed()` themselves.
"""

import hashlib
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

GENERATION_KEY = "directory:generation"
FRAGMENT_TIMEOUT = 60 * 60


def directory_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def directory_changed(*args, **kwargs) -> None:
    """Start a new generation: every cached fragment is outdated. Takes any arguments, to serve as a signal receiver."""
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login", "last_used_at"}:
        return  # a log-in changes nothing that a page shows
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def cached_fragment(request, template_name: str, context: Callable[[], dict], *, key: tuple) -> SafeString:
    """Render `template_name` with `context()` once per generation, language and `key`; later calls read it.

    `context` is called only on a miss, so a hit runs no query. A fragment holding a CSRF token is
    personal and is never stored.
    """
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    cache_key = f"fragment:{directory_generation()}:{get_language()}:{template_name}:{digest}"
    html = cache.get(cache_key)
    if html is None:
        html = render_to_string(template_name, context(), request)
        if "csrfmiddlewaretoken" not in html:
            cache.set(cache_key, html, FRAGMENT_TIMEOUT)
    return mark_safe(html)

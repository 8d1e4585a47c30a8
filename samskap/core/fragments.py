"""Rendered parts of pages that visitors read far more often than anyone writes, cached until what they show changes.

A directory of 100,000 organisations, or 5,000 events, is read far more than it is written. What a
visitor sees of their lists and pages is rendered once per language and query string and kept in
the shared cache under one or more *generations*: "directory" (organisations, their themes and
places, memberships, people's public profiles, local groups, themes, places) and "events" (events,
their tickets, organisers and registrations). Any write to what a generation covers starts a new
one, so a stale fragment is never served. Writes are caught by model signals — cache invalidation
is plumbing, like the search index — and bulk writes (seed_scale, imports) call `generation_bump`
themselves. Pages whose content also changes with the clock (upcoming events) pass a short timeout.
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

FRAGMENT_TIMEOUT = 60 * 60
DIRECTORY = "directory"
EVENTS = "events"
KNOWLEDGE = "knowledge"
MARKETPLACE = "marketplace"
IDEAS = "ideas"  # ideas, challenges, incubators and their counts
SEARCH = "search"  # the search index: bumped by samskap.core.search on every change


def _key(name: str) -> str:
    return f"generation:{name}"


def generation(name: str) -> str:
    value = cache.get(_key(name))
    if value is None:
        cache.add(_key(name), uuid.uuid4().hex, None)
        value = cache.get(_key(name))
    return value


def generation_bump(name: str) -> None:
    """Start a new generation: every fragment cached under the old one is outdated."""
    cache.set(_key(name), uuid.uuid4().hex, None)


def generation_follows(name: str, *, models: Iterable = (), relations: Iterable = ()) -> None:
    """Bump generation `name` whenever one of `models` is saved or deleted, or a many-to-many `relations`
    (through models) changes. A log-in's save of last_login is no change."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    def changed(*args, **kwargs) -> None:
        if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login", "last_used_at"}:
            return
        generation_bump(name)

    for model in models:
        label = f"{name}-{model._meta.label}"
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{label}-saved")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{label}-deleted")
    for through in relations:
        m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=f"{name}-{through._meta.label}-changed")


def cached_fragment(request, template_name: str, context: Callable[[], dict], *, key: tuple,
                    generations: Iterable[str] = (DIRECTORY,), timeout: int = FRAGMENT_TIMEOUT) -> SafeString:
    """Render `template_name` with `context()` once per generation(s), language and `key`; later calls read it.

    `context` is called only on a miss, so a hit runs no query. A fragment holding a CSRF token is
    personal and is never stored.
    """
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    generations = tuple(generations)
    known = cache.get_many([_key(name) for name in generations])  # one round trip to Redis for all
    current = ":".join(known.get(_key(name)) or generation(name) for name in generations)
    cache_key = f"fragment:{current}:{get_language()}:{template_name}:{digest}"
    html = cache.get(cache_key)
    if html is None:
        html = render_to_string(template_name, context(), request)
        if "csrfmiddlewaretoken" not in html:
            cache.set(cache_key, html, timeout)
    return mark_safe(html)

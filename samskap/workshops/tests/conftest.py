import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings, client):
    """Visitors' pages and the notifications of members who chose no language fall back to the hub's language
    (Swedish): the tests read English text, so they must not break as the translations arrive."""
    settings.LANGUAGE_CODE = "en"
    client.defaults.setdefault("HTTP_ACCEPT_LANGUAGE", "en")


def run_async(coroutine_function, *args):
    """Run a coroutine to its end from a test and return its result — in a thread of its own, because a browser
    test that ran earlier in this process may have left Playwright's event loop running in this one (where
    `async_to_sync` and `asyncio.run` refuse to work)."""
    import asyncio
    import threading

    outcome = {}

    def target():
        try:
            outcome["result"] = asyncio.run(coroutine_function(*args))
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


@pytest.fixture
def cache_of_this_process(settings):
    """A cache no other process empties, for the tests that count queries.

    Every page reads the hub's settings through the cache. On Redis (REDIS_URL) the cache is shared: every other
    test process on the machine empties it (FLUSHDB) before and after each of its tests, so a page counted just
    after a warm-up now and then read the hub's settings again: one or two queries more, a flaky count."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "query-counts"}}
    cache.clear()  # a local-memory cache outlives the test in this process: start empty
    yield
    cache.clear()

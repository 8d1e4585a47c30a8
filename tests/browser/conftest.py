"""Real Chromium (Debian's) driven by Playwright against pytest-django's live server, with axe-core."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from django.test import Client

# Playwright's sync API runs an event loop in this thread; the ORM calls it makes are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = (f"Chromium not found at {CHROMIUM}: browser tests need Debian's chromium "
                   "(apt-get install -y --no-install-recommends chromium).")
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm install` (make test does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


def log_in(context, live_server, user) -> None:
    """Give the browser a session for `user`, as after a log-in, without going through the form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def set_language(context, live_server, language: str) -> None:
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page for the WCAG 2.1 A and AA rules and return the violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    # resultTypes: axe still runs every rule and lists every violation, but skips collecting the passes.
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}))"
        ".violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))",
        WCAG_TAGS,
    )


def format_violations(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in violations)


def focused(page) -> str:
    """The focused element as TAG:id, href or text, for keyboard tests. After a swap or a reload the focus is
    put back a moment later (autofocus at the next rendering, a script after the swap): wait up to two seconds
    while nothing has it."""
    try:
        page.wait_for_function("() => document.activeElement && document.activeElement !== document.body", timeout=2000)
    except PlaywrightTimeoutError:
        pass  # nothing took the focus: say so below
    return page.evaluate("""(() => { const e = document.activeElement;
        return e.tagName + ':' + (e.id || e.getAttribute('href') || e.textContent.trim()); })()""")


def tab_to(page, wanted: str, limit: int = 150) -> list[str]:
    """Press Tab until `wanted` (as `focused` writes it) has the focus, with a visible outline; what was passed."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1] == wanted:
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", wanted
            return seen
    raise AssertionError(f"never reached {wanted}: {seen}")


class _Server:
    def __init__(self, url: str):
        self.url = url

    def __str__(self):
        return self.url


@pytest.fixture(scope="session")
def _asgi_server_session():
    """The ASGI application (pages and the workshops' WebSockets) served by uvicorn in a thread of this process,
    so it shares the test database with the test (as pytest-django's live server does for WSGI)."""
    import socket
    import threading
    import time

    import uvicorn

    from config.asgi import application

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning",
                                           ws="websockets-sansio", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    else:
        raise RuntimeError("uvicorn did not start")
    yield _Server(f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture
def asgi_server(transactional_db, _asgi_server_session):
    """Like `live_server`, for pages that need the WebSocket: `asgi_server.url`."""
    return _asgi_server_session


@pytest.fixture
def new_context(browser, asgi_server):
    """Open browser contexts (a facilitator's laptop, the projector, each participant's phone) on the ASGI server."""
    opened = []

    def open_context(*, phone: bool = False, language: str | None = None):
        viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        context = browser.new_context(base_url=asgi_server.url, viewport=viewport)
        context.set_default_timeout(15_000)
        if language:
            set_language(context, asgi_server, language)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()

"""Notifications in a real browser: the page is axe-clean in four languages, and the header's link is reached
by keyboard and names the unread count."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("/tmp/shots")


def member_with_notifications(language: str = "en", *, count: int = 23):
    """A member with `count` notifications: the two newest unread (one with a link, one without), the rest read."""
    user = UserFactory(name="Åsa Andersson", preferred_language=language)
    now = timezone.now()
    Notification.objects.create(
        user=user, kind="funding_call", url="/events/", created_at=now - timedelta(minutes=5),
        title="New funding call for Grannskap: Stöd till insatser mot ensamhet",
        body="Next deadline: 1 June 2026 23:59 (Europe/Stockholm).\nWhy it fits: open to association / NGO, "
             "in Skåne, theme: Loneliness.")
    Notification.objects.create(user=user, kind="note", title="Your organisation was verified by the hub",
                                created_at=now - timedelta(hours=2))
    Notification.objects.bulk_create(
        Notification(user=user, kind="note", title=f"Older news number {n}", read_at=now, url="/events/" * (n % 2),
                     created_at=now - timedelta(days=n + 1)) for n in range(count - 2))
    return user


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_notification_page_has_no_accessibility_violations(context, page, live_server, language):
    user = member_with_notifications(language)
    log_in(context, live_server, user)
    set_language(context, live_server, language)

    page.goto("/notifications/")

    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".notification").count() == 20
    violations = axe_violations(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"notifications-{language}.png"), full_page=True)
    assert not violations, format_violations(violations)
    page.set_viewport_size({"width": 360, "height": 740})
    page.screenshot(path=str(SHOTS / f"notifications-{language}-narrow.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_empty_notification_page_has_no_accessibility_violations(context, page, live_server):
    log_in(context, live_server, UserFactory(preferred_language="en"))

    page.goto("/notifications/")

    assert "No notifications yet" in page.locator("main").inner_text()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def focused(page) -> str:
    return page.evaluate("""(() => { const e = document.activeElement;
        return e.tagName + ':' + (e.getAttribute('href') || e.textContent.trim()); })()""")


def test_the_header_link_is_reached_by_keyboard_and_announces_the_unread_count(context, page, live_server):
    user = member_with_notifications("en")
    log_in(context, live_server, user)
    set_language(context, live_server, "en")
    page.goto("/")
    SHOTS.mkdir(parents=True, exist_ok=True)

    # Seen as "Notifications (2)"; read as "Notifications 2 unread" (the brackets are hidden from screen readers).
    link = page.get_by_role("link", name="Notifications 2 unread", exact=True)
    assert link.count() == 1
    assert link.evaluate("a => [...a.childNodes].filter(n => !n.classList?.contains('ds-sr-only'))"
                         ".map(n => n.textContent).join('')") == "Notifications (2)"
    link.screenshot(path=str(SHOTS / "notifications-header-link.png"))
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1].startswith("A:/notifications/"):
            break
    assert seen[-1].startswith("A:/notifications/"), seen
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/notifications/")
    assert page.get_by_role("link", name="Notifications 2 unread").get_attribute("aria-current") == "page"

    # The newest notification's title is a button that marks it read and opens its page.
    for _ in range(60):
        page.keyboard.press("Tab")
        if focused(page).startswith("BUTTON:New funding call"):
            break
    assert focused(page).startswith("BUTTON:New funding call")
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/")
    assert page.get_by_role("link", name="Notifications 1 unread").count() == 1

    page.goto("/notifications/")
    page.get_by_role("button", name="Mark all as read").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Notifications", exact=True).count() == 1
    assert page.locator(".notification--unread").count() == 0

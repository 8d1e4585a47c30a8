"""What a person does in the browser: sign up, verify, log in, switch language, edit the profile."""

import re

import pytest
from django.core import mail

from samskap.accounts.models import User
from samskap.accounts.tests.factories import PASSWORD, UserFactory

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_verify_log_in_switch_language_and_edit_profile(page, live_server):
    mail.outbox.clear()
    page.goto("/")
    page.locator("header a[href='/accounts/signup/']").click()
    page.wait_for_url("**/accounts/signup/")
    page.fill("#id_email", "ildsjel@example.no")
    page.fill("#id_name", "Ingrid Ildsjel")
    page.fill("#id_password1", "Et-langt-passord-2026")
    page.fill("#id_password2", "Et-langt-passord-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/accounts/confirm-email/")

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    page.goto(link)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/accounts/login/")

    page.fill("#id_login", "ildsjel@example.no")
    page.fill("#id_password", "Et-langt-passord-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/profile/")
    assert "Ingrid Ildsjel" in page.locator("h1").inner_text()

    page.select_option("#language-select", "nb")
    page.locator(".language-switcher button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nb"
    assert User.objects.get(email="ildsjel@example.no").preferred_language == "nb"

    page.locator("main a[href='/profile/edit/']").click()
    page.fill("#id_bio", "Jeg vil starte en nabolagsinkubator på Tøyen.")
    page.check("input[name=languages][value=so]")
    page.select_option("#id_email_visibility", "public")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/profile/")
    assert "Jeg vil starte en nabolagsinkubator på Tøyen." in page.locator("main").inner_text()
    assert page.locator("html").get_attribute("lang") == "nb"
    person = User.objects.get(email="ildsjel@example.no")
    assert person.languages == ["so"] and person.email_visibility == "public"


def test_keyboard_users_skip_to_the_content_and_switch_language(page, live_server):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.focus("#language-select")
    page.keyboard.press("End")  # English, the last choice
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('form').className") == "language-switcher"
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"


def test_keyboard_reaches_every_link_and_button_of_the_header_in_order(page, live_server):
    page.goto("/")
    seen = []
    for _ in range(20):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("(() => { const e = document.activeElement; return e.tagName + ':' + (e.getAttribute('href') || e.id || e.textContent.trim()); })()"))
    assert seen[0] == "A:#main"
    assert "A:/knowledge/" in seen and "A:/funding/" in seen
    assert "A:/ideas/" in seen and "A:/challenges/" in seen
    assert seen.index("A:/workshops/") == seen.index("A:/challenges/") + 1
    assert "A:/accounts/login/" in seen and "A:/accounts/signup/" in seen
    assert "SELECT:language-select" in seen


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/", "/accessibility/"])
def test_pages_fit_a_320_pixel_wide_screen_without_sideways_scrolling(browser, live_server, path):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_profile_edit_fits_a_320_pixel_wide_screen(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    log_in(context, live_server, UserFactory())
    page = context.new_page()
    page.goto("/profile/edit/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_sign_up_and_log_in_work_without_javascript(browser, live_server):
    mail.outbox.clear()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/signup/")
    page.fill("#id_email", "utan-js@example.se")
    page.fill("#id_password1", "Ett-långt-lösenord-2026")
    page.fill("#id_password2", "Ett-långt-lösenord-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert User.objects.filter(email="utan-js@example.se").exists()
    assert len(mail.outbox) == 1

    member = UserFactory()
    page.goto("/accounts/login/")
    page.fill("#id_login", member.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/profile/")
    context.close()


def test_pages_load_no_resource_from_another_host_and_break_no_csp_rule(page, live_server):
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: problems.append(request.url) if not request.url.startswith(live_server.url) else None)
    for path in ["/", "/accounts/login/", "/accounts/signup/", "/api/v1/docs", "/api/v1/swagger"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert problems == []


def test_the_error_summary_takes_focus_so_screen_readers_announce_it(page, live_server):
    log_in(page.context, live_server, UserFactory())
    page.goto("/profile/tokens/")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.classList.contains('ds-error-summary')")

"""Every page of the platform, in all four languages, has no WCAG 2.1 A/AA violations that axe finds."""

import pytest
from django.core.management import call_command

from samskap.accounts.tests.factories import UserFactory

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

VISITOR_PAGES = [
    "/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/accessibility/", "/privacy/",
    "/accounts/confirm-email/", "/no-such-page/", "/api/v1/docs", "/search/?q=samarbete",
]
MEMBER_PAGES = [
    "/profile/", "/profile/edit/", "/profile/tokens/", "/profile/delete/", "/accounts/email/",
    "/accounts/password/change/", "/accounts/2fa/", "/accounts/reauthenticate/",
]
HUB_ADMIN_PAGES = ["/hub/settings/"]


def audit(page, path: str) -> None:
    audit_all(page, [path])


def audit_all(page, paths: list[str]) -> None:
    """Open every page and report the violations axe finds, page by page, all at once."""
    problems = []
    for path in paths:
        page.goto(path)
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")
    assert not problems, "\n".join(problems)


# One test per language audits all the pages in it: a test per page and language spent more time setting up and
# emptying the database than auditing the page.
@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_pages_have_no_accessibility_violations(context, page, live_server, language):
    set_language(context, live_server, language)
    audit_all(page, VISITOR_PAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_pages_have_no_accessibility_violations(context, page, live_server, language):
    log_in(context, live_server, UserFactory(bio="Eldsjäl i Rosengård.", languages=["sv", "ar"]))
    set_language(context, live_server, language)
    audit_all(page, MEMBER_PAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hub_admin_pages_have_no_accessibility_violations(context, page, live_server, language):
    log_in(context, live_server, UserFactory(is_superuser=True, is_staff=True))
    set_language(context, live_server, language)
    for path in HUB_ADMIN_PAGES:
        audit(page, path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_public_profile_has_no_accessibility_violations(context, page, live_server, language):
    person = UserFactory(bio="Mentor.", languages=["nb"], email_visibility="public", phone="+47 1", phone_visibility="public",
                         listed_in_directory=True)
    set_language(context, live_server, language)
    audit(page, f"/people/{person.pk}/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_forms_with_errors_have_no_accessibility_violations(context, page, live_server, language):
    set_language(context, live_server, language)
    page.goto("/accounts/login/")
    page.fill("#id_login", "not-an-address@example.org")
    page.fill("#id_password", "wrong")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary, .ds-validation-message, .ds-alert").count() > 0
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    log_in(context, live_server, UserFactory())
    page.goto("/profile/edit/")
    page.set_input_files("#id_avatar", files=[{"name": "me.png", "mimeType": "image/png", "buffer": b"not a picture"}])
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").is_visible()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_the_demo_hub_front_page_has_no_accessibility_violations(page, live_server):
    call_command("load_demo", verbosity=0)
    audit(page, "/")

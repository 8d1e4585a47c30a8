"""The organisation directory in a real browser: every page axe-clean in four languages, and the journey
of a new member who adds an organisation and brings in a colleague."""

import re

import pytest
from django.core import mail

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership, Organisation
from samskap.actors.tests.factories import LocalGroupFactory, MembershipFactory, OrganisationFactory, make_place, make_theme

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)


def directory_with_an_organisation():
    skane = make_place("Skåne län", level="region")
    malmo = make_place("Malmö", parent=skane)
    loneliness = make_theme("Loneliness")
    organisation = OrganisationFactory(
        name="Yalla Trappan", kind="work_integrating", legal_form="se-ekonomisk-forening", org_number="802481-1658",
        head_office=malmo, areas_served=[skane], themes=[loneliness], description="Ett arbetsintegrerande företag.",
        offers="Catering och praktikplatser", seeks="Uppdragsgivare", founded_year=2010, website="https://example.se",
        email="hej@example.se", phone="+46 40 123 45", is_registered_social_enterprise=True,
        registration_evidence_url="https://example.se/register", social_links=["https://www.facebook.com/example"],
        is_verified=True,
    )
    OrganisationFactory.create_batch(25, head_office=malmo, themes=[loneliness])  # two pages
    LocalGroupFactory(name="Kreaprenör Skåne", organisations=[organisation])
    MembershipFactory(organisation=organisation, user=UserFactory(name="Listed Lisa", listed_in_directory=True),
                      role="contact")
    MembershipFactory(organisation=organisation, user=UserFactory(name="Asking Anna"), status="requested")
    invitation = Membership.objects.create(organisation=organisation, invited_email="invited@example.org",
                                           status="invited")
    return organisation, skane, loneliness, invitation


def audit(page, path: str) -> None:
    page.goto(path)
    violations = axe_violations(page)
    assert not violations, f"{path}:\n{format_violations(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_pages_have_no_accessibility_violations(context, page, live_server, language):
    organisation, skane, loneliness, invitation = directory_with_an_organisation()
    set_language(context, live_server, language)
    for path in ["/organisations/", f"/organisations/?place={skane.slug}&theme={loneliness.slug}&sort=newest&page=2",
                 "/organisations/?kind=spaceship&page=abc", organisation.get_absolute_url()]:
        audit(page, path)

    hub_admin = UserFactory(is_superuser=True, is_staff=True, name="Hanna Hub")
    MembershipFactory(organisation=organisation, user=hub_admin, role="admin")
    log_in(context, live_server, hub_admin)
    slug = organisation.slug
    for path in [f"/organisations/{slug}/", "/organisations/new/", f"/organisations/{slug}/edit/",
                 f"/organisations/{slug}/members/", f"/organisations/{slug}/merge/?q=a",
                 f"/organisations/invitations/{invitation.token}/", "/organisations/invitations/no-such-token/"]:
        audit(page, path)

    page.goto("/organisations/new/")
    page.fill("#id_org_number", "556036-0794")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").is_visible()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_a_new_member_adds_an_organisation_and_a_colleague_joins_by_invitation(browser, context, page, live_server):
    mail.outbox.clear()
    founder = UserFactory(name="Frida Founder")
    colleague = UserFactory(name="Kim Kollega", email="kim.private@example.org")
    log_in(context, live_server, founder)
    set_language(context, live_server, "en")

    page.goto("/organisations/")
    page.locator("main a[href='/organisations/new/']").click()
    page.wait_for_url("**/organisations/new/")
    page.fill("#id_name", "Grannskapsverket i Rosengård")
    page.select_option("#id_kind", "social_enterprise")
    page.select_option("#id_sector", "civil")
    page.select_option("#id_country", "SE")
    page.select_option("#id_legal_form", "se-ekonomisk-forening")
    page.fill("#id_org_number", "5566778899")
    page.fill("#id_description", "Vi driver en grannskapsinkubator för ensamhet och samarbete.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/organisations/grannskapsverket-i-rosengard/$"))
    assert "Grannskapsverket i Rosengård" in page.locator("h1").inner_text()

    page.locator("main a", has_text="Members and invitations").click()
    page.wait_for_url("**/members/")
    page.fill("#id_email", "kim.work@example.org")
    page.select_option("#id_role", "contact")
    page.locator("main form button", has_text="Send the invitation").click()
    page.wait_for_load_state()
    assert "An invitation was sent to kim.work@example.org." in page.locator(".messages").inner_text()

    message = next(m for m in mail.outbox if m.to == ["kim.work@example.org"])
    link = re.search(r"https?://[^/\s]+(/organisations/invitations/\S+/)", message.body).group(1)

    # The colleague opens the link in their own browser, logged in with another address.
    other = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    try:
        log_in(other, live_server, colleague)
        set_language(other, live_server, "en")
        colleague_page = other.new_page()
        colleague_page.goto(link)
        colleague_page.locator("main button", has_text="Accept the invitation").click()
        colleague_page.wait_for_url("**/organisations/grannskapsverket-i-rosengard/")
        assert "Welcome to Grannskapsverket i Rosengård." in colleague_page.locator(".messages").inner_text()
        assert "Kim Kollega" in colleague_page.locator("main").inner_text()
    finally:
        other.close()

    organisation = Organisation.objects.get(name="Grannskapsverket i Rosengård")
    assert Membership.objects.get(organisation=organisation, user=colleague).role == "contact"
    page.goto("/organisations/?q=rosengård")
    assert page.locator("main .result-list a", has_text="Grannskapsverket i Rosengård").is_visible()
    # The Swedish description ("ensamhet och samarbete") is found by Danish and Norwegian words.
    for query in ("ensomhed", "samarbeid"):
        page.goto(f"/search/?q={query}")
        assert page.locator("main a", has_text="Grannskapsverket i Rosengård").first.is_visible(), query

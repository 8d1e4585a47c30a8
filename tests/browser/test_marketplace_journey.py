"""THE JOURNEY of the partner marketplace, in a real browser: a company posts "seeking competence"; a social
enterprise sees the ad among its suggestions and replies for the enterprise; the company marks the ad matched
with that partner; the partnership shows on both organisations' profiles (also to visitors)."""

import re

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Partnership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.marketplace.models import Ad, AdPartner, Conversation

from .conftest import axe_violations, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "We seek know-how in circular construction"


def no_axe_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}:\n{format_violations(violations)}"


def test_a_company_finds_a_social_enterprise_partner_through_an_ad(context, page, live_server):
    reuse = make_theme("Reuse and repair")
    malmo = make_place("Malmö journey town")
    company = OrganisationFactory(name="Bygg & Co AB", slug="bygg-co", kind="company", sector="private")
    karin = UserFactory(name="Karin Company")
    MembershipFactory(organisation=company, user=karin)
    enterprise = OrganisationFactory(name="Återbruket", slug="aterbruket", kind="work_integrating",
                                     offers="Dismantling and reuse of building materials.")
    enterprise.themes.set([reuse])
    enterprise.offer_themes.set([reuse])
    enterprise.areas_served.set([malmo])
    sara = UserFactory(name="Sara Social")
    MembershipFactory(organisation=enterprise, user=sara)
    set_language(context, live_server, "en")

    # 1. The company's member posts an ad "seeking competence" for the company.
    log_in(context, live_server, karin)
    page.goto("/marketplace/new/")
    page.get_by_label("Kind of ad").select_option("seeking_competence")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Posted for").select_option(label="Bygg & Co AB")
    page.get_by_label("Description").fill("We renovate schools in Malmö and want to reuse what we take down. "
                                          "Who can dismantle and sell on the materials?")
    page.get_by_label("Language of the text").select_option("en")
    page.get_by_role("checkbox", name="Reuse and repair").check()
    page.get_by_label("Places").select_option(str(malmo.pk))
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/marketplace/\d+/$"))
    ad = Ad.objects.get(title=TITLE)
    assert ad.organisation == company and ad.kind == "seeking_competence" and ad.status == Ad.Status.OPEN
    no_axe_violations(page)

    # 2. A member of the social enterprise sees it among the suggestions for the enterprise, with reasons.
    log_in(context, live_server, sara)
    page.goto("/marketplace/suggested/")
    page.get_by_role("link", name="For Återbruket").click()  # one group a page: the enterprise's
    page.wait_for_url("**/marketplace/suggested/?for=*")
    section = page.locator("section", has=page.get_by_role("heading", name="For Återbruket"))
    assert TITLE in section.inner_text()
    no_axe_violations(page)
    section.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**{ad.get_absolute_url()}")

    # 3. … and replies for the enterprise.
    page.get_by_label("Replying for").select_option(label="Återbruket")
    page.get_by_label("Your reply").fill("We dismantle and resell building materials in Malmö. Let us talk!")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_url(re.compile(r"/marketplace/messages/\d+/"))
    conversation = Conversation.objects.get(ad=ad)
    assert conversation.respondent == sara and conversation.respondent_organisation == enterprise
    no_axe_violations(page)

    # 4. The company sees the unread reply and marks the ad matched with that partner.
    log_in(context, live_server, karin)
    page.goto("/marketplace/messages/")
    assert "1 unread message" in page.locator("main").inner_text()
    page.get_by_role("link", name=TITLE).click()
    assert "We dismantle and resell" in page.locator("main").inner_text()
    page.get_by_role("link", name="Mark the ad as matched").click()
    page.get_by_role("checkbox", name="Sara Social for Återbruket").check()
    no_axe_violations(page)
    page.get_by_role("button", name="Mark as matched").click()
    page.wait_for_url(f"**{ad.get_absolute_url()}")
    ad.refresh_from_db()
    assert ad.status == Ad.Status.MATCHED
    partnership = Partnership.objects.get()
    assert (partnership.organisation_a, partnership.organisation_b) == (company, enterprise)
    assert AdPartner.objects.get(ad=ad).partnership == partnership

    # 5. The partnership shows on both organisations' profiles, for members and for visitors.
    for other, profile in ((enterprise, company), (company, enterprise)):
        page.goto(profile.get_absolute_url())
        partners = page.locator("section", has=page.get_by_role("heading", name="Partners", exact=True))
        assert other.name in partners.inner_text() and TITLE in partners.inner_text()
    context.clear_cookies()
    set_language(context, live_server, "en")
    page.goto(enterprise.get_absolute_url())
    partners = page.locator("section", has=page.get_by_role("heading", name="Partners", exact=True))
    assert "Bygg & Co AB" in partners.inner_text()
    partners.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**{ad.get_absolute_url()}")
    no_axe_violations(page)

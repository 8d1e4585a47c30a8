"""Suggested matches in a real browser: "Ads for you" and the owner's section on an ad page (loaded by htmx),
axe-clean in four languages, and the suggestions reachable by keyboard."""

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import Place
from samskap.marketplace.tests.factories import AdFactory

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)


def matching_world():
    sweden = Place.objects.get(level=Place.Level.COUNTRY, country="SE")
    skane = make_place("Skåne", level="region", parent=sweden)
    malmo = make_place("Malmö", parent=skane)
    work = make_theme("Work integration")
    owner = UserFactory(name="Ada Ägare")
    coop = OrganisationFactory(name="Kooperativet Malmö", kind="cooperative", head_office=malmo, themes=[work])
    MembershipFactory(organisation=coop, user=owner, role=Membership.Role.ADMIN)
    ad = AdFactory(owner=owner, organisation=coop, title="Vi söker kompetens inom bokföring i Malmö",
                   description="Vårt kooperativ behöver hjälp med bokföring och budget.", themes=[work],
                   places=[malmo])
    enterprise = OrganisationFactory(name="Ekonomihuset", kind="company", head_office=malmo, themes=[work],
                                     offers="Vi erbjuder bokföring och redovisning.")
    person = UserFactory(name="Bea Bokförare", listed_in_directory=True, place=malmo, skills="bokföring, budget")
    person.themes.set([work])
    member = UserFactory(name="Sam Social")
    MembershipFactory(organisation=enterprise, user=member)
    return ad, owner, member


@pytest.mark.parametrize("language", LANGUAGES)
def test_ads_for_you_and_the_owners_suggested_matches_pass_axe(context, page, live_server, language):
    ad, owner, member = matching_world()
    set_language(context, live_server, language)

    log_in(context, live_server, member)
    page.goto("/marketplace/suggested/")
    assert page.locator("h1").count() == 1
    violations = axe_violations(page)
    assert not violations, f"/marketplace/suggested/ ({language}):\n{format_violations(violations)}"
    enterprise = member.memberships.get().organisation  # the ad fits the enterprise: its group, one link away
    page.get_by_role("link", name=enterprise.name).click()
    page.wait_for_url(f"**/marketplace/suggested/?for={enterprise.slug}")
    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name=ad.title).count() == 1
    violations = axe_violations(page)
    assert not violations, f"/marketplace/suggested/ ({language}):\n{format_violations(violations)}"

    context.clear_cookies()
    set_language(context, live_server, language)
    log_in(context, live_server, owner)
    page.goto(ad.get_absolute_url())
    section = page.locator("#ad-suggestions")
    section.locator("ol").wait_for()  # htmx swapped the suggestions in
    assert section.get_by_role("link", name="Ekonomihuset").count() == 1
    assert section.get_by_role("link", name="Bea Bokförare").count() == 1
    violations = axe_violations(page)
    assert not violations, f"{ad.get_absolute_url()} ({language}):\n{format_violations(violations)}"


def test_the_suggestions_are_reachable_by_keyboard(context, page, live_server):
    ad, owner, _member = matching_world()
    set_language(context, live_server, "en")
    log_in(context, live_server, owner)
    page.goto(ad.get_absolute_url())
    page.locator("#ad-suggestions ol").wait_for()

    for _press in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Ekonomihuset":
            break
    else:
        pytest.fail("Tab never reached the first suggestion")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisations/**")
    assert page.locator("h1").inner_text() == "Ekonomihuset"

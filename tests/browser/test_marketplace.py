"""The marketplace in a real browser: the ad list, an ad page, the ad form (with errors), my ads and saved searches
axe-clean in four languages; posting an ad with the keyboard alone."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.marketplace.models import Ad, SavedSearch
from samskap.marketplace.tests.factories import AdFactory

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

# MARKETPLACE_SCREENSHOTS=/some/dir keeps full-page screenshots of every page audited, to look at.
SCREENSHOTS = Path(os.environ["MARKETPLACE_SCREENSHOTS"]) if os.environ.get("MARKETPLACE_SCREENSHOTS") else None

# What axe's WCAG rules leave to best practice (as tests/browser/test_knowledge.py checks).
STRUCTURE = """async () => {
    const problems = [];
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
    if (levels.filter(level => level === 1).length !== 1) problems.push('not exactly one h1');
    levels.forEach((level, i) => {
        if (i && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${level}`);
    });
    const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach(id => problems.push(`id "${id}" used twice`));
    document.querySelectorAll('th:not([scope])').forEach(th => problems.push(`th without scope: ${th.textContent}`));
    const result = await axe.run(document, {runOnly: {type: 'tag', values: ['best-practice']}, resultTypes: ['violations']});
    result.violations.forEach(v => problems.push(`${v.id}: ${v.help} at ${v.nodes.map(n => n.target).slice(0, 3)}`));
    return problems;
}"""


def marketplace_with_everything():
    member = UserFactory(name="Mira Medlem")
    organisation = OrganisationFactory(name="Kooperativet Malmö", kind="cooperative")
    MembershipFactory(organisation=organisation, user=member)
    loneliness, work = make_theme("Loneliness"), make_theme("Work integration")
    skane = make_place("Skåne", level="region")
    malmo = make_place("Malmö", parent=skane)
    today = timezone.localdate()
    ad = AdFactory(owner=member, organisation=organisation, kind="premises", title="Workshop space to share",
                   language="en", description="Two rooms and a kitchen.\nFree on Mondays.", themes=[work],
                   places=[malmo], valid_until=today + datetime.timedelta(days=4))
    for n, (kind, language) in enumerate([("seeking_competence", "sv"), ("volunteers", "nb"), ("collaboration", "da"),
                                          ("business_idea", "en"), ("buy_social", "sv")]):
        AdFactory(kind=kind, language=language, title=f"Ad {n} {kind}", themes=[loneliness], places=[malmo],
                  is_anywhere=n % 2 == 0)
    AdFactory(owner=member, title="Expired one", status="expired", valid_until=today - datetime.timedelta(days=2),
              is_anywhere=True)
    AdFactory(owner=member, title="Closed one", status="closed", is_anywhere=True)
    matched = AdFactory(title="Matched one", status="matched", is_anywhere=True)
    SavedSearch.objects.create(user=member, name="Premises in Malmö", query={"kind": "premises", "place": malmo.slug})
    SavedSearch.objects.create(user=member, name="Loneliness", query={"theme": loneliness.slug}, alerts=False)
    return member, ad, matched, malmo


def audit_all(page, paths: list[str], *, name: str = "") -> None:
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        if SCREENSHOTS:
            page.screenshot(path=str(SCREENSHOTS / f"{name}{path.strip('/').replace('/', '_').replace('?', '_')}.png"),
                            full_page=True)
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")
        problems.extend(f"{path}: {problem}" for problem in page.evaluate(STRUCTURE))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_marketplace_pages_for_visitors_have_no_accessibility_violations(context, page, live_server, language):
    _member, ad, matched, malmo = marketplace_with_everything()
    set_language(context, live_server, language)
    audit_all(page, ["/marketplace/", f"/marketplace/?kind=premises&place={malmo.slug}&sort=closing&page=x",
                     ad.get_absolute_url(), matched.get_absolute_url()], name=f"visitor-{language}-")


@pytest.mark.parametrize("language", LANGUAGES)
def test_marketplace_pages_for_members_have_no_accessibility_violations(context, page, live_server, language):
    member, ad, _matched, malmo = marketplace_with_everything()
    set_language(context, live_server, language)
    log_in(context, live_server, member)
    expired = Ad.objects.get(title="Expired one")
    audit_all(page, ["/marketplace/", f"/marketplace/?sort=match&place={malmo.slug}", ad.get_absolute_url(),
                     expired.get_absolute_url(), "/marketplace/new/", f"/marketplace/{ad.pk}/edit/",
                     "/marketplace/mine/", "/marketplace/saved/"], name=f"member-{language}-")
    log_in(context, live_server, UserFactory())
    audit_all(page, [ad.get_absolute_url(), "/marketplace/saved/", "/marketplace/mine/"], name=f"other-{language}-")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ad_form_with_errors_has_no_accessibility_violations(context, page, live_server, language):
    member, _ad, _matched, _malmo = marketplace_with_everything()
    set_language(context, live_server, language)
    log_in(context, live_server, member)
    page.goto("/marketplace/new/")
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").count() == 1
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    if SCREENSHOTS:
        page.screenshot(path=str(SCREENSHOTS / f"form-errors-{language}.png"), full_page=True)


def test_marketplace_pages_load_nothing_from_other_hosts_and_break_no_csp_rule(context, page, live_server):
    member, ad, _matched, _malmo = marketplace_with_everything()
    problems = []
    page.on("console", lambda message: problems.append(f"{page.url}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on("request", lambda request: problems.append(request.url)
            if not request.url.startswith(live_server.url) else None)
    log_in(context, live_server, member)
    for path in ("/marketplace/", ad.get_absolute_url(), "/marketplace/new/", "/marketplace/mine/",
                 "/marketplace/saved/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert problems == []


# Keyboard --------------------------------------------------------------------------------------------------------



def test_a_member_posts_an_ad_with_the_keyboard_alone(context, page, live_server):
    member, _ad, _matched, _malmo = marketplace_with_everything()
    log_in(context, live_server, member)
    page.goto("/marketplace/")
    tab_to(page, "A:/marketplace/new/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/marketplace/new/")

    typed = {"id_kind": "Seeking", "id_title": "Tangentbordets annons",
             "id_description": "Skriven utan mus.\nTvå rader."}
    stops = []
    for _ in range(300):
        page.keyboard.press("Tab")
        where = focused(page)
        if where == "BUTTON:Post the ad":
            break
        field = where.split(":", 1)[1]
        if not page.evaluate("document.activeElement.closest('main form[method=post]') !== null"):
            continue
        if stops and stops[-1] == field:  # the parts of a date field
            continue
        stops.append(field)
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", field
        if field in typed:
            page.keyboard.type(typed[field])
        elif field == "id_is_anywhere":
            page.keyboard.press("Space")
        elif field == "id_organisation":
            page.keyboard.press("ArrowDown")  # from "Myself" to the member's organisation
    else:
        raise AssertionError(f"never reached the button: {stops}")
    in_reading_order = ["id_kind", "id_title", "id_organisation", "id_description", "id_language", "id_is_anywhere",
                        "id_places", "id_themes_0", "id_valid_until"]
    assert [stop for stop in stops if stop in in_reading_order] == in_reading_order, stops
    assert "id_website" not in stops  # the honeypot is out of the tab order
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/marketplace/\d+/$"))

    ad = Ad.objects.get(title="Tangentbordets annons")
    assert ad.kind == "seeking_competence" and ad.description == "Skriven utan mus.\nTvå rader."
    assert ad.is_anywhere and ad.organisation.name == "Kooperativet Malmö" and ad.owner == member
    assert page.locator("h1").inner_text() == "Tangentbordets annons"

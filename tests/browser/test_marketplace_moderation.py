"""Reporting and moderation in a real browser: the report forms, the moderation queue and the hide page are
axe-clean in four languages; a hub admin hides a reported ad with a reason using the keyboard alone."""

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.marketplace import services_moderation as moderation
from samskap.marketplace.models import Ad, Report
from samskap.marketplace.tests.factories import AdFactory, ConversationFactory, MessageFactory

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)

# What axe's WCAG rules leave to best practice: one h1, headings without skipped levels, ids used once, table
# headers that say what they head (as tests/browser/test_knowledge.py checks).
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


def reported_marketplace():
    admin = UserFactory(name="Hedda Hubadmin", is_superuser=True, is_staff=True)
    reporter = UserFactory(name="Rasmus Rapportör")
    spam = AdFactory(title="Billiga klockor, ring nu")
    moderation.report_ad(ad=spam, by=reporter, reason="Spam for watches.")
    moderation.report_ad(ad=spam, by=UserFactory(), reason="Not a partner ad.")
    conversation = ConversationFactory(ad=AdFactory(title="Vi söker en revisor"))
    rude = MessageFactory(conversation=conversation, body="Skicka pengar först.")
    moderation.report_message(message=rude, by=conversation.ad.owner, reason="Asks for money.")
    hidden = AdFactory(title="Dubblett")
    moderation.ad_hide(ad=hidden, by=admin, reason="A duplicate of another ad.")
    old = MessageFactory(body="Dumt svar.")
    moderation.report_message(message=old, by=old.conversation.ad.owner, reason="Rude")
    moderation.message_hide(message=old, by=admin, reason="Be kind.")
    fresh = AdFactory(title="Lokal för verkstad")
    other = MessageFactory(body="Vill ni ses?")
    return admin, reporter, spam, rude, fresh, other


def audit_all(page, paths: list[str]) -> None:
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")
        problems.extend(f"{path}: {problem}" for problem in page.evaluate(STRUCTURE))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_forms_have_no_accessibility_violations(context, page, live_server, language):
    _admin, reporter, _spam, _rude, fresh, other = reported_marketplace()
    set_language(context, live_server, language)
    log_in(context, live_server, other.conversation.ad.owner)
    audit_all(page, [f"/marketplace/{fresh.pk}/report/",
                     f"/marketplace/messages/{other.conversation.pk}/report/{other.pk}/"])
    # With the error of an empty reason, focus on the summary.
    page.goto(f"/marketplace/{fresh.pk}/report/")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").count() == 1
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_moderation_queue_and_hide_page_have_no_accessibility_violations(context, page, live_server,
                                                                            language):
    admin, _reporter, spam, rude, _fresh, _other = reported_marketplace()
    set_language(context, live_server, language)
    log_in(context, live_server, admin)
    audit_all(page, ["/marketplace/moderation/", f"/marketplace/moderation/ads/{spam.pk}/hide/",
                     f"/marketplace/moderation/messages/{rude.pk}/hide/"])


def tab_to(page, wanted: str, limit: int = 200) -> list[str]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1] == wanted:
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", wanted
            return seen
    raise AssertionError(f"never reached {wanted}: {seen}")


def test_a_hub_admin_hides_a_reported_ad_with_a_reason_using_the_keyboard_alone(context, page, live_server):
    admin, _reporter, spam, _rude, _fresh, _other = reported_marketplace()
    set_language(context, live_server, "en")
    log_in(context, live_server, admin)
    page.goto("/marketplace/moderation/")

    # First an empty reason: the error is said, and nothing is hidden.
    tab_to(page, f"TEXTAREA:id_reason_ad{spam.pk}")
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON:Hide the ad"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/marketplace/moderation/ads/{spam.pk}/hide/")
    assert "Tell the author why it is hidden." in page.locator("main").inner_text()
    assert not Ad.objects.get(pk=spam.pk).is_hidden

    tab_to(page, f"TEXTAREA:id_reason_ad{spam.pk}")
    page.keyboard.type("Ads here are for partnerships, not sales.")
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON:Hide the ad"
    page.keyboard.press("Enter")
    page.wait_for_url("**/marketplace/moderation/")

    assert "is hidden. Its author is told why." in page.locator(".messages").inner_text()
    ad = Ad.objects.get(pk=spam.pk)
    assert ad.is_hidden and ad.hidden_reason == "Ads here are for partnerships, not sales." and ad.hidden_by == admin
    assert set(Report.objects.filter(ad=ad).values_list("outcome", flat=True)) == {"hidden"}
    # The ad left the queue and is among the hidden ones, with a button to show it again.
    assert page.locator(f"#heading-ad{spam.pk}").count() == 0
    assert page.get_by_role("button", name="Show “Billiga klockor, ring nu” again").count() == 1

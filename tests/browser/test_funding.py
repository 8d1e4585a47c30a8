"""Funding calls in a real browser: every page axe-clean in four languages, and a funder who adds a call with
the keyboard alone."""

from datetime import timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import Place
from samskap.knowledge.models import FundingCall, FundingDeadline
from samskap.knowledge.tests.factories import FundingCallFactory

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)

# What axe's WCAG rules leave to best practice: one h1, headings without skipped levels, ids used once.
STRUCTURE = """async () => {
    const problems = [];
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
    if (levels.filter(level => level === 1).length !== 1) problems.push('not exactly one h1');
    levels.forEach((level, i) => {
        if (i && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${level}`);
    });
    const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach(id => problems.push(`id "${id}" used twice`));
    const result = await axe.run(document, {runOnly: {type: 'tag', values: ['best-practice']}, resultTypes: ['violations']});
    result.violations.forEach(v => problems.push(`${v.id}: ${v.help} at ${v.nodes.map(n => n.target).slice(0, 3)}`));
    return problems;
}"""


def funding_with_everything():
    """A funder with a member, an association with a member, and calls of every kind: two rounds in Oslo's
    time, rolling, closing tomorrow, closed, and hidden."""
    sweden = Place.objects.get(level="country", country="SE")
    skane = make_place("Skåne", level="region", parent=sweden)
    malmo = make_place("Malmö", parent=skane)
    loneliness = make_theme("Loneliness")
    funder_person = UserFactory(name="Frida Funder")
    funder = OrganisationFactory(name="Region Skåne", kind="region", head_office=skane)
    MembershipFactory(organisation=funder, user=funder_person)
    applicant = UserFactory(name="Ali Applicant")
    association = OrganisationFactory(name="Yalla Trappan", kind="association", head_office=malmo,
                                      themes=[loneliness])
    MembershipFactory(organisation=association, user=applicant)

    oslo_noon = (timezone.now() + timedelta(days=12)).astimezone(ZoneInfo("Europe/Oslo")).replace(
        hour=12, minute=0, second=0, microsecond=0)
    two_rounds = FundingCallFactory(
        title="Sosial innovasjon i Norden", slug="sosial-innovasjon", language="nb", funder=funder,
        programme="Nordisk samarbeid", amount_min=100_000, amount_max=1_500_000, currency="NOK",
        time_zone="Europe/Oslo", eligible_kinds=["association", "cooperative"], eligible_places=[skane],
        themes=[loneliness], eligibility="Ideelle organisasjoner.", co_financing="50 % fra andre kilder",
        contact_name="Kari Kontakt", contact_email="kari@example.org", next_deadline=oslo_noon, deadline=False)
    FundingDeadline.objects.create(call=two_rounds, label="Skisse", due=oslo_noon)
    FundingDeadline.objects.create(call=two_rounds, label="Full søknad", due=oslo_noon + timedelta(days=60))
    FundingDeadline.objects.create(call=two_rounds, label="Forrige runde", due=oslo_noon - timedelta(days=200))
    rolling = FundingCallFactory(title="Mikrostöd", slug="mikrostod", funder=funder, is_rolling=True,
                                 next_deadline=None, deadline=False, amount_min=None, amount_max=20_000)
    tomorrow = FundingCallFactory(title="Pulje for lokale initiativer", slug="pulje", language="da",
                                  currency="DKK", time_zone="Europe/Copenhagen",
                                  next_deadline=timezone.now() + timedelta(days=1, hours=2))
    FundingCallFactory(title="Stängd utlysning", slug="stangd", next_deadline=None, deadline=False)
    hidden = FundingCallFactory(title="Dold utlysning", slug="dold", funder=funder, is_published=False)
    return SimpleNamespace(funder_person=funder_person, funder=funder, applicant=applicant, association=association,
                           two_rounds=two_rounds, rolling=rolling, tomorrow=tomorrow, hidden=hidden,
                           theme=loneliness, skane=skane)


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
def test_funding_pages_for_visitors_have_no_accessibility_violations(context, page, live_server, language):
    data = funding_with_everything()
    set_language(context, live_server, language)
    audit_all(page, ["/funding/", f"/funding/?theme={data.theme.slug}&kind=association&place=se&closed=on",
                     "/funding/?amount=nothing", "/funding/closing-soon/", data.two_rounds.get_absolute_url(),
                     data.rolling.get_absolute_url(), data.tomorrow.get_absolute_url()])


@pytest.mark.parametrize("language", LANGUAGES)
def test_funding_pages_for_members_have_no_accessibility_violations(context, page, live_server, language):
    data = funding_with_everything()
    log_in(context, live_server, data.funder_person)
    set_language(context, live_server, language)
    audit_all(page, ["/funding/", "/funding/for-me/", "/funding/new/", data.two_rounds.get_absolute_url(),
                     data.hidden.get_absolute_url(), f"/funding/{data.two_rounds.slug}/edit/",
                     f"/funding/{data.two_rounds.slug}/delete/"])
    log_in(context, live_server, data.applicant)
    audit_all(page, ["/funding/for-me/", "/funding/closing-soon/"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_funding_form_with_errors_has_no_accessibility_violations(context, page, live_server, language):
    data = funding_with_everything()
    log_in(context, live_server, data.funder_person)
    set_language(context, live_server, language)
    page.goto("/funding/new/")
    page.fill("#id_amount_min", "900")
    page.fill("#id_amount_max", "100")
    page.fill("#id_deadlines-1-time", "10:00")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").count() == 1
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    assert page.evaluate(STRUCTURE) == []


def test_funding_pages_load_nothing_from_other_hosts_and_break_no_csp_rule(context, page, live_server):
    data = funding_with_everything()
    problems = []
    page.on("console", lambda message: problems.append(f"{page.url}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on("request", lambda request: problems.append(request.url)
            if not request.url.startswith(live_server.url) else None)
    log_in(context, live_server, data.funder_person)
    for path in ["/funding/", "/funding/closing-soon/", "/funding/for-me/", "/funding/new/",
                 data.two_rounds.get_absolute_url()]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert problems == []


# Keyboard --------------------------------------------------------------------------------------------------------

def tab_to(page, target: str, limit: int = 150) -> list[str]:
    """Press Tab until the element `target` ("INPUT:id_title", "A:/funding/new/") has the focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1] == target:
            return seen
    raise AssertionError(f"{target} never got the focus: {seen}")


FOCUS_SHOWN = """(() => { const e = document.activeElement, s = getComputedStyle(e);
    if (e.matches('input[type=date], input[type=time]') && !e.matches(':focus-visible')) return true;
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; })()"""


def test_a_funder_adds_a_call_with_the_keyboard_alone(context, page, live_server):
    data = funding_with_everything()
    log_in(context, live_server, data.funder_person)
    page.goto("/funding/")

    tab_to(page, "A:/funding/new/")
    assert page.evaluate(FOCUS_SHOWN)
    page.keyboard.press("Enter")
    page.wait_for_url("**/funding/new/")

    seen = tab_to(page, "INPUT:id_title")
    page.keyboard.type("Grannskapsfonden")
    seen += tab_to(page, "SELECT:id_funder")
    page.keyboard.press("ArrowDown")  # the first organisation after "Choose the funder"
    assert page.evaluate("document.activeElement.selectedOptions[0].textContent") == "Region Skåne"
    seen += tab_to(page, "INPUT:id_amount_max")
    page.keyboard.type("250000")
    seen += tab_to(page, "INPUT:id_deadlines-0-label")
    page.keyboard.type("Ansökan")
    seen += tab_to(page, "INPUT:id_deadlines-0-date")
    page.keyboard.type("09152031")  # the browser's own order: month, day, year
    if page.evaluate("document.activeElement.value") != "2031-09-15":  # a day-first locale
        page.fill("#id_deadlines-0-date", "")
        page.focus("#id_deadlines-0-date")
        page.keyboard.type("15092031")
    assert page.input_value("#id_deadlines-0-date") == "2031-09-15"
    seen += tab_to(page, "INPUT:id_deadlines-0-time")
    page.keyboard.type("1400")
    seen += tab_to(page, "INPUT:id_eligible_kinds_2")
    page.keyboard.press("Space")
    # Every stop on the way showed where the focus was.
    seen += tab_to(page, "BUTTON:" + page.locator("main form[method=post] button[type=submit]").inner_text().strip())
    page.keyboard.press("Enter")
    page.wait_for_url("**/funding/grannskapsfonden/")

    call = FundingCall.objects.get(slug="grannskapsfonden")
    assert call.funder == data.funder and call.amount_max == 250_000 and call.created_by == data.funder_person
    deadline = call.deadlines.get()
    assert deadline.label == "Ansökan"
    assert timezone.localtime(deadline.due, ZoneInfo("Europe/Stockholm")).strftime("%Y-%m-%d %H:%M") == (
        "2031-09-15 14:00")
    assert call.eligible_kinds == ["association"]
    assert "Grannskapsfonden" in page.locator("h1").inner_text()


def test_every_link_button_and_field_of_the_funding_pages_shows_the_focus(context, page, live_server):
    data = funding_with_everything()
    log_in(context, live_server, data.funder_person)
    unseen = []
    for path in ["/funding/", "/funding/new/", data.two_rounds.get_absolute_url(), "/funding/for-me/"]:
        page.goto(path)
        page.keyboard.press("Tab")  # the skip link
        for _ in range(250):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement === document.body || !!document.activeElement.closest('footer')"):
                break
            if not page.evaluate(FOCUS_SHOWN):
                unseen.append(f"{path}: {focused(page)}")
    assert unseen == []

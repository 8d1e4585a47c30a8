"""Ideas (part B1) in a real browser: the idea list, an idea's page (with my ideas and the delete confirmation) and
the idea form (empty, with errors, editing) axe-clean in four languages; submitting an idea with a need using the
keyboard alone."""

import re

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import make_place, make_theme
from samskap.ideas.models import Idea, IdeaNeed
from samskap.ideas.services_images import idea_image_add
from samskap.ideas.tests.factories import ChallengeFactory, IdeaFactory, image_upload, stage

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

# What axe's WCAG rules leave to best practice (as tests/browser/test_marketplace.py checks).
STRUCTURE = """async () => {
    const problems = [];
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
    if (levels.filter(level => level === 1).length !== 1) problems.push('not exactly one h1');
    levels.forEach((level, i) => {
        if (i && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${level}`);
    });
    const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach(id => problems.push(`id "${id}" used twice`));
    return problems;
}"""


def ideas_with_everything():
    member = UserFactory(name="Mira Medlem")
    water, health = make_theme("Water"), make_theme("Health")
    skane = make_place("Skåne", level="region")
    malmo = make_place("Malmö", parent=skane)
    challenge = ChallengeFactory(title="Rent vatten i ån")
    idea = IdeaFactory(author=member, title="Trädplantering för rent vatten", language="en", place=malmo,
                       location="By the river", challenge=challenge, themes=[water], stage=stage("testing"),
                       support_count=4, comment_count=2)
    IdeaNeed.objects.create(idea=idea, kind="volunteers", text="Ten people on a Saturday")
    IdeaNeed.objects.create(idea=idea, kind="funding", text="5,000 kronor for saplings")
    idea_image_add(idea=idea, by=member, upload=image_upload(), alt_text="Saplings by the river")
    for n, language in enumerate(["sv", "nb", "da", "en"]):
        IdeaFactory(title=f"Idea {n}", language=language, themes=[health], place=malmo)
    IdeaFactory(title="For members", visibility="members")
    draft = IdeaFactory(author=member, title="My draft", published_at=None)
    return member, idea, draft, malmo


def audit(page, paths: list[str]) -> list[str]:
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")
        problems.extend(f"{path}: {problem}" for problem in page.evaluate(STRUCTURE))
    return problems


def test_the_idea_list_has_no_accessibility_violations_in_four_languages(context, page, live_server):
    member, _idea, _draft, malmo = ideas_with_everything()
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        context.clear_cookies(name="sessionid")
        problems += audit(page, ["/ideas/", f"/ideas/?place={malmo.slug}&sort=supported&stage=nothing&page=x"])
        log_in(context, live_server, member)
        problems += audit(page, ["/ideas/?q=vatten", "/ideas/?need=competence"])
    assert not problems, "\n".join(problems)


def test_an_idea_page_has_no_accessibility_violations_in_four_languages(context, page, live_server):
    member, idea, draft, _malmo = ideas_with_everything()
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        context.clear_cookies(name="sessionid")
        problems += audit(page, [idea.get_absolute_url()])
        log_in(context, live_server, member)
        problems += audit(page, [idea.get_absolute_url(), draft.get_absolute_url(), "/ideas/mine/",
                                 f"/ideas/{draft.pk}/delete/"])
    assert not problems, "\n".join(problems)


def test_the_idea_form_has_no_accessibility_violations_in_four_languages(context, page, live_server):
    member, idea, _draft, _malmo = ideas_with_everything()
    log_in(context, live_server, member)
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        problems += audit(page, ["/ideas/new/", f"/ideas/{idea.pk}/edit/"])
        page.goto("/ideas/new/")
        page.locator("main form[method=post] button[type=submit]").first.click()
        page.wait_for_load_state()
        assert page.locator(".ds-error-summary").count() == 1
        violations = axe_violations(page)
        if violations:
            problems.append(f"form with errors ({language}):\n{format_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_a_member_submits_an_idea_with_a_need_using_the_keyboard_alone(context, page, live_server):
    member, _idea, _draft, _malmo = ideas_with_everything()
    log_in(context, live_server, member)
    set_language(context, live_server, "en")
    page.goto("/ideas/")
    tab_to(page, "A:/ideas/new/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ideas/new/")

    typed = {"id_title": "Tangentbordets idé", "id_summary": "Skriven utan mus.",
             "id_need_volunteers": "Fem personer på lördagar"}
    stops = []
    for _ in range(200):
        page.keyboard.press("Tab")
        where = focused(page)
        if where == "BUTTON:Publish":
            break
        if not page.evaluate("document.activeElement.closest('main form[method=post]') !== null"):
            continue
        field = where.split(":", 1)[1]
        stops.append(field)
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", field
        if field in typed:
            page.keyboard.type(typed[field])
    else:
        raise AssertionError(f"never reached the button: {stops}")
    in_reading_order = ["id_title", "id_summary", "id_problem", "id_challenge", "id_target_group", "id_solution",
                        "id_place", "id_location", "id_need_competence", "id_need_volunteers", "id_image_new_1",
                        "id_alt_new_1", "id_language", "id_visibility_0"]
    assert [stop for stop in stops if stop in in_reading_order] == in_reading_order, stops
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ideas/\d+/$"))

    idea = Idea.objects.get(title="Tangentbordets idé")
    assert idea.author == member and idea.published_at is not None and idea.summary == "Skriven utan mus."
    assert [(need.kind, need.text) for need in idea.needs.all()] == [("volunteers", "Fem personer på lördagar")]
    assert page.locator("h1").inner_text() == "Tangentbordets idé"
    assert "Fem personer på lördagar" in page.locator("main").inner_text()

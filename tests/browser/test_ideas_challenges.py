"""Challenges in a real browser: the list, a challenge page, the form (with errors) and the tree editor axe-clean in
four languages; editing the problem tree with the keyboard alone."""

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.ideas.models import ProblemTreeNode, Stage
from samskap.ideas.tests.factories import ChallengeFactory, IdeaFactory, ProblemTreeNodeFactory

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

# CHALLENGES_SCREENSHOTS=/some/dir keeps screenshots of the challenge page on a phone and a desktop, to look at.
SCREENSHOTS = Path(os.environ["CHALLENGES_SCREENSHOTS"]) if os.environ.get("CHALLENGES_SCREENSHOTS") else None


def settled(page) -> str:
    """What has the focus once the reloaded page's autofocus has run."""
    page.wait_for_function("document.activeElement && document.activeElement !== document.body")
    return focused(page)


def a_challenge_with_everything():
    # A transactional test flushes the stages the data migration made.
    Stage.objects.get_or_create(slug="idea", defaults={"labels": {"en": "Idea", "sv": "Idé"}, "position": 0})
    member = UserFactory(name="Mira Medlem")
    organisation = OrganisationFactory(name="Malmö stad")
    MembershipFactory(organisation=organisation, user=member)
    malmo = make_place("Malmö", parent=make_place("Skåne", level="region"))
    challenge = ChallengeFactory(
        title="Unga utanför arbete och studier", organisation=organisation, created_by=member,
        themes=[make_theme("Work integration")], places=[malmo], why_it_matters="Utanförskap följer med länge.",
        open_until=timezone.localdate() + datetime.timedelta(days=30))
    for n, text in enumerate(["Få sommarjobb", "Långt till stan", "Svårt att hitta praktik"]):
        ProblemTreeNodeFactory(challenge=challenge, kind="cause", text=text, position=n)
    for n, text in enumerate(["Ensamhet", "Sämre hälsa"]):
        ProblemTreeNodeFactory(challenge=challenge, kind="effect", text=text, position=n)
    for n in range(3):
        IdeaFactory(challenge=challenge, title=f"Idé {n}", support_count=n * 4)
    ChallengeFactory(title="Bostäder för unga", status="selecting")
    return member, challenge


def audit(page, path: str) -> list[str]:
    response = page.goto(path)
    assert response.status == 200, f"{path}: {response.status}"
    violations = axe_violations(page)
    return [f"{path}:\n{format_violations(violations)}"] if violations else []


def test_the_challenge_pages_are_axe_clean_in_four_languages(context, live_server):
    member, challenge = a_challenge_with_everything()
    log_in(context, live_server, member)
    page = context.new_page()
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        for path in ("/challenges/", "/challenges/?place=nowhere", challenge.get_absolute_url(),
                     "/challenges/new/", f"/challenges/{challenge.pk}/edit/", f"/challenges/{challenge.pk}/tree/"):
            problems += [f"[{language}] {problem}" for problem in audit(page, path)]
        # The form with errors, as a member sees it after sending it empty.
        page.goto("/challenges/new/")
        page.get_by_role("button", name=page.locator("form[novalidate] button[type=submit]").inner_text()).click()
        assert page.locator(".ds-error-summary").is_visible()
        violations = axe_violations(page)
        if violations:
            problems.append(f"[{language}] form with errors:\n{format_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_the_tree_is_drawn_as_a_tree_and_readable_on_a_phone(browser, live_server):
    _member, challenge = a_challenge_with_everything()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(challenge.get_absolute_url())
    effect = page.locator(".ptree-effects .ptree-item").first.bounding_box()
    core = page.locator(".ptree-trunk").bounding_box()
    cause = page.locator(".ptree-causes .ptree-item").first.bounding_box()
    assert effect["y"] < core["y"] < cause["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    if SCREENSHOTS:
        page.screenshot(path=str(SCREENSHOTS / "challenge-phone.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / "challenge-desktop.png"), full_page=True)
        page.goto(f"/challenges/{challenge.pk}/tree/")
        page.screenshot(path=str(SCREENSHOTS / "challenge-tree-editor.png"), full_page=True)
    context.close()


def test_a_member_edits_the_problem_tree_with_the_keyboard_alone(page, context, live_server):
    member, challenge = a_challenge_with_everything()
    log_in(context, live_server, member)
    set_language(context, live_server, "en")
    page.goto(f"/challenges/{challenge.pk}/tree/")

    # Add a cause: Tab to the field, type, Enter. The field has the focus again after the page reloads.
    tab_to(page, "INPUT:id_cause-text")
    page.keyboard.type("Inga förebilder")
    page.keyboard.press("Enter")
    page.wait_for_url("**focus=add-cause**")
    assert settled(page) == "INPUT:id_cause-text"
    causes = list(ProblemTreeNode.objects.filter(challenge=challenge, kind="cause").order_by("position"))
    assert causes[-1].text == "Inga förebilder"

    # Move it up twice: the same button keeps the focus.
    new = causes[-1]
    page.keyboard.press("Shift+Tab")  # back from the add field into the list
    tab_to(page, f"BUTTON:up-{new.pk}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**focus=up-{new.pk}**")
    assert settled(page) == f"BUTTON:up-{new.pk}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert settled(page) == f"BUTTON:up-{new.pk}"
    assert [n.text for n in ProblemTreeNode.objects.filter(challenge=challenge, kind="cause").order_by("position")
            ] == ["Få sommarjobb", "Inga förebilder", "Långt till stan", "Svårt att hitta praktik"]

    # Edit its text: Shift+Tab back to its field, replace the text, Enter saves it.
    for _ in range(10):
        if focused(page) == f"INPUT:id_node{new.pk}-text":
            break
        page.keyboard.press("Shift+Tab")
    assert focused(page) == f"INPUT:id_node{new.pk}-text"
    page.keyboard.press("Control+A")
    page.keyboard.type("Få förebilder i stadsdelen")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**focus=node-{new.pk}**")
    assert ProblemTreeNode.objects.get(pk=new.pk).text == "Få förebilder i stadsdelen"

    # Remove it with its Remove button.
    assert settled(page) == f"INPUT:id_node{new.pk}-text"
    for _ in range(6):
        page.keyboard.press("Tab")
        if focused(page).startswith("BUTTON:Remove"):
            break
    assert focused(page).startswith("BUTTON:Remove")
    page.keyboard.press("Enter")
    page.wait_for_url("**focus=add-cause**")
    assert not ProblemTreeNode.objects.filter(pk=new.pk).exists()
    assert "Removed" in page.locator(".messages").inner_text()

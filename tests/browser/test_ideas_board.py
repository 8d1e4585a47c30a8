"""The cohort in a real browser: the facilitators' board, the mentors page, the support-sessions page and the
milestones page axe-clean in four languages; a card moved from Idea to Testing with the keyboard alone (focus kept
on the card, the move announced); a card dragged to another column."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, Idea, MentorAssignment
from samskap.ideas.tests.factories import (IdeaFactory, IncubatorFactory, MilestoneFactory, SupportSessionFactory,
                                           stage)

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def cohort_with_everything():
    facilitator = UserFactory(name="Fia Facilitator")
    incubator = IncubatorFactory(name="Grannskapsinkubatorn Rosengård", facilitators=[facilitator])
    mentor = UserFactory(name="Mats Mentor", is_mentor=True)
    dogs = IdeaFactory(title="Terapihundar", author=UserFactory(name="Ida Initiativ"))
    cafe = IdeaFactory(title="Grannskapscafé", stage=stage("testing"))
    trees = IdeaFactory(title="Trädplantering", stage=stage("testing"))
    for position, idea in enumerate([dogs, cafe, trees]):
        CohortMembership.objects.create(incubator=incubator, idea=idea, board_position=position)
    MentorAssignment.objects.create(idea=dogs, mentor=mentor)
    MilestoneFactory(idea=dogs, title="Första besöket")
    MilestoneFactory(idea=dogs, title="Budget", done_at=timezone.now())
    SupportSessionFactory(idea=dogs, mentor=mentor, logged_by=mentor)
    return facilitator, incubator, mentor, dogs


def test_the_cohort_pages_are_axe_clean_in_four_languages(context, page, live_server):
    facilitator, incubator, mentor, dogs = cohort_with_everything()
    log_in(context, live_server, facilitator)
    paths = [f"/incubators/{incubator.slug}/board/", f"/ideas/{dogs.pk}/mentors/", f"/ideas/{dogs.pk}/sessions/",
             f"/ideas/{dogs.pk}/milestones/"]
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        for path in paths:
            response = page.goto(path)
            assert response.status == 200, f"{path}: {response.status}"
            assert page.evaluate("document.documentElement.lang") == language
            violations = axe_violations(page)
            if violations:
                problems.append(f"{language} {path}:\n{format_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_a_facilitator_moves_a_card_from_idea_to_testing_with_the_keyboard_alone(context, page, live_server):
    facilitator, incubator, _mentor, dogs = cohort_with_everything()
    log_in(context, live_server, facilitator)
    set_language(context, live_server, "en")
    page.goto(f"/incubators/{incubator.slug}/board/")
    card = f"ARTICLE:card-{dogs.pk}"

    tab_to(page, "BUTTON:Move to Exploring →")
    page.keyboard.press("Enter")
    expect(page.locator("#board-status")).to_contain_text("Exploring")
    expect(page.locator(f"#card-{dogs.pk}")).to_be_focused()
    assert page.locator(f"#card-{dogs.pk}").evaluate("e => e.closest('section').querySelector('h2').textContent"
                                                     ).startswith("Exploring")
    assert "Moved “Terapihundar” to Exploring" in page.locator("#board-status").inner_text()

    tab_to(page, "BUTTON:Move to Testing →")
    page.keyboard.press("Enter")
    expect(page.locator("#board-status")).to_contain_text("Testing")
    expect(page.locator(f"#card-{dogs.pk}")).to_be_focused()
    assert focused(page) == card
    assert page.locator(f"#card-{dogs.pk}").evaluate("e => e.closest('section').querySelector('h2').textContent"
                                                     ).startswith("Testing")
    assert page.locator("#board-status").inner_text() == "Moved “Terapihundar” to Testing"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert Idea.objects.get(pk=dogs.pk).stage.slug == "testing"
    # The card came last in the Testing column; with the keyboard it goes up one place.
    tab_to(page, "BUTTON:↑ Move up")
    page.keyboard.press("Enter")
    expect(page.locator("#board-status")).to_contain_text("up")
    assert focused(page) == card
    order = list(CohortMembership.objects.filter(incubator=incubator, idea__stage__slug="testing")
                 .order_by("board_position", "id").values_list("idea__title", flat=True))
    assert order == ["Grannskapscafé", "Terapihundar", "Trädplantering"]


def test_a_facilitator_drags_a_card_to_another_column(context, page, live_server):
    facilitator, incubator, _mentor, dogs = cohort_with_everything()
    log_in(context, live_server, facilitator)
    set_language(context, live_server, "en")
    page.goto(f"/incubators/{incubator.slug}/board/")
    page.drag_and_drop(f"#card-{dogs.pk}", f"section[data-stage='{stage('established').pk}']")
    expect(page.locator("#board-status")).to_contain_text("Established")
    assert Idea.objects.get(pk=dogs.pk).stage.slug == "established"

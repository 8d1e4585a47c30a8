"""Incubators and intake rounds in a real browser: the incubator list and page, a round, the application form,
the scoring form and the ranked overview axe-clean in four languages; a reviewer scores with the keyboard alone."""

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, Review
from samskap.ideas.services_incubator import review_save
from samskap.ideas.tests.factories import (ApplicationFactory, IdeaFactory, IncubatorFactory, IntakeRoundFactory,
                                           RoundQuestionFactory, RubricCriterionFactory)

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def incubator_with_a_round():
    facilitator = UserFactory(name="Frida Facilitator", is_facilitator=True)
    reviewer, colleague = UserFactory(name="Rut Reviewer"), UserFactory(name="Kim Kollega")
    incubator = IncubatorFactory(name="Grannskapsinkubatorn Möllan", slug="möllan", facilitators=[facilitator])
    intake_round = IntakeRoundFactory(incubator=incubator, title="Vårens intag", reviewers=[reviewer, colleague])
    RoundQuestionFactory(round=intake_round, text="Vilka har ni pratat med?", help_text="Grannar, föreningar")
    RoundQuestionFactory(round=intake_round, text="Vad behöver ni mest?", is_required=False)
    impact = RubricCriterionFactory(round=intake_round, name="Social nytta", weight=2, description="Ett verkligt behov")
    feasibility = RubricCriterionFactory(round=intake_round, name="Genomförbarhet", min_score=0, max_score=10)
    applications = [ApplicationFactory(round=intake_round, idea=IdeaFactory(title=title))
                    for title in ("Terapihundar", "Trädplantering", "Grannskapscafé")]
    review_save(application=applications[0], by=colleague, submit=True, scores={impact.pk: 4, feasibility.pk: 7})
    review_save(application=applications[1], by=colleague, submit=True, scores={impact.pk: 2, feasibility.pk: 3})
    CohortMembership.objects.create(incubator=incubator, idea=IdeaFactory(title="Praktikcentret"))
    applicant = IdeaFactory(title="Nabolagskafé").author
    return {"facilitator": facilitator, "reviewer": reviewer, "incubator": incubator, "round": intake_round,
            "applications": applications, "impact": impact, "feasibility": feasibility, "applicant": applicant}


def audit(page, context, live_server, paths: list[str]) -> None:
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
            headings = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4')].map(h => +h.tagName[1])")
            if headings.count(1) != 1 or any(b > a + 1 for a, b in zip(headings, headings[1:])):
                problems.append(f"{language} {path}: headings out of order {headings}")
    assert not problems, "\n".join(problems)


def test_visitor_pages_are_axe_clean_in_four_languages(page, context, live_server):
    world = incubator_with_a_round()
    audit(page, context, live_server, ["/incubators/", world["incubator"].get_absolute_url(),
                                       world["round"].get_absolute_url()])


def test_the_application_form_is_axe_clean_also_with_errors(page, context, live_server):
    world = incubator_with_a_round()
    log_in(context, live_server, world["applicant"])
    apply_url = f"/rounds/{world['round'].pk}/apply/"
    audit(page, context, live_server, [apply_url])
    set_language(context, live_server, "en")
    page.goto(apply_url)
    page.get_by_role("button", name="Send the application").click()
    assert page.locator(".ds-error-summary").is_visible()
    assert not axe_violations(page), format_violations(axe_violations(page))


def test_facilitator_pages_are_axe_clean_in_four_languages(page, context, live_server):
    world = incubator_with_a_round()
    log_in(context, live_server, world["facilitator"])
    application = world["applications"][0]
    audit(page, context, live_server, [world["incubator"].get_absolute_url(), f"/rounds/{world['round'].pk}/ranking/",
                                       application.get_absolute_url(), f"/rounds/{world['round'].pk}/edit/",
                                       f"/incubators/{world['incubator'].slug}/edit/"])


def test_a_reviewer_scores_an_application_with_the_keyboard_alone(page, context, live_server):
    world = incubator_with_a_round()
    log_in(context, live_server, world["reviewer"])
    set_language(context, live_server, "en")
    application = world["applications"][0]
    review_url = f"/applications/{application.pk}/review/"
    audit(page, context, live_server, [f"/rounds/{world['round'].pk}/reviews/", review_url])
    set_language(context, live_server, "en")

    page.goto(f"/rounds/{world['round'].pk}/reviews/")
    assert "0 of 3 scored" in page.inner_text("#review-progress")
    tab_to(page, f"A:{review_url}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{review_url}")
    assert "Kim Kollega" not in page.content()  # the other's scores stay hidden until this review is submitted

    # Out of range first: a clear message, nothing saved, the typed value kept.
    tab_to(page, f"INPUT:id_c_{world['impact'].pk}")
    page.keyboard.type("9")
    page.keyboard.press("Tab")
    assert focused(page) == f"INPUT:id_c_{world['feasibility'].pk}"
    page.keyboard.type("6")
    tab_to(page, "BUTTON:Submit")
    page.keyboard.press("Enter")
    page.wait_for_selector(".ds-error-summary")
    assert "from 1 to 5" in page.inner_text(".ds-error-summary")
    assert not Review.objects.filter(reviewer=world["reviewer"]).exists()

    page.focus("body")
    tab_to(page, f"INPUT:id_c_{world['impact'].pk}")
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    tab_to(page, "TEXTAREA:id_comment")
    page.keyboard.type("Stark förankring i området.")
    tab_to(page, "BUTTON:Submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#others-heading")
    assert "Kim Kollega" in page.content()
    review = Review.objects.get(reviewer=world["reviewer"])
    assert review.submitted_at is not None and review.comment == "Stark förankring i området."
    assert {s.criterion_id: s.value for s in review.scores.all()} == {world["impact"].pk: 5,
                                                                     world["feasibility"].pk: 6}

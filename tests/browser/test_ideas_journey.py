"""The incubator journey of issue 5, in Chromium with a browser context per person: a resident submits an idea
and applies with it to an intake round; two reviewers score it; a facilitator accepts it and moves it to
testing on the board with the keyboard alone; a mentor logs a support session that another member cannot see."""

import pytest
from playwright.sync_api import expect

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import Application, CohortMembership, Idea, MentorAssignment, StageChange, SupportSession
from samskap.ideas.tests.factories import (IncubatorFactory, IntakeRoundFactory, RoundQuestionFactory,
                                           RubricCriterionFactory)

from .conftest import log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def person(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    log_in(context, live_server, user)
    set_language(context, live_server, "en")
    return context, context.new_page()


def test_a_residents_idea_goes_from_an_intake_round_to_testing_with_a_private_support_session(browser, live_server):
    resident = UserFactory(name="Amina Boende")
    reviewers = [UserFactory(name="Rut Granskare"), UserFactory(name="Ole Vurderer")]
    facilitator = UserFactory(name="Frida Processledare")
    mentor = UserFactory(name="Mats Mentor", is_mentor=True)
    neighbour = UserFactory(name="Nils Granne")
    incubator = IncubatorFactory(name="Grannskapsinkubatorn Rosengård", slug="rosengard", facilitators=[facilitator])
    intake = IntakeRoundFactory(incubator=incubator, title="Höstens intag", reviewers=reviewers)
    RoundQuestionFactory(round=intake, text="Who have you talked to about the idea?")
    impact = RubricCriterionFactory(round=intake, name="Social value", weight=2)
    feasibility = RubricCriterionFactory(round=intake, name="Feasibility", weight=1)
    contexts = []
    try:
        # The resident submits an idea …
        context, page = person(browser, live_server, resident)
        contexts.append(context)
        page.goto("/ideas/new/")
        page.get_by_label("Title").fill("Terapihundar i Rosengård")
        page.get_by_label("Summary").fill("Trained dogs visit elderly people and children in the neighbourhood.")
        page.get_by_role("button", name="Publish").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Terapihundar i Rosengård")
        idea = Idea.objects.get(title="Terapihundar i Rosengård")
        assert idea.published_at is not None

        # … and applies with it to the incubator's open round.
        page.goto(intake.get_absolute_url())
        page.get_by_role("link", name="Apply").first.click()
        page.get_by_label("Terapihundar i Rosengård").check()
        page.get_by_label("Who have you talked to about the idea?").fill("The tenants' association and the school.")
        page.get_by_role("button", name="Send the application").click()
        application = Application.objects.get(round=intake, idea=idea)
        assert application.answers and application.decision == "pending"

        # Two reviewers score it, each in their own browser.
        for reviewer, (social, feasible) in zip(reviewers, [(5, 4), (4, 3)]):
            context, page = person(browser, live_server, reviewer)
            contexts.append(context)
            page.goto(f"/applications/{application.pk}/review/")
            page.locator(f"#id_c_{impact.pk}").fill(str(social))
            page.locator(f"#id_c_{feasibility.pk}").fill(str(feasible))
            page.get_by_role("button", name="Submit").click()
            page.wait_for_selector("#others-heading")
        assert application.reviews.filter(submitted_at__isnull=False).count() == 2

        # The facilitator sees it ranked, accepts it, and moves it to testing on the board by keyboard alone.
        context, page = person(browser, live_server, facilitator)
        contexts.append(context)
        page.goto(f"/rounds/{intake.pk}/ranking/")
        expect(page.get_by_text("Terapihundar i Rosengård").first).to_be_visible()
        page.goto(application.get_absolute_url())
        page.get_by_label("Accepted").check()
        page.get_by_label("Message to the applicant").fill("Welcome to the autumn cohort!")
        page.get_by_role("button", name="Save the decision and tell the team").click()
        expect(page.get_by_text("Welcome to the autumn cohort!").first).to_be_visible()
        assert CohortMembership.objects.filter(incubator=incubator, idea=idea).exists()

        page.goto(f"/incubators/{incubator.slug}/board/")
        card = f"#card-{idea.pk}"
        for label in ("BUTTON:Move to Exploring →", "BUTTON:Move to Testing →"):
            page.focus("body")
            tab_to(page, label)
            page.keyboard.press("Enter")
            expect(page.locator(card)).to_be_focused()
        idea.refresh_from_db()
        assert idea.stage.slug == "testing"
        assert StageChange.objects.filter(idea=idea, to_stage__slug="testing", by=facilitator).exists()

        # The facilitator assigns the mentor; the mentor logs a support session.
        MentorAssignment.objects.create(idea=idea, mentor=mentor, assigned_by=facilitator)
        context, page = person(browser, live_server, mentor)
        contexts.append(context)
        page.goto(f"/ideas/{idea.pk}/sessions/")
        page.get_by_label("Notes").fill("We went through the budget; the dogs need insurance.")
        page.get_by_label("Agreed next steps").fill("Ask three insurers for an offer by Friday.")
        page.get_by_role("button", name="Log the session").click()
        expect(page.get_by_text("the dogs need insurance").first).to_be_visible()
        assert SupportSession.objects.filter(idea=idea, mentor=mentor).count() == 1

        # The team reads it; another member neither finds the page nor sees the notes on the idea page.
        context, page = person(browser, live_server, resident)
        contexts.append(context)
        page.goto(f"/ideas/{idea.pk}/sessions/")
        expect(page.get_by_text("the dogs need insurance").first).to_be_visible()
        context, page = person(browser, live_server, neighbour)
        contexts.append(context)
        assert page.goto(f"/ideas/{idea.pk}/sessions/").status == 404
        response = page.goto(idea.get_absolute_url())
        assert response.status == 200
        assert "Testing" in page.inner_text("main")
        assert "insurance" not in page.content()
    finally:
        for context in contexts:
            context.close()

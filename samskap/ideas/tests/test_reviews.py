"""Reviews and the ranked overview: scoring within the rubric, drafts and submitting, others' scores hidden until
one has submitted, reviewers on the idea's team refused, the weighted ranking, and who may do what."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import Review, Score
from samskap.ideas.selectors_incubator import review_page, round_ranking
from samskap.ideas.services_incubator import review_save
from samskap.ideas.tests.factories import (ApplicationFactory, IncubatorFactory, IntakeRoundFactory,
                                           RubricCriterionFactory, TeamMemberFactory)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def scored_round():
    """A round with two reviewers and a rubric: impact (weight 3, 1–5) and feasibility (weight 1, 0–10)."""
    facilitator, anna, bo = UserFactory(), UserFactory(name="Anna"), UserFactory(name="Bo")
    intake_round = IntakeRoundFactory(incubator=IncubatorFactory(facilitators=[facilitator]), reviewers=[anna, bo])
    impact = RubricCriterionFactory(round=intake_round, name="Impact", weight=3, min_score=1, max_score=5)
    feasibility = RubricCriterionFactory(round=intake_round, name="Feasibility", weight=1, min_score=0,
                                         max_score=10)
    return {"round": intake_round, "facilitator": facilitator, "anna": anna, "bo": bo, "impact": impact,
            "feasibility": feasibility}


def test_a_reviewer_saves_a_draft_then_submits(scored_round):
    application = ApplicationFactory(round=scored_round["round"])
    anna, impact, feasibility = scored_round["anna"], scored_round["impact"], scored_round["feasibility"]
    review = review_save(application=application, by=anna, scores={impact.pk: 4}, comment="Lovande")
    assert review.submitted_at is None and review.comment == "Lovande"
    review = review_save(application=application, by=anna, scores={impact.pk: 5, feasibility.pk: 7}, submit=True)
    assert review.submitted_at is not None
    assert {s.criterion_id: s.value for s in review.scores.all()} == {impact.pk: 5, feasibility.pk: 7}


@pytest.mark.parametrize("value", [0, 6, "x"])
def test_a_score_outside_the_range_is_refused_and_nothing_is_saved(scored_round, value):
    application = ApplicationFactory(round=scored_round["round"])
    impact = scored_round["impact"]
    with pytest.raises(ValidationError) as error:
        review_save(application=application, by=scored_round["anna"], scores={impact.pk: value}, comment="Hej")
    assert "from 1 to 5" in str(error.value.error_dict[f"c_{impact.pk}"])
    assert not Review.objects.exists() and not Score.objects.exists()


def test_submitting_needs_every_criterion_scored(scored_round):
    application = ApplicationFactory(round=scored_round["round"])
    with pytest.raises(ValidationError) as error:
        review_save(application=application, by=scored_round["anna"], scores={scored_round["impact"].pk: 3},
                    submit=True)
    assert f"c_{scored_round['feasibility'].pk}" in error.value.error_dict
    assert not Review.objects.exists()


def test_a_submitted_review_can_no_longer_be_changed(scored_round):
    application = ApplicationFactory(round=scored_round["round"])
    scores = {scored_round["impact"].pk: 3, scored_round["feasibility"].pk: 3}
    review_save(application=application, by=scored_round["anna"], scores=scores, submit=True)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        review_save(application=application, by=scored_round["anna"], scores={scored_round["impact"].pk: 5})
    assert Score.objects.get(criterion=scored_round["impact"]).value == 3


def test_a_reviewer_on_the_ideas_team_cannot_review_it(scored_round):
    application = ApplicationFactory(round=scored_round["round"])
    TeamMemberFactory(idea=application.idea, user=scored_round["anna"])
    with pytest.raises(ValidationError, match="on this idea's team"):
        review_save(application=application, by=scored_round["anna"], scores={})
    assert not Review.objects.exists()


def test_someone_who_is_not_a_reviewer_cannot_score(scored_round):
    application = ApplicationFactory(round=scored_round["round"])
    with pytest.raises(PermissionDenied):
        review_save(application=application, by=scored_round["facilitator"], scores={})


def _submit(application, reviewer, impact, feasibility, scored_round):
    return review_save(application=application, by=reviewer, submit=True,
                       scores={scored_round["impact"].pk: impact, scored_round["feasibility"].pk: feasibility})


def test_others_scores_stay_hidden_until_the_reviewer_has_submitted(scored_round):
    application = ApplicationFactory(round=scored_round["round"])
    _submit(application, scored_round["bo"], 2, 2, scored_round)
    review_save(application=application, by=scored_round["anna"], scores={scored_round["impact"].pk: 4})
    assert review_page(application=application, reviewer=scored_round["anna"]).others == []
    _submit(application, scored_round["anna"], 4, 8, scored_round)
    others = review_page(application=application, reviewer=scored_round["anna"]).others
    assert [row["review"].reviewer for row in others] == [scored_round["bo"]]


def test_the_review_page_hides_then_shows_the_other_scores(scored_round, client):
    application = ApplicationFactory(round=scored_round["round"])
    _submit(application, scored_round["bo"], 2, 9, scored_round)
    Review.objects.filter(reviewer=scored_round["bo"]).update(comment="Bos hemliga kommentar")
    client.force_login(scored_round["anna"])
    url = reverse("ideas:application_review", args=[application.pk])
    assert "Bos hemliga kommentar" not in client.get(url).content.decode()
    response = client.post(url, {f"c_{scored_round['impact'].pk}": "4", f"c_{scored_round['feasibility'].pk}": "8",
                                 "comment": "Bra", "action": "submit"})
    assert response.status_code == 302
    assert "Bos hemliga kommentar" in client.get(url).content.decode()


def test_the_review_page_shows_an_out_of_range_score_as_an_error_and_keeps_the_input(scored_round, client):
    application = ApplicationFactory(round=scored_round["round"])
    client.force_login(scored_round["anna"])
    url = reverse("ideas:application_review", args=[application.pk])
    response = client.post(url, {f"c_{scored_round['impact'].pk}": "9", "comment": "Mitt utkast", "action": "draft"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "from 1 to 5" in page and "Mitt utkast" in page
    assert f'href="#id_c_{scored_round["impact"].pk}"' in page
    assert not Review.objects.exists()


def test_the_review_list_shows_the_reviewers_progress(scored_round, client):
    applications = [ApplicationFactory(round=scored_round["round"]) for _ in range(3)]
    _submit(applications[0], scored_round["anna"], 3, 3, scored_round)
    review_save(application=applications[1], by=scored_round["anna"], scores={scored_round["impact"].pk: 1})
    client.force_login(scored_round["anna"])
    response = client.get(reverse("ideas:round_reviews", args=[scored_round["round"].pk]))
    assert "1 of 3 scored" in response.content.decode()


@pytest.mark.parametrize("rows", [5, 30])
def test_the_review_list_takes_the_same_queries_for_5_or_30(scored_round, client, rows,
                                                            django_assert_max_num_queries):
    for _ in range(rows):
        application = ApplicationFactory(round=scored_round["round"])
        _submit(application, scored_round["anna"], 3, 3, scored_round)
    client.force_login(scored_round["anna"])
    url = reverse("ideas:round_reviews", args=[scored_round["round"].pk])
    client.get(url)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.context["work"].submitted == rows


# The ranked overview -----------------------------------------------------------------------------------------

def test_the_ranking_orders_by_weighted_average_with_unscored_last(scored_round):
    strong, weak, unscored = (ApplicationFactory(round=scored_round["round"]) for _ in range(3))
    # strong: Anna (5, 10) → (15+10)/4 = 6.25; Bo (3, 2) → (9+2)/4 = 2.75; average 4.5
    _submit(strong, scored_round["anna"], 5, 10, scored_round)
    _submit(strong, scored_round["bo"], 3, 2, scored_round)
    # weak: Anna (2, 0) → 6/4 = 1.5; Bo's draft does not count
    _submit(weak, scored_round["anna"], 2, 0, scored_round)
    review_save(application=weak, by=scored_round["bo"], scores={scored_round["impact"].pk: 5})
    ranking = round_ranking(round=scored_round["round"])
    assert [a.pk for a in ranking.applications] == [strong.pk, weak.pk, unscored.pk]
    first, second, third = ranking.applications
    assert first.weighted == pytest.approx(4.5) and first.n_reviews == 2
    assert second.weighted == pytest.approx(1.5) and second.n_reviews == 1
    assert third.weighted is None and third.n_reviews == 0
    assert [avg for _c, avg in first.criterion_averages] == [pytest.approx(4.0), pytest.approx(6.0)]
    assert [avg for _c, avg in third.criterion_averages] == [None, None]


def test_the_ranking_page_takes_the_same_queries_for_5_or_30_applications(scored_round, client):
    client.force_login(scored_round["facilitator"])
    url = reverse("ideas:round_ranking", args=[scored_round["round"].pk])
    client.get(url)
    counts = []
    for total in (5, 30):
        while len(scored_round["round"].applications.all()) < total:
            application = ApplicationFactory(round=scored_round["round"])
            _submit(application, scored_round["anna"], 4, 5, scored_round)
            _submit(application, scored_round["bo"], 2, 5, scored_round)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert len(response.context["ranking"].applications) == total
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10


# Permission matrix: review, see others' scores before and after submitting, rank --------------------------------

ROLES = ["anonymous", "member", "applicant_team", "reviewer", "incubator_facilitator", "other_facilitator",
         "hub_admin"]


@pytest.fixture
def world(scored_round):
    application = ApplicationFactory(round=scored_round["round"])
    users = {"anonymous": None, "member": UserFactory(), "applicant_team": application.idea.author,
             "reviewer": scored_round["anna"], "incubator_facilitator": scored_round["facilitator"],
             "other_facilitator": UserFactory(is_facilitator=True), "hub_admin": UserFactory(is_superuser=True)}
    return {**scored_round, "application": application, "users": users}


# Only the round's reviewers score; a hub admin adds themselves as a reviewer first.
REVIEW = {"anonymous": 302, "member": 403, "applicant_team": 403, "reviewer": 200, "incubator_facilitator": 403,
          "other_facilitator": 403, "hub_admin": 403}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_review(world, client, role):
    user = world["users"][role]
    import rules
    assert rules.has_perm("ideas.review_application", user or AnonymousUser(), world["application"]) is (
        REVIEW[role] == 200)
    if user:
        client.force_login(user)
    assert client.get(reverse("ideas:application_review", args=[world["application"].pk])).status_code == REVIEW[role]
    assert client.get(reverse("ideas:round_reviews", args=[world["round"].pk])).status_code == REVIEW[role]


RANK = {"anonymous": 302, "member": 403, "applicant_team": 403, "reviewer": 403, "incubator_facilitator": 200,
        "other_facilitator": 403, "hub_admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_see_the_ranking(world, client, role):
    user = world["users"][role]
    assert (user or AnonymousUser()).has_perm("ideas.view_ranking", world["round"]) is (RANK[role] == 200)
    if user:
        client.force_login(user)
    assert client.get(reverse("ideas:round_ranking", args=[world["round"].pk])).status_code == RANK[role]


# Who sees Bo's submitted scores on the application and review pages, before and after Anna submits hers.
SEES_SCORES_BEFORE = {"applicant_team": False, "reviewer": False, "incubator_facilitator": True,
                      "hub_admin": True}


@pytest.mark.parametrize("role", list(SEES_SCORES_BEFORE))
def test_who_sees_other_reviewers_scores_before_and_after_submitting(world, client, role):
    _submit(world["application"], world["bo"], 2, 9, world)
    Review.objects.filter(reviewer=world["bo"]).update(comment="Bos bedömning")
    client.force_login(world["users"][role])
    pages = [world["application"].get_absolute_url()]
    if role == "reviewer":
        pages.append(reverse("ideas:application_review", args=[world["application"].pk]))

    def seen() -> bool:
        return any("Bos bedömning" in client.get(url).content.decode() for url in pages)

    assert seen() is SEES_SCORES_BEFORE[role]
    _submit(world["application"], world["anna"], 3, 3, world)
    assert seen() is (role != "applicant_team")

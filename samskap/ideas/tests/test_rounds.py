"""Intake rounds: the round form (questions and rubric), applying, the application page and decisions."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import Application, CohortMembership, IntakeRound, RoundQuestion, RubricCriterion
from samskap.ideas.services_incubator import (application_create, application_decide, round_create, round_update,
                                              review_save)
from samskap.ideas.tests.factories import (ApplicationFactory, IdeaFactory, IncubatorFactory, IntakeRoundFactory,
                                           RoundQuestionFactory, RubricCriterionFactory, TeamMemberFactory)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

TODAY = datetime.date(2030, 3, 1)


def _round_values(**overrides):
    values = {"title": "Vårens intag", "description": "Sök med din idé.", "opens_on": TODAY,
              "closes_on": TODAY + datetime.timedelta(days=20),
              "questions": [{"text": "Vilka har ni pratat med?", "help_text": "", "is_required": True}],
              "criteria": [{"name": "Social nytta", "description": "", "weight": 2, "min_score": 1, "max_score": 5},
                           {"name": "Genomförbarhet", "description": "", "weight": 1, "min_score": 0,
                            "max_score": 3}]}
    values.update(overrides)
    return values


# Rounds: services --------------------------------------------------------------------------------------------

def test_a_facilitator_opens_a_round_with_its_questions_and_rubric_in_order():
    facilitator, reviewer = UserFactory(), UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    intake_round = round_create(incubator=incubator, by=facilitator, reviewers=[reviewer], **_round_values())
    assert [q.text for q in intake_round.questions.all()] == ["Vilka har ni pratat med?"]
    assert [(c.name, c.weight, c.position) for c in intake_round.criteria.all()] == [
        ("Social nytta", 2, 0), ("Genomförbarhet", 1, 1)]
    assert list(intake_round.reviewers.all()) == [reviewer]


def test_a_round_that_closes_before_it_opens_is_refused_with_a_clear_message():
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    with pytest.raises(ValidationError) as error:
        round_create(incubator=incubator, by=facilitator,
                     **_round_values(closes_on=TODAY - datetime.timedelta(days=1)))
    assert "cannot close before it opens" in str(error.value)
    assert not IntakeRound.objects.exists()


@pytest.mark.parametrize("criterion, message", [
    ({"name": "Tung", "weight": 0, "min_score": 1, "max_score": 5}, "weight"),
    ({"name": "Platt", "weight": 1, "min_score": 3, "max_score": 3}, "highest score")])
def test_a_bad_criterion_saves_nothing(criterion, message):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    with pytest.raises(ValidationError) as error:
        round_create(incubator=incubator, by=facilitator, **_round_values(criteria=[criterion]))
    assert message in str(error.value)
    assert not IntakeRound.objects.exists() and not RubricCriterion.objects.exists()


def test_a_facilitator_of_another_incubator_cannot_open_a_round_here():
    incubator = IncubatorFactory(facilitators=[UserFactory()])
    with pytest.raises(PermissionDenied):
        round_create(incubator=incubator, by=UserFactory(is_facilitator=True), **_round_values())


def test_editing_reorders_keeps_and_removes_rows_by_id():
    facilitator = UserFactory()
    intake_round = IntakeRoundFactory(incubator=IncubatorFactory(facilitators=[facilitator]))
    first, second = RoundQuestionFactory(round=intake_round, text="A"), RoundQuestionFactory(round=intake_round, text="B")
    values = _round_values(questions=[{"id": second.pk, "text": "B2", "help_text": "", "is_required": False},
                                      {"text": "C", "help_text": "", "is_required": True}],
                           criteria=None)
    round_update(round=intake_round, by=facilitator, **values)
    assert [(q.pk == second.pk, q.text, q.is_required) for q in intake_round.questions.all()] == [
        (True, "B2", False), (False, "C", True)]
    assert not RoundQuestion.objects.filter(pk=first.pk).exists()


def test_a_criterion_reviewers_have_scored_cannot_be_removed():
    facilitator, reviewer = UserFactory(), UserFactory()
    intake_round = IntakeRoundFactory(incubator=IncubatorFactory(facilitators=[facilitator]), reviewers=[reviewer])
    criterion = RubricCriterionFactory(round=intake_round, name="Nytta")
    review_save(application=ApplicationFactory(round=intake_round), by=reviewer, scores={criterion.pk: 3})
    with pytest.raises(ValidationError) as error:
        round_update(round=intake_round, by=facilitator, **_round_values(criteria=[], questions=None))
    assert "Nytta" in str(error.value)
    assert RubricCriterion.objects.filter(pk=criterion.pk).exists()


# Rounds: pages -----------------------------------------------------------------------------------------------

def _formset(prefix, rows, initial=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for n, row in enumerate(rows):
        data.update({f"{prefix}-{n}-{key}": value for key, value in row.items()})
    return data


def _round_post(**overrides):
    data = {"title": "Höstens intag", "description": "Sök!", "opens_on": "2030-03-01", "closes_on": "2030-03-31"}
    data.update(_formset("questions", [{"text": "Varför nu?", "is_required": "on", "ORDER": "2"},
                                       {"text": "Vilka är ni?", "is_required": "on", "ORDER": "1"}]))
    data.update(_formset("criteria", [{"name": "Nytta", "weight": "2", "min_score": "1", "max_score": "5",
                                       "ORDER": "1"}]))
    data.update(overrides)
    return data


def test_the_round_form_saves_a_round_with_reordered_questions(client):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    client.force_login(facilitator)
    assert client.get(reverse("ideas:round_new", args=[incubator.slug])).status_code == 200
    response = client.post(reverse("ideas:round_new", args=[incubator.slug]), _round_post())
    intake_round = IntakeRound.objects.get()
    assert response.status_code == 302 and response.url == intake_round.get_absolute_url()
    assert [q.text for q in intake_round.questions.all()] == ["Vilka är ni?", "Varför nu?"]
    assert client.get(reverse("ideas:round_edit", args=[intake_round.pk])).status_code == 200


def test_the_round_form_shows_the_date_error_and_keeps_what_was_typed(client):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    client.force_login(facilitator)
    response = client.post(reverse("ideas:round_new", args=[incubator.slug]),
                           _round_post(closes_on="2030-02-01", title="Mitt intag"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "cannot close before it opens" in page and 'value="Mitt intag"' in page
    assert not IntakeRound.objects.exists()


def test_add_a_question_shows_one_more_blank_row_and_saves_nothing(client):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    client.force_login(facilitator)
    response = client.post(reverse("ideas:round_new", args=[incubator.slug]), _round_post(add_question="1"))
    assert response.status_code == 200
    assert len(response.context["questions"].forms) == 3
    assert not IntakeRound.objects.exists()


def test_a_criterion_row_with_max_below_min_is_refused(client):
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    client.force_login(facilitator)
    data = _round_post(**{"criteria-0-min_score": "4", "criteria-0-max_score": "2"})
    response = client.post(reverse("ideas:round_new", args=[incubator.slug]), data)
    assert response.status_code == 400
    assert "highest score must be above" in response.content.decode()
    assert not IntakeRound.objects.exists()


def test_the_round_page_shows_apply_only_while_open(client):
    today = timezone.localdate()
    open_round = IntakeRoundFactory()
    closed_round = IntakeRoundFactory(opens_on=today - datetime.timedelta(days=9),
                                      closes_on=today - datetime.timedelta(days=1))
    assert reverse("ideas:round_apply", args=[open_round.pk]) in client.get(open_round.get_absolute_url()).content.decode()
    assert (reverse("ideas:round_apply", args=[closed_round.pk])
            not in client.get(closed_round.get_absolute_url()).content.decode())


# Applying ----------------------------------------------------------------------------------------------------

def test_a_core_team_member_applies_with_a_published_idea_and_answers():
    intake_round = IntakeRoundFactory()
    question = RoundQuestionFactory(round=intake_round)
    idea = IdeaFactory()
    application = application_create(round=intake_round, idea=idea, by=idea.author, answers={question.pk: "Grannar"})
    assert application.answers == {str(question.pk): "Grannar"}
    assert application.applicant == idea.author


def test_a_required_question_left_empty_is_an_error_on_that_question():
    intake_round = IntakeRoundFactory()
    question = RoundQuestionFactory(round=intake_round, is_required=True)
    idea = IdeaFactory()
    with pytest.raises(ValidationError) as error:
        application_create(round=intake_round, idea=idea, by=idea.author, answers={question.pk: "  "})
    assert f"q_{question.pk}" in error.value.error_dict
    assert not Application.objects.exists()


def test_an_idea_applies_once_per_round():
    intake_round = IntakeRoundFactory()
    idea = IdeaFactory()
    application_create(round=intake_round, idea=idea, by=idea.author, answers={})
    with pytest.raises(ValidationError) as error:
        application_create(round=intake_round, idea=idea, by=idea.author, answers={})
    assert "already applied" in str(error.value)
    assert Application.objects.count() == 1


def test_applying_after_the_round_closed_says_when_it_closed():
    today = timezone.localdate()
    intake_round = IntakeRoundFactory(opens_on=today - datetime.timedelta(days=9),
                                      closes_on=today - datetime.timedelta(days=1))
    idea = IdeaFactory()
    with pytest.raises(ValidationError) as error:
        application_create(round=intake_round, idea=idea, by=idea.author, answers={})
    assert "closed on" in str(error.value)


def test_a_draft_or_a_volunteers_idea_cannot_apply():
    intake_round = IntakeRoundFactory()
    draft = IdeaFactory(published_at=None)
    with pytest.raises(ValidationError, match="Publish the idea first"):
        application_create(round=intake_round, idea=draft, by=draft.author, answers={})
    idea = IdeaFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    with pytest.raises(ValidationError, match="initiators and co-founders"):
        application_create(round=intake_round, idea=idea, by=volunteer, answers={})
    assert not Application.objects.exists()


def test_the_apply_page_offers_only_the_members_published_core_team_ideas(client):
    intake_round = IntakeRoundFactory()
    member = UserFactory()
    mine = IdeaFactory(author=member, title="Min idé")
    IdeaFactory(author=member, title="Mitt utkast", published_at=None)
    cofounded = TeamMemberFactory(user=member, idea=IdeaFactory(title="Medgrundad")).idea
    TeamMemberFactory(user=member, role="volunteer", idea=IdeaFactory(title="Volontär"))
    client.force_login(member)
    response = client.get(reverse("ideas:round_apply", args=[intake_round.pk]))
    assert {i.title for i in response.context["ideas"]} == {mine.title, cofounded.title}


def test_applying_through_the_page_then_seeing_the_application(client):
    intake_round = IntakeRoundFactory()
    question = RoundQuestionFactory(round=intake_round)
    idea = IdeaFactory()
    client.force_login(idea.author)
    response = client.post(reverse("ideas:round_apply", args=[intake_round.pk]),
                           {"idea": idea.pk, f"q_{question.pk}": "Bibliotekarien"})
    application = Application.objects.get()
    assert response.status_code == 302 and response.url == application.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert "Bibliotekarien" in page and "Not decided" in page


def test_the_apply_page_of_a_closed_round_sends_back_with_a_message(client):
    today = timezone.localdate()
    intake_round = IntakeRoundFactory(opens_on=today - datetime.timedelta(days=9),
                                      closes_on=today - datetime.timedelta(days=1))
    idea = IdeaFactory()
    client.force_login(idea.author)
    response = client.post(reverse("ideas:round_apply", args=[intake_round.pk]), {"idea": idea.pk}, follow=True)
    assert "no longer takes applications" in response.content.decode()
    assert not Application.objects.exists()


def test_an_empty_required_answer_redisplays_the_form_with_the_error(client):
    intake_round = IntakeRoundFactory()
    question = RoundQuestionFactory(round=intake_round, is_required=True)
    idea = IdeaFactory()
    client.force_login(idea.author)
    response = client.post(reverse("ideas:round_apply", args=[intake_round.pk]), {"idea": idea.pk})
    assert response.status_code == 200
    assert "Please answer this question." in response.content.decode()
    assert f'href="#id_q_{question.pk}"' in response.content.decode()
    assert not Application.objects.exists()


# Decisions ---------------------------------------------------------------------------------------------------

@pytest.fixture
def decided_setup():
    facilitator = UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator], name="Inkubatorn Tøyen")
    idea = IdeaFactory(title="Nabolagskafé")
    cofounder = TeamMemberFactory(idea=idea, user=UserFactory(preferred_language="nb")).user
    idea.author.preferred_language = "sv"
    idea.author.save()
    application = ApplicationFactory(round=IntakeRoundFactory(incubator=incubator), idea=idea)
    return facilitator, incubator, application, cofounder


def test_accepting_adds_the_idea_to_the_end_of_the_cohort_and_tells_the_team(decided_setup,
                                                                              django_capture_on_commit_callbacks):
    facilitator, incubator, application, cofounder = decided_setup
    CohortMembership.objects.create(incubator=incubator, idea=IdeaFactory(), board_position=4)
    with django_capture_on_commit_callbacks(execute=True):
        application_decide(application=application, by=facilitator, decision="accepted", message="Välkomna!")
    membership = CohortMembership.objects.get(idea=application.idea)
    assert membership.application == application and membership.board_position == 5
    notified = Notification.objects.filter(kind="application_decision")
    assert {n.user_id for n in notified} == {application.idea.author_id, cofounder.pk}
    assert {m.to[0] for m in mail.outbox} == {application.idea.author.email, cofounder.email}
    norwegian = next(m for m in mail.outbox if m.to == [cofounder.email])
    assert norwegian.extra_headers["Content-Language"] == "nb"
    assert "Välkomna!" in norwegian.body


def test_a_waitlisted_or_declined_idea_does_not_join_the_cohort(decided_setup):
    facilitator, incubator, application, _ = decided_setup
    application_decide(application=application, by=facilitator, decision="waitlisted")
    assert not CohortMembership.objects.exists()


def test_changing_an_acceptance_keeps_the_idea_in_the_cohort(decided_setup, client):
    facilitator, incubator, application, _ = decided_setup
    application_decide(application=application, by=facilitator, decision="accepted")
    application_decide(application=application, by=facilitator, decision="declined", message="Tyvärr")
    application.refresh_from_db()
    assert application.decision == "declined"
    assert CohortMembership.objects.filter(incubator=incubator, idea=application.idea).count() == 1
    client.force_login(facilitator)
    assert "still in the incubator" in client.get(application.get_absolute_url()).content.decode()


def test_an_unknown_decision_or_an_outsider_changes_nothing(decided_setup):
    facilitator, incubator, application, _ = decided_setup
    with pytest.raises(ValidationError):
        application_decide(application=application, by=facilitator, decision="maybe")
    with pytest.raises(PermissionDenied):
        application_decide(application=application, by=UserFactory(is_facilitator=True), decision="accepted")
    application.refresh_from_db()
    assert application.decision == "pending"


def test_deciding_through_the_page_shows_the_decision_to_the_applicant(decided_setup, client):
    facilitator, incubator, application, _ = decided_setup
    client.force_login(facilitator)
    response = client.post(reverse("ideas:application_decide", args=[application.pk]),
                           {"decision": "waitlisted", "message": "Ni står först på listan."})
    assert response.status_code == 302
    author = application.idea.author
    author.preferred_language = "en"  # the page in the language the test reads (decided_setup's is Swedish)
    author.save(update_fields=["preferred_language"])
    client.force_login(author)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Ni står först på listan." in page and "Waitlisted" in page


def test_deciding_without_choosing_redisplays_the_form(decided_setup, client):
    facilitator, incubator, application, _ = decided_setup
    client.force_login(facilitator)
    response = client.post(reverse("ideas:application_decide", args=[application.pk]), {"message": "Hej"})
    assert response.status_code == 400
    assert 'href="#id_decision_0"' in response.content.decode()


# Permission matrix: apply, view an application, decide -------------------------------------------------------

ROLES = ["anonymous", "member", "applicant_team", "reviewer", "incubator_facilitator", "other_facilitator",
         "hub_admin"]


@pytest.fixture
def world():
    facilitator, reviewer = UserFactory(), UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    today = timezone.localdate()
    open_round = IntakeRoundFactory(incubator=incubator, reviewers=[reviewer])
    closed_round = IntakeRoundFactory(incubator=incubator, reviewers=[reviewer],
                                      opens_on=today - datetime.timedelta(days=30),
                                      closes_on=today - datetime.timedelta(days=1))
    application = ApplicationFactory(round=open_round)
    users = {"anonymous": None, "member": UserFactory(), "applicant_team": application.idea.author,
             "reviewer": reviewer, "incubator_facilitator": facilitator,
             "other_facilitator": UserFactory(is_facilitator=True), "hub_admin": UserFactory(is_superuser=True)}
    return {"open": open_round, "closed": closed_round, "application": application, "users": users}


def _login(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_apply_to_an_open_and_a_closed_round(world, client, role):
    from django.contrib.auth.models import AnonymousUser
    user = world["users"][role]
    assert (user or AnonymousUser()).has_perm("ideas.apply_round", world["open"]) is (role != "anonymous")
    # Superusers hold every permission; the service and the page still refuse a closed round to everyone.
    assert (user or AnonymousUser()).has_perm("ideas.apply_round", world["closed"]) is (role == "hub_admin")
    _login(client, user)
    response = client.get(reverse("ideas:round_apply", args=[world["open"].pk]))
    assert response.status_code == (302 if role == "anonymous" else 200)
    closed = client.get(reverse("ideas:round_apply", args=[world["closed"].pk]))
    assert closed.status_code == 302
    if role != "anonymous":
        assert closed.url == world["closed"].get_absolute_url()


VIEW_APPLICATION = {"anonymous": 302, "member": 403, "applicant_team": 200, "reviewer": 200,
                    "incubator_facilitator": 200, "other_facilitator": 403, "hub_admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_see_an_application(world, client, role):
    from django.contrib.auth.models import AnonymousUser
    user = world["users"][role]
    expected = VIEW_APPLICATION[role]
    assert (user or AnonymousUser()).has_perm("ideas.view_application", world["application"]) is (expected == 200)
    _login(client, user)
    assert client.get(world["application"].get_absolute_url()).status_code == expected


DECIDE = {"anonymous": 302, "member": 403, "applicant_team": 403, "reviewer": 403, "incubator_facilitator": 302,
          "other_facilitator": 403, "hub_admin": 302}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_decide(world, client, role):
    from django.contrib.auth.models import AnonymousUser
    user = world["users"][role]
    allowed = role in ("incubator_facilitator", "hub_admin")
    assert (user or AnonymousUser()).has_perm("ideas.decide_application", world["application"]) is allowed
    _login(client, user)
    response = client.post(reverse("ideas:application_decide", args=[world["application"].pk]),
                           {"decision": "accepted"})
    assert response.status_code == DECIDE[role]
    world["application"].refresh_from_db()
    assert (world["application"].decision == "accepted") is allowed


EDIT_ROUND = {"anonymous": 302, "member": 403, "applicant_team": 403, "reviewer": 403, "incubator_facilitator": 200,
              "other_facilitator": 403, "hub_admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_a_round(world, client, role):
    from django.contrib.auth.models import AnonymousUser
    user = world["users"][role]
    assert (user or AnonymousUser()).has_perm("ideas.change_round", world["open"]) is (EDIT_ROUND[role] == 200)
    _login(client, user)
    assert client.get(reverse("ideas:round_edit", args=[world["open"].pk])).status_code == EDIT_ROUND[role]

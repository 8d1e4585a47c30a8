"""The demo's ideas, challenges and incubators, drawn from the seeds: loaded once, left alone the second time."""

import pytest
from django.core.management import call_command
from django.db.models import Count, F

from samskap.core.models import SearchEntry
from samskap.ideas import demo, demo_data
from samskap.ideas.models import (Application, Challenge, CohortMembership, Comment, Idea, Incubator, IntakeRound,
                                  LogEntry, MentorAssignment, Milestone, ProblemTreeNode, Review, StageChange,
                                  Support, SupportSession, TeamMember)

pytestmark = pytest.mark.django_db

MODELS = (Challenge, ProblemTreeNode, Incubator, IntakeRound, Application, Review, Idea, TeamMember, StageChange,
          LogEntry, Support, Comment, CohortMembership, MentorAssignment, SupportSession, Milestone)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_twice_changes_nothing_the_second_time(django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo")
    first = counts()
    assert "ideas: 4 challenges, 2 incubators, 1 rounds, 10 ideas, 2 applications, 1 cohort" in capsys.readouterr().out

    again = demo.demo_load()

    assert not again.anything
    assert counts() == first
    # The workshops' demo adds one more idea: a World Café insight turned into an idea.
    assert Idea.objects.filter(title__in=[idea.title for idea in demo_data.IDEAS]).count() == len(demo_data.IDEAS)
    assert Idea.objects.exclude(title__in=[idea.title for idea in demo_data.IDEAS]).count() <= 1
    assert first["Challenge"] == len(demo_data.CHALLENGES)


@pytest.fixture
def loaded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)


def test_the_demo_ideas_are_in_four_languages_and_several_stages_with_consistent_counts(loaded):
    ideas = Idea.objects.annotate(supports_n=Count("supports", distinct=True),
                                  comments_n=Count("comments", distinct=True))

    assert set(ideas.values_list("language", flat=True)) == {"sv", "nb", "da", "en"}
    assert set(ideas.values_list("stage__slug", flat=True)) >= {"idea", "exploring", "testing", "established",
                                                                 "paused"}
    assert not ideas.exclude(supports_n=F("support_count")).exists()
    assert not ideas.exclude(comments_n=F("comment_count")).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert ideas.filter(title="Social- og terapihunde til dem, der har brug for dem").exists()
    assert ideas.filter(title="Træer for rent drikkevand", stage__slug="established").exists()
    assert LogEntry.objects.count() >= 4
    assert StageChange.objects.filter(idea__stage__slug="paused", to_stage__slug="paused").exclude(reason="").exists()


def test_each_demo_challenge_has_a_problem_tree_of_three_causes_and_three_effects(loaded):
    for challenge in Challenge.objects.all():
        causes = list(challenge.tree_nodes.filter(kind="cause").order_by("position").values_list("text", flat=True))
        effects = challenge.tree_nodes.filter(kind="effect").count()
        assert (len(causes), effects) == (3, 3), challenge
    assert Challenge.objects.get(title="Ungas arbetslöshet i Malmö").ideas.exists()


def test_the_intake_round_is_open_with_two_questions_a_weighted_rubric_and_two_reviewers(loaded):
    intake_round = IntakeRound.objects.get(incubator__slug="grannskapsinkubatorn-rosengard")

    assert intake_round.is_open()
    assert intake_round.questions.count() == 2
    assert list(intake_round.criteria.values_list("weight", flat=True)) == [3, 2, 1]
    assert set(intake_round.reviewers.values_list("email", flat=True)) == {demo_data.FACILITATOR, demo_data.MENTOR}
    application = intake_round.applications.get(idea__title="Grannskapskafé som första arbetsplats för unga")
    assert set(application.answers) == {str(pk) for pk in intake_round.questions.values_list("pk", flat=True)}
    assert application.reviews.get().scores.count() == 3


def test_the_members_idea_is_in_the_cohort_with_a_mentor_a_session_and_milestones(loaded):
    idea = Idea.objects.get(author__email=demo_data.MEMBER)

    assert idea.stage.slug == "testing"
    assert CohortMembership.objects.filter(idea=idea, incubator__slug="grannskapsinkubatorn-rosengard").exists()
    assert idea.mentor_assignments.get().mentor.email == demo_data.MENTOR
    assert idea.support_sessions.count() == 1 and idea.milestones.count() == 2
    assert idea.team.filter(role="co_founder").exists()
    assert Incubator.objects.get(slug="grannskapsinkubatorn-rosengard").facilitators.filter(
        email=demo_data.FACILITATOR).exists()


def test_the_demo_ideas_and_challenges_are_in_the_search_index(loaded):
    # Every public idea is indexed: the ideas' demo and the one a World Café insight became (workshops' demo).
    assert SearchEntry.objects.filter(kind="idea").count() == Idea.objects.public().count() == len(demo_data.IDEAS) + 1
    assert SearchEntry.objects.filter(kind="challenge").count() == len(demo_data.CHALLENGES)

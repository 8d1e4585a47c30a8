"""seed_scale --challenges N --ideas N --comments-per-idea N: volume rows consistent with what the services
would have left behind, and found by search."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F

from samskap.core.models import SearchEntry
from samskap.ideas.models import (Challenge, Comment, Follow, Idea, ProblemTreeNode, StageChange, Support,
                                  TeamMember)

pytestmark = pytest.mark.django_db


def seed(**options) -> None:
    call_command("seed_scale", verbosity=0, **options)


def test_seed_scale_creates_as_many_challenges_and_ideas_as_asked_with_their_comments():
    seed(challenges=4, ideas=60, comments_per_idea=3, batch_size=25)

    assert Challenge.objects.count() == 4
    assert Idea.objects.count() == 60
    published = Idea.objects.filter(published_at__isnull=False)
    assert Comment.objects.count() == published.count() * 3
    assert Comment.objects.filter(parent__isnull=False).count() == published.count()  # every third is a reply
    assert not Comment.objects.filter(idea__published_at__isnull=True).exists()


def test_seeded_counts_match_the_supports_and_comments_rows():
    seed(ideas=80, comments_per_idea=2)

    ideas = Idea.objects.annotate(supports_n=Count("supports", distinct=True),
                                  comments_n=Count("comments", distinct=True))
    assert not ideas.exclude(supports_n=F("support_count")).exists()
    assert not ideas.exclude(comments_n=F("comment_count")).exists()
    assert Support.objects.exists()
    assert ideas.filter(support_count__gt=0).count() > 10


def test_every_seeded_idea_has_its_initiator_following_it_and_a_first_stage_change():
    seed(ideas=40)

    initiators = TeamMember.objects.filter(role=TeamMember.Role.INITIATOR, accepted_at__isnull=False,
                                           user_id=F("idea__author_id"))
    assert initiators.count() == 40
    assert Follow.objects.filter(user_id=F("idea__author_id")).count() == 40
    assert StageChange.objects.filter(from_stage__isnull=True, to_stage_id=F("idea__stage_id")).count() == 40


def test_seeded_ideas_spread_over_languages_and_stages_and_answer_seeded_challenges():
    seed(challenges=5, ideas=300)

    ideas = Idea.objects.all()
    assert set(ideas.values_list("language", flat=True)) == {"sv", "nb", "da", "en"}
    assert ideas.values("stage").distinct().count() >= 5
    assert ideas.filter(challenge__isnull=False).count() > 30
    assert ideas.filter(place__isnull=False).count() == 300


def test_seeded_challenges_have_three_causes_and_three_effects():
    seed(challenges=6)

    for challenge in Challenge.objects.all():
        kinds = list(challenge.tree_nodes.values_list("kind", flat=True))
        assert kinds.count(ProblemTreeNode.Kind.CAUSE) == 3
        assert kinds.count(ProblemTreeNode.Kind.EFFECT) == 3


def test_seeded_public_ideas_and_challenges_are_in_the_search_index_and_drafts_are_not():
    seed(challenges=3, ideas=120)

    public = set(Idea.objects.public().values_list("pk", flat=True))
    indexed = set(SearchEntry.objects.filter(kind="idea").values_list("object_id", flat=True))
    assert indexed == public
    assert Idea.objects.filter(published_at__isnull=True).exists() or len(public) < 120
    assert SearchEntry.objects.filter(kind="challenge").count() == 3


def test_the_same_seed_gives_the_same_ideas():
    seed(ideas=20, seed=7)
    first = list(Idea.objects.order_by("pk").values_list("title", "language", "support_count"))
    Idea.objects.all().delete()
    seed(ideas=20, seed=7)

    assert list(Idea.objects.order_by("pk").values_list("title", "language", "support_count")) == first


def test_a_negative_number_of_comments_per_idea_is_refused():
    with pytest.raises(CommandError, match="comments-per-idea"):
        seed(ideas=5, comments_per_idea=-1)
    assert not Idea.objects.exists()

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import Follow, Idea, StageChange, TeamMember
from samskap.ideas.services import idea_create, idea_move_to_stage, idea_publish
from samskap.ideas.tests.factories import IdeaFactory, stage

pytestmark = pytest.mark.django_db


def test_submitting_an_idea_makes_the_author_its_initiator_and_starts_the_timeline():
    author = UserFactory()
    idea = idea_create(author=author, title="Trädplantering för rent vatten", summary="Vi planterar träd.",
                       needs={"volunteers": "Tio personer en lördag", "funding": ""})
    assert idea.stage.slug == "idea" and idea.published_at is not None
    assert TeamMember.objects.get(idea=idea).role == "initiator"
    assert Follow.objects.filter(idea=idea, user=author).exists()
    assert [n.kind for n in idea.needs.all()] == ["volunteers"]
    assert StageChange.objects.get(idea=idea).to_stage.slug == "idea"


def test_a_draft_is_published_later_by_its_team():
    author = UserFactory()
    idea = idea_create(author=author, title="Grannskapscafé", summary="Ett café.", publish=False)
    assert idea.is_draft
    with pytest.raises(PermissionDenied):
        idea_publish(idea=idea, by=UserFactory())
    assert idea_publish(idea=idea, by=author).published_at is not None


def test_moving_a_stage_records_who_and_why_and_tells_the_followers(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    follower = UserFactory()
    Follow.objects.create(idea=idea, user=follower)
    with django_capture_on_commit_callbacks(execute=True):
        idea_move_to_stage(idea=idea, stage="testing", by=idea.author, reason="Första användarna är på plats")
    idea.refresh_from_db()
    assert idea.stage == stage("testing")
    change = StageChange.objects.get(idea=idea)
    assert (change.by, change.reason, change.from_stage.slug) == (idea.author, "Första användarna är på plats", "idea")
    assert Notification.objects.filter(user=follower, kind="idea_stage").count() == 1
    assert not Notification.objects.filter(user=idea.author).exists()


def test_moving_to_an_unknown_stage_changes_nothing():
    idea = IdeaFactory()
    with pytest.raises(ValidationError):
        idea_move_to_stage(idea=idea, stage="flying", by=idea.author)
    assert Idea.objects.get(pk=idea.pk).stage.slug == "idea" and not StageChange.objects.filter(idea=idea).exists()


def test_others_cannot_move_the_stage():
    with pytest.raises(PermissionDenied):
        idea_move_to_stage(idea=IdeaFactory(), stage="testing", by=UserFactory())

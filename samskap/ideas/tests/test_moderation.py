"""Reports and moderation of ideas and comments (part C): services, the queue, what authors and others see."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.core.models import SearchEntry
from samskap.ideas import services_moderation as moderation
from samskap.ideas.models import Comment, Idea, Report
from samskap.ideas.search import idea_index
from samskap.ideas.services_community import comment_create
from samskap.ideas.tests.factories import CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(name="Hedda Hubadmin", is_superuser=True, is_staff=True)


def test_a_member_reports_an_idea_once_while_the_report_is_open(admin, django_capture_on_commit_callbacks):
    idea, member = IdeaFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.report_idea(idea=idea, by=member, reason="Reklam för en butik.")
    with pytest.raises(ValidationError, match="already reported"):
        moderation.report_idea(idea=idea, by=member, reason="Igen")
    assert Report.objects.filter(idea=idea).count() == 1
    assert Notification.objects.filter(user=admin, kind="idea_report").count() == 1


def test_a_report_needs_a_reason_and_the_team_cannot_report_its_own_idea():
    idea = IdeaFactory()
    with pytest.raises(ValidationError):
        moderation.report_idea(idea=idea, by=UserFactory(), reason="  ")
    with pytest.raises(PermissionDenied):
        moderation.report_idea(idea=idea, by=idea.author, reason="Min egen")
    assert not Report.objects.exists()


def test_no_one_reports_their_own_comment():
    comment = CommentFactory()
    with pytest.raises(PermissionDenied):
        moderation.report_comment(comment=comment, by=comment.author, reason="Oj")
    moderation.report_comment(comment=comment, by=UserFactory(), reason="Otrevligt")
    assert Report.objects.filter(comment=comment).count() == 1


def test_hiding_a_comment_tells_its_author_why_and_resolves_its_reports(admin, django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    comment = comment_create(idea=idea, by=UserFactory(), body="Dumma förslag")
    moderation.report_comment(comment=comment, by=UserFactory(), reason="Otrevligt")
    moderation.report_comment(comment=comment, by=UserFactory(), reason="Hånar andra")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.comment_hide(comment=comment, by=admin, reason="Var vänlig mot andra.")
    assert set(Report.objects.values_list("outcome", flat=True)) == {"hidden"}
    told = Notification.objects.get(user=comment.author, kind="idea_comment_hidden")
    assert told.body == "Var vänlig mot andra."
    idea.refresh_from_db()
    assert idea.comment_count == 0
    moderation.comment_unhide(comment=comment, by=admin)
    idea.refresh_from_db()
    assert idea.comment_count == 1 and Comment.objects.get(pk=comment.pk).hidden_at is None


def test_the_author_sees_the_reason_and_others_only_that_a_moderator_hid_it(client, admin):
    idea = IdeaFactory()
    comment = CommentFactory(idea=idea, body="Dumma förslag")
    moderation.comment_hide(comment=comment, by=admin, reason="Var vänlig mot andra.")
    client.force_login(comment.author)
    own = client.get(idea.get_absolute_url()).content.decode()
    assert "Hidden by a moderator:" in own and "Var vänlig mot andra." in own
    client.force_login(UserFactory())
    other = client.get(idea.get_absolute_url()).content.decode()
    assert "This comment was hidden by a moderator" in other
    assert "Dumma förslag" not in other and "Var vänlig" not in other


def test_a_hidden_idea_leaves_lists_and_search_and_its_team_sees_why(client, admin,
                                                                     django_capture_on_commit_callbacks):
    idea = IdeaFactory(title="Billiga klockor")
    idea_index(idea.pk)
    assert SearchEntry.objects.filter(kind="idea", object_id=idea.pk).exists()
    moderation.report_idea(idea=idea, by=UserFactory(), reason="Spam")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.idea_hide(idea=idea, by=admin, reason="Reklam hör hemma i marknadsplatsen.")
    assert not Idea.objects.published().filter(pk=idea.pk).exists()
    assert not SearchEntry.objects.filter(kind="idea", object_id=idea.pk).exists()
    assert Notification.objects.get(user=idea.author, kind="idea_hidden").body.startswith("Reklam")
    client.force_login(idea.author)
    page = client.get(idea.get_absolute_url())
    assert page.status_code == 200 and "Reklam hör hemma i marknadsplatsen." in page.content.decode()
    client.force_login(UserFactory())
    assert client.get(idea.get_absolute_url()).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        moderation.idea_unhide(idea=idea, by=admin)
    assert SearchEntry.objects.filter(kind="idea", object_id=idea.pk).exists()


def test_dismissing_resolves_every_open_report_about_the_item(admin):
    idea = IdeaFactory()
    first = moderation.report_idea(idea=idea, by=UserFactory(), reason="Konstig")
    moderation.report_idea(idea=idea, by=UserFactory(), reason="Också konstig")
    assert moderation.report_dismiss(report=first, by=admin) == 2
    with pytest.raises(ValidationError):
        moderation.report_dismiss(report=first, by=admin)
    assert Idea.objects.get(pk=idea.pk).hidden_at is None


def test_only_moderators_hide_and_a_reason_is_required(admin):
    comment = CommentFactory()
    with pytest.raises(PermissionDenied):
        moderation.comment_hide(comment=comment, by=UserFactory(), reason="Nej")
    with pytest.raises(ValidationError):
        moderation.comment_hide(comment=comment, by=admin, reason="")
    moderation.comment_hide(comment=comment, by=UserFactory(is_facilitator=True), reason="Spam")
    assert Comment.objects.get(pk=comment.pk).hidden_reason == "Spam"


def test_reporting_and_hiding_through_the_pages(client, admin):
    idea = IdeaFactory()
    comment = CommentFactory(idea=idea, body="Köp klockor")
    client.force_login(UserFactory())
    url = reverse("ideas:report_comment", args=[comment.pk])
    assert client.get(url).status_code == 200
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200 and "Tell the moderators what is wrong." in empty.content.decode()
    assert client.post(url, {"reason": "Spam"}).status_code == 302
    client.force_login(admin)
    queue = client.get(reverse("ideas:moderation")).content.decode()
    assert "Köp klockor" in queue and "Spam" in queue
    hide = reverse("ideas:moderation_comment_hide", args=[comment.pk])
    assert client.post(hide, {"reason": ""}).status_code == 200
    assert client.post(hide, {"reason": "Reklam"}).status_code == 302
    assert Comment.objects.get(pk=comment.pk).hidden_reason == "Reklam"
    assert list(Report.objects.values_list("outcome", flat=True)) == ["hidden"]


def test_the_queue_shows_a_reported_idea_alone_and_dismisses_it(client, admin):
    idea = IdeaFactory(title="Grannskapscafé")
    report = moderation.report_idea(idea=idea, by=UserFactory(), reason="Dubblett")
    client.force_login(admin)
    assert "Grannskapscafé" in client.get(reverse("ideas:moderation")).content.decode()
    assert client.post(reverse("ideas:moderation_dismiss", args=[report.pk])).status_code == 302
    assert Report.objects.get(pk=report.pk).outcome == "dismissed"


@pytest.mark.parametrize("reported", [5, 30])
def test_the_queue_runs_the_same_queries_for_5_and_30_reported_items(client, admin, reported,
                                                                     django_assert_max_num_queries):
    for n in range(reported):
        idea = IdeaFactory()
        moderation.report_idea(idea=idea, by=UserFactory(), reason=f"Spam {n}")
        moderation.report_comment(comment=CommentFactory(idea=idea), by=UserFactory(), reason="Otrevligt")
    moderation.comment_hide(comment=CommentFactory(), by=admin, reason="Otrevligt")
    moderation.idea_hide(idea=IdeaFactory(), by=admin, reason="Spam")
    client.force_login(admin)
    client.get(reverse("ideas:moderation"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("ideas:moderation"))
    assert response.status_code == 200

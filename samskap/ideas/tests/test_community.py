"""Supporting, following and threaded comments (part C): services, views, the section on the idea's page, the
API, and query counts."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas import selectors_community
from samskap.ideas.models import Comment, Follow, Idea, Support
from samskap.ideas.services_community import (comment_create, comment_delete, comment_update, follow_add,
                                              follow_remove, support_add, support_withdraw)
from samskap.ideas.tests.factories import CommentFactory, IdeaFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


def counts(idea):
    idea.refresh_from_db()
    return idea.support_count, idea.comment_count


# Support -----------------------------------------------------------------------------------------------


def test_a_member_supports_an_idea_once_and_the_count_follows():
    idea, member = IdeaFactory(), UserFactory()
    support_add(idea=idea, by=member)
    with pytest.raises(ValidationError) as error:
        support_add(idea=idea, by=member)
    assert "You already support this idea." in error.value.messages
    assert counts(idea)[0] == 1 and Support.objects.filter(idea=idea).count() == 1


def test_withdrawing_support_lowers_the_count_once():
    idea, member = IdeaFactory(), UserFactory()
    support_add(idea=idea, by=member)
    assert support_withdraw(idea=idea, by=member) is True
    assert support_withdraw(idea=idea, by=member) is False
    assert counts(idea)[0] == 0


def test_the_team_cannot_support_its_own_idea():
    idea = IdeaFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    for member in (idea.author, volunteer):
        with pytest.raises(PermissionDenied):
            support_add(idea=idea, by=member)
    assert counts(idea)[0] == 0


def test_a_hub_admin_on_the_team_cannot_support_it_either():
    admin = UserFactory(is_superuser=True, is_staff=True)
    idea = IdeaFactory(author=admin)
    with pytest.raises(PermissionDenied):
        support_add(idea=idea, by=admin)


def test_a_support_that_loses_a_race_is_told_it_already_supports(monkeypatch):
    """Two clicks at once: the second passes the exists() check, then the unique constraint refuses it."""
    idea, member = IdeaFactory(), UserFactory()
    Support.objects.create(idea=idea, user=member)  # the other request's row, not yet counted
    original = Support.objects.filter

    class Blind:
        def exists(self):
            return False

    monkeypatch.setattr(Support.objects, "filter",
                        lambda *a, **k: Blind() if k.get("user") == member else original(*a, **k))
    with pytest.raises(ValidationError, match="already support"):
        support_add(idea=idea, by=member)
    monkeypatch.undo()
    assert counts(idea)[0] == 0 and Support.objects.filter(idea=idea).count() == 1


def test_the_support_button_swaps_with_htmx_and_a_second_support_says_so(client):
    idea, member = IdeaFactory(), UserFactory()
    client.force_login(member)
    url = reverse("ideas:idea_support", args=[idea.pk])
    response = client.post(url, {"action": "support"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Withdraw my support" in html and "<strong>1</strong>" in html and "<html" not in html
    again = client.post(url, {"action": "support"}, HTTP_HX_REQUEST="true")
    assert again.status_code == 200 and "You already support this idea." in again.content.decode()
    assert counts(idea)[0] == 1


def test_supporting_without_javascript_comes_back_to_the_idea_with_a_message(client):
    idea, member = IdeaFactory(), UserFactory()
    client.force_login(member)
    url = reverse("ideas:idea_support", args=[idea.pk])
    client.post(url, {"action": "support"})
    response = client.post(url, {"action": "support"}, follow=True)
    assert response.status_code == 200
    assert "You already support this idea." in [str(m) for m in response.context["messages"]]
    client.post(url, {"action": "withdraw"})
    assert counts(idea)[0] == 0


def test_a_team_member_posting_support_gets_403_and_nothing_changes(client):
    idea = IdeaFactory()
    client.force_login(idea.author)
    assert client.post(reverse("ideas:idea_support", args=[idea.pk]), {"action": "support"}).status_code == 403
    assert counts(idea)[0] == 0


# Follow ------------------------------------------------------------------------------------------------


def test_following_and_unfollowing_an_idea():
    idea, member = IdeaFactory(), UserFactory()
    follow_add(idea=idea, by=member)
    follow_add(idea=idea, by=member)
    assert Follow.objects.filter(idea=idea, user=member).count() == 1
    assert follow_remove(idea=idea, by=member) is True
    assert not Follow.objects.filter(idea=idea, user=member).exists()


def test_the_follow_button_swaps_with_htmx(client):
    idea, member = IdeaFactory(), UserFactory()
    client.force_login(member)
    response = client.post(reverse("ideas:idea_follow", args=[idea.pk]), {"action": "follow"}, HTTP_HX_REQUEST="true")
    assert "Stop following" in response.content.decode()
    assert Follow.objects.filter(idea=idea, user=member).exists()


# Comments ----------------------------------------------------------------------------------------------


def test_a_comment_tells_followers_and_team_but_not_its_writer(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    follower, writer = UserFactory(), UserFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    Follow.objects.create(idea=idea, user=follower)
    Follow.objects.create(idea=idea, user=writer)
    with django_capture_on_commit_callbacks(execute=True):
        comment = comment_create(idea=idea, by=writer, body="Har ni pratat med kommunen?")
    assert counts(idea)[1] == 1
    told = set(Notification.objects.filter(kind="idea_comment").values_list("user_id", flat=True))
    assert told == {follower.pk, volunteer.pk, idea.author_id}
    assert Notification.objects.get(user=follower).url == reverse("ideas:comment", args=[comment.pk])


def test_a_reply_tells_the_parent_comments_author_once(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    asker = UserFactory()
    Follow.objects.create(idea=idea, user=asker)
    question = CommentFactory(idea=idea, author=asker)
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(idea=idea, by=idea.author, body="Ja, i maj.", parent=question)
    assert list(Notification.objects.filter(user=asker).values_list("kind", flat=True)) == ["idea_comment_reply"]


def test_an_empty_comment_and_a_filled_honeypot_are_refused_and_nothing_is_saved():
    idea, member = IdeaFactory(), UserFactory()
    with pytest.raises(ValidationError, match="Write a comment"):
        comment_create(idea=idea, by=member, body="   ")
    with pytest.raises(ValidationError):
        comment_create(idea=idea, by=member, body="Köp billiga klockor", honeypot="http://spam.example")
    assert not Comment.objects.exists() and counts(idea)[1] == 0


def test_the_hourly_comment_limit_refuses_one_more(settings):
    settings.IDEAS_COMMENTS_PER_HOUR = 2
    idea, member = IdeaFactory(), UserFactory()
    comment_create(idea=idea, by=member, body="Ett")
    comment_create(idea=idea, by=member, body="Två")
    with pytest.raises(ValidationError, match="2 comments in the last hour"):
        comment_create(idea=idea, by=member, body="Tre")
    assert counts(idea)[1] == 2


def test_a_reply_must_belong_to_the_same_idea():
    idea, member = IdeaFactory(), UserFactory()
    elsewhere = CommentFactory()
    with pytest.raises(ValidationError):
        comment_create(idea=idea, by=member, body="Svar", parent=elsewhere)


def test_one_edits_ones_own_comment_within_fifteen_minutes_only():
    comment = CommentFactory()
    comment_update(comment=comment, by=comment.author, body="Rättat")
    assert Comment.objects.get(pk=comment.pk).body == "Rättat"
    with pytest.raises(PermissionDenied):
        comment_update(comment=comment, by=UserFactory(), body="Inte min")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    comment.refresh_from_db()
    with pytest.raises(PermissionDenied, match="15 minutes"):
        comment_update(comment=comment, by=comment.author, body="För sent")


def test_deleting_a_comment_with_replies_leaves_a_placeholder_and_without_removes_it():
    idea = IdeaFactory()
    parent = comment_create(idea=idea, by=UserFactory(), body="Fråga")
    reply = comment_create(idea=idea, by=UserFactory(), body="Svar", parent=parent)
    assert comment_delete(comment=parent, by=parent.author) is False
    placeholder = Comment.objects.get(pk=parent.pk)
    assert placeholder.body == "" and placeholder.author is None
    assert counts(idea)[1] == 1
    with pytest.raises(PermissionDenied):
        comment_delete(comment=reply, by=UserFactory())
    # The last reply goes, and the placeholder with it.
    assert comment_delete(comment=reply, by=reply.author) is True
    assert not Comment.objects.filter(idea=idea).exists() and counts(idea)[1] == 0


def test_no_one_comments_on_a_draft_or_a_hidden_idea():
    member = UserFactory()
    for idea in (IdeaFactory(published_at=None), IdeaFactory(hidden_at=timezone.now(), hidden_reason="Spam")):
        with pytest.raises(PermissionDenied):
            comment_create(idea=idea, by=member, body="Hej")


def test_posting_a_comment_without_javascript_goes_to_it_on_the_idea_page(client):
    idea, member = IdeaFactory(), UserFactory()
    client.force_login(member)
    response = client.post(reverse("ideas:idea_comment", args=[idea.pk]), {"body": "Vilken fin idé!", "website": ""})
    comment = Comment.objects.get()
    assert response.status_code == 302 and response.url == f"{idea.get_absolute_url()}#comment-{comment.pk}"
    # The address notifications link to finds it too.
    assert client.get(reverse("ideas:comment", args=[comment.pk])).url == response.url


def test_a_comment_with_an_error_is_shown_again_with_the_text_typed(client):
    idea, member = IdeaFactory(), UserFactory()
    client.force_login(member)
    response = client.post(reverse("ideas:idea_comment", args=[idea.pk]), {"body": "x" * 5001, "website": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ds-error-summary" in html and "x" * 100 in html and not Comment.objects.exists()


def test_the_honeypot_on_the_page_refuses_robots(client):
    idea, member = IdeaFactory(), UserFactory()
    client.force_login(member)
    response = client.post(reverse("ideas:idea_comment", args=[idea.pk]), {"body": "Klockor", "website": "x"})
    assert response.status_code == 200 and not Comment.objects.exists()


def test_editing_a_comment_on_its_page(client):
    comment = CommentFactory()
    client.force_login(comment.author)
    url = reverse("ideas:comment_edit", args=[comment.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"body": "Nytt"}).status_code == 302
    assert Comment.objects.get(pk=comment.pk).body == "Nytt"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


# The threads -------------------------------------------------------------------------------------------


def test_replies_are_indented_three_levels_and_deeper_ones_flattened_under_the_third():
    idea = IdeaFactory()
    users = UserFactory.create_batch(6)
    chain = [CommentFactory(idea=idea, author=users[0])]
    for level in range(1, 6):
        chain.append(CommentFactory(idea=idea, author=users[level], parent=chain[-1]))
    community = selectors_community.community_for(idea=idea, user=UserFactory())
    root = community.threads[0]
    level_two = root.children[0].children[0]
    assert [node.level for node in (root, root.children[0], level_two)] == [0, 1, 2]
    flat = level_two.children
    assert [node.comment for node in flat] == chain[3:]
    assert {node.level for node in flat} == {3}
    assert [node.reply_to for node in flat] == ["", users[3].display_name, users[4].display_name]


def test_comment_threads_are_paged_by_top_level_comment(monkeypatch):
    monkeypatch.setattr(selectors_community, "THREADS_PER_PAGE", 2)
    idea = IdeaFactory()
    roots = [CommentFactory(idea=idea) for _ in range(3)]
    CommentFactory(idea=idea, parent=roots[0])
    first = selectors_community.community_for(idea=idea, user=UserFactory(), page=1)
    last = selectors_community.community_for(idea=idea, user=UserFactory(), page="99")
    assert [n.comment for n in first.threads] == roots[:2] and first.num_pages == 2
    assert [n.comment for n in last.threads] == roots[2:] and last.page == 2
    assert selectors_community.comment_page(comment=roots[2]) == 2


def test_the_idea_page_shows_the_section_with_the_comments(client):
    idea = IdeaFactory()
    CommentFactory(idea=idea, body="Bra initiativ")
    member = UserFactory()
    client.force_login(member)
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "Support this idea" in html and "Follow this idea" in html and "Bra initiativ" in html
    assert "Report this idea" in html


def test_visitors_see_comments_and_a_log_in_link_but_no_forms(client):
    idea = IdeaFactory()
    CommentFactory(idea=idea, body="Bra initiativ")
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "Bra initiativ" in html and "Log in to comment" in html
    assert reverse("ideas:idea_comment", args=[idea.pk]) not in html


def _comments(idea, threads: int):
    for _ in range(threads):
        root = CommentFactory(idea=idea)
        CommentFactory(idea=idea, parent=root)


@pytest.mark.parametrize("threads", [5, 30])
def test_the_community_section_runs_the_same_few_queries_for_5_and_30_threads(
        threads, django_assert_max_num_queries):
    idea, member = IdeaFactory(), UserFactory()
    _comments(idea, threads)
    idea = Idea.objects.get(pk=idea.pk)
    idea_roles_and_three = 4 + 3  # the viewer's roles (cached when the idea page asked first) + three of ours
    with django_assert_max_num_queries(idea_roles_and_three):
        community = selectors_community.community_for(idea=idea, user=member)
    assert len(community.threads) == threads


def test_the_idea_page_runs_as_many_queries_for_30_threads_as_for_5(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    member = UserFactory()
    client.force_login(member)
    client.get(IdeaFactory().get_absolute_url())  # the session, the hub's settings: cached after the first
    used = []
    for threads in (5, 30):
        idea = IdeaFactory()
        _comments(idea, threads)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(idea.get_absolute_url()).status_code == 200
        used.append(len(queries))
    assert used[0] == used[1]


# The API -----------------------------------------------------------------------------------------------


def test_the_api_lists_comments_with_parents_and_hides_hidden_bodies(client):
    idea = IdeaFactory()
    root = CommentFactory(idea=idea, body="Fråga")
    CommentFactory(idea=idea, parent=root, body="Dumt", hidden_at=timezone.now(), hidden_reason="Otrevligt")
    response = client.get(f"/api/v1/ideas/{idea.pk}/comments")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [(i["parent"], i["body"], i["hidden"]) for i in items] == [(None, "Fråga", False), (root.pk, None, True)]
    assert items[0]["url"] == reverse("ideas:comment", args=[root.pk]) and items[0]["author"]


def test_the_api_hides_a_team_only_idea_and_lets_members_comment(client):
    secret = IdeaFactory(visibility="team")
    assert client.get(f"/api/v1/ideas/{secret.pk}/comments").status_code == 404
    idea = IdeaFactory()
    assert client.post(f"/api/v1/ideas/{idea.pk}/comments", {"body": "Hej"},
                       content_type="application/json").status_code == 401
    client.force_login(UserFactory())
    response = client.post(f"/api/v1/ideas/{idea.pk}/comments", {"body": "Hej"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["body"] == "Hej"
    assert counts(idea)[1] == 1
    empty = client.post(f"/api/v1/ideas/{idea.pk}/comments", {"body": " "}, content_type="application/json")
    assert empty.status_code == 422

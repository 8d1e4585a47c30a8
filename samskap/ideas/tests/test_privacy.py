"""What must not leak across the parts: notifications about ideas a member no longer sees, superusers passing
rules that are not about rights (a draft's stage, another mentor's session) and the shared list filter."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, Follow, Idea
from samskap.ideas.selectors import ideas_visible_q
from samskap.ideas.services import idea_move_to_stage
from samskap.ideas.services_cohort import support_session_update
from samskap.ideas.services_community import comment_create
from samskap.ideas.tests.factories import (IdeaFactory, IncubatorFactory, MentorAssignmentFactory,
                                           SupportSessionFactory, TeamMemberFactory)

pytestmark = pytest.mark.django_db


def test_a_follower_of_an_idea_that_became_team_only_is_not_told_its_title(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    follower, volunteer = UserFactory(), TeamMemberFactory(idea=idea, role="volunteer").user
    Follow.objects.create(idea=idea, user=follower)
    Idea.objects.filter(pk=idea.pk).update(visibility="team")
    idea.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        idea_move_to_stage(idea=idea, stage="testing", by=idea.author)
    assert not Notification.objects.filter(user=follower).exists()
    assert Notification.objects.filter(user=volunteer, kind="idea_stage").count() == 1


def test_a_follower_of_a_hidden_idea_is_not_told_of_new_comments(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    follower = UserFactory()
    Follow.objects.create(idea=idea, user=follower)
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(idea=idea, by=UserFactory(), body="Bra idé!")
    assert Notification.objects.filter(user=follower, kind="idea_comment").count() == 1
    parent = idea.comments.get()
    Idea.objects.filter(pk=idea.pk).update(visibility="team")
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(idea=idea, by=idea.author, body="Tack!", parent=parent)
    assert Notification.objects.filter(user=follower).count() == 1
    assert not Notification.objects.filter(user=parent.author, kind="idea_comment_reply").exists()


def test_a_hub_admin_cannot_move_a_draft_to_another_stage_either():
    idea = IdeaFactory(published_at=None)
    with pytest.raises(PermissionDenied):
        idea_move_to_stage(idea=idea, stage="testing", by=UserFactory(is_superuser=True))


def test_a_hub_admin_does_not_rewrite_a_session_another_mentor_logged(client):
    session = SupportSessionFactory()
    session.logged_by = session.mentor
    session.save()
    admin = UserFactory(is_superuser=True)
    with pytest.raises(PermissionDenied):
        support_session_update(session=session, by=admin, date=session.date, notes="Ändrat")
    client.force_login(admin)
    response = client.post(reverse("ideas:idea_session_edit", args=[session.idea_id, session.pk]),
                           {"date": session.date.isoformat(), "notes": "Ändrat"})
    assert response.status_code in (403, 404)
    session.refresh_from_db()
    assert session.notes != "Ändrat"


def test_the_list_filter_shows_members_ideas_to_members_and_own_team_only_ideas_with_own():
    public, members, team = IdeaFactory(), IdeaFactory(visibility="members"), IdeaFactory(visibility="team")
    IdeaFactory(published_at=None)
    mentor = MentorAssignmentFactory(idea=team).mentor
    member = UserFactory()
    ideas = Idea.objects.filter(pk__in=[public.pk, members.pk, team.pk])
    assert set(ideas.filter(ideas_visible_q(None))) == {public}
    assert set(ideas.filter(ideas_visible_q(member, own=True)).distinct()) == {public, members}
    assert set(ideas.filter(ideas_visible_q(mentor))) == {public, members}
    assert set(ideas.filter(ideas_visible_q(mentor, own=True)).distinct()) == {public, members, team}


def test_the_incubator_page_lists_a_team_only_cohort_idea_to_its_team_but_not_to_visitors(client):
    incubator = IncubatorFactory()
    idea = IdeaFactory(visibility="team", title="Hemlig idé")
    CohortMembership.objects.create(incubator=incubator, idea=idea)
    assert "Hemlig idé" not in client.get(incubator.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    assert "Hemlig idé" not in client.get(incubator.get_absolute_url()).content.decode()
    client.force_login(idea.author)
    assert "Hemlig idé" in client.get(incubator.get_absolute_url()).content.decode()

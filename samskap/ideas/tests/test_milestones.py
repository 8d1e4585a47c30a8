"""Milestones: adding, editing, marking done and deleting them (who may, with clear errors), the milestones page,
and `ideas_tick`'s reminders three days before and once when overdue."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, MentorAssignment, Milestone
from samskap.ideas.services_cohort import (milestone_add, milestone_delete, milestone_mark, milestone_update,
                                           milestones_remind)

from .factories import IdeaFactory, IncubatorFactory, MilestoneFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db

def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def idea():
    return IdeaFactory(title="Trädplantering")


def test_the_team_adds_edits_marks_done_and_deletes_a_milestone(idea):
    milestone = milestone_add(idea=idea, by=idea.author, title=" Första planteringen ", due_on=days(10))
    assert (milestone.title, milestone.created_by) == ("Första planteringen", idea.author)
    milestone_update(milestone=milestone, by=idea.author, title="Första planteringen i parken", due_on=days(12))
    milestone_mark(milestone=milestone, by=idea.author, done=True)
    milestone.refresh_from_db()
    assert milestone.title == "Första planteringen i parken" and milestone.done_at is not None
    milestone_mark(milestone=milestone, by=idea.author, done=False)
    milestone.refresh_from_db()
    assert milestone.done_at is None
    milestone_delete(milestone=milestone, by=idea.author)
    assert not Milestone.objects.exists()


def test_a_milestone_needs_a_name_and_a_due_date_not_in_the_past(idea):
    with pytest.raises(ValidationError) as error:
        milestone_add(idea=idea, by=idea.author, title=" ", due_on=days(-1))
    assert set(error.value.error_dict) == {"title", "due_on"}
    assert not Milestone.objects.exists()


def test_an_overdue_milestone_can_be_renamed_without_moving_its_date(idea):
    milestone = MilestoneFactory(idea=idea, due_on=days(-5))
    milestone_update(milestone=milestone, by=idea.author, title="Renamed", due_on=days(-5))
    with pytest.raises(ValidationError):
        milestone_update(milestone=milestone, by=idea.author, title="Renamed", due_on=days(-2))


@pytest.mark.parametrize("role, allowed", [
    ("anonymous", False), ("member", False), ("volunteer", True), ("core_team", True), ("mentor", False),
    ("incubator_facilitator", True), ("other_incubator_facilitator", False), ("hub_admin", True),
])
def test_who_manages_milestones(client, idea, role, allowed):
    facilitator, other = UserFactory(), UserFactory()
    incubator = IncubatorFactory(facilitators=[facilitator])
    IncubatorFactory(facilitators=[other])
    CohortMembership.objects.create(incubator=incubator, idea=idea)
    mentor = UserFactory(is_mentor=True)
    MentorAssignment.objects.create(idea=idea, mentor=mentor)
    user = {"anonymous": AnonymousUser(), "member": UserFactory(),
            "volunteer": TeamMemberFactory(idea=idea, role="volunteer").user, "core_team": idea.author,
            "mentor": mentor, "incubator_facilitator": facilitator, "other_incubator_facilitator": other,
            "hub_admin": UserFactory(is_superuser=True)}[role]
    assert user.has_perm("ideas.manage_milestones", idea) is allowed
    if role != "anonymous":
        client.force_login(user)
    url = reverse("ideas:idea_milestones", args=[idea.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert ("Add a milestone" in page.content.decode()) is allowed
    response = client.post(url, {"title": "Budget klar", "due_on": days(7).isoformat()})
    assert response.status_code == (302 if allowed else 403)
    assert Milestone.objects.filter(idea=idea).exists() is allowed
    if not allowed and role != "anonymous":
        with pytest.raises(PermissionDenied):
            milestone_add(idea=idea, by=user, title="x", due_on=days(7))


def test_the_milestones_page_of_a_team_only_idea_is_not_found_for_others(client):
    idea = IdeaFactory(visibility="team")
    client.force_login(UserFactory())
    assert client.get(reverse("ideas:idea_milestones", args=[idea.pk])).status_code == 404


def test_the_form_shows_a_clear_error_and_keeps_what_was_typed(client, idea):
    client.force_login(idea.author)
    response = client.post(reverse("ideas:idea_milestones", args=[idea.pk]),
                           {"title": "Kept title", "due_on": days(-3).isoformat()})
    html = response.content.decode()
    assert "The due date has passed" in html and "Kept title" in html
    assert not Milestone.objects.exists()


def test_marking_done_and_editing_through_the_pages(client, idea):
    milestone = MilestoneFactory(idea=idea, title="Test")
    client.force_login(idea.author)
    client.post(reverse("ideas:idea_milestone_done", args=[idea.pk, milestone.pk]), {"done": "1"})
    milestone.refresh_from_db()
    assert milestone.done_at is not None
    client.post(reverse("ideas:idea_milestone_edit", args=[idea.pk, milestone.pk]),
                {"title": "Test 2", "due_on": days(20).isoformat()})
    milestone.refresh_from_db()
    assert milestone.title == "Test 2" and milestone.due_on == days(20)
    client.post(reverse("ideas:idea_milestone_delete", args=[idea.pk, milestone.pk]))
    assert not Milestone.objects.exists()


# Reminders ---------------------------------------------------------------------------------------------------------

def reminders(user=None):
    found = Notification.objects.filter(kind="idea_milestone")
    return list(found.filter(user=user) if user else found)


def test_the_team_is_reminded_three_days_before_a_milestone_is_due_and_only_once(idea):
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    TeamMemberFactory(idea=idea, user=None, email="invited@example.org", accepted_at=None)
    MilestoneFactory(idea=idea, title="Plantera", due_on=days(3))
    MilestoneFactory(idea=idea, title="Later", due_on=days(4))
    MilestoneFactory(idea=idea, title="Done", due_on=days(1), done_at=timezone.now())
    assert milestones_remind() == {"soon": 1, "overdue": 0}
    assert {n.user_id for n in reminders()} == {idea.author_id, volunteer.pk}
    assert "“Plantera” of “Trädplantering” is due on" in reminders(idea.author)[0].title
    assert milestones_remind() == {"soon": 0, "overdue": 0}
    assert len(reminders()) == 2


def test_an_overdue_milestone_is_reminded_once_more(idea):
    milestone = MilestoneFactory(idea=idea, title="Plantera", due_on=days(2))
    milestones_remind()
    assert len(reminders(idea.author)) == 1
    later = timezone.now() + datetime.timedelta(days=3)
    assert milestones_remind(now=later) == {"soon": 0, "overdue": 1}
    assert milestones_remind(now=later) == {"soon": 0, "overdue": 0}
    assert milestones_remind(now=later + datetime.timedelta(days=5)) == {"soon": 0, "overdue": 0}
    titles = sorted(n.title for n in reminders(idea.author))
    assert len(titles) == 2
    assert any("was due on" in title for title in titles) and any("is due on" in title for title in titles)
    milestone.refresh_from_db()
    assert milestone.reminder_sent_at is not None


def test_an_overdue_milestone_never_reminded_before_is_reminded_once(idea):
    MilestoneFactory(idea=idea, due_on=days(-1))
    call_command("ideas_tick", verbosity=0)
    call_command("ideas_tick", verbosity=0)
    assert len(reminders(idea.author)) == 1
    assert "was due on" in reminders(idea.author)[0].title


def test_moving_the_due_date_brings_new_reminders(idea):
    milestone = MilestoneFactory(idea=idea, due_on=days(1))
    milestones_remind()
    milestone_update(milestone=milestone, by=idea.author, title=milestone.title, due_on=days(2))
    assert milestones_remind() == {"soon": 1, "overdue": 0}
    assert len(reminders(idea.author)) == 2

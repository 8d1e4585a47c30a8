"""Mentors and support sessions: assigning and removing mentors (with notifications), logging, correcting and
deleting sessions, who may read them (role × visibility, by rule, page and idea-page section) and who logs them."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import CohortMembership, MentorAssignment, SupportSession
from samskap.ideas.services_cohort import (mentor_assign, mentor_remove, support_session_delete, support_session_log,
                                           support_session_update)

from .factories import (IdeaFactory, IncubatorFactory, MilestoneFactory, SupportSessionFactory, TeamMemberFactory)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "volunteer", "core_team", "assigned_mentor", "other_mentor",
         "incubator_facilitator", "other_incubator_facilitator", "hub_admin"]
SEES_SESSIONS = {"volunteer", "core_team", "assigned_mentor", "incubator_facilitator", "hub_admin"}
LOGS_SESSIONS = {"assigned_mentor", "incubator_facilitator", "hub_admin"}


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


class Cohort:
    """An idea in an incubator's cohort with someone in every role around it."""

    def __init__(self, visibility="public"):
        self.facilitator = UserFactory(name="Fia Facilitator")
        self.incubator = IncubatorFactory(facilitators=[self.facilitator])
        self.idea = IdeaFactory(title="Terapihundar", visibility=visibility)
        CohortMembership.objects.create(incubator=self.incubator, idea=self.idea)
        self.mentor = UserFactory(name="Mats Mentor", is_mentor=True)
        MentorAssignment.objects.create(idea=self.idea, mentor=self.mentor)
        other_facilitator = UserFactory()
        IncubatorFactory(facilitators=[other_facilitator])
        self.users = {
            "anonymous": AnonymousUser(), "member": UserFactory(),
            "volunteer": TeamMemberFactory(idea=self.idea, role="volunteer").user, "core_team": self.idea.author,
            "assigned_mentor": self.mentor, "other_mentor": UserFactory(is_mentor=True),
            "incubator_facilitator": self.facilitator, "other_incubator_facilitator": other_facilitator,
            "hub_admin": UserFactory(is_superuser=True),
        }


@pytest.fixture
def cohort():
    return Cohort()


def render_section(idea, user) -> str:
    return Template('{% include "ideas/partials/idea_incubator.html" %}').render(Context({"idea": idea, "user": user}))


# Who reads support sessions ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("visibility", ["public", "members", "team"])
@pytest.mark.parametrize("role", ROLES)
def test_support_sessions_are_read_only_by_the_team_its_mentors_and_facilitators(client, role, visibility):
    cohort = Cohort(visibility)
    SupportSessionFactory(idea=cohort.idea, mentor=cohort.mentor, notes="Secret budget talk")
    user = cohort.users[role]
    allowed = role in SEES_SESSIONS
    assert user.has_perm("ideas.view_support_sessions", cohort.idea) is allowed
    if role != "anonymous":
        client.force_login(user)
    response = client.get(reverse("ideas:idea_sessions", args=[cohort.idea.pk]))
    assert response.status_code == (200 if allowed else 404)
    assert ("Secret budget talk" in response.content.decode()) is allowed
    fresh = type(cohort.idea).objects.get(pk=cohort.idea.pk)
    assert ("All support sessions (private)" in render_section(fresh, user)) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_only_assigned_mentors_facilitators_and_hub_admins_log_sessions(client, cohort, role):
    user = cohort.users[role]
    allowed = role in LOGS_SESSIONS
    assert user.has_perm("ideas.log_support_session", cohort.idea) is allowed
    if role != "anonymous":
        client.force_login(user)
    response = client.post(reverse("ideas:idea_sessions", args=[cohort.idea.pk]), {
        "mentor": cohort.mentor.pk, "date": timezone.localdate().isoformat(), "notes": "We met."})
    expected = 302 if allowed else 403 if role in SEES_SESSIONS else 404
    assert response.status_code == expected
    assert SupportSession.objects.filter(idea=cohort.idea).exists() is allowed
    if not allowed and role != "anonymous":
        with pytest.raises(PermissionDenied):
            support_session_log(idea=cohort.idea, by=user, mentor=cohort.mentor, date=timezone.localdate(),
                                notes="We met.")


@pytest.mark.parametrize("role", ROLES)
def test_only_facilitators_and_hub_admins_assign_mentors(client, cohort, role):
    user = cohort.users[role]
    allowed = role in {"incubator_facilitator", "hub_admin"}
    assert user.has_perm("ideas.assign_mentor", cohort.idea) is allowed
    if role != "anonymous":
        client.force_login(user)
    response = client.get(reverse("ideas:idea_mentors", args=[cohort.idea.pk]))
    assert response.status_code == (200 if allowed else 302 if role == "anonymous" else 403)


# Logging sessions ---------------------------------------------------------------------------------------------------

def test_a_mentor_logs_a_session_and_the_team_is_told_without_the_notes(cohort, django_capture_on_commit_callbacks):
    volunteer = cohort.users["volunteer"]
    with django_capture_on_commit_callbacks(execute=True):
        session = support_session_log(idea=cohort.idea, by=cohort.mentor, mentor=cohort.mentor,
                                      date=timezone.localdate(), notes="Private budget notes",
                                      next_steps="Call the landlord")
    assert session.logged_by == cohort.mentor
    told = Notification.objects.filter(kind="idea_support_session")
    assert {n.user_id for n in told} == {cohort.idea.author_id, volunteer.pk}
    for notification in told:
        assert "Terapihundar" in notification.title
        assert "Private budget notes" not in notification.title + notification.body
        assert "Call the landlord" in notification.body


def test_a_mentor_cannot_log_a_session_in_another_mentors_name(cohort):
    other = UserFactory(is_mentor=True)
    MentorAssignment.objects.create(idea=cohort.idea, mentor=other)
    with pytest.raises(ValidationError) as error:
        support_session_log(idea=cohort.idea, by=cohort.mentor, mentor=other, date=timezone.localdate(), notes="x")
    assert "mentor" in error.value.error_dict
    session = support_session_log(idea=cohort.idea, by=cohort.facilitator, mentor=other, date=timezone.localdate(),
                                  notes="Logged by the facilitator")
    assert session.mentor == other


def test_a_session_needs_notes_a_past_date_and_an_assigned_mentor(cohort):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        support_session_log(idea=cohort.idea, by=cohort.facilitator, mentor=UserFactory(), date=tomorrow, notes=" ")
    assert set(error.value.error_dict) == {"mentor", "date", "notes"}
    assert not SupportSession.objects.exists()


def test_the_session_form_shows_errors_and_keeps_what_was_typed(client, cohort):
    client.force_login(cohort.mentor)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(reverse("ideas:idea_sessions", args=[cohort.idea.pk]), {
        "mentor": cohort.mentor.pk, "date": tomorrow, "notes": "Kept notes"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The date cannot be in the future" in html and "Kept notes" in html
    assert not SupportSession.objects.exists()


def test_the_logger_corrects_or_deletes_a_session_within_a_day_only(client, cohort):
    session = SupportSessionFactory(idea=cohort.idea, mentor=cohort.mentor, logged_by=cohort.mentor)
    support_session_update(session=session, by=cohort.mentor, date=session.date, notes="Corrected", next_steps="")
    session.refresh_from_db()
    assert session.notes == "Corrected"
    with pytest.raises(PermissionDenied):
        support_session_update(session=session, by=cohort.facilitator, date=session.date, notes="No")
    SupportSession.objects.filter(pk=session.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    session.refresh_from_db()
    with pytest.raises(PermissionDenied):
        support_session_delete(session=session, by=cohort.mentor)
    client.force_login(cohort.mentor)
    url = reverse("ideas:idea_session_edit", args=[cohort.idea.pk, session.pk])
    assert client.get(url).status_code == 403


def test_the_logger_deletes_a_fresh_session_from_the_page(client, cohort):
    session = SupportSessionFactory(idea=cohort.idea, mentor=cohort.mentor, logged_by=cohort.mentor)
    client.force_login(cohort.mentor)
    page = client.get(reverse("ideas:idea_sessions", args=[cohort.idea.pk])).content.decode()
    assert reverse("ideas:idea_session_delete", args=[cohort.idea.pk, session.pk]) in page
    client.post(reverse("ideas:idea_session_delete", args=[cohort.idea.pk, session.pk]))
    assert not SupportSession.objects.exists()


# Mentors ------------------------------------------------------------------------------------------------------------

def test_assigning_a_mentor_tells_the_mentor_and_the_team(cohort, django_capture_on_commit_callbacks):
    mentor = UserFactory(name="Maja Mentor", is_mentor=True)
    with django_capture_on_commit_callbacks(execute=True):
        mentor_assign(idea=cohort.idea, mentor=mentor, by=cohort.facilitator)
    assert MentorAssignment.objects.filter(idea=cohort.idea, mentor=mentor).exists()
    titles = dict(Notification.objects.filter(kind="idea_mentor").values_list("user_id", "title"))
    assert titles[mentor.pk] == "You are now a mentor of “Terapihundar”"
    assert titles[cohort.idea.author_id] == "Maja Mentor is now a mentor of “Terapihundar”"
    assert cohort.users["volunteer"].pk in titles
    assert mentor.has_perm("ideas.view_support_sessions", type(cohort.idea).objects.get(pk=cohort.idea.pk))


def test_a_mentor_is_assigned_once_and_never_from_the_team(cohort):
    with pytest.raises(ValidationError):
        mentor_assign(idea=cohort.idea, mentor=cohort.mentor, by=cohort.facilitator)
    with pytest.raises(ValidationError):
        mentor_assign(idea=cohort.idea, mentor=cohort.idea.author, by=cohort.facilitator)
    assert MentorAssignment.objects.filter(idea=cohort.idea).count() == 1


def test_any_member_can_be_assigned_by_e_mail_on_the_mentors_page(client, cohort):
    member = UserFactory(email="kim@example.org", name="Kim Kunnig")
    client.force_login(cohort.facilitator)
    url = reverse("ideas:idea_mentors", args=[cohort.idea.pk])
    response = client.post(url, {"email": "KIM@example.org"}, follow=True)
    assert "Kim Kunnig is now a mentor" in response.content.decode()
    assert MentorAssignment.objects.filter(idea=cohort.idea, mentor=member).exists()
    response = client.post(url, {"email": "nobody@example.org"})
    assert "No member has this e-mail address." in response.content.decode()


def test_removing_a_mentor_takes_away_their_access_to_the_sessions(client, cohort,
                                                                   django_capture_on_commit_callbacks):
    SupportSessionFactory(idea=cohort.idea, mentor=cohort.mentor)
    client.force_login(cohort.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:idea_mentor_remove", args=[cohort.idea.pk, cohort.mentor.pk]))
    assert not MentorAssignment.objects.filter(idea=cohort.idea).exists()
    assert Notification.objects.filter(user=cohort.mentor, title__startswith="You are no longer").exists()
    client.force_login(cohort.mentor)
    assert client.get(reverse("ideas:idea_sessions", args=[cohort.idea.pk])).status_code == 404
    with pytest.raises(ValidationError):
        mentor_remove(idea=cohort.idea, mentor=cohort.mentor, by=cohort.facilitator)


# The idea page's section ------------------------------------------------------------------------------------------

def test_the_idea_page_section_lists_incubators_mentors_and_next_milestones(cohort):
    MilestoneFactory(idea=cohort.idea, title="Första besöket")
    html = render_section(cohort.idea, AnonymousUser())
    assert cohort.incubator.name in html and "Mats Mentor" in html and "Första besöket" in html
    assert "support sessions" not in html.lower()


@pytest.mark.parametrize("role", ["anonymous", "member", "core_team", "assigned_mentor", "incubator_facilitator",
                                  "hub_admin"])
def test_the_idea_page_section_takes_at_most_four_queries(django_assert_max_num_queries, cohort, role):
    for _n in range(5):
        SupportSessionFactory(idea=cohort.idea, mentor=cohort.mentor)
        MilestoneFactory(idea=cohort.idea)
    user = cohort.users[role]
    idea = type(cohort.idea).objects.get(pk=cohort.idea.pk)
    with django_assert_max_num_queries(4):
        html = render_section(idea, user)
    assert ("All support sessions (private)" in html) is (role in SEES_SESSIONS)

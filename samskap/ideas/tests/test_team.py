"""An idea's team: invitations by e-mail (language, link, notification, rate limit), accepting and declining,
roles, removing and leaving (always one initiator), and who may manage the team (role × stage, rules and HTTP)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.core.models import HubSettings
from samskap.ideas import services_team
from samskap.ideas.models import TeamMember
from samskap.ideas.tests.factories import B2_ROLES, IdeaFactory, TeamMemberFactory, people_around, stage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def invite(idea, email="ny@example.org", role="volunteer", by=None):
    return services_team.team_invite(idea=idea, by=by or idea.author, email=email, role=role)


def test_an_invitation_is_a_pending_team_member_with_a_secret_link(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    with django_capture_on_commit_callbacks(execute=True):
        member = invite(idea, email="  Ny@Example.org ", role="co_founder")
    member.refresh_from_db()
    assert (member.email, member.role, member.user, member.accepted_at) == ("ny@example.org", "co_founder", None, None)
    assert len(member.token) >= 40 and member.invited_by == idea.author and member.invited_at


def test_the_invitation_email_is_in_the_hubs_language_with_the_link(run_tasks, django_capture_on_commit_callbacks):
    HubSettings.objects.update_or_create(pk=1, defaults={"default_language": "da"})
    idea = IdeaFactory(title="Terapihundar")
    with django_capture_on_commit_callbacks(execute=True):
        member = invite(idea)
    run_tasks()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ny@example.org"]
    assert message.extra_headers["Content-Language"] == "da"
    assert reverse("ideas:team_invitation", args=[member.token]) in message.body
    assert "Terapihundar" in message.subject
    assert message.alternatives and reverse("ideas:team_invitation", args=[member.token]) in message.alternatives[0][0]


def test_a_member_is_invited_in_their_own_language_and_told_in_the_app(django_capture_on_commit_callbacks):
    invited = UserFactory(email="mira@example.org", preferred_language="en")
    idea = IdeaFactory(title="Trädplantering")
    with django_capture_on_commit_callbacks(execute=True):
        member = invite(idea, email="MIRA@example.org")
    assert services_team.team_invitation_email_send(member_id=member.pk)
    assert mail.outbox[-1].extra_headers["Content-Language"] == "en"
    assert "You are invited to the team of “Trädplantering”" in mail.outbox[-1].subject
    notification = Notification.objects.get(user=invited)
    assert notification.kind == "idea_team_invitation"
    assert notification.url == reverse("ideas:team_invitation", args=[member.token])


def test_accepting_joins_the_team_and_clears_the_link(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    member = invite(idea, role="co_founder")
    joiner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services_team.team_invitation_accept(token=member.token, user=joiner)
    member.refresh_from_db()
    assert member.user == joiner and member.accepted_at is not None and member.token == ""
    assert joiner.has_perm("ideas.manage_team", idea)
    assert Notification.objects.filter(user=idea.author, kind="idea_team_joined").exists()


def test_a_used_or_unknown_link_is_refused_clearly():
    idea = IdeaFactory()
    member = invite(idea)
    token = member.token
    services_team.team_invitation_accept(token=token, user=UserFactory())
    with pytest.raises(ValidationError, match="no longer valid"):
        services_team.team_invitation_accept(token=token, user=UserFactory())
    with pytest.raises(ValidationError, match="no longer valid"):
        services_team.team_invitation_decline(token="nonsense", user=UserFactory())


def test_declining_removes_the_invitation():
    member = invite(IdeaFactory())
    services_team.team_invitation_decline(token=member.token, user=UserFactory())
    assert not TeamMember.objects.filter(pk=member.pk).exists()


def test_someone_already_on_the_team_cannot_be_invited_or_invited_twice():
    idea = IdeaFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    with pytest.raises(ValidationError, match="already on the team"):
        invite(idea, email=volunteer.email.upper())
    invite(idea, email="ny@example.org")
    with pytest.raises(ValidationError, match="invited already"):
        invite(idea, email="NY@example.org")
    with pytest.raises(ValidationError, match="e-mail address"):
        invite(idea, email="not an address")
    with pytest.raises(ValidationError, match="Choose a role"):
        invite(idea, email="other@example.org", role="boss")
    assert TeamMember.objects.filter(idea=idea, user__isnull=True).count() == 1


def test_an_idea_sends_at_most_the_daily_number_of_invitations(settings):
    settings.IDEAS_INVITATIONS_PER_DAY = 2
    idea = IdeaFactory()
    first = invite(idea, email="a@example.org")
    invite(idea, email="b@example.org")
    with pytest.raises(ValidationError, match="2 invitations in the last 24 hours"):
        invite(idea, email="c@example.org")
    with pytest.raises(ValidationError, match="2 invitations"):
        services_team.team_invitation_resend(member=first, by=idea.author)
    assert TeamMember.objects.filter(idea=idea, user__isnull=True).count() == 2


def test_resending_gives_a_new_link_and_cancelling_removes_it(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    member = invite(idea)
    old = member.token
    with django_capture_on_commit_callbacks(execute=True):
        services_team.team_invitation_resend(member=member, by=idea.author)
    member.refresh_from_db()
    assert member.token != old and services_team.team_invitation_get(token=old) is None
    services_team.team_invitation_cancel(member=member, by=idea.author)
    assert not TeamMember.objects.filter(pk=member.pk).exists()


def test_the_last_initiator_cannot_step_down_be_removed_or_leave():
    idea = IdeaFactory()
    initiator = TeamMember.objects.get(idea=idea, user=idea.author)
    co_founder = TeamMemberFactory(idea=idea, role="co_founder")
    with pytest.raises(ValidationError, match="at least one initiator"):
        services_team.team_member_role_change(member=initiator, by=idea.author, role="volunteer")
    with pytest.raises(ValidationError, match="at least one initiator"):
        services_team.team_member_remove(member=initiator, by=co_founder.user)
    with pytest.raises(ValidationError, match="at least one initiator"):
        services_team.team_leave(idea=idea, user=idea.author)
    services_team.team_member_role_change(member=co_founder, by=idea.author, role="initiator")
    services_team.team_leave(idea=idea, user=idea.author)
    assert list(TeamMember.objects.filter(idea=idea).values_list("role", flat=True)) == ["initiator"]


def test_a_volunteer_leaves_and_loses_the_teams_rights():
    idea = IdeaFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    services_team.team_leave(idea=idea, user=volunteer)
    assert not volunteer.has_perm("ideas.post_log", idea)
    with pytest.raises(ValidationError, match="not on this idea's team"):
        services_team.team_leave(idea=idea, user=volunteer)


def test_a_volunteer_may_not_invite_or_change_roles():
    idea = IdeaFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer")
    with pytest.raises(PermissionDenied):
        invite(idea, by=volunteer.user)
    with pytest.raises(PermissionDenied):
        services_team.team_member_role_change(member=volunteer, by=volunteer.user, role="initiator")


# Pages ----------------------------------------------------------------------------------------------------------

def test_the_invitation_link_sends_a_visitor_to_log_in_first(client):
    member = invite(IdeaFactory())
    url = reverse("ideas:team_invitation", args=[member.token])
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login")) and "next=" in response.url


def test_a_member_accepts_on_the_invitation_page(client):
    idea = IdeaFactory(title="Grannskapscafé")
    member = invite(idea, role="co_founder")
    joiner = UserFactory()
    client.force_login(joiner)
    url = reverse("ideas:team_invitation", args=[member.token])
    page = client.get(url)
    assert "Grannskapscafé" in page.content.decode() and "Join the team" in page.content.decode()
    response = client.post(url, {"action": "accept"})
    assert response.status_code == 302 and response.url == idea.get_absolute_url()
    assert TeamMember.objects.get(pk=member.pk).user == joiner
    assert client.get(url).status_code == 404


def test_a_bad_invitation_shows_the_form_again_with_what_was_typed(client):
    idea = IdeaFactory()
    client.force_login(idea.author)
    response = client.post(reverse("ideas:team_invite", args=[idea.pk]),
                           {"invite-email": "ingen-adress", "invite-role": "volunteer"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Enter an e-mail address" in content and 'value="ingen-adress"' in content
    assert not TeamMember.objects.filter(idea=idea, user__isnull=True).exists()


def test_the_core_team_sees_pending_invitations_and_the_team_on_its_page(client):
    idea = IdeaFactory()
    invite(idea, email="vantar@example.org")
    volunteer = TeamMemberFactory(idea=idea, role="volunteer")
    client.force_login(idea.author)
    content = client.get(reverse("ideas:idea_team", args=[idea.pk])).content.decode()
    assert "vantar@example.org" in content and volunteer.user.display_name in content
    client.force_login(volunteer.user)
    content = client.get(reverse("ideas:idea_team", args=[idea.pk])).content.decode()
    assert "vantar@example.org" not in content and "Leave the team" in content


def test_removing_the_last_initiator_on_the_page_shows_why(client):
    idea = IdeaFactory()
    co_founder = TeamMemberFactory(idea=idea, role="co_founder")
    initiator = TeamMember.objects.get(idea=idea, user=idea.author)
    client.force_login(co_founder.user)
    response = client.post(reverse("ideas:team_member_remove", args=[idea.pk, initiator.pk]), follow=True)
    assert "at least one initiator" in response.content.decode()
    assert TeamMember.objects.filter(pk=initiator.pk).exists()


def test_the_team_page_queries_stay_the_same_for_a_small_and_a_large_team(client, django_assert_max_num_queries):
    counts = []
    for size in (5, 30):
        idea = IdeaFactory()
        for _ in range(size):
            TeamMemberFactory(idea=idea, role="volunteer")
            TeamMember.objects.create(idea=idea, email=f"x{_}-{size}@example.org", token=f"t{_}-{size}")
        client.force_login(idea.author)
        client.get(reverse("ideas:idea_team", args=[idea.pk]))  # the hub's settings, cached after the first page
        with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("ideas:idea_team", args=[idea.pk])).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


# Who may manage the team ------------------------------------------------------------------------------------------

MAY_MANAGE = {"core_team", "hub_admin"}


@pytest.mark.parametrize("stage_slug", ["idea", "testing", "ended"])
@pytest.mark.parametrize("role", B2_ROLES)
def test_who_may_manage_the_team(client, role, stage_slug):
    idea = IdeaFactory(stage=stage(stage_slug))
    user = people_around(idea)[role]
    assert user.has_perm("ideas.manage_team", idea) == (role in MAY_MANAGE)
    if role != "anonymous":
        client.force_login(user)
    response = client.post(reverse("ideas:team_invite", args=[idea.pk]),
                           {"invite-email": f"{role}@example.org", "invite-role": "volunteer"})
    if role in MAY_MANAGE:
        assert response.status_code == 302 and TeamMember.objects.filter(email=f"{role}@example.org").exists()
    elif role == "anonymous":
        assert response.status_code == 302 and reverse("account_login") in response.url
    else:
        assert response.status_code == 403
        assert not TeamMember.objects.filter(email=f"{role}@example.org").exists()


def test_a_team_only_idea_is_not_found_for_outsiders_on_the_team_page(client):
    idea = IdeaFactory(visibility="team")
    client.force_login(UserFactory())
    assert client.get(reverse("ideas:idea_team", args=[idea.pk])).status_code == 404

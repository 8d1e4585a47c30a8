"""Joining organisations: requests, invitations by e-mail, roles, leaving, the last admin, merging members."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from samskap.accounts.tests.factories import UserFactory
from samskap.actors import services
from samskap.actors.models import LocalGroup, Membership, Organisation

from .factories import LocalGroupFactory, MembershipFactory, OrganisationFactory, make_place, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    """Read the pages in English (the hub's default language is Swedish)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def admin_user(db):
    return UserFactory(name="Astrid Admin")


@pytest.fixture
def organisation(admin_user):
    return OrganisationFactory(name="Kreaprenör", admins=[admin_user])


def members_url(organisation) -> str:
    return f"/organisations/{organisation.slug}/members/"


def change(client, organisation, membership, **data):
    return client.post(f"/organisations/{organisation.slug}/members/{membership.pk}/", data)


# Requests ---------------------------------------------------------------------------------------

def test_a_member_asks_to_join_and_an_admin_accepts(client, organisation, admin_user, member):
    client.force_login(member)
    client.post(f"/organisations/{organisation.slug}/join/")
    membership = Membership.objects.get(organisation=organisation, user=member)
    assert membership.status == "requested"
    assert "You asked to join." in client.get(organisation.get_absolute_url()).content.decode()

    client.force_login(admin_user)
    assert "Mira Medlem" in client.get(members_url(organisation)).content.decode()
    change(client, organisation, membership, action="accept")
    membership.refresh_from_db()
    assert (membership.status, membership.role) == ("active", "member")


def test_an_admin_declines_a_request(client, organisation, admin_user, member):
    membership = services.membership_request(organisation=organisation, by=member)
    client.force_login(admin_user)
    change(client, organisation, membership, action="decline")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_a_member_cannot_accept_their_own_request(client, organisation, member):
    membership = services.membership_request(organisation=organisation, by=member)
    with pytest.raises(PermissionDenied):
        services.membership_request_accept(membership=membership, by=member)
    client.force_login(member)
    assert change(client, organisation, membership, action="accept").status_code == 403


def test_a_visitor_cannot_ask_to_join(organisation):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.membership_request(organisation=organisation, by=AnonymousUser())


# Invitations ------------------------------------------------------------------------------------

def invite(client, organisation, email, role="member"):
    return client.post(members_url(organisation), {"email": email, "role": role})


def invitation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/organisations/invitations/\S+/)", message.body).group(1)


def test_an_admin_invites_by_e_mail_and_the_invited_person_accepts_with_any_account(
        client, organisation, admin_user, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, organisation, "kollega@example.se", role="contact")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kollega@example.se"]
    assert "Kreaprenör" in message.subject and "Astrid Admin" in message.body

    colleague = UserFactory(email="another.address@example.org")
    client.force_login(colleague)
    link = invitation_link(message)
    assert "Invitation to Kreaprenör" in client.get(link).content.decode()
    response = client.post(link, {"answer": "accept"})
    assert response["Location"] == organisation.get_absolute_url()
    membership = Membership.objects.get(organisation=organisation, user=colleague)
    assert (membership.role, membership.status) == ("contact", "active")
    assert client.get(link).status_code == 404  # a token opens once


def test_the_invitation_is_written_in_the_recipients_language_if_they_have_an_account(
        client, organisation, admin_user, django_capture_on_commit_callbacks):
    UserFactory(email="nora@example.no", preferred_language="nb")
    client.force_login(admin_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, organisation, "nora@example.no")
        invite(client, organisation, "new.person@example.dk")
    languages = {message.to[0]: message.extra_headers["Content-Language"] for message in mail.outbox}
    assert languages == {"nora@example.no": "nb", "new.person@example.dk": "da"}


def test_no_e_mail_leaves_before_the_invitation_is_committed(organisation, admin_user,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.membership_invite(organisation=organisation, email="x@example.org", role="member", by=admin_user,
                                   site_url="http://testserver")
    assert mail.outbox == [] and len(callbacks) >= 1


def test_the_invited_person_declines(client, organisation, admin_user, member):
    membership = services.membership_invite(organisation=organisation, email="x@example.org", role="admin",
                                            by=admin_user, site_url="http://testserver")
    client.force_login(member)
    client.post(f"/organisations/invitations/{membership.token}/", {"answer": "decline"})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not Membership.objects.filter(organisation=organisation, user=member).exists()


def test_the_invitation_page_asks_a_visitor_to_log_in(client, organisation, admin_user):
    membership = services.membership_invite(organisation=organisation, email="x@example.org", role="member",
                                            by=admin_user, site_url="http://testserver")
    response = client.get(f"/organisations/invitations/{membership.token}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_invitation_shows_a_clear_page(client, member):
    client.force_login(member)
    response = client.get("/organisations/invitations/not-a-token/")
    assert response.status_code == 404
    assert "This invitation was already answered or withdrawn" in response.content.decode()


def test_inviting_someone_twice_is_refused_with_a_message(client, organisation, admin_user):
    client.force_login(admin_user)
    invite(client, organisation, "x@example.org")
    response = invite(client, organisation, "X@example.org")
    assert "This person is already a member or invited." in response.content.decode()
    assert Membership.objects.filter(invited_email="x@example.org").count() == 1


def test_accepting_an_invitation_when_already_asking_to_join_keeps_one_membership(organisation, admin_user, member):
    services.membership_request(organisation=organisation, by=member)
    invitation = services.membership_invite(organisation=organisation, email=member.email, role="admin",
                                            by=admin_user, site_url="http://testserver")
    services.invitation_accept(membership=invitation, by=member)
    membership = Membership.objects.get(organisation=organisation, user=member)
    assert (membership.role, membership.status) == ("admin", "active")
    assert Membership.objects.filter(organisation=organisation).count() == 2


def test_an_admin_withdraws_an_invitation(client, organisation, admin_user):
    membership = services.membership_invite(organisation=organisation, email="x@example.org", role="member",
                                            by=admin_user, site_url="http://testserver")
    client.force_login(admin_user)
    change(client, organisation, membership, action="withdraw")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_only_admins_invite(organisation, member):
    with pytest.raises(PermissionDenied):
        services.membership_invite(organisation=organisation, email="x@example.org", role="member", by=member,
                                   site_url="http://testserver")


# Roles, removing, leaving -------------------------------------------------------------------------

def test_an_admin_changes_a_role_and_removes_a_member(client, organisation, admin_user):
    membership = MembershipFactory(organisation=organisation, user=UserFactory(name="Cecilia"))
    client.force_login(admin_user)
    change(client, organisation, membership, action="role", role="contact")
    membership.refresh_from_db()
    assert membership.role == "contact"
    change(client, organisation, membership, action="remove")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_admin_can_neither_be_demoted_nor_removed_nor_leave(client, organisation, admin_user):
    own = Membership.objects.get(organisation=organisation, user=admin_user)
    with pytest.raises(ValidationError, match="An organisation needs at least one admin"):
        services.membership_change_role(membership=own, role="member", by=admin_user)
    with pytest.raises(ValidationError, match="An organisation needs at least one admin"):
        services.membership_remove(membership=own, by=admin_user)
    client.force_login(admin_user)
    response = client.post(f"/organisations/{organisation.slug}/leave/", follow=True)
    assert "An organisation needs at least one admin." in response.content.decode()
    response = change(client, organisation, own, action="role", role="member")
    own.refresh_from_db()
    assert own.role == "admin"


def test_an_admin_may_leave_when_another_admin_remains(organisation, admin_user):
    MembershipFactory(organisation=organisation, role="admin")
    own = Membership.objects.get(organisation=organisation, user=admin_user)
    services.membership_remove(membership=own, by=admin_user)
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_a_member_leaves_an_organisation(client, organisation, member):
    MembershipFactory(organisation=organisation, user=member)
    client.force_login(member)
    client.post(f"/organisations/{organisation.slug}/leave/")
    assert not Membership.objects.filter(organisation=organisation, user=member).exists()


def test_the_members_page_is_for_the_organisations_admins_and_hub_admins(client, organisation, admin_user, member,
                                                                         hub_admin):
    MembershipFactory(organisation=organisation, user=member)
    client.force_login(member)
    assert client.get(members_url(organisation)).status_code == 403
    client.force_login(admin_user)
    assert client.get(members_url(organisation)).status_code == 200
    client.force_login(hub_admin)
    assert client.get(members_url(organisation)).status_code == 200


# Merging ---------------------------------------------------------------------------------------

def test_merging_keeps_every_link_and_the_higher_role(client, hub_admin):
    both, only_source, only_target = UserFactory(), UserFactory(), UserFactory()
    region = make_place("Skåne län", level="region")
    theme, other_theme = make_theme("Housing"), make_theme("Climate")
    target = OrganisationFactory(name="Social Innovation Skåne", themes=[other_theme])
    source = OrganisationFactory(name="Soc. Innovation Skane", themes=[theme], areas_served=[region],
                                 website="https://example.se", org_number="", country="SE")
    MembershipFactory(organisation=target, user=both, role="member")
    MembershipFactory(organisation=source, user=both, role="admin")
    MembershipFactory(organisation=source, user=only_source, role="contact")
    MembershipFactory(organisation=target, user=only_target, role="admin")
    group = LocalGroupFactory(organisations=[source])

    client.force_login(hub_admin)
    response = client.post(f"/organisations/{source.slug}/merge/", {"target": target.pk, "confirm": "on"})
    assert response["Location"] == target.get_absolute_url()

    source.refresh_from_db()
    target.refresh_from_db()
    assert source.merged_into == target
    roles = {m.user_id: m.role for m in target.memberships.all()}
    assert roles == {both.pk: "admin", only_source.pk: "contact", only_target.pk: "admin"}
    assert not source.memberships.exists()
    assert set(target.themes.all()) == {theme, other_theme}
    assert list(target.areas_served.all()) == [region]
    assert list(LocalGroup.objects.get(pk=group.pk).organisations.all()) == [target]
    assert target.website == "https://example.se"
    assert client.get(source.get_absolute_url()).status_code == 301
    assert Organisation.objects.listed().count() == 1


def test_merging_needs_the_confirmation_and_a_hub_admin(client, organisation, admin_user, hub_admin):
    other = OrganisationFactory()
    client.force_login(admin_user)
    assert client.get(f"/organisations/{organisation.slug}/merge/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.organisation_merge(source=organisation, target=other, by=admin_user)
    client.force_login(hub_admin)
    response = client.post(f"/organisations/{organisation.slug}/merge/", {"target": other.pk})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.merged_into is None


def test_an_organisation_cannot_be_merged_into_itself(organisation, hub_admin):
    with pytest.raises(ValidationError):
        services.organisation_merge(source=organisation, target=organisation, by=hub_admin)


def test_the_merge_page_does_not_offer_merged_organisations_or_the_source(client, organisation, hub_admin):
    target = OrganisationFactory(name="Stays")
    OrganisationFactory(name="Already gone", merged_into=target)
    client.force_login(hub_admin)
    html = client.get(f"/organisations/{organisation.slug}/merge/?q=a").content.decode()
    assert "Stays (SE)" in html and "Already gone" not in html and "Kreaprenör (SE)" not in html


def test_the_merge_page_first_offers_organisations_named_like_the_duplicate(client, hub_admin):
    source = OrganisationFactory(name="Yalla Trappan (old)")
    OrganisationFactory(name="Yalla Trappan")
    OrganisationFactory(name="Something else")
    client.force_login(hub_admin)
    html = client.get(f"/organisations/{source.slug}/merge/").content.decode()
    assert "Yalla Trappan (SE)" in html and "Something else" not in html

"""Role x action matrix for events, for a draft and a published event.

Besides the hub-wide roles: "organisation_admin" is an admin of some other organisation, "organiser" an
admin of the organising organisation, "staff" a plain member of it (the people at the door), "registered" a
member with a confirmed registration.
"""

import pytest
import rules

from samskap.accounts.tests.factories import ROLES, UserFactory, make_user_for_role
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.events.models import Event, Registration

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

EVENT_ROLES = ROLES + ["organiser", "staff", "registered"]
RUN = {"organiser", "hub_admin"}
EXPECTED = {
    # action: {status: roles allowed}
    "events.view_event": {"published": set(EVENT_ROLES), "draft": RUN},
    "events.change_event": {"published": RUN, "draft": RUN},
    "events.cancel_event": {"published": RUN, "draft": RUN},
    "events.view_registrations": {"published": RUN, "draft": RUN},
    "events.export_registrations": {"published": RUN, "draft": RUN},
    "events.check_in": {"published": RUN | {"staff"}, "draft": RUN | {"staff"}},
    "events.mark_paid": {"published": RUN, "draft": RUN},
    "events.change_programme": {"published": RUN, "draft": RUN},
    "events.view_online_link": {"published": RUN | {"registered"}, "draft": RUN | {"registered"}},
}


def user_and_event(role: str, status: str):
    organisation = OrganisationFactory()
    event = EventFactory(status=status, organisers=[organisation], online_url="https://meet.example.org/room",
                         created_by=UserFactory())
    if role in ("organiser", "staff", "registered"):
        user = UserFactory()
    else:
        user = make_user_for_role(role)
    if role == "organiser":
        MembershipFactory(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    elif role == "staff":
        MembershipFactory(organisation=organisation, user=user, role=Membership.Role.MEMBER)
    elif role == "organisation_admin":
        MembershipFactory(organisation=OrganisationFactory(), user=user, role=Membership.Role.ADMIN)
    elif role == "registered":
        RegistrationFactory(event=event, user=user, email=user.email)
    return user, event


def test_the_matrix_covers_every_event_permission():
    registered = {name for name in rules.permissions.permissions if name.startswith("events.")}
    assert registered == set(EXPECTED) | {"events.add_event"}


@pytest.mark.parametrize("status", ["published", "draft"])
@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", EVENT_ROLES)
def test_each_role_may_do_exactly_its_event_actions(role, action, status):
    user, event = user_and_event(role, status)
    allowed = role in EXPECTED[action][status]
    assert user.has_perm(action, event) is allowed
    # The rule itself agrees (no superuser shortcut hides a wrong predicate).
    assert rules.has_perm(action, user, event) is allowed


@pytest.mark.parametrize("role", EVENT_ROLES)
def test_every_member_may_add_an_event(role):
    user, _event = user_and_event(role, "published")
    assert user.has_perm("events.add_event") is (role != "anonymous")


@pytest.mark.parametrize("action", ["events.change_event", "events.view_registrations", "events.check_in"])
@pytest.mark.parametrize("role, allowed", [("facilitator", True), ("member", False), ("mentor", False)])
def test_facilitators_run_the_hubs_own_events(action, role, allowed):
    event = EventFactory(organised_by_hub=True, status=Event.Status.DRAFT)
    assert make_user_for_role(role).has_perm(action, event) is allowed


def test_the_member_who_created_an_event_runs_it():
    creator = UserFactory()
    event = EventFactory(created_by=creator, status=Event.Status.DRAFT)
    assert creator.has_perm("events.change_event", event)
    assert creator.has_perm("events.view_registrations", event)


@pytest.mark.parametrize("status", [Registration.Status.WAITING, Registration.Status.OFFERED,
                                    Registration.Status.UNCONFIRMED, Registration.Status.CANCELLED])
def test_only_a_confirmed_registration_shows_the_online_link(status):
    user = UserFactory()
    event = EventFactory(online_url="https://meet.example.org/room")
    RegistrationFactory(event=event, user=user, email=user.email, status=status)
    assert not user.has_perm("events.view_online_link", event)


@pytest.mark.parametrize("membership_status", [Membership.Status.REQUESTED, Membership.Status.INVITED])
def test_an_admin_role_that_is_not_yet_active_does_not_run_the_event(membership_status):
    organisation = OrganisationFactory()
    user = UserFactory()
    MembershipFactory(organisation=organisation, user=user, role=Membership.Role.ADMIN, status=membership_status)
    event = EventFactory(organisers=[organisation])
    assert not user.has_perm("events.change_event", event)


def test_plain_members_of_the_organising_organisation_do_not_run_the_event():
    organisation = OrganisationFactory()
    user = UserFactory()
    MembershipFactory(organisation=organisation, user=user, role=Membership.Role.MEMBER)
    assert not user.has_perm("events.change_event", EventFactory(organisers=[organisation]))


def test_a_deactivated_organiser_loses_the_rights():
    organisation = OrganisationFactory()
    user = UserFactory()
    MembershipFactory(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    event = EventFactory(organisers=[organisation])
    user.is_active = False
    assert not rules.has_perm("events.change_event", user, event)

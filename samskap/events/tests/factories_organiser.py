"""Helpers for the organisers' tools' tests: an event with an organiser, and users in each role."""

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory

from .factories import EventFactory

ROLES = ["anonymous", "member", "organiser", "hub_admin"]


def event_with_organiser(**event_fields):
    """An event organised by an organisation, and a user who is an admin of that organisation."""
    organiser = UserFactory(name="Olle Organisatör")
    organisation = OrganisationFactory(name="Kreaprenörnätverket", admins=[organiser])
    return EventFactory(organisers=[organisation], **event_fields), organiser


def user_in_role(role: str, *, organiser):
    """None for anonymous visitors; otherwise a user to log in."""
    if role == "anonymous":
        return None
    if role == "organiser":
        return organiser
    if role == "hub_admin":
        return UserFactory(is_superuser=True, is_staff=True)
    return UserFactory()

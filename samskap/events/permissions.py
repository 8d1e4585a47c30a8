"""Who may do what with events. Tested as a role x action matrix in tests/test_permissions.py.

An event is run by its organisers' admins (or, for a hub event, by facilitators and hub admins)
and by its creator. Registrants' data (names, e-mail, answers, invoice details) is theirs alone.
"""

import rules

from samskap.actors.permissions import is_organisation_admin, is_organisation_member
from samskap.core.permissions import is_facilitator, is_hub_admin, is_member


@rules.predicate
def is_event_organiser(user, event) -> bool:
    """An admin of one of the organising organisations, the event's creator, or (hub events) a facilitator."""
    if event is None or not is_member(user):
        return False
    if event.created_by_id is not None and event.created_by_id == user.pk:
        return True
    if event.organised_by_hub and is_facilitator(user):
        return True
    return any(is_organisation_admin(user, organisation) for organisation in event.organisers.all())


@rules.predicate
def is_organiser_staff(user, event) -> bool:
    """Any active member of an organising organisation: the people at the door on the day."""
    if event is None or not is_member(user):
        return False
    return any(is_organisation_member(user, organisation) for organisation in event.organisers.all())


@rules.predicate
def is_published(user, event) -> bool:
    return event is not None and event.status != "draft"


@rules.predicate
def is_registered(user, event) -> bool:
    """A confirmed participant (a member's own registration)."""
    if event is None or not is_member(user):
        return False
    from .models import Registration

    return Registration.objects.filter(event=event, user=user, status=Registration.Status.CONFIRMED).exists()


may_run = is_member & (is_event_organiser | is_hub_admin)

rules.add_perm("events.add_event", is_member)
rules.add_perm("events.view_event", is_published | may_run)
rules.add_perm("events.change_event", may_run)
rules.add_perm("events.cancel_event", may_run)
rules.add_perm("events.view_registrations", may_run)   # names, e-mail, answers, invoice details
rules.add_perm("events.export_registrations", may_run)
rules.add_perm("events.check_in", may_run | is_organiser_staff)
rules.add_perm("events.mark_paid", may_run)
rules.add_perm("events.view_online_link", may_run | is_registered)
rules.add_perm("events.change_programme", may_run)

"""Who may do what with live workshops. Tested as a role × action matrix in tests/test_permissions.py.

A workshop is run by its creator, its facilitators, the organisers of its event and hub admins: they prepare
it, open the console and export what it produced. Any member may start a workshop of their own. Everyone may
take part (members, and guests with a display name) while it is live and read its results once it is live or
finished; a workshop being prepared is seen by those who run it only.
"""

import rules

from samskap.core.permissions import is_hub_admin, is_member


@rules.predicate
def is_workshop_facilitator(user, workshop) -> bool:
    if workshop is None or not is_member(user):
        return False
    if workshop.created_by_id == user.pk:
        return True
    cache = workshop.__dict__.setdefault("_facilitator_ids", None)
    if cache is None:
        cache = workshop.__dict__["_facilitator_ids"] = set(workshop.facilitators.values_list("pk", flat=True))
    return user.pk in cache


@rules.predicate
def is_event_runner(user, workshop) -> bool:
    if workshop is None or workshop.event_id is None or not is_member(user):
        return False
    return user.has_perm("events.change_event", workshop.event)


@rules.predicate
def is_open(user, workshop) -> bool:
    return workshop is not None and workshop.status != "preparing"


@rules.predicate
def is_live(user, workshop) -> bool:
    return workshop is not None and workshop.status == "live"


may_run = is_member & (is_workshop_facilitator | is_event_runner | is_hub_admin)

rules.add_perm("workshops.add_workshop", is_member)
rules.add_perm("workshops.run_workshop", may_run)          # prepare, console, start/stop, export, insights → ideas
rules.add_perm("workshops.view_workshop", is_open | may_run)  # results page, projector, exports of results
rules.add_perm("workshops.take_part", is_live)             # join and act from a phone (members and guests)

"""Who may do what with a live workshop: every role × action × status, through the rules and through the pages.

Roles: a visitor (anonymous), a member, the workshop's creator, a co-facilitator, an organiser of the workshop's
event, a facilitator of the hub who does not run this workshop, and a hub admin."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.events.tests.factories import EventFactory
from samskap.workshops.models import Workshop
from samskap.workshops.tests.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "creator", "co_facilitator", "event_organiser", "unrelated_facilitator",
         "hub_admin"]
STATUSES = ["preparing", "live", "finished"]
RUNNERS = {"creator", "co_facilitator", "event_organiser", "hub_admin"}


def setup(role: str, status: str):
    """(the user in `role`, a vision battle in `status` linked to an event)."""
    organiser = UserFactory()
    event = EventFactory(created_by=organiser)
    co_facilitator = UserFactory()
    workshop = WorkshopFactory(status=status, event=event, facilitators=[co_facilitator])
    user = {
        "anonymous": lambda: AnonymousUser(),
        "member": lambda: UserFactory(),
        "creator": lambda: workshop.created_by,
        "co_facilitator": lambda: co_facilitator,
        "event_organiser": lambda: organiser,
        "unrelated_facilitator": lambda: UserFactory(is_facilitator=True),
        "hub_admin": lambda: UserFactory(is_superuser=True, is_staff=True),
    }[role]()
    return user, Workshop.objects.get(pk=workshop.pk)


def expected(role: str, status: str) -> dict[str, bool]:
    run = role in RUNNERS
    return {
        "add_workshop": role != "anonymous",
        "run_workshop": run,
        "view_workshop": status != "preparing" or run,
        "take_part": status == "live",
    }


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_the_rules_allow_each_role_what_the_matrix_says(role, status):
    user, workshop = setup(role, status)
    allowed = expected(role, status)

    assert user.has_perm("workshops.add_workshop") is allowed["add_workshop"]
    for action in ("run_workshop", "view_workshop", "take_part"):
        assert rules.has_perm(f"workshops.{action}", user, workshop) is allowed[action], action
        # Django gives an active superuser every permission; for hub admins taking part outside a live workshop
        # the services refuse (check_live, participant_join), see test_joining_… below.
        assert user.has_perm(f"workshops.{action}", workshop) is (allowed[action] or role == "hub_admin"), action


def test_a_deactivated_creator_no_longer_runs_their_workshop():
    user, workshop = setup("creator", "live")
    user.is_active = False
    user.save()
    assert not user.has_perm("workshops.run_workshop", workshop)
    assert not user.has_perm("workshops.add_workshop")


def test_an_organiser_of_another_event_does_not_run_the_workshop():
    user, workshop = setup("member", "live")
    EventFactory(created_by=user)
    assert not user.has_perm("workshops.run_workshop", workshop)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_the_pages_answer_each_role_as_the_matrix_says(client, role, status):
    user, workshop = setup(role, status)
    allowed = expected(role, status)
    if role != "anonymous":
        client.force_login(user)
    # Those who may not run it: 403 when they may see the workshop, 404 when they may not know it exists.
    refused = 403 if allowed["view_workshop"] else 404

    for name in ("console", "prepare", "console_part"):
        response = client.get(reverse(f"workshops:{name}", args=[workshop.pk]))
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
        else:
            assert response.status_code == (200 if allowed["run_workshop"] else refused), name

    for name in ("projector", "projector_part"):
        response = client.get(reverse(f"workshops:{name}", args=[workshop.code]))
        assert response.status_code == (200 if allowed["view_workshop"] else 404), name

    response = client.get(reverse("workshops:workshop", args=[workshop.pk]))
    assert response.status_code == (200 if allowed["view_workshop"] else 404)

    response = client.get(reverse("workshops:phone", args=[workshop.code]))
    if status == "finished":  # who never joined is sent to the results
        assert response.status_code == 302 and response["Location"] == reverse("workshops:workshop",
                                                                               args=[workshop.pk])
    elif status == "preparing" and not allowed["run_workshop"]:
        assert response.status_code == 404
    else:
        assert response.status_code == 200 and b'name="display_name"' in response.content

    response = client.post(reverse("workshops:run", args=[workshop.pk, "start"]))
    workshop.refresh_from_db()
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif allowed["run_workshop"]:
        assert response.status_code == 302 and response["Location"] == reverse("workshops:console",
                                                                               args=[workshop.pk])
    else:
        assert response.status_code == refused
    assert (workshop.status == "live") is (allowed["run_workshop"] or status == "live")


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_joining_from_a_phone_is_open_to_everyone_while_live_only(client, role, status):
    user, workshop = setup(role, status)
    if role != "anonymous":
        client.force_login(user)

    response = client.post(reverse("workshops:phone", args=[workshop.code]), {"display_name": "Kim"})

    joined = workshop.participants.exists()
    if status == "live":
        assert response.status_code == 302 and joined
    elif status == "preparing" and role in RUNNERS:  # those who run it may try the phone view before starting
        assert joined
    elif status == "preparing":  # the others may not know it exists
        assert not joined and response.status_code == 404
    else:  # finished: the form is shown again with the message
        assert not joined and response.status_code == 422 and b"has finished" in response.content

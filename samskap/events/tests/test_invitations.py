"""Events "by invitation": organisers invite by e-mail; the link lets the invited register."""

import pytest
from django.core import mail

from samskap.accounts.tests.factories import UserFactory
from samskap.events.models import Event, EventInvitation, Registration
from samskap.events.services_invitations import invitation_emails_parse, invitations_send
from samskap.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def event():
    return EventFactory(audience=Event.Audience.INVITATION, organised_by_hub=True, language="da")


@pytest.fixture
def organiser(event):
    user = UserFactory()
    event.created_by = user
    event.save(update_fields=["created_by"])
    return user


def test_addresses_are_read_from_lines_and_commas_once_each():
    assert invitation_emails_parse("a@example.org, b@example.org\nA@example.org; <c@example.org>") == [
        "a@example.org", "b@example.org", "c@example.org"]


def test_a_wrong_address_is_named_and_nothing_is_invited(client, event, organiser):
    client.force_login(organiser)
    response = client.post(f"/events/{event.slug}/invitations/", {"emails": "ok@example.org\nnot-an-address"}, **EN)
    assert response.status_code == 200
    assert "These are not e-mail addresses: not-an-address" in response.content.decode()
    assert not EventInvitation.objects.exists()


def test_an_organiser_invites_and_each_gets_a_link_in_the_events_language(
        client, event, organiser, run_tasks, django_capture_on_commit_callbacks):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/{event.slug}/invitations/",
                               {"emails": "aase@example.dk\nbo@example.dk"}, **EN)
    assert response.status_code == 302
    run_tasks()
    assert sorted(message.to[0] for message in mail.outbox) == ["aase@example.dk", "bo@example.dk"]
    message = mail.outbox[0]
    assert message.extra_headers["Content-Language"] == "da"
    invitation = EventInvitation.objects.get(email=message.to[0])
    assert f"/events/{event.slug}/register/?invitation={invitation.token}" in message.body

    page = client.get(f"/events/{event.slug}/invitations/", **EN).content.decode()
    assert "aase@example.dk" in page and "2 people invited" in page


def test_inviting_again_leaves_the_invited_alone(event, organiser, django_capture_on_commit_callbacks):
    invitations_send(event=event, by=organiser, emails=["a@example.org"])
    assert [i.email for i in invitations_send(event=event, by=organiser, emails=["a@example.org", "b@example.org"])] \
        == ["b@example.org"]


def test_the_invited_person_registers_with_the_link_and_others_cannot(client, event, organiser):
    [invitation] = invitations_send(event=event, by=organiser, emails=["aase@example.dk"])
    form = {"name": "Aase", "email": "other@example.dk"}
    refused = client.post(f"/events/{event.slug}/register/", form, **EN)
    assert "not invited" in refused.content.decode()
    client.post(f"/events/{event.slug}/register/?invitation={invitation.token}", form, **EN)
    assert Registration.objects.filter(event=event, email="other@example.dk").exists()


@pytest.mark.parametrize("role", ["anonymous", "member", "hub_admin"])
def test_only_those_who_run_the_event_see_its_invitations(client, event, role):
    from samskap.accounts.tests.factories import make_user_for_role

    user = make_user_for_role(role)
    if role != "anonymous":
        client.force_login(user)
    response = client.get(f"/events/{event.slug}/invitations/", **EN)
    expected = {"anonymous": 302, "member": 403, "hub_admin": 200}[role]
    assert response.status_code == expected


def test_an_event_anyone_may_join_takes_no_invitations(organiser):
    event = EventFactory(audience=Event.Audience.ANYONE, created_by=organiser, organised_by_hub=True)
    with pytest.raises(Exception, match="needs no invitations"):
        invitations_send(event=event, by=organiser, emails=["a@example.org"])


def test_invitations_made_while_a_draft_go_out_when_it_is_published(
        organiser, run_tasks, django_capture_on_commit_callbacks):
    from samskap.events.services import event_publish

    draft = EventFactory(audience=Event.Audience.INVITATION, status="draft", organised_by_hub=True,
                         created_by=organiser)
    with django_capture_on_commit_callbacks(execute=True):
        invitations_send(event=draft, by=organiser, emails=["aase@example.dk"])
    run_tasks()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        event_publish(event=draft, by=organiser)
    run_tasks()
    assert [message.to for message in mail.outbox] == [["aase@example.dk"]]

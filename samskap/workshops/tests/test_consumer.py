"""The WebSocket: who may connect, votes with acknowledgements (a repeated send counts once), tallies to the
screens, refreshes to everyone. Channels' communicator drives the real ASGI application."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from config.asgi import application
from samskap.workshops import services_battle
from samskap.workshops.models import BattleVote

from .factories import ParticipantFactory, battle, new_token
from .conftest import run_async

pytestmark = pytest.mark.django_db(transaction=True)


def communicator(workshop, view, token=None):
    headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
    if token:
        headers.append((b"cookie", f"samskap_device={token}".encode()))
    return WebsocketCommunicator(application, f"/ws/workshops/{workshop.code}/?view={view}", headers=headers)


def setup_battle():
    workshop = battle(visionaries=2)
    token = new_token()
    voter = ParticipantFactory(workshop=workshop, token=token)
    services_battle.battle_round_start(workshop, by=workshop.created_by)
    services_battle.battle_voting_open(workshop, by=workshop.created_by)
    workshop.refresh_from_db()
    return workshop, voter, token


def test_a_vote_over_the_websocket_reaches_the_projector_once():
    run_async(_vote_reaches_projector)


async def _vote_reaches_projector():
    workshop, _voter, token = await sync_to_async(setup_battle)()
    first = await sync_to_async(lambda: workshop.visionaries.first())()
    projector = communicator(workshop, "projector")
    phone = communicator(workshop, "phone", token)
    assert (await projector.connect())[0] and (await phone.connect())[0]
    assert (await projector.receive_json_from())["kind"] == "hello"
    assert (await phone.receive_json_from())["kind"] == "hello"
    message = {"action": "vote", "id": "v1", "round": workshop.current_round_id, "visionary": first.pk}
    await phone.send_json_to(message)
    await phone.send_json_to(message)  # sent again after a dropped connection: counts once
    acks = [await phone.receive_json_from(timeout=5), await phone.receive_json_from(timeout=5)]
    assert [a["kind"] for a in acks] == ["ack", "ack"] and all(a["ok"] for a in acks)
    tally = await projector.receive_json_from(timeout=5)
    assert tally["kind"] == "tally" and tally["counts"][str(first.pk)]["best"] == 1 and tally["voters"] == 1
    assert await sync_to_async(BattleVote.objects.count)() == 1
    await phone.disconnect()
    await projector.disconnect()


def test_a_stranger_cannot_open_the_console_and_a_phone_needs_to_have_joined_to_vote():
    run_async(_stranger)


async def _stranger():
    workshop, _voter, _token = await sync_to_async(setup_battle)()
    console = communicator(workshop, "console")
    connected, _code = await console.connect()
    assert not connected
    phone = communicator(workshop, "phone", new_token())
    assert (await phone.connect())[0]
    await phone.receive_json_from()
    await phone.send_json_to({"action": "vote", "id": "x", "round": workshop.current_round_id, "visionary": 1})
    answer = await phone.receive_json_from(timeout=5)
    assert answer["ok"] is False and answer["message"]
    await phone.disconnect()


def test_a_change_tells_every_screen_to_refresh():
    run_async(_refresh)


async def _refresh():
    workshop, _voter, token = await sync_to_async(setup_battle)()
    phone = communicator(workshop, "phone", token)
    await phone.connect()
    hello = await phone.receive_json_from()
    await sync_to_async(lambda: services_battle.battle_voting_close(workshop, by=workshop.created_by))()
    message = await phone.receive_json_from(timeout=5)
    assert message == {"kind": "refresh", "version": message["version"]} and message["version"] > hello["version"]
    await asyncio.sleep(0)
    await phone.disconnect()


def test_a_hidden_tally_reaches_the_console_and_not_the_projectors():
    """Anyone may open a projector of a running workshop (no account on the venue's computer): while the tally is
    hidden (not live, results not shown) the votes' counts go to the console only."""
    run_async(_hidden_tally)


async def _hidden_tally():
    from django.conf import settings
    from django.test import Client

    def setup():
        workshop, voter, token = setup_battle()
        workshop.live_tally = False
        workshop.save(update_fields=["live_tally"])
        console = Client()
        console.force_login(workshop.created_by)
        return workshop, token, console.cookies[settings.SESSION_COOKIE_NAME].value, workshop.visionaries.first()

    workshop, token, session, first = await sync_to_async(setup)()
    console = communicator(workshop, "console")
    console.scope["headers"].append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={session}".encode()))
    projector = communicator(workshop, "projector")
    phone = communicator(workshop, "phone", token)
    for screen in (console, projector, phone):
        assert (await screen.connect())[0]
        assert (await screen.receive_json_from())["kind"] == "hello"
    await phone.send_json_to({"action": "vote", "id": "v1", "round": workshop.current_round_id,
                              "visionary": first.pk})
    assert (await phone.receive_json_from(timeout=5))["ok"]
    tally = await console.receive_json_from(timeout=5)
    assert tally["kind"] == "tally" and tally["voters"] == 1
    assert await projector.receive_nothing(timeout=0.5)
    for screen in (console, projector, phone):
        await screen.disconnect()

"""Two server processes on one Redis: a vote sent to one reaches the projector on the other, and the facilitator's
action through one refreshes a participant's phone on the other (production: gunicorn and uvicorn, or several
uvicorn processes, share the channel layer through REDIS_URL).

It needs a database both processes share, so it runs on PostgreSQL with REDIS_URL set (CI's second run);
elsewhere it is skipped with the reason."""

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from samskap.workshops import services_battle
from samskap.workshops.models import BattleVote

from .factories import ParticipantFactory, battle, new_token
from .conftest import run_async

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL: both servers share its channel layer"),
]

ROOT = Path(__file__).resolve().parents[3]
UVICORN = Path(sys.executable).with_name("uvicorn")
START_TIMEOUT_S = 30
RECEIVE_TIMEOUT_S = 10


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    return (f"postgres://{quote(db['USER'] or '', safe='')}{password}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _log_tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def _wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server on port {port} stopped (exit {process.returncode}):\n{_log_tail(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"the server on port {port} did not start within {START_TIMEOUT_S} s:\n{_log_tail(log)}")


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    """Two uvicorn processes serving config.asgi on the test database and one Redis: their base URLs. Stopped
    (and their database connections closed) before the test database is flushed."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: two server processes cannot share the test's SQLite database")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": _database_url(),
           "SECRET_KEY": settings.SECRET_KEY, "DATA_DIR": str(settings.DATA_DIR), "PYTHONUNBUFFERED": "1"}
    processes, logs, bases = [], [], []
    try:
        for name in ("a", "b"):
            port = _free_port()
            log = tmp_path / f"server-{name}.log"
            with log.open("wb") as output:
                processes.append(subprocess.Popen(
                    [str(UVICORN), "config.asgi:application", "--host", "127.0.0.1", "--port", str(port),
                     "--lifespan", "off", "--log-level", "warning"],
                    cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True))
            logs.append(log)
            bases.append(f"http://127.0.0.1:{port}")
        for base, process, log in zip(bases, processes, logs):
            _wait_for_port(int(base.rsplit(":", 1)[1]), process, log)
        yield bases, logs
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


async def _receive(ws, kind: str, predicate=lambda message: True) -> dict:
    """The next message of `kind` that satisfies `predicate` (others are skipped), or fail after a timeout."""
    async def next_match():
        while True:
            message = json.loads(await ws.recv())
            if message.get("kind") == kind and predicate(message):
                return message

    try:
        return await asyncio.wait_for(next_match(), RECEIVE_TIMEOUT_S)
    except TimeoutError:
        pytest.fail(f"no {kind!r} message within {RECEIVE_TIMEOUT_S} s")


def test_a_vote_sent_to_one_server_reaches_the_projector_on_the_other_and_a_refresh_reaches_a_phone(two_servers):
    (server_a, server_b), logs = two_servers
    workshop = battle(visionaries=3, live_tally=True)
    first = workshop.visionaries.order_by("position").first()
    phone_on_a, phone_on_b = new_token(), new_token()
    ParticipantFactory(workshop=workshop, token=phone_on_a)
    ParticipantFactory(workshop=workshop, token=phone_on_b)
    services_battle.battle_round_start(workshop, by=workshop.created_by)
    services_battle.battle_voting_open(workshop, by=workshop.created_by)
    workshop.refresh_from_db()
    console = Client()
    console.force_login(workshop.created_by)
    session = console.cookies[settings.SESSION_COOKIE_NAME].value

    async def journey():
        import httpx
        import websockets

        def ws_url(base, view):
            return f"{base.replace('http', 'ws', 1)}/ws/workshops/{workshop.code}/?view={view}"

        async with websockets.connect(ws_url(server_a, "projector"), origin=server_a, open_timeout=10) as projector, \
                websockets.connect(ws_url(server_a, "phone"), origin=server_a, open_timeout=10,
                                   additional_headers={"Cookie": f"samskap_device={phone_on_a}"}) as phone_a, \
                websockets.connect(ws_url(server_b, "phone"), origin=server_b, open_timeout=10,
                                   additional_headers={"Cookie": f"samskap_device={phone_on_b}"}) as phone_b:
            hello = await _receive(phone_a, "hello")
            await _receive(projector, "hello")
            await _receive(phone_b, "hello")
            vote = {"action": "vote", "id": "b1", "round": workshop.current_round_id, "visionary": first.pk}
            await phone_b.send(json.dumps(vote))
            ack = await _receive(phone_b, "ack")
            assert ack["ok"] and ack["id"] == "b1", ack
            tally = await _receive(projector, "tally")  # on server A, from the vote sent to server B
            assert tally["voters"] == 1 and tally["counts"][str(first.pk)]["best"] == 1, tally

            # The facilitator closes the vote through server B's pages: the phone on server A is told to refresh.
            async with httpx.AsyncClient(base_url=server_b, cookies={settings.SESSION_COOKIE_NAME: session},
                                         timeout=RECEIVE_TIMEOUT_S) as http:
                page = await http.get(f"/workshops/{workshop.pk}/console/")
                assert page.status_code == 200, page.status_code
                token = page.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
                console_url = f"{server_b}/workshops/{workshop.pk}/console/"
                closed = await http.post(f"/workshops/{workshop.pk}/battle/close/", data={"csrfmiddlewaretoken": token},
                                         headers={"X-Live": "1", "Referer": console_url})
                assert closed.status_code == 204, closed.text[:500]
            refresh = await _receive(phone_a, "refresh", lambda message: message["version"] > hello["version"])
            return refresh

    try:
        refresh = run_async(journey)
    except Exception:
        print("\n".join(_log_tail(log) for log in logs))
        raise
    workshop.refresh_from_db()
    assert refresh["version"] == workshop.version
    assert BattleVote.objects.filter(round=workshop.current_round).count() == 1
    assert workshop.current_round.voting_open is False

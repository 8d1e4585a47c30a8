"""`make bench-live`: 300 participants join one vision battle and vote over three rounds, on real servers.

A benchmark, not a test: it fails (exit 1) only when a vote is lost. It

1. makes a temporary DATA_DIR with a fresh SQLite database (or uses DATABASE_URL, e.g. PostgreSQL) and migrates it;
2. starts the ASGI application (`config.asgi:application`, production settings, HTTPS=false) with uvicorn as one
   server process — or `--servers 2` processes on one Redis (REDIS_URL required), the participants split
   between them — and creates a vision battle with `--visionaries` (6) visionaries and a facilitator;
3. simulates `--participants` (300) phones in this one asyncio process: each joins over HTTP like a browser
   (GET and POST /w/<CODE>/ with a display name, keeping the samskap_device and csrftoken cookies, then loads the
   phone page), opens the phone WebSocket and, like static/workshops/live.js, fetches its part again (within a
   second, at random) whenever the server says the workshop changed. A projector connects with ?view=projector.
4. runs `--rounds` (3) rounds. The facilitator acts over HTTP with a logged-in session, as the console does
   (start the round, open the vote, close and count). Once the vote is open, every phone that has fetched its
   ballot votes once at a random moment within `--spread` (4) seconds; `--twice` (10 %) of them send the very
   same vote again (it must count once).

Latency is vote-to-projector: from sending a vote to the projector receiving a tally that includes it. Votes
are matched by the voters count: the i-th vote sent in a round is taken as shown when the projector has received
a tally with at least i voters (each phone votes once per round, so the count only grows).

Printed: votes sent, votes counted in the database, votes lost (must be 0), acks missing, latency p50/p95/max
and the server processes' memory (VmRSS) before and after. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
UVICORN = ROOT / ".venv" / "bin" / "uvicorn"
READY_TIMEOUT_S = 60
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = READY_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} stopped (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server on port {port} did not start within {timeout} s")


def rss_kib(pid: int) -> int:
    """Resident memory of a server: the process and the others in its process group (gunicorn's workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != pid:  # the process group
                continue
            for line in (stat.parent / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


# ----------------------------------------------------------------------------------------------------------------
# The simulated screens


class Projector:
    """The projector: a process of its own (so the 300 simulated phones' work in this process does not delay when
    a tally is seen), printing each tally's round, voters count and time (time.monotonic(): one clock for every
    process on this machine); this side records when each voters count of each round was first seen."""

    def __init__(self, url: str, origin: str):
        self.url, self.origin = url, origin
        self.seen: dict[int, list[tuple[int, float]]] = {}  # round id -> [(voters, time)] in arrival order
        self.changed = asyncio.Event()
        self.process = None

    async def run(self, ready: asyncio.Event) -> None:
        self.process = await asyncio.create_subprocess_exec(
            str(PYTHON), __file__, "--projector", self.url, self.origin, stdout=asyncio.subprocess.PIPE)
        async for line in self.process.stdout:
            message = json.loads(line)
            if message.get("ready"):
                ready.set()
            else:
                self.seen.setdefault(message["round"], []).append((message["voters"], message["at"]))
                self.changed.set()

    async def close(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()

    def first_time_with(self, round_id: int, voters: int) -> float | None:
        for count, at in self.seen.get(round_id, []):
            if count >= voters:
                return at
        return None

    def max_voters(self, round_id: int) -> int:
        return max((count for count, _ in self.seen.get(round_id, [])), default=0)


async def projector_process(url: str, origin: str) -> None:
    """`bench_live.py --projector URL ORIGIN`: the projector's WebSocket, one JSON line per tally."""
    import websockets

    async with websockets.connect(url, origin=origin, open_timeout=30, max_queue=None) as ws:
        print(json.dumps({"ready": True}), flush=True)
        async for raw in ws:
            at = time.monotonic()
            message = json.loads(raw)
            if message.get("kind") == "tally":
                print(json.dumps({"round": message["round"], "voters": message["voters"], "at": at}), flush=True)


class Phone:
    def __init__(self, number: int, base: str, ws_base: str, code: str):
        self.number = number
        self.base, self.ws_base, self.code = base, ws_base, code
        self.client = None
        self.ws = None
        self.version = 0
        self.acks: dict[str, float] = {}
        self.refetches = 0
        self.errors: list[str] = []
        self.fetched = asyncio.Event()  # set after each fetch of the part
        self.ballot_round: int | None = None  # the round whose ballot the last fetched part shows
        self.fetch_task: asyncio.Task | None = None

    async def join(self, httpx) -> None:
        self.client = httpx.AsyncClient(base_url=self.base, timeout=60, follow_redirects=False)
        page = await self.client.get(f"/w/{self.code}/")
        page.raise_for_status()
        token = CSRF_FIELD.search(page.text).group(1)
        answer = await self.client.post(f"/w/{self.code}/", data={
            "csrfmiddlewaretoken": token, "display_name": f"Deltagare {self.number}"},
            headers={"Referer": f"{self.base}/w/{self.code}/"})
        if answer.status_code != 302 or "samskap_device" not in self.client.cookies:
            raise RuntimeError(f"phone {self.number} could not join: {answer.status_code}")
        phone_page = await self.client.get(f"/w/{self.code}/")  # the phone page, as the browser loads it
        phone_page.raise_for_status()

    async def connect(self) -> None:
        import websockets

        cookie = "; ".join(f"{name}={value}" for name, value in self.client.cookies.items())
        self.ws = await websockets.connect(f"{self.ws_base}/ws/workshops/{self.code}/?view=phone",
                                           origin=self.base, additional_headers={"Cookie": cookie},
                                           open_timeout=60, max_queue=None)

    async def listen(self) -> None:
        try:
            async for raw in self.ws:
                message = json.loads(raw)
                kind = message.get("kind")
                if kind == "ack":
                    self.acks.setdefault(message["id"], time.monotonic())
                    if not message.get("ok"):
                        self.errors.append(message.get("message", ""))
                    # live.js marks the vote pressed on the phone itself: no fetch after an answered vote.
                elif kind in ("hello", "refresh") and message["version"] > self.version:
                    self.version = message["version"]
                    if self.fetch_task is None or self.fetch_task.done():
                        self.fetch_task = asyncio.create_task(self.refetch())
        except Exception as error:  # noqa: BLE001 - a dropped connection is reported, not raised
            self.errors.append(repr(error))

    async def refetch(self) -> None:
        """live.js: a phone fetches its part within 0.6 s (at random) after a refresh, and again if another
        refresh came while it fetched."""
        while True:
            wanted = self.version
            await asyncio.sleep(random.random() * 0.6)
            try:
                response = await self.client.get(f"/w/{self.code}/part/", headers={"X-Live": "1"})
            except Exception as error:  # noqa: BLE001 - live.js tries again a second later
                self.errors.append(f"part: {error!r}")
                await asyncio.sleep(1)
                continue
            self.refetches += 1
            found = re.search(r'name="round" value="(\d+)"', response.text)
            self.ballot_round = int(found.group(1)) if found else None
            self.fetched.set()
            if self.version <= wanted:
                return

    async def vote(self, round_id: int, visionary: int, twice: bool) -> tuple[str, float]:
        vote_id = f"p{self.number}-r{round_id}"
        message = json.dumps({"action": "vote", "id": vote_id, "round": round_id, "visionary": visionary,
                              "choice": "best"})
        sent = time.monotonic()
        await self.ws.send(message)
        if twice:
            await asyncio.sleep(random.random() * 0.2)
            await self.ws.send(message)
        return vote_id, sent

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.client is not None:
            await self.client.aclose()


class Facilitator:
    """The console's buttons, posted over HTTP with the facilitator's session."""

    def __init__(self, base: str, pk: int, session: tuple[str, str]):
        import httpx

        self.pk = pk
        self.client = httpx.AsyncClient(base_url=base, timeout=60, cookies={session[0]: session[1]})
        self.base = base
        self.token = None

    async def act(self, action: str) -> None:
        if self.token is None:
            console = await self.client.get(f"/workshops/{self.pk}/console/")
            console.raise_for_status()
            self.token = CSRF_FIELD.search(console.text).group(1)
        answer = await self.client.post(f"/workshops/{self.pk}/battle/{action}/",
                                        data={"csrfmiddlewaretoken": self.token},
                                        headers={"X-Live": "1", "Referer": f"{self.base}/workshops/{self.pk}/console/"})
        if answer.status_code != 204:
            raise RuntimeError(f"the facilitator's {action} failed: {answer.status_code} {answer.text[:300]}")


# ----------------------------------------------------------------------------------------------------------------


def ballot_choice(index: int, visionaries: list[int]) -> int:
    """A deterministic spread with distinct counts (weights 1, 2, …, n), so no round ends in a tie."""
    weights = list(range(1, len(visionaries) + 1))
    slot = index % sum(weights)
    for visionary, weight in zip(visionaries, weights):
        if slot < weight:
            return visionary
        slot -= weight
    return visionaries[-1]


async def simulate(args, bases: list[str], ws_bases: list[str], code: str, pk: int, session: tuple[str, str],
                   remaining_ids) -> dict:
    import httpx

    logging.getLogger("httpx").setLevel(logging.WARNING)
    limits = asyncio.Semaphore(args.join_concurrency)
    phones = [Phone(i, bases[i % len(bases)], ws_bases[i % len(ws_bases)], code) for i in range(args.participants)]
    projector = Projector(f"{ws_bases[0]}/ws/workshops/{code}/?view=projector", bases[0])
    ready = asyncio.Event()
    projector_task = asyncio.create_task(projector.run(ready))
    await asyncio.wait_for(ready.wait(), 30)

    started = time.monotonic()

    async def join(phone: Phone):
        async with limits:
            await phone.join(httpx)
            await phone.connect()
        phone.listener = asyncio.create_task(phone.listen())

    await asyncio.gather(*(join(phone) for phone in phones))
    join_s = time.monotonic() - started
    print(f"{args.participants} phones joined and connected in {join_s:.1f} s", flush=True)

    facilitator = Facilitator(bases[-1], pk, session)
    rounds = []
    for number in range(1, args.rounds + 1):
        await facilitator.act("round")
        await facilitator.act("open")
        round_id, visionaries = await asyncio.to_thread(remaining_ids)
        opened = time.monotonic()
        sends: list[tuple[float, str, Phone]] = []

        async def vote(phone: Phone, index: int):
            async def ballot_shown():  # nobody can vote before the phone shows this round's ballot
                while phone.ballot_round != round_id:
                    phone.fetched.clear()
                    await phone.fetched.wait()

            await asyncio.wait_for(ballot_shown(), 30)
            delay = opened + random.random() * args.spread - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            vote_id, sent = await phone.vote(round_id, ballot_choice(index, visionaries), random.random() < args.twice)
            sends.append((sent, vote_id, phone))

        await asyncio.gather(*(vote(phone, i) for i, phone in enumerate(phones)))
        # Wait for every ack and for the projector to show every voter (or time out: then something is lost).
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            if all(vote_id in phone.acks for _, vote_id, phone in sends) \
                    and projector.max_voters(round_id) >= len(sends):
                break
            projector.changed.clear()
            try:
                await asyncio.wait_for(projector.changed.wait(), 0.2)
            except TimeoutError:
                pass
        sends.sort(key=lambda item: item[0])
        latencies, acks = [], []
        for rank, (sent, vote_id, phone) in enumerate(sends, start=1):
            shown = projector.first_time_with(round_id, rank)
            if shown is not None:
                latencies.append((shown - sent) * 1000)
            if vote_id in phone.acks:
                acks.append((phone.acks[vote_id] - sent) * 1000)
        missing = sum(1 for _, vote_id, phone in sends if vote_id not in phone.acks)
        rounds.append({"round": number, "round_id": round_id, "sent": len(sends), "acks_missing": missing,
                       "shown": len(latencies), "latencies": latencies, "acks": acks,
                       "projector_voters": projector.max_voters(round_id)})
        print(f"round {number}: {len(sends)} votes sent, projector shows {projector.max_voters(round_id)} voters, "
              f"latency p50 {percentile(latencies, 50):.0f} ms p95 {percentile(latencies, 95):.0f} ms, "
              f"acks missing {missing}", flush=True)
        await facilitator.act("close")

    await asyncio.sleep(1.5)  # the last refresh reaches the phones; they fetch their parts
    errors = [error for phone in phones for error in phone.errors]
    refetches = sum(phone.refetches for phone in phones)
    for phone in phones:
        phone.listener.cancel()
        if phone.fetch_task is not None:
            phone.fetch_task.cancel()
    await asyncio.gather(*(phone.close() for phone in phones), return_exceptions=True)
    await facilitator.client.aclose()
    await projector.close()
    projector_task.cancel()
    return {"rounds": rounds, "errors": errors, "refetches": refetches, "join_s": join_s}


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--projector":
        asyncio.run(projector_process(sys.argv[2], sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--visionaries", type=int, default=6)
    parser.add_argument("--spread", type=float, default=4.0, help="seconds over which a round's votes arrive")
    parser.add_argument("--twice", type=float, default=0.1, help="share of phones that send their vote twice")
    parser.add_argument("--servers", type=int, default=1, help="uvicorn processes (2 or more need REDIS_URL)")
    parser.add_argument("--pages", choices=["gunicorn", "uvicorn"], default=None,
                        help="who serves the pages: gunicorn beside uvicorn as in production (the default with "
                             "REDIS_URL), or the uvicorn process(es) themselves, as `make run` does (without Redis)")
    parser.add_argument("--join-concurrency", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for acks and tallies")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    random.seed(args.seed)
    if args.servers > 1 and not os.environ.get("REDIS_URL"):
        parser.error("--servers 2 needs REDIS_URL: the in-memory channel layer does not reach another process")
    args.pages = args.pages or ("gunicorn" if os.environ.get("REDIS_URL") else "uvicorn")
    if args.pages == "gunicorn" and not os.environ.get("REDIS_URL"):
        parser.error("--pages gunicorn needs REDIS_URL: gunicorn's processes reach the WebSockets through Redis")
    if args.rounds >= args.visionaries:
        parser.error("--rounds must be smaller than --visionaries (one drops out per round)")

    data_dir = Path(tempfile.mkdtemp(prefix="samskap-bench-live-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "DATA_DIR": str(data_dir),
           "HTTPS": "false", "SECRET_KEY": "bench-live-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "TASK_WORKER": "off", "PYTHONUNBUFFERED": "1"}
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    layer = "Redis" if env.get("REDIS_URL") else "in-memory"
    os.environ.update(env)
    servers: list[subprocess.Popen] = []
    try:
        print("bench-live: migrating and collecting static files (as scripts/serve.sh does) …", flush=True)
        for command in (["migrate"], ["collectstatic"]):
            subprocess.run([str(PYTHON), "manage.py", *command, "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request
        from django.conf import settings
        from django.test import Client

        from samskap.accounts.models import User
        from samskap.workshops.models import BattleVote, Visionary, Workshop
        from samskap.workshops.services_battle import remaining

        facilitator = User.objects.create_user(email="bench-live@example.org", password="bench-live-password",
                                               name="Facilitator")
        workshop = Workshop.objects.create(title="Bench: the vision battle", method=Workshop.Method.VISION_BATTLE,
                                           status=Workshop.Status.LIVE, created_by=facilitator, live_tally=True,
                                           language="en")
        workshop.facilitators.add(facilitator)
        for position in range(args.visionaries):
            Visionary.objects.create(workshop=workshop, name=f"Visionary {position + 1}",
                                     vision=f"Vision {position + 1}", position=position)
        client = Client()
        client.force_login(facilitator)
        session = (settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)

        def remaining_ids():
            current = Workshop.objects.get(pk=workshop.pk)
            return current.current_round_id, list(remaining(current).order_by("position").values_list("pk", flat=True))

        ports = [free_port() for _ in range(args.servers)]
        for port in ports:
            servers.append(subprocess.Popen(
                [str(UVICORN), "config.asgi:application", "--host", "127.0.0.1", "--port", str(port),
                 "--log-level", "warning", "--no-access-log", "--lifespan", "off"],
                cwd=ROOT, env=env, start_new_session=True))
        ws_bases = [f"ws://127.0.0.1:{port}" for port in ports]
        if args.pages == "gunicorn":  # production: gunicorn serves the pages, uvicorn only /ws/
            page_port = free_port()
            servers.append(subprocess.Popen(
                [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{page_port}",
                 "--workers", os.environ.get("WEB_CONCURRENCY", "2"), "--log-level", "warning"],
                cwd=ROOT, env=env, start_new_session=True))
            ports.append(page_port)
        for port, process in zip(ports, servers):
            wait_for_port(port, process)
        bases = ([f"http://127.0.0.1:{ports[-1]}"] * args.servers if args.pages == "gunicorn"
                 else [f"http://127.0.0.1:{port}" for port in ports])
        import httpx

        for base in bases:  # warm up: the first request imports the views and templates
            httpx.get(f"{base}/w/{workshop.code}/projector/", timeout=60).raise_for_status()
        memory_before = [rss_kib(process.pid) for process in servers]
        load_before = os.getloadavg()[0]
        print(f"bench-live: {args.participants} participants, {args.rounds} rounds, {args.visionaries} visionaries, "
              f"{args.servers} uvicorn process(es) for /ws/, pages by {args.pages} "
              f"(pid {', '.join(str(process.pid) for process in servers)}), "
              f"{database}, {layer} channel layer, load {load_before:.2f}", flush=True)

        result = asyncio.run(simulate(args, bases, ws_bases, workshop.code, workshop.pk, session, remaining_ids))
        memory_after = [rss_kib(process.pid) for process in servers]

        sent = sum(item["sent"] for item in result["rounds"])
        counted = 0
        for item in result["rounds"]:
            item["counted"] = BattleVote.objects.filter(round_id=item["round_id"]).count()
            counted += item["counted"]
        lost = sent - counted
        latencies = [value for item in result["rounds"] for value in item["latencies"]]
        acks = [value for item in result["rounds"] for value in item["acks"]]
        missing = sum(item["acks_missing"] for item in result["rounds"])
        not_shown = sum(item["sent"] - item["shown"] for item in result["rounds"])
        out = list(Workshop.objects.get(pk=workshop.pk).visionaries.filter(out_in_round__isnull=False)
                   .order_by("out_in_round__number").values_list("name", flat=True))
        print()
        print(f"votes sent:                 {sent} ({args.participants} phones x {args.rounds} rounds; "
              f"about {args.twice:.0%} sent twice)")
        print(f"votes counted in the DB:    {counted}")
        print(f"votes lost:                 {lost}")
        print(f"acks missing:               {missing}")
        print(f"votes never on projector:   {not_shown}")
        print(f"vote-to-projector latency:  p50 {percentile(latencies, 50):.0f} ms, "
              f"p95 {percentile(latencies, 95):.0f} ms, max {max(latencies, default=float('nan')):.0f} ms "
              f"(target p95 < 250 ms)")
        print(f"vote-to-ack latency:        p50 {percentile(acks, 50):.0f} ms, p95 {percentile(acks, 95):.0f} ms")
        print(f"join + connect:             {result['join_s']:.1f} s for {args.participants} phones; "
              f"{result['refetches']} part fetches after refreshes")
        names = [f"uvicorn {number}" for number in range(1, args.servers + 1)] + (
            ["gunicorn (pages, all workers)"] if args.pages == "gunicorn" else [])
        for name, before, after in zip(names, memory_before, memory_after):
            print(f"{name} memory (VmRSS): {before / 1024:.0f} MiB before, {after / 1024:.0f} MiB after")
        print(f"out, in order:              {', '.join(out)}")
        print(f"conditions:                 {database}, {layer} channel layer, {args.servers} uvicorn process(es), "
              f"pages by {args.pages}, "
              f"{os.cpu_count()} cores, load average {load_before:.2f} before")
        if result["errors"]:
            print(f"phone errors ({len(result['errors'])}): {sorted(set(result['errors']))[:5]}")
        if lost or counted != sent:
            print("FAILED: votes were lost")
            return 1
        return 0
    finally:
        for process in servers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

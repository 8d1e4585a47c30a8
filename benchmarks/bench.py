"""`make bench`: load each page of a production-like Samskap and compare it with a bare Django view.

A benchmark, not a test: nothing passes or fails on speed. It starts the app the way `make serve`
does (scripts/serve.sh: gunicorn, production settings) on a free port of 127.0.0.1 with a fresh
temporary DATA_DIR and the demo data, loads `/healthz` with wrk as the ceiling (a Django view that
goes through every middleware but does no database or template work), then loads each page in
PAGES and prints requests/s, p50/p95/p99 latency and the ratio to the ceiling. The same results go
to benchmarks/results/latest.json. See benchmarks/README.md.

To measure a new page, append (name, path) to PAGES. Each path must answer 200 to an anonymous GET.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

# The pages measured against the ceiling, in order. Later issues append their pages here.
# "{organisation}", "{event}" and "{resource}" are replaced by the slug of an organisation, of a published event
# and of a published method card in the middle of the seeded data; "{ad}" by the id of an open ad in the middle.
# (A visitor does not see an ad owner's suggested matches: benchmarks/bench_matching.py times those.)
PAGES: list[tuple[str, str]] = [
    ("home", "/"),
    ("log-in", "/accounts/login/"),
    ("organisations", "/organisations/"),
    ("organisations-filtered", "/organisations/?kind=social_enterprise&country=SE&sort=newest"),
    ("organisation", "/organisations/{organisation}/"),
    ("search", "/search/?q=samarbete"),
    ("api-organisations", "/api/v1/organisations?limit=20"),
    ("events", "/events/"),
    ("event", "/events/{event}/"),
    ("ical-feed", "/events/feed.ics"),
    ("resources", "/knowledge/"),
    ("resource", "/knowledge/{resource}/"),
    ("knowledge-search", "/search/?q=samarbeid&kind=resource"),
    ("funding", "/funding/"),
    ("ads", "/marketplace/"),
    ("ad", "/marketplace/{ad}/"),
    # Ideas (issue 5): at --ideas (2,000) with --comments-per-idea (3) each; "{idea}" is a public idea in the
    # middle, "{challenge}" the challenge in the middle of those that ideas answer.
    ("ideas", "/ideas/"),
    ("idea", "/ideas/{idea}/"),
    ("challenge", "/challenges/{challenge}/"),
]
# Measured last, after seed_scale has topped the ideas up to --ideas-large (20,000) with the server running.
LARGE_PAGES: list[tuple[str, str]] = [
    ("ideas-large", "/ideas/"),
]
CEILING: tuple[str, str] = ("ceiling", "/healthz")

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
READY_TIMEOUT_S = 60  # serve.sh migrates and collects static files first; slow on a busy machine

# wrk calls done() once, after the run, with all threads' statistics merged. Latencies are in µs.
# One marked JSON line is easier to parse than wrk's human summary, whose units change with size.
WRK_SCRIPT = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %.0f, "duration_us": %.0f, "p50_us": %.0f, "p95_us": %.0f, "p99_us": %.0f, '
    .. '"status_errors": %.0f, "socket_errors": %.0f}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def parse_args() -> argparse.Namespace:
    """Read the load settings; the defaults give stable numbers in about a minute."""
    names = ", ".join(name for name, _ in PAGES + LARGE_PAGES)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of unmeasured load per page first (default 2)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="open connections (default 16)")
    parser.add_argument("--organisations", type=int, default=100_000,
                        help="organisations seeded with seed_scale before measuring (default 100000)")
    parser.add_argument("--people", type=int, default=10_000, help="people seeded (default 10000)")
    parser.add_argument("--events", type=int, default=5_000, help="events seeded (default 5000)")
    parser.add_argument("--registrations", type=int, default=100_000,
                        help="registrations seeded over the events (default 100000)")
    parser.add_argument("--resources", type=int, default=20_000,
                        help="knowledge resources seeded, in four languages (default 20000)")
    parser.add_argument("--funding-calls", type=int, default=500, help="funding calls seeded (default 500)")
    parser.add_argument("--ads", type=int, default=50_000, help="marketplace ads seeded (default 50000)")
    parser.add_argument("--challenges", type=int, default=100, help="challenges seeded (default 100)")
    parser.add_argument("--ideas", type=int, default=2_000,
                        help="ideas seeded for the idea and challenge pages (default 2000)")
    parser.add_argument("--comments-per-idea", type=int, default=3, help="comments on each seeded idea (default 3)")
    parser.add_argument("--ideas-large", type=int, default=20_000,
                        help="ideas in all for the last page, ideas-large (default 20000; 0 skips it)")
    parser.add_argument("--pages", default="", help=f"comma-separated page names or paths to measure ({names}); default all")
    args = parser.parse_args()
    if args.duration < 1 or args.threads < 1 or args.connections < args.threads or args.warmup < 0:
        parser.error("need --duration >= 1, --warmup >= 0 and --connections >= --threads >= 1")
    return args


def select_pages(spec: str, pages: list[tuple[str, str]] = PAGES,
                 known: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Keep the pages named in --pages, so one page can be re-measured quickly while working on it."""
    if not spec:
        return list(pages)
    known = known if known is not None else PAGES + LARGE_PAGES
    wanted = [item.strip() for item in spec.split(",") if item.strip()]
    unknown = [w for w in wanted if not any(w in (name, path) for name, path in known)]
    if unknown:
        sys.exit(f"bench: unknown page(s) {', '.join(unknown)}; known: {', '.join(n for n, _ in known)}")
    # A path such as /ideas/ names a page of PAGES; the large list is chosen by its name only.
    return [(name, path) for name, path in pages if name in wanted or (pages is PAGES and path in wanted)]


def free_port() -> int:
    """Ask the kernel for a free port, so the benchmark never collides with a running `make serve`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def git_commit() -> str:
    """Name the code that was measured; '-dirty' marks uncommitted changes to tracked files."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("-dirty" if dirty else "")


def database_kind() -> str:
    """Say which database served the pages; settings use DATABASE_URL when set, else SQLite."""
    return urllib.parse.urlsplit(os.environ.get("DATABASE_URL", "")).scheme or "sqlite"


def server_env(data_dir: Path, port: int) -> dict[str, str]:
    """The environment of `make serve`, pointed at a throw-away DATA_DIR so no developer data is touched."""
    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", HTTPS="false",
               DATA_DIR=str(data_dir), PORT=str(port), HOST="127.0.0.1")
    env.pop("ALLOWED_HOSTS", None)  # the default allows 127.0.0.1, which wrk sends as Host
    return env


def prepare_data(env: dict[str, str], args: argparse.Namespace) -> dict[str, str]:
    """Migrate, load the demo and seed volume data, so lists are measured at the size the issues name.

    Returns the values for the placeholders in PAGES.
    """
    commands = [["migrate", "--noinput", "-v", "0"], ["load_demo"]]
    volume = {"organisations": args.organisations, "people": args.people, "events": args.events,
              "registrations": args.registrations, "resources": args.resources, "funding-calls": args.funding_calls,
              "ads": args.ads, "challenges": args.challenges, "ideas": args.ideas}
    if any(volume.values()):
        commands.append(["seed_scale", *(f"--{name}={count}" for name, count in volume.items()),
                         f"--comments-per-idea={args.comments_per_idea}", "--seed", "1"])
    for command in commands:
        started = time.monotonic()
        result = subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env,
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"bench: manage.py {command[0]} failed:\n{result.stdout}{result.stderr}")
        print(f"prepared: manage.py {' '.join(command)} ({time.monotonic() - started:.0f} s)", flush=True)
    middle = ("from samskap.actors.models import Organisation as O; from samskap.events.models import Event as E; "
              "from samskap.knowledge.models import Resource as R; "
              "qs = O.objects.listed().order_by('pk').values_list('slug', flat=True); print(qs[qs.count() // 2]); "
              "qs = E.objects.filter(status='published').order_by('pk').values_list('slug', flat=True); "
              "print(qs[qs.count() // 2]); "
              "qs = R.objects.filter(is_published=True, kind='method').order_by('pk').values_list('slug', flat=True); "
              "print(qs[qs.count() // 2] if qs.exists() else '-'); "
              "from samskap.marketplace.models import Ad as A; "
              "qs = A.objects.open().order_by('pk').values_list('pk', flat=True); "
              "print(qs[qs.count() // 2] if qs.exists() else 0); "
              "from samskap.ideas.models import Idea as I, Challenge as C; "
              "qs = I.objects.public().order_by('pk').values_list('pk', flat=True); "
              "print(qs[qs.count() // 2] if qs.exists() else 0); "
              "qs = C.objects.visible().filter(ideas__isnull=False).distinct().order_by('pk')"
              ".values_list('pk', flat=True); print(qs[qs.count() // 2] if qs.exists() else 0)")
    result = subprocess.run([str(PYTHON), "manage.py", "shell", "-c", middle], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    # The shell may print a banner first.
    organisation, event, resource, ad, idea, challenge = result.stdout.strip().splitlines()[-6:]
    return {"organisation": organisation, "event": event, "resource": resource, "ad": ad, "idea": idea,
            "challenge": challenge}


def ideas_top_up(env: dict[str, str], args: argparse.Namespace) -> None:
    """Seed ideas up to --ideas-large in all (seed 2, so they differ from the first ones), for LARGE_PAGES."""
    more = args.ideas_large - args.ideas
    if more <= 0:
        return
    started = time.monotonic()
    command = ["seed_scale", f"--ideas={more}", f"--comments-per-idea={args.comments_per_idea}", "--seed", "2"]
    result = subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench: manage.py seed_scale failed:\n{result.stdout}{result.stderr}")
    print(f"prepared: manage.py {' '.join(command)} ({time.monotonic() - started:.0f} s)", flush=True)


def start_server(env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    """Run scripts/serve.sh in its own process group, so gunicorn and its workers can be stopped together."""
    with open(log_path, "wb") as log:  # a file, not a pipe: the access log must never block the server
        return subprocess.Popen([str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop the whole process group: gracefully first, then by force, so nothing is left listening."""
    if server.poll() is not None:
        return
    for sig, wait_s in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait_s)
            return
        except subprocess.TimeoutExpired:
            continue


def get_status(port: int, path: str) -> int:
    """One GET without following redirects: a redirect measured as a page would measure the wrong thing."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def wait_ready(server: subprocess.Popen[bytes], port: int, log_path: Path) -> None:
    """Poll /healthz for a bounded time; serve.sh runs migrate and collectstatic before gunicorn listens."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"bench: the server exited with {server.returncode}:\n{log_tail(log_path)}")
        try:
            if get_status(port, CEILING[1]) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"bench: the server did not answer {CEILING[1]} within {READY_TIMEOUT_S} s:\n{log_tail(log_path)}")


def log_tail(log_path: Path, lines: int = 30) -> str:
    """The end of the server's output, for failures that happen inside the server."""
    try:
        return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


def run_wrk(url: str, script: Path, args: argparse.Namespace, duration: int) -> dict[str, float]:
    """Load one URL with wrk and return its requests/s, latency percentiles in ms and error counts."""
    command = ["wrk", f"--threads={args.threads}", f"--connections={args.connections}",
               f"--duration={duration}s", "--latency", f"--script={script}", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    marked = [line for line in result.stdout.splitlines() if line.startswith("BENCH ")]
    if result.returncode != 0 or not marked:
        sys.exit(f"bench: wrk failed on {url}:\n{result.stdout}{result.stderr}")
    raw = json.loads(marked[-1].removeprefix("BENCH "))
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": int(raw["requests"]),
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "status_errors": int(raw["status_errors"]),  # wrk counts responses with status >= 400
        "socket_errors": int(raw["socket_errors"]),  # connect, read, write and timeout errors
    }


def check_pages(port: int, pages: list[tuple[str, str]]) -> None:
    """Fail before any load if a page does not answer 200: a redirect or error page would be measured instead."""
    for name, path in pages:
        status = get_status(port, path)
        if status != 200:
            sys.exit(f"bench: {name} ({path}) answered {status}, not 200; fix the page or its entry in PAGES")


def measure(port: int, name: str, path: str, script: Path, args: argparse.Namespace) -> dict[str, object]:
    """Warm the page up (template loading, first connections), then measure it."""
    url = f"http://127.0.0.1:{port}{path}"
    if args.warmup:
        run_wrk(url, script, args, args.warmup)
    print(f"  measuring {name} ({path}) for {args.duration} s …", file=sys.stderr, flush=True)
    return {"name": name, "path": path, **run_wrk(url, script, args, args.duration)}


def print_table(conditions: dict[str, object], rows: list[dict[str, object]]) -> None:
    """Print the conditions and one line per page; the ratio says how much of the ceiling a page keeps."""
    print(" · ".join(f"{key}: {value}" for key, value in conditions.items()))
    header = f"{'page':<16} {'path':<20} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(f"{row['name']:<16} {row['path']:<20} {row['rps']:>9.1f} {row['p50_ms']:>8.1f} "
              f"{row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f} {row['ratio']:>6.2f}")
    load, cores = float(conditions["load_1m"]), int(conditions["cores"] or 1)
    if load >= cores / 2:
        print(f"warning: the load average was {load} on {cores} cores before the run; "
              "other work competes with the server and wrk, so these numbers are low and noisy")
    for row in rows:
        if row["status_errors"] or row["socket_errors"]:
            print(f"warning: {row['name']}: {row['status_errors']} responses >= 400, "
                  f"{row['socket_errors']} socket errors (connect/read/write/timeout)")


def main() -> None:
    """Set up, measure the ceiling then each page, report, and always stop the server and remove its data."""
    args = parse_args()
    pages = select_pages(args.pages)
    large_pages = select_pages(args.pages, LARGE_PAGES) if args.ideas_large else []
    if shutil.which("wrk") is None:
        sys.exit("bench: wrk is not installed; install it with `apt-get install wrk` (Debian/Ubuntu)")
    # Ctrl-C raises KeyboardInterrupt; make SIGTERM unwind through `finally` the same way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    # Taken before our own set-up adds to it: other work on the machine skews every number.
    load_before = round(os.getloadavg()[0], 2)
    data_dir = Path(tempfile.mkdtemp(prefix="samskap-bench-"))
    port = free_port()
    env = server_env(data_dir, port)
    script = data_dir / "bench.lua"
    script.write_text(WRK_SCRIPT)
    log_path = data_dir / "server.log"
    server: subprocess.Popen[bytes] | None = None
    try:
        print(f"bench: preparing data in {data_dir} and starting the server on 127.0.0.1:{port} …",
              file=sys.stderr, flush=True)
        values = prepare_data(env, args)
        pages = [(name, path.format(**values)) for name, path in pages]
        large_pages = [(name, path.format(**values)) for name, path in large_pages]
        server = start_server(env, log_path)
        wait_ready(server, port, log_path)
        check_pages(port, [CEILING, *pages])
        conditions: dict[str, object] = {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "commit": git_commit(),
            "cores": os.cpu_count(),
            "load_1m": load_before,
            "workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
            "database": database_kind(),
            "duration_s": args.duration,
            "threads": args.threads,
            "connections": args.connections,
            "organisations": args.organisations,
            "people": args.people,
            "events": args.events,
            "registrations": args.registrations,
            "resources": args.resources,
            "funding_calls": args.funding_calls,
            "ads": args.ads,
            "challenges": args.challenges,
            "ideas": args.ideas,
            "comments_per_idea": args.comments_per_idea,
            "ideas_large": args.ideas_large if large_pages else 0,
        }
        rows = [measure(port, name, path, script, args) for name, path in [CEILING, *pages]]
        if large_pages:
            ideas_top_up(env, args)
            check_pages(port, large_pages)
            rows += [measure(port, name, path, script, args) for name, path in large_pages]
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(data_dir, ignore_errors=True)

    ceiling_rps = float(rows[0]["rps"])
    for row in rows:
        row["ratio"] = float(row["rps"]) / ceiling_rps if ceiling_rps else 0.0
    print_table(conditions, rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"conditions": conditions, "results": rows}, indent=2) + "\n")
    print(f"\nresults written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:  # the server is already stopped by main's `finally`
        sys.exit("bench: interrupted")

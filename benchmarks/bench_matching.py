"""`make bench-matching`: time suggested matches in-process at volume (default 100,000 organisations,
50,000 ads, 10,000 people).

A benchmark, not a test. It seeds a scratch database the way `make bench` does — a fresh temporary DATA_DIR
(SQLite) with the production settings, or the database DATABASE_URL names — with `migrate`, `load_demo` and
`seed_scale`, then, in this process, times:

- `suggestions_for_ad(ad)` for `--samples` different open ads spread over the table (the owner's "Suggested
  matches" on an ad page; the target is under 200 ms at p95),
- `ads_for_organisation(organisation)` for as many organisations,
- the first page of the ad list sorted "best match for me" (`ads_sorted_for`) for as many members,

and prints p50/p95/p99/max in ms and the queries per call. Results also go to benchmarks/results/matching.json.

    .venv/bin/python benchmarks/bench_matching.py                          # seed, measure, remove the data
    .venv/bin/python benchmarks/bench_matching.py --data-dir /tmp/m --keep # keep the seeded data …
    .venv/bin/python benchmarks/bench_matching.py --data-dir /tmp/m --reuse  # … and measure it again
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samskap_bench_m .venv/bin/python benchmarks/bench_matching.py
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
RESULTS = ROOT / "benchmarks" / "results" / "matching.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import database_kind, git_commit  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000, help="organisations seeded (default 100000)")
    parser.add_argument("--ads", type=int, default=50_000, help="ads seeded (default 50000)")
    parser.add_argument("--people", type=int, default=10_000, help="people seeded (default 10000)")
    parser.add_argument("--samples", type=int, default=200, help="different ads (and organisations) timed (default 200)")
    parser.add_argument("--data-dir", default="", help="DATA_DIR to use (default: a temporary one, removed after)")
    parser.add_argument("--reuse", action="store_true", help="measure the data already in --data-dir / DATABASE_URL")
    parser.add_argument("--keep", action="store_true", help="keep the data directory for a later --reuse")
    args = parser.parse_args()
    if args.reuse and not args.data_dir and database_kind() == "sqlite":
        parser.error("--reuse needs --data-dir (or DATABASE_URL)")
    if args.samples < 1:
        parser.error("--samples must be at least 1")
    return args


def environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", HTTPS="false", DATA_DIR=str(data_dir))
    env.pop("ALLOWED_HOSTS", None)
    return env


def prepare(env: dict[str, str], args: argparse.Namespace) -> None:
    volume = {"organisations": args.organisations, "people": args.people, "ads": args.ads}
    commands = [["migrate", "--noinput", "-v", "0"], ["load_demo"],
                ["seed_scale", *(f"--{name}={count}" for name, count in volume.items()), "--seed", "1"]]
    for command in commands:
        started = time.monotonic()
        result = subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"bench-matching: manage.py {command[0]} failed:\n{result.stdout}{result.stderr}")
        print(f"prepared: manage.py {' '.join(command)} ({time.monotonic() - started:.0f} s)", file=sys.stderr,
              flush=True)


def spread(ids: list[int], count: int) -> list[int]:
    """`count` ids evenly spread over `ids` (all of them when there are fewer)."""
    if len(ids) <= count:
        return ids
    step = len(ids) / count
    return [ids[int(i * step)] for i in range(count)]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def timed(name: str, calls) -> dict[str, object]:
    """Run each (label, function) once unmeasured for warm-up of the first few, then measure each once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _label, call in calls[:5]:
        call()
    durations, queries, results = [], [], []
    for _label, call in calls:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            found = call()
            durations.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
        results.append(found)
    return {"name": name, "calls": len(calls), "p50_ms": percentile(durations, 50),
            "p95_ms": percentile(durations, 95), "p99_ms": percentile(durations, 99), "max_ms": max(durations),
            "mean_ms": statistics.fmean(durations), "queries_max": max(queries),
            "queries_mean": statistics.fmean(queries), "results_mean": statistics.fmean(results)}


def measure(args: argparse.Namespace) -> tuple[dict[str, object], list[dict[str, object]]]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from samskap.actors.models import Organisation
    from samskap.marketplace.matching import ads_for_organisation, ads_sorted_for, suggestions_for_ad
    from samskap.marketplace.models import Ad

    ad_ids = spread(list(Ad.objects.open().order_by("pk").values_list("pk", flat=True)), args.samples)
    ads = [Ad.objects.get(pk=pk) for pk in ad_ids]
    organisations = [Organisation.objects.get(pk=pk) for pk in spread(
        list(Organisation.objects.listed().order_by("pk").values_list("pk", flat=True)), args.samples)]
    User = get_user_model()
    members = [User.objects.get(pk=pk) for pk in spread(
        list(User.objects.filter(is_active=True).exclude(place=None).order_by("pk").values_list("pk", flat=True)),
        args.samples)]
    rows = [
        timed("suggestions_for_ad", [(ad.pk, lambda ad=ad: len(suggestions_for_ad(ad))) for ad in ads]),
        timed("ads_for_organisation", [(o.pk, lambda o=o: len(ads_for_organisation(o))) for o in organisations]),
        timed("ads_sorted_for page 1", [(u.pk, lambda u=u: len(list(ads_sorted_for(u, Ad.objects.open())[:20])))
                                        for u in members]),
    ]
    conditions = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(), "cores": os.cpu_count(), "load_1m": round(os.getloadavg()[0], 2),
        "database": database_kind(), "organisations": Organisation.objects.count(), "ads": Ad.objects.count(),
        "open_ads": Ad.objects.open().count(), "people": User.objects.count(), "samples": args.samples,
    }
    return conditions, rows


def main() -> None:
    args = parse_args()
    temporary = not args.data_dir
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="samskap-bench-matching-")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    env = environment(data_dir)
    try:
        if not args.reuse:
            print(f"bench-matching: seeding in {data_dir} ({database_kind()}) …", file=sys.stderr, flush=True)
            prepare(env, args)
        os.environ.update(env)
        conditions, rows = measure(args)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    print(" · ".join(f"{key}: {value}" for key, value in conditions.items()))
    header = f"{'what':<22} {'calls':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'queries':>8} {'found':>6}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(f"{row['name']:<22} {row['calls']:>6} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f} "
              f"{row['max_ms']:>8.1f} {row['queries_max']:>8} {row['results_mean']:>6.1f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"conditions": conditions, "results": rows}, indent=2) + "\n")
    print(f"\nresults written to {RESULTS.relative_to(ROOT)}" + (f"; data kept in {data_dir}" if args.keep else ""))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("bench-matching: interrupted")

"""Create deterministic volume data: `manage.py seed_scale --organisations 100000 --people 10000 --seed 1`."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.module_loading import autodiscover_modules

from samskap.actors.scale import SCALE_STEPS, ScaleRun, scale_seed
from samskap.core.fragments import DIRECTORY, EVENTS, IDEAS, KNOWLEDGE, generation_bump


class Command(BaseCommand):
    help = ("Create volume data for load tests: realistic Swedish, Norwegian and Danish names and texts, "
            "the same for the same --seed.")

    def add_arguments(self, parser):
        autodiscover_modules("scale")  # every app's scale.py registers its --<kind> N flag
        for step in SCALE_STEPS.values():
            # A step "funding_calls" is the flag --funding-calls (call_command takes funding_calls=N).
            parser.add_argument(f"--{step.name.replace('_', '-')}", dest=step.name, type=int, default=0, metavar="N",
                                help=step.help)
        # Ideas (issue 5): how many comments each seeded published idea gets (samskap/ideas/scale.py).
        parser.add_argument("--comments-per-idea", type=int, default=3, metavar="N",
                            help="Comments on each published idea created by --ideas (default 3).")
        parser.add_argument("--seed", type=int, default=1, help="The same seed creates the same names (default 1).")
        parser.add_argument("--batch-size", type=int, default=2000, help="Rows per INSERT batch (default 2000).")

    def handle(self, *args, **options):
        counts = {name: options[name] for name in SCALE_STEPS}
        negative = [f"--{name.replace('_', '-')}" for name, count in counts.items() if count < 0]
        if negative:
            raise CommandError(f"{', '.join(negative)} must be 0 or more.")
        if not any(counts.values()):
            flags = " ".join(f"--{name.replace('_', '-')} N" for name in SCALE_STEPS)
            raise CommandError(f"Nothing to create: give at least one of {flags}.")
        if options.get("comments_per_idea", 3) < 0:
            raise CommandError("--comments-per-idea must be 0 or more.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        log = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        run = ScaleRun(seed=options["seed"], batch_size=options["batch_size"], log=log)
        run.comments_per_idea = options.get("comments_per_idea", 3)  # type: ignore[attr-defined]  # the ideas step
        started = time.monotonic()
        created = scale_seed(run=run, counts=counts)
        # Fresh statistics after a bulk load, so the query planner picks the list indexes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        for name in (DIRECTORY, EVENTS, KNOWLEDGE, IDEAS):  # bulk_create sends no signals: cached pages must go
            generation_bump(name)
        summary = ", ".join(f"{count:,} {name.replace('_', ' ')}" for name, count in created.items())
        log(self.style.SUCCESS(f"Done: {summary} in {time.monotonic() - started:.1f} s (seed {options['seed']})."))

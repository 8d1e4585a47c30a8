"""Rebuild the search index from the database: after an import, a restore, or a change to how text is analysed."""

import time

from django.core.management.base import BaseCommand, CommandError

from samskap.core.search import SEARCH_KINDS, search_index_rebuild


class Command(BaseCommand):
    help = "Index every searchable thing afresh (all kinds, or those given with --kind)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", dest="kinds", metavar="KIND",
                            help=f"Only this kind; repeat for several. Kinds: {', '.join(SEARCH_KINDS) or 'none'}.")

    def handle(self, *args, kinds=None, verbosity=1, **options):
        unknown = sorted(set(kinds or ()) - set(SEARCH_KINDS))
        if unknown:
            raise CommandError(f"Unknown kind: {', '.join(unknown)}. Kinds: {', '.join(SEARCH_KINDS)}.")
        started = time.monotonic()

        shown: set[tuple[str, int]] = set()

        def progress(kind: str, count: int) -> None:
            if verbosity >= 1 and count and count % 10_000 == 0 and (kind, count) not in shown:
                shown.add((kind, count))
                self.stdout.write(f"{kind}: {count:,} indexed …")

        counts = search_index_rebuild(kinds=kinds, progress=progress)
        if verbosity >= 1:
            summary = ", ".join(f"{count:,} {kind}" for kind, count in counts.items()) or "nothing"
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {summary} in {time.monotonic() - started:.1f} s."))

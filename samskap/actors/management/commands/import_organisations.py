"""Import organisations from CSV or XLSX: `manage.py import_organisations FILE [--dry-run] [--update]`.

Exit status 0 when the file was imported (or, with --dry-run, would be), 1 when any row has an error
(then nothing is written) or the file cannot be read. Progress and errors go to stderr.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samskap.actors.imports import ImportFileError, RowResult, organisations_import, table_read


class Command(BaseCommand):
    help = ("Import organisations from a CSV or XLSX file (columns: see docs/import-export.md). "
            "All rows or none: any error and nothing is written.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .xlsx file; the first row names the columns.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and report; write nothing.")
        parser.add_argument("--update", action="store_true",
                            help="Update organisations already in the directory instead of skipping them.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        started = time.monotonic()
        quiet = options["verbosity"] == 0
        try:
            with path.open("rb") as file:
                table = table_read(file, name=path.name)
        except ImportFileError as error:
            raise CommandError(f"{path.name}: {error}") from None
        if not quiet:
            self.stderr.write(f"{path.name}: {len(table.rows):,} rows to check.")

        def progress(done: int, total: int) -> None:
            if not quiet:
                width = 30
                filled = int(width * done / max(total, 1))
                self.stderr.write(f"[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} rows checked "
                                  f"({time.monotonic() - started:.1f} s)")

        report = organisations_import(table=table, by=None, dry_run=options["dry_run"], update=options["update"],
                                      progress=progress)
        for line in report.error_lines:
            self.stderr.write(line)
        counts = report.counts
        updated = "to update" if report.dry_run or report.has_errors else "updated"
        summary = (f"{counts[RowResult.NEW]:,} new, {counts[RowResult.UPDATE]:,} {updated}, "
                   f"{counts[RowResult.UNCHANGED]:,} unchanged, {counts[RowResult.DUPLICATE]:,} duplicates skipped, "
                   f"{counts[RowResult.ERROR]:,} rows with errors")
        if report.has_errors:
            raise CommandError(f"Nothing was imported: {summary}.")
        if report.dry_run:
            self.stdout.write(f"Dry run, nothing written: {summary}.")
        else:
            self.stdout.write(self.style.SUCCESS(
                f"Imported in {time.monotonic() - started:.1f} s: {summary}."))

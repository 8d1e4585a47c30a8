"""Import links from CSV or XLSX: `manage.py import_links FILE [--dry-run] [--by EMAIL] [--language CODE]`.

The same checks as the curators' import page (samskap.knowledge.imports.links_import), run synchronously and
without the page's limit on rows. New rows are written in one transaction; duplicates and rows with errors
are skipped and reported. Exit status 0 when the file was read (whatever the rows), 1 when it cannot be read.
"""

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from samskap.actors.imports import ImportFileError
from samskap.actors.models import ContentLanguage
from samskap.knowledge.imports import LinkRow, links_import, links_table_read


class Command(BaseCommand):
    help = ("Import links into the knowledge base from a CSV or XLSX file (columns: title, url, description, kind, "
            "themes, language). New rows are imported; duplicates and rows with errors are skipped and reported.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .xlsx file; the first row names the columns.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and report; write nothing.")
        parser.add_argument("--by", metavar="EMAIL", help="The curator recorded as having added the links; their "
                                                         "language is the default for rows without one.")
        parser.add_argument("--language", choices=ContentLanguage.values,
                            help="The language of rows without one (default: the curator's, else the hub's).")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        by = None
        if options["by"]:
            by = get_user_model().objects.filter(email__iexact=options["by"], is_active=True).first()
            if by is None:
                raise CommandError(f"No active user with the e-mail address {options['by']}.")
            if not by.has_perm("knowledge.curate"):
                raise CommandError(f"{options['by']} is not a curator (a facilitator or hub admin).")
        started = time.monotonic()
        quiet = options["verbosity"] == 0
        try:
            with path.open("rb") as file:
                table = links_table_read(file, name=path.name, max_rows=None)
        except ImportFileError as error:
            raise CommandError(f"{path.name}: {error}") from None
        if not quiet:
            self.stderr.write(f"{path.name}: {len(table.rows):,} rows to check.")

        def progress(done: int, total: int) -> None:
            if not quiet and (done % 500 == 0 or done == total):
                self.stderr.write(f"{done:,}/{total:,} rows checked ({time.monotonic() - started:.1f} s)")

        report = links_import(table=table, by=by, language=options["language"], dry_run=options["dry_run"],
                              progress=progress)
        for line in report.error_lines:
            self.stderr.write(line)
        counts = report.counts
        summary = (f"{counts[LinkRow.DUPLICATE]:,} duplicates skipped, "
                   f"{counts[LinkRow.ERROR]:,} rows with errors skipped")
        if report.dry_run:
            self.stdout.write(f"Dry run, nothing written: {counts[LinkRow.NEW]:,} new, {summary}.")
        else:
            self.stdout.write(self.style.SUCCESS(
                f"Imported {len(report.created_ids):,} links in {time.monotonic() - started:.1f} s; {summary}."))

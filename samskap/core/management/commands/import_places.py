"""Import municipalities and neighbourhoods from a CSV file (columns: docs/places.md)."""

import csv
import io
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samskap.core.services import PLACES_IMPORT_COLUMNS, PLACES_IMPORT_REQUIRED_COLUMNS, places_import


class ProgressLine:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    WIDTH = 30

    def __init__(self, stream, label: str):
        self.stream, self.label = stream, label
        self.drawn_at = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.drawn_at < 0.1:
            return
        self.drawn_at = now
        filled = self.WIDTH * done // total if total else self.WIDTH
        percent = 100 * done // total if total else 100
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} ({percent} %)",
                          ending="")
        if done >= total:
            self.stream.write("")
        self.stream.flush()


def rows_read(path: Path) -> list[dict]:
    """Read the CSV, accepting the comma of most exports and the semicolon of Nordic spreadsheets."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text; save the file as 'CSV UTF-8'") from None
    if not text.strip():
        raise CommandError(f"{path}: the file is empty")
    header = text.splitlines()[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    columns = [column.strip().lower() for column in records[0]]
    missing = [column for column in PLACES_IMPORT_REQUIRED_COLUMNS if column not in columns]
    unknown = [column for column in columns if column not in PLACES_IMPORT_COLUMNS]
    problems = []
    if missing:
        problems.append(f"missing column(s): {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown column(s): {', '.join(repr(column) for column in unknown)}")
    if problems:
        raise CommandError(f"{path}: {'; '.join(problems)}. Columns: {', '.join(PLACES_IMPORT_COLUMNS)} "
                           "(see docs/places.md).")
    # One dict per line, blank lines included, so the service's row numbers are the file's;
    # cells beyond the header go under None, as with csv.DictReader.
    rows = []
    for cells in records[1:]:
        row: dict = dict(zip(columns, cells))
        if len(cells) > len(columns):
            row[None] = cells[len(columns):]
        rows.append(row)
    return rows


class Command(BaseCommand):
    help = "Import municipalities and neighbourhoods from a CSV file, all or nothing. Columns: docs/places.md."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV file, UTF-8, comma- or semicolon-separated")
        parser.add_argument("--dry-run", action="store_true", help="check every row and report, but write nothing")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        rows = rows_read(file)
        report = places_import(rows=rows, dry_run=dry_run, progress=ProgressLine(self.stderr, "Importing places"))
        counts = f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged"
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Nothing was imported: {len(report.errors)} of {len(rows)} rows have errors.")
        if dry_run:
            self.stdout.write(f"Dry run, nothing written. The import would give: {counts}.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Places imported: {counts}."))

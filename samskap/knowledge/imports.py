"""Import links (resources with a web address) from CSV or XLSX: check every row, report each as new, duplicate
or error, and write the new rows only on the curator's word.

The page runs it in the background (samskap.knowledge.tasks): the upload is saved as a LinkImport, a task
checks every row (a dry run) and leaves the per-row report on it; the curator reads the report and confirms;
a second task checks the rows again (the knowledge base may have changed meanwhile) and writes the new ones in
one transaction. `manage.py import_links` runs the same service, `links_import`, synchronously.

Files are read by samskap.actors.imports.table_read (CSV in UTF-8 with or without a byte-order mark, or
Windows-1252; comma, semicolon or tab; or the first sheet of an XLSX workbook). Row numbers are the
spreadsheet's: the header is row 1, the first link row 2. A row with errors never stops the valid rows.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samskap.actors.exports import csv_lines
from samskap.actors.imports import MAX_UPLOAD_BYTES, ImportFileError, ImportTable, file_kind, table_read
from samskap.actors.models import ContentLanguage
from samskap.core.fragments import KNOWLEDGE, generation_bump
from samskap.core.models import Theme

from .models import LinkImport, Resource, ResourceKind, url_normalised
from .search import resources_index_many
from .services import RESERVED_SLUGS, slug_from_title


# The import format, in the order the export writes it. `title` and `url` are required.
COLUMNS = ["title", "url", "description", "kind", "themes", "language"]
REQUIRED_COLUMNS = ["title", "url"]
# Written by the export (id, page_url, link_status) and by the error file (errors); an import reads past them.
EXPORT_ONLY_COLUMNS = ["id", "page_url", "link_status", "errors"]
LIST_SEPARATOR = ";"
MAX_ROWS = 5000
PROGRESS_EVERY = 25  # rows between two progress updates of a background import
BULK_BATCH = 500
TITLE_MAX = Resource._meta.get_field("title").max_length
URL_MAX = Resource._meta.get_field("url").max_length
DESCRIPTION_MAX = 2000
_BARE_HOST = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)*\.[a-z]{2,}([/?#:]|$)", re.IGNORECASE)
_validate_url = URLValidator(schemes=["http", "https"])

Progress = Callable[[int, int], None]


# ---------------------------------------------------------------------------------------------
# Reading the file


def _check_columns(columns: list[str]) -> None:
    known = set(COLUMNS) | set(EXPORT_ONLY_COLUMNS)
    unknown = [column for column in columns if column and column not in known]
    if unknown:
        raise ImportFileError(_("Unknown column “%(column)s”. The columns are: %(columns)s.") % {
            "column": unknown[0], "columns": ", ".join(COLUMNS)})
    repeated = sorted({column for column in columns if column and columns.count(column) > 1})
    if repeated:
        raise ImportFileError(_("The column “%(column)s” appears twice.") % {"column": repeated[0]})
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise ImportFileError(ngettext("The column %(columns)s is missing.", "The columns %(columns)s are missing.",
                                       len(missing)) % {"columns": ", ".join(missing)})


def links_table_read(file: IO[bytes], *, name: str, max_rows: int | None = MAX_ROWS) -> ImportTable:
    """Read a link sheet, or raise ImportFileError (wrong type, unknown or missing columns, too many rows)."""
    table = table_read(file, name=name, check_columns=_check_columns)
    if max_rows is not None and len(table.rows) > max_rows:
        raise ImportFileError(_(
            "This file has %(rows)s links; at most %(max)s can be imported at a time. Split the file, or ask the "
            "operator to run manage.py import_links."
        ) % {"rows": number_format(len(table.rows), force_grouping=True),
             "max": number_format(max_rows, force_grouping=True)})
    if not table.rows:
        raise ImportFileError(_("The file has a header row but no links."))
    return table


# ---------------------------------------------------------------------------------------------
# Checking rows


@dataclass
class LinkRow:
    NEW = "new"
    DUPLICATE = "duplicate"
    ERROR = "error"

    number: int
    cells: dict[str, str]  # the row as read, for the report and the file of error rows
    status: str = NEW
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)
    duplicate_of_row: int | None = None  # an earlier row of the same file with the same link
    duplicate_of: dict[str, Any] | None = None  # the resource already in the knowledge base: id, title, slug
    values: dict[str, Any] = field(default_factory=dict)  # checked values for the write

    @property
    def title(self) -> str:
        return self.cells.get("title", "")

    @property
    def url(self) -> str:
        return self.values.get("url") or self.cells.get("url", "")

    def as_report(self) -> dict[str, Any]:
        """The row as stored in LinkImport.report (JSON)."""
        row: dict[str, Any] = {"row": self.number, "status": self.status, "title": self.title, "url": self.url}
        if self.errors:
            row["errors"] = [list(error) for error in self.errors]
            row["cells"] = {column: self.cells.get(column, "") for column in COLUMNS}
        if self.duplicate_of_row:
            row["duplicate_of_row"] = self.duplicate_of_row
        if self.duplicate_of:
            row["duplicate_of"] = self.duplicate_of
        return row


@dataclass
class LinkReport:
    rows: list[LinkRow]
    dry_run: bool
    written: bool = False
    created_ids: list[int] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in (LinkRow.NEW, LinkRow.DUPLICATE, LinkRow.ERROR)}

    @property
    def error_rows(self) -> list[LinkRow]:
        return [row for row in self.rows if row.status == LinkRow.ERROR]

    @property
    def error_lines(self) -> list[str]:
        return [error_line(row.number, column, message) for row in self.error_rows for column, message in row.errors]

    def as_report(self) -> dict[str, Any]:
        return {"rows": [row.as_report() for row in self.rows], "counts": self.counts,
                "created": len(self.created_ids)}


def error_line(number: int, column: str, message: str) -> str:
    if column:
        return _("row %(row)s, column %(column)s: %(message)s") % {"row": number, "column": column, "message": message}
    return _("row %(row)s: %(message)s") % {"row": number, "message": message}


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _labels_in_every_language(choices) -> dict[str, str]:
    """Codes and labels in every UI language ("metod", "metode", "method") → code."""
    found = {_fold(code): code for code in choices.values}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in choices.choices:
                found.setdefault(_fold(str(label)), code)
    return found


class _Lookups:
    """Everything a row is checked against, read once per import: a constant number of queries per file."""

    def __init__(self, *, urls: Iterable[str]) -> None:
        self.kinds = _labels_in_every_language(ResourceKind)
        self.languages = {**_labels_in_every_language(ContentLanguage), "no": "nb", "nn": "nb"}
        themes = list(Theme.objects.filter(is_active=True).values_list("id", "slug", "labels"))
        self.themes = {_fold(slug): pk for pk, slug, _labels in themes}  # slugs first: they are unique
        for pk, _slug, labels in themes:
            for label in (labels or {}).values():
                if label:
                    self.themes.setdefault(_fold(str(label)), pk)
        # Resources already in the knowledge base with one of the file's links (hidden ones too).
        self.existing: dict[str, dict[str, Any]] = {}
        wanted = sorted({url for url in urls if url})
        for start in range(0, len(wanted), 500):
            for pk, title, slug, normalised, published in Resource.objects.filter(
                    url_normalised__in=wanted[start:start + 500]).order_by("id").values_list(
                    "id", "title", "slug", "url_normalised", "is_published"):
                self.existing.setdefault(normalised, {"id": pk, "title": title, "slug": slug,
                                                      "published": published})
        self.claimed: dict[str, int] = {}  # normalised link → the row that imports it


def _clean_url(value: str) -> tuple[str, str | None]:
    """The web address to store and an error message, if it is not one."""
    value = value.strip()
    if not value:
        return "", _("The web address is missing.")
    if "://" not in value and _BARE_HOST.match(value):
        value = "https://" + value  # "www.example.org/page", as spreadsheets often hold them
    if len(value) > URL_MAX:
        return value, _("The web address is longer than %(max)s characters.") % {"max": URL_MAX}
    try:
        _validate_url(value)
    except ValidationError:
        return value, _("“%(value)s” is not a web address; it should start with https:// or http://.") % {
            "value": value[:100]}
    return value, None


def _row_check(number: int, cells: dict[str, str], lookups: _Lookups, *, language: str,
               url: str, url_error: str | None) -> LinkRow:
    row = LinkRow(number=number, cells=cells)
    errors = row.errors

    title = " ".join(cells.get("title", "").split())
    if not title:
        errors.append(("title", _("The title is missing.")))
    elif len(title) > TITLE_MAX:
        errors.append(("title", _("The title is longer than %(max)s characters.") % {"max": TITLE_MAX}))

    if url_error:
        errors.append(("url", url_error))

    description = cells.get("description", "").strip()
    if len(description) > DESCRIPTION_MAX:
        errors.append(("description", _("The description is longer than %(max)s characters.") % {
            "max": number_format(DESCRIPTION_MAX, force_grouping=True)}))

    kind_given = cells.get("kind", "").strip()
    kind = lookups.kinds.get(_fold(kind_given)) if kind_given else ResourceKind.LINK
    if kind is None:
        errors.append(("kind", _("Unknown kind “%(value)s”. Use one of: %(kinds)s.") % {
            "value": kind_given, "kinds": ", ".join(ResourceKind.values)}))

    theme_ids: list[int] = []
    for name in (part.strip() for part in cells.get("themes", "").split(LIST_SEPARATOR)):
        if not name:
            continue
        pk = lookups.themes.get(_fold(name))
        if pk is None:
            errors.append(("themes", _("Unknown theme “%(value)s”. Use a theme's slug or its name, several "
                                       "separated by semicolons.") % {"value": name}))
        elif pk not in theme_ids:
            theme_ids.append(pk)

    language_given = cells.get("language", "").strip()
    row_language = lookups.languages.get(_fold(language_given)) if language_given else language
    if row_language is None:
        errors.append(("language", _("Unknown language “%(value)s”. Use one of: %(languages)s.") % {
            "value": language_given, "languages": ", ".join(ContentLanguage.values)}))

    if errors:
        row.status = LinkRow.ERROR
        row.values = {"url": url}
        return row
    row.values = {"title": title, "url": url, "summary": description, "kind": kind, "language": row_language,
                  "theme_ids": theme_ids}
    normalised = url_normalised(url)
    if normalised in lookups.existing:
        row.status = LinkRow.DUPLICATE
        row.duplicate_of = lookups.existing[normalised]
    elif normalised in lookups.claimed:
        row.status = LinkRow.DUPLICATE
        row.duplicate_of_row = lookups.claimed[normalised]
    else:
        lookups.claimed[normalised] = number
    return row


def default_language(by) -> str:
    """The language of rows without one: the curator's own, else the hub's."""
    from samskap.core.selectors import hub_settings_get

    for code in (getattr(by, "preferred_language", "") or "", hub_settings_get().default_language):
        if code in ContentLanguage.values:
            return code
    return ContentLanguage.SV


# ---------------------------------------------------------------------------------------------
# The service


def links_import(*, table: ImportTable, by, language: str | None = None, dry_run: bool = False,
                 progress: Progress | None = None, index_progress: Progress | None = None) -> LinkReport:
    """Check every row of `table`; unless it is a dry run, write the new rows in one transaction.

    `by` is the curator importing (None: the operator on the command line). Duplicates (the same link,
    normalised, already in the knowledge base or on an earlier row) are skipped; rows with errors are
    reported and skipped, and never stop the valid rows. `progress(done, total)` follows the check every
    PROGRESS_EVERY rows; `index_progress(done, total)` follows the search indexing after the commit.
    """
    if by is not None and not by.has_perm("knowledge.curate"):
        raise PermissionDenied
    language = language if language in ContentLanguage.values else default_language(by)
    urls = [_clean_url(cells.get("url", "")) for _number, cells in table.rows]
    lookups = _Lookups(urls=[url_normalised(url) for url, error in urls if not error])
    report = LinkReport(rows=[], dry_run=dry_run)
    total = len(table.rows)
    for done, ((number, cells), (url, url_error)) in enumerate(zip(table.rows, urls), start=1):
        report.rows.append(_row_check(number, cells, lookups, language=language, url=url, url_error=url_error))
        if progress and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    if dry_run:
        return report
    new_rows = [row for row in report.rows if row.status == LinkRow.NEW]
    if new_rows:
        report.created_ids = _write(new_rows, by=by, index_progress=index_progress)
    report.written = True
    return report


def _write(rows: list[LinkRow], *, by, index_progress: Progress | None) -> list[int]:
    Through = Resource.themes.through
    ids: list[int] = []
    with transaction.atomic():
        slugs = _unique_slugs([row.values["title"] for row in rows])
        for start in range(0, len(rows), BULK_BATCH):
            batch = rows[start:start + BULK_BATCH]
            resources = [
                Resource(kind=row.values["kind"], title=row.values["title"], slug=slug,
                         summary=row.values["summary"], language=row.values["language"], url=row.values["url"],
                         url_normalised=url_normalised(row.values["url"]), created_by=by)
                for row, slug in zip(batch, slugs[start:start + BULK_BATCH])
            ]
            Resource.objects.bulk_create(resources)
            if any(resource.pk is None for resource in resources):  # databases that return no keys
                by_slug = dict(Resource.objects.filter(slug__in=[r.slug for r in resources]).values_list("slug", "id"))
                for resource in resources:
                    resource.pk = by_slug[resource.slug]
            Through.objects.bulk_create([Through(resource_id=resource.pk, theme_id=theme_id)
                                         for row, resource in zip(batch, resources)
                                         for theme_id in row.values["theme_ids"]])
            ids.extend(resource.pk for resource in resources)
        transaction.on_commit(partial(generation_bump, KNOWLEDGE))  # bulk_create sends no signals
        # robust: a failure to index is logged; the links stay imported (manage.py rebuild_search_index mends it).
        transaction.on_commit(partial(_index, resource_ids=ids, progress=index_progress), robust=True)
    return ids


def _index(*, resource_ids: list[int], progress: Progress | None) -> None:
    total = len(resource_ids)
    for start in range(0, total, PROGRESS_EVERY):
        resources_index_many(resource_ids[start:start + PROGRESS_EVERY])
        if progress:
            progress(min(start + PROGRESS_EVERY, total), total)


def _unique_slugs(titles: list[str]) -> list[str]:
    """Free slugs for many new resources at once, in a few queries (the page's one-by-one way costs one each)."""
    bases = [slug_from_title(title, fallback="link") for title in titles]
    taken: set[str] = set()
    for start in range(0, len(bases), 500):
        taken |= set(Resource.objects.filter(slug__in=set(bases[start:start + 500])).values_list("slug", flat=True))
    checked_prefixes: set[str] = set()
    slugs = []
    for base in bases:
        slug = base
        if slug in taken or slug in RESERVED_SLUGS:
            if base not in checked_prefixes:
                taken |= set(Resource.objects.filter(slug__startswith=f"{base}-").values_list("slug", flat=True))
                checked_prefixes.add(base)
            n = 2
            while f"{base}-{n}" in taken:
                n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


# ---------------------------------------------------------------------------------------------
# Imports on the page: saved uploads checked and written by background tasks


def link_import_start(*, file: File, name: str, by, language: str | None = None) -> LinkImport:
    """Save the upload and have it checked in the background; nothing is imported yet."""
    if not by.has_perm("knowledge.curate"):
        raise PermissionDenied
    from .tasks import link_import_check

    suffix = Path(name).suffix.lower()
    # The report is written by the worker in the language the curator uses now.
    link_import = LinkImport(file_name=name[:300], created_by=by, status=LinkImport.Status.CHECKING,
                             report={"language": language if language in ContentLanguage.values
                                     else default_language(by), "ui_language": translation.get_language() or ""})
    # A random name: uploaded files are served from MEDIA_URL, an import should not be found by guessing.
    link_import.file.save(f"{secrets.token_urlsafe(24)}{suffix if suffix in ('.csv', '.txt', '.xlsx') else '.csv'}",
                          file, save=False)
    with transaction.atomic():
        link_import.save()
        transaction.on_commit(partial(link_import_check.enqueue, link_import_id=link_import.pk))
    return link_import


def link_import_confirm(*, link_import: LinkImport, by) -> bool:
    """Have the new rows of a checked import written in the background. False when it is not (or no longer)
    waiting for confirmation, e.g. after a second press of the button."""
    if not by.has_perm("knowledge.curate"):
        raise PermissionDenied
    from .tasks import link_import_write

    if not link_import.report.get("counts", {}).get(LinkRow.NEW):
        return False
    with transaction.atomic():
        started = LinkImport.objects.filter(pk=link_import.pk, status=LinkImport.Status.CHECKED).update(
            status=LinkImport.Status.IMPORTING, progress=0, total=link_import.report["counts"][LinkRow.NEW],
            updated_at=timezone.now())
        if started:
            transaction.on_commit(partial(link_import_write.enqueue, link_import_id=link_import.pk))
    link_import.refresh_from_db()
    return bool(started)


def _progress_saver(link_import_id: int) -> Progress:
    def save(done: int, total: int) -> None:
        LinkImport.objects.filter(pk=link_import_id).update(progress=done, total=total)
    return save


def _import_file_table(link_import: LinkImport) -> ImportTable:
    with link_import.file.open("rb") as file:
        return links_table_read(file, name=link_import.file_name)


def link_import_run_check(*, link_import_id: int) -> dict[str, int]:
    """The check task: read the saved file and report on every row (a dry run)."""
    link_import = LinkImport.objects.select_related("created_by").get(pk=link_import_id)
    if link_import.status != LinkImport.Status.CHECKING:
        return {}
    with translation.override(link_import.report.get("ui_language") or None):
        return _check(link_import)


def _check(link_import: LinkImport) -> dict[str, int]:
    link_import_id = link_import.pk
    try:
        table = _import_file_table(link_import)
        LinkImport.objects.filter(pk=link_import_id).update(progress=0, total=len(table.rows))
        report = links_import(table=table, by=link_import.created_by, language=link_import.report.get("language"),
                              dry_run=True, progress=_progress_saver(link_import_id))
    except ImportFileError as error:
        _failed(link_import, str(error))
        return {}
    except Exception:
        _failed(link_import, _("The file could not be checked because of an error on the server."))
        raise
    link_import.report = {**link_import.report, **report.as_report(), "checked_at": timezone.now().isoformat()}
    link_import.status = LinkImport.Status.CHECKED
    link_import.progress = link_import.total = len(report.rows)
    link_import.save(update_fields=["report", "status", "progress", "total", "updated_at"])
    return report.counts


def link_import_run_write(*, link_import_id: int) -> dict[str, int]:
    """The write task: check the rows again (the knowledge base may have changed since) and write the new ones."""
    link_import = LinkImport.objects.select_related("created_by").get(pk=link_import_id)
    if link_import.status != LinkImport.Status.IMPORTING:
        return {}
    with translation.override(link_import.report.get("ui_language") or None):
        return _write_confirmed(link_import)


def _write_confirmed(link_import: LinkImport) -> dict[str, int]:
    link_import_id = link_import.pk
    try:
        table = _import_file_table(link_import)
        report = links_import(table=table, by=link_import.created_by, language=link_import.report.get("language"),
                              index_progress=_progress_saver(link_import_id))
    except ImportFileError as error:
        _failed(link_import, str(error))
        return {}
    except Exception:
        _failed(link_import, _("The links could not be imported because of an error on the server. Nothing "
                               "was imported."))
        raise
    link_import.report = {**link_import.report, **report.as_report(), "imported_at": timezone.now().isoformat()}
    link_import.status = LinkImport.Status.DONE
    link_import.progress = link_import.total = len(report.created_ids)
    link_import.save(update_fields=["report", "status", "progress", "total", "updated_at"])
    link_import.file.delete(save=True)  # the report keeps the rows with errors; the file is no longer needed
    return report.counts


def _failed(link_import: LinkImport, message: str) -> None:
    link_import.status = LinkImport.Status.FAILED
    link_import.report = {**link_import.report, "error": message}
    link_import.save(update_fields=["status", "report", "updated_at"])


# ---------------------------------------------------------------------------------------------
# The report, for pages and the file of error rows


ERRORS_HEADER = [*COLUMNS, "errors"]


def error_rows_lines(report: dict) -> Iterable[str]:
    """The rows with errors as CSV, in the import format plus an `errors` column the import reads past, so
    the curator can fix them and upload just those."""
    rows = []
    for row in report.get("rows", []):
        if row.get("status") != LinkRow.ERROR:
            continue
        cells = row.get("cells", {})
        problems = "; ".join(f"{column}: {message}" if column else message for column, message in row["errors"])
        rows.append([cells.get(column, "") for column in COLUMNS] + [problems])
    return csv_lines(ERRORS_HEADER, rows)


# ---------------------------------------------------------------------------------------------
# The upload form of the page


class LinkImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV (.csv) or Excel (.xlsx), at most 10 MB and 5,000 links. The first row names "
                               "the columns."),
        widget=forms.FileInput(attrs={
            "accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of rows without one"), choices=ContentLanguage.choices,
        help_text=gettext_lazy("Used when a row's language cell is empty."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB. Split it, or ask the operator to use "
                                          "the command manage.py import_links."))
        head = upload.read(4096)
        upload.seek(0)
        try:
            file_kind(upload.name, head)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

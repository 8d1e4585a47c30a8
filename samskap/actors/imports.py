"""Import organisations from CSV or XLSX: read the file, check every row with the organisation form
(the same rules as the page), find duplicates, then write all rows or none.

The web page (hub admins) and `manage.py import_organisations` share `organisations_import`.
Row numbers are the spreadsheet's: the header is row 1, the first organisation row 2.
The columns are documented in docs/import-export.md.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from stdnum.exceptions import ValidationError as NumberError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import ngettext

from samskap.core.models import Country, Place, Theme
from samskap.core.permissions import is_hub_admin
from samskap.core.fragments import DIRECTORY, generation_bump
from samskap.core.search import search_index_rebuild, search_index_update

from .forms import OrganisationForm
from .legal_forms import LEGAL_FORMS, org_number_normalised
from .models import ContentLanguage, Organisation, OrganisationKind, Sector
from .services import RESERVED_SLUGS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# The page checks a file in the request; each row costs about 9 ms on a small server (the organisation
# form, its look-ups), so 2,000 rows stay well inside a 30-second worker timeout. Larger files: the command.
MAX_WEB_ROWS = 2000
PROGRESS_EVERY = 250
BULK_BATCH = 1000
REINDEX_ALL_ABOVE = 1000  # more new or changed rows than this: rebuild the organisations' index
SEARCH_KIND = "organisation"

# The import format, in the order the export writes it. `name`, `country` and `kind` are required.
COLUMNS = [
    "name", "country", "org_number", "kind", "legal_form", "sector", "municipality", "website", "email", "phone",
    "founded_year", "description", "description_language", "offers", "seeks", "themes", "areas_served",
]
REQUIRED_COLUMNS = ["name", "country", "kind"]
# Written by the export for reference; an import reads past them.
EXPORT_ONLY_COLUMNS = ["id", "url", "verified"]
LIST_SEPARATOR = ";"

SECTOR_OF_KIND = {
    OrganisationKind.MUNICIPALITY: Sector.PUBLIC, OrganisationKind.REGION: Sector.PUBLIC,
    OrganisationKind.JOB_CENTRE: Sector.PUBLIC, OrganisationKind.UNIVERSITY: Sector.ACADEMIC,
    OrganisationKind.COMPANY: Sector.PRIVATE,
}
LANGUAGE_OF_COUNTRY = {"SE": "sv", "NO": "nb", "DK": "da", "FI": "fi", "IS": "is"}
COUNTRY_NAMES = {
    "se": "SE", "sweden": "SE", "sverige": "SE", "ruotsi": "SE", "svíþjóð": "SE",
    "no": "NO", "norway": "NO", "norge": "NO", "noreg": "NO", "norja": "NO", "noregur": "NO",
    "dk": "DK", "denmark": "DK", "danmark": "DK", "tanska": "DK", "danmörk": "DK",
    "fi": "FI", "finland": "FI", "suomi": "FI", "finnland": "FI",
    "is": "IS", "iceland": "IS", "island": "IS", "ísland": "IS", "islanti": "IS",
}
# Form fields whose errors belong to a differently named column.
COLUMN_OF_FIELD = {"head_office": "municipality"}
FORM_FIELDS = set(OrganisationForm.Meta.fields)


class ImportFileError(Exception):
    """The file as a whole cannot be read: wrong type, too large, bad header."""


# ---------------------------------------------------------------------------------------------
# Reading files


@dataclass
class ImportTable:
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (spreadsheet row number, values by column)


def header_normalised(value: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(value or "").strip().lower())


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a trailing .0, the export's formula guard removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        text = text[1:]
    return text


def file_kind(name: str, head: bytes) -> str:
    """Return "csv" or "xlsx" from the file's name and its first bytes, or raise ImportFileError."""
    lower = name.lower()
    if lower.endswith(".xlsx") and head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if lower.endswith((".csv", ".txt")) and b"\x00" not in head:
        return "csv"
    raise ImportFileError(_("Choose a CSV file (.csv) or an Excel workbook (.xlsx)."))


def table_read(file: IO[bytes], *, name: str,
               check_columns: Callable[[list[str]], None] | None = None) -> ImportTable:
    """Read the first sheet of an XLSX workbook or a CSV file (UTF-8 or Windows-1252; comma, semicolon or tab).

    `check_columns` checks the header row and raises ImportFileError (default: the organisation columns;
    the link import of samskap.knowledge passes its own)."""
    head = file.read(4096)
    file.seek(0)
    kind = file_kind(name, head)
    rows = _xlsx_rows(file) if kind == "xlsx" else _csv_rows(file.read())
    try:
        header = next(rows)
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    columns = [header_normalised(value) for value in header]
    while columns and not columns[-1]:
        columns.pop()
    (check_columns or _check_columns)(columns)
    table = ImportTable(columns=columns, rows=[])
    for number, values in enumerate(rows, start=2):
        cells = [cell_text(value) for value in values]
        if not any(cells):
            continue  # blank lines, the empty rows spreadsheets leave at the end
        if any(cells[len(columns):]):
            raise ImportFileError(_("Row %(row)s has more cells than the header has columns.") % {"row": number})
        table.rows.append((number, {column: (cells[i] if i < len(cells) else "")
                                    for i, column in enumerate(columns) if column}))
    return table


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # "CSV" saved by Excel on Windows
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise ImportFileError(_("The CSV file cannot be read: %(error)s") % {"error": error}) from None


def _xlsx_rows(file: IO[bytes]) -> Iterator[tuple]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFileError(_("The Excel workbook cannot be read. Save it again as .xlsx, or as CSV.")) from None
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()


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


# ---------------------------------------------------------------------------------------------
# Checking rows


@dataclass
class RowResult:
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    ERROR = "error"

    number: int
    name: str
    status: str = NEW
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)
    existing: Organisation | None = None
    changed: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)  # checked values for the services

    @property
    def error_lines(self) -> list[str]:
        return [_("row %(row)s, %(column)s: %(message)s") % {"row": self.number, "column": column, "message": message}
                if column else _("row %(row)s: %(message)s") % {"row": self.number, "message": message}
                for column, message in self.errors]

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


STATUS_LABELS = {
    RowResult.NEW: gettext_lazy("new"),
    RowResult.UPDATE: gettext_lazy("will be updated"),
    RowResult.UNCHANGED: gettext_lazy("already up to date"),
    RowResult.DUPLICATE: gettext_lazy("already in the directory, skipped"),
    RowResult.ERROR: gettext_lazy("error"),
}


@dataclass
class ImportReport:
    rows: list[RowResult]
    dry_run: bool
    update: bool
    written: bool = False

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUS_LABELS}

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.errors]

    @property
    def error_lines(self) -> list[str]:
        return [line for row in self.rows for line in row.error_lines]

    @property
    def to_write(self) -> int:
        return self.count(RowResult.NEW) + self.count(RowResult.UPDATE)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


class _Lookups:
    """Everything a row is checked against, read once per import, so checking is not a query per cell."""

    def __init__(self) -> None:
        self.places_by_slug: dict[str, Place] = {}
        self.places_by_pk: dict[str, Place] = {}
        self.places_by_code: dict[tuple[str, str], Place] = {}
        self.places_by_name: dict[tuple[str, str], list[Place]] = {}
        for place in Place.objects.only("id", "slug", "code", "name", "name_en", "country", "level", "parent_id"):
            self.places_by_slug[place.slug] = place
            self.places_by_pk[str(place.pk)] = place
            if place.code and place.level == Place.Level.MUNICIPALITY:
                self.places_by_code[place.country, place.code.lstrip("0")] = place
            if place.level in (Place.Level.MUNICIPALITY, Place.Level.NEIGHBOURHOOD):
                for name in {place.name, place.name_en} - {""}:
                    self.places_by_name.setdefault((place.country, _fold(name)), []).append(place)
        self.themes = dict(Theme.objects.filter(is_active=True).values_list("slug", "id"))
        self.legal_forms = {
            country: {**{code: code for code, _label in choices}, **{_fold(label): code for code, label in choices}}
            for country, choices in LEGAL_FORMS.items()
        }
        self.kinds = {**{value: value for value in OrganisationKind.values},
                      **{_fold(str(label)): value for value, label in OrganisationKind.choices}}
        self.sectors = {**{value: value for value in Sector.values},
                        **{_fold(str(label)): value for value, label in Sector.choices}}
        self.languages = {**{value: value for value in ContentLanguage.values}, "no": "nb", "nn": "nb"}
        # Existing organisations by number and by name + municipality, for duplicate detection.
        self.by_number: dict[tuple[str, str], int] = {}
        self.by_name: dict[tuple, list[int]] = {}
        rows = Organisation.objects.listed().values_list(
            "id", "name", "country", "org_number", "head_office_id", "head_office__level", "head_office__parent_id")
        for pk, name, country, number, office, level, parent in rows.iterator(chunk_size=5000):
            if number:
                self.by_number[country, number] = pk
            self.by_name.setdefault(name_key(name, country, _municipality_id(office, level, parent)), []).append(pk)
        self.claimed: set[int] = set()  # organisations already matched by an earlier row

    def place(self, country: str, value: str) -> Place | None:
        value = value.strip()
        place = self.places_by_slug.get(value.lower())
        if place is None and value.isdigit():
            place = self.places_by_code.get((country, value.lstrip("0")))
        if place is None:
            matches = self.places_by_name.get((country, _fold(value)), [])
            municipalities = [p for p in matches if p.level == Place.Level.MUNICIPALITY]
            matches = municipalities or matches
            if len(matches) > 1:
                raise LookupError(_("More than one place is called “%(name)s”; use its slug.") % {"name": value})
            place = matches[0] if matches else None
        return place


def _municipality_id(place_id: int | None, level: str | None, parent_id: int | None) -> int | None:
    return parent_id if level == Place.Level.NEIGHBOURHOOD else place_id


def name_key(name: str, country: str, municipality_id: int | None) -> tuple:
    return (_fold(name), municipality_id) if municipality_id else (_fold(name), country)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _existing_data(existing: Organisation) -> dict[str, Any]:
    """The organisation as the form's data, so that an update changes only what the row gives."""
    data: dict[str, Any] = {}
    for name in FORM_FIELDS - {"areas_served", "themes", "offer_themes", "seek_themes", "social_links"}:
        value = getattr(existing, f"{name}_id" if name == "head_office" else name)
        data[name] = "" if value is None else value
    data["social_links"] = "\n".join(existing.social_links or [])
    for name in ("areas_served", "themes", "offer_themes", "seek_themes"):
        data[name] = [str(pk) for pk in getattr(existing, name).values_list("pk", flat=True)]
    return data


def _form_data(row: dict[str, str], lookups: _Lookups, start: dict | None = None) -> tuple[dict, list]:
    """Turn a row into the organisation form's data, over `start` (the existing organisation on an update)."""
    errors: list[tuple[str, str]] = []
    data = dict(start) if start is not None else {"email_visibility": "public", "phone_visibility": "public"}

    def given(column: str) -> str:
        return row.get(column, "").strip()

    country = COUNTRY_NAMES.get(_fold(given("country")), given("country").upper())
    data["name"] = given("name") or data.get("name", "")
    data["country"] = country
    if country not in Country.values:
        errors.append(("country", _("Unknown country “%(value)s”. Use SE, NO, DK, FI or IS.") % {
            "value": given("country")}))
    for column, table, message in (
        ("kind", lookups.kinds, _("Unknown kind “%(value)s”. The kinds are: %(choices)s.")),
        ("sector", lookups.sectors, _("Unknown sector “%(value)s”. The sectors are: %(choices)s.")),
        ("description_language", lookups.languages, _("Unknown language “%(value)s”. Use one of: %(choices)s.")),
    ):
        if given(column):
            value = table.get(given(column).lower()) or table.get(_fold(given(column)))
            if value is None:
                choices = ", ".join(sorted({v for v in table.values()}))
                errors.append((column, message % {"value": given(column), "choices": choices}))
            data[column] = value or ""
    if not data.get("sector") and data.get("kind"):
        data["sector"] = SECTOR_OF_KIND.get(data["kind"], Sector.CIVIL)
    if not data.get("description_language"):
        data["description_language"] = LANGUAGE_OF_COUNTRY.get(country, "en")
    if given("legal_form"):
        table = lookups.legal_forms.get(country, {})
        value = table.get(given("legal_form").lower()) or table.get(_fold(given("legal_form")))
        if value is None and country in Country.values:
            other = any(given("legal_form").lower() in t or _fold(given("legal_form")) in t
                        for t in lookups.legal_forms.values())
            errors.append(("legal_form", (_("This legal form is not used in %(country)s.") if other else
                                          _("Unknown legal form “%(value)s” for %(country)s; see the list in the "
                                            "documentation.")) % {"value": given("legal_form"),
                                                                   "country": Country(country).label}))
        data["legal_form"] = value or ""
    if given("municipality"):
        try:
            place = lookups.place(country, given("municipality"))
        except LookupError as error:
            errors.append(("municipality", str(error)))
            place = None
        else:
            if place is None:
                errors.append(("municipality", _("Unknown place “%(value)s”: give a place slug (e.g. se-malmo), "
                                                 "an official municipality code or a municipality name.") % {
                    "value": given("municipality")}))
        data["head_office"] = str(place.pk) if place else ""
    for column, target in (("themes", "themes"), ("areas_served", "areas_served")):
        if given(column):
            ids = []
            for slug in _split(given(column)):
                pk = (lookups.themes.get(slug.lower()) if column == "themes"
                      else getattr(lookups.places_by_slug.get(slug.lower()), "pk", None))
                if pk is None:
                    message = _("Unknown theme “%(value)s”.") if column == "themes" else _("Unknown place “%(value)s”.")
                    errors.append((column, message % {"value": slug}))
                else:
                    ids.append(str(pk))
            data[target] = ids
    for column in ("org_number", "website", "email", "phone", "founded_year", "description", "offers", "seeks"):
        if given(column):
            data[column] = given(column)
    return data, errors


def _comparable(name: str, value: Any) -> Any:
    """A value of the form's data or cleaned data in one shape, to tell what an update changes."""
    if name in ("areas_served", "themes", "offer_themes", "seek_themes"):
        return sorted(str(getattr(item, "pk", item)) for item in value or [])
    if name == "social_links":
        return [line for line in (value.splitlines() if isinstance(value, str) else value or []) if line]
    if hasattr(value, "pk"):
        return str(value.pk)
    return "" if value is None else str(value)


def _row_check(number: int, row: dict[str, str], lookups: _Lookups, *, update: bool,
               seen_numbers: dict, seen_names: dict) -> RowResult:
    result = RowResult(number=number, name=row.get("name", "").strip())
    data, errors = _form_data(row, lookups)
    result.errors.extend(errors)
    country = data["country"]
    # Duplicates: the same organisation number in the same country, or the same name in the same municipality.
    number_key = None
    if data.get("org_number") and country in Country.values:
        try:
            number_key = (country, org_number_normalised(country, data["org_number"]))
        except NumberError:
            number_key = None  # the form reports it
    municipality = None
    place = lookups.places_by_pk.get(data["head_office"]) if data.get("head_office") else None
    if place is not None:
        municipality = _municipality_id(place.pk, place.level, place.parent_id)
    name_match = name_key(data["name"], country, municipality) if data["name"] else None
    existing_id = lookups.by_number.get(number_key) if number_key else None
    if existing_id is None and name_match in lookups.by_name:
        # Several organisations of that name in that municipality: the rows match them in turn.
        candidates = lookups.by_name[name_match]
        existing_id = next((pk for pk in candidates if pk not in lookups.claimed), candidates[0])
    if existing_id is None:
        # Two new rows for one organisation would create it twice. (Rows that match an organisation in
        # the directory are skipped, or checked for updating the same organisation twice below.)
        if number_key and number_key in seen_numbers:
            result.errors.append(("org_number", _("Row %(row)s has the same organisation number.") % {
                "row": seen_numbers[number_key]}))
        elif name_match and name_match in seen_names:
            result.errors.append(("name", _("Row %(row)s has the same name in the same municipality.") % {
                "row": seen_names[name_match]}))
        if number_key:
            seen_numbers.setdefault(number_key, number)
        if name_match:
            seen_names.setdefault(name_match, number)
    else:
        lookups.claimed.add(existing_id)
        result.existing = Organisation.objects.get(pk=existing_id)
        if not update:
            result.status = RowResult.DUPLICATE
            if result.errors:
                result.status = RowResult.ERROR
            return result
        before = _existing_data(result.existing)
        data, _errors = _form_data(row, lookups, before)
    form = OrganisationForm(data=data, instance=result.existing)
    if not form.is_valid():
        for name, messages in form.errors.items():
            column = COLUMN_OF_FIELD.get(name, name if name != "__all__" else "")
            if column in dict(result.errors):
                continue  # already explained in the row's own words (an unknown place, theme, kind …)
            result.errors.extend((column, message) for message in messages)
    if result.errors:
        result.status = RowResult.ERROR
        return result
    result.values = form.service_fields()
    result.values.pop("logo", None)
    if result.existing is not None:
        result.changed = [COLUMN_OF_FIELD.get(name, name) for name in OrganisationForm.Meta.fields
                          if _comparable(name, result.values.get(name)) != _comparable(name, before.get(name))]
        result.status = RowResult.UPDATE if result.changed else RowResult.UNCHANGED
    return result


# ---------------------------------------------------------------------------------------------
# The service


def organisations_import(*, table: ImportTable, by, dry_run: bool = False, update: bool = False,
                         progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Check every row; unless it is a dry run and if no row has an error, write them all in one transaction.

    `by` is the hub admin importing on the page, or None for the command line (the operator).
    Duplicates are skipped, or updated when `update` is true. Any error: nothing is written.
    """
    if by is not None and not is_hub_admin(by):
        raise PermissionDenied
    lookups = _Lookups()
    report = ImportReport(rows=[], dry_run=dry_run, update=update)
    seen_numbers: dict = {}
    seen_names: dict = {}
    total = len(table.rows)
    for done, (number, row) in enumerate(table.rows, start=1):
        report.rows.append(_row_check(number, row, lookups, update=update, seen_numbers=seen_numbers,
                                      seen_names=seen_names))
        if progress and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    # Two rows may match the same organisation (one by number, one by name).
    targets: dict[int, int] = {}
    for row in report.rows:
        if row.existing is not None and row.status in (RowResult.UPDATE, RowResult.UNCHANGED):
            if row.existing.pk in targets:
                row.errors.append(("", _("Row %(row)s updates the same organisation.") % {
                    "row": targets[row.existing.pk]}))
                row.status = RowResult.ERROR
            targets.setdefault(row.existing.pk, row.number)
    if dry_run or report.has_errors:
        return report
    _write(report, by=by)
    report.written = True
    return report


def _write(report: ImportReport, *, by) -> None:
    new_rows = [row for row in report.rows if row.status == RowResult.NEW]
    updated_rows = [row for row in report.rows if row.status == RowResult.UPDATE]
    m2m = ("areas_served", "themes", "offer_themes", "seek_themes")
    with transaction.atomic():
        slugs = _unique_slugs([row.values["name"] for row in new_rows], reserved=set(RESERVED_SLUGS))
        for start in range(0, len(new_rows), BULK_BATCH):
            batch = new_rows[start:start + BULK_BATCH]
            organisations = []
            for row, slug in zip(batch, slugs[start:start + BULK_BATCH]):
                plain = {name: value for name, value in row.values.items() if name not in m2m}
                organisations.append(Organisation(slug=slug, created_by=by, **plain))
            Organisation.objects.bulk_create(organisations)
            if any(o.pk is None for o in organisations):
                by_slug = dict(Organisation.objects.filter(slug__in=[o.slug for o in organisations])
                               .values_list("slug", "id"))
                for organisation in organisations:
                    organisation.pk = by_slug[organisation.slug]
            for name in m2m:
                through = getattr(Organisation, name).through
                target = "theme_id" if name.endswith("themes") else "place_id"
                through.objects.bulk_create([
                    through(organisation_id=organisation.pk, **{target: value.pk})
                    for row, organisation in zip(batch, organisations) for value in row.values.get(name) or []
                ])
            for row, organisation in zip(batch, organisations):
                row.existing = organisation
        for row in updated_rows:
            organisation = row.existing
            for name, value in row.values.items():
                if name in m2m:
                    getattr(organisation, name).set(value)
                else:
                    setattr(organisation, name, value)
            organisation.save()
        ids = [row.existing.pk for row in new_rows + updated_rows]
        transaction.on_commit(partial(_index, organisation_ids=ids))
        transaction.on_commit(partial(generation_bump, DIRECTORY))  # bulk_create sends no signals


def _unique_slugs(names: list[str], *, reserved: set[str]) -> list[str]:
    bases = [(slugify(name) or "organisation")[:200] for name in names]
    taken = set(Organisation.objects.filter(slug__in=set(bases)).values_list("slug", flat=True)) | reserved
    slugs = []
    for base in bases:
        slug = base
        if slug in taken:
            taken |= set(Organisation.objects.filter(slug__startswith=f"{base}-").values_list("slug", flat=True))
            n = 2
            while f"{base}-{n}" in taken:
                n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _index(*, organisation_ids: list[int]) -> None:
    """Bring the search index up to date: one by one for a few, a rebuild of the kind for many."""
    if len(organisation_ids) > REINDEX_ALL_ABOVE:
        search_index_rebuild(kinds=[SEARCH_KIND])
        return
    for organisation in Organisation.objects.filter(pk__in=organisation_ids):
        search_index_update(kind=SEARCH_KIND, obj=organisation)


# ---------------------------------------------------------------------------------------------
# The upload form of the page


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV (.csv) or Excel (.xlsx), at most 10 MB and 2,000 organisations. The first "
                               "row names the columns."),
        widget=forms.FileInput(attrs={
            "accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    )
    update = forms.BooleanField(
        label=gettext_lazy("Update organisations that are already in the directory"), required=False,
        help_text=gettext_lazy("Otherwise rows that match an organisation (same number, or same name in the same "
                               "municipality) are skipped."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB. Split it, or ask the operator to use "
                                          "the command manage.py import_organisations."))
        head = upload.read(4096)
        upload.seek(0)
        try:
            file_kind(upload.name, head)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

"""Export the directory to CSV (streamed) and XLSX (openpyxl's write-only mode), for hub admins.

Organisations are written in the import format (plus id, url and verified), so an export can be
edited and imported again. People are exported only when they consented to the directory
(`listed_in_directory`), and their e-mail address and phone number only when they chose to show
them to everyone. Organisations' e-mail and phone follow the same rule.
"""

from __future__ import annotations

import csv
import datetime
import re
import tempfile
from collections.abc import Iterable, Iterator

from django import forms
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskap.accounts.models import User, Visibility
from samskap.core.models import Country, Place, Theme

from .imports import COLUMNS, LIST_SEPARATOR
from .models import Membership, Organisation

CHUNK = 2000
ORGANISATION_HEADER = ["id", *COLUMNS, "url", "verified"]
PEOPLE_HEADER = ["id", "name", "skills", "interests", "themes", "place", "organisations", "email", "phone", "url"]
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PHONE_LIKE = re.compile(r"[+\-]?[\d\s().\-/]+")


class ExportForm(forms.Form):
    WHAT = [("organisations", _("Organisations")), ("people", _("People who agreed to be listed in the directory"))]
    FORMATS = [("csv", _("CSV (comma-separated, UTF-8)")), ("xlsx", _("Excel workbook (.xlsx)"))]

    what = forms.ChoiceField(label=_("What to export"), choices=WHAT, initial="organisations",
                             widget=forms.RadioSelect)
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="csv", widget=forms.RadioSelect)
    country = forms.ChoiceField(label=_("Country"), required=False,
                                help_text=_("Organisations in this country only, or people who live there."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + list(Country.choices)


# ---------------------------------------------------------------------------------------------
# Reads


def organisations_for_export(*, country: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.listed().select_related("head_office").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.only("id", "slug")),
        Prefetch("areas_served", queryset=Place.objects.only("id", "slug")),
    )
    if country:
        organisations = organisations.filter(country=country)
    return organisations.order_by("id")


def people_for_export(*, country: str = "") -> QuerySet[User]:
    """Only people who agreed to be listed; their active memberships of organisations still in the directory."""
    memberships = Membership.objects.filter(status=Membership.Status.ACTIVE, organisation__merged_into__isnull=True) \
        .select_related("organisation").only("id", "user_id", "organisation__id", "organisation__name")
    people = User.objects.filter(listed_in_directory=True, is_active=True).select_related("place").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.only("id", "slug", "labels")),
        Prefetch("memberships", queryset=memberships),
    )
    if country:
        people = people.filter(place__country=country)
    return people.order_by("id")


# ---------------------------------------------------------------------------------------------
# Rows


def organisation_row(organisation: Organisation, *, site_url: str = "") -> list[str]:
    public_email = organisation.email_visibility == Visibility.PUBLIC
    public_phone = organisation.phone_visibility == Visibility.PUBLIC
    values = {
        "id": organisation.pk,
        "name": organisation.name,
        "country": organisation.country,
        "org_number": organisation.org_number,
        "kind": organisation.kind,
        "legal_form": organisation.legal_form,
        "sector": organisation.sector,
        "municipality": organisation.head_office.slug if organisation.head_office else "",
        "website": organisation.website,
        "email": organisation.email if public_email else "",
        "phone": organisation.phone if public_phone else "",
        "founded_year": organisation.founded_year or "",
        "description": organisation.description,
        "description_language": organisation.description_language,
        "offers": organisation.offers,
        "seeks": organisation.seeks,
        "themes": LIST_SEPARATOR.join(theme.slug for theme in organisation.themes.all()),
        "areas_served": LIST_SEPARATOR.join(place.slug for place in organisation.areas_served.all()),
        "url": site_url + reverse("actors:organisation", args=[organisation.slug]),
        "verified": "yes" if organisation.is_verified else "no",
    }
    return [str(values[column]) for column in ORGANISATION_HEADER]


def person_row(person: User, *, site_url: str = "") -> list[str]:
    values = {
        "id": person.pk,
        "name": person.name,
        "skills": person.skills,
        "interests": person.interests,
        "themes": LIST_SEPARATOR.join(str(theme.label) for theme in person.themes.all()),
        "place": person.place.name if person.place else "",
        "organisations": LIST_SEPARATOR.join(m.organisation.name for m in person.memberships.all()),
        "email": person.email if person.email_visibility == Visibility.PUBLIC else "",
        "phone": person.phone if person.phone_visibility == Visibility.PUBLIC else "",
        "url": site_url + reverse("accounts:person", args=[person.pk]),
    }
    return [str(values[column]) for column in PEOPLE_HEADER]


def export_rows(what: str, *, country: str = "", site_url: str = "") -> tuple[list[str], Iterator[list[str]]]:
    if what == "people":
        people = people_for_export(country=country).iterator(chunk_size=CHUNK)
        return PEOPLE_HEADER, (person_row(person, site_url=site_url) for person in people)
    organisations = organisations_for_export(country=country).iterator(chunk_size=CHUNK)
    return ORGANISATION_HEADER, (organisation_row(o, site_url=site_url) for o in organisations)


# ---------------------------------------------------------------------------------------------
# Files


def csv_safe(value: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection); phone numbers stay as they are."""
    if value and value[0] in "=+-@\t\r" and not _PHONE_LIKE.fullmatch(value):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)  # the byte-order mark makes Excel read UTF-8
    for row in rows:
        yield writer.writerow([csv_safe(value) for value in row])


def xlsx_file(header: list[str], rows: Iterable[list[str]], *, title: str) -> tempfile.SpooledTemporaryFile:
    """Write the rows to a workbook in a temporary file; openpyxl's write-only mode keeps memory flat."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    head = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a formula, whatever the first character
            cells.append(cell)
        sheet.append(cells)
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    workbook.save(output)
    output.seek(0)
    return output


def export_response(*, what: str, file_format: str, country: str = "", site_url: str = ""):
    """A download of the directory: a streamed CSV, or an XLSX workbook."""
    header, rows = export_rows(what, country=country, site_url=site_url)
    stem = f"{what}-{country.lower() + '-' if country else ''}{datetime.date.today().isoformat()}"
    if file_format == "xlsx":
        return FileResponse(xlsx_file(header, rows, title=what), as_attachment=True, filename=f"{stem}.xlsx",
                            content_type=XLSX_CONTENT_TYPE)
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    return response

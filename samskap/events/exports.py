"""Registrations of one event as CSV and XLSX: everything with the answers, and a bookkeeping file.

Headers are in the organiser's language; each registration question is a column, its answers as
text. CSV cells that a spreadsheet would run as a formula are defused (samskap.actors.exports);
XLSX cells are typed: amounts are numbers, everything else is text and never a formula.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from samskap.actors.exports import XLSX_CONTENT_TYPE, csv_lines

from .models import Event, Registration
from .selectors_organiser import answer_text, event_questions

CHUNK = 2000
KINDS = ("registrations", "bookkeeping")
FORMATS = ("csv", "xlsx")

Cell = str | Decimal


def _when(value: datetime.datetime | None, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _payment_cells(registration: Registration) -> list[Cell]:
    return [
        registration.amount, registration.currency,
        registration.get_payment_method_display() if registration.payment_method else "",
        registration.get_payment_status_display(), registration.payment_reference,
        registration.invoice_organisation, registration.invoice_org_number, registration.invoice_reference,
        " ".join(registration.invoice_address.split()),
    ]


def _payment_header() -> list[str]:
    return [_("Amount"), _("Currency"), _("Payment"), _("Payment status"), _("Payment reference"),
            _("Invoice to organisation"), _("Organisation number"), _("Invoice reference"), _("Invoice address")]


def registrations_table(*, event: Event) -> tuple[list[str], Iterator[list[Cell]]]:
    """Every registration, cancelled ones too, with one column per registration question."""
    questions = event_questions(event=event)
    zone = ZoneInfo(event.time_zone)
    header = [_("Name"), _("E-mail"), _("Organisation"), _("Status"), _("Ticket type"), *_payment_header(),
              _("On the participant list"), _("Checked in"), _("Registered"), _("Language"),
              *(question.label for question in questions)]
    registrations = event.registrations.select_related("ticket_type").order_by("created_at", "id")

    def rows() -> Iterator[list[Cell]]:
        for registration in registrations.iterator(chunk_size=CHUNK):
            yield [
                registration.name, registration.email, registration.organisation_name,
                registration.get_status_display(),
                registration.ticket_type.name if registration.ticket_type else "",
                *_payment_cells(registration),
                _yes_no(registration.on_participant_list), _when(registration.checked_in_at, zone),
                _when(registration.created_at, zone), registration.language,
                *(answer_text(question, registration.answers) for question in questions),
            ]

    return header, rows()


def bookkeeping_registrations(*, event: Event) -> QuerySet[Registration]:
    """Registrations with something to pay: live ones, and cancelled ones that were paid (to refund)."""
    return (event.registrations.select_related("ticket_type")
            .exclude(payment_status=Registration.PaymentStatus.NOT_REQUIRED, amount=0)
            .exclude(Q(status=Registration.Status.CANCELLED) & ~Q(payment_status=Registration.PaymentStatus.PAID))
            .order_by("created_at", "id"))


def bookkeeping_table(*, event: Event) -> tuple[list[str], Iterator[list[Cell]]]:
    zone = ZoneInfo(event.time_zone)
    header = [_("Registration number"), _("Name"), _("E-mail"), _("Status"), _("Ticket type"), *_payment_header(),
              _("Registered"), _("Cancelled")]

    def rows() -> Iterator[list[Cell]]:
        for registration in bookkeeping_registrations(event=event).iterator(chunk_size=CHUNK):
            yield [
                str(registration.pk), registration.name, registration.email, registration.get_status_display(),
                registration.ticket_type.name if registration.ticket_type else "",
                *_payment_cells(registration),
                _when(registration.created_at, zone), _when(registration.cancelled_at, zone),
            ]

    return header, rows()


def xlsx_file(header: list[str], rows: Iterable[list[Cell]], *, title: str) -> tempfile.SpooledTemporaryFile:
    """A workbook in a temporary file (write-only mode): amounts as numbers, text never as a formula."""
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
            if not isinstance(value, Decimal):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    workbook.save(output)
    output.seek(0)
    return output


def _in_language(rows: Iterator[list[Cell]], language: str) -> Iterator[list[Cell]]:
    """Keep the request's language for rows a streamed response writes after the view has returned."""
    with translation.override(language):
        yield from rows


def export_response(*, event: Event, kind: str, file_format: str):
    """A download: a streamed CSV, or an XLSX workbook."""
    header, rows = bookkeeping_table(event=event) if kind == "bookkeeping" else registrations_table(event=event)
    rows = _in_language(rows, translation.get_language())
    stem = f"{event.slug}-{kind}-{datetime.date.today().isoformat()}"
    if file_format == "xlsx":
        return FileResponse(xlsx_file(header, rows, title=kind), as_attachment=True, filename=f"{stem}.xlsx",
                            content_type=XLSX_CONTENT_TYPE)
    text_rows = ([str(value) for value in row] for row in rows)
    response = StreamingHttpResponse(csv_lines(header, text_rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    return response

"""Printable PDFs for the door: name badges (eight to an A4 page) and a sign-in list.

Names are set in DejaVu Sans when the system has it (every Nordic and Sámi letter); otherwise in
the PDF standard font Helvetica, whose WinAnsi encoding still holds åäöæøÅÄÖÆØ and é, ü, š, ž.
"""

from __future__ import annotations

import io
from functools import cache
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .models import Event, Registration

FONT_FOLDERS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
                Path("/usr/local/share/fonts/dejavu")]
BADGE_COLUMNS, BADGE_ROWS = 2, 4
BADGE_WIDTH, BADGE_HEIGHT = 90 * mm, 60 * mm
BADGE_PADDING = 5 * mm


@cache
def fonts() -> tuple[str, str]:
    """The regular and bold font names to use, registering DejaVu Sans once if it is installed."""
    for folder in FONT_FOLDERS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("SamskapSans", str(regular)))
            pdfmetrics.registerFont(TTFont("SamskapSans-Bold", str(bold)))
            return "SamskapSans", "SamskapSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def participants_for_print(*, event: Event) -> list[Registration]:
    """Confirmed participants by name: the people expected at the door."""
    return list(event.registrations.filter(status=Registration.Status.CONFIRMED)
                .only("id", "event", "name", "organisation_name").order_by("name", "id"))


def _event_line(event: Event) -> str:
    start = event.start.astimezone(ZoneInfo(event.time_zone))
    parts = [formats.date_format(start, "DATE_FORMAT"), event.venue_name]
    return " · ".join(part for part in parts if part)


def _fit(text: str, font: str, largest: float, smallest: float, width: float) -> tuple[float, list[str]]:
    """The largest size at which the text fits the width on one line, or else on two lines at most."""
    size = largest
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    if pdfmetrics.stringWidth(text, font, size) <= width or " " not in text:
        return size, [text]
    words = text.split()
    best = min(range(1, len(words)), key=lambda i: max(pdfmetrics.stringWidth(" ".join(words[:i]), font, 1),
                                                      pdfmetrics.stringWidth(" ".join(words[i:]), font, 1)))
    lines = [" ".join(words[:best]), " ".join(words[best:])]
    size = largest
    while size > smallest and max(pdfmetrics.stringWidth(line, font, size) for line in lines) > width:
        size -= 1
    return size, lines


def _badge(canvas: Canvas, x: float, y: float, *, event: Event, registration: Registration,
           regular: str, bold: str) -> None:
    canvas.setStrokeColor(colors.lightgrey)
    canvas.setDash(2, 2)
    canvas.rect(x, y, BADGE_WIDTH, BADGE_HEIGHT)  # where to cut
    canvas.setDash()
    width = BADGE_WIDTH - 2 * BADGE_PADDING
    centre = x + BADGE_WIDTH / 2
    canvas.setFillColor(colors.dimgrey)
    size, lines = _fit(event.title, regular, 9, 6, width)
    canvas.setFont(regular, size)
    canvas.drawCentredString(centre, y + BADGE_HEIGHT - BADGE_PADDING - size, lines[0])
    canvas.setFillColor(colors.black)
    size, lines = _fit(registration.name, bold, 26, 12, width)
    top = y + BADGE_HEIGHT / 2 + (len(lines) - 1) * size * 0.6
    for number, line in enumerate(lines):
        canvas.setFont(bold, size)
        canvas.drawCentredString(centre, top - number * size * 1.15, line)
    if registration.organisation_name:
        size, lines = _fit(registration.organisation_name, regular, 13, 7, width)
        canvas.setFont(regular, size)
        canvas.setFillColor(colors.dimgrey)
        for number, line in enumerate(lines):
            canvas.drawCentredString(centre, y + BADGE_PADDING + 6 * mm - number * size * 1.15, line)


def badges_pdf(*, event: Event) -> bytes:
    """Name badges, eight to an A4 page, with dashed lines to cut along."""
    regular, bold = fonts()
    output = io.BytesIO()
    canvas = Canvas(output, pagesize=A4)
    canvas.setTitle(_("Name badges: %(event)s") % {"event": event.title})
    page_width, page_height = A4
    left = (page_width - BADGE_COLUMNS * BADGE_WIDTH) / 2
    bottom = (page_height - BADGE_ROWS * BADGE_HEIGHT) / 2
    per_page = BADGE_COLUMNS * BADGE_ROWS
    participants = participants_for_print(event=event)
    for index, registration in enumerate(participants):
        if index and index % per_page == 0:
            canvas.showPage()
        row, column = divmod(index % per_page, BADGE_COLUMNS)
        _badge(canvas, left + column * BADGE_WIDTH, bottom + (BADGE_ROWS - 1 - row) * BADGE_HEIGHT,
               event=event, registration=registration, regular=regular, bold=bold)
    if not participants:
        canvas.setFont(regular, 12)
        canvas.drawString(left, page_height - bottom, _("No confirmed participants yet."))
    canvas.showPage()
    canvas.save()
    return output.getvalue()


def sign_in_pdf(*, event: Event) -> bytes:
    """A table of confirmed participants with a column to sign in, the header repeated on every page."""
    regular, bold = fonts()
    output = io.BytesIO()
    title = _("Sign-in list: %(event)s") % {"event": event.title}

    def footer(canvas: Canvas, document) -> None:
        canvas.setFont(regular, 8)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, _("Page %(number)s") % {"number": document.page})

    document = SimpleDocTemplate(output, pagesize=A4, title=title, leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=18 * mm)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=16, leading=20)
    text = ParagraphStyle("text", fontName=regular, fontSize=10, leading=12)
    head = ParagraphStyle("head", parent=text, fontName=bold)
    participants = participants_for_print(event=event)
    rows = [[Paragraph(escape(label), head) for label in ("#", _("Name"), _("Organisation"), _("Signature"))]]
    rows += [[str(number), Paragraph(escape(registration.name), text),
              Paragraph(escape(registration.organisation_name), text), ""]
             for number, registration in enumerate(participants, start=1)]
    table = Table(rows, colWidths=[10 * mm, 60 * mm, 55 * mm, 55 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        # Room to sign: rows grow with a long name or organisation, and are never less than about 1 cm.
        ("TOPPADDING", (0, 1), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 8),
    ]))
    story = [Paragraph(escape(title), heading), Paragraph(escape(_event_line(event)), text), Spacer(1, 6 * mm),
             table]
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return output.getvalue()

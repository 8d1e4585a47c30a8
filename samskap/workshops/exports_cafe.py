"""The World Café's harvest as a document: the questions, each table's harvest per round and the shared
insights, as Markdown or as a PDF (set in DejaVu Sans when installed, else Helvetica, which holds å ä ö æ ø)."""

import io
from html import escape

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from samskap.events.pdf import fonts

from .models import Workshop
from .selectors_cafe import results_context


def filename(workshop: Workshop, extension: str) -> str:
    stem = slugify(workshop.title)[:80] or "world-cafe"
    return f"{stem}-harvest.{extension}"


def _sections(workshop: Workshop) -> dict:
    return results_context(workshop)


def _table_label(table) -> str:
    return _("Table %(number)s") % {"number": table.number} + (f": {table.name}" if table.name else "")


def harvest_markdown(workshop: Workshop) -> str:
    data = _sections(workshop)
    lines = [f"# {workshop.title}", "", _("World Café") + (
        f" · {formats.date_format(workshop.started_at, 'DATE_FORMAT')}" if workshop.started_at else ""), ""]
    if workshop.description:
        lines += [workshop.description.strip(), ""]
    for entry in data["harvest_grid"]:
        item = entry["round"]
        lines += [f"## {_('Round %(number)s') % {'number': item.number}}: {item.question}", ""]
        if not entry["tables"]:
            lines += [_("No harvest was written in this round."), ""]
        for cell in entry["tables"]:
            host = cell["harvest"].written_by
            lines += [f"### {_table_label(cell['table'])}" + (f" ({_('host')}: {host})" if host else ""), ""]
            lines += [cell["harvest"].text.strip(), ""]
    lines += [f"## {_('Shared insights')}", ""]
    if not data["insights"]:
        lines += [_("No insights were gathered."), ""]
    for number, insight in enumerate(data["insights"], start=1):
        lines.append(f"{number}. {' '.join(insight.text.split())}")
    return "\n".join(lines).rstrip() + "\n"


def harvest_pdf(workshop: Workshop) -> bytes:
    data = _sections(workshop)
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, spaceAfter=6)
    title = ParagraphStyle("title", fontName=bold, fontSize=20, leading=24, spaceAfter=8)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=14, leading=18, spaceBefore=10, spaceAfter=6)
    subheading = ParagraphStyle("subheading", fontName=bold, fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=3)

    def text(value: str) -> str:
        return escape(value.strip()).replace("\n", "<br/>")

    story = [Paragraph(text(workshop.title), title),
             Paragraph(text(_("World Café") + (f" · {formats.date_format(workshop.started_at, 'DATE_FORMAT')}"
                                               if workshop.started_at else "")), body)]
    if workshop.description:
        story.append(Paragraph(text(workshop.description), body))
    for entry in data["harvest_grid"]:
        item = entry["round"]
        story.append(Paragraph(text(f"{_('Round %(number)s') % {'number': item.number}}: {item.question}"), heading))
        if not entry["tables"]:
            story.append(Paragraph(text(_("No harvest was written in this round.")), body))
        for cell in entry["tables"]:
            host = cell["harvest"].written_by
            story.append(Paragraph(text(_table_label(cell["table"]) + (f" ({_('host')}: {host})" if host else "")),
                                   subheading))
            story.append(Paragraph(text(cell["harvest"].text), body))
    story.append(Paragraph(text(_("Shared insights")), heading))
    if not data["insights"]:
        story.append(Paragraph(text(_("No insights were gathered.")), body))
    for number, insight in enumerate(data["insights"], start=1):
        story.append(Paragraph(text(f"{number}. {insight.text}"), body))
    story.append(Spacer(1, 4 * mm))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=workshop.title, author=_("World Café"),
                      leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm).build(story)
    return buffer.getvalue()

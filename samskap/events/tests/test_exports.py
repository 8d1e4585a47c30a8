"""Exports of an event's registrations (CSV, XLSX, bookkeeping) and the printable PDFs."""

import base64
import csv
import datetime
import io
import re
import zlib
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samskap.events import pdf
from samskap.events.models import Event, Registration, RegistrationQuestion

from .factories import QuestionFactory, RegistrationFactory, TicketTypeFactory
from .factories_organiser import event_with_organiser

pytestmark = pytest.mark.django_db

NORDIC_NAMES = ["Åsa Öberg", "Bjørn Ærø", "Søren Kierkegård", "Märta Åkesson", "Øystein Æsøy"]


def export_url(event, kind: str, file_format: str) -> str:
    return reverse("events:participants_export", args=[event.slug, kind, file_format])


def download(client, url: str) -> bytes:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def event_with_questions():
    event, organiser = event_with_organiser(title="Socialøkonomisk eftermiddag", pricing=Event.Pricing.TICKETS,
                                            currency="DKK", time_zone="Europe/Copenhagen")
    questions = {
        "diet": QuestionFactory(event=event, label="Dietary needs", kind=RegistrationQuestion.Kind.SINGLE),
        "workshops": QuestionFactory(event=event, label="Workshops", kind=RegistrationQuestion.Kind.MULTIPLE,
                                     choices=["World Café", "Open Space"]),
        "photos": QuestionFactory(event=event, label="May we take photos?", kind=RegistrationQuestion.Kind.YES_NO),
        "note": QuestionFactory(event=event, label="Anything else?"),
    }
    return event, organiser, questions


# CSV and XLSX --------------------------------------------------------------------------------------

def test_the_csv_has_a_column_per_question_with_the_answers_as_text(client, event_with_questions):
    event, organiser, questions = event_with_questions
    ticket = TicketTypeFactory(event=event, name="Member", price=Decimal("250"))
    RegistrationFactory(event=event, name="Bjørn Ærø", organisation_name="Kooperativet Åkern", ticket_type=ticket,
                        amount=Decimal("250"), payment_method="invoice", payment_status="unpaid",
                        invoice_organisation="Åkern ek. för.", invoice_org_number="769600-1234",
                        answers={str(questions["diet"].pk): "Vegetarian",
                                 str(questions["workshops"].pk): ["World Café", "Open Space"],
                                 str(questions["photos"].pk): True})
    client.force_login(organiser)
    header, row = csv_rows(download(client, export_url(event, "registrations", "csv")))
    assert header[:3] == ["Name", "E-mail", "Organisation"]
    assert header[-4:] == ["Dietary needs", "Workshops", "May we take photos?", "Anything else?"]
    values = dict(zip(header, row, strict=True))
    assert values["Name"] == "Bjørn Ærø" and values["Organisation"] == "Kooperativet Åkern"
    assert values["Dietary needs"] == "Vegetarian"
    assert values["Workshops"] == "World Café, Open Space"
    assert values["May we take photos?"] == "yes"
    assert values["Anything else?"] == ""
    assert values["Ticket type"] == "Member" and values["Amount"] == "250.00" and values["Currency"] == "DKK"
    assert values["Payment status"] == "unpaid" and values["Invoice to organisation"] == "Åkern ek. för."
    assert values["Organisation number"] == "769600-1234"


def test_the_csv_defuses_cells_a_spreadsheet_would_run_as_formulas(client, event_with_questions):
    event, organiser, questions = event_with_questions
    RegistrationFactory(event=event, name="=HYPERLINK(\"http://evil.example\")", organisation_name="@SUM(A1)",
                        answers={str(questions["note"].pk): "+cmd|' /C calc'!A0", str(questions["diet"].pk): "-2+3"})
    client.force_login(organiser)
    header, row = csv_rows(download(client, export_url(event, "registrations", "csv")))
    values = dict(zip(header, row, strict=True))
    assert values["Name"] == "'=HYPERLINK(\"http://evil.example\")"
    assert values["Organisation"] == "'@SUM(A1)"
    assert values["Anything else?"] == "'+cmd|' /C calc'!A0"
    assert values["Dietary needs"] == "'-2+3"


def test_the_workbook_holds_the_same_columns_with_amounts_as_numbers_and_no_formulas(client, event_with_questions):
    event, organiser, questions = event_with_questions
    RegistrationFactory(event=event, name="=1+1", organisation_name="Søstrene Grene", amount=Decimal("99.50"),
                        payment_status="paid", answers={str(questions["workshops"].pk): ["Open Space"]})
    client.force_login(organiser)
    workbook = load_workbook(io.BytesIO(download(client, export_url(event, "registrations", "xlsx"))))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert "Workshops" in header and row["Workshops"].value == "Open Space"
    assert row["Name"].value == "=1+1" and row["Name"].data_type == "s"
    assert row["Organisation"].value == "Søstrene Grene"
    assert row["Amount"].value == pytest.approx(99.5) and row["Amount"].data_type == "n"


def test_the_export_lists_cancelled_registrations_too_with_their_status(client, event_with_questions):
    event, organiser, _questions = event_with_questions
    RegistrationFactory(event=event, name="Kept Place")
    RegistrationFactory(event=event, name="Gave Up", status=Registration.Status.CANCELLED)
    client.force_login(organiser)
    header, *rows = csv_rows(download(client, export_url(event, "registrations", "csv")))
    statuses = {row[0]: row[header.index("Status")] for row in rows}
    assert statuses == {"Kept Place": "confirmed", "Gave Up": "cancelled"}


def test_the_bookkeeping_export_has_what_is_owed_and_paid_with_invoice_details(client, event_with_questions):
    event, organiser, _questions = event_with_questions
    RegistrationFactory(event=event, name="Free Guest")
    RegistrationFactory(event=event, name="Owes", amount=Decimal("300"), payment_status="unpaid",
                        payment_method="invoice", invoice_organisation="Kommunen", invoice_reference="Ref 42",
                        invoice_address="Rådhuspladsen 1\n1550 København V")
    RegistrationFactory(event=event, name="Paid Cash", amount=Decimal("150"), payment_status="paid",
                        payment_method="at_venue")
    RegistrationFactory(event=event, name="Cancelled Unpaid", amount=Decimal("300"), payment_status="unpaid",
                        status=Registration.Status.CANCELLED)
    RegistrationFactory(event=event, name="Cancelled Paid", amount=Decimal("300"), payment_status="paid",
                        status=Registration.Status.CANCELLED,
                        cancelled_at=datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC))
    client.force_login(organiser)
    header, *rows = csv_rows(download(client, export_url(event, "bookkeeping", "csv")))
    by_name = {row[header.index("Name")]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_name) == {"Owes", "Paid Cash", "Cancelled Paid"}
    owes = by_name["Owes"]
    assert owes["Amount"] == "300.00" and owes["Currency"] == "DKK" and owes["Payment status"] == "unpaid"
    assert owes["Payment"] == "invoice" and owes["Invoice reference"] == "Ref 42"
    assert owes["Invoice address"] == "Rådhuspladsen 1 1550 København V"
    assert by_name["Paid Cash"]["Payment status"] == "paid"
    # To be refunded: cancelled, when (in the event's time zone), and paid.
    assert by_name["Cancelled Paid"]["Status"] == "cancelled"
    assert by_name["Cancelled Paid"]["Cancelled"] == "2025-03-01 10:30"


def test_the_bookkeeping_workbook_opens(client, event_with_questions):
    event, organiser, _questions = event_with_questions
    RegistrationFactory(event=event, name="Owes", amount=Decimal("300"), payment_status="unpaid")
    client.force_login(organiser)
    sheet = load_workbook(io.BytesIO(download(client, export_url(event, "bookkeeping", "xlsx")))).active
    assert [cell.value for cell in sheet[2]][1] == "Owes"
    assert sheet.max_row == 2


@pytest.mark.parametrize("registrations", [5, 50])
def test_an_export_takes_the_same_few_queries_however_many_are_registered(
        client, event_with_questions, registrations, django_assert_max_num_queries):
    event, organiser, _questions = event_with_questions
    RegistrationFactory.create_batch(registrations, event=event, ticket_type=TicketTypeFactory(event=event))
    client.force_login(organiser)
    client.get(reverse("events:check_in", args=[event.slug]))  # the hub's settings are cached, as on a live site
    with django_assert_max_num_queries(8):
        rows = csv_rows(download(client, export_url(event, "registrations", "csv")))
    assert len(rows) == registrations + 1


def test_an_unknown_kind_of_export_is_not_found(client, event_with_questions):
    event, organiser, _questions = event_with_questions
    client.force_login(organiser)
    assert client.get(f"/events/{event.slug}/participants/everything.csv").status_code == 404
    assert client.get(f"/events/{event.slug}/participants/registrations.pdf").status_code == 404


# PDFs ----------------------------------------------------------------------------------------------

def pdf_page_count(content: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", content))


def pdf_text(content: bytes) -> str:
    """The strings shown by a PDF set in a standard font (WinAnsi): enough to read names back."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S):
        data = stream.strip()
        try:
            data = zlib.decompress(base64.a85decode(data.removesuffix(b"~>"), adobe=False))
        except ValueError:
            continue
        for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", data):
            text = re.sub(rb"\\([0-7]{3}|.)", lambda m: bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit()
                          else m.group(1), literal)
            shown.append(text.decode("cp1252"))
    return "\n".join(shown)


@pytest.fixture
def standard_fonts(monkeypatch):
    monkeypatch.setattr(pdf, "fonts", lambda: ("Helvetica", "Helvetica-Bold"))


def test_badges_come_eight_to_a_page_for_confirmed_participants(client, event_with_questions):
    event, organiser, _questions = event_with_questions
    RegistrationFactory.create_batch(9, event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    client.force_login(organiser)
    response = client.get(reverse("events:participants_badges", args=[event.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert pdf_page_count(response.content) == 2


def test_badges_show_nordic_names_and_organisations(event_with_questions, standard_fonts):
    event, _organiser, _questions = event_with_questions
    for name in NORDIC_NAMES:
        RegistrationFactory(event=event, name=name, organisation_name="Fællesskabets Hus")
    text = pdf_text(pdf.badges_pdf(event=event))
    for name in NORDIC_NAMES:
        assert name in text
    assert "Fællesskabets Hus" in text


def test_a_very_long_name_on_a_badge_is_split_over_two_lines(event_with_questions, standard_fonts):
    event, _organiser, _questions = event_with_questions
    RegistrationFactory(event=event, name="Anna-Karin Margareta Johansson Wahlström Lindqvist")
    text = pdf_text(pdf.badges_pdf(event=event))
    assert "Anna-Karin Margareta Johansson Wahlström Lindqvist" not in text
    assert "Lindqvist" in text and "Anna-Karin" in text


def test_the_sign_in_list_is_a_table_of_confirmed_participants(event_with_questions, standard_fonts):
    event, _organiser, _questions = event_with_questions
    for name in NORDIC_NAMES:
        RegistrationFactory(event=event, name=name, organisation_name="Grannskapsinkubatorn")
    RegistrationFactory(event=event, name="Not Coming", status=Registration.Status.CANCELLED)
    content = pdf.sign_in_pdf(event=event)
    text = pdf_text(content)
    assert "Signature" in text and "Sign-in list: Socialøkonomisk eftermiddag" in text
    for name in NORDIC_NAMES:
        assert name in text
    assert "Not Coming" not in text


def test_a_long_sign_in_list_runs_over_pages(client, event_with_questions):
    event, organiser, _questions = event_with_questions
    RegistrationFactory.create_batch(60, event=event)
    client.force_login(organiser)
    response = client.get(reverse("events:participants_sign_in_list", args=[event.slug]))
    assert response.content.startswith(b"%PDF")
    assert pdf_page_count(response.content) >= 3


def test_the_pdfs_build_with_the_systems_font_and_nordic_names(event_with_questions):
    event, _organiser, _questions = event_with_questions
    for name in [*NORDIC_NAMES, "Áilu Niillas Ŋuolggá"]:
        RegistrationFactory(event=event, name=name)
    for content in (pdf.badges_pdf(event=event), pdf.sign_in_pdf(event=event)):
        assert content.startswith(b"%PDF") and pdf_page_count(content) == 1

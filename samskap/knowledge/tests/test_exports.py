"""The link export: the import's columns plus id, page address and link status, formula-safe, filtered like
the list, and importable again as all duplicates."""

import csv
import io

import pytest
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import make_theme
from samskap.knowledge.exports import HEADER
from samskap.knowledge.imports import LinkRow, links_import, links_table_read

from .factories import MethodCardFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(db):
    return UserFactory(is_facilitator=True)


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def download(client, **params) -> bytes:
    response = client.get(reverse("knowledge:export"), params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content[:500]
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_has_the_import_columns_and_is_formula_safe(curator_client):
    theme = make_theme("Loneliness")
    resource = ResourceFactory(title="=HYPERLINK(\"http://evil.example\")", url="https://a.example.org/x",
                               summary="@SUM(A1)", kind="report", language="nb", themes=[theme],
                               link_status="broken")
    MethodCardFactory()  # no web address: not a link
    ResourceFactory(url="https://hidden.example.org", is_published=False)

    data = download(curator_client, format="csv")

    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8
    rows = csv_rows(data)
    assert list(rows[0]) == HEADER == ["id", "title", "url", "description", "kind", "themes", "language",
                                       "page_url", "link_status"]
    assert len(rows) == 1
    assert rows[0] == {
        "id": str(resource.pk), "title": "'=HYPERLINK(\"http://evil.example\")", "url": "https://a.example.org/x",
        "description": "'@SUM(A1)", "kind": "report", "themes": theme.slug, "language": "nb",
        "page_url": f"http://testserver{resource.get_absolute_url()}", "link_status": "broken",
    }


def test_the_xlsx_holds_text_cells_never_formulas(curator_client):
    from openpyxl import load_workbook

    ResourceFactory(title="=1+1", url="https://a.example.org")

    data = download(curator_client, format="xlsx")

    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    title = sheet.cell(row=2, column=2)
    assert title.value == "=1+1" and title.data_type == "s"


def test_the_list_filters_narrow_the_export(curator_client):
    theme = make_theme("Housing")
    wanted = ResourceFactory(kind="guide", language="da", themes=[theme])
    ResourceFactory(kind="guide", language="sv", themes=[theme])
    ResourceFactory(kind="video", language="da", themes=[theme])
    ResourceFactory(kind="guide", language="da")

    rows = csv_rows(download(curator_client, format="csv", kind="guide", theme=theme.slug, language="da"))

    assert [row["id"] for row in rows] == [str(wanted.pk)]


def test_an_unknown_format_or_filter_goes_back_to_the_page_with_a_message(curator_client):
    response = curator_client.get(reverse("knowledge:export"), {"format": "pdf"}, HTTP_ACCEPT_LANGUAGE="en",
                                  follow=True)

    assert response.redirect_chain[-1][0] == reverse("knowledge:import")
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_exported_file_imports_again_as_all_duplicates(curator_client, curator, file_format):
    theme = make_theme("Inclusion")
    ResourceFactory.create_batch(4, themes=[theme])
    ResourceFactory(title="Stöd; med semikolon, och komma", url="https://www.b.example.org/path/",
                    summary="Rad ett\nrad två", kind="case", language="is")

    data = download(curator_client, format=file_format)
    table = links_table_read(io.BytesIO(data), name=f"links.{file_format}")
    report = links_import(table=table, by=curator, dry_run=True)

    assert report.counts == {LinkRow.NEW: 0, LinkRow.DUPLICATE: 5, LinkRow.ERROR: 0}


def test_the_export_takes_the_same_number_of_queries_for_many_links(curator_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    theme = make_theme("Poverty")
    ResourceFactory.create_batch(3, themes=[theme])
    download(curator_client, format="csv")  # the hub settings are made on the first request
    counts = []
    for more in (0, 40):
        ResourceFactory.create_batch(more, themes=[theme])
        with CaptureQueriesContext(connection) as queries:
            assert len(csv_rows(download(curator_client, format="csv"))) == 3 + more
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 6


def test_members_may_not_export(client, member):
    client.force_login(member)

    assert client.get(reverse("knowledge:export"), {"format": "csv"}).status_code == 403

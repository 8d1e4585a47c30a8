"""The link import: reading CSV and XLSX, the per-row report (new / duplicate / error), writing only the new
rows, the background tasks with their progress, and the command."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.imports import ImportFileError
from samskap.actors.models import ContentLanguage
from samskap.core.models import SearchEntry, Theme
from samskap.core.selectors import search
from samskap.knowledge.imports import (MAX_ROWS, PROGRESS_EVERY, LinkImportForm, LinkRow, error_rows_lines,
                                       link_import_confirm, link_import_start, links_import, links_table_read)
from samskap.knowledge.models import LinkImport, Resource, ResourceKind

from .factories import ResourceFactory

pytestmark = pytest.mark.django_db

HEADER = ["title", "url", "description", "kind", "themes", "language"]


@pytest.fixture
def curator(db):
    return UserFactory(name="Cecilia Curator", is_facilitator=True, preferred_language="sv")


def csv_bytes(rows, *, header=HEADER, delimiter=",", bom=False, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows, *, header=HEADER) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read(data: bytes, name="links.csv", **kwargs):
    return links_table_read(io.BytesIO(data), name=name, **kwargs)


def good_rows(count: int, *, start: int = 0):
    return [(f"Stöd för arbetsintegrerande sociala företag {n}", f"https://stod.example.se/program/{n}",
             "Hur kommuner stödjer sociala företag.", "link", "work-integration", "sv")
            for n in range(start, start + count)]


def test_good_rows_are_new_and_a_dry_run_writes_nothing(curator):
    report = links_import(table=read(csv_bytes(good_rows(3))), by=curator, dry_run=True)

    assert report.counts == {"new": 3, "duplicate": 0, "error": 0}
    assert [row.number for row in report.rows] == [2, 3, 4]
    assert not report.written
    assert Resource.objects.count() == 0


def test_an_import_writes_the_new_rows_with_kind_themes_and_language(curator, django_capture_on_commit_callbacks):
    with translation.override("nb"):  # kinds and languages by code or by name in any UI language
        norwegian = str(ContentLanguage.NB.label)
    with translation.override("sv"):
        report_in_swedish = str(ResourceKind.REPORT.label).upper()
    rows = [
        ("World Café-guiden", "www.worldcafe.example.org/guide", "Så leder du ett världscafé.", "method",
         "Ensomhet; work-integration", norwegian),
        ("Support for social enterprises", "https://support.example.org/", "", "Case story", "", "en"),
        ("Utan språk", "https://utan.example.se", "", report_in_swedish, "", ""),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        report = links_import(table=read(csv_bytes(rows)), by=curator)

    assert report.written and len(report.created_ids) == 3
    cafe = Resource.objects.get(title="World Café-guiden")
    assert cafe.url == "https://www.worldcafe.example.org/guide"
    assert cafe.url_normalised == "worldcafe.example.org/guide"
    assert (cafe.kind, cafe.language, cafe.summary) == ("method", "nb", "Så leder du ett världscafé.")
    assert sorted(cafe.themes.values_list("slug", flat=True)) == ["loneliness", "work-integration"]
    assert cafe.created_by == curator and cafe.is_published and cafe.slug == "world-cafe-guiden"
    support = Resource.objects.get(title="Support for social enterprises")
    assert (support.kind, support.language) == ("case", "en")
    assert Resource.objects.get(title="Utan språk").language == "sv"  # the curator's language
    assert Resource.objects.get(title="Utan språk").kind == "report"
    assert SearchEntry.objects.filter(kind="resource").count() == 3


def test_duplicates_of_the_knowledge_base_and_of_earlier_rows_are_skipped_and_say_which(
        curator, django_capture_on_commit_callbacks):
    existing = [ResourceFactory(title=f"Finns redan {n}", url=f"https://www.finns.example.se/sida-{n}/")
                for n in range(6)]
    rows = good_rows(5)
    # Six links already in the knowledge base, written differently (http, no www, no trailing slash).
    rows += [(f"Samma som {n}", f"http://finns.example.se/sida-{n}", "", "", "", "") for n in range(6)]
    # Four rows repeating a link of an earlier row of the same sheet.
    rows += [(f"Igen {n}", f"https://stod.example.se/program/{n}/", "", "", "", "") for n in range(4)]

    with django_capture_on_commit_callbacks(execute=True):
        report = links_import(table=read(csv_bytes(rows)), by=curator)

    assert report.counts == {"new": 5, "duplicate": 10, "error": 0}
    first_existing = report.rows[5]
    assert first_existing.status == LinkRow.DUPLICATE
    assert first_existing.duplicate_of["id"] == existing[0].pk
    assert first_existing.duplicate_of["title"] == "Finns redan 0"
    repeated = report.rows[11]
    assert (repeated.number, repeated.status, repeated.duplicate_of_row) == (13, LinkRow.DUPLICATE, 2)
    assert Resource.objects.count() == 6 + 5


def test_bad_rows_say_what_is_wrong_in_which_column_and_the_valid_rows_still_import(
        curator, django_capture_on_commit_callbacks):
    rows = good_rows(3) + [
        ("", "https://no-title.example.org", "", "", "", ""),
        ("Bad address", "not a web address", "", "", "", ""),
        ("Bad kind", "https://kind.example.org", "", "podcast", "", ""),
        ("Bad theme", "https://theme.example.org", "", "", "loneliness; astrology", ""),
        ("Bad language", "https://language.example.org", "", "", "", "klingon"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        report = links_import(table=read(csv_bytes(rows)), by=curator)

    assert report.counts == {"new": 3, "duplicate": 0, "error": 5}
    errors = {row.number: row.errors for row in report.error_rows}
    assert errors[5] == [("title", "The title is missing.")]
    assert errors[6][0][0] == "url" and "“not a web address” is not a web address" in errors[6][0][1]
    assert errors[7][0][0] == "kind" and "Unknown kind “podcast”" in errors[7][0][1]
    assert errors[8] == [("themes", "Unknown theme “astrology”. Use a theme's slug or its name, several separated "
                                    "by semicolons.")]
    assert errors[9][0][0] == "language" and "Unknown language “klingon”" in errors[9][0][1]
    assert "row 6, column url: “not a web address” is not a web address" in report.error_lines[1]
    assert Resource.objects.count() == 3
    assert not Resource.objects.filter(title__startswith="Bad").exists()


def test_an_xlsx_workbook_is_read(curator):
    report = links_import(table=read(xlsx_bytes(good_rows(2)), name="links.xlsx"), by=curator, dry_run=True)

    assert report.counts["new"] == 2
    assert report.rows[0].title == "Stöd för arbetsintegrerande sociala företag 0"


def test_a_semicolon_csv_with_a_byte_order_mark_as_excel_writes_it_in_the_nordics_is_read(curator):
    data = csv_bytes(good_rows(2), delimiter=";", bom=True)

    table = read(data)

    assert table.columns == HEADER
    assert links_import(table=table, by=curator, dry_run=True).counts["new"] == 2


def test_a_windows_1252_csv_is_read(curator):
    table = read(csv_bytes([("Stöd för företag", "https://x.example.se", "", "", "", "")], encoding="cp1252"))

    assert table.rows[0][1]["title"] == "Stöd för företag"


def test_a_file_with_too_many_rows_is_refused():
    with pytest.raises(ImportFileError, match="at most 5,000"):
        read(csv_bytes(good_rows(MAX_ROWS + 1)))


def test_a_file_of_the_wrong_type_is_refused():
    with pytest.raises(ImportFileError, match="Choose a CSV file"):
        read(b"%PDF-1.4 not a sheet", name="links.pdf")
    with pytest.raises(ImportFileError, match="Choose a CSV file"):
        read(b"PK\x03\x04 not really", name="links.docx")


def test_unknown_missing_and_repeated_columns_are_refused():
    with pytest.raises(ImportFileError, match="Unknown column “colour”"):
        read(csv_bytes([], header=["title", "url", "colour"]))
    with pytest.raises(ImportFileError, match="The column url is missing"):
        read(csv_bytes([("A",)], header=["title"]))
    with pytest.raises(ImportFileError, match="appears twice"):
        read(csv_bytes([], header=["title", "url", "url"]))
    with pytest.raises(ImportFileError, match="no links"):
        read(csv_bytes([]))


def test_export_only_columns_are_read_past(curator):
    header = ["id", *HEADER, "page_url", "link_status", "errors"]
    table = read(csv_bytes([("7", *good_rows(1)[0], "https://hub/x", "ok", "")], header=header))

    assert links_import(table=table, by=curator, dry_run=True).counts["new"] == 1


def test_only_curators_import(member):
    with pytest.raises(PermissionDenied):
        links_import(table=read(csv_bytes(good_rows(1))), by=member, dry_run=True)


def test_progress_is_reported_every_25_rows(curator):
    calls = []

    links_import(table=read(csv_bytes(good_rows(60))), by=curator, dry_run=True,
                 progress=lambda done, total: calls.append((done, total)))

    assert PROGRESS_EVERY == 25
    assert calls == [(25, 60), (50, 60), (60, 60)]


def test_checking_takes_the_same_number_of_queries_for_many_rows(curator):
    ResourceFactory(url="https://stod.example.se/program/3")
    links_import(table=read(csv_bytes(good_rows(1))), by=curator, dry_run=True)  # caches warm
    counts = []
    for size in (20, 400):
        with CaptureQueriesContext(connection) as queries:
            links_import(table=read(csv_bytes(good_rows(size))), by=curator, dry_run=True)
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 3


def test_many_titles_alike_get_distinct_slugs(curator, django_capture_on_commit_callbacks):
    ResourceFactory(title="Hemsida", slug="hemsida")
    ResourceFactory(title="Hemsida", slug="hemsida-2")
    rows = [("Hemsida", f"https://site{n}.example.se", "", "", "", "") for n in range(3)]
    rows.append(("Import", "https://import.example.se", "", "", "", ""))

    with django_capture_on_commit_callbacks(execute=True):
        links_import(table=read(csv_bytes(rows)), by=curator)

    assert sorted(Resource.objects.filter(title="Hemsida").values_list("slug", flat=True)) == [
        "hemsida", "hemsida-2", "hemsida-3", "hemsida-4", "hemsida-5"]
    assert Resource.objects.get(title="Import").slug == "import-2"  # "import" is the import page


def test_imported_links_are_found_by_a_search_in_another_scandinavian_language(
        curator, django_capture_on_commit_callbacks):
    rows = [("Stöd för arbetsintegrerande sociala företag", "https://stod.example.se", "", "", "", "sv")]
    with django_capture_on_commit_callbacks(execute=True):
        links_import(table=read(csv_bytes(rows)), by=curator)

    danish, _count = search(query="støtte arbejdsintegrerende", kinds=["resource"])
    norwegian, _count = search(query="arbeidsintegrerende", kinds=["resource"])
    assert [result.title for result in danish] == ["Stöd för arbetsintegrerande sociala företag"]
    assert [result.title for result in norwegian] == ["Stöd för arbetsintegrerande sociala företag"]


# ---------------------------------------------------------------------------------------------
# In the background


def start(curator, data: bytes, name="links.csv") -> LinkImport:
    return link_import_start(file=ContentFile(data), name=name, by=curator, language="sv")


def test_an_upload_is_checked_in_the_background_and_nothing_is_written(
        curator, run_tasks, django_capture_on_commit_callbacks):
    ResourceFactory(url="https://stod.example.se/program/0")
    rows = good_rows(60) + [("", "https://x.example.org", "", "", "", "")]
    with django_capture_on_commit_callbacks(execute=True):
        link_import = start(curator, csv_bytes(rows))
    assert link_import.status == LinkImport.Status.CHECKING
    assert not link_import.file.name.endswith("links.csv")  # a random name under MEDIA_ROOT

    with CaptureQueriesContext(connection) as queries:
        assert run_tasks() == 1

    link_import.refresh_from_db()
    assert link_import.status == LinkImport.Status.CHECKED
    assert (link_import.progress, link_import.total) == (61, 61)
    assert link_import.report["counts"] == {"new": 59, "duplicate": 1, "error": 1}
    assert link_import.report["rows"][0]["duplicate_of"]["title"].startswith("Guide")
    assert link_import.report["rows"][-1]["errors"] == [["title", "The title is missing."]]
    progress_updates = [q for q in queries.captured_queries
                        if q["sql"].startswith("UPDATE") and "knowledge_linkimport" in q["sql"]
                        and '"progress"' in q["sql"] and '"report"' not in q["sql"]]
    assert len(progress_updates) >= 3  # 0, 25, 50, 61 of 61
    assert Resource.objects.count() == 1


def test_confirming_writes_the_new_rows_in_the_background(curator, run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        link_import = start(curator, csv_bytes(good_rows(30) + [("", "https://x.example.org", "", "", "", "")]))
    run_tasks()
    link_import.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        assert link_import_confirm(link_import=link_import, by=curator)
    assert link_import.status == LinkImport.Status.IMPORTING and link_import.total == 30
    assert Resource.objects.count() == 0  # not before the task runs
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert not link_import_confirm(link_import=link_import, by=curator)  # a second press does nothing
    assert callbacks == []
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()

    link_import.refresh_from_db()
    assert link_import.status == LinkImport.Status.DONE
    assert (link_import.progress, link_import.total) == (30, 30)
    assert link_import.report["created"] == 30
    assert Resource.objects.count() == 30
    assert SearchEntry.objects.filter(kind="resource").count() == 30
    assert not link_import.file  # the file is gone; the report keeps the row with an error
    assert len(list(error_rows_lines(link_import.report))) == 2


def test_links_added_between_the_check_and_the_confirmation_are_not_imported_twice(
        curator, run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        link_import = start(curator, csv_bytes(good_rows(3)))
    run_tasks()
    link_import.refresh_from_db()
    ResourceFactory(url="https://stod.example.se/program/1")

    with django_capture_on_commit_callbacks(execute=True):
        link_import_confirm(link_import=link_import, by=curator)
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()

    link_import.refresh_from_db()
    assert link_import.report["counts"] == {"new": 2, "duplicate": 1, "error": 0}
    assert Resource.objects.filter(url__startswith="https://stod.example.se").count() == 3


def test_a_file_that_cannot_be_read_fails_with_the_reason(curator, run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        link_import = start(curator, csv_bytes([], header=["title", "link"]))
    run_tasks()

    link_import.refresh_from_db()
    assert link_import.status == LinkImport.Status.FAILED
    assert link_import.report["error"] == "Unknown column “link”. The columns are: title, url, description, kind, " \
                                          "themes, language."


def test_a_confirmation_without_new_rows_starts_nothing(curator, run_tasks, django_capture_on_commit_callbacks):
    ResourceFactory(url="https://stod.example.se/program/0")
    with django_capture_on_commit_callbacks(execute=True):
        link_import = start(curator, csv_bytes(good_rows(1)))
    run_tasks()
    link_import.refresh_from_db()

    assert not link_import_confirm(link_import=link_import, by=curator)
    link_import.refresh_from_db()
    assert link_import.status == LinkImport.Status.CHECKED


def test_members_cannot_start_or_confirm_an_import(member, curator):
    with pytest.raises(PermissionDenied):
        start(member, csv_bytes(good_rows(1)))
    link_import = LinkImport.objects.create(file_name="x.csv", created_by=curator, status="checked",
                                            report={"counts": {"new": 1}})
    with pytest.raises(PermissionDenied):
        link_import_confirm(link_import=link_import, by=member)


# ---------------------------------------------------------------------------------------------
# The rows with errors, fixed and uploaded again


def test_the_rows_with_errors_can_be_fixed_and_imported_on_their_own(curator, django_capture_on_commit_callbacks):
    rows = good_rows(2) + [("", "https://fix.example.org", "", "", "", ""),
                           ("=HYPERLINK(\"http://evil\")", "broken", "", "", "", "")]
    report = links_import(table=read(csv_bytes(rows)), by=curator, dry_run=True).as_report()

    lines = "".join(error_rows_lines(report))
    sheet = list(csv.DictReader(io.StringIO(lines.lstrip("\ufeff"))))
    assert [row["url"] for row in sheet] == ["https://fix.example.org", "broken"]
    assert sheet[0]["errors"] == "title: The title is missing."
    assert sheet[1]["title"].startswith("'=")  # formula-safe
    sheet[0]["title"] = "Fixad"
    sheet[1]["url"] = "https://fixed.example.org"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(sheet[0]))
    writer.writeheader()
    writer.writerows(sheet)

    with django_capture_on_commit_callbacks(execute=True):
        again = links_import(table=read(buffer.getvalue().encode()), by=curator)

    assert again.counts == {"new": 2, "duplicate": 0, "error": 0}
    assert Resource.objects.filter(title="=HYPERLINK(\"http://evil\")", url="https://fixed.example.org").exists()


# ---------------------------------------------------------------------------------------------
# The upload form and the command


def test_the_upload_form_refuses_large_files_and_other_types(curator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("links.csv", b"title,url\n" + b"x" * (10 * 1024 * 1024))
    form = LinkImportForm(data={"language": "sv"}, files={"file": big})
    assert not form.is_valid()
    assert "larger than 10 MB" in form.errors["file"][0]

    pdf = SimpleUploadedFile("links.pdf", b"%PDF-1.4")
    form = LinkImportForm(data={"language": "sv"}, files={"file": pdf})
    assert not form.is_valid()
    assert "Choose a CSV file" in form.errors["file"][0]


def test_the_command_checks_and_imports(curator, tmp_path, capsys):
    path = tmp_path / "links.csv"
    path.write_bytes(csv_bytes(good_rows(3) + [("", "https://x.example.org", "", "", "", "")]))

    call_command("import_links", str(path), "--dry-run")
    assert Resource.objects.count() == 0
    assert "Dry run, nothing written: 3 new" in capsys.readouterr().out

    call_command("import_links", str(path), "--by", curator.email)
    captured = capsys.readouterr()
    assert "Imported 3 links" in captured.out and "1 rows with errors skipped" in captured.out
    assert "row 5, column title: The title is missing." in captured.err
    assert set(Resource.objects.values_list("created_by", flat=True)) == {curator.pk}


def test_the_command_refuses_unknown_people_and_non_curators(member, tmp_path):
    path = tmp_path / "links.csv"
    path.write_bytes(csv_bytes(good_rows(1)))
    with pytest.raises(CommandError, match="No active user"):
        call_command("import_links", str(path), "--by", "nobody@example.org")
    with pytest.raises(CommandError, match="not a curator"):
        call_command("import_links", str(path), "--by", member.email)
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_links", str(tmp_path / "missing.csv"))


def test_themes_are_matched_by_name_in_any_language(curator):
    Theme.objects.filter(slug="loneliness").update(labels={"en": "Loneliness", "sv": "Ensamhet", "da": "Ensomhed"})
    table = read(csv_bytes([("A", "https://a.example.org", "", "", "ENSOMHED;loneliness", "")]))

    row = links_import(table=table, by=curator, dry_run=True).rows[0]

    assert row.status == LinkRow.NEW
    assert row.values["theme_ids"] == [Theme.objects.get(slug="loneliness").pk]

"""The curators' link import and link report in a real browser: axe-clean in four languages, and the journey
of a curator who imports a 350-row link sheet with broken rows and duplicates, reads the report, fixes the
broken rows, and finds the links with a search written in another Scandinavian language.

Background tasks run in the test's thread (the `run_tasks` fixture) while the page polls the live server.
"""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samskap.accounts.tests.factories import UserFactory
from samskap.knowledge.models import LinkImport, LinkStatus, Resource
from samskap.knowledge.tests.factories import FundingCallFactory, ResourceFactory

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = "/tmp/shots"
HEADER = ["title", "url", "description", "kind", "themes", "language"]

SWEDISH_TITLES = [
    "Stöd för arbetsintegrerande sociala företag", "Guide till sociala investeringar", "Kommunens roll i "
    "samskapande", "Handbok för medborgardialog", "Finansiering av lokala initiativ", "Mötesplatser i "
    "förorten", "Social innovation i glesbygd", "Ungdomars delaktighet", "Mäta social effekt",
    "Idéburet offentligt partnerskap",
]


def audit(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}:\n{format_violations(violations)}"


def xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_file(rows, header=HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def upload(page, data: bytes, name: str) -> None:
    page.goto("/knowledge/import/")
    page.set_input_files("#id_file", files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}])
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/knowledge/import/\d+/$"))


def curator_in(context, live_server, language="en"):
    curator = UserFactory(name="Cecilia Curator", is_facilitator=True, preferred_language=language)
    log_in(context, live_server, curator)
    set_language(context, live_server, language)
    return curator


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_import_pages_and_the_link_report_have_no_accessibility_violations(
        context, page, live_server, run_tasks, language):
    curator_in(context, live_server, language)
    ResourceFactory(title="Finns redan", url="https://finns.example.se/")
    ResourceFactory(title="Borta", link_status=LinkStatus.BROKEN, link_status_code=404, link_error="Not Found")
    ResourceFactory(title="Flyttad", link_status=LinkStatus.REDIRECTED, link_status_code=200,
                    link_final_url="https://ny.example.se/plats")
    FundingCallFactory(title="Stängd pulje", link_status=LinkStatus.BROKEN, link_error="No connection")

    page.goto("/knowledge/import/")
    audit(page)
    page.locator("main form[enctype] button[type=submit]").click()  # no file: the error summary
    page.wait_for_load_state()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    audit(page)

    rows = [("Ny länk", "https://ny.example.se/1", "", "", "", ""), ("Igen", "https://finns.example.se", "", "", "", ""),
            ("", "https://utan-titel.example.se", "", "", "", "")]
    upload(page, csv_file(rows), "links.csv")
    expect(page.locator("progress#import-progress-bar")).to_be_visible()  # the check has not run yet
    audit(page)

    run_tasks()
    expect(page.locator("main table").first).to_be_visible(timeout=10_000)  # the report, polled in
    audit(page)
    page.locator("details.import-new-rows summary").click()
    audit(page)

    page.locator("main form[action$='/confirm/'] button").click()
    page.wait_for_load_state()
    run_tasks()
    expect(page.locator(".ds-alert[data-color=success]")).to_be_visible(timeout=10_000)
    audit(page)

    page.goto("/knowledge/links/")
    expect(page.locator("main table")).to_have_count(2)
    audit(page)


def journey_sheet():
    """350 rows: 335 good, 5 broken, 10 duplicates (6 of links already in the knowledge base, 4 of earlier rows)."""
    rows = []
    for n in range(335):
        title = SWEDISH_TITLES[n % len(SWEDISH_TITLES)] + (f" ({n // len(SWEDISH_TITLES) + 1})" if n >= 10 else "")
        rows.append((title, f"https://lankar.example.se/{n}", "Länk från SED:s länksida.", "link",
                     "work-integration" if n % 3 == 0 else "", "sv"))
    rows[0] = ("Stöd för arbetsintegrerande sociala företag", "https://tillvaxtverket.example.se/stod-asf",
               "Så får arbetsintegrerande sociala företag stöd från kommun och region.", "guide",
               "work-integration; Inkludering", "sv")
    broken = [
        ("", "https://saknar-titel.example.se", "", "link", "", "sv"),
        ("Trasig adress", "htp//trasig", "", "link", "", "sv"),
        ("Okänd sort", "https://sort.example.se", "", "podcast", "", "sv"),
        ("Okänt tema", "https://tema.example.se", "", "link", "astrologi", "sv"),
        ("Okänt språk", "https://sprak.example.se", "", "link", "", "svenska-ish"),
    ]
    existing = [(f"Redan här {n}", f"http://www.finns.example.se/{n}/", "", "link", "", "sv") for n in range(6)]
    repeated = [(f"Upprepad {n}", f"https://lankar.example.se/{n + 1}/", "", "link", "", "sv") for n in range(4)]
    for position, row in zip((40, 90, 150, 220, 300), broken):
        rows.insert(position, row)
    for position, row in zip((20, 60, 120, 180, 250, 320), existing):
        rows.insert(position, row)
    rows.extend(repeated)
    assert len(rows) == 350
    return rows


def fixed(rows: list[dict]) -> list[dict]:
    """What the curator does to the downloaded error rows: fills in what the errors column says is wrong."""
    for row in rows:
        problem = row["errors"]
        if problem.startswith("title:"):
            row["title"] = "Sociala företag i Norden"
        elif problem.startswith("url:"):
            row["url"] = "https://trasig.example.se"
        elif problem.startswith("kind:"):
            row["kind"] = "video"
        elif problem.startswith("themes:"):
            row["themes"] = "inclusion"
        elif problem.startswith("language:"):
            row["language"] = "sv"
    return rows


def test_a_curator_imports_a_link_sheet_fixes_the_broken_rows_and_finds_the_links_in_danish(
        context, page, live_server, run_tasks, tmp_path):
    curator_in(context, live_server, "en")
    for n in range(6):
        ResourceFactory(title=f"Finns {n}", url=f"https://finns.example.se/{n}")

    # 1. Upload the sheet: the page shows a progress bar while the rows are checked in the background.
    upload(page, xlsx(journey_sheet()), "sed-lankar.xlsx")
    expect(page.locator("progress#import-progress-bar")).to_be_visible()
    expect(page.get_by_text("Checking the rows")).to_be_visible()
    run_tasks()

    # 2. The report arrives without a reload, and says what is wrong.
    main = page.locator("main")
    expect(main).to_contain_text("5 errors", timeout=15_000)
    expect(main).to_contain_text("10 duplicates")
    expect(main).to_contain_text("335 new links")
    expect(page.locator("#import-announcement")).to_contain_text("The check is finished: 350 rows")
    expect(main).to_contain_text("Unknown kind “podcast”")
    expect(main).to_contain_text("Unknown theme “astrologi”")
    page.screenshot(path=f"{SHOTS}/knowledge-import-report.png", full_page=True)
    assert Resource.objects.count() == 6  # nothing is written before the confirmation

    # 3. Import the valid rows; the broken ones do not stop them.
    page.get_by_role("button", name="Import 335 new links").click()
    page.wait_for_load_state()
    run_tasks()
    expect(main).to_contain_text("335 links imported.", timeout=30_000)
    expect(main).to_contain_text("10 duplicates skipped.")
    expect(main).to_contain_text("5 rows with errors were not imported.")
    assert Resource.objects.count() == 6 + 335

    # 4. Download the broken rows, fix them, upload just those.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the 5 rows with errors (CSV)").click()
    downloaded = download_info.value.path().read_bytes().decode("utf-8-sig")
    broken = list(csv.DictReader(io.StringIO(downloaded)))
    assert len(broken) == 5 and all(row["errors"] for row in broken)
    repaired = fixed(broken)
    upload(page, csv_file([[row[column] for column in (*HEADER, "errors")] for row in repaired],
                          header=[*HEADER, "errors"]), "sed-lankar-errors.csv")
    run_tasks()
    expect(main).to_contain_text("5 new links", timeout=15_000)
    expect(main).to_contain_text("0 errors")
    page.get_by_role("button", name="Import 5 new links").click()
    page.wait_for_load_state()
    run_tasks()
    expect(main).to_contain_text("5 links imported.", timeout=15_000)
    assert Resource.objects.count() == 6 + 340
    assert LinkImport.objects.filter(status=LinkImport.Status.DONE).count() == 2

    # 5. The Swedish links are found by a search in Danish, and in Norwegian.
    page.goto("/search/?q=arbejdsintegrerende")
    expect(page.locator("main")).to_contain_text("Stöd för arbetsintegrerande sociala företag")
    page.goto("/search/?q=st%C3%B8tte+arbeidsintegrerende")
    expect(page.locator("main")).to_contain_text("Stöd för arbetsintegrerande sociala företag")
    page.get_by_role("link", name=re.compile("Stöd för arbetsintegrerande sociala företag")).first.click()
    expect(page.locator("h1")).to_contain_text("Stöd för arbetsintegrerande sociala företag")


def test_the_link_report_screenshot(context, page, live_server):
    curator_in(context, live_server, "en")
    checked = timezone.now() - timedelta(hours=3)
    ResourceFactory.create_batch(4, link_status=LinkStatus.OK, link_checked_at=checked)
    ResourceFactory(title="Socialt företagande i Malmö", url="https://malmo.example.se/socialt",
                    link_status=LinkStatus.BROKEN, link_status_code=404, link_error="Not Found",
                    link_checked_at=checked)
    ResourceFactory(title="Verktygslåda för samskapande", url="https://verktyg.example.se/",
                    link_status=LinkStatus.REDIRECTED, link_status_code=200, link_checked_at=checked,
                    link_final_url="https://www.verktyg.example.se/lada/ny-adress")
    FundingCallFactory(title="Lokal utviklingspulje", url="https://kommune.example.no/pulje",
                       link_status=LinkStatus.BROKEN, link_error="No answer within 10 seconds.",
                       link_checked_at=checked)

    page.goto("/knowledge/links/")
    expect(page.get_by_role("button", name=re.compile("Update to the new address"))).to_have_count(1)
    page.screenshot(path=f"{SHOTS}/knowledge-links.png", full_page=True)

    page.get_by_role("button", name=re.compile("Update to the new address")).click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("now links to https://www.verktyg.example.se/lada/ny-adress")
    assert Resource.objects.get(title="Verktygslåda för samskapande").url == \
        "https://www.verktyg.example.se/lada/ny-adress"

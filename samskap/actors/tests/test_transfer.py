"""Export of the directory and import of organisations: consent, round trips, duplicates, all-or-nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.exports import export_rows
from samskap.actors.imports import ImportFileError, RowResult, organisations_import, table_read
from samskap.actors.models import Membership, Organisation
from samskap.actors.tests.factories import OrganisationFactory
from samskap.core.models import Place, Theme

pytestmark = pytest.mark.django_db


HEADER = "name,country,org_number,kind,legal_form,municipality,website,description,description_language,themes\n"


def place(slug: str) -> Place:
    return Place.objects.get(slug=slug)


def csv_table(text: str, name: str = "organisations.csv"):
    return table_read(io.BytesIO(text.encode("utf-8")), name=name)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def download(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def export_csv(client, **params) -> list[dict]:
    params = {"format": "csv", "what": "organisations", **params}
    response = client.get(reverse("actors:organisation_export"), params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    text = download(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


# --- Export -------------------------------------------------------------------------------------


def test_the_people_export_lists_only_people_who_agreed_to_be_in_the_directory(client, hub_admin):
    UserFactory(name="Listed Lisa", listed_in_directory=True, skills="bookkeeping")
    UserFactory(name="Private Per", listed_in_directory=False, skills="secret skills")
    client.force_login(hub_admin)

    rows = export_csv(client, what="people")

    assert [row["name"] for row in rows] == ["Listed Lisa"]
    assert rows[0]["skills"] == "bookkeeping"


def test_the_people_export_shows_e_mail_and_phone_only_when_the_person_shows_them_to_everyone(client, hub_admin):
    UserFactory(name="Open Olga", email="olga@example.org", phone="+46 70 111", listed_in_directory=True,
                email_visibility="public", phone_visibility="public")
    UserFactory(name="Careful Carl", email="carl@example.org", phone="+46 70 222", listed_in_directory=True,
                email_visibility="members", phone_visibility="only_me")
    client.force_login(hub_admin)

    rows = {row["name"]: row for row in export_csv(client, what="people")}

    assert (rows["Open Olga"]["email"], rows["Open Olga"]["phone"]) == ("olga@example.org", "+46 70 111")
    assert (rows["Careful Carl"]["email"], rows["Careful Carl"]["phone"]) == ("", "")


def test_the_people_export_names_themes_place_and_organisations(client, hub_admin):
    person = UserFactory(name="Ahmed", listed_in_directory=True, place=place("no-oslo-toyen"))
    person.themes.set([Theme.objects.get(slug="loneliness")])
    organisation = OrganisationFactory(name="Tøyen Unlimited")
    Membership.objects.create(organisation=organisation, user=person)
    client.force_login(hub_admin)

    row = export_csv(client, what="people")[0]

    assert row["place"] == "Tøyen"
    assert row["organisations"] == "Tøyen Unlimited"
    assert row["themes"] == "Loneliness"


def test_the_organisation_export_leaves_out_contact_details_that_are_not_public(client, hub_admin):
    OrganisationFactory(name="Open", email="open@example.org", email_visibility="public")
    OrganisationFactory(name="Closed", email="closed@example.org", email_visibility="members")
    client.force_login(hub_admin)

    rows = {row["name"]: row for row in export_csv(client, what="organisations")}

    assert rows["Open"]["email"] == "open@example.org"
    assert rows["Closed"]["email"] == ""


def test_the_organisation_export_has_the_import_columns_and_the_page_address(client, hub_admin):
    organisation = OrganisationFactory(name="Malmö Återbruk", org_number="802322-7724", legal_form="se-ideell-forening",
                                       head_office=place("se-malmo"), is_verified=True,
                                       themes=[Theme.objects.get(slug="loneliness"),
                                               Theme.objects.get(slug="inclusion")])
    client.force_login(hub_admin)

    row = export_csv(client)[0]

    assert row["id"] == str(organisation.pk)
    assert row["municipality"] == "se-malmo"
    assert set(row["themes"].split(";")) == {"loneliness", "inclusion"}
    assert row["url"] == f"http://testserver/organisations/{organisation.slug}/"
    assert row["verified"] == "yes"


def test_the_export_can_be_limited_to_one_country(client, hub_admin):
    OrganisationFactory(name="Svensk", country="SE")
    OrganisationFactory(name="Dansk", country="DK")
    client.force_login(hub_admin)

    assert [row["name"] for row in export_csv(client, country="DK")] == ["Dansk"]


@pytest.mark.parametrize("what", ["organisations", "people"])
def test_the_csv_export_is_streamed_with_a_constant_number_of_queries(client, hub_admin, what):
    client.force_login(hub_admin)
    theme = Theme.objects.get(slug="loneliness")

    def queries_for_export() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("actors:organisation_export"), {"format": "csv", "what": what})
            assert len(download(response).splitlines()) == Organisation.objects.count() + 1
        assert response.streaming
        return len(captured)

    def add(count: int) -> None:
        for _n in range(count):
            organisation = OrganisationFactory(head_office=place("se-lund"), themes=[theme],
                                               areas_served=[place("se-skane")])
            person = UserFactory(listed_in_directory=True, place=place("se-lund"))
            person.themes.set([theme])
            Membership.objects.create(organisation=organisation, user=person)

    queries_for_export()  # the first request fills the caches (hub settings)
    add(5)
    with_5 = queries_for_export()
    add(45)
    assert queries_for_export() == with_5


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_guarded_in_csv(client, hub_admin):
    OrganisationFactory(name="=HYPERLINK(\"http://evil.example\")", phone="+47 22 33 44 55")
    client.force_login(hub_admin)

    row = export_csv(client)[0]

    assert row["name"].startswith("'=")
    assert row["phone"] == "+47 22 33 44 55"


def test_the_xlsx_export_is_a_workbook_with_text_cells(client, hub_admin):
    OrganisationFactory(name="=1+1")
    client.force_login(hub_admin)

    response = client.get(reverse("actors:organisation_export"), {"format": "xlsx", "what": "organisations"})

    sheet = load_workbook(io.BytesIO(download(response))).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["id", "name", "country"]
    assert sheet.cell(row=2, column=2).value == "=1+1"
    assert sheet.cell(row=2, column=2).data_type == "s"


# --- Round trips --------------------------------------------------------------------------------


def test_an_exported_csv_imported_again_finds_every_organisation_as_a_duplicate(client, hub_admin):
    OrganisationFactory(name="Reparera Rosengård", org_number="802322-7724", legal_form="se-ideell-forening",
                        head_office=place("se-malmo-rosengard"), website="https://reparera.example/",
                        themes=[Theme.objects.get(slug="loneliness")], offers="Verkstad", founded_year=2020)
    OrganisationFactory(name="Gellerup Inkubator", country="DK", description_language="da",
                        legal_form="dk-forening", head_office=place("dk-aarhus-gellerup"),
                        areas_served=[place("dk-aarhus")])
    OrganisationFactory(name="Uten nummer", country="NO", kind="association", description_language="nb")
    client.force_login(hub_admin)
    response = client.get(reverse("actors:organisation_export"), {"format": "csv", "what": "organisations"})

    table = table_read(io.BytesIO(download(response)), name="export.csv")
    report = organisations_import(table=table, by=hub_admin, dry_run=True)

    assert not report.has_errors, report.error_lines
    assert [row.status for row in report.rows] == [RowResult.DUPLICATE] * 3


def test_an_exported_csv_imported_with_update_changes_nothing(client, hub_admin):
    OrganisationFactory(name="Bergen Bydelskjøkken SA", country="NO", kind="work_integrating",
                        legal_form="no-samvirke", org_number="929 525 817", head_office=place("no-bergen"),
                        description_language="nb", themes=[Theme.objects.get(slug="work-integration")])
    client.force_login(hub_admin)
    response = client.get(reverse("actors:organisation_export"), {"format": "xlsx", "what": "organisations"})

    table = table_read(io.BytesIO(download(response)), name="export.xlsx")
    report = organisations_import(table=table, by=hub_admin, dry_run=True, update=True)

    assert not report.has_errors, report.error_lines
    assert [(row.status, row.changed) for row in report.rows] == [(RowResult.UNCHANGED, [])]


# --- Import -------------------------------------------------------------------------------------


def test_a_valid_csv_creates_the_organisations_with_places_themes_and_normalised_numbers(hub_admin):
    table = csv_table(HEADER +
                      "Testföreningen,SE,8023227724,association,Ideell förening,Malmö,www.test.example,"
                      "En förening.,sv,loneliness;inclusion\n"
                      "Dansk Værksted ApS,Danmark,DK 21054399,company,dk-aps,751,,Et værksted.,,\n"
                      "Tøyen Hage,NO,,association,no-forening,no-oslo-toyen,,,,\n")

    report = organisations_import(table=table, by=hub_admin)

    assert report.written and not report.has_errors
    swedish = Organisation.objects.get(name="Testföreningen")
    assert swedish.org_number == "802322-7724"
    assert swedish.head_office.slug == "se-malmo"
    assert swedish.website == "https://www.test.example"
    assert set(swedish.themes.values_list("slug", flat=True)) == {"loneliness", "inclusion"}
    assert swedish.created_by == hub_admin
    assert not swedish.memberships.exists()  # the importing admin does not become the organisation's admin
    danish = Organisation.objects.get(name="Dansk Værksted ApS")
    assert (danish.org_number, danish.head_office.slug, danish.sector, danish.description_language) == \
        ("21054399", "dk-aarhus", "private", "da")
    assert Organisation.objects.get(name="Tøyen Hage").head_office.slug == "no-oslo-toyen"


def test_a_broken_row_writes_nothing_and_the_report_names_its_row_and_column(hub_admin):
    table = csv_table(HEADER +
                      "Fint Företag,SE,,association,se-ideell-forening,se-lund,,,,\n"
                      "Dansk Fejl,DK,12345678,association,dk-forening,dk-aarhus,,,,\n")

    report = organisations_import(table=table, by=hub_admin)

    assert not report.written
    assert Organisation.objects.count() == 0
    assert report.error_lines == ["row 3, org_number: This is not a valid Danish CVR number."]


def test_each_kind_of_bad_value_is_reported_against_its_column(hub_admin):
    table = csv_table("name,country,kind,legal_form,municipality,themes,areas_served,founded_year\n"
                      "A,SE,association,dk-forening,Nowhere,no-such-theme,no-such-place,1700\n"
                      ",XX,spaceship,,,,,\n")

    report = organisations_import(table=table, by=hub_admin, dry_run=True)

    columns = {row.number: [column for column, _message in row.errors] for row in report.rows}
    assert set(columns[2]) == {"legal_form", "municipality", "themes", "areas_served", "founded_year"}
    assert {"name", "country", "kind"} <= set(columns[3])


def test_an_xlsx_workbook_is_imported(hub_admin):
    content = xlsx_bytes([
        ["Name", "Country", "Org number", "Kind", "Municipality", "Themes"],
        ["Grønland Sykkelverksted", "NO", 924820144, "social_enterprise", "no-oslo-gronland", "climate"],
        [None, None, None, None, None, None],
    ])

    report = organisations_import(table=table_read(io.BytesIO(content), name="orgs.xlsx"), by=hub_admin)

    assert report.written, report.error_lines
    organisation = Organisation.objects.get()
    assert (organisation.org_number, organisation.head_office.slug) == ("924 820 144", "no-oslo-gronland")


def test_a_semicolon_separated_csv_saved_by_excel_in_windows_1252_is_read():
    content = "name;country;kind;municipality\r\nLunds Förening;SE;association;Lund\r\n".encode("cp1252")

    table = table_read(io.BytesIO(content), name="excel.csv")

    assert table.rows == [(2, {"name": "Lunds Förening", "country": "SE", "kind": "association",
                               "municipality": "Lund"})]


def test_an_organisation_with_the_same_number_is_a_duplicate_and_is_skipped(hub_admin):
    existing = OrganisationFactory(name="Old Name", country="DK", org_number="21054399")
    table = csv_table("name,country,org_number,kind\nNew Name,DK,21 05 43 99,association\n")

    report = organisations_import(table=table, by=hub_admin)

    assert report.rows[0].status == RowResult.DUPLICATE
    assert report.rows[0].existing == existing
    assert Organisation.objects.count() == 1


def test_an_organisation_with_the_same_name_in_the_same_municipality_is_a_duplicate(hub_admin):
    existing = OrganisationFactory(name="Malmö Återbruk", head_office=place("se-malmo-rosengard"))
    table = csv_table("name,country,kind,municipality\n"
                      "MALMÖ ÅTERBRUK,SE,association,Malmö\n"
                      "Malmö Återbruk,SE,association,Lund\n")

    report = organisations_import(table=table, by=hub_admin, dry_run=True)

    assert report.rows[0].status == RowResult.DUPLICATE and report.rows[0].existing == existing
    assert report.rows[1].status == RowResult.NEW  # same name, another municipality


def test_with_update_a_duplicate_is_updated_instead_of_skipped(hub_admin):
    existing = OrganisationFactory(name="Café Kaffegal", country="DK", description="Old.", description_language="da",
                                   head_office=place("dk-aarhus"))
    table = csv_table("name,country,kind,municipality,description,themes\n"
                      "Café Kaffegal,DK,work_integrating,dk-aarhus,Ny beskrivelse.,work-integration\n")

    report = organisations_import(table=table, by=hub_admin, update=True)

    assert report.rows[0].status == RowResult.UPDATE
    assert set(report.rows[0].changed) >= {"kind", "description", "themes"}
    existing.refresh_from_db()
    assert (existing.description, existing.kind) == ("Ny beskrivelse.", "work_integrating")
    assert list(existing.themes.values_list("slug", flat=True)) == ["work-integration"]
    assert Organisation.objects.count() == 1


def test_two_rows_for_the_same_organisation_in_one_file_are_an_error(hub_admin):
    table = csv_table("name,country,org_number,kind\n"
                      "Första,SE,802322-7724,association\n"
                      "Andra,SE,8023227724,association\n")

    report = organisations_import(table=table, by=hub_admin)

    assert report.error_lines == ["row 3, org_number: Row 2 has the same organisation number."]
    assert Organisation.objects.count() == 0


def test_unknown_or_missing_columns_refuse_the_whole_file():
    with pytest.raises(ImportFileError, match="Unknown column “colour”"):
        csv_table("name,country,kind,colour\nA,SE,association,red\n")
    with pytest.raises(ImportFileError, match="kind"):
        csv_table("name,country\nA,SE\n")


def test_only_hub_admins_may_import(member):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        organisations_import(table=csv_table("name,country,kind\nA,SE,association\n"), by=member)


# --- The command ---------------------------------------------------------------------------------


def test_the_command_imports_a_file_and_reports_progress_on_stderr(tmp_path, capsys):
    path = tmp_path / "orgs.csv"
    path.write_text("name,country,kind,municipality\nStavanger Samvirke,NO,cooperative,Stavanger\n", encoding="utf-8")

    call_command("import_organisations", str(path))

    output = capsys.readouterr()
    assert "1/1 rows checked" in output.err
    assert "1 new" in output.out
    assert Organisation.objects.get().head_office.slug == "no-stavanger"


def test_the_command_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text("name,country,kind\nA,SE,association\n", encoding="utf-8")

    call_command("import_organisations", str(path), "--dry-run", verbosity=0)

    assert Organisation.objects.count() == 0


def test_the_command_exits_with_status_1_and_lists_the_errors_when_a_row_is_broken(tmp_path, capsys):
    path = tmp_path / "orgs.csv"
    path.write_text("name,country,org_number,kind\nA,SE,,association\nB,NO,123,association\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Nothing was imported") as error:
        call_command("import_organisations", str(path))

    assert error.value.returncode == 1
    assert "row 3, org_number: This is not a valid Norwegian organisation number." in capsys.readouterr().err
    assert Organisation.objects.count() == 0


def test_the_command_updates_duplicates_only_with_update(tmp_path):
    OrganisationFactory(name="A", country="SE", description="Old")
    path = tmp_path / "orgs.csv"
    path.write_text("name,country,kind,description\nA,SE,association,New\n", encoding="utf-8")

    call_command("import_organisations", str(path), verbosity=0)
    assert Organisation.objects.get().description == "Old"
    call_command("import_organisations", str(path), "--update", verbosity=0)
    assert Organisation.objects.get().description == "New"


def test_the_command_exits_with_status_1_for_a_file_of_another_type(tmp_path):
    path = tmp_path / "orgs.pdf"
    path.write_bytes(b"%PDF-1.4")

    with pytest.raises(CommandError, match="CSV") as error:
        call_command("import_organisations", str(path))
    assert error.value.returncode == 1


# --- The pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["actors:organisation_import", "actors:organisation_export"])
def test_only_hub_admins_reach_the_import_and_export_pages(client, member, hub_admin, name):
    url = reverse(name)
    assert client.get(url).status_code == 302  # to the log-in
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(hub_admin)
    assert client.get(url).status_code == 200


def test_a_member_cannot_download_an_export_by_its_address(client, member):
    client.force_login(member)
    assert client.get(reverse("actors:organisation_export"), {"format": "csv", "what": "people"}).status_code == 403


def upload(client, content: bytes, name: str = "orgs.csv", **data):
    return client.post(reverse("actors:organisation_import"),
                       {"file": SimpleUploadedFile(name, content), **data}, HTTP_ACCEPT_LANGUAGE="en")


def test_the_import_page_previews_every_row_and_writes_only_on_confirm(client, hub_admin, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    OrganisationFactory(name="Already Here", country="SE", org_number="802322-7724")
    client.force_login(hub_admin)

    response = upload(client, b"name,country,org_number,kind\n"
                              b"Already Here,SE,802322-7724,association\nBrand New,SE,,association\n")

    html = response.content.decode()
    assert response.status_code == 200
    assert "already in the directory, skipped" in html and "Brand New" in html
    assert Organisation.objects.count() == 1
    token = response.context["token"]
    response = client.post(reverse("actors:organisation_import_confirm"), {"token": token}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert "Import done: 1 organisation added, 0 updated." in client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert Organisation.objects.filter(name="Brand New").exists()
    assert not list((tmp_path / "imports").iterdir())  # the stored upload is gone


def test_the_import_page_shows_row_errors_and_offers_no_confirmation(client, hub_admin, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client.force_login(hub_admin)

    response = upload(client, HEADER.encode() + "Dansk Fejl,DK,12345678,association,,,,,,\n".encode())

    html = response.content.decode()
    assert "row 2, org_number: This is not a valid Danish CVR number." in html
    assert "Nothing was saved" in html
    assert response.context["token"] == ""
    assert Organisation.objects.count() == 0


def test_a_confirmation_without_a_matching_preview_writes_nothing(client, hub_admin):
    client.force_login(hub_admin)
    response = client.post(reverse("actors:organisation_import_confirm"), {"token": "guessed"})
    assert response.status_code == 302
    assert Organisation.objects.count() == 0


def test_the_import_page_refuses_files_of_another_type(client, hub_admin):
    client.force_login(hub_admin)
    response = upload(client, b"%PDF-1.4 not a spreadsheet", name="orgs.pdf")
    assert "Choose a CSV file (.csv) or an Excel workbook (.xlsx)." in response.content.decode()


def test_the_import_page_refuses_files_over_10_mb(client, hub_admin):
    client.force_login(hub_admin)
    big = HEADER.encode() + b"x" * (10 * 1024 * 1024)
    response = upload(client, big)
    assert "The file is larger than 10 MB" in response.content.decode()


def test_the_import_page_sends_files_of_more_than_2000_rows_to_the_command(client, hub_admin):
    client.force_login(hub_admin)
    rows = "".join(f"Org {n},SE,association\n" for n in range(2001))
    response = upload(client, ("name,country,kind\n" + rows).encode())
    html = response.content.decode()
    assert "2,001" in html and "import_organisations" in html
    assert Organisation.objects.count() == 0


def test_the_import_page_reads_xlsx_uploads(client, hub_admin, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client.force_login(hub_admin)
    content = xlsx_bytes([["name", "country", "kind"], ["Aalborg Andel", "DK", "cooperative"]])

    response = upload(client, content, name="orgs.xlsx")

    assert response.context["report"].counts[RowResult.NEW] == 1
    client.post(reverse("actors:organisation_import_confirm"), {"token": response.context["token"]})
    assert Organisation.objects.filter(name="Aalborg Andel", legal_form="").exists()


def test_export_rows_follow_the_header():
    OrganisationFactory()
    header, rows = export_rows("organisations")
    assert len(next(rows)) == len(header)

"""The curators' import, export and link-report pages: who may use them, the upload → check → confirm →
report flow with its progress partial, and constant query counts."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from samskap.accounts.tests.factories import make_user_for_role
from samskap.knowledge.models import LinkImport, LinkStatus, Resource

from .factories import FundingCallFactory, ResourceFactory
from .test_imports import csv_bytes, good_rows

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def curator(db):
    return make_user_for_role("facilitator")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def an_import(curator, **fields) -> LinkImport:
    return LinkImport.objects.create(file_name="links.csv", created_by=curator, **fields)


def upload(client, data: bytes, name="links.csv", language="sv"):
    return client.post(reverse("knowledge:import"), {"file": SimpleUploadedFile(name, data), "language": language},
                       **EN)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# ---------------------------------------------------------------------------------------------
# Who may


def endpoints(link_import, resource):
    return [
        ("get", reverse("knowledge:import"), {}),
        ("get", reverse("knowledge:import_detail", args=[link_import.pk]), {}),
        ("get", reverse("knowledge:import_progress", args=[link_import.pk]), {}),
        ("post", reverse("knowledge:import_confirm", args=[link_import.pk]), {}),
        ("get", reverse("knowledge:import_errors", args=[link_import.pk]), {}),
        ("get", reverse("knowledge:export"), {"format": "csv"}),
        ("get", reverse("knowledge:links"), {}),
        ("post", reverse("knowledge:links_check"), {}),
        ("post", reverse("knowledge:links_accept_redirect"), {"resource": resource.pk}),
    ]


@pytest.mark.parametrize("role, allowed", [
    ("anonymous", False), ("member", False), ("organisation_admin", False), ("mentor", False),
    ("facilitator", True), ("hub_admin", True),
])
def test_only_curators_use_the_import_export_and_link_report(client, role, allowed):
    owner = make_user_for_role("facilitator")
    link_import = an_import(owner, status="checked", report={"counts": {"new": 0}})
    resource = ResourceFactory()
    user = make_user_for_role(role)
    if role != "anonymous":
        client.force_login(user)

    for method, url, data in endpoints(link_import, resource):
        response = getattr(client, method)(url, data, **EN)
        if role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
        elif allowed:
            assert response.status_code in (200, 302), url
            assert "/accounts/login/" not in response.get("Location", ""), url
        else:
            assert response.status_code == 403, url


# ---------------------------------------------------------------------------------------------
# The import flow


def test_the_import_page_has_the_form_the_columns_and_recent_imports(curator_client, curator):
    an_import(curator, status="done", report={"created": 12, "counts": {"new": 12, "duplicate": 1, "error": 0}})
    an_import(curator, status="checked", report={"counts": {"new": 4, "duplicate": 2, "error": 3}})

    page = text(curator_client.get(reverse("knowledge:import"), **EN))

    assert 'type="file"' in page and 'name="language"' in page
    assert "<code>themes</code>" in page and "separated by semicolons" in page
    assert "12 links imported" in page
    assert "4 new, 2 duplicates, 3 errors" in page
    assert 'id="export_format_0"' in page  # the export form, with ids of its own


def test_an_upload_is_checked_in_the_background_then_imported_on_confirmation(
        curator_client, curator, run_tasks, django_capture_on_commit_callbacks):
    ResourceFactory(title="Redan här", url="https://stod.example.se/program/1")
    rows = good_rows(4) + [("", "https://no-title.example.org", "", "", "", ""),
                           ("Bad kind", "https://kind.example.org", "", "podcast", "", "")]

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(curator_client, csv_bytes(rows))
    link_import = LinkImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:import_detail", args=[link_import.pk])
    assert (link_import.created_by, link_import.file_name, link_import.status) == (curator, "links.csv", "checking")

    page = text(curator_client.get(response["Location"], **EN))
    progress_url = reverse("knowledge:import_progress", args=[link_import.pk])
    assert f'hx-get="{progress_url}" hx-trigger="every 1s"' in page
    assert '<label class="ds-label" for="import-progress-bar">Checking the rows</label>' in page
    assert 'role="status" aria-live="polite"' in page

    run_tasks()

    partial = text(curator_client.get(progress_url, **EN))
    assert "hx-trigger" not in partial  # the poll stops
    assert 'id="import-announcement" hx-swap-oob="innerHTML"' in partial
    assert "The check is finished: 6 rows, 3 new links, 1 duplicate, 2 errors." in partial
    page = text(curator_client.get(reverse("knowledge:import_detail", args=[link_import.pk]), **EN))
    assert "6 rows: <strong>3 new links</strong>, <strong>1 duplicate</strong>, <strong>2 errors</strong>" in page
    assert "Import 3 new links" in page
    assert "you can import the valid rows now" in page
    assert "<td>6</td><td><code>title</code></td><td>The title is missing.</td>" in page
    assert "<td>7</td><td><code>kind</code></td><td>Unknown kind “podcast”." in page
    assert "Redan här" in page and "in the knowledge base" in page
    assert Resource.objects.count() == 1  # nothing written before the confirmation

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(reverse("knowledge:import_confirm", args=[link_import.pk]), **EN)
    assert response.status_code == 302
    page = text(curator_client.get(response["Location"], **EN))
    assert "Importing the new links" in page and 'hx-trigger="every 1s"' in page
    assert Resource.objects.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()

    page = text(curator_client.get(reverse("knowledge:import_detail", args=[link_import.pk]), **EN))
    assert "Import finished" in page
    assert "3 links imported. 1 duplicate skipped. 2 rows with errors were not imported." in page
    assert "Download the 2 rows with errors (CSV)" in page
    assert Resource.objects.count() == 4

    errors = curator_client.get(reverse("knowledge:import_errors", args=[link_import.pk]), **EN)
    assert errors["Content-Disposition"] == 'attachment; filename="links-errors.csv"'
    sheet = list(csv.DictReader(io.StringIO(errors.content.decode("utf-8-sig"))))
    assert [(row["url"], row["errors"]) for row in sheet] == [
        ("https://no-title.example.org", "title: The title is missing."),
        ("https://kind.example.org", "kind: Unknown kind “podcast”. Use one of: method, tool, guide, report, case, "
                                     "template, link, video.")]


def test_a_second_confirmation_changes_nothing(curator_client, curator):
    link_import = an_import(curator, status="importing", report={"counts": {"new": 3}})

    response = curator_client.post(reverse("knowledge:import_confirm", args=[link_import.pk]), follow=True, **EN)

    assert "not waiting for a confirmation" in text(response)
    assert not DBTaskResult.objects.exists()


def test_a_file_that_cannot_be_read_says_why(curator_client, run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(curator_client, csv_bytes(good_rows(5001)))
    run_tasks()

    page = text(curator_client.get(reverse("knowledge:import_detail", args=[LinkImport.objects.get().pk]), **EN))

    assert "The file could not be imported" in page
    assert "This file has 5,001 links; at most 5,000 can be imported at a time." in page
    assert Resource.objects.count() == 0


@pytest.mark.parametrize("name, data, message", [
    ("links.pdf", b"%PDF-1.4", "Choose a CSV file (.csv) or an Excel workbook (.xlsx)."),
    ("links.csv", b"title,url\n" + b"x" * (10 * 1024 * 1024), "The file is larger than 10 MB."),
])
def test_wrong_files_are_refused_on_the_form(curator_client, name, data, message):
    response = upload(curator_client, data, name=name)

    assert response.status_code == 200
    assert message in text(response)
    assert 'class="ds-error-summary"' in text(response)
    assert not LinkImport.objects.exists()


def test_a_member_cannot_upload(client, member):
    client.force_login(member)

    assert upload(client, csv_bytes(good_rows(1))).status_code == 403
    assert not LinkImport.objects.exists()


# ---------------------------------------------------------------------------------------------
# The link report


def test_the_link_report_lists_broken_and_moved_links_with_what_was_found(curator_client):
    ResourceFactory(title="Link that works", link_status=LinkStatus.OK)
    broken = ResourceFactory(title="Gone", link_status=LinkStatus.BROKEN, link_status_code=404,
                             link_error="Not Found")
    moved = ResourceFactory(title="Moved on", link_status=LinkStatus.REDIRECTED, link_status_code=200,
                            link_final_url="https://new.example.org/here")
    call = FundingCallFactory(title="Dead call", link_status=LinkStatus.BROKEN, link_error="No connection: refused")

    page = text(curator_client.get(reverse("knowledge:links"), **EN))

    assert "Gone" in page and "HTTP 404: Not Found" in page
    assert "now at <span class=\"url-cell\">https://new.example.org/here</span>" in page
    assert "Dead call" in page and "No connection: refused" in page
    assert "Link that works" not in page
    assert reverse("knowledge:resource_edit", args=[broken.slug]) in page
    assert reverse("knowledge:funding_call_edit", args=[call.slug]) in page
    assert page.count("Update to the new address") == 1
    assert f'name="resource" value="{moved.pk}"' in page
    assert "<dt>Broken</dt><dd>2</dd>" in page


def test_check_again_starts_the_link_check_in_the_background(curator_client, django_capture_on_commit_callbacks):
    resource = ResourceFactory(link_status=LinkStatus.BROKEN)

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(reverse("knowledge:links_check"), follow=True, **EN)
    assert "All links are being checked in the background" in text(response)
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(reverse("knowledge:links_check"), {"resource": resource.pk}, **EN)

    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [task.task_path for task in tasks] == ["samskap.knowledge.tasks.link_check_task"] * 2
    assert tasks[0].args_kwargs["kwargs"] == {}
    assert tasks[1].args_kwargs["kwargs"] == {"resource_ids": [resource.pk], "call_ids": []}


def test_a_curator_updates_a_moved_link_to_its_new_address(curator_client, django_capture_on_commit_callbacks):
    moved = ResourceFactory(title="Moved on", url="https://old.example.org", link_status=LinkStatus.REDIRECTED,
                            link_final_url="https://new.example.org/here")

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(reverse("knowledge:links_accept_redirect"), {"resource": moved.pk},
                                       follow=True, **EN)

    assert "“Moved on” now links to https://new.example.org/here." in text(response)
    moved.refresh_from_db()
    assert (moved.url, moved.link_status) == ("https://new.example.org/here", LinkStatus.OK)
    assert "Moved on" not in text(curator_client.get(reverse("knowledge:links"), **EN)).split("Resources")[1]


# ---------------------------------------------------------------------------------------------
# Query counts


def test_the_pages_take_a_constant_number_of_queries(curator_client, curator, django_assert_max_num_queries):
    for _ in range(12):
        an_import(curator, status="checked", report={"counts": {"new": 1, "duplicate": 0, "error": 0},
                                                     "rows": [{"row": 2, "status": "new", "title": "A", "url": "u"}]})
    ResourceFactory.create_batch(15, link_status=LinkStatus.BROKEN)
    FundingCallFactory.create_batch(5, link_status=LinkStatus.REDIRECTED, link_final_url="https://x.example.org")
    detail = LinkImport.objects.first()
    curator_client.get(reverse("knowledge:import"), **EN)  # the hub settings are made on the first request

    for url in (reverse("knowledge:import"), reverse("knowledge:import_detail", args=[detail.pk]),
                reverse("knowledge:import_progress", args=[detail.pk]), reverse("knowledge:links")):
        with django_assert_max_num_queries(10):
            assert curator_client.get(url, **EN).status_code == 200


def test_long_lists_on_the_report_are_cut_but_counted(curator_client, curator):
    rows = [{"row": n + 2, "status": "duplicate", "title": f"T{n}", "url": f"https://x.example.org/{n}",
             "duplicate_of_row": 1} for n in range(620)]
    link_import = an_import(curator, status="checked", report={
        "rows": rows, "counts": {"new": 0, "duplicate": 620, "error": 0}})

    page = text(curator_client.get(reverse("knowledge:import_detail", args=[link_import.pk]), **EN))

    assert "620 duplicates" in page
    assert "The first 500 duplicates are shown." in page
    assert page.count("https://x.example.org/") == 500
    assert "There is nothing to import" in page

"""Hub admins export the directory and import organisations: upload → preview per row → confirm."""

import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from samskap.core.permissions import is_hub_admin

from .exports import ExportForm, export_response
from .imports import (
    COLUMNS,
    MAX_WEB_ROWS,
    REQUIRED_COLUMNS,
    ImportFileError,
    ImportUploadForm,
    RowResult,
    organisations_import,
    table_read,
)

SESSION_KEY = "organisation_import"
UPLOAD_SUFFIXES = {".csv", ".txt", ".xlsx"}
UPLOAD_KEEP_SECONDS = 24 * 60 * 60


def _hub_admin_only(request) -> None:
    if not is_hub_admin(request.user):
        raise PermissionDenied


def _uploads_dir() -> Path:
    # Not under MEDIA_ROOT: uploaded files are served publicly, an import file is not.
    path = Path(settings.DATA_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _forget_abandoned_uploads() -> None:
    """Previews that were never confirmed: their files go after a day."""
    too_old = time.time() - UPLOAD_KEEP_SECONDS
    for path in _uploads_dir().iterdir():
        if path.is_file() and path.stat().st_mtime < too_old:
            path.unlink(missing_ok=True)


def _stored_upload(request) -> tuple[Path, str, bool] | None:
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("token") != request.POST.get("token"):
        return None
    path = _uploads_dir() / pending["stored"]
    return (path, pending["name"], pending["update"]) if path.exists() else None


def _forget_upload(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        (_uploads_dir() / pending["stored"]).unlink(missing_ok=True)


@login_required
@require_http_methods(["GET", "HEAD"])
def organisation_export(request):
    _hub_admin_only(request)
    form = ExportForm(request.GET if "format" in request.GET else None)
    if form.is_bound and form.is_valid():
        site_url = request.build_absolute_uri("/").rstrip("/")
        return export_response(what=form.cleaned_data["what"], file_format=form.cleaned_data["format"],
                               country=form.cleaned_data["country"], site_url=site_url)
    return render(request, "actors/transfer_export.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_import(request):
    """Upload a file and see what would happen to every row; nothing is written yet."""
    _hub_admin_only(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "columns": COLUMNS, "required_columns": REQUIRED_COLUMNS, "max_rows": MAX_WEB_ROWS}
    if request.method != "POST" or not form.is_valid():
        return render(request, "actors/transfer_import.html", context)
    upload = form.cleaned_data["file"]
    try:
        table = table_read(upload, name=upload.name)
        if len(table.rows) > MAX_WEB_ROWS:
            raise ImportFileError(_(
                "This file has %(rows)s organisations; the page imports at most %(max)s at a time. Split the file, "
                "or ask the operator to run manage.py import_organisations, which has no limit."
            ) % {"rows": number_format(len(table.rows), force_grouping=True),
                  "max": number_format(MAX_WEB_ROWS, force_grouping=True)})
    except ImportFileError as error:
        form.add_error("file", str(error))
        return render(request, "actors/transfer_import.html", context)
    report = organisations_import(table=table, by=request.user, dry_run=True, update=form.cleaned_data["update"])
    token = ""
    if not report.has_errors and report.to_write:
        _forget_upload(request)
        _forget_abandoned_uploads()
        token = secrets.token_urlsafe(24)
        suffix = Path(upload.name).suffix.lower()
        stored = f"{token}{suffix if suffix in UPLOAD_SUFFIXES else '.csv'}"
        with open(_uploads_dir() / stored, "wb") as destination:
            upload.seek(0)
            for chunk in upload.chunks():
                destination.write(chunk)
        request.session[SESSION_KEY] = {"token": token, "stored": stored, "name": upload.name,
                                        "update": form.cleaned_data["update"]}
    return render(request, "actors/transfer_import_preview.html",
                  {"report": report, "file_name": upload.name, "token": token})


@login_required
@require_POST
def organisation_import_confirm(request):
    """Write the previewed file: all rows or, if anything changed since the preview and a row fails, none."""
    _hub_admin_only(request)
    stored = _stored_upload(request)
    if stored is None:
        messages.error(request, _("That preview has expired. Upload the file again."))
        return redirect("actors:organisation_import")
    path, name, update = stored
    with open(path, "rb") as file:
        try:
            table = table_read(file, name=name)
        except ImportFileError as error:
            _forget_upload(request)
            messages.error(request, str(error))
            return redirect("actors:organisation_import")
    report = organisations_import(table=table, by=request.user, update=update)
    _forget_upload(request)
    if report.written:
        added, updated = report.count(RowResult.NEW), report.count(RowResult.UPDATE)
        messages.success(request, ngettext(
            "Import done: %(added)s organisation added, %(updated)s updated.",
            "Import done: %(added)s organisations added, %(updated)s updated.", added,
        ) % {"added": added, "updated": updated})
        return redirect("actors:organisations")
    return render(request, "actors/transfer_import_preview.html", {"report": report, "file_name": name, "token": ""})

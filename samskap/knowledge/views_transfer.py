"""Curators import and export links and read the link report.

Import: upload → a background check of every row, with a progress bar polled by htmx → the per-row report
→ "Import N new links" → a background write, with progress → the final report and the rows with errors as
CSV. Nothing is written before the confirmation.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models.fields.json import KeyTransform
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .exports import LinkExportForm, links_export_response
from .imports import (COLUMNS, MAX_ROWS, LinkImportForm, LinkRow, default_language, error_rows_lines,
                      link_import_confirm, link_import_start)
from .linkcheck import link_check_start, link_redirect_accept, links_for_attention
from .models import FundingCall, LinkImport, Resource, ResourceKind

RECENT_IMPORTS = 10
ROWS_SHOWN = 500  # of each list on the report; the counts and the error file have them all


def _curators_only(request) -> None:
    if not request.user.has_perm("knowledge.curate"):
        raise PermissionDenied


def _count_phrases(counts: dict) -> dict[str, str]:
    new, duplicates, errors = (counts.get(key, 0) for key in (LinkRow.NEW, LinkRow.DUPLICATE, LinkRow.ERROR))
    return {
        "new": ngettext("%(count)s new link", "%(count)s new links", new) % {"count": new},
        "duplicates": ngettext("%(count)s duplicate", "%(count)s duplicates", duplicates) % {"count": duplicates},
        "errors": ngettext("%(count)s error", "%(count)s errors", errors) % {"count": errors},
    }


def _import_context(link_import: LinkImport) -> dict:
    """What the import page shows in every state: progress, the report of the check, the final report.

    While the worker is busy only the progress is shown (the page polls it every second), so the report,
    which may hold thousands of rows, is read only once the work is done."""
    Status = LinkImport.Status
    context = {
        "link_import": link_import,
        "working": link_import.status in (Status.CHECKING, Status.IMPORTING),
        "percent": round(100 * link_import.progress / link_import.total) if link_import.total else 0,
        "shown_max": ROWS_SHOWN,
    }
    if context["working"]:
        return context
    report = link_import.report or {}
    rows = report.get("rows", [])
    counts = report.get("counts", {})
    phrases = _count_phrases(counts)
    error_lines = [{"row": row["row"], "column": column, "message": message}
                   for row in rows if row.get("status") == LinkRow.ERROR for column, message in row.get("errors", [])]
    duplicates = [row for row in rows if row.get("status") == LinkRow.DUPLICATE]
    new_rows = [row for row in rows if row.get("status") == LinkRow.NEW]
    created = report.get("created", 0)
    if link_import.status == Status.DONE:
        announcement = " ".join((
            ngettext("Import finished: %(count)s link imported.", "Import finished: %(count)s links imported.",
                     created) % {"count": created},
            ngettext("%(count)s duplicate skipped.", "%(count)s duplicates skipped.",
                     counts.get(LinkRow.DUPLICATE, 0)) % {"count": counts.get(LinkRow.DUPLICATE, 0)},
            ngettext("%(count)s row with errors not imported.", "%(count)s rows with errors not imported.",
                     counts.get(LinkRow.ERROR, 0)) % {"count": counts.get(LinkRow.ERROR, 0)},
        ))
    elif link_import.status == Status.CHECKED:
        announcement = _("The check is finished: %(rows)s rows, %(new)s, %(duplicates)s, %(errors)s.") % {
            "rows": len(rows), **phrases}
    else:
        announcement = report.get("error", "")
    context.update({
        "rows_total": len(rows),
        "counts": counts,
        "phrases": phrases,
        "new_count": counts.get(LinkRow.NEW, 0),
        "error_count": counts.get(LinkRow.ERROR, 0),
        # Long lists are cut: the counts say how many there are, and the error rows can be downloaded whole.
        "error_lines": error_lines[:ROWS_SHOWN], "error_lines_cut": len(error_lines) > ROWS_SHOWN,
        "duplicates": duplicates[:ROWS_SHOWN], "duplicates_cut": len(duplicates) > ROWS_SHOWN,
        "new_rows": new_rows[:ROWS_SHOWN], "new_rows_cut": len(new_rows) > ROWS_SHOWN,
        "new_rows_count": len(new_rows),
        "created": created,
        "file_error": report.get("error", ""),
        "announcement": announcement,
    })
    return context


# ---------------------------------------------------------------------------------------------
# Import


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def link_import(request):
    """The upload form, the import format and the recent imports."""
    _curators_only(request)
    form = LinkImportForm(request.POST or None, request.FILES or None,
                          initial={"language": default_language(request.user)})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        started = link_import_start(file=upload, name=upload.name, by=request.user,
                                    language=form.cleaned_data["language"])
        return redirect("knowledge:import_detail", pk=started.pk)
    recent = (LinkImport.objects.select_related("created_by").defer("report")
              .annotate(counts=KeyTransform("counts", "report"), created=KeyTransform("created", "report"))
              .order_by("-created_at", "-id")[:RECENT_IMPORTS])
    return render(request, "knowledge/import.html", {
        "form": form, "export_form": LinkExportForm(auto_id="export_%s"), "columns": COLUMNS,
        "kinds": ResourceKind.values, "max_rows": number_format(MAX_ROWS, force_grouping=True), "recent": recent,
    })


@login_required
@require_GET
def link_import_detail(request, pk: int):
    _curators_only(request)
    link_import = get_object_or_404(LinkImport.objects.select_related("created_by").defer("report"), pk=pk)
    return render(request, "knowledge/import_detail.html", _import_context(link_import))


@login_required
@require_GET
def link_import_progress(request, pk: int):
    """The progress bar or, once the work is done, the report: polled by the import page every second."""
    _curators_only(request)
    link_import = get_object_or_404(LinkImport.objects.select_related("created_by").defer("report"), pk=pk)
    context = _import_context(link_import)
    context["announce"] = not context["working"]
    return render(request, "knowledge/partials/import_status.html", context)


@login_required
@require_POST
def link_import_confirm_view(request, pk: int):
    _curators_only(request)
    link_import = get_object_or_404(LinkImport, pk=pk)
    if not link_import_confirm(link_import=link_import, by=request.user):
        messages.info(request, _("This import is not waiting for a confirmation (any more)."))
    return redirect("knowledge:import_detail", pk=link_import.pk)


@login_required
@require_GET
def link_import_errors(request, pk: int):
    """The rows with errors, as CSV in the import format, to fix and upload again."""
    _curators_only(request)
    link_import = get_object_or_404(LinkImport, pk=pk)
    stem = link_import.file_name.rsplit(".", 1)[0] or "links"
    response = HttpResponse("".join(error_rows_lines(link_import.report or {})), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_safe_file_name(stem)}-errors.csv"'
    return response


def _safe_file_name(stem: str) -> str:
    return "".join(c if (c.isascii() and c.isalnum()) or c in "-_." else "-" for c in stem)[:80] or "links"


# ---------------------------------------------------------------------------------------------
# Export


@login_required
@require_http_methods(["GET", "HEAD"])
def link_export(request):
    _curators_only(request)
    form = LinkExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect("knowledge:import")
    data = form.cleaned_data
    return links_export_response(file_format=data["format"], site_url=request.build_absolute_uri("/").rstrip("/"),
                                 kind=data["kind"], theme=data["theme"], language=data["language"])


# ---------------------------------------------------------------------------------------------
# The link report


@login_required
@require_GET
def links_report(request):
    _curators_only(request)
    return render(request, "knowledge/links.html", links_for_attention())


def _posted_id(request, name: str) -> int | None:
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else None


@login_required
@require_POST
def links_check_view(request):
    """Check all links again, or one resource's or call's."""
    _curators_only(request)
    resource_id, call_id = _posted_id(request, "resource"), _posted_id(request, "call")
    if resource_id or call_id:
        link_check_start(by=request.user, resource_ids=[resource_id] if resource_id else [],
                         call_ids=[call_id] if call_id else [])
        messages.success(request, _("The link is being checked. Reload this page in a minute to see the result."))
    else:
        link_check_start(by=request.user)
        messages.success(request, _("All links are being checked in the background. This takes a while: each "
                                    "site is asked politely, one page at a time. Reload this page later."))
    return redirect("knowledge:links")


@login_required
@require_POST
def links_accept_redirect(request):
    """Use the new address of a moved link."""
    _curators_only(request)
    resource_id, call_id = _posted_id(request, "resource"), _posted_id(request, "call")
    if resource_id:
        obj = get_object_or_404(Resource, pk=resource_id)
    elif call_id:
        obj = get_object_or_404(FundingCall, pk=call_id)
    else:
        messages.error(request, _("Choose a link to update."))
        return redirect("knowledge:links")
    moved_to = obj.link_final_url
    changed = link_redirect_accept(obj=obj, by=request.user)
    if changed.url == moved_to and moved_to:
        messages.success(request, _("“%(title)s” now links to %(url)s.") % {"title": changed.title, "url": moved_to})
    else:
        messages.info(request, _("“%(title)s” had not moved; nothing was changed.") % {"title": changed.title})
    return redirect("knowledge:links")


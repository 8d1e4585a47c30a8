"""Export the knowledge base's links (published resources with a web address) as CSV or XLSX, in the import
format plus `id`, `page_url` and `link_status`: an exported file can be edited and imported again (its rows
are then duplicates, skipped). Cells are written formula-safe (samskap.actors.exports)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django import forms
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from samskap.actors.exports import XLSX_CONTENT_TYPE, csv_lines, xlsx_file
from samskap.actors.models import ContentLanguage
from samskap.core.models import Theme
from samskap.core.selectors import themes_for_filters

from .imports import COLUMNS, LIST_SEPARATOR
from .models import Resource, ResourceKind

CHUNK = 2000
HEADER = ["id", *COLUMNS, "page_url", "link_status"]


class LinkExportForm(forms.Form):
    FORMATS = [("csv", _("CSV (comma-separated, UTF-8)")), ("xlsx", _("Excel workbook (.xlsx)"))]

    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="csv", widget=forms.RadioSelect)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + list(ResourceKind.choices)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.label) for theme in themes_for_filters()]
        self.fields["language"].choices = [("", _("All languages"))] + list(ContentLanguage.choices)


def links_for_export(*, kind: str = "", theme: str = "", language: str = "") -> QuerySet[Resource]:
    resources = (Resource.objects.published().exclude(url="")
                 .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("id", "slug"))))
    if kind:
        resources = resources.filter(kind=kind)
    if theme:
        resources = resources.filter(themes__slug=theme)
    if language:
        resources = resources.filter(language=language)
    return resources.order_by("id")


def link_row(resource: Resource, *, site_url: str = "") -> list[str]:
    values = {
        "id": resource.pk,
        "title": resource.title,
        "url": resource.url,
        "description": resource.summary,
        "kind": resource.kind,
        "themes": LIST_SEPARATOR.join(theme.slug for theme in resource.themes.all()),
        "language": resource.language,
        "page_url": site_url + resource.get_absolute_url(),
        "link_status": resource.link_status,
    }
    return [str(values[column]) for column in HEADER]


def export_rows(*, site_url: str = "", **filters: str) -> Iterator[list[str]]:
    for resource in links_for_export(**filters).iterator(chunk_size=CHUNK):
        yield link_row(resource, site_url=site_url)


def links_export_response(*, file_format: str, site_url: str = "", kind: str = "", theme: str = "",
                          language: str = ""):
    """A download of the links: a streamed CSV, or an XLSX workbook."""
    rows = export_rows(site_url=site_url, kind=kind, theme=theme, language=language)
    stem = "-".join(["links", *(value for value in (kind, theme, language) if value),
                     datetime.date.today().isoformat()])
    if file_format == "xlsx":
        return FileResponse(xlsx_file(HEADER, rows, title="links"), as_attachment=True, filename=f"{stem}.xlsx",
                            content_type=XLSX_CONTENT_TYPE)
    response = StreamingHttpResponse(csv_lines(HEADER, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    return response

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .forms import HubSettingsForm
from .fragments import SEARCH, cached_fragment
from .search import SEARCH_KINDS
from .selectors import hub_settings_get, search_page, search_query_parse
from .services import hub_settings_update


def home(request):
    return render(request, "core/home.html")


def accessibility_statement(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")


@require_safe
def healthz(request):
    """Answer without touching the database: for load balancers, and the ceiling in `make bench`."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def hub_settings_edit(request):
    if not request.user.has_perm("core.change_hubsettings"):
        raise PermissionDenied
    hub = hub_settings_get()
    form = HubSettingsForm(request.POST or None, request.FILES or None, instance=hub)
    if request.method == "POST" and form.is_valid():
        hub_settings_update(by=request.user, **{name: form.cleaned_data[name] for name in form.changed_data})
        messages.success(request, _("The hub settings were saved."))
        return redirect("core:hub_settings")
    return render(request, "core/hub_settings.html", {"form": form})


SEARCH_PER_PAGE = 20
SEARCH_PER_KIND = 5


@require_safe
def _search_context(request, query: str, kind: str) -> dict:
    context = {"query": query, "kind": kind, "groups": [], "page": None, "total": 0, "capped": False,
               "filters": [{"kind": key, "label": search_kind.label} for key, search_kind in SEARCH_KINDS.items()]}
    if query:
        parsed = search_query_parse(query)
        number = int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1
        found = search_page(query=parsed, kind=kind or None, limit=SEARCH_PER_PAGE,
                            offset=(max(number, 1) - 1) * SEARCH_PER_PAGE, per_kind=SEARCH_PER_KIND)
        if kind:
            page = Paginator(range(found.counts.get(kind, 0)), SEARCH_PER_PAGE).get_page(number)
            if page.number != number:  # past the end, from an old link: the last page instead
                found = search_page(query=parsed, kind=kind, limit=SEARCH_PER_PAGE,
                                    offset=(page.number - 1) * SEARCH_PER_PAGE)
            context.update(page=page, page_range=page.paginator.get_elided_page_range(page.number, on_ends=1))
        context.update(groups=found.groups, total=found.total, capped=found.capped, count_limit=found.count_limit)
        for search_filter in context["filters"]:
            search_filter["count"] = found.counts.get(search_filter["kind"], 0)
    return context


def search(request):
    """Results for the header's search box: the best of each kind, or one kind page by page.

    The index holds only what everyone may find, so a result page is the same for every viewer: it is
    cached until the index changes (samskap.core.fragments, generation "search").
    """
    query = " ".join(request.GET.get("q", "").split())[:200]
    kind = request.GET.get("kind", "")
    if kind not in SEARCH_KINDS:
        kind = ""
    content = cached_fragment(request, "core/partials/search_content.html",
                              partial(_search_context, request, query, kind),
                              key=("search", query, kind, request.GET.get("page", "")), generations=(SEARCH,))
    return render(request, "core/search.html", {"query": query, "cached_content": content})

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors, selectors_map, selectors_people
from .forms import OrganisationFilterForm
from .views_people import filter_problems, page_number


def organisation_map(request):
    """The directory on a map, with the same organisations as a list below it (which works without the map)."""
    form = OrganisationFilterForm(request.GET or None, themes=selectors.filter_themes())
    filters = form.valid_filters() if form.is_bound else {}
    problems = filter_problems(request, form) if form.is_bound else []
    organisations = selectors.organisation_list(filters=filters, sort=filters.get("sort", "name"))
    page = selectors_people.page_with_total(
        selectors_map.organisations_located(organisations), number=page_number(request),
        per_page=selectors_map.ORGANISATIONS_PER_MAP,
    )
    points = [selectors_map.map_point(organisation) for organisation in page.items]
    map_data = {
        "tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
        "organisations": [point.as_json() for point in points],
        "labels": {
            "map": _("Map of the organisations listed below"),
            "tilesFailed": _("The map background could not be loaded. The organisations are still marked, and the list below shows them all."),
            "organisations": _("organisations"),
        },
    }
    return render(request, "actors/map.html", {
        "filter_form": form, "problems": problems, "filtered": bool(set(filters) - {"sort"}),
        "page": page, "points": points, "map_data": map_data,
        "unlocated": selectors_map.organisations_unlocated_count(organisations),
    })

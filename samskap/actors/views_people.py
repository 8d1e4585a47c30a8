import rules
from django.shortcuts import render
from django.utils.translation import gettext as _

from samskap.core.selectors import themes_active

from . import selectors_people
from .forms_people import PeopleFilterForm


def page_number(request) -> int:
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


def filter_problems(request, form) -> list[str]:
    """Say which filter values were not understood, in the words the organisation list uses."""
    return [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]


def people_directory(request):
    """Members search consenting members by skill, theme and place; visitors are asked to log in."""
    if not rules.has_perm("actors.search_people", request.user):
        return render(request, "actors/person_directory_visitor.html")
    themes = list(themes_active())
    checked = PeopleFilterForm(request.GET or None, themes=themes)
    problems = filter_problems(request, checked) if checked.is_bound and not checked.is_valid() else []
    filters = checked.filters()
    people = selectors_people.people_directory(**filters)
    page = selectors_people.page_with_total(people, number=page_number(request),
                                            per_page=selectors_people.PEOPLE_PER_PAGE)
    return render(request, "actors/person_directory.html", {
        "form": PeopleFilterForm(initial=filters, themes=themes),
        "page": page,
        "problems": problems,
        "filtered": any(filters.values()),
    })

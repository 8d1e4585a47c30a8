"""Reads for the people directory: consenting members, their themes and organisations."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Window

from samskap.accounts.models import User
from samskap.core.models import Theme

from .models import Membership

PEOPLE_PER_PAGE = 30


def place_and_below(path: str, *, slug: str) -> Q:
    """Match the Place foreign key at `path` when it is the place `slug` or any place below it."""
    # The tree is at most four levels deep (country → region → municipality → neighbourhood):
    # a few joins in the same query instead of collecting the descendants first.
    q = Q(**{f"{path}__slug": slug})
    for _depth in range(3):
        path += "__parent"
        q |= Q(**{f"{path}__slug": slug})
    return q


@dataclass
class Page:
    """One page of a list, with the total number of matches."""

    items: list[Any]
    number: int
    per_page: int
    total: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.items else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.items)


def page_with_total(queryset: QuerySet, *, number: int, per_page: int) -> Page:
    """Return one page of `queryset` and the number of all matches, in a single query.

    The total is a window function over the filtered rows, so a list page does not need a
    separate COUNT query. A page number past the end shows the last page.
    """
    number = max(1, number)
    counted = queryset.annotate(total_matches=Window(Count("pk")))
    items = list(counted[(number - 1) * per_page: number * per_page])
    if not items and number > 1:
        total = queryset.count()
        number = max(1, -(-total // per_page))
        items = list(counted[(number - 1) * per_page: number * per_page])
    total = items[0].total_matches if items else 0
    return Page(items=items, number=number, per_page=per_page, total=total)


def active_memberships_prefetch(path: str = "memberships") -> Prefetch:
    """A person's active memberships of organisations still in the directory, as `active_memberships`."""
    return Prefetch(
        path,
        queryset=Membership.objects.filter(status=Membership.Status.ACTIVE, organisation__merged_into__isnull=True)
        .select_related("organisation").order_by("organisation__name"),
        to_attr="active_memberships",
    )


def people_listed() -> QuerySet[User]:
    """Active members who agreed to be shown in the directory."""
    return User.objects.filter(is_active=True, listed_in_directory=True)


def people_directory(*, skill: str = "", theme: str = "", place: str = "") -> QuerySet[User]:
    """Consenting members matching a skill (text contains), a theme (slug) and a place (slug) or any place below it."""
    people = people_listed()
    if skill:
        people = people.filter(skills__icontains=skill)
    if theme:
        people = people.filter(themes__slug=theme)
    if place:
        people = people.filter(place_and_below("place", slug=place))
    return (
        people.select_related("place")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.filter(is_active=True)),
                          active_memberships_prefetch())
        .order_by("name", "pk")
    )


# --- Added by the API helper for GET /api/v1/people?q= (issue 3); fold into people_directory freely. ---

def people_matching(*, q: str = "", skill: str = "", theme: str = "", place: str = "") -> QuerySet[User]:
    """people_directory, and with `q` only those whose name, skills or interests contain it."""
    people = people_directory(skill=skill, theme=theme, place=place)
    if q := q.strip():
        people = people.filter(Q(name__icontains=q) | Q(skills__icontains=q) | Q(interests__icontains=q))
    return people

# --- end of the API helper's selectors ---

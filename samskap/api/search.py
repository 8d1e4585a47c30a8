"""GET /api/v1/search: the site's search for scripts, over every kind of indexed thing."""

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.core.search import SEARCH_KINDS
from samskap.core.selectors import SEARCH_COUNT_LIMIT, search, search_query_parse

from .schemas import Message

router = Router(tags=["search"])


class SearchItemOut(Schema):
    kind: str = Field(description="What the result is: organisation, person, group …")
    id: int = Field(description="The id of the thing within its kind.")
    title: str
    snippet: str = Field(description="HTML: an excerpt, escaped, with the matching words in <mark>.")
    url: str


class SearchResultPages:
    """Results fetched one page at a time, as Ninja's pagination slices and counts them."""

    def __init__(self, request, query, kinds):
        self.request, self.query, self.kinds, self.total = request, query, kinds, None

    def __getitem__(self, window: slice) -> list[dict]:
        results, self.total = search(query=self.query, kinds=self.kinds, limit=window.stop - window.start,
                                     offset=window.start)
        return [{"kind": result.kind, "id": result.id, "title": result.title, "snippet": str(result.snippet),
                 "url": self.request.build_absolute_uri(result.url) if result.url else ""} for result in results]

    def __len__(self) -> int:
        if self.total is None:
            self.total = search(query=self.query, kinds=self.kinds, limit=1, offset=0)[1]
        return self.total


@router.get("", response={200: list[SearchItemOut], 422: Message}, auth=None, summary="Search everything",
            description="Organisations, people who chose to be listed, local groups and more: every word exact "
                        "and in the title first, then every word exact, then with a typo. A word in Swedish, "
                        "Norwegian, Danish or English also finds its siblings in the others, and one typo per "
                        f"word is forgiven. `count` is exact below {SEARCH_COUNT_LIMIT}; {SEARCH_COUNT_LIMIT} means "
                        "that many or more (add a word to narrow the search).")
@paginate(LimitOffsetPagination)
def search_everything(request, q: str = Query(..., max_length=200, description="What to search for."),
                      kind: str | None = Query(None, description="Only these kinds, separated by commas.")):
    if not q.strip():
        raise HttpError(422, _("Enter something to search for."))
    kinds = None
    if kind:
        kinds = [name.strip() for name in kind.split(",") if name.strip()]
        unknown = [name for name in kinds if name not in SEARCH_KINDS]
        if unknown:
            raise HttpError(422, _("Unknown kind: %(unknown)s. Choose from: %(kinds)s.") % {
                "unknown": ", ".join(unknown), "kinds": ", ".join(SEARCH_KINDS)})
    return SearchResultPages(request, search_query_parse(q), kinds)

from collections import defaultdict
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import get_language

from .fragments import DIRECTORY, FRAGMENT_TIMEOUT, generation
from .models import Country, HubSettings, Place, Theme
from .places_data import NORDIC_FOLDING

HUB_SETTINGS_CACHE_KEY = "samskap:hub-settings:v1"


def hub_settings_get() -> HubSettings:
    """Return the hub settings, from the cache when possible: every page needs them."""
    hub = cache.get(HUB_SETTINGS_CACHE_KEY)
    if hub is None:
        hub, _ = HubSettings.objects.get_or_create(pk=HubSettings.SINGLETON_ID)
        cache.set(HUB_SETTINGS_CACHE_KEY, hub, timeout=300)
    return hub


# Places and themes -------------------------------------------------------------------------------

PLACE_CHOICES_CACHE_KEY = "samskap:place-choices:v1:{value}:{language}"
PLACE_CHOICES_TIMEOUT = 3600
PLACE_CHOICE_VALUES = ("pk", "slug")
PLACE_LEVEL_ORDER = [Place.Level.REGION, Place.Level.MUNICIPALITY, Place.Level.NEIGHBOURHOOD]


def places_for_country(*, country: str, levels: Iterable[str] | None = None) -> QuerySet[Place]:
    """Return the places of one country, optionally only some levels, by name, with their parent."""
    places = Place.objects.filter(country=country).select_related("parent").order_by("name", "pk")
    if levels is not None:
        places = places.filter(level__in=list(levels))
    return places


def place_choices_cache_keys() -> list[str]:
    """Every cache key place_choices may fill, so a change to places can clear them all."""
    return [PLACE_CHOICES_CACHE_KEY.format(value=value, language=code)
            for value in PLACE_CHOICE_VALUES for code, _name in settings.LANGUAGES]


def place_choices(*, value: Literal["pk", "slug"] = "pk") -> list[tuple[str, list[tuple[int | str, str]]]]:
    """Return places as grouped form choices: one group per country, each region followed by its
    municipalities ("Malmö (Skåne län)") and their neighbourhoods ("Rosengård (Malmö)").

    Every form with a place field renders this list, so it is built with one query and cached per
    language (the group labels are translated country names) until places change.
    """
    language = get_language() or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):  # not a key place_choices_cache_keys knows to clear
        return _place_choices_built(value=value)
    key = PLACE_CHOICES_CACHE_KEY.format(value=value, language=language)
    choices = cache.get(key)
    if choices is None:
        choices = _place_choices_built(value=value)
        cache.set(key, choices, timeout=PLACE_CHOICES_TIMEOUT)
    return choices


def _place_choices_built(*, value: str) -> list[tuple[str, list[tuple[int | str, str]]]]:
    places = list(Place.objects.select_related("parent").order_by("name", "pk"))
    children = defaultdict(list)
    countries = {}
    for place in places:
        if place.level == Place.Level.COUNTRY:
            countries[place.country] = place
        elif place.parent_id is not None and place.parent.level != Place.Level.COUNTRY:
            children[place.parent_id].append(place)
        else:  # a top-level place below the country: a region, or a place whose region is unknown
            children[("country", place.country)].append(place)

    def option(place: Place) -> tuple[int | str, str]:
        label = f"{place.name} ({place.parent.name})" if place.level in (
            Place.Level.MUNICIPALITY, Place.Level.NEIGHBOURHOOD) and place.parent_id else place.name
        return (place.pk if value == "pk" else place.slug, label)

    def walk(parent_key) -> list[tuple[int | str, str]]:
        ordered = sorted(children.get(parent_key, []), key=lambda p: PLACE_LEVEL_ORDER.index(p.level))
        options = []
        for place in ordered:
            options.append(option(place))
            options.extend(walk(place.pk))
        return options

    groups = []
    for code, label in Country.choices:
        options = walk(("country", code))
        if code in countries:
            country = countries[code]
            options.insert(0, (country.pk if value == "pk" else country.slug, str(label)))
        if options:
            groups.append((str(label), options))
    return groups


def themes_for_filters() -> list[Theme]:
    """The active themes as list filters offer them, kept with the directory's cached fragments (every list
    page and API call asks; a theme change starts a new generation)."""
    key = f"filter-themes:{generation(DIRECTORY)}"
    themes = cache.get(key)
    if themes is None:
        themes = list(themes_active())
        cache.set(key, themes, FRAGMENT_TIMEOUT)
    return themes


def themes_active(*, kinds: Iterable[str] | None = None) -> QuerySet[Theme]:
    """Return the themes in use: focus areas, then SDGs, then challenges, each in the hub's order."""
    kind_order = Case(*(When(kind=kind, then=Value(index)) for index, kind in enumerate(Theme.Kind.values)),
                      output_field=IntegerField())
    themes = Theme.objects.filter(is_active=True).order_by(kind_order, "position", "slug")
    if kinds is not None:
        themes = themes.filter(kind__in=list(kinds))
    return themes


# Search ------------------------------------------------------------------------------------------
# One selector over the index of every kind. The matching runs in the database (FTS5 on SQLite,
# tsvectors with GIN on PostgreSQL); which keys to look for is decided here, once, for both.
#
# Results come in four tiers: every word exact and in the title, every word exact, every word
# (allowing one typo) in the title, the rest; within a tier in the order they were indexed. The
# tiers are the ranking: scoring (bm25, ts_rank) or counting every match of a very common word is
# what makes a search slow (~10 µs a row, tens of thousands of rows), so at most SEARCH_COUNT_LIMIT
# matches are read, tier by tier, each through the index: counts are exact below that limit, and a
# more common word shows the first SEARCH_COUNT_LIMIT matches of the best tiers.



SEARCH_COUNT_LIMIT = 1000
_TITLE, _ANYWHERE = "title", "anywhere"
_EXACT, _ALL = "exact", "all"
# Each tier: what it must match, and what it must not (because an earlier tier has it).
_TIERS = (
    ([(_TITLE, _EXACT)], []),
    ([(_ANYWHERE, _EXACT)], [(_TITLE, _EXACT)]),
    ([(_TITLE, _ALL)], [(_ANYWHERE, _EXACT)]),
    ([(_ANYWHERE, _ALL)], [(_ANYWHERE, _EXACT), (_TITLE, _ALL)]),
)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: for each word, its own keys and those plus the vocabulary's one-edit neighbours."""

    text: str
    words: tuple[tuple[frozenset[str], frozenset[str]], ...]

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def terms(self) -> frozenset[str]:
        """Every key a matching word may have: what snippets highlight."""
        return frozenset().union(*(expanded for _exact, expanded in self.words))

    @property
    def has_typo_neighbours(self) -> bool:
        return any(exact != expanded for exact, expanded in self.words)


@dataclass
class SearchResult:
    kind: str
    kind_label: str
    id: int
    title: str
    title_html: SafeString
    snippet: SafeString
    url: str
    language: str
    is_exact: bool


@dataclass
class SearchGroup:
    kind: str
    label: str
    count: int
    results: list[SearchResult] = field(default_factory=list)

    @property
    def count_is_capped(self) -> bool:
        return self.count >= SEARCH_COUNT_LIMIT


@dataclass
class SearchPage:
    """The search page: one group per kind (only the chosen kind's page when filtered) and every kind's count."""

    groups: list[SearchGroup]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def count_limit(self) -> int:
        return SEARCH_COUNT_LIMIT

    @property
    def capped(self) -> bool:
        """Whether some kind has SEARCH_COUNT_LIMIT matches or more, so the counts are lower bounds."""
        return any(count >= SEARCH_COUNT_LIMIT for count in self.counts.values())


def search_query_parse(text: str) -> SearchQuery:
    """Turn what someone typed into the keys to look for, with one query for the typo neighbours."""
    from .search import MAX_QUERY_WORDS, TYPO_MIN_LENGTH, tokenize, word_keys

    words = list(dict.fromkeys(tokenize(text)))[:MAX_QUERY_WORDS]
    exact = [word_keys(word) for word in words]
    neighbours = _one_edit_neighbours({key for keys in exact for key in keys if len(key) >= TYPO_MIN_LENGTH})
    return SearchQuery(text=text, words=tuple(
        (keys, keys.union(*(neighbours.get(key, ()) for key in keys))) for keys in exact
    ))


def _one_edit_neighbours(keys: set[str]) -> dict[str, set[str]]:
    """Vocabulary terms at most one edit from each key, found through the terms' deletion variants."""
    from .models import SearchTermVariant
    from .search import deletion_variants, within_one_edit

    if not keys:
        return {}
    variants = {key: deletion_variants(key) for key in keys}
    terms_by_variant: dict[str, set[str]] = defaultdict(set)
    rows = SearchTermVariant.objects.filter(variant__in=set().union(*variants.values())).values_list("variant", "term")
    for variant, term in rows:
        terms_by_variant[variant].add(term)
    found = {}
    for key, own in variants.items():
        candidates = set().union(*(terms_by_variant.get(variant, ()) for variant in own))
        found[key] = {term for term in candidates if term != key and within_one_edit(key, term)}
    return found


class _SearchSQL:
    """One database's SQL for one parsed query: the ids of each tier's matches."""

    def __init__(self, query: SearchQuery):
        self.words = {_EXACT: [exact for exact, _all in query.words], _ALL: [every for _exact, every in query.words]}

    def reading(self):
        raise NotImplementedError

    def prepare(self, cursor) -> None:
        pass

    def tier_sql(self, include, exclude, kinds: list[str] | None, limit: int) -> tuple[str, list]:
        """(id, kind) of up to `limit` entries in one tier."""
        raise NotImplementedError


class _SQLiteSearch(_SearchSQL):
    """The query in FTS5's language: `{columns} : (...)` filters, AND / OR / NOT, quoted keys."""

    def reading(self):
        return nullcontext()  # a transaction would take SQLite's write lock (transaction_mode IMMEDIATE)

    def _match(self, part: tuple[str, str]) -> str:
        where, which = part
        columns = "{title_keys}" if where == _TITLE else "{title_keys body_keys}"
        words = " AND ".join("(" + " OR ".join(f'"{key}"' for key in sorted(keys)) + ")" for keys in self.words[which])
        return f"{columns} : ({words})"

    def tier_sql(self, include, exclude, kinds: list[str] | None, limit: int) -> tuple[str, list]:
        expression = " AND ".join(f"({self._match(part)})" for part in include)
        for part in exclude:
            expression = f"({expression}) NOT ({self._match(part)})"
        if kinds is not None:
            quoted = " OR ".join(f'"{kind}"' for kind in kinds)
            expression = f"({expression}) AND ({{kind}} : ({quoted}))"
        return ("SELECT rowid, kind FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s "
                "ORDER BY rowid LIMIT %s", [expression, limit])


class _PostgreSQLSearch(_SearchSQL):
    """The query as tsqueries over the generated `search_vector` (title and body) and `title_vector`."""

    def reading(self):
        return transaction.atomic()

    def prepare(self, cursor) -> None:
        # Read matches through the GIN indexes, never by walking the table: a word the planner takes
        # for common but that is rare (or two common words that never meet) would scan every row.
        # Bitmap scans stop at the LIMIT, so a common word costs its index look-up and LIMIT rows.
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")

    def _tsquery(self, which: str) -> str:
        return " & ".join("(" + " | ".join(f"'{key}'" for key in sorted(keys)) + ")" for keys in self.words[which])

    def tier_sql(self, include, exclude, kinds: list[str] | None, limit: int) -> tuple[str, list]:
        parts, params = [], []
        for where, which in include:
            column = "e.title_vector" if where == _TITLE else "e.search_vector"
            if kinds is None:
                parts.append(f"{column} @@ to_tsquery('simple', %s)")
                params.append(self._tsquery(which))
            else:  # the vectors carry the kind as a lexeme, 'kind=…', which the parser would split
                parts.append(f"{column} @@ (to_tsquery('simple', %s) && %s::tsquery)")
                params += [self._tsquery(which), " | ".join(f"'kind={kind}'" for kind in kinds)]
        for where, which in exclude:
            column = "e.title_vector" if where == _TITLE else "e.search_vector"
            parts.append(f"NOT ({column} @@ to_tsquery('simple', %s))")
            params.append(self._tsquery(which))
        # No ORDER BY: ordering would read every match; a bitmap scan meets them in table order.
        return f"SELECT e.id, e.kind FROM core_searchentry e WHERE {' AND '.join(parts)} LIMIT %s", [*params, limit]


def _search_backend(query: SearchQuery) -> _SearchSQL:
    return (_PostgreSQLSearch if connection.vendor == "postgresql" else _SQLiteSearch)(query)


def _search_candidates(cursor, backend, query: SearchQuery, kinds: list[str] | None) -> list[tuple[int, str, int]]:
    """(id, kind, tier) of up to SEARCH_COUNT_LIMIT matches, read tier by tier, best first."""
    candidates: list[tuple[int, str, int]] = []
    for tier, (include, exclude) in enumerate(_TIERS):
        room = SEARCH_COUNT_LIMIT - len(candidates)
        if room <= 0 or (tier >= 2 and not query.has_typo_neighbours):
            break  # full; or without typo neighbours every match is exact and the last two tiers are empty
        cursor.execute(*backend.tier_sql(include, exclude, kinds, room))
        candidates += sorted((entry_id, kind, tier) for entry_id, kind in cursor.fetchall())
    return candidates


_ENTRY_COLUMNS = "e.id, e.kind, e.object_id, e.title, e.body, e.url, e.language"


def _search_results(cursor, chosen: list[tuple[int, str, int]], terms: frozenset[str]) -> list[SearchResult]:
    """The results for chosen candidates, in their order."""
    from .search import SEARCH_KINDS, highlight, snippet

    if not chosen:
        return []
    ids = [candidate[0] for candidate in chosen]
    cursor.execute(f"SELECT {_ENTRY_COLUMNS} FROM core_searchentry e WHERE e.id IN ({', '.join(['%s'] * len(ids))})",
                   ids)
    rows = {row[0]: row for row in cursor.fetchall()}
    results = []
    for entry_id, _kind, tier in chosen:
        if entry_id not in rows:
            continue
        _id, kind, object_id, title, body, url, language = rows[entry_id]
        search_kind = SEARCH_KINDS.get(kind)
        results.append(SearchResult(
            kind=kind, kind_label=str(search_kind.label) if search_kind else kind, id=object_id, title=title,
            title_html=highlight(title, terms), snippet=snippet(body, terms), url=url, language=language,
            is_exact=tier < 2,
        ))
    return results


def _search_kinds_checked(kinds: Iterable[str] | None) -> list[str] | None:
    from .search import search_kind_get

    if kinds is None:
        return None
    return [search_kind_get(kind).kind for kind in kinds]


def search(*, query: "str | SearchQuery", kinds: Iterable[str] | None = None, limit: int = 20,
           offset: int = 0) -> tuple[list[SearchResult], int]:
    """Find indexed things of any (or the given) kinds: exact words before typos, title before body.

    Return one page of results and how many there are, exactly up to SEARCH_COUNT_LIMIT (a count of
    SEARCH_COUNT_LIMIT means that many or more; the results stop there too).
    """
    parsed = query if isinstance(query, SearchQuery) else search_query_parse(query)
    if not parsed:
        return [], 0
    kinds = _search_kinds_checked(kinds)
    backend = _search_backend(parsed)
    with backend.reading(), connection.cursor() as cursor:
        backend.prepare(cursor)
        candidates = _search_candidates(cursor, backend, parsed, kinds)
        results = _search_results(cursor, candidates[offset:offset + limit], parsed.terms)
    return results, len(candidates)


def search_page(*, query: "str | SearchQuery", kind: str | None = None, limit: int = 20, offset: int = 0,
                per_kind: int = 5) -> SearchPage:
    """Every kind's count, and either the best `per_kind` of each kind or one page of one kind."""
    from .search import SEARCH_KINDS, search_kind_get

    if kind is not None:
        search_kind_get(kind)
    parsed = query if isinstance(query, SearchQuery) else search_query_parse(query)
    if not parsed:
        return SearchPage(groups=[], counts={})
    backend = _search_backend(parsed)
    with backend.reading(), connection.cursor() as cursor:
        backend.prepare(cursor)
        # Each kind on its own, so that one kind's many matches cannot crowd out another. (Reading all
        # kinds at once first, and each kind only for a common word, measured slower on both databases.)
        by_kind = {name: _search_candidates(cursor, backend, parsed, [name]) for name in SEARCH_KINDS}
        counts = {name: len(candidates) for name, candidates in by_kind.items() if candidates}
        shown = {name: (by_kind[name][offset:offset + limit] if kind else by_kind[name][:per_kind])
                 for name in counts if kind in (None, name)}
        chosen = [candidate for candidates in shown.values() for candidate in candidates]
        results = _search_results(cursor, chosen, parsed.terms)
    groups: dict[str, SearchGroup] = {}
    for result in results:
        groups.setdefault(result.kind, SearchGroup(kind=result.kind, label=result.kind_label,
                                                   count=counts[result.kind])).results.append(result)
    order = {name: index for index, name in enumerate(SEARCH_KINDS)}
    return SearchPage(groups=sorted(groups.values(), key=lambda group: order.get(group.kind, len(order))),
                      counts=counts)





def places_list(*, q: str = "", country: str = "", level: str = "", parent: str = "") -> QuerySet[Place]:
    """Places by name, with their parent: `q` is part of the local or English name (folded, so "malmo"
    finds Malmö), optionally of one country and level, or directly within the place `parent` (a slug)."""
    places = Place.objects.select_related("parent").order_by("name", "pk")
    if q := q.strip():
        matches = Q(name__icontains=q) | Q(name_en__icontains=q)
        if folded := slugify(q.translate(NORDIC_FOLDING)):
            matches |= Q(slug__contains=folded)
        places = places.filter(matches)
    if country:
        places = places.filter(country=country)
    if level:
        places = places.filter(level=level)
    if parent:
        places = places.filter(parent__slug=parent)
    return places


def place_get(*, slug: str) -> Place:
    """The place at `slug`, with its parent; raises Place.DoesNotExist."""
    return Place.objects.select_related("parent").get(slug=slug)


def themes_list(*, q: str = "", kind: str = "") -> list[Theme]:
    """The themes in use in the hub's order (see themes_active), optionally of one kind; `q` is part of
    the name in any language, folding å/ä/æ/ø/ö as the theme admin's search does."""
    themes = list(themes_active(kinds=[kind] if kind else None))
    if not q.strip():
        return themes
    return [theme for theme in themes if theme_labels_contain(theme.labels, q)]


def theme_labels_contain(labels: dict | None, q: str) -> bool:
    """Whether `q` is part of a theme's name in any language, folding å/ä/æ/ø/ö so "halsa" finds "hälsa".

    Themes are a few dozen rows: matching in Python avoids JSON text search, which differs per database.
    """
    term = q.strip().translate(NORDIC_FOLDING).casefold()
    return bool(term) and any(term in str(label).translate(NORDIC_FOLDING).casefold() for label in (labels or {}).values())


def theme_get(*, slug: str) -> Theme:
    """The theme at `slug`, in use or retired; raises Theme.DoesNotExist."""
    return Theme.objects.get(slug=slug)

# --- end of the API helper's selectors ---

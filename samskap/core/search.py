"""Search across the Scandinavian languages: text analysis, the kinds of indexed things, snippets.

A word is indexed, and looked up, as a set of *keys*: its stems under the Swedish, Norwegian,
Danish and English Snowball stemmers, each folded so that the three
languages' spellings of one word family meet (ö/ø → o, ä/æ/å/aa → a, other diacritics dropped,
then j → i, ei → e, d → t). So "samarbete", "samarbeid" and "samarbejde" all give "samarbet",
and "arbetslöshet" and "arbejdsløshed" both give "arbetslos". Families that still differ by one
letter ("ensam"/"ensom") are joined by typo tolerance at query time (one edit, see selectors).

The index services (writes) are at the end of this module; the search itself is a selector.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

import snowballstemmer
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .fragments import SEARCH, generation_bump
from .models import SearchEntry, SearchTerm, SearchTermVariant

STEMMERS = tuple(snowballstemmer.stemmer(language) for language in ("swedish", "norwegian", "danish", "english"))
# Typo tolerance (one edit) only for keys this long: shorter words have too many neighbours.
TYPO_MIN_LENGTH = 4
# A query's first words; more only slow the search down without narrowing it usefully.
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 60
# Function words of the four languages. They are neither indexed nor required in a query, so
# "samarbete och ensamhet" finds what "samarbete ensamhet" finds.
STOP_WORDS = frozenset("""
och att det som en ett är av för med till den på om inte har de jag vi ni så men eller från vid var kan ska
sig hur vad när där dem detta denna dessa
og er til for et ei ikke jeg eller fra ved skal seg hva når der dette disse
af hvad sig
the an and or of to in on with is are be by at as this that from
""".split())

_WORD = re.compile(r"[^\W_]+")
_LETTERS = str.maketrans({"æ": "a", "ø": "o", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "œ": "o"})


def fold(text: str) -> str:
    """Write a lower-case word the way all three Scandinavian languages would meet on it."""
    text = text.replace("aa", "a").translate(_LETTERS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("j", "i").replace("ei", "e").replace("d", "t")


def tokenize(text: str) -> list[str]:
    """Split text into lower-case words, dropping one-letter words, function words and codes too long to be words."""
    return [word for word in _WORD.findall(text.lower()) if 1 < len(word) <= MAX_WORD_LENGTH and word not in STOP_WORDS]


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> frozenset[str]:
    """The keys of one lower-case word: its stems in the four languages, folded.

    (The English stemmer leaves most Nordic words nearly whole, so the word itself needs no key.)
    """
    return frozenset(fold(stemmer.stemWord(word)) for stemmer in STEMMERS)


def search_keys(text: str) -> set[str]:
    """Every key of a text: what is stored in the index for it."""
    keys: set[str] = set()
    for word in tokenize(text):
        keys |= word_keys(word)
    return keys


def deletion_variants(term: str) -> set[str]:
    """The term and every way of dropping one letter from it (SymSpell's trick for one-edit look-ups)."""
    return {term} | {term[:i] + term[i + 1:] for i in range(len(term))}


def within_one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by at most one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:] or (i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    return a[i:] == b[i + 1:]


# ---------------------------------------------------------------------------------------------
# Kinds of indexed things. Each app registers its kinds in its AppConfig.ready.

@dataclass(frozen=True)
class SearchKind:
    kind: str
    label: Any  # a lazy translation, plural: "Organisations"
    queryset_fn: Callable[[], Iterable[Any]]
    document_fn: Callable[[Any], dict | None]


SEARCH_KINDS: dict[str, SearchKind] = {}
_KIND = re.compile(r"[a-z][a-z0-9_-]{0,39}")


def register_search_kind(kind: str, *, label, queryset_fn: Callable[[], Iterable[Any]],
                         document_fn: Callable[[Any], dict | None]) -> SearchKind:
    """Make a kind of thing searchable.

    queryset_fn() gives every object that may be indexed (used by rebuilds; give it the
    select_related / prefetch_related that document_fn needs). document_fn(obj) gives
    {"title", "body", "url", "language"} and optionally "keywords" (indexed, never shown),
    or None when the object must not be found (a person without consent, a merged organisation).
    """
    if not _KIND.fullmatch(kind):
        raise ValueError(f"a search kind is lower-case letters, digits, - and _: {kind!r}")
    SEARCH_KINDS[kind] = SearchKind(kind=kind, label=label, queryset_fn=queryset_fn, document_fn=document_fn)
    return SEARCH_KINDS[kind]


def search_kind_get(kind: str) -> SearchKind:
    try:
        return SEARCH_KINDS[kind]
    except KeyError:
        raise LookupError(f"unknown search kind {kind!r}; registered: {sorted(SEARCH_KINDS)}") from None


# ---------------------------------------------------------------------------------------------
# Highlighting. Words are compared by their keys, so "Malmo" highlights "Malmö".

def _matches(word: str, terms: frozenset[str] | set[str]) -> bool:
    word = word.lower()
    return 1 < len(word) <= MAX_WORD_LENGTH and word not in STOP_WORDS and not word_keys(word).isdisjoint(terms)


def _marked(text: str, terms: frozenset[str] | set[str], start: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    out: list[str] = []
    position = start
    for match in _WORD.finditer(text, start, end):
        if _matches(match.group(), terms):
            out.append(escape(text[position:match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text: str, terms: frozenset[str] | set[str]) -> SafeString:
    """The whole text, HTML-escaped, with the words that match wrapped in <mark>."""
    return mark_safe(_marked(text, terms))  # every piece of the text is escaped


def snippet(text: str, terms: frozenset[str] | set[str], *, length: int = 240) -> SafeString:
    """An excerpt of about `length` characters around the first matching word, escaped and marked."""
    text = " ".join(text.split())
    if len(text) <= length:
        return highlight(text, terms)
    first = next((match.start() for match in _WORD.finditer(text) if _matches(match.group(), terms)), None)
    start = 0 if first is None or first < length // 3 else text.rfind(" ", 0, first - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + _marked(text, terms, start, end) + suffix)  # escaped in _marked


# ---------------------------------------------------------------------------------------------
# Services: every write to the index. Apps call search_index_update / search_index_delete from
# their own services, inside their transaction, so the index never disagrees with what was saved.

TITLE_MAX_LENGTH = 300
BODY_MAX_LENGTH = 5000
_BATCH = 1000


def _entry_fields(document: dict) -> dict:
    title = " ".join(str(document.get("title") or "").split())[:TITLE_MAX_LENGTH]
    body = " ".join(str(document.get("body") or "").split())
    title_keys = search_keys(title)
    body_keys = search_keys(f"{body} {document.get('keywords') or ''}")
    return {
        "title": title,
        "body": body[:BODY_MAX_LENGTH],
        "url": str(document.get("url") or ""),
        "language": str(document.get("language") or ""),
        "title_keys": " ".join(sorted(title_keys)),
        "body_keys": " ".join(sorted(body_keys)),
    }


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _vocabulary_add(terms: Iterable[str], *, known: set[str] | None = None) -> int:
    """Add new keys to the vocabulary, with their one-letter-dropped variants for typo look-ups."""
    terms = {term for term in terms if len(term) <= 100}
    if known is None:
        known = set()
        for chunk in _chunks(sorted(terms)):
            known.update(SearchTerm.objects.filter(term__in=chunk).values_list("term", flat=True))
    new = sorted(terms - known)
    if not new:
        return 0
    with connection.cursor() as cursor:
        for chunk in _chunks(new, _BATCH * 5):
            cursor.executemany(_insert_ignore("core_searchterm", ["term"]), [(term,) for term in chunk])
            cursor.executemany(
                _insert_ignore("core_searchtermvariant", ["variant", "term"]),
                [(variant, term) for term in chunk if len(term) >= TYPO_MIN_LENGTH for variant in deletion_variants(term)],
            )
    return len(new)


def _insert_ignore(table: str, columns: list[str]) -> str:
    names = ", ".join(columns)
    values = ", ".join(["%s"] * len(columns))
    if connection.vendor == "postgresql":
        return f"INSERT INTO {table} ({names}) VALUES ({values}) ON CONFLICT DO NOTHING"
    return f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({values})"


def search_index_update(*, kind: str, obj: Any) -> SearchEntry | None:
    """Index obj as a thing of this kind, or take it out of the index when it must not be found."""
    document = search_kind_get(kind).document_fn(obj)
    if document is None:
        search_index_delete(kind=kind, object_id=obj.pk)
        return None
    fields = _entry_fields(document)
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(kind=kind, object_id=obj.pk, defaults=fields)
        _vocabulary_add(set(fields["title_keys"].split()) | set(fields["body_keys"].split()))
        _results_outdated()
    return entry


def search_index_delete(*, kind: str, object_id: int) -> None:
    """Take one thing out of the index. Its words stay in the vocabulary until the next rebuild."""
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
    _results_outdated()


def _results_outdated() -> None:
    """After the commit, cached result pages (samskap.core.fragments, generation "search") are outdated."""
    transaction.on_commit(partial(generation_bump, SEARCH))


def search_index_rebuild(*, kinds: Iterable[str] | None = None,
                         progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Index every object of the given kinds (all by default) afresh and return how many per kind.

    Runs in one transaction, so searches see the old index until the new one is complete.
    """
    selected = [search_kind_get(kind) for kind in kinds] if kinds is not None else list(SEARCH_KINDS.values())
    counts: dict[str, int] = {}
    with transaction.atomic():
        _results_outdated()
        if kinds is None:  # entries of kinds no app registers any more
            SearchEntry.objects.exclude(kind__in=list(SEARCH_KINDS)).delete()
        for search_kind in selected:
            SearchEntry.objects.filter(kind=search_kind.kind).delete()
            objects = search_kind.queryset_fn()
            if isinstance(objects, QuerySet):
                objects = objects.iterator(chunk_size=2000)
            batch: list[SearchEntry] = []
            counts[search_kind.kind] = 0
            for obj in objects:
                document = search_kind.document_fn(obj)
                if document is None:
                    continue
                batch.append(SearchEntry(kind=search_kind.kind, object_id=obj.pk, **_entry_fields(document)))
                if len(batch) >= _BATCH:
                    SearchEntry.objects.bulk_create(batch)
                    counts[search_kind.kind] += len(batch)
                    batch = []
                    if progress:
                        progress(search_kind.kind, counts[search_kind.kind])
            SearchEntry.objects.bulk_create(batch)
            counts[search_kind.kind] += len(batch)
            if progress:
                progress(search_kind.kind, counts[search_kind.kind])
        _vocabulary_sync()
    return counts


def _vocabulary_sync() -> None:
    """Make the vocabulary exactly the keys of the index: add the missing, drop the unused."""
    wanted: set[str] = set()
    for title_keys, body_keys in SearchEntry.objects.values_list("title_keys", "body_keys").iterator(chunk_size=5000):
        wanted.update(title_keys.split())
        wanted.update(body_keys.split())
    known = set(SearchTerm.objects.values_list("term", flat=True))
    unused = sorted(known - wanted)
    if len(unused) > len(known) // 2:
        SearchTermVariant.objects.all().delete()
        SearchTerm.objects.all().delete()
        known = set()
    else:
        for chunk in _chunks(unused):
            SearchTermVariant.objects.filter(term__in=chunk).delete()
            SearchTerm.objects.filter(term__in=chunk).delete()
        known -= set(unused)
    _vocabulary_add(wanted, known=known)

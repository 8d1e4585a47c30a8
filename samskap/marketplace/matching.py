"""Suggested matches: which organisations and people fit an ad, and which open ads fit an organisation or a member.

Everything runs in the database and this module; no external service. Two steps keep it fast at volume
(50,000 ads, 100,000 organisations):

1. Candidates in SQL: one grouped query over the many-to-many tables (shared themes, complementary themes,
   places) adds up a first score per actor (or ad), keeps the best 900 ids, then joins only those to their table
   (merged, own, unlisted and closed ones out; the kind and country bonus) and keeps the best `CANDIDATES` (300).
   An actor becomes a candidate by a shared or complementary theme or a shared place (municipality or region):
   words alone, or the same country alone, do not make one.
2. Scoring in Python, on those candidates only: the same points again, plus the text overlap, and the
   reasons, as short sentences in the active language.

The points (tuned on the demo data):

| signal | points |
| --- | --- |
| a theme both have (the ad's themes and the organisation's or person's themes), up to three | 3 each |
| complementary theme: the ad seeks (competence, volunteers, premises, partners) and it is one of the organisation's "themes of what we offer" — or the ad offers (competence, buying from a social enterprise) and it is one of "themes of what we seek"; up to two | 4 each |
| place: the same municipality (or a neighbourhood of it) | 6 (+3 for the region) |
| place: the same region | 3 |
| place: the same country | 1 |
| ads "anywhere or online" skip the place | 0 |
| kind of organisation fits the kind of ad (buy from a social enterprise → social enterprises, work-integrating ones, cooperatives; volunteers wanted → associations, networks, universities; …, see KIND_FIT) | 3 |
| complementary text: words of the ad's title and description found in what they offer (or seek, by the ad's kind) — people: their skills (and interests for volunteers); up to three words | 3 each |

Words are compared as search keys (`samskap.core.search.search_keys`: Nordic-folded stems in the four
languages), so "bokföring", "bokføring" and "bogføring" meet. Words every ad uses ("söker", "erbjuder",
"competence" …) do not count. A suggestion needs at least `MIN_SCORE` points. Collaboration and business-idea
ads look both ways (what they offer and what they seek).

Reasons, e.g. "both work on Loneliness in Malmö; they offer what you seek: bookkeeping" for the ad's owner,
and "… ; you offer what they seek: bookkeeping" for the organisation or member the ad is suggested to.

`suggestions_for_ad(ad)` — organisations and people for an ad (its owner sees them on the ad page).
`ads_for_organisation(organisation)`, `ads_for_member(user)` — open ads that fit them, their own excepted.
`ads_sorted_for(viewer, queryset)` — the ad list's "best match for me" order, as an SQL annotation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from samskap.accounts.models import User
from samskap.actors.models import Membership, Organisation, OrganisationKind
from samskap.core.fragments import DIRECTORY, FRAGMENT_TIMEOUT, generation
from samskap.core.models import Country, Place, Theme
from samskap.core.search import search_keys, tokenize, word_keys
from samskap.core.selectors import themes_for_filters

from .models import Ad, AdKind

# How many candidates the SQL step keeps for scoring in Python.
CANDIDATES = 300
MIN_SCORE = 3

W_THEME, MAX_THEMES = 3, 3
W_COMPLEMENT_THEME, MAX_COMPLEMENT_THEMES = 4, 2
W_LOCAL, W_REGION, W_COUNTRY = 6, 3, 1
W_KIND = 3
W_WORD, MAX_WORDS = 3, 3

# Ads that seek something match what actors offer; ads that offer something match what actors seek.
SEEKING_KINDS = frozenset({AdKind.SEEKING_COMPETENCE, AdKind.VOLUNTEERS, AdKind.PREMISES, AdKind.BUSINESS_IDEA,
                           AdKind.COLLABORATION})
OFFERING_KINDS = frozenset({AdKind.OFFERING_COMPETENCE, AdKind.BUY_SOCIAL, AdKind.BUSINESS_IDEA,
                            AdKind.COLLABORATION})

K = OrganisationKind
KIND_FIT: dict[str, frozenset[str]] = {
    AdKind.BUY_SOCIAL: frozenset({K.SOCIAL_ENTERPRISE, K.WORK_INTEGRATING, K.COOPERATIVE}),
    AdKind.VOLUNTEERS: frozenset({K.ASSOCIATION, K.NETWORK, K.UNIVERSITY}),
    AdKind.SEEKING_COMPETENCE: frozenset({K.UNIVERSITY, K.COMPANY, K.NETWORK, K.JOB_CENTRE}),
    AdKind.OFFERING_COMPETENCE: frozenset({K.SOCIAL_ENTERPRISE, K.WORK_INTEGRATING, K.ASSOCIATION, K.COOPERATIVE}),
    AdKind.PREMISES: frozenset({K.MUNICIPALITY, K.ASSOCIATION, K.FOUNDATION}),
    AdKind.COLLABORATION: frozenset({K.NETWORK, K.SOCIAL_ENTERPRISE, K.ASSOCIATION, K.MUNICIPALITY}),
    AdKind.BUSINESS_IDEA: frozenset({K.SOCIAL_ENTERPRISE, K.COOPERATIVE, K.COMPANY, K.FUNDER}),
}


def _ad_kinds_fitting(organisation_kind: str) -> list[str]:
    return sorted(kind for kind, kinds in KIND_FIT.items() if organisation_kind in kinds)


# Words that say what an ad is, not what it is about: they never make a match.
GENERIC_WORDS = """
söker søker seek seeks seeking sought erbjuder tilbyr tilbyder offer offers offering erbjuda tilby tilbyde
vill vil want wants hjälp hjelp hjælp help behöver trenger behøver need needs kompetens kompetanse kompetence
competence samarbete samarbeid samarbejde collaboration partner partners samarbetspartner samarbeidspartner
samarbejdspartner nya nye new fler flere more mer mere gärna gerne gjerne också også also även både begge both
vår våra vårt vores our oss os us står får kan bra god godt good annons annonse annonce ad ads
""".split()
GENERIC_KEYS = frozenset().union(*(word_keys(word) for word in GENERIC_WORDS))
MIN_WORD_LENGTH = 4


def _keys(text: str) -> set[str]:
    return search_keys(text) - GENERIC_KEYS


def _matched_words(text: str, keys: set[str]) -> list[str]:
    """The words of `text` (as written) whose keys meet `keys`, in order, once each."""
    found: dict[str, None] = {}
    for word in tokenize(text):
        if len(word) >= MIN_WORD_LENGTH and word not in found:
            word_set = word_keys(word)
            if word_set & keys and not word_set <= GENERIC_KEYS:
                found[word] = None
    return list(found)


# ---------------------------------------------------------------------------------------------
# Places: the whole tree is small (countries, regions, municipalities, neighbourhoods); one query.


@dataclass(frozen=True)
class _Node:
    id: int
    parent_id: int | None
    level: str
    country: str
    name: str


def _place_rows() -> list[tuple]:
    """Every place as (id, parent_id, level, country, name), kept in the cache with the directory's fragments
    (a place's change starts a new generation), so a page that matches costs no query for them."""
    key = f"place-tree:{generation(DIRECTORY)}"
    rows = cache.get(key)
    if rows is None:
        rows = list(Place.objects.values_list("id", "parent_id", "level", "country", "name"))
        cache.set(key, rows, FRAGMENT_TIMEOUT)
    return rows


class PlaceTree:
    def __init__(self) -> None:
        self.nodes = {row[0]: _Node(*row) for row in _place_rows()}
        self.children: dict[int, list[int]] = {}
        for node in self.nodes.values():
            if node.parent_id is not None:
                self.children.setdefault(node.parent_id, []).append(node.id)

    def up_to(self, place_id: int | None, level: str) -> _Node | None:
        node = self.nodes.get(place_id) if place_id else None
        for _step in range(6):
            if node is None or node.level == level:
                return node
            node = self.nodes.get(node.parent_id) if node.parent_id else None
        return None

    def below(self, place_id: int) -> set[int]:
        """The place and every place inside it."""
        found, todo = set(), [place_id]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.children.get(current, ()))
        return found


@dataclass
class Whereabouts:
    """Where something is, at three grains: municipalities, regions and countries (each with names)."""

    municipalities: dict[int, str] = field(default_factory=dict)
    regions: dict[int, str] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, tree: PlaceTree, place_ids) -> Whereabouts:
        where = cls()
        for place_id in place_ids:
            node = tree.nodes.get(place_id)
            if node is None:
                continue
            where.countries.add(node.country)
            municipality = tree.up_to(place_id, Place.Level.MUNICIPALITY)
            if municipality is not None:
                where.municipalities[municipality.id] = municipality.name
            region = tree.up_to(place_id, Place.Level.REGION)
            if region is not None:
                where.regions[region.id] = region.name
        return where

    def local_ids(self, tree: PlaceTree) -> set[int]:
        return set().union(*(tree.below(pk) for pk in self.municipalities)) if self.municipalities else set()

    def region_ids(self, tree: PlaceTree) -> set[int]:
        return set().union(*(tree.below(pk) for pk in self.regions)) if self.regions else set()

    def __bool__(self) -> bool:
        return bool(self.countries)


def _place_fit(ours: Whereabouts, theirs: Whereabouts) -> tuple[int, str]:
    """Points and the name of the place they share (municipality, else region, else country)."""
    shared = ours.municipalities.keys() & theirs.municipalities.keys()
    if shared:
        return W_LOCAL + W_REGION, ours.municipalities[min(shared)]
    shared = ours.regions.keys() & theirs.regions.keys()
    if shared:
        return W_REGION, ours.regions[min(shared)]
    shared_countries = ours.countries & theirs.countries
    if shared_countries:
        return W_COUNTRY, str(Country(min(shared_countries)).label)
    return 0, ""


# ---------------------------------------------------------------------------------------------
# What is being matched: an actor (organisation or person) and an ad, reduced to what scoring reads.


@dataclass
class Profile:
    """An organisation or a person as matching sees them."""

    actor: Any
    kind: str = ""  # organisation kind; "" for people
    themes: set[int] = field(default_factory=set)
    offer_themes: set[int] = field(default_factory=set)
    seek_themes: set[int] = field(default_factory=set)
    offers: str = ""
    seeks: str = ""
    place_ids: set[int] = field(default_factory=set)
    country: str = ""


@dataclass
class AdFacts:
    ad: Ad
    kind: str
    themes: dict[int, Theme | None]  # theme id → theme (None when only the id is known)
    place_ids: set[int]
    is_anywhere: bool
    text: str
    keys: set[str] = field(default_factory=set)


@dataclass
class Suggestion:
    """An organisation or person suggested for an ad, or an ad suggested to them; best first."""

    actor: Any  # Organisation or User; for ads suggested to an actor, the actor they were suggested to
    score: int
    reasons: list[str]
    ad: Ad | None = None

    @property
    def is_person(self) -> bool:
        return isinstance(self.actor, User)

    @property
    def name(self) -> str:
        return self.actor.display_name if self.is_person else self.actor.name

    @property
    def url(self) -> str:
        if self.ad is not None:
            return self.ad.get_absolute_url()
        from django.urls import reverse

        return reverse("accounts:person", args=[self.actor.pk]) if self.is_person else self.actor.get_absolute_url()


def _name(actor) -> str:
    return actor.display_name if isinstance(actor, User) else actor.name


def _label(theme: Theme | None) -> str:
    if theme is None:
        return ""
    label = theme.label
    return label if theme.kind == Theme.Kind.SDG else label[:1].lower() + label[1:]


def _join(items: list[str]) -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _score(ad: AdFacts, profile: Profile, where_ad: Whereabouts, where_actor: Whereabouts, *,
           for_actor: bool, explain: bool = True) -> tuple[int, list[str]]:
    """Points and reasons for one ad and one actor. `for_actor`: the reasons speak to the actor ("you offer …")
    rather than to the ad's owner ("they offer …"). With `explain=False` only the points (no translations: fast
    for ranking hundreds of candidates; the few shown are explained afterwards)."""
    shared = [pk for pk in ad.themes if pk in profile.themes][:MAX_THEMES]
    place_points, place_name = (0, "") if ad.is_anywhere else _place_fit(where_ad, where_actor)
    score = W_THEME * len(shared) + place_points
    complements = []
    for direction, applies, their_themes, their_text in (
            ("offer", ad.kind in SEEKING_KINDS, profile.offer_themes, profile.offers),
            ("seek", ad.kind in OFFERING_KINDS, profile.seek_themes, profile.seeks)):
        if not applies:
            continue
        complement = [pk for pk in ad.themes if pk in their_themes][:MAX_COMPLEMENT_THEMES]
        words = _matched_words(their_text, ad.keys)[:MAX_WORDS] if their_text and ad.keys else []
        if complement or words:
            score += W_COMPLEMENT_THEME * len(complement) + W_WORD * len(words)
            complements.append((direction, complement, words))
    kind_fits = bool(profile.kind) and profile.kind in KIND_FIT.get(ad.kind, ())
    score += W_KIND if kind_fits else 0
    if not explain:
        return score, []

    reasons = []
    themes_text = _join([_label(ad.themes[pk]) for pk in shared])
    local = place_points >= W_REGION
    if shared and local:
        reasons.append(_("both work on %(themes)s in %(place)s") % {"themes": themes_text, "place": place_name})
    elif shared:
        reasons.append(_("both work on %(themes)s") % {"themes": themes_text})
    elif local:
        reasons.append(_("both are in %(place)s") % {"place": place_name})
    for direction, complement, words in complements:
        labels = [_label(ad.themes[pk]) for pk in complement]
        what = _join(words + [label for label in labels if label not in words])
        if direction == "offer":
            sentence = _("you offer what they seek: %(what)s") if for_actor else _("they offer what you seek: %(what)s")
        else:
            sentence = _("you seek what they offer: %(what)s") if for_actor else _("they seek what you offer: %(what)s")
        reasons.append(sentence % {"what": what})
    if kind_fits:
        kind_label = OrganisationKind(profile.kind).label
        reasons.append(_("the ad suits a %(kind)s") % {"kind": kind_label} if for_actor
                       else _("they are a %(kind)s") % {"kind": kind_label})
    if place_points and not local:
        reasons.append(_("both are in %(place)s") % {"place": place_name})
    return score, reasons


# ---------------------------------------------------------------------------------------------
# SQL helpers


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _in(values) -> tuple[str, list]:
    values = list(values)
    return ", ".join(["%s"] * len(values)), values


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _grouped(union: str, *, over: int = 3) -> str:
    """The ids of `union` with their summed points, the best `over` × CANDIDATES of them. Grouping first and
    joining the few left to their table afterwards is what keeps this fast (the join is the costly part); the
    bonuses the outer query adds (kind, country: at most 4 points) only reorder within that margin."""
    return (f"SELECT oid, SUM(w) AS score FROM ({union}) AS c GROUP BY oid "
            f"ORDER BY score DESC, oid DESC LIMIT {over * CANDIDATES}")


def _candidate_sql(parts: list[tuple[str, list]]) -> tuple[str, list]:
    """UNION ALL of (id, points) parts."""
    sql = " UNION ALL ".join(f"SELECT * FROM ({part}) AS p{index}" for index, (part, _) in enumerate(parts))
    return sql, [param for _part, params in parts for param in params]


OrgThemes = Organisation.themes.through
OrgOfferThemes = Organisation.offer_themes.through
OrgSeekThemes = Organisation.seek_themes.through
OrgAreas = Organisation.areas_served.through
UserThemes = User.themes.through
AdThemes = Ad.themes.through
AdPlaces = Ad.places.through


# ---------------------------------------------------------------------------------------------
# For an ad: organisations and people


def _ad_facts(ad: Ad, tree: PlaceTree) -> tuple[AdFacts, Whereabouts]:
    themes = {theme.pk: theme for theme in ad.themes.all()}
    place_ids = {place.pk for place in ad.places.all()}
    facts = AdFacts(ad=ad, kind=ad.kind, themes=themes, place_ids=place_ids, is_anywhere=ad.is_anywhere,
                    text=f"{ad.title} {ad.description}")
    facts.keys = _keys(facts.text)
    return facts, Whereabouts.of(tree, place_ids)


def suggestions_for_ad(ad: Ad, *, limit: int = 10, tree: PlaceTree | None = None) -> list[Suggestion]:
    """The organisations and people that fit `ad` best, with the reasons (for the ad's owner), best first.

    Organisations: listed (not merged), not the ad's own and none its owner is an active member of.
    People: listed in the directory, active, not the owner. A constant number of queries (at most 9).
    """
    tree = tree or PlaceTree()
    facts, where_ad = _ad_facts(ad, tree)
    local = where_ad.local_ids(tree) if not ad.is_anywhere else set()
    region = where_ad.region_ids(tree) if not ad.is_anywhere else set()
    theme_ids = list(facts.themes)

    organisations = _organisation_candidates(facts, local=local, region=region, theme_ids=theme_ids,
                                             country=min(where_ad.countries) if where_ad.countries else "")
    people = _person_candidates(facts, local=local, region=region, theme_ids=theme_ids)
    ranked = []
    for profile in organisations + people:
        where_actor = Whereabouts.of(tree, profile.place_ids)
        score, _reasons = _score(facts, profile, where_ad, where_actor, for_actor=False, explain=False)
        if score >= MIN_SCORE:
            ranked.append((score, profile, where_actor))
    ranked.sort(key=lambda item: (-item[0], isinstance(item[1].actor, User), _name(item[1].actor).lower(),
                                  item[1].actor.pk))
    suggestions = []
    for score, profile, where_actor in ranked[:limit]:
        _score_again, reasons = _score(facts, profile, where_ad, where_actor, for_actor=False)
        suggestions.append(Suggestion(actor=profile.actor, score=score, reasons=reasons))
    return suggestions


def _organisation_candidates(facts: AdFacts, *, local: set[int], region: set[int], theme_ids: list[int],
                             country: str) -> list[Profile]:
    org, members = _t(Organisation), _t(Membership)
    parts: list[tuple[str, list]] = []
    if theme_ids:
        marks, values = _in(theme_ids)
        parts.append((f"SELECT organisation_id AS oid, {W_THEME} AS w FROM {_t(OrgThemes)} "
                      f"WHERE theme_id IN ({marks})", values))
        if facts.kind in SEEKING_KINDS:
            parts.append((f"SELECT organisation_id AS oid, {W_COMPLEMENT_THEME} AS w FROM {_t(OrgOfferThemes)} "
                          f"WHERE theme_id IN ({marks})", values))
        if facts.kind in OFFERING_KINDS:
            parts.append((f"SELECT organisation_id AS oid, {W_COMPLEMENT_THEME} AS w FROM {_t(OrgSeekThemes)} "
                          f"WHERE theme_id IN ({marks})", values))
    for places, points in ((local, W_LOCAL), (region, W_REGION)):
        if places:
            marks, values = _in(places)
            parts.append((f"SELECT id AS oid, {points} AS w FROM {org} WHERE head_office_id IN ({marks}) "
                          f"UNION ALL SELECT organisation_id AS oid, {points} AS w FROM {_t(OrgAreas)} "
                          f"WHERE place_id IN ({marks})", values + values))
    if not parts:
        return []
    union, params = _candidate_sql(parts)
    kinds = sorted(KIND_FIT.get(facts.kind, ())) or [""]
    kind_marks, kind_values = _in(kinds)
    excluded = facts.ad.organisation_id or 0
    sql = (f"SELECT o.id, g.score + CASE WHEN o.kind IN ({kind_marks}) THEN {W_KIND} ELSE 0 END "
           f"+ CASE WHEN o.country = %s THEN {W_COUNTRY} ELSE 0 END AS score "
           f"FROM ({_grouped(union)}) AS g JOIN {org} AS o ON o.id = g.oid "
           f"WHERE o.merged_into_id IS NULL AND o.id <> %s AND o.id NOT IN "
           f"(SELECT organisation_id FROM {members} WHERE user_id = %s AND status = %s) "
           f"ORDER BY score DESC, o.id DESC LIMIT {CANDIDATES}")
    ids = [row[0] for row in _rows(sql, [*kind_values, country, *params, excluded, facts.ad.owner_id,
                                         Membership.Status.ACTIVE])]
    return _organisation_profiles(ids)


def _organisation_profiles(ids: list[int], *, objects: dict[int, Organisation] | None = None) -> list[Profile]:
    """Profiles of the organisations `ids` in two queries (the rows, and their themes and places in one)."""
    if not ids:
        return []
    if objects is None:
        objects = {o.pk: o for o in Organisation.objects.filter(pk__in=ids).only(
            "id", "name", "slug", "kind", "country", "head_office_id", "offers", "seeks")}
    profiles = {pk: Profile(actor=o, kind=o.kind, offers=o.offers, seeks=o.seeks, country=o.country,
                            place_ids={o.head_office_id} if o.head_office_id else set())
                for pk, o in objects.items()}
    marks, values = _in(profiles)
    sql = " UNION ALL ".join(
        f"SELECT organisation_id, {tag}, {column} FROM {_t(model)} WHERE organisation_id IN ({marks})"
        for tag, model, column in ((1, OrgThemes, "theme_id"), (2, OrgOfferThemes, "theme_id"),
                                   (3, OrgSeekThemes, "theme_id"), (4, OrgAreas, "place_id")))
    for organisation_id, tag, value in _rows(sql, values * 4):
        profile = profiles[organisation_id]
        (profile.themes, profile.offer_themes, profile.seek_themes, profile.place_ids)[tag - 1].add(value)
    return [profiles[pk] for pk in ids if pk in profiles]


def _person_candidates(facts: AdFacts, *, local: set[int], region: set[int], theme_ids: list[int]) -> list[Profile]:
    user = _t(User)
    parts: list[tuple[str, list]] = []
    if theme_ids:
        marks, values = _in(theme_ids)
        parts.append((f"SELECT user_id AS oid, {W_THEME} AS w FROM {_t(UserThemes)} WHERE theme_id IN ({marks})",
                      values))
    for places, points in ((local, W_LOCAL), (region, W_REGION)):
        if places:
            marks, values = _in(places)
            parts.append((f"SELECT id AS oid, {points} AS w FROM {user} WHERE place_id IN ({marks})", values))
    if not parts:
        return []
    union, params = _candidate_sql(parts)
    sql = (f"SELECT u.id, g.score FROM ({_grouped(union)}) AS g JOIN {user} AS u ON u.id = g.oid "
           f"WHERE u.listed_in_directory = %s AND u.is_active = %s AND u.id <> %s "
           f"ORDER BY g.score DESC, u.id DESC LIMIT {CANDIDATES}")
    ids = [row[0] for row in _rows(sql, [*params, True, True, facts.ad.owner_id])]
    return _person_profiles(ids, volunteers=facts.kind == AdKind.VOLUNTEERS)


def _person_profiles(ids: list[int], *, volunteers: bool = False,
                     objects: dict[int, User] | None = None) -> list[Profile]:
    if not ids:
        return []
    if objects is None:
        objects = {u.pk: u for u in User.objects.filter(pk__in=ids).only(
            "id", "name", "email", "skills", "interests", "place_id")}
    profiles = {pk: Profile(actor=u, offers=f"{u.skills} {u.interests}" if volunteers else u.skills,
                            seeks=u.interests, place_ids={u.place_id} if u.place_id else set())
                for pk, u in objects.items()}
    for user_id, theme_id in UserThemes.objects.filter(user_id__in=list(profiles)).values_list("user_id", "theme_id"):
        profiles[user_id].themes.add(theme_id)
    return [profiles[pk] for pk in ids if pk in profiles]


# ---------------------------------------------------------------------------------------------
# For an organisation or a member: open ads


def _themes_by_id(ids: set[int]) -> dict[int, Theme]:
    """The themes with these ids: the active ones from the cached filter list (no query), others looked up."""
    known = {theme.pk: theme for theme in themes_for_filters() if theme.pk in ids}
    missing = ids - set(known)
    if missing:
        known.update({theme.pk: theme for theme in Theme.objects.filter(pk__in=missing)})
    return known


def _open_ads_sql_filter(today: datetime.date) -> tuple[str, list]:
    return "a.status = %s AND a.hidden_at IS NULL AND a.valid_until >= %s", [Ad.Status.OPEN, today]


def _ads_for_profile(profile: Profile, *, tree: PlaceTree, exclude_owner: int | None,
                     exclude_organisations: list[int], limit: int) -> list[Suggestion]:
    where_actor = Whereabouts.of(tree, profile.place_ids)
    local, region = where_actor.local_ids(tree), where_actor.region_ids(tree)
    ad_table, ad_themes, ad_places = _t(Ad), _t(AdThemes), _t(AdPlaces)
    parts: list[tuple[str, list]] = []
    if profile.themes:
        marks, values = _in(profile.themes)
        parts.append((f"SELECT ad_id AS oid, {W_THEME} AS w FROM {ad_themes} WHERE theme_id IN ({marks})", values))
    for themes, kinds in ((profile.offer_themes, SEEKING_KINDS), (profile.seek_themes, OFFERING_KINDS)):
        if themes:
            marks, values = _in(themes)
            kind_marks, kind_values = _in(sorted(kinds))
            parts.append((f"SELECT t.ad_id AS oid, {W_COMPLEMENT_THEME} AS w FROM {ad_themes} AS t "
                          f"JOIN {ad_table} AS k ON k.id = t.ad_id WHERE t.theme_id IN ({marks}) "
                          f"AND k.kind IN ({kind_marks})", values + kind_values))
    for places, points in ((local, W_LOCAL), (region, W_REGION)):
        if places:
            marks, values = _in(places)
            parts.append((f"SELECT DISTINCT ad_id AS oid, {points} AS w FROM {ad_places} "
                          f"WHERE place_id IN ({marks})", values))
    if not parts:
        return []
    union, params = _candidate_sql(parts)
    open_sql, open_params = _open_ads_sql_filter(timezone.localdate())
    kind_marks, kind_values = _in(_ad_kinds_fitting(profile.kind) or [""])
    exclusions, exclusion_params = "", []
    if exclude_owner:
        exclusions += " AND a.owner_id <> %s"
        exclusion_params.append(exclude_owner)
    if exclude_organisations:
        marks, values = _in(exclude_organisations)
        exclusions += f" AND (a.organisation_id IS NULL OR a.organisation_id NOT IN ({marks}))"
        exclusion_params += values
    sql = (f"SELECT a.id, g.score + CASE WHEN a.kind IN ({kind_marks}) THEN {W_KIND} ELSE 0 END AS score "
           f"FROM ({_grouped(union, over=3)}) AS g JOIN {ad_table} AS a ON a.id = g.oid WHERE {open_sql}{exclusions} "
           f"ORDER BY score DESC, a.id DESC LIMIT {CANDIDATES}")
    ids = [row[0] for row in _rows(sql, [*kind_values, *params, *open_params, *exclusion_params])]
    if not ids:
        return []

    ads = {ad.pk: ad for ad in Ad.objects.filter(pk__in=ids).only(
        "id", "kind", "title", "description", "is_anywhere", "organisation_id", "owner_id", "language",
        "valid_until", "created_at", "status")}
    themes_of: dict[int, set[int]] = {pk: set() for pk in ads}
    places_of: dict[int, set[int]] = {pk: set() for pk in ads}
    marks, values = _in(ads)
    for ad_id, tag, value in _rows(
            f"SELECT ad_id, 1, theme_id FROM {ad_themes} WHERE ad_id IN ({marks}) UNION ALL "
            f"SELECT ad_id, 2, place_id FROM {ad_places} WHERE ad_id IN ({marks})", values * 2):
        (themes_of if tag == 1 else places_of)[ad_id].add(value)
    theme_objects = _themes_by_id(set().union(*themes_of.values()))
    ranked = []
    for pk in ids:
        ad = ads[pk]
        facts = AdFacts(ad=ad, kind=ad.kind, themes={t: theme_objects.get(t) for t in sorted(themes_of[pk])},
                        place_ids=places_of[pk], is_anywhere=ad.is_anywhere, text=f"{ad.title} {ad.description}")
        facts.keys = _keys(facts.text)
        where_ad = Whereabouts.of(tree, facts.place_ids)
        score, _reasons = _score(facts, profile, where_ad, where_actor, for_actor=True, explain=False)
        if score >= MIN_SCORE:
            ranked.append((score, facts, where_ad))
    ranked.sort(key=lambda item: (-item[0], -item[1].ad.pk))
    best = []
    for score, facts, where_ad in ranked[:limit]:
        _score_again, reasons = _score(facts, profile, where_ad, where_actor, for_actor=True)
        best.append(Suggestion(actor=profile.actor, score=score, reasons=reasons, ad=facts.ad))
    # The cards show the poster, themes and places: load those for the few shown.
    full = Ad.objects.filter(pk__in=[s.ad.pk for s in best]).select_related("organisation", "owner") \
        .prefetch_related("themes", "places").in_bulk()
    for suggestion in best:
        suggestion.ad = full.get(suggestion.ad.pk, suggestion.ad)
    return best


def ads_for_organisation(organisation: Organisation, *, limit: int = 10, tree: PlaceTree | None = None) -> list[Suggestion]:
    """Open ads that fit `organisation` (its themes, what it offers and seeks, its places, its kind), its own
    ads excepted, with the reasons spoken to the organisation. Each Suggestion has `.ad`."""
    profile = _organisation_profiles([organisation.pk], objects={organisation.pk: organisation})[0]
    return _ads_for_profile(profile, tree=tree or PlaceTree(), exclude_owner=None,
                            exclude_organisations=[organisation.pk], limit=limit)


def ads_for_member(user, *, limit: int = 10, tree: PlaceTree | None = None,
                   organisation_ids: list[int] | None = None) -> list[Suggestion]:
    """Open ads that fit the member as a person (themes, skills, interests, place), excluding their own ads:
    those they posted and those for organisations they are an active member of."""
    profile = _person_profiles([user.pk], objects={user.pk: user})[0]
    mine = organisation_ids if organisation_ids is not None else list(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list("organisation_id", flat=True))
    return _ads_for_profile(profile, tree=tree or PlaceTree(), exclude_owner=user.pk, exclude_organisations=mine,
                            limit=limit)


# ---------------------------------------------------------------------------------------------
# "Best match for me": the ad list sorted in SQL


def _viewer_profile(user) -> tuple[set[int], set[int], set[int], set[str], list[int]]:
    """A member's themes (own and their organisations'), complementary themes (offer and seek), places and
    organisation kinds, and their organisations' ids: three queries."""
    organisations = list(Organisation.objects.listed().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE).values_list("id", "kind", "head_office_id"))
    organisation_ids = [row[0] for row in organisations]
    themes = set(UserThemes.objects.filter(user_id=user.pk).values_list("theme_id", flat=True))
    offer_themes: set[int] = set()
    seek_themes: set[int] = set()
    places = {user.place_id} if user.place_id else set()
    places |= {row[2] for row in organisations if row[2]}
    if organisation_ids:
        profiles = _organisation_profiles(organisation_ids)
        for profile in profiles:
            themes |= profile.themes
            offer_themes |= profile.offer_themes
            seek_themes |= profile.seek_themes
            places |= profile.place_ids
    kinds = {row[1] for row in organisations}
    return themes, offer_themes | seek_themes, places, kinds, organisation_ids


def ads_sorted_for(viewer, queryset: QuerySet) -> QuerySet:
    """`queryset` (of Ad) ordered by fit for `viewer`, best first, then newest. The score is an SQL annotation
    (`match_score`), so the list paginates as usual. Visitors, and members with nothing to match on, get newest."""
    newest = ("-created_at", "-id")
    if viewer is None or not viewer.is_authenticated:
        return queryset.order_by(*newest)
    themes, complement_themes, places, kinds, _organisations = _viewer_profile(viewer)
    tree = PlaceTree()
    where = Whereabouts.of(tree, places)
    if not (themes or complement_themes or where or kinds):
        return queryset.order_by(*newest)
    score = Value(0)
    if themes:
        shared = (AdThemes.objects.filter(ad_id=OuterRef("pk"), theme_id__in=themes).order_by()
                  .values("ad_id").annotate(n=Count("*")).values("n"))
        score = score + Value(W_THEME) * Coalesce(Subquery(shared, output_field=IntegerField()), Value(0))
    if complement_themes:
        score = score + Case(When(Exists(AdThemes.objects.filter(ad_id=OuterRef("pk"),
                                                                 theme_id__in=complement_themes)),
                                  then=Value(W_COMPLEMENT_THEME)), default=Value(0))
    local, region = where.local_ids(tree), where.region_ids(tree)
    place_whens = []
    if local:
        place_whens.append(When(Exists(AdPlaces.objects.filter(ad_id=OuterRef("pk"), place_id__in=local)),
                                then=Value(W_LOCAL + W_REGION)))
    if region:
        place_whens.append(When(Exists(AdPlaces.objects.filter(ad_id=OuterRef("pk"), place_id__in=region)),
                                then=Value(W_REGION)))
    if where.countries:
        place_whens.append(When(Exists(AdPlaces.objects.filter(ad_id=OuterRef("pk"),
                                                               place__country__in=where.countries)),
                                then=Value(W_COUNTRY)))
    if place_whens:
        score = score + Case(When(is_anywhere=True, then=Value(0)), *place_whens, default=Value(0))
    fitting_kinds = sorted({kind for organisation_kind in kinds for kind in _ad_kinds_fitting(organisation_kind)})
    if fitting_kinds:
        score = score + Case(When(kind__in=fitting_kinds, then=Value(W_KIND)), default=Value(0))
    return queryset.annotate(match_score=score).order_by("-match_score", *newest)

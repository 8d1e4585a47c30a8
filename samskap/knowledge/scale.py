"""Volume resources and funding calls for load tests: `manage.py seed_scale --resources 20000 --funding-calls 500`.

Two steps registered with the directory's `@scale_step` (seed_scale discovers every app's scale.py).
Titles, summaries and Markdown bodies are composed from word lists in Swedish, Norwegian, Danish and
English, so search and the lists see realistic text in every language of the hub; about one in ten
resources is a method card with its structured fields, and some resources are versions of the one
before in another language (they share `translation_group`). Funding calls go to the directory's
funders (organisations of kind "funder"); when there are none, a few are created. The same seed
gives the same rows. Rows are written with `bulk_create` in batches and many-to-many links straight
into the through tables; the search index is rebuilt for both kinds once at the end (scale_seed).
"""

from __future__ import annotations

import datetime
import random
import time
import uuid
from decimal import Decimal
from itertools import accumulate
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from samskap.actors.models import Organisation, OrganisationKind, Sector
from samskap.actors.scale import LANGUAGE_OF_COUNTRY, WORDS, ScaleRun, scale_places, scale_step
from samskap.core.models import Place, Theme

from .models import Audience, FundingCall, FundingDeadline, LinkStatus, Resource, ResourceKind, url_normalised

# English has no directory word list of its own (the directory is Scandinavian); these slots are enough
# for resources, which are often written in English (EU reports, international method guides).
ENGLISH: dict[str, list[str]] = {
    "topic": ["work integration", "reuse and the circular economy", "loneliness among older people",
              "youth unemployment", "integration and language", "mental health", "child poverty", "housing",
              "the climate transition", "local food production", "co-creation in the neighbourhood",
              "social entrepreneurship"],
    "target": ["young people far from the labour market", "newcomers", "older people who feel lonely",
               "families with children", "the long-term unemployed", "local enthusiasts with ideas",
               "associations and cooperatives", "people with disabilities"],
    "method": ["work placements and mentoring", "workshops and network meetings", "mentoring",
               "World Café and Open Space", "shared meals", "courses and study circles",
               "a neighbourhood incubator", "open workshops"],
    "partner": ["the municipality", "the job centre", "local businesses", "schools in the area",
                "the housing company", "civil society organisations", "the region", "the university"],
}

# Per language: title patterns per kind, summaries, body sentences and method-card parts.
TEXTS: dict[str, dict[str, list[str]]] = {
    "sv": {
        ResourceKind.METHOD: ["Metodkort: {method_name}", "{method_name} för {topic}", "Så leder du {method_name}"],
        ResourceKind.TOOL: ["Verktyg för {topic}", "Mall och verktygslåda: {topic}", "Självskattning för {target}"],
        ResourceKind.GUIDE: ["Guide till {topic}", "Kom igång med {topic}", "Handbok: {topic} i {place}"],
        ResourceKind.REPORT: ["Rapport: {topic} i {place}", "Kartläggning av {topic}", "Utvärdering av {topic}"],
        ResourceKind.CASE: ["Så gjorde vi i {place}: {topic}", "Exempel från {place}: {topic}"],
        ResourceKind.TEMPLATE: ["Mall för avsiktsförklaring om {topic}", "Budgetmall för projekt om {topic}"],
        ResourceKind.LINK: ["{topic_title} – länksamling", "Nätverk för {topic}", "Stöd för {target}"],
        ResourceKind.VIDEO: ["Film: {topic} i {place}", "Webbinarium om {topic}"],
        "summary": ["Om {topic} för {target}.", "Erfarenheter av {topic} från {place}.",
                    "Hur {partner} och civilsamhället kan arbeta med {topic}."],
        "body": ["Materialet vänder sig till {target}.", "Vi beskriver hur man arbetar med {method}.",
                 "Arbetet gjordes tillsammans med {partner}.", "Läs mer om {topic} och hur ni kommer igång.",
                 "Samskapande betyder att de som berörs är med från början."],
        "heading": ["Bakgrund", "Så gör du", "Lärdomar", "Läs mer"],
        "purpose": "Att samla många perspektiv på {topic}.",
        "when": "När {target} och {partner} ska hitta en gemensam väg framåt.",
        "materials": ["Blädderblock", "Post-it-lappar", "Pennor", "Klisterprickar", "Timer"],
        "steps": ["Formulera frågan", "Bjud in deltagarna", "Samtala i små grupper", "Skörda idéerna",
                  "Bestäm nästa steg"],
        "tips": "Håll tiden och låt alla komma till tals.",
    },
    "nb": {
        ResourceKind.METHOD: ["Metodekort: {method_name}", "{method_name} for {topic}", "Slik leder du {method_name}"],
        ResourceKind.TOOL: ["Verktøy for {topic}", "Verktøykasse: {topic}", "Egenvurdering for {target}"],
        ResourceKind.GUIDE: ["Veileder for {topic}", "Kom i gang med {topic}", "Håndbok: {topic} i {place}"],
        ResourceKind.REPORT: ["Rapport: {topic} i {place}", "Kartlegging av {topic}", "Evaluering av {topic}"],
        ResourceKind.CASE: ["Slik gjorde vi det i {place}: {topic}", "Eksempel fra {place}: {topic}"],
        ResourceKind.TEMPLATE: ["Mal for intensjonsavtale om {topic}", "Budsjettmal for prosjekter om {topic}"],
        ResourceKind.LINK: ["{topic_title} – lenkesamling", "Nettverk for {topic}", "Støtte til {target}"],
        ResourceKind.VIDEO: ["Film: {topic} i {place}", "Webinar om {topic}"],
        "summary": ["Om {topic} for {target}.", "Erfaringer med {topic} fra {place}.",
                    "Hvordan {partner} og frivilligheten kan jobbe med {topic}."],
        "body": ["Materialet er for {target}.", "Vi beskriver hvordan man jobber med {method}.",
                 "Arbeidet ble gjort sammen med {partner}.", "Les mer om {topic} og hvordan dere kommer i gang.",
                 "Samskaping betyr at de som berøres er med fra starten."],
        "heading": ["Bakgrunn", "Slik gjør du det", "Erfaringer", "Les mer"],
        "purpose": "Å samle mange perspektiver på {topic}.",
        "when": "Når {target} og {partner} skal finne en felles vei videre.",
        "materials": ["Flippover", "Post-it-lapper", "Penner", "Klistremerker", "Tidtaker"],
        "steps": ["Formuler spørsmålet", "Inviter deltakerne", "Samtal i små grupper", "Høst ideene",
                  "Bestem neste steg"],
        "tips": "Hold tiden og la alle komme til orde.",
    },
    "da": {
        ResourceKind.METHOD: ["Metodekort: {method_name}", "{method_name} til {topic}", "Sådan leder du {method_name}"],
        ResourceKind.TOOL: ["Værktøj til {topic}", "Værktøjskasse: {topic}", "Selvevaluering for {target}"],
        ResourceKind.GUIDE: ["Guide til {topic}", "Kom i gang med {topic}", "Håndbog: {topic} i {place}"],
        ResourceKind.REPORT: ["Rapport: {topic} i {place}", "Kortlægning af {topic}", "Evaluering af {topic}"],
        ResourceKind.CASE: ["Sådan gjorde vi i {place}: {topic}", "Eksempel fra {place}: {topic}"],
        ResourceKind.TEMPLATE: ["Skabelon til hensigtserklæring om {topic}", "Budgetskabelon til projekter om {topic}"],
        ResourceKind.LINK: ["{topic_title} – linksamling", "Netværk for {topic}", "Støtte til {target}"],
        ResourceKind.VIDEO: ["Film: {topic} i {place}", "Webinar om {topic}"],
        "summary": ["Om {topic} for {target}.", "Erfaringer med {topic} fra {place}.",
                    "Hvordan {partner} og civilsamfundet kan arbejde med {topic}."],
        "body": ["Materialet henvender sig til {target}.", "Vi beskriver, hvordan man arbejder med {method}.",
                 "Arbejdet blev gjort sammen med {partner}.", "Læs mere om {topic}, og hvordan I kommer i gang.",
                 "Samskabelse betyder, at de berørte er med fra begyndelsen."],
        "heading": ["Baggrund", "Sådan gør du", "Erfaringer", "Læs mere"],
        "purpose": "At samle mange perspektiver på {topic}.",
        "when": "Når {target} og {partner} skal finde en fælles vej frem.",
        "materials": ["Flipover", "Post-its", "Kuglepenne", "Klistermærker", "Æggeur"],
        "steps": ["Formulér spørgsmålet", "Inviter deltagerne", "Tal sammen i små grupper", "Høst idéerne",
                  "Beslut næste skridt"],
        "tips": "Hold tiden, og lad alle komme til orde.",
    },
    "en": {
        ResourceKind.METHOD: ["Method card: {method_name}", "{method_name} for {topic}", "How to run {method_name}"],
        ResourceKind.TOOL: ["A toolkit for {topic}", "Tools for {topic}", "A self-assessment for {target}"],
        ResourceKind.GUIDE: ["A guide to {topic}", "Getting started with {topic}", "Handbook: {topic} in {place}"],
        ResourceKind.REPORT: ["Report: {topic} in {place}", "Mapping {topic}", "Evaluating {topic}"],
        ResourceKind.CASE: ["How {place} did it: {topic}", "A case from {place}: {topic}"],
        ResourceKind.TEMPLATE: ["Letter of intent template on {topic}", "Budget template for projects on {topic}"],
        ResourceKind.LINK: ["{topic_title}: a link collection", "Networks for {topic}", "Support for {target}"],
        ResourceKind.VIDEO: ["Film: {topic} in {place}", "Webinar on {topic}"],
        "summary": ["On {topic} for {target}.", "Lessons on {topic} from {place}.",
                    "How {partner} and civil society can work on {topic}."],
        "body": ["The material is for {target}.", "We describe how to work with {method}.",
                 "The work was done together with {partner}.", "Read more about {topic} and how to get started.",
                 "Co-creation means that those affected take part from the start."],
        "heading": ["Background", "How to do it", "Lessons", "Further reading"],
        "purpose": "To gather many perspectives on {topic}.",
        "when": "When {target} and {partner} need to find a way forward together.",
        "materials": ["Flip chart", "Sticky notes", "Pens", "Dot stickers", "Timer"],
        "steps": ["Frame the question", "Invite the participants", "Talk in small groups", "Harvest the ideas",
                  "Agree on the next steps"],
        "tips": "Keep time and let everyone be heard.",
    },
}
METHOD_NAMES = ["World Café", "Open Space", "Future Search", "Theory U", "Appreciative Inquiry", "Fishbowl",
                "Six Thinking Hats", "Design Thinking", "Lean Startup", "Empathy Map", "Business Model Canvas"]
DOMAINS = ["kunskapsbanken", "metodbanken", "socialinnovation", "samskapning", "sosialentreprenor",
           "socialokonomi", "nordicinnovation", "civilsamhalle", "frivillighet", "kommunforbundet"]

# kind: weight. Links dominate, as on SED's link page; one in ten is a method card.
KIND_WEIGHTS = {ResourceKind.LINK: 35, ResourceKind.GUIDE: 14, ResourceKind.TOOL: 9, ResourceKind.REPORT: 10,
                ResourceKind.CASE: 9, ResourceKind.METHOD: 10, ResourceKind.TEMPLATE: 6, ResourceKind.VIDEO: 7}
LANGUAGE_WEIGHTS = {"sv": 35, "nb": 25, "da": 25, "en": 15}
LINK_STATUS_WEIGHTS = {LinkStatus.OK: 70, LinkStatus.UNCHECKED: 20, LinkStatus.REDIRECTED: 5, LinkStatus.BROKEN: 5}
VERSION_SHARE = 0.1  # resources that are another language's version of the one before
HIDDEN_SHARE = 0.03


_SLUG_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss"})


def _slug(text: str, length: int) -> str:
    """A slug that keeps Danish and Norwegian letters readable ("kortlægning" → "kortlaegning", not "kortlgning")."""
    return slugify(text.translate(_SLUG_LETTERS))[:length].strip("-")


def _words(language: str) -> dict[str, list[str]]:
    return ENGLISH if language == "en" else WORDS[language]


def _compose(template: str, rng: random.Random, language: str, values: dict[str, str]) -> str:
    words = _words(language)
    slots = {name: rng.choice(words[name]) for name in ("topic", "target", "method", "partner")
             if "{" + name + "}" in template}
    text = template.format(**{**values, **slots, "topic_title": rng.choice(words["topic"])})
    return text[0].upper() + text[1:]


def resource_texts(rng: random.Random, *, language: str, kind: str, place: str) -> dict[str, str]:
    """A title, summary and Markdown body for one resource, in the language given; method-card fields for methods."""
    texts = TEXTS[language]
    values = {"place": place, "method_name": rng.choice(METHOD_NAMES)}
    title = _compose(rng.choice(texts[kind]), rng, language, values)
    summary = " ".join(_compose(s, rng, language, values) for s in rng.sample(texts["summary"], 2))
    sections = []
    for heading in rng.sample(texts["heading"], rng.randint(1, 3)):
        sentences = " ".join(_compose(s, rng, language, values) for s in rng.sample(texts["body"], rng.randint(2, 4)))
        sections.append(f"## {heading}\n\n{sentences}")
    if rng.random() < 0.5:
        sections.append("\n".join(f"- {_compose(s, rng, language, values)}" for s in rng.sample(texts["body"], 3)))
    result = {"title": title[:300], "summary": summary[:2000], "body": "\n\n".join(sections)}
    if kind == ResourceKind.METHOD:
        result.update(
            purpose=_compose(texts["purpose"], rng, language, values),
            when_to_use=_compose(texts["when"], rng, language, values),
            materials="\n".join(rng.sample(texts["materials"], rng.randint(2, 4))),
            steps="\n".join(texts["steps"][:rng.randint(3, len(texts["steps"]))]),
            facilitator_tips=texts["tips"],
        )
    return result


def _unique(model, wanted: list[str]) -> list[str]:
    """The slugs wanted, numbered where one is taken already or comes twice in the batch."""
    slugs, numbers = list(wanted), [1] * len(wanted)
    while True:
        taken = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        seen, changed = set(), False
        for position, slug in enumerate(slugs):
            if slug in taken or slug in seen:
                numbers[position] += 1
                slugs[position] = f"{wanted[position]}-{numbers[position]}"
                changed = True
            seen.add(slugs[position])
        if not changed:
            return slugs


def _ids_after_bulk_create(model, rows: list, slugs: list[str]) -> None:
    if any(row.pk is None for row in rows):  # databases that do not return ids
        by_slug = dict(model.objects.filter(slug__in=slugs).values_list("slug", "id"))
        for row in rows:
            row.pk = by_slug[row.slug]


@scale_step("resources", help="Resources (links, guides, method cards …) to create, in four languages.",
            search_kinds=("resource",))
def resources_create_many(run: ScaleRun, count: int) -> int:
    rng = run.rng("resources")
    places = [place for place in scale_places() if place.id]
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    organisation_ids = list(Organisation.objects.filter(merged_into=None).order_by("id")
                            .values_list("id", flat=True)[:5000])
    kinds, kind_weights = list(KIND_WEIGHTS), list(accumulate(KIND_WEIGHTS.values()))
    languages, language_weights = list(LANGUAGE_WEIGHTS), list(accumulate(LANGUAGE_WEIGHTS.values()))
    statuses, status_weights = list(LINK_STATUS_WEIGHTS), list(accumulate(LINK_STATUS_WEIGHTS.values()))
    audiences = list(Audience.values)
    today = timezone.localdate()
    now = timezone.now()
    start_index = Resource.objects.count()
    Themes, Places, Related = Resource.themes.through, Resource.places.through, Resource.related_methods.through
    created = 0
    since = time.monotonic()
    previous: tuple[set[str], uuid.UUID] | None = None  # the last resource's group: its languages and uuid
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        resources, theme_picks, place_picks = [], [], []
        for offset in range(size):
            index = start_index + batch_start + offset + 1
            place = rng.choice(places) if places else None
            place_name = place.name if place else "Malmö"
            kind = rng.choices(kinds, cum_weights=kind_weights)[0]
            group = uuid.UUID(int=rng.getrandbits(128), version=4)
            language = rng.choices(languages, cum_weights=language_weights)[0]
            is_version = rng.random() < VERSION_SHARE  # a version of the one before, in a language it lacks
            other_languages = [code for code in languages if code not in previous[0]] if previous else []
            if is_version and previous is not None and other_languages:
                language = rng.choice(other_languages)
                group = previous[1]
                previous[0].add(language)
            else:
                previous = ({language}, group)
            texts = resource_texts(rng, language=language, kind=kind, place=place_name)
            has_url = kind != ResourceKind.METHOD or rng.random() < 0.3
            url = f"https://www.{rng.choice(DOMAINS)}.example/{_slug(texts['title'], 80)}-{index}" if has_url else ""
            status = rng.choices(statuses, cum_weights=status_weights)[0] if url else LinkStatus.UNCHECKED
            method = kind == ResourceKind.METHOD
            smallest = rng.choice([4, 8, 12, 20]) if method else None
            author, organisation_pick = rng.random(), rng.random()  # drawn always: the same seed, the same texts
            resources.append(Resource(
                slug=f"{_slug(texts['title'], 300) or 'resource'}-{index}", kind=kind, language=language,
                url=url, url_normalised=url_normalised(url), translation_group=group,
                audiences=rng.sample(audiences, rng.randint(1, 2)),
                published_on=today - datetime.timedelta(days=rng.randint(0, 6 * 365)),
                is_published=rng.random() >= HIDDEN_SHARE,
                author_organisation_id=organisation_ids[int(organisation_pick * len(organisation_ids))]
                if organisation_ids and author < 0.4 else None,
                author_name=f"{rng.choice(WORDS['sv']['first'])} {rng.choice(WORDS['sv']['last'])}"
                if 0.4 <= author < 0.6 else "",
                group_size_min=smallest, group_size_max=smallest * rng.choice([3, 5, 10]) if smallest else None,
                duration_minutes=rng.choice([45, 60, 90, 120, 180]) if method else None,
                link_status=status, link_checked_at=now if status != LinkStatus.UNCHECKED else None,
                link_status_code={LinkStatus.OK: 200, LinkStatus.REDIRECTED: 301, LinkStatus.BROKEN: 404}.get(status),
                link_final_url=f"{url}/new" if status == LinkStatus.REDIRECTED else "",
                **texts,
            ))
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(0, 3))))
            place_picks.append([p.id for p in rng.sample(places, min(len(places), rng.choice([0, 0, 1, 1, 2])))])
        slugs = _unique(Resource, [resource.slug for resource in resources])
        for resource, slug in zip(resources, slugs):
            resource.slug = slug
        with transaction.atomic():
            Resource.objects.bulk_create(resources, batch_size=run.batch_size)
            _ids_after_bulk_create(Resource, resources, slugs)
            Themes.objects.bulk_create([Themes(resource_id=r.pk, theme_id=t)
                                        for r, picks in zip(resources, theme_picks) for t in picks], batch_size=5000)
            Places.objects.bulk_create([Places(resource_id=r.pk, place_id=p)
                                        for r, picks in zip(resources, place_picks) for p in set(picks)],
                                       batch_size=5000)
            # Each method card relates to the one before it in the batch (both ways: the relation is symmetrical).
            methods = [r.pk for r in resources if r.kind == ResourceKind.METHOD]
            Related.objects.bulk_create([Related(from_resource_id=a, to_resource_id=b)
                                         for first, second in zip(methods, methods[1:])
                                         for a, b in ((first, second), (second, first))], batch_size=5000)
        created += size
        run.progress("resources", created, count, since)
    return created


# -------------------------------------------------------------------------------------------------
# Funding calls

TIME_ZONE_OF_COUNTRY = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen"}
CURRENCY_OF_COUNTRY = {"SE": "SEK", "NO": "NOK", "DK": "DKK"}
CALL_TEXTS: dict[str, dict[str, list[str] | str]] = {
    "sv": {
        "title": ["Stöd till {topic}", "Utlysning: {topic}", "Projektmedel för {topic}", "Stödprogram för {target}"],
        "programme": ["Regionala tillväxtmedel", "Europeiska socialfonden+", "Leader {place}", "Sociala investeringar",
                      "Föreningsbidrag {place}", "Innovationsstöd"],
        "summary": "Stöd till projekt om {topic} som når {target}. Vi prioriterar samarbeten med {partner}.",
        "eligibility": "Ideella föreningar, sociala företag och kooperativ som verkar i {place}.",
        "co_financing": ["50 % medfinansiering krävs", "Ingen medfinansiering krävs", "Minst 25 % egen insats"],
        "funder": ["{place} Sparbanksstiftelse", "Region {place}, utvecklingsenheten",
                   "Stiftelsen för social innovation"],
        "round": "Omgång {n}",
    },
    "nb": {
        "title": ["Tilskudd til {topic}", "Utlysning: {topic}", "Prosjektmidler til {topic}",
                  "Tilskuddsordning for {target}"],
        "programme": ["Regionale utviklingsmidler", "Tilskudd til frivillig virksomhet", "Sosialt entreprenørskap",
                      "Inkluderingstilskudd {place}", "Innovasjonstilskudd"],
        "summary": "Tilskudd til prosjekter om {topic} som når {target}. Vi prioriterer samarbeid med {partner}.",
        "eligibility": "Frivillige organisasjoner, sosiale entreprenører og samvirker i {place}.",
        "co_financing": ["50 % egenfinansiering kreves", "Ingen egenandel kreves", "Minst 25 % egeninnsats"],
        "funder": ["Sparebankstiftelsen {place}", "{place} fylkeskommune", "Stiftelsen for sosial innovasjon"],
        "round": "Runde {n}",
    },
    "da": {
        "title": ["Støtte til {topic}", "Ansøgningsrunde: {topic}", "Projektmidler til {topic}", "Pulje til {target}"],
        "programme": ["Puljen til socialøkonomiske virksomheder", "Regionale udviklingsmidler", "Frivillighedspuljen",
                      "Den sociale investeringsfond", "Innovationspuljen {place}"],
        "summary": "Støtte til projekter om {topic}, der når {target}. Vi prioriterer samarbejder med {partner}.",
        "eligibility": "Foreninger, socialøkonomiske virksomheder og andelsselskaber i {place}.",
        "co_financing": ["50 % medfinansiering kræves", "Ingen medfinansiering kræves", "Mindst 25 % egenfinansiering"],
        "funder": ["{place} Sparekassefond", "Region {place}", "Fonden for social innovation"],
        "round": "Runde {n}",
    },
}
AMOUNT_STEPS = [10_000, 25_000, 50_000, 100_000, 250_000, 500_000]


def _funders_ensure(run: ScaleRun, rng: random.Random, places: list) -> list[tuple[int, str]]:
    """(id, country) of the directory's funders; a few new ones when it has none."""
    funders = list(Organisation.objects.filter(kind=OrganisationKind.FUNDER, merged_into=None)
                   .exclude(country="").order_by("id").values_list("id", "country")[:2000])
    if funders:
        return funders
    from samskap.core.search import search_index_update

    new = []
    for index, country in enumerate(["SE", "NO", "DK"] * 4, start=1):
        language = LANGUAGE_OF_COUNTRY[country]
        place = rng.choice([p for p in places if p.country == country] or places)
        name = str(rng.choice(CALL_TEXTS[language]["funder"])).format(place=place.name)
        new.append(Organisation(name=name, slug=f"{_slug(name, 190)}-funder-{index}", kind=OrganisationKind.FUNDER,
                                sector=Sector.CIVIL if index % 3 else Sector.PUBLIC, country=country,
                                description_language=language, head_office_id=place.id))
    slugs = _unique(Organisation, [organisation.slug for organisation in new])
    for organisation, slug in zip(new, slugs):
        organisation.slug = slug
    Organisation.objects.bulk_create(new)
    _ids_after_bulk_create(Organisation, new, slugs)
    for organisation in new:  # a dozen: indexed one by one
        search_index_update(kind="organisation", obj=organisation)
    run.log(f"  funding calls: created {len(new)} funders (the directory had none).")
    return [(organisation.pk, organisation.country) for organisation in new]


@scale_step("funding_calls", help="Funding calls from the directory's funders (a few funders are created if "
                                  "there are none), with deadlines from half a year back to a year ahead.",
            search_kinds=("funding_call",))
def funding_calls_create_many(run: ScaleRun, count: int) -> int:
    rng = run.rng("funding_calls")
    places = [place for place in scale_places() if place.id] or scale_places()
    funders = _funders_ensure(run, run.rng("funders"), places)
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    # Eligible places are countries and regions.
    wide_places: dict[str, list[int]] = {}
    for place_id, country in (Place.objects.filter(level__in=[Place.Level.COUNTRY, Place.Level.REGION],
                                                   country__in=list(LANGUAGE_OF_COUNTRY))
                              .order_by("slug").values_list("id", "country")):
        wide_places.setdefault(country, []).append(place_id)
    places_by_country: dict[str, list] = {}
    for place in places:
        places_by_country.setdefault(place.country, []).append(place)
    kinds = list(OrganisationKind.values)
    now = timezone.now()
    start_index = FundingCall.objects.count()
    Themes, Eligible = FundingCall.themes.through, FundingCall.eligible_places.through
    created = 0
    since = time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        calls, theme_picks, place_picks, deadline_picks = [], [], [], []
        for offset in range(size):
            index = start_index + batch_start + offset + 1
            funder_id, country = rng.choice(funders)
            country = country if country in LANGUAGE_OF_COUNTRY else rng.choice(list(LANGUAGE_OF_COUNTRY))
            language = LANGUAGE_OF_COUNTRY[country]
            texts = CALL_TEXTS[language]
            place = rng.choice(places_by_country.get(country) or places)
            values = {"place": place.name}
            title = _compose(str(rng.choice(texts["title"])), rng, language, values)
            zone = TIME_ZONE_OF_COUNTRY[country]
            currency = "EUR" if rng.random() < 0.1 else CURRENCY_OF_COUNTRY[country]
            smallest = rng.choice(AMOUNT_STEPS) if rng.random() < 0.8 else None
            largest = (smallest or 10_000) * rng.choice([2, 5, 10, 20]) if rng.random() < 0.9 else None
            rolling = rng.random() < 0.15
            dues = []
            if not rolling:
                for _round in range(rng.choice([1, 1, 1, 2, 3])):
                    day = now.astimezone(ZoneInfo(zone)).date() + datetime.timedelta(days=rng.randint(-180, 365))
                    hour, minute = rng.choice([(12, 0), (15, 0), (23, 59), (23, 59)])
                    local = datetime.datetime.combine(day, datetime.time(hour, minute), ZoneInfo(zone))
                    dues.append(local.astimezone(datetime.UTC))
                dues.sort()
            ahead = [due for due in dues if due >= now]
            calls.append(FundingCall(
                slug=f"{_slug(title, 290) or 'funding-call'}-{index}", title=title[:300], funder_id=funder_id,
                programme=_compose(str(rng.choice(texts["programme"])), rng, language, values),
                summary=_compose(str(texts["summary"]), rng, language, values), language=language,
                amount_min=Decimal(smallest) if smallest else None,
                amount_max=Decimal(largest) if largest else None, currency=currency, is_rolling=rolling,
                time_zone=zone, next_deadline=ahead[0] if ahead else None,
                eligible_kinds=rng.sample(kinds, rng.choice([0, 0, 1, 2, 3])),
                eligibility=_compose(str(texts["eligibility"]), rng, language, values),
                co_financing=str(rng.choice(texts["co_financing"])),
                url=f"https://www.{_slug(title, 40) or 'fund'}.example/call-{index}",
                contact_name=f"{rng.choice(WORDS[language]['first'])} {rng.choice(WORDS[language]['last'])}",
                contact_email=f"utlysning-{index}@funder.example" if rng.random() < 0.7 else "",
                is_published=rng.random() >= HIDDEN_SHARE,
                # Volume calls count as announced: the digest sends no alerts about them to volume people.
                alerts_sent_at=now,
            ))
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(0, 3))))
            wide = wide_places.get(country, [])
            place_picks.append(rng.sample(wide, min(len(wide), rng.choice([0, 1, 1, 2]))))
            deadline_picks.append(dues)
        slugs = _unique(FundingCall, [call.slug for call in calls])
        for call, slug in zip(calls, slugs):
            call.slug = slug
        with transaction.atomic():
            FundingCall.objects.bulk_create(calls, batch_size=run.batch_size)
            _ids_after_bulk_create(FundingCall, calls, slugs)
            FundingDeadline.objects.bulk_create(
                [FundingDeadline(call_id=call.pk, due=due,
                                 label="" if len(dues) == 1 else str(CALL_TEXTS[call.language]["round"]).format(n=n))
                 for call, dues in zip(calls, deadline_picks) for n, due in enumerate(dues, start=1)],
                batch_size=run.batch_size)
            Themes.objects.bulk_create([Themes(fundingcall_id=c.pk, theme_id=t)
                                        for c, picks in zip(calls, theme_picks) for t in picks], batch_size=5000)
            Eligible.objects.bulk_create([Eligible(fundingcall_id=c.pk, place_id=p)
                                          for c, picks in zip(calls, place_picks) for p in picks], batch_size=5000)
        created += size
        run.progress("funding_calls", created, count, since)
    return created

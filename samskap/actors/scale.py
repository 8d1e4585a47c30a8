"""Deterministic volume data for load tests and benchmarks (`manage.py seed_scale`).

Every kind of content registers one step with `@scale_step("name", ...)`; the command offers a
`--name N` flag for each. Later apps add theirs in their own `scale.py` (the command imports every
app's `scale` module), e.g.::

    @scale_step("ads", help="Marketplace ads to create.", search_kinds=("ad",))
    def ads_create(run: ScaleRun, count: int) -> int: ...

Names and texts are composed from word lists in Swedish, Norwegian (bokmål) and Danish, so the
search index and the pages see realistic Scandinavian text. The same seed gives the same names.
Rows are written with `bulk_create` in batches, and many-to-many links straight into the through
tables, which is what makes 100,000 organisations a matter of a minute rather than an hour.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from django.db import transaction
from django.utils.text import slugify
from stdnum import luhn

from samskap.core.models import Place, Theme
from samskap.core.search import SEARCH_KINDS, search_index_rebuild

from .models import Membership, Organisation, OrganisationKind, Sector

# ---------------------------------------------------------------------------------------------
# The registry of steps


@dataclass(frozen=True)
class ScaleStep:
    name: str
    help: str
    create: Callable[[ScaleRun, int], int]
    search_kinds: tuple[str, ...] = ()


SCALE_STEPS: dict[str, ScaleStep] = {}


def scale_step(name: str, *, help: str, search_kinds: Sequence[str] = ()) -> Callable:
    """Register a function `(run, count) -> created` as the `--<name> N` flag of `seed_scale`."""

    def register(create: Callable[[ScaleRun, int], int]) -> Callable[[ScaleRun, int], int]:
        SCALE_STEPS[name] = ScaleStep(name=name, help=help, create=create, search_kinds=tuple(search_kinds))
        return create

    return register


@dataclass
class ScaleRun:
    """What every step shares: the seed, the batch size and where progress goes."""

    seed: int = 1
    batch_size: int = 2000
    log: Callable[[str], None] = print

    def rng(self, step: str) -> random.Random:
        """One generator per step, so adding a step does not change what the others create."""
        return random.Random(f"samskap-scale:{self.seed}:{step}")

    def progress(self, step: str, done: int, total: int, since: float) -> None:
        rate = done / max(time.monotonic() - since, 1e-6)
        self.log(f"  {step}: {done:,}/{total:,} ({time.monotonic() - since:.1f} s, {rate:,.0f}/s)")


def scale_seed(*, run: ScaleRun, counts: dict[str, int]) -> dict[str, int]:
    """Run the registered steps in registration order for the counts given; return what each created."""
    created: dict[str, int] = {}
    for step in SCALE_STEPS.values():
        count = counts.get(step.name) or 0
        if count <= 0:
            continue
        since = time.monotonic()
        run.log(f"Creating {count:,} {step.name} …")
        created[step.name] = step.create(run, count)
        run.log(f"Created {created[step.name]:,} {step.name} in {time.monotonic() - since:.1f} s.")
    kinds = [kind for step in SCALE_STEPS.values() if created.get(step.name) for kind in step.search_kinds
             if kind in SEARCH_KINDS]
    if kinds:
        since = time.monotonic()
        run.log(f"Rebuilding the search index for {', '.join(kinds)} …")
        search_index_rebuild(kinds=kinds)
        run.log(f"Search index rebuilt in {time.monotonic() - since:.1f} s.")
    return created


# ---------------------------------------------------------------------------------------------
# Organisation numbers with valid check digits (fictional; never claimed to be real registrations)


def org_number_generate(country: str, rng: random.Random) -> str:
    """Return a fictional organisation number that passes the country's check, in its standard format."""
    while True:
        if country == "SE":
            # Group digit 8 (ideell förening, stiftelse) or 7 (ekonomisk förening) or 5 (aktiebolag);
            # the third digit is at least 2, which tells an organisation from a personal number.
            body = f"{rng.choice('578')}{rng.randint(0, 9)}{rng.randint(2, 9)}{rng.randint(0, 999999):06d}"
            number = body + luhn.calc_check_digit(body)
            return f"{number[:6]}-{number[6:]}"
        if country == "NO":
            body = f"{rng.choice('89')}{rng.randint(0, 9999999):07d}"
            weighted = sum(w * int(d) for w, d in zip((3, 2, 7, 6, 5, 4, 3, 2), body))
            check = (11 - weighted % 11) % 11
            if check == 10:
                continue
            number = body + str(check)
            return f"{number[:3]} {number[3:6]} {number[6:]}"
        if country == "DK":
            body = f"{rng.randint(1, 9)}{rng.randint(0, 999999):06d}"
            weighted = sum(w * int(d) for w, d in zip((2, 7, 6, 5, 4, 3, 2), body))
            check = (-weighted) % 11
            if check == 10:
                continue
            return body + str(check)
        raise ValueError(f"No generator for {country} organisation numbers")


# ---------------------------------------------------------------------------------------------
# Word lists. Each language has the same slots, so one composer serves all three.

LANGUAGE_OF_COUNTRY = {"SE": "sv", "NO": "nb", "DK": "da"}

WORDS: dict[str, dict[str, list[str]]] = {
    "sv": {
        "noun": ["Återbruk", "Cykelverkstad", "Syateljé", "Stadsodling", "Mötesplats", "Grannskapskök",
                 "Läxhjälp", "Språkcafé", "Kompetenscenter", "Snickeri", "Bageri", "Tvätteri", "Secondhand",
                 "Reparationscafé", "Kulturhus", "Ungdomsforum", "Seniornätverk", "Matbank", "Byalag",
                 "Hantverkshus", "Inkubator", "Trädgård", "Verkstad", "Fixarservice", "Mentorsnätverk",
                 "Föräldracafé", "Läsfrämjare", "Klimatlabb", "Musikskola", "Fritidsgård"],
        "adjective": ["Gröna", "Öppna", "Nya", "Goda", "Gemensamma", "Levande", "Hela", "Trygga", "Modiga",
                      "Lokala", "Sociala", "Kreativa", "Hållbara", "Varma", "Starka"],
        "plural": ["Händer", "Rum", "Grannar", "Vägar", "Steg", "Idéer", "Möten", "Krafter", "Rötter",
                   "Broar", "Trådar", "Kvarter"],
        "place_word": ["Norra", "Södra", "Östra", "Västra", "Gamla", "Nya"],
        "association": ["Föreningen {noun} {place}", "{place} {noun}förening", "Föreningen {adjective} {plural}",
                        "{adjective} {plural} {place}"],
        "enterprise": ["{noun} {place} AB", "{adjective} {plural} AB", "{place} {noun}", "{noun}kompaniet {place}"],
        "cooperative": ["{noun}kooperativet {place}", "{adjective} {plural} ekonomisk förening",
                        "Kooperativet {noun} {place}"],
        "foundation": ["Stiftelsen {adjective} {plural}", "Stiftelsen {noun} {place}"],
        "public": ["{place} kommun, {unit}", "{unit} i {place}"],
        "unit": ["Arbetsmarknadsförvaltningen", "Fritidsförvaltningen", "Stadsdelsförvaltningen",
                 "Integrationsenheten", "Kulturförvaltningen", "Socialförvaltningen"],
        "job_centre": ["Arbetsförmedlingen {place}", "Jobbtorg {place}", "Arbetsmarknadsenheten {place}"],
        "network": ["Nätverket {adjective} {plural}", "{place} Grannskapsinkubator", "Sociala entreprenörer i {place}",
                    "Idéburet forum {place}"],
        "university": ["{place} folkhögskola", "Centrum för social innovation {place}", "{place} studiecentrum"],
        "funder": ["{place} Sparbanksstiftelse", "Stiftelsen {adjective} {plural}", "{place} Utvecklingsfond"],
        "kind_phrase": ["ett socialt företag", "en ideell förening", "ett arbetsintegrerande socialt företag",
                        "ett kooperativ", "ett nätverk", "en stiftelse", "en mötesplats"],
        "topic": ["arbetsintegration", "återbruk och cirkulär ekonomi", "ensamhet bland äldre", "ungas arbetslöshet",
                  "integration och språk", "psykisk hälsa", "barnfattigdom", "bostadsfrågor", "klimatomställning",
                  "lokal matproduktion", "samskapande i grannskapet", "socialt entreprenörskap"],
        "target": ["unga som står långt från arbetsmarknaden", "nyanlända", "äldre som känner sig ensamma",
                   "barnfamiljer", "långtidsarbetslösa", "eldsjälar med idéer", "föreningar och kooperativ",
                   "personer med funktionsnedsättning"],
        "method": ["praktik och handledning", "workshoppar och nätverksträffar", "mentorskap",
                   "World Café och Open Space", "gemensamma måltider", "kurser och studiecirklar",
                   "en grannskapsinkubator", "öppna verkstäder"],
        "partner": ["kommunen", "Arbetsförmedlingen", "lokala företag", "skolor i området", "bostadsbolaget",
                    "idéburna organisationer", "regionen", "högskolan"],
        "offer": ["praktikplatser", "lokaler för möten", "handledning i affärsplaner", "frivilliga till evenemang",
                  "kunskap om arbetsintegration", "kontakter i kommunen", "utbildning i processledning"],
        "seek": ["samarbetspartner inom {topic}", "fler frivilliga", "finansiering för att växa", "större lokaler",
                 "mentorer med erfarenhet av ekonomi", "företag som vill ta emot praktikanter"],
        "sentences": ["{name} är {kind_phrase} i {place} som arbetar med {topic}.",
                      "Vi stöttar {target} genom {method}.",
                      "Sedan {year} har vi samarbetat med {partner}.",
                      "Vårt mål är att fler ska få vara med och bidra till samhället.",
                      "Vi tror på samskapande: de som bor i området vet bäst var skon klämmer."],
        "offers": "Vi erbjuder {offer} och {offer2}.",
        "seeks": "Vi söker {seek}.",
        "first": ["Anna", "Erik", "Sara", "Johan", "Maria", "Ahmed", "Fatima", "Lars", "Elin", "Oskar", "Amina",
                  "Karin", "Nils", "Leila", "Emma", "Mohammed", "Sofia", "Per", "Hanna", "Ali"],
        "last": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
                 "Svensson", "Lindqvist", "Hassan", "Berg", "Lindberg", "Holm", "Ali", "Nyström"],
        "skill": ["processledning", "bokföring", "arabiska", "projektledning", "ansökningar", "kommunikation",
                  "snickeri", "matlagning", "coachning", "grafisk design", "programmering", "juridik"],
        "interest": ["stadsodling", "återbruk", "läxhjälp", "föreningsliv", "kultur", "idrott", "mat", "klimat"],
    },
    "nb": {
        "noun": ["Gjenbruk", "Sykkelverksted", "Syverksted", "Bydelshage", "Møteplass", "Bydelskjøkken",
                 "Leksehjelp", "Språkkafé", "Kompetansesenter", "Snekkerverksted", "Bakeri", "Vaskeri", "Bruktbutikk",
                 "Reparasjonskafé", "Kulturhus", "Ungdomsforum", "Seniornettverk", "Matsentral", "Vel",
                 "Håndverkshus", "Inkubator", "Hage", "Verksted", "Vaktmestertjeneste", "Mentornettverk",
                 "Foreldrekafé", "Leselyst", "Klimalab", "Musikkskole", "Fritidsklubb"],
        "adjective": ["Grønne", "Åpne", "Nye", "Gode", "Felles", "Levende", "Hele", "Trygge", "Modige", "Lokale",
                      "Sosiale", "Kreative", "Bærekraftige", "Varme", "Sterke"],
        "plural": ["Hender", "Rom", "Naboer", "Veier", "Steg", "Ideer", "Møter", "Krefter", "Røtter", "Broer",
                   "Tråder", "Kvartaler"],
        "place_word": ["Nordre", "Søndre", "Østre", "Vestre", "Gamle", "Nye"],
        "association": ["Foreningen {noun} {place}", "{place} {noun}forening", "Foreningen {adjective} {plural}",
                        "{adjective} {plural} {place}"],
        "enterprise": ["{noun} {place} AS", "{adjective} {plural} AS", "{place} {noun} ideelt AS",
                       "{noun}kompaniet {place}"],
        "cooperative": ["{noun}samvirket {place}", "{adjective} {plural} SA", "Samvirket {noun} {place}"],
        "foundation": ["Stiftelsen {adjective} {plural}", "Stiftelsen {noun} {place}"],
        "public": ["{place} kommune, {unit}", "{unit} i {place}"],
        "unit": ["Bydelsutvalget", "Kulturetaten", "Velferdsetaten", "Frivillighetssentralen",
                 "Næringsavdelingen", "Oppvekstetaten"],
        "job_centre": ["NAV {place}", "Jobbsenteret {place}", "Arbeidstreningssenteret {place}"],
        "network": ["Nettverket {adjective} {plural}", "{place} nabolagsinkubator", "Sosiale entreprenører i {place}",
                    "Ildsjelforum {place}"],
        "university": ["{place} folkehøgskole", "Senter for sosial innovasjon {place}", "{place} studiesenter"],
        "funder": ["Sparebankstiftelsen {place}", "Stiftelsen {adjective} {plural}", "{place} Utviklingsfond"],
        "kind_phrase": ["en sosial virksomhet", "en frivillig forening", "en arbeidsinkluderende virksomhet",
                        "et samvirke", "et nettverk", "en stiftelse", "en møteplass"],
        "topic": ["arbeidsinkludering", "gjenbruk og sirkulær økonomi", "ensomhet blant eldre", "ungdomsledighet",
                  "integrering og språk", "psykisk helse", "barnefattigdom", "boligspørsmål", "klimaomstilling",
                  "lokal matproduksjon", "samskaping i nabolaget", "sosialt entreprenørskap"],
        "target": ["unge utenfor arbeidslivet", "nyankomne", "eldre som føler seg ensomme", "barnefamilier",
                   "langtidsledige", "ildsjeler med ideer", "foreninger og samvirker",
                   "personer med funksjonsnedsettelse"],
        "method": ["arbeidstrening og veiledning", "verksteder og nettverkssamlinger", "mentorordninger",
                   "World Café og Open Space", "felles måltider", "kurs og studiesirkler", "en nabolagsinkubator",
                   "åpne verksteder"],
        "partner": ["kommunen", "NAV", "lokale bedrifter", "skolene i bydelen", "borettslaget",
                    "ideelle organisasjoner", "fylkeskommunen", "universitetet"],
        "offer": ["arbeidstreningsplasser", "lokaler til møter", "veiledning i forretningsplaner",
                  "frivillige til arrangementer", "kunnskap om arbeidsinkludering", "kontakter i kommunen",
                  "opplæring i prosessledelse"],
        "seek": ["samarbeidspartnere innen {topic}", "flere frivillige", "finansiering for å vokse",
                 "større lokaler", "mentorer med økonomierfaring", "bedrifter som vil ta imot praktikanter"],
        "sentences": ["{name} er {kind_phrase} i {place} som jobber med {topic}.",
                      "Vi støtter {target} gjennom {method}.",
                      "Siden {year} har vi samarbeidet med {partner}.",
                      "Målet vårt er at flere skal få bidra i lokalsamfunnet.",
                      "Vi tror på samskaping: de som bor i nabolaget vet best hvor skoen trykker."],
        "offers": "Vi tilbyr {offer} og {offer2}.",
        "seeks": "Vi søker {seek}.",
        "first": ["Ingrid", "Ola", "Kari", "Jonas", "Sofie", "Ahmed", "Fatima", "Lars", "Ida", "Magnus", "Amina",
                  "Silje", "Eirik", "Leila", "Nora", "Mohammed", "Thea", "Per", "Hanne", "Ali"],
        "last": ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Haugen", "Berg",
                 "Bakken", "Hassan", "Dahl", "Lie", "Moen", "Ali", "Solberg"],
        "skill": ["prosessledelse", "regnskap", "arabisk", "prosjektledelse", "søknadsskriving", "kommunikasjon",
                  "snekring", "matlaging", "coaching", "grafisk design", "programmering", "jus"],
        "interest": ["byhager", "gjenbruk", "leksehjelp", "frivillighet", "kultur", "idrett", "mat", "klima"],
    },
    "da": {
        "noun": ["Genbrug", "Cykelværksted", "Syværksted", "Byhave", "Mødested", "Folkekøkken", "Lektiehjælp",
                 "Sprogcafé", "Kompetencecenter", "Snedkerværksted", "Bageri", "Vaskeri", "Genbrugsbutik",
                 "Reparationscafé", "Kulturhus", "Ungdomsforum", "Seniornetværk", "Madbank", "Beboerforening",
                 "Håndværkshus", "Inkubator", "Have", "Værksted", "Viceværtservice", "Mentornetværk",
                 "Forældrecafé", "Læselyst", "Klimalab", "Musikskole", "Fritidsklub"],
        "adjective": ["Grønne", "Åbne", "Nye", "Gode", "Fælles", "Levende", "Hele", "Trygge", "Modige", "Lokale",
                      "Sociale", "Kreative", "Bæredygtige", "Varme", "Stærke"],
        "plural": ["Hænder", "Rum", "Naboer", "Veje", "Skridt", "Idéer", "Møder", "Kræfter", "Rødder", "Broer",
                   "Tråde", "Kvarterer"],
        "place_word": ["Nordre", "Søndre", "Østre", "Vestre", "Gamle", "Nye"],
        "association": ["Foreningen {noun} {place}", "{place} {noun}forening", "Foreningen {adjective} {plural}",
                        "{adjective} {plural} {place}"],
        "enterprise": ["{noun} {place} ApS", "{adjective} {plural} ApS", "{place} {noun} (RSV)",
                       "{noun}kompagniet {place}"],
        "cooperative": ["{noun}andelen {place}", "{adjective} {plural} A.m.b.a.", "Andelsselskabet {noun} {place}"],
        "foundation": ["Fonden {adjective} {plural}", "Fonden for {noun} i {place}"],
        "public": ["{place} Kommune, {unit}", "{unit} i {place}"],
        "unit": ["Beskæftigelsesforvaltningen", "Kultur og Borgerservice", "Socialforvaltningen",
                 "Frivilligcentret", "Erhvervsafdelingen", "Børn og Unge"],
        "job_centre": ["Jobcenter {place}", "Jobcenter {place}, Virksomhedsservice", "Arbejdsmarkedscenter {place}"],
        "network": ["Netværket {adjective} {plural}", "{place} nabolagsinkubator", "Sociale iværksættere i {place}",
                    "Ildsjælenetværk {place}"],
        "university": ["{place} Højskole", "Center for social innovation {place}", "{place} Erhvervsakademi"],
        "funder": ["Fonden for {adjective} {plural}", "{place} Sparekassefond", "{place} Udviklingspulje"],
        "kind_phrase": ["en socialøkonomisk virksomhed", "en frivillig forening",
                        "en arbejdsintegrerende socialøkonomisk virksomhed", "et andelsselskab", "et netværk",
                        "en fond", "et mødested"],
        "topic": ["beskæftigelse", "genbrug og cirkulær økonomi", "ensomhed blandt ældre", "ungdomsarbejdsløshed",
                  "integration og sprog", "mental sundhed", "børnefattigdom", "boligspørgsmål", "klimaomstilling",
                  "lokal fødevareproduktion", "samskabelse i nabolaget", "socialt iværksætteri"],
        "target": ["unge uden for arbejdsmarkedet", "nytilkomne", "ældre der føler sig ensomme", "børnefamilier",
                   "langtidsledige", "ildsjæle med idéer", "foreninger og andelsselskaber",
                   "mennesker med handicap"],
        "method": ["praktik og vejledning", "workshops og netværksmøder", "mentorordninger",
                   "World Café og Open Space", "fællesspisning", "kurser og studiekredse", "en nabolagsinkubator",
                   "åbne værksteder"],
        "partner": ["kommunen", "jobcentret", "lokale virksomheder", "skolerne i området", "boligforeningen",
                    "frivillige foreninger", "regionen", "professionshøjskolen"],
        "offer": ["praktikpladser", "lokaler til møder", "sparring på forretningsplaner", "frivillige til events",
                  "viden om arbejdsintegration", "kontakter i kommunen", "undervisning i procesledelse"],
        "seek": ["samarbejdspartnere inden for {topic}", "flere frivillige", "finansiering til at vokse",
                 "større lokaler", "mentorer med økonomisk erfaring", "virksomheder der vil tage praktikanter"],
        "sentences": ["{name} er {kind_phrase} i {place}, der arbejder med {topic}.",
                      "Vi støtter {target} gennem {method}.",
                      "Siden {year} har vi samarbejdet med {partner}.",
                      "Vores mål er, at flere kan være med og bidrage til fællesskabet.",
                      "Vi tror på samskabelse: dem, der bor i området, ved bedst, hvor skoen trykker."],
        "offers": "Vi tilbyder {offer} og {offer2}.",
        "seeks": "Vi søger {seek}.",
        "first": ["Mette", "Anders", "Camilla", "Mads", "Louise", "Ahmed", "Fatima", "Søren", "Ida", "Rasmus",
                  "Amina", "Line", "Jakob", "Leila", "Freja", "Mohammed", "Signe", "Per", "Maja", "Ali"],
        "last": ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
                 "Rasmussen", "Jørgensen", "Hassan", "Madsen", "Kristensen", "Olsen", "Ali", "Thomsen"],
        "skill": ["procesfacilitering", "bogføring", "arabisk", "projektledelse", "fondsansøgninger", "kommunikation",
                  "tømrerarbejde", "madlavning", "coaching", "grafisk design", "programmering", "jura"],
        "interest": ["byhaver", "genbrug", "lektiehjælp", "foreningsliv", "kultur", "idræt", "mad", "klima"],
    },
}

# kind: (weight, sector, name pattern slot, legal forms per country)
KIND_PLAN: dict[str, tuple[float, str, str, dict[str, list[str]]]] = {
    OrganisationKind.SOCIAL_ENTERPRISE: (24, Sector.CIVIL, "enterprise", {
        "SE": ["se-svb", "se-aktiebolag", "se-ekonomisk-forening", "se-ideell-forening"],
        "NO": ["no-ideelt-as", "no-as", "no-samvirke"], "DK": ["dk-rsv", "dk-aps", "dk-forening"]}),
    OrganisationKind.WORK_INTEGRATING: (10, Sector.CIVIL, "enterprise", {
        "SE": ["se-ekonomisk-forening", "se-svb", "se-ideell-forening"],
        "NO": ["no-ideelt-as", "no-as"], "DK": ["dk-rsv", "dk-aps", "dk-forening"]}),
    OrganisationKind.ASSOCIATION: (27, Sector.CIVIL, "association", {
        "SE": ["se-ideell-forening"], "NO": ["no-forening"], "DK": ["dk-forening"]}),
    OrganisationKind.COOPERATIVE: (8, Sector.CIVIL, "cooperative", {
        "SE": ["se-ekonomisk-forening"], "NO": ["no-samvirke"], "DK": ["dk-andelsselskab"]}),
    OrganisationKind.FOUNDATION: (5, Sector.CIVIL, "foundation", {
        "SE": ["se-stiftelse"], "NO": ["no-stiftelse"], "DK": ["dk-fond", "dk-selvejende-institution"]}),
    OrganisationKind.COMPANY: (10, Sector.PRIVATE, "enterprise", {
        "SE": ["se-aktiebolag", "se-enskild-firma", "se-handelsbolag"], "NO": ["no-as", "no-enk", "no-da"],
        "DK": ["dk-aps", "dk-as", "dk-enkeltmandsvirksomhed"]}),
    OrganisationKind.MUNICIPALITY: (1.5, Sector.PUBLIC, "public", {
        "SE": ["se-kommun"], "NO": ["no-kommune"], "DK": ["dk-kommune"]}),
    OrganisationKind.JOB_CENTRE: (2, Sector.PUBLIC, "job_centre", {
        "SE": ["se-statlig-myndighet", "se-kommun"], "NO": ["no-statlig-virksomhet"], "DK": ["dk-kommune"]}),
    OrganisationKind.UNIVERSITY: (2, Sector.ACADEMIC, "university", {
        "SE": ["se-statlig-myndighet", "se-stiftelse"], "NO": ["no-statlig-virksomhet", "no-stiftelse"],
        "DK": ["dk-selvejende-institution"]}),
    OrganisationKind.NETWORK: (6, Sector.CIVIL, "network", {
        "SE": ["se-ideell-forening", ""], "NO": ["no-forening", ""], "DK": ["dk-forening", ""]}),
    OrganisationKind.FUNDER: (2.5, Sector.CIVIL, "funder", {
        "SE": ["se-stiftelse"], "NO": ["no-stiftelse"], "DK": ["dk-fond"]}),
    OrganisationKind.OTHER: (2, Sector.CIVIL, "association", {
        "SE": ["se-ideell-forening", ""], "NO": ["no-forening", ""], "DK": ["dk-forening", ""]}),
}
KINDS = list(KIND_PLAN)
KIND_CUMULATIVE_WEIGHTS = list(accumulate(plan[0] for plan in KIND_PLAN.values()))
ORG_NUMBER_SHARE = 0.5


@dataclass(frozen=True)
class PlaceChoice:
    id: int | None
    country: str
    name: str


def scale_places() -> list[PlaceChoice]:
    """Municipalities and neighbourhoods of SE, NO and DK (regions when none are shipped; the countries otherwise)."""
    countries = list(LANGUAGE_OF_COUNTRY)
    for levels in ([Place.Level.MUNICIPALITY, Place.Level.NEIGHBOURHOOD], [Place.Level.REGION], [Place.Level.COUNTRY]):
        rows = list(Place.objects.filter(country__in=countries, level__in=levels).order_by("slug")
                    .values_list("id", "country", "name"))
        if rows:
            return [PlaceChoice(*row) for row in rows]
    # No places at all: names still need a place word.
    fallback = {"SE": ["Malmö", "Lund", "Uppsala"], "NO": ["Oslo", "Bergen", "Tromsø"], "DK": ["Aarhus", "Odense"]}
    return [PlaceChoice(None, country, name) for country, names in fallback.items() for name in names]


def _fill(template: str, rng: random.Random, words: dict[str, list[str]], **known: str) -> str:
    values = dict(known)
    for slot in ("noun", "adjective", "plural", "unit", "topic", "target", "method", "partner", "offer", "seek"):
        if "{" + slot + "}" in template and slot not in values:
            values[slot] = rng.choice(words[slot])
    if "{offer2}" in template:
        values["offer2"] = rng.choice([o for o in words["offer"] if o != values.get("offer")])
    if "{seek}" in template and "{topic}" in values["seek"]:
        values["seek"] = values["seek"].format(topic=rng.choice(words["topic"]))
    return template.format(**values)


def organisation_texts(rng: random.Random, *, language: str, kind: str, place: str) -> dict[str, str]:
    """Compose a name, description, offer and seek for one organisation, in the language given."""
    words = WORDS[language]
    slot = KIND_PLAN[kind][2]
    if rng.random() < 0.15:
        place = f"{rng.choice(words['place_word'])} {place}"
    name = _fill(rng.choice(words[slot]), rng, words, place=place)
    sentences = words["sentences"]
    chosen = [sentences[0], sentences[1]] + rng.sample(sentences[2:], rng.randint(1, 3))
    description = " ".join(_fill(s, rng, words, name=name, place=place, kind_phrase=rng.choice(words["kind_phrase"]),
                                 year=str(rng.randint(1995, 2025))) for s in chosen)
    offers = _fill(words["offers"], rng, words) if rng.random() < 0.6 else ""
    seeks = _fill(words["seeks"], rng, words) if rng.random() < 0.6 else ""
    return {"name": name[:200], "description": description, "offers": offers, "seeks": seeks}


def _unique_slugs(model, wanted: list[str]) -> list[str]:
    taken = set(model.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if not taken:
        return wanted
    result = []
    for slug in wanted:
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        result.append(candidate)
    return result


@scale_step("organisations", help="Organisations to create.", search_kinds=("organisation",))
def organisations_create_many(run: ScaleRun, count: int) -> int:
    rng = run.rng("organisations")
    places = scale_places()
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    used_numbers: dict[str, set[str]] = {country: set() for country in LANGUAGE_OF_COUNTRY}
    for country, number in Organisation.objects.exclude(org_number="").values_list("country", "org_number"):
        used_numbers.setdefault(country, set()).add(number)
    start = Organisation.objects.count()
    Through = Organisation.themes.through
    AreasThrough = Organisation.areas_served.through
    created = 0
    since = time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        organisations, theme_picks, area_picks = [], [], []
        for offset in range(size):
            index = start + batch_start + offset + 1
            place = rng.choice(places)
            language = LANGUAGE_OF_COUNTRY[place.country]
            kind = rng.choices(KINDS, cum_weights=KIND_CUMULATIVE_WEIGHTS)[0]
            _weight, sector, _slot, legal_forms = KIND_PLAN[kind]
            if kind == OrganisationKind.SOCIAL_ENTERPRISE and rng.random() < 0.3:
                sector = Sector.PRIVATE
            texts = organisation_texts(rng, language=language, kind=kind, place=place.name)
            org_number = ""
            if rng.random() < ORG_NUMBER_SHARE:
                candidate = org_number_generate(place.country, rng)
                if candidate not in used_numbers[place.country]:
                    used_numbers[place.country].add(candidate)
                    org_number = candidate
            base = slugify(texts["name"])[:190] or "organisation"
            domain = base[:40].strip("-")
            has_site = rng.random() < 0.4
            organisations.append(Organisation(
                slug=f"{base}-{index}", kind=kind, sector=sector, country=place.country,
                legal_form=rng.choice(legal_forms[place.country]), org_number=org_number, head_office_id=place.id,
                description_language=language, website=f"https://www.{domain}.example/" if has_site else "",
                email=f"kontakt@{domain}.example" if rng.random() < 0.3 else "",
                founded_year=rng.randint(1950, 2025) if rng.random() < 0.7 else None,
                is_verified=rng.random() < 0.1, **texts,
            ))
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(1, 4))) if theme_ids else [])
            area_picks.append([p.id for p in rng.sample(places, rng.randint(0, 2)) if p.id] if places else [])
        slugs = _unique_slugs(Organisation, [o.slug for o in organisations])
        for organisation, slug in zip(organisations, slugs):
            organisation.slug = slug
        with transaction.atomic():
            Organisation.objects.bulk_create(organisations, batch_size=run.batch_size)
            if any(o.pk is None for o in organisations):  # databases that do not return ids
                by_slug = dict(Organisation.objects.filter(slug__in=slugs).values_list("slug", "id"))
                for organisation in organisations:
                    organisation.pk = by_slug[organisation.slug]
            Through.objects.bulk_create(
                [Through(organisation_id=o.pk, theme_id=t) for o, picks in zip(organisations, theme_picks)
                 for t in picks], batch_size=5000)
            AreasThrough.objects.bulk_create(
                [AreasThrough(organisation_id=o.pk, place_id=p) for o, picks in zip(organisations, area_picks)
                 for p in set(picks)], batch_size=5000)
        created += size
        run.progress("organisations", created, count, since)
    return created


@scale_step("people", help="People (members) to create; about 70 %% consent to be listed in the directory.",
            search_kinds=("person",))
def people_create_many(run: ScaleRun, count: int) -> int:
    from django.contrib.auth.hashers import make_password

    from samskap.accounts.models import User

    rng = run.rng("people")
    places = [p for p in scale_places() if p.id]
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    organisation_ids = list(Organisation.objects.order_by("id").values_list("id", flat=True))
    unusable = make_password(None)  # volume people never log in
    start = User.objects.count()
    ThemeThrough = User.themes.through
    created = 0
    since = time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        people, theme_picks, membership_picks = [], [], []
        for offset in range(size):
            index = start + batch_start + offset + 1
            place = rng.choice(places) if places else None
            country = place.country if place else rng.choice(list(LANGUAGE_OF_COUNTRY))
            language = LANGUAGE_OF_COUNTRY[country]
            words = WORDS[language]
            first, last = rng.choice(words["first"]), rng.choice(words["last"])
            skills = ", ".join(rng.sample(words["skill"], rng.randint(1, 4)))
            people.append(User(
                email=f"{slugify(first)}.{slugify(last)}.{index}@scale.samskap.test", password=unusable,
                name=f"{first} {last}", skills=skills, interests=", ".join(rng.sample(words["interest"], 2)),
                bio=_fill(words["sentences"][1], rng, words), languages=[language],
                place_id=place.id if place else None, listed_in_directory=rng.random() < 0.7,
            ))
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(0, 3))) if theme_ids else [])
            membership_picks.append(rng.sample(organisation_ids, min(len(organisation_ids), rng.randint(0, 2)))
                                    if organisation_ids and rng.random() < 0.5 else [])
        with transaction.atomic():
            User.objects.bulk_create(people, batch_size=run.batch_size)
            if any(p.pk is None for p in people):
                by_email = dict(User.objects.filter(email__in=[p.email for p in people]).values_list("email", "id"))
                for person in people:
                    person.pk = by_email[person.email]
            ThemeThrough.objects.bulk_create(
                [ThemeThrough(user_id=p.pk, theme_id=t) for p, picks in zip(people, theme_picks) for t in picks],
                batch_size=5000)
            Membership.objects.bulk_create(
                [Membership(organisation_id=o, user_id=p.pk, role=Membership.Role.MEMBER)
                 for p, picks in zip(people, membership_picks) for o in picks], batch_size=2000)
        created += size
        run.progress("people", created, count, since)
    return created

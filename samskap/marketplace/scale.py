"""Volume ads for load tests and benchmarks: `manage.py seed_scale --ads 50000`.

One step registered with the directory's `@scale_step` (seed_scale discovers every app's scale.py). Titles and
descriptions are composed from word lists in Swedish, Norwegian, Danish and English for every kind of ad;
about half are posted for an organisation of the directory, the rest by people for themselves. Posters are
the directory's people (the volume people of `--people` when there are some) plus, when there are fewer than
`POSTERS`, volume posters that cannot log in. Each ad gets one to three themes and a place in its country
(one in ten is "anywhere or online"); most are open, with `valid_until` spread over the coming 60 days, some
matched, closed or expired. The same seed gives the same ads. Rows go in with `bulk_create` in batches and the
themes and places straight into the through tables; the search index is rebuilt once at the end (scale_seed)
and the marketplace's cached pages are outdated (`generation_bump(MARKETPLACE)`).
"""

from __future__ import annotations

import datetime
import random
import time
from itertools import accumulate

from django.db import transaction
from django.utils import timezone

from samskap.actors.models import Organisation
from samskap.actors.scale import LANGUAGE_OF_COUNTRY, WORDS, ScaleRun, scale_places, scale_step
from samskap.core.fragments import MARKETPLACE, generation_bump
from samskap.core.models import Theme

from .models import Ad, AdKind

POSTERS = 300
KIND_WEIGHTS = {AdKind.SEEKING_COMPETENCE: 22, AdKind.OFFERING_COMPETENCE: 18, AdKind.COLLABORATION: 18,
                AdKind.BUSINESS_IDEA: 10, AdKind.PREMISES: 10, AdKind.VOLUNTEERS: 14, AdKind.BUY_SOCIAL: 8}
LANGUAGE_WEIGHTS = {"sv": 35, "nb": 25, "da": 25, "en": 15}
STATUS_WEIGHTS = {Ad.Status.OPEN: 85, Ad.Status.MATCHED: 5, Ad.Status.CLOSED: 5, Ad.Status.EXPIRED: 5}
ANYWHERE_SHARE = 0.1
ORGANISATION_SHARE = 0.5

# Per language: title patterns per kind, and description sentences. Slots: {skill} {topic} {target} {place}
# {thing} {product}.
TEXTS: dict[str, dict[str, list[str]]] = {
    "sv": {
        AdKind.SEEKING_COMPETENCE: ["Vi söker kompetens inom {skill}", "Söker hjälp med {skill} i {place}",
                                    "Behöver någon som kan {skill}"],
        AdKind.OFFERING_COMPETENCE: ["Erbjuder {skill} till sociala företag", "Vi hjälper till med {skill}",
                                     "Pro bono: {skill} i {place}"],
        AdKind.COLLABORATION: ["Samarbete kring {topic} i {place}", "Vill ni samarbeta om {topic}?",
                               "Partner sökes för {topic}"],
        AdKind.BUSINESS_IDEA: ["Affärsidé: {product} för {target}", "Idé om {product} söker partner"],
        AdKind.PREMISES: ["Lokal att låna ut i {place}", "Söker {thing} i {place}", "Vi delar gärna {thing}"],
        AdKind.VOLUNTEERS: ["Frivilliga sökes till {topic}", "Volontärer till vår verksamhet i {place}"],
        AdKind.BUY_SOCIAL: ["Köp {product} av ett socialt företag", "Vi vill köpa {product} lokalt i {place}"],
        "sentences": ["Vi arbetar med {topic} för {target} i {place}.", "Vi behöver hjälp med {skill}.",
                      "Hör av dig om du vill vara med!", "Vi kan erbjuda {thing} i gengäld.",
                      "Uppdraget passar en förening, ett kooperativ eller ett socialt företag.",
                      "Start efter överenskommelse, gärna i vår."],
        "thing": ["en möteslokal", "ett kök", "en verkstad", "kontorsplatser", "en lastcykel", "ett lager"],
        "product": ["catering", "städtjänster", "tryckeri", "cykelreparationer", "ommöblering", "trädgårdsskötsel"],
    },
    "nb": {
        AdKind.SEEKING_COMPETENCE: ["Vi søker kompetanse innen {skill}", "Søker hjelp med {skill} i {place}",
                                    "Trenger noen som kan {skill}"],
        AdKind.OFFERING_COMPETENCE: ["Tilbyr {skill} til sosiale virksomheter", "Vi hjelper med {skill}",
                                     "Pro bono: {skill} i {place}"],
        AdKind.COLLABORATION: ["Samarbeid om {topic} i {place}", "Vil dere samarbeide om {topic}?",
                               "Partner søkes for {topic}"],
        AdKind.BUSINESS_IDEA: ["Forretningsidé: {product} for {target}", "Idé om {product} søker partner"],
        AdKind.PREMISES: ["Lokale til utlån i {place}", "Søker {thing} i {place}", "Vi deler gjerne {thing}"],
        AdKind.VOLUNTEERS: ["Frivillige søkes til {topic}", "Frivillige til virksomheten vår i {place}"],
        AdKind.BUY_SOCIAL: ["Kjøp {product} fra en sosial virksomhet", "Vi vil kjøpe {product} lokalt i {place}"],
        "sentences": ["Vi jobber med {topic} for {target} i {place}.", "Vi trenger hjelp med {skill}.",
                      "Ta kontakt hvis du vil være med!", "Vi kan tilby {thing} tilbake.",
                      "Oppdraget passer for en forening, et samvirke eller en sosial virksomhet.",
                      "Oppstart etter avtale, gjerne i vår."],
        "thing": ["et møterom", "et kjøkken", "et verksted", "kontorplasser", "en lastesykkel", "et lager"],
        "product": ["catering", "renhold", "trykkeri", "sykkelreparasjoner", "flytting", "hagestell"],
    },
    "da": {
        AdKind.SEEKING_COMPETENCE: ["Vi søger kompetencer inden for {skill}", "Søger hjælp til {skill} i {place}",
                                    "Har brug for en, der kan {skill}"],
        AdKind.OFFERING_COMPETENCE: ["Tilbyder {skill} til socialøkonomiske virksomheder", "Vi hjælper med {skill}",
                                     "Pro bono: {skill} i {place}"],
        AdKind.COLLABORATION: ["Samarbejde om {topic} i {place}", "Vil I samarbejde om {topic}?",
                               "Partner søges til {topic}"],
        AdKind.BUSINESS_IDEA: ["Forretningsidé: {product} til {target}", "Idé om {product} søger partner"],
        AdKind.PREMISES: ["Lokale til udlån i {place}", "Søger {thing} i {place}", "Vi deler gerne {thing}"],
        AdKind.VOLUNTEERS: ["Frivillige søges til {topic}", "Frivillige til vores arbejde i {place}"],
        AdKind.BUY_SOCIAL: ["Køb {product} hos en socialøkonomisk virksomhed", "Vi vil købe {product} lokalt i {place}"],
        "sentences": ["Vi arbejder med {topic} for {target} i {place}.", "Vi har brug for hjælp til {skill}.",
                      "Kontakt os, hvis du vil være med!", "Vi kan tilbyde {thing} til gengæld.",
                      "Opgaven passer til en forening, et andelsselskab eller en socialøkonomisk virksomhed.",
                      "Opstart efter aftale, gerne til foråret."],
        "thing": ["et mødelokale", "et køkken", "et værksted", "kontorpladser", "en ladcykel", "et lager"],
        "product": ["catering", "rengøring", "trykkeri", "cykelreparationer", "flytning", "havearbejde"],
    },
    "en": {
        AdKind.SEEKING_COMPETENCE: ["Seeking competence in {skill}", "Looking for help with {skill} in {place}",
                                    "We need someone who knows {skill}"],
        AdKind.OFFERING_COMPETENCE: ["Offering {skill} to social enterprises", "We can help with {skill}",
                                     "Pro bono: {skill} in {place}"],
        AdKind.COLLABORATION: ["Collaboration on {topic} in {place}", "Partner wanted for {topic}"],
        AdKind.BUSINESS_IDEA: ["Business idea: {product} for {target}", "An idea for {product} seeks partners"],
        AdKind.PREMISES: ["Premises to lend in {place}", "Looking for {thing} in {place}", "We share {thing}"],
        AdKind.VOLUNTEERS: ["Volunteers wanted for {topic}", "Volunteers for our work in {place}"],
        AdKind.BUY_SOCIAL: ["Buy {product} from a social enterprise", "We want to buy {product} locally in {place}"],
        "sentences": ["We work on {topic} for {target} in {place}.", "We need help with {skill}.",
                      "Get in touch if you want to join!", "We can offer {thing} in return.",
                      "It suits an association, a cooperative or a social enterprise.",
                      "Starting when it suits, preferably in spring."],
        "thing": ["a meeting room", "a kitchen", "a workshop", "desks", "a cargo bike", "storage"],
        "product": ["catering", "cleaning", "printing", "bike repairs", "removals", "gardening"],
        "skill": ["facilitation", "bookkeeping", "Arabic", "project management", "grant writing", "communication",
                  "carpentry", "cooking", "coaching", "graphic design", "programming", "law"],
        "topic": ["work integration", "reuse and the circular economy", "loneliness among older people",
                  "youth unemployment", "integration and language", "mental health", "child poverty", "housing",
                  "the climate transition", "local food production"],
        "target": ["young people far from the labour market", "newcomers", "older people who feel lonely",
                   "families with children", "the long-term unemployed", "people with disabilities"],
    },
}


def ad_texts(rng: random.Random, *, language: str, kind: str, place: str) -> dict[str, str]:
    """A title and description for one ad of `kind`, in `language`."""
    texts = TEXTS[language]
    words = texts if language == "en" else WORDS[language]
    values = {"place": place, "skill": rng.choice(words["skill"]), "topic": rng.choice(words["topic"]),
              "target": rng.choice(words["target"]), "thing": rng.choice(texts["thing"]),
              "product": rng.choice(texts["product"])}
    title = rng.choice(texts[kind]).format(**values)
    sentences = [texts["sentences"][0], texts["sentences"][1]] + rng.sample(texts["sentences"][2:], rng.randint(1, 3))
    description = " ".join(sentence.format(**values) for sentence in sentences)
    return {"title": (title[0].upper() + title[1:])[:200], "description": description}


def _posters(run: ScaleRun, rng: random.Random) -> list[int]:
    """Up to POSTERS people to post the ads: the directory's people first, then volume posters (no log-in)."""
    from django.contrib.auth.hashers import make_password

    from samskap.accounts.models import User

    ids = list(User.objects.filter(is_active=True).order_by("id").values_list("id", flat=True))
    if len(ids) > POSTERS:
        return rng.sample(ids, POSTERS)
    missing = POSTERS - len(ids)
    unusable = make_password(None)
    start = User.objects.count()
    words = WORDS["sv"]
    people = [User(email=f"poster.{start + n}.{run.seed}@scale.samskap.test", password=unusable,
                   name=f"{rng.choice(words['first'])} {rng.choice(words['last'])}")
              for n in range(missing)]
    User.objects.bulk_create(people, batch_size=run.batch_size, ignore_conflicts=True)
    return ids + list(User.objects.filter(email__in=[p.email for p in people]).values_list("id", flat=True))


@scale_step("ads", help="Marketplace ads to create, of every kind, in four languages.", search_kinds=("ad",))
def ads_create_many(run: ScaleRun, count: int) -> int:
    rng = run.rng("ads")
    places = [place for place in scale_places() if place.id]
    places_by_country: dict[str, list] = {}
    for place in places:
        places_by_country.setdefault(place.country, []).append(place)
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    organisation_ids = list(Organisation.objects.filter(merged_into=None).order_by("id")
                            .values_list("id", "country")[:20000])
    posters = _posters(run, run.rng("ads-posters"))  # its own generator: the ads stay the same either way
    kinds, kind_weights = list(KIND_WEIGHTS), list(accumulate(KIND_WEIGHTS.values()))
    languages, language_weights = list(LANGUAGE_WEIGHTS), list(accumulate(LANGUAGE_WEIGHTS.values()))
    statuses, status_weights = list(STATUS_WEIGHTS), list(accumulate(STATUS_WEIGHTS.values()))
    country_of = {language: country for country, language in LANGUAGE_OF_COUNTRY.items()}
    today = timezone.localdate()
    now = timezone.now()
    Themes, Places = Ad.themes.through, Ad.places.through
    created = 0
    since = time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        ads, theme_picks, place_picks = [], [], []
        for _offset in range(size):
            language = rng.choices(languages, cum_weights=language_weights)[0]
            country = country_of.get(language) or rng.choice(list(LANGUAGE_OF_COUNTRY))
            local = places_by_country.get(country) or places
            place = rng.choice(local) if local else None
            kind = rng.choices(kinds, cum_weights=kind_weights)[0]
            status = rng.choices(statuses, cum_weights=status_weights)[0]
            created_at = now - datetime.timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 1439))
            if status == Ad.Status.EXPIRED:
                valid_until = today - datetime.timedelta(days=rng.randint(1, 60))
            else:
                valid_until = today + datetime.timedelta(days=rng.randint(1, 60))
            organisation_id = None
            if organisation_ids and rng.random() < ORGANISATION_SHARE:
                organisation_id = rng.choice(organisation_ids)[0]
            is_anywhere = rng.random() < ANYWHERE_SHARE
            ads.append(Ad(kind=kind, language=language, owner_id=rng.choice(posters), organisation_id=organisation_id,
                          is_anywhere=is_anywhere, valid_until=valid_until, status=status, created_at=created_at,
                          matched_at=created_at if status == Ad.Status.MATCHED else None,
                          **ad_texts(rng, language=language, kind=kind, place=place.name if place else "Malmö")))
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(1, 3))) if theme_ids else [])
            place_picks.append([place.id] if place and not is_anywhere else [])
        with transaction.atomic():
            Ad.objects.bulk_create(ads, batch_size=run.batch_size)
            if any(ad.pk is None for ad in ads):  # databases that do not return ids: the newest rows are ours
                ids = list(Ad.objects.order_by("-id").values_list("id", flat=True)[:size])[::-1]
                for ad, pk in zip(ads, ids):
                    ad.pk = pk
            Themes.objects.bulk_create([Themes(ad_id=ad.pk, theme_id=t) for ad, picks in zip(ads, theme_picks)
                                        for t in picks], batch_size=5000)
            Places.objects.bulk_create([Places(ad_id=ad.pk, place_id=p) for ad, picks in zip(ads, place_picks)
                                        for p in picks], batch_size=5000)
        created += size
        run.progress("ads", created, count, since)
    generation_bump(MARKETPLACE)  # bulk_create sends no signals: visitors' cached ad pages must go
    return created

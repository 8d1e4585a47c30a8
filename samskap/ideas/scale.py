"""Volume challenges and ideas for load tests: `manage.py seed_scale --challenges 200 --ideas 20000
--comments-per-idea 3`.

Two steps registered with the directory's `@scale_step` (seed_scale discovers every app's scale.py); the
challenges step is registered first, so ideas can answer the challenges of the same run. Titles, summaries,
problems and solutions are composed from small word lists in Swedish, Norwegian, Danish and English (the
directory's `WORDS` plus an English list here), with places in the language's country, one to three themes,
and stages spread over the hub's stages (most in idea and exploring, a few paused or ended).

Every idea is consistent with what a service would have left behind: an initiator (`TeamMember`, accepted)
who follows it, the first stage change, one to three needs; `support_count` is the number of real `Support`
rows created for it (distinct members of the pool) and `comment_count` the number of its `Comment` rows
(`--comments-per-idea` each for published ideas: top-level comments, every third one a reply). Drafts (a few)
have no supports or comments. Rows go in with `bulk_create` in batches; the search index for both kinds is
rebuilt once at the end (scale_seed, through `search_kinds`, which is the bulk form of
`ideas_index_many` / `challenges_index_many`) and visitors' cached idea pages are outdated
(`generation_bump(IDEAS)`). The same seed gives the same rows.
"""

from __future__ import annotations

import datetime
import random
import time
from itertools import accumulate

from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone

from samskap.actors.models import Organisation
from samskap.actors.scale import LANGUAGE_OF_COUNTRY, WORDS, ScaleRun, scale_places, scale_step
from samskap.core.fragments import IDEAS, generation_bump
from samskap.core.models import Theme

from .models import (Challenge, Comment, Follow, Idea, IdeaNeed, ProblemTreeNode, Stage, StageChange, Support,
                     TeamMember, Visibility)

COMMENTS_PER_IDEA = 3  # the default of --comments-per-idea; seed_scale sets `run.comments_per_idea`
PEOPLE = 400  # the pool of authors, supporters and commenters
LANGUAGE_WEIGHTS = {"sv": 35, "nb": 25, "da": 25, "en": 15}
STAGE_WEIGHTS = {"idea": 35, "exploring": 25, "testing": 17, "established": 10, "paused": 8, "ended": 5}
VISIBILITY_WEIGHTS = {Visibility.PUBLIC: 90, Visibility.MEMBERS: 7, Visibility.TEAM: 3}
CHALLENGE_STATUS_WEIGHTS = {Challenge.Status.OPEN: 70, Challenge.Status.SELECTING: 15, Challenge.Status.CLOSED: 15}
DRAFT_SHARE = 0.02
ANSWERS_CHALLENGE_SHARE = 0.3
HUB_CHALLENGE_SHARE = 0.3
REPLY_EVERY = 3  # every third comment answers the idea's first comment

# English has no directory word list (the directory is Scandinavian); these slots are enough for ideas.
ENGLISH: dict[str, list[str]] = {
    "noun": ["Repair café", "Bike workshop", "Sewing studio", "Urban garden", "Meeting place", "Community kitchen",
             "Homework club", "Language café", "Reuse shop", "Carpentry workshop", "Bakery", "Youth forum",
             "Senior network", "Food bank", "Climate lab", "Music school", "Parents' café", "Mentor network"],
    "topic": ["work integration", "reuse and the circular economy", "loneliness among older people",
              "youth unemployment", "integration and language", "mental health", "child poverty", "housing",
              "the climate transition", "local food production"],
    "target": ["young people far from the labour market", "newcomers", "older people who feel lonely",
               "families with children", "the long-term unemployed", "people with disabilities"],
    "method": ["work placements and mentoring", "workshops and network meetings", "shared meals",
               "courses and study circles", "a neighbourhood incubator", "open workshops"],
    "partner": ["the municipality", "the job centre", "local businesses", "schools in the area",
                "the housing company", "civil society organisations"],
}

TEXTS: dict[str, dict[str, list[str]]] = {
    "sv": {
        "title": ["{noun} i {place}", "{noun} för {target}", "Ett nytt {noun_l} i {place}",
                  "{noun} – {topic} i {place}"],
        "summary": ["Vi vill starta {noun_l} i {place} för {target}, med {method}.",
                    "En idé om {topic}: {noun_l} som drivs tillsammans med {partner}."],
        "problem": ["{topic_c} är ett växande problem i {place}.", "Många {target} saknar en plats att vara på.",
                    "Ingen aktör kan lösa det här på egen hand."],
        "solution": ["Vi börjar i liten skala med {method}.", "Vi samarbetar med {partner}.",
                     "Efter ett halvår utvärderar vi tillsammans med deltagarna."],
        "comment": ["Vilken bra idé! Hör av er om ni behöver frivilliga.", "Har ni pratat med {partner}?",
                    "Vi gjorde något liknande i vår förening – gärna ett möte.", "Jag vill gärna vara med.",
                    "Hur tänker ni kring finansieringen?"],
        "need": ["Någon som kan {skill}", "En lokal några kvällar i veckan", "Startbidrag för material",
                 "Samarbete med {partner}", "Fem frivilliga"],
        "challenge": ["{topic_c} i {place}", "Hur minskar vi {topic} i {place}?"],
        "core": ["{topic_c} drabbar allt fler {target} i {place}."],
        "description": ["Kommunen och civilsamhället söker idéer om {topic}. Vi vill höra från {target} själva."],
        "why": ["Problemet kostar både människor och samhälle, och ingen kan lösa det ensam."],
        "cause": ["För få mötesplatser", "Brist på praktikplatser", "Otrygg boendesituation", "Språkhinder",
                  "Långa köer till stöd"],
        "effect": ["Ensamhet och ohälsa", "Utanförskap", "Ökade kostnader för kommunen", "Barn som halkar efter",
                   "Förlorad framtidstro"],
    },
    "nb": {
        "title": ["{noun} i {place}", "{noun} for {target}", "Et nytt {noun_l} i {place}",
                  "{noun} – {topic} i {place}"],
        "summary": ["Vi vil starte {noun_l} i {place} for {target}, med {method}.",
                    "En idé om {topic}: {noun_l} drevet sammen med {partner}."],
        "problem": ["{topic_c} er et økende problem i {place}.", "Mange {target} mangler et sted å være.",
                    "Ingen aktør kan løse dette alene."],
        "solution": ["Vi starter i liten skala med {method}.", "Vi samarbeider med {partner}.",
                     "Etter et halvt år evaluerer vi sammen med deltakerne."],
        "comment": ["For en god idé! Si fra om dere trenger frivillige.", "Har dere snakket med {partner}?",
                    "Vi gjorde noe lignende i vår forening – gjerne et møte.", "Jeg vil gjerne være med.",
                    "Hvordan tenker dere rundt finansieringen?"],
        "need": ["Noen som kan {skill}", "Et lokale noen kvelder i uka", "Startstøtte til materialer",
                 "Samarbeid med {partner}", "Fem frivillige"],
        "challenge": ["{topic_c} i {place}", "Hvordan reduserer vi {topic} i {place}?"],
        "core": ["{topic_c} rammer stadig flere {target} i {place}."],
        "description": ["Kommunen og sivilsamfunnet søker ideer om {topic}. Vi vil høre fra {target} selv."],
        "why": ["Problemet koster både mennesker og samfunn, og ingen kan løse det alene."],
        "cause": ["For få møteplasser", "Mangel på praksisplasser", "Utrygg bosituasjon", "Språkbarrierer",
                  "Lange køer for hjelp"],
        "effect": ["Ensomhet og uhelse", "Utenforskap", "Økte kostnader for kommunen", "Barn som faller etter",
                   "Tapt framtidstro"],
    },
    "da": {
        "title": ["{noun} i {place}", "{noun} for {target}", "Et nyt {noun_l} i {place}",
                  "{noun} – {topic} i {place}"],
        "summary": ["Vi vil starte {noun_l} i {place} for {target}, med {method}.",
                    "En idé om {topic}: {noun_l} drevet sammen med {partner}."],
        "problem": ["{topic_c} er et voksende problem i {place}.", "Mange {target} mangler et sted at være.",
                    "Ingen aktør kan løse det alene."],
        "solution": ["Vi starter i det små med {method}.", "Vi samarbejder med {partner}.",
                     "Efter et halvt år evaluerer vi sammen med deltagerne."],
        "comment": ["Sikken en god idé! Sig til, hvis I mangler frivillige.", "Har I talt med {partner}?",
                    "Vi gjorde noget lignende i vores forening – lad os mødes.", "Jeg vil gerne være med.",
                    "Hvordan tænker I finansieringen?"],
        "need": ["En, der kan {skill}", "Et lokale et par aftener om ugen", "Startstøtte til materialer",
                 "Samarbejde med {partner}", "Fem frivillige"],
        "challenge": ["{topic_c} i {place}", "Hvordan mindsker vi {topic} i {place}?"],
        "core": ["{topic_c} rammer flere og flere {target} i {place}."],
        "description": ["Kommunen og civilsamfundet søger idéer om {topic}. Vi vil høre fra {target} selv."],
        "why": ["Problemet koster både mennesker og samfund, og ingen kan løse det alene."],
        "cause": ["For få mødesteder", "Mangel på praktikpladser", "Utryg boligsituation", "Sprogbarrierer",
                  "Lange ventelister til hjælp"],
        "effect": ["Ensomhed og mistrivsel", "Eksklusion", "Stigende udgifter for kommunen", "Børn der sakker bagud",
                   "Tabt fremtidstro"],
    },
    "en": {
        "title": ["{noun} in {place}", "{noun} for {target}", "A new {noun_l} in {place}",
                  "{noun} – {topic} in {place}"],
        "summary": ["We want to start a {noun_l} in {place} for {target}, with {method}.",
                    "An idea about {topic}: a {noun_l} run together with {partner}."],
        "problem": ["{topic_c} is a growing problem in {place}.", "Many {target} have nowhere to go.",
                    "No single actor can solve this alone."],
        "solution": ["We start small with {method}.", "We work together with {partner}.",
                     "After six months we evaluate it with the participants."],
        "comment": ["What a good idea! Tell us if you need volunteers.", "Have you talked to {partner}?",
                    "We did something similar in our association – let's meet.", "I would like to join.",
                    "How are you thinking about funding?"],
        "need": ["Someone who knows {skill}", "Premises a few evenings a week", "Seed funding for materials",
                 "Working with {partner}", "Five volunteers"],
        "challenge": ["{topic_c} in {place}", "How do we reduce {topic} in {place}?"],
        "core": ["{topic_c} affects more and more {target} in {place}."],
        "description": ["The municipality and civil society are looking for ideas on {topic}. We want to hear "
                        "from {target} themselves."],
        "why": ["The problem costs people and society dearly, and no one can solve it alone."],
        "cause": ["Too few meeting places", "A lack of work placements", "Insecure housing", "Language barriers",
                  "Long queues for support"],
        "effect": ["Loneliness and ill health", "Exclusion", "Rising costs for the municipality",
                   "Children falling behind", "Lost hope for the future"],
    },
}
ENGLISH_SKILLS = ["facilitation", "bookkeeping", "Arabic", "project management", "grant writing", "carpentry"]
NEED_KINDS = list(IdeaNeed.Kind.values)


def _words(language: str) -> dict[str, list[str]]:
    return ENGLISH if language == "en" else WORDS[language]


def _values(rng: random.Random, language: str, place: str) -> dict[str, str]:
    words = _words(language)
    noun, topic = rng.choice(words["noun"]), rng.choice(words["topic"])
    return {"place": place, "noun": noun, "noun_l": noun.lower() if language == "en" else noun[0].lower() + noun[1:],
            "topic": topic, "topic_c": topic[0].upper() + topic[1:], "target": rng.choice(words["target"]),
            "method": rng.choice(words["method"]), "partner": rng.choice(words["partner"]),
            "skill": rng.choice(ENGLISH_SKILLS if language == "en" else WORDS[language]["skill"])}


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def idea_texts(rng: random.Random, *, language: str, place: str) -> dict[str, str]:
    """Title, summary, problem, solution and target group of one idea, in `language`."""
    texts, values = TEXTS[language], _values(rng, language, place)
    return {
        "title": _capital(rng.choice(texts["title"]).format(**values))[:200],
        "summary": rng.choice(texts["summary"]).format(**values)[:500],
        "problem": " ".join(sentence.format(**values) for sentence in texts["problem"]),
        "solution": " ".join(sentence.format(**values) for sentence in texts["solution"]),
        "target_group": values["target"],
        "location": place,
    }


def _people(run: ScaleRun, rng: random.Random) -> list[int]:
    """Up to PEOPLE active members: the hub's own first, then volume residents who cannot log in."""
    from django.contrib.auth.hashers import make_password

    from samskap.accounts.models import User

    ids = list(User.objects.filter(is_active=True).order_by("id").values_list("id", flat=True))
    if len(ids) >= PEOPLE:
        return rng.sample(ids, PEOPLE)
    unusable = make_password(None)
    words = WORDS["sv"]
    emails = [f"resident.{n}.{run.seed}@scale.samskap.test" for n in range(PEOPLE - len(ids))]
    known = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create([User(email=email, password=unusable,
                                   name=f"{rng.choice(words['first'])} {rng.choice(words['last'])}")
                              for email in emails if email not in known], batch_size=run.batch_size)
    return ids + list(User.objects.filter(email__in=emails).order_by("id").values_list("id", flat=True))


def _places_by_language() -> tuple[dict[str, list], list]:
    places = [place for place in scale_places() if place.id]
    by_language: dict[str, list] = {}
    for place in places:
        by_language.setdefault(LANGUAGE_OF_COUNTRY.get(place.country, "en"), []).append(place)
    return by_language, places


def _ids_fill(model, objects: list, size: int) -> None:
    if any(obj.pk is None for obj in objects):  # databases that do not return ids: the newest rows are ours
        ids = list(model.objects.order_by("-id").values_list("id", flat=True)[:size])[::-1]
        for obj, pk in zip(objects, ids):
            obj.pk = pk


def _weighted(weights: dict) -> tuple[list, list]:
    return list(weights), list(accumulate(weights.values()))


@scale_step("challenges", help="Challenges to create, with problem trees, in four languages.",
            search_kinds=("challenge",))
def challenges_create_many(run: ScaleRun, count: int) -> int:
    rng = run.rng("challenges")
    places_by_language, places = _places_by_language()
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    organisation_ids = list(Organisation.objects.filter(merged_into=None).order_by("id")
                            .values_list("id", flat=True)[:5000])
    people = _people(run, run.rng("ideas-people"))
    languages, language_weights = _weighted(LANGUAGE_WEIGHTS)
    statuses, status_weights = _weighted(CHALLENGE_STATUS_WEIGHTS)
    now, today = timezone.now(), timezone.localdate()
    Themes, Places = Challenge.themes.through, Challenge.places.through
    created, since = 0, time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        challenges, theme_picks, place_picks = [], [], []
        for _offset in range(size):
            language = rng.choices(languages, cum_weights=language_weights)[0]
            local = places_by_language.get(language) or places
            place = rng.choice(local) if local else None
            texts, values = TEXTS[language], _values(rng, language, place.name if place else "Malmö")
            status = rng.choices(statuses, cum_weights=status_weights)[0]
            organisation_id = None
            if organisation_ids and rng.random() >= HUB_CHALLENGE_SHARE:
                organisation_id = rng.choice(organisation_ids)
            challenges.append(Challenge(
                title=_capital(rng.choice(texts["challenge"]).format(**values))[:200],
                core_problem=texts["core"][0].format(**values)[:500],
                description=texts["description"][0].format(**values), why_it_matters=texts["why"][0],
                target_groups=values["target"], organisation_id=organisation_id, created_by_id=rng.choice(people),
                open_until=today + datetime.timedelta(days=rng.randint(-30, 180)) if rng.random() < 0.8 else None,
                status=status, language=language,
                created_at=now - datetime.timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 1439))))
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(1, 3))) if theme_ids else [])
            place_picks.append([place.id] if place else [])
        with transaction.atomic():
            Challenge.objects.bulk_create(challenges, batch_size=run.batch_size)
            _ids_fill(Challenge, challenges, size)
            Themes.objects.bulk_create([Themes(challenge_id=c.pk, theme_id=t)
                                        for c, picks in zip(challenges, theme_picks) for t in picks], batch_size=5000)
            Places.objects.bulk_create([Places(challenge_id=c.pk, place_id=p)
                                        for c, picks in zip(challenges, place_picks) for p in picks], batch_size=5000)
            nodes = []
            for challenge in challenges:
                texts = TEXTS[challenge.language]
                for kind in (ProblemTreeNode.Kind.CAUSE, ProblemTreeNode.Kind.EFFECT):
                    for position, text in enumerate(rng.sample(texts[kind], 3)):
                        nodes.append(ProblemTreeNode(challenge_id=challenge.pk, kind=kind, text=text,
                                                     position=position))
            ProblemTreeNode.objects.bulk_create(nodes, batch_size=5000)
        created += size
        run.progress("challenges", created, count, since)
    generation_bump(IDEAS)
    return created


@scale_step("ideas", help="Ideas to create, with initiators, needs, supports and comments (see "
            "--comments-per-idea), in four languages.", search_kinds=("idea",))
def ideas_create_many(run: ScaleRun, count: int) -> int:
    rng = run.rng("ideas")
    comments_per_idea = max(0, getattr(run, "comments_per_idea", COMMENTS_PER_IDEA))
    places_by_language, places = _places_by_language()
    theme_ids = list(Theme.objects.filter(is_active=True).order_by("slug").values_list("id", flat=True))
    challenge_ids = list(Challenge.objects.visible().order_by("id").values_list("id", flat=True)[:20000])
    stages = {stage.slug: stage.pk for stage in Stage.objects.all()}
    if not stages:
        raise RuntimeError("No stages: run `manage.py migrate` first (it adds the hub's starting stages).")
    stage_weights = {stages[slug]: weight for slug, weight in STAGE_WEIGHTS.items() if slug in stages} or {
        pk: 1 for pk in stages.values()}
    people = _people(run, run.rng("ideas-people"))
    languages, language_weights = _weighted(LANGUAGE_WEIGHTS)
    stage_ids, stage_cum = _weighted(stage_weights)
    visibilities, visibility_weights = _weighted(VISIBILITY_WEIGHTS)
    now = timezone.now()
    Themes = Idea.themes.through
    created, since = 0, time.monotonic()
    for batch_start in range(0, count, run.batch_size):
        size = min(run.batch_size, count - batch_start)
        ideas, theme_picks = [], []
        for _offset in range(size):
            language = rng.choices(languages, cum_weights=language_weights)[0]
            local = places_by_language.get(language) or places
            place = rng.choice(local) if local else None
            created_at = now - datetime.timedelta(days=rng.randint(1, 730), minutes=rng.randint(0, 1439))
            published = rng.random() >= DRAFT_SHARE
            ideas.append(Idea(
                language=language, place_id=place.id if place else None, author_id=rng.choice(people),
                stage_id=rng.choices(stage_ids, cum_weights=stage_cum)[0],
                stage_changed_at=created_at + datetime.timedelta(days=rng.randint(0, 30)),
                visibility=rng.choices(visibilities, cum_weights=visibility_weights)[0],
                challenge_id=rng.choice(challenge_ids) if challenge_ids and rng.random() < ANSWERS_CHALLENGE_SHARE
                else None,
                created_at=created_at, published_at=created_at if published else None,
                **idea_texts(rng, language=language, place=place.name if place else "Malmö")))
            theme_picks.append(rng.sample(theme_ids, min(len(theme_ids), rng.randint(1, 3))) if theme_ids else [])
        # Supports: most ideas have a few, some many; all real rows from distinct members.
        support_picks = [rng.sample(people, min(len(people), int(rng.paretovariate(1.5)) - 1))
                         if idea.published_at else [] for idea in ideas]
        with transaction.atomic():
            for idea, supporters in zip(ideas, support_picks):
                idea.support_count = len(supporters)
                idea.comment_count = comments_per_idea if idea.published_at else 0
            Idea.objects.bulk_create(ideas, batch_size=run.batch_size)
            _ids_fill(Idea, ideas, size)
            Themes.objects.bulk_create([Themes(idea_id=idea.pk, theme_id=t)
                                        for idea, picks in zip(ideas, theme_picks) for t in picks], batch_size=5000)
            _idea_rows_create(rng, ideas, support_picks, people, comments_per_idea)
        created += size
        run.progress("ideas", created, count, since)
    generation_bump(IDEAS)  # bulk_create sends no signals: visitors' cached idea pages must go
    return created


def _rows_insert(model, columns: list[str], rows: list[tuple], chunk: int = 5000) -> None:
    """Insert plain rows with executemany: for the child rows of ideas, five to ten times faster than
    bulk_create (no model instances, no per-field SQL compilation). Datetimes are adapted as Django would."""
    if not rows:
        return
    adapt = connection.ops.adapt_datetimefield_value
    timed = [i for i, column in enumerate(columns) if column.endswith("_at")]
    if timed:
        rows = [tuple(adapt(value) if i in timed else value for i, value in enumerate(row)) for row in rows]
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    with connection.cursor() as cursor:
        for start in range(0, len(rows), chunk):
            cursor.executemany(sql, rows[start:start + chunk])


def _idea_rows_create(rng: random.Random, ideas: list[Idea], support_picks: list[list[int]], people: list[int],
                      comments_per_idea: int) -> None:
    """What idea_create and the community services leave behind, in bulk: team, follow, timeline, needs,
    supports and comments (replies in a second pass, once their parents have ids)."""
    team, follows, changes, needs, supports, comments, replies = [], [], [], [], [], [], []
    initiator = TeamMember.Role.INITIATOR.value
    for idea, supporters in zip(ideas, support_picks):
        pk, author, at = idea.pk, idea.author_id, idea.created_at
        team.append((pk, author, initiator, "", "", at))
        follows.append((pk, author, at))
        changes.append((pk, idea.stage_id, author, "", at))
        texts, values = TEXTS[idea.language], _values(rng, idea.language, idea.location)
        for kind in rng.sample(NEED_KINDS, rng.randint(1, 3)):
            needs.append((pk, kind, rng.choice(texts["need"]).format(**values)[:300]))
        supports.extend((pk, user_id, at) for user_id in supporters)
        if idea.published_at is None:
            continue
        for n in range(comments_per_idea):
            row = (pk, rng.choice(people), rng.choice(texts["comment"]).format(**values), "",
                   at + datetime.timedelta(hours=n + 1))
            (replies if n % REPLY_EVERY == REPLY_EVERY - 1 else comments).append(row)
    _rows_insert(TeamMember, ["idea_id", "user_id", "role", "email", "token", "accepted_at"], team)
    _rows_insert(Follow, ["idea_id", "user_id", "created_at"], follows)
    _rows_insert(StageChange, ["idea_id", "to_stage_id", "by_id", "reason", "created_at"], changes)
    _rows_insert(IdeaNeed, ["idea_id", "kind", "text"], needs)
    _rows_insert(Support, ["idea_id", "user_id", "created_at"], supports)
    comment_columns = ["idea_id", "author_id", "body", "hidden_reason", "created_at"]
    _rows_insert(Comment, comment_columns, comments)
    if replies:  # each reply answers its idea's first comment
        first = dict(Comment.objects.filter(idea_id__in=[idea.pk for idea in ideas], parent=None)
                     .values("idea_id").annotate(first=Min("id")).values_list("idea_id", "first"))
        _rows_insert(Comment, [*comment_columns, "parent_id"],
                     [(*row, first[row[0]]) for row in replies if row[0] in first])

"""Load the demo's knowledge base (called by `manage.py load_demo`, after the directory and the events).

Idempotent: resources, collections and calls are found by slug and what exists is left as it is (a
curator may have edited it). What is new is created: the seven method cards in four languages, linked
as versions of each other and to their related methods; the sample links, guides and reports; the
three collections in order; the funders the directory lacks; the open funding calls with deadlines
counted from today. A demo call whose deadlines have all passed gets new ones, so the demo always has
open calls. Places, themes, organisations and the demo curator are looked up; a missing one is skipped.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samskap.actors.demo_data import DemoOrganisation
from samskap.actors.models import Organisation
from samskap.core.fragments import KNOWLEDGE, generation_bump
from samskap.core.models import Place, Theme
from samskap.core.search import search_index_update

from . import demo_data, demo_methods
from .demo_data import DemoCall, DemoResource
from .models import Collection, CollectionItem, FundingCall, FundingDeadline, Resource, ResourceKind
from .search import call_index, resources_index_many

# The four versions of a demo method card share this translation group, whatever database they are in.
_GROUPS = uuid.UUID("6f1c1f7e-5a8e-4c57-9d43-3b0c8f6a2e10")


@dataclass
class DemoLoaded:
    method_cards: int = 0
    resources: int = 0
    collections: int = 0
    funders: int = 0
    funding_calls: int = 0
    deadlines: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.method_cards or self.resources or self.collections or self.funders or self.funding_calls
                    or self.deadlines)


@dataclass
class _Lookups:
    places: dict[str, Place]
    themes: dict[str, Theme]
    organisations: dict[str, Organisation]
    curator: object | None

    def place_list(self, slugs) -> list[Place]:
        return [self.places[slug] for slug in slugs if slug in self.places]

    def theme_list(self, slugs) -> list[Theme]:
        return [self.themes[slug] for slug in slugs if slug in self.themes]


def method_translation_group(key: str) -> uuid.UUID:
    """The translation group of a demo method card: the same for its four versions and on every load."""
    return uuid.uuid5(_GROUPS, key)


def method_slug(key: str, language: str) -> str:
    return f"{key}-{language}"


@transaction.atomic
def demo_load(*, now: datetime.datetime | None = None) -> DemoLoaded:
    """Create the demo's method cards, resources, collections, funders and open calls that are not there yet."""
    now = now or timezone.now()
    loaded = DemoLoaded()
    lookups = _Lookups(
        places={place.slug: place for place in Place.objects.all()},
        themes={theme.slug: theme for theme in Theme.objects.all()},
        organisations={},
        curator=get_user_model().objects.filter(email=demo_data.CURATOR_EMAIL).first(),
    )
    _funders_create(lookups, loaded)
    wanted = {demo_data.METHOD_AUTHOR} | {data.author_organisation for data in demo_data.RESOURCES} | {
        data.funder for data in demo_data.CALLS}
    lookups.organisations = {o.slug: o for o in Organisation.objects.listed().filter(slug__in=wanted)}

    created_ids = _method_cards_create(lookups, loaded, today=timezone.localdate(now))
    created_ids += _resources_create(lookups, loaded, today=timezone.localdate(now))
    _collections_create(lookups, loaded)
    _calls_create(lookups, loaded, now=now)
    resources_index_many(created_ids)
    if loaded.anything:  # collection items and deadlines were bulk-created, past the signals
        transaction.on_commit(partial(generation_bump, KNOWLEDGE))
    return loaded


def _funders_create(lookups: _Lookups, loaded: DemoLoaded) -> None:
    """Funders of the demo calls that the directory's demo does not have (a funder is an organisation)."""
    existing = set(Organisation.objects.filter(slug__in=[data.slug for data in demo_data.FUNDERS])
                   .values_list("slug", flat=True))
    for data in demo_data.FUNDERS:
        if data.slug not in existing:
            organisation = _organisation_create(data, lookups)
            loaded.funders += 1
            search_index_update(kind="organisation", obj=organisation)


def _organisation_create(data: DemoOrganisation, lookups: _Lookups) -> Organisation:
    organisation = Organisation.objects.create(
        slug=data.slug, name=data.name, kind=data.kind, sector=data.sector, country=data.country,
        legal_form=data.legal_form, head_office=lookups.places.get(data.head_office), description=data.description,
        description_language=data.description_language, offers=data.offers, seeks=data.seeks, website=data.website,
        email=data.email, founded_year=data.founded_year, is_verified=data.is_verified)
    organisation.areas_served.set(lookups.place_list(data.areas_served))
    organisation.themes.set(lookups.theme_list(data.themes))
    return organisation


# ------------------------------------------------------------------------------------------------
# Method cards and other resources


def _method_cards_create(lookups: _Lookups, loaded: DemoLoaded, *, today: datetime.date) -> list[int]:
    slugs = [method_slug(method.key, language) for method in demo_methods.METHODS for language in method.texts]
    cards = {card.slug: card for card in Resource.objects.filter(slug__in=slugs)}
    author = lookups.organisations.get(demo_data.METHOD_AUTHOR)
    created: list[int] = []
    for method in demo_methods.METHODS:
        for language, text in method.texts.items():
            slug = method_slug(method.key, language)
            if slug in cards:
                continue
            card = Resource.objects.create(
                kind=ResourceKind.METHOD, slug=slug, language=language, title=text.title, summary=text.summary,
                body=text.body, purpose=text.purpose, when_to_use=text.when_to_use,
                group_size_min=method.group_size_min, group_size_max=method.group_size_max,
                duration_minutes=method.duration_minutes, materials="\n".join(text.materials),
                steps="\n".join(text.steps), facilitator_tips=text.facilitator_tips, audiences=list(method.audiences),
                author_organisation=author, published_on=today,
                translation_group=method_translation_group(method.key), created_by=lookups.curator)
            card.themes.set(lookups.theme_list(method.themes))
            cards[slug] = card
            created.append(card.pk)
            loaded.method_cards += 1
    _related_methods_link(cards)
    return created


def _related_methods_link(cards: dict[str, Resource]) -> None:
    """Link each card to its related methods in the same language (both ways), adding only missing links."""
    through = Resource.related_methods.through
    ids = [card.pk for card in cards.values()]
    linked = set(through.objects.filter(from_resource_id__in=ids).values_list("from_resource_id", "to_resource_id"))
    for method in demo_methods.METHODS:
        for language in method.texts:
            card = cards.get(method_slug(method.key, language))
            if card is None:
                continue
            missing = [cards[slug] for slug in (method_slug(key, language) for key in method.related)
                       if slug in cards and (card.pk, cards[slug].pk) not in linked]
            if missing:
                card.related_methods.add(*missing)
                linked |= {(card.pk, other.pk) for other in missing} | {(other.pk, card.pk) for other in missing}


def _resources_create(lookups: _Lookups, loaded: DemoLoaded, *, today: datetime.date) -> list[int]:
    existing = set(Resource.objects.filter(slug__in=[data.slug for data in demo_data.RESOURCES])
                   .values_list("slug", flat=True))
    created: list[int] = []
    for data in demo_data.RESOURCES:
        if data.slug not in existing:
            resource = _resource_create(data, lookups, today=today)
            created.append(resource.pk)
            loaded.resources += 1
    return created


def _resource_create(data: DemoResource, lookups: _Lookups, *, today: datetime.date) -> Resource:
    resource = Resource.objects.create(
        kind=data.kind, slug=data.slug, language=data.language, title=data.title, summary=data.summary,
        body=data.body, url=data.url, audiences=list(data.audiences),
        author_organisation=lookups.organisations.get(data.author_organisation),
        author_name="" if data.author_organisation in lookups.organisations else data.author_name,
        published_on=datetime.date.fromisoformat(data.published_on) if data.published_on else today,
        created_by=lookups.curator)
    resource.themes.set(lookups.theme_list(data.themes))
    resource.places.set(lookups.place_list(data.places))
    return resource


def _collections_create(lookups: _Lookups, loaded: DemoLoaded) -> None:
    existing = set(Collection.objects.filter(slug__in=[data.slug for data in demo_data.COLLECTIONS])
                   .values_list("slug", flat=True))
    wanted = {slug for data in demo_data.COLLECTIONS for slug, _note in data.items}
    resources = {r.slug: r for r in Resource.objects.filter(slug__in=wanted)}
    for data in demo_data.COLLECTIONS:
        if data.slug in existing:
            continue
        collection = Collection.objects.create(slug=data.slug, title=data.title, language=data.language,
                                               description=data.description, created_by=lookups.curator)
        CollectionItem.objects.bulk_create([
            CollectionItem(collection=collection, resource=resources[slug], position=position, note=note)
            for position, (slug, note) in enumerate((item for item in data.items if item[0] in resources), 1)])
        loaded.collections += 1


# ------------------------------------------------------------------------------------------------
# Funding calls


def _calls_create(lookups: _Lookups, loaded: DemoLoaded, *, now: datetime.datetime) -> None:
    calls = {call.slug: call for call in FundingCall.objects.filter(slug__in=[data.slug for data in demo_data.CALLS])}
    for data in demo_data.CALLS:
        call = calls.get(data.slug)
        if call is None:
            funder = lookups.organisations.get(data.funder)
            if funder is None:
                continue  # the directory's demo was not loaded, or the funder was removed
            call = FundingCall.objects.create(
                slug=data.slug, title=data.title, funder=funder, programme=data.programme, summary=data.summary,
                language=data.language, currency=data.currency, amount_min=data.amount_min,
                amount_max=data.amount_max, is_rolling=not data.deadlines, time_zone=data.time_zone,
                eligible_kinds=list(data.eligible_kinds), eligibility=data.eligibility,
                co_financing=data.co_financing, url=data.url, contact_name=data.contact_name,
                contact_email=data.contact_email, created_by=lookups.curator)
            call.eligible_places.set(lookups.place_list(data.eligible_places))
            call.themes.set(lookups.theme_list(data.themes))
            loaded.funding_calls += 1
        elif call.is_rolling or call.deadlines.filter(due__gte=now).exists():
            continue  # still open: leave it as it is
        loaded.deadlines += _deadlines_create(call, data, now=now)
        call_index(call.pk)


def _deadlines_create(call: FundingCall, data: DemoCall, *, now: datetime.datetime) -> int:
    """Give the call its deadlines counted from today (local to the call), and the earliest as next_deadline."""
    zone = ZoneInfo(data.time_zone)
    today = now.astimezone(zone).date()
    deadlines = FundingDeadline.objects.bulk_create([
        FundingDeadline(call=call, label=deadline.label, due=datetime.datetime.combine(
            today + datetime.timedelta(days=deadline.days), datetime.time.fromisoformat(deadline.clock), zone))
        for deadline in data.deadlines])
    upcoming = [deadline.due for deadline in deadlines if deadline.due >= now]
    next_deadline = min(upcoming) if upcoming else None
    if call.next_deadline != next_deadline:
        call.next_deadline = next_deadline
        call.save(update_fields=["next_deadline", "updated_at"])
    return len(deadlines)

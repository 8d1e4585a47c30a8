"""Load the demo marketplace of `demo_data` (called by `manage.py load_demo`, after the directory's demo).

Idempotent: an ad is found by its owner and title, a conversation by ad and respondent, a partner by ad
and person, a saved search by owner and name; what exists is left as it is (its people may have changed
it). What is new is created: the fictional company of the journey and the memberships the ads need, the
ads with their themes and places, the matched ad's partner and partnership, the conversations with their
messages, and the saved search. A demo ad that should be open but whose time ran out gets a new
`valid_until` counted from today, so the demo always has open ads. Missing people, organisations,
places and themes are skipped.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samskap.actors.demo_data import DemoOrganisation
from samskap.actors.models import Membership, Organisation, Partnership
from samskap.core.fragments import MARKETPLACE, generation_bump
from samskap.core.models import Place, Theme
from samskap.core.search import search_index_update

from . import demo_data
from .demo_data import DemoAd
from .models import Ad, AdPartner, Conversation, Message, SavedSearch
from .search import ads_index_many


@dataclass
class DemoLoaded:
    organisations: int = 0
    memberships: int = 0
    ads: int = 0
    renewed: int = 0
    partnerships: int = 0
    conversations: int = 0
    messages: int = 0
    saved_searches: int = 0

    @property
    def anything(self) -> bool:
        return any((self.organisations, self.memberships, self.ads, self.renewed, self.partnerships,
                    self.conversations, self.messages, self.saved_searches))


@dataclass
class _Lookups:
    places: dict[str, Place]
    themes: dict[str, Theme]
    organisations: dict[str, Organisation]
    users: dict[str, object]

    def place_list(self, slugs) -> list[Place]:
        return [self.places[slug] for slug in slugs if slug in self.places]

    def theme_list(self, slugs) -> list[Theme]:
        return [self.themes[slug] for slug in slugs if slug in self.themes]


def _lookups() -> _Lookups:
    emails = {data.owner for data in demo_data.ADS} | {data.respondent for data in demo_data.CONVERSATIONS}
    emails |= {data.partner for data in demo_data.MATCHES} | {data.user for data in demo_data.SAVED_SEARCHES}
    emails |= {email for email, _slug, _role in demo_data.MEMBERSHIPS}
    slugs = {data.organisation for data in demo_data.ADS} | {data.slug for data in demo_data.ORGANISATIONS}
    slugs |= {data.respondent_organisation for data in demo_data.CONVERSATIONS}
    slugs |= {data.partner_organisation for data in demo_data.MATCHES}
    return _Lookups(
        places={place.slug: place for place in Place.objects.all()},
        themes={theme.slug: theme for theme in Theme.objects.all()},
        organisations={o.slug: o for o in Organisation.objects.listed().filter(slug__in=slugs - {""})},
        users={user.email: user for user in get_user_model().objects.filter(email__in=emails)},
    )


@transaction.atomic
def demo_load(*, now: datetime.datetime | None = None) -> DemoLoaded:
    """Create the demo marketplace's ads, partnership, conversations and saved search that are not there yet."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    loaded = DemoLoaded()
    lookups = _lookups()
    _organisations_create(lookups, loaded)
    _memberships_create(lookups, loaded)
    ads, to_index = _ads_create(lookups, loaded, now=now, today=today)
    _matches_create(ads, lookups, loaded, now=now)
    _conversations_create(ads, lookups, loaded, now=now)
    _saved_searches_create(lookups, loaded, now=now)
    ads_index_many(to_index)
    if loaded.anything:  # messages were bulk-created and renewals updated, past the signals
        transaction.on_commit(partial(generation_bump, MARKETPLACE))
    return loaded


def _organisations_create(lookups: _Lookups, loaded: DemoLoaded) -> None:
    """The journey's company, which the directory's demo does not have; and the themes of offers and seeks."""
    for data in demo_data.ORGANISATIONS:
        if data.slug not in lookups.organisations and not Organisation.objects.filter(slug=data.slug).exists():
            organisation = _organisation_create(data, lookups)
            lookups.organisations[data.slug] = organisation
            loaded.organisations += 1
            search_index_update(kind="organisation", obj=organisation)
    for field, wanted in (("offer_themes", demo_data.OFFER_THEMES), ("seek_themes", demo_data.SEEK_THEMES)):
        for slug, theme_slugs in wanted.items():
            organisation = lookups.organisations.get(slug)
            related = getattr(organisation, field, None)
            if related is not None and not related.exists():
                related.set(lookups.theme_list(theme_slugs))


def _organisation_create(data: DemoOrganisation, lookups: _Lookups) -> Organisation:
    organisation = Organisation.objects.create(
        slug=data.slug, name=data.name, kind=data.kind, sector=data.sector, country=data.country,
        legal_form=data.legal_form, head_office=lookups.places.get(data.head_office), description=data.description,
        description_language=data.description_language, offers=data.offers, seeks=data.seeks, website=data.website,
        email=data.email, founded_year=data.founded_year, is_verified=data.is_verified)
    organisation.areas_served.set(lookups.place_list(data.areas_served))
    organisation.themes.set(lookups.theme_list(data.themes))
    return organisation


def _memberships_create(lookups: _Lookups, loaded: DemoLoaded) -> None:
    """The memberships the ads need: the demo's own, and every ad's owner in the organisation it is for."""
    wanted = list(demo_data.MEMBERSHIPS) + [(data.owner, data.organisation, Membership.Role.MEMBER)
                                            for data in demo_data.ADS if data.organisation]
    for email, slug, role in wanted:
        user, organisation = lookups.users.get(email), lookups.organisations.get(slug)
        if user is not None and organisation is not None:
            _membership, created = Membership.objects.get_or_create(
                organisation=organisation, user=user, defaults={"role": role, "status": Membership.Status.ACTIVE})
            loaded.memberships += created


def _is_active_member(user, organisation: Organisation) -> bool:
    return Membership.objects.filter(organisation=organisation, user=user, status=Membership.Status.ACTIVE).exists()


def _ads_create(lookups: _Lookups, loaded: DemoLoaded, *, now: datetime.datetime,
                today: datetime.date) -> tuple[dict[str, Ad], list[int]]:
    """The demo's ads by title (those there and those created), and the ids to index."""
    owners = [lookups.users[data.owner] for data in demo_data.ADS if data.owner in lookups.users]
    existing = {(ad.owner_id, ad.title): ad for ad in Ad.objects.filter(
        owner__in=owners, title__in=[data.title for data in demo_data.ADS])}
    ads: dict[str, Ad] = {}
    to_index: list[int] = []
    for data in demo_data.ADS:
        owner = lookups.users.get(data.owner)
        if owner is None:
            continue  # the directory's demo was not loaded, or the person was removed
        ad = existing.get((owner.pk, data.title))
        if ad is None:
            organisation = lookups.organisations.get(data.organisation) if data.organisation else None
            if data.organisation and (organisation is None or not _is_active_member(owner, organisation)):
                continue
            ad = _ad_create(data, owner=owner, organisation=organisation, lookups=lookups, now=now, today=today)
            loaded.ads += 1
            to_index.append(ad.pk)
        elif _renew(ad, data, today=today):
            loaded.renewed += 1
            to_index.append(ad.pk)
        ads[data.title] = ad
    return ads, to_index


def _ad_create(data: DemoAd, *, owner, organisation: Organisation | None, lookups: _Lookups,
               now: datetime.datetime, today: datetime.date) -> Ad:
    created_at = now - datetime.timedelta(days=data.created_days_ago)
    matched_at = next((now - datetime.timedelta(hours=match.hours_ago) for match in demo_data.MATCHES
                       if match.ad == data.title), now) if data.status == Ad.Status.MATCHED else None
    ad = Ad.objects.create(
        kind=data.kind, title=data.title, description=data.description, language=data.language, owner=owner,
        organisation=organisation, is_anywhere=data.is_anywhere,
        valid_until=today + datetime.timedelta(days=data.valid_days), status=data.status, matched_at=matched_at,
        created_at=created_at)
    ad.themes.set(lookups.theme_list(data.themes))
    ad.places.set(lookups.place_list(data.places))
    return ad


def _renew(ad: Ad, data: DemoAd, *, today: datetime.date) -> bool:
    """Give a demo ad that should be open, and ran out, a new `valid_until` counted from today."""
    if data.status != Ad.Status.OPEN or ad.is_hidden or ad.status not in (Ad.Status.OPEN, Ad.Status.EXPIRED):
        return False  # meant to be expired or matched; or closed or hidden by someone since
    if ad.valid_until >= today and ad.status == Ad.Status.OPEN:
        return False
    ad.valid_until = today + datetime.timedelta(days=max(data.valid_days, 7))
    ad.status, ad.reminder_sent_at = Ad.Status.OPEN, None
    ad.save(update_fields=["valid_until", "status", "reminder_sent_at", "updated_at"])
    return True


def _matches_create(ads: dict[str, Ad], lookups: _Lookups, loaded: DemoLoaded, *, now: datetime.datetime) -> None:
    """The matched ad's partner, and the partnership it recorded between the two actors."""
    for data in demo_data.MATCHES:
        ad, partner = ads.get(data.ad), lookups.users.get(data.partner)
        if ad is None or partner is None or AdPartner.objects.filter(ad=ad, user=partner).exists():
            continue
        organisation = lookups.organisations.get(data.partner_organisation)
        matched_at = now - datetime.timedelta(hours=data.hours_ago)
        partnership = Partnership.objects.filter(
            organisation_a=ad.organisation, person_a=None if ad.organisation_id else ad.owner,
            organisation_b=organisation, person_b=None if organisation else partner,
            source_url=ad.get_absolute_url()).first()
        if partnership is None:
            partnership = Partnership.objects.create(
                organisation_a=ad.organisation, person_a=None if ad.organisation_id else ad.owner,
                organisation_b=organisation, person_b=None if organisation else partner,
                description=data.description, source_url=ad.get_absolute_url(), created_by=ad.owner)
            loaded.partnerships += 1
        AdPartner.objects.create(ad=ad, user=partner, organisation=organisation, partnership=partnership)
        if ad.status != Ad.Status.MATCHED or ad.matched_at is None:
            ad.status, ad.matched_at = Ad.Status.MATCHED, ad.matched_at or matched_at
            ad.save(update_fields=["status", "matched_at", "updated_at"])


def _conversations_create(ads: dict[str, Ad], lookups: _Lookups, loaded: DemoLoaded, *,
                          now: datetime.datetime) -> None:
    def ago(hours: int | None) -> datetime.datetime | None:
        return None if hours is None else now - datetime.timedelta(hours=hours)

    for data in demo_data.CONVERSATIONS:
        ad, respondent = ads.get(data.ad), lookups.users.get(data.respondent)
        if ad is None or respondent is None or respondent.pk == ad.owner_id:
            continue
        if Conversation.objects.filter(ad=ad, respondent=respondent).exists():
            continue
        times = [ago(message.hours_ago) for message in data.messages]
        conversation = Conversation.objects.create(
            ad=ad, respondent=respondent,
            respondent_organisation=lookups.organisations.get(data.respondent_organisation),
            created_at=min(times), last_message_at=max(times), owner_read_at=ago(data.owner_read_hours_ago),
            respondent_read_at=ago(data.respondent_read_hours_ago),
            # As if the e-mails about the messages had gone out: loading the demo sends none.
            owner_emailed_at=max(times), respondent_emailed_at=max(times))
        messages = Message.objects.bulk_create([
            Message(conversation=conversation, sender=respondent if message.sender == "respondent" else ad.owner,
                    body=message.body, created_at=at)
            for message, at in zip(data.messages, times, strict=True)])
        loaded.conversations += 1
        loaded.messages += len(messages)


def _saved_searches_create(lookups: _Lookups, loaded: DemoLoaded, *, now: datetime.datetime) -> None:
    for data in demo_data.SAVED_SEARCHES:
        user = lookups.users.get(data.user)
        if user is not None:
            _search, created = SavedSearch.objects.get_or_create(
                user=user, name=data.name, defaults={"query": dict(data.query), "last_checked_at": now})
            loaded.saved_searches += created

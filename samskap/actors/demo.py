"""Load the demo ecosystem of `demo_data` (called by `manage.py load_demo`).

Idempotent: organisations and groups are found by slug, people by e-mail, and what exists is left
as it is. Places and themes are looked up by slug; a missing one is skipped, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction

from samskap.core.models import Place, Theme
from samskap.core.search import SEARCH_KINDS, search_index_update

from . import demo_data
from .models import GroupMembership, LocalGroup, Membership, Organisation


@dataclass
class DemoLoaded:
    organisations: int = 0
    people: int = 0
    groups: int = 0
    memberships: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.organisations or self.people or self.groups or self.memberships)


@transaction.atomic
def demo_load() -> DemoLoaded:
    """Create the demo organisations, people, memberships and local groups that are not there yet."""
    from samskap.accounts.models import User

    loaded = DemoLoaded()
    to_index: list[tuple[str, object]] = []  # (search kind, object)
    places = {place.slug: place for place in Place.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}

    def place_list(slugs) -> list[Place]:
        return [places[slug] for slug in slugs if slug in places]

    def theme_list(slugs) -> list[Theme]:
        return [themes[slug] for slug in slugs if slug in themes]

    organisations = {org.slug: org for org in Organisation.objects.filter(
        slug__in=[data.slug for data in demo_data.ORGANISATIONS])}
    for data in demo_data.ORGANISATIONS:
        if data.slug in organisations:
            continue
        number = data.org_number
        if number and Organisation.objects.filter(country=data.country, org_number=number).exists():
            number = ""  # volume or imported data took it; the demo does without
        organisation = Organisation.objects.create(
            slug=data.slug, name=data.name, kind=data.kind, sector=data.sector, country=data.country,
            legal_form=data.legal_form, org_number=number, head_office=places.get(data.head_office),
            description=data.description, description_language=data.description_language, offers=data.offers,
            seeks=data.seeks, website=data.website, email=data.email, founded_year=data.founded_year,
            is_verified=data.is_verified,
        )
        organisation.areas_served.set(place_list(data.areas_served))
        organisation.themes.set(theme_list(data.themes))
        organisations[data.slug] = organisation
        loaded.organisations += 1
        to_index.append(("organisation", organisation))

    people = {person.email: person for person in User.objects.filter(
        email__in=[p.email for p in demo_data.PEOPLE] + list(demo_data.DEMO_LOGIN_PROFILES))}
    unusable = make_password(None)  # listed demo people are not log-ins
    for data in demo_data.PEOPLE:
        if data.email in people:
            continue
        person = User.objects.create(
            email=data.email, password=unusable, name=data.name, bio=data.bio, languages=data.languages,
            place=places.get(data.place), skills=data.skills, interests=data.interests, listed_in_directory=True,
            email_visibility=data.email_visibility,
        )
        person.themes.set(theme_list(data.themes))
        people[data.email] = person
        loaded.people += 1
        to_index.append(("person", person))
    for email, profile in demo_data.DEMO_LOGIN_PROFILES.items():
        person = people.get(email)
        if person is None or person.place_id or person.skills:
            continue  # not there, or the profile was filled in already (by the demo or by hand)
        person.place = places.get(profile["place"])
        person.skills, person.interests, person.listed_in_directory = profile["skills"], profile["interests"], True
        person.save(update_fields=["place", "skills", "interests", "listed_in_directory"])
        person.themes.set(theme_list(profile["themes"]))
        to_index.append(("person", person))

    wanted = [(data.email, slug, role) for data in demo_data.PEOPLE for slug, role in data.memberships]
    wanted += [(email, slug, role) for email, profile in demo_data.DEMO_LOGIN_PROFILES.items()
               for slug, role in profile["memberships"]]
    for email, slug, role in wanted:
        if email in people and slug in organisations:
            _membership, created = Membership.objects.get_or_create(
                organisation=organisations[slug], user=people[email],
                defaults={"role": role, "status": Membership.Status.ACTIVE},
            )
            loaded.memberships += created

    for data in demo_data.GROUPS:
        group, created = LocalGroup.objects.get_or_create(slug=data.slug, defaults={
            "name": data.name, "description": data.description, "description_language": data.description_language,
            "place": places.get(data.place), "theme": themes.get(data.theme),
        })
        if not created:
            continue
        loaded.groups += 1
        to_index.append(("group", group))
        group.organisations.set([organisations[slug] for slug in data.organisations if slug in organisations])
        for emails, role in ((data.contacts, GroupMembership.Role.CONTACT), (data.members, GroupMembership.Role.MEMBER)):
            for email in emails:
                if email in people:
                    GroupMembership.objects.get_or_create(group=group, user=people[email], defaults={"role": role})

    _search_index_add(to_index)
    return loaded


def _search_index_add(objects: list[tuple[str, object]]) -> None:
    """Make what the demo created findable, one by one: quick even when volume data fills the index."""
    for kind, obj in objects:
        if kind in SEARCH_KINDS:
            search_index_update(kind=kind, obj=obj)

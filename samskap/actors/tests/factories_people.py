"""Factories for the people directory, local groups and the map tests (the organisation ones are in factories.py)."""

import factory

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import GroupMembership
from samskap.actors.tests.factories import LocalGroupFactory
from samskap.core.models import Place, Theme


class PlaceFactory(factory.django.DjangoModelFactory):
    """A municipality in Sweden unless told otherwise; slugs never clash with the shipped places."""

    class Meta:
        model = Place

    level = Place.Level.MUNICIPALITY
    country = "SE"
    name = factory.Sequence(lambda n: f"Testby {n}")
    slug = factory.Sequence(lambda n: f"test-place-{n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    kind = Theme.Kind.CHALLENGE
    slug = factory.Sequence(lambda n: f"test-theme-{n}")
    labels = factory.LazyAttribute(lambda theme: {"en": f"Theme {theme.slug}", "sv": f"Tema {theme.slug}"})
    position = 0


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(LocalGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = GroupMembership.Role.MEMBER


def listed_person(**fields):
    """A member who agreed to be shown in the directory."""
    return UserFactory(listed_in_directory=True, **fields)

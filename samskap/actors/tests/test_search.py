"""The directory in search: what of an organisation, a person and a local group can be found."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import LocalGroupFactory, OrganisationFactory
from samskap.core.models import Place, Theme
from samskap.core.search import search_index_update
from samskap.core.selectors import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def malmo():
    return Place.objects.create(level=Place.Level.MUNICIPALITY, country="SE", name="Malmö", slug="test-malmo")


@pytest.fixture
def loneliness():
    return Theme.objects.create(kind=Theme.Kind.CHALLENGE, slug="test-loneliness", labels={
        "en": "Loneliness", "sv": "Ensamhet", "nb": "Ensomhet", "da": "Ensomhed"})


def titles(query: str, kind: str) -> list[str]:
    return [result.title for result in search(query=query, kinds=[kind], limit=20)[0]]


def test_an_organisation_is_found_by_its_texts_head_office_kind_and_themes(malmo, loneliness):
    organisation = OrganisationFactory(name="Grannskapsföreningen", kind="association", head_office=malmo,
                                       description="Vi ordnar träffar.", offers="Lokaler", seeks="Volontärer",
                                       themes=[loneliness])
    search_index_update(kind="organisation", obj=organisation)
    for query in ("träffar", "lokaler", "volontärer", "Malmo", "association", "ensomhed", "loneliness"):
        assert titles(query, "organisation") == ["Grannskapsföreningen"], query
    result = search(query="träffar", kinds=["organisation"], limit=1)[0][0]
    assert result.url == organisation.get_absolute_url()
    assert "<mark>träffar</mark>" in result.snippet


def test_a_merged_organisation_leaves_the_index():
    organisation = OrganisationFactory(name="Gamla föreningen")
    search_index_update(kind="organisation", obj=organisation)
    organisation.merged_into = OrganisationFactory(name="Nya föreningen")
    organisation.save()
    search_index_update(kind="organisation", obj=organisation)
    assert titles("föreningen", "organisation") == []


def test_a_consenting_person_is_found_by_skills_interests_and_place(malmo):
    person = UserFactory(name="Karin Kooperativ", bio="", skills="bokföring", interests="stadsodling",
                         place=malmo, listed_in_directory=True)
    search_index_update(kind="person", obj=person)
    for query in ("bokföring", "stadsodling", "Malmö"):
        assert titles(query, "person") == ["Karin Kooperativ"], query
    assert search(query="bokföring", kinds=["person"], limit=1)[0][0].url == reverse("accounts:person", args=[person.pk])


def test_a_local_group_is_found_by_its_description_place_and_theme(malmo, loneliness):
    group = LocalGroupFactory(name="Lokalgruppen", description="Vi träffas varje månad.", place=malmo,
                              theme=loneliness)
    search_index_update(kind="group", obj=group)
    for query in ("månad", "Malmo", "ensomhet"):
        assert titles(query, "group") == ["Lokalgruppen"], query
    assert search(query="månad", kinds=["group"], limit=1)[0][0].url == group.get_absolute_url()


def test_rebuilding_indexes_the_listed_directory_only():
    OrganisationFactory(name="Kooperativet Samarbete")
    OrganisationFactory(name="Sammanslagna Samarbete", merged_into=OrganisationFactory(name="Annan"))
    UserFactory(name="Synlig Samarbete", listed_in_directory=True)
    UserFactory(name="Dold Samarbete", listed_in_directory=False)
    LocalGroupFactory(name="Gruppen Samarbete")
    call_command("rebuild_search_index", stdout=StringIO())
    found = {(result.kind, result.title) for result in search(query="samarbete", limit=20)[0]}
    assert found == {("organisation", "Kooperativet Samarbete"), ("person", "Synlig Samarbete"),
                     ("group", "Gruppen Samarbete")}

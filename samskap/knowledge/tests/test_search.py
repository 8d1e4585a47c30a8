"""The knowledge base in search: what of a resource and a funding call is found, in which language, and when.

The index follows the services (create, change, hide, delete), after the commit.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_place
from samskap.core.models import SearchEntry, Theme
from samskap.core.selectors import search
from samskap.knowledge import services, services_funding
from samskap.knowledge.search import call_index, resource_index, resources_index_many
from samskap.knowledge.tests.factories import FundingCallFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(db):
    return UserFactory(is_facilitator=True)


@pytest.fixture
def write(django_capture_on_commit_callbacks):
    """Run a service as the pages do: its index updates happen after the commit."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def found(query: str, kind: str = "resource") -> list[int]:
    return [result.id for result in search(query=query, kinds=[kind], limit=50)[0]]


def add(write, by, **fields):
    return write(services.resource_create, by=by, **{"language": "sv", "kind": "guide", **fields})


# Resources ---------------------------------------------------------------------------------------


def test_a_swedish_resource_is_found_by_its_danish_and_norwegian_words(write, curator):
    resource = add(write, curator, title="Samarbete mot arbetslöshet", body="Hur föreningar och kommunen gör.")
    ResourceFactory(title="Något helt annat", summary="Om odling.")

    for query in ("samarbete", "samarbejde", "samarbeid", "arbejdsløshed", "arbeidsløshet", "arbetslöshet"):
        assert found(query) == [resource.pk], query


def test_a_method_card_is_found_by_its_kind_in_every_language_and_a_guide_is_not(write, curator):
    card = add(write, curator, kind="method", title="Framtidsverkstad", body="",
               steps="Kritikfasen\nFantasifasen\nFörverkligandet")
    guide = add(write, curator, kind="guide", title="Framtidsguide", body="Om framtiden.")

    for query in ("metod", "metode", "method"):
        assert found(query) == [card.pk], query
    assert found("framtid guide") == [guide.pk]
    assert found("fantasifasen") == [card.pk]  # the card's steps are searched too


def test_a_resource_is_found_by_a_word_deep_in_its_markdown_text(write, curator):
    filler = "\n\n".join(f"## Avsnitt {n}\n\nVi träffas och pratar om hur det går i kvarteret." for n in range(120))
    resource = add(write, curator, title="Lång handbok", body=f"{filler}\n\n- Avslutningsvis **kompostering**.")

    assert len(resource.body) > 5000
    assert found("kompostering") == [resource.pk]
    assert found("kompostering", kind="organisation") == []


def test_a_resource_is_found_by_its_themes_audience_and_places_in_other_languages(write, curator):
    theme = Theme.objects.create(kind=Theme.Kind.CHALLENGE, slug="test-loneliness", labels={
        "en": "Loneliness", "sv": "Ensamhet", "nb": "Ensomhet", "da": "Ensomhed"})
    place = make_place("Tromsø", country="NO")
    resource = add(write, curator, title="Guide för grannar", body="Text.", audiences=["residents"], themes=[theme],
                   places=[place])

    for query in ("ensomhed", "loneliness", "Tromso", "residents"):
        assert found(query) == [resource.pk], query


def test_the_index_follows_a_change_through_the_services(write, curator):
    resource = add(write, curator, title="Matsvinn i skolan", body="Om mat.")
    assert found("matsvinn") == [resource.pk]

    write(services.resource_update, resource=resource, by=curator, title="Återbruk i skolan")

    assert found("matsvinn") == [] and found("återbruk") == [resource.pk]


def test_a_hidden_resource_is_not_found_until_it_is_shown_again(write, curator):
    resource = add(write, curator, title="Hemlig guide", body="Text.")

    write(services.resource_set_published, resource=resource, by=curator, published=False)
    assert found("hemlig") == []
    assert not SearchEntry.objects.filter(kind="resource", object_id=resource.pk).exists()

    write(services.resource_set_published, resource=resource, by=curator, published=True)
    assert found("hemlig") == [resource.pk]


def test_a_deleted_resource_leaves_the_index(write, curator):
    resource = add(write, curator, title="Kortlivad guide", body="Text.")
    resource_id = resource.pk

    write(services.resource_delete, resource=resource, by=curator)

    assert found("kortlivad") == []
    assert not SearchEntry.objects.filter(kind="resource", object_id=resource_id).exists()


def test_a_resource_hidden_outside_the_services_leaves_the_index_when_it_is_indexed_again():
    resource = ResourceFactory(title="Dold rapport")
    resource_index(resource.pk)
    assert found("dold") == [resource.pk]

    type(resource).objects.filter(pk=resource.pk).update(is_published=False)
    resource_index(resource.pk)

    assert found("dold") == []


def test_bulk_writes_index_many_resources_at_once():
    resources = [ResourceFactory(title=f"Bulkguide {n}", summary="Om kooperativ.") for n in range(3)]
    hidden = ResourceFactory(title="Bulkguide dold", summary="Om kooperativ.", is_published=False)

    resources_index_many([resource.pk for resource in [*resources, hidden]])

    assert sorted(found("kooperativ")) == sorted(resource.pk for resource in resources)


# Funding calls -----------------------------------------------------------------------------------


def add_call(write, by, funder, **fields):
    return write(services_funding.funding_call_create, by=by, funder=funder,
                 deadlines=[("", timezone.now() + timedelta(days=30))],
                 **{"currency": "SEK", "language": "sv", **fields})


def test_a_funding_call_is_found_by_its_funder_and_programme(write, curator):
    funder = OrganisationFactory(name="Sparbanksstiftelsen Skåne", kind="funder")
    call = add_call(write, curator, funder, title="Stöd till grannskapet", programme="Lokal utveckling Leader",
                    summary="För föreningar.")

    for query in ("sparbanksstiftelsen", "leader", "grannskapet"):
        assert found(query, "funding_call") == [call.pk], query
    assert found("sparbanksstiftelsen", "resource") == []


def test_a_funding_call_in_norwegian_is_found_with_swedish_and_danish_words(write, curator):
    funder = OrganisationFactory(name="Sparebankstiftelsen", kind="funder", country="NO")
    call = add_call(write, curator, funder, title="Tilskudd til samarbeid mot ensomhet", language="nb",
                    currency="NOK", time_zone="Europe/Oslo")

    for query in ("samarbete", "samarbejde", "ensomhed"):
        assert found(query, "funding_call") == [call.pk], query


def test_a_hidden_or_deleted_call_is_not_found(write, curator):
    funder = OrganisationFactory(name="Regionfonden", kind="funder")
    call = add_call(write, curator, funder, title="Klimatpengar", programme="Omställning")
    assert found("klimatpengar", "funding_call") == [call.pk]

    write(services_funding.funding_call_set_published, call=call, by=curator, is_published=False)
    assert found("klimatpengar", "funding_call") == []

    write(services_funding.funding_call_set_published, call=call, by=curator, is_published=True)
    write(services_funding.funding_call_update, call=call, by=curator, title="Miljöpengar")
    assert found("klimatpengar", "funding_call") == [] and found("miljöpengar", "funding_call") == [call.pk]

    write(services_funding.funding_call_delete, call=call, by=curator)
    assert found("miljöpengar", "funding_call") == []


def test_a_call_made_hidden_is_never_indexed():
    call = FundingCallFactory(title="Dold utlysning", is_published=False)

    call_index(call.pk)

    assert found("utlysning", "funding_call") == []

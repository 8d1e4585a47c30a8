"""The demo's knowledge base: method cards in four languages, the seeds' links in collections, open funding calls."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone

from samskap.actors.models import Organisation
from samskap.core.models import SearchEntry
from samskap.core.selectors import search
from samskap.knowledge import demo, demo_data, demo_methods
from samskap.knowledge.markdown import render_markdown
from samskap.knowledge.models import Collection, CollectionItem, FundingCall, FundingDeadline, Resource

pytestmark = pytest.mark.django_db

METHOD_KEYS = ["world-cafe", "open-space", "future-search", "problem-tree", "dot-voting", "laboratory-model",
               "vision-battle"]
SEED_HOSTS = {"www.sundhedsledere.dk", "www.ligevaerd.dk", "www.sagerdersamler.dk", "www.growingtrees.dk",
              "kompanjoner.se"}


def counts() -> dict[str, int]:
    return {"resources": Resource.objects.count(), "collections": Collection.objects.count(),
            "items": CollectionItem.objects.count(), "calls": FundingCall.objects.count(),
            "deadlines": FundingDeadline.objects.count(), "organisations": Organisation.objects.count(),
            "related": Resource.related_methods.through.objects.count(),
            "indexed": SearchEntry.objects.filter(kind__in=["resource", "funding_call"]).count()}


@pytest.fixture
def loaded():
    call_command("load_demo", verbosity=0)


def slugs_found(query: str, kind: str) -> list[str]:
    results, _count = search(query=query, kinds=[kind], limit=50)
    return [result.url.rstrip("/").rsplit("/", 1)[-1] for result in results]


def test_loading_the_demo_twice_changes_nothing_the_second_time(capsys):
    call_command("load_demo")
    first = counts()
    output = capsys.readouterr().out
    assert "knowledge: 28 method_cards" in output and "7 funding_calls" in output
    call_command("load_demo")

    assert counts() == first
    assert "Demo data already present; nothing changed." in capsys.readouterr().out
    assert Resource.objects.filter(kind="method").count() == 28
    assert Resource.objects.filter(kind="link").count() >= 25
    assert {"report", "guide", "case", "template"} <= set(Resource.objects.values_list("kind", flat=True))
    assert first["collections"] == 3 and first["calls"] == 7


def test_each_method_card_is_in_swedish_norwegian_danish_and_english_linked_as_versions(loaded):
    groups = set()
    for key in METHOD_KEYS:
        cards = list(Resource.objects.filter(slug__startswith=f"{key}-", kind="method"))
        assert sorted(card.language for card in cards) == ["da", "en", "nb", "sv"], key
        assert len({card.translation_group for card in cards}) == 1, key
        groups.add(cards[0].translation_group)
        for card in cards:
            assert 5 <= len(card.step_list) <= 9, card.slug
            assert len(card.material_list) >= 3, card.slug
            assert card.purpose and card.when_to_use and card.facilitator_tips and card.summary, card.slug
            assert card.group_size_min < card.group_size_max and card.duration_minutes, card.slug
            assert card.audiences and card.themes.exists(), card.slug
            assert card.author_organisation.slug == "innovatarium" and card.author_name == ""
            assert "<p>" in render_markdown(card.body), card.slug
    assert len(groups) == len(METHOD_KEYS)


def test_the_versions_say_the_same_thing_in_each_language_not_the_same_words(loaded):
    for method in demo_methods.METHODS:
        texts = list(method.texts.values())
        assert len({text.purpose for text in texts}) == 4, method.key
        assert len({len(text.steps) for text in texts}) == 1, method.key  # one step list, translated
        assert len({len(text.materials) for text in texts}) == 1, method.key
    swedish = Resource.objects.get(slug="problem-tree-sv")
    assert swedish.title == "Problemträdet"
    assert Resource.objects.get(slug="problem-tree-nb").title == "Problemtreet"
    assert Resource.objects.get(slug="dot-voting-da").title == "Prikafstemning"
    assert "pre-jekt, pro-jekt og post-jekt" in Resource.objects.get(slug="laboratory-model-da").summary


def test_related_methods_link_cards_of_the_same_language_both_ways(loaded):
    def related(slug: str) -> set[str]:
        return set(Resource.objects.get(slug=slug).related_methods.values_list("slug", flat=True))

    assert "open-space-sv" in related("world-cafe-sv") and "world-cafe-sv" in related("open-space-sv")
    assert "laboratory-model-da" in related("problem-tree-da")
    assert "problem-tree-da" in related("laboratory-model-da")
    assert "vision-battle-nb" in related("dot-voting-nb") and "dot-voting-en" in related("vision-battle-en")
    for card in Resource.objects.filter(kind="method").prefetch_related("related_methods"):
        others = list(card.related_methods.all())
        assert others, card.slug
        assert {other.language for other in others} == {card.language}, card.slug
        assert card not in others


def test_the_swedish_methods_collection_lists_the_seven_cards_in_order(loaded):
    collection = Collection.objects.get(slug="metoder-for-samskapande")
    items = list(collection.items.select_related("resource"))

    assert collection.title == "Metoder för samskapande" and collection.language == "sv"
    assert [item.resource.slug for item in items] == [f"{method.key}-sv" for method in demo_methods.METHODS]
    assert [item.position for item in items] == sorted(item.position for item in items)
    assert len({item.position for item in items}) == 7
    assert all(item.note for item in items)
    assert collection.created_by.email == "facilitator@samskap.test"


def test_seds_links_are_a_danish_collection_in_the_curators_order(loaded):
    collection = Collection.objects.get(slug="links-fra-sociale-entreprenorer-i-danmark")
    slugs = list(collection.items.order_by("position").values_list("resource__slug", flat=True))

    assert collection.title == "Links fra Sociale Entreprenører i Danmark" and collection.language == "da"
    assert slugs == [slug for slug, _note in demo_data.COLLECTIONS[0].items]
    assert len(slugs) >= 25 and slugs[0] == "sociale-entreprenorer-i-danmark-sed"
    resources = Resource.objects.filter(slug__in=slugs)
    assert set(resources.values_list("language", flat=True)) == {"da"}
    assert resources.filter(kind="link").count() >= 20 and resources.filter(kind="case").exists()
    assert Resource.objects.get(slug="sager-der-samler").author_organisation.slug == "sager-der-samler"


def test_the_norwegian_toolbox_for_neighbourhood_incubators_has_guides_the_problem_tree_and_dot_voting(loaded):
    collection = Collection.objects.get(slug="verktoykasse-for-nabolagsinkubatorer")
    resources = [item.resource for item in collection.items.select_related("resource")]

    assert {resource.language for resource in resources} == {"nb"}
    assert {"problem-tree-nb", "dot-voting-nb"} <= {resource.slug for resource in resources}
    assert sum(resource.kind == "guide" for resource in resources) >= 2
    assert resources[0].slug == "slik-kommer-dere-i-gang-med-en-nabolagsinkubator"


def test_web_addresses_are_only_those_the_seeds_give_and_the_others_are_described(loaded):
    for resource in Resource.objects.exclude(kind="method"):
        if resource.url:
            assert urlsplit(resource.url).hostname in SEED_HOSTS, resource.url
        else:
            assert len(resource.summary) > 40, resource.slug
        assert resource.language in {"sv", "nb", "da"}
    assert Resource.objects.filter(url_normalised="sundhedsledere.dk").exists()


def test_the_demo_calls_are_open_with_the_earliest_future_deadline_as_next_deadline(loaded):
    now = timezone.now()
    calls = FundingCall.objects.select_related("funder").prefetch_related("deadlines", "eligible_places", "themes")

    assert FundingCall.objects.published().open(now).count() == calls.count() == 7
    assert [call.slug for call in calls if call.is_rolling] == ["malmo-snabbstod-grannskapsinitiativ"]
    for call in calls:
        dues = [deadline.due for deadline in call.deadlines.all()]
        if call.is_rolling:
            assert dues == [] and call.next_deadline is None
        else:
            assert call.next_deadline == min(dues) > now, call.slug
        assert call.eligible_places.exists() and call.themes.exists() and call.eligible_kinds, call.slug
        assert call.amount_min < call.amount_max and call.co_financing and call.summary, call.slug
        assert call.contact_email.endswith("@example.org"), call.slug
    assert {call.currency for call in calls} == {"SEK", "NOK", "DKK", "EUR"}
    assert calls.get(slug="vaekstforum-midtjylland-social-innovation").eligible_places.get().slug == "dk-midtjylland"
    assert {call.funder.kind for call in calls} == {"funder", "municipality"}
    closing_soon = FundingCall.objects.filter(next_deadline__lte=now + datetime.timedelta(days=30))
    assert closing_soon.count() >= 2


def test_the_funders_the_directory_lacked_are_added_to_it(loaded):
    vaekstforum = Organisation.objects.get(slug="vaekstforum-midtjylland")
    interreg = Organisation.objects.get(slug="interreg-oresund-kattegat-skagerrak")

    assert vaekstforum.kind == interreg.kind == "funder"
    assert vaekstforum.areas_served.get().slug == "dk-midtjylland"
    assert {place.country for place in interreg.areas_served.all()} == {"SE", "DK", "NO"}
    assert SearchEntry.objects.filter(kind="organisation", object_id=vaekstforum.pk).exists()


def test_a_call_whose_deadlines_have_passed_gets_new_ones_when_the_demo_loads_again(loaded):
    now = timezone.now()
    past = now - datetime.timedelta(days=400)
    FundingDeadline.objects.update(due=past)
    FundingCall.objects.update(next_deadline=past)
    assert FundingCall.objects.open(now).count() == 1  # only the rolling one

    again = demo.demo_load(now=now)

    assert again.deadlines == FundingDeadline.objects.filter(due__gt=now).count() == sum(
        len(call.deadlines) for call in demo_data.CALLS) == 10
    assert again.funding_calls == again.method_cards == again.resources == 0
    assert FundingCall.objects.open(now).count() == 7
    assert demo.demo_load(now=now).anything is False


def test_everything_the_demo_adds_is_in_the_search_index(loaded):
    assert SearchEntry.objects.filter(kind="resource").count() == Resource.objects.count()
    assert SearchEntry.objects.filter(kind="funding_call").count() == FundingCall.objects.count() == 7


def test_a_danish_search_finds_the_swedish_future_search_card(loaded):
    found = slugs_found("fremtidskonference interessentgrupper", "resource")

    assert "future-search-sv" in found and "future-search-da" in found
    assert "world-cafe-sv" not in found


def test_a_swedish_search_finds_the_danish_pool_against_loneliness_and_a_norwegian_one_the_swedish_guide(loaded):
    assert "faelles-rodder-puljen" in slugs_found("ensamhet", "funding_call")
    assert "etableringsanalys-for-arbetsintegrerande-sociala-foretag" in slugs_found(
        "etableringsanalyse arbeidsinkluderende", "resource")


def test_without_the_directory_demo_the_knowledge_demo_loads_what_it_can():
    loaded = demo.demo_load()

    assert loaded.method_cards == 28 and loaded.funders == 2
    assert not Resource.objects.filter(kind="method").exclude(author_organisation=None).exists()
    # Only the calls of the two funders it added itself: the others' funders are not in the directory.
    assert set(FundingCall.objects.values_list("slug", flat=True)) == {
        "vaekstforum-midtjylland-social-innovation", "interreg-oks-inclusive-neighbourhoods"}
    assert Collection.objects.get(slug="metoder-for-samskapande").items.count() == 7

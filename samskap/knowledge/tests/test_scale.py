"""Volume resources and funding calls: as many as asked, the same titles for the same seed, searchable, consistent."""

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from django.utils import timezone

from samskap.actors.models import Organisation
from samskap.actors.tests.factories import OrganisationFactory
from samskap.core.fragments import KNOWLEDGE, generation
from samskap.core.models import SearchEntry
from samskap.core.selectors import search
from samskap.knowledge.models import FundingCall, FundingDeadline, Resource, url_normalised

pytestmark = pytest.mark.django_db


def titles_after(model, **options) -> list[str]:
    before = model.objects.count()
    call_command("seed_scale", verbosity=0, **options)
    return list(model.objects.order_by("id").values_list("title", flat=True)[before:])


def test_seed_scale_creates_as_many_resources_and_funding_calls_as_asked(capsys):
    call_command("seed_scale", resources=70, funding_calls=30, batch_size=25)

    assert Resource.objects.count() == 70
    assert FundingCall.objects.count() == 30
    output = capsys.readouterr().out
    assert "resources: 70/70" in output and "Done: 70 resources, 30 funding calls" in output


def test_the_funding_calls_flag_is_written_with_a_hyphen(capsys):
    call_command("seed_scale", "--funding-calls", "4", "--resources", "3")

    assert FundingCall.objects.count() == 4 and Resource.objects.count() == 3


def test_the_same_seed_gives_the_same_titles_and_another_seed_others():
    first = titles_after(Resource, resources=40, funding_calls=10, seed=3)
    calls = list(FundingCall.objects.order_by("id").values_list("title", flat=True))
    second = titles_after(Resource, resources=40, funding_calls=10, seed=3)
    third = titles_after(Resource, resources=40, seed=4)

    assert first == second and first != third
    assert list(FundingCall.objects.order_by("id").values_list("title", flat=True)[10:]) == calls
    assert Resource.objects.values("slug").distinct().count() == 120
    assert FundingCall.objects.values("slug").distinct().count() == 20


def test_volume_resources_are_realistic_in_four_languages_with_method_cards_and_versions():
    call_command("seed_scale", resources=400, verbosity=0)

    resources = list(Resource.objects.all())
    assert {resource.language for resource in resources} == {"sv", "nb", "da", "en"}
    assert {resource.kind for resource in resources} == {"method", "tool", "guide", "report", "case", "template",
                                                         "link", "video"}
    assert all(resource.url_normalised == url_normalised(resource.url) for resource in resources)
    assert all(resource.audiences for resource in resources)
    assert all(resource.body.startswith("## ") for resource in resources)
    cards = [resource for resource in resources if resource.kind == "method"]
    assert cards and all(card.step_list and card.purpose and card.group_size_min <= card.group_size_max
                         for card in cards)
    assert all(resource.url or resource.kind == "method" for resource in resources)
    # Some are versions of one another, never two in one language.
    groups = Resource.objects.values("translation_group").annotate(n=Count("id")).filter(n__gt=1)
    assert groups.exists()
    for group in groups:
        languages = list(Resource.objects.filter(translation_group=group["translation_group"])
                         .values_list("language", flat=True))
        assert len(languages) == len(set(languages))
    assert Resource.themes.through.objects.exists() and Resource.places.through.objects.exists()
    assert Resource.related_methods.through.objects.exists()
    assert Resource.objects.filter(is_published=False).exists()


def test_volume_resources_are_searchable_hidden_ones_excepted():
    call_command("seed_scale", resources=150, verbosity=0)

    published = set(Resource.objects.published().values_list("id", flat=True))
    assert set(SearchEntry.objects.filter(kind="resource").values_list("object_id", flat=True)) == published
    card = Resource.objects.published().filter(kind="method", language="sv").first()
    found = [result.id for result in search(query=card.title, kinds=["resource"], limit=1000)[0]]
    assert card.pk in found


def test_volume_funding_calls_go_to_the_directorys_funders_with_consistent_deadlines():
    funders = [OrganisationFactory(kind="funder", country=country) for country in ("SE", "NO", "DK")]
    OrganisationFactory(kind="association")
    call_command("seed_scale", funding_calls=120, verbosity=0)

    calls = FundingCall.objects.all()
    assert set(calls.values_list("funder_id", flat=True)) <= {funder.pk for funder in funders}
    assert Organisation.objects.count() == 4  # no new funders when there are some
    now = timezone.now()
    for call in calls.prefetch_related("deadlines"):
        dues = [deadline.due for deadline in call.deadlines.all()]
        ahead = [due for due in dues if due >= now]
        assert call.next_deadline == (min(ahead) if ahead else None)
        assert bool(dues) != call.is_rolling
    assert not calls.filter(amount_min__gt=F("amount_max")).exists()
    assert calls.filter(is_rolling=True).exists() and calls.filter(next_deadline=None, is_rolling=False).exists()
    assert {call.currency for call in calls} >= {"SEK", "NOK", "DKK"}
    assert FundingDeadline.objects.exclude(label="").exists()
    assert set(SearchEntry.objects.filter(kind="funding_call").values_list("object_id", flat=True)) == set(
        calls.filter(is_published=True).values_list("id", flat=True))


def test_funding_calls_without_funders_in_the_directory_get_a_few_new_funders_found_in_search():
    call_command("seed_scale", funding_calls=20, verbosity=0)

    funders = Organisation.objects.filter(kind="funder")
    assert 0 < funders.count() <= 12
    assert set(FundingCall.objects.values_list("funder_id", flat=True)) <= set(funders.values_list("id", flat=True))
    assert SearchEntry.objects.filter(kind="organisation").count() == funders.count()
    call = FundingCall.objects.published().select_related("funder").first()
    assert call.pk in [result.id for result in search(query=call.funder.name, kinds=["funding_call"], limit=100)[0]]


def test_seed_scale_starts_a_new_knowledge_generation():
    before = generation(KNOWLEDGE)
    call_command("seed_scale", resources=2, verbosity=0)

    assert generation(KNOWLEDGE) != before

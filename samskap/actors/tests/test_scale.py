"""Volume data: as many rows as asked, the same names for the same seed, valid and unique numbers."""

import importlib
import random

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.core.management.base import CommandError

from samskap.accounts.models import User
from samskap.actors.legal_forms import LEGAL_FORM_COUNTRY, org_number_normalised
from samskap.actors.models import Membership, Organisation
from samskap.actors.scale import WORDS, org_number_generate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shipped_places_and_themes(db):
    """The shipped places and themes, also after a transactional (browser) test flushed the database."""
    from samskap.core.models import Place

    if not Place.objects.filter(slug="se-malmo").exists():
        importlib.import_module("samskap.core.migrations.0003_places_and_themes_data").places_and_themes_load(
            django_apps, None)


def names_after(**options) -> list[str]:
    before = Organisation.objects.count()
    call_command("seed_scale", verbosity=0, **options)
    return list(Organisation.objects.order_by("id").values_list("name", flat=True)[before:])


def test_seed_scale_creates_as_many_organisations_and_people_as_asked(capsys):
    call_command("seed_scale", organisations=120, people=30, batch_size=50)

    assert Organisation.objects.count() == 120
    assert User.objects.count() == 30
    output = capsys.readouterr().out
    assert "organisations: 120/120" in output and "Done: 120 organisations, 30 people" in output


def test_the_same_seed_gives_the_same_names_and_another_seed_other_names():
    first = names_after(organisations=40, seed=7)
    second = names_after(organisations=40, seed=7)
    third = names_after(organisations=40, seed=8)

    assert first == second
    assert first != third
    assert Organisation.objects.values("slug").distinct().count() == 120


def test_volume_organisations_are_valid_by_the_directorys_rules():
    call_command("seed_scale", organisations=300, verbosity=0)

    numbers = Organisation.objects.exclude(org_number="").values_list("country", "org_number")
    assert len(numbers) > 50
    assert len(set(numbers)) == len(numbers)
    for country, number in numbers:
        assert org_number_normalised(country, number) == number
    for organisation in Organisation.objects.exclude(legal_form=""):
        assert LEGAL_FORM_COUNTRY[organisation.legal_form] == organisation.country
    assert {o.description_language for o in Organisation.objects.all()} == {"sv", "nb", "da"}
    assert Organisation.objects.filter(head_office__isnull=True).count() == 0
    assert Organisation.themes.through.objects.count() >= 300


def test_volume_text_is_written_in_the_organisations_language():
    call_command("seed_scale", organisations=60, verbosity=0)

    danish = Organisation.objects.filter(country="DK").first()
    assert danish.description_language == "da"
    assert any(word in danish.description for word in ("arbejder", "støtter", "samarbejdet", "fællesskabet",
                                                          "samskabelse"))


def test_volume_people_consent_mostly_and_belong_to_organisations():
    call_command("seed_scale", organisations=50, people=200, verbosity=0)

    listed = User.objects.filter(listed_in_directory=True).count()
    assert 100 < listed < 200
    assert Membership.objects.exists()
    assert User.objects.filter(place__isnull=False).count() == 200


def test_generated_numbers_pass_the_check_of_their_country():
    rng = random.Random(1)
    for country in ("SE", "NO", "DK"):
        for _ in range(200):
            number = org_number_generate(country, rng)
            assert org_number_normalised(country, number) == number


def test_every_language_has_the_same_word_slots():
    assert set(WORDS["sv"]) == set(WORDS["nb"]) == set(WORDS["da"])


def test_seed_scale_without_anything_to_create_exits_with_status_1():
    with pytest.raises(CommandError, match="Nothing to create") as error:
        call_command("seed_scale", verbosity=0)
    assert error.value.returncode == 1


def test_seed_scale_refuses_negative_counts():
    with pytest.raises(CommandError, match="--organisations must be 0 or more"):
        call_command("seed_scale", organisations=-1, verbosity=0)


def test_seed_scale_puts_what_it_creates_in_the_search_index():
    from django.apps import apps

    call_command("seed_scale", organisations=30, people=10, verbosity=0)

    SearchEntry = apps.get_model("core", "SearchEntry")
    assert SearchEntry.objects.filter(kind="organisation").count() == 30
    assert SearchEntry.objects.filter(kind="person").count() == User.objects.filter(listed_in_directory=True).count()

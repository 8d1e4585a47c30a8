"""Volume ads: as many as asked, the same for the same seed, of every kind and language, searchable."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from samskap.core.fragments import MARKETPLACE, generation
from samskap.core.models import SearchEntry
from samskap.marketplace.models import Ad

pytestmark = pytest.mark.django_db


def test_seed_scale_creates_as_many_ads_as_asked_and_outdates_the_cached_pages(capsys):
    before = generation(MARKETPLACE)

    call_command("seed_scale", ads=90, batch_size=40)

    assert Ad.objects.count() == 90
    assert "ads: 90/90" in capsys.readouterr().out
    assert generation(MARKETPLACE) != before


def test_the_same_seed_gives_the_same_ads_and_another_seed_others():
    call_command("seed_scale", ads=30, seed=3, verbosity=0)
    first = list(Ad.objects.order_by("id").values_list("title", flat=True))
    call_command("seed_scale", ads=30, seed=3, verbosity=0)
    call_command("seed_scale", ads=30, seed=4, verbosity=0)
    titles = list(Ad.objects.order_by("id").values_list("title", flat=True))

    assert titles[30:60] == first and titles[60:] != first


def test_volume_ads_are_realistic_in_four_languages_of_every_kind_and_status():
    call_command("seed_scale", ads=600, verbosity=0)

    ads = list(Ad.objects.prefetch_related("themes", "places"))
    assert {ad.language for ad in ads} == {"sv", "nb", "da", "en"}
    assert {ad.kind for ad in ads} == {"business_idea", "seeking_competence", "offering_competence",
                                       "collaboration", "premises", "volunteers", "buy_social"}
    assert {ad.status for ad in ads} == {"open", "matched", "closed", "expired"}
    assert sum(ad.status == "open" for ad in ads) > 400
    assert all(ad.themes.all() for ad in ads)
    assert all(ad.is_anywhere != bool(ad.places.all()) for ad in ads)
    today = timezone.localdate()
    assert all(ad.valid_until < today for ad in ads if ad.status == "expired")
    assert all(ad.valid_until >= today for ad in ads if ad.status == "open")
    assert all(ad.title and ad.description for ad in ads)
    # Volume posters cannot log in.
    assert not any(ad.owner.has_usable_password() for ad in ads if ad.owner.email.endswith("@scale.samskap.test"))


def test_volume_ads_are_searchable_except_closed_and_expired_ones():
    call_command("seed_scale", ads=120, verbosity=0)

    indexed = set(SearchEntry.objects.filter(kind="ad").values_list("object_id", flat=True))
    findable = set(Ad.objects.filter(status__in=["open", "matched"]).values_list("id", flat=True))
    assert indexed == findable and findable


def test_volume_ads_can_be_posted_for_organisations():
    call_command("seed_scale", organisations=50, ads=100, verbosity=0)

    assert Ad.objects.filter(organisation__isnull=False).count() > 20
    assert Ad.objects.filter(organisation__isnull=True).count() > 20

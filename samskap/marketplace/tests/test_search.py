"""Ads in search: found in every Scandinavian language and by their kind's name in any language; hidden, closed
and expired ads are not found. The index follows the services (post, change, hide, close) after the commit."""

import datetime

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place
from samskap.core.models import SearchEntry, Theme
from samskap.core.selectors import search
from samskap.marketplace import services, services_moderation
from samskap.marketplace.models import Ad
from samskap.marketplace.search import ad_index, ads_index_many

from .factories import AdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def write(django_capture_on_commit_callbacks):
    """Run a service as the pages do: its index updates happen after the commit."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def found(query: str) -> list[int]:
    return [result.id for result in search(query=query, kinds=["ad"], limit=50)[0]]


def post(write, by=None, **fields) -> Ad:
    return write(services.ad_create, by=by or UserFactory(), **{
        "kind": "buy_social", "language": "sv", "is_anywhere": True, "description": "Vi vill göra något ihop.",
        **fields})


def test_a_swedish_ad_is_found_by_its_danish_and_norwegian_words(write):
    ad = post(write, title="Samarbete mot arbetslöshet", description="Föreningar och kommunen tillsammans.")
    post(write, title="Något helt annat", description="Om odling på taket.")

    for query in ("samarbete", "samarbejde", "samarbeid", "arbejdsløshed", "arbeidsløshet", "arbetslöshet"):
        assert found(query) == [ad.pk], query


def test_a_danish_ad_is_found_by_its_swedish_words(write):
    ad = post(write, language="da", title="Frivillige til vores madhjælp", description="Vi søger frivillige.")

    assert found("frivilliga") == [ad.pk]
    assert found("frivillige") == [ad.pk]


@pytest.mark.parametrize("query", ["volontärer", "frivillige", "volunteers"])
def test_an_ad_is_found_by_its_kind_in_every_language_and_others_are_not(write, query):
    wanted = post(write, kind="volunteers", title="Hjälp till på loppis", description="Varje lördag.")
    post(write, kind="premises", title="Lokal att låna", description="En sal med kök.")

    assert found(query) == [wanted.pk]


def test_an_ad_is_found_by_its_premises_kind_in_norwegian_and_danish(write):
    wanted = post(write, kind="premises", title="Sal att låna", description="Med kök.")

    assert found("utstyr") == [wanted.pk]
    assert found("udstyr") == [wanted.pk]


def test_an_ad_is_found_by_its_themes_places_and_organisation_in_other_languages(write):
    theme = Theme.objects.create(kind=Theme.Kind.CHALLENGE, slug="test-loneliness", labels={
        "en": "Loneliness", "sv": "Ensamhet", "nb": "Ensomhet", "da": "Ensomhed"})
    place = make_place("Tromsø", country="NO")
    organisation = OrganisationFactory(name="Kaffekoppen")
    by = MembershipFactory(organisation=organisation).user
    ad = post(write, by=by, title="Vi söker en partner", themes=[theme], places=[place], is_anywhere=False,
              organisation=organisation)

    for query in ("ensomhet", "loneliness", "tromsø", "kaffekoppen"):
        assert found(query) == [ad.pk], query


def test_the_index_follows_a_change_of_title_through_the_service(write):
    ad = post(write, title="Vi söker en bokhållare")
    assert found("bokhållare") == [ad.pk]

    write(services.ad_update, ad=ad, by=ad.owner, title="Vi söker en revisor")

    assert found("bokhållare") == [] and found("revisor") == [ad.pk]


def test_a_hidden_ad_is_not_found_and_is_again_when_shown(write):
    admin = UserFactory(is_superuser=True)
    ad = post(write, title="Begagnade datorer till skolor")
    assert found("datorer") == [ad.pk]

    write(services_moderation.ad_hide, ad=ad, by=admin, reason="Not a partner ad.")
    assert found("datorer") == []
    assert not SearchEntry.objects.filter(kind="ad", object_id=ad.pk).exists()

    write(services_moderation.ad_unhide, ad=ad, by=admin)
    assert found("datorer") == [ad.pk]


def test_a_closed_ad_is_not_found(write):
    ad = post(write, title="Kompostering i kvarteret")
    write(services.ad_close, ad=ad, by=ad.owner)

    assert found("kompostering") == []


def test_an_expired_ad_is_not_found_after_the_expiry_sweep(write):
    ad = post(write, title="Cykelverkstad söker lokal")
    assert found("cykelverkstad") == [ad.pk]
    Ad.objects.filter(pk=ad.pk).update(valid_until=timezone.localdate() - datetime.timedelta(days=1))

    expired = write(services.ads_expire)

    assert expired == 1 and Ad.objects.get(pk=ad.pk).status == "expired"
    assert found("cykelverkstad") == []


def test_a_matched_ad_is_still_found(write):
    ad = post(write, title="Trädgårdsprojekt söker partner")
    Ad.objects.filter(pk=ad.pk).update(status="matched")
    ad_index(ad_id=ad.pk)

    assert found("trädgårdsprojekt") == [ad.pk]


def test_a_bulk_reindex_finds_open_ads_only():
    open_ad = AdFactory(title="Bulkannons ett")
    closed = AdFactory(title="Bulkannons två", status="closed")
    hidden = AdFactory(title="Bulkannons tre", hidden_at=timezone.now(), hidden_reason="x")

    ads_index_many([open_ad.pk, closed.pk, hidden.pk])

    assert found("bulkannons") == [open_ad.pk]


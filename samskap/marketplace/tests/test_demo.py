"""The demo marketplace: ads of every kind in four languages, a matched ad with its partnership,
conversations between their two parties, a saved search, and open ads whenever the demo loads."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from samskap.accounts.models import User
from samskap.actors.models import Membership, Organisation, Partnership
from samskap.actors.selectors import partnerships_of_organisation
from samskap.core.models import SearchEntry
from samskap.core.selectors import search
from samskap.marketplace import demo, demo_data
from samskap.marketplace.models import Ad, AdKind, AdPartner, Conversation, Message, SavedSearch

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count()
            for model in (Ad, AdPartner, Partnership, Conversation, Message, SavedSearch, Membership, Organisation)}


@pytest.fixture
def loaded():
    call_command("load_demo", verbosity=0)


def ad_titles_found(query: str) -> list[str]:
    results, _count = search(query=query, kinds=["ad"], limit=50)
    return [result.title for result in results]


def test_loading_the_demo_twice_changes_nothing_the_second_time(capsys):
    call_command("load_demo")
    first = counts()
    output = capsys.readouterr().out
    assert "marketplace: 1 organisations" in output and "24 ads" in output and "2 conversations" in output
    call_command("load_demo")

    assert counts() == first
    assert "Demo data already present; nothing changed." in capsys.readouterr().out
    assert first["Ad"] == len(demo_data.ADS) == 24
    assert (first["AdPartner"], first["Conversation"], first["SavedSearch"]) == (1, 2, 1)
    assert first["Message"] == 7


def test_every_kind_of_ad_is_there_in_swedish_norwegian_danish_and_english(loaded):
    ads = Ad.objects.all()

    assert set(ads.values_list("kind", flat=True)) == set(AdKind.values)
    for language in ("sv", "nb", "da", "en"):
        assert ads.filter(language=language).count() >= 4, language
    assert set(ads.values_list("language", flat=True)) == {"sv", "nb", "da", "en"}
    assert ads.filter(language="sv", title="Vi söker kompetens inom arbetsintegrering").exists()
    assert ads.filter(language="da", title__contains="handelssamarbejde").exists()
    assert ads.filter(language="nb", title__contains="Unlimited-metodikken").exists()


def test_each_ad_has_themes_and_places_or_is_anywhere_and_is_posted_by_a_member_of_its_organisation(loaded):
    ads = Ad.objects.select_related("owner", "organisation").prefetch_related("themes", "places")

    for ad in ads:
        assert ad.themes.all(), ad.title
        assert bool(ad.places.all()) != ad.is_anywhere, ad.title
        assert len(ad.description) > 200 and "\n\n" in ad.description, ad.title
        assert ad.owner.email.endswith("@samskap.test"), ad.title
        if ad.organisation_id:
            assert Membership.objects.filter(organisation=ad.organisation, user=ad.owner,
                                             status=Membership.Status.ACTIVE).exists(), ad.title
    assert 3 <= ads.filter(is_anywhere=True).count() < ads.count() // 2
    assert ads.filter(organisation=None).count() >= 4  # people post for themselves too
    assert len({ad.owner_id for ad in ads}) >= 15


def test_ads_run_over_the_coming_weeks_and_two_have_expired(loaded):
    today = timezone.localdate()
    open_ads = Ad.objects.open()
    expired = Ad.objects.filter(status=Ad.Status.EXPIRED)

    assert open_ads.count() == 21
    assert all(ad.valid_until > today for ad in open_ads)
    assert len({ad.valid_until for ad in open_ads}) >= 15
    assert min(ad.valid_until for ad in open_ads) <= today + datetime.timedelta(days=14)
    assert max(ad.valid_until for ad in open_ads) >= today + datetime.timedelta(days=50)
    assert expired.count() == 2 and all(ad.valid_until < today for ad in expired)
    assert all(ad.created_at < timezone.now() for ad in Ad.objects.all())


def test_the_matched_ad_has_its_partner_and_a_partnership_shown_on_both_profiles(loaded):
    ad = Ad.objects.get(title=demo_data.MATCHED_TITLE)
    partner = ad.partners.select_related("user", "organisation", "partnership").get()
    unlimited = Organisation.objects.get(slug="norge-unlimited")
    stavanger = Organisation.objects.get(slug="stavanger-kommune")

    assert ad.status == Ad.Status.MATCHED and ad.matched_at < timezone.now()
    assert ad.organisation == unlimited and ad.owner.email == "mentor@samskap.test"
    assert partner.user.email == "kari.moen@samskap.test" and partner.organisation == stavanger
    partnership = partner.partnership
    assert (partnership.organisation_a, partnership.organisation_b) == (unlimited, stavanger)
    assert partnership.source_url == ad.get_absolute_url() and partnership.created_by == ad.owner
    assert [view.organisation for view in partnerships_of_organisation(organisation=unlimited)] == [stavanger]
    assert [view.organisation for view in partnerships_of_organisation(organisation=stavanger)] == [unlimited]
    # The partner had a conversation with the ad's owner before the match.
    assert Conversation.objects.filter(ad=ad, respondent=partner.user).exists()


def test_conversations_are_only_between_the_ads_owner_and_the_respondent(loaded):
    outsider = User.objects.get(email="signe.madsen@samskap.test")
    conversations = Conversation.objects.select_related("ad__owner", "respondent").prefetch_related("messages")

    assert conversations.count() == 2
    for conversation in conversations:
        parties = {conversation.ad.owner, conversation.respondent}
        messages = list(conversation.messages.all())
        assert len(parties) == 2 and len(messages) >= 3
        assert {message.sender for message in messages} == parties
        assert conversation.last_message_at == messages[-1].created_at
        assert conversation.created_at == messages[0].created_at
        for person in parties:
            assert person.has_perm("marketplace.view_conversation", conversation)
        assert not outsider.has_perm("marketplace.view_conversation", conversation)
    assert {c.ad.language for c in conversations} == {"sv", "nb"}


def test_the_member_log_in_has_an_unread_message_from_the_facilitator(loaded):
    conversation = Conversation.objects.get(ad__title=demo_data.VOLUNTEERS_TITLE)
    last = conversation.messages.last()

    assert conversation.ad.owner.email == "member@samskap.test"
    assert conversation.respondent.email == "facilitator@samskap.test"
    assert last.sender == conversation.respondent
    assert conversation.owner_read_at < last.created_at <= conversation.respondent_read_at


def test_the_journeys_company_seeks_what_a_work_integrating_social_enterprise_in_malmo_offers(loaded):
    ad = Ad.objects.select_related("organisation__head_office").get(title=demo_data.JOURNEY_TITLE)
    company = ad.organisation
    enterprise = Organisation.objects.select_related("head_office").get(slug=demo_data.JOURNEY_ENTERPRISE)

    assert ad.kind == AdKind.SEEKING_COMPETENCE and ad.status == Ad.Status.OPEN and ad.language == "sv"
    assert company.kind == "company" and company.head_office.slug == "se-malmo"
    assert enterprise.kind == "work_integrating" and enterprise.head_office.parent.slug == "se-malmo"
    assert "work-integration" in set(ad.themes.values_list("slug", flat=True))
    assert "work-integration" in set(enterprise.themes.values_list("slug", flat=True))
    assert list(enterprise.offer_themes.values_list("slug", flat=True)) == ["work-integration"]
    assert list(company.seek_themes.values_list("slug", flat=True)) == ["work-integration"]
    assert "praktikplatser" in enterprise.offers and "praktikplatser" in ad.description
    assert set(ad.places.values_list("slug", flat=True)) == {"se-malmo"}
    assert Membership.objects.get(organisation=company).user.email == "admin@samskap.test"
    assert SearchEntry.objects.filter(kind="organisation", object_id=company.pk).exists()


def test_the_facilitator_has_a_saved_search_for_work_integration_in_skane(loaded):
    saved = SavedSearch.objects.select_related("user").get()

    assert saved.user.email == "facilitator@samskap.test" and saved.alerts
    assert saved.query == {"theme": "work-integration", "place": "se-skane"}


def test_open_and_matched_ads_are_in_the_search_index_and_expired_ones_are_not(loaded):
    shown = Ad.objects.filter(status__in=[Ad.Status.OPEN, Ad.Status.MATCHED])
    indexed = set(SearchEntry.objects.filter(kind="ad").values_list("object_id", flat=True))

    assert indexed == set(shown.values_list("pk", flat=True)) and len(indexed) == 22


def test_a_danish_word_finds_the_swedish_ad_seeking_competence_in_work_integration(loaded):
    found = ad_titles_found("arbejdsintegration")

    assert demo_data.JOURNEY_TITLE in found
    assert "Idéburet offentligt partnerskap mot ensamhet bland äldre i Lund" in ad_titles_found("ensomhed")
    assert "Idéburet offentligt partnerskap mot ensamhet bland äldre i Lund" not in found


def test_ads_whose_time_ran_out_are_open_again_when_the_demo_loads_again(loaded):
    today = timezone.localdate()
    meant_open = [data.title for data in demo_data.ADS if data.status == "open"]
    Ad.objects.filter(title__in=meant_open[:10]).update(valid_until=today - datetime.timedelta(days=3),
                                                        status=Ad.Status.EXPIRED)
    Ad.objects.filter(title__in=meant_open[10:12]).update(valid_until=today - datetime.timedelta(days=1))
    Ad.objects.filter(title=meant_open[12]).update(status=Ad.Status.CLOSED, valid_until=today)
    before = counts()

    again = demo.demo_load()

    assert again.renewed == 12 and again.ads == again.conversations == again.partnerships == 0
    assert counts() == before
    assert Ad.objects.open().count() == 20 and not Ad.objects.open().filter(valid_until__lt=today).exists()
    assert Ad.objects.get(title=meant_open[12]).status == Ad.Status.CLOSED  # its owner closed it: left so
    assert Ad.objects.filter(status=Ad.Status.EXPIRED).count() == 2
    assert demo.demo_load().anything is False


def test_a_demo_ad_changed_by_its_owner_is_left_as_it_is(loaded):
    ad = Ad.objects.get(title=demo_data.JOURNEY_TITLE)
    Ad.objects.filter(pk=ad.pk).update(description="Nu söker vi också en handledare.")
    ad.themes.clear()

    assert demo.demo_load().anything is False
    ad.refresh_from_db()
    assert ad.description == "Nu söker vi också en handledare." and not ad.themes.exists()


def test_without_the_directory_demo_the_marketplace_demo_loads_what_it_can():
    loaded = demo.demo_load()

    assert loaded.organisations == 1 and loaded.ads == loaded.conversations == loaded.memberships == 0
    assert Organisation.objects.get(slug=demo_data.JOURNEY_COMPANY).kind == "company"
    assert not Ad.objects.exists()

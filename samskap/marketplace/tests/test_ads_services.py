"""Posting, changing, renewing, closing and deleting ads, with the bad input the services refuse."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import SearchEntry
from samskap.marketplace import services
from samskap.marketplace.models import Ad
from samskap.marketplace.tests.factories import AdFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def fields(**extra) -> dict:
    return {"kind": "seeking_competence", "title": "We seek a bookkeeper", "language": "en",
            "description": "A cooperative in Malmö needs help with its books.", **extra}


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def malmo():
    return make_place("Malmö")


def test_a_member_posts_an_ad_for_themselves_valid_60_days_and_found_in_search(member, malmo,
                                                                                django_capture_on_commit_callbacks):
    theme = make_theme("Loneliness")
    with django_capture_on_commit_callbacks(execute=True):
        ad = services.ad_create(by=member, themes=[theme], places=[malmo], **fields())
    ad.refresh_from_db()
    assert ad.owner == member and ad.organisation is None and ad.status == "open"
    assert ad.valid_until == timezone.localdate() + datetime.timedelta(days=60)
    assert list(ad.themes.all()) == [theme] and list(ad.places.all()) == [malmo]
    assert SearchEntry.objects.filter(kind="ad", object_id=ad.pk).exists()


def test_a_member_posts_for_an_organisation_they_are_an_active_member_of(member, malmo):
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user=member)
    ad = services.ad_create(by=member, organisation=organisation, places=[malmo], **fields())
    assert ad.organisation == organisation


@pytest.mark.parametrize("status", [Membership.Status.INVITED, None])
def test_posting_for_an_organisation_that_is_not_mine_is_refused_and_nothing_is_saved(member, malmo, status):
    organisation = OrganisationFactory()
    if status:
        MembershipFactory(organisation=organisation, user=member, status=status)
    with pytest.raises(ValidationError) as caught:
        services.ad_create(by=member, organisation=organisation, places=[malmo], **fields())
    assert "organisation you are an active member of" in caught.value.message_dict["organisation"][0]
    assert not Ad.objects.exists()


@pytest.mark.parametrize("days", [-1, 366, 5000])
def test_valid_until_out_of_range_is_refused_with_a_clear_message(member, malmo, days):
    with pytest.raises(ValidationError) as caught:
        services.ad_create(by=member, places=[malmo],
                           **fields(valid_until=timezone.localdate() + datetime.timedelta(days=days)))
    assert "between today and a year from now" in caught.value.message_dict["valid_until"][0]
    assert not Ad.objects.exists()


@pytest.mark.parametrize("days", [0, 365])
def test_valid_until_today_and_a_year_ahead_are_accepted(member, malmo, days):
    ad = services.ad_create(by=member, places=[malmo],
                            **fields(valid_until=timezone.localdate() + datetime.timedelta(days=days)))
    assert ad.pk


def test_an_ad_needs_a_place_or_anywhere_and_a_title(member):
    with pytest.raises(ValidationError) as caught:
        services.ad_create(by=member, **fields(title=""))
    assert set(caught.value.message_dict) == {"places", "title"}
    assert services.ad_create(by=member, **fields(is_anywhere=True)).is_anywhere
    assert Ad.objects.count() == 1


def test_an_unknown_kind_is_refused(member, malmo):
    with pytest.raises(ValidationError) as caught:
        services.ad_create(by=member, places=[malmo], **fields(kind="lottery"))
    assert "kind" in caught.value.message_dict and not Ad.objects.exists()


def test_a_filled_honeypot_refuses_the_ad_quietly(member, malmo):
    with pytest.raises(ValidationError) as caught:
        services.ad_create(by=member, places=[malmo], honeypot="http://spam.example", **fields())
    assert caught.value.messages == ["Your ad could not be posted. Please try again later."]
    assert not Ad.objects.exists()


@override_settings(MARKETPLACE_ADS_PER_DAY=3)
def test_a_member_posts_at_most_the_daily_limit_of_ads_in_24_hours(member, malmo):
    now = timezone.now()
    for hours_ago in (30, 20, 10, 1):  # the first is older than 24 hours and does not count
        services.ad_create(by=member, places=[malmo], now=now - datetime.timedelta(hours=hours_ago), **fields())
    with pytest.raises(ValidationError) as caught:
        services.ad_create(by=member, places=[malmo], now=now, **fields())
    assert "You have posted 3 ads in the last 24 hours" in caught.value.messages[0]
    assert Ad.objects.count() == 4
    # Another member is not held back; and four hours later the oldest of the three is out of the window.
    services.ad_create(by=UserFactory(), places=[malmo], now=now, **fields())
    services.ad_create(by=member, places=[malmo], now=now + datetime.timedelta(hours=4, minutes=1), **fields())
    assert Ad.objects.filter(owner=member).count() == 5


def test_a_visitor_cannot_post():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.ad_create(by=AnonymousUser(), is_anywhere=True, **fields())


def test_the_owner_and_a_fellow_member_change_an_ad_and_others_cannot(member, malmo):
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user=member)
    colleague = UserFactory()
    MembershipFactory(organisation=organisation, user=colleague)
    ad = services.ad_create(by=member, organisation=organisation, places=[malmo], **fields())
    services.ad_update(ad=ad, by=colleague, title="We seek two bookkeepers")
    ad.refresh_from_db()
    assert ad.title == "We seek two bookkeepers" and ad.organisation == organisation  # the colleague keeps it
    with pytest.raises(PermissionDenied):
        services.ad_update(ad=ad, by=UserFactory(), title="Mine now")


def test_an_update_refuses_a_valid_until_out_of_range_and_keeps_the_ad(member, malmo):
    ad = services.ad_create(by=member, places=[malmo], **fields())
    before = ad.valid_until
    with pytest.raises(ValidationError):
        services.ad_update(ad=ad, by=member, title="New title",
                           valid_until=timezone.localdate() + datetime.timedelta(days=400))
    ad.refresh_from_db()
    assert ad.valid_until == before and ad.title == "We seek a bookkeeper"


def test_renewing_an_expired_ad_opens_it_again_for_60_days(member):
    ad = AdFactory(owner=member, status="expired", valid_until=timezone.localdate() - datetime.timedelta(days=3),
                   reminder_sent_at=timezone.now())
    services.ad_renew(ad=ad, by=member)
    ad.refresh_from_db()
    assert ad.status == "open" and ad.reminder_sent_at is None
    assert ad.valid_until == timezone.localdate() + datetime.timedelta(days=60)


def test_a_closed_or_matched_ad_cannot_be_renewed_and_others_cannot_renew(member):
    for status in ("closed", "matched"):
        ad = AdFactory(owner=member, status=status)
        with pytest.raises(ValidationError):
            services.ad_renew(ad=ad, by=member)
    with pytest.raises(PermissionDenied):
        services.ad_renew(ad=AdFactory(owner=member), by=UserFactory())


def test_closing_an_ad_takes_it_out_of_search(member, malmo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ad = services.ad_create(by=member, places=[malmo], **fields())
    with django_capture_on_commit_callbacks(execute=True):
        services.ad_close(ad=ad, by=member)
    assert Ad.objects.get(pk=ad.pk).status == "closed"
    assert not SearchEntry.objects.filter(kind="ad", object_id=ad.pk).exists()
    with pytest.raises(ValidationError):
        services.ad_close(ad=ad, by=member)


def test_deleting_an_ad_removes_it_and_its_search_entry(member, malmo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ad = services.ad_create(by=member, places=[malmo], **fields())
    with pytest.raises(PermissionDenied):
        services.ad_delete(ad=ad, by=UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.ad_delete(ad=ad, by=member)
    assert not Ad.objects.exists() and not SearchEntry.objects.filter(kind="ad").exists()

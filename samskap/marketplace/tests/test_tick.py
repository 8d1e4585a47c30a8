"""The marketplace tick: open ads whose day has passed expire, owners are reminded before, once."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import formats, timezone, translation

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.core.fragments import MARKETPLACE, generation
from samskap.core.models import SearchEntry
from samskap.core.search import search_index_update
from samskap.marketplace import services
from samskap.marketplace.models import Ad
from samskap.marketplace.tests.factories import AdFactory

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_open_ads_past_their_last_day_expire_and_leave_search(django_capture_on_commit_callbacks):
    past = AdFactory(valid_until=days(-1))
    today = AdFactory(valid_until=days(0))
    closed = AdFactory(valid_until=days(-5), status="closed")
    search_index_update(kind="ad", obj=past)
    before = generation(MARKETPLACE)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.ads_expire() == 1
    assert Ad.objects.get(pk=past.pk).status == "expired"
    assert Ad.objects.get(pk=today.pk).status == "open"  # still valid through today
    assert Ad.objects.get(pk=closed.pk).status == "closed"
    assert not SearchEntry.objects.filter(kind="ad", object_id=past.pk).exists()
    assert generation(MARKETPLACE) != before
    assert services.ads_expire() == 0


def test_owners_are_reminded_five_days_before_once_in_their_language():
    owner = UserFactory(preferred_language="sv")
    soon = AdFactory(owner=owner, title="Lokal i Malmö", valid_until=days(5))
    AdFactory(valid_until=days(6))  # not yet
    AdFactory(valid_until=days(2), status="closed")
    AdFactory(valid_until=days(2), hidden_at=timezone.now())
    assert services.ads_remind() == 1
    notification = Notification.objects.get()
    assert notification.user == owner and notification.url == soon.get_absolute_url()
    assert notification.key == f"ad-expiring:{soon.pk}:{soon.valid_until.isoformat()}"
    with translation.override("sv"):  # the owner's language: the date (and, once translated, the words)
        assert formats.date_format(soon.valid_until, "DATE_FORMAT") in notification.title
    assert "Lokal i Malmö" in notification.title
    assert Ad.objects.get(pk=soon.pk).reminder_sent_at is not None
    assert services.ads_remind() == 0 and Notification.objects.count() == 1


def test_a_renewed_ad_is_reminded_again_before_its_new_last_day():
    owner = UserFactory(preferred_language="en")
    ad = AdFactory(owner=owner, valid_until=days(3))
    services.ads_remind()
    services.ad_renew(ad=ad, by=owner, today=timezone.localdate() - datetime.timedelta(days=56))  # valid 4 days
    assert services.ads_remind() == 1
    assert Notification.objects.filter(user=owner).count() == 2
    assert "expires on" in Notification.objects.order_by("pk").last().title


def test_the_command_expires_reminds_and_alerts(capsys):
    AdFactory(valid_until=days(-1))
    AdFactory(valid_until=days(1))
    call_command("marketplace_tick")
    assert "ads expired: 1, owners reminded: 1, saved-search alerts: 0" in capsys.readouterr().out


def test_the_reminder_is_also_e_mailed_at_once_in_the_owners_language(django_capture_on_commit_callbacks, run_tasks,
                                                                      mailoutbox):
    owner = UserFactory(preferred_language="en")
    ad = AdFactory(owner=owner, title="Premises in Malmö", valid_until=days(3))
    renewed = AdFactory(valid_until=days(2))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.ads_remind() == 2
    services.ad_renew(ad=renewed, by=renewed.owner)  # renewed before the worker got to it: no e-mail
    run_tasks()

    assert [message.to for message in mailoutbox] == [[owner.email]]
    message = mailoutbox[0]
    assert "Premises in Malmö" in message.subject and "runs out soon" in message.subject
    assert ad.get_absolute_url() in message.body and "in 3 days" in message.body
    assert formats.date_format(ad.valid_until, "DATE_FORMAT") in message.body

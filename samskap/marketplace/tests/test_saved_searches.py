"""Saved searches: saving the list's filters, renaming, alerts on and off, deleting; and the alerts new ads bring."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.marketplace import services
from samskap.marketplace.alerts import saved_searches_alert
from samskap.marketplace.models import SavedSearch
from samskap.marketplace.tests.factories import AdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)


# Alerts ------------------------------------------------------------------------------------------

def test_new_matching_ads_bring_one_notification_per_search_with_a_link_to_the_filtered_list():
    member = UserFactory(preferred_language="en")
    skane = make_place("Skåne", level="region")
    malmo = make_place("Malmö", parent=skane)
    search = SavedSearch.objects.create(user=member, name="Premises in Malmö", last_checked_at=ago(hours=1),
                                        query={"kind": "premises", "place": malmo.slug})
    AdFactory(kind="premises", places=[malmo], title="Workshop space")
    AdFactory(kind="premises", places=[skane])  # a region above Malmö
    AdFactory(kind="premises", is_anywhere=True)
    AdFactory(kind="premises", places=[malmo], created_at=ago(hours=2))  # before the last check
    AdFactory(kind="volunteers", places=[malmo])  # another kind
    AdFactory(kind="premises", places=[make_place("Lund")])  # another place
    AdFactory(kind="premises", places=[malmo], status="closed")
    AdFactory(kind="premises", places=[malmo], owner=member)  # their own
    assert saved_searches_alert() == 1
    notification = Notification.objects.get(user=member)
    assert notification.title == "3 new ads match “Premises in Malmö”"
    assert notification.url == f"/marketplace/?kind=premises&place={malmo.slug}"
    search.refresh_from_db()
    assert search.last_checked_at > ago(minutes=1)
    assert saved_searches_alert() == 0  # nothing new since


def test_a_search_with_alerts_off_or_of_an_inactive_member_is_not_alerted():
    SavedSearch.objects.create(user=UserFactory(), name="Off", alerts=False, last_checked_at=ago(hours=1))
    SavedSearch.objects.create(user=UserFactory(is_active=False), name="Gone", last_checked_at=ago(hours=1))
    AdFactory()
    assert saved_searches_alert() == 0 and not Notification.objects.exists()


def test_one_new_ad_reads_in_the_singular_and_the_theme_filter_applies():
    member = UserFactory(preferred_language="en")
    theme = make_theme("Loneliness")
    SavedSearch.objects.create(user=member, name="Loneliness", query={"theme": theme.slug},
                               last_checked_at=ago(hours=1))
    AdFactory(themes=[theme], title="Befriending volunteers")
    AdFactory()
    saved_searches_alert()
    notification = Notification.objects.get()
    assert notification.title == "1 new ad matches “Loneliness”" and "Befriending volunteers" in notification.body


def test_the_alerts_run_a_fixed_number_of_queries_per_search(django_assert_max_num_queries):
    members = [UserFactory() for _ in range(5)]
    for member in members:
        SavedSearch.objects.create(user=member, name="All", last_checked_at=ago(hours=1))
    for _ in range(20):
        AdFactory(organisation=OrganisationFactory())
    # Two per search (a count, the newest title); the rest (hub settings, the rounds, the writes) fixed.
    with django_assert_max_num_queries(2 * len(members) + 12):
        assert saved_searches_alert() == 5


# Services ----------------------------------------------------------------------------------------

def test_a_saved_search_keeps_only_given_filters_and_needs_a_name():
    member = UserFactory()
    search = services.saved_search_create(user=member, name="  Premises   in Malmö ",
                                          query={"kind": "premises", "theme": ""})
    assert search.name == "Premises in Malmö" and search.query == {"kind": "premises"}
    with pytest.raises(ValidationError) as caught:
        services.saved_search_create(user=member, name="  ", query={})
    assert caught.value.message_dict["name"] == ["Give the saved search a name."]
    assert SavedSearch.objects.count() == 1


def test_a_member_keeps_at_most_50_saved_searches():
    member = UserFactory()
    SavedSearch.objects.bulk_create([SavedSearch(user=member, name=f"S{n}") for n in range(50)])
    with pytest.raises(ValidationError):
        services.saved_search_create(user=member, name="One more", query={})
    assert SavedSearch.objects.count() == 50


def test_only_its_member_changes_or_deletes_a_saved_search():
    search = SavedSearch.objects.create(user=UserFactory(), name="Mine")
    with pytest.raises(PermissionDenied):
        services.saved_search_update(saved_search=search, user=UserFactory(), name="Theirs")
    with pytest.raises(PermissionDenied):
        services.saved_search_delete(saved_search=search, user=UserFactory())
    assert SavedSearch.objects.get().name == "Mine"


def test_turning_alerts_on_again_starts_from_now():
    search = SavedSearch.objects.create(user=UserFactory(), name="S", alerts=False, last_checked_at=ago(days=30))
    services.saved_search_update(saved_search=search, user=search.user, alerts=True)
    search.refresh_from_db()
    assert search.alerts and search.last_checked_at > ago(minutes=1)


# Pages -------------------------------------------------------------------------------------------

def test_a_member_saves_the_search_from_the_list_and_manages_it(client):
    member = UserFactory()
    client.force_login(member)
    html = client.get("/marketplace/?kind=premises").content.decode()
    assert "Save this search" in html and 'value="Premises or equipment"' in html
    response = client.post("/marketplace/saved/new/", {"kind": "premises", "theme": "nonsense",
                                                       "name": "Premises"}, follow=True)
    search = SavedSearch.objects.get(user=member)
    assert search.query == {"kind": "premises"}  # an unknown theme is left out
    assert "The search “Premises” is saved" in response.content.decode()
    html = client.get("/marketplace/saved/").content.decode()
    assert 'href="/marketplace/?kind=premises"' in html and "Turn alerts off" in html

    client.post(f"/marketplace/saved/{search.pk}/", {"name": "Premises anywhere"})
    client.post(f"/marketplace/saved/{search.pk}/", {"alerts": "0"})
    search.refresh_from_db()
    assert search.name == "Premises anywhere" and not search.alerts
    response = client.post(f"/marketplace/saved/{search.pk}/", {"name": ""}, follow=True)
    assert "Give the saved search a name" in response.content.decode()
    assert SavedSearch.objects.get().name == "Premises anywhere"
    client.post(f"/marketplace/saved/{search.pk}/delete/")
    assert not SavedSearch.objects.exists()


def test_a_visitor_sees_no_save_form_and_others_cannot_touch_a_saved_search(client):
    assert "Save this search" not in client.get("/marketplace/").content.decode()
    assert client.get("/marketplace/saved/").status_code == 302
    search = SavedSearch.objects.create(user=UserFactory(), name="Private")
    client.force_login(UserFactory())
    assert "Private" not in client.get("/marketplace/saved/").content.decode()
    assert client.post(f"/marketplace/saved/{search.pk}/", {"name": "Taken"}).status_code == 404
    assert client.post(f"/marketplace/saved/{search.pk}/delete/").status_code == 404
    assert client.get(f"/marketplace/saved/{search.pk}/delete/").status_code == 405
    assert SavedSearch.objects.get().name == "Private"

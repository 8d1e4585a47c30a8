"""The ad pages as visitors, members and owners see them: the list with its filters and sorts, an ad in each
state, posting, editing, renewing and closing, and my ads."""

import datetime
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.marketplace.models import Ad
from samskap.marketplace.tests.factories import AdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def page(client, url, data=None) -> str:
    response = client.get(url, data or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def titles(html: str) -> list[str]:
    """The ad titles of a list, in order."""
    return re.findall(r'<a class="ds-link" href="/marketplace/\d+/" lang="\w+">([^<]+)</a>', html)


def test_the_urls_are_named():
    assert reverse("marketplace:ads") == "/marketplace/"
    assert reverse("marketplace:ad_new") == "/marketplace/new/"
    assert reverse("marketplace:my_ads") == "/marketplace/mine/"
    assert reverse("marketplace:saved_searches") == "/marketplace/saved/"
    assert reverse("marketplace:ad", args=[1]) == "/marketplace/1/"
    assert reverse("marketplace:ad_edit", args=[1]) == "/marketplace/1/edit/"
    assert reverse("marketplace:ad_renew", args=[1]) == "/marketplace/1/renew/"
    assert reverse("marketplace:ad_close", args=[1]) == "/marketplace/1/close/"


# The list ----------------------------------------------------------------------------------------

def test_the_list_shows_open_visible_ads_newest_first(client):
    AdFactory(title="Older", created_at=timezone.now() - datetime.timedelta(days=2))
    AdFactory(title="Newer")
    for status in ("closed", "expired", "matched"):
        AdFactory(title=f"Not open {status}", status=status)
    AdFactory(title="Hidden one", hidden_at=timezone.now())
    html = page(client, "/marketplace/")
    assert titles(html) == ["Newer", "Older"] and "2 open ads" in html


def test_closing_soon_sorts_by_the_last_valid_day(client):
    AdFactory(title="Later", valid_until=days(30))
    AdFactory(title="Sooner", valid_until=days(3))
    AdFactory(title="Latest", valid_until=days(50))
    assert titles(page(client, "/marketplace/", {"sort": "closing"})) == ["Sooner", "Later", "Latest"]


def test_the_filters_kind_theme_and_kind_of_organisation(client):
    theme = make_theme("Loneliness")
    municipality = OrganisationFactory(kind="municipality")
    AdFactory(title="Premises", kind="premises")
    AdFactory(title="Themed", themes=[theme])
    AdFactory(title="By a municipality", organisation=municipality)
    AdFactory(title="By a person")
    assert titles(page(client, "/marketplace/", {"kind": "premises"})) == ["Premises"]
    assert titles(page(client, "/marketplace/", {"theme": theme.slug})) == ["Themed"]
    assert titles(page(client, "/marketplace/", {"org_kind": "municipality"})) == ["By a municipality"]


def test_the_place_filter_includes_places_within_above_and_anywhere(client):
    skane = make_place("Skåne", level="region")
    malmo = make_place("Malmö", parent=skane)
    rosengard = make_place("Rosengård", level="neighbourhood", parent=malmo)
    AdFactory(title="In Rosengård", places=[rosengard])
    AdFactory(title="In Skåne", places=[skane])
    AdFactory(title="Online", is_anywhere=True)
    AdFactory(title="In Lund", places=[make_place("Lund", parent=skane)])
    AdFactory(title="Nowhere said")
    assert sorted(titles(page(client, "/marketplace/", {"place": malmo.slug}))) == [
        "In Rosengård", "In Skåne", "Online"]


def test_an_unknown_filter_value_is_left_out_with_a_note(client):
    AdFactory(title="Any")
    html = page(client, "/marketplace/", {"kind": "lottery", "page": "9"})
    assert titles(html) == ["Any"]
    assert "The filter “Kind of ad” has no value “lottery”, so it was left out." in html
    assert "There is no page 9" in html


def test_best_match_for_me_ranks_ads_on_my_organisations_themes_first(client):
    theme = make_theme("Loneliness")
    member = UserFactory()
    MembershipFactory(organisation=OrganisationFactory(themes=[theme]), user=member)
    AdFactory(title="Unrelated")
    AdFactory(title="On loneliness", themes=[theme], created_at=timezone.now() - datetime.timedelta(days=3))
    assert titles(page(client, "/marketplace/", {"sort": "match"}))[0] == "Unrelated"  # visitors: newest
    client.force_login(member)
    html = page(client, "/marketplace/", {"sort": "match"})
    assert titles(html) == ["On loneliness", "Unrelated"] and "Sorted by how well each ad fits you" in html


def test_a_visitors_second_look_reads_the_cache_and_a_new_ad_shows_at_once(client, django_assert_max_num_queries):
    AdFactory(title="First")
    page(client, "/marketplace/")
    with django_assert_max_num_queries(0):
        assert titles(page(client, "/marketplace/")) == ["First"]
    AdFactory(title="Second")
    assert titles(page(client, "/marketplace/")) == ["Second", "First"]


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the caches every page shares (hub settings, themes, places)
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def ads(n: int) -> None:
    themes = [make_theme(f"Theme {Ad.objects.count()}-{i}") for i in range(2)]
    places = [make_place(f"Place {Ad.objects.count()}-{i}") for i in range(2)]
    for i in range(n):
        AdFactory(themes=themes, places=places, organisation=OrganisationFactory() if i % 2 else None,
                  valid_until=days(1 + i % 50))


@pytest.mark.parametrize("url", ["/marketplace/", "/marketplace/?sort=closing&kind=seeking_competence",
                                 "/marketplace/?sort=match", "/marketplace/mine/", "/marketplace/saved/"])
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_the_list_pages_run_the_same_few_queries_for_5_and_30_ads(client, url, viewer,
                                                                  django_assert_max_num_queries):
    if viewer == "visitor" and url in ("/marketplace/mine/", "/marketplace/saved/"):
        return
    member = UserFactory()
    MembershipFactory(organisation=OrganisationFactory(themes=[make_theme("Own")]), user=member)
    if viewer == "member":
        client.force_login(member)
    ads(5)
    Ad.objects.update(owner=member)
    with_five = count_queries(client, url + ("&" if "?" in url else "?") + "five=1", django_assert_max_num_queries)
    ads(25)
    Ad.objects.update(owner=member)
    with_thirty = count_queries(client, url + ("&" if "?" in url else "?") + "thirty=1",
                                django_assert_max_num_queries)
    assert with_five == with_thirty


# An ad -------------------------------------------------------------------------------------------

def test_an_ad_page_shows_the_ad_with_its_description_as_plain_text(client):
    organisation = OrganisationFactory(name="Kooperativet")
    ad = AdFactory(title="We seek a bookkeeper", organisation=organisation, is_anywhere=True,
                   description="Line one\n<script>alert(1)</script> **not bold**", valid_until=days(10),
                   themes=[make_theme("Economy")])
    html = page(client, ad.get_absolute_url())
    assert "<h1" in html and "We seek a bookkeeper" in html
    assert f'href="{organisation.get_absolute_url()}">Kooperativet</a>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **not bold**" in html and "<script>alert(1)" not in html
    assert "Anywhere or online" in html and "Economy" in html and "Seeking competence" in html
    assert "Renew for 60 days" not in html


def test_a_visitors_second_look_at_an_ad_runs_one_query_and_a_change_shows_at_once(client,
                                                                                  django_assert_max_num_queries):
    ad = AdFactory(title="Before", is_anywhere=True)
    page(client, ad.get_absolute_url())
    with django_assert_max_num_queries(1):  # which ad, and whether it is still open
        assert "Before" in page(client, ad.get_absolute_url())
    ad.title = "After"
    ad.save()
    assert "After" in page(client, ad.get_absolute_url())
    Ad.objects.filter(pk=ad.pk).update(status="closed")
    assert client.get(ad.get_absolute_url()).status_code == 410


def test_a_person_posting_for_themselves_is_shown_by_name(client):
    ad = AdFactory(owner=UserFactory(name="Petra Person"))
    assert "Petra Person" in page(client, ad.get_absolute_url())


def test_the_owner_sees_edit_renew_and_close(client):
    ad = AdFactory()
    client.force_login(ad.owner)
    html = page(client, ad.get_absolute_url())
    assert "Renew for 60 days" in html and "Close the ad" in html and f"/marketplace/{ad.pk}/edit/" in html


def test_a_matched_ad_says_so_to_everyone(client):
    ad = AdFactory(status="matched")
    html = page(client, ad.get_absolute_url())
    assert "Matched:" in html
    client.force_login(UserFactory())
    assert "Matched:" in page(client, ad.get_absolute_url())


@pytest.mark.parametrize("status, words", [("expired", "This ad has expired"), ("closed", "This ad is closed")])
def test_an_expired_or_closed_ad_is_gone_for_others_and_visible_to_its_owner(client, status, words):
    colleague = UserFactory()
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user=colleague)
    ad = AdFactory(status=status, title="Secret title", organisation=organisation)
    for viewer in (None, UserFactory()):
        if viewer:
            client.force_login(viewer)
        response = client.get(ad.get_absolute_url())
        assert response.status_code == 410
        assert words in response.content.decode() and "Secret title" not in response.content.decode()
    for owner_side in (ad.owner, colleague):
        client.force_login(owner_side)
        html = page(client, ad.get_absolute_url())
        assert "Secret title" in html and words in html


def test_a_hidden_or_missing_ad_is_not_found_for_others(client):
    ad = AdFactory(hidden_at=timezone.now(), hidden_reason="Spam")
    assert client.get(ad.get_absolute_url()).status_code == 404
    assert client.get("/marketplace/999999/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(ad.get_absolute_url()).status_code == 404
    client.force_login(ad.owner)
    assert client.get(ad.get_absolute_url()).status_code == 200


# Posting and changing ----------------------------------------------------------------------------

def form_data(**extra) -> dict:
    return {"kind": "premises", "title": "Workshop space to share", "description": "Two rooms in Malmö.",
            "language": "en", "is_anywhere": "on", "valid_until": days(30).isoformat(), "website": "", **extra}


def test_a_visitor_is_sent_to_log_in_to_post(client):
    response = client.get("/marketplace/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_member_posts_an_ad_for_their_organisation(client):
    member = UserFactory()
    organisation = OrganisationFactory(name="Our coop")
    MembershipFactory(organisation=organisation, user=member)
    client.force_login(member)
    assert "Our coop" in page(client, "/marketplace/new/")
    theme, malmo = make_theme("Premises"), make_place("Malmö")
    response = client.post("/marketplace/new/", form_data(organisation=organisation.pk, themes=[theme.pk],
                                                          places=[malmo.pk], is_anywhere=""), follow=True)
    ad = Ad.objects.get()
    assert response.redirect_chain[-1][0] == ad.get_absolute_url()
    assert "Your ad is posted" in response.content.decode()
    assert ad.owner == member and ad.organisation == organisation and list(ad.places.all()) == [malmo]
    assert ad.valid_until == days(30)


def test_the_form_says_what_is_wrong_and_saves_nothing(client):
    client.force_login(UserFactory())
    other_organisation = OrganisationFactory()
    html = client.post("/marketplace/new/", form_data(title="", is_anywhere="", organisation=other_organisation.pk,
                                                      valid_until=days(400).isoformat())).content.decode()
    assert "Please correct the following" in html
    assert "This field is required." in html
    assert "Choose at least one place, or tick “anywhere or online”." in html
    assert "Select a valid choice" in html  # an organisation that is not theirs is not offered
    assert not Ad.objects.exists()
    html = client.post("/marketplace/new/", form_data(valid_until=days(400).isoformat())).content.decode()
    assert "between today and a year from now" in html and not Ad.objects.exists()


def test_a_filled_honeypot_posts_nothing_and_says_nothing_of_why(client):
    client.force_login(UserFactory())
    response = client.post("/marketplace/new/", form_data(website="https://cheap.example"))
    assert response.status_code == 200
    assert "Your ad could not be posted. Please try again later." in response.content.decode()
    assert not Ad.objects.exists()


def test_the_honeypot_is_hidden_from_people(client):
    client.force_login(UserFactory())
    html = page(client, "/marketplace/new/")
    assert re.search(r'<div class="ad-honeypot" aria-hidden="true">.*?name="website"[^>]*tabindex="-1"', html, re.S)


@override_settings(MARKETPLACE_ADS_PER_DAY=2)
def test_the_daily_limit_is_explained_on_the_form(client):
    member = UserFactory()
    client.force_login(member)
    client.post("/marketplace/new/", form_data())
    client.post("/marketplace/new/", form_data())
    html = client.post("/marketplace/new/", form_data()).content.decode()
    assert "You have posted 2 ads in the last 24 hours, the most a member may." in html
    assert Ad.objects.count() == 2


def test_the_owner_edits_and_others_may_not(client):
    ad = AdFactory(is_anywhere=True)
    client.force_login(UserFactory())
    assert client.get(f"/marketplace/{ad.pk}/edit/").status_code == 403
    assert client.post(f"/marketplace/{ad.pk}/edit/", form_data(title="Taken")).status_code == 403
    client.force_login(ad.owner)
    assert 'value="Vi söker kompetens' in page(client, f"/marketplace/{ad.pk}/edit/")
    response = client.post(f"/marketplace/{ad.pk}/edit/", form_data(title="Changed"))
    assert response.status_code == 302
    assert Ad.objects.get().title == "Changed"


def test_renew_and_close_are_posts_for_the_owner_only(client):
    ad = AdFactory(status="expired", valid_until=days(-2))
    assert client.post(f"/marketplace/{ad.pk}/renew/").status_code == 302  # to log in
    client.force_login(UserFactory())
    assert client.post(f"/marketplace/{ad.pk}/renew/").status_code == 404  # expired: not theirs to see
    client.force_login(ad.owner)
    assert client.get(f"/marketplace/{ad.pk}/renew/").status_code == 405
    response = client.post(f"/marketplace/{ad.pk}/renew/", follow=True)
    assert "is renewed: it is open until" in response.content.decode()
    ad.refresh_from_db()
    assert ad.status == "open" and ad.valid_until == days(60)
    client.force_login(UserFactory())
    assert client.post(f"/marketplace/{ad.pk}/close/").status_code == 403
    client.force_login(ad.owner)
    response = client.post(f"/marketplace/{ad.pk}/close/", {"next": "mine"})
    assert response["Location"] == "/marketplace/mine/"
    assert Ad.objects.get().status == "closed"
    response = client.post(f"/marketplace/{ad.pk}/renew/", follow=True)
    assert "Only an open or expired ad can be renewed" in response.content.decode()


def test_my_ads_lists_mine_and_my_organisations_in_every_status_with_renew_buttons(client):
    member = UserFactory()
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user=member)
    AdFactory(owner=member, title="Mine expired", status="expired")
    AdFactory(owner=member, title="Mine closed", status="closed")
    AdFactory(organisation=organisation, title="Colleagues")
    AdFactory(title="Someone else's")
    client.force_login(member)
    html = page(client, "/marketplace/mine/")
    assert sorted(titles(html)) == ["Colleagues", "Mine closed", "Mine expired"]
    assert html.count(">Renew<") == 2 and "Expired" in html and "Closed" in html
    client.logout()
    assert client.get("/marketplace/mine/").status_code == 302

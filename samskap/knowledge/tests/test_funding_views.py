"""The funding pages as a reader and a funder see them: the list and its filters, closing soon, for my
organisations, a call, and adding, editing, hiding and deleting one."""

import datetime
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import Place
from samskap.knowledge.models import FundingCall, FundingDeadline
from samskap.knowledge.tests.factories import FundingCallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def in_days(days: float) -> datetime.datetime:
    return (timezone.now() + timedelta(days=days)).replace(microsecond=0)


def page(client, url, data=None) -> str:
    response = client.get(url, data or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def titles(html: str) -> list[str]:
    """The call titles of a list, in order."""
    return re.findall(r'<h3 class="ds-heading" data-size="xs">\s*<a class="ds-link" href="/funding/[^"]+/" '
                      r'lang="\w+">([^<]+)</a>', html)


def funder_with_member(**fields):
    user = UserFactory()
    funder = OrganisationFactory(kind="region", **fields)
    MembershipFactory(organisation=funder, user=user)
    return user, funder


def test_the_urls_are_named():
    assert reverse("knowledge:funding_calls") == "/funding/"
    assert reverse("knowledge:funding_closing_soon") == "/funding/closing-soon/"
    assert reverse("knowledge:funding_for_me") == "/funding/for-me/"
    assert reverse("knowledge:funding_call_new") == "/funding/new/"
    assert reverse("knowledge:funding_call", args=["a"]) == "/funding/a/"
    assert reverse("knowledge:funding_call_edit", args=["a"]) == "/funding/a/edit/"
    assert reverse("knowledge:funding_call_delete", args=["a"]) == "/funding/a/delete/"


# The list ----------------------------------------------------------------------------------------

def test_the_list_shows_open_calls_by_next_deadline_with_rolling_ones_last_and_no_closed_or_hidden_ones(client):
    FundingCallFactory(title="Later", next_deadline=in_days(40))
    FundingCallFactory(title="Sooner", next_deadline=in_days(3))
    FundingCallFactory(title="Rolling", next_deadline=None, is_rolling=True, deadline=False)
    FundingCallFactory(title="Closed", next_deadline=None, deadline=False)
    FundingCallFactory(title="Hidden", next_deadline=in_days(5), is_published=False)

    html = page(client, "/funding/")

    assert titles(html) == ["Sooner", "Later", "Rolling"]
    assert "3 open funding calls" in html
    assert '<link rel="alternate" type="text/calendar" href="/funding/deadlines.ics"' in html


def test_the_toggle_includes_closed_calls_after_the_open_ones(client):
    FundingCallFactory(title="Open", next_deadline=in_days(3))
    closed = FundingCallFactory(title="Closed", next_deadline=None, deadline=False)
    FundingDeadline.objects.create(call=closed, due=in_days(-10))

    html = page(client, "/funding/", {"closed": "on"})

    assert titles(html) == ["Open", "Closed"]
    assert "2 funding calls" in html and "Closed: every deadline has passed." in html


def test_the_theme_filter(client):
    loneliness = make_theme("Loneliness")
    FundingCallFactory(title="Lonely", themes=[loneliness])
    FundingCallFactory(title="Other", themes=[make_theme("Housing")])
    html = page(client, "/funding/", {"theme": loneliness.slug})
    assert titles(html) == ["Lonely"]
    assert f'href="/funding/deadlines.ics?theme={loneliness.slug}"' in html


def test_the_kind_filter_keeps_calls_open_to_that_kind_or_to_any_kind(client):
    FundingCallFactory(title="Associations", eligible_kinds=["association"], next_deadline=in_days(1))
    FundingCallFactory(title="Anyone", eligible_kinds=[], next_deadline=in_days(2))
    FundingCallFactory(title="Companies", eligible_kinds=["company", "cooperative"], next_deadline=in_days(3))
    assert titles(page(client, "/funding/", {"kind": "association"})) == ["Associations", "Anyone"]
    assert titles(page(client, "/funding/", {"kind": "cooperative"})) == ["Anyone", "Companies"]


def test_the_place_filter_keeps_calls_open_anywhere_there_above_or_within(client):
    sweden = Place.objects.get(level="country", country="SE")
    skane = make_place("Skåne test", level="region", parent=sweden)
    malmo = make_place("Malmö test", parent=skane)
    norway = Place.objects.get(level="country", country="NO")
    FundingCallFactory(title="Anywhere", next_deadline=in_days(1))
    FundingCallFactory(title="Sweden", eligible_places=[sweden], next_deadline=in_days(2))
    FundingCallFactory(title="Skåne", eligible_places=[skane], next_deadline=in_days(3))
    FundingCallFactory(title="Malmö", eligible_places=[malmo], next_deadline=in_days(4))
    FundingCallFactory(title="Norway", eligible_places=[norway], next_deadline=in_days(5))

    assert titles(page(client, "/funding/", {"place": skane.slug})) == ["Anywhere", "Sweden", "Skåne", "Malmö"]
    assert titles(page(client, "/funding/", {"place": norway.slug})) == ["Anywhere", "Norway"]


def test_the_currency_and_amount_filters(client):
    FundingCallFactory(title="Small SEK", currency="SEK", amount_min=10_000, amount_max=50_000, next_deadline=in_days(1))
    FundingCallFactory(title="Big SEK", currency="SEK", amount_min=None, amount_max=2_000_000, next_deadline=in_days(2))
    FundingCallFactory(title="From EUR", currency="EUR", amount_min=200_000, amount_max=None, next_deadline=in_days(3))
    FundingCallFactory(title="Unstated", currency="NOK", amount_min=None, amount_max=None, next_deadline=in_days(4))

    assert titles(page(client, "/funding/", {"currency": "SEK"})) == ["Small SEK", "Big SEK"]
    assert titles(page(client, "/funding/", {"amount": "100000"})) == ["Big SEK", "From EUR"]
    assert titles(page(client, "/funding/", {"currency": "EUR", "amount": "100000"})) == ["From EUR"]


def test_an_unknown_filter_value_is_left_out_with_a_note(client):
    FundingCallFactory(title="Any")
    html = page(client, "/funding/", {"kind": "dragon", "amount": "lots", "page": "x"})
    assert titles(html) == ["Any"]
    assert "has no value “dragon”, so it was left out" in html
    assert "has no value “lots”, so it was left out" in html
    assert "is not a page number" in html


def test_the_list_is_paginated(client):
    for i in range(23):
        FundingCallFactory(title=f"Call {i:02}", next_deadline=in_days(1 + i))
    assert titles(page(client, "/funding/")) == [f"Call {i:02}" for i in range(20)]
    assert titles(page(client, "/funding/", {"page": "2"})) == ["Call 20", "Call 21", "Call 22"]


def test_a_card_shows_the_funder_amount_deadline_and_days_left(client):
    funder = OrganisationFactory(name="Vinnova test")
    due = in_days(12.5)
    FundingCallFactory(title="Card", funder=funder, programme="Innovation", amount_min=50_000, amount_max=500_000,
                       currency="SEK", next_deadline=due)
    html = page(client, "/funding/")
    assert "Vinnova test · Innovation · 50,000–500,000\u00a0SEK" in html
    assert "12 days left" in html
    local = timezone.localtime(due, ZoneInfo("Europe/Stockholm"))
    assert f'datetime="{local.isoformat()}"' in html


def test_amounts_follow_the_readers_language(client):
    FundingCallFactory(title="Kort", amount_min=50_000, amount_max=500_000, currency="NOK")
    html = client.get("/funding/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "50\u00a0000–500\u00a0000\u00a0NOK" in html


def test_members_see_the_hidden_calls_of_their_own_organisations_marked_hidden(client):
    user, funder = funder_with_member()
    FundingCallFactory(title="Ours, hidden", funder=funder, is_published=False)
    FundingCallFactory(title="Theirs, hidden", is_published=False)
    client.force_login(user)
    html = page(client, "/funding/")
    assert titles(html) == ["Ours, hidden"] and "Hidden" in html


def test_visitors_second_look_at_the_list_and_a_call_reads_the_cache(client, django_assert_max_num_queries):
    call = FundingCallFactory(title="Cached call")
    page(client, "/funding/")
    page(client, call.get_absolute_url())
    with django_assert_max_num_queries(0):
        assert "Cached call" in page(client, "/funding/")
    with django_assert_max_num_queries(0):
        assert "Cached call" in page(client, call.get_absolute_url())


def test_a_change_to_a_call_reaches_the_visitors_copy_at_once(client):
    call = FundingCallFactory(title="Before")
    assert "Before" in page(client, "/funding/")
    call.title = "After"
    call.save()
    assert titles(page(client, "/funding/")) == ["After"]


# Closing soon ------------------------------------------------------------------------------------

def test_closing_soon_shows_calls_due_within_30_days_soonest_first(client):
    FundingCallFactory(title="In 29 days", next_deadline=in_days(29.9))
    FundingCallFactory(title="Tomorrow", next_deadline=in_days(1.2))
    FundingCallFactory(title="In 31 days", next_deadline=in_days(31))
    FundingCallFactory(title="Rolling", next_deadline=None, is_rolling=True, deadline=False)
    FundingCallFactory(title="Passed", next_deadline=in_days(-1))
    FundingCallFactory(title="In 3 hours", next_deadline=in_days(0.13))

    html = page(client, "/funding/closing-soon/")

    assert titles(html) == ["In 3 hours", "Tomorrow", "In 29 days"]
    assert "3 hours left" in html and "1 day left" in html and "29 days left" in html


def test_closing_soon_gives_the_time_on_the_calls_clock_and_on_the_readers(client):
    due = datetime.datetime.combine(timezone.localdate() + timedelta(days=10), datetime.time(12, 0),
                                    tzinfo=ZoneInfo("Europe/Oslo"))
    FundingCallFactory(title="Oslo", time_zone="Europe/Oslo", next_deadline=due)
    reader = UserFactory(time_zone="Europe/Helsinki")
    client.force_login(reader)

    html = page(client, "/funding/closing-soon/")

    assert re.search(r"<time datetime=\"[^\"]+T12:00:00\+0[12]:00\">[^<]* noon</time> "
                     r"<span class=\"funding-meta\">\(Europe/Oslo\)</span>", html)
    assert re.search(r"Your time: [^<]* 1 p\.m\. \(Europe/Helsinki\)", html)
    reader.preferred_language = "sv"
    reader.save()
    html = page(client, "/funding/closing-soon/")
    assert re.search(r">[^<]* 12:00</time>", html) and re.search(r"13:00 \(Europe/Helsinki\)", html)


def test_a_reader_in_the_calls_own_zone_sees_the_time_once(client):
    FundingCallFactory(title="Stockholm", time_zone="Europe/Stockholm", next_deadline=in_days(5))
    assert "Your time" not in page(client, "/funding/closing-soon/")  # the hub's zone is Stockholm's


# For my organisations ----------------------------------------------------------------------------

def test_for_me_needs_a_log_in(client):
    response = client.get("/funding/for-me/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_for_me_groups_the_open_calls_that_fit_each_of_my_organisations_and_says_why(client):
    sweden = Place.objects.get(level="country", country="SE")
    skane = make_place("Skåne fit", level="region", parent=sweden)
    malmo = make_place("Malmö fit", parent=skane)
    loneliness = make_theme("Loneliness")
    user = UserFactory()
    association = OrganisationFactory(name="Yalla Trappan", kind="association", head_office=malmo,
                                      themes=[loneliness])
    cooperative = OrganisationFactory(name="Coop Nord", kind="cooperative", country="NO")
    MembershipFactory(organisation=association, user=user)
    MembershipFactory(organisation=cooperative, user=user, role=Membership.Role.ADMIN)
    MembershipFactory(organisation=OrganisationFactory(name="Asked to join", kind="association"), user=user,
                      status=Membership.Status.REQUESTED)
    FundingCallFactory(title="For associations in Skåne on loneliness", eligible_kinds=["association"],
                       eligible_places=[skane], themes=[loneliness], next_deadline=in_days(5))
    FundingCallFactory(title="For anyone", next_deadline=in_days(9))
    FundingCallFactory(title="For companies", eligible_kinds=["company"])
    FundingCallFactory(title="Closed for associations", eligible_kinds=["association"], next_deadline=None,
                       deadline=False)
    FundingCallFactory(title="Hidden for anyone", is_published=False)
    client.force_login(user)

    html = page(client, "/funding/for-me/")

    coop_part, yalla_part = html.split('id="organisation-')[1:3] if html.index("Coop Nord") < html.index(
        "Yalla Trappan") else html.split('id="organisation-')[2:0:-1]
    assert titles(yalla_part) == ["For associations in Skåne on loneliness", "For anyone"]
    assert titles(coop_part) == ["For anyone"]
    assert "Asked to join" not in html
    assert "Open to association / NGO" in yalla_part
    assert "In Skåne fit" in yalla_part
    assert "Theme: Loneliness" in yalla_part
    assert "Open to every organisation" in coop_part


def test_for_me_tells_a_member_without_organisations_how_to_get_one(client):
    client.force_login(UserFactory())
    html = page(client, "/funding/for-me/")
    assert "You are not a member of any organisation in the directory yet." in html


# A call ------------------------------------------------------------------------------------------

def test_a_call_page_shows_everything_about_the_call(client):
    sweden = Place.objects.get(level="country", country="SE")
    skane = make_place("Skåne page", level="region", parent=sweden)
    theme = make_theme("Work integration")
    funder = OrganisationFactory(name="Region Skåne page", slug="region-skane-page")
    call = FundingCallFactory(
        title="Social innovation", funder=funder, programme="Regional growth", amount_min=100_000,
        amount_max=1_000_000, currency="SEK", time_zone="Europe/Stockholm", eligible_kinds=["association", "cooperative"],
        eligible_places=[skane], themes=[theme], eligibility="Non-profits registered in Skåne.",
        co_financing="50 % from other sources", url="https://example.org/apply", contact_name="Kim Kontakt",
        contact_email="kim@example.org", is_rolling=True, deadline=False,
        next_deadline=datetime.datetime(2031, 3, 31, 21, 59, tzinfo=datetime.UTC))
    FundingDeadline.objects.create(call=call, label="Outline", due=call.next_deadline)
    FundingDeadline.objects.create(call=call, label="Earlier round", due=in_days(-30))

    html = page(client, call.get_absolute_url())

    assert 'href="/organisations/region-skane-page/"' in html or funder.get_absolute_url() in html
    for text in ("Regional growth", "100,000–1,000,000\u00a0SEK", "Outline", "March 31, 2031, end of the day",
                 "end of the day", "Europe/Stockholm", "Rolling", "Association / NGO", "Cooperative", "Skåne page",
                 "Work integration", "Non-profits registered in Skåne.", "50 % from other sources",
                 "https://example.org/apply", "Kim Kontakt", "mailto:kim@example.org", "Earlier round", "Passed"):
        assert text in html, text
    assert f'href="/funding/{call.slug}/deadlines.ics"' in html
    assert "Edit" not in html


def test_a_call_without_restrictions_says_so(client):
    call = FundingCallFactory(amount_min=None, amount_max=None)
    html = page(client, call.get_absolute_url())
    assert "Any kind" in html and "Anywhere" in html and "Any theme" in html and "Not stated" in html


def test_a_hidden_call_is_not_found_by_visitors(client):
    call = FundingCallFactory(is_published=False)
    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get("/funding/no-such-call/").status_code == 404


# Adding and editing ------------------------------------------------------------------------------

def form_data(funder, **overrides) -> dict:
    data = {
        "title": "Lokalt ledd utvikling", "funder": str(funder.pk), "programme": "LEADER", "summary": "Støtte.",
        "language": "nb", "amount_min": "10000", "amount_max": "300000", "currency": "NOK", "time_zone": "Europe/Oslo",
        "eligibility": "", "co_financing": "", "url": "example.org/leader", "contact_name": "", "contact_email": "",
        "is_published": "on",
        "deadlines-TOTAL_FORMS": "3", "deadlines-INITIAL_FORMS": "0", "deadlines-MIN_NUM_FORMS": "0",
        "deadlines-MAX_NUM_FORMS": "20",
        "deadlines-0-label": "Søknad", "deadlines-0-date": "2031-09-15", "deadlines-0-time": "12:00",
        "deadlines-1-label": "", "deadlines-1-date": "2031-11-01", "deadlines-1-time": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_new_call_form_offers_three_empty_deadline_rows_and_my_organisations_as_funders(client):
    user, funder = funder_with_member(name="Sparebankstiftelsen test")
    OrganisationFactory(name="Not mine")
    client.force_login(user)
    html = page(client, "/funding/new/")
    assert html.count('name="deadlines-') >= 3 * 4 and 'name="deadlines-2-date"' in html
    assert 'name="deadlines-3-date"' not in html
    assert "Sparebankstiftelsen test" in html and "Not mine" not in html


def test_a_member_adds_a_call_with_deadlines_on_the_calls_clock(client):
    user, funder = funder_with_member()
    client.force_login(user)

    response = client.post("/funding/new/", form_data(funder))

    call = FundingCall.objects.get()
    assert response.status_code == 302 and response["Location"] == call.get_absolute_url()
    assert call.funder == funder and call.url == "https://example.org/leader" and call.created_by == user
    assert [(d.label, d.due) for d in call.deadlines.order_by("due")] == [
        ("Søknad", datetime.datetime(2031, 9, 15, 10, 0, tzinfo=datetime.UTC)),
        ("", datetime.datetime(2031, 11, 1, 22, 59, tzinfo=datetime.UTC))]  # end of the day in Oslo


def test_a_call_without_deadlines_that_is_not_rolling_is_refused_with_a_clear_message(client):
    user, funder = funder_with_member()
    client.force_login(user)
    response = client.post("/funding/new/", form_data(funder, **{"deadlines-0-date": "", "deadlines-0-label": "",
                                                                 "deadlines-0-time": "", "deadlines-1-date": ""}))
    html = response.content.decode()
    assert response.status_code == 200 and not FundingCall.objects.exists()
    assert "Give at least one deadline, or mark the call as rolling (apply any time)." in html
    assert "ds-error-summary" in html


def test_the_missing_deadline_is_told_together_with_the_other_mistakes(client):
    user, funder = funder_with_member()
    client.force_login(user)
    response = client.post("/funding/new/", form_data(funder, title="", **{
        "deadlines-0-date": "", "deadlines-0-label": "", "deadlines-0-time": "", "deadlines-1-date": ""}))
    html = response.content.decode()
    assert "Title: This field is required." in html
    assert "Give at least one deadline, or mark the call as rolling (apply any time)." in html
    assert not FundingCall.objects.exists()


def test_a_rolling_call_is_saved_without_deadlines(client):
    user, funder = funder_with_member()
    client.force_login(user)
    client.post("/funding/new/", form_data(funder, is_rolling="on", **{"deadlines-0-date": "", "deadlines-0-label": "",
                                                                      "deadlines-0-time": "", "deadlines-1-date": ""}))
    assert FundingCall.objects.get().is_rolling


def test_amounts_in_the_wrong_order_are_refused_on_the_largest_grant(client):
    user, funder = funder_with_member()
    client.force_login(user)
    response = client.post("/funding/new/", form_data(funder, amount_min="500000", amount_max="1000"))
    html = response.content.decode()
    assert "Largest grant: The largest grant cannot be smaller than the smallest grant." in html
    assert not FundingCall.objects.exists() and not FundingDeadline.objects.exists()


def test_a_deadline_row_with_a_time_but_no_date_is_refused(client):
    user, funder = funder_with_member()
    client.force_login(user)
    response = client.post("/funding/new/", form_data(funder, **{"deadlines-2-time": "10:00"}))
    assert "Deadline 3, Date: Give the date of this deadline, or empty the row." in response.content.decode()
    assert not FundingCall.objects.exists()


def test_an_organisation_i_do_not_belong_to_cannot_be_chosen_as_funder(client):
    user, _funder = funder_with_member()
    other = OrganisationFactory()
    client.force_login(user)
    response = client.post("/funding/new/", form_data(other))
    assert "Select a valid choice" in response.content.decode()
    assert not FundingCall.objects.exists()


def test_editing_shows_the_saved_deadlines_on_the_calls_clock_and_removes_a_ticked_one(client):
    user, funder = funder_with_member()
    client.force_login(user)
    client.post("/funding/new/", form_data(funder))
    call = FundingCall.objects.get()
    first, second = call.deadlines.order_by("due")

    html = page(client, f"/funding/{call.slug}/edit/")
    assert 'value="2031-09-15"' in html and 'value="12:00"' in html and 'value="23:59"' in html
    assert 'name="deadlines-4-date"' in html and 'name="deadlines-5-date"' not in html  # 2 saved + 3 empty

    data = form_data(funder, title="Renamed", **{
        "deadlines-TOTAL_FORMS": "5", "deadlines-INITIAL_FORMS": "2",
        "deadlines-0-id": str(first.pk), "deadlines-0-label": "Søknad", "deadlines-0-date": "2031-09-16",
        "deadlines-0-time": "12:00",
        "deadlines-1-id": str(second.pk), "deadlines-1-date": "2031-11-01", "deadlines-1-time": "23:59",
        "deadlines-1-DELETE": "on"})
    response = client.post(f"/funding/{call.slug}/edit/", data)

    assert response.status_code == 302
    call.refresh_from_db()
    assert call.title == "Renamed" and call.slug == "lokalt-ledd-utvikling"
    assert [(d.pk, d.due) for d in call.deadlines.all()] == [
        (first.pk, datetime.datetime(2031, 9, 16, 10, 0, tzinfo=datetime.UTC))]


def test_hiding_and_publishing_a_call_from_its_page(client):
    user, funder = funder_with_member()
    call = FundingCallFactory(funder=funder)
    client.force_login(user)
    assert "Hide" in page(client, call.get_absolute_url())
    client.post(f"/funding/{call.slug}/published/", {"published": "0"})
    call.refresh_from_db()
    assert not call.is_published
    assert "This call is hidden" in page(client, call.get_absolute_url())
    client.post(f"/funding/{call.slug}/published/", {"published": "1"})
    call.refresh_from_db()
    assert call.is_published


def test_deleting_asks_first_then_deletes(client):
    user, funder = funder_with_member()
    call = FundingCallFactory(funder=funder, title="To go")
    client.force_login(user)
    assert "Delete To go?" in page(client, f"/funding/{call.slug}/delete/")
    assert FundingCall.objects.filter(pk=call.pk).exists()
    response = client.post(f"/funding/{call.slug}/delete/")
    assert response.status_code == 302 and response["Location"] == "/funding/"
    assert not FundingCall.objects.filter(pk=call.pk).exists()


# Query counts ------------------------------------------------------------------------------------

def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the caches every page shares (hub settings, themes)
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)
    assert response.status_code == 200
    print(f"{url}: {len(captured)} queries")  # shown with pytest -s
    return len(captured)


def rows(n: int, organisation) -> None:
    sweden = Place.objects.get(level="country", country="SE")
    themes = [make_theme(f"Theme {FundingCall.objects.count()}-{i}") for i in range(2)]
    for i in range(n):
        call = FundingCallFactory(themes=themes, eligible_places=[sweden], next_deadline=in_days(2 + i % 20),
                                  eligible_kinds=["association", "region"])
        FundingDeadline.objects.create(call=call, due=in_days(60), label="Second round")
    FundingCallFactory(funder=organisation, is_published=False)


@pytest.mark.parametrize("url", ["/funding/", "/funding/?closed=on&kind=association&currency=SEK",
                                 "/funding/?place=se&amount=1000", "/funding/closing-soon/", "/funding/for-me/"])
@pytest.mark.parametrize("viewer", ["member", "funder"])
def test_the_list_pages_run_the_same_few_queries_for_5_and_30_calls(client, url, viewer,
                                                                    django_assert_max_num_queries):
    user, funder = funder_with_member(themes=[make_theme("Own theme")])
    client.force_login(user if viewer == "funder" else UserFactory())
    rows(5, funder)
    with_five = count_queries(client, url, django_assert_max_num_queries)
    rows(25, funder)
    with_thirty = count_queries(client, url, django_assert_max_num_queries)
    assert with_five == with_thirty


@pytest.mark.parametrize("viewer", ["visitor", "member", "funder"])
def test_a_call_page_runs_the_same_few_queries_for_few_and_many_deadlines_places_and_themes(
        client, viewer, django_assert_max_num_queries):
    user, funder = funder_with_member()
    call = FundingCallFactory(funder=funder)
    if viewer != "visitor":
        client.force_login(user if viewer == "funder" else UserFactory())

    def more(n):
        for _ in range(n):
            FundingDeadline.objects.create(call=call, due=in_days(50 + FundingDeadline.objects.count()))
            call.themes.add(make_theme(f"Theme {FundingDeadline.objects.count()}"))
            call.eligible_places.add(make_place(f"Place {FundingDeadline.objects.count()}", level="region"))

    more(2)
    few = count_queries(client, call.get_absolute_url(), django_assert_max_num_queries)
    more(15)
    many = count_queries(client, call.get_absolute_url(), django_assert_max_num_queries)
    assert few == many

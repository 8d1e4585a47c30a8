"""Writing funding calls: who may, what is refused, deadlines on the call's clock, and next_deadline kept current."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import SearchEntry
from samskap.knowledge import services_funding as services
from samskap.knowledge.models import FundingCall, FundingDeadline
from samskap.knowledge.tests.factories import FundingCallFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def funder_member():
    user = UserFactory(name="Frida Funder")
    funder = OrganisationFactory(name="Region Skåne", kind="region")
    MembershipFactory(organisation=funder, user=user)
    return user, funder


def later(days: int, hour: int = 12) -> datetime.datetime:
    """A naive wall-clock time `days` ahead."""
    return (timezone.now() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0,
                                                             tzinfo=None)


def create(by, funder, **overrides):
    fields = dict(title="Social innovation 2030", time_zone="Europe/Oslo", deadlines=[("", later(20))])
    fields.update(overrides)
    return services.funding_call_create(by=by, funder=funder, **fields)


def test_a_member_of_the_funder_adds_a_call_whose_deadlines_are_read_on_the_calls_clock(funder_member):
    user, funder = funder_member
    due = datetime.datetime(2031, 3, 14, 15, 0)

    call = create(user, funder, deadlines=[("Outline application", due), ("Full application", due + timedelta(days=60))])

    assert call.slug == "social-innovation-2030" and call.created_by == user and call.funder == funder
    stored = list(call.deadlines.order_by("due"))
    assert [d.label for d in stored] == ["Outline application", "Full application"]
    assert stored[0].due == datetime.datetime(2031, 3, 14, 14, 0, tzinfo=UTC)  # 15:00 in Oslo, winter time
    assert stored[1].due == datetime.datetime(2031, 5, 13, 13, 0, tzinfo=UTC)  # 15:00 in Oslo, summer time
    assert call.next_deadline == stored[0].due


def test_a_deadline_given_as_a_date_is_due_at_the_end_of_that_day_on_the_calls_clock(funder_member):
    user, funder = funder_member
    call = create(user, funder, time_zone="Europe/Helsinki", deadlines=[("", datetime.date(2031, 1, 10))])
    assert call.deadlines.get().due == datetime.datetime(2031, 1, 10, 21, 59, tzinfo=UTC)


def test_an_aware_deadline_is_kept_as_the_moment_it_names(funder_member):
    user, funder = funder_member
    moment = datetime.datetime(2031, 6, 1, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    call = create(user, funder, deadlines=[("", moment)])
    assert call.deadlines.get().due == moment


def test_a_call_that_is_neither_rolling_nor_has_a_deadline_is_refused_and_nothing_is_saved(funder_member):
    user, funder = funder_member
    with pytest.raises(ValidationError) as error:
        create(user, funder, deadlines=[])
    assert "deadlines" in error.value.error_dict
    assert "at least one deadline, or mark the call as rolling" in str(error.value)
    assert not FundingCall.objects.exists()


def test_a_rolling_call_needs_no_deadline(funder_member):
    user, funder = funder_member
    call = create(user, funder, deadlines=[], is_rolling=True)
    assert call.is_rolling and call.next_deadline is None
    assert FundingCall.objects.open().filter(pk=call.pk).exists()


def test_a_smallest_grant_above_the_largest_is_refused_on_the_largest(funder_member):
    user, funder = funder_member
    with pytest.raises(ValidationError) as error:
        create(user, funder, amount_min=500_000, amount_max=50_000)
    assert error.value.message_dict["amount_max"] == ["The largest grant cannot be smaller than the smallest grant."]
    assert not FundingCall.objects.exists() and not FundingDeadline.objects.exists()


def test_a_negative_amount_is_refused(funder_member):
    user, funder = funder_member
    with pytest.raises(ValidationError) as error:
        create(user, funder, amount_min=-5)
    assert "amount_min" in error.value.error_dict


def test_equal_amounts_and_one_sided_ranges_are_accepted(funder_member):
    user, funder = funder_member
    assert create(user, funder, amount_min=100_000, amount_max=100_000).amount_max == 100_000
    assert create(user, funder, title="Up to", amount_max=20_000).amount_min is None


def test_a_member_cannot_add_a_call_for_an_organisation_they_do_not_belong_to(funder_member):
    user, _funder = funder_member
    other = OrganisationFactory(name="Sparbanksstiftelsen", kind="foundation")
    with pytest.raises(ValidationError) as error:
        create(user, other)
    assert error.value.message_dict["funder"] == [
        "You can only add funding calls for an organisation you are a member of."]
    assert not FundingCall.objects.exists()


@pytest.mark.parametrize("status", [Membership.Status.REQUESTED, Membership.Status.INVITED])
def test_a_membership_not_yet_active_does_not_let_one_add_calls_for_the_organisation(status):
    user = UserFactory()
    funder = OrganisationFactory()
    MembershipFactory(organisation=funder, user=user, status=status)
    with pytest.raises(ValidationError):
        create(user, funder)


@pytest.mark.parametrize("flags", [{"is_facilitator": True}, {"is_superuser": True}])
def test_curators_add_calls_for_any_organisation(flags):
    curator = UserFactory(**flags)
    call = create(curator, OrganisationFactory(kind="foundation"))
    assert call.pk


def test_an_anonymous_visitor_may_not_add_a_call():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        create(AnonymousUser(), OrganisationFactory())


def test_a_past_deadline_is_recorded_but_the_call_is_closed(funder_member):
    user, funder = funder_member
    call = create(user, funder, deadlines=[("Last year", later(-300))])
    assert call.deadlines.count() == 1 and call.next_deadline is None
    assert not FundingCall.objects.open().filter(pk=call.pk).exists()


def test_next_deadline_is_the_earliest_still_ahead(funder_member):
    user, funder = funder_member
    call = create(user, funder, deadlines=[("past", later(-3)), ("far", later(90)), ("near", later(10))])
    assert call.next_deadline == call.deadlines.get(label="near").due


@pytest.mark.parametrize("title, slug", [("New", "new-2"), ("Closing soon", "closing-soon-2"),
                                          ("For me", "for-me-2"), ("Deadlines", "deadlines-2"), ("", "funding-call")])
def test_slugs_never_take_the_fixed_words_of_the_funding_pages(funder_member, title, slug):
    user, funder = funder_member
    if title:
        assert create(user, funder, title=title).slug == slug
    else:  # a title with no letters a slug can hold
        assert create(user, funder, title="???").slug == slug


def test_slugs_are_unique(funder_member):
    user, funder = funder_member
    slugs = [create(user, funder, title="Lokalt ledd utvikling").slug for _ in range(3)]
    assert slugs == ["lokalt-ledd-utvikling", "lokalt-ledd-utvikling-2", "lokalt-ledd-utvikling-3"]


def test_themes_and_eligible_places_are_set(funder_member):
    user, funder = funder_member
    theme, place = make_theme("Loneliness"), make_place("Skåne", level="region")
    call = create(user, funder, themes=[theme], eligible_places=[place], eligible_kinds=["association"])
    call.refresh_from_db()
    assert list(call.themes.all()) == [theme] and list(call.eligible_places.all()) == [place]
    assert call.eligible_kinds == ["association"]


def test_an_unknown_kind_of_organisation_is_refused(funder_member):
    user, funder = funder_member
    with pytest.raises(ValidationError) as error:
        create(user, funder, eligible_kinds=["dragon"])
    assert "eligible_kinds" in error.value.error_dict


def test_an_unknown_time_zone_is_refused(funder_member):
    user, funder = funder_member
    with pytest.raises(ValidationError) as error:
        create(user, funder, time_zone="Mars/Olympus")
    assert "time_zone" in error.value.error_dict


# Changing ----------------------------------------------------------------------------------------

def test_an_update_keeps_the_deadlines_it_names_so_their_calendar_ids_stay(funder_member):
    user, funder = funder_member
    call = create(user, funder, deadlines=[("Outline", later(20)), ("Full", later(80))])
    outline, full = call.deadlines.order_by("due")

    services.funding_call_update(call=call, by=user, deadlines=[
        {"id": outline.pk, "label": "Outline application", "due": later(25)},
        ("Full", timezone.localtime(full.due, ZoneInfo("Europe/Oslo")).replace(tzinfo=None)),  # the same moment
        ("Second round", later(200)),
    ])

    deadlines = {d.label: d for d in call.deadlines.all()}
    assert set(deadlines) == {"Outline application", "Full", "Second round"}
    assert deadlines["Outline application"].pk == outline.pk and deadlines["Full"].pk == full.pk
    assert call.next_deadline == deadlines["Outline application"].due


def test_an_update_without_deadlines_leaves_them_and_one_with_an_empty_set_removes_them(funder_member):
    user, funder = funder_member
    call = create(user, funder)
    services.funding_call_update(call=call, by=user, title="Renamed")
    assert call.deadlines.count() == 1 and call.slug == "social-innovation-2030"
    with pytest.raises(ValidationError):
        services.funding_call_update(call=call, by=user, deadlines=[])
    assert call.deadlines.count() == 1
    services.funding_call_update(call=call, by=user, deadlines=[], is_rolling=True)
    assert call.deadlines.count() == 0 and call.next_deadline is None


def test_changing_the_time_zone_rereads_the_deadlines_given_with_it(funder_member):
    user, funder = funder_member
    call = create(user, funder, time_zone="Europe/Oslo", deadlines=[("", datetime.datetime(2031, 1, 10, 12, 0))])
    services.funding_call_update(call=call, by=user, time_zone="Europe/Helsinki",
                                 deadlines=[("", datetime.datetime(2031, 1, 10, 12, 0))])
    assert call.deadlines.get().due == datetime.datetime(2031, 1, 10, 10, 0, tzinfo=UTC)


def test_a_refused_update_changes_nothing_in_the_database(funder_member):
    user, funder = funder_member
    call = create(user, funder, amount_min=10, amount_max=20)
    with pytest.raises(ValidationError):
        services.funding_call_update(call=call, by=user, title="Changed", amount_min=30,
                                     deadlines=[("New", later(5))])
    fresh = FundingCall.objects.get(pk=call.pk)
    assert fresh.title == "Social innovation 2030" and fresh.amount_min == 10
    assert list(fresh.deadlines.values_list("label", flat=True)) == [""]


def test_a_member_of_the_funder_may_not_move_the_call_to_an_organisation_they_do_not_belong_to(funder_member):
    user, funder = funder_member
    call = create(user, funder)
    with pytest.raises(ValidationError):
        services.funding_call_update(call=call, by=user, funder=OrganisationFactory())
    assert FundingCall.objects.get(pk=call.pk).funder == funder


def test_someone_outside_the_funder_may_not_change_hide_or_delete_a_call():
    call = FundingCallFactory()
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        services.funding_call_update(call=call, by=outsider, title="Mine now")
    with pytest.raises(PermissionDenied):
        services.funding_call_set_published(call=call, by=outsider, is_published=False)
    with pytest.raises(PermissionDenied):
        services.funding_call_delete(call=call, by=outsider)
    assert FundingCall.objects.filter(pk=call.pk, is_published=True).exists()


# Search ------------------------------------------------------------------------------------------

def test_search_finds_a_published_call_after_the_commit_and_loses_it_when_hidden_or_deleted(
        funder_member, django_capture_on_commit_callbacks):
    user, funder = funder_member
    with django_capture_on_commit_callbacks(execute=True):
        call = create(user, funder, programme="Regional tillväxt")
    assert SearchEntry.objects.filter(kind="funding_call", object_id=call.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.funding_call_set_published(call=call, by=user, is_published=False)
    assert not SearchEntry.objects.filter(kind="funding_call", object_id=call.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.funding_call_set_published(call=call, by=user, is_published=True)
    assert SearchEntry.objects.filter(kind="funding_call", object_id=call.pk).exists()
    call_id = call.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.funding_call_delete(call=call, by=user)
    assert not SearchEntry.objects.filter(kind="funding_call", object_id=call_id).exists()
    assert not FundingDeadline.objects.filter(call_id=call_id).exists()


# The tick ----------------------------------------------------------------------------------------

def test_the_refresh_moves_next_deadline_on_to_the_following_one_or_closes_the_call():
    now = timezone.now().replace(microsecond=0)
    two_rounds = FundingCallFactory(next_deadline=now - timedelta(hours=1))
    FundingDeadline.objects.create(call=two_rounds, due=now + timedelta(days=40), label="Second round")
    one_round = FundingCallFactory(next_deadline=now - timedelta(days=2))
    ahead = FundingCallFactory(next_deadline=now + timedelta(days=5))
    rolling = FundingCallFactory(next_deadline=None, is_rolling=True, deadline=False)

    assert services.funding_next_deadlines_refresh(now=now) == 2

    for call in (two_rounds, one_round, ahead, rolling):
        call.refresh_from_db()
    assert two_rounds.next_deadline == now + timedelta(days=40)
    assert one_round.next_deadline is None
    assert ahead.next_deadline == now + timedelta(days=5)
    assert rolling.next_deadline is None
    assert set(FundingCall.objects.open(now)) == {two_rounds, ahead, rolling}
    assert services.funding_next_deadlines_refresh(now=now) == 0


def test_the_refresh_outdates_visitors_cached_pages(django_capture_on_commit_callbacks):
    from samskap.core.fragments import KNOWLEDGE, generation

    FundingCallFactory(next_deadline=timezone.now() - timedelta(hours=1))
    before = generation(KNOWLEDGE)
    with django_capture_on_commit_callbacks(execute=True):
        services.funding_next_deadlines_refresh()
    assert generation(KNOWLEDGE) != before

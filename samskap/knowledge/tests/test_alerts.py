"""Funding alerts: members of organisations a new open call fits are told once, and the digest carries it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from samskap.accounts.models import Notification
from samskap.accounts.notifications import digests_send
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import Place, Theme
from samskap.knowledge.alerts import funding_alerts_send
from samskap.knowledge.tests.factories import FundingCallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def skane():
    return make_place("Skåne T", level="region", parent=Place.objects.get(level="country", country="SE"))


@pytest.fixture
def loneliness():
    return make_theme("Loneliness T")


@pytest.fixture
def association(skane, loneliness):
    """An association in Malmö working on loneliness, with one active member and one who only asked to join."""
    organisation = OrganisationFactory(name="Grannskap", kind="association",
                                       head_office=make_place("Malmö T", parent=skane), themes=[loneliness])
    member = UserFactory(email="asa@example.org", name="Åsa", digest="daily", preferred_language="en")
    MembershipFactory(organisation=organisation, user=member)
    MembershipFactory(organisation=organisation, user=UserFactory(email="asked@example.org"),
                      status=Membership.Status.REQUESTED)
    return organisation, member


@pytest.fixture
def company(skane):
    organisation = OrganisationFactory(name="Bolaget AB", kind="company", head_office=make_place("Lund T", parent=skane))
    member = UserFactory(email="bo@example.org", digest="daily")
    MembershipFactory(organisation=organisation, user=member)
    return organisation, member


def call_for_associations(skane, loneliness, **fields):
    return FundingCallFactory(title="Mot ensamhet", slug="mot-ensamhet", eligible_kinds=["association", "cooperative"],
                              eligible_places=[skane], themes=[loneliness], **fields)


def test_a_member_of_a_fitting_association_is_told_and_a_member_of_a_company_is_not(association, company, skane,
                                                                                     loneliness):
    call = call_for_associations(skane, loneliness)

    assert funding_alerts_send() == 1

    notification = Notification.objects.get()
    assert notification.user == association[1]
    assert notification.kind == "funding_call"
    assert notification.key == f"funding-call:{call.pk}"
    assert notification.title == "New funding call for Grannskap: Mot ensamhet"
    assert notification.url == call.get_absolute_url()
    assert "Next deadline:" in notification.body
    assert "open to association / NGO" in notification.body
    assert "in Skåne T" in notification.body
    assert "theme: Loneliness T" in notification.body
    call.refresh_from_db()
    assert call.alerts_sent_at is not None


def test_running_twice_tells_each_member_once(association, skane, loneliness):
    call_for_associations(skane, loneliness)

    assert funding_alerts_send() == 1
    assert funding_alerts_send() == 0
    assert Notification.objects.count() == 1


def test_a_member_of_two_fitting_organisations_is_told_once(association, skane, loneliness):
    _organisation, member = association
    other = OrganisationFactory(name="Andra föreningen", kind="cooperative", head_office=skane, themes=[loneliness])
    MembershipFactory(organisation=other, user=member)
    MembershipFactory(organisation=other, user=UserFactory())
    call_for_associations(skane, loneliness)

    assert funding_alerts_send() == 2
    assert Notification.objects.filter(user=member).count() == 1


@pytest.mark.parametrize("fields", [
    {"is_published": False},
    {"next_deadline": timezone.now() - timedelta(days=1), "deadline": False},
])
def test_a_hidden_or_closed_call_sends_nothing(association, skane, loneliness, fields):
    call = call_for_associations(skane, loneliness, **fields)

    assert funding_alerts_send() == 0
    assert Notification.objects.count() == 0
    call.refresh_from_db()
    assert call.alerts_sent_at is None


def test_a_rolling_call_without_a_deadline_is_alerted(association, skane, loneliness):
    call_for_associations(skane, loneliness, is_rolling=True, next_deadline=None, deadline=False)

    assert funding_alerts_send() == 1
    assert "Rolling: apply any time." in Notification.objects.get().body


def test_members_of_merged_organisations_and_inactive_people_are_not_told(association, skane, loneliness):
    organisation, member = association
    member.is_active = False
    member.save()
    merged = OrganisationFactory(kind="association", head_office=skane, themes=[loneliness], merged_into=organisation)
    MembershipFactory(organisation=merged, user=UserFactory())
    call_for_associations(skane, loneliness)

    assert funding_alerts_send() == 0


def test_the_alert_is_written_in_each_members_language(association, skane):
    organisation, english = association
    swede = UserFactory(preferred_language="sv")
    MembershipFactory(organisation=organisation, user=swede)
    theme = Theme.objects.create(kind="challenge", slug="test-housing",
                                 labels={"en": "Housing X", "sv": "Boende X", "nb": "Bolig X", "da": "Bolig X"})
    organisation.themes.add(theme)
    FundingCallFactory(title="Bostäder", themes=[theme])

    funding_alerts_send()

    assert "theme: Housing X" in Notification.objects.get(user=english).body
    assert "Boende X" in Notification.objects.get(user=swede).body
    assert "Housing X" not in Notification.objects.get(user=swede).body


def test_alerts_for_many_organisations_run_a_bounded_number_of_queries(skane, loneliness,
                                                                        django_assert_max_num_queries):
    def organisations(count):
        for _ in range(count):
            organisation = OrganisationFactory(kind="association", head_office=skane, themes=[loneliness],
                                               areas_served=[skane])
            MembershipFactory(organisation=organisation)
            MembershipFactory(organisation=organisation)

    funding_alerts_send()  # the hub settings are cached on a running site
    organisations(3)
    FundingCallFactory(eligible_kinds=["association"], eligible_places=[skane], themes=[loneliness])
    with django_assert_max_num_queries(30) as few:
        assert funding_alerts_send() == 6
    organisations(30)
    FundingCallFactory(eligible_kinds=["association"], eligible_places=[skane], themes=[loneliness])
    with django_assert_max_num_queries(30) as many:
        assert funding_alerts_send() == 66

    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_digest_email_carries_the_funding_alert(association, company, skane, loneliness, settings):
    settings.SITE_URL = "https://hub.example.org"
    call = call_for_associations(skane, loneliness)

    call_command("knowledge_tick", verbosity=0)
    assert digests_send() == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["asa@example.org"]
    assert "New funding call for Grannskap: Mot ensamhet" in message.body
    assert f"https://hub.example.org{call.get_absolute_url()}" in message.body
    assert "theme: Loneliness T" in message.body
    assert f'href="https://hub.example.org{call.get_absolute_url()}"' in message.alternatives[0][0]


def test_the_knowledge_tick_moves_passed_deadlines_on_before_alerting(association, skane, loneliness):
    """A call whose stored next deadline has passed but which has a later round is open again after the tick,
    and alerted in the same run."""
    now = timezone.now()
    call = call_for_associations(skane, loneliness, next_deadline=now - timedelta(days=1), deadline=False)
    call.deadlines.create(due=now - timedelta(days=1))
    call.deadlines.create(due=now + timedelta(days=20))

    call_command("knowledge_tick", verbosity=0)

    call.refresh_from_db()
    assert call.next_deadline > now
    assert Notification.objects.filter(key=f"funding-call:{call.pk}").count() == 1

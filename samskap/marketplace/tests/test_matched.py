"""Marking an ad matched: partners among the respondents, a partnership each, shown on both profiles."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Partnership
from samskap.actors.selectors import partnerships_of_organisation, partnerships_of_person
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.marketplace import services_conversations as services
from samskap.marketplace.models import Ad, AdPartner
from samskap.marketplace.tests.factories import AdFactory, ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def company():
    return OrganisationFactory(name="Bygg & Co AB", slug="bygg-co", kind="company")


@pytest.fixture
def ad(company):
    owner = UserFactory(name="Karin Företag")
    MembershipFactory(organisation=company, user=owner)
    return AdFactory(owner=owner, organisation=company, title="Vi söker kompetens inom återbruk")


@pytest.fixture
def enterprise():
    return OrganisationFactory(name="Återbruket ek. för.", slug="aterbruket")


def respond(ad, *, organisation=None, name="Sara Social"):
    user = UserFactory(name=name, listed_in_directory=True)
    if organisation:
        MembershipFactory(organisation=organisation, user=user)
    return MessageFactory(conversation=ConversationFactory(ad=ad, respondent=user,
                                                           respondent_organisation=organisation)).conversation


def test_the_owner_marks_the_ad_matched_with_partners_and_partnerships_are_recorded(
        client, ad, company, enterprise, django_capture_on_commit_callbacks):
    with_org = respond(ad, organisation=enterprise)
    alone = respond(ad, name="Per Person")
    not_picked = respond(ad, name="Nils Nej")
    client.force_login(ad.owner)
    page = client.get(reverse("marketplace:ad_matched", args=[ad.pk]), **EN).content.decode()
    assert "Sara Social for Återbruket ek. för." in page and "Nils Nej" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("marketplace:ad_matched", args=[ad.pk]),
                               {"partners": [with_org.pk, alone.pk]}, **EN)
    assert response.status_code == 302
    ad.refresh_from_db()
    assert ad.status == Ad.Status.MATCHED and ad.matched_at is not None
    assert set(AdPartner.objects.values_list("user_id", "organisation_id")) == {
        (with_org.respondent_id, enterprise.pk), (alone.respondent_id, None)}
    org_partnership = Partnership.objects.get(organisation_b=enterprise)
    assert org_partnership.organisation_a == company and org_partnership.person_a is None
    assert org_partnership.description == ad.title and org_partnership.source_url == ad.get_absolute_url()
    person_partnership = Partnership.objects.get(person_b=alone.respondent)
    assert person_partnership.organisation_a == company and person_partnership.organisation_b is None
    assert AdPartner.objects.get(user=alone.respondent).partnership == person_partnership
    assert set(Notification.objects.filter(kind="marketplace_matched").values_list("user_id", flat=True)) == {
        with_org.respondent_id, alone.respondent_id}
    assert not Notification.objects.filter(user=not_picked.respondent, kind="marketplace_matched").exists()


def test_a_personal_ad_records_the_owner_as_side_a(member):
    ad = AdFactory(owner=member)
    conversation = respond(ad)
    services.ad_mark_matched(ad=ad, by=member, conversations=[conversation])
    partnership = Partnership.objects.get()
    assert partnership.person_a == member and partnership.organisation_a is None
    assert partnership.person_b == conversation.respondent
    assert [p.person for p in partnerships_of_person(person=member)] == [conversation.respondent]
    assert [p.person for p in partnerships_of_person(person=conversation.respondent)] == [member]


def test_the_partnership_shows_on_both_organisation_profiles_also_for_visitors(client, ad, company, enterprise):
    conversation = respond(ad, organisation=enterprise)
    client.get(company.get_absolute_url(), **EN)  # a visitor's cached copy from before
    services.ad_mark_matched(ad=ad, by=ad.owner, conversations=[conversation])
    from samskap.core.fragments import MARKETPLACE, generation_bump

    generation_bump(MARKETPLACE)  # done on commit by the service; the test's transaction never commits
    page = client.get(company.get_absolute_url(), **EN).content.decode()
    assert "Partners" in page and "Återbruket ek. för." in page and ad.get_absolute_url() in page
    page = client.get(enterprise.get_absolute_url(), **EN).content.decode()
    assert "Bygg &amp; Co AB" in page and "via the ad" in page and ad.title in page
    assert [p.organisation for p in partnerships_of_organisation(organisation=enterprise)] == [company]


def test_a_person_partnership_shows_on_the_persons_profile(client, member):
    ad = AdFactory(owner=member, title="Söker en mentor")
    conversation = respond(ad, name="Mona Mentor")
    services.ad_mark_matched(ad=ad, by=member, conversations=[conversation])
    client.force_login(member)
    page = client.get(reverse("accounts:person", args=[conversation.respondent_id]), **EN).content.decode()
    assert "Partners" in page and "Söker en mentor" in page


@pytest.mark.parametrize("who, allowed", [("owner", True), ("organisation_member", True), ("respondent", False),
                                          ("other", False), ("hub_admin", False)])
def test_only_the_owner_side_marks_an_ad_matched(client, ad, company, who, allowed):
    conversation = respond(ad)
    users = {"owner": ad.owner, "organisation_member": MembershipFactory(organisation=company).user,
             "respondent": conversation.respondent, "other": UserFactory(),
             "hub_admin": UserFactory(is_superuser=True, is_staff=True)}
    client.force_login(users[who])
    response = client.post(reverse("marketplace:ad_matched", args=[ad.pk]), {"partners": [conversation.pk]}, **EN)
    assert (response.status_code == 302) is allowed
    assert Partnership.objects.exists() is allowed
    ad.refresh_from_db()
    assert (ad.status == Ad.Status.MATCHED) is allowed


def test_picking_no_partner_or_someone_who_did_not_reply_is_refused(client, ad):
    respond(ad)
    elsewhere = ConversationFactory()
    client.force_login(ad.owner)
    response = client.post(reverse("marketplace:ad_matched", args=[ad.pk]), {}, **EN)
    assert response.status_code == 400 and "Pick at least one partner." in response.content.decode()
    response = client.post(reverse("marketplace:ad_matched", args=[ad.pk]), {"partners": [elsewhere.pk]}, **EN)
    assert response.status_code == 400
    with pytest.raises(ValidationError):
        services.ad_mark_matched(ad=ad, by=ad.owner, conversations=[elsewhere])
    assert not Partnership.objects.exists() and not AdPartner.objects.exists()
    ad.refresh_from_db()
    assert ad.status == Ad.Status.OPEN


def test_an_ad_is_marked_matched_once_and_a_failure_leaves_nothing_half_saved(ad):
    first, second = respond(ad), respond(ad, name="Andra")
    services.ad_mark_matched(ad=ad, by=ad.owner, conversations=[first])
    with pytest.raises(ValidationError, match="already marked matched"):
        services.ad_mark_matched(ad=ad, by=ad.owner, conversations=[second])
    assert Partnership.objects.count() == 1
    closed = AdFactory(owner=ad.owner, status=Ad.Status.CLOSED)
    with pytest.raises(ValidationError):
        services.ad_mark_matched(ad=closed, by=ad.owner, conversations=[respond(closed, name="Tredje")])
    assert Partnership.objects.count() == 1
    with pytest.raises(PermissionDenied):
        services.ad_mark_matched(ad=ad, by=first.respondent, conversations=[first])


def test_a_matched_ad_takes_no_more_replies(client, ad):
    conversation = respond(ad)
    services.ad_mark_matched(ad=ad, by=ad.owner, conversations=[conversation])
    client.force_login(UserFactory())
    response = client.post(reverse("marketplace:reply", args=[ad.pk]), {"body": "För sent?"}, **EN)
    assert response.status_code == 400
    assert "This ad is no longer open for replies." in response.content.decode()

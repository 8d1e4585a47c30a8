"""Reporting an ad or a message, and the hub admins' moderation queue: hide with a reason, dismiss, show again."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.core.selectors import search
from samskap.marketplace import services_moderation as moderation
from samskap.marketplace.models import Ad, Message, Report
from samskap.marketplace.search import ad_index

from .factories import AdFactory, ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def admin(db):
    return UserFactory(is_superuser=True, is_staff=True, name="Hedda Hubadmin", preferred_language="en")


@pytest.fixture
def write(django_capture_on_commit_callbacks):
    """Run a service as the pages do: its index updates and notifications happen after the commit."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def found(query: str) -> list[int]:
    return [result.id for result in search(query=query, kinds=["ad"], limit=50)[0]]


def indexed(ad: Ad) -> Ad:
    ad_index(ad_id=ad.pk)
    return ad


# Reporting an ad -------------------------------------------------------------------------------------


def test_a_member_reports_an_ad_and_every_hub_admin_is_notified_once(write, admin):
    other_admin = UserFactory(is_superuser=True)
    ad = AdFactory(title="Köp billiga klockor")
    reporter = UserFactory()

    report = write(moderation.report_ad, ad=ad, by=reporter, reason="  Spam for watches.  ")

    assert (report.ad, report.reporter, report.reason, report.outcome) == (ad, reporter, "Spam for watches.", "open")
    notifications = Notification.objects.filter(kind="marketplace_report")
    assert {n.user for n in notifications} == {admin, other_admin}
    mine = notifications.get(user=admin)
    assert mine.title == "An ad was reported: Köp billiga klockor"
    assert mine.url == reverse("marketplace:moderation") and mine.key == f"marketplace-report:{report.pk}"
    assert not Notification.objects.filter(user=reporter).exists()


def test_a_second_report_of_the_same_ad_by_the_same_member_is_refused_and_nothing_is_added(write):
    ad, reporter = AdFactory(), UserFactory()
    write(moderation.report_ad, ad=ad, by=reporter, reason="Spam")

    with pytest.raises(ValidationError) as error:
        moderation.report_ad(ad=ad, by=reporter, reason="Still spam")

    assert "You have already reported this" in error.value.messages[0]
    assert Report.objects.count() == 1
    # Someone else may still report it.
    write(moderation.report_ad, ad=ad, by=UserFactory(), reason="Fraud")
    assert Report.objects.count() == 2


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_a_report_needs_a_reason_of_reasonable_length(reason):
    with pytest.raises(ValidationError) as error:
        moderation.report_ad(ad=AdFactory(), by=UserFactory(), reason=reason)

    assert "reason" in error.value.message_dict
    assert Report.objects.count() == 0


def test_the_owner_side_cannot_report_its_own_ad_and_a_hidden_ad_cannot_be_reported(admin, write):
    organisation = OrganisationFactory()
    colleague = MembershipFactory(organisation=organisation).user
    ad = AdFactory(organisation=organisation)
    for member in (ad.owner, colleague):
        with pytest.raises(PermissionDenied):
            moderation.report_ad(ad=ad, by=member, reason="Mine")
    write(moderation.ad_hide, ad=ad, by=admin, reason="Spam")
    with pytest.raises(ValidationError, match="already been hidden"):
        moderation.report_ad(ad=ad, by=admin, reason="Again")
    # A member who no longer sees it cannot report it.
    with pytest.raises(PermissionDenied):
        moderation.report_ad(ad=ad, by=UserFactory(), reason="Spam")
    assert Report.objects.count() == 0


def test_the_report_page_needs_a_reason_and_tells_a_second_report_is_not_needed(client):
    ad, reporter = AdFactory(title="Kontorsplats i Malmö"), UserFactory()
    client.force_login(reporter)
    url = reverse("marketplace:report_ad", args=[ad.pk])

    page = client.get(url)
    assert page.status_code == 200 and "Report the ad “Kontorsplats i Malmö”" in page.content.decode()

    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 200 and "Tell the hub admins what is wrong." in empty.content.decode()
    assert Report.objects.count() == 0

    sent = client.post(url, {"reason": "It is a pyramid scheme."}, follow=True)
    assert sent.redirect_chain[0][0] == ad.get_absolute_url()
    assert "Thank you. The hub admins will look at your report." in sent.content.decode()
    assert Report.objects.get().reason == "It is a pyramid scheme."

    assert "You have already reported this" in client.get(url).content.decode()
    again = client.post(url, {"reason": "And again."})
    assert "You have already reported this" in again.content.decode()
    assert Report.objects.count() == 1


def test_the_report_page_is_for_members_who_see_the_ad_and_are_not_its_owner(client):
    ad = AdFactory()
    url = reverse("marketplace:report_ad", args=[ad.pk])

    assert client.get(url).status_code == 302  # to log in
    client.force_login(ad.owner)
    assert client.get(url).status_code == 403
    closed = AdFactory(status=Ad.Status.CLOSED)
    client.force_login(UserFactory())
    assert client.get(reverse("marketplace:report_ad", args=[closed.pk])).status_code == 404
    assert client.get(reverse("marketplace:report_ad", args=[999999])).status_code == 404


# Reporting a message ---------------------------------------------------------------------------------


def test_a_party_reports_the_other_partys_message_but_not_their_own(write, admin):
    message = MessageFactory(body="Ring mig nu, annars!")
    conversation = message.conversation
    owner = conversation.ad.owner

    report = write(moderation.report_message, message=message, by=owner, reason="Threatening")

    assert report.message == message and report.ad is None
    assert Notification.objects.get(user=admin).title == (
        f"A message about “{conversation.ad.title}” was reported")
    with pytest.raises(PermissionDenied):
        moderation.report_message(message=message, by=conversation.respondent, reason="My own")
    with pytest.raises(ValidationError, match="already reported"):
        moderation.report_message(message=message, by=owner, reason="Again")


def test_only_the_parties_of_a_conversation_may_report_its_messages(client, admin):
    message = MessageFactory()
    url = reverse("marketplace:report_message", args=[message.conversation.pk, message.pk])

    for outsider in (UserFactory(), admin):
        with pytest.raises(PermissionDenied):
            moderation.report_message(message=message, by=outsider, reason="Nosy")
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(message.conversation.respondent)  # the sender
    assert client.get(url).status_code == 403
    client.force_login(message.conversation.ad.owner)
    page = client.get(url)
    assert page.status_code == 200 and message.body in page.content.decode()
    # A message of another conversation is not found under this one.
    elsewhere = MessageFactory()
    assert client.get(reverse("marketplace:report_message",
                              args=[message.conversation.pk, elsewhere.pk])).status_code == 404
    assert Report.objects.count() == 0


def test_the_message_report_page_sends_the_report_and_returns_to_the_conversation(client):
    message = MessageFactory()
    client.force_login(message.conversation.ad.owner)
    url = reverse("marketplace:report_message", args=[message.conversation.pk, message.pk])

    response = client.post(url, {"reason": "Harassment"})

    assert response.status_code == 302 and response.url == message.conversation.get_absolute_url()
    assert Report.objects.get().message == message


# The queue -------------------------------------------------------------------------------------------


def test_the_queue_shows_each_reported_item_once_with_all_its_reports_and_only_the_reported_message(
        client, admin, write):
    ad = AdFactory(title="Gratis pengar")
    for reason in ("Scam", "Looks like fraud"):
        write(moderation.report_ad, ad=ad, by=UserFactory(), reason=reason)
    conversation = ConversationFactory()
    MessageFactory(conversation=conversation, body="Hej, intresserad!")
    reported = MessageFactory(conversation=conversation, body="Skicka pengar till mitt konto.")
    MessageFactory(conversation=conversation, sender=conversation.ad.owner, body="Nej tack, det låter fel.")
    write(moderation.report_message, message=reported, by=conversation.ad.owner, reason="Asks for money")
    client.force_login(admin)

    page = client.get(reverse("marketplace:moderation")).content.decode()

    assert page.count("Ad: Gratis pengar") == 1 and "Scam" in page and "Looks like fraud" in page
    assert "2 reports" in page
    assert "Skicka pengar till mitt konto." in page and "Asks for money" in page
    assert "Hej, intresserad!" not in page and "Nej tack" not in page


def test_the_queue_is_for_hub_admins_only(client):
    url = reverse("marketplace:moderation")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(is_facilitator=True))
    assert client.get(url).status_code == 403


def test_the_queue_runs_the_same_few_queries_for_two_reports_or_twenty(client, admin, write,
                                                                       django_assert_max_num_queries):
    def report_some(n):
        for _ in range(n):
            write(moderation.report_ad, ad=AdFactory(), by=UserFactory(), reason="Spam")
            write(moderation.report_message, message=(message := MessageFactory()),
                  by=message.conversation.ad.owner, reason="Rude")

    report_some(1)
    write(moderation.ad_hide, ad=AdFactory(), by=admin, reason="Old spam")
    client.force_login(admin)
    client.get(reverse("marketplace:moderation"))
    with django_assert_max_num_queries(10) as few:
        assert client.get(reverse("marketplace:moderation")).status_code == 200
    baseline = len(few.captured_queries)  # now: the log of queries is cut at 9,000
    report_some(9)
    write(moderation.ad_hide, ad=AdFactory(), by=admin, reason="More spam")
    client.get(reverse("marketplace:moderation"))  # the admin's unread notifications, counted once a minute
    with django_assert_max_num_queries(baseline):
        page = client.get(reverse("marketplace:moderation"))
    assert page.content.decode().count("Hide the ad</button>") == 10


# Hiding ----------------------------------------------------------------------------------------------


def test_hiding_an_ad_resolves_every_report_takes_it_out_of_search_and_tells_the_author_why(write, admin):
    ad = indexed(AdFactory(title="Vi säljer begagnade cyklar", owner=UserFactory(preferred_language="en")))
    first = write(moderation.report_ad, ad=ad, by=UserFactory(), reason="Not social")
    second = write(moderation.report_ad, ad=ad, by=UserFactory(), reason="Commercial")
    assert found("cyklar") == [ad.pk]

    write(moderation.ad_hide, ad=ad, by=admin, reason="  Ads must be about collaboration.  ")

    ad.refresh_from_db()
    assert ad.is_hidden and ad.hidden_by == admin and ad.hidden_reason == "Ads must be about collaboration."
    assert {r.outcome for r in Report.objects.filter(pk__in=[first.pk, second.pk])} == {"hidden"}
    assert Report.objects.get(pk=first.pk).resolved_by == admin
    assert found("cyklar") == []
    told = Notification.objects.get(user=ad.owner, kind="marketplace_ad_hidden")
    assert told.title == "Your ad “Vi säljer begagnade cyklar” was hidden by a moderator"
    assert told.body == "Ads must be about collaboration." and told.url == ad.get_absolute_url()


def test_the_author_sees_the_reason_on_their_ad_page_and_others_do_not_find_it(client, write, admin):
    ad = AdFactory()
    write(moderation.ad_hide, ad=ad, by=admin, reason="Duplicate of another ad.")

    client.force_login(ad.owner)
    page = client.get(ad.get_absolute_url())
    assert page.status_code == 200
    assert "Hidden by a moderator" in page.content.decode() and "Duplicate of another ad." in page.content.decode()
    client.force_login(UserFactory())
    assert client.get(ad.get_absolute_url()).status_code == 404


def test_a_member_sees_the_report_link_on_an_ad_page_and_the_owner_does_not(client):
    ad = AdFactory()
    link = reverse("marketplace:report_ad", args=[ad.pk])
    client.force_login(UserFactory())
    assert link in client.get(ad.get_absolute_url()).content.decode()
    client.force_login(ad.owner)
    assert link not in client.get(ad.get_absolute_url()).content.decode()


def test_hiding_needs_a_reason_and_a_hub_admin_and_changes_nothing_otherwise(admin):
    ad = AdFactory()
    with pytest.raises(ValidationError) as error:
        moderation.ad_hide(ad=ad, by=admin, reason="  ")
    assert error.value.message_dict == {"reason": ["Tell the author why it is hidden."]}
    with pytest.raises(PermissionDenied):
        moderation.ad_hide(ad=ad, by=UserFactory(is_facilitator=True), reason="I do not like it")
    with pytest.raises(PermissionDenied):
        moderation.ad_hide(ad=ad, by=ad.owner, reason="Mine")
    ad.refresh_from_db()
    assert not ad.is_hidden


def test_hiding_from_the_queue_page_with_no_reason_shows_the_error_and_keeps_the_ad(client, admin, write):
    ad = AdFactory(title="Lokal att hyra")
    write(moderation.report_ad, ad=ad, by=UserFactory(), reason="Wrong")
    client.force_login(admin)
    url = reverse("marketplace:moderation_ad_hide", args=[ad.pk])

    response = client.post(url, {"reason": ""})

    assert response.status_code == 200 and "Tell the author why it is hidden." in response.content.decode()
    assert not Ad.objects.get(pk=ad.pk).is_hidden and Report.objects.get().outcome == "open"
    done = client.post(url, {"reason": "Not an ad for partners."}, follow=True)
    assert done.redirect_chain[-1][0] == reverse("marketplace:moderation")
    assert "“Lokal att hyra” is hidden. Its author is told why." in done.content.decode()
    assert Ad.objects.get(pk=ad.pk).hidden_reason == "Not an ad for partners."


def test_unhiding_shows_the_ad_again_in_search_and_tells_the_author(write, admin, client):
    ad = indexed(AdFactory(title="Vi söker volontärer till läxhjälp"))
    write(moderation.ad_hide, ad=ad, by=admin, reason="Check")
    assert found("läxhjälp") == []

    client.force_login(admin)
    response = client.post(reverse("marketplace:moderation_ad_unhide", args=[ad.pk]))

    assert response.status_code == 302
    ad.refresh_from_db()
    assert not ad.is_hidden and ad.hidden_reason == "" and ad.hidden_by is None
    with pytest.raises(ValidationError, match="not hidden"):
        moderation.ad_unhide(ad=ad, by=admin)


def test_unhide_from_the_page_reindexes_after_the_commit(write, admin):
    ad = indexed(AdFactory(title="Snickare sökes till kooperativ"))
    write(moderation.ad_hide, ad=ad, by=admin, reason="Check")

    write(moderation.ad_unhide, ad=ad, by=admin)

    assert found("snickare") == [ad.pk]
    assert Notification.objects.filter(user=ad.owner, kind="marketplace_ad_shown").count() == 1


def test_hiding_a_message_resolves_its_reports_and_tells_the_sender(write, admin, client):
    message = MessageFactory(body="Du är dum.")
    write(moderation.report_message, message=message, by=message.conversation.ad.owner, reason="Rude")

    write(moderation.message_hide, message=message, by=admin, reason="Be kind to each other.")

    message.refresh_from_db()
    assert message.hidden_at is not None and message.hidden_reason == "Be kind to each other."
    assert Report.objects.get().outcome == "hidden"
    told = Notification.objects.get(user=message.sender, kind="marketplace_message_hidden")
    assert told.body == "Be kind to each other." and told.url == message.conversation.get_absolute_url()
    with pytest.raises(ValidationError, match="already been hidden"):
        moderation.message_hide(message=message, by=admin, reason="Again")
    client.force_login(admin)
    assert client.post(reverse("marketplace:moderation_message_unhide", args=[message.pk])).status_code == 302
    assert Message.objects.get(pk=message.pk).hidden_at is None


def test_a_hub_admin_cannot_open_a_message_nobody_reported(client, admin):
    message = MessageFactory()
    client.force_login(admin)
    assert client.get(reverse("marketplace:moderation_message_hide", args=[message.pk])).status_code == 404


# Dismissing ------------------------------------------------------------------------------------------


def test_dismissing_resolves_every_open_report_about_the_item_and_leaves_the_ad_shown(write, admin, client):
    ad = AdFactory()
    reports = [write(moderation.report_ad, ad=ad, by=UserFactory(), reason="Meh") for _ in range(3)]
    other = write(moderation.report_ad, ad=AdFactory(), by=UserFactory(), reason="Other")
    client.force_login(admin)

    response = client.post(reverse("marketplace:moderation_dismiss", args=[reports[1].pk]), follow=True)

    assert "The report is dismissed; nothing was hidden." in response.content.decode()
    assert set(Report.objects.filter(ad=ad).values_list("outcome", flat=True)) == {"dismissed"}
    assert Report.objects.get(pk=other.pk).outcome == "open"
    assert not Ad.objects.get(pk=ad.pk).is_hidden
    again = client.post(reverse("marketplace:moderation_dismiss", args=[reports[0].pk]), follow=True)
    assert "This report has already been dealt with." in again.content.decode()
    # After a dismissal a member may report the ad again.
    write(moderation.report_ad, ad=ad, by=reports[0].reporter, reason="It got worse")


def test_only_hub_admins_dismiss_and_the_moderation_actions_take_only_posts(client, write):
    report = write(moderation.report_ad, ad=AdFactory(), by=UserFactory(), reason="Spam")
    with pytest.raises(PermissionDenied):
        moderation.report_dismiss(report=report, by=report.reporter)
    client.force_login(UserFactory())
    assert client.post(reverse("marketplace:moderation_dismiss", args=[report.pk])).status_code == 403
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(reverse("marketplace:moderation_dismiss", args=[report.pk])).status_code == 405
    assert Report.objects.get().outcome == "open"

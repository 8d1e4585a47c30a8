"""Replies and conversations: who sees them, unread counts, e-mail once until read, attachments, bad input."""

import datetime
import io
import zipfile

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.marketplace import services_conversations as services
from samskap.marketplace.emails import conversation_email_send
from samskap.marketplace.models import Ad, Conversation, Message
from samskap.marketplace.selectors_conversations import unread_conversations_count
from samskap.marketplace.tests.factories import AdFactory, ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def pdf(name="offer.pdf", size=None):
    content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    if size:
        content += b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def docx(name="plan.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def ad():
    return AdFactory(title="Vi söker en ekonom")


@pytest.fixture
def respondent():
    return UserFactory(name="Rut Svarsson")


def reply(client, ad, user, **data):
    client.force_login(user)
    return client.post(reverse("marketplace:reply", args=[ad.pk]), {"body": "Vi kan hjälpa!", **data}, **EN)


# Replies ---------------------------------------------------------------------------------------------

def test_a_reply_opens_a_conversation_and_a_second_reply_goes_into_it(client, ad, respondent):
    response = reply(client, ad, respondent)
    conversation = Conversation.objects.get(ad=ad, respondent=respondent)
    assert response.status_code == 302 and response["Location"].startswith(conversation.get_absolute_url())
    reply(client, ad, respondent, body="En sak till")
    assert Conversation.objects.filter(ad=ad).count() == 1
    assert list(conversation.messages.values_list("body", flat=True)) == ["Vi kan hjälpa!", "En sak till"]


def test_a_member_replies_for_an_organisation_they_belong_to_but_not_for_another(client, ad, respondent):
    mine = MembershipFactory(user=respondent).organisation
    other = OrganisationFactory()
    response = reply(client, ad, respondent, organisation=other.pk)
    assert response.status_code == 400 and not Conversation.objects.exists()
    reply(client, ad, respondent, organisation=mine.pk)
    assert Conversation.objects.get().respondent_organisation == mine


@pytest.mark.parametrize("change, text", [
    ({"status": Ad.Status.CLOSED}, "This ad is no longer open for replies."),
    ({"status": Ad.Status.EXPIRED}, "This ad is no longer open for replies."),
    ({"valid_until": datetime.date(2020, 1, 1)}, "This ad is no longer open for replies."),
])
def test_replies_to_an_ad_that_is_not_open_are_refused_with_a_reason(client, ad, respondent, change, text):
    Ad.objects.filter(pk=ad.pk).update(**change)
    response = reply(client, ad, respondent)
    assert response.status_code == 400
    assert text in response.content.decode()
    assert not Message.objects.exists()


def test_a_hidden_ad_cannot_be_replied_to(client, ad, respondent):
    Ad.objects.filter(pk=ad.pk).update(hidden_at=timezone.now(), hidden_reason="spam")
    assert reply(client, ad, respondent).status_code == 404
    with pytest.raises(ValidationError):
        services.ad_reply(ad=Ad.objects.get(pk=ad.pk), by=respondent, body="Hej")
    assert not Message.objects.exists()


def test_the_owner_and_the_ads_organisation_cannot_reply(client, respondent):
    organisation = OrganisationFactory()
    colleague = MembershipFactory(organisation=organisation).user
    ad = AdFactory(organisation=organisation)
    response = reply(client, ad, ad.owner)
    assert "You cannot reply to your own ad." in response.content.decode()
    response = reply(client, ad, colleague)
    assert "You cannot reply to an ad of your own organisation." in response.content.decode()
    assert not Conversation.objects.exists()


def test_a_visitor_is_sent_to_log_in(client, ad):
    response = client.post(reverse("marketplace:reply", args=[ad.pk]), {"body": "Hej"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Conversation.objects.exists()


def test_an_empty_or_too_long_message_is_refused(client, ad, respondent):
    assert "Write a message." in reply(client, ad, respondent, body="  ").content.decode()
    response = reply(client, ad, respondent, body="x" * 5001)
    assert response.status_code == 400
    assert not Conversation.objects.exists()
    with pytest.raises(ValidationError):
        services.ad_reply(ad=ad, by=respondent, body="x" * 5001)
    assert not Conversation.objects.exists()


def test_a_member_sends_at_most_the_hourly_number_of_messages(client, ad, respondent, settings):
    settings.MARKETPLACE_MESSAGES_PER_HOUR = 2
    reply(client, ad, respondent)
    reply(client, ad, respondent)
    response = reply(client, ad, respondent)
    assert response.status_code == 400
    assert "the most allowed" in response.content.decode()
    assert Message.objects.count() == 2
    Message.objects.update(created_at=timezone.now() - datetime.timedelta(hours=2))
    assert reply(client, ad, respondent).status_code == 302


# Who sees a conversation ----------------------------------------------------------------------------

@pytest.mark.parametrize("who, status", [
    ("owner", 200), ("respondent", 200), ("other_member", 404), ("organisation_member", 404), ("hub_admin", 404),
    ("visitor", 302),
])
def test_only_the_two_parties_see_a_conversation(client, who, status):
    """Members of the ad's organisation do not read its conversations unless they own the ad; nor do hub admins."""
    organisation = OrganisationFactory()
    ad = AdFactory(organisation=organisation)
    MembershipFactory(organisation=organisation, user=ad.owner)
    message = MessageFactory(conversation=ConversationFactory(ad=ad), body="Hemligt förslag")
    conversation = message.conversation
    users = {"owner": ad.owner, "respondent": conversation.respondent, "other_member": UserFactory(),
             "organisation_member": MembershipFactory(organisation=organisation).user,
             "hub_admin": UserFactory(is_superuser=True, is_staff=True)}
    if who in users:
        client.force_login(users[who])
    response = client.get(conversation.get_absolute_url(), **EN)
    assert response.status_code == status
    assert ("Hemligt förslag" in response.content.decode()) is (status == 200)
    response = client.post(conversation.get_absolute_url(), {"body": "Intrång"}, **EN)
    assert response.status_code == (302 if status == 200 else status)
    assert Message.objects.filter(body="Intrång").exists() is (status == 200)


def test_the_inbox_lists_conversations_as_owner_and_as_respondent_newest_first(client, respondent):
    mine = AdFactory(owner=respondent, title="Min annons")
    theirs = AdFactory(title="Deras annons")
    first = MessageFactory(conversation=ConversationFactory(ad=theirs, respondent=respondent))
    second = MessageFactory(conversation=ConversationFactory(ad=mine))
    Conversation.objects.filter(pk=second.conversation_id).update(last_message_at=timezone.now())
    Conversation.objects.filter(pk=first.conversation_id).update(
        last_message_at=timezone.now() - datetime.timedelta(hours=1), respondent_read_at=timezone.now())
    MessageFactory(conversation=ConversationFactory())  # someone else's
    client.force_login(respondent)
    response = client.get(reverse("marketplace:inbox"), **EN)
    page = response.content.decode()
    assert page.index("Min annons") < page.index("Deras annons")
    assert [c.pk for c in response.context["conversations"]] == [second.conversation_id, first.conversation_id]
    assert "1 unread message" in page
    assert response.context["messages_unread"] == 1


def test_the_inbox_needs_a_log_in(client):
    assert client.get(reverse("marketplace:inbox")).status_code == 302


# Unread counts and reading --------------------------------------------------------------------------

def test_unread_counts_follow_new_messages_and_reading(client, ad, respondent, django_capture_on_commit_callbacks):
    owner = ad.owner
    with django_capture_on_commit_callbacks(execute=True):
        services.ad_reply(ad=ad, by=respondent, body="Hej")
    assert unread_conversations_count(user_id=owner.pk) == 1
    assert unread_conversations_count(user_id=respondent.pk) == 0
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(Conversation.objects.get().get_absolute_url(), **EN)
    assert unread_conversations_count(user_id=owner.pk) == 0
    conversation = Conversation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(conversation=conversation, by=owner, body="Tack!")
    assert unread_conversations_count(user_id=respondent.pk) == 1
    assert unread_conversations_count(user_id=owner.pk) == 0


def test_the_cached_unread_count_costs_no_query(ad, respondent, django_assert_num_queries):
    MessageFactory(conversation=ConversationFactory(ad=ad, respondent=respondent))
    assert unread_conversations_count(user_id=ad.owner_id) == 1
    with django_assert_num_queries(0):
        assert unread_conversations_count(user_id=ad.owner_id) == 1


def test_the_other_party_gets_a_notification_in_their_language(ad, respondent, django_capture_on_commit_callbacks):
    ad.owner.preferred_language = "sv"
    ad.owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.ad_reply(ad=ad, by=respondent, body="Hej")
    notification = Notification.objects.get(user=ad.owner)
    assert notification.url == Conversation.objects.get().get_absolute_url()
    assert "Rut Svarsson" in notification.title
    assert not Notification.objects.filter(user=respondent).exists()


# E-mail once until read -----------------------------------------------------------------------------

def test_the_other_party_is_emailed_once_until_they_have_read(ad, respondent, client, run_tasks,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.ad_reply(ad=ad, by=respondent, body="Hej")
    run_tasks()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [ad.owner.email]
    assert "Vi söker en ekonom" in mail.outbox[0].subject
    assert Conversation.objects.get().get_absolute_url() in mail.outbox[0].body
    conversation = Conversation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(conversation=conversation, by=respondent, body="En sak till")
    run_tasks()
    assert len(mail.outbox) == 1  # not read yet: no second e-mail
    client.force_login(ad.owner)
    client.get(conversation.get_absolute_url(), **EN)
    conversation.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(conversation=conversation, by=respondent, body="Och en till")
    run_tasks()
    assert len(mail.outbox) == 2


def test_no_email_when_the_recipient_read_the_message_before_it_went_out(ad, respondent):
    message = MessageFactory(conversation=ConversationFactory(ad=ad, respondent=respondent))
    Conversation.objects.filter(pk=message.conversation_id).update(
        last_message_at=message.created_at, owner_read_at=timezone.now())
    assert conversation_email_send(conversation_id=message.conversation_id, recipient_id=ad.owner_id) is False
    assert mail.outbox == []


def test_the_email_is_in_the_recipients_language(ad, respondent):
    ad.owner.preferred_language = "sv"
    ad.owner.save()
    message = MessageFactory(conversation=ConversationFactory(ad=ad, respondent=respondent))
    assert conversation_email_send(conversation_id=message.conversation_id, recipient_id=ad.owner_id)
    assert mail.outbox[0].extra_headers["Content-Language"] == "sv"


# Attachments ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("upload, shown", [(pdf, "offer.pdf"), (png, "photo.jpg"), (docx, "plan.docx")])
def test_an_attachment_is_stored_under_a_random_name_and_served_only_to_the_parties(client, ad, respondent, upload,
                                                                                   shown):
    reply(client, ad, respondent, attachment=upload())
    message = Message.objects.get()
    assert message.attachment_name == shown
    assert shown.rsplit(".", 1)[0] not in message.attachment.name  # a random name: not guessable from the title
    url = reverse("marketplace:attachment", args=[message.conversation_id, message.pk])
    for user in (respondent, ad.owner):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert shown in response["Content-Disposition"]
        assert b"".join(response.streaming_content)
    for user in (UserFactory(), UserFactory(is_superuser=True, is_staff=True)):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("upload, text", [
    (lambda: SimpleUploadedFile("fake.pdf", b"MZ this is a program"), "is called .pdf but is not that kind of file"),
    (lambda: SimpleUploadedFile("tool.exe", b"MZ"), "cannot be added"),
    (lambda: pdf(size=2048), "the largest file allowed is"),
])
def test_a_wrong_or_oversized_attachment_is_refused_and_nothing_saved(client, ad, respondent, settings, upload, text):
    settings.MARKETPLACE_ATTACHMENT_MAX_BYTES = 1024
    response = reply(client, ad, respondent, attachment=upload())
    assert response.status_code == 400
    assert text in response.content.decode()
    assert not Conversation.objects.exists() and not Message.objects.exists()
    media = settings.MEDIA_ROOT / "marketplace"
    assert not media.exists() or not any(media.iterdir())


def test_a_hidden_message_shows_the_moderators_reason_and_its_file_is_not_served(client, ad, respondent):
    reply(client, ad, respondent, attachment=pdf())
    message = Message.objects.get()
    Message.objects.filter(pk=message.pk).update(hidden_at=timezone.now(), hidden_reason="Reklam")
    client.force_login(ad.owner)
    page = client.get(message.conversation.get_absolute_url(), **EN).content.decode()
    assert "This message was hidden by a moderator: Reklam" in page
    assert "Vi kan hjälpa!" not in page
    url = reverse("marketplace:attachment", args=[message.conversation_id, message.pk])
    assert client.get(url).status_code == 404


# Query counts ---------------------------------------------------------------------------------------

def test_the_inbox_and_a_conversation_run_a_constant_number_of_queries(client, respondent,
                                                                       django_assert_max_num_queries):
    for n in range(12):
        conversation = ConversationFactory(respondent=respondent, respondent_organisation=OrganisationFactory(),
                                           ad=AdFactory(organisation=OrganisationFactory()))
        for _ in range(3):
            MessageFactory(conversation=conversation, sender=conversation.ad.owner)
    client.force_login(respondent)
    client.get(reverse("core:home"), **EN)  # the hub's settings row is made on the first request
    with django_assert_max_num_queries(10):
        assert client.get(reverse("marketplace:inbox"), **EN).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(conversation.get_absolute_url(), **EN).status_code == 200


def test_services_refuse_someone_who_is_not_a_party(ad, respondent):
    conversation = ConversationFactory(ad=ad, respondent=respondent)
    with pytest.raises(PermissionDenied):
        services.message_send(conversation=conversation, by=UserFactory(), body="Hej")
    with pytest.raises(PermissionDenied):
        services.message_send(conversation=conversation, by=UserFactory(is_superuser=True), body="Hej")
    assert not Message.objects.exists()


def test_the_marketplace_pages_link_to_the_messages_with_the_unread_count(client, ad, respondent):
    MessageFactory(conversation=ConversationFactory(ad=ad, respondent=respondent))
    client.force_login(ad.owner)
    page = client.get(reverse("marketplace:ads"), **EN).content.decode()
    assert reverse("marketplace:inbox") in page
    assert '<span aria-hidden="true">(</span>1<span class="ds-sr-only"> unread</span>' in page
    client.force_login(respondent)
    page = client.get(reverse("marketplace:ads"), **EN).content.decode()
    assert reverse("marketplace:inbox") in page and "> unread</span>" not in page

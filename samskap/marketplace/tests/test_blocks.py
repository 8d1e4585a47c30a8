"""Blocks: a blocked member cannot send the blocker messages, in any conversation, until unblocked."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.marketplace import services_conversations as services
from samskap.marketplace.models import Block, Conversation, Message
from samskap.marketplace.tests.factories import AdFactory, ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def conversation():
    owner = UserFactory(name="Olle Ägare")
    return MessageFactory(conversation=ConversationFactory(ad=AdFactory(owner=owner),
                                                           respondent=UserFactory(name="Bo Blockerad"))).conversation


def test_blocking_from_a_conversation_stops_messages_in_every_conversation(client, conversation):
    owner, respondent = conversation.ad.owner, conversation.respondent
    client.force_login(owner)
    response = client.post(reverse("marketplace:block", args=[conversation.pk]), **EN)
    assert response.status_code == 302
    assert Block.objects.filter(blocker=owner, blocked=respondent).exists()

    client.force_login(respondent)
    response = client.post(conversation.get_absolute_url(), {"body": "Hallå?"}, **EN)
    assert response.status_code == 400
    assert "Olle Ägare does not accept messages from you." in response.content.decode()
    # A reply to another ad of the same owner is refused too, with the same words, and nothing is saved.
    other_ad = AdFactory(owner=owner)
    response = client.post(reverse("marketplace:reply", args=[other_ad.pk]), {"body": "Hej igen"}, **EN)
    assert response.status_code == 400
    assert "Olle Ägare does not accept messages from you." in response.content.decode()
    assert not Conversation.objects.filter(ad=other_ad).exists()
    assert not Message.objects.filter(body__in=["Hallå?", "Hej igen"]).exists()
    with pytest.raises(ValidationError, match="does not accept messages from you"):
        services.message_send(conversation=conversation, by=respondent, body="Hallå?")


def test_the_blocker_may_still_write_and_the_page_says_who_is_blocked(client, conversation):
    owner, respondent = conversation.ad.owner, conversation.respondent
    services.block_create(blocker=owner, blocked=respondent)
    client.force_login(owner)
    page = client.get(conversation.get_absolute_url(), **EN).content.decode()
    assert "You have blocked Bo Blockerad" in page
    assert client.post(conversation.get_absolute_url(), {"body": "Sista ordet"}, **EN).status_code == 302
    client.force_login(respondent)
    page = client.get(conversation.get_absolute_url(), **EN).content.decode()
    assert "Olle Ägare does not accept messages from you." in page
    assert 'name="body"' not in page


def test_unblocking_from_the_inbox_lets_messages_through_again(client, conversation):
    owner, respondent = conversation.ad.owner, conversation.respondent
    services.block_create(blocker=owner, blocked=respondent)
    client.force_login(owner)
    page = client.get(reverse("marketplace:inbox"), **EN).content.decode()
    assert "Bo Blockerad" in page and reverse("marketplace:unblock", args=[respondent.pk]) in page
    client.post(reverse("marketplace:unblock", args=[respondent.pk]), **EN)
    assert not Block.objects.exists()
    services.message_send(conversation=conversation, by=respondent, body="Tack för att du lyssnar")
    assert Message.objects.filter(body="Tack för att du lyssnar").exists()


def test_blocking_twice_keeps_one_block_and_only_parties_can_block(client, conversation):
    owner = conversation.ad.owner
    client.force_login(owner)
    client.post(reverse("marketplace:block", args=[conversation.pk]))
    client.post(reverse("marketplace:block", args=[conversation.pk]))
    assert Block.objects.count() == 1
    client.force_login(UserFactory())
    assert client.post(reverse("marketplace:block", args=[conversation.pk])).status_code == 404
    assert client.get(reverse("marketplace:block", args=[conversation.pk])).status_code in (404, 405)
    assert Block.objects.count() == 1


def test_a_member_cannot_block_themselves(member):
    with pytest.raises(ValidationError):
        services.block_create(blocker=member, blocked=member)
    assert not Block.objects.exists()

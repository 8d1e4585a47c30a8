"""Reads for conversations: a member's inbox with unread counts, one conversation, blocks, and the people
who replied to an ad (to pick partners from).

A conversation is found only for its two parties (the ad's owner and the respondent); for anyone else,
hub admins included, it does not exist.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from .models import Ad, Block, Conversation, Message

UNREAD_CACHE_SECONDS = 60
NEVER = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def unread_cache_key(user_id: int) -> str:
    return f"marketplace:unread:{user_id}"


def unread_count_forget(*, user_ids: Iterable[int]) -> None:
    """Drop the cached counts after the commit (a count read before it would be cached stale)."""
    keys = [unread_cache_key(pk) for pk in set(user_ids)]
    if keys:
        transaction.on_commit(partial(cache.delete_many, keys))


def _of(user) -> Q:
    return Q(respondent_id=user.pk) | Q(ad__owner_id=user.pk)


def _with_unread(queryset: QuerySet[Conversation], user_id: int) -> QuerySet[Conversation]:
    """Annotate `unread`: the messages from the other party after the member last read the conversation."""
    read_since = Coalesce(Case(When(ad__owner_id=user_id, then=F("owner_read_at")), default=F("respondent_read_at")),
                          Value(NEVER))
    unread = (Message.objects.filter(conversation=OuterRef("pk"), created_at__gt=OuterRef("read_since"))
              .exclude(sender_id=user_id).order_by().values("conversation").annotate(n=Count("pk")).values("n"))
    return queryset.annotate(read_since=read_since).annotate(unread=Coalesce(Subquery(unread), Value(0)))


def unread_conversations_count(*, user_id: int) -> int:
    """How many of the member's conversations have messages they have not read: cached a minute at most."""
    key = unread_cache_key(user_id)
    count = cache.get(key)
    if count is None:
        read_since = Coalesce(Case(When(ad__owner_id=user_id, then=F("owner_read_at")),
                                   default=F("respondent_read_at")), Value(NEVER))
        newer = Message.objects.filter(conversation=OuterRef("pk"), created_at__gt=OuterRef("read_since")).exclude(
            sender_id=user_id)
        count = (Conversation.objects.filter(Q(respondent_id=user_id) | Q(ad__owner_id=user_id))
                 .annotate(read_since=read_since).filter(Exists(newer)).count())
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def inbox_for(*, user) -> QuerySet[Conversation]:
    """The member's conversations, as owner and as respondent, newest message first, with `unread` counts and
    `message_count`."""
    total = (Message.objects.filter(conversation=OuterRef("pk")).order_by().values("conversation")
             .annotate(n=Count("pk")).values("n"))
    queryset = (Conversation.objects.filter(_of(user))
                .select_related("ad", "ad__owner", "ad__organisation", "respondent", "respondent_organisation")
                .annotate(message_count=Coalesce(Subquery(total), Value(0)))
                .order_by("-last_message_at", "-id"))
    return _with_unread(queryset, user.pk)


def conversation_get(*, pk: int, user) -> Conversation:
    """The conversation if `user` is one of its two parties; raises Conversation.DoesNotExist otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise Conversation.DoesNotExist
    return (Conversation.objects.filter(_of(user))
            .select_related("ad", "ad__owner", "ad__organisation", "respondent", "respondent_organisation")
            .get(pk=pk))


def conversation_messages(*, conversation: Conversation) -> list[Message]:
    return list(conversation.messages.select_related("sender").order_by("created_at", "id"))


def conversation_message_get(*, conversation: Conversation, message_pk: int) -> Message:
    return conversation.messages.get(pk=message_pk)


def has_blocked(*, blocker_id: int, blocked_id: int) -> bool:
    return Block.objects.filter(blocker_id=blocker_id, blocked_id=blocked_id).exists()


def blocks_of(*, user) -> list[Block]:
    return list(Block.objects.filter(blocker=user).select_related("blocked").order_by("-created_at"))


def conversation_for_ad(*, ad: Ad, user) -> Conversation | None:
    """The member's own conversation about the ad as respondent, if any (the ad page links to it)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Conversation.objects.filter(ad=ad, respondent=user).first()


def respondents_of(*, ad: Ad) -> list[Conversation]:
    """The conversations about the ad, to pick partners from: who replied, and for which organisation."""
    return list(ad.conversations.select_related("respondent", "respondent_organisation")
                .order_by("created_at", "id"))

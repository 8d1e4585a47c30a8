"""Reads for the moderation queue: open reports grouped by the item they are about, and hidden items.

A reported message is shown alone, with its sender and its ad: never the rest of its conversation.
Each read is a fixed number of queries, whatever the number of reports.
"""

from dataclasses import dataclass, field

from .models import Ad, Message, Report

QUEUE_ITEMS_MAX = 50
HIDDEN_ITEMS_MAX = 50


@dataclass
class ModerationItem:
    """An ad or a message with its open reports, oldest first."""

    ad: Ad | None
    message: Message | None
    reports: list[Report] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"ad{self.ad.pk}" if self.ad is not None else f"message{self.message.pk}"

    @property
    def subject_ad(self) -> Ad:
        return self.ad if self.ad is not None else self.message.conversation.ad

    @property
    def first_report(self) -> Report:
        return self.reports[0]


@dataclass
class ModerationQueue:
    items: list[ModerationItem]
    more: bool
    hidden_ads: list[Ad]
    hidden_messages: list[Message]


def open_reports():
    return (Report.objects.filter(outcome=Report.Outcome.OPEN)
            .select_related("reporter", "ad__owner", "ad__organisation", "message__sender",
                            "message__conversation__ad")
            .order_by("created_at", "pk"))


def moderation_items(*, limit: int = QUEUE_ITEMS_MAX) -> tuple[list[ModerationItem], bool]:
    """The reported items, the one waiting longest first, with every open report about each. One query for the
    items' keys, one for their reports."""
    keys = (Report.objects.filter(outcome=Report.Outcome.OPEN).order_by("created_at", "pk")
            .values_list("ad_id", "message_id"))
    wanted: list[tuple[int | None, int | None]] = []
    more = False
    for key in keys.iterator(chunk_size=500):
        if key in wanted:
            continue
        if len(wanted) == limit:
            more = True
            break
        wanted.append(key)
    ad_ids = [ad_id for ad_id, message_id in wanted if message_id is None]
    message_ids = [message_id for ad_id, message_id in wanted if message_id is not None]
    items: dict[tuple, ModerationItem] = {}
    reports = open_reports().filter(ad_id__in=ad_ids, message__isnull=True) | open_reports().filter(
        message_id__in=message_ids)
    for report in reports.order_by("created_at", "pk"):
        key = (report.ad_id, report.message_id)
        item = items.setdefault(key, ModerationItem(ad=report.ad if report.message_id is None else None,
                                                   message=report.message))
        item.reports.append(report)
    return [items[key] for key in wanted if key in items], more


def hidden_ads(*, limit: int = HIDDEN_ITEMS_MAX) -> list[Ad]:
    return list(Ad.objects.filter(hidden_at__isnull=False).select_related("owner", "organisation", "hidden_by")
                .order_by("-hidden_at", "-pk")[:limit])


def hidden_messages(*, limit: int = HIDDEN_ITEMS_MAX) -> list[Message]:
    """Hidden messages (only reported messages are ever hidden, so the hub admins have seen them already)."""
    return list(Message.objects.filter(hidden_at__isnull=False)
                .select_related("sender", "conversation__ad").order_by("-hidden_at", "-pk")[:limit])


def moderation_queue() -> ModerationQueue:
    items, more = moderation_items()
    return ModerationQueue(items=items, more=more, hidden_ads=hidden_ads(), hidden_messages=hidden_messages())


"""Schemas of the marketplace API: ads, and the member's conversations.

As elsewhere in the API, `url` is the path of the thing's page on the site. Themes, places and organisations
are named by slug where the API takes a reference. Message texts are not in the API: they stay on the
conversation page, for its two parties.
"""

import datetime
import hashlib

from django.core.cache import cache
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from samskap.actors.models import ContentLanguage
from samskap.core.fragments import DIRECTORY, FRAGMENT_TIMEOUT, MARKETPLACE, generation
from samskap.marketplace.models import Ad, AdKind

from .directory_schemas import OrganisationRef, PersonRef, PlaceRef, StrictIn, ThemeRef, one_of


class MarketplacePagination(LimitOffsetPagination):
    """Limit/offset pages whose total is kept until the marketplace or the directory changes (like
    KnowledgePagination). The count's key holds the query with its parameters, the viewer's rights and today's
    date included, so each viewer gets the count of what they may see."""

    def _items_count(self, items) -> int:
        queryset = getattr(items, "queryset", items)  # a page builder (samskap.api.marketplace) holds its queryset
        if not hasattr(queryset, "query"):
            return super()._items_count(items)
        sql, params = queryset.query.sql_with_params()
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
        key = f"api-count:{generation(MARKETPLACE)}:{generation(DIRECTORY)}:{digest}"
        count = cache.get(key)
        if count is None:
            count = queryset.count()
            cache.set(key, count, FRAGMENT_TIMEOUT)
        return count


class PosterOut(Schema):
    name: str = Field(description="The organisation's name for an ad posted for one, else the member's name.")
    person: PersonRef | None = Field(description="The member, for an ad posted for themselves.")
    organisation: OrganisationRef | None = Field(description="The organisation the ad is posted for.")


class AdOut(Schema):
    id: int
    url: str = Field(description="The ad's page on the site.")
    kind: str = one_of(AdKind)
    kind_label: str = Field(description="The kind, in the language of the request.")
    title: str
    description: str = Field(description="Plain text.")
    language: str = one_of(ContentLanguage, description="The language the title and description are written in.")
    status: str = one_of(Ad.Status)
    valid_until: datetime.date = Field(description="The last day the ad is open for replies.")
    is_anywhere: bool = Field(description="Anywhere or online: the place does not matter.")
    themes: list[ThemeRef]
    places: list[PlaceRef]
    poster: PosterOut
    is_hidden: bool = Field(description="Hidden by a moderator: seen only by its owner side and the hub admins.")
    hidden_reason: str | None = Field(description="Why a moderator hid it, to its owner side and the hub admins; "
                                                  "else null.")
    matched_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class AdPartnerOut(Schema):
    person: PersonRef
    organisation: OrganisationRef | None


class AdDetailOut(AdOut):
    partners: list[AdPartnerOut] = Field(description="The partners the owner picked when marking the ad matched.")
    may_change: bool = Field(description="You may change, renew and close the ad.")
    may_reply: bool = Field(description="You may reply to the ad (on its page).")


class AdIn(StrictIn):
    kind: str = one_of(AdKind)
    title: str
    description: str
    language: str = one_of(ContentLanguage, "sv")
    themes: list[str] = Field([], description="Themes' slugs.")
    places: list[str] = Field([], description="Places' slugs; at least one unless `is_anywhere`.")
    is_anywhere: bool = False
    valid_until: datetime.date | None = Field(None, description="60 days from today when left out; at most a year "
                                                                "ahead.")
    organisation: str | None = Field(None, description="The slug of an organisation you are an active member of; "
                                                       "without it the ad is your own.")


class AdPatch(StrictIn):
    """Only the fields sent change; null keeps a field as it is (except `organisation`)."""

    kind: str | None = one_of(AdKind, None)
    title: str | None = None
    description: str | None = None
    language: str | None = one_of(ContentLanguage, None)
    themes: list[str] | None = None
    places: list[str] | None = None
    is_anywhere: bool | None = None
    valid_until: datetime.date | None = Field(None, description="A later day opens an expired ad again.")
    organisation: str | None = Field(None, description="An organisation's slug of yours; null makes the ad your "
                                                       "own.")


class ConversationAdRef(Schema):
    id: int
    url: str
    title: str
    status: str = one_of(Ad.Status)


class ConversationOut(Schema):
    id: int
    url: str = Field(description="The conversation's page, where its messages are.")
    ad: ConversationAdRef
    role: str = Field(description="Your side: the ad's owner, or the respondent.",
                      json_schema_extra={"enum": ["owner", "respondent"]})
    other_party: PersonRef
    other_organisation: OrganisationRef | None = Field(description="The organisation the other party speaks for.")
    unread: int = Field(description="Messages from the other party you have not read.")
    message_count: int
    last_message_at: datetime.datetime
    created_at: datetime.datetime

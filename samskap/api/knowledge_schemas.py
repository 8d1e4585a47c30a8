"""Schemas of the knowledge API: resources (with method cards) and funding calls.

As elsewhere in the API, `url` is the path of the thing's page on the site; a resource's or a call's own
web address is `web_address`. Themes, places and organisations are named by slug where the API takes a
reference. A call's times are ISO 8601 with the offset of the call's own time zone (`time_zone`): a
deadline at 23:59 in Oslo is "…T23:59:00+02:00" wherever the caller is.
"""

import datetime
import hashlib

from django.core.cache import cache
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from samskap.actors.models import ContentLanguage, OrganisationKind
from samskap.core.fragments import FRAGMENT_TIMEOUT, KNOWLEDGE, generation
from samskap.knowledge.models import Audience, FundingCall, LinkStatus, ResourceKind

from .directory_schemas import OrganisationRef, PersonRef, PlaceRef, StrictIn, ThemeRef, one_of


def codes(choices: type) -> dict:
    """A list field's item codes, for the OpenAPI document."""
    return {"items": {"type": "string", "enum": list(choices.values)}}


class KnowledgePagination(LimitOffsetPagination):
    """Limit/offset pages whose total is kept until the knowledge base changes (like DirectoryPagination,
    under the knowledge generation). The count's key holds the query with its parameters, the viewer's
    rights included, so each viewer gets the count of what they may see."""

    def _items_count(self, items) -> int:
        queryset = getattr(items, "queryset", items)  # a page builder (samskap.api.knowledge) holds its queryset
        if not hasattr(queryset, "query"):
            return super()._items_count(items)
        sql, params = queryset.query.sql_with_params()
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
        key = f"api-count:{generation(KNOWLEDGE)}:{digest}"
        count = cache.get(key)
        if count is None:
            count = queryset.count()
            cache.set(key, count, FRAGMENT_TIMEOUT)
        return count


# Resources ---------------------------------------------------------------------------------------


class AuthorOut(Schema):
    name: str = Field(description="The person's or organisation's name, or the name given for an author outside "
                                  "the directory.")
    person: PersonRef | None
    organisation: OrganisationRef | None


class ResourceOut(Schema):
    id: int
    url: str = Field(description="The resource's page on the site.")
    slug: str
    kind: str = one_of(ResourceKind)
    is_method_card: bool
    title: str
    summary: str
    language: str = one_of(ContentLanguage, description="The language the title, summary and text are written in.")
    web_address: str = Field(description="The resource's own web address, if it has one.")
    file_url: str | None = Field(description="Downloads the resource's file, if it has one.")
    themes: list[ThemeRef]
    places: list[PlaceRef]
    audiences: list[str] = Field(description="Who it is for.", json_schema_extra=codes(Audience))
    author: AuthorOut
    published_on: datetime.date
    link_status: str = one_of(LinkStatus, description="What the link checker found at the web address.")
    is_published: bool = Field(description="False for a hidden resource (seen only by its authors and curators).")
    updated_at: datetime.datetime


class ResourceRef(Schema):
    id: int
    url: str
    title: str
    language: str = one_of(ContentLanguage)


class ResourceDetailOut(ResourceOut):
    body: str = Field(description="The text as written, in Markdown.")
    body_html: str = Field(description="The text as sanitised HTML, as the page shows it.")
    purpose: str = Field(description="Method cards: what the method is for.")
    when_to_use: str
    group_size_min: int | None
    group_size_max: int | None
    duration_minutes: int | None
    materials: list[str] = Field(description="Method cards: one item each.")
    steps: list[str] = Field(description="Method cards: the steps, in order.")
    facilitator_tips: str
    related_methods: list[ResourceRef]
    versions: list[ResourceRef] = Field(description="The same resource in other languages.")
    link_checked_at: datetime.datetime | None
    link_final_url: str = Field(description="Where the web address now leads, when it has moved.")
    created_at: datetime.datetime


class ResourceIn(StrictIn):
    kind: str = one_of(ResourceKind, ResourceKind.LINK)
    title: str
    summary: str = ""
    language: str = one_of(ContentLanguage, "sv")
    body: str = Field("", description="Markdown.")
    web_address: str = ""
    themes: list[str] = Field([], description="Themes' slugs.")
    places: list[str] = Field([], description="Places' slugs.")
    audiences: list[str] = Field([], json_schema_extra=codes(Audience))
    author_organisation: str | None = Field(None, description="The slug of an organisation you are an active "
                                                              "member of; without it you are the author.")
    author_name: str = Field("", description="An author outside the directory.")
    published_on: datetime.date | None = Field(None, description="Today when left out.")
    is_published: bool = Field(True, description="Curators only may hide a resource.")
    purpose: str = ""
    when_to_use: str = ""
    group_size_min: int | None = None
    group_size_max: int | None = None
    duration_minutes: int | None = None
    materials: list[str] = []
    steps: list[str] = []
    facilitator_tips: str = ""
    related_methods: list[int] = Field([], description="Ids of method cards.")


class ResourcePatch(StrictIn):
    """Only the fields sent change."""

    kind: str | None = one_of(ResourceKind, None)
    title: str | None = None
    summary: str | None = None
    language: str | None = one_of(ContentLanguage, None)
    body: str | None = None
    web_address: str | None = None
    themes: list[str] | None = None
    places: list[str] | None = None
    audiences: list[str] | None = None
    author_organisation: str | None = Field(None, description="An organisation's slug of yours; null makes you "
                                                              "the author instead.")
    author_name: str | None = None
    published_on: datetime.date | None = Field(None, description="Null keeps the date.")
    is_published: bool | None = Field(None, description="Curators only.")
    purpose: str | None = None
    when_to_use: str | None = None
    group_size_min: int | None = None
    group_size_max: int | None = None
    duration_minutes: int | None = None
    materials: list[str] | None = None
    steps: list[str] | None = None
    facilitator_tips: str | None = None
    related_methods: list[int] | None = None


# Funding calls -----------------------------------------------------------------------------------


class DeadlineOut(Schema):
    id: int
    label: str = Field(description="What is due, e.g. an outline application.")
    due: datetime.datetime = Field(description="In the call's time zone, with its offset.")
    passed: bool


class FundingCallOut(Schema):
    id: int
    url: str = Field(description="The call's page on the site.")
    slug: str
    title: str
    funder: OrganisationRef
    programme: str
    summary: str
    language: str = one_of(ContentLanguage)
    amount_min: int | None = Field(description="The smallest grant; null when not stated.")
    amount_max: int | None = Field(description="The largest grant; null when not stated.")
    currency: str = one_of(FundingCall.Currency)
    is_rolling: bool = Field(description="Applications any time.")
    is_open: bool = Field(description="Rolling, or a deadline still ahead.")
    next_deadline: datetime.datetime | None = Field(description="The earliest deadline still ahead, in the call's "
                                                                "time zone; null when rolling or closed.")
    time_zone: str = Field(description="The IANA time zone of the deadlines, e.g. Europe/Oslo.")
    eligible_kinds: list[str] = Field(description="Kinds of organisation that may apply; empty: any kind.",
                                      json_schema_extra=codes(OrganisationKind))
    eligible_places: list[PlaceRef] = Field(description="Countries and regions; empty: anywhere.")
    themes: list[ThemeRef]
    web_address: str = Field(description="The call's own web address at the funder.")
    is_published: bool = Field(description="False for a hidden call (seen only by its funder's members and "
                                           "curators).")


class FundingCallDetailOut(FundingCallOut):
    deadlines: list[DeadlineOut] = Field(description="Every deadline, passed ones too, earliest first.")
    eligibility: str = Field(description="Who may apply, in the funder's words.")
    co_financing: str
    contact_name: str
    contact_email: str
    link_status: str = one_of(LinkStatus, description="What the link checker found at the web address.")
    created_at: datetime.datetime
    updated_at: datetime.datetime

import hashlib
from datetime import datetime

from django.core.cache import cache
from ninja import Schema
from ninja.pagination import LimitOffsetPagination

from samskap.core.fragments import DIRECTORY, FRAGMENT_TIMEOUT, generation


class Message(Schema):
    message: str


class MeOut(Schema):
    id: int
    url: str
    email: str
    name: str
    display_name: str
    bio: str
    languages: list[str]
    preferred_language: str
    time_zone: str
    roles: list[str]
    date_joined: datetime


class HubOut(Schema):
    name: str
    logo_url: str | None
    default_language: str
    time_zone: str
    contact_email: str
    languages: list[str]


class HubIn(Schema):
    name: str | None = None
    default_language: str | None = None
    time_zone: str | None = None
    contact_email: str | None = None


class ApiTokenOut(Schema):
    id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class DirectoryPagination(LimitOffsetPagination):
    """Limit/offset pages whose total is kept with the directory's cached fragments (samskap.core.fragments):
    counting 100,000 organisations costs PostgreSQL ~25 ms per request; the count is the same until the
    directory changes. The page itself is always read fresh."""

    def _items_count(self, queryset) -> int:
        if not hasattr(queryset, "query"):
            return super()._items_count(queryset)
        sql, params = queryset.query.sql_with_params()
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
        key = f"api-count:{generation(DIRECTORY)}:{digest}"
        count = cache.get(key)
        if count is None:
            count = super()._items_count(queryset)
            cache.set(key, count, FRAGMENT_TIMEOUT)
        return count

from datetime import datetime

from ninja import Schema


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

"""The WebSocket every workshop screen keeps open: /ws/workshops/<code>/?view=phone|projector|console.

The server pushes what changed (see live.py); phones send their votes and dots as {"action": …, "id": …}
and get {"kind": "ack", "id": …, "ok": …, "message": …} back — the same answer the HTTP fallback gives.
"""

import functools
import logging
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from urllib.parse import parse_qs

from channels.db import DatabaseSyncToAsync, database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import timezone, translation

from samskap.core.middleware import language_for

from . import actions, live
from .models import Workshop
from .services import participant_for

logger = logging.getLogger(__name__)
DEVICE_COOKIE = "samskap_device"
VIEWS = {"phone", "projector", "console"}


def _identify(code: str, view: str, user, token: str | None):
    """(workshop id, version, participant id or None), or None when this screen may not connect."""
    workshop = Workshop.objects.filter(code=code.upper()).first()
    if workshop is None or view not in VIEWS:
        return None
    if view == "console" and not user.has_perm("workshops.run_workshop", workshop):
        return None
    if view == "projector" and not user.has_perm("workshops.view_workshop", workshop):
        return None
    if view == "phone" and not user.has_perm("workshops.view_workshop", workshop):
        return None  # also a participant of a workshop being prepared who no longer runs it
    participant = participant_for(workshop, user=user, token=token) if view == "phone" else None
    return workshop.pk, workshop.version, participant.pk if participant else None


@functools.cache
def _actions_executor() -> ThreadPoolExecutor:
    """Votes and dots run in threads of their own, not in Django's single "thread-sensitive" thread where they
    would queue behind everything else this process does. On SQLite one thread: SQLite takes one writer at a
    time, and writers waiting on each other sleep in its busy handler (tens of milliseconds each time), while
    one thread writes them back to back. On PostgreSQL four."""
    from django.db import connection

    return ThreadPoolExecutor(max_workers=1 if connection.vendor == "sqlite" else 4,
                              thread_name_prefix="workshop-actions")


def _perform(workshop_id: int, participant_id: int | None, data: dict, language: str) -> dict:
    with translation.override(language):
        return actions.perform(workshop_id, participant_id, data)


class WorkshopConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        code = self.scope["url_route"]["kwargs"]["code"]
        query = parse_qs(self.scope.get("query_string", b"").decode())
        self.view = (query.get("view") or ["phone"])[0]
        user = self.scope.get("user")
        cookies = self.scope.get("cookies", {})
        request = SimpleNamespace(user=user, COOKIES=cookies, headers={
            "Accept-Language": dict(self.scope.get("headers", [])).get(b"accept-language", b"").decode("latin-1")})
        self.language = await database_sync_to_async(language_for)(request)
        found = await database_sync_to_async(_identify)(code, self.view, user, cookies.get(DEVICE_COOKIE))
        if found is None:
            await self.close(code=4403)
            return
        self.workshop_id, version, self.participant_id = found
        self.groups_joined = [live.group_all(self.workshop_id)]
        if self.view in ("projector", "console"):
            self.groups_joined.append(live.group_screens(self.workshop_id))
        if self.view == "console":
            self.groups_joined.append(live.group_consoles(self.workshop_id))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send_json({"kind": "hello", "version": version, "now": timezone.now().timestamp() * 1000})

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except Exception:  # noqa: BLE001 - Redis busy as a room leaves at once: the membership expires anyway
                logger.warning("could not leave %s; it expires by itself", group, exc_info=True)

    async def receive_json(self, content, **kwargs):
        if not isinstance(content, dict):
            return
        if content.get("action") == "ping":
            await self.send_json({"kind": "pong", "id": content.get("id"), "now": timezone.now().timestamp() * 1000})
            return
        answer = await DatabaseSyncToAsync(_perform, thread_sensitive=False, executor=_actions_executor())(
            self.workshop_id, self.participant_id, content, self.language)
        await self.send_json({"kind": "ack", "id": content.get("id"), **answer})

    async def workshop_event(self, event):
        await self.send_json(event["data"])

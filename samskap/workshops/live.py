"""Pushing changes to every screen of a workshop through the channel layer (in-memory in development, Redis
with REDIS_URL). Services call `changed` after a write that changes what screens show, and `tally` after a
vote; both send once the transaction commits, so nobody sees what was rolled back.

Messages (JSON, also documented in docs/operations.md):
- {"kind": "refresh", "version": n}: screens whose version is lower fetch their part again over HTTP;
- {"kind": "people", "count": n}: to projectors and consoles, when someone joins;
- {"kind": "tally", "version": n, "round": id, "counts": {...}, "voters": n}: to projectors and consoles
  only, after each vote, so they update the numbers in place without a fetch; to the consoles alone while the
  tally is hidden from the room.
"""

import asyncio
import threading
from functools import partial

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from .models import Workshop


def group_all(workshop_id: int) -> str:
    return f"workshop-{workshop_id}"


def group_screens(workshop_id: int) -> str:
    return f"workshop-{workshop_id}-screens"


def group_consoles(workshop_id: int) -> str:
    """The consoles only: anyone may open a projector, so a tally the room may not see yet goes here."""
    return f"workshop-{workshop_id}-consoles"


def _send(group: str, data: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    send = async_to_sync(layer.group_send)
    message = {"type": "workshop.event", "data": data}
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        send(group, message)
    else:  # called in a thread that runs an event loop of its own (a test driving a browser): send from another
        thread = threading.Thread(target=send, args=(group, message))
        thread.start()
        thread.join()


def changed(workshop: Workshop, *, screens_only: bool = False) -> int:
    """Raise the workshop's version and tell every screen to fetch its part again (after commit). `screens_only`:
    a change only the projectors and consoles show (the phone that made it fetches its own part)."""
    Workshop.objects.filter(pk=workshop.pk).update(version=F("version") + 1)
    workshop.version = Workshop.objects.filter(pk=workshop.pk).values_list("version", flat=True).get()
    group = group_screens(workshop.pk) if screens_only else group_all(workshop.pk)
    transaction.on_commit(partial(_send, group, {"kind": "refresh", "version": workshop.version}))
    return workshop.version


def tally_key(workshop_id: int) -> str:
    return f"workshops:tally:{workshop_id}"


def tally_stamp(workshop_id: int) -> int:
    """Goes up with every vote: screens polling over HTTP (no WebSocket) fetch their part when it does."""
    return cache.get(tally_key(workshop_id), 0)


_stamps_due: set[int] = set()
_stamps_lock = threading.Lock()
STAMP_DELAY_S = 0.25


def _bump_stamp(workshop_id: int) -> None:
    with _stamps_lock:
        _stamps_due.discard(workshop_id)
    try:
        cache.incr(tally_key(workshop_id))
    except ValueError:
        cache.set(tally_key(workshop_id), 1, 24 * 3600)


def _stamp_soon(workshop_id: int) -> None:
    """Raise the tally's stamp once for all the votes of the next quarter second, off the vote's path: with the
    file cache (production without Redis) a write per vote took a sixth of a busy server's time (bench-live)."""
    with _stamps_lock:
        if workshop_id in _stamps_due:
            return
        _stamps_due.add(workshop_id)
    timer = threading.Timer(STAMP_DELAY_S, _bump_stamp, args=(workshop_id,))
    timer.daemon = True
    timer.start()


def tally_public(workshop: Workshop) -> bool:
    """Whether the projectors show the counts of a vote now (a live tally, or the results shown)."""
    return workshop.live_tally or workshop.results_visible


def tally(workshop_id: int, data: dict, *, public: bool = True) -> None:
    """Send a new tally to the projectors and consoles (after commit); to the consoles only if not `public`."""
    group = group_screens(workshop_id) if public else group_consoles(workshop_id)

    def send():
        _send(group, {"kind": "tally", **data})
        _stamp_soon(workshop_id)

    transaction.on_commit(send)


def people(workshop_id: int) -> None:
    """Tell the projectors and consoles how many have joined (after commit)."""
    from .models import Participant

    def send():
        count = Participant.objects.filter(workshop_id=workshop_id).count()
        _send(group_screens(workshop_id), {"kind": "people", "count": count})

    transaction.on_commit(send)

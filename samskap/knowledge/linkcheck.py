"""Checking the external links of resources and funding calls, politely, and acting on what was found.

`links_check` asks every web address with HEAD, and with GET when the server refuses HEAD (405, 403, 501)
or HEAD fails; it follows up to five redirects and marks each link:

- ok: the address answers 2xx;
- redirected ("moved"): it ends 2xx at another address, kept in `link_final_url` for the curator to accept;
- broken: 4xx or 5xx, no answer in time, no connection (DNS, refused, TLS) or too many redirects, with the
  status code and a short text in `link_error`.

Politeness: one request at a time per host with `per_host_delay` seconds between two links of a host, at
most `max_hosts` hosts at once (threads; only the main thread touches the database), and a User-Agent that
names Samskap. The run is `manage.py check_links` or the task `link_check_task` (the curators' link report
starts it).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskap.core.fragments import KNOWLEDGE, generation_bump

from .models import FundingCall, LinkStatus, Resource
from .search import call_index, resource_index

logger = logging.getLogger(__name__)
USER_AGENT = "Samskap-linkcheck/1.0 (the link checker of a Samskap hub; it asks each site politely, one page at a time)"
MAX_REDIRECTS = 5
HEAD_REFUSED = {403, 405, 501}
WRITE_BATCH = 500
LINK_FIELDS = ["link_status", "link_checked_at", "link_status_code", "link_error", "link_final_url"]
ERROR_MAX = 300


@dataclass(frozen=True)
class LinkResult:
    status: str
    code: int | None = None
    error: str = ""
    final_url: str = ""
    checked_at: datetime | None = None


class PrivateAddress(httpx.RequestError):
    """The address leads into a private, loopback or link-local network: the checker does not go there."""


def _public_only(request: httpx.Request) -> None:
    """Refuse requests (the first and every redirect) to hosts that resolve to non-public addresses, so a
    member's resource cannot make the server probe its own network. settings.LINKCHECK_ALLOW_PRIVATE turns
    this off (the tests' local server, an intranet hub)."""
    if getattr(settings, "LINKCHECK_ALLOW_PRIVATE", False):
        return
    host = request.url.host
    try:
        infos = socket.getaddrinfo(host, request.url.port or 443, proto=socket.IPPROTO_TCP)
    except OSError:
        return  # the request itself reports the DNS failure
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise PrivateAddress(_("The address leads into a private network (%(address)s); it is not checked.")
                                 % {"address": address}, request=request)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc or url).lower()


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= ERROR_MAX else text[:ERROR_MAX - 1] + "…"


def _request(client: httpx.Client, method: str, url: str) -> httpx.Response:
    """One request, redirects followed, without reading a body: the status is all we need."""
    with client.stream(method, url) as response:
        return response


def url_check(client: httpx.Client, url: str, *, timeout: float) -> LinkResult:
    """Ask one address: HEAD, then GET when HEAD is refused or fails. Texts are in the active language."""
    try:
        return _ask(client, url, timeout=timeout)
    except Exception as error:  # an address no client can use (a bad host name, say) must not stop the others
        logger.warning("Checking %s failed unexpectedly", url, exc_info=True)
        return LinkResult(LinkStatus.BROKEN, error=_short(f"{type(error).__name__}: {error}"),
                          checked_at=timezone.now())


def _ask(client: httpx.Client, url: str, *, timeout: float) -> LinkResult:
    now = timezone.now()
    too_many = _("More than %(max)s redirects (a redirect loop?).") % {"max": MAX_REDIRECTS}
    try:
        response = _request(client, "HEAD", url)
        if response.status_code in HEAD_REFUSED:
            response = _request(client, "GET", url)
    except httpx.TooManyRedirects:
        return LinkResult(LinkStatus.BROKEN, error=too_many, checked_at=now)
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
        return LinkResult(LinkStatus.BROKEN, error=_short(_("Not a web address that can be opened: %(error)s") % {
            "error": error}), checked_at=now)
    except PrivateAddress as error:
        return LinkResult(LinkStatus.BROKEN, error=_short(str(error)), checked_at=now)
    except httpx.ConnectError as error:
        return LinkResult(LinkStatus.BROKEN, error=_short(_("No connection: %(error)s") % {"error": error}),
                          checked_at=now)
    except httpx.HTTPError:
        # A timeout or a server that mishandles HEAD: GET once more before calling it broken.
        try:
            response = _request(client, "GET", url)
        except httpx.TooManyRedirects:
            return LinkResult(LinkStatus.BROKEN, error=too_many, checked_at=now)
        except httpx.TimeoutException:
            return LinkResult(LinkStatus.BROKEN, error=_("No answer within %(seconds)s seconds.") % {
                "seconds": f"{timeout:g}"}, checked_at=now)
        except httpx.HTTPError as error:
            return LinkResult(LinkStatus.BROKEN, error=_short(f"{type(error).__name__}: {error}"), checked_at=now)
    code = response.status_code
    if 200 <= code < 300:
        final = str(response.url)
        if response.history and final != url:
            return LinkResult(LinkStatus.REDIRECTED, code=code, final_url=final[:1000], checked_at=now)
        return LinkResult(LinkStatus.OK, code=code, checked_at=now)
    return LinkResult(LinkStatus.BROKEN, code=code, error=_short(response.reason_phrase or f"HTTP {code}"),
                      checked_at=now)


def _host_check(urls: list[str], *, timeout: float, per_host_delay: float) -> dict[str, LinkResult]:
    """Every address of one host, one at a time with a pause between them (runs in a worker thread)."""
    results: dict[str, LinkResult] = {}
    with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
                      headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
                      event_hooks={"request": [_public_only]}) as client:
        for position, url in enumerate(urls):
            if position and per_host_delay:
                time.sleep(per_host_delay)
            results[url] = url_check(client, url, timeout=timeout)
    return results


def _linked(objects: Iterable) -> list:
    return [obj for obj in objects if obj.url]


def links_check(*, resources=None, calls=None, timeout: float = 10, per_host_delay: float = 1.0,
                max_hosts: int = 8) -> dict[str, int]:
    """Check the web addresses of `resources` and `calls` (default: every published one with an address),
    store what was found and return the counts: checked, ok, redirected, broken.

    An address used by several resources or calls is asked once. The texts stored in `link_error` are in the
    active language (the task and the command use the hub's default language).
    """
    if resources is None:
        resources = Resource.objects.published().exclude(url="")
    if calls is None:
        calls = FundingCall.objects.published().exclude(url="")
    objects = (_linked(_only_link_fields(resources)) + _linked(_only_link_fields(calls)))
    by_url: dict[str, list] = defaultdict(list)
    for obj in objects:
        by_url[obj.url].append(obj)
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in by_url:
        by_host[_host(url)].append(url)

    counts = {"checked": 0, LinkStatus.OK.value: 0, LinkStatus.REDIRECTED.value: 0, LinkStatus.BROKEN.value: 0}
    pending: dict[type, list] = defaultdict(list)

    def flush(force: bool = False) -> None:
        for model, items in pending.items():
            if items and (force or len(items) >= WRITE_BATCH):
                model.objects.bulk_update(items, LINK_FIELDS, batch_size=WRITE_BATCH)
                items.clear()

    # The threads write the errors in the caller's language (a thread starts without the caller's override).
    language = translation.get_language()

    def host_check(urls):
        with translation.override(language):
            return _host_check(urls, timeout=timeout, per_host_delay=per_host_delay)

    with ThreadPoolExecutor(max_workers=max(1, max_hosts), thread_name_prefix="linkcheck") as pool:
        futures = [pool.submit(host_check, urls) for urls in by_host.values()]
        for future in as_completed(futures):
            for url, result in future.result().items():
                for obj in by_url[url]:
                    obj.link_status = result.status
                    obj.link_status_code = result.code
                    obj.link_error = result.error
                    obj.link_final_url = result.final_url
                    obj.link_checked_at = result.checked_at
                    pending[type(obj)].append(obj)
                    counts["checked"] += 1
                    counts[result.status] += 1
            flush()
    flush(force=True)
    if counts["checked"]:
        generation_bump(KNOWLEDGE)  # bulk_update sends no signals
    return counts


def _only_link_fields(objects):
    if hasattr(objects, "only"):
        return objects.only("id", "url", *LINK_FIELDS)
    return objects


# ---------------------------------------------------------------------------------------------
# Curators act on the report


def link_check_start(*, by, resource_ids: list[int] | None = None, call_ids: list[int] | None = None) -> None:
    """Have links checked in the background: all of them, or only the given resources' and calls'."""
    if not by.has_perm("knowledge.curate"):
        raise PermissionDenied
    from .tasks import link_check_task

    if resource_ids is None and call_ids is None:
        transaction.on_commit(link_check_task.enqueue)
    else:
        transaction.on_commit(partial(link_check_task.enqueue, resource_ids=list(resource_ids or []),
                                      call_ids=list(call_ids or [])))


def link_redirect_accept(*, obj: Resource | FundingCall, by) -> Resource | FundingCall:
    """Use the address a moved link now leads to. Returns the resource or call, changed or not (when it had
    not moved, nothing changes)."""
    if not by.has_perm("knowledge.curate"):
        raise PermissionDenied
    with transaction.atomic():
        obj = type(obj).objects.select_for_update().get(pk=obj.pk)
        if obj.link_status != LinkStatus.REDIRECTED or not obj.link_final_url:
            return obj
        obj.url = obj.link_final_url
        obj.link_status = LinkStatus.OK
        obj.link_error = ""
        obj.link_final_url = ""
        obj.save()
        if isinstance(obj, Resource):
            transaction.on_commit(partial(resource_index, resource_id=obj.pk))
        else:
            transaction.on_commit(partial(call_index, call_id=obj.pk))
    return obj


def links_for_attention(*, limit: int = 300) -> dict:
    """The curators' link report: broken and moved links of resources and calls (the first `limit` of each),
    and how many links are in each state. A constant number of queries."""
    attention = [LinkStatus.BROKEN, LinkStatus.REDIRECTED]
    fields = ["id", "title", "slug", "url", "is_published", *LINK_FIELDS]
    resources = list(Resource.objects.filter(link_status__in=attention).exclude(url="").only(*fields)
                     .order_by("link_status", "title", "id")[:limit])
    calls = list(FundingCall.objects.filter(link_status__in=attention).exclude(url="").only(*fields)
                 .order_by("link_status", "title", "id")[:limit])
    counts: dict[str, int] = defaultdict(int)
    last_checked = None
    for model in (Resource, FundingCall):
        for row in model.objects.exclude(url="").values("link_status").annotate(n=Count("id"),
                                                                               last=Max("link_checked_at")):
            counts[row["link_status"]] += row["n"]
            if row["last"] and (last_checked is None or row["last"] > last_checked):
                last_checked = row["last"]
    return {"resources": resources, "calls": calls, "counts": dict(counts), "last_checked": last_checked,
            "limit": limit}


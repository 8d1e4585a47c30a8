"""The link checker against real HTTP servers on 127.0.0.1 (threads of this test process): statuses, redirects,
HEAD refused, timeouts, and politeness (one request at a time per host)."""

import socket
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from samskap.core.fragments import KNOWLEDGE, generation
from samskap.knowledge.linkcheck import USER_AGENT, link_redirect_accept, links_check, links_for_attention
from samskap.knowledge.models import FundingCall, LinkStatus, Resource

from .factories import FundingCallFactory, ResourceFactory

pytestmark = pytest.mark.django_db


class Recorder:
    """What the servers saw: requests in order, and the most requests one host had in flight at once."""

    def __init__(self):
        self.lock = threading.Lock()
        self.in_flight = defaultdict(int)
        self.most_in_flight = defaultdict(int)
        self.requests = []  # (host, method, path, user agent, start time)

    def enter(self, host, method, path, agent):
        with self.lock:
            self.in_flight[host] += 1
            self.most_in_flight[host] = max(self.most_in_flight[host], self.in_flight[host])
            self.requests.append((host, method, path, agent, time.monotonic()))

    def leave(self, host):
        with self.lock:
            self.in_flight[host] -= 1


def handler_for(recorder: Recorder):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _answer(self, code, headers=None, body=b""):
            self.send_response(code)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _serve(self):
            host = self.headers.get("Host", "")
            recorder.enter(host, self.command, self.path, self.headers.get("User-Agent", ""))
            try:
                time.sleep(0.02)  # long enough for a second request to overlap, were one sent
                path = self.path
                if path == "/ok":
                    self._answer(200, body=b"fine")
                elif path == "/missing":
                    self._answer(404)
                elif path == "/error":
                    self._answer(500)
                elif path.startswith("/chain/"):
                    step = int(path.rsplit("/", 1)[1])
                    if step < 3:
                        self._answer(301, {"Location": f"/chain/{step + 1}"})
                    else:
                        self._answer(200, body=b"arrived")
                elif path in ("/loop-a", "/loop-b"):
                    self._answer(302, {"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
                elif path == "/no-head":
                    self._answer(405 if self.command == "HEAD" else 200, body=b"get only")
                elif path == "/slow":
                    time.sleep(1.2)
                    self._answer(200)
                else:
                    self._answer(404)
            finally:
                recorder.leave(host)

        do_GET = _serve
        do_HEAD = _serve

    return Handler


@pytest.fixture
def servers(settings):
    """Two local servers (two hosts): one with every kind of answer, one slow. The checker may ask them
    (it refuses private addresses unless LINKCHECK_ALLOW_PRIVATE is set)."""
    settings.LINKCHECK_ALLOW_PRIVATE = True
    recorder = Recorder()
    started = []
    for _ in range(2):
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(recorder))
        server.daemon_threads = True
        server.block_on_close = False
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        started.append(server)
    yield recorder, [f"http://127.0.0.1:{server.server_address[1]}" for server in started]
    for server in started:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_links_are_marked_ok_moved_or_broken(servers):
    recorder, (main, slow_host) = servers
    ok = ResourceFactory(url=f"{main}/ok")
    missing = ResourceFactory(url=f"{main}/missing")
    error = ResourceFactory(url=f"{main}/error")
    moved = ResourceFactory(url=f"{main}/chain/1")
    loop = ResourceFactory(url=f"{main}/loop-a")
    no_head = ResourceFactory(url=f"{main}/no-head")
    slow = ResourceFactory(url=f"{slow_host}/slow")
    refused = ResourceFactory(url=f"http://127.0.0.1:{closed_port()}/")
    call = FundingCallFactory(url=f"{main}/missing")
    hidden = ResourceFactory(url=f"{main}/error", is_published=False)
    before = generation(KNOWLEDGE)

    counts = links_check(timeout=0.5, per_host_delay=0.05)

    assert counts == {"checked": 9, "ok": 2, "redirected": 1, "broken": 6}
    for resource in (ok, missing, error, moved, loop, no_head, slow, refused, call, hidden):
        resource.refresh_from_db()
    assert (ok.link_status, ok.link_status_code, ok.link_error) == (LinkStatus.OK, 200, "")
    assert (missing.link_status, missing.link_status_code, missing.link_error) == (LinkStatus.BROKEN, 404,
                                                                                   "Not Found")
    assert (error.link_status, error.link_status_code) == (LinkStatus.BROKEN, 500)
    assert (moved.link_status, moved.link_status_code, moved.link_final_url) == (
        LinkStatus.REDIRECTED, 200, f"{main}/chain/3")
    assert moved.url == f"{main}/chain/1"  # the curator decides
    assert (loop.link_status, loop.link_status_code) == (LinkStatus.BROKEN, None)
    assert "More than 5 redirects" in loop.link_error
    assert (no_head.link_status, no_head.link_status_code) == (LinkStatus.OK, 200)
    assert (slow.link_status, slow.link_error) == (LinkStatus.BROKEN, "No answer within 0.5 seconds.")
    assert refused.link_status == LinkStatus.BROKEN and refused.link_error.startswith("No connection")
    assert (call.link_status, call.link_status_code) == (LinkStatus.BROKEN, 404)
    assert hidden.link_status == LinkStatus.UNCHECKED  # hidden resources are not checked
    assert all(obj.link_checked_at for obj in (ok, missing, moved, slow, call))
    assert generation(KNOWLEDGE) != before

    methods = {(method, path) for _host, method, path, _agent, _at in recorder.requests}
    assert ("HEAD", "/no-head") in methods and ("GET", "/no-head") in methods
    assert ("GET", "/ok") not in methods  # HEAD was enough
    assert {agent for *_rest, agent, _at in recorder.requests} == {USER_AGENT}
    assert "Samskap" in USER_AGENT


def test_one_request_at_a_time_per_host_with_a_pause_between_links(servers):
    recorder, (main, other) = servers
    paths = ["/ok", "/missing", "/error", "/chain/1", "/no-head", "/ok?page=2"]
    for path in paths:
        ResourceFactory(url=f"{main}{path}")
        ResourceFactory(url=f"{other}{path}")

    started = time.monotonic()
    links_check(timeout=2, per_host_delay=0.1, max_hosts=8)
    elapsed = time.monotonic() - started

    hosts = {host for host, *_rest in recorder.requests}
    assert len(hosts) == 2
    assert all(recorder.most_in_flight[host] == 1 for host in hosts)
    assert elapsed >= 0.1 * (len(paths) - 1)
    for host in hosts:  # the pause: a link's first request comes at least 0.1 s after the previous link's
        firsts = {}
        for request_host, _method, path, _agent, at in recorder.requests:
            if request_host == host and path not in ("/chain/2", "/chain/3"):  # not the redirects followed
                firsts.setdefault(path, at)
        times = sorted(firsts.values())
        assert len(times) == len(paths)
        assert all(later - earlier >= 0.09 for earlier, later in zip(times, times[1:]))


def test_a_link_used_twice_is_asked_once(servers):
    recorder, (main, _other) = servers
    first = ResourceFactory(url=f"{main}/ok")
    second = ResourceFactory(url=f"{main}/ok")

    counts = links_check(timeout=2, per_host_delay=0)

    assert counts["checked"] == 2
    assert len(recorder.requests) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.link_status == second.link_status == LinkStatus.OK


def test_only_the_given_resources_and_calls_are_checked(servers):
    _recorder, (main, _other) = servers
    chosen = ResourceFactory(url=f"{main}/missing")
    other = ResourceFactory(url=f"{main}/missing")
    call = FundingCallFactory(url=f"{main}/ok")

    links_check(resources=Resource.objects.filter(pk=chosen.pk), calls=FundingCall.objects.none(),
                per_host_delay=0)

    chosen.refresh_from_db()
    other.refresh_from_db()
    call.refresh_from_db()
    assert chosen.link_status == LinkStatus.BROKEN
    assert other.link_status == call.link_status == LinkStatus.UNCHECKED


def test_the_command_and_the_task_check_the_links(servers, run_tasks, capsys):
    _recorder, (main, _other) = servers
    resource = ResourceFactory(url=f"{main}/missing")

    call_command("check_links", "--delay", "0", "--timeout", "2")

    out = capsys.readouterr().out
    assert "Checked 1 links" in out and "1 broken" in out
    resource.refresh_from_db()
    assert resource.link_status == LinkStatus.BROKEN

    from samskap.knowledge.tasks import link_check_task

    Resource.objects.filter(pk=resource.pk).update(url=f"{main}/ok", url_normalised="x")
    link_check_task.enqueue(resource_ids=[resource.pk], call_ids=[])
    assert run_tasks() == 1
    resource.refresh_from_db()
    assert resource.link_status == LinkStatus.OK


def test_a_curator_accepts_the_new_address_of_a_moved_link(django_capture_on_commit_callbacks):
    from samskap.accounts.tests.factories import UserFactory

    curator = UserFactory(is_facilitator=True)
    resource = ResourceFactory(url="https://old.example.org/a", link_status=LinkStatus.REDIRECTED,
                               link_final_url="https://www.new.example.org/b", link_status_code=200)
    call = FundingCallFactory(url="https://old.example.org/call", link_status=LinkStatus.REDIRECTED,
                              link_final_url="https://new.example.org/call")

    with django_capture_on_commit_callbacks(execute=True):
        link_redirect_accept(obj=resource, by=curator)
        link_redirect_accept(obj=call, by=curator)

    resource.refresh_from_db()
    call.refresh_from_db()
    assert (resource.url, resource.url_normalised, resource.link_status, resource.link_final_url) == (
        "https://www.new.example.org/b", "new.example.org/b", LinkStatus.OK, "")
    assert (call.url, call.link_status) == ("https://new.example.org/call", LinkStatus.OK)


def test_a_link_that_has_not_moved_is_left_alone_and_members_may_not_accept(member):
    from samskap.accounts.tests.factories import UserFactory

    resource = ResourceFactory(url="https://old.example.org/a", link_status=LinkStatus.BROKEN)
    with pytest.raises(PermissionDenied):
        link_redirect_accept(obj=resource, by=member)

    link_redirect_accept(obj=resource, by=UserFactory(is_facilitator=True))

    resource.refresh_from_db()
    assert (resource.url, resource.link_status) == ("https://old.example.org/a", LinkStatus.BROKEN)


def test_the_report_lists_broken_and_moved_links_with_counts(django_assert_max_num_queries):
    ResourceFactory(link_status=LinkStatus.OK)
    broken = ResourceFactory.create_batch(3, link_status=LinkStatus.BROKEN, link_status_code=404)
    moved = ResourceFactory(link_status=LinkStatus.REDIRECTED, link_final_url="https://new.example.org")
    call = FundingCallFactory(link_status=LinkStatus.BROKEN, link_error="No connection")

    with django_assert_max_num_queries(4):
        report = links_for_attention()

    assert {r.pk for r in report["resources"]} == {*(r.pk for r in broken), moved.pk}
    assert [c.pk for c in report["calls"]] == [call.pk]
    assert report["counts"] == {"ok": 1, "broken": 4, "redirected": 1}


def test_private_addresses_are_not_asked(servers, settings):
    """A member's resource must not make the server probe its own network (loopback, 10/8, 169.254/16 …)."""
    settings.LINKCHECK_ALLOW_PRIVATE = False
    recorder, (main, _slow) = servers
    local = ResourceFactory(url=f"{main}/ok")
    metadata = ResourceFactory(url="http://169.254.169.254/latest/meta-data/")

    counts = links_check(timeout=0.5, per_host_delay=0)

    assert counts["broken"] == 2
    local.refresh_from_db()
    metadata.refresh_from_db()
    assert "private network" in local.link_error and "private network" in metadata.link_error
    assert not recorder.requests

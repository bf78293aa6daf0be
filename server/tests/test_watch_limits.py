"""Watch memory and watch limits (issue 10 class 5) against real ma-server processes.

- A watcher that never reads (gRPC: a raw stream nobody iterates; HTTP: a socket
  nobody reads) over 20,000 writes of 4 KiB objects grows the server by less
  than 16 MiB (RSS, sampled while the writes run), is ended once it falls behind
  its buffer (gRPC RESOURCE_EXHAUSTED naming the version to resume from; HTTP:
  the stream ends), and the memory is back within 5 s of the watcher ending.
  The memory:// window is set to 4 MiB (`memory://?max_event_bytes=`) so that
  what is measured is the watcher, not the event window the store keeps by
  design (256 MiB by default: 20,000 such writes alone would be ~90 MiB of it).
- `--max-watches` over both transports: RESOURCE_EXHAUSTED with RetryInfo /
  429 with Retry-After beyond it, slots come back when watches end.
- A watch at a resourceVersion newer than the store waits ~1 s, then
  DEADLINE_EXCEEDED / 504 with the cause ResourceVersionTooLarge and
  Retry-After (Get and List alike over HTTP).
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import grpc
import httpx
import pytest
from api_helpers import project, rpc_error
from api_server import ControlClient, ServerProcess
from google.rpc import error_details_pb2, status_pb2

from ma_server.app import build_app
from ma_server.conformance import JOURNAL_SIZE
from ma_server.errors import ApiError
from ma_server.storage import MemoryStorage
from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc
from michelangelo.api.v2.client import Client, ClientConfig

C = grpc.StatusCode
Stub = project_svc_pb2_grpc.ProjectServiceStub
GV = "/apis/michelangelo.api/v2"
MiB = 1024 * 1024

WRITES = 20_000
WRITERS = 8
BLOB = 4096
MAX_GROWTH = 16 * MiB
WINDOW = 4 * MiB  # memory:// event window for the memory tests, see the module docstring


def rss(pid: int) -> int:
    """Resident set size of a process, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


class PeakRss:
    """Samples a process's RSS every 20 ms in a thread until stopped (at most `limit` seconds)."""

    def __init__(self, pid: int, limit: float = 120.0) -> None:
        self.pid, self.limit, self.peak = pid, limit, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        end = time.monotonic() + self.limit
        while not self._stop.is_set() and time.monotonic() < end:
            self.peak = max(self.peak, rss(self.pid))
            self._stop.wait(0.02)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self.peak = max(self.peak, rss(self.pid))


def settle(pid: int, target: int, seconds: float = 5.0) -> int:
    """RSS once it is at most `target`, or the last reading after `seconds`."""
    end = time.monotonic() + seconds
    while True:
        now = rss(pid)
        if now <= target or time.monotonic() >= end:
            return now
        time.sleep(0.1)


class Writers:
    """WRITERS threads, each with its own channel and its own Project, updating it with a fresh 4 KiB annotation."""

    def __init__(self, srv: ServerProcess, ns: str) -> None:
        self.ns = ns
        self.channels = [grpc.insecure_channel(srv.target) for _ in range(WRITERS)]
        self.stubs = [Stub(c) for c in self.channels]
        for i, stub in enumerate(self.stubs):
            stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, f"p{i}")), timeout=10)
        self._round = 0

    def run(self, total: int) -> float:
        """`total` updates spread over the writers; the seconds they took."""
        self._round += 1
        tag = self._round

        def write(i: int) -> None:
            for k in range(total // WRITERS):
                p = project(self.ns, f"p{i}")
                p.metadata.annotations["blob"] = (f"{tag:02d}{i:02d}{k:08d}" * (BLOB // 12 + 1))[:BLOB]
                self.stubs[i].UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p), timeout=30)

        start = time.monotonic()
        with ThreadPoolExecutor(WRITERS) as pool:
            for f in [pool.submit(write, i) for i in range(WRITERS)]:
                f.result(timeout=120)
        return time.monotonic() - start

    def close(self) -> None:
        for c in self.channels:
            c.close()


@pytest.fixture(scope="module")
def mem_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("watchmem")
    srv = ServerProcess(f"memory://?max_event_bytes={WINDOW}", d / "server.log").start()
    try:
        # Warm up past the bounded state every server keeps whatever the watchers do: the test
        # servers' call journal (10,000 records, ~2.5 MiB) and the 4 MiB event window.
        warm = Writers(srv, "warm-up")
        try:
            warm.run(JOURNAL_SIZE + 2_000)
        finally:
            warm.close()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("watchlimit")
    srv = ServerProcess("memory://", d / "server.log", "--max-watches", "3").start()
    try:
        yield srv
    finally:
        srv.stop()


def _watch_request(ns: str, rv: str = "", **opts: object) -> project_svc_pb2.WatchProjectsRequest:
    return project_svc_pb2.WatchProjectsRequest(
        namespace=ns, options=list_pb2.WatchOptions(resource_version=rv, **opts)
    )


def _status(err: grpc.RpcError) -> status_pb2.Status:
    for key, value in err.trailing_metadata() or ():  # type: ignore[attr-defined]
        if key == "grpc-status-details-bin":
            return status_pb2.Status.FromString(value)
    raise AssertionError("no status details")


def _retry_delay_ms(err: grpc.RpcError) -> int | None:
    for d in _status(err).details:
        info = error_details_pb2.RetryInfo()
        if d.Unpack(info):
            return info.retry_delay.ToMilliseconds()
    return None


def _figures(name: str, **values: object) -> None:
    print(f"\n[figures] {name}: " + ", ".join(f"{k}={v}" for k, v in values.items()))


# -- memory of a watcher that never reads -------------------------------------


def test_stalled_grpc_watcher_is_bounded_ended_and_released(mem_server: ServerProcess) -> None:
    pid = mem_server.proc.pid  # type: ignore[union-attr]
    writers = Writers(mem_server, "stall-grpc")
    watch_channel = grpc.insecure_channel(mem_server.target)
    try:
        writers.run(1_000)  # this test's objects and channels reach their steady state
        time.sleep(0.5)
        base = rss(pid)
        # A raw stream nobody iterates: the client reads nothing beyond what gRPC flow control lets in.
        stream = Stub(watch_channel).WatchProjects(_watch_request("stall-grpc"), timeout=120)
        time.sleep(0.5)
        with PeakRss(pid) as peak:
            seconds = writers.run(WRITES)
        growth = peak.peak - base
        # Now read: what was in flight arrives, then the watch ends, naming where to resume.
        received = 0
        with pytest.raises(grpc.RpcError) as info:
            for _ in range(WRITES + 1):
                next(stream)
                received += 1
        err = info.value
        assert err.code() == C.RESOURCE_EXHAUSTED, err.details()
        assert "fell behind" in (err.details() or "") and "watch again from resourceVersion" in (err.details() or "")
        assert received < WRITES  # it was ended, not just slow
        stream.cancel()  # type: ignore[attr-defined]
        after = settle(pid, base + MiB)
        _figures(
            "grpc stalled watcher",
            writes=WRITES,
            write_seconds=round(seconds, 1),
            base_mib=round(base / MiB, 1),
            peak_growth_mib=round(growth / MiB, 1),
            after_end_mib=round((after - base) / MiB, 1),
            events_in_flight=received,
        )
        assert growth < MAX_GROWTH, f"grew by {growth / MiB:.1f} MiB"
        assert after - base < 4 * MiB, f"{(after - base) / MiB:.1f} MiB above the baseline 5 s after the watch ended"
    finally:
        watch_channel.close()
        writers.close()


def test_stalled_http_watcher_is_bounded_ended_and_released(mem_server: ServerProcess) -> None:
    pid = mem_server.proc.pid  # type: ignore[union-attr]
    writes = 5_000  # ~21 MiB of JSON lines: far past the 8 MiB buffer and the socket buffers
    writers = Writers(mem_server, "stall-http")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        writers.run(1_000)
        time.sleep(0.5)
        base = rss(pid)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)  # before connect: a small window
        sock.settimeout(20)
        sock.connect(("127.0.0.1", mem_server.http_port or 0))
        sock.sendall(f"GET {GV}/namespaces/stall-http/projects?watch=true HTTP/1.1\r\nHost: t\r\n\r\n".encode())
        time.sleep(0.5)
        with PeakRss(pid) as peak:
            seconds = writers.run(writes)
        growth = peak.peak - base
        # Now read: the stream ends (chunked terminator), as a Kubernetes API server ends a slow watch.
        data = bytearray()
        end = time.monotonic() + 30
        while not data.endswith(b"\r\n0\r\n\r\n") and time.monotonic() < end:
            chunk = sock.recv(1 << 20)
            if not chunk:
                break
            data += chunk
        assert data.startswith(b"HTTP/1.1 200"), bytes(data[:200])
        assert data.endswith(b"\r\n0\r\n\r\n"), "the watch stream did not end"
        received = data.count(b'"type":"')
        assert b'"type":"ERROR"' not in data
        assert received < writes
        sock.close()
        after = settle(pid, base + MiB)
        _figures(
            "http stalled watcher",
            writes=writes,
            write_seconds=round(seconds, 1),
            peak_growth_mib=round(growth / MiB, 1),
            after_end_mib=round((after - base) / MiB, 1),
            events_in_flight=received,
        )
        assert growth < MAX_GROWTH, f"grew by {growth / MiB:.1f} MiB"
        assert after - base < 4 * MiB, f"{(after - base) / MiB:.1f} MiB above the baseline 5 s after the watch ended"
    finally:
        sock.close()
        writers.close()


# -- the bound on concurrent watches ----------------------------------------


def _grpc_watch(channel: grpc.Channel, ns: str) -> Iterator[object]:
    """A started gRPC watch: its first event (the synthetic ADDED of `ns`'s object) is read."""
    stream = Stub(channel).WatchProjects(_watch_request(ns, timeout_seconds=60), timeout=60)
    next(stream)
    return stream  # type: ignore[no-any-return]


def _eventually(check: Callable[[], bool], seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() >= end:
            return False
        time.sleep(0.05)
    return True


def test_max_watches_over_grpc_and_http(limited_server: ServerProcess) -> None:
    ns = "limits"
    channel = grpc.insecure_channel(limited_server.target)
    http = httpx.Client(base_url=f"http://127.0.0.1:{limited_server.http_port}", timeout=10)
    url = f"{GV}/namespaces/{ns}/projects"
    try:
        Stub(channel).CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "x")), timeout=10)
        first, second = _grpc_watch(channel, ns), _grpc_watch(channel, ns)
        with http.stream("GET", url, params={"watch": "true"}) as third:
            assert third.status_code == 200
            lines = third.iter_lines()  # kept: a discarded line iterator closes the response
            assert json.loads(next(lines))["type"] == "ADDED"
            # All 3 slots taken: gRPC and HTTP are both refused at once, with a retry delay.
            started = time.monotonic()
            err = rpc_error(lambda: next(Stub(channel).WatchProjects(_watch_request(ns), timeout=10)))
            assert time.monotonic() - started < 1.0
            assert err.code() == C.RESOURCE_EXHAUSTED
            assert "at most 3 concurrent watches" in (err.details() or "")
            assert _retry_delay_ms(err) == 1000
            r = http.get(url, params={"watch": "true"})
            assert r.status_code == 429
            assert r.headers["retry-after"] == "1"
            body = r.json()
            assert body["reason"] == "TooManyRequests" and body["details"]["retryAfterSeconds"] == 1
            assert "at most 3 concurrent watches" in body["message"]
            # Unary calls are not limited.
            assert http.get(f"{url}/x").status_code == 200
        # The HTTP watch ended: its slot comes back.
        assert _eventually(lambda: _try_watch(channel, ns))
        first.cancel()  # type: ignore[attr-defined]
        second.cancel()  # type: ignore[attr-defined]
        # Refused and failed watches took no slot for good: three fit again, and not four.
        assert _eventually(lambda: _count_watches(channel, ns, 4) == 3)
    finally:
        http.close()
        channel.close()


def _try_watch(channel: grpc.Channel, ns: str) -> bool:
    try:
        stream = _grpc_watch(channel, ns)
    except grpc.RpcError as e:
        assert e.code() == C.RESOURCE_EXHAUSTED
        return False
    stream.cancel()  # type: ignore[attr-defined]
    return True


def _count_watches(channel: grpc.Channel, ns: str, n: int) -> int:
    """How many of `n` watches opened at once start; all are cancelled before returning."""
    streams = []
    try:
        for _ in range(n):
            try:
                streams.append(_grpc_watch(channel, ns))
            except grpc.RpcError as e:
                assert e.code() == C.RESOURCE_EXHAUSTED
        return len(streams)
    finally:
        for s in streams:
            s.cancel()  # type: ignore[attr-defined]
        time.sleep(0.2)  # let the server see the cancellations before the next attempt


# -- a too new resourceVersion on watch ---------------------------------------


def test_watch_at_a_too_new_version_waits_then_deadline_exceeded(limited_server: ServerProcess) -> None:
    ns = "toonew"
    channel = grpc.insecure_channel(limited_server.target)
    try:
        stub = Stub(channel)
        p = stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "a")), timeout=10)
        future = str(int(p.metadata.resource_version) + 1000)
        started = time.monotonic()
        err = rpc_error(lambda: next(stub.WatchProjects(_watch_request(ns, future), timeout=10)))
        took = time.monotonic() - started
        assert err.code() == C.DEADLINE_EXCEEDED, err.details()
        assert "Too large resource version" in (err.details() or "")
        assert 0.8 <= took < 3.0
        assert _retry_delay_ms(err) == 1000
        # A version the store reaches during the wait is served from there, as Get / List are.
        soon = str(int(p.metadata.resource_version) + 1)
        stream = stub.WatchProjects(_watch_request(ns, soon, timeout_seconds=10), timeout=10)
        time.sleep(0.2)
        b = stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "b")), timeout=10)
        c = stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "c")), timeout=10)
        ev = next(stream)
        assert (ev.object.metadata.name, ev.object.metadata.resource_version) == ("c", c.metadata.resource_version)
        assert b.metadata.resource_version == soon
        stream.cancel()  # type: ignore[attr-defined]
    finally:
        channel.close()


@pytest.mark.parametrize("kind", ["watch", "list", "get"])
def test_http_too_new_version_is_504_with_the_kubernetes_cause_and_retry_after(
    limited_server: ServerProcess, kind: str
) -> None:
    ns = f"toonew-{kind}"
    with httpx.Client(base_url=f"http://127.0.0.1:{limited_server.http_port}", timeout=10) as http:
        url = f"{GV}/namespaces/{ns}/projects"
        created = http.post(url, json={"metadata": {"name": "a"}, "spec": {"owningTeam": "ml"}})
        assert created.status_code == 201
        future = str(int(created.json()["metadata"]["resourceVersion"]) + 1000)
        params = {"resourceVersion": future}
        if kind == "watch":
            params["watch"] = "true"
        started = time.monotonic()
        r = http.get(f"{url}/a" if kind == "get" else url, params=params)
        assert 0.8 <= time.monotonic() - started < 3.0
        assert r.status_code == 504, r.text
        assert r.headers["retry-after"] == "1"
        body = r.json()
        assert body["reason"] == "Timeout"
        assert body["message"].startswith("Timeout: Too large resource version")
        assert body["details"]["retryAfterSeconds"] == 1
        assert [c["reason"] for c in body["details"]["causes"]] == ["ResourceVersionTooLarge"]
        assert body["details"]["causes"][0]["message"] == "Too large resource version"


# -- the SDK resumes a watch the server ended for falling behind --------------


@pytest.fixture(scope="module")
def small_buffer_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("watchsmall")
    srv = ServerProcess("memory://", d / "server.log", "--watch-buffer-bytes", "65536").start()
    try:
        yield srv
    finally:
        srv.stop()


def test_python_sdk_watch_resumes_after_falling_behind_and_loses_nothing(small_buffer_server: ServerProcess) -> None:
    ns, writes = "sdk-resume", 2_000  # ~8 MiB: past what gRPC lets in flight (~4 MiB) plus the 64 KiB buffer
    writers = Writers(small_buffer_server, ns)
    control = ControlClient(writers.channels[0])
    control("Reset", {})
    try:
        # The version after the writers' creates: the watch starts there.
        listed = writers.stubs[0].ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns), timeout=10)
        rv = int(listed.metadata.resource_version)
        config = ClientConfig(target=small_buffer_server.target, tls=False)
        with Client(config=config) as client, client.projects.watch(namespace=ns, resource_version=str(rv)) as w:
            events = iter(w)
            first = project(ns, "first")
            writers.stubs[0].CreateProject(project_svc_pb2.CreateProjectRequest(project=first), timeout=10)
            got = [int(next(events).object.metadata.resource_version)]  # the stream is open now
            writers.run(writes)  # and reads nothing meanwhile

            def read() -> None:
                for _ in range(writes):
                    got.append(int(next(events).object.metadata.resource_version))

            reader = threading.Thread(target=read, daemon=True)
            reader.start()
            reader.join(30)  # bounded: the `with` closes the watch (from this thread) if it is stuck
        assert got == list(range(rv + 1, rv + writes + 2))  # every write once, in order
        calls = control("Calls", {"method": "/michelangelo.api.v2.ProjectService/WatchProjects"})["calls"]
        codes = [c["code"] for c in calls]  # type: ignore[index]
        assert "RESOURCE_EXHAUSTED" in codes, codes  # it was ended for falling behind, and resumed
        _figures("sdk resume", writes=writes, watch_calls=len(codes), ended_too_slow=codes.count("RESOURCE_EXHAUSTED"))
    finally:
        writers.close()


def test_a_watch_slot_is_given_back_on_every_path() -> None:
    """In process: opened and closed before its first event, ended by an error, refused."""

    async def body() -> None:
        state = build_app(MemoryStorage(), max_watches=1)
        handler, limits = state.handler("Project"), state.watch_limits
        assert limits is not None
        stream = await handler.open_watch(_watch_request("slots"))
        assert limits.active == 1
        with pytest.raises(ApiError) as err:
            await handler.open_watch(_watch_request("slots"))
        assert err.value.code == C.RESOURCE_EXHAUSTED and err.value.retry_delay_ms == 1000
        await stream.aclose()  # never iterated
        assert limits.active == 0
        with pytest.raises(ApiError):  # failed after taking a slot: it is given back
            await handler.open_watch(_watch_request("slots", "1"))  # the store is at 0: too new, 1 s
        assert limits.active == 0
        stream = await handler.open_watch(_watch_request("slots", timeout_seconds=1))
        assert [ev async for ev in stream] == []  # ends by its timeout
        assert limits.active == 0
        await state.storage.close()

    asyncio.run(asyncio.wait_for(body(), 20))

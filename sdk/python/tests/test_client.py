"""The generated sync client against a real ma-server: CRUD, errors, retries, deadlines, pagination, watch."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from client_server import Control, Server, method, project, running_server, unique

from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_pb2
from michelangelo.api.v2.client import (
    DEFAULT_CONFLICT_RETRY,
    NO_RETRY,
    AlreadyExists,
    Client,
    ClientConfig,
    Conflict,
    DeadlineExceeded,
    Expired,
    FailedPrecondition,
    FieldViolation,
    Invalid,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    Retry,
    Unavailable,
    Watch,
    retry_on_conflict,
)

FAST = Retry(initial=0.01, maximum=0.05, attempts=5)
GET = method("Projects", "Get")
CREATE = method("Projects", "Create")
LIST = method("Projects", "List")
WATCH = method("Projects", "Watch")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server("--bookmark-interval", "0.3") as s:
        yield s


@pytest.fixture(scope="module")
def control(server: Server) -> Iterator[Control]:
    c = Control(server.address)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _reset(control: Control) -> Iterator[None]:
    control.reset()
    yield
    control.reset()


@pytest.fixture
def ns() -> str:
    return unique("ns")


@pytest.fixture
def client(server: Server, ns: str) -> Iterator[Client]:
    with Client(
        config=ClientConfig(target=server.address, tls=False, default_namespace=ns, timeout=10.0, retry=FAST)
    ) as c:
        yield c


def take(
    watch: Watch[project_pb2.ProjectWatchEvent], n: int, timeout: float = 10.0
) -> list[project_pb2.ProjectWatchEvent]:
    """The first n events of a watch; closes it after `timeout` so a test never hangs."""
    timer = threading.Timer(timeout, watch.close)
    timer.start()
    out: list[project_pb2.ProjectWatchEvent] = []
    try:
        for event in watch:
            out.append(event)
            if len(out) == n:
                break
    finally:
        timer.cancel()
    return out


# -- CRUD -------------------------------------------------------------------


def test_crud(client: Client, ns: str) -> None:
    created = client.projects.create(project("eta"))  # namespace from the config's default
    assert created.metadata.namespace == ns
    assert created.metadata.uid and created.metadata.resource_version
    got = client.projects.get("eta")
    assert got == created
    got.spec.description = "ETA prediction"
    updated = client.projects.update(got)
    assert updated.spec.description == "ETA prediction"
    assert updated.metadata.generation == created.metadata.generation + 1
    updated.status.model_count = 3
    with_status = client.projects.update_status(updated)
    assert with_status.status.model_count == 3
    dry = client.projects.delete("eta", dry_run=True)
    assert dry.metadata.name == "eta"
    assert client.projects.get("eta").metadata.uid == created.metadata.uid
    client.projects.delete("eta", uid=created.metadata.uid)
    with pytest.raises(NotFound):
        client.projects.get("eta")


def test_create_dry_run_does_not_store(client: Client) -> None:
    client.projects.create(project("dry"), dry_run=True)
    with pytest.raises(NotFound):
        client.projects.get("dry")


def test_delete_collection_and_selectors(client: Client) -> None:
    for i in range(5):
        client.projects.create(project(f"p{i}", tier="gold" if i % 2 else "silver"))
    gold = sorted(p.metadata.name for p in client.projects.list(label_selector="tier=gold"))
    assert gold == ["p1", "p3"]
    ordered = [p.metadata.name for p in client.projects.list(order_by=["-metadata.name"])]
    assert ordered == ["p4", "p3", "p2", "p1", "p0"]
    deleted = client.projects.delete_collection(label_selector="tier=silver")
    assert sorted(p.metadata.name for p in deleted.items) == ["p0", "p2", "p4"]
    assert sorted(p.metadata.name for p in client.projects.list()) == ["p1", "p3"]


def test_namespace_required(server: Server) -> None:
    with Client(config=ClientConfig(target=server.address, tls=False)) as c:
        with pytest.raises(ValueError, match="no namespace given"):
            c.projects.get("x")
        with pytest.raises(ValueError, match="default_namespace"):
            c.projects.create(project("x"))


# -- errors -----------------------------------------------------------------


def test_error_types(client: Client, ns: str) -> None:
    with pytest.raises(NotFound) as nf:
        client.projects.get("missing")
    assert "not found" in nf.value.message
    created = client.projects.create(project("dup"))
    with pytest.raises(AlreadyExists):
        client.projects.create(project("dup"))
    stale = project_pb2.Project()
    stale.CopyFrom(created)
    created.spec.description = "first"
    client.projects.update(created)  # bumps the version
    stale.spec.description = "late"
    with pytest.raises(Conflict):
        client.projects.update(stale)
    with pytest.raises(FailedPrecondition):
        client.projects.delete("dup", uid="00000000-0000-0000-0000-000000000000")
    bad = project("bad")
    bad.spec.owning_team = ""
    with pytest.raises(Invalid) as inv:
        client.projects.create(bad, validate=False)  # the server's verdict
    assert FieldViolation("spec.owningTeam", "required") in inv.value.details
    assert "spec.owningTeam: required" in inv.value.message
    assert not inv.value.retryable


def test_client_side_validation_matches_server(client: Client, control: Control) -> None:
    bad = project("Bad_Name")
    bad.spec.owning_team = ""
    bad.spec.tier = "gold"
    bad.spec.git_repo = "not a uri"
    bad.spec.quota.max_gpu = 5000
    bad.spec.notification_emails.extend([f"a{i}@x.io" for i in range(33)])
    bad.metadata.labels["bad key!"] = "v"
    with pytest.raises(Invalid) as server_side:
        client.projects.create(bad, validate=False)
    control.fail(CREATE, code="UNAVAILABLE", times=1)  # a call would fail with Unavailable
    with pytest.raises(Invalid) as client_side:
        client.projects.create(bad)
    assert client_side.value.message == server_side.value.message
    assert client_side.value.details == server_side.value.details
    paths = [v.field for v in client_side.value.details]
    assert "spec.owningTeam" in paths and "metadata.name" in paths and "spec.quota.maxGpu" in paths
    with pytest.raises(Unavailable):  # the injected failure was not consumed: no call was made
        client.projects.create(bad, validate=False, retry=NO_RETRY)


def test_update_status_validates_status_only(client: Client) -> None:
    created = client.projects.create(project("st"))
    created.spec.owning_team = ""  # spec rules are not checked by UpdateStatus
    created.status.model_count = 1
    assert client.projects.update_status(created).status.model_count == 1


# -- retries and deadlines --------------------------------------------------


def test_retry_on_unavailable(client: Client, control: Control) -> None:
    client.projects.create(project("r"))
    control.fail(GET, times=2)
    assert client.projects.get("r").metadata.name == "r"
    control.fail(GET, times=1)
    with pytest.raises(Unavailable):
        client.projects.get("r", retry=NO_RETRY)
    control.fail(GET, times=10)
    with pytest.raises(Unavailable):  # budget of 3 attempts spent
        client.projects.get("r", retry=FAST.with_(attempts=3))
    control.reset()
    control.fail(GET, code="RESOURCE_EXHAUSTED", times=1)  # no RetryInfo: a limit, not a pause
    with pytest.raises(ResourceExhausted):
        client.projects.get("r")
    assert client.projects.get("r").metadata.name == "r"  # one attempt used the one injected failure


def test_create_is_retried_like_other_writes(client: Client, control: Control) -> None:
    control.fail(CREATE, times=2)
    assert client.projects.create(project("once")).metadata.name == "once"
    assert [p.metadata.name for p in client.projects.list()] == ["once"]
    control.fail(CREATE, times=1)
    with pytest.raises(Unavailable):  # NO_RETRY still means one attempt
        client.projects.create(project("twice"), retry=NO_RETRY)
    with pytest.raises(NotFound):
        client.projects.get("twice")


def test_deadline_exceeded(client: Client, control: Control) -> None:
    client.projects.create(project("slow"))
    control.delay(GET, seconds=1.0)
    with pytest.raises(DeadlineExceeded):
        client.projects.get("slow", timeout=0.2)


def test_retry_on_conflict_with_threads(client: Client) -> None:
    client.projects.create(project("counter", count="0"))
    policy = Retry(initial=0.005, maximum=0.2, attempts=200)

    def increment() -> project_pb2.Project:
        current = client.projects.get("counter")
        current.metadata.labels["count"] = str(int(current.metadata.labels["count"]) + 1)
        return client.projects.update(current)

    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(20):
                retry_on_conflict(increment, retry=policy)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert client.projects.get("counter").metadata.labels["count"] == "160"


def test_retry_on_conflict_uses_full_jitter() -> None:
    assert (DEFAULT_CONFLICT_RETRY.initial, DEFAULT_CONFLICT_RETRY.maximum) == (0.01, 1.0)
    assert (DEFAULT_CONFLICT_RETRY.multiplier, DEFAULT_CONFLICT_RETRY.attempts) == (2.0, 10)
    waits: list[float] = []
    calls = 0

    def always_conflict() -> None:
        nonlocal calls
        calls += 1
        raise Conflict("stale")

    for _ in range(20):  # every wait within its bound, and spread below it (not the bound itself)
        with pytest.raises(Conflict):
            DEFAULT_CONFLICT_RETRY.with_(codes=frozenset({Conflict.code})).call(always_conflict, sleep=waits.append)
    bounds = [min(1.0, 0.01 * 2**n) for n in range(9)] * 20
    assert calls == 200 and len(waits) == len(bounds)
    assert all(0 <= w <= b for w, b in zip(waits, bounds, strict=True))
    assert sum(waits) < 0.8 * sum(bounds)
    start = time.monotonic()
    with pytest.raises(Conflict):
        retry_on_conflict(always_conflict, retry=DEFAULT_CONFLICT_RETRY.with_(initial=10.0), timeout=0.3)
    assert time.monotonic() - start < 5.0  # a total timeout caps the helper too


def test_retry_on_conflict_gives_up() -> None:
    calls = []

    def always_conflict() -> None:
        calls.append(1)
        raise Conflict("stale")

    with pytest.raises(Conflict):
        retry_on_conflict(always_conflict, retry=Retry(initial=0.0, attempts=4))
    assert len(calls) == 4


# -- pagination -------------------------------------------------------------


def test_list_1000_in_pages_with_per_page_deadline(client: Client, control: Control, ns: str) -> None:
    for i in range(1000):
        client.projects.create(project(f"p{i:04d}"), validate=False)
    pager = client.projects.list(limit=100, timeout=2.0)
    names = [p.metadata.name for p in pager]
    assert len(names) == 1000 and len(set(names)) == 1000
    assert pager.resource_version
    pages = client.projects.list(limit=100, timeout=2.0).pages
    sizes = [len(next(pages).items), len(next(pages).items)]
    assert sizes == [100, 100]
    control.delay(LIST, seconds=3.0)  # page 3 onwards is slower than the per-call timeout
    with pytest.raises(DeadlineExceeded):
        next(pages)
    control.reset()
    assert sum(len(p.items) for p in client.projects.list(limit=100).pages) == 1000


def test_list_all_namespaces(server: Server) -> None:
    a, b = unique("a"), unique("b")
    with Client(config=ClientConfig(target=server.address, tls=False)) as c:
        c.projects.create(project("x", namespace=a))
        c.projects.create(project("x", namespace=b))
        names = {(p.metadata.namespace, p.metadata.name) for p in c.projects.list()}
        assert {(a, "x"), (b, "x")} <= names


# -- watch ------------------------------------------------------------------


@pytest.mark.parametrize("status", ["OK", "UNAVAILABLE"])
def test_watch_resumes_after_dropped_stream(client: Client, control: Control, status: str) -> None:
    start = client.projects.create(project("w0")).metadata.resource_version
    for i in range(1, 11):
        client.projects.create(project(f"w{i}"))
    control.cut_watch(WATCH, after_events=3, status=status, times=2)
    with client.projects.watch(resource_version=start, allow_bookmarks=False) as watch:
        events = take(watch, 10)
    assert [e.object.metadata.name for e in events] == [f"w{i}" for i in range(1, 11)]
    assert all(e.type == list_pb2.ADDED for e in events)


@pytest.mark.parametrize("code", ["UNAVAILABLE", "INTERNAL", "RESOURCE_EXHAUSTED"])
def test_watch_reconnects_after_stream_errors(client: Client, control: Control, code: str) -> None:
    start = client.projects.create(project("r0")).metadata.resource_version
    client.projects.create(project("r1"))
    control.fail(WATCH, code=code, times=2)  # the first two streams end at once with `code`
    with client.projects.watch(resource_version=start, allow_bookmarks=False, retry=Retry(initial=0.01)) as watch:
        events = take(watch, 1)
    assert [e.object.metadata.name for e in events] == ["r1"]


def test_watch_ends_on_other_stream_errors(client: Client, control: Control) -> None:
    start = client.projects.create(project("x0")).metadata.resource_version
    control.fail(WATCH, code="PERMISSION_DENIED", times=1)
    with pytest.raises(PermissionDenied), client.projects.watch(resource_version=start) as watch:
        take(watch, 1)


def test_watch_from_version_zero_lists_first(client: Client) -> None:
    client.projects.create(project("z0"))
    relisted: list[int] = []
    with client.projects.watch(resource_version="0", on_relist=lambda: relisted.append(1)) as watch:
        events = take(watch, 1)
        assert watch.relists == 1
    assert [(e.type, e.object.metadata.name) for e in events] == [(list_pb2.ADDED, "z0")]
    assert relisted == []  # the first list is not a relist


def test_watch_live_events_and_bookmarks(client: Client) -> None:
    client.projects.create(project("live"))
    watch = client.projects.watch()  # lists first: ADDED for "live"
    seen: list[tuple[int, str]] = []

    def produce() -> None:
        threading.Event().wait(0.8)  # long enough for a bookmark (interval 0.3 s)
        obj = client.projects.get("live")
        obj.spec.description = "changed"
        client.projects.update(obj)
        client.projects.delete("live")

    producer = threading.Thread(target=produce)
    producer.start()
    for e in take(watch, 3):
        seen.append((e.type, e.object.metadata.name))
    producer.join(10)
    watch.close()
    assert seen == [(list_pb2.ADDED, "live"), (list_pb2.MODIFIED, "live"), (list_pb2.DELETED, "live")]
    assert watch.relists == 1


def test_watch_relists_after_expired(client: Client, control: Control) -> None:
    old = client.projects.create(project("e0")).metadata.resource_version
    client.projects.create(project("e1"))
    client.projects.delete("e0")
    control.compact()
    relisted: list[int] = []
    with client.projects.watch(resource_version=old, on_relist=lambda: relisted.append(1)) as watch:
        first = take(watch, 1)
        assert [(e.type, e.object.metadata.name) for e in first] == [(list_pb2.ADDED, "e1")]
        assert relisted == [1]
        client.projects.create(project("e2"))
        after = take(watch, 1)
        assert [(e.type, e.object.metadata.name) for e in after] == [(list_pb2.ADDED, "e2")]
    with pytest.raises(Expired):
        take(client.projects.watch(resource_version=old, relist_on_expired=False), 1)


def test_watch_gives_up_after_max_reconnects(client: Client, control: Control) -> None:
    control.fail(WATCH, times=100)
    watch = client.projects.watch(resource_version="1", max_reconnects=2, retry=Retry(initial=0.01))
    with pytest.raises(Unavailable):
        take(watch, 1)


def test_watch_close_from_another_thread(client: Client) -> None:
    watch = client.projects.watch()
    threading.Timer(0.3, watch.close).start()
    assert list(watch) == []


# -- the README example -----------------------------------------------------


def test_quickstart_example_runs(server: Server) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "quickstart.py"
    env = {**os.environ, "MA_SERVER_ADDR": server.address}
    for _ in range(2):  # re-runnable: the project may already exist
        out = subprocess.run([sys.executable, str(example)], env=env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert "pipeline run train-eta-1: ADDED" in out.stdout

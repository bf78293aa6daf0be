"""Watch: resume from a resourceVersion, compaction, bookmarks, selector transitions, CutWatch."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import grpc
import pytest
from api_helpers import project, rpc_error
from api_server import ControlClient

from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc

C = grpc.StatusCode
Stub = project_svc_pb2_grpc.ProjectServiceStub
WATCH = "/michelangelo.api.v2.ProjectService/WatchProjects"


@pytest.fixture
def projects(channel: grpc.Channel) -> Stub:
    return Stub(channel)


def watch(stub: Stub, ns: str, **opts: object) -> Iterator[project_pb2.ProjectWatchEvent]:
    opts.setdefault("timeout_seconds", 20)
    return stub.WatchProjects(  # type: ignore[no-any-return]
        project_svc_pb2.WatchProjectsRequest(namespace=ns, options=list_pb2.WatchOptions(**opts)), timeout=30
    )


def collect(
    stream: Iterator[project_pb2.ProjectWatchEvent], n: int, skip_bookmarks: bool = True
) -> list[tuple[str, str, str]]:
    out = []
    for ev in stream:
        if skip_bookmarks and ev.type == list_pb2.BOOKMARK:
            continue
        out.append(
            (list_pb2.WatchEventType.Name(ev.type), ev.object.metadata.name, ev.object.metadata.resource_version)
        )
        if len(out) == n:
            break
    stream.cancel()  # type: ignore[attr-defined]
    return out


def test_watch_from_resource_version_exactly_once_in_order(projects: Stub, ns: str, server_backend: str) -> None:
    first = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "w0")))
    start = first.metadata.resource_version
    expected = []
    for i in range(1, 21):
        p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, f"w{i}")))
        expected.append(("ADDED", f"w{i}", p.metadata.resource_version))
        p.spec.description = "x"
        u = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p))
        expected.append(("MODIFIED", f"w{i}", u.metadata.resource_version))
    d = projects.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="w3"))
    # Kubernetes answers a delete with a Status, so the response carries the last stored version,
    # and only the watch sees the deletion's own.
    deleted_rv = "" if server_backend == "kubernetes" else d.metadata.resource_version
    expected.append(("DELETED", "w3", deleted_rv))
    # Events after `start` only (w0's ADDED is at `start` itself), then live ones.
    stream = watch(projects, ns, resource_version=start)
    live = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "live")))
    expected.append(("ADDED", "live", live.metadata.resource_version))
    got = collect(stream, len(expected))
    if server_backend == "kubernetes":
        deleted = next(i for i, e in enumerate(got) if e[0] == "DELETED")
        assert int(got[deleted][2]) > int(d.metadata.resource_version)
        expected[deleted] = got[deleted]
    assert got == expected
    revs = [int(r) for _, _, r in got]
    assert revs == sorted(revs) and len(set(revs)) == len(revs)


def test_watch_from_now_sends_synthetic_added(projects: Stub, ns: str) -> None:
    for i in range(3):
        projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, f"s{i}")))
    stream = watch(projects, ns)
    projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "s9")))
    got = collect(stream, 4)
    assert [(t, n) for t, n, _ in got] == [("ADDED", "s0"), ("ADDED", "s1"), ("ADDED", "s2"), ("ADDED", "s9")]


def test_watch_selector_transitions(projects: Stub, ns: str) -> None:
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "t", labels={"env": "dev"})))
    stream = watch(projects, ns, resource_version=p.metadata.resource_version, label_selector="env=prod")
    p.metadata.labels["env"] = "prod"
    p = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p))
    p.spec.description = "still prod"
    p = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p))
    p.metadata.labels["env"] = "dev"
    p = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p))
    got = collect(stream, 3)
    assert [t for t, _, _ in got] == ["ADDED", "MODIFIED", "DELETED"]
    assert got[-1][2] == p.metadata.resource_version


def test_watch_too_old_after_compaction(projects: Stub, control: ControlClient, ns: str, server_backend: str) -> None:
    if server_backend == "kubernetes":
        # kube-apiserver compacts its etcd itself: the control says so instead of compacting.
        err = rpc_error(lambda: control("Compact", {}))
        assert err.code() == C.FAILED_PRECONDITION and "kube-apiserver" in (err.details() or "")
        return
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "old")))
    old_rv = int(p.metadata.resource_version)
    p.spec.description = "newer"
    projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p))
    result = control("Compact", {})
    assert int(str(result["compacted"])) > old_rv
    stream = watch(projects, ns, resource_version=str(old_rv))
    err = rpc_error(lambda: next(iter(stream)))
    assert err.code() == C.OUT_OF_RANGE and "too old" in (err.details() or "")


def test_watch_bookmarks(projects: Stub, ns: str) -> None:
    # The shared test server sends bookmarks every second (--bookmark-interval 1).
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "bm")))
    stream = watch(projects, ns, resource_version=p.metadata.resource_version, allow_bookmarks=True, timeout_seconds=10)
    start = time.monotonic()
    bookmarks = []
    for ev in stream:
        if ev.type == list_pb2.BOOKMARK:
            bookmarks.append(ev)
            if len(bookmarks) == 2:
                break
    stream.cancel()  # type: ignore[attr-defined]
    assert len(bookmarks) == 2 and time.monotonic() - start < 5
    bm = bookmarks[0].object
    assert bm.metadata.resource_version == p.metadata.resource_version
    assert not bm.metadata.name and not bm.HasField("spec")


def test_watch_timeout_ends_cleanly(projects: Stub, ns: str) -> None:
    start = time.monotonic()
    events = list(watch(projects, ns, timeout_seconds=1))
    assert events == [] and 0.9 < time.monotonic() - start < 5


def test_cut_watch(projects: Stub, control: ControlClient, ns: str) -> None:
    for i in range(5):
        projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, f"c{i}")))
    control("CutWatch", {"method": WATCH, "after_events": 2, "status": "OK"})
    assert len(list(watch(projects, ns))) == 2  # clean end of stream after 2 events
    control("CutWatch", {"method": WATCH, "after_events": 3, "status": "UNAVAILABLE"})
    got: list[str] = []

    def consume() -> None:
        for ev in watch(projects, ns):
            got.append(ev.object.metadata.name)

    err = rpc_error(consume)
    assert err.code() == C.UNAVAILABLE and len(got) == 3
    # The cut applied once; the next watch is normal again.
    assert len(collect(watch(projects, ns), 5)) == 5


def test_watch_ends_unavailable_on_shutdown(tmp_path: object) -> None:
    from pathlib import Path

    from api_server import ServerProcess

    srv = ServerProcess("memory://", Path(str(tmp_path)) / "server.log").start()
    try:
        with grpc.insecure_channel(srv.target) as ch:
            stub = Stub(ch)
            stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project("ns", "x")))
            stream = watch(stub, "ns")
            assert next(iter(stream)).type == list_pb2.ADDED
            timer = threading.Timer(0.2, srv.stop)
            timer.start()
            err = rpc_error(lambda: list(stream))
            timer.join()
            assert err.code() == C.UNAVAILABLE
            assert srv.proc is not None and srv.proc.wait(10) == 0
    finally:
        srv.stop()

"""Idempotency keys end to end: real ma-server processes (memory and SQLite), gRPC and HTTP."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from api_helpers import project, rpc_error
from api_server import ControlClient, ServerProcess

from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc

C = grpc.StatusCode
Stub = project_svc_pb2_grpc.ProjectServiceStub
UPDATE = "/michelangelo.api.v2.ProjectService/UpdateProject"
GV = "/apis/michelangelo.api/v2"


def key(k: str, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (("idempotency-key", k), *extra)


@pytest.fixture(params=["memory", "sqlite"])
def srv(request: pytest.FixtureRequest) -> ServerProcess:
    """The shared memory or SQLite server of conftest."""
    name = "server" if request.param == "memory" else "sqlite_server"
    s: ServerProcess = request.getfixturevalue(name)
    return s


@pytest.fixture
def stub(srv: ServerProcess) -> Iterator[Stub]:
    with grpc.insecure_channel(srv.target) as ch:
        yield Stub(ch)


@pytest.fixture
def ctl(srv: ServerProcess) -> Iterator[ControlClient]:
    with grpc.insecure_channel(srv.target) as ch:
        c = ControlClient(ch)
        c("Reset", {})
        try:
            yield c
        finally:
            c("Reset", {})


def create(stub: Stub, ns: str, name: str, **kw: Any) -> project_pb2.Project:
    p: project_pb2.Project = stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, name)), **kw)
    return p


def updated(ns: str, name: str, team: str) -> project_svc_pb2.UpdateProjectRequest:
    """An unconditional update (no resourceVersion) changing the spec."""
    return project_svc_pb2.UpdateProjectRequest(project=project(ns, name, team=team))


def events_after(stub: Stub, ns: str, rv: str) -> list[str]:
    """Every watch event of the namespace after `rv`, collected for one second."""
    stream = stub.WatchProjects(
        project_svc_pb2.WatchProjectsRequest(
            namespace=ns, options=list_pb2.WatchOptions(resource_version=rv, timeout_seconds=1)
        ),
        timeout=10,
    )
    return [f"{ev.type} {ev.object.metadata.name}" for ev in stream]


def test_update_repeat_returns_the_recorded_object_and_applies_nothing(stub: Stub, ns: str) -> None:
    create(stub, ns, "p")
    first = stub.UpdateProject(updated(ns, "p", "t2"), metadata=key("u-1"))
    assert first.metadata.generation == 2
    again = stub.UpdateProject(updated(ns, "p", "t2"), metadata=key("u-1"))
    assert again == first  # resourceVersion as recorded
    now = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="p"))
    assert (now.metadata.generation, now.metadata.resource_version) == (2, first.metadata.resource_version)
    assert events_after(stub, ns, first.metadata.resource_version) == []
    # Without a key the same update is a new call (here: a no-op, spec unchanged).
    assert stub.UpdateProject(updated(ns, "p", "t2")).metadata.resource_version == first.metadata.resource_version


def test_update_retried_after_a_lost_response_applies_once(stub: Stub, ctl: ControlClient, ns: str) -> None:
    create(stub, ns, "p")
    ctl("LoseResponse", {"method": UPDATE, "code": "UNAVAILABLE", "times": 1})
    err = rpc_error(lambda: stub.UpdateProject(updated(ns, "p", "t2"), metadata=key("lost")))
    assert err.code() == C.UNAVAILABLE
    retried = stub.UpdateProject(updated(ns, "p", "t2"), metadata=key("lost"))
    assert retried.metadata.generation == 2 and retried.spec.owning_team == "t2"
    calls = ctl("Calls", {"method": UPDATE})["calls"]
    assert [c["code"] for c in calls] == ["UNAVAILABLE", "OK"]  # type: ignore[index]
    assert events_after(stub, ns, retried.metadata.resource_version) == []


def test_conditional_update_retried_after_commit_is_no_conflict(stub: Stub, ctl: ControlClient, ns: str) -> None:
    p = create(stub, ns, "p")
    p.spec.owning_team = "t2"
    req = project_svc_pb2.UpdateProjectRequest(project=p)  # carries the resourceVersion it read
    ctl("LoseResponse", {"method": UPDATE, "times": 1})
    assert rpc_error(lambda: stub.UpdateProject(req, metadata=key("c"))).code() == C.UNAVAILABLE
    assert stub.UpdateProject(req, metadata=key("c")).metadata.generation == 2  # not ABORTED


def test_delete_repeat_succeeds(stub: Stub, ns: str) -> None:
    create(stub, ns, "p")
    req = project_svc_pb2.DeleteProjectRequest(namespace=ns, name="p")
    first = stub.DeleteProject(req, metadata=key("d"))
    assert stub.DeleteProject(req, metadata=key("d")) == first  # not NOT_FOUND
    assert rpc_error(lambda: stub.DeleteProject(req)).code() == C.NOT_FOUND  # unkeyed: a new call


def test_create_repeat_returns_the_same_object(stub: Stub, ns: str) -> None:
    first = create(stub, ns, "p", metadata=key("c"))
    again = create(stub, ns, "p", metadata=key("c"))
    assert again.metadata.uid == first.metadata.uid and again == first  # not ALREADY_EXISTS
    assert rpc_error(lambda: create(stub, ns, "p")).code() == C.ALREADY_EXISTS


def test_update_status_and_delete_collection_repeat(stub: Stub, ns: str) -> None:
    p = create(stub, ns, "p")
    create(stub, ns, "q")
    p.status.model_count = 3
    p.metadata.resource_version = ""
    req = project_svc_pb2.UpdateProjectStatusRequest(project=p)
    first = stub.UpdateProjectStatus(req, metadata=key("s"))
    assert stub.UpdateProjectStatus(req, metadata=key("s")) == first
    dc = project_svc_pb2.DeleteProjectCollectionRequest(namespace=ns)
    gone = stub.DeleteProjectCollection(dc, metadata=key("dc"))
    assert sorted(o.metadata.name for o in gone.items) == ["p", "q"]
    assert stub.DeleteProjectCollection(dc, metadata=key("dc")) == gone  # recorded, not an empty list
    assert stub.DeleteProjectCollection(dc).items == []


def test_update_removing_the_last_finalizer_repeats_the_deletion(stub: Stub, ctl: ControlClient, ns: str) -> None:
    p = project(ns, "p")
    p.metadata.finalizers.append("example.com/hold")
    stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=p))
    stub.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="p"))  # marks it
    req = project_svc_pb2.UpdateProjectRequest(project=project(ns, "p"))  # no finalizers left
    ctl("LoseResponse", {"method": UPDATE, "times": 1})
    assert rpc_error(lambda: stub.UpdateProject(req, metadata=key("f"))).code() == C.UNAVAILABLE
    gone = stub.UpdateProject(req, metadata=key("f"))  # not NOT_FOUND: the recorded deletion
    assert gone.metadata.HasField("deletion_timestamp") and not gone.metadata.finalizers
    get = project_svc_pb2.GetProjectRequest(namespace=ns, name="p")
    assert rpc_error(lambda: stub.GetProject(get)).code() == C.NOT_FOUND


def test_same_key_other_request_is_invalid_argument(stub: Stub, srv: ServerProcess, ns: str) -> None:
    create(stub, ns, "p")
    stub.UpdateProject(updated(ns, "p", "t2"), metadata=key("m"))
    err = rpc_error(lambda: stub.UpdateProject(updated(ns, "p", "t3"), metadata=key("m")))
    assert err.code() == C.INVALID_ARGUMENT
    assert "idempotency key 'm' was used with a different request" in (err.details() or "")
    # The same key on another method is another record.
    stub.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="p"), metadata=key("m"))
    with httpx.Client(base_url=f"http://127.0.0.1:{srv.http_port}", timeout=10) as http:
        path = f"{GV}/namespaces/{ns}/projects"
        body = {"metadata": {"name": "h"}, "spec": {"owningTeam": "a"}}
        assert http.post(path, json=body, headers={"Idempotency-Key": "h"}).status_code == 201
        other = {"metadata": {"name": "h"}, "spec": {"owningTeam": "b"}}
        r = http.post(path, json=other, headers={"Idempotency-Key": "h"})
        assert r.status_code == 422 and "was used with a different request" in r.json()["message"]


def test_http_keyed_writes_repeat(srv: ServerProcess, stub: Stub, ns: str) -> None:
    with httpx.Client(base_url=f"http://127.0.0.1:{srv.http_port}", timeout=10) as http:
        path = f"{GV}/namespaces/{ns}/projects"
        body = {"metadata": {"name": "h"}, "spec": {"owningTeam": "a"}}
        first = http.post(path, json=body, headers={"Idempotency-Key": "k1"})
        again = http.post(path, json=body, headers={"Idempotency-Key": "k1"})
        assert first.status_code == again.status_code == 201
        assert again.json()["metadata"]["uid"] == first.json()["metadata"]["uid"]
        # A merge PATCH retried with its key is applied once (generation +1, not +2).
        patch = {"spec": {"owningTeam": "b"}}
        hdrs = {"Idempotency-Key": "k2", "Content-Type": "application/merge-patch+json"}
        p1 = http.patch(f"{path}/h", json=patch, headers=hdrs)
        p2 = http.patch(f"{path}/h", json=patch, headers=hdrs)
        assert p1.status_code == p2.status_code == 200 and p1.json() == p2.json()
        assert p2.json()["metadata"]["generation"] == 2
        d1 = http.delete(f"{path}/h", headers={"Idempotency-Key": "k3"})
        d2 = http.delete(f"{path}/h", headers={"Idempotency-Key": "k3"})
        assert d1.status_code == d2.status_code == 200
        assert http.delete(f"{path}/h").status_code == 404
        # HTTP and gRPC agree on "the same request": one record for both transports.
        grpc_first = stub.CreateProject(
            project_svc_pb2.CreateProjectRequest(project=project(ns, "x", team="a")), metadata=key("both")
        )
        via_http = http.post(
            path, json={"metadata": {"name": "x", "namespace": ns}, "spec": {"owningTeam": "a"}},
            headers={"Idempotency-Key": "both"},
        )  # fmt: skip
        assert via_http.status_code == 201 and via_http.json()["metadata"]["uid"] == grpc_first.metadata.uid


def test_malformed_keys_are_invalid_argument(stub: Stub, srv: ServerProcess, ns: str) -> None:
    create(stub, ns, "p")
    err = rpc_error(lambda: stub.UpdateProject(updated(ns, "p", "t2"), metadata=key("k" * 129)))
    assert err.code() == C.INVALID_ARGUMENT and "idempotency-key" in (err.details() or "")
    assert stub.UpdateProject(updated(ns, "p", "t2"), metadata=key("k" * 128)).metadata.generation == 2
    # Reads ignore a key.
    get = project_svc_pb2.GetProjectRequest(namespace=ns, name="p")
    assert stub.GetProject(get, metadata=key("k" * 200)).metadata.name == "p"
    with httpx.Client(base_url=f"http://127.0.0.1:{srv.http_port}", timeout=10) as http:
        path = f"{GV}/namespaces/{ns}/projects"
        body = {"metadata": {"name": "h"}, "spec": {"owningTeam": "a"}}
        for bad in (b"", b"x" * 129, "caf\u00e9".encode("latin-1")):
            r = http.post(path, json=body, headers={"Idempotency-Key": bad})
            assert r.status_code == 422 and "Idempotency-Key header" in r.json()["message"], bad


def test_dry_run_is_not_recorded(stub: Stub, ns: str) -> None:
    dry = project_svc_pb2.CreateProjectRequest(project=project(ns, "p"), dry_run=True)
    stub.CreateProject(dry, metadata=key("dr"))
    get = project_svc_pb2.GetProjectRequest(namespace=ns, name="p")
    assert rpc_error(lambda: stub.GetProject(get)).code() == C.NOT_FOUND
    # The key is still free for the real call.
    assert create(stub, ns, "p", metadata=key("dr")).metadata.generation == 1


def test_concurrent_same_key_updates_apply_once(stub: Stub, ns: str) -> None:
    create(stub, ns, "p")
    req = updated(ns, "p", "t2")
    with ThreadPoolExecutor(20) as pool:
        futures = [pool.submit(stub.UpdateProject, req, timeout=30, metadata=key("race")) for _ in range(20)]
        results = [f.result() for f in futures]
    assert {r.metadata.generation for r in results} == {2}
    assert len({r.metadata.resource_version for r in results}) == 1
    now = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="p"))
    assert now.metadata.generation == 2


def test_concurrent_same_key_creates_create_once(stub: Stub, ns: str) -> None:
    req = project_svc_pb2.CreateProjectRequest(project=project(ns, "p"))
    with ThreadPoolExecutor(20) as pool:
        futures = [pool.submit(stub.CreateProject, req, timeout=30, metadata=key("race-c")) for _ in range(20)]
        results = [f.result() for f in futures]  # none is ALREADY_EXISTS
    assert len({r.metadata.uid for r in results}) == 1


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("tokens")
    s = ServerProcess("memory://", d / "server.log", "--auth-token", "alice-t", "--auth-token", "bob-t").start()
    try:
        yield s
    finally:
        s.stop()


def test_keys_are_scoped_by_caller(token_server: ServerProcess, ns: str) -> None:
    with grpc.insecure_channel(token_server.target) as ch:
        stub = Stub(ch)
        alice = key("shared", ("authorization", "Bearer alice-t"))
        bob = key("shared", ("authorization", "Bearer bob-t"))
        a = create(stub, ns, "a", metadata=alice)
        # Bob's call with the same key and another body is his own: neither a mismatch nor Alice's object.
        b = create(stub, ns, "b", metadata=bob)
        assert (a.metadata.name, b.metadata.name) == ("a", "b")
        assert create(stub, ns, "a", metadata=alice).metadata.uid == a.metadata.uid
        assert rpc_error(lambda: create(stub, ns, "a", metadata=bob)).code() == C.INVALID_ARGUMENT


def test_records_expire_after_the_retention(tmp_path: Path, ns: str) -> None:
    s = ServerProcess("memory://", tmp_path / "server.log", "--idempotency-retention", "1").start()
    off = ServerProcess("memory://", tmp_path / "off.log", "--idempotency-retention", "0").start()
    try:
        with grpc.insecure_channel(s.target) as ch, grpc.insecure_channel(off.target) as och:
            stub, ostub = Stub(ch), Stub(och)
            first = create(stub, ns, "p", metadata=key("e"))
            assert create(stub, ns, "p", metadata=key("e")).metadata.uid == first.metadata.uid
            time.sleep(1.3)  # past the 1 s retention: the record is gone, the repeat runs again
            assert rpc_error(lambda: create(stub, ns, "p", metadata=key("e"))).code() == C.ALREADY_EXISTS
            create(ostub, ns, "p", metadata=key("e"))
            # Retention 0: nothing recorded, the repeat runs again.
            assert rpc_error(lambda: create(ostub, ns, "p", metadata=key("e"))).code() == C.ALREADY_EXISTS
    finally:
        s.stop()
        off.stop()


def test_sqlite_records_survive_a_restart(tmp_path: Path, ns: str) -> None:
    url = f"sqlite:///{tmp_path}/data.db"
    s = ServerProcess(url, tmp_path / "server.log").start()
    try:
        with grpc.insecure_channel(s.target) as ch:
            first = create(Stub(ch), ns, "p", metadata=key("persist"))
    finally:
        s.stop()
    s = ServerProcess(url, tmp_path / "server.log").start()
    try:
        with grpc.insecure_channel(s.target) as ch:
            again = create(Stub(ch), ns, "p", metadata=key("persist"))
        assert again == first
    finally:
        s.stop()


def test_key_rules_and_retention_flag() -> None:
    from ma_server.errors import ApiError
    from ma_server.idempotency import check_key
    from ma_server.main import parse_args

    assert check_key("a b~!" + "x" * 123, "h") == "a b~!" + "x" * 123  # printable ASCII, space included, 128 chars
    for bad in ("", "x" * 129, "tab\there", "del\x7f", "caf\u00e9"):
        with pytest.raises(ApiError, match="h: an idempotency key must be 1 to 128 printable ASCII characters"):
            check_key(bad, "h")
    assert parse_args([]).idempotency_retention == 600
    assert parse_args(["--idempotency-retention", "0"]).idempotency_retention == 0
    with pytest.raises(SystemExit):
        parse_args(["--idempotency-retention", "-1"])

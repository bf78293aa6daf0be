"""Storage faults against real `ma-server` processes.

At start, a store that cannot be trusted makes the server exit 1 with exactly one
`server failed: storage sqlite:///<path>: <problem>` JSON log line and no traceback.
At run time a full store (the quota), an I/O error (RLIMIT_FSIZE on the server process)
and corruption met by a read get named statuses over gRPC and HTTP, never INTERNAL / 500,
and the server recovers when the condition clears.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import grpc
import httpx
import pytest
from api_helpers import project, rpc_error
from api_server import ServerProcess
from google.rpc import error_details_pb2, status_pb2

from ma_server.storage import SqliteStorage
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc

Stub = project_svc_pb2_grpc.ProjectServiceStub
GV = "/apis/michelangelo.api/v2"
START_TIMEOUT = 20.0  # generous for loaded CI machines; a refusal takes about as long as an import
TIMEOUT = 15.0
SERVER = (sys.executable, "-m", "ma_server.main")


def _template(path: Path, count: int = 300) -> None:
    """A healthy store of `count` objects (random values under an unrelated prefix)."""

    async def fill() -> None:
        s = SqliteStorage.open(path, synchronous="NORMAL")
        try:
            for i in range(count):
                await s.create(f"/registry/g/things/ns/o{i:05d}", os.urandom(1000))
        finally:
            await s.close()

    asyncio.run(fill())


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "data.db"
    _template(path)
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for st in statements:
            conn.execute(st)
        conn.commit()
    finally:
        conn.close()


def _garble(path: Path, offset: int, length: int) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(os.urandom(length))


def _key_index_root(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_objects_1'").fetchone()
        return int(row[0])
    finally:
        conn.close()


def _mid(path: Path) -> int:
    return path.stat().st_size // 2 // 4096 * 4096


# name -> (make the faulty store at `path` from the healthy `template`, expected start of the problem)
FAULTS: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "empty": (lambda path, t: path.write_bytes(b""), "the file is empty (0 bytes)"),
    "random": (lambda path, t: path.write_bytes(os.urandom(8192)), "not an SQLite database (file is 8192 bytes)"),
    "text": (lambda path, t: path.write_text("not a database\n" * 100), "not an SQLite database (file is 1500 bytes)"),
    "directory": (lambda path, t: path.mkdir(), "is a directory"),
    "truncated": (
        lambda path, t: (shutil.copy(t, path), os.truncate(path, path.stat().st_size - 5000)),
        "truncated: the file is",
    ),
    "garbage-mid-file": (
        lambda path, t: (shutil.copy(t, path), _garble(path, _mid(path), 8192)),
        "failed its integrity check (PRAGMA quick_check)",
    ),
    "foreign-sqlite": (lambda path, t: _sql(path, "CREATE TABLE t (x)"), "not a ma-server store"),
    "newer-schema": (
        lambda path, t: (shutil.copy(t, path), _sql(path, "UPDATE meta SET value = 9 WHERE name = 'schema_version'")),
        "schema version 9",
    ),
    "rewound-revision": (
        lambda path, t: (shutil.copy(t, path), _sql(path, "UPDATE meta SET value = 7 WHERE name = 'revision'")),
        "revision counter rewound: it is 7 but the newest event's revision is 300",
    ),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_untrusted_store_is_refused_at_start_with_one_line(fault: str, template: Path, tmp_path: Path) -> None:
    make, problem = FAULTS[fault]
    path = tmp_path / "data.db"
    make(path, template)
    start = time.monotonic()
    out = subprocess.run(
        [*SERVER, "--storage", f"sqlite:///{path}", "--host", "127.0.0.1", "--grpc-port", "0", "--http-port", "0"],
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )
    elapsed = time.monotonic() - start
    assert out.returncode == 1, out.stderr[-2000:]
    assert out.stdout == ""  # no ready line: nothing was served
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    record = json.loads(lines[0])
    assert record["level"] == "error"
    assert record["msg"].startswith(f"server failed: storage sqlite:///{path}: {problem}"), record["msg"]
    assert elapsed < 10, f"refusing took {elapsed:.1f}s"


# -- run time --------------------------------------------------------------------


def _create_grpc(stub: Stub, ns: str, name: str) -> project_pb2.Project:
    req = project_svc_pb2.CreateProjectRequest(project=project(ns, name))
    out: project_pb2.Project = stub.CreateProject(req, timeout=TIMEOUT)
    return out


def _project_doc(name: str, note: str = "") -> dict[str, object]:
    meta: dict[str, object] = {"name": name}
    if note:
        meta["annotations"] = {"note": note}
    return {"apiVersion": "michelangelo.api/v2", "kind": "Project", "metadata": meta, "spec": {"owningTeam": "ml"}}


def _status(resp: httpx.Response, code: int, reason: str) -> str:
    body = resp.json()
    assert resp.status_code == code, resp.text
    assert body["kind"] == "Status" and body["code"] == code and body["reason"] == reason, body
    return str(body["message"])


@pytest.fixture
def clients(tmp_path: Path) -> Iterator[Callable[..., tuple[ServerProcess, Stub, httpx.Client]]]:
    """Starts servers on `tmp_path/data.db` with extra flags; stops them all afterwards."""
    started: list[tuple[ServerProcess, grpc.Channel, httpx.Client]] = []

    def start(*flags: str) -> tuple[ServerProcess, Stub, httpx.Client]:
        srv = ServerProcess(f"sqlite:///{tmp_path / 'data.db'}", tmp_path / "server.log", *flags).start()
        ch = grpc.insecure_channel(srv.target)
        http = httpx.Client(base_url=f"http://127.0.0.1:{srv.http_port}", timeout=TIMEOUT)
        started.append((srv, ch, http))
        return srv, Stub(ch), http

    try:
        yield start
    finally:
        for srv, ch, http in started:
            http.close()
            ch.close()
            srv.stop()


def test_full_store_is_resource_exhausted_and_507(
    clients: Callable[..., tuple[ServerProcess, Stub, httpx.Client]], tmp_path: Path
) -> None:
    srv, stub, http = clients("--storage-quota-bytes", str(256 * 1024))
    ns, note = "full", "x" * 8000
    created = 0
    err: grpc.RpcError | None = None
    for i in range(200):  # 256 KiB hold far fewer than 200 objects of 8 KB (object and event)
        req = project_svc_pb2.CreateProjectRequest(project=project(ns, f"p{i:03d}"))
        req.project.metadata.annotations["note"] = note
        try:
            stub.CreateProject(req, timeout=TIMEOUT)
        except grpc.RpcError as e:
            err = e
            break
        created += 1
    assert err is not None, "the quota was never reached"
    assert err.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, err.details()
    assert err.details().startswith("storage is full: database or disk is full")
    # HTTP: 507 Insufficient Storage, a Kubernetes Status naming the cause.
    resp = http.post(f"{GV}/namespaces/{ns}/projects", json=_project_doc("over", note))
    assert _status(resp, 507, "InsufficientStorage").startswith("storage is full")
    # Reads still work and show nothing half-written.
    listed = stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns), timeout=TIMEOUT)
    assert len(listed.items) == created
    assert http.get(f"{GV}/namespaces/{ns}/projects/over").status_code == 404
    # The condition clears (a larger quota): the same file serves writes again, revisions continuing.
    last = max(int(p.metadata.resource_version) for p in listed.items)
    srv.stop()
    _srv2, stub2, http2 = clients("--storage-quota-bytes", str(64 * 1024 * 1024))
    made = _create_grpc(stub2, ns, "after")
    assert int(made.metadata.resource_version) == last + 1
    assert http2.post(f"{GV}/namespaces/{ns}/projects", json=_project_doc("after-http")).status_code == 201


def test_io_error_is_unavailable_and_503_then_recovers(
    clients: Callable[..., tuple[ServerProcess, Stub, httpx.Client]], tmp_path: Path
) -> None:
    srv, stub, http = clients()
    ns = "io"
    first = _create_grpc(stub, ns, "first")
    wal = tmp_path / "data.db-wal"
    assert srv.proc is not None
    # No file of the server's may grow past its current WAL: the next commit's append fails (EFBIG).
    resource.prlimit(srv.proc.pid, resource.RLIMIT_FSIZE, (wal.stat().st_size, resource.RLIM_INFINITY))
    try:
        err = rpc_error(lambda: _create_grpc(stub, ns, "second"))
        assert err.code() == grpc.StatusCode.UNAVAILABLE, err.details()
        assert err.details().startswith("storage I/O error: disk I/O error")
        resp = http.post(f"{GV}/namespaces/{ns}/projects", json=_project_doc("second-http"))
        assert _status(resp, 503, "ServiceUnavailable").startswith("storage I/O error")
        got = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="first"), timeout=TIMEOUT)
        assert got.metadata.resource_version == first.metadata.resource_version
    finally:
        resource.prlimit(srv.proc.pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    # Recovered without a restart; the failed writes took no revision.
    second = _create_grpc(stub, ns, "second")
    assert int(second.metadata.resource_version) == int(first.metadata.resource_version) + 1
    assert http.post(f"{GV}/namespaces/{ns}/projects", json=_project_doc("third")).status_code == 201
    log = srv.log_tail()
    assert log.count('"msg": "storage fault"') == 1 and '"msg": "storage recovered"' in log


def test_corruption_met_at_run_time_is_unavailable_and_503(
    clients: Callable[..., tuple[ServerProcess, Stub, httpx.Client]], template: Path, tmp_path: Path
) -> None:
    # With the start check skipped, the damaged key index is met by the first List: a named
    # status on both transports (before: a 500 for every List).
    path = tmp_path / "data.db"
    shutil.copy(template, path)
    with path.open("r+b") as f:
        f.seek((_key_index_root(path) - 1) * 4096)
        f.write(b"\xa5" * 4096)
    _srv, stub, http = clients("--storage-check-seconds", "0")
    err = rpc_error(lambda: stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace="c"), timeout=TIMEOUT))
    assert err.code() == grpc.StatusCode.UNAVAILABLE, err.details()
    assert err.details().startswith("storage is corrupt: database disk image is malformed")
    resp = http.get(f"{GV}/namespaces/c/projects")
    assert _status(resp, 503, "ServiceUnavailable").startswith("storage is corrupt")
    resp = http.post(f"{GV}/namespaces/c/projects", json=_project_doc("p"))
    assert _status(resp, 503, "ServiceUnavailable").startswith("storage is corrupt")
    # A watch's initial list meets it too: UNAVAILABLE on the stream, 503 before the HTTP stream starts.
    stream = stub.WatchProjects(project_svc_pb2.WatchProjectsRequest(namespace="c"), timeout=TIMEOUT)
    err = rpc_error(lambda: next(iter(stream)))
    assert err.code() == grpc.StatusCode.UNAVAILABLE, err.details()
    assert err.details().startswith("storage is corrupt")
    resp = http.get(f"{GV}/watch/namespaces/c/projects")
    assert _status(resp, 503, "ServiceUnavailable").startswith("storage is corrupt")


def test_store_locked_by_another_process_is_unavailable_with_retry_info(
    clients: Callable[..., tuple[ServerProcess, Stub, httpx.Client]], tmp_path: Path
) -> None:
    _srv, stub, _http = clients()
    first = _create_grpc(stub, "lk", "first")
    other = sqlite3.connect(tmp_path / "data.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # holds the write lock past the server's 5 s busy timeout
        start = time.monotonic()
        err = rpc_error(lambda: _create_grpc(stub, "lk", "second"))
        assert err.code() == grpc.StatusCode.UNAVAILABLE, err.details()
        assert err.details().startswith("storage is locked by another process: database is locked")
        assert time.monotonic() - start < TIMEOUT
        retry = _retry_info(err)
        assert retry is not None and retry.retry_delay.ToMilliseconds() == 1000
        other.execute("ROLLBACK")
    finally:
        other.close()
    second = _create_grpc(stub, "lk", "second")
    assert int(second.metadata.resource_version) == int(first.metadata.resource_version) + 1


def _retry_info(err: grpc.RpcError) -> error_details_pb2.RetryInfo | None:
    for key, value in err.trailing_metadata() or ():  # type: ignore[attr-defined]
        if key == "grpc-status-details-bin":
            for detail in status_pb2.Status.FromString(value).details:
                info = error_details_pb2.RetryInfo()
                if detail.Unpack(info):
                    return info
    return None


def test_a_stored_value_that_cannot_be_decoded_is_unavailable_and_503(
    clients: Callable[..., tuple[ServerProcess, Stub, httpx.Client]], tmp_path: Path
) -> None:
    # Damage inside a value passes SQLite's page checks; the object's decode meets it (before: a 500).
    srv, stub, _http = clients()
    _create_grpc(stub, "v", "bad")
    _create_grpc(stub, "v", "good")
    srv.stop()
    _sql(tmp_path / "data.db", "UPDATE objects SET value = x'ffffffff' WHERE key LIKE '%/v/bad'")
    _srv, stub, http = clients()
    err = rpc_error(
        lambda: stub.GetProject(project_svc_pb2.GetProjectRequest(namespace="v", name="bad"), timeout=TIMEOUT)
    )
    assert err.code() == grpc.StatusCode.UNAVAILABLE, err.details()
    assert err.details().startswith("storage is corrupt: the stored Project at ") and "/v/bad" in err.details()
    resp = http.get(f"{GV}/namespaces/v/projects/bad")
    assert _status(resp, 503, "ServiceUnavailable").startswith("storage is corrupt")
    resp = http.get(f"{GV}/namespaces/v/projects")
    assert _status(resp, 503, "ServiceUnavailable").startswith("storage is corrupt")
    # The undamaged object still reads.
    got = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace="v", name="good"), timeout=TIMEOUT)
    assert got.metadata.name == "good"

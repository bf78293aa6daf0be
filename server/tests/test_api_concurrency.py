"""Optimistic concurrency under contention and durability across kill -9 (sqlite)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import grpc
import pytest
from api_helpers import increment_counter, project
from api_server import ServerProcess

from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

Stub = project_svc_pb2_grpc.ProjectServiceStub
CLIENTS = 32
INCREMENTS = 100


async def _run_counter(target: str, ns: str) -> tuple[int, int]:
    async with grpc.aio.insecure_channel(target) as ch:
        stub = Stub(ch)
        await stub.CreateProject(
            project_svc_pb2.CreateProjectRequest(project=project(ns, "counter", labels={"count": "0"}))
        )
        retries = await asyncio.gather(*(increment_counter(target, ns, c, INCREMENTS) for c in range(CLIENTS)))
        final = await stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="counter"))
        return int(final.metadata.labels["count"]), sum(retries)


@pytest.mark.parametrize("backend", ["memory", "sqlite"])
def test_concurrent_read_modify_write(backend: str, request: pytest.FixtureRequest, ns: str) -> None:
    srv: ServerProcess = request.getfixturevalue("server" if backend == "memory" else "sqlite_server")
    start = time.monotonic()
    count, retries = asyncio.run(asyncio.wait_for(_run_counter(srv.target, ns), timeout=120))
    assert count == CLIENTS * INCREMENTS
    print(f"{backend}: {count} increments, {retries} ABORTED retries in {time.monotonic() - start:.1f}s")


async def _write_until_killed(target: str, ns: str, acked: list[str], stop_after: float) -> None:
    """Create objects from 16 concurrent writers, recording each acknowledged name, until the server dies."""
    deadline = time.monotonic() + stop_after
    counter = iter(range(1_000_000))
    async with grpc.aio.insecure_channel(target) as ch:
        stub = Stub(ch)

        async def writer() -> None:
            while time.monotonic() < deadline:
                name = f"k{next(counter):06d}"
                try:
                    await stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, name)), timeout=5)
                except grpc.aio.AioRpcError:
                    return  # the server was killed
                acked.append(name)

        await asyncio.gather(*(writer() for _ in range(16)))


def test_kill_9_keeps_acknowledged_creates(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/data.db"
    srv = ServerProcess(db, tmp_path / "server.log").start()
    acked: list[str] = []
    try:

        async def load_and_kill() -> None:
            task = asyncio.create_task(_write_until_killed(srv.target, "dur", acked, stop_after=10))
            await asyncio.sleep(1.5)  # let the load run, then kill mid-write
            srv.kill9()
            await asyncio.wait_for(task, 30)

        asyncio.run(load_and_kill())
    finally:
        srv.stop()
    assert len(acked) > 50, "the write load barely ran"
    again = ServerProcess(db, tmp_path / "server.log").start()
    try:
        with grpc.insecure_channel(again.target) as ch:
            stub = Stub(ch)
            present: set[str] = set()
            token = ""
            for _ in range(1000):
                out = stub.ListProjects(
                    project_svc_pb2.ListProjectsRequest(
                        namespace="dur", options={"limit": 1000, "continue_token": token}
                    ),
                    timeout=30,
                )
                present.update(p.metadata.name for p in out.items)
                token = out.metadata.continue_token
                if not token:
                    break
        missing = set(acked) - present
        assert not missing, f"{len(missing)} acknowledged creates lost, e.g. {sorted(missing)[:5]}"
    finally:
        again.stop()

"""Client-side failover over two ma-server instances on a real etcd, through the Python SDK.

kill -9 one instance during a write load: the SDK's calls fail over to the other
instance (round robin with health checking over `ClientConfig.targets`), every
acknowledged write is present, none is applied twice (a create retried after its
answer was lost gets the recorded outcome through its idempotency key, not
ALREADY_EXISTS), and a watch opened through the SDK sees every write exactly once,
resuming on the survivor from its last resourceVersion (the instance killed is the one
serving the watch).
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import Counter
from pathlib import Path

import grpc
from api_helpers import project
from api_server import ControlClient, ServerProcess

from ma_codegen.services import EtcdCluster
from michelangelo.api import list_pb2
from michelangelo.api.v2.client import AsyncClient, ClientConfig

WRITERS = 8
PER_WRITER = 60
KILL_AFTER = 1.5  # seconds into the load


class KeyLog(grpc.aio.UnaryUnaryClientInterceptor):  # type: ignore[misc]
    """Records the idempotency key of every write attempt, by object name."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, str]] = []  # (idempotency key, name)

    async def intercept_unary_unary(self, continuation, details, request):  # type: ignore[no-untyped-def]
        key = dict(details.metadata or ()).get("idempotency-key")
        if key is not None and hasattr(request, "project"):
            self.attempts.append((str(key), request.project.metadata.name))
        return await continuation(details, request)


def test_kill_9_of_one_instance_during_writes_loses_nothing_and_applies_nothing_twice(tmp_path: Path, ns: str) -> None:
    with EtcdCluster(tmp_path / "etcd", 1) as cluster:
        a = ServerProcess(cluster.url, tmp_path / "a.log", "--token-secret", "failover").start()
        b = ServerProcess(cluster.url, tmp_path / "b.log", "--token-secret", "failover").start()
        try:
            _run(a, b, ns)
        finally:
            a.stop()
            b.stop()


def _serves_watch(server: ServerProcess) -> bool:
    """Whether `server` received the SDK's WatchProjects call (its conformance journal)."""
    with grpc.insecure_channel(server.target) as ch:
        calls = ControlClient(ch)("Calls", {"method": "/michelangelo.api.v2.ProjectService/WatchProjects"})
    return bool(calls["calls"])


def _run(a: ServerProcess, b: ServerProcess, ns: str) -> None:
    keys = KeyLog()
    config = ClientConfig(
        targets=(a.target, b.target), tls=False, default_namespace=ns, timeout=30, interceptors=[keys]
    )

    async def main() -> None:
        async with AsyncClient(config=config) as client:
            acked: list[str] = []
            errors: list[str] = []
            seen: list[tuple[int, str]] = []
            start_rv = (await client.projects.list().pages.__anext__()).metadata.resource_version
            watch = client.projects.watch(resource_version=start_rv)

            async def watcher() -> None:
                async with watch:
                    async for event in watch:
                        seen.append((event.type, event.object.metadata.name))

            async def writer(w: int) -> None:
                for i in range(PER_WRITER):
                    name = f"k{w}-{i:03d}"
                    try:
                        await client.projects.create(project(ns, name))
                    except Exception as e:  # noqa: BLE001 - every failure is a test failure, reported below
                        errors.append(f"{name}: {e!r}")
                        return
                    acked.append(name)

            watching = asyncio.ensure_future(watcher())
            load = asyncio.gather(*(writer(w) for w in range(WRITERS)))
            await asyncio.sleep(KILL_AFTER)
            # Kill the instance serving the watch (mid-load, with calls in flight on it too), so
            # the watch must resume on the other one.
            victim = a if _serves_watch(a) else b
            assert victim.proc is not None and (victim is a or _serves_watch(b))
            os.kill(victim.proc.pid, signal.SIGKILL)
            killed_at = len(acked)
            await asyncio.wait_for(load, 120)
            assert not errors, errors[:5]
            assert len(acked) == WRITERS * PER_WRITER and killed_at < len(acked)
            deadline = time.monotonic() + 30
            while len(seen) < len(acked) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            watching.cancel()
            names = {p.metadata.name async for p in client.projects.list()}
            assert names == set(acked)  # every acknowledged write is there, nothing else
            added = Counter(name for t, name in seen if t == list_pb2.ADDED)
            assert set(added) == set(acked) and max(added.values()) == 1  # the watch: each once
            # One key per logical create, the same on every attempt of it.
            by_name: dict[str, set[str]] = {}
            for key, name in keys.attempts:
                by_name.setdefault(name, set()).add(key)
            assert all(len(k) == 1 for k in by_name.values())
            retried = sum(1 for n, c in Counter(n for _, n in keys.attempts).items() if c > 1)
            print(f"failover: {len(acked)} creates acknowledged, {retried} retried after the kill, watch saw each once")

    asyncio.run(asyncio.wait_for(main(), 180))

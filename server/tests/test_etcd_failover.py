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
KILL_AFTER = 120  # acknowledged creates before the kill (of 480)


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
            deadline = time.monotonic() + 60
            while len(acked) < KILL_AFTER and time.monotonic() < deadline:  # mid-load, however fast it runs
                await asyncio.sleep(0.005)
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


WATCH = "/michelangelo.api.v2.ProjectService/WatchProjects"
CUT_AFTER = 30


def test_compaction_during_a_watch_relists_and_loses_or_repeats_nothing_after(tmp_path: Path, ns: str) -> None:
    """etcd compacted past a watch's version while its stream was down: the SDK relists (OUT_OF_RANGE)
    and continues. Checked against the writer's log: the events before the relist are the log's
    prefix, the relist's ADDED objects are the log's state at the list's version, and every write
    after it arrives exactly once, in order."""
    with EtcdCluster(tmp_path / "etcd", 1) as cluster:
        server = ServerProcess(cluster.url, tmp_path / "s.log").start()
        try:
            with grpc.insecure_channel(server.target) as ch:
                control = ControlClient(ch)
                # The first stream ends after 30 events; its reconnect waits 1 s before the server looks
                # at its version, while a compactor compacts to the latest revision (see below).
                control("CutWatch", {"method": WATCH, "after_events": CUT_AFTER, "status": "UNAVAILABLE", "times": 1})
                _watch_through_compaction(server, ns, control)
        finally:
            server.stop()


def _watch_through_compaction(server: ServerProcess, ns: str, control: ControlClient) -> None:
    config = ClientConfig(target=server.target, tls=False, default_namespace=ns, timeout=30)
    log: list[tuple[int, str, str]] = []  # (revision, type, name) of every acknowledged write, in order
    events: list[tuple[int, str, str]] = []  # what the watch yielded; (0, "RELIST", "") marks a relist

    async def main() -> None:
        async with AsyncClient(config=config) as client:
            start = (await client.projects.list().pages.__anext__()).metadata.resource_version
            watch = client.projects.watch(resource_version=start, on_relist=lambda: events.append((0, "RELIST", "")))

            async def watcher() -> None:
                async with watch:
                    async for ev in watch:
                        m = ev.object.metadata
                        events.append((int(m.resource_version or 0), list_pb2.WatchEventType.Name(ev.type), m.name))

            async def writer() -> None:
                relisted_at: float | None = None
                for i in range(1000):  # until 1 s of writes after the relist (at least 150 writes)
                    if relisted_at is None and any(e[1] == "RELIST" for e in events):
                        relisted_at = time.monotonic()
                    if i >= 150 and relisted_at is not None and time.monotonic() - relisted_at > 1.0:
                        break
                    p = await client.projects.create(project(ns, f"w{i:03d}"))
                    log.append((int(p.metadata.resource_version), "ADDED", p.metadata.name))
                    if i % 3 == 0:
                        p.spec.description = f"v{i}"
                        p = await client.projects.update(p)
                        log.append((int(p.metadata.resource_version), "MODIFIED", p.metadata.name))
                    if i % 5 == 0:
                        await client.projects.delete(p.metadata.name)
                        log.append((await _head(client), "DELETED", p.metadata.name))
                    await asyncio.sleep(0.01)

            async def compactor() -> None:
                loop = asyncio.get_running_loop()
                while not events:  # the first stream is open: delay the next WatchProjects call, the reconnect
                    await asyncio.sleep(0.01)
                await loop.run_in_executor(None, control, "Delay", {"method": WATCH, "seconds": 1.0, "times": 1})
                while len(events) < CUT_AFTER:  # the stream is cut now; the reconnect waits 1 s meanwhile
                    await asyncio.sleep(0.01)
                for _ in range(8):  # compact past the watch's version while it is away, then stop
                    await loop.run_in_executor(None, control, "Compact", {})
                    await asyncio.sleep(0.1)

            watching = asyncio.ensure_future(watcher())
            compacting = asyncio.ensure_future(compactor())
            await writer()
            await asyncio.wait_for(compacting, 30)
            deadline = time.monotonic() + 30
            while (not events or events[-1][0] < log[-1][0]) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            watching.cancel()
            final = {p.metadata.name async for p in client.projects.list()}
        _check_against_log(log, events, final)

    asyncio.run(asyncio.wait_for(main(), 180))


async def _head(client: AsyncClient) -> int:
    """The store's revision now (a delete's own revision is not in its answer; the writer is alone)."""
    return int((await client.projects.list(limit=1).pages.__anext__()).metadata.resource_version)


def _state(log: list[tuple[int, str, str]], below: float) -> set[str]:
    """The names that exist after replaying the log's writes with revision < `below`."""
    names: set[str] = set()
    for rev, kind, name in log:
        if rev >= below:
            break
        if kind == "DELETED":
            names.discard(name)
        else:
            names.add(name)
    return names


def _check_against_log(log: list[tuple[int, str, str]], events: list[tuple[int, str, str]], final: set[str]) -> None:
    relists = [i for i, e in enumerate(events) if e[1] == "RELIST"]
    assert relists, "the watch never relisted: compaction did not overtake it"
    cut = relists[0]
    assert len(relists) == 1, "relisted more than once"
    before = [(t, n) for _, t, n in events[:cut]]
    assert before == [(t, n) for _, t, n in log[: len(before)]]  # a prefix of the log, in order, once
    after = events[cut + 1 :]
    # The relist gives ADDED for the objects at the list's version L (in key order), then the live
    # events of the writes after L. Both start with ADDED, so try each split: exactly one must make
    # the ADDEDs the log's state before the first live write and the rest the log's later writes.
    for split in range(len(after) + 1):
        listed, live = after[:split], after[split:]
        if any(t != "ADDED" for _, t, _ in listed):
            break
        first_live = live[0][0] if live else float("inf")
        expected_live = [(t, n) for rev, t, n in log if rev >= first_live]
        names = [n for _, _, n in listed]
        if len(set(names)) == len(names) and set(names) == _state(log, first_live):
            if [(t, n) for _, t, n in live] == expected_live:
                break
    else:
        raise AssertionError(f"after the relist the watch is not the log's state plus its later writes: {after[:8]}")
    print(f"compaction: {len(before)} events, relist of {len(names)} objects, {len(live)} live events after it")
    assert live, "no write came after the relist: nothing was checked after it"
    replay = set(names)  # the watcher's view at the end: the relisted state plus the live events
    for _, kind, name in live:
        if kind == "DELETED":
            replay.discard(name)
        else:
            replay.add(name)
    assert replay == final == _state(log, float("inf"))

"""Issue 10, class 2 (last bullet): one request's CPU must not stall every other request.

Large requests are parsed, validated and encoded off the event loop (`ma_server.offload`),
so while 16 large creates run over gRPC or HTTP a small Get still answers in milliseconds
(before: it waited for all of them, seconds). The admission gate in front of the pool is
tested on the real module.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import grpc
import httpx
import pytest
from api_server import ServerProcess
from google.protobuf import json_format

from ma_server import offload
from ma_server.errors import ApiError
from michelangelo.api import meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc

CONCURRENT = 16
OBJECT_BYTES = 2 * 1024 * 1024  # 32,000 labels: ~0.17 s of validation and encoding each on the old loop
# A small Get during the load: p99 and max bounds (before the fix: ~2-5 s; after: tens of ms on a busy machine).
P99_BOUND_S = 0.25
MAX_BOUND_S = 1.0
GV = "/apis/michelangelo.api/v2"


def _large(ns: str, name: str) -> project_pb2.Project:
    p = project_pb2.Project(
        api_version="michelangelo.api/v2",
        kind="Project",
        metadata=meta_pb2.ObjectMeta(name=name, namespace=ns),
        spec=project_pb2.ProjectSpec(owning_team="maps"),
    )
    p.metadata.labels.update({f"k{i:07d}": "v" * 50 for i in range(OBJECT_BYTES // 64)})
    return p


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("fair")
    server = ServerProcess("memory://", d / "server.log").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def channel(srv: ServerProcess) -> Iterator[grpc.Channel]:
    ch = grpc.insecure_channel(srv.target, options=[("grpc.max_receive_message_length", 64 << 20)])
    grpc.channel_ready_future(ch).result(timeout=10)
    try:
        yield ch
    finally:
        ch.close()


def _probe_while(stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str, busy: Callable[[], bool]) -> list[float]:
    """Latencies (s) of sequential small Gets while `busy()` (at most 20 s, 2,000 Gets)."""
    request = project_svc_pb2.GetProjectRequest(namespace=ns, name="small")
    out: list[float] = []
    deadline = time.monotonic() + 20
    while busy() and time.monotonic() < deadline and len(out) < 2000:
        start = time.perf_counter()
        stub.GetProject(request, timeout=30)
        out.append(time.perf_counter() - start)
        time.sleep(0.005)
    return out


def _p99(xs: list[float]) -> float:
    s = sorted(xs)
    return s[int(0.99 * (len(s) - 1))]


def _check(latencies: list[float], what: str) -> None:
    assert latencies, f"{what}: the load ended before the probe ran"
    p99, worst = _p99(latencies), max(latencies)
    summary = f"{what}: {len(latencies)} Gets during the load, p99 {p99 * 1000:.0f} ms, max {worst * 1000:.0f} ms"
    assert worst < MAX_BOUND_S, summary
    assert p99 < P99_BOUND_S, summary


def _small(stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    p = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="small", namespace=ns))
    p.spec.owning_team = "t"
    stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=p), timeout=10)


def test_get_stays_fast_during_large_grpc_creates(channel: grpc.Channel, ns: str) -> None:
    stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
    _small(stub, ns)
    template = _large(ns, "x")
    bodies = []
    for i in range(CONCURRENT):
        template.metadata.name = f"big{i}"
        bodies.append(project_svc_pb2.CreateProjectRequest(project=template).SerializeToString())
    create = channel.unary_unary("/michelangelo.api.v2.ProjectService/CreateProject")
    futures = [create.future(b, timeout=60) for b in bodies]
    latencies = _probe_while(stub, ns, lambda: not all(f.done() for f in futures))
    for f in futures:
        f.result(timeout=60)  # every create succeeded
    _check(latencies, "gRPC")
    got = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="big3"), timeout=30)
    assert len(got.metadata.labels) == len(template.metadata.labels)


def test_get_stays_fast_during_large_http_creates(srv: ServerProcess, channel: grpc.Channel, ns: str) -> None:
    stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
    _small(stub, ns)
    template = _large(ns, "x")
    bodies = []
    for i in range(CONCURRENT):
        template.metadata.name = f"big{i}"
        bodies.append(json_format.MessageToJson(template, indent=None).encode())
    url = f"http://127.0.0.1:{srv.http_port}{GV}/namespaces/{ns}/projects"

    def post(body: bytes) -> int:
        with httpx.Client(timeout=60) as client:
            return client.post(url, content=body, headers={"Content-Type": "application/json"}).status_code

    with ThreadPoolExecutor(CONCURRENT) as pool:
        futures = [pool.submit(post, b) for b in bodies]
        latencies = _probe_while(stub, ns, lambda: not all(f.done() for f in futures))
        codes = [f.result(timeout=60) for f in futures]
    assert codes == [201] * CONCURRENT
    _check(latencies, "HTTP")
    with httpx.Client(timeout=60) as client:
        got = client.get(f"{url}/big5")
    assert got.status_code == 200 and len(got.json()["metadata"]["labels"]) == len(template.metadata.labels)


# -- the admission gate (the real module) -------------------------------------------


def test_admission_is_byte_weighted_fifo_and_bounded() -> None:
    async def scenario() -> None:
        gate = offload.Offload(threshold_bytes=10, max_bytes=100, wait_seconds=0.3)
        order: list[str] = []
        first = gate.admit(60)
        await first.__aenter__()
        assert offload.heavy() and gate.in_use == 60

        async def later(name: str, size: int) -> None:
            async with gate.admit(size):
                order.append(name)
                await asyncio.sleep(0.01)

        # 50 does not fit beside 60; 30 would, but does not overtake it (FIFO).
        waiting = [asyncio.create_task(later("b50", 50)), asyncio.create_task(later("c30", 30))]
        await asyncio.sleep(0.05)
        assert order == [] and gate.in_use == 60
        async with gate.admit(5):  # small: not admitted, not counted, the fast path
            assert gate.in_use == 60
        await first.__aexit__(None, None, None)
        await asyncio.gather(*waiting)
        assert order == ["b50", "c30"] and gate.in_use == 0 and not offload.heavy()
        # Larger than the whole budget: counts as all of it and runs alone.
        async with gate.admit(10_000):
            assert gate.in_use == 100
            # A wait longer than the bound ends with RESOURCE_EXHAUSTED and a retry delay.
            with pytest.raises(ApiError) as info:
                async with gate.admit(20):
                    pass
            assert info.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED and info.value.retry_delay_ms
            assert "retry" in info.value.message
            # A cancelled wait (the call's deadline) leaves the queue.
            task = asyncio.create_task(later("d", 20))
            await asyncio.sleep(0.05)
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        assert gate.in_use == 0 and not gate._waiters
        assert await gate.call(sum, [1, 2]) == 3
        gate.shutdown()

    asyncio.run(asyncio.wait_for(scenario(), 10))


def test_run_offloads_only_large_work() -> None:
    import threading

    async def scenario() -> None:
        here = threading.get_ident()
        assert await offload.run(threading.get_ident) == here  # small: inline, on the loop
        assert await offload.run(threading.get_ident, size=offload.OFFLOAD_THRESHOLD_BYTES) != here
        async with offload.admit(offload.OFFLOAD_THRESHOLD_BYTES):
            assert await offload.run(threading.get_ident) != here  # a large request: in the pool

    asyncio.run(asyncio.wait_for(scenario(), 10))


def test_a_full_gate_answers_busy_over_both_transports(tmp_path_factory: pytest.TempPathFactory, ns: str) -> None:
    """With room for one large request and no wait, concurrent large creates that find the gate full
    get RESOURCE_EXHAUSTED with RetryInfo / 429 with Retry-After, never a 5xx; the rest are created."""
    d = tmp_path_factory.mktemp("busy")
    server = ServerProcess(
        "memory://", d / "server.log", "--max-offload-bytes", str(128 * 1024), "--offload-wait-seconds", "0"
    ).start()
    try:
        with grpc.insecure_channel(server.target) as ch:
            template = _large(ns, "x")
            template.metadata.labels.clear()
            template.metadata.labels.update({f"k{i:07d}": "v" * 50 for i in range(1024 * 1024 // 64)})
            bodies = []
            for i in range(8):
                template.metadata.name = f"g{i}"
                bodies.append(project_svc_pb2.CreateProjectRequest(project=template).SerializeToString())
            create = ch.unary_unary("/michelangelo.api.v2.ProjectService/CreateProject")
            futures = [create.future(b, timeout=60) for b in bodies]
            codes = []
            for f in futures:
                try:
                    f.result(timeout=60)
                    codes.append(grpc.StatusCode.OK)
                except grpc.RpcError as e:
                    codes.append(e.code())
                    assert e.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, e.details()
                    assert "server busy" in (e.details() or "")
                    trailers = dict(e.trailing_metadata() or ())
                    assert b"RetryInfo" in trailers["grpc-status-details-bin"]
            assert grpc.StatusCode.OK in codes and grpc.StatusCode.RESOURCE_EXHAUSTED in codes, codes

        url = f"http://127.0.0.1:{server.http_port}{GV}/namespaces/{ns}/projects"
        http_bodies = []
        for i in range(8):
            template.metadata.name = f"h{i}"
            http_bodies.append(json_format.MessageToJson(template, indent=None).encode())

        def post(body: bytes) -> httpx.Response:
            with httpx.Client(timeout=60) as client:
                return client.post(url, content=body, headers={"Content-Type": "application/json"})

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(post, http_bodies))
        statuses = sorted({r.status_code for r in answers})
        assert statuses == [201, 429], statuses
        busy = next(r for r in answers if r.status_code == 429)
        assert busy.json()["kind"] == "Status" and "server busy" in busy.json()["message"], busy.text
        assert busy.headers["retry-after"] == "1"
    finally:
        server.stop()

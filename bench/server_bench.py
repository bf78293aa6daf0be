"""Server benchmarks, each against a baseline measured in the same run (median of --runs rounds).

1. gRPC Get through ma-server vs a raw grpc.aio server answering the same
   Project from memory (goal >= 60%).
2. HTTP/JSON Get vs gRPC Get on the same ma-server (goal >= 50%).
3. Watch delivery latency p99 with --watchers watchers while one writer
   updates objects at --rate writes/s (goal < 50 ms).
4. Update with an idempotency key (a fresh UUID4 per call, as the SDKs send)
   vs Update without one, on the same server and the same objects, rounds
   alternating (the cost of the record lookup and write).

Every load is bounded in calls and seconds; servers listen on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Awaitable, Callable

import grpc

from michelangelo.api import list_pb2, meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc

NAMESPACE = "bench"
GET_METHOD = "/michelangelo.api.v2.ProjectService/GetProject"

RAW_SERVER = r"""
import asyncio, sys
import grpc
from michelangelo.api.v2 import project_pb2, project_svc_pb2

async def main() -> None:
    answer = project_pb2.Project.FromString(bytes.fromhex(sys.argv[1]))

    async def get(request, context):
        return answer

    handler = grpc.method_handlers_generic_handler(
        "michelangelo.api.v2.ProjectService",
        {"GetProject": grpc.unary_unary_rpc_method_handler(
            get,
            request_deserializer=project_svc_pb2.GetProjectRequest.FromString,
            response_serializer=project_pb2.Project.SerializeToString,
        )},
    )
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    print(port, flush=True)
    await server.wait_for_termination()

asyncio.run(main())
"""


class Child:
    """A server child process whose first stdout line tells where it listens."""

    def __init__(self, args: list[str]) -> None:
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self.proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(30)
        if not line or not line[0].strip():
            self.stop()
            raise RuntimeError(f"{args[:4]} did not start")
        self.first_line = line[0].strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process (Linux /proc; None elsewhere).

    Less sensitive than calls/s to other load on the machine."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ma_server() -> tuple[Child, int, int]:
    child = Child(
        [
            sys.executable,
            "-m",
            "ma_server.main",
            "--storage",
            "memory://",
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--log-level",
            "warning",
            "--bookmark-interval",
            "3600",
        ]
    )
    ready = json.loads(child.first_line)
    return child, int(ready["grpc_port"]), int(ready["http_port"] or 0)


def sample_project(name: str) -> project_pb2.Project:
    return project_pb2.Project(
        api_version="michelangelo.api/v2",
        kind="Project",
        metadata=meta_pb2.ObjectMeta(name=name, namespace=NAMESPACE, labels={"team": "maps", "tier": "gold"}),
        spec=project_pb2.ProjectSpec(
            owning_team="maps",
            tier="critical",
            description="ETA prediction models " * 8,
            notification_emails=["oncall@example.com", "ml@example.com"],
        ),
    )


async def closed_loop(call: Callable[[], Awaitable[object]], calls: int, concurrency: int, seconds: float) -> float:
    """Calls per second of `concurrency` workers making at most `calls` calls within `seconds`."""
    done = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        while done < calls and time.perf_counter() < deadline:
            done += 1
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done / (time.perf_counter() - start)


async def grpc_get_rate(port: int, calls: int, concurrency: int) -> float:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        request = project_svc_pb2.GetProjectRequest(namespace=NAMESPACE, name="p0")
        await stub.GetProject(request)
        return await closed_loop(lambda: stub.GetProject(request), calls, concurrency, 20.0)


async def http_get_rate(port: int, calls: int, concurrency: int) -> float:
    """Keep-alive HTTP/1.1 GETs on `concurrency` connections (a minimal client: the server is measured)."""
    path = f"/apis/michelangelo.api/v2/namespaces/{NAMESPACE}/projects/p0"
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode()
    conns = [await asyncio.open_connection("127.0.0.1", port) for _ in range(concurrency)]
    free: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
    for conn in conns:
        free.put_nowait(conn)

    async def get() -> None:
        reader, writer = await free.get()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(head.decode(errors="replace"))
        lines = head.split(b"\r\n")
        length = next(int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length"))
        await reader.readexactly(length)
        free.put_nowait((reader, writer))

    await get()
    try:
        return await closed_loop(get, calls, concurrency, 20.0)
    finally:
        for _, writer in conns:
            writer.close()


async def update_rate(port: int, calls: int, concurrency: int, keyed: bool, objects: int) -> tuple[float, int]:
    """(calls/s, calls made) of unconditional Updates that each change a label (so every call writes),
    spread over `objects` objects."""
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        bases = [sample_project(f"p{i}") for i in range(objects)]
        n = 0

        async def update() -> None:
            nonlocal n
            n += 1
            p = project_pb2.Project()
            p.CopyFrom(bases[n % objects])
            p.metadata.labels["bench-n"] = str(n)
            request = project_svc_pb2.UpdateProjectRequest(project=p)
            metadata = (("idempotency-key", str(uuid.uuid4())),) if keyed else None
            await stub.UpdateProject(request, metadata=metadata)

        await update()
        rate = await closed_loop(update, calls, concurrency, 20.0)
        return rate, n


async def seed(port: int, count: int) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        for i in range(count):
            await stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=sample_project(f"p{i}")))


async def watch_latency(port: int, watchers: int, rate: float, seconds: float) -> tuple[float, float, int]:
    """(p50 ms, p99 ms, events) from update to delivery, over `watchers` streams."""
    latencies: list[float] = []
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        head = await stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=NAMESPACE))
        start_rv = head.metadata.resource_version
        streams = [
            stub.WatchProjects(
                project_svc_pb2.WatchProjectsRequest(
                    namespace=NAMESPACE, options=list_pb2.WatchOptions(resource_version=start_rv)
                )
            )
            for _ in range(watchers)
        ]

        async def consume(stream: grpc.aio.UnaryStreamCall) -> None:  # type: ignore[type-arg]
            async for event in stream:
                sent = event.object.metadata.annotations.get("bench/sent-ns")
                if sent:
                    latencies.append((time.time_ns() - int(sent)) / 1e6)

        consumers = [asyncio.create_task(consume(s)) for s in streams]
        await asyncio.sleep(0.5)  # let every stream attach
        current = await stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=NAMESPACE, name="p0"))
        writes = int(rate * seconds)
        t0 = time.perf_counter()
        for i in range(writes):
            current.metadata.annotations["bench/sent-ns"] = str(time.time_ns())
            current = await stub.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=current))
            delay = t0 + (i + 1) / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
        await asyncio.sleep(1.0)  # drain
        for s in streams:
            s.cancel()
        await asyncio.gather(*consumers, return_exceptions=True)
    latencies.sort()
    if not latencies:
        raise RuntimeError("no watch event arrived")
    return statistics.median(latencies), latencies[int(0.99 * (len(latencies) - 1))], len(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--calls", type=int, default=6000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--update-calls", type=int, default=3000)
    parser.add_argument("--watchers", type=int, default=100)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--watch-seconds", type=float, default=5.0)
    args = parser.parse_args()

    server, grpc_port, http_port = ma_server()
    raw = Child([sys.executable, "-c", RAW_SERVER, sample_project("p0").SerializeToString().hex()])
    try:
        asyncio.run(seed(grpc_port, 10))
        ours, baseline, http = [], [], []
        for _ in range(args.runs):
            baseline.append(asyncio.run(grpc_get_rate(int(raw.first_line), args.calls, args.concurrency)))
            ours.append(asyncio.run(grpc_get_rate(grpc_port, args.calls, args.concurrency)))
            if http_port:
                http.append(asyncio.run(http_get_rate(http_port, args.calls, args.concurrency)))
        raw.stop()
        unkeyed, keyed = [], []
        cpu: dict[bool, list[float]] = {False: [], True: []}  # server CPU ms per call
        for _ in range(args.runs):  # alternating, so drift in the machine's load hits both alike
            for flag, rates in ((False, unkeyed), (True, keyed)):
                before = cpu_seconds(server.proc.pid)
                rate, made = asyncio.run(update_rate(grpc_port, args.update_calls, args.concurrency, flag, 10))
                after = cpu_seconds(server.proc.pid)
                rates.append(rate)
                if before is not None and after is not None:
                    cpu[flag].append((after - before) * 1000 / made)
        p50, p99, events = asyncio.run(watch_latency(grpc_port, args.watchers, args.rate, args.watch_seconds))
    finally:
        raw.stop()
        server.stop()
    m_ours, m_base = statistics.median(ours), statistics.median(baseline)
    print(f"server bench: median of {args.runs} rounds, {args.concurrency} in flight, <= {args.calls} calls each")
    print(f"  raw grpc.aio Get (baseline)   {m_base:8.0f} calls/s")
    print(f"  ma-server gRPC Get            {m_ours:8.0f} calls/s   {m_ours / m_base:6.1%} of raw (goal >= 60%)")
    if http:
        m_http = statistics.median(http)
        print(f"  ma-server HTTP/JSON Get       {m_http:8.0f} calls/s   {m_http / m_ours:6.1%} of gRPC (goal >= 50%)")
    m_unkeyed, m_keyed = statistics.median(unkeyed), statistics.median(keyed)
    print(f"  ma-server gRPC Update         {m_unkeyed:8.0f} calls/s   (no idempotency key)")
    print(f"  ma-server gRPC Update, keyed  {m_keyed:8.0f} calls/s   {m_keyed / m_unkeyed:6.1%} of unkeyed")
    if cpu[False] and cpu[True]:
        c_unkeyed, c_keyed = statistics.median(cpu[False]), statistics.median(cpu[True])
        print(
            f"  server CPU per Update          {c_unkeyed:.3f} ms unkeyed, {c_keyed:.3f} ms keyed"
            f" ({c_keyed / c_unkeyed - 1:+.1%})"
        )
    print(
        f"  watch delivery, {args.watchers} watchers, {args.rate:.0f} writes/s for {args.watch_seconds:.0f} s: "
        f"p50 {p50:.1f} ms, p99 {p99:.1f} ms over {events} events (goal p99 < 50 ms)"
    )


if __name__ == "__main__":
    main()

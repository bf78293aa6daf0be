"""Get p99 while hostile load runs vs Get p99 idle, same server, same run (issue 10, "Done means": <= 5x).

One ma-server (memory://). A probe in this process makes small gRPC Gets, one at
a time every --probe-interval seconds, for --seconds: first with the server idle,
then while a separate load process (so the probe's own loop stays free) runs
--clients concurrent hostile clients for the same time. Rounds alternate idle and
hostile windows; the figures are the medians over --runs rounds.

Each hostile client cycles through the issue's request classes, every one of
which the server now answers cheaply or bounds:

- `create-grpc` / `create-http`: a Create of a large Project (--object-bytes,
  default 3.9 MiB of labels: under the 4 MiB gRPC request limit), then its Delete;
- `like`: a List whose criteria is LIKE `%a%a%a%a%a%b` over a 128-char value;
- `order-by`: a List with 20,000 order_by entries;
- `patch-bomb`: a JSON patch of 21 doubling copies (1 KiB body);
- `selector`: a List with a 1 MiB label selector;
- `bad-utf8`: a POST whose body is not UTF-8;
- plus one stalled HTTP watcher (never reads) for the whole window.

Every answer is checked: a 5xx / INTERNAL / UNKNOWN answer is counted as a failure
and printed. All loads are bounded in clients and seconds; 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable

import grpc
import httpx
from google.protobuf import json_format
from server_bench import ma_server

from michelangelo.api import list_pb2, meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc

NAMESPACE = "hostile"
GV = "/apis/michelangelo.api/v2"
OBJECT_BYTES = int(3.9 * 1024 * 1024)
GRPC_OPTIONS = [("grpc.max_receive_message_length", 64 << 20), ("grpc.max_send_message_length", 64 << 20)]
KINDS = ("create-grpc", "like", "create-http", "order-by", "patch-bomb", "selector", "bad-utf8")


def large_project(name: str, size: int) -> project_pb2.Project:
    """A valid Project of about `size` serialized bytes (labels of 50-character values)."""
    p = project_pb2.Project(
        api_version="michelangelo.api/v2",
        kind="Project",
        metadata=meta_pb2.ObjectMeta(name=name, namespace=NAMESPACE),
        spec=project_pb2.ProjectSpec(owning_team="maps"),
    )
    base = p.ByteSize()
    p.metadata.labels["k0000000"] = "v" * 50
    per_label = p.ByteSize() - base
    p.metadata.labels.clear()
    p.metadata.labels.update({f"k{i:07d}": "v" * 50 for i in range(max(0, (size - base) // per_label))})
    return p


# -- the hostile load (runs in its own process) -------------------------------


async def hostile(
    grpc_port: int, http_port: int, clients: int, seconds: float, size: int, kinds: tuple[str, ...] = KINDS
) -> dict[str, object]:
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{grpc_port}", options=GRPC_OPTIONS)
    stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
    http = httpx.AsyncClient(base_url=f"http://127.0.0.1:{http_port}", timeout=60)
    url = f"{GV}/namespaces/{NAMESPACE}/projects"
    # Built once: the load process should spend its CPU sending, not encoding (it shares the machine).
    # Each client creates and deletes one name of its own, so its bodies are reused.
    template = large_project("x", size)
    grpc_bodies, http_bodies = [], []
    for c in range(clients):
        template.metadata.name = f"g{c}"
        grpc_bodies.append(project_svc_pb2.CreateProjectRequest(project=template).SerializeToString())
        template.metadata.name = f"h{c}"
        http_bodies.append(json_format.MessageToJson(template, indent=None).encode())
    create = channel.unary_unary(
        "/michelangelo.api.v2.ProjectService/CreateProject",
        request_serializer=None,
        response_deserializer=None,
    )
    outcomes: Counter[str] = Counter()
    bad: list[str] = []
    ops = [{"op": "add", "path": "/metadata/annotations", "value": {"x": "y" * 900}}]
    ops += [{"op": "copy", "from": "/metadata/annotations", "path": f"/metadata/annotations/a{i}"} for i in range(21)]
    like = list_pb2.Criteria(
        criterion=list_pb2.Criterion(field="spec.owningTeam", operator=list_pb2.OPERATOR_LIKE, values=["%a" * 5 + "%b"])
    )
    order = [list_pb2.OrderBy(field="metadata.name")] * 20_000

    def lst(**options: object) -> Awaitable[object]:
        req = project_svc_pb2.ListProjectsRequest(namespace=NAMESPACE, options=list_pb2.ListOptions(**options))  # type: ignore[arg-type]
        return stub.ListProjects(req, timeout=30)

    async def grpc_call(kind: str, call: Callable[[], Awaitable[object]]) -> None:
        try:
            await call()
            outcomes[f"{kind} OK"] += 1
        except grpc.aio.AioRpcError as e:
            outcomes[f"{kind} {e.code().name}"] += 1
            if e.code() in (grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN):
                bad.append(f"{kind}: {e.code().name} {e.details()}")

    async def http_call(kind: str, call: Callable[[], Awaitable[httpx.Response]]) -> None:
        r = await call()
        outcomes[f"{kind} {r.status_code}"] += 1
        if r.status_code >= 500:
            bad.append(f"{kind}: {r.status_code} {r.text[:200]}")

    async def one(kind: str, c: int) -> None:
        if kind == "create-grpc":
            await grpc_call(kind, lambda: create(grpc_bodies[c], timeout=60))
            delete = project_svc_pb2.DeleteProjectRequest(namespace=NAMESPACE, name=f"g{c}")
            await grpc_call("delete", lambda: stub.DeleteProject(delete, timeout=60))
        elif kind == "create-http":
            headers = {"Content-Type": "application/json"}
            await http_call(kind, lambda: http.post(url, content=http_bodies[c], headers=headers))
            await http_call("delete", lambda: http.delete(f"{url}/h{c}"))
        elif kind == "like":
            await grpc_call(kind, lambda: lst(criteria=like))
        elif kind == "order-by":
            await grpc_call(kind, lambda: lst(order_by=order))
        elif kind == "selector":
            await grpc_call(kind, lambda: lst(label_selector="a=b," * (256 * 1024)))
        elif kind == "patch-bomb":
            headers = {"Content-Type": "application/json-patch+json"}
            await http_call(kind, lambda: http.patch(f"{url}/victim", json=ops, headers=headers))
        elif kind == "bad-utf8":
            headers = {"Content-Type": "application/json"}
            await http_call(kind, lambda: http.post(url, content=b'{"metadata":{"name":"\xff\xfe"}}', headers=headers))

    # A stalled watcher: asks for a watch and never reads what it is sent.
    _, stalled = await asyncio.open_connection("127.0.0.1", http_port)
    stalled.write(f"GET {url}?watch=true HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    print("ready", flush=True)
    sys.stdin.readline()  # the probe says go
    deadline = time.perf_counter() + seconds

    async def client(c: int) -> None:
        i = c
        while time.perf_counter() < deadline:
            await one(kinds[i % len(kinds)], c)
            i += 1

    await asyncio.gather(*(client(c) for c in range(clients)))
    stalled.close()
    await http.aclose()
    await channel.close()
    return {"outcomes": dict(outcomes), "bad": bad[:10], "bad_count": len(bad)}


# -- the probe -------------------------------------------------------------------


async def probe(stub: project_svc_pb2_grpc.ProjectServiceStub, seconds: float, interval: float) -> list[float]:
    """Latencies (ms) of sequential small Gets, one every `interval` s, for `seconds`."""
    request = project_svc_pb2.GetProjectRequest(namespace=NAMESPACE, name="small")
    out: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        t = time.perf_counter()
        await stub.GetProject(request, timeout=60)
        out.append((time.perf_counter() - t) * 1000)
        await asyncio.sleep(max(0.0, interval - (time.perf_counter() - t)))
    return out


def p99(xs: list[float]) -> float:
    s = sorted(xs)
    return s[int(0.99 * (len(s) - 1))]


async def rounds(args: argparse.Namespace, grpc_port: int, http_port: int) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{grpc_port}", options=GRPC_OPTIONS) as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        small = project_pb2.Project(
            metadata=meta_pb2.ObjectMeta(name="small", namespace=NAMESPACE),
            spec=project_pb2.ProjectSpec(owning_team="a"),
        )
        await stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=small))
        victim = project_pb2.Project()
        victim.CopyFrom(small)
        victim.metadata.name = "victim"
        await stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=victim))
        await probe(stub, 1.0, args.probe_interval)  # warm up
        idle, busy, maxes, totals = [], [], [], Counter[str]()
        bad: list[str] = []
        for r in range(args.runs):
            lat = await probe(stub, args.seconds, args.probe_interval)
            idle.append(p99(lat))
            load = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--load",
                    f"{grpc_port},{http_port}",
                    "--clients",
                    str(args.clients),
                    "--seconds",
                    str(args.seconds),
                    "--object-bytes",
                    str(args.object_bytes),
                    "--kinds",
                    args.kinds,
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                assert load.stdin is not None and load.stdout is not None
                if load.stdout.readline().strip() != "ready":
                    raise RuntimeError("the load process did not start")
                load.stdin.write("go\n")
                load.stdin.flush()
                lat = await probe(stub, args.seconds, args.probe_interval)
                out, _ = await asyncio.get_running_loop().run_in_executor(None, load.communicate, None, 120)
            finally:
                if load.poll() is None:
                    load.kill()
                    load.wait(10)
            busy.append(p99(lat))
            maxes.append(max(lat))
            report = json.loads(out.strip().splitlines()[-1])
            totals.update(report["outcomes"])
            bad += report["bad"]
            print(
                f"  round {r + 1}: Get p99 idle {idle[-1]:.2f} ms, hostile {busy[-1]:.2f} ms"
                f" (max {maxes[-1]:.1f} ms, {len(lat)} Gets); {sum(report['outcomes'].values())} hostile requests",
                flush=True,
            )
    m_idle, m_busy = statistics.median(idle), statistics.median(busy)
    print(
        f"hostile bench: median of {args.runs} rounds of {args.seconds:.0f} s, {args.clients} hostile clients,"
        f" large objects {args.object_bytes} bytes, kinds {args.kinds}"
    )
    print(f"  Get p99 idle      {m_idle:8.2f} ms")
    print(f"  Get p99 hostile   {m_busy:8.2f} ms   {m_busy / m_idle:5.1f}x idle (goal <= 5x)")
    print(f"  Get max hostile   {statistics.median(maxes):8.2f} ms (median of the rounds' maxima)")
    print("  hostile answers: " + ", ".join(f"{k} x{v}" for k, v in sorted(totals.items())))
    if bad:
        print(f"  FAILURES (5xx / INTERNAL / UNKNOWN): {len(bad)}; first: {bad[:3]}")
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each idle and hostile window")
    parser.add_argument("--clients", type=int, default=8, help="concurrent hostile clients")
    parser.add_argument("--object-bytes", type=int, default=OBJECT_BYTES, help="size of the large creates")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"hostile request kinds to cycle through ({KINDS})")
    parser.add_argument("--probe-interval", type=float, default=0.005, help="seconds between probe Gets")
    parser.add_argument("--load", help=argparse.SUPPRESS)  # internal: run the hostile load against GRPC,HTTP ports
    args = parser.parse_args()
    if args.load:
        grpc_port, http_port = (int(x) for x in args.load.split(","))
        kinds = tuple(args.kinds.split(","))
        result = asyncio.run(hostile(grpc_port, http_port, args.clients, args.seconds, args.object_bytes, kinds))
        print(json.dumps(result), flush=True)
        return
    server, grpc_port, http_port = ma_server()
    try:
        if not http_port:
            raise RuntimeError("the hostile bench needs the HTTP gateway")
        asyncio.run(rounds(args, grpc_port, http_port))
    finally:
        server.stop()


if __name__ == "__main__":
    main()

"""Storage figures (issue 11), each against a baseline measured in the same run, medians of --runs rounds.

1. SQLite group commit vs one transaction per write, --writers concurrent
   writers (goal >= 5x): creates/s of the storage itself (`SqliteStorage` in
   this process, what group commit changes), and through ma-server (two
   servers side by side, `sqlite:///...` and `sqlite:///...?group_commit=off`,
   where the server's own per-request CPU caps the group-commit side).
2. ma-server on etcd vs on SQLite (group commit): Get, Create and Update calls/s
   (--writers in flight), same objects.
3. etcd's own put and range rate from a small Go client (`bench/etcdload`, the
   official clientv3) against the same etcd: the ceiling of any server on it.
4. 1 vs 2 ma-server instances on one etcd: Create calls/s with the same load on
   one instance, then spread over both.

One real etcd member (fsync on, `ma_codegen.services`), ma-server children, all
on 127.0.0.1; the load runs in this process (grpc.aio). Every load is bounded in
calls and seconds. All of it shares the machine's cores: the figures compare the
setups on the same machine, they are not any one part's ceiling.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Awaitable
from pathlib import Path

import grpc
from server_bench import Child, closed_loop, sample_project

from ma_codegen.services import ROOT, EtcdCluster
from ma_server.storage import SqliteStorage
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

NAMESPACE = "bench"
_names = itertools.count()


def ma_server(storage: str, *extra: str) -> tuple[Child, int]:
    args = [sys.executable, "-m", "ma_server.main", "--storage", storage, "--grpc-port", "0", "--http-port", "0"]
    child = Child([*args, "--log-level", "warning", "--token-secret", "storage-bench", *extra])
    return child, int(json.loads(child.first_line)["grpc_port"])


async def create_rate(ports: list[int], calls: int, concurrency: int, seconds: float) -> float:
    """Creates/s of fresh objects, the workers spread over `ports` (one channel each)."""
    channels = [grpc.aio.insecure_channel(f"127.0.0.1:{p}") for p in ports]
    try:
        stubs = [project_svc_pb2_grpc.ProjectServiceStub(ch) for ch in channels]
        turn = itertools.count()

        def create() -> Awaitable[object]:
            request = project_svc_pb2.CreateProjectRequest(project=sample_project(f"c{next(_names)}"))
            return stubs[next(turn) % len(stubs)].CreateProject(request, timeout=30)

        return await closed_loop(create, calls, concurrency, seconds)
    finally:
        for ch in channels:
            await ch.close()


async def get_update_rates(port: int, calls: int, concurrency: int, seconds: float) -> tuple[float, float]:
    """(Gets/s, Updates/s) on `concurrency` objects of one server, one object per worker."""
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
        stub = project_svc_pb2_grpc.ProjectServiceStub(ch)
        objects = []
        for _ in range(concurrency):
            request = project_svc_pb2.CreateProjectRequest(project=sample_project(f"u{next(_names)}"))
            objects.append(await stub.CreateProject(request, timeout=30))
        slot = itertools.count()

        def get() -> Awaitable[object]:
            p = objects[next(slot) % len(objects)]
            request = project_svc_pb2.GetProjectRequest(namespace=NAMESPACE, name=p.metadata.name)
            return stub.GetProject(request, timeout=30)

        gets = await closed_loop(get, calls, concurrency, seconds)
        free = list(range(len(objects)))

        async def update() -> None:
            i = free.pop()  # each worker owns one object at a time: no conflicts
            try:
                p = objects[i]
                p.metadata.labels["n"] = str(int(p.metadata.labels.get("n", "0")) + 1)
                objects[i] = await stub.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p), timeout=30)
            finally:
                free.append(i)

        updates = await closed_loop(update, calls, concurrency, seconds)
        return gets, updates


async def storage_create_rate(path: Path, group_commit: bool, calls: int, concurrency: int, seconds: float) -> float:
    """Creates/s of a fresh SqliteStorage file (synchronous=FULL), no server in between."""
    store = SqliteStorage.open(path, group_commit=group_commit)
    value = sample_project("s").SerializeToString()
    try:
        return await closed_loop(
            lambda: store.create(f"/registry/bench/s/{next(_names)}", value), calls, concurrency, seconds
        )
    finally:
        await store.close()


def etcdload(binary: Path, endpoints: str, op: str, clients: int, calls: int, seconds: float) -> float:
    out = subprocess.run(
        [str(binary), "-endpoints", endpoints, "-op", op, "-clients", str(clients), "-calls", str(calls),
         "-seconds", str(seconds)],
        capture_output=True, text=True, timeout=seconds + 60, check=True,
    )  # fmt: skip
    return float(json.loads(out.stdout.strip().splitlines()[-1])["rate"])


def build_etcdload(work: Path) -> Path:
    """The Go ceiling client, built from bench/etcdload (clientv3 at the pinned etcd version)."""
    binary = work / "etcdload"
    subprocess.run(["go", "build", "-o", str(binary), "."], cwd=ROOT / "bench" / "etcdload", check=True, timeout=600)
    return binary


def median(xs: list[float]) -> float:
    return statistics.median(xs)


async def rounds(args: argparse.Namespace, work: Path) -> None:
    binary = build_etcdload(work)
    with EtcdCluster(work / "etcd", 1) as cluster:
        children: list[Child] = []
        try:
            group, group_port = ma_server(f"sqlite:///{work}/group.db")
            per_write, per_write_port = ma_server(f"sqlite:///{work}/per-write.db?group_commit=off")
            on_etcd, etcd_port = ma_server(cluster.url)
            second, second_port = ma_server(cluster.url)
            children += [group, per_write, on_etcd, second]
            n, c, s = args.calls, args.writers, args.seconds
            figures: dict[str, list[float]] = {}

            def add(name: str, value: float) -> None:
                figures.setdefault(name, []).append(value)

            for r in range(args.runs):
                per, grp = work / f"per-{r}.db", work / f"group-{r}.db"
                add("storage per-write creates/s", await storage_create_rate(per, False, 4 * n, c, s))
                add("storage group-commit creates/s", await storage_create_rate(grp, True, 4 * n, c, s))
                add("sqlite per-write creates/s", await create_rate([per_write_port], n, c, s))
                add("sqlite group-commit creates/s", await create_rate([group_port], n, c, s))
                add("etcd creates/s", await create_rate([etcd_port], n, c, s))
                gets, updates = await get_update_rates(group_port, n, c, s)
                add("sqlite gets/s", gets)
                add("sqlite updates/s", updates)
                gets, updates = await get_update_rates(etcd_port, n, c, s)
                add("etcd gets/s", gets)
                add("etcd updates/s", updates)
                add("etcd 2 instances creates/s", await create_rate([etcd_port, second_port], n, c, s))
                add("etcd 1 instance creates/s", await create_rate([etcd_port], n, c, s))
                add("etcd put/s (Go clientv3)", etcdload(binary, cluster.endpoints[0], "put", c, 4 * n, s))
                add("etcd range/s (Go clientv3)", etcdload(binary, cluster.endpoints[0], "range", c, 4 * n, s))
                print(
                    f"  round {r + 1}: " + ", ".join(f"{k} {v[-1]:.0f}" for k, v in figures.items()),
                    flush=True,
                )
        finally:
            for child in children:
                child.stop()
    m = {k: median(v) for k, v in figures.items()}
    print(f"storage bench: median of {args.runs} rounds, {args.writers} in flight, <= {args.calls} calls per figure")
    sg, sp = m["storage group-commit creates/s"], m["storage per-write creates/s"]
    ratio = sg / sp
    print(f"  SQLite storage creates/s: group commit {sg:8.0f}, one commit per write {sp:8.0f}   {ratio:5.1f}x")
    print("                            (goal >= 5x)")
    gc, pw = m["sqlite group-commit creates/s"], m["sqlite per-write creates/s"]
    print(f"  through ma-server:        group commit {gc:8.0f}, one commit per write {pw:8.0f}   {gc / pw:5.1f}x")
    for verb in ("gets", "creates", "updates"):
        sq = m["sqlite gets/s"] if verb == "gets" else gc if verb == "creates" else m["sqlite updates/s"]
        et = m[f"etcd {verb}/s"]
        print(f"  {verb:>7}/s through ma-server: etcd {et:8.0f}, SQLite {sq:8.0f}   {et / sq:5.2f}x")
    put, rng = m["etcd put/s (Go clientv3)"], m["etcd range/s (Go clientv3)"]
    print(f"  etcd's own rate (Go clientv3, {args.writers} in flight): put {put:8.0f}/s, range {rng:8.0f}/s")
    one, two = m["etcd 1 instance creates/s"], m["etcd 2 instances creates/s"]
    print(f"  creates/s on etcd: 2 instances {two:8.0f}, 1 instance {one:8.0f}   {two / one:5.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--writers", type=int, default=32, help="calls in flight")
    parser.add_argument("--calls", type=int, default=3000, help="at most this many calls per figure and round")
    parser.add_argument("--seconds", type=float, default=5.0, help="at most this long per figure and round")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ma-storage-bench-") as tmp:
        asyncio.run(rounds(args, Path(tmp)))


if __name__ == "__main__":
    main()

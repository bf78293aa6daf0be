"""Two ma-server instances on one real 3-member etcd cluster (issue 11).

Every process here is real: three etcd members on loopback ports (with fsync)
and two `ma-server --storage etcd://...` children sharing one --token-secret.
The cluster and servers are started once for the module and always stopped.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import httpx
import pytest
from api_helpers import increment_counter, project
from api_server import ServerProcess
from grpc_health.v1 import health_pb2, health_pb2_grpc

from ma_codegen.services import EtcdCluster, free_ports
from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

Stub = project_svc_pb2_grpc.ProjectServiceStub
CLIENTS = 32
INCREMENTS = 100
TOKEN_SECRET = "etcd-instances-test-secret"


class Instances:
    def __init__(self, cluster: EtcdCluster, a: ServerProcess, b: ServerProcess) -> None:
        self.cluster, self.a, self.b = cluster, a, b


@pytest.fixture(scope="module")
def instances(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instances]:
    d = tmp_path_factory.mktemp("etcd3")
    cluster = EtcdCluster(d / "etcd", 3).start()
    servers: list[ServerProcess] = []
    try:
        # A short etcd call timeout keeps the quorum-loss test bounded (a call fails after 3 s).
        url = f"{cluster.url}?timeout=3"
        for name in ("a", "b"):
            servers.append(ServerProcess(url, d / f"{name}.log", "--token-secret", TOKEN_SECRET).start())
        yield Instances(cluster, servers[0], servers[1])
    finally:
        for srv in servers:
            srv.stop()
        cluster.remove()


def test_conflict_retried_increments_over_two_instances_are_exact(instances: Instances, ns: str) -> None:
    """32 clients x 100 increments, half through each instance, on a 3-member etcd: exactly 3200."""

    async def main() -> tuple[int, int]:
        async with grpc.aio.insecure_channel(instances.a.target) as ch:
            stub = Stub(ch)
            await stub.CreateProject(
                project_svc_pb2.CreateProjectRequest(project=project(ns, "counter", labels={"count": "0"}))
            )
            targets = [instances.a.target, instances.b.target]
            retries = await asyncio.gather(
                *(increment_counter(targets[c % 2], ns, c, INCREMENTS) for c in range(CLIENTS))
            )
            final = await Stub(ch).GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="counter"))
            return int(final.metadata.labels["count"]), sum(retries)

    start = time.monotonic()
    count, retries = asyncio.run(asyncio.wait_for(main(), timeout=240))
    assert count == CLIENTS * INCREMENTS
    print(f"etcd, 2 instances: {count} increments, {retries} ABORTED retries in {time.monotonic() - start:.1f}s")


def test_a_watch_on_one_instance_sees_writes_through_the_other_in_order_once(instances: Instances, ns: str) -> None:
    async def main() -> None:
        async with (
            grpc.aio.insecure_channel(instances.a.target) as cha,
            grpc.aio.insecure_channel(instances.b.target) as chb,
        ):
            a, b = Stub(cha), Stub(chb)
            listed = await a.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns))
            rv = listed.metadata.resource_version
            watch = a.WatchProjects(
                project_svc_pb2.WatchProjectsRequest(
                    namespace=ns, options=list_pb2.WatchOptions(resource_version=rv, timeout_seconds=60)
                )
            )
            expected: list[tuple[str, str, str]] = []
            for i in range(20):
                p = await b.CreateProject(
                    project_svc_pb2.CreateProjectRequest(project=project(ns, f"w{i:02d}")), timeout=10
                )
                expected.append(("ADDED", p.metadata.name, p.metadata.resource_version))
                if i % 3 == 0:
                    p.spec.description = "changed"
                    p = await b.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p), timeout=10)
                    expected.append(("MODIFIED", p.metadata.name, p.metadata.resource_version))
                if i % 5 == 0:
                    await b.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name=p.metadata.name))
                    expected.append(("DELETED", p.metadata.name, ""))
            seen: list[tuple[str, str, str]] = []
            async for ev in watch:
                if ev.type == list_pb2.BOOKMARK:
                    continue
                seen.append(
                    (
                        list_pb2.WatchEventType.Name(ev.type),
                        ev.object.metadata.name,
                        ev.object.metadata.resource_version,
                    )
                )
                if len(seen) == len(expected):
                    break
            watch.cancel()
            revisions = [int(rv) for _, _, rv in seen]
            assert revisions == sorted(revisions) and len(set(revisions)) == len(revisions)
            # A deletion's resourceVersion is the deletion's revision, known only from the watch.
            assert [(t, n, r if t != "DELETED" else "") for t, n, r in seen] == expected

    asyncio.run(asyncio.wait_for(main(), timeout=60))


def test_a_continue_token_from_one_instance_works_on_the_other(instances: Instances, ns: str) -> None:
    async def main() -> None:
        async with (
            grpc.aio.insecure_channel(instances.a.target) as cha,
            grpc.aio.insecure_channel(instances.b.target) as chb,
        ):
            a, b = Stub(cha), Stub(chb)
            names = [f"p{i:02d}" for i in range(10)]
            for n in names:
                await a.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, n)))
            first = await a.ListProjects(
                project_svc_pb2.ListProjectsRequest(namespace=ns, options=list_pb2.ListOptions(limit=4))
            )
            # A write after the first page: the continued pages still read the first page's revision.
            await b.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "p05a")))
            got = [p.metadata.name for p in first.items]
            token, stubs = first.metadata.continue_token, [b, a]
            for turn in range(10):
                if not token:
                    break
                page = await stubs[turn % 2].ListProjects(
                    project_svc_pb2.ListProjectsRequest(
                        namespace=ns, options=list_pb2.ListOptions(limit=4, continue_token=token)
                    )
                )
                assert page.metadata.resource_version == first.metadata.resource_version
                got += [p.metadata.name for p in page.items]
                token = page.metadata.continue_token
            assert got == names

    asyncio.run(asyncio.wait_for(main(), timeout=60))


async def _wait_health(ch: grpc.aio.Channel, want: int, http_port: int | None, within: float = 20.0) -> None:
    """Poll gRPC health (and HTTP /readyz) until they say `want` (SERVING / NOT_SERVING)."""
    health = health_pb2_grpc.HealthStub(ch)
    deadline = time.monotonic() + within
    while True:
        got = (await health.Check(health_pb2.HealthCheckRequest(service=""), timeout=5)).status
        if got == want:
            break
        assert time.monotonic() < deadline, f"health stayed {got}, wanted {want}"
        await asyncio.sleep(0.2)
    async with httpx.AsyncClient() as http:
        readyz = await http.get(f"http://127.0.0.1:{http_port}/readyz", timeout=5)
        livez = await http.get(f"http://127.0.0.1:{http_port}/livez", timeout=5)
    assert readyz.status_code == (200 if want == health_pb2.HealthCheckResponse.SERVING else 503), readyz.text
    assert livez.status_code == 200  # the process is alive either way


def test_quorum_loss_is_unavailable_and_nothing_acknowledged_is_lost(instances: Instances, ns: str) -> None:
    """One member of three down: service continues. Two down: writes fail UNAVAILABLE (never
    INTERNAL) and readiness goes NOT_SERVING. Both back: SERVING again, writes resume and every
    acknowledged write is there."""
    cluster = instances.cluster

    async def main() -> None:
        async with grpc.aio.insecure_channel(instances.a.target) as ch:
            stub = Stub(ch)
            acked: list[str] = []

            async def create(name: str) -> grpc.StatusCode:
                try:
                    await stub.CreateProject(
                        project_svc_pb2.CreateProjectRequest(project=project(ns, name)), timeout=20
                    )
                except grpc.aio.AioRpcError as e:
                    return e.code()
                acked.append(name)
                return grpc.StatusCode.OK

            assert await create("before") == grpc.StatusCode.OK
            cluster.stop_member(2)
            for i in range(20):
                assert await create(f"one-down-{i}") == grpc.StatusCode.OK
            cluster.stop_member(1)
            codes = [await create(f"two-down-{i}") for i in range(3)]
            assert set(codes) == {grpc.StatusCode.UNAVAILABLE}, codes
            await _wait_health(ch, health_pb2.HealthCheckResponse.NOT_SERVING, instances.a.http_port)
            cluster.start_member(1)
            cluster.start_member(2)
            await _wait_health(ch, health_pb2.HealthCheckResponse.SERVING, instances.a.http_port, within=40)
            deadline = time.monotonic() + 30
            while await create(f"back-{len(acked)}") != grpc.StatusCode.OK:
                assert time.monotonic() < deadline, "writes did not resume within 30 s of quorum's return"
                await asyncio.sleep(0.2)
            listed = await stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns))
            assert set(acked) <= {p.metadata.name for p in listed.items}
        async with httpx.AsyncClient() as http:
            metrics = (await http.get(f"http://127.0.0.1:{instances.a.http_port}/metrics", timeout=5)).text
        assert 'ma_storage_request_duration_seconds_count{op="txn"}' in metrics
        assert 'ma_storage_request_duration_seconds_count{op="range"}' in metrics

    try:
        asyncio.run(asyncio.wait_for(main(), timeout=120))
    finally:
        cluster.start_member(1)
        cluster.start_member(2)


def test_an_unreachable_cluster_at_start_is_one_line_and_exit_1(tmp_path: Path) -> None:
    (port,) = free_ports(1)
    proc = subprocess.run(
        [sys.executable, "-m", "ma_server.main", "--storage", f"etcd://127.0.0.1:{port}", "--grpc-port", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "server failed: storage etcd://127.0.0.1" in lines[0] and "unavailable" in lines[0]
    assert "Traceback" not in proc.stderr

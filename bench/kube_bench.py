"""The proxy's cost (issue 12): ma-server on `--storage kubernetes` vs direct REST calls to the same
kube-apiserver, medians of --runs alternating rounds.

One real etcd member and kube-apiserver (HTTPS, token auth, RBAC; `ma_codegen.kube_apiserver`)
with the generated CRDs; ma-server in front of it. The same objects (one Project to Get, --objects
Projects to List) read by the same client (`bench/httpload`, a small Go program: HTTP/1.1
keep-alive, --concurrency in flight, so the client costs little next to the servers):

- Get one object and List all of them directly from kube-apiserver (its REST paths, its TLS);
- the same through ma-server's HTTP/JSON gateway (plain HTTP: ma-server adds its own hop);
- Get and List through ma-server over gRPC (a grpc.aio client in this process).

Ratios are ma-server / direct. Everything shares the machine's 2 cores, client included: the
figures compare the paths on one machine, they are not a ceiling of either server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
from server_bench import Child, closed_loop

from ma_codegen.kube_apiserver import KubeApiServer
from ma_codegen.services import EtcdCluster
from ma_server.crd_sync import manifests
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

HERE = Path(__file__).resolve().parent
NAMESPACE = "bench"
SECONDS = 8.0


def project(name: str) -> dict[str, object]:
    return {
        "apiVersion": "michelangelo.api/v2",
        "kind": "Project",
        "metadata": {"name": name, "namespace": NAMESPACE, "labels": {"suite": "bench"}},
        "spec": {"owningTeam": "ml-platform", "tier": "standard", "description": "x" * 200},
    }


def build_httpload(folder: Path) -> Path:
    exe = folder / "httpload"
    subprocess.run(["go", "build", "-o", str(exe), "."], cwd=HERE / "httpload", check=True, timeout=300)
    return exe


def http_rate(exe: Path, url: str, args: argparse.Namespace, token: str = "", ca: Path | None = None) -> float:
    cmd = [str(exe), "-url", url, "-c", str(args.concurrency), "-n", str(args.calls), "-d", f"{SECONDS}s"]
    if token:
        cmd += ["-token", token]
    if ca is not None:
        cmd += ["-ca", str(ca)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=SECONDS + 60)
    result = json.loads(done.stdout)
    if result["errors"]:
        sys.exit(f"kube bench: {result['errors']} failed GETs of {url}")
    return float(result["rate"])


async def grpc_rate(port: int, list_all: bool, calls: int, concurrency: int) -> float:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        call: Callable[[], Awaitable[object]]
        if list_all:
            req = project_svc_pb2.ListProjectsRequest(namespace=NAMESPACE)
            call = lambda: stub.ListProjects(req, timeout=30)  # noqa: E731
        else:
            get = project_svc_pb2.GetProjectRequest(namespace=NAMESPACE, name="p0")
            call = lambda: stub.GetProject(get, timeout=30)  # noqa: E731
        await call()
        return await closed_loop(call, calls, concurrency, SECONDS)


def measure(
    kas: KubeApiServer, exe: Path, http_port: int, grpc_port: int, args: argparse.Namespace
) -> dict[str, float]:
    collection = f"/apis/michelangelo.api/v2/namespaces/{NAMESPACE}/projects"
    out: dict[str, float] = {}
    for what, path in (("get", f"{collection}/p0"), ("list", collection)):
        out[f"{what} direct"] = http_rate(exe, kas.url + path, args, kas.tokens["admin"], kas.ca_file)
        out[f"{what} ma-server http"] = http_rate(exe, f"http://127.0.0.1:{http_port}{path}", args)
        out[f"{what} ma-server grpc"] = asyncio.run(grpc_rate(grpc_port, what == "list", args.calls, args.concurrency))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--objects", type=int, default=100)
    p.add_argument("--calls", type=int, default=20_000)
    p.add_argument("--concurrency", type=int, default=16)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="ma-kube-bench-") as tmp:
        root = Path(tmp)
        with EtcdCluster(root / "etcd", 1) as etcd, KubeApiServer(root / "apiserver", etcd) as kas:
            kas.apply_crds(manifests())
            kas.request("POST", "/api/v1/namespaces", {"metadata": {"name": NAMESPACE}})
            for i in range(args.objects):
                status, body = kas.request(
                    "POST", f"/apis/michelangelo.api/v2/namespaces/{NAMESPACE}/projects", project(f"p{i}")
                )
                if status != 201:
                    sys.exit(f"kube bench: create refused ({status}): {body.get('message')}")
            cmd = [sys.executable, "-m", "ma_server.main", "--storage", "kubernetes", "--kubeconfig"]
            child = Child(
                [*cmd, str(kas.kubeconfig()), "--grpc-port", "0", "--http-port", "0", "--log-level", "warning"]
            )
            try:
                ready = json.loads(child.first_line)
                exe = build_httpload(root)
                rounds = [measure(kas, exe, ready["http_port"], ready["grpc_port"], args) for _ in range(args.runs)]
            finally:
                child.stop()
    setup = f"{args.objects} Projects, {args.concurrency} in flight, median of {args.runs} rounds"
    print(f"ma-server on kubernetes vs direct kube-apiserver REST ({setup}, calls/s):")
    for what in ("get", "list"):
        direct = statistics.median(r[f"{what} direct"] for r in rounds)
        print(f"  {what:4} direct kube-apiserver (HTTPS)  {direct:8.0f}")
        for via in ("ma-server http", "ma-server grpc"):
            rate = statistics.median(r[f"{what} {via}"] for r in rounds)
            print(f"  {what:4} {via:28} {rate:8.0f}   {rate / direct:5.2f}x")


if __name__ == "__main__":
    main()

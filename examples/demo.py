"""Demo of the main job: start the embedded server (SQLite), then use it over gRPC and HTTP/JSON.

Run: .nox/shared/bin/python examples/demo.py   (or `./nox.sh -s main`, which runs it last)
Everything listens on 127.0.0.1 and the server is stopped at the end, whatever happens.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

import grpc

from michelangelo.api import list_pb2, meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc


def start_server(data_dir: Path) -> tuple[subprocess.Popen[str], int, int]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ma_server.main",
            "--storage",
            f"sqlite:///{data_dir}/data.db",
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--log-level",
            "warning",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(30)
    if not line or not line[0].strip():
        proc.kill()
        raise SystemExit("demo: ma-server did not start within 30 s")
    ready = json.loads(line[0])
    return proc, int(ready["grpc_port"]), int(ready["http_port"])


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ma-demo-") as tmp:
        proc, grpc_port, http_port = start_server(Path(tmp))
        try:
            print(f"ma-server: gRPC on 127.0.0.1:{grpc_port}, HTTP/JSON on 127.0.0.1:{http_port}, SQLite in {tmp}")
            with grpc.insecure_channel(f"127.0.0.1:{grpc_port}") as channel:
                projects = project_svc_pb2_grpc.ProjectServiceStub(channel)
                created = projects.CreateProject(
                    project_svc_pb2.CreateProjectRequest(
                        project=project_pb2.Project(
                            metadata=meta_pb2.ObjectMeta(name="eta", namespace="eta", labels={"team": "maps"}),
                            spec=project_pb2.ProjectSpec(
                                owning_team="maps", tier="critical", description="ETA prediction"
                            ),
                        )
                    )
                )
                meta = created.metadata
                print(f"created Project eta/eta uid={meta.uid} resourceVersion={meta.resource_version}")
                try:
                    projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=created))
                except grpc.RpcError as err:
                    print(f"creating it again: {err.code().name}: {err.details()}")
                created.spec.description = "ETA prediction, v2"
                updated = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=created))
                print(f"updated: generation {created.metadata.generation} -> {updated.metadata.generation}")
                page = projects.ListProjects(
                    project_svc_pb2.ListProjectsRequest(
                        options=list_pb2.ListOptions(label_selector="team=maps", limit=10)
                    )
                )
                names = [p.metadata.name for p in page.items]
                print(f"list team=maps: {names} at resourceVersion {page.metadata.resource_version}")
            url = f"http://127.0.0.1:{http_port}/apis/michelangelo.api/v2/namespaces/eta/projects/eta"
            with urllib.request.urlopen(url, timeout=10) as resp:
                obj = json.load(resp)
            print(
                f"GET {url} -> {obj['apiVersion']} {obj['kind']} {obj['metadata']['name']} "
                f"(generation {obj['metadata']['generation']}, tier {obj['spec']['tier']})"
            )
        finally:
            proc.terminate()
            proc.wait(15)
    print("demo: ok")


if __name__ == "__main__":
    main()

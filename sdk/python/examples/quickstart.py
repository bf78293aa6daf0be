"""Five-minute tour of the Python client: create a project, list models, watch pipeline runs.

Run against a local server (`ma-server --storage memory://`):

    MA_SERVER_ADDR=127.0.0.1:50051 python sdk/python/examples/quickstart.py

This is the example of sdk/python/README.md; tests run it, and `mypy --strict` checks it.
"""

from __future__ import annotations

import os

from michelangelo.api import list_pb2, meta_pb2
from michelangelo.api.v2 import pipeline_run_pb2, project_pb2
from michelangelo.api.v2.client import AlreadyExists, Client, ClientConfig, Invalid


def main() -> None:
    config = ClientConfig(
        target=os.environ.get("MA_SERVER_ADDR", "127.0.0.1:50051"),
        tls=False,  # a local plaintext ma-server; TLS is the default
        default_namespace="eta",  # every call below works in namespace "eta"
        timeout=10.0,  # seconds for the whole call, retries included (per page for lists)
    )
    with Client(config=config) as client:
        # 1. Create a project (or reuse it when it already exists).
        project = project_pb2.Project(
            metadata=meta_pb2.ObjectMeta(name="eta", labels={"team": "maps"}),
            spec=project_pb2.ProjectSpec(owning_team="maps", tier="standard", description="ETA prediction"),
        )
        try:
            project = client.projects.create(project)
            print(f"created project {project.metadata.name} (uid {project.metadata.uid})")
        except AlreadyExists:
            project = client.projects.get("eta")
            print(f"project {project.metadata.name} already exists")

        # Invalid objects are rejected before any call, with the server's messages.
        try:
            client.projects.create(project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="Not A Name")))
        except Invalid as err:
            print("invalid:", "; ".join(str(v) for v in err.details))

        # 2. List models, 50 per page; the pager follows continue tokens lazily.
        for model in client.models.list(label_selector="team=maps", limit=50):
            print(f"model {model.metadata.name}: {model.spec.artifact_uri}")

        # 3. Watch pipeline runs: existing runs arrive as ADDED, then every change.
        with client.pipeline_runs.watch() as runs:
            run = pipeline_run_pb2.PipelineRun(
                metadata=meta_pb2.ObjectMeta(name="train-eta-1"),
                spec=pipeline_run_pb2.PipelineRunSpec(pipeline="train-eta"),
            )
            try:
                client.pipeline_runs.create(run)
            except AlreadyExists:
                pass
            for event in runs:
                kind = list_pb2.WatchEventType.Name(event.type)
                print(f"pipeline run {event.object.metadata.name}: {kind}")
                if event.object.metadata.name == "train-eta-1":
                    break


if __name__ == "__main__":
    main()

"""A small typed program over the generated bindings; `mypy --strict` must pass on it.

Run: python sdk/python/examples/typed_usage.py
"""

from __future__ import annotations

import grpc
from google.protobuf import json_format

from michelangelo.api import list_pb2, meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc


def new_project(name: str, team: str) -> project_pb2.Project:
    """A Project manifest as a user would write it."""
    return project_pb2.Project(
        api_version="michelangelo.api/v2",
        kind="Project",
        metadata=meta_pb2.ObjectMeta(name=name, namespace=name, labels={"team": team}),
        spec=project_pb2.ProjectSpec(owning_team=team, tier="standard", description="ETA prediction"),
    )


def list_request(namespace: str, page_size: int) -> project_svc_pb2.ListProjectsRequest:
    return project_svc_pb2.ListProjectsRequest(
        namespace=namespace,
        options=list_pb2.ListOptions(label_selector="team=maps", limit=page_size),
    )


def stub_for(channel: grpc.Channel) -> project_svc_pb2_grpc.ProjectServiceStub:
    return project_svc_pb2_grpc.ProjectServiceStub(channel)


def main() -> str:
    project = new_project("eta", "maps")
    wire: bytes = project.SerializeToString(deterministic=True)
    again = project_pb2.Project.FromString(wire)
    assert again == project
    request = list_request("eta", 100)
    assert request.options.limit == 100
    with grpc.insecure_channel("127.0.0.1:1") as channel:
        stub = stub_for(channel)
        assert callable(stub.GetProject)
    text: str = json_format.MessageToJson(project)
    return text


if __name__ == "__main__":
    print(main())

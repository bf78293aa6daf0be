"""The conformance control additions: LoseResponse, Fail with RetryInfo, CutWatch codes, journal fields;
and the status of an oversized request."""

from __future__ import annotations

import grpc
import httpx
import pytest
from api_helpers import project, rpc_error
from api_server import ControlClient, ServerProcess
from google.rpc import error_details_pb2, status_pb2

from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

C = grpc.StatusCode
Stub = project_svc_pb2_grpc.ProjectServiceStub
SVC = "/michelangelo.api.v2.ProjectService/"


def retry_info(err: grpc.RpcError) -> error_details_pb2.RetryInfo | None:
    for k, v in err.trailing_metadata() or ():  # type: ignore[attr-defined]
        if k == "grpc-status-details-bin":
            for d in status_pb2.Status.FromString(v).details:
                info = error_details_pb2.RetryInfo()
                if d.Unpack(info):
                    return info
    return None


def test_lose_response_applies_the_write_then_fails(channel: grpc.Channel, control: ControlClient, ns: str) -> None:
    stub = Stub(channel)
    control("LoseResponse", {"method": SVC + "CreateProject", "code": "UNAVAILABLE", "times": 1})
    req = project_svc_pb2.CreateProjectRequest(project=project(ns, "p"))
    err = rpc_error(lambda: stub.CreateProject(req))
    assert err.code() == C.UNAVAILABLE and "response lost" in (err.details() or "")
    # The write happened.
    assert stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="p")).metadata.name == "p"
    # A call failing in the handler keeps its own error and does not use the turn.
    control("LoseResponse", {"method": SVC + "CreateProject", "code": "INTERNAL", "times": 1})
    assert rpc_error(lambda: stub.CreateProject(req)).code() == C.ALREADY_EXISTS
    other = project_svc_pb2.CreateProjectRequest(project=project(ns, "q"))
    assert rpc_error(lambda: stub.CreateProject(other)).code() == C.INTERNAL
    stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "r")))  # turns used up
    calls = control("Calls", {"method": SVC + "CreateProject"})["calls"]
    assert [c["code"] for c in calls] == ["UNAVAILABLE", "ALREADY_EXISTS", "INTERNAL", "OK"]  # type: ignore[index]
    err = rpc_error(lambda: control("LoseResponse", {"method": SVC + "CreateProject", "code": "OK"}))
    assert err.code() == C.INVALID_ARGUMENT


def test_fail_with_retry_delay_carries_retry_info(channel: grpc.Channel, control: ControlClient, ns: str) -> None:
    stub = Stub(channel)
    req = project_svc_pb2.GetProjectRequest(namespace=ns, name="x")
    control("Fail", {"method": SVC + "GetProject", "code": "RESOURCE_EXHAUSTED", "retry_delay_ms": 1500})
    err = rpc_error(lambda: stub.GetProject(req))
    info = retry_info(err)
    assert err.code() == C.RESOURCE_EXHAUSTED and info is not None
    assert info.retry_delay.ToMilliseconds() == 1500
    control("Fail", {"method": SVC + "GetProject", "code": "RESOURCE_EXHAUSTED"})
    err = rpc_error(lambda: stub.GetProject(req))
    assert err.code() == C.RESOURCE_EXHAUSTED and retry_info(err) is None
    bad = rpc_error(lambda: control("Fail", {"method": SVC + "GetProject", "retry_delay_ms": -1}))
    assert bad.code() == C.INVALID_ARGUMENT


@pytest.mark.parametrize("status", ["INTERNAL", "RESOURCE_EXHAUSTED", "UNAVAILABLE"])
def test_cut_watch_with_a_code(channel: grpc.Channel, control: ControlClient, ns: str, status: str) -> None:
    stub = Stub(channel)
    stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "a")))
    control("CutWatch", {"method": SVC + "WatchProjects", "after_events": 1, "status": status})
    stream = stub.WatchProjects(
        project_svc_pb2.WatchProjectsRequest(namespace=ns, options=list_pb2.WatchOptions()), timeout=10
    )
    got = []
    with pytest.raises(grpc.RpcError) as info:
        for ev in stream:
            got.append(ev.object.metadata.name)
    assert got == ["a"] and info.value.code() == C[status]


def test_cut_watch_rejects_other_codes(control: ControlClient) -> None:
    err = rpc_error(lambda: control("CutWatch", {"method": SVC + "WatchProjects", "status": "NOT_FOUND"}))
    assert err.code() == C.INVALID_ARGUMENT


def test_journal_records_key_user_agent_and_metadata(control: ControlClient, server: ServerProcess, ns: str) -> None:
    with grpc.insecure_channel(server.target, options=[("grpc.primary_user_agent", "probe-agent/1.2")]) as ch:
        stub = Stub(ch)
        md = (("idempotency-key", "k-1"), ("x-trace-id", "abc"), ("authorization", "Bearer t"), ("x-other", "2"))
        stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "p")), metadata=md)
        stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="p"))
    calls = control("Calls", {})["calls"]
    create, get = calls  # type: ignore[misc]
    assert create["idempotency_key"] == "k-1" and get["idempotency_key"] is None
    assert create["user_agent"].startswith("probe-agent/1.2 grpc-python/")
    assert create["metadata"] == {"x-trace-id": "abc", "x-other": "2"}  # no authorization, key, user-agent, grpc-*
    assert get["metadata"] == {}


def test_oversized_request_is_resource_exhausted_without_retry_info(
    channel: grpc.Channel, control: ControlClient, server: ServerProcess, ns: str
) -> None:
    stub = Stub(channel)
    big = project(ns, "big")
    big.metadata.annotations["blob"] = "x" * (5 * 1024 * 1024)  # over the 4 MiB request limit
    err = rpc_error(lambda: stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=big), timeout=30))
    assert err.code() == C.RESOURCE_EXHAUSTED and retry_info(err) is None
    assert "larger than max" in (err.details() or "")
    # Refused by the handler, so the attempt is journaled (the suite counts attempts).
    assert [c["code"] for c in control("Calls", {"clear": True})["calls"]] == ["RESOURCE_EXHAUSTED"]  # type: ignore[index]
    # Beyond the transport limit gRPC itself refuses it, with the same code and no RetryInfo.
    big.metadata.annotations["blob"] = "x" * (17 * 1024 * 1024)
    err = rpc_error(lambda: stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=big), timeout=30))
    assert err.code() == C.RESOURCE_EXHAUSTED and retry_info(err) is None
    assert control("Calls", {})["calls"] == []
    # HTTP: a body over what an object within the 3 MiB stored-size limit can take as JSON
    # (4 MiB + 4 KiB) is 413 before it is parsed, naming the object limit.
    with httpx.Client(base_url=f"http://127.0.0.1:{server.http_port}", timeout=60) as http:
        path = f"/apis/michelangelo.api/v2/namespaces/{ns}/projects"
        obj = {
            "metadata": {"name": "big", "annotations": {"blob": "x" * (5 * 1024 * 1024)}},
            "spec": {"owningTeam": "a"},
        }
        r = http.post(path, json=obj)
        assert r.status_code == 413 and "limit is 3145728" in r.json()["message"], r.text[:300]
        huge = b'{"metadata": {"name": "big"}, "pad": "' + b"x" * (33 * 1024 * 1024) + b'"}'
        r = http.post(path, content=huge, headers={"content-type": "application/json"})
        assert r.status_code == 413 and r.json()["reason"] == "RequestEntityTooLarge"

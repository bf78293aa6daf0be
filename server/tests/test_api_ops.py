"""Reflection, health, metrics and fault injection."""

from __future__ import annotations

import json
import time
import urllib.request

import grpc
from api_helpers import project, rpc_error
from api_server import ControlClient, ServerProcess
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

from ma_server.model import load_model
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

C = grpc.StatusCode
GET = "/michelangelo.api.v2.ProjectService/GetProject"


def test_reflection_lists_every_service(channel: grpc.Channel) -> None:
    db = ProtoReflectionDescriptorDatabase(channel)
    services = set(db.get_services())
    expected = set(load_model().service_names)
    assert len(expected) == 14 and expected <= services
    assert {"grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"} <= services
    # The descriptors are served too (clients like grpcurl need them).
    svc = db.FindFileContainingSymbol("michelangelo.api.v2.ProjectService")
    assert svc.name == "michelangelo/api/v2/project_svc.proto"


def test_health_serving(channel: grpc.Channel) -> None:
    stub = health_pb2_grpc.HealthStub(channel)
    for service in ("", "michelangelo.api.v2.ProjectService"):
        resp = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=5)
        assert resp.status == health_pb2.HealthCheckResponse.SERVING


def test_fail_injection(channel: grpc.Channel, control: ControlClient, ns: str) -> None:
    stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
    stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "f")))
    assert control("Fail", {"method": GET, "code": "UNAVAILABLE", "times": 2}) == {"ok": True}
    req = project_svc_pb2.GetProjectRequest(namespace=ns, name="f")
    for _ in range(2):
        assert rpc_error(lambda: stub.GetProject(req)).code() == C.UNAVAILABLE
    assert stub.GetProject(req).metadata.name == "f"
    # Other methods are untouched.
    control("Fail", {"method": GET, "code": "INTERNAL", "times": 1})
    stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns))
    assert rpc_error(lambda: stub.GetProject(req)).code() == C.INTERNAL


def test_call_journal(channel: grpc.Channel, control: ControlClient, ns: str) -> None:
    stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
    control("Fail", {"method": GET, "code": "UNAVAILABLE", "times": 1})
    req = project_svc_pb2.GetProjectRequest(namespace=ns, name="absent")
    assert rpc_error(lambda: stub.GetProject(req, timeout=5)).code() == C.UNAVAILABLE
    assert rpc_error(lambda: stub.GetProject(req, metadata=(("authorization", "Bearer t"),))).code() == C.NOT_FOUND
    stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns))
    calls = control("Calls", {"method": GET})["calls"]
    assert [c["code"] for c in calls] == ["UNAVAILABLE", "NOT_FOUND"]
    # grpc-timeout is rounded up on the wire, so allow a little over.
    assert 0 < calls[0]["deadline_ms"] <= 5100 and calls[1]["deadline_ms"] is None
    assert [c["authorization"] for c in calls] == [False, True]
    assert calls[0]["start"] <= calls[0]["end"] <= calls[1]["start"]
    # Clearing one method's calls keeps the others.
    assert len(control("Calls", {"method": GET, "clear": True})["calls"]) == 2
    assert control("Calls", {"method": GET})["calls"] == []
    everything = control("Calls", {"clear": True})["calls"]
    assert [c["method"].rsplit("/", 1)[1] for c in everything] == ["ListProjects"]
    assert control("Calls", {})["calls"] == []
    # The conformance driver's own set-up calls are left out of the journal.
    stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns), metadata=(("x-ma-conformance", "driver"),))
    assert control("Calls", {})["calls"] == []


def test_delay_injection(channel: grpc.Channel, control: ControlClient, ns: str) -> None:
    stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
    control("Delay", {"method": GET, "seconds": 0.3, "times": 1})
    start = time.monotonic()
    assert (
        rpc_error(lambda: stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="x"))).code()
        == C.NOT_FOUND
    )
    assert time.monotonic() - start >= 0.3


def test_control_rejects_bad_bodies(control: ControlClient) -> None:
    for method, body in (
        ("Fail", {"method": "nope"}),
        ("Fail", {"method": GET, "code": "OK"}),
        ("Delay", {"method": GET}),
    ):
        err = rpc_error(lambda method=method, body=body: control(method, body))
        assert err.code() == C.INVALID_ARGUMENT
    raw = control.channel.unary_unary("/ma.conformance.Control/Reset")
    assert rpc_error(lambda: raw(b"not json", timeout=5)).code() == C.INVALID_ARGUMENT


def test_metrics_exposed_over_http(server: ServerProcess, channel: grpc.Channel, ns: str) -> None:
    assert server.http_port is not None, "ma-server must serve HTTP (ready line had no http_port)"
    stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
    stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "m")))
    rpc_error(lambda: stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="absent")))
    with urllib.request.urlopen(f"http://127.0.0.1:{server.http_port}/metrics", timeout=10) as resp:
        text = resp.read().decode()
    assert 'ma_grpc_requests_total{code="NOT_FOUND",method="/michelangelo.api.v2.ProjectService/GetProject"}' in text
    assert "ma_grpc_request_duration_seconds_bucket" in text
    assert "ma_active_watches" in text


def test_ready_line_and_json_logs(tmp_path: object) -> None:
    from pathlib import Path

    log = Path(str(tmp_path)) / "server.log"
    srv = ServerProcess("memory://", log, "--log-level", "info").start()
    assert srv.grpc_port > 0
    assert srv.stop() == 0
    lines = [json.loads(x) for x in log.read_text().splitlines() if x.startswith("{")]
    ready = [x for x in lines if x["msg"] == "ready"]
    assert ready and ready[0]["grpc_port"] == srv.grpc_port and {"ts", "level"} <= set(ready[0])

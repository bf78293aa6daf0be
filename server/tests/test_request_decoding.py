"""Request values over gRPC against a real `ma-server` (issue 10, classes 1 and 8):
NaN and +-Infinity fail a numeric range rule, a string with invalid UTF-8 (or a
UTF-8-encoded surrogate) is INVALID_ARGUMENT, never INTERNAL, and a Get / List at a
too-new resourceVersion waits briefly, then fails with DEADLINE_EXCEEDED (HTTP 504)."""

from __future__ import annotations

import math
import threading
import time

import grpc
import pytest
from api_helpers import bad_request, project, rpc_error

from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

C = grpc.StatusCode
CREATE = "/michelangelo.api.v2.ProjectService/CreateProject"


@pytest.fixture
def projects(channel: grpc.Channel) -> project_svc_pb2_grpc.ProjectServiceStub:
    return project_svc_pb2_grpc.ProjectServiceStub(channel)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
def test_non_finite_values_fail_range_rules(
    projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str, value: float
) -> None:
    p = project(ns, "quota")
    p.spec.quota.max_cpu = value  # rules: {min: 0}; NaN compares false with every bound
    err = rpc_error(lambda: projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=p), timeout=10))
    assert err.code() == C.INVALID_ARGUMENT, err.details()
    br = bad_request(err)
    assert br is not None
    assert ("spec.quota.maxCpu", "must be a finite number") in [(v.field, v.description) for v in br.field_violations]
    p.spec.quota.max_cpu = 2.5
    assert projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=p), timeout=10).spec.quota.max_cpu == 2.5


def _create_request_with_name(name: bytes) -> bytes:
    """CreateProjectRequest{project{metadata{name}}} encoded by hand, so the name can be any bytes."""

    def field(number: int, payload: bytes) -> bytes:
        assert len(payload) < 128
        return bytes([number << 3 | 2, len(payload)]) + payload

    return field(1, field(1, field(1, name)))


def test_invalid_utf8_strings_are_invalid_argument(channel: grpc.Channel) -> None:
    call = channel.unary_unary(CREATE)
    for name in (b"a\xff", b"a\xed\xa0\x80", b"\xc0\xaf"):  # bad byte, CESU-8 surrogate, overlong '/'
        err = rpc_error(lambda name=name: call(_create_request_with_name(name), timeout=10))
        assert err.code() == C.INVALID_ARGUMENT and "UTF-8" in (err.details() or ""), (name, err)


def test_too_new_resource_version_waits_then_deadline_exceeded(
    projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str
) -> None:
    projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "rv")), timeout=10)
    current = int(
        projects.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns), timeout=10).metadata.resource_version
    )
    future = str(current + 1_000_000)
    get = project_svc_pb2.GetProjectRequest(namespace=ns, name="rv", resource_version=future)
    lst = project_svc_pb2.ListProjectsRequest(namespace=ns)
    lst.options.resource_version = future
    for label, fn in (
        ("get", lambda: projects.GetProject(get, timeout=10)),
        ("list", lambda: projects.ListProjects(lst, timeout=10)),
    ):
        started = time.monotonic()
        err = rpc_error(fn)
        took = time.monotonic() - started
        assert err.code() == C.DEADLINE_EXCEEDED, (label, err)
        assert f"Too large resource version: {future}" in (err.details() or "")
        assert 0.9 <= took < 5, (label, took)
    # At or below the current version, and "0", the latest state answers.
    for rv in ("0", "1", str(current)):
        get.resource_version = rv
        assert projects.GetProject(get, timeout=10).metadata.name == "rv"
        lst.options.resource_version = rv
        assert [i.metadata.name for i in projects.ListProjects(lst, timeout=10).items] == ["rv"]
    # A version the store reaches while the request waits is answered.
    lst.options.resource_version = str(current + 1)
    writer = threading.Timer(
        0.3,
        lambda: projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "late")), timeout=10),
    )
    writer.start()
    try:
        got = projects.ListProjects(lst, timeout=10)
    finally:
        writer.join(10)
    assert int(got.metadata.resource_version) > current

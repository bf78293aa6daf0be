"""Builders and small helpers for the API tests (raw generated stubs only)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Mapping
from typing import TypeVar

import grpc
from google.rpc import error_details_pb2, status_pb2

from michelangelo.api import list_pb2
from michelangelo.api.v2 import model_pb2, project_pb2, project_svc_pb2, project_svc_pb2_grpc

T = TypeVar("T")


def project(
    ns: str, name: str, team: str = "ml", tier: str = "", labels: Mapping[str, str] | None = None
) -> project_pb2.Project:
    p = project_pb2.Project()
    p.metadata.name = name
    p.metadata.namespace = ns
    p.metadata.labels.update(labels or {})
    p.spec.owning_team = team
    p.spec.tier = tier
    return p


def model(ns: str, name: str, family: str = "eta", uri: str = "s3://ml/eta/model.tar.gz") -> model_pb2.Model:
    m = model_pb2.Model()
    m.metadata.name = name
    m.metadata.namespace = ns
    m.spec.model_family = family
    m.spec.framework = model_pb2.MODEL_FRAMEWORK_XGBOOST
    m.spec.artifact_uri = uri
    return m


def rpc_error(fn: Callable[[], object]) -> grpc.RpcError:
    """The error a call fails with (the test fails if it succeeds)."""
    try:
        fn()
    except grpc.RpcError as e:
        return e
    raise AssertionError("call succeeded, expected an error")


def bad_request(err: grpc.RpcError) -> error_details_pb2.BadRequest | None:
    """The google.rpc.BadRequest detail of an error, if any."""
    for key, value in err.trailing_metadata() or ():  # type: ignore[attr-defined]
        if key == "grpc-status-details-bin":
            st = status_pb2.Status.FromString(value)
            for d in st.details:
                br = error_details_pb2.BadRequest()
                if d.Unpack(br):
                    return br
    return None


def crit(field: str, op: int, *values: str) -> list_pb2.Criteria:
    return list_pb2.Criteria(criterion=list_pb2.Criterion(field=field, operator=op, values=list(values)))


def all_of(*items: list_pb2.Criteria) -> list_pb2.Criteria:
    return list_pb2.Criteria(all_of=list_pb2.CriteriaList(items=list(items)))


def any_of(*items: list_pb2.Criteria) -> list_pb2.Criteria:
    return list_pb2.Criteria(any_of=list_pb2.CriteriaList(items=list(items)))


async def increment_counter(target: str, ns: str, client: int, increments: int) -> int:
    """`increments` read-modify-write increments of the `count` label of Project "counter" through
    `target`, each retried on ABORTED with jittered exponential backoff; returns the retries."""
    retries = 0
    rng = random.Random(client)
    async with grpc.aio.insecure_channel(target) as ch:
        stub = project_svc_pb2_grpc.ProjectServiceStub(ch)
        get = project_svc_pb2.GetProjectRequest(namespace=ns, name="counter")
        for _ in range(increments):
            for attempt in range(1000):
                p = await stub.GetProject(get, timeout=30)
                p.metadata.labels["count"] = str(int(p.metadata.labels["count"]) + 1)
                try:
                    await stub.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p), timeout=30)
                    break
                except grpc.aio.AioRpcError as e:
                    if e.code() != grpc.StatusCode.ABORTED:
                        raise
                    retries += 1
                    # Writers retrying in lockstep would mostly conflict again and make the test CPU-bound.
                    await asyncio.sleep(rng.uniform(0, min(0.02 * 2**attempt, 1.0)))
            else:
                raise AssertionError("too many conflicts")
    return retries

"""CRUD semantics through the raw generated stubs, on Project and Model (genericity)."""

from __future__ import annotations

import grpc
import pytest
from api_helpers import bad_request, model, project, rpc_error

from michelangelo.api import list_pb2, meta_pb2
from michelangelo.api.v2 import (
    model_pb2,
    model_svc_pb2,
    model_svc_pb2_grpc,
    project_pb2,
    project_svc_pb2,
    project_svc_pb2_grpc,
)

C = grpc.StatusCode


@pytest.fixture
def projects(channel: grpc.Channel) -> project_svc_pb2_grpc.ProjectServiceStub:
    return project_svc_pb2_grpc.ProjectServiceStub(channel)


@pytest.fixture
def models(channel: grpc.Channel) -> model_svc_pb2_grpc.ModelServiceStub:
    return model_svc_pb2_grpc.ModelServiceStub(channel)


def test_project_crud(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    created = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "eta")))
    m = created.metadata
    assert (created.api_version, created.kind) == ("michelangelo.api/v2", "Project")
    assert m.uid and m.generation == 1 and int(m.resource_version) > 0
    assert m.creation_timestamp.seconds > 0 and m.creation_timestamp.nanos == 0
    got = projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="eta"))
    assert got == created
    got.spec.description = "ETA prediction"
    updated = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=got))
    assert updated.spec.description == "ETA prediction"
    assert int(updated.metadata.resource_version) > int(m.resource_version)
    listed = projects.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns))
    assert [p.metadata.name for p in listed.items] == ["eta"] and listed.kind == "ProjectList"
    deleted = projects.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="eta"))
    assert deleted.metadata.uid == m.uid
    err = rpc_error(lambda: projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="eta")))
    assert err.code() == C.NOT_FOUND


def test_model_crud_is_generic(models: model_svc_pb2_grpc.ModelServiceStub, ns: str) -> None:
    req = model(ns, "eta-v1")
    req.spec.training_metadata = b"{}" * 1000
    created = models.CreateModel(model_svc_pb2.CreateModelRequest(model=req))
    assert created.kind == "Model" and created.metadata.generation == 1
    # External-storage fields: Get returns them, List leaves them out.
    got = models.GetModel(model_svc_pb2.GetModelRequest(namespace=ns, name="eta-v1"))
    assert got.spec.training_metadata == req.spec.training_metadata
    listed = models.ListModels(model_svc_pb2.ListModelsRequest(namespace=ns))
    assert [x.spec.training_metadata for x in listed.items] == [b""]
    created.spec.description = "v1"
    updated = models.UpdateModel(model_svc_pb2.UpdateModelRequest(model=created))
    assert updated.metadata.generation == 2
    page = models.ListModels(
        model_svc_pb2.ListModelsRequest(
            namespace=ns, options=list_pb2.ListOptions(field_selector="spec.framework=MODEL_FRAMEWORK_XGBOOST")
        )
    )
    assert [x.metadata.name for x in page.items] == ["eta-v1"]
    models.DeleteModel(model_svc_pb2.DeleteModelRequest(namespace=ns, name="eta-v1"))
    err = rpc_error(lambda: models.GetModel(model_svc_pb2.GetModelRequest(namespace=ns, name="eta-v1")))
    assert err.code() == C.NOT_FOUND and "Model" in (err.details() or "")


def test_already_exists_and_not_found(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "dup")))
    err = rpc_error(lambda: projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "dup"))))
    assert err.code() == C.ALREADY_EXISTS
    err = rpc_error(lambda: projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="missing")))
    assert err.code() == C.NOT_FOUND
    details = err.details() or ""
    assert "Project" in details and "missing" in details and ns in details
    err = rpc_error(
        lambda: projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=project(ns, "missing")))
    )
    assert err.code() == C.NOT_FOUND
    err = rpc_error(lambda: projects.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="missing")))
    assert err.code() == C.NOT_FOUND


def test_stale_resource_version_is_aborted(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    v1 = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "p")))
    v1.spec.description = "a"
    projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=v1))
    v1.spec.description = "b"  # still carries the first resourceVersion
    err = rpc_error(lambda: projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=v1)))
    assert err.code() == C.ABORTED
    err = rpc_error(lambda: projects.UpdateProjectStatus(project_svc_pb2.UpdateProjectStatusRequest(project=v1)))
    assert err.code() == C.ABORTED
    # An empty resourceVersion is an unconditional update.
    v1.metadata.resource_version = ""
    out = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=v1))
    assert out.spec.description == "b"


def test_generation_and_status_rules(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    req = project(ns, "gen")
    req.status.model_count = 7  # dropped on create
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=req))
    assert not p.HasField("status")
    p.metadata.labels["x"] = "1"
    p = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p))
    assert p.metadata.generation == 1  # metadata-only change
    p.status.model_count = 3
    p.spec.description = "changed"
    p = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p))
    assert p.metadata.generation == 2 and p.status.model_count == 0  # status ignored by Update
    p.status.model_count = 3
    p.status.observed_generation = 2
    p.spec.description = "ignored by UpdateStatus"
    s = projects.UpdateProjectStatus(project_svc_pb2.UpdateProjectStatusRequest(project=p))
    assert s.status.model_count == 3 and s.spec.description == "changed" and s.metadata.generation == 2
    same = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=s))
    assert same.metadata.resource_version == s.metadata.resource_version  # no-op writes nothing


def test_server_owned_metadata_is_ignored(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "owned")))
    q = project_pb2.Project()
    q.CopyFrom(p)
    q.metadata.generation = 99
    q.metadata.creation_timestamp.seconds = 1
    q.metadata.uid = ""
    out = projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=q))
    assert out.metadata.generation == 1 and out.metadata.creation_timestamp == p.metadata.creation_timestamp
    assert out.metadata.uid == p.metadata.uid
    q.metadata.uid = "0b8e2f4a-6a55-4c57-9c39-3b0f6b1c8e21"
    q.metadata.resource_version = ""
    err = rpc_error(lambda: projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=q)))
    assert err.code() == C.FAILED_PRECONDITION


def test_immutable_field(
    projects: project_svc_pb2_grpc.ProjectServiceStub, models: model_svc_pb2_grpc.ModelServiceStub, ns: str
) -> None:
    req = project(ns, "imm")
    req.spec.artifact_root = "s3://ml/a"
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=req))
    p.spec.artifact_root = "s3://ml/b"
    err = rpc_error(lambda: projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=p)))
    assert err.code() == C.INVALID_ARGUMENT and "spec.artifactRoot" in (err.details() or "")
    m = models.CreateModel(model_svc_pb2.CreateModelRequest(model=model(ns, "imm")))
    m.spec.model_family = "other"
    err = rpc_error(lambda: models.UpdateModel(model_svc_pb2.UpdateModelRequest(model=m)))
    assert err.code() == C.INVALID_ARGUMENT and "spec.modelFamily" in (err.details() or "")


def test_validation_names_fields(
    projects: project_svc_pb2_grpc.ProjectServiceStub, models: model_svc_pb2_grpc.ModelServiceStub, ns: str
) -> None:
    bad = project(ns, "bad", team="")
    bad.spec.tier = "gold"
    bad.spec.notification_emails.extend(["a@x"] * 33)
    bad.metadata.labels["a b"] = "c"
    err = rpc_error(lambda: projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=bad)))
    assert err.code() == C.INVALID_ARGUMENT
    details = err.details() or ""
    assert "spec.owningTeam: required" in details
    br = bad_request(err)
    assert br is not None
    fields = {v.field for v in br.field_violations}
    assert {"spec.owningTeam", "spec.tier", "spec.notificationEmails", 'metadata.labels["a b"]'} <= fields
    long_team = project(ns, "long", team="x" * 129)
    err = rpc_error(lambda: projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=long_team)))
    assert "spec.owningTeam: must be at most 128 characters" in (err.details() or "")
    mm = model(ns, "m")
    mm.spec.input_schema.add(name="", data_type=model_pb2.MODEL_FEATURE_DATA_TYPE_INT32)
    err = rpc_error(lambda: models.CreateModel(model_svc_pb2.CreateModelRequest(model=mm)))
    assert "spec.inputSchema[0].name: required" in (err.details() or "")
    wrong = project(ns, "wrong")
    wrong.kind = "Model"
    err = rpc_error(lambda: projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=wrong)))
    assert err.code() == C.INVALID_ARGUMENT and "kind" in (err.details() or "")
    no_ns = project("", "nons")
    err = rpc_error(lambda: projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=no_ns)))
    assert err.code() == C.INVALID_ARGUMENT and "metadata.namespace" in (err.details() or "")


def test_malformed_request_is_invalid_argument(channel: grpc.Channel) -> None:
    raw = channel.unary_unary("/michelangelo.api.v2.ProjectService/GetProject")
    err = rpc_error(lambda: raw(b"\xff\xff\xff\xff", timeout=5))
    assert err.code() == C.INVALID_ARGUMENT


def test_dry_run_create_stores_nothing(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    out = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "dry"), dry_run=True))
    assert out.metadata.uid and out.metadata.name == "dry"
    err = rpc_error(lambda: projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="dry")))
    assert err.code() == C.NOT_FOUND


def test_finalizers(
    channel: grpc.Channel, projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str, server_backend: str
) -> None:
    req = project(ns, "fin")
    req.metadata.finalizers.append("michelangelo.ai/cleanup")
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=req))
    watch = projects.WatchProjects(
        project_svc_pb2.WatchProjectsRequest(
            namespace=ns,
            options=list_pb2.WatchOptions(resource_version=p.metadata.resource_version, timeout_seconds=20),
        )
    )
    d = projects.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="fin"))
    assert d.metadata.HasField("deletion_timestamp")
    d2 = projects.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="fin"))
    assert d2.metadata.deletion_timestamp == d.metadata.deletion_timestamp  # set once
    still = projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="fin"))
    assert list(still.metadata.finalizers) == ["michelangelo.ai/cleanup"]
    still.metadata.finalizers.append("late/finalizer")
    err = rpc_error(lambda: projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=still)))
    assert err.code() == C.INVALID_ARGUMENT
    del still.metadata.finalizers[:]
    projects.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=still))
    err = rpc_error(lambda: projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="fin")))
    assert err.code() == C.NOT_FOUND
    types = []
    for ev in watch:
        types.append(list_pb2.WatchEventType.Name(ev.type))
        if ev.type == list_pb2.DELETED:
            if server_backend == "kubernetes":
                # Kubernetes removes the object as last stored (the finalizer still listed) instead
                # of storing the emptied list first, so there is no MODIFIED for the removal.
                assert list(ev.object.metadata.finalizers) == ["michelangelo.ai/cleanup"]
            else:
                assert not ev.object.metadata.finalizers
            break
    watch.cancel()
    assert types == (["MODIFIED", "DELETED"] if server_backend == "kubernetes" else ["MODIFIED", "MODIFIED", "DELETED"])


def test_delete_preconditions(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    p = projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "pre")))
    wrong_uid = meta_pb2.Preconditions(uid="0b8e2f4a-6a55-4c57-9c39-3b0f6b1c8e21")
    err = rpc_error(
        lambda: projects.DeleteProject(
            project_svc_pb2.DeleteProjectRequest(namespace=ns, name="pre", preconditions=wrong_uid)
        )
    )
    assert err.code() == C.FAILED_PRECONDITION
    stale = meta_pb2.Preconditions(resource_version=str(int(p.metadata.resource_version) - 1))
    err = rpc_error(
        lambda: projects.DeleteProject(
            project_svc_pb2.DeleteProjectRequest(namespace=ns, name="pre", preconditions=stale)
        )
    )
    assert err.code() == C.ABORTED
    dry = projects.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="pre", dry_run=True))
    assert dry.metadata.uid == p.metadata.uid
    projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="pre"))  # dry run kept it
    ok = meta_pb2.Preconditions(uid=p.metadata.uid, resource_version=p.metadata.resource_version)
    projects.DeleteProject(project_svc_pb2.DeleteProjectRequest(namespace=ns, name="pre", preconditions=ok))
    err = rpc_error(lambda: projects.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="pre")))
    assert err.code() == C.NOT_FOUND


def test_delete_collection_by_label(projects: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    for i in range(6):
        projects.CreateProject(
            project_svc_pb2.CreateProjectRequest(
                project=project(ns, f"dc{i}", labels={"env": "dev" if i % 2 else "prod"})
            )
        )
    out = projects.DeleteProjectCollection(
        project_svc_pb2.DeleteProjectCollectionRequest(
            namespace=ns, options=list_pb2.ListOptions(label_selector="env=dev")
        )
    )
    assert sorted(p.metadata.name for p in out.items) == ["dc1", "dc3", "dc5"]
    left = projects.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns))
    assert sorted(p.metadata.name for p in left.items) == ["dc0", "dc2", "dc4"]
    err = rpc_error(
        lambda: projects.DeleteProjectCollection(project_svc_pb2.DeleteProjectCollectionRequest(namespace=""))
    )
    assert err.code() == C.INVALID_ARGUMENT

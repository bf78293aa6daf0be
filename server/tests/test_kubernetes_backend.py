"""ma-server as the gRPC / HTTP front of a REAL kube-apiserver (`--storage kubernetes`).

The session's kube-apiserver (on its own etcd, HTTPS, token auth, RBAC; see
`ma_codegen.kube_apiserver`) holds our objects as custom resources of the CRDs generated from
the protos. kubectl (the Debian kubernetes-client) talks to the same apiserver, so what one side
writes the other reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from api_server import ServerProcess
from google.protobuf import json_format

from ma_codegen.kube_apiserver import KubeApiServer
from ma_server import crd_sync
from ma_server.model import Resource, load_model
from ma_server.storage import KubeOptions, KubernetesStorage, Selection, StorageOpenError
from ma_server.storage.kubeconfig import resolve
from michelangelo.api import list_pb2, meta_pb2
from michelangelo.api.v2 import client as ma_client
from michelangelo.api.v2 import project_pb2
from michelangelo.runtime.errors import Conflict, FailedPrecondition, NotFound, PermissionDenied, Unauthenticated

ROOT = Path(__file__).resolve().parents[2]
SAMPLES: dict[str, dict[str, Any]] = yaml.safe_load((ROOT / "conformance" / "samples.yaml").read_text())
MODEL = load_model()


@pytest.fixture(scope="module")
def kserver(kube_apiserver: KubeApiServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("kserver")
    kubeconfig = kube_apiserver.kubeconfig()
    srv = ServerProcess("kubernetes", d / "server.log", "--kubeconfig", str(kubeconfig)).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def client(kserver: ServerProcess) -> Iterator[ma_client.Client]:
    with ma_client.Client(config=ma_client.ClientConfig(target=kserver.target, tls=False)) as c:
        yield c


def kubectl(
    kas: KubeApiServer, *args: str, stdin: str | None = None, user: str = "admin"
) -> subprocess.CompletedProcess[str]:
    cmd = ["kubectl", "--kubeconfig", str(kas.kubeconfig(user)), "--cache-dir", str(kas.root / "kubectl-cache"), *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=60, check=False)


def http(srv: ServerProcess) -> httpx.Client:
    return httpx.Client(base_url=f"http://127.0.0.1:{srv.http_port}", timeout=30)


def manifest(r: Resource, ns: str, name: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {"apiVersion": r.api_version, "kind": r.kind, "metadata": {"name": name, "namespace": ns}, "spec": spec}


def proto_json(r: Resource, obj: dict[str, Any]) -> dict[str, Any]:
    msg = r.new()
    json_format.ParseDict(obj, msg)
    out: dict[str, Any] = json_format.MessageToDict(msg)
    return out


def invalid_variant(r: Resource) -> tuple[dict[str, Any], str]:
    """The kind's sample with one top-level spec rule broken, and the JSON path both sides must name."""
    spec = copy.deepcopy(SAMPLES[r.kind]["spec"])
    for rule in r.field_rules:
        parts = rule.json_path.split(".")
        if len(parts) == 2 and parts[0] == "spec" and rule.rules.required and parts[1] in spec:
            del spec[parts[1]]
            return spec, rule.json_path
    for rule in r.field_rules:
        parts = rule.json_path.split(".")
        if len(parts) == 2 and parts[0] == "spec" and rule.rules.HasField("max_len"):
            spec[parts[1]] = "x" * (rule.rules.max_len + 1)
            return spec, rule.json_path
    raise AssertionError(f"{r.kind}: no top-level spec rule to break")


def test_every_kind_stored_by_kubectl_and_the_same_invalid_field_refused_by_both(
    kube_apiserver: KubeApiServer, kserver: ServerProcess, ns: str
) -> None:
    assert len(MODEL.resources) == 14
    assert kubectl(kube_apiserver, "create", "namespace", ns).returncode == 0
    with http(kserver) as h:
        for r in MODEL.resources:
            valid = manifest(r, ns, f"ok-{r.singular}", SAMPLES[r.kind]["spec"])
            done = kubectl(kube_apiserver, "apply", "-f", "-", stdin=json.dumps(valid))
            assert done.returncode == 0, f"{r.kind}: {done.stderr}"
            got = h.get(f"/apis/{r.group}/{r.version}/namespaces/{ns}/{r.plural}/ok-{r.singular}")
            assert got.status_code == 200, got.text
            assert got.json()["spec"] == proto_json(r, valid)["spec"]  # proto3 JSON: int64 as strings

            spec, field = invalid_variant(r)
            bad = manifest(r, ns, f"bad-{r.singular}", spec)
            refused = kubectl(kube_apiserver, "create", "-f", "-", stdin=json.dumps(bad))
            assert refused.returncode != 0, f"{r.kind}: kubectl stored an object without {field}"
            assert field in refused.stderr, f"{r.kind}: kubectl did not name {field}: {refused.stderr}"
            ours = h.post(f"/apis/{r.group}/{r.version}/namespaces/{ns}/{r.plural}", json=bad)
            assert ours.status_code == 422, ours.text
            assert field in ours.json()["message"], f"{r.kind}: ma-server did not name {field}: {ours.text}"
            assert kubectl(kube_apiserver, "get", r.plural, "-n", ns, f"bad-{r.singular}").returncode != 0


def test_grpc_writes_are_kubernetes_objects_and_kubectl_writes_are_read_over_grpc(
    kube_apiserver: KubeApiServer, client: ma_client.Client, ns: str
) -> None:
    p = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="eta", namespace=ns, labels={"team": "ml"}))
    p.spec.owning_team = "ml-platform"
    p.spec.tier = "standard"
    p.spec.quota.max_cpu = 8
    created = client.projects.create(p)
    assert created.metadata.uid and created.metadata.generation == 1
    seen = json.loads(kubectl(kube_apiserver, "get", "projects", "-n", ns, "eta", "-o", "json").stdout)
    # uid, resourceVersion and creationTimestamp are Kubernetes' own.
    assert seen["metadata"]["uid"] == created.metadata.uid
    assert seen["metadata"]["resourceVersion"] == created.metadata.resource_version
    assert seen["metadata"]["labels"] == {"team": "ml"}
    assert seen["spec"]["owningTeam"] == "ml-platform" and seen["spec"]["quota"]["maxCpu"] == 8

    applied = manifest(_kind("Project"), ns, "from-kubectl", {"owningTeam": "search", "description": "by kubectl"})
    assert kubectl(kube_apiserver, "apply", "-f", "-", stdin=json.dumps(applied)).returncode == 0
    got = client.projects.get("from-kubectl", namespace=ns)
    assert got.spec.owning_team == "search" and got.spec.description == "by kubectl"
    names = [x.metadata.name for x in client.projects.list(namespace=ns)]
    assert names == ["eta", "from-kubectl"]


def _kind(kind: str) -> Resource:
    return next(r for r in MODEL.resources if r.kind == kind)


def test_generation_status_and_optimistic_concurrency_follow_kubernetes(
    kube_apiserver: KubeApiServer, client: ma_client.Client, ns: str
) -> None:
    p = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="gen", namespace=ns))
    p.spec.owning_team = "a"
    v1 = client.projects.create(p)
    v2 = copy_project(v1)
    v2.metadata.labels["x"] = "y"
    v2 = client.projects.update(v2)
    assert v2.metadata.generation == 1  # metadata only
    v3 = copy_project(v2)
    v3.spec.owning_team = "b"
    v3 = client.projects.update(v3)
    assert v3.metadata.generation == 2
    assert int(v3.metadata.resource_version) > int(v2.metadata.resource_version)
    with pytest.raises(Conflict):
        client.projects.update(v2)
    st = copy_project(v3)
    st.status.conditions.add(type="Ready", status="True", reason="Checked")
    v4 = client.projects.update_status(st)
    assert v4.metadata.generation == 2 and v4.status.conditions[0].reason == "Checked"
    seen = json.loads(kubectl(kube_apiserver, "get", "projects", "-n", ns, "gen", "-o", "json").stdout)
    assert seen["status"]["conditions"][0]["type"] == "Ready"
    assert seen["metadata"]["generation"] == 2


@contextlib.contextmanager
def closing_after(stream: Any, seconds: float) -> Iterator[Any]:
    """`stream`, closed after `seconds` (so a missing event fails the test instead of hanging it)."""
    timer = threading.Timer(seconds, stream.close)
    timer.start()
    try:
        yield stream
    finally:
        timer.cancel()
        stream.close()


def copy_project(p: project_pb2.Project) -> project_pb2.Project:
    out = project_pb2.Project()
    out.CopyFrom(p)
    return out


def test_finalizers_are_kubernetes_own(kube_apiserver: KubeApiServer, client: ma_client.Client, ns: str) -> None:
    p = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="fin", namespace=ns, finalizers=["ma.test/hold"]))
    p.spec.owning_team = "a"
    created = client.projects.create(p)
    events: list[tuple[int, str]] = []
    since = created.metadata.resource_version
    with closing_after(client.projects.watch(namespace=ns, resource_version=since), 30) as stream:
        marked = client.projects.delete("fin", namespace=ns)
        _release(kube_apiserver, client, ns, marked, stream, events)
    # Marked (MODIFIED), then removed by Kubernetes when the last finalizer went (DELETED).
    assert [t for t, _ in events] == [list_pb2.MODIFIED, list_pb2.DELETED]


def _release(
    kube_apiserver: KubeApiServer,
    client: ma_client.Client,
    ns: str,
    marked: project_pb2.Project,
    stream: Any,
    events: list[tuple[int, str]],
) -> None:
    assert marked.metadata.HasField("deletion_timestamp") and list(marked.metadata.finalizers) == ["ma.test/hold"]
    still = json.loads(kubectl(kube_apiserver, "get", "projects", "-n", ns, "fin", "-o", "json").stdout)
    assert still["metadata"]["deletionTimestamp"]
    release = copy_project(marked)
    del release.metadata.finalizers[:]
    client.projects.update(release)
    gone = kubectl(kube_apiserver, "get", "projects", "-n", ns, "fin")
    assert gone.returncode != 0 and "NotFound" in gone.stderr
    for ev in stream:
        events.append((ev.type, ev.object.metadata.name))
        if ev.type == list_pb2.DELETED:
            break


def test_pages_and_selector_watch(client: ma_client.Client, kserver: ServerProcess, ns: str) -> None:
    for i in range(7):
        p = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name=f"p{i}", namespace=ns, labels={"tier": "gold"}))
        p.spec.owning_team = "a"
        client.projects.create(p)
    with http(kserver) as h:
        names, token, versions = [], "", set()
        for _ in range(5):
            page = h.get(f"/apis/michelangelo.api/v2/namespaces/{ns}/projects", params={"limit": 3, "continue": token})
            assert page.status_code == 200, page.text
            body = page.json()
            names += [x["metadata"]["name"] for x in body["items"]]
            versions.add(body["metadata"]["resourceVersion"])
            token = body["metadata"].get("continue", "")
            if not token:
                break
    assert names == [f"p{i}" for i in range(7)]
    assert len(versions) == 1  # one snapshot
    with closing_after(client.projects.watch(namespace=ns, label_selector="tier=gold"), 30) as stream:
        first = [next(stream) for _ in range(7)]
        assert {e.type for e in first} == {list_pb2.ADDED}
        leave = client.projects.get("p3", namespace=ns)
        leave.metadata.labels["tier"] = "silver"
        client.projects.update(leave)
        ev = next(stream)
    assert ev.type == list_pb2.DELETED and ev.object.metadata.name == "p3"  # stopped matching


def test_start_refuses_missing_crds_and_install_crds_installs_them(
    kube_apiserver: KubeApiServer, tmp_path: Path
) -> None:
    with KubeApiServer(tmp_path / "bare", kube_apiserver.etcd, etcd_prefix="/registry-bare") as bare:
        kubeconfig = bare.kubeconfig()
        refused = ServerProcess("kubernetes", tmp_path / "refused.log", "--kubeconfig", str(kubeconfig))
        with pytest.raises(RuntimeError):
            refused.start()
        log = (tmp_path / "refused.log").read_text()
        assert "are not installed" in log and "--install-crds" in log and "Traceback" not in log
        srv = ServerProcess(
            "kubernetes", tmp_path / "install.log", "--kubeconfig", str(kubeconfig), "--install-crds"
        ).start()
        try:
            with ma_client.Client(config=ma_client.ClientConfig(target=srv.target, tls=False)) as c:
                p = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="first", namespace="team-a"))
                p.spec.owning_team = "a"
                assert c.projects.create(p).metadata.uid
        finally:
            srv.stop()

        async def sync(wanted: list[dict[str, Any]]) -> list[str]:
            storage = KubernetesStorage(resolve(str(kubeconfig)), MODEL.resources, KubeOptions())
            try:
                return await crd_sync.install(storage, wanted)
            finally:
                await storage.close()

        same = asyncio.run(sync(crd_sync.manifests()))
        assert all(line.endswith("unchanged") for line in same), same
        narrowed = crd_sync.manifests()
        project = next(m for m in narrowed if m["metadata"]["name"] == "projects.michelangelo.api")
        spec_schema = project["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"]
        del spec_schema["properties"]["description"]
        spec_schema["properties"]["owningTeam"]["maxLength"] = 8
        with pytest.raises(crd_sync.CrdSyncError) as report:
            asyncio.run(sync(narrowed))
        text = str(report.value)
        assert "spec.description: removed" in text and "spec.owningTeam: maxLength 128 -> 8" in text


def test_selectors_kubernetes_can_evaluate_are_sent_to_it(kube_apiserver: KubeApiServer) -> None:
    storage = KubernetesStorage(resolve(str(kube_apiserver.kubeconfig())), MODEL.resources, KubeOptions())
    fields = (("spec.owningTeam", "=", "ml"), ("spec.description", "!=", "x"), ("metadata.name", "!=", "a\\,b"))
    params = storage._selectors(_kind("Project"), Selection("tier in (gold),env", fields))
    # spec.description is not a selectable field of the CRD: ma-server alone evaluates it.
    assert params == {"labelSelector": "tier in (gold),env", "fieldSelector": "spec.owningTeam=ml,metadata.name!=a\\,b"}
    assert storage._selectors(_kind("Project"), None) == {}


def test_order_by_is_bounded_after_the_selectors_kubernetes_evaluates(
    kube_apiserver: KubeApiServer, tmp_path: Path, ns: str
) -> None:
    kubeconfig = str(kube_apiserver.kubeconfig())
    srv = ServerProcess(
        "kubernetes", tmp_path / "s.log", "--kubeconfig", kubeconfig, "--max-sorted-objects", "3"
    ).start()
    try:
        with ma_client.Client(config=ma_client.ClientConfig(target=srv.target, tls=False)) as c:
            for i, team in enumerate(["z", "y", "x", "w", "v"]):
                p = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name=f"s{i}", namespace=ns))
                p.metadata.labels["pick"] = "yes" if i % 2 == 0 else "no"
                p.spec.owning_team = team
                c.projects.create(p)
            # Kubernetes selects 3 of 5 (the label selector goes to it): within the bound, sorted here.
            picked = c.projects.list(namespace=ns, label_selector="pick=yes", order_by=["spec.owningTeam"])
            assert [x.spec.owning_team for x in picked] == ["v", "x", "z"]
            with pytest.raises(FailedPrecondition, match="at most 3 objects"):
                list(c.projects.list(namespace=ns, order_by=["spec.owningTeam"]))
    finally:
        srv.stop()


def test_missing_kubeconfig_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StorageOpenError) as e:
        resolve(str(tmp_path / "nope.yaml"))
    assert "nope.yaml" in str(e.value)


RBAC = """
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: project-reader, namespace: NS}
rules:
- apiGroups: [michelangelo.api]
  resources: [projects]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-reads-projects, namespace: NS}
subjects:
- {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: Role, name: project-reader, apiGroup: rbac.authorization.k8s.io}
"""


def test_impersonation_lets_kubernetes_rbac_decide_each_call(kube_apiserver: KubeApiServer, tmp_path: Path) -> None:
    kas = kube_apiserver
    team_a, team_b = "imp-team-a", "imp-team-b"
    for ns in (team_a, team_b):
        assert kubectl(kas, "create", "namespace", ns).returncode == 0
    assert kubectl(kas, "apply", "-f", "-", stdin=RBAC.replace("NS", team_a)).returncode == 0
    for ns in (team_a, team_b):
        seed = manifest(_kind("Project"), ns, "seeded", {"owningTeam": "ml"})
        assert kubectl(kas, "apply", "-f", "-", stdin=json.dumps(seed)).returncode == 0
    srv = ServerProcess(
        "kubernetes", tmp_path / "server.log", "--kubeconfig", str(kas.kubeconfig()), "--kubernetes-impersonate"
    ).start()
    try:

        def as_user(user: str | None, token: str | None = None) -> ma_client.Client:
            tok = token if token is not None else (kas.tokens[user] if user else None)
            return ma_client.Client(config=ma_client.ClientConfig(target=srv.target, tls=False, token=tok))

        new = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="by-alice", namespace=team_a))
        new.spec.owning_team = "ml"
        with as_user("alice") as alice:
            assert alice.projects.get("seeded", namespace=team_a).spec.owning_team == "ml"
            assert [p.metadata.name for p in alice.projects.list(namespace=team_a)] == ["seeded"]
            with pytest.raises(PermissionDenied):  # Role: get/list/watch only
                alice.projects.create(new)
            with pytest.raises(PermissionDenied):  # no Role in team-b
                alice.projects.get("seeded", namespace=team_b)
            with pytest.raises(PermissionDenied):  # nor across namespaces
                list(alice.projects.list(namespace=""))
        with as_user("bob") as bob, pytest.raises(PermissionDenied):
            bob.projects.get("seeded", namespace=team_a)
        with as_user(None, token="not-a-kubernetes-token") as stranger, pytest.raises(Unauthenticated):
            stranger.projects.get("seeded", namespace=team_a)
        with as_user("admin") as admin:  # system:masters
            admin.projects.create(new)
            with pytest.raises(NotFound):
                admin.projects.get("absent", namespace=team_b)
        with http(srv) as h:
            base = f"/apis/michelangelo.api/v2/namespaces/{team_a}/projects"
            alice_h = {"Authorization": f"Bearer {kas.tokens['alice']}"}
            assert h.get(f"{base}/seeded", headers=alice_h).status_code == 200
            body = manifest(_kind("Project"), team_a, "by-alice-http", {"owningTeam": "ml"})
            refused = h.post(base, json=body, headers=alice_h)
            assert refused.status_code == 403 and refused.json()["reason"] == "Forbidden", refused.text
            assert "alice" in refused.json()["message"]  # Kubernetes names the user it decided for
            other = h.get(f"/apis/michelangelo.api/v2/namespaces/{team_b}/projects/seeded", headers=alice_h)
            assert other.status_code == 403
            assert h.get(f"{base}/seeded").status_code == 401
    finally:
        srv.stop()

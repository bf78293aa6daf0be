"""End to end over raw HTTP against a real `ma-server` process (memory storage)."""

from __future__ import annotations

import json
import signal
import threading
import time
from typing import Any

import grpc
import httpx
import pytest
from ma_http_manifests import manifest
from ma_http_support import RealServer, start_real_server, stop_real_server_proc
from openapi_spec_validator import validate

from ma_server.http.catalog import Resource, build_catalog, default_services
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc

GV = "/apis/michelangelo.api/v2"
CATALOG = build_catalog(default_services())


@pytest.fixture(scope="module")
def bookmarking_server() -> Any:
    """Own server process: BOOKMARK events every 0.3 s for the bookmark test."""
    srv = start_real_server(["--bookmark-interval", "0.3"])
    try:
        yield srv
    finally:
        stop_real_server_proc(srv.proc)


@pytest.fixture
def http(bookmarking_server: RealServer) -> Any:
    with httpx.Client(base_url=bookmarking_server.url, timeout=15) as c:
        yield c


def _ns_path(r: Resource, ns: str, name: str = "") -> str:
    return f"{GV}/namespaces/{ns}/{r.plural}" + (f"/{name}" if name else "")


def _project(name: str, team: str = "ml") -> dict[str, Any]:
    return {
        "apiVersion": "michelangelo.api/v2",
        "kind": "Project",
        "metadata": {"name": name},
        "spec": {"owningTeam": team},
    }


def test_health_metrics_and_discovery(http: httpx.Client) -> None:
    assert http.get("/healthz").text == "ok"
    metrics = http.get("/metrics")
    assert metrics.status_code == 200 and "ma_http_requests_total" in metrics.text
    assert http.get("/api").json()["kind"] == "APIVersions"
    rl = http.get(GV).json()
    plurals = sorted(e["name"] for e in rl["resources"] if "/" not in e["name"])
    assert plurals == sorted(r.plural for r in CATALOG.resources)
    assert len(plurals) == 14


def test_openapi_documents_validate(http: httpx.Client) -> None:
    doc = http.get("/openapi.json").json()
    validate(doc)
    index = http.get("/openapi/v3").json()
    url = index["paths"]["apis/michelangelo.api/v2"]["serverRelativeURL"]
    gv_doc = http.get(url).json()
    validate(gv_doc)
    patch_ops = [p["patch"] for p in gv_doc["paths"].values() if "patch" in p]
    assert len(patch_ops) == 28  # object and status of 14 kinds
    assert all(any(q["name"] == "fieldValidation" for q in op["parameters"]) for op in patch_ops)


@pytest.mark.parametrize("resource", CATALOG.resources, ids=lambda r: r.kind)
def test_every_kind_crud(http: httpx.Client, resource: Resource) -> None:
    ns, name = "crud", f"h-{resource.singular}"
    body = manifest(resource.message, resource.api_version, resource.kind, name, ns)
    r = http.post(_ns_path(resource, ns), json=body)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["kind"] == resource.kind and created["metadata"]["resourceVersion"]
    got = http.get(_ns_path(resource, ns, name)).json()
    assert got["metadata"]["uid"] == created["metadata"]["uid"]
    lst = http.get(_ns_path(resource, ns)).json()
    assert lst["kind"] == f"{resource.kind}List" and [i["metadata"]["name"] for i in lst["items"]] == [name]
    assert http.get(f"{GV}/{resource.plural}", params={"labelSelector": "suite=http"}).json()["items"]
    got["metadata"]["labels"]["step"] = "updated"
    upd = http.put(_ns_path(resource, ns, name), json=got)
    assert upd.status_code == 200, upd.text
    assert upd.json()["metadata"]["labels"]["step"] == "updated"
    st = http.put(_ns_path(resource, ns, name) + "/status", json=upd.json())
    assert st.status_code == 200, st.text
    mp = {"content-type": "application/merge-patch+json"}
    patched = http.patch(_ns_path(resource, ns, name), content=b'{"metadata":{"labels":{"p":"1"}}}', headers=mp)
    assert patched.status_code == 200 and patched.json()["metadata"]["labels"]["p"] == "1"
    deleted = http.request("DELETE", _ns_path(resource, ns, name), json={"kind": "DeleteOptions", "apiVersion": "v1"})
    assert deleted.status_code == 200, deleted.text
    assert http.get(_ns_path(resource, ns, name)).status_code == 404
    # Delete collection by label.
    assert http.post(_ns_path(resource, ns), json=body).status_code == 201
    gone = http.delete(_ns_path(resource, ns), params={"labelSelector": "suite=http"})
    assert gone.status_code == 200 and [i["metadata"]["name"] for i in gone.json()["items"]] == [name]


def test_error_mapping(http: httpx.Client) -> None:
    base = f"{GV}/namespaces/errs/projects"
    r = http.get(f"{base}/missing")
    st = r.json()
    assert r.status_code == 404 and st["kind"] == "Status" and st["reason"] == "NotFound" and st["code"] == 404
    assert st["details"]["name"] == "missing" and st["status"] == "Failure"
    assert http.post(base, json=_project("dup")).status_code == 201
    r = http.post(base, json=_project("dup"))
    assert r.status_code == 409 and r.json()["reason"] == "AlreadyExists"
    bad = _project("bad")
    del bad["spec"]["owningTeam"]
    bad["spec"]["tier"] = "platinum"
    r = http.post(base, json=bad)
    assert r.status_code == 422 and r.json()["reason"] == "Invalid"
    fields = {c["field"] for c in r.json()["details"]["causes"]}
    assert {"spec.owningTeam", "spec.tier"} <= fields
    assert r.json()["details"]["kind"] == "Project" and r.json()["details"]["name"] == "bad"
    cur = http.get(f"{base}/dup").json()
    assert http.put(f"{base}/dup", json=dict(cur, spec={"owningTeam": "new"})).status_code == 200
    stale = dict(cur, spec={"owningTeam": "other"})
    stale["metadata"] = dict(cur["metadata"], resourceVersion="1")
    r = http.put(f"{base}/dup", json=stale)
    assert r.status_code == 409 and r.json()["reason"] == "Conflict"
    r = http.post(base, content=b"{", headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["reason"] == "BadRequest"
    # An unknown field: 400 when the caller asks for strict validation, else dropped with a warning.
    r = http.post(base, params={"fieldValidation": "Strict"}, json={"metadata": {"name": "x"}, "nope": 1})
    assert r.status_code == 400 and '"nope"' in r.json()["message"]
    r = http.post(base, json=dict(_project("mismatch"), metadata={"name": "mismatch", "namespace": "other"}))
    assert r.status_code == 400
    assert http.get(f"{GV}/namespaces/errs/nothings").status_code == 404
    # A watch at a version the store has not reached waits as Get / List do, then 504 (as Kubernetes).
    assert http.get(f"{base}?watch=true&resourceVersion=999999").status_code == 504


def _collect(resp: httpx.Response, limit: int) -> list[dict[str, Any]]:
    out = []
    for line in resp.iter_lines():
        if line:
            out.append(json.loads(line))
        if len(out) >= limit:
            break
    return out


@pytest.mark.parametrize(
    ("value", "watches"), [("yes", True), ("", True), ("TRUE", True), ("False", False), ("0", False)]
)
def test_watch_parameter_reads_as_kubernetes_does(http: httpx.Client, value: str, watches: bool) -> None:
    # apimachinery: anything but 0 / false (any case) asks for a watch, the empty value too (before:
    # only true / 1 did, and watch=yes silently answered a list).
    base = f"{GV}/namespaces/watchparam/projects"
    http.post(base, json=_project("a"))
    with http.stream("GET", base, params={"watch": value, "timeoutSeconds": "1"}) as resp:
        assert resp.status_code == 200
        lines = [json.loads(line) for line in resp.iter_lines() if line]  # a watch ends after timeoutSeconds
    if watches:
        assert [(e["type"], e["object"]["metadata"]["name"]) for e in lines] == [("ADDED", "a")]
    else:
        assert len(lines) == 1 and lines[0]["kind"] == "ProjectList"


def test_watch_from_resource_version(http: httpx.Client) -> None:
    base = f"{GV}/namespaces/watchns/projects"
    http.post(base, json=_project("a"))
    rv = http.get(base).json()["metadata"]["resourceVersion"]
    http.post(base, json=_project("b"))
    a = http.get(f"{base}/a").json()
    a["spec"]["description"] = "changed"
    http.put(f"{base}/a", json=a)
    http.delete(f"{base}/b")
    params = {"watch": "true", "resourceVersion": rv, "timeoutSeconds": "2"}
    with http.stream("GET", base, params=params) as resp:
        assert resp.status_code == 200 and resp.headers["content-type"] == "application/json"
        events = [json.loads(line) for line in resp.iter_lines() if line]  # ends after timeoutSeconds
    assert [(e["type"], e["object"]["metadata"]["name"]) for e in events] == [
        ("ADDED", "b"),
        ("MODIFIED", "a"),
        ("DELETED", "b"),
    ]
    assert all(e["object"]["apiVersion"] == "michelangelo.api/v2" and e["object"]["kind"] == "Project" for e in events)
    # The rule's own watch path, with bookmarks (the server sends one every 0.3 s here).
    rv2 = http.get(base).json()["metadata"]["resourceVersion"]
    with http.stream(
        "GET", f"{GV}/watch/namespaces/watchns/projects", params={"resourceVersion": rv2, "allowWatchBookmarks": "true"}
    ) as resp:
        (bookmark,) = _collect(resp, 1)
    assert bookmark["type"] == "BOOKMARK"
    assert bookmark["object"]["kind"] == "Project" and bookmark["object"]["apiVersion"] == "michelangelo.api/v2"
    assert bookmark["object"]["metadata"]["resourceVersion"]
    # Live events with a label selector, across all namespaces.
    with http.stream("GET", f"{GV}/projects", params={"watch": "1", "labelSelector": "live=yes"}) as resp:
        body = dict(_project("live"), metadata={"name": "live", "labels": {"live": "yes"}})
        threading.Timer(0.3, lambda: httpx.post(f"{http.base_url}{base}", json=body)).start()
        (ev,) = _collect(resp, 1)
    assert (ev["type"], ev["object"]["metadata"]["name"]) == ("ADDED", "live")


def test_grpc_and_http_share_handlers(bookmarking_server: RealServer, http: httpx.Client) -> None:
    with grpc.insecure_channel(f"127.0.0.1:{bookmarking_server.grpc_port}") as ch:
        stub = project_svc_pb2_grpc.ProjectServiceStub(ch)
        p = project_pb2.Project()
        p.metadata.name, p.metadata.namespace, p.spec.owning_team = "via-grpc", "shared", "ml"
        stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=p), timeout=10)
        got = http.get(f"{GV}/namespaces/shared/projects/via-grpc").json()
        assert got["spec"]["owningTeam"] == "ml"
        http.post(f"{GV}/namespaces/shared/projects", json=_project("via-http"))
        back = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace="shared", name="via-http"), timeout=10)
        assert back.spec.owning_team == "ml"


def test_watch_ends_when_server_stops() -> None:
    srv = start_real_server()
    try:
        with httpx.Client(base_url=srv.url, timeout=15) as c, c.stream("GET", f"{GV}/projects?watch=true") as resp:
            assert resp.status_code == 200
            started = time.monotonic()
            srv.proc.send_signal(signal.SIGTERM)
            lines = [line for line in resp.iter_lines() if line]
            assert lines == []  # closed cleanly, without an ERROR event
        assert srv.proc.wait(15) == 0
        assert time.monotonic() - started < 10
    finally:
        stop_real_server_proc(srv.proc)

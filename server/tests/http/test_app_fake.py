"""The ASGI app on a real socket over the fake backend: routes, dialect, errors, watch, PATCH."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import httpx
from ma_http_support import FakeServer

GV = "/apis/michelangelo.api/v2"
NS = f"{GV}/namespaces/team-a"


def _project(name: str, **labels: str) -> dict[str, Any]:
    return {
        "apiVersion": "michelangelo.api/v2",
        "kind": "Project",
        "metadata": {"name": name, "labels": labels},
        "spec": {"owningTeam": "ml"},
    }


def test_health_metrics_version(fake_server: FakeServer) -> None:
    with httpx.Client(base_url=fake_server.url) as c:
        r = c.get("/healthz")
        assert (r.status_code, r.text) == (200, "ok")
        c.get("/nothing-here")
        r = c.get("/metrics")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
        assert "ma_http_requests_total" in r.text
        assert c.get("/version").json()["major"] == "1"
        assert c.post("/healthz").status_code == 405


def test_discovery(fake_server: FakeServer) -> None:
    with httpx.Client(base_url=fake_server.url) as c:
        aggregated = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
        r = c.get("/api", headers={"Accept": aggregated})
        assert r.headers["content-type"] == "application/json"
        assert r.json()["kind"] == "APIVersions" and r.json()["versions"] == []
        groups = c.get("/apis", headers={"Accept": aggregated}).json()
        assert groups["kind"] == "APIGroupList"
        (g,) = groups["groups"]
        assert g["name"] == "michelangelo.api"
        assert g["preferredVersion"] == {"groupVersion": "michelangelo.api/v2", "version": "v2"}
        assert c.get("/apis/michelangelo.api").json()["kind"] == "APIGroup"
        assert c.get("/apis/nope").status_code == 404
        rl = c.get(GV).json()
        assert rl["kind"] == "APIResourceList" and rl["groupVersion"] == "michelangelo.api/v2"
        by_name = {e["name"]: e for e in rl["resources"]}
        assert len([n for n in by_name if "/" not in n]) == 14
        proj = by_name["projects"]
        assert proj["verbs"] == ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
        assert proj["singularName"] == "project" and proj["namespaced"] is True and proj["shortNames"] == ["proj"]
        assert by_name["projects/status"]["verbs"] == ["get", "patch", "update"]


def test_crud_and_errors(fake_server: FakeServer) -> None:
    with httpx.Client(base_url=fake_server.url) as c:
        r = c.post(f"{NS}/projects", json=_project("p1", team="x"))
        assert r.status_code == 201, r.text
        created = r.json()
        assert created["metadata"]["namespace"] == "team-a" and created["metadata"]["generation"] == 1
        # 409 AlreadyExists
        r = c.post(f"{NS}/projects", json=_project("p1"))
        assert r.status_code == 409
        st = r.json()
        assert (st["kind"], st["status"], st["reason"], st["code"]) == ("Status", "Failure", "AlreadyExists", 409)
        assert st["details"]["name"] == "p1"
        # 422 Invalid with causes
        r = c.post(f"{NS}/projects", json={"metadata": {}})
        assert r.status_code == 422 and r.json()["details"]["causes"][0]["field"] == "metadata.name"
        # 400 for bad JSON and unknown fields
        r = c.post(f"{NS}/projects", content=b"{nope", headers={"content-type": "application/json"})
        assert r.status_code == 400 and r.json()["reason"] == "BadRequest"
        strict = {"fieldValidation": "Strict"}
        assert c.post(f"{NS}/projects", params=strict, json={"metadata": {"name": "x"}, "extra": 1}).status_code == 400
        # Get / 404
        assert c.get(f"{NS}/projects/p1").json()["metadata"]["uid"] == created["metadata"]["uid"]
        r = c.get(f"{NS}/projects/missing")
        assert r.status_code == 404 and r.json()["reason"] == "NotFound" and r.json()["details"]["name"] == "missing"
        # Update with a stale resourceVersion: 409 Conflict
        upd = dict(created, spec={"owningTeam": "other"})
        r = c.put(f"{NS}/projects/p1", json=upd)
        assert r.status_code == 200, r.text
        r = c.put(f"{NS}/projects/p1", json=upd)
        assert r.status_code == 409 and r.json()["reason"] == "Conflict"
        # Lists
        c.post(f"{NS}/projects", json=_project("p2"))
        lst = c.get(f"{NS}/projects").json()
        assert lst["kind"] == "ProjectList" and lst["apiVersion"] == "michelangelo.api/v2"
        assert [i["metadata"]["name"] for i in lst["items"]] == ["p1", "p2"]
        assert all(i["kind"] == "Project" for i in lst["items"])
        assert [i["metadata"]["name"] for i in c.get(f"{GV}/projects?labelSelector=team=x").json()["items"]] == ["p1"]
        page = c.get(f"{NS}/projects?limit=1").json()
        assert page["metadata"]["continue"] == "1" and len(page["items"]) == 1
        nxt = c.get(f"{NS}/projects", params={"limit": "1", "continue": page["metadata"]["continue"]}).json()
        assert [i["metadata"]["name"] for i in nxt["items"]] == ["p2"]
        assert c.get(f"{NS}/projects?labelSelector=!!").status_code == 422
        assert c.get(f"{NS}/projects?bogus=1").status_code == 400
        # Methods and paths
        assert c.post(f"{NS}/projects/p1").status_code == 405
        assert c.get(f"{NS}/widgets").status_code == 404
        # dryRun create does not store
        assert c.post(f"{NS}/projects?dryRun=All", json=_project("dry")).status_code == 201
        assert c.get(f"{NS}/projects/dry").status_code == 404
        # Delete with a kubectl DeleteOptions body
        opts = {"kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Background"}
        r = c.request("DELETE", f"{NS}/projects/p2", json=opts)
        assert r.status_code == 200 and r.json()["metadata"]["name"] == "p2"
        r = c.request("DELETE", f"{NS}/projects/p1", json={"preconditions": {"resourceVersion": "1"}})
        assert r.status_code == 409
        r = c.delete(f"{NS}/projects")
        assert r.status_code == 200 and [i["metadata"]["name"] for i in r.json()["items"]] == ["p1"]


def test_patch(fake_server: FakeServer) -> None:
    with httpx.Client(base_url=fake_server.url) as c:
        c.post(f"{NS}/projects", json=_project("p"))
        mp = {"content-type": "application/merge-patch+json"}
        r = c.patch(f"{NS}/projects/p", content=json.dumps({"metadata": {"labels": {"a": "b"}}}), headers=mp)
        assert r.status_code == 200, r.text
        assert r.json()["metadata"]["labels"] == {"a": "b"}
        smp = {"content-type": "application/strategic-merge-patch+json"}
        r = c.patch(f"{NS}/projects/p", content=json.dumps({"spec": {"description": "d"}}), headers=smp)
        assert r.json()["spec"] == {"owningTeam": "ml", "description": "d"}
        jp = {"content-type": "application/json-patch+json"}
        ops = [{"op": "replace", "path": "/spec/description", "value": "e"}]
        assert c.patch(f"{NS}/projects/p", content=json.dumps(ops), headers=jp).json()["spec"]["description"] == "e"
        # A patch carrying a stale resourceVersion is a conflict (optimistic like PUT).
        stale = {"metadata": {"resourceVersion": "1"}, "spec": {"description": "f"}}
        r = c.patch(f"{NS}/projects/p", content=json.dumps(stale), headers=mp)
        assert r.status_code == 409
        # Status subresource: GET and PATCH.
        r = c.patch(f"{NS}/projects/p/status", content=json.dumps({"status": {"modelCount": 3}}), headers=mp)
        assert r.status_code == 200 and r.json()["status"]["modelCount"] == 3
        assert c.get(f"{NS}/projects/p/status").json()["status"]["modelCount"] == 3
        # Errors
        assert c.patch(f"{NS}/projects/nope", content=b"{}", headers=mp).status_code == 404
        r = c.patch(f"{NS}/projects/p", content=b"{}", headers={"content-type": "application/apply-patch+yaml"})
        assert r.status_code == 415
        bad = json.dumps({"spec": {"unknownField": 1}})
        strict = {"fieldValidation": "Strict"}
        assert c.patch(f"{NS}/projects/p", params=strict, content=bad, headers=mp).status_code == 400
        assert c.patch(f"{NS}/projects/p", content=b"[1]", headers=mp).status_code == 422
        ops = [{"op": "test", "path": "/spec/description", "value": "zzz"}]
        assert c.patch(f"{NS}/projects/p", content=json.dumps(ops), headers=jp).status_code == 422


def _read_lines(resp: httpx.Response, n: int, timeout: float) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    for line in resp.iter_lines():
        if line:
            out.append(json.loads(line))
        if len(out) >= n or time.monotonic() > deadline:
            break
    return out


def test_watch_stream(fake_server: FakeServer) -> None:
    with httpx.Client(base_url=fake_server.url, timeout=10) as c:
        c.post(f"{NS}/projects", json=_project("w1"))
        rv = c.get(f"{NS}/projects").json()["metadata"]["resourceVersion"]
        c.post(f"{NS}/projects", json=_project("w2"))
        # From a resourceVersion: replay w2, then a live event; ?watch=true on the list path.
        with c.stream("GET", f"{NS}/projects", params={"watch": "true", "resourceVersion": rv}) as resp:
            assert resp.status_code == 200 and resp.headers["content-type"] == "application/json"
            threading.Timer(0.3, lambda: httpx.post(f"{fake_server.url}{NS}/projects", json=_project("w3"))).start()
            events = _read_lines(resp, 2, 10)
        assert [(e["type"], e["object"]["metadata"]["name"]) for e in events] == [("ADDED", "w2"), ("ADDED", "w3")]
        assert events[0]["object"]["kind"] == "Project"
        # The watch path of the rule, with bookmarks.
        with c.stream(
            "GET", f"{GV}/watch/namespaces/team-a/projects?allowWatchBookmarks=true&resourceVersion={rv}"
        ) as resp:
            events = _read_lines(resp, 3, 10)  # w2, w3 replayed, then the bookmark
        assert events[-1]["type"] == "BOOKMARK"
        assert events[-1]["object"] == {
            "apiVersion": "michelangelo.api/v2",
            "kind": "Project",
            "metadata": {"resourceVersion": "3"},
        }
        # An expired version is an HTTP 410 Status.
        r = c.get(f"{NS}/projects?watch=1&resourceVersion=expired")
        assert r.status_code == 410 and r.json()["reason"] == "Expired"


def test_watch_ends_on_server_stop(fake_server: FakeServer) -> None:
    c = httpx.Client(base_url=fake_server.url, timeout=10)
    with c.stream("GET", f"{NS}/projects?watch=true") as resp:
        assert resp.status_code == 200
        started = time.monotonic()
        fut = asyncio.run_coroutine_threadsafe(fake_server.handle.stop(), fake_server.loop)
        assert list(resp.iter_lines()) == []  # ends cleanly, without events
        fut.result(10)
    assert time.monotonic() - started < 5
    c.close()


def test_openapi_served(fake_server: FakeServer) -> None:
    doc = httpx.get(f"{fake_server.url}/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    ops = {op["operationId"] for p in doc["paths"].values() for op in p.values()}
    assert {"CreateProject", "ListProjects", "ListProjects2", "WatchProjects", "UpdateModelStatus"} <= ops

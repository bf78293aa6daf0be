"""One object size for every transport and write path, and List pages bounded by bytes
(issue 10, class 3), against a real `ma-server` over gRPC and HTTP.

The issue's example: HTTP stored an object of 8.2 MiB (114,913 labels) that gRPC
then could neither Get nor Update and that broke every gRPC watch replaying it.
Now every write of an object over `limits.MAX_OBJECT_BYTES` (as stored) is refused
(gRPC INVALID_ARGUMENT, HTTP 413 RequestEntityTooLarge), an object just under it
round-trips over both transports, and a List of many large objects is cut into
pages under `limits.LIST_PAGE_BYTES` that a 4 MiB client receives whole.
"""

from __future__ import annotations

import json
import socket
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import httpx
import pytest
from api_helpers import bad_request, project, rpc_error
from api_server import ServerProcess
from google.protobuf import json_format

from ma_server.limits import LIST_PAGE_BYTES, MAX_OBJECT_BYTES, MAX_OBJECT_BYTES_CEILING, http_body_limit
from ma_server.main import parse_args
from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc
from michelangelo.api.v2.client import Client, ClientConfig

C = grpc.StatusCode
GV = "/apis/michelangelo.api/v2"
# A label of the bulk: 7-character key, 63-character value (Kubernetes' longest).
LABEL_VALUE = "v" * 63
# Every RPC of a test is bounded.
TIMEOUT = 30.0
# The annotation value carrying most of a large object (validation allows 256 KiB of annotations).
ANNOTATION_BYTES = 200 * 1024


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("sizes")
    s = ServerProcess("memory://", d / "server.log").start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="module")
def chan(srv: ServerProcess) -> Iterator[grpc.Channel]:
    # The client's default 4 MiB receive limit, as in every SDK.
    ch = grpc.insecure_channel(srv.target, options=[("grpc.max_send_message_length", 16 * 1024 * 1024)])
    grpc.channel_ready_future(ch).result(timeout=10)
    try:
        yield ch
    finally:
        ch.close()


@pytest.fixture(scope="module")
def stub(chan: grpc.Channel) -> project_svc_pb2_grpc.ProjectServiceStub:
    return project_svc_pb2_grpc.ProjectServiceStub(chan)


@pytest.fixture
def http(srv: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"http://127.0.0.1:{srv.http_port}", timeout=TIMEOUT) as c:
        yield c


def large_project(ns: str, name: str, size: int) -> project_pb2.Project:
    """A Project of about `size` bytes serialized (within 80 bytes below), mostly labels."""
    p = project(ns, name)
    p.api_version, p.kind = "michelangelo.api/v2", "Project"
    if size > ANNOTATION_BYTES + 4096:
        p.metadata.annotations["bulk"] = "a" * ANNOTATION_BYTES
    base = p.ByteSize()
    p.metadata.labels["k000000"] = LABEL_VALUE
    per_label = p.ByteSize() - base
    for i in range(1, max(0, (size - base) // per_label)):
        p.metadata.labels[f"k{i:06d}"] = LABEL_VALUE
    # Top up with the description (at most 1,024 characters) to land just under `size`.
    room = size - p.ByteSize() - 4
    if room > 0:
        p.spec.description = "d" * min(room, 1024)
    return p


def stored_size(obj: project_pb2.Project) -> int:
    """The object's size as the server stores it (without its resourceVersion)."""
    o = project_pb2.Project()
    o.CopyFrom(obj)
    o.metadata.resource_version = ""
    return o.ByteSize()


def to_json(p: project_pb2.Project) -> dict[str, object]:
    return json_format.MessageToDict(p)


# -- one size for every write path -------------------------------------------------------------


def test_http_create_with_114913_labels_is_413(
    http: httpx.Client, stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str
) -> None:
    """The issue's example: 8.2 MiB of labels over HTTP is refused, not stored."""
    labels = {f"label-{i:06d}": LABEL_VALUE[:57] for i in range(114_913)}
    body = {"metadata": {"name": "huge", "labels": labels}, "spec": {"owningTeam": "ml"}}
    raw = json.dumps(body).encode()
    assert len(raw) > 8 * 1024 * 1024
    r = http.post(f"{GV}/namespaces/{ns}/projects", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 413, r.text[:500]
    st = r.json()
    assert (st["kind"], st["reason"], st["code"]) == ("Status", "RequestEntityTooLarge", 413)
    # Refused by its body's size before it is parsed (`limits.http_body_limit`), naming both limits.
    assert f"over {http_body_limit(MAX_OBJECT_BYTES)} bytes" in st["message"], st["message"]
    assert f"limit is {MAX_OBJECT_BYTES} (--max-object-bytes)" in st["message"]
    assert http.get(f"{GV}/namespaces/{ns}/projects/huge").status_code == 404
    # Nothing stored: a gRPC List of the namespace is empty.
    assert not stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns), timeout=TIMEOUT).items


def test_grpc_writes_over_the_limit_are_invalid_argument(
    stub: project_svc_pb2_grpc.ProjectServiceStub, http: httpx.Client, ns: str
) -> None:
    over = large_project(ns, "over", MAX_OBJECT_BYTES + 2048)
    assert stored_size(over) > MAX_OBJECT_BYTES
    for dry_run in (False, True):
        req = project_svc_pb2.CreateProjectRequest(project=over, dry_run=dry_run)
        err = rpc_error(lambda req=req: stub.CreateProject(req, timeout=TIMEOUT))
        assert err.code() == C.INVALID_ARGUMENT, err.details()
        assert f"limit is {MAX_OBJECT_BYTES}" in (err.details() or "")
        br = bad_request(err)
        assert br is not None and br.field_violations[0].field == "project"
    # Update and UpdateStatus that grow a stored object past the limit.
    small = stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "grow")), timeout=TIMEOUT)
    big = large_project(ns, "grow", MAX_OBJECT_BYTES + 2048)
    err = rpc_error(lambda: stub.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=big), timeout=TIMEOUT))
    assert err.code() == C.INVALID_ARGUMENT and str(MAX_OBJECT_BYTES) in (err.details() or "")
    status = project_pb2.Project()
    status.CopyFrom(small)
    for i in range(1_600):
        c = status.status.conditions.add()
        c.type = f"Cond{i:05d}"
        c.status = "True"
        c.message = "m" * 2000
    assert status.ByteSize() > MAX_OBJECT_BYTES
    req_s = project_svc_pb2.UpdateProjectStatusRequest(project=status)
    err = rpc_error(lambda: stub.UpdateProjectStatus(req_s, timeout=TIMEOUT))
    assert err.code() == C.INVALID_ARGUMENT and str(MAX_OBJECT_BYTES) in (err.details() or ""), err.details()
    got = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="grow"), timeout=TIMEOUT)
    assert got.metadata.resource_version == small.metadata.resource_version
    # HTTP PUT, PATCH and /status of the same objects: 413.
    url = f"{GV}/namespaces/{ns}/projects/grow"
    r = http.put(url, json=to_json(big))
    assert r.status_code == 413 and r.json()["reason"] == "RequestEntityTooLarge", r.text[:300]
    labels = {f"k{i:06d}": LABEL_VALUE for i in range(45_000)}
    r = http.patch(url, json={"metadata": {"labels": labels}}, headers={"content-type": "application/merge-patch+json"})
    assert r.status_code == 413 and r.json()["reason"] == "RequestEntityTooLarge", r.text[:300]
    r = http.put(f"{url}/status", json=to_json(status))
    assert r.status_code == 413, r.text[:300]
    got = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="grow"), timeout=TIMEOUT)
    assert got.metadata.resource_version == small.metadata.resource_version


# -- refused before it is parsed ------------------------------------------------------------------


def _median_ms(call: object, times: int = 5) -> float:
    """Median wall time (ms) of `times` calls of `call` (each bounded by its own timeout)."""
    assert callable(call)
    spent = []
    for _ in range(times):
        t = time.perf_counter()
        call()
        spent.append((time.perf_counter() - t) * 1000)
    return statistics.median(spent)


def test_grpc_write_over_the_limit_as_sent_is_refused_before_it_is_parsed(
    stub: project_svc_pb2_grpc.ProjectServiceStub, chan: grpc.Channel, ns: str
) -> None:
    """The hostile bench's create (3.9 MiB of labels, under the 4 MiB request limit): parsing and
    validating it took ~0.35 s of server CPU before the size check refused it; its object field's
    length, read from the wire, refuses it first (Create, Update and UpdateStatus), nothing stored."""
    big = large_project(ns, "big", int(3.9 * 1024 * 1024))
    raw = {
        "CreateProject": project_svc_pb2.CreateProjectRequest(project=big).SerializeToString(),
        "UpdateProject": project_svc_pb2.UpdateProjectRequest(project=big).SerializeToString(),
        "UpdateProjectStatus": project_svc_pb2.UpdateProjectStatusRequest(project=big).SerializeToString(),
    }
    for method, body in raw.items():
        call = chan.unary_unary(f"/michelangelo.api.v2.ProjectService/{method}")
        err = rpc_error(lambda call=call, body=body: call(body, timeout=TIMEOUT))
        assert err.code() == C.INVALID_ARGUMENT, (method, err.details())
        details = err.details() or ""
        assert f"Project 'big' is {big.ByteSize()} bytes as sent, limit is {MAX_OBJECT_BYTES}" in details, details
        br = bad_request(err)
        assert br is not None and br.field_violations[0].field == "project"
        # Answered in about the time the 3.9 MiB take to travel (was ~350 ms of parsing and validation).
        ms = _median_ms(lambda call=call, body=body: rpc_error(lambda: call(body, timeout=TIMEOUT)))
        assert ms < 150, (method, ms)
    err = rpc_error(
        lambda: stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="big"), timeout=TIMEOUT)
    )
    assert err.code() == C.NOT_FOUND
    # Just under the limit as sent, the object is parsed and stored (the scan refuses nothing more).
    ok = large_project(ns, "edge-sent", MAX_OBJECT_BYTES - 300)
    assert stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=ok), timeout=TIMEOUT).metadata.uid


def test_http_body_over_the_limit_is_refused_before_it_is_parsed(http: httpx.Client, ns: str) -> None:
    """A 3.9 MiB Project as JSON (4.01 MiB) over POST, PUT and a merge PATCH: 413 by the
    body limit (4/3 of --max-object-bytes plus 4 KiB) before the body is parsed, nothing stored."""
    raw = json.dumps(to_json(large_project(ns, "big", 4_100_000))).encode()
    limit = http_body_limit(MAX_OBJECT_BYTES)
    assert limit < len(raw) < 4.1 * 1024 * 1024
    url = f"{GV}/namespaces/{ns}/projects"
    calls = {
        "POST": lambda: http.post(url, content=raw, headers={"content-type": "application/json"}),
        "PUT": lambda: http.put(f"{url}/big", content=raw, headers={"content-type": "application/json"}),
        "PATCH": lambda: http.patch(
            f"{url}/big", content=raw, headers={"content-type": "application/merge-patch+json"}
        ),
    }
    for verb, call in calls.items():
        r = call()
        assert r.status_code == 413, (verb, r.text[:300])
        st = r.json()
        assert (st["kind"], st["reason"], st["code"]) == ("Status", "RequestEntityTooLarge", 413)
        assert f"the request body is over {limit} bytes" in st["message"], st["message"]
        # Answered in about the time the 4 MiB take to travel (was ~0.7 s of parsing and validation).
        ms = _median_ms(call)
        assert ms < 150, (verb, ms)
    assert http.get(f"{url}/big").status_code == 404


def test_http_declared_body_over_the_limit_is_refused_before_it_is_sent(srv: ServerProcess, ns: str) -> None:
    """A Content-Length over the body limit is answered 413 from the headers alone, as Kubernetes does:
    the client has sent none of its 100 MiB body yet (before, the server read up to 32 MiB of it)."""
    head = (
        f"POST {GV}/namespaces/{ns}/projects HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/json\r\nContent-Length: {100 * 1024 * 1024}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", srv.http_port), timeout=5) as sock:
        sock.sendall(head.encode())
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)  # bounded by the socket timeout
            if not chunk:
                break
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 413"), answer[:300]
    st = json.loads(rest.partition(b"\r\n\r\n")[2])
    assert (
        st["reason"] == "RequestEntityTooLarge" and f"over {http_body_limit(MAX_OBJECT_BYTES)} bytes" in st["message"]
    )


def test_object_just_under_the_limit_round_trips_over_both_transports(
    stub: project_svc_pb2_grpc.ProjectServiceStub, http: httpx.Client, ns: str
) -> None:
    p = large_project(ns, "edge", MAX_OBJECT_BYTES - 300)
    created = stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=p), timeout=TIMEOUT)
    size = stored_size(created)
    assert MAX_OBJECT_BYTES - 600 < size <= MAX_OBJECT_BYTES, size
    # gRPC Get and Update.
    got = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="edge"), timeout=TIMEOUT)
    assert got == created
    got.spec.description = "changed"
    updated = stub.UpdateProject(project_svc_pb2.UpdateProjectRequest(project=got), timeout=TIMEOUT)
    assert updated.spec.description == "changed"
    # HTTP Get and PUT of the same object.
    url = f"{GV}/namespaces/{ns}/projects/edge"
    body = http.get(url).json()
    assert len(body["metadata"]["labels"]) == len(p.metadata.labels)
    body["spec"]["description"] = "over http"
    r = http.put(url, json=body)
    assert r.status_code == 200, r.text[:300]
    # HTTP create of one just under the limit too.
    q = large_project(ns, "edge-http", MAX_OBJECT_BYTES - 300)
    r = http.post(f"{GV}/namespaces/{ns}/projects", json=to_json(q))
    assert r.status_code == 201, r.text[:300]
    # A gRPC List and a watch replay carry both (each event is one object, under 4 MiB).
    lst = stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns), timeout=TIMEOUT)
    names = {x.metadata.name for x in lst.items}
    token = lst.metadata.continue_token
    for _ in range(3):
        if not token:
            break
        opts = list_pb2.ListOptions(continue_token=token)
        page = stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns, options=opts), timeout=TIMEOUT)
        names |= {x.metadata.name for x in page.items}
        token = page.metadata.continue_token
    assert names == {"edge", "edge-http"} and not token
    wreq = project_svc_pb2.WatchProjectsRequest(namespace=ns, options=list_pb2.WatchOptions(timeout_seconds=5))
    stream = stub.WatchProjects(wreq, timeout=TIMEOUT)
    try:
        seen = [next(stream) for _ in range(2)]
    finally:
        stream.cancel()
    assert {(e.type, e.object.metadata.name) for e in seen} == {(list_pb2.ADDED, "edge"), (list_pb2.ADDED, "edge-http")}


def test_max_object_bytes_flag(tmp_path: Path) -> None:
    assert parse_args([]).max_object_bytes == MAX_OBJECT_BYTES
    for bad in ("0", "-1", str(MAX_OBJECT_BYTES_CEILING + 1)):
        with pytest.raises(SystemExit):
            parse_args(["--max-object-bytes", bad])
    s = ServerProcess("memory://", tmp_path / "server.log", "--max-object-bytes", "100000").start()
    try:
        with grpc.insecure_channel(s.target) as ch:
            st = project_svc_pb2_grpc.ProjectServiceStub(ch)
            req = project_svc_pb2.CreateProjectRequest(project=large_project("flag", "a", 120_000))
            err = rpc_error(lambda: st.CreateProject(req, timeout=TIMEOUT))
            assert err.code() == C.INVALID_ARGUMENT and "limit is 100000" in (err.details() or "")
            req = project_svc_pb2.CreateProjectRequest(project=large_project("flag", "b", 90_000))
            assert st.CreateProject(req, timeout=TIMEOUT).metadata.name == "b"
        r = httpx.post(
            f"http://127.0.0.1:{s.http_port}{GV}/namespaces/flag/projects",
            json=to_json(large_project("flag", "c", 120_000)),
            timeout=TIMEOUT,
        )
        assert r.status_code == 413 and "limit is 100000" in r.json()["message"]
    finally:
        s.stop()


# -- List pages bounded by bytes -------------------------------------------------------------

COUNT = 11
ITEM_BYTES = 1024 * 1024 + 100 * 1024  # 1.1 MiB: at most 3 to a page, 11 objects are ~12 MiB


@pytest.fixture(scope="module")
def many(stub: project_svc_pb2_grpc.ProjectServiceStub) -> str:
    ns = "many-large"
    for i in range(COUNT):
        p = large_project(ns, f"p{i:02d}", ITEM_BYTES)
        p.spec.tier = "critical" if i % 2 else "standard"
        stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=p), timeout=TIMEOUT)
    return ns


def _grpc_pages(
    stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str, **options: object
) -> list[project_pb2.ProjectList]:
    pages: list[project_pb2.ProjectList] = []
    token = ""
    for _ in range(COUNT + 2):  # bounded: every page holds at least one item
        opts = list_pb2.ListOptions(continue_token=token, **options)  # type: ignore[arg-type]
        page = stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns, options=opts), timeout=TIMEOUT)
        pages.append(page)
        token = page.metadata.continue_token
        if not token:
            return pages
    raise AssertionError("the list did not end")


@pytest.mark.parametrize(
    "options",
    [
        {},  # the default limit (1000)
        {"limit": 500},
        {"limit": 2},
        {"label_selector": "app!=none"},  # a filter: the chunked read path
        {"order_by": [list_pb2.OrderBy(field="metadata.name", descending=True)]},  # the sorted path
    ],
    ids=["default", "limit500", "limit2", "selector", "order_by"],
)
def test_grpc_list_of_large_objects_pages_by_bytes(
    stub: project_svc_pb2_grpc.ProjectServiceStub, many: str, options: dict[str, object]
) -> None:
    pages = _grpc_pages(stub, many, **options)
    names = [x.metadata.name for page in pages for x in page.items]
    expected = [f"p{i:02d}" for i in range(COUNT)]
    if "order_by" in options:
        expected.reverse()
    assert names == expected  # every item once, in order
    limit = int(options.get("limit", 1000))  # type: ignore[call-overload]
    assert len(pages) > 1
    seen = 0
    for page in pages:
        assert 0 < len(page.items) <= min(limit, 3)
        assert page.ByteSize() <= LIST_PAGE_BYTES
        seen += len(page.items)
        if page.metadata.HasField("remaining_item_count"):
            assert page.metadata.remaining_item_count == COUNT - seen
        assert page.metadata.resource_version == pages[0].metadata.resource_version


def test_sdk_pager_gets_every_large_object(srv: ServerProcess, many: str) -> None:
    config = ClientConfig(target=srv.target, tls=False, timeout=TIMEOUT)
    with Client(config=config) as client:
        names = [p.metadata.name for p in client.projects.list(namespace=many)]
    assert names == [f"p{i:02d}" for i in range(COUNT)]


def test_http_list_of_large_objects_pages_by_bytes(http: httpx.Client, many: str) -> None:
    for params in ({}, {"limit": "1000"}, {"labelSelector": "app!=none"}):
        names: list[str] = []
        token = ""
        pages = 0
        for _ in range(COUNT + 2):
            q = dict(params, **({"continue": token} if token else {}))
            r = http.get(f"{GV}/namespaces/{many}/projects", params=q)
            assert r.status_code == 200, r.text[:300]
            body = r.json()
            assert 0 < len(body["items"]) <= 3
            names += [x["metadata"]["name"] for x in body["items"]]
            pages += 1
            token = body["metadata"].get("continue", "")
            if not token:
                break
        assert names == [f"p{i:02d}" for i in range(COUNT)] and pages > 1, params

"""Unknown fields are never stored (issue 10, class 7), against a real `ma-server` over gRPC and HTTP.

The issue's example: a gRPC Create with an unknown field number was persisted and
returned. Now, as Kubernetes' `fieldValidation` (gRPC metadata `field-validation`,
HTTP query parameter `fieldValidation`): `Warn` (the default) drops them and names
each in a `warning` trailer / `Warning` header, `Ignore` drops them silently,
`Strict` refuses the write naming them; another mode is INVALID_ARGUMENT / 400.
Objects are read back raw to check that no message in them has an unknown field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import grpc
import httpx
import pytest
from api_helpers import bad_request, project, rpc_error
from api_server import ServerProcess
from google.protobuf import unknown_fields
from google.protobuf.message import Message

from michelangelo.api.v2 import project_pb2, project_svc_pb2

C = grpc.StatusCode
SVC = "/michelangelo.api.v2.ProjectService"
GV = "/apis/michelangelo.api/v2"
TIMEOUT = 10.0
# Field 17 (varint 5), field 99 (length-delimited "x"), field 50 (fixed32): numbers Project does not have.
VARINT_17 = bytes([17 << 3 | 0, 0x01, 5])
BYTES_99 = bytes([(99 << 3 | 2) & 0x7F | 0x80, (99 << 3 | 2) >> 7, 1]) + b"x"
FIXED32_50 = bytes([(50 << 3 | 5) & 0x7F | 0x80, (50 << 3 | 5) >> 7]) + b"\0\0\0\0"


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("unknown")
    s = ServerProcess("memory://", d / "server.log").start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="module")
def chan(srv: ServerProcess) -> Iterator[grpc.Channel]:
    ch = grpc.insecure_channel(srv.target)
    grpc.channel_ready_future(ch).result(timeout=10)
    try:
        yield ch
    finally:
        ch.close()


@pytest.fixture
def http(srv: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"http://127.0.0.1:{srv.http_port}", timeout=TIMEOUT) as c:
        yield c


def raw_call(chan: grpc.Channel, method: str) -> Any:
    """A unary call taking and returning bytes, with its trailing metadata."""
    return chan.unary_unary(f"{SVC}/{method}").with_call


def unknown_anywhere(msg: Message, path: str = "") -> list[str]:
    """Every unknown field number in `msg` and its nested messages (written here, not the server's walker)."""
    found = [f"{path}#{f.field_number}" for f in list(unknown_fields.UnknownFieldSet(msg))]
    for fd, value in msg.ListFields():
        if fd.message_type is None:
            continue
        if fd.message_type.GetOptions().map_entry:
            if fd.message_type.fields_by_name["value"].message_type is not None:
                for k, v in value.items():
                    found += unknown_anywhere(v, f"{path}{fd.name}[{k}].")
        elif fd.is_repeated:
            for i, v in enumerate(value):
                found += unknown_anywhere(v, f"{path}{fd.name}[{i}].")
        else:
            found += unknown_anywhere(value, f"{path}{fd.name}.")
    return found


def get_raw(chan: grpc.Channel, ns: str, name: str) -> project_pb2.Project:
    req = project_svc_pb2.GetProjectRequest(namespace=ns, name=name).SerializeToString()
    data, _ = raw_call(chan, "GetProject")(req, timeout=TIMEOUT)
    return project_pb2.Project.FromString(data)


def with_unknowns(p: project_pb2.Project) -> project_pb2.Project:
    """`p` carrying unknown fields in spec (17), spec.quota (99), metadata (99) and the object (50)."""
    out = project_pb2.Project()
    out.CopyFrom(p)
    out.spec.MergeFromString(VARINT_17)
    out.spec.quota.MergeFromString(BYTES_99)
    out.metadata.MergeFromString(BYTES_99)
    out.MergeFromString(FIXED32_50)
    return out


EXPECTED = ["#50", "metadata.#99", "spec.#17", "spec.quota.#99"]


def warnings_of(call: Any) -> list[str]:
    return [v for k, v in call.trailing_metadata() or () if k == "warning"]


def create(chan: grpc.Channel, p: project_pb2.Project, mode: str | None = None) -> tuple[bytes, Any]:
    md = (("field-validation", mode),) if mode is not None else None
    req = project_svc_pb2.CreateProjectRequest(project=p).SerializeToString()
    out: tuple[bytes, Any] = raw_call(chan, "CreateProject")(req, timeout=TIMEOUT, metadata=md)
    return out


# -- gRPC -------------------------------------------------------------------------------------


def test_grpc_create_drops_unknown_fields_with_warnings(chan: grpc.Channel, ns: str) -> None:
    """The issue's example, with the default mode (Warn)."""
    data, call = create(chan, with_unknowns(project(ns, "warned")))
    assert unknown_anywhere(project_pb2.Project.FromString(data)) == []
    assert warnings_of(call) == [f'299 - "unknown field \\"{p}\\""' for p in EXPECTED]
    assert unknown_anywhere(get_raw(chan, ns, "warned")) == []
    # "Warn" said explicitly: the same.
    data, call = create(chan, with_unknowns(project(ns, "warned2")), "Warn")
    assert len(warnings_of(call)) == len(EXPECTED) and unknown_anywhere(get_raw(chan, ns, "warned2")) == []
    # A request without unknown fields gets no warning.
    _, call = create(chan, project(ns, "clean"))
    assert warnings_of(call) == []


def test_grpc_strict_refuses_unknown_fields(chan: grpc.Channel, ns: str) -> None:
    err = rpc_error(lambda: create(chan, with_unknowns(project(ns, "strict")), "Strict"))
    assert err.code() == C.INVALID_ARGUMENT
    assert "unknown field" in (err.details() or "") and '"spec.#17"' in (err.details() or "")
    br = bad_request(err)
    assert br is not None and [v.field for v in br.field_violations] == EXPECTED
    req = project_svc_pb2.GetProjectRequest(namespace=ns, name="strict").SerializeToString()
    err = rpc_error(lambda: raw_call(chan, "GetProject")(req, timeout=TIMEOUT))
    assert err.code() == C.NOT_FOUND
    # Strict without unknown fields is an ordinary create.
    data, call = create(chan, project(ns, "strict"), "Strict")
    assert project_pb2.Project.FromString(data).metadata.name == "strict" and warnings_of(call) == []


def test_grpc_ignore_drops_unknown_fields_silently(chan: grpc.Channel, ns: str) -> None:
    data, call = create(chan, with_unknowns(project(ns, "ignored")), "Ignore")
    assert warnings_of(call) == [] and unknown_anywhere(project_pb2.Project.FromString(data)) == []
    assert unknown_anywhere(get_raw(chan, ns, "ignored")) == []


def test_grpc_invalid_mode_is_invalid_argument(chan: grpc.Channel, ns: str) -> None:
    for mode in ("strict", "Bogus", "Strict,Warn"):
        err = rpc_error(lambda mode=mode: create(chan, project(ns, "mode"), mode))
        assert err.code() == C.INVALID_ARGUMENT and "field-validation" in (err.details() or ""), mode


def test_grpc_update_and_update_status_drop_unknown_fields(chan: grpc.Channel, ns: str) -> None:
    data, _ = create(chan, project(ns, "upd"))
    stored = project_pb2.Project.FromString(data)
    stored.spec.description = "v2"
    req = project_svc_pb2.UpdateProjectRequest(project=with_unknowns(stored)).SerializeToString()
    out, call = raw_call(chan, "UpdateProject")(req, timeout=TIMEOUT)
    assert project_pb2.Project.FromString(out).spec.description == "v2"
    assert len(warnings_of(call)) == len(EXPECTED)
    assert unknown_anywhere(get_raw(chan, ns, "upd")) == []
    # UpdateStatus with an unknown field inside a repeated message (a condition).
    cur = get_raw(chan, ns, "upd")
    cond = cur.status.conditions.add()
    cond.type, cond.status = "Ready", "True"
    cond.MergeFromString(VARINT_17)
    req = project_svc_pb2.UpdateProjectStatusRequest(project=cur).SerializeToString()
    out, call = raw_call(chan, "UpdateProjectStatus")(req, timeout=TIMEOUT)
    assert warnings_of(call) == ['299 - "unknown field \\"status.conditions[0].#17\\""']
    got = get_raw(chan, ns, "upd")
    assert got.status.conditions[0].type == "Ready" and unknown_anywhere(got) == []
    md = (("field-validation", "Strict"),)
    err = rpc_error(lambda: raw_call(chan, "UpdateProjectStatus")(req, timeout=TIMEOUT, metadata=md))
    assert err.code() == C.INVALID_ARGUMENT and "status.conditions[0].#17" in (err.details() or "")


def test_grpc_many_unknown_fields_give_bounded_warnings(chan: grpc.Channel, ns: str) -> None:
    p = project(ns, "many")
    for n in range(1000, 1100):  # tags 8000..8792: two-byte varints, then the value 1
        tag = n << 3
        p.spec.MergeFromString(bytes([tag & 0x7F | 0x80, tag >> 7, 1]))
    _, call = create(chan, p)
    ws = warnings_of(call)
    assert len(ws) == 17 and ws[-1] == '299 - "... and 84 more unknown fields"', ws[-3:]
    err = rpc_error(lambda: create(chan, p, "Strict"))
    assert err.code() == C.INVALID_ARGUMENT and "and 84 more" in (err.details() or "")


# -- HTTP -------------------------------------------------------------------------------------


def _warnings(r: httpx.Response) -> list[str]:
    return r.headers.get_list("warning")


def _body(name: str) -> dict[str, Any]:
    return {
        "metadata": {"name": name, "bogus": {"x": 1}},
        "spec": {"owningTeam": "ml", "foo": 1, "quota": {"maxCpu": 2, "gpus": "x"}},
        "extra": True,
    }


HTTP_EXPECTED = ["extra", "metadata.bogus", "spec.foo", "spec.quota.gpus"]


def test_http_create_drops_unknown_keys_with_warnings(http: httpx.Client, chan: grpc.Channel, ns: str) -> None:
    base = f"{GV}/namespaces/{ns}/projects"
    r = http.post(base, json=_body("warned"))
    assert r.status_code == 201, r.text
    assert sorted(_warnings(r)) == [f'299 - "unknown field \\"{p}\\""' for p in HTTP_EXPECTED]
    got = http.get(f"{base}/warned").json()
    assert "foo" not in got["spec"] and "extra" not in got and got["spec"]["quota"] == {"maxCpu": 2}
    assert unknown_anywhere(get_raw(chan, ns, "warned")) == []
    r = http.post(base, params={"fieldValidation": "Warn"}, json=_body("warned2"))
    assert r.status_code == 201 and len(_warnings(r)) == len(HTTP_EXPECTED)
    r = http.post(base, json={"metadata": {"name": "clean"}, "spec": {"owningTeam": "ml"}})
    assert r.status_code == 201 and _warnings(r) == []


def test_http_strict_refuses_unknown_keys(http: httpx.Client, ns: str) -> None:
    base = f"{GV}/namespaces/{ns}/projects"
    r = http.post(base, params={"fieldValidation": "Strict"}, json=_body("strict"))
    assert r.status_code == 400, r.text
    st = r.json()
    assert st["reason"] == "BadRequest" and st["message"].startswith("strict decoding error: unknown fields")
    assert all(f'"{p}"' in st["message"] for p in HTTP_EXPECTED), st["message"]
    assert http.get(f"{base}/strict").status_code == 404
    # PUT, PATCH and /status under Strict.
    r = http.post(base, json={"metadata": {"name": "obj"}, "spec": {"owningTeam": "ml"}})
    assert r.status_code == 201
    obj = r.json()
    strict = {"fieldValidation": "Strict"}
    r = http.put(f"{base}/obj", params=strict, json=dict(obj, spec={"owningTeam": "ml", "foo": 1}))
    assert r.status_code == 400 and '"spec.foo"' in r.json()["message"], r.text
    mp = {"content-type": "application/merge-patch+json"}
    r = http.patch(f"{base}/obj", params=strict, json={"spec": {"foo": 1}}, headers=mp)
    assert r.status_code == 400 and '"spec.foo"' in r.json()["message"], r.text
    r = http.put(f"{base}/obj/status", params=strict, json=dict(obj, status={"conditions": [{"type": "A", "x": 1}]}))
    assert r.status_code == 400 and '"status.conditions[0].x"' in r.json()["message"], r.text
    assert http.get(f"{base}/obj").json()["metadata"]["resourceVersion"] == obj["metadata"]["resourceVersion"]


def test_http_ignore_and_invalid_mode(http: httpx.Client, chan: grpc.Channel, ns: str) -> None:
    base = f"{GV}/namespaces/{ns}/projects"
    r = http.post(base, params={"fieldValidation": "Ignore"}, json=_body("ignored"))
    assert r.status_code == 201 and _warnings(r) == [], r.text
    assert unknown_anywhere(get_raw(chan, ns, "ignored")) == []
    for mode in ("strict", "Bogus", ""):
        r = http.post(base, params={"fieldValidation": mode}, json=_body("mode"))
        if mode == "":
            assert r.status_code == 201  # empty: the default
            continue
        assert r.status_code == 400 and "fieldValidation" in r.json()["message"], (mode, r.text)


def test_http_put_patch_and_status_warn(http: httpx.Client, chan: grpc.Channel, ns: str) -> None:
    base = f"{GV}/namespaces/{ns}/projects"
    obj = http.post(base, json={"metadata": {"name": "obj"}, "spec": {"owningTeam": "ml"}}).json()
    r = http.put(f"{base}/obj", json=dict(obj, spec={"owningTeam": "ml", "description": "v2", "foo": 1}))
    assert r.status_code == 200 and _warnings(r) == ['299 - "unknown field \\"spec.foo\\""'], r.text
    mp = {"content-type": "application/merge-patch+json"}
    r = http.patch(f"{base}/obj", json={"spec": {"bar": {"y": 2}}}, headers=mp)
    assert r.status_code == 200 and _warnings(r) == ['299 - "unknown field \\"spec.bar\\""'], r.text
    cur = http.get(f"{base}/obj").json()
    r = http.put(f"{base}/obj/status", json=dict(cur, status={"conditions": [{"type": "A", "status": "True", "x": 1}]}))
    assert r.status_code == 200 and _warnings(r) == ['299 - "unknown field \\"status.conditions[0].x\\""'], r.text
    got = http.get(f"{base}/obj").json()
    assert got["spec"] == {"owningTeam": "ml", "description": "v2"}
    assert got["status"]["conditions"] == [{"type": "A", "status": "True"}]
    assert unknown_anywhere(get_raw(chan, ns, "obj")) == []
    # A key with a quote and non-ASCII characters is escaped into a valid header value.
    r = http.patch(f"{base}/obj", json={"spec": {'q"é': 1}}, headers=mp)
    assert r.status_code == 200 and _warnings(r) == ['299 - "unknown field \\"spec.q\\\\\\"\\\\u00e9\\""'], _warnings(r)

"""Errors too large to deliver (issue 10, class 4): every error reaches the caller with its own code.

gRPC clients refuse response metadata over 16 KiB (grpc-python and grpc-go's
default header list limit; C-core already drops some above 8 KiB), and the
error's message and BadRequest detail travel in the trailers. A long invalid
name, many bad labels or a long selector used to make the client see
RESOURCE_EXHAUSTED ("received metadata size exceeds hard limit") instead of
INVALID_ARGUMENT. Here the real server answers each with INVALID_ARGUMENT, a
parseable BadRequest and trailers within `errors.ERROR_BUDGET_BYTES`; over
HTTP with a Status body of the same bounded text.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from typing import Any

import grpc
import httpx
import pytest
from api_helpers import bad_request, project, rpc_error
from api_server import ServerProcess

from ma_server import errors
from ma_server.errors import ApiError, FieldViolation
from ma_server.grpc_service import wire_size
from ma_server.selectors import MAX_SELECTOR_CHARS
from ma_server.validation import message
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

GV = "/apis/michelangelo.api/v2"
LONG_NAME = "a" * 10_000  # the example: 10,000 characters
SELECTOR_1MIB = "a in (" + "b," * (512 * 1024)  # 1 MiB, never closed: invalid at its very end
# An invalid selector just under the server's length limit (selectors.MAX_SELECTOR_CHARS), so the
# parse error that quotes it is what must be bounded (longer ones are refused by the limit first).
SELECTOR_HTTP = "a in (" + "b," * 4000


def _bad_labels(n: int) -> dict[str, str]:
    # A space makes every key invalid; each key is longer than any echo should be.
    return {f"bad key {i} " + "k" * 100: "v" for i in range(n)}


@pytest.fixture
def stub(channel: grpc.Channel) -> project_svc_pb2_grpc.ProjectServiceStub:
    return project_svc_pb2_grpc.ProjectServiceStub(channel)


@pytest.fixture
def web(server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"http://127.0.0.1:{server.http_port}", timeout=30) as c:
        yield c


def _trailer_bytes(err: grpc.RpcError) -> int:
    """Bytes of the message and the (base64) status details as they crossed the wire, roughly."""
    details = dict(err.trailing_metadata() or ()).get("grpc-status-details-bin", b"")  # type: ignore[attr-defined]
    message = urllib.parse.quote(err.details() or "", safe=" !\"#$&'()*+,-./:;<=>?@[\\]^_`{|}~")  # type: ignore[attr-defined]
    return len(message) + len(details) * 4 // 3


def _assert_invalid(err: grpc.RpcError) -> list[tuple[str, str]]:
    """INVALID_ARGUMENT with a parsed BadRequest, trailers within the budget; the violations."""
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, (err.code(), (err.details() or "")[:300])  # type: ignore[attr-defined]
    br = bad_request(err)
    assert br is not None, "no google.rpc.BadRequest detail"
    assert _trailer_bytes(err) <= errors.ERROR_BUDGET_BYTES
    assert len(err.details() or "") <= errors.MAX_MESSAGE_CHARS + 64  # type: ignore[attr-defined]
    return [(v.field, v.description) for v in br.field_violations]


def _assert_counted(violations: list[tuple[str, str]], total: int) -> None:
    """At most MAX_VIOLATIONS shown, then one `... and K more violations` entry that accounts for the rest."""
    if total <= errors.MAX_VIOLATIONS:
        assert len(violations) == total
        return
    *shown, (field, more) = violations
    assert field == "" and more == f"... and {total - len(shown)} more violations", more
    assert 0 < len(shown) <= errors.MAX_VIOLATIONS


# ---------------------------------------------------------------------------
# gRPC


def test_grpc_long_invalid_name(stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    """The name is echoed cut to MAX_QUOTED_CHARS with a count of the rest; short names as before
    (the SDKs mirror the server's messages word for word)."""
    short = project_svc_pb2.CreateProjectRequest(project=project(ns, "Bad_Name"))
    assert rpc_error(lambda: stub.CreateProject(short, timeout=10)).details() == (  # type: ignore[attr-defined]
        f"Project 'Bad_Name' is invalid: metadata.name: {message('format_dns1123_label')}"
    )
    req = project_svc_pb2.CreateProjectRequest(project=project(ns, LONG_NAME))
    err = rpc_error(lambda: stub.CreateProject(req, timeout=10))
    violations = _assert_invalid(err)
    assert violations[0][0] == "metadata.name"
    assert f"{'a' * errors.MAX_QUOTED_CHARS}'... (9936 more characters) is invalid: metadata.name:" in err.details()  # type: ignore[attr-defined]


def test_grpc_long_non_ascii_name(stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    """Percent-encoding triples every byte of a non-ASCII message: the budget counts the wire form."""
    name = "é€𝄞" * 3_000
    req = project_svc_pb2.CreateProjectRequest(project=project(ns, name))
    err = rpc_error(lambda: stub.CreateProject(req, timeout=10))
    assert _assert_invalid(err)[0][0] == "metadata.name"
    assert name[: errors.MAX_QUOTED_CHARS] in err.details()  # type: ignore[attr-defined]


@pytest.mark.parametrize("count", [50, 5_000])
def test_grpc_many_bad_labels(stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str, count: int) -> None:
    req = project_svc_pb2.CreateProjectRequest(project=project(ns, "p1", labels=_bad_labels(count)))
    err = rpc_error(lambda: stub.CreateProject(req, timeout=30))
    violations = _assert_invalid(err)
    _assert_counted(violations, count)
    assert all(f.startswith('metadata.labels["bad key ') for f, _ in violations[:-1])
    assert all(len(f) <= errors.MAX_FIELD_CHARS + 40 for f, _ in violations)
    assert "more violations" in err.details()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("where", "field"),
    [("label_selector", "options.labelSelector"), ("field_selector", "options.fieldSelector")],
)
def test_grpc_1mib_selector(stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str, where: str, field: str) -> None:
    req = project_svc_pb2.ListProjectsRequest(namespace=ns)
    setattr(req.options, where, SELECTOR_1MIB)
    err = rpc_error(lambda: stub.ListProjects(req, timeout=30))
    violations = _assert_invalid(err)
    assert violations[0][0] == field
    assert f"at most {MAX_SELECTOR_CHARS} characters" in err.details()  # type: ignore[attr-defined]
    # Under the length limit, the parse error quotes the selector, cut to a bound.
    setattr(req.options, where, SELECTOR_HTTP)
    err = rpc_error(lambda: stub.ListProjects(req, timeout=30))
    violations = _assert_invalid(err)
    assert violations[0][0] == field
    assert "more characters" in err.details()  # type: ignore[attr-defined]


def test_grpc_watch_1mib_selector(stub: project_svc_pb2_grpc.ProjectServiceStub, ns: str) -> None:
    req = project_svc_pb2.WatchProjectsRequest(namespace=ns)
    req.options.label_selector = SELECTOR_1MIB

    def watch() -> None:
        for _ in stub.WatchProjects(req, timeout=30):
            raise AssertionError("a watch with an invalid selector sent an event")

    violations = _assert_invalid(rpc_error(watch))
    assert violations[0][0] == "options.labelSelector"


# ---------------------------------------------------------------------------
# HTTP


def _status(resp: httpx.Response | tuple[int, bytes], code: int) -> dict[str, Any]:
    status, raw = (resp.status_code, resp.content) if isinstance(resp, httpx.Response) else resp
    assert status == code, raw[:300]
    # The Status echoes no more than the gRPC error would: a bounded message and causes.
    assert len(raw) <= errors.ERROR_BUDGET_BYTES + 2048, len(raw)
    body: dict[str, Any] = json.loads(raw)
    assert body["kind"] == "Status" and body["code"] == code
    assert len(body["message"]) <= errors.MAX_MESSAGE_CHARS + 64
    return body


def test_http_long_invalid_name(web: httpx.Client, ns: str) -> None:
    doc = {"metadata": {"name": LONG_NAME}, "spec": {"owningTeam": "ml"}}
    body = _status(web.post(f"{GV}/namespaces/{ns}/projects", json=doc), 422)
    assert "'... (9936 more characters) is invalid: metadata.name:" in body["message"]
    assert body["details"]["name"] == f"{'a' * errors.MAX_QUOTED_CHARS}... (9936 more characters)"
    assert body["details"]["causes"][0]["field"] == "metadata.name"
    _status(web.get(f"{GV}/namespaces/{ns}/projects/{LONG_NAME}"), 422)


@pytest.mark.parametrize("count", [50, 5_000])
def test_http_many_bad_labels(web: httpx.Client, ns: str, count: int) -> None:
    doc = {"metadata": {"name": "p1", "labels": _bad_labels(count)}, "spec": {"owningTeam": "ml"}}
    body = _status(web.post(f"{GV}/namespaces/{ns}/projects", json=doc), 422)
    causes = body["details"]["causes"]
    assert len(causes) == errors.MAX_VIOLATIONS + 1
    assert causes[-1] == {
        "reason": "FieldValueInvalid",
        "message": f"... and {count - errors.MAX_VIOLATIONS} more violations",
        "field": "",
    }
    assert body["message"].endswith(f"; ... and {count - errors.MAX_VIOLATIONS} more violations")


def test_http_long_selector(web: httpx.Client, ns: str) -> None:
    body = _status(web.get(f"{GV}/namespaces/{ns}/projects", params={"labelSelector": SELECTOR_HTTP}), 422)
    assert body["message"].startswith("invalid label selector 'a in (b,b,")
    assert body["message"].endswith(f": expected ',' or ')' at position {len(SELECTOR_HTTP)}")
    assert "more characters" in body["message"]


def test_http_long_patch_path(web: httpx.Client, ns: str) -> None:
    """An HTTP-only error echoing the request (a JSON patch path of 1 MiB) is bounded too."""
    doc = {"metadata": {"name": "p1"}, "spec": {"owningTeam": "ml"}}
    assert web.post(f"{GV}/namespaces/{ns}/projects", json=doc).status_code == 201
    ops = [{"op": "remove", "path": "/spec/" + "x" * (1024 * 1024)}]
    resp = web.patch(
        f"{GV}/namespaces/{ns}/projects/p1",
        content=json.dumps(ops),
        headers={"content-type": "application/json-patch+json"},
    )
    body = _status(resp, 422)
    assert body["message"].startswith("cannot apply patch: ") and "more characters" in body["message"]


# ---------------------------------------------------------------------------
# The shaping itself (errors.fit / bounded), over sizes the transports cannot easily send


def test_fit_keeps_any_error_within_the_budget() -> None:
    worst = ApiError(
        grpc.StatusCode.INVALID_ARGUMENT,
        "𝄞" * 100_000,
        [FieldViolation("𝄞" * 10_000, "%" * 10_000) for _ in range(1_000)],
        retry_delay_ms=5,
    )
    out = errors.fit(worst, wire_size)
    assert wire_size(out) <= errors.ERROR_BUDGET_BYTES
    assert out.code == worst.code and out.retry_delay_ms == 5
    *shown, more = out.violations
    assert more == FieldViolation("", f"... and {1_000 - len(shown)} more violations")


def test_small_errors_are_untouched() -> None:
    e = errors.invalid_object("Project", "p1", [FieldViolation("spec.tier", "must be one of a, b")])
    assert errors.fit(e, wire_size) is e and errors.bounded(e) is e
    assert e.message == "Project 'p1' is invalid: spec.tier: must be one of a, b"


def test_render_counts_what_it_leaves_out() -> None:
    vs = [FieldViolation(f"f{i}", "bad") for i in range(errors.MAX_VIOLATIONS + 3)]
    text = errors.render_violations(vs)
    assert text.count("bad") == errors.MAX_VIOLATIONS and text.endswith("; ... and 3 more violations")
    assert errors.render_violations(vs[:1]) == "f0: bad"
    assert errors.more_violations(1).description == "... and 1 more violation"

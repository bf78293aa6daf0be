"""Sensitive fields (issue 10, class 10): their values never leave the server in errors, logs or the journal.

The fields come from the descriptors (`sensitive: true`, collected by
`ma_server.model` into `Resource.sensitive_fields`), so a new sensitive field
is covered without touching this file. For each one, a value carrying a
unique marker is sent where the server answers with an error: a rule-breaking
value in Create and Update (over gRPC and HTTP), a wrong JSON type, and a
malformed field selector or a criterion naming the field (errors that echo
the selector). The server runs at debug level; the marker must appear in no
error (message, BadRequest detail, trailers, HTTP body), nowhere in the
server's log and nowhere in the conformance call journal.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from api_server import ControlClient, ServerProcess
from google.protobuf import json_format
from google.protobuf.message import Message

from ma_server.model import Resource, load_model
from michelangelo.api import list_pb2

GV = "/apis/michelangelo.api/v2"
SENSITIVE = [(r, path) for r in load_model().resources for path in r.sensitive_fields]


def test_the_api_has_sensitive_fields() -> None:
    """The model reads the option: the API declares some today (Cluster's credentials)."""
    paths = {(r.kind, p) for r, p in SENSITIVE}
    assert {("Cluster", "spec.token"), ("Cluster", "spec.credentialsSecret")} <= paths


@pytest.fixture(scope="module")
def debug_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("sensitive")
    srv = ServerProcess("memory://", d / "server.log", "--log-level", "debug").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def grpc_channel(debug_server: ServerProcess) -> Iterator[grpc.Channel]:
    ch = grpc.insecure_channel(debug_server.target)
    grpc.channel_ready_future(ch).result(timeout=10)
    try:
        yield ch
    finally:
        ch.close()


@pytest.fixture(scope="module")
def web(debug_server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"http://127.0.0.1:{debug_server.http_port}", timeout=30) as c:
        yield c


def _marker(r: Resource, path: str) -> str:
    return f"zq{r.plural}{path.replace('.', '').replace('[]', '').replace('{}', '')}leak".lower()


def _invalid_value(r: Resource, path: str, marker: str) -> str:
    """A value with the marker that breaks the field's own rule when it has one (too long, bad
    pattern/format/allowed value); the object is invalid anyway (its required spec fields are unset)."""
    rules = next((fr.rules for fr in r.field_rules if fr.json_path == path), None)
    if rules is not None and rules.HasField("max_len"):
        return marker + "x" * (rules.max_len + 1)
    if rules is not None and (rules.pattern or rules.format or rules.allowed_values):
        return marker + " \t!"
    return marker


def _object(r: Resource, ns: str, path: str, value: object) -> dict[str, Any]:
    """A JSON object of kind `r` (spec otherwise empty) with `value` at `path`: `[]` makes a one-item
    list, `{}` a one-entry map."""
    meta: dict[str, Any] = {"name": "s1"}
    if r.namespaced:
        meta["namespace"] = ns
    obj: dict[str, Any] = {"apiVersion": r.api_version, "kind": r.kind, "metadata": meta}
    cur: dict[str, Any] = obj
    parts = path.split(".")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        name = part.removesuffix("[]").removesuffix("{}")
        child: Any = value if last else {}
        if part.endswith("[]"):
            cur[name] = [child]
        elif part.endswith("{}"):
            cur[name] = {"k": child}
        else:
            cur[name] = child
        cur = child if not last else cur
    return obj


def _collection(r: Resource, ns: str, watch: bool = False) -> str:
    w = "/watch" if watch else ""
    return f"{GV}{w}/namespaces/{ns}/{r.plural}" if r.namespaced else f"{GV}{w}/{r.plural}"


def _call(ch: grpc.Channel, r: Resource, verb: str, req: Message) -> grpc.RpcError:
    m = r.methods[verb]  # type: ignore[index]
    if m.server_streaming:
        fn: Any = ch.unary_stream(m.full_name, request_serializer=lambda x: x.SerializeToString())
    else:
        fn = ch.unary_unary(m.full_name, request_serializer=lambda x: x.SerializeToString())
    try:
        out = fn(req, timeout=10)
        if m.server_streaming:
            for _ in out:
                break
    except grpc.RpcError as e:
        return e
    raise AssertionError(f"{m.name} succeeded, expected an error")


def _grpc_text(err: grpc.RpcError) -> str:
    """Everything the client received about the error: code, message and every trailer."""
    parts = [str(err.code()), err.details() or ""]  # type: ignore[attr-defined]
    for key, value in err.trailing_metadata() or ():  # type: ignore[attr-defined]
        parts.append(f"{key}={value.decode('utf-8', 'replace') if isinstance(value, bytes) else value}")
    return "\n".join(parts)


def _object_request(r: Resource, verb: str, obj: dict[str, Any]) -> Message:
    req = r.methods[verb].request_class()  # type: ignore[index]
    json_format.ParseDict(obj, getattr(req, r.object_field))
    return req


@pytest.mark.parametrize(("r", "path"), SENSITIVE, ids=[f"{r.kind}.{p}" for r, p in SENSITIVE])
def test_sensitive_value_is_never_echoed_or_logged(
    debug_server: ServerProcess, grpc_channel: grpc.Channel, web: httpx.Client, r: Resource, path: str
) -> None:
    control = ControlClient(grpc_channel)
    control("Reset", {})
    ns = "sens"
    marker = _marker(r, path)
    seen: list[str] = []  # every error text the clients received, with how it was provoked

    value = _invalid_value(r, path, marker)
    obj = _object(r, ns, path, value)
    for verb in ("create", "update"):
        err = _call(grpc_channel, r, verb, _object_request(r, verb, obj))
        assert err.code() in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND), _grpc_text(err)  # type: ignore[attr-defined]
        seen.append(f"grpc {verb}: {_grpc_text(err)}")
    resp = web.post(_collection(r, ns), json=obj)
    assert resp.status_code == 422, resp.text[:300]
    seen.append(f"http create: {resp.text}")
    resp = web.post(_collection(r, ns), json=_object(r, ns, path, [marker]))  # not a string: a decode error
    assert resp.status_code == 400, resp.text[:300]
    seen.append(f"http decode: {resp.text}")

    if "[]" not in path and "{}" not in path:
        # Errors that echo a selector: a malformed field selector, a criterion on the field.
        selector = f"bogus,{path}={marker}"
        for verb in ("list", "watch"):
            req = r.methods[verb].request_class(namespace=ns) if r.namespaced else r.methods[verb].request_class()  # type: ignore[index]
            req.options.field_selector = selector
            err = _call(grpc_channel, r, verb, req)
            assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, _grpc_text(err)  # type: ignore[attr-defined]
            seen.append(f"grpc {verb} selector: {_grpc_text(err)}")
        for watch in (False, True):
            resp = web.get(_collection(r, ns, watch), params={"fieldSelector": selector})
            assert resp.status_code in (400, 422), resp.text[:300]
            seen.append(f"http selector (watch={watch}): {resp.text}")
        req = r.methods["list"].request_class()  # type: ignore[index]
        req.options.criteria.criterion.field = path
        req.options.criteria.criterion.operator = list_pb2.OPERATOR_EQ
        req.options.criteria.criterion.values.append(marker)
        err = _call(grpc_channel, r, "list", req)
        assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, _grpc_text(err)  # type: ignore[attr-defined]
        seen.append(f"grpc criteria: {_grpc_text(err)}")

    # A credential in the call's own metadata: the journal says only that there was one.
    get = r.methods["get"].request_class(name="s1")  # type: ignore[index]
    fn = grpc_channel.unary_unary(r.methods["get"].full_name, request_serializer=lambda x: x.SerializeToString())  # type: ignore[index]
    with pytest.raises(grpc.RpcError):
        fn(get, timeout=10, metadata=(("authorization", f"Bearer {marker}"),))

    leaks = [s for s in seen if marker in s]
    assert not leaks, "the sensitive value was echoed:\n" + "\n\n".join(s[:2000] for s in leaks)
    assert "<redacted>" in "\n".join(seen) or "[]" in path or "{}" in path  # the selector errors say what they hid

    journal = json.dumps(control("Calls", {}))
    assert marker not in journal
    assert '"authorization": true' in journal
    log = Path(debug_server.log_path).read_text()
    assert '"level": "debug"' in log, "the server was not logging at debug level"
    assert marker not in log, "the sensitive value is in the server log"


def test_internal_error_log_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    """An unexpected exception is logged with its traceback, but without the request's sensitive values."""
    from ma_server import grpc_service
    from ma_server.model import sensitive_values
    from michelangelo.api.v2 import cluster_svc_pb2

    secret = "zqinternalsecretleak"
    req = cluster_svc_pb2.CreateClusterRequest()
    req.cluster.spec.token = secret

    class Context:
        async def abort(self, code: grpc.StatusCode, details: str, trailing_metadata: object = ()) -> None:
            raise RuntimeError("aborted")

    exc = ValueError(f"a bug that quotes the request: {secret!r}")
    with caplog.at_level(logging.DEBUG, logger="ma_server.grpc"), pytest.raises(RuntimeError):
        asyncio.run(grpc_service._abort_for(Context(), "/m", exc, lambda: sensitive_values(req)))  # type: ignore[arg-type]
    text = "\n".join(f"{r.getMessage()} {getattr(r, 'fields', {})} {r.exc_text or ''}" for r in caplog.records)
    assert "internal error" in text and "ValueError" in text and "<redacted>" in text
    assert secret not in text

"""TLS (--tls-cert-file/--tls-key-file) and bearer-token authentication (--auth-token,
$MA_SERVER_AUTH_TOKENS) against real `ma-server` processes, over gRPC, HTTPS and kubectl,
with a throwaway self-signed certificate made by the openssl CLI."""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from api_helpers import project, rpc_error
from api_server import ControlClient, ServerProcess
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from ma_server.auth import INVALID_MESSAGE, MISSING_MESSAGE, BearerAuth
from ma_server.errors import ApiError
from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

# openssl is on the machines and installed by .ci/run where missing; fail rather than skip.
assert shutil.which("openssl") is not None, "openssl is required for these tests"

C = grpc.StatusCode
Stub = project_svc_pb2_grpc.ProjectServiceStub
TOKEN = "s3cret-token.A_1"
OTHER_TOKEN = "second~token+/="
GET = "/michelangelo.api.v2.ProjectService/GetProject"
WATCH = "/michelangelo.api.v2.ProjectService/WatchProjects"
GV = "/apis/michelangelo.api/v2"
TIMEOUT = 10


def bearer(token: str) -> tuple[tuple[str, str]]:
    return (("authorization", f"Bearer {token}"),)


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(cert.pem, key.pem): self-signed P-256 for 127.0.0.1/localhost, valid one day, this session only."""
    d = tmp_path_factory.mktemp("tls")
    cmd = [
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout",
        "key.pem",
        "-out",
        "cert.pem",
    ]
    proc = subprocess.run(cmd, cwd=d, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return d / "cert.pem", d / "key.pem"


@pytest.fixture(scope="module")
def secure(tls_files: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """TLS on both ports, two accepted tokens, debug logging (to check tokens never reach the log)."""
    cert, key = tls_files
    d = tmp_path_factory.mktemp("secure")
    srv = ServerProcess(
        "memory://",
        d / "server.log",
        "--tls-cert-file",
        str(cert),
        "--tls-key-file",
        str(key),
        "--auth-token",
        TOKEN,
        "--auth-token",
        OTHER_TOKEN,
        "--log-level",
        "debug",
    ).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def tls_channel(secure: ServerProcess, tls_files: tuple[Path, Path]) -> Iterator[grpc.Channel]:
    creds = grpc.ssl_channel_credentials(root_certificates=tls_files[0].read_bytes())
    ch = grpc.secure_channel(secure.target, creds)
    grpc.channel_ready_future(ch).result(timeout=TIMEOUT)
    try:
        yield ch
    finally:
        ch.close()


@pytest.fixture
def stub(tls_channel: grpc.Channel) -> Stub:
    return Stub(tls_channel)


@pytest.fixture
def ctl(tls_channel: grpc.Channel) -> Iterator[ControlClient]:
    c = ControlClient(tls_channel)  # no token: the control service is exempt
    c("Reset", {})
    try:
        yield c
    finally:
        c("Reset", {})


@pytest.fixture
def https(secure: ServerProcess, tls_files: tuple[Path, Path]) -> Iterator[httpx.Client]:
    ctx = ssl.create_default_context(cafile=str(tls_files[0]))
    with httpx.Client(base_url=f"https://127.0.0.1:{secure.http_port}", verify=ctx, timeout=TIMEOUT) as c:
        yield c


def _get(stub: Stub, ns: str, name: str, metadata: Any = None) -> Any:
    req = project_svc_pb2.GetProjectRequest(namespace=ns, name=name)
    return stub.GetProject(req, metadata=metadata, timeout=TIMEOUT)


def _create(stub: Stub, ns: str, name: str) -> Any:
    req = project_svc_pb2.CreateProjectRequest(project=project(ns, name))
    return stub.CreateProject(req, metadata=bearer(TOKEN), timeout=TIMEOUT)


# -- the check itself ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, MISSING_MESSAGE),
        ("", MISSING_MESSAGE),
        ("Bearer", MISSING_MESSAGE),
        ("Bearer   ", MISSING_MESSAGE),
        (f"Basic {TOKEN}", MISSING_MESSAGE),
        (TOKEN, MISSING_MESSAGE),
        ("Bearer wrong", INVALID_MESSAGE),
        (f"Bearer {TOKEN}x", INVALID_MESSAGE),
        (f"Bearer {TOKEN[:-1]}", INVALID_MESSAGE),
        ("Bearer tökén", INVALID_MESSAGE),
        (f"Bearer {TOKEN}", None),
        (f"bearer {TOKEN}", None),
        (f"  BEARER  {OTHER_TOKEN} ", None),
    ],
)
def test_bearer_check(value: str | None, message: str | None) -> None:
    auth = BearerAuth([TOKEN, OTHER_TOKEN])
    if message is None:
        auth.check(value)
        return
    with pytest.raises(ApiError) as exc:
        auth.check(value)
    assert exc.value.code == C.UNAUTHENTICATED and exc.value.message == message
    assert exc.value.http_status == 401 and exc.value.reason == "Unauthorized"
    assert TOKEN not in exc.value.message


def test_bearer_check_metadata() -> None:
    auth = BearerAuth([TOKEN])
    auth.check_metadata([("x-other", "1"), ("authorization", f"Bearer {TOKEN}")])
    auth.check_metadata([("authorization", f"Bearer {TOKEN}".encode())])
    for md in (None, [], [("x-authorization", f"Bearer {TOKEN}")]):
        with pytest.raises(ApiError, match=r"^missing bearer token \(authorization: Bearer <token>\)$"):
            auth.check_metadata(md)
    with pytest.raises(ApiError, match=INVALID_MESSAGE):
        auth.check_metadata([("authorization", "Bearer nope"), ("authorization", f"Bearer {TOKEN}")])
    with pytest.raises(ValueError):
        BearerAuth([])


# -- gRPC ---------------------------------------------------------------------


def test_ready_line_reports_tls_and_auth(secure: ServerProcess, server: ServerProcess) -> None:
    assert secure.ready["tls"] is True and secure.ready["auth"] is True
    assert server.ready["tls"] is False and server.ready["auth"] is False


def test_grpc_over_tls_with_either_token(stub: Stub, ns: str) -> None:
    created = _create(stub, ns, "tls")
    for token in (TOKEN, OTHER_TOKEN):
        got = _get(stub, ns, "tls", bearer(token))
        assert got.metadata.uid == created.metadata.uid


def test_grpc_access_token_call_credentials(secure: ServerProcess, tls_files: tuple[Path, Path], ns: str) -> None:
    """The standard gRPC way to send a bearer token is accepted as well."""
    creds = grpc.composite_channel_credentials(
        grpc.ssl_channel_credentials(root_certificates=tls_files[0].read_bytes()),
        grpc.access_token_call_credentials(OTHER_TOKEN),
    )
    with grpc.secure_channel(secure.target, creds) as ch:
        err = rpc_error(lambda: _get(Stub(ch), ns, "absent"))
        assert err.code() == C.NOT_FOUND  # past authentication, into the handler


def test_plaintext_client_to_tls_server_fails(secure: ServerProcess, ns: str) -> None:
    with grpc.insecure_channel(secure.target) as ch:
        err = rpc_error(
            lambda: Stub(ch).GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="x"), timeout=3)
        )
        assert err.code() in (C.UNAVAILABLE, C.DEADLINE_EXCEEDED)
        health = health_pb2_grpc.HealthStub(ch)
        err = rpc_error(lambda: health.Check(health_pb2.HealthCheckRequest(), timeout=3))
        assert err.code() in (C.UNAVAILABLE, C.DEADLINE_EXCEEDED)


def test_tls_client_without_our_ca_fails(secure: ServerProcess) -> None:
    with grpc.secure_channel(secure.target, grpc.ssl_channel_credentials()) as ch:
        health = health_pb2_grpc.HealthStub(ch)
        err = rpc_error(lambda: health.Check(health_pb2.HealthCheckRequest(), timeout=3))
        assert err.code() in (C.UNAVAILABLE, C.DEADLINE_EXCEEDED)


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        (None, MISSING_MESSAGE),
        ((("authorization", f"Basic {TOKEN}"),), MISSING_MESSAGE),
        (bearer("wrong"), INVALID_MESSAGE),
        (bearer(TOKEN + "x"), INVALID_MESSAGE),
    ],
)
def test_grpc_without_valid_token_is_unauthenticated(stub: Stub, ns: str, metadata: Any, message: str) -> None:
    _create(stub, ns, "secret")
    err = rpc_error(lambda: _get(stub, ns, "secret", metadata))
    assert err.code() == C.UNAUTHENTICATED
    assert err.details() == message
    create = project_svc_pb2.CreateProjectRequest(project=project(ns, "nope"))
    err = rpc_error(lambda: stub.CreateProject(create, metadata=metadata, timeout=TIMEOUT))
    assert err.code() == C.UNAUTHENTICATED
    assert rpc_error(lambda: _get(stub, ns, "nope", bearer(TOKEN))).code() == C.NOT_FOUND  # nothing was written


def _watch(stub: Stub, ns: str, metadata: Any) -> Any:
    req = project_svc_pb2.WatchProjectsRequest(namespace=ns, options=list_pb2.WatchOptions(timeout_seconds=20))
    return stub.WatchProjects(req, metadata=metadata, timeout=30)


@pytest.mark.parametrize(("metadata", "message"), [(None, MISSING_MESSAGE), (bearer("wrong"), INVALID_MESSAGE)])
def test_grpc_watch_without_valid_token_is_unauthenticated(stub: Stub, ns: str, metadata: Any, message: str) -> None:
    stream = _watch(stub, ns, metadata)
    err = rpc_error(lambda: next(stream))
    assert err.code() == C.UNAUTHENTICATED and err.details() == message


def test_grpc_watch_with_token(stub: Stub, ns: str) -> None:
    stream = _watch(stub, ns, bearer(OTHER_TOKEN))
    names: list[str] = []

    def read() -> None:
        for ev in stream:
            if ev.type == list_pb2.ADDED:
                names.append(ev.object.metadata.name)
                break

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        # The watch starts at "now": keep creating until the reader sees an ADDED event.
        for i in range(20):
            _create(stub, ns, f"w{i}")
            reader.join(0.5)
            if names:
                break
        assert names and names[0].startswith("w")
    finally:
        stream.cancel()
        reader.join(5)


def test_health_and_reflection_need_no_token(tls_channel: grpc.Channel) -> None:
    health = health_pb2_grpc.HealthStub(tls_channel)
    resp = health.Check(health_pb2.HealthCheckRequest(), timeout=TIMEOUT)
    assert resp.status == health_pb2.HealthCheckResponse.SERVING
    resp = health.Check(health_pb2.HealthCheckRequest(service="michelangelo.api.v2.ProjectService"), timeout=TIMEOUT)
    assert resp.status == health_pb2.HealthCheckResponse.SERVING
    refl = reflection_pb2_grpc.ServerReflectionStub(tls_channel)
    replies = list(refl.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
    services = {s.name for s in replies[0].list_services_response.service}
    assert "michelangelo.api.v2.ProjectService" in services and "grpc.health.v1.Health" in services


def test_control_needs_no_token_and_journals_unauthenticated_calls(stub: Stub, ctl: ControlClient, ns: str) -> None:
    assert rpc_error(lambda: _get(stub, ns, "x")).code() == C.UNAUTHENTICATED
    assert rpc_error(lambda: _get(stub, ns, "x", bearer("wrong"))).code() == C.UNAUTHENTICATED
    assert rpc_error(lambda: _get(stub, ns, "x", bearer(TOKEN))).code() == C.NOT_FOUND
    calls: Any = ctl("Calls", {"method": GET})["calls"]
    assert [(c["code"], c["authorization"]) for c in calls] == [
        ("UNAUTHENTICATED", False),
        ("UNAUTHENTICATED", True),
        ("NOT_FOUND", True),
    ]


def test_auth_runs_before_fault_injection(stub: Stub, ctl: ControlClient, ns: str) -> None:
    ctl("Fail", {"method": GET, "code": "UNAVAILABLE", "times": 1})
    ctl("Delay", {"method": GET, "seconds": 1, "times": 1})
    # Rejected at once: neither the injected delay nor the failure is consumed.
    err = rpc_error(lambda: _get(stub, ns, "x"))
    assert err.code() == C.UNAUTHENTICATED
    err = rpc_error(lambda: _get(stub, ns, "x", bearer(TOKEN)))
    assert err.code() == C.UNAVAILABLE
    calls: Any = ctl("Calls", {"method": GET})["calls"]
    assert [c["code"] for c in calls] == ["UNAUTHENTICATED", "UNAVAILABLE"]
    assert calls[0]["end"] - calls[0]["start"] < 0.5 and calls[1]["end"] - calls[1]["start"] >= 1.0


def test_cut_watch_not_consumed_by_unauthenticated_watch(stub: Stub, ctl: ControlClient, ns: str) -> None:
    ctl("CutWatch", {"method": WATCH, "after_events": 0, "status": "UNAVAILABLE", "times": 1})
    err = rpc_error(lambda: next(_watch(stub, ns, None)))
    assert err.code() == C.UNAUTHENTICATED
    err = rpc_error(lambda: next(_watch(stub, ns, bearer(TOKEN))))
    assert err.code() == C.UNAVAILABLE and "conformance control" in (err.details() or "")


# -- HTTP(S) ------------------------------------------------------------------


def _projects(ns: str) -> str:
    return f"{GV}/namespaces/{ns}/projects"


def _auth(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def _assert_401(resp: httpx.Response, message: str) -> None:
    assert resp.status_code == 401, resp.text
    body = resp.json()
    assert body["kind"] == "Status" and body["apiVersion"] == "v1" and body["status"] == "Failure"
    assert body["reason"] == "Unauthorized" and body["code"] == 401 and body["message"] == message
    assert resp.headers["www-authenticate"].startswith("Bearer ")


def test_https_api_needs_token(https: httpx.Client, ns: str) -> None:
    doc = {
        "apiVersion": "michelangelo.api/v2",
        "kind": "Project",
        "metadata": {"name": "h"},
        "spec": {"owningTeam": "ml"},
    }
    _assert_401(https.post(_projects(ns), json=doc), MISSING_MESSAGE)
    _assert_401(https.post(_projects(ns), json=doc, headers=_auth("wrong")), INVALID_MESSAGE)
    _assert_401(https.get(_projects(ns), headers={"authorization": f"Basic {TOKEN}"}), MISSING_MESSAGE)
    _assert_401(https.get(f"{_projects(ns)}?watch=true"), MISSING_MESSAGE)
    _assert_401(https.get("/no/such/path"), MISSING_MESSAGE)  # 401 before routing: no 404 to probe paths
    assert https.get(f"{_projects(ns)}/h", headers=_auth(TOKEN)).status_code == 404  # nothing was written
    created = https.post(_projects(ns), json=doc, headers=_auth(TOKEN))
    assert created.status_code == 201, created.text
    listed = https.get(_projects(ns), headers=_auth(OTHER_TOKEN))
    assert listed.status_code == 200
    assert listed.json()["kind"] == "ProjectList" and [p["metadata"]["name"] for p in listed.json()["items"]] == ["h"]
    assert https.get(f"{_projects(ns)}/h", headers={"authorization": f"bearer {TOKEN}"}).status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/livez", "/readyz", "/version"])
def test_https_public_endpoints(https: httpx.Client, path: str) -> None:
    assert https.get(path).status_code == 200


@pytest.mark.parametrize(
    "path", ["/metrics", "/api", "/apis", GV, "/apis/michelangelo.api", "/openapi.json", "/openapi/v3"]
)
def test_https_discovery_openapi_and_metrics_need_token(https: httpx.Client, path: str) -> None:
    _assert_401(https.get(path), MISSING_MESSAGE)
    assert https.get(path, headers=_auth(TOKEN)).status_code == 200


def test_metrics_count_unauthenticated_calls(stub: Stub, https: httpx.Client, ns: str) -> None:
    rpc_error(lambda: _get(stub, ns, "x"))
    https.get(_projects(ns))
    lines = https.get("/metrics", headers=_auth(TOKEN)).text.splitlines()
    assert any(
        line.startswith("ma_grpc_requests_total{") and f'method="{GET}"' in line and 'code="UNAUTHENTICATED"' in line
        for line in lines
    )
    assert any(line.startswith("ma_http_requests_total{") and 'code="401"' in line for line in lines)


def test_plain_http_to_https_port_fails(secure: ServerProcess) -> None:
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{secure.http_port}/healthz", timeout=5)


def test_kubectl_with_token_and_ca(secure: ServerProcess, tls_files: tuple[Path, Path], tmp_path: Path) -> None:
    assert shutil.which("kubectl") is not None, "kubectl is required for this test"

    def kubectl(user: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        config = {
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [
                {
                    "name": "ma",
                    "cluster": {
                        "server": f"https://127.0.0.1:{secure.http_port}",
                        "certificate-authority": str(tls_files[0]),
                    },
                }
            ],
            "users": [{"name": "u", "user": user}],
            "contexts": [{"name": "ma", "context": {"cluster": "ma", "user": "u", "namespace": "kube-auth"}}],
            "current-context": "ma",
        }
        path = tmp_path / "kubeconfig"
        path.write_text(json.dumps(config))
        cmd = ["kubectl", "--kubeconfig", str(path), "--cache-dir", str(tmp_path / "cache"), *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)

    ok = kubectl({"token": TOKEN}, "get", "projects", "-o", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["items"] == []
    # (Without any credentials kubectl would prompt for a username on https: a wrong token instead.)
    wrong = kubectl({"token": "wrong"}, "get", "projects", "-o", "json")
    assert wrong.returncode != 0
    assert INVALID_MESSAGE in wrong.stderr, wrong.stderr  # kubectl shows our Status message


def test_tokens_never_logged(secure: ServerProcess, stub: Stub, ns: str) -> None:
    rpc_error(lambda: _get(stub, ns, "x", bearer("wrong-token-value")))
    rpc_error(lambda: _get(stub, ns, "x", bearer(TOKEN)))
    log = secure.log_path.read_text()
    assert '"auth": true' in log  # the debug log is there...
    assert TOKEN not in log and OTHER_TOKEN not in log and "wrong-token-value" not in log  # ...without tokens


# -- the environment variable and plaintext -----------------------------------


def test_env_tokens_over_plaintext(tmp_path: Path, ns: str) -> None:
    env = {"MA_SERVER_AUTH_TOKENS": " env-one , env-two,"}
    srv = ServerProcess("memory://", tmp_path / "env.log", env=env).start()
    try:
        assert srv.ready["tls"] is False and srv.ready["auth"] is True
        with grpc.insecure_channel(srv.target) as ch:
            stub = Stub(ch)
            assert rpc_error(lambda: _get(stub, ns, "x")).code() == C.UNAUTHENTICATED
            assert rpc_error(lambda: _get(stub, ns, "x", bearer("env-one"))).code() == C.NOT_FOUND
            assert rpc_error(lambda: _get(stub, ns, "x", bearer("env-two"))).code() == C.NOT_FOUND
        resp = httpx.get(f"http://127.0.0.1:{srv.http_port}{_projects(ns)}", timeout=TIMEOUT)
        _assert_401(resp, MISSING_MESSAGE)
        resp = httpx.get(f"http://127.0.0.1:{srv.http_port}{_projects(ns)}", headers=_auth("env-two"), timeout=TIMEOUT)
        assert resp.status_code == 200
    finally:
        srv.stop()


def test_auth_token_flag_overrides_env(tmp_path: Path, ns: str) -> None:
    srv = ServerProcess(
        "memory://", tmp_path / "flag.log", "--auth-token", "flag-one", env={"MA_SERVER_AUTH_TOKENS": "env-one"}
    ).start()
    try:
        with grpc.insecure_channel(srv.target) as ch:
            stub = Stub(ch)
            assert rpc_error(lambda: _get(stub, ns, "x", bearer("env-one"))).code() == C.UNAUTHENTICATED
            assert rpc_error(lambda: _get(stub, ns, "x", bearer("flag-one"))).code() == C.NOT_FOUND
    finally:
        srv.stop()


# -- flag validation ----------------------------------------------------------


def _run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "MA_SERVER_AUTH_TOKENS"}
    cmd = [sys.executable, "-m", "ma_server.main", "--storage", "memory://", "--grpc-port", "0", "--http-port", "0"]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, timeout=60, check=False, env={**base, **(env or {})}
    )


@pytest.mark.parametrize(
    ("which", "expected"),
    [
        ("cert-only", "--tls-key-file is required with --tls-cert-file"),
        ("key-only", "--tls-cert-file is required with --tls-key-file"),
        ("missing-cert", "--tls-cert-file: cannot read"),
        ("key-as-cert", "--tls-cert-file/--tls-key-file:"),
        ("cert-as-key", "--tls-cert-file/--tls-key-file:"),
    ],
)
def test_tls_flag_validation(tls_files: tuple[Path, Path], tmp_path: Path, which: str, expected: str) -> None:
    cert, key = str(tls_files[0]), str(tls_files[1])
    args = {
        "cert-only": ["--tls-cert-file", cert],
        "key-only": ["--tls-key-file", key],
        "missing-cert": ["--tls-cert-file", str(tmp_path / "absent.pem"), "--tls-key-file", key],
        "key-as-cert": ["--tls-cert-file", key, "--tls-key-file", key],
        "cert-as-key": ["--tls-cert-file", cert, "--tls-key-file", cert],
    }[which]
    proc = _run_main(*args)
    assert proc.returncode != 0
    assert expected in proc.stderr, proc.stderr
    assert '"ready"' not in proc.stdout


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--auth-token", ""], None, "--auth-token: a token must not be empty"),
        (["--auth-token", "ok", "--auth-token", "sekrit one"], None, "--auth-token: a token must be printable ASCII"),
        ([], {"MA_SERVER_AUTH_TOKENS": " , "}, "$MA_SERVER_AUTH_TOKENS is set but holds no token"),
        ([], {"MA_SERVER_AUTH_TOKENS": "ok,sekrit\ttwo"}, "$MA_SERVER_AUTH_TOKENS: a token must be printable ASCII"),
    ],
)
def test_token_validation(args: list[str], env: dict[str, str] | None, expected: str) -> None:
    proc = _run_main(*args, env=env)
    assert proc.returncode != 0
    assert expected in proc.stderr, proc.stderr
    assert "sekrit" not in proc.stderr  # errors never show a token

"""ma-server on a real etcd that requires TLS with client certificates, and on one that requires
authentication (--etcd-cafile/--etcd-certfile/--etcd-keyfile, --etcd-user/--etcd-password-file).

Certificates are made by openssl for the test; every process listens on 127.0.0.1 and is stopped.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import grpc
from api_helpers import project
from api_server import ServerProcess

from ma_codegen.services import EtcdCluster, EtcdTls
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

PASSWORD = "etcd-root-password"


def _crud(target: str, ns: str) -> None:
    with grpc.insecure_channel(target) as ch:
        stub = project_svc_pb2_grpc.ProjectServiceStub(ch)
        created = stub.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "p")), timeout=10)
        got = stub.GetProject(project_svc_pb2.GetProjectRequest(namespace=ns, name="p"), timeout=10)
        assert got.metadata.resource_version == created.metadata.resource_version
        listed = stub.ListProjects(project_svc_pb2.ListProjectsRequest(namespace=ns), timeout=10)
        assert [p.metadata.name for p in listed.items] == ["p"]


def _start_fails(*args: str) -> str:
    """Run ma-server expecting it to refuse to start: its one stderr line."""
    proc = subprocess.run(
        [sys.executable, "-m", "ma_server.main", "--grpc-port", "0", "--http-port", "0", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_etcd_over_tls_with_a_client_certificate(tmp_path: Path, ns: str) -> None:
    tls = EtcdTls.create(tmp_path / "pki")
    with EtcdCluster(tmp_path / "etcd", 1, fsync=False, tls=tls) as cluster:
        flags = ["--etcd-cafile", str(tls.ca_file)]
        client = ["--etcd-certfile", str(tls.client_cert_file), "--etcd-keyfile", str(tls.client_key_file)]
        server = ServerProcess(cluster.url, tmp_path / "s.log", *flags, *client).start()
        try:
            _crud(server.target, ns)
        finally:
            server.stop()
        # Without the client certificate etcd refuses the handshake: one line at start.
        line = _start_fails("--storage", cluster.url, *flags)
        assert "server failed: storage etcd://127.0.0.1" in line and "etcd unavailable" in line
        # A missing file is named before anything is contacted.
        line = _start_fails("--storage", cluster.url, "--etcd-cafile", str(tmp_path / "nope.pem"))
        assert "--etcd-cafile" in line and "nope.pem" in line and "not a readable file" in line


def test_etcd_with_authentication_and_a_token_that_expires(tmp_path: Path, ns: str) -> None:
    # etcd's simple tokens live --auth-token-ttl seconds: 1 s here, so calls after it need a new token.
    extra = ("--auth-token", "simple", "--auth-token-ttl", "1")
    with EtcdCluster(tmp_path / "etcd", 1, fsync=False, extra=extra) as cluster:
        cluster.enable_auth(PASSWORD)
        password = tmp_path / "password"
        password.write_text(PASSWORD + "\n")
        flags = ["--etcd-user", "root", "--etcd-password-file", str(password)]
        server = ServerProcess(cluster.url, tmp_path / "s.log", *flags).start()
        try:
            _crud(server.target, ns)
            time.sleep(2.5)  # the token has expired: the next call authenticates again, unseen by the client
            with grpc.insecure_channel(server.target) as ch:
                stub = project_svc_pb2_grpc.ProjectServiceStub(ch)
                req = project_svc_pb2.CreateProjectRequest(project=project(ns, "after-expiry"))
                assert stub.CreateProject(req, timeout=10).metadata.name == "after-expiry"
        finally:
            server.stop()
        assert PASSWORD not in server.log_tail()
        wrong = tmp_path / "wrong"
        wrong.write_text("not-the-password\n")
        line = _start_fails("--storage", cluster.url, "--etcd-user", "root", "--etcd-password-file", str(wrong))
        assert "etcd refused ma-server's credentials" in line and "not-the-password" not in line
        line = _start_fails("--storage", cluster.url)  # no credentials at all
        assert "etcd requires authentication: give --etcd-user and --etcd-password-file" in line

"""ma-server processes for the suite, their fault-injection control and the driver's own raw calls."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc

from ma_codegen.kube_apiserver import KubeApiServer
from ma_codegen.services import EtcdCluster

READY_TIMEOUT_S = 30.0
# The driver's own set-up calls carry this, so the server's call journal leaves them out.
DRIVER_METADATA = (("x-ma-conformance", "driver"),)
AUTH_TOKEN = "conformance-token-1"


class ServerError(Exception):
    pass


@dataclass(frozen=True)
class Certificate:
    cert_file: str
    key_file: str


def make_certificate(directory: Path) -> Certificate:
    """A throwaway self-signed certificate for 127.0.0.1/localhost (openssl CLI)."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    openssl = shutil.which("openssl")
    if openssl is None:
        raise ServerError("openssl is required for the TLS cases (Debian package: openssl)")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return Certificate(str(cert), str(key))


STORAGES = ("sqlite", "memory", "etcd", "kubernetes")


class Server:
    """One `ma-server --conformance` process on loopback; its storage is `storage_url` (default:
    SQLite in the temp dir)."""

    def __init__(
        self,
        profile: str,
        work: Path,
        certificate: Certificate | None = None,
        storage_url: str | None = None,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.storage_url = storage_url
        self.extra_args = extra_args
        # With --storage kubernetes: the kubeconfig of the kube-apiserver behind this server, so
        # seeds are applied with kubectl (read back through every SDK).
        self.kubeconfig = extra_args[extra_args.index("--kubeconfig") + 1] if "--kubeconfig" in extra_args else None
        self.profile = profile
        self.work = work
        self.certificate = certificate if profile == "secure" else None
        self.token = AUTH_TOKEN if profile == "secure" else None
        self.proc: subprocess.Popen[str] | None = None
        self.target = ""
        self.log_path = work / f"server-{profile}.log"
        self._channel: grpc.Channel | None = None

    def start(self) -> Server:
        exe = os.environ.get("MA_SERVER") or shutil.which("ma-server")
        if exe is None:
            raise ServerError("ma-server is not on PATH (install server/ or set MA_SERVER)")
        storage = self.storage_url or f"sqlite:///{self.work / f'data-{self.profile}.db'}"
        args = [exe, "--storage", storage, "--host", "127.0.0.1", "--grpc-port", "0", "--http-port", "0",
                "--conformance", "--bookmark-interval", "0.2", "--log-level", "warning"]  # fmt: skip
        if self.certificate is not None:
            args += ["--tls-cert-file", self.certificate.cert_file, "--tls-key-file", self.certificate.key_file]
        if self.token is not None:
            args += ["--auth-token", self.token]
        args += self.extra_args
        log = open(self.log_path, "w")  # owned by the process for its lifetime
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, text=True)
        ready = _read_ready(self.proc, self.log_path)
        self.target = f"127.0.0.1:{ready['grpc_port']}"
        return self

    @property
    def channel(self) -> grpc.Channel:
        if self._channel is None:
            if self.certificate is not None:
                creds = grpc.ssl_channel_credentials(Path(self.certificate.cert_file).read_bytes())
                self._channel = grpc.secure_channel(self.target, creds)
            else:
                self._channel = grpc.insecure_channel(self.target)
            grpc.channel_ready_future(self._channel).result(timeout=READY_TIMEOUT_S)
        return self._channel

    def metadata(self) -> tuple[tuple[str, str], ...]:
        auth = (("authorization", f"Bearer {self.token}"),) if self.token else ()
        return DRIVER_METADATA + auth

    def control(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        call = self.channel.unary_unary(
            f"/ma.conformance.Control/{method}", request_serializer=None, response_deserializer=None
        )
        out: dict[str, Any] = json.loads(call(json.dumps(body).encode(), timeout=30))
        return out

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _read_ready(proc: subprocess.Popen[str], log_path: Path) -> dict[str, Any]:
    assert proc.stdout is not None
    result: dict[str, Any] = {}

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if isinstance(msg, dict) and msg.get("event") == "ready":
                result.update(msg)
                break
        # Keep draining stdout so the server never blocks on a full pipe.
        for _ in proc.stdout:
            pass

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not result and time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(
                f"ma-server exited with {proc.returncode}:\n{log_path.read_text(errors='replace')[-2000:]}"
            )
        time.sleep(0.02)
    if not result:
        proc.kill()
        raise ServerError(f"ma-server printed no ready line within {READY_TIMEOUT_S:.0f} s")
    return result


class Servers:
    """The servers of one language's run, started on first use per profile, on `storage`
    (sqlite, memory, etcd or kubernetes). With etcd, the run has an etcd member of its own
    (compaction is cluster-wide, and the languages run in parallel), each profile under its own
    prefix; with kubernetes, the servers of one profile share a kube-apiserver across the
    languages (`SharedKube`; each case has a namespace of its own and nothing compacts)."""

    def __init__(self, work: Path, storage: str = "sqlite", tag: str = "") -> None:
        if storage not in STORAGES:
            raise ValueError(f"unknown storage {storage!r}: use {', '.join(STORAGES)}")
        self.work = work
        self.storage = storage
        self.tag = tag  # the language: on a shared kube-apiserver, its idempotency records stay its own
        self._servers: dict[str, Server] = {}
        self._certificate: Certificate | None = None
        self._etcd: EtcdCluster | None = None

    def _kube_args(self, profile: str) -> tuple[str, ...]:
        """`--kubeconfig` of the profile's kube-apiserver (see `SharedKube`)."""
        if self.storage != "kubernetes":
            return ()
        return ("--kubeconfig", str(SHARED_KUBE.apiserver(profile).kubeconfig()))

    def _storage_url(self, profile: str) -> str | None:
        if self.storage == "memory":
            return "memory://"
        if self.storage == "kubernetes":
            # Idempotency scopes are (caller, method, key): languages reuse keys as one anonymous caller.
            return f"kubernetes?records_namespace=ma-records-{self.tag or 'x'}-{profile}"
        if self.storage == "etcd":
            if self._etcd is None:
                try:
                    self._etcd = EtcdCluster(self.work / "etcd", 1, fsync=False).start()
                except RuntimeError as e:
                    raise ServerError(f"etcd: {e}") from None
            return f"{self._etcd.url}?prefix=/{profile}"
        return None  # SQLite in the work dir

    def get(self, profile: str) -> Server:
        server = self._servers.get(profile)
        if server is not None and server.alive():
            return server
        if server is not None:
            server.stop()
        cert = None
        if profile == "secure":
            if self._certificate is None:
                self._certificate = make_certificate(self.work)
            cert = self._certificate
        server = Server(profile, self.work, cert, self._storage_url(profile), self._kube_args(profile)).start()
        self._servers[profile] = server
        return server

    def stop(self) -> None:
        for server in self._servers.values():
            server.stop()
        self._servers.clear()
        if self._etcd is not None:
            self._etcd.stop()
            self._etcd = None


class SharedKube:
    """One etcd and, per server profile, one kube-apiserver (its own etcd prefix) with the generated
    CRDs, shared by every language of a driver run: started on first use, stopped by `stop`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._work: Path | None = None
        self._etcd: EtcdCluster | None = None
        self._apiservers: dict[str, KubeApiServer] = {}

    def apiserver(self, profile: str) -> KubeApiServer:
        with self._lock:
            kas = self._apiservers.get(profile)
            if kas is not None:
                return kas
            from ma_server.crd_sync import manifests

            try:
                if self._work is None:
                    self._work = temp_work_dir("ma-conformance-kube-")
                if self._etcd is None:
                    self._etcd = EtcdCluster(self._work / "etcd", 1, fsync=False).start()
                kas = KubeApiServer(self._work / f"apiserver-{profile}", self._etcd, etcd_prefix=f"/{profile}")
                self._apiservers[profile] = kas
                kas.start().apply_crds(manifests())
            except RuntimeError as e:
                failed = self._apiservers.pop(profile, None)
                if failed is not None:
                    failed.stop()
                raise ServerError(f"kube-apiserver: {e}") from None
            return kas

    def stop(self) -> None:
        with self._lock:
            for kas in self._apiservers.values():
                kas.stop()
            self._apiservers.clear()
            if self._etcd is not None:
                self._etcd.stop()
                self._etcd = None
            if self._work is not None:
                shutil.rmtree(self._work, ignore_errors=True)
                self._work = None


SHARED_KUBE = SharedKube()


def temp_work_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))

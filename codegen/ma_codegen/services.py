"""The pinned services, run for tests and benches: real etcd clusters on loopback.

One member or three, on free 127.0.0.1 ports, in a folder of the caller's. The
binary is the pinned one `ma-codegen toolchain install --services` builds into
`.toolchain/bin/etcd` (see `toolchain.SERVICES`). Every member is a child
process, always stopped (`stop`, or the context manager); a member can be
stopped, killed and started again to test failover. Used by the server tests,
the conformance driver (`--storage etcd`) and the benches.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import ssl
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ma_codegen.toolchain import TOOLCHAIN_DIR, wait_for

ROOT = Path(__file__).resolve().parents[2]
ETCD = ROOT / TOOLCHAIN_DIR / "bin" / "etcd"
START_SECONDS = 30.0  # a member (or the cluster's quorum) must answer /health within this
# An object and its idempotency record (which holds the response: the object again) share one
# Txn, so etcd takes requests of twice the server's largest object plus room for keys.
DEFAULT_MAX_OBJECT_BYTES = 3 * 1024 * 1024


def max_request_bytes(max_object_bytes: int = DEFAULT_MAX_OBJECT_BYTES) -> int:
    """etcd's --max-request-bytes for ma-server's --max-object-bytes (as the README sets it)."""
    return 2 * max_object_bytes + 64 * 1024


def etcd_binary() -> Path:
    wait_for(ROOT, "etcd")  # a background build (nox -s lint starts one) finishes first
    if not ETCD.is_file():
        raise RuntimeError(f"{ETCD} is missing: run `ma-codegen toolchain install --services` (nox -s tests does)")
    return ETCD


def free_ports(n: int) -> list[int]:
    """`n` distinct free loopback ports (held open together so they differ)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


@dataclass(frozen=True)
class EtcdTls:
    """PEM files of an etcd serving TLS to its clients: the CA that signed everything, the server's
    certificate (for 127.0.0.1) and a client certificate etcd requires (`--client-cert-auth`)."""

    ca_file: Path
    cert_file: Path
    key_file: Path
    client_cert_file: Path
    client_key_file: Path

    @classmethod
    def create(cls, folder: Path) -> EtcdTls:
        """A fresh CA, server and client certificate in `folder` (openssl, EC P-256, one day)."""
        openssl = shutil.which("openssl")
        if openssl is None:
            raise RuntimeError("openssl is required for etcd over TLS (Debian package: openssl)")
        folder.mkdir(parents=True, exist_ok=True)
        f = {n: folder / n for n in ("ca.pem", "ca.key", "server.pem", "server.key", "client.pem", "client.key")}
        ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

        def run(*args: str) -> None:
            subprocess.run([openssl, *args], check=True, capture_output=True, timeout=60)

        run("req", "-x509", *ec, "-days", "1", "-subj", "/CN=ma-test-ca", "-keyout", str(f["ca.key"]),
            "-out", str(f["ca.pem"]))  # fmt: skip
        for who, ext in (
            ("server", "subjectAltName=IP:127.0.0.1,DNS:localhost"),
            ("client", "extendedKeyUsage=clientAuth"),
        ):
            csr = folder / f"{who}.csr"
            run("req", *ec, "-subj", f"/CN=ma-test-{who}", "-keyout", str(f[f"{who}.key"]), "-out", str(csr))
            extfile = folder / f"{who}.ext"
            extfile.write_text(ext + "\n")
            run("x509", "-req", "-in", str(csr), "-CA", str(f["ca.pem"]), "-CAkey", str(f["ca.key"]),
                "-CAcreateserial", "-days", "1", "-extfile", str(extfile), "-out", str(f[f"{who}.pem"]))  # fmt: skip
        return cls(f["ca.pem"], f["server.pem"], f["server.key"], f["client.pem"], f["client.key"])

    def client_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cafile=str(self.ca_file))
        context.load_cert_chain(str(self.client_cert_file), str(self.client_key_file))
        return context


class EtcdCluster:
    """`members` etcd processes forming one cluster on 127.0.0.1 (serving TLS with `tls`)."""

    def __init__(
        self,
        root: Path,
        members: int = 1,
        *,
        max_object_bytes: int = DEFAULT_MAX_OBJECT_BYTES,
        fsync: bool = True,
        tls: EtcdTls | None = None,
        extra: tuple[str, ...] = (),
    ) -> None:
        if members < 1:
            raise ValueError("members must be >= 1")
        self.tls = tls
        self.scheme = "https" if tls is not None else "http"
        self.root = root
        self.names = [f"m{i}" for i in range(members)]
        ports = free_ports(2 * members)
        self.client_ports, self.peer_ports = ports[:members], ports[members:]
        self.max_object_bytes = max_object_bytes
        self.fsync = fsync
        self.extra = extra
        self.procs: list[subprocess.Popen[bytes] | None] = [None] * members
        self._started = [False] * members

    @property
    def endpoints(self) -> list[str]:
        return [f"127.0.0.1:{p}" for p in self.client_ports]

    @property
    def url(self) -> str:
        """The storage URL naming every member."""
        return "etcd://" + ",".join(self.endpoints)

    def _cmd(self, i: int) -> list[str]:
        initial = ",".join(f"{n}=http://127.0.0.1:{p}" for n, p in zip(self.names, self.peer_ports, strict=True))
        cmd = [
            str(etcd_binary()),
            "--name",
            self.names[i],
            "--data-dir",
            str(self.root / self.names[i]),
            "--listen-client-urls",
            f"{self.scheme}://127.0.0.1:{self.client_ports[i]}",
            "--advertise-client-urls",
            f"{self.scheme}://127.0.0.1:{self.client_ports[i]}",
            "--listen-peer-urls",
            f"http://127.0.0.1:{self.peer_ports[i]}",
            "--initial-advertise-peer-urls",
            f"http://127.0.0.1:{self.peer_ports[i]}",
            "--initial-cluster",
            initial,
            "--initial-cluster-state",
            "existing" if self._started[i] else "new",
            "--initial-cluster-token",
            f"ma-test-{self.peer_ports[0]}",
            "--max-request-bytes",
            str(max_request_bytes(self.max_object_bytes)),
            "--log-level",
            "error",
            *self.extra,
        ]
        if not self.fsync:
            cmd.append("--unsafe-no-fsync")
        if self.tls is not None:
            cmd += ["--cert-file", str(self.tls.cert_file), "--key-file", str(self.tls.key_file)]
            cmd += ["--trusted-ca-file", str(self.tls.ca_file), "--client-cert-auth"]
        return cmd

    def start_member(self, i: int, *, wait: bool = True) -> None:
        if self.procs[i] is not None and self.procs[i].poll() is None:  # type: ignore[union-attr]
            return
        (self.root / self.names[i]).mkdir(parents=True, exist_ok=True)
        log = open(self.root / f"{self.names[i]}.log", "ab")
        self.procs[i] = subprocess.Popen(self._cmd(i), stdout=log, stderr=log, start_new_session=True)
        log.close()
        self._started[i] = True
        if wait:
            self.wait_healthy([i])

    def start(self) -> EtcdCluster:
        for i in range(len(self.names)):
            self.start_member(i, wait=False)
        self.wait_healthy(range(len(self.names)))
        return self

    def _open(self, i: int, path: str, body: dict[str, object] | None = None) -> dict[str, object]:
        """A call of member i's HTTP/JSON gateway (GET without `body`, POST with it)."""
        url = f"{self.scheme}://127.0.0.1:{self.client_ports[i]}{path}"
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        context = self.tls.client_context() if self.tls is not None else None
        with urllib.request.urlopen(request, timeout=5, context=context) as r:
            out: dict[str, object] = json.loads(r.read())
            return out

    def healthy(self, i: int) -> bool:
        try:
            return self._open(i, "/health").get("health") == "true"
        except (OSError, ValueError):
            return False

    def enable_auth(self, password: str) -> None:
        """Turn etcd authentication on with user `root` (role root) and `password` (etcd's own steps)."""
        self._open(0, "/v3/auth/user/add", {"name": "root", "password": password})
        self._open(0, "/v3/auth/user/grant", {"user": "root", "role": "root"})
        self._open(0, "/v3/auth/enable", {})

    def wait_healthy(self, members: range | list[int], timeout: float = START_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        pending = list(members)
        while pending and time.monotonic() < deadline:
            for i in list(pending):
                proc = self.procs[i]
                if proc is not None and proc.poll() is not None:
                    raise RuntimeError(f"etcd {self.names[i]} exited ({proc.returncode}):\n{self.log(i)}")
                if self.healthy(i):
                    pending.remove(i)
            if pending:
                time.sleep(0.05)
        if pending:
            raise RuntimeError(f"etcd members {[self.names[i] for i in pending]} not healthy in {timeout} s")

    def log(self, i: int) -> str:
        try:
            return (self.root / f"{self.names[i]}.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop_member(self, i: int, *, kill: bool = False) -> None:
        proc = self.procs[i]
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def stop(self) -> None:
        for i in range(len(self.names)):
            self.stop_member(i, kill=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> EtcdCluster:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.remove()

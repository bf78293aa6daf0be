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
import subprocess
import time
import urllib.request
from pathlib import Path
from types import TracebackType

from ma_codegen.toolchain import TOOLCHAIN_DIR

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


class EtcdCluster:
    """`members` etcd processes forming one cluster on 127.0.0.1."""

    def __init__(
        self,
        root: Path,
        members: int = 1,
        *,
        max_object_bytes: int = DEFAULT_MAX_OBJECT_BYTES,
        fsync: bool = True,
        extra: tuple[str, ...] = (),
    ) -> None:
        if members < 1:
            raise ValueError("members must be >= 1")
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
            f"http://127.0.0.1:{self.client_ports[i]}",
            "--advertise-client-urls",
            f"http://127.0.0.1:{self.client_ports[i]}",
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

    def healthy(self, i: int) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.client_ports[i]}/health", timeout=2) as r:
                return bool(json.loads(r.read()).get("health") == "true")
        except (OSError, ValueError):
            return False

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

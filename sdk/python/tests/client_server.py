"""Test helpers of the client tests: a real `ma-server` process and its fault-injection control.

`running_server()` starts `ma-server --storage memory:// --conformance` on
loopback with free ports and always stops it; `Control` calls the server's
`ma.conformance.Control` service (JSON bodies over gRPC).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc

from michelangelo.api import meta_pb2
from michelangelo.api.v2 import project_pb2

READY_TIMEOUT = 30.0


@dataclass(frozen=True)
class Server:
    grpc_port: int
    http_port: int
    pid: int = 0  # the ma-server process (kill it to test failover)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.grpc_port}"


def _executable() -> str:
    local = Path(sys.executable).parent / "ma-server"
    found = str(local) if local.is_file() else shutil.which("ma-server")
    if found is None:
        raise RuntimeError("ma-server is not installed (pip install -e server)")
    return found


@contextmanager
def running_server(*extra: str) -> Iterator[Server]:
    cmd = [
        _executable(),
        "--storage",
        "memory://",
        "--host",
        "127.0.0.1",
        "--grpc-port",
        "0",
        "--http-port",
        "0",
        "--conformance",
        "--log-level",
        "warning",
        *extra,
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(proc.stdout.readline() if proc.stdout else ""))
        reader.start()
        reader.join(READY_TIMEOUT)
        if not line or not line[0].strip():
            raise RuntimeError(f"ma-server did not get ready within {READY_TIMEOUT} s (exit code {proc.poll()})")
        ready = json.loads(line[0])
        assert ready["event"] == "ready", ready
        yield Server(int(ready["grpc_port"]), int(ready["http_port"]), proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


class Control:
    """The server's fault injection (`ma.conformance.Control`)."""

    def __init__(self, address: str) -> None:
        self._channel = grpc.insecure_channel(address)

    def call(self, control_method: str, **body: Any) -> dict[str, Any]:
        fn = self._channel.unary_unary(
            f"/ma.conformance.Control/{control_method}", request_serializer=None, response_deserializer=None
        )
        out: bytes = fn(json.dumps(body).encode(), timeout=10)
        result: dict[str, Any] = json.loads(out)
        return result

    def fail(self, method: str, code: str = "UNAVAILABLE", times: int = 1) -> None:
        self.call("Fail", method=method, code=code, times=times)

    def delay(self, method: str, seconds: float, times: int = 0) -> None:
        self.call("Delay", method=method, seconds=seconds, times=times)

    def cut_watch(self, method: str, after_events: int, status: str = "OK", times: int = 1) -> None:
        self.call("CutWatch", method=method, after_events=after_events, status=status, times=times)

    def compact(self) -> int:
        return int(self.call("Compact")["compacted"])

    def reset(self) -> None:
        self.call("Reset")

    def close(self) -> None:
        self._channel.close()


def method(kind_plural: str, verb: str, kind: str = "Project") -> str:
    """Full gRPC name, e.g. method("Projects", "List") -> /michelangelo.api.v2.ProjectService/ListProjects."""
    name = f"{verb}{kind_plural}" if verb in ("List", "Watch") else f"{verb}{kind}"
    return f"/michelangelo.api.v2.{kind}Service/{name}"


def project(name: str, namespace: str = "", team: str = "maps", tier: str = "", **labels: str) -> project_pb2.Project:
    return project_pb2.Project(
        metadata=meta_pb2.ObjectMeta(
            name=name, namespace=namespace, labels={"team": team, **({"tier": tier} if tier else {}), **labels}
        ),
        spec=project_pb2.ProjectSpec(owning_team=team, tier="standard"),
    )


_counter = iter(range(1_000_000))


def unique(prefix: str) -> str:
    """A fresh DNS-1123 name per call (tests share one server)."""
    return f"{prefix}-{next(_counter)}-{int(time.monotonic() * 1000) % 100000}"

"""Helpers shared by the HTTP tests: the fake-backed in-process server and a real
`ma-server` process (named uniquely so it never collides with another conftest)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ma_http_fake import FakeBackend

from ma_server.http.app import HttpApp
from ma_server.http.server import HttpServer

SERVER_DIR = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 30.0


@dataclass
class FakeServer:
    url: str
    app: HttpApp
    backend: FakeBackend
    loop: asyncio.AbstractEventLoop
    handle: HttpServer


@dataclass
class RealServer:
    url: str
    grpc_port: int
    http_port: int
    proc: subprocess.Popen[str]


def start_real_server(extra_args: list[str] | None = None, storage: str = "memory://") -> RealServer:
    env = dict(os.environ)
    env.pop("MA_SERVER_AUTH_TOKENS", None)  # hermetic: no bearer tokens from the developer's environment
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SERVER_DIR), env.get("PYTHONPATH", "")) if p)
    cmd = [
        sys.executable,
        "-m",
        "ma_server.main",
        "--storage",
        storage,
        "--grpc-port",
        "0",
        "--http-port",
        "0",
        *(extra_args or []),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + READY_TIMEOUT_S
    assert proc.stdout is not None
    lines: list[str] = []
    # Bounded by the deadline and by the process: readline returns "" once it exits.
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        try:
            data: Any = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("event") == "ready":
            http_port = int(data["http_port"])
            # Keep draining stdout and stderr (the JSON logs) so the server never blocks on a full pipe.
            threading.Thread(target=_drain, args=(proc.stdout,), daemon=True).start()
            threading.Thread(target=_drain, args=(proc.stderr,), daemon=True).start()
            return RealServer(f"http://127.0.0.1:{http_port}", int(data["grpc_port"]), http_port, proc)
    stop_real_server_proc(proc)
    err = proc.stderr.read() if proc.stderr else ""
    raise RuntimeError(f"ma-server did not report ready: stdout={lines!r} stderr={err[-4000:]!r}")


def _drain(stream: Any) -> None:
    for _ in iter(stream.readline, ""):
        pass


def stop_real_server_proc(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

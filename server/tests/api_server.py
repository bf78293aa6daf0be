"""A real `ma-server` child process and a client for its conformance control service."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import grpc

READY_TIMEOUT = 20.0


class ServerProcess:
    """One `python -m ma_server.main` child; always stopped by `stop()` (SIGTERM, then SIGKILL after 5 s)."""

    def __init__(self, storage: str, log_path: Path, *extra: str, env: dict[str, str] | None = None) -> None:
        self.storage = storage
        self.log_path = log_path
        self.extra = extra  # more flags; a repeated one (e.g. --log-level) overrides the default above
        self.env = env  # variables added to the child's environment
        self.proc: subprocess.Popen[str] | None = None
        self.grpc_port = 0
        self.http_port: int | None = None
        self.ready: dict[str, object] = {}

    def start(self) -> ServerProcess:
        args = [
            sys.executable,
            "-m",
            "ma_server.main",
            "--storage",
            self.storage,
            "--host",
            "127.0.0.1",
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--conformance",
            "--log-level",
            "warning",
            *self.extra,
        ]
        log = self.log_path.open("a")
        # Hermetic: no bearer tokens from the developer's environment unless asked for.
        env = {k: v for k, v in os.environ.items() if k != "MA_SERVER_AUTH_TOKENS"}
        env.update(self.env or {})
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
        log.close()
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self.proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(READY_TIMEOUT)
        if not line or not line[0].strip():
            self.stop()
            raise RuntimeError(f"server did not print its ready line in {READY_TIMEOUT}s; log: {self.log_tail()}")
        ready = json.loads(line[0])
        assert ready["event"] == "ready"
        self.ready = ready
        self.grpc_port = ready["grpc_port"]
        self.http_port = ready["http_port"]
        return self

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.grpc_port}"

    def log_tail(self) -> str:
        try:
            return self.log_path.read_text()[-3000:]
        except OSError:
            return ""

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(5)
        finally:
            if self.proc.stdout:
                self.proc.stdout.close()


class ControlClient:
    """Calls `ma.conformance.Control` methods with JSON bodies."""

    def __init__(self, channel: grpc.Channel) -> None:
        self.channel = channel

    def __call__(self, method: str, body: dict[str, object]) -> dict[str, object]:
        fn = self.channel.unary_unary(f"/ma.conformance.Control/{method}")
        out = fn(json.dumps(body).encode(), timeout=10)
        result: dict[str, object] = json.loads(out)
        return result

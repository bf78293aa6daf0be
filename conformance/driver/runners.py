"""Runner processes: how each language's runner is built and started, and the JSON-lines channel to it."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from conformance.driver.cases import CONFORMANCE_DIR

REPO = CONFORMANCE_DIR.parent
RUNNERS = CONFORMANCE_DIR / "runners"
# Built runner binaries (git-ignored), independent of the report directory.
BIN_DIR = CONFORMANCE_DIR / "out" / "bin"
PROTOCOL_SCHEMA = CONFORMANCE_DIR / "protocol.schema.json"
PROTOCOL_VERSION = 1
HELLO_TIMEOUT_S = 60.0


class RunnerError(Exception):
    """The runner broke the protocol, crashed or did not answer in time."""


@dataclass(frozen=True)
class RunnerSpec:
    language: str
    build: tuple[tuple[list[str], Path], ...]  # (argv, cwd) steps
    command: list[str]


def runner_spec(language: str, bin_dir: Path = BIN_DIR) -> RunnerSpec:
    """How to build and start a runner. `-async` variants run the same runner through the SDK's async API."""
    if language in ("python", "python-async"):
        flags = ["--async"] if language == "python-async" else []
        return RunnerSpec(language, (), [sys.executable, "-u", str(RUNNERS / "python" / "runner.py"), *flags])
    if language == "go":
        exe = bin_dir / "ma-conformance-go"
        return RunnerSpec("go", ((["go", "build", "-o", str(exe), "."], RUNNERS / "go"),), [str(exe)])
    if language in ("java", "java-async"):
        mvn = ["mvn", "-B", "-q", "-ntp"]
        jar = RUNNERS / "java" / "target" / "ma-conformance-runner.jar"
        flags = ["--async"] if language == "java-async" else []
        return RunnerSpec(
            language,
            (
                # The runner depends on the SDK artifact as a user would, so install it first.
                ([*mvn, "-f", str(REPO / "sdk" / "java" / "pom.xml"), "install", "-DskipTests"], REPO),
                # clean: the shade plugin re-shades an existing jar, keeping stale SDK classes from it.
                ([*mvn, "-f", str(RUNNERS / "java" / "pom.xml"), "clean", "package"], REPO),
            ),
            ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(jar), *flags],
        )
    raise RunnerError(f"unknown runner {language!r}")


def build(spec: RunnerSpec) -> None:
    for argv, cwd in spec.build:
        if shutil.which(argv[0]) is None:
            raise RunnerError(f"{spec.language} runner: {argv[0]!r} is not on PATH")
        proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            raise RunnerError(
                f"{spec.language} runner build failed: {' '.join(argv)} (exit {proc.returncode})\n"
                f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
            )


_validator = jsonschema.Draft202012Validator(json.loads(PROTOCOL_SCHEMA.read_text()))


class RunnerProcess:
    """One live runner; `request` sends a step and waits (bounded) for its answer."""

    def __init__(self, spec: RunnerSpec) -> None:
        self.spec = spec
        try:
            self.proc = self._start()
        except OSError as e:
            raise RunnerError(f"{spec.language} runner cannot start ({' '.join(spec.command)}): {e}") from None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stderr: deque[str] = deque(maxlen=200)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        self._next_id = 1
        hello = self._receive(HELLO_TIMEOUT_S)
        result = hello.get("result") or {}
        if hello.get("id") != 0 or result.get("protocol") != PROTOCOL_VERSION:
            self.kill()
            raise RunnerError(f"{spec.language} runner sent a bad hello: {hello}")

    def _start(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.spec.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._stderr.append(line.rstrip("\n"))

    def stderr_tail(self, lines: int = 30) -> str:
        return "\n".join(list(self._stderr)[-lines:])

    def _receive(self, timeout: float) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise RunnerError(f"{self.spec.language} runner did not answer within {timeout:.0f} s") from None
        if line is None:
            code = self.proc.wait(timeout=10)
            raise RunnerError(f"{self.spec.language} runner exited ({code}); stderr:\n{self.stderr_tail()}")
        try:
            msg = json.loads(line)
        except ValueError:
            raise RunnerError(f"{self.spec.language} runner wrote a non-JSON line: {line[:500]!r}") from None
        problems = sorted(_validator.iter_errors(msg), key=str)
        if problems:
            raise RunnerError(
                f"{self.spec.language} runner response breaks the protocol: {problems[0].message}: {line[:500]}"
            )
        assert isinstance(msg, dict)
        return msg

    def request(self, body: dict[str, Any], timeout: float) -> dict[str, Any]:
        rid = self._next_id
        self._next_id += 1
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps({"id": rid, **body}) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            raise RunnerError(f"{self.spec.language} runner is gone ({e}); stderr:\n{self.stderr_tail()}") from None
        msg = self._receive(timeout)
        if msg.get("id") != rid:
            raise RunnerError(f"{self.spec.language} runner answered id {msg.get('id')} to request {rid}")
        return msg

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass

    def close(self) -> None:
        """EOF on stdin: the runner closes its clients and exits."""
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.close()
                self.proc.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                self.kill()

"""Locating the project root and running buf in it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ma_codegen import toolchain


class CodegenError(RuntimeError):
    """A failure to report to the user as one clear message (no traceback)."""


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` that holds buf.yaml and buf.gen.yaml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "buf.yaml").is_file() and (folder / "buf.gen.yaml").is_file():
            return folder
    raise CodegenError(f"no buf.yaml and buf.gen.yaml at or above {here}: run from the project or pass --root")


def tool_env() -> dict[str, str]:
    """Environment for buf and its plugins: this interpreter's scripts first on PATH.

    buf.gen.yaml runs Python plugins as `python -m ...`; that must be the
    interpreter that has ma_codegen, grpcio-tools and mypy-protobuf installed.
    """
    scripts = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=scripts + os.pathsep + os.environ.get("PATH", ""))


def run_buf(
    root: Path, args: list[str], *, check: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the pinned buf in `root` (`env` adds variables); with check=True a non-zero exit raises CodegenError."""
    buf = toolchain.tool_path(root, "buf")
    toolchain.check_includes(root)
    proc = subprocess.run(
        [str(buf), *args], cwd=root, env={**tool_env(), **(env or {})}, capture_output=True, text=True
    )
    if check and proc.returncode != 0:
        raise CodegenError(f"buf {args[0]} failed:\n{proc.stderr.strip() or proc.stdout.strip()}")
    return proc

"""The SDK installs from its wheel and its generated modules import with absolute imports."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

SDK = Path(__file__).resolve().parents[1]


def test_wheel_installs_and_imports(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(SDK),
        ],
        check=True,
    )
    (wheel,) = dist.glob("michelangelo_sdk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "michelangelo/py.typed" in names
    assert "michelangelo/api/v2/project_pb2.py" in names
    assert "michelangelo/api/v2/project_pb2.pyi" in names
    assert "michelangelo/api/v2/project_svc_pb2_grpc.py" in names
    assert "michelangelo/api/v2/__init__.py" in names

    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    probe = (
        "import michelangelo.api.v2.project_svc_pb2_grpc as g, michelangelo.api.v2.project_pb2 as p;"
        "print(p.__file__); print(g.ProjectServiceStub.__name__)"
    )
    # The wheel's copy must win over the editable install: PYTHONPATH entries precede site-packages.
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0].startswith(str(site)), out
    assert out[1] == "ProjectServiceStub"


def test_typed_example_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(SDK / "examples" / "typed_usage.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '"apiVersion": "michelangelo.api/v2"' in out
    assert '"owningTeam": "maps"' in out

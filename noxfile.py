"""The one entry point: `nox -s lint generate check tests bench` (see README.md).

Sessions share one virtualenv (.nox/shared) with every Python tool pinned in
codegen/ma_codegen/toolchain.py; it is rebuilt only when the pins change.
Go and Java come from the machine (go, mvn); the generators they need are
installed into .toolchain/ by `ma-codegen toolchain install`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("toolchain", ROOT / "codegen/ma_codegen/toolchain.py")
assert _spec and _spec.loader
toolchain = importlib.util.module_from_spec(_spec)
sys.modules["toolchain"] = toolchain  # dataclasses look their module up here
_spec.loader.exec_module(toolchain)

nox.options.sessions = ["lint", "generate", "check", "tests", "conformance"]
nox.options.error_on_missing_interpreters = True

VENV = ROOT / ".nox" / "shared"
BIN = VENV / "bin"
PY = BIN / "python"
REQUIREMENTS = sorted(
    [
        *toolchain.CODEGEN_REQUIREMENTS,
        *toolchain.SERVER_REQUIREMENTS,
        *toolchain.SERVER_TEST_REQUIREMENTS,
        *toolchain.CONFORMANCE_REQUIREMENTS,
    ]
    + [f"{name}=={version}" for name, version in toolchain.PYTHON_DEV_TOOLS.items() if name != "jinja2"]
)
PYTHON_SOURCES = [
    "codegen",
    "sdk/python/src/michelangelo/__init__.py",
    "sdk/python/src/michelangelo/runtime",
    "sdk/python/tests",
    "sdk/python/examples",
    "noxfile.py",
    "bench",
    "server",
    "examples",
    "conformance",
]


def _bin(name: str) -> str:
    """Absolute path of a tool in the shared venv (nox resolves bare names on its own PATH)."""
    return str(BIN / name)


def _venv(session: nox.Session) -> dict[str, str]:
    """Create or refresh the shared venv; returns the env to run tools in."""
    stamp = VENV / "requirements.sha256"
    want = hashlib.sha256(json.dumps([sys.version, REQUIREMENTS]).encode()).hexdigest()
    if not (stamp.is_file() and stamp.read_text() == want and PY.is_file()):
        shutil.rmtree(VENV, ignore_errors=True)
        session.run(sys.executable, "-m", "venv", str(VENV), external=True)
        session.run(
            str(PY),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--upgrade",
            "pip==25.3",
            external=True,
        )
        session.run(str(PY), "-m", "pip", "install", "--quiet", *REQUIREMENTS, external=True)
        session.run(
            str(PY),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-build-isolation",
            "--no-deps",
            "-e",
            "codegen",
            "-e",
            "sdk/python",
            "-e",
            "server",
            external=True,
        )
        stamp.write_text(want)
    env = dict(os.environ, VIRTUAL_ENV=str(VENV), PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    env.pop("PYTHONHOME", None)
    return env


def _toolchain(session: nox.Session, env: dict[str, str]) -> None:
    session.run(_bin("ma-codegen"), "toolchain", "install", env=env, external=True)


def _pytest(session: nox.Session, env: dict[str, str], *args: str) -> None:
    # pytest exits 5 when it collected nothing: that must fail the run, so it is not in success_codes.
    session.run(
        _bin("python"),
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        *args,
        env=env,
        external=True,
    )


@nox.session(venv_backend="none")
def lint(session: nox.Session) -> None:
    """buf lint + model rules, ruff, mypy --strict, gofmt and go vet."""
    env = _venv(session)
    _toolchain(session, env)
    session.run(_bin("ma-codegen"), "lint", env=env, external=True)
    session.run(_bin("ruff"), "check", *PYTHON_SOURCES, env=env, external=True)
    session.run(_bin("ruff"), "format", "--check", *PYTHON_SOURCES, env=env, external=True)
    session.run(_bin("mypy"), "--strict", "codegen/ma_codegen", env=env, external=True)
    session.run(_bin("mypy"), "--strict", "sdk/python/examples", env=env, external=True)
    # The whole SDK package: hand-written runtime, generated clients and mypy-protobuf stubs.
    session.run(_bin("mypy"), "--strict", "sdk/python/src/michelangelo", env=env, external=True)
    session.run(_bin("mypy"), "--strict", "server/ma_server", env=env, external=True)
    session.run(
        _bin("mypy"),
        "--strict",
        "--explicit-package-bases",
        "conformance/driver",
        "conformance/runners/python/runner.py",
        "conformance/tests",
        env=env,
        external=True,
    )
    for module in ("sdk/go", "conformance/runners/go"):
        gofmt = ["gofmt", "-l", "."]
        unformatted = subprocess.run(gofmt, cwd=ROOT / module, capture_output=True, text=True, check=True)
        if unformatted.stdout.strip():
            session.error(f"gofmt would change in {module}:\n{unformatted.stdout}")
        with session.chdir(module):
            session.run("go", "vet", "./...", external=True)


@nox.session(venv_backend="none")
def generate(session: nox.Session) -> None:
    """Generate the Python, Go and Java bindings (a no-op when nothing changed)."""
    env = _venv(session)
    _toolchain(session, env)
    session.run(_bin("ma-codegen"), "generate", *session.posargs, env=env, external=True)


@nox.session(venv_backend="none")
def check(session: nox.Session) -> None:
    """Fail when the committed generated code differs from a fresh generate."""
    env = _venv(session)
    _toolchain(session, env)
    session.run(_bin("ma-codegen"), "check", env=env, external=True)


@nox.session(venv_backend="none")
def build(session: nox.Session) -> None:
    """Build all three SDKs: Python wheel, go build + vet, mvn package."""
    env = _venv(session)
    session.run(
        _bin("python"),
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        "dist",
        "sdk/python",
        env=env,
        external=True,
    )
    with session.chdir("sdk/go"):
        session.run("go", "build", "./...", external=True)
        session.run("go", "vet", "./...", external=True)
    with session.chdir("sdk/java"):
        session.run("mvn", "-B", "-ntp", "-q", "-DskipTests", "package", external=True)


@nox.session(venv_backend="none")
def demo(session: nox.Session) -> None:
    """Start the embedded server (SQLite) and use it over gRPC and HTTP/JSON."""
    env = _venv(session)
    session.run(_bin("python"), "examples/demo.py", env=env, external=True)


@nox.session(venv_backend="none")
def main(session: nox.Session) -> None:
    """The main job: lint, generate all SDKs, build them, then a demo against the embedded server."""
    for name in ("lint", "generate", "build", "demo"):
        session.notify(name)


@nox.session(venv_backend="none")
def tests(session: nox.Session) -> None:
    """Codegen, Python SDK, server, Go and Java tests, each in its own runner."""
    env = _venv(session)
    _toolchain(session, env)
    _pytest(session, env, "codegen/tests")
    _pytest(session, env, "sdk/python/tests")
    _pytest(session, env, "server/tests")
    # The Go and Java client tests start `ma-server` from the shared venv (first on env's PATH).
    with session.chdir("sdk/go"):
        session.run("go", "test", "-count=1", "./...", env=env, external=True)
    with session.chdir("sdk/java"):
        session.run("mvn", "-B", "-ntp", "verify", env=env, external=True)


@nox.session(venv_backend="none")
def conformance(session: nox.Session) -> None:
    """Every conformance case through the Python, Go and Java runners against ma-server.

    Writes conformance/out/report.md and junit.xml; extra arguments go to the
    driver, e.g. `nox -s conformance -- --languages go --cases 'watch/*' -v`.
    """
    env = _venv(session)
    if not session.posargs:
        _pytest(session, env, "conformance/tests")  # the driver's own verdicts, lists and reports
    session.run(_bin("python"), "-m", "conformance.driver", *session.posargs, env=env, external=True)


@nox.session(venv_backend="none")
def bench(session: nox.Session) -> None:
    """Codegen and server figures, each against a baseline measured in the same run."""
    env = _venv(session)
    _toolchain(session, env)
    session.run(_bin("python"), "bench/generate_bench.py", env=env, external=True)
    session.run(_bin("python"), "bench/server_bench.py", env=env, external=True)
    session.run(_bin("python"), "bench/sdk_bench.py", env=env, external=True)

"""Pinned versions of every tool and runtime, and the installer for `.toolchain/`.

This is the one place versions are written down. The noxfile reads the pins
from here (this module imports only the standard library so it can), and
`tests/test_toolchain_pins.py` fails when `sdk/python/pyproject.toml`,
`sdk/go/go.mod` or `sdk/java/pom.xml` disagree with it, so generated code and
the runtimes it needs never drift apart.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import util as importlib_util
from pathlib import Path

# --- generators and the runtimes that must match them -----------------------
BUF = "1.75.0"  # PyPI buf-bin
PROTOC = "4.36.2"  # Maven com.google.protobuf:protoc (libprotoc 36.2)
PROTOBUF_PYTHON = "7.36.2"  # PyPI protobuf: the runtime of protoc 36.2's Python gencode
PROTOBUF_JAVA = "4.36.2"  # Maven protobuf-java: the runtime of protoc 36.2's Java gencode
GRPC_PYTHON = "1.85.1"  # PyPI grpcio and grpcio-tools (grpc_python plugin)
GRPC_JAVA = "1.83.1"  # Maven protoc-gen-grpc-java and grpc-java runtime (1.85.x exe not served)
PROTOC_GEN_GO = "v1.36.12"  # google.golang.org/protobuf: plugin and Go runtime
PROTOC_GEN_GO_GRPC = "v1.6.0"  # google.golang.org/grpc/cmd/protoc-gen-go-grpc
GRPC_GO = "v1.85.0"  # google.golang.org/grpc runtime
GENPROTO_GOOGLEAPIS_API = "v0.0.0-20261110000943-09e21b237f2c"  # Go google/api types
GOOGLEAPIS_COMMON_PROTOS = "1.76.0"  # PyPI: google/api/*.proto sources and Python types
PROTO_GOOGLE_COMMON_PROTOS_JAVA = "2.64.1"  # Maven: Java google/api types
MYPY_PROTOBUF = "5.1.0"  # PyPI: protoc-gen-mypy, protoc-gen-mypy_grpc
GOOGLE_JAVA_FORMAT = "1.28.0"  # Maven all-deps jar; the newest that runs on Java 17

# --- Python development tools (installed by the noxfile) --------------------
PYTHON_DEV_TOOLS = {
    "nox": "2026.10.20",
    "ruff": "0.17.5",
    "mypy": "2.4.1",
    "pytest": "9.2.0",
    "hatchling": "1.33.0",
    "jinja2": "3.1.6",
    "types-protobuf": "7.35.1.20260906",
    "grpc-stubs": "1.53.0.6",
    "types-PyYAML": "6.0.12.20250915",
    "types-jsonschema": "4.26.0.20261006",
}

# Python requirements of the codegen pipeline itself, pinned.
CODEGEN_REQUIREMENTS = [
    f"grpcio=={GRPC_PYTHON}",
    f"grpcio-tools=={GRPC_PYTHON}",
    f"protobuf=={PROTOBUF_PYTHON}",
    f"mypy-protobuf=={MYPY_PROTOBUF}",
    f"googleapis-common-protos=={GOOGLEAPIS_COMMON_PROTOS}",
    f"jinja2=={PYTHON_DEV_TOOLS['jinja2']}",
    "google-re2==1.1.20251105",  # RE2 patterns: lint (MA_PATTERN_RE2), server and Python SDK validation
]

# Python requirements of the conformance driver (conformance/driver), pinned.
CONFORMANCE_REQUIREMENTS = [
    "PyYAML==6.0.4",
    "jsonschema==4.26.0",
]

# Python requirements of the reference server (ma_server), pinned.
SERVER_REQUIREMENTS = [
    f"grpcio-reflection=={GRPC_PYTHON}",
    f"grpcio-health-checking=={GRPC_PYTHON}",
    "prometheus-client==0.26.0",
    "uvicorn==0.54.0",
    "httptools==0.9.0",
]

# Python requirements of the server's tests only (HTTP client, OpenAPI checks).
SERVER_TEST_REQUIREMENTS = [
    "httpx==0.28.1",
    "openapi-spec-validator==0.9.0",
    "schemathesis==4.32.5",
]

# The google/api protos our API imports, copied from googleapis-common-protos.
GOOGLE_API_PROTOS = (
    "annotations",
    "client",
    "field_behavior",
    "http",
    "launch_stage",
    "resource",
)

TOOLCHAIN_DIR = ".toolchain"
INSTALL_HINT = "run `ma-codegen toolchain install` (or `nox -s generate`)"


class ToolMissingError(RuntimeError):
    """A pinned tool is not installed in `.toolchain/`."""


@dataclass(frozen=True)
class Tool:
    """A binary the pipeline runs, installed into `.toolchain/bin`."""

    name: str
    version: str
    source: str  # where it comes from, for messages


TOOLS = (
    Tool("buf", BUF, f"PyPI buf-bin=={BUF}"),
    Tool("protoc", PROTOC, f"Maven com.google.protobuf:protoc:{PROTOC}:exe:linux-x86_64"),
    Tool(
        "protoc-gen-grpc-java",
        GRPC_JAVA,
        f"Maven io.grpc:protoc-gen-grpc-java:{GRPC_JAVA}:exe:linux-x86_64",
    ),
    Tool(
        "google-java-format.jar",
        GOOGLE_JAVA_FORMAT,
        f"Maven com.google.googlejavaformat:google-java-format:{GOOGLE_JAVA_FORMAT}:jar:all-deps",
    ),
    Tool(
        "protoc-gen-go",
        PROTOC_GEN_GO,
        f"go install google.golang.org/protobuf/cmd/protoc-gen-go@{PROTOC_GEN_GO}",
    ),
    Tool(
        "protoc-gen-go-grpc",
        PROTOC_GEN_GO_GRPC,
        f"go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@{PROTOC_GEN_GO_GRPC}",
    ),
)


def toolchain_dir(root: Path) -> Path:
    return root / TOOLCHAIN_DIR


def bin_dir(root: Path) -> Path:
    return toolchain_dir(root) / "bin"


def include_dir(root: Path) -> Path:
    return toolchain_dir(root) / "include"


def _versions_file(root: Path) -> Path:
    return toolchain_dir(root) / "versions.json"


def _installed_versions(root: Path) -> dict[str, str]:
    try:
        data = json.loads(_versions_file(root).read_text())
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _record_version(root: Path, name: str, version: str) -> None:
    versions = _installed_versions(root)
    versions[name] = version
    path = _versions_file(root)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(versions, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, path)


def tool_path(root: Path, name: str) -> Path:
    """Path of a pinned tool; raises ToolMissingError with the install command if absent or stale."""
    tool = next((t for t in TOOLS if t.name == name), None)
    if tool is None:
        raise KeyError(name)
    path = bin_dir(root) / name
    installed = _installed_versions(root).get(name)
    if not path.is_file() or installed != tool.version:
        state = "missing" if not path.is_file() else f"at {installed}, pinned {tool.version}"
        raise ToolMissingError(f"{name} {tool.version} is {state} in {TOOLCHAIN_DIR}/bin: {INSTALL_HINT}")
    return path


def check_includes(root: Path) -> Path:
    """The include folder with google/api protos; raises ToolMissingError if not installed."""
    inc = include_dir(root)
    missing = [p for p in GOOGLE_API_PROTOS if not (inc / "google" / "api" / f"{p}.proto").is_file()]
    installed = _installed_versions(root).get("googleapis-common-protos")
    if missing or installed != GOOGLEAPIS_COMMON_PROTOS:
        raise ToolMissingError(f"google/api protos {GOOGLEAPIS_COMMON_PROTOS} are missing in {inc}: {INSTALL_HINT}")
    return inc


def status(root: Path) -> list[tuple[str, str, str]]:
    """(name, pinned, installed or 'missing') for every tool."""
    installed = _installed_versions(root)
    rows = []
    for tool in TOOLS:
        have = installed.get(tool.name, "missing") if (bin_dir(root) / tool.name).is_file() else "missing"
        rows.append((tool.name, tool.version, have))
    rows.append(
        (
            "googleapis-common-protos",
            GOOGLEAPIS_COMMON_PROTOS,
            installed.get("googleapis-common-protos", "missing"),
        )
    )
    return rows


def _run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"`{' '.join(cmd)}` failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")


def _install_executable(src: Path, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.copyfile(src, tmp)
    tmp.chmod(tmp.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    os.replace(tmp, dest)


def _install_buf(root: Path, work: Path) -> None:
    target = work / "pip"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            f"buf-bin=={BUF}",
        ]
    )
    candidates = list(target.glob("bin/buf")) + list(target.glob("**/bin/buf"))
    if not candidates:
        raise RuntimeError(f"buf-bin=={BUF} installed no bin/buf under {target}")
    _install_executable(candidates[0], bin_dir(root) / "buf")


def _install_maven_exe(root: Path, work: Path, coords: str, name: str) -> None:
    out = work / name
    out.mkdir()
    _run(
        [
            "mvn",
            "-B",
            "-q",
            "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
            f"-Dartifact={coords}",
            f"-DoutputDirectory={out}",
        ],
        cwd=work,
    )
    files = list(out.iterdir())
    if len(files) != 1:
        raise RuntimeError(f"expected one file from {coords}, got {files}")
    _install_executable(files[0], bin_dir(root) / name)


def _install_go(root: Path, module: str, name: str) -> None:
    env = dict(os.environ, GOBIN=str(bin_dir(root).resolve()), GOFLAGS="-mod=mod")
    _run(["go", "install", module], env=env)
    if not (bin_dir(root) / name).is_file():
        raise RuntimeError(f"go install {module} did not produce {name}")


def _install_google_protos(root: Path) -> None:
    spec = importlib_util.find_spec("google.api.annotations_pb2")
    if spec is None or spec.origin is None:
        raise RuntimeError(f"googleapis-common-protos=={GOOGLEAPIS_COMMON_PROTOS} is not installed in {sys.executable}")
    src = Path(spec.origin).parent
    dest = include_dir(root) / "google" / "api"
    dest.mkdir(parents=True, exist_ok=True)
    for name in GOOGLE_API_PROTOS:
        tmp = dest / f"{name}.proto.tmp"
        shutil.copyfile(src / f"{name}.proto", tmp)
        os.replace(tmp, dest / f"{name}.proto")


def _installed_python_version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def install(root: Path, *, log: bool = True) -> list[str]:
    """Install every pinned tool that is missing or at another version; returns what was installed."""
    bin_dir(root).mkdir(parents=True, exist_ok=True)
    installed = _installed_versions(root)
    done: list[str] = []

    def say(msg: str) -> None:
        if log:
            print(msg, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="ma-toolchain-") as tmp:
        work = Path(tmp)
        for tool in TOOLS:
            if installed.get(tool.name) == tool.version and (bin_dir(root) / tool.name).is_file():
                continue
            say(f"installing {tool.name} {tool.version} from {tool.source}")
            if tool.name == "buf":
                _install_buf(root, work)
            elif tool.name == "protoc":
                _install_maven_exe(
                    root,
                    work,
                    f"com.google.protobuf:protoc:{PROTOC}:exe:linux-x86_64",
                    "protoc",
                )
            elif tool.name == "protoc-gen-grpc-java":
                _install_maven_exe(
                    root,
                    work,
                    f"io.grpc:protoc-gen-grpc-java:{GRPC_JAVA}:exe:linux-x86_64",
                    "protoc-gen-grpc-java",
                )
            elif tool.name == "google-java-format.jar":
                coords = f"com.google.googlejavaformat:google-java-format:{GOOGLE_JAVA_FORMAT}:jar:all-deps"
                _install_maven_exe(root, work, coords, tool.name)
            elif tool.name == "protoc-gen-go":
                _install_go(
                    root,
                    f"google.golang.org/protobuf/cmd/protoc-gen-go@{PROTOC_GEN_GO}",
                    tool.name,
                )
            elif tool.name == "protoc-gen-go-grpc":
                _install_go(
                    root,
                    f"google.golang.org/grpc/cmd/protoc-gen-go-grpc@{PROTOC_GEN_GO_GRPC}",
                    tool.name,
                )
            _record_version(root, tool.name, tool.version)
            done.append(f"{tool.name} {tool.version}")
    have = _installed_python_version("googleapis-common-protos")
    if have != GOOGLEAPIS_COMMON_PROTOS:
        raise RuntimeError(
            f"googleapis-common-protos {have or 'missing'} in {sys.executable}, pinned {GOOGLEAPIS_COMMON_PROTOS}: "
            f"pip install googleapis-common-protos=={GOOGLEAPIS_COMMON_PROTOS}"
        )
    if installed.get("googleapis-common-protos") != GOOGLEAPIS_COMMON_PROTOS or not all(
        (include_dir(root) / "google" / "api" / f"{p}.proto").is_file() for p in GOOGLE_API_PROTOS
    ):
        say(f"copying google/api protos from googleapis-common-protos {GOOGLEAPIS_COMMON_PROTOS}")
        _install_google_protos(root)
        _record_version(root, "googleapis-common-protos", GOOGLEAPIS_COMMON_PROTOS)
        done.append(f"google/api protos {GOOGLEAPIS_COMMON_PROTOS}")
    return done

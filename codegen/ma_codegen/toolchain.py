"""Pinned versions of every tool and runtime, and the installer for `.toolchain/`.

This is the one place versions are written down. The noxfile reads the pins
from here (this module imports only the standard library so it can), and
`tests/test_toolchain_pins.py` fails when `sdk/python/pyproject.toml`,
`sdk/go/go.mod` or `sdk/java/pom.xml` disagree with it, so generated code and
the runtimes it needs never drift apart.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import util as importlib_util
from pathlib import Path

# --- generators, oldest first ------------------------------------------------
# Each SDK is generated with the oldest generator whose code every runtime in
# its published range runs (a newer runtime runs older gencode; an older one
# refuses newer gencode), so the floors below are set by these generators.
BUF = "1.75.0"  # PyPI buf-bin
# Python messages: protoc 31.1 writes ValidateProtobufRuntimeVersion(6, 31, 1):
# runtime 6.31.1..6.x, and 7.x (whose check only refuses older runtimes).
PROTOC = "4.31.1"  # Maven com.google.protobuf:protoc (libprotoc 31.1)
# Java messages: protoc 3.25.x writes GeneratedMessageV3 code with no
# RuntimeVersion check, which protobuf-java 3.25.x and 4.x both run.
PROTOC_JAVA = "3.25.8"  # Maven com.google.protobuf:protoc (libprotoc 25.8)
# grpc_python of grpcio-tools N writes `_pb2_grpc.py` that refuses grpcio < N at
# import; installed apart in .toolchain/bin/grpcio-tools (it needs protobuf<6).
GRPCIO_TOOLS = "1.70.0"  # PyPI grpcio-tools (its bundled grpc_python generator)
GRPC_JAVA_GENERATOR = "1.60.0"  # Maven io.grpc:protoc-gen-grpc-java
# protoc-gen-go N writes code for runtime >= N; v1.36.6 is also the first
# runtime with proto.CloneOf, which sdk/go/ma uses.
PROTOC_GEN_GO = "v1.36.6"  # google.golang.org/protobuf/cmd/protoc-gen-go
PROTOC_GEN_GO_GRPC = "v1.6.0"  # google.golang.org/grpc/cmd/protoc-gen-go-grpc (SupportPackageIsVersion9)
GOOGLEAPIS_COMMON_PROTOS = "1.76.0"  # PyPI: google/api/*.proto sources (and the shared venv's types)
MYPY_PROTOBUF = "5.1.0"  # PyPI: protoc-gen-mypy (typing stubs only; nothing at run time)
GOOGLE_JAVA_FORMAT = "1.28.0"  # Maven all-deps jar; the newest that runs on Java 17

# --- services the tests and benches start (not needed to generate) -------------
# etcd server, built from the Go module proxy: `go install` refuses the module
# (replace directives), so a wrapper module calls etcdmain.Main (see _install_etcd).
ETCD = "v3.6.16"  # go.etcd.io/etcd/server/v3
# The Go line the etcd wrapper module declares (etcd 3.6 needs go >= 1.24).
ETCD_GO_LINE = "1.24"
# kube-apiserver, built the same way: k8s.io/kubernetes maps its staging modules
# (k8s.io/api, apimachinery, ...) to ./staging with replace directives, so the
# wrapper module maps each to its published v0.<minor>.<patch> (see _install_kube_apiserver).
KUBE_APISERVER = "v1.34.3"  # k8s.io/kubernetes/cmd/kube-apiserver
KUBE_GO_LINE = "1.24.0"

# --- published runtime ranges of the SDKs: (floor, newest tested) -------------
# The floor is what the SDK manifests require; the newest is what `nox -s
# compat` also runs each SDK's tests against (pinned, never "latest").
# tests/test_toolchain_pins.py checks sdk/python/pyproject.toml, sdk/java/pom.xml
# and sdk/go/go.mod against these.
PYTHON_RUNTIME_RANGES = {
    "protobuf": ("6.31.1", "7.36.2"),  # published as >=6.31.1,<8
    "grpcio": (GRPCIO_TOOLS, "1.85.1"),  # published as >=1.70.0,<2
    # 1.70.0 is the first that allows protobuf 6 (1.69 and older require protobuf<6).
    "googleapis-common-protos": ("1.70.0", GOOGLEAPIS_COMMON_PROTOS),
    # RE2 field-rule patterns (as Go and Java evaluate them); 1.1 is the first with cp311+ wheels tested here.
    "google-re2": ("1.1", "1.1.20251105"),
}
PYTHON_UPPER_BOUNDS = {"protobuf": "8", "grpcio": "2", "googleapis-common-protos": "2", "google-re2": "2"}
JAVA_RUNTIME_RANGES = {  # pom.xml property: (floor, newest tested)
    "protobuf.version": (PROTOC_JAVA, "4.36.2"),
    "grpc.version": (GRPC_JAVA_GENERATOR, "1.85.1"),
    "common-protos.version": ("2.64.1", "2.64.1"),  # 3.25.8 gencode: runs on 3.25.x and 4.x alike
    "re2j.version": ("1.8", "1.8"),  # RE2 field-rule patterns, as in Go and the server
}
GO_RUNTIME_RANGES = {  # go.mod requirement (the floor, by MVS): (floor, newest tested)
    "google.golang.org/protobuf": (PROTOC_GEN_GO, "v1.36.12"),
    # protoc-gen-go-grpc v1.6.0 stubs assert SupportPackageIsVersion9 (grpc >= 1.64.0).
    "google.golang.org/grpc": ("v1.64.0", "v1.85.0"),
    # The genproto that grpc v1.64.0 itself requires (go 1.19, protobuf v1.33.0);
    # newer ones require go 1.26 and grpc >= 1.83, which would raise every floor.
    "google.golang.org/genproto/googleapis/api": (
        "v0.0.0-20240318140521-94a12d6c2237",
        "v0.0.0-20261110000943-09e21b237f2c",
    ),
    "google.golang.org/genproto/googleapis/rpc": (
        "v0.0.0-20240318140521-94a12d6c2237",
        "v0.0.0-20261104224025-d1e00e9f33ab",
    ),
}
# The go directive of sdk/go/go.mod: the module's code needs 1.23 (iter.Seq2,
# range over func); `go vet` (stdversion) reports any newer API it would use.
GO_LINE = "1.23.0"

# --- pinned runtimes of what is not published ---------------------------------
# The server, the codegen pipeline and the conformance runners run at one
# tested version each (the newest of the ranges above).
PROTOBUF_PYTHON = PYTHON_RUNTIME_RANGES["protobuf"][1]  # shared venv
GRPC_PYTHON = PYTHON_RUNTIME_RANGES["grpcio"][1]  # shared venv: grpcio, reflection, health
PROTOBUF_JAVA = JAVA_RUNTIME_RANGES["protobuf.version"][1]  # Java conformance runner
GRPC_GO = GO_RUNTIME_RANGES["google.golang.org/grpc"][1]  # Go conformance runner
PROTOBUF_GO = GO_RUNTIME_RANGES["google.golang.org/protobuf"][1]  # Go conformance runner
GENPROTO_GOOGLEAPIS_API = GO_RUNTIME_RANGES["google.golang.org/genproto/googleapis/api"][1]

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

# YAML: the CRD manifests codegen writes (ma_codegen.crds) and the conformance driver's files.
PYYAML = "PyYAML==6.0.4"

# Python requirements of the codegen pipeline itself, pinned. grpcio-tools here
# is not the generator (that is GRPCIO_TOOLS in .toolchain/bin/grpcio-tools);
# bench/generate_bench.py times its raw grpc_python run with it.
CODEGEN_REQUIREMENTS = [
    f"grpcio=={GRPC_PYTHON}",
    f"grpcio-tools=={GRPC_PYTHON}",
    f"protobuf=={PROTOBUF_PYTHON}",
    f"mypy-protobuf=={MYPY_PROTOBUF}",
    f"googleapis-common-protos=={GOOGLEAPIS_COMMON_PROTOS}",
    f"jinja2=={PYTHON_DEV_TOOLS['jinja2']}",
    # RE2 patterns: lint (MA_PATTERN_RE2), server and Python SDK validation.
    f"google-re2=={PYTHON_RUNTIME_RANGES['google-re2'][1]}",
    PYYAML,
]

# Python requirements of the conformance driver (conformance/driver), pinned.
CONFORMANCE_REQUIREMENTS = [
    PYYAML,
    "jsonschema==4.26.0",
]

# Python requirements of the reference server (ma_server), pinned.
SERVER_REQUIREMENTS = [
    f"grpcio-reflection=={GRPC_PYTHON}",
    f"grpcio-health-checking=={GRPC_PYTHON}",
    "prometheus-client==0.26.0",
    # etcd storage: the grpc.aio stubs of etcd's rpc.proto it ships (see ma_server.storage.etcd).
    "aetcd==1.0.0",
    "uvicorn==0.54.0",
    "httptools==0.9.0",
    # Kubernetes storage: its HTTP client (see ma_server.storage.kubernetes), kubeconfig and CRD files.
    "aiohttp==3.14.5",
    PYYAML,
]

# Python requirements of the server's tests only (HTTP client, OpenAPI checks).
SERVER_TEST_REQUIREMENTS = [
    "httpx==0.28.1",
    "openapi-spec-validator==0.9.0",
    "schemathesis==4.32.5",
    "hypothesis==6.170.17",  # property tests of the server (also a schemathesis dependency)
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
    Tool("protoc-java", PROTOC_JAVA, f"Maven com.google.protobuf:protoc:{PROTOC_JAVA}:exe:linux-x86_64"),
    Tool(
        "protoc-gen-grpc-java",
        GRPC_JAVA_GENERATOR,
        f"Maven io.grpc:protoc-gen-grpc-java:{GRPC_JAVA_GENERATOR}:exe:linux-x86_64",
    ),
    # A folder (pip --target), not a binary: grpc_python runs it on its own sys.path.
    Tool("grpcio-tools", GRPCIO_TOOLS, f"PyPI grpcio-tools=={GRPCIO_TOOLS} (--no-deps)"),
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


# Installed only on request (`ma-codegen toolchain install --services`): tests and benches need them,
# generating code does not, and etcd takes ~2 minutes and ~0.5 GB to build on 2 cores.
SERVICES = (
    Tool("etcd", ETCD, f"go build of go.etcd.io/etcd/server/v3@{ETCD} (wrapper module calling etcdmain.Main)"),
    Tool(
        "kube-apiserver",
        KUBE_APISERVER,
        f"go build of k8s.io/kubernetes@{KUBE_APISERVER} cmd/kube-apiserver (wrapper module, staging modules replaced)",
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


class ToolBusy(Exception):
    """Another process holds the tool's lock (it is building it right now)."""


@contextlib.contextmanager
def _locked(root: Path, name: str, *, wait: bool = True) -> Iterator[None]:
    """An exclusive lock on `name` across processes: two installs (e.g. the services built in
    the background by `nox -s lint` and a test session needing them) never build one tool
    twice or lose each other's versions.json entries; the second waits for the first (or,
    with `wait=False`, raises ToolBusy)."""
    folder = toolchain_dir(root) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise ToolBusy(name) from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def wait_for(root: Path, name: str) -> None:
    """Return once no process is installing `name` (a background build of a service, say)."""
    with _locked(root, name):
        pass


def _record_version(root: Path, name: str, version: str) -> None:
    with _locked(root, "versions.json"):
        versions = _installed_versions(root)
        versions[name] = version
        path = _versions_file(root)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(versions, indent=2, sort_keys=True) + "\n")
        os.replace(tmp, path)


def tool_path(root: Path, name: str) -> Path:
    """Path of a pinned tool; raises ToolMissingError with the install command if absent or stale."""
    tool = next((t for t in (*TOOLS, *SERVICES) if t.name == name), None)
    if tool is None:
        raise KeyError(name)
    path = bin_dir(root) / name
    installed = _installed_versions(root).get(name)
    if not path.exists() or installed != tool.version:
        state = "missing" if not path.exists() else f"at {installed}, pinned {tool.version}"
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


def status(root: Path, *, services: bool = False) -> list[tuple[str, str, str]]:
    """(name, pinned, installed or 'missing') for every tool (with `services`, also the SERVICES)."""
    installed = _installed_versions(root)
    rows = []
    for tool in (*TOOLS, *SERVICES) if services else TOOLS:
        have = installed.get(tool.name, "missing") if (bin_dir(root) / tool.name).exists() else "missing"
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


def _pip_target(target: Path, requirement: str, *extra: str) -> None:
    """pip-install one requirement without its dependencies into its own folder."""
    _run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", *extra, "--target", str(target), requirement])


def _install_buf(root: Path, work: Path) -> None:
    target = work / "pip"
    _pip_target(target, f"buf-bin=={BUF}")
    candidates = list(target.glob("bin/buf")) + list(target.glob("**/bin/buf"))
    if not candidates:
        raise RuntimeError(f"buf-bin=={BUF} installed no bin/buf under {target}")
    _install_executable(candidates[0], bin_dir(root) / "buf")


def _install_grpcio_tools(root: Path, work: Path) -> None:
    """grpcio-tools without its dependencies: grpc_tools.protoc imports neither protobuf nor grpc.

    Its pip dependencies (protobuf<6 for 1.70) would clash with the shared
    venv's protobuf, so it lives in its own folder, swapped in whole.
    """
    target = work / "grpcio-tools"
    _pip_target(target, f"grpcio-tools=={GRPCIO_TOOLS}", "--no-compile")
    if not (target / "grpc_tools" / "protoc.py").is_file():
        raise RuntimeError(f"grpcio-tools=={GRPCIO_TOOLS} installed no grpc_tools/protoc.py under {target}")
    dest = bin_dir(root) / "grpcio-tools"
    old = bin_dir(root) / "grpcio-tools.old"
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        os.replace(dest, old)
    shutil.move(str(target), str(dest))
    shutil.rmtree(old, ignore_errors=True)


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


_ETCD_MAIN = """package main

import (
\t"os"

\t"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
"""


def _install_etcd(root: Path, work: Path) -> None:
    """Build the pinned etcd server: a wrapper module requiring go.etcd.io/etcd/server/v3 (its own
    replace directives keep `go install ...@version` from working), built with -trimpath."""
    mod = work / "etcdbuild"
    mod.mkdir()
    (mod / "go.mod").write_text(f"module etcdbuild\n\ngo {ETCD_GO_LINE}\n")
    (mod / "main.go").write_text(_ETCD_MAIN)
    env = dict(os.environ, GOFLAGS="-mod=mod", CGO_ENABLED="0")
    _run(["go", "get", f"go.etcd.io/etcd/server/v3@{ETCD}"], env=env, cwd=mod)
    _run(["go", "mod", "tidy"], env=env, cwd=mod)
    _run(["go", "build", "-trimpath", "-o", str(work / "etcd"), "."], env=env, cwd=mod)
    _install_executable(work / "etcd", bin_dir(root) / "etcd")


_KUBE_APISERVER_MAIN = """package main

import (
\t"os"

\t"k8s.io/component-base/cli"
\t"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() { os.Exit(cli.Run(app.NewAPIServerCommand())) }
"""


def _install_kube_apiserver(root: Path, work: Path) -> None:
    """Build the pinned kube-apiserver: k8s.io/kubernetes replaces every staging module with
    ./staging/..., which a consumer cannot see, so the wrapper module replaces each with its
    published version (v0.<minor>.<patch> for v1.<minor>.<patch>). ~6.5 minutes, 2 GB on 2 cores."""
    mod = work / "kasbuild"
    mod.mkdir()
    env = dict(os.environ, GOFLAGS="-mod=mod", CGO_ENABLED="0")
    info = subprocess.run(
        ["go", "mod", "download", "-json", f"k8s.io/kubernetes@{KUBE_APISERVER}"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
    )
    upstream = Path(json.loads(info.stdout)["GoMod"]).read_text()
    staging = sorted({line.split()[0] for line in upstream.splitlines() if "=> ./staging" in line})
    if not staging:
        raise RuntimeError(f"k8s.io/kubernetes@{KUBE_APISERVER}: no staging replace directives in its go.mod")
    published = "v0" + KUBE_APISERVER[2:]
    replaces = "".join(f"\t{m} => {m} {published}\n" for m in staging)
    header = f"module kasbuild\n\ngo {KUBE_GO_LINE}\n\nrequire k8s.io/kubernetes {KUBE_APISERVER}\n\n"
    (mod / "go.mod").write_text(f"{header}replace (\n{replaces})\n")
    (mod / "main.go").write_text(_KUBE_APISERVER_MAIN)
    _run(["go", "mod", "tidy"], env=env, cwd=mod)
    _run(["go", "build", "-trimpath", "-o", str(work / "kube-apiserver"), "."], env=env, cwd=mod)
    _install_executable(work / "kube-apiserver", bin_dir(root) / "kube-apiserver")


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


def _install_tool(root: Path, work: Path, tool: Tool) -> None:
    """Build or fetch one pinned tool into .toolchain/bin."""
    if tool.name == "buf":
        _install_buf(root, work)
    elif tool.name == "protoc":
        _install_maven_exe(
            root,
            work,
            f"com.google.protobuf:protoc:{PROTOC}:exe:linux-x86_64",
            "protoc",
        )
    elif tool.name == "protoc-java":
        _install_maven_exe(
            root,
            work,
            f"com.google.protobuf:protoc:{PROTOC_JAVA}:exe:linux-x86_64",
            "protoc-java",
        )
    elif tool.name == "protoc-gen-grpc-java":
        _install_maven_exe(
            root,
            work,
            f"io.grpc:protoc-gen-grpc-java:{GRPC_JAVA_GENERATOR}:exe:linux-x86_64",
            "protoc-gen-grpc-java",
        )
    elif tool.name == "grpcio-tools":
        _install_grpcio_tools(root, work)
    elif tool.name == "google-java-format.jar":
        coords = f"com.google.googlejavaformat:google-java-format:{GOOGLE_JAVA_FORMAT}:jar:all-deps"
        _install_maven_exe(root, work, coords, tool.name)
    elif tool.name == "protoc-gen-go":
        _install_go(
            root,
            f"google.golang.org/protobuf/cmd/protoc-gen-go@{PROTOC_GEN_GO}",
            tool.name,
        )
    elif tool.name == "etcd":
        _install_etcd(root, work)
    elif tool.name == "kube-apiserver":
        _install_kube_apiserver(root, work)
    elif tool.name == "protoc-gen-go-grpc":
        _install_go(
            root,
            f"google.golang.org/grpc/cmd/protoc-gen-go-grpc@{PROTOC_GEN_GO_GRPC}",
            tool.name,
        )


def install_services(root: Path, *, skip_busy: bool = False, log: bool = True) -> list[str]:
    """Build the SERVICES that are missing or at another version; standard library and `go` only,
    so it runs before any venv exists (`python -m ma_codegen.toolchain services`). With
    `skip_busy`, a service another process is building is left to it: whoever starts the
    service waits for that build (`services.etcd_binary`, `kube_apiserver.kube_apiserver_binary`)."""
    bin_dir(root).mkdir(parents=True, exist_ok=True)
    done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ma-services-") as tmp:
        for tool in SERVICES:
            if _installed_versions(root).get(tool.name) == tool.version and (bin_dir(root) / tool.name).exists():
                continue
            try:
                with _locked(root, tool.name, wait=not skip_busy):
                    if (
                        _installed_versions(root).get(tool.name) == tool.version
                        and (bin_dir(root) / tool.name).exists()
                    ):
                        continue
                    if log:
                        print(f"installing {tool.name} {tool.version} from {tool.source}", file=sys.stderr, flush=True)
                    work = Path(tmp) / tool.name
                    work.mkdir()
                    _install_tool(root, work, tool)
                    _record_version(root, tool.name, tool.version)
                    done.append(f"{tool.name} {tool.version}")
            except ToolBusy:
                if log:
                    print(f"{tool.name}: being built by another process; its users wait for it", file=sys.stderr)
    return done


def install(root: Path, *, log: bool = True, services: bool = False, skip_busy: bool = False) -> list[str]:
    """Install every pinned tool that is missing or at another version (with `services`, also the
    SERVICES the tests start, see `install_services`); returns what was installed."""
    bin_dir(root).mkdir(parents=True, exist_ok=True)
    installed = _installed_versions(root)
    done: list[str] = []

    def say(msg: str) -> None:
        if log:
            print(msg, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="ma-toolchain-") as tmp:
        work = Path(tmp)
        for tool in TOOLS:
            if installed.get(tool.name) == tool.version and (bin_dir(root) / tool.name).exists():
                continue
            with _locked(root, tool.name):
                if _installed_versions(root).get(tool.name) == tool.version and (bin_dir(root) / tool.name).exists():
                    continue  # another process installed it while we waited
                say(f"installing {tool.name} {tool.version} from {tool.source}")
                _install_tool(root, work, tool)
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
    if services:
        done += install_services(root, skip_busy=skip_busy, log=log)
    return done


if __name__ == "__main__":
    # `python -m ma_codegen.toolchain services [ROOT]`: the services alone, before any venv exists
    # (nox -s lint starts it in the background with the bootstrap interpreter).
    if sys.argv[1:2] != ["services"]:
        sys.exit("usage: python -m ma_codegen.toolchain services [ROOT]")
    built = install_services(Path(sys.argv[2]) if len(sys.argv) > 2 else Path.cwd())
    print(f"toolchain: services {'installed: ' + ', '.join(built) if built else 'at pinned versions'}")

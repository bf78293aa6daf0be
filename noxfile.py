"""The one entry point: `nox -s lint generate check tests conformance compat bench` (see README.md).

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
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
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
REQUIREMENTS = sorted(  # a set: the lists share some pins (PyYAML)
    {
        *toolchain.CODEGEN_REQUIREMENTS,
        *toolchain.SERVER_REQUIREMENTS,
        *toolchain.SERVER_TEST_REQUIREMENTS,
        *toolchain.CONFORMANCE_REQUIREMENTS,
        *(f"{name}=={version}" for name, version in toolchain.PYTHON_DEV_TOOLS.items() if name != "jinja2"),
    }
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


# API semantics suites that also run on etcd and on kubernetes (`--server-storage`, see server/tests/conftest.py).
ETCD_SEMANTICS = [
    f"server/tests/{name}"
    for name in (
        "test_api_crud.py",
        "test_api_list.py",
        "test_api_watch.py",
        "test_api_ops.py",
        "test_idempotency.py",
        "http/test_real_http.py",
        "http/test_kubectl.py",
    )
]


# The Kubernetes backend's own tests run in the side lane with the semantics suites on kubernetes.
KUBE_BACKEND_TESTS = "server/tests/test_kubernetes_backend.py"


def _toolchain(session: nox.Session, env: dict[str, str], *, services: bool = False, skip_busy: bool = False) -> None:
    # --services: also etcd and kube-apiserver, which the tests start (built from the Go module proxy
    # once); --skip-busy: one still being built in the background is waited for by its first user.
    extra = (["--services"] if services else []) + (["--skip-busy"] if skip_busy else [])
    session.run(_bin("ma-codegen"), "toolchain", "install", *extra, env=env, external=True)


def _build_services_in_background(session: nox.Session) -> None:
    """Start building the services (etcd and kube-apiserver: minutes of Go builds on 2 cores) now,
    with this interpreter (the builder is standard library and `go`), so the
    sessions after lint find them built. A session needing them runs `toolchain install
    --services` itself, which waits on the per-tool locks while this build holds them (or, with
    --skip-busy, leaves them to it: the harnesses starting a service wait for its build)."""
    log = ROOT / ".nox" / "services-build.log"
    log.parent.mkdir(exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "codegen"))
    with log.open("w") as out:
        subprocess.Popen(
            [sys.executable, "-m", "ma_codegen.toolchain", "services", str(ROOT)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
    session.log(f"building the services in the background (log: {log.relative_to(ROOT)})")


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
    _build_services_in_background(session)  # first: it needs no venv, and takes the longest
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
    for module in ("sdk/go", "conformance/runners/go", "bench/etcdload", "bench/httpload"):
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
    """Codegen, Python SDK, server, Go and Java tests, each in its own runner, in two lanes.

    The server suite (the longest, mostly waiting on servers, etcd and disks) runs here; beside
    it, one after another: the Python SDK, Go, Java, the API semantics suites on etcd, codegen,
    and the semantics suites and the backend's own tests on kubernetes. Each side suite's output
    goes to .nox/tests-<name>.log and its closing lines are printed when it ends; any failure
    fails the session once both lanes are done.
    """
    started = time.monotonic()
    env = _venv(session)
    _toolchain(session, env, services=True, skip_busy=True)
    pytest = [_bin("python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    # The Go and Java client tests start `ma-server` from the shared venv (first on env's PATH).
    beside = [
        CompatRun("sdk-python", "pytest", [*pytest, "sdk/python/tests"], ROOT, env, PYTEST_CLOSING),
        CompatRun("go", "go test", ["go", "test", "-count=1", "./..."], ROOT / "sdk/go", env, GO_CLOSING),
        CompatRun("java", "mvn verify", ["mvn", "-B", "-ntp", "verify"], ROOT / "sdk/java", env, SUREFIRE_CLOSING),
        # The API semantics suites again with the shared servers on a real etcd (the storage
        # suite, the etcd instance and failover tests run on every backend in server/tests).
        CompatRun(
            "server-etcd",
            "pytest --server-storage etcd",
            [*pytest, *ETCD_SEMANTICS, "--server-storage", "etcd"],
            ROOT,
            env,
            PYTEST_CLOSING,
        ),
        # Late in the lane: its CRD tests start a kube-apiserver, whose build (started by lint) may
        # still be finishing on a fresh machine.
        CompatRun("codegen", "pytest", [*pytest, "codegen/tests"], ROOT, env, PYTEST_CLOSING),
        # ...and on a real kube-apiserver holding them as custom resources (server/tests/conftest.py),
        # with the Kubernetes backend's own tests, on the same apiserver.
        CompatRun(
            "server-kubernetes",
            "pytest --server-storage kubernetes",
            [*pytest, *ETCD_SEMANTICS, KUBE_BACKEND_TESTS, "--server-storage", "kubernetes"],
            ROOT,
            env,
            PYTEST_CLOSING,
        ),
    ]
    failed: list[str] = []

    def side_lane() -> list[tuple[CompatRun, int, str, float]]:
        return [_run_compat(run) for run in beside]

    with ThreadPoolExecutor(max_workers=1) as pool:
        lane = pool.submit(side_lane)
        try:
            _pytest(session, env, "server/tests", f"--ignore={KUBE_BACKEND_TESTS}")  # in the side lane
        finally:
            for run, code, output, seconds in lane.result():
                failed += _report_side_run(session, "tests", run, code, output, seconds)
    session.log(f"tests: done in {time.monotonic() - started:.0f} s")
    if failed:
        session.error(f"tests failed: {', '.join(failed)}")


def _report_side_run(
    session: nox.Session, what: str, run: CompatRun, code: int, output: str, seconds: float
) -> list[str]:
    """Log a suite that ran beside the session's own commands; its name when it failed."""
    log = ROOT / ".nox" / f"{what}-{run.name}.log"
    log.write_text(output)
    verdict = "ok" if code == 0 else f"FAILED (exit {code})"  # pytest's 5 (no tests) included
    session.log(f"{what} {run.name} ({run.versions}): {verdict} in {seconds:.0f} s, log {log.relative_to(ROOT)}")
    for line in _closing_lines(output, run.closing):
        print(f"  {line}", flush=True)
    if code == 0:
        return []
    print("\n".join(f"  | {line}" for line in output.splitlines()[-60:]), flush=True)
    return [run.name]


@nox.session(venv_backend="none")
def conformance(session: nox.Session) -> None:
    """Every conformance case through the Python, Go and Java runners against ma-server.

    On SQLite, etcd and kubernetes side by side; writes conformance/out/report.md and junit.xml
    (SQLite) and conformance/out/<storage>/ for the others. Extra arguments replace this
    with one driver run, e.g. `nox -s conformance -- --languages go --cases 'watch/*' -v`
    or `-- --storage etcd`.
    """
    env = _venv(session)
    if session.posargs:
        session.run(_bin("python"), "-m", "conformance.driver", *session.posargs, env=env, external=True)
        return
    _toolchain(session, env, services=True)  # etcd, kube-apiserver
    _pytest(session, env, "conformance/tests")  # the driver's own verdicts, lists and reports
    # Every case on SQLite (reports in conformance/out), etcd and kubernetes side by side (each
    # driver runs its runners' cases against servers of its own; kubernetes: a kube-apiserver per
    # profile, known-failing/storage-kubernetes.txt), the runners built once first. memory://, a
    # development store, is left to the server suites (their shared servers run on it): the CI
    # budget goes to the stores users deploy (`-- --storage memory` runs it).
    session.run(_bin("python"), "-m", "conformance.driver", "--build-only", env=env, external=True)
    driver = [_bin("python"), "-m", "conformance.driver", "--no-build"]
    runs = [
        CompatRun(
            storage,
            f"storage {storage}",
            [
                *driver,
                "--storage",
                storage,
                "--out",
                "conformance/out" + ("" if storage == "sqlite" else f"/{storage}"),
            ],
            ROOT,
            env,
            ("conformance:",),
        )
        for storage in ("sqlite", "etcd", "kubernetes")
    ]
    failed: list[str] = []
    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        for run, code, output, seconds in pool.map(_run_compat, runs):
            failed += _report_side_run(session, "conformance", run, code, output, seconds)
    if failed:
        session.error(f"conformance failed on: {', '.join(failed)}")


@nox.session(venv_backend="none")
def bench(session: nox.Session) -> None:
    """Codegen and server figures, each against a baseline measured in the same run."""
    env = _venv(session)
    _toolchain(session, env, services=True)  # etcd, kube-apiserver
    session.run(_bin("python"), "bench/generate_bench.py", env=env, external=True)
    session.run(_bin("python"), "bench/server_bench.py", env=env, external=True)
    # Get p99 while hostile load runs vs idle, same server and run (issue 10: goal <= 5x).
    session.run(_bin("python"), "bench/hostile_bench.py", env=env, external=True)
    # SQLite group commit, ma-server on etcd vs SQLite, etcd's own ceiling, 1 vs 2 instances (issue 11).
    session.run(_bin("python"), "bench/storage_bench.py", env=env, external=True)
    # ma-server on kubernetes vs direct REST calls to the same kube-apiserver: the proxy's cost (issue 12).
    session.run(_bin("python"), "bench/kube_bench.py", env=env, external=True)
    session.run(_bin("python"), "bench/sdk_bench.py", env=env, external=True)


# --- compat: each SDK's own tests at the floor and the newest of its runtimes -

COMPAT = ROOT / ".nox" / "compat"
# A runtime that starts warning about our gencode's version would warn every
# user at import: make it fail the suite instead (protobuf 7.x does not warn
# about 6.x gencode; 6.x warned about 5.x gencode, see toolchain.py).
PROTOBUF_VERSION_WARNING_IS_ERROR = "error::UserWarning:google.protobuf.runtime_version"


GO_CLOSING = ("ok ", "FAIL", "---", "panic")
PYTEST_CLOSING = ("",)  # see _closing_lines: pytest's own summary is its last line
SUREFIRE_CLOSING = ("[INFO] Tests run:", "[ERROR] Tests run:", "[INFO] BUILD", "[ERROR] BUILD")


@dataclass(frozen=True)
class CompatRun:
    name: str
    versions: str
    cmd: list[str]
    cwd: Path
    env: dict[str, str]
    closing: tuple[str, ...]  # prefixes of the runner's summary lines to print


def _closing_lines(output: str, prefixes: tuple[str, ...]) -> list[str]:
    lines = [line.rstrip() for line in output.splitlines()]
    if prefixes == PYTEST_CLOSING:  # the summary line ("N passed in ...") and what pytest printed before it
        return [line for line in lines[-4:] if line and not set(line) <= set(".sFE[]%0123456789 ")]
    picked = [line for line in lines if line.lstrip().startswith(prefixes)]
    return picked or lines[-5:]


def _python_compat_venv(session: nox.Session, level: str, pins: dict[str, str], wheel: Path) -> Path:
    """A fresh-once venv with exactly `pins`, the built wheel (reinstalled each run) and the test tools."""
    venv = COMPAT / f"python-{level}"
    py = venv / "bin" / "python"
    tools = [f"{name}=={toolchain.PYTHON_DEV_TOOLS[name]}" for name in ("pytest", "hatchling")]
    want = [f"{name}=={version}" for name, version in sorted(pins.items())] + tools
    stamp = venv / "requirements.json"
    if not (py.is_file() and stamp.is_file() and json.loads(stamp.read_text()) == [sys.version, want]):
        shutil.rmtree(venv, ignore_errors=True)
        session.run(sys.executable, "-m", "venv", str(venv), external=True)
        session.run(str(py), "-m", "pip", "install", "--quiet", "pip==25.3", external=True)
        session.run(str(py), "-m", "pip", "install", "--quiet", *want, str(wheel), external=True)
        stamp.write_text(json.dumps([sys.version, want]))
    else:
        # The wheel's own pins are met already; reinstall only the SDK.
        session.run(
            str(py), "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", str(wheel), external=True
        )
    # Prove the venv holds what it claims (pip may not resolve a pin away silently).
    check = "import sys, importlib.metadata as m; sys.exit(0 if all(m.version(n) == v for n, v in {want!r}) else 1)"
    pairs = [(name, version) for name, version in pins.items()]
    session.run(str(py), "-c", check.format(want=pairs), external=True)
    return py


def _run_compat(run: CompatRun) -> tuple[CompatRun, int, str, float]:
    start = time.monotonic()
    proc = subprocess.run(
        run.cmd, cwd=run.cwd, env=run.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    return run, proc.returncode, proc.stdout, time.monotonic() - start


@nox.session(venv_backend="none")
def compat(session: nox.Session) -> None:
    """Each SDK's own test suite, against a real ma-server, at the floor and at the newest runtimes.

    The floors and newest versions are the pinned ranges of codegen/ma_codegen/toolchain.py.
    Python: fresh venvs with exactly those protobuf/grpcio/googleapis-common-protos and the built
    wheel; Java: `mvn verify` with -D<property>=<version>; Go: the module as required (its go.mod
    IS the floor under MVS) and an alternate go.mod with the newest pins `go get`-ed.
    `nox -s compat -- python-floor go-newest` runs only the named parts.
    """
    started = time.monotonic()
    env = _venv(session)
    COMPAT.mkdir(parents=True, exist_ok=True)
    runs: list[CompatRun] = []

    # Java: built once, at the floor (what the published jar is compiled against); the newest
    # run reuses those main classes (-Dmaven.main.skip) on the newest runtimes, as a consumer
    # with newer protobuf-java / grpc-java would. The javadoc and sources jars are not needed.
    java_runs = []
    for level, index in (("floor", 0), ("newest", 1)):
        props = {prop: pair[index] for prop, pair in toolchain.JAVA_RUNTIME_RANGES.items()}
        java_runs.append(
            CompatRun(
                f"java-{level}",
                ", ".join(f"{k}={v}" for k, v in props.items()),
                [
                    "mvn",
                    "-B",
                    "-ntp",
                    f"-Dsdk.build.dir={COMPAT / f'java-{level}'}",
                    *(f"-D{k}={v}" for k, v in props.items()),
                    "-Dmaven.javadoc.skip=true",
                    "-Dmaven.source.skip=true",
                    *(["-Dmaven.main.skip=true"] if level == "newest" else []),
                    "verify",
                ],
                ROOT / "sdk/java",
                env,
                SUREFIRE_CLOSING,
            )
        )
    shutil.rmtree(COMPAT / "java-newest", ignore_errors=True)
    runs.append(java_runs[0])

    # Go: floor = the committed go.mod, read-only (a missing requirement fails, nothing is upgraded).
    go_env = dict(env, GOFLAGS=f"{env.get('GOFLAGS', '')} -mod=readonly".strip(), GOTOOLCHAIN="local")
    floor = ", ".join(f"{m}@{v[0]}" for m, v in toolchain.GO_RUNTIME_RANGES.items())
    runs.append(
        CompatRun(
            "go-floor",
            floor,
            ["go", "test", "-count=1", "./..."],
            ROOT / "sdk/go",
            go_env,
            GO_CLOSING,
        )
    )
    # Go newest: an alternate go.mod (-modfile) so the sources and their relative paths stay put.
    modfile = COMPAT / "go-newest" / "go.mod"
    modfile.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "sdk/go/go.mod", modfile)
    shutil.copyfile(ROOT / "sdk/go/go.sum", modfile.with_suffix(".sum"))
    newest = [f"{m}@{v[1]}" for m, v in toolchain.GO_RUNTIME_RANGES.items()]
    with session.chdir("sdk/go"):
        session.run(
            "go",
            "get",
            f"-modfile={modfile}",
            *newest,
            env=dict(env, GOFLAGS="-mod=mod", GOTOOLCHAIN="local"),
            external=True,
        )
    runs.append(
        CompatRun(
            "go-newest",
            ", ".join(newest),
            ["go", "test", f"-modfile={modfile}", "-count=1", "./..."],
            ROOT / "sdk/go",
            go_env,
            GO_CLOSING,
        )
    )

    # Python: one wheel, two venvs. The tests find ma-server beside their python, else on
    # PATH: the shared venv's bin comes after the compat venv's, so its python does not win.
    dist = COMPAT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run(
        _bin("python"),
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(dist),
        "sdk/python",
        env=env,
        external=True,
    )
    (wheel,) = dist.glob("michelangelo_sdk-*.whl")
    for level, index in (("floor", 0), ("newest", 1)):
        pins = {name: pair[index] for name, pair in toolchain.PYTHON_RUNTIME_RANGES.items()}
        if session.posargs and f"python-{level}" not in session.posargs:
            continue
        py = _python_compat_venv(session, level, pins, wheel)
        py_env = dict(env, PATH=f"{py.parent}{os.pathsep}{env['PATH']}", VIRTUAL_ENV=str(py.parent.parent))
        runs.append(
            CompatRun(
                f"python-{level}",
                ", ".join(f"{k}=={v}" for k, v in pins.items()),
                [
                    str(py),
                    "-m",
                    "pytest",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    "-W",
                    PROTOBUF_VERSION_WARNING_IS_ERROR,
                    "sdk/python/tests",
                ],
                ROOT,
                py_env,
                ("=", "FAILED", "ERROR"),
            )
        )
    names = {r.name for r in runs} | {"java-newest", "python-floor", "python-newest"}
    if session.posargs:
        unknown = set(session.posargs) - names
        if unknown:
            session.error(f"unknown compat parts {sorted(unknown)}")
        # java-newest runs on java-floor's classes, so it brings java-floor along.
        wanted = set(session.posargs) | ({"java-floor"} if "java-newest" in session.posargs else set())
        runs = [r for r in runs if r.name in wanted]
    wanted_java_newest = not session.posargs or "java-newest" in session.posargs

    # Two at a time (the machine has 2 cores); java-newest starts once java-floor has built.
    failed: list[str] = []
    done = 0

    def report(run: CompatRun, code: int, output: str, seconds: float) -> None:
        nonlocal done
        done += 1
        log = COMPAT / f"{run.name}.log"
        log.write_text(output)
        verdict = "ok" if code == 0 else f"FAILED (exit {code})"
        session.log(f"compat {run.name} [{run.versions}]: {verdict} in {seconds:.0f} s, log {log.relative_to(ROOT)}")
        for line in _closing_lines(output, run.closing):
            print(f"  {line}", flush=True)
        if code != 0:  # pytest's 5 (no tests collected) included: any non-zero fails
            failed.append(run.name)
            print("\n".join(f"  | {line}" for line in output.splitlines()[-40:]), flush=True)

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {pool.submit(_run_compat, run): run.name for run in runs}
        while futures:
            finished, _ = wait(futures, return_when=FIRST_COMPLETED)
            for future in finished:
                name = futures.pop(future)
                run, code, output, seconds = future.result()
                report(run, code, output, seconds)
                if name == "java-floor" and wanted_java_newest:
                    if code == 0:
                        newest_classes = COMPAT / "java-newest" / "classes"
                        shutil.copytree(COMPAT / "java-floor" / "classes", newest_classes)
                        futures[pool.submit(_run_compat, java_runs[1])] = "java-newest"
                    else:
                        failed.append("java-newest (not run: java-floor failed)")
    total = done
    session.log(f"compat: {total - len(failed)} of {total} runs passed in {time.monotonic() - started:.0f} s")
    if failed:
        session.error(f"compat failed: {', '.join(failed)}")

"""Shared fixtures: the real project root, scratch copies of it, an in-process CLI runner, and the extended API.

`extended` is one regenerated copy of the project with the API grown the way
a designer would grow it: a 15th resource, FeatureGroup, derived from
Project (test_new_resource.py), and custom methods on ProjectService
(test_custom_methods.py). One copy, so Go and Java compile it once.

Tests that modify files work on a scratch copy: buf.yaml, buf.gen.yaml,
proto/ and the three generated output roots are copied; the installed tools
(.toolchain/bin, .toolchain/include) are symlinked and versions.json copied,
so nothing is reinstalled and the real checkout is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ma_codegen import cli, toolchain
from ma_codegen.descriptors import Image, build_image
from ma_codegen.generate import OUTPUT_ROOTS

REPO_ROOT = Path(__file__).resolve().parents[2]

# (exit code, stdout, stderr) of one in-process `ma-codegen` run.
CliResult = tuple[int, str, str]
Cli = Callable[..., CliResult]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The real checkout; tests only read it."""
    missing = [name for name, pinned, have in toolchain.status(REPO_ROOT) if have != pinned]
    assert not missing, f"tools {missing} not installed in {REPO_ROOT}/.toolchain: run `ma-codegen toolchain install`"
    return REPO_ROOT


@pytest.fixture(scope="session")
def project_template(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pristine scratch copy of the project, made once per session; copy it, never modify it."""
    dest = tmp_path_factory.mktemp("template") / "project"
    dest.mkdir()
    for name in ("buf.yaml", "buf.gen.yaml"):
        shutil.copy2(repo_root / name, dest / name)
    shutil.copytree(repo_root / "proto", dest / "proto")
    for rel in OUTPUT_ROOTS:
        shutil.copytree(repo_root / rel, dest / rel, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    tc = dest / toolchain.TOOLCHAIN_DIR
    tc.mkdir()
    (tc / "bin").symlink_to(toolchain.bin_dir(repo_root).resolve(), target_is_directory=True)
    (tc / "include").symlink_to(toolchain.include_dir(repo_root).resolve(), target_is_directory=True)
    shutil.copy2(toolchain.toolchain_dir(repo_root) / "versions.json", tc / "versions.json")
    return dest


@pytest.fixture
def project(project_template: Path, tmp_path: Path) -> Path:
    """A fresh scratch copy of the project for one test (symlinks to the toolchain kept)."""
    dest = tmp_path / "project"
    shutil.copytree(project_template, dest, symlinks=True)
    return dest


@pytest.fixture
def cli_run(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run `ma-codegen --root ROOT ARGS...` in-process; returns (exit code, stdout, stderr)."""

    def run(root: Path, *args: str) -> CliResult:
        capsys.readouterr()
        code = cli.main(["--root", str(root), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def real_image(repo_root: Path) -> Image:
    """A buf image (with source info) of the real protos."""
    return build_image(repo_root)


@pytest.fixture
def no_git_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the caller's git environment (GIT_DIR, ...) out of git repos the tests create."""
    for key in list(os.environ):
        if key.startswith("GIT_"):
            monkeypatch.delenv(key)
    yield


V2 = "proto/michelangelo/api/v2"

# Project -> FeatureGroup; ordered: longer names first so later rules do not touch earlier results.
RENAMES = [
    ("projects", "featuregroups"),
    ("Projects", "FeatureGroups"),
    ("ResourceQuota", "FeatureGroupQuota"),
    ("Project", "FeatureGroup"),
    ("project", "feature_group"),
    ('"proj"', '"fg"'),
]


def derive_feature_group(text: str) -> str:
    for old, new in RENAMES:
        text = text.replace(old, new)
    # The singular in the resource option must stay one lower-case word.
    return text.replace('singular: "feature_group"', 'singular: "featuregroup"')


NS_PATH = "/apis/michelangelo.api/v2/namespaces/{namespace}/projects/{name}"

# Custom methods of ProjectService, one per idempotency and a server stream.
CUSTOM_RPCS = f"""
  // ArchiveProject marks a project archived, recording the reason. Each call
  // appends an audit entry, so a repeat is not harmless.
  rpc ArchiveProject(ArchiveProjectRequest) returns (Project) {{
    option (google.api.http) = {{
      post: "{NS_PATH}:archive"
      body: "*"
    }};
    option (michelangelo.api.method) = {{idempotency: IDEMPOTENCY_NON_IDEMPOTENT}};
  }}

  // SuspendProject pauses every pipeline of a project; suspending twice is the
  // same as once.
  rpc SuspendProject(SuspendProjectRequest) returns (SuspendProjectResponse) {{
    option (google.api.http) = {{
      post: "{NS_PATH}:suspend"
      body: "*"
    }};
    option (michelangelo.api.method) = {{idempotency: IDEMPOTENCY_IDEMPOTENT}};
  }}

  // CheckProjectQuota reports how much of its quota a project has left.
  rpc CheckProjectQuota(CheckProjectQuotaRequest) returns (CheckProjectQuotaResponse) {{
    option (google.api.http) = {{get: "{NS_PATH}:checkQuota"}};
    option (michelangelo.api.method) = {{idempotency: IDEMPOTENCY_READ_ONLY}};
  }}

  // ListProjectsByOwner returns one page of the projects a team owns. Its name
  // starts like ListProjects and it returns a ProjectList, yet it is a custom
  // method: ma-server keeps serving ListProjects as the standard List.
  rpc ListProjectsByOwner(ListProjectsByOwnerRequest) returns (ProjectList) {{
    option (google.api.http) = {{get: "/apis/michelangelo.api/v2/namespaces/{{namespace}}/projects:byOwner"}};
    option (michelangelo.api.method) = {{idempotency: IDEMPOTENCY_READ_ONLY}};
  }}

  // RunProjectChecks runs a project's health checks and streams each result as
  // it completes.
  rpc RunProjectChecks(RunProjectChecksRequest) returns (stream ProjectCheckResult) {{
    option (google.api.http) = {{
      post: "{NS_PATH}:runChecks"
      body: "*"
    }};
    option (michelangelo.api.method) = {{idempotency: IDEMPOTENCY_IDEMPOTENT}};
  }}
"""

CUSTOM_MESSAGES = """
// ArchiveProjectRequest is the input of ArchiveProject.
message ArchiveProjectRequest {
  // Namespace of the project.
  string namespace = 1;
  // Name of the project.
  string name = 2;
  // Why the project is archived.
  string reason = 3;
}

// SuspendProjectRequest is the input of SuspendProject.
message SuspendProjectRequest {
  // Namespace of the project.
  string namespace = 1;
  // Name of the project.
  string name = 2;
}

// SuspendProjectResponse is the output of SuspendProject.
message SuspendProjectResponse {
  // How many pipelines were paused.
  int32 suspended_pipelines = 1;
}

// CheckProjectQuotaRequest is the input of CheckProjectQuota.
message CheckProjectQuotaRequest {
  // Namespace of the project.
  string namespace = 1;
  // Name of the project.
  string name = 2;
}

// CheckProjectQuotaResponse is the output of CheckProjectQuota.
message CheckProjectQuotaResponse {
  // GPU hours left this month.
  int64 remaining_gpu_hours = 1;
}

// ListProjectsByOwnerRequest is the input of ListProjectsByOwner.
message ListProjectsByOwnerRequest {
  // Namespace of the projects.
  string namespace = 1;
  // The owning team.
  string owning_team = 2;
}

// RunProjectChecksRequest is the input of RunProjectChecks.
message RunProjectChecksRequest {
  // Namespace of the project.
  string namespace = 1;
  // Name of the project.
  string name = 2;
  // How many checks to run.
  int32 count = 3;
}
"""

# A message in a third file of the package: the Python client must import its module too.
CHECK_PROTO = """syntax = "proto3";

package michelangelo.api.v2;

// ProjectCheckResult is one result streamed by RunProjectChecks.
message ProjectCheckResult {
  // Name of the check.
  string name = 1;
  // Whether the check passed.
  bool passed = 2;
}
"""


def add_custom_methods(svc_text: str) -> str:
    """project_svc.proto with CUSTOM_RPCS in ProjectService and their messages."""
    text, n = re.subn(
        r'(import "michelangelo/api/meta.proto";\n)',
        r'\1import "michelangelo/api/options.proto";\nimport "michelangelo/api/v2/project_check.proto";\n',
        svc_text,
    )
    assert n == 1
    start = text.index("service ProjectService {")
    end = text.index("\n}\n", start)
    return text[:end] + "\n" + CUSTOM_RPCS.rstrip("\n") + text[end:] + CUSTOM_MESSAGES


@pytest.fixture(scope="session")
def extended(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with FeatureGroup and ProjectService's custom methods added, linted and regenerated."""
    root = tmp_path_factory.mktemp("extended") / "project"
    root.mkdir()
    for name in ("buf.yaml", "buf.gen.yaml"):
        shutil.copy2(repo_root / name, root / name)
    shutil.copytree(repo_root / "proto", root / "proto")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "target", "*.egg-info")
    for sdk in ("sdk/python", "sdk/go", "sdk/java"):
        shutil.copytree(repo_root / sdk, root / sdk, ignore=ignore)
    shutil.copytree(repo_root / "testdata", root / "testdata")
    tc = root / toolchain.TOOLCHAIN_DIR
    tc.mkdir()
    (tc / "bin").symlink_to(toolchain.bin_dir(repo_root).resolve(), target_is_directory=True)
    (tc / "include").symlink_to(toolchain.include_dir(repo_root).resolve(), target_is_directory=True)
    shutil.copy2(toolchain.toolchain_dir(repo_root) / "versions.json", tc / "versions.json")
    for name in ("project.proto", "project_svc.proto"):
        text = (repo_root / V2 / name).read_text()
        (root / V2 / name.replace("project", "feature_group")).write_text(derive_feature_group(text))
    svc = root / V2 / "project_svc.proto"
    svc.write_text(add_custom_methods(svc.read_text()))
    (root / V2 / "project_check.proto").write_text(CHECK_PROTO)
    cli_cmd = [sys.executable, "-m", "ma_codegen.cli", "--root", str(root)]
    lint = subprocess.run([*cli_cmd, "lint"], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    gen = subprocess.run([*cli_cmd, "generate"], capture_output=True, text=True)
    assert gen.returncode == 0, gen.stdout + gen.stderr
    return root


@pytest.fixture(scope="session")
def java_classpath(extended: Path) -> str:
    """The extended Java SDK built (target/classes) plus its dependencies, as one class path."""
    java = extended / "sdk/java"
    mvn = ["mvn", "-B", "-q", "-ntp"]
    build = subprocess.run([*mvn, "-DskipTests", "package"], cwd=java, capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    classpath = java / "classpath.txt"
    cp = subprocess.run(
        [*mvn, "dependency:build-classpath", f"-Dmdep.outputFile={classpath}"],
        cwd=java,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert cp.returncode == 0, cp.stdout[-4000:] + cp.stderr[-4000:]
    return f"{java / 'target/classes'}:{classpath.read_text().strip()}"

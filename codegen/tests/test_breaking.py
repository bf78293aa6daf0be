"""`ma-codegen breaking`: buf's FILE rules against a git ref or a saved image."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2

Cli = Callable[..., tuple[int, str, str]]

PROJECT = "proto/michelangelo/api/v2/project.proto"
PROJECT_SVC = "proto/michelangelo/api/v2/project_svc.proto"


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=codegen tests",
            "-c",
            "user.email=codegen-tests@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(project: Path, no_git_env: None) -> Path:
    """A scratch copy of the project committed as the only commit of a new git repo."""
    git(project, "init", "-q")
    git(project, "add", "buf.yaml", "buf.gen.yaml", "proto")
    git(project, "commit", "-q", "-m", "baseline")
    return project


def delete_description_field(root: Path) -> None:
    proto = root / PROJECT
    text = proto.read_text()
    new, count = re.subn(
        r"^  // Human-readable description shown in the UI\.\n  string description = 1 .*?\}\];\n",
        "",
        text,
        flags=re.DOTALL | re.MULTILINE,
    )
    assert count == 1
    proto.write_text(new)


def rename_get_project(root: Path) -> None:
    proto = root / PROJECT_SVC
    text = proto.read_text()
    assert text.count("rpc GetProject(GetProjectRequest)") == 1
    proto.write_text(text.replace("rpc GetProject(GetProjectRequest)", "rpc FetchProject(GetProjectRequest)"))


def test_unchanged_tree_has_no_breaking_changes(repo: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(repo, "breaking", "--against", "HEAD")
    assert code == 0, out + err
    assert out == ""
    assert "no breaking changes against HEAD" in err


def test_deleted_field_is_breaking(repo: Path, cli_run: Cli) -> None:
    delete_description_field(repo)
    code, out, err = cli_run(repo, "breaking", "--against", "HEAD")
    assert code == 1, out + err
    assert re.search(
        rf"^{re.escape(PROJECT)}:\d+:\d+: FIELD_NO_DELETE: .*\"description\".*\"ProjectSpec\"", out, re.MULTILINE
    ), out


def test_renamed_rpc_is_breaking(repo: Path, cli_run: Cli) -> None:
    rename_get_project(repo)
    code, out, err = cli_run(repo, "breaking", "--against", "HEAD")
    assert code == 1, out + err
    assert re.search(rf"^{re.escape(PROJECT_SVC)}:\d+:\d+: RPC_NO_DELETE: .*\"GetProject\"", out, re.MULTILINE), out


def test_unknown_ref_is_a_usage_error(repo: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(repo, "breaking", "--against", "no-such-ref")
    assert code == 2
    assert "no-such-ref" in err
    assert out == ""


def test_breaking_against_saved_image(project: Path, tmp_path: Path, cli_run: Cli) -> None:
    image = tmp_path / "old.binpb"
    code, out, err = cli_run(project, "image", "-o", str(image))
    assert code == 0, out + err
    fds = descriptor_pb2.FileDescriptorSet.FromString(image.read_bytes())
    assert "michelangelo/api/v2/project.proto" in {f.name for f in fds.file}

    code, out, err = cli_run(project, "breaking", "--against", str(image))
    assert code == 0, out + err

    delete_description_field(project)
    rename_get_project(project)
    code, out, err = cli_run(project, "breaking", "--against", str(image))
    assert code == 1, out + err
    rules = re.findall(r"^\S+:\d+:\d+: ([A-Z_]+): ", out, re.MULTILINE)
    assert sorted(rules) == ["FIELD_NO_DELETE", "RPC_NO_DELETE"], out

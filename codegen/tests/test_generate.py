"""`ma-codegen generate` and `check`: deterministic, atomic, a cheap no-op, and drift detection."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ma_codegen import toolchain
from ma_codegen.generate import OUTPUT_ROOTS

Cli = Callable[..., tuple[int, str, str]]

PROJECT = "proto/michelangelo/api/v2/project.proto"
GO_FILE = "sdk/go/gen/michelangelo/api/v2/project.pb.go"
PY_STRAY = "sdk/python/src/michelangelo/api/v2/stray_pb2.py"
JAVA_FILE = "sdk/java/src/generated/java/ai/michelangelo/api/v2/ProjectSpec.java"
PY_PROJECT = "sdk/python/src/michelangelo/api/v2/project_pb2.pyi"


def tree_hash(root: Path) -> str:
    """One hash over relative path and content of every file under the output roots."""
    digest = hashlib.sha256()
    for rel in OUTPUT_ROOTS:
        for path in sorted((root / rel).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def scratch_dirs(root: Path) -> list[Path]:
    tmp = toolchain.toolchain_dir(root) / "tmp"
    return sorted(tmp.glob("generate-*")) if tmp.is_dir() else []


def change_a_comment(root: Path) -> None:
    """An edit that changes generated code (doc comments are copied into the SDKs)."""
    proto = root / PROJECT
    text = proto.read_text()
    old = "// Human-readable description shown in the UI."
    assert text.count(old) == 1
    proto.write_text(text.replace(old, "// Free-text description shown in the UI."))


def private_bin(root: Path, *, drop: str = "", replace: dict[str, str] | None = None) -> None:
    """Make the copy's .toolchain/bin a real folder of symlinks to the installed tools.

    `drop` leaves one tool out; `replace` swaps tools for shell scripts.
    """
    bin_dir = toolchain.bin_dir(root)
    installed = bin_dir.resolve()
    bin_dir.unlink()
    bin_dir.mkdir()
    for tool in toolchain.TOOLS:
        if tool.name == drop:
            continue
        target = bin_dir / tool.name
        if replace and tool.name in replace:
            target.write_text(replace[tool.name])
            target.chmod(0o755)
        else:
            target.symlink_to(installed / tool.name)


def test_generate_is_deterministic(project: Path, cli_run: Cli) -> None:
    committed = tree_hash(project)
    code, out, err = cli_run(project, "generate", "--force")
    assert code == 0, out + err
    assert "0 changed, 0 added, 0 removed" in err, err
    first = tree_hash(project)

    code, out, err = cli_run(project, "generate", "--force")
    assert code == 0, out + err
    assert "0 changed, 0 added, 0 removed" in err, err
    assert tree_hash(project) == first == committed

    code, out, err = cli_run(project, "generate")
    assert code == 0, out + err
    assert "up to date" in err
    assert tree_hash(project) == first


def test_noop_generate_is_fast(project: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(project, "generate")
    assert code == 0, out + err
    assert "up to date" not in err, "a copy without a stamp must render"

    start = time.perf_counter()
    code, out, err = cli_run(project, "generate")
    took = time.perf_counter() - start
    assert code == 0, out + err
    assert "up to date" in err
    assert took < 1.0, f"no-op generate took {took:.2f} s"


def test_generate_reruns_when_a_proto_changes(project: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(project, "generate")
    assert code == 0, out + err
    change_a_comment(project)

    code, out, err = cli_run(project, "generate")

    assert code == 0, out + err
    assert "up to date" not in err
    counts = re.search(r"(\d+) changed, (\d+) added, (\d+) removed", err)
    assert counts is not None and int(counts[1]) > 0, err
    assert "Free-text description" in (project / PY_PROJECT).read_text()
    assert "Human-readable description" not in (project / PY_PROJECT).read_text()


def test_generate_repairs_edited_output(project: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(project, "generate")
    assert code == 0, out + err
    clean = tree_hash(project)
    with (project / GO_FILE).open("a") as f:
        f.write("// hand edit\n")

    code, out, err = cli_run(project, "generate")

    assert code == 0, out + err
    assert "1 changed, 0 added, 0 removed" in err, err
    assert tree_hash(project) == clean


FAILURES = {
    "syntax-error": "proto",
    "plugin-fails": "plugin",
    "plugin-writes-outside-roots": "outside",
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_failed_generate_leaves_outputs_untouched(failure: str, project: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(project, "generate")
    assert code == 0, out + err
    before = tree_hash(project)
    # A real change first, so a partial swap would show in the hash.
    change_a_comment(project)
    kind = FAILURES[failure]
    if kind == "proto":
        with (project / PROJECT).open("a") as f:
            f.write("\nmessage Broken {\n  string name = 1\n")
    elif kind == "plugin":
        private_bin(
            project,
            replace={"protoc-gen-grpc-java": "#!/bin/sh\necho 'grpc-java exploded' >&2\nexit 1\n"},
        )
    else:
        gen = project / "buf.gen.yaml"
        text = gen.read_text()
        assert text.count("\ninputs:\n") == 1
        stray = "  - protoc_builtin: python\n    protoc_path: .toolchain/bin/protoc\n    out: sdk/elsewhere\n"
        gen.write_text(text.replace("\ninputs:\n", "\n" + stray + "inputs:\n"))

    code, out, err = cli_run(project, "generate", "--force")

    assert code == 2, out + err
    assert err.startswith("ma-codegen generate: "), err
    reason = {
        "proto": "project.proto:",
        "plugin": "grpc-java exploded",
        "outside": "outside the generated roots",
    }[kind]
    assert reason in err, err
    assert tree_hash(project) == before
    assert not (project / "sdk/elsewhere").exists()
    assert scratch_dirs(project) == []


def test_check_real_repo_is_current(repo_root: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(repo_root, "check")
    assert code == 0, out + err
    assert "up to date" in err


def check_sections(out: str) -> dict[str, list[str]]:
    """{heading: paths} from check's summary (`N heading:` followed by indented paths)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in out.splitlines():
        heading = re.match(r"^\d+ (.+):$", line)
        if heading:
            current = sections.setdefault(heading[1], [])
        elif line.startswith("  ") and current is not None:
            current.append(line.strip())
        else:
            current = None
    return sections


def test_check_reports_drift(project: Path, cli_run: Cli) -> None:
    before = tree_hash(project)
    with (project / GO_FILE).open("a") as f:
        f.write("// hand edit\n")
    (project / PY_STRAY).write_text("# not generated\n")
    java = project / JAVA_FILE
    assert java.is_file()
    java.unlink()
    edited = tree_hash(project)
    assert edited != before

    code, out, err = cli_run(project, "check")

    assert code == 1, out + err
    assert check_sections(out) == {
        "changed": [GO_FILE],
        "missing (would be added)": [JAVA_FILE],
        "stale (would be removed)": [PY_STRAY],
    }, out
    assert "+// hand edit" not in out and "-// hand edit" in out  # the sample diff shows the edit
    assert tree_hash(project) == edited, "check must not write"
    assert scratch_dirs(project) == []


@pytest.mark.parametrize("command", ["generate", "check"])
def test_missing_tool_is_one_line(command: str, project: Path) -> None:
    private_bin(project, drop="protoc-gen-go")
    before = tree_hash(project)
    proc = subprocess.run(
        [sys.executable, "-m", "ma_codegen.cli", "--root", str(project), command],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert "protoc-gen-go " in lines[0]
    assert "ma-codegen toolchain install" in lines[0]
    assert proc.stdout == ""
    assert tree_hash(project) == before

"""Shared fixtures: the real project root, scratch copies of it, and an in-process CLI runner.

Tests that modify files work on a scratch copy: buf.yaml, buf.gen.yaml,
proto/ and the three generated output roots are copied; the installed tools
(.toolchain/bin, .toolchain/include) are symlinked and versions.json copied,
so nothing is reinstalled and the real checkout is never touched.
"""

from __future__ import annotations

import os
import shutil
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

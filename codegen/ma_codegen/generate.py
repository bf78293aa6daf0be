"""`ma-codegen generate` and `check`: run buf generate into a temp dir, then swap it in.

The generated trees below are owned entirely by codegen (never edit them):
a run renders everything into a scratch folder first, and only when every
plugin succeeded does it replace each owned root with one directory rename,
so a failed run leaves the previous output untouched. A stamp with the hash
of every input and of the current output lets a no-op run return at once.
"""

from __future__ import annotations

import difflib
import filecmp
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ma_codegen import toolchain
from ma_codegen.formatting import FORMAT_CACHE_ENV, prune_format_cache
from ma_codegen.project import CodegenError, run_buf

# Output roots owned by codegen, relative to the project root.
OUTPUT_ROOTS = (
    "sdk/python/src/michelangelo/api",
    "sdk/go/gen",
    "sdk/java/src/generated/java",
    "server/ma_server/crds",
)
STAMP = "generate.stamp.json"
CODEGEN_PACKAGE = Path(__file__).resolve().parent


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(".pyc")
    )


def _hash_tree(base: Path, folders: list[Path]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in _files(folder):
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def input_hash(root: Path) -> str:
    """Hash of everything the output depends on: protos, buf config, codegen code, pins, includes."""
    digest = hashlib.sha256()
    for name in ("buf.yaml", "buf.gen.yaml"):
        digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    digest.update(_hash_tree(root, [root / "proto", toolchain.include_dir(root)]).encode())
    digest.update(_hash_tree(CODEGEN_PACKAGE, [CODEGEN_PACKAGE]).encode())
    versions = toolchain.toolchain_dir(root) / "versions.json"
    digest.update(versions.read_bytes() if versions.is_file() else b"")
    return digest.hexdigest()


def output_hash(root: Path) -> str:
    return _hash_tree(root, [root / r for r in OUTPUT_ROOTS])


def _check_tools(root: Path) -> None:
    for tool in toolchain.TOOLS:
        toolchain.tool_path(root, tool.name)
    toolchain.check_includes(root)


def format_cache_dir(root: Path) -> Path:
    return toolchain.toolchain_dir(root) / "format-cache"


def render(root: Path, dest: Path, *, format_cache: bool = False) -> None:
    """Run every plugin of buf.gen.yaml with outputs under `dest` (same relative layout).

    With `format_cache` our plugins reuse formatter results of earlier runs
    (see ma_codegen.formatting); `check` never does, so it verifies from scratch.
    """
    _check_tools(root)
    env = {FORMAT_CACHE_ENV: str(format_cache_dir(root))} if format_cache else {FORMAT_CACHE_ENV: ""}
    run_buf(root, ["generate", "--template", "buf.gen.yaml", "-o", str(dest)], check=True, env=env)
    owned = [dest / r for r in OUTPUT_ROOTS]
    for path in _files(dest):
        if not any(path.is_relative_to(o) for o in owned):
            raise CodegenError(
                f"a plugin wrote {path.relative_to(dest)} outside the generated roots {', '.join(OUTPUT_ROOTS)}"
            )


@dataclass
class Diff:
    """Differences between two generated trees, by path relative to the project root."""

    added: list[str] = field(default_factory=list)  # would be created
    removed: list[str] = field(default_factory=list)  # stale in the repo
    changed: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        lines = []
        for title, items in (
            ("changed", self.changed),
            ("missing (would be added)", self.added),
            ("stale (would be removed)", self.removed),
        ):
            if items:
                lines.append(f"{len(items)} {title}:")
                lines.extend(f"  {p}" for p in items[:50])
                if len(items) > 50:
                    lines.append(f"  ... and {len(items) - 50} more")
        return "\n".join(lines)


def compare(root: Path, fresh: Path) -> Diff:
    diff = Diff()
    for rel_root in OUTPUT_ROOTS:
        have = {p.relative_to(root).as_posix() for p in _files(root / rel_root)}
        want = {p.relative_to(fresh).as_posix() for p in _files(fresh / rel_root)}
        diff.added.extend(sorted(want - have))
        diff.removed.extend(sorted(have - want))
        for rel in sorted(have & want):
            if not filecmp.cmp(root / rel, fresh / rel, shallow=False):
                diff.changed.append(rel)
    return diff


def unified(root: Path, fresh: Path, rel: str, limit: int = 40) -> str:
    old = (root / rel).read_text(errors="replace").splitlines(keepends=True)
    new = (fresh / rel).read_text(errors="replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(old, new, f"committed/{rel}", f"generated/{rel}"))
    return "".join(lines[:limit])


@dataclass
class Result:
    up_to_date: bool
    diff: Diff


def _scratch(root: Path) -> Path:
    base = toolchain.toolchain_dir(root) / "tmp"
    base.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="generate-", dir=base))


def _swap_in(root: Path, fresh: Path, trash: Path) -> None:
    """Replace each owned root with its fresh copy by renames; undo all on any failure."""
    swapped: list[tuple[Path, Path | None]] = []
    try:
        for i, rel in enumerate(OUTPUT_ROOTS):
            target = root / rel
            new = fresh / rel
            new.mkdir(parents=True, exist_ok=True)
            old: Path | None = None
            if target.exists():
                old = trash / str(i)
                os.replace(target, old)
            target.parent.mkdir(parents=True, exist_ok=True)
            swapped.append((target, old))
            os.replace(new, target)
    except OSError:
        for target, old in reversed(swapped):
            if target.exists() and old is not None and old.exists():
                shutil.rmtree(target)
            if old is not None and old.exists():
                os.replace(old, target)
        raise


def generate(root: Path, *, force: bool = False) -> Result:
    """Regenerate every owned root; a no-op when inputs and outputs match the last stamp."""
    _check_tools(root)
    stamp_path = toolchain.toolchain_dir(root) / STAMP
    inputs = input_hash(root)
    if not force and stamp_path.is_file():
        try:
            stamp = json.loads(stamp_path.read_text())
        except ValueError:
            stamp = {}
        if stamp.get("inputs") == inputs and stamp.get("outputs") == output_hash(root):
            return Result(True, Diff())
    scratch = _scratch(root)
    try:
        fresh = scratch / "out"
        render(root, fresh, format_cache=True)
        prune_format_cache(format_cache_dir(root))
        diff = compare(root, fresh)
        if not diff.empty():
            trash = scratch / "old"
            trash.mkdir()
            _swap_in(root, fresh, trash)
        tmp = stamp_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"inputs": inputs, "outputs": output_hash(root)}, indent=2) + "\n")
        os.replace(tmp, stamp_path)
        return Result(False, diff)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def check(root: Path) -> tuple[Diff, str]:
    """Regenerate into a scratch dir and compare with the committed output; returns (diff, sample)."""
    scratch = _scratch(root)
    try:
        fresh = scratch / "out"
        render(root, fresh)
        diff = compare(root, fresh)
        sample = "".join(unified(root, fresh, rel) for rel in diff.changed[:3])
        return diff, sample
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

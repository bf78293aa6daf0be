"""`ma-codegen breaking --against REF`: buf breaking (FILE category) against a git ref or a saved image."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ma_codegen import toolchain
from ma_codegen.project import CodegenError, run_buf

IMAGE_SUFFIXES = (".binpb", ".bin", ".json", ".txtpb")
# Images and checks cover only our module: the workspace also has the
# .toolchain/include module, and buf refuses to compare a two-module workspace
# with a one-image file ("input contained 2 images, whereas against contained 1").
MODULE = ["proto"]


def _image_from_git(root: Path, ref: str, dest: Path) -> Path:
    """Build an image of the protos as they were at `ref`.

    The old tree is exported with `git archive` and given today's
    .toolchain/include (the google/api protos are never in git), then built.
    """
    proc = subprocess.run(
        ["git", "archive", "--format=tar", ref, "--", "buf.yaml", "proto"],
        cwd=root,
        capture_output=True,
    )
    if proc.returncode != 0:
        raise CodegenError(f"cannot read buf.yaml and proto/ at git ref {ref!r}: {proc.stderr.decode().strip()}")
    old = dest / "old"
    old.mkdir()
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
        tar.extractall(old, filter="data")
    shutil.copytree(toolchain.include_dir(root), old / toolchain.TOOLCHAIN_DIR / "include")
    image = dest / "against.binpb"
    buf = toolchain.tool_path(root, "buf")
    built = subprocess.run([str(buf), "build", *MODULE, "-o", str(image)], cwd=old, capture_output=True, text=True)
    if built.returncode != 0:
        raise CodegenError(f"buf build of {ref} failed:\n{built.stderr.strip()}")
    return image


def breaking(root: Path, against: str) -> tuple[bool, list[str]]:
    """(ok, problems as `file:line:col: RULE: message`)."""
    with tempfile.TemporaryDirectory(prefix="ma-breaking-") as tmp:
        path = Path(against)
        if path.suffix in IMAGE_SUFFIXES and (path.is_file() or (root / path).is_file()):
            image = path if path.is_file() else root / path
        else:
            image = _image_from_git(root, against, Path(tmp))
        proc = run_buf(root, ["breaking", *MODULE, "--against", str(image), "--error-format", "json"])
    if proc.returncode == 0:
        return True, []
    problems = []
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            problems.append(line)
            continue
        problems.append(
            f"{item.get('path', '?')}:{item.get('start_line', 1)}:{item.get('start_column', 1)}: "
            f"{item.get('type', 'BREAKING')}: {item.get('message', '')}"
        )
    if not problems:
        raise CodegenError(proc.stderr.strip() or f"buf breaking exited {proc.returncode}")
    return False, problems


def save_image(root: Path, out: Path) -> None:
    """Write the current API as a buf image (for `breaking --against` in later releases)."""
    run_buf(root, ["build", *MODULE, "-o", str(out)], check=True)

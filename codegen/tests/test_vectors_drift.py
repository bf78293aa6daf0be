"""The cross-language test vectors: deterministic, complete, and equal to what is committed."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from google.protobuf import message

from ma_codegen import vectors
from ma_codegen.descriptors import Image


@pytest.fixture(scope="module")
def built() -> list[tuple[str, message.Message]]:
    return vectors.build()


def resource_kinds(image: Image) -> list[str]:
    """Every message carrying the (michelangelo.api.resource) option, read from the protos."""
    return [m.name for f in image.checked_files() for m in f.message_type if image.message_option(m) is not None]


def test_build_is_deterministic(built: list[tuple[str, message.Message]]) -> None:
    again = vectors.build()
    assert [n for n, _ in again] == [n for n, _ in built]
    for (name, a), (_, b) in zip(built, again, strict=True):
        assert a.SerializeToString(deterministic=True) == b.SerializeToString(deterministic=True), name
        assert vectors.to_json(a) == vectors.to_json(b), name


def json_digest(built: list[tuple[str, message.Message]]) -> str:
    return hashlib.sha256("".join(vectors.to_json(m) for _, m in built).encode()).hexdigest()


DIGEST_SCRIPT = (
    "import hashlib\n"
    "from ma_codegen import vectors\n"
    "print(hashlib.sha256(''.join(vectors.to_json(m) for _, m in vectors.build()).encode()).hexdigest())\n"
)


def test_json_is_the_same_in_every_process(built: list[tuple[str, message.Message]]) -> None:
    """Map iteration order of upb changes per process; the JSON text must not."""
    procs = [
        subprocess.Popen([sys.executable, "-c", DIGEST_SCRIPT], stdout=subprocess.PIPE, text=True) for _ in range(3)
    ]
    digests = {p.communicate()[0].strip() for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert digests == {json_digest(built)}


def test_vectors_cover_every_resource(built: list[tuple[str, message.Message]], real_image: Image) -> None:
    kinds = resource_kinds(real_image)
    # The API has 14 resources; the floor keeps this test from passing on an empty list.
    assert len(kinds) >= 14, kinds
    names = [n for n, _ in built]
    assert len(names) == len(set(names)), "duplicate vector names"
    for kind in kinds:
        for name in (kind, f"{kind}.minimal", f"{kind}List", f"{kind}WatchEvent"):
            assert name in names, f"no vector {name}"
    by_name = dict(built)
    for kind in kinds:
        assert by_name[kind].DESCRIPTOR.name == kind
        assert by_name[kind].HasField("spec")
        assert by_name[kind].HasField("status")
        assert len(by_name[f"{kind}List"].items) == 2  # type: ignore[attr-defined]


def test_committed_vectors_match_build(repo_root: Path, built: list[tuple[str, message.Message]]) -> None:
    folder = repo_root / vectors.VECTORS_DIR
    expected_files = {"manifest.json"}
    for name, msg in built:
        expected_files |= {f"{name}.binpb", f"{name}.json"}
        binary = (folder / f"{name}.binpb").read_bytes()
        assert binary == msg.SerializeToString(deterministic=True), f"{name}.binpb drifted: run `ma-codegen vectors`"
        text = (folder / f"{name}.json").read_text(encoding="utf-8")
        assert text == vectors.to_json(msg), f"{name}.json drifted: run `ma-codegen vectors`"
    assert {p.name for p in folder.iterdir()} == expected_files, "stale or missing vector files"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest == {"vectors": [{"name": n, "type": m.DESCRIPTOR.full_name} for n, m in built]}

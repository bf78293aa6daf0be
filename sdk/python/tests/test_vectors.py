"""The Python bindings reproduce the shared vectors: binary byte for byte, JSON value for value."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import descriptor_pool, json_format, message, message_factory

import michelangelo.api
import michelangelo.api.v2

VECTORS = Path(__file__).resolve().parents[3] / "testdata" / "vectors"
MANIFEST = json.loads((VECTORS / "manifest.json").read_text())["vectors"]

for _pkg in (michelangelo.api, michelangelo.api.v2):
    for _info in pkgutil.iter_modules(_pkg.__path__):
        if _info.name.endswith("_pb2"):
            importlib.import_module(f"{_pkg.__name__}.{_info.name}")


def _message_class(full_name: str) -> type[message.Message]:
    desc = descriptor_pool.Default().FindMessageTypeByName(full_name)
    return message_factory.GetMessageClass(desc)


def test_manifest_covers_every_resource() -> None:
    names = {v["name"] for v in MANIFEST}
    assert len(MANIFEST) >= 50
    for kind in (
        "Project",
        "Model",
        "ModelFamily",
        "Pipeline",
        "PipelineRun",
        "Deployment",
        "InferenceServer",
        "Revision",
        "TriggerRun",
        "Cluster",
        "RayCluster",
        "RayJob",
        "SparkJob",
        "CachedOutput",
    ):
        assert {kind, f"{kind}List", f"{kind}WatchEvent", f"{kind}.minimal"} <= names


@pytest.mark.parametrize("vector", MANIFEST, ids=[v["name"] for v in MANIFEST])
def test_vector_round_trip(vector: dict[str, Any]) -> None:
    cls = _message_class(vector["type"])
    binary = (VECTORS / f"{vector['name']}.binpb").read_bytes()
    text = (VECTORS / f"{vector['name']}.json").read_text(encoding="utf-8")

    from_binary = cls.FromString(binary)
    assert from_binary.SerializeToString(deterministic=True) == binary

    from_json = json_format.Parse(text, cls())
    assert from_json == from_binary

    printed = json.loads(json_format.MessageToJson(from_binary))
    assert printed == json.loads(text)

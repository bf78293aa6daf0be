"""`ma-codegen vectors`: write the shared cross-language test vectors.

Every resource message (found through the `(michelangelo.api.resource)`
option, so a new resource gets a vector without code here) is filled
deterministically: every field set, maps with unsorted keys, int64 beyond
2^53, unicode, bytes, timestamps with and without nanos. Each vector is
written as binary (deterministic serialization) and as proto3 JSON; the
Python, Go and Java tests parse both and must reproduce the binary byte for
byte and the JSON value for value.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import tempfile
from pathlib import Path
from typing import Any

from google.protobuf import descriptor, json_format, message
from google.protobuf.descriptor import FieldDescriptor as FD

API_PACKAGES = ("michelangelo.api", "michelangelo.api.v2")
VECTORS_DIR = "testdata/vectors"
MAX_DEPTH = 5
TIMESTAMP_SECONDS = 1764072000  # 2025-11-25T12:00:00Z


def load_api_modules() -> list[Any]:
    mods = []
    for pkg_name in API_PACKAGES:
        pkg = importlib.import_module(pkg_name)
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
            if info.name.endswith("_pb2"):
                mods.append(importlib.import_module(f"{pkg_name}.{info.name}"))
    return mods


def resource_kinds(mods: list[Any]) -> list[type[message.Message]]:
    from michelangelo.api import options_pb2

    found = []
    for mod in mods:
        for name in sorted(mod.DESCRIPTOR.message_types_by_name):
            cls = getattr(mod, name)
            if cls.DESCRIPTOR.GetOptions().HasExtension(options_pb2.resource):
                found.append(cls)
    return found


def _scalar(field: descriptor.FieldDescriptor, seed: int) -> Any:
    t = field.type
    if t == FD.TYPE_STRING:
        return f"{field.name}-{seed}-é✓" if seed % 3 == 0 else f"{field.name}-{seed}"
    if t == FD.TYPE_BYTES:
        return bytes([0, 1, seed % 256]) + b"binary\xff"
    if t == FD.TYPE_BOOL:
        return True
    if t in (FD.TYPE_DOUBLE,):
        return 0.25 + seed
    if t in (FD.TYPE_FLOAT,):
        return 0.5 + seed
    if t in (FD.TYPE_INT64, FD.TYPE_SINT64, FD.TYPE_SFIXED64):
        return 2**53 + 1 + seed if seed % 2 else -(2**40) - seed
    if t in (FD.TYPE_UINT64, FD.TYPE_FIXED64):
        return 2**63 + seed
    if t in (FD.TYPE_INT32, FD.TYPE_SINT32, FD.TYPE_SFIXED32):
        return -7 - seed if seed % 2 else 7 + seed
    if t in (FD.TYPE_UINT32, FD.TYPE_FIXED32):
        return 4_000_000_000 + seed
    if t == FD.TYPE_ENUM:
        assert field.enum_type is not None
        values = field.enum_type.values
        return values[-1 - seed % max(1, len(values) - 1)].number
    raise TypeError(f"no value for {field.full_name} of type {t}")


def fill(msg: message.Message, depth: int = 0, seed: int = 1) -> None:
    """Set every field of `msg` (first member of each oneof) to a deterministic value."""
    desc: Any = msg.DESCRIPTOR
    full = desc.full_name
    if full == "google.protobuf.Timestamp":
        msg.seconds = TIMESTAMP_SECONDS + seed  # type: ignore[attr-defined]
        msg.nanos = 500_000_000 if seed % 2 else 0  # type: ignore[attr-defined]
        return
    if full == "google.protobuf.Duration":
        msg.seconds = 90 + seed  # type: ignore[attr-defined]
        return
    if full.startswith("google.protobuf."):
        return  # other well-known types are left empty
    fields: list[descriptor.FieldDescriptor] = list(desc.fields)
    for i, field in enumerate(fields):
        s = seed + i
        if field.containing_oneof is not None and field.containing_oneof.fields[0] is not field:
            continue
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            key_f = field.message_type.fields_by_name["key"]
            val_f = field.message_type.fields_by_name["value"]
            target = getattr(msg, field.name)
            for k, key in enumerate(("zeta", "alpha", "mid.example.com/key")):
                key_v: Any = key if key_f.type == FD.TYPE_STRING else _scalar(key_f, s + k)
                if val_f.message_type is not None:
                    if depth < MAX_DEPTH:
                        fill(target[key_v], depth + 1, s + k)
                else:
                    target[key_v] = _scalar(val_f, s + k)
            continue
        if field.message_type is not None:
            if depth >= MAX_DEPTH:
                continue
            if field.is_repeated:
                container = getattr(msg, field.name)
                for k in range(2):
                    fill(container.add(), depth + 1, s + k)
            else:
                fill(getattr(msg, field.name), depth + 1, s)
            continue
        if field.is_repeated:
            getattr(msg, field.name).extend([_scalar(field, s), _scalar(field, s + 1)])
        else:
            setattr(msg, field.name, _scalar(field, s))


def _identity(obj: message.Message, kind: str, name: str) -> None:
    """Give a resource a Kubernetes-valid identity so its JSON is a real manifest."""
    obj.api_version = "michelangelo.api/v2"  # type: ignore[attr-defined]
    obj.kind = kind  # type: ignore[attr-defined]
    meta = obj.metadata  # type: ignore[attr-defined]
    meta.name = name
    meta.namespace = "demo"
    meta.resource_version = "42"
    meta.uid = "0b8e2f4a-6a55-4c57-9c39-3b0f6b1c8e21"


def build() -> list[tuple[str, message.Message]]:
    """(vector name, message) for every vector, in a stable order."""
    from michelangelo.api import list_pb2, meta_pb2

    mods = load_api_modules()
    vectors: list[tuple[str, message.Message]] = []
    for cls in resource_kinds(mods):
        kind = cls.DESCRIPTOR.name
        obj = cls()
        fill(obj)
        _identity(obj, kind, f"example-{kind.lower()}")
        vectors.append((f"{kind}", obj))
        minimal = cls()
        _identity(minimal, kind, f"minimal-{kind.lower()}")
        minimal.ClearField("spec")
        vectors.append((f"{kind}.minimal", minimal))
        module = importlib.import_module(cls.__module__)
        lst = getattr(module, f"{kind}List")(api_version="michelangelo.api/v2", kind=f"{kind}List")
        lst.metadata.CopyFrom(meta_pb2.ListMeta(resource_version="43", continue_token="opaque-token=="))
        lst.items.add().CopyFrom(obj)
        lst.items.add().CopyFrom(minimal)
        vectors.append((f"{kind}List", lst))
        event = getattr(module, f"{kind}WatchEvent")(type=list_pb2.MODIFIED)
        event.object.CopyFrom(obj)
        vectors.append((f"{kind}WatchEvent", event))
    opts = list_pb2.ListOptions()
    fill(opts)
    vectors.append(("ListOptions", opts))
    return vectors


def _sort_maps(desc: Any, obj: Any) -> Any:
    """Put the entries of every map in `obj` (the JSON form of a `desc` message) in key order.

    upb iterates maps in a per-process hash order, so without this the JSON
    of the same message differs from run to run.
    """
    if not isinstance(obj, dict) or desc.full_name.startswith("google.protobuf."):
        return obj
    for field in desc.fields:
        kind = field.message_type
        if kind is None or field.json_name not in obj:
            continue
        value = obj[field.json_name]
        if kind.GetOptions().map_entry:
            val_t = kind.fields_by_name["value"].message_type
            obj[field.json_name] = {k: _sort_maps(val_t, v) if val_t else v for k, v in sorted(value.items())}
        elif field.is_repeated:
            obj[field.json_name] = [_sort_maps(kind, v) for v in value]
        else:
            obj[field.json_name] = _sort_maps(kind, value)
    return obj


def to_json(msg: message.Message) -> str:
    """Proto3 JSON of `msg`, the same text on every run (map entries sorted by key)."""
    obj = _sort_maps(msg.DESCRIPTOR, json_format.MessageToDict(msg))
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def write(root: Path) -> int:
    """Write all vectors and manifest.json into testdata/vectors atomically; returns the count."""
    target = root / VECTORS_DIR
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".vectors-", dir=target.parent))
    try:
        manifest = []
        for name, msg in build():
            (scratch / f"{name}.binpb").write_bytes(msg.SerializeToString(deterministic=True))
            (scratch / f"{name}.json").write_text(to_json(msg), encoding="utf-8")
            manifest.append({"name": name, "type": msg.DESCRIPTOR.full_name})
        (scratch / "manifest.json").write_text(json.dumps({"vectors": manifest}, indent=2) + "\n")
        old = target.with_name(target.name + ".old")
        if target.exists():
            os.replace(target, old)
        os.replace(scratch, target)
        shutil.rmtree(old, ignore_errors=True)
        return len(manifest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

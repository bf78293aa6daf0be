"""Minimal valid manifests for every kind, built from the descriptors' field rules
(no per-kind code): every required field is filled with a value its rules accept."""

from __future__ import annotations

import re
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor

from ma_server.http.openapi import is_required
from michelangelo.api import options_pb2

# Values tried, in order, for a `pattern` rule; the first that fully matches is used.
PATTERN_CANDIDATES = [
    "a" * 40,
    "0" * 64,
    "sha256:" + "0" * 64,
    "1.2.3",
    "@daily",
    "0 * * * *",
    "com.example.Main",
    "x",
]

_WELL_KNOWN = {
    "google.protobuf.Timestamp": "2025-01-01T00:00:00Z",
    "google.protobuf.Duration": "60s",
    "google.protobuf.Struct": {"k": "v"},
    "google.protobuf.Value": "v",
}


def _rules(fd: FieldDescriptor) -> options_pb2.FieldRules:
    opts = fd.GetOptions()
    if opts.HasExtension(options_pb2.field):
        return opts.Extensions[options_pb2.field].rules
    return options_pb2.FieldRules()


def _string(rules: options_pb2.FieldRules) -> str:
    if rules.allowed_values:
        return str(rules.allowed_values[0])
    if rules.pattern:
        for cand in PATTERN_CANDIDATES:
            if re.fullmatch(rules.pattern, cand):
                return cand
        raise AssertionError(f"no candidate matches pattern {rules.pattern!r}: add one to PATTERN_CANDIDATES")
    fmt = rules.format
    if fmt in (options_pb2.STRING_FORMAT_DNS1123_LABEL, options_pb2.STRING_FORMAT_DNS1123_SUBDOMAIN):
        value = "ref-a"
    elif fmt == options_pb2.STRING_FORMAT_URI:
        value = "s3://bucket/key"
    elif fmt == options_pb2.STRING_FORMAT_UUID:
        value = "0b8e2f4a-6a55-4c57-9c39-3b0f6b1c8e21"
    else:
        value = "x"
    if rules.HasField("min_len") and len(value) < rules.min_len:
        value = value + "x" * (rules.min_len - len(value))
    return value


def _number(rules: options_pb2.FieldRules, integer: bool) -> Any:
    value: float = 1
    if rules.HasField("min"):
        value = max(value, rules.min)
    if rules.HasField("max"):
        value = min(value, rules.max)
    return int(value) if integer else float(value)


def _scalar(fd: FieldDescriptor, rules: options_pb2.FieldRules) -> Any:
    t = fd.type
    if fd.message_type is not None:
        wk = _WELL_KNOWN.get(fd.message_type.full_name)
        return wk if wk is not None else message_value(fd.message_type)
    if t == FieldDescriptor.TYPE_STRING:
        return _string(rules)
    if t == FieldDescriptor.TYPE_BYTES:
        return "eA=="
    if t == FieldDescriptor.TYPE_BOOL:
        return True
    if t == FieldDescriptor.TYPE_ENUM:
        assert fd.enum_type is not None
        return next(v.name for v in fd.enum_type.values if v.number != 0)
    if t in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        return _number(rules, integer=False)
    value = _number(rules, integer=True)
    # proto3 JSON: 64-bit integers are strings.
    if t in (
        FieldDescriptor.TYPE_INT64,
        FieldDescriptor.TYPE_UINT64,
        FieldDescriptor.TYPE_SINT64,
        FieldDescriptor.TYPE_FIXED64,
        FieldDescriptor.TYPE_SFIXED64,
    ):
        return str(value)
    return value


def _needs(fd: FieldDescriptor, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a field must be written: its zero value breaks its rules, or it is a
    singular message holding such fields (such as `spec`); `status` is the server's business."""
    if is_required(fd):
        return True
    rules = _rules(fd)
    # Numeric ranges apply to every value, so a zero default below `min` needs a value too.
    if fd.message_type is None and fd.type != FieldDescriptor.TYPE_STRING and not fd.is_repeated:
        if (rules.HasField("min") and rules.min > 0) or (rules.HasField("max") and rules.max < 0):
            return True
    if fd.is_repeated and rules.HasField("min_items") and rules.min_items > 0:
        return True
    mt = fd.message_type
    if mt is None or fd.is_repeated or fd.name == "status" or mt.full_name in seen:
        return False
    return any(_needs(f, seen | {mt.full_name}) for f in mt.fields)


def message_value(desc: Descriptor) -> dict[str, Any]:
    """A JSON object with every required field of `desc` set (recursively)."""
    out: dict[str, Any] = {}
    for fd in desc.fields:
        if not _needs(fd):
            continue
        rules = _rules(fd)
        if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
            value_fd = fd.message_type.fields_by_name["value"]
            n = max(1, rules.min_items) if rules.HasField("min_items") else 1
            out[fd.json_name] = {f"k{i}": _scalar(value_fd, rules) for i in range(n)}
        elif fd.is_repeated:
            n = max(1, rules.min_items) if rules.HasField("min_items") else 1
            out[fd.json_name] = [_scalar(fd, rules) for _ in range(n)]
        else:
            out[fd.json_name] = _scalar(fd, rules)
    return out


def manifest(desc: Descriptor, api_version: str, kind: str, name: str, namespace: str) -> dict[str, Any]:
    body = message_value(desc)
    body.pop("metadata", None)
    return {
        "apiVersion": api_version,
        "kind": kind,
        "metadata": {"name": name, "namespace": namespace, "labels": {"suite": "http"}},
        **body,
    }

"""Validation of objects against `(michelangelo.api.field)` rules and Kubernetes metadata syntax.

Pure functions over descriptors and messages, importable without a server.
Every user-visible text is in `MESSAGES` so the SDKs can mirror them word for
word; a violation renders as `<path>: <message>`, e.g.
`spec.owningTeam: required` or `spec.notificationEmails[2]: must be at most 128 characters`.

Paths use JSON field names; list items are `[i]` and map entries `["key"]`
(JSON string quoting), e.g. `metadata.labels["a b"]`.

Rule semantics (see options.proto):
- `required`: non-empty strings/bytes, lists and maps; non-zero numbers and enums;
  present messages and proto3 `optional` fields.
- string rules (`min_len`, `max_len`, `pattern`, `format`, `allowed_values`) apply
  to non-empty values only, so an unset optional field never fails them. Lengths
  count characters (Unicode code points); for bytes fields, bytes.
- `pattern` is RE2 syntax with RE2 semantics (google-re2, through
  `michelangelo.runtime.patterns`), matching the whole value as Go's
  `^(?:p)$` and Java's re2j `matches()` do; Python's `re` would differ
  (its `\\s` matches U+00A0, RE2's does not).
- `min`/`max` apply to every numeric value including 0. A float/double value
  under a `min` or `max` rule must also be finite: NaN compares false with
  every bound and would pass any range, and +-Infinity is no quantity, so all
  three are refused (`finite`); proto3 JSON can carry them ("NaN",
  "Infinity"), gRPC too. A numeric field without a range rule takes them as
  proto3 does.
- `min_items`/`max_items` apply to lists and maps; the other rules of a list or
  map field apply to each item / value.
- Unset messages: the object's own message fields (metadata, spec, status) are
  checked as empty messages when unset, so a Project without `spec` lacks
  `spec.owningTeam`. Below the top level an unset message is not descended
  into (an optional nested message such as `Pipeline.spec.schedule` may be
  left out); only its own `required` rule applies. A set message, and every
  item of a list or map of messages, is checked in full.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Final, cast
from urllib.parse import urlsplit

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from ma_server.errors import FieldViolation, render_violations
from michelangelo.api import meta_pb2, options_pb2
from michelangelo.runtime.patterns import compile_or_none

OBJECT_META: Final = "michelangelo.api.ObjectMeta"

MESSAGES: Final[Mapping[str, str]] = {
    "required": "required",
    "min_len": "must be at least {n} characters",
    "max_len": "must be at most {n} characters",
    "min_bytes": "must be at least {n} bytes",
    "max_bytes": "must be at most {n} bytes",
    "pattern": "must match the regular expression {pattern}",
    "format_dns1123_label": (
        "must be a DNS-1123 label: at most 63 lower-case alphanumeric characters or '-', "
        "starting and ending with an alphanumeric character"
    ),
    "format_dns1123_subdomain": (
        "must be a DNS-1123 subdomain: at most 253 lower-case alphanumeric characters, '-' or '.', "
        "starting and ending with an alphanumeric character"
    ),
    "format_uri": "must be an absolute URI with a scheme, e.g. https://host/path",
    "format_uuid": "must be a lower-case UUID, e.g. 0b8e2f4a-6a55-4c57-9c39-3b0f6b1c8e21",
    "min": "must be at least {n}",
    "max": "must be at most {n}",
    "finite": "must be a finite number",
    "allowed_values": "must be one of {values}",
    "enum_value": "unknown value {n}; must be one of {values}",
    "min_items": "must have at least {n} items",
    "max_items": "must have at most {n} items",
    "qualified_name": (
        "must be a qualified name: an optional DNS-1123 subdomain prefix and '/', then at most 63 "
        "alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character"
    ),
    "label_value": (
        "must be empty or at most 63 alphanumeric characters, '-', '_' or '.', "
        "starting and ending with an alphanumeric character"
    ),
    "annotations_size": "total size of annotations must be at most {n} bytes",
    "api_version": "must be {expected}",
    "kind": "must be {expected}",
    "namespace_required": "required for namespaced kind {kind}",
    "namespace_forbidden": "must be empty for cluster-scoped kind {kind}",
    "new_finalizer_while_deleting": "no new finalizers can be added while the object is being deleted",
    "immutable": "field is immutable",
}

ANNOTATIONS_MAX_BYTES: Final = 256 * 1024

_DNS1123_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
_DNS1123_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
_QUALIFIED_NAME_PART = re.compile(r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")


def message(key: str, **params: object) -> str:
    """The text of `MESSAGES[key]` with its parameters filled in."""
    return MESSAGES[key].format(**params)


def violation(path: str, key: str, **params: object) -> FieldViolation:
    return FieldViolation(path, message(key, **params))


def _num(x: float) -> str:
    # 4096.0 -> "4096": rules are doubles in the proto but usually whole numbers.
    return str(int(x)) if float(x).is_integer() else repr(x)


# ---------------------------------------------------------------------------
# Syntax checks (also used by the selector parser)


def is_dns1123_label(s: str) -> bool:
    return len(s) <= 63 and _DNS1123_LABEL.fullmatch(s) is not None


def is_dns1123_subdomain(s: str) -> bool:
    return len(s) <= 253 and _DNS1123_SUBDOMAIN.fullmatch(s) is not None


def is_uri(s: str) -> bool:
    if any(c.isspace() or ord(c) < 0x20 for c in s):
        return False
    scheme, sep, rest = s.partition(":")
    if not sep or not rest or _URI_SCHEME.fullmatch(scheme) is None:
        return False
    try:
        parts = urlsplit(s)
    except ValueError:  # e.g. an invalid IPv6 host
        return False
    return bool(parts.netloc or parts.path)


def is_uuid(s: str) -> bool:
    return _UUID.fullmatch(s) is not None


def is_qualified_name(s: str) -> bool:
    """Kubernetes qualified name (label and annotation keys, finalizers): [prefix/]name."""
    prefix, slash, name = s.rpartition("/")
    if slash and not (prefix and is_dns1123_subdomain(prefix)):
        return False
    return 0 < len(name) <= 63 and _QUALIFIED_NAME_PART.fullmatch(name) is not None


def is_label_value(s: str) -> bool:
    return s == "" or (len(s) <= 63 and _QUALIFIED_NAME_PART.fullmatch(s) is not None)


_FORMATS: Final = {
    options_pb2.STRING_FORMAT_DNS1123_LABEL: (is_dns1123_label, "format_dns1123_label"),
    options_pb2.STRING_FORMAT_DNS1123_SUBDOMAIN: (is_dns1123_subdomain, "format_dns1123_subdomain"),
    options_pb2.STRING_FORMAT_URI: (is_uri, "format_uri"),
    options_pb2.STRING_FORMAT_UUID: (is_uuid, "format_uuid"),
}


# ---------------------------------------------------------------------------
# Rules


@functools.cache
def _field_rules(desc: Descriptor) -> tuple[tuple[FieldDescriptor, options_pb2.FieldRules | None], ...]:
    # Cached per message type: reading extensions on every call is comparatively slow.
    out = []
    for f in desc.fields:
        opts = f.GetOptions()
        rules = opts.Extensions[options_pb2.field].rules if opts.HasExtension(options_pb2.field) else None
        if rules is not None and rules.ByteSize() == 0:
            rules = None
        out.append((f, rules))
    return tuple(out)


def check_scalar(
    path: str, field: FieldDescriptor, value: object, rules: options_pb2.FieldRules
) -> list[FieldViolation]:
    """Rules for one scalar value (a singular field, a list item or a map value)."""
    out: list[FieldViolation] = []
    if isinstance(value, str):
        if not value:
            return out
        n = len(value)
        if rules.HasField("min_len") and n < rules.min_len:
            out.append(violation(path, "min_len", n=rules.min_len))
        if rules.HasField("max_len") and n > rules.max_len:
            out.append(violation(path, "max_len", n=rules.max_len))
        if rules.pattern:
            rx = compile_or_none(rules.pattern)  # None: the linter rejects bad patterns; never fail a request on one
            if rx is not None and not rx.fullmatch(value):
                out.append(violation(path, "pattern", pattern=rules.pattern))
        fmt = _FORMATS.get(rules.format)
        if fmt is not None and not fmt[0](value):
            out.append(violation(path, fmt[1]))
        if rules.allowed_values and value not in rules.allowed_values:
            out.append(violation(path, "allowed_values", values=", ".join(rules.allowed_values)))
    elif isinstance(value, bytes):
        if rules.HasField("min_len") and value and len(value) < rules.min_len:
            out.append(violation(path, "min_bytes", n=rules.min_len))
        if rules.HasField("max_len") and len(value) > rules.max_len:
            out.append(violation(path, "max_bytes", n=rules.max_len))
    elif isinstance(value, int | float) and not isinstance(value, bool) and field.type != FieldDescriptor.TYPE_ENUM:
        ranged = rules.HasField("min") or rules.HasField("max")
        if ranged and isinstance(value, float) and not math.isfinite(value):
            out.append(violation(path, "finite"))
            return out
        if rules.HasField("min") and value < rules.min:
            out.append(violation(path, "min", n=_num(rules.min)))
        if rules.HasField("max") and value > rules.max:
            out.append(violation(path, "max", n=_num(rules.max)))
    return out


def _items_rules(path: str, count: int, rules: options_pb2.FieldRules) -> list[FieldViolation]:
    out = []
    if rules.required and count == 0:
        out.append(violation(path, "required"))
    if rules.HasField("min_items") and count < rules.min_items:
        out.append(violation(path, "min_items", n=rules.min_items))
    if rules.HasField("max_items") and count > rules.max_items:
        out.append(violation(path, "max_items", n=rules.max_items))
    return out


def map_key_path(path: str, key: object) -> str:
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]" if isinstance(key, str) else f"{path}[{key}]"


def _check_enum(path: str, field: FieldDescriptor, value: object) -> list[FieldViolation]:
    """Proto3 enums are open, so parsers keep unknown numbers; the API accepts defined values only."""
    enum = field.enum_type
    if enum is None or not isinstance(value, int) or value in enum.values_by_number:
        return []
    names = ", ".join(v.name for v in enum.values if v.number != 0)
    return [violation(path, "enum_value", n=value, values=names)]


def validate_message(
    msg: Message, prefix: str = "", fields: Iterable[str] | None = None, _top: bool = True
) -> list[FieldViolation]:
    """All violations in `msg` and its nested messages; `prefix` is the JSON path of `msg` plus a dot.

    `fields` limits the top-level fields checked (proto names), e.g. ("metadata", "spec").
    An unset message field of `msg` itself (the resource object) is checked as
    an empty message, so its required fields are reported (a Project without
    `spec` lacks `spec.owningTeam`). Below that level an unset message field
    is not descended into: only its own `required` rule applies, e.g. a
    Pipeline without `spec.schedule` is valid. `_top` is False in the recursion.
    """
    only = set(fields) if fields is not None else None
    out: list[FieldViolation] = []
    for field, rules in _field_rules(msg.DESCRIPTOR):
        if only is not None and field.name not in only:
            continue
        path = f"{prefix}{field.json_name}"
        sub = field.message_type
        value = getattr(msg, field.name)
        if sub is not None and sub.GetOptions().map_entry:
            if rules is not None:
                out += _items_rules(path, len(value), rules)
            value_field = sub.fields_by_name["value"]
            for k in sorted(value):
                v = value[k]
                if isinstance(v, Message):
                    out += validate_message(v, f"{map_key_path(path, k)}.", _top=False)
                    continue
                # The entry's path is built only for a violation (a large map is mostly valid entries).
                found = _check_enum("", value_field, v)
                if rules is not None:
                    found += check_scalar("", value_field, v, rules)
                if found:
                    item_path = map_key_path(path, k)
                    out += [FieldViolation(item_path + f.field, f.description) for f in found]
        elif field.is_repeated:
            if rules is not None:
                out += _items_rules(path, len(value), rules)
            for i, v in enumerate(value):
                if isinstance(v, Message):
                    out += validate_message(v, f"{path}[{i}].", _top=False)
                else:
                    out += _check_enum(f"{path}[{i}]", field, v)
                    if rules is not None:
                        out += check_scalar(f"{path}[{i}]", field, v, rules)
        elif sub is not None:
            present = msg.HasField(field.name)
            if rules is not None and rules.required and not present:
                out.append(violation(path, "required"))
            if sub.full_name.startswith("google.protobuf."):
                continue
            if present or _top:
                # Below the object's own fields an unset message is optional: not descended into.
                out += validate_message(value, f"{path}.", _top=False)
        else:
            present = msg.HasField(field.name) if field.has_presence else bool(value)
            out += _check_enum(path, field, value)
            if rules is not None and rules.required and not present:
                out.append(violation(path, "required"))
            elif rules is not None:
                out += check_scalar(path, field, value, rules)
    if msg.DESCRIPTOR.full_name == OBJECT_META and (only is None or "labels" in only):
        out += _validate_meta(msg, prefix)
    return out


def _validate_meta(msg: Message, prefix: str) -> list[FieldViolation]:
    """Kubernetes syntax of labels, annotations and finalizers."""
    meta = cast(meta_pb2.ObjectMeta, msg)
    out: list[FieldViolation] = []
    labels = meta.labels
    for k in sorted(labels):
        key_ok, value_ok = is_qualified_name(k), is_label_value(labels[k])
        if key_ok and value_ok:
            continue  # the path is built only for a violation
        path = map_key_path(f"{prefix}labels", k)
        if not key_ok:
            out.append(violation(path, "qualified_name"))
        if not value_ok:
            out.append(violation(path, "label_value"))
    annotations = meta.annotations
    size = 0
    for k in sorted(annotations):
        size += len(k.encode()) + len(annotations[k].encode())
        if not is_qualified_name(k):
            out.append(violation(map_key_path(f"{prefix}annotations", k), "qualified_name"))
    if size > ANNOTATIONS_MAX_BYTES:
        out.append(violation(f"{prefix}annotations", "annotations_size", n=ANNOTATIONS_MAX_BYTES))
    for i, f in enumerate(meta.finalizers):
        if not is_qualified_name(f):
            out.append(violation(f"{prefix}finalizers[{i}]", "qualified_name"))
    return out


def render(violations: Iterable[FieldViolation]) -> str:
    """`a: x; b: y`, the form used in error messages (at most `errors.MAX_VIOLATIONS`, then a count of the rest)."""
    return render_violations(violations)

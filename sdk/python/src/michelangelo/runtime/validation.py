"""Client-side validation: the server's field rules, checked before a call is made.

The generated clients emit one table of `Rule`s per resource (from the
`(michelangelo.api.field)` options in the protos); `Validator.check` raises
`Invalid` with the same text as the server would, e.g.
`Project 'eta' is invalid: spec.owningTeam: required`, and the same field
violations in `details`. The texts mirror `MESSAGES` of the reference
server's `ma_server/validation.py` word for word.

Covered: every rule on fields reachable through singular messages (lists of
scalars and maps per item), plus the Kubernetes syntax of label and annotation
keys, label values and finalizers. Rules inside list items that are messages
are left to the server, which stays authoritative.

Unset messages, as on the server: the object's own fields (`metadata`, `spec`)
are checked as empty messages when unset; below them, the rules inside an unset
message are not checked (only a `required` rule on the message itself).

Patterns are RE2 with RE2 semantics (`michelangelo.runtime.patterns`) and
must match the whole value, as on the server and in Go and Java.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Final, cast
from urllib.parse import urlsplit

from google.protobuf.message import Message

from michelangelo.api import meta_pb2
from michelangelo.runtime.errors import FieldViolation, Invalid
from michelangelo.runtime.patterns import compile_or_none

MESSAGES: Final = {
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
}

ANNOTATIONS_MAX_BYTES: Final = 256 * 1024

_DNS1123_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
_DNS1123_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
_QUALIFIED_NAME_PART = re.compile(r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")


@dataclass(frozen=True)
class Rule:
    """The rules of one field; `path` in JSON names (`spec.owningTeam`), `proto_path` in proto names."""

    path: str
    proto_path: tuple[str, ...]
    kind: str = "string"  # string | bytes | int | float | bool | enum | message
    repeated: bool = False
    is_map: bool = False
    required: bool = False
    min_len: int | None = None
    max_len: int | None = None
    pattern: str = ""
    format: str = ""  # "" | dns1123_label | dns1123_subdomain | uri | uuid
    min: float | None = None
    max: float | None = None
    allowed_values: tuple[str, ...] = ()
    min_items: int | None = None
    max_items: int | None = None


def violation(path: str, key: str, **params: object) -> FieldViolation:
    return FieldViolation(path, MESSAGES[key].format(**params))


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(x)


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
    except ValueError:
        return False
    return bool(parts.netloc or parts.path)


def is_uuid(s: str) -> bool:
    return _UUID.fullmatch(s) is not None


def is_qualified_name(s: str) -> bool:
    prefix, slash, name = s.rpartition("/")
    if slash and not (prefix and is_dns1123_subdomain(prefix)):
        return False
    return 0 < len(name) <= 63 and _QUALIFIED_NAME_PART.fullmatch(name) is not None


def is_label_value(s: str) -> bool:
    return s == "" or (len(s) <= 63 and _QUALIFIED_NAME_PART.fullmatch(s) is not None)


_FORMATS: Final = {
    "dns1123_label": is_dns1123_label,
    "dns1123_subdomain": is_dns1123_subdomain,
    "uri": is_uri,
    "uuid": is_uuid,
}


def map_key_path(path: str, key: object) -> str:
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]" if isinstance(key, str) else f"{path}[{key}]"


def check_scalar(path: str, rule: Rule, value: object) -> list[FieldViolation]:
    """The rules of one scalar value (a singular field, a list item or a map value)."""
    out: list[FieldViolation] = []
    if rule.kind == "string" and isinstance(value, str):
        if not value:
            return out
        n = len(value)
        if rule.min_len is not None and n < rule.min_len:
            out.append(violation(path, "min_len", n=rule.min_len))
        if rule.max_len is not None and n > rule.max_len:
            out.append(violation(path, "max_len", n=rule.max_len))
        if rule.pattern:
            rx = compile_or_none(rule.pattern)
            if rx is not None and not rx.fullmatch(value):
                out.append(violation(path, "pattern", pattern=rule.pattern))
        fmt = _FORMATS.get(rule.format)
        if fmt is not None and not fmt(value):
            out.append(violation(path, f"format_{rule.format}"))
        if rule.allowed_values and value not in rule.allowed_values:
            out.append(violation(path, "allowed_values", values=", ".join(rule.allowed_values)))
    elif rule.kind == "bytes" and isinstance(value, bytes):
        if rule.min_len is not None and value and len(value) < rule.min_len:
            out.append(violation(path, "min_bytes", n=rule.min_len))
        if rule.max_len is not None and len(value) > rule.max_len:
            out.append(violation(path, "max_bytes", n=rule.max_len))
    elif rule.kind in ("int", "float") and isinstance(value, int | float) and not isinstance(value, bool):
        # NaN compares false with every bound, so a ranged float must first be finite (as on the server).
        ranged = rule.min is not None or rule.max is not None
        if ranged and isinstance(value, float) and not math.isfinite(value):
            out.append(violation(path, "finite"))
            return out
        if rule.min is not None and value < rule.min:
            out.append(violation(path, "min", n=_num(rule.min)))
        if rule.max is not None and value > rule.max:
            out.append(violation(path, "max", n=_num(rule.max)))
    return out


def _items(path: str, count: int, rule: Rule) -> list[FieldViolation]:
    out = []
    if rule.required and count == 0:
        out.append(violation(path, "required"))
    if rule.min_items is not None and count < rule.min_items:
        out.append(violation(path, "min_items", n=rule.min_items))
    if rule.max_items is not None and count > rule.max_items:
        out.append(violation(path, "max_items", n=rule.max_items))
    return out


def check_rule(obj: Message, rule: Rule) -> list[FieldViolation]:
    """The violations of one rule in `obj`, as the server's `validate_message` finds them.

    The object's own top-level field (`metadata`, `spec`) counts as an empty
    message when unset, so a Project without `spec` lacks `spec.owningTeam`;
    below it, a rule inside an unset message is skipped (an optional nested
    message such as `Pipeline.spec.schedule` may be left out).
    """
    parent = obj
    for depth, name in enumerate(rule.proto_path[:-1]):
        if depth > 0 and not parent.HasField(name):
            return []
        parent = getattr(parent, name)
    name = rule.proto_path[-1]
    value = getattr(parent, name)
    out: list[FieldViolation] = []
    if rule.is_map:
        out += _items(rule.path, len(value), rule)
        if rule.kind != "message":
            for k in sorted(value):
                out += check_scalar(map_key_path(rule.path, k), rule, value[k])
    elif rule.repeated:
        out += _items(rule.path, len(value), rule)
        if rule.kind != "message":
            for i, v in enumerate(value):
                out += check_scalar(f"{rule.path}[{i}]", rule, v)
    elif rule.kind == "message":
        if rule.required and not parent.HasField(name):
            out.append(violation(rule.path, "required"))
    else:
        field = parent.DESCRIPTOR.fields_by_name[name]
        present = parent.HasField(name) if field.has_presence else bool(value)
        if rule.required and not present:
            out.append(violation(rule.path, "required"))
        else:
            out += check_scalar(rule.path, rule, value)
    return out


def check_meta(meta: meta_pb2.ObjectMeta, prefix: str = "metadata.") -> list[FieldViolation]:
    """Kubernetes syntax of label and annotation keys, label values and finalizers."""
    out: list[FieldViolation] = []
    for k in sorted(meta.labels):
        path = map_key_path(f"{prefix}labels", k)
        if not is_qualified_name(k):
            out.append(violation(path, "qualified_name"))
        if not is_label_value(meta.labels[k]):
            out.append(violation(path, "label_value"))
    size = 0
    for k in sorted(meta.annotations):
        size += len(k.encode()) + len(meta.annotations[k].encode())
        if not is_qualified_name(k):
            out.append(violation(map_key_path(f"{prefix}annotations", k), "qualified_name"))
    if size > ANNOTATIONS_MAX_BYTES:
        out.append(violation(f"{prefix}annotations", "annotations_size", n=ANNOTATIONS_MAX_BYTES))
    for i, f in enumerate(meta.finalizers):
        if not is_qualified_name(f):
            out.append(violation(f"{prefix}finalizers[{i}]", "qualified_name"))
    return out


def render(violations: Iterable[FieldViolation]) -> str:
    return "; ".join(str(v) for v in violations)


class Validator:
    """The rules of one kind; `check` raises Invalid like the server would."""

    def __init__(self, kind: str, rules: Iterable[Rule]) -> None:
        self.kind = kind
        self.rules = tuple(rules)

    def violations(self, obj: Message, fields: Collection[str]) -> list[FieldViolation]:
        """Violations of the rules under the top-level fields `fields` (proto names), in the server's order."""
        out: list[FieldViolation] = []
        meta_done = "metadata" not in fields
        for rule in self.rules:
            top = rule.proto_path[0]
            if top not in fields:
                continue
            if top != "metadata" and not meta_done:
                out += check_meta(cast(meta_pb2.ObjectMeta, getattr(obj, "metadata")))  # noqa: B009
                meta_done = True
            out += check_rule(obj, rule)
        if not meta_done:
            out += check_meta(cast(meta_pb2.ObjectMeta, getattr(obj, "metadata")))  # noqa: B009
        return out

    def check(self, obj: Message, fields: Collection[str]) -> None:
        """Raise Invalid listing every violation (the server's message text), or return."""
        found = self.violations(obj, fields)
        if found:
            name = cast(meta_pb2.ObjectMeta, getattr(obj, "metadata")).name  # noqa: B009
            raise Invalid(f"{self.kind} {name!r} is invalid: {render(found)}", found)

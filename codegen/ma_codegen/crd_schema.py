"""Structural OpenAPI v3 schemas of proto messages for Kubernetes CRDs, with our field rules mapped.

Objects of our API may be stored in a kube-apiserver as custom resources and be
written there by anyone with kubectl, so the CRD schema must refuse what the
server refuses (server/ma_server/validation.py) at the same JSON path, and
keep every value the server can read back. Properties are the proto3 JSON
names; well-known types take their proto3 JSON forms.

Proto3 JSON leaves out default values (empty strings and lists, 0, false, the
zero enum value) and the server validates an absent value as its default. So
a rule that refuses the default makes the field required in the CRD, even
without `required: true`: `min: 1` on a number, `min_items: 2` on a list. In
the other direction, string rules apply to non-empty values only, so an
unrequired string must still accept "" (patterns are wrapped as `^(?:p)?$`,
`allowed_values` gain "").

CEL (x-kubernetes-validations) is used only where OpenAPI keywords cannot say
it: a required number or bool is non-zero (`self != 0`), a minimum length
that lets "" pass, and at most one member of a oneof. Each of these costs
O(1) in Kubernetes' CEL cost estimate, whatever the sizes.

The builder is pure: descriptors in, plain dicts out, nothing read from disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from google.protobuf import descriptor_pb2

from ma_codegen import descriptors as d
from ma_codegen.descriptors import Image
from ma_codegen.model import clean_doc, json_name

FDP = descriptor_pb2.FieldDescriptorProto
Schema = dict[str, Any]

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
UINT32_MAX = 2**32 - 1
PRESERVE = "x-kubernetes-preserve-unknown-fields"
VALIDATIONS = "x-kubernetes-validations"

# JSON form of each proto scalar. Integer ranges are part of the type: a value
# outside them (maxGpu: 2^40 in an int32) would leave an object no proto parser
# can read, so the CRD refuses it. 64-bit integers are JSON numbers here (the
# server's Kubernetes storage converts proto3 JSON's strings); Kubernetes
# integers are int64, so uint64 values above 2^63-1 cannot be stored at all.
_INTEGERS: Final[dict[FDP.Type.ValueType, tuple[str, int | None, int | None]]] = {
    FDP.TYPE_INT32: ("int32", INT32_MIN, INT32_MAX),
    FDP.TYPE_SINT32: ("int32", INT32_MIN, INT32_MAX),
    FDP.TYPE_SFIXED32: ("int32", INT32_MIN, INT32_MAX),
    FDP.TYPE_UINT32: ("int64", 0, UINT32_MAX),
    FDP.TYPE_FIXED32: ("int64", 0, UINT32_MAX),
    FDP.TYPE_INT64: ("int64", None, None),
    FDP.TYPE_SINT64: ("int64", None, None),
    FDP.TYPE_SFIXED64: ("int64", None, None),
    FDP.TYPE_UINT64: ("int64", 0, None),
    FDP.TYPE_FIXED64: ("int64", 0, None),
}
_FLOATS: Final = {FDP.TYPE_DOUBLE: "double", FDP.TYPE_FLOAT: "float"}

# proto3 JSON Duration: seconds with up to 9 fractional digits and an "s".
DURATION_PATTERN: Final = r"^-?[0-9]+(\.[0-9]{1,9})?s$"

# Well-known types by their proto3 JSON form (wrappers are their scalar).
_WRAPPERS: Final = {
    ".google.protobuf.DoubleValue": FDP.TYPE_DOUBLE,
    ".google.protobuf.FloatValue": FDP.TYPE_FLOAT,
    ".google.protobuf.Int64Value": FDP.TYPE_INT64,
    ".google.protobuf.UInt64Value": FDP.TYPE_UINT64,
    ".google.protobuf.Int32Value": FDP.TYPE_INT32,
    ".google.protobuf.UInt32Value": FDP.TYPE_UINT32,
    ".google.protobuf.BoolValue": FDP.TYPE_BOOL,
    ".google.protobuf.StringValue": FDP.TYPE_STRING,
    ".google.protobuf.BytesValue": FDP.TYPE_BYTES,
}
_ANY_JSON: Final[Schema] = {PRESERVE: True, "nullable": True}  # google.protobuf.Value: any JSON, null included
_WELL_KNOWN: Final[dict[str, Schema]] = {
    ".google.protobuf.Timestamp": {"type": "string", "format": "date-time"},
    ".google.protobuf.Duration": {"type": "string", "pattern": DURATION_PATTERN},
    ".google.protobuf.FieldMask": {"type": "string"},
    ".google.protobuf.Empty": {"type": "object"},
    ".google.protobuf.Struct": {"type": "object", PRESERVE: True},
    ".google.protobuf.Any": {"type": "object", PRESERVE: True},
    ".google.protobuf.Value": _ANY_JSON,
    ".google.protobuf.ListValue": {"type": "array", "items": _ANY_JSON},
}

# Characters server/ma_server/validation.py `is_uri` refuses: C0 controls, space and
# everything Python's str.isspace() matches (U+0085, U+00A0, U+1680, U+2000-U+200A,
# U+2028, U+2029, U+202F, U+205F, U+3000).
_URI_BAD = r"\x00-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
# `is_uri`: a scheme, ':', then something urlsplit reads as a non-empty authority or path.
# After the scheme that is "/" alone, "/" and a non-"/", "//" and a character other than
# "?" or "#" (an authority, or a path starting "///"), or a first character other than
# "/", "?", "#". Exact, except where urlsplit itself raises ValueError and the server
# refuses: a bracket without its pair in the authority ("http://[::1"), and, on Python
# versions that check them, a bracketed host that is no IPv6/IPvFuture address
# ("http://[x]"), or non-ASCII characters NFKC folds into one of "/?#@:". The CRD accepts
# those; no regular expression can check an IPv6 address or NFKC folding.
URI = rf"[A-Za-z][A-Za-z0-9+.\-]*:(?:/$|/[^/{_URI_BAD}]|//[^?#{_URI_BAD}]|[^/?#{_URI_BAD}])[^{_URI_BAD}]*"
DNS1123_LABEL = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"
DNS1123_SUBDOMAIN = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

# StringFormat number -> (regex the server's check fully matches, its maximum length).
# The DNS-1123 and UUID regexes are the server's own (ASCII classes: Python's re, RE2 and Go agree).
FORMATS: Final[dict[int, tuple[str, int | None]]] = {
    1: (DNS1123_LABEL, 63),
    2: (DNS1123_SUBDOMAIN, 253),
    3: (URI, None),
    4: (UUID, None),
}


def optional_full_match(regex: str) -> str:
    """A Kubernetes `pattern` for "empty, or `regex` matches the whole value".

    Kubernetes tests `pattern` with Go's regexp (RE2 syntax, like our rules) as an
    unanchored search; the server matches non-empty values in full. The non-capturing
    group keeps alternations and flags of `regex` inside.
    """
    return f"^(?:{regex})?$"


def number(x: float) -> int | float:
    """4096.0 -> 4096: rule bounds are doubles in the proto but usually whole numbers."""
    return int(x) if float(x).is_integer() else x


def rule(expr: str, message: str) -> dict[str, str]:
    return {"rule": expr, "message": message}


# CEL keywords Kubernetes escapes as __<word>__ in property names.
_CEL_RESERVED: Final = frozenset(
    "true false null in as break const continue else for function if import let loop package namespace "
    "return var void while".split()
)


def cel_name(name: str) -> str:
    """A property name as CEL reaches it in Kubernetes (`__dash__`-style escapes for others)."""
    if name in _CEL_RESERVED:
        return f"__{name}__"
    escaped = name.replace("__", "__underscores__")
    for char, word in ((".", "dot"), ("-", "dash"), ("/", "slash")):
        escaped = escaped.replace(char, f"__{word}__")
    return escaped


def json_path(names: Iterable[str]) -> str:
    """`.spec.owningTeam` (fieldPath and printer-column form; other names as `['x.y']`)."""
    return "".join(f".{n}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n) else f"['{n}']" for n in names)


@dataclass
class SchemaBuilder:
    """Schemas of the messages of one descriptor set; one builder per CRD set.

    `recursive` collects where a message contains itself: the schema stops there
    with an object that keeps any content (Kubernetes schemas cannot refer back).
    """

    image: Image
    messages: dict[str, descriptor_pb2.DescriptorProto] = field(default_factory=dict)
    enums: dict[str, descriptor_pb2.EnumDescriptorProto] = field(default_factory=dict)
    where: dict[str, tuple[str, tuple[int, ...]]] = field(default_factory=dict)
    recursive: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for f in self.image.fds.file:
            prefix = f".{f.package}" if f.package else ""
            for e in f.enum_type:
                self.enums[f"{prefix}.{e.name}"] = e
            self._index(f.name, prefix, f.message_type, (d.MESSAGE_TYPE,))

    def _index(
        self, file: str, prefix: str, msgs: Iterable[descriptor_pb2.DescriptorProto], path: tuple[int, ...]
    ) -> None:
        for i, msg in enumerate(msgs):
            name = f"{prefix}.{msg.name}"
            self.messages[name] = msg
            self.where[name] = (file, (*path, i))
            for e in msg.enum_type:
                self.enums[f"{name}.{e.name}"] = e
            self._index(file, name, msg.nested_type, (*path, i, d.MESSAGE_NESTED))

    # -- documentation -------------------------------------------------------

    def message_doc(self, type_name: str) -> str:
        file, path = self.where[type_name]
        return clean_doc(self.image.location(file, path).leading_comments)

    def field_doc(self, type_name: str, index: int) -> str:
        file, path = self.where[type_name]
        return clean_doc(self.image.location(file, (*path, d.MESSAGE_FIELD, index)).leading_comments)

    # -- types ---------------------------------------------------------------

    def is_map(self, f: descriptor_pb2.FieldDescriptorProto) -> bool:
        return f.type == FDP.TYPE_MESSAGE and self.messages[f.type_name].options.map_entry

    def rules(self, f: descriptor_pb2.FieldDescriptorProto) -> Any | None:
        """The field's `(michelangelo.api.field).rules` (a FieldRules message), None when it sets none."""
        opt = self.image.field_option(f)
        if opt is None or not opt.HasField("rules") or opt.rules.ByteSize() == 0:
            return None
        return opt.rules

    def scalar(self, proto_type: FDP.Type.ValueType) -> Schema:
        if proto_type in _INTEGERS:
            fmt, lo, hi = _INTEGERS[proto_type]
            out: Schema = {"type": "integer", "format": fmt}
            if lo is not None:
                out["minimum"] = lo
            if hi is not None:
                out["maximum"] = hi
            return out
        if proto_type in _FLOATS:
            return {"type": "number", "format": _FLOATS[proto_type]}
        if proto_type == FDP.TYPE_BOOL:
            return {"type": "boolean"}
        if proto_type == FDP.TYPE_BYTES:
            return {"type": "string", "format": "byte"}
        if proto_type == FDP.TYPE_STRING:
            return {"type": "string"}
        raise ValueError(f"no JSON schema for proto type {FDP.Type.Name(proto_type)}")

    def enum_values(self, type_name: str) -> list[str]:
        return [v.name for v in self.enums[type_name].value]

    def value(self, f: descriptor_pb2.FieldDescriptorProto, stack: tuple[str, ...]) -> Schema:
        """The schema of one value of `f` (an item when repeated), before any rule."""
        if f.type == FDP.TYPE_ENUM:
            return {"type": "string", "enum": self.enum_values(f.type_name)}
        if f.type == FDP.TYPE_MESSAGE:
            if f.type_name in _WRAPPERS:
                return self.scalar(_WRAPPERS[f.type_name])
            if f.type_name in _WELL_KNOWN:
                return _copy(_WELL_KNOWN[f.type_name])
            return self.message(f.type_name, stack)
        if f.type == FDP.TYPE_GROUP:
            raise ValueError(f"{f.name}: groups have no proto3 JSON form")
        return self.scalar(f.type)

    def message(self, type_name: str, stack: tuple[str, ...] = ()) -> Schema:
        """The object schema of a message: properties, `required`, oneof rules."""
        if type_name in stack:
            self.recursive.append(" -> ".join(n.rsplit(".", 1)[-1] for n in (*stack, type_name)))
            return {"type": "object", PRESERVE: True}
        msg = self.messages[type_name]
        inner = (*stack, type_name)
        properties: dict[str, Schema] = {}
        required: list[str] = []
        for i, f in enumerate(msg.field):
            schema, needed = self.field(f, inner)
            doc = self.field_doc(type_name, i)
            if doc:
                schema["description"] = doc
            name = _json(f)
            properties[name] = schema
            if needed:
                required.append(name)
        out: Schema = {"type": "object"}
        if properties:
            out["properties"] = properties
        if required:
            out["required"] = required
        checks = [oneof_rule(names) for names in _oneofs(msg) if len(names) > 1]
        if checks:
            out[VALIDATIONS] = checks
        return out

    def field(self, f: descriptor_pb2.FieldDescriptorProto, stack: tuple[str, ...]) -> tuple[Schema, bool]:
        """(schema, must the field be present in its parent) for one field, its rules applied."""
        rules = self.rules(f)
        if self.is_map(f):
            entry = self.messages[f.type_name]
            value = next(v for v in entry.field if v.name == "value")
            item = self.value(value, stack)
            apply_value_rules(item, value, rules, item=True, enum_zero=self._enum_zero(value))
            out: Schema = {"type": "object", "additionalProperties": item}
            return out, apply_count_rules(out, rules, "Properties")
        if f.label == FDP.LABEL_REPEATED:
            item = self.value(f, stack)
            apply_value_rules(item, f, rules, item=True, enum_zero=self._enum_zero(f))
            out = {"type": "array", "items": item}
            return out, apply_count_rules(out, rules, "Items")
        out = self.value(f, stack)
        return out, apply_value_rules(out, f, rules, item=False, enum_zero=self._enum_zero(f))

    def _enum_zero(self, f: descriptor_pb2.FieldDescriptorProto) -> str:
        if f.type != FDP.TYPE_ENUM:
            return ""
        return next((v.name for v in self.enums[f.type_name].value if v.number == 0), "")


def _json(f: descriptor_pb2.FieldDescriptorProto) -> str:
    return f.json_name or json_name(f.name)


def _copy(schema: Schema) -> Schema:
    """A fresh copy (YAML would write a shared dict once with an anchor and alias it after)."""
    return {k: _copy(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v for k, v in schema.items()}


def _oneofs(msg: descriptor_pb2.DescriptorProto) -> list[list[str]]:
    """JSON names of the members of each real oneof (proto3 `optional` makes a synthetic one per field)."""
    members: list[list[str]] = [[] for _ in msg.oneof_decl]
    for f in msg.field:
        if f.HasField("oneof_index") and not f.proto3_optional:
            members[f.oneof_index].append(_json(f))
    return [m for m in members if m]


def oneof_rule(names: list[str]) -> dict[str, str]:
    """At most one member set: proto3 JSON parsers refuse two, so the CRD does too."""
    checks = ", ".join(f"has(self.{cel_name(n)})" for n in names)
    return rule(f"[{checks}].filter(x, x).size() <= 1", f"at most one of {', '.join(names)} may be set")


def has_presence(f: descriptor_pb2.FieldDescriptorProto) -> bool:
    """Messages, proto3 `optional` and oneof members: "set" is not "non-default" for them."""
    return f.type == FDP.TYPE_MESSAGE or f.proto3_optional or f.HasField("oneof_index")


def apply_count_rules(schema: Schema, rules: Any | None, unit: str) -> bool:
    """min_items/max_items/required on a list (`unit` Items) or map (Properties); True if the field must be present.

    An empty list or map is left out of proto3 JSON, and the server refuses it when
    required or under `min_items`, so then the field must be present.
    """
    if rules is None:
        return False
    low = rules.min_items if rules.HasField("min_items") else 0
    if rules.required:
        low = max(low, 1)
    if low:
        schema[f"min{unit}"] = low
    if rules.HasField("max_items"):
        schema[f"max{unit}"] = rules.max_items
    return low > 0


def apply_value_rules(
    schema: Schema, f: descriptor_pb2.FieldDescriptorProto, rules: Any | None, *, item: bool, enum_zero: str
) -> bool:
    """The rules on one value (a singular field, or each list item / map value); True if it must be present.

    `item`: the value is a list item or map value, where `required` and the item
    counts belong to the list itself, and every value is written out (0 and "" too).
    """
    if rules is None:
        return False
    required = rules.required and not item
    # Without presence a default value is an unset one: `required` refuses it.
    refuse_default = required and not has_presence(f)
    kind = f.type
    if kind == FDP.TYPE_MESSAGE:
        return required  # the server checks only presence on messages (and well-known types)
    if kind == FDP.TYPE_STRING:
        _string_rules(schema, rules, nonempty=refuse_default)
        return required
    if kind == FDP.TYPE_BYTES:
        # min_len/max_len count bytes; the CRD holds base64 text, so they are not mapped.
        if refuse_default:
            schema["minLength"] = 1
        return required
    if kind == FDP.TYPE_ENUM:
        if refuse_default:
            schema["enum"] = [v for v in schema["enum"] if v != enum_zero]
        return required  # min/max do not apply to enums
    if kind == FDP.TYPE_BOOL:
        if refuse_default:
            schema.setdefault(VALIDATIONS, []).append(rule("self == true", "required"))
        return required
    return _number_rules(schema, f, rules, item=item, refuse_default=refuse_default) or required


def _number_rules(
    schema: Schema, f: descriptor_pb2.FieldDescriptorProto, rules: Any, *, item: bool, refuse_default: bool
) -> bool:
    """min/max as minimum/maximum (within the type's own range); True if 0 is refused."""
    lo = rules.min if rules.HasField("min") else None
    hi = rules.max if rules.HasField("max") else None
    if lo is not None:
        schema["minimum"] = number(max(lo, schema.get("minimum", lo)))
    if hi is not None:
        schema["maximum"] = number(min(hi, schema.get("maximum", hi)))
    # An absent number is 0 to the server, which checks the range on it too.
    zero_out_of_range = (lo is not None and lo > 0) or (hi is not None and hi < 0)
    if refuse_default and not zero_out_of_range:
        zero = "0.0" if f.type in _FLOATS else "0"
        schema.setdefault(VALIDATIONS, []).append(rule(f"self != {zero}", "required"))
    return zero_out_of_range and not item


def _string_rules(schema: Schema, rules: Any, *, nonempty: bool) -> None:
    """Lengths, pattern, format and allowed_values; they apply to non-empty strings only."""
    min_len = rules.min_len if rules.HasField("min_len") else 0
    max_lens = [rules.max_len] if rules.HasField("max_len") else []
    patterns = [optional_full_match(rules.pattern)] if rules.pattern else []
    if rules.format in FORMATS:
        regex, limit = FORMATS[rules.format]
        patterns.append(optional_full_match(regex))
        if limit is not None:
            max_lens.append(limit)
    values = list(dict.fromkeys(rules.allowed_values))
    if values and not nonempty and "" not in values:
        values.append("")  # the server checks non-empty values only
    if nonempty and (min_len > 1 or "" in values or not values):
        schema["minLength"] = max(min_len, 1)  # (an enum without "" refuses it already)
    elif not nonempty and min_len > 1:
        # CEL counts code points as the server does; size() costs O(1) in the CEL estimate.
        check = rule(f"self.size() == 0 || self.size() >= {min_len}", f"must be at least {min_len} characters")
        schema.setdefault(VALIDATIONS, []).append(check)
    if max_lens:
        schema["maxLength"] = min(max_lens)
    if patterns:
        schema["pattern"] = patterns[0]
        if len(patterns) > 1:
            schema["allOf"] = [{"pattern": p} for p in patterns[1:]]
    if values:
        schema["enum"] = values


# Key order of every schema node in the YAML: what a reader looks for first, nested parts last.
KEY_ORDER: Final = (
    "description",
    "type",
    "format",
    "enum",
    "pattern",
    "allOf",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "nullable",
    PRESERVE,
    "items",
    "additionalProperties",
    "properties",
    "required",
    VALIDATIONS,
)


def ordered(schema: Schema) -> Schema:
    """`schema` with every node's keys in KEY_ORDER (unknown keys last, as they were)."""
    rank = {k: i for i, k in enumerate(KEY_ORDER)}
    out: Schema = {}
    for key in sorted(schema, key=lambda k: rank.get(k, len(rank))):
        value = schema[key]
        if key in ("items", "additionalProperties") and isinstance(value, dict):
            value = ordered(value)
        elif key == "properties":
            value = {name: ordered(s) for name, s in value.items()}
        elif key == "allOf":
            value = [ordered(s) for s in value]
        out[key] = value
    return out

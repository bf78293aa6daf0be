"""Label selectors, field selectors, criteria and order_by, evaluated in memory.

- Label selectors follow Kubernetes: `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
  `k notin (a,b)`, `k` (exists), `!k` (does not exist); a comma means AND.
  `!=` and `notin` also match objects without the label, as in Kubernetes.
- Field selectors: `f=v`, `f==v`, `f!=v` joined by commas, on the indexed
  fields of the resource (JSON names, e.g. `spec.owningTeam`); `\\,`, `\\=` and
  `\\\\` escape those characters in values.
- Criteria: AND/OR trees of comparisons on indexed fields, typed: numbers
  compare numerically, timestamps (RFC 3339 operands) by time, strings and
  enums (operands are value names) lexicographically by their text.
- Unset values: proto3 scalars compare as their default ("" or 0); an unset
  timestamp is NULL: only NE, NOT_IN and IS_NULL match it. IS_NULL on a
  scalar matches the default value.
- order_by sorts stably on indexed fields; ties keep key order
  (namespace/name). NULL timestamps sort first ascending, last descending.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import grpc
from google.protobuf import timestamp_pb2
from google.protobuf.message import Message

from ma_server.errors import ApiError, FieldViolation
from ma_server.model import IndexedField, Resource, ValueType
from ma_server.validation import is_label_value, is_qualified_name
from michelangelo.api import list_pb2

Predicate = Callable[[Message], bool]
# A comparable value: None (NULL) or a str/int/float/bool/(seconds, nanos) of one type.
Value = str | int | float | bool | tuple[int, int] | None


def _error(message: str, field_path: str) -> ApiError:
    return ApiError(grpc.StatusCode.INVALID_ARGUMENT, message, [FieldViolation(field_path, message)])


# ---------------------------------------------------------------------------
# Label selectors

LabelOp = Literal["=", "!=", "in", "notin", "exists", "!exists"]


@dataclass(frozen=True)
class Requirement:
    key: str
    op: LabelOp
    values: frozenset[str] = frozenset()

    def matches(self, labels: Mapping[str, str]) -> bool:
        present = self.key in labels
        if self.op == "exists":
            return present
        if self.op == "!exists":
            return not present
        value = labels.get(self.key)
        if self.op in ("=", "in"):
            return present and value in self.values
        return not present or value not in self.values  # "!=" and "notin"


@dataclass(frozen=True)
class LabelSelector:
    requirements: tuple[Requirement, ...] = ()

    def matches(self, labels: Mapping[str, str]) -> bool:
        return all(r.matches(labels) for r in self.requirements)

    @property
    def empty(self) -> bool:
        return not self.requirements


_SPECIAL = set(",=!()")


@dataclass
class _Lexer:
    """Tokens: identifiers (any run of other non-space characters) and , = == != ! ( )."""

    text: str
    pos: int = 0
    tokens: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, text, position)

    def run(self) -> list[tuple[str, str, int]]:
        s = self.text
        i = 0
        while i < len(s):
            c = s[i]
            if c.isspace():
                i += 1
            elif s.startswith("==", i) or s.startswith("!=", i):
                self.tokens.append((s[i : i + 2], s[i : i + 2], i))
                i += 2
            elif c in _SPECIAL:
                self.tokens.append((c, c, i))
                i += 1
            else:
                j = i
                while j < len(s) and not s[j].isspace() and s[j] not in _SPECIAL:
                    j += 1
                self.tokens.append(("id", s[i:j], i))
                i = j
        self.tokens.append(("end", "", len(s)))
        return self.tokens


class _LabelParser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _Lexer(text).run()
        self.i = 0

    def fail(self, why: str) -> ApiError:
        pos = self.tokens[self.i][2]
        return _error(f"invalid label selector {self.text!r}: {why} at position {pos}", "options.labelSelector")

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def key(self) -> str:
        kind, text, _ = self.peek()
        if kind != "id":
            raise self.fail(f"expected a label key, found {text or 'end of selector'!r}")
        if not is_qualified_name(text):
            raise self.fail(f"invalid label key {text!r}")
        self.take()
        return text

    def value(self) -> str:
        kind, text, _ = self.peek()
        if kind != "id":
            return ""  # `k=` selects the empty value, as in Kubernetes
        if not is_label_value(text):
            raise self.fail(f"invalid label value {text!r}")
        self.take()
        return text

    def values(self) -> frozenset[str]:
        if self.take()[0] != "(":
            self.i -= 1
            raise self.fail("expected '('")
        out = {self.value()}
        while self.peek()[0] == ",":
            self.take()
            out.add(self.value())
        if self.peek()[0] != ")":
            raise self.fail("expected ',' or ')'")
        self.take()
        return frozenset(out)

    def requirement(self) -> Requirement:
        if self.peek()[0] == "!":
            self.take()
            return Requirement(self.key(), "!exists")
        key = self.key()
        kind, text, _ = self.peek()
        if kind in (",", "end"):
            return Requirement(key, "exists")
        if kind in ("=", "=="):
            self.take()
            return Requirement(key, "=", frozenset({self.value()}))
        if kind == "!=":
            self.take()
            return Requirement(key, "!=", frozenset({self.value()}))
        if kind == "id" and text in ("in", "notin"):
            self.take()
            return Requirement(key, "in" if text == "in" else "notin", self.values())
        raise self.fail(f"expected one of =, ==, !=, in, notin, ',' after key {key!r}, found {text!r}")

    def parse(self) -> LabelSelector:
        reqs: list[Requirement] = []
        if self.peek()[0] == "end":
            return LabelSelector()
        while True:
            reqs.append(self.requirement())
            kind, text, _ = self.peek()
            if kind == "end":
                return LabelSelector(tuple(reqs))
            if kind != ",":
                raise self.fail(f"expected ',' or end of selector, found {text!r}")
            self.take()


def parse_label_selector(text: str) -> LabelSelector:
    """Parse a Kubernetes label selector; INVALID_ARGUMENT naming the selector on syntax errors."""
    return _LabelParser(text).parse()


# ---------------------------------------------------------------------------
# Typed values


def object_value(f: IndexedField, obj: Message) -> Value:
    """The comparable value of an indexed field in an object (None: NULL)."""
    if f.value_type is ValueType.TIMESTAMP:
        if not f.is_set(obj):
            return None
        ts = f.get(obj)
        assert isinstance(ts, timestamp_pb2.Timestamp)
        return (ts.seconds, ts.nanos)
    raw = f.get(obj)
    if f.value_type is ValueType.ENUM:
        assert f.enum is not None and isinstance(raw, int)
        v = f.enum.values_by_number.get(raw)
        return v.name if v is not None else str(raw)
    assert isinstance(raw, str | int | float | bool)
    return raw


def parse_operand(f: IndexedField, text: str, where: str) -> Value:
    """An operand string as a value of the field's type; INVALID_ARGUMENT when it does not parse."""
    vt = f.value_type
    if vt is ValueType.STRING:
        return text
    if vt in (ValueType.INT, ValueType.FLOAT):
        try:
            return int(text) if vt is ValueType.INT else float(text)
        except ValueError:
            try:
                return float(text)  # "2.5" against an int field still compares numerically
            except ValueError:
                raise _error(f"{where}: {text!r} is not a number (field {f.json_path})", where) from None
    if vt is ValueType.BOOL:
        if text.lower() in ("true", "false"):
            return text.lower() == "true"
        raise _error(f"{where}: {text!r} is not a boolean (true or false) (field {f.json_path})", where)
    if vt is ValueType.ENUM:
        assert f.enum is not None
        if text in f.enum.values_by_name:
            return text
        if text.lstrip("-").isdigit() and int(text) in f.enum.values_by_number:
            return f.enum.values_by_number[int(text)].name
        names = ", ".join(v.name for v in f.enum.values)
        raise _error(f"{where}: {text!r} is not a value of {f.enum.name} (field {f.json_path}); one of {names}", where)
    ts = timestamp_pb2.Timestamp()
    try:
        ts.FromJsonString(text)
    except ValueError:
        raise _error(
            f"{where}: {text!r} is not an RFC 3339 timestamp like 2025-01-31T12:00:00Z (field {f.json_path})", where
        ) from None
    return (ts.seconds, ts.nanos)


def _like(pattern: str) -> re.Pattern[str]:
    """SQL LIKE: % any run, _ one character, backslash escapes either."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if c == "%" else "." if c == "_" else re.escape(c))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def _text(v: Value) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


_SINGLE = {
    list_pb2.OPERATOR_EQ,
    list_pb2.OPERATOR_NE,
    list_pb2.OPERATOR_GT,
    list_pb2.OPERATOR_GE,
    list_pb2.OPERATOR_LT,
    list_pb2.OPERATOR_LE,
    list_pb2.OPERATOR_LIKE,
}


def compile_condition(f: IndexedField, op: list_pb2.Operator.ValueType, values: Sequence[str], where: str) -> Predicate:
    """A predicate for `field <op> values`, validated up front."""
    op_name = list_pb2.Operator.Name(op) if op in list_pb2.Operator.values() else str(op)
    if op == list_pb2.OPERATOR_IS_NULL:
        if values:
            raise _error(f"{where}: OPERATOR_IS_NULL takes no values", where)
        return lambda obj: not f.is_set(obj)
    if op in _SINGLE and len(values) != 1:
        raise _error(f"{where}: {op_name} takes exactly one value, got {len(values)}", where)
    if op in (list_pb2.OPERATOR_IN, list_pb2.OPERATOR_NOT_IN) and not values:
        raise _error(f"{where}: {op_name} takes at least one value", where)
    if op == list_pb2.OPERATOR_LIKE:
        rx = _like(values[0])
        return lambda obj: (v := object_value(f, obj)) is not None and rx.fullmatch(_text(v)) is not None
    if op not in _SINGLE and op not in (list_pb2.OPERATOR_IN, list_pb2.OPERATOR_NOT_IN):
        raise _error(f"{where}: invalid operator {op_name}", where)
    operands = [parse_operand(f, v, where) for v in values]
    if op == list_pb2.OPERATOR_IN:
        return lambda obj: (v := object_value(f, obj)) is not None and v in operands
    if op == list_pb2.OPERATOR_NOT_IN:
        return lambda obj: (v := object_value(f, obj)) is None or v not in operands
    x = operands[0]
    if op == list_pb2.OPERATOR_EQ:
        return lambda obj: (v := object_value(f, obj)) is not None and v == x
    if op == list_pb2.OPERATOR_NE:
        return lambda obj: (v := object_value(f, obj)) is None or v != x
    # Ordering: both sides have the same type here (parse_operand), numbers mix int and float.
    cmp: Callable[[Any, Any], bool] = {
        list_pb2.OPERATOR_GT: lambda a, b: a > b,
        list_pb2.OPERATOR_GE: lambda a, b: a >= b,
        list_pb2.OPERATOR_LT: lambda a, b: a < b,
        list_pb2.OPERATOR_LE: lambda a, b: a <= b,
    }[op]
    return lambda obj: (v := object_value(f, obj)) is not None and cmp(v, x)


def lookup_field(resource: Resource, name: str, where: str) -> IndexedField:
    f = resource.indexed_fields.get(name)
    if f is None:
        supported = ", ".join(resource.indexed_fields)
        raise _error(
            f"{where}: field {name!r} is not supported for {resource.kind}; supported fields: {supported}", where
        )
    return f


# ---------------------------------------------------------------------------
# Field selectors


def _split_unescaped(text: str, sep: str) -> list[str]:
    parts, cur, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            cur.append(text[i : i + 2])
            i += 2
            continue
        if c == sep:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_field_selector(text: str, resource: Resource, where: str = "options.fieldSelector") -> list[Predicate]:
    """Parse `f=v,f!=v`; INVALID_ARGUMENT naming the selector or listing the supported fields."""
    preds: list[Predicate] = []
    if not text.strip():
        return preds
    for term in _split_unescaped(text, ","):
        m = re.match(r"\s*([^=!\s]+)\s*(==|!=|=)(.*)$", term, re.DOTALL)
        if m is None:
            raise _error(
                f"invalid field selector {text!r}: {term.strip()!r} is not of the form field=value or field!=value",
                where,
            )
        name, op, raw = m.group(1), m.group(2), m.group(3).strip()
        f = lookup_field(resource, name, where)
        operator = list_pb2.OPERATOR_NE if op == "!=" else list_pb2.OPERATOR_EQ
        preds.append(compile_condition(f, operator, [_unescape(raw)], where))
    return preds


# ---------------------------------------------------------------------------
# Criteria


def compile_criteria(c: list_pb2.Criteria, resource: Resource, where: str = "options.criteria") -> Predicate:
    which = c.WhichOneof("expression")
    if which == "criterion":
        crit = c.criterion
        f = lookup_field(resource, crit.field, f"{where}.criterion.field")
        return compile_condition(f, crit.operator, list(crit.values), f"{where}.criterion")
    if which in ("all_of", "any_of"):
        items = c.all_of.items if which == "all_of" else c.any_of.items
        name = "allOf" if which == "all_of" else "anyOf"
        if not items:
            raise _error(f"{where}.{name}: needs at least one item", f"{where}.{name}")
        preds = [compile_criteria(item, resource, f"{where}.{name}.items[{i}]") for i, item in enumerate(items)]
        if which == "all_of":
            return lambda obj: all(p(obj) for p in preds)
        return lambda obj: any(p(obj) for p in preds)
    raise _error(f"{where}: exactly one of criterion, allOf, anyOf must be set", where)


# ---------------------------------------------------------------------------
# A whole filter and ordering


@dataclass(frozen=True)
class Filter:
    labels: LabelSelector = LabelSelector()
    predicates: tuple[Predicate, ...] = ()

    @property
    def empty(self) -> bool:
        return self.labels.empty and not self.predicates

    def matches(self, obj: Message) -> bool:
        labels: Mapping[str, str] = obj.metadata.labels  # type: ignore[attr-defined]
        return self.labels.matches(labels) and all(p(obj) for p in self.predicates)


def build_filter(
    resource: Resource,
    label_selector: str,
    field_selector: str,
    criteria: list_pb2.Criteria | None = None,
    prefix: str = "options",
) -> Filter:
    """Validate and compile the selectors and criteria of a request."""
    labels = parse_label_selector(label_selector) if label_selector.strip() else LabelSelector()
    preds = parse_field_selector(field_selector, resource, f"{prefix}.fieldSelector")
    # An empty Criteria message (nothing set) at the top level means "no criteria".
    if criteria is not None and criteria.WhichOneof("expression") is not None:
        preds.append(compile_criteria(criteria, resource, f"{prefix}.criteria"))
    return Filter(labels, tuple(preds))


def _sort_key(f: IndexedField) -> Callable[[Message], tuple[int, Value]]:
    def key(obj: Message) -> tuple[int, Value]:
        v = object_value(f, obj)
        return (0, None) if v is None else (1, v)

    return key


def validate_order_by(resource: Resource, order_by: Sequence[list_pb2.OrderBy]) -> list[IndexedField]:
    return [lookup_field(resource, o.field, f"options.orderBy[{i}].field") for i, o in enumerate(order_by)]


def sort_objects(resource: Resource, objs: list[Message], order_by: Sequence[list_pb2.OrderBy]) -> list[Message]:
    """Stable multi-key sort; `objs` must already be in key order (the tie-breaker)."""
    fields = validate_order_by(resource, order_by)
    out = list(objs)
    # Sorting by the last key first, then by earlier ones, gives a lexicographic multi-key order.
    for f, o in reversed(list(zip(fields, order_by, strict=True))):
        out.sort(key=_sort_key(f), reverse=o.descending)
    return out

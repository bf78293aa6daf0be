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

Grammar follows k8s.io/apimachinery (labels.Parse, fields.ParseSelector):
- Label selectors also take `k>n` and `k<n` (n an integer; a label value that
  is not an integer never matches), and `k in ()` means `k in ("")`, as in
  Kubernetes. Whitespace is space, tab, CR and LF only.
- Field selector values accept only the escapes `\\\\`, `\\,` and `\\=`; an
  unescaped `=`, another escape or a trailing backslash is an error. Empty
  terms (`a=b,,c=d`) are skipped.

Limits (INVALID_ARGUMENT naming the option and the limit, on List, Watch and
DeleteCollection; over HTTP a 400), so that no list request can keep the event
loop busy for long:
- `MAX_SELECTOR_CHARS` characters and `MAX_SELECTOR_REQUIREMENTS`
  requirements per label selector and per field selector;
- `MAX_CRITERIA_NODES` nodes (criterion, allOf and anyOf together),
  `MAX_CRITERIA_DEPTH` levels, `MAX_CRITERIA_VALUES` values and
  `MAX_CRITERIA_VALUE_CHARS` characters of values in one criteria tree;
- `MAX_ORDER_BY` order_by entries;
- over gRPC, `MAX_LIST_REQUEST_BYTES` bytes of request: the most a List, Watch
  or DeleteCollection request within the limits above can take (selectors of
  4-byte UTF-8 characters, criteria values likewise, criteria field names and
  order_by entries of schema paths, continue token, namespace). A larger one is
  refused before it is parsed (`list_request_too_large`), so a 1 MiB selector
  costs no more than a short one.
LIKE patterns are matched without backtracking blow-up: in O(n * m) at worst
(value length n, pattern length m), usually linear (see `LikePattern`).
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
from ma_server.storage.base import Selection
from ma_server.validation import is_label_value, is_qualified_name
from michelangelo.api import list_pb2

Predicate = Callable[[Message], bool]
# A comparable value: None (NULL) or a str/int/float/bool/(seconds, nanos) of one type.
Value = str | int | float | bool | tuple[int, int] | None


# Limits on the options of one List, Watch or DeleteCollection request (see the module docstring).
MAX_SELECTOR_CHARS = 8192
MAX_SELECTOR_REQUIREMENTS = 64
MAX_CRITERIA_NODES = 256
MAX_CRITERIA_DEPTH = 16
MAX_CRITERIA_VALUES = 1024
MAX_CRITERIA_VALUE_CHARS = 16384
MAX_ORDER_BY = 8
# Selector text quoted in an error message is cut to this many characters.
QUOTE_CHARS = 200
# Bytes allowed per criteria node / order_by entry (a schema path, its operator and framing),
# and for the rest of a list request (namespace, continue token, resourceVersion, flags).
_FIELD_ENTRY_BYTES = 512
_LIST_ENVELOPE_BYTES = 16 * 1024
MAX_LIST_REQUEST_BYTES = (
    2 * 4 * MAX_SELECTOR_CHARS
    + 4 * MAX_CRITERIA_VALUE_CHARS
    + 8 * MAX_CRITERIA_VALUES
    + _FIELD_ENTRY_BYTES * (MAX_CRITERIA_NODES + MAX_ORDER_BY)
    + _LIST_ENVELOPE_BYTES
)


def list_request_too_large(size: int, option: str = "", prefix: str = "options") -> ApiError:
    """INVALID_ARGUMENT for a List / Watch / DeleteCollection request of `size` bytes (over the bound),
    naming `option` (its largest list option, as found by a scan of the request's bytes) if known."""
    where = f"{prefix}.{option}" if option else prefix
    msg = (
        f"{where}: request is {size} bytes,"
        " more than any list request within the limits of its options can take"
        f" ({MAX_LIST_REQUEST_BYTES} bytes: selectors of at most {MAX_SELECTOR_CHARS} characters, criteria"
        f" of at most {MAX_CRITERIA_NODES} nodes and {MAX_CRITERIA_VALUE_CHARS} characters of values,"
        f" at most {MAX_ORDER_BY} orderBy entries)"
    )
    return ApiError(
        grpc.StatusCode.INVALID_ARGUMENT,
        msg,
        [FieldViolation(where, f"request is {size} bytes, more than the limit of {MAX_LIST_REQUEST_BYTES}")],
    )


def _error(message: str, field_path: str) -> ApiError:
    return ApiError(grpc.StatusCode.INVALID_ARGUMENT, message, [FieldViolation(field_path, message)])


def _quote(text: str) -> str:
    """`text` for an error message: repr, cut to QUOTE_CHARS with a count of what was left out."""
    if len(text) <= QUOTE_CHARS:
        return repr(text)
    return f"{text[:QUOTE_CHARS]!r}... ({len(text) - QUOTE_CHARS} more characters)"


def _too_long(text: str, where: str) -> ApiError | None:
    if len(text) > MAX_SELECTOR_CHARS:
        return _error(f"{where}: at most {MAX_SELECTOR_CHARS} characters, got {len(text)}", where)
    return None


def _too_many_requirements(where: str) -> ApiError:
    return _error(f"{where}: at most {MAX_SELECTOR_REQUIREMENTS} requirements", where)


# ---------------------------------------------------------------------------
# Label selectors

LabelOp = Literal["=", "!=", "in", "notin", "exists", "!exists", ">", "<"]

# strconv.ParseInt(v, 10, 64) on a label value (which cannot carry a sign).
_INT64 = re.compile(r"[0-9]+")
_INT64_MAX = 2**63 - 1


def _label_int(text: str) -> int | None:
    if _INT64.fullmatch(text) is None:
        return None
    n = int(text)
    return n if n <= _INT64_MAX else None


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
        if self.op in (">", "<"):
            have = _label_int(value) if value is not None else None
            (want_text,) = self.values
            want = _label_int(want_text)
            if have is None or want is None:
                return False
            return have > want if self.op == ">" else have < want
        return not present or value not in self.values  # "!=" and "notin"


@dataclass(frozen=True)
class LabelSelector:
    requirements: tuple[Requirement, ...] = ()

    def matches(self, labels: Mapping[str, str]) -> bool:
        return all(r.matches(labels) for r in self.requirements)

    @property
    def empty(self) -> bool:
        return not self.requirements


_SPECIAL = set(",=!()<>")
# apimachinery's isWhitespace: other Unicode spaces are part of an identifier (and make it invalid).
_WHITESPACE = set(" \t\r\n")


@dataclass
class _Lexer:
    """Tokens: identifiers (any run of other non-space characters) and , = == != ! ( ) < >."""

    text: str
    pos: int = 0
    tokens: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, text, position)

    def run(self) -> list[tuple[str, str, int]]:
        s = self.text
        i = 0
        while i < len(s):
            c = s[i]
            if c in _WHITESPACE:
                i += 1
            elif s.startswith("==", i) or s.startswith("!=", i):
                self.tokens.append((s[i : i + 2], s[i : i + 2], i))
                i += 2
            elif c in _SPECIAL:
                self.tokens.append((c, c, i))
                i += 1
            else:
                j = i
                while j < len(s) and s[j] not in _WHITESPACE and s[j] not in _SPECIAL:
                    j += 1
                self.tokens.append(("id", s[i:j], i))
                i = j
        self.tokens.append(("end", "", len(s)))
        return self.tokens


class _LabelParser:
    def __init__(self, text: str, where: str) -> None:
        self.text = text
        self.where = where
        self.tokens = _Lexer(text).run()
        self.i = 0

    def fail(self, why: str) -> ApiError:
        pos = self.tokens[self.i][2]
        return _error(f"invalid label selector {_quote(self.text)}: {why} at position {pos}", self.where)

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def key(self) -> str:
        kind, text, _ = self.peek()
        if kind != "id":
            raise self.fail(f"expected a label key, found {_quote(text or 'end of selector')}")
        if not is_qualified_name(text):
            raise self.fail(f"invalid label key {_quote(text)}")
        self.take()
        return text

    def value(self) -> str:
        kind, text, _ = self.peek()
        if kind != "id":
            return ""  # `k=` selects the empty value, as in Kubernetes
        if not is_label_value(text):
            raise self.fail(f"invalid label value {_quote(text)}")
        self.take()
        return text

    def values(self) -> frozenset[str]:
        if self.take()[0] != "(":
            self.i -= 1
            raise self.fail("expected '('")
        out = {self.value()}  # `k in ()` is `k in ("")`, as in Kubernetes
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
        if kind in (">", "<"):
            self.take()
            if self.peek()[0] not in ("id", ",", "end"):
                raise self.fail(f"expected an integer after {kind!r}, found {_quote(self.peek()[1])}")
            value = self.value()
            if _label_int(value) is None:
                raise self.fail(f"for '>' and '<' the value must be an integer, got {_quote(value)}")
            return Requirement(key, ">" if kind == ">" else "<", frozenset({value}))
        if kind == "id" and text in ("in", "notin"):
            self.take()
            return Requirement(key, "in" if text == "in" else "notin", self.values())
        raise self.fail(f"expected one of =, ==, !=, in, notin, >, <, ',' after key {key!r}, found {_quote(text)}")

    def parse(self) -> LabelSelector:
        reqs: list[Requirement] = []
        if self.peek()[0] == "end":
            return LabelSelector()
        while True:
            if len(reqs) == MAX_SELECTOR_REQUIREMENTS:
                raise _too_many_requirements(self.where)
            reqs.append(self.requirement())
            kind, text, _ = self.peek()
            if kind == "end":
                return LabelSelector(tuple(reqs))
            if kind != ",":
                raise self.fail(f"expected ',' or end of selector, found {_quote(text)}")
            self.take()


def parse_label_selector(text: str, where: str = "options.labelSelector") -> LabelSelector:
    """Parse a Kubernetes label selector; INVALID_ARGUMENT naming the selector on syntax errors
    and naming the limit when it is longer than MAX_SELECTOR_CHARS or has more than
    MAX_SELECTOR_REQUIREMENTS requirements."""
    err = _too_long(text, where)
    if err is not None:
        raise err
    return _LabelParser(text, where).parse()


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
                raise _error(f"{where}: {_quote(text)} is not a number (field {f.json_path})", where) from None
    if vt is ValueType.BOOL:
        if text.lower() in ("true", "false"):
            return text.lower() == "true"
        raise _error(f"{where}: {_quote(text)} is not a boolean (true or false) (field {f.json_path})", where)
    if vt is ValueType.ENUM:
        assert f.enum is not None
        if text in f.enum.values_by_name:
            return text
        if text.lstrip("-").isdigit() and int(text) in f.enum.values_by_number:
            return f.enum.values_by_number[int(text)].name
        names = ", ".join(v.name for v in f.enum.values)
        raise _error(
            f"{where}: {_quote(text)} is not a value of {f.enum.name} (field {f.json_path}); one of {names}", where
        )
    ts = timestamp_pb2.Timestamp()
    try:
        ts.FromJsonString(text)
    except ValueError:
        raise _error(
            f"{where}: {_quote(text)} is not an RFC 3339 timestamp like 2025-01-31T12:00:00Z (field {f.json_path})",
            where,
        ) from None
    return (ts.seconds, ts.nanos)


class LikePattern:
    """SQL LIKE (`%` any run, `_` one character, a backslash escapes the next character;
    a trailing backslash is itself), matching the whole value, case-sensitively.

    Matched without backtracking blow-up: the pattern is cut at `%` into segments of
    fixed length; the first must match at the start, the last at the end, and each
    segment between is taken at its leftmost place after the previous one (the
    leftmost place of a fixed-length segment never ends later than another place,
    so nothing is lost by committing to it). Each segment is a Python regex without
    repetition, the middle ones in atomic groups, so the engine never retries an
    earlier choice: O(n * m) at worst for a value of n and a pattern of m characters.
    """

    __slots__ = ("_head", "_head_len", "_middle", "_min_len", "_tail", "_tail_len", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        segments: list[list[str | None]] = [[]]  # characters, None for `_`
        i = 0
        while i < len(pattern):
            c = pattern[i]
            if c == "\\" and i + 1 < len(pattern):
                segments[-1].append(pattern[i + 1])
                i += 2
                continue
            if c == "%":
                segments.append([])
            else:
                segments[-1].append(None if c == "_" else c)
            i += 1
        self._head = self._compile(segments[0])
        self._head_len = len(segments[0])
        self._middle: re.Pattern[str] | None = None
        self._tail: re.Pattern[str] | None = None
        self._tail_len = 0
        if len(segments) > 1:
            self._tail = self._compile(segments[-1])
            self._tail_len = len(segments[-1])
            middle = [seg for seg in segments[1:-1] if seg]
            if middle:
                groups = "".join(f"(?>.*?{self._source(seg)})" for seg in middle)
                self._middle = re.compile(groups, re.DOTALL)
        self._min_len = sum(len(seg) for seg in segments)

    @staticmethod
    def _source(segment: Sequence[str | None]) -> str:
        return "".join("." if c is None else re.escape(c) for c in segment)

    @classmethod
    def _compile(cls, segment: Sequence[str | None]) -> re.Pattern[str]:
        return re.compile(cls._source(segment), re.DOTALL)

    def fullmatch(self, text: str) -> bool:
        n = len(text)
        if n < self._min_len:
            return False
        if self._tail is None:  # no `%`: the one segment is the whole value
            return n == self._head_len and self._head.fullmatch(text) is not None
        if self._head.match(text) is None:
            return False
        end = n - self._tail_len
        if self._tail.match(text, end) is None:
            return False
        return self._middle is None or self._middle.match(text, self._head_len, end) is not None


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
        like = LikePattern(values[0])
        return lambda obj: (v := object_value(f, obj)) is not None and like.fullmatch(_text(v))
    if op not in _SINGLE and op not in (list_pb2.OPERATOR_IN, list_pb2.OPERATOR_NOT_IN):
        raise _error(f"{where}: invalid operator {op_name}", where)
    operands = [parse_operand(f, v, where) for v in values]
    if op in (list_pb2.OPERATOR_IN, list_pb2.OPERATOR_NOT_IN):
        # A set: one lookup per object however many values (equal numbers hash alike, 1 == 1.0).
        members = frozenset(operands)
        if op == list_pb2.OPERATOR_IN:
            return lambda obj: (v := object_value(f, obj)) is not None and v in members
        return lambda obj: (v := object_value(f, obj)) is None or v not in members
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


def _split_terms(text: str) -> list[str]:
    """Split at commas not escaped by a backslash (the backslash is kept), as fields.splitTerms."""
    parts, cur, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            cur.append(text[i : i + 2])
            i += 2
            continue
        if c == ",":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


_FIELD_ESCAPES = frozenset("\\,=")


def _unescape_value(raw: str, fail: Callable[[str], ApiError]) -> str:
    """fields.UnescapeValue: only the escapes of a backslash, comma and equals sign; a bare `=`
    or `,`, another escape or a trailing backslash is an error."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "\\":
            if i + 1 == len(raw):
                raise fail("the value ends in a lone backslash (write \\\\ for a backslash)")
            nxt = raw[i + 1]
            if nxt not in _FIELD_ESCAPES:
                raise fail(
                    f"invalid escape sequence {_quote(c + nxt)} in the value (only \\\\, \\, and \\= are escapes)"
                )
            out.append(nxt)
            i += 2
            continue
        if c in _FIELD_ESCAPES:
            raise fail(f"unescaped {c!r} in the value (write \\{c})")
        out.append(c)
        i += 1
    return "".join(out)


# As apimachinery's fields.ParseSelector: nothing is trimmed, so `a = b` names the field "a " and the value " b".
_FIELD_TERM = re.compile(r"([^=!]+)(==|!=|=)(.*)$", re.DOTALL)


def parse_field_selector(text: str, resource: Resource, where: str = "options.fieldSelector") -> list[Predicate]:
    """Parse `f=v,f!=v`; INVALID_ARGUMENT naming the selector or listing the supported fields,
    or naming the limit (MAX_SELECTOR_CHARS, MAX_SELECTOR_REQUIREMENTS)."""
    preds: list[Predicate] = []
    err = _too_long(text, where)
    if err is not None:
        raise err
    if not text:
        return preds
    for term in _split_terms(text):
        if term == "":
            continue  # `a=b,,c=d`: Kubernetes skips empty terms
        if len(preds) == MAX_SELECTOR_REQUIREMENTS:
            raise _too_many_requirements(where)
        m = _FIELD_TERM.match(term)
        if m is None:
            raise _error(
                f"invalid field selector {_quote(text)}: {_quote(term.strip())}"
                " is not of the form field=value or field!=value",
                where,
            )
        name, op, raw = m.group(1), m.group(2), m.group(3)

        def fail(why: str, term: str = term) -> ApiError:
            return _error(f"invalid field selector {_quote(text)}: in {_quote(term.strip())}: {why}", where)

        value = _unescape_value(raw, fail)
        f = lookup_field(resource, name, where)
        operator = list_pb2.OPERATOR_NE if op == "!=" else list_pb2.OPERATOR_EQ
        preds.append(compile_condition(f, operator, [value], where))
    return preds


# ---------------------------------------------------------------------------
# Criteria


def check_criteria_size(c: list_pb2.Criteria, where: str = "options.criteria") -> None:
    """INVALID_ARGUMENT when the tree is larger than the limits; walks at most MAX_CRITERIA_NODES nodes."""
    nodes = 0
    values = 0
    chars = 0
    stack: list[tuple[list_pb2.Criteria, int]] = [(c, 1)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if depth > MAX_CRITERIA_DEPTH:
            raise _error(f"{where}: at most {MAX_CRITERIA_DEPTH} levels of nested allOf/anyOf", where)
        which = node.WhichOneof("expression")
        if which in ("all_of", "any_of"):
            items = node.all_of.items if which == "all_of" else node.any_of.items
            if nodes + len(stack) + len(items) > MAX_CRITERIA_NODES:
                raise _error(
                    f"{where}: at most {MAX_CRITERIA_NODES} nodes (criterion, allOf and anyOf together)", where
                )
            stack.extend((item, depth + 1) for item in items)
        elif which == "criterion":
            operands = node.criterion.values
            values += len(operands)
            if values > MAX_CRITERIA_VALUES:
                raise _error(f"{where}: at most {MAX_CRITERIA_VALUES} values in all criteria together", where)
            chars += sum(len(v) for v in operands)
            if chars > MAX_CRITERIA_VALUE_CHARS:
                raise _error(
                    f"{where}: at most {MAX_CRITERIA_VALUE_CHARS} characters in the values of all criteria together",
                    where,
                )


def compile_criteria(c: list_pb2.Criteria, resource: Resource, where: str = "options.criteria") -> Predicate:
    """A predicate for a criteria tree; call `check_criteria_size` first (this recurses)."""
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
    # The selectors as the request gave them, for a store that can evaluate them itself
    # (Kubernetes); the predicates above stay the exact check.
    selection: Selection | None = None

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
    """Validate and compile the selectors and criteria of a request (limits first)."""
    where = f"{prefix}.labelSelector"
    err = _too_long(label_selector, where)
    if err is not None:
        raise err
    labels = parse_label_selector(label_selector, where) if label_selector.strip() else LabelSelector()
    preds = parse_field_selector(field_selector, resource, f"{prefix}.fieldSelector")
    # An empty Criteria message (nothing set) at the top level means "no criteria".
    if criteria is not None and criteria.WhichOneof("expression") is not None:
        check_criteria_size(criteria, f"{prefix}.criteria")
        preds.append(compile_criteria(criteria, resource, f"{prefix}.criteria"))
    return Filter(labels, tuple(preds), _selection(label_selector, field_selector))


def _selection(label_selector: str, field_selector: str) -> Selection | None:
    """The (already validated) selectors as a store hint: the label selector's text and each
    field term as (path, op, raw value)."""
    terms = []
    for term in _split_terms(field_selector) if field_selector else []:
        m = _FIELD_TERM.match(term)
        if m is not None:
            terms.append((m.group(1).strip(), m.group(2), m.group(3)))
    if not label_selector.strip() and not terms:
        return None
    return Selection(label_selector.strip(), tuple(terms))


def _sort_key(f: IndexedField) -> Callable[[Message], tuple[int, Value]]:
    def key(obj: Message) -> tuple[int, Value]:
        v = object_value(f, obj)
        return (0, None) if v is None else (1, v)

    return key


def validate_order_by(resource: Resource, order_by: Sequence[list_pb2.OrderBy]) -> list[IndexedField]:
    """The fields to sort by; INVALID_ARGUMENT for an unknown field or more than MAX_ORDER_BY entries."""
    if len(order_by) > MAX_ORDER_BY:
        where = "options.orderBy"
        raise _error(f"{where}: at most {MAX_ORDER_BY} entries, got {len(order_by)}", where)
    return [lookup_field(resource, o.field, f"options.orderBy[{i}].field") for i, o in enumerate(order_by)]


def sort_objects(resource: Resource, objs: list[Message], order_by: Sequence[list_pb2.OrderBy]) -> list[Message]:
    """Stable multi-key sort; `objs` must already be in key order (the tie-breaker)."""
    fields = validate_order_by(resource, order_by)
    out = list(objs)
    # Sorting by the last key first, then by earlier ones, gives a lexicographic multi-key order.
    for f, o in reversed(list(zip(fields, order_by, strict=True))):
        out.sort(key=_sort_key(f), reverse=o.descending)
    return out

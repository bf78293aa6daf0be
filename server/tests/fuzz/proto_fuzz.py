"""Hypothesis strategies for protobuf request messages, built from descriptors alone, and
wire-level mutations of their serialized bytes.

`request_bytes(descriptor)` draws a message of any type: strings with odd unicode, huge and
negative integers, NaN and infinities, nested messages (depth-bounded, so recursive types such
as `Criteria` terminate), repeated fields, maps, enums including unknown numbers. The message
is serialized and then, sometimes, mutated on the wire: unknown fields of every wire type,
invalid UTF-8 in a string field at any depth (a length-delimited field repeated on the wire
merges into the message already there), truncation, random bytes, a recursive field nested
past the parser's recursion limit.
"""

from __future__ import annotations

import functools
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass
from hypothesis import strategies as st

from ma_server.http.transcode import INT_RANGES

MAX_DEPTH = 3  # nested message levels drawn as messages (deeper ones stay empty)
MAX_ITEMS = 4  # items of a repeated field or a map

# Names the server accepts (so requests get past name validation and reach storage), a few it
# must refuse, and the namespaces the fuzzers write into (never the watchdog's).
NAMES = ["fuzz-a", "fuzz-b", "f", "a.b", "x" * 63, "x" * 254, "UPPER", "-lead", "tr-", "a/b", "..", "", "é"]
NAMESPACES = ["fuzz", "fuzz-2", "default", "", "Bad_NS", "x" * 64]
ODD_TEXT = [
    "",
    " ",
    "\x00",
    "\t\n\r",
    "\u202e\u2066",  # bidi controls
    "\ufeff",  # BOM
    "\uffff\ufffe",  # noncharacters
    "\U0010ffff",
    "\U0001f600" * 8,
    "e\u0301" * 4,  # combining marks
    "名前",
    "٥",
    "%00%ff",
    "\\",
    "a=b,c!=d",
    "x in (a, b)",
    "${jndi:x}",
    "'; DROP TABLE objects; --",
    "%a%a%a%a%a%a%b",
    "_" * 300,
    "a" * 5000,
]


def _text() -> st.SearchStrategy[str]:
    # Protobuf strings must be valid UTF-8, so no surrogates here; invalid UTF-8 is a wire mutation.
    return st.one_of(
        st.sampled_from(ODD_TEXT),
        st.sampled_from(NAMES),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=24),
    )


def _int(lo: int, hi: int) -> st.SearchStrategy[int]:
    edges = sorted({v for v in (lo, hi, 0, 1, -1, lo + 1, hi - 1, 2**31 - 1, 2**53 + 1) if lo <= v <= hi})
    return st.one_of(st.sampled_from(edges), st.integers(min_value=lo, max_value=hi), st.integers(-5, 1000))


def _scalar(fd: FieldDescriptor) -> st.SearchStrategy[Any]:
    t = fd.type
    if t == FieldDescriptor.TYPE_STRING:
        if fd.name == "name":
            return st.one_of(st.sampled_from(NAMES), _text())
        if fd.name == "namespace":
            return st.one_of(st.sampled_from(NAMESPACES), _text())
        return _text()
    if t == FieldDescriptor.TYPE_BYTES:
        return st.binary(max_size=48)
    if t in INT_RANGES:
        return _int(*INT_RANGES[t])
    if t == FieldDescriptor.TYPE_BOOL:
        return st.booleans()
    if t == FieldDescriptor.TYPE_FLOAT:
        return st.floats(width=32)
    if t == FieldDescriptor.TYPE_DOUBLE:
        return st.one_of(st.floats(), st.sampled_from([float("nan"), float("inf"), -float("inf"), 1e308, -0.0]))
    if t == FieldDescriptor.TYPE_ENUM:
        assert fd.enum_type is not None
        known = [v.number for v in fd.enum_type.values]
        # Unknown numbers too: proto3 enums are open, a client may send any int32.
        return st.one_of(st.sampled_from(known), st.integers(-(2**31), 2**31 - 1))
    raise AssertionError(f"unhandled field type {t} of {fd.full_name}")


def _is_map(fd: FieldDescriptor) -> bool:
    return fd.message_type is not None and fd.is_repeated and fd.message_type.GetOptions().map_entry


def _value(fd: FieldDescriptor, depth: int) -> st.SearchStrategy[Any]:
    if fd.message_type is not None:
        return message(fd.message_type, depth + 1)
    return _scalar(fd)


def _field(fd: FieldDescriptor, depth: int) -> st.SearchStrategy[Any]:
    if _is_map(fd):
        entry = fd.message_type
        assert entry is not None
        return st.dictionaries(
            _scalar(entry.fields_by_name["key"]), _value(entry.fields_by_name["value"], depth), max_size=MAX_ITEMS
        )
    if fd.is_repeated:
        return st.lists(_value(fd, depth), max_size=MAX_ITEMS)
    return _value(fd, depth)


def _assign(msg: Message, fd: FieldDescriptor, value: Any) -> None:
    try:
        if _is_map(fd):
            target = getattr(msg, fd.name)
            for k, v in value.items():
                if isinstance(v, Message):
                    target[k].CopyFrom(v)
                else:
                    target[k] = v
        elif fd.is_repeated:
            target = getattr(msg, fd.name)
            for v in value:
                if isinstance(v, Message):
                    target.add().CopyFrom(v)
                else:
                    target.append(v)
        elif isinstance(value, Message):
            getattr(msg, fd.name).CopyFrom(value)
        else:
            setattr(msg, fd.name, value)
    except (ValueError, TypeError, OverflowError):
        pass  # a value this runtime refuses to hold (e.g. an unknown number of a closed enum)


@functools.cache
def message(desc: Descriptor, depth: int = 0) -> st.SearchStrategy[Message]:
    """A message of `desc`'s type with any subset of its fields set."""
    cls = GetMessageClass(desc)
    if depth > MAX_DEPTH or not desc.fields:
        return st.just(cls())
    fields = {fd.name: fd for fd in desc.fields}
    parts = st.fixed_dictionaries(
        {}, optional={name: st.deferred(lambda fd=fd: _field(fd, depth)) for name, fd in fields.items()}
    )

    def build(values: dict[str, Any]) -> Message:
        msg = cls()
        for name, value in values.items():
            _assign(msg, fields[name], value)
        return msg

    return parts.map(build)


# ---------------------------------------------------------------------------
# Wire encoding and mutations


def varint(n: int) -> bytes:
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def tag(number: int, wire_type: int) -> bytes:
    return varint((number << 3) | wire_type)


def length_delimited(number: int, payload: bytes) -> bytes:
    return tag(number, 2) + varint(len(payload)) + payload


def string_paths(desc: Descriptor, depth: int = 0) -> list[tuple[int, ...]]:
    """Field-number paths through singular message fields to every string field (depth-bounded)."""
    out: list[tuple[int, ...]] = []
    for fd in desc.fields:
        if fd.type == FieldDescriptor.TYPE_STRING:
            out.append((fd.number,))
        elif fd.message_type is not None and not fd.is_repeated and depth < 4:
            out.extend((fd.number, *p) for p in string_paths(fd.message_type, depth + 1))
    return out


def recursive_path(desc: Descriptor) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """A path to a message type that contains itself (`prefix`, `cycle` field numbers), if any."""
    seen: dict[str, tuple[int, ...]] = {}
    stack: list[tuple[Descriptor, tuple[int, ...]]] = [(desc, ())]
    while stack:
        d, path = stack.pop()
        if d.full_name in seen:
            start = seen[d.full_name]
            if path[: len(start)] == start and len(path) > len(start):
                return start, path[len(start) :]
            continue
        seen[d.full_name] = path
        if len(path) > 6:
            continue
        for fd in d.fields:
            if fd.message_type is not None and not _is_map(fd):
                stack.append((fd.message_type, (*path, fd.number)))
    return None


def nest(path: tuple[int, ...], payload: bytes) -> bytes:
    for number in reversed(path):
        payload = length_delimited(number, payload)
    return payload


INVALID_UTF8 = [b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"a\x80b", b"\xf4\x90\x80\x80", b"\xe2\x82"]


@st.composite
def _unknown_field(draw: st.DrawFn) -> bytes:
    number = draw(st.one_of(st.integers(1, 40), st.integers(1000, 2**29 - 1), st.sampled_from([19000, 19999])))
    wire = draw(st.sampled_from([0, 1, 2, 5]))
    if wire == 0:
        return tag(number, 0) + varint(draw(st.integers(0, 2**64 - 1)))
    if wire == 1:
        return tag(number, 1) + draw(st.binary(min_size=8, max_size=8))
    if wire == 5:
        return tag(number, 5) + draw(st.binary(min_size=4, max_size=4))
    return length_delimited(number, draw(st.binary(max_size=32)))


def _merged(base: Message, extra: Message) -> bytes:
    out = type(base)()
    out.CopyFrom(base)
    out.MergeFrom(extra)
    return out.SerializeToString()


def request_bytes(desc: Descriptor, base: Message | None = None) -> st.SearchStrategy[bytes]:
    """Serialized requests of `desc`'s type, most valid, some mutated on the wire. With `base` (a
    request the server accepts), many are `base` with random fields merged in, so they get past
    validation and reach the store."""
    drawn = message(desc)
    valid = drawn.map(lambda m: m.SerializeToString())
    if base is not None:
        near = st.one_of(st.just(base.SerializeToString()), drawn.map(lambda m: _merged(base, m)))
        valid = st.one_of(near, near, valid)
    paths = string_paths(desc)
    rec = recursive_path(desc)

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        base = draw(valid)
        kind = draw(st.sampled_from(["unknown", "utf8", "truncate", "random", "flip", "deep", "group"]))
        if kind == "unknown":
            return base + b"".join(draw(st.lists(_unknown_field(), min_size=1, max_size=3)))
        if kind == "utf8" and paths:
            path = draw(st.sampled_from(paths))
            *outer, last = path
            return base + nest(tuple(outer), length_delimited(last, draw(st.sampled_from(INVALID_UTF8))))
        if kind == "truncate" and base:
            return base[: draw(st.integers(0, len(base) - 1))]
        if kind == "flip" and base:
            i = draw(st.integers(0, len(base) - 1))
            return base[:i] + bytes([base[i] ^ (1 << draw(st.integers(0, 7)))]) + base[i + 1 :]
        if kind == "deep" and rec is not None:
            prefix, cycle = rec
            return base + nest(prefix + cycle * draw(st.integers(20, 120)), b"")
        if kind == "group":  # deprecated group wire types 3/4, unbalanced
            return base + tag(draw(st.integers(1, 50)), draw(st.sampled_from([3, 4])))
        return draw(st.binary(max_size=64))

    return st.one_of(valid, valid, mutated())

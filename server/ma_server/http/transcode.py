"""HTTP request -> request message, following the `google.api.http` rule of the method.

Path variables set their field paths, the body fills the rule's `body` field
(or the whole request for `*`), and the remaining query parameters set fields
by their proto3 JSON or proto names (`options.labelSelector`). Kubernetes
clients send their standard parameters un-nested (`labelSelector`, `limit`,
`continue`, `resourceVersion`, `dryRun=All`, ...): a name that is not a
top-level field is looked up one level down (`options.<name>`), and a
Kubernetes parameter the method has no field for is ignored, as the
Kubernetes API server ignores parameters that do not apply.

Every request body passes `parse_json_body`, the one decode boundary: it must be
UTF-8 JSON (RFC 8259) with no `NaN`/`Infinity` literals and no lone UTF-16
surrogate (`"\\ud800"`) in any key or string, which no message field can hold and
no UTF-8 response can echo. Anything else is a `TranscodeError` (HTTP 400)
naming the problem and where it is (`BODY_*` messages below). Integer query
parameters (`limit`, `timeoutSeconds`, ...) take ASCII digits with an optional
`-` only (`-?[0-9]+`): `" 5"`, `"+5"`, `"5_0"` and other scripts' digits (U+0665),
which Python's `int()` would take, are refused.

Unknown JSON keys of a body (a name no field of the message has, at any depth
of known messages) are collected when the caller passes `unknown=[...]` to
`build_request`: they are left out of the message and their paths
(`spec.foo`, `spec.items[0].bar`, relative to the body) appended, for
`ma_server.field_validation` to warn about or refuse (the `fieldValidation`
parameter). Without `unknown` an unknown key is a TranscodeError (400).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from typing import Any

from google.protobuf import json_format, message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from ma_server.http.catalog import Binding, descriptor_of

JsonObj = dict[str, Any]

# Kubernetes query parameter -> our field name where the two differ.
KUBE_ALIASES = {"allowWatchBookmarks": "allowBookmarks"}

# Standard Kubernetes query parameters; ignored when the method has no field for them.
KUBE_PARAMS = frozenset(
    {
        "pretty",
        "watch",
        "labelSelector",
        "fieldSelector",
        "limit",
        "continue",
        "resourceVersion",
        "resourceVersionMatch",
        "sendInitialEvents",
        "allowWatchBookmarks",
        "timeoutSeconds",
        "dryRun",
        "fieldManager",
        "fieldValidation",
        "force",
        "propagationPolicy",
        "gracePeriodSeconds",
        "orphanDependents",
    }
)

# DeleteOptions fields kubectl and client-go send that map onto our delete requests.
_DELETE_OPTION_FIELDS = ("preconditions",)

# The value range of each integer field type (the proto3 JSON mapping accepts exactly these).
INT_RANGES: dict[int, tuple[int, int]] = {
    FieldDescriptor.TYPE_INT32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_SINT32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_UINT32: (0, 2**32 - 1),
    FieldDescriptor.TYPE_FIXED32: (0, 2**32 - 1),
    FieldDescriptor.TYPE_INT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_SINT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_UINT64: (0, 2**64 - 1),
    FieldDescriptor.TYPE_FIXED64: (0, 2**64 - 1),
}


# What a request body that cannot be decoded is told (HTTP 400, reason BadRequest).
BODY_NOT_UTF8 = "request body is not valid UTF-8: invalid byte 0x{byte:02x} at offset {offset}"
BODY_NOT_JSON = "request body is not valid JSON: {error}"
BODY_NON_FINITE = "request body is not valid JSON: {literal} is not a JSON number (write it as the string {quoted!r})"
BODY_TOO_DEEP = "request body is not valid JSON: nested too deeply"
BODY_LONE_SURROGATE = (
    "request body is not valid JSON: lone UTF-16 surrogate {char} in a {what} at {path}"
    " (a surrogate must be half of a pair; no field can hold it)"
)
# Integer query parameters: ASCII digits, an optional '-' (not ' 5', '+5' or other scripts' digits).
_INT_TEXT = re.compile(r"-?[0-9]+")
# Floating-point query parameters: a JSON number, or proto3 JSON's NaN / Infinity / -Infinity.
_FLOAT_TEXT = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|-?Infinity")


# A JSON escape of a UTF-16 surrogate (`\ud800`-`\udfff`, hex digits in either case).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class TranscodeError(Exception):
    """The HTTP request cannot be turned into a request message (HTTP 400)."""


def new_message(desc: Descriptor) -> Message:
    return message_factory.GetMessageClass(desc)()


def _reject_constant(literal: str) -> Any:
    raise TranscodeError(BODY_NON_FINITE.format(literal=literal, quoted=literal))


def parse_json_body(raw: bytes) -> Any:
    """The decoded JSON document of a request body, or TranscodeError naming what is wrong."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TranscodeError(BODY_NOT_UTF8.format(byte=raw[exc.start], offset=exc.start)) from None
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise TranscodeError(BODY_NOT_JSON.format(error=exc)) from None
    except RecursionError:
        raise TranscodeError(BODY_TOO_DEEP) from None
    # Strict UTF-8 decoding refused encoded surrogates, so a lone one can only come from a `\uD8xx`-`\uDFxx`
    # escape: without one in the text, the walk over every value (seconds for 8 MiB of labels) is skipped.
    if _SURROGATE_ESCAPE.search(text) is not None:
        _check_surrogates(doc)
    return doc


def _has_surrogate(s: str) -> bool:
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _surrogate_error(s: str, what: str, path: str) -> TranscodeError:
    char = next(json.dumps(c) for c in s if 0xD800 <= ord(c) <= 0xDFFF)
    return TranscodeError(BODY_LONE_SURROGATE.format(char=char, what=what, path=path or "the top level"))


def _check_surrogates(doc: Any) -> None:
    """Refuse a lone surrogate anywhere in the document (json.loads lets `"\\ud800"` through)."""
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:  # one entry per JSON value: bounded by the body's size
        value, path = stack.pop()
        if isinstance(value, str):
            if _has_surrogate(value):
                raise _surrogate_error(value, "string", path)
        elif isinstance(value, dict):
            for key, item in value.items():
                shown = json.dumps(key)  # ASCII escapes: safe to print whatever the key holds
                if _has_surrogate(key):
                    raise _surrogate_error(key, "key", f"{path}[{shown}]" if path else shown)
                stack.append((item, f"{path}.{key}" if path else key))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(value))


def build_request(
    binding: Binding,
    path_vars: dict[str, str],
    query: list[tuple[str, str]],
    body: Any = None,
    unknown: list[str] | None = None,
) -> Message:
    """The request message for `binding`. `body` is the decoded JSON body or None.
    With `unknown`, unknown keys of the body are dropped and their paths appended to it."""
    req = new_message(binding.method.input_type)
    if binding.body and body is None:
        raise TranscodeError("request body is required")
    if binding.body == "*":
        if unknown is not None:
            body = strip_unknown(descriptor_of(req), body, "", unknown)
        _parse_into(req, body, "")
    elif binding.body:
        fd = descriptor_of(req).fields_by_name[binding.body]
        if not isinstance(body, dict) and fd.message_type is not None and not _is_repeated(fd):
            raise TranscodeError("request body must be a JSON object")
        if unknown is not None and fd.message_type is not None and not _is_repeated(fd):
            body = strip_unknown(fd.message_type, body, "", unknown)
        _parse_into(req, {fd.json_name: body}, "")
    elif body is not None and binding.verb == "DELETE":
        _apply_delete_options(req, body)
    for path, value in path_vars.items():
        _set_path_var(req, path, value)
    bound = set(path_vars)
    for key, value in query:
        _apply_query(req, key, value, bound, binding.body)
    return req


def _walks_into(desc: Descriptor | None) -> bool:
    # Well-known types have their own JSON forms (Timestamp strings, Struct objects): not walked.
    return desc is not None and not desc.full_name.startswith("google.protobuf.")


def strip_unknown(desc: Descriptor, data: Any, path: str, found: list[str]) -> Any:
    """`data` (the JSON of a `desc` message) without the keys no field has; their paths go to
    `found`. Values of the wrong JSON type are left for the parser to refuse. Unchanged parts
    are shared, not copied."""
    if not isinstance(data, dict):
        return data
    out: JsonObj | None = None
    for key, value in data.items():
        here = f"{path}.{key}" if path else str(key)
        fd = _field(desc, key)
        if fd is None:
            found.append(here)
            if out is None:
                out = {k: v for k, v in data.items()}
            del out[key]
            continue
        new = _strip_value(fd, value, here, found)
        if new is not value:
            if out is None:
                out = {k: v for k, v in data.items()}
            out[key] = new
    return data if out is None else out


def _strip_value(fd: FieldDescriptor, value: Any, here: str, found: list[str]) -> Any:
    mt = fd.message_type
    if mt is None or value is None:
        return value
    if mt.GetOptions().map_entry:
        vt = mt.fields_by_name["value"].message_type
        if not _walks_into(vt) or not isinstance(value, dict):
            return value
        assert vt is not None
        items = {k: strip_unknown(vt, v, f"{here}[{json.dumps(k)}]", found) for k, v in value.items()}
        return value if all(items[k] is value[k] for k in value) else items
    if not _walks_into(mt):
        return value
    if _is_repeated(fd):
        if not isinstance(value, list):
            return value
        seq = [strip_unknown(mt, v, f"{here}[{i}]", found) for i, v in enumerate(value)]
        return value if all(a is b for a, b in zip(seq, value, strict=True)) else seq
    return strip_unknown(mt, value, here, found)


def _parse_into(msg: Message, data: Any, where: str) -> None:
    try:
        json_format.ParseDict(data, msg)
    except (json_format.ParseError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise TranscodeError(f"invalid request body{where}: {exc}") from exc


def _apply_delete_options(req: Message, body: Any) -> None:
    # kubectl and client-go send a DeleteOptions body with every delete:
    # {"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}.
    # The fields we have (preconditions, dryRun) are taken; the rest is ignored.
    if not isinstance(body, dict):
        raise TranscodeError("a DELETE body must be a DeleteOptions JSON object")
    fields = descriptor_of(req).fields_by_name
    for name in _DELETE_OPTION_FIELDS:
        fd = fields.get(name)
        if fd is not None and fd.message_type is not None and body.get(name) is not None:
            try:
                json_format.ParseDict(body[name], getattr(req, fd.name), ignore_unknown_fields=True)
            except (json_format.ParseError, ValueError, TypeError, RecursionError) as exc:
                raise TranscodeError(f"invalid DeleteOptions.{name}: {exc}") from exc
    dry_run = body.get("dryRun")
    if dry_run is not None:
        if not isinstance(dry_run, list) or any(v != "All" for v in dry_run):
            raise TranscodeError('DeleteOptions.dryRun must be a list of "All"')
        fd = fields.get("dry_run")
        if dry_run and fd is not None and fd.type == FieldDescriptor.TYPE_BOOL:
            setattr(req, fd.name, True)


def _is_repeated(fd: FieldDescriptor) -> bool:
    return fd.is_repeated


def _field(desc: Descriptor, name: str) -> FieldDescriptor | None:
    fd = desc.fields_by_name.get(name)
    if fd is not None:
        return fd
    for f in desc.fields:
        if f.json_name == name:
            return f
    return None


def resolve(desc: Descriptor, path: str) -> list[FieldDescriptor] | None:
    """The fields along a dotted path of proto or JSON names; None when it does not
    exist or crosses a repeated or map field."""
    chain: list[FieldDescriptor] = []
    cur: Descriptor | None = desc
    for part in path.split("."):
        if cur is None:
            return None
        fd = _field(cur, part)
        if fd is None:
            return None
        chain.append(fd)
        cur = None if _is_repeated(fd) else fd.message_type
    return chain


def _walk(req: Message, chain: list[FieldDescriptor]) -> Message:
    cur = req
    for fd in chain[:-1]:
        cur = getattr(cur, fd.name)
    return cur


def _set_path_var(req: Message, path: str, value: str) -> None:
    chain = resolve(descriptor_of(req), path)
    if chain is None or _is_repeated(chain[-1]) or chain[-1].message_type is not None:
        raise TranscodeError(f"path variable {path!r} is not a scalar field")
    parent = _walk(req, chain)
    fd = chain[-1]
    converted = _convert(fd, value, path)
    current = getattr(parent, fd.name)
    # The object in the body and the URL must agree, as in Kubernetes:
    # `the namespace of the provided object does not match the namespace sent on the request`.
    if current not in ("", 0, False) and current != converted:
        raise TranscodeError(f"the {fd.json_name} of the provided object does not match the {fd.json_name} in the URL")
    setattr(parent, fd.name, converted)


def _apply_query(req: Message, key: str, value: str, bound: set[str], body_field: str) -> None:
    if body_field == "*":
        # Every field comes from the body; query parameters have nothing left to set.
        if key in KUBE_PARAMS:
            return
        raise TranscodeError(f"unknown query parameter {key!r}")
    path, chain = _lookup(descriptor_of(req), key)
    if chain is None:
        if key in KUBE_PARAMS:
            return
        raise TranscodeError(f"unknown query parameter {key!r}")
    if path in bound or (body_field and chain[0].name == body_field):
        return  # the path and the body win over the query, as in grpc-gateway
    fd = chain[-1]
    if key == "dryRun" and fd.type == FieldDescriptor.TYPE_BOOL and value == "All":
        value = "true"  # Kubernetes spells it dryRun=All; the proto form dryRun=true works too
    parent = _walk(req, chain)
    if fd.message_type is not None and not fd.message_type.GetOptions().map_entry and not _is_repeated(fd):
        # Well-known types (Timestamp, Duration, wrappers) take their JSON string form.
        _parse_into(getattr(parent, fd.name), value, f" (query parameter {key!r})")
        return
    if fd.message_type is not None:
        raise TranscodeError(f"query parameter {key!r} names a field that cannot be set from a query string")
    converted = _convert(fd, value, key)
    if _is_repeated(fd):
        getattr(parent, fd.name).append(converted)
    else:
        setattr(parent, fd.name, converted)


def _lookup(desc: Descriptor, key: str) -> tuple[str, list[FieldDescriptor] | None]:
    chain = resolve(desc, key)
    if chain is not None:
        return ".".join(f.name for f in chain), chain
    if "." in key:
        return key, None
    name = KUBE_ALIASES.get(key, key)
    chain = resolve(desc, name)
    if chain is not None:
        return ".".join(f.name for f in chain), chain
    # `labelSelector` -> `options.labelSelector`: one level into singular message fields.
    for fd in desc.fields:
        if fd.message_type is None or _is_repeated(fd):
            continue
        sub = _field(fd.message_type, name)
        if sub is not None:
            return f"{fd.name}.{sub.name}", [fd, sub]
    return key, None


def _convert(fd: FieldDescriptor, text: str, where: str) -> Any:
    t = fd.type
    try:
        if t == FieldDescriptor.TYPE_STRING:
            return text
        if t == FieldDescriptor.TYPE_BOOL:
            low = text.lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            raise ValueError("expected true or false")
        if t in INT_RANGES:
            if not _INT_TEXT.fullmatch(text):
                raise ValueError("expected an integer of ASCII digits")
            n = int(text, 10)
            lo, hi = INT_RANGES[t]
            if not lo <= n <= hi:
                raise ValueError("out of range")
            return n
        if t in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
            if not _FLOAT_TEXT.fullmatch(text):
                raise ValueError("expected a number")
            x = float(text)
            if t == FieldDescriptor.TYPE_FLOAT and math.isfinite(x) and abs(x) > 3.4028234663852886e38:
                raise ValueError("out of range")
            return x
        if t == FieldDescriptor.TYPE_ENUM:
            enum = fd.enum_type
            assert enum is not None
            by_name = enum.values_by_name.get(text)
            if by_name is not None:
                return by_name.number
            if not _INT_TEXT.fullmatch(text):
                raise ValueError(f"not a value of {enum.full_name}")
            number = int(text, 10)
            if number not in enum.values_by_number:
                raise ValueError(f"not a value of {enum.full_name}")
            return number
        if t == FieldDescriptor.TYPE_BYTES:
            padded = text + "=" * (-len(text) % 4)
            return base64.urlsafe_b64decode(padded.replace("+", "-").replace("/", "_"))
    except (ValueError, binascii.Error) as exc:
        raise TranscodeError(f"invalid value {text!r} for {where!r}: {exc}") from exc
    raise TranscodeError(f"{where!r} cannot be set from a string")

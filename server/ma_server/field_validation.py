"""Unknown fields in write requests: never stored; dropped with a warning, dropped silently or refused.

The caller chooses, as with Kubernetes' `fieldValidation`:

- `Warn` (the default, as the Kubernetes API server's): unknown fields are
  dropped and each is named in a warning: over gRPC a trailing metadata entry
  `warning: 299 - "unknown field \\"spec.#17\\""`, over HTTP a `Warning`
  header of the same form (what Kubernetes sends and client-go / kubectl print);
- `Ignore`: dropped without a warning;
- `Strict`: the write is refused, naming every unknown field: gRPC
  INVALID_ARGUMENT with a BadRequest violation per field, HTTP 400 (reason
  BadRequest, `strict decoding error: unknown field "spec.foo"`, as Kubernetes).

Over HTTP the mode is the `fieldValidation` query parameter, over gRPC the
request metadata key `field-validation` (`FIELD_VALIDATION_METADATA`); another
value is INVALID_ARGUMENT / 400. It applies to writes that carry an object
(Create, Update, UpdateStatus, and HTTP PATCH); unknown fields of other
requests are dropped silently (nothing of them is stored).

Unknown fields of a gRPC request are protobuf field numbers the server's schema
does not have (a newer client); they are named by their number after the known
path, in JSON names relative to the object: `spec.#17`, `metadata.#99`,
`spec.items[2].#5`, `spec.byName["k"].#3`. Over HTTP they are JSON keys the
schema does not have: `spec.foo`. At most `MAX_WARNINGS` warnings are sent
(then one `... and N more unknown fields`), each path cut to
`errors.MAX_FIELD_CHARS`, so they always fit the clients' metadata limit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Final

from google.protobuf import unknown_fields
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from ma_server.errors import MAX_FIELD_CHARS, ApiError, FieldViolation, clip, invalid, quote

STRICT: Final = "Strict"
WARN: Final = "Warn"
IGNORE: Final = "Ignore"
MODES: Final = (STRICT, WARN, IGNORE)
DEFAULT_MODE: Final = WARN
FIELD_VALIDATION_METADATA: Final = "field-validation"
FIELD_VALIDATION_PARAM: Final = "fieldValidation"
WARNING_METADATA: Final = "warning"
MAX_WARNINGS: Final = 16


def parse_mode(value: str | None, where: str) -> str:
    """The mode named by `value` (None or empty: the default); INVALID_ARGUMENT for anything else."""
    if value is None or value == "":
        return DEFAULT_MODE
    if value in MODES:
        return value
    msg = f"invalid {where} {quote(value)}: must be one of {', '.join(MODES)}"
    raise invalid(msg, FieldViolation(where, msg))


def mode_from_metadata(metadata: Iterable[tuple[str, Any]] | None) -> str:
    for key, value in metadata or ():
        if key == FIELD_VALIDATION_METADATA:
            text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
            return parse_mode(text, f"{FIELD_VALIDATION_METADATA} metadata")
    return DEFAULT_MODE


def _name(fd: FieldDescriptor) -> str:
    return fd.json_name or fd.name


def _unknown_numbers(msg: Message) -> list[int]:
    fields = unknown_fields.UnknownFieldSet(msg)
    return sorted({fields[i].field_number for i in range(len(fields))})


def unknown_paths(msg: Message, prefix: str = "") -> list[str]:
    """Every unknown field of `msg` and its nested messages, as `path.#number` (JSON names)."""
    out: list[str] = []
    stack: list[tuple[Message, str]] = [(msg, prefix)]
    while stack:  # one entry per message present: bounded by the request's size
        m, path = stack.pop()
        for number in _unknown_numbers(m):
            out.append(f"{path}.#{number}" if path else f"#{number}")
        for fd, value in m.ListFields():
            if fd.message_type is None:
                continue
            here = f"{path}.{_name(fd)}" if path else _name(fd)
            if fd.message_type.GetOptions().map_entry:
                vfd = fd.message_type.fields_by_name["value"]
                if vfd.message_type is not None:
                    stack.extend((v, f"{here}[{json.dumps(str(k))}]") for k, v in value.items())
            elif fd.is_repeated:
                stack.extend((v, f"{here}[{i}]") for i, v in enumerate(value))
            else:
                stack.append((value, here))
    return sorted(out)


def unknown_field_error(paths: list[str]) -> ApiError:
    """Strict mode's refusal, naming the fields (bounded as every error is)."""
    shown = ", ".join(json.dumps(clip(p, MAX_FIELD_CHARS)) for p in paths[:MAX_WARNINGS])
    more = f" and {len(paths) - MAX_WARNINGS} more" if len(paths) > MAX_WARNINGS else ""
    noun = "field" if len(paths) == 1 else "fields"
    return invalid(
        f"strict decoding error: unknown {noun} {shown}{more}",
        *(FieldViolation(p, "unknown field") for p in paths),
    )


def warnings(paths: list[str]) -> list[str]:
    """RFC 7234 warning values (code 299, agent `-`) for the dropped fields, at most MAX_WARNINGS + 1."""
    texts = [f"unknown field {json.dumps(clip(p, MAX_FIELD_CHARS))}" for p in paths[:MAX_WARNINGS]]
    if len(paths) > MAX_WARNINGS:
        texts.append(f"... and {len(paths) - MAX_WARNINGS} more unknown fields")
    return [warning_value(t) for t in texts]


def warning_value(text: str) -> str:
    """`299 - "<text>"`: the text as a JSON string, which is also an HTTP quoted-string of
    printable ASCII (quotes and backslashes escaped, other characters as `\\uXXXX`)."""
    quoted = json.dumps(text).replace("\x7f", "\\u007f")
    return f"299 - {quoted}"


def check_message(msg: Message, mode: str, root: str = "", raw: bytes | None = None) -> list[str]:
    """Drop every unknown field of `msg` (in place). Strict: INVALID_ARGUMENT naming them.
    Returns the warnings to send (none with Ignore). `root`: the request field holding the
    object, left out of the paths (`project.spec.#17` is named `spec.#17`). `raw`: the bytes
    `msg` was parsed from, read again to name the fields only when there are some."""
    if mode == IGNORE:
        msg.DiscardUnknownFields()
        return []
    original = None if raw is not None else copy_message(msg)
    before = msg.ByteSize()
    msg.DiscardUnknownFields()
    if msg.ByteSize() == before:
        return []  # the usual case, found in C: nothing was unknown
    if original is None:
        original = type(msg).FromString(raw or b"")
    paths = unknown_paths(original)
    if root:
        paths = [p[len(root) + 1 :] if p.startswith(root + ".") else p for p in paths]
    if mode == STRICT:
        raise unknown_field_error(paths)
    return warnings(paths)


def copy_message(msg: Message) -> Message:
    out = type(msg)()
    out.CopyFrom(msg)
    return out

"""Size limits shared by both transports: one stored object size, List pages bounded by bytes.

- `MAX_OBJECT_BYTES` (3 MiB, flag `--max-object-bytes`): the largest object the
  server stores, measured as its serialized protobuf, as it would be stored
  (after defaults, the Update merge, a PATCH, an UpdateStatus). Every write path
  of `ResourceHandler` checks it (create, update, update_status, and so HTTP
  POST, PUT, PATCH and `/status`), dry runs too. Over it: gRPC INVALID_ARGUMENT
  (a user mistake, not retryable) and HTTP 413 with a Kubernetes `Status` of
  reason `RequestEntityTooLarge`, both naming the size and the limit.
  Why 3 MiB: an object must travel whole in one gRPC message, and every SDK
  refuses a received message over 4 MiB (gRPC's default), so the object plus
  its envelope (a request, a watch event, a one-item List page) must stay well
  below 4 MiB; 3 MiB is also the Kubernetes API server's request body limit
  ("Request entity too large: limit is 3145728"), above etcd's 1.5 MiB because
  there is no etcd under us. The flag takes at most `MAX_OBJECT_BYTES_CEILING`
  (4 MiB minus 64 KiB of envelope). Objects stored before a lower limit are still
  read, listed and watched; a write must bring them under the limit.
- HTTP request bodies (object bodies and PATCH documents alike) are read up to
  `http_body_limit(max_object_bytes)` (4/3 of it plus 4 KiB: 4 MiB + 4 KiB by
  default) and no further (not at all when its Content-Length is over it:
  `http.asgi.read_body`): a longer body is answered 413 RequestEntityTooLarge
  ("Request entity too large: limit is N") before any of it is parsed, as the
  Kubernetes API server refuses a body over 3 MiB before decoding it. Over gRPC
  a Create / Update / UpdateStatus whose object field alone, as sent, is over
  `max_object_bytes` is refused the same way before it is parsed (a scan of
  the request's top-level tags and lengths: `sent_object_bytes`), with the
  INVALID_ARGUMENT of an object over the limit ("N bytes as sent"): what is
  sent is what Kubernetes limits, even if the server would drop part of it
  (unknown fields).
- `LIST_PAGE_BYTES` (3.5 MiB): a List page (the whole `ListResponse`) stays
  under it, whatever its `limit` (the default 1000 included): the page is cut
  early and carries a continue token, as a Kubernetes server may return fewer
  than `limit` items. A page always holds at least one item (an object is at
  most `MAX_OBJECT_BYTES_CEILING`, so a one-item page still fits 4 MiB).
  Items are counted at their stored size plus `LIST_ITEM_OVERHEAD_BYTES`
  (their resourceVersion and framing), the list's own fields at
  `LIST_ENVELOPE_BYTES`.
- `LIST_FIRST_READ`: a key-ordered List reads the store in chunks: this many
  entries first, then as many as the bytes left in the page should take
  (from the average size read so far), so a List of large objects does not
  load `limit` of them to send two.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import grpc

from ma_server.errors import ApiError, FieldViolation, quote

MiB: Final = 1024 * 1024
MAX_OBJECT_BYTES: Final = 3 * MiB
MAX_OBJECT_BYTES_CEILING: Final = 4 * MiB - 64 * 1024
LIST_PAGE_BYTES: Final = 3 * MiB + MiB // 2
LIST_ENVELOPE_BYTES: Final = 4 * 1024
LIST_ITEM_OVERHEAD_BYTES: Final = 48
LIST_FIRST_READ: Final = 16

# JSON framing an HTTP object body may add beyond 4/3 of the stored size (see `http_body_limit`).
HTTP_BODY_ENVELOPE_BYTES: Final = 4 * 1024

# Kubernetes' answer to an oversized request: HTTP 413, reason RequestEntityTooLarge.
TOO_LARGE_HTTP: Final = (413, "RequestEntityTooLarge")


def check_max_object_bytes(value: int) -> str | None:
    """Why `value` cannot be the object size limit, or None."""
    if not 1 <= value <= MAX_OBJECT_BYTES_CEILING:
        return f"must be between 1 and {MAX_OBJECT_BYTES_CEILING} bytes (4 MiB minus the message envelope)"
    return None


def http_body_limit(max_object_bytes: int) -> int:
    """The largest HTTP request body read for an object of at most `max_object_bytes` stored:
    4/3 of it plus `HTTP_BODY_ENVELOPE_BYTES`. JSON is larger than the stored protobuf by at most
    4/3 for an object made of `bytes` fields (base64; Revision.content, Pipeline.manifest) and by a
    few percent for one made of strings and labels, while the protobuf framing of those bytes counts
    in the stored size; 4 KiB covers the JSON framing (apiVersion, kind, field names, quotes).
    A larger body cannot hold a storable object (compact JSON, as kubectl and the SDKs send it)."""
    return max_object_bytes * 4 // 3 + HTTP_BODY_ENVELOPE_BYTES


def object_too_large(kind: str, name: str, field: str, size: int, limit: int) -> ApiError:
    """INVALID_ARGUMENT on gRPC, 413 RequestEntityTooLarge on HTTP."""
    msg = (
        f"Request entity too large: {kind} {quote(name)} is {size} bytes as stored, limit is {limit}"
        " (--max-object-bytes)"
    )
    return ApiError(
        grpc.StatusCode.INVALID_ARGUMENT,
        msg,
        [FieldViolation(field, f"object is {size} bytes, more than the limit of {limit} bytes")],
        http=TOO_LARGE_HTTP,
    )


# -- refusing an oversized object before it is parsed ---------------------------------------------

_WIRE_VARINT, _WIRE_I64, _WIRE_LEN, _WIRE_I32 = 0, 1, 2, 5
# Fields a wire scan looks at in one message before it gives up (a request has a handful).
WIRE_SCAN_FIELDS: Final = 64


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    """The varint at `pos` and the position after it; ValueError if it is cut or longer than 10 bytes."""
    value = shift = 0
    for i in range(pos, min(pos + 10, len(data))):
        b = data[i]
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i + 1
        shift += 7
    raise ValueError("bad varint")


def wire_fields(data: bytes, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, int]]:
    """(number, offset, length) of each top-level field of the message in `data[start:end]` (length 0
    and the value's offset for the fixed-size and varint ones), read from the wire format without
    parsing it: one tag and one length per field. At most `WIRE_SCAN_FIELDS` fields are looked at;
    ValueError if the bytes are not well-formed there or the message has more fields (the caller
    then leaves the request to its decoder)."""
    end = len(data) if end is None else end
    pos = start
    for _ in range(WIRE_SCAN_FIELDS):
        if pos >= end:
            if pos != end:
                raise ValueError("field runs past the message")
            return
        tag, pos = _varint(data, pos)
        wire, at = tag & 7, pos
        if wire == _WIRE_VARINT:
            _, pos = _varint(data, pos)
            yield tag >> 3, at, 0
            continue
        if wire == _WIRE_I64:
            size, pos = 0, pos + 8
        elif wire == _WIRE_I32:
            size, pos = 0, pos + 4
        elif wire == _WIRE_LEN:
            size, at = _varint(data, pos)
            pos = at + size
        else:
            raise ValueError("unsupported wire type")  # groups: no API message has one
        if pos > end:
            raise ValueError("field runs past the message")
        yield tag >> 3, at, size
    raise ValueError("too many fields to scan")


def len_fields(data: bytes, number: int, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(offset, length) of each occurrence of the length-delimited field `number` (see `wire_fields`)."""
    for n, at, size in wire_fields(data, start, end):
        if n == number:
            yield at, size


def sent_object_bytes(request: bytes, object_number: int, limit: int) -> int:
    """Bytes the object field of a serialized write request takes as sent (every occurrence of it:
    protobuf merges repeated occurrences of a message field), as soon as they are over `limit`;
    0 if they are not, or the request is not well-formed (its decoder then answers)."""
    total = 0
    try:
        for _, size in len_fields(request, object_number):
            total += size
            if total > limit:
                return total
    except ValueError:
        pass
    return 0


def largest_field(data: bytes, number: int) -> int:
    """The number of the field with the most bytes (all its occurrences) in the message-typed top-level
    field `number` of a serialized request, among the first `WIRE_SCAN_FIELDS` fields (0 if none)."""
    sizes: dict[int, int] = {}
    try:
        for at, size in len_fields(data, number):
            try:
                for n, _, inner in wire_fields(data, at, at + size):
                    sizes[n] = sizes.get(n, 0) + inner + 2
            except ValueError:
                pass  # too many fields: the ones seen so far (a long repeated field is among them)
    except ValueError:
        pass
    return max(sizes, key=sizes.__getitem__, default=0)


def sent_name(request: bytes, object_number: int, metadata_number: int, name_number: int) -> str:
    """`object.metadata.name` of a serialized request, read from the wire format ("" if not found):
    the first occurrence (a serializer writes fields in field-number order, the name is among the first)."""
    try:
        for o_pos, o_len in len_fields(request, object_number):
            for m_pos, m_len in len_fields(request, metadata_number, o_pos, o_pos + o_len):
                for n_pos, n_len in len_fields(request, name_number, m_pos, m_pos + m_len):
                    return request[n_pos : n_pos + n_len].decode("utf-8", "replace")
    except ValueError:
        pass
    return ""


def object_too_large_as_sent(kind: str, name: str, field: str, size: int, limit: int) -> ApiError:
    """`object_too_large` for an object refused before it is parsed: its size as sent."""
    msg = (
        f"Request entity too large: {kind} {quote(name)} is {size} bytes as sent, limit is {limit} (--max-object-bytes)"
    )
    return ApiError(
        grpc.StatusCode.INVALID_ARGUMENT,
        msg,
        [FieldViolation(field, f"object is {size} bytes as sent, more than the limit of {limit} bytes")],
        http=TOO_LARGE_HTTP,
    )


# List with order_by: the handler reads the whole (selected) snapshot and sorts it itself, as no
# store orders by an arbitrary field; beyond this many objects read it refuses instead
# (FAILED_PRECONDITION naming the limit) rather than holding an unbounded list in memory.
MAX_SORTED_OBJECTS = 10_000

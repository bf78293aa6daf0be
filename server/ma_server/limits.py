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

# Kubernetes' answer to an oversized request: HTTP 413, reason RequestEntityTooLarge.
TOO_LARGE_HTTP: Final = (413, "RequestEntityTooLarge")


def check_max_object_bytes(value: int) -> str | None:
    """Why `value` cannot be the object size limit, or None."""
    if not 1 <= value <= MAX_OBJECT_BYTES_CEILING:
        return f"must be between 1 and {MAX_OBJECT_BYTES_CEILING} bytes (4 MiB minus the message envelope)"
    return None


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

"""API errors: one type carrying the gRPC code, the Kubernetes reason and field violations.

Both transports render the same error: gRPC as a status with the message
(and a google.rpc.BadRequest detail for field violations), HTTP as a
Kubernetes `Status` object with the mapped HTTP code.

Bounds. An error must reach the caller: gRPC clients refuse response metadata
over 16 KiB (grpc-go's and grpc-python's default header list limit; C-core
already rejects some above 8 KiB), and the message and the BadRequest detail
travel in the trailers. So every error is shaped before it is sent:

- a user-supplied value an error echoes is cut to `MAX_QUOTED_CHARS`
  characters and marked `... (N more characters)` (`quote`, `clip`);
- at most `MAX_VIOLATIONS` field violations are carried (in the message and
  in the detail), then one entry `... and K more violations` with an empty field;
- a violation's field is cut to `MAX_FIELD_CHARS` (`clip`), its description
  to `MAX_DESCRIPTION_CHARS` and the message to `MAX_MESSAGE_CHARS`, keeping
  their start and end (`elide`: the end often says what is wrong);
- over gRPC the message (as percent-encoded on the wire) plus the serialized
  details (base64 on the wire) fit in `ERROR_BUDGET_BYTES`; `fit` drops
  violations, then shortens the message, until they do.

HTTP has no such limit but sends the same bounded text (`bounded`).

Sensitive values (fields with the `sensitive` option, see
`model.sensitive_values`) never appear in an error: `bounded` and `fit`
replace every occurrence of them, plain or quoted, with `REDACTED`, before
anything is cut (so no cut leaves part of a secret). Build sites cut only
values that are not secrets (`quote` of names and namespaces).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final

import grpc

from ma_server.storage import StorageRejectedError, StorageUnavailableError

# Longest user-supplied value an error message echoes, in characters.
MAX_QUOTED_CHARS: Final = 64
# Field violations an error carries before a final "... and K more violations" entry.
MAX_VIOLATIONS: Final = 12
# Longest violation field (path) and description, in characters.
MAX_FIELD_CHARS: Final = 128
MAX_DESCRIPTION_CHARS: Final = 512
# Longest error message, in characters.
MAX_MESSAGE_CHARS: Final = 1024
# gRPC: percent-encoded grpc-message plus base64 grpc-status-details-bin, in bytes
# (well under the clients' 16 KiB metadata limit, and under C-core's 8 KiB soft limit).
ERROR_BUDGET_BYTES: Final = 6 * 1024
# What an error shows instead of a sensitive value; values shorter than
# MIN_REDACTED_CHARS are not searched for (they would mangle every message).
REDACTED: Final = "<redacted>"
MIN_REDACTED_CHARS: Final = 4


@dataclass(frozen=True)
class FieldViolation:
    """One invalid field: a path like `spec.owningTeam` (JSON names) and what is wrong."""

    field: str
    description: str


# gRPC code -> (HTTP status, Kubernetes Status.reason)
HTTP_MAPPING: dict[grpc.StatusCode, tuple[int, str]] = {
    grpc.StatusCode.INVALID_ARGUMENT: (422, "Invalid"),
    grpc.StatusCode.NOT_FOUND: (404, "NotFound"),
    grpc.StatusCode.ALREADY_EXISTS: (409, "AlreadyExists"),
    grpc.StatusCode.ABORTED: (409, "Conflict"),
    grpc.StatusCode.FAILED_PRECONDITION: (409, "Conflict"),
    grpc.StatusCode.OUT_OF_RANGE: (410, "Expired"),
    grpc.StatusCode.UNAUTHENTICATED: (401, "Unauthorized"),
    grpc.StatusCode.PERMISSION_DENIED: (403, "Forbidden"),
    grpc.StatusCode.RESOURCE_EXHAUSTED: (429, "TooManyRequests"),
    grpc.StatusCode.UNAVAILABLE: (503, "ServiceUnavailable"),
    grpc.StatusCode.DEADLINE_EXCEEDED: (504, "Timeout"),
    grpc.StatusCode.UNIMPLEMENTED: (405, "MethodNotAllowed"),
    grpc.StatusCode.INTERNAL: (500, "InternalError"),
}


@dataclass
class ApiError(Exception):
    """A user-visible API error. Never raise INTERNAL for a user mistake."""

    code: grpc.StatusCode
    message: str
    violations: list[FieldViolation] = field(default_factory=list)
    # Sent as a google.rpc.RetryInfo detail on gRPC: the server asks the client to wait this long.
    retry_delay_ms: int | None = None
    # (HTTP status, Status.reason) instead of the HTTP_MAPPING entry (an oversized object: 413; a full store: 507).
    http: tuple[int, str] | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    @property
    def http_status(self) -> int:
        return (self.http or HTTP_MAPPING.get(self.code, (500, "InternalError")))[0]

    @property
    def reason(self) -> str:
        return (self.http or HTTP_MAPPING.get(self.code, (500, "InternalError")))[1]


def clip(text: str, limit: int = MAX_QUOTED_CHARS) -> str:
    """`text`, or its first `limit` characters and `... (N more characters)`."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit} more characters)"


def elide(text: str, limit: int) -> str:
    """`text`, or its start and end around `... (N more characters) ...`, about `limit` characters
    in all: for messages, whose end often says what is wrong (`... at position 7`)."""
    if len(text) <= limit:
        return text
    tail = limit // 4
    head = limit - tail
    return f"{text[:head]} ... ({len(text) - head - tail} more characters) ... {text[len(text) - tail :]}"


def quote(value: str) -> str:
    """`repr(value)` for a message, cut to MAX_QUOTED_CHARS characters: `'abc'... (N more characters)`."""
    if len(value) <= MAX_QUOTED_CHARS:
        return repr(value)
    return f"{value[:MAX_QUOTED_CHARS]!r}... ({len(value) - MAX_QUOTED_CHARS} more characters)"


def more_violations(count: int) -> FieldViolation:
    """The entry standing for `count` violations left out."""
    return FieldViolation("", f"... and {count} more violation{'' if count == 1 else 's'}")


def render_violations(violations: Iterable[FieldViolation]) -> str:
    """`a: x; b: y`, the form used in error messages: at most MAX_VIOLATIONS, then `... and K more violations`."""
    items = list(violations)
    parts = [f"{v.field}: {v.description}" for v in items[:MAX_VIOLATIONS]]
    if len(items) > MAX_VIOLATIONS:
        parts.append(more_violations(len(items) - MAX_VIOLATIONS).description)
    return "; ".join(parts)


def invalid(message: str, *violations: FieldViolation) -> ApiError:
    return ApiError(grpc.StatusCode.INVALID_ARGUMENT, message, list(violations))


def not_found(kind: str, name: str, namespace: str = "") -> ApiError:
    where = f" in namespace {quote(namespace)}" if namespace else ""
    return ApiError(grpc.StatusCode.NOT_FOUND, f"{kind} {quote(name)} not found{where}")


def already_exists(kind: str, name: str, namespace: str = "") -> ApiError:
    where = f" in namespace {quote(namespace)}" if namespace else ""
    return ApiError(grpc.StatusCode.ALREADY_EXISTS, f"{kind} {quote(name)} already exists{where}")


def conflict(kind: str, name: str, detail: str) -> ApiError:
    return ApiError(
        grpc.StatusCode.ABORTED,
        f"Operation cannot be fulfilled on {kind} {quote(name)}: {detail}; read the latest version and try again",
    )


def invalid_object(kind: str, name: str, violations: list[FieldViolation]) -> ApiError:
    """Kubernetes-style `Project "x" is invalid: spec.owningTeam: required; ...` with every violation."""
    rendered = render_violations(violations)
    return ApiError(grpc.StatusCode.INVALID_ARGUMENT, f"{kind} {quote(name)} is invalid: {rendered}", list(violations))


def precondition_failed(kind: str, name: str, detail: str) -> ApiError:
    return ApiError(grpc.StatusCode.FAILED_PRECONDITION, f"Precondition failed for {kind} {quote(name)}: {detail}")


def unavailable(message: str) -> ApiError:
    return ApiError(grpc.StatusCode.UNAVAILABLE, message)


# Storage faults at run time (`ma_server.storage.StorageUnavailableError`), one mapping for both
# transports. A full disk or quota is RESOURCE_EXHAUSTED, as etcd answers "mvcc: database space
# exceeded", without RetryInfo (the SDKs do not retry it: it lasts until an operator frees space),
# and HTTP 507 Insufficient Storage; a store locked by another process is UNAVAILABLE with a
# RetryInfo of LOCKED_RETRY_MS; corruption, I/O errors and a read-only file are UNAVAILABLE / 503.
INSUFFICIENT_STORAGE: Final = (507, "InsufficientStorage")
LOCKED_RETRY_MS: Final = 1000


def storage_fault(exc: BaseException | None) -> ApiError | None:
    """The status a run-time storage fault is answered with (None: `exc` is not one)."""
    if isinstance(exc, StorageRejectedError):
        return _rejected(exc)
    if not isinstance(exc, StorageUnavailableError):
        return None
    if exc.kind == "full":
        return ApiError(grpc.StatusCode.RESOURCE_EXHAUSTED, exc.reason, http=INSUFFICIENT_STORAGE)
    if exc.kind == "locked":
        return ApiError(grpc.StatusCode.UNAVAILABLE, exc.reason, retry_delay_ms=LOCKED_RETRY_MS)
    return ApiError(grpc.StatusCode.UNAVAILABLE, exc.reason)


def _rejected(exc: StorageRejectedError) -> ApiError:
    """A refusal by a store with rules of its own (Kubernetes), named as that store named it."""
    if exc.reason == "forbidden":
        return ApiError(grpc.StatusCode.PERMISSION_DENIED, exc.message)
    if exc.reason == "precondition":
        return ApiError(grpc.StatusCode.FAILED_PRECONDITION, exc.message)
    if exc.reason == "too_large":
        return ApiError(grpc.StatusCode.INVALID_ARGUMENT, exc.message, http=(413, "RequestEntityTooLarge"))
    return ApiError(
        grpc.StatusCode.INVALID_ARGUMENT, exc.message, [FieldViolation(f, m) for f, m in exc.causes if f or m]
    )


# A Get / List at a resourceVersion newer than the store waits this long for the store to catch up
# (Kubernetes waits up to 3 s; one server has no replica to catch up with, so 1 s is plenty), then fails.
RESOURCE_VERSION_WAIT_SECONDS = 1.0
TOO_LARGE_RESOURCE_VERSION = "Timeout: Too large resource version: {requested}, current: {current}"
# The violation's description; HTTP renders it as Kubernetes' cause `ResourceVersionTooLarge`.
TOO_LARGE_RESOURCE_VERSION_CAUSE = "Too large resource version"


def too_large_resource_version(requested: int, current: int, where: str) -> ApiError:
    """Kubernetes' answer to a too-new resourceVersion: 504 reason Timeout, whose message
    client-go recognises (`IsTooLargeResourceVersion`); on gRPC DEADLINE_EXCEEDED, the code
    mapped to 504, with a RetryInfo of one second as Kubernetes' retryAfterSeconds."""
    msg = TOO_LARGE_RESOURCE_VERSION.format(requested=requested, current=current)
    return ApiError(
        grpc.StatusCode.DEADLINE_EXCEEDED,
        msg,
        [FieldViolation(where, TOO_LARGE_RESOURCE_VERSION_CAUSE)],
        retry_delay_ms=1000,
    )


# ---------------------------------------------------------------------------
# Shaping an error for the wire: redaction and bounds


def redaction_forms(secrets: Iterable[str]) -> tuple[str, ...]:
    """Every spelling of the secrets an error could contain, longest first: as is,
    as `repr` and JSON would quote them, and cut the way `quote` and `clip` cut them."""
    forms: set[str] = set()
    for s in secrets:
        for v in (s, s[:MAX_QUOTED_CHARS]):
            forms.update((v, repr(v)[1:-1], json.dumps(v)[1:-1], json.dumps(v, ensure_ascii=False)[1:-1]))
    return tuple(sorted((f for f in forms if len(f) >= MIN_REDACTED_CHARS), key=len, reverse=True))


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every form of the secrets replaced by REDACTED."""
    return scrub(text, redaction_forms(secrets))


def scrub(text: str, forms: tuple[str, ...]) -> str:
    """`text` with every form of a secret replaced by REDACTED."""
    for f in forms:
        if f in text:
            text = text.replace(f, REDACTED)
    return text


@dataclass(frozen=True)
class _Redacted:
    """An error with its secrets removed and its violations cut to MAX_VIOLATIONS (`omitted` more)."""

    error: ApiError
    message: str
    violations: tuple[FieldViolation, ...]
    omitted: int

    @classmethod
    def of(cls, error: ApiError, secrets: Iterable[str]) -> _Redacted:
        forms = redaction_forms(secrets)
        shown = error.violations[:MAX_VIOLATIONS]
        violations = tuple(FieldViolation(scrub(v.field, forms), scrub(v.description, forms)) for v in shown)
        return cls(error, scrub(error.message, forms), violations, len(error.violations) - len(shown))

    def shape(self, max_violations: int, max_message: int) -> ApiError:
        shown = [
            FieldViolation(clip(v.field, MAX_FIELD_CHARS), elide(v.description, MAX_DESCRIPTION_CHARS))
            for v in self.violations[:max_violations]
        ]
        omitted = self.omitted + len(self.violations) - len(shown)
        if omitted:
            shown.append(more_violations(omitted))
        message = elide(self.message, max_message)
        e = self.error
        if message == e.message and shown == e.violations:
            return e  # the usual case: nothing to cut or hide
        return ApiError(e.code, message, shown, e.retry_delay_ms, e.http)


def bounded(error: ApiError, secrets: Iterable[str] = ()) -> ApiError:
    """`error` without secrets and within the per-part bounds (the form HTTP sends)."""
    return _Redacted.of(error, secrets).shape(MAX_VIOLATIONS, MAX_MESSAGE_CHARS)


def fit(
    error: ApiError, size: Callable[[ApiError], int], secrets: Iterable[str] = (), budget: int = ERROR_BUDGET_BYTES
) -> ApiError:
    """`bounded(error)`, with fewer violations and then a shorter message until `size` of it is
    at most `budget` (the form gRPC sends; `size` measures the error as the transport encodes it)."""
    red = _Redacted.of(error, secrets)
    n, m = MAX_VIOLATIONS, MAX_MESSAGE_CHARS
    out = red.shape(n, m)
    while size(out) > budget and n > 0:  # at most log2(MAX_VIOLATIONS) + 1 rounds
        n //= 2
        out = red.shape(n, m)
    while size(out) > budget and m > MAX_QUOTED_CHARS:  # at most log2(MAX_MESSAGE_CHARS / MAX_QUOTED_CHARS) rounds
        m //= 2
        out = red.shape(n, m)
    return out

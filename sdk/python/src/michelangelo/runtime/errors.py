"""API errors: one exception type per gRPC status code, built by `from_rpc_error`.

Modelled on `google.api_core.exceptions`: every failed call raises an
`ApiError` subclass carrying the gRPC `code`, the server's `message`, the
field violations of a `google.rpc.BadRequest` detail (`details`), the
server's requested pause of a `google.rpc.RetryInfo` detail (`retry_delay`)
and whether the call may be retried as is (`retryable`: UNAVAILABLE always,
RESOURCE_EXHAUSTED only when the server sent a RetryInfo - without one it is
a limit such as a message size, which a retry cannot fix).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import grpc
from google.protobuf.message import DecodeError
from google.rpc import error_details_pb2, status_pb2

STATUS_DETAILS_KEY = "grpc-status-details-bin"


@dataclass(frozen=True)
class FieldViolation:
    """One invalid field: a JSON path such as `spec.owningTeam` and what is wrong with it."""

    field: str
    description: str

    def __str__(self) -> str:
        return f"{self.field}: {self.description}"


class ApiError(Exception):
    """A failed API call. Subclasses name the status code; catch them rather than comparing codes."""

    code: ClassVar[grpc.StatusCode] = grpc.StatusCode.UNKNOWN

    def __init__(
        self, message: str, details: Sequence[FieldViolation] = (), *, retry_delay: float | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details: tuple[FieldViolation, ...] = tuple(details)
        self.retry_delay = retry_delay
        """Seconds the server asked to wait before a retry (`google.rpc.RetryInfo`), None without one."""

    @property
    def retryable(self) -> bool:
        """Whether the same call may succeed if repeated (after a pause)."""
        return False

    def __str__(self) -> str:
        return f"{self.code.name}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, details={list(self.details)!r})"


class Cancelled(ApiError):
    code = grpc.StatusCode.CANCELLED


class Unknown(ApiError):
    code = grpc.StatusCode.UNKNOWN


class Invalid(ApiError):
    """INVALID_ARGUMENT: the request or object breaks a rule; `details` name the fields."""

    code = grpc.StatusCode.INVALID_ARGUMENT


class DeadlineExceeded(ApiError):
    """The per-call timeout elapsed before the server answered."""

    code = grpc.StatusCode.DEADLINE_EXCEEDED


class NotFound(ApiError):
    code = grpc.StatusCode.NOT_FOUND


class AlreadyExists(ApiError):
    code = grpc.StatusCode.ALREADY_EXISTS


class PermissionDenied(ApiError):
    code = grpc.StatusCode.PERMISSION_DENIED


class ResourceExhausted(ApiError):
    """The server is overloaded or a quota ran out, or a limit (e.g. message size) was hit.

    Retryable only when the server said when to retry (`retry_delay`, from a `google.rpc.RetryInfo`).
    """

    code = grpc.StatusCode.RESOURCE_EXHAUSTED

    @property
    def retryable(self) -> bool:
        return self.retry_delay is not None


class FailedPrecondition(ApiError):
    """A delete or update precondition (e.g. uid) does not hold."""

    code = grpc.StatusCode.FAILED_PRECONDITION


class Conflict(ApiError):
    """ABORTED: the object changed since it was read (stale resourceVersion); read it again and retry."""

    code = grpc.StatusCode.ABORTED


class Expired(ApiError):
    """OUT_OF_RANGE: a resourceVersion or continue token is older than the server keeps; list again."""

    code = grpc.StatusCode.OUT_OF_RANGE


class Unimplemented(ApiError):
    code = grpc.StatusCode.UNIMPLEMENTED


class Internal(ApiError):
    code = grpc.StatusCode.INTERNAL


class Unavailable(ApiError):
    """The server could not be reached or is shutting down; safe to retry."""

    code = grpc.StatusCode.UNAVAILABLE

    @property
    def retryable(self) -> bool:
        return True


class DataLoss(ApiError):
    code = grpc.StatusCode.DATA_LOSS


class Unauthenticated(ApiError):
    code = grpc.StatusCode.UNAUTHENTICATED


_BY_CODE: dict[grpc.StatusCode, type[ApiError]] = {
    cls.code: cls
    for cls in (
        Cancelled,
        Unknown,
        Invalid,
        DeadlineExceeded,
        NotFound,
        AlreadyExists,
        PermissionDenied,
        ResourceExhausted,
        FailedPrecondition,
        Conflict,
        Expired,
        Unimplemented,
        Internal,
        Unavailable,
        DataLoss,
        Unauthenticated,
    )
}


def error_class(code: grpc.StatusCode) -> type[ApiError]:
    """The ApiError subclass of a status code (Unknown for codes without one)."""
    return _BY_CODE.get(code, Unknown)


def from_status(
    code: grpc.StatusCode,
    message: str,
    details: Sequence[FieldViolation] = (),
    *,
    retry_delay: float | None = None,
) -> ApiError:
    return error_class(code)(message, details, retry_delay=retry_delay)


def _statuses(trailing_metadata: Iterable[Any] | None) -> Iterator[status_pb2.Status]:
    for item in trailing_metadata or ():
        key, value = item
        if key == STATUS_DETAILS_KEY and isinstance(value, bytes):
            try:
                yield status_pb2.Status.FromString(value)
            except DecodeError:  # a malformed trailer must not hide the status code itself
                continue


def parse_details(trailing_metadata: Iterable[Any] | None) -> list[FieldViolation]:
    """Field violations from a `grpc-status-details-bin` trailer (google.rpc.Status with BadRequest)."""
    out: list[FieldViolation] = []
    for status in _statuses(trailing_metadata):
        for any_detail in status.details:
            if any_detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                bad = error_details_pb2.BadRequest()
                any_detail.Unpack(bad)
                out += [FieldViolation(str(v.field), str(v.description)) for v in bad.field_violations]
    return out


def parse_retry_delay(trailing_metadata: Iterable[Any] | None) -> float | None:
    """The `retry_delay` (seconds) of a `google.rpc.RetryInfo` detail in the trailers, None without one."""
    for status in _statuses(trailing_metadata):
        for any_detail in status.details:
            if any_detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
                info = error_details_pb2.RetryInfo()
                any_detail.Unpack(info)
                delay: float = info.retry_delay.seconds + info.retry_delay.nanos / 1e9
                return max(0.0, delay)
    return None


def from_rpc_error(exc: grpc.RpcError) -> ApiError:
    """The ApiError for a failed gRPC call (sync or asyncio); the original is its `__cause__`."""
    code_fn = getattr(exc, "code", None)
    code = code_fn() if callable(code_fn) else grpc.StatusCode.UNKNOWN
    if not isinstance(code, grpc.StatusCode):
        code = grpc.StatusCode.UNKNOWN
    details_fn = getattr(exc, "details", None)
    message = details_fn() if callable(details_fn) else None
    trailer_fn = getattr(exc, "trailing_metadata", None)
    trailers = trailer_fn() if callable(trailer_fn) else None
    error = from_status(
        code, str(message or code.name), parse_details(trailers), retry_delay=parse_retry_delay(trailers)
    )
    error.__cause__ = exc
    return error

"""API errors: one type carrying the gRPC code, the Kubernetes reason and field violations.

Both transports render the same error: gRPC as a status with the message
(and a google.rpc.BadRequest detail for field violations), HTTP as a
Kubernetes `Status` object with the mapped HTTP code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import grpc


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

    def __post_init__(self) -> None:
        super().__init__(self.message)

    @property
    def http_status(self) -> int:
        return HTTP_MAPPING.get(self.code, (500, "InternalError"))[0]

    @property
    def reason(self) -> str:
        return HTTP_MAPPING.get(self.code, (500, "InternalError"))[1]


def invalid(message: str, *violations: FieldViolation) -> ApiError:
    return ApiError(grpc.StatusCode.INVALID_ARGUMENT, message, list(violations))


def not_found(kind: str, name: str, namespace: str = "") -> ApiError:
    where = f" in namespace {namespace!r}" if namespace else ""
    return ApiError(grpc.StatusCode.NOT_FOUND, f"{kind} {name!r} not found{where}")


def already_exists(kind: str, name: str, namespace: str = "") -> ApiError:
    where = f" in namespace {namespace!r}" if namespace else ""
    return ApiError(grpc.StatusCode.ALREADY_EXISTS, f"{kind} {name!r} already exists{where}")


def conflict(kind: str, name: str, detail: str) -> ApiError:
    return ApiError(
        grpc.StatusCode.ABORTED,
        f"Operation cannot be fulfilled on {kind} {name!r}: {detail}; read the latest version and try again",
    )


def invalid_object(kind: str, name: str, violations: list[FieldViolation]) -> ApiError:
    """Kubernetes-style `Project "x" is invalid: spec.owningTeam: required; ...` with every violation."""
    rendered = "; ".join(f"{v.field}: {v.description}" for v in violations)
    return ApiError(grpc.StatusCode.INVALID_ARGUMENT, f"{kind} {name!r} is invalid: {rendered}", list(violations))


def precondition_failed(kind: str, name: str, detail: str) -> ApiError:
    return ApiError(grpc.StatusCode.FAILED_PRECONDITION, f"Precondition failed for {kind} {name!r}: {detail}")


def unavailable(message: str) -> ApiError:
    return ApiError(grpc.StatusCode.UNAVAILABLE, message)


# A Get / List at a resourceVersion newer than the store waits this long for the store to catch up
# (Kubernetes waits up to 3 s; one server has no replica to catch up with, so 1 s is plenty), then fails.
RESOURCE_VERSION_WAIT_SECONDS = 1.0
TOO_LARGE_RESOURCE_VERSION = "Timeout: Too large resource version: {requested}, current: {current}"


def too_large_resource_version(requested: int, current: int, where: str) -> ApiError:
    """Kubernetes' answer to a too-new resourceVersion: 504 reason Timeout, whose message
    client-go recognises (`IsTooLargeResourceVersion`); on gRPC DEADLINE_EXCEEDED, the code
    mapped to 504, with a RetryInfo of one second as Kubernetes' retryAfterSeconds."""
    msg = TOO_LARGE_RESOURCE_VERSION.format(requested=requested, current=current)
    return ApiError(
        grpc.StatusCode.DEADLINE_EXCEEDED,
        msg,
        [FieldViolation(where, "Too large resource version")],
        retry_delay_ms=1000,
    )

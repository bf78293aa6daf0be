"""Hand-written runtime of the generated Michelangelo clients (`michelangelo.api.v2.client`).

One concept per module: `errors` (exception per status code), `retry`
(backoff policies), `config` (ClientConfig), `channel` (gRPC channels:
TLS, user agent, interceptors), `version` (SDK version and user agent),
`calls` (one RPC with deadline, retry and error mapping), `pagination`
(pagers), `watch` (resuming watches), `conflict` (retry_on_conflict) and
`validation` (client-side field rules).
"""

from michelangelo.runtime.config import ClientConfig
from michelangelo.runtime.conflict import DEFAULT_CONFLICT_RETRY, retry_on_conflict, retry_on_conflict_async
from michelangelo.runtime.errors import (
    AlreadyExists,
    ApiError,
    Cancelled,
    Conflict,
    DataLoss,
    DeadlineExceeded,
    Expired,
    FailedPrecondition,
    FieldViolation,
    Internal,
    Invalid,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
    Unimplemented,
    Unknown,
    from_rpc_error,
)
from michelangelo.runtime.pagination import AsyncPager, Pager
from michelangelo.runtime.retry import DEFAULT_RETRY, NO_RETRY, Retry
from michelangelo.runtime.watch import AsyncWatch, Watch

__all__ = [
    "DEFAULT_CONFLICT_RETRY",
    "DEFAULT_RETRY",
    "NO_RETRY",
    "AlreadyExists",
    "ApiError",
    "AsyncPager",
    "AsyncWatch",
    "Cancelled",
    "ClientConfig",
    "Conflict",
    "DataLoss",
    "DeadlineExceeded",
    "Expired",
    "FailedPrecondition",
    "FieldViolation",
    "Internal",
    "Invalid",
    "NotFound",
    "Pager",
    "PermissionDenied",
    "ResourceExhausted",
    "Retry",
    "Unauthenticated",
    "Unavailable",
    "Unimplemented",
    "Unknown",
    "Watch",
    "from_rpc_error",
    "retry_on_conflict",
    "retry_on_conflict_async",
]

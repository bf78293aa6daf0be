"""Read-modify-write under optimistic concurrency, like client-go's `retry.RetryOnConflict`.

`fn` must read the object, change it and write it back; when the write
raises `Conflict` (someone else wrote in between) `fn` runs again after a
backoff, so it reads the new version. Other errors propagate at once.

The waits follow the same model as every other retry of the SDK (and of the
Go and Java SDKs): full jitter, the n-th wait uniform in
[0, min(maximum, initial * multiplier**n)]. The default budget is 10 attempts,
10 ms doubling up to 1 s (at most ~4.3 s of waiting in total).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import grpc

from michelangelo.runtime.retry import Retry

T = TypeVar("T")

CONFLICT_CODES = frozenset({grpc.StatusCode.ABORTED})

DEFAULT_CONFLICT_RETRY = Retry(initial=0.01, maximum=1.0, multiplier=2.0, attempts=10, jitter=True)
"""10 attempts, 10 ms doubling up to 1 s, with full jitter."""


def retry_on_conflict(fn: Callable[[], T], *, retry: Retry = DEFAULT_CONFLICT_RETRY, timeout: float | None = None) -> T:
    """fn(), called again on Conflict within the budget of `retry` (and `timeout` seconds in total, if given).

    Only the policy's attempts, backoff and jitter are used: the codes retried are always Conflict's alone.
    """
    return retry.with_(codes=CONFLICT_CODES).call(fn, timeout=timeout)


async def retry_on_conflict_async(
    fn: Callable[[], Awaitable[T]], *, retry: Retry = DEFAULT_CONFLICT_RETRY, timeout: float | None = None
) -> T:
    """The asyncio form of retry_on_conflict."""
    return await retry.with_(codes=CONFLICT_CODES).acall(fn, timeout=timeout)

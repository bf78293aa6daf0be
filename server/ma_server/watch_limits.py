"""Bounds on watches: how many the server serves at once, and how far one may fall behind.

- `DEFAULT_MAX_WATCHES` (10,000; flag `--max-watches`): concurrent watches over
  gRPC and HTTP together. Every watch takes a slot from the one `WatchLimiter`
  of the server (`AppState.watch_limits`, taken by `ResourceHandler.open_watch`
  after the request is checked, before any list or wait) and gives it back
  when its stream ends. Beyond the bound a watch is refused at once with
  RESOURCE_EXHAUSTED and a `google.rpc.RetryInfo` of `RETRY_AFTER_SECONDS`
  (HTTP 429 TooManyRequests with `Retry-After: 1`, as Kubernetes' max-in-flight
  filter answers); the SDKs' watch loops reconnect on RESOURCE_EXHAUSTED with
  backoff.
- `DEFAULT_WATCH_BUFFER_BYTES` (8 MiB; flag `--watch-buffer-bytes`): the unread
  events one watcher may hold in the storage (`storage._common.WatchBuffer`).
  The handler and the transports hold at most the one event being sent on top
  of it (and what gRPC's flow-control window or the socket buffers take). A
  watcher past it has fallen behind: its buffer is dropped at once and its
  watch ends, on gRPC with RESOURCE_EXHAUSTED naming the last resourceVersion
  it was sent (the SDKs resume from there), on HTTP by ending the stream as a
  Kubernetes API server does (clients re-watch from their last version).
"""

from __future__ import annotations

from typing import Final

import grpc

from ma_server.errors import ApiError
from ma_server.storage._common import DEFAULT_WATCH_BUFFER_BYTES

__all__ = [
    "DEFAULT_MAX_WATCHES",
    "DEFAULT_WATCH_BUFFER_BYTES",
    "RETRY_AFTER_SECONDS",
    "WatchLimiter",
    "WatchSlot",
    "too_many_watches",
]

DEFAULT_MAX_WATCHES: Final = 10_000
# The wait a refused watch is asked to keep before trying again.
RETRY_AFTER_SECONDS: Final = 1


def too_many_watches(limit: int) -> ApiError:
    return ApiError(
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        f"too many watches: the server serves at most {limit} concurrent watches (--max-watches); try again later",
        retry_delay_ms=RETRY_AFTER_SECONDS * 1000,
    )


class WatchLimiter:
    """Counts the server's open watches (one event loop, so a plain counter)."""

    def __init__(self, max_watches: int = DEFAULT_MAX_WATCHES) -> None:
        if max_watches < 1:
            raise ValueError(f"max_watches must be >= 1, got {max_watches}")
        self.max_watches = max_watches
        self._active = 0

    @property
    def active(self) -> int:
        return self._active

    def acquire(self) -> WatchSlot:
        """Take a slot, or raise RESOURCE_EXHAUSTED (with RetryInfo) when all are taken."""
        if self._active >= self.max_watches:
            raise too_many_watches(self.max_watches)
        self._active += 1
        return WatchSlot(self)

    def _release(self) -> None:
        self._active -= 1


class WatchSlot:
    """One taken slot; `release()` gives it back once, however often it is called."""

    def __init__(self, limiter: WatchLimiter) -> None:
        self._limiter: WatchLimiter | None = limiter

    def release(self) -> None:
        if self._limiter is not None:
            self._limiter._release()
            self._limiter = None

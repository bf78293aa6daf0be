"""Readiness that follows the storage: an instance whose store cannot answer is not ready.

Several instances behind a load balancer (or clients balancing over gRPC health)
should stop sending calls to an instance whose storage is gone (an etcd cluster
out of reach or without quorum) and come back when it returns. `follow` pings
the storage every `interval` seconds (each ping bounded by `timeout`) and
reports every change; gRPC health and HTTP `/readyz` read the result. Liveness
(`/livez`, `/healthz`) does not follow it: the process is fine, its store is not.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from ma_server.storage import Storage, StorageClosedError, StorageError

log = logging.getLogger("ma_server")

PING_INTERVAL_SECONDS = 1.0
PING_TIMEOUT_SECONDS = 5.0


class Readiness:
    """Whether the storage answered the last ping, and why not when it did not."""

    def __init__(self) -> None:
        self.ready = True
        self.reason = ""

    async def follow(
        self,
        storage: Storage,
        on_change: Callable[[bool], Awaitable[None]],
        stop: asyncio.Event,
        *,
        interval: float = PING_INTERVAL_SECONDS,
        timeout: float = PING_TIMEOUT_SECONDS,
    ) -> None:
        """Ping until `stop` is set; call `on_change(ready)` on every change."""
        while not stop.is_set():
            try:
                await asyncio.wait_for(storage.ping(), timeout)
                ready, reason = True, ""
            except StorageClosedError:
                return
            except TimeoutError:
                ready, reason = False, f"storage did not answer within {timeout:g} s"
            except StorageError as e:
                ready, reason = False, f"storage unavailable: {e}"
            if ready != self.ready:
                if ready:
                    log.warning("storage answers again: ready")
                else:
                    log.error("not ready: %s", reason)
                self.ready, self.reason = ready, reason
                await on_change(ready)
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                pass

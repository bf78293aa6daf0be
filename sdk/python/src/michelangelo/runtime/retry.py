"""Retry policies: exponential backoff with full jitter, for sync and asyncio calls.

A `Retry` is an immutable value (like `google.api_core.retry.Retry`); derive
variants with `dataclasses.replace` or `with_(...)`. The client applies the
policy only to idempotent methods (everything but Create) and only to
retryable errors: UNAVAILABLE and RESOURCE_EXHAUSTED by default (`codes`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import grpc

from michelangelo.runtime.errors import ApiError

T = TypeVar("T")

RETRYABLE_CODES = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED})


@dataclass(frozen=True)
class Retry:
    """When and how long to wait before calling again.

    The n-th wait is drawn uniformly from [0, min(maximum, initial * multiplier**n)]
    ("full jitter"; `jitter=False` waits the full bound). Retrying stops after
    `attempts` calls in total (None: no limit) or once the next wait would end
    after `deadline` seconds from the first call (None: no limit),
    whichever comes first; the last error is then raised.
    """

    initial: float = 0.1
    maximum: float = 5.0
    multiplier: float = 2.0
    deadline: float | None = 30.0
    attempts: int | None = 5
    jitter: bool = True
    codes: frozenset[grpc.StatusCode] = field(default=RETRYABLE_CODES)

    def __post_init__(self) -> None:
        if self.initial < 0 or self.maximum < 0 or self.multiplier < 1:
            raise ValueError("Retry needs initial >= 0, maximum >= 0 and multiplier >= 1")
        if self.attempts is not None and self.attempts < 1:
            raise ValueError("Retry.attempts must be at least 1 (1 means no retry)")

    def with_(self, **changes: object) -> Retry:
        """A copy with some fields changed, e.g. `policy.with_(attempts=10)`."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def should_retry(self, exc: BaseException) -> bool:
        return isinstance(exc, ApiError) and exc.code in self.codes

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """The successive waits (endless; the caller stops by attempts and deadline)."""
        draw = (rng or random).uniform
        bound = self.initial
        while True:
            cap = min(self.maximum, bound)
            yield draw(0.0, cap) if self.jitter else cap
            bound *= self.multiplier

    def _next_wait(self, attempt: int, start: float, waits: Iterator[float]) -> float | None:
        """The wait before attempt `attempt + 1`, or None when the budget is spent."""
        if self.attempts is not None and attempt >= self.attempts:
            return None
        wait = next(waits)
        if self.deadline is not None and time.monotonic() + wait - start > self.deadline:
            return None
        return wait

    def call(self, fn: Callable[[], T], *, sleep: Callable[[float], None] = time.sleep) -> T:
        """fn(), called again after retryable errors within the budget."""
        start, waits, attempt = time.monotonic(), self.delays(), 0
        while True:
            attempt += 1
            try:
                return fn()
            except ApiError as exc:
                if not self.should_retry(exc):
                    raise
                wait = self._next_wait(attempt, start, waits)
                if wait is None:
                    raise
            sleep(wait)

    async def acall(self, fn: Callable[[], Awaitable[T]]) -> T:
        """await fn(), awaited again after retryable errors within the budget."""
        start, waits, attempt = time.monotonic(), self.delays(), 0
        while True:
            attempt += 1
            try:
                return await fn()
            except ApiError as exc:
                if not self.should_retry(exc):
                    raise
                wait = self._next_wait(attempt, start, waits)
                if wait is None:
                    raise
            await asyncio.sleep(wait)


DEFAULT_RETRY = Retry()
"""5 attempts, 0.1 s doubling up to 5 s, within 30 s; UNAVAILABLE and RESOURCE_EXHAUSTED."""

NO_RETRY = Retry(attempts=1)
"""One attempt only: pass `retry=NO_RETRY` to disable retries for a call."""

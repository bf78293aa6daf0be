"""Retry policies: exponential backoff with full jitter, within one deadline for the whole call (sync and asyncio).

A `Retry` is an immutable value (like `google.api_core.retry.Retry`); derive
variants with `dataclasses.replace` or `with_(...)`. The client applies the
policy to every method, writes included (each write carries one idempotency
key on all its attempts, so the server applies it once).

What is retried:

- a status in `codes` (default UNAVAILABLE and RESOURCE_EXHAUSTED), except
  that RESOURCE_EXHAUSTED is retried only when the server attached a
  `google.rpc.RetryInfo` (without one it is a limit such as a message size);
  the RetryInfo's delay is then the minimum wait before the next attempt;
- DEADLINE_EXCEEDED of an attempt cut short by `attempt_timeout` while the
  call's own deadline still has time left.

The call's `timeout` is one deadline for everything: attempts and waits. Each
attempt gets the time remaining (or `attempt_timeout`, if shorter); when the
deadline passes the call ends with `DeadlineExceeded`; when the next wait
would end at or after the deadline, the last error is raised at once.
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

from michelangelo.runtime.errors import ApiError, DeadlineExceeded

T = TypeVar("T")

RETRYABLE_CODES = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED})


@dataclass(frozen=True)
class Retry:
    """When and how long to wait before calling again.

    The n-th wait (n = 0, 1, ...) is drawn uniformly from
    [0, min(maximum, initial * multiplier**n)] ("full jitter"; `jitter=False` waits
    the full bound), and is at least the server's RetryInfo delay when it sent one.
    Retrying stops after `attempts` calls in total (None: no limit) or when the
    next wait would reach the call's deadline (its `timeout`), whichever comes
    first; the last error is then raised.

    `attempt_timeout` (seconds, None: none) bounds each attempt on its own: an
    attempt gets min(attempt_timeout, time left of the call's timeout), and an
    attempt that runs out of its own time is retried like UNAVAILABLE.

    There is no separate total deadline: the call's `timeout` is the total
    (the `deadline` field of earlier versions was removed for that reason).
    """

    initial: float = 0.1
    maximum: float = 5.0
    multiplier: float = 2.0
    attempts: int | None = 5
    jitter: bool = True
    codes: frozenset[grpc.StatusCode] = field(default=RETRYABLE_CODES)
    attempt_timeout: float | None = None

    def __post_init__(self) -> None:
        if self.initial < 0 or self.maximum < 0 or self.multiplier < 1:
            raise ValueError("Retry needs initial >= 0, maximum >= 0 and multiplier >= 1")
        if self.attempts is not None and self.attempts < 1:
            raise ValueError("Retry.attempts must be at least 1 (1 means no retry)")
        if self.attempt_timeout is not None and self.attempt_timeout <= 0:
            raise ValueError("Retry.attempt_timeout must be positive (or None)")

    def with_(self, **changes: object) -> Retry:
        """A copy with some fields changed, e.g. `policy.with_(attempts=10)`."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def should_retry(self, exc: BaseException) -> bool:
        """Whether the status of `exc` is one this policy retries (the deadline rules aside)."""
        if not isinstance(exc, ApiError) or exc.code not in self.codes:
            return False
        if exc.code == grpc.StatusCode.RESOURCE_EXHAUSTED:
            return exc.retry_delay is not None
        return True

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """The successive backoff waits (endless; the caller stops by attempts and deadline)."""
        draw = (rng or random).uniform
        bound = self.initial
        while True:
            cap = min(self.maximum, bound)
            yield draw(0.0, cap) if self.jitter else cap
            bound *= self.multiplier

    def budget(self, timeout: float | None) -> Budget:
        """The bookkeeping of one logical call made with this policy and overall `timeout`."""
        return Budget(self, timeout)

    def run(
        self,
        fn: Callable[[float | None], T],
        *,
        timeout: float | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> T:
        """fn(attempt_timeout), called again after retryable errors within the budget."""
        budget = self.budget(timeout)
        while True:
            attempt_timeout = budget.start_attempt()
            try:
                return fn(attempt_timeout)
            except ApiError as exc:
                wait = budget.wait_after(exc)
                if wait is None:
                    raise
            sleep(wait)

    async def arun(self, fn: Callable[[float | None], Awaitable[T]], *, timeout: float | None = None) -> T:
        """The asyncio form of `run`."""
        budget = self.budget(timeout)
        while True:
            attempt_timeout = budget.start_attempt()
            try:
                return await fn(attempt_timeout)
            except ApiError as exc:
                wait = budget.wait_after(exc)
                if wait is None:
                    raise
            await asyncio.sleep(wait)

    def call(
        self, fn: Callable[[], T], *, timeout: float | None = None, sleep: Callable[[float], None] = time.sleep
    ) -> T:
        """fn(), called again after retryable errors within the budget (`timeout`: the total, None: none).

        `fn` takes no timeout, so `attempt_timeout` does not apply.
        """
        return self.with_(attempt_timeout=None).run(lambda _: fn(), timeout=timeout, sleep=sleep)

    async def acall(self, fn: Callable[[], Awaitable[T]], *, timeout: float | None = None) -> T:
        """await fn(), awaited again after retryable errors within the budget."""
        return await self.with_(attempt_timeout=None).arun(lambda _: fn(), timeout=timeout)


class Budget:
    """Attempts, waits and the deadline of one logical call (one `Retry.run`)."""

    def __init__(self, policy: Retry, timeout: float | None) -> None:
        self.policy = policy
        self.deadline = None if timeout is None else time.monotonic() + timeout
        self.attempts = 0
        self._waits = policy.delays()
        self._cut_by_attempt_timeout = False

    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def start_attempt(self) -> float | None:
        """The timeout of the next attempt; raises DeadlineExceeded when the call's deadline has passed."""
        remaining = self.remaining()
        if remaining is not None and remaining <= 0:
            raise DeadlineExceeded(f"deadline of the call passed after {self.attempts} attempt(s)")
        self.attempts += 1
        per_attempt = self.policy.attempt_timeout
        if per_attempt is not None and (remaining is None or per_attempt < remaining):
            self._cut_by_attempt_timeout = True
            return per_attempt
        self._cut_by_attempt_timeout = False
        return remaining

    def _retryable(self, exc: ApiError) -> bool:
        if exc.code == grpc.StatusCode.DEADLINE_EXCEEDED:
            # Only the attempt's own timeout is retried; the call's deadline is final.
            remaining = self.remaining()
            return self._cut_by_attempt_timeout and (remaining is None or remaining > 0)
        return self.policy.should_retry(exc)

    def wait_after(self, exc: ApiError) -> float | None:
        """The wait before the next attempt after `exc`, or None when `exc` is to be raised."""
        if not self._retryable(exc):
            return None
        if self.policy.attempts is not None and self.attempts >= self.policy.attempts:
            return None
        wait = next(self._waits)
        if exc.retry_delay is not None:
            wait = max(wait, exc.retry_delay)
        remaining = self.remaining()
        if remaining is not None and wait >= remaining:
            return None
        return wait


DEFAULT_RETRY = Retry()
"""5 attempts, 0.1 s doubling up to 5 s, within the call's timeout; UNAVAILABLE, RESOURCE_EXHAUSTED with RetryInfo."""

NO_RETRY = Retry(attempts=1)
"""One attempt only: pass `retry=NO_RETRY` to disable retries for a call."""

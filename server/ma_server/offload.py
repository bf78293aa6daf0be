"""Keeping one request's CPU from stalling every other request (issue 10, class 2).

The server is one asyncio loop serving gRPC and HTTP. Parsing, validating and
encoding a large object is pure CPU (a 3.9 MiB Project with 64,000 labels:
~0.35 s over gRPC, ~0.7 s over HTTP/JSON), and while it runs on the loop no
other call moves: 16 concurrent large creates made a small Get wait seconds.

So the CPU work of a *large* request runs in a small thread pool instead, and
the loop stays free between the pool's slices of the GIL:

- A request whose body is at least `OFFLOAD_THRESHOLD_BYTES` is *large*. The
  transports admit it with `admit(size)` around the whole call; inside, the
  handlers' heavy steps (`run(fn, ...)`: parse, validate, encode, JSON
  transcoding) run in the pool. Everything else - storage calls, the
  idempotency gate, the small requests' fast path - stays on the loop, and a
  request's messages are only ever touched by one thread at a time (the loop
  awaits the pool's result before it uses them again).
- Admission control: at most `MAX_OFFLOAD_BYTES` of large requests are
  processed at once (a byte-weighted FIFO semaphore; a request above it counts
  as the whole budget and runs alone). Later ones wait, which also bounds the
  memory large requests take; a wait longer than `ADMISSION_WAIT_SECONDS` (or
  the call's own deadline, whichever comes first) ends with RESOURCE_EXHAUSTED
  / HTTP 429 and a retry delay.
- `OFFLOAD_WORKERS` threads: with the GIL more threads add no throughput, and
  every runnable thread is one more the loop shares the GIL with.
- The GIL switch interval stays Python's 5 ms: with the pool, the loop waits
  for the GIL at most that long plus the longest single C call of a pool step
  (a 4 MiB protobuf parse or serialize, a 4 MiB `json.loads`: 10-25 ms). 1 ms
  and 0.2 ms were measured (bench/hostile_bench.py) and did not lower the
  hostile Get p99 beyond the machine's noise, while 0.2 ms doubled the idle p99.

`run(fn, ..., size=n)` also offloads a step of a small request whose own input
is large: decoding a large stored object (Get, List, Watch, Update), rendering
a large response as JSON, applying a PATCH to a large object or with many
operations (`http.patch.cost`; a JSON patch's copies share their values, so
the copy bomb is cheap and stays on the loop), reading a large patched object,
and re-reading a large request for its sensitive values on the error path.
Small requests keep today's fast path: no thread hop, no semaphore, one
context-variable lookup.

Flags (ma-server): `--offload-threshold-bytes`, `--max-offload-bytes`, `--offload-wait-seconds`.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import Final, TypeVar

import grpc

from ma_server.errors import ApiError

T = TypeVar("T")

# Requests (bodies) of at least this many bytes are processed off the event loop.
OFFLOAD_THRESHOLD_BYTES: Final = 64 * 1024
# Total size of the large requests processed at once; later ones wait for room.
MAX_OFFLOAD_BYTES: Final = 16 * 1024 * 1024
# Longest a large request waits for admission before RESOURCE_EXHAUSTED / 429.
ADMISSION_WAIT_SECONDS: Final = 30.0
# Threads running the CPU work of large requests.
OFFLOAD_WORKERS: Final = 1
# Retry delay a refused large request is given.
RETRY_DELAY_MS: Final = 1000


class Offload:
    """A thread pool for the CPU work of large requests and the admission gate in front of it."""

    def __init__(
        self,
        *,
        threshold_bytes: int = OFFLOAD_THRESHOLD_BYTES,
        max_bytes: int = MAX_OFFLOAD_BYTES,
        workers: int = OFFLOAD_WORKERS,
        wait_seconds: float = ADMISSION_WAIT_SECONDS,
    ) -> None:
        if threshold_bytes < 0 or max_bytes <= 0 or workers <= 0 or wait_seconds < 0:
            raise ValueError("offload limits must be positive")
        self.threshold_bytes = threshold_bytes
        self.max_bytes = max_bytes
        self.wait_seconds = wait_seconds
        self.workers = workers
        self._executor: ThreadPoolExecutor | None = None
        self.in_use = 0  # bytes of the large requests admitted now
        self._waiters: collections.deque[tuple[int, asyncio.Future[None]]] = collections.deque()

    def is_large(self, size: int) -> bool:
        return size >= self.threshold_bytes

    def admit(self, size: int) -> _Admission:
        """`async with offload.admit(len(body)):` around a whole call; a no-op for a small one."""
        return _Admission(self, size)

    async def call(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(*args)` in the pool (always)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="ma-offload")
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    # -- the byte-weighted FIFO semaphore ------------------------------------

    def _weight(self, size: int) -> int:
        return min(size, self.max_bytes)

    async def _acquire(self, weight: int) -> None:
        if not self._waiters and self.in_use + weight <= self.max_bytes:
            self.in_use += weight
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (weight, fut)
        self._waiters.append(entry)
        try:
            done, _ = await asyncio.wait({fut}, timeout=self.wait_seconds)
        except BaseException:  # cancelled (the call's deadline): leave the queue
            self._abandon(entry)
            raise
        if done:
            return
        self._abandon(entry)
        raise ApiError(
            grpc.StatusCode.RESOURCE_EXHAUSTED,
            f"server busy: large requests (>= {self.threshold_bytes} bytes) in progress"
            f" already use the {self.max_bytes} bytes they may use at once; retry later",
            retry_delay_ms=RETRY_DELAY_MS,
        )

    def _abandon(self, entry: tuple[int, asyncio.Future[None]]) -> None:
        weight, fut = entry
        if fut.done() and not fut.cancelled():
            self._release(weight)  # admitted just as the wait ended: give the room back
            return
        fut.cancel()
        self._remove(entry)

    def _remove(self, entry: tuple[int, asyncio.Future[None]]) -> None:
        try:
            self._waiters.remove(entry)
        except ValueError:
            pass
        self._wake()

    def _release(self, weight: int) -> None:
        self.in_use -= weight
        self._wake()

    def _wake(self) -> None:
        while self._waiters:
            weight, fut = self._waiters[0]
            if fut.done():
                self._waiters.popleft()
                continue
            if self.in_use + weight > self.max_bytes:
                return  # FIFO: a large waiter is not overtaken by smaller ones
            self._waiters.popleft()
            self.in_use += weight
            fut.set_result(None)


# The Offload that admitted the current request as large (None: a small request).
_current: contextvars.ContextVar[Offload | None] = contextvars.ContextVar("ma_offload", default=None)


class _Admission:
    def __init__(self, offload: Offload, size: int) -> None:
        self._offload = offload
        self._weight = offload._weight(size) if offload.is_large(size) else 0
        self._token: contextvars.Token[Offload | None] | None = None

    async def __aenter__(self) -> None:
        if self._weight:
            await self._offload._acquire(self._weight)
            self._token = _current.set(self._offload)

    async def __aexit__(
        self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._token is not None:
            _current.reset(self._token)
            self._token = None
            self._offload._release(self._weight)


_default = Offload()


def default() -> Offload:
    """The server's Offload (set up by `configure`)."""
    return _default


def configure(
    *,
    threshold_bytes: int = OFFLOAD_THRESHOLD_BYTES,
    max_bytes: int = MAX_OFFLOAD_BYTES,
    wait_seconds: float = ADMISSION_WAIT_SECONDS,
) -> Offload:
    """Replace the server's Offload (at start, before serving)."""
    global _default
    _default.shutdown()
    _default = Offload(threshold_bytes=threshold_bytes, max_bytes=max_bytes, wait_seconds=wait_seconds)
    return _default


def admit(size: int) -> _Admission:
    """`default().admit(size)`."""
    return _default.admit(size)


def heavy() -> bool:
    """Whether the current request was admitted as large."""
    return _current.get() is not None


async def run(fn: Callable[..., T], *args: object, size: int = 0) -> T:
    """`fn(*args)`: in the pool when the current request is large or `size` (the bytes `fn` works on)
    is, else right here on the loop (the fast path)."""
    off = _current.get()
    if off is None:
        if size < _default.threshold_bytes:
            return fn(*args)
        off = _default
    return await off.call(fn, *args)

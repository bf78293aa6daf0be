"""Helpers shared by the storage backends (not part of the `Storage` interface).

Watch memory bounds (issue 10 class 5):

- Every live watcher buffers the events it has not read yet in a `WatchBuffer`
  of at most `DEFAULT_WATCH_BUFFER_BYTES` (8 MiB, counted by `event_size`) and
  `DEFAULT_WATCH_BUFFER_EVENTS`; an empty buffer always takes one event, so an
  object larger than the budget still reaches a watcher that keeps up. A
  watcher whose buffer would pass either bound has fallen behind: its buffer
  is dropped at once, it stops receiving events and its iterator raises
  `WatcherTooSlowError` (as Kubernetes closes a slow watcher's channel; the
  client watches again from the last version it saw).
- `memory://` keeps its event window within `DEFAULT_MAX_EVENTS` events and
  `DEFAULT_MAX_EVENT_BYTES` bytes (also `event_size`), dropping the oldest
  events past either bound (the newest is always kept). SQLite's window is on
  disk and bounded by count only.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Final, Literal

from .base import Event, StorageError

DEFAULT_MAX_EVENTS = 100_000
# memory://: bytes of events the window keeps (see `event_size`).
DEFAULT_MAX_EVENT_BYTES: Final = 256 * 1024 * 1024
# Unread events one live watcher may hold, in bytes (see `event_size`) and in events.
DEFAULT_WATCH_BUFFER_BYTES: Final = 8 * 1024 * 1024
DEFAULT_WATCH_BUFFER_EVENTS: Final = 100_000
# What an event costs beyond its key and values (the Event, its ints, list and queue slots), roughly.
EVENT_OVERHEAD_BYTES: Final = 256
# Expired idempotency records removed per record write: more than one, so the
# table shrinks after a burst, and bounded, so no write pays for a long scan.
PURGE_BATCH = 64


class FutureRevisionError(StorageError):
    """A revision above the current one was asked for (list at revision R, compact(R)).

    Like etcd's ErrFutureRev. It is a StorageError so callers mapping storage
    errors to API errors see it; a client only gets here by sending a made-up
    resourceVersion.
    """

    def __init__(self, requested: int, current: int) -> None:
        super().__init__(f"revision {requested} is in the future; current revision is {current}")
        self.requested, self.current = requested, current


class StorageClosedError(StorageError):
    """The storage was closed; no further calls are accepted."""

    def __init__(self) -> None:
        super().__init__("storage is closed")


class WatcherTooSlowError(StorageError):
    """A watcher fell behind: its unread events passed its buffer's bounds, so the buffer was
    dropped and the watch ended. The caller may watch again from the last revision it saw."""

    def __init__(self, events: int, size: int, max_events: int, max_bytes: int) -> None:
        super().__init__(
            f"watcher fell behind: {events} unread events of {size} bytes would pass its buffer"
            f" ({max_events} events, {max_bytes} bytes)"
        )
        self.events, self.size, self.max_events, self.max_bytes = events, size, max_events, max_bytes


def check_max_events(max_events: int) -> int:
    if max_events < 1:
        raise ValueError(f"max_events must be >= 1, got {max_events}")
    return max_events


def check_positive(name: str, value: int) -> int:
    if value < 1:
        raise ValueError(f"{name} must be >= 1, got {value}")
    return value


def event_size(event: Event) -> int:
    """The bytes an event is counted as in watch buffers and in the memory event window:
    its key, its value and previous value, and `EVENT_OVERHEAD_BYTES`."""
    prev = len(event.prev_value) if event.prev_value is not None else 0
    return len(event.key) + len(event.value) + prev + EVENT_OVERHEAD_BYTES


class WatchBuffer:
    """The unread live events of one watcher, bounded in bytes and in events (see the module docstring).

    Belongs to one event loop: `push` and `close` are called on it (SQLite's worker
    thread hands events over with `loop.call_soon_threadsafe`), `get` by the one
    reader. Once `push` refuses an event the buffer is empty and failed for good:
    `get` raises `WatcherTooSlowError`; the storage stops feeding it.
    """

    def __init__(
        self, max_bytes: int = DEFAULT_WATCH_BUFFER_BYTES, max_events: int = DEFAULT_WATCH_BUFFER_EVENTS
    ) -> None:
        self.max_bytes = check_positive("watch buffer bytes", max_bytes)
        self.max_events = check_positive("watch buffer events", max_events)
        self._items: deque[tuple[Event, int]] = deque()
        self._bytes = 0
        self._error: WatcherTooSlowError | None = None
        self._closed = False
        self._waiter: asyncio.Future[None] | None = None
        self._room: asyncio.Future[None] | None = None  # a `put` waiting for the reader to take events

    @property
    def size(self) -> int:
        """Bytes of the events buffered now."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    @property
    def failed(self) -> bool:
        return self._error is not None

    def push(self, event: Event) -> bool:
        """Buffer `event`; False (and the buffer dropped, the watcher failed) when it would pass a bound."""
        if self._error is not None or self._closed:
            return False
        size = event_size(event)
        if self._items and not self._fits(size):
            self._error = WatcherTooSlowError(len(self._items) + 1, self._bytes + size, self.max_events, self.max_bytes)
            self._items.clear()  # released now, not when the reader comes back
            self._bytes = 0
            self._wake()
            return False
        self._items.append((event, size))
        self._bytes += size
        self._wake()
        return True

    async def put(self, event: Event, wait: float | None) -> bool:
        """`push`, after waiting for the reader to make room: at most `wait` seconds (None: as long
        as the reader takes). For a feeder that can hold events back (etcd's stream, whose flow
        control then stops etcd): the buffer fails only when the reader did not read in time."""
        loop = asyncio.get_running_loop()
        deadline = None if wait is None else loop.time() + wait
        size = event_size(event)
        while self._items and self._error is None and not self._closed and not self._fits(size):
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                break
            self._room = loop.create_future()
            try:
                await asyncio.wait_for(self._room, remaining)
            except TimeoutError:
                break
            finally:
                self._room = None
        return self.push(event)

    def _fits(self, size: int) -> bool:
        return self._bytes + size <= self.max_bytes and len(self._items) < self.max_events

    def close(self) -> None:
        """No more events: `get` returns what is buffered, then None."""
        self._closed = True
        self._wake()
        self._make_room()

    async def get(self) -> Event | None:
        """The next event; None once closed and drained; raises WatcherTooSlowError once failed."""
        while not self._items:
            if self._error is not None:
                raise self._error
            if self._closed:
                return None
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        event, size = self._items.popleft()
        self._bytes -= size
        self._make_room()
        return event

    def _make_room(self) -> None:
        if self._room is not None and not self._room.done():
            self._room.set_result(None)

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)


def check_list_args(limit: int, revision: int) -> None:
    if limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    if revision < 0:
        raise ValueError(f"revision must be >= 0, got {revision}")


def prefix_end(prefix: str) -> str | None:
    """The smallest string greater than every string starting with `prefix` (None: no bound).

    Strings compare by code point, which is also the bytewise order of their
    UTF-8 form (SQLite's BINARY collation), so `prefix <= key < prefix_end(prefix)`
    selects exactly the keys starting with `prefix` in both backends.
    """
    chars = list(prefix)
    while chars:
        code = ord(chars[-1]) + 1
        if code == 0xD800:  # surrogates are not valid in UTF-8 text; skip the block
            code = 0xE000
        if code <= 0x10FFFF:
            chars[-1] = chr(code)
            return "".join(chars)
        chars.pop()  # last char is the maximum code point: carry into the previous one
    return None


def key_in_range(key: str, prefix: str, start_after: str) -> bool:
    return key.startswith(prefix) and key > start_after


# -- storage faults ------------------------------------------------------------
#
# Two families. At open, a store the server cannot trust (not an SQLite file,
# empty, truncated, failing the integrity check, a schema this server does not
# know, a revision counter below the revisions in its tables) raises
# `StorageOpenError` (`StorageCorruptError` when the file is damaged or
# inconsistent): `ma-server` prints it as one `server failed: storage <url>: <problem>`
# line and exits 1. At run time a condition the server can name (disk or quota
# full, corruption found by a read, an I/O error, the file locked by another
# process, a read-only file) raises `StorageUnavailableError` with a `kind`;
# `ma_server.errors.storage_fault` maps it to a status for both transports.


class StorageOpenError(StorageError):
    """The store at `target` (a storage URL) cannot be opened; `problem` says why."""

    def __init__(self, target: str, problem: str) -> None:
        super().__init__(f"storage {target}: {problem}")
        self.target, self.problem = target, problem


class StorageCorruptError(StorageOpenError):
    """The file at `target` is damaged or inconsistent: the server refuses to start on it."""


FaultKind = Literal["full", "corrupt", "io", "locked", "readonly", "unavailable"]


class StorageUnavailableError(StorageError):
    """A run-time storage fault: the call failed and changed nothing (its transaction was rolled back).

    `kind`: "full" (disk or quota full), "corrupt" (a read found a damaged page),
    "io" (an I/O error), "locked" (another process holds the write lock past the
    busy timeout), "readonly" (the file cannot be written). `reason` is the
    message for the client: it names the cause, not the file's path.
    """

    def __init__(self, kind: FaultKind, reason: str) -> None:
        super().__init__(reason)
        self.kind, self.reason = kind, reason


RejectReason = Literal["forbidden", "invalid", "precondition", "too_large"]


class StorageRejectedError(StorageError):
    """A store with its own rules (Kubernetes: RBAC, admission, CRD schemas) refused the call.

    `reason`: "forbidden" (PERMISSION_DENIED / 403), "invalid" (INVALID_ARGUMENT / 422, `causes`
    are the (field, message) pairs it named), "precondition" (FAILED_PRECONDITION / 400, e.g. a
    missing namespace), "too_large" (INVALID_ARGUMENT / 413)."""

    def __init__(self, reason: RejectReason, message: str, causes: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.reason, self.message, self.causes = reason, message, causes or []

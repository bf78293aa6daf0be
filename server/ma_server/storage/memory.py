"""In-process storage: a dict, a sorted key list and a bounded event log.

Every method runs without awaiting anything, so on the event loop each call is
atomic: a write, its event and its delivery to watchers happen together, and a
watch takes its catch-up snapshot and registers its queue in one step. The
store belongs to one event loop and is not thread-safe.

Idempotency records live in a dict by scope with an expiry heap beside it;
a keyed write checks and stores its record in the same synchronous step as
the object change, so no other coroutine can slip in between.

The event window keeps at most `max_events` events and `max_event_bytes`
bytes (`_common.event_size`); the oldest are dropped past either bound, the
newest is always kept. A watch catches up by reading the window from its
revision (a batch at a time, never copying the window), and registers a
bounded `WatchBuffer` for live events once it has reached the head, in the
same synchronous step. A watcher that falls behind by more than its buffer
is ended with `WatcherTooSlowError` and its buffer dropped at once.

Reading the state at an older revision R (consistent list pages) uses the
first logged change of each key after R: that change's "before" state (value,
create revision, mod revision) *is* the key's state at R, or the key did not
exist at R when the change is ADDED. Keys without changes after R are read
from the current objects. Only events after R are needed, so any R at or
above the compaction point can be served, even for keys whose earlier
history is compacted.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace

from ._common import (
    DEFAULT_MAX_EVENT_BYTES,
    DEFAULT_MAX_EVENTS,
    DEFAULT_WATCH_BUFFER_BYTES,
    DEFAULT_WATCH_BUFFER_EVENTS,
    PURGE_BATCH,
    FutureRevisionError,
    StorageClosedError,
    WatchBuffer,
    check_list_args,
    check_max_events,
    check_positive,
    event_size,
    key_in_range,
)
from .base import (
    Event,
    EventType,
    IdempotencyRecord,
    IdempotencyRecordExistsError,
    KeyExistsError,
    KeyNotFoundError,
    KeyValue,
    ListResult,
    RevisionCompactedError,
    RevisionConflictError,
    Selection,
    Storage,
)


@dataclass(frozen=True)
class _LogEntry:
    """An event plus what the public Event lacks to rebuild the key's previous state."""

    event: Event
    create_revision: int  # of the object this event is about (for DELETED: the deleted one)
    prev_mod_revision: int  # mod_revision before the change (0 for ADDED)
    size: int = field(init=False)  # event_size(event), counted against max_event_bytes

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", event_size(self.event))

    def state_before(self) -> KeyValue | None:
        """The key's state just before this event (None: absent)."""
        if self.event.type is EventType.ADDED or self.event.prev_value is None:
            return None
        return KeyValue(self.event.key, self.event.prev_value, self.create_revision, self.prev_mod_revision)


# Log entries a catching-up watch scans per synchronous step (bounds the step and the batch it holds).
CATCH_UP_BATCH = 1000


@dataclass(eq=False)
class _Watcher:
    prefix: str
    buffer: WatchBuffer


class MemoryStorage(Storage):
    """Storage kept in memory; see the module docstring."""

    def __init__(
        self,
        *,
        max_events: int = DEFAULT_MAX_EVENTS,
        max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES,
        watch_buffer_bytes: int = DEFAULT_WATCH_BUFFER_BYTES,
        watch_buffer_events: int = DEFAULT_WATCH_BUFFER_EVENTS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._max_events = check_max_events(max_events)
        self._max_event_bytes = check_positive("max_event_bytes", max_event_bytes)
        # Bounds of each live watcher's buffer (see `_common.WatchBuffer`).
        self.watch_buffer_bytes = check_positive("watch_buffer_bytes", watch_buffer_bytes)
        self.watch_buffer_events = check_positive("watch_buffer_events", watch_buffer_events)
        self._log_bytes = 0  # sum of the logged entries' sizes
        self._clock = clock  # wall clock of idempotency record expiry
        self._records: dict[str, IdempotencyRecord] = {}
        self._expiry: list[tuple[float, str]] = []  # heap of (expires_at, scope); stale entries skipped
        self._objects: dict[str, KeyValue] = {}
        self._keys: list[str] = []  # sorted
        self._log: deque[_LogEntry] = deque()  # revisions compacted+1 .. revision, consecutive
        self._revision = 0
        self._compacted = 0
        self._watchers: set[_Watcher] = set()
        self._closed = False

    # -- reads ---------------------------------------------------------------

    async def get(self, key: str) -> KeyValue | None:
        self._check_open()
        return self._objects.get(key)

    async def current_revision(self) -> int:
        self._check_open()
        return self._revision

    async def oldest_revision(self) -> int:
        self._check_open()
        return self._compacted

    async def list(
        self,
        prefix: str,
        *,
        start_after: str = "",
        limit: int = 0,
        revision: int = 0,
        selection: Selection | None = None,  # a hint this store does not use
    ) -> ListResult:
        self._check_open()
        check_list_args(limit, revision)
        if revision > self._revision:
            raise FutureRevisionError(revision, self._revision)
        at = revision or self._revision
        if at < self._compacted:
            raise RevisionCompactedError(at, self._compacted)
        items: Iterator[KeyValue]
        if at == self._revision:
            items = self._current_in_range(prefix, start_after)
        else:
            # Keys changed after `at`: their state before the first such change.
            first_after: dict[str, _LogEntry] = {}
            for entry in reversed(self._log):
                if entry.event.revision <= at:
                    break
                first_after[entry.event.key] = entry  # walking backwards: the earliest one wins
            historic = sorted(
                (
                    kv
                    for e in first_after.values()
                    if (kv := e.state_before()) and key_in_range(kv.key, prefix, start_after)
                ),
                key=lambda kv: kv.key,
            )
            # Keys unchanged since `at` are exactly the current objects with mod_revision <= at.
            unchanged = (kv for kv in self._current_in_range(prefix, start_after) if kv.mod_revision <= at)
            items = heapq.merge(unchanged, historic, key=lambda kv: kv.key)
        taken = list(itertools.islice(items, limit + 1)) if limit else list(items)
        more = bool(limit) and len(taken) > limit
        return ListResult(items=taken[:limit] if more else taken, revision=at, more=more)

    def _current_in_range(self, prefix: str, start_after: str) -> Iterator[KeyValue]:
        start = max(bisect.bisect_left(self._keys, prefix), bisect.bisect_right(self._keys, start_after))
        for key in itertools.islice(self._keys, start, None):
            if not key.startswith(prefix):
                return
            yield self._objects[key]

    # -- writes --------------------------------------------------------------

    async def create(self, key: str, value: bytes, *, record: IdempotencyRecord | None = None) -> KeyValue:
        self._check_open()
        self._check_record(record)
        if key in self._objects:
            raise KeyExistsError(key)
        rev = self._revision + 1
        kv = KeyValue(key, bytes(value), rev, rev)
        self._objects[key] = kv
        bisect.insort(self._keys, key)
        self._append(_LogEntry(Event(EventType.ADDED, key, kv.value, rev), rev, 0))
        self._store_record(record, rev)
        return kv

    async def update(
        self,
        key: str,
        value: bytes,
        *,
        expected_revision: int | None = None,
        record: IdempotencyRecord | None = None,
    ) -> KeyValue:
        self._check_open()
        self._check_record(record)
        old = self._current(key, expected_revision)
        rev = self._revision + 1
        kv = KeyValue(key, bytes(value), old.create_revision, rev)
        self._objects[key] = kv
        self._append(
            _LogEntry(Event(EventType.MODIFIED, key, kv.value, rev, old.value), old.create_revision, old.mod_revision)
        )
        self._store_record(record, rev)
        return kv

    async def delete(
        self, key: str, *, expected_revision: int | None = None, record: IdempotencyRecord | None = None
    ) -> KeyValue:
        self._check_open()
        self._check_record(record)
        old = self._current(key, expected_revision)
        rev = self._revision + 1
        del self._objects[key]
        del self._keys[bisect.bisect_left(self._keys, key)]
        self._append(
            _LogEntry(Event(EventType.DELETED, key, old.value, rev, old.value), old.create_revision, old.mod_revision)
        )
        self._store_record(record, rev)
        return KeyValue(key, old.value, old.create_revision, rev)

    # -- idempotency records -------------------------------------------------

    def _live_record(self, scope: str) -> IdempotencyRecord | None:
        found = self._records.get(scope)
        return found if found is not None and found.expires_at > self._clock() else None

    def _check_record(self, record: IdempotencyRecord | None) -> None:
        if record is not None and (found := self._live_record(record.scope)) is not None:
            raise IdempotencyRecordExistsError(found)

    def _store_record(self, record: IdempotencyRecord | None, revision: int) -> None:
        if record is None:
            return
        self._purge_records()
        self._records[record.scope] = replace(record, revision=revision)
        heapq.heappush(self._expiry, (record.expires_at, record.scope))

    def _purge_records(self) -> None:
        now = self._clock()
        for _ in range(PURGE_BATCH):
            if not self._expiry or self._expiry[0][0] > now:
                return
            expires_at, scope = heapq.heappop(self._expiry)
            found = self._records.get(scope)
            if found is not None and found.expires_at == expires_at:
                del self._records[scope]

    async def get_idempotency_record(self, scope: str) -> IdempotencyRecord | None:
        self._check_open()
        return self._live_record(scope)

    async def put_idempotency_record(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        self._check_open()
        found = self._live_record(record.scope)
        if found is not None:
            return found
        self._store_record(record, 0)
        return None

    def _current(self, key: str, expected_revision: int | None) -> KeyValue:
        old = self._objects.get(key)
        if old is None:
            raise KeyNotFoundError(key)
        if expected_revision is not None and expected_revision != old.mod_revision:
            raise RevisionConflictError(key, expected_revision, old.mod_revision)
        return old

    def _append(self, entry: _LogEntry) -> None:
        """Record a write: bump the revision, log the event, trim the window, feed watchers."""
        event = entry.event
        self._revision = event.revision
        self._log.append(entry)
        self._log_bytes += entry.size
        while len(self._log) > self._max_events or (self._log_bytes > self._max_event_bytes and len(self._log) > 1):
            self._drop_oldest()
        slow = [w for w in self._watchers if event.key.startswith(w.prefix) and not w.buffer.push(event)]
        for watcher in slow:  # fell behind: buffer dropped, no more events
            self._watchers.discard(watcher)

    def _drop_oldest(self) -> None:
        self._log_bytes -= self._log.popleft().size
        self._compacted += 1

    async def compact(self, revision: int) -> None:
        self._check_open()
        if revision > self._revision:
            raise FutureRevisionError(revision, self._revision)
        while self._compacted < revision:
            self._drop_oldest()

    # -- watch ---------------------------------------------------------------

    def watch(self, prefix: str, *, after_revision: int) -> AsyncIterator[Event]:
        return self._watch(prefix, after_revision)

    async def _watch(self, prefix: str, after_revision: int) -> AsyncIterator[Event]:
        if self._closed:
            return
        if after_revision < self._compacted:
            raise RevisionCompactedError(after_revision, self._compacted)
        # 1. Catch up from the window, a batch at a time: nothing is copied or buffered
        # for the whole window, and a reader that stalls here holds one batch at most.
        cursor = after_revision  # every matching event up to `cursor` has been yielded
        while cursor < self._revision:
            if cursor < self._compacted:  # the window moved past us while we yielded
                raise RevisionCompactedError(cursor, self._compacted)
            start = cursor - self._compacted
            batch = [e.event for e in itertools.islice(self._log, start, start + CATCH_UP_BATCH)]
            cursor = batch[-1].revision
            for event in batch:
                if event.key.startswith(prefix):
                    yield event
                    if self._closed:
                        return
        # 2. Live events. Reaching the head and registering happen with no await in
        # between: every event is either read above or pushed to the buffer, never both.
        watcher = _Watcher(prefix, WatchBuffer(self.watch_buffer_bytes, self.watch_buffer_events))
        self._watchers.add(watcher)
        try:
            while True:
                live = await watcher.buffer.get()  # raises WatcherTooSlowError once it fell behind
                if live is None:
                    return
                if live.revision > after_revision:  # after_revision may be ahead of the store
                    yield live
        finally:
            self._watchers.discard(watcher)

    # -- lifecycle -----------------------------------------------------------

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for watcher in self._watchers:
            watcher.buffer.close()
        self._watchers.clear()

    def _check_open(self) -> None:
        if self._closed:
            raise StorageClosedError()

"""Storage in one SQLite file, for a single server process.

All database work runs on one dedicated worker thread (a ThreadPoolExecutor
with one worker) that owns the only connection: calls are serialized in
submission order and the event loop never blocks on disk I/O.

Durability: WAL journal with `synchronous=FULL`; a write's coroutine returns
only after the `BEGIN IMMEDIATE ... COMMIT` holding it, so it is on disk.

Group commit (`group_commit=True`, the default): writes waiting while the
worker is busy are committed together, in arrival order, in one transaction
and so one fsync (at most `GROUP_COMMIT_MAX` per transaction). Each write runs
inside a SAVEPOINT: one refused by its own preconditions (exists, not found,
conflict, a live idempotency record) is rolled back to its savepoint and
fails alone, taking no revision; a fault (disk full, I/O error) fails the whole
transaction, and every write in it, with nothing applied. Revisions are
assigned in the transaction's order, and the events are published after the
COMMIT, before the worker's next job. `group_commit=False` commits every write
on its own (the earlier behaviour, kept for the side-by-side bench).

In WAL mode `synchronous=NORMAL` would already survive a crash of the process
(`kill -9`): a committed transaction is in the WAL file, i.e. in the OS page
cache, which outlives the process. It only skips the fsync of the WAL at each
commit, so a power loss or kernel crash could drop the last acknowledged
writes. FULL fsyncs at every commit, making "acknowledged" mean "on stable
storage"; it costs one fsync per commit (see `synchronous`), which group
commit shares among the writes waiting together.

Schema:

- `objects(key, value, create_revision, mod_revision)`: the current state.
- `events(revision, type, key, value, prev_value, create_revision, prev_mod_revision)`:
  the event log, revisions compacted+1 .. revision with no gaps. The two
  extra columns (the object's create revision and its mod revision before the
  change) let a list at an older revision R rebuild each key's state at R from
  the key's first event after R alone, even when its earlier events are
  compacted.
- `meta(name, value)`: `revision` (the global counter, persisted so it
  continues after a restart), `compacted` (the compaction point) and
  `schema_version`.
- `idempotency(scope, fingerprint, response, revision, expires_at)`: outcomes
  of keyed writes, checked and inserted inside the write's own
  `BEGIN IMMEDIATE ... COMMIT`, so they survive a restart exactly when the
  write does. Expired rows are ignored and purged, at most `PURGE_BATCH` per
  record insert, through the `expires_at` index.

Schema version 2 added the idempotency table; a version-1 file is migrated
on open (the table is created, nothing else changes).

Watches: a watcher registers its live buffer first, then reads the events
table page by page (on the worker thread), then drops live events at or below
the last revision the catch-up covered. The worker publishes each committed
event to the registered buffers (`loop.call_soon_threadsafe`) before running
the next job, so an event is either committed before a catch-up read (and
found by it) or published after the registration (and buffered): no gap, and
the duplicates are dropped. The live buffer is a bounded `WatchBuffer`
(`watch_buffer_bytes`, `watch_buffer_events`): if writes fill it during the
catch-up, the catch-up reads on from the table with a fresh one; if it fills
afterwards the reader has fallen behind, its buffer is dropped and the watch
ends with `WatcherTooSlowError`.

One process only: the revision counter is cached in memory and events reach
watchers in-process, so a second process writing the same file would make
this one's writes fail (the event insert hits an existing revision, answered
as a "corrupt" `StorageUnavailableError`) and its watchers miss the other's
events. Nothing enforces this yet.

Faults at open (`_connect`). A new store is created under `<path>.new` and
linked into place only once its schema is committed, so a file at `path` is
always a store some server finished creating; opening an existing file then
refuses, with a `StorageOpenError` / `StorageCorruptError` naming the URL and
the problem (one `server failed:` line from `ma-server`), when:

- the file is empty (0 bytes: SQLite would silently start an empty store on it),
  is not an SQLite file (header), or is shorter than its header's page count
  (truncated; judged only when no WAL file is waiting to be replayed);
- it lacks the `objects` / `events` / `meta` tables or their columns, or its
  schema version is not one this server reads;
- `PRAGMA quick_check` reports a problem. The check reads the whole file
  (100,000 objects of 1 KB, 280 MB with their events: 0.3 s with the page
  cache warm, 7 s cold on a slow disk), so it is bounded by `check_seconds`
  (`CHECK_SECONDS`, `--storage-check-seconds`; 0 skips it): past the bound
  it is interrupted, a warning names the bound and the file's size, and the
  server starts (run-time reads still report corruption they meet);
- the revision counter in `meta` is below the compaction point, the newest
  event's revision or an object's mod_revision (a rewound counter would make
  every write reuse a revision). It is refused, naming both numbers, and
  not repaired: raising the counter to the largest revision found is not
  provably safe (a revision whose event was compacted away and whose object
  was deleted may have been seen by clients and would be handed out again).

Faults at run time. Every worker job's `sqlite3.Error` that names a condition
becomes a `StorageUnavailableError` (`_fault`): SQLITE_FULL ("full": the disk,
or the `quota_bytes` quota, `PRAGMA max_page_count`, like etcd's
--quota-backend-bytes), SQLITE_CORRUPT / NOTADB ("corrupt"), SQLITE_IOERR
("io"), SQLITE_BUSY / LOCKED after the `BUSY_TIMEOUT_MS` busy timeout
("locked"), SQLITE_READONLY / CANTOPEN / PERM ("readonly"). A failed write is
rolled back and the in-memory revision counter is not advanced, so nothing
is half-written, and the next call after the condition clears succeeds. The
first fault of a kind, and the recovery, are logged once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import stat
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal, TypeVar

from ._common import (
    DEFAULT_MAX_EVENTS,
    DEFAULT_WATCH_BUFFER_BYTES,
    DEFAULT_WATCH_BUFFER_EVENTS,
    PURGE_BATCH,
    FaultKind,
    FutureRevisionError,
    StorageClosedError,
    StorageCorruptError,
    StorageOpenError,
    StorageUnavailableError,
    WatchBuffer,
    check_list_args,
    check_max_events,
    prefix_end,
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

T = TypeVar("T")

log = logging.getLogger("ma_server.storage")

SCHEMA_VERSION = 2
# Versions an existing file may have; older ones are migrated in `_connect`.
_MIGRATABLE = frozenset({1, 2})
# Rows read per worker job while a watch catches up (bounds memory and job length).
CATCH_UP_PAGE = 1000
# Longest time the integrity check at open may take (seconds; 0: no check).
CHECK_SECONDS = 10.0
# Problems the integrity check lists at most.
CHECK_PROBLEMS = 10
# Most writes committed by one transaction (one fsync) under group commit.
GROUP_COMMIT_MAX = 256
# How long a write waits for another process's write lock before failing as "locked".
BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Columns of each table (the `idempotency` table is absent in a version-1 file).
_COLUMNS = {
    "objects": ["key", "value", "create_revision", "mod_revision"],
    "events": ["revision", "type", "key", "value", "prev_value", "create_revision", "prev_mod_revision"],
    "meta": ["name", "value"],
    "idempotency": ["scope", "fingerprint", "response", "revision", "expires_at"],
}

Synchronous = Literal["FULL", "NORMAL"]
# (events, head revision) of one catch-up read; an alias because `Storage.list` shadows `list` in the class.
_EventPage = tuple[list[Event], int]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    create_revision INTEGER NOT NULL,
    mod_revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    revision INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL,
    prev_value BLOB,
    create_revision INTEGER NOT NULL,
    prev_mod_revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_key_revision ON events (key, revision);
CREATE TABLE IF NOT EXISTS meta (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    response BLOB NOT NULL,
    revision INTEGER NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_expires_at ON idempotency (expires_at);
"""


@dataclass(eq=False)
class _Watcher:
    """A bounded live buffer on some event loop; the worker thread feeds it thread-safely."""

    prefix: str
    loop: asyncio.AbstractEventLoop
    buffer: WatchBuffer
    # Called on the loop when the buffer refused an event (the watcher fell behind).
    on_overflow: Callable[[_Watcher], None]

    def push(self, event: Event | None) -> bool:
        """Hand `event` (None: end the watch) over from any thread; False when the watcher's loop is closed."""
        try:
            self.loop.call_soon_threadsafe(self._deliver, event)
        except RuntimeError:
            return False
        return True

    def _deliver(self, event: Event | None) -> None:
        if event is None:
            self.buffer.close()
        elif not self.buffer.push(event):
            self.on_overflow(self)


@dataclass(eq=False)
class _PendingWrite:
    """A write waiting for the next group commit; resolved on its own event loop."""

    mutate: Callable[[int], tuple[Any, Event, int, int]]
    record: IdempotencyRecord | None
    future: asyncio.Future[Any]

    def resolve(self, result: Any = None, error: BaseException | None = None) -> None:
        """From the worker thread: finish the waiting coroutine (unless it gave up waiting)."""

        def finish() -> None:
            if self.future.done():
                return
            if error is not None:
                self.future.set_exception(error)
            else:
                self.future.set_result(result)

        with contextlib.suppress(RuntimeError):  # the caller's loop is closed: nobody waits
            self.future.get_loop().call_soon_threadsafe(finish)


# A write's own refusal: under group commit it fails alone (rolled back to its savepoint).
_REFUSALS = (KeyExistsError, KeyNotFoundError, RevisionConflictError, IdempotencyRecordExistsError)


def _range_sql(column: str, prefix: str, start_after: str) -> tuple[str, list[Any]]:
    """SQL condition and parameters for `column` starting with prefix and > start_after."""
    sql, params = f"{column} >= ? AND {column} > ?", [prefix, start_after]
    end = prefix_end(prefix)
    if end is not None:
        sql += f" AND {column} < ?"
        params.append(end)
    return sql, params


def _event(row: Any) -> Event:
    revision, type_, key, value, prev_value = row
    return Event(EventType(type_), key, value, revision, prev_value)


class SqliteStorage(Storage):
    """Storage in a SQLite file; create it with `SqliteStorage.open(path)`."""

    # Bounds of each live watcher's buffer (see `_common.WatchBuffer`); set before watches start.
    watch_buffer_bytes: int = DEFAULT_WATCH_BUFFER_BYTES
    watch_buffer_events: int = DEFAULT_WATCH_BUFFER_EVENTS

    def __init__(
        self,
        conn: sqlite3.Connection,
        executor: ThreadPoolExecutor,
        *,
        max_events: int,
        revision: int,
        compacted: int,
        clock: Callable[[], float] = time.time,
        quota_bytes: int = 0,
        group_commit: bool = True,
    ) -> None:
        """Internal: use `open()`. `conn` belongs to the single thread of `executor`."""
        self._conn = conn
        self.group_commit = group_commit
        self._pending: deque[_PendingWrite] = deque()
        self._pending_lock = threading.Lock()
        self._drain_scheduled = False
        self.commits = 0  # write transactions committed (group commit shares one among several writes)
        self._quota_bytes = quota_bytes
        self._fault_kind: FaultKind | None = None  # the last fault seen, until a call succeeds
        self._clock = clock  # wall clock of idempotency record expiry
        self._executor = executor
        self._max_events = max_events
        # Written only on the worker thread, after COMMIT; read anywhere (int reads are atomic).
        self._revision = revision
        self._compacted = compacted
        self._watchers: set[_Watcher] = set()
        self._watchers_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        max_events: int = DEFAULT_MAX_EVENTS,
        synchronous: Synchronous = "FULL",
        clock: Callable[[], float] = time.time,
        quota_bytes: int = 0,
        check_seconds: float = CHECK_SECONDS,
        group_commit: bool = True,
    ) -> SqliteStorage:
        """Open (or create, with its parent directories) the database at `path`.

        `group_commit` commits concurrent writes together (see the module docstring).

        `synchronous="NORMAL"` trades durability on power loss for speed; keep
        the default FULL for a server (see the module docstring). `quota_bytes`
        (0: none) caps the database file: writes past it fail as "full".
        `check_seconds` bounds the integrity check of an existing file (0: skipped).
        A store that cannot be trusted raises `StorageOpenError` (see the module docstring).
        """
        check_max_events(max_events)
        if synchronous not in ("FULL", "NORMAL"):
            raise ValueError(f"synchronous must be FULL or NORMAL, got {synchronous!r}")
        if quota_bytes < 0:
            raise ValueError(f"quota_bytes must be >= 0, got {quota_bytes}")
        if check_seconds < 0:
            raise ValueError(f"check_seconds must be >= 0, got {check_seconds}")
        target = os.fspath(path)
        if target != ":memory:":
            try:
                Path(target).parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StorageOpenError(_url(target), f"cannot create its directory: {e.strerror or e}") from None
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ma-sqlite")
        try:
            conn, revision, compacted = executor.submit(
                _connect, target, synchronous, quota_bytes, check_seconds
            ).result()
        except BaseException:
            executor.shutdown(wait=True)
            raise
        return cls(
            conn,
            executor,
            max_events=max_events,
            revision=revision,
            compacted=compacted,
            clock=clock,
            quota_bytes=quota_bytes,
            group_commit=group_commit,
        )

    # -- plumbing ------------------------------------------------------------

    async def _run(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the worker thread (in submission order); a named SQLite fault
        is raised as a `StorageUnavailableError`."""
        if self._closed:
            raise StorageClosedError()
        return await self._faults_named(asyncio.get_running_loop().run_in_executor(self._executor, fn))

    async def _faults_named(self, work: Awaitable[T]) -> T:
        """Await worker-thread work; a named SQLite fault is raised as a `StorageUnavailableError`."""
        try:
            result = await work
        except sqlite3.Error as e:
            fault = _fault(e, self._quota_bytes)
            if fault is None:
                raise
            self._saw_fault(fault)
            raise fault from e
        except StorageUnavailableError as fault:
            self._saw_fault(fault)
            raise
        if self._fault_kind is not None:
            log.warning("storage recovered", extra={"fields": {"after": self._fault_kind}})
            self._fault_kind = None
        return result

    async def _write_soon(
        self, mutate: Callable[[int], tuple[T, Event, int, int]], record: IdempotencyRecord | None = None
    ) -> T:
        """One write: committed on its own, or with the writes waiting beside it (group commit)."""
        if not self.group_commit:
            return await self._run(partial(self._write, mutate, record))
        if self._closed:
            raise StorageClosedError()
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        with self._pending_lock:
            self._pending.append(_PendingWrite(mutate, record, future))
            schedule = not self._drain_scheduled
            self._drain_scheduled = True
        if schedule:
            self._executor.submit(self._drain)
        return await self._faults_named(future)

    def _drain(self) -> None:
        """Worker thread: commit one group of waiting writes; queue another job for the rest, behind
        the reads submitted meanwhile (so a stream of writes never starves them)."""
        with self._pending_lock:
            batch = [self._pending.popleft() for _ in range(min(len(self._pending), GROUP_COMMIT_MAX))]
        if batch:
            self._commit_group(batch)
        with self._pending_lock:
            if not self._pending:
                self._drain_scheduled = False
                return
        try:
            self._executor.submit(self._drain)
        except RuntimeError:  # shut down: `close` drained what it could; nobody commits the rest
            self._fail_pending(StorageClosedError())

    def _drain_all(self) -> None:
        """Worker thread, at close: commit every write still waiting."""
        while True:
            with self._pending_lock:
                batch = [self._pending.popleft() for _ in range(min(len(self._pending), GROUP_COMMIT_MAX))]
            if not batch:
                return
            self._commit_group(batch)

    def _fail_pending(self, error: BaseException) -> None:
        with self._pending_lock:
            batch, self._pending = list(self._pending), deque()
            self._drain_scheduled = False
        for write in batch:
            write.resolve(error=error)

    def _commit_group(self, batch: list[_PendingWrite]) -> None:
        """Worker thread: `batch` in one transaction, each write in a savepoint (see the module docstring)."""
        conn = self._conn
        rev = self._revision
        done: list[tuple[_PendingWrite, Any, Event | None, BaseException | None]] = []
        try:
            self._begin()
            for write in batch:
                conn.execute("SAVEPOINT w")
                try:
                    if write.record is not None and (found := self._live_record(write.record.scope)) is not None:
                        raise IdempotencyRecordExistsError(found)
                    result, event, create_revision, prev_mod_revision = write.mutate(rev + 1)
                    if write.record is not None:
                        self._insert_record(write.record, rev + 1)
                    self._log_event(rev + 1, event, create_revision, prev_mod_revision)
                except _REFUSALS as refused:
                    conn.execute("ROLLBACK TO w")
                    conn.execute("RELEASE w")
                    done.append((write, None, None, refused))
                    continue
                conn.execute("RELEASE w")
                rev += 1
                done.append((write, result, event, None))
            compacted = self._advance(rev)
            conn.execute("COMMIT")
        except BaseException as e:  # noqa: BLE001 - a fault: nothing in the group was applied; every write hears it
            self._rollback()
            for write in batch:
                write.resolve(error=e)
            return
        self._revision, self._compacted = rev, compacted
        self.commits += 1
        for write, outcome, published, refusal in done:
            if published is not None:
                self._publish(published)
            write.resolve(outcome, refusal)

    def _log_event(self, rev: int, event: Event, create_revision: int, prev_mod_revision: int) -> None:
        """Worker thread, inside a transaction: append the event of revision `rev`."""
        row = (rev, event.type.value, event.key, event.value, event.prev_value, create_revision, prev_mod_revision)
        try:
            self._conn.execute(
                "INSERT INTO events (revision, type, key, value, prev_value, create_revision, prev_mod_revision)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        except sqlite3.IntegrityError:
            raise StorageUnavailableError(
                "corrupt",
                f"storage is inconsistent: revision {rev} is already in its event log"
                " (is another process writing the same file?)",
            ) from None

    def _advance(self, rev: int) -> int:
        """Worker thread, inside a transaction: store the revision counter, trim the window; the new
        compaction point."""
        if rev == self._revision:
            return self._compacted
        conn = self._conn
        conn.execute("UPDATE meta SET value = ? WHERE name = 'revision'", (rev,))
        compacted = max(self._compacted, rev - self._max_events)
        if compacted > self._compacted:
            conn.execute("DELETE FROM events WHERE revision <= ?", (compacted,))
            conn.execute("UPDATE meta SET value = ? WHERE name = 'compacted'", (compacted,))
        return compacted

    def _saw_fault(self, fault: StorageUnavailableError) -> None:
        """Log the first fault of a kind (not every failing call)."""
        if fault.kind != self._fault_kind:
            self._fault_kind = fault.kind
            log.error("storage fault", extra={"fields": {"kind": fault.kind, "reason": fault.reason}})

    def _begin(self) -> None:
        """Worker thread: BEGIN IMMEDIATE, first ending a transaction a failed ROLLBACK left open."""
        conn = self._conn
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("BEGIN IMMEDIATE")

    def _rollback(self) -> None:
        """Worker thread, after a failed transaction: roll it back (a failure here is retried by `_begin`)."""
        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _write(self, mutate: Callable[[int], tuple[T, Event, int, int]], record: IdempotencyRecord | None = None) -> T:
        """Worker thread: one write transaction.

        A live idempotency record of `record`'s scope aborts it first. Then
        `mutate(revision)` checks preconditions, changes `objects` and returns
        (result, event, create_revision, prev_mod_revision). The event is logged,
        the record stored, the counters updated and the window trimmed in the
        same transaction; after COMMIT the event is published to the watchers.
        """
        conn = self._conn
        self._begin()
        try:
            if record is not None and (found := self._live_record(record.scope)) is not None:
                raise IdempotencyRecordExistsError(found)
            rev = self._revision + 1
            result, event, create_revision, prev_mod_revision = mutate(rev)
            if record is not None:
                self._insert_record(record, rev)
            self._log_event(rev, event, create_revision, prev_mod_revision)
            compacted = self._advance(rev)
            conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self._revision, self._compacted = rev, compacted
        self.commits += 1
        self._publish(event)
        return result

    def _publish(self, event: Event) -> None:
        with self._watchers_lock:
            targets = [w for w in self._watchers if event.key.startswith(w.prefix)]
        for watcher in targets:
            if not watcher.push(event):
                with self._watchers_lock:
                    self._watchers.discard(watcher)

    def _current(self, key: str, expected_revision: int | None) -> tuple[bytes, int, int]:
        """Worker thread, inside a transaction: (value, create_revision, mod_revision) of `key`."""
        row = self._conn.execute(
            "SELECT value, create_revision, mod_revision FROM objects WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            raise KeyNotFoundError(key)
        value, create_revision, mod_revision = row
        if expected_revision is not None and expected_revision != mod_revision:
            raise RevisionConflictError(key, expected_revision, mod_revision)
        return value, create_revision, mod_revision

    # -- idempotency records -------------------------------------------------

    def _live_record(self, scope: str) -> IdempotencyRecord | None:
        """Worker thread: the unexpired record of `scope`."""
        row = self._conn.execute(
            "SELECT fingerprint, response, revision, expires_at FROM idempotency WHERE scope = ? AND expires_at > ?",
            (scope, self._clock()),
        ).fetchone()
        return None if row is None else IdempotencyRecord(scope, row[0], row[1], row[3], row[2])

    def _insert_record(self, record: IdempotencyRecord, revision: int) -> None:
        """Worker thread, inside a transaction: purge a bounded batch of expired rows, then store `record`."""
        self._conn.execute(
            "DELETE FROM idempotency WHERE scope IN"
            " (SELECT scope FROM idempotency WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)",
            (self._clock(), PURGE_BATCH),
        )
        # REPLACE: an expired row of the same scope may still be there.
        self._conn.execute(
            "INSERT OR REPLACE INTO idempotency (scope, fingerprint, response, revision, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (record.scope, record.fingerprint, record.response, revision, record.expires_at),
        )

    async def get_idempotency_record(self, scope: str) -> IdempotencyRecord | None:
        return await self._run(partial(self._live_record, scope))

    async def put_idempotency_record(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        return await self._run(partial(self._put_record, record))

    def _put_record(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        conn = self._conn
        self._begin()
        try:
            found = self._live_record(record.scope)
            if found is None:
                self._insert_record(replace(record, revision=0), 0)
            conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return found

    # -- reads ---------------------------------------------------------------

    async def get(self, key: str) -> KeyValue | None:
        return await self._run(partial(self._get, key))

    def _get(self, key: str) -> KeyValue | None:
        row = self._conn.execute(
            "SELECT value, create_revision, mod_revision FROM objects WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else KeyValue(key, row[0], row[1], row[2])

    async def current_revision(self) -> int:
        if self._closed:
            raise StorageClosedError()
        return self._revision

    async def oldest_revision(self) -> int:
        if self._closed:
            raise StorageClosedError()
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
        check_list_args(limit, revision)
        return await self._run(partial(self._list, prefix, start_after, limit, revision))

    def _list(self, prefix: str, start_after: str, limit: int, revision: int) -> ListResult:
        # Runs on the worker thread, so no write interleaves with these reads.
        if revision > self._revision:
            raise FutureRevisionError(revision, self._revision)
        at = revision or self._revision
        if at < self._compacted:
            raise RevisionCompactedError(at, self._compacted)
        sql_limit = limit + 1 if limit else -1
        if at == self._revision:
            cond, params = _range_sql("key", prefix, start_after)
            rows = self._conn.execute(
                f"SELECT key, value, create_revision, mod_revision FROM objects WHERE {cond} ORDER BY key LIMIT ?",
                (*params, sql_limit),
            ).fetchall()
        else:
            # State at `at`: keys unchanged since then (current mod_revision <= at), plus
            # each key changed later at its state before its first change after `at`
            # (absent when that change is ADDED). The two sets are disjoint.
            obj_cond, obj_params = _range_sql("key", prefix, start_after)
            ev_cond, ev_params = _range_sql("key", prefix, start_after)
            rows = self._conn.execute(
                f"""
                WITH first_after AS (
                    SELECT MIN(revision) AS revision FROM events
                    WHERE revision > ? AND {ev_cond} GROUP BY key
                )
                SELECT e.key AS key, e.prev_value, e.create_revision, e.prev_mod_revision
                FROM events AS e JOIN first_after AS f ON e.revision = f.revision
                WHERE e.type != 'ADDED'
                UNION ALL
                SELECT key, value, create_revision, mod_revision FROM objects
                WHERE mod_revision <= ? AND {obj_cond}
                ORDER BY key LIMIT ?
                """,
                (at, *ev_params, at, *obj_params, sql_limit),
            ).fetchall()
        more = bool(limit) and len(rows) > limit
        items = [KeyValue(r[0], r[1], r[2], r[3]) for r in (rows[:limit] if more else rows)]
        return ListResult(items=items, revision=at, more=more)

    # -- writes --------------------------------------------------------------

    async def create(self, key: str, value: bytes, *, record: IdempotencyRecord | None = None) -> KeyValue:
        return await self._write_soon(partial(self._create, key, bytes(value)), record)

    def _create(self, key: str, value: bytes, rev: int) -> tuple[KeyValue, Event, int, int]:
        if self._conn.execute("SELECT 1 FROM objects WHERE key = ?", (key,)).fetchone() is not None:
            raise KeyExistsError(key)
        self._conn.execute("INSERT INTO objects VALUES (?, ?, ?, ?)", (key, value, rev, rev))
        return KeyValue(key, value, rev, rev), Event(EventType.ADDED, key, value, rev), rev, 0

    async def update(
        self,
        key: str,
        value: bytes,
        *,
        expected_revision: int | None = None,
        record: IdempotencyRecord | None = None,
    ) -> KeyValue:
        return await self._write_soon(partial(self._update, key, bytes(value), expected_revision), record)

    def _update(
        self, key: str, value: bytes, expected_revision: int | None, rev: int
    ) -> tuple[KeyValue, Event, int, int]:
        old_value, create_revision, old_mod = self._current(key, expected_revision)
        self._conn.execute("UPDATE objects SET value = ?, mod_revision = ? WHERE key = ?", (value, rev, key))
        event = Event(EventType.MODIFIED, key, value, rev, old_value)
        return KeyValue(key, value, create_revision, rev), event, create_revision, old_mod

    async def delete(
        self, key: str, *, expected_revision: int | None = None, record: IdempotencyRecord | None = None
    ) -> KeyValue:
        return await self._write_soon(partial(self._delete, key, expected_revision), record)

    def _delete(self, key: str, expected_revision: int | None, rev: int) -> tuple[KeyValue, Event, int, int]:
        old_value, create_revision, old_mod = self._current(key, expected_revision)
        self._conn.execute("DELETE FROM objects WHERE key = ?", (key,))
        event = Event(EventType.DELETED, key, old_value, rev, old_value)
        return KeyValue(key, old_value, create_revision, rev), event, create_revision, old_mod

    async def compact(self, revision: int) -> None:
        await self._run(partial(self._compact, revision))

    def _compact(self, revision: int) -> None:
        if revision > self._revision:
            raise FutureRevisionError(revision, self._revision)
        if revision <= self._compacted:
            return
        conn = self._conn
        self._begin()
        try:
            conn.execute("DELETE FROM events WHERE revision <= ?", (revision,))
            conn.execute("UPDATE meta SET value = ? WHERE name = 'compacted'", (revision,))
            conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self._compacted = revision

    # -- watch ---------------------------------------------------------------

    def watch(self, prefix: str, *, after_revision: int) -> AsyncIterator[Event]:
        return self._watch(prefix, after_revision)

    async def _watch(self, prefix: str, after_revision: int) -> AsyncIterator[Event]:
        if self._closed:
            return
        loop = asyncio.get_running_loop()

        def register() -> _Watcher:
            w = _Watcher(prefix, loop, WatchBuffer(self.watch_buffer_bytes, self.watch_buffer_events), self._unregister)
            with self._watchers_lock:
                self._watchers.add(w)
            return w

        watcher = register()  # 1. live buffer first
        try:
            # 2. catch up from the table; `covered` ends as the revision up to which
            # every matching event has been yielded.
            cursor = after_revision
            while True:
                try:
                    rows, head = await self._run(partial(self._events_after, prefix, cursor))
                except StorageClosedError:
                    return
                for event in rows:
                    yield event
                if rows:
                    cursor = rows[-1].revision
                if len(rows) == CATCH_UP_PAGE:
                    continue
                if watcher.buffer.failed:
                    # Writes outran a long catch-up: the table has those events too, so read
                    # on from there with a fresh buffer (registered before the next read).
                    watcher = register()
                    continue
                covered = max(cursor, head)
                break
            # 3. live events, minus those the catch-up already delivered.
            while True:
                live = await watcher.buffer.get()  # raises WatcherTooSlowError once it fell behind
                if live is None:
                    return
                if live.revision > covered:
                    covered = live.revision
                    yield live
        finally:
            self._unregister(watcher)

    def _unregister(self, watcher: _Watcher) -> None:
        with self._watchers_lock:
            self._watchers.discard(watcher)

    def _events_after(self, prefix: str, revision: int) -> _EventPage:
        """Worker thread: up to CATCH_UP_PAGE events after `revision` under `prefix`, and the head revision."""
        if revision < self._compacted:
            raise RevisionCompactedError(revision, self._compacted)
        # `+key` keeps SQLite on the revision (rowid) order instead of the key index,
        # so paging reads the window once in total instead of sorting it per page.
        cond, params = _range_sql("+key", prefix, "")
        rows = self._conn.execute(
            f"SELECT revision, type, key, value, prev_value FROM events WHERE revision > ? AND {cond}"
            " ORDER BY revision LIMIT ?",
            (revision, *params, CATCH_UP_PAGE),
        ).fetchall()
        return [_event(r) for r in rows], self._revision

    # -- lifecycle -----------------------------------------------------------

    async def close(self) -> None:
        """Wait for queued calls, close the database and end every watch."""
        if self._closed:
            return
        self._closed = True
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._executor, self._drain_all)  # writes already accepted are committed
            await loop.run_in_executor(self._executor, self._conn.close)
        finally:
            self._executor.shutdown(wait=True)
            with self._watchers_lock:
                watchers, self._watchers = list(self._watchers), set()
            for watcher in watchers:
                watcher.push(None)


# -- faults --------------------------------------------------------------------


def _url(path: str) -> str:
    """The storage URL naming `path` (as `--storage` spells it)."""
    return f"sqlite:///{path}"


def _primary_code(e: sqlite3.Error) -> int:
    return int(getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF  # extended codes keep the primary in the low byte


def _fault(e: sqlite3.Error, quota_bytes: int = 0) -> StorageUnavailableError | None:
    """The run-time fault a SQLite error names (None: not a storage condition, e.g. a bug in a statement)."""
    code = _primary_code(e)
    name = getattr(e, "sqlite_errorname", "") or type(e).__name__
    if code == sqlite3.SQLITE_FULL:
        where = f"the store's quota of {quota_bytes} bytes is used or the disk is full" if quota_bytes else "disk full"
        return StorageUnavailableError("full", f"storage is full: {e} ({where})")
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return StorageUnavailableError("corrupt", f"storage is corrupt: {e} ({name})")
    if code == sqlite3.SQLITE_IOERR:
        return StorageUnavailableError("io", f"storage I/O error: {e} ({name})")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StorageUnavailableError(
            "locked", f"storage is locked by another process: {e} (waited {BUSY_TIMEOUT_MS} ms)"
        )
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return StorageUnavailableError("readonly", f"storage cannot be written: {e} ({name})")
    return None


def _open_problem(target: str, e: sqlite3.Error) -> StorageOpenError:
    """A SQLite error met while opening `target` as a StorageOpenError naming the problem."""
    code = _primary_code(e)
    url = _url(target)
    if code == sqlite3.SQLITE_NOTADB:
        return StorageCorruptError(url, f"not an SQLite database (file is {_size(target)} bytes)")
    if code == sqlite3.SQLITE_CORRUPT:
        return StorageCorruptError(url, f"corrupt: {e}")
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return StorageOpenError(url, f"cannot open it: {e}")
    if code == sqlite3.SQLITE_READONLY:
        return StorageOpenError(url, f"cannot write it: {e}")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StorageOpenError(url, f"locked by another process: {e}")
    if code == sqlite3.SQLITE_FULL:
        return StorageOpenError(url, f"disk full: {e}")
    if code == sqlite3.SQLITE_IOERR:
        return StorageOpenError(url, f"I/O error: {e}")
    return StorageOpenError(url, f"{e} ({getattr(e, 'sqlite_errorname', '') or type(e).__name__})")


def _size(path: str) -> int | str:
    try:
        return os.stat(path).st_size
    except OSError:
        return "?"


# -- opening -------------------------------------------------------------------


def _connect(
    path: str, synchronous: Synchronous, quota_bytes: int = 0, check_seconds: float = CHECK_SECONDS
) -> tuple[sqlite3.Connection, int, int]:
    """Worker thread: check the file, open it, set it up, and read (revision, compacted).

    A missing file is created first (`_create_file`); an existing one is checked
    (`_check_file`, `_check_store`) before anything is written to it.
    """
    in_memory = path == ":memory:"
    created = False
    try:
        if not in_memory and not os.path.lexists(path):
            _create_file(path)
            created = True
        if not in_memory:
            _check_file(path)
        # isolation_level=None: no implicit transactions; every write issues its own BEGIN IMMEDIATE.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise _open_problem(path, e) from None
    except OSError as e:
        raise StorageOpenError(_url(path), f"cannot create or read it: {e.strerror or e}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not in_memory:
            _check_store(conn, path, 0 if created else check_seconds)
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if not in_memory and str(mode).lower() != "wal":
            raise StorageOpenError(_url(path), f"could not enable WAL journal mode (got {mode})")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        if quota_bytes:
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
            conn.execute(f"PRAGMA max_page_count={max(1, quota_bytes // page_size)}")
        conn.execute("BEGIN IMMEDIATE")
        meta = _init_schema(conn)
        version = meta["schema_version"]
        if version not in _MIGRATABLE:
            conn.execute("ROLLBACK")
            raise StorageOpenError(
                _url(path),
                f"schema version {version}; this server reads versions {sorted(_MIGRATABLE)}"
                " (written by a newer ma-server?)",
            )
        if version != SCHEMA_VERSION:
            # The CREATE ... IF NOT EXISTS in `_init_schema` added what the newer version has.
            conn.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (SCHEMA_VERSION,))
        revision, compacted = int(meta["revision"]), int(meta["compacted"])
        _check_revisions(conn, path, revision, compacted)
        conn.execute("COMMIT")
        return conn, revision, compacted
    except sqlite3.Error as e:
        conn.close()
        raise _open_problem(path, e) from None
    except BaseException:
        conn.close()
        raise


def _init_schema(conn: sqlite3.Connection) -> dict[str, Any]:
    """Inside a transaction: the tables (those missing), the initial meta rows, and the meta rows."""
    # Not executescript(): it would COMMIT the open transaction first.
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(
        "INSERT OR IGNORE INTO meta (name, value) VALUES ('revision', 0), ('compacted', 0), ('schema_version', ?)",
        (SCHEMA_VERSION,),
    )
    return dict(conn.execute("SELECT name, value FROM meta").fetchall())


def _create_file(path: str) -> None:
    """Create an empty store at `path` atomically: build it at `<path>.new`, then link it into place.

    A crash while creating leaves at most the `.new` file (removed by the next
    attempt), never a half-made store at `path`, so an existing empty or
    schema-less file at `path` is always a fault, not a store being created.
    """
    tmp = f"{path}.new"
    for leftover in (tmp, f"{tmp}-wal", f"{tmp}-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(leftover)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN IMMEDIATE")
        _init_schema(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()  # the last connection checkpoints the WAL into the file and removes it
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # fails if a file appeared at `path` meanwhile: that one is opened
    except FileExistsError:
        pass
    finally:
        os.remove(tmp)
    dir_fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _check_file(path: str) -> None:
    """Refuse an existing file that is empty, not SQLite, or shorter than its header says."""
    url = _url(path)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise StorageOpenError(url, "is a directory, not a database file")
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as e:
        raise StorageOpenError(url, f"cannot read it: {e.strerror or e}") from None
    size = st.st_size
    if size == 0:
        raise StorageCorruptError(
            url,
            "the file is empty (0 bytes), so it holds no store (this server creates new stores whole);"
            " restore it from a backup, or remove it to start an empty store",
        )
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise StorageCorruptError(url, f"not an SQLite database (file is {size} bytes)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise StorageCorruptError(url, f"not an SQLite database (page size {page_size} in its header)")
    pages = int.from_bytes(header[28:32], "big")
    count_valid = header[24:28] == header[92:96]  # the header's page count is valid (SQLite >= 3.7.0)
    try:
        wal_bytes = os.stat(f"{path}-wal").st_size
    except OSError:
        wal_bytes = 0
    if wal_bytes:
        return  # a WAL to replay may hold pages the file lacks (a checkpoint cut short): SQLite recovers it
    if count_valid and pages and size < pages * page_size:
        raise StorageCorruptError(
            url,
            f"truncated: the file is {size} bytes, its header says {pages} pages"
            f" of {page_size} bytes ({pages * page_size} bytes)",
        )
    if not count_valid and size % page_size:
        raise StorageCorruptError(
            url, f"truncated: the file is {size} bytes, not a whole number of {page_size}-byte pages"
        )


def _check_store(conn: sqlite3.Connection, path: str, check_seconds: float) -> None:
    """Before anything is written: the tables and columns of a ma-server store, and `PRAGMA quick_check`
    (bounded by `check_seconds`, 0: skipped)."""
    url = _url(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in ("objects", "events", "meta") if t not in tables]
    if missing:
        raise StorageCorruptError(url, f"not a ma-server store: it has no {', '.join(missing)} table")
    for table, expected in _COLUMNS.items():
        if table not in tables:
            continue  # only `idempotency`, absent in version 1 (created by the migration)
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        if columns != expected:
            raise StorageCorruptError(url, f"schema mismatch: table {table} has columns {columns}, expected {expected}")
    if check_seconds <= 0:
        return
    started = time.monotonic()
    # sqlite3_interrupt from a timer: the check of one table is a single VDBE step, which a
    # progress handler cannot stop, but the interrupt flag is polled page by page. The lock keeps
    # the interrupt from reaching any statement after the check.
    lock, checking = threading.Lock(), [True]

    def stop() -> None:
        with lock:
            if checking[0]:
                conn.interrupt()

    timer = threading.Timer(check_seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        problems = [str(row[0]) for row in conn.execute(f"PRAGMA quick_check({CHECK_PROBLEMS})")]
    except sqlite3.DatabaseError as e:
        if _primary_code(e) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise StorageCorruptError(url, f"failed its integrity check (PRAGMA quick_check): {e}") from None
        if _primary_code(e) != sqlite3.SQLITE_INTERRUPT:
            raise
        fields = {"storage": url, "check_seconds": check_seconds, "bytes": _size(path)}
        log.warning("integrity check stopped at its time bound; starting unchecked", extra={"fields": fields})
        return
    finally:
        with lock:
            checking[0] = False
        timer.cancel()
    if problems != ["ok"]:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise StorageCorruptError(url, f"failed its integrity check (PRAGMA quick_check): {problems[0]}{more}")
    log.debug("integrity check ok", extra={"fields": {"storage": url, "seconds": time.monotonic() - started}})


def _check_revisions(conn: sqlite3.Connection, path: str, revision: int, compacted: int) -> None:
    """Refuse a revision counter below a revision the tables already hold (see the module docstring)."""
    top_event = int(conn.execute("SELECT MAX(revision) FROM events").fetchone()[0] or 0)
    top_object = int(conn.execute("SELECT MAX(mod_revision) FROM objects").fetchone()[0] or 0)
    for what, found in (
        ("the compaction point", compacted),
        ("the newest event's revision", top_event),
        ("the newest object's mod_revision", top_object),
    ):
        if found > revision:
            raise StorageCorruptError(
                _url(path),
                f"revision counter rewound: it is {revision} but {what} is {found}"
                " (new writes would reuse revisions clients have seen); restore the store from a backup",
            )

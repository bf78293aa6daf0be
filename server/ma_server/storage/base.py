"""The one storage interface every backend (memory, sqlite, later etcd) implements.

Semantics follow etcd, so an etcd backend fits without changing callers:

- One global revision counter, starting at 0 for an empty store and raised by
  exactly one for every successful write (create, update, delete). An object's
  `mod_revision` is the revision of its last write; the API server exposes it
  as `metadata.resourceVersion`. Values never contain the revision.
- Keys are `/registry/<group>/<plural>/<namespace>/<name>`; values are the
  binary protobuf of the object. Keys sort bytewise; lists return key order.
- Every write appends an `Event` to an event log kept for a bounded window
  (`compact` drops events at or below a revision). Watches and consistent
  list pages at an older revision are served from that log; asking for a
  revision below the window raises `RevisionCompactedError`.
- A write is durable when the coroutine returns (SQLite: its own committed
  transaction in WAL mode).
- Idempotency records (`IdempotencyRecord`, written by `ma_server.idempotency`):
  a write may carry one; the backend checks for a live record with the same
  scope and stores the new one *in the write's own transaction* (etcd: one Txn
  comparing the record key's absence and putting both keys), with the revision
  the write got. A live record already present aborts the write with
  `IdempotencyRecordExistsError` (a concurrent attempt with the same key won).
  Records expire at `expires_at` (wall-clock seconds); expired ones are
  ignored by every read and purged in bounded batches by later record writes.
"""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import Enum


class StorageError(Exception):
    """Base of all storage errors."""


class KeyExistsError(StorageError):
    """create() found the key already present."""


class KeyNotFoundError(StorageError):
    """update()/delete() found no object at the key."""


class RevisionConflictError(StorageError):
    """The object's mod_revision differs from the expected one (optimistic concurrency)."""

    def __init__(self, key: str, expected: int, actual: int) -> None:
        super().__init__(f"{key}: expected revision {expected}, found {actual}")
        self.key, self.expected, self.actual = key, expected, actual


class RevisionCompactedError(StorageError):
    """The requested revision is older than the kept event window."""

    def __init__(self, requested: int, oldest: int) -> None:
        super().__init__(f"revision {requested} is compacted; oldest available is {oldest}")
        self.requested, self.oldest = requested, oldest


class EventType(Enum):
    ADDED = "ADDED"
    MODIFIED = "MODIFIED"
    DELETED = "DELETED"


@dataclass(frozen=True)
class KeyValue:
    """An object as stored."""

    key: str
    value: bytes
    create_revision: int
    mod_revision: int


@dataclass(frozen=True)
class Event:
    """One change. For DELETED, `value` is the object's last state and `revision` the deletion's revision."""

    type: EventType
    key: str
    value: bytes
    revision: int
    # The object's value before this change (None for ADDED); watchers with
    # selectors need it to turn "no longer matches" into DELETED.
    prev_value: bytes | None = None


@dataclass(frozen=True)
class IdempotencyRecord:
    """The recorded outcome of one keyed write.

    `scope` is opaque to the storage (a hash of caller, method and key);
    `fingerprint` identifies the request; `response` is the serialized
    response. When stored together with a write, `revision` is that write's
    revision (the caller puts it back as the response's resourceVersion);
    a record stored on its own (`put_idempotency_record`) keeps revision 0.
    """

    scope: str
    fingerprint: str
    response: bytes
    expires_at: float
    revision: int = 0


class IdempotencyRecordExistsError(StorageError):
    """A write carried a record whose scope already has a live one; nothing was written."""

    def __init__(self, record: IdempotencyRecord) -> None:
        super().__init__(f"idempotency record {record.scope[:12]}... already exists")
        self.record = record


@dataclass(frozen=True)
class Selection:
    """A hint a store may use to return fewer items from `list`: a Kubernetes label selector and
    field selector terms `(path, op, raw value)` (op `=`, `==` or `!=`). The caller filters every
    item it gets exactly, so a store may ignore any part of it (memory, SQLite and etcd ignore it;
    Kubernetes evaluates what its CRDs can)."""

    labels: str = ""
    fields: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class ListResult:
    items: list[KeyValue]
    revision: int  # the revision the list was read at
    more: bool  # True when items beyond `limit` exist after the last returned key


class Storage(abc.ABC):
    """Async key-value store with revisions, an event log and watches."""

    # True when the store sets the server-owned metadata itself (uid, creationTimestamp,
    # generation, deletionTimestamp, finalizer deletion: Kubernetes): the handlers then return
    # the stored value of every write and leave finalizers to the store.
    owns_object_metadata = False

    @abc.abstractmethod
    async def get(self, key: str) -> KeyValue | None:
        """The current object at `key`, or None."""

    @abc.abstractmethod
    async def create(self, key: str, value: bytes, *, record: IdempotencyRecord | None = None) -> KeyValue:
        """Store a new object; raises KeyExistsError if present. Emits ADDED.

        With `record`, a live record of the same scope raises
        IdempotencyRecordExistsError before any other check; otherwise the
        record is stored atomically with the write (see the module docstring).
        The same holds for update() and delete()."""

    @abc.abstractmethod
    async def update(
        self,
        key: str,
        value: bytes,
        *,
        expected_revision: int | None = None,
        record: IdempotencyRecord | None = None,
    ) -> KeyValue:
        """Replace an object; KeyNotFoundError if absent, RevisionConflictError if
        expected_revision is given and differs from the current mod_revision. Emits MODIFIED."""

    async def update_status(
        self,
        key: str,
        value: bytes,
        *,
        expected_revision: int | None = None,
        record: IdempotencyRecord | None = None,
    ) -> KeyValue:
        """update() of the status only (a store with a status subresource writes it there)."""
        return await self.update(key, value, expected_revision=expected_revision, record=record)

    @abc.abstractmethod
    async def delete(
        self, key: str, *, expected_revision: int | None = None, record: IdempotencyRecord | None = None
    ) -> KeyValue:
        """Remove an object and return its last state with mod_revision set to the
        deletion's revision; errors as update(). Emits DELETED."""

    @abc.abstractmethod
    async def get_idempotency_record(self, scope: str) -> IdempotencyRecord | None:
        """The live (unexpired) record of `scope`, or None."""

    @abc.abstractmethod
    async def put_idempotency_record(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        """Store a record on its own (no write, revision 0) unless a live one of the same
        scope exists; returns that existing record, or None when `record` was stored."""

    @abc.abstractmethod
    async def list(
        self,
        prefix: str,
        *,
        start_after: str = "",
        limit: int = 0,
        revision: int = 0,
        selection: Selection | None = None,
    ) -> ListResult:
        """Objects whose key starts with `prefix` and sorts after `start_after`, in key
        order, at most `limit` (0 = all). revision=0 reads the latest state; a positive
        revision reads the state as of that revision (consistent pages), raising
        RevisionCompactedError if it is below the kept window. `selection` may leave out
        items that do not match it (see `Selection`); `more` then speaks of matching ones."""

    @abc.abstractmethod
    async def current_revision(self) -> int:
        """The revision of the last write (0 for an empty store)."""

    @abc.abstractmethod
    def watch(self, prefix: str, *, after_revision: int) -> AsyncIterator[Event]:
        """Every event with revision > after_revision on keys under `prefix`, each once, in
        revision order, then live events as they happen, until the iterator is closed.
        Raises RevisionCompactedError (on first iteration) if after_revision + 1 is older
        than the kept window. after_revision may equal current_revision() (start from now).
        A reader that falls behind by more than its live buffer (`_common.WatchBuffer`) is ended:
        its buffer is dropped and the iterator raises `WatcherTooSlowError`."""

    @abc.abstractmethod
    async def compact(self, revision: int) -> None:
        """Drop events with revision <= `revision` (watch/list below it then fail)."""

    @abc.abstractmethod
    async def oldest_revision(self) -> int:
        """The smallest revision a watch may start after (the compaction point)."""

    async def ping(self) -> None:
        """Raise a StorageError when the store cannot answer now (readiness; see ma_server.readiness)."""
        await self.current_revision()

    @abc.abstractmethod
    async def close(self) -> None:
        """Release resources; pending watch iterators end."""

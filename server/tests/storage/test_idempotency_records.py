"""Idempotency records in the storage backends: stored with the write, checked in its transaction, expiry.

Revisions are asserted relative to `base`, the store's revision when the test starts: an etcd
store shares one revision counter across the session and never starts at 0.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from storage_helpers import Backend, run

from ma_server.storage import (
    IdempotencyRecord,
    IdempotencyRecordExistsError,
    KeyExistsError,
    KeyNotFoundError,
    MemoryStorage,
    SqliteStorage,
    Storage,
)
from ma_server.storage._common import PURGE_BATCH, StorageOpenError

P = "/registry/g/things/ns/"


class Clock:
    """A settable wall clock for expiry."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def rec(scope: str, expires_at: float, response: bytes = b"resp", fingerprint: str = "fp") -> IdempotencyRecord:
    return IdempotencyRecord(scope, fingerprint, response, expires_at)


def test_record_is_stored_with_the_write_and_its_revision(backend: Backend) -> None:
    clock = Clock()

    async def body(s: Storage) -> None:
        base = await s.current_revision()
        kv = await s.create(P + "a", b"v1", record=rec("s-create", clock.now + 10))
        assert kv.mod_revision == base + 1  # a write with a record still takes exactly one revision
        found = await s.get_idempotency_record("s-create")
        assert found == IdempotencyRecord("s-create", "fp", b"resp", clock.now + 10, kv.mod_revision)
        kv2 = await s.update(P + "a", b"v2", record=rec("s-update", clock.now + 10))
        assert kv2.mod_revision == base + 2
        assert (await s.get_idempotency_record("s-update")).revision == kv2.mod_revision  # type: ignore[union-attr]
        kv3 = await s.delete(P + "a", record=rec("s-delete", clock.now + 10))
        assert kv3.mod_revision == await s.current_revision() == base + 3
        assert (await s.get_idempotency_record("s-delete")).revision == kv3.mod_revision  # type: ignore[union-attr]
        assert await s.get_idempotency_record("other") is None

    backend.run(body, clock=clock)


def test_a_live_record_aborts_the_write_before_anything_else(backend: Backend) -> None:
    clock = Clock()

    async def body(s: Storage) -> None:
        await s.create(P + "a", b"v1", record=rec("k", clock.now + 10, b"first"))
        revision = await s.current_revision()
        # Same scope: nothing is written, not even when the write itself would fail.
        for attempt in (
            s.create(P + "b", b"x", record=rec("k", clock.now + 10, b"second")),
            s.create(P + "a", b"x", record=rec("k", clock.now + 10)),  # would be KeyExists
            # would be a conflict: the object's mod_revision is `revision`
            s.update(P + "a", b"x", expected_revision=revision + 1, record=rec("k", clock.now + 10)),
            s.delete(P + "missing", record=rec("k", clock.now + 10)),  # would be KeyNotFound
        ):
            with pytest.raises(IdempotencyRecordExistsError) as info:
                await attempt
            assert info.value.record.response == b"first"
        assert await s.current_revision() == revision
        assert await s.get(P + "b") is None
        # A failed write stores no record.
        with pytest.raises(KeyExistsError):
            await s.create(P + "a", b"x", record=rec("k2", clock.now + 10))
        with pytest.raises(KeyNotFoundError):
            await s.update(P + "zz", b"x", record=rec("k3", clock.now + 10))
        assert await s.get_idempotency_record("k2") is None
        assert await s.get_idempotency_record("k3") is None

    backend.run(body, clock=clock)


def test_concurrent_writes_with_one_record_apply_once(backend: Backend) -> None:
    clock = Clock()

    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "a", b"v0")
        results = await asyncio.gather(
            *(s.update(P + "a", f"v{i}".encode(), record=rec("k", clock.now + 10)) for i in range(20)),
            return_exceptions=True,
        )
        won = [r for r in results if not isinstance(r, BaseException)]
        assert len(won) == 1
        assert all(isinstance(r, IdempotencyRecordExistsError) for r in results if r not in won)
        assert await s.current_revision() == base + 2

    backend.run(body, clock=clock)


def test_put_record_on_its_own(backend: Backend) -> None:
    clock = Clock()

    # A record alone is no object write; on etcd its put is still one revision.
    bump = 1 if backend.name == "etcd" else 0

    async def body(s: Storage) -> None:
        base = await s.current_revision()
        if backend.name != "etcd":
            assert base == 0  # a fresh local store starts at revision 0
        assert await s.put_idempotency_record(rec("k", clock.now + 10, b"one")) is None
        assert await s.current_revision() == base + bump
        existing = await s.put_idempotency_record(rec("k", clock.now + 10, b"two"))
        assert existing is not None and existing.response == b"one" and existing.revision == 0
        assert await s.current_revision() == base + bump  # the refused put stored nothing
        found = await s.get_idempotency_record("k")
        assert found is not None and found.response == b"one" and found.revision == 0

    backend.run(body, clock=clock)


def test_expired_records_are_ignored_and_purged_in_batches(backend: Backend) -> None:
    clock = Clock()

    async def body(s: Storage) -> None:
        n = PURGE_BATCH + 10
        for i in range(n):
            await s.put_idempotency_record(rec(f"old-{i}", clock.now + 4))  # expire before "k"
        await s.create(P + "a", b"v", record=rec("k", clock.now + 5))
        clock.now += 6
        assert await s.get_idempotency_record("k") is None
        # An expired scope is free again.
        kv = await s.update(P + "a", b"v2", record=rec("k", clock.now + 5, b"new"))
        assert (await s.get_idempotency_record("k")) == IdempotencyRecord(
            "k", "fp", b"new", clock.now + 5, kv.mod_revision
        )
        if isinstance(s, SqliteStorage):
            count = await s._run(lambda: s._conn.execute("SELECT count(*) FROM idempotency").fetchone()[0])
            # One record write purged one bounded batch (the oldest), not all n + 1 expired rows.
            assert count == n - PURGE_BATCH + 1
        for i in range(n):
            await s.put_idempotency_record(rec(f"new-{i}", clock.now + 5))
        # How the expired ones are stored and purged is the local stores' own; on every backend
        # the expired ones read as absent and the live ones as present.
        if isinstance(s, SqliteStorage):
            count = await s._run(lambda: s._conn.execute("SELECT count(*) FROM idempotency").fetchone()[0])
            assert count == n + 1  # the live ones only
        elif isinstance(s, MemoryStorage):
            assert len(s._records) == n + 1
        assert [await s.get_idempotency_record(f"old-{i}") for i in range(n)] == [None] * n
        assert all([await s.get_idempotency_record(f"new-{i}") is not None for i in range(n)])

    backend.run(body, clock=clock)


def test_sqlite_record_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "data.db"

    async def first() -> None:
        s = SqliteStorage.open(path)
        try:
            await s.create(P + "a", b"v", record=rec("k", 4_000_000_000.0))
        finally:
            await s.close()

    async def second() -> IdempotencyRecord | None:
        s = SqliteStorage.open(path)
        try:
            with pytest.raises(IdempotencyRecordExistsError):
                await s.create(P + "b", b"v", record=rec("k", 4_000_000_000.0))
            return await s.get_idempotency_record("k")
        finally:
            await s.close()

    run(first())
    found = run(second())
    assert found is not None and found.revision == 1 and found.response == b"resp"


def test_sqlite_schema_1_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as conn:  # what a schema-1 server left on disk
        conn.executescript(
            """
            CREATE TABLE objects (key TEXT PRIMARY KEY, value BLOB NOT NULL,
                create_revision INTEGER NOT NULL, mod_revision INTEGER NOT NULL);
            CREATE TABLE events (revision INTEGER PRIMARY KEY, type TEXT NOT NULL, key TEXT NOT NULL,
                value BLOB NOT NULL, prev_value BLOB, create_revision INTEGER NOT NULL,
                prev_mod_revision INTEGER NOT NULL);
            CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            INSERT INTO objects VALUES ('/registry/g/things/ns/a', X'7631', 1, 1);
            INSERT INTO events VALUES (1, 'ADDED', '/registry/g/things/ns/a', X'7631', NULL, 1, 0);
            INSERT INTO meta VALUES ('revision', 1), ('compacted', 0), ('schema_version', 1);
            """
        )
    conn.close()

    async def body() -> None:
        s = SqliteStorage.open(path)
        try:
            assert (await s.get(P + "a")).value == b"v1"  # type: ignore[union-attr]
            kv = await s.update(P + "a", b"v2", record=rec("k", 4_000_000_000.0))
            assert kv.mod_revision == 2
            assert (await s.get_idempotency_record("k")).revision == 2  # type: ignore[union-attr]
        finally:
            await s.close()

    run(body())
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone() == (2,)
    conn.close()
    # A file from a newer server is refused, not silently used.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 3 WHERE name = 'schema_version'")
    conn.close()
    with pytest.raises(StorageOpenError, match="schema version 3"):
        SqliteStorage.open(path)

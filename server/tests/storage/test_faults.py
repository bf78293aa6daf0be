"""Storage faults in SqliteStorage: a store that cannot be trusted is refused at open with one
clear `StorageOpenError`; run-time faults (full, corrupt, locked, inconsistent) raise a typed
`StorageUnavailableError`, change nothing, and the store recovers when the condition clears."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from storage_helpers import run

from ma_server.storage import (
    Event,
    SqliteStorage,
    StorageCorruptError,
    StorageOpenError,
    StorageUnavailableError,
    open_storage,
)

P = "/registry/g/things/ns/"


def _fill(path: Path, count: int, size: int = 1000) -> None:
    """A store at `path` with `count` objects of `size` random bytes (revisions 1..count)."""

    async def body() -> None:
        s = SqliteStorage.open(path, synchronous="NORMAL")  # quick to fill; durability is not under test
        try:
            for i in range(count):
                await s.create(f"{P}o{i:05d}", os.urandom(size))
        finally:
            await s.close()

    run(body())


def _sql(path: Path, *statements: str) -> None:
    """Run statements on the closed store's file, as an outside tool would."""
    conn = sqlite3.connect(path)
    try:
        for st in statements:
            conn.execute(st)
        conn.commit()
    finally:
        conn.close()


def _refused(path: Path, **options: float) -> StorageOpenError:
    start = time.monotonic()
    with pytest.raises(StorageOpenError) as info:
        SqliteStorage.open(path, **options)  # type: ignore[arg-type]
    assert time.monotonic() - start < 5
    err = info.value
    assert str(err).startswith(f"storage sqlite:///{path}: ")
    assert "\n" not in str(err)
    return err


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "data.db"
    _fill(path, 300)
    return path


# -- at open -------------------------------------------------------------------


def test_new_file_is_created_whole(tmp_path: Path) -> None:
    # A new store is built at <path>.new and linked into place whole; a leftover of a crash
    # while creating is removed, so no half-made store is ever found at <path>.
    path = tmp_path / "sub" / "data.db"
    path.parent.mkdir()
    (tmp_path / "sub" / "data.db.new").write_bytes(b"half made")

    async def body() -> None:
        s = SqliteStorage.open(path)
        try:
            await s.create(P + "a", b"v")
        finally:
            await s.close()

    run(body())
    assert path.stat().st_size > 0
    assert sorted(p.name for p in path.parent.iterdir()) == ["data.db"]
    again = SqliteStorage.open(path)
    run(again.close())


def test_zero_length_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    path.write_bytes(b"")
    err = _refused(path)
    assert isinstance(err, StorageCorruptError)
    assert "the file is empty (0 bytes)" in err.problem
    assert path.stat().st_size == 0  # left as it was


@pytest.mark.parametrize("content", [os.urandom(8192), b"hello world\n" * 100, b"SQLite format 3\x00"])
def test_non_sqlite_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "data.db"
    path.write_bytes(content)
    err = _refused(path)
    assert isinstance(err, StorageCorruptError)
    assert err.problem == f"not an SQLite database (file is {len(content)} bytes)"
    assert path.read_bytes() == content


def test_directory_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    path.mkdir()
    assert "is a directory" in _refused(path).problem


@pytest.mark.parametrize("cut", [100, 4096, 5000])
def test_truncated_file_is_refused(store_path: Path, cut: int) -> None:
    size = store_path.stat().st_size
    os.truncate(store_path, size - cut)
    err = _refused(store_path)
    assert isinstance(err, StorageCorruptError)
    assert err.problem.startswith(f"truncated: the file is {size - cut} bytes, its header says")


def test_garbage_mid_file_fails_the_integrity_check(store_path: Path) -> None:
    # The example: 8 KiB of garbage in the middle of the file started silently, then List gave 500.
    size = store_path.stat().st_size
    with store_path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(8192))
    err = _refused(store_path)
    assert isinstance(err, StorageCorruptError)
    assert "failed its integrity check (PRAGMA quick_check)" in err.problem


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    _sql(path, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)")
    err = _refused(path)
    assert err.problem == "not a ma-server store: it has no objects, events, meta table"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]  # nothing was added
    conn.close()


def test_schema_mismatch_is_refused(store_path: Path) -> None:
    _sql(store_path, "ALTER TABLE objects ADD COLUMN extra TEXT")
    err = _refused(store_path)
    assert err.problem.startswith("schema mismatch: table objects has columns")


def test_newer_schema_version_is_refused(store_path: Path) -> None:
    _sql(store_path, "UPDATE meta SET value = 9 WHERE name = 'schema_version'")
    assert _refused(store_path).problem.startswith("schema version 9; this server reads versions [1, 2]")


def test_rewound_revision_counter_is_refused(store_path: Path) -> None:
    # Before: a counter below the event log made every Create fail (UNIQUE constraint) forever.
    _sql(store_path, "UPDATE meta SET value = 5 WHERE name = 'revision'")
    err = _refused(store_path)
    assert isinstance(err, StorageCorruptError)
    assert err.problem.startswith("revision counter rewound: it is 5 but the newest event's revision is 300")


def test_rewound_counter_below_objects_after_full_compaction_is_refused(store_path: Path) -> None:
    async def compact_all() -> None:
        s = SqliteStorage.open(store_path)
        try:
            await s.compact(await s.current_revision())
        finally:
            await s.close()

    run(compact_all())
    _sql(
        store_path,
        "UPDATE meta SET value = 300 WHERE name = 'compacted'",
        "UPDATE meta SET value = 299 WHERE name = 'revision'",
    )
    err = _refused(store_path)
    assert "it is 299 but the compaction point is 300" in err.problem


def test_rewound_counter_below_an_object_is_refused(store_path: Path) -> None:
    _sql(store_path, "DELETE FROM events", "UPDATE meta SET value = 250 WHERE name = 'revision'")
    assert "it is 250 but the newest object's mod_revision is 300" in _refused(store_path).problem


def test_open_storage_names_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.db").write_bytes(b"")
    with pytest.raises(StorageOpenError, match=r"^storage sqlite:///x\.db: the file is empty \(0 bytes\)"):
        open_storage("sqlite:///x.db")


def test_check_can_be_skipped(store_path: Path) -> None:
    # check_seconds=0 opens a damaged file; the damage is then met at run time (below).
    root = _root_page(store_path)
    _garble_page(store_path, root)
    s = SqliteStorage.open(store_path, check_seconds=0)
    run(s.close())


# -- at run time ----------------------------------------------------------------


def _root_page(path: Path, name: str = "sqlite_autoindex_objects_1") -> int:
    """The root page of a table or index; by default the objects' key index, which every Get,
    List and Create reads and the revision check at open does not (it scans the table)."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0])
    finally:
        conn.close()


def _garble_page(path: Path, page: int, page_size: int = 4096) -> None:
    with path.open("r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\xa5" * page_size)


def test_corruption_met_at_run_time_is_named(store_path: Path) -> None:
    _garble_page(store_path, _root_page(store_path))

    async def body() -> None:
        s = SqliteStorage.open(store_path, check_seconds=0)
        try:
            with pytest.raises(StorageUnavailableError) as info:
                await s.list(P)
            assert info.value.kind == "corrupt"
            assert info.value.reason.startswith("storage is corrupt: database disk image is malformed")
            with pytest.raises(StorageUnavailableError):
                await s.create(P + "new", b"v")
            assert await s.current_revision() == 300
        finally:
            await s.close()

    run(body())


def test_full_quota_fails_writes_cleanly_and_recovers(tmp_path: Path) -> None:
    # SQLITE_FULL reproduced with the quota (PRAGMA max_page_count), as a full disk gives it.
    path = tmp_path / "data.db"
    _fill(path, 1)
    quota = path.stat().st_size + 16 * 4096

    async def body() -> None:
        s = SqliteStorage.open(path, quota_bytes=quota)
        try:
            created: list[str] = []
            fault: StorageUnavailableError | None = None
            for i in range(200):  # 16 spare pages hold far fewer than 200 objects of 4 KiB
                try:
                    await s.create(f"{P}f{i:03d}", os.urandom(4096))
                except StorageUnavailableError as e:
                    fault = e
                    break
                created.append(f"{P}f{i:03d}")
            assert fault is not None and fault.kind == "full", "the quota was never reached"
            assert fault.reason.startswith("storage is full: database or disk is full")
            assert f"quota of {quota} bytes" in fault.reason
            # Nothing half-written: the revision did not move, the key and its event are absent.
            rev = await s.current_revision()
            assert rev == 1 + len(created)
            assert await s.get(f"{P}f{len(created):03d}") is None
            assert [kv.key for kv in (await s.list(P + "f")).items] == created
            # Repeated failures stay named (and do not wedge the connection in a transaction);
            # a delete needs room too (its event keeps the old value), as in etcd until compaction.
            for _ in range(3):
                with pytest.raises(StorageUnavailableError):
                    await s.create(P + "big", os.urandom(64 * 1024))
            assert await s.current_revision() == rev
            # The condition clears (here: the limit is raised, as freeing the disk would):
            # the next write succeeds with the next revision, without reopening.
            await s._run(lambda: s._conn.execute("PRAGMA max_page_count=1000000"))
            kv = await s.create(P + "after", os.urandom(4096))
            assert kv.mod_revision == rev + 1
            assert [e.key async for e in _events(s, rev)] == [P + "after"]
        finally:
            await s.close()

    run(body())
    s = SqliteStorage.open(path)  # the file passes every check afterwards
    run(s.close())


async def _events(s: SqliteStorage, after: int) -> AsyncIterator[Event]:
    """The events after `after` up to the current revision (bounded: stops at the head)."""
    head = await s.current_revision()
    async for ev in s.watch(P, after_revision=after):
        yield ev
        if ev.revision >= head:
            return


def test_locked_by_another_process_is_named(store_path: Path) -> None:
    other = sqlite3.connect(store_path, isolation_level=None)

    async def body() -> None:
        s = SqliteStorage.open(store_path)
        try:
            await s._run(lambda: s._conn.execute("PRAGMA busy_timeout=50"))  # a quick test, same code path
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StorageUnavailableError) as info:
                await s.create(P + "x", b"v")
            assert info.value.kind == "locked"
            assert info.value.reason.startswith("storage is locked by another process: database is locked")
            other.execute("ROLLBACK")
            kv = await s.create(P + "x", b"v")
            assert kv.mod_revision == 301
        finally:
            await s.close()

    try:
        run(body())
    finally:
        other.close()


def test_event_revision_taken_by_another_writer_is_named(store_path: Path) -> None:
    # Before: the UNIQUE constraint failure escaped as a raw sqlite3.IntegrityError (a 500).
    async def body() -> None:
        s = SqliteStorage.open(store_path)
        try:
            other = sqlite3.connect(store_path)
            other.execute("INSERT INTO events VALUES (301, 'ADDED', '/elsewhere', X'00', NULL, 301, 0)")
            other.commit()
            other.close()
            with pytest.raises(StorageUnavailableError) as info:
                await s.create(P + "x", b"v")
            assert info.value.kind == "corrupt"
            assert "revision 301 is already in its event log" in info.value.reason
            assert await s.current_revision() == 300
            assert await s.get(P + "x") is None
        finally:
            await s.close()

    run(body())

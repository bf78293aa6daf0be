"""SQLite only: settings, persistence across reopen, durability of acknowledged writes under SIGKILL."""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from storage_helpers import SERVER_ROOT, close_watch, run, take

from ma_server.storage import EventType, KeyExistsError, KeyValue, SqliteStorage, StorageUnavailableError

P = "/registry/g/things/ns/"


def test_open_creates_parent_dirs_and_sets_wal_and_full_sync(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "data.db"

    async def body() -> tuple[str, int]:
        s = SqliteStorage.open(path)
        try:
            conn = s._conn
            return await s._run(
                lambda: (
                    conn.execute("PRAGMA journal_mode").fetchone()[0],
                    conn.execute("PRAGMA synchronous").fetchone()[0],
                )
            )
        finally:
            await s.close()

    assert run(body()) == ("wal", 2)  # 2 = FULL
    assert path.is_file()


def test_reopen_keeps_objects_revision_and_events(tmp_path: Path) -> None:
    path = tmp_path / "data.db"

    async def first() -> None:
        s = SqliteStorage.open(path)
        await s.create(P + "a", b"a1")  # 1
        await s.create(P + "b", b"b1")  # 2
        await s.update(P + "a", b"a2")  # 3
        await s.delete(P + "b")  # 4
        await s.create(P + "c", b"c1")  # 5
        await s.compact(1)
        await s.close()

    async def second() -> None:
        s = SqliteStorage.open(path)
        try:
            assert await s.current_revision() == 5
            assert await s.oldest_revision() == 1
            assert (await s.list(P)).items == [KeyValue(P + "a", b"a2", 1, 3), KeyValue(P + "c", b"c1", 5, 5)]
            assert (await s.list(P, revision=2)).items == [
                KeyValue(P + "a", b"a1", 1, 1),
                KeyValue(P + "b", b"b1", 2, 2),
            ]
            watch = s.watch(P, after_revision=1)
            events = await take(watch, 4)
            assert [(e.type, e.revision) for e in events] == [
                (EventType.ADDED, 2),
                (EventType.MODIFIED, 3),
                (EventType.DELETED, 4),
                (EventType.ADDED, 5),
            ]
            assert (await s.create(P + "d", b"")).mod_revision == 6  # the counter continues
            assert (await take(watch, 1))[0].revision == 6
            await close_watch(watch)
            await s.delete(P + "a")
            await s.delete(P + "c")
            await s.delete(P + "d")
        finally:
            await s.close()

    async def third() -> None:
        s = SqliteStorage.open(path)
        try:  # an empty store still remembers its revision
            assert (await s.list("")).items == []
            assert await s.current_revision() == 9
            assert (await s.create(P + "e", b"")).create_revision == 10
        finally:
            await s.close()

    run(first())
    run(second())
    run(third())
    with sqlite3.connect(path) as conn:  # the documented schema is what is on disk
        assert dict(conn.execute("SELECT name, value FROM meta").fetchall()) == {
            "revision": 10,
            "compacted": 1,
            "schema_version": 2,
        }
        assert conn.execute("SELECT min(revision), max(revision), count(*) FROM events").fetchone() == (2, 10, 9)
    conn.close()


# Writes objects one by one and prints each key once its create() has returned.
_WRITER = """
import asyncio, sys
from ma_server.storage import SqliteStorage

async def main() -> None:
    store = SqliteStorage.open(sys.argv[1])
    for i in range(int(sys.argv[2])):
        key = f"/registry/g/things/ns/k{i:06d}"
        await store.create(key, b"value %d" % i)
        print(key, flush=True)

asyncio.run(main())
"""


def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SERVER_ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), "100000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    out = b""
    deadline = time.monotonic() + 15
    try:
        while out.count(b"\n") < 1000 and time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                out += os.read(proc.stdout.fileno(), 65536)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    out += proc.stdout.read()  # acknowledged but not read yet: must be there too
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    proc.stdout.close()
    if proc.stderr:
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, stderr
    acked = [line.decode() for line in out.split(b"\n")[:-1]]  # a torn last line is not an acknowledgement
    assert len(acked) >= 1000, f"the writer acknowledged only {len(acked)} writes in 15 s: {stderr}"

    async def check() -> None:
        s = SqliteStorage.open(path)
        try:
            stored = {kv.key: kv for kv in (await s.list(P)).items}
            missing = [key for key in acked if key not in stored]
            assert not missing, f"{len(missing)} acknowledged writes lost, first {missing[0]}"
            assert len(stored) - len(acked) in (0, 1)  # at most the write in flight when killed
            assert await s.current_revision() == len(stored)
            for i, key in enumerate(acked):
                assert stored[key].value == b"value %d" % i
        finally:
            await s.close()

    run(check())


def _concurrent_creates(path: Path, names: list[str], group_commit: bool) -> tuple[list[object], int, int]:
    """Create `names` all at once; (each outcome: KeyValue or the exception, commits, revision)."""

    async def body() -> tuple[list[object], int, int]:
        s = SqliteStorage.open(path, group_commit=group_commit)
        try:
            outcomes = await asyncio.gather(*(s.create(P + n, n.encode()) for n in names), return_exceptions=True)
            return list(outcomes), s.commits, await s.current_revision()
        finally:
            await s.close()

    return run(body())


def test_group_commit_shares_transactions_and_numbers_writes_without_gaps(tmp_path: Path) -> None:
    names = [f"n{i:03d}" for i in range(64)]
    outcomes, commits, revision = _concurrent_creates(tmp_path / "g.db", names, group_commit=True)
    revisions = sorted(o.mod_revision for o in outcomes if isinstance(o, KeyValue))
    assert revisions == list(range(1, 65)) and revision == 64  # one revision per write, no gaps
    assert commits < 64 / 4, commits  # writes that waited together shared a commit (one fsync)
    _, per_write, _ = _concurrent_creates(tmp_path / "p.db", names, group_commit=False)
    assert per_write == 64


def test_a_refused_write_fails_alone_inside_its_group(tmp_path: Path) -> None:
    """Duplicates in one group: each fails with KeyExistsError, the others commit, revisions stay dense."""
    names = [f"n{i % 20:02d}" for i in range(40)]  # every name twice
    outcomes, _, revision = _concurrent_creates(tmp_path / "g.db", names, group_commit=True)
    created = [o for o in outcomes if isinstance(o, KeyValue)]
    refused = [o for o in outcomes if isinstance(o, KeyExistsError)]
    assert len(created) == 20 and len(refused) == 20 and len(outcomes) == 40
    assert sorted(kv.mod_revision for kv in created) == list(range(1, 21)) and revision == 20
    assert {kv.key for kv in created} == {P + n for n in names}

    async def reopened() -> list[KeyValue]:
        s = SqliteStorage.open(tmp_path / "g.db")
        try:
            return (await s.list(P)).items
        finally:
            await s.close()

    assert sorted(kv.key for kv in run(reopened())) == sorted({P + n for n in names})  # committed, durable


def test_a_fault_fails_the_whole_group_and_applies_nothing(tmp_path: Path) -> None:
    """A group that passes the quota fails as one: every write in it is refused as "full", none applied."""
    path = tmp_path / "q.db"

    async def body() -> tuple[list[object], int, int]:
        s = SqliteStorage.open(path, quota_bytes=256 * 1024)
        try:
            before = await s.current_revision()
            big = b"x" * 8192
            outcomes = await asyncio.gather(*(s.create(f"{P}{i:03d}", big) for i in range(64)), return_exceptions=True)
            after = await s.current_revision()
            stored = len((await s.list(P)).items)
            assert after - before == stored  # exactly the acknowledged writes took revisions
            return list(outcomes), stored, s.commits
        finally:
            await s.close()

    outcomes, stored, _ = run(body())
    full = [o for o in outcomes if isinstance(o, StorageUnavailableError)]
    assert full and all(f.kind == "full" for f in full)
    assert stored == sum(isinstance(o, KeyValue) for o in outcomes)  # nothing half-applied

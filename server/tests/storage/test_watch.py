"""Watches: catch-up from the log, live events, the handoff between them, prefixes, close, bounded buffers.

Revisions are asserted relative to `base`, the store's revision when the test starts: an etcd
store shares one revision counter across the session and never starts at 0.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import Backend, close_watch, nothing_more, run, take

import ma_server.storage.sqlite as sqlite_backend
from ma_server.storage import (
    Event,
    EventType,
    MemoryStorage,
    RevisionCompactedError,
    SqliteStorage,
    Storage,
    WatcherTooSlowError,
    open_storage,
)
from ma_server.storage._common import WatchBuffer, event_size

P = "/registry/g/things/ns/"


def _fed_buffers(backend: Backend, s: Storage) -> list[WatchBuffer]:
    """The live buffers the store still feeds events to; each backend keeps its watchers its own way."""
    store: Any = s
    if backend.name == "etcd":  # one buffer per open watch, fed by its etcd stream until that stops (closing it)
        return [b for b in store._buffers if not b._closed]
    return [w.buffer for w in store._watchers]


async def _eventually(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait until `condition()` holds, failing after `timeout` seconds."""

    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.005)

    await asyncio.wait_for(poll(), timeout)


def test_catch_up_then_live_events(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "a", b"a1")  # base + 1
        await s.create(P + "b", b"b1")  # base + 2
        await s.update(P + "a", b"a2")  # base + 3
        watch = s.watch(P, after_revision=base + 1)
        assert await take(watch, 2) == [
            Event(EventType.ADDED, P + "b", b"b1", base + 2),
            Event(EventType.MODIFIED, P + "a", b"a2", base + 3, prev_value=b"a1"),
        ]
        await s.delete(P + "a")  # base + 4
        await s.create(P + "c", b"c1")  # base + 5
        assert await take(watch, 2) == [
            Event(EventType.DELETED, P + "a", b"a2", base + 4, prev_value=b"a2"),
            Event(EventType.ADDED, P + "c", b"c1", base + 5),
        ]
        assert await nothing_more(watch)

    backend.run(body)


def test_watch_prefix(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "a", b"")
        await s.create("/registry/g/things/ns0", b"")  # shares the string prefix, not the key prefix
        await s.create("/registry/g/other/ns/a", b"")
        watch = s.watch(P, after_revision=base)
        everything = s.watch("", after_revision=base)
        await s.create(P + "b", b"")
        await s.create("/registry/g/things/nsx/b", b"")
        assert [(e.key, e.revision) for e in await take(watch, 2)] == [(P + "a", base + 1), (P + "b", base + 4)]
        assert [e.revision for e in await take(everything, 5)] == [base + 1, base + 2, base + 3, base + 4, base + 5]
        assert await nothing_more(watch)
        await close_watch(everything)

    backend.run(body)


def test_watch_from_now_and_from_the_future(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "a", b"")  # base + 1
        now = s.watch(P, after_revision=await s.current_revision())
        ahead = s.watch(P, after_revision=base + 3)
        assert await nothing_more(now)  # nothing yet; this also ends `now`
        now = s.watch(P, after_revision=base + 1)
        for key in "bcde":
            await s.create(P + key, b"")
        assert [e.revision for e in await take(now, 4)] == [base + 2, base + 3, base + 4, base + 5]
        assert [e.revision for e in await take(ahead, 2)] == [base + 4, base + 5]
        await close_watch(now)
        await close_watch(ahead)

    backend.run(body)


def test_watch_below_window_fails_on_first_iteration(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        for i in range(6):
            await s.create(f"{P}{i}", b"")
        await s.compact(base + 4)
        watch = s.watch(P, after_revision=base + 3)  # creating the iterator does not raise
        with pytest.raises(RevisionCompactedError) as err:
            await anext(watch)
        assert (err.value.requested, err.value.oldest) == (base + 3, base + 4)
        assert [e.revision for e in await take(s.watch(P, after_revision=base + 4), 2)] == [base + 5, base + 6]

    backend.run(body)


def test_close_ends_watches(backend: Backend) -> None:
    async def body() -> None:
        s = backend.open()
        base = await s.current_revision()
        await s.create(P + "a", b"")
        watch = s.watch(P, after_revision=base)
        assert [e.revision for e in await take(watch, 1)] == [base + 1]
        pending = asyncio.ensure_future(anext(watch))
        await asyncio.sleep(0.05)
        assert not pending.done()
        await s.close()
        with pytest.raises(StopAsyncIteration):
            await asyncio.wait_for(pending, 5)

    run(body())


def test_closing_a_watch_unregisters_it(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        watches = [s.watch(P, after_revision=base) for _ in range(5)]
        await s.create(P + "a", b"")
        for w in watches:
            assert [e.revision for e in await take(w, 1)] == [base + 1]
            await close_watch(w)
        assert not _fed_buffers(backend, s)
        await s.create(P + "b", b"")  # no closed watcher is fed

    backend.run(body)


def test_watchers_see_every_concurrent_write_once_in_order(backend: Backend) -> None:
    """4 writers x 250 writes; watchers started before and while they run see exactly their events."""
    _concurrent_writers_and_watchers(backend)


def test_sqlite_concurrent_writes_with_small_catch_up_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with a catch-up spread over many pages, so writes land between the pages."""
    monkeypatch.setattr(sqlite_backend, "CATCH_UP_PAGE", 7)
    _concurrent_writers_and_watchers(Backend("sqlite", tmp_path / "data.db"))


def _concurrent_writers_and_watchers(backend: Backend) -> None:
    writers, writes = 4, 250
    total = writers * writes

    async def body(s: Storage) -> None:
        base = await s.current_revision()

        async def writer(w: int) -> None:
            for i in range(writes):
                key = f"{P}w{w}-{i // 3}"
                if i % 3 == 0:
                    await s.create(key, b"%d" % i)
                elif i % 3 == 1:
                    await s.update(key, b"%d" % i)
                elif i % 6 == 5:
                    await s.delete(key)
                else:
                    await s.update(key, b"%d" % i)
                if i % 10 == 0:
                    await asyncio.sleep(0)  # MemoryStorage never suspends on its own

        async def watcher(after: int) -> list[Event]:
            watch = s.watch(P, after_revision=after)
            try:
                return await take(watch, base + total - after, timeout=20)
            finally:
                await close_watch(watch)

        from_start = asyncio.ensure_future(watcher(base))
        tasks = [asyncio.ensure_future(writer(w)) for w in range(writers)]
        while await s.current_revision() < base + 300:
            await asyncio.sleep(0.001)
        midway_from_base = asyncio.ensure_future(watcher(base))  # catch-up while writes go on
        now = await s.current_revision()
        midway_from_now = asyncio.ensure_future(watcher(now))
        await asyncio.gather(*tasks)
        a, b, c = await asyncio.gather(from_start, midway_from_base, midway_from_now)
        assert [e.revision for e in a] == list(range(base + 1, base + total + 1))
        assert b == a
        assert c == a[now - base :]
        assert sum(e.type is EventType.ADDED for e in a) == writers * 84
        assert await s.current_revision() == base + total

    backend.run(body, timeout=35)


def test_sqlite_writes_around_the_catch_up_read_are_delivered_once(tmp_path: Path) -> None:
    """A write committed just before the final catch-up read is in both the table and the live
    queue (must come once); one committed just after it is only live (must not be lost)."""
    backend = Backend("sqlite", tmp_path / "data.db")

    async def body(s: Storage) -> None:
        assert isinstance(s, SqliteStorage)
        await s.create(P + "a", b"")  # 1
        original = s._events_after
        calls = 0

        def events_after(prefix: str, revision: int) -> tuple[list[Event], int]:
            # Runs on the worker thread, like the writes it injects.
            nonlocal calls
            calls += 1
            if calls == 1:
                s._write(partial(s._create, P + "before", b""))  # 2
            page = original(prefix, revision)
            if calls == 1:
                s._write(partial(s._create, P + "after", b""))  # 3
            return page

        s._events_after = events_after  # type: ignore[method-assign]
        watch = s.watch(P, after_revision=0)  # the catch-up starts with the first anext()
        assert [(e.key, e.revision) for e in await take(watch, 3)] == [
            (P + "a", 1),
            (P + "before", 2),
            (P + "after", 3),
        ]
        await s.create(P + "z", b"")  # 4
        assert [(e.key, e.revision) for e in await take(watch, 1)] == [(P + "z", 4)]
        assert await nothing_more(watch)

    backend.run(body)


def test_sqlite_compaction_during_a_paged_catch_up_fails_the_watch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = Backend("sqlite", tmp_path / "data.db")
    monkeypatch.setattr(sqlite_backend, "CATCH_UP_PAGE", 2)

    async def body(s: Storage) -> None:
        for i in range(6):
            await s.create(f"{P}{i}", b"")
        watch = s.watch(P, after_revision=0)
        assert [e.revision for e in await take(watch, 2)] == [1, 2]
        await s.compact(4)  # events 3 and 4 are gone before the watcher read them
        with pytest.raises(RevisionCompactedError) as err:
            await anext(watch)
        assert (err.value.requested, err.value.oldest) == (2, 4)

    backend.run(body)


# -- bounded watch buffers and event windows (issue 10 class 5) -----------------

BLOB = 4096


def _blob(i: int) -> bytes:
    return b"%08d" % i * (BLOB // 8)


async def _stalled(watch: AsyncIterator[Event]) -> asyncio.Future[Event]:
    """Start a watch and leave its first anext() pending: the watcher is registered and reads no more."""
    pending = asyncio.ensure_future(anext(watch))
    await asyncio.sleep(0.05)  # SQLite: the catch-up read runs on the worker thread
    assert not pending.done()
    return pending


def test_a_watcher_that_never_reads_is_ended_after_its_byte_budget(backend: Backend) -> None:
    budget = 64 * 1024

    async def body(s: Storage) -> None:
        await s.create(P + "a", b"")
        watch = s.watch(P, after_revision=await s.current_revision())
        pending = await _stalled(watch)
        assert len(_fed_buffers(backend, s)) == 1
        (buffer,) = _fed_buffers(backend, s)
        await s.update(P + "a", _blob(0))
        assert (await asyncio.wait_for(pending, 5)).value == _blob(0)  # read; then it reads no more
        for i in range(1, 100):  # 99 x ~8 KiB (value and previous value): far past the budget
            await s.update(P + "a", _blob(i))
        if backend.name == "etcd":  # etcd's stream delivers the events after the writes returned
            await _eventually(lambda: buffer.failed)
        # Ended and released at once (memory, SQLite: before the write returned), though the reader never came back.
        assert not _fed_buffers(backend, s)
        assert buffer.failed and len(buffer) == 0 and buffer.size == 0
        with pytest.raises(WatcherTooSlowError) as err:
            await asyncio.wait_for(anext(watch), 5)
        assert err.value.max_bytes == budget
        # It fell behind by its budget, not before: the events it did hold fit in it.
        per_event = event_size(Event(EventType.MODIFIED, P + "a", _blob(1), 3, _blob(0)))
        assert err.value.size > budget >= err.value.size - per_event
        await s.update(P + "a", b"after")  # nobody is fed any more

    backend.run(body, watch_buffer_bytes=budget)


def test_a_watcher_with_too_many_unread_events_is_ended(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        watch = s.watch(P, after_revision=base)
        pending = await _stalled(watch)
        (buffer,) = _fed_buffers(backend, s)
        await s.create(f"{P}0", b"")
        assert (await asyncio.wait_for(pending, 5)).revision == base + 1
        for i in range(1, 12):
            await s.create(f"{P}{i}", b"")
        if backend.name == "etcd":  # etcd's stream delivers the events after the writes returned
            await _eventually(lambda: buffer.failed)
        assert buffer.failed and not _fed_buffers(backend, s)
        with pytest.raises(WatcherTooSlowError) as err:
            await asyncio.wait_for(anext(watch), 5)
        assert (err.value.events, err.value.max_events) == (6, 5)

    backend.run(body, watch_buffer_events=5)


def test_a_reading_watcher_loses_nothing_with_a_small_buffer(backend: Backend) -> None:
    """Writers and a reader on one loop; the buffer (16 KiB, ~2 events) is never passed."""
    writes = 300

    async def body(s: Storage) -> None:
        base = await s.current_revision()
        watch = s.watch(P, after_revision=base)
        reader = asyncio.ensure_future(take(watch, writes + 1, timeout=25))
        await asyncio.sleep(0.05)
        await s.create(P + "a", b"")
        for i in range(writes):
            await s.update(P + "a", _blob(i))
            await asyncio.sleep(0)  # MemoryStorage never suspends on its own: let the reader run
        got = await reader
        assert [e.revision for e in got] == list(range(base + 1, base + writes + 2))
        assert [e.value for e in got[1:]] == [_blob(i) for i in range(writes)]
        await close_watch(watch)

    backend.run(body, watch_buffer_bytes=16 * 1024)


def test_an_event_larger_than_the_budget_still_reaches_a_reader(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        watch = s.watch(P, after_revision=await s.current_revision())
        pending = asyncio.ensure_future(anext(watch))
        await asyncio.sleep(0.05)
        await s.create(P + "big", b"x" * 100_000)  # an empty buffer always takes one event
        assert (await asyncio.wait_for(pending, 5)).value == b"x" * 100_000
        await close_watch(watch)

    backend.run(body, watch_buffer_bytes=1024)


def test_catching_up_is_not_limited_by_the_live_buffer(backend: Backend) -> None:
    """A watch from an old revision reads the window (memory), the table (SQLite) or etcd's history, not its buffer."""

    async def body(s: Storage) -> None:
        base = await s.current_revision()
        for i in range(200):
            await s.create(f"{P}{i:03d}", _blob(i))
        watch = s.watch(P, after_revision=base)
        assert [e.revision for e in await take(watch, 200)] == list(range(base + 1, base + 201))
        await s.create(P + "live", b"")
        assert [e.revision for e in await take(watch, 1)] == [base + 201]
        await close_watch(watch)

    backend.run(body, watch_buffer_bytes=16 * 1024, watch_buffer_events=3)


def test_sqlite_writes_outrunning_a_catch_up_are_read_from_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live buffer fills while the catch-up reads pages: the catch-up reads on, nothing lost."""
    monkeypatch.setattr(sqlite_backend, "CATCH_UP_PAGE", 2)
    backend = Backend("sqlite", tmp_path / "data.db")

    async def body(s: Storage) -> None:
        for i in range(6):
            await s.create(f"{P}{i}", b"")
        watch = s.watch(P, after_revision=0)
        assert [e.revision for e in await take(watch, 2)] == [1, 2]  # first page
        for i in range(6, 16):  # 10 live events into a buffer of 3
            await s.create(f"{P}{i}", b"")
        assert [e.revision for e in await take(watch, 14)] == list(range(3, 17))
        await s.create(P + "live", b"")
        assert [e.revision for e in await take(watch, 1)] == [17]
        assert await nothing_more(watch)

    backend.run(body, watch_buffer_events=3)


def test_memory_event_window_is_bounded_by_bytes() -> None:
    async def body() -> None:
        size = event_size(Event(EventType.MODIFIED, P + "a", _blob(1), 2, _blob(0)))
        s = MemoryStorage(max_event_bytes=10 * size)
        await s.create(P + "a", _blob(0))  # 1
        for i in range(1, 50):
            await s.update(P + "a", _blob(i))  # 2..50
        # The newest ten fit; the oldest were dropped past the byte bound (the count bound is 100,000).
        assert await s.oldest_revision() == 40
        assert s._log_bytes == 10 * size  # type: ignore[attr-defined]
        with pytest.raises(RevisionCompactedError):
            await anext(s.watch(P, after_revision=39))
        assert [e.revision for e in await take(s.watch(P, after_revision=40), 10)] == list(range(41, 51))
        await s.update(P + "a", b"z" * (20 * size))  # larger than the bound: kept alone
        assert (await s.oldest_revision(), await s.current_revision()) == (50, 51)
        await s.compact(51)
        assert s._log_bytes == 0  # type: ignore[attr-defined]
        await s.close()

    run(body())


def test_memory_url_options() -> None:
    s = open_storage("memory://?max_events=5&max_event_bytes=4096", watch_buffer_bytes=1000)
    assert isinstance(s, MemoryStorage)
    assert (s._max_events, s._max_event_bytes, s.watch_buffer_bytes) == (5, 4096, 1000)  # type: ignore[attr-defined]
    for bad in ("memory://?max_events=0", "memory://?max_event_bytes=x", "memory://?size=1", "memory://?max_events=+5"):
        with pytest.raises(ValueError, match="storage URL"):
            open_storage(bad)

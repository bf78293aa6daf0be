"""Create/get/update/delete, revisions, lists (latest and at an older revision), compaction.

Revisions are asserted relative to `base`, the store's revision when the test starts: an etcd
store shares one revision counter across the session and never starts at 0.
"""

from __future__ import annotations

import asyncio

import pytest
from storage_helpers import Backend, close_watch, run

from ma_server.storage import (
    FutureRevisionError,
    KeyExistsError,
    KeyNotFoundError,
    KeyValue,
    RevisionCompactedError,
    RevisionConflictError,
    Storage,
    StorageError,
)

P = "/registry/g/things/ns/"


def test_create_get(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        if backend.name != "etcd":
            assert base == 0  # a fresh local store starts at revision 0
        assert await s.get(P + "a") is None
        kv = await s.create(P + "a", b"\x00\x01value")
        assert kv == KeyValue(P + "a", b"\x00\x01value", base + 1, base + 1)
        assert await s.get(P + "a") == kv
        with pytest.raises(KeyExistsError):
            await s.create(P + "a", b"other")
        assert await s.get(P + "a") == kv
        assert await s.current_revision() == base + 1

    backend.run(body)


def test_update_and_conflicts(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "a", b"v1")
        await s.create(P + "b", b"x")
        kv = await s.update(P + "a", b"v2")
        assert kv == KeyValue(P + "a", b"v2", base + 1, base + 3)
        kv = await s.update(P + "a", b"v3", expected_revision=base + 3)
        assert kv == KeyValue(P + "a", b"v3", base + 1, base + 4)
        with pytest.raises(RevisionConflictError) as err:
            await s.update(P + "a", b"v4", expected_revision=base + 3)
        assert (err.value.key, err.value.expected, err.value.actual) == (P + "a", base + 3, base + 4)
        with pytest.raises(KeyNotFoundError):
            await s.update(P + "missing", b"v")
        with pytest.raises(KeyNotFoundError):
            await s.update(P + "missing", b"v", expected_revision=base + 1)
        assert await s.get(P + "a") == KeyValue(P + "a", b"v3", base + 1, base + 4)
        assert await s.current_revision() == base + 4  # failed writes take no revision

    backend.run(body)


def test_delete(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "a", b"v1")
        await s.update(P + "a", b"v2")
        with pytest.raises(RevisionConflictError):
            await s.delete(P + "a", expected_revision=base + 1)
        gone = await s.delete(P + "a", expected_revision=base + 2)
        assert gone == KeyValue(P + "a", b"v2", base + 1, base + 3)  # last state, mod_revision = the deletion's
        assert await s.get(P + "a") is None
        with pytest.raises(KeyNotFoundError):
            await s.delete(P + "a")
        again = await s.create(P + "a", b"new")  # a new object: new create_revision
        assert again == KeyValue(P + "a", b"new", base + 4, base + 4)
        assert await s.current_revision() == base + 4  # failed writes take no revision

    backend.run(body)


def test_revision_rises_by_one_per_write(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        seen = []
        for i in range(20):
            seen.append((await s.create(f"{P}{i:02d}", b"v")).mod_revision)
            seen.append((await s.update(f"{P}{i:02d}", b"w")).mod_revision)
            if i % 2:
                seen.append((await s.delete(f"{P}{i:02d}")).mod_revision)
            assert await s.current_revision() == seen[-1]
        assert seen == list(range(base + 1, base + len(seen) + 1))

    backend.run(body)


def test_list_prefix_start_after_limit(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        keys = [f"{P}k{i:02d}" for i in range(10)]
        for k in reversed(keys):
            await s.create(k, k.encode())
        # Neighbours that share a string prefix but are outside the key prefix.
        for k in ["/registry/g/things/ns", "/registry/g/things/ns0", "/registry/g/things/nsa/x", "/registry/z"]:
            await s.create(k, b"")
        rev = await s.current_revision()

        everything = await s.list(P)
        assert [kv.key for kv in everything.items] == keys
        assert (everything.revision, everything.more) == (rev, False)
        assert all(kv.value == kv.key.encode() for kv in everything.items)

        page = await s.list(P, limit=3)
        assert [kv.key for kv in page.items] == keys[:3] and page.more
        page = await s.list(P, start_after=keys[2], limit=3)
        assert [kv.key for kv in page.items] == keys[3:6] and page.more
        page = await s.list(P, start_after=keys[6], limit=3)
        assert [kv.key for kv in page.items] == keys[7:] and not page.more
        page = await s.list(P, start_after=keys[9], limit=3)
        assert page.items == [] and not page.more
        page = await s.list(P, start_after="/a", limit=20)  # start_after before the prefix
        assert [kv.key for kv in page.items] == keys and not page.more

        # Paging by start_after = last key visits everything exactly once.
        got: list[str] = []
        after = ""
        while True:
            page = await s.list(P, start_after=after, limit=4)
            got += [kv.key for kv in page.items]
            if not page.more:
                break
            after = page.items[-1].key
        assert got == keys

        assert len((await s.list("")).items) == 14
        assert [kv.key for kv in (await s.list("/registry/g/things/ns")).items][:3] == [
            "/registry/g/things/ns",
            *keys[:2],
        ]
        assert (await s.list("/nothing/")).items == []
        with pytest.raises(ValueError):
            await s.list(P, limit=-1)

    backend.run(body)


def test_list_non_ascii_keys_in_code_point_order(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        keys = ["/r/é", "/r/z", "/r/\u00ff", "/r/\u0100", "/r/\uffff", "/r/\U0001f600", "/r/a"]
        for k in keys:
            await s.create(k, b"")
        await s.create("/r\U0010ffff", b"")
        assert [kv.key for kv in (await s.list("/r/")).items] == sorted(keys)
        assert [kv.key for kv in (await s.list("/r/\U0001f600")).items] == ["/r/\U0001f600"]

    backend.run(body)


def _snapshot(items: list[KeyValue]) -> dict[str, KeyValue]:
    return {kv.key: kv for kv in items}


def test_list_at_older_revision_is_the_state_then(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        model: dict[str, KeyValue] = {}
        snapshots: dict[int, dict[str, KeyValue]] = {base: {}}

        async def write(op: str, key: str, value: bytes = b"") -> None:
            if op == "create":
                model[key] = await s.create(key, value)
            elif op == "update":
                model[key] = await s.update(key, value)
            else:
                await s.delete(key)
                del model[key]
            snapshots[await s.current_revision()] = dict(model)

        await s.create("/other/x", b"outside the prefix")
        snapshots[base + 1] = {}
        for i in range(8):
            await write("create", f"{P}{i}", b"v0")
        for step in range(40):  # creates after, updates, deletes, delete + recreate
            i = (step * 5) % 12
            key = f"{P}{i}"
            if key not in model:
                await write("create", key, b"c%d" % step)
            elif step % 3 == 0:
                await write("delete", key)
            else:
                await write("update", key, b"u%d" % step)
        await s.update("/other/x", b"again")
        head = await s.current_revision()
        assert head == base + 50 and sorted(snapshots) == list(range(base, base + 50))  # one revision per write

        for rev, expected in snapshots.items():
            if rev == 0:  # revision=0 reads the latest state (a local store starts at 0)
                continue
            result = await s.list(P, revision=rev)
            assert result.revision == rev and not result.more
            assert [kv.key for kv in result.items] == sorted(expected)
            assert _snapshot(result.items) == expected, f"at revision {rev}"
            # Consistent pages at the same revision give the same state.
            paged: list[KeyValue] = []
            after = ""
            while True:
                page = await s.list(P, start_after=after, limit=3, revision=rev)
                paged += page.items
                if not page.more:
                    break
                after = page.items[-1].key
            assert paged == result.items
        assert _snapshot((await s.list(P, revision=head)).items) == model
        assert _snapshot((await s.list(P)).items) == model
        with pytest.raises(FutureRevisionError):
            await s.list(P, revision=head + 1)

    backend.run(body)


def test_list_at_revision_after_partial_compaction(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "a", b"a1")  # base + 1
        await s.create(P + "b", b"b1")  # base + 2
        await s.update(P + "a", b"a2")  # base + 3
        await s.compact(base + 3)  # every event touching `a` before R = base + 4 is gone
        await s.create(P + "c", b"c1")  # base + 4
        await s.update(P + "a", b"a3")  # base + 5
        await s.delete(P + "b")  # base + 6
        assert await s.current_revision() == base + 6
        at4 = await s.list(P, revision=base + 4)
        assert at4.items == [
            KeyValue(P + "a", b"a2", base + 1, base + 3),
            KeyValue(P + "b", b"b1", base + 2, base + 2),
            KeyValue(P + "c", b"c1", base + 4, base + 4),
        ]
        assert [kv.key for kv in (await s.list(P, revision=base + 3)).items] == [P + "a", P + "b"]
        with pytest.raises(RevisionCompactedError) as err:
            await s.list(P, revision=base + 2)
        assert (err.value.requested, err.value.oldest) == (base + 2, base + 3)

    backend.run(body)


def test_compact(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        for i in range(10):
            await s.create(f"{P}{i}", b"v")
        assert await s.current_revision() == base + 10
        if backend.name != "etcd":
            assert await s.oldest_revision() == 0  # a fresh local store has compacted nothing
        assert await s.oldest_revision() <= base  # nothing written by this test is compacted yet
        await s.compact(base + 6)
        assert await s.oldest_revision() == base + 6
        await s.compact(base + 3)  # below the current point: nothing to do
        assert await s.oldest_revision() == base + 6
        with pytest.raises(FutureRevisionError):
            await s.compact(base + 11)
        assert await s.oldest_revision() == base + 6
        with pytest.raises(RevisionCompactedError):
            await s.list(P, revision=base + 5)
        assert len((await s.list(P, revision=base + 6)).items) == 6
        with pytest.raises(RevisionCompactedError) as err:
            await anext(aiter(s.watch(P, after_revision=base + 5)))
        assert (err.value.requested, err.value.oldest) == (base + 5, base + 6)
        watch = s.watch(P, after_revision=base + 6)
        assert [(await anext(watch)).revision for _ in range(4)] == [base + 7, base + 8, base + 9, base + 10]
        await close_watch(watch)
        assert len((await s.list(P)).items) == 10  # objects are untouched

    backend.run(body)


def test_max_events_compacts_automatically(local_backend: Backend) -> None:
    """The in-process event window trims itself (local stores only: etcd keeps its own history)."""

    async def body(s: Storage) -> None:
        for i in range(5):
            await s.create(f"{P}{i}", b"v")
        assert await s.oldest_revision() == 0
        for i in range(7):
            await s.update(f"{P}{i % 5}", b"w%d" % i)
        assert await s.current_revision() == 12
        assert await s.oldest_revision() == 7  # only the last 5 events are kept
        with pytest.raises(RevisionCompactedError):
            await s.list(P, revision=6)
        assert len((await s.list(P, revision=7)).items) == 5
        with pytest.raises(RevisionCompactedError):
            await anext(aiter(s.watch(P, after_revision=6)))
        watch = s.watch(P, after_revision=7)
        assert [(await anext(watch)).revision for _ in range(5)] == [8, 9, 10, 11, 12]
        await close_watch(watch)

    local_backend.run(body, max_events=5)


def test_concurrent_read_modify_write_increments(backend: Backend) -> None:
    async def body(s: Storage) -> None:
        base = await s.current_revision()
        await s.create(P + "counter", b"0")
        conflicts = 0

        async def worker() -> None:
            nonlocal conflicts
            for _ in range(25):
                while True:
                    kv = await s.get(P + "counter")
                    assert kv is not None
                    await asyncio.sleep(0)  # let the others interleave (MemoryStorage never suspends)
                    try:
                        await s.update(P + "counter", b"%d" % (int(kv.value) + 1), expected_revision=kv.mod_revision)
                        break
                    except RevisionConflictError:
                        conflicts += 1

        await asyncio.gather(*(worker() for _ in range(32)))
        kv = await s.get(P + "counter")
        assert kv is not None and kv.value == b"800"
        assert kv.mod_revision == await s.current_revision() == base + 801
        assert conflicts > 0  # the test did exercise the conflict path

    backend.run(body)


def test_closed_store_rejects_calls(backend: Backend) -> None:
    async def body() -> None:
        s = backend.open()
        base = await s.current_revision()
        await s.create(P + "a", b"v")
        await s.close()
        await s.close()  # idempotent
        with pytest.raises(StorageError):
            await s.get(P + "a")
        with pytest.raises(StorageError):
            await s.create(P + "b", b"v")
        assert [e async for e in s.watch(P, after_revision=base)] == []

    run(body())

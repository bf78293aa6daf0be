"""Helpers for the storage tests: `run` and the `Backend` handle used by the `backend` fixture.

Async tests run without a pytest plugin: a sync test calls `backend.run(body)`,
which opens the store, runs `body(store)` under `asyncio.run` and closes it.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

SERVER_ROOT = Path(__file__).resolve().parents[2]
if str(SERVER_ROOT) not in sys.path:  # ma_server is not installed as a package (yet)
    sys.path.insert(0, str(SERVER_ROOT))

from ma_server.storage import (  # noqa: E402
    EtcdStorage,
    Event,
    MemoryStorage,
    SqliteStorage,
    Storage,
    parse_etcd_url,
)

_prefixes = itertools.count()

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
    """Run one coroutine to completion on a fresh event loop, failing after `timeout` seconds."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro, timeout)

    return asyncio.run(bounded())


class Backend:
    """Opens stores of one kind; SQLite stores share one database file per test, etcd
    stores one key prefix per test (on the session's etcd, whose revisions all tests share)."""

    def __init__(self, name: str, db_path: Path, etcd: Any = None) -> None:
        self.name, self.db_path, self.etcd = name, db_path, etcd
        self.prefix = f"/test-{os.getpid()}-{next(_prefixes)}"

    def open(self, **options: Any) -> Storage:
        if self.name == "memory":
            return MemoryStorage(**options)
        if self.name == "etcd":
            return EtcdStorage(parse_etcd_url(f"{self.etcd.url}?prefix={self.prefix}"), **options)
        # SQLite takes its watch buffer bounds as attributes (set before any watch starts).
        watch = {k: options.pop(k) for k in ("watch_buffer_bytes", "watch_buffer_events") if k in options}
        store = SqliteStorage.open(self.db_path, **options)
        for name, value in watch.items():
            setattr(store, name, value)
        return store

    def run(self, body: Callable[[Storage], Awaitable[T]], *, timeout: float = 30.0, **options: Any) -> T:
        """Open a store, run `body(store)` on a fresh event loop, close the store."""

        async def main() -> T:
            store = self.open(**options)
            try:
                return await body(store)
            finally:
                await store.close()

        return run(main(), timeout)


async def take(watch: AsyncIterator[Event], n: int, timeout: float = 10.0) -> list[Event]:
    """The next `n` events of a watch, failing if they do not all arrive within `timeout` seconds."""

    async def collect() -> list[Event]:
        return [await anext(watch) for _ in range(n)]

    return await asyncio.wait_for(collect(), timeout)


async def nothing_more(watch: AsyncIterator[Event], wait: float = 0.1) -> bool:
    """True when the watch yields nothing within `wait` seconds (then it is closed)."""
    try:
        await asyncio.wait_for(anext(watch), wait)
    except TimeoutError:
        return True
    return False


async def close_watch(watch: AsyncIterator[Event]) -> None:
    """Close a watch iterator (`Storage.watch` is typed as a plain AsyncIterator, which has no aclose)."""
    aclose = getattr(watch, "aclose", None)
    if aclose is not None:
        await aclose()

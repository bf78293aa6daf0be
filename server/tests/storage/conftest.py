"""The `backend` fixtures: each storage test runs once per backend.

`backend` covers every backend (memory, SQLite, and etcd: one real single-member
etcd for the session, each test under a key prefix of its own); `local_backend`
covers the backends that keep their event window themselves (memory, SQLite),
for tests of that window.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_helpers import Backend

from ma_codegen.services import EtcdCluster


@pytest.fixture(scope="session")
def etcd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EtcdCluster]:
    """One etcd member for the session (no fsync: these tests are about semantics, not durability)."""
    cluster = EtcdCluster(tmp_path_factory.mktemp("etcd"), 1, fsync=False).start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["memory", "sqlite", "etcd"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """A MemoryStorage, a SqliteStorage on a fresh file under tmp_path, or an EtcdStorage on the session's etcd."""
    cluster = request.getfixturevalue("etcd") if request.param == "etcd" else None
    return Backend(request.param, tmp_path / "db" / "data.db", cluster)


@pytest.fixture(params=["memory", "sqlite"])
def local_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """A backend that keeps its own event window (memory, SQLite)."""
    return Backend(request.param, tmp_path / "db" / "data.db")

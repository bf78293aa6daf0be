"""open_storage(url): memory:// and SQLAlchemy-style sqlite:/// URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from storage_helpers import run

from ma_server.storage import MemoryStorage, SqliteStorage, Storage, open_storage


def _roundtrip(store: Storage) -> None:
    async def body() -> None:
        try:
            await store.create("/k", b"v")
            assert await store.current_revision() == 1
        finally:
            await store.close()

    run(body())


def test_memory_url() -> None:
    store = open_storage("memory://")
    assert isinstance(store, MemoryStorage)
    _roundtrip(store)


@pytest.mark.parametrize("url", ["sqlite:///./.ma/data.db", "sqlite:///.ma/data.db"])
def test_sqlite_relative_url(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_storage(url)
    assert isinstance(store, SqliteStorage)
    _roundtrip(store)
    assert (tmp_path / ".ma" / "data.db").is_file()


def test_sqlite_absolute_url(tmp_path: Path) -> None:
    path = tmp_path / "abs" / "data.db"
    assert path.is_absolute()
    store = open_storage(f"sqlite:///{path}")  # sqlite:////tmp/... : four slashes
    assert isinstance(store, SqliteStorage)
    _roundtrip(store)
    assert path.is_file()


@pytest.mark.parametrize(
    "url",
    [
        "",
        "memory:",
        "memory://x",
        "sqlite://",
        "sqlite:///",
        "sqlite:///dir/",
        "sqlite:data.db",
        "etcd://localhost:2379",
    ],
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(ValueError, match="memory:// or sqlite:///"):
        open_storage(url)

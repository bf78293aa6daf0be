"""open_storage(url): memory://, SQLAlchemy-style sqlite:/// and etcd:// URLs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from storage_helpers import run

from ma_server.storage import (
    EtcdConfig,
    EtcdStorage,
    KubeOptions,
    MemoryStorage,
    SqliteStorage,
    Storage,
    open_storage,
    parse_etcd_url,
)
from ma_server.storage.kubernetes import parse_kubernetes_url


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


def test_sqlite_group_commit_option(tmp_path: Path) -> None:
    on = open_storage(f"sqlite:///{tmp_path}/a.db")
    off = open_storage(f"sqlite:///{tmp_path}/b.db?group_commit=off")
    assert isinstance(on, SqliteStorage) and isinstance(off, SqliteStorage)
    assert (on.group_commit, off.group_commit) == (True, False)
    _roundtrip(on)
    _roundtrip(off)
    for bad, problem in [("?group_commit=maybe", "must be on or off"), ("?fsync=0", "unknown option 'fsync'")]:
        with pytest.raises(ValueError, match=problem):
            open_storage(f"sqlite:///{tmp_path}/c.db{bad}")


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
        "etcds://localhost:2379",
    ],
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(ValueError, match=r"use memory://, sqlite:///<path> .*, etcd://host:port.* or kubernetes"):
        open_storage(url)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("kubernetes://10.0.0.1:6443", "not the URL"),
        ("kubernetes?timeout=0", "timeout must be a positive number"),
        ("kubernetes://?create_namespaces=maybe", "create_namespaces must be on or off"),
        ("kubernetes?records_namespace=", "records_namespace is empty"),
        ("kubernetes?watch=1", "unknown option 'watch'"),
    ],
)
def test_bad_kubernetes_urls(url: str, problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)):
        parse_kubernetes_url(url)


def test_kubernetes_urls() -> None:
    assert parse_kubernetes_url("kubernetes") == KubeOptions()
    opts = parse_kubernetes_url("kubernetes://?timeout=2.5&create_namespaces=off&records_namespace=ma-records")
    assert opts == KubeOptions(timeout=2.5, create_namespaces=False, records_namespace="ma-records")


def test_etcd_urls() -> None:
    config = parse_etcd_url("etcd://10.0.0.1:2379,etcd-2.example:2380,[::1]:2381?prefix=/ma/prod&timeout=2.5")
    assert config.endpoints == (("10.0.0.1", 2379), ("etcd-2.example", 2380), ("::1", 2381))
    assert (config.prefix, config.timeout) == ("/ma/prod", 2.5)
    assert config.describe() == "etcd://10.0.0.1:2379,etcd-2.example:2380,[::1]:2381?prefix=/ma/prod"
    # TLS files and credentials come from the flags; the URL sets where and how long.
    flags = EtcdConfig((), ca_file="ca.pem", user="ma", password="secret")
    store = open_storage("etcd://127.0.0.1:2379?timeout=3", etcd=flags)
    assert isinstance(store, EtcdStorage)
    assert store.config == EtcdConfig(
        (("127.0.0.1", 2379),), timeout=3.0, ca_file="ca.pem", user="ma", password="secret"
    )
    assert "secret" not in repr(store.config)  # never in logs or errors
    run(store.close())


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("etcd://", "names no etcd endpoint"),
        ("etcd://localhost", "endpoint 'localhost' is not host:port"),
        ("etcd://localhost:x", "is not host:port"),
        ("etcd://user:pw@localhost:2379", "is not host:port"),
        ("etcd://a:1,,b:2", "endpoint '' is not host:port"),
        ("etcd://a:1?prefix=p", "prefix must start with '/'"),
        ("etcd://a:1?timeout=0", "timeout must be seconds in"),
        ("etcd://a:1?timeout=x", "timeout must be seconds in"),
        ("etcd://a:1?tls=1", "unknown option 'tls'"),
    ],
)
def test_bad_etcd_urls(url: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        open_storage(url)

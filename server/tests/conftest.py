"""Fixtures starting REAL `ma-server` processes on 127.0.0.1 and talking to them over gRPC."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator

import grpc
import pytest
from api_server import ControlClient, ServerProcess

_ns_counter = itertools.count()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A shared in-memory server (bookmarks every second for the bookmark test)."""
    d = tmp_path_factory.mktemp("mem")
    srv = ServerProcess("memory://", d / "server.log", "--bookmark-interval", "1").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("sqlite")
    srv = ServerProcess(f"sqlite:///{d}/data.db", d / "server.log").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def channel(server: ServerProcess) -> Iterator[grpc.Channel]:
    ch = grpc.insecure_channel(server.target)
    grpc.channel_ready_future(ch).result(timeout=10)
    try:
        yield ch
    finally:
        ch.close()


@pytest.fixture
def ns() -> str:
    """A namespace no other test uses (tests share one server)."""
    return f"t{os.getpid() % 1000}-{next(_ns_counter)}-{int(time.time() * 1000) % 100000}"


@pytest.fixture
def control(channel: grpc.Channel) -> Iterator[ControlClient]:
    c = ControlClient(channel)
    c("Reset", {})
    try:
        yield c
    finally:
        c("Reset", {})

"""Fixtures: the HTTP app on a real uvicorn socket over a fake backend (unit level),
and a real `ma-server` process (end to end)."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

SERVER_DIR = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# No __init__.py here on purpose (a package named `http` would shadow the standard
# library's); make the server package and this folder's helpers importable instead.
for _p in (SERVER_DIR, HERE):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from ma_http_fake import FakeBackend  # noqa: E402
from ma_http_support import (  # noqa: E402
    FakeServer,
    RealServer,
    start_real_server,
    stop_real_server_proc,
)

from ma_server.http.app import HttpApp  # noqa: E402
from ma_server.http.catalog import Catalog, build_catalog, default_services  # noqa: E402
from ma_server.http.server import HttpServer, serve_app  # noqa: E402


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return build_catalog(default_services())


@pytest.fixture
def fake_server(catalog: Catalog) -> Iterator[FakeServer]:
    """The app served by uvicorn on 127.0.0.1 in a background event loop thread."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> tuple[FakeBackend, HttpApp, HttpServer]:
        backend = FakeBackend()  # its asyncio.Condition belongs to this loop
        app = HttpApp(catalog, backend, max_watch_seconds=20)
        return backend, app, await serve_app(app, "127.0.0.1", 0)

    backend, app, handle = asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    try:
        yield FakeServer(f"http://127.0.0.1:{handle.port}", app, backend, loop, handle)
    finally:
        asyncio.run_coroutine_threadsafe(handle.stop(), loop).result(15)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


@pytest.fixture(scope="module")
def real_server(server_storage: Callable[[], str]) -> Iterator[RealServer]:
    server = start_real_server(storage=server_storage())
    try:
        yield server
    finally:
        stop_real_server_proc(server.proc)

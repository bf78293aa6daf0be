"""Running the HTTP app on uvicorn inside the caller's event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import uvicorn
from google.protobuf import descriptor_pool
from prometheus_client import REGISTRY, CollectorRegistry

from ma_server.connection_limits import ConnectionLimits
from ma_server.http.app import HttpApp
from ma_server.http.backend import HandlerBackend, handlers_from_app_state
from ma_server.http.catalog import Catalog, build_catalog, default_services
from ma_server.http.limits import ListeningSocket, protocol_class
from ma_server.limits import MAX_OBJECT_BYTES

log = logging.getLogger("ma_server.http")


class _Server(uvicorn.Server):
    """uvicorn.Server that leaves signals to the host process and ends watch
    streams before it waits for connections to close (a watch would otherwise
    keep the graceful shutdown waiting until its timeout)."""

    def __init__(self, config: uvicorn.Config, app: HttpApp) -> None:
        super().__init__(config)
        self._http_app = app

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self._http_app.stop()
        await super().shutdown(sockets)


@dataclass
class HttpServer:
    """A started HTTP server: its uvicorn server, the task running it and the bound port."""

    server: uvicorn.Server
    task: asyncio.Task[None]
    port: int
    app: HttpApp

    async def stop(self, timeout: float = 10.0) -> None:
        self.app.stop()
        self.server.should_exit = True
        try:
            await asyncio.wait_for(asyncio.shield(self.task), timeout)
        except TimeoutError:
            self.server.force_exit = True
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # ListeningSocket: one report per pause when out of descriptors (http/limits.py).
    sock = ListeningSocket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit TCP_NODELAY. Without it the response body,
        # written after the headers, waits for the client's delayed ACK: ~40 ms
        # per request on loopback (bench/server_bench.py saw 23 requests/s per connection).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def catalog_from_app_state(app_state: Any) -> Catalog:
    """Serve exactly the services of the core's model (`app_state.model.service_names`);
    without one, every service of the generated v2 package."""
    names = getattr(getattr(app_state, "model", None), "service_names", None)
    if not names:
        return build_catalog(default_services())
    default_services()  # imports the generated modules, which registers them in the default pool
    pool = descriptor_pool.Default()
    return build_catalog(pool.FindServiceByName(n) for n in names)


def extra_registries(app_state: Any) -> list[CollectorRegistry]:
    """The core's metrics registry, when it is not the default one /metrics always serves."""
    registry = getattr(getattr(app_state, "metrics", None), "registry", None)
    return [registry] if isinstance(registry, CollectorRegistry) and registry is not REGISTRY else []


def _max_object_bytes(app_state: Any) -> int:
    """The core's object size limit (`--max-object-bytes`), which bounds the request bodies read."""
    handlers = getattr(app_state, "handlers", {}).values()
    return max((getattr(h, "max_object_bytes", MAX_OBJECT_BYTES) for h in handlers), default=MAX_OBJECT_BYTES)


async def serve_http(
    app_state: Any,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
    limits: ConnectionLimits | None = None,
) -> HttpServer:
    """Start serving in the running loop; returns once the socket is bound and
    listening (`.port` is the bound port, also with port 0). Bind errors raise
    OSError here rather than exiting the process as uvicorn would. With
    `ssl_certfile` and `ssl_keyfile` (PEM) it serves HTTPS; the bearer-token
    check is the core's (`app_state.auth`, None: off). `limits`: connection limits
    (`ma_server.connection_limits`; None: the defaults)."""
    catalog = catalog_from_app_state(app_state)
    backend = HandlerBackend(handlers_from_app_state(app_state, catalog))
    app = HttpApp(
        catalog,
        backend,
        registries=extra_registries(app_state),
        auth=getattr(app_state, "auth", None),
        idempotency=getattr(app_state, "idempotency", None),
        max_object_bytes=_max_object_bytes(app_state),
        readiness=getattr(app_state, "readiness", None),
    )
    return await serve_app(app, host, port, ssl_certfile=ssl_certfile, ssl_keyfile=ssl_keyfile, limits=limits)


async def serve_app(
    app: HttpApp,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
    limits: ConnectionLimits | None = None,
) -> HttpServer:
    if (ssl_certfile is None) != (ssl_keyfile is None):
        raise ValueError("HTTPS needs both ssl_certfile and ssl_keyfile")
    sock = _bind(host, port)
    bound_port = int(sock.getsockname()[1])
    config = uvicorn.Config(
        app,
        lifespan="off",
        # httptools (C parser) instead of h11 (pure Python): h11 parsing and
        # framing were the largest share of an HTTP Get in bench/server_bench.py.
        # Its protocol, with header size, time and connection limits (http/limits.py).
        http=protocol_class(limits or ConnectionLimits()),
        log_level="warning",
        access_log=False,
        # Backstop only: watches end on shutdown via HttpApp.stop().
        timeout_graceful_shutdown=5,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
    )
    server = _Server(config, app)
    task = asyncio.create_task(server.serve(sockets=[sock]), name=f"http-{bound_port}")
    # Bounded wait for uvicorn's startup (it sets `started` once listening).
    for _ in range(1000):
        if server.started or task.done():
            break
        await asyncio.sleep(0.01)
    if task.done():
        sock.close()
        task.result()  # re-raise the startup failure
        raise RuntimeError("HTTP server exited during startup")
    if not server.started:
        raise RuntimeError("HTTP server did not start within 10 s")
    log.info("HTTP%s listening on %s:%d", "S" if ssl_certfile else "", host, bound_port)
    return HttpServer(server, task, bound_port, app)

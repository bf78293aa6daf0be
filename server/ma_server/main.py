"""`ma-server`: the reference API server (gRPC, plus HTTP/JSON when `ma_server.http` is present).

On startup it prints one line to stdout, `{"event":"ready","grpc_port":N,"http_port":M}`
(`http_port` null without the HTTP gateway), so harnesses can read the bound
ports when started with port 0. Logs are JSON lines on stderr. SIGTERM/SIGINT:
health goes NOT_SERVING, open watches end with UNAVAILABLE "server shutting
down" (clients reconnect elsewhere or later), in-flight unary calls get 5 s to
finish, then the storage is closed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import importlib
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import grpc
import prometheus_client

from ma_server import __version__
from ma_server.app import AppState, build_app
from ma_server.grpc_service import add_services, set_serving
from ma_server.metrics import Metrics
from ma_server.storage import Storage, open_storage

log = logging.getLogger("ma_server")

SHUTDOWN_GRACE = 5.0


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, plus `extra={"fields": {...}}`."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            out.update(fields)
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ma-server", description="Michelangelo API reference server")
    p.add_argument("--storage", default="sqlite:///./.ma/data.db", help="memory:// or sqlite:///<path>")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--grpc-port", type=int, default=50051, help="gRPC port; 0 picks a free one")
    p.add_argument("--http-port", type=int, default=8080, help="HTTP/JSON port; 0 picks a free one")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.add_argument("--conformance", action="store_true", help="enable the ma.conformance.Control fault injection")
    p.add_argument(
        "--token-secret",
        default=os.environ.get("MA_TOKEN_SECRET", ""),
        help="secret signing continue tokens (default: $MA_TOKEN_SECRET, else random per process)",
    )
    p.add_argument("--bookmark-interval", type=float, default=60.0, help="seconds between watch BOOKMARK events")
    p.add_argument("--version", action="version", version=f"ma-server {__version__}")
    args = p.parse_args(argv)
    if args.bookmark_interval <= 0:
        p.error("--bookmark-interval must be positive")
    return args


async def start_http(state: AppState, host: str, port: int) -> tuple[Any, int | None]:
    """Start the HTTP gateway if the optional `ma_server.http` module exists; (server, bound port)."""
    try:
        module = importlib.import_module("ma_server.http")
    except ModuleNotFoundError as e:
        if e.name not in ("ma_server.http",):
            raise  # the gateway exists but a dependency of it is missing: fail loudly
        log.info("HTTP gateway not installed (no ma_server.http); serving gRPC only")
        return None, None
    serve_http = getattr(module, "serve_http", None)
    if serve_http is None:
        log.info("ma_server.http has no serve_http; serving gRPC only")
        return None, None
    server = await serve_http(state, host, port)
    bound = getattr(server, "port", None)
    return server, int(bound) if bound is not None else port


async def serve(args: argparse.Namespace) -> None:
    storage = open_storage(args.storage)
    try:
        await _run(args, storage)
    finally:
        await storage.close()  # also after a failed startup: SQLite releases its file cleanly


async def _run(args: argparse.Namespace, storage: Storage) -> None:
    state = build_app(
        storage,
        token_secret=args.token_secret.encode() if args.token_secret else None,
        bookmark_interval=args.bookmark_interval,
        conformance=args.conformance,
        # One server per process: use the default registry, which /metrics (HTTP) exposes.
        metrics=Metrics(prometheus_client.REGISTRY),
    )
    # so_reuseport off: a port already in use must fail instead of being shared silently.
    server = grpc.aio.server(options=[("grpc.so_reuseport", 0)])
    health = add_services(server, state)
    grpc_port = server.add_insecure_port(f"{args.host}:{args.grpc_port}")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await server.start()
    http_server: Any = None
    try:
        await set_serving(health, state, serving=True)
        http_server, http_port = await start_http(state, args.host, args.http_port)
        print(json.dumps({"event": "ready", "grpc_port": grpc_port, "http_port": http_port}), flush=True)
        fields = {
            "grpc_port": grpc_port,
            "http_port": http_port,
            "storage": args.storage,
            "conformance": args.conformance,
            "resources": len(state.resources),
        }
        log.info("ready", extra={"fields": fields})
        await stop.wait()
        log.info("shutting down")
        await set_serving(health, state, serving=False)
    finally:
        state.shutdown.set()  # open watches end with UNAVAILABLE "server shutting down"
        if http_server is not None and hasattr(http_server, "stop"):
            with contextlib.suppress(Exception):
                await http_server.stop(SHUTDOWN_GRACE)
        await server.stop(SHUTDOWN_GRACE)  # stops accepting; in-flight unary calls get the grace period
    log.info("stopped")


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    configure_logging(args.log_level)
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass
    except (OSError, RuntimeError, ValueError) as e:
        # Bind failures and bad --storage URLs: one clear line, no traceback.
        log.error("server failed: %s", e)
        sys.exit(1)


if __name__ == "__main__":
    main()

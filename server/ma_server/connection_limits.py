"""Connection limits of both listeners (HTTP on uvicorn, gRPC on grpc core) and the
rate-limited log of accept failures. No uvicorn import here: `main` reads the
defaults for its flags from this module.

Per listener (HTTP and gRPC each), defaults in brackets, flags in `main`:

- `--max-connections` [`DEFAULT_MAX_CONNECTIONS`, 1,000] open connections.
  HTTP answers one more with 503 `Retry-After: 1` and closes it
  (`http/limits.py`); watches hold a connection, so they count. gRPC closes
  it at accept (`grpc.max_allowed_incoming_connections`, before any
  handshake). Keep the process's fd limit (`ulimit -n`) above twice this.
- `--max-header-bytes` [`DEFAULT_MAX_HEADER_BYTES`, 64 KiB] request line
  plus header fields (HTTP: 431, then close) and request metadata (gRPC:
  RESOURCE_EXHAUSTED "received metadata size exceeds hard limit" from grpc
  core). 64 KiB holds the largest head the API needs (a path of 253-character
  names, two 8 KiB selectors percent-encoded, a bearer token of a few KiB)
  and bounds unfinished heads to 64 MiB at 1,000 connections; Go's default
  (`MaxHeaderBytes`, 1 MiB, as Kubernetes' apiserver) would allow 1 GiB.
- `--header-timeout` [`DEFAULT_HEADER_TIMEOUT`, 10 s] to receive a request
  head, from accept and from the first byte of each later request (Go's
  `ReadHeaderTimeout`); then 408 (when part of a head came) and close. gRPC:
  the handshake (TLS and the HTTP/2 settings) in the same time
  (`grpc.server_handshake_timeout_ms`), else GOAWAY and close.
- `--idle-timeout` [`DEFAULT_IDLE_TIMEOUT`, 60 s] an HTTP keep-alive
  connection waits for its next request (uvicorn's `timeout_keep_alive`).
- `--body-timeout` [`DEFAULT_BODY_TIMEOUT`, 60 s] from the end of a request
  head to the end of its body (time the server itself pauses reading does not
  count); then 408 and close.

gRPC only (constants, no flags): at most `GRPC_MAX_CONCURRENT_STREAMS` calls
per connection (more wait in the client, as HTTP/2 says); a connection without
calls for `GRPC_MAX_CONNECTION_IDLE_MS` gets GOAWAY (channels reconnect on the
next call); the server pings a quiet connection every `GRPC_KEEPALIVE_TIME_MS`
and closes it without an answer in `GRPC_KEEPALIVE_TIMEOUT_MS` (dead peers
release their watches); clients may ping every `GRPC_MIN_CLIENT_PING_INTERVAL_MS`
or slower, also without calls (client keepalive of 10 s or more works), a
faster pinger gets GOAWAY "too_many_pings" after `GRPC_MAX_PING_STRIKES`.
grpc core cannot bound the time to send a call's metadata or messages once
connected (a stalled call holds one stream until its deadline or the
keepalive); it logs an fd-limit accept failure itself, once a second, as a
plain (not JSON) line on stderr.

Accept failures (EMFILE/ENFILE/ENOBUFS/ENOMEM) on the asyncio listener:
`AcceptErrorLog` (installed by `main`) logs one line per
`ACCEPT_ERROR_LOG_INTERVAL` with the count left out, instead of a traceback
per failure; asyncio retries accepting every second, so the server serves
again once descriptors free up.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("ma_server.connections")

DEFAULT_MAX_CONNECTIONS = 1000
DEFAULT_MAX_HEADER_BYTES = 64 * 1024
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_IDLE_TIMEOUT = 60.0
DEFAULT_BODY_TIMEOUT = 60.0
MIN_HEADER_BYTES = 4096  # below this ordinary requests would not fit

GRPC_MAX_CONCURRENT_STREAMS = 1000
GRPC_MAX_CONNECTION_IDLE_MS = 5 * 60 * 1000
GRPC_KEEPALIVE_TIME_MS = 2 * 60 * 1000
GRPC_KEEPALIVE_TIMEOUT_MS = 20 * 1000
GRPC_MIN_CLIENT_PING_INTERVAL_MS = 10 * 1000
GRPC_MAX_PING_STRIKES = 2

ACCEPT_ERROR_LOG_INTERVAL = 10.0
# accept() errors that mean "out of a resource, try later" (asyncio's list).
RESOURCE_ERRNOS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})


@dataclass(frozen=True)
class ConnectionLimits:
    """The per-listener limits above; `problem()` names a bad value by its flag."""

    max_connections: int = DEFAULT_MAX_CONNECTIONS
    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT
    body_timeout: float = DEFAULT_BODY_TIMEOUT

    def problem(self) -> str | None:
        if self.max_connections < 1:
            return f"--max-connections must be at least 1, got {self.max_connections}"
        if self.max_header_bytes < MIN_HEADER_BYTES:
            return f"--max-header-bytes must be at least {MIN_HEADER_BYTES}, got {self.max_header_bytes}"
        for flag, value in (
            ("--header-timeout", self.header_timeout),
            ("--idle-timeout", self.idle_timeout),
            ("--body-timeout", self.body_timeout),
        ):
            if not (math.isfinite(value) and value > 0):
                return f"{flag} must be a positive number of seconds, got {value}"
        return None


def grpc_options(limits: ConnectionLimits) -> list[tuple[str, int]]:
    """grpc core channel arguments for the server, from `limits` and the GRPC_* constants."""
    return [
        ("grpc.max_allowed_incoming_connections", limits.max_connections),
        ("grpc.max_metadata_size", limits.max_header_bytes),
        ("grpc.absolute_max_metadata_size", limits.max_header_bytes),
        ("grpc.server_handshake_timeout_ms", max(1, round(limits.header_timeout * 1000))),
        ("grpc.max_concurrent_streams", GRPC_MAX_CONCURRENT_STREAMS),
        ("grpc.max_connection_idle_ms", GRPC_MAX_CONNECTION_IDLE_MS),
        ("grpc.keepalive_time_ms", GRPC_KEEPALIVE_TIME_MS),
        ("grpc.keepalive_timeout_ms", GRPC_KEEPALIVE_TIMEOUT_MS),
        ("grpc.keepalive_permit_without_calls", 1),
        ("grpc.http2.min_ping_interval_without_data_ms", GRPC_MIN_CLIENT_PING_INTERVAL_MS),
        ("grpc.http2.max_ping_strikes", GRPC_MAX_PING_STRIKES),
    ]


def is_accept_resource_error(context: dict[str, Any]) -> bool:
    exc = context.get("exception")
    return isinstance(exc, OSError) and exc.errno in RESOURCE_ERRNOS and "accept" in str(context.get("message", ""))


LoopHandler = Callable[[asyncio.AbstractEventLoop, dict[str, Any]], object]


class AcceptErrorLog:
    """A loop exception handler: accept failures for want of descriptors or memory
    become one line per `interval` (with how many were left out); every other
    context goes to the handler installed before (else asyncio's default)."""

    def __init__(
        self,
        previous: LoopHandler | None = None,
        interval: float = ACCEPT_ERROR_LOG_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._previous = previous
        self._interval = interval
        self._clock = clock
        self._next_log = -math.inf
        self._suppressed = 0

    @classmethod
    def install(cls, loop: asyncio.AbstractEventLoop) -> AcceptErrorLog:
        handler = cls(loop.get_exception_handler())
        loop.set_exception_handler(handler)
        return handler

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if not is_accept_resource_error(context):
            if self._previous is not None:
                self._previous(loop, context)
            else:
                loop.default_exception_handler(context)
            return
        now = self._clock()
        if now < self._next_log:
            self._suppressed += 1
            return
        exc = context["exception"]
        name = errno.errorcode.get(exc.errno, str(exc.errno))
        left_out = f"; {self._suppressed} more since the last report" if self._suppressed else ""
        log.error(
            "cannot accept connections: %s (%s); retrying every second%s",
            exc.strerror,
            name,
            left_out,
            extra={"fields": {"errno": name, "suppressed": self._suppressed}},
        )
        self._suppressed = 0
        self._next_log = now + self._interval

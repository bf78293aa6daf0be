"""HTTP connection limits on uvicorn's httptools protocol (the limits and their
defaults: `ma_server.connection_limits`).

httptools buffers a header field until it ends and uvicorn never closes a
connection that has not finished a request, so `LimitedHttpToolsProtocol`:

- feeds the parser no more than `max_header_bytes` of a request head (the
  request line and header fields): a longer one is answered 431 and closed,
  so an unfinished head holds at most that much memory;
- closes a connection whose head is not complete `header_timeout` after
  accept or after its first byte (408 if part of it came), and one whose body
  is not complete `body_timeout` after its head (408); time the server pauses
  reading (flow control, pipelining) restarts the clock instead;
- sets uvicorn's keep-alive idle timeout to `idle_timeout`;
- answers a connection beyond `max_connections` open ones with 503 and
  `Retry-After` before reading it, and closes it.

Over HTTPS a connection reaches the protocol after its TLS handshake, which
asyncio bounds (60 s); only then do these limits apply.

Every refusal is a Kubernetes `Status` JSON body with `connection: close`;
the server then shuts its sending side, discards what the client still sends
and closes after `LINGER_SECONDS` at most (closing at once with unread input
would reset the connection, and the client could lose the answer).

uvicorn's own `limit_concurrency` is not used: it counts connections and
running requests together, answers a plain 503 without Retry-After per
request and keeps the extra connections open.

`ListeningSocket` makes asyncio's accept loop stop at the first failure for
want of descriptors: Python 3.11 retries `accept()` up to the backlog (2,048)
times per wake-up and reports each failure (thousands of tracebacks a second
at the fd limit); asyncio then pauses accepting for a second and retries.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import time
from typing import Any, ClassVar

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.server import ServerState

from ma_server.connection_limits import RESOURCE_ERRNOS, ConnectionLimits
from ma_server.http.k8s_json import dumps, status

LINGER_SECONDS = 2.0
RETRY_AFTER_SECONDS = 1


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the limits of `limits` (a subclass per
    server sets it: `protocol_class`)."""

    limits: ClassVar[ConnectionLimits] = ConnectionLimits()

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        # uvicorn hands it to call_later only; a float is fine.
        self.timeout_keep_alive = self.limits.idle_timeout  # type: ignore[assignment]
        self._in_head = True  # between requests or inside a request line and headers
        self._head_started = False  # a byte of the current head arrived
        self._head_bytes = 0  # bytes of the current head fed to the parser
        self._head_parsed = 0  # the same as the parser reports them (a lower bound)
        self._refused = False  # answered by a limit: input is discarded until close
        self._head_timer: asyncio.TimerHandle | None = None
        self._body_timer: asyncio.TimerHandle | None = None
        self._linger_timer: asyncio.TimerHandle | None = None

    # Connection

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        if len(self.connections) >= self.limits.max_connections:
            self.transport = transport
            self._refuse(
                503,
                f"too many connections: this server accepts at most {self.limits.max_connections} "
                "(--max-connections); retry later",
                retry_after=True,
            )
            return
        super().connection_made(transport)
        self._head_timer = self.loop.call_later(self.limits.header_timeout, self._head_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_timers()
        if self._linger_timer is not None:
            self._linger_timer.cancel()
            self._linger_timer = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        # Bounded: every pass feeds at least one byte or refuses.
        while data and not self._refused and not self.transport.is_closing():
            if not self._in_head:
                super().data_received(data)
                return
            room = self.limits.max_header_bytes - self._head_bytes
            if room <= 0:
                self._refuse_head_too_large()
                return
            piece, data = data[:room], data[room:]
            self._head_bytes += len(piece)
            super().data_received(piece)
            if self.transport.get_protocol() is not self:  # upgraded: the rest is the new protocol's
                return

    # Parser callbacks (no-ops once refused: the parser may still be mid-feed)

    def on_message_begin(self) -> None:
        if self._refused:
            return
        super().on_message_begin()
        self._head_started = True
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.limits.header_timeout, self._head_timeout)

    def on_url(self, url: bytes) -> None:
        if self._refused:
            return
        self._head_parsed += len(url)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        if self._refused:
            return
        self._head_parsed += len(name) + len(value) + 4  # ": " and CRLF
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        if self._refused:
            return
        self._in_head = False
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None
        if self._head_parsed > self.limits.max_header_bytes:
            self._refuse_head_too_large()
            return
        super().on_headers_complete()
        if not (self.parser.should_upgrade() and self._should_upgrade()):
            self._body_timer = self.loop.call_later(self.limits.body_timeout, self._body_timeout)

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if self._refused:
            return
        if self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None
        self._in_head, self._head_started = True, False
        self._head_bytes = self._head_parsed = 0
        super().on_message_complete()

    # Limits

    def _read_paused(self) -> bool:
        return self.flow is not None and self.flow.read_paused

    def _head_timeout(self) -> None:
        self._head_timer = None
        if self._refused or self.transport.is_closing():
            return
        if self._read_paused():  # the server is not reading: not the client's delay
            self._head_timer = self.loop.call_later(self.limits.header_timeout, self._head_timeout)
            return
        if not self._head_started and self._head_bytes == 0:
            self._refused = True
            self.transport.close()  # nothing came: no answer, as for an idle keep-alive connection
            return
        self._refuse(
            408,
            f"request line and headers not received within {self.limits.header_timeout:g} s (--header-timeout)",
            reason="Timeout",
        )

    def _body_timeout(self) -> None:
        self._body_timer = None
        if self._refused or self.transport.is_closing():
            return
        if self._read_paused():
            self._body_timer = self.loop.call_later(self.limits.body_timeout, self._body_timeout)
            return
        if self.cycle is not None and self.cycle.response_complete:
            self._refused = True
            self.transport.close()  # answered already (without reading the body): no second answer
            return
        self._refuse(
            408,
            f"request body not received within {self.limits.body_timeout:g} s (--body-timeout)",
            reason="Timeout",
        )

    def _refuse_head_too_large(self) -> None:
        self._refuse(
            431,
            f"request line and headers are larger than {self.limits.max_header_bytes} bytes (--max-header-bytes)",
            reason="BadRequest",
        )

    def _cancel_timers(self) -> None:
        for timer in (self._head_timer, self._body_timer, self.timeout_keep_alive_task):
            if timer is not None:
                timer.cancel()
        self._head_timer = self._body_timer = self.timeout_keep_alive_task = None

    def _refuse(self, code: int, message: str, *, reason: str = "", retry_after: bool = False) -> None:
        """Answer `code` with a Status body, stop reading the request and close soon."""
        self._refused = True
        self._cancel_timers()
        # Going away (within LINGER_SECONDS): no longer counted against max_connections.
        self.connections.discard(self)
        transport = self.transport
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            if cycle.response_started:  # a pipelined request behind an answer being sent: no second one
                transport.abort()
                return
            # The request being read ends for the app as if the client left: no answer from it.
            cycle.disconnected = True
            cycle.message_event.set()
        if transport.is_closing():
            return
        body = dumps(status(code, message, reason=reason))
        head = [STATUS_LINE[code], b"content-type: application/json\r\n"]
        head.append(b"content-length: %d\r\n" % len(body))
        if retry_after:
            head.append(b"retry-after: %d\r\n" % RETRY_AFTER_SECONDS)
        head.append(b"connection: close\r\n\r\n")
        transport.write(b"".join(head) + body)
        if transport.can_write_eof():
            transport.write_eof()  # the client reads the answer, then EOF; its close ends the connection
        else:
            transport.close()  # TLS: close_notify after the answer
        self._linger_timer = self.loop.call_later(LINGER_SECONDS, transport.abort)


def protocol_class(limits: ConnectionLimits) -> type[LimitedHttpToolsProtocol]:
    """A protocol class for uvicorn's `Config(http=...)` enforcing `limits`."""

    class Limited(LimitedHttpToolsProtocol):
        pass

    Limited.limits = limits
    return Limited


class ListeningSocket(socket.socket):
    """A listening socket whose `accept()`, within `RETRY_PAUSE` of failing for
    want of descriptors or memory, fails again as "would block": asyncio's
    accept loop then returns instead of retrying (and reporting) up to the
    backlog in one wake-up. The first failure still reaches asyncio, which
    reports it (see `connection_limits.AcceptErrorLog`) and pauses accepting."""

    RETRY_PAUSE: ClassVar[float] = 0.5
    _quiet_until = 0.0

    def accept(self) -> tuple[socket.socket, Any]:
        try:
            return super().accept()
        except OSError as e:
            if e.errno not in RESOURCE_ERRNOS:
                raise
            now = time.monotonic()
            if now < self._quiet_until:
                raise BlockingIOError(errno.EAGAIN, f"accepting paused: {e.strerror}") from e
            self._quiet_until = now + self.RETRY_PAUSE
            raise

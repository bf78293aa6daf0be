"""Streaming a watch as Kubernetes does over HTTP: chunked `application/json`, one
`{"type": ..., "object": ...}` line per event, errors after the headers as
`{"type": "ERROR", "object": <Status>}`, except when the server shuts down or the
watcher fell behind (see `ma_server.watch_limits`): then the stream just ends, as a
Kubernetes API server ends it, and clients re-watch from their last version."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import grpc
from google.protobuf.message import Message

from ma_server import offload
from ma_server.errors import ApiError, storage_fault
from ma_server.http import k8s_json
from ma_server.http.asgi import Receive, Send
from ma_server.http.catalog import Resource

log = logging.getLogger("ma_server.http")

# Errors after the headers that end the stream without an ERROR line.
_CLOSE_CODES = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED})


async def next_event(events: AsyncIterator[Message]) -> Message:
    return await events.__anext__()


async def close(events: AsyncIterator[Message]) -> None:
    aclose = getattr(events, "aclose", None)
    if aclose is not None:
        with contextlib.suppress(Exception):
            await aclose()


async def _wait_disconnect(receive: Receive) -> None:
    # Bounded by the connection: after the (empty) body the next message is the disconnect.
    while (await receive())["type"] != "http.disconnect":
        pass


def _line(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _event_line(event: Message, api_version: str) -> bytes:
    return _line(k8s_json.to_json(event, api_version))


async def _send_line(send: Send, data: dict[str, Any]) -> None:
    await send({"type": "http.response.body", "body": _line(data), "more_body": True})


async def pump(
    receive: Receive,
    send: Send,
    events: AsyncIterator[Message],
    pending: asyncio.Future[Message],
    res: Resource,
    stopping: asyncio.Event,
    max_seconds: float,
) -> None:
    """Send events (the first already awaited in `pending`) until the stream ends, the
    client leaves, the server stops or `max_seconds` pass; then end the response."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + max_seconds
    disconnected = asyncio.ensure_future(_wait_disconnect(receive))
    stop = asyncio.ensure_future(stopping.wait())
    try:
        # Bounded: ends at the deadline at the latest.
        while (remaining := deadline - loop.time()) > 0:
            waiting: set[asyncio.Future[Any]] = {pending, disconnected, stop}
            done, _ = await asyncio.wait(waiting, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
            if pending not in done:
                break  # client gone, server stopping or deadline
            try:
                event = pending.result()
            except StopAsyncIteration:
                break
            except ApiError as err:
                if err.code in _CLOSE_CODES:
                    # The core ends watches this way when the server shuts down (UNAVAILABLE) or
                    # the client fell behind (RESOURCE_EXHAUSTED, see ma_server.watch_limits); a
                    # Kubernetes API server just closes the stream there, and clients re-watch
                    # from their last version.
                    break
                status = k8s_json.status_from_api_error(err, plural=res.plural, kind=res.kind, group=res.group)
                await _send_line(send, {"type": "ERROR", "object": status})
                break
            except Exception as exc:
                if (fault := storage_fault(exc)) is not None:  # a storage fault: its named status, never 500
                    status = k8s_json.status_from_api_error(fault, plural=res.plural, kind=res.kind, group=res.group)
                    await _send_line(send, {"type": "ERROR", "object": status})
                    break
                log.exception("watch of %s failed", res.plural)
                await _send_line(send, {"type": "ERROR", "object": k8s_json.status(500, "internal error")})
                break
            # A large object's event is encoded off the event loop (`ma_server.offload`).
            line = await offload.run(_event_line, event, res.api_version, size=event.ByteSize())
            await send({"type": "http.response.body", "body": line, "more_body": True})
            pending = asyncio.ensure_future(next_event(events))
    finally:
        for fut in (pending, disconnected, stop):
            fut.cancel()
        await asyncio.gather(pending, disconnected, stop, return_exceptions=True)
        await close(events)
        with contextlib.suppress(Exception):
            await send({"type": "http.response.body", "body": b"", "more_body": False})

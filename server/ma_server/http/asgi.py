"""Minimal ASGI plumbing: types, reading a bounded body, sending a response.

Plain ASGI keeps the HTTP side to uvicorn and the standard library; the few
helpers a framework would give are here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

JSON = "application/json"


class ClientGone(Exception):
    """The client disconnected before the request body was read."""


class BodyTooLarge(Exception):
    """The request body exceeds the server's limit."""


async def read_body(receive: Receive, limit: int, scope: Scope | None = None) -> bytes:
    """The request body; BodyTooLarge past `limit` bytes, at once if the request's `Content-Length`
    (in `scope`) already says so: nothing of it is read (uvicorn discards the rest of a body once
    the response is sent, and the connection stays usable)."""
    if scope is not None:
        declared = header(scope, b"content-length").strip()
        if declared.isascii() and declared.isdigit() and (len(declared) > 18 or int(declared) > limit):
            raise BodyTooLarge()
    chunks: list[bytes] = []
    size = 0
    # Bounded: every iteration consumes one body message, and the total is capped by `limit`
    # (servers do not deliver empty non-final chunks).
    while True:
        msg = await receive()
        if msg["type"] == "http.disconnect":
            raise ClientGone()
        chunk = msg.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge()
        chunks.append(chunk)
        if not msg.get("more_body", False):
            return b"".join(chunks)


def header(scope: Scope, name: bytes) -> str:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return bytes(v).decode("latin-1")
    return ""


async def respond(
    send: Send, code: int, body: bytes, content_type: str = JSON, extra: list[tuple[bytes, bytes]] | None = None
) -> int:
    headers = [(b"content-type", content_type.encode("latin-1")), (b"content-length", str(len(body)).encode())]
    headers.extend(extra or [])
    await send({"type": "http.response.start", "status": code, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})
    return code

"""The HTTP side's view of the server core: call a resource's handler by role.

The core's `ResourceHandler` (one per resource) has async methods named after
the roles (`create`, `get`, `update`, `update_status`, `delete`,
`delete_collection`, `list`) taking the generated request message and
returning the response message, and `watch(request)` returning an async
iterator of watch events. gRPC and HTTP call the same objects.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from typing import Any, Protocol, cast

from google.protobuf.message import Message

from ma_server.http.catalog import ROLE_WATCH, Catalog, Resource


class Backend(Protocol):
    async def call(self, resource: Resource, role: str, request: Message, idem: Any = None) -> Message:
        """`idem`: an idempotency `Pending` record for a write (passed on only when not None)."""
        ...

    def watch(self, resource: Resource, request: Message) -> AsyncIterator[Message]: ...


class TwoPhaseWatch(Protocol):
    """A backend that can start a watch apart from streaming it (`HandlerBackend`): request
    errors (a too new resourceVersion waits first) come before the response headers."""

    async def open_watch(self, resource: Resource, request: Message) -> AsyncIterator[Message]: ...


class HandlerBackend:
    """Dispatches to handler objects found by resource (kind, plural or message name)."""

    def __init__(self, handlers: Mapping[str, Any]) -> None:
        self._handlers = handlers

    def _handler(self, resource: Resource) -> Any:
        for key in (resource.kind, resource.plural, resource.message.full_name, resource.message.name):
            h = self._handlers.get(key)
            if h is not None:
                return h
        raise LookupError(f"no handler for {resource.kind}")

    async def call(self, resource: Resource, role: str, request: Message, idem: Any = None) -> Message:
        fn = cast(Callable[..., Awaitable[Message]], getattr(self._handler(resource), role))
        return await (fn(request) if idem is None else fn(request, idem))

    def watch(self, resource: Resource, request: Message) -> AsyncIterator[Message]:
        fn = cast(Callable[[Message], AsyncIterator[Message]], getattr(self._handler(resource), ROLE_WATCH))
        return fn(request)

    async def open_watch(self, resource: Resource, request: Message) -> AsyncIterator[Message]:
        """The handler's `open_watch`: raises the request's error, else returns the event stream."""
        fn = cast(Callable[[Message], Awaitable[AsyncIterator[Message]]], self._handler(resource).open_watch)
        return await fn(request)


def handlers_from_app_state(app_state: Any, catalog: Catalog) -> dict[str, Any]:
    """Find the handlers in whatever container the core passes: a mapping, or a
    sequence of handlers, keyed by kind (other keys are tried by HandlerBackend)."""
    handlers = getattr(app_state, "handlers", app_state)
    if isinstance(handlers, Mapping):
        return dict(handlers)
    if isinstance(handlers, Iterable):
        out: dict[str, Any] = {}
        for h in handlers:
            for attr in ("resource", "spec", "info"):
                info = getattr(h, attr, None)
                kind = getattr(info, "kind", None)
                if isinstance(kind, str):
                    out[kind] = h
                    break
            else:
                kind = getattr(h, "kind", None)
                if isinstance(kind, str):
                    out[kind] = h
        missing = [r.kind for r in catalog.resources if r.kind not in out]
        if missing:
            raise LookupError(f"no handlers for {missing}")
        return out
    raise TypeError(f"cannot find resource handlers in {type(app_state).__name__}")

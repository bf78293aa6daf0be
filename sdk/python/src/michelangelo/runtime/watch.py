"""Watch iterators that survive dropped streams, like client-go's RetryWatcher and reflector.

Behaviour (sync `Watch` and asyncio `AsyncWatch` alike):

- Starting from resource version "" (or "0") the watch first lists the
  collection (every page, with the watch's selectors), yields an ADDED event
  for each object, then watches from the list's version.
- It remembers the version of every event it sees, BOOKMARK events included;
  bookmarks are never yielded.
- When the stream ends (cleanly, e.g. a server-side timeout, or with
  UNAVAILABLE, INTERNAL or RESOURCE_EXHAUSTED) it reconnects from the last version, so
  every later event is delivered exactly once. Consecutive reconnects without
  any event in between wait with the `retry` policy's backoff; after
  `max_reconnects` of them the last error is raised.
- When the server no longer has the last version (OUT_OF_RANGE, e.g. after a
  compaction) and `relist_on_expired` is True (the default), it lists again,
  calls `on_relist()` if given (so a cache can be reset: objects deleted
  meanwhile are not reported as DELETED), yields ADDED for every current
  object and resumes from the list's version. With `relist_on_expired=False`
  it raises `Expired`.
- Any other error is raised. `close()` (or leaving a `with` block) cancels the
  stream; iteration then ends without error. Closing from another thread is safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import grpc
import grpc.aio

from michelangelo.api import list_pb2, meta_pb2
from michelangelo.runtime.errors import ApiError, Expired, Unavailable, from_rpc_error
from michelangelo.runtime.retry import DEFAULT_RETRY, Retry

if TYPE_CHECKING:
    from typing import Self


class _Object(Protocol):
    @property
    def metadata(self) -> meta_pb2.ObjectMeta: ...


class Event(Protocol):
    """What a watch needs of a `<Kind>WatchEvent` message."""

    @property
    def type(self) -> int: ...

    @property
    def object(self) -> _Object: ...


E = TypeVar("E", bound=Event)

_LIST_VERSIONS = ("", "0")  # "0" means "any version" as in Kubernetes: list first, like ""
RECONNECT_CODES = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.INTERNAL, grpc.StatusCode.RESOURCE_EXHAUSTED})
"""Stream errors after which a watch reconnects (a proxy or server restart ends streams with any of them)."""
DEFAULT_MAX_RECONNECTS = 10
_EOF: object = grpc.aio.EOF  # type: ignore[attr-defined]  # the end-of-stream marker of UnaryStreamCall.read


class _State(Generic[E]):
    """The decisions shared by the sync and asyncio watches."""

    def __init__(self, resource_version: str, relist_on_expired: bool, retry: Retry, max_reconnects: int) -> None:
        self.resource_version = resource_version
        self.need_list = resource_version in _LIST_VERSIONS
        self.relist_on_expired = relist_on_expired
        self.retry = retry
        self.max_reconnects = max_reconnects
        self.failures = 0
        self.waits = retry.delays()
        self.relists = 0
        self.pending: deque[E] = deque()
        self.closed = False

    def listed(self, events: list[E], version: str) -> None:
        self.pending.extend(events)
        self.resource_version = version
        self.need_list = False
        self.relists += 1

    def accept(self, event: E) -> bool:
        """Record an event's version; True when it is delivered (not a bookmark)."""
        version = event.object.metadata.resource_version
        if version:
            self.resource_version = version
        self.failures = 0
        self.waits = self.retry.delays()
        return event.type != list_pb2.BOOKMARK

    def dropped(self, error: ApiError | None, had_events: bool) -> float:
        """The stream ended (error None: cleanly); the wait before reconnecting, or raise."""
        if error is not None and isinstance(error, Expired):
            if not self.relist_on_expired:
                raise error
            self.need_list = True
            return 0.0
        if error is not None and error.code not in RECONNECT_CODES:
            raise error
        if had_events:
            return 0.0
        self.failures += 1
        if self.failures > self.max_reconnects:
            raise error or Unavailable(f"watch stream ended {self.failures} times in a row without events; giving up")
        return next(self.waits)


class Watch(Generic[E]):
    """A sync watch: `for event in watch: ...`; see the module docstring for the reconnect rules."""

    def __init__(
        self,
        open_stream: Callable[[str], grpc.CallIterator[E]],
        relist: Callable[[], tuple[list[E], str]],
        *,
        resource_version: str = "",
        relist_on_expired: bool = True,
        retry: Retry = DEFAULT_RETRY,
        max_reconnects: int = DEFAULT_MAX_RECONNECTS,
        on_relist: Callable[[], None] | None = None,
    ) -> None:
        self._open = open_stream
        self._relist = relist
        self._on_relist = on_relist
        self._state: _State[E] = _State(resource_version, relist_on_expired, retry, max_reconnects)
        self._call: grpc.CallIterator[E] | None = None
        self._events: Iterator[E] | None = None
        self._had_events = False
        self._stop = threading.Event()
        self._lock = threading.Lock()

    @property
    def resource_version(self) -> str:
        """The version of the last event seen (bookmarks included): where a new watch would resume."""
        return self._state.resource_version

    @property
    def relists(self) -> int:
        """How many times the collection was listed (initial list included)."""
        return self._state.relists

    def __iter__(self) -> Iterator[E]:
        return self

    def __next__(self) -> E:
        s = self._state
        while True:
            if s.closed:
                raise StopIteration
            if s.pending:
                return s.pending.popleft()
            if s.need_list:
                self._do_list()
                continue
            if self._events is None:
                self._connect()
            assert self._events is not None
            try:
                event = next(self._events)
            except StopIteration:
                self._reconnect(None)
                continue
            except grpc.RpcError as exc:
                if s.closed:
                    raise StopIteration from None
                self._reconnect(from_rpc_error(exc))
                continue
            self._had_events = True
            if s.accept(event):
                return event

    def _do_list(self) -> None:
        relisted = self._state.relists > 0 or self._state.resource_version not in _LIST_VERSIONS
        events, version = self._relist()
        if relisted and self._on_relist is not None:
            self._on_relist()
        self._state.listed(events, version)

    def _connect(self) -> None:
        with self._lock:
            if self._state.closed:
                raise StopIteration
            self._call = self._open(self._state.resource_version)
            self._events = iter(self._call)
            self._had_events = False

    def _reconnect(self, error: ApiError | None) -> None:
        with self._lock:
            self._call, self._events = None, None
        wait = self._state.dropped(error, self._had_events)
        if wait > 0 and self._stop.wait(wait):
            raise StopIteration

    def close(self) -> None:
        """Stop watching: cancels the stream; iteration ends without error."""
        with self._lock:
            self._state.closed = True
            self._stop.set()
            if self._call is not None:
                self._call.cancel()  # type: ignore[no-untyped-call]

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncWatch(Generic[E]):
    """An asyncio watch: `async for event in watch: ...`; same rules as `Watch`."""

    def __init__(
        self,
        open_stream: Callable[[str], grpc.aio.UnaryStreamCall[Any, E]],
        relist: Callable[[], Awaitable[tuple[list[E], str]]],
        *,
        resource_version: str = "",
        relist_on_expired: bool = True,
        retry: Retry = DEFAULT_RETRY,
        max_reconnects: int = DEFAULT_MAX_RECONNECTS,
        on_relist: Callable[[], None] | None = None,
    ) -> None:
        self._open = open_stream
        self._relist = relist
        self._on_relist = on_relist
        self._state: _State[E] = _State(resource_version, relist_on_expired, retry, max_reconnects)
        self._call: grpc.aio.UnaryStreamCall[Any, E] | None = None
        self._had_events = False
        self._stopped = asyncio.Event()  # set by close(): cuts a reconnect backoff short

    @property
    def resource_version(self) -> str:
        return self._state.resource_version

    @property
    def relists(self) -> int:
        return self._state.relists

    def __aiter__(self) -> AsyncWatch[E]:
        return self

    async def __anext__(self) -> E:
        s = self._state
        while True:
            if s.closed:
                raise StopAsyncIteration
            if s.pending:
                return s.pending.popleft()
            if s.need_list:
                relisted = s.relists > 0 or s.resource_version not in _LIST_VERSIONS
                events, version = await self._relist()
                if relisted and self._on_relist is not None:
                    self._on_relist()
                s.listed(events, version)
                continue
            if self._call is None:
                self._call = self._open(s.resource_version)
                self._had_events = False
            try:
                item = await self._call.read()
            except asyncio.CancelledError:
                if s.closed:
                    raise StopAsyncIteration from None
                raise
            except grpc.RpcError as exc:
                if s.closed:
                    raise StopAsyncIteration from None
                await self._reconnect(from_rpc_error(exc))
                continue
            if item is _EOF:
                await self._reconnect(None)
                continue
            event: E = item  # type: ignore[assignment]
            self._had_events = True
            if s.accept(event):
                return event

    async def _reconnect(self, error: ApiError | None) -> None:
        self._call = None
        wait = self._state.dropped(error, self._had_events)
        if wait > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopped.wait(), timeout=wait)

    def close(self) -> None:
        """Stop watching: cancels the stream (or a reconnect backoff); iteration ends without error."""
        self._state.closed = True
        self._stopped.set()
        if self._call is not None:
            self._call.cancel()

    async def aclose(self) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

"""Pagers: lazy iteration over every item of a list, following continue tokens (sync and asyncio).

Each page is one List call made with the same per-call options (timeout,
retry), so a slow page fails on its own deadline. Iterating a pager again
starts again from the first page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import Generic, Protocol, TypeVar

from michelangelo.api import meta_pb2

T = TypeVar("T")


class Page(Protocol):
    """What a pager needs of a `<Kind>List` message."""

    @property
    def metadata(self) -> meta_pb2.ListMeta: ...


P = TypeVar("P", bound=Page)


class Pager(Generic[T, P]):
    """Items of a list, fetched a page at a time as iteration needs them.

    `fetch(token)` returns the page for a continue token ("" for the first);
    `items(page)` the items of a page.
    """

    def __init__(self, fetch: Callable[[str], P], items: Callable[[P], Iterable[T]]) -> None:
        self._fetch = fetch
        self._items = items
        self.resource_version = ""
        """The store version of the first page once fetched: watch from it to see every later change."""

    @property
    def pages(self) -> Iterator[P]:
        """The pages (`<Kind>List` messages), one List call each."""
        token = ""
        first = True
        while True:
            page = self._fetch(token)
            if first:
                self.resource_version = page.metadata.resource_version
                first = False
            yield page
            token = page.metadata.continue_token
            if not token:
                return

    def __iter__(self) -> Iterator[T]:
        for page in self.pages:
            yield from self._items(page)


class AsyncPager(Generic[T, P]):
    """The asyncio Pager: `async for item in pager`, `async for page in pager.pages`."""

    def __init__(self, fetch: Callable[[str], Awaitable[P]], items: Callable[[P], Iterable[T]]) -> None:
        self._fetch = fetch
        self._items = items
        self.resource_version = ""

    @property
    async def pages(self) -> AsyncIterator[P]:
        token = ""
        first = True
        while True:
            page = await self._fetch(token)
            if first:
                self.resource_version = page.metadata.resource_version
                first = False
            yield page
            token = page.metadata.continue_token
            if not token:
                return

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages:
            for item in self._items(page):
                yield item

    async def collect(self) -> list[T]:
        """Every item, in a list."""
        return [item async for item in self]

"""Helpers shared by the storage backends (not part of the `Storage` interface)."""

from __future__ import annotations

from .base import StorageError

DEFAULT_MAX_EVENTS = 100_000
# Expired idempotency records removed per record write: more than one, so the
# table shrinks after a burst, and bounded, so no write pays for a long scan.
PURGE_BATCH = 64


class FutureRevisionError(StorageError):
    """A revision above the current one was asked for (list at revision R, compact(R)).

    Like etcd's ErrFutureRev. It is a StorageError so callers mapping storage
    errors to API errors see it; a client only gets here by sending a made-up
    resourceVersion.
    """

    def __init__(self, requested: int, current: int) -> None:
        super().__init__(f"revision {requested} is in the future; current revision is {current}")
        self.requested, self.current = requested, current


class StorageClosedError(StorageError):
    """The storage was closed; no further calls are accepted."""

    def __init__(self) -> None:
        super().__init__("storage is closed")


def check_max_events(max_events: int) -> int:
    if max_events < 1:
        raise ValueError(f"max_events must be >= 1, got {max_events}")
    return max_events


def check_list_args(limit: int, revision: int) -> None:
    if limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    if revision < 0:
        raise ValueError(f"revision must be >= 0, got {revision}")


def prefix_end(prefix: str) -> str | None:
    """The smallest string greater than every string starting with `prefix` (None: no bound).

    Strings compare by code point, which is also the bytewise order of their
    UTF-8 form (SQLite's BINARY collation), so `prefix <= key < prefix_end(prefix)`
    selects exactly the keys starting with `prefix` in both backends.
    """
    chars = list(prefix)
    while chars:
        code = ord(chars[-1]) + 1
        if code == 0xD800:  # surrogates are not valid in UTF-8 text; skip the block
            code = 0xE000
        if code <= 0x10FFFF:
            chars[-1] = chr(code)
            return "".join(chars)
        chars.pop()  # last char is the maximum code point: carry into the previous one
    return None


def key_in_range(key: str, prefix: str, start_after: str) -> bool:
    return key.startswith(prefix) and key > start_after

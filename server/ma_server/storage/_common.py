"""Helpers shared by the storage backends (not part of the `Storage` interface)."""

from __future__ import annotations

from typing import Literal

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


# -- storage faults ------------------------------------------------------------
#
# Two families. At open, a store the server cannot trust (not an SQLite file,
# empty, truncated, failing the integrity check, a schema this server does not
# know, a revision counter below the revisions in its tables) raises
# `StorageOpenError` (`StorageCorruptError` when the file is damaged or
# inconsistent): `ma-server` prints it as one `server failed: storage <url>: <problem>`
# line and exits 1. At run time a condition the server can name (disk or quota
# full, corruption found by a read, an I/O error, the file locked by another
# process, a read-only file) raises `StorageUnavailableError` with a `kind`;
# `ma_server.errors.storage_fault` maps it to a status for both transports.


class StorageOpenError(StorageError):
    """The store at `target` (a storage URL) cannot be opened; `problem` says why."""

    def __init__(self, target: str, problem: str) -> None:
        super().__init__(f"storage {target}: {problem}")
        self.target, self.problem = target, problem


class StorageCorruptError(StorageOpenError):
    """The file at `target` is damaged or inconsistent: the server refuses to start on it."""


FaultKind = Literal["full", "corrupt", "io", "locked", "readonly"]


class StorageUnavailableError(StorageError):
    """A run-time storage fault: the call failed and changed nothing (its transaction was rolled back).

    `kind`: "full" (disk or quota full), "corrupt" (a read found a damaged page),
    "io" (an I/O error), "locked" (another process holds the write lock past the
    busy timeout), "readonly" (the file cannot be written). `reason` is the
    message for the client: it names the cause, not the file's path.
    """

    def __init__(self, kind: FaultKind, reason: str) -> None:
        super().__init__(reason)
        self.kind, self.reason = kind, reason

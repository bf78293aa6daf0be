"""Storage backends behind one etcd-like interface (see `base`), and `open_storage(url)`."""

from __future__ import annotations

from ._common import (
    FutureRevisionError,
    StorageClosedError,
    StorageCorruptError,
    StorageOpenError,
    StorageUnavailableError,
)
from .base import (
    Event,
    EventType,
    IdempotencyRecord,
    IdempotencyRecordExistsError,
    KeyExistsError,
    KeyNotFoundError,
    KeyValue,
    ListResult,
    RevisionCompactedError,
    RevisionConflictError,
    Storage,
    StorageError,
)
from .memory import MemoryStorage
from .sqlite import CHECK_SECONDS, SqliteStorage

__all__ = [
    "CHECK_SECONDS",
    "Event",
    "EventType",
    "FutureRevisionError",
    "IdempotencyRecord",
    "IdempotencyRecordExistsError",
    "KeyExistsError",
    "KeyNotFoundError",
    "KeyValue",
    "ListResult",
    "MemoryStorage",
    "RevisionCompactedError",
    "RevisionConflictError",
    "SqliteStorage",
    "Storage",
    "StorageClosedError",
    "StorageCorruptError",
    "StorageError",
    "StorageOpenError",
    "StorageUnavailableError",
    "open_storage",
]

_SQLITE = "sqlite:///"
_URL_HELP = (
    "use memory:// or sqlite:///<path> (sqlite:///./.ma/data.db is relative to the working directory,"
    " sqlite:////var/lib/ma/data.db is absolute)"
)


def open_storage(url: str, *, quota_bytes: int = 0, check_seconds: float = CHECK_SECONDS) -> Storage:
    """Open the storage a URL names.

    - `memory://`: a fresh MemoryStorage (`quota_bytes` and `check_seconds` do not apply).
    - `sqlite:///<path>`: a SqliteStorage on the file at <path>, as in SQLAlchemy:
      `sqlite:///./.ma/data.db` and `sqlite:///data.db` are relative to the working
      directory, `sqlite:////abs/data.db` (four slashes) is absolute. Parent
      directories are created. A file that cannot be trusted (empty, not SQLite,
      truncated, failing the bounded integrity check, unknown schema, rewound
      revision counter) raises `StorageOpenError` naming the URL and the problem;
      `quota_bytes` (0: none) caps the file, `check_seconds` bounds the check.
    """
    if url == "memory://":
        return MemoryStorage()
    if url.startswith(_SQLITE):
        path = url[len(_SQLITE) :]
        if not path or path.endswith("/"):
            raise ValueError(f"storage URL {url!r} names no database file; {_URL_HELP}")
        return SqliteStorage.open(path, quota_bytes=quota_bytes, check_seconds=check_seconds)
    raise ValueError(f"unsupported storage URL {url!r}; {_URL_HELP}")

"""Storage backends behind one etcd-like interface (see `base`), and `open_storage(url)`."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl

from ._common import (
    DEFAULT_MAX_EVENT_BYTES,
    DEFAULT_MAX_EVENTS,
    DEFAULT_WATCH_BUFFER_BYTES,
    FutureRevisionError,
    StorageClosedError,
    StorageCorruptError,
    StorageOpenError,
    StorageRejectedError,
    StorageUnavailableError,
    WatcherTooSlowError,
    check_positive,
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
    Selection,
    Storage,
    StorageError,
)
from .etcd import SCHEME as _ETCD
from .etcd import EtcdConfig, EtcdStorage, parse_etcd_url
from .kubeconfig import KubeconfigError, KubeTarget
from .kubernetes import KubeOptions, KubernetesStorage, is_kubernetes_url, parse_kubernetes_url
from .memory import MemoryStorage
from .sqlite import CHECK_SECONDS, SqliteStorage

__all__ = [
    "CHECK_SECONDS",
    "EtcdConfig",
    "EtcdStorage",
    "Event",
    "EventType",
    "FutureRevisionError",
    "IdempotencyRecord",
    "IdempotencyRecordExistsError",
    "KeyExistsError",
    "KeyNotFoundError",
    "KeyValue",
    "KubeOptions",
    "KubeTarget",
    "KubeconfigError",
    "KubernetesStorage",
    "ListResult",
    "MemoryStorage",
    "RevisionCompactedError",
    "RevisionConflictError",
    "Selection",
    "SqliteStorage",
    "Storage",
    "StorageClosedError",
    "StorageCorruptError",
    "StorageError",
    "StorageOpenError",
    "StorageRejectedError",
    "StorageUnavailableError",
    "WatcherTooSlowError",
    "is_kubernetes_url",
    "open_storage",
    "parse_etcd_url",
]

_SQLITE = "sqlite:///"
_MEMORY = "memory://"
# Options a memory:// URL may carry as a query (`memory://?max_event_bytes=4194304`).
_MEMORY_OPTIONS = ("max_events", "max_event_bytes")
_URL_HELP = (
    "use memory://, sqlite:///<path> (sqlite:///./.ma/data.db is relative to the working directory,"
    " sqlite:////var/lib/ma/data.db is absolute), etcd://host:port[,host:port...] or kubernetes"
)


def open_storage(
    url: str,
    *,
    watch_buffer_bytes: int = DEFAULT_WATCH_BUFFER_BYTES,
    quota_bytes: int = 0,
    check_seconds: float = CHECK_SECONDS,
    etcd: EtcdConfig | None = None,
    kube: KubeTarget | None = None,
) -> Storage:
    """Open the storage a URL names; each live watcher buffers at most `watch_buffer_bytes`.

    - `memory://`: a fresh MemoryStorage; `memory://?max_events=N&max_event_bytes=M`
      bounds its event window (defaults 100,000 events, 256 MiB); `quota_bytes` and
      `check_seconds` do not apply.
    - `sqlite:///<path>`: a SqliteStorage on the file at <path>, as in SQLAlchemy:
      `sqlite:///./.ma/data.db` and `sqlite:///data.db` are relative to the working
      directory, `sqlite:////abs/data.db` (four slashes) is absolute. Parent
      directories are created. A file that cannot be trusted (empty, not SQLite,
      truncated, failing the bounded integrity check, unknown schema, rewound
      revision counter) raises `StorageOpenError` naming the URL and the problem;
      `quota_bytes` (0: none) caps the file, `check_seconds` bounds the check.
      `?group_commit=off` commits every write on its own transaction (default on: writes
      waiting together share one; see `storage.sqlite`). A path cannot contain `?`.
    - `etcd://host:port[,host:port...][?prefix=/p&timeout=S]`: an EtcdStorage on that
      cluster (see `storage.etcd`); `etcd` carries the TLS files and credentials the
      URL does not (its endpoints, prefix and timeout are replaced by the URL's).
      Nothing is contacted until first use: call `EtcdStorage.check()` at start.
    - `kubernetes[://][?timeout=S&create_namespaces=off&records_namespace=NS]`: the objects as
      custom resources of the Kubernetes API server `kube` names (default: the kubeconfig kubectl
      would use, or the in-cluster config; see `storage.kubeconfig` and `storage.kubernetes`).
      Call `KubernetesStorage.check()` at start.
    """
    check_positive("watch buffer bytes", watch_buffer_bytes)
    if url == _MEMORY or url.startswith(_MEMORY + "?"):
        options = _memory_options(url)
        return MemoryStorage(
            max_events=options.get("max_events", DEFAULT_MAX_EVENTS),
            max_event_bytes=options.get("max_event_bytes", DEFAULT_MAX_EVENT_BYTES),
            watch_buffer_bytes=watch_buffer_bytes,
        )
    if url.startswith(_SQLITE):
        path, _, query = url[len(_SQLITE) :].partition("?")
        if not path or path.endswith("/"):
            raise ValueError(f"storage URL {url!r} names no database file; {_URL_HELP}")
        group_commit = _sqlite_options(url, query)
        store = SqliteStorage.open(
            path, quota_bytes=quota_bytes, check_seconds=check_seconds, group_commit=group_commit
        )
        store.watch_buffer_bytes = watch_buffer_bytes
        return store
    if url.startswith(_ETCD):
        parsed = parse_etcd_url(url)
        if etcd is not None:
            parsed = replace(etcd, endpoints=parsed.endpoints, prefix=parsed.prefix, timeout=parsed.timeout)
        return EtcdStorage(parsed, watch_buffer_bytes=watch_buffer_bytes)
    if is_kubernetes_url(url):
        from ma_server.model import load_model  # the CRDs served are those of our resources

        from .kubeconfig import resolve

        kube_options = parse_kubernetes_url(url)
        return KubernetesStorage(
            kube or resolve(), load_model().resources, kube_options, watch_buffer_bytes=watch_buffer_bytes
        )
    raise ValueError(f"unsupported storage URL {url!r}; {_URL_HELP}")


def _sqlite_options(url: str, query: str) -> bool:
    """`group_commit` of a sqlite:/// URL's query (`?group_commit=off`; default on)."""
    group_commit = True
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name != "group_commit":
            raise ValueError(f"storage URL {url!r}: unknown option {name!r}; sqlite:/// takes group_commit")
        if value not in ("on", "off", "true", "false", "1", "0"):
            raise ValueError(f"storage URL {url!r}: group_commit must be on or off, got {value!r}")
        group_commit = value in ("on", "true", "1")
    return group_commit


def _memory_options(url: str) -> dict[str, int]:
    """The window options of a memory:// URL, each a positive integer."""
    options: dict[str, int] = {}
    query = url[len(_MEMORY) + 1 :] if "?" in url else ""
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in _MEMORY_OPTIONS:
            known = ", ".join(_MEMORY_OPTIONS)
            raise ValueError(f"storage URL {url!r}: unknown option {name!r}; memory:// takes {known}")
        if not (value.isascii() and value.isdigit() and int(value) >= 1):
            raise ValueError(f"storage URL {url!r}: {name} must be a positive integer, got {value!r}")
        options[name] = int(value)
    return options

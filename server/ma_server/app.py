"""The transport-independent state of a running server, shared by gRPC and HTTP.

The HTTP gateway (`ma_server.http.serve_http(app_state, host, port)`) gets
this object and finds the handlers in `handlers` (by kind) and the bearer-token
check both transports apply in `auth` (None: authentication off).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from ma_server.auth import Authenticator, BearerAuth
from ma_server.conformance import ConformanceState
from ma_server.idempotency import DEFAULT_RETENTION, IdempotencyGate
from ma_server.limits import MAX_OBJECT_BYTES, MAX_SORTED_OBJECTS
from ma_server.metrics import Metrics
from ma_server.model import ApiModel, Resource, load_model
from ma_server.readiness import Readiness
from ma_server.resources import ResourceHandler
from ma_server.storage.base import Storage
from ma_server.tokens import TokenCodec
from ma_server.watch_limits import DEFAULT_MAX_WATCHES, WatchLimiter


@dataclass
class AppState:
    model: ApiModel
    storage: Storage
    tokens: TokenCodec
    metrics: Metrics
    handlers: dict[str, ResourceHandler]  # by kind
    conformance: ConformanceState | None
    # Set when the server begins shutting down: open watches end with UNAVAILABLE.
    shutdown: asyncio.Event
    # Bearer-token check for every API call (gRPC and HTTP); None: no authentication.
    auth: Authenticator | None = None
    # Idempotency keys of writes, both transports (None: keys are ignored).
    idempotency: IdempotencyGate | None = None
    # The bound on concurrent watches over both transports, shared by every handler.
    watch_limits: WatchLimiter | None = None
    # Whether the storage answers (gRPC health and HTTP /readyz follow it).
    readiness: Readiness = field(default_factory=Readiness)

    def handler(self, kind: str) -> ResourceHandler:
        return self.handlers[kind]

    def handler_for_plural(self, plural: str) -> ResourceHandler:
        return self.handlers[self.model.by_plural(plural).kind]

    @property
    def resources(self) -> tuple[Resource, ...]:
        return self.model.resources


def build_app(
    storage: Storage,
    *,
    token_secret: bytes | None = None,
    bookmark_interval: float = 60.0,
    default_limit: int = 1000,
    conformance: bool = False,
    metrics: Metrics | None = None,
    auth_tokens: Sequence[str] = (),
    idempotency_retention: float = DEFAULT_RETENTION,
    max_object_bytes: int = MAX_OBJECT_BYTES,
    max_sorted_objects: int = MAX_SORTED_OBJECTS,
    max_watches: int = DEFAULT_MAX_WATCHES,
    authenticator: Authenticator | None = None,
) -> AppState:
    """Handlers for every resource of the model over one storage."""
    model = load_model()
    tokens = TokenCodec(token_secret)
    shutdown = asyncio.Event()
    watch_limits = WatchLimiter(max_watches)
    handlers = {
        r.kind: ResourceHandler(
            r,
            storage,
            tokens,
            default_limit=default_limit,
            bookmark_interval=bookmark_interval,
            shutdown=shutdown,
            max_object_bytes=max_object_bytes,
            max_sorted_objects=max_sorted_objects,
            watch_limiter=watch_limits,
        )
        for r in model.resources
    }
    return AppState(
        model=model,
        storage=storage,
        tokens=tokens,
        metrics=metrics if metrics is not None else Metrics(),
        handlers=handlers,
        conformance=ConformanceState(storage) if conformance else None,
        shutdown=shutdown,
        # `authenticator` (Kubernetes TokenReview with --kubernetes-impersonate) replaces the token list.
        auth=authenticator if authenticator is not None else BearerAuth(auth_tokens) if auth_tokens else None,
        idempotency=IdempotencyGate(storage, retention=idempotency_retention),
        watch_limits=watch_limits,
    )

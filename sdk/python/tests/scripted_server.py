"""A scripted ProjectService on loopback: records what each call carried and fails or stalls it on demand.

Wire-level tests of the client (deadlines per attempt, metadata, user agent,
idempotency keys, RetryInfo) need to see each attempt as the server saw it,
which the reference server's journal does not (yet) show. This is a real
gRPC server (grpcio, port 0 on 127.0.0.1) with one generic handler that
answers every ProjectService method with a fixed object, after applying the
next scripted step of that method.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent import futures
from contextlib import contextmanager
from dataclasses import dataclass, field

import grpc
from google.protobuf import duration_pb2
from google.rpc import error_details_pb2, status_pb2

from michelangelo.api import meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2

SERVICE = "michelangelo.api.v2.ProjectService"
MAX_STEP_SECONDS = 5.0  # a scripted stall never outlives a test


@dataclass(frozen=True)
class Step:
    """What the next call of a method does: stall `delay` seconds, then fail with `code` (None: answer)."""

    delay: float = 0.0
    code: grpc.StatusCode | None = None
    retry_delay: float | None = None  # a google.rpc.RetryInfo detail on the failure


@dataclass(frozen=True)
class Seen:
    """One call as the server received it."""

    method: str  # e.g. "GetProject"
    metadata: dict[str, str]
    time_remaining: float | None
    at: float  # time.monotonic() on arrival


@dataclass
class ScriptedServer:
    address: str
    calls: list[Seen] = field(default_factory=list)
    _script: dict[str, deque[Step]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, method: str, *steps: Step) -> None:
        """Queue steps for the next calls of `method` (e.g. "GetProject"); later calls answer at once."""
        with self._lock:
            self._script.setdefault(method, deque()).extend(steps)

    def seen(self, method: str) -> list[Seen]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._script.clear()

    def _next(self, method: str) -> Step:
        with self._lock:
            steps = self._script.get(method)
            return steps.popleft() if steps else Step()

    def _record(self, method: str, context: grpc.ServicerContext) -> None:
        md = {k: v for k, v in context.invocation_metadata() if isinstance(v, str)}
        with self._lock:
            self.calls.append(Seen(method, md, context.time_remaining(), time.monotonic()))

    def _apply(self, method: str, context: grpc.ServicerContext) -> None:
        step = self._next(method)
        if step.delay:
            time.sleep(min(step.delay, MAX_STEP_SECONDS))
        if step.code is None:
            return
        if step.retry_delay is not None:
            delay = duration_pb2.Duration()
            delay.FromNanoseconds(int(step.retry_delay * 1e9))
            detail = status_pb2.Status(code=step.code.value[0], message="scripted")
            detail.details.add().Pack(error_details_pb2.RetryInfo(retry_delay=delay))
            context.set_trailing_metadata((("grpc-status-details-bin", detail.SerializeToString()),))
        context.abort(step.code, f"scripted {step.code.name}")

    def _unary(self, method: str) -> grpc.RpcMethodHandler[bytes, bytes]:
        def handle(request: bytes, context: grpc.ServicerContext) -> bytes:
            self._record(method, context)
            self._apply(method, context)
            if method.startswith("List") or method.startswith("DeleteProjectCollection"):
                return _list_page(method, request).SerializeToString()
            return _PROJECT.SerializeToString()

        return grpc.unary_unary_rpc_method_handler(handle)

    def _stream(self, method: str) -> grpc.RpcMethodHandler[bytes, bytes]:
        def handle(request: bytes, context: grpc.ServicerContext) -> Iterator[bytes]:
            self._record(method, context)
            self._apply(method, context)
            yield from ()

        return grpc.unary_stream_rpc_method_handler(handle)

    def handler(self) -> grpc.GenericRpcHandler[bytes, bytes]:
        server = self

        class Handler(grpc.GenericRpcHandler):  # type: ignore[type-arg]  # not generic at run time
            def service(self, details: grpc.HandlerCallDetails) -> grpc.RpcMethodHandler[bytes, bytes] | None:
                service, _, method = details.method.lstrip("/").partition("/")
                if service != SERVICE:
                    return None
                return server._stream(method) if method.startswith("Watch") else server._unary(method)

        return Handler()


_PROJECT = project_pb2.Project(
    metadata=meta_pb2.ObjectMeta(name="p", namespace="ns", resource_version="7"),
    spec=project_pb2.ProjectSpec(owning_team="maps"),
)


def _list_page(method: str, request: bytes) -> project_pb2.ProjectList:
    """Two pages of one item each ("p1" with continue token "t1", then "p2"); one page for a delete."""
    token = ""
    if method.startswith("List"):
        token = project_svc_pb2.ListProjectsRequest.FromString(request).options.continue_token
    page = project_pb2.ProjectList(metadata=meta_pb2.ListMeta(resource_version="7"))
    item = page.items.add()
    item.CopyFrom(_PROJECT)
    if method.startswith("List") and not token:
        item.metadata.name = "p1"
        page.metadata.continue_token = "t1"
    elif method.startswith("List"):
        item.metadata.name = "p2"
    return page


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    port = server.add_insecure_port("127.0.0.1:0")
    scripted = ScriptedServer(f"127.0.0.1:{port}")
    server.add_generic_rpc_handlers((scripted.handler(),))
    server.start()
    try:
        yield scripted
    finally:
        server.stop(grace=None).wait(10)

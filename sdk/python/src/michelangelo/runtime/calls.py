"""Invoking one RPC: metadata, per-call deadline, retry policy and error mapping (sync and asyncio).

The generated sub-clients call through a `Caller` (sync) or `AsyncCaller`
(asyncio). `timeout=None` and `retry=None` mean "the config's default";
a method that is not idempotent (Create) is attempted once unless the caller
passes a `retry` explicitly.
"""

from __future__ import annotations

from typing import TypeVar, cast

import grpc
import grpc.aio
from google.protobuf.message import Message

from michelangelo.api import meta_pb2
from michelangelo.runtime.config import ClientConfig
from michelangelo.runtime.errors import from_rpc_error
from michelangelo.runtime.retry import NO_RETRY, Retry

Req = TypeVar("Req")
Resp = TypeVar("Resp")
M = TypeVar("M", bound=Message)


class _Base:
    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.metadata = config.metadata()

    def timeout(self, timeout: float | None) -> float | None:
        return self.config.timeout if timeout is None else timeout

    def policy(self, retry: Retry | None, idempotent: bool) -> Retry:
        if retry is not None:
            return retry
        return self.config.retry if idempotent else NO_RETRY

    def namespace(self, namespace: str | None, *, kind: str, verb: str) -> str:
        """The namespace of a call on one object or collection: the argument, else the config's default."""
        ns = namespace if namespace is not None else self.config.default_namespace
        if not ns:
            raise ValueError(
                f"{verb} {kind}: no namespace given and ClientConfig.default_namespace is not set; "
                f"pass namespace=... or set a default namespace"
            )
        return ns

    def with_namespace(self, obj: M, *, kind: str, verb: str) -> M:
        """`obj`, or a copy of it in the default namespace when its metadata.namespace is empty."""
        if cast(meta_pb2.ObjectMeta, getattr(obj, "metadata")).namespace:  # noqa: B009
            return obj
        namespace = self.namespace(None, kind=kind, verb=verb)
        copy = type(obj)()
        copy.CopyFrom(obj)
        cast(meta_pb2.ObjectMeta, getattr(copy, "metadata")).namespace = namespace  # noqa: B009
        return copy

    def list_namespace(self, namespace: str | None) -> str:
        """The namespace of a list or watch: the argument, else the default, else "" (all namespaces)."""
        if namespace is not None:
            return namespace
        return self.config.default_namespace or ""


class Caller(_Base):
    """Sync calls."""

    def unary(
        self,
        method: grpc.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        *,
        timeout: float | None,
        retry: Retry | None,
        idempotent: bool,
    ) -> Resp:
        deadline = self.timeout(timeout)

        def attempt() -> Resp:
            try:
                return method(request, timeout=deadline, metadata=self.metadata)
            except grpc.RpcError as exc:
                raise from_rpc_error(exc) from exc

        return self.policy(retry, idempotent).call(attempt)


class AsyncCaller(_Base):
    """asyncio calls."""

    async def unary(
        self,
        method: grpc.aio.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        *,
        timeout: float | None,
        retry: Retry | None,
        idempotent: bool,
    ) -> Resp:
        deadline = self.timeout(timeout)

        async def attempt() -> Resp:
            try:
                return await method(request, timeout=deadline, metadata=self.metadata)
            except grpc.RpcError as exc:
                raise from_rpc_error(exc) from exc

        return await self.policy(retry, idempotent).acall(attempt)

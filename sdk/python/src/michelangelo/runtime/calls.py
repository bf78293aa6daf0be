"""Invoking one RPC: metadata, deadline, retry policy, idempotency key and error mapping (sync and asyncio).

The generated sub-clients call through a `Caller` (sync) or `AsyncCaller`
(asyncio). `timeout=None` and `retry=None` mean "the config's default". One
call is one logical call: `timeout` bounds all its attempts and waits, and a
write sends one `idempotency-key` on every attempt, so the server applies it
at most once however often it is retried.

Request metadata of an attempt: the caller's `metadata=` pairs, then
`authorization` (from the config's token or token provider, asked per
attempt), then `idempotency-key` (writes). The SDK owns the last two: passing
`idempotency-key` in `metadata` raises ValueError (use `idempotency_key=`),
and so does `authorization` when the config has credentials of its own.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
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

Metadata = Sequence[tuple[str, str | bytes]]
"""Extra request metadata of one call: (key, value) pairs; keys lower-case, `-bin` keys take bytes."""

AUTHORIZATION = "authorization"
IDEMPOTENCY_KEY = "idempotency-key"


def new_idempotency_key() -> str:
    """A fresh key for one logical write: a random UUID4."""
    return str(uuid.uuid4())


class _Base:
    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self._loopback = config.is_loopback

    def timeout(self, timeout: float | None) -> float | None:
        return self.config.timeout if timeout is None else timeout

    def policy(self, retry: Retry | None, retryable: bool = True) -> Retry:
        """The call's policy: `retry` when given (for any method), else the config's for a retryable method."""
        if retry is not None:
            return retry
        return self.config.retry if retryable else NO_RETRY

    def stream_deadline(self, timeout: float | None) -> float | None:
        """A custom stream has no deadline unless the call gives one (the config's timeout does not apply)."""
        return timeout

    def user_metadata(self, metadata: Metadata | None) -> tuple[tuple[str, str | bytes], ...]:
        """The caller's extra metadata, checked against the keys the SDK owns."""
        out = tuple((str(k), v) for k, v in metadata or ())
        for key, _ in out:
            lower = key.lower()
            if lower == IDEMPOTENCY_KEY:
                raise ValueError("pass the idempotency key as idempotency_key=..., not in metadata")
            if lower == AUTHORIZATION:
                if self.config.has_credentials:
                    raise ValueError(
                        "metadata sets 'authorization' but the ClientConfig has a token or token_provider; "
                        "use one or the other"
                    )
                if not self.config.tls and not self.config.allow_insecure_token and not self._loopback:
                    raise ValueError(
                        f"refusing to send 'authorization' in plaintext to {self.config.where!r} "
                        "(not a loopback address); use tls=True or ClientConfig(allow_insecure_token=True)"
                    )
        return out

    def attempt_metadata(
        self, user: tuple[tuple[str, str | bytes], ...], idempotency_key: str | None
    ) -> tuple[tuple[str, str | bytes], ...]:
        """The metadata of one attempt: the caller's, the credentials (asked now), the write's key."""
        key = ((IDEMPOTENCY_KEY, idempotency_key),) if idempotency_key is not None else ()
        return (*user, *self.config.metadata(), *key)

    def stream_metadata(self, metadata: Metadata | None) -> tuple[tuple[str, str | bytes], ...]:
        """The metadata of opening one watch stream."""
        return self.attempt_metadata(self.user_metadata(metadata), None)

    @staticmethod
    def write_key(write: bool, idempotency_key: str | None) -> str | None:
        if not write:
            if idempotency_key is not None:
                raise ValueError("idempotency_key applies to writes only")
            return None
        if idempotency_key is None:
            return new_idempotency_key()
        if not idempotency_key:
            raise ValueError("idempotency_key must not be empty (None: a fresh key per call)")
        return idempotency_key

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
        metadata: Metadata | None = None,
        write: bool = False,
        idempotency_key: str | None = None,
        retryable: bool = True,
    ) -> Resp:
        """One logical call: `write` calls send `idempotency_key` (default: a fresh UUID4) on every attempt.

        A call that is not `retryable` (a non-idempotent custom method) is attempted once unless `retry` is given.
        """
        user = self.user_metadata(metadata)
        key = self.write_key(write, idempotency_key)

        def attempt(attempt_timeout: float | None) -> Resp:
            md = self.attempt_metadata(user, key)
            try:
                return method(request, timeout=attempt_timeout, metadata=md)
            except grpc.RpcError as exc:
                raise from_rpc_error(exc) from exc

        return self.policy(retry, retryable).run(attempt, timeout=self.timeout(timeout))

    def stream(
        self,
        method: grpc.UnaryStreamMultiCallable[Req, Resp],
        request: Req,
        *,
        timeout: float | None,
        metadata: Metadata | None = None,
        write: bool = False,
        idempotency_key: str | None = None,
    ) -> Iterator[Resp]:
        """The messages of one server-streaming call, never retried or resumed; closing the iterator cancels it.

        No deadline unless `timeout` is given. Errors are raised as `ApiError`s.
        """
        md = self.attempt_metadata(self.user_metadata(metadata), self.write_key(write, idempotency_key))
        return self._stream(method, request, self.stream_deadline(timeout), md)

    @staticmethod
    def _stream(
        method: grpc.UnaryStreamMultiCallable[Req, Resp],
        request: Req,
        timeout: float | None,
        md: tuple[tuple[str, str | bytes], ...],
    ) -> Iterator[Resp]:
        call = method(request, timeout=timeout, metadata=md)
        try:
            yield from call
        except grpc.RpcError as exc:
            raise from_rpc_error(exc) from exc
        finally:
            call.cancel()  # type: ignore[no-untyped-call]  # a no-op once the stream has ended


class AsyncCaller(_Base):
    """asyncio calls."""

    async def unary(
        self,
        method: grpc.aio.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        *,
        timeout: float | None,
        retry: Retry | None,
        metadata: Metadata | None = None,
        write: bool = False,
        idempotency_key: str | None = None,
        retryable: bool = True,
    ) -> Resp:
        """The asyncio form of `Caller.unary`."""
        user = self.user_metadata(metadata)
        key = self.write_key(write, idempotency_key)

        async def attempt(attempt_timeout: float | None) -> Resp:
            md = self.attempt_metadata(user, key)
            try:
                return await method(request, timeout=attempt_timeout, metadata=md)
            except grpc.RpcError as exc:
                raise from_rpc_error(exc) from exc

        return await self.policy(retry, retryable).arun(attempt, timeout=self.timeout(timeout))

    def stream(
        self,
        method: grpc.aio.UnaryStreamMultiCallable[Req, Resp],
        request: Req,
        *,
        timeout: float | None,
        metadata: Metadata | None = None,
        write: bool = False,
        idempotency_key: str | None = None,
    ) -> AsyncIterator[Resp]:
        """The asyncio form of `Caller.stream`: an async iterator; `aclose()` (or leaving `async for`) cancels."""
        md = self.attempt_metadata(self.user_metadata(metadata), self.write_key(write, idempotency_key))
        return self._stream(method, request, self.stream_deadline(timeout), md)

    @staticmethod
    async def _stream(
        method: grpc.aio.UnaryStreamMultiCallable[Req, Resp],
        request: Req,
        timeout: float | None,
        md: tuple[tuple[str, str | bytes], ...],
    ) -> AsyncIterator[Resp]:
        call = method(request, timeout=timeout, metadata=md)
        try:
            async for message in call:
                yield message
        except grpc.RpcError as exc:
            raise from_rpc_error(exc) from exc
        finally:
            call.cancel()

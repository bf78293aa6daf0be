"""gRPC (grpc.aio) transport: generic handlers for every v2 service, health, reflection.

Handlers are built from the model, not from generated servicer classes, so a
new resource is served as soon as its generated module exists. Requests
arrive as raw bytes and are parsed in the handler: malformed input becomes
INVALID_ARGUMENT rather than the runtime's INTERNAL "Exception deserializing
request". An `ApiError` ends the call with its code and message plus, in the
`grpc-status-details-bin` trailer, a `google.rpc.Status` carrying a
`google.rpc.BadRequest` with the field violations (what grpcio-status'
`rpc_status.to_status` produces, hand-rolled to avoid the dependency).
Before it is sent the error is scrubbed of the request's sensitive values and
cut to fit `errors.ERROR_BUDGET_BYTES` of trailers (`errors.fit`), so a long
name or many violations still reach the client as INVALID_ARGUMENT rather
than the client's RESOURCE_EXHAUSTED for oversized metadata.

Request size: the gRPC transport accepts up to `TRANSPORT_MAX_RECEIVE` bytes and
the API handlers refuse a request over `MAX_REQUEST_BYTES` (gRPC's usual 4 MiB)
with RESOURCE_EXHAUSTED and no RetryInfo, as gRPC's own limit would, but after
the call is journaled, so the conformance suite can count the attempts of an
oversized write. Beyond the transport limit gRPC itself answers the same code.
In the same place, before the request is parsed or admitted to the offload
gate, a Create / Update / UpdateStatus whose object field alone, as sent, is
over `--max-object-bytes` is INVALID_ARGUMENT (`limits.sent_object_bytes`, a
scan of tags and lengths) and a List / Watch / DeleteCollection request over
`selectors.MAX_LIST_REQUEST_BYTES` is INVALID_ARGUMENT naming its largest
option; neither is parsed for its sensitive values either. Other errors take
those values from the parsed request rather than parsing it again.

Unknown fields (field numbers the schema lacks) of a write carrying an object
are never stored: dropped with a `warning` trailing metadata entry per field,
dropped silently, or refused with INVALID_ARGUMENT, as the request's
`field-validation: Warn|Ignore|Strict` metadata asks (`ma_server.field_validation`).

With bearer-token authentication on (`AppState.auth`), the API handlers check
the `authorization` metadata first, in the same wrapper: a missing or wrong
token ends the call with UNAUTHENTICATED before any fault injection or handler.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any, NoReturn

import grpc
from google.protobuf import any_pb2
from google.protobuf.message import DecodeError, Message
from google.rpc import error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1._async import HealthServicer
from grpc_reflection.v1alpha import reflection

from ma_server import field_validation, limits, offload
from ma_server.app import AppState
from ma_server.auth import Authenticator, authorization_of
from ma_server.conformance import SERVICE as CONTROL_SERVICE
from ma_server.conformance import ConformanceState, parse_body
from ma_server.errors import ApiError, fit, redact, storage_fault, unavailable
from ma_server.idempotency import WRITE_VERBS, IdempotencyGate, identity_from_metadata, key_from_metadata
from ma_server.metrics import Metrics
from ma_server.model import Method, Resource, sensitive_values
from ma_server.resources import ResourceHandler, decode_request
from ma_server.selectors import MAX_LIST_REQUEST_BYTES, list_request_too_large
from ma_server.storage import StorageClosedError

log = logging.getLogger("ma_server.grpc")

STATUS_DETAILS_KEY = "grpc-status-details-bin"
MAX_REQUEST_BYTES = 4 * 1024 * 1024
TRANSPORT_MAX_RECEIVE = 16 * 1024 * 1024
Context = grpc.aio.ServicerContext[Any, Any]


def _wire_text(text: str) -> str:
    # gRPC sends UTF-8; a lone surrogate (possible only in text from HTTP JSON) is escaped, not an encoding error.
    return text if text.isascii() else text.encode("utf-8", "backslashreplace").decode("utf-8")


def _percent_encoded_len(text: str) -> int:
    """Length of `text` as grpc-message on the wire: bytes outside printable ASCII, and '%', as %XX."""
    return sum(1 if 0x20 <= b <= 0x7E and b != 0x25 else 3 for b in _wire_text(text).encode("utf-8"))


def wire_size(error: ApiError) -> int:
    """Bytes the error's grpc-message and base64 grpc-status-details-bin take in the trailers."""
    return _percent_encoded_len(error.message) + 4 * ((len(status_details(error)) + 2) // 3)


def status_details(error: ApiError) -> bytes:
    """The serialized google.rpc.Status for an error (BadRequest detail when there are violations,
    RetryInfo when the error asks for a retry delay)."""
    status = status_pb2.Status(code=error.code.value[0], message=_wire_text(error.message))
    if error.retry_delay_ms is not None:
        info = error_details_pb2.RetryInfo()
        info.retry_delay.FromMilliseconds(error.retry_delay_ms)
        retry = any_pb2.Any()
        retry.Pack(info)
        status.details.append(retry)
    if error.violations:
        bad = error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(
                    field=_wire_text(v.field), description=_wire_text(v.description)
                )
                for v in error.violations
            ]
        )
        detail = any_pb2.Any()
        detail.Pack(bad)
        status.details.append(detail)
    data: bytes = status.SerializeToString()
    return data


async def abort(context: Context, error: ApiError, secrets: Iterable[str] = ()) -> NoReturn:
    """End the call with `error`, without `secrets` (sensitive request values) and within the trailer budget."""
    error = fit(error, wire_size, secrets)
    details = status_details(error)
    await context.abort(error.code, _wire_text(error.message), trailing_metadata=((STATUS_DETAILS_KEY, details),))
    raise AssertionError("unreachable: abort raises")  # for the type checker


def _serialize(msg: Message | bytes) -> bytes:
    # A large response arrives already serialized (in the offload pool, see `invoke`).
    return msg if isinstance(msg, bytes) else msg.SerializeToString()


def _identity(data: bytes) -> bytes:
    return data


UnaryFn = Callable[..., Awaitable[Message]]  # (request) for reads, (request, idem) for writes
# Writes whose request carries an object: their unknown fields follow the caller's field validation.
_OBJECT_VERBS = frozenset({"create", "update", "update_status"})
# Requests carrying list options: bounded in bytes by their options' limits (`selectors.MAX_LIST_REQUEST_BYTES`).
_LIST_VERBS = frozenset({"list", "delete_collection"})


def _code_of(exc: Exception) -> str:
    """The status code name a failed call ends with, for the metrics label."""
    if isinstance(exc, ApiError):
        return exc.code.name
    if isinstance(exc, StorageClosedError):
        return "UNAVAILABLE"
    if (fault := storage_fault(exc)) is not None:
        return fault.code.name
    if isinstance(exc, grpc.aio.AbortError):
        return "UNKNOWN"
    return "INTERNAL"


def _secrets(request_class: type[Message], request: bytes) -> list[str]:
    """The request's sensitive values, to keep out of its error (parsed again: on the error path only)."""
    if len(request) > MAX_REQUEST_BYTES:
        return []  # never parsed, so never echoed
    try:
        return sensitive_values(request_class.FromString(request))
    except (DecodeError, RuntimeError, ValueError):
        return []  # not parseable: the error names no value from it


async def _abort_for(
    context: Context, method: str, exc: Exception, secrets: Callable[[], Iterable[str]] = tuple
) -> NoReturn:
    """End the call with the status `exc` maps to: API errors as themselves (without `secrets()`),
    storage faults as `errors.storage_fault` names them, anything else INTERNAL."""
    if isinstance(exc, ApiError):
        await abort(context, exc, secrets())
    if isinstance(exc, StorageClosedError):
        await abort(context, unavailable("server shutting down"))
    if (fault := storage_fault(exc)) is not None:
        await abort(context, fault)  # a storage fault: a named status, never INTERNAL
    if isinstance(exc, grpc.aio.AbortError):
        raise exc  # an abort already under way (e.g. from the conformance control)
    # The traceback as text, without the request's sensitive values (an exception message may quote one).
    trace = redact("".join(traceback.format_exception(exc)), secrets())
    log.error("internal error", extra={"fields": {"method": method, "exc": trace}})
    await context.abort(grpc.StatusCode.INTERNAL, "internal error")
    raise exc


class _CallMetrics:
    """Pre-bound metric children of one method, so a call pays no label lookup.

    Recorded here in the handler wrapper rather than by a grpc.aio interceptor:
    an interceptor builds a new method handler for every call, which cost a
    measurable share of Get throughput (see bench/server_bench.py).
    """

    def __init__(self, metrics: Metrics, method: str) -> None:
        self._metrics = metrics
        self._method = method
        self.latency = metrics.latency.labels(method)
        self.watches = metrics.active_watches.labels(method)
        self._counts: dict[str, Any] = {}

    def count(self, code: str) -> None:
        counter = self._counts.get(code)
        if counter is None:
            counter = self._counts[code] = self._metrics.requests.labels(self._method, code)
        counter.inc()


class _Unparsed(Exception):
    """An error for a request refused before it was parsed (so it is not parsed for its secrets either)."""

    def __init__(self, error: ApiError) -> None:
        super().__init__(error.message)
        self.error = error


def _object_numbers(request_class: type[Message], object_field: str) -> tuple[int, int, int] | None:
    """Field numbers of the request's object, its `metadata` and that one's `name`, for a wire scan."""
    obj = request_class.DESCRIPTOR.fields_by_name.get(object_field)
    meta = obj.message_type.fields_by_name.get("metadata") if obj is not None and obj.message_type else None
    name = meta.message_type.fields_by_name.get("name") if meta is not None and meta.message_type else None
    if obj is None or meta is None or name is None:
        return None
    return obj.number, meta.number, name.number


def _list_refusal(request_class: type[Message]) -> Callable[[bytes], ApiError]:
    """The refusal of a list request over `MAX_LIST_REQUEST_BYTES`, naming its largest option (a wire scan)."""
    options = request_class.DESCRIPTOR.fields_by_name.get("options")
    names = {f.number: f.json_name for f in options.message_type.fields} if options and options.message_type else {}

    def refusal(request: bytes) -> ApiError:
        number = limits.largest_field(request, options.number) if options is not None else 0
        return list_request_too_large(len(request), names.get(number, ""))

    return refusal


def _unary(
    method: Method,
    fn: UnaryFn,
    conformance: ConformanceState | None,
    metrics: Metrics,
    auth: Authenticator | None,
    gate: IdempotencyGate | None = None,
    object_field: str = "",
    kind: str = "",
    max_object_bytes: int = limits.MAX_OBJECT_BYTES,
) -> grpc.RpcMethodHandler[Any, Any]:
    m = _CallMetrics(metrics, method.full_name)
    keyed = gate is not None and method.verb in WRITE_VERBS
    carries_object = method.verb in _OBJECT_VERBS
    root = object_field if carries_object else ""
    numbers = _object_numbers(method.request_class, root) if carries_object else None
    listing = method.verb in _LIST_VERBS
    list_too_large = _list_refusal(method.request_class)

    async def invoke(request: bytes, metadata: Any, context: Context, decoded: list[Message]) -> Message | bytes:
        if len(request) > MAX_REQUEST_BYTES:
            raise ApiError(
                grpc.StatusCode.RESOURCE_EXHAUSTED,
                f"request message larger than max ({len(request)} vs. {MAX_REQUEST_BYTES} bytes)",
            )
        if listing and len(request) > MAX_LIST_REQUEST_BYTES:
            raise _Unparsed(list_too_large(request))  # before it is parsed or admitted
        if numbers is not None and len(request) > max_object_bytes:
            # Refused before it is parsed or admitted: its object alone, as sent, is over the limit.
            sent = limits.sent_object_bytes(request, numbers[0], max_object_bytes)
            if sent:
                name = limits.sent_name(request, *numbers)
                raise _Unparsed(limits.object_too_large_as_sent(kind, name, root, sent, max_object_bytes))
        mode = field_validation.mode_from_metadata(metadata) if carries_object else None
        # A large request is admitted (bounded bytes at once) and its CPU work runs off the loop.
        async with offload.admit(len(request)):
            req = await offload.run(decode_request, method.request_class, request)
            decoded.append(req)
            if mode is not None:
                warnings = await offload.run(field_validation.check_message, req, mode, root, request)
                if warnings:
                    context.set_trailing_metadata(tuple((field_validation.WARNING_METADATA, w) for w in warnings))
            key = key_from_metadata(metadata) if keyed else None
            if key is None or gate is None:
                result = await fn(req)
            else:
                result = await gate.run(
                    method=method.full_name,
                    key=key,
                    caller=identity_from_metadata(metadata, auth is not None),
                    request=req,
                    response_class=method.response_class,
                    call=lambda pending: fn(req, pending),
                )
            return await offload.run(_serialize, result) if offload.heavy() else result

    async def call(request: bytes, context: Context) -> Message | bytes:
        start = time.perf_counter()
        code = "OK"
        rec = None
        decoded: list[Message] = []  # the parsed request, once it is: its error path reads it, not the bytes
        try:
            if conformance is not None:
                rec = conformance.record(method.full_name, context.time_remaining(), context.invocation_metadata())
            if auth is not None:  # after the journal record, before the injected faults
                await auth.authenticate(authorization_of(context.invocation_metadata()))
            if conformance is not None:
                await conformance.before_call(method.full_name)
            result = await invoke(request, context.invocation_metadata(), context, decoded)
            if conformance is not None:
                conformance.after_call(method.full_name)  # an injected lost response raises here
            return result
        except asyncio.CancelledError:
            code = "CANCELLED"
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a status; unknown ones INTERNAL, logged
            unparsed = isinstance(exc, _Unparsed)
            if isinstance(exc, _Unparsed):
                exc = exc.error
            code = _code_of(exc)
            if rec is not None:
                # Before the abort: the client may see the status (and ask for the journal)
                # while the abort is still being sent, before `finally` runs.
                rec.finish(code)
            # The request's sensitive values: from the parsed request (off the loop if large); one refused
            # before it was parsed quotes nothing from it but its name; else parsed again (off the loop if large).
            if unparsed:
                secrets: list[str] = []
            elif decoded:
                secrets = await offload.run(sensitive_values, decoded[0], size=len(request))
            else:
                secrets = await offload.run(_secrets, method.request_class, request, size=len(request))
            await _abort_for(context, method.full_name, exc, lambda: secrets)
        finally:
            m.latency.observe(time.perf_counter() - start)
            m.count(code)
            if rec is not None:
                rec.finish(code)

    return grpc.unary_unary_rpc_method_handler(call, request_deserializer=_identity, response_serializer=_serialize)


def _watch(
    method: Method,
    handler: ResourceHandler,
    conformance: ConformanceState | None,
    metrics: Metrics,
    auth: Authenticator | None,
) -> grpc.RpcMethodHandler[Any, Any]:
    m = _CallMetrics(metrics, method.full_name)
    list_too_large = _list_refusal(method.request_class)

    async def call(request: bytes, context: Context) -> AsyncIterator[Message]:
        code = "OK"
        rec = None
        m.watches.inc()
        try:
            if conformance is not None:
                rec = conformance.record(method.full_name, context.time_remaining(), context.invocation_metadata())
            if auth is not None:
                await auth.authenticate(authorization_of(context.invocation_metadata()))
            if conformance is not None:
                await conformance.before_call(method.full_name)
            if len(request) > MAX_LIST_REQUEST_BYTES:
                raise _Unparsed(list_too_large(request))  # before it is parsed
            events = handler.watch(decode_request(method.request_class, request))
            cut = conformance.take_watch_cut(method.full_name) if conformance is not None else None
            sent = 0
            try:
                if cut is not None and cut.after_events == 0:
                    if cut.code is not None:
                        raise ApiError(cut.code, "watch cut by the conformance control")
                    return
                async for ev in events:
                    yield ev
                    sent += 1
                    if cut is not None and sent >= cut.after_events:
                        if cut.code is not None:
                            raise ApiError(cut.code, "watch cut by the conformance control")
                        return
            finally:
                closer = getattr(events, "aclose", None)
                if closer is not None:
                    await closer()
        except (asyncio.CancelledError, GeneratorExit):
            code = "CANCELLED"
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a status; unknown ones INTERNAL, logged
            unparsed = isinstance(exc, _Unparsed)
            if isinstance(exc, _Unparsed):
                exc = exc.error
            code = _code_of(exc)
            if rec is not None:
                # Before the abort: the client may see the status (and ask for the journal)
                # while the abort is still being sent, before `finally` runs.
                rec.finish(code)
            secrets = (lambda: []) if unparsed else (lambda: _secrets(method.request_class, request))
            await _abort_for(context, method.full_name, exc, secrets)
        finally:
            m.watches.dec()
            m.count(code)
            if rec is not None:
                rec.finish(code)

    return grpc.unary_stream_rpc_method_handler(call, request_deserializer=_identity, response_serializer=_serialize)


def resource_service(
    resource: Resource,
    handler: ResourceHandler,
    conformance: ConformanceState | None,
    metrics: Metrics,
    auth: Authenticator | None = None,
    gate: IdempotencyGate | None = None,
) -> grpc.GenericRpcHandler[Any, Any]:
    fns: dict[str, UnaryFn] = {
        "create": handler.create,
        "get": handler.get,
        "update": handler.update,
        "update_status": handler.update_status,
        "delete": handler.delete,
        "delete_collection": handler.delete_collection,
        "list": handler.list,
    }
    methods: dict[str, grpc.RpcMethodHandler[Any, Any]] = {}
    for verb, method in resource.methods.items():
        if verb == "watch":
            methods[method.name] = _watch(method, handler, conformance, metrics, auth)
        else:
            methods[method.name] = _unary(
                method,
                fns[verb],
                conformance,
                metrics,
                auth,
                gate,
                resource.object_field,
                resource.kind,
                getattr(handler, "max_object_bytes", limits.MAX_OBJECT_BYTES),
            )
    return grpc.method_handlers_generic_handler(resource.service_name, methods)


def control_service(state: ConformanceState) -> grpc.GenericRpcHandler[Any, Any]:
    def make(fn: Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]) -> grpc.RpcMethodHandler[Any, Any]:
        async def call(request: bytes, context: Context) -> bytes:
            try:
                return json.dumps(await fn(parse_body(request))).encode()
            except ApiError as e:
                await abort(context, e)

        return grpc.unary_unary_rpc_method_handler(call, request_deserializer=_identity, response_serializer=_identity)

    return grpc.method_handlers_generic_handler(
        CONTROL_SERVICE, {name: make(fn) for name, fn in state.methods().items()}
    )


def add_services(server: grpc.aio.Server, state: AppState) -> HealthServicer:
    """Register every API service, the conformance control (if enabled), health and reflection.

    Only the API services check the bearer token (`state.auth`); health, reflection
    and the conformance control stay open (probes and test drivers carry no token)."""
    handlers = [
        resource_service(r, state.handler(r.kind), state.conformance, state.metrics, state.auth, state.idempotency)
        for r in state.resources
    ]
    if state.conformance is not None:
        handlers.append(control_service(state.conformance))
    server.add_generic_rpc_handlers(handlers)
    health = HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    names = [
        *state.model.service_names,
        health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
        reflection.SERVICE_NAME,
    ]
    reflection.enable_server_reflection(names, server)
    return health


async def set_serving(health: HealthServicer, state: AppState, serving: bool) -> None:
    status = health_pb2.HealthCheckResponse.SERVING if serving else health_pb2.HealthCheckResponse.NOT_SERVING
    for name in ("", *state.model.service_names):
        await health.set(name, status)

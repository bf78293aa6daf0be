"""The ASGI application: fixed endpoints (discovery, OpenAPI, metrics, health),
then the transcoded API routes, all answering in the Kubernetes JSON dialect.

With bearer-token authentication on, every request except the health probes
and /version (`PUBLIC_PATHS`, what Kubernetes' system:public-info-viewer role
opens to anyone) needs `Authorization: Bearer <token>`; it is checked before
routing, so an unauthenticated client learns nothing about the paths (401
`Status`, reason Unauthorized). Discovery, OpenAPI and /metrics stay behind
the token, as in Kubernetes.

Unknown JSON keys of a Create / Update / UpdateStatus / PATCH body follow the
`fieldValidation` query parameter (`ma_server.field_validation`): `Warn` (the
default) drops them with a `Warning: 299 - "unknown field \"spec.foo\""`
header each, `Ignore` drops them silently, `Strict` answers 400 naming them."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import traceback
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import parse_qsl

import grpc
from google.protobuf import message_factory
from google.protobuf.message import Message as ProtoMessage
from prometheus_client import CollectorRegistry

from ma_server import field_validation, limits, offload
from ma_server.auth import INVALID_MESSAGE, Authenticator
from ma_server.errors import ApiError, redact, storage_fault
from ma_server.http import k8s_json, patch
from ma_server.http.asgi import JSON, BodyTooLarge, ClientGone, Receive, Scope, Send, header, read_body, respond
from ma_server.http.backend import Backend, TwoPhaseWatch
from ma_server.http.catalog import (
    ROLE_CREATE,
    ROLE_GET,
    ROLE_LIST,
    ROLE_UPDATE,
    ROLE_WATCH,
    Binding,
    Catalog,
    Resource,
)
from ma_server.http.endpoints import Endpoints, NotFoundHere, NotReady
from ma_server.http.metrics import LATENCY, REQUESTS, WATCHES
from ma_server.http.routes import ACTION_GET_VIA, ACTION_PATCH, NoRoute, Route, Router
from ma_server.http.template import split_path
from ma_server.http.transcode import TranscodeError, build_request, parse_json_body
from ma_server.http.watch import close, next_event, pump
from ma_server.idempotency import HTTP_HEADER, WRITE_VERBS, IdempotencyGate, Pending, check_key, identity
from ma_server.model import sensitive_json_values, sensitive_values
from ma_server.readiness import Readiness

log = logging.getLogger("ma_server.http")

JsonObj = dict[str, Any]

# A PATCH without its own resourceVersion is retried on a concurrent write, as the
# Kubernetes API server does; a few attempts are enough for any realistic contention.
PATCH_ATTEMPTS = 5
MAX_QUERY_FIELDS = 1000
_KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Media types of POST / PUT / DELETE bodies (PATCH takes `patch.SUPPORTED`); anything else is
# 415 Unsupported Media Type, as Kubernetes answers, rather than being read as JSON anyway.
BODY_MEDIA_TYPES: tuple[str, ...] = (JSON,)
UNSUPPORTED_MEDIA_TYPE = (
    "the body of the request was in an unknown format ({ctype}) - accepted media types include: {accepted}"
)
# Roles whose body is an object: unknown keys follow `fieldValidation` (Warn, Ignore or Strict).
OBJECT_ROLES = frozenset({ROLE_CREATE, ROLE_UPDATE, "update_status"})
# Served without a bearer token when authentication is on (decoded request paths).
PUBLIC_PATHS = frozenset({"/healthz", "/livez", "/readyz", "/version"})


@dataclass
class _Tags:
    """What the metrics record about one request, filled in while it is handled."""

    route: str = "unmatched"
    watch: bool = False


class HttpError(Exception):
    """An error answered directly with a Status (not from the handlers)."""

    def __init__(self, code: int, message: str, extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.extra_headers = code, message, extra_headers or []


class HttpApp:
    def __init__(
        self,
        catalog: Catalog,
        backend: Backend,
        *,
        max_object_bytes: int = limits.MAX_OBJECT_BYTES,
        max_body_bytes: int | None = None,
        max_watch_seconds: float = 1800.0,
        first_event_grace_seconds: float = 0.1,
        registries: Sequence[CollectorRegistry] = (),
        auth: Authenticator | None = None,
        idempotency: IdempotencyGate | None = None,
        readiness: Readiness | None = None,
    ) -> None:
        self.catalog = catalog
        self.auth = auth
        self.idempotency = idempotency
        self.backend = backend
        self.router = Router(catalog)
        # Bodies are read up to what an object within the stored-size limit can take as JSON, no further.
        self.max_object_bytes = max_object_bytes
        self.max_body_bytes = limits.http_body_limit(max_object_bytes) if max_body_bytes is None else max_body_bytes
        # Kubernetes API servers end every watch after a while (--min-request-timeout);
        # clients re-watch from their last version. The same cap keeps our loops bounded.
        self.max_watch_seconds = max_watch_seconds
        self.first_event_grace_seconds = first_event_grace_seconds
        self._stopping = asyncio.Event()
        self.endpoints = Endpoints(catalog, registries, readiness)

    def stop(self) -> None:
        """End every open watch stream (called when the server shuts down)."""
        self._stopping.set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        tags = _Tags()
        code = 500
        try:
            code = await self._handle(scope, receive, send, tags)
        finally:
            method = str(scope.get("method", ""))
            method = method if method in _KNOWN_METHODS else "OTHER"  # bounded label values
            REQUESTS.labels(method, tags.route, str(code)).inc()
            if not tags.watch:
                LATENCY.labels(method, tags.route).observe(time.perf_counter() - started)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        for _ in range(2):  # startup, then shutdown
            msg = await receive()
            if msg["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif msg["type"] == "lifespan.shutdown":
                self.stop()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _handle(self, scope: Scope, receive: Receive, send: Send, tags: _Tags) -> int:
        try:
            return await self._dispatch(scope, receive, send, tags)
        except HttpError as exc:
            body = k8s_json.status(exc.code, exc.message)
            return await respond(send, exc.code, k8s_json.dumps(body), extra=exc.extra_headers)
        except ClientGone:
            return 499  # nobody to answer; recorded in the metrics only
        except BodyTooLarge:
            # Kubernetes' words; the body was not read beyond the limit, nor parsed.
            msg = (
                f"Request entity too large: the request body is over {self.max_body_bytes} bytes, more than"
                f" an object within the limit takes as JSON; limit is {self.max_object_bytes} (--max-object-bytes)"
            )
            return await respond(send, 413, k8s_json.dumps(k8s_json.status(413, msg)))

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send, tags: _Tags) -> int:
        if self.auth is not None and scope["path"] not in PUBLIC_PATHS:
            await self._authenticate(scope)
        verb = str(scope["method"]).upper()
        raw_path = scope.get("raw_path") or str(scope["path"]).encode("utf-8")
        try:
            parts = split_path(raw_path)
            query = parse_qsl(
                bytes(scope.get("query_string", b"")).decode("latin-1"),
                keep_blank_values=True,
                encoding="utf-8",
                errors="strict",
                max_num_fields=MAX_QUERY_FIELDS,
            )
        except (UnicodeDecodeError, ValueError) as exc:
            raise HttpError(400, f"malformed request URL: {exc}") from exc

        fixed = self.endpoints.match(parts)
        if fixed is not None:
            tags.route, handler = fixed
            if verb not in ("GET", "HEAD"):
                raise HttpError(405, f"{verb} is not supported on this path", [(b"allow", b"GET")])
            try:
                content, ctype = handler()
            except NotFoundHere as exc:
                raise HttpError(404, str(exc)) from exc
            except NotReady as exc:
                raise HttpError(503, str(exc)) from exc
            return await respond(send, 200, content, ctype)

        try:
            route, path_vars = self.router.match(verb, parts)
        except NoRoute as exc:
            if exc.allowed:
                allow = ", ".join(exc.allowed).encode()
                raise HttpError(405, f"{verb} is not supported on this path", [(b"allow", allow)]) from exc
            raise HttpError(404, "the server could not find the requested resource") from exc
        tags.route = route.template.raw
        binding = route.binding
        if route.action == ACTION_PATCH:
            return await self._patch(scope, receive, send, route, path_vars, query)
        if route.action == ACTION_GET_VIA:
            return await self._call(send, binding, path_vars_for(route, path_vars), query, None, scope)

        is_watch_param = _watch_requested(query)
        if binding.role == ROLE_LIST and is_watch_param:
            if route.watch_binding is None:
                raise HttpError(405, "watch is not supported on this path")
            binding = route.watch_binding
        if binding.role == ROLE_WATCH:
            tags.watch = True
            query = [(k, v) for k, v in query if k != "watch"]
            return await self._watch(scope, receive, send, binding, path_vars, query)

        body: Any = None
        raw = b""
        if verb in ("POST", "PUT", "PATCH", "DELETE"):
            raw = await read_body(receive, self.max_body_bytes, scope)
        # A large body is admitted (bounded bytes at once) and its CPU work runs off the loop.
        try:
            async with offload.admit(len(raw)):
                if raw.strip():
                    _check_media_type(scope, BODY_MEDIA_TYPES, default=JSON)
                    body = await offload.run(self._decode, raw)
                return await self._call(send, binding, path_vars, query, body, scope)
        except ApiError as err:  # the admission gate's "server busy" (the handler's own are answered in _call)
            res = binding.resource
            body = k8s_json.status_from_api_error(err, kind=res.kind, plural=res.plural, group=res.group)
            wait = [(b"retry-after", str(-(-(err.retry_delay_ms or 0) // 1000)).encode())] if err.retry_delay_ms else []
            return await respond(send, err.http_status, k8s_json.dumps(body), extra=wait)

    async def _authenticate(self, scope: Scope) -> None:
        assert self.auth is not None
        try:
            await self.auth.authenticate(header(scope, b"authorization"))
        except ApiError as err:
            challenge = b'Bearer realm="ma-server"'
            if err.message == INVALID_MESSAGE:
                challenge += b', error="invalid_token"'
            raise HttpError(401, err.message, [(b"www-authenticate", challenge)]) from None

    def _decode(self, raw: bytes) -> Any:
        try:
            return parse_json_body(raw)
        except TranscodeError as exc:
            raise HttpError(400, str(exc)) from exc

    async def _invoke(self, binding: Binding, request: ProtoMessage, role: str | None = None) -> ProtoMessage:
        return await self.backend.call(binding.resource, role or binding.role, request)

    async def _call_backend(self, binding: Binding, request: ProtoMessage, pending: Pending | None) -> ProtoMessage:
        if pending is None:  # backends without idempotency support need not take the argument
            return await self.backend.call(binding.resource, binding.role, request)
        return await self.backend.call(binding.resource, binding.role, request, pending)

    def _idempotency_key(self, scope: Scope | None, role: str) -> str | None:
        """The request's validated `Idempotency-Key` when the call is a write and keys are on."""
        if scope is None or self.idempotency is None or role not in WRITE_VERBS:
            return None
        for k, v in scope.get("headers", []):
            if k.lower() == b"idempotency-key":
                return check_key(bytes(v).decode("latin-1").strip(), f"{HTTP_HEADER} header")
        return None

    async def _invoke_keyed(
        self,
        binding: Binding,
        request: ProtoMessage,
        scope: Scope | None,
        call: Any = None,
        *,
        source: bytes | None = None,
        dry_run: bool | None = None,
    ) -> ProtoMessage:
        """`_invoke`, through the idempotency gate when the request carries a key.

        `call(pending)` replaces the plain handler call (PATCH runs its own loop)."""
        key = self._idempotency_key(scope, binding.role)
        if call is None:

            async def call(pending: Pending | None) -> ProtoMessage:
                return await self._call_backend(binding, request, pending)

        if key is None or scope is None or self.idempotency is None:
            result: ProtoMessage = await call(None)
            return result
        md = binding.method
        return await self.idempotency.run(
            method=f"/{md.containing_service.full_name}/{md.name}",
            key=key,
            caller=identity(header(scope, b"authorization"), self.auth is not None),
            request=request,
            response_class=message_factory.GetMessageClass(md.output_type),
            call=call,
            source=source,
            dry_run=dry_run,
        )

    async def _call(
        self,
        send: Send,
        binding: Binding,
        path_vars: dict[str, str],
        query: list[tuple[str, str]],
        body: Any,
        scope: Scope | None = None,
    ) -> int:
        res = binding.resource
        mode = _field_validation(query) if binding.role in OBJECT_ROLES else None
        unknown: list[str] | None = [] if mode is not None else None
        try:
            request = await offload.run(build_request, binding, path_vars, query, body, unknown)
        except TranscodeError as exc:
            raise HttpError(400, redact(str(exc), sensitive_json_values(body, query))) from exc
        warnings = _unknown_field_warnings(mode, unknown, sensitive_json_values(body, query))
        try:
            result = await self._invoke_keyed(binding, request, scope)
        except ApiError as err:
            secrets = sensitive_values(request)
            return await self._api_error(send, err, res, _object_name(path_vars, body), secrets)
        except Exception as exc:  # noqa: BLE001 - logged (redacted) and answered 500
            if (fault := storage_fault(exc)) is not None:  # a storage fault: 503 / 507, never 500
                return await self._api_error(send, fault, res, _object_name(path_vars, body))
            # The traceback as text, without the request's sensitive values (an exception message may quote one).
            trace = redact("".join(traceback.format_exception(exc)), sensitive_values(request))
            log.error("HTTP %s %s failed", binding.verb, binding.method.full_name, extra={"fields": {"exc": trace}})
            raise HttpError(500, "internal error") from None
        code = 201 if binding.verb == "POST" else 200
        return await respond(send, code, await _render(result, res.api_version), extra=warnings)

    async def _api_error(self, send: Send, err: ApiError, res: Resource, name: str, secrets: Iterable[str] = ()) -> int:
        """Answer an API error with its Status, without `secrets` (the request's sensitive values)."""
        body = k8s_json.status_from_api_error(
            err, name=name, kind=res.kind, plural=res.plural, group=res.group, secrets=secrets
        )
        retry_after = k8s_json.retry_after_seconds(err)  # as Kubernetes sends details.retryAfterSeconds
        extra = [(b"retry-after", str(retry_after).encode())] if retry_after else None
        return await respond(send, err.http_status, k8s_json.dumps(body), extra=extra)

    async def _patch(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        route: Route,
        path_vars: dict[str, str],
        query: list[tuple[str, str]],
    ) -> int:
        ctype = _check_media_type(scope, patch.SUPPORTED)
        raw = await read_body(receive, self.max_body_bytes, scope)
        doc = self._decode(raw)
        binding, get_binding = route.binding, route.get_binding
        assert get_binding is not None
        res = binding.resource
        name = _object_name(path_vars, None)
        try:
            get_req = build_request(get_binding, route.get_vars(path_vars), [])
        except TranscodeError as exc:
            raise HttpError(400, str(exc)) from exc
        own_version = patch.sets_resource_version(ctype, doc)
        patched_values: list[str] = []  # sensitive values of the patched objects, kept out of errors
        mode = _field_validation(query)
        warnings: list[tuple[bytes, bytes]] = []

        async def attempts(pending: Pending | None) -> ProtoMessage:
            for attempt in range(PATCH_ATTEMPTS):
                try:
                    current = await self._invoke(get_binding, get_req, ROLE_GET)
                    # A patch of a large object, or with many operations, is applied off the loop; the
                    # patched object is read (for its sensitive values, then into a request) where its
                    # own size says. A JSON patch's copies share their values, so they cost little.
                    size = patch.cost(ctype, doc, current.ByteSize(), len(raw))
                    try:
                        patched, patched_size = await offload.run(
                            _patched, ctype, current, res.api_version, doc, size=size
                        )
                    except (patch.PatchError, RecursionError) as exc:
                        raise HttpError(422, redact(f"cannot apply patch: {exc}", secrets())) from None
                    if not isinstance(patched, dict):
                        raise HttpError(422, "the patched object is not a JSON object")
                    if patched_size is not None:
                        size = patched_size
                    patched_values[:] = await offload.run(sensitive_json_values, patched, size=size)
                    unknown: list[str] = []
                    try:
                        request = await offload.run(
                            build_request, binding, path_vars, query, patched, unknown, size=size
                        )
                    except TranscodeError as exc:
                        raise HttpError(422, redact(f"the patched object is invalid: {exc}", secrets())) from exc
                    warnings[:] = _unknown_field_warnings(mode, unknown, secrets())
                    result: ProtoMessage = await self._call_backend(binding, request, pending)
                    return result
                except ApiError as err:
                    if err.code == grpc.StatusCode.ABORTED and not own_version and attempt + 1 < PATCH_ATTEMPTS:
                        continue  # someone wrote in between: patch the newer version
                    raise
            raise AssertionError("unreachable: the last attempt returns or raises")

        def secrets() -> list[str]:
            return sensitive_json_values(doc, query) + patched_values

        # The patched request depends on the stored object, so a repeat is recognised by the patch itself.
        source = json.dumps([ctype, path_vars, query, doc], sort_keys=True, default=str).encode()
        dry_run = any(k == "dryRun" for k, _ in query)
        try:
            result = await self._invoke_keyed(binding, get_req, scope, attempts, source=source, dry_run=dry_run)
        except ApiError as err:
            return await self._api_error(send, err, res, name, secrets())
        except HttpError:
            raise
        except Exception as exc:
            if (fault := storage_fault(exc)) is not None:
                return await self._api_error(send, fault, res, name)
            log.exception("HTTP PATCH %s failed", binding.method.full_name)
            raise HttpError(500, "internal error") from None
        return await respond(send, 200, await _render(result, res.api_version), extra=warnings)

    async def _watch(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        binding: Binding,
        path_vars: dict[str, str],
        query: list[tuple[str, str]],
    ) -> int:
        res = binding.resource
        try:
            request = build_request(binding, path_vars, query, None)
        except TranscodeError as exc:
            raise HttpError(400, str(exc)) from exc
        # Request errors (bad selector, expired or too new version, too many watches) and storage
        # faults (503 / 507) are answered as plain HTTP errors; after the headers are out they
        # become ERROR events.
        if hasattr(self.backend, "open_watch"):  # the core: the watch starts (or fails) before the headers
            try:
                events: AsyncIterator[ProtoMessage] = await cast(TwoPhaseWatch, self.backend).open_watch(res, request)
            except ApiError as err:
                return await self._api_error(send, err, res, "", sensitive_values(request))
            except Exception as exc:  # noqa: BLE001 - logged (redacted) and answered 500, as `_call` does
                fault = storage_fault(exc)
                if fault is not None:
                    return await self._api_error(send, fault, res, "", sensitive_values(request))
                trace = redact("".join(traceback.format_exception(exc)), sensitive_values(request))
                log.error("HTTP watch of %s failed", res.plural, extra={"fields": {"exc": trace}})
                raise HttpError(500, "internal error") from None
            first = asyncio.ensure_future(next_event(events))
        else:  # other backends: errors the first event brings within a short grace
            events = self.backend.watch(res, request)
            first = asyncio.ensure_future(next_event(events))
            await asyncio.wait({first}, timeout=self.first_event_grace_seconds)
            early = first.exception() if first.done() and not first.cancelled() else None
            refusal = early if isinstance(early, ApiError) else storage_fault(early)
            if refusal is not None:
                await close(events)
                return await self._api_error(send, refusal, res, "", sensitive_values(request))
        try:
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", JSON.encode())]})
            WATCHES.inc()
            try:
                await pump(receive, send, events, first, res, self._stopping, self.max_watch_seconds)
            finally:
                WATCHES.dec()
        finally:  # also when the client left before the headers: the watch (and its slot) ends now
            first.cancel()
            await asyncio.gather(first, return_exceptions=True)
            await close(events)
        return 200


def _patched(ctype: str, current: ProtoMessage, api_version: str, doc: Any) -> tuple[Any, int | None]:
    return patch.apply_patch(ctype, k8s_json.to_json(current, api_version), doc)


def _encode(result: ProtoMessage, api_version: str) -> bytes:
    return k8s_json.dumps(k8s_json.to_json(result, api_version))


async def _render(result: ProtoMessage, api_version: str) -> bytes:
    """The response body; a large one is rendered off the loop (`ma_server.offload`)."""
    size = 0 if offload.heavy() else result.ByteSize()
    return await offload.run(_encode, result, api_version, size=size)


def _watch_requested(query: Sequence[tuple[str, str]]) -> bool:
    """Kubernetes' reading of `?watch=` (apimachinery's string-to-bool conversion): the first
    value counts, and anything but `0` or `false` (any case), the empty value included, is true."""
    for k, v in query:
        if k == "watch":
            return v != "0" and v.lower() != "false"
    return False


def _check_media_type(scope: Scope, accepted: Sequence[str], default: str = "") -> str:
    """The request's media type (lower case, without parameters); 415 unless it is one of `accepted`.

    A body without a Content-Type is read as JSON, as the Kubernetes API server does;
    PATCH has no default (Kubernetes needs the patch type)."""
    ctype = header(scope, b"content-type").split(";", 1)[0].strip().lower()
    if ctype == "" and default:
        return default
    if ctype not in accepted:
        raise HttpError(415, UNSUPPORTED_MEDIA_TYPE.format(ctype=ctype or "none", accepted=", ".join(accepted)))
    return ctype


def _field_validation(query: list[tuple[str, str]]) -> str:
    """The `fieldValidation` mode of a write (the last value given wins); 400 for an unknown one."""
    values = [v for k, v in query if k == field_validation.FIELD_VALIDATION_PARAM]
    try:
        return field_validation.parse_mode(values[-1] if values else None, field_validation.FIELD_VALIDATION_PARAM)
    except ApiError as err:
        raise HttpError(400, err.message) from None


def _unknown_field_warnings(
    mode: str | None, unknown: list[str] | None, secrets: Iterable[str]
) -> list[tuple[bytes, bytes]]:
    """`Warning` headers for the unknown keys dropped from a body; Strict: 400 naming them."""
    if mode is None or not unknown:
        return []
    paths = [redact(p, secrets) for p in unknown]
    if mode == field_validation.STRICT:
        raise HttpError(400, field_validation.unknown_field_error(paths).message)
    if mode == field_validation.IGNORE:
        return []
    return [(b"warning", w.encode("ascii")) for w in field_validation.warnings(paths)]


def path_vars_for(route: Route, path_vars: dict[str, str]) -> dict[str, str]:
    return route.get_vars(path_vars) if route.get_binding is not None else path_vars


def _object_name(path_vars: dict[str, str], body: Any) -> str:
    for key, value in path_vars.items():
        if key.rsplit(".", 1)[-1] == "name":
            return value
    if isinstance(body, dict):
        meta = body.get("metadata")
        if isinstance(meta, dict) and isinstance(meta.get("name"), str):
            return str(meta["name"])
    return ""

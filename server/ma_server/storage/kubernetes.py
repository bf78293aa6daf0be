"""`--storage kubernetes`: our objects as custom resources of a real Kubernetes API server.

ma-server becomes the gRPC (and HTTP/JSON) front of kube-apiserver, which keeps the objects in
its etcd; controllers, kubectl, RBAC and admission see ordinary custom resources (the CRDs in
`ma_server/crds`, generated from the protos). The handlers stay the same: this backend maps the
storage interface onto the documented REST paths of the CRDs with aiohttp, the HTTP client
kubernetes_asyncio itself is built on (the CRD paths are few and documented, and the Kubernetes
Python clients add a generated client per built-in API and, for custom resources, only untyped
dicts over the same calls). aiohttp rather than httpx: against kube-apiserver here, 16 Gets in
flight, aiohttp made 1,604 calls/s and httpx 263 (TLS, keep-alive, one process).

- Keys `/registry/<group>/<plural>/<ns>/<name>` are the objects at
  `/apis/<group>/<version>/namespaces/<ns>/<plural>/<name>`; a revision is a resourceVersion.
  Kubernetes documents resourceVersions as opaque; kube-apiserver's are its etcd revisions,
  which is what lets lists at a revision, continue tokens and watches line up, and an object
  whose resourceVersion is not an integer is refused with a message saying so.
- Kubernetes owns the metadata (`owns_object_metadata`): uid, creationTimestamp, generation
  (raised on spec changes: the CRDs have the status subresource), resourceVersion,
  deletionTimestamp and finalizers (a delete of an object with finalizers marks it; removing
  the last finalizer removes it) come from Kubernetes, and the handlers return what it stored.
- `update` is a PUT with the expected resourceVersion (409 Conflict -> RevisionConflictError);
  `update_status` a PUT of the `/status` subresource; `delete` a DELETE with a resourceVersion
  precondition. A create in a namespace Kubernetes lacks creates the namespace first
  (`create_namespaces`, on by default), as ma-server's own identity.
- `list` is one GET of the collection: `limit`, `resourceVersion` with `resourceVersionMatch=Exact`
  for a page at a revision, and the page after a key as kube-apiserver's own continue token
  (it encodes the revision and the key after `prefix`, the layout both stores share); 410 Gone
  is RevisionCompactedError.
- `watch` is a streaming GET `?watch=1&resourceVersion=R&allowWatchBookmarks=true`, reopened from
  the last event or bookmark when it ends; 410 (too old) is RevisionCompactedError. Kubernetes'
  watch events carry no previous state, which selector watches need (an object that stops
  matching is a DELETED): the watch keeps the last value of each object it has seen, seeded by
  a list at R, so `Event.prev_value` is exact.
- Idempotency records are ConfigMaps `ma-idem-<scope>` in `records_namespace` (default
  `ma-system`), written right after the write they belong to. Kubernetes has no transaction
  across two objects, so a retry that arrives between the two (or after a crash between them)
  is answered as a fresh call would be (ALREADY_EXISTS for a repeated create, NOT_FOUND for a
  repeated delete): a write is never applied twice, but its first response may not be replayed.
- Faults: an unreachable API server, 5xx and 429 are UNAVAILABLE; 401 (ma-server's own
  credentials refused) is UNAVAILABLE naming the kubeconfig; 403 is PERMISSION_DENIED (with
  `--kubernetes-impersonate`, Kubernetes RBAC decided for the caller); 422 is INVALID_ARGUMENT
  with the fields Kubernetes named.
- `compact` is refused: kube-apiserver compacts its etcd itself (`--etcd-compaction-interval`).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qsl, quote

import aiohttp

from ma_server.model import Resource

from ._common import (
    StorageClosedError,
    StorageOpenError,
    StorageRejectedError,
    StorageUnavailableError,
    WatchBuffer,
    check_list_args,
)
from .base import (
    Event,
    EventType,
    IdempotencyRecord,
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
from .kube_objects import KubeObjectError, Route, Router, continue_token, decode_value, from_kube, to_kube
from .kubeconfig import KubeTarget

log = logging.getLogger("ma_server.storage.kubernetes")

# Inside KubernetesStorage the name `list` is the List method.
Errors = list[StorageError]

SCHEME: Final = "kubernetes"
DEFAULT_TIMEOUT = 10.0
DEFAULT_RECORDS_NAMESPACE = "ma-system"
# Pages of the list that seeds a watch's previous values.
SEED_PAGE = 500
WATCH_RETRY_SECONDS = (0.1, 2.0)
# A live event waits this long for room in the watcher's buffer before the watcher is ended.
LIVE_WAIT_SECONDS = 1.0
RECORD_PREFIX = "ma-idem-"
RECORD_LABEL = "app.kubernetes.io/managed-by"
RECORD_LABEL_VALUE = "ma-server"
# A ConfigMap holds at most 1 MiB; a larger response is not recorded (a retry runs as a fresh call).
MAX_RECORD_BYTES = 900 * 1024
PURGE_EVERY = 64  # record writes between two bounded purges of expired records


@dataclass(frozen=True)
class Impersonation:
    """The caller a request acts for (`kube_identity`): sent as Kubernetes impersonation headers."""

    user: str
    uid: str = ""
    groups: tuple[str, ...] = ()
    extra: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def headers(self) -> list[tuple[str, str]]:
        out = [("Impersonate-User", self.user)]
        if self.uid:
            out.append(("Impersonate-Uid", self.uid))
        out += [("Impersonate-Group", g) for g in self.groups]
        for key, values in self.extra:
            out += [(f"Impersonate-Extra-{quote(key, safe='')}", v) for v in values]
        return out


# Set per request by `kube_identity.KubeTokenAuth`: object reads and writes of that request (and the
# watch it opens) are made as the caller; ma-server's own bookkeeping (namespaces it creates,
# idempotency records, revision probes) stays its own.
IMPERSONATE: ContextVar[Impersonation | None] = ContextVar("ma_kube_impersonate", default=None)


@dataclass(frozen=True)
class KubeOptions:
    """What a `kubernetes[://][?...]` storage URL sets."""

    timeout: float = DEFAULT_TIMEOUT
    create_namespaces: bool = True
    records_namespace: str = DEFAULT_RECORDS_NAMESPACE


def is_kubernetes_url(url: str) -> bool:
    return url == SCHEME or url.startswith((f"{SCHEME}://", f"{SCHEME}?"))


def parse_kubernetes_url(url: str) -> KubeOptions:
    """`kubernetes`, `kubernetes://` or either with `?timeout=S&create_namespaces=off&records_namespace=NS`."""
    rest = url[len(SCHEME) :].removeprefix("://")
    if rest and not rest.startswith("?"):
        raise ValueError(
            f"storage URL {url!r}: the API server comes from --kubeconfig / KUBECONFIG / in-cluster config,"
            " not the URL; use kubernetes or kubernetes://?timeout=S"
        )
    opts: dict[str, Any] = {}
    for name, value in parse_qsl(rest[1:], keep_blank_values=True):
        if name == "timeout":
            try:
                opts["timeout"] = float(value)
            except ValueError:
                opts["timeout"] = -1.0
            if not opts["timeout"] > 0:
                raise ValueError(f"storage URL {url!r}: timeout must be a positive number of seconds")
        elif name == "create_namespaces":
            if value not in ("on", "off", "true", "false", "1", "0"):
                raise ValueError(f"storage URL {url!r}: create_namespaces must be on or off, got {value!r}")
            opts["create_namespaces"] = value in ("on", "true", "1")
        elif name == "records_namespace":
            if not value:
                raise ValueError(f"storage URL {url!r}: records_namespace is empty")
            opts["records_namespace"] = value
        else:
            raise ValueError(
                f"storage URL {url!r}: unknown option {name!r};"
                " kubernetes takes timeout, create_namespaces, records_namespace"
            )
    return KubeOptions(**opts)


MAX_CONNECTIONS = 64  # to the API server, watches included


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


async def _lines(stream: aiohttp.StreamReader) -> AsyncIterator[bytes]:
    """The newline-separated frames of a watch, whatever their size (aiohttp's own line reader
    refuses lines over 64 KiB, and one watch event carries a whole object)."""
    pending = bytearray()
    async for chunk in stream.iter_any():
        pending += chunk
        while (end := pending.find(b"\n")) >= 0:
            line = bytes(pending[:end])
            del pending[: end + 1]
            if line.strip():
                yield line
    if pending.strip():
        yield bytes(pending)


def _status_message(body: Any, fallback: str) -> str:
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return str(body["message"])
    return fallback


class KubernetesStorage(Storage):
    """The storage interface over a Kubernetes API server's custom resources."""

    owns_object_metadata = True

    def __init__(
        self,
        target: KubeTarget,
        resources: Iterable[Resource],
        options: KubeOptions | None = None,
        *,
        watch_buffer_bytes: int | None = None,
    ) -> None:
        self.target = target
        self.options = options or KubeOptions()
        self.router = Router(resources)
        self.watch_buffer_bytes = watch_buffer_bytes
        self._client: aiohttp.ClientSession | None = None
        self._closed = False
        self._pumps: set[asyncio.Task[None]] = set()
        self._buffers: set[WatchBuffer] = set()
        self._namespaces: set[str] = set()  # known to exist
        self._record_writes = 0
        self._purge_continue = ""
        self._selectable_paths: dict[str, frozenset[str]] | None = None

    # -- transport -------------------------------------------------------------

    def _http(self) -> aiohttp.ClientSession:
        if self._closed:
            raise StorageClosedError()
        if self._client is None:
            self._client = aiohttp.ClientSession(
                base_url=self.target.server,
                connector=aiohttp.TCPConnector(ssl=self.target.ssl_context(), limit=MAX_CONNECTIONS),
                timeout=aiohttp.ClientTimeout(total=self.options.timeout),
                headers={"Accept": "application/json", "User-Agent": "ma-server"},
                json_serialize=_dumps,
            )
        return self._client

    def _headers(self, *, as_self: bool = False) -> list[tuple[str, str]]:
        token = self.target.bearer_token()
        out = [("Authorization", f"Bearer {token}")] if token else []
        who = None if as_self else IMPERSONATE.get()
        return out + who.headers() if who is not None else out

    async def _call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200, 201),
        as_self: bool = False,
    ) -> tuple[int, Any]:
        """One REST call: (status, JSON body) for a status in `ok` or 404/409/410 (the caller's to
        interpret); other statuses raise the storage error they mean. Made as the request's
        caller (`IMPERSONATE`) unless `as_self`."""
        try:
            async with self._http().request(
                method, path, json=body, params=params, headers=self._headers(as_self=as_self)
            ) as r:
                status, raw = r.status, await r.read()
        except TimeoutError:
            raise StorageUnavailableError(
                "unavailable",
                f"the Kubernetes API server {self.target.server} did not answer in {self.options.timeout} s",
            ) from None
        except aiohttp.ClientError as e:
            raise StorageUnavailableError(
                "unavailable", f"the Kubernetes API server {self.target.server} is unreachable: {e}"
            ) from None
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            data = {"message": raw[:500].decode(errors="replace")}
        if status in ok or status in (404, 409, 410):
            return status, data
        raise self._fault(status, data, f"{method} {path}")

    async def rest(
        self, method: str, path: str, *, body: Any = None, ok: tuple[int, ...] = (200, 201)
    ) -> tuple[int, Any]:
        """Any REST call as ma-server's own identity (the CRD sync and token reviews); see `_call`."""
        return await self._call(method, path, body=body, ok=ok, as_self=True)

    def _fault(self, status: int, data: Any, what: str) -> StorageError:
        msg = _status_message(data, f"HTTP {status}")
        if status == 401:
            return StorageUnavailableError(
                "unavailable",
                f"the Kubernetes API server refused ma-server's credentials ({self.target.source}): {msg}",
            )
        if status == 403:
            return StorageRejectedError("forbidden", msg)
        if status == 422:
            causes = [
                (str(c.get("field", "")), str(c.get("message", "")))
                for c in ((data.get("details") or {}).get("causes") or [] if isinstance(data, dict) else [])
                if isinstance(c, dict)
            ]
            return StorageRejectedError("invalid", msg, causes)
        if status == 413:
            return StorageRejectedError("too_large", msg)
        if status == 400:
            return StorageRejectedError("invalid", msg)
        return StorageUnavailableError("unavailable", f"Kubernetes API server: {what}: {msg}")

    async def check(self) -> int:
        """Reach the API server and find every CRD served; the current revision. Raises
        StorageOpenError with one line naming what is wrong (unreachable, credentials, CRDs)."""
        group_version = f"/apis/{self.router.group}/{next(iter(self.router.by_plural.values())).version}"
        try:
            status, data = await self._call("GET", group_version, as_self=True)
        except StorageError as e:
            raise StorageOpenError(self.target.server, str(e)) from None
        served = {r.get("name") for r in (data.get("resources") or [])} if status == 200 else set()
        missing = sorted(p for p in self.router.by_plural if p not in served)
        if missing:
            raise StorageOpenError(
                self.target.server,
                f"the CRDs of {', '.join(missing)} are not installed ({group_version} is not served in full):"
                " start ma-server with --install-crds, or kubectl apply -f the manifests of `ma-codegen crds`",
            )
        return await self.current_revision()

    # -- values ----------------------------------------------------------------

    def _kv(self, route: Route, data: dict[str, Any]) -> KeyValue:
        try:
            value, rv = from_kube(route.resource, data)
        except KubeObjectError as e:
            raise StorageUnavailableError(
                "corrupt", f"Kubernetes returned an object ma-server cannot read: {e}"
            ) from None
        key = self.router.key_of(route.resource, data)
        return KeyValue(key, value, rv, rv)

    def _body(self, route: Route, value: bytes, resource_version: int | None = None) -> dict[str, Any]:
        return to_kube(decode_value(route.resource, value), resource_version=resource_version)

    # -- reads -----------------------------------------------------------------

    async def get(self, key: str) -> KeyValue | None:
        route = self.router.key(key)
        status, data = await self._call("GET", route.path())
        if status == 404:
            return None
        return self._kv(route, data)

    async def current_revision(self) -> int:
        # A consistent list of one item answers with the store's current revision.
        route = Route(next(iter(self.router.by_plural.values())), "")
        status, data = await self._call("GET", route.path(collection=True), params={"limit": "1"}, as_self=True)
        if status != 200:
            raise StorageUnavailableError("unavailable", f"Kubernetes API server: list answered {status}")
        return int((data.get("metadata") or {}).get("resourceVersion") or 0)

    async def oldest_revision(self) -> int:
        return 0  # not exposed by Kubernetes: a too old revision is found out by a 410 Gone

    async def list(
        self,
        prefix: str,
        *,
        start_after: str = "",
        limit: int = 0,
        revision: int = 0,
        selection: Selection | None = None,
    ) -> ListResult:
        check_list_args(limit, revision)
        route = self.router.prefix(prefix)
        params: dict[str, str] = self._selectors(route.resource, selection)
        if limit:
            params["limit"] = str(limit)
        if start_after:
            if start_after < prefix:
                start_after = ""
            elif not start_after.startswith(prefix):
                return ListResult([], revision or await self.current_revision(), False)
        if start_after:
            rev = revision or await self.current_revision()
            params["continue"] = continue_token(rev, prefix, start_after)
        elif revision:
            params["resourceVersion"] = str(revision)
            params["resourceVersionMatch"] = "Exact"
        try:
            status, data = await self._call("GET", route.path(collection=True), params=params)
        except StorageRejectedError:
            if "labelSelector" not in params and "fieldSelector" not in params:
                raise
            # A selector ma-server accepts but this API server does not: ma-server filters alone.
            log.warning("selectors refused by the API server; filtering in ma-server", extra={"fields": params})
            params.pop("labelSelector", None)
            params.pop("fieldSelector", None)
            status, data = await self._call("GET", route.path(collection=True), params=params)
        if status == 410:
            raise RevisionCompactedError(revision, 0)
        if status == 404:
            raise StorageUnavailableError("unavailable", f"the CRD of {route.resource.plural} is not installed")
        items = [self._kv(Route(route.resource, ""), item) for item in data.get("items") or []]
        meta = data.get("metadata") or {}
        return ListResult(items, int(meta.get("resourceVersion") or revision or 0), bool(meta.get("continue")))

    def _selectable(self, resource: Resource) -> frozenset[str]:
        """Field paths Kubernetes can select on for `resource`: metadata.name and .namespace, and
        the `selectableFields` of its CRD as shipped (`ma_server/crds`)."""
        if self._selectable_paths is None:
            from ma_server.crd_sync import manifests  # package data, read once

            paths: dict[str, frozenset[str]] = {}
            for crd in manifests():
                fields = [
                    f["jsonPath"].lstrip(".") for v in crd["spec"]["versions"] for f in v.get("selectableFields") or []
                ]
                paths[crd["spec"]["names"]["plural"]] = frozenset(("metadata.name", "metadata.namespace", *fields))
            self._selectable_paths = paths
        return self._selectable_paths.get(resource.plural, frozenset())

    def _selectors(self, resource: Resource, selection: Selection | None) -> dict[str, str]:
        """labelSelector and fieldSelector for what Kubernetes can evaluate of `selection`; the
        handler still checks every item, and evaluates the rest (criteria, other fields) itself."""
        if selection is None:
            return {}
        out: dict[str, str] = {}
        if selection.labels:
            out["labelSelector"] = selection.labels
        selectable = self._selectable(resource)
        terms = [f"{path}{op}{raw}" for path, op, raw in selection.fields if path in selectable]
        if terms:
            out["fieldSelector"] = ",".join(terms)
        return out

    # -- writes ----------------------------------------------------------------

    async def _ensure_namespace(self, namespace: str) -> None:
        body = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}}
        status, data = await self._call("POST", "/api/v1/namespaces", body=body, as_self=True)
        if status not in (200, 201, 409):
            raise StorageRejectedError(
                "precondition", _status_message(data, f"namespace {namespace} cannot be created")
            )
        self._namespaces.add(namespace)

    @staticmethod
    def _namespace_missing(data: Any) -> bool:
        details = data.get("details") if isinstance(data, dict) else None
        return isinstance(details, dict) and details.get("kind") == "namespaces"

    async def create(self, key: str, value: bytes, *, record: IdempotencyRecord | None = None) -> KeyValue:
        route = self.router.key(key)
        body = self._body(route, value)
        for attempt in range(2):
            status, data = await self._call("POST", route.path(collection=True), body=body)
            if status == 409:
                raise KeyExistsError(key)
            if status == 404 and self._namespace_missing(data):
                if attempt == 0 and self.options.create_namespaces:
                    await self._ensure_namespace(route.namespace)
                    continue
                raise StorageRejectedError(
                    "precondition", f"namespace {route.namespace!r} does not exist in the Kubernetes cluster"
                )
            if status == 404:
                raise StorageUnavailableError("unavailable", f"the CRD of {route.resource.plural} is not installed")
            kv = self._kv(route, data)
            await self._record(record, kv)
            return kv
        raise AssertionError("unreachable")

    async def _put(
        self, key: str, value: bytes, expected_revision: int | None, subresource: str, record: IdempotencyRecord | None
    ) -> KeyValue:
        route = self.router.key(key)
        if expected_revision is None:
            current = await self.get(key)
            if current is None:
                raise KeyNotFoundError(key)
            expected_revision = current.mod_revision
        body = self._body(route, value, expected_revision)
        status, data = await self._call("PUT", route.path(subresource), body=body)
        if status == 404:
            raise KeyNotFoundError(key)
        if status == 409:
            raise RevisionConflictError(key, expected_revision, -1)
        kv = self._kv(route, data)
        await self._record(record, kv)
        return kv

    async def update(
        self,
        key: str,
        value: bytes,
        *,
        expected_revision: int | None = None,
        record: IdempotencyRecord | None = None,
    ) -> KeyValue:
        return await self._put(key, value, expected_revision, "", record)

    async def update_status(
        self,
        key: str,
        value: bytes,
        *,
        expected_revision: int | None = None,
        record: IdempotencyRecord | None = None,
    ) -> KeyValue:
        return await self._put(key, value, expected_revision, "status", record)

    async def delete(
        self, key: str, *, expected_revision: int | None = None, record: IdempotencyRecord | None = None
    ) -> KeyValue:
        """DELETE with a resourceVersion precondition. Kubernetes answers a removed custom resource
        with a Status, not the object, so the object is read first (the precondition then pins the
        delete to that read: the returned last state is exactly what was deleted)."""
        route = self.router.key(key)
        current = await self.get(key)
        if current is None:
            raise KeyNotFoundError(key)
        if expected_revision is not None and current.mod_revision != expected_revision:
            raise RevisionConflictError(key, expected_revision, current.mod_revision)
        body: dict[str, Any] = {
            "apiVersion": "v1",
            "kind": "DeleteOptions",
            "preconditions": {"resourceVersion": str(current.mod_revision)},
        }
        status, data = await self._call("DELETE", route.path(), body=body, ok=(200, 202))
        if status == 404:
            raise KeyNotFoundError(key)
        if status == 409:
            raise RevisionConflictError(key, current.mod_revision, -1)
        # An object in the answer: finalizers hold it (now marked for deletion); a Status: removed.
        kv = current if data.get("kind") == "Status" else self._kv(route, data)
        await self._record(record, kv)
        return kv

    # -- idempotency records -----------------------------------------------------

    def _record_path(self, scope: str = "") -> str:
        base = f"/api/v1/namespaces/{self.options.records_namespace}/configmaps"
        return f"{base}/{RECORD_PREFIX}{scope[:52]}" if scope else base

    def _record_body(self, record: IdempotencyRecord) -> dict[str, Any]:
        return {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {
                "name": f"{RECORD_PREFIX}{record.scope[:52]}",
                "labels": {RECORD_LABEL: RECORD_LABEL_VALUE},
            },
            "data": {
                "scope": record.scope,
                "fingerprint": record.fingerprint,
                "expiresAt": repr(record.expires_at),
                "revision": str(record.revision),
            },
            "binaryData": {"response": base64.b64encode(record.response).decode()},
        }

    @staticmethod
    def _record_of(data: dict[str, Any]) -> IdempotencyRecord | None:
        d = data.get("data") or {}
        try:
            return IdempotencyRecord(
                scope=str(d["scope"]),
                fingerprint=str(d["fingerprint"]),
                response=base64.b64decode((data.get("binaryData") or {}).get("response", "")),
                expires_at=float(d["expiresAt"]),
                revision=int(d.get("revision") or 0),
            )
        except (KeyError, ValueError):
            return None

    async def _record(self, record: IdempotencyRecord | None, kv: KeyValue) -> None:
        """Store `record` for the write that just got `kv` (see the module docstring)."""
        if record is None:
            return
        # The response is what Kubernetes stored (its uid, timestamps, generation), not what we sent.
        stored = IdempotencyRecord(record.scope, record.fingerprint, kv.value, record.expires_at, kv.mod_revision)
        try:
            await self.put_idempotency_record(stored)
        except StorageError as e:
            # The write is done and acknowledged; only a repeat's replay is lost.
            log.warning("idempotency record not stored", extra={"fields": {"reason": str(e)}})

    async def get_idempotency_record(self, scope: str) -> IdempotencyRecord | None:
        status, data = await self._call("GET", self._record_path(scope), as_self=True)
        if status != 200:
            return None
        found = self._record_of(data)
        if found is None or found.scope != scope or found.expires_at <= time.time():
            return None
        return found

    async def put_idempotency_record(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        if len(record.response) > MAX_RECORD_BYTES:
            log.warning("idempotency record too large for a ConfigMap; not stored")
            return None
        body = self._record_body(record)
        for _ in range(3):
            status, data = await self._call("POST", self._record_path(), body=body, as_self=True)
            if status == 404 and self._namespace_missing(data):
                await self._ensure_namespace(self.options.records_namespace)
                continue
            if status != 409:
                await self._maybe_purge()
                return None
            status, data = await self._call("GET", self._record_path(record.scope), as_self=True)
            if status != 200:
                continue  # removed meanwhile: create again
            found = self._record_of(data)
            if found is not None and found.scope == record.scope and found.expires_at > time.time():
                return found
            rv = (data.get("metadata") or {}).get("resourceVersion")
            replace = {**body, "metadata": {**body["metadata"], "resourceVersion": rv}}
            status, _ = await self._call("PUT", self._record_path(record.scope), body=replace, as_self=True)
            if status in (200, 201):
                return None
        return None

    async def _maybe_purge(self) -> None:
        """Delete expired records: one bounded page every PURGE_EVERY record writes."""
        self._record_writes += 1
        if self._record_writes % PURGE_EVERY:
            return
        params = {"labelSelector": f"{RECORD_LABEL}={RECORD_LABEL_VALUE}", "limit": "64"}
        if self._purge_continue:
            params["continue"] = self._purge_continue
        status, data = await self._call("GET", self._record_path(), params=params, as_self=True)
        if status != 200:
            self._purge_continue = ""
            return
        self._purge_continue = (data.get("metadata") or {}).get("continue") or ""
        now = time.time()
        for item in data.get("items") or []:
            rec = self._record_of(item)
            if rec is not None and rec.expires_at <= now:
                rv = (item.get("metadata") or {}).get("resourceVersion")
                name = (item.get("metadata") or {}).get("name", "")
                body = {"apiVersion": "v1", "kind": "DeleteOptions", "preconditions": {"resourceVersion": rv}}
                with contextlib.suppress(StorageError):
                    await self._call("DELETE", f"{self._record_path()}/{name}", body=body, ok=(200, 202), as_self=True)

    # -- watch -------------------------------------------------------------------

    async def compact(self, revision: int) -> None:
        raise StorageRejectedError(
            "precondition", "kube-apiserver compacts its etcd itself (--etcd-compaction-interval)"
        )

    def watch(self, prefix: str, *, after_revision: int) -> AsyncIterator[Event]:
        return self._watch(prefix, after_revision)

    async def _seed(self, prefix: str, revision: int) -> dict[str, bytes]:
        """The value of every object under `prefix` at `revision` (the previous values of a watch)."""
        out: dict[str, bytes] = {}
        after = ""
        if revision <= 0:
            return out
        while True:
            page = await self.list(prefix, start_after=after, limit=SEED_PAGE, revision=revision)
            out.update((kv.key, kv.value) for kv in page.items)
            if not page.more or not page.items:
                return out
            after = page.items[-1].key

    async def _watch(self, prefix: str, after_revision: int) -> AsyncIterator[Event]:
        if self._closed:
            return
        route = self.router.prefix(prefix)
        last = await self._seed(prefix, after_revision)
        kwargs = {} if self.watch_buffer_bytes is None else {"max_bytes": self.watch_buffer_bytes}
        buffer = WatchBuffer(**kwargs)
        errors: Errors = []
        pump = asyncio.create_task(self._pump(route, after_revision, last, buffer, errors))
        self._pumps.add(pump)
        self._buffers.add(buffer)
        try:
            while True:
                event = await buffer.get()
                if event is None:
                    if errors:
                        raise errors[0]
                    return
                yield event
        finally:
            pump.cancel()
            self._pumps.discard(pump)
            self._buffers.discard(buffer)

    def _event(self, route: Route, kind: str, obj: dict[str, Any], last: dict[str, bytes]) -> Event | None:
        kv = self._kv(route, obj)
        prev = last.get(kv.key)
        if kind == "DELETED":
            last.pop(kv.key, None)
            return Event(EventType.DELETED, kv.key, kv.value, kv.mod_revision, prev)
        last[kv.key] = kv.value
        if kind == "ADDED":
            return Event(EventType.ADDED, kv.key, kv.value, kv.mod_revision)
        return Event(EventType.MODIFIED, kv.key, kv.value, kv.mod_revision, prev)

    async def _pump(
        self, route: Route, after: int, last: dict[str, bytes], buffer: WatchBuffer, errors: Errors
    ) -> None:
        """Feed `buffer` from watch streams, reopening an ended one from the last version seen."""
        delay = WATCH_RETRY_SECONDS[0]
        path = route.path(collection=True)
        try:
            while not self._closed:
                params = {"watch": "1", "allowWatchBookmarks": "true", "resourceVersion": str(after)}
                if after == 0:
                    params["resourceVersion"] = str(await self.current_revision())
                    after = int(params["resourceVersion"])
                try:
                    async with self._http().get(
                        path,
                        params=params,
                        headers=self._headers(),  # the caller's, inherited from the watch's request
                        timeout=aiohttp.ClientTimeout(total=None, sock_connect=self.options.timeout),
                    ) as r:
                        if r.status == 410:
                            errors.append(RevisionCompactedError(after, 0))
                            return
                        if r.status != 200:
                            body = await r.read()
                            try:
                                data = json.loads(body)
                            except ValueError:
                                data = {"message": body[:300].decode(errors="replace")}
                            errors.append(self._fault(r.status, data, f"watch {path}"))
                            return
                        async for line in _lines(r.content):
                            frame = json.loads(line)
                            kind, obj = frame.get("type"), frame.get("object") or {}
                            if kind == "ERROR":
                                code = obj.get("code")
                                if code == 410:
                                    errors.append(RevisionCompactedError(after, 0))
                                    return
                                raise StorageUnavailableError("unavailable", _status_message(obj, "watch error"))
                            if kind == "BOOKMARK":
                                after = int((obj.get("metadata") or {}).get("resourceVersion") or after)
                                continue
                            event = self._event(route, str(kind), obj, last)
                            if event is None:
                                continue
                            if not await buffer.put(event, LIVE_WAIT_SECONDS):
                                return  # fell behind: the reader gets WatcherTooSlowError
                            after = event.revision
                            delay = WATCH_RETRY_SECONDS[0]
                except (aiohttp.ClientError, TimeoutError, StorageUnavailableError) as e:
                    log.info("watch stream ended; reopening", extra={"fields": {"reason": str(e), "after": after}})
                if self._closed:
                    return
                await asyncio.sleep(delay)
                delay = min(delay * 2, WATCH_RETRY_SECONDS[1])
        except asyncio.CancelledError:
            raise
        except StorageError as e:
            errors.append(e)
        finally:
            buffer.close()

    async def ping(self) -> None:
        status, _ = await self._call("GET", "/readyz", ok=(200,), as_self=True)
        if status != 200:
            raise StorageUnavailableError("unavailable", f"the Kubernetes API server is not ready ({status})")

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for pump in list(self._pumps):
            pump.cancel()
        for buffer in list(self._buffers):
            buffer.close()
        if self._pumps:
            await asyncio.gather(*self._pumps, return_exceptions=True)
        self._pumps.clear()
        if self._client is not None:
            await self._client.close()
            self._client = None

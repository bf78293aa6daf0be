"""Kubernetes-semantics handlers for one resource kind over a `Storage`.

One `ResourceHandler` serves every standard method of a kind, taking and
returning the generated request/response messages; both transports (gRPC and
HTTP/JSON) call it. Choices where the Kubernetes conventions leave room:

- Create ignores `metadata.resourceVersion`, `uid`, `generation`,
  `creationTimestamp` (whole seconds, UTC) and `deletionTimestamp` from the
  client and drops `status` (status is a subresource, written by UpdateStatus).
- Update: an empty `metadata.resourceVersion` is an unconditional update (the
  server still applies it atomically against the version it read); a non-empty
  one must equal the stored version, else ABORTED. A non-empty `metadata.uid`
  that differs from the stored one gives FAILED_PRECONDITION. Status and the
  server-owned metadata are kept from storage; `generation` grows only when
  `spec` changes; an update that changes nothing writes nothing. Removing the
  last finalizer of an object being deleted stores that state (MODIFIED) and
  then removes the object (DELETED).
- Delete with finalizers sets `deletionTimestamp` once and keeps the object.
  Precondition uid mismatch -> FAILED_PRECONDITION, resourceVersion -> ABORTED.
- DeleteCollection needs a namespace for namespaced kinds and returns every
  object it deleted or marked for deletion.
- List: limit 0 means the server default (`default_limit`). Pages of one list
  are a consistent snapshot at the first page's revision. Without order_by,
  pages follow key order and the token holds the last key; with order_by the
  snapshot is re-read, filtered and sorted for every page and the token holds
  the offset (fine for the object counts of a control plane).
  `remainingItemCount` is set when the server knows it exactly: with order_by,
  or without selectors when the rest of the list was already read.
  A page is also cut by bytes (`limits.LIST_PAGE_BYTES`, at least one item):
  fewer than `limit` items with a continue token, as Kubernetes allows.
- Every write (create, update, update_status, dry runs too) refuses an object
  whose stored form exceeds `max_object_bytes` (`limits.MAX_OBJECT_BYTES`,
  `--max-object-bytes`): INVALID_ARGUMENT, HTTP 413. Unknown protobuf fields of
  the request's object are never stored.
  External-storage fields are omitted from List results (Get returns them).
- Get / List at a resourceVersion (not "" or "0") newer than the store's: wait up
  to `RESOURCE_VERSION_WAIT_SECONDS` for the store to reach it, then fail as
  Kubernetes does (DEADLINE_EXCEEDED / HTTP 504 reason Timeout, "Too large
  resource version"); at or below the current one the latest state answers.
- Watch from "" or "0": synthetic ADDED events for the current objects, then
  changes; from a version: every later change exactly once, in order. A watch
  at a version newer than the store waits as Get / List do, then fails the same
  way (DEADLINE_EXCEEDED / 504). Watches are bounded in number and in what a
  slow one may hold (`ma_server.watch_limits`): a watcher that falls behind is
  ended with RESOURCE_EXHAUSTED naming the version to watch again from.
- Writes take an optional `idem` (`ma_server.idempotency.Pending`): the write
  that completes the call carries its record into the storage transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Any, cast

import grpc
from google.protobuf.message import DecodeError, Message

from ma_server import limits, offload, validation
from ma_server.errors import (
    RESOURCE_VERSION_WAIT_SECONDS,
    ApiError,
    FieldViolation,
    already_exists,
    conflict,
    invalid,
    invalid_object,
    not_found,
    precondition_failed,
    too_large_resource_version,
    unavailable,
)
from ma_server.idempotency import Pending, attach, committed
from ma_server.model import Resource
from ma_server.selectors import Filter, build_filter, sort_objects, validate_order_by
from ma_server.storage import (
    Event,
    EventType,
    FutureRevisionError,
    KeyExistsError,
    KeyNotFoundError,
    KeyValue,
    RevisionCompactedError,
    RevisionConflictError,
    Storage,
    StorageClosedError,
    StorageUnavailableError,
    WatcherTooSlowError,
)
from ma_server.tokens import ContinuePosition, TokenCodec, expired_token, query_hash
from ma_server.watch_limits import WatchLimiter, WatchSlot
from michelangelo.api import list_pb2, meta_pb2

log = logging.getLogger("ma_server.resources")

# Aliases: inside ResourceHandler the name `list` is the List method.
Violations = list[FieldViolation]
Messages = list[Message]

# Internal compare-and-swap retries for writes without a client resourceVersion.
CAS_RETRIES = 32


def meta(obj: Message) -> meta_pb2.ObjectMeta:
    return cast(meta_pb2.ObjectMeta, obj.metadata)  # type: ignore[attr-defined]


def _get(msg: Message, name: str) -> Any:
    # Request messages differ per kind; their field names are fixed by the linter.
    return getattr(msg, name)


def copy_of(obj: Message) -> Message:
    out = type(obj)()
    out.CopyFrom(obj)
    return out


# How often a request at a too-new resourceVersion looks at the store again while it waits.
_REVISION_POLL_SECONDS = 0.05


def parse_revision(text: str, where: str) -> int:
    # ASCII digits only: int() would also take " 5", "+5" and other scripts' digits.
    rev = int(text) if text.isascii() and text.isdigit() else -1
    if rev < 0:
        msg = f"{where}: {text!r} is not a valid resource version"
        raise invalid(msg, FieldViolation(where, msg))
    return rev


def too_old(requested: int, oldest: int) -> ApiError:
    return ApiError(
        grpc.StatusCode.OUT_OF_RANGE,
        f"resource version too old: {requested} (oldest available is {oldest}); list again and watch from its version",
    )


class ResourceHandler:
    def __init__(
        self,
        resource: Resource,
        storage: Storage,
        tokens: TokenCodec,
        *,
        default_limit: int = 1000,
        bookmark_interval: float = 60.0,
        shutdown: asyncio.Event | None = None,
        clock: Callable[[], float] = time.time,
        max_object_bytes: int = limits.MAX_OBJECT_BYTES,
        list_page_bytes: int = limits.LIST_PAGE_BYTES,
        watch_limiter: WatchLimiter | None = None,
        max_sorted_objects: int = limits.MAX_SORTED_OBJECTS,
    ) -> None:
        self.resource = resource
        self.max_object_bytes = max_object_bytes
        self.max_sorted_objects = max_sorted_objects
        self.list_page_bytes = list_page_bytes
        self.storage = storage
        self.tokens = tokens
        self.default_limit = default_limit
        self.bookmark_interval = bookmark_interval
        self.shutdown = shutdown if shutdown is not None else asyncio.Event()
        self.clock = clock
        # The server's bound on concurrent watches, shared by every handler (None: unbounded).
        self.watch_limiter = watch_limiter

    # -- encoding ----------------------------------------------------------

    def decode(self, kv: KeyValue | Event, revision: int | None = None, value: bytes | None = None) -> Message:
        """A stored value as an object whose resourceVersion is its mod revision."""
        obj = self.resource.new()
        try:
            obj.ParseFromString(kv.value if value is None else value)
        except DecodeError:
            # Damage inside a value, which SQLite's page checks cannot see: a named storage fault, not a 500.
            raise StorageUnavailableError(
                "corrupt", f"storage is corrupt: the stored {self.resource.kind} at {kv.key} cannot be decoded"
            ) from None
        rev = revision if revision is not None else (kv.mod_revision if isinstance(kv, KeyValue) else kv.revision)
        meta(obj).resource_version = str(rev)
        return obj

    @classmethod
    def _same(cls, a: Message, b: Message) -> bool:
        return cls.encode(a) == cls.encode(b)

    @staticmethod
    def encode(obj: Message) -> bytes:
        """Binary form for storage: deterministic and without the resourceVersion (the revision is not stored)."""
        m = meta(obj)
        rv = m.resource_version
        m.resource_version = ""
        try:
            return obj.SerializeToString(deterministic=True)
        finally:
            m.resource_version = rv

    # -- checks ------------------------------------------------------------

    def _sized(self, obj: Message, value: bytes | None = None) -> bytes:
        """The stored form of `obj` (`value` when already encoded); INVALID_ARGUMENT / HTTP 413 over the limit."""
        data = self.encode(obj) if value is None else value
        if len(data) > self.max_object_bytes:
            raise limits.object_too_large(
                self.resource.kind, meta(obj).name, self.resource.object_field, len(data), self.max_object_bytes
            )
        return data

    def _now(self, ts_owner: meta_pb2.ObjectMeta, field: str) -> None:
        getattr(ts_owner, field).FromSeconds(int(self.clock()))

    def _check_name(self, name: str, where: str) -> Violations:
        if not name:
            return [validation.violation(where, "required")]
        if not validation.is_dns1123_label(name):
            return [validation.violation(where, "format_dns1123_label")]
        return []

    def _check_namespace(self, namespace: str, where: str, *, allow_all: bool = False) -> Violations:
        r = self.resource
        if not r.namespaced:
            return [validation.violation(where, "namespace_forbidden", kind=r.kind)] if namespace else []
        if not namespace:
            return [] if allow_all else [validation.violation(where, "namespace_required", kind=r.kind)]
        if not validation.is_dns1123_label(namespace):
            return [validation.violation(where, "format_dns1123_label")]
        return []

    def _raise_request(self, violations: Violations) -> None:
        if violations:
            raise invalid(validation.render(violations), *violations)

    def _type_meta(self, obj: Message) -> Violations:
        """Fill empty apiVersion/kind; a wrong one is a violation."""
        r = self.resource
        out = []
        for field, json_name, expected in (("api_version", "apiVersion", r.api_version), ("kind", "kind", r.kind)):
            value = _get(obj, field)
            if not value:
                setattr(obj, field, expected)
            elif value != expected:
                out.append(validation.violation(json_name, field, expected=expected))
        return out

    def _object_from(self, req: Message) -> Message:
        field = self.resource.object_field
        if not req.HasField(field):
            v = validation.violation(field, "required")
            raise invalid(validation.render([v]), v)
        obj = copy_of(_get(req, field))
        obj.DiscardUnknownFields()  # never stored (the transports warn or refuse: ma_server.field_validation)
        return obj

    def _validate(self, obj: Message, fields: tuple[str, ...], extra: Violations) -> None:
        violations = extra + validation.validate_message(obj, fields=fields)
        if violations:
            raise invalid_object(self.resource.kind, meta(obj).name, violations)

    def _ids(self, obj: Message) -> tuple[str, str, str]:
        """(namespace, name, key) of a request object, validated."""
        m = meta(obj)
        bad = self._check_namespace(m.namespace, "metadata.namespace") + self._check_name(m.name, "metadata.name")
        if bad:
            raise invalid_object(self.resource.kind, m.name, bad)
        return m.namespace, m.name, self.resource.key(m.namespace, m.name)

    def _not_found(self, namespace: str, name: str) -> ApiError:
        return not_found(self.resource.kind, name, namespace)

    # -- create / get ------------------------------------------------------

    async def create(self, req: Message, idem: Pending | None = None) -> Message:
        obj = await offload.run(self._object_from, req)
        extra = self._type_meta(obj)
        m = meta(obj)
        extra += self._check_namespace(m.namespace, "metadata.namespace")
        m.uid = str(uuid.uuid4())
        m.generation = 1
        m.resource_version = ""
        m.ClearField("deletion_timestamp")
        self._now(m, "creation_timestamp")
        obj.ClearField("status")
        # Sized before validation: an oversized object costs no more than its encoding.
        value = await offload.run(self._sized, obj)
        await offload.run(self._validate, obj, ("api_version", "kind", "metadata", "spec"), extra)
        key = self.resource.key(m.namespace, m.name)
        if _get(req, "dry_run"):
            if await self.storage.get(key) is not None:
                raise already_exists(self.resource.kind, m.name, m.namespace)
            return obj
        try:
            kv = await self.storage.create(key, value, record=attach(idem, value))
        except KeyExistsError:
            raise already_exists(self.resource.kind, m.name, m.namespace) from None
        committed(idem)
        if self.storage.owns_object_metadata:
            return await offload.run(self.decode, kv, size=len(kv.value))  # uid, timestamps: the store's
        m.resource_version = str(kv.mod_revision)
        return obj

    def _key_of_request(self, req: Message) -> tuple[str, str, str]:
        namespace, name = _get(req, "namespace"), _get(req, "name")
        self._raise_request(self._check_namespace(namespace, "namespace") + self._check_name(name, "name"))
        return namespace, name, self.resource.key(namespace, name)

    async def _not_newer_than_store(self, revision: int, where: str) -> None:
        """Return once the store is at `revision` or later (the latest state then is at least as new);
        a bounded wait, then the Kubernetes error for a too large resourceVersion."""
        current = await self.storage.current_revision()
        if revision <= current:
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + RESOURCE_VERSION_WAIT_SECONDS
        while (left := deadline - loop.time()) > 0:
            await asyncio.sleep(min(_REVISION_POLL_SECONDS, left))
            current = await self.storage.current_revision()
            if revision <= current:
                return
        raise too_large_resource_version(revision, current, where)

    async def get(self, req: Message) -> Message:
        namespace, name, key = self._key_of_request(req)
        if _get(req, "resource_version"):
            await self._not_newer_than_store(
                parse_revision(_get(req, "resource_version"), "resourceVersion"), "resourceVersion"
            )
        kv = await self.storage.get(key)
        if kv is None:
            raise self._not_found(namespace, name)
        return await offload.run(self.decode, kv, size=len(kv.value))

    # -- update ------------------------------------------------------------

    def _merge_update(self, old: Message, new: Message) -> Message:
        """The object Update stores: the request's metadata and spec over the stored server-owned parts."""
        r = self.resource
        result = copy_of(new)
        m, om = meta(result), meta(old)
        extra = self._type_meta(result)
        if m.uid and m.uid != om.uid:
            raise precondition_failed(r.kind, om.name, f"metadata.uid {m.uid!r} does not match the stored {om.uid!r}")
        m.uid = om.uid
        m.generation = om.generation
        m.creation_timestamp.CopyFrom(om.creation_timestamp)
        if om.HasField("deletion_timestamp"):
            m.deletion_timestamp.CopyFrom(om.deletion_timestamp)
            added = set(m.finalizers) - set(om.finalizers)
            if added:
                extra.append(validation.violation("metadata.finalizers", "new_finalizer_while_deleting"))
        else:
            m.ClearField("deletion_timestamp")
        m.resource_version = ""
        if old.HasField("status"):
            _get(result, "status").CopyFrom(_get(old, "status"))
        else:
            result.ClearField("status")
        for path in r.immutable_fields:
            a, b = path.get(result), path.get(old)
            if path.descriptor.is_repeated:
                a, b = list(cast(Any, a)), list(cast(Any, b))
            if a != b:
                extra.append(validation.violation(path.json_path, "immutable"))
        self._validate(result, ("api_version", "kind", "metadata", "spec"), extra)
        spec_new = _get(result, "spec").SerializeToString(deterministic=True)
        spec_old = _get(old, "spec").SerializeToString(deterministic=True)
        if spec_new != spec_old:
            m.generation = om.generation + 1
        return result

    async def _write(
        self,
        key: str,
        obj: Message,
        kv: KeyValue,
        expected: int | None,
        namespace: str,
        name: str,
        idem: Pending | None = None,
        *,
        status: bool = False,
    ) -> Message | None:
        """CAS-write `obj` over `kv`; None means "lost a race, read again" (only when the client gave no version).
        With `idem`, this write completes the call and carries its record; `status` writes the status only."""
        value = await offload.run(self._sized, obj, size=len(kv.value))
        write = self.storage.update_status if status else self.storage.update
        try:
            nkv = await write(key, value, expected_revision=kv.mod_revision, record=attach(idem, value))
        except RevisionConflictError:
            if expected is not None:
                raise self._conflict(name, expected) from None
            return None
        except KeyNotFoundError:
            raise self._not_found(namespace, name) from None
        committed(idem)
        if self.storage.owns_object_metadata:
            return await offload.run(self.decode, nkv, size=len(nkv.value))  # generation: the store's
        meta(obj).resource_version = str(nkv.mod_revision)
        return obj

    def _conflict(self, name: str, expected: int, actual: int | None = None) -> ApiError:
        now = f", current is {actual}" if actual is not None else ""
        return conflict(
            self.resource.kind, name, f"the object has been modified (resourceVersion {expected} is stale{now})"
        )

    async def update(self, req: Message, idem: Pending | None = None) -> Message:
        new = await offload.run(self._object_from, req)
        namespace, name, key = self._ids(new)
        rv = meta(new).resource_version
        expected = parse_revision(rv, "metadata.resourceVersion") if rv else None
        dry_run = bool(_get(req, "dry_run"))
        for _ in range(CAS_RETRIES):
            kv = await self.storage.get(key)
            if kv is None:
                raise self._not_found(namespace, name)
            if expected is not None and kv.mod_revision != expected:
                raise self._conflict(name, expected, kv.mod_revision)
            old = await offload.run(self.decode, kv, size=len(kv.value))
            result = await offload.run(self._merge_update, old, new, size=len(kv.value))
            if await offload.run(self._same, result, old, size=len(kv.value)):
                return old  # no change: no write, no new resourceVersion (as in Kubernetes)
            if dry_run:
                await offload.run(self._sized, result, size=len(kv.value))
                meta(result).resource_version = str(kv.mod_revision)
                return result
            # A store owning metadata (Kubernetes) removes a finalized object itself.
            finalize = (
                meta(old).HasField("deletion_timestamp")
                and not meta(result).finalizers
                and not self.storage.owns_object_metadata
            )
            # Removing the last finalizer writes twice; the record rides on the delete.
            written = await self._write(key, result, kv, expected, namespace, name, None if finalize else idem)
            if written is None:
                continue
            if finalize:
                return await self._remove_finalized(key, written, namespace, name, idem)
            return written
        raise conflict(self.resource.kind, name, "too many concurrent writers")

    async def _remove_finalized(
        self, key: str, obj: Message, namespace: str, name: str, idem: Pending | None = None
    ) -> Message:
        """Remove an object whose last finalizer was just removed (it may have changed meanwhile)."""
        expected = int(meta(obj).resource_version)
        value = self.encode(obj)
        for _ in range(CAS_RETRIES):
            try:
                dkv = await self.storage.delete(key, expected_revision=expected, record=attach(idem, value))
                committed(idem)
                return self.decode(dkv)
            except KeyNotFoundError:
                return obj  # someone else removed it
            except RevisionConflictError:
                kv = await self.storage.get(key)
                if kv is None:
                    return obj
                cur = self.decode(kv)
                if meta(cur).finalizers or not meta(cur).HasField("deletion_timestamp"):
                    return cur  # finalizers were added back meanwhile
                expected, value = kv.mod_revision, kv.value
        raise conflict(self.resource.kind, name, "too many concurrent writers")

    async def update_status(self, req: Message, idem: Pending | None = None) -> Message:
        new = await offload.run(self._object_from, req)
        namespace, name, key = self._ids(new)
        extra = self._type_meta(new)
        rv = meta(new).resource_version
        expected = parse_revision(rv, "metadata.resourceVersion") if rv else None
        dry_run = bool(_get(req, "dry_run"))
        for _ in range(CAS_RETRIES):
            kv = await self.storage.get(key)
            if kv is None:
                raise self._not_found(namespace, name)
            if expected is not None and kv.mod_revision != expected:
                raise self._conflict(name, expected, kv.mod_revision)
            old = await offload.run(self.decode, kv, size=len(kv.value))
            nm = meta(new)
            if nm.uid and nm.uid != meta(old).uid:
                raise precondition_failed(self.resource.kind, name, f"metadata.uid {nm.uid!r} does not match")
            result = await offload.run(copy_of, old, size=len(kv.value))
            if new.HasField("status"):
                _get(result, "status").CopyFrom(_get(new, "status"))
            else:
                result.ClearField("status")
            await offload.run(self._validate, result, ("status",), extra, size=len(kv.value))
            if await offload.run(self._same, result, old, size=len(kv.value)):
                return old
            if dry_run:
                await offload.run(self._sized, result, size=len(kv.value))
                return result
            written = await self._write(key, result, kv, expected, namespace, name, idem, status=True)
            if written is not None:
                return written
        raise conflict(self.resource.kind, name, "too many concurrent writers")

    # -- delete ------------------------------------------------------------

    async def _delete_key(
        self,
        key: str,
        namespace: str,
        name: str,
        uid: str,
        expected: int | None,
        dry_run: bool,
        idem: Pending | None = None,
    ) -> Message:
        for _ in range(CAS_RETRIES):
            kv = await self.storage.get(key)
            if kv is None:
                raise self._not_found(namespace, name)
            old = self.decode(kv)
            om = meta(old)
            if uid and uid != om.uid:
                raise precondition_failed(
                    self.resource.kind, name, f"UID in precondition: {uid}, UID in object meta: {om.uid}"
                )
            if expected is not None and expected != kv.mod_revision:
                raise self._conflict(name, expected, kv.mod_revision)
            if om.finalizers:
                if om.HasField("deletion_timestamp"):
                    return old  # deletion already requested; finalizers still pending
                result = copy_of(old)
                self._now(meta(result), "deletion_timestamp")
                if dry_run:
                    return result
                if self.storage.owns_object_metadata:
                    marked = await self._store_delete(key, kv, expected, namespace, name, idem)
                    if marked is not None:
                        return marked
                    continue
                written = await self._write(key, result, kv, expected, namespace, name, idem)
                if written is not None:
                    return written
                continue
            if dry_run:
                return old
            try:
                dkv = await self.storage.delete(key, expected_revision=kv.mod_revision, record=attach(idem, kv.value))
                committed(idem)
                return self.decode(dkv)
            except KeyNotFoundError:
                raise self._not_found(namespace, name) from None
            except RevisionConflictError:
                if expected is not None:
                    raise self._conflict(name, expected) from None
        raise conflict(self.resource.kind, name, "too many concurrent writers")

    async def _store_delete(
        self, key: str, kv: KeyValue, expected: int | None, namespace: str, name: str, idem: Pending | None
    ) -> Message | None:
        """A delete the store carries out by its own rules (Kubernetes: finalizers mark the object);
        None means "lost a race, read again" (only when the client gave no version)."""
        try:
            dkv = await self.storage.delete(key, expected_revision=kv.mod_revision, record=attach(idem, kv.value))
        except KeyNotFoundError:
            raise self._not_found(namespace, name) from None
        except RevisionConflictError:
            if expected is None:
                return None
            raise self._conflict(name, expected) from None
        committed(idem)
        return self.decode(dkv)

    async def delete(self, req: Message, idem: Pending | None = None) -> Message:
        namespace, name, key = self._key_of_request(req)
        uid, expected = "", None
        if req.HasField("preconditions"):
            pre: meta_pb2.Preconditions = _get(req, "preconditions")
            uid = pre.uid
            if pre.resource_version:
                expected = parse_revision(pre.resource_version, "preconditions.resourceVersion")
        return await self._delete_key(key, namespace, name, uid, expected, bool(_get(req, "dry_run")), idem)

    def _filter(self, options: Message, with_criteria: bool) -> Filter:
        o = cast(list_pb2.ListOptions, options)
        criteria = o.criteria if with_criteria and o.HasField("criteria") else None
        return build_filter(self.resource, o.label_selector, o.field_selector, criteria)

    def _new_list(self, items: Messages, revision: int) -> Message:
        out = self.resource.list_class()
        out.api_version = self.resource.api_version  # type: ignore[attr-defined]
        out.kind = f"{self.resource.kind}List"  # type: ignore[attr-defined]
        out.metadata.resource_version = str(revision)  # type: ignore[attr-defined]
        out.items.extend(items)  # type: ignore[attr-defined]
        return out

    async def delete_collection(self, req: Message, idem: Pending | None = None) -> Message:
        """Many writes, so `idem` is not attached to any: the caller records the response
        (see `ma_server.idempotency`, each single delete is idempotent by itself)."""
        namespace = _get(req, "namespace")
        self._raise_request(self._check_namespace(namespace, "namespace"))
        opts: list_pb2.ListOptions = _get(req, "options")
        flt = self._filter(opts, with_criteria=True)
        dry_run = bool(_get(req, "dry_run"))
        res = await self.storage.list(self.resource.prefix(namespace))
        done: Messages = []
        for kv in res.items:
            obj = self.decode(kv)
            if not flt.matches(obj):
                continue
            m = meta(obj)
            try:
                done.append(await self._delete_key(kv.key, m.namespace, m.name, "", None, dry_run))
            except ApiError as e:
                if e.code != grpc.StatusCode.NOT_FOUND:  # deleted concurrently: nothing to do
                    raise
        revision = await self.storage.current_revision()
        return self._new_list(done, revision)

    # -- list --------------------------------------------------------------

    def _strip_external(self, obj: Message) -> Message:
        for path in self.resource.external_storage_fields:
            parent: Message = obj
            for part in path.proto_path[:-1]:
                if not parent.HasField(part):
                    break
                parent = _get(parent, part)
            else:
                parent.ClearField(path.proto_path[-1])
        return obj

    async def list(self, req: Message) -> Message:
        namespace = _get(req, "namespace")
        self._raise_request(self._check_namespace(namespace, "namespace", allow_all=True))
        o: list_pb2.ListOptions = _get(req, "options")
        flt = self._filter(o, with_criteria=True)
        validate_order_by(self.resource, o.order_by)
        if o.limit < 0:
            self._raise_request([FieldViolation("options.limit", "must be at least 0")])
        limit = o.limit or self.default_limit
        q = query_hash(
            self.resource.plural,
            namespace,
            o.label_selector,
            o.field_selector,
            o.criteria if o.HasField("criteria") else None,
            o.order_by,
        )
        pos = self.tokens.decode(o.continue_token, q) if o.continue_token else None
        if pos is None and o.resource_version:
            rv = parse_revision(o.resource_version, "options.resourceVersion")
            await self._not_newer_than_store(rv, "options.resourceVersion")
        prefix = self.resource.prefix(namespace)
        try:
            if o.order_by:
                return await self._list_sorted(prefix, flt, o, limit, q, pos)
            return await self._list_keyed(prefix, flt, limit, q, pos)
        except (RevisionCompactedError, FutureRevisionError):
            # Only a continued list reads an old revision. A future one means the token
            # outlived the data (an in-memory server restarted with the same secret).
            if pos is not None:
                raise expired_token() from None
            raise

    def _item_budget(self) -> int:
        return max(0, self.list_page_bytes - limits.LIST_ENVELOPE_BYTES)

    async def _list_keyed(self, prefix: str, flt: Filter, limit: int, q: str, pos: ContinuePosition | None) -> Message:
        """One page in key order: at most `limit` items and `list_page_bytes` (at least one item)."""
        revision = pos.revision if pos else 0
        after = pos.after if pos else ""
        items: Messages = []
        budget, used = self._item_budget(), 0
        read_count = read_bytes = 0
        last_key = ""
        # Without a filter one extra item tells whether there is a next page.
        want = limit + 1 if flt.empty else max(limit, 500)
        chunk = min(want, limits.LIST_FIRST_READ)
        while True:
            res = await self.storage.list(
                prefix, start_after=after, limit=chunk, revision=revision, selection=flt.selection
            )
            revision = res.revision
            for i, kv in enumerate(res.items):
                read_count += 1
                read_bytes += len(kv.value)
                obj = await offload.run(self.decode, kv, size=len(kv.value))
                if not flt.matches(obj):
                    continue
                cost = len(kv.value) + limits.LIST_ITEM_OVERHEAD_BYTES
                if items and used + cost > budget:
                    # The page is full by bytes: this item starts the next one.
                    return self._continued(items, revision, last_key, q, len(res.items) - i, flt, res.more)
                used += cost
                items.append(self._strip_external(obj))
                last_key = kv.key
                if len(items) == limit:
                    left = len(res.items) - 1 - i
                    if left or res.more:
                        return self._continued(items, revision, last_key, q, left, flt, res.more)
                    return self._new_list(items, revision)
            if not res.more or not res.items:
                return self._new_list(items, revision)
            after = res.items[-1].key
            # Read about as many as the bytes left in the page take (the average entry so far), and
            # never more than the page still wants: a List of large objects loads few of them.
            average = max(1, read_bytes // max(1, read_count))
            room = max(0, budget - used) // (average + limits.LIST_ITEM_OVERHEAD_BYTES) + 1
            wanted = limit + 1 - len(items) if flt.empty else max(limit - len(items), 500)
            chunk = max(1, min(wanted, room if flt.empty else max(room, limits.LIST_FIRST_READ)))

    def _continued(
        self, items: Messages, revision: int, last_key: str, q: str, left: int, flt: Filter, more: bool
    ) -> Message:
        """A page with a continue token after `last_key`; `left`: entries of the last read not returned
        (the remaining count when there is no filter and the read reached the end)."""
        out = self._new_list(items, revision)
        lm = out.metadata  # type: ignore[attr-defined]
        lm.continue_token = self.tokens.encode(ContinuePosition(revision, last_key, 0, q))
        if flt.empty and not more:
            lm.remaining_item_count = left
        return out

    async def _list_sorted(
        self,
        prefix: str,
        flt: Filter,
        o: list_pb2.ListOptions,
        limit: int,
        q: str,
        pos: ContinuePosition | None,
    ) -> Message:
        res = await self.storage.list(
            prefix,
            revision=pos.revision if pos else 0,
            limit=self.max_sorted_objects + 1,
            selection=flt.selection,
        )
        if len(res.items) > self.max_sorted_objects:
            raise ApiError(
                grpc.StatusCode.FAILED_PRECONDITION,
                f"options.orderBy: ma-server sorts at most {self.max_sorted_objects} objects"
                " (--max-sorted-objects) and more than that"
                " match the selectors the store evaluates; narrow the list with a label or field selector",
            )
        decoded = [await offload.run(self.decode, kv, size=len(kv.value)) for kv in res.items]
        objs = [obj for obj in decoded if flt.matches(obj)]
        ordered = sort_objects(self.resource, objs, o.order_by)
        start = pos.offset if pos else 0
        page: Messages = []
        budget, used = self._item_budget(), 0
        for obj in ordered[start : start + limit]:
            item = self._strip_external(obj)
            cost = item.ByteSize() + limits.LIST_ITEM_OVERHEAD_BYTES
            if page and used + cost > budget:
                break  # full by bytes: the rest comes with the continue token
            used += cost
            page.append(item)
        out = self._new_list(page, res.revision)
        end = start + len(page)
        if end < len(ordered):
            lm = out.metadata  # type: ignore[attr-defined]
            lm.continue_token = self.tokens.encode(ContinuePosition(res.revision, "", end, q))
            lm.remaining_item_count = len(ordered) - end
        return out

    # -- watch -------------------------------------------------------------

    def _event(self, type_: int, obj: Message) -> Message:
        ev = self.resource.watch_event_class()
        ev.type = type_  # type: ignore[attr-defined]
        ev.object.CopyFrom(obj)  # type: ignore[attr-defined]
        return ev

    def _bookmark(self, revision: int) -> Message:
        obj = self.resource.new()
        meta(obj).resource_version = str(revision)
        return self._event(list_pb2.BOOKMARK, obj)

    def _translate(self, ev: Event, flt: Filter) -> Message | None:
        """A storage event as the watch event this watcher sees (selector transitions included)."""
        obj = self.decode(ev)
        if flt.empty:
            kind = {EventType.ADDED: list_pb2.ADDED, EventType.MODIFIED: list_pb2.MODIFIED}.get(
                ev.type, list_pb2.DELETED
            )
            return self._event(kind, obj)
        now = flt.matches(obj)
        if ev.type is EventType.ADDED:
            return self._event(list_pb2.ADDED, obj) if now else None
        if ev.type is EventType.DELETED:
            return self._event(list_pb2.DELETED, obj) if now else None
        if ev.prev_value is None:
            return self._event(list_pb2.MODIFIED, obj) if now else None
        prev = self.decode(ev, value=ev.prev_value)
        before = flt.matches(prev)
        if before and now:
            return self._event(list_pb2.MODIFIED, obj)
        if now:
            return self._event(list_pb2.ADDED, obj)
        if before:
            # As Kubernetes: the last matching state, at the revision where it stopped matching.
            return self._event(list_pb2.DELETED, prev)
        return None

    async def open_watch(self, req: Message) -> _WatchStream:
        """Start a watch: check the request, take a slot of the watch limit, wait for a too new
        resourceVersion (as Get / List), read the initial objects; return the event stream.
        Request errors (ApiError) are raised here, before any event; the stream frees the
        slot when it ends (close it with `aclose()`)."""
        namespace = _get(req, "namespace")
        self._raise_request(self._check_namespace(namespace, "namespace", allow_all=True))
        o: list_pb2.WatchOptions = _get(req, "options")
        flt = build_filter(self.resource, o.label_selector, o.field_selector)
        if o.timeout_seconds < 0:
            self._raise_request([FieldViolation("options.timeoutSeconds", "must be at least 0")])
        rv = o.resource_version
        start_rv = None if rv in ("", "0") else parse_revision(rv, "options.resourceVersion")
        slot = self.watch_limiter.acquire() if self.watch_limiter is not None else None
        try:
            prefix = self.resource.prefix(namespace)
            initial: Messages = []
            if start_rv is None:
                res = await self.storage.list(prefix)
                start = res.revision
                initial = [x for x in (self.decode(kv) for kv in res.items) if flt.matches(x)]
            else:
                start = start_rv
                oldest = await self.storage.oldest_revision()
                if start < oldest:
                    raise too_old(start, oldest)
                await self._not_newer_than_store(start, "options.resourceVersion")
        except BaseException:
            if slot is not None:
                slot.release()
            raise
        return _WatchStream(self._stream(prefix, start, initial, flt, o, slot), slot)

    async def watch(self, req: Message) -> AsyncIterator[Message]:
        """Watch events; request errors (ApiError) are raised by the first iteration, before any event."""
        stream = await self.open_watch(req)
        try:
            async for ev in stream:
                yield ev
        finally:
            await stream.aclose()  # runs the stream's cleanup now, not at garbage collection

    def _too_slow(self, err: WatcherTooSlowError, last: int) -> ApiError:
        """A watcher the storage ended because it fell behind (see `ma_server.watch_limits`)."""
        log.warning(
            "watch ended: the client fell behind",
            extra={"fields": {"resource": self.resource.plural, "resource_version": last, "reason": str(err)}},
        )
        return ApiError(
            grpc.StatusCode.RESOURCE_EXHAUSTED,
            f"watch ended: the client fell behind by more than {err.max_bytes} bytes"
            f" ({err.max_events} events) of unread events; watch again from resourceVersion {last}",
        )

    async def _stream(
        self,
        prefix: str,
        start: int,
        initial: Messages,
        flt: Filter,
        o: list_pb2.WatchOptions,
        slot: WatchSlot | None = None,
    ) -> AsyncGenerator[Message, None]:
        """The events of one watch. No queue of its own: one storage event at a time is awaited
        (kept across wake-ups, so none is lost), so what a watcher holds is bounded by its storage
        buffer plus the one event being sent."""
        loop = asyncio.get_running_loop()
        source = self.storage.watch(prefix, after_revision=start)
        stop_task = asyncio.ensure_future(self.shutdown.wait())
        deadline = loop.time() + o.timeout_seconds if o.timeout_seconds else None
        next_bookmark = loop.time() + self.bookmark_interval if o.allow_bookmarks else None
        last = start
        next_task: asyncio.Future[Event] | None = None
        try:
            for obj in initial:
                yield self._event(list_pb2.ADDED, obj)
            initial = []  # not kept for the life of the watch
            while True:
                wake = min((t for t in (deadline, next_bookmark) if t is not None), default=None)
                timeout = None if wake is None else max(0.0, wake - loop.time())
                if next_task is None:
                    next_task = asyncio.ensure_future(_next_event(source))
                waiting: set[asyncio.Future[Any]] = {next_task, stop_task}
                done, _ = await asyncio.wait(waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                stopping, got = stop_task in done, next_task in done
                del done  # holds the finished task, and so its event, while we yield
                if stopping:
                    raise unavailable("server shutting down")
                if got:
                    task, next_task = next_task, None
                    try:
                        item = task.result()
                    except StopAsyncIteration:  # the storage closed
                        raise unavailable("server shutting down") from None
                    except RevisionCompactedError as e:
                        raise too_old(e.requested, e.oldest) from None
                    except StorageClosedError:
                        raise unavailable("server shutting down") from None
                    except WatcherTooSlowError as e:
                        raise self._too_slow(e, last) from None
                    finally:
                        del task
                    last = item.revision
                    out = await offload.run(self._translate, item, flt, size=len(item.value))
                    del item
                    if out is not None:
                        yield out
                        del out
                now = loop.time()
                if deadline is not None and now >= deadline:
                    return
                if next_bookmark is not None and now >= next_bookmark:
                    yield self._bookmark(last)
                    next_bookmark = now + self.bookmark_interval
        finally:
            stop_task.cancel()
            if next_task is not None:
                next_task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await next_task
            closer = getattr(source, "aclose", None)
            if closer is not None:
                with contextlib.suppress(Exception):
                    await closer()
            if slot is not None:
                slot.release()


class _WatchStream:
    """The events of one watch (`ResourceHandler.open_watch`): its slot of the watch limit is
    given back when the stream ends, and by `aclose()` also when it never started."""

    def __init__(self, events: AsyncGenerator[Message, None], slot: WatchSlot | None) -> None:
        self._events, self._slot = events, slot

    def __aiter__(self) -> _WatchStream:
        return self

    async def __anext__(self) -> Message:
        return await self._events.__anext__()

    async def aclose(self) -> None:
        try:
            await self._events.aclose()
        finally:
            if self._slot is not None:
                self._slot.release()


async def _next_event(source: AsyncIterator[Event]) -> Event:
    return await anext(source)


def decode_request(cls: type[Message], data: bytes) -> Message:
    """Parse a request; malformed bytes are the client's mistake (INVALID_ARGUMENT), not INTERNAL."""
    try:
        return cls.FromString(data)
    except (DecodeError, RuntimeError, ValueError) as e:
        raise invalid(f"malformed {cls.DESCRIPTOR.name}: {e}") from None

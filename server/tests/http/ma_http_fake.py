"""A small in-memory Backend for testing the HTTP layer without the server core.

It implements just enough of the API semantics to exercise transcoding and
rendering: revisions, AlreadyExists/NotFound/Conflict, one validation rule
(metadata.name required), label selectors of the form k=v, paging by limit and
watches from a revision.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import grpc
from google.protobuf.message import Message

from ma_server.errors import ApiError, FieldViolation, already_exists, conflict, not_found
from ma_server.http.catalog import Resource
from ma_server.http.transcode import new_message


class FakeBackend:
    def __init__(self) -> None:
        self.rev = 0
        self.objects: dict[tuple[str, str, str], Any] = {}  # (plural, ns, name)
        self.events: list[tuple[int, str, str, Any]] = []  # (rev, plural, type, obj)
        self.changed = asyncio.Condition()
        self.calls: list[tuple[str, str, Message]] = []

    async def call(self, resource: Resource, role: str, request: Any) -> Message:
        self.calls.append((resource.kind, role, request))
        fn = getattr(self, "_" + role)
        result: Message = await fn(resource, request)
        return result

    async def _emit(self, resource: Resource, typ: str, obj: Any) -> None:
        self.events.append((self.rev, resource.plural, typ, obj))
        async with self.changed:
            self.changed.notify_all()

    def _obj_field(self, request: Any) -> Any:
        return getattr(request, "project", None) or next(
            getattr(request, f.name) for f in request.DESCRIPTOR.fields if f.message_type is not None
        )

    async def _create(self, resource: Resource, request: Any) -> Message:
        obj = self._obj_field(request)
        meta = obj.metadata
        if not meta.name:
            raise ApiError(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"{resource.kind} is invalid: metadata.name: required",
                [FieldViolation("metadata.name", "required")],
            )
        key = (resource.plural, meta.namespace, meta.name)
        if key in self.objects:
            raise already_exists(resource.kind, meta.name, meta.namespace)
        out = type(obj)()
        out.CopyFrom(obj)
        if request.dry_run:
            return out
        self.rev += 1
        out.metadata.resource_version = str(self.rev)
        out.metadata.generation = 1
        out.metadata.uid = f"uid-{self.rev}"
        out.metadata.creation_timestamp.FromSeconds(1_700_000_000)
        self.objects[key] = out
        await self._emit(resource, "ADDED", out)
        return out

    async def _get(self, resource: Resource, request: Any) -> Message:
        key = (resource.plural, request.namespace, request.name)
        if key not in self.objects:
            raise not_found(resource.plural, key[2], key[1])
        return self.objects[key]

    async def _update(self, resource: Resource, request: Any, status_only: bool = False) -> Message:
        obj = self._obj_field(request)
        meta = obj.metadata
        key = (resource.plural, meta.namespace, meta.name)
        cur = self.objects.get(key)
        if cur is None:
            raise not_found(resource.plural, meta.name, meta.namespace)
        if meta.resource_version and meta.resource_version != cur.metadata.resource_version:
            raise conflict(resource.plural, meta.name, "the object has been modified")
        out = type(cur)()
        out.CopyFrom(cur)
        if status_only:
            out.status.CopyFrom(obj.status)
        else:
            out.spec.CopyFrom(obj.spec)
            out.metadata.labels.clear()
            out.metadata.labels.update(meta.labels)
            out.metadata.annotations.clear()
            out.metadata.annotations.update(meta.annotations)
        if request.dry_run:
            return out
        self.rev += 1
        out.metadata.resource_version = str(self.rev)
        self.objects[key] = out
        await self._emit(resource, "MODIFIED", out)
        return out

    async def _update_status(self, resource: Resource, request: Any) -> Message:
        return await self._update(resource, request, status_only=True)

    async def _delete(self, resource: Resource, request: Any) -> Message:
        key = (resource.plural, request.namespace, request.name)
        cur = self.objects.get(key)
        if cur is None:
            raise not_found(resource.plural, key[2], key[1])
        rv = request.preconditions.resource_version
        if rv and rv != cur.metadata.resource_version:
            raise conflict(resource.plural, key[2], "precondition failed")
        if request.dry_run:
            return cur
        del self.objects[key]
        self.rev += 1
        await self._emit(resource, "DELETED", cur)
        return cur

    def _matching(self, resource: Resource, namespace: str, selector: str) -> list[Any]:
        want = dict(p.split("=", 1) for p in selector.split(",") if "=" in p)
        out = []
        for (plural, ns, _), obj in sorted(self.objects.items()):
            if plural != resource.plural or (namespace and ns != namespace):
                continue
            labels = obj.metadata.labels
            if all(labels.get(k) == v for k, v in want.items()):
                out.append(obj)
        return out

    async def _list(self, resource: Resource, request: Any) -> Message:
        opts = request.options
        if opts.label_selector.startswith("!!"):
            raise ApiError(
                grpc.StatusCode.INVALID_ARGUMENT,
                "invalid label selector",
                [FieldViolation("options.labelSelector", "bad")],
            )
        items = self._matching(resource, request.namespace, opts.label_selector)
        start = int(opts.continue_token or 0)
        page = items[start : start + opts.limit] if opts.limit else items[start:]
        assert resource.list_message is not None
        out = new_message(resource.list_message)
        out.metadata.resource_version = str(self.rev)
        if opts.limit and start + opts.limit < len(items):
            out.metadata.continue_token = str(start + opts.limit)
        out.items.extend(page)
        return out

    async def _delete_collection(self, resource: Resource, request: Any) -> Message:
        items = self._matching(resource, request.namespace, request.options.label_selector)
        for obj in items:
            meta = obj.metadata
            del self.objects[(resource.plural, meta.namespace, meta.name)]
        assert resource.list_message is not None
        out = new_message(resource.list_message)
        out.items.extend(items)
        return out

    def watch(self, resource: Resource, request: Any) -> AsyncIterator[Message]:
        return self._watch(resource, request)

    async def _watch(self, resource: Resource, request: Any) -> AsyncIterator[Message]:
        opts = request.options
        if opts.resource_version == "expired":
            raise ApiError(grpc.StatusCode.OUT_OF_RANGE, "too old resource version")
        after = int(opts.resource_version) if opts.resource_version else self.rev
        event_desc = next(m.output_type for r, m in resource.methods.items() if r == "watch")
        sent = 0
        while True:
            for rev, plural, typ, obj in self.events[sent:]:
                sent += 1
                if plural != resource.plural or rev <= after:
                    continue
                ev = new_message(event_desc)
                ev.type = {"ADDED": 1, "MODIFIED": 2, "DELETED": 3}[typ]
                ev.object.CopyFrom(obj)
                yield ev
            if opts.allow_bookmarks:
                ev = new_message(event_desc)
                ev.type = 4
                ev.object.metadata.resource_version = str(self.rev)
                yield ev
            async with self.changed:
                await self.changed.wait()

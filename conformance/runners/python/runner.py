"""Conformance runner for the Python SDK: executes protocol steps through the generated wrappers.

Speaks the JSON-lines protocol of conformance/PROTOCOL.md on stdin/stdout. It
decides nothing: every assertion lives in the driver.

`runner.py` drives the sync `Client` (hello `"runner": "python"`); `runner.py --async`
drives the asyncio `AsyncClient` instead (hello `"runner": "python-async"`): every request
is awaited on one event loop, stdin is read by a thread that feeds the loop, and watch
iterators are consumed by tasks on that loop, so they keep running between requests.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import importlib
import json
import queue
import sys
import threading
import time
import traceback
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar

from google.protobuf import json_format
from google.protobuf.message import Message

from michelangelo.api import list_pb2
from michelangelo.api.v2.client import (
    DEFAULT_RETRY,
    ApiError,
    AsyncClient,
    Client,
    ClientConfig,
    Retry,
    retry_on_conflict,
    retry_on_conflict_async,
)

PROTOCOL = 1
_EVENT_TYPES = {1: "ADDED", 2: "MODIFIED", 3: "DELETED", 4: "BOOKMARK"}


class RunnerError(Exception):
    """A malformed request: reported as RUNNER_ERROR, never as an SDK error."""


def _retry(spec: dict[str, Any] | None, base: Retry) -> Retry | None:
    if spec is None:
        return None
    changes: dict[str, Any] = {}
    if "initial_ms" in spec:
        changes["initial"] = spec["initial_ms"] / 1000
    if "max_ms" in spec:
        changes["maximum"] = spec["max_ms"] / 1000
    if "multiplier" in spec:
        changes["multiplier"] = float(spec["multiplier"])
    if "attempts" in spec:
        changes["attempts"] = int(spec["attempts"])
    if "jitter" in spec:
        changes["jitter"] = bool(spec["jitter"])
    if "attempt_timeout_ms" in spec:
        changes["attempt_timeout"] = spec["attempt_timeout_ms"] / 1000
    return dataclasses.replace(base, **changes)


def _error(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, ApiError):
        return {
            "code": exc.code.name,
            "typed": True,
            "type": type(exc).__name__,
            "message": exc.message,
            "field_violations": [{"field": v.field, "description": v.description} for v in exc.details],
        }
    if isinstance(exc, RunnerError):
        return {
            "code": "RUNNER_ERROR",
            "typed": False,
            "type": "RunnerError",
            "message": str(exc),
            "field_violations": [],
        }
    return {
        "code": "UNKNOWN",
        "typed": False,
        "type": type(exc).__name__,
        "message": f"{exc}\n{traceback.format_exc(limit=5)}",
        "field_violations": [],
    }


def _to_json(msg: Message) -> dict[str, Any]:
    out: dict[str, Any] = json_format.MessageToDict(msg)
    return out


class _Relists:
    """Counts the calls of a watch's `on_relist` hook (reported as `relists` by `next`)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


class _WatchPump:
    """Consumes an SDK watch on a thread, so `next` can wait for events with a bound."""

    def __init__(self, watch: Any, relists: _Relists) -> None:
        self.watch = watch
        self.relists = relists
        self.events: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.error: dict[str, Any] | None = None
        self.done = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for ev in self.watch:
                self.events.put({"type": _EVENT_TYPES.get(ev.type, str(ev.type)), "object": _to_json(ev.object)})
        except BaseException as exc:  # noqa: BLE001 - reported to the driver
            self.error = _error(exc)
        self.events.put(None)

    def next(self, limit: int, wait_ms: int) -> dict[str, Any]:
        items: list[dict[str, Any]] = []
        deadline = time.monotonic() + wait_ms / 1000
        while len(items) < limit and not self.done:
            try:
                ev = self.events.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if ev is None:
                self.done = True
            else:
                items.append(ev)
        return {
            "items": items,
            "done": self.done,
            "error": self.error if self.done else None,
            "relists": self.relists.count,
        }

    def close(self) -> None:
        self.watch.close()
        self._thread.join(timeout=5)


class _Pull:
    """A list or page iterator pulled a few items at a time."""

    def __init__(self, it: Iterator[Any], render: Callable[[Any], dict[str, Any]]) -> None:
        self.it, self.render, self.done = it, render, False
        self.error: dict[str, Any] | None = None

    def next(self, limit: int, wait_ms: int) -> dict[str, Any]:
        items: list[dict[str, Any]] = []
        while len(items) < limit and not self.done:
            try:
                items.append(self.render(next(self.it)))
            except StopIteration:
                self.done = True
            except Exception as exc:  # noqa: BLE001 - reported to the driver
                self.done, self.error = True, _error(exc)
        return {"items": items, "done": self.done, "error": self.error}

    def close(self) -> None:
        self.done = True


def _render_page(page: Any) -> dict[str, Any]:
    return {
        "items": [_to_json(o) for o in page.items],
        "continue": page.metadata.continue_token,
        "resource_version": page.metadata.resource_version,
    }


C = TypeVar("C", Client, AsyncClient)
It = TypeVar("It")


class _Plumbing(Generic[C, It]):
    """What the sync and asyncio runners share: turning requests into SDK arguments, and the open handles."""

    def __init__(self) -> None:
        self.client: C | None = None
        self.config: ClientConfig | None = None
        self.iters: dict[str, It] = {}

    def sub(self, req: dict[str, Any]) -> Any:
        if self.client is None:
            raise RunnerError("no client: send connect first")
        name = _field(req, "resource")
        sub = getattr(self.client, name, None) if not name.startswith("_") else None
        if sub is None or not hasattr(sub, "get"):
            raise RunnerError(f"unknown resource {name!r}")
        return sub

    @staticmethod
    def message_class(sub: Any) -> type[Message]:
        module = importlib.import_module(type(sub).__module__)
        pb2 = importlib.import_module(type(sub).__module__.removesuffix("_client") + "_pb2")
        cls: type[Message] = getattr(pb2, module.KIND)
        return cls

    def obj(self, sub: Any, req: dict[str, Any]) -> Message:
        msg = self.message_class(sub)()
        json_format.ParseDict(_field(req, "object"), msg)
        return msg

    def call_kwargs(self, req: dict[str, Any]) -> dict[str, Any]:
        call = req.get("call") or {}
        out: dict[str, Any] = {}
        if "timeout_ms" in call:
            out["timeout"] = call["timeout_ms"] / 1000
        if call.get("retry") is not None:
            assert self.config is not None
            out["retry"] = _retry(call["retry"], self.config.retry)
        if call.get("metadata") is not None:
            out["metadata"] = [(str(k), str(v)) for k, v in call["metadata"].items()]
        return out

    def write_call_kwargs(self, req: dict[str, Any]) -> dict[str, Any]:
        """Per-call options of a write: those of every call plus the idempotency key."""
        out = self.call_kwargs(req)
        key = (req.get("call") or {}).get("idempotency_key")
        if key is not None:
            out["idempotency_key"] = str(key)
        return out

    @staticmethod
    def list_kwargs(req: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label_selector": req.get("label_selector", ""),
            "field_selector": req.get("field_selector", ""),
            "limit": req.get("limit", 0),
            "resource_version": req.get("resource_version", ""),
            "order_by": req.get("order_by", []),
        }
        if req.get("criteria") is not None:
            out["criteria"] = json_format.ParseDict(req["criteria"], list_pb2.Criteria())
        return out

    def write_kwargs(self, req: dict[str, Any]) -> dict[str, Any]:
        return {
            "dry_run": bool(req.get("dry_run", False)),
            "validate": bool(req.get("validate", True)),
            **self.write_call_kwargs(req),
        }

    def delete_kwargs(self, req: dict[str, Any]) -> dict[str, Any]:
        return {
            "namespace": req.get("namespace"),
            "uid": req.get("uid", ""),
            "resource_version": req.get("resource_version", ""),
            "dry_run": bool(req.get("dry_run", False)),
            **self.write_call_kwargs(req),
        }

    def delete_collection_kwargs(self, req: dict[str, Any]) -> dict[str, Any]:
        kwargs = self.list_kwargs(req)
        for key in ("limit", "resource_version", "order_by"):
            kwargs.pop(key)
        return {"namespace": req.get("namespace"), **kwargs, **self.write_call_kwargs(req)}

    def pager_kwargs(self, req: dict[str, Any]) -> dict[str, Any]:
        return {"namespace": req.get("namespace"), **self.list_kwargs(req), **self.call_kwargs(req)}

    def watch_kwargs(self, req: dict[str, Any]) -> dict[str, Any]:
        return {
            "namespace": req.get("namespace"),
            "resource_version": req.get("resource_version", ""),
            "label_selector": req.get("label_selector", ""),
            "field_selector": req.get("field_selector", ""),
            "relist_on_expired": bool(req.get("relist_on_expired", True)),
            **self.call_kwargs(req),
        }

    def new_config(self, req: dict[str, Any]) -> ClientConfig:
        # The protocol's `tls` defaults to false (the SDK's to True): an absent `tls` means plaintext.
        kwargs: dict[str, Any] = {"target": _field(req, "target"), "tls": bool(req.get("tls", False))}
        for key in ("ca_file", "default_namespace"):
            if req.get(key) is not None:
                kwargs[key] = req[key]
        token = req.get("token")
        if token is not None and req.get("token_provider"):
            kwargs["token_provider"] = lambda: token
        elif token is not None:
            kwargs["token"] = token
        if req.get("timeout_ms") is not None:
            kwargs["timeout"] = req["timeout_ms"] / 1000
        if req.get("retry") is not None:
            kwargs["retry"] = _retry(req["retry"], DEFAULT_RETRY)
        self.config = ClientConfig(**kwargs)
        return self.config

    def new_handle(self, req: dict[str, Any]) -> str:
        handle = str(_field(req, "handle"))
        if handle in self.iters:
            raise RunnerError(f"handle {handle!r} is already open")
        return handle

    def open_iter(self, req: dict[str, Any]) -> It:
        handle = _field(req, "handle")
        it = self.iters.get(handle)
        if it is None:
            raise RunnerError(f"unknown handle {handle!r}")
        return it

    def pop_iter(self, req: dict[str, Any]) -> It:
        handle = _field(req, "handle")
        it = self.iters.pop(handle, None)
        if it is None:
            raise RunnerError(f"unknown handle {handle!r}")
        return it

    def op_fn(self, req: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
        op = req.get("op")
        fn: Callable[[dict[str, Any]], Any] | None = getattr(self, f"op_{op}", None) if isinstance(op, str) else None
        if fn is None:
            raise RunnerError(f"unknown op {op!r}")
        return fn


# -- sync: Client ---------------------------------------------------------------------------------------------------


class Runner(_Plumbing[Client, "_WatchPump | _Pull"]):
    """Executes requests through the sync `Client`."""

    def op_connect(self, req: dict[str, Any]) -> dict[str, Any]:
        self.op_close(req)
        self.client = Client(config=self.new_config(req))
        return {}

    def op_close(self, req: dict[str, Any]) -> dict[str, Any]:
        for it in self.iters.values():
            it.close()
        self.iters.clear()
        if self.client is not None:
            self.client.close()
            self.client = None
        return {}

    def op_create(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(sub.create(self.obj(sub, req), **self.write_kwargs(req)))

    def op_update(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(sub.update(self.obj(sub, req), **self.write_kwargs(req)))

    def op_update_status(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(sub.update_status(self.obj(sub, req), **self.write_kwargs(req)))

    def op_get(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(sub.get(_field(req, "name"), namespace=req.get("namespace"), **self.call_kwargs(req)))

    def op_delete(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(sub.delete(_field(req, "name"), **self.delete_kwargs(req)))

    def op_delete_collection(self, req: dict[str, Any]) -> dict[str, Any]:
        out = self.sub(req).delete_collection(**self.delete_collection_kwargs(req))
        return {"items": [_to_json(o) for o in out.items]}

    def pager(self, req: dict[str, Any]) -> Any:
        return self.sub(req).list(**self.pager_kwargs(req))

    def op_list(self, req: dict[str, Any]) -> dict[str, Any]:
        return {"items": [_to_json(o) for o in self.pager(req)]}

    def op_open_list(self, req: dict[str, Any]) -> dict[str, Any]:
        handle = self.new_handle(req)
        self.iters[handle] = _Pull(iter(self.pager(req)), _to_json)
        return {}

    def op_open_pages(self, req: dict[str, Any]) -> dict[str, Any]:
        handle = self.new_handle(req)
        self.iters[handle] = _Pull(iter(self.pager(req).pages), _render_page)
        return {}

    def op_open_watch(self, req: dict[str, Any]) -> dict[str, Any]:
        handle = self.new_handle(req)
        relists = _Relists()
        watch = self.sub(req).watch(**self.watch_kwargs(req), on_relist=relists)
        self.iters[handle] = _WatchPump(watch, relists)
        return {}

    def op_next(self, req: dict[str, Any]) -> dict[str, Any]:
        it = self.open_iter(req)
        return it.next(int(_field(req, "max")), int(req.get("wait_ms", 0)))

    def op_close_iter(self, req: dict[str, Any]) -> dict[str, Any]:
        self.pop_iter(req).close()
        return {}

    def op_retry_on_conflict(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        name, namespace = _field(req, "name"), req.get("namespace")
        labels: dict[str, str] = _field(req, "set_labels")
        attempts = 0

        def modify() -> Message:
            nonlocal attempts
            attempts += 1
            obj = sub.get(name, namespace=namespace)
            obj.metadata.labels.update(labels)
            updated: Message = sub.update(obj)
            return updated

        final = retry_on_conflict(modify)
        return {"object": _to_json(final), "attempts": attempts}

    def handle(self, req: dict[str, Any]) -> dict[str, Any]:
        rid = req.get("id")
        try:
            result: dict[str, Any] = self.op_fn(req)(req)
            return {"id": rid, "ok": True, "result": result}
        except Exception as exc:  # noqa: BLE001 - typed errors are reported; an untyped failure is itself a finding
            return {"id": rid, "ok": False, "error": _error(exc)}


# -- asyncio: AsyncClient -------------------------------------------------------------------------------------------


class _AsyncWatchPump:
    """Consumes an SDK AsyncWatch in a task on the runner's loop, so `next` can wait for events with a bound."""

    def __init__(self, watch: Any, relists: _Relists) -> None:
        self.watch = watch
        self.relists = relists
        self.events: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        self.error: dict[str, Any] | None = None
        self.done = False
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        try:
            async for ev in self.watch:
                self.events.put_nowait({"type": _EVENT_TYPES.get(ev.type, str(ev.type)), "object": _to_json(ev.object)})
        except asyncio.CancelledError:
            raise  # only close() cancels this task, when the watch did not end after aclose()
        except BaseException as exc:  # noqa: BLE001 - reported to the driver
            self.error = _error(exc)
        finally:
            self.events.put_nowait(None)

    async def next(self, limit: int, wait_ms: int) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        items: list[dict[str, Any]] = []
        deadline = loop.time() + wait_ms / 1000
        while len(items) < limit and not self.done:
            try:
                ev = self.events.get_nowait()
            except asyncio.QueueEmpty:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                try:
                    ev = await asyncio.wait_for(self.events.get(), remaining)
                except TimeoutError:
                    break
            if ev is None:
                self.done = True
            else:
                items.append(ev)
        return {
            "items": items,
            "done": self.done,
            "error": self.error if self.done else None,
            "relists": self.relists.count,
        }

    async def close(self) -> None:
        await self.watch.aclose()
        finished, _ = await asyncio.wait({self._task}, timeout=5)
        if not finished:
            self._task.cancel()
            await asyncio.wait({self._task}, timeout=5)


class _AsyncPull:
    """An async list or page iterator pulled (`__anext__`) a few items at a time."""

    def __init__(self, it: AsyncIterator[Any], render: Callable[[Any], dict[str, Any]]) -> None:
        self.it, self.render, self.done = it, render, False
        self.error: dict[str, Any] | None = None

    async def next(self, limit: int, wait_ms: int) -> dict[str, Any]:
        items: list[dict[str, Any]] = []
        while len(items) < limit and not self.done:
            try:
                items.append(self.render(await anext(self.it)))
            except StopAsyncIteration:
                self.done = True
            except Exception as exc:  # noqa: BLE001 - reported to the driver
                self.done, self.error = True, _error(exc)
        return {"items": items, "done": self.done, "error": self.error}

    async def close(self) -> None:
        self.done = True
        if isinstance(self.it, AsyncGenerator):
            await self.it.aclose()


class AsyncRunner(_Plumbing[AsyncClient, "_AsyncWatchPump | _AsyncPull"]):
    """Executes requests through the asyncio `AsyncClient`; every op is awaited on the runner's one event loop."""

    async def op_connect(self, req: dict[str, Any]) -> dict[str, Any]:
        await self.op_close(req)
        self.client = AsyncClient(config=self.new_config(req))
        return {}

    async def op_close(self, req: dict[str, Any]) -> dict[str, Any]:
        for it in self.iters.values():
            await it.close()
        self.iters.clear()
        if self.client is not None:
            await self.client.close()
            self.client = None
        return {}

    async def op_create(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(await sub.create(self.obj(sub, req), **self.write_kwargs(req)))

    async def op_update(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(await sub.update(self.obj(sub, req), **self.write_kwargs(req)))

    async def op_update_status(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(await sub.update_status(self.obj(sub, req), **self.write_kwargs(req)))

    async def op_get(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(await sub.get(_field(req, "name"), namespace=req.get("namespace"), **self.call_kwargs(req)))

    async def op_delete(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        return _to_json(await sub.delete(_field(req, "name"), **self.delete_kwargs(req)))

    async def op_delete_collection(self, req: dict[str, Any]) -> dict[str, Any]:
        out = await self.sub(req).delete_collection(**self.delete_collection_kwargs(req))
        return {"items": [_to_json(o) for o in out.items]}

    def pager(self, req: dict[str, Any]) -> Any:
        return self.sub(req).list(**self.pager_kwargs(req))

    async def op_list(self, req: dict[str, Any]) -> dict[str, Any]:
        return {"items": [_to_json(o) async for o in self.pager(req)]}

    async def op_open_list(self, req: dict[str, Any]) -> dict[str, Any]:
        handle = self.new_handle(req)
        self.iters[handle] = _AsyncPull(aiter(self.pager(req)), _to_json)
        return {}

    async def op_open_pages(self, req: dict[str, Any]) -> dict[str, Any]:
        handle = self.new_handle(req)
        self.iters[handle] = _AsyncPull(aiter(self.pager(req).pages), _render_page)
        return {}

    async def op_open_watch(self, req: dict[str, Any]) -> dict[str, Any]:
        handle = self.new_handle(req)
        relists = _Relists()
        watch = self.sub(req).watch(**self.watch_kwargs(req), on_relist=relists)
        self.iters[handle] = _AsyncWatchPump(watch, relists)
        return {}

    async def op_next(self, req: dict[str, Any]) -> dict[str, Any]:
        it = self.open_iter(req)
        return await it.next(int(_field(req, "max")), int(req.get("wait_ms", 0)))

    async def op_close_iter(self, req: dict[str, Any]) -> dict[str, Any]:
        await self.pop_iter(req).close()
        return {}

    async def op_retry_on_conflict(self, req: dict[str, Any]) -> dict[str, Any]:
        sub = self.sub(req)
        name, namespace = _field(req, "name"), req.get("namespace")
        labels: dict[str, str] = _field(req, "set_labels")
        attempts = 0

        async def modify() -> Message:
            nonlocal attempts
            attempts += 1
            obj = await sub.get(name, namespace=namespace)
            obj.metadata.labels.update(labels)
            updated: Message = await sub.update(obj)
            return updated

        final = await retry_on_conflict_async(modify)
        return {"object": _to_json(final), "attempts": attempts}

    async def handle(self, req: dict[str, Any]) -> dict[str, Any]:
        rid = req.get("id")
        try:
            fn: Callable[[dict[str, Any]], Awaitable[dict[str, Any]]] = self.op_fn(req)
            return {"id": rid, "ok": True, "result": await fn(req)}
        except Exception as exc:  # noqa: BLE001 - typed errors are reported; an untyped failure is itself a finding
            return {"id": rid, "ok": False, "error": _error(exc)}


# -- main -------------------------------------------------------------------------------------------------------------


def _field(req: dict[str, Any], key: str) -> Any:
    if key not in req:
        raise RunnerError(f"request field {key!r} is required")
    return req[key]


def _write(msg: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(msg) + "\n")
    sys.stdout.flush()


def _parse(line: str) -> dict[str, Any] | None:
    """The request on a line, or None after answering a line that is not JSON."""
    try:
        req: dict[str, Any] = json.loads(line)
    except ValueError as exc:
        _write({"id": None, "ok": False, "error": _error(RunnerError(f"request is not JSON: {exc}"))})
        return None
    return req


def _serve_sync() -> int:
    runner = Runner()
    for line in sys.stdin:
        if not line.strip():
            continue
        req = _parse(line)
        if req is not None:
            _write(runner.handle(req))
    runner.op_close({})
    return 0


async def _serve_async() -> int:
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()

    def read_stdin() -> None:  # a thread: blocking reads must not stall the loop (watch tasks run on it)
        try:
            for line in sys.stdin:
                loop.call_soon_threadsafe(lines.put_nowait, line)
        finally:
            loop.call_soon_threadsafe(lines.put_nowait, None)

    threading.Thread(target=read_stdin, name="stdin", daemon=True).start()
    runner = AsyncRunner()
    while (line := await lines.get()) is not None:
        if not line.strip():
            continue
        req = _parse(line)
        if req is not None:
            _write(await runner.handle(req))
    await runner.op_close({})
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--async", dest="use_async", action="store_true", help="drive the asyncio AsyncClient instead of Client"
    )
    args = parser.parse_args(argv)
    name = "python-async" if args.use_async else "python"
    _write({"id": 0, "ok": True, "result": {"runner": name, "protocol": PROTOCOL}})
    if args.use_async:
        return asyncio.run(_serve_async())
    return _serve_sync()


if __name__ == "__main__":
    sys.exit(main())

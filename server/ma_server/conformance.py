"""Fault injection for client conformance tests; registered only with `--conformance`.

The control service is `ma.conformance.Control`: unary methods whose request
and response bodies are UTF-8 JSON objects (identity serializers, so any gRPC
client can call them with raw bytes, e.g. `channel.unary_unary("/ma.conformance.Control/Fail")`).
`method` is a full gRPC method name such as
`/michelangelo.api.v2.ProjectService/GetProject`; `"*"` matches every API method.
State is process-wide and lasts until `Reset`.

- `Fail` `{"method": M, "code": "UNAVAILABLE", "times": 2, "message": "injected", "retry_delay_ms": 300}`:
  the next `times` calls of M end with status `code` (a grpc.StatusCode name)
  without reaching the handler; with `retry_delay_ms` the status carries a
  `google.rpc.RetryInfo` detail with that delay (in `grpc-status-details-bin`).
  -> `{"ok": true}`
- `LoseResponse` `{"method": M, "code": "UNAVAILABLE", "times": 1}`: the next
  `times` calls of M run the handler (a write is applied, and recorded under
  its idempotency key) and then end with status `code` instead of the
  response, as if the response was lost on the way. Calls that fail in the
  handler keep their own error and use no turn. -> `{"ok": true}`
- `Delay` `{"method": M, "seconds": 0.5, "times": 0}`: add latency before
  each of the next `times` calls of M (0: every call until Reset). -> `{"ok": true}`
- `CutWatch` `{"method": M, "after_events": 3, "status": "OK", "times": 1}`:
  the next `times` watch streams of M (0: all until Reset) end after
  `after_events` events (bookmarks included), cleanly (`"OK"`) or with
  `"UNAVAILABLE"`, `"INTERNAL"` or `"RESOURCE_EXHAUSTED"`. -> `{"ok": true}`
- `Compact` `{"revision": 42}`: compact the storage event log at that revision
  (default: the current revision), so older resource versions and continue
  tokens become too old. -> `{"compacted": 42}`
- `Calls` `{"method": M, "clear": false}`: the journal of API calls the server
  received (M: one method, `"*"` or absent: all), oldest first ->
  `{"calls": [{"method", "start", "end", "code", "deadline_ms", "authorization",
  "idempotency_key", "user_agent", "metadata"}]}`
  where `start`/`end` are server monotonic seconds, `deadline_ms` the time left
  to the client's deadline when the call arrived (null: none),
  `authorization` whether the call carried an `authorization` header,
  `idempotency_key` its `idempotency-key` (null: none), `user_agent` its
  `user-agent` ("" when absent) and `metadata` every other request metadata
  entry (`{key: value}`, the last value of a repeated key) except
  `authorization`, `idempotency-key`, `user-agent`, `grpc-*`, `:*`,
  `x-ma-conformance`, `content-type` and `te`. Calls
  with the metadata `x-ma-conformance: driver` (the test driver's own set-up
  calls) are not journaled, so assertions see only the client under test. With
  `"clear": true` the returned calls are removed from the journal. It keeps the last
  10,000 calls; injected failures are journaled with their code.
- `Reset` `{}`: clear every injected fault and the call journal. -> `{"ok": true}`

A malformed body gives INVALID_ARGUMENT.

The journal holds nothing of a request's body (so no `sensitive` field value)
and no credential: `authorization` is only reported as present or not, never
in `metadata` (`_NOT_METADATA`); `server/tests/test_sensitive.py` checks both.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import grpc

from ma_server.errors import ApiError, invalid
from ma_server.storage import StorageRejectedError
from ma_server.storage.base import Storage

SERVICE = "ma.conformance.Control"


@dataclass
class _Fail:
    code: grpc.StatusCode
    message: str
    remaining: int
    retry_delay_ms: int | None = None


@dataclass
class _Lose:
    code: grpc.StatusCode
    remaining: int


@dataclass
class _Delay:
    seconds: float
    remaining: int  # 0 = unlimited


@dataclass
class WatchCut:
    after_events: int
    code: grpc.StatusCode | None  # None: end cleanly (OK)
    remaining: int  # 0 = unlimited


@dataclass
class CallRecord:
    """One API call as the server saw it, for assertions on retries, backoff and deadlines."""

    method: str
    start: float
    deadline_ms: float | None
    authorization: bool
    idempotency_key: str | None = None
    user_agent: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    end: float | None = None
    code: str = "OK"

    def finish(self, code: str) -> None:
        if self.end is None:  # the first outcome is the one the client saw
            self.end = time.monotonic()
            self.code = code

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "deadline_ms": self.deadline_ms,
            "authorization": self.authorization,
            "idempotency_key": self.idempotency_key,
            "user_agent": self.user_agent,
            "metadata": dict(self.metadata),
        }


JOURNAL_SIZE = 10_000
DRIVER_METADATA = ("x-ma-conformance", "driver")
# Request metadata the journal's `metadata` leaves out (reported apart, or the transport's own).
_NOT_METADATA = frozenset({"authorization", "idempotency-key", "user-agent", "x-ma-conformance", "content-type", "te"})
CUT_CODES = ("OK", "UNAVAILABLE", "INTERNAL", "RESOURCE_EXHAUSTED")


def _matches(pattern: str, method: str) -> bool:
    return pattern in ("*", method)


class ConformanceState:
    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.fails: dict[str, _Fail] = {}
        self.delays: dict[str, _Delay] = {}
        self.cuts: dict[str, WatchCut] = {}
        self.losses: dict[str, _Lose] = {}
        self.journal: deque[CallRecord] = deque(maxlen=JOURNAL_SIZE)

    def reset(self) -> None:
        self.fails.clear()
        self.delays.clear()
        self.cuts.clear()
        self.losses.clear()
        self.journal.clear()

    def record(self, method: str, time_remaining: float | None, metadata: Any) -> CallRecord:
        """Journal a call as it arrives; the caller sets its final code with `finish`."""
        has_auth = False
        key_value: str | None = None
        user_agent = ""
        others: dict[str, str] = {}
        for key, raw in metadata or ():
            value = raw if isinstance(raw, str) else raw.decode("latin-1")
            if key == "authorization":
                has_auth = True
            elif key == DRIVER_METADATA[0] and value == DRIVER_METADATA[1]:
                return CallRecord(method, time.monotonic(), None, has_auth)  # not journaled
            elif key == "idempotency-key":
                key_value = value
            elif key == "user-agent":
                user_agent = value
            elif key not in _NOT_METADATA and not key.startswith(("grpc-", ":")):
                others[key] = value
        deadline_ms = None if time_remaining is None else round(time_remaining * 1000, 1)
        rec = CallRecord(method, time.monotonic(), deadline_ms, has_auth, key_value, user_agent, others)
        self.journal.append(rec)
        return rec

    @staticmethod
    def _take(table: dict[str, Any], method: str) -> Any:
        """The entry for `method` (exact name first, then "*"), consuming one use."""
        for key in (method, "*"):
            entry = table.get(key)
            if entry is None:
                continue
            if entry.remaining:
                entry.remaining -= 1
                if entry.remaining == 0:
                    del table[key]
            return entry
        return None

    async def before_call(self, method: str) -> None:
        """Apply injected latency and failures to a call about to be handled."""
        delay: _Delay | None = self._take(self.delays, method) if self.delays else None
        if delay is not None:
            await asyncio.sleep(delay.seconds)
        fail: _Fail | None = self._take(self.fails, method) if self.fails else None
        if fail is not None:
            raise ApiError(fail.code, fail.message, retry_delay_ms=fail.retry_delay_ms)

    def after_call(self, method: str) -> None:
        """A call's handler succeeded: end it with an injected status instead, if a lost response is due."""
        lose: _Lose | None = self._take(self.losses, method) if self.losses else None
        if lose is not None:
            raise ApiError(lose.code, f"response lost ({lose.code.name} injected by the conformance control)")

    def take_watch_cut(self, method: str) -> WatchCut | None:
        cut: WatchCut | None = self._take(self.cuts, method) if self.cuts else None
        return cut

    # -- control methods (JSON in, JSON out) -------------------------------

    async def fail(self, body: dict[str, Any]) -> dict[str, Any]:
        method = _method(body)
        code = _code(body.get("code", "UNAVAILABLE"))
        times = _int(body, "times", 1, minimum=1)
        message = str(body.get("message", f"injected {code.name} failure"))
        delay = None
        if "retry_delay_ms" in body:
            delay = _int(body, "retry_delay_ms", 0, minimum=0)
        self.fails[method] = _Fail(code, message, times, delay)
        return {"ok": True}

    async def lose_response(self, body: dict[str, Any]) -> dict[str, Any]:
        method = _method(body)
        code = _code(body.get("code", "UNAVAILABLE"))
        self.losses[method] = _Lose(code, _int(body, "times", 1, minimum=1))
        return {"ok": True}

    async def delay(self, body: dict[str, Any]) -> dict[str, Any]:
        method = _method(body)
        seconds = body.get("seconds")
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or not 0 <= seconds <= 60:
            raise invalid("seconds must be a number between 0 and 60")
        self.delays[method] = _Delay(float(seconds), _int(body, "times", 0, minimum=0))
        return {"ok": True}

    async def cut_watch(self, body: dict[str, Any]) -> dict[str, Any]:
        method = _method(body)
        after = _int(body, "after_events", 1, minimum=0)
        status = str(body.get("status", "OK")).upper()
        if status not in CUT_CODES:
            raise invalid(f"status must be one of {', '.join(CUT_CODES)}")
        code = None if status == "OK" else grpc.StatusCode[status]
        self.cuts[method] = WatchCut(after, code, _int(body, "times", 1, minimum=0))
        return {"ok": True}

    async def compact(self, body: dict[str, Any]) -> dict[str, Any]:
        current = await self.storage.current_revision()
        revision = _int(body, "revision", current, minimum=0)
        if revision > current:
            raise invalid(f"revision {revision} is newer than the current revision {current}")
        try:
            await self.storage.compact(revision)
        except StorageRejectedError as e:  # Kubernetes: its apiserver compacts its etcd itself
            raise ApiError(grpc.StatusCode.FAILED_PRECONDITION, f"cannot compact this storage: {e}") from None
        return {"compacted": revision}

    async def calls(self, body: dict[str, Any]) -> dict[str, Any]:
        method = _method(body) if "method" in body else "*"
        out = [r.to_json() for r in self.journal if _matches(method, r.method)]
        if body.get("clear") is True:
            kept = [r for r in self.journal if not _matches(method, r.method)]
            self.journal.clear()
            self.journal.extend(kept)
        return {"calls": out}

    async def reset_call(self, body: dict[str, Any]) -> dict[str, Any]:
        self.reset()
        return {"ok": True}

    def methods(self) -> dict[str, Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]]:
        return {
            "Fail": self.fail,
            "LoseResponse": self.lose_response,
            "Delay": self.delay,
            "CutWatch": self.cut_watch,
            "Compact": self.compact,
            "Calls": self.calls,
            "Reset": self.reset_call,
        }


def _method(body: dict[str, Any]) -> str:
    method = body.get("method")
    if not isinstance(method, str) or not (method == "*" or (method.startswith("/") and method.count("/") == 2)):
        raise invalid('method must be a full gRPC method name like "/pkg.Service/Method" or "*"')
    return method


def _code(name: object) -> grpc.StatusCode:
    if isinstance(name, str) and name.upper() in grpc.StatusCode.__members__ and name.upper() != "OK":
        return grpc.StatusCode[name.upper()]
    raise invalid(f"code must be a non-OK grpc.StatusCode name, got {name!r}")


def _int(body: dict[str, Any], key: str, default: int, *, minimum: int) -> int:
    value = body.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise invalid(f"{key} must be an integer >= {minimum}")
    return value


def parse_body(data: bytes) -> dict[str, Any]:
    try:
        body = json.loads(data.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError) as e:
        raise invalid(f"request body is not JSON: {e}") from None
    if not isinstance(body, dict):
        raise invalid("request body must be a JSON object")
    return body

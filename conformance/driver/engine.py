"""Running one case against one runner: steps, fault injection, normalisation and every assertion."""

from __future__ import annotations

import base64
import copy
import importlib
import itertools
import json
import random
import re
import subprocess
import time
from dataclasses import dataclass
from functools import cache
from typing import Any

import grpc
import yaml
from google.protobuf import json_format
from google.protobuf.message import Message

from conformance.driver.cases import CONFORMANCE_DIR, Case
from conformance.driver.matching import Mismatch, get_path, match, substitute
from conformance.driver.runners import RunnerError, RunnerProcess
from conformance.driver.server import Server
from ma_server.model import Method, Resource, load_model
from ma_server.storage.kube_objects import to_kube

RUNNER_OPS = frozenset(
    {"create", "get", "update", "update_status", "delete", "delete_collection", "list",
     "open_list", "open_pages", "open_watch", "next", "close_iter", "retry_on_conflict"}
)  # fmt: skip
OBJECT_OPS = frozenset({"create", "get", "update", "update_status", "delete"})
STEP_TIMEOUT_S = 60.0
# Keys of a step that are the driver's, never sent to a runner.
_DRIVER_KEYS = frozenset({"op", "expect", "save", "sample", "patch", "fill"})
# Client defaults of every case unless it overrides them: short backoff keeps the suite fast.
DEFAULT_CONNECT: dict[str, Any] = {
    "timeout_ms": 10_000,
    "retry": {"initial_ms": 10, "max_ms": 100, "multiplier": 2.0, "attempts": 4, "jitter": True},
}


class StepFailed(AssertionError):
    pass


@dataclass(frozen=True)
class ApiResource:
    """A resource under its protocol name (the SDK sub-client name, e.g. `model_families`)."""

    name: str
    model: Resource


@cache
def resources() -> dict[str, ApiResource]:
    """Protocol resource names, read from the Python SDK's client so they cannot drift from the SDKs."""
    client = importlib.import_module("michelangelo.api.v2.client")
    by_kind = {r.kind: r for r in load_model().resources}
    out: dict[str, ApiResource] = {}
    for attr in client.Client.__annotations__:
        sub_module = importlib.import_module(_sub_module(client, attr))
        out[attr] = ApiResource(attr, by_kind[sub_module.KIND])
    return out


def _sub_module(client: Any, attr: str) -> str:
    cls_name = client.Client.__annotations__[attr]
    cls = getattr(client, cls_name) if isinstance(cls_name, str) else cls_name
    return str(cls.__module__)


@cache
def _samples() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CONFORMANCE_DIR / "samples.yaml").read_text())
    return data


def sample(kind: str) -> dict[str, Any]:
    """A valid object of `kind` in proto3 JSON (conformance/samples.yaml), without name or namespace."""
    spec = _samples().get(kind)
    if spec is None:
        raise StepFailed(f"conformance/samples.yaml has no sample {kind}")
    return {"apiVersion": "michelangelo.api/v2", "kind": kind, **copy.deepcopy(spec)}


def _fill(obj: dict[str, Any], path: str, size: int) -> dict[str, Any]:
    """`obj` with the bytes field at `path` set to `size` pseudo-random (incompressible, reproducible) bytes."""
    data = random.Random(size).randbytes(size)
    *parents, leaf = path.split(".")
    out = copy.deepcopy(obj)
    cur = out
    for part in parents:
        cur = cur.setdefault(part, {})
    cur[leaf] = base64.b64encode(data).decode()
    return out


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = _merge(base.get(k), v) if k in base else v
        return out
    return copy.deepcopy(over)


class CaseRun:
    """The state of one case: variables, open iterators and the servers' handles."""

    def __init__(self, case: Case, runner: RunnerProcess, server: Server, ns: str, language: str) -> None:
        self.case = case
        self.runner = runner
        self.server = server
        self.language = language
        self.vars: dict[str, Any] = {
            "ns": ns,
            "other_ns": f"{ns}-b",
            "language": language,
            "target": server.target,
            **case.params,
        }
        if server.certificate is not None:
            self.vars["ca_file"] = server.certificate.cert_file
        if server.token is not None:
            self.vars["token"] = server.token
        self.handles: dict[str, tuple[str, ApiResource]] = {}  # handle -> (open op, resource)

    # -- set-up ----------------------------------------------------------------

    def connect(self) -> None:
        body: dict[str, Any] = {"op": "connect", "target": self.server.target, "default_namespace": self.vars["ns"]}
        if self.server.certificate is not None:
            body.update(tls=True, ca_file=self.server.certificate.cert_file, token=self.server.token)
        body.update(copy.deepcopy(DEFAULT_CONNECT))
        overrides = substitute(self.case.connect, self.vars)
        for key, value in overrides.items():
            if key == "retry" and isinstance(value, dict):
                body["retry"] = {**body["retry"], **value}
            else:
                body[key] = value
        body = {k: v for k, v in body.items() if v is not None}
        resp = self.runner.request(body, STEP_TIMEOUT_S)
        if not resp["ok"]:
            raise StepFailed(f"connect failed: {resp['error']}")

    # -- steps -----------------------------------------------------------------

    def run(self) -> None:
        self.connect()
        for index, raw in enumerate(self.case.steps, 1):
            try:
                self.step(raw)
            except (Mismatch, StepFailed) as e:
                raise StepFailed(f"step {index} ({raw['op']}): {e}") from None
            except RunnerError as e:
                raise RunnerError(f"step {index} ({raw['op']}): {e}") from None

    def resource(self, step: dict[str, Any]) -> ApiResource:
        name = step.get("resource", self.case.resource)
        res = resources().get(name)
        if res is None:
            raise StepFailed(f"unknown resource {name!r} (known: {', '.join(sorted(resources()))})")
        return res

    def step(self, raw: dict[str, Any]) -> None:
        step = substitute(raw, self.vars)
        op = step["op"]
        expect: dict[str, Any] = step.get("expect", {})
        started = time.monotonic()
        if op in RUNNER_OPS:
            outcome = self.runner_step(op, step)
        else:
            outcome = self.driver_step(op, step)
        elapsed_ms = (time.monotonic() - started) * 1000
        if op == "calls":
            self.check_calls(outcome, expect)
        else:
            self.check(op, step, outcome, expect, elapsed_ms)
        for var, path in step.get("save", {}).items():
            if not outcome["ok"]:
                raise StepFailed(f"cannot save {var!r}: the step failed with {outcome['error']['code']}")
            self.vars[var] = get_path(outcome["result"], path)

    def object_json(self, res: ApiResource, step: dict[str, Any]) -> dict[str, Any]:
        obj: dict[str, Any] = step.get("object", {})
        if step.get("sample"):
            obj = _merge(sample(res.model.kind), obj)
        if "patch" in step:
            obj = _merge(obj, step["patch"])
        if "fill" in step:
            obj = _fill(obj, step["fill"]["path"], step["fill"]["bytes"])
        return obj

    def runner_step(self, op: str, step: dict[str, Any]) -> dict[str, Any]:
        body = {k: v for k, v in step.items() if k not in _DRIVER_KEYS}
        body["op"] = op
        if op in ("next", "close_iter"):
            handle = step.get("handle", "")
            if handle not in self.handles:
                raise StepFailed(f"handle {handle!r} was never opened")
            body.pop("resource", None)
        else:
            res = self.resource(step)
            body["resource"] = res.name
            if op in ("create", "update", "update_status"):
                body["object"] = self.object_json(res, step)
            if op.startswith("open_"):
                self.handles[step["handle"]] = (op, res)
        resp = self.runner.request(body, STEP_TIMEOUT_S)
        if resp["ok"]:
            resp["result"] = self.normalise(op, step, resp["result"])
        if op == "close_iter":
            self.handles.pop(step["handle"], None)
        return resp

    # -- the runner's results, parsed into messages and printed by one printer ---

    def normalise(self, op: str, step: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        if op in OBJECT_OPS:
            return self.canon(self.resource(step), result, "result")
        if op in ("list", "delete_collection"):
            res = self.resource(step)
            return {
                **result,
                "items": [self.canon(res, o, f"items.{i}") for i, o in enumerate(result.get("items", []))],
            }
        if op == "retry_on_conflict":
            return {**result, "object": self.canon(self.resource(step), result.get("object", {}), "object")}
        if op == "next":
            kind, res = self.handles[step["handle"]]
            items = result.get("items", [])
            if kind == "open_list":
                items = [self.canon(res, o, f"items.{i}") for i, o in enumerate(items)]
            elif kind == "open_pages":
                items = [
                    {
                        **page,
                        "items": [
                            self.canon(res, o, f"items.{i}.items.{j}") for j, o in enumerate(page.get("items", []))
                        ],
                    }
                    for i, page in enumerate(items)
                ]
            else:
                items = [
                    {**ev, "object": self.canon(res, ev.get("object", {}), f"items.{i}.object")}
                    for i, ev in enumerate(items)
                ]
            return {**result, "items": items}
        return result

    @staticmethod
    def canon(res: ApiResource, obj: Any, where: str) -> dict[str, Any]:
        msg = res.model.message_class()
        try:
            json_format.ParseDict(obj, msg)
        except (json_format.ParseError, TypeError, ValueError) as e:
            raise StepFailed(f"{where}: the runner returned no valid proto3 JSON {res.model.kind}: {e}") from None
        out: dict[str, Any] = json_format.MessageToDict(msg)
        return out

    # -- driver-side steps: set-up through raw stubs and fault injection ---------

    def driver_step(self, op: str, step: dict[str, Any]) -> dict[str, Any]:
        if op == "sleep":
            time.sleep(step.get("ms", 0) / 1000)
            return {"ok": True, "result": {}}
        if op in ("fail", "lose_response", "delay", "cut_watch"):
            method = self.method(step)
            body: dict[str, Any] = {"method": method}
            if op == "fail":
                body.update(code=step.get("code", "UNAVAILABLE"), times=step.get("times", 1))
                if "retry_delay_ms" in step:
                    body["retry_delay_ms"] = step["retry_delay_ms"]
                return {"ok": True, "result": self.server.control("Fail", body)}
            if op == "lose_response":
                body.update(code=step.get("code", "UNAVAILABLE"), times=step.get("times", 1))
                return {"ok": True, "result": self.server.control("LoseResponse", body)}
            if op == "delay":
                body.update(seconds=step.get("seconds", 0.1), times=step.get("times", 1))
                return {"ok": True, "result": self.server.control("Delay", body)}
            body.update(
                after_events=step.get("after_events", 1), status=step.get("status", "OK"), times=step.get("times", 1)
            )
            return {"ok": True, "result": self.server.control("CutWatch", body)}
        if op == "compact":
            return {"ok": True, "result": self.server.control("Compact", {})}
        if op == "calls":
            method = self.method(step)
            if step.get("expect", {}).get("settled"):
                self.wait_settled(method)
            calls = self.server.control("Calls", {"method": method, "clear": True})["calls"]
            return {"ok": True, "result": {"calls": calls}}
        res = self.resource(step)
        try:
            if op == "seed":
                return {"ok": True, "result": {"items": self.seed(res, step)}}
            if op == "server_get":
                return {"ok": True, "result": self.raw_get(res, step)}
            if op == "server_update":
                obj = self.raw_get(res, step)
                if "set_labels" in step:
                    obj.setdefault("metadata", {}).setdefault("labels", {}).update(step["set_labels"])
                obj = _merge(obj, step.get("object", {}))
                return {"ok": True, "result": self.raw_call(res, "update", {res.model.object_field: obj})}
            if op == "server_delete":
                ns = step.get("namespace", self.vars["ns"])
                return {"ok": True, "result": self.raw_call(res, "delete", {"namespace": ns, "name": step["name"]})}
        except grpc.RpcError as e:
            code: grpc.StatusCode = e.code()
            message = e.details() or ""
            error = {"code": code.name, "typed": True, "type": "RpcError", "message": message, "field_violations": []}
            return {"ok": False, "error": error}
        raise StepFailed(f"unknown op {op!r}")

    def wait_settled(self, method: str, timeout_s: float = 5.0) -> None:
        """Until every journaled call of `method` has ended (a cancelled stream ends on the server a little later)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            calls = self.server.control("Calls", {"method": method})["calls"]
            if all(c["end"] is not None for c in calls):
                return
            time.sleep(0.02)

    def method(self, step: dict[str, Any]) -> str:
        verb = step.get("method", "*")
        if verb == "*":
            return "*"
        methods = self.resource(step).model.methods
        if verb not in methods:
            raise StepFailed(f"unknown method {verb!r} (one of {', '.join(methods)} or '*')")
        return methods[verb].full_name

    def raw_stub(self, method: Method) -> grpc.UnaryUnaryMultiCallable[Message, Message]:
        """The generated-message stub of one API method on the driver's own channel."""
        return self.server.channel.unary_unary(
            method.full_name,
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=method.response_class.FromString,
        )

    def raw_call(self, res: ApiResource, verb: str, request: dict[str, Any]) -> dict[str, Any]:
        method = res.model.methods[verb]  # type: ignore[index]
        req = method.request_class()
        json_format.ParseDict(request, req)
        resp: Message = self.raw_stub(method)(req, timeout=30, metadata=self.server.metadata())
        out: dict[str, Any] = json_format.MessageToDict(resp)
        return out

    def raw_get(self, res: ApiResource, step: dict[str, Any]) -> dict[str, Any]:
        return self.raw_call(res, "get", {"namespace": step.get("namespace", self.vars["ns"]), "name": step["name"]})

    def seed(self, res: ApiResource, step: dict[str, Any]) -> list[str]:
        """`count` objects named by `name_format` with `labels`, created through raw stubs (not the SDK),
        or, on the kubernetes storage, applied with kubectl to the kube-apiserver behind the server."""
        if self.server.kubeconfig is not None:
            return self.seed_with_kubectl(res, step, self.server.kubeconfig)
        ns = step.get("namespace", self.vars["ns"])
        fmt = step.get("name_format", "obj-{i:04d}")
        names = []
        futures = []
        method = res.model.methods["create"]
        call = self.raw_stub(method)
        base = self.object_json(res, {**step, "sample": step.get("sample", True)})
        for i in range(step.get("count", 1)):
            name = fmt.format(i=i)
            obj = _merge(base, {"metadata": {"name": name, "namespace": ns, "labels": step.get("labels", {})}})
            req = method.request_class()
            json_format.ParseDict({res.model.object_field: obj}, req)
            futures.append(call.future(req, timeout=60, metadata=self.server.metadata()))
            names.append(name)
            # Concurrent creates take revisions in any order (on etcd visibly so): `ordered` waits for each.
            if len(futures) >= (1 if step.get("ordered") else 64):  # bounded concurrency
                for f in futures:
                    f.result()
                futures.clear()
        for f in futures:
            f.result()
        return names

    def seed_with_kubectl(self, res: ApiResource, step: dict[str, Any], kubeconfig: str) -> list[str]:
        """The seed as one `kubectl apply --server-side` of a List (its namespace first, objects in
        order): what a Kubernetes user writes, which the runners then read through their SDK.
        Server-side apply, so no last-applied annotation is added to what the cases compare."""
        ns = step.get("namespace", self.vars["ns"])
        fmt = step.get("name_format", "obj-{i:04d}")
        base = self.object_json(res, {**step, "sample": step.get("sample", True)})
        items: list[dict[str, Any]] = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}]
        names = []
        for i in range(step.get("count", 1)):
            name = fmt.format(i=i)
            obj = _merge(base, {"metadata": {"name": name, "namespace": ns, "labels": step.get("labels", {})}})
            msg = res.model.new()
            json_format.ParseDict(obj, msg)
            items.append(to_kube(msg))
            names.append(name)
        done = subprocess.run(
            ["kubectl", "--kubeconfig", kubeconfig, "apply", "--server-side", "-f", "-"],
            input=json.dumps({"apiVersion": "v1", "kind": "List", "items": items}),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise StepFailed(f"kubectl apply of the seed failed: {done.stderr.strip()[-500:]}")
        return names

    # -- assertions ------------------------------------------------------------

    def check(
        self, op: str, step: dict[str, Any], outcome: dict[str, Any], expect: dict[str, Any], elapsed_ms: float
    ) -> None:
        want_error = expect.get("error")
        if want_error is not None:
            if outcome["ok"]:
                raise StepFailed(f"expected error {want_error}, but the call succeeded: {_short(outcome['result'])}")
            err = outcome["error"]
            if err["code"] != want_error:
                raise StepFailed(f"expected error {want_error}, got {err['code']}: {err['message'][:300]}")
            if not err["typed"]:
                raise StepFailed(f"error {err['code']} is not one of the SDK's typed errors ({err['type']})")
            if "message_contains" in expect and expect["message_contains"] not in err["message"]:
                raise StepFailed(f"error message {err['message']!r} lacks {expect['message_contains']!r}")
            fields = {v["field"] for v in err["field_violations"]}
            missing = [f for f in expect.get("field_violations", []) if f not in fields]
            if missing:
                raise StepFailed(f"error details name {sorted(fields)}, expected also {missing}")
        elif not outcome["ok"]:
            err = outcome["error"]
            raise StepFailed(f"unexpected error {err['code']} ({err['type']}): {err['message'][:500]}")
        else:
            result = outcome["result"]
            if "result" in expect:
                match(expect["result"], result)
            items = result.get("items", [])
            if op == "next" and self.handles.get(step["handle"], ("",))[0] == "open_pages":
                pages = items
                items = [o for page in pages for o in page["items"]]
                if "page_sizes" in expect and [len(p["items"]) for p in pages] != expect["page_sizes"]:
                    raise StepFailed(f"page sizes {[len(p['items']) for p in pages]}, expected {expect['page_sizes']}")
            if "events" in expect:
                got = [f"{ev['type']} {ev['object'].get('metadata', {}).get('name', '?')}" for ev in items]
                if got != expect["events"]:
                    raise StepFailed(f"events {got}, expected {expect['events']}")
            names = [o.get("metadata", {}).get("name", "?") for o in items if isinstance(o, dict)]
            if "names" in expect and names != expect["names"]:
                raise StepFailed(f"names {_short(names)}, expected {_short(expect['names'])}")
            if "names_unordered" in expect and sorted(names) != sorted(expect["names_unordered"]):
                raise StepFailed(
                    f"names {_short(sorted(names))}, expected (any order) {_short(sorted(expect['names_unordered']))}"
                )
            if expect.get("distinct") and len(set(names)) != len(names):
                raise StepFailed(f"{len(names) - len(set(names))} duplicate names among {len(names)} items")
            if "count" in expect and len(items) != expect["count"]:
                raise StepFailed(f"{len(items)} items, expected {expect['count']}")
            if "done" in expect and result.get("done") != expect["done"]:
                raise StepFailed(
                    f"done is {result.get('done')}, expected {expect['done']} (error: {result.get('error')})"
                )
            if "iter_error" in expect:
                err = result.get("error") or {}
                if err.get("code") != expect["iter_error"] or not err.get("typed"):
                    raise StepFailed(f"iterator ended with {err or 'no error'}, expected typed {expect['iter_error']}")
            elif op == "next" and result.get("error"):
                raise StepFailed(f"iterator failed: {result['error']}")
            if "relists" in expect and result.get("relists") != expect["relists"]:
                raise StepFailed(f"the relist hook ran {result.get('relists')} times, expected {expect['relists']}")
            if "attempts" in expect and result.get("attempts") != expect["attempts"]:
                raise StepFailed(
                    f"retry_on_conflict made {result.get('attempts')} attempts, expected {expect['attempts']}"
                )
        bounds = expect.get("duration_ms")
        if bounds:
            if "min" in bounds and elapsed_ms < bounds["min"]:
                raise StepFailed(f"took {elapsed_ms:.0f} ms, expected at least {bounds['min']} ms")
            if "max" in bounds and elapsed_ms > bounds["max"]:
                raise StepFailed(f"took {elapsed_ms:.0f} ms, expected at most {bounds['max']} ms")

    @staticmethod
    def check_calls(outcome: dict[str, Any], expect: dict[str, Any]) -> None:
        calls: list[dict[str, Any]] = outcome["result"]["calls"]
        codes = [c["code"] for c in calls]
        if "count" in expect and len(calls) != expect["count"]:
            raise StepFailed(f"server saw {len(calls)} calls {codes}, expected {expect['count']}")
        if "min_count" in expect and len(calls) < expect["min_count"]:
            raise StepFailed(f"server saw {len(calls)} calls {codes}, expected at least {expect['min_count']}")
        if "codes" in expect and codes != expect["codes"]:
            raise StepFailed(f"server saw codes {codes}, expected {expect['codes']}")
        gaps = [(b["start"] - a["start"]) * 1000 for a, b in itertools.pairwise(calls)]
        if "min_gap_ms" in expect and gaps and min(gaps) < expect["min_gap_ms"]:
            raise StepFailed(
                f"gaps between calls {[round(g) for g in gaps]} ms, expected each >= {expect['min_gap_ms']}"
            )
        if "max_gap_ms" in expect and gaps and max(gaps) > expect["max_gap_ms"]:
            raise StepFailed(
                f"gaps between calls {[round(g) for g in gaps]} ms, expected each <= {expect['max_gap_ms']}"
            )
        deadlines = [c["deadline_ms"] for c in calls]
        bounds = expect.get("deadline_ms")
        if bounds:
            for d in deadlines:
                if d is None or d < bounds.get("min", 0) or d > bounds.get("max", float("inf")):
                    raise StepFailed(f"call deadlines {deadlines} ms, expected each within {bounds}")
        if expect.get("deadline_ms_decreasing") and (
            any(d is None for d in deadlines) or any(b >= a for a, b in itertools.pairwise(deadlines))
        ):
            raise StepFailed(f"call deadlines {deadlines} ms, expected each shorter than the one before")
        if expect.get("no_deadline") and any(d is not None for d in deadlines):
            raise StepFailed(f"call deadlines {deadlines} ms, expected none")
        if "authorization" in expect and any(c["authorization"] != expect["authorization"] for c in calls):
            raise StepFailed(
                f"authorization headers {[c['authorization'] for c in calls]}, expected all {expect['authorization']}"
            )
        CaseRun.check_call_metadata(calls, expect)

    @staticmethod
    def check_call_metadata(calls: list[dict[str, Any]], expect: dict[str, Any]) -> None:
        """Idempotency keys, user agent and request metadata of the journaled calls."""
        keys = [c.get("idempotency_key") for c in calls]
        if expect.get("same_idempotency_key"):
            if not calls or any(not k for k in keys) or len(set(keys)) != 1:
                raise StepFailed(f"idempotency keys {keys}, expected one key on every call")
        if expect.get("distinct_idempotency_keys"):
            if any(not k for k in keys) or len(set(keys)) != len(keys):
                raise StepFailed(f"idempotency keys {keys}, expected a different key on every call")
        if "idempotency_key" in expect and any(k != expect["idempotency_key"] for k in keys):
            raise StepFailed(f"idempotency keys {keys}, expected all {expect['idempotency_key']!r}")
        if "user_agent" in expect:
            pattern = re.compile(expect["user_agent"]["matches"])
            agents = [c.get("user_agent", "") for c in calls]
            if not calls or any(not pattern.search(a) for a in agents):
                raise StepFailed(f"user agents {agents}, expected each to match {pattern.pattern!r}")
        if "metadata" in expect:
            want: dict[str, str] = expect["metadata"]
            seen = [c.get("metadata", {}) for c in calls]
            if not calls or any(any(m.get(k) != v for k, v in want.items()) for m in seen):
                raise StepFailed(f"request metadata {seen}, expected each to carry {want}")


def _short(v: Any) -> str:
    text = json.dumps(v, default=str)
    return text if len(text) <= 400 else text[:400] + "..."

"""Budget, request counts and the watchdog shared by the fuzzers.

Bounded by default: a fixed number of examples per method/operation with a derandomized
(deterministic) seed, and a wall-clock share of `DEFAULT_BUDGET_S` per fuzzer and store as a
cap. `MA_FUZZ_BUDGET=<seconds>` runs longer: each fuzzer repeats rounds with fresh seeds
(1, 2, 3, ...) until its share of that budget is spent.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import grpc
import httpx
from api_server import ServerProcess
from hypothesis.errors import Flaky

from michelangelo.api import meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2

DEFAULT_BUDGET_S = 80.0  # the whole fuzz session, both stores, when MA_FUZZ_BUDGET is unset
BUDGET_ENV = "MA_FUZZ_BUDGET"
STORES = ("memory", "sqlite")
# Share of the budget of each fuzzer (per store); the shares sum to 1.
SHARES = {"grpc": 0.45, "http-k8s": 0.30, "http-stateful": 0.25}

WATCHDOG_INTERVAL_S = 0.05
WATCHDOG_BOUND_S = 1.0  # every watchdog Get answers within this, whatever the fuzzers send
WATCHDOG_NAMESPACE = "fuzz-watchdog"  # no fuzzer writes here (their namespaces are fixed lists)


def long_run() -> bool:
    return bool(os.environ.get(BUDGET_ENV))


def share_s(part: str) -> float:
    total = float(os.environ.get(BUDGET_ENV) or DEFAULT_BUDGET_S)
    return total * SHARES[part] / len(STORES)


_PART_DEADLINES: dict[str, float] = {}


class Rounds:
    """The seeds of one fuzz target (a gRPC method, an HTTP hazard family): None (derandomized,
    deterministic) once by default; 1, 2, ... while the target's `fraction` of its fuzzer's share is
    left when MA_FUZZ_BUDGET is set. `over()` is the wall-clock cap: once the fuzzer's share for
    this store (`key`, counted from its first target) is spent, test bodies stop sending."""

    def __init__(self, part: str, store: str, fraction: float) -> None:
        now = time.monotonic()
        self.part_deadline = _PART_DEADLINES.setdefault(f"{part}/{store}", now + share_s(part))
        self.deadline = now + share_s(part) * fraction if long_run() else float("inf")

    def over(self) -> bool:
        now = time.monotonic()
        return now >= self.part_deadline or now >= self.deadline

    def __iter__(self) -> Iterator[int | None]:
        if not long_run():
            yield None
            return
        n = 0
        while not self.over():
            n += 1
            yield n


@dataclass
class Tally:
    """Requests sent, by fuzzer and store (read by the terminal summary)."""

    counts: Counter[str] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)
    watchdog: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)  # "grpc OK", "http 422", ...
    current: str = ""  # what a fuzzer is sending now (named by a slow watchdog Get)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.counts[key] += n


TALLY = Tally()


def run_examples(test: Callable[[], None], found: list[str], failures: list[str]) -> None:
    """Run one hypothesis test whose body appends each problem to `found` before failing; add the
    last (most shrunk) one, and how many examples failed, to `failures`. Replays of a stateful
    server may not fail the same way (hypothesis' Flaky errors): the problems found still count."""
    try:
        test()
    except (AssertionError, Flaky):
        pass
    finally:
        if found:
            failures.append(f"{found[-1]} [{len(found)} failing examples; first: {found[0][:300]}]")
            found.clear()


class Watchdog:
    """Small Gets every WATCHDOG_INTERVAL_S on channels of its own (gRPC and HTTP alternately);
    records every one that took longer than WATCHDOG_BOUND_S or did not answer."""

    def __init__(self, server: ServerProcess, label: str, where: str = "") -> None:
        self.server = server
        self.label = label  # the store
        self.where = where  # the test module
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self.recreated = 0  # times a fuzzer had deleted the watched object
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"watchdog-{label}", daemon=True)
        self._channel = grpc.insecure_channel(server.target)
        self._http = httpx.Client(base_url=f"http://127.0.0.1:{server.http_port}", timeout=5)
        self._get = self._channel.unary_unary(
            "/michelangelo.api.v2.ProjectService/GetProject",
            request_serializer=project_svc_pb2.GetProjectRequest.SerializeToString,
            response_deserializer=project_pb2.Project.FromString,
        )
        self._path = f"/apis/michelangelo.api/v2/namespaces/{WATCHDOG_NAMESPACE}/projects/watched"

    def start(self) -> Watchdog:
        self._create()
        self._thread.start()
        return self

    def _create(self) -> None:
        """Create the watched object (again: a stateful fuzzer may find it in a cluster-wide list and delete it)."""
        create = self._channel.unary_unary(
            "/michelangelo.api.v2.ProjectService/CreateProject",
            request_serializer=project_svc_pb2.CreateProjectRequest.SerializeToString,
            response_deserializer=project_pb2.Project.FromString,
        )
        obj = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="watched", namespace=WATCHDOG_NAMESPACE))
        obj.spec.owning_team = "fuzz"
        create(project_svc_pb2.CreateProjectRequest(project=obj), timeout=10)

    def _once(self, n: int, lag: float) -> None:
        t0 = time.perf_counter()
        missing = False
        try:
            if n % 2 == 0:
                req = project_svc_pb2.GetProjectRequest(namespace=WATCHDOG_NAMESPACE, name="watched")
                self._get(req, timeout=WATCHDOG_BOUND_S * 5)
                outcome = "OK"
            else:
                r = self._http.get(self._path)
                outcome = str(r.status_code)
                missing = r.status_code == 404
                if r.status_code not in (200, 404):
                    self.failures.append(f"HTTP GET {self._path} answered {r.status_code}: {r.text[:300]}")
        except grpc.RpcError as e:
            outcome = e.code().name  # type: ignore[attr-defined]
            missing = e.code() == grpc.StatusCode.NOT_FOUND  # type: ignore[attr-defined]
            if not missing:
                self.failures.append(f"gRPC GetProject answered {outcome}: {e.details()}")  # type: ignore[attr-defined]
        except httpx.HTTPError as e:
            outcome = type(e).__name__
            self.failures.append(f"HTTP GET {self._path} failed: {e!r}")
        took = time.perf_counter() - t0
        self.latencies.append(took)
        if took > WATCHDOG_BOUND_S:
            self.failures.append(
                f"Get #{n} ({outcome}) took {took:.3f} s > {WATCHDOG_BOUND_S} s (this test process was "
                f"{lag * 1000:.0f} ms late waking the watchdog before it) while sending {TALLY.current[:600]}"
            )
        if missing:  # an answer all the same (its latency counts); the next Gets read a new object
            self.recreated += 1
            try:
                self._create()
            except grpc.RpcError as e:
                if e.code() != grpc.StatusCode.ALREADY_EXISTS:  # type: ignore[attr-defined]
                    self.failures.append(f"re-creating the watched object: {e.code().name}")  # type: ignore[attr-defined]

    def _run(self) -> None:
        n = 0
        while True:
            t0 = time.perf_counter()
            if self._stop.wait(WATCHDOG_INTERVAL_S):
                return
            # How late this thread woke: a loaded machine, not the server, delays it.
            self._once(n, time.perf_counter() - t0 - WATCHDOG_INTERVAL_S)
            n += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(15)
        self._channel.close()
        self._http.close()
        TALLY.add(f"watchdog/{self.label}", len(self.latencies))
        if self.latencies:
            lat = sorted(self.latencies)
            p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
            TALLY.watchdog.append(
                f"{self.label} ({self.where}): {len(lat)} Gets, median {statistics.median(lat) * 1000:.1f} ms, "
                f"p99 {p99 * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms (bound {WATCHDOG_BOUND_S * 1000:.0f} ms)"
                + (f", object re-created {self.recreated} times" if self.recreated else "")
            )

    def check(self) -> None:
        """The server answered every watchdog Get since the last check within the bound, and is running."""
        proc = self.server.proc
        assert proc is not None and proc.poll() is None, (
            f"server exited ({proc.returncode if proc else None}); log: {self.server.log_tail()}"
        )
        failures, self.failures = self.failures, []
        assert not failures, f"{len(failures)} slow or failed watchdog Gets: {failures[:10]}"

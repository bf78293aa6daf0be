"""HTTP fuzzers against a real server: schemathesis' stateful runs over the server's OpenAPI
document (links inferred by schemathesis' dependency analysis: create, then get / update /
patch / delete what was created), and hand-written hypothesis strategies for the Kubernetes
dialect (`http_fuzz`). Every answer: no 5xx, and a 4xx carries a Kubernetes Status body; the
watchdog's Gets keep their latency bound and the server stays up."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from fuzz_support import TALLY, Rounds, Watchdog, run_examples
from http_fuzz import (
    NAMESPACES,
    REQUEST_TIMEOUT_S,
    SEEDED,
    Request,
    State,
    bodies,
    deletes,
    junk,
    ns_path,
    paging,
    patches,
    selectors,
    send,
    status_problem,
    watches,
)
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from ma_http_manifests import manifest

from ma_server.http.catalog import Resource, build_catalog, default_services
from ma_server.model import load_model

CATALOG = build_catalog(default_services())
RESOURCES = CATALOG.resources
MANIFESTS = {r.kind: manifest(r.message, r.api_version, r.kind, SEEDED, NAMESPACES[0]) for r in RESOURCES}
FIELDS = {r.kind: sorted(load_model().by_kind(r.kind).indexed_fields) for r in RESOURCES}

HAZARD_EXAMPLES = 30  # per family and round
STEPS = 3  # requests per example, at most (later ones may use tokens the earlier ones got)
STATEFUL_EXAMPLES = 25
STATEFUL_STEPS = 6

Family = Callable[..., st.SearchStrategy[Request]]
FAMILIES: dict[str, tuple[Family, str]] = {
    # name: (strategy, what its third argument is: indexed "fields" or "manifests")
    "selectors": (selectors, "fields"),
    "paging": (paging, "fields"),
    "bodies": (bodies, "manifests"),
    "patches": (patches, "manifests"),
    "deletes": (deletes, "manifests"),
    "watches": (watches, "fields"),
    "junk": (junk, "fields"),
}

_STATES: dict[str, State] = {}


def _settings(examples: int, n: int | None, **extra: Any) -> settings:
    return settings(
        max_examples=examples,
        derandomize=n is None,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        report_multiple_bugs=False,
        print_blob=False,
        **extra,
    )


def _seed(client: httpx.Client, r: Resource, ns: str) -> int:
    """Create the object the patches and updates aim at (a 409 when it exists is fine)."""
    doc = dict(MANIFESTS[r.kind], metadata={"name": SEEDED, "namespace": ns, "labels": {"app": "v"}})
    client.post(ns_path(r, ns), json=doc)
    return 1


def _state(dog: Watchdog, client: httpx.Client) -> State:
    """Per store, once: seeded objects and the continue tokens and versions of a paged list."""
    if dog.label in _STATES:
        return _STATES[dog.label]
    state = State()
    sent = 0
    for r in RESOURCES:
        for ns in NAMESPACES:
            sent += _seed(client, r, ns)
            doc = dict(MANIFESTS[r.kind], metadata={"name": "fuzz-b", "namespace": ns})
            client.post(ns_path(r, ns), json=doc)
            sent += 1
        send(client, Request("GET", ns_path(r, NAMESPACES[0]), [("limit", "1")]), state)
        sent += 1
    TALLY.add(f"http-k8s/{dog.label}", sent)
    _STATES[dog.label] = state
    return state


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_http_hazards(fuzzed: Watchdog, family: str) -> None:
    strategy, arg = FAMILIES[family]
    rounds = Rounds("http-k8s", fuzzed.label, 1 / len(FAMILIES))
    failures: list[str] = []
    found: list[str] = []
    sent = 0
    t0 = time.monotonic()
    with httpx.Client(base_url=f"http://127.0.0.1:{fuzzed.server.http_port}", timeout=REQUEST_TIMEOUT_S) as client:
        state = _state(fuzzed, client)

        def run(data: st.DataObject) -> None:
            nonlocal sent
            r = data.draw(st.sampled_from(RESOURCES), label="resource")
            third = FIELDS[r.kind] if arg == "fields" else MANIFESTS
            for _ in range(data.draw(st.integers(1, STEPS), label="steps")):
                if rounds.over():
                    return
                req = data.draw(strategy(r, third, state), label="request")
                if family in ("patches", "bodies"):
                    sent += _seed(client, r, req.path.split("/")[6] if r.namespaced else "")
                sent += 1
                problem = send(client, req, state)
                if problem is not None:
                    found.append(problem)
                    raise AssertionError(problem)

        for n in rounds:
            test = _settings(HAZARD_EXAMPLES, n)(given(data=st.data())(run))
            run_examples(test if n is None else seed(n)(test), found, failures)
            if rounds.over():
                break
    TALLY.add(f"http-k8s/{fuzzed.label}", sent)
    TALLY.seconds[f"http-k8s/{fuzzed.label}"] += time.monotonic() - t0
    fuzzed.check()
    assert not failures, "\n".join(failures)


class _BudgetSpent(Exception):
    """Raised instead of sending once the stateful fuzzer's share is spent (ends the run)."""


def test_schemathesis_stateful(fuzzed: Watchdog) -> None:
    base = f"http://127.0.0.1:{fuzzed.server.http_port}"
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json").exclude(operation_id_regex="^Watch")
    machine = schema.as_state_machine()
    rounds = Rounds("http-stateful", fuzzed.label, 1.0)
    sent = 0
    failures: list[str] = []
    found: list[str] = []
    t0 = time.monotonic()

    class Workflow(machine):  # type: ignore[misc, valid-type]
        def call(self, case: Any, **kwargs: Any) -> Any:
            nonlocal sent
            if rounds.over():
                raise _BudgetSpent
            sent += 1
            TALLY.current = f"schemathesis {case.method} {case.formatted_path} query={case.query!r}"
            return case.call(base_url=base, timeout=REQUEST_TIMEOUT_S, **kwargs)

        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            TALLY.outcomes[f"schemathesis {response.status_code}"] += 1
            problem = status_problem(response.status_code, case.method, response.content)
            if problem is not None:
                request = f"{case.method} {case.formatted_path} query={case.query!r} body={case.body!r}"
                found.append(f"{request[:800]} -> {problem}")
                raise AssertionError(found[-1])

    def run(n: int | None) -> Callable[[], None]:
        test_settings = _settings(STATEFUL_EXAMPLES, n, stateful_step_count=STATEFUL_STEPS)

        def go() -> None:
            try:
                Workflow.run(settings=test_settings)
            except _BudgetSpent:
                pass

        return go  # rounds after the first (MA_FUZZ_BUDGET) are not derandomized: fresh random seeds

    for n in rounds:
        run_examples(run(n), found, failures)
        if rounds.over():
            break
    TALLY.add(f"http-stateful/{fuzzed.label}", sent)
    TALLY.seconds[f"http-stateful/{fuzzed.label}"] += time.monotonic() - t0
    assert sent >= STATEFUL_EXAMPLES, f"only {sent} requests sent"
    fuzzed.check()
    assert not failures, "\n".join(failures)

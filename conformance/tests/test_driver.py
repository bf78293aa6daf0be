"""The driver itself: case validation, verdicts, known-failing lists and reports.

Runs the real driver (`python -m conformance.driver`) with the Python runner
against a real ma-server, on small case files written per test.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

PASSING = """
  - name: t/passes
    doc: A get of a missing object is NOT_FOUND.
    steps:
      - {op: get, name: ghost, expect: {error: NOT_FOUND}}
"""
FAILING = """
  - name: t/fails
    doc: Expects the wrong code on purpose.
    steps:
      - {op: get, name: ghost, expect: {error: ALREADY_EXISTS}}
"""


def run_driver(tmp_path: Path, cases: str, known: str = "") -> subprocess.CompletedProcess[str]:
    cases_dir, known_dir, out = tmp_path / "cases", tmp_path / "known", tmp_path / "out"
    cases_dir.mkdir()
    known_dir.mkdir()
    (cases_dir / "t.yaml").write_text("cases:\n" + cases.strip("\n") + "\n")
    (known_dir / "python.txt").write_text(known)
    args = ["--languages", "python", "--cases-dir", str(cases_dir), "--known-failing-dir", str(known_dir)]
    return subprocess.run(
        [sys.executable, "-m", "conformance.driver", *args, "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def junit(tmp_path: Path) -> dict[str, ET.Element]:
    root = ET.parse(tmp_path / "out" / "junit.xml").getroot()
    return {tc.get("name", ""): tc for tc in root.iter("testcase")}


def test_passing_case(tmp_path: Path) -> None:
    proc = run_driver(tmp_path, PASSING)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conformance: PASSED: 1 cases x 1 languages" in proc.stdout
    cases = junit(tmp_path)
    assert list(cases) == ["t/passes"] and len(cases["t/passes"]) == 0
    assert "| `t/passes` | pass |" in (tmp_path / "out" / "report.md").read_text()


def test_failing_case_fails_run_with_reason(tmp_path: Path) -> None:
    proc = run_driver(tmp_path, PASSING + FAILING)
    assert proc.returncode == 1
    assert "python: failed: t/fails" in proc.stdout
    assert "expected error ALREADY_EXISTS, got NOT_FOUND" in proc.stdout
    failure = junit(tmp_path)["t/fails"].find("failure")
    assert failure is not None and "ALREADY_EXISTS" in failure.get("message", "")
    assert "**FAIL**" in (tmp_path / "out" / "report.md").read_text()


def test_known_failing_case_does_not_fail_run(tmp_path: Path) -> None:
    proc = run_driver(tmp_path, PASSING + FAILING, known="t/fails  # wrong on purpose\n")
    assert proc.returncode == 0, proc.stdout
    skipped = junit(tmp_path)["t/fails"].find("skipped")
    assert skipped is not None and "wrong on purpose" in skipped.get("message", "")


def test_stale_known_failing_entry_fails_run(tmp_path: Path) -> None:
    proc = run_driver(tmp_path, PASSING, known="t/passes  # used to fail\n")
    assert proc.returncode == 1
    assert "stale" in proc.stdout and "1 stale" in proc.stdout
    assert junit(tmp_path)["t/passes"].find("failure") is not None


def test_known_failing_entry_naming_no_case_fails_run(tmp_path: Path) -> None:
    proc = run_driver(tmp_path, PASSING, known="t/renamed  # gone\n")
    assert proc.returncode == 1
    assert "lists 't/renamed', which is no case" in proc.stdout


def test_known_failing_entry_needs_a_reason(tmp_path: Path) -> None:
    proc = run_driver(tmp_path, PASSING, known="t/passes\n")
    assert proc.returncode == 2
    assert "python.txt:1: known-failing entry 't/passes' needs a '# reason'" in proc.stderr


@pytest.mark.parametrize(
    ("cases", "message"),
    [
        (
            "  - {name: t/x, doc: d, steps: [{op: frobnicate}]}",
            "t.yaml: cases/0/steps/0/op: 'frobnicate' is not one of",
        ),
        ("  - {name: t/x, doc: d, steps: [{op: get, nmae: a}]}", "cases/0/steps/0: Additional properties"),
        ("  - {name: t/x, steps: [{op: get}]}", "cases/0: 'doc' is a required property"),
        (PASSING + PASSING, "duplicate case name 't/passes'"),
        (
            "  - {name: t/x, doc: d, params: {code: [A, B]}, steps: [{op: get}]}",
            "has params but its name uses none of them",
        ),
    ],
)
def test_invalid_case_file_is_rejected_naming_the_place(tmp_path: Path, cases: str, message: str) -> None:
    proc = run_driver(tmp_path, cases)
    assert proc.returncode == 2
    assert "t.yaml" in proc.stderr and message in proc.stderr, proc.stderr


def test_params_expand_into_named_cases(tmp_path: Path) -> None:
    cases = """
  - name: t/code/{code}
    doc: Each injected code reaches the caller as that typed error.
    params: {code: [INTERNAL, DATA_LOSS]}
    steps:
      - {op: fail, method: get, code: "${code}", times: 1}
      - {op: get, name: ghost, call: {retry: {attempts: 1}}, expect: {error: "${code}"}}
      - {op: calls, method: get, expect: {count: 1, codes: ["${code}"]}}
"""
    proc = run_driver(tmp_path, cases)
    assert proc.returncode == 0, proc.stdout
    assert sorted(junit(tmp_path)) == ["t/code/DATA_LOSS", "t/code/INTERNAL"]


def test_lose_response_and_call_metadata_expectations(tmp_path: Path) -> None:
    cases = """
  - name: t/lost-get
    doc: A lost get response is retried; the journal shows the user agent and no idempotency key.
    steps:
      - {op: seed, count: 1, name_format: "p"}
      - {op: lose_response, method: get, code: UNAVAILABLE, times: 1}
      - {op: get, name: p}
      - op: calls
        method: get
        expect: {codes: [UNAVAILABLE, OK], idempotency_key: null, user_agent: {matches: "grpc-python/"}}
  - name: t/retry-info
    doc: A failure with retry_delay_ms is injected (the SDK's reaction is not asserted here).
    steps:
      - {op: fail, method: get, code: UNAVAILABLE, retry_delay_ms: 50, times: 1}
      - {op: get, name: ghost, expect: {error: NOT_FOUND}}
      - {op: calls, method: get, expect: {codes: [UNAVAILABLE, NOT_FOUND]}}
  - name: t/wrong-agent
    doc: Fails on purpose.
    steps:
      - {op: get, name: ghost, expect: {error: NOT_FOUND}}
      - {op: calls, method: get, expect: {user_agent: {matches: "^no-such-agent/"}}}
  - name: t/no-key
    doc: Fails on purpose, a get carries no key.
    steps:
      - {op: get, name: ghost, expect: {error: NOT_FOUND}}
      - {op: calls, method: get, expect: {same_idempotency_key: true}}
"""
    proc = run_driver(tmp_path, cases)
    assert proc.returncode == 1
    cases_run = junit(tmp_path)
    assert cases_run["t/lost-get"].find("failure") is None, proc.stdout
    assert cases_run["t/retry-info"].find("failure") is None, proc.stdout
    assert "expected each to match '^no-such-agent/'" in proc.stdout
    assert "idempotency keys [None], expected one key on every call" in proc.stdout


def _calls(*records: dict[str, object]) -> list[dict[str, object]]:
    base: dict[str, object] = {"idempotency_key": None, "user_agent": "", "metadata": {}}
    return [{**base, **r} for r in records]


@pytest.mark.parametrize(
    ("calls", "expect", "error"),
    [
        (_calls({"idempotency_key": "a"}, {"idempotency_key": "a"}), {"same_idempotency_key": True}, None),
        (_calls({"idempotency_key": "a"}, {"idempotency_key": "b"}), {"same_idempotency_key": True}, "one key"),
        (_calls({"idempotency_key": "a"}, {}), {"same_idempotency_key": True}, "one key"),
        (_calls(), {"same_idempotency_key": True}, "one key"),
        (_calls({"idempotency_key": "a"}, {"idempotency_key": "b"}), {"distinct_idempotency_keys": True}, None),
        (_calls({"idempotency_key": "a"}, {"idempotency_key": "a"}), {"distinct_idempotency_keys": True}, "different"),
        (_calls({}, {}), {"idempotency_key": None}, None),
        (_calls({"idempotency_key": "k"}), {"idempotency_key": None}, "expected all None"),
        (_calls({"idempotency_key": "k"}), {"idempotency_key": "k"}, None),
        (
            _calls({"user_agent": "michelangelo-sdk-go/0.1.0 grpc-go/1.7"}),
            {"user_agent": {"matches": "^michelangelo-sdk-(python|go|java)/[0-9]"}},
            None,
        ),
        (_calls({"user_agent": "grpc-go/1.7"}), {"user_agent": {"matches": "^michelangelo-sdk-"}}, "to match"),
        (_calls({"metadata": {"x-trace-id": "abc", "x": "y"}}), {"metadata": {"x-trace-id": "abc"}}, None),
        (_calls({"metadata": {"x-trace-id": "abc"}}, {}), {"metadata": {"x-trace-id": "abc"}}, "to carry"),
    ],
)
def test_call_metadata_expectations(
    calls: list[dict[str, object]], expect: dict[str, object], error: str | None
) -> None:
    from conformance.driver.engine import CaseRun, StepFailed

    if error is None:
        CaseRun.check_call_metadata(calls, expect)
    else:
        with pytest.raises(StepFailed, match=error):
            CaseRun.check_call_metadata(calls, expect)


def test_relists_expectation() -> None:
    from conformance.driver.engine import CaseRun, StepFailed

    run = object.__new__(CaseRun)
    run.handles = {}
    outcome = {"ok": True, "result": {"items": [], "done": False, "relists": 1}}
    run.check("next", {"handle": "w"}, outcome, {"relists": 1}, 0.0)
    with pytest.raises(StepFailed, match="the relist hook ran 1 times, expected 0"):
        run.check("next", {"handle": "w"}, outcome, {"relists": 0}, 0.0)
    with pytest.raises(StepFailed, match="ran None times"):
        run.check("next", {"handle": "w"}, {"ok": True, "result": {"items": []}}, {"relists": 1}, 0.0)


def test_deadline_ms_decreasing_expectation() -> None:
    from conformance.driver.engine import CaseRun, StepFailed

    def outcome(*deadlines: float | None) -> dict[str, Any]:
        calls = [{"code": "OK", "start": i, "deadline_ms": d, "authorization": False} for i, d in enumerate(deadlines)]
        return {"ok": True, "result": {"calls": calls}}

    CaseRun.check_calls(outcome(1000, 590, 180), {"deadline_ms_decreasing": True})
    for bad in (outcome(1000, 1000), outcome(500, 900), outcome(1000, None)):
        with pytest.raises(StepFailed, match="shorter than the one before"):
            CaseRun.check_calls(bad, {"deadline_ms_decreasing": True})

"""Runtime pieces without a server: retry policy, error mapping, validation, config."""

from __future__ import annotations

import random

import grpc
import pytest

from michelangelo.api import meta_pb2
from michelangelo.api.v2 import pipeline_pb2, project_pb2, ray_cluster_pb2
from michelangelo.api.v2.client import (
    ClientConfig,
    Conflict,
    DeadlineExceeded,
    Invalid,
    NotFound,
    ResourceExhausted,
    Retry,
    Unavailable,
)
from michelangelo.api.v2.pipeline_client import PIPELINE_RULES
from michelangelo.api.v2.project_client import PROJECT_RULES
from michelangelo.api.v2.ray_cluster_client import RAY_CLUSTER_RULES
from michelangelo.runtime.errors import error_class, from_status
from michelangelo.runtime.patterns import Pattern, PatternError, compile_or_none
from michelangelo.runtime.validation import MESSAGES, Rule, Validator, check_scalar


def test_backoff_is_bounded_full_jitter() -> None:
    policy = Retry(initial=0.1, maximum=1.0, multiplier=2.0)
    waits = policy.delays(random.Random(7))
    bounds = [0.1, 0.2, 0.4, 0.8, 1.0, 1.0]
    for bound in bounds:
        assert 0.0 <= next(waits) <= bound
    assert list(zip(range(4), Retry(initial=0.1, jitter=False).delays(), strict=False))[3][1] == pytest.approx(0.8)


def test_retry_only_retryable_codes() -> None:
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise Unavailable("down")
        return "ok"

    assert Retry(initial=0.0).call(flaky, sleep=lambda _: None) == "ok"
    assert len(calls) == 3

    def missing() -> None:
        calls.append(1)
        raise NotFound("gone")

    calls.clear()
    with pytest.raises(NotFound):
        Retry(initial=0.0).call(missing, sleep=lambda _: None)
    assert len(calls) == 1


def test_attempt_deadline_retried_call_deadline_final() -> None:
    timeouts: list[float | None] = []

    def stalls(attempt_timeout: float | None) -> str:
        timeouts.append(attempt_timeout)
        if len(timeouts) < 3:
            raise DeadlineExceeded("attempt cut short")
        return "ok"

    # No call deadline, a per-attempt one: an attempt that runs out of its own time is retried.
    assert Retry(initial=0.0, attempt_timeout=0.25).run(stalls, timeout=None, sleep=lambda _: None) == "ok"
    assert timeouts == [0.25, 0.25, 0.25]
    timeouts.clear()
    # Without attempt_timeout the deadline was the call's own: final.
    with pytest.raises(DeadlineExceeded):
        Retry(initial=0.0).run(stalls, timeout=10.0, sleep=lambda _: None)
    assert len(timeouts) == 1 and timeouts[0] is not None and 9.0 < timeouts[0] <= 10.0


def test_retry_info_delay_is_the_minimum_wait() -> None:
    waits: list[float] = []
    attempts = iter([ResourceExhausted("slow down", retry_delay=0.5), Unavailable("down"), None])

    def flaky() -> str:
        exc = next(attempts)
        if exc is not None:
            raise exc
        return "ok"

    assert Retry(initial=0.01, maximum=0.01, jitter=False).call(flaky, sleep=waits.append) == "ok"
    assert waits == [0.5, 0.01]
    assert not ResourceExhausted("message too large").retryable
    assert ResourceExhausted("quota", retry_delay=1.0).retryable


def test_retry_rejects_bad_values() -> None:
    with pytest.raises(ValueError):
        Retry(attempts=0)
    with pytest.raises(ValueError):
        Retry(multiplier=0.5)


def test_error_classes() -> None:
    assert error_class(grpc.StatusCode.ABORTED) is Conflict
    err = from_status(grpc.StatusCode.UNAVAILABLE, "down")
    assert isinstance(err, Unavailable) and err.retryable
    assert not from_status(grpc.StatusCode.ABORTED, "stale").retryable


def test_validator_messages() -> None:
    v = Validator("Project", PROJECT_RULES)
    ok = project_pb2.Project(
        metadata=meta_pb2.ObjectMeta(name="eta", namespace="eta"), spec=project_pb2.ProjectSpec(owning_team="maps")
    )
    v.check(ok, ("metadata", "spec"))
    bad = project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="eta", namespace="eta"))
    with pytest.raises(Invalid) as err:
        v.check(bad, ("metadata", "spec"))
    assert err.value.message == "Project 'eta' is invalid: spec.owningTeam: required"
    bad.spec.quota.max_gpu = 5000
    assert [str(x) for x in v.violations(bad, ("spec",))] == [
        "spec.owningTeam: required",
        "spec.quota.maxGpu: must be at most 4096",
    ]


def _pipeline() -> pipeline_pb2.Pipeline:
    return pipeline_pb2.Pipeline(
        metadata=meta_pb2.ObjectMeta(name="train-eta", namespace="eta"),
        spec=pipeline_pb2.PipelineSpec(
            pipeline_type=pipeline_pb2.PIPELINE_TYPE_TRAIN,
            git_ref=pipeline_pb2.PipelineGitRef(repo="https://git.example.com/ml/eta"),
        ),
    )


def test_validator_skips_unset_optional_nested_messages() -> None:
    v = Validator("Pipeline", PIPELINE_RULES)
    # "Recurring schedule; unset means the pipeline runs only on demand."
    assert v.violations(_pipeline(), ("metadata", "spec")) == []
    no_git = _pipeline()
    no_git.spec.ClearField("git_ref")  # its required `repo` is not checked while git_ref is unset
    assert v.violations(no_git, ("metadata", "spec")) == []
    scheduled = _pipeline()
    scheduled.spec.schedule.time_zone = "UTC"
    assert [str(x) for x in v.violations(scheduled, ("metadata", "spec"))] == ["spec.schedule.cron: required"]
    # An unset required message is still reported, without descending into it.
    rc = ray_cluster_pb2.RayCluster(
        metadata=meta_pb2.ObjectMeta(name="rc", namespace="eta"),
        spec=ray_cluster_pb2.RayClusterSpec(ray_version="2.9.3"),
    )
    assert [str(x) for x in Validator("RayCluster", RAY_CLUSTER_RULES).violations(rc, ("metadata", "spec"))] == [
        "spec.headGroup: required"
    ]


def test_cron_pattern_has_re2_semantics() -> None:
    v = Validator("Pipeline", PIPELINE_RULES)
    cron = next(r for r in PIPELINE_RULES if r.path == "spec.schedule.cron")
    p = _pipeline()
    p.spec.schedule.cron = "0 3 * * *"
    assert v.violations(p, ("metadata", "spec")) == []
    # Python's re reads \s as Unicode whitespace (U+00A0 too); RE2, as Go and re2j run it, as ASCII only,
    # so the no-break space joins "0\u00a00" into one field and the value has four fields, not five.
    p.spec.schedule.cron = "0\u00a00 * * *"
    assert [str(x) for x in v.violations(p, ("metadata", "spec"))] == [
        "spec.schedule.cron: " + MESSAGES["pattern"].format(pattern=cron.pattern)
    ]


@pytest.mark.parametrize(
    ("pattern", "value", "ok"),
    [
        ("[0-9]+", "12", True),
        ("[0-9]+", "12a", False),  # the whole value must match, as Go's ^(?:p)$ and Java's matches()
        ("[0-9]+", "a12", False),
        ("a|ab", "ab", True),  # an alternation is anchored as a whole
        ("[[:digit:]]{3}", "123", True),  # RE2's POSIX classes; Python's re reads a set of characters
        (r"\d+", "\u0663", False),  # RE2's \d is ASCII; Python's re matches ARABIC-INDIC DIGIT THREE
        ("a.c", "a\nc", False),
    ],
)
def test_patterns_match_whole_values_with_re2_semantics(pattern: str, value: str, ok: bool) -> None:
    rx = Pattern(pattern)
    assert rx.fullmatch(value) is ok
    rule = Rule("spec.x", ("spec", "x"), pattern=pattern)
    want = [] if ok else [f"spec.x: must match the regular expression {pattern}"]
    assert [str(x) for x in check_scalar("spec.x", rule, value)] == want


def test_patterns_re2_cannot_compile() -> None:
    with pytest.raises(PatternError, match="missing \\)"):
        Pattern("(a")
    assert compile_or_none("(?=lookahead)") is None  # Perl syntax RE2 rejects; lint refuses it in the protos
    assert compile_or_none(r"(a)\1") is None
    assert check_scalar("spec.x", Rule("spec.x", ("spec", "x"), pattern="(?=a)"), "b") == []


def test_config_checks() -> None:
    with pytest.raises(ValueError):
        ClientConfig(timeout=0)
    with pytest.raises(ValueError):
        ClientConfig(tls=False, ca_file="ca.pem")
    assert ClientConfig(token="t").metadata() == (("authorization", "Bearer t"),)

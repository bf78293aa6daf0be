"""Unit tests of the model, validation, selectors and tokens (no server process)."""

from __future__ import annotations

import grpc
import pytest

from ma_server.errors import ApiError
from ma_server.model import ValueType, load_model
from ma_server.selectors import build_filter, parse_label_selector, sort_objects
from ma_server.tokens import ContinuePosition, TokenCodec
from ma_server.validation import MESSAGES, check_scalar, is_qualified_name, is_uri, validate_message
from michelangelo.api import list_pb2, options_pb2
from michelangelo.api.v2 import model_pb2, pipeline_pb2, project_pb2, ray_cluster_pb2


def test_model_discovers_every_resource() -> None:
    m = load_model()
    assert len(m.resources) == 14
    p = m.by_kind("Project")
    assert (p.plural, p.singular, p.short_names, p.namespaced) == ("projects", "project", ("proj",), True)
    assert p.api_version == "michelangelo.api/v2" and p.service_name == "michelangelo.api.v2.ProjectService"
    assert p.methods["list"].name == "ListProjects" and p.methods["watch"].server_streaming
    assert p.methods["update_status"].full_name == "/michelangelo.api.v2.ProjectService/UpdateProjectStatus"
    assert set(p.indexed_fields) == {
        "metadata.name",
        "metadata.namespace",
        "metadata.creationTimestamp",
        "spec.owningTeam",
        "spec.tier",
    }
    assert p.indexed_fields["metadata.creationTimestamp"].value_type is ValueType.TIMESTAMP
    assert [f.json_path for f in p.immutable_fields] == ["spec.artifactRoot"]
    assert p.key("ns", "eta") == "/registry/michelangelo.api/projects/ns/eta"
    mf = m.by_kind("ModelFamily")
    assert mf.methods["list"].name == "ListModelFamilies"
    mdl = m.by_kind("Model")
    assert mdl.indexed_fields["spec.framework"].value_type is ValueType.ENUM
    assert mdl.indexed_fields["status.version"].value_type is ValueType.INT
    assert [f.json_path for f in mdl.external_storage_fields] == ["spec.trainingMetadata"]
    assert "spec.inputSchema[].name" in {r.json_path for r in mdl.field_rules}


def test_validation_paths_and_messages() -> None:
    p = project_pb2.Project()
    p.metadata.name = "ok"
    p.spec.notification_emails.extend(["a"] * 3)
    p.spec.quota.max_gpu = 5000
    p.metadata.labels["a b"] = "v"
    p.metadata.labels["example.com/k"] = "bad value"
    got = {(v.field, v.description) for v in validate_message(p)}
    assert ("spec.owningTeam", "required") in got
    assert ("spec.quota.maxGpu", "must be at most 4096") in got
    assert ('metadata.labels["a b"]', MESSAGES["qualified_name"]) in got
    assert ('metadata.labels["example.com/k"]', MESSAGES["label_value"]) in got
    m = model_pb2.Model()
    m.spec.input_schema.add(name="x" * 300, data_type=1)
    m.spec.metrics["auc"] = 1.0
    got = {(v.field, v.description) for v in validate_message(m)}
    assert ("spec.inputSchema[0].name", "must be at most 256 characters") in got


def test_required_fields_of_an_absent_message_are_reported() -> None:
    project = project_pb2.Project()
    project.metadata.name = "eta"
    paths = {v.field: v.description for v in validate_message(project)}
    assert paths.get("spec.owningTeam") == MESSAGES["required"]


def _pipeline() -> pipeline_pb2.Pipeline:
    p = pipeline_pb2.Pipeline()
    p.metadata.name = "train-eta"
    p.spec.pipeline_type = pipeline_pb2.PIPELINE_TYPE_TRAIN
    p.spec.git_ref.repo = "https://git.example.com/ml/eta"
    return p


def test_unset_optional_nested_message_is_not_validated() -> None:
    # "Recurring schedule; unset means the pipeline runs only on demand."
    assert validate_message(_pipeline(), fields=("metadata", "spec")) == []


def test_set_optional_nested_message_is_validated() -> None:
    p = _pipeline()
    p.spec.schedule.time_zone = "UTC"
    got = [(v.field, v.description) for v in validate_message(p, fields=("metadata", "spec"))]
    assert got == [("spec.schedule.cron", MESSAGES["required"])]


def test_unset_nested_message_keeps_its_own_required_rule() -> None:
    p = _pipeline()
    p.spec.ClearField("git_ref")  # its required `repo` is not checked while git_ref is unset
    assert validate_message(p, fields=("metadata", "spec")) == []
    rc = ray_cluster_pb2.RayCluster()
    rc.metadata.name = "rc"
    rc.spec.ray_version = "2.9.3"
    got = [(v.field, v.description) for v in validate_message(rc, fields=("metadata", "spec"))]
    assert got == [("spec.headGroup", MESSAGES["required"])]


def test_cron_pattern_has_re2_semantics() -> None:
    p = _pipeline()
    p.spec.schedule.cron = "0 3 * * *"
    assert validate_message(p, fields=("metadata", "spec")) == []
    # Python's re reads \s as Unicode whitespace (U+00A0 too), RE2 (Go, re2j) as ASCII only: with RE2 the
    # no-break space joins "0\u00a00" into one field, so the value has four fields and is rejected as in Go.
    p.spec.schedule.cron = "0\u00a00 * * *"
    cron = p.spec.schedule.DESCRIPTOR.fields_by_name["cron"]
    pattern = cron.GetOptions().Extensions[options_pb2.field].rules.pattern
    got = [(v.field, v.description) for v in validate_message(p, fields=("metadata", "spec"))]
    assert got == [("spec.schedule.cron", MESSAGES["pattern"].format(pattern=pattern))]


@pytest.mark.parametrize(
    ("pattern", "value", "ok"),
    [
        ("[0-9]+", "12", True),
        ("[0-9]+", "12a", False),  # the whole value must match, as Go's ^(?:p)$ and Java's matches()
        ("a|ab", "ab", True),  # an alternation is anchored as a whole
        ("[[:digit:]]{3}", "123", True),  # RE2's POSIX classes; Python's re reads a set of characters
        (r"\d+", "\u0663", False),  # RE2's \d is ASCII; Python's re matches ARABIC-INDIC DIGIT THREE
        ("(?=a)a", "a", True),  # RE2 cannot compile it: lint rejects it, requests are never failed on it
    ],
)
def test_patterns_match_whole_values_with_re2_semantics(pattern: str, value: str, ok: bool) -> None:
    field = pipeline_pb2.PipelineSchedule.DESCRIPTOR.fields_by_name["cron"]
    got = [v.description for v in check_scalar("x", field, value, options_pb2.FieldRules(pattern=pattern))]
    assert got == ([] if ok else [MESSAGES["pattern"].format(pattern=pattern)])


def test_unknown_enum_numbers_are_rejected() -> None:
    good = model_pb2.Model(spec=model_pb2.ModelSpec(framework=1))
    assert [v for v in validate_message(good) if v.field == "spec.framework"] == []
    # Proto3 enums are open: parsers and setters keep numbers the schema does not define.
    bad = model_pb2.Model(spec=model_pb2.ModelSpec(framework=99))  # type: ignore[arg-type]
    assert bad.spec.framework == 99
    violations = [v for v in validate_message(bad) if v.field == "spec.framework"]
    assert len(violations) == 1
    assert violations[0].description.startswith("unknown value 99; must be one of ")


@pytest.mark.parametrize(
    ("text", "ok"),
    [("s3://bucket/key", True), ("https://h/p", True), ("no-scheme", False), ("a b://x", False), ("http://", False)],
)
def test_uri_format(text: str, ok: bool) -> None:
    assert is_uri(text) is ok


def test_qualified_names() -> None:
    assert is_qualified_name("app") and is_qualified_name("example.com/app-1")
    assert not is_qualified_name("/app") and not is_qualified_name("Example.com/x") and not is_qualified_name("a" * 64)


def test_label_selector_matching() -> None:
    sel = parse_label_selector("env in (prod,staging), !canary, tier!=bronze, team")
    assert sel.matches({"env": "prod", "team": "x"})
    assert not sel.matches({"env": "prod", "team": "x", "canary": ""})
    assert not sel.matches({"env": "dev", "team": "x"})
    assert not sel.matches({"env": "prod", "team": "x", "tier": "bronze"})
    assert parse_label_selector("a=").matches({"a": ""})
    with pytest.raises(ApiError) as e:
        parse_label_selector("env in (a,b")
    assert e.value.code == grpc.StatusCode.INVALID_ARGUMENT and "env in (a,b" in e.value.message


def _model(name: str, framework: int, version: int) -> model_pb2.Model:
    m = model_pb2.Model()
    m.metadata.name = name
    m.spec.framework = framework  # type: ignore[assignment]
    m.status.version = version
    return m


def test_typed_criteria_and_sort() -> None:
    r = load_model().by_kind("Model")
    objs = [_model("a", 1, 10), _model("b", 4, 9), _model("c", 2, 100)]
    crit = list_pb2.Criteria(
        criterion=list_pb2.Criterion(field="status.version", operator=list_pb2.OPERATOR_GE, values=["10"])
    )
    flt = build_filter(r, "", "", crit)
    assert [o.metadata.name for o in objs if flt.matches(o)] == ["a", "c"]  # numeric, not "100" < "9"
    flt = build_filter(r, "", "spec.framework=MODEL_FRAMEWORK_PYTORCH")
    assert [o.metadata.name for o in objs if flt.matches(o)] == ["b"]
    with pytest.raises(ApiError):
        build_filter(r, "", "spec.framework=PYTORCH")
    ordered = sort_objects(r, list(objs), [list_pb2.OrderBy(field="status.version", descending=True)])
    assert [o.metadata.name for o in ordered] == ["c", "a", "b"]  # type: ignore[attr-defined]


def test_tokens_are_tamper_evident() -> None:
    codec = TokenCodec(b"secret")
    tok = codec.encode(ContinuePosition(7, "/registry/x/ns/a", 0, "q1"))
    assert codec.decode(tok, "q1") == ContinuePosition(7, "/registry/x/ns/a", 0, "q1")
    for bad, q in ((tok, "q2"), (tok[:-2] + "AA", "q1"), ("x.y", "q1"), ("", "q1")):
        with pytest.raises(ApiError) as e:
            codec.decode(bad, q)
        assert e.value.code == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(ApiError):
        TokenCodec(b"other").decode(tok, "q1")  # foreign server

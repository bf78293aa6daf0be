"""`ma-codegen lint`: buf's STANDARD rules and the API model rules, reported as file:line:col."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

Cli = Callable[..., tuple[int, str, str]]

PROJECT = "proto/michelangelo/api/v2/project.proto"
PROJECT_SVC = "proto/michelangelo/api/v2/project_svc.proto"
PROBLEM = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z][A-Z0-9_]*): (?P<message>.*)$")


def problems(out: str) -> list[re.Match[str]]:
    return [m for m in map(PROBLEM.match, out.splitlines()) if m]


def edit(path: Path, pattern: str, replacement: str) -> None:
    """Replace the one match of `pattern` (multi-line, dot matches newline) in `path`."""
    text = path.read_text()
    new, count = re.subn(pattern, replacement, text, flags=re.DOTALL | re.MULTILINE)
    assert count == 1, f"{pattern!r} matched {count} times in {path}"
    path.write_text(new)


def position(path: Path, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the one line containing `needle`, column of its first non-blank."""
    hits = [(i, line) for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} found {len(hits)} times in {path}"
    line_no, line = hits[0]
    return line_no, len(line) - len(line.lstrip()) + 1


def tree_state(root: Path, folder: str) -> dict[str, tuple[str, int]]:
    """{relative path: (sha256, mtime_ns)} of every file under root/folder."""
    return {
        p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def test_lint_real_repo_is_clean(repo_root: Path, cli_run: Cli) -> None:
    code, out, err = cli_run(repo_root, "lint")
    assert code == 0, out + err
    assert problems(out) == []
    assert "lint: ok" in err


def test_lint_bad_field_name_reports_location_and_touches_nothing(project: Path, cli_run: Cli) -> None:
    before = tree_state(project, "sdk")
    assert before, "the scratch copy has no generated files"
    proto = project / PROJECT
    edit(proto, r"string owning_team = 2", "string owningTeam = 2")
    line, _ = position(proto, "string owningTeam = 2")
    column = proto.read_text().splitlines()[line - 1].index("owningTeam") + 1

    code, out, err = cli_run(project, "lint")

    assert code == 1, out + err
    found = [(m["file"], int(m["line"]), int(m["col"]), m["rule"]) for m in problems(out)]
    assert found == [(PROJECT, line, column, "FIELD_LOWER_SNAKE_CASE")], out
    assert "owningTeam" in out
    assert "lint: 1 problem(s)" in err
    assert tree_state(project, "sdk") == before, "lint must never write generated code"


# (rule, file, edit pattern, replacement, needle locating the reported element, text the message names)
MODEL_CASES = {
    "resource-without-status": (
        "MA_RESOURCE_SHAPE",
        PROJECT,
        r"^  // Observed state of the project, written by controllers\.\n  ProjectStatus status = 5;\n",
        "",
        "message Project {",
        "'status'",
    ),
    "missing-standard-method": (
        "MA_STANDARD_METHODS",
        PROJECT_SVC,
        r"^(  //[^\n]*\n)*  rpc UpdateProjectStatus\(.*?\n  }\n",
        "",
        "service ProjectService {",
        "UpdateProjectStatus",
    ),
    "rpc-without-http-rule": (
        "MA_HTTP_RULE",
        PROJECT_SVC,
        r"(rpc GetProject\(GetProjectRequest\) returns \(Project\) \{\n)    option \(google\.api\.http\) = \{.*?\};\n",
        r"\1",
        "rpc GetProject(",
        "GetProject",
    ),
    "field-without-comment": (
        "MA_DOC_COMMENT",
        PROJECT,
        r"^  // Human-readable description shown in the UI\.\n",
        "",
        "string description = 1",
        "ProjectSpec.description",
    ),
    "pattern-not-re2": (
        "MA_PATTERN_RE2",
        "proto/michelangelo/api/v2/ray_cluster.proto",
        r'pattern: "\^\[0-9\]\+\\\\\.\[0-9\]\+\\\\\.\[0-9\]\+\$"',
        # A lookahead: Python's re and java.util.regex compile it, RE2 (Go, re2j, google-re2) does not.
        'pattern: "^(?=[0-9])[0-9.]+$"',
        'pattern: "^(?=[0-9])',
        "RayClusterSpec.ray_version",
    ),
    "resource-without-option": (
        "MA_RESOURCE_OPTION",
        PROJECT,
        r"^  option \(michelangelo\.api\.resource\) = \{\n.*?\n  \};\n",
        "",
        "message Project {",
        "(michelangelo.api.resource)",
    ),
}


@pytest.mark.parametrize("case", sorted(MODEL_CASES))
def test_lint_model_rules(case: str, project: Path, cli_run: Cli) -> None:
    rule, rel, pattern, replacement, needle, named = MODEL_CASES[case]
    proto = project / rel
    edit(proto, pattern, replacement)
    line, column = position(proto, needle)

    code, out, err = cli_run(project, "lint")

    assert code == 1, out + err
    found = problems(out)
    assert [(m["file"], int(m["line"]), int(m["col"]), m["rule"]) for m in found] == [(rel, line, column, rule)], out
    assert named in found[0]["message"], out


OPTIONS_IMPORT = 'import "michelangelo/api/meta.proto";\n'
NS_PATH = "/apis/michelangelo.api/v2/namespaces/{namespace}/projects/{name}"


def custom_rpc(
    name: str, returns: str = "Project", stream: str = "", option: str = "IDEMPOTENCY_NON_IDEMPOTENT"
) -> str:
    """A documented RPC `name` taking `{stream}{name}Request` with an HTTP rule and (unless "") the method option."""
    rules = f"    option (michelangelo.api.method) = {{idempotency: {option}}};\n" if option else ""
    return (
        "  // A custom method of the test.\n"
        f"  rpc {name}({stream}{name}Request) returns ({returns}) {{\n"
        f'    option (google.api.http) = {{post: "{NS_PATH}:{name}" body: "*"}};\n'
        f"{rules}"
        "  }\n"
    )


def request_message(name: str) -> str:
    return f"\n// {name}Request is the input of {name}.\nmessage {name}Request {{\n  // Name.\n  string name = 1;\n}}\n"


# (rule, RPC name, custom_rpc arguments, needle locating the reported element, text the message names)
CUSTOM_CASES: dict[str, tuple[str, str, dict[str, str], str, str]] = {
    "custom-method-without-option": (
        "MA_METHOD_OPTION",
        "ArchiveProject",
        {"option": ""},
        "rpc ArchiveProject(",
        "(michelangelo.api.method).idempotency",
    ),
    "custom-method-unspecified-option": (
        "MA_METHOD_OPTION",
        "ArchiveProject",
        {"option": "IDEMPOTENCY_UNSPECIFIED"},
        "rpc ArchiveProject(",
        "custom method ProjectService.ArchiveProject",
    ),
    "client-streaming": ("MA_CUSTOM_METHOD", "UploadProject", {"stream": "stream "}, "rpc UploadProject(", "streams"),
    "bidi-streaming": (
        "MA_CUSTOM_METHOD",
        "SyncProject",
        {"stream": "stream ", "returns": "stream Project"},
        "rpc SyncProject(",
        "streams requests",
    ),
    "response-of-another-package": (
        "MA_CUSTOM_METHOD",
        "ProjectMeta",
        {"returns": "michelangelo.api.ObjectMeta"},
        "rpc ProjectMeta(",
        "michelangelo.api.ObjectMeta must be a top-level message of package michelangelo.api.v2",
    ),
    "name-clash": ("MA_CUSTOM_METHOD", "Validate", {}, "rpc Validate(", "Go Validate, Java validate"),
}


@pytest.mark.parametrize("case", sorted(CUSTOM_CASES))
def test_lint_custom_method_rules(case: str, project: Path, cli_run: Cli) -> None:
    """An RPC the model cannot represent fails lint at the RPC, instead of being dropped by the generators."""
    rule, name, args, needle, named = CUSTOM_CASES[case]
    proto = project / PROJECT_SVC
    text = proto.read_text()
    if args.get("option") != "":  # buf rejects an unused import
        text = text.replace(OPTIONS_IMPORT, OPTIONS_IMPORT + 'import "michelangelo/api/options.proto";\n')
    end = text.index("\n}\n", text.index("service ProjectService {"))
    proto.write_text(text[:end] + "\n\n" + custom_rpc(name, **args).rstrip("\n") + text[end:] + request_message(name))
    line, column = position(proto, needle)

    code, out, err = cli_run(project, "lint")

    assert code == 1, out + err
    found = problems(out)
    assert [(m["file"], int(m["line"]), int(m["col"]), m["rule"]) for m in found] == [
        (PROJECT_SVC, line, column, rule)
    ], out
    assert named in found[0]["message"], out


def test_lint_standard_method_declared_otherwise(project: Path, cli_run: Cli) -> None:
    """A standard method's semantics are fixed by the SDK helpers: declaring others is an error."""
    proto = project / PROJECT_SVC
    edit(proto, re.escape(OPTIONS_IMPORT), OPTIONS_IMPORT + 'import "michelangelo/api/options.proto";\n')
    edit(
        proto,
        r'(\{get: "/apis/michelangelo.api/v2/namespaces/\{namespace\}/projects/\{name\}"\};\n)',
        r"\1    option (michelangelo.api.method) = {idempotency: IDEMPOTENCY_NON_IDEMPOTENT};\n",
    )
    line, column = position(proto, "rpc GetProject(")

    code, out, err = cli_run(project, "lint")

    assert code == 1, out + err
    found = problems(out)
    assert [(m["file"], int(m["line"]), int(m["col"]), m["rule"]) for m in found] == [
        (PROJECT_SVC, line, column, "MA_METHOD_OPTION")
    ], out
    assert "standard method (read_only)" in found[0]["message"], out


def test_lint_service_without_resource(project: Path, cli_run: Cli) -> None:
    proto = project / PROJECT_SVC
    orphan = custom_rpc("Ping", option="")
    proto.write_text(
        proto.read_text()
        + "\n// OrphanService is a service no resource owns.\nservice OrphanService {\n"
        + orphan
        + "}\n"
        + request_message("Ping")
    )
    line, column = position(proto, "service OrphanService {")

    code, out, err = cli_run(project, "lint")

    assert code == 1, out + err
    found = problems(out)
    assert [(m["file"], int(m["line"]), int(m["col"]), m["rule"]) for m in found] == [
        (PROJECT_SVC, line, column, "MA_CUSTOM_METHOD")
    ], out
    assert "OrphanService belongs to no resource" in found[0]["message"], out

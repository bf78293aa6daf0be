"""Loading cases: YAML files validated against cases.schema.json, then expanded over their params."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

CONFORMANCE_DIR = Path(__file__).resolve().parent.parent
CASES_DIR = CONFORMANCE_DIR / "cases"
SCHEMA_FILE = CONFORMANCE_DIR / "cases.schema.json"


class CaseError(Exception):
    """A case file that cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class Case:
    name: str
    doc: str
    file: str
    resource: str
    server: str
    connect: dict[str, Any]
    steps: list[dict[str, Any]]
    params: dict[str, Any] = field(default_factory=dict)


def _substitute_name(template: str, params: dict[str, Any]) -> str:
    def repl(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in params:
            raise KeyError(key)
        return str(params[key])

    return re.sub(r"\{([a-z_]+)\}", repl, template)


def _expand(raw: dict[str, Any], file: str) -> list[Case]:
    params: dict[str, list[Any]] | list[dict[str, Any]] = raw.get("params", {})
    if isinstance(params, list):
        combos = [dict(row) for row in params]
    else:
        keys = sorted(params)
        combos = [dict(zip(keys, values, strict=True)) for values in itertools.product(*(params[k] for k in keys))]
    out = []
    for combo in combos or [{}]:
        try:
            name = _substitute_name(raw["name"], combo)
        except KeyError as e:
            key = e.args[0]
            raise CaseError(f"{file}: case {raw['name']!r}: name uses {{{key}}} but params has no {key!r}") from None
        if combo and name == raw["name"]:
            raise CaseError(f"{file}: case {raw['name']!r} has params but its name uses none of them")
        out.append(
            Case(
                name=name,
                doc=raw["doc"],
                file=file,
                resource=str(combo.get("resource", raw.get("resource", "projects"))),
                server=raw.get("server", "default"),
                connect=dict(raw.get("connect", {})),
                steps=[dict(s) for s in raw["steps"]],
                params=combo,
            )
        )
    return out


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    """Every case of every `*.yaml` file, validated and expanded, in file then declaration order."""
    schema = json.loads(SCHEMA_FILE.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    cases: list[Case] = []
    seen: dict[str, str] = {}
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise CaseError(f"{directory}: no *.yaml case files")
    for path in files:
        rel = (
            str(path.relative_to(CONFORMANCE_DIR.parent)) if path.is_relative_to(CONFORMANCE_DIR.parent) else str(path)
        )
        try:
            data = yaml.safe_load(path.read_text())
        except yaml.YAMLError as e:
            raise CaseError(f"{rel}: not valid YAML: {e}") from None
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
            raise CaseError(
                f"{rel}: {where}: {first.message} (and {len(errors) - 1} more)"
                if len(errors) > 1
                else f"{rel}: {where}: {first.message}"
            )
        for raw in data["cases"]:
            for case in _expand(raw, rel):
                if case.name in seen:
                    raise CaseError(f"{rel}: duplicate case name {case.name!r} (first in {seen[case.name]})")
                seen[case.name] = rel
                cases.append(case)
    return cases


@dataclass(frozen=True)
class KnownFailing:
    """One language's list of cases expected to fail, with the reason for each."""

    language: str
    reasons: dict[str, str]


def load_known_failing(language: str, directory: Path = CONFORMANCE_DIR / "known-failing") -> KnownFailing:
    """`known-failing/<language>.txt`: one case name per line, `# reason` after it; blank lines and comments ignored."""
    path = directory / f"{language}.txt"
    reasons: dict[str, str] = {}
    if path.exists():
        for n, line in enumerate(path.read_text().splitlines(), 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            name, _, reason = text.partition("#")
            name, reason = name.strip(), reason.strip()
            if not reason:
                raise CaseError(f"{path}:{n}: known-failing entry {name!r} needs a '# reason'")
            reasons[name] = reason
    return KnownFailing(language, reasons)

"""Variables, subset matching and dot paths over JSON-like values."""

from __future__ import annotations

import re
from typing import Any

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\}")


class Mismatch(AssertionError):
    pass


def substitute(value: Any, variables: dict[str, Any]) -> Any:
    """`${name}` replaced in every string; a string that is exactly one `${name}` takes the value's type."""
    if isinstance(value, str):
        whole = _VAR.fullmatch(value)
        if whole:
            return _lookup(whole.group(1), variables)
        return _VAR.sub(lambda m: str(_lookup(m.group(1), variables)), value)
    if isinstance(value, dict):
        return {substitute(k, variables): substitute(v, variables) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, variables) for v in value]
    return value


def _lookup(ref: str, variables: dict[str, Any]) -> Any:
    """`name` or `name.dot.path` into a saved value."""
    name, _, path = ref.partition(".")
    if name not in variables:
        raise Mismatch(f"unknown variable ${{{name}}} (known: {', '.join(sorted(variables))})")
    return get_path(variables[name], path) if path else variables[name]


def get_path(value: Any, path: str) -> Any:
    """`a.b.0.c` into nested dicts and lists; Mismatch names the missing part."""
    cur = value
    for part in path.split(".") if path else ():
        if isinstance(cur, list) and part.isdigit() and int(part) < len(cur):
            cur = cur[int(part)]
        elif isinstance(cur, dict) and part in cur:
            cur = cur[part]
        else:
            raise Mismatch(f"result has no {path!r} (stopped at {part!r})")
    return cur


def match(expected: Any, actual: Any, path: str = "result") -> None:
    """Subset match: dicts need the expected keys, lists the same length, scalars equality.

    Strings `<any>` (present, non-empty), `<absent>` (key missing) and `<ne:X>` (present, != X) are matchers.
    """
    if isinstance(expected, str):
        if expected == "<any>":
            if actual in (None, "", [], {}):
                raise Mismatch(f"{path}: expected a value, got {actual!r}")
            return
        if expected.startswith("<ne:") and expected.endswith(">"):
            if actual is None or str(actual) == expected[4:-1]:
                raise Mismatch(f"{path}: expected a value other than {expected[4:-1]!r}, got {actual!r}")
            return
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            raise Mismatch(f"{path}: expected an object, got {_short(actual)}")
        for key, want in expected.items():
            if want == "<absent>":
                if key in actual:
                    raise Mismatch(f"{path}.{key}: expected absent, got {_short(actual[key])}")
                continue
            if key not in actual:
                raise Mismatch(f"{path}.{key}: missing (have: {', '.join(sorted(actual)) or 'nothing'})")
            match(want, actual[key], f"{path}.{key}")
        return
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            raise Mismatch(f"{path}: expected {len(expected)} items, got {_short(actual)}")
        for i, (want, got) in enumerate(zip(expected, actual, strict=True)):
            match(want, got, f"{path}.{i}")
        return
    if _scalar(expected) != _scalar(actual):
        raise Mismatch(f"{path}: expected {expected!r}, got {_short(actual)}")


def _scalar(v: Any) -> Any:
    # proto3 JSON writes int64 as strings; case files may write them as numbers.
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int):
        return str(v)
    return v


def _short(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 300 else text[:300] + "..."

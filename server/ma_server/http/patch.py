"""PATCH documents applied to an object's JSON: RFC 7386 merge patch (also used
for Kubernetes strategic merge patches, which for types without Go structs -
what kubectl sees here - are merge patches) and RFC 6902 JSON patch."""

from __future__ import annotations

import copy
from typing import Any

MERGE_PATCH = "application/merge-patch+json"
STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json"
JSON_PATCH = "application/json-patch+json"
SUPPORTED = (MERGE_PATCH, STRATEGIC_MERGE_PATCH, JSON_PATCH)

# A JSON patch is a list of operations; bound it so one request cannot run for long.
MAX_JSON_PATCH_OPS = 10_000


class PatchError(Exception):
    """The patch document is malformed or cannot be applied (HTTP 422 / 400)."""


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386: objects merge key by key, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result: dict[str, Any] = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def strip_directives(patch: Any) -> Any:
    """Strategic merge patch directives (`$patch`, `$retainKeys`, `$setElementOrder/...`,
    `$deleteFromPrimitiveList/...`) only mean something for known Go types; drop them
    so they are not taken as unknown fields."""
    if isinstance(patch, dict):
        return {k: strip_directives(v) for k, v in patch.items() if not k.startswith("$")}
    if isinstance(patch, list):
        return [strip_directives(v) for v in patch]
    return patch


def json_patch(doc: Any, ops: Any) -> Any:
    """RFC 6902 on a deep copy of `doc`."""
    if not isinstance(ops, list):
        raise PatchError("a JSON patch must be an array of operations")
    if len(ops) > MAX_JSON_PATCH_OPS:
        raise PatchError(f"a JSON patch may hold at most {MAX_JSON_PATCH_OPS} operations")
    doc = copy.deepcopy(doc)
    for i, op in enumerate(ops):
        if not isinstance(op, dict) or not isinstance(op.get("op"), str) or not isinstance(op.get("path"), str):
            raise PatchError(f"operation {i}: needs string 'op' and 'path'")
        kind, path = op["op"], op["path"]
        if kind in ("add", "replace", "test") and "value" not in op:
            raise PatchError(f"operation {i}: {kind} needs 'value'")
        if kind == "add":
            doc = _add(doc, _pointer(path), copy.deepcopy(op["value"]))
        elif kind == "remove":
            doc, _ = _remove(doc, _pointer(path))
        elif kind == "replace":
            doc, _ = _remove(doc, _pointer(path))
            doc = _add(doc, _pointer(path), copy.deepcopy(op["value"]))
        elif kind in ("move", "copy"):
            src = op.get("from")
            if not isinstance(src, str):
                raise PatchError(f"operation {i}: {kind} needs string 'from'")
            if kind == "move":
                doc, value = _remove(doc, _pointer(src))
            else:
                value = copy.deepcopy(_get(doc, _pointer(src)))
            doc = _add(doc, _pointer(path), value)
        elif kind == "test":
            if _get(doc, _pointer(path)) != op["value"]:
                raise PatchError(f"operation {i}: test failed at {path!r}")
        else:
            raise PatchError(f"operation {i}: unknown op {kind!r}")
    return doc


def _pointer(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise PatchError(f"JSON pointer {path!r} must start with '/'")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _index(container: list[Any], token: str, *, allow_end: bool) -> int:
    if token == "-" and allow_end:
        return len(container)
    if not token.isdigit() or (token != "0" and token.startswith("0")):
        raise PatchError(f"bad array index {token!r}")
    idx = int(token)
    if idx > len(container) or (idx == len(container) and not allow_end):
        raise PatchError(f"array index {idx} out of range")
    return idx


def _get(doc: Any, tokens: list[str]) -> Any:
    cur = doc
    for t in tokens:
        if isinstance(cur, dict):
            if t not in cur:
                raise PatchError(f"path element {t!r} not found")
            cur = cur[t]
        elif isinstance(cur, list):
            cur = cur[_index(cur, t, allow_end=False)]
        else:
            raise PatchError(f"path element {t!r} not found")
    return cur


def _add(doc: Any, tokens: list[str], value: Any) -> Any:
    if not tokens:
        return value
    parent = _get(doc, tokens[:-1])
    last = tokens[-1]
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list):
        parent.insert(_index(parent, last, allow_end=True), value)
    else:
        raise PatchError(f"cannot add at {last!r}: parent is not a container")
    return doc


def _remove(doc: Any, tokens: list[str]) -> tuple[Any, Any]:
    if not tokens:
        raise PatchError("cannot remove the whole document")
    parent = _get(doc, tokens[:-1])
    last = tokens[-1]
    if isinstance(parent, dict):
        if last not in parent:
            raise PatchError(f"path element {last!r} not found")
        return doc, parent.pop(last)
    if isinstance(parent, list):
        return doc, parent.pop(_index(parent, last, allow_end=False))
    raise PatchError(f"cannot remove at {last!r}: parent is not a container")


def apply_patch(content_type: str, current: dict[str, Any], patch: Any) -> Any:
    if content_type == JSON_PATCH:
        return json_patch(current, patch)
    if content_type == STRATEGIC_MERGE_PATCH:
        patch = strip_directives(patch)
    if not isinstance(patch, dict):
        raise PatchError("a merge patch must be a JSON object")
    return merge_patch(current, patch)


def sets_resource_version(content_type: str, patch: Any) -> bool:
    """Whether the client chose the resourceVersion itself (then a conflict is its to handle)."""
    if content_type == JSON_PATCH:
        return isinstance(patch, list) and any(
            isinstance(op, dict) and str(op.get("path", "")).startswith("/metadata/resourceVersion") for op in patch
        )
    meta = patch.get("metadata") if isinstance(patch, dict) else None
    return isinstance(meta, dict) and "resourceVersion" in meta

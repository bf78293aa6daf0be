"""PATCH documents applied to an object's JSON: RFC 7386 merge patch (also used
for Kubernetes strategic merge patches, which for types without Go structs -
what kubectl sees here - are merge patches) and RFC 6902 JSON patch.

Bounds, so that one PATCH cannot keep the event loop busy (HTTP 422 naming the
operation and the limit):
- `MAX_PATCH_DEPTH`: a patch document nested deeper is refused before it is
  applied (the protobuf JSON parser refuses deeper objects anyway).
- `MAX_JSON_PATCH_OPS` operations per JSON patch.
- `MAX_PATCHED_BYTES` (the server's request limit): the size of the document,
  as compact JSON, after every JSON-patch operation (or the size it had before
  the patch, if larger). The size is tracked incrementally: each operation adds
  the size of what it inserts and subtracts what it removes, so the whole
  document is serialized only once; a `copy` measures and copies its value in
  one walk that stops at the copy budget (its strings shared, not re-encoded).
- `MAX_JSON_PATCH_COPY_BYTES`: the bytes all `copy` operations of one patch may
  duplicate together (as Kubernetes bounds a JSON patch's accumulated copies).
- `MAX_JSON_PATCH_ARRAY_SHIFTS`: array elements moved by inserts and removals
  inside arrays, all operations together.
"""

from __future__ import annotations

import copy
import json
from json.encoder import encode_basestring_ascii
from typing import Any

from ma_server.grpc_service import MAX_REQUEST_BYTES

MERGE_PATCH = "application/merge-patch+json"
STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json"
JSON_PATCH = "application/json-patch+json"
SUPPORTED = (MERGE_PATCH, STRATEGIC_MERGE_PATCH, JSON_PATCH)

# A JSON patch is a list of operations; bound it so one request cannot run for long.
MAX_JSON_PATCH_OPS = 10_000
MAX_PATCHED_BYTES = MAX_REQUEST_BYTES
MAX_JSON_PATCH_COPY_BYTES = 1024 * 1024
MAX_JSON_PATCH_ARRAY_SHIFTS = 16 * 1024 * 1024
MAX_PATCH_DEPTH = 100


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


def _dump(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _sized_copy(value: Any, limit: int) -> tuple[Any, int]:
    """A copy of the JSON value `value` (its containers copied, its immutable strings and numbers shared)
    and its size as compact JSON (`len(_dump(value))`), walking it once; the walk stops as soon as the
    size is over `limit` (then the copy is incomplete and the size only says it is over). Iterative:
    a value nests at most as deep as the document (`MAX_PATCH_DEPTH` for a patch's own values)."""
    if not isinstance(value, dict | list):
        return value, len(_dump(value))
    strings: dict[str, int] = {}  # a copied value often repeats its keys and strings

    def text_size(text: str) -> int:
        n = strings.get(text)
        if n is None:
            n = strings[text] = len(encode_basestring_ascii(text))
        return n

    root: Any = {} if isinstance(value, dict) else []
    size = 0
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack and size <= limit:
        src, dst = stack.pop()
        size += 2 + max(0, len(src) - 1)  # brackets and commas
        if isinstance(src, dict):
            for key, child in src.items():
                size += text_size(key) + 1  # "key":
                if isinstance(child, dict | list):
                    new: Any = {} if isinstance(child, dict) else []
                    stack.append((child, new))
                    child = new
                else:
                    size += text_size(child) if isinstance(child, str) else len(_dump(child))
                dst[key] = child
        else:
            for child in src:
                if isinstance(child, dict | list):
                    new = {} if isinstance(child, dict) else []
                    stack.append((child, new))
                    child = new
                else:
                    size += text_size(child) if isinstance(child, str) else len(_dump(child))
                dst.append(child)
    return root, size


def check_depth(doc: Any, limit: int = MAX_PATCH_DEPTH) -> None:
    """PatchError when `doc` nests containers more than `limit` deep (iterative, no recursion)."""
    if not isinstance(doc, dict | list):
        return
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise PatchError(f"the patch is nested more than {limit} levels deep")
        children = node.values() if isinstance(node, dict) else node
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))


class _Budget:
    """The running size of the patched document and what the patch has spent."""

    def __init__(self, size: int, max_bytes: int) -> None:
        self.size = size
        self.limit = max(max_bytes, size)
        self.copied = 0
        self.shifts = 0

    def shift(self, i: int, moved: int) -> None:
        self.shifts += moved
        if self.shifts > MAX_JSON_PATCH_ARRAY_SHIFTS:
            raise PatchError(
                f"operation {i}: the patch moves more than {MAX_JSON_PATCH_ARRAY_SHIFTS} array elements in all"
            )

    def check(self, i: int) -> None:
        if self.size > self.limit:
            raise PatchError(
                f"operation {i}: the patched object would be larger than the limit of {self.limit} bytes"
                f" (about {self.size} bytes as JSON)"
            )


_MISSING = object()


def json_patch(doc: Any, ops: Any, max_bytes: int = MAX_PATCHED_BYTES) -> Any:
    """RFC 6902 on a copy of `doc`, within the bounds of the module docstring."""
    if not isinstance(ops, list):
        raise PatchError("a JSON patch must be an array of operations")
    if len(ops) > MAX_JSON_PATCH_OPS:
        raise PatchError(f"a JSON patch may hold at most {MAX_JSON_PATCH_OPS} operations")
    text = _dump(doc)
    budget = _Budget(len(text), max_bytes)
    doc = json.loads(text)  # a copy, cheaper than copy.deepcopy
    for i, op in enumerate(ops):
        if not isinstance(op, dict) or not isinstance(op.get("op"), str) or not isinstance(op.get("path"), str):
            raise PatchError(f"operation {i}: needs string 'op' and 'path'")
        kind, path = op["op"], op["path"]
        if kind in ("add", "replace", "test") and "value" not in op:
            raise PatchError(f"operation {i}: {kind} needs 'value'")
        if kind in ("add", "replace"):
            if kind == "replace":
                doc, removed, overhead = _remove(doc, _pointer(path), budget, i)
                budget.size -= overhead + len(_dump(removed))
            text = _dump(op["value"])
            doc = _insert(doc, _pointer(path), json.loads(text), len(text), budget, i)
        elif kind == "remove":
            doc, removed, overhead = _remove(doc, _pointer(path), budget, i)
            budget.size -= overhead + len(_dump(removed))
        elif kind in ("move", "copy"):
            src = op.get("from")
            if not isinstance(src, str):
                raise PatchError(f"operation {i}: {kind} needs string 'from'")
            if kind == "move":
                doc, value, overhead = _remove(doc, _pointer(src), budget, i)
                budget.size -= overhead
                doc = _insert(doc, _pointer(path), value, None, budget, i)
            else:
                room = MAX_JSON_PATCH_COPY_BYTES - budget.copied
                copied, size = _sized_copy(_get(doc, _pointer(src)), room)
                budget.copied += size
                if budget.copied > MAX_JSON_PATCH_COPY_BYTES:
                    raise PatchError(
                        f"operation {i}: the patch copies more than {MAX_JSON_PATCH_COPY_BYTES} bytes in all"
                    )
                doc = _insert(doc, _pointer(path), copied, size, budget, i)
        elif kind == "test":
            if _get(doc, _pointer(path)) != op["value"]:
                raise PatchError(f"operation {i}: test failed at {path!r}")
        else:
            raise PatchError(f"operation {i}: unknown op {kind!r}")
        budget.check(i)
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


def _insert(doc: Any, tokens: list[str], value: Any, size: int | None, budget: _Budget, i: int) -> Any:
    """Add `value` (of `size` bytes; None: moved, already counted) and account for it."""
    if not tokens:  # the whole document; a moved value keeps the estimate (an upper bound)
        if size is not None:
            budget.size = size
        return value
    parent = _get(doc, tokens[:-1])
    last = tokens[-1]
    added = size or 0
    if isinstance(parent, dict):
        old = parent.get(last, _MISSING)
        parent[last] = value
        if old is _MISSING:
            added += len(_dump(last)) + 2
        else:
            added -= len(_dump(old))
    elif isinstance(parent, list):
        idx = _index(parent, last, allow_end=True)
        budget.shift(i, len(parent) - idx)
        parent.insert(idx, value)
        added += 1
    else:
        raise PatchError(f"cannot add at {last!r}: parent is not a container")
    budget.size += added
    return doc


def _remove(doc: Any, tokens: list[str], budget: _Budget, i: int) -> tuple[Any, Any, int]:
    """Remove and return the value at `tokens`, with the bytes its key or comma took."""
    if not tokens:
        raise PatchError("cannot remove the whole document")
    parent = _get(doc, tokens[:-1])
    last = tokens[-1]
    if isinstance(parent, dict):
        if last not in parent:
            raise PatchError(f"path element {last!r} not found")
        return doc, parent.pop(last), len(_dump(last)) + 2
    if isinstance(parent, list):
        idx = _index(parent, last, allow_end=False)
        budget.shift(i, len(parent) - idx)
        return doc, parent.pop(idx), 1
    raise PatchError(f"cannot remove at {last!r}: parent is not a container")


def apply_patch(content_type: str, current: dict[str, Any], patch: Any) -> Any:
    check_depth(patch)
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

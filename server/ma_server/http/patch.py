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
  the patch, if larger). The size is tracked incrementally and exactly: each
  operation adds the size of what it inserts and subtracts what it removes, so
  the whole document is serialized only once. A `copy` shares its value instead
  of copying it (copy-on-write, `_Shared`), and a shared value is measured once:
  the issue-10 bomb of 21 doubling copies costs ~0.1 ms, not the 1.4 ms a real
  copy of each value took, however large the document it builds.
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


class _Shared:
    """What a JSON patch shares instead of copying (copy-on-write), and the sizes it has measured.

    A `copy` (and an `add` of the patch's own value) inserts a reference to its value, not a
    copy, and marks the value *frozen*: a frozen container is never changed in place. An
    operation that writes below a frozen container first replaces every frozen container on its
    path with a shallow copy (`writable`), whose own containers are then frozen in turn. So a
    copy costs the size of the path, not of the value, and a patch that doubles the document
    with every `copy` stays cheap; the document's JSON size is still tracked exactly.
    A frozen container's compact-JSON size never changes, so it is measured once. The
    containers are held here, so their ids are not reused while the patch runs."""

    def __init__(self) -> None:
        self.frozen: dict[int, tuple[Any, int | None]] = {}
        self._strings: dict[str, int] = {}  # a document often repeats its keys and strings

    def freeze(self, value: Any, size: int | None = None) -> None:
        if isinstance(value, dict | list):
            known = self.frozen.get(id(value))
            if known is None or known[1] is None:
                self.frozen[id(value)] = (value, size)

    def is_frozen(self, value: Any) -> bool:
        return id(value) in self.frozen

    def thaw(self, node: Any) -> Any:
        """A shallow, writable copy of the frozen container `node`; its containers become frozen."""
        copy_: Any = dict(node) if isinstance(node, dict) else list(node)
        for child in copy_.values() if isinstance(copy_, dict) else copy_:
            if isinstance(child, dict | list):
                self.freeze(child)
        return copy_

    def _text(self, text: str) -> int:
        n = self._strings.get(text)
        if n is None:
            n = self._strings[text] = len(encode_basestring_ascii(text))
        return n

    def _scalar(self, value: Any) -> int:
        if isinstance(value, str):
            return self._text(value)
        if value is None or value is True:
            return 4
        if value is False:
            return 5
        if type(value) is int:
            return len(int.__repr__(value))  # what json.dumps writes, without its per-call setup
        return len(_dump(value))

    def _known(self, node: Any) -> int | None:
        entry = self.frozen.get(id(node))
        return None if entry is None else entry[1]

    def _shallow(self, node: Any) -> int:
        """Brackets, commas and (of an object) the keys with their colons."""
        n = 2 + max(0, len(node) - 1)
        if isinstance(node, dict):
            n += sum(self._text(k) + 1 for k in node)
        return n

    def size(self, value: Any, limit: int | None = None) -> int:
        """`len(_dump(value))`, walking only what is not measured yet (frozen containers are
        measured once); with `limit`, the walk stops once the size is over it (the size returned
        then only says so). Iterative: the value may nest as deep as the document."""
        if not isinstance(value, dict | list):
            return self._scalar(value)
        known = self._known(value)
        if known is not None:
            return known
        spent = self._shallow(value)  # everything counted so far, for the limit
        frames: list[list[Any]] = [[value, spent, iter(value.values() if isinstance(value, dict) else value)]]
        while frames:
            if limit is not None and spent > limit:
                return spent
            frame = frames[-1]
            for child in frame[2]:
                if isinstance(child, dict | list):
                    known = self._known(child)
                    if known is None:
                        n = self._shallow(child)
                        spent += n
                        children = child.values() if isinstance(child, dict) else child
                        frames.append([child, n, iter(children)])
                        break
                else:
                    known = self._scalar(child)
                frame[1] += known
                spent += known
                if limit is not None and spent > limit:
                    return spent
            else:
                frames.pop()
                node, n = frame[0], frame[1]
                if id(node) in self.frozen:
                    self.frozen[id(node)] = (node, n)
                if not frames:
                    return int(n)
                frames[-1][1] += n
        raise AssertionError("unreachable: the root frame returns")


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
    """RFC 6902 applied to `doc` within the bounds of the module docstring. Neither `doc` nor `ops`
    is changed: the result shares their unchanged parts (`_Shared`), and is only read afterwards."""
    return _json_patch(doc, ops, max_bytes)[0]


def json_patch_sized(doc: Any, ops: Any, max_bytes: int = MAX_PATCHED_BYTES) -> tuple[Any, int]:
    """`json_patch`, with the size of the result as compact JSON (exact)."""
    return _json_patch(doc, ops, max_bytes)


def _json_patch(doc: Any, ops: Any, max_bytes: int) -> tuple[Any, int]:
    if not isinstance(ops, list):
        raise PatchError("a JSON patch must be an array of operations")
    if len(ops) > MAX_JSON_PATCH_OPS:
        raise PatchError(f"a JSON patch may hold at most {MAX_JSON_PATCH_OPS} operations")
    shared = _Shared()
    budget = _Budget(len(_dump(doc)), max_bytes)
    shared.freeze(doc, budget.size)  # the caller's document is shared, never written
    root = [doc]  # the document, as the one element of a writable list: paths start there
    for i, op in enumerate(ops):
        if not isinstance(op, dict) or not isinstance(op.get("op"), str) or not isinstance(op.get("path"), str):
            raise PatchError(f"operation {i}: needs string 'op' and 'path'")
        kind, path = op["op"], op["path"]
        if kind in ("add", "replace", "test") and "value" not in op:
            raise PatchError(f"operation {i}: {kind} needs 'value'")
        if kind in ("add", "replace"):
            if kind == "replace":
                removed, overhead = _remove(root, _pointer(path), shared, budget, i)
                budget.size -= overhead + shared.size(removed)
            value = op["value"]
            size = shared.size(value)
            shared.freeze(value, size)  # the patch's own value: shared with the patch, never written
            _insert(root, _pointer(path), value, size, shared, budget, i)
        elif kind == "remove":
            removed, overhead = _remove(root, _pointer(path), shared, budget, i)
            budget.size -= overhead + shared.size(removed)
        elif kind in ("move", "copy"):
            src = op.get("from")
            if not isinstance(src, str):
                raise PatchError(f"operation {i}: {kind} needs string 'from'")
            if kind == "move":
                value, overhead = _remove(root, _pointer(src), shared, budget, i)
                budget.size -= overhead
                _insert(root, _pointer(path), value, None, shared, budget, i)
            else:
                value = _get(root[0], _pointer(src))
                room = MAX_JSON_PATCH_COPY_BYTES - budget.copied
                size = shared.size(value, room)
                budget.copied += size
                if budget.copied > MAX_JSON_PATCH_COPY_BYTES:
                    raise PatchError(
                        f"operation {i}: the patch copies more than {MAX_JSON_PATCH_COPY_BYTES} bytes in all"
                    )
                shared.freeze(value, size)  # now in two places: written in neither
                _insert(root, _pointer(path), value, size, shared, budget, i)
        elif kind == "test":
            if _get(root[0], _pointer(path)) != op["value"]:
                raise PatchError(f"operation {i}: test failed at {path!r}")
        else:
            raise PatchError(f"operation {i}: unknown op {kind!r}")
        budget.check(i)
    return root[0], budget.size


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


def _child(cur: Any, t: str) -> tuple[Any, Any]:
    """The key or index `t` names in `cur`, and the value there."""
    if isinstance(cur, dict):
        if t not in cur:
            raise PatchError(f"path element {t!r} not found")
        return t, cur[t]
    if isinstance(cur, list):
        idx = _index(cur, t, allow_end=False)
        return idx, cur[idx]
    raise PatchError(f"path element {t!r} not found")


def _get(doc: Any, tokens: list[str]) -> Any:
    cur = doc
    for t in tokens:
        cur = _child(cur, t)[1]
    return cur


def _writable(root: list[Any], tokens: list[str], shared: _Shared, budget: _Budget, i: int) -> Any:
    """The container at `tokens`, after every frozen container on the way (it included) has been
    replaced by a writable copy; the elements those copies copied count as moved array elements."""
    parent: Any = root
    key: Any = 0
    cur = root[0]
    for t in [None, *tokens]:
        if t is not None:
            key, cur = _child(cur, t)
        if isinstance(cur, dict | list) and shared.is_frozen(cur):
            budget.shift(i, len(cur))
            cur = shared.thaw(cur)
            parent[key] = cur
        parent = cur
    return cur


def _insert(
    root: list[Any], tokens: list[str], value: Any, size: int | None, shared: _Shared, budget: _Budget, i: int
) -> None:
    """Add `value` (of `size` bytes; None: moved, already counted) and account for it."""
    if not tokens:  # the whole document
        budget.size = shared.size(value) if size is None else size
        root[0] = value
        return
    parent = _writable(root, tokens[:-1], shared, budget, i)
    last = tokens[-1]
    added = size or 0
    if isinstance(parent, dict):
        old = parent.get(last, _MISSING)
        parent[last] = value
        if old is _MISSING:
            added += shared.size(last) + 1 + (1 if len(parent) > 1 else 0)  # "key": and a comma
        else:
            added -= shared.size(old)
    elif isinstance(parent, list):
        idx = _index(parent, last, allow_end=True)
        budget.shift(i, len(parent) - idx)
        parent.insert(idx, value)
        added += 1 if parent[1:] else 0
    else:
        raise PatchError(f"cannot add at {last!r}: parent is not a container")
    budget.size += added


def _remove(root: list[Any], tokens: list[str], shared: _Shared, budget: _Budget, i: int) -> tuple[Any, int]:
    """Remove and return the value at `tokens`, with the bytes its key or comma took."""
    if not tokens:
        raise PatchError("cannot remove the whole document")
    parent = _writable(root, tokens[:-1], shared, budget, i)
    last = tokens[-1]
    if isinstance(parent, dict):
        if last not in parent:
            raise PatchError(f"path element {last!r} not found")
        overhead = shared.size(last) + 1 + (1 if len(parent) > 1 else 0)
        return parent.pop(last), overhead
    if isinstance(parent, list):
        idx = _index(parent, last, allow_end=False)
        budget.shift(i, len(parent) - idx)
        overhead = 1 if len(parent) > 1 else 0
        return parent.pop(idx), overhead
    raise PatchError(f"cannot remove at {last!r}: parent is not a container")


# What one JSON-patch operation weighs in `cost`: its parse and pointer walk cost a few
# microseconds, like converting about 1 KiB of object.
JSON_PATCH_OP_COST_BYTES = 1024


def cost(content_type: str, patch: Any, object_bytes: int, body_bytes: int) -> int:
    """The work of applying `patch` (its body `body_bytes` long) to an object of `object_bytes`
    (protobuf), in bytes of object, for `offload.run`'s size: a patch whose cost is under the
    offload threshold is applied on the event loop."""
    if content_type == JSON_PATCH and isinstance(patch, list):
        return object_bytes + body_bytes + JSON_PATCH_OP_COST_BYTES * len(patch)
    return object_bytes + body_bytes


def apply_patch(content_type: str, current: dict[str, Any], patch: Any) -> tuple[Any, int | None]:
    """The patched document, and its size as compact JSON when known (JSON patches track it)."""
    check_depth(patch)
    if content_type == JSON_PATCH:
        return json_patch_sized(current, patch)
    if content_type == STRATEGIC_MERGE_PATCH:
        patch = strip_directives(patch)
    if not isinstance(patch, dict):
        raise PatchError("a merge patch must be a JSON object")
    return merge_patch(current, patch), None


def sets_resource_version(content_type: str, patch: Any) -> bool:
    """Whether the client chose the resourceVersion itself (then a conflict is its to handle)."""
    if content_type == JSON_PATCH:
        return isinstance(patch, list) and any(
            isinstance(op, dict) and str(op.get("path", "")).startswith("/metadata/resourceVersion") for op in patch
        )
    meta = patch.get("metadata") if isinstance(patch, dict) else None
    return isinstance(meta, dict) and "resourceVersion" in meta

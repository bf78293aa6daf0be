"""Issue 10, class 2 (CPU without bound) and the selector part of class 8 (lenient parsing).

LIKE is matched without backtracking blow-up, JSON patches are bounded after every
operation, list options are bounded, and the selector grammar follows apimachinery.
Each example goes to a real ma-server over gRPC and HTTP and must answer within a
generous bound (the machine running the tests is shared and loaded).
"""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Callable, Iterator

import grpc
import httpx
import pytest
from api_helpers import any_of, crit, project, rpc_error
from api_server import ServerProcess
from hypothesis import given, settings
from hypothesis import strategies as st

from ma_server.http.patch import (
    MAX_JSON_PATCH_COPY_BYTES,
    MAX_PATCH_DEPTH,
    PatchError,
    _Shared,
    json_patch,
    json_patch_sized,
)
from ma_server.selectors import (
    MAX_CRITERIA_DEPTH,
    MAX_CRITERIA_NODES,
    MAX_CRITERIA_VALUE_CHARS,
    MAX_CRITERIA_VALUES,
    MAX_LIST_REQUEST_BYTES,
    MAX_ORDER_BY,
    MAX_SELECTOR_CHARS,
    MAX_SELECTOR_REQUIREMENTS,
    LikePattern,
)
from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc

C = grpc.StatusCode
Stub = project_svc_pb2_grpc.ProjectServiceStub
BOUND_S = 0.5  # each example must be answered well within this (100 ms idle)
GV = "/apis/michelangelo.api/v2"


def _old_like(pattern: str) -> re.Pattern[str]:
    """The matcher before issue 10 (exponential backtracking), the oracle for the new one."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if c == "%" else "." if c == "_" else re.escape(c))
        i += 1
    return re.compile("".join(out), re.DOTALL)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(
    st.text(alphabet="ab%_\\\nA", max_size=10),
    st.text(alphabet="ab%_\\\nA", max_size=12),
)
def test_like_matches_as_before(pattern: str, value: str) -> None:
    assert LikePattern(pattern).fullmatch(value) == (_old_like(pattern).fullmatch(value) is not None)


def test_like_is_linear_on_the_issue_example() -> None:
    for extra in range(0, 40, 8):
        pattern = "%a" * (5 + extra) + "%b"
        start = time.perf_counter()
        assert not LikePattern(pattern).fullmatch("a" * 128)
        assert LikePattern(pattern).fullmatch("a" * 128 + "b")
        assert time.perf_counter() - start < BOUND_S


@pytest.fixture
def projects(channel: grpc.Channel) -> Stub:
    return Stub(channel)


@pytest.fixture
def http(server: ServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"http://127.0.0.1:{server.http_port}", timeout=15) as c:
        yield c


def _timed(fn: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def _list(stub: Stub, ns: str, **opts: object) -> list[str]:
    req = project_svc_pb2.ListProjectsRequest(namespace=ns, options=list_pb2.ListOptions(**opts))  # type: ignore[arg-type]
    return [p.metadata.name for p in stub.ListProjects(req, timeout=10).items]


def _invalid(fn: Callable[[], object], *words: str) -> None:
    err, took = _timed(lambda: rpc_error(fn))
    assert isinstance(err, grpc.RpcError)
    assert err.code() == C.INVALID_ARGUMENT, err.details()
    for w in words:
        assert w in (err.details() or ""), err.details()
    assert took < BOUND_S, took


def test_like_example_over_grpc(projects: Stub, ns: str) -> None:
    projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "p", team="a" * 128)), timeout=10)
    like = crit("spec.owningTeam", list_pb2.OPERATOR_LIKE, "%a" * 8 + "%b")
    got, took = _timed(lambda: _list(projects, ns, criteria=like))
    assert got == [] and took < BOUND_S, took
    assert _list(projects, ns, criteria=crit("spec.owningTeam", list_pb2.OPERATOR_LIKE, "%a" * 8 + "%")) == ["p"]


def test_list_options_are_bounded_over_grpc(projects: Stub, ns: str) -> None:
    order = [list_pb2.OrderBy(field="metadata.name")] * 20_000
    _invalid(lambda: _list(projects, ns, order_by=order), "options.orderBy", str(MAX_ORDER_BY))
    assert _list(projects, ns, order_by=order[:MAX_ORDER_BY]) == []
    wide = any_of(*[crit("metadata.name", list_pb2.OPERATOR_EQ, "x")] * 5000)
    _invalid(lambda: _list(projects, ns, criteria=wide), "options.criteria", str(MAX_CRITERIA_NODES))
    deep = crit("metadata.name", list_pb2.OPERATOR_EQ, "x")
    for _ in range(MAX_CRITERIA_DEPTH + 2):
        deep = any_of(deep)
    _invalid(lambda: _list(projects, ns, criteria=deep), "options.criteria", str(MAX_CRITERIA_DEPTH))
    long_sel = "a=b," * (MAX_SELECTOR_CHARS // 4 + 1)
    _invalid(lambda: _list(projects, ns, label_selector=long_sel), "options.labelSelector", str(MAX_SELECTOR_CHARS))
    many = ",".join(f"k{i}=v" for i in range(MAX_SELECTOR_REQUIREMENTS + 1))
    _invalid(lambda: _list(projects, ns, label_selector=many), "labelSelector", str(MAX_SELECTOR_REQUIREMENTS))
    fields = ",".join(["metadata.name=x"] * (MAX_SELECTOR_REQUIREMENTS + 1))
    _invalid(lambda: _list(projects, ns, field_selector=fields), "fieldSelector", str(MAX_SELECTOR_REQUIREMENTS))
    _invalid(
        lambda: _list(projects, ns, field_selector="metadata.name=" + "x" * MAX_SELECTOR_CHARS),
        "fieldSelector",
        str(MAX_SELECTOR_CHARS),
    )
    # DeleteCollection and Watch check the same options.
    delete = project_svc_pb2.DeleteProjectCollectionRequest(
        namespace=ns, options=list_pb2.ListOptions(criteria=wide, label_selector="p")
    )
    _invalid(lambda: projects.DeleteProjectCollection(delete, timeout=10), str(MAX_CRITERIA_NODES))
    watch = project_svc_pb2.WatchProjectsRequest(namespace=ns, options=list_pb2.WatchOptions(label_selector=many))
    _invalid(lambda: next(iter(projects.WatchProjects(watch, timeout=10))), str(MAX_SELECTOR_REQUIREMENTS))


def test_list_request_over_the_options_bound_is_refused_before_it_is_parsed(projects: Stub, ns: str) -> None:
    """The hostile bench's 1 MiB label selector: refused by the request's size (the most a request within
    the option limits takes, `MAX_LIST_REQUEST_BYTES`) before it is parsed, over List, DeleteCollection
    and Watch, naming the option that makes it large; nothing deleted."""
    projects.CreateProject(project_svc_pb2.CreateProjectRequest(project=project(ns, "keep")), timeout=10)
    huge = "a=b," * (256 * 1024)
    words = ("options.labelSelector: request is", str(MAX_LIST_REQUEST_BYTES))
    _invalid(lambda: _list(projects, ns, label_selector=huge), *words)
    order = [list_pb2.OrderBy(field="metadata.name")] * 100_000
    _invalid(lambda: _list(projects, ns, order_by=order), "options.orderBy: request is", str(MAX_ORDER_BY))
    delete = project_svc_pb2.DeleteProjectCollectionRequest(
        namespace=ns, options=list_pb2.ListOptions(label_selector=huge)
    )
    _invalid(lambda: projects.DeleteProjectCollection(delete, timeout=10), *words)
    watch = project_svc_pb2.WatchProjectsRequest(namespace=ns, options=list_pb2.WatchOptions(label_selector=huge))
    _invalid(lambda: next(iter(projects.WatchProjects(watch, timeout=10))), *words)
    assert _list(projects, ns) == ["keep"]
    # The bound holds every request within the option limits: at the limits, in 4-byte characters,
    # the request is under it and answered by the option's own limit.
    wide = "\U0001d11e" * MAX_SELECTOR_CHARS
    values = ["\U0001d11e" * (MAX_CRITERIA_VALUE_CHARS // MAX_CRITERIA_VALUES)] * MAX_CRITERIA_VALUES
    at_limits = list_pb2.ListOptions(
        label_selector=wide + "x",
        field_selector=wide,
        criteria=crit("metadata.name", list_pb2.OPERATOR_IN, *values),
        order_by=[list_pb2.OrderBy(field="metadata.name")] * MAX_ORDER_BY,
        continue_token="c" * 1024,
    )
    req = project_svc_pb2.ListProjectsRequest(namespace=ns, options=at_limits)
    assert req.ByteSize() < MAX_LIST_REQUEST_BYTES
    err = rpc_error(lambda: projects.ListProjects(req, timeout=10))
    assert err.code() == C.INVALID_ARGUMENT and "request is" not in (err.details() or ""), err.details()


@pytest.mark.parametrize(
    "selector",
    [
        "metadata.name=x\\",  # trailing backslash: an invalid escape in apimachinery
        "metadata.name=x\\y",  # unknown escape
        "metadata.name=a=b",  # unescaped '='
    ],
)
def test_field_selector_grammar_over_grpc(projects: Stub, ns: str, selector: str) -> None:
    _invalid(lambda: _list(projects, ns, field_selector=selector), "field selector")


def test_selector_grammar_follows_apimachinery(projects: Stub, ns: str) -> None:
    for name, labels in (("p1", {"n": "3", "x": ""}), ("p2", {"n": "12"}), ("p3", {"n": "abc"})):
        projects.CreateProject(
            project_svc_pb2.CreateProjectRequest(project=project(ns, name, labels=labels)), timeout=10
        )
    assert _list(projects, ns, label_selector="n>5") == ["p2"]
    assert _list(projects, ns, label_selector="n<5") == ["p1"]
    # `x in ()` is `x in ("")` in apimachinery (labels.Parse accepts it): not an error.
    assert _list(projects, ns, label_selector="x in ()") == ["p1"]
    _invalid(lambda: _list(projects, ns, label_selector="n>x"), "integer")
    _invalid(lambda: _list(projects, ns, label_selector="n\u00a0"), "label key")  # not whitespace in Kubernetes
    assert _list(projects, ns, field_selector="metadata.name=p1,,") == ["p1"]  # empty terms are skipped
    assert _list(projects, ns, field_selector="metadata.name=p\\=1") == []  # escaped '=' is data


def test_selectors_are_bounded_over_http(http: httpx.Client, ns: str) -> None:
    url = f"{GV}/namespaces/{ns}/projects"
    for params, word in (
        ({"labelSelector": "a=b," * (MAX_SELECTOR_CHARS // 4 + 1)}, str(MAX_SELECTOR_CHARS)),
        ({"labelSelector": ",".join(f"k{i}" for i in range(100))}, str(MAX_SELECTOR_REQUIREMENTS)),
        ({"fieldSelector": "metadata.name=x\\"}, "backslash"),
        ({"fieldSelector": "metadata.name=a=b"}, "unescaped"),
    ):
        r, took = _timed(lambda params=params: http.get(url, params=params))  # type: ignore[misc]
        assert isinstance(r, httpx.Response)
        assert r.status_code in (400, 422), r.text  # INVALID_ARGUMENT with field causes is 422
        assert r.json()["kind"] == "Status" and word in r.json()["message"], r.text
        assert took < BOUND_S, took
        watch, took = _timed(lambda params=params: http.get(url, params={**params, "watch": "true"}))  # type: ignore[misc]
        assert isinstance(watch, httpx.Response) and watch.status_code in (400, 422), watch.text


def test_json_patch_doubling_is_bounded_over_http(http: httpx.Client, ns: str) -> None:
    url = f"{GV}/namespaces/{ns}/projects"
    body = {"metadata": {"name": "pp"}, "spec": {"owningTeam": "t", "description": "x" * 900}}
    assert http.post(url, json=body).status_code == 201
    # The issue's example: each copy doubles the document (21 ops in a 1 KiB body).
    ops = [{"op": "copy", "from": "/metadata/annotations", "path": f"/metadata/annotations/a{i}"} for i in range(21)]
    ops.insert(0, {"op": "add", "path": "/metadata/annotations", "value": {"x": "y" * 900}})
    headers = {"Content-Type": "application/json-patch+json"}
    r, took = _timed(lambda: http.patch(f"{url}/pp", json=ops, headers=headers))
    assert isinstance(r, httpx.Response)
    assert r.status_code == 422, r.text
    assert "operation" in r.json()["message"] and str(MAX_JSON_PATCH_COPY_BYTES) in r.json()["message"], r.text
    assert took < BOUND_S, took
    deep: dict[str, object] = {}
    cur = deep
    for _ in range(MAX_PATCH_DEPTH + 5):
        nxt: dict[str, object] = {}
        cur["x"] = nxt
        cur = nxt
    merge = {"Content-Type": "application/merge-patch+json"}
    r = http.patch(f"{url}/pp", json={"spec": deep}, headers=merge)
    assert r.status_code == 422 and str(MAX_PATCH_DEPTH) in r.json()["message"], r.text


def test_json_patch_size_is_tracked_per_operation() -> None:
    doc = {"spec": {"a": "x" * 1000}}
    big = "y" * 600_000
    # Adds from the body: the size after each operation counts, not only the final one.
    ops = [{"op": "add", "path": f"/spec/b{i}", "value": big} for i in range(8)]
    with pytest.raises(PatchError, match=r"operation 6: .*4194304"):
        json_patch(doc, ops)
    # Remove what was added: the estimate goes down again, so a long legitimate patch passes.
    pair = [{"op": "add", "path": "/spec/b", "value": big}, {"op": "remove", "path": "/spec/b"}]
    churn = pair * 20
    assert json_patch(doc, churn) == doc
    # Copies are bounded in all, even when each one is removed again.
    copies = [{"op": "add", "path": "/spec/c", "value": "z" * 300_000}]
    for _ in range(5):
        copies += [{"op": "copy", "from": "/spec/c", "path": "/spec/d"}, {"op": "remove", "path": "/spec/d"}]
    with pytest.raises(PatchError, match=r"operation 7: .*copies more than"):
        json_patch(doc, copies)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


def _compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_json_values)
def test_json_patch_sizes_are_compact_json_sizes(value: object) -> None:
    """A value is measured without json.dumps: exactly its compact JSON's size, and a frozen
    (shared) value's size is remembered."""
    shared = _Shared()
    assert shared.size(value) == len(_compact(value))
    shared.freeze(value)
    assert shared.size(value) == len(_compact(value))
    assert shared.size(value) == len(_compact(value))  # from the memo


def _oracle(doc: object, ops: list[dict[str, object]]) -> object:
    """RFC 6902 the plain way: deep copies everywhere, no bounds; the reference for `json_patch`."""

    def walk(d: object, tokens: list[str]) -> object:
        for t in tokens:
            d = d[int(t)] if isinstance(d, list) else d[t]  # type: ignore[index]
        return d

    def tokens_of(path: str) -> list[str]:
        return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")] if path else []

    def add(d: object, path: str, value: object) -> object:
        toks = tokens_of(path)
        if not toks:
            return value
        parent = walk(d, toks[:-1])
        if isinstance(parent, list):
            idx = len(parent) if toks[-1] == "-" else int(toks[-1])
            if idx > len(parent):
                raise IndexError(idx)  # RFC 6902: at most one past the end
            parent.insert(idx, value)
        else:
            parent[toks[-1]] = value  # type: ignore[index]
        return d

    def remove(d: object, path: str) -> object:
        toks = tokens_of(path)
        parent = walk(d, toks[:-1])
        return parent.pop(int(toks[-1]) if isinstance(parent, list) else toks[-1])  # type: ignore[union-attr]

    d = copy.deepcopy(doc)
    for op in ops:
        kind, path = op["op"], str(op["path"])
        if kind == "add":
            d = add(d, path, copy.deepcopy(op["value"]))
        elif kind == "replace":
            remove(d, path)
            d = add(d, path, copy.deepcopy(op["value"]))
        elif kind == "remove":
            remove(d, path)
        elif kind == "move":
            d = add(d, path, remove(d, str(op["from"])))
        elif kind == "copy":
            d = add(d, path, copy.deepcopy(walk(d, tokens_of(str(op["from"])))))
    return d


def _paths(doc: object, prefix: str = "") -> list[tuple[str, object]]:
    out = [(prefix, doc)]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, f"{prefix}/{k.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, f"{prefix}/{i}")
    return out


@st.composite
def _patches(draw: st.DrawFn) -> tuple[object, list[dict[str, object]]]:
    """A document and a valid JSON patch for it: every op's paths exist when it runs (per the oracle)."""
    doc = draw(st.dictionaries(st.text(max_size=3), _json_values, max_size=4))
    ops: list[dict[str, object]] = []
    cur: object = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 12))):
        existing = [(p, v) for p, v in _paths(cur) if p]
        containers = [(p, v) for p, v in _paths(cur) if isinstance(v, dict | list)]
        kind = draw(st.sampled_from(["add", "copy", "move", "remove", "replace", "test"]))
        if kind in ("remove", "replace", "test", "move", "copy") and not existing:
            kind = "add"
        if kind in ("add", "copy", "move"):
            parent_path, parent = draw(st.sampled_from(containers))
            if isinstance(parent, list):
                last = draw(st.sampled_from([str(i) for i in range(len(parent) + 1)] + ["-"]))
            else:
                last = draw(st.sampled_from([*parent, draw(st.text(max_size=3))]) if parent else st.text(max_size=3))
                last = last.replace("~", "~0").replace("/", "~1")
            path = f"{parent_path}/{last}"
            if kind == "add":
                op: dict[str, object] = {"op": "add", "path": path, "value": draw(_json_values)}
            else:
                src = draw(st.sampled_from(existing))[0]
                if kind == "move" and (path == src or path.startswith(src + "/")):
                    continue  # RFC 6902: a value cannot move into itself
                op = {"op": kind, "from": src, "path": path}
        elif kind in ("remove", "replace"):
            path = draw(st.sampled_from(existing))[0]
            op = (
                {"op": kind, "path": path}
                if kind == "remove"
                else {"op": kind, "path": path, "value": draw(_json_values)}
            )
        else:
            path, value = draw(st.sampled_from(existing))
            op = {"op": "test", "path": path, "value": copy.deepcopy(value)}
        try:
            cur = _oracle(cur, [op])
        except (KeyError, IndexError, ValueError, TypeError):
            continue  # e.g. a move whose target vanished with its source: not a valid op here
        ops.append(op)
    return doc, ops


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_patches())
def test_json_patch_shares_without_aliasing(case: tuple[object, list[dict[str, object]]]) -> None:
    """Copy-on-write gives what deep copies give: the same document, an exact size, and neither the
    document nor the patch is changed (a PATCH retried after a conflict reuses both)."""
    doc, ops = case
    doc_before, ops_before = copy.deepcopy(doc), copy.deepcopy(ops)
    result, size = json_patch_sized(doc, ops, max_bytes=1 << 30)
    assert result == _oracle(doc, ops)
    assert size == len(_compact(result))
    assert doc == doc_before and ops == ops_before
    # Applying it twice over the same inputs is the same (nothing was shared and then written).
    assert json_patch(doc, ops, max_bytes=1 << 30) == result


def test_json_patch_copies_and_writes_below_them_stay_apart() -> None:
    # Copies of copies, each then written: every write lands in one place only.
    doc = {"a": {"b": {"c": [1, 2]}}}
    ops = [
        {"op": "copy", "from": "/a", "path": "/x"},
        {"op": "copy", "from": "/x", "path": "/a/b/again"},
        {"op": "add", "path": "/x/b/c/-", "value": 3},
        {"op": "add", "path": "/a/b/again/b/c/0", "value": 0},
        {"op": "remove", "path": "/a/b/c/1"},
        {"op": "copy", "from": "/a", "path": "/a/self"},
        {"op": "replace", "path": "/a/self/b/c", "value": "s"},
    ]
    result, size = json_patch_sized(doc, ops)
    assert result == _oracle(doc, ops)
    assert result == {
        "a": {
            "b": {"c": [1], "again": {"b": {"c": [0, 1, 2]}}},
            "self": {"b": {"c": "s", "again": {"b": {"c": [0, 1, 2]}}}},
        },
        "x": {"b": {"c": [1, 2, 3]}},
    }
    assert size == len(_compact(result))
    assert doc == {"a": {"b": {"c": [1, 2]}}}


def test_json_patch_copy_walk_stops_at_the_copy_budget() -> None:
    # The issue's bomb copies a value that doubles each time: the walk of the copy that passes the
    # budget stops there (a few KiB past it), it does not measure the whole value first.
    value: dict[str, object] = {"x": "y" * 900}
    for i in range(14):
        value = {**value, f"a{i}": value}  # 900 * 2**14 bytes: 14 MiB
    size = _Shared().size(value, 64 * 1024)
    assert 64 * 1024 < size < 80 * 1024, size
    ops = [{"op": "add", "path": "/metadata/annotations", "value": {"x": "y" * 900}}]
    ops += [{"op": "copy", "from": "/metadata/annotations", "path": f"/metadata/annotations/a{i}"} for i in range(21)]
    with pytest.raises(PatchError, match=rf"operation 11: the patch copies more than {MAX_JSON_PATCH_COPY_BYTES}"):
        json_patch({"metadata": {"name": "victim"}}, ops)


def test_json_patch_copies_cost_their_path_not_their_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the copy budget, 40 doubling copies describe a document of 900 * 2**40 bytes (~1 PB):
    # shared, not copied, and each copy measured from the sizes already known, so the patch runs.
    import ma_server.http.patch as patch_module

    monkeypatch.setattr(patch_module, "MAX_JSON_PATCH_COPY_BYTES", 1 << 62)
    ops: list[dict[str, object]] = [{"op": "add", "path": "/a", "value": {"x": "y" * 900}}]
    ops += [{"op": "copy", "from": "/a", "path": f"/a/c{i:02d}"} for i in range(40)]
    t = time.perf_counter()
    result, size = json_patch_sized({}, ops, max_bytes=1 << 62)
    assert time.perf_counter() - t < 1.0
    # {"a":A40} where A0 = {"x":"y..."} and A(i+1) = A(i) with one more key "cNN":A(i).
    a = len('{"x":"' + "y" * 900 + '"}')
    for i in range(40):
        a = a + len(f',"c{i:02d}":') + a
    assert size == len('{"a":}') + a
    assert result["a"]["c39"]["c38"]["x"] == "y" * 900

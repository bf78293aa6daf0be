"""Hypothesis strategies for the Kubernetes-dialect hazards a schema-driven fuzzer does not
generate, and the response check every fuzzed HTTP answer must pass.

Families (each a strategy of `Request`s for one resource kind):
- `selectors`: label and field selectors, valid and broken (`in ()`, trailing `\\`, odd keys).
- `paging`: `limit` / `continue` / `resourceVersion` / `resourceVersionMatch` in odd spellings,
  with real continue tokens and resource versions from the server (the `State`).
- `bodies`: create / update / status bodies: a valid manifest mutated at the JSON level, or raw
  bytes with odd UTF-8 (lone surrogates, invalid sequences, BOM, NUL), deep JSON, NaN,
  huge numbers, wrong media types, `fieldValidation`.
- `patches`: merge, strategic merge (with directives) and JSON patches (odd pointers, copy/move
  chains), under every patch media type and some wrong ones.
- `deletes`: DeleteOptions bodies and parameters (preconditions, propagation, grace, dryRun).
- `watches`: `watch=true` with selectors and resource versions; read briefly, then closed.
- `junk`: unknown parameters, odd path segments and methods.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import httpx
from fuzz_support import TALLY
from hypothesis import strategies as st

from ma_server.http.catalog import Resource

GV = "/apis/michelangelo.api/v2"
NAMESPACES = ["fuzz", "fuzz-2"]  # never the watchdog's namespace
NAMES = ["fuzz-a", "fuzz-b", "fuzz-c"]
SEEDED = "fuzz-a"  # created in every kind and namespace before a family runs (patch/update targets)


@dataclass
class Request:
    method: str
    path: str
    params: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None
    watch: bool = False

    def describe(self) -> str:
        body = "" if self.content is None else f" body={self.content[:400]!r} ({len(self.content)} bytes)"
        return f"{self.method} {self.path} params={self.params!r} headers={self.headers!r}{body}"


@dataclass
class State:
    """Continue tokens and resource versions the server handed out (for paging hazards)."""

    tokens: list[str] = field(default_factory=lambda: ["x"])
    versions: list[str] = field(default_factory=lambda: ["1"])


# ---------------------------------------------------------------------------
# Text and JSON values

ODD = [
    "",
    " ",
    "\x00",
    "\ufeff",
    "\u202e",
    "\ud800",  # lone surrogate: only expressible in JSON as an escape (or invalid UTF-8 on the wire)
    "\udfff\ud800",
    "\U0010ffff",
    "名前",
    "٥",
    "\\",
    "a\\",
    "%",
    "%a%a%a%a%a%b",
    "a" * 300,
    "é" * 70,
]
text = st.one_of(st.sampled_from(ODD), st.text(max_size=20))  # includes surrogates (Cs)
ascii_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=20)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),  # NaN and infinities too: json.dumps writes them as bare NaN / Infinity
    text,
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=8
)


def dumps(doc: Any, ascii_only: bool) -> bytes:
    # Lone surrogates survive as \ud800 escapes (ascii) or as CESU-style bytes, invalid UTF-8 (not ascii).
    return json.dumps(doc, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def deep(n: int, kind: str) -> bytes:
    if kind == "list":
        return b"[" * n + b"]" * n
    return b'{"spec":' + b'{"a":' * n + b"1" + b"}" * n + b"}"


RAW_BODIES = [
    b"",
    b"null",
    b"[]",
    b'"x"',
    b"{",
    b'{"spec":{"\\ud800":"t"}}',
    b'{"metadata":{"name":"\\udfff"}}',
    b'{"metadata":{"name":"\xff"}}',
    b'{"spec":{"a":"\xc0\xaf"}}',
    b'\xef\xbb\xbf{"metadata":{"name":"bom"}}',
    b'{"metadata":{"name":"a\x00b"}}',
    b'{"spec":NaN}',
    b'{"spec":{"x":Infinity}}',
    b'{"spec":{"x":1e400}}',
    b'{"metadata":{"name":"a","name":"b"}}',
    b"a=b&c=d",
    b"\x00\x01\x02",
    b"\xff\xfe{\x00}\x00",
]
MEDIA_TYPES = [
    "application/json",
    "application/json",
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=latin-1",
    "application/x-www-form-urlencoded",
    "text/plain",
    "application/yaml",
    "application/vnd.kubernetes.protobuf",
    "multipart/form-data; boundary=x",
    "",
    "application/json;;;",
]
PATCH_TYPES = [
    "application/merge-patch+json",
    "application/strategic-merge-patch+json",
    "application/json-patch+json",
    "application/merge-patch+json",
    "application/strategic-merge-patch+json",
    "application/json-patch+json",
    "application/apply-patch+yaml",
    "application/json",
    "text/plain",
]


# ---------------------------------------------------------------------------
# Parameters

label_keys = st.one_of(st.sampled_from(["app", "tier", "example.com/app", "a.b/c-d", "x" * 64, "a/b/c", ""]), text)
label_values = st.one_of(st.sampled_from(["v", "", "a-b.c_d", "x" * 64, "a b", "("]), text)


@st.composite
def label_selector(draw: st.DrawFn) -> str:
    terms = []
    for _ in range(draw(st.integers(0, 4))):
        k = draw(label_keys)
        op = draw(st.sampled_from(["=", "==", "!=", " in ", " notin ", "exists", "!", ">", "<", " "]))
        if op == "exists":
            terms.append(k)
        elif op == "!":
            terms.append(f"!{k}")
        elif op.strip() in ("in", "notin"):
            vals = draw(st.lists(label_values, max_size=3))
            terms.append(f"{k}{op}({','.join(vals)})" if draw(st.booleans()) else f"{k}{op}{','.join(vals)})")
        else:
            terms.append(f"{k}{op}{draw(label_values)}")
    sel = ",".join(terms)
    return draw(st.one_of(st.just(sel), st.just(sel + ","), st.just(sel * 20), text))


@st.composite
def field_selector(draw: st.DrawFn, fields: list[str]) -> str:
    terms = []
    for _ in range(draw(st.integers(0, 3))):
        f = draw(st.one_of(st.sampled_from(fields), st.sampled_from(["metadata.labels", "spec", "x.y.z"]), text))
        op = draw(st.sampled_from(["=", "==", "!=", "", "=~"]))
        v = draw(st.one_of(st.sampled_from(["fuzz-a", "\\,", "a\\=b", "\\", "a\\", "\\\\", "\\x"]), text))
        terms.append(f"{f}{op}{v}")
    return draw(st.one_of(st.just(",".join(terms)), text))


ints = st.one_of(
    st.sampled_from(["1", "0", "-1", " 5", "+5", "٥", "5 ", "1e3", "0x10", "2147483648", "99999999999999999999", ""]),
    st.integers(-(2**65), 2**65).map(str),
    ascii_text,
)


VERSION_EDGES = ["0", "", "-1", "99999999999", "18446744073709551616", "abc", " 1", "1.0"]
TOKEN_EDGES = ["", "=", "eyJ9", "e30", "eyJydiI6LTF9", "!!!"]
_TOKEN_CUTS = {
    "same": lambda t: t,
    "short": lambda t: t[:-2],
    "longer": lambda t: t + "A",
    "reversed": lambda t: t[::-1],
    "flipped": lambda t: t[:-5] + ("A" if t[-5:-4] != "A" else "B") + t[-4:],
}


class Live(str):
    """A parameter value taken from the server's answers when the request is sent (a continue
    token or resource version another request of the run got), so that what hypothesis draws
    (an index and a change) stays the same whatever the server handed out."""

    def __new__(cls, pool: list[str], index: int, change: str) -> Live:
        obj = super().__new__(cls, f"<{change} #{index}>")
        obj.pool, obj.index, obj.change = pool, index, change
        return obj

    def resolve(self) -> str:
        value = self.pool[self.index % len(self.pool)]
        return _TOKEN_CUTS[self.change](value)


def version(state: State) -> st.SearchStrategy[str]:
    live = st.builds(Live, st.just(state.versions), st.integers(0, 49), st.just("same"))
    return st.one_of(live, st.sampled_from(VERSION_EDGES), text)


LIVE_RV = b"<live-rv>"  # in a body: replaced by the newest resource version the server handed out
body_version = st.one_of(st.just(LIVE_RV.decode()), st.sampled_from(VERSION_EDGES), text)


def token(state: State) -> st.SearchStrategy[str]:
    live = st.builds(Live, st.just(state.tokens), st.integers(0, 49), st.sampled_from(sorted(_TOKEN_CUTS)))
    return st.one_of(live, live, st.sampled_from(TOKEN_EDGES), text)


def ns_path(r: Resource, ns: str, name: str = "", sub: str = "") -> str:
    base = f"{GV}/namespaces/{ns}/{r.plural}" if r.namespaced else f"{GV}/{r.plural}"
    return base + (f"/{name}" if name else "") + (f"/{sub}" if sub else "")


@st.composite
def namespace(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(NAMESPACES))


@st.composite
def name(draw: st.DrawFn) -> str:
    return draw(st.one_of(st.sampled_from(NAMES), st.sampled_from(["", "UPPER", "a" * 300, "..", "%2F", "a%00"])))


# ---------------------------------------------------------------------------
# Families


@st.composite
def selectors(draw: st.DrawFn, r: Resource, fields: list[str], state: State) -> Request:
    params = []
    if draw(st.booleans()):
        params.append(("labelSelector", draw(label_selector())))
    if draw(st.booleans()):
        params.append(("fieldSelector", draw(field_selector(fields))))
    if not params:
        params.append(("labelSelector", draw(label_selector())))
    path = draw(st.sampled_from([ns_path(r, draw(namespace())), f"{GV}/{r.plural}"]))
    method = draw(st.sampled_from(["GET", "GET", "DELETE"]))  # DELETE on a collection: deletecollection
    return Request(method, path, params)


@st.composite
def paging(draw: st.DrawFn, r: Resource, fields: list[str], state: State) -> Request:
    params: list[tuple[str, str]] = []
    for key in ("limit", "continue", "resourceVersion", "resourceVersionMatch"):
        if draw(st.booleans()):
            value = {
                "limit": ints,
                "continue": token(state),
                "resourceVersion": version(state),
                "resourceVersionMatch": st.sampled_from(["NotOlderThan", "Exact", "", "exact", "Bogus"]),
            }[key]
            params.append((key, draw(value)))
    if draw(st.booleans()):  # repeated parameters
        params += params
    if draw(st.booleans()):  # orderBy / criteria through the transcoder's nested names
        params.append(
            (
                draw(st.sampled_from(["options.orderBy", "options.limit", "options.criteria", "options.continue"])),
                draw(text),
            )
        )
    get_one = draw(st.booleans())
    path = ns_path(r, draw(namespace()), SEEDED if get_one else "")
    return Request("GET", path, params)


def _manifest(r: Resource, manifests: dict[str, dict[str, Any]], ns: str, nm: str) -> dict[str, Any]:
    doc = json.loads(json.dumps(manifests[r.kind]))
    doc["metadata"]["name"] = nm
    if r.namespaced:
        doc["metadata"]["namespace"] = ns
    return doc


@st.composite
def mutate(draw: st.DrawFn, doc: Any) -> Any:
    """Set or delete up to three keys anywhere in a JSON document."""
    for _ in range(draw(st.integers(0, 3))):
        dicts = [doc] if isinstance(doc, dict) else []
        stack = list(dicts)
        while stack:
            d = stack.pop()
            for v in d.values():
                if isinstance(v, dict):
                    dicts.append(v)
                    stack.append(v)
        if not dicts:
            return doc
        target = draw(st.sampled_from(dicts))
        key = draw(st.one_of(st.sampled_from(sorted(target) or ["x"]), text))
        if draw(st.integers(0, 4)) == 0:
            target.pop(key, None)
        else:
            target[key] = draw(json_values)
    return doc


@st.composite
def body_bytes(draw: st.DrawFn, doc: dict[str, Any]) -> bytes:
    choice = draw(st.integers(0, 9))
    if choice <= 4:
        return dumps(draw(mutate(doc)), draw(st.booleans()))
    if choice <= 6:
        return draw(st.sampled_from(RAW_BODIES))
    if choice == 7:
        return deep(draw(st.sampled_from([50, 99, 101, 1000, 20000])), draw(st.sampled_from(["list", "object"])))
    if choice == 8:
        raw = dumps(doc, True)
        i = draw(st.integers(0, len(raw)))
        return raw[:i] + draw(st.binary(max_size=8)) + raw[i:]
    return draw(st.binary(max_size=64))


@st.composite
def bodies(draw: st.DrawFn, r: Resource, manifests: dict[str, dict[str, Any]], state: State) -> Request:
    ns, nm = draw(namespace()), draw(st.sampled_from(NAMES))
    doc = _manifest(r, manifests, ns, nm)
    verb = draw(st.sampled_from(["create", "update", "status"]))
    if verb != "create" and draw(st.booleans()):
        doc["metadata"]["resourceVersion"] = draw(body_version)
    content = draw(body_bytes(doc))
    params = []
    if draw(st.booleans()):
        params.append(("fieldValidation", draw(st.sampled_from(["Strict", "Warn", "Ignore", "strict", "", "Bogus"]))))
    if draw(st.integers(0, 3)) == 0:
        params.append(("dryRun", draw(st.sampled_from(["All", "", "None", "x"]))))
    headers = {"content-type": draw(st.sampled_from(MEDIA_TYPES))}
    if verb == "create":
        return Request("POST", ns_path(r, ns), params, headers, content)
    return Request("PUT", ns_path(r, ns, nm, "status" if verb == "status" else ""), params, headers, content)


POINTERS = [
    "",
    "/",
    "/metadata",
    "/metadata/labels",
    "/metadata/labels/a",
    "/metadata/labels/a~1b",
    "/metadata/labels/~0",
    "/metadata/name",
    "/metadata/resourceVersion",
    "/metadata/annotations/x",
    "/spec",
    "/spec/-",
    "/spec/x/0",
    "/status",
    "/~2",
    "/0",
    "//",
    "/kind",
]


@st.composite
def json_patch(draw: st.DrawFn) -> Any:
    ops = []
    for _ in range(draw(st.integers(0, 6))):
        op: dict[str, Any] = {"op": draw(st.sampled_from(["add", "remove", "replace", "move", "copy", "test", "x"]))}
        op["path"] = draw(st.one_of(st.sampled_from(POINTERS), text.map(lambda s: "/" + s)))
        if draw(st.booleans()):
            op["value"] = draw(json_values)
        if op["op"] in ("move", "copy") or draw(st.integers(0, 5)) == 0:
            op["from"] = draw(st.sampled_from(POINTERS))
        ops.append(op)
    if draw(st.integers(0, 5)) == 0:  # a document-doubling chain, as in the issue (bounded by the server)
        ops = [{"op": "add", "path": "/metadata/annotations", "value": {"a": "x" * 512}}] + [
            {"op": "copy", "from": "/metadata/annotations", "path": f"/metadata/annotations/{i}"} for i in range(25)
        ]
    return draw(st.one_of(st.just(ops), json_values))


@st.composite
def merge_patch(draw: st.DrawFn, strategic: bool) -> Any:
    doc: dict[str, Any] = {}
    if draw(st.booleans()):
        doc["metadata"] = {"labels": draw(st.dictionaries(label_keys, st.one_of(st.none(), label_values), max_size=3))}
    if draw(st.booleans()):
        doc["spec"] = draw(json_values)
    if strategic and draw(st.booleans()):
        directive = draw(st.sampled_from(["$patch", "$retainKeys", "$setElementOrder/x", "$deleteFromPrimitiveList/x"]))
        doc[directive] = draw(st.one_of(st.sampled_from(["replace", "delete", "merge", "x"]), json_values))
    return draw(st.one_of(st.just(doc), mutate(doc), json_values))


@st.composite
def patches(draw: st.DrawFn, r: Resource, manifests: dict[str, dict[str, Any]], state: State) -> Request:
    ns = draw(namespace())
    ctype = draw(st.sampled_from(PATCH_TYPES))
    if "json-patch" in ctype:
        doc = draw(json_patch())
    else:
        doc = draw(merge_patch("strategic" in ctype))
    choice = draw(st.integers(0, 5))
    content = draw(body_bytes(doc)) if choice == 0 else dumps(doc, draw(st.booleans()))
    params = []
    if draw(st.booleans()):
        params.append(("fieldValidation", draw(st.sampled_from(["Strict", "Warn", "Ignore", "x"]))))
    if draw(st.integers(0, 3)) == 0:
        params.append(("fieldManager", draw(text)))
    sub = draw(st.sampled_from(["", "", "status"]))
    path = ns_path(r, ns, draw(st.sampled_from([SEEDED, SEEDED, *NAMES[1:]])), sub)
    return Request("PATCH", path, params, {"content-type": ctype}, content)


@st.composite
def deletes(draw: st.DrawFn, r: Resource, manifests: dict[str, dict[str, Any]], state: State) -> Request:
    ns = draw(namespace())
    params = []
    for key, values in (
        ("propagationPolicy", st.sampled_from(["Foreground", "Background", "Orphan", "x", ""])),
        ("gracePeriodSeconds", ints),
        ("dryRun", st.sampled_from(["All", "", "x"])),
        ("orphanDependents", st.sampled_from(["true", "false", "x"])),
    ):
        if draw(st.integers(0, 3)) == 0:
            params.append((key, draw(values)))
    content = None
    headers = {}
    if draw(st.booleans()):
        opts: dict[str, Any] = {"kind": "DeleteOptions", "apiVersion": "v1"}
        if draw(st.booleans()):
            opts["preconditions"] = {"uid": draw(text), "resourceVersion": draw(body_version)}
        content = draw(st.one_of(st.just(dumps(opts, True)), body_bytes(opts)))
        headers["content-type"] = draw(st.sampled_from(MEDIA_TYPES))
    # Only the names the family may delete: fuzz-b and fuzz-c (fuzz-a stays for the patches).
    path = ns_path(r, ns, draw(st.sampled_from([*NAMES[1:], "", "missing"])))
    return Request("DELETE", path, params, headers, content)


@st.composite
def watches(draw: st.DrawFn, r: Resource, fields: list[str], state: State) -> Request:
    params = [("watch", draw(st.sampled_from(["true", "1", "True", "yes", ""])))]
    if draw(st.booleans()):
        params.append(("timeoutSeconds", draw(st.sampled_from(["1", "0", "-1", "x", "99999999999"]))))
    if draw(st.booleans()):
        params.append(("resourceVersion", draw(version(state))))
    if draw(st.booleans()):
        params.append(("labelSelector", draw(label_selector())))
    if draw(st.booleans()):
        params.append(("fieldSelector", draw(field_selector(fields))))
    if draw(st.booleans()):
        params.append(("allowWatchBookmarks", draw(st.sampled_from(["true", "false", "x"]))))
    if draw(st.integers(0, 3)) == 0:
        params.append(("sendInitialEvents", draw(st.sampled_from(["true", "false", "x"]))))
    path = draw(st.sampled_from([ns_path(r, draw(namespace())), f"{GV}/{r.plural}", ns_path(r, "fuzz", SEEDED)]))
    return Request("GET", path, params, watch=True)


@st.composite
def junk(draw: st.DrawFn, r: Resource, fields: list[str], state: State) -> Request:
    segment = draw(
        st.one_of(
            st.sampled_from(["..", "%2e%2e", "%00", "%ff", "a" * 2000, "%ED%A0%80", "~", "status", "x/y"]), ascii_text
        )
    )
    path = draw(
        st.sampled_from(
            [
                ns_path(r, "fuzz", segment),
                ns_path(r, "fuzz", SEEDED, segment),
                f"{GV}/namespaces/{segment}/{r.plural}",
                f"{GV}/{segment}",
                f"/apis/{segment}",
                f"/openapi/v3/apis/{segment}/v2",
                f"/{segment}",
            ]
        )
    )
    params = draw(st.lists(st.tuples(st.one_of(text, st.sampled_from(["pretty", "options", "x.y"])), text), max_size=3))
    method = draw(st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE"]))
    headers = {}
    if draw(st.booleans()):
        headers["accept"] = draw(
            st.sampled_from(["application/yaml", "application/vnd.kubernetes.protobuf", "*/*", "text/html", "x"])
        )
    return Request(method, path, list(params), headers)


# ---------------------------------------------------------------------------
# Sending and checking


def url_of(req: Request) -> str:
    """Path and query, percent-encoded by hand: a lone surrogate goes out as its (invalid) UTF-8
    bytes, which httpx would refuse to encode."""
    if not req.params:
        return req.path
    query = "&".join(f"{_quote(k)}={_quote(v)}" for k, v in req.params)
    return f"{req.path}?{query}"


def _quote(s: str) -> str:
    return urllib.parse.quote_from_bytes(s.encode("utf-8", "surrogatepass"), safe="")


def status_problem(code: int, method: str, body: bytes) -> str | None:
    """Why an answer is wrong: a 5xx, or a 4xx without a Kubernetes Status body; None when fine."""
    if code == 504 and b'"reason":"Timeout"' in body and TOO_LARGE_RV in body:
        return None  # Kubernetes' answer to a resourceVersion newer than the store (errors.too_large_resource_version)
    if code >= 500:
        return f"{code}: {body[:500]!r}"
    if code < 400 or method == "HEAD":
        return None
    try:
        doc = json.loads(body)
    except ValueError:
        return f"{code} without a JSON Status body: {body[:300]!r}"
    if not (isinstance(doc, dict) and doc.get("kind") == "Status" and doc.get("apiVersion") == "v1"):
        return f"{code} with a body that is not a Status: {body[:300]!r}"
    if doc.get("code") != code:
        return f"{code} with a Status of code {doc.get('code')!r}: {body[:300]!r}"
    return None


TOO_LARGE_RV = b"Timeout: Too large resource version"
WATCH_READ_S = 0.3  # a watch is read until it is this long without data, then closed
REQUEST_TIMEOUT_S = 10.0


def send(client: httpx.Client, req: Request, state: State) -> str | None:
    """Send one request; None when the answer is acceptable, else a reproduction."""
    req.params = [(k, v.resolve() if isinstance(v, Live) else v) for k, v in req.params]
    if req.content is not None and LIVE_RV in req.content:
        req.content = req.content.replace(LIVE_RV, state.versions[-1].encode())
    url = url_of(req)
    TALLY.current = req.describe()
    try:
        if req.watch:
            return _watch(client, req, url)
        resp = client.request(req.method, url, headers=req.headers, content=req.content)
    except httpx.TimeoutException as e:
        return f"{req.describe()} -> no answer in {REQUEST_TIMEOUT_S} s ({type(e).__name__})"
    except httpx.TransportError as e:
        return f"{req.describe()} -> connection failed: {e!r}"
    TALLY.outcomes[f"http {resp.status_code}"] += 1
    problem = status_problem(resp.status_code, req.method, resp.content)
    if problem is None and resp.status_code == 200 and req.method == "GET":
        _remember(resp, state)
    return None if problem is None else f"{req.describe()} -> {problem}"


def _remember(resp: httpx.Response, state: State) -> None:
    try:
        meta = resp.json().get("metadata", {})
    except (ValueError, AttributeError):
        return
    if isinstance(meta, dict):
        if meta.get("continue") and len(state.tokens) < 50:
            state.tokens.append(str(meta["continue"]))
        if meta.get("resourceVersion") and len(state.versions) < 50:
            state.versions.append(str(meta["resourceVersion"]))


_EVENT = re.compile(rb"[^\n]+")


def _watch(client: httpx.Client, req: Request, url: str) -> str | None:
    # Headers may take a while (a too-new resourceVersion waits ~1 s before its 504); once they are
    # in, the body is read with a short read timeout (httpcore reads it from the request's timeout
    # extension when the body is iterated), then the stream is closed, as a client leaving.
    timeout = httpx.Timeout(REQUEST_TIMEOUT_S)
    data = b""
    started = False
    try:
        with client.stream(req.method, url, headers=req.headers, timeout=timeout) as resp:
            started = True
            TALLY.outcomes[f"http watch {resp.status_code}"] += 1
            resp.request.extensions["timeout"]["read"] = WATCH_READ_S
            try:
                for chunk in resp.iter_raw():
                    data += chunk
                    if len(data) > 1 << 20:
                        break
            except httpx.ReadTimeout:
                pass  # still open: closed here
            if resp.status_code != 200:
                problem = status_problem(resp.status_code, req.method, data)
                return None if problem is None else f"{req.describe()} -> {problem}"
    except httpx.TimeoutException as e:
        return f"{req.describe()} -> no answer in {REQUEST_TIMEOUT_S} s ({type(e).__name__})"
    except httpx.TransportError as e:
        if started and isinstance(e, httpx.RemoteProtocolError):
            return None  # closed mid-stream (the server's watch timeout): fine
        return f"{req.describe()} -> connection failed: {e!r}"
    for line in _EVENT.findall(data):
        try:
            ev = json.loads(line)
        except ValueError:
            continue  # cut mid-line by the read limit
        obj = ev.get("object", {}) if isinstance(ev, dict) else {}
        if ev.get("type") == "ERROR" and isinstance(obj, dict) and int(obj.get("code", 0) or 0) >= 500:
            return f"{req.describe()} -> watch ERROR event {line[:400]!r}"
    return None

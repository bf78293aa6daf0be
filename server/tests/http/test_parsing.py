"""Request decoding and lenient parsing over HTTP against a real `ma-server` (issue 10,
classes 1 and 8): every body that cannot be decoded is a 400 `Status` naming the
problem, for every kind and every body-taking endpoint; a body that is not JSON is
415; integer query parameters take ASCII digits only; NaN / Infinity fail range
rules; a Get / List at a too-new resourceVersion waits briefly, then 504."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from ma_http_manifests import manifest
from ma_http_support import RealServer

from ma_server.http.catalog import Resource, build_catalog, default_services

GV = "/apis/michelangelo.api/v2"
CATALOG = build_catalog(default_services())
NS = "decoding"
JSON = "application/json"
MERGE = "application/merge-patch+json"
STRATEGIC = "application/strategic-merge-patch+json"
JSON_PATCH = "application/json-patch+json"

# (label, raw body, a phrase the 400 message must contain). Merge-patch shaped; JSON patch gets its own.
BAD_BODIES: list[tuple[str, bytes, str]] = [
    ("surrogate-key", b'{"spec":{"\\ud800":"t"}}', "lone UTF-16 surrogate"),
    ("surrogate-value", b'{"metadata":{"labels":{"a":"\\udfff"}}}', "lone UTF-16 surrogate"),
    ("surrogate-nested", b'{"metadata":{"annotations":{"k":"x\\ud800y"}}}', "metadata.annotations.k"),
    ("invalid-utf8", b'{"spec":{"x":"\xff\xfe"}}', "not valid UTF-8"),
    ("cesu-surrogate", b'{"spec":{"x":"\xed\xa0\x80"}}', "not valid UTF-8"),
    ("invalid-json", b'{"spec":', "not valid JSON"),
    ("nan-literal", b'{"spec":{"x":NaN}}', "NaN is not a JSON number"),
    ("infinity-literal", b'{"spec":{"x":-Infinity}}', "-Infinity is not a JSON number"),
]
JSON_PATCH_BAD: list[tuple[str, bytes, str]] = [
    ("surrogate-path", b'[{"op":"add","path":"/spec/\\ud800","value":"t"}]', "lone UTF-16 surrogate"),
    ("surrogate-value", b'[{"op":"add","path":"/metadata/labels/a","value":"\\ud800"}]', "[0].value"),
    ("invalid-json", b'[{"op":', "not valid JSON"),
]


@pytest.fixture
def http(real_server: RealServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=real_server.url, timeout=15) as c:
        yield c


def _path(r: Resource, name: str = "") -> str:
    return f"{GV}/namespaces/{NS}/{r.plural}" + (f"/{name}" if name else "")


def _assert_bad_request(r: httpx.Response, phrase: str, what: str) -> None:
    assert r.status_code == 400, f"{what}: {r.status_code} {r.text[:300]}"
    assert r.headers["content-type"].startswith(JSON), what
    st = r.json()
    assert (st["kind"], st["reason"], st["code"]) == ("Status", "BadRequest", 400), what
    assert phrase in st["message"], f"{what}: {st['message']}"


@pytest.mark.parametrize("resource", CATALOG.resources, ids=lambda r: r.kind)
def test_undecodable_bodies_are_400_on_every_endpoint(http: httpx.Client, resource: Resource) -> None:
    name = f"dec-{resource.singular}"
    body = manifest(resource.message, resource.api_version, resource.kind, name, NS)
    assert http.post(_path(resource), json=body).status_code in (201, 409)
    obj, status = _path(resource, name), _path(resource, name) + "/status"
    endpoints = [
        ("POST", _path(resource), JSON),
        ("PUT", obj, JSON),
        ("PUT", status, JSON),
        ("DELETE", obj, JSON),  # a DeleteOptions body
        ("DELETE", _path(resource), JSON),
        *(("PATCH", p, t) for p in (obj, status) for t in (MERGE, STRATEGIC)),
    ]
    for label, raw, phrase in BAD_BODIES:
        for verb, url, ctype in endpoints:
            r = http.request(verb, url, content=raw, headers={"content-type": ctype})
            _assert_bad_request(r, phrase, f"{label} {verb} {url} {ctype}")
    for label, raw, phrase in JSON_PATCH_BAD:
        for url in (obj, status):
            r = http.request("PATCH", url, content=raw, headers={"content-type": JSON_PATCH})
            _assert_bad_request(r, phrase, f"{label} PATCH {url}")
    # Nothing was stored or changed by any of them.
    got = http.get(obj).json()
    assert got["metadata"]["generation"] == 1 and "a" not in (got["metadata"].get("labels") or {})


def test_every_decode_error_of_a_body_is_400_naming_it(http: httpx.Client) -> None:
    base = f"{GV}/namespaces/{NS}/projects"
    # The example: the key is named, escaped, in the message (and the answer is UTF-8 JSON).
    r = http.post(base, content=b'{"spec":{"\\ud800":"t"}}', headers={"content-type": JSON})
    _assert_bad_request(r, 'in a key at spec["\\ud800"]', "issue example")
    ok = {"metadata": {"name": "types"}, "spec": {"owningTeam": "ml"}}
    for label, body, phrase in [
        ("wrong type", {**ok, "spec": 5}, "spec"),
        ("wrong scalar type", {**ok, "spec": {"owningTeam": ["ml"]}}, "owningTeam"),
        ("top-level array", [ok], "JSON object"),
        ("top-level string", "x", "JSON object"),
        ("bad int64 string", {**ok, "metadata": {"name": "types", "generation": "1x"}}, "generation"),
        (
            "int64 out of range",
            {**ok, "metadata": {"name": "types", "generation": "99999999999999999999"}},
            "generation",
        ),
        ("bad timestamp", {**ok, "metadata": {"name": "types", "creationTimestamp": "yesterday"}}, "creationTimestamp"),
    ]:
        _assert_bad_request(http.post(base, json=body), phrase, label)
    # An unknown field is dropped with a warning by default (test_unknown_fields.py), refused when Strict.
    _assert_bad_request(
        http.post(base, params={"fieldValidation": "Strict"}, json={**ok, "nope": 1}), "nope", "unknown"
    )
    model = {"metadata": {"name": "m"}, "spec": {"modelFamily": "eta", "framework": "NO_SUCH_FRAMEWORK"}}
    _assert_bad_request(http.post(f"{GV}/namespaces/{NS}/models", json=model), "NO_SUCH_FRAMEWORK", "unknown enum")


def test_body_that_is_not_json_is_415(http: httpx.Client) -> None:
    base = f"{GV}/namespaces/{NS}/projects"
    form = {"content-type": "application/x-www-form-urlencoded"}
    body = b'{"metadata":{"name":"form"},"spec":{"owningTeam":"ml"}}'
    for verb, url in [("POST", base), ("PUT", f"{base}/form"), ("PUT", f"{base}/form/status"), ("DELETE", base)]:
        for ctype in ("application/x-www-form-urlencoded", "text/plain", "application/yaml", MERGE):
            r = http.request(verb, url, content=body, headers={"content-type": ctype})
            assert r.status_code == 415, f"{verb} {url} {ctype}: {r.text}"
            st = r.json()
            assert st["reason"] == "UnsupportedMediaType" and ctype in st["message"] and JSON in st["message"]
    r = http.request("PATCH", f"{base}/form", content=b"a=b", headers=form)
    assert r.status_code == 415 and MERGE in r.json()["message"]
    assert http.get(f"{base}/form").status_code == 404  # none of them was parsed as JSON
    # JSON with parameters, and no Content-Type at all (read as JSON, as Kubernetes does), still work.
    r = http.post(base, content=body, headers={"content-type": "application/json; charset=utf-8"})
    assert r.status_code == 201, r.text
    r = http.request("PUT", f"{base}/form", content=body)
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("param", ["limit", "timeoutSeconds"])
def test_integer_query_parameters_take_ascii_digits_only(http: httpx.Client, param: str) -> None:
    base = f"{GV}/namespaces/{NS}/projects"
    extra = {"watch": "true"} if param == "timeoutSeconds" else {}
    for text in (" 5", "5 ", "+5", "\u0665", "5_0", "0x5", "5.0", "", "\uff15"):
        r = http.get(base, params={**extra, param: text})
        assert r.status_code == 400, f"{param}={text!r}: {r.status_code} {r.text[:200]}"
        assert r.json()["reason"] == "BadRequest" and repr(param) in r.json()["message"]
    assert http.get(base, params={"limit": "5"}).status_code == 200
    for text in ("+5", " 5", "\u0665"):
        r = http.get(base, params={"resourceVersion": text})
        assert r.status_code == 422 and "resourceVersion" in r.json()["message"], r.text


def test_nan_and_infinity_fail_range_rules_over_http(http: httpx.Client) -> None:
    base = f"{GV}/namespaces/{NS}/projects"
    for i, value in enumerate(("NaN", "Infinity", "-Infinity")):
        body = {"metadata": {"name": f"nan-{i}"}, "spec": {"owningTeam": "ml", "quota": {"maxCpu": value}}}
        r = http.post(base, json=body)
        assert r.status_code == 422, f"{value}: {r.text}"
        causes = r.json()["details"]["causes"]
        assert {"field": "spec.quota.maxCpu", "message": "must be a finite number"} in [
            {k: c[k] for k in ("field", "message")} for c in causes
        ]
    ok = {"metadata": {"name": "finite"}, "spec": {"owningTeam": "ml", "quota": {"maxCpu": 1.5}}}
    assert http.post(base, json=ok).status_code == 201


def test_too_new_resource_version_waits_then_504(http: httpx.Client) -> None:
    base = f"{GV}/namespaces/{NS}/projects"
    created = http.post(base, json={"metadata": {"name": "rv"}, "spec": {"owningTeam": "ml"}})
    assert created.status_code in (201, 409)
    current = int(http.get(base).json()["metadata"]["resourceVersion"])
    for url in (base, f"{base}/rv"):
        started = time.monotonic()
        r = http.get(url, params={"resourceVersion": str(current + 1_000_000)})
        took = time.monotonic() - started
        assert r.status_code == 504, r.text
        st = r.json()
        assert st["reason"] == "Timeout" and "Too large resource version" in st["message"]
        assert 0.9 <= took < 5, took
        # At or below the store's version (and "" / "0") the latest state answers at once.
        for rv in ("", "0", "1", str(current)):
            assert http.get(url, params={"resourceVersion": rv}).status_code == 200
    # A version reached while the request waits answers it.
    target = current + 1
    with httpx.Client(base_url=str(http.base_url), timeout=15) as other:

        def write_soon() -> None:
            time.sleep(0.3)
            other.post(base, json={"metadata": {"name": "rv-late"}, "spec": {"owningTeam": "ml"}})

        t = threading.Thread(target=write_soon)
        t.start()
        r = http.get(base, params={"resourceVersion": str(target)})
        t.join(10)
    assert r.status_code == 200, r.text
    assert int(r.json()["metadata"]["resourceVersion"]) >= target

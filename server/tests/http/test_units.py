"""Unit tests of the pure pieces: templates, catalog, transcoding, patches, JSON rendering."""

from __future__ import annotations

from typing import Any

import pytest

from ma_server.errors import ApiError, FieldViolation, not_found
from ma_server.http import k8s_json, patch
from ma_server.http.catalog import Catalog, Resource
from ma_server.http.routes import ACTION_GET_VIA, ACTION_PATCH, NoRoute, Router
from ma_server.http.template import parse_template, split_path
from ma_server.http.transcode import TranscodeError, build_request
from michelangelo.api.v2 import project_pb2

GV = "/apis/michelangelo.api/v2"


def _project(catalog: Catalog) -> Resource:
    return next(r for r in catalog.resources if r.kind == "Project")


def _binding(catalog: Catalog, method: str) -> Any:
    return next(b for b in catalog.bindings if b.method.name == method)


# --- templates -------------------------------------------------------------


def test_template_parse_and_match() -> None:
    t = parse_template("/apis/g/v/namespaces/{project.metadata.namespace}/projects/{project.metadata.name}")
    assert t.variables == ("project.metadata.namespace", "project.metadata.name")
    assert t.match(["apis", "g", "v", "namespaces", "ns", "projects", "p"]) == {
        "project.metadata.namespace": "ns",
        "project.metadata.name": "p",
    }
    assert t.match(["apis", "g", "v", "namespaces", "", "projects", "p"]) is None
    assert t.match(["apis", "g", "v", "namespaces", "ns", "projects"]) is None
    rest = parse_template("/files/{path=**}")
    assert rest.match(["files", "a", "b"]) == {"path": "a/b"}


@pytest.mark.parametrize("bad", ["no-slash", "/a/{x=foo/*}", "/a/{x=**}/b", "/a/{}", "/a/{1x}", "/a/*"])
def test_template_rejects_unsupported(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_template(bad)


def test_split_path_keeps_encoded_slash_in_segment() -> None:
    assert split_path(b"/apis/g/v/namespaces/a%2Fb/projects?x=1") == ["apis", "g", "v", "namespaces", "a/b", "projects"]
    assert split_path("/apis/") == ["apis"]


# --- catalog and routes -----------------------------------------------------


def test_catalog_has_every_resource_with_all_roles(catalog: Catalog) -> None:
    assert len(catalog.resources) == 14
    roles = {"create", "get", "update", "update_status", "delete", "delete_collection", "list", "watch"}
    for r in catalog.resources:
        assert set(r.methods) == roles, r.kind
        assert r.group == "michelangelo.api" and r.version == "v2"
        assert r.list_message is not None and r.list_message.name == f"{r.kind}List"
        assert r.subresources == ["status"]
    assert catalog.group_versions() == {"michelangelo.api": ["v2"]}


def test_router_derives_patch_status_get_and_watch(catalog: Catalog) -> None:
    router = Router(catalog)
    route, bound = router.match("PATCH", ["apis", "michelangelo.api", "v2", "namespaces", "ns", "projects", "p"])
    assert route.action == ACTION_PATCH and route.get_binding is not None
    assert route.get_vars(bound) == {"namespace": "ns", "name": "p"}
    route, bound = router.match(
        "GET", ["apis", "michelangelo.api", "v2", "namespaces", "ns", "projects", "p", "status"]
    )
    assert route.action == ACTION_GET_VIA
    route, _ = router.match("GET", ["apis", "michelangelo.api", "v2", "namespaces", "ns", "projects"])
    assert route.binding.role == "list" and route.watch_binding is not None
    assert route.watch_binding.method.name == "WatchProjects"
    route, _ = router.match("GET", ["apis", "michelangelo.api", "v2", "projects"])
    assert route.watch_binding is not None and route.watch_binding.template.raw == f"{GV}/watch/projects"
    with pytest.raises(NoRoute) as exc:
        router.match("POST", ["apis", "michelangelo.api", "v2", "namespaces", "ns", "projects", "p"])
    assert exc.value.allowed == ["DELETE", "GET", "PATCH", "PUT"]
    with pytest.raises(NoRoute) as exc:
        router.match("GET", ["apis", "michelangelo.api", "v2", "namespaces", "ns", "nothings"])
    assert exc.value.allowed == []


# --- transcoding ------------------------------------------------------------


def test_body_and_path_variables(catalog: Catalog) -> None:
    b = _binding(catalog, "CreateProject")
    req: Any = build_request(b, {"project.metadata.namespace": "ns"}, [], {"metadata": {"name": "p"}})
    assert req.project.metadata.namespace == "ns" and req.project.metadata.name == "p"
    # The namespace in the object must agree with the URL, as in Kubernetes.
    with pytest.raises(TranscodeError, match="does not match"):
        build_request(b, {"project.metadata.namespace": "ns"}, [], {"metadata": {"name": "p", "namespace": "other"}})
    with pytest.raises(TranscodeError, match="no field named"):
        build_request(b, {"project.metadata.namespace": "ns"}, [], {"metadata": {"name": "p"}, "bogus": 1})
    with pytest.raises(TranscodeError, match="JSON object"):
        build_request(b, {"project.metadata.namespace": "ns"}, [], ["not", "an", "object"])
    with pytest.raises(TranscodeError, match="required"):
        build_request(b, {"project.metadata.namespace": "ns"}, [], None)


def test_kubernetes_query_aliases(catalog: Catalog) -> None:
    lst = _binding(catalog, "ListProjects")
    req: Any = build_request(
        lst,
        {"namespace": "ns"},
        [
            ("labelSelector", "a=b"),
            ("fieldSelector", "metadata.name=x"),
            ("limit", "500"),
            ("continue", "tok"),
            ("resourceVersion", "7"),
            ("timeoutSeconds", "30"),  # a Kubernetes parameter lists have no field for: ignored
            ("pretty", "true"),
        ],
    )
    o = req.options
    assert (o.label_selector, o.field_selector, o.limit, o.continue_token, o.resource_version) == (
        "a=b",
        "metadata.name=x",
        500,
        "tok",
        "7",
    )
    nested: Any = build_request(lst, {}, [("options.labelSelector", "x=y"), ("options.order_by", "ignored")][:1])
    assert nested.options.label_selector == "x=y"
    watch = _binding(catalog, "WatchProjects")
    w: Any = build_request(
        watch, {}, [("allowWatchBookmarks", "true"), ("resourceVersion", "3"), ("timeoutSeconds", "5")]
    )
    assert (w.options.allow_bookmarks, w.options.resource_version, w.options.timeout_seconds) == (True, "3", 5)
    get: Any = build_request(
        _binding(catalog, "GetProject"), {"namespace": "n", "name": "p"}, [("resourceVersion", "9")]
    )
    assert get.resource_version == "9"
    create: Any = build_request(
        _binding(catalog, "CreateProject"), {"project.metadata.namespace": "n"}, [("dryRun", "All")], {}
    )
    assert create.dry_run is True


@pytest.mark.parametrize(
    ("key", "value", "match"),
    [
        ("bogus", "1", "unknown query parameter"),
        ("limit", "many", "invalid value"),
        ("limit", "99999999999", "out of range"),
        ("options.criteria.criterion.operator", "NOPE", "invalid value"),
    ],
)
def test_bad_query_parameters(catalog: Catalog, key: str, value: str, match: str) -> None:
    with pytest.raises(TranscodeError, match=match):
        build_request(_binding(catalog, "ListProjects"), {"namespace": "n"}, [(key, value)])


def test_dry_run_values(catalog: Catalog) -> None:
    create = _binding(catalog, "CreateProject")
    path = {"project.metadata.namespace": "n"}
    for value, expected in (("All", True), ("true", True), ("false", False)):
        req: Any = build_request(create, path, [("dryRun", value)], {})
        assert req.dry_run is expected
    with pytest.raises(TranscodeError, match="dryRun"):
        build_request(create, path, [("dryRun", "Some")], {})


def test_enum_and_repeated_query_values(catalog: Catalog) -> None:
    req: Any = build_request(
        _binding(catalog, "ListProjects"),
        {},
        [
            ("options.criteria.criterion.field", "spec.tier"),
            ("options.criteria.criterion.operator", "OPERATOR_IN"),
            ("options.criteria.criterion.values", "a"),
            ("options.criteria.criterion.values", "b"),
        ],
    )
    c = req.options.criteria.criterion
    assert (c.field, c.operator, list(c.values)) == ("spec.tier", 7, ["a", "b"])


def test_delete_options_body(catalog: Catalog) -> None:
    b = _binding(catalog, "DeleteProject")
    body = {
        "kind": "DeleteOptions",
        "apiVersion": "v1",
        "propagationPolicy": "Background",
        "preconditions": {"resourceVersion": "5", "uid": "u"},
        "dryRun": ["All"],
    }
    req: Any = build_request(b, {"namespace": "n", "name": "p"}, [], body)
    assert (req.preconditions.resource_version, req.preconditions.uid, req.dry_run) == ("5", "u", True)
    with pytest.raises(TranscodeError):
        build_request(b, {"namespace": "n", "name": "p"}, [], [1])


# --- patches ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "p", "result"),
    [  # RFC 7386 appendix A
        ({"a": "b"}, {"a": "c"}, {"a": "c"}),
        ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
        ({"a": "b"}, {"a": None}, {}),
        ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
        ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
        ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
        ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
        ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
        ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
        ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
    ],
)
def test_merge_patch_rfc7386(target: Any, p: Any, result: Any) -> None:
    assert patch.merge_patch(target, p) == result


def test_json_patch_and_directives() -> None:
    doc = {"metadata": {"labels": {"a": "1"}}, "spec": {"list": [1, 2]}}
    out = patch.json_patch(
        doc,
        [
            {"op": "add", "path": "/metadata/labels/b", "value": "2"},
            {"op": "remove", "path": "/metadata/labels/a"},
            {"op": "replace", "path": "/spec/list/0", "value": 9},
            {"op": "add", "path": "/spec/list/-", "value": 3},
            {"op": "copy", "from": "/spec/list", "path": "/spec/copy"},
            {"op": "move", "from": "/spec/copy", "path": "/spec/moved"},
            {"op": "test", "path": "/spec/moved/2", "value": 3},
        ],
    )
    assert out == {"metadata": {"labels": {"b": "2"}}, "spec": {"list": [9, 2, 3], "moved": [9, 2, 3]}}
    assert doc["metadata"] == {"labels": {"a": "1"}}  # not modified in place
    with pytest.raises(patch.PatchError):
        patch.json_patch(doc, [{"op": "test", "path": "/spec/list/0", "value": 5}])
    with pytest.raises(patch.PatchError):
        patch.json_patch(doc, [{"op": "remove", "path": "/nope"}])
    with pytest.raises(patch.PatchError):
        patch.json_patch(doc, {"op": "add"})
    smp = {"metadata": {"$patch": "replace", "labels": {"x": "y"}}, "$setElementOrder/list": [1]}
    assert patch.apply_patch(patch.STRATEGIC_MERGE_PATCH, {"metadata": {}}, smp)[0] == {
        "metadata": {"labels": {"x": "y"}}
    }
    assert patch.sets_resource_version(patch.MERGE_PATCH, {"metadata": {"resourceVersion": "3"}})
    assert not patch.sets_resource_version(patch.MERGE_PATCH, {"spec": {}})


# --- rendering --------------------------------------------------------------


def test_object_and_list_envelopes(catalog: Catalog) -> None:
    res = _project(catalog)
    p = project_pb2.Project()
    p.metadata.name = "p"
    p.metadata.generation = 3
    data = k8s_json.to_json(p, res.api_version)
    assert list(data)[:2] == ["apiVersion", "kind"]
    assert data["kind"] == "Project" and data["metadata"]["generation"] == 3
    lst = project_pb2.ProjectList()
    out = k8s_json.to_json(lst, res.api_version)
    assert out == {"apiVersion": "michelangelo.api/v2", "kind": "ProjectList", "metadata": {}, "items": []}
    lst.items.add().metadata.name = "a"
    lst.items[0].status.observed_generation = 2
    lst.metadata.remaining_item_count = 5
    rendered = k8s_json.to_json(lst, res.api_version)
    assert rendered["items"][0]["kind"] == "Project"
    # metadata int64 as numbers (kubectl decodes metadata into Go structs); others stay strings.
    assert rendered["metadata"]["remainingItemCount"] == 5
    assert rendered["items"][0]["status"]["observedGeneration"] == "2"
    ev = project_pb2.ProjectWatchEvent(type=4)
    ev.object.metadata.resource_version = "12"
    assert k8s_json.to_json(ev, res.api_version) == {
        "type": "BOOKMARK",
        "object": {"apiVersion": "michelangelo.api/v2", "kind": "Project", "metadata": {"resourceVersion": "12"}},
    }


def test_status_objects() -> None:
    st = k8s_json.status_from_api_error(not_found("projects", "p", "ns"), name="p", kind="Project", plural="projects")
    assert st["code"] == 404 and st["reason"] == "NotFound" and st["details"] == {"name": "p", "kind": "projects"}
    err = ApiError(
        __import__("grpc").StatusCode.INVALID_ARGUMENT, "bad", [FieldViolation("spec.owningTeam", "required")]
    )
    st = k8s_json.status_from_api_error(err, name="p", kind="Project", plural="projects", group="michelangelo.api")
    assert st["code"] == 422 and st["reason"] == "Invalid"
    assert st["details"]["kind"] == "Project"
    assert st["details"]["causes"] == [
        {"reason": "FieldValueInvalid", "message": "required", "field": "spec.owningTeam"}
    ]

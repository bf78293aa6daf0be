"""The generated OpenAPI document: valid OpenAPI 3, built from the http rules, in proto3 JSON form."""

from __future__ import annotations

from typing import Any

from openapi_spec_validator import validate

from ma_server.http.catalog import Catalog
from ma_server.http.openapi import SchemaBuilder, build_openapi
from michelangelo.api import list_pb2

SCHEMAS = "#/components/schemas/"


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]  # type: ignore[no-any-return]


def test_document_is_valid_openapi(catalog: Catalog) -> None:
    doc = build_openapi(catalog)
    validate(doc)
    validate(build_openapi(catalog, group_version=("michelangelo.api", "v2")))


def test_operations_come_from_the_http_rules(catalog: Catalog) -> None:
    doc = build_openapi(catalog)
    ops = {op["operationId"]: (path, verb) for path, item in doc["paths"].items() for verb, op in item.items()}
    rpcs = {m.name for r in catalog.resources for m in r.methods.values()}
    assert rpcs <= set(ops)
    gv = "/apis/michelangelo.api/v2"
    assert ops["CreateProject"] == (f"{gv}/namespaces/{{namespace}}/projects", "post")
    assert ops["GetProject"] == (f"{gv}/namespaces/{{namespace}}/projects/{{name}}", "get")
    assert ops["UpdateProject"] == (f"{gv}/namespaces/{{namespace}}/projects/{{name}}", "put")
    assert ops["UpdateProjectStatus"] == (f"{gv}/namespaces/{{namespace}}/projects/{{name}}/status", "put")
    assert ops["ListProjects2"] == (f"{gv}/projects", "get")
    assert ops["WatchProjects"] == (f"{gv}/watch/namespaces/{{namespace}}/projects", "get")
    assert ops["PatchProject"] == (f"{gv}/namespaces/{{namespace}}/projects/{{name}}", "patch")
    create = doc["paths"][f"{gv}/namespaces/{{namespace}}/projects"]["post"]
    (ns,) = [p for p in create["parameters"] if p["in"] == "path"]
    assert ns["x-field-path"] == "project.metadata.namespace"
    assert create["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": SCHEMAS + "michelangelo.api.v2.Project"
    }
    assert "201" in create["responses"] and "default" in create["responses"]
    lst = doc["paths"][f"{gv}/namespaces/{{namespace}}/projects"]["get"]
    names = {p["name"] for p in lst["parameters"]}
    assert {"namespace", "options.labelSelector", "options.limit", "options.continue"} <= names
    assert lst["x-kubernetes-group-version-kind"] == {"group": "michelangelo.api", "version": "v2", "kind": "Project"}


def test_schemas_use_proto3_json_forms(catalog: Catalog) -> None:
    s = _schemas(build_openapi(catalog))
    meta = s["michelangelo.api.ObjectMeta"]["properties"]
    assert meta["creationTimestamp"]["format"] == "date-time" and meta["creationTimestamp"]["readOnly"]
    assert meta["labels"] == {"type": "object", "additionalProperties": {"type": "string"}}
    assert meta["finalizers"] == {"type": "array", "items": {"type": "string"}}
    # Kubernetes-typed metadata int64 is a number (kubectl decodes it into Go structs)...
    assert meta["generation"]["type"] == "integer"
    # ...every other int64 is a string, as proto3 JSON has it.
    quota = s["michelangelo.api.v2.ResourceQuota"]["properties"]
    assert quota["maxMemoryMib"]["type"] == "string" and quota["maxMemoryMib"]["format"] == "int64"
    assert quota["maxGpu"] == {"type": "integer", "format": "int32", "minimum": 0, "maximum": 4096}
    conditions = s["michelangelo.api.v2.ProjectStatus"]["properties"]["conditions"]
    assert conditions == {"type": "array", "items": {"$ref": SCHEMAS + "michelangelo.api.Condition"}}
    spec = s["michelangelo.api.v2.ProjectSpec"]
    assert "owningTeam" in spec["required"]
    assert spec["properties"]["tier"]["enum"] == ["", "experimental", "standard", "critical"]
    assert spec["properties"]["gitRepo"]["format"] == "uri"
    project = s["michelangelo.api.v2.Project"]
    assert project["x-kubernetes-group-version-kind"] == [
        {"group": "michelangelo.api", "version": "v2", "kind": "Project"}
    ]
    assert s["michelangelo.api.v2.ProjectList"]["properties"]["items"]["items"] == {
        "$ref": SCHEMAS + "michelangelo.api.v2.Project"
    }


def test_recursive_and_enum_types() -> None:
    sb = SchemaBuilder()
    assert sb.ref(list_pb2.Criteria.DESCRIPTOR) == {"$ref": SCHEMAS + "michelangelo.api.Criteria"}
    # Recursion through $ref: Criteria -> CriteriaList -> Criteria terminates.
    items = sb.components["michelangelo.api.CriteriaList"]["properties"]["items"]
    assert items == {"type": "array", "items": {"$ref": SCHEMAS + "michelangelo.api.Criteria"}}
    op = sb.components["michelangelo.api.Criterion"]["properties"]["operator"]
    assert op["type"] == "string" and "OPERATOR_IN" in op["enum"]

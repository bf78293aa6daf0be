"""OpenAPI 3.0 document generated from the `google.api.http` rules and the message
descriptors, in the proto3 JSON form the server speaks: camelCase names,
int64 as strings, enums as their names, Timestamp as RFC 3339 date-time, maps as
`additionalProperties`, repeated fields as arrays and every message as a
`$ref`able component (so recursive types such as `Criteria` terminate).

Field rules from `(michelangelo.api.field)` become schema constraints, so
generated clients and fuzzers see the same limits the server enforces.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor

from ma_server.http import googleapi
from ma_server.http.catalog import ROLE_CREATE, ROLE_WATCH, Binding, Catalog
from ma_server.http.k8s_json import numeric_metadata_fields
from ma_server.http.routes import ACTION_PATCH, Router
from ma_server.http.template import PathTemplate
from michelangelo.api import options_pb2

JsonObj = dict[str, Any]

STATUS_REF = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status"

DNS1123_LABEL = r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
DNS1123_SUBDOMAIN = r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"
UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

_INT32 = {
    FieldDescriptor.TYPE_INT32,
    FieldDescriptor.TYPE_SINT32,
    FieldDescriptor.TYPE_SFIXED32,
}
_UINT32 = {FieldDescriptor.TYPE_UINT32, FieldDescriptor.TYPE_FIXED32}
_INT64 = {FieldDescriptor.TYPE_INT64, FieldDescriptor.TYPE_SINT64, FieldDescriptor.TYPE_SFIXED64}
_UINT64 = {FieldDescriptor.TYPE_UINT64, FieldDescriptor.TYPE_FIXED64}

_WELL_KNOWN: dict[str, JsonObj] = {
    "google.protobuf.Timestamp": {"type": "string", "format": "date-time"},
    "google.protobuf.Duration": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]{1,9})?s$"},
    "google.protobuf.FieldMask": {"type": "string"},
    "google.protobuf.Struct": {"type": "object"},
    "google.protobuf.Value": {},
    "google.protobuf.ListValue": {"type": "array", "items": {}},
    "google.protobuf.Empty": {"type": "object"},
    "google.protobuf.Any": {"type": "object", "properties": {"@type": {"type": "string"}}},
    "google.protobuf.StringValue": {"type": "string"},
    "google.protobuf.BytesValue": {"type": "string", "format": "byte"},
    "google.protobuf.BoolValue": {"type": "boolean"},
    "google.protobuf.DoubleValue": {"type": "number", "format": "double"},
    "google.protobuf.FloatValue": {"type": "number", "format": "float"},
    "google.protobuf.Int32Value": {"type": "integer", "format": "int32"},
    "google.protobuf.UInt32Value": {"type": "integer", "format": "int32", "minimum": 0},
    "google.protobuf.Int64Value": {"type": "string", "format": "int64", "pattern": r"^-?[0-9]+$"},
    "google.protobuf.UInt64Value": {"type": "string", "format": "uint64", "pattern": r"^[0-9]+$"},
}

_STATUS_SCHEMA: JsonObj = {
    "type": "object",
    "description": "Kubernetes Status: the body of every error response.",
    "properties": {
        "kind": {"type": "string"},
        "apiVersion": {"type": "string"},
        "metadata": {"type": "object"},
        "status": {"type": "string"},
        "message": {"type": "string"},
        "reason": {"type": "string"},
        "code": {"type": "integer", "format": "int32"},
        "details": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "group": {"type": "string"},
                "kind": {"type": "string"},
                "causes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "reason": {"type": "string"},
                            "message": {"type": "string"},
                            "field": {"type": "string"},
                        },
                    },
                },
            },
        },
    },
    "required": ["kind", "apiVersion", "status", "message", "reason", "code"],
}

# Nesting bound for query parameter names (`options.criteria.criterion.field` is 4).
_MAX_QUERY_DEPTH = 6


def _is_repeated(fd: FieldDescriptor) -> bool:
    return fd.is_repeated


def _is_map(fd: FieldDescriptor) -> bool:
    mt = fd.message_type
    return mt is not None and _is_repeated(fd) and mt.GetOptions().map_entry


def _behaviors(fd: FieldDescriptor) -> list[int]:
    return [int(b) for b in fd.GetOptions().Extensions[googleapi.FIELD_BEHAVIOR]]


def _rules(fd: FieldDescriptor) -> options_pb2.FieldRules | None:
    opts = fd.GetOptions()
    if not opts.HasExtension(options_pb2.field):
        return None
    fo = opts.Extensions[options_pb2.field]
    return fo.rules if fo.HasField("rules") else None


def is_required(fd: FieldDescriptor) -> bool:
    rules = _rules(fd)
    return (rules is not None and rules.required) or googleapi.REQUIRED in _behaviors(fd)


class SchemaBuilder:
    """Collects component schemas for every message reachable from the operations."""

    def __init__(self, numeric_int64: frozenset[str] = frozenset()) -> None:
        self.components: dict[str, JsonObj] = {}
        # Full names of int64 fields rendered as JSON numbers (see k8s_json.numeric_metadata_fields).
        self.numeric_int64 = numeric_int64

    def ref(self, desc: Descriptor) -> JsonObj:
        wk = _WELL_KNOWN.get(desc.full_name)
        if wk is not None:
            return dict(wk)
        if desc.full_name not in self.components:
            self.components[desc.full_name] = {}  # placeholder: recursion stops here
            self.components[desc.full_name] = self._message(desc)
        return {"$ref": f"#/components/schemas/{desc.full_name}"}

    def _message(self, desc: Descriptor) -> JsonObj:
        props: JsonObj = {}
        required: list[str] = []
        for fd in desc.fields:
            props[fd.json_name] = self.field(fd)
            if is_required(fd):
                required.append(fd.json_name)
        schema: JsonObj = {"type": "object", "properties": props, "additionalProperties": False}
        if required:
            schema["required"] = required
        return schema

    def field(self, fd: FieldDescriptor) -> JsonObj:
        if _is_map(fd):
            assert fd.message_type is not None
            value_fd = fd.message_type.fields_by_name["value"]
            schema: JsonObj = {"type": "object", "additionalProperties": self._single(value_fd)}
            rules = _rules(fd)
            if rules is not None:
                if rules.HasField("min_items"):
                    schema["minProperties"] = rules.min_items
                if rules.HasField("max_items"):
                    schema["maxProperties"] = rules.max_items
        elif _is_repeated(fd):
            schema = {"type": "array", "items": self._single(fd)}
            rules = _rules(fd)
            if rules is not None:
                if rules.HasField("min_items"):
                    schema["minItems"] = rules.min_items
                if rules.HasField("max_items"):
                    schema["maxItems"] = rules.max_items
        else:
            schema = self._single(fd)
        if googleapi.OUTPUT_ONLY in _behaviors(fd):
            if "$ref" in schema:
                # Siblings of $ref are ignored in OpenAPI 3.0; wrap to keep readOnly.
                schema = {"allOf": [schema]}
            schema["readOnly"] = True
        return schema

    def _single(self, fd: FieldDescriptor) -> JsonObj:
        """The schema of one value of the field (an element, for repeated fields)."""
        t = fd.type
        if t == FieldDescriptor.TYPE_MESSAGE or t == FieldDescriptor.TYPE_GROUP:
            assert fd.message_type is not None
            return self.ref(fd.message_type)
        if t == FieldDescriptor.TYPE_ENUM:
            assert fd.enum_type is not None
            return {"type": "string", "enum": [v.name for v in fd.enum_type.values]}
        schema: JsonObj
        if t in _INT32:
            schema = {"type": "integer", "format": "int32"}
        elif t in _UINT32:
            schema = {"type": "integer", "format": "int32", "minimum": 0}
        elif t in _INT64 and fd.full_name in self.numeric_int64:
            schema = {"type": "integer", "format": "int64"}
        elif t in _INT64:
            schema = {"type": "string", "format": "int64", "pattern": r"^-?[0-9]+$"}
        elif t in _UINT64:
            schema = {"type": "string", "format": "uint64", "pattern": r"^[0-9]+$"}
        elif t == FieldDescriptor.TYPE_DOUBLE:
            schema = {"type": "number", "format": "double"}
        elif t == FieldDescriptor.TYPE_FLOAT:
            schema = {"type": "number", "format": "float"}
        elif t == FieldDescriptor.TYPE_BOOL:
            schema = {"type": "boolean"}
        elif t == FieldDescriptor.TYPE_BYTES:
            schema = {"type": "string", "format": "byte"}
        else:
            schema = {"type": "string"}
        rules = _rules(fd)
        if rules is not None:
            _apply_rules(schema, rules, t)
        return schema


def _apply_rules(schema: JsonObj, rules: options_pb2.FieldRules, t: int) -> None:
    if t == FieldDescriptor.TYPE_STRING:
        optional = not rules.required
        if rules.HasField("min_len"):
            schema["minLength"] = rules.min_len
        if rules.HasField("max_len"):
            schema["maxLength"] = rules.max_len
        pattern = rules.pattern
        fmt = rules.format
        if fmt == options_pb2.STRING_FORMAT_DNS1123_LABEL:
            pattern, schema["maxLength"] = DNS1123_LABEL, min(schema.get("maxLength", 63), 63)
        elif fmt == options_pb2.STRING_FORMAT_DNS1123_SUBDOMAIN:
            pattern, schema["maxLength"] = DNS1123_SUBDOMAIN, min(schema.get("maxLength", 253), 253)
        elif fmt == options_pb2.STRING_FORMAT_UUID:
            pattern = UUID
        elif fmt == options_pb2.STRING_FORMAT_URI:
            schema["format"] = "uri"
        if pattern:
            # Rules apply to non-empty strings; an optional field may stay empty.
            schema["pattern"] = f"^$|{pattern}" if optional else pattern
        if rules.allowed_values:
            schema["enum"] = ([""] if optional else []) + list(rules.allowed_values)
        if rules.required and "minLength" not in schema:
            schema["minLength"] = 1
    elif schema.get("type") in ("integer", "number"):
        if rules.HasField("min"):
            schema["minimum"] = int(rules.min) if schema["type"] == "integer" else rules.min
        if rules.HasField("max"):
            schema["maximum"] = int(rules.max) if schema["type"] == "integer" else rules.max


def _leaf(desc: Descriptor, path: str) -> FieldDescriptor:
    cur: Descriptor | None = desc
    fd: FieldDescriptor | None = None
    for part in path.split("."):
        assert cur is not None
        fd = cur.fields_by_name[part]
        cur = fd.message_type
    assert fd is not None
    return fd


def _query_params(
    sb: SchemaBuilder, desc: Descriptor, prefix: str, skip: set[str], seen: tuple[str, ...]
) -> list[JsonObj]:
    """One parameter per scalar leaf (repeated scalars as exploded arrays),
    walking singular message fields; maps and repeated messages cannot be
    expressed in a query string and are left out."""
    out: list[JsonObj] = []
    if len(seen) > _MAX_QUERY_DEPTH:
        return out
    for fd in desc.fields:
        proto_path = f"{prefix}{fd.name}"
        if proto_path in skip:
            continue
        mt = fd.message_type
        if mt is not None and mt.full_name not in _WELL_KNOWN:
            if _is_repeated(fd) or mt.full_name in seen:
                continue
            for p in _query_params(sb, mt, proto_path + ".", skip, (*seen, mt.full_name)):
                p["name"] = f"{fd.json_name}.{p['name']}"
                out.append(p)
            continue
        if _is_map(fd):
            continue
        schema = sb.field(fd)
        schema.pop("readOnly", None)
        param: JsonObj = {"name": fd.json_name, "in": "query", "required": False, "schema": schema}
        if _is_repeated(fd):
            param["style"] = "form"
            param["explode"] = True
        out.append(param)
    return out


def _gvk(b: Binding) -> JsonObj:
    r = b.resource
    return {"group": r.group, "version": r.version, "kind": r.kind}


def param_names(template: PathTemplate) -> dict[str, str]:
    """OpenAPI names of a template's variables: the last field name (`project.metadata.name`
    -> `name`), so the PUT and GET of one object share the path
    `/namespaces/{namespace}/projects/{name}` (OpenAPI forbids two templated paths
    differing only in variable names, and many tools cannot take dots in them).
    Colliding last names fall back to the whole path with underscores."""
    last = {v: v.rsplit(".", 1)[-1] for v in template.variables}
    counts = [*last.values()]
    return {v: (n if counts.count(n) == 1 else v.replace(".", "_")) for v, n in last.items()}


def openapi_path(template: PathTemplate) -> str:
    names = param_names(template)
    return "/" + "/".join(
        s.literal if s.literal is not None else "{" + names[s.field_path or ""] + "}" for s in template.segments
    )


def _path_params(sb: SchemaBuilder, b: Binding) -> list[JsonObj]:
    req = b.method.input_type
    params: list[JsonObj] = []
    for var, name in param_names(b.template).items():
        schema = sb.field(_leaf(req, var))
        schema.pop("readOnly", None)
        # A path segment is never empty.
        schema.setdefault("minLength", 1)
        # x-field-path: the request field the variable sets, as written in the http rule.
        params.append({"name": name, "in": "path", "required": True, "schema": schema, "x-field-path": var})
    return params


def _responses(sb: SchemaBuilder, code: str, out: Descriptor, description: str = "OK") -> JsonObj:
    return {
        code: {"description": description, "content": {"application/json": {"schema": sb.ref(out)}}},
        "default": {"description": "Error", "content": {"application/json": {"schema": {"$ref": STATUS_REF}}}},
    }


def _operation(sb: SchemaBuilder, b: Binding, operation_id: str) -> JsonObj:
    req = b.method.input_type
    params = _path_params(sb, b)
    op: JsonObj = {"operationId": operation_id, "tags": [b.method.containing_service.name]}
    if b.body != "*":
        skip = set(b.template.variables)
        if b.body:
            skip.add(b.body)
        params.extend(_query_params(sb, req, "", skip, (req.full_name,)))
    if b.body:
        params.append(_FIELD_VALIDATION)
    op["parameters"] = params
    if b.body:
        body_schema = sb.ref(req) if b.body == "*" else sb.field(req.fields_by_name[b.body])
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body_schema}}}
    description = "OK"
    if b.role == ROLE_WATCH:
        description = "A stream of watch events, one JSON object per line, until the watch ends."
    op["responses"] = _responses(sb, "201" if b.role == ROLE_CREATE else "200", b.method.output_type, description)
    op["x-kubernetes-group-version-kind"] = _gvk(b)
    return op


# kubectl looks for this parameter on the PATCH operation of a kind (OpenAPI v3) to
# decide that the server validates fields itself; it then skips client-side
# validation, which would need the OpenAPI v2 document. The modes are Kubernetes'
# (ma_server.field_validation): Warn (the default) drops unknown fields with a
# Warning header, Ignore drops them silently, Strict refuses the write.
_FIELD_VALIDATION: JsonObj = {
    "name": "fieldValidation",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": ["Ignore", "Warn", "Strict"]},
}

_JSON_PATCH_SCHEMA: JsonObj = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "op": {"type": "string", "enum": ["add", "remove", "replace", "move", "copy", "test"]},
            "path": {"type": "string"},
            "from": {"type": "string"},
            "value": {},
        },
        "required": ["op", "path"],
    },
}


def _patch_operation(sb: SchemaBuilder, put: Binding) -> JsonObj:
    """PATCH on an object (or subresource) path: the current object merged with the
    patch, then written by the PUT binding's method (same concurrency rules)."""
    req = put.method.input_type
    params = _path_params(sb, put)
    params.extend(_query_params(sb, req, "", set(put.template.variables) | {put.body}, (req.full_name,)))
    params.append(_FIELD_VALIDATION)
    # Strategic merge patch is accepted too (as a merge patch) but not advertised:
    # kubectl would otherwise compute strategic patches from this schema.
    content = {
        "application/merge-patch+json": {"schema": {"type": "object"}},
        "application/json-patch+json": {"schema": _JSON_PATCH_SCHEMA},
    }
    return {
        "operationId": "Patch" + put.method.name.removeprefix("Update"),
        "tags": [put.method.containing_service.name],
        "parameters": params,
        "requestBody": {"required": True, "content": content},
        "responses": _responses(sb, "200", put.method.output_type),
        "x-kubernetes-group-version-kind": _gvk(put),
    }


def build_openapi(
    catalog: Catalog,
    *,
    title: str = "Michelangelo API",
    version: str = "v2",
    group_version: tuple[str, str] | None = None,
) -> JsonObj:
    """The whole API, or with `group_version` only that group/version's paths
    (the per-group documents of Kubernetes' /openapi/v3)."""
    numeric: set[str] = set()
    for r in catalog.resources:
        for holder in (r.message, r.list_message):
            meta = holder.fields_by_name.get("metadata") if holder is not None else None
            if meta is not None and meta.message_type is not None:
                numeric.update(f.full_name for f in numeric_metadata_fields(meta.message_type))
    sb = SchemaBuilder(frozenset(numeric))
    paths: dict[str, JsonObj] = {}
    used_ids: dict[str, int] = {}
    wanted = [r for r in catalog.resources if group_version in (None, (r.group, r.version))]
    for r in wanted:
        for b in r.bindings:
            n = used_ids.get(b.method.name, 0) + 1
            used_ids[b.method.name] = n
            # Additional bindings of one RPC get numbered ids: ListProjects, ListProjects2.
            op_id = b.method.name if n == 1 else f"{b.method.name}{n}"
            paths.setdefault(openapi_path(b.template), {})[b.verb.lower()] = _operation(sb, b, op_id)
    for route in Router(Catalog(wanted)).routes:
        if route.action == ACTION_PATCH:
            paths.setdefault(openapi_path(route.template), {})["patch"] = _patch_operation(sb, route.binding)
    components = dict(sorted(sb.components.items()))
    for r in catalog.resources:
        schema = components.get(r.message.full_name)
        if schema is not None:
            # How kubectl explain finds a kind's schema.
            schema["x-kubernetes-group-version-kind"] = [{"group": r.group, "version": r.version, "kind": r.kind}]
    components["io.k8s.apimachinery.pkg.apis.meta.v1.Status"] = _STATUS_SCHEMA
    return {
        "openapi": "3.0.3",
        "info": {
            "title": title,
            "version": version,
            "description": "Generated from the google.api.http rules of the Michelangelo services.",
        },
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": components},
    }

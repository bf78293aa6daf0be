"""Rendering messages as Kubernetes JSON: proto3 JSON plus the envelope fields
Kubernetes clients rely on (apiVersion/kind on every object and item, `items`
and `metadata` present on lists), and errors as `Status` objects.

Values keep the proto3 JSON mapping (camelCase names, int64 as strings,
RFC 3339 timestamps); kubectl reads unknown types as unstructured JSON, which
takes them as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from ma_server.errors import (
    MAX_MESSAGE_CHARS,
    MAX_QUOTED_CHARS,
    TOO_LARGE_RESOURCE_VERSION_CAUSE,
    ApiError,
    bounded,
    clip,
    elide,
)
from ma_server.http.catalog import descriptor_of, list_item_type, resource_option, watch_object_type

JsonObj = dict[str, Any]

STATUS_REASON_FOR_HTTP = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    406: "NotAcceptable",
    409: "Conflict",
    410: "Expired",
    413: "RequestEntityTooLarge",
    415: "UnsupportedMediaType",
    422: "Invalid",
    429: "TooManyRequests",
    500: "InternalError",
    503: "ServiceUnavailable",
    504: "Timeout",
}
# Status cause reasons (Kubernetes' metav1.CauseType) by violation description; others are FieldValueInvalid.
CAUSE_REASONS = {TOO_LARGE_RESOURCE_VERSION_CAUSE: "ResourceVersionTooLarge"}


def retry_after_seconds(err: ApiError) -> int:
    """The whole seconds an error asks the client to wait (0: none), as `Retry-After` and
    `details.retryAfterSeconds` carry it."""
    if err.retry_delay_ms is None or err.retry_delay_ms <= 0:
        return 0
    return -(-err.retry_delay_ms // 1000)


def to_json(msg: Message, api_version: str) -> JsonObj:
    """A response message as Kubernetes JSON (the envelope filled from its descriptor)."""
    data = json_format.MessageToDict(msg)
    return _envelope(descriptor_of(msg), data, api_version)


def _envelope(desc: Descriptor, data: JsonObj, api_version: str) -> JsonObj:
    opt = resource_option(desc)
    if opt is not None:
        return _with_type(desc, data, api_version, opt.kind)
    item = list_item_type(desc)
    if item is not None:
        item_opt = resource_option(item)
        assert item_opt is not None
        data.setdefault("metadata", {})
        items = data.get("items") or []
        data["items"] = [_with_type(item, i, api_version, item_opt.kind) for i in items]
        return _with_type(desc, data, api_version, item_opt.kind + "List")
    obj = watch_object_type(desc)
    if obj is not None:
        obj_opt = resource_option(obj)
        assert obj_opt is not None
        data["object"] = _with_type(obj, data.get("object") or {}, api_version, obj_opt.kind)
    return data


_INT64_TYPES = frozenset(
    {
        FieldDescriptor.TYPE_INT64,
        FieldDescriptor.TYPE_UINT64,
        FieldDescriptor.TYPE_SINT64,
        FieldDescriptor.TYPE_FIXED64,
        FieldDescriptor.TYPE_SFIXED64,
    }
)


def numeric_metadata_fields(meta: Descriptor) -> list[FieldDescriptor]:
    """The int64 fields of a `metadata` message that are rendered as JSON numbers.

    kubectl decodes `metadata` into Go's typed ObjectMeta / ListMeta, whose int64
    fields (generation, remainingItemCount) are JSON numbers there; the proto3 JSON
    string form makes `kubectl replace -f` / `kubectl edit` of a fetched object fail
    ("cannot unmarshal string into Go struct field ObjectMeta.metadata.generation").
    Everything else keeps the proto3 mapping (our parsers accept both forms)."""
    return [f for f in meta.fields if f.type in _INT64_TYPES and not f.is_repeated]


def _numeric_metadata(desc: Descriptor, data: JsonObj) -> None:
    fd = desc.fields_by_name.get("metadata")
    meta = data.get("metadata")
    if fd is None or fd.message_type is None or not isinstance(meta, dict):
        return
    for f in numeric_metadata_fields(fd.message_type):
        value = meta.get(f.json_name)
        if isinstance(value, str):
            meta[f.json_name] = int(value)


def _with_type(desc: Descriptor, data: JsonObj, api_version: str, kind: str) -> JsonObj:
    _numeric_metadata(desc, data)
    # apiVersion and kind first, as Kubernetes prints them; the stored values win
    # when present (they are validated on write).
    out: JsonObj = {"apiVersion": data.get("apiVersion") or api_version, "kind": data.get("kind") or kind}
    for k, v in data.items():
        if k not in out:
            out[k] = v
    return out


def status(
    code: int,
    message: str,
    *,
    reason: str = "",
    name: str = "",
    kind: str = "",
    group: str = "",
    causes: list[JsonObj] | None = None,
    retry_after: int = 0,
) -> JsonObj:
    """A Kubernetes `Status` failure object; the message and name are cut as `errors` bounds them.
    `retry_after` (seconds, 0: none) is `details.retryAfterSeconds`."""
    body: JsonObj = {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": elide(message, MAX_MESSAGE_CHARS),
        "reason": reason or STATUS_REASON_FOR_HTTP.get(code, "Unknown"),
        "code": code,
    }
    details: JsonObj = {}
    if name:
        details["name"] = clip(name, MAX_QUOTED_CHARS)
    if group:
        details["group"] = group
    if kind:
        details["kind"] = kind
    if causes:
        details["causes"] = causes
    if retry_after > 0:
        details["retryAfterSeconds"] = retry_after
    if details:
        body["details"] = details
    return body


def status_from_api_error(
    err: ApiError,
    *,
    name: str = "",
    kind: str = "",
    plural: str = "",
    group: str = "",
    secrets: Iterable[str] = (),
) -> JsonObj:
    """The Status for an API error, without `secrets` (the request's sensitive values) and bounded
    as gRPC bounds it (`errors.bounded`): at most `errors.MAX_VIOLATIONS` causes."""
    # Kubernetes names the resource (plural) in details.kind for lookups and
    # conflicts, and the Kind for validation failures (`The Project "x" is invalid`).
    err = bounded(err, secrets)
    detail_kind = kind if err.http_status == 422 else plural
    causes = [
        {"reason": CAUSE_REASONS.get(v.description, "FieldValueInvalid"), "message": v.description, "field": v.field}
        for v in err.violations
    ]
    return status(
        err.http_status,
        err.message,
        reason=err.reason,
        name=name,
        kind=detail_kind,
        group=group,
        causes=causes,
        retry_after=retry_after_seconds(err),
    )


def dumps(data: Any) -> bytes:
    # A lone surrogate (which request decoding refuses) would fail a strict encode;
    # backslashreplace writes it as the JSON escape `\\ud800`, so no answer becomes a 500.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "backslashreplace")

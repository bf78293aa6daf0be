"""Our objects as Kubernetes custom resources and back, and storage keys as REST paths.

The CRDs (`ma_server/crds`, generated from the protos) declare 64-bit integers as JSON numbers,
as Kubernetes' own types do, while proto3 JSON writes them as strings: `to_kube` turns them
into numbers by walking the descriptor. `from_kube` parses what Kubernetes returns, ignoring
the metadata Kubernetes adds that our ObjectMeta lacks (managedFields, generateName, ...);
the resourceVersion is taken out of the value (storage values never hold the revision) and
returned beside it. Storage keys are `/registry/<group>/<plural>/<namespace>/<name>`, which is
also where kube-apiserver keeps custom resources in its etcd, so a storage key prefix maps to
a collection path and a key suffix to the `start` of a continue token.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from ma_server.model import Resource, is_repeated

_INT64 = frozenset(
    {
        FieldDescriptor.TYPE_INT64,
        FieldDescriptor.TYPE_UINT64,
        FieldDescriptor.TYPE_SINT64,
        FieldDescriptor.TYPE_FIXED64,
        FieldDescriptor.TYPE_SFIXED64,
    }
)
_WRAPPED_INT64 = frozenset({"google.protobuf.Int64Value", "google.protobuf.UInt64Value"})
# Kubernetes' continue token format (k8s.io/apiserver storage.EncodeContinue, unchanged since 1.8).
CONTINUE_VERSION = "meta.k8s.io/v1"


@dataclass(frozen=True)
class Route:
    """Where a storage key or prefix lives in the Kubernetes API."""

    resource: Resource
    namespace: str
    name: str = ""

    def path(self, subresource: str = "", *, collection: bool = False) -> str:
        r = self.resource
        base = f"/apis/{r.group}/{r.version}/"
        if r.namespaced and self.namespace:
            base += f"namespaces/{self.namespace}/"
        base += r.plural
        if not collection and self.name:
            base += f"/{self.name}"
        return f"{base}/{subresource}" if subresource else base


class Router:
    """Storage keys and prefixes of our resources -> `Route`s."""

    def __init__(self, resources: Iterable[Resource]) -> None:
        self.by_plural = {r.plural: r for r in resources}
        groups = {r.group for r in self.by_plural.values()}
        if len(groups) != 1:
            raise ValueError(f"expected one API group, got {sorted(groups)}")
        self.group = groups.pop()
        self.root = f"/registry/{self.group}/"

    def _parts(self, key: str) -> list[str]:
        if not key.startswith(self.root):
            raise KeyError(f"{key!r} is not a key of {self.group} resources")
        return key[len(self.root) :].split("/")

    def key(self, key: str) -> Route:
        parts = self._parts(key)
        if len(parts) != 3 or parts[0] not in self.by_plural or not parts[2]:
            raise KeyError(f"{key!r} is not /registry/{self.group}/<plural>/<namespace>/<name>")
        return Route(self.by_plural[parts[0]], parts[1], parts[2])

    def prefix(self, prefix: str) -> Route:
        """A collection prefix: `/registry/<group>/<plural>/` or `.../<plural>/<namespace>/`."""
        parts = self._parts(prefix)
        if parts[-1] != "" or len(parts) not in (2, 3) or parts[0] not in self.by_plural:
            raise KeyError(f"{prefix!r} is not a collection prefix of {self.group} resources")
        return Route(self.by_plural[parts[0]], parts[1] if len(parts) == 3 else "")

    def key_of(self, resource: Resource, obj: dict[str, Any]) -> str:
        meta = obj.get("metadata") or {}
        return resource.key(str(meta.get("namespace") or ""), str(meta.get("name") or ""))


def continue_token(revision: int, prefix: str, start_after: str) -> str:
    """The continue token kube-apiserver itself would give for the page after `start_after`."""
    body = {"v": CONTINUE_VERSION, "rv": revision, "start": start_after[len(prefix) :] + "\x00"}
    return base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).decode().rstrip("=")


def _numbers(value: Any, desc: Any) -> None:
    """Turn the proto3-JSON strings of 64-bit integer fields of `value` (a dict of `desc`) into ints."""
    for f in desc.fields:
        name = f.json_name
        if name not in value:
            continue
        v = value[name]
        if f.type in _INT64:
            if is_repeated(f):
                value[name] = [int(x) for x in v]
            else:
                value[name] = int(v)
        elif f.message_type is not None:
            sub = f.message_type
            if sub.GetOptions().map_entry:
                vf = sub.fields_by_name["value"]
                if vf.type in _INT64:
                    value[name] = {k: int(x) for k, x in v.items()}
                elif vf.message_type is not None and not vf.message_type.full_name.startswith("google.protobuf."):
                    for x in v.values():
                        _numbers(x, vf.message_type)
            elif sub.full_name in _WRAPPED_INT64:
                value[name] = [int(x) for x in v] if is_repeated(f) else int(v)
            elif not sub.full_name.startswith("google.protobuf."):
                for x in v if is_repeated(f) else [v]:
                    _numbers(x, sub)


def to_kube(obj: Message, *, resource_version: int | None = None) -> dict[str, Any]:
    """The custom resource Kubernetes stores for `obj` (resourceVersion set only when given)."""
    out: dict[str, Any] = json_format.MessageToDict(obj)
    _numbers(out, obj.DESCRIPTOR)
    meta = out.setdefault("metadata", {})
    meta.pop("resourceVersion", None)
    if resource_version is not None:
        meta["resourceVersion"] = str(resource_version)
    return out


class KubeObjectError(ValueError):
    """Kubernetes returned an object our message cannot hold."""


def from_kube(resource: Resource, data: dict[str, Any]) -> tuple[bytes, int]:
    """(stored value, resourceVersion) of a custom resource Kubernetes returned."""
    meta = data.get("metadata")
    if not isinstance(meta, dict):
        raise KubeObjectError(f"{resource.kind} without metadata")
    rv_text = meta.pop("resourceVersion", "")
    try:
        rv = int(rv_text)
    except (TypeError, ValueError):
        raise KubeObjectError(
            f"{resource.kind} {meta.get('name')!r}: resourceVersion {rv_text!r} is not an integer"
            " (ma-server needs the etcd-backed kube-apiserver's numeric resourceVersions)"
        ) from None
    msg = resource.new()
    try:
        json_format.ParseDict(data, msg, ignore_unknown_fields=True)
    except json_format.ParseError as e:
        raise KubeObjectError(f"{resource.kind} {meta.get('name')!r}: {e}") from None
    return msg.SerializeToString(deterministic=True), rv


def decode_value(resource: Resource, value: bytes) -> Message:
    msg = resource.new()
    msg.ParseFromString(value)
    return msg

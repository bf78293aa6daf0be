"""The fixed (non-API) endpoints: health, metrics, OpenAPI, version and the
Kubernetes discovery documents."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from prometheus_client import CollectorRegistry

from ma_server.http import discovery, k8s_json
from ma_server.http.asgi import JSON
from ma_server.http.catalog import Catalog
from ma_server.http.metrics import exposition
from ma_server.http.openapi import build_openapi
from ma_server.readiness import Readiness

JsonObj = dict[str, Any]
# Produces (body, content type); raises NotFoundHere for a path that only looks fixed.
Handler = Callable[[], tuple[bytes, str]]


class NotFoundHere(Exception):
    """A fixed endpoint's path with an unknown name in it (404 with this message)."""


class NotReady(Exception):
    """/readyz while the storage does not answer (503 with this message)."""


class Endpoints:
    def __init__(
        self, catalog: Catalog, registries: Sequence[CollectorRegistry] = (), readiness: Readiness | None = None
    ) -> None:
        self.catalog = catalog
        self.readiness = readiness
        self._registries = tuple(registries)
        self._openapi: bytes | None = None
        self._openapi_gv: dict[str, bytes] = {}

    def _readyz(self) -> tuple[bytes, str]:
        if self.readiness is not None and not self.readiness.ready:
            raise NotReady(f"not ready: {self.readiness.reason}")
        return b"ok", "text/plain; charset=utf-8"

    def match(self, parts: list[str]) -> tuple[str, Handler] | None:
        """(metrics route label, handler) for a fixed path, or None. Labels never
        contain request values, so metric cardinality stays bounded."""
        joined = "/" + "/".join(parts)
        if joined in ("/healthz", "/livez"):
            return joined, lambda: (b"ok", "text/plain; charset=utf-8")
        if joined == "/readyz":
            return joined, self._readyz
        if joined == "/metrics":
            return joined, lambda: exposition(self._registries)
        if joined == "/openapi.json":
            return joined, lambda: (self.openapi_bytes(), JSON)
        if joined == "/openapi/v3":
            return joined, lambda: (k8s_json.dumps(self._openapi_v3_index()), JSON)
        if len(parts) == 5 and parts[:3] == ["openapi", "v3", "apis"]:
            return "/openapi/v3/apis/*/*", lambda: (self._openapi_v3_group_or_404(parts[3], parts[4]), JSON)
        if joined == "/version":
            return joined, lambda: (k8s_json.dumps(discovery.version_info()), JSON)
        if joined == "/api":
            return joined, lambda: (k8s_json.dumps(discovery.api_versions()), JSON)
        if joined == "/apis":
            return joined, lambda: (k8s_json.dumps(discovery.api_group_list(self.catalog)), JSON)
        if len(parts) == 4 and parts[:3] == ["api", "v1", "namespaces"]:
            return "/api/v1/namespaces/*", lambda: (k8s_json.dumps(_or_404(discovery.namespace(parts[3]))), JSON)
        if len(parts) == 2 and parts[0] == "apis":
            return "/apis/*", lambda: (k8s_json.dumps(_or_404(discovery.api_group(self.catalog, parts[1]))), JSON)
        if len(parts) == 3 and parts[0] == "apis":
            doc = discovery.api_resource_list(self.catalog, parts[1], parts[2])
            return "/apis/*/*", lambda: (k8s_json.dumps(_or_404(doc)), JSON)
        return None

    def openapi_bytes(self) -> bytes:
        if self._openapi is None:
            self._openapi = k8s_json.dumps(build_openapi(self.catalog))
        return self._openapi

    def openapi_v3_group(self, group: str, version: str) -> bytes | None:
        """The Kubernetes /openapi/v3 per-group-version document (kubectl reads the PATCH
        operations' parameters from it to decide on server-side field validation)."""
        key = f"{group}/{version}"
        if key not in self._openapi_gv:
            if version not in self.catalog.group_versions().get(group, []):
                return None
            self._openapi_gv[key] = k8s_json.dumps(build_openapi(self.catalog, group_version=(group, version)))
        return self._openapi_gv[key]

    def _openapi_v3_group_or_404(self, group: str, version: str) -> bytes:
        doc = self.openapi_v3_group(group, version)
        if doc is None:
            raise NotFoundHere(f"no OpenAPI document for {group}/{version}")
        return doc

    def _openapi_v3_index(self) -> JsonObj:
        paths = {}
        for group, versions in sorted(self.catalog.group_versions().items()):
            for v in versions:
                doc = self._openapi_v3_group_or_404(group, v)
                # The hash lets kubectl cache the document until it changes.
                digest = hashlib.sha256(doc).hexdigest()[:32].upper()
                paths[f"apis/{group}/{v}"] = {"serverRelativeURL": f"/openapi/v3/apis/{group}/{v}?hash={digest}"}
        return {"paths": paths}


def _or_404(doc: JsonObj | None) -> JsonObj:
    if doc is None:
        raise NotFoundHere("the server could not find the requested resource")
    return doc

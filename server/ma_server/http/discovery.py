"""Kubernetes discovery documents (the legacy, non-aggregated format).

kubectl asks for aggregated discovery (`Accept: application/json;g=apidiscovery.k8s.io;...`)
first and falls back to these documents when the answer is plain
`application/json`, so only the legacy format is served.
"""

from __future__ import annotations

import re
from typing import Any

from ma_server.http.catalog import (
    ROLE_CREATE,
    ROLE_DELETE,
    ROLE_DELETE_COLLECTION,
    ROLE_GET,
    ROLE_LIST,
    ROLE_UPDATE,
    ROLE_WATCH,
    Catalog,
    Resource,
)

JsonObj = dict[str, Any]

# Discovery verb for each role; `patch` is served wherever `update` is (PATCH = GET + merge + PUT).
_VERBS = {
    ROLE_CREATE: ["create"],
    ROLE_DELETE: ["delete"],
    ROLE_DELETE_COLLECTION: ["deletecollection"],
    ROLE_GET: ["get"],
    ROLE_LIST: ["list"],
    ROLE_UPDATE: ["patch", "update"],
    ROLE_WATCH: ["watch"],
}


def api_versions() -> JsonObj:
    # No legacy core group (/api/v1): kubectl only needs the document to exist.
    return {"kind": "APIVersions", "apiVersion": "v1", "versions": [], "serverAddressByClientCIDRs": []}


def _group(group: str, versions: list[str]) -> JsonObj:
    gvs = [{"groupVersion": f"{group}/{v}", "version": v} for v in versions]
    return {"name": group, "versions": gvs, "preferredVersion": gvs[0]}


def api_group_list(catalog: Catalog) -> JsonObj:
    groups = [_group(g, vs) for g, vs in sorted(catalog.group_versions().items())]
    return {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}


def api_group(catalog: Catalog, group: str) -> JsonObj | None:
    versions = catalog.group_versions().get(group)
    if versions is None:
        return None
    return {"kind": "APIGroup", "apiVersion": "v1", **_group(group, versions)}


def _resource_entries(r: Resource) -> list[JsonObj]:
    verbs = sorted({v for role in r.methods for v in _VERBS.get(role, [])})
    main: JsonObj = {
        "name": r.plural,
        "singularName": r.singular,
        "namespaced": r.namespaced,
        "kind": r.kind,
        "verbs": verbs,
    }
    if r.short_names:
        main["shortNames"] = list(r.short_names)
    entries = [main]
    for sub in r.subresources:
        # GET of a subresource returns the whole object, as in Kubernetes.
        entries.append(
            {
                "name": f"{r.plural}/{sub}",
                "singularName": "",
                "namespaced": r.namespaced,
                "kind": r.kind,
                "verbs": ["get", "patch", "update"],
            }
        )
    return entries


def api_resource_list(catalog: Catalog, group: str, version: str) -> JsonObj | None:
    rs = [r for r in catalog.resources if r.group == group and r.version == version]
    if not rs:
        return None
    resources = [e for r in rs for e in _resource_entries(r)]
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": f"{group}/{version}", "resources": resources}


_DNS1123_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")


def namespace(name: str) -> JsonObj | None:
    """A synthetic core/v1 Namespace. Namespaces are implicit here (any DNS-1123 label
    is one), but kubectl asks for the namespace after a NotFound to tell a missing
    namespace from a missing object; answering keeps the object's own error."""
    if len(name) > 63 or not _DNS1123_LABEL.fullmatch(name):
        return None
    return {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {"name": name},
        "spec": {},
        "status": {"phase": "Active"},
    }


def version_info() -> JsonObj:
    from ma_server import __version__

    # `kubectl version` reads this; the numbers name the Kubernetes API conventions followed.
    return {
        "major": "1",
        "minor": "32",
        "gitVersion": f"v1.32.0+ma-server-{__version__}",
        "platform": "linux/amd64",
    }

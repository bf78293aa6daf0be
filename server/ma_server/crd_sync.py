"""`ma-server --install-crds`: create or update our CRDs in the Kubernetes API server at start.

The manifests are the ones `ma-codegen` generates from the protos into `ma_server/crds` (shipped
as package data). A CRD that is missing is created; one that differs is replaced, unless the
change would break objects already stored at a version (the CRD's `status.storedVersions`):
a removed field, a changed or narrowed type, a new or tighter rule (required, enum, pattern,
lengths, ranges, item counts). Those are refused with one report naming every such change by
CRD and schema path, and nothing is written, like the platform's own CRD sync. A new
optional field, a removed rule or wider bounds are compatible. After writing, the sync waits
until every CRD is Established (its REST paths served).
"""

from __future__ import annotations

import asyncio
from importlib import resources as package_files
from typing import Any, Protocol

import yaml

CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"
ESTABLISH_SECONDS = 30.0
_LOWER_BOUNDS = ("minLength", "minItems", "minProperties", "minimum")
_UPPER_BOUNDS = ("maxLength", "maxItems", "maxProperties", "maximum")


class CrdSyncError(Exception):
    """The CRDs cannot be installed; the message is the whole report."""


class Rest(Protocol):
    async def rest(
        self, method: str, path: str, *, body: Any = None, ok: tuple[int, ...] = (200, 201)
    ) -> tuple[int, Any]: ...


def manifests() -> list[dict[str, Any]]:
    """The generated CRD manifests shipped in `ma_server/crds`, by file name."""
    folder = package_files.files("ma_server") / "crds"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            out.append(yaml.safe_load(entry.read_text(encoding="utf-8")))
    if not out:
        raise CrdSyncError(f"no CRD manifests in {folder}: run `ma-codegen generate`")
    return out


def _schema(crd: dict[str, Any], version: str) -> dict[str, Any]:
    for v in crd.get("spec", {}).get("versions") or []:
        if v.get("name") == version:
            return dict((v.get("schema") or {}).get("openAPIV3Schema") or {})
    return {}


def incompatible(old: dict[str, Any], new: dict[str, Any], path: str = "") -> list[str]:
    """The changes from schema `old` to `new` that objects stored under `old` may not survive."""
    where = path or "<root>"
    out: list[str] = []
    if old.get("type") != new.get("type") and not (old.get("type") == "integer" and new.get("type") == "number"):
        out.append(f"{where}: type {old.get('type')} -> {new.get('type')}")
        return out
    if "enum" in new:
        if "enum" not in old:
            out.append(f"{where}: enum added (only {', '.join(map(str, new['enum']))} allowed)")
        elif removed := sorted(set(old["enum"]) - set(new["enum"]), key=str):
            out.append(f"{where}: enum no longer allows {', '.join(map(str, removed))}")
    if new.get("pattern") and new.get("pattern") != old.get("pattern"):
        out.append(f"{where}: pattern {old.get('pattern')!r} -> {new['pattern']!r}")
    for rule in _LOWER_BOUNDS:
        if rule in new and (rule not in old or new[rule] > old[rule]):
            out.append(f"{where}: {rule} {old.get(rule)} -> {new[rule]}")
    for rule in _UPPER_BOUNDS:
        if rule in new and (rule not in old or new[rule] < old[rule]):
            out.append(f"{where}: {rule} {old.get(rule)} -> {new[rule]}")
    old_rules = {r.get("rule") for r in old.get("x-kubernetes-validations") or []}
    for r in new.get("x-kubernetes-validations") or []:
        if r.get("rule") not in old_rules:
            out.append(f"{where}: new validation rule {r.get('rule')!r}")
    added_required = sorted(set(new.get("required") or []) - set(old.get("required") or []))
    if added_required:
        out.append(f"{where}: newly required {', '.join(added_required)}")
    old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
    for name, sub in old_props.items():
        child = f"{path}.{name}" if path else name
        if name not in new_props:
            if not new.get("x-kubernetes-preserve-unknown-fields"):
                out.append(f"{child}: removed")
            continue
        out += incompatible(sub, new_props[name], child)
    for key in ("items", "additionalProperties"):
        if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
            out += incompatible(old[key], new[key], f"{path}[]" if key == "items" else f"{path}{{}}")
    return out


def _stored_versions(current: dict[str, Any]) -> list[str]:
    return list((current.get("status") or {}).get("storedVersions") or [])


async def install(client: Rest, wanted: list[dict[str, Any]] | None = None) -> list[str]:
    """Create or update every CRD; returns one line per CRD (created / updated / unchanged).
    Raises CrdSyncError with the whole report when any change is incompatible (nothing written)."""
    wanted = manifests() if wanted is None else wanted
    plan: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
    problems: list[str] = []
    for crd in wanted:
        name = crd["metadata"]["name"]
        status, current = await client.rest("GET", f"{CRD_PATH}/{name}", ok=(200,))
        if status == 404:
            plan.append(("created", crd, None))
            continue
        if status != 200:
            raise CrdSyncError(f"CRD {name}: GET answered {status}: {current.get('message', '')}")
        for version in _stored_versions(current):
            if not any(v.get("name") == version for v in crd["spec"]["versions"]):
                problems.append(f"{name}: stored version {version} is no longer served")
                continue
            problems += [
                f"{name} ({version}): {p}" for p in incompatible(_schema(current, version), _schema(crd, version))
            ]
        plan.append(("updated", crd, current))
    if problems:
        lines = "\n  ".join(problems)
        raise CrdSyncError(f"refusing incompatible CRD changes to stored versions (nothing was written):\n  {lines}")
    report = []
    for action, crd, current in plan:
        name = crd["metadata"]["name"]
        if action == "created":
            status, body = await client.rest("POST", CRD_PATH, body=crd)
        else:
            assert current is not None
            rv = current["metadata"]["resourceVersion"]
            meta = {**crd["metadata"], "resourceVersion": rv}
            status, body = await client.rest("PUT", f"{CRD_PATH}/{name}", body={**crd, "metadata": meta})
            if status == 200 and body.get("metadata", {}).get("resourceVersion") == rv:
                action = "unchanged"  # Kubernetes writes nothing for an identical object
        if status not in (200, 201):
            raise CrdSyncError(f"CRD {name}: {action[:-1]} refused ({status}): {body.get('message', '')}")
        report.append(f"{name} {action}")
    await _wait_established(client, [c["metadata"]["name"] for c in wanted])
    return report


async def _wait_established(client: Rest, names: list[str]) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + ESTABLISH_SECONDS
    pending = set(names)
    while pending:
        for name in sorted(pending):
            status, body = await client.rest("GET", f"{CRD_PATH}/{name}", ok=(200,))
            conditions = (body.get("status") or {}).get("conditions") or [] if status == 200 else []
            if any(c.get("type") == "Established" and c.get("status") == "True" for c in conditions):
                pending.discard(name)
        if pending:
            if loop.time() > deadline:
                raise CrdSyncError(f"CRDs not established in {ESTABLISH_SECONDS:.0f} s: {', '.join(sorted(pending))}")
            await asyncio.sleep(0.2)

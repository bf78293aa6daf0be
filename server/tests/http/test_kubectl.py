"""kubectl against a real `ma-server` process: every kind through create / get (all
output formats, label selectors, short names) / apply twice / delete, watch, and
the error messages kubectl prints from our Status objects."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from ma_http_manifests import manifest
from ma_http_support import RealServer

from ma_server.http.catalog import Resource, build_catalog, default_services

# kubectl is on the machines and installed by .ci/run (Debian kubernetes-client) where missing.
assert shutil.which("kubectl") is not None, "kubectl is required for these tests"

CATALOG = build_catalog(default_services())
GROUP = "michelangelo.api"
NS = "kube"
KUBECTL_TIMEOUT_S = 60


@dataclass
class Kubectl:
    workdir: Path
    url: str

    def run(
        self, *args: str, ok: bool = True, namespace: str = NS, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        cmd = [
            "kubectl",
            "--kubeconfig",
            str(self.workdir / "kubeconfig"),
            "--cache-dir",
            str(self.workdir / "cache"),
            "-n",
            namespace,
            *args,
        ]
        full_env = {**os.environ, **(env or {})}
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=KUBECTL_TIMEOUT_S, check=False, env=full_env)
        if ok:
            assert proc.returncode == 0, f"{' '.join(args)}: {proc.stderr}"
        return proc

    def write(self, name: str, data: Any) -> str:
        path = self.workdir / name
        path.write_text(json.dumps(data))
        return str(path)


@pytest.fixture(scope="module")
def kubectl(real_server: RealServer, tmp_path_factory: pytest.TempPathFactory) -> Kubectl:
    work = tmp_path_factory.mktemp("kubectl")
    kubeconfig = {
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{"name": "ma", "cluster": {"server": real_server.url}}],
        "users": [{"name": "anonymous", "user": {}}],
        "contexts": [{"name": "ma", "context": {"cluster": "ma", "user": "anonymous", "namespace": NS}}],
        "current-context": "ma",
    }
    (work / "kubeconfig").write_text(json.dumps(kubeconfig))
    return Kubectl(work, real_server.url)


def test_discovery_lists_every_kind(kubectl: Kubectl) -> None:
    out = kubectl.run("api-resources", f"--api-group={GROUP}", "-o", "name").stdout.split()
    assert sorted(out) == sorted(f"{r.plural}.{GROUP}" for r in CATALOG.resources)
    wide = kubectl.run("api-resources", f"--api-group={GROUP}", "-o", "wide").stdout
    assert "create,delete,deletecollection,get,list,patch,update,watch" in wide.replace("[", "").replace(
        "]", ""
    ).replace(" ", ",")


@pytest.mark.parametrize("resource", CATALOG.resources, ids=lambda r: r.kind)
def test_every_kind(kubectl: Kubectl, resource: Resource, server_backend: str) -> None:
    name = f"k-{resource.singular}"
    ref = f"{resource.singular}.{GROUP}/{name}"
    path = kubectl.write(
        f"{resource.plural}.json", manifest(resource.message, resource.api_version, resource.kind, name, NS)
    )
    assert kubectl.run("create", "-f", path).stdout.strip() == f"{ref} created"
    assert name in kubectl.run("get", resource.plural).stdout
    assert name in kubectl.run("get", resource.short_names[0]).stdout
    yaml_out = kubectl.run("get", resource.plural, name, "-o", "yaml").stdout
    assert f"kind: {resource.kind}" in yaml_out and f"name: {name}" in yaml_out
    obj = json.loads(kubectl.run("get", resource.plural, name, "-o", "json").stdout)
    assert (obj["kind"], obj["apiVersion"], obj["metadata"]["name"]) == (resource.kind, "michelangelo.api/v2", name)
    items = json.loads(kubectl.run("get", resource.plural, "-o", "json").stdout)["items"]
    assert [i["metadata"]["name"] for i in items] == [name]
    assert name in kubectl.run("get", resource.plural, "-o", "wide").stdout
    assert kubectl.run("get", resource.plural, "-o", "name").stdout.split() == [ref]
    assert kubectl.run("get", resource.plural, "-l", "suite=http", "-o", "name").stdout.split() == [ref]
    none = kubectl.run("get", resource.plural, "-l", "suite=other")
    assert none.stdout.strip() == "" and "No resources found" in none.stderr
    everywhere = kubectl.run("get", resource.plural, "-A", "-o", "name").stdout.split()
    if server_backend == "kubernetes":  # one kube-apiserver holds every shared server's objects
        assert ref in everywhere
    else:
        assert everywhere == [ref]
    # apply: created, then unchanged (a three-way merge against the live object finds no change).
    applied = f"{name}-ap"
    ap_path = kubectl.write(
        f"{resource.plural}-ap.json", manifest(resource.message, resource.api_version, resource.kind, applied, NS)
    )
    assert kubectl.run("apply", "-f", ap_path).stdout.strip() == f"{resource.singular}.{GROUP}/{applied} created"
    assert kubectl.run("apply", "-f", ap_path).stdout.strip() == f"{resource.singular}.{GROUP}/{applied} unchanged"
    live = json.loads(kubectl.run("get", resource.plural, applied, "-o", "json").stdout)
    assert "kubectl.kubernetes.io/last-applied-configuration" in live["metadata"]["annotations"]
    assert kubectl.run("label", resource.plural, applied, "changed=yes").returncode == 0
    assert kubectl.run("get", resource.plural, "-l", "changed=yes", "-o", "name").stdout.split() == [
        f"{resource.singular}.{GROUP}/{applied}"
    ]
    assert kubectl.run("delete", "-f", path).stdout.strip() == f'{resource.singular}.{GROUP} "{name}" deleted'
    assert kubectl.run("delete", resource.plural, applied).stdout.strip().endswith("deleted")
    missing = kubectl.run("get", resource.plural, name, ok=False)
    assert missing.returncode != 0 and "(NotFound)" in missing.stderr and name in missing.stderr


def _project(name: str, **spec: Any) -> dict[str, Any]:
    return {"apiVersion": "michelangelo.api/v2", "kind": "Project", "metadata": {"name": name}, "spec": spec}


def test_errors_as_kubectl_prints_them(kubectl: Kubectl) -> None:
    path = kubectl.write("dup.json", _project("dup", owningTeam="ml"))
    kubectl.run("create", "-f", path)
    again = kubectl.run("create", "-f", path, ok=False)
    assert again.returncode != 0 and "(AlreadyExists)" in again.stderr
    bad = kubectl.run("create", "-f", kubectl.write("bad.json", _project("bad", tier="platinum")), ok=False)
    assert bad.returncode != 0 and "is invalid" in bad.stderr
    assert "spec.owningTeam" in bad.stderr and "spec.tier" in bad.stderr
    unknown = kubectl.run("create", "-f", kubectl.write("unk.json", _project("unk", owningTeam="ml", nope=1)), ok=False)
    assert unknown.returncode != 0 and "BadRequest" in unknown.stderr
    live = json.loads(kubectl.run("get", "projects", "dup", "-o", "json").stdout)
    live["spec"]["description"] = "first"
    kubectl.run("replace", "-f", kubectl.write("fresh.json", live))
    live["spec"]["description"] = "stale"  # still carries the old resourceVersion
    stale = kubectl.run("replace", "-f", kubectl.write("stale.json", live), ok=False)
    assert stale.returncode != 0 and "(Conflict)" in stale.stderr
    patched = kubectl.run("patch", "projects", "dup", "--type=merge", "-p", '{"spec":{"tier":"standard"}}')
    assert "patched" in patched.stdout
    jp = '[{"op":"replace","path":"/spec/tier","value":"critical"}]'
    kubectl.run("patch", "projects", "dup", "--type=json", "-p", jp)
    got = kubectl.run("get", "projects", "dup", "-o", "jsonpath={.spec.tier}").stdout
    assert got == "critical"
    kubectl.run("delete", "projects", "--all")


def test_get_edit_replace_roundtrip(kubectl: Kubectl) -> None:
    kubectl.run("create", "-f", kubectl.write("ed.json", _project("ed", owningTeam="ml")))
    # What kubectl prints can be fed back to it (metadata decodes into Go's ObjectMeta).
    fetched = kubectl.workdir / "ed.yaml"
    fetched.write_text(kubectl.run("get", "projects", "ed", "-o", "yaml").stdout)
    assert "replaced" in kubectl.run("replace", "-f", str(fetched)).stdout
    script = kubectl.workdir / "editor.sh"
    script.write_text("#!/bin/sh\nsed -i 's/owningTeam: ml/owningTeam: edited/' \"$1\"\n")
    script.chmod(0o755)
    editor = {"KUBE_EDITOR": str(script)}
    assert "edited" in kubectl.run("edit", "projects", "ed", env=editor).stdout
    assert kubectl.run("get", "projects", "ed", "-o", "jsonpath={.spec.owningTeam}").stdout == "edited"
    kubectl.run("delete", "projects", "ed")


def _lines(stream: Any, out: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):
        out.put(line.strip())


@pytest.fixture
def watch_proc(kubectl: Kubectl) -> Iterator[tuple[subprocess.Popen[str], queue.Queue[str]]]:
    cmd = [
        "kubectl",
        "--kubeconfig",
        str(kubectl.workdir / "kubeconfig"),
        "--cache-dir",
        str(kubectl.workdir / "cache"),
        "-n",
        "kwatch",
        "get",
        "projects",
        "--watch",
        "-o",
        "name",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()
    try:
        yield proc, lines
    finally:
        proc.kill()
        proc.wait(10)


def test_kubectl_watch(kubectl: Kubectl, watch_proc: tuple[subprocess.Popen[str], queue.Queue[str]]) -> None:
    proc, lines = watch_proc
    seen: list[str] = []
    deadline = time.monotonic() + 20
    created = False
    # Bounded by the deadline: create objects until the watch has shown one.
    while time.monotonic() < deadline and f"project.{GROUP}/seen" not in seen:
        if not created and proc.poll() is None:
            time.sleep(1.0)  # give kubectl time to list and start watching
            r = httpx.post(
                f"{kubectl.url}/apis/michelangelo.api/v2/namespaces/kwatch/projects",
                json=_project("seen", owningTeam="ml"),
            )
            assert r.status_code == 201
            created = True
        try:
            seen.append(lines.get(timeout=1))
        except queue.Empty:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    assert f"project.{GROUP}/seen" in seen

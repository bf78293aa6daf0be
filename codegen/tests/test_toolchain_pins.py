"""The SDK manifests publish the runtime ranges pinned in ma_codegen/toolchain.py.

Generated code needs a runtime at least as new as its generator (protoc 31.1's
Python code refuses protobuf < 6.31.1, grpcio-tools 1.70.0's stubs refuse
grpcio < 1.70.0, ...), so each floor is tied to a generator pin, and every
manifest is checked against the one list of ranges.
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ma_codegen import toolchain

MAVEN_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def lower_bounds(requirements: list[str]) -> dict[str, str]:
    """{normalized distribution name: version of its `>=` specifier} of PEP 508 requirement strings."""
    bounds: dict[str, str] = {}
    for req in requirements:
        spec = req.split(";", 1)[0]
        m = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$", spec)
        assert m, f"cannot parse requirement {req!r}"
        name = re.sub(r"[-_.]+", "-", m[1]).lower()
        for clause in m[2].split(","):
            clause = clause.strip()
            if clause.startswith(">="):
                bounds[name] = clause[2:].strip()
    return bounds


def go_requirements(text: str) -> dict[str, str]:
    """{module path: version} of every require directive in a go.mod (block or single-line form)."""
    text = re.sub(r"//[^\n]*", "", text)
    found: dict[str, str] = {}
    for block in re.findall(r"^require\s*\((.*?)^\)", text, re.DOTALL | re.MULTILINE):
        for line in block.splitlines():
            parts = line.split()
            if len(parts) == 2:
                found[parts[0]] = parts[1]
    for module, version in re.findall(r"^require\s+(\S+)\s+(\S+)\s*$", text, re.MULTILINE):
        found[module] = version
    return found


def upper_bounds(requirements: list[str]) -> dict[str, str]:
    """{normalized distribution name: version of its `<` specifier} of PEP 508 requirement strings."""
    bounds: dict[str, str] = {}
    for req in requirements:
        m = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$", req.split(";", 1)[0])
        assert m, f"cannot parse requirement {req!r}"
        for clause in m[2].split(","):
            clause = clause.strip()
            if clause.startswith("<") and not clause.startswith("<="):
                bounds[re.sub(r"[-_.]+", "-", m[1]).lower()] = clause[1:].strip()
    return bounds


def go_directive(text: str) -> str | None:
    m = re.search(r"^go\s+(\S+)\s*$", text, re.MULTILINE)
    return m[1] if m else None


def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", v.lstrip("v")))


def test_ranges_are_ordered_and_floors_follow_the_generators() -> None:
    """A floor below its generator would let users install a runtime the generated code refuses."""
    for ranges in (toolchain.PYTHON_RUNTIME_RANGES, toolchain.JAVA_RUNTIME_RANGES, toolchain.GO_RUNTIME_RANGES):
        for name, (floor, newest) in ranges.items():
            assert _version_key(floor) <= _version_key(newest), name
    assert toolchain.PYTHON_RUNTIME_RANGES["grpcio"][0] == toolchain.GRPCIO_TOOLS
    # protoc 4.31.1 is libprotoc 31.1, whose Python gencode is 6.31.1.
    assert toolchain.PYTHON_RUNTIME_RANGES["protobuf"][0] == "6." + toolchain.PROTOC.split(".", 1)[1]
    assert toolchain.JAVA_RUNTIME_RANGES["protobuf.version"][0] == toolchain.PROTOC_JAVA
    assert toolchain.JAVA_RUNTIME_RANGES["grpc.version"][0] == toolchain.GRPC_JAVA_GENERATOR
    assert toolchain.GO_RUNTIME_RANGES["google.golang.org/protobuf"][0] == toolchain.PROTOC_GEN_GO
    # The unpublished parts (shared venv, conformance runners) run at the newest.
    assert toolchain.PROTOBUF_PYTHON == toolchain.PYTHON_RUNTIME_RANGES["protobuf"][1]
    assert f"protobuf=={toolchain.PROTOBUF_PYTHON}" in toolchain.CODEGEN_REQUIREMENTS
    assert f"grpcio=={toolchain.GRPC_PYTHON}" in toolchain.CODEGEN_REQUIREMENTS


def test_python_sdk_publishes_the_ranges(repo_root: Path) -> None:
    data = tomllib.loads((repo_root / "sdk/python/pyproject.toml").read_text())
    deps = data["project"]["dependencies"]
    floors = {name: floor for name, (floor, _) in toolchain.PYTHON_RUNTIME_RANGES.items()}
    assert lower_bounds(deps) == floors
    assert upper_bounds(deps) == toolchain.PYTHON_UPPER_BOUNDS
    for name, (_, newest) in toolchain.PYTHON_RUNTIME_RANGES.items():
        assert _version_key(newest) < _version_key(toolchain.PYTHON_UPPER_BOUNDS[name]), name


def test_go_module_requires_the_floors(repo_root: Path) -> None:
    text = (repo_root / "sdk/go/go.mod").read_text()
    required = go_requirements(text)
    for module, (floor, _) in toolchain.GO_RUNTIME_RANGES.items():
        assert required.get(module) == floor, module
    assert go_directive(text) == toolchain.GO_LINE


@pytest.mark.parametrize("prop", sorted(toolchain.JAVA_RUNTIME_RANGES))
def test_java_sdk_declares_the_floors(repo_root: Path, prop: str) -> None:
    pom = repo_root / "sdk/java/pom.xml"
    assert pom.is_file(), f"{pom} is missing"
    props = ET.parse(pom).getroot().find("m:properties", MAVEN_NS)
    assert props is not None, "pom.xml has no <properties>"
    assert props.findtext(f"m:{prop}", namespaces=MAVEN_NS) == toolchain.JAVA_RUNTIME_RANGES[prop][0]


def test_the_etcd_bench_client_is_the_pinned_etcd(repo_root: Path) -> None:
    """bench/etcdload measures etcd with clientv3 of the same release as the etcd server built."""
    required = go_requirements((repo_root / "bench/etcdload/go.mod").read_text())
    assert required.get("go.etcd.io/etcd/client/v3") == toolchain.ETCD
    services = {t.name: t.version for t in toolchain.SERVICES}
    assert services == {"etcd": toolchain.ETCD, "kube-apiserver": toolchain.KUBE_APISERVER}


def test_kube_apiserver_is_a_published_kubernetes_release() -> None:
    """The staging modules are replaced with v0.<minor>.<patch>: a pin that is not v1.x.y cannot map."""
    major, minor, patch = toolchain.KUBE_APISERVER.removeprefix("v").split(".")
    assert major == "1" and minor.isdigit() and patch.isdigit()


def test_conformance_runners_use_the_pinned_runtimes(repo_root: Path) -> None:
    """The Go runner builds at the newest pins (>= the SDK's floors); the Java runner at the SDK's protobuf."""
    go_mod = go_requirements((repo_root / "conformance/runners/go/go.mod").read_text())
    assert go_mod.get("google.golang.org/protobuf") == toolchain.PROTOBUF_GO
    assert go_mod.get("google.golang.org/grpc") == toolchain.GRPC_GO
    assert go_mod.get("google.golang.org/genproto/googleapis/api") == toolchain.GENPROTO_GOOGLEAPIS_API
    runner = ET.parse(repo_root / "conformance/runners/java/pom.xml").getroot()
    sdk = ET.parse(repo_root / "sdk/java/pom.xml").getroot()
    props = runner.find("m:properties", MAVEN_NS)
    sdk_props = sdk.find("m:properties", MAVEN_NS)
    assert props is not None and sdk_props is not None, "a pom.xml has no <properties>"
    # JsonFormat (protobuf-java-util) must match the protobuf-java the SDK brings.
    assert props.findtext("m:protobuf.version", namespaces=MAVEN_NS) == sdk_props.findtext(
        "m:protobuf.version", namespaces=MAVEN_NS
    )
    assert props.findtext("m:sdk.version", namespaces=MAVEN_NS) == sdk.findtext("m:version", namespaces=MAVEN_NS)


def test_generated_code_needs_no_more_than_the_floors(repo_root: Path) -> None:
    """The committed gencode's own version demands equal the published floors."""
    py = repo_root / "sdk/python/src/michelangelo/api/v2"
    major, minor, patch = toolchain.PYTHON_RUNTIME_RANGES["protobuf"][0].split(".")
    messages = (py / "project_pb2.py").read_text()
    assert re.search(
        rf"ValidateProtobufRuntimeVersion\(\s*_runtime_version\.Domain\.PUBLIC,\s*{major},\s*{minor},\s*{patch},",
        messages,
    ), "project_pb2.py was not generated by the pinned protoc"
    stubs = (py / "project_svc_pb2_grpc.py").read_text()
    assert f"GRPC_GENERATED_VERSION = '{toolchain.PYTHON_RUNTIME_RANGES['grpcio'][0]}'" in stubs
    java = repo_root / "sdk/java/src/generated/java/ai/michelangelo/api/v2"
    for name in ("Project.java", "ProjectServiceGrpc.java"):
        text = (java / name).read_text()
        # 4.x gencode validates its runtime (RuntimeVersion), which 3.25.x lacks.
        assert "RuntimeVersion" not in text, name
    assert f"(version {toolchain.GRPC_JAVA_GENERATOR})" in (java / "ProjectServiceGrpc.java").read_text()
    go = (repo_root / "sdk/go/gen/michelangelo/api/v2/project.pb.go").read_text()
    assert f"protoc-gen-go {toolchain.PROTOC_GEN_GO}\n" in go
    grpc_go = (repo_root / "sdk/go/gen/michelangelo/api/v2/project_svc_grpc.pb.go").read_text()
    assert "grpc.SupportPackageIsVersion9" in grpc_go


def test_manifest_parsers() -> None:
    """The parsers above read what they claim to (so a pin test cannot pass vacuously)."""
    assert lower_bounds(
        ["protobuf>=7.36.2,<8", "grpcio[protobuf] >= 1.85.1", "Google_Api.x>=1; python_version>'3'"]
    ) == {
        "protobuf": "7.36.2",
        "grpcio": "1.85.1",
        "google-api-x": "1",
    }
    go_mod = (
        "module example.com/m\n\ngo 1.24\n\n"
        "require (\n\tgoogle.golang.org/grpc v1.85.0\n\tgoogle.golang.org/protobuf v1.36.12 // indirect\n)\n\n"
        "require golang.org/x/net v0.40.0\n"
    )
    assert go_directive(go_mod) == "1.24"
    assert upper_bounds(["protobuf>=6.31.1,<8", "grpcio<=2,>=1", "x[y]<3 ; python_version>'3'"]) == {
        "protobuf": "8",
        "x": "3",
    }
    assert go_requirements(go_mod) == {
        "google.golang.org/grpc": "v1.85.0",
        "google.golang.org/protobuf": "v1.36.12",
        "golang.org/x/net": "v0.40.0",
    }

"""The SDK runtimes must match the generators pinned in ma_codegen/toolchain.py.

Generated code needs the runtime of the generator that wrote it (protoc 36.2's
Python code needs protobuf 7.36.x, its Java code protobuf-java 4.36.x, ...),
so every SDK manifest is checked against the one list of pins.
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


def test_python_sdk_runtimes_match_generators(repo_root: Path) -> None:
    data = tomllib.loads((repo_root / "sdk/python/pyproject.toml").read_text())
    bounds = lower_bounds(data["project"]["dependencies"])
    assert bounds.get("protobuf") == toolchain.PROTOBUF_PYTHON
    assert bounds.get("grpcio") == toolchain.GRPC_PYTHON
    assert bounds.get("googleapis-common-protos") == toolchain.GOOGLEAPIS_COMMON_PROTOS


def test_go_module_runtimes_match_generators(repo_root: Path) -> None:
    go_mod = repo_root / "sdk/go/go.mod"
    assert go_mod.is_file(), f"{go_mod} is missing"
    required = go_requirements(go_mod.read_text())
    assert required.get("google.golang.org/protobuf") == toolchain.PROTOC_GEN_GO
    assert required.get("google.golang.org/grpc") == toolchain.GRPC_GO
    assert required.get("google.golang.org/genproto/googleapis/api") == toolchain.GENPROTO_GOOGLEAPIS_API


@pytest.mark.parametrize(
    ("prop", "pin"),
    [
        ("protobuf.version", toolchain.PROTOBUF_JAVA),
        ("grpc.version", toolchain.GRPC_JAVA),
        ("common-protos.version", toolchain.PROTO_GOOGLE_COMMON_PROTOS_JAVA),
    ],
)
def test_java_sdk_runtimes_match_generators(repo_root: Path, prop: str, pin: str) -> None:
    pom = repo_root / "sdk/java/pom.xml"
    assert pom.is_file(), f"{pom} is missing"
    props = ET.parse(pom).getroot().find("m:properties", MAVEN_NS)
    assert props is not None, "pom.xml has no <properties>"
    assert props.findtext(f"m:{prop}", namespaces=MAVEN_NS) == pin


def test_conformance_runners_use_the_pinned_runtimes(repo_root: Path) -> None:
    """The Go and Java conformance runners build against the same runtimes as the SDKs they drive."""
    go_mod = go_requirements((repo_root / "conformance/runners/go/go.mod").read_text())
    assert go_mod.get("google.golang.org/protobuf") == toolchain.PROTOC_GEN_GO
    assert go_mod.get("google.golang.org/grpc") == toolchain.GRPC_GO
    assert go_mod.get("google.golang.org/genproto/googleapis/api") == toolchain.GENPROTO_GOOGLEAPIS_API
    runner = ET.parse(repo_root / "conformance/runners/java/pom.xml").getroot()
    sdk = ET.parse(repo_root / "sdk/java/pom.xml").getroot()
    props = runner.find("m:properties", MAVEN_NS)
    assert props is not None, "the Java runner's pom.xml has no <properties>"
    assert props.findtext("m:protobuf.version", namespaces=MAVEN_NS) == toolchain.PROTOBUF_JAVA
    assert props.findtext("m:sdk.version", namespaces=MAVEN_NS) == sdk.findtext("m:version", namespaces=MAVEN_NS)


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
    assert go_requirements(go_mod) == {
        "google.golang.org/grpc": "v1.85.0",
        "google.golang.org/protobuf": "v1.36.12",
        "golang.org/x/net": "v0.40.0",
    }

"""A 15th resource added to the protos yields working clients in all three languages, with no hand-written code.

The shared `extended` fixture (conftest.py) copies the project, derives
`FeatureGroup` (+ its service) from the Project protos by renaming,
regenerates, and this test then uses the new resource
through the generated wrappers: Python against a real `ma-server` (which
serves it without server code), Go and Java compiled by their toolchains and
run against the same server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def server(extended: Path) -> Iterator[str]:
    """ma-server importing the extended Python bindings (PYTHONPATH wins over the installed ones)."""
    env = dict(os.environ, PYTHONPATH=str(extended / "sdk/python/src"))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ma_server.main",
            "--storage",
            "memory://",
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--log-level",
            "warning",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(30)
    try:
        assert line and line[0].strip(), "ma-server did not start"
        yield f"127.0.0.1:{json.loads(line[0])['grpc_port']}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def test_generated_files_exist_in_every_language(extended: Path) -> None:
    assert (extended / "sdk/python/src/michelangelo/api/v2/feature_group_pb2.py").is_file()
    assert (extended / "sdk/go/gen/michelangelo/api/v2/feature_group.pb.go").is_file()
    assert (extended / "sdk/java/src/generated/java/ai/michelangelo/api/v2/FeatureGroup.java").is_file()


GO_SMOKE = """package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	apiv2 "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := client.New(os.Args[1], ma.WithInsecure(), ma.WithDefaultNamespace("feat"))
	if err != nil {
		panic(err)
	}
	defer c.Close()
	_, err = c.FeatureGroups().Create(ctx, &apiv2.FeatureGroup{
		Metadata: &api.ObjectMeta{Name: "from-go"},
		Spec:     &apiv2.FeatureGroupSpec{OwningTeam: "maps"},
	})
	if err != nil {
		panic(err)
	}
	got, err := c.FeatureGroups().Get(ctx, "from-go")
	if err != nil {
		panic(err)
	}
	n := 0
	for _, err := range c.FeatureGroups().List(ctx) {
		if err != nil {
			panic(err)
		}
		n++
	}
	fmt.Println(got.GetKind(), got.GetMetadata().GetName(), n)
}
"""


def test_go_client_for_the_new_resource(extended: Path, server: str) -> None:
    smoke = extended / "sdk/go/cmd/featuresmoke"
    smoke.mkdir(parents=True)
    (smoke / "main.go").write_text(GO_SMOKE)
    run = subprocess.run(
        ["go", "run", "./cmd/featuresmoke", server],
        cwd=extended / "sdk/go",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    kind, name, count = run.stdout.split()
    assert (kind, name) == ("FeatureGroup", "from-go")
    assert int(count) >= 1


JAVA_SMOKE = """
import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.v2.FeatureGroup;
import ai.michelangelo.api.v2.FeatureGroupSpec;
import ai.michelangelo.api.v2.client.MichelangeloClient;

public class FeatureSmoke {
  public static void main(String[] args) {
    try (MichelangeloClient client =
        MichelangeloClient.newBuilder().setTarget(args[0]).setTls(false).setDefaultNamespace("feat").build()) {
      client.featureGroups().create(FeatureGroup.newBuilder()
          .setMetadata(ObjectMeta.newBuilder().setName("from-java"))
          .setSpec(FeatureGroupSpec.newBuilder().setOwningTeam("maps"))
          .build());
      FeatureGroup got = client.featureGroups().get("from-java");
      System.out.println(got.getKind() + " " + got.getMetadata().getName());
    }
  }
}
"""


def test_java_client_for_the_new_resource(extended: Path, java_classpath: str, server: str) -> None:
    java = extended / "sdk/java"
    (java / "FeatureSmoke.java").write_text(JAVA_SMOKE)
    run = subprocess.run(
        ["java", "-cp", java_classpath, "FeatureSmoke.java", server],
        cwd=java,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.split() == ["FeatureGroup", "from-java"]


PY_SMOKE = """
import sys
from michelangelo.api import meta_pb2
from michelangelo.api.v2 import feature_group_pb2, project_pb2
from michelangelo.api.v2.client import Client, ClientConfig

with Client(config=ClientConfig(target=sys.argv[1], tls=False, default_namespace="feat")) as client:
    client.feature_groups.create(feature_group_pb2.FeatureGroup(
        metadata=meta_pb2.ObjectMeta(name="from-python"),
        spec=feature_group_pb2.FeatureGroupSpec(owning_team="maps"),
    ))
    got = client.feature_groups.get("from-python")
    names = [g.metadata.name for g in client.feature_groups.list()]
    # ProjectService also has custom methods in this copy (one named ListProjectsByOwner): its
    # standard methods are still served.
    client.projects.create(project_pb2.Project(
        metadata=meta_pb2.ObjectMeta(name="beside-custom"),
        spec=project_pb2.ProjectSpec(owning_team="maps"),
    ))
    projects = [p.metadata.name for p in client.projects.list()]
    print(got.kind, got.metadata.name, "from-python" in names, projects)
"""


def test_python_client_for_the_new_resource(extended: Path, server: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(extended / "sdk/python/src"))
    run = subprocess.run([sys.executable, "-c", PY_SMOKE, server], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.split() == ["FeatureGroup", "from-python", "True", "['beside-custom']"]

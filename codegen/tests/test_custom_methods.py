"""Custom methods (non-standard RPCs) become typed methods of the generated clients in all three languages.

The shared `extended` copy (conftest.py) adds four custom methods to
ProjectService, one per `(michelangelo.api.method).idempotency` plus a server
stream: ArchiveProject (NON_IDEMPOTENT), SuspendProject (IDEMPOTENT),
CheckProjectQuota (READ_ONLY) and RunProjectChecks (IDEMPOTENT, streaming,
its message in a third file); ListProjectsByOwner (READ_ONLY) is only
generated, not called. ma-server does not serve custom methods, so a
small grpc server (a child process importing the extended bindings) serves
ProjectService with a generic handler: it journals every attempt (method,
the call id the client sent as metadata, the idempotency key) and fails the
first `x-test-fail` attempts of a call with UNAVAILABLE. Each client
(Python sync and asyncio, Go, Java sync and async) runs the same steps and
prints one JSON line per step; the journal shows what reached the server.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SERVER = r"""
import json
import sys
import threading
from concurrent import futures

import grpc

from michelangelo.api import meta_pb2
from michelangelo.api.v2 import project_check_pb2, project_pb2, project_svc_pb2

journal = open(sys.argv[1], "a", buffering=1)
lock = threading.Lock()
attempts: dict[str, int] = {}


def record(method, request, context):
    md = dict(context.invocation_metadata())
    call = md.get("x-test-call", "")
    with lock:
        n = attempts[call] = attempts.get(call, 0) + 1
        journal.write(json.dumps({"method": method, "call": call, "attempt": n, "key": md.get("idempotency-key"),
                                  "name": request.name}) + "\n")
    if n <= int(md.get("x-test-fail", "0")):
        context.abort(grpc.StatusCode.UNAVAILABLE, "injected")


def archive(request, context):
    record("ArchiveProject", request, context)
    meta = meta_pb2.ObjectMeta(namespace=request.namespace, name=request.name, annotations={"archived": request.reason})
    return project_pb2.Project(kind="Project", metadata=meta)


def suspend(request, context):
    record("SuspendProject", request, context)
    return project_svc_pb2.SuspendProjectResponse(suspended_pipelines=len(request.name))


def quota(request, context):
    record("CheckProjectQuota", request, context)
    return project_svc_pb2.CheckProjectQuotaResponse(remaining_gpu_hours=42)


def checks(request, context):
    record("RunProjectChecks", request, context)
    for i in range(request.count):
        yield project_check_pb2.ProjectCheckResult(name=f"check-{i}", passed=i % 2 == 0)


def unary(fn, req, resp):
    return grpc.unary_unary_rpc_method_handler(fn, req.FromString, resp.SerializeToString)


handlers = {
    "ArchiveProject": unary(archive, project_svc_pb2.ArchiveProjectRequest, project_pb2.Project),
    "SuspendProject": unary(suspend, project_svc_pb2.SuspendProjectRequest, project_svc_pb2.SuspendProjectResponse),
    "CheckProjectQuota": unary(
        quota, project_svc_pb2.CheckProjectQuotaRequest, project_svc_pb2.CheckProjectQuotaResponse
    ),
    "RunProjectChecks": grpc.unary_stream_rpc_method_handler(
        checks,
        project_svc_pb2.RunProjectChecksRequest.FromString,
        project_check_pb2.ProjectCheckResult.SerializeToString,
    ),
}
server = grpc.server(futures.ThreadPoolExecutor(8))
server.add_generic_rpc_handlers([grpc.method_handlers_generic_handler("michelangelo.api.v2.ProjectService", handlers)])
port = server.add_insecure_port("127.0.0.1:0")
server.start()
print(port, flush=True)
sys.stdin.read()  # runs until the test closes stdin
server.stop(1).wait(5)
"""

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def custom_server(extended: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(target, journal file) of the loopback server of ProjectService's custom methods."""
    journal = tmp_path_factory.mktemp("custom") / "journal.jsonl"
    journal.touch()
    env = dict(os.environ, PYTHONPATH=str(extended / "sdk/python/src"))
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(30)
    try:
        assert line and line[0].strip().isdigit(), "custom server did not start"
        yield f"127.0.0.1:{line[0].strip()}", journal
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def run_steps(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 300) -> dict[str, Any]:
    run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)
    assert run.returncode == 0, run.stdout + run.stderr
    steps: dict[str, Any] = {}
    for line in run.stdout.splitlines():
        rec = json.loads(line)
        steps[rec.pop("step")] = rec
    return steps


def attempts(journal: Path, call: str) -> list[dict[str, Any]]:
    return [r for r in map(json.loads, journal.read_text().splitlines()) if r["call"] == call]


def check(prefix: str, steps: dict[str, Any], journal: Path) -> None:
    """What every client must have done, from its printed results and the server's journal."""
    assert set(steps) == {
        "archive-once",
        "archive-retry",
        "archive-key",
        "suspend",
        "quota",
        "checks",
        "checks-fail",
    }, steps

    def calls(step: str, method: str) -> list[dict[str, Any]]:
        got = attempts(journal, f"{prefix}-{step}")
        assert got and all(a["method"] == method and a["name"] == "alpha" for a in got), got
        return got

    # NON_IDEMPOTENT: a key, one attempt under the client's default policy...
    assert steps["archive-once"] == {"error": "unavailable"}
    once = calls("archive-once", "ArchiveProject")
    assert len(once) == 1 and UUID4.match(once[0]["key"]), once
    # ... retries only under a policy passed for the call, all attempts with one key; a typed response.
    assert steps["archive-retry"] == {"value": ["Project", "alpha", "old"]}
    retried = calls("archive-retry", "ArchiveProject")
    assert len(retried) == 2 and retried[0]["key"] == retried[1]["key"] and UUID4.match(retried[0]["key"]), retried
    assert once[0]["key"] != retried[0]["key"]
    # The caller's own key.
    assert steps["archive-key"] == {"value": ["Project", "alpha", "old"]}
    assert [a["key"] for a in calls("archive-key", "ArchiveProject")] == [f"key-{prefix}"]
    # IDEMPOTENT: retried by default (two failures), the same key on every attempt.
    assert steps["suspend"] == {"value": [5]}
    suspended = calls("suspend", "SuspendProject")
    assert len(suspended) == 3 and len({a["key"] for a in suspended}) == 1 and UUID4.match(suspended[0]["key"])
    # READ_ONLY: retried by default, no key.
    assert steps["quota"] == {"value": [42]}
    assert [a["key"] for a in calls("quota", "CheckProjectQuota")] == [None, None]
    # Server stream: every message in order, typed; a key (IDEMPOTENT); never retried.
    assert steps["checks"] == {"value": ["check-0:true", "check-1:false", "check-2:true"]}
    streamed = calls("checks", "RunProjectChecks")
    assert len(streamed) == 1 and UUID4.match(streamed[0]["key"]), streamed
    assert steps["checks-fail"] == {"error": "unavailable"}
    assert len(calls("checks-fail", "RunProjectChecks")) == 1


def test_generated_signatures(extended: Path) -> None:
    """The methods exist with the per-call options their idempotency calls for (and only those)."""
    py = (extended / "sdk/python/src/michelangelo/api/v2/project_client.py").read_text()
    archive = py[py.index("    def archive_project(") :]
    archive = archive[: archive.index(") -> project_pb2.Project:")]
    quota = py[py.index("    def check_project_quota(") :]
    quota = quota[: quota.index(") -> project_svc_pb2.CheckProjectQuotaResponse:")]
    assert "idempotency_key" in archive and "retry" in archive
    assert "idempotency_key" not in quota and "retry" in quota
    assert "from michelangelo.api.v2 import project_check_pb2, project_pb2" in py
    go = (extended / "sdk/go/gen/client/project.go").read_text()
    assert re.search(r"projectArchiveProject += rt\.Method\{[^}]*, Write: true, Idempotent: false\}", go)
    assert re.search(r"projectCheckProjectQuota += rt\.Method\{[^}]*, Write: false, Idempotent: true\}", go)
    assert "func (c *ProjectClient) RunProjectChecks(ctx context.Context, req *apiv2.RunProjectChecksRequest" in go
    java = (extended / "sdk/java/src/generated/java/ai/michelangelo/api/v2/client/ProjectClient.java").read_text()
    assert "public ServerStream<ProjectCheckResult> runProjectChecks(RunProjectChecksRequest request)" in java
    assert "public CompletableFuture<Project> archiveProjectAsync(" in java
    # A List-like name is still custom when it is not List<Kinds>: a read-only method returning the list type.
    assert "    def list_projects_by_owner(\n" in py and "func (c *ProjectClient) ListProjectsByOwner(" in go
    assert "public ProjectList listProjectsByOwner(ListProjectsByOwnerRequest request)" in java


def test_generated_python_passes_mypy_strict(extended: Path) -> None:
    """The custom methods' signatures (AsyncIterator, extra pb2 module, ...) type-check like the rest of the SDK."""
    src = extended / "sdk/python/src"
    mypy = Path(sys.executable).parent / "mypy"
    config = Path(__file__).resolve().parents[2] / "mypy.ini"
    run = subprocess.run(
        [str(mypy), "--strict", "--config-file", str(config), "--no-incremental", "-p", "michelangelo.api.v2"],
        cwd=src,
        capture_output=True,
        text=True,
        env=dict(os.environ, MYPYPATH=str(src)),
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]


PY_STEPS = r"""
import asyncio
import json
import sys

from michelangelo.api.v2 import project_svc_pb2
from michelangelo.api.v2.client import AsyncClient, Client, ClientConfig, Retry, Unavailable

target, prefix, mode = sys.argv[1:]
FAST = Retry(initial=0.01, maximum=0.05, attempts=3)


def md(step, fail=0):
    return [("x-test-call", f"{prefix}-{step}"), ("x-test-fail", str(fail))]


def out(step, value=None, error=None):
    print(json.dumps({"step": step, **({"error": error} if error else {"value": value})}))


def archived(p):
    return [p.kind, p.metadata.name, p.metadata.annotations["archived"]]


archive = project_svc_pb2.ArchiveProjectRequest(namespace="ns", name="alpha", reason="old")
quota = project_svc_pb2.CheckProjectQuotaRequest(namespace="ns", name="alpha")
suspend = project_svc_pb2.SuspendProjectRequest(namespace="ns", name="alpha")
run = project_svc_pb2.RunProjectChecksRequest(namespace="ns", name="alpha", count=3)
config = ClientConfig(target=target, tls=False)


def sync():
    with Client(config=config) as client:
        p = client.projects
        try:
            p.archive_project(archive, metadata=md("archive-once", 1))
        except Unavailable:
            out("archive-once", error="unavailable")
        out("archive-retry", archived(p.archive_project(archive, retry=FAST, metadata=md("archive-retry", 1))))
        got = p.archive_project(archive, idempotency_key=f"key-{prefix}", metadata=md("archive-key"))
        out("archive-key", archived(got))
        out("suspend", [p.suspend_project(suspend, metadata=md("suspend", 2)).suspended_pipelines])
        out("quota", [p.check_project_quota(quota, metadata=md("quota", 1)).remaining_gpu_hours])
        out("checks", [f"{r.name}:{str(r.passed).lower()}" for r in p.run_project_checks(run, metadata=md("checks"))])
        try:
            list(p.run_project_checks(run, metadata=md("checks-fail", 1)))
        except Unavailable:
            out("checks-fail", error="unavailable")


async def aio():
    async with AsyncClient(config=config) as client:
        p = client.projects
        try:
            await p.archive_project(archive, metadata=md("archive-once", 1))
        except Unavailable:
            out("archive-once", error="unavailable")
        out("archive-retry", archived(await p.archive_project(archive, retry=FAST, metadata=md("archive-retry", 1))))
        got = await p.archive_project(archive, idempotency_key=f"key-{prefix}", metadata=md("archive-key"))
        out("archive-key", archived(got))
        out("suspend", [(await p.suspend_project(suspend, metadata=md("suspend", 2))).suspended_pipelines])
        out("quota", [(await p.check_project_quota(quota, metadata=md("quota", 1))).remaining_gpu_hours])
        stream = p.run_project_checks(run, metadata=md("checks"))
        out("checks", [f"{r.name}:{str(r.passed).lower()}" async for r in stream])
        try:
            [r async for r in p.run_project_checks(run, metadata=md("checks-fail", 1))]
        except Unavailable:
            out("checks-fail", error="unavailable")


sync() if mode == "sync" else asyncio.run(aio())
"""


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_python_client_calls_custom_methods(extended: Path, custom_server: tuple[str, Path], mode: str) -> None:
    target, journal = custom_server
    prefix = f"py-{mode}"
    env = dict(os.environ, PYTHONPATH=str(extended / "sdk/python/src"))
    steps = run_steps([sys.executable, "-c", PY_STEPS, target, prefix, mode], extended, env=env, timeout=120)
    check(prefix, steps, journal)


GO_STEPS = """package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	apiv2 "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
)

var prefix = "go"

func out(step string, value any, err error) {
	rec := map[string]any{"step": step, "value": value}
	if err != nil {
		delete(rec, "value")
		rec["error"] = err.Error()
		if ma.IsUnavailable(err) {
			rec["error"] = "unavailable"
		}
	}
	b, _ := json.Marshal(rec)
	fmt.Println(string(b))
}

func md(step string, fail int) []ma.CallOption {
	return []ma.CallOption{
		ma.WithMetadata("x-test-call", prefix+"-"+step),
		ma.WithMetadata("x-test-fail", strconv.Itoa(fail)),
	}
}

func archived(p *apiv2.Project) []string {
	return []string{p.GetKind(), p.GetMetadata().GetName(), p.GetMetadata().GetAnnotations()["archived"]}
}

func checks(ctx context.Context, p *client.ProjectClient, opts []ma.CallOption) ([]string, error) {
	var got []string
	req := &apiv2.RunProjectChecksRequest{Namespace: "ns", Name: "alpha", Count: 3}
	for r, err := range p.RunProjectChecks(ctx, req, opts...) {
		if err != nil {
			return nil, err
		}
		got = append(got, r.GetName()+":"+strconv.FormatBool(r.GetPassed()))
	}
	return got, nil
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, err := client.New(os.Args[1], ma.WithInsecure())
	if err != nil {
		panic(err)
	}
	defer c.Close()
	p := c.Projects()
	archive := &apiv2.ArchiveProjectRequest{Namespace: "ns", Name: "alpha", Reason: "old"}
	_, err = p.ArchiveProject(ctx, archive, md("archive-once", 1)...)
	out("archive-once", nil, err)
	fast := ma.WithCallRetry(ma.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Steps: 3})
	got, err := p.ArchiveProject(ctx, archive, append(md("archive-retry", 1), fast)...)
	out("archive-retry", archived(got), err)
	got, err = p.ArchiveProject(ctx, archive, append(md("archive-key", 0), ma.WithIdempotencyKey("key-"+prefix))...)
	out("archive-key", archived(got), err)
	s, err := p.SuspendProject(ctx, &apiv2.SuspendProjectRequest{Name: "alpha"}, md("suspend", 2)...)
	out("suspend", []int32{s.GetSuspendedPipelines()}, err)
	q, err := p.CheckProjectQuota(ctx, &apiv2.CheckProjectQuotaRequest{Name: "alpha"}, md("quota", 1)...)
	out("quota", []int64{q.GetRemainingGpuHours()}, err)
	names, err := checks(ctx, p, md("checks", 0))
	out("checks", names, err)
	_, err = checks(ctx, p, md("checks-fail", 1))
	out("checks-fail", nil, err)
}
"""


def test_go_client_calls_custom_methods(extended: Path, custom_server: tuple[str, Path]) -> None:
    target, journal = custom_server
    smoke = extended / "sdk/go/cmd/customsteps"
    smoke.mkdir(parents=True, exist_ok=True)
    (smoke / "main.go").write_text(GO_STEPS)
    steps = run_steps(["go", "run", "./cmd/customsteps", target], extended / "sdk/go")
    check("go", steps, journal)


JAVA_STEPS = """
import ai.michelangelo.api.v2.ArchiveProjectRequest;
import ai.michelangelo.api.v2.CheckProjectQuotaRequest;
import ai.michelangelo.api.v2.Project;
import ai.michelangelo.api.v2.ProjectCheckResult;
import ai.michelangelo.api.v2.RunProjectChecksRequest;
import ai.michelangelo.api.v2.SuspendProjectRequest;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.api.v2.client.ProjectClient;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.RetrySettings;
import ai.michelangelo.sdk.ServerStream;
import ai.michelangelo.sdk.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Callable;

public class CustomSteps {
  static String prefix;

  static CallOptions.Builder md(String step, int fail) {
    return CallOptions.newBuilder()
        .addMetadata("x-test-call", prefix + "-" + step)
        .addMetadata("x-test-fail", Integer.toString(fail));
  }

  static String json(Object v) {
    if (v instanceof String s) {
      return "\\"" + s + "\\"";
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(json(o));
      }
      return "[" + String.join(",", parts) + "]";
    }
    return String.valueOf(v);
  }

  static void out(String step, Callable<Object> fn) {
    String rec;
    try {
      rec = "\\"value\\":" + json(fn.call());
    } catch (Exception e) {
      Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      rec = "\\"error\\":" + json(t instanceof UnavailableException ? "unavailable" : t.toString());
    }
    System.out.println("{\\"step\\":\\"" + step + "\\"," + rec + "}");
  }

  static List<Object> archived(Project p) {
    return List.of(p.getKind(), p.getMetadata().getName(), p.getMetadata().getAnnotationsOrThrow("archived"));
  }

  static List<Object> checks(ProjectClient p, RunProjectChecksRequest run, CallOptions o, boolean async)
      throws Exception {
    List<Object> got = new ArrayList<>();
    try (ServerStream<ProjectCheckResult> s = p.runProjectChecks(run, o)) {
      if (async) {
        s.forEachAsync(r -> got.add(r.getName() + ":" + r.getPassed()), ForkJoinPool.commonPool()).join();
      } else {
        for (ProjectCheckResult r : s) {
          got.add(r.getName() + ":" + r.getPassed());
        }
      }
    }
    return got;
  }

  public static void main(String[] args) {
    boolean async = args[1].equals("async");
    prefix = async ? "java-async" : "java-sync";
    try (MichelangeloClient client =
        MichelangeloClient.newBuilder().setTarget(args[0]).setTls(false).build()) {
      ProjectClient p = client.projects();
      ArchiveProjectRequest archive =
          ArchiveProjectRequest.newBuilder().setNamespace("ns").setName("alpha").setReason("old").build();
      RetrySettings fast =
          RetrySettings.newBuilder()
              .setInitialBackoff(Duration.ofMillis(10))
              .setMaxBackoff(Duration.ofMillis(50))
              .setMaxAttempts(3)
              .build();
      SuspendProjectRequest suspend = SuspendProjectRequest.newBuilder().setName("alpha").build();
      CheckProjectQuotaRequest quota = CheckProjectQuotaRequest.newBuilder().setName("alpha").build();
      RunProjectChecksRequest run =
          RunProjectChecksRequest.newBuilder().setNamespace("ns").setName("alpha").setCount(3).build();
      CallOptions key = md("archive-key", 0).setIdempotencyKey("key-" + prefix).build();
      CallOptions retry = md("archive-retry", 1).setRetrySettings(fast).build();
      if (async) {
        out("archive-once", () -> p.archiveProjectAsync(archive, md("archive-once", 1).build()).join());
        out("archive-retry", () -> archived(p.archiveProjectAsync(archive, retry).join()));
        out("archive-key", () -> archived(p.archiveProjectAsync(archive, key).join()));
        out("suspend", () -> List.of(p.suspendProjectAsync(suspend, md("suspend", 2).build()).join()
            .getSuspendedPipelines()));
        out("quota", () -> List.of(p.checkProjectQuotaAsync(quota, md("quota", 1).build()).join()
            .getRemainingGpuHours()));
      } else {
        out("archive-once", () -> p.archiveProject(archive, md("archive-once", 1).build()));
        out("archive-retry", () -> archived(p.archiveProject(archive, retry)));
        out("archive-key", () -> archived(p.archiveProject(archive, key)));
        out("suspend", () -> List.of(p.suspendProject(suspend, md("suspend", 2).build()).getSuspendedPipelines()));
        out("quota", () -> List.of(p.checkProjectQuota(quota, md("quota", 1).build()).getRemainingGpuHours()));
      }
      out("checks", () -> checks(p, run, md("checks", 0).build(), async));
      out("checks-fail", () -> checks(p, run, md("checks-fail", 1).build(), async));
    }
  }
}
"""


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_java_client_calls_custom_methods(
    extended: Path, java_classpath: str, custom_server: tuple[str, Path], mode: str
) -> None:
    target, journal = custom_server
    java = extended / "sdk/java"
    (java / "CustomSteps.java").write_text(JAVA_STEPS)
    steps = run_steps(["java", "-cp", java_classpath, "CustomSteps.java", target, mode], java, timeout=120)
    check(f"java-{mode}", steps, journal)

"""SDK wrapper overhead: Get through each language's generated client vs its raw stub, same server, same run.

For every language the raw stub and the wrapper alternate round by round on
the same server and connection, and the figure reported is the median of the
rounds, so machine noise hits both sides alike. Goals: overhead <= 5% Python,
<= 3% Go and Java. Overhead = 1 - wrapper calls/s / raw calls/s.

The server answers GetProject from memory (Python: a raw grpc.aio server in
a child process; Go and Java: an in-process server of their own), because
against ma-server (~3-4k calls/s on 2 cores) the server is the bottleneck
and its noise hides the client-side cost being measured.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import grpc
import server_bench

from michelangelo.api.v2 import project_svc_pb2, project_svc_pb2_grpc
from michelangelo.api.v2.client import Client, ClientConfig

ROOT = Path(__file__).resolve().parents[1]
NAMESPACE, NAME = "bench", "p0"


def start_raw_server() -> tuple[subprocess.Popen[str], int]:
    """The raw grpc.aio server of server_bench.py, answering GetProject with a fixed Project."""
    answer = server_bench.sample_project(NAME)
    answer.metadata.namespace = NAMESPACE
    proc = subprocess.Popen(
        [sys.executable, "-c", server_bench.RAW_SERVER, answer.SerializeToString().hex()],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(30)
    if not line or not line[0].strip():
        proc.kill()
        raise SystemExit("sdk bench: the raw server did not start")
    return proc, int(line[0])


def rate(call: Callable[[], object], calls: int, concurrency: int) -> float:
    """Calls per second of `concurrency` threads making `calls` calls in all (bounded to 20 s)."""
    deadline = time.perf_counter() + 20.0
    per_thread = calls // concurrency

    def worker() -> int:
        done = 0
        while done < per_thread and time.perf_counter() < deadline:
            call()
            done += 1
        return done

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        total = sum(pool.map(lambda _: worker(), range(concurrency)))
    return total / (time.perf_counter() - start)


def python_rounds(target: str, rounds: int, calls: int, concurrency: int) -> tuple[list[float], list[float]]:
    raw_rates, wrapper_rates = [], []
    with grpc.insecure_channel(target) as channel, Client(config=ClientConfig(target=target, tls=False)) as client:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        request = project_svc_pb2.GetProjectRequest(namespace=NAMESPACE, name=NAME)

        def raw() -> object:
            return stub.GetProject(request, timeout=30)

        def wrapper() -> object:
            return client.projects.get(NAME, namespace=NAMESPACE, timeout=30)

        for fn in (raw, wrapper):
            for _ in range(200):
                fn()
        for _ in range(rounds):
            raw_rates.append(rate(raw, calls, concurrency))
            wrapper_rates.append(rate(wrapper, calls, concurrency))
    return raw_rates, wrapper_rates


def parse_rounds(output: str) -> tuple[list[float], list[float]]:
    raw, wrapper = [], []
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("raw", "wrapper"):
            (raw if parts[0] == "raw" else wrapper).append(float(parts[1]))
    if not raw or len(raw) != len(wrapper):
        raise SystemExit(f"sdk bench: unexpected output:\n{output}")
    return raw, wrapper


def go_rounds(target: str, rounds: int, calls: int, concurrency: int) -> tuple[list[float], list[float]]:
    out = subprocess.run(
        [
            "go",
            "run",
            "./internal/getbench",
            "-target",
            target,
            "-rounds",
            str(rounds),
            "-calls",
            str(calls),
            "-concurrency",
            str(concurrency),
        ],
        cwd=ROOT / "sdk/go",
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    return parse_rounds(out)


def java_rounds(target: str, rounds: int, calls: int, concurrency: int) -> tuple[list[float], list[float]]:
    java = ROOT / "sdk/java"
    mvn = ["mvn", "-B", "-q", "-ntp"]
    subprocess.run([*mvn, "-DskipTests", "test-compile"], cwd=java, check=True, timeout=600)
    subprocess.run(
        [*mvn, "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt"],
        cwd=java,
        check=True,
        timeout=300,
    )
    cp = f"target/classes:target/test-classes:{(java / 'target/classpath.txt').read_text().strip()}"
    out = subprocess.run(
        ["java", "-cp", cp, "ai.michelangelo.sdk.client.GetBench", target, str(rounds), str(calls), str(concurrency)],
        cwd=java,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    return parse_rounds(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--calls", type=int, default=4000)
    parser.add_argument("--native-calls", type=int, default=30000, help="calls per phase for Go and Java")
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    proc, port = start_raw_server()
    try:
        python = python_rounds(f"127.0.0.1:{port}", args.rounds, args.calls, args.concurrency)
    finally:
        proc.terminate()
        proc.wait(15)
    results = {
        "Python": python,
        "Go": go_rounds("inprocess", args.rounds, args.native_calls, args.concurrency),
        "Java": java_rounds("inprocess", args.rounds, args.native_calls, args.concurrency),
    }
    goals = {"Python": 5.0, "Go": 3.0, "Java": 3.0}
    print(
        f"sdk bench: Get via wrapper vs raw stub, {args.concurrency} concurrent callers, median of {args.rounds} rounds"
    )
    for lang, (raw, wrapper) in results.items():
        r, w = statistics.median(raw), statistics.median(wrapper)
        overhead = (1 - w / r) * 100
        print(
            f"  {lang:<6} raw {r:8.0f} calls/s   wrapper {w:8.0f} calls/s   overhead {overhead:5.1f}% "
            f"(goal <= {goals[lang]:.0f}%)"
        )


if __name__ == "__main__":
    main()

"""Codegen benchmark: `ma-codegen generate` vs the raw plugin runs it wraps, and a no-op generate.

Every figure is the median of --runs runs measured in this process, side by
side, so machine noise hits both sides alike. The raw baseline runs protoc
once per plugin of buf.gen.yaml on the same files with the same pinned tools -
what a hand-written Makefile would do - and sums their times: the third-party
plugins, and ours (`ma_codegen.plugins.*`, each formatting its own output as
it does under buf, without the pipeline's format cache).

`generate --force` is measured twice: as an API designer runs it (the format
cache of earlier runs in place, so only changed files reach the formatters)
and cold (cache emptied first, every file formatted).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import grpc_tools
import yaml
from google.protobuf.compiler import plugin_pb2

from ma_codegen import toolchain
from ma_codegen.generate import generate
from ma_codegen.project import find_root, tool_env

ROOT = find_root(Path(__file__).resolve().parent)
# Our plugins of buf.gen.yaml with no third-party equivalent in the raw set (grpc_python wraps
# grpc_tools.protoc, which the raw set runs directly).
OURS = ("mypy_grpc", "python_packages", "ma_python", "ma_go", "ma_java")
FORMAT_CACHE = toolchain.toolchain_dir(ROOT) / "format-cache"
FORMAT_CACHE_ENV = "MA_CODEGEN_FORMAT_CACHE"


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _cpu() -> float:
    """CPU seconds of this process and its waited-for children (buf, plugins, formatters): less load-sensitive."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _measured(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of fn()."""
    cpu = _cpu()
    wall = _timed(fn)
    return wall, _cpu() - cpu


def raw_plugin_runs(out: Path) -> dict[str, list[str]]:
    """One protoc command per plugin of buf.gen.yaml, writing under `out`."""
    bin_dir = toolchain.bin_dir(ROOT)
    protoc = str(bin_dir / "protoc")
    files = sorted(p.relative_to(ROOT / "proto").as_posix() for p in (ROOT / "proto").rglob("*.proto"))
    # The Maven protoc binary ships no well-known types; grpcio-tools carries them.
    wkt = Path(grpc_tools.__file__).parent / "_proto"
    inc = [
        "-I",
        str(ROOT / "proto"),
        "-I",
        str(toolchain.include_dir(ROOT)),
        "-I",
        str(wkt),
    ]
    go_opt = "module=github.com/michelangelo-ai/apikit/sdk/go/gen"
    go_map = [f"M{f}=github.com/michelangelo-ai/apikit/sdk/go/gen/{Path(f).parent}" for f in files]
    runs: dict[str, list[str]] = {}
    for name, flags in {
        "python": ["--python_out"],
        "mypy": [
            f"--plugin=protoc-gen-mypy={Path(sys.executable).parent / 'protoc-gen-mypy'}",
            "--mypy_opt=quiet",
            "--mypy_out",
        ],
        "java": ["--java_out"],
        "grpc-java": [
            f"--plugin=protoc-gen-grpc-java={bin_dir / 'protoc-gen-grpc-java'}",
            "--grpc-java_out",
        ],
        "go": [
            f"--plugin=protoc-gen-go={bin_dir / 'protoc-gen-go'}",
            f"--go_opt={go_opt}",
            "--go_out",
        ],
        "go-grpc": [
            f"--plugin=protoc-gen-go-grpc={bin_dir / 'protoc-gen-go-grpc'}",
            f"--go-grpc_opt={go_opt}",
            "--go-grpc_out",
        ],
    }.items():
        dest = out / name
        dest.mkdir(parents=True)
        *plugin, out_flag = flags
        extra = [f"--go_opt={m}" for m in go_map] if name == "go" else []
        extra += [f"--go-grpc_opt={m}" for m in go_map] if name == "go-grpc" else []
        runs[name] = [protoc, *inc, *plugin, *extra, f"{out_flag}={dest}", *files]
    runs["grpc-python"] = [
        sys.executable,
        "-m",
        "grpc_tools.protoc",
        *inc,
        f"--grpc_python_out={out / 'grpc-python'}",
        *files,
    ]
    (out / "grpc-python").mkdir(parents=True)
    return runs


def plugin_request() -> bytes:
    """The CodeGeneratorRequest buf hands our plugins (managed mode applied), for all files at once.

    Our plugins read go_package and java_package, which only buf's managed mode
    sets, so their raw runs get buf's request on stdin instead of protoc's.
    """
    config = yaml.safe_load((ROOT / "buf.gen.yaml").read_text())
    with tempfile.TemporaryDirectory(prefix="ma-bench-request-") as tmp:
        dump = Path(tmp) / "request.binpb"
        script = Path(tmp) / "dump.py"
        script.write_text(
            "import sys\n"
            f"open({str(dump)!r}, 'wb').write(sys.stdin.buffer.read())\n"
            "sys.stdout.buffer.write(bytes([0x10, 1]))\n"  # a response: no files, FEATURE_PROTO3_OPTIONAL
        )
        template = Path(tmp) / "buf.gen.yaml"
        plugin = {"local": [sys.executable, str(script)], "out": str(Path(tmp) / "out"), "strategy": "all"}
        template.write_text(json.dumps({**config, "plugins": [plugin]}))
        subprocess.run(
            [str(toolchain.tool_path(ROOT, "buf")), "generate", "--template", str(template)],
            check=True,
            cwd=ROOT,
            env=tool_env(),
        )
        return dump.read_bytes()


def raw_total(request: bytes) -> tuple[float, dict[str, float], dict[str, float]]:
    """Total wall time, wall time per plugin, CPU time per plugin."""
    env = tool_env()
    env.pop(FORMAT_CACHE_ENV, None)  # a raw plugin run formats everything itself
    with tempfile.TemporaryDirectory(prefix="ma-bench-raw-") as tmp:
        parts: dict[str, float] = {}
        cpu: dict[str, float] = {}
        for name, cmd in raw_plugin_runs(Path(tmp)).items():
            parts[name], cpu[name] = _measured(lambda cmd=cmd: subprocess.run(cmd, check=True, env=env))
        for module in OURS:
            # In the project root, as buf runs plugins (ma_java finds google-java-format there).
            cmd = [sys.executable, "-m", f"ma_codegen.plugins.{module}"]
            procs: list[subprocess.CompletedProcess[bytes]] = []
            parts[module], cpu[module] = _measured(
                lambda cmd=cmd, procs=procs: procs.append(
                    subprocess.run(cmd, input=request, capture_output=True, check=True, env=env, cwd=ROOT)
                )
            )
            response = plugin_pb2.CodeGeneratorResponse.FromString(procs[0].stdout)
            if response.error or not response.file:
                raise SystemExit(f"raw run of {module} failed: {response.error or 'no files'}")
        return sum(parts.values()), parts, cpu


def cold_generate() -> None:
    shutil.rmtree(FORMAT_CACHE, ignore_errors=True)
    generate(ROOT, force=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    generate(ROOT, force=True)  # warm caches and make sure the stamp is current
    request = plugin_request()
    full, cold, raw, noop = [], [], [], []
    full_cpu, cold_cpu = [], []
    raw_parts: list[dict[str, float]] = []
    raw_cpu: list[dict[str, float]] = []
    for _ in range(args.runs):
        wall, cpu = _measured(lambda: generate(ROOT, force=True))
        full.append(wall)
        full_cpu.append(cpu)
        total, parts, part_cpu = raw_total(request)
        raw.append(total)
        raw_parts.append(parts)
        raw_cpu.append(part_cpu)
        wall, cpu = _measured(cold_generate)
        cold.append(wall)
        cold_cpu.append(cpu)
        noop.append(_timed(lambda: generate(ROOT)))
    med = statistics.median
    third = med([sum(v for k, v in p.items() if k not in OURS) for p in raw_parts])
    third_cpu = med([sum(v for k, v in p.items() if k not in OURS) for p in raw_cpu])
    every_cpu = med([sum(p.values()) for p in raw_cpu])
    med_raw, med_noop = med(raw), med(noop)
    files = len(list((ROOT / "proto").rglob("*.proto")))
    print(f"codegen bench: {files} proto files, median of {args.runs} runs (wall time; CPU time in brackets)")
    for name in raw_parts[0]:
        mark = "  (ours)" if name in OURS else ""
        wall_ms, cpu_ms = med(p[name] for p in raw_parts) * 1000, med(p[name] for p in raw_cpu) * 1000
        print(f"  raw {name:<16} {wall_ms:8.1f} ms [{cpu_ms:8.1f}]{mark}")
    print(f"  raw sum, third-party plugins    {third * 1000:8.1f} ms [{third_cpu * 1000:8.1f}]")
    print(f"  raw sum, every plugin           {med_raw * 1000:8.1f} ms [{every_cpu * 1000:8.1f}]")
    for label, walls, cpus in (
        ("generate --force", full, full_cpu),
        ("generate --force, cold cache", cold, cold_cpu),
    ):
        wall, cpu = med(walls), med(cpus)
        print(
            f"  {label:<31} {wall * 1000:8.1f} ms [{cpu * 1000:8.1f}]   ratio {wall / med_raw:.2f}x of every plugin, "
            f"{wall / third:.2f}x of third-party [CPU {cpu / every_cpu:.2f}x, {cpu / third_cpu:.2f}x]"
        )
    print(f"  {'generate no-op':<31} {med_noop * 1000:8.1f} ms   ratio {med_noop / med_raw:.3f}x of every plugin")


if __name__ == "__main__":
    main()

"""Codegen benchmark: `ma-codegen generate` vs the raw plugin runs it wraps, and a no-op generate.

Every figure is the median of --runs runs measured in this process, side by
side, so machine noise hits both sides alike. The raw baseline runs protoc
once per plugin on the same files with the same pinned tools - what a
hand-written Makefile would do - and sums their times.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import grpc_tools

from ma_codegen import toolchain
from ma_codegen.generate import generate
from ma_codegen.project import find_root, tool_env

ROOT = find_root(Path(__file__).resolve().parent)


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


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


def raw_total() -> tuple[float, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="ma-bench-raw-") as tmp:
        parts: dict[str, float] = {}
        for name, cmd in raw_plugin_runs(Path(tmp)).items():
            parts[name] = _timed(lambda cmd=cmd: subprocess.run(cmd, check=True, env=tool_env()))
        return sum(parts.values()), parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    generate(ROOT)  # warm caches and make sure the stamp is current
    full, raw, noop = [], [], []
    raw_parts: list[dict[str, float]] = []
    for _ in range(args.runs):
        full.append(_timed(lambda: generate(ROOT, force=True)))
        total, parts = raw_total()
        raw.append(total)
        raw_parts.append(parts)
        noop.append(_timed(lambda: generate(ROOT)))
    med_full, med_raw, med_noop = (statistics.median(x) for x in (full, raw, noop))
    files = len(list((ROOT / "proto").rglob("*.proto")))
    print(f"codegen bench: {files} proto files, median of {args.runs} runs")
    for name in raw_parts[0]:
        print(f"  raw {name:<12} {statistics.median(p[name] for p in raw_parts) * 1000:8.1f} ms")
    print(f"  raw plugin runs, sum      {med_raw * 1000:8.1f} ms")
    print(f"  ma-codegen generate       {med_full * 1000:8.1f} ms   ratio {med_full / med_raw:.2f}x of raw sum")
    print(f"  ma-codegen generate no-op {med_noop * 1000:8.1f} ms   ratio {med_noop / med_raw:.3f}x of raw sum")


if __name__ == "__main__":
    main()

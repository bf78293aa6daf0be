"""The glibc tuning that keeps large request buffers in the heap (ma_server.allocator)."""

from __future__ import annotations

import ctypes
import ctypes.util
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import grpc
import pytest
from api_server import ServerProcess

from ma_server import allocator
from ma_server.main import parse_args
from michelangelo.api import meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2


def _is_glibc() -> bool:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    return hasattr(libc, "gnu_get_libc_version")


def test_the_flag_defaults_to_32_mib_and_refuses_what_glibc_cannot_take() -> None:
    assert parse_args([]).malloc_retain_bytes == allocator.DEFAULT_RETAIN_BYTES == 32 * 1024 * 1024
    assert parse_args(["--malloc-retain-bytes", "0"]).malloc_retain_bytes == 0
    for bad in ("-1", str(allocator.MAX_RETAIN_BYTES + 1)):
        with pytest.raises(SystemExit):
            parse_args(["--malloc-retain-bytes", bad])


def test_zero_or_the_operators_environment_leave_the_allocator_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    assert allocator.retain_large_buffers(0) is False
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "131072")
    assert allocator.retain_large_buffers(allocator.DEFAULT_RETAIN_BYTES) is False
    with pytest.raises(ValueError, match="at most"):
        monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_")
        allocator.retain_large_buffers(allocator.MAX_RETAIN_BYTES + 1)


def _server_page_faults(tmp_path: Path, retain: int, requests: int = 64) -> int:
    """Minor page faults of a real ma-server while it refuses `requests` gRPC creates of 3.9 MiB
    (8 at a time), as the hostile bench sends them."""
    labels = {f"k{i:07d}": "v" * 50 for i in range(62_000)}
    body = project_svc_pb2.CreateProjectRequest(
        project=project_pb2.Project(metadata=meta_pb2.ObjectMeta(name="big", namespace="ns", labels=labels))
    ).SerializeToString()
    server = ServerProcess("memory://", tmp_path / f"server-{retain}.log", "--malloc-retain-bytes", str(retain))
    server.start()
    try:
        assert server.proc is not None
        channel = grpc.insecure_channel(server.target, options=[("grpc.max_send_message_length", 64 << 20)])
        create = channel.unary_unary("/michelangelo.api.v2.ProjectService/CreateProject")

        def one(_: int) -> None:
            with pytest.raises(grpc.RpcError) as e:
                create(body, timeout=30)
            assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT

        def faults() -> int:
            fields = (Path("/proc") / str(server.proc.pid) / "stat").read_text().rsplit(")", 1)[1].split()  # type: ignore[union-attr]
            return int(fields[7])  # minflt

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(one, range(8)))  # warm up
            before = faults()
            list(pool.map(one, range(requests)))
        channel.close()
        return faults() - before
    finally:
        server.stop()


def test_large_messages_fault_fewer_pages_into_a_tuned_server(tmp_path: Path) -> None:
    tuned, default = _server_page_faults(tmp_path, allocator.DEFAULT_RETAIN_BYTES), _server_page_faults(tmp_path, 0)
    if not _is_glibc():  # musl, macOS: the flag changes nothing
        return
    # Measured: ~330 faults per request tuned, 540-920 with glibc's defaults (a 4 MiB buffer is 1,024 pages).
    assert tuned < default, (tuned, default)


def test_glibc_takes_the_settings() -> None:
    changed = subprocess.run(
        [sys.executable, "-c", "from ma_server import allocator; print(allocator.retain_large_buffers(1 << 25))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert changed == str(_is_glibc())

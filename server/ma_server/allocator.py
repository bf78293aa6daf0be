"""Keeping large request buffers in the heap instead of mapping fresh pages for each (glibc).

Every gRPC request reaches Python as one `bytes` copied out of grpc core's
slices (in grpc's Cython layer, on the event loop), and a large body is read
the same way over HTTP. glibc serves an allocation of that size with a fresh
`mmap` and returns it with `munmap` when freed, so each 4 MiB message also
page-faults 1,024 zeroed pages in, on the loop, before any handler runs. glibc
adapts its mmap threshold upwards by itself, but only after a freed mapping
and only up to the size seen; with the threshold and the trim threshold at
`retain_bytes`, messages up to that size come from (and return to) the heap,
which keeps at most `retain_bytes` of free memory at its top instead of giving
it back at once.

Measured (bench/hostile_bench.py, 6 s rounds alternated on one machine): Get
p99 under the hostile load 9.5 and 9.6 ms with glibc's defaults, 7.6 and
8.5 ms with 32 MiB, while the server answered ~5% more hostile requests.

`--malloc-retain-bytes` (ma-server) sets it; 0 leaves the allocator as it is,
and so do explicit `MALLOC_MMAP_THRESHOLD_` / `MALLOC_TRIM_THRESHOLD_`
environment variables (the operator's choice wins). Elsewhere than glibc
(musl, macOS) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
from typing import Final

log = logging.getLogger("ma_server.allocator")

DEFAULT_RETAIN_BYTES: Final = 32 * 1024 * 1024
# glibc's malloc.h parameter numbers for mallopt(3).
_M_TRIM_THRESHOLD: Final = -1
_M_MMAP_THRESHOLD: Final = -3
# glibc refuses an mmap threshold above HEAP_MAX_SIZE / 2 (32 MiB on 64-bit).
MAX_RETAIN_BYTES: Final = 32 * 1024 * 1024
_ENV: Final = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")


def retain_large_buffers(retain_bytes: int) -> bool:
    """Serve allocations up to `retain_bytes` from the heap and keep that much free at its top.
    Returns whether the allocator was changed."""
    if retain_bytes <= 0 or any(name in os.environ for name in _ENV):
        return False
    if not 0 < retain_bytes <= MAX_RETAIN_BYTES:
        raise ValueError(f"--malloc-retain-bytes must be at most {MAX_RETAIN_BYTES}")
    mallopt = _glibc_mallopt()
    if mallopt is None:
        return False
    ok = bool(mallopt(_M_MMAP_THRESHOLD, retain_bytes) == 1 and mallopt(_M_TRIM_THRESHOLD, retain_bytes) == 1)
    if not ok:
        log.warning("mallopt refused the large-buffer settings; the allocator keeps its defaults")
    return ok


def _glibc_mallopt() -> ctypes._NamedFuncPointer | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        if not hasattr(libc, "gnu_get_libc_version"):  # not glibc: its mallopt numbers mean nothing there
            return None
        fn = libc.mallopt
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_int]
    fn.restype = ctypes.c_int
    return fn

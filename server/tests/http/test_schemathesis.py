"""A bounded schemathesis run against a real server: generated requests for every
non-streaming operation of /openapi.json must never get a 5xx."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from ma_http_support import RealServer

# Watch operations stream until the client leaves; they are covered by the watch tests.
EXCLUDE = "^Watch"
# 2 examples for each of 140 operations (~280 requests, ~30 s here); --max-time would
# instead repeat fuzzing until the budget is spent.
TIME_BUDGET_S = 85


def _schemathesis() -> str | None:
    local = Path(sys.executable).parent / "schemathesis"
    return str(local) if local.exists() else shutil.which("schemathesis")


def test_no_server_errors(real_server: RealServer, tmp_path: Path) -> None:
    exe = _schemathesis()
    assert exe is not None, "schemathesis is required (pinned in toolchain.SERVER_TEST_REQUIREMENTS)"
    cmd = [
        exe,
        "run",
        f"{real_server.url}/openapi.json",
        "--checks",
        "not_a_server_error",
        "--exclude-operation-id-regex",
        EXCLUDE,
        "--phases",
        "fuzzing",
        "--max-examples",
        "2",
        "--seed",
        "1",
        "--request-timeout",
        "10",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIME_BUDGET_S, check=False, cwd=tmp_path)
    tail = proc.stdout[-3000:]
    assert proc.returncode == 0, tail
    m = re.search(r"(\d+) generated, (\d+) passed", proc.stdout)
    assert m is not None, tail
    generated, passed = int(m.group(1)), int(m.group(2))
    print(f"schemathesis: {generated} generated, {passed} passed")
    assert generated >= 200 and generated == passed
    assert re.search(r"Tested: 140\b", proc.stdout), tail

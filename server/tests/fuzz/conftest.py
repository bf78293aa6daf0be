"""Fixtures of the fuzz session: one real `ma-server` process per store (memory://, sqlite://),
each with a watchdog doing small Gets beside the fuzzers; the request counts are printed in
the terminal summary."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for _p in (HERE, HERE.parent, HERE.parent / "http"):  # api_server, ma_http_manifests
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from api_server import ServerProcess  # noqa: E402
from fuzz_support import STORES, TALLY, Watchdog  # noqa: E402


@pytest.fixture(scope="module", params=STORES)
def fuzzed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Watchdog]:
    """A server of one store and its running watchdog, per test module (stopped, with the server, after
    the module: nothing of the fuzz session keeps running under the rest of the suite)."""
    store: str = request.param
    d = tmp_path_factory.mktemp(f"fuzz-{store}")
    url = "memory://" if store == "memory" else f"sqlite:///{d}/data.db"
    srv = ServerProcess(url, d / "server.log").start()
    dog: Watchdog | None = None
    try:
        dog = Watchdog(srv, store, request.module.__name__).start()
        yield dog
    finally:
        if dog is not None:
            dog.stop()
        srv.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY.counts:
        return
    sent = {k: v for k, v in TALLY.counts.items() if not k.startswith("watchdog/")}
    dog = sum(v for k, v in TALLY.counts.items() if k.startswith("watchdog/"))
    parts = ", ".join(f"{k} {v}" for k, v in sorted(sent.items()))
    secs = sum(TALLY.seconds.values())
    terminalreporter.write_line(
        f"fuzz: {sum(sent.values())} requests sent in {secs:.0f} s ({parts}); watchdog {dog} Gets"
    )
    for transport in ("grpc", "http", "schemathesis"):
        seen = sorted((k, v) for k, v in TALLY.outcomes.items() if k.startswith(f"{transport} "))
        if seen:
            terminalreporter.write_line(
                f"fuzz outcomes {transport}: " + ", ".join(f"{k[len(transport) + 1 :]} {v}" for k, v in seen)
            )
    for line in TALLY.watchdog:
        terminalreporter.write_line(f"fuzz watchdog {line}")

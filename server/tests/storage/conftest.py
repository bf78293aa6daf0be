"""The `backend` fixture: each storage test runs once per backend."""

from __future__ import annotations

from pathlib import Path

import pytest
from storage_helpers import Backend


@pytest.fixture(params=["memory", "sqlite"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """A MemoryStorage, or a SqliteStorage on a fresh file under tmp_path."""
    return Backend(request.param, tmp_path / "db" / "data.db")

"""The SDK's version and the user agent every call carries."""

from __future__ import annotations

from typing import Final

VERSION: Final = "0.1.0"
"""Kept equal to `version` in sdk/python/pyproject.toml (a test checks it), so no package metadata is needed."""

USER_AGENT: Final = f"michelangelo-sdk-python/{VERSION}"
"""Sent as the primary user agent of every channel the clients create (gRPC appends its own)."""

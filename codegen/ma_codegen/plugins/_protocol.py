"""Shared plumbing of our protoc plugins: read a request from stdin, write a response to stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable

from google.protobuf.compiler import plugin_pb2


def run(
    generate: Callable[[plugin_pb2.CodeGeneratorRequest], plugin_pb2.CodeGeneratorResponse],
) -> None:
    """Run one plugin invocation; an exception becomes a plugin error naming the plugin."""
    request = plugin_pb2.CodeGeneratorRequest.FromString(sys.stdin.buffer.read())
    try:
        response = generate(request)
    except Exception as exc:  # noqa: BLE001 - reported to buf as a plugin error, not a crash
        response = plugin_pb2.CodeGeneratorResponse(error=f"{type(exc).__name__}: {exc}")
    sys.stdout.buffer.write(response.SerializeToString(deterministic=True))

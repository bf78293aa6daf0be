"""gRPC channels (sync and asyncio) from a ClientConfig."""

from __future__ import annotations

from pathlib import Path

import grpc
import grpc.aio

from michelangelo.runtime.config import ClientConfig


def _credentials(config: ClientConfig) -> grpc.ChannelCredentials:
    roots = Path(config.ca_file).read_bytes() if config.ca_file else None
    return grpc.ssl_channel_credentials(root_certificates=roots)


def create_channel(config: ClientConfig) -> grpc.Channel:
    options = list(config.channel_options)
    if config.tls:
        return grpc.secure_channel(config.target, _credentials(config), options=options)
    return grpc.insecure_channel(config.target, options=options)


def create_async_channel(config: ClientConfig) -> grpc.aio.Channel:
    options = list(config.channel_options)
    if config.tls:
        return grpc.aio.secure_channel(config.target, _credentials(config), options=options)
    return grpc.aio.insecure_channel(config.target, options=options)

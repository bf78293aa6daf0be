"""gRPC channels (sync and asyncio) from a ClientConfig: TLS, user agent, channel options and interceptors."""

from __future__ import annotations

from pathlib import Path

import grpc
import grpc.aio

from michelangelo.runtime.config import ClientConfig
from michelangelo.runtime.version import USER_AGENT

_USER_AGENT_OPTION = "grpc.primary_user_agent"
_SYNC_INTERCEPTORS = (
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
)


def _credentials(config: ClientConfig) -> grpc.ChannelCredentials:
    roots = Path(config.ca_file).read_bytes() if config.ca_file else None
    return grpc.ssl_channel_credentials(root_certificates=roots)


def channel_options(config: ClientConfig) -> list[tuple[str, str | int]]:
    """The config's channel options with the SDK's user agent first (a user's own one follows it)."""
    options = [(k, v) for k, v in config.channel_options if k != _USER_AGENT_OPTION]
    agents = [USER_AGENT] + [str(v) for k, v in config.channel_options if k == _USER_AGENT_OPTION]
    return [(_USER_AGENT_OPTION, " ".join(agents)), *options]


def intercept(channel: grpc.Channel, config: ClientConfig) -> grpc.Channel:
    """`channel` behind the config's (sync) interceptors; the first interceptor is the outermost."""
    if not config.interceptors:
        return channel
    wrong = [type(i).__name__ for i in config.interceptors if not isinstance(i, _SYNC_INTERCEPTORS)]
    if wrong:
        raise TypeError(f"Client needs grpc.*ClientInterceptor interceptors, got {', '.join(wrong)}")
    return grpc.intercept_channel(channel, *config.interceptors)  # type: ignore[arg-type]


def create_channel(config: ClientConfig) -> grpc.Channel:
    options = channel_options(config)
    if config.tls:
        channel = grpc.secure_channel(config.target, _credentials(config), options=options)
    else:
        channel = grpc.insecure_channel(config.target, options=options)
    return intercept(channel, config)


def create_async_channel(config: ClientConfig) -> grpc.aio.Channel:
    options = channel_options(config)
    wrong = [type(i).__name__ for i in config.interceptors if not isinstance(i, grpc.aio.ClientInterceptor)]
    if wrong:
        raise TypeError(f"AsyncClient needs grpc.aio.ClientInterceptor interceptors, got {', '.join(wrong)}")
    interceptors = [i for i in config.interceptors if isinstance(i, grpc.aio.ClientInterceptor)] or None
    if config.tls:
        return grpc.aio.secure_channel(config.target, _credentials(config), options=options, interceptors=interceptors)
    return grpc.aio.insecure_channel(config.target, options=options, interceptors=interceptors)

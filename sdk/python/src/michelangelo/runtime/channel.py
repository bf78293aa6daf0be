"""gRPC channels (sync and asyncio) from a ClientConfig: TLS, user agent, channel options and interceptors.

Every channel balances round robin over the addresses its target resolves to
(several `ClientConfig.targets`, or all of a `dns:///` name's records) with gRPC
client-side health checking on the server's overall health (service ""): an
instance that is down or NOT_SERVING gets no calls until it serves again. A
`grpc.service_config` of the caller's own replaces this one.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from pathlib import Path

import grpc
import grpc.aio

from michelangelo.runtime.config import ClientConfig, check_address
from michelangelo.runtime.version import USER_AGENT

_USER_AGENT_OPTION = "grpc.primary_user_agent"
_SERVICE_CONFIG_OPTION = "grpc.service_config"
SERVICE_CONFIG = json.dumps(
    {"loadBalancingConfig": [{"round_robin": {}}], "healthCheckConfig": {"serviceName": ""}},
    separators=(",", ":"),
)
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
    """The config's channel options with the SDK's user agent first (a user's own one follows it),
    round robin with health checking unless the caller set a service config, and for several
    targets over TLS the name the certificate is checked against."""
    options = [(k, v) for k, v in config.channel_options if k != _USER_AGENT_OPTION]
    agents = [USER_AGENT] + [str(v) for k, v in config.channel_options if k == _USER_AGENT_OPTION]
    out: list[tuple[str, str | int]] = [(_USER_AGENT_OPTION, " ".join(agents))]
    if not any(k == _SERVICE_CONFIG_OPTION for k, _ in options):
        out.append((_SERVICE_CONFIG_OPTION, SERVICE_CONFIG))
    if config.targets and config.tls:
        host, _ = check_address(config.targets[0])
        if not _is_ip(host):
            out.append(("grpc.ssl_target_name_override", host))
    return [*out, *options]


def channel_target(config: ClientConfig) -> str:
    """The gRPC target of a config: `target`, or for several `targets` an `ipv4:`/`ipv6:` list of
    their addresses (host names resolved now; gRPC takes one address family per list)."""
    if not config.targets:
        return config.target
    v4: list[str] = []
    v6: list[str] = []
    for address in config.targets:
        host, port = check_address(address)
        ips = [host] if _is_ip(host) else _resolve(host, port)
        for ip in ips:
            (v6 if ":" in ip else v4).append(f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}")
    if v4:  # most deployments; a name with both families keeps its IPv4 addresses
        return "ipv4:" + ",".join(dict.fromkeys(v4))
    return "ipv6:" + ",".join(dict.fromkeys(v6))


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        raise ValueError(f"ClientConfig.targets: cannot resolve {host!r}: {e}") from None
    return [str(info[4][0]) for info in infos]


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
        channel = grpc.secure_channel(channel_target(config), _credentials(config), options=options)
    else:
        channel = grpc.insecure_channel(channel_target(config), options=options)
    return intercept(channel, config)


def create_async_channel(config: ClientConfig) -> grpc.aio.Channel:
    options = channel_options(config)
    wrong = [type(i).__name__ for i in config.interceptors if not isinstance(i, grpc.aio.ClientInterceptor)]
    if wrong:
        raise TypeError(f"AsyncClient needs grpc.aio.ClientInterceptor interceptors, got {', '.join(wrong)}")
    interceptors = [i for i in config.interceptors if isinstance(i, grpc.aio.ClientInterceptor)] or None
    if config.tls:
        target = channel_target(config)
        return grpc.aio.secure_channel(target, _credentials(config), options=options, interceptors=interceptors)
    return grpc.aio.insecure_channel(channel_target(config), options=options, interceptors=interceptors)

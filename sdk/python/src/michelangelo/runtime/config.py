"""Client configuration: where the server is, how to authenticate, and per-call defaults."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from michelangelo.runtime.retry import DEFAULT_RETRY, Retry

if TYPE_CHECKING:
    import grpc
    import grpc.aio

    Interceptor: TypeAlias = (
        grpc.UnaryUnaryClientInterceptor[Any, Any]
        | grpc.UnaryStreamClientInterceptor[Any, Any]
        | grpc.StreamUnaryClientInterceptor[Any, Any]
        | grpc.StreamStreamClientInterceptor[Any, Any]
        | grpc.aio.ClientInterceptor
    )
    """A `grpc.*ClientInterceptor` (for `Client`) or a `grpc.aio.ClientInterceptor` (for `AsyncClient`)."""

REDACTED = "<redacted>"
DEFAULT_TARGET = "127.0.0.1:50051"


def check_address(address: str) -> tuple[str, int]:
    """(host, port) of one `host:port` address of `ClientConfig.targets` (IPv6 as `[::1]:50051`);
    ValueError naming the address otherwise."""
    if not isinstance(address, str):
        raise TypeError(f"ClientConfig.targets: {address!r} is not a str")
    host, sep, port = address.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    elif ":" in host:
        host = ""  # an IPv6 address must be bracketed
    if not sep or not host or any(c.isspace() or c in "/,[]" for c in host) or not (port.isascii() and port.isdigit()):
        raise ValueError(f"ClientConfig.targets: {address!r} is not host:port (IPv6 as [::1]:50051)")
    if not 1 <= int(port) <= 65535:
        raise ValueError(f"ClientConfig.targets: {address!r} has port {port}, not in 1-65535")
    return host, int(port)


def is_loopback(target: str) -> bool:
    """Whether a gRPC target names only this machine: 127.0.0.0/8, ::1, `localhost` or a unix socket."""
    t = target.strip()
    if t.startswith(("unix:", "unix-abstract:")):
        return True
    for scheme in ("ipv4:", "ipv6:"):
        if t.startswith(scheme):
            hosts = [_host(part) for part in t[len(scheme) :].split(",")]
            return bool(hosts) and all(_loopback_host(h) for h in hosts)
    if t.startswith("dns:"):
        t = t[len("dns:") :]
        if t.startswith("//"):  # dns://authority/host:port: the authority is the resolver, not the target
            t = t[2:].partition("/")[2]
    return _loopback_host(_host(t))


def _host(hostport: str) -> str:
    if hostport.startswith("["):
        return hostport[1:].partition("]")[0]
    if hostport.count(":") == 1:
        return hostport.partition(":")[0]
    return hostport  # no port, or a bare IPv6 address


def _loopback_host(host: str) -> bool:
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ClientConfig:
    """Everything a client needs; immutable, so one config can be shared by many clients.

    - `target`: gRPC address, e.g. `127.0.0.1:50051` or `dns:///ma.example.com:443`.
    - `targets`: several `host:port` addresses of ma-server instances, instead of `target`.
      Calls are balanced round robin over every address, and gRPC client-side health
      checking keeps calls away from an instance that is down or not serving (it comes
      back when it serves again); a `dns:///` target balances over all of its name's
      addresses the same way. Host names are resolved when the channel is created; over
      TLS the certificate is checked against the first address's host.
    - `tls`: use TLS (the default); `tls=False` for plaintext, e.g. a local `ma-server`.
      `ca_file` is a PEM bundle of trusted roots (default: the system's).
    - `token`: bearer token sent as `authorization: Bearer <token>` on every call;
      or `token_provider`, a callable returning the current token, called before every
      attempt (so a refreshed token is picked up). Never shown by `repr`/`str`.
    - `allow_insecure_token`: a token (static or provider) over plaintext is refused unless
      the target is loopback (127.0.0.0/8, ::1, `localhost`, a unix socket) or this is True.
    - `default_namespace`: used when a call gives no namespace.
    - `timeout`: default deadline of one call in seconds (None: no deadline). It bounds the
      whole call, every retry and backoff wait included (each attempt gets what remains,
      or `Retry.attempt_timeout` if shorter); each page of a list is one call. Watch streams
      have no deadline.
    - `retry`: default retry policy of every call.
    - `channel_options`: extra gRPC channel arguments.
    - `interceptors`: client interceptors of the channels the client creates:
      `grpc.*ClientInterceptor` objects for `Client`, `grpc.aio.ClientInterceptor` objects
      for `AsyncClient`; they see every call, with its final metadata.
    """

    target: str = DEFAULT_TARGET
    targets: Sequence[str] = ()
    tls: bool = True
    ca_file: str | None = None
    token: str | None = field(default=None, repr=False)
    token_provider: Callable[[], str] | None = field(default=None, repr=False)
    allow_insecure_token: bool = False
    default_namespace: str | None = None
    timeout: float | None = 30.0
    retry: Retry = DEFAULT_RETRY
    channel_options: tuple[tuple[str, str | int], ...] = ()
    interceptors: Sequence[Interceptor] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "interceptors", tuple(self.interceptors))
        if isinstance(self.targets, str):
            raise TypeError("ClientConfig.targets is a sequence of host:port addresses, not one string")
        object.__setattr__(self, "targets", tuple(self.targets))
        if not self.target:
            raise ValueError("ClientConfig.target must be a gRPC address such as 127.0.0.1:50051")
        if self.targets:
            if self.target != DEFAULT_TARGET:
                raise ValueError("ClientConfig takes a target or targets, not both")
            for address in self.targets:
                check_address(address)
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError("ClientConfig.timeout must be positive (or None for no deadline)")
        if self.ca_file and not self.tls:
            raise ValueError("ClientConfig.ca_file needs tls=True")
        if self.token is not None and self.token_provider is not None:
            raise ValueError("ClientConfig takes a token or a token_provider, not both")
        if self.token is not None:
            check_token(self.token)
        if self.has_credentials and not self.tls and not self.allow_insecure_token and not self.is_loopback:
            raise ValueError(
                f"ClientConfig: refusing to send a token in plaintext to {self.where!r} (not a loopback address); "
                "use tls=True, or pass allow_insecure_token=True if the network is trusted"
            )

    def __repr__(self) -> str:
        fields = [
            f"target={self.target!r}",
            *([f"targets={self.targets!r}"] if self.targets else []),
            f"tls={self.tls!r}",
            f"ca_file={self.ca_file!r}",
            f"token={REDACTED!r}" if self.token is not None else "token=None",
            f"token_provider={REDACTED!r}" if self.token_provider is not None else "token_provider=None",
            f"allow_insecure_token={self.allow_insecure_token!r}",
            f"default_namespace={self.default_namespace!r}",
            f"timeout={self.timeout!r}",
            f"retry={self.retry!r}",
            f"channel_options={self.channel_options!r}",
            f"interceptors={self.interceptors!r}",
        ]
        return f"ClientConfig({', '.join(fields)})"

    @property
    def where(self) -> str:
        """The server(s) this config names, for messages."""
        return ",".join(self.targets) if self.targets else self.target

    @property
    def is_loopback(self) -> bool:
        """Whether every server this config names is on this machine."""
        return all(is_loopback(t) for t in self.targets) if self.targets else is_loopback(self.target)

    @property
    def has_credentials(self) -> bool:
        return bool(self.token) or self.token_provider is not None

    def metadata(self) -> tuple[tuple[str, str], ...]:
        """The credentials metadata of one attempt (calls the token provider, if any)."""
        token = self.token
        if self.token_provider is not None:
            token = self.token_provider()
            check_token(token)
        return (("authorization", f"Bearer {token}"),) if token else ()


def check_token(token: object) -> None:
    """A token must be a str of visible ASCII (a metadata value); the message never includes the token."""
    if not isinstance(token, str):
        raise TypeError(f"a token must be a str, not {type(token).__name__}")
    if any(not (0x21 <= ord(c) <= 0x7E) for c in token):
        raise ValueError("the token has characters not allowed in gRPC metadata (only visible ASCII; value not shown)")

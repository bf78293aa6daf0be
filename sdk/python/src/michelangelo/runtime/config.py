"""Client configuration: where the server is, how to authenticate, and per-call defaults."""

from __future__ import annotations

from dataclasses import dataclass

from michelangelo.runtime.retry import DEFAULT_RETRY, Retry


@dataclass(frozen=True)
class ClientConfig:
    """Everything a client needs; immutable, so one config can be shared by many clients.

    - `target`: gRPC address, e.g. `127.0.0.1:50051` or `dns:///ma.example.com:443`.
    - `tls`: use TLS; `ca_file` is a PEM bundle of trusted roots (default: the system's).
    - `token`: bearer token sent as `authorization: Bearer <token>` on every call.
    - `default_namespace`: used when a call gives no namespace.
    - `timeout`: default deadline of one call in seconds (None: no deadline); each
      attempt of a retried call and each page of a list gets the full timeout.
      Watches have no deadline.
    - `retry`: default retry policy of idempotent calls.
    - `channel_options`: extra gRPC channel arguments.
    """

    target: str = "127.0.0.1:50051"
    tls: bool = False
    ca_file: str | None = None
    token: str | None = None
    default_namespace: str | None = None
    timeout: float | None = 30.0
    retry: Retry = DEFAULT_RETRY
    channel_options: tuple[tuple[str, str | int], ...] = ()

    def __post_init__(self) -> None:
        if not self.target:
            raise ValueError("ClientConfig.target must be a gRPC address such as 127.0.0.1:50051")
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError("ClientConfig.timeout must be positive (or None for no deadline)")
        if self.ca_file and not self.tls:
            raise ValueError("ClientConfig.ca_file needs tls=True")

    def metadata(self) -> tuple[tuple[str, str], ...]:
        """The metadata sent with every call."""
        return (("authorization", f"Bearer {self.token}"),) if self.token else ()

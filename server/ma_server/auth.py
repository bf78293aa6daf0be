"""Bearer-token authentication, shared by the gRPC handlers and the HTTP gateway.

With at least one token configured (`--auth-token`, `$MA_SERVER_AUTH_TOKENS`),
every API call must carry `authorization: Bearer <token>` with one of them.
The check runs inside the handler wrappers (no grpc.aio interceptor, see
`grpc_service._CallMetrics`): one metadata scan and one `hmac.compare_digest`
per configured token. Tokens are never logged or put in error messages.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from typing import Protocol

import grpc

from ma_server.errors import ApiError

MISSING_MESSAGE = "missing bearer token (authorization: Bearer <token>)"
INVALID_MESSAGE = "invalid bearer token"
HEADER = "authorization"


def token_problem(token: str) -> str | None:
    """Why `token` cannot be used as a bearer token (None: it can). Never includes the token."""
    if not token:
        return "a token must not be empty"
    # A header value (gRPC metadata or HTTP) is printable ASCII; a space would end the token.
    if not all(33 <= ord(c) <= 126 for c in token):
        return "a token must be printable ASCII without spaces"
    return None


def tokens_from_env(value: str) -> list[str]:
    """`$MA_SERVER_AUTH_TOKENS`: comma-separated, blanks around and empty items ignored."""
    return [t.strip() for t in value.split(",") if t.strip()]


class Authenticator(Protocol):
    """Checks the caller of one API call (both transports); raises UNAUTHENTICATED."""

    async def authenticate(self, authorization: str | None) -> None: ...


def authorization_of(metadata: Iterable[tuple[str, str | bytes]] | None) -> str | None:
    """The first `authorization` entry of gRPC invocation metadata (None: absent)."""
    for key, value in metadata or ():
        if key == HEADER:
            return value if isinstance(value, str) else value.decode("latin-1")
    return None


def bearer_token(authorization: str | None) -> str:
    """The token of `Bearer <token>`; UNAUTHENTICATED when absent or of another scheme."""
    if not authorization:
        raise ApiError(grpc.StatusCode.UNAUTHENTICATED, MISSING_MESSAGE)
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if not token or scheme.lower() != "bearer":
        raise ApiError(grpc.StatusCode.UNAUTHENTICATED, MISSING_MESSAGE)
    return token


class BearerAuth:
    """The accepted tokens; `check` raises UNAUTHENTICATED for a missing or wrong one."""

    __slots__ = ("_tokens",)

    def __init__(self, tokens: Iterable[str]) -> None:
        self._tokens = tuple(dict.fromkeys(t.encode() for t in tokens))
        if not self._tokens:
            raise ValueError("BearerAuth needs at least one token")

    def check(self, authorization: str | None) -> None:
        """Accept the value of an `authorization` header/metadata entry (None: absent) or raise."""
        candidate = bearer_token(authorization).encode("utf-8", "surrogateescape")
        ok = False
        for accepted in self._tokens:  # every token compared: the time does not tell which one matched
            ok |= hmac.compare_digest(candidate, accepted)
        if not ok:
            raise ApiError(grpc.StatusCode.UNAUTHENTICATED, INVALID_MESSAGE)

    def check_metadata(self, metadata: Iterable[tuple[str, str | bytes]] | None) -> None:
        """`check` on the first `authorization` entry of gRPC invocation metadata."""
        self.check(authorization_of(metadata))

    async def authenticate(self, authorization: str | None) -> None:
        self.check(authorization)

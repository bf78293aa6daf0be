"""Opaque, tamper-evident continue tokens for paginated lists.

A token is `base64url(payload JSON) "." base64url(HMAC-SHA256(secret, payload))`,
unpadded. The payload is `{"v": 1, "rev": <snapshot revision>, "after": <last key>,
"q": <hash of the query>}`, plus `"off": <offset>` for lists with order_by. The
HMAC makes tokens unforgeable; `q` binds a token to the resource, namespace,
selectors, criteria and order_by of the list that issued it (limit may change
between pages, as in Kubernetes). Tokens from another server secret fail the
HMAC check and are rejected like tampered ones.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass

import grpc

from ma_server.errors import ApiError, FieldViolation
from michelangelo.api import list_pb2

VERSION = 1


def invalid_token(detail: str = "") -> ApiError:
    msg = "invalid continue token" + (f": {detail}" if detail else "")
    return ApiError(grpc.StatusCode.INVALID_ARGUMENT, msg, [FieldViolation("options.continue", msg)])


def expired_token() -> ApiError:
    # Kubernetes answers 410 Expired; the client must start the list over.
    return ApiError(grpc.StatusCode.OUT_OF_RANGE, "continue token expired, list again")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def query_hash(
    plural: str,
    namespace: str,
    label_selector: str,
    field_selector: str,
    criteria: list_pb2.Criteria | None,
    order_by: Sequence[list_pb2.OrderBy],
) -> str:
    """A short digest of everything that defines a list's result set."""
    h = hashlib.sha256()
    crit = criteria.SerializeToString(deterministic=True) if criteria is not None else b""
    for part in (plural, namespace, label_selector, field_selector):
        h.update(part.encode())
        h.update(b"\0")
    h.update(crit)
    h.update(b"\0")
    for o in order_by:
        h.update(f"{o.field}\0{int(o.descending)}\0".encode())
    return h.hexdigest()[:32]


@dataclass(frozen=True)
class ContinuePosition:
    revision: int
    after: str  # last key returned (key-ordered lists)
    offset: int  # items already returned (lists with order_by)
    query: str


class TokenCodec:
    def __init__(self, secret: bytes | None = None) -> None:
        # A random per-process secret invalidates tokens across restarts; pass one to keep them valid.
        self._secret = secret if secret else os.urandom(32)

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, payload, hashlib.sha256).digest()

    def encode(self, pos: ContinuePosition) -> str:
        body: dict[str, object] = {"v": VERSION, "rev": pos.revision, "after": pos.after, "q": pos.query}
        if pos.offset:
            body["off"] = pos.offset
        payload = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
        return f"{_b64(payload)}.{_b64(self._mac(payload))}"

    def decode(self, token: str, query: str) -> ContinuePosition:
        """The position in `token`; INVALID_ARGUMENT when it is tampered with, foreign or for another query."""
        try:
            body_b64, mac_b64 = token.split(".")
            payload, mac = _unb64(body_b64), _unb64(mac_b64)
        except (ValueError, binascii.Error):
            raise invalid_token() from None
        if not hmac.compare_digest(mac, self._mac(payload)):
            raise invalid_token()
        try:
            body = json.loads(payload)
            pos = ContinuePosition(
                revision=int(body["rev"]),
                after=str(body["after"]),
                offset=int(body.get("off", 0)),
                query=str(body["q"]),
            )
            version = body["v"]
        except (ValueError, KeyError, TypeError):
            raise invalid_token() from None
        if version != VERSION or pos.revision <= 0 or pos.offset < 0:
            raise invalid_token()
        if pos.query != query:
            raise invalid_token("it was issued for a different list query (namespace, selectors, criteria, order)")
        return pos

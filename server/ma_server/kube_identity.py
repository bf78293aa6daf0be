"""`--kubernetes-impersonate`: Kubernetes RBAC decides each call, for the caller's own identity.

Callers authenticate to ma-server with a bearer token Kubernetes accepts (a service account
token, a token of the cluster's authenticators). ma-server asks the API server who that is
(a TokenReview, as kube-rbac-proxy and aggregated API servers do) and then makes every call
of the request with Kubernetes impersonation headers for that user, uid, groups and extra
(`storage.kubernetes.IMPERSONATE`), so RBAC and admission see the caller, not ma-server: a
refusal is PERMISSION_DENIED over gRPC and 403 over HTTP. ma-server's own identity needs
`create` on tokenreviews and `impersonate` on users, groups, uids and userextras.

Reviews are cached per token (by SHA-256) for `REVIEW_TTL_SECONDS`, at most `REVIEW_CACHE_SIZE`
tokens, so a burst of calls costs one review; a token Kubernetes rejects is UNAUTHENTICATED.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict

import grpc

from ma_server.auth import INVALID_MESSAGE, bearer_token
from ma_server.errors import ApiError
from ma_server.storage.kubernetes import IMPERSONATE, Impersonation, KubernetesStorage

REVIEW_PATH = "/apis/authentication.k8s.io/v1/tokenreviews"
REVIEW_TTL_SECONDS = 10.0
REVIEW_CACHE_SIZE = 4096


class KubeTokenAuth:
    """An `auth.Authenticator` that reviews the caller's token with Kubernetes and impersonates it."""

    def __init__(self, storage: KubernetesStorage, *, ttl: float = REVIEW_TTL_SECONDS) -> None:
        self.storage = storage
        self.ttl = ttl
        self._cache: OrderedDict[str, tuple[float, Impersonation | None]] = OrderedDict()

    async def authenticate(self, authorization: str | None) -> None:
        token = bearer_token(authorization)
        who = await self._review(token)
        if who is None:
            raise ApiError(grpc.StatusCode.UNAUTHENTICATED, INVALID_MESSAGE)
        IMPERSONATE.set(who)  # this request's context: every storage call of it carries the headers

    async def _review(self, token: str) -> Impersonation | None:
        digest = hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()
        now = time.monotonic()
        hit = self._cache.get(digest)
        if hit is not None and hit[0] > now:
            self._cache.move_to_end(digest)
            return hit[1]
        body = {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenReview", "spec": {"token": token}}
        status, data = await self.storage.rest("POST", REVIEW_PATH, body=body)
        if status not in (200, 201):
            raise ApiError(grpc.StatusCode.UNAVAILABLE, f"Kubernetes TokenReview answered {status}")
        result = data.get("status") or {}
        who = None
        if result.get("authenticated"):
            user = result.get("user") or {}
            who = Impersonation(
                user=str(user.get("username") or ""),
                uid=str(user.get("uid") or ""),
                groups=tuple(str(g) for g in user.get("groups") or ()),
                extra=tuple((str(k), tuple(str(x) for x in v)) for k, v in (user.get("extra") or {}).items()),
            )
        self._cache[digest] = (now + self.ttl, who)
        self._cache.move_to_end(digest)
        while len(self._cache) > REVIEW_CACHE_SIZE:
            self._cache.popitem(last=False)
        return who

"""HTTP/JSON for the reference server: `google.api.http` transcoding onto the same
resource handlers gRPC uses, spoken in the Kubernetes dialect (discovery,
Status errors, lists, watch streams, PATCH) so kubectl works against it,
plus /openapi.json, /metrics and /healthz. Served in-process by uvicorn."""

from __future__ import annotations

from ma_server.http.app import HttpApp
from ma_server.http.server import HttpServer, serve_app, serve_http

__all__ = ["HttpApp", "HttpServer", "serve_app", "serve_http"]

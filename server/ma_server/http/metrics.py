"""HTTP metrics in prometheus_client's default registry (served by GET /metrics
together with whatever the rest of the server registers there)."""

from __future__ import annotations

from collections.abc import Sequence

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

# `route` is the matched path template (or a fixed name), never the raw path, so
# label cardinality stays bounded by the API's size.
REQUESTS = Counter(
    "ma_http_requests_total", "HTTP requests handled, by method, route and status code.", ["method", "route", "code"]
)
LATENCY = Histogram("ma_http_request_duration_seconds", "Latency of non-watch HTTP requests.", ["method", "route"])
WATCHES = Gauge("ma_http_watches_open", "HTTP watch streams currently open.")


def exposition(extra: Sequence[CollectorRegistry] = ()) -> tuple[bytes, str]:
    """The default registry, then any other registries (their metric names must differ)."""
    return b"".join(generate_latest(r) for r in (REGISTRY, *extra)), CONTENT_TYPE_LATEST

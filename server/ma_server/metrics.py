"""Prometheus metrics of the API server (recorded by the handler wrappers in grpc_service.py).

Metrics live in their own registry (not the process-global one) so several
servers can run in one process (tests) and the HTTP gateway can expose exactly
these on /metrics with `prometheus_client.generate_latest(metrics.registry)`.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.requests = Counter(
            "ma_grpc_requests",
            "gRPC calls handled, by full method name and status code.",
            ["method", "code"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "ma_grpc_request_duration_seconds",
            "Duration of unary gRPC calls, by full method name.",
            ["method"],
            registry=self.registry,
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
        )
        self.storage_latency = Histogram(
            "ma_storage_request_duration_seconds",
            "Duration of calls to the storage's server (etcd), by operation (range, txn, lease, compact).",
            ["op"],
            registry=self.registry,
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
        )
        self.active_watches = Gauge(
            "ma_active_watches",
            "Watch streams currently open, by full method name.",
            ["method"],
            registry=self.registry,
        )

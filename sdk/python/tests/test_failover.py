"""Several instances: `ClientConfig(targets=...)` balances round robin, skips an instance that is
down or NOT_SERVING (gRPC client-side health checking) and fails over to the others.

Real gRPC servers on 127.0.0.1 only: two scripted ProjectServices with a health service of
their own (raw bytes, so the test needs no grpcio-health-checking), and two real
`ma-server` processes for the kill -9 case. Every loop is bounded in count and time.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from concurrent import futures
from contextlib import ExitStack, contextmanager

import grpc
import pytest
from client_server import project, running_server, unique
from scripted_server import ScriptedServer

from michelangelo.api.v2.client import Client, ClientConfig
from michelangelo.runtime.channel import SERVICE_CONFIG, channel_options, channel_target

HEALTH = "grpc.health.v1.Health"
SERVING, NOT_SERVING = b"\x08\x01", b"\x08\x02"  # HealthCheckResponse{status: SERVING | NOT_SERVING}


class Health:
    """The standard health service (Check and the streaming Watch gRPC's health checking uses)."""

    def __init__(self) -> None:
        self.status = SERVING
        self._changed = threading.Condition()
        self.stopped = False

    def set(self, status: bytes) -> None:
        with self._changed:
            self.status = status
            self._changed.notify_all()

    def stop(self) -> None:
        with self._changed:
            self.stopped = True
            self._changed.notify_all()

    def watch(self, request: bytes, context: grpc.ServicerContext) -> Iterator[bytes]:
        sent = None
        deadline = time.monotonic() + 60  # bounded: no stream outlives a test
        while context.is_active() and time.monotonic() < deadline:
            with self._changed:
                if self.stopped:
                    return
                status = self.status
                if status == sent:
                    self._changed.wait(0.2)
                    continue
            sent = status
            yield status

    def handler(self) -> grpc.GenericRpcHandler[bytes, bytes]:
        health = self

        class Handler(grpc.GenericRpcHandler):  # type: ignore[type-arg]  # not generic at run time
            def service(self, details: grpc.HandlerCallDetails) -> grpc.RpcMethodHandler[bytes, bytes] | None:
                if details.method == f"/{HEALTH}/Check":
                    return grpc.unary_unary_rpc_method_handler(lambda req, ctx: health.status)
                if details.method == f"/{HEALTH}/Watch":
                    return grpc.unary_stream_rpc_method_handler(health.watch)
                return None

        return Handler()


@contextmanager
def scripted_with_health() -> Iterator[tuple[ScriptedServer, Health]]:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    port = server.add_insecure_port("127.0.0.1:0")
    scripted, health = ScriptedServer(f"127.0.0.1:{port}"), Health()
    server.add_generic_rpc_handlers((scripted.handler(), health.handler()))
    server.start()
    try:
        yield scripted, health
    finally:
        health.stop()
        server.stop(grace=None).wait(10)


def test_calls_skip_an_instance_that_is_not_serving_and_return_when_it_serves() -> None:
    with ExitStack() as stack:
        (a, health_a), (b, _) = (stack.enter_context(scripted_with_health()) for _ in range(2))
        health_a.set(NOT_SERVING)
        config = ClientConfig(targets=(a.address, b.address), tls=False, default_namespace="ns", timeout=10)
        with Client(config=config) as client:
            for _ in range(20):
                client.projects.get("p")
            assert (len(a.seen("GetProject")), len(b.seen("GetProject"))) == (0, 20)
            health_a.set(SERVING)
            deadline = time.monotonic() + 5
            while not a.seen("GetProject"):
                assert time.monotonic() < deadline, "calls did not reach the instance within 5 s of SERVING"
                client.projects.get("p")
                time.sleep(0.05)
            # Both serve: round robin spreads the next calls over both.
            before = len(a.seen("GetProject")), len(b.seen("GetProject"))
            for _ in range(20):
                client.projects.get("p")
            after = len(a.seen("GetProject")), len(b.seen("GetProject"))
            assert after[0] - before[0] >= 5 and after[1] - before[1] >= 5, (before, after)


def test_calls_fail_over_when_an_instance_is_killed() -> None:
    with running_server() as a, running_server() as b:
        config = ClientConfig(targets=(a.address, b.address), tls=False, default_namespace="ns", timeout=20)
        with Client(config=config) as client:
            names = [unique("fo") for _ in range(40)]
            for name in names[:20]:
                client.projects.create(project(name, "ns"))
            counts = []
            for server in (a, b):
                with Client(config=ClientConfig(target=server.address, tls=False, default_namespace="ns")) as one:
                    counts.append(len({p.metadata.name for p in one.projects.list()} & set(names)))
            assert sum(counts) == 20 and min(counts) >= 5, counts  # round robin over both
            os.kill(a.pid, signal.SIGKILL)
            started = time.monotonic()
            for name in names[20:]:  # every one succeeds: a failed attempt is retried on the survivor
                created = client.projects.create(project(name, "ns"))
                assert created.metadata.name == name
            assert time.monotonic() - started < 20
        with Client(config=ClientConfig(target=b.address, tls=False, default_namespace="ns")) as survivor:
            on_b = {p.metadata.name for p in survivor.projects.list()}
        assert set(names[20:]) <= on_b


def test_targets_are_validated_and_build_one_balanced_channel() -> None:
    config = ClientConfig(targets=("127.0.0.1:1", "localhost:2", "[::1]:3"), tls=False)
    assert channel_target(config) == "ipv4:127.0.0.1:1,127.0.0.1:2"  # one family per list: IPv4 kept
    assert channel_target(ClientConfig(targets=("[::1]:3",), tls=False)) == "ipv6:[::1]:3"
    assert ("grpc.service_config", SERVICE_CONFIG) in channel_options(config)
    own = '{"loadBalancingConfig":[{"pick_first":{}}]}'
    mine = ClientConfig(target="127.0.0.1:1", tls=False, channel_options=(("grpc.service_config", own),))
    assert [v for k, v in channel_options(mine) if k == "grpc.service_config"] == [own]  # the caller's wins
    tls = ClientConfig(targets=("ma-1.example:443", "ma-2.example:443"))
    assert ("grpc.ssl_target_name_override", "ma-1.example") in channel_options(tls)
    for bad, problem in [
        ("127.0.0.1", "is not host:port"),
        ("::1:50051", "is not host:port"),
        ("127.0.0.1:0", "not in 1-65535"),
        ("127.0.0.1:70000", "not in 1-65535"),
        ("a b:1", "is not host:port"),
        ("dns:///x:1", "is not host:port"),
    ]:
        with pytest.raises(ValueError, match=problem):
            ClientConfig(targets=(bad,), tls=False)
    with pytest.raises(ValueError, match="a target or targets, not both"):
        ClientConfig(target="10.0.0.1:1", targets=("10.0.0.2:1",))
    with pytest.raises(TypeError, match="sequence of host:port"):
        ClientConfig(targets="127.0.0.1:1")  # type: ignore[arg-type]
    # A token over plaintext needs every address on this machine.
    ClientConfig(targets=("127.0.0.1:1", "localhost:2"), tls=False, token="t")
    with pytest.raises(
        ValueError, match=re.escape("refusing to send a token in plaintext to '127.0.0.1:1,10.0.0.2:1'")
    ):
        ClientConfig(targets=("127.0.0.1:1", "10.0.0.2:1"), tls=False, token="t")

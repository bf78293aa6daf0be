"""Call semantics on the wire, against a scripted gRPC server on loopback (sync and asyncio clients).

One deadline per call (attempts and waits), per-attempt timeouts, idempotency
keys, RetryInfo, per-call metadata, the user agent, token providers and
interceptors: each is checked as the server received it.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import grpc
import grpc.aio
import pytest
from scripted_server import ScriptedServer, Seen, Step, scripted_server

from michelangelo.api import meta_pb2
from michelangelo.api.v2 import project_pb2, project_svc_pb2, project_svc_pb2_grpc
from michelangelo.api.v2.client import (
    NO_RETRY,
    AsyncClient,
    Client,
    ClientConfig,
    DeadlineExceeded,
    PermissionDenied,
    ResourceExhausted,
    Retry,
    Unavailable,
)
from michelangelo.runtime.calls import AsyncCaller, Caller
from michelangelo.runtime.version import USER_AGENT, VERSION

UNAVAILABLE = grpc.StatusCode.UNAVAILABLE
EXHAUSTED = grpc.StatusCode.RESOURCE_EXHAUSTED
QUICK = Retry(initial=0.01, maximum=0.01, attempts=10, jitter=False)


@pytest.fixture(scope="module")
def module_server() -> Iterator[ScriptedServer]:
    with scripted_server() as s:
        yield s


@pytest.fixture
def server(module_server: ScriptedServer) -> Iterator[ScriptedServer]:
    module_server.reset()
    yield module_server
    module_server.reset()


def config(server: ScriptedServer, **changes: Any) -> ClientConfig:
    return ClientConfig(
        **{
            "target": server.address,
            "tls": False,
            "default_namespace": "ns",
            "timeout": 10.0,
            "retry": QUICK,
            **changes,
        }
    )


@pytest.fixture
def client(server: ScriptedServer) -> Iterator[Client]:
    with Client(config=config(server)) as c:
        yield c


def obj() -> project_pb2.Project:
    return project_pb2.Project(
        metadata=meta_pb2.ObjectMeta(name="p", resource_version="7"), spec=project_pb2.ProjectSpec(owning_team="maps")
    )


# -- A1: the timeout bounds the whole call -------------------------------------------------------------------------


def test_timeout_bounds_every_attempt_and_wait(client: Client, server: ScriptedServer) -> None:
    server.script("GetProject", *[Step(delay=0.15, code=UNAVAILABLE)] * 10)
    start = time.monotonic()
    with pytest.raises((DeadlineExceeded, Unavailable)):
        client.projects.get("p", timeout=0.6)
    assert time.monotonic() - start < 1.2  # 10 attempts of 0.15 s would take 1.5 s
    calls = server.seen("GetProject")
    assert 2 <= len(calls) < 10
    remaining = [c.time_remaining for c in calls]
    assert remaining[0] is not None and remaining[0] <= 0.61
    # Each attempt's deadline is what is left of the call's: later attempts get less.
    for earlier, later in itertools.pairwise(remaining):
        assert later is not None and earlier is not None and later <= earlier - 0.1


def test_overall_deadline_ends_the_call_with_deadline_exceeded(client: Client, server: ScriptedServer) -> None:
    server.script("GetProject", *[Step(delay=0.3, code=UNAVAILABLE)] * 2, Step(delay=2.0))
    with pytest.raises(DeadlineExceeded):
        client.projects.get("p", timeout=0.8)
    assert len(server.seen("GetProject")) == 3  # the third attempt ran out of the call's time: not retried


def test_attempt_timeout_retries_a_stalled_attempt(client: Client, server: ScriptedServer) -> None:
    server.script("GetProject", Step(delay=1.0), Step(delay=1.0))
    got = client.projects.get("p", timeout=5.0, retry=QUICK.with_(attempt_timeout=0.2))
    assert got.metadata.name == "p"
    calls = server.seen("GetProject")
    assert len(calls) == 3
    # (gRPC rounds deadlines to its clock: a few ms over the 0.2 s are the same deadline.)
    assert all(c.time_remaining is not None and c.time_remaining <= 0.21 for c in calls), calls


def test_attempt_timeout_never_exceeds_what_remains(client: Client, server: ScriptedServer) -> None:
    server.script("GetProject", *[Step(delay=1.0)] * 5)
    start = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        client.projects.get("p", timeout=0.5, retry=QUICK.with_(attempt_timeout=0.2))
    assert time.monotonic() - start < 0.9
    calls = server.seen("GetProject")
    assert len(calls) == 3  # 0.2 s, 0.2 s, then the rest of the 0.5 s
    last = calls[-1].time_remaining
    assert last is not None and last < 0.15


def test_a_wait_past_the_deadline_raises_the_last_error_at_once(client: Client, server: ScriptedServer) -> None:
    server.script("GetProject", *[Step(code=UNAVAILABLE)] * 5)
    slow = Retry(initial=1.0, maximum=1.0, jitter=False, attempts=5)
    start = time.monotonic()
    with pytest.raises(Unavailable):
        client.projects.get("p", timeout=0.5, retry=slow)
    assert time.monotonic() - start < 0.4  # the first 1 s wait would pass the 0.5 s deadline
    assert len(server.seen("GetProject")) == 1


def test_each_page_is_one_logical_call(client: Client, server: ScriptedServer) -> None:
    server.script("ListProjects", Step(delay=0.35), Step(delay=0.35))
    names = [p.metadata.name for p in client.projects.list(timeout=0.6)]  # 0.7 s in all, under 0.6 s a page
    assert names == ["p1", "p2"]
    _, second = server.seen("ListProjects")
    assert second.time_remaining is not None and second.time_remaining > 0.5  # a fresh budget
    server.reset()
    server.script("ListProjects", Step(), *[Step(delay=0.1, code=UNAVAILABLE)] * 20)
    pages = client.projects.list(timeout=0.5).pages
    assert [p.metadata.name for p in next(pages).items] == ["p1"]
    start = time.monotonic()
    with pytest.raises((DeadlineExceeded, Unavailable)):
        next(pages)
    assert time.monotonic() - start < 0.9  # the page's retries stay within its timeout


def test_retry_has_no_separate_deadline() -> None:
    with pytest.raises(TypeError):
        Retry(deadline=5.0)  # type: ignore[call-arg]
    with pytest.raises(ValueError):
        Retry(attempt_timeout=0)


# -- A2: idempotency keys ------------------------------------------------------------------------------------------


def _writes(client: Client, **kw: Any) -> dict[str, Callable[[], object]]:
    return {
        "CreateProject": lambda: client.projects.create(obj(), **kw),
        "UpdateProject": lambda: client.projects.update(obj(), **kw),
        "UpdateProjectStatus": lambda: client.projects.update_status(obj(), **kw),
        "DeleteProject": lambda: client.projects.delete("p", **kw),
        "DeleteProjectCollection": lambda: client.projects.delete_collection(**kw),
    }


def test_every_write_sends_one_key_on_all_attempts(client: Client, server: ScriptedServer) -> None:
    for method, call in _writes(client).items():
        server.script(method, Step(code=UNAVAILABLE), Step(code=UNAVAILABLE))
        call()  # Create included: retried like every write
        call()
        keys = [c.metadata.get("idempotency-key") for c in server.seen(method)]
        assert len(keys) == 4, method
        assert keys[0] is not None and uuid.UUID(keys[0]).version == 4
        assert keys[0] == keys[1] == keys[2], method  # one logical call, three attempts
        assert keys[3] != keys[0], method  # the next call has its own key


def test_caller_supplied_idempotency_key(client: Client, server: ScriptedServer) -> None:
    for method, call in _writes(client, idempotency_key="order-42").items():
        server.script(method, Step(code=UNAVAILABLE))
        call()
        assert [c.metadata.get("idempotency-key") for c in server.seen(method)] == ["order-42", "order-42"]


def test_reads_send_no_key(client: Client, server: ScriptedServer) -> None:
    client.projects.get("p")
    list(client.projects.list())
    server.script("WatchProjects", Step(code=grpc.StatusCode.PERMISSION_DENIED))
    with pytest.raises(PermissionDenied), client.projects.watch(resource_version="5") as watch:
        next(iter(watch))
    reads = server.seen("GetProject") + server.seen("ListProjects") + server.seen("WatchProjects")
    assert len(reads) == 4
    assert all("idempotency-key" not in c.metadata for c in reads)


# -- A3: RESOURCE_EXHAUSTED only with RetryInfo --------------------------------------------------------------------


def test_resource_exhausted_retried_only_with_retry_info(client: Client, server: ScriptedServer) -> None:
    server.script("GetProject", Step(code=EXHAUSTED))
    with pytest.raises(ResourceExhausted) as err:
        client.projects.get("p")
    assert not err.value.retryable and err.value.retry_delay is None
    assert len(server.seen("GetProject")) == 1
    server.reset()
    server.script("UpdateProject", Step(code=EXHAUSTED, retry_delay=0.3))
    client.projects.update(obj())  # backoff draws are 10 ms: the server's 300 ms is the minimum
    first, second = server.seen("UpdateProject")
    assert second.at - first.at >= 0.29


def test_retry_info_past_the_deadline_is_not_waited_for(client: Client, server: ScriptedServer) -> None:
    server.script("GetProject", Step(code=EXHAUSTED, retry_delay=5.0))
    start = time.monotonic()
    with pytest.raises(ResourceExhausted) as err:
        client.projects.get("p", timeout=1.0)
    assert time.monotonic() - start < 0.5
    assert err.value.retry_delay == pytest.approx(5.0)


# -- A7, A8, A10: user agent, metadata, credentials ----------------------------------------------------------------


def test_user_agent_and_version() -> None:
    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert pyproject["project"]["version"] == VERSION
    assert USER_AGENT == f"michelangelo-sdk-python/{VERSION}"


def test_user_agent_on_every_call(client: Client, server: ScriptedServer) -> None:
    client.projects.get("p")
    client.projects.create(obj())
    agents = [c.metadata.get("user-agent", "") for c in server.calls]
    assert len(agents) == 2 and all(a.startswith(f"{USER_AGENT} ") for a in agents), agents


def test_per_call_metadata_joins_the_credentials(server: ScriptedServer) -> None:
    with Client(config=config(server, token="s3cret")) as c:
        c.projects.get("p", metadata=[("x-request-id", "r-1")])
        c.projects.create(obj(), metadata=[("x-request-id", "r-2")])
        list(c.projects.list(metadata=[("x-request-id", "r-3")]))
        seen = [(x.metadata.get("x-request-id"), x.metadata.get("authorization")) for x in server.calls]
        assert seen == [
            ("r-1", "Bearer s3cret"),
            ("r-2", "Bearer s3cret"),
            ("r-3", "Bearer s3cret"),
            ("r-3", "Bearer s3cret"),
        ]
        with pytest.raises(ValueError, match="authorization"):
            c.projects.get("p", metadata=[("authorization", "Bearer other")])
        with pytest.raises(ValueError, match="idempotency_key"):
            c.projects.update(obj(), metadata=[("idempotency-key", "k")])
    with Client(config=config(server)) as c:  # no credentials of its own: a per-call authorization is sent
        c.projects.get("p", metadata=[("authorization", "Bearer mine")])
        assert server.calls[-1].metadata["authorization"] == "Bearer mine"


def test_watch_sends_metadata_and_credentials(server: ScriptedServer) -> None:
    server.script("WatchProjects", Step(code=grpc.StatusCode.PERMISSION_DENIED))
    with Client(config=config(server, token="s3cret")) as c:
        with pytest.raises(PermissionDenied), c.projects.watch(resource_version="5", metadata=[("x-trace", "w")]) as w:
            next(iter(w))
    (call,) = server.seen("WatchProjects")
    assert call.metadata["x-trace"] == "w" and call.metadata["authorization"] == "Bearer s3cret"


def test_token_provider_is_asked_on_every_attempt(server: ScriptedServer) -> None:
    tokens = iter(["t1", "t2", "t3"])
    server.script("UpdateProject", Step(code=UNAVAILABLE), Step(code=UNAVAILABLE))
    with Client(config=config(server, token_provider=lambda: next(tokens))) as c:
        c.projects.update(obj())
    assert [x.metadata["authorization"] for x in server.seen("UpdateProject")] == [
        "Bearer t1",
        "Bearer t2",
        "Bearer t3",
    ]


def test_tls_is_the_default(server: ScriptedServer) -> None:
    assert ClientConfig().tls is True
    with Client(config=ClientConfig(target=server.address, default_namespace="ns", timeout=2.0, retry=NO_RETRY)) as c:
        with pytest.raises(Unavailable):  # a TLS handshake with a plaintext server
            c.projects.get("p")
    assert server.calls == []


def test_token_is_never_shown() -> None:
    cfg = ClientConfig(target="127.0.0.1:1", token="s3cret-token")
    for text in (repr(cfg), str(cfg), f"{cfg}", repr([cfg])):
        assert "s3cret-token" not in text
    assert "<redacted>" in repr(cfg)
    provided = ClientConfig(target="127.0.0.1:1", token_provider=lambda: "s3cret-token")
    assert "s3cret-token" not in repr(provided) and "lambda" not in repr(provided)
    with pytest.raises(ValueError) as bad:
        ClientConfig(target="127.0.0.1:1", token="s3cret\ntoken")
    assert "s3cret" not in str(bad.value)
    with pytest.raises(ValueError) as plain:
        ClientConfig(target="ma.example.com:443", tls=False, token="s3cret-token")
    assert "s3cret" not in str(plain.value) and "allow_insecure_token" in str(plain.value)


@pytest.mark.parametrize(
    "target",
    ["127.0.0.1:50051", "127.8.9.10:1", "localhost:50051", "[::1]:50051", "dns:///localhost:1", "ipv4:127.0.0.1:1"],
)
def test_token_over_plaintext_allowed_to_loopback(target: str) -> None:
    assert ClientConfig(target=target, tls=False, token="t").metadata() == (("authorization", "Bearer t"),)
    ClientConfig(target=target, tls=False, token_provider=lambda: "t")


@pytest.mark.parametrize(
    "target", ["10.0.0.1:50051", "ma.example.com:443", "dns:///ma.example.com:443", "ipv4:127.0.0.1:1,10.0.0.1:1"]
)
def test_token_over_plaintext_refused_elsewhere(target: str) -> None:
    with pytest.raises(ValueError, match="plaintext"):
        ClientConfig(target=target, tls=False, token="t")
    with pytest.raises(ValueError, match="plaintext"):
        ClientConfig(target=target, tls=False, token_provider=lambda: "t")
    ClientConfig(target=target, tls=False, token="t", allow_insecure_token=True)
    ClientConfig(target=target, tls=True, token="t")
    ClientConfig(target=target, tls=False)  # no token: plaintext is the caller's choice


# -- A9: interceptors ----------------------------------------------------------------------------------------------


class Recorder(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):  # type: ignore[type-arg]
    def __init__(self) -> None:
        self.methods: list[str] = []

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        self.methods.append(details.method)
        return continuation(details, request)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        self.methods.append(details.method)
        return continuation(details, request)


def test_interceptor_sees_every_call(server: ScriptedServer) -> None:
    recorder = Recorder()
    server.script("GetProject", Step(code=UNAVAILABLE))
    server.script("WatchProjects", Step(code=grpc.StatusCode.PERMISSION_DENIED))
    with Client(config=config(server, interceptors=[recorder])) as c:
        c.projects.get("p")
        c.projects.create(obj())
        list(c.projects.list())
        with pytest.raises(PermissionDenied), c.projects.watch(resource_version="5") as w:
            next(iter(w))
    short = [m.rpartition("/")[2] for m in recorder.methods]
    assert short == ["GetProject", "GetProject", "CreateProject", "ListProjects", "ListProjects", "WatchProjects"]
    assert short == [c.method for c in server.calls]


def test_interceptor_kind_is_checked(server: ScriptedServer) -> None:
    with pytest.raises(TypeError, match=r"grpc\.aio\.ClientInterceptor"):
        asyncio.run(_open_async(config(server, interceptors=[Recorder()])))

    with pytest.raises(TypeError, match=r"grpc\.\*ClientInterceptor"):
        Client(config=config(server, interceptors=[AioRecorder()]))


def test_interceptors_with_a_passed_channel_are_refused(server: ScriptedServer) -> None:
    with grpc.insecure_channel(server.address) as channel, pytest.raises(ValueError, match="interceptors"):
        Client(config=config(server, interceptors=[Recorder()]), channel=channel)


async def _open_async(cfg: ClientConfig) -> None:
    async with AsyncClient(config=cfg):
        pass


# -- asyncio -------------------------------------------------------------------------------------------------------


class AioRecorder(grpc.aio.UnaryUnaryClientInterceptor, grpc.aio.UnaryStreamClientInterceptor):  # type: ignore[type-arg]
    def __init__(self) -> None:
        self.methods: list[str] = []

    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        self.methods.append(details.method.decode() if isinstance(details.method, bytes) else details.method)
        return await continuation(details, request)

    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        self.methods.append(details.method.decode() if isinstance(details.method, bytes) else details.method)
        return await continuation(details, request)


def test_async_call_semantics(server: ScriptedServer) -> None:
    recorder = AioRecorder()
    tokens = itertools.count(1)
    seen: list[str] = []

    def reset() -> None:
        seen.extend(c.method for c in server.calls)
        server.reset()

    async def scenario() -> None:
        cfg = config(server, interceptors=[recorder], token_provider=lambda: f"t{next(tokens)}")
        async with AsyncClient(config=cfg) as c:
            # One deadline for the whole call; each attempt gets what remains.
            server.script("GetProject", *[Step(delay=0.15, code=UNAVAILABLE)] * 10)
            start = time.monotonic()
            with pytest.raises((DeadlineExceeded, Unavailable)):
                await c.projects.get("p", timeout=0.6)
            assert time.monotonic() - start < 1.2
            remaining = [x.time_remaining or 0.0 for x in server.seen("GetProject")]
            assert len(remaining) >= 2 and remaining[1] <= remaining[0] - 0.1
            reset()
            # A stalled attempt cut by attempt_timeout is retried.
            server.script("GetProject", Step(delay=1.0))
            await c.projects.get("p", timeout=5.0, retry=QUICK.with_(attempt_timeout=0.2))
            assert len(server.seen("GetProject")) == 2
            reset()
            # One key on all attempts of a write, Create included; caller's own key; metadata joins.
            server.script("CreateProject", Step(code=UNAVAILABLE))
            await c.projects.create(obj(), metadata=[("x-request-id", "a-1")])
            await c.projects.delete("p", idempotency_key="del-1")
            create1, create2 = server.seen("CreateProject")
            assert create1.metadata["idempotency-key"] == create2.metadata["idempotency-key"]
            assert create1.metadata["x-request-id"] == "a-1"
            auth = [x.metadata["authorization"] for x in server.calls]  # the provider is asked per attempt
            assert len(auth) == 3 and len(set(auth)) == 3 and all(a.startswith("Bearer t") for a in auth)
            assert server.seen("DeleteProject")[0].metadata["idempotency-key"] == "del-1"
            assert all(x.metadata["user-agent"].startswith(USER_AGENT) for x in server.calls)
            # RESOURCE_EXHAUSTED without RetryInfo is final.
            server.script("GetProject", Step(code=EXHAUSTED))
            with pytest.raises(ResourceExhausted):
                await c.projects.get("p")
            assert "idempotency-key" not in server.seen("GetProject")[0].metadata

    asyncio.run(asyncio.wait_for(scenario(), 30))
    reset()
    assert [m.rpartition("/")[2] for m in recorder.methods] == seen  # the interceptor saw every attempt
    assert seen[-4:] == ["CreateProject", "CreateProject", "DeleteProject", "GetProject"]


# -- custom methods: the runtime paths their generated methods take ------------------------------------------------


def test_a_non_retryable_call_is_attempted_once_unless_retry_is_given(server: ScriptedServer) -> None:
    calls = Caller(config(server))
    request = project_svc_pb2.UpdateProjectRequest(project=obj())
    server.script("UpdateProject", Step(code=UNAVAILABLE), Step(code=UNAVAILABLE))
    with grpc.insecure_channel(server.address) as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        with pytest.raises(Unavailable):
            calls.unary(stub.UpdateProject, request, timeout=None, retry=None, write=True, retryable=False)
        calls.unary(stub.UpdateProject, request, timeout=None, retry=QUICK, write=True, retryable=False)
    keys = [c.metadata.get("idempotency-key") for c in server.seen("UpdateProject")]
    assert len(keys) == 3 and keys[0] is not None
    assert keys[1] == keys[2] != keys[0]  # the explicit policy's attempts share their call's key


def no_deadline(call: Seen) -> bool:
    """grpcio reports an unbounded call's time remaining as None or as a huge number."""
    return call.time_remaining is None or call.time_remaining > 3600


def test_a_stream_has_no_default_deadline_and_is_never_retried(server: ScriptedServer) -> None:
    calls = Caller(config(server))  # timeout=10 applies to unary calls only
    request = project_svc_pb2.WatchProjectsRequest(namespace="ns")
    with grpc.insecure_channel(server.address) as channel:
        stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
        md = [("x-trace", "s")]
        assert list(calls.stream(stub.WatchProjects, request, timeout=None, metadata=md, write=True)) == []
        server.script("WatchProjects", Step(code=UNAVAILABLE))
        with pytest.raises(Unavailable):
            list(calls.stream(stub.WatchProjects, request, timeout=None))
        list(calls.stream(stub.WatchProjects, request, timeout=30.0))
    keyed, failed, bounded = server.seen("WatchProjects")
    assert no_deadline(keyed) and keyed.metadata["x-trace"] == "s"
    assert uuid.UUID(keyed.metadata["idempotency-key"]).version == 4
    assert no_deadline(failed) and "idempotency-key" not in failed.metadata
    assert bounded.time_remaining is not None and 20 < bounded.time_remaining < 31  # the wire rounds deadlines up


def test_async_stream_is_never_retried(server: ScriptedServer) -> None:
    async def run() -> None:
        calls = AsyncCaller(config(server))
        request = project_svc_pb2.WatchProjectsRequest(namespace="ns")
        server.script("WatchProjects", Step(code=UNAVAILABLE))
        async with grpc.aio.insecure_channel(server.address) as channel:
            stub = project_svc_pb2_grpc.ProjectServiceStub(channel)
            with pytest.raises(Unavailable):
                [m async for m in calls.stream(stub.WatchProjects, request, timeout=None)]
            assert [m async for m in calls.stream(stub.WatchProjects, request, timeout=None, write=True)] == []

    asyncio.run(run())
    failed, keyed = server.seen("WatchProjects")
    assert "idempotency-key" not in failed.metadata and no_deadline(failed)
    assert uuid.UUID(keyed.metadata["idempotency-key"]).version == 4

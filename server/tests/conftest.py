"""Fixtures starting REAL `ma-server` processes on 127.0.0.1 and talking to them over gRPC."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterator

import grpc
import pytest
from api_server import ControlClient, ServerProcess

from ma_codegen.kube_apiserver import KubeApiServer
from ma_codegen.services import EtcdCluster

_ns_counter = itertools.count()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--server-storage",
        choices=("memory", "etcd", "kubernetes"),
        default="memory",
        help="storage of the shared `server` fixture: memory (default), a real single-member etcd,"
        " or a real kube-apiserver (on its own etcd) holding the objects as custom resources",
    )


_prefixes = itertools.count()


@pytest.fixture(scope="session")
def shared_etcd(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EtcdCluster | None]:
    """With `--server-storage etcd`, one etcd member for the session's shared servers; else None."""
    if request.config.getoption("--server-storage") != "etcd":
        yield None
        return
    with EtcdCluster(tmp_path_factory.mktemp("etcd"), 1, fsync=False) as cluster:
        yield cluster


@pytest.fixture(scope="session")
def server_backend(request: pytest.FixtureRequest) -> str:
    """The shared servers' storage: memory, etcd or kubernetes (`--server-storage`)."""
    return str(request.config.getoption("--server-storage"))


@pytest.fixture(scope="session")
def kube_apiserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KubeApiServer]:
    """A real kube-apiserver on its own etcd member with our CRDs installed, for the session
    (with `--server-storage kubernetes` the shared servers use it too)."""
    from ma_server.crd_sync import manifests

    root = tmp_path_factory.mktemp("kube")
    users = {"alice": (), "bob": ()}  # token users for the RBAC tests (no groups: no rights until bound)
    with (
        EtcdCluster(root / "etcd", 1, fsync=False) as etcd,
        KubeApiServer(root / "apiserver", etcd, users=users) as kas,
    ):
        kas.apply_crds(manifests())
        yield kas


@pytest.fixture(scope="session")
def server_storage(request: pytest.FixtureRequest, shared_etcd: EtcdCluster | None) -> Callable[[], str]:
    """Storage URLs for the shared servers: memory://, each its own key prefix on the session's etcd,
    or `kubernetes` (the session's kube-apiserver, named by $KUBECONFIG for the server processes)."""
    if request.config.getoption("--server-storage") == "kubernetes":
        kas: KubeApiServer = request.getfixturevalue("kube_apiserver")
        os.environ["KUBECONFIG"] = str(kas.kubeconfig())
        return lambda: "kubernetes"
    if shared_etcd is None:
        return lambda: "memory://"
    return lambda: f"{shared_etcd.url}?prefix=/server-{next(_prefixes)}"


@pytest.fixture(scope="session")
def server(server_storage: Callable[[], str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A shared server (bookmarks every second for the bookmark test): in memory, or with
    `--server-storage etcd` on a real etcd member started for the session."""
    d = tmp_path_factory.mktemp("shared")
    srv = ServerProcess(server_storage(), d / "server.log", "--bookmark-interval", "1").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    d = tmp_path_factory.mktemp("sqlite")
    srv = ServerProcess(f"sqlite:///{d}/data.db", d / "server.log").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def channel(server: ServerProcess) -> Iterator[grpc.Channel]:
    ch = grpc.insecure_channel(server.target)
    grpc.channel_ready_future(ch).result(timeout=10)
    try:
        yield ch
    finally:
        ch.close()


@pytest.fixture
def ns() -> str:
    """A namespace no other test uses (tests share one server)."""
    return f"t{os.getpid() % 1000}-{next(_ns_counter)}-{int(time.time() * 1000) % 100000}"


@pytest.fixture
def control(channel: grpc.Channel) -> Iterator[ControlClient]:
    c = ControlClient(channel)
    c("Reset", {})
    try:
        yield c
    finally:
        c("Reset", {})

"""`ma-server`: the reference API server (gRPC, plus HTTP/JSON when `ma_server.http` is present).

On startup it prints one line to stdout,
`{"event":"ready","grpc_port":N,"http_port":M,"tls":false,"auth":false}`
(`http_port` null without the HTTP gateway), so harnesses can read the bound
ports when started with port 0.

`--tls-cert-file`/`--tls-key-file` (PEM, both or neither) serve gRPC and HTTP
over TLS. `--auth-token` (repeatable; default `$MA_SERVER_AUTH_TOKENS`,
comma-separated) requires `authorization: Bearer <token>` on every API call
(see `ma_server.auth`; health, reflection, the conformance control and the
HTTP health probes and /version stay open).

`--storage-quota-bytes` caps a SQLite store (writes past it: RESOURCE_EXHAUSTED /
HTTP 507); `--storage-check-seconds` bounds its integrity check at start. A store
that cannot be trusted (see `ma_server.storage.sqlite`) ends the start with one
`server failed: storage <url>: <problem>` line and exit code 1.

`--storage etcd://host:port[,host:port...]` keeps the objects in an etcd v3
cluster (see `ma_server.storage.etcd`), so several ma-server processes can serve
them; `--etcd-cafile`/`--etcd-certfile`/`--etcd-keyfile` (PEM) reach it over TLS,
`--etcd-user` with `--etcd-password-file` authenticate. A cluster that cannot be
reached at start ends the start with one `server failed: storage ...` line.

Logs are JSON lines on stderr. SIGTERM/SIGINT: health goes NOT_SERVING, open
watches end with UNAVAILABLE "server shutting down" (clients reconnect
elsewhere or later), in-flight unary calls get 5 s to finish, then the storage
is closed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import importlib
import json
import logging
import os
import signal
import ssl
import sys
from collections.abc import Sequence
from typing import Any

import grpc
import prometheus_client

from ma_server import __version__, allocator, crd_sync, offload
from ma_server.app import AppState, build_app
from ma_server.auth import token_problem, tokens_from_env
from ma_server.connection_limits import (
    DEFAULT_BODY_TIMEOUT,
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_MAX_HEADER_BYTES,
    AcceptErrorLog,
    ConnectionLimits,
    grpc_options,
)
from ma_server.grpc_service import TRANSPORT_MAX_RECEIVE, add_services, set_serving
from ma_server.idempotency import DEFAULT_RETENTION
from ma_server.kube_identity import KubeTokenAuth
from ma_server.limits import MAX_OBJECT_BYTES, MAX_SORTED_OBJECTS, check_max_object_bytes
from ma_server.metrics import Metrics
from ma_server.storage import (
    CHECK_SECONDS,
    EtcdConfig,
    EtcdStorage,
    KubernetesStorage,
    Storage,
    StorageError,
    StorageOpenError,
    is_kubernetes_url,
    open_storage,
)
from ma_server.storage.kubeconfig import resolve as resolve_kubeconfig
from ma_server.watch_limits import DEFAULT_MAX_WATCHES, DEFAULT_WATCH_BUFFER_BYTES

log = logging.getLogger("ma_server")

SHUTDOWN_GRACE = 5.0
AUTH_TOKENS_ENV = "MA_SERVER_AUTH_TOKENS"
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, plus `extra={"fields": {...}}`."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            out.update(fields)
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ma-server", description="Michelangelo API reference server")
    p.add_argument(
        "--storage",
        default="sqlite:///./.ma/data.db",
        help="memory://, sqlite:///<path>, etcd://host:port[,host:port...][?prefix=/p&timeout=S] or kubernetes",
    )
    kube = p.add_argument_group("Kubernetes storage (--storage kubernetes)")
    kube.add_argument(
        "--kubeconfig",
        metavar="FILE",
        help="kubeconfig naming the Kubernetes API server (default: $KUBECONFIG, ~/.kube/config, in-cluster)",
    )
    kube.add_argument("--kube-context", metavar="NAME", help="kubeconfig context (default: its current-context)")
    kube.add_argument(
        "--kubernetes-impersonate",
        action="store_true",
        help="callers authenticate with Kubernetes bearer tokens (TokenReview) and every call is made as"
        " them (impersonation headers), so Kubernetes RBAC decides; replaces --auth-token",
    )
    kube.add_argument(
        "--install-crds",
        action="store_true",
        help="create or update the CRDs at start; an incompatible change to a stored version is refused",
    )
    etcd = p.add_argument_group("etcd storage (--storage etcd://...)")
    etcd.add_argument("--etcd-cafile", metavar="PEM", help="CA bundle to verify etcd's serving certificate (TLS)")
    etcd.add_argument("--etcd-certfile", metavar="PEM", help="client certificate for etcd (TLS client auth)")
    etcd.add_argument("--etcd-keyfile", metavar="PEM", help="private key of --etcd-certfile")
    etcd.add_argument(
        "--etcd-user", metavar="NAME", help="etcd user (etcd auth); the password from --etcd-password-file"
    )
    etcd.add_argument(
        "--etcd-password-file",
        metavar="FILE",
        help="file whose first line is the --etcd-user password (kept out of the process list)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--grpc-port", type=int, default=50051, help="gRPC port; 0 picks a free one")
    p.add_argument("--http-port", type=int, default=8080, help="HTTP/JSON port; 0 picks a free one")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.add_argument("--conformance", action="store_true", help="enable the ma.conformance.Control fault injection")
    p.add_argument(
        "--token-secret",
        default=os.environ.get("MA_TOKEN_SECRET", ""),
        help="secret signing continue tokens (default: $MA_TOKEN_SECRET, else random per process)",
    )
    p.add_argument("--bookmark-interval", type=float, default=60.0, help="seconds between watch BOOKMARK events")
    p.add_argument(
        "--tls-cert-file",
        metavar="PATH",
        help="PEM certificate (chain): serve gRPC and HTTPS over TLS (needs --tls-key-file)",
    )
    p.add_argument("--tls-key-file", metavar="PATH", help="PEM private key (unencrypted) of --tls-cert-file")
    p.add_argument(
        "--auth-token",
        action="append",
        metavar="TOKEN",
        help="require 'authorization: Bearer TOKEN' on every API call; repeat for several accepted tokens "
        f"(default: ${AUTH_TOKENS_ENV}, comma-separated; prefer it, arguments show in ps)",
    )
    p.add_argument(
        "--idempotency-retention",
        type=float,
        default=DEFAULT_RETENTION,
        metavar="SECONDS",
        help="how long the outcome of a write with an idempotency key is kept for repeats (0: not recorded)",
    )
    # Connection limits, per listener (HTTP and gRPC each): see ma_server/connection_limits.py.
    p.add_argument(
        "--max-connections",
        type=int,
        default=DEFAULT_MAX_CONNECTIONS,
        help="most open connections per listener; HTTP answers more with 503 and Retry-After, gRPC closes them",
    )
    p.add_argument(
        "--max-header-bytes",
        type=int,
        default=DEFAULT_MAX_HEADER_BYTES,
        help="most bytes of an HTTP request line and headers (431) and of gRPC request metadata",
    )
    p.add_argument(
        "--header-timeout",
        type=float,
        default=DEFAULT_HEADER_TIMEOUT,
        metavar="SECONDS",
        help="time to receive an HTTP request head (then 408 and close) or the gRPC handshake",
    )
    p.add_argument(
        "--idle-timeout",
        type=float,
        default=DEFAULT_IDLE_TIMEOUT,
        metavar="SECONDS",
        help="how long an idle HTTP keep-alive connection stays open",
    )
    p.add_argument(
        "--body-timeout",
        type=float,
        default=DEFAULT_BODY_TIMEOUT,
        metavar="SECONDS",
        help="time to receive an HTTP request body after its head (then 408 and close)",
    )
    p.add_argument(
        "--max-object-bytes",
        type=int,
        default=MAX_OBJECT_BYTES,
        metavar="BYTES",
        help="largest object stored (serialized protobuf), on every write path and transport; "
        "larger writes get INVALID_ARGUMENT / HTTP 413 (see ma_server.limits)",
    )
    p.add_argument(
        "--max-sorted-objects",
        type=int,
        default=MAX_SORTED_OBJECTS,
        metavar="N",
        help="a List with order_by reads and sorts at most N objects in ma-server; more is FAILED_PRECONDITION",
    )
    # Storage faults (see ma_server.storage.sqlite): the quota and the integrity check at start.
    p.add_argument(
        "--storage-quota-bytes",
        type=int,
        default=0,
        metavar="BYTES",
        help="sqlite: largest database file; writes past it fail with RESOURCE_EXHAUSTED / HTTP 507 (0: no quota)",
    )
    p.add_argument(
        "--storage-check-seconds",
        type=float,
        default=CHECK_SECONDS,
        metavar="SECONDS",
        help="sqlite: longest integrity check (PRAGMA quick_check) of the store at start (0: no check)",
    )
    # Watch limits (ma_server.watch_limits).
    p.add_argument(
        "--max-watches",
        type=int,
        default=DEFAULT_MAX_WATCHES,
        metavar="N",
        help="concurrent watches over gRPC and HTTP; beyond it RESOURCE_EXHAUSTED / 429 with a retry delay",
    )
    p.add_argument(
        "--watch-buffer-bytes",
        type=int,
        default=DEFAULT_WATCH_BUFFER_BYTES,
        metavar="BYTES",
        help="unread events one watcher may hold; a watcher falling further behind is ended (it resumes)",
    )
    # Large requests off the event loop (ma_server.offload).
    p.add_argument(
        "--offload-threshold-bytes",
        type=int,
        default=offload.OFFLOAD_THRESHOLD_BYTES,
        metavar="BYTES",
        help="requests at least this large are parsed, validated and encoded off the event loop",
    )
    p.add_argument(
        "--max-offload-bytes",
        type=int,
        default=offload.MAX_OFFLOAD_BYTES,
        metavar="BYTES",
        help="total size of the large requests processed at once; later ones wait",
    )
    p.add_argument(
        "--offload-wait-seconds",
        type=float,
        default=offload.ADMISSION_WAIT_SECONDS,
        metavar="SECONDS",
        help="longest a large request waits for room before RESOURCE_EXHAUSTED / 429",
    )
    p.add_argument(
        "--malloc-retain-bytes",
        type=int,
        default=allocator.DEFAULT_RETAIN_BYTES,
        metavar="BYTES",
        help="glibc: serve buffers up to this size from the heap and keep this much free in it"
        " (large messages then fault no fresh pages in); 0: the allocator's defaults",
    )
    p.add_argument("--version", action="version", version=f"ma-server {__version__}")
    args = p.parse_args(argv)
    if not 0 <= args.malloc_retain_bytes <= allocator.MAX_RETAIN_BYTES:
        p.error(f"--malloc-retain-bytes must be between 0 and {allocator.MAX_RETAIN_BYTES}")
    args.limits = ConnectionLimits(
        args.max_connections, args.max_header_bytes, args.header_timeout, args.idle_timeout, args.body_timeout
    )
    if (problem := args.limits.problem()) is not None:
        p.error(problem)
    if (args.etcd_certfile is None) != (args.etcd_keyfile is None):
        p.error("--etcd-certfile and --etcd-keyfile go together")
    if (args.etcd_user is None) != (args.etcd_password_file is None):
        p.error("--etcd-user and --etcd-password-file go together")
    etcd_flags = (args.etcd_cafile, args.etcd_certfile, args.etcd_user)
    kube_flags = (args.kubeconfig, args.kube_context, args.install_crds or None, args.kubernetes_impersonate or None)
    if any(f is not None for f in kube_flags) and not is_kubernetes_url(args.storage):
        p.error("--kubeconfig, --kube-context, --install-crds and --kubernetes-impersonate need --storage kubernetes")
    if any(f is not None for f in etcd_flags) and not args.storage.startswith("etcd://"):
        p.error("the --etcd-* options need --storage etcd://...")
    if args.storage_quota_bytes < 0:
        p.error("--storage-quota-bytes must be >= 0")
    if args.storage_check_seconds < 0:
        p.error("--storage-check-seconds must be >= 0")
    if args.max_watches < 1:
        p.error("--max-watches must be >= 1")
    if args.watch_buffer_bytes < 1:
        p.error("--watch-buffer-bytes must be >= 1")
    if args.offload_threshold_bytes < 0 or args.max_offload_bytes <= 0 or args.offload_wait_seconds < 0:
        p.error("--offload-threshold-bytes and --offload-wait-seconds must be >= 0, --max-offload-bytes positive")
    if args.bookmark_interval <= 0:
        p.error("--bookmark-interval must be positive")
    if args.idempotency_retention < 0:
        p.error("--idempotency-retention must be >= 0")
    if args.max_sorted_objects < 1:
        p.error("--max-sorted-objects must be >= 1")
    if (problem := check_max_object_bytes(args.max_object_bytes)) is not None:
        p.error(f"--max-object-bytes {problem}")
    _check_tls(p, args)
    _check_auth(p, args)
    if args.kubernetes_impersonate and args.auth_tokens:
        p.error("--kubernetes-impersonate authenticates callers with Kubernetes; drop --auth-token")
    return args


def _no_password() -> bytes:
    raise ValueError("encrypted private keys are not supported")


def _check_tls(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Both TLS files or neither; read them (args.tls_cert_pem / tls_key_pem) and check they form a key pair."""
    args.tls_cert_pem = args.tls_key_pem = None
    if args.tls_cert_file is None and args.tls_key_file is None:
        return
    if args.tls_key_file is None:
        p.error("--tls-key-file is required with --tls-cert-file")
    if args.tls_cert_file is None:
        p.error("--tls-cert-file is required with --tls-key-file")
    pems: dict[str, bytes] = {}
    for flag, path in (("--tls-cert-file", args.tls_cert_file), ("--tls-key-file", args.tls_key_file)):
        try:
            with open(path, "rb") as f:
                pems[flag] = f.read()
        except OSError as e:
            p.error(f"{flag}: cannot read {path}: {e.strerror or e}")
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(
            args.tls_cert_file, args.tls_key_file, password=_no_password
        )
    except (OSError, ValueError) as e:
        p.error(
            f"--tls-cert-file/--tls-key-file: {args.tls_cert_file} and {args.tls_key_file} "
            f"are not a PEM certificate and its private key: {e}"
        )
    args.tls_cert_pem, args.tls_key_pem = pems["--tls-cert-file"], pems["--tls-key-file"]


def _check_auth(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """args.auth_tokens: the --auth-token values, else those of $MA_SERVER_AUTH_TOKENS. Errors never show a token."""
    if args.auth_token is not None:
        source, tokens = "--auth-token", list(args.auth_token)
    else:
        env = os.environ.get(AUTH_TOKENS_ENV, "")
        source, tokens = f"${AUTH_TOKENS_ENV}", tokens_from_env(env)
        if env.strip() and not tokens:
            p.error(f"${AUTH_TOKENS_ENV} is set but holds no token")
    for i, token in enumerate(tokens, 1):
        problem = token_problem(token)
        if problem is not None:
            p.error(f"{source}: {problem} (token {i} of {len(tokens)})")
    args.auth_tokens = tokens


async def start_http(
    state: AppState,
    host: str,
    port: int,
    tls_files: tuple[str, str] | None = None,
    limits: ConnectionLimits | None = None,
) -> tuple[Any, int | None]:
    """Start the HTTP gateway if the optional `ma_server.http` module exists; (server, bound port)."""
    try:
        module = importlib.import_module("ma_server.http")
    except ModuleNotFoundError as e:
        if e.name not in ("ma_server.http",):
            raise  # the gateway exists but a dependency of it is missing: fail loudly
        log.info("HTTP gateway not installed (no ma_server.http); serving gRPC only")
        return None, None
    serve_http = getattr(module, "serve_http", None)
    if serve_http is None:
        log.info("ma_server.http has no serve_http; serving gRPC only")
        return None, None
    extra: dict[str, Any] = {} if limits is None else {"limits": limits}
    if tls_files is None:
        server = await serve_http(state, host, port, **extra)
    else:
        server = await serve_http(state, host, port, ssl_certfile=tls_files[0], ssl_keyfile=tls_files[1], **extra)
    bound = getattr(server, "port", None)
    return server, int(bound) if bound is not None else port


def _etcd_config(args: argparse.Namespace) -> EtcdConfig | None:
    """TLS files and credentials of the --etcd-* flags (files are read now: a missing one is one line)."""
    if not args.storage.startswith("etcd://"):
        return None
    for flag in ("etcd_cafile", "etcd_certfile", "etcd_keyfile"):
        path = getattr(args, flag)
        if path is not None and not os.access(path, os.R_OK):
            raise ValueError(f"--{flag.replace('_', '-')} {path}: not a readable file")
    password = None
    if args.etcd_password_file is not None:
        try:
            with open(args.etcd_password_file, encoding="utf-8") as f:
                password = f.readline().rstrip("\r\n")
        except OSError as e:
            raise ValueError(f"--etcd-password-file {args.etcd_password_file}: {e.strerror}") from None
    return EtcdConfig(
        (),
        ca_file=args.etcd_cafile,
        cert_file=args.etcd_certfile,
        key_file=args.etcd_keyfile,
        user=args.etcd_user,
        password=password,
    )


async def serve(args: argparse.Namespace) -> None:
    storage = open_storage(
        args.storage,
        watch_buffer_bytes=args.watch_buffer_bytes,
        quota_bytes=args.storage_quota_bytes,
        check_seconds=args.storage_check_seconds,
        etcd=_etcd_config(args),
        kube=resolve_kubeconfig(args.kubeconfig, args.kube_context) if is_kubernetes_url(args.storage) else None,
    )
    try:
        if isinstance(storage, KubernetesStorage) and args.install_crds:
            try:
                report = await crd_sync.install(storage)
            except StorageError as e:  # unreachable, credentials refused, forbidden to manage CRDs
                raise StorageOpenError(storage.target.server, f"installing the CRDs: {e}") from None
            for line in report:
                log.info("CRD %s", line)
        if isinstance(storage, EtcdStorage | KubernetesStorage):
            await storage.check()  # unreachable or refusing us: one line at start, not a failing first call
        await _run(args, storage)
    finally:
        await storage.close()  # also after a failed startup: SQLite releases its file cleanly


async def _run(args: argparse.Namespace, storage: Storage) -> None:
    offload.configure(
        threshold_bytes=args.offload_threshold_bytes,
        max_bytes=args.max_offload_bytes,
        wait_seconds=args.offload_wait_seconds,
    )
    state = build_app(
        storage,
        token_secret=args.token_secret.encode() if args.token_secret else None,
        bookmark_interval=args.bookmark_interval,
        conformance=args.conformance,
        # One server per process: use the default registry, which /metrics (HTTP) exposes.
        metrics=Metrics(prometheus_client.REGISTRY),
        auth_tokens=args.auth_tokens,
        idempotency_retention=args.idempotency_retention,
        max_object_bytes=args.max_object_bytes,
        max_sorted_objects=args.max_sorted_objects,
        max_watches=args.max_watches,
        authenticator=KubeTokenAuth(storage)
        if args.kubernetes_impersonate and isinstance(storage, KubernetesStorage)
        else None,
    )
    tls = args.tls_cert_pem is not None
    auth = state.auth is not None
    if auth and not tls and args.host not in _LOOPBACK_HOSTS:
        log.warning("bearer tokens travel in clear text: serving off loopback without --tls-cert-file")
    # so_reuseport off: a port already in use must fail instead of being shared silently.
    # The API's 4 MiB request limit is enforced by the handlers (grpc_service.MAX_REQUEST_BYTES).
    # Connection, metadata, handshake and keepalive bounds: connection_limits.grpc_options.
    server = grpc.aio.server(
        options=[
            ("grpc.so_reuseport", 0),
            ("grpc.max_receive_message_length", TRANSPORT_MAX_RECEIVE),
            *grpc_options(args.limits),
        ]
    )
    health = add_services(server, state)
    address = f"{args.host}:{args.grpc_port}"
    if tls:
        credentials = grpc.ssl_server_credentials([(args.tls_key_pem, args.tls_cert_pem)])
        grpc_port = server.add_secure_port(address, credentials)
    else:
        grpc_port = server.add_insecure_port(address)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    AcceptErrorLog.install(loop)  # out of descriptors: one line per interval, not a traceback per accept
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if isinstance(storage, EtcdStorage):
        storage.observe = lambda op, seconds: state.metrics.storage_latency.labels(op).observe(seconds)
    await server.start()
    http_server: Any = None
    # Readiness follows the storage (ma_server.readiness): NOT_SERVING while it cannot answer.
    follow_stop = asyncio.Event()

    async def on_readiness(ready: bool) -> None:
        if not follow_stop.is_set():
            await set_serving(health, state, serving=ready)

    follower = asyncio.create_task(state.readiness.follow(storage, on_readiness, follow_stop))
    try:
        await set_serving(health, state, serving=True)
        tls_files = (args.tls_cert_file, args.tls_key_file) if tls else None
        http_server, http_port = await start_http(state, args.host, args.http_port, tls_files, args.limits)
        ready = {"event": "ready", "grpc_port": grpc_port, "http_port": http_port, "tls": tls, "auth": auth}
        print(json.dumps(ready), flush=True)
        fields = {
            "grpc_port": grpc_port,
            "http_port": http_port,
            "storage": args.storage,
            "conformance": args.conformance,
            "resources": len(state.resources),
            "tls": tls,
            "auth": auth,  # never the tokens
        }
        log.info("ready", extra={"fields": fields})
        await stop.wait()
        log.info("shutting down")
        follow_stop.set()
        await set_serving(health, state, serving=False)
    finally:
        follow_stop.set()
        follower.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await follower
        state.shutdown.set()  # open watches end with UNAVAILABLE "server shutting down"
        if http_server is not None and hasattr(http_server, "stop"):
            with contextlib.suppress(Exception):
                await http_server.stop(SHUTDOWN_GRACE)
        await server.stop(SHUTDOWN_GRACE)  # stops accepting; in-flight unary calls get the grace period
    log.info("stopped")


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    configure_logging(args.log_level)
    allocator.retain_large_buffers(args.malloc_retain_bytes)
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass
    except (OSError, RuntimeError, ValueError, StorageOpenError, crd_sync.CrdSyncError) as e:
        # Bind failures, bad --storage URLs and stores that cannot be trusted: one clear line, no traceback.
        log.error("server failed: %s", e)
        sys.exit(1)


if __name__ == "__main__":
    main()

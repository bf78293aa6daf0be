"""etcd v3 storage: the `Storage` interface on a real etcd cluster, so several ma-server
instances can serve the same objects.

Mapping (the interface's semantics were written after etcd's, so most are direct):

- A revision is etcd's revision; an object's resourceVersion is its key's
  `mod_revision`. Every etcd write raises it, so unlike memory/SQLite a record
  stored on its own (`put_idempotency_record`) or a record expiring also takes
  a revision: revisions are strictly increasing, not consecutive per object write.
- Create is one Txn comparing `create_revision == 0`; update and delete compare
  the expected `mod_revision` (or `create_revision > 0`, "exists", without one).
  The Txn's failure branch reads the key and the idempotency record back, so a
  refused write learns why in the same round trip.
- List is one Range at one revision (0: the latest; continue tokens pin theirs).
- Watch is an etcd Watch from `after_revision + 1` with `prev_kv`, one gRPC
  stream per watcher, pumped into the same bounded `WatchBuffer` the other
  backends use. A broken stream (an etcd member died) is reopened from the
  last revision delivered; a compacted start ends the watch with
  `RevisionCompactedError`, as the other backends' event windows do.
- Idempotency records live beside the objects under `<prefix>/ma/idempotency/`,
  written in the write's own Txn (guarded by the record key's absence, or by the
  mod_revision of an expired record being replaced). Their retention is an etcd
  lease: records share one lease per `LEASE_BUCKET_SECONDS` of expiry time, so
  a write costs no extra round trip; the value carries the exact expiry, which
  every read checks, and the lease deletes the key at most one bucket later.
- Compaction is etcd's own (`--auto-compaction-*` on etcd, or `compact`); the
  compaction point is learned from etcd (a bounded probe at first use, then
  every compacted answer) for `oldest_revision`.
- Faults: an unreachable cluster or a lost quorum is `StorageUnavailableError`
  ("unavailable", answered UNAVAILABLE); etcd's space quota is "full"
  (RESOURCE_EXHAUSTED); a request etcd finds too large names `--max-request-bytes`.

The client is our own thin layer over the grpc.aio stubs generated from etcd's
`rpc.proto` that the `aetcd` package ships (package `etcdserverpb`, etcd's own
field numbers): aetcd's `Client` takes one endpoint and hides the watch ids,
compact revisions and Txn failure branches this module needs.
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import struct
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

import grpc

# aetcd ships no type information; its generated stubs are typed Any here.
from aetcd.rpc import kv_pb2 as mvccpb  # type: ignore[import-untyped]
from aetcd.rpc import rpc_pb2 as pb
from aetcd.rpc import rpc_pb2_grpc as pbg

from ._common import (
    DEFAULT_WATCH_BUFFER_BYTES,
    DEFAULT_WATCH_BUFFER_EVENTS,
    FutureRevisionError,
    StorageClosedError,
    StorageOpenError,
    StorageUnavailableError,
    WatchBuffer,
    check_list_args,
    check_positive,
)
from .base import (
    Event,
    EventType,
    IdempotencyRecord,
    IdempotencyRecordExistsError,
    KeyExistsError,
    KeyNotFoundError,
    KeyValue,
    ListResult,
    RevisionCompactedError,
    RevisionConflictError,
    Selection,
    Storage,
    StorageError,
)

SCHEME = "etcd://"
DEFAULT_TIMEOUT_SECONDS = 10.0
# Records expiring within one bucket share a lease that ends one bucket after the bucket's end.
LEASE_BUCKET_SECONDS = 60
RECORDS = "/ma/idempotency/"
# Attempts of a write whose Txn lost a race it can retry (an expired record replaced meanwhile).
WRITE_ATTEMPTS = 4
# A live event waits this long for room in a full watcher buffer before the watcher is ended as too slow.
LIVE_WAIT_SECONDS = 1.0
# A broken watch stream is reopened after this delay, doubling up to the cap.
WATCH_RETRY_SECONDS = (0.05, 2.0)
# etcd's messages for the conditions the interface names (etcd's rpctypes / mvcc errors).
_COMPACTED = "required revision has been compacted"
_FUTURE = "required revision is a future revision"
_NO_SPACE = "database space exceeded"
_TOO_LARGE = "request is too large"
_LEASE_NOT_FOUND = "requested lease not found"
_AUTH_FAILED = "authentication failed"
_BAD_TOKEN = ("invalid auth token", "user name is empty", "auth: revision in header is old")
# gRPC message bounds of the client: responses of a List can be large (the server pages them by
# bytes above this layer); requests are bounded by --max-object-bytes long before this.
_MAX_MESSAGE = 2**31 - 1
_KEEPALIVE_MS = 10_000  # a member that vanished without a FIN is noticed within ~2 keepalives

T = TypeVar("T")


@dataclass(frozen=True)
class EtcdConfig:
    """Where and how to reach etcd (from the storage URL and the --etcd-* flags)."""

    endpoints: tuple[tuple[str, int], ...]
    prefix: str = ""  # prepended to every key: several deployments can share one cluster
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def tls(self) -> bool:
        return self.ca_file is not None or self.cert_file is not None

    def describe(self) -> str:
        hosts = ",".join(f"{_host_text(h)}:{p}" for h, p in self.endpoints)
        return f"{SCHEME}{hosts}" + (f"?prefix={self.prefix}" if self.prefix else "")


def _host_text(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def parse_etcd_url(url: str) -> EtcdConfig:
    """`etcd://host:port[,host:port...][?prefix=/p&timeout=S]`; ValueError naming the problem."""
    if not url.startswith(SCHEME):
        raise ValueError(f"storage URL {url!r}: not an etcd:// URL")
    rest = url[len(SCHEME) :]
    hosts, _, query = rest.partition("?")
    hosts = hosts.rstrip("/")
    if not hosts:
        raise ValueError(f"storage URL {url!r} names no etcd endpoint; use etcd://host:port[,host:port...]")
    endpoints: list[tuple[str, int]] = []
    for part in hosts.split(","):
        split = urlsplit("//" + part)
        try:
            port = split.port
        except ValueError:
            port = None
        if not split.hostname or port is None or split.username is not None or split.path:
            raise ValueError(f"storage URL {url!r}: endpoint {part!r} is not host:port")
        endpoints.append((split.hostname, port))
    prefix, timeout = "", DEFAULT_TIMEOUT_SECONDS
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == "prefix":
            prefix = unquote(value).rstrip("/")
            if prefix and not prefix.startswith("/"):
                raise ValueError(f"storage URL {url!r}: prefix must start with '/', got {value!r}")
        elif name == "timeout":
            try:
                timeout = float(value)
            except ValueError:
                timeout = -1.0
            if not (0 < timeout <= 300):
                raise ValueError(f"storage URL {url!r}: timeout must be seconds in (0, 300], got {value!r}")
        else:
            raise ValueError(f"storage URL {url!r}: unknown option {name!r}; etcd:// takes prefix, timeout")
    return EtcdConfig(tuple(endpoints), prefix=prefix, timeout=timeout)


# -- idempotency records as etcd values ------------------------------------------

_RECORD_HEAD = struct.Struct("<BBdI")  # format 1, stored with a write, expires_at, len(fingerprint)


def _encode_record(record: IdempotencyRecord, with_write: bool) -> bytes:
    fp = record.fingerprint.encode()
    return _RECORD_HEAD.pack(1, with_write, record.expires_at, len(fp)) + fp + record.response


def _decode_record(scope: str, kv: mvccpb.KeyValue) -> IdempotencyRecord:
    data = bytes(kv.value)
    fmt, with_write, expires_at, n = _RECORD_HEAD.unpack_from(data)
    if fmt != 1:
        raise StorageUnavailableError("corrupt", f"idempotency record {scope[:12]}... has unknown format {fmt}")
    start = _RECORD_HEAD.size
    fingerprint = data[start : start + n].decode()
    # Stored with a write, the record's key got the write's revision in the same Txn.
    return IdempotencyRecord(scope, fingerprint, data[start + n :], expires_at, kv.mod_revision if with_write else 0)


# -- etcd requests -------------------------------------------------------------


def _absent(key: bytes) -> pb.Compare:
    return pb.Compare(result=pb.Compare.EQUAL, target=pb.Compare.CREATE, key=key, create_revision=0)


def _present(key: bytes) -> pb.Compare:
    return pb.Compare(result=pb.Compare.GREATER, target=pb.Compare.CREATE, key=key, create_revision=0)


def _at(key: bytes, mod_revision: int) -> pb.Compare:
    return pb.Compare(result=pb.Compare.EQUAL, target=pb.Compare.MOD, key=key, mod_revision=mod_revision)


def _put(key: bytes, value: bytes, lease: int = 0) -> pb.RequestOp:
    return pb.RequestOp(request_put=pb.PutRequest(key=key, value=value, lease=lease, prev_kv=True))


def _read(key: bytes) -> pb.RequestOp:
    return pb.RequestOp(request_range=pb.RangeRequest(key=key))


def _range_end(prefix: bytes) -> bytes:
    """The first key after every key starting with `prefix` (etcd's prefix range end)."""
    end = bytearray(prefix)
    while end:
        if end[-1] < 0xFF:
            end[-1] += 1
            return bytes(end)
        end.pop()
    return b"\0"  # every key


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@dataclass
class _Ended:
    """Why a watch's pump stopped on its own (None: the storage closed)."""

    error: BaseException | None = None


class EtcdStorage(Storage):
    """Storage on an etcd v3 cluster; see the module docstring. Belongs to one event loop."""

    def __init__(
        self,
        config: EtcdConfig,
        *,
        watch_buffer_bytes: int = DEFAULT_WATCH_BUFFER_BYTES,
        watch_buffer_events: int = DEFAULT_WATCH_BUFFER_EVENTS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.watch_buffer_bytes = check_positive("watch_buffer_bytes", watch_buffer_bytes)
        self.watch_buffer_events = check_positive("watch_buffer_events", watch_buffer_events)
        self._clock = clock  # wall clock of idempotency record expiry
        self._prefix = config.prefix.encode()
        self._channel: grpc.aio.Channel | None = None
        self._kv: pbg.KVStub | None = None
        self._watch_stub: pbg.WatchStub | None = None
        self._lease: pbg.LeaseStub | None = None
        self._metadata: tuple[tuple[str, str], ...] = ()
        self._connecting: asyncio.Lock | None = None
        self._lease_lock: asyncio.Lock | None = None
        self._leases: dict[int, int] = {}  # bucket end (s) -> lease id
        self._compacted = 0  # the highest compaction point seen
        self._probed = False
        self._pumps: set[asyncio.Task[None]] = set()
        self._buffers: set[WatchBuffer] = set()
        self._closed = False
        # Called with (operation, seconds) after every etcd call: the server's /metrics histogram.
        self.observe: Callable[[str, float], None] | None = None

    # -- connection ------------------------------------------------------------

    async def _connect(self) -> None:
        if self._closed:
            raise StorageClosedError()
        if self._kv is not None:
            return
        if self._connecting is None:
            self._connecting = asyncio.Lock()
        async with self._connecting:
            if self._kv is not None:
                return
            target, authority = await self._target()
            options: list[tuple[str, Any]] = [
                ("grpc.lb_policy_name", "round_robin"),
                ("grpc.max_receive_message_length", _MAX_MESSAGE),
                ("grpc.max_send_message_length", _MAX_MESSAGE),
                ("grpc.keepalive_time_ms", _KEEPALIVE_MS),
                ("grpc.keepalive_timeout_ms", _KEEPALIVE_MS),
                ("grpc.keepalive_permit_without_calls", 1),
                ("grpc.http2.max_pings_without_data", 0),
            ]
            if self.config.tls:
                credentials = grpc.ssl_channel_credentials(
                    root_certificates=_read_file(self.config.ca_file),
                    private_key=_read_file(self.config.key_file),
                    certificate_chain=_read_file(self.config.cert_file),
                )
                if authority is not None:
                    options.append(("grpc.ssl_target_name_override", authority))
                channel = grpc.aio.secure_channel(target, credentials, options=options)
            else:
                channel = grpc.aio.insecure_channel(target, options=options)
            self._channel = channel
            kv = pbg.KVStub(channel)
            self._watch_stub = pbg.WatchStub(channel)
            self._lease = pbg.LeaseStub(channel)
            if self.config.user is not None:
                await self._authenticate(channel)
            self._kv = kv

    async def _target(self) -> tuple[str, str | None]:
        """The gRPC target naming every endpoint (round robin over them), and the TLS name to check."""
        endpoints = self.config.endpoints
        if len(endpoints) == 1 and not _is_ip(endpoints[0][0]):
            host, port = endpoints[0]
            return f"dns:///{host}:{port}", None
        addresses: list[str] = []
        authority = None
        loop = asyncio.get_running_loop()
        for host, port in endpoints:
            if _is_ip(host):
                addresses.append(f"{_host_text(host)}:{port}")
                continue
            authority = authority or host
            try:
                infos = await loop.getaddrinfo(host, port, type=0)
            except OSError as e:
                raise StorageOpenError(self.config.describe(), f"cannot resolve etcd endpoint {host}: {e}") from None
            addresses += sorted({f"{_host_text(str(info[4][0]))}:{port}" for info in infos})
        if all(":" not in a.rsplit(":", 1)[0] for a in addresses):
            return "ipv4:" + ",".join(addresses), authority
        return "ipv6:" + ",".join(addresses), authority

    async def _authenticate(self, channel: grpc.aio.Channel) -> None:
        auth = pbg.AuthStub(channel)
        request = pb.AuthenticateRequest(name=self.config.user or "", password=self.config.password or "")
        try:
            response = await auth.Authenticate(request, timeout=self.config.timeout)
        except grpc.aio.AioRpcError as e:
            raise self._fault(e) from None
        self._metadata = (("token", response.token),)

    async def check(self) -> int:
        """Reach the cluster now (at start): its current revision, or StorageOpenError naming why not."""
        try:
            return await self.current_revision()
        except StorageUnavailableError as e:
            raise StorageOpenError(self.config.describe(), e.reason) from None

    def _fault(self, e: grpc.aio.AioRpcError) -> StorageError:
        details = e.details() or ""
        if _NO_SPACE in details:
            return StorageUnavailableError("full", "etcd is out of space (its --quota-backend-bytes): " + details)
        if _TOO_LARGE in details:
            return StorageUnavailableError(
                "io",
                "etcd refused the request as too large: etcd's --max-request-bytes must be at least"
                " 2 x --max-object-bytes + 64 KiB",
            )
        if e.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
            return StorageUnavailableError("unavailable", f"etcd unavailable ({e.code().name}: {details})")
        if self.config.user is None and ("user name is empty" in details or "user name not found" in details):
            return StorageUnavailableError(
                "io", f"etcd requires authentication: give --etcd-user and --etcd-password-file ({details})"
            )
        if _AUTH_FAILED in details or e.code() in (grpc.StatusCode.UNAUTHENTICATED, grpc.StatusCode.PERMISSION_DENIED):
            return StorageUnavailableError("io", f"etcd refused ma-server's credentials ({details})")
        return StorageUnavailableError("io", f"etcd failed the request ({e.code().name}: {details})")

    async def _call(self, op: str, call: Callable[[], Awaitable[T]]) -> T:
        """One etcd call, authenticated again once if etcd dropped our token; its duration goes to `observe`."""
        await self._connect()
        for attempt in (1, 2):
            started = time.perf_counter()
            try:
                return await call()
            except grpc.aio.AioRpcError as e:
                details = e.details() or ""
                if attempt == 1 and self.config.user is not None and any(m in details for m in _BAD_TOKEN):
                    assert self._channel is not None
                    await self._authenticate(self._channel)
                    continue
                if _COMPACTED in details or _FUTURE in details or _LEASE_NOT_FOUND in details:
                    raise  # the caller names these conditions
                raise self._fault(e) from None
            finally:
                if self.observe is not None:
                    self.observe(op, time.perf_counter() - started)
        raise AssertionError("unreachable")

    async def _range(self, request: pb.RangeRequest) -> pb.RangeResponse:
        async def call() -> pb.RangeResponse:
            assert self._kv is not None
            response: pb.RangeResponse = await self._kv.Range(
                request, timeout=self.config.timeout, metadata=self._metadata
            )
            return response

        return await self._call("range", call)

    async def _txn(
        self, compare: Sequence[pb.Compare], success: Sequence[pb.RequestOp], failure: Sequence[pb.RequestOp]
    ) -> pb.TxnResponse:
        request = pb.TxnRequest(compare=compare, success=success, failure=failure)

        async def call() -> pb.TxnResponse:
            assert self._kv is not None
            response: pb.TxnResponse = await self._kv.Txn(request, timeout=self.config.timeout, metadata=self._metadata)
            return response

        return await self._call("txn", call)

    # -- keys ------------------------------------------------------------------

    def _key(self, key: str) -> bytes:
        return self._prefix + key.encode()

    def _record_key(self, scope: str) -> bytes:
        return self._prefix + RECORDS.encode() + scope.encode()

    def _unkey(self, key: bytes) -> str:
        return key[len(self._prefix) :].decode()

    def _kv_of(self, kv: mvccpb.KeyValue) -> KeyValue:
        return KeyValue(self._unkey(kv.key), bytes(kv.value), kv.create_revision, kv.mod_revision)

    # -- reads -----------------------------------------------------------------

    async def get(self, key: str) -> KeyValue | None:
        response = await self._range(pb.RangeRequest(key=self._key(key)))
        return self._kv_of(response.kvs[0]) if response.kvs else None

    async def current_revision(self) -> int:
        response = await self._range(pb.RangeRequest(key=self._prefix + b"\0", count_only=True))
        return int(response.header.revision)

    async def oldest_revision(self) -> int:
        if not self._probed:
            await self._probe_compaction()
        return self._compacted

    async def list(
        self,
        prefix: str,
        *,
        start_after: str = "",
        limit: int = 0,
        revision: int = 0,
        selection: Selection | None = None,  # a hint this store does not use
    ) -> ListResult:
        check_list_args(limit, revision)
        start = self._key(prefix)
        if start_after:
            start = max(start, self._key(start_after) + b"\0")
        request = pb.RangeRequest(key=start, range_end=_range_end(self._key(prefix)), limit=limit, revision=revision)
        try:
            response = await self._range(request)
        except grpc.aio.AioRpcError as e:
            raise await self._revision_error(e, revision) from None
        items = [self._kv_of(kv) for kv in response.kvs]
        return ListResult(items=items, revision=revision or int(response.header.revision), more=bool(response.more))

    async def _revision_error(self, e: grpc.aio.AioRpcError, revision: int) -> StorageError:
        details = e.details() or ""
        if _COMPACTED in details:
            await self._probe_compaction()
            return RevisionCompactedError(revision, self._compacted)
        if _FUTURE in details:
            return FutureRevisionError(revision, await self.current_revision())
        return self._fault(e)

    async def _probe_compaction(self) -> None:
        """Find etcd's compaction point: the oldest revision a Range can still read (a binary
        search of count-only Ranges; etcd has no call that names it)."""
        low, high = max(1, self._compacted), await self.current_revision()
        key = self._prefix + b"\0"
        while low < high:  # invariant: reading at `high` works; below `low` does not
            mid = (low + high) // 2
            try:
                await self._range(pb.RangeRequest(key=key, count_only=True, revision=mid))
                high = mid
            except grpc.aio.AioRpcError as e:
                if _COMPACTED not in (e.details() or ""):
                    raise self._fault(e) from None
                low = mid + 1
        self._compacted = max(self._compacted, low if low > 1 else 0)
        self._probed = True

    # -- writes ----------------------------------------------------------------

    async def create(self, key: str, value: bytes, *, record: IdempotencyRecord | None = None) -> KeyValue:
        k = self._key(key)
        value = bytes(value)
        response = await self._write(record, [_absent(k)], _put(k, value), k)
        if response is None:
            raise KeyExistsError(key)
        revision = int(response.header.revision)
        return KeyValue(key, value, revision, revision)

    async def update(
        self,
        key: str,
        value: bytes,
        *,
        expected_revision: int | None = None,
        record: IdempotencyRecord | None = None,
    ) -> KeyValue:
        k = self._key(key)
        value = bytes(value)
        guard = _present(k) if expected_revision is None else _at(k, expected_revision)
        response = await self._write(record, [guard], _put(k, value), k, key, expected_revision)
        assert response is not None
        prev = response.responses[0].response_put.prev_kv
        return KeyValue(key, value, prev.create_revision, int(response.header.revision))

    async def delete(
        self, key: str, *, expected_revision: int | None = None, record: IdempotencyRecord | None = None
    ) -> KeyValue:
        k = self._key(key)
        guard = _present(k) if expected_revision is None else _at(k, expected_revision)
        op = pb.RequestOp(request_delete_range=pb.DeleteRangeRequest(key=k, prev_kv=True))
        response = await self._write(record, [guard], op, k, key, expected_revision)
        assert response is not None
        prev = response.responses[0].response_delete_range.prev_kvs[0]
        return KeyValue(key, bytes(prev.value), prev.create_revision, int(response.header.revision))

    async def _write(
        self,
        record: IdempotencyRecord | None,
        guards: Sequence[pb.Compare],
        op: pb.RequestOp,
        k: bytes,
        key: str | None = None,
        expected_revision: int | None = None,
    ) -> pb.TxnResponse | None:
        """One write Txn (with its record, when given). Returns the Txn's response; None when a
        create found the key present. Raises the interface's errors for the other refusals."""
        record_guard = 0  # 0: the record key must be absent; else the mod_revision of an expired one
        for _ in range(WRITE_ATTEMPTS):
            compare, success, failure = [*guards], [op], [_read(k)]
            if record is not None:
                rk = self._record_key(record.scope)
                lease = await self._lease_for(record.expires_at)
                compare.append(_absent(rk) if record_guard == 0 else _at(rk, record_guard))
                success.append(_put(rk, _encode_record(record, True), lease))
                failure.append(_read(rk))
            try:
                response = await self._txn(compare, success, failure)
            except grpc.aio.AioRpcError as e:
                if _LEASE_NOT_FOUND in (e.details() or "") and record is not None:
                    self._leases.clear()  # revoked or expired early (e.g. a restored cluster): grant anew
                    continue
                raise self._fault(e) from None
            if response.succeeded:
                return response
            if record is not None:
                found = response.responses[1].response_range.kvs
                if found and found[0].mod_revision != record_guard:
                    existing = _decode_record(record.scope, found[0])
                    if existing.expires_at > self._clock():
                        raise IdempotencyRecordExistsError(existing)
                    record_guard = int(found[0].mod_revision)  # expired: replace exactly that one
                    continue
                if not found and record_guard != 0:
                    record_guard = 0  # the expired record's lease removed it meanwhile
                    continue
            current = response.responses[0].response_range.kvs
            if key is None:  # create
                if current:
                    return None
                continue  # raced with a delete: try again
            if not current:
                raise KeyNotFoundError(key)
            if expected_revision is not None and current[0].mod_revision != expected_revision:
                raise RevisionConflictError(key, expected_revision, int(current[0].mod_revision))
        raise StorageUnavailableError("unavailable", "etcd: the write kept racing with other writers; try again")

    # -- idempotency records ---------------------------------------------------

    async def _lease_for(self, expires_at: float) -> int:
        """The lease of the bucket `expires_at` falls in (granted on first use), which ends one
        bucket after the bucket does: never before the record expires."""
        bucket = math.ceil(expires_at / LEASE_BUCKET_SECONDS) * LEASE_BUCKET_SECONDS
        lease = self._leases.get(bucket)
        if lease is not None:
            return lease
        if self._lease_lock is None:
            self._lease_lock = asyncio.Lock()
        async with self._lease_lock:
            lease = self._leases.get(bucket)
            if lease is not None:
                return lease
            now = time.time()  # etcd counts lease TTLs in real time, whatever the record clock says
            ttl = max(1, math.ceil(bucket + LEASE_BUCKET_SECONDS - now))
            request = pb.LeaseGrantRequest(TTL=ttl)

            async def call() -> pb.LeaseGrantResponse:
                assert self._lease is not None
                response: pb.LeaseGrantResponse = await self._lease.LeaseGrant(
                    request, timeout=self.config.timeout, metadata=self._metadata
                )
                return response

            granted = await self._call("lease", call)
            for old in [b for b in self._leases if b + LEASE_BUCKET_SECONDS < now]:
                del self._leases[old]  # ended (or about to): etcd frees them itself
            self._leases[bucket] = int(granted.ID)
            return int(granted.ID)

    async def get_idempotency_record(self, scope: str) -> IdempotencyRecord | None:
        response = await self._range(pb.RangeRequest(key=self._record_key(scope)))
        if not response.kvs:
            return None
        found = _decode_record(scope, response.kvs[0])
        return found if found.expires_at > self._clock() else None

    async def put_idempotency_record(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        rk = self._record_key(record.scope)
        record_guard = 0
        for _ in range(WRITE_ATTEMPTS):
            lease = await self._lease_for(record.expires_at)
            guard = _absent(rk) if record_guard == 0 else _at(rk, record_guard)
            try:
                response = await self._txn([guard], [_put(rk, _encode_record(record, False), lease)], [_read(rk)])
            except grpc.aio.AioRpcError as e:
                if _LEASE_NOT_FOUND in (e.details() or ""):
                    self._leases.clear()
                    continue
                raise self._fault(e) from None
            if response.succeeded:
                return None
            found = response.responses[0].response_range.kvs
            if not found:
                record_guard = 0
                continue
            existing = _decode_record(record.scope, found[0])
            if existing.expires_at > self._clock():
                return existing
            record_guard = int(found[0].mod_revision)
        raise StorageUnavailableError("unavailable", "etcd: the record kept racing with other writers; try again")

    # -- compaction ------------------------------------------------------------

    async def compact(self, revision: int) -> None:
        current = await self.current_revision()
        if revision > current:
            raise FutureRevisionError(revision, current)
        if revision <= self._compacted:
            return
        request = pb.CompactionRequest(revision=revision)

        async def call() -> pb.CompactionResponse:
            assert self._kv is not None
            response: pb.CompactionResponse = await self._kv.Compact(
                request, timeout=self.config.timeout, metadata=self._metadata
            )
            return response

        try:
            await self._call("compact", call)
        except grpc.aio.AioRpcError as e:
            if _COMPACTED not in (e.details() or ""):  # already compacted past it: nothing to do
                raise self._fault(e) from None
            await self._probe_compaction()
        self._compacted = max(self._compacted, revision)

    # -- watch -----------------------------------------------------------------

    def watch(self, prefix: str, *, after_revision: int) -> AsyncIterator[Event]:
        return self._watch(prefix, after_revision)

    async def _watch(self, prefix: str, after_revision: int) -> AsyncIterator[Event]:
        if self._closed:
            return
        await self._connect()
        if after_revision < self._compacted:
            raise RevisionCompactedError(after_revision, self._compacted)
        buffer = WatchBuffer(self.watch_buffer_bytes, self.watch_buffer_events)
        ended = _Ended()  # why the pump stopped, when it was not our close
        pump = asyncio.create_task(self._pump(prefix, after_revision, buffer, ended))
        self._pumps.add(pump)
        self._buffers.add(buffer)
        try:
            while True:
                event = await buffer.get()  # raises WatcherTooSlowError once it fell behind
                if event is None:
                    if ended.error is not None:
                        raise ended.error
                    return
                yield event
        finally:
            pump.cancel()
            self._pumps.discard(pump)
            self._buffers.discard(buffer)

    async def _pump(self, prefix: str, after_revision: int, buffer: WatchBuffer, ended: _Ended) -> None:
        """Feed `buffer` from etcd Watch streams, reopening a broken one from the next revision."""
        start = self._key(prefix)
        create = pb.WatchCreateRequest(key=start, range_end=_range_end(start), prev_kv=True)
        next_revision = after_revision + 1
        head: int | None = None
        delay = WATCH_RETRY_SECONDS[0]
        try:
            while not self._closed:
                assert self._watch_stub is not None
                create.start_revision = next_revision
                call = self._watch_stub.Watch(metadata=self._metadata)
                try:
                    await call.write(pb.WatchRequest(create_request=create))
                    async for response in call:
                        if response.compact_revision:
                            self._compacted = max(self._compacted, int(response.compact_revision))
                            ended.error = RevisionCompactedError(next_revision - 1, int(response.compact_revision))
                            return
                        if response.canceled:
                            reason = response.cancel_reason or "no reason given"
                            ended.error = StorageUnavailableError("unavailable", f"etcd ended a watch: {reason}")
                            return
                        if response.created and head is None:
                            head = int(response.header.revision)  # the store when the watch began
                        for ev in response.events:
                            event = self._event(ev)
                            # Catching up (events up to the store's revision at the start) waits
                            # for the reader, as the other backends read their window; a live event
                            # waits LIVE_WAIT_SECONDS (etcd sends several per response) and then
                            # ends a reader that fell behind.
                            wait = None if head is not None and event.revision <= head else LIVE_WAIT_SECONDS
                            if not await buffer.put(event, wait):
                                return  # fell behind: the reader gets WatcherTooSlowError
                            next_revision = event.revision + 1
                            delay = WATCH_RETRY_SECONDS[0]
                except grpc.aio.AioRpcError as e:
                    details = e.details() or ""
                    if self.config.user is not None and any(m in details for m in _BAD_TOKEN):
                        assert self._channel is not None
                        await self._authenticate(self._channel)
                finally:
                    call.cancel()
                if self._closed:
                    return
                await asyncio.sleep(delay)  # the stream broke (a member went away): reopen where we were
                delay = min(delay * 2, WATCH_RETRY_SECONDS[1])
        except asyncio.CancelledError:
            raise
        except StorageError as e:
            ended.error = e
        finally:
            buffer.close()

    def _event(self, ev: mvccpb.Event) -> Event:
        kv, key = ev.kv, self._unkey(ev.kv.key)
        prev = bytes(ev.prev_kv.value) if ev.HasField("prev_kv") else None
        if ev.type == mvccpb.Event.DELETE:
            return Event(EventType.DELETED, key, prev or b"", int(kv.mod_revision), prev)
        if kv.create_revision == kv.mod_revision:
            return Event(EventType.ADDED, key, bytes(kv.value), int(kv.mod_revision))
        return Event(EventType.MODIFIED, key, bytes(kv.value), int(kv.mod_revision), prev)

    # -- lifecycle -------------------------------------------------------------

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for pump in list(self._pumps):
            pump.cancel()
        for buffer in list(self._buffers):
            buffer.close()
        if self._pumps:
            await asyncio.gather(*self._pumps, return_exceptions=True)
        self._pumps.clear()
        if self._channel is not None:
            await self._channel.close(None)
        self._channel = self._kv = None


def _read_file(path: str | None) -> bytes | None:
    if path is None:
        return None
    with open(path, "rb") as f:
        return f.read()

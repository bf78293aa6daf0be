"""Idempotency keys: a retried write gets the first attempt's outcome instead of applying twice.

A client sends gRPC metadata `idempotency-key` / HTTP header `Idempotency-Key`
on a write (Create, Update, UpdateStatus, Delete, DeleteCollection); both
transports hand it to `IdempotencyGate.run`, which wraps the resource handler:

- The key must be 1..128 printable ASCII characters, else INVALID_ARGUMENT
  naming the header. Reads ignore a key.
- Scope: SHA-256 of (caller identity, full gRPC method name, key). The
  identity is a hash of the bearer token, or "anonymous" with authentication
  off, so nobody can read another caller's outcome, and one key used on two
  methods means two records.
- Fingerprint: SHA-256 of the deterministic serialization of the parsed
  request message, so HTTP and gRPC agree on "the same request".
- Lookup first. A live record with the same fingerprint is returned as it was
  recorded (its resourceVersion included) and nothing runs; another
  fingerprint is INVALID_ARGUMENT (HTTP 422) "idempotency key ... was used
  with a different request".
- On a miss the handler runs with a `Pending` record, and the handler
  attaches it to the write that completes the call
  (`Storage.create/update/delete(record=...)`): the storage checks and stores
  it in the same transaction as the object and its event, with the revision
  the write got. If that transaction finds a live record of the scope (a
  concurrent attempt with the same key won), it writes nothing and the
  winner's record is returned. Two attempts with one key therefore never
  both apply: either one sees the other's record at lookup, or both reach a
  write and only the first transaction passes the record check; an attempt
  that read the object before the winner wrote and then lost the CAS re-reads
  and finds the winner's change already applied (a no-op) or the record.
- If the handler fails with an API error, the record is looked up once more
  before the error is returned: the other attempt may have committed
  meanwhile (a delete retried after a lost response finds NOT_FOUND, but the
  first attempt's record says what happened).
- Only successful, non-dry-run calls are recorded. An Update that removes the
  last finalizer writes twice (store the final state, then delete): the record
  rides on the last write. A call that wrote nothing (an Update that changes
  nothing, a Delete of an object already being deleted) stores its response on
  its own (`put_idempotency_record`).
- DeleteCollection deletes object by object, so it cannot be one transaction:
  its response is recorded on its own after the last delete. That is safe
  because each single delete is idempotent by itself (an object is deleted at
  most once, by whichever attempt gets there first; a concurrent or later
  attempt sees NOT_FOUND for it and skips it), and a retry after a partial
  failure (nothing recorded) simply deletes what is left and records that.
  Two concurrent attempts may each return their own part of the deletions;
  the first to record wins any later repeat.
- Retention: `--idempotency-retention SECONDS` (default 600); 0 disables
  recording (keys are still validated). Expired records are ignored and
  purged by the storage in bounded batches on later record writes, never by a
  scan on the request path.

The records live behind the storage interface (memory, SQLite; a later etcd
backend puts the record key in the write's own Txn), so on SQLite they
survive a restart exactly when the write does.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

import grpc
from google.protobuf.message import Message

from ma_server.errors import ApiError, invalid
from ma_server.storage import IdempotencyRecord, IdempotencyRecordExistsError, Storage

GRPC_KEY = "idempotency-key"
HTTP_HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 128
DEFAULT_RETENTION = 600.0
WRITE_VERBS = frozenset({"create", "update", "update_status", "delete", "delete_collection"})
ANONYMOUS = "anonymous"


def check_key(value: str, header: str) -> str:
    """`value` if it is a valid key (1..128 printable ASCII characters), else INVALID_ARGUMENT naming `header`."""
    if not 1 <= len(value) <= MAX_KEY_LENGTH or not all(32 <= ord(c) <= 126 for c in value):
        raise invalid(f"{header}: an idempotency key must be 1 to {MAX_KEY_LENGTH} printable ASCII characters")
    return value


def key_from_metadata(metadata: Iterable[tuple[str, str | bytes]] | None) -> str | None:
    """The `idempotency-key` of gRPC invocation metadata (validated), or None."""
    for name, value in metadata or ():
        if name == GRPC_KEY:
            text = value if isinstance(value, str) else value.decode("latin-1")
            return check_key(text, f"{GRPC_KEY} metadata")
    return None


def identity(authorization: str | None, auth_on: bool) -> str:
    """Who is calling, for the record scope: a hash of the bearer token, or "anonymous" without authentication."""
    if not auth_on or not authorization:
        return ANONYMOUS
    token = authorization.strip().partition(" ")[2].strip()
    return "token:" + hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def identity_from_metadata(metadata: Iterable[tuple[str, str | bytes]] | None, auth_on: bool) -> str:
    for name, value in metadata or ():
        if name == "authorization":
            return identity(value if isinstance(value, str) else value.decode("latin-1"), auth_on)
    return identity(None, auth_on)


def _scope(caller: str, method: str, key: str) -> str:
    h = hashlib.sha256()
    for part in (caller, method, key):
        data = part.encode("utf-8", "surrogateescape")
        h.update(len(data).to_bytes(4, "big"))  # length-prefixed: no two triples hash the same input
        h.update(data)
    return h.hexdigest()


def fingerprint(request: Message) -> str:
    return hashlib.sha256(request.SerializeToString(deterministic=True)).hexdigest()


@dataclass
class Pending:
    """A record to attach to the write that completes a call (see the module docstring)."""

    scope: str
    fingerprint: str
    expires_at: float
    committed: bool = False

    def record(self, response: bytes) -> IdempotencyRecord:
        """The record for a write whose response is `response` (an object without its resourceVersion)."""
        return IdempotencyRecord(self.scope, self.fingerprint, response, self.expires_at)


def attach(pending: Pending | None, response: bytes) -> IdempotencyRecord | None:
    """For handlers: the record a completing write carries (None without a key)."""
    return None if pending is None else pending.record(response)


def committed(pending: Pending | None) -> None:
    """For handlers: the write carrying the record succeeded."""
    if pending is not None:
        pending.committed = True


Call = Callable[[Pending | None], Awaitable[Message]]


class IdempotencyGate:
    """Runs keyed writes once per (caller, method, key) within the retention."""

    def __init__(
        self, storage: Storage, *, retention: float = DEFAULT_RETENTION, clock: Callable[[], float] = time.time
    ) -> None:
        if retention < 0:
            raise ValueError(f"retention must be >= 0, got {retention}")
        self.storage = storage
        self.retention = retention
        self.clock = clock

    async def run(
        self,
        *,
        method: str,
        key: str,
        caller: str,
        request: Message,
        response_class: type[Message],
        call: Call,
        source: bytes | None = None,
        dry_run: bool | None = None,
    ) -> Message:
        """`call(pending)` once for this key; a repeat gets the recorded response.

        The fingerprint is of `request`, or of `source` when given (an HTTP PATCH,
        whose update request depends on the stored object); `dry_run` overrides
        the request's own field."""
        if self.retention <= 0:
            return await call(None)
        scope = _scope(caller, method, key)
        fp = hashlib.sha256(source).hexdigest() if source is not None else fingerprint(request)
        found = await self.storage.get_idempotency_record(scope)
        if found is not None:
            return _replay(found, fp, key, response_class)
        if dry_run if dry_run is not None else getattr(request, "dry_run", False):
            return await call(None)  # a dry run writes nothing, so there is nothing to record
        pending = Pending(scope, fp, self.clock() + self.retention)
        try:
            result = await call(pending)
        except IdempotencyRecordExistsError as e:
            return _replay(e.record, fp, key, response_class)
        except ApiError:
            found = await self.storage.get_idempotency_record(scope)
            if found is not None:
                return _replay(found, fp, key, response_class)
            raise
        if not pending.committed:
            # Nothing carried the record (no-op update, DeleteCollection): store the response itself.
            own = IdempotencyRecord(scope, fp, result.SerializeToString(deterministic=True), pending.expires_at)
            existing = await self.storage.put_idempotency_record(own)
            if existing is not None:
                return _replay(existing, fp, key, response_class)
        return result


def _replay(record: IdempotencyRecord, fp: str, key: str, response_class: type[Message]) -> Message:
    if record.fingerprint != fp:
        raise ApiError(
            grpc.StatusCode.INVALID_ARGUMENT,
            f"idempotency key {key!r} was used with a different request; use a new key for a new request",
        )
    out = response_class.FromString(record.response)
    if record.revision:
        # Recorded with its write: the response's resourceVersion is that write's revision.
        out.metadata.resource_version = str(record.revision)  # type: ignore[attr-defined]
    return out

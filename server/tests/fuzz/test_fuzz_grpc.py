"""gRPC fuzzer: hypothesis-drawn requests for every method of every `michelangelo.api.v2`
service, discovered from the generated descriptors (a new resource is fuzzed with no change
here), sent as raw bytes. No call may end INTERNAL or UNKNOWN, a unary call answers within
its deadline, and the watchdog's Gets keep their latency bound throughout.

Requests are built from field descriptors (see `proto_fuzz`); watches are opened with a short
deadline and cancelled after a few events.
"""

from __future__ import annotations

import time
from typing import Any

import grpc
import pytest
from fuzz_support import TALLY, Rounds, Watchdog, run_examples
from google.protobuf import json_format
from google.protobuf.descriptor import MethodDescriptor, ServiceDescriptor
from google.protobuf.message import DecodeError, Message
from google.protobuf.message_factory import GetMessageClass
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from ma_http_manifests import manifest
from proto_fuzz import request_bytes

from ma_server.model import import_v2_modules
from michelangelo.api import options_pb2

UNARY_EXAMPLES = 8  # per method and round
WATCH_EXAMPLES = 3
UNARY_TIMEOUT_S = 5.0  # a unary call gets an answer within this (the server's waits are ~1 s)
WATCH_TIMEOUT_S = 0.2
WATCH_MAX_EVENTS = 5
FORBIDDEN = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}


def _services() -> list[ServiceDescriptor]:
    import importlib

    out: list[ServiceDescriptor] = []
    for name in import_v2_modules():
        out.extend(importlib.import_module(name).DESCRIPTOR.services_by_name.values())
    return sorted(out, key=lambda s: s.full_name)


SERVICES = _services()
METHODS = sum(len(s.methods) for s in SERVICES)

# Call options: usually a normal deadline and no metadata; sometimes an idempotency key (valid
# or not), a bearer token the server does not expect, or a deadline that expires in flight.
_metadata = st.one_of(
    st.just(()),
    st.just(()),
    st.tuples(
        st.tuples(
            st.just("idempotency-key"),
            st.one_of(
                st.uuids().map(str), st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=300)
            ),
        )
    ),
    st.just((("authorization", "Bearer fuzz"),)),
)
_timeout = st.one_of(*[st.just(UNARY_TIMEOUT_S)] * 7, st.just(0.002))


def base_request(m: MethodDescriptor) -> Message:
    """A request of `m` the server accepts: names and namespace of the seeded object, and for
    writes a valid manifest of the resource (from the HTTP tests' manifest builder)."""
    req = GetMessageClass(m.input_type)()
    for fd in m.input_type.fields:
        if fd.name == "namespace" and fd.type == fd.TYPE_STRING:
            req.namespace = "fuzz"
        elif fd.name == "name" and fd.type == fd.TYPE_STRING:
            req.name = "fuzz-a"
        elif fd.message_type is not None and fd.message_type.GetOptions().HasExtension(options_pb2.resource):
            kind = fd.message_type.name
            doc = manifest(fd.message_type, "michelangelo.api/v2", kind, "fuzz-a", "fuzz")
            json_format.ParseDict(doc, getattr(req, fd.name), ignore_unknown_fields=True)
    return req


def _repro(m: MethodDescriptor, data: bytes, meta: Any, code: str, details: str) -> str:
    try:
        text = str(GetMessageClass(m.input_type).FromString(data)).replace("\n", " ")[:600]
    except (DecodeError, RuntimeError, ValueError) as e:
        text = f"<not decodable: {e}>"
    return (
        f"/{m.containing_service.full_name}/{m.name} request={data[:400].hex()} ({len(data)} bytes; {text}) "
        f"metadata={meta!r} -> {code}: {details[:500]}"
    )


def _call_unary(channel: grpc.Channel, m: MethodDescriptor, data: bytes, meta: Any, timeout: float) -> str | None:
    """None when the answer is acceptable, else a reproduction."""
    fn = channel.unary_unary(f"/{m.containing_service.full_name}/{m.name}")
    try:
        fn(data, timeout=timeout, metadata=meta)
        TALLY.outcomes["grpc OK"] += 1
        return None
    except grpc.RpcError as e:
        code: grpc.StatusCode = e.code()  # type: ignore[attr-defined]
        details: str = e.details() or ""  # type: ignore[attr-defined]
    TALLY.outcomes[f"grpc {code.name}"] += 1
    if code in FORBIDDEN or code == grpc.StatusCode.UNAVAILABLE:
        return _repro(m, data, meta, code.name, details)
    if code == grpc.StatusCode.DEADLINE_EXCEEDED and details.startswith("Timeout: Too large resource version"):
        return None  # Kubernetes' answer to a resourceVersion newer than the store (504 over HTTP)
    if code == grpc.StatusCode.DEADLINE_EXCEEDED and timeout >= UNARY_TIMEOUT_S:
        return _repro(m, data, meta, code.name, f"no answer in {timeout} s")
    if code == grpc.StatusCode.RESOURCE_EXHAUSTED and "metadata" in details.lower():
        # The client refused the server's error trailers as too large: the real status was lost.
        return _repro(m, data, meta, code.name, details)
    return None


def _call_watch(channel: grpc.Channel, m: MethodDescriptor, data: bytes, meta: Any) -> str | None:
    fn = channel.unary_stream(f"/{m.containing_service.full_name}/{m.name}")
    call = fn(data, timeout=WATCH_TIMEOUT_S, metadata=meta)
    try:
        for n, _ in enumerate(call):
            if n + 1 >= WATCH_MAX_EVENTS:
                break
        TALLY.outcomes["grpc watch OK"] += 1
        return None
    except grpc.RpcError as e:
        code: grpc.StatusCode = e.code()  # type: ignore[attr-defined]
        TALLY.outcomes[f"grpc watch {code.name}"] += 1
        if code in FORBIDDEN or code == grpc.StatusCode.UNAVAILABLE:
            return _repro(m, data, meta, code.name, e.details() or "")  # type: ignore[attr-defined]
        return None
    finally:
        call.cancel()  # type: ignore[attr-defined]


def fuzz_method(channel: grpc.Channel, m: MethodDescriptor, label: str) -> list[str]:
    """Every failure found for one method over all rounds (one minimal reproduction per round)."""
    rounds = Rounds("grpc", label, 1 / METHODS)
    failures: list[str] = []
    found: list[str] = []
    streaming = m.server_streaming
    examples = WATCH_EXAMPLES if streaming else UNARY_EXAMPLES
    sent = 0

    strategy = request_bytes(m.input_type, base_request(m))

    def run(data: bytes, meta: Any, timeout: float) -> None:
        nonlocal sent
        if rounds.over():
            return
        sent += 1
        TALLY.current = f"/{m.containing_service.full_name}/{m.name} {data[:200].hex()}"
        problem = _call_watch(channel, m, data, meta) if streaming else _call_unary(channel, m, data, meta, timeout)
        if problem is not None:
            found.append(problem)
            raise AssertionError(problem)

    for n in rounds:
        configured = settings(
            max_examples=examples,
            derandomize=n is None,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            report_multiple_bugs=False,
            print_blob=False,
        )(given(data=strategy, meta=_metadata, timeout=_timeout)(run))
        run_examples(configured if n is None else seed(n)(configured), found, failures)
        if rounds.over():
            break
    TALLY.add(f"grpc/{label}", sent)
    return failures


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.name)
def test_grpc_fuzz(fuzzed: Watchdog, service: ServiceDescriptor) -> None:
    t0 = time.monotonic()
    failures: list[str] = []
    with grpc.insecure_channel(fuzzed.server.target) as channel:
        for m in service.methods:
            failures += fuzz_method(channel, m, fuzzed.label)
    TALLY.seconds[f"grpc/{fuzzed.label}"] += time.monotonic() - t0
    fuzzed.check()
    assert not failures, "\n".join(failures)

"""protoc plugin running mypy-protobuf's gRPC stub generator (`*_pb2_grpc.pyi`).

Only files that declare services get a stub: mypy-protobuf would otherwise
write an empty `_pb2_grpc.pyi` for every message-only file.
"""

from __future__ import annotations

from google.protobuf.compiler import plugin_pb2
from mypy_protobuf.main import Descriptors, GRPCType, generate_mypy_grpc_stubs

from ma_codegen.plugins._protocol import run


def with_services_only(
    request: plugin_pb2.CodeGeneratorRequest,
) -> plugin_pb2.CodeGeneratorRequest:
    has_service = {f.name for f in request.proto_file if f.service}
    keep = [name for name in request.file_to_generate if name in has_service]
    del request.file_to_generate[:]
    request.file_to_generate.extend(keep)
    return request


def generate(
    request: plugin_pb2.CodeGeneratorRequest,
) -> plugin_pb2.CodeGeneratorResponse:
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    request = with_services_only(request)
    param = request.parameter
    generate_mypy_grpc_stubs(
        Descriptors(request),
        response,
        True,  # quiet
        "readable_stubs" in param,
        "relax_strict_optional_primitives" in param,
        "use_default_deprecation_warnings" in param,
        "generate_concrete_servicer_stubs" in param,
        GRPCType.from_parameter(param),
    )
    return response


if __name__ == "__main__":
    run(generate)

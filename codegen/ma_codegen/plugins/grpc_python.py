"""protoc plugin running grpcio-tools' grpc_python generator.

buf has no built-in grpc_python plugin and grpcio-tools ships it only inside
its bundled protoc, so this shim hands the request's descriptors to
`grpc_tools.protoc` and returns the `*_pb2_grpc.py` files it writes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2
from grpc_tools import protoc

from ma_codegen.plugins._protocol import run


def generate(
    request: plugin_pb2.CodeGeneratorRequest,
) -> plugin_pb2.CodeGeneratorResponse:
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    with tempfile.TemporaryDirectory(prefix="ma-grpc-python-") as tmp:
        work = Path(tmp)
        descriptors = work / "descriptors.binpb"
        fds = descriptor_pb2.FileDescriptorSet(file=request.proto_file)
        descriptors.write_bytes(fds.SerializeToString())
        out = work / "out"
        out.mkdir()
        args = [
            "grpc_tools.protoc",
            f"--descriptor_set_in={descriptors}",
            f"--grpc_python_out={out}",
        ]
        if request.parameter:
            args[-1] = f"--grpc_python_out={request.parameter}:{out}"
        # Only files with services: grpc_python would write an empty module for the others.
        with_services = {f.name for f in request.proto_file if f.service}
        targets = [name for name in request.file_to_generate if name in with_services]
        if not targets:
            return response
        code = protoc.main([*args, *targets])
        if code != 0:
            raise RuntimeError(f"grpc_tools.protoc exited {code} for {list(request.file_to_generate)}")
        for path in sorted(out.rglob("*.py")):
            response.file.add(name=path.relative_to(out).as_posix(), content=path.read_text())
    return response


if __name__ == "__main__":
    run(generate)

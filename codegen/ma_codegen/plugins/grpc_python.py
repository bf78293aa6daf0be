"""protoc plugin running grpcio-tools' grpc_python generator.

buf has no built-in grpc_python plugin and grpcio-tools ships it only inside
its bundled protoc, so this shim hands the request's descriptors to
`grpc_tools.protoc` and returns the `*_pb2_grpc.py` files it writes.

The generator is the pinned grpcio-tools in `.toolchain/bin/grpcio-tools`,
not the one of this interpreter: its stubs refuse any grpcio older than the
grpcio-tools that wrote them, so it is kept at the SDK's grpcio floor, which
needs a protobuf (<6) this venv does not have. `grpc_tools.protoc` imports
neither protobuf nor grpc, so it runs in a child interpreter with no
site-packages and that folder alone on its path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2

from ma_codegen import toolchain
from ma_codegen.plugins._protocol import run
from ma_codegen.project import find_root

# -S: no site-packages, so the venv's own grpc_tools can never shadow the pinned one.
_MAIN = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); from grpc_tools import protoc; sys.exit(protoc.main(sys.argv))"
)


def generate(
    request: plugin_pb2.CodeGeneratorRequest,
) -> plugin_pb2.CodeGeneratorResponse:
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    # Only files with services: grpc_python would write an empty module for the others.
    with_services = {f.name for f in request.proto_file if f.service}
    targets = [name for name in request.file_to_generate if name in with_services]
    if not targets:
        return response
    tools = toolchain.tool_path(find_root(), "grpcio-tools")
    with tempfile.TemporaryDirectory(prefix="ma-grpc-python-") as tmp:
        work = Path(tmp)
        descriptors = work / "descriptors.binpb"
        fds = descriptor_pb2.FileDescriptorSet(file=request.proto_file)
        descriptors.write_bytes(fds.SerializeToString())
        out = work / "out"
        out.mkdir()
        out_flag = f"--grpc_python_out={request.parameter}:{out}" if request.parameter else f"--grpc_python_out={out}"
        cmd = [
            sys.executable,
            "-S",
            "-c",
            _MAIN,
            str(tools),
            f"--descriptor_set_in={descriptors}",
            out_flag,
            *targets,
        ]
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(
                f"grpc_tools.protoc {toolchain.GRPCIO_TOOLS} exited {proc.returncode} for {targets}:\n"
                f"{proc.stderr.strip()}"
            )
        for path in sorted(out.rglob("*.py")):
            response.file.add(name=path.relative_to(out).as_posix(), content=path.read_text())
    return response


if __name__ == "__main__":
    run(generate)

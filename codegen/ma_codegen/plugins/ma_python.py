"""protoc-gen-ma-python: our python wrappers, rendered from the API model (templates/python)."""

from __future__ import annotations

from google.protobuf.compiler import plugin_pb2

from ma_codegen import model, render
from ma_codegen.plugins._protocol import run


def generate(request: plugin_pb2.CodeGeneratorRequest) -> plugin_pb2.CodeGeneratorResponse:
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    api = model.build(request)
    for name, content in sorted(render.render(api, "python").items()):
        response.file.add(name=name, content=content)
    return response


def main() -> None:
    run(generate)


if __name__ == "__main__":
    main()

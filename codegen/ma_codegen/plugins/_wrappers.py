"""The one body of our wrapper plugins: build the API model, render a language's templates."""

from __future__ import annotations

from google.protobuf.compiler import plugin_pb2

from ma_codegen import model
from ma_codegen.plugins._protocol import run


def generate(request: plugin_pb2.CodeGeneratorRequest, lang: str) -> plugin_pb2.CodeGeneratorResponse:
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    api = model.build(request)
    if not api.resources:
        return response  # e.g. the shared michelangelo/api types; skips importing Jinja
    from ma_codegen import render

    for name, content in sorted(render.render(api, lang).items()):
        response.file.add(name=name, content=content)
    return response


def main(lang: str) -> None:
    run(lambda request: generate(request, lang))

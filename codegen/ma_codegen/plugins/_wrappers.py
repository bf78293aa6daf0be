"""The one body of our wrapper plugins: build the API model, render a language's templates."""

from __future__ import annotations

from google.protobuf.compiler import plugin_pb2

from ma_codegen import model
from ma_codegen.plugins._protocol import run


def per_package(request: plugin_pb2.CodeGeneratorRequest) -> list[plugin_pb2.CodeGeneratorRequest]:
    """The request split by proto package of the files to generate: one API version each.

    buf.gen.yaml runs every plugin once for all files (`strategy: all`); the
    wrappers model one package at a time, as buf's per-directory runs gave them
    (buf lint's PACKAGE_DIRECTORY_MATCH makes a directory one package).
    """
    package_of = {f.name: f.package for f in request.proto_file}
    files: dict[str, list[str]] = {}
    for name in request.file_to_generate:
        files.setdefault(package_of[name], []).append(name)
    out = []
    for _, names in sorted(files.items()):
        sub = plugin_pb2.CodeGeneratorRequest()
        sub.CopyFrom(request)
        del sub.file_to_generate[:]
        sub.file_to_generate.extend(names)
        out.append(sub)
    return out


def generate(request: plugin_pb2.CodeGeneratorRequest, lang: str) -> plugin_pb2.CodeGeneratorResponse:
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    apis = [api for api in map(model.build, per_package(request)) if api.resources]
    if not apis:
        return response  # e.g. only the shared michelangelo/api types; skips importing Jinja
    from ma_codegen import render

    files: dict[str, str] = {}
    for api in apis:
        for name, content in render.render(api, lang).items():
            if name in files:
                raise ValueError(f"two API packages both write {name}")
            files[name] = content
    for name, content in sorted(files.items()):
        response.file.add(name=name, content=content)
    return response


def main(lang: str) -> None:
    run(lambda request: generate(request, lang))

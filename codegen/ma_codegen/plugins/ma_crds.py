"""protoc-gen-ma-crds: Kubernetes CRD manifests of our resources (server/ma_server/crds).

One `<plural>.<group>.yaml` per resource, built by `ma_codegen.crds` from the
API model; ma-server ships them as package data and installs them into a
kube-apiserver. `ma-codegen crds` runs the same builder in-process on a fresh
`buf build` of the protos (`render_project`), so printing or installing the
CRDs needs no generate run and no temporary buf template.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from google.protobuf.compiler import plugin_pb2

from ma_codegen import crds
from ma_codegen.plugins._protocol import run


def generate(request: plugin_pb2.CodeGeneratorRequest) -> plugin_pb2.CodeGeneratorResponse:
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    for name, content in crds.render(request).items():
        response.file.add(name=name, content=content)
    return response


def render_project(root: Path) -> dict[str, str]:
    """File name -> YAML of every CRD of the protos under `root`, as `buf generate` would write them.

    buf hands plugins the module's files with imports and source info, which is
    what `buf build` writes; buf's managed mode only adds Go and Java options,
    which CRDs do not read.
    """
    from ma_codegen.descriptors import build_image

    image = build_image(root)
    request = plugin_pb2.CodeGeneratorRequest(file_to_generate=sorted(image.files_to_check), proto_file=image.fds.file)
    return crds.render(request)


def write_files(out: Path, files: dict[str, str]) -> None:
    """Write `files` into `out`: all into a temp folder there first, then each renamed into place.

    A failure while writing leaves `out` as it was; each rename is atomic, so a
    reader (kubectl apply -f DIR) never sees a half-written manifest. Other
    files in `out` are left alone.
    """
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".ma-crds-", dir=out))
    try:
        for name, content in files.items():
            (tmp / name).write_text(content, encoding="utf-8")
        for name in files:
            os.replace(tmp / name, out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    run(generate)


if __name__ == "__main__":
    main()

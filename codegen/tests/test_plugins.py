"""Our protoc plugins, called directly with CodeGeneratorRequests."""

from __future__ import annotations

import ast

import pytest
from google.protobuf.compiler import plugin_pb2

from ma_codegen.descriptors import Image
from ma_codegen.plugins import _wrappers, grpc_python, mypy_grpc, python_packages

TARGETS = ["michelangelo/api/v2/project_svc.proto", "michelangelo/api/v2/project.proto"]


def request(image: Image, files: list[str]) -> plugin_pb2.CodeGeneratorRequest:
    return plugin_pb2.CodeGeneratorRequest(file_to_generate=files, proto_file=image.fds.file)


@pytest.mark.parametrize(
    ("files", "dirs"),
    [
        (
            [
                "michelangelo/api/v2/project_pb2.py",
                "michelangelo/api/v2/project_pb2.pyi",
                "michelangelo/api/meta_pb2.py",
            ],
            ["michelangelo/api", "michelangelo/api/v2"],
        ),
        (
            ["michelangelo/api/v2/beta/x_pb2.py"],
            ["michelangelo/api", "michelangelo/api/v2", "michelangelo/api/v2/beta"],
        ),
        (["michelangelo/top_pb2.py", "toplevel_pb2.py"], []),
        ([], []),
    ],
)
def test_package_dirs(files: list[str], dirs: list[str]) -> None:
    assert python_packages.package_dirs(files) == dirs


def test_python_packages_plugin_writes_init_files(real_image: Image) -> None:
    response = python_packages.generate(request(real_image, [*TARGETS, "michelangelo/api/meta.proto"]))
    assert not response.error
    assert [f.name for f in response.file] == ["michelangelo/api/__init__.py", "michelangelo/api/v2/__init__.py"]
    assert all(f.content == python_packages.HEADER for f in response.file)


def test_grpc_python_plugin(real_image: Image) -> None:
    response = grpc_python.generate(request(real_image, TARGETS))
    assert not response.error
    assert [f.name for f in response.file] == ["michelangelo/api/v2/project_svc_pb2_grpc.py"]
    content = response.file[0].content
    ast.parse(content)
    assert "class ProjectServiceStub" in content
    assert "class ProjectServiceServicer" in content
    assert "/michelangelo.api.v2.ProjectService/WatchProjects" in content


def test_grpc_python_plugin_skips_files_without_services(real_image: Image) -> None:
    response = grpc_python.generate(request(real_image, ["michelangelo/api/v2/project.proto"]))
    assert not response.error
    assert list(response.file) == []


def test_mypy_grpc_plugin_stubs_only_services(real_image: Image) -> None:
    response = mypy_grpc.generate(request(real_image, list(TARGETS)))
    assert not response.error
    assert [f.name for f in response.file] == ["michelangelo/api/v2/project_svc_pb2_grpc.pyi"]
    assert "class ProjectServiceStub" in response.file[0].content


def with_v3(image: Image) -> tuple[plugin_pb2.CodeGeneratorRequest, list[str], list[str]]:
    """A request for every file of the image plus a copy of the v2 project files as package v3."""
    v2 = [f for f in image.fds.file if f.name.startswith("michelangelo/api/v2/project")]
    v3 = []
    for f in v2:
        # Same-length renames keep every length prefix of the serialized descriptor valid.
        data = f.SerializeToString().replace(b"michelangelo.api.v2", b"michelangelo.api.v3")
        v3.append(type(f).FromString(data.replace(b"michelangelo/api/v2/", b"michelangelo/api/v3/")))
    files = [f.name for f in image.fds.file if f.name.startswith("michelangelo/")]
    req = plugin_pb2.CodeGeneratorRequest(
        file_to_generate=files + [f.name for f in v3], proto_file=[*image.fds.file, *v3]
    )
    return req, [f.name for f in v2], [f.name for f in v3]


def test_wrappers_model_one_package_at_a_time(real_image: Image) -> None:
    """buf runs the wrappers once for all files; each package (API version) still gets its own model."""
    req, _, v3 = with_v3(real_image)
    split = _wrappers.per_package(req)
    assert [sorted({n.rsplit("/", 1)[0] for n in r.file_to_generate}) for r in split] == [
        ["michelangelo/api"],
        ["michelangelo/api/v2"],
        ["michelangelo/api/v3"],
    ]
    whole = _wrappers.generate(req, "python")
    assert not whole.error, whole.error
    by_version = []
    for files in ([f for f in req.file_to_generate if f not in v3], v3):
        part = plugin_pb2.CodeGeneratorRequest()
        part.CopyFrom(req)
        del part.file_to_generate[:]
        part.file_to_generate.extend(files)
        response = _wrappers.generate(part, "python")
        assert not response.error, response.error
        by_version.extend((f.name, f.content) for f in response.file)
    assert [(f.name, f.content) for f in whole.file] == sorted(by_version)
    names = [f.name for f in whole.file]
    assert "michelangelo/api/v2/project_client.py" in names and "michelangelo/api/v3/project_client.py" in names
    v3_client = next(f.content for f in whole.file if f.name == "michelangelo/api/v3/project_client.py")
    assert "from michelangelo.api.v3 import project_pb2" in v3_client and "michelangelo.api.v2" not in v3_client

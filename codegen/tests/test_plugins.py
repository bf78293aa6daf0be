"""Our protoc plugins, called directly with CodeGeneratorRequests."""

from __future__ import annotations

import ast

import pytest
from google.protobuf.compiler import plugin_pb2

from ma_codegen.descriptors import Image
from ma_codegen.plugins import grpc_python, mypy_grpc, python_packages

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

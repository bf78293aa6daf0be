"""Loading a buf image and reading our custom options and source locations from it."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.message import Message

from ma_codegen.project import run_buf

RESOURCE_OPTION = "michelangelo.api.resource"
FIELD_OPTION = "michelangelo.api.field"
HTTP_OPTION = "google.api.http"
METHOD_OPTION = "michelangelo.api.method"

# FileDescriptorProto field numbers used in SourceCodeInfo paths.
MESSAGE_TYPE = 4
ENUM_TYPE = 5
SERVICE = 6
MESSAGE_FIELD = 2
MESSAGE_NESTED = 3
MESSAGE_ENUM = 4
ENUM_VALUE = 2
SERVICE_METHOD = 2


@dataclass(frozen=True)
class Location:
    """Where an element is declared, 1-based as editors show it."""

    file: str
    line: int
    column: int
    leading_comments: str


class Image:
    """A set of file descriptors with our options readable as messages."""

    def __init__(self, fds: descriptor_pb2.FileDescriptorSet, files_to_check: set[str]) -> None:
        self.fds = fds
        self.files = {f.name: f for f in fds.file}
        self.files_to_check = files_to_check
        self.pool = descriptor_pool.DescriptorPool()
        for f in fds.file:
            self.pool.Add(f)
        self._locations: dict[str, dict[tuple[int, ...], Location]] = {}

    def checked_files(self) -> list[descriptor_pb2.FileDescriptorProto]:
        return [f for f in self.fds.file if f.name in self.files_to_check]

    def option(self, options: Message, options_type: str, extension: str) -> Any | None:
        """The value of `extension` on `options` (None when unset), as a message of this image's pool."""
        cls = message_factory.GetMessageClass(self.pool.FindMessageTypeByName(options_type))
        parsed = cls.FromString(options.SerializeToString())
        ext: Any = self.pool.FindExtensionByName(extension)
        if not parsed.HasExtension(ext):
            return None
        return parsed.Extensions[ext]

    def message_option(self, msg: descriptor_pb2.DescriptorProto, extension: str = RESOURCE_OPTION) -> Any | None:
        return self.option(msg.options, "google.protobuf.MessageOptions", extension)

    def field_option(self, field: descriptor_pb2.FieldDescriptorProto, extension: str = FIELD_OPTION) -> Any | None:
        return self.option(field.options, "google.protobuf.FieldOptions", extension)

    def method_option(self, method: descriptor_pb2.MethodDescriptorProto, extension: str = HTTP_OPTION) -> Any | None:
        return self.option(method.options, "google.protobuf.MethodOptions", extension)

    def has_location(self, file: str, path: tuple[int, ...]) -> bool:
        self.location(file, path)
        return path in self._locations[file]

    def location(self, file: str, path: tuple[int, ...]) -> Location:
        """Source location of the element at `path` in `file` (line 1, column 1 when unknown)."""
        if file not in self._locations:
            table: dict[tuple[int, ...], Location] = {}
            for loc in self.files[file].source_code_info.location:
                span = list(loc.span)
                if len(span) >= 2:
                    table[tuple(loc.path)] = Location(file, span[0] + 1, span[1] + 1, loc.leading_comments)
            self._locations[file] = table
        return self._locations[file].get(path, Location(file, 1, 1, ""))


def build_image(root: Path) -> Image:
    """`buf build` the module (with source info and imports) and load it."""
    with tempfile.TemporaryDirectory(prefix="ma-image-") as tmp:
        out = Path(tmp) / "image.binpb"
        run_buf(root, ["build", "--as-file-descriptor-set", "-o", str(out)], check=True)
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    proto_dir = root / "proto"
    ours = {p.relative_to(proto_dir).as_posix() for p in proto_dir.rglob("*.proto")}
    return Image(fds, ours)

"""`ma-codegen lint`: buf lint (STANDARD) plus the API model rules of this project.

Every problem is printed as `file:line:col: RULE: message`, with the file
relative to the project root, so editors and CI logs link to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import re2
from google.protobuf import descriptor_pb2

from ma_codegen import descriptors as d
from ma_codegen.descriptors import Image
from ma_codegen.names import IDEMPOTENCY, STANDARD_IDEMPOTENCY, name_clashes, standard_names
from ma_codegen.project import CodegenError, run_buf

FDP = descriptor_pb2.FieldDescriptorProto
OBJECT_META = ".michelangelo.api.ObjectMeta"
LIST_META = ".michelangelo.api.ListMeta"
PROTO_DIR = "proto"
FIELD_OPTIONS = 8  # FieldDescriptorProto.options, in SourceCodeInfo paths


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.rule}: {self.message}"


def plural_kind(kind: str, plural: str) -> str | None:
    """The CamelCase plural used in RPC names (ListModelFamilies), or None if it cannot be derived."""
    for candidate in (
        kind + "s",
        kind + "es",
        kind[:-1] + "ies" if kind.endswith("y") else "",
    ):
        if candidate and candidate.lower() == plural:
            return candidate
    return None


def re2_error(pattern: str) -> str | None:
    """Why RE2 cannot compile `pattern`, or None when it can.

    Patterns are RE2: Go's regexp, re2j (Java) and google-re2 (server, Python)
    run them. A pattern RE2 rejects would be skipped by every validator at run
    time, so it is a lint error rather than a silent no-op.
    """
    options = re2.Options()
    options.log_errors = False
    try:
        re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        return reason.decode(errors="replace") if isinstance(reason, bytes) else str(reason)
    return None


def buf_lint(root: Path) -> list[Problem]:
    proc = run_buf(root, ["lint", "--error-format", "json"])
    problems: list[Problem] = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            item = json.loads(line)
        except ValueError:
            raise CodegenError(f"buf lint: {line}") from None
        problems.append(
            Problem(
                item.get("path", "?"),
                int(item.get("start_line", 1)),
                int(item.get("start_column", 1)),
                item.get("type", "BUF"),
                item.get("message", ""),
            )
        )
    if proc.returncode != 0 and not problems:
        # Compile errors come as text already in file:line:col form.
        raise CodegenError(proc.stderr.strip() or proc.stdout.strip() or f"buf lint exited {proc.returncode}")
    return problems


class ModelRules:
    """The project's own rules over the API model, beyond buf's STANDARD set."""

    def __init__(self, image: Image) -> None:
        self.image = image
        self.problems: list[Problem] = []

    def report(self, file: str, path: tuple[int, ...], rule: str, message: str) -> None:
        loc = self.image.location(file, path)
        self.problems.append(Problem(f"{PROTO_DIR}/{file}", loc.line, loc.column, rule, message))

    def run(self) -> list[Problem]:
        messages: dict[str, tuple[str, tuple[int, ...], descriptor_pb2.DescriptorProto]] = {}
        services: dict[str, tuple[str, tuple[int, ...], descriptor_pb2.ServiceDescriptorProto]] = {}
        for f in self.image.checked_files():
            prefix = f".{f.package}." if f.package else "."
            for i, msg in enumerate(f.message_type):
                messages[prefix + msg.name] = (f.name, (d.MESSAGE_TYPE, i), msg)
            for i, svc in enumerate(f.service):
                services[prefix + svc.name] = (f.name, (d.SERVICE, i), svc)
            self.check_comments(f)
            self.check_patterns(f)
        for full_name, (file, path, msg) in sorted(messages.items()):
            self.check_message(file, path, msg, full_name, messages, services)
        for _, (file, path, svc) in sorted(services.items()):
            for j, method in enumerate(svc.method):
                if self.image.method_option(method) is None:
                    self.report(
                        file,
                        (*path, d.SERVICE_METHOD, j),
                        "MA_HTTP_RULE",
                        f"RPC {svc.name}.{method.name} has no google.api.http rule",
                    )
            self.check_methods(file, path, svc, messages)
        return sorted(self.problems)

    def check_methods(
        self,
        file: str,
        path: tuple[int, ...],
        svc: descriptor_pb2.ServiceDescriptorProto,
        messages: dict[str, tuple[str, tuple[int, ...], descriptor_pb2.DescriptorProto]],
    ) -> None:
        """Every RPC must be one the model (and so every SDK) can represent: MA_CUSTOM_METHOD, MA_METHOD_OPTION."""
        package = "." + self.image.files[file].package
        kind = svc.name.removesuffix("Service")
        entry = messages.get(f"{package}.{kind}")
        resource = self.image.message_option(entry[2]) if entry is not None and svc.name != kind else None
        if resource is None and entry is not None and any(f.type_name == OBJECT_META for f in entry[2].field):
            return  # a resource without its option: reported as MA_RESOURCE_OPTION
        if resource is None:
            self.report(
                file,
                path,
                "MA_CUSTOM_METHOD",
                f"service {svc.name} belongs to no resource: methods attach to <Kind>Service of a resource "
                "in the same package, and the SDKs would drop this one",
            )
            return
        kinds = plural_kind(kind, resource.plural)
        if kinds is None:
            return  # reported as MA_RESOURCE_OPTION
        standard = standard_names(kind, kinds)
        for j, method in enumerate(svc.method):
            where = (*path, d.SERVICE_METHOD, j)
            rpc = f"{svc.name}.{method.name}"
            rules = self.image.method_option(method, d.METHOD_OPTION)
            declared = IDEMPOTENCY.get(rules.idempotency, "") if rules is not None else ""
            verb = standard.get(method.name)
            if verb is not None:
                # Shapes are MA_STANDARD_METHODS; the SDK helpers hard-wire each standard method's semantics.
                if declared and declared != STANDARD_IDEMPOTENCY[verb]:
                    self.report(
                        file,
                        where,
                        "MA_METHOD_OPTION",
                        f"{rpc} is a standard method ({STANDARD_IDEMPOTENCY[verb]}); it cannot be declared {declared}",
                    )
                continue
            if method.client_streaming:
                self.report(
                    file,
                    where,
                    "MA_CUSTOM_METHOD",
                    f"{rpc} streams requests: the SDKs support unary and server-streaming custom methods only",
                )
            for what, type_name in (("request", method.input_type), ("response", method.output_type)):
                if type_name not in messages or type_name.rsplit(".", 1)[0] != package:
                    self.report(
                        file,
                        where,
                        "MA_CUSTOM_METHOD",
                        f"{rpc} {what} {type_name.lstrip('.')} must be a top-level message of package "
                        f"{package.lstrip('.')} (the SDKs name it through the resource's package)",
                    )
            clashes = name_clashes(method.name)
            if clashes:
                self.report(
                    file,
                    where,
                    "MA_CUSTOM_METHOD",
                    f"{rpc} would become {', '.join(clashes)}, a name the generated client already uses; rename it",
                )
            if not declared:
                self.report(
                    file,
                    where,
                    "MA_METHOD_OPTION",
                    f"custom method {rpc} must declare (michelangelo.api.method).idempotency "
                    "(IDEMPOTENCY_READ_ONLY, IDEMPOTENCY_IDEMPOTENT or IDEMPOTENCY_NON_IDEMPOTENT)",
                )

    def check_comments(self, f: descriptor_pb2.FileDescriptorProto) -> None:
        def need(path: tuple[int, ...], what: str) -> None:
            if not self.image.location(f.name, path).leading_comments.strip():
                self.report(
                    f.name,
                    path,
                    "MA_DOC_COMMENT",
                    f"{what} has no leading comment (comments become SDK docs)",
                )

        def walk_message(msg: descriptor_pb2.DescriptorProto, path: tuple[int, ...], name: str) -> None:
            if msg.options.map_entry:
                return
            need(path, f"message {name}")
            for i, field in enumerate(msg.field):
                need((*path, d.MESSAGE_FIELD, i), f"field {name}.{field.name}")
            for i, nested in enumerate(msg.nested_type):
                walk_message(nested, (*path, d.MESSAGE_NESTED, i), f"{name}.{nested.name}")
            for i, enum in enumerate(msg.enum_type):
                walk_enum(enum, (*path, d.MESSAGE_ENUM, i), f"{name}.{enum.name}")

        def walk_enum(enum: descriptor_pb2.EnumDescriptorProto, path: tuple[int, ...], name: str) -> None:
            need(path, f"enum {name}")
            for i, value in enumerate(enum.value):
                need((*path, d.ENUM_VALUE, i), f"enum value {name}.{value.name}")

        for i, msg in enumerate(f.message_type):
            walk_message(msg, (d.MESSAGE_TYPE, i), msg.name)
        for i, enum in enumerate(f.enum_type):
            walk_enum(enum, (d.ENUM_TYPE, i), enum.name)
        for i, svc in enumerate(f.service):
            need((d.SERVICE, i), f"service {svc.name}")
            for j, method in enumerate(svc.method):
                need((d.SERVICE, i, d.SERVICE_METHOD, j), f"RPC {svc.name}.{method.name}")

    def check_patterns(self, f: descriptor_pb2.FileDescriptorProto) -> None:
        ext = self.image.pool.FindExtensionByName(d.FIELD_OPTION)
        options = self.image.pool.FindMessageTypeByName("michelangelo.api.FieldOptions").fields_by_name["rules"]
        pattern = self.image.pool.FindMessageTypeByName("michelangelo.api.FieldRules").fields_by_name["pattern"]
        # Where the pattern itself is written, inside the option's message literal.
        pattern_path = (FIELD_OPTIONS, ext.number, options.number, pattern.number)

        def walk(msg: descriptor_pb2.DescriptorProto, path: tuple[int, ...], name: str) -> None:
            for i, field in enumerate(msg.field):
                opt = self.image.field_option(field)
                text: str = opt.rules.pattern if opt is not None else ""
                error = re2_error(text) if text else None
                if error is not None:
                    where = (*path, d.MESSAGE_FIELD, i)
                    if self.image.has_location(f.name, (*where, *pattern_path)):
                        where = (*where, *pattern_path)
                    self.report(
                        f.name,
                        where,
                        "MA_PATTERN_RE2",
                        f"{name}.{field.name}: pattern {text!r} is not RE2 ({error}); "
                        "Go, Java, Python and the server all evaluate patterns with RE2",
                    )
            for i, nested in enumerate(msg.nested_type):
                walk(nested, (*path, d.MESSAGE_NESTED, i), f"{name}.{nested.name}")

        for i, msg in enumerate(f.message_type):
            walk(msg, (d.MESSAGE_TYPE, i), msg.name)

    def check_message(
        self,
        file: str,
        path: tuple[int, ...],
        msg: descriptor_pb2.DescriptorProto,
        full_name: str,
        messages: dict[str, tuple[str, tuple[int, ...], descriptor_pb2.DescriptorProto]],
        services: dict[str, tuple[str, tuple[int, ...], descriptor_pb2.ServiceDescriptorProto]],
    ) -> None:
        for i, field in enumerate(msg.field):
            opt = self.image.field_option(field)
            if opt is not None and opt.index and (field.type == FDP.TYPE_MESSAGE or field.label == FDP.LABEL_REPEATED):
                if field.type_name != ".google.protobuf.Timestamp" or field.label == FDP.LABEL_REPEATED:
                    self.report(
                        file,
                        (*path, d.MESSAGE_FIELD, i),
                        "MA_INDEX_FIELD",
                        f"{msg.name}.{field.name} is marked index but is not a scalar, enum or timestamp",
                    )
        fields = {f.name: f for f in msg.field}
        resource = self.image.message_option(msg)
        meta = fields.get("metadata")
        has_object_meta = meta is not None and meta.type_name == OBJECT_META
        if resource is None:
            if has_object_meta:
                self.report(
                    file,
                    path,
                    "MA_RESOURCE_OPTION",
                    f"{msg.name} has ObjectMeta metadata but no (michelangelo.api.resource) option",
                )
            return
        rule = "MA_RESOURCE_SHAPE"
        if resource.kind != msg.name:
            self.report(
                file,
                path,
                "MA_RESOURCE_OPTION",
                f"resource kind {resource.kind!r} must equal {msg.name!r}",
            )
        if not resource.plural or resource.plural != resource.plural.lower():
            self.report(
                file,
                path,
                "MA_RESOURCE_OPTION",
                f"{msg.name}: plural must be set and lower-case",
            )
        for name in ("api_version", "kind"):
            f = fields.get(name)
            if f is None or f.type != FDP.TYPE_STRING:
                self.report(
                    file,
                    path,
                    rule,
                    f"resource {msg.name} needs a string field {name!r}",
                )
        if not has_object_meta:
            self.report(
                file,
                path,
                rule,
                f"resource {msg.name} needs a field 'metadata' of type michelangelo.api.ObjectMeta",
            )
        for name in ("spec", "status"):
            f = fields.get(name)
            if f is None or f.type != FDP.TYPE_MESSAGE:
                self.report(
                    file,
                    path,
                    rule,
                    f"resource {msg.name} needs a message field {name!r}",
                )
        package = full_name.rsplit(".", 1)[0]
        kind = msg.name
        kinds = plural_kind(kind, resource.plural)
        if kinds is None:
            self.report(
                file,
                path,
                "MA_RESOURCE_OPTION",
                f"plural {resource.plural!r} is not a plural form of {kind!r}",
            )
            return
        self.check_list(file, path, package, kind, messages)
        service_name = f"{package}.{kind}Service"
        if service_name not in services:
            self.report(
                file,
                path,
                "MA_STANDARD_METHODS",
                f"resource {kind} has no service {kind}Service",
            )
            return
        svc_file, svc_path, svc = services[service_name]
        methods = {m.name: m for m in svc.method}
        expected = {
            f"Create{kind}": (f"Create{kind}Request", kind, False),
            f"Get{kind}": (f"Get{kind}Request", kind, False),
            f"Update{kind}": (f"Update{kind}Request", kind, False),
            f"Update{kind}Status": (f"Update{kind}StatusRequest", kind, False),
            f"Delete{kind}": (f"Delete{kind}Request", kind, False),
            f"Delete{kind}Collection": (
                f"Delete{kind}CollectionRequest",
                f"{kind}List",
                False,
            ),
            f"List{kinds}": (f"List{kinds}Request", f"{kind}List", False),
            f"Watch{kinds}": (f"Watch{kinds}Request", f"{kind}WatchEvent", True),
        }
        for name, (req, resp, streaming) in expected.items():
            method = methods.get(name)
            if method is None:
                self.report(
                    svc_file,
                    svc_path,
                    "MA_STANDARD_METHODS",
                    f"{svc.name} lacks the standard method {name}",
                )
                continue
            index = list(svc.method).index(method)
            want = (f"{package}.{req}", f"{package}.{resp}", streaming)
            got = (method.input_type, method.output_type, method.server_streaming)
            if got != want or method.client_streaming:
                self.report(
                    svc_file,
                    (*svc_path, d.SERVICE_METHOD, index),
                    "MA_STANDARD_METHODS",
                    f"{svc.name}.{name} must be ({req}) returns ({'stream ' if streaming else ''}{resp})",
                )

    def check_list(
        self,
        file: str,
        path: tuple[int, ...],
        package: str,
        kind: str,
        messages: dict[str, tuple[str, tuple[int, ...], descriptor_pb2.DescriptorProto]],
    ) -> None:
        entry = messages.get(f"{package}.{kind}List")
        if entry is None:
            self.report(
                file,
                path,
                "MA_LIST_SHAPE",
                f"resource {kind} has no {kind}List message",
            )
            return
        list_file, list_path, lst = entry
        fields = {f.name: f for f in lst.field}
        meta = fields.get("metadata")
        items = fields.get("items")
        if meta is None or meta.type_name != LIST_META:
            self.report(
                list_file,
                list_path,
                "MA_LIST_SHAPE",
                f"{kind}List needs metadata of type michelangelo.api.ListMeta (continue token)",
            )
        if items is None or items.type_name != f"{package}.{kind}" or items.label != FDP.LABEL_REPEATED:
            self.report(
                list_file,
                list_path,
                "MA_LIST_SHAPE",
                f"{kind}List needs 'repeated {kind} items'",
            )


def model_lint(image: Image) -> list[Problem]:
    return ModelRules(image).run()


def lint(root: Path) -> list[Problem]:
    """All problems: buf's STANDARD rules first, then ours (only when the protos compile)."""
    from ma_codegen.descriptors import build_image

    problems = buf_lint(root)
    problems.extend(model_lint(build_image(root)))
    return problems


def iter_report(problems: list[Problem]) -> Iterator[str]:
    for p in problems:
        yield str(p)

"""The language-neutral API model our wrapper plugins render templates from.

Built once from a CodeGeneratorRequest (descriptors with buf's managed-mode
options and source comments). Templates see only these frozen objects: every
decision a template needs (does a method send an idempotency key, is it
retried? which request field holds the object? what are the Go import path
and the Java package?) is a property here, never logic re-derived from
descriptors in Jinja.

Methods: the eight standard methods of a resource (found by name, as lint's
MA_STANDARD_METHODS requires them) and its custom methods, every other RPC
of `<Kind>Service`: unary or server-streaming, request and response top-level
messages of the resource's proto package, with a declared
`(michelangelo.api.method).idempotency`. Lint (MA_CUSTOM_METHOD,
MA_METHOD_OPTION) rejects what does not fit; the builder raises on it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2

from ma_codegen import descriptors as d
from ma_codegen.descriptors import Image
from ma_codegen.lint import plural_kind
from ma_codegen.names import IDEMPOTENCY, STANDARD_IDEMPOTENCY, VERBS, lower_camel, method_names, snake, standard_names

FDP = descriptor_pb2.FieldDescriptorProto
GROUP = "michelangelo.api"
OBJECT_META = ".michelangelo.api.ObjectMeta"
TIMESTAMP = ".google.protobuf.Timestamp"

__all__ = ["VERBS", "Api", "Method", "Resource", "Rule", "build", "lower_camel", "snake"]

_FORMATS = {1: "dns1123_label", 2: "dns1123_subdomain", 3: "uri", 4: "uuid"}
_SCALAR_KINDS = {
    FDP.TYPE_STRING: "string",
    FDP.TYPE_BYTES: "bytes",
    FDP.TYPE_BOOL: "bool",
    FDP.TYPE_DOUBLE: "float",
    FDP.TYPE_FLOAT: "float",
    FDP.TYPE_ENUM: "enum",
    FDP.TYPE_MESSAGE: "message",
}


def json_name(proto_name: str) -> str:
    """owning_team -> owningTeam (the proto3 JSON name)."""
    head, *rest = proto_name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def clean_doc(comment: str) -> str:
    """A leading proto comment as plain text: trimmed lines, no trailing blank lines."""
    lines = [line.strip() for line in comment.strip("\n").splitlines()]
    return "\n".join(lines).strip()


@dataclass(frozen=True)
class Rule:
    """Validation rules of one field, addressed by its path from the resource root.

    `path` uses JSON names (`spec.owningTeam`), `proto_path` proto names
    (`("spec", "owning_team")`). A rule below the object's top-level field
    applies only when every message on the way is set; an unset top-level
    field (`spec`) counts as an empty message.
    """

    path: str
    proto_path: tuple[str, ...]
    value_kind: str  # string | bytes | int | float | bool | enum | message
    repeated: bool
    is_map: bool
    required: bool
    min_len: int | None
    max_len: int | None
    pattern: str
    format: str  # "" | dns1123_label | dns1123_subdomain | uri | uuid
    min: float | None
    max: float | None
    allowed_values: tuple[str, ...]
    min_items: int | None
    max_items: int | None


@dataclass(frozen=True)
class Method:
    """One RPC of a resource's service: a standard method or a custom one.

    `sends_idempotency_key`: every call sends an `idempotency-key` (the same
    on every attempt). `retryable`: a unary call is retried under the
    client's default retry policy; when False it is attempted once unless
    the caller passes a retry policy for the call. A custom server-streaming
    call is never retried or resumed whatever `retryable` says (a Watch has
    its own reconnect logic in the runtimes).
    """

    name: str  # GetProject, ArchiveProject
    verb: str  # one of VERBS; "" for a custom method
    standard: bool
    idempotency: str  # read_only | idempotent | non_idempotent
    sends_idempotency_key: bool
    retryable: bool
    request_type: str  # GetProjectRequest (a top-level message of the resource's proto package)
    response_type: str  # Project, ProjectList, ProjectWatchEvent, ArchiveProjectResponse
    request_python: str  # project_svc_pb2.GetProjectRequest (module alias, as the sub-client imports it)
    response_python: str  # project_pb2.Project
    server_streaming: bool
    python_name: str  # get, update_status, archive_project
    go_name: str  # Get, UpdateStatus, ArchiveProject
    java_name: str  # get, updateStatus, archiveProject
    doc: str
    http_verb: str  # get | post | put | delete | patch
    http_path: str  # /apis/michelangelo.api/v2/namespaces/{namespace}/projects/{name}
    full_name: str  # /michelangelo.api.v2.ProjectService/GetProject


@dataclass(frozen=True)
class Resource:
    kind: str  # ModelFamily
    kinds: str  # ModelFamilies (as in ListModelFamilies)
    plural: str  # modelfamilies
    singular: str  # modelfamily
    short_names: tuple[str, ...]
    namespaced: bool
    doc: str
    snake: str  # model_family
    snake_plural: str  # model_families
    camel: str  # modelFamily
    camel_plural: str  # modelFamilies
    proto_package: str  # michelangelo.api.v2
    proto_file: str  # michelangelo/api/v2/model_family.proto
    service: str  # ModelFamilyService
    service_full_name: str  # michelangelo.api.v2.ModelFamilyService
    service_doc: str
    service_file: str  # michelangelo/api/v2/model_family_svc.proto
    object_field: str  # request field holding the object in Create/Update: model_family
    python_module: str  # michelangelo.api.v2.model_family_pb2
    python_svc_module: str  # michelangelo.api.v2.model_family_svc_pb2
    python_grpc_module: str  # michelangelo.api.v2.model_family_svc_pb2_grpc
    go_import: str  # github.com/.../sdk/go/gen/michelangelo/api/v2
    go_package: str  # apiv2
    java_package: str  # ai.michelangelo.api.v2
    methods: tuple[Method, ...]  # the eight standard methods in VERBS order, then custom ones as declared
    python_extra_modules: tuple[str, ...]  # pb2 module aliases custom methods need beyond the two files
    rules: tuple[Rule, ...]
    immutable: tuple[str, ...]  # JSON paths
    indexed: tuple[str, ...]  # JSON paths usable in field selectors, criteria, order_by

    def method(self, verb: str) -> Method:
        for m in self.methods:
            if m.verb == verb:
                return m
        raise KeyError(f"{self.kind} has no {verb} method")

    @property
    def custom_methods(self) -> tuple[Method, ...]:
        return tuple(m for m in self.methods if not m.standard)

    @property
    def message_types(self) -> tuple[str, ...]:
        """Every request and response message name of the methods, sorted (all in the resource's package)."""
        return tuple(sorted({t for m in self.methods for t in (m.request_type, m.response_type)}))

    @property
    def has_custom_streams(self) -> bool:
        return any(m.server_streaming for m in self.custom_methods)


@dataclass(frozen=True)
class Api:
    group: str
    version: str
    api_version: str  # michelangelo.api/v2
    proto_package: str
    resources: tuple[Resource, ...]
    files_to_generate: tuple[str, ...]


class _Builder:
    def __init__(self, request: plugin_pb2.CodeGeneratorRequest) -> None:
        fds = descriptor_pb2.FileDescriptorSet(file=request.proto_file)
        self.image = Image(fds, set(request.file_to_generate))
        self.messages: dict[str, tuple[descriptor_pb2.FileDescriptorProto, descriptor_pb2.DescriptorProto]] = {}
        for f in request.proto_file:
            self._index(f, f".{f.package}" if f.package else "", f.message_type)
        self.top_level = {f".{f.package}.{msg.name}": f.name for f in request.proto_file for msg in f.message_type}

    def _index(self, f: descriptor_pb2.FileDescriptorProto, prefix: str, msgs: Any) -> None:
        for msg in msgs:
            name = f"{prefix}.{msg.name}"
            self.messages[name] = (f, msg)
            self._index(f, name, msg.nested_type)

    def python_type(self, type_name: str, package: str, where: str) -> tuple[str, str]:
        """(message name, `module_pb2.Name`) of an RPC's request or response type."""
        file = self.top_level.get(type_name)
        package_of = type_name[1:].rsplit(".", 1)[0]
        if file is None or package_of != package:
            raise ValueError(f"{where}: {type_name[1:]} is not a top-level message of package {package}")
        name = type_name.rsplit(".", 1)[1]
        return name, f"{file.removesuffix('.proto').rsplit('/', 1)[-1]}_pb2.{name}"

    def message(self, type_name: str) -> descriptor_pb2.DescriptorProto:
        return self.messages[type_name][1]

    def rules(
        self, msg: descriptor_pb2.DescriptorProto, json_prefix: str, proto_prefix: tuple[str, ...], seen: frozenset[str]
    ) -> list[Rule]:
        out: list[Rule] = []
        for field in msg.field:
            path = f"{json_prefix}{field.json_name or json_name(field.name)}"
            proto_path = (*proto_prefix, field.name)
            repeated = field.label == FDP.LABEL_REPEATED
            sub = self.message(field.type_name) if field.type == FDP.TYPE_MESSAGE else None
            is_map = bool(sub is not None and sub.options.map_entry)
            opt = self.image.field_option(field)
            if opt is not None and opt.HasField("rules"):
                r = opt.rules
                kind = _SCALAR_KINDS.get(field.type, "int")
                if is_map and sub is not None:
                    value = next(f for f in sub.field if f.name == "value")
                    kind = _SCALAR_KINDS.get(value.type, "int")
                out.append(
                    Rule(
                        path=path,
                        proto_path=proto_path,
                        value_kind=kind,
                        repeated=repeated and not is_map,
                        is_map=is_map,
                        required=r.required,
                        min_len=r.min_len if r.HasField("min_len") else None,
                        max_len=r.max_len if r.HasField("max_len") else None,
                        pattern=r.pattern,
                        format=_FORMATS.get(r.format, ""),
                        min=r.min if r.HasField("min") else None,
                        max=r.max if r.HasField("max") else None,
                        allowed_values=tuple(r.allowed_values),
                        min_items=r.min_items if r.HasField("min_items") else None,
                        max_items=r.max_items if r.HasField("max_items") else None,
                    )
                )
            # Nested singular messages only: rules inside list items and map values
            # are checked per item by the runtimes walking the object.
            if (
                sub is not None
                and not is_map
                and not repeated
                and not field.type_name.startswith(".google.protobuf.")
                and field.type_name not in seen
            ):
                out += self.rules(sub, f"{path}.", proto_path, seen | {field.type_name})
        return out

    def flagged(
        self, msg: descriptor_pb2.DescriptorProto, json_prefix: str, flag: str, seen: frozenset[str]
    ) -> list[str]:
        out: list[str] = []
        for field in msg.field:
            path = f"{json_prefix}{field.json_name or json_name(field.name)}"
            opt = self.image.field_option(field)
            if opt is not None and getattr(opt, flag):
                out.append(path)
            if (
                field.type == FDP.TYPE_MESSAGE
                and field.label != FDP.LABEL_REPEATED
                and not field.type_name.startswith(".google.protobuf.")
                and field.type_name not in seen
                and (flag != "index" or json_prefix == "")  # indexes: top-level spec/status fields only
            ):
                out += self.flagged(self.message(field.type_name), f"{path}.", flag, seen | {field.type_name})
        return out

    def resource(
        self,
        f: descriptor_pb2.FileDescriptorProto,
        path: tuple[int, ...],
        msg: descriptor_pb2.DescriptorProto,
        opts: Any,
    ) -> Resource:
        package = f.package
        kind = msg.name
        kinds = plural_kind(kind, opts.plural)
        if kinds is None:
            raise ValueError(f"{f.name}: plural {opts.plural!r} is not a plural form of {kind!r}")
        svc_name = f"{kind}Service"
        svc_file, svc_index, svc = next(
            (g, i, s)
            for g in self.image.fds.file
            if g.package == package
            for i, s in enumerate(g.service)
            if s.name == svc_name
        )
        standard = standard_names(kind, kinds)
        methods = []
        for j, m in enumerate(svc.method):
            where = f"{svc_file.name}: {svc_name}.{m.name}"
            verb = standard.get(m.name, "")
            if m.client_streaming:
                raise ValueError(f"{where}: client-streaming RPCs are not supported")
            rules = self.image.method_option(m, d.METHOD_OPTION)
            declared = IDEMPOTENCY.get(rules.idempotency, "") if rules is not None else ""
            if verb:
                idempotency = STANDARD_IDEMPOTENCY[verb]
                if declared and declared != idempotency:
                    raise ValueError(f"{where}: a standard method is {idempotency}, not {declared}")
            elif not declared:
                raise ValueError(f"{where}: a custom method needs (michelangelo.api.method).idempotency")
            else:
                idempotency = declared
            http = self.image.method_option(m)
            http_verb, http_path = "", ""
            if http is not None:
                pattern = http.WhichOneof("pattern")
                if pattern is not None and pattern != "custom":
                    http_verb, http_path = pattern, getattr(http, pattern)
            request_type, request_python = self.python_type(m.input_type, package, where)
            response_type, response_python = self.python_type(m.output_type, package, where)
            python_name, go_name, java_name = method_names(m.name, verb)
            methods.append(
                Method(
                    name=m.name,
                    verb=verb,
                    standard=bool(verb),
                    idempotency=idempotency,
                    sends_idempotency_key=idempotency != "read_only",
                    retryable=idempotency != "non_idempotent",
                    request_type=request_type,
                    response_type=response_type,
                    request_python=request_python,
                    response_python=response_python,
                    server_streaming=m.server_streaming,
                    python_name=python_name,
                    go_name=go_name,
                    java_name=java_name,
                    doc=clean_doc(
                        self.image.location(svc_file.name, (d.SERVICE, svc_index, d.SERVICE_METHOD, j)).leading_comments
                    ),
                    http_verb=http_verb,
                    http_path=http_path,
                    full_name=f"/{package}.{svc_name}/{m.name}",
                )
            )
        # Standard methods in VERBS order, then custom ones in declaration order.
        methods.sort(key=lambda m: VERBS.index(m.verb) if m.standard else len(VERBS))
        missing = set(VERBS) - {m.verb for m in methods}
        if missing:
            raise ValueError(f"{svc_file.name}: {svc_name} lacks {sorted(missing)}")
        create_req = self.message(f".{package}.{methods[0].request_type}")
        object_field = next(fl.name for fl in create_req.field if fl.type_name == f".{package}.{kind}")
        s = snake(kind)
        go_import, _, go_pkg = svc_file.options.go_package.partition(";")
        if not go_pkg:
            go_pkg = go_import.rsplit("/", 1)[-1]
        rules = self.rules(msg, "", (), frozenset({f".{package}.{kind}"}))
        own_modules = {name.removesuffix(".proto").rsplit("/", 1)[-1] + "_pb2" for name in (f.name, svc_file.name)}
        extra_modules = sorted(
            {t.split(".")[0] for m in methods for t in (m.request_python, m.response_python)} - own_modules
        )
        return Resource(
            kind=kind,
            kinds=kinds,
            plural=opts.plural,
            singular=opts.singular or kind.lower(),
            short_names=tuple(opts.short_names),
            namespaced=opts.namespaced,
            doc=clean_doc(self.image.location(f.name, path).leading_comments),
            snake=s,
            snake_plural=snake(kinds),
            camel=lower_camel(kind),
            camel_plural=lower_camel(kinds),
            proto_package=package,
            proto_file=f.name,
            service=svc_name,
            service_full_name=f"{package}.{svc_name}",
            service_doc=clean_doc(self.image.location(svc_file.name, (d.SERVICE, svc_index)).leading_comments),
            service_file=svc_file.name,
            object_field=object_field,
            python_module=f.name.removesuffix(".proto").replace("/", ".") + "_pb2",
            python_svc_module=svc_file.name.removesuffix(".proto").replace("/", ".") + "_pb2",
            python_grpc_module=svc_file.name.removesuffix(".proto").replace("/", ".") + "_pb2_grpc",
            go_import=go_import,
            go_package=go_pkg,
            java_package=f.options.java_package or package,
            methods=tuple(methods),
            python_extra_modules=tuple(extra_modules),
            rules=tuple(rules),
            immutable=tuple(self.flagged(msg, "", "immutable", frozenset({f".{package}.{kind}"}))),
            indexed=tuple(
                ["metadata.name", "metadata.namespace"]
                + [p for p in self.flagged(msg, "", "index", frozenset()) if not p.startswith("metadata.")]
            ),
        )


def build(request: plugin_pb2.CodeGeneratorRequest) -> Api:
    """The API model of the files being generated (resources sorted by kind)."""
    b = _Builder(request)
    resources: list[Resource] = []
    packages: set[str] = set()
    for f in request.proto_file:
        if f.name not in request.file_to_generate:
            continue
        for i, msg in enumerate(f.message_type):
            opts = b.image.message_option(msg)
            if opts is not None:
                resources.append(b.resource(f, (d.MESSAGE_TYPE, i), msg, opts))
                packages.add(f.package)
    if len(packages) > 1:
        raise ValueError(f"resources span several packages {sorted(packages)}; generate one API version at a time")
    package = packages.pop() if packages else ""
    version = package.rsplit(".", 1)[-1] if package else ""
    return Api(
        group=GROUP,
        version=version,
        api_version=f"{GROUP}/{version}",
        proto_package=package,
        resources=tuple(sorted(resources, key=lambda r: r.kind)),
        files_to_generate=tuple(request.file_to_generate),
    )

"""The API model, derived at runtime from the generated descriptors.

Every message in `michelangelo.api.v2` carrying the `(michelangelo.api.resource)`
option is a resource; its service, methods, indexed and immutable fields and
validation rules are all read from descriptors, so adding a resource to the
protos (and regenerating) needs no server code.

Sensitive fields (`sensitive: true` in the field options, e.g. `Cluster.spec.token`)
are listed per resource (`Resource.sensitive_fields`); `sensitive_values` and
`sensitive_json_values` collect their values from a request (protobuf or JSON),
so errors can be scrubbed of them before they are sent (`errors.bounded`).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Literal, cast

from google.protobuf import descriptor_pool, message_factory
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message

import michelangelo.api.v2 as v2_package
from michelangelo.api import list_pb2, options_pb2

GROUP = "michelangelo.api"
VERSION = "v2"
API_VERSION = f"{GROUP}/{VERSION}"
PACKAGE = "michelangelo.api.v2"
OBJECT_META = "michelangelo.api.ObjectMeta"
TIMESTAMP = "google.protobuf.Timestamp"

Verb = Literal["create", "get", "update", "update_status", "delete", "delete_collection", "list", "watch"]
VERBS: tuple[Verb, ...] = ("create", "get", "update", "update_status", "delete", "delete_collection", "list", "watch")


class ValueType(Enum):
    """How an indexed field's values compare (criteria, field selectors, order_by)."""

    STRING = "string"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    ENUM = "enum"
    TIMESTAMP = "timestamp"


_INT_TYPES = {
    FieldDescriptor.TYPE_INT32,
    FieldDescriptor.TYPE_INT64,
    FieldDescriptor.TYPE_UINT32,
    FieldDescriptor.TYPE_UINT64,
    FieldDescriptor.TYPE_SINT32,
    FieldDescriptor.TYPE_SINT64,
    FieldDescriptor.TYPE_FIXED32,
    FieldDescriptor.TYPE_FIXED64,
    FieldDescriptor.TYPE_SFIXED32,
    FieldDescriptor.TYPE_SFIXED64,
}
_FLOAT_TYPES = {FieldDescriptor.TYPE_FLOAT, FieldDescriptor.TYPE_DOUBLE}


def value_type_of(field: FieldDescriptor) -> ValueType | None:
    """The comparable type of a singular field, or None when it cannot be indexed."""
    if field.type == FieldDescriptor.TYPE_STRING:
        return ValueType.STRING
    if field.type in _INT_TYPES:
        return ValueType.INT
    if field.type in _FLOAT_TYPES:
        return ValueType.FLOAT
    if field.type == FieldDescriptor.TYPE_BOOL:
        return ValueType.BOOL
    if field.type == FieldDescriptor.TYPE_ENUM:
        return ValueType.ENUM
    if field.message_type is not None and field.message_type.full_name == TIMESTAMP:
        return ValueType.TIMESTAMP
    return None


def field_options(field: FieldDescriptor) -> options_pb2.FieldOptions | None:
    """The `(michelangelo.api.field)` option of a field, or None when absent."""
    opts = field.GetOptions()
    if not opts.HasExtension(options_pb2.field):
        return None
    return opts.Extensions[options_pb2.field]


def is_repeated(field: FieldDescriptor) -> bool:
    return field.is_repeated


def is_map(field: FieldDescriptor) -> bool:
    sub = field.message_type
    return sub is not None and is_repeated(field) and sub.GetOptions().map_entry


@dataclass(frozen=True)
class FieldPath:
    """A field reachable through singular message fields from the resource root."""

    json_path: str  # "spec.owningTeam"
    proto_path: tuple[str, ...]  # ("spec", "owning_team")
    descriptor: FieldDescriptor

    def get(self, obj: Message) -> object:
        """The field's value (the default value when a parent message is unset)."""
        cur: Message = obj
        for name in self.proto_path[:-1]:
            cur = getattr(cur, name)
        return getattr(cur, self.proto_path[-1])

    def is_set(self, obj: Message) -> bool:
        """Proto3 presence: set messages and optional scalars, non-default other scalars."""
        cur: Message = obj
        for name in self.proto_path[:-1]:
            if not cur.HasField(name):
                return False
            cur = getattr(cur, name)
        last = self.proto_path[-1]
        if self.descriptor.has_presence:
            return cur.HasField(last)
        value = getattr(cur, last)
        return bool(len(value)) if is_repeated(self.descriptor) else bool(value)


@dataclass(frozen=True)
class IndexedField(FieldPath):
    """A field usable in field selectors, criteria and order_by."""

    value_type: ValueType = ValueType.STRING
    enum: EnumDescriptor | None = None


@dataclass(frozen=True, eq=False)  # eq=False: hash by identity (FieldRules messages are unhashable)
class FieldRule:
    """Validation rules of one field; `json_path` uses `[]` for list items and `{}` for map values."""

    json_path: str
    rules: options_pb2.FieldRules


@dataclass(frozen=True, eq=False)
class Method:
    name: str  # "CreateProject"
    full_name: str  # "/michelangelo.api.v2.ProjectService/CreateProject"
    verb: Verb
    request_class: type[Message]
    response_class: type[Message]
    server_streaming: bool


@dataclass(frozen=True, eq=False)  # eq=False: hash by identity, usable as a dict key
class Resource:
    kind: str
    plural: str
    singular: str
    short_names: tuple[str, ...]
    namespaced: bool
    group: str
    version: str
    api_version: str
    message_class: type[Message]
    list_class: type[Message]
    watch_event_class: type[Message]
    service_name: str  # "michelangelo.api.v2.ProjectService"
    methods: Mapping[Verb, Method]
    # Fields of the request messages carrying the object (create/update/update_status).
    object_field: str
    indexed_fields: Mapping[str, IndexedField]  # by JSON path
    immutable_fields: tuple[FieldPath, ...]
    field_rules: tuple[FieldRule, ...]
    external_storage_fields: tuple[FieldPath, ...]
    # JSON paths of the `sensitive` fields, `[]` for list items and `{}` for map values
    # (as in FieldRule.json_path), e.g. ("spec.credentialsSecret", "spec.token").
    sensitive_fields: tuple[str, ...] = ()

    @property
    def descriptor(self) -> Descriptor:
        return cast(Descriptor, self.message_class.DESCRIPTOR)

    def prefix(self, namespace: str = "") -> str:
        """Storage key prefix of every object of this kind (in `namespace`, when given)."""
        base = f"/registry/{self.group}/{self.plural}/"
        return f"{base}{namespace}/" if namespace else base

    def key(self, namespace: str, name: str) -> str:
        """Storage key `/registry/michelangelo.api/<plural>/<namespace>/<name>`."""
        return f"{self.prefix()}{namespace}/{name}"

    def method(self, verb: Verb) -> Method:
        return self.methods[verb]

    def new(self) -> Message:
        return self.message_class()


# ---------------------------------------------------------------------------
# Discovery


def _message_class(desc: Descriptor) -> type[Message]:
    # Returns the class generated for the descriptor (cached by the runtime).
    return message_factory.GetMessageClass(desc)


def import_v2_modules() -> list[str]:
    """Import every generated `michelangelo.api.v2.*_pb2` module; returns their names."""
    names = []
    for info in pkgutil.iter_modules(v2_package.__path__):
        if info.name.endswith("_pb2"):
            importlib.import_module(f"{PACKAGE}.{info.name}")
            names.append(f"{PACKAGE}.{info.name}")
    return sorted(names)


def _walk_paths(
    desc: Descriptor, json_prefix: str, proto_prefix: tuple[str, ...], seen: frozenset[str]
) -> Iterator[tuple[FieldPath, options_pb2.FieldOptions | None]]:
    """Every field reachable through singular non-well-known message fields (cycle-safe)."""
    for field in desc.fields:
        path = FieldPath(f"{json_prefix}{field.json_name}", (*proto_prefix, field.name), field)
        yield path, field_options(field)
        sub = field.message_type
        if (
            sub is not None
            and not is_repeated(field)
            and not sub.full_name.startswith("google.protobuf.")
            and sub.full_name not in seen
        ):
            yield from _walk_paths(sub, f"{path.json_path}.", path.proto_path, seen | {sub.full_name})


def _rules(desc: Descriptor, prefix: str, seen: frozenset[str]) -> Iterator[FieldRule]:
    """Every field rule, including those of list items and map values (cycle-safe)."""
    for field in desc.fields:
        opts = field_options(field)
        path = f"{prefix}{field.json_name}"
        if opts is not None and opts.HasField("rules"):
            yield FieldRule(path, opts.rules)
        sub = field.message_type
        if sub is None or sub.full_name.startswith("google.protobuf.") or sub.full_name in seen:
            continue
        if is_map(field):
            value_field = sub.fields_by_name["value"]
            if value_field.message_type is not None and value_field.message_type.full_name not in seen:
                inner = value_field.message_type
                yield from _rules(inner, f"{path}{{}}.", seen | {inner.full_name})
        elif is_repeated(field):
            yield from _rules(sub, f"{path}[].", seen | {sub.full_name})
        else:
            yield from _rules(sub, f"{path}.", seen | {sub.full_name})


def _sensitive(desc: Descriptor, prefix: str, seen: frozenset[str]) -> Iterator[str]:
    """JSON paths of every sensitive field, including inside list items and map values (cycle-safe)."""
    for field in desc.fields:
        opts = field_options(field)
        path = f"{prefix}{field.json_name}"
        if opts is not None and opts.sensitive:
            yield path
        sub = field.message_type
        if sub is None or sub.full_name.startswith("google.protobuf.") or sub.full_name in seen:
            continue
        if is_map(field):
            inner = sub.fields_by_name["value"].message_type
            if inner is not None and inner.full_name not in seen:
                yield from _sensitive(inner, f"{path}{{}}.", seen | {inner.full_name})
        elif is_repeated(field):
            yield from _sensitive(sub, f"{path}[].", seen | {sub.full_name})
        else:
            yield from _sensitive(sub, f"{path}.", seen | {sub.full_name})


def _indexed(desc: Descriptor) -> dict[str, IndexedField]:
    """metadata.name/namespace/creationTimestamp plus fields marked index directly in spec/status."""
    out: dict[str, IndexedField] = {}

    def add(field: FieldDescriptor, json_path: str, proto_path: tuple[str, ...]) -> None:
        vt = value_type_of(field)
        if vt is None or is_repeated(field):
            return  # the linter (MA_INDEX_FIELD) rejects these; ignore defensively
        enum = field.enum_type if vt is ValueType.ENUM else None
        out[json_path] = IndexedField(json_path, proto_path, field, value_type=vt, enum=enum)

    meta = desc.fields_by_name["metadata"].message_type
    assert meta is not None  # the linter's MA_RESOURCE_SHAPE guarantees an ObjectMeta
    for name in ("name", "namespace", "creation_timestamp"):
        f = meta.fields_by_name[name]
        add(f, f"metadata.{f.json_name}", ("metadata", name))
    for part in ("spec", "status"):
        top = desc.fields_by_name.get(part)
        if top is None or top.message_type is None:
            continue
        for f in top.message_type.fields:
            opts = field_options(f)
            if opts is not None and opts.index:
                add(f, f"{top.json_name}.{f.json_name}", (part, f.name))
    return out


def standard_verb(opts: options_pb2.ResourceOptions, kind: str, method: MethodDescriptor) -> Verb | None:
    """The standard verb of an RPC of `kind`'s service; None for a custom method, which ma-server does not serve."""
    return _classify(kind, opts.plural, method.name, method.output_type.full_name, method.server_streaming)


def _classify(kind: str, plural: str, method_name: str, output: str, streaming: bool) -> Verb | None:
    exact: dict[str, Verb] = {
        f"Create{kind}": "create",
        f"Get{kind}": "get",
        f"Update{kind}": "update",
        f"Update{kind}Status": "update_status",
        f"Delete{kind}": "delete",
        f"Delete{kind}Collection": "delete_collection",
    }
    if method_name in exact:
        return exact[method_name]
    # List{Kinds}/Watch{Kinds}: the CamelCase plural spelled like `plural` (ListModelFamilies for
    # "modelfamilies"), so a custom ListProjectsByOwner returning a ProjectList is not taken for List.
    if method_name.startswith("List") and method_name[4:].lower() == plural and not streaming:
        return "list" if output == f"{PACKAGE}.{kind}List" else None
    if method_name.startswith("Watch") and method_name[5:].lower() == plural and streaming:
        return "watch" if output == f"{PACKAGE}.{kind}WatchEvent" else None
    return None


def _build(desc: Descriptor, opts: options_pb2.ResourceOptions) -> Resource:
    pool = descriptor_pool.Default()
    kind = opts.kind or desc.name
    service_name = f"{PACKAGE}.{kind}Service"
    service = pool.FindServiceByName(service_name)
    methods: dict[Verb, Method] = {}
    for m in service.methods:
        verb = _classify(kind, opts.plural, m.name, m.output_type.full_name, m.server_streaming)
        if verb is None:
            continue
        methods[verb] = Method(
            name=m.name,
            full_name=f"/{service_name}/{m.name}",
            verb=verb,
            request_class=_message_class(m.input_type),
            response_class=_message_class(m.output_type),
            server_streaming=m.server_streaming,
        )
    missing = [v for v in VERBS if v not in methods]
    if missing:
        raise ValueError(f"{service_name} lacks standard methods for {missing}")
    create_req = methods["create"].request_class.DESCRIPTOR
    object_field = next(f.name for f in create_req.fields if f.message_type is desc)
    immutable: list[FieldPath] = []
    external: list[FieldPath] = []
    for path, fopts in _walk_paths(desc, "", (), frozenset({desc.full_name})):
        if fopts is None:
            continue
        # name/namespace form the storage key and never change; no need to compare them.
        if fopts.immutable and path.json_path not in ("metadata.name", "metadata.namespace"):
            immutable.append(path)
        if fopts.external_storage:
            external.append(path)
    return Resource(
        kind=kind,
        plural=opts.plural,
        singular=opts.singular or kind.lower(),
        short_names=tuple(opts.short_names),
        namespaced=opts.namespaced,
        group=GROUP,
        version=VERSION,
        api_version=API_VERSION,
        message_class=_message_class(desc),
        list_class=_message_class(pool.FindMessageTypeByName(f"{PACKAGE}.{kind}List")),
        watch_event_class=_message_class(pool.FindMessageTypeByName(f"{PACKAGE}.{kind}WatchEvent")),
        service_name=service_name,
        methods=MappingProxyType(methods),
        object_field=object_field,
        indexed_fields=MappingProxyType(_indexed(desc)),
        immutable_fields=tuple(immutable),
        field_rules=tuple(_rules(desc, "", frozenset({desc.full_name}))),
        external_storage_fields=tuple(external),
        sensitive_fields=tuple(_sensitive(desc, "", frozenset({desc.full_name}))),
    )


@dataclass(frozen=True, eq=False)
class ApiModel:
    """All resources, by kind, in kind order."""

    resources: tuple[Resource, ...]

    def by_kind(self, kind: str) -> Resource:
        for r in self.resources:
            if r.kind == kind:
                return r
        raise KeyError(kind)

    def by_plural(self, plural: str) -> Resource:
        for r in self.resources:
            if r.plural == plural:
                return r
        raise KeyError(plural)

    @property
    def service_names(self) -> tuple[str, ...]:
        return tuple(r.service_name for r in self.resources)


@functools.cache
def load_model() -> ApiModel:
    """Discover every resource of `michelangelo.api.v2` (cached; descriptors never change)."""
    resources = []
    for module_name in import_v2_modules():
        module = importlib.import_module(module_name)
        for desc in module.DESCRIPTOR.message_types_by_name.values():
            opts = desc.GetOptions()
            if opts.HasExtension(options_pb2.resource):
                resources.append(_build(desc, opts.Extensions[options_pb2.resource]))
    return ApiModel(tuple(sorted(resources, key=lambda r: r.kind)))


# ---------------------------------------------------------------------------
# Sensitive values

_SELECTOR_OPTIONS = frozenset({"michelangelo.api.ListOptions", "michelangelo.api.WatchOptions"})
_CRITERIA = "michelangelo.api.Criteria"


@functools.cache
def sensitive_names() -> frozenset[str]:
    """Proto and JSON names of every sensitive field reachable from a resource (for JSON bodies and patches)."""
    names: set[str] = set()
    for desc in _descriptors_with_sensitive():
        for f in desc.fields:
            opts = field_options(f)
            if opts is not None and opts.sensitive:
                names.update((f.name, f.json_name))
    return frozenset(names)


@functools.cache
def sensitive_selector_paths() -> tuple[str, ...]:
    """JSON paths of sensitive fields a field selector or criterion could name, longest first."""
    paths = {p for r in load_model().resources for p in r.sensitive_fields if "[]" not in p and "{}" not in p}
    return tuple(sorted(paths, key=len, reverse=True))


def _descriptors_with_sensitive() -> Iterator[Descriptor]:
    seen: set[str] = set()
    stack = [r.descriptor for r in load_model().resources]
    while stack:
        desc = stack.pop()
        if desc.full_name in seen:
            continue
        seen.add(desc.full_name)
        yield desc
        stack.extend(f.message_type for f in desc.fields if f.message_type is not None)


@functools.cache
def _holds_sensitive(desc: Descriptor) -> bool:
    """Whether a message of this type can hold a sensitive value (or a selector naming one)."""
    return _holds(desc, frozenset())


def _holds(desc: Descriptor, seen: frozenset[str]) -> bool:
    if desc.full_name in _SELECTOR_OPTIONS or desc.full_name == _CRITERIA:
        return True
    for f in desc.fields:
        opts = field_options(f)
        if opts is not None and opts.sensitive:
            return True
        sub = f.message_type
        if sub is not None and sub.full_name not in seen and not sub.full_name.startswith("google.protobuf."):
            if _holds(sub, seen | {desc.full_name}):
                return True
    return False


def _strings(value: object) -> list[str]:
    """The strings in a value: itself, or the items of a list or map at any depth (iteratively)."""
    out: list[str] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, bytes):
            out.append(v.decode("utf-8", "replace"))
        elif isinstance(v, Mapping):
            stack.extend(v.values())
        elif isinstance(v, Iterable):
            stack.extend(v)
    return out


def _names_sensitive(name: str) -> bool:
    """Whether a field name from a selector or criterion (`spec.token`) names a sensitive field."""
    return name.rsplit(".", 1)[-1] in sensitive_names()


def selector_values(text: str) -> list[str]:
    """Values of field selector terms naming a sensitive field (`spec.token=abc` -> `abc`), leniently:
    malformed terms count too, since an error may echo them."""
    out: list[str] = []
    if not sensitive_names():
        return out
    for term in text.split(","):
        t = term.strip()
        name = next((p for p in sensitive_selector_paths() if t.startswith(p)), "")
        if not name:
            name = re.split(r"[=!\s]", t, maxsplit=1)[0]
            if not _names_sensitive(name):
                continue
        rest = t[len(name) :].lstrip(" =!")
        out += (rest, rest.replace("\\", ""))
    return out


def sensitive_values(msg: Message) -> list[str]:
    """Every sensitive string in a request message (sensitive fields at any depth, and the values
    field selectors and criteria compare sensitive fields with). Walks only messages that can hold one."""
    out: list[str] = []
    stack: list[Message] = [msg]
    while stack:  # bounded by the message's size (protobuf limits nesting to 100 levels)
        m = stack.pop()
        desc = m.DESCRIPTOR
        if not _holds_sensitive(desc):
            continue
        if desc.full_name in _SELECTOR_OPTIONS:
            out.extend(selector_values(cast("list_pb2.ListOptions | list_pb2.WatchOptions", m).field_selector))
        if desc.full_name == _CRITERIA and m.HasField("criterion"):
            crit = cast(list_pb2.Criteria, m).criterion
            if _names_sensitive(crit.field):
                out.extend(crit.values)
        for f, value in m.ListFields():
            opts = field_options(f)
            if opts is not None and opts.sensitive:
                out.extend(_strings(value))
            elif f.message_type is not None and _holds_sensitive(f.message_type):
                if is_map(f):
                    stack.extend(v for v in value.values() if isinstance(v, Message))
                elif is_repeated(f):
                    stack.extend(value)
                else:
                    stack.append(value)
    return out


def sensitive_json_values(data: object, query: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Every string under a sensitive field's name in a JSON body (an object, a merge patch or a
    JSON patch's `value` for a path ending in one), and sensitive values in a `fieldSelector` query.
    Matches names anywhere, so it may find more than the sensitive fields: redacting more is safe."""
    names = sensitive_names()
    out: list[str] = []
    for key, value in query:
        if key == "fieldSelector":
            out.extend(selector_values(value))
    if not names:
        return out
    stack = [data]
    while stack:  # iterative: bounded by the body's size, whatever its nesting
        d = stack.pop()
        if isinstance(d, dict):
            path = d.get("path")
            if isinstance(path, str) and path.rsplit("/", 1)[-1] in names and "value" in d:
                out.extend(_strings(d["value"]))  # a JSON patch operation on a sensitive field
            for k, v in d.items():
                if k in names:
                    out.extend(_strings(v))
                elif isinstance(v, dict | list):
                    stack.append(v)
        elif isinstance(d, list):
            stack.extend(v for v in d if isinstance(v, dict | list))
    return out

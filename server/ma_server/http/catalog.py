"""What the HTTP side serves, read from the service descriptors alone.

Every route comes from a method's `google.api.http` rule; the Kubernetes
extras (discovery, PATCH, `?watch=true`) are derived from the *shape* of those
rules and of the message types, never from per-resource code:

- a resource is the message carrying the `(michelangelo.api.resource)` option
  that a service's unary methods return;
- a method's role (create, get, update, update_<subresource>, delete,
  delete_collection, list, watch) follows from its HTTP verb, whether it
  returns the resource or its list, and whether it streams.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor, ServiceDescriptor
from google.protobuf.message import Message

from ma_server.http import googleapi
from ma_server.http.template import PathTemplate, parse_template
from ma_server.model import standard_verb
from michelangelo.api import options_pb2

ROLE_CREATE = "create"
ROLE_GET = "get"
ROLE_UPDATE = "update"
ROLE_DELETE = "delete"
ROLE_DELETE_COLLECTION = "delete_collection"
ROLE_LIST = "list"
ROLE_WATCH = "watch"


@dataclass(frozen=True)
class Binding:
    """One HTTP rule (the main one or an additional binding) of one method."""

    verb: str  # upper-case HTTP method
    template: PathTemplate
    body: str  # "" (no body), "*" or a top-level field name
    method: MethodDescriptor
    role: str
    resource: Resource


@dataclass
class Resource:
    group: str
    version: str
    kind: str
    plural: str
    singular: str
    namespaced: bool
    short_names: list[str]
    message: Descriptor
    list_message: Descriptor | None = None
    service: ServiceDescriptor | None = None
    methods: dict[str, MethodDescriptor] = field(default_factory=dict)
    bindings: list[Binding] = field(default_factory=list)

    @property
    def api_version(self) -> str:
        return f"{self.group}/{self.version}"

    @property
    def subresources(self) -> list[str]:
        return sorted(r.removeprefix("update_") for r in self.methods if r.startswith("update_"))


@dataclass
class Catalog:
    resources: list[Resource]

    @property
    def bindings(self) -> list[Binding]:
        return [b for r in self.resources for b in r.bindings]

    def group_versions(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for r in self.resources:
            versions = out.setdefault(r.group, [])
            if r.version not in versions:
                versions.append(r.version)
        return out


def resource_option(desc: Descriptor) -> options_pb2.ResourceOptions | None:
    opts = desc.GetOptions()
    if not opts.HasExtension(options_pb2.resource):
        return None
    return opts.Extensions[options_pb2.resource]


def list_item_type(desc: Descriptor) -> Descriptor | None:
    """The resource a `KindList` message holds in its repeated `items` field."""
    items = desc.fields_by_name.get("items")
    if items is None or not _is_repeated(items) or items.message_type is None:
        return None
    return items.message_type if resource_option(items.message_type) is not None else None


def watch_object_type(desc: Descriptor) -> Descriptor | None:
    obj = desc.fields_by_name.get("object")
    if obj is None or obj.message_type is None:
        return None
    return obj.message_type if resource_option(obj.message_type) is not None else None


def _is_repeated(fd: FieldDescriptor) -> bool:
    return fd.is_repeated


def descriptor_of(msg: Message) -> Descriptor:
    # The stubs type DESCRIPTOR as the pure-Python or the upb class; both have the same API.
    return cast(Descriptor, msg.DESCRIPTOR)


def http_rules(method: MethodDescriptor) -> list[Any]:
    """The method's google.api.HttpRule and its additional bindings."""
    opts = method.GetOptions()
    if not opts.HasExtension(googleapi.HTTP):
        return []
    rule = opts.Extensions[googleapi.HTTP]
    return [rule, *rule.additional_bindings]


def _verb_and_path(rule: Any) -> tuple[str, str]:
    pattern = rule.WhichOneof("pattern")
    if pattern is None:
        raise ValueError("http rule without a pattern")
    if pattern == "custom":
        return str(rule.custom.kind).upper(), str(rule.custom.path)
    return pattern.upper(), str(getattr(rule, pattern))


def _role(verb: str, method: MethodDescriptor, resource: Descriptor, template: PathTemplate) -> str | None:
    out = method.output_type
    if method.server_streaming:
        return ROLE_WATCH if watch_object_type(out) is resource else None
    returns_object = out is resource
    returns_list = list_item_type(out) is resource
    if verb == "POST" and returns_object:
        return ROLE_CREATE
    if verb == "GET" and returns_object:
        return ROLE_GET
    if verb == "GET" and returns_list:
        return ROLE_LIST
    if verb == "DELETE" and returns_object:
        return ROLE_DELETE
    if verb == "DELETE" and returns_list:
        return ROLE_DELETE_COLLECTION
    if verb == "PUT" and returns_object:
        last = template.segments[-1]
        # PUT .../{name}/status writes a subresource; PUT .../{name} the object.
        return f"update_{last.literal}" if last.literal is not None else ROLE_UPDATE
    return None


def _group_version(template: PathTemplate) -> tuple[str, str]:
    segs = template.segments
    if len(segs) >= 3 and segs[0].literal == "apis" and segs[1].literal and segs[2].literal:
        return segs[1].literal, segs[2].literal
    raise ValueError(f"{template.raw}: Kubernetes-style paths start with /apis/<group>/<version>/")


def build_catalog(services: Iterable[ServiceDescriptor]) -> Catalog:
    by_message: dict[str, Resource] = {}
    for service in services:
        for method in service.methods:
            resource_desc = _service_resource(method)
            if resource_desc is None:
                continue
            opt = resource_option(resource_desc)
            assert opt is not None
            if standard_verb(opt, opt.kind or resource_desc.name, method) is None:
                # A custom method (e.g. POST .../{name}:archive returning the object) is not served here,
                # and must not be mistaken for a standard one by its shape.
                continue
            for rule in http_rules(method):
                verb, path = _verb_and_path(rule)
                template = parse_template(path)
                role = _role(verb, method, resource_desc, template)
                if role is None:
                    continue
                group, version = _group_version(template)
                res = by_message.get(resource_desc.full_name)
                if res is None:
                    res = Resource(
                        group=group,
                        version=version,
                        kind=opt.kind,
                        plural=opt.plural,
                        singular=opt.singular,
                        namespaced=opt.namespaced,
                        short_names=list(opt.short_names),
                        message=resource_desc,
                        service=service,
                    )
                    by_message[resource_desc.full_name] = res
                if role == ROLE_LIST:
                    res.list_message = method.output_type
                res.methods.setdefault(role, method)
                if rule.body and rule.body != "*" and rule.body not in method.input_type.fields_by_name:
                    raise ValueError(f"{method.full_name}: body field {rule.body!r} does not exist")
                res.bindings.append(Binding(verb, template, rule.body, method, role, res))
    return Catalog(sorted(by_message.values(), key=lambda r: (r.group, r.version, r.plural)))


def _service_resource(method: MethodDescriptor) -> Descriptor | None:
    out = method.output_type
    if resource_option(out) is not None:
        return out
    return list_item_type(out) or watch_object_type(out)


def default_services() -> list[ServiceDescriptor]:
    """Every service of the generated `michelangelo.api.v2` package (import order
    does not matter: the catalog is sorted)."""
    import michelangelo.api.v2 as pkg

    services: list[ServiceDescriptor] = []
    for mod in pkgutil.iter_modules(pkg.__path__):
        if not mod.name.endswith("_svc_pb2"):
            continue
        module = importlib.import_module(f"{pkg.__name__}.{mod.name}")
        services.extend(module.DESCRIPTOR.services_by_name.values())
    return services

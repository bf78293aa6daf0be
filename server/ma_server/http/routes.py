"""The routing table: every `google.api.http` binding, plus the Kubernetes routes
derived from them - PATCH and subresource GET on each PUT path, and the pairing
of each list path with the watch binding `?watch=true` switches to."""

from __future__ import annotations

from dataclasses import dataclass

from ma_server.http.catalog import ROLE_GET, ROLE_LIST, ROLE_WATCH, Binding, Catalog
from ma_server.http.template import PathTemplate

ACTION_RPC = "rpc"
ACTION_PATCH = "patch"  # GET the object, apply the patch, then the PUT binding's method
ACTION_GET_VIA = "get_via"  # GET of a subresource path: the object's GET method


@dataclass(frozen=True)
class Route:
    verb: str
    template: PathTemplate
    binding: Binding
    action: str = ACTION_RPC
    # ACTION_PATCH / ACTION_GET_VIA: how to read the current object.
    get_binding: Binding | None = None
    # ROLE_LIST bindings: the watch binding with the same path variables.
    watch_binding: Binding | None = None

    def get_vars(self, path_vars: dict[str, str]) -> dict[str, str]:
        """This route's path variables renamed to the GET binding's, by position
        (`project.metadata.name` -> `name`)."""
        assert self.get_binding is not None
        ours = self.template.variables
        theirs = self.get_binding.template.variables
        return {theirs[i]: path_vars[v] for i, v in enumerate(ours) if i < len(theirs)}


class NoRoute(Exception):
    """No template matches the path (404) or none for this verb (405, `allowed` set)."""

    def __init__(self, allowed: list[str]) -> None:
        super().__init__("no route")
        self.allowed = allowed


class Router:
    def __init__(self, catalog: Catalog) -> None:
        routes: list[Route] = []
        for res in catalog.resources:
            gets = [b for b in res.bindings if b.role == ROLE_GET]
            watches = [b for b in res.bindings if b.role == ROLE_WATCH]
            for b in res.bindings:
                watch = None
                if b.role == ROLE_LIST:
                    watch = next((w for w in watches if set(w.template.variables) == set(b.template.variables)), None)
                routes.append(Route(b.verb, b.template, b, watch_binding=watch))
                if b.verb == "PUT":
                    get = _paired_get(b.template, gets)
                    if get is not None:
                        routes.append(Route("PATCH", b.template, b, ACTION_PATCH, get_binding=get))
                        if get.template.shape() != b.template.shape():
                            routes.append(Route("GET", b.template, get, ACTION_GET_VIA, get_binding=get))
        # Most literal segments first, so `.../projects/{name}/status` is tried before
        # anything with a variable in that place; ties keep declaration order.
        self.routes = sorted(routes, key=lambda r: -r.template.literal_count)
        self._by_len: dict[int, list[Route]] = {}
        for r in self.routes:
            self._by_len.setdefault(len(r.template.segments), []).append(r)

    def match(self, verb: str, parts: list[str]) -> tuple[Route, dict[str, str]]:
        allowed: list[str] = []
        for r in self._by_len.get(len(parts), []):
            bound = r.template.match(parts)
            if bound is None:
                continue
            if r.verb == verb:
                return r, bound
            allowed.append(r.verb)
        raise NoRoute(sorted(set(allowed)))


def _paired_get(put: PathTemplate, gets: list[Binding]) -> Binding | None:
    """The GET that reads the object a PUT writes: same shape, or the PUT's shape
    minus trailing literal segments (the subresource, e.g. `/status`)."""
    shape = list(put.shape())
    for _ in range(len(shape)):
        for g in gets:
            if list(g.template.shape()) == shape and len(g.template.variables) == len(put.variables):
                return g
        if not shape or shape[-1] is None:
            return None
        shape.pop()
    return None

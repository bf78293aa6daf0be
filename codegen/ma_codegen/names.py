"""How RPCs and messages are named in the three SDKs, shared by the model and lint.

Lint must reject exactly what the model cannot represent, so both read the
standard-method names, the per-language method names of an RPC and the
names the generated sub-clients already use from here.
"""

from __future__ import annotations

import keyword
import re

VERBS = ("create", "get", "update", "update_status", "delete", "delete_collection", "list", "watch")
READ_VERBS = frozenset({"get", "list", "watch"})

# Idempotency enum numbers of options.proto -> the model's names.
IDEMPOTENCY = {1: "read_only", 2: "idempotent", 3: "non_idempotent"}
# What the standard methods are, without declaring it: reads have no side
# effects; writes send an idempotency key, which makes a repeat safe.
STANDARD_IDEMPOTENCY = {verb: "read_only" if verb in READ_VERBS else "idempotent" for verb in VERBS}

# Members the sub-client templates define besides one per RPC: a custom
# method named like one of them would not compile or would shadow it.
RESERVED = {
    "python": frozenset({*VERBS, "_stub", "_calls"}),
    "go": frozenset(
        {"Create", "Get", "Update", "UpdateStatus", "Delete", "DeleteCollection", "List", "ListPage", "Pages"}
        | {"Watch", "Raw", "Validate", "withNamespace", "page", "pager", "conn", "raw"}
    ),
    "java": frozenset(
        {"create", "get", "update", "updateStatus", "delete", "deleteCollection", "list", "listPageAsync", "watch"}
        | {"validate", "prepare", "prepareStatus", "withNamespace", "requireName", "listRequest", "page"}
        | {"createAsync", "getAsync", "updateAsync", "updateStatusAsync", "deleteAsync", "deleteCollectionAsync"}
        | {"createRequest", "getRequest", "updateRequest", "updateStatusRequest", "deleteRequest"}
        | {"deleteCollectionRequest", "transport", "equals", "hashCode", "toString", "getClass", "notify", "wait"}
    ),
}
JAVA_KEYWORDS = frozenset(
    "abstract assert boolean break byte case catch char class const continue default do double else enum extends "
    "final finally float for goto if implements import instanceof int interface long native new package private "
    "protected public return short static strictfp super switch synchronized this throw throws transient try void "
    "volatile while true false null var record yield".split()
)


def snake(name: str) -> str:
    """ModelFamily -> model_family."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def lower_camel(name: str) -> str:
    """ModelFamily -> modelFamily."""
    return name[:1].lower() + name[1:]


def standard_names(kind: str, kinds: str) -> dict[str, str]:
    """RPC name -> verb of the eight standard methods of a resource."""
    return {
        f"Create{kind}": "create",
        f"Get{kind}": "get",
        f"Update{kind}": "update",
        f"Update{kind}Status": "update_status",
        f"Delete{kind}": "delete",
        f"Delete{kind}Collection": "delete_collection",
        f"List{kinds}": "list",
        f"Watch{kinds}": "watch",
    }


def method_names(rpc: str, verb: str) -> tuple[str, str, str]:
    """(python, go, java) method names of an RPC in the sub-clients; a standard verb keeps its short name."""
    if verb:
        go = verb.replace("_", " ").title().replace(" ", "")
        return verb, go, lower_camel(go)
    return snake(rpc), rpc, lower_camel(rpc)


def name_clashes(rpc: str) -> list[str]:
    """Why the custom RPC `rpc` cannot become a sub-client method (empty when it can)."""
    py, go, java = method_names(rpc, "")
    out = []
    if py in RESERVED["python"] or keyword.iskeyword(py):
        out.append(f"Python {py}")
    if go in RESERVED["go"]:
        out.append(f"Go {go}")
    for name in (java, java + "Async"):
        if name in RESERVED["java"] or name in JAVA_KEYWORDS:
            out.append(f"Java {name}")
    return out

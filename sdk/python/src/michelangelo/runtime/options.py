"""Builders of the request options shared by every resource: list, watch and delete preconditions."""

from __future__ import annotations

from collections.abc import Sequence

from michelangelo.api import list_pb2, meta_pb2

OrderBy = list_pb2.OrderBy | str
"""A sort key: an OrderBy message, or a field path with an optional leading "-" for descending."""


def order_by(keys: Sequence[OrderBy]) -> list[list_pb2.OrderBy]:
    out = []
    for key in keys:
        if isinstance(key, str):
            descending = key.startswith("-")
            out.append(list_pb2.OrderBy(field=key.removeprefix("-"), descending=descending))
        else:
            out.append(key)
    return out


def list_options(
    *,
    label_selector: str = "",
    field_selector: str = "",
    criteria: list_pb2.Criteria | None = None,
    order: Sequence[OrderBy] = (),
    limit: int = 0,
    continue_token: str = "",
    resource_version: str = "",
) -> list_pb2.ListOptions:
    if limit < 0:
        raise ValueError("limit (the page size) must be at least 0")
    return list_pb2.ListOptions(
        label_selector=label_selector,
        field_selector=field_selector,
        limit=limit,
        continue_token=continue_token,
        resource_version="" if continue_token else resource_version,
        criteria=criteria,
        order_by=order_by(order),
    )


def watch_options(
    resource_version: str, *, label_selector: str = "", field_selector: str = "", allow_bookmarks: bool = True
) -> list_pb2.WatchOptions:
    return list_pb2.WatchOptions(
        resource_version=resource_version,
        allow_bookmarks=allow_bookmarks,
        label_selector=label_selector,
        field_selector=field_selector,
    )


def preconditions(uid: str, resource_version: str) -> meta_pb2.Preconditions | None:
    if not uid and not resource_version:
        return None
    return meta_pb2.Preconditions(uid=uid, resource_version=resource_version)

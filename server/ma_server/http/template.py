"""`google.api.http` path templates: parsing and matching.

Only the forms the API uses (and grpc-gateway's common ones) are supported:
literal segments, `{field.path}`, `{field.path=*}` and a trailing
`{field.path=**}`. Anything else is rejected when the routes are built, so an
unsupported rule fails the server at start instead of silently never matching.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote


@dataclass(frozen=True)
class Segment:
    """One path segment: a literal, or a variable bound to a request field path."""

    literal: str | None = None
    field_path: str | None = None
    # True for `{x=**}`: the variable takes every remaining segment.
    rest: bool = False


@dataclass(frozen=True)
class PathTemplate:
    raw: str
    segments: tuple[Segment, ...]

    @property
    def variables(self) -> tuple[str, ...]:
        return tuple(s.field_path for s in self.segments if s.field_path is not None)

    @property
    def literal_count(self) -> int:
        return sum(1 for s in self.segments if s.literal is not None)

    def match(self, parts: list[str]) -> dict[str, str] | None:
        """Bind the (already percent-decoded) segments, or None when they do not fit."""
        bound: dict[str, str] = {}
        for i, seg in enumerate(self.segments):
            if seg.rest:
                if i >= len(parts):
                    return None
                assert seg.field_path is not None
                bound[seg.field_path] = "/".join(parts[i:])
                return bound
            if i >= len(parts):
                return None
            if seg.literal is not None:
                if parts[i] != seg.literal:
                    return None
            else:
                # A variable never matches an empty segment: `/namespaces//projects`
                # is not a request for the empty namespace.
                if parts[i] == "":
                    return None
                assert seg.field_path is not None
                bound[seg.field_path] = parts[i]
        return bound if len(parts) == len(self.segments) else None

    def shape(self) -> tuple[str | None, ...]:
        """Literals with variables blanked out: two templates with the same shape
        address the same URLs (used to pair the PUT and GET of one object)."""
        return tuple(s.literal for s in self.segments)

    def render(self, values: dict[str, str]) -> str:
        out = []
        for s in self.segments:
            out.append(s.literal if s.literal is not None else values[s.field_path or ""])
        return "/" + "/".join(out)


def parse_template(raw: str) -> PathTemplate:
    if not raw.startswith("/"):
        raise ValueError(f"path template {raw!r} must start with '/'")
    if ":" in raw.rsplit("/", 1)[-1] and "}" not in raw.rsplit("/", 1)[-1]:
        raise ValueError(f"path template {raw!r}: custom verbs are not supported")
    segments: list[Segment] = []
    for part in _split_template(raw[1:]):
        if part.startswith("{"):
            if not part.endswith("}"):
                raise ValueError(f"path template {raw!r}: bad variable {part!r}")
            inner = part[1:-1]
            name, _, pattern = inner.partition("=")
            if not name or any(not p.isidentifier() for p in name.split(".")):
                raise ValueError(f"path template {raw!r}: bad variable name {name!r}")
            if pattern in ("", "*"):
                segments.append(Segment(field_path=name))
            elif pattern == "**":
                segments.append(Segment(field_path=name, rest=True))
            else:
                raise ValueError(f"path template {raw!r}: variable pattern {pattern!r} is not supported")
        else:
            if not part or "{" in part or "}" in part or part in ("*", "**"):
                raise ValueError(f"path template {raw!r}: bad segment {part!r}")
            segments.append(Segment(literal=part))
    if any(s.rest for s in segments[:-1]):
        raise ValueError(f"path template {raw!r}: '**' must be the last segment")
    return PathTemplate(raw, tuple(segments))


def _split_template(body: str) -> list[str]:
    # Split on '/' outside braces so `{name=a/*}` would stay one part (and then be rejected).
    parts: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "/" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def split_path(raw_path: bytes | str) -> list[str]:
    """Segments of a request path, each percent-decoded after splitting, so an
    encoded '/' (%2F) stays inside its segment instead of adding one."""
    text = raw_path.decode("latin-1") if isinstance(raw_path, bytes) else raw_path
    text = text.split("?", 1)[0]
    if text.startswith("/"):
        text = text[1:]
    if text.endswith("/") and text:
        text = text[:-1]
    return [unquote(p, errors="strict") for p in text.split("/")]

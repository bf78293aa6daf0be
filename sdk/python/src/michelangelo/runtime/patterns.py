"""Field-rule patterns: RE2 syntax, matched with RE2 semantics (google-re2), as Go's regexp and Java's re2j do.

Python's `re` is a different dialect: its `\\s` and `\\d` are Unicode-aware
(`\\s` matches U+00A0), RE2's are ASCII, so the same pattern would accept a
value in Python that Go rejects. Every pattern rule in the SDK and the server
goes through this module, the one typed door to google-re2 (which ships no
type information). A pattern must match the whole value, like Go's
`^(?:pattern)$` and Java's `Matcher.matches()`.
"""

from __future__ import annotations

import functools

import re2


class PatternError(ValueError):
    """RE2 cannot compile the pattern; the message is RE2's own."""


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # RE2 would print every rejected pattern to stderr
    return options


class Pattern:
    """A compiled RE2 pattern that must match a whole string."""

    __slots__ = ("_regexp", "pattern")

    def __init__(self, pattern: str) -> None:
        try:
            self._regexp = re2.compile(pattern, _options())
        except re2.error as exc:
            reason = exc.args[0] if exc.args else exc
            text = reason.decode(errors="replace") if isinstance(reason, bytes) else str(reason)
            raise PatternError(text) from None
        self.pattern = pattern

    def fullmatch(self, text: str) -> bool:
        return self._regexp.fullmatch(text) is not None


@functools.lru_cache(maxsize=1024)
def compile_or_none(pattern: str) -> Pattern | None:
    """The compiled pattern, or None when RE2 rejects it.

    `ma-codegen lint` rejects such patterns in the protos (rule MA_PATTERN_RE2);
    a request is never failed on one that slipped through.
    """
    try:
        return Pattern(pattern)
    except PatternError:
        return None

"""The google.api protos the HTTP side reads (http rules, field behavior).

googleapis-common-protos ships no type information (no py.typed), so its
modules are loaded dynamically and the few names used are given types here;
mypy --strict then needs no per-package configuration.
"""

from __future__ import annotations

import importlib
from typing import Any

_annotations = importlib.import_module("google.api.annotations_pb2")
_field_behavior = importlib.import_module("google.api.field_behavior_pb2")

# The `(google.api.http)` method option and `(google.api.field_behavior)` field option.
HTTP: Any = _annotations.http
FIELD_BEHAVIOR: Any = _field_behavior.field_behavior
REQUIRED: int = int(_field_behavior.REQUIRED)
OUTPUT_ONLY: int = int(_field_behavior.OUTPUT_ONLY)

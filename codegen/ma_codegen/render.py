"""Rendering the API model through a language's Jinja templates, then its formatter.

The template folder mirrors the output tree (relative to the plugin's `out`).
Path segments are filled by `output_path`: `%snake` (model_family), `%Kind`
(ModelFamily) and `%plural` (modelfamilies) make one file per resource; a
template path without them makes one file for the whole API. `%pkgdir`
(michelangelo/api/v2) and `%javadir` (ai/michelangelo/api/v2) are the proto
package and Java package as folders. A template that
renders only whitespace yields no file. Files whose name starts with one `_`
are macro libraries, imported by templates and never rendered themselves
(`__init__.py.j2` is an ordinary template).

Formatting (ruff, gofmt, google-java-format) and its cache live in
`ma_codegen.formatting`.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ma_codegen.formatting import format_all
from ma_codegen.model import Api, Resource

TEMPLATES = Path(__file__).resolve().parent / "templates"
PLACEHOLDERS = ("%snake", "%Kind", "%plural")


class RenderError(RuntimeError):
    """A template failed; the message names the template (formatter failures are FormatError)."""


def output_path(template: str, resource: Resource | None, api: Api) -> str:
    path = template.removesuffix(".j2").replace("%pkgdir", api.proto_package.replace(".", "/"))
    if api.resources:
        path = path.replace("%javadir", api.resources[0].java_package.replace(".", "/"))
    if resource is None:
        return path
    return path.replace("%snake", resource.snake).replace("%Kind", resource.kind).replace("%plural", resource.plural)


def _environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / lang),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def _doc_lines(text: str, prefix: str) -> str:
    """Prefix every line of a doc comment (e.g. '// ' for Go, ' * ' for Java)."""
    return "\n".join((prefix + line).rstrip() for line in text.splitlines()) if text else prefix.rstrip()


def _java_doc(text: str) -> str:
    return text.replace("*/", "*&#47;").replace("@", "{@literal @}")


def _py_doc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


FILTERS = {
    "doc_lines": _doc_lines,
    "java_doc": _java_doc,
    "py_doc": _py_doc,
    "upper_first": lambda s: s[:1].upper() + s[1:],
    "lower_first": lambda s: s[:1].lower() + s[1:],
}


def templates(lang: str) -> list[str]:
    root = TEMPLATES / lang
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.j2")
        if not (p.name.startswith("_") and not p.name.startswith("__")) and "__pycache__" not in p.parts
    )


def render(api: Api, lang: str) -> dict[str, str]:
    """Output path -> formatted content, for every template of `lang`.

    `api` is one proto package (`plugins._wrappers` splits buf's request); a
    package without resources (the shared `michelangelo/api` types) gets no
    wrappers at all.
    """
    if not api.resources:
        return {}
    env = _environment(lang)
    out: dict[str, str] = {}
    for name in templates(lang):
        template = env.get_template(name)
        per_resource = any(p in name for p in PLACEHOLDERS)
        for resource in api.resources if per_resource else [None]:
            path = output_path(name, resource, api)
            try:
                text = template.render(api=api, resource=resource)
            except jinja2.TemplateError as exc:
                where = f" for {resource.kind}" if resource else ""
                raise RenderError(f"template {lang}/{name}{where}: {exc}") from exc
            if text.strip():
                out[path] = text
    return format_all(lang, out)

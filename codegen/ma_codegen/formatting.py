"""Formatting generated code (ruff, gofmt, google-java-format) and the cache of formatter results.

Each language's files go to one formatter process (a process, or a JVM, per
file would dominate). Formatting is the slow part of a run, so under
`ma-codegen generate` our plugins keep a content-addressed cache of formatter
results in `.toolchain/format-cache` (the folder is passed in
`MA_CODEGEN_FORMAT_CACHE`): the key hashes the formatter's identity (the bytes
of ruff, gofmt or the google-java-format jar, the JDK's release file, every
argument), the file name and the unformatted text. A hit is therefore exactly
what the formatter would print for that input, and only files whose rendered
text changed reach a formatter. Without the variable (a plain protoc run,
`ma-codegen check`) nothing is read from or written to the cache.

Stdlib only, so `ma_codegen.generate` can import it without Jinja.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FORMAT_CACHE_ENV = "MA_CODEGEN_FORMAT_CACHE"
FORMAT_CACHE_KEEP = 4096  # entries kept by prune_format_cache, least recently used dropped first
_CACHE_FORMAT = b"ma-codegen format cache v1"


class FormatError(RuntimeError):
    """A formatter is missing or failed; the message names it."""


# google-java-format uses javac internals that Java 16+ hides unless exported.
_GJF_JVM_FLAGS = [
    f"--add-exports=jdk.compiler/com.sun.tools.javac.{pkg}=ALL-UNNAMED"
    for pkg in ("api", "code", "file", "parser", "tree", "util")
]
# A short-lived formatter run: C2 compilation and parallel GC threads cost more CPU than they
# save (the 15 Java wrappers: 5.0 s of CPU by default, 2.7 s with these); neither changes what
# is printed.
_GJF_JVM_SPEED_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def _formatter(lang: str) -> list[str]:
    """The command that formats, in place, the files named after it."""
    if lang == "python":
        ruff = Path(sys.executable).parent / "ruff"
        exe = str(ruff) if ruff.is_file() else shutil.which("ruff")
        if exe is None:
            raise FormatError("ruff is required to format generated Python (pip install ruff)")
        return [exe, "format", "--quiet", "--no-cache", "--isolated", "--line-length", "120"]
    if lang == "go":
        exe = shutil.which("gofmt")
        if exe is None:
            raise FormatError("gofmt is required to format generated Go (install Go)")
        return [exe, "-w"]
    if lang == "java":
        jar = Path.cwd() / ".toolchain" / "bin" / "google-java-format.jar"  # buf runs plugins in the project root
        java = shutil.which("java")
        if not jar.is_file() or java is None:
            raise FormatError(f"{jar} is required to format generated Java: run `ma-codegen toolchain install`")
        return [java, *_GJF_JVM_FLAGS, *_GJF_JVM_SPEED_FLAGS, "-jar", str(jar), "--replace"]
    raise FormatError(f"no formatter for {lang}")


def _file_digest(path: Path) -> bytes:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").digest()


def formatter_identity(lang: str, cmd: list[str]) -> str | None:
    """A hash of everything the formatter's output can depend on besides its input, or None if unknown.

    Executables are identified by their bytes, not their paths, so copies of
    the project share entries and a changed tool never reuses old ones. For
    Java the JDK matters too (google-java-format parses with its javac), so its
    `release` file (exact runtime version) is part of the identity.
    """
    digest = hashlib.sha256(_CACHE_FORMAT + b"\0" + lang.encode() + b"\0")
    args = list(cmd[1:])
    if lang == "java":
        jar = args.index("-jar") + 1
        release = Path(os.path.realpath(cmd[0])).parent.parent / "release"
        if not release.is_file():
            return None
        digest.update(release.read_bytes() + b"\0" + _file_digest(Path(args[jar])))
        args[jar] = "<jar>"
    else:
        digest.update(_file_digest(Path(os.path.realpath(cmd[0]))))
    digest.update(json.dumps(args).encode())
    return digest.hexdigest()


class FormatCache:
    """Formatted text by (formatter identity, file name, unformatted text); entries are written atomically."""

    def __init__(self, folder: Path, identity: str) -> None:
        self.folder = folder
        self.identity = identity

    def key(self, name: str, text: str) -> str:
        digest = hashlib.sha256(f"{self.identity}\0{Path(name).name}\0".encode())
        digest.update(text.encode())
        return digest.hexdigest()

    def get(self, name: str, text: str) -> str | None:
        key = self.key(name, text)
        path = self.folder / key[:2] / key
        try:
            head, _, body = path.read_bytes().partition(b"\n")
        except OSError:
            return None
        if head != key.encode():
            return None  # not an entry this code wrote: ignore it, the formatter runs instead
        try:
            os.utime(path)  # recently used, for prune_format_cache
        except OSError:
            pass
        return body.decode()

    def put(self, name: str, text: str, formatted: str) -> None:
        key = self.key(name, text)
        folder = self.folder / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(key.encode() + b"\n" + formatted.encode())
            os.replace(tmp, folder / key)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _format_cache(lang: str, cmd: list[str]) -> FormatCache | None:
    folder = os.environ.get(FORMAT_CACHE_ENV)
    if not folder:
        return None
    identity = formatter_identity(lang, cmd)
    return FormatCache(Path(folder), identity) if identity else None


def prune_format_cache(folder: Path, keep: int = FORMAT_CACHE_KEEP) -> int:
    """Delete all but the `keep` most recently used entries; returns how many were deleted."""
    if not folder.is_dir():
        return 0
    entries = []
    for path in folder.glob("*/*"):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    removed = 0
    for _, path in entries[keep:]:
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _run_formatter(lang: str, cmd: list[str], files: dict[str, str]) -> dict[str, str]:
    """One formatter process for all `files` (a process, or a JVM, per file would dominate)."""
    with tempfile.TemporaryDirectory(prefix=f"ma-format-{lang}-") as tmp:
        paths = []
        for i, (name, text) in enumerate(sorted(files.items())):
            path = Path(tmp) / f"{i}_{Path(name).name}"
            path.write_text(text)
            paths.append((name, path))
        proc = subprocess.run([*cmd, *(str(p) for _, p in paths)], capture_output=True, text=True)
        if proc.returncode != 0:
            tool = Path(cmd[0]).name
            raise FormatError(f"formatting generated {lang} with {tool} failed: {proc.stderr.strip()[:2000]}")
        return {name: path.read_text() for name, path in paths}


def format_all(lang: str, files: dict[str, str]) -> dict[str, str]:
    """Every output formatted; with a format cache, only the files it has not seen go to the formatter."""
    if not files:
        return files
    cmd = _formatter(lang)
    cache = _format_cache(lang, cmd)
    out: dict[str, str] = {}
    todo: dict[str, str] = {}
    for name, text in files.items():
        hit = cache.get(name, text) if cache else None
        if hit is None:
            todo[name] = text
        else:
            out[name] = hit
    if todo:
        formatted = _run_formatter(lang, cmd, todo)
        if cache:
            for name, text in formatted.items():
                cache.put(name, todo[name], text)
        out.update(formatted)
    return out

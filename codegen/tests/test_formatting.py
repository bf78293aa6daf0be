"""The formatters and their cache: a hit is exactly what the formatter prints, and only changed files are formatted."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ma_codegen import formatting
from ma_codegen.formatting import FORMAT_CACHE_ENV, FormatCache, format_all, formatter_identity, prune_format_cache

Cli = Callable[..., tuple[int, str, str]]

GO = {
    "michelangelo/api/v2/a.go": "package v2\nfunc A()  int {return 1}\n",
    "michelangelo/api/v2/b.go": "package v2\nvar  B = []int{1,2}\n",
}
PY = {"michelangelo/api/v2/c.py": "x=[1,2]\ndef f( a ):\n  return a\n"}


@pytest.fixture
def formatted_names(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The names handed to each formatter run, in order."""
    calls: list[list[str]] = []
    real = formatting._run_formatter

    def spy(lang: str, cmd: list[str], files: dict[str, str]) -> dict[str, str]:
        calls.append(sorted(files))
        return real(lang, cmd, files)

    monkeypatch.setattr(formatting, "_run_formatter", spy)
    return calls


@pytest.mark.parametrize(("lang", "files"), [("go", GO), ("python", PY)])
def test_cache_hits_equal_formatter_output_and_skip_the_formatter(
    lang: str, files: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formatted_names: list[list[str]]
) -> None:
    monkeypatch.delenv(FORMAT_CACHE_ENV, raising=False)
    uncached = format_all(lang, files)
    assert uncached != files, "the inputs must need formatting"
    assert formatted_names == [sorted(files)]

    monkeypatch.setenv(FORMAT_CACHE_ENV, str(tmp_path / "cache"))
    assert format_all(lang, files) == uncached  # cold: formats and fills the cache
    assert format_all(lang, files) == uncached  # warm: every file from the cache
    assert formatted_names == [sorted(files), sorted(files)]

    name = sorted(files)[-1]
    edited = {**files, name: files[name] + "\n\n"}
    assert format_all(lang, edited) == format_all(lang, edited) == uncached  # trailing blank lines dropped
    assert formatted_names[2:] == [[name]], "only the changed file reaches the formatter"


def test_no_cache_without_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FORMAT_CACHE_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    format_all("go", GO)
    assert list(tmp_path.iterdir()) == []


def test_foreign_or_damaged_entries_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formatted_names: list[list[str]]
) -> None:
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv(FORMAT_CACHE_ENV, str(cache_dir))
    good = format_all("go", GO)
    entries = sorted(p for p in cache_dir.glob("*/*"))
    assert len(entries) == len(GO)
    entries[0].write_bytes(b"not-the-key\npackage v2\n")  # e.g. a truncated or foreign file
    assert format_all("go", GO) == good
    assert len(formatted_names) == 2 and len(formatted_names[1]) == 1


def test_identity_is_the_formatters_bytes_and_arguments(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    a.write_bytes(b"formatter 1")
    b.write_bytes(b"formatter 1")
    c.write_bytes(b"formatter 2")
    assert formatter_identity("go", [str(a), "-w"]) == formatter_identity("go", [str(b), "-w"])  # path-independent
    assert formatter_identity("go", [str(a), "-w"]) != formatter_identity("go", [str(c), "-w"])
    assert formatter_identity("go", [str(a), "-w"]) != formatter_identity("go", [str(a), "-s", "-w"])
    assert formatter_identity("go", [str(a), "-w"]) != formatter_identity("python", [str(a), "-w"])


def test_java_identity_includes_the_jdk_and_the_jar(tmp_path: Path) -> None:
    def jdk(name: str, release: str) -> Path:
        java = tmp_path / name / "bin" / "java"
        java.parent.mkdir(parents=True)
        java.write_bytes(b"launcher")
        (tmp_path / name / "release").write_text(release)
        return java

    jar, other_jar = tmp_path / "gjf.jar", tmp_path / "gjf2.jar"
    jar.write_bytes(b"jar 1")
    other_jar.write_bytes(b"jar 2")
    j17, j21 = jdk("jdk17", 'JAVA_VERSION="17.0.15"\n'), jdk("jdk21", 'JAVA_VERSION="21.0.5"\n')

    def ident(java: Path, j: Path) -> str | None:
        return formatter_identity("java", [str(java), "-jar", str(j), "--replace"])

    assert ident(j17, jar) is not None
    assert ident(j17, jar) != ident(j21, jar)
    assert ident(j17, jar) != ident(j17, other_jar)
    (tmp_path / "jdk17" / "release").unlink()
    assert ident(j17, jar) is None, "a JDK of unknown version is not cached"


def test_keys_depend_on_file_name_and_text(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path, "identity")
    assert cache.key("a/x.py", "t") == cache.key("b/x.py", "t")  # formatters see only the base name
    assert cache.key("a/x.py", "t") != cache.key("a/x.pyi", "t")
    assert cache.key("a/x.py", "t") != cache.key("a/x.py", "t ")
    assert FormatCache(tmp_path, "other").key("a/x.py", "t") != cache.key("a/x.py", "t")


def test_prune_keeps_the_most_recently_used(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path, "identity")
    for i in range(6):
        cache.put(f"f{i}.go", str(i), f"formatted {i}")
        path = tmp_path / cache.key(f"f{i}.go", str(i))[:2] / cache.key(f"f{i}.go", str(i))
        os.utime(path, ns=(i * 10**9, i * 10**9))
    assert cache.get("f0.go", "0") == "formatted 0"  # a hit marks f0 as used now
    assert prune_format_cache(tmp_path, keep=3) == 3
    kept = {name for name in (f"f{i}.go" for i in range(6)) if cache.get(name, name[1]) is not None}
    assert kept == {"f0.go", "f4.go", "f5.go"}


def test_generate_formats_only_what_changed(
    project: Path, cli_run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end through buf: a gofmt that logs its arguments shows which Go files were formatted."""
    gofmt = shutil.which("gofmt")
    assert gofmt is not None
    shim = tmp_path / "shim"
    shim.mkdir()
    log = tmp_path / "gofmt.log"
    (shim / "gofmt").write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {gofmt} "$@"\n')
    (shim / "gofmt").chmod(0o755)
    monkeypatch.setenv("PATH", f"{shim}{os.pathsep}{os.environ['PATH']}")

    def runs() -> list[list[str]]:
        lines = log.read_text().splitlines() if log.is_file() else []
        log.unlink(missing_ok=True)
        return [sorted(Path(arg).name.split("_", 1)[1] for arg in line.split()[1:]) for line in lines]

    code, out, err = cli_run(project, "generate", "--force")
    assert code == 0, out + err
    first = runs()
    assert len(first) == 1 and "project.go" in first[0] and "client.go" in first[0], first

    code, out, err = cli_run(project, "generate", "--force")
    assert code == 0, out + err
    assert "0 changed, 0 added, 0 removed" in err, err
    assert runs() == [], "an unchanged run must not start the formatter"

    proto = project / "proto/michelangelo/api/v2/project.proto"
    text = proto.read_text()
    old = "// Project is the unit of ownership and isolation"  # the kind's comment is in its wrapper's docs
    assert text.count(old) == 1
    proto.write_text(text.replace(old, "// Project is the unit of ownership and of isolation"))
    code, out, err = cli_run(project, "generate")
    assert code == 0, out + err
    assert runs() == [["project.go"]], "only the wrapper whose text changed is formatted"

    assert "ownership and of isolation" in (project / "sdk/go/gen/client/project.go").read_text()

    code, out, err = cli_run(project, "check")
    assert code == 0, out + err  # check renders without the cache and agrees byte for byte

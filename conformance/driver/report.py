"""The case x language matrix as Markdown and JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PASSED, FAILED, KNOWN, STALE = "passed", "failed", "known-failing", "stale"
_CELL = {
    PASSED: "pass",
    FAILED: "**FAIL**",
    KNOWN: "known-failing",
    STALE: "**STALE** (passes, but listed known-failing)",
}


@dataclass(frozen=True)
class Result:
    case: str
    language: str
    status: str
    seconds: float
    message: str = ""
    doc: str = ""
    file: str = ""

    @property
    def fails_run(self) -> bool:
        return self.status in (FAILED, STALE)


def write_markdown(
    path: Path, cases: Sequence[str], languages: Sequence[str], results: dict[tuple[str, str], Result]
) -> None:
    lines = ["# Conformance matrix", ""]
    counts = {lang: {s: 0 for s in _CELL} for lang in languages}
    for r in results.values():
        counts[r.language][r.status] += 1
    lines.append("| language | passed | failed | known-failing | stale |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for lang in languages:
        c = counts[lang]
        lines.append(f"| {lang} | {c[PASSED]} | {c[FAILED]} | {c[KNOWN]} | {c[STALE]} |")
    lines += ["", "| case | " + " | ".join(languages) + " |", "| --- |" + " --- |" * len(languages)]
    for name in cases:
        cells = [_CELL[results[(name, lang)].status] if (name, lang) in results else "-" for lang in languages]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    problems = [r for r in results.values() if r.status != PASSED]
    if problems:
        lines += ["", "## Not passing", ""]
        for r in sorted(problems, key=lambda r: (r.case, r.language)):
            lines.append(f"- `{r.case}` ({r.language}, {r.status}): {r.message.splitlines()[0] if r.message else ''}")
            lines.append(f"  - proves: {r.doc} ({r.file})")
            rest = r.message.splitlines()[1:]
            if rest:
                lines += ["", "  ```", *("  " + ln for ln in rest[:40]), "  ```"]
    path.write_text("\n".join(lines) + "\n")


def write_junit(path: Path, languages: Sequence[str], results: dict[tuple[str, str], Result]) -> None:
    suites = ET.Element("testsuites", name="conformance")
    for lang in languages:
        mine = sorted((r for r in results.values() if r.language == lang), key=lambda r: r.case)
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=f"conformance.{lang}",
            tests=str(len(mine)),
            failures=str(sum(r.fails_run for r in mine)),
            skipped=str(sum(r.status == KNOWN for r in mine)),
            time=f"{sum(r.seconds for r in mine):.3f}",
        )
        for r in mine:
            tc = ET.SubElement(
                suite, "testcase", classname=f"conformance.{lang}", name=r.case, time=f"{r.seconds:.3f}", file=r.file
            )
            if r.status == FAILED:
                ET.SubElement(
                    tc, "failure", message=r.message.splitlines()[0] if r.message else "failed"
                ).text = r.message
            elif r.status == STALE:
                ET.SubElement(tc, "failure", message="listed as known-failing but passes: remove it from the list")
            elif r.status == KNOWN:
                ET.SubElement(tc, "skipped", message=f"known failing: {r.message}")
    ET.indent(suites)
    ET.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)

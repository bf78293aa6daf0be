"""`python -m conformance.driver`: build the runners, run every case in every language, write the matrix."""

from __future__ import annotations

import argparse
import fnmatch
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

import grpc

from conformance.driver.cases import CONFORMANCE_DIR, Case, CaseError, KnownFailing, load_cases, load_known_failing
from conformance.driver.engine import CaseRun, StepFailed
from conformance.driver.matching import Mismatch
from conformance.driver.report import FAILED, KNOWN, PASSED, STALE, Result, write_junit, write_markdown
from conformance.driver.runners import RunnerError, RunnerProcess, build, runner_spec
from conformance.driver.server import SHARED_KUBE, STORAGES, ServerError, Servers, temp_work_dir

# A "language" is a runner: the -async ones drive the same SDK through its async API
# (Python AsyncClient, Java CompletableFuture variants).
LANGUAGES = ("python", "python-async", "go", "java", "java-async")
# Runners at once: each has its own server; more than this on 2 cores only adds timing noise.
PARALLEL = 3
_print_lock = threading.Lock()


def say(text: str) -> None:
    with _print_lock:
        print(text, flush=True)


def build_all(languages: Sequence[str]) -> dict[str, str]:
    """Build each distinct runner once (java and java-async share one jar), in parallel; errors by runner."""
    todo: dict[tuple[tuple[tuple[str, ...], str], ...], list[str]] = {}
    for lang in languages:
        spec = runner_spec(lang)
        if spec.build:
            todo.setdefault(tuple((tuple(argv), str(cwd)) for argv, cwd in spec.build), []).append(lang)
    errors: dict[str, str] = {}

    def one(langs: list[str]) -> None:
        started = time.monotonic()
        try:
            build(runner_spec(langs[0]))
            say(f"conformance: {'/'.join(langs)} runner built in {time.monotonic() - started:.1f} s")
        except RunnerError as e:
            errors.update((lang, str(e)) for lang in langs)

    threads = [threading.Thread(target=one, args=(langs,)) for langs in todo.values()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def run_language(
    language: str, cases: Sequence[Case], known: KnownFailing, verbose: bool, storage: str = "sqlite"
) -> list[Result]:
    """Every case through one language's runner, against servers of its own (faults are per server)."""
    spec = runner_spec(language)
    work = temp_work_dir(f"ma-conformance-{language}-")
    servers = Servers(work, storage, tag=language)
    runner: RunnerProcess | None = None
    results = []
    try:
        # Started before the loop: a runner that cannot start at all ends this language's run.
        runner = RunnerProcess(spec)
        for index, case in enumerate(cases):
            t0 = time.monotonic()
            message = ""
            server = servers.get(case.server)  # a server that cannot start ends this language's run
            try:
                if runner is None or not runner.alive():
                    runner = RunnerProcess(spec)
                server.control("Reset", {})
                # A namespace per case (and per language: on kubernetes the languages share an apiserver).
                ns = f"c{index:03d}" if storage != "kubernetes" else f"{language}-c{index:03d}"
                CaseRun(case, runner, server, ns, language).run()
                status = PASSED
            except (StepFailed, Mismatch) as e:
                status, message = FAILED, str(e)
            except RunnerError as e:
                status, message = FAILED, f"runner: {e}"
                if runner is not None:
                    runner.kill()
                    runner = None
            except (ServerError, grpc.RpcError) as e:
                status, message = FAILED, f"server: {e}\n{server.log_tail()}".rstrip()
            except Exception:  # noqa: BLE001 - a driver bug must still show up as this case failing
                status, message = FAILED, f"driver error:\n{traceback.format_exc()}"
            finally:
                if runner is not None and runner.alive():
                    try:
                        runner.request({"op": "close"}, 30)
                    except RunnerError:
                        runner.kill()
                        runner = None
            if case.name in known.reasons:
                status, message = (
                    (STALE, "") if status == PASSED else (KNOWN, f"{known.reasons[case.name]} ({message})")
                )
            result = Result(case.name, language, status, time.monotonic() - t0, message, case.doc, case.file)
            results.append(result)
            if verbose or result.fails_run:
                detail = f": {message}" if message else ""
                say(f"conformance: {language}: {status}: {case.name} ({result.seconds:.2f} s){detail}")
    finally:
        if runner is not None:
            runner.close()
        servers.stop()
        shutil.rmtree(work, ignore_errors=True)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m conformance.driver", description=__doc__)
    p.add_argument("--languages", default=",".join(LANGUAGES), help=f"comma-separated runners: {','.join(LANGUAGES)}")
    p.add_argument("--cases", default="*", help="only cases whose name matches this glob")
    p.add_argument("--cases-dir", type=Path, default=CONFORMANCE_DIR / "cases")
    p.add_argument("--known-failing-dir", type=Path, default=CONFORMANCE_DIR / "known-failing")
    p.add_argument("--out", type=Path, default=CONFORMANCE_DIR / "out", help="report directory (report.md, junit.xml)")
    p.add_argument("--no-build", action="store_true", help="use the runners as last built")
    p.add_argument("--build-only", action="store_true", help="build the runners, run no case")
    p.add_argument("-v", "--verbose", action="store_true", help="print every case, not only failures")
    p.add_argument(
        "--storage", default="sqlite", choices=STORAGES, help="the servers' storage (etcd: one member per runner)"
    )
    args = p.parse_args(argv)

    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    for lang in languages:
        if lang not in LANGUAGES:
            p.error(f"unknown language {lang!r}: use {', '.join(LANGUAGES)}")
    try:
        all_cases = load_cases(args.cases_dir)
        known = {lang: load_known_failing(lang, args.known_failing_dir) for lang in languages}
        # Where the storage itself differs (Kubernetes' own semantics), for every language.
        by_storage = load_known_failing(f"storage-{args.storage}", args.known_failing_dir)
        for lang in languages:
            known[lang].reasons.update(by_storage.reasons)
    except CaseError as e:
        print(f"conformance: {e}", file=sys.stderr)
        return 2
    cases = [c for c in all_cases if fnmatch.fnmatchcase(c.name, args.cases)]
    if not cases:
        print(f"conformance: no case matches {args.cases!r} ({len(all_cases)} cases loaded)", file=sys.stderr)
        return 2
    names = {c.name for c in all_cases}
    unknown = [(lang, n) for lang in languages for n in known[lang].reasons if n not in names]
    args.out.mkdir(parents=True, exist_ok=True)
    say(
        f"conformance: {len(cases)} cases x {len(languages)} languages ({', '.join(languages)}), storage {args.storage}"
    )

    started = time.monotonic()
    results: dict[tuple[str, str], Result] = {}
    errors: list[str] = []

    broken = {} if args.no_build else build_all(languages)
    errors += [f"{lang}: {error}" for lang, error in broken.items()]
    if args.build_only:
        for error in errors:
            say(f"conformance: ERROR: {error}")
        return 1 if errors else 0
    slots = threading.Semaphore(PARALLEL)

    def worker(lang: str) -> None:
        with slots:
            try:
                for r in run_language(lang, cases, known[lang], args.verbose, args.storage):
                    results[(r.case, r.language)] = r
            except (RunnerError, ServerError) as e:
                errors.append(f"{lang}: {e}")
            except Exception:  # noqa: BLE001 - reported below and fails the run
                errors.append(f"{lang}: driver error:\n{traceback.format_exc()}")

    threads = [
        threading.Thread(target=worker, args=(lang,), name=f"conformance-{lang}")
        for lang in languages
        if lang not in broken
    ]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        SHARED_KUBE.stop()

    write_markdown(args.out / "report.md", [c.name for c in cases], languages, results)
    write_junit(args.out / "junit.xml", languages, results)
    for lang in languages:
        mine = [r for r in results.values() if r.language == lang]
        counts = {s: sum(r.status == s for r in mine) for s in (PASSED, FAILED, KNOWN, STALE)}
        say(
            f"conformance: {lang}: {counts[PASSED]} passed, {counts[FAILED]} failed, "
            f"{counts[KNOWN]} known-failing, {counts[STALE]} stale (of {len(cases)})"
        )
    for lang, name in unknown:
        errors.append(f"{lang}: known-failing/{lang}.txt lists {name!r}, which is no case: remove it")
    for error in errors:
        say(f"conformance: ERROR: {error}")
    bad = sum(r.fails_run for r in results.values())
    missing = len(cases) * len(languages) - len(results)
    ok = not bad and not errors and not missing
    say(
        f"conformance: {'PASSED' if ok else 'FAILED'}: {len(cases)} cases x {len(languages)} languages, "
        f"{bad} failing, {missing} not run, in {time.monotonic() - started:.0f} s "
        f"(report: {args.out / 'report.md'}, {args.out / 'junit.xml'})"
    )
    return 0 if ok else 1

"""The `ma-codegen` command line: lint, breaking, generate, check, crds, toolchain."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ma_codegen import toolchain
from ma_codegen.project import CodegenError, find_root


def _root(args: argparse.Namespace) -> Path:
    return find_root(Path(args.root) if args.root else None)


def cmd_lint(args: argparse.Namespace) -> int:
    from ma_codegen.lint import lint

    problems = lint(_root(args))
    for p in problems:
        print(p)
    if problems:
        print(f"lint: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("lint: ok", file=sys.stderr)
    return 0


def cmd_breaking(args: argparse.Namespace) -> int:
    from ma_codegen.breaking import breaking

    ok, problems = breaking(_root(args), args.against)
    for p in problems:
        print(p)
    if not ok:
        print(
            f"breaking: {len(problems)} breaking change(s) against {args.against}",
            file=sys.stderr,
        )
        return 1
    print(f"breaking: no breaking changes against {args.against}", file=sys.stderr)
    return 0


def cmd_image(args: argparse.Namespace) -> int:
    from ma_codegen.breaking import save_image

    save_image(_root(args), Path(args.output).resolve())
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from ma_codegen.generate import generate

    start = time.perf_counter()
    result = generate(_root(args), force=args.force)
    took = time.perf_counter() - start
    if result.up_to_date:
        print(f"generate: up to date ({took:.2f} s)", file=sys.stderr)
    else:
        d = result.diff
        print(
            f"generate: {len(d.changed)} changed, {len(d.added)} added, {len(d.removed)} removed ({took:.2f} s)",
            file=sys.stderr,
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ma_codegen.generate import OUTPUT_ROOTS, check

    diff, sample = check(_root(args))
    if diff.empty():
        print(
            f"check: generated code in {', '.join(OUTPUT_ROOTS)} is up to date",
            file=sys.stderr,
        )
        return 0
    print("check: committed generated code differs from what the protos and templates produce:")
    print(diff.summary())
    if sample:
        print(sample)
    print("run `nox -s generate` and commit the result")
    return 1


def cmd_crds(args: argparse.Namespace) -> int:
    from ma_codegen.plugins.ma_crds import render_project, write_files

    files = render_project(_root(args))
    if args.out:
        write_files(Path(args.out), files)
        print(f"crds: wrote {len(files)} CRDs to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write("---\n".join(files.values()))  # one stream for `kubectl apply -f -`
    return 0


def cmd_vectors(args: argparse.Namespace) -> int:
    from ma_codegen.vectors import VECTORS_DIR, write

    count = write(_root(args))
    print(f"vectors: wrote {count} vectors to {VECTORS_DIR}", file=sys.stderr)
    return 0


def cmd_toolchain(args: argparse.Namespace) -> int:
    root = _root(args)
    if args.action == "install":
        done = toolchain.install(root, services=args.services, skip_busy=args.skip_busy)
        print(
            f"toolchain: {'installed ' + ', '.join(done) if done else 'all tools at pinned versions'}",
            file=sys.stderr,
        )
        return 0
    rows = toolchain.status(root, services=args.services)
    width = max(len(name) for name, _, _ in rows)
    missing = 0
    for name, pinned, have in rows:
        mark = "ok" if have == pinned else "MISSING" if have == "missing" else "STALE"
        missing += mark != "ok"
        print(f"{name:<{width}}  pinned {pinned:<40} installed {have:<40} {mark}")
    return 1 if missing else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ma-codegen", description=__doc__)
    p.add_argument(
        "--root",
        help="project root (default: nearest folder with buf.yaml and buf.gen.yaml)",
    )
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("lint", help="buf lint plus the API model rules").set_defaults(func=cmd_lint)
    b = sub.add_parser("breaking", help="buf breaking (FILE) against a git ref or saved image")
    b.add_argument(
        "--against",
        required=True,
        help="git ref (e.g. main, v0.1.0) or path to an image (.binpb)",
    )
    b.set_defaults(func=cmd_breaking)
    i = sub.add_parser("image", help="save the current API as a buf image for later breaking checks")
    i.add_argument("-o", "--output", required=True)
    i.set_defaults(func=cmd_image)
    g = sub.add_parser("generate", help="generate all bindings (no-op when nothing changed)")
    g.add_argument(
        "--force",
        action="store_true",
        help="regenerate even when the stamp says up to date",
    )
    g.set_defaults(func=cmd_generate)
    sub.add_parser("check", help="fail if committed generated code differs from a fresh generate").set_defaults(
        func=cmd_check
    )
    c = sub.add_parser("crds", help="render the Kubernetes CRDs from the protos (stdout: one YAML stream)")
    c.add_argument("--out", help="write one <plural>.<group>.yaml per resource into this folder instead")
    c.set_defaults(func=cmd_crds)
    sub.add_parser(
        "vectors",
        help="write the cross-language test vectors (needs michelangelo-sdk installed)",
    ).set_defaults(func=cmd_vectors)
    t = sub.add_parser("toolchain", help="install or show the pinned tools in .toolchain/")
    t.add_argument("action", choices=["install", "status"])
    t.add_argument(
        "--services",
        action="store_true",
        help="also the services tests and benches start (etcd and kube-apiserver, built from the Go module proxy)",
    )
    t.add_argument(
        "--skip-busy",
        action="store_true",
        help="leave a service another process is building to it (whoever starts the service waits for it)",
    )
    t.set_defaults(func=cmd_toolchain)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except (CodegenError, toolchain.ToolMissingError) as exc:
        print(f"ma-codegen {args.command}: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())

"""``dlprep check DRILL_ID FILE [FILE...] [--json]``: grade files in order and print their verdicts.

All files go through one warm worker (an instructor grading a class, a learner comparing versions); a
hostile file cannot change the verdict of the files after it. With ``--json``, one Exercism v2 object per
line (JSON Lines), in order, each with a ``file`` field. Exit status is the worst of the files: 0 pass,
1 fail (or the submission errored), 2 could not grade (unknown drill, unreadable file).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from dlprep.errors import DlprepError

NAME = "check"
HELP = "grade a solution file against a drill (exit 0 pass, 1 fail or error in your code, 2 could not grade)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill_id", metavar="DRILL_ID", help="the drill, e.g. conv2d (see `dlprep drills`)")
    parser.add_argument("files", metavar="FILE", nargs="+", help="the Python file(s) with a solution, graded in order")
    parser.add_argument("--json", action="store_true",
                        help="print one Exercism v2 results object per file (JSON Lines), each with a file field")


def format_verdict(result) -> str:  # noqa: ANN001 - a GradeResult; imported lazily
    """The human-readable verdict: header, cases, first failure, diagnosis, warnings, output."""
    mark = {"pass": "PASS", "fail": "FAIL", "error": "ERROR"}[result.status]
    lines = [f"{mark} {result.drill}: {result.message} ({result.passed}/{result.total} cases, "
             f"{result.duration_ms:.0f} ms)"]
    for test in result.tests:
        lines.append(f"  {'ok ' if test.status == 'pass' else test.status[:4]:4} {test.name}")
    first = next((t for t in result.tests if t.status != "pass" and t.message != "did not run"), None)
    if first is not None and result.status != "pass":
        lines.append("")
        lines.append(f"First failure: {first.name}")
        lines.extend("  " + line for line in first.message.splitlines())
    if result.diagnosis:
        lines.append("")
        lines.append(f"Diagnosis: {result.diagnosis}")
    for warning in result.warnings:
        lines.append(f"Warning: {warning}")
    if result.output.strip():
        lines.append("")
        lines.append("Your code printed:")
        lines.extend("  " + line for line in result.output.rstrip().splitlines()[:40])
    return "\n".join(lines)


def _read(path: Path) -> tuple[str | None, str]:
    """The file's text, or None and the reason it cannot be graded."""
    try:
        return path.read_text(encoding="utf-8"), ""
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{path}: cannot be read ({exc.__class__.__name__})"


def _emit(text: str) -> None:
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`); the exit status still tells
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run(args: argparse.Namespace) -> int:
    from dlprep.compute.client import LocalCompute
    from dlprep.drills import get_drill
    from dlprep.grading.client import WorkerClient
    from dlprep.grading.textsafe import clean_text
    from dlprep.paths import drills_dir

    if not (drills_dir() / args.drill_id / "drill.yaml").is_file() or "/" in args.drill_id:
        raise DlprepError(f"unknown drill {args.drill_id!r} (see `dlprep drills`)")
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="backslashreplace")
    paths = [Path(f) for f in args.files]
    texts = [_read(p) for p in paths]
    if len(paths) == 1 and texts[0][0] is None:
        raise DlprepError(texts[0][1])
    if all(code is None for code, _ in texts):
        for _, reason in texts:
            print(clean_text(reason), file=sys.stderr)
        return 2
    client = WorkerClient()  # started first so that it warms up while the expected outputs are computed
    compute = LocalCompute()  # a one-shot command: the references are computed here, while the worker starts
    compute.start()
    from dlprep.grading.grader import Grader

    grader = Grader(client, compute=compute)
    try:
        spec = get_drill(args.drill_id)
        client.preload(spec.framework)
        grader.prepared(args.drill_id, spec)  # the expected outputs, computed while the worker starts
    except DlprepError:
        grader.close()
        raise
    worst = 0
    try:
        for path, (code, reason) in zip(paths, texts, strict=True):
            if code is None:
                worst = 2
                print(clean_text(reason), file=sys.stderr)
                if args.json:
                    _emit(json.dumps({"version": 2, "status": "error", "message": clean_text(reason), "tests": [],
                                      "drill": args.drill_id, "file": str(path)}))
                continue
            result = grader.grade(args.drill_id, code)
            worst = max(worst, 0 if result.status == "pass" else 1)
            if args.json:
                _emit(json.dumps(dict(result.to_dict(), file=str(path))))
            elif len(paths) > 1:
                _emit(f"== {clean_text(str(path))}\n{format_verdict(result)}\n")
            else:
                _emit(format_verdict(result))
    finally:
        grader.close(wait=False)
    return worst

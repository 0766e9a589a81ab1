"""``dlprep check DRILL_ID FILE [--json]``: grade a file once and print the verdict.

Exit status: 0 pass, 1 fail (or the submission errored), 2 could not grade (unknown drill, unreadable file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from dlprep.errors import DlprepError

NAME = "check"
HELP = "grade a solution file against a drill (exit 0 pass, 1 fail or error in your code, 2 could not grade)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill_id", metavar="DRILL_ID", help="the drill, e.g. conv2d (see `dlprep drills`)")
    parser.add_argument("file", metavar="FILE", help="the Python file with your solution")
    parser.add_argument("--json", action="store_true", help="print one Exercism v2 results object")


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


def run(args: argparse.Namespace) -> int:
    from dlprep.drills import get_drill
    from dlprep.grading.client import WorkerClient
    from dlprep.paths import drills_dir

    if not (drills_dir() / args.drill_id / "drill.yaml").is_file() or "/" in args.drill_id:
        raise DlprepError(f"unknown drill {args.drill_id!r} (see `dlprep drills`)")
    path = Path(args.file)
    try:
        code = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DlprepError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    client = WorkerClient()  # started first so that it warms up while the expected outputs are computed
    try:
        from dlprep.drills import get_drill

        client.preload(get_drill(args.drill_id).framework)
    except DlprepError:
        client.close()
        raise
    from dlprep.grading.grader import Grader

    grader = Grader(client)
    try:
        result = grader.grade(args.drill_id, code)
    finally:
        grader.close(wait=False)
    text = json.dumps(result.to_dict()) if args.json else format_verdict(result)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`); the exit status still tells
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0 if result.status == "pass" else 1

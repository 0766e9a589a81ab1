"""``dlprep watch DRILL_ID [FILE]``: re-grade a drill on every save and print a compact verdict.

For people who keep their own editor: FILE defaults to the drill's workspace file (the one the TUI
edits), created from the starter when missing. Each graded save is stored as an attempt and schedules
the drill exactly as a run in the TUI does, unless ``--no-record`` is given. ctrl+c stops.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

NAME = "watch"
HELP = "re-grade a drill every time its file is saved (ctrl+c stops)"
WAKE_MS = 500
MAX_ATTEMPT_MS = 3_600_000
DETAIL_LINES = 8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill_id", metavar="DRILL_ID", help="the drill, as listed by `dlprep drills`")
    parser.add_argument("file", metavar="FILE", nargs="?", help="the file to grade (default: the workspace file)")
    parser.add_argument("--no-record", action="store_true", help="grade only: store no attempt, schedule nothing")


def _paint(text: str, colour: str) -> str:
    codes = {"green": "32", "red": "31", "yellow": "33", "dim": "2", "bold": "1"}
    return f"\033[{codes[colour]}m{text}\033[0m" if sys.stdout.isatty() else text


def compact_verdict(result, rating_note: str = "") -> list[str]:  # noqa: ANN001 - a GradeResult
    """A few lines: the verdict and counts, then (on failure) the first failure, the diagnosis, warnings."""
    stamp = time.strftime("%H:%M:%S")
    status = result.status.upper()
    colour = "green" if result.status == "pass" else "red"
    head = f"[{stamp}] {_paint(status, colour)} {result.passed}/{result.total} · {result.message}"
    head += f" · {result.duration_ms:.0f} ms"
    if rating_note:
        head += f" · {rating_note}"
    lines = [head]
    failure = next((t for t in result.tests if t.status != "pass"), None)
    if failure is not None and failure.message:
        detail = failure.message.strip().splitlines()
        lines += [f"    {line}" for line in detail[:DETAIL_LINES]]
        if len(detail) > DETAIL_LINES:
            lines.append(_paint(f"    … {len(detail) - DETAIL_LINES} more lines", "dim"))
    if result.diagnosis:
        lines.append(f"  {_paint('diagnosis:', 'yellow')} {result.diagnosis}")
    lines += [f"  {_paint('warning:', 'yellow')} {w}" for w in result.warnings]
    if result.output and result.status != "pass":
        shown = result.output.strip().splitlines()
        lines.append(_paint(f"  printed ({len(shown)} lines): ", "dim") + (shown[0][:100] if shown else ""))
    return lines


def run(args: argparse.Namespace) -> int:
    from watchfiles import watch

    from dlprep.drills import get_drill
    from dlprep.drills.practice import DrillPractice, file_stamp
    from dlprep.errors import DlprepError
    from dlprep.grading import Grader
    from dlprep.services import open_progress_store
    from dlprep.srs import StudyService
    from dlprep.srs.scheduler import RATING_NAMES

    spec = get_drill(args.drill_id)
    store = open_progress_store()
    practice = DrillPractice(store, StudyService(store))
    if args.file:
        target = Path(args.file).expanduser().resolve()
        if not target.is_file():
            store.close()
            raise DlprepError(f"{args.file}: no such file")
    else:
        target = practice.workspace_path(spec.id)
        _, fresh = practice.open_code(spec.id)
        if fresh:
            print(f"{spec.id} is due: {target} starts again from the starter, so you recall it from scratch "
                  "(your earlier code is kept in the drill's history)", flush=True)
    # ctrl+c is how watch stops. A process started with SIGINT ignored (a background job of a script, a task
    # runner) keeps it ignored and Python then installs no KeyboardInterrupt handler: install it here.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    grader = Grader()
    print(f"watching {target} for {spec.id} ({spec.title}); ctrl+c stops", flush=True)
    last_text: str | None = None
    last_stamp = (0, -1)
    mark = time.monotonic()

    def grade_if_changed() -> None:
        nonlocal last_text, last_stamp, mark
        stamp = file_stamp(target)
        if stamp == last_stamp:
            return
        last_stamp = stamp
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{target}: cannot be read ({exc.__class__.__name__})", flush=True)
            return
        if text == last_text:
            return
        last_text = text
        now = time.monotonic()
        work_ms, mark = min(MAX_ATTEMPT_MS, int((now - mark) * 1000)), now
        if args.no_record:
            result, note = grader.grade(spec.id, text), ""
        else:
            outcome = practice.run(spec.id, text, grader, duration_ms=work_ms)
            result = outcome.result
            note = f"scheduled {RATING_NAMES[outcome.rating]}" if outcome.rating else ""
        print("\n".join(compact_verdict(result, note)), flush=True)

    try:
        grade_if_changed()
        for _ in watch(target.parent, watch_filter=lambda _change, path: Path(path) == target,
                       rust_timeout=WAKE_MS, yield_on_timeout=True, raise_interrupt=True):
            grade_if_changed()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        grader.close()
        store.close()
    return 0

"""``dlprep mock``: a timed mock interview (rapid fire, concepts, coding) with a scored report.

Without ``--answers`` the app opens on the mock. With ``--answers FILE`` the mock runs from scripted answers
(JSON: ``{"rapid": ["a", "layer norm", ...], "concepts": ["typed answer", ...], "code": "source"}``), is
stored and rated like any mock, and its report is printed (``--json``: one JSON object).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dlprep.errors import DlprepError

NAME = "mock"
HELP = "a timed mock interview: rapid fire, concepts (typed), one coding problem; scored and stored"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--minutes", type=float, default=45, help="total length (default 45: 5 + 15 + 25)")
    parser.add_argument("--section", action="append", metavar="S", help="only cards and drills of this section")
    parser.add_argument("--seed", type=int, help="choose the same questions again")
    parser.add_argument("--answers", metavar="FILE", help="scripted answers (JSON), for scripts and tests")
    parser.add_argument("--json", action="store_true", help="print the finished mock's report as JSON")


def _scripted(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DlprepError(f"{path}: cannot read the answers ({exc})") from None
    if not isinstance(data, dict):
        raise DlprepError(f"{path}: the answers must be a JSON object with rapid, concepts and code")
    return data


def run_scripted(run, answers: dict, grader_factory) -> dict:
    """Answer every part from ``answers`` in order, then finish; returns the report."""
    rapid, concepts = list(answers.get("rapid") or []), list(answers.get("concepts") or [])
    while run.part is not None:
        part = run.part
        while (item := run.current) is not None:
            if part == "rapid" and rapid:
                given = rapid.pop(0)
                if item.kind == "mc" and isinstance(given, str) and len(given) == 1 and given.lower() in "abcd":
                    given = "abcd".index(given.lower())
                run.answer(given)
            elif part == "concepts" and concepts:
                run.answer(str(concepts.pop(0)))
            elif part == "coding" and isinstance(answers.get("code"), str):
                grader = grader_factory()
                try:
                    run.submit_code(answers["code"], grader)
                finally:
                    grader.close()
            else:
                break
        run.end_part()
    return run.finish()


def print_report(report: dict) -> None:
    print(f"Mock interview: {100 * report['overall']:.0f}% overall ({report['how']})")
    for part in report["parts"].values():
        print(f"  {part['title']:11} {100 * part['score']:3.0f}%  {part['answered']}/{part['questions']} answered, "
              f"{part['seconds'] / 60:.1f} of {part['planned_seconds'] / 60:.0f} min")
    if report["missed_questions"]:
        print("Missed:")
        for miss in report["missed_questions"]:
            print(f"  {miss['card']}: expected {miss['expected']!r}, you answered {miss['answer']!r}")
    if report["missed_key_points"]:
        print("Key points not covered:")
        for miss in report["missed_key_points"]:
            print(f"  {miss['card']}: {miss['point']}")
    if report["coding"]:
        c = report["coding"]
        late = " (after the time)" if c.get("late") else ""
        cases = f"{c.get('passed') or 0}/{c.get('total') or 0} cases"
        print(f"Coding: {c['drill']}: {c.get('status') or 'not submitted'}, {cases}{late}. "
              f"{c.get('diagnosis') or ''}".rstrip())
    if report["study_next"]:
        print("Study next: " + ", ".join(report["study_next"]))


def run(args: argparse.Namespace) -> int:
    from dlprep.drills.practice import DrillPractice
    from dlprep.mock import MockService
    from dlprep.services import open_services

    services = open_services()
    try:
        practice = DrillPractice(services.store, services.study)
        service = MockService(services.store, services.study, practice=practice)
        mock_run = service.plan(minutes=args.minutes, sections=args.section, seed=args.seed)
        if args.answers:
            from dlprep.grading import Grader

            report = run_scripted(mock_run, _scripted(args.answers), Grader)
            if args.json:
                print(json.dumps(report, ensure_ascii=False))
            else:
                print_report(report)
            return 0
    except BaseException:
        services.close()
        raise
    from dlprep.commands.quiz import make_app
    from dlprep.tui.screens.mock import MockScreen

    make_app(services, mock_run, screen=MockScreen).run()
    return 0

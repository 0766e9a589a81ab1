"""``dlprep report``: a progress summary in the terminal, as a self-contained HTML file, or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "report"
HELP = "show progress: reviews, streak, retention, mastery per section, forecast, drills, what to study next"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--html", metavar="FILE", help="also write one self-contained HTML report to FILE")
    parser.add_argument("--json", action="store_true", help="print the report as JSON instead of text")


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from dlprep.reports.summary import build_report
    from dlprep.services import open_progress_store

    store = open_progress_store()
    try:
        report = build_report(store, datetime.now(UTC))
    finally:
        store.close()
    if args.html:
        from dlprep.reports.render_html import write_html

        path = write_html(report, Path(args.html).expanduser())
        if not args.json:
            print(f"wrote {path}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        from dlprep.reports.render_text import render_text

        sys.stdout.write(render_text(report))
    return 0

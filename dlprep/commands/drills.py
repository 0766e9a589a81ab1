"""``dlprep drills``: every drill grouped by notes section; ``--json`` prints one object per drill."""

from __future__ import annotations

import argparse
import json
import os
import sys

NAME = "drills"
HELP = "list the coding drills, grouped by notes section"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per line for each drill")


def run(args: argparse.Namespace) -> int:
    from dlprep.drills import load_drills

    drills, errors = load_drills()
    try:
        _print(drills, args.json)
    except BrokenPipeError:  # the reader went away (e.g. `| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    for error in errors:
        print(f"dlprep: skipped a drill: {error}", file=sys.stderr)
    return 0


def _print(drills: list, as_json: bool) -> None:
    from dlprep.sections import all_sections, section_title

    if as_json:
        for spec in drills:
            sys.stdout.write(json.dumps(spec.summary()) + "\n")
    else:
        order = {heading: i for i, heading in enumerate(all_sections())}
        groups: dict[str, list] = {}
        for spec in drills:
            groups.setdefault(spec.section, []).append(spec)
        for section in sorted(groups, key=lambda s: (order.get(s, len(order)), s)):
            print(f"{section_title(section)} ({len(groups[section])})")
            for spec in sorted(groups[section], key=lambda d: d.id):
                tags = f"{spec.framework}, {spec.difficulty}" + (", class" if spec.kind == "class" else "")
                tags += ", debug" if spec.is_debug else ""
                print(f"  {spec.id:32} {spec.title}  [{tags}]")
        print(f"{len(drills)} drills")
    sys.stdout.flush()

"""``dlprep import``: turn Markdown notes into cards, or restore a progress backup (``import progress``)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

NAME = "import"
HELP = "import your Markdown notes (files or folders of .md) as cards; `import progress FILE.json` restores a backup"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="notes files (.md) or folders of them; or the word `progress` and a progress backup (.json)",
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")


def run(args: argparse.Namespace) -> int:
    if args.paths[0] == "progress":
        return _import_progress(args)
    from dlprep.content.importer import import_notes
    from dlprep.services import open_progress_store
    from dlprep.srs import StudyService

    store = open_progress_store()
    try:
        result = import_notes(StudyService(store), [Path(p) for p in args.paths], dry_run=args.dry_run)
    finally:
        store.close()
    for deck in result.decks:
        kinds = Counter(card.kind for card in deck.cards)
        listed = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        print(f"{deck.path}: deck {deck.name!r}, {len(deck.cards)} cards ({listed})")
    for warning in result.warnings:
        print(f"warning: {warning} (card skipped)", file=sys.stderr)
    verb = "would be " if result.dry_run else ""
    print(
        f"{result.added} {verb}added, {result.updated} {verb}updated, {result.unchanged} unchanged, "
        f"{result.retired} {verb}retired"
    )
    if result.dry_run:
        print("dry run: nothing was written")
    return 0


def _import_progress(args: argparse.Namespace) -> int:
    from dlprep.errors import DlprepError

    if len(args.paths) != 2:
        raise DlprepError("usage: dlprep import progress FILE.json (exactly one progress file)")
    from dlprep.paths import backups_dir
    from dlprep.reports import backup
    from dlprep.services import open_progress_store

    path = Path(args.paths[1])
    store = open_progress_store()
    try:
        if args.dry_run:
            for table, rows in backup.check_progress_file(store, path).items():
                print(f"{table}: {rows} rows would be imported")
            print("dry run: nothing was written")
            return 0
        summary = backup.import_progress(store, path, safety_dir=backups_dir())
    finally:
        store.close()
    for key, value in summary.items():
        print(f"{key}: {value}")
    return 0

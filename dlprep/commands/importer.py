"""``dlprep import``: turn Markdown notes into cards, or restore a progress backup (``import progress``)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

NAME = "import"
HELP = "import your Markdown notes (files or folders of .md) as cards; `import progress FILE.json` restores a backup"


NOTHING_IMPORTED = 3  # exit status when not one file could be imported (0 when anything was)
CLOZE_SETTING = "import.cloze"
HEADINGS_SETTING = "import.headings"
KEPT_ENDINGS = ("keeps a derived id)", "the card starts new", "(front matter ignored)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="notes files (.md) or folders of them; or the word `progress` and a progress backup (.json)",
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    parser.add_argument(
        "--write-ids", action="store_true",
        help="add <!-- id: ... --> to each card's line in your notes, so later edits keep its history",
    )
    parser.add_argument(
        "--cloze", metavar="MARKERS",
        help="what marks a cloze, comma-separated: highlight (==x==), bold (**x**), curly ({{x}}); "
             "default highlight; remembered for later imports",
    )
    parser.add_argument(
        "--headings", choices=("auto", "always", "never"),
        help="cards from headings with text under them: auto (not in notes tagged #flashcards; the default), "
             "always, never; remembered for later imports",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every part of the notes left out")
    parser.epilog = (
        "Unusable files are skipped and listed; exit status 0 when anything was imported, 3 when nothing could be."
    )


def is_progress_restore(paths: list[str]) -> bool:
    """``import progress FILE.json`` restores a backup; a notes folder named ``progress`` is just notes."""
    if paths[0] != "progress":
        return False
    named_backup = len(paths) == 2 and paths[1].lower().endswith(".json")
    return named_backup or not Path("progress").exists()


def run(args: argparse.Namespace) -> int:
    if is_progress_restore(args.paths):
        return _import_progress(args)
    from dlprep.content import cloze
    from dlprep.content.importer import import_notes
    from dlprep.errors import DlprepError
    from dlprep.services import open_progress_store
    from dlprep.srs import StudyService

    store = open_progress_store()
    try:
        # Remembered choices: importing again without the option must not retire the cards it made.
        cloze_names = args.cloze or store.get_setting(CLOZE_SETTING, "highlight")
        headings = args.headings or store.get_setting(HEADINGS_SETTING, "auto")
        try:
            markers = cloze.markers_from_names([m.strip() for m in cloze_names.split(",") if m.strip()])
        except ValueError as exc:
            raise DlprepError(str(exc)) from None
        if headings not in ("auto", "always", "never"):
            headings = "auto"
        result = import_notes(
            StudyService(store), [Path(p) for p in args.paths], dry_run=args.dry_run, write_ids=args.write_ids,
            markers=markers, heading_cards=headings,
        )
        if not args.dry_run and result.decks:
            if args.cloze:
                store.set_setting(CLOZE_SETTING, args.cloze)
            if args.headings:
                store.set_setting(HEADINGS_SETTING, args.headings)
    finally:
        store.close()
    remembered = []
    if not args.cloze and cloze_names != "highlight":
        remembered.append(f"--cloze {cloze_names}")
    if not args.headings and headings != "auto":
        remembered.append(f"--headings {headings}")
    if remembered:
        print(f"using {' '.join(remembered)} (remembered from an earlier import)")
    for deck in result.decks:
        kinds = Counter(card.kind for card in deck.cards)
        listed = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        notices = len(deck.notices)
        left_out = (f"; {notices} note{'s' if notices != 1 else ''} on what was left out"
                    if deck.notices and not args.verbose else "")
        cards = len(deck.cards)
        print(f"{deck.path}: deck {deck.name!r}, {cards} card{'s' if cards != 1 else ''} ({listed}){left_out}")
    for warning in result.warnings:
        kept = warning.endswith(KEPT_ENDINGS)  # the message says what happened to the card
        print(f"warning: {warning}{'' if kept else ' (card skipped)'}", file=sys.stderr)
    for notice in result.notices if args.verbose else [n for n in result.notices if "decoded" in n or "read as" in n]:
        print(f"note: {notice}", file=sys.stderr)
    for skip in result.skipped:
        print(f"skipped: {skip}", file=sys.stderr)
    if not result.decks:
        print("nothing imported: no file could be used (see above)", file=sys.stderr)
        return NOTHING_IMPORTED
    verb = "would be " if result.dry_run else ""
    print(
        f"{result.added} {verb}added, {result.updated} {verb}updated, {result.unchanged} unchanged, "
        f"{result.retired} {verb}retired"
    )
    if result.moved:
        print(f"{result.moved} {verb}kept with their history under a new id (renamed file or heading)")
    if result.scheduled:
        print(f"{result.scheduled} {verb}scheduled from <!--SR:...--> comments")
    if result.ids_written:
        print(f"{result.ids_written} ids written into your notes")
    if result.skipped:
        names = [Path(s.path).name for s in result.skipped]
        more = f" and {len(names) - 10} more (listed above)" if len(names) > 10 else ""
        print(f"skipped {len(names)}: " + ", ".join(names[:10]) + more)
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

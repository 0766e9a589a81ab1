"""``dlprep export``: concept cards to an Anki package, or all progress to a JSON file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "export"
HELP = "export cards to Anki (.apkg) or your whole progress to a JSON file (for `dlprep import progress`)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    anki = sub.add_parser("anki", help="write every concept card to an Anki package, one deck per section")
    anki.add_argument("file", metavar="FILE.apkg")
    progress = sub.add_parser("progress", help="write every rating, attempt, card state and setting to JSON")
    progress.add_argument("file", metavar="FILE.json")


def _anki_cards(store) -> list:
    """The store's cards; the built-in decks are parsed only when the store has none of them yet."""
    from dlprep.reports.anki import cards_from_store

    cards = cards_from_store(store)
    if store.query("SELECT 1 FROM cards WHERE origin = 'builtin' LIMIT 1"):
        return cards
    from dlprep.content import load_decks
    from dlprep.errors import DlprepError

    try:
        decks, _issues = load_decks()
    except (DlprepError, OSError, ValueError) as exc:
        print(f"dlprep: built-in decks not read ({exc})", file=sys.stderr)
        decks = []
    known = {card.id for card, _ in cards}
    for deck in decks:
        cards.extend((card, "") for card in deck.cards if card.id not in known)
    return cards


def run(args: argparse.Namespace) -> int:
    from dlprep.services import open_progress_store

    path = Path(args.file).expanduser()
    store = open_progress_store()
    try:
        if args.what == "anki":
            from dlprep.reports.anki import export_anki

            counts = export_anki(_anki_cards(store), path)
            print(f"wrote {path}: {sum(counts.values())} notes in {len(counts)} decks")
        else:
            from dlprep.reports.backup import export_progress

            summary = export_progress(store, path)
            print(f"wrote {path}: {summary['reviews']} reviews, {summary['attempts']} attempts, "
                  f"{summary['cards']} cards, {summary['settings']} settings")
    finally:
        store.close()
    return 0

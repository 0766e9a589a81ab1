"""``dlprep decks``: list the card decks with their counts, and every problem found in them."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

NAME = "decks"
HELP = "list card decks (built-in and imported) with card counts; report deck errors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list, one object per deck")
    parser.add_argument(
        "action", nargs="?", choices=("remove",),
        help="`remove DECK`: retire an imported deck (and the decks below it); its history stays in the database",
    )
    parser.add_argument("deck", nargs="?", metavar="DECK", help="the imported deck to remove, e.g. notes/ml")
    parser.add_argument("--yes", "-y", action="store_true", help="remove without asking")


def deck_summaries() -> tuple[list[dict], list[str]]:
    """One summary dict per deck (built-in, then imported) and the problems found, as lines."""
    from dlprep.content import load_decks

    decks, issues = load_decks()
    rows = [
        {
            "deck": deck.name,
            "section": deck.section,
            "source": deck.source,
            "cards": len(deck.cards),
            "kinds": dict(sorted(Counter(card.kind for card in deck.cards).items())),
        }
        for deck in decks
    ]
    rows.extend(_imported_summaries())
    return rows, [str(issue) for issue in issues]


def _imported_summaries() -> list[dict]:
    """Decks that live only in the progress database (imported notes)."""
    from dlprep.paths import database_path

    path = database_path()
    if not path.exists():
        return []
    from dlprep.services import open_progress_store

    store = open_progress_store()
    try:
        found = store.query(
            "SELECT deck, section, kind, COUNT(*) AS n FROM cards "
            "WHERE origin = 'imported' AND retired = 0 GROUP BY deck, section, kind ORDER BY deck"
        )
    finally:
        store.close()
    by_deck: dict[str, dict] = {}
    for row in found:
        entry = by_deck.setdefault(
            row["deck"], {"deck": row["deck"], "section": row["section"], "source": "imported", "cards": 0, "kinds": {}}
        )
        entry["cards"] += row["n"]
        entry["kinds"][row["kind"]] = entry["kinds"].get(row["kind"], 0) + row["n"]
    return list(by_deck.values())


def remove(deck: str, *, yes: bool) -> int:
    """Retire an imported deck after confirmation; cards and reviews stay in the database, never shown."""
    from dlprep.errors import DlprepError
    from dlprep.services import open_progress_store
    from dlprep.srs.imported import retire_deck

    store = open_progress_store()
    try:
        count = retire_deck(store, deck, dry_run=True)
        if not count:
            builtin = store.query("SELECT 1 FROM cards WHERE deck = ? AND origin != 'imported' LIMIT 1", (deck,))
            if builtin:
                raise DlprepError(f"{deck!r} is a built-in deck; only imported decks can be removed")
            raise DlprepError(f"no imported deck {deck!r} (see `dlprep decks` for the names)")
        if not yes:
            if not sys.stdin.isatty():
                raise DlprepError(f"removing {deck!r} retires {count} cards; confirm with --yes")
            answer = input(f"Retire the {count} cards of {deck!r}? Their review history is kept. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing removed")
                return 0
        retire_deck(store, deck)
    finally:
        store.close()
    print(f"removed {deck!r}: {count} cards retired (history kept; importing the notes again brings them back)")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "remove":
        if not args.deck:
            from dlprep.errors import DlprepError

            raise DlprepError("usage: dlprep decks remove DECK [--yes]")
        return remove(args.deck, yes=args.yes)
    rows, problems = deck_summaries()
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        width = max((len(r["deck"]) for r in rows), default=4)
        for r in rows:
            kinds = ", ".join(f"{k} {n}" for k, n in r["kinds"].items())
            print(f"{r['deck']:<{width}}  {r['cards']:>4} cards  [{r['source']}]  {kinds}")
        total = sum(r["cards"] for r in rows)
        print(f"{len(rows)} decks, {total} cards")
    for line in problems:
        print(f"error: {line}", file=sys.stderr)
    return 1 if problems else 0

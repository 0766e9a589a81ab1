"""``dlprep cards [--deck D] [--json]``: every card with its source, file:line, state, due date and lapses."""

from __future__ import annotations

import argparse
import json

NAME = "cards"
HELP = "list the cards (built-in and imported) with source, file:line, state and due date; --json for JSON Lines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--deck", metavar="D", help="only this deck")
    parser.add_argument("--kind", choices=("basic", "cloze", "mc", "explain", "gen"), help="only this kind of card")
    parser.add_argument("--state", choices=("new", "learning", "review"), help="only cards in this state")
    parser.add_argument("--search", metavar="WORDS", default="", help="only cards whose text has all these words")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object a line: id, deck, kind, question, answer, source, file, line, state, "
                             "due, lapses, suspended, leech")


def run(args: argparse.Namespace) -> int:
    from dlprep.errors import DlprepError
    from dlprep.services import open_services
    from dlprep.srs.cards import CardFilter, CardList

    services = open_services()
    try:
        listing = CardList(services.store, services.study)
        if args.deck and args.deck not in listing.decks():
            raise DlprepError(f"no deck named {args.deck!r}; decks: {', '.join(listing.decks()) or 'none'}")
        rows = listing.list_cards(CardFilter(text=args.search, deck=args.deck, kind=args.kind, state=args.state))
        tz = services.study.tz
    finally:
        services.close()
    if args.json:
        for row in rows:
            print(json.dumps(row.to_dict(), ensure_ascii=False))
        return 0
    for row in rows:
        due = row.due.astimezone(tz).strftime("%Y-%m-%d %H:%M") if row.due else "-"
        flags = " suspended" if row.suspended else ""
        flags += " leech" if row.leech else ""
        question = " ".join(row.question.split())
        print(f"{row.id}  [{row.kind}, {row.state}, due {due}, lapses {row.lapses}{flags}]  "
              f"{row.deck} · {row.source} · {row.file}:{row.line}\n    {question[:200]}")
    print(f"{len(rows)} card{'s' if len(rows) != 1 else ''}")
    return 0

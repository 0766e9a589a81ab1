"""Load every deck in a folder; one broken deck never stops the others."""

from __future__ import annotations

from pathlib import Path

from dlprep.content.model import Deck, DeckIssue
from dlprep.content.parser import parse_deck


def load_decks(folder: Path | None = None) -> tuple[list[Deck], list[DeckIssue]]:
    """Parse ``*.md`` in ``folder`` (default: the built-in decks), sorted by file name.

    Returns the decks (with the cards that parsed) and every issue found, each naming file and line.
    Card ids must be unique across decks: a repeated id is reported and the later card dropped.
    """
    from dlprep.paths import decks_dir

    folder = Path(folder) if folder is not None else decks_dir()
    decks: list[Deck] = []
    issues: list[DeckIssue] = []
    if not folder.is_dir():
        return decks, [DeckIssue(str(folder), 0, "deck folder does not exist")]
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")):
        deck = parse_deck(path)
        kept = []
        for card in deck.cards:
            if card.id in seen:
                deck.issues.append(
                    DeckIssue(str(path), card.line, f"card id {card.id!r} is already used in {seen[card.id]}")
                )
                continue
            seen[card.id] = f"{Path(card.source_file).name}:{card.line}"
            kept.append(card)
        deck.cards = kept
        decks.append(deck)
        issues.extend(deck.issues)
    return decks, issues

"""Load every deck in a folder; one broken deck never stops the others.

:func:`load_decks` parses the whole folder. :func:`deck_files` and :func:`load_deck_files` let the
start-up sync (:mod:`dlprep.services`) re-parse only the files whose size or modification time changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dlprep.content.model import Deck, DeckIssue


def deck_files(folder: Path) -> dict[str, list[int]]:
    """``{file name: [size, modification time in ns]}`` for every ``*.md`` in ``folder``."""
    import os

    try:
        entries = sorted((e for e in os.scandir(folder) if e.name.endswith(".md")), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    out = {}
    for entry in entries:  # one scandir: the names and their stat without a Path per file
        try:
            if not entry.is_file():
                continue
            stat = entry.stat()
        except OSError:
            continue
        out[entry.name] = [stat.st_size, stat.st_mtime_ns]
    return out


def load_deck_files(
    paths: Iterable[Path], seen: dict[str, str] | None = None
) -> tuple[list[Deck], list[DeckIssue]]:
    """Parse ``paths`` in order; a card id already in ``seen`` (id -> "file:line") is reported and dropped.

    ``seen`` is updated with the ids kept, so it can carry the ids of decks that were not re-parsed.
    """
    seen = {} if seen is None else seen
    decks: list[Deck] = []
    issues: list[DeckIssue] = []
    from dlprep.content.parser import parse_deck  # markdown-it and yaml: only once a file is to be parsed

    for path in paths:
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


def load_decks(folder: Path | None = None) -> tuple[list[Deck], list[DeckIssue]]:
    """Parse ``*.md`` in ``folder`` (default: the built-in decks), sorted by file name.

    Returns the decks (with the cards that parsed) and every issue found, each naming file and line.
    Card ids must be unique across decks: a repeated id is reported and the later card dropped.
    """
    from dlprep.paths import decks_dir

    folder = Path(folder) if folder is not None else decks_dir()
    if not folder.is_dir():
        return [], [DeckIssue(str(folder), 0, "deck folder does not exist")]
    return load_deck_files(sorted(folder.glob("*.md")))

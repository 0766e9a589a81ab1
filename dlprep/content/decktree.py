"""Imported decks are named by their path (``notes/ml/cnn``): the same decks grouped by their top folder.

The dashboard shows a folder of notes as one row that opens into its decks; this module gives it that
shape from the per-deck counts, without knowing how they were counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


def top_folder(deck: str) -> str:
    """``notes/ml/cnn`` -> ``notes``; a name without ``/`` is its own top."""
    return deck.split("/", 1)[0]


@dataclass
class DeckGroup:
    """One top folder: the sum of its decks' counts, and the decks (any object with ``deck`` and counts)."""

    name: str
    decks: list = field(default_factory=list)
    due: int = 0
    learning: int = 0
    new: int = 0
    total: int = 0

    @property
    def is_folder(self) -> bool:
        """True when the group holds decks below a folder (shown collapsed), not one deck of that name."""
        return len(self.decks) > 1 or any("/" in d.deck for d in self.decks)


def group_by_top_folder(counts: Iterable) -> list[DeckGroup]:
    """Decks grouped by top folder, in first-seen order; counts (``due``, ``learning``, ``new``, ``total``)
    are summed where the objects have them."""
    groups: dict[str, DeckGroup] = {}
    for item in counts:
        top = item.deck.split("/", 1)[0]
        group = groups.get(top)
        if group is None:
            group = groups[top] = DeckGroup(top)
        group.decks.append(item)
        group.due += int(getattr(item, "due", 0) or 0)
        group.learning += int(getattr(item, "learning", 0) or 0)
        group.new += int(getattr(item, "new", 0) or 0)
        group.total += int(getattr(item, "total", 0) or 0)
    return list(groups.values())

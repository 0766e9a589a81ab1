"""Decks named by path, grouped by their top folder for the dashboard."""

from __future__ import annotations

from dataclasses import dataclass

from dlprep.content.decktree import group_by_top_folder


@dataclass
class Counts:
    deck: str
    due: int = 0
    learning: int = 0
    new: int = 0
    total: int = 0


def test_decks_are_grouped_by_top_folder_with_summed_counts() -> None:
    groups = group_by_top_folder([
        Counts("Batch normalization", due=2, total=10),
        Counts("notes/cnn", due=1, new=3, total=5),
        Counts("notes/rnn/lstm", learning=2, total=4),
        Counts("vault", new=1, total=1),
    ])
    assert [(g.name, g.due, g.learning, g.new, g.total) for g in groups] == [
        ("Batch normalization", 2, 0, 0, 10),
        ("notes", 1, 2, 3, 9),
        ("vault", 0, 0, 1, 1),
    ]
    assert [g.is_folder for g in groups] == [False, True, False]
    assert [d.deck for d in groups[1].decks] == ["notes/cnn", "notes/rnn/lstm"]

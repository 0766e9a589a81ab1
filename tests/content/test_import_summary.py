"""The line `dlprep import` prints per deck: its name, its cards by kind, in words that agree with the numbers."""

from __future__ import annotations

from tests.content.import_helpers import run_cli


def test_one_card_and_two_cards_are_counted_in_words(capsys, home, tmp_path) -> None:
    notes = tmp_path / "notes"
    (notes / "rl").mkdir(parents=True)
    (notes / "rl" / "basics.md").write_text(
        "# RL\n\n## What is the discount factor for?\nIt weights future rewards and keeps infinite sums finite.\n",
        encoding="utf-8")
    (notes / "cnn.md").write_text(
        "# CNNs\n\n## Why use 1x1 convolutions?\nThey mix channels at each position.\n\n"
        "## What does padding 1 keep with a 3x3 kernel?\nThe spatial size, at stride 1.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert code == 0
    assert f"{notes / 'rl' / 'basics.md'}: deck 'notes/rl/basics', 1 card (basic 1)\n" in out
    assert f"{notes / 'cnn.md'}: deck 'notes/cnn', 2 cards (basic 2)\n" in out

"""Ids of imported cards survive edits: written back into the notes, from content, never from position."""

from __future__ import annotations

import shutil
from pathlib import Path

from dlprep.content.importer import read_notes
from dlprep.content.notes_cards import parse_notes_text
from tests.content.import_helpers import FIXTURES, db_rows, rate, run_cli


def card_id(home: Path, question: str) -> str:
    rows = db_rows(home, "SELECT id FROM cards WHERE retired = 0 AND json_extract(data, '$.question') = ?", (question,))
    assert len(rows) == 1, rows
    return rows[0]["id"]


def test_write_ids_names_every_card_in_the_notes_and_changes_no_id(home, tmp_path, capsys) -> None:
    notes = tmp_path / "optimizers.md"
    shutil.copy(FIXTURES / "optimizers.md", notes)
    before = {c.id for c in read_notes(notes).cards}
    code, out, err = run_cli(capsys, "import", str(notes), "--write-ids")
    assert code == 0, err
    assert "10 ids written into your notes" in out  # 11 cards; the two clozes of one note share one id
    text = notes.read_text(encoding="utf-8")
    assert "# Momentum <!-- id: " in text and "Which paper introduced Adam?::Kingma and Ba, 2015. <!-- id: " in text
    assert {c.id for c in read_notes(notes).cards} == before
    code, out, _ = run_cli(capsys, "import", str(notes), "--write-ids")
    assert "0 added, 0 updated, 11 unchanged, 0 retired" in out and "ids written" not in out


def test_after_write_ids_editing_a_question_or_a_heading_keeps_the_card(home, tmp_path, capsys) -> None:
    notes = tmp_path / "optimizers.md"
    shutil.copy(FIXTURES / "optimizers.md", notes)
    run_cli(capsys, "import", str(notes), "--write-ids")
    paper = card_id(home, "Which paper introduced Adam?")
    momentum = card_id(home, "Explain: Momentum")
    rate(home, paper)
    text = notes.read_text(encoding="utf-8")
    text = text.replace("Which paper introduced Adam?::", "Which 2015 paper introduced Adam?::")
    text = text.replace("# Momentum <!--", "# Momentum (heavy ball) <!--")
    notes.write_text(text, encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert "0 added" in out and "0 retired" in out
    assert card_id(home, "Which 2015 paper introduced Adam?") == paper
    assert card_id(home, "Explain: Momentum (heavy ball)") == momentum
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews WHERE card_id = ?", (paper,))[0]["n"] == 1


def test_renaming_a_parent_heading_keeps_the_ids_of_cards_written_under_it() -> None:
    one = parse_notes_text("# Adam\nWhy bias correction?::The moments start at zero.\n", "/n/a.md")
    two = parse_notes_text("# Adam and AdamW\nWhy bias correction?::The moments start at zero.\n", "/n/a.md")
    assert [c.id for c in one.cards] == [c.id for c in two.cards]


def test_repeated_headings_are_told_apart_by_their_text_not_their_position(home, tmp_path, capsys) -> None:
    notes = tmp_path / "n.md"
    notes.write_text("# Notes\nFirst notes on dropout.\n\n# Notes\nSecond notes on weight decay.\n", encoding="utf-8")
    run_cli(capsys, "import", str(notes))
    rows = db_rows(home, "SELECT id, json_extract(data, '$.answer') AS a FROM cards")
    second = next(r["id"] for r in rows if "weight decay" in r["a"])
    rate(home, second)
    notes.write_text("# Notes\nSecond notes on weight decay.\n", encoding="utf-8")  # the first one deleted
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert "0 added" in out and "1 retired" in out
    live = db_rows(home, "SELECT id, state, json_extract(data, '$.answer') AS a FROM cards WHERE retired = 0")
    assert len(live) == 1 and "weight decay" in live[0]["a"] and live[0]["state"] != 0  # its history came along
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews WHERE card_id = ?", (live[0]["id"],))[0]["n"] == 1


def test_a_malformed_written_id_is_reported_and_the_card_kept() -> None:
    deck = parse_notes_text("# A\nQ1::A1 <!-- id: not valid! -->\n", "m.md")
    assert [c.question for c in deck.cards] == ["Q1"]
    assert [str(i) for i in deck.issues] == [
        "m.md:2: malformed id 'not valid!': use letters, digits, - _ . : (the card keeps a derived id)"
    ]


def test_math_is_never_a_cloze_nor_cut_into_key_points_and_links_read_as_text() -> None:
    text = (
        "# Counting\nThere are $$n! = n \\cdot (n-1)!$$ orderings. When $a == b$ the loss is zero. "
        "See [the proof](https://example.com/proof) and [[Permutations|permutations]].\n"
    )
    deck = parse_notes_text(text, "c.md")
    assert [c.kind for c in deck.cards] == ["explain"]
    assert deck.cards[0].key_points == [
        "There are $$n! = n \\cdot (n-1)!$$ orderings.",
        "When $a == b$ the loss is zero.",
        "See the proof and permutations.",
    ]


def test_one_question_under_two_headings_makes_two_cards_whatever_their_order() -> None:
    adam, sgd = "# Adam\nPros:::Adaptive steps per parameter\n", "# SGD\nPros:::Often generalizes better\n"
    one = parse_notes_text(adam + "\n" + sgd, "/n/o.md")
    two = parse_notes_text(sgd + "\n" + adam, "/n/o.md")
    assert one.issues == [] and len(one.cards) == 4  # each with its reverse
    assert {(c.id, c.answer) for c in one.cards} == {(c.id, c.answer) for c in two.cards}
    assert len({c.id for c in one.cards}) == 4


def test_a_link_whose_text_is_code_reads_as_the_code() -> None:
    from dlprep.content.notes_text import links_to_text

    text = "Use [`torch.compile`](https://pytorch.org/docs) here; `[kept](as code)` and $[x](y)$ stay."
    assert links_to_text(text) == "Use `torch.compile` here; `[kept](as code)` and $[x](y)$ stay."


def test_renaming_a_parent_heading_keeps_the_history_of_the_heading_cards_below(home, tmp_path, capsys) -> None:
    notes = tmp_path / "n.md"
    notes.write_text("# Optimizers\n## Momentum\nMomentum averages past gradients.\n\n## Adam\n"
                     "Adam scales each step by a running RMS of the gradient.\n", encoding="utf-8")
    run_cli(capsys, "import", str(notes))
    adam = card_id(home, "Explain: Optimizers › Adam")
    rate(home, adam)
    notes.write_text(notes.read_text(encoding="utf-8").replace("# Optimizers", "# First-order optimizers"),
                     encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert "0 added" in out and "0 retired" in out and "2 kept with their history" in out
    moved = card_id(home, "Explain: First-order optimizers › Adam")
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews WHERE card_id = ?", (moved,))[0]["n"] == 1

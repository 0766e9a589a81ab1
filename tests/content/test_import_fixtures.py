"""Importing notes shaped like real repositories: question banks, Obsidian vaults, books, odd encodings.

Each fixture under ``tests/fixtures/notes/`` is imported through the command into a real database; the
tests check the cards by kind, what was left out and why, and what re-importing after a rename, a
deletion or an edit does to the cards' history.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from dlprep.content.importer import read_notes
from tests.content.import_helpers import FIXTURES, db_rows, rate, run_cli


def copy_fixture(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


def kinds(home: Path) -> dict[str, dict[str, int]]:
    rows = db_rows(home, "SELECT deck, kind, COUNT(*) AS n FROM cards WHERE retired = 0 GROUP BY deck, kind")
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        out.setdefault(row["deck"], {})[row["kind"]] = row["n"]
    return out




# ----- question banks ----------------------------------------------------------------------------------
def test_a_question_bank_readme_makes_one_card_per_answered_question(home, tmp_path, capsys) -> None:
    bank = copy_fixture("question-bank", tmp_path)
    code, out, err = run_cli(capsys, "import", str(bank), "--verbose")
    assert code == 0, err
    assert kinds(home) == {"question-bank": {"basic": 5, "explain": 1}}
    questions = {r["q"]: r["a"] for r in db_rows(
        home, "SELECT json_extract(data, '$.question') AS q, json_extract(data, '$.answer') AS a FROM cards")}
    # nested answers, an answer as a nested list, and answers in the paragraphs after a one-item list
    assert questions["Why do we need non-linear activation functions?"].startswith("Without them a stack")
    assert questions["What is the vanishing gradient problem?"].startswith("- Gradients shrink")
    assert questions["Why does Adam need bias correction?"].startswith("The moment estimates start at zero")
    assert questions["What does weight decay do?"].startswith("It shrinks every weight")
    table = questions["Explain: Deep Learning Interview Questions › Convolutional networks"]
    assert "| 3x3 conv, 64 -> 64 | 36,928 |" in table and "See the ResNet paper for" in table  # link as text
    everything = json.dumps(db_rows(home, "SELECT data FROM cards"))
    for noise in ("shields.io", "Stars", "Table of Contents", "sponsor", "MIT", "](#basics)"):
        assert noise not in everything
    assert "README.md:6: a list of 3 links left out" in err
    assert "README.md:25: question 'What is a residual connection?' has no answer under it" in err
    assert "License' left out" in err


def test_key_points_of_a_table_section_are_its_sentences_not_its_rows() -> None:
    deck = read_notes(FIXTURES / "question-bank" / "README.md")
    card = next(c for c in deck.cards if c.kind == "explain")
    assert card.key_points == [
        "A 3x3 convolution from C to C channels has 9C² weights and C biases.",
        "See the ResNet paper for the bottleneck design.",
    ]


# ----- Obsidian vaults -----------------------------------------------------------------------------------
def test_an_obsidian_vault_with_tags_list_cards_reversed_cards_and_schedules(home, tmp_path, capsys) -> None:
    vault = copy_fixture("obsidian-vault", tmp_path)
    code, out, err = run_cli(capsys, "import", str(vault))
    assert code == 0, err
    assert kinds(home) == {
        "ml/optimization": {"basic": 8, "cloze": 1},  # tag in the front matter; Q:::A and ?? make two each
        "ml/vision": {"basic": 4, "cloze": 2},  # a file made only of list-item cards
        "logic": {"basic": 4},
        "obsidian-vault/ML/Schedulers": {"explain": 2},  # untagged notes: named by their path, heading cards
    }
    # the unclosed cloze under an explicit id is reported with file and line, never dropped silently
    assert "Optimizers.md:26: cloze marker '==' is never closed" in err
    # tags, wiki links and embeds are not card text
    everything = json.dumps(db_rows(home, "SELECT data FROM cards"), ensure_ascii=False)
    assert "#flashcards" not in everything and "[[" not in everything and "<!--" not in everything
    assert "2 scheduled from <!--SR:...--> comments" in out


def test_obsidian_schedules_become_the_cards_fsrs_state(home, tmp_path, capsys) -> None:
    vault = copy_fixture("obsidian-vault", tmp_path)
    run_cli(capsys, "import", str(vault))
    rows = db_rows(
        home, "SELECT json_extract(data, '$.question') AS q, state, due, fsrs FROM cards WHERE fsrs IS NOT NULL"
    )
    by_question = {r["q"]: r for r in rows}
    assert set(by_question) == {"Adam", "What does learning-rate warmup avoid?"}
    adam = by_question["Adam"]
    assert adam["state"] == 2 and adam["due"].startswith("2026-12-10")
    fsrs = json.loads(adam["fsrs"])
    assert fsrs["stability"] == 12.0 and fsrs["last_review"].startswith("2026-11-28")
    assert fsrs["difficulty"] < 5  # ease 270 is easier than the default 250
    assert json.loads(by_question["What does learning-rate warmup avoid?"]["fsrs"])["difficulty"] > 5  # ease 230
    # a card reviewed here keeps its own state when the notes are imported again
    card_id = db_rows(home, "SELECT id FROM cards WHERE json_extract(data, '$.question') = 'Adam'")[0]["id"]
    rate(home, card_id, 1)
    after_rating = db_rows(home, "SELECT fsrs, due FROM cards WHERE id = ?", (card_id,))
    run_cli(capsys, "import", str(vault))
    assert db_rows(home, "SELECT fsrs, due FROM cards WHERE id = ?", (card_id,)) == after_rating


def test_ids_are_case_sensitive_so_near_identical_questions_both_survive() -> None:
    deck = read_notes(FIXTURES / "obsidian-vault" / "Logic.md")
    assert [c.question for c in deck.cards] == [r"$\Gamma \vdash \varphi$", r"$\Gamma \vDash \varphi$", "Q", "q"]
    assert len({c.id for c in deck.cards}) == 4 and deck.issues == []


def test_bold_and_curly_clozes_when_asked(home, tmp_path, capsys) -> None:
    vault = copy_fixture("obsidian-vault", tmp_path)
    run_cli(capsys, "import", str(vault), "--cloze", "highlight,bold")
    rows = db_rows(home, "SELECT json_extract(data, '$.answer') AS a FROM cards WHERE kind = 'cloze'")
    answers = {r["a"] for r in rows}
    assert {"decoupled", "adaptive step"} <= answers
    # the choice is remembered: importing again without it must not retire the bold clozes
    code, out, _ = run_cli(capsys, "import", str(vault))
    assert "using --cloze highlight,bold (remembered from an earlier import)" in out and "0 retired" in out
    code, _, err = run_cli(capsys, "import", str(vault), "--cloze", "underline")
    assert code == 2 and "unknown cloze marker 'underline'" in err
    code, out, _ = run_cli(capsys, "import", str(vault), "--cloze", "highlight")
    assert "1 retired" in out  # asked for: the bold cloze goes


# ----- books with long chapters -----------------------------------------------------------------------------
def test_long_sections_are_split_into_parts_within_the_caps(home, tmp_path, capsys) -> None:
    book = copy_fixture("book", tmp_path)
    code, _, err = run_cli(capsys, "import", str(book))
    assert code == 0, err
    rows = db_rows(home, "SELECT data FROM cards WHERE retired = 0")
    cards = [json.loads(r["data"]) for r in rows]
    assert Counter(c["kind"] for c in cards) == {"explain": 5}
    assert max(len(c["answer"]) for c in cards) <= 1500
    assert max(len(c["key_points"]) for c in cards) <= 12
    questions = sorted(c["question"] for c in cards)
    assert "Explain: Chapter 7: Regularization › 7.1 Why models overfit (part 2 of 2)" in questions
    assert "Explain: Chapter 7: Regularization › 7.2 A checklist of regularizers (part 1 of 2)" in questions


def test_a_section_too_long_for_four_cards_and_a_huge_paragraph_are_left_out_with_a_notice(home, tmp_path, capsys):
    sentence = "Each residual block adds its input to its output, so gradients reach early layers unchanged. "
    notes = tmp_path / "dump.md"
    notes.write_text(
        "# Long\n" + "\n\n".join(sentence * 8 for _ in range(12)) + "\n\n# Pasted\n" + sentence * 60_000
        + "\n\n# Short\nA short section survives.\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "import", str(notes), "--verbose")
    assert code == 0, err
    assert "1 added" in out
    assert "dump.md:1: section 'Long' left out" in err and "more than 4" in err
    assert f"dump.md:27: a paragraph of {len(sentence * 60_000):,} characters left out" in err


# ----- encodings and unusable files -------------------------------------------------------------------------
def test_mixed_encodings_are_decoded_with_a_note_and_unusable_files_skipped(home, tmp_path, capsys) -> None:
    folder = copy_fixture("encodings", tmp_path)
    code, out, err = run_cli(capsys, "import", str(folder))
    assert code == 0, err
    assert kinds(home) == {f"encodings/{n}": {"explain": 1} for n in ("latin-1", "utf16-bom", "utf8", "windows-1252")}
    assert "utf16-bom.md: decoded from UTF-16" in err
    assert "windows-1252.md: not UTF-8 (first at line 2); read as Windows-1252" in err
    assert "latin-1.md: not UTF-8 (first at line 1); read as Latin-1" in err
    assert f"skipped: {folder / 'empty.md'}: the file is empty" in err
    assert f"skipped: {folder / 'binary.md'}: binary data, not Markdown text" in err
    assert f"skipped: {folder / 'front-matter-only.md'}:1: only front matter, no notes" in err
    assert f"skipped: {folder / 'stub.md'}: no cards found" in err
    assert "skipped 4: binary.md, empty.md, front-matter-only.md, stub.md" in out
    texts = json.dumps(db_rows(home, "SELECT data FROM cards"), ensure_ascii=False)
    assert "“inverted”" in texts and "Régularisation" in texts and "σ(z)ᵢ" in texts


def test_cjk_text_is_split_into_sentences_at_the_full_stop() -> None:
    card = read_notes(FIXTURES / "encodings" / "utf8.md").cards[0]
    assert card.key_points == [
        "注意力机制为每个位置计算加权和。", "权重来自查询和键的点积。", "最后用 softmax 归一化。"
    ]


# ----- decks by path, renames, removals -------------------------------------------------------------------
def test_two_readme_files_in_different_folders_are_two_decks(home, tmp_path, capsys) -> None:
    folder = copy_fixture("two-readmes", tmp_path)
    code, _, err = run_cli(capsys, "import", str(folder))
    assert code == 0, err
    assert kinds(home) == {"two-readmes/cnn": {"explain": 1}, "two-readmes/rnn": {"explain": 1}}
    # importing each folder on its own afterwards keeps both decks, their names and ids, and retires nothing
    ids = db_rows(home, "SELECT id FROM cards ORDER BY id")
    run_cli(capsys, "import", str(folder / "cnn"))
    code, out, _ = run_cli(capsys, "import", str(folder / "rnn"))
    assert "0 added, 0 updated, 1 unchanged, 0 retired" in out
    assert db_rows(home, "SELECT id FROM cards WHERE retired = 0 ORDER BY id") == ids


def test_two_folders_each_with_a_readme_imported_one_after_the_other(home, tmp_path, capsys) -> None:
    folder = copy_fixture("two-readmes", tmp_path)
    run_cli(capsys, "import", str(folder / "cnn"))
    run_cli(capsys, "import", str(folder / "rnn"))
    assert kinds(home) == {"cnn": {"explain": 1}, "rnn": {"explain": 1}}


def test_a_renamed_file_keeps_its_cards_history_and_a_deleted_file_retires_its_cards(home, tmp_path, capsys) -> None:
    vault = copy_fixture("obsidian-vault", tmp_path)
    run_cli(capsys, "import", str(vault))
    card_id = db_rows(home, "SELECT id FROM cards WHERE json_extract(data, '$.question') = 'Receptive field'")[0]["id"]
    rate(home, card_id)
    vision = vault / "ML" / "Vision"
    (vision / "Convolutions.md").rename(vision / "Conv layers.md")
    (vault / "Logic.md").unlink()
    code, out, err = run_cli(capsys, "import", str(vault))
    assert code == 0, err
    assert "0 added" in out and "4 retired" in out and "6 kept with their history under a new id" in out
    moved = db_rows(
        home, "SELECT id, state, retired FROM cards WHERE json_extract(data, '$.question') = 'Receptive field'"
    )
    assert len(moved) == 1 and moved[0]["id"] != card_id and moved[0]["state"] != 0 and moved[0]["retired"] == 0
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews WHERE card_id = ?", (moved[0]["id"],))[0]["n"] == 1
    retired = db_rows(home, "SELECT deck FROM cards WHERE retired = 1")
    assert {r["deck"] for r in retired} == {"logic"}


def test_decks_remove_asks_then_retires_and_keeps_history(home, tmp_path, capsys) -> None:
    folder = copy_fixture("two-readmes", tmp_path)
    run_cli(capsys, "import", str(folder))
    card_id = db_rows(home, "SELECT id FROM cards WHERE deck = 'two-readmes/cnn'")[0]["id"]
    rate(home, card_id)
    code, _, err = run_cli(capsys, "decks", "remove", "two-readmes/cnn")  # stdin is not a terminal here
    assert code == 2 and "retires 1 cards; confirm with --yes" in err
    code, out, _ = run_cli(capsys, "decks", "remove", "two-readmes", "--yes")  # a folder: the decks below it
    assert code == 0 and "2 cards retired" in out
    assert db_rows(home, "SELECT COUNT(*) AS n FROM cards WHERE retired = 0")[0]["n"] == 0
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews WHERE card_id = ?", (card_id,))[0]["n"] == 1
    code, _, err = run_cli(capsys, "decks", "remove", "nope", "--yes")
    assert code == 2 and "no imported deck 'nope'" in err


def test_a_notes_folder_named_progress_is_imported_as_notes(home, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "progress").mkdir()
    (tmp_path / "progress" / "week1.md").write_text("# Week 1\nRead the Adam paper.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "import", "progress")
    assert code == 0, err
    assert kinds(home) == {"progress/week1": {"explain": 1}}


# ----- the notes the built-in decks come from --------------------------------------------------------------
DL_NOTES = Path(__file__).resolve().parents[3] / "shared" / "notes" / "dl-notes.md"


def test_the_dl_notes_still_import_whole() -> None:
    """44 explain cards in 18 sections before the import work; now the two headings that are questions are
    basic cards asking them, and nothing is left out or broken."""
    if not DL_NOTES.exists():
        pytest.skip(f"the notes are not beside this checkout ({DL_NOTES})")
    deck = read_notes(DL_NOTES)
    assert deck.issues == [] and deck.notices == []
    assert Counter(card.kind for card in deck.cards) == {"explain": 42, "basic": 2}
    assert len({card.section for card in deck.cards}) == 18
    assert {c.question for c in deck.cards if c.kind == "basic"} == {
        "Why use convolution instead of FC layers?", "What are the steps to prepare data?"
    }


def test_project_files_in_a_notes_folder_are_skipped_but_import_when_named(home, tmp_path, capsys) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text("# Attention\nScaled dot-product attention divides by the square root of d_k.\n",
                                    encoding="utf-8")
    (repo / "CONTRIBUTING.md").write_text("# How to contribute\nOpen a pull request against main.\n", encoding="utf-8")
    (repo / "CHANGELOG.md").write_text("# Changelog\n## v1.2.0 (2024-05-01)\nAdded attention notes.\n",
                                       encoding="utf-8")
    code, out, err = run_cli(capsys, "import", str(repo))
    assert code == 0, err
    assert kinds(home) == {"repo": {"explain": 1}}
    assert f"skipped: {repo / 'CONTRIBUTING.md'}: a project file" in err
    assert "skipped 2: CHANGELOG.md, CONTRIBUTING.md" in out
    code, out, err = run_cli(capsys, "import", str(repo / "CHANGELOG.md"), "--verbose")  # named on its own
    assert code == 3 and "no cards found" in err  # its one section is release notes: left out


def test_a_key_point_longer_than_a_card_is_left_out_with_a_notice() -> None:
    huge = "the " + "options object accepts many fields, " * 50
    deck = read_notes_text(f"# API\n- short point about the API\n- {huge}\n")
    assert [c.key_points for c in deck.cards] == [["short point about the API"]]
    assert f"a key point of {len(huge.strip()):,} characters left out" in str(deck.notices[0])


def read_notes_text(text: str):
    from dlprep.content.notes_cards import parse_notes_text

    return parse_notes_text(text, "n.md")

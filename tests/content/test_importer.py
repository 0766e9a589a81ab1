"""Importing the user's own notes: cards from every construct, re-import in place, dry run, bad input."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from dlprep.cli import main
from dlprep.content.importer import parse_notes_text, read_notes
from dlprep.content.notes_text import sentences
from dlprep.errors import ContentError
from dlprep.srs import StudyService
from dlprep.store import open_store

FIXTURE = Path(__file__).parent.parent / "fixtures" / "notes" / "optimizers.md"


@pytest.fixture
def deck():
    return read_notes(FIXTURE)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DLPREP_HOME", str(home))
    return home


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    copy = tmp_path / "notes" / "optimizers.md"
    copy.parent.mkdir()
    shutil.copy(FIXTURE, copy)
    return copy


def by_question(deck) -> dict[str, object]:
    return {card.question: card for card in deck.cards}


def db_rows(home: Path, sql: str, params: tuple = ()) -> list[dict]:
    store = open_store(home / "progress.db")
    try:
        return store.query(sql, params)
    finally:
        store.close()


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ----- what one file produces ------------------------------------------------------------------------
def test_every_construct_makes_the_expected_cards(deck) -> None:
    assert deck.name == "optimizers"
    assert deck.source == "imported"
    assert deck.issues == []
    assert Counter(card.kind for card in deck.cards) == {"explain": 3, "basic": 5, "cloze": 3}
    questions = set(by_question(deck))
    assert {
        "Explain: Momentum",
        "Why does it help?",
        "Explain: Adam",
        "Explain: Learning rate schedules › Warmup",
        "Explain: Learning rate schedules › Code only",
        "What does Adam's bias correction fix?",
        "Which paper introduced Adam?",
        "Why does AdamW decouple weight decay?",
    } <= questions


def test_headings_without_text_make_no_card(deck) -> None:
    text = " ".join(card.question for card in deck.cards)
    assert "Empty subheading" not in text
    assert "Explain: Learning rate schedules" not in {card.question for card in deck.cards}
    assert "Links only" not in text  # a link and an image say nothing to recall


def test_a_heading_that_is_a_question_is_a_basic_card_with_its_text_as_answer(deck) -> None:
    card = by_question(deck)["Why does it help?"]
    assert card.kind == "basic"
    assert card.section == "Momentum" and card.context == "Momentum › Why does it help?"
    assert card.answer.startswith("- faster progress along consistent directions\n- less zig-zag in ravines")


def test_explain_card_from_a_heading_with_a_list() -> None:
    text = ("# Momentum\n## Benefits\n- faster progress along consistent directions\n- less zig-zag in ravines\n"
            "  - the opposing components cancel out\n")
    card = parse_notes_text(text, "m.md").cards[0]
    assert card.kind == "explain"
    assert card.question == "Explain: Momentum › Benefits" and card.section == "Momentum"
    assert card.key_points == [
        "faster progress along consistent directions",
        "less zig-zag in ravines (the opposing components cancel out)",
    ]
    assert card.answer.startswith("- faster progress")
    assert card.explanation == ""  # nothing under the heading besides the list


def test_text_around_a_list_is_the_explanation_of_its_key_points() -> None:
    deck = parse_notes_text("# Dropout\nIt is a regularizer. ![](fig.png)\n\n- noise\n- ensembling\n", "d.md")
    card = deck.cards[0]
    assert card.key_points == ["noise", "ensembling"]
    assert card.explanation == "It is a regularizer. [image: fig.png]"
    assert card.answer == "It is a regularizer. [image: fig.png]\n\n- noise\n- ensembling"


def test_explain_card_without_a_list_uses_sentences_and_keeps_math(deck) -> None:
    card = by_question(deck)["Explain: Momentum"]
    assert card.key_points == [
        "Momentum keeps a running average of past gradients.",
        "It damps oscillation across steep directions.",
        r"$$v_t = \beta v_{t-1} + (1-\beta) g_t$$",
    ]
    assert r"$$v_t = \beta v_{t-1} + (1-\beta) g_t$$" in card.answer
    assert card.explanation == card.answer  # long sentences read better as text than as a checklist


def test_images_become_placeholders_and_html_is_dropped(deck) -> None:
    adam = by_question(deck)["Explain: Adam"]
    assert adam.answer.startswith("[image: imgs/adam curve.png]\n")
    everything = "\n".join(c.question + c.answer + " ".join(c.key_points) for c in deck.cards)
    assert "<br>" not in everything and "<h1" not in everything and "My optimizer notes" not in everything
    assert "![" not in everything


def test_explicit_cards_are_their_own_cards_not_part_of_the_explanation(deck) -> None:
    cards = by_question(deck)
    assert cards["Which paper introduced Adam?"].answer == "Kingma and Ba, 2015."
    assert cards["Which paper introduced Adam?"].section == "Adam"
    assert cards["Why does AdamW decouple weight decay?"].answer.startswith("With Adam, an L2 term")
    adam = cards["Explain: Adam"]
    assert "Kingma" not in adam.answer and "AdamW" not in adam.answer
    # the cloze paragraph is prose too: it stays in the explanation with its markers removed
    assert r"uses $\beta_1$ as its decay rate" in adam.answer and "==" not in adam.answer.split("```")[0]
    # code is kept verbatim, including something that looks like a cloze
    assert "# ==not a cloze== inside code" in adam.answer


def test_cloze_cards_in_paragraphs_and_list_items(deck) -> None:
    clozes = [card for card in deck.cards if card.kind == "cloze"]
    assert sorted(card.answer for card in clozes) == [r"$\beta_1$", r"$\beta_2$", "linear"]
    paragraph = [card for card in clozes if card.answer.startswith("$")]
    assert len({card.note_id for card in paragraph}) == 1
    assert {card.id for card in paragraph} == {f"{paragraph[0].note_id}::c1", f"{paragraph[0].note_id}::c2"}
    warmup = next(card for card in clozes if card.answer == "linear")
    assert warmup.question == "start small, ramp up over the first steps; a ==linear== ramp is usual"
    assert warmup.section == "Learning rate schedules"


def test_a_table_is_kept_in_the_answer_but_not_split_into_key_points() -> None:
    text = "# Norms\nThey differ in the axes.\n\n| norm | axes |\n| --- | --- |\n| batch | N, H, W |\n"
    card = parse_notes_text(text, "t.md").cards[0]
    assert card.key_points == ["They differ in the axes."]
    assert card.answer.endswith("| batch | N, H, W |")


def test_a_heading_with_only_code_is_a_basic_card(deck) -> None:
    card = by_question(deck)["Explain: Learning rate schedules › Code only"]
    assert card.kind == "basic"
    assert card.answer == "```python\nlr = base_lr * min(1.0, step / warmup_steps)\n```"


def test_ids_depend_on_file_name_and_heading_path_not_on_position() -> None:
    one = parse_notes_text("# A\nSome text.\n\n# B\nOther text.\n", "/x/notes.md")
    moved = parse_notes_text("intro line\n\n# B\nOther text, edited.\n\n# A\nSome text.\n", "/y/notes.md")
    renamed = parse_notes_text("# A\nSome text.\n", "/x/other.md")
    ids = {card.question: card.id for card in one.cards}
    assert {card.question: card.id for card in moved.cards} == ids
    assert renamed.cards[0].id != ids["Explain: A"]
    assert len(set(ids.values())) == 2


def test_repeated_heading_paths_get_distinct_ids() -> None:
    deck = parse_notes_text("# A\n## Notes\nOne.\n\n# B\n## Notes\nTwo.\n\n# A\n## Notes\nThree.\n", "n.md")
    assert len({card.id for card in deck.cards}) == 3


def test_sentences_do_not_split_inside_math_or_after_abbreviations() -> None:
    text = r"Use $a. B$ here, e.g. with Adam. Then stop! Done w.r.t. $y$ too."
    assert sentences(text) == [r"Use $a. B$ here, e.g. with Adam.", "Then stop!", r"Done w.r.t. $y$ too."]


def test_explicit_card_problems_are_reported_with_the_line() -> None:
    deck = parse_notes_text("# A\nSome text.\n\nA question\n?\n", "bad.md")
    assert [str(issue) for issue in deck.issues] == ["bad.md:5: card has a '?' line but no answer below it"]


# ----- the command: import, re-import, dry run ----------------------------------------------------------
def test_import_then_reimport_unchanged(home, notes, capsys) -> None:
    code, out, err = run_cli(capsys, "import", str(notes))
    assert code == 0, err
    assert "11 added, 0 updated, 0 unchanged, 0 retired" in out
    rows = db_rows(home, "SELECT deck, origin, retired FROM cards")
    assert len(rows) == 11
    assert {(r["deck"], r["origin"], r["retired"]) for r in rows} == {("optimizers", "imported", 0)}
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert "0 added, 0 updated, 11 unchanged, 0 retired" in out


def test_reimport_after_edits_updates_in_place_keeps_history_and_retires(home, notes, capsys) -> None:
    assert run_cli(capsys, "import", str(notes))[0] == 0
    momentum = db_rows(home, "SELECT id FROM cards WHERE json_extract(data, '$.question') = 'Explain: Momentum'")
    card_id = momentum[0]["id"]
    store = open_store(home / "progress.db")
    try:
        StudyService(store).rate(card_id, 3, 5000)
    finally:
        store.close()
    text = notes.read_text(encoding="utf-8")
    text = text.replace("It damps oscillation across steep directions.", "It damps oscillation in ravines.")
    text = text.replace(
        "Why does AdamW decouple weight decay?\n?\n"
        "With Adam, an L2 term is rescaled by the adaptive denominator, so it is not a true weight decay.\n",
        "",
    )
    text += "\n# Nesterov\nNesterov evaluates the gradient at the look-ahead point.\n"
    notes.write_text(text, encoding="utf-8")

    code, out, _ = run_cli(capsys, "import", str(notes))
    assert code == 0
    # one card edited, and the cards below the removed one moved up (their line is part of their data)
    assert "1 added, 6 updated, 4 unchanged, 1 retired" in out
    row = db_rows(home, "SELECT state, fsrs, data, retired FROM cards WHERE id = ?", (card_id,))[0]
    assert row["state"] != 0 and row["fsrs"] is not None and row["retired"] == 0
    assert "in ravines" in row["data"]
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews WHERE card_id = ?", (card_id,))[0]["n"] == 1
    retired = db_rows(home, "SELECT json_extract(data, '$.question') AS q FROM cards WHERE retired = 1")
    assert retired == [{"q": "Why does AdamW decouple weight decay?"}]


def test_dry_run_previews_and_writes_nothing(home, notes, capsys) -> None:
    code, out, _ = run_cli(capsys, "import", str(notes), "--dry-run")
    assert code == 0
    assert "11 would be added, 0 would be updated, 0 unchanged, 0 would be retired" in out
    assert "dry run: nothing was written" in out
    assert db_rows(home, "SELECT COUNT(*) AS n FROM cards")[0]["n"] == 0
    run_cli(capsys, "import", str(notes))
    notes.write_text("# Only this\nOne sentence.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(notes), "--dry-run")
    assert "1 would be added, 0 would be updated, 0 unchanged, 11 would be retired" in out
    assert db_rows(home, "SELECT COUNT(*) AS n FROM cards WHERE retired = 0")[0]["n"] == 11


def test_a_folder_imports_one_deck_per_file_and_reimporting_one_leaves_the_other(home, tmp_path, capsys) -> None:
    folder = tmp_path / "vault"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("# Alpha\nAlpha text.\n", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("# Beta\nBeta text.\n\nbeta q::beta a\n", encoding="utf-8")
    (folder / "readme.txt").write_text("not notes", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(folder))
    assert code == 0
    assert "3 added" in out
    decks = db_rows(home, "SELECT deck, COUNT(*) AS n FROM cards GROUP BY deck ORDER BY deck")
    assert decks == [{"deck": "vault/a", "n": 1}, {"deck": "vault/sub/b", "n": 2}]
    (folder / "a.md").write_text("# Alpha\nAlpha text.\n\n# Gamma\nGamma text.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(folder / "a.md"))
    assert "1 added, 0 updated, 1 unchanged, 0 retired" in out
    assert db_rows(home, "SELECT COUNT(*) AS n FROM cards WHERE retired = 1")[0]["n"] == 0


# ----- bad input -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"# A\nText.\n", "not a Markdown file"),
        ("empty.md", b"  \n\n", "the file is empty"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not Markdown text"),
        ("page.md", b"<!DOCTYPE html>\n<html><body>x</body></html>\n", "an HTML document"),
        ("headings.md", b"# A\n\n# B\n\n<br>\n", "no cards found"),
        ("front.md", b"---\ntitle: Draft\ntags: [ml]\n---\n\n", "only front matter"),
    ],
)
def test_an_unusable_file_is_skipped_by_name_and_the_rest_imports(home, notes, tmp_path, capsys, name, content,
                                                                  message) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = run_cli(capsys, "import", str(notes), str(bad))
    assert code == 0, err
    assert f"skipped: {bad}" in err and message in err
    assert "Traceback" not in err
    assert "11 added" in out and f"skipped 1: {name}" in out
    assert db_rows(home, "SELECT COUNT(*) AS n FROM cards WHERE retired = 0")[0]["n"] == 11
    code, out, err = run_cli(capsys, "import", str(bad))  # nothing usable at all: a distinct exit
    assert code == 3 and "nothing imported" in err and message in err


def test_missing_path_and_folder_without_notes(home, tmp_path, capsys) -> None:
    code, _, err = run_cli(capsys, "import", str(tmp_path / "nope.md"))
    assert code == 3 and "nope.md: no such file or folder" in err
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli(capsys, "import", str(tmp_path / "empty"))
    assert code == 3 and "no Markdown (.md) files in this folder" in err


def _drop_file_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_unreadable_file(tmp_path) -> None:
    """A file the user may not read. Root reads everything, so as root the command runs without the
    capabilities that bypass file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    home = tmp_path / "home"
    locked = tmp_path / "locked.md"
    locked.write_text("# A\nText.\n", encoding="utf-8")
    locked.chmod(0)
    as_plain_user = _drop_file_capabilities if os.geteuid() == 0 else None
    result = subprocess.run(
        [sys.executable, "-m", "dlprep", "--home", str(home), "import", str(locked)],
        capture_output=True, text=True, timeout=120, preexec_fn=as_plain_user,
        env={**os.environ, "HOME": str(home)},
    )
    assert result.returncode == 3, result.stderr
    assert "locked.md: cannot read the file (Permission denied)" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_files_with_the_same_name_are_two_decks_named_by_their_folders(home, tmp_path, capsys) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.md").write_text(f"# A\nText of {folder}.\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", str(tmp_path / "x" / "notes.md"), str(tmp_path / "y" / "notes.md"))
    assert code == 0, err
    decks = db_rows(home, "SELECT deck, COUNT(*) AS n FROM cards GROUP BY deck ORDER BY deck")
    assert decks == [{"deck": "x/notes", "n": 1}, {"deck": "y/notes", "n": 1}]


def test_read_notes_raises_a_content_error(tmp_path) -> None:
    empty = tmp_path / "e.md"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ContentError, match="e.md: the file is empty"):
        read_notes(empty)


# ----- import progress ---------------------------------------------------------------------------------
def test_import_progress_restores_a_backup_and_dry_run_writes_nothing(home, notes, tmp_path, capsys) -> None:
    from dlprep.reports.backup import export_progress

    run_cli(capsys, "import", str(notes))
    card_id = db_rows(home, "SELECT id FROM cards ORDER BY id LIMIT 1")[0]["id"]
    store = open_store(home / "progress.db")
    try:
        StudyService(store).rate(card_id, 3, 1000)
        export_progress(store, tmp_path / "progress.json")
        StudyService(store).rate(card_id, 1, 1000)
    finally:
        store.close()
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 2
    code, out, _ = run_cli(capsys, "import", "progress", str(tmp_path / "progress.json"), "--dry-run")
    assert code == 0 and "reviews: 1 rows would be imported" in out
    assert db_rows(home, "SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 2
    code, out, _ = run_cli(capsys, "import", "progress", str(tmp_path / "progress.json"))
    assert code == 0 and "reviews: 1" in out
    assert db_rows(home, "SELECT rating FROM reviews") == [{"rating": 3}]


def test_import_progress_refuses_a_bad_file(home, tmp_path, capsys) -> None:
    bad = tmp_path / "p.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "progress", str(bad))
    assert code == 2 and f"{bad}: not a dlprep progress file" in err
    code, _, err = run_cli(capsys, "import", "progress")
    assert code == 2 and "exactly one progress file" in err


def test_a_deck_named_like_a_built_in_deck_is_kept_apart(home, tmp_path, capsys) -> None:
    store = open_store(home / "progress.db")
    try:
        with store.transaction() as tx:
            tx.execute(
                "INSERT INTO cards(id, deck, kind, origin, created_at) "
                "VALUES ('b1', 'Optimizer notes', 'basic', 'builtin', 'x')"
            )
    finally:
        store.close()
    notes = tmp_path / "Optimizer notes.md"
    notes.write_text("# Heads\nEach head attends in its own subspace.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert code == 0 and "deck 'Optimizer notes (imported)'" in out
    rows = db_rows(home, "SELECT deck, origin FROM cards ORDER BY origin")
    assert rows == [
        {"deck": "Optimizer notes", "origin": "builtin"},
        {"deck": "Optimizer notes (imported)", "origin": "imported"},
    ]
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert "0 added, 0 updated, 1 unchanged, 0 retired" in out


def test_a_deck_named_like_a_shipped_deck_file_is_kept_apart_before_the_app_ever_ran(home, tmp_path, capsys) -> None:
    from dlprep.paths import decks_dir

    shipped = next(iter(sorted(decks_dir().glob("*.md"))))
    name = yaml.safe_load(shipped.read_text(encoding="utf-8").split("---")[1])["deck"]
    notes = tmp_path / f"{name}.md"
    notes.write_text("# Something\nA sentence.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", str(notes))
    assert code == 0 and f"deck '{name} (imported)'" in out

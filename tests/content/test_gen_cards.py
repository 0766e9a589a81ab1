"""[gen] cards in deck files: the syntax, the sidecar lookup, broken sidecars as deck issues, notes never run code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlprep.content import load_decks, parse_deck_text
from dlprep.content.gen import GenQuestion, grade, read_number, read_shape
from dlprep.content.importer import read_notes

DECK = """---
deck: Gen
section: ConveNets
---

Plain card::still loads

<!-- id: gen-square -->
[gen] square Squares of small numbers

<!-- id: gen-default-title -->
[gen] cube
"""

SIDECAR = '''"""Test generators."""


def square(rng):
    n = rng.randint(2, 30)
    return {"question": f"{n}²?", "answer": n * n, "solution": f"{n}·{n} = {n * n}"}


def cube(rng):
    """Cubes, with a docstring title"""
    n = rng.randint(2, 9)
    return {"question": f"{n}³?", "answer": n ** 3, "solution": "n·n·n"}
'''


def write(folder: Path, deck: str = DECK, sidecar: str | None = SIDECAR, name: str = "gen.gen.py") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "gen.md").write_text(deck, encoding="utf-8")
    if sidecar is not None:
        (folder / name).write_text(sidecar, encoding="utf-8")
    return folder


def by_id(folder: Path):
    decks, issues = load_decks(folder)
    return {c.id: c for d in decks for c in d.cards}, [str(i) for i in issues]


def test_gen_cards_name_their_generator_and_take_a_title(tmp_path: Path) -> None:
    cards, issues = by_id(write(tmp_path / "decks"))
    assert issues == []
    assert cards["gen-square"].kind == "gen" and cards["gen-square"].generator == "square"
    assert cards["gen-square"].question == "Squares of small numbers"
    assert cards["gen-default-title"].question == "Cubes, with a docstring title"
    assert len(cards) == 3


def test_the_folder_wide_generators_file_is_used_when_the_deck_has_none(tmp_path: Path) -> None:
    cards, issues = by_id(write(tmp_path / "decks", name="generators.py"))
    assert issues == [] and cards["gen-square"].generator == "square"


def test_a_sidecar_with_a_syntax_error_is_a_deck_issue_and_other_cards_load(tmp_path: Path) -> None:
    folder = write(tmp_path / "decks", sidecar=SIDECAR.replace("n = rng.randint(2, 30)", "n = rng.randint(2, 30"))
    cards, issues = by_id(folder)
    assert list(cards) == [next(iter(cards))] and cards[next(iter(cards))].kind == "basic"  # the plain card stays
    sidecar = str((folder / "gen.gen.py").resolve())
    assert any(i.startswith(f"{sidecar}:5: generators file does not load: SyntaxError") for i in issues), issues
    assert all("gen.md:" in i for i in issues)  # each names the card it cost


def test_a_sidecar_that_raises_on_import_names_the_line(tmp_path: Path) -> None:
    folder = write(tmp_path / "decks", sidecar=SIDECAR + "\nraise RuntimeError('half-written file')\n")
    _, issues = by_id(folder)
    assert issues and all(":14: generators file does not load: RuntimeError: half-written file" in i for i in issues)


def test_an_unknown_generator_is_reported_at_its_card(tmp_path: Path) -> None:
    folder = write(tmp_path / "decks", deck=DECK.replace("[gen] cube", "[gen] cubes"))
    cards, issues = by_id(folder)
    assert "gen-default-title" not in cards and "gen-square" in cards
    assert issues == [f"{folder / 'gen.md'}:12: [gen] cubes: no generator of that name in gen.gen.py"]


def test_a_deck_without_any_sidecar_says_where_it_looked(tmp_path: Path) -> None:
    folder = write(tmp_path / "decks", sidecar=None)
    _, issues = by_id(folder)
    assert f"{folder / 'gen.md'}:9: [gen] square: no generators file beside the deck (gen.gen.py or generators.py)" \
        in issues


@pytest.mark.parametrize(("body", "message"), [
    ('return {"question": "q", "answer": 1}', "'solution' must be non-empty"),
    ('return {"question": "q", "answer": 0.5, "solution": "s"}', "needs a 'tolerance'"),
    ('return {"question": "q", "answer": 1, "solution": "s", "tolerence": 0.1}', "unknown key(s) tolerence"),
    ('return {"question": "q", "answer": (1, 2.5), "solution": "s"}', "a shape answer must be"),
    ('return ["q", 1]', "must return a dict, not list"),
    ("return 1 / (rng.random() > 2)", "failed: ZeroDivisionError"),
])
def test_a_generator_returning_nonsense_is_reported_at_its_line(tmp_path: Path, body: str, message: str) -> None:
    sidecar = SIDECAR + f"\n\ndef broken(rng):\n    {body}\n"
    folder = write(tmp_path / "decks", deck=DECK + "\n[gen] broken\n", sidecar=sidecar)
    cards, issues = by_id(folder)
    assert len(cards) == 3  # everything else loads
    [issue] = issues
    assert issue.startswith(f"{(folder / 'gen.gen.py').resolve()}:") and message in issue
    assert "(card on gen.md:14 skipped)" in issue


def test_gen_needs_a_name(tmp_path: Path) -> None:
    deck = parse_deck_text(DECK.replace("[gen] cube", "[gen]"), "x.md")
    assert [str(i) for i in deck.issues] == [
        "x.md:12: write [gen] NAME, where NAME is a generator function in the deck's sidecar (letters, digits, _), "
        "then an optional title"]


def test_a_sidecar_outside_the_deck_folder_is_not_loaded(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.py"
    outside.write_text(SIDECAR, encoding="utf-8")
    folder = write(tmp_path / "decks", sidecar=None)
    os.symlink(outside, folder / "gen.gen.py")
    cards, issues = by_id(folder)
    assert "gen-square" not in cards
    assert any("points outside the deck folder" in i for i in issues)


def test_imported_notes_never_run_a_sidecar(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    marker = tmp_path / "ran"
    write(notes, sidecar=f"open({str(marker)!r}, 'w').close()\n" + SIDECAR)
    (notes / "gen.md").write_text("# Squares\n\n[gen] square\n\nSome text about squares.\n", encoding="utf-8")
    deck = read_notes(notes / "gen.md")
    assert all(card.kind != "gen" for card in deck.cards)
    assert any("imported notes never run code" in str(i) for i in deck.issues)
    assert not marker.exists()


def test_typed_answers_are_read_as_numbers_and_shapes() -> None:
    assert read_shape("(1, 64, 32, 32)") == read_shape("1x64x32x32") == read_shape("torch.Size([1, 64, 32, 32])") \
        == read_shape("[1,64,32,32]") == read_shape("1 × 64 × 32 × 32") == (1, 64, 32, 32)
    assert read_shape("(1, 64, a)") is None
    assert read_number("1,234,567") == read_number("1_234_567") == 1234567
    assert read_number("2.4G") == 2.4e9 and read_number("3e12 FLOPs", "FLOPs") == 3e12
    assert read_number("6.5 GiB", "GiB") == 6.5 and read_number("10^9") == 1e9 and read_number("ten") is None
    exact = GenQuestion(0, "q", 1234567.0, "s")
    assert grade("1,234,567", exact).correct and not grade("1.23e6", exact).correct
    within = GenQuestion(0, "q", 6.519, "s", tolerance=0.01, unit="GiB")
    assert grade("6.5 GiB", within).correct and not grade("6.4", within).correct
    shape = GenQuestion(0, "q", (8, 64, 31, 15), "s")
    assert grade("8x64x31x15", shape).correct and not grade("(8, 64, 15, 31)", shape).correct
    assert grade("", shape).how == "no answer"
    assert grade("31", shape).how == "a shape of 4 numbers was asked for"
    assert grade("8, y", shape).how.startswith("not a shape")


def test_decks_json_counts_gen_cards_as_their_own_kind(tmp_path: Path) -> None:
    env = {**os.environ, "DLPREP_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "dlprep", "decks", "--json"], capture_output=True, text=True,
                            env=env, check=False)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    gen = {r["deck"]: r["kinds"]["gen"] for r in rows if "gen" in r["kinds"]}
    assert sum(gen.values()) >= 10
    assert gen["Conv arithmetic"] == 6 and gen["Transformer families and inference"] == 3
    assert all(r["source"] == "beyond-notes" for r in rows if r["deck"] in gen)


def test_a_gen_card_renders_back_to_the_same_card(tmp_path: Path) -> None:
    from dlprep.content.render import render_deck

    deck = parse_deck_text(DECK, "gen.md")
    again = parse_deck_text(render_deck(deck), "gen.md")
    assert [(c.id, c.kind, c.generator, c.question) for c in again.cards] == \
        [(c.id, c.kind, c.generator, c.question) for c in deck.cards]

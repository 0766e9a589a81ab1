"""What a user reads when a deck is broken: each problem names the file and line and says what to write.

One card per case, so each message is pinned exactly; the broken card is skipped and the cards around it load.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dlprep.content import parse_deck, parse_deck_text

HEADER = "---\ndeck: Errors\nsection: Batch Normalization\n---\n\n"  # the body starts on line 6


def problems(body: str, path: str = "bn.md") -> list[str]:
    """The issues of a deck whose body is ``body`` followed by one good card (which must still load)."""
    deck = parse_deck_text(HEADER + body + "\n\nStill here?::Yes\n", path)
    assert [c.question for c in deck.cards][-1:] == ["Still here?"]
    return [str(issue) for issue in deck.issues]


@pytest.mark.parametrize(("body", "messages"), [
    ("[mc]\n- [ ] a\n- [x] b", ["bn.md:6: multiple-choice card has no question after [mc]"]),
    ("[mc] Where?", ["bn.md:6: multiple-choice card needs options as '- [ ] text' / '- [x] text'"]),
    ("[mc] Where?\n- [ ] a\n- [x] b\n- after the softmax, which is where the logits become probabilities",
     ["bn.md:7: option 'after the softmax, which is where the lo' must start with [ ] or [x]"]),
    ("[mc] Where?\n- [ ] a\n- \n- [x] b", ["bn.md:7: option '' must start with [ ] or [x]"]),
    ("[mc] Where?\n- [ ] a\n- - [x] b", ["bn.md:7: option '' must start with [ ] or [x]"]),  # nested: no option
    ("[mc] Where?\n- [x] a", ["bn.md:7: multiple-choice card has 1 option; use 2 to 4"]),
    ("[mc] Where?\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n- [ ] e",
     ["bn.md:7: multiple-choice card has 5 options; use 2 to 4"]),
    ("[mc] Where?\n- [ ] a\n- [ ] b", ["bn.md:7: multiple-choice card has 0 options marked [x]; mark exactly one"]),
    ("[mc] Where?\n- [X] a\n- [x] b", ["bn.md:7: multiple-choice card has 2 options marked [x]; mark exactly one"]),
    ("[explain]\n- a point", ["bn.md:6: explain card has no question after [explain]"]),
    ("[explain] Why?", ["bn.md:6: explain card needs its key points as a bullet list right after the question"]),
    ("[explain] Why?\n> only a note",
     ["bn.md:6: explain card needs its key points as a bullet list right after the question"]),
    ("?\nan answer", ["bn.md:6: card has a '?' line but no question above it"]),
    ("??\nan answer", ["bn.md:6: card has a '??' line but no question above it"]),
    ("A question\nover two lines\n?", ["bn.md:8: card has a '?' line but no answer below it"]),
    ("A question\n??", ["bn.md:7: card has a '??' line but no answer below it"]),
    ("::an answer", ["bn.md:6: a 'Question::Answer' line needs text on both sides of '::'"]),
    ("Q one::A one\nQ two::", ["bn.md:7: a 'Question::Answer' line needs text on both sides of '::'"]),
    ("Q:::", ["bn.md:6: a 'Question:::Answer' line needs text on both sides of ':::'"]),
    ("A cloze ==hidden== and == ==", ["bn.md:6: cloze 2 is empty"]),
    ("A first line\nthen ==never closed", ["bn.md:7: cloze marker '==' is never closed; write ==hidden text=="]),
    ("Closed ==b== then ==open", ["bn.md:6: cloze marker '==' is never closed; write ==hidden text=="]),
    ("[gen]", ["bn.md:6: write [gen] NAME, where NAME is a generator function in the deck's sidecar "
               "(letters, digits, _), then an optional title"]),
    ("[gen] 9lives", ["bn.md:6: write [gen] NAME, where NAME is a generator function in the deck's sidecar "
                      "(letters, digits, _), then an optional title"]),
    ("[gen] conv_shape!", ["bn.md:6: write [gen] NAME, where NAME is a generator function in the deck's "
                           "sidecar (letters, digits, _), then an optional title"]),
    ("<!-- id: dup -->\nQ1::A1\n\n<!-- id: dup -->\nQ2::A2",
     ["bn.md:10: duplicate card id 'dup' (first used on line 7)"]),
    ("Q:::A\nQ:::B", ["bn.md:7: duplicate card id 'errors-22ea1c649c' (first used on line 6)"]),
])
def test_card_problems(body: str, messages: list[str]) -> None:
    assert problems(body) == messages


@pytest.mark.parametrize(("body", "messages"), [
    ("<!-- id: bn-1 -->", ["bn.md:6: id 'bn-1' is not followed by a card on the next line"]),
    ("<!-- id: bn-1 -->\n- a list", ["bn.md:7: id 'bn-1' is followed by a bullet list, not a card"]),
    ("<!-- id: bn-1 -->\n> a quote", ["bn.md:7: id 'bn-1' is followed by a blockquote, not a card"]),
    ("<!-- id: bn-1 -->\n```\ncode\n```", ["bn.md:7: id 'bn-1' is followed by a fence, not a card"]),
    ("<!-- id: bn-1 -->\nplain prose", ["bn.md:7: id 'bn-1' names no card: write Q::A, a '?' card, ==cloze==, "
                                        "[mc], [explain] or [gen]"]),
    ("<!-- id: bn-1 -->\nprose ==unclosed", ["bn.md:7: cloze marker '==' is never closed; write ==hidden text=="]),
    ("<!-- id: bn 1 -->\nQ::A", ["bn.md:6: malformed id comment; write <!-- id: some-id --> with letters, digits, "
                                 "- _ . : (the card below keeps a derived id)"]),
    ("<!-- ID = bn-1 -->\nQ::A", ["bn.md:6: malformed id comment; write <!-- id: some-id --> with letters, digits, "
                                  "- _ . : (the card below keeps a derived id)"]),
])
def test_id_comment_problems(body: str, messages: list[str]) -> None:
    assert problems(body) == messages


@pytest.mark.parametrize(("body", "follow_up"), [
    ("<!-- id: bn 1 -->", "bn.md:6: the id comment is not followed by a card on the next line"),
    ("<!-- id: bn 1 -->\n- a list", "bn.md:7: the id comment is followed by a bullet list, not a card"),
    ("<!-- id: bn 1 -->\nplain prose", "bn.md:7: the id comment names no card: write Q::A, a '?' card, ==cloze==, "
                                       "[mc], [explain] or [gen]"),
])
def test_a_malformed_id_comment_without_a_card_says_so_without_naming_a_missing_id(body: str, follow_up: str) -> None:
    malformed = ("bn.md:6: malformed id comment; write <!-- id: some-id --> with letters, digits, - _ . : "
                 "(the card below keeps a derived id)")
    assert problems(body) == [malformed, follow_up]


def test_what_is_not_a_card_is_not_reported() -> None:
    assert problems("Just prose.\n\n<!-- a comment -->\n\n- a list\n\n> a quote\n\n# A heading\n\n"
                    "prose ==unclosed but not named") == [
        "bn.md:16: cloze marker '==' is never closed; write ==hidden text=="
    ]
    assert problems("Just prose.\n\n<!-- a comment -->\nQ::A\n\n- a list\n\n> a quote") == []


def test_the_card_below_a_malformed_id_comment_keeps_a_derived_id() -> None:
    deck = parse_deck_text(HEADER + "<!-- id: bn 1 -->\nQ::A\n", "bn.md")
    good = parse_deck_text(HEADER + "Q::A\n", "bn.md")
    assert [(c.id, c.line) for c in deck.cards] == [(good.cards[0].id, 7)]


@pytest.mark.parametrize(("text", "messages"), [
    ("Q::A\n", ["fm.md:1: missing YAML front matter (a '---' line, 'deck:' and 'section:')"]),
    ("", ["fm.md:1: missing YAML front matter (a '---' line, 'deck:' and 'section:')"]),
    ("---\ndeck: D\nsection: S\nQ::A\n", ["fm.md:1: front matter is not closed by a '---' line"]),
    ("---\ndeck: [unclosed\nsection: x\n---\nQ::A\n", ["fm.md:3: front matter: expected ',' or ']', but got ':'"]),
    ("---\ndeck: D\nsection: S\ntopic: a: b\n---\nQ::A\n",
     ["fm.md:4: front matter: mapping values are not allowed here"]),
    ("---\ndeck: D\x07\nsection: S\n---\nQ::A\n", ["fm.md:1: front matter: invalid YAML"]),
    ("---\n- deck\n- section\n---\nQ::A\n", ["fm.md:2: front matter must be a mapping of keys to values"]),
    ("---\n---\nQ::A\n", ["fm.md:2: front matter has no 'deck:' name",
                          "fm.md:2: front matter has no 'section:' (the notes heading the cards come from)"]),
    ("---\nsection: S\n---\nQ::A\n", ["fm.md:2: front matter has no 'deck:' name"]),
    ("---\ndeck: D\n---\nQ::A\n", ["fm.md:2: front matter has no 'section:' (the notes heading the cards come from)"]),
    ("---\ndeck: D\nsection: S\nsource: blog\n---\nQ::A\n",
     ["fm.md:2: source must be one of notes, beyond-notes, imported, not 'blog'"]),
])
def test_front_matter_problems(text: str, messages: list[str]) -> None:
    assert [str(i) for i in parse_deck_text(text, "fm.md").issues] == messages


@pytest.mark.parametrize(("text", "issue", "cards"), [
    ("---\ndeck: D\nsection: S\n---\nQ::A\n", None, [("Q", 5)]),  # a card right under the front matter
    ("Q::A\n\nQ2::A2\n", "fm.md:1: missing YAML front matter (a '---' line, 'deck:' and 'section:')",
     [("Q", 1), ("Q2", 3)]),
    ("---\nQ::A\n\nQ2::A2\n", "fm.md:1: front matter is not closed by a '---' line", [("Q2", 4)]),
    ("---\ndeck: [unclosed\n---\nQ::A\n", "fm.md:2: front matter: expected ',' or ']', but got '<stream end>'",
     [("Q", 4)]),
    ("---\ndeck: [unclosed\n\n---\nQ::A\n", "fm.md:3: front matter: expected ',' or ']', but got '<stream end>'",
     [("Q", 5)]),
])
def test_where_the_cards_start_after_the_front_matter(text: str, issue: str | None, cards: list) -> None:
    deck = parse_deck_text(text, "fm.md")
    assert [str(i) for i in deck.issues] == ([issue] if issue else [])
    assert [(c.question, c.line) for c in deck.cards] == cards


def test_cards_after_broken_front_matter_still_load_under_the_file_name() -> None:
    deck = parse_deck_text("---\ndeck: [unclosed\n---\n\nQ::A\n", "decks/attention.md")
    assert deck.name == "attention" and deck.section == "" and deck.source == "notes"
    assert [(c.question, c.line, c.deck) for c in deck.cards] == [("Q", 5, "attention")]
    listed = parse_deck_text("---\n- a\n---\nQ::A\n", "x.md")
    assert [(c.question, c.line) for c in listed.cards] == [("Q", 4)]


def test_a_default_name_stands_in_for_a_missing_deck_name() -> None:
    deck = parse_deck_text("---\nsection: S\n---\nQ::A\n", "x.md", default_name="Imported")
    assert deck.name == "Imported" and deck.issues == []
    named = parse_deck_text("---\ndeck: Own\nsection: S\n---\nQ::A\n", "x.md", default_name="Imported")
    assert named.name == "Own"
    assert parse_deck_text("Q::A\n", "x.md", default_name="Imported").name == "Imported"


def test_unreadable_files_name_the_reason(tmp_path: Path) -> None:
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\xff\xfe\x00 not utf-8")
    deck = parse_deck(binary)
    assert [str(i) for i in deck.issues] == [f"{binary}:1: cannot read the file (not UTF-8 text)"]
    assert (deck.name, deck.section, deck.path, deck.cards) == ("binary", "", str(binary), [])
    gone = tmp_path / "gone.md"
    assert [str(i) for i in parse_deck(gone).issues] == [f"{gone}:1: cannot read the file (No such file or directory)"]
    folder = tmp_path / "folder.md"
    folder.mkdir()
    assert [str(i) for i in parse_deck(folder).issues] == [f"{folder}:1: cannot read the file (Is a directory)"]


def test_imported_notes_report_gen_lines_and_only_named_unclosed_clozes() -> None:
    from dlprep.content.notes_cards import parse_notes_text

    notes = "# Squares\n\n[gen] square\n\nSome text ==unclosed here.\n\n<!-- id: n1 -->\nnamed ==unclosed\n\nQ::A\n"
    deck = parse_notes_text(notes, "notes/sq.md")
    assert [str(i) for i in deck.issues] == [
        "notes/sq.md:3: [gen] cards run a generator from a deck folder; imported notes never run code, so this "
        "paragraph makes no card",
        "notes/sq.md:8: cloze marker '==' is never closed; write ==hidden text==",
    ]
    assert "gen" not in [c.kind for c in deck.cards] and "Q" in [c.question for c in deck.cards]


def test_a_gen_card_without_its_generator_is_dropped_with_an_issue(tmp_path: Path) -> None:
    deck_file = tmp_path / "squares.md"
    deck_file.write_text(HEADER + "[gen] square Squares of small numbers\n", encoding="utf-8")
    deck = parse_deck(deck_file)
    assert deck.cards == []
    assert [str(i) for i in deck.issues] == [
        f"{deck_file}:6: [gen] square: no generators file beside the deck (squares.gen.py or generators.py)"]


def test_imported_notes_report_an_unclosed_marker_of_their_own_only_under_an_id() -> None:
    from dlprep.content import cloze
    from dlprep.content.notes_cards import parse_notes_text

    markers = cloze.markers_from_names(["highlight", "bold", "curly"])
    notes = "# Terms\n\n<!-- id: n1 -->\nSee {{b}} and\n{{c\n\nA **b** and **c\n"
    deck = parse_notes_text(notes, "notes/terms.md", markers=markers)
    assert [str(i) for i in deck.issues] == [
        "notes/terms.md:5: cloze marker '{{' is never closed; write {{hidden text}}"]
    assert [c for c in deck.cards if c.kind == "cloze"] == []

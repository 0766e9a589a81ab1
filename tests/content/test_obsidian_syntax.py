"""Deck syntax shared with Obsidian Spaced Repetition: ``:::`` and ``??`` (reversed), broken cards reported."""

from __future__ import annotations

from dlprep.content import cloze
from dlprep.content.parser import parse_deck_text

HEADER = "---\ndeck: Test deck\nsection: S\n---\n"


def cards(text: str):
    deck = parse_deck_text(HEADER + text, "t.md")
    return deck, [(c.question, c.answer) for c in deck.cards]


def test_triple_colon_makes_a_card_and_its_reverse() -> None:
    deck, pairs = cards("Softmax:::Normalized exponentials\n")
    assert deck.issues == []
    assert pairs == [("Softmax", "Normalized exponentials"), ("Normalized exponentials", "Softmax")]
    forward, reverse = deck.cards
    assert reverse.id == f"{forward.id}::r"


def test_double_question_mark_makes_a_multiline_card_and_its_reverse() -> None:
    deck, pairs = cards("Adam\n??\nmomentum plus\nRMS scaling\n")
    assert deck.issues == []
    assert pairs == [("Adam", "momentum plus\nRMS scaling"), ("momentum plus\nRMS scaling", "Adam")]


def test_unclosed_cloze_under_an_explicit_id_is_reported_with_its_line() -> None:
    """Issue 13, bug 7: the card used to vanish with no error (this test failed before the fix)."""
    deck, pairs = cards("\n<!-- id: bn-cloze -->\nBatch norm learns ==a scale and a shift per channel.\n")
    assert pairs == []
    assert [str(i) for i in deck.issues] == [
        "t.md:7: cloze marker '==' is never closed; write ==hidden text=="
    ]


def test_an_unclosed_cloze_on_a_later_line_names_that_line() -> None:
    deck, _ = cards("Batch norm learns ==two== parameters,\nand ==shifts them.\n")
    assert [i.line for i in deck.issues] == [6]


def test_a_malformed_id_is_reported_and_the_card_kept() -> None:
    deck, pairs = cards("<!-- id: has spaces -->\nQ::A\n")
    assert pairs == [("Q", "A")]
    assert len(deck.issues) == 1 and deck.issues[0].line == 5 and "malformed id" in deck.issues[0].message


def test_an_id_that_names_no_card_is_reported() -> None:
    deck, pairs = cards("<!-- id: lonely -->\nJust prose here.\n")
    assert pairs == []
    assert [i.line for i in deck.issues] == [6] and "names no card" in deck.issues[0].message


def test_equals_inside_math_or_code_is_not_a_cloze() -> None:
    text = "When $a == b$ the ==loss== is zero; `x == y` too."
    assert cloze.answers(text) == ["loss"]
    assert cloze.unclosed("Only $a == b$ here") is None


def test_other_cloze_markers_when_asked() -> None:
    markers = cloze.markers_from_names(["highlight", "bold", "curly"])
    text = "Adam keeps **two moments** and a {{bias correction}}; ==eps== avoids division by zero."
    assert cloze.answers(text, markers) == ["two moments", "bias correction", "eps"]
    assert cloze.answers(text) == ["eps"]
    assert cloze.normalize(text, markers).count("==") == 6


def test_questions_that_differ_only_in_case_are_two_cards_and_old_ids_stay() -> None:
    """They used to collide (ids folded case) and the second card was dropped as a duplicate."""
    deck, pairs = cards("$\\vdash$::provable\n$\\vDash$::true in every model\n")
    assert deck.issues == [] and len(pairs) == 2
    first, second = deck.cards
    assert first.id == parse_deck_text(HEADER + "$\\vdash$::provable\n", "t.md").cards[0].id  # unchanged
    assert second.id != first.id

"""Derived card ids: the same question gives the same id however its whitespace is laid out."""

from __future__ import annotations

from dlprep.content import parse_deck_text

HEADER = "---\ndeck: Ids\nsection: Attention\n---\n\n"


def only_card(body: str):
    deck = parse_deck_text(HEADER + body, "ids.md")
    assert not deck.issues
    assert len(deck.cards) == 1
    return deck.cards[0]


def test_whitespace_inside_a_question_does_not_change_its_id() -> None:
    single = only_card("What is ε for?::To avoid dividing by zero\n")
    spaced = only_card("What  is   ε for?::To avoid dividing by zero\n")
    multiline = only_card("What  is ε\nfor?\n?\nTo avoid dividing by zero\n")
    assert single.id == spaced.id == multiline.id


def test_different_questions_get_different_ids() -> None:
    first = only_card("What is ε for?::To avoid dividing by zero\n")
    second = only_card("What is γ for?::To scale the normalized values\n")
    assert first.id != second.id

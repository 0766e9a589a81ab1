"""The deck parser against whole decks: every built-in deck loads cleanly, and render then parse is stable.

These walk every built-in deck and a hundred and fifty generated ones, so they are kept out of the mutation
run's fast selection (``benchmarks/suite_mutation.py``); the focused tests beside them pin each behaviour.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dlprep.content import load_decks, parse_deck, parse_deck_text
from dlprep.content.model import Card, Deck, Option
from dlprep.content.render import render_deck


def test_builtin_decks_parse(tmp_path: Path) -> None:
    decks, issues = load_decks()
    assert issues == []
    for deck in decks:
        reparsed = parse_deck(Path(deck.path))
        assert [c.id for c in reparsed.cards] == [c.id for c in deck.cards]


# ----- round trip ---------------------------------------------------------------------------------------
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_phrase = st.lists(_word, min_size=1, max_size=6).map(" ".join)


@st.composite
def cards(draw, index: int) -> Card:
    kind = draw(st.sampled_from(["basic", "multi", "cloze", "mc", "explain"]))
    base = {"id": f"card-{index}", "deck": "Round trip", "section": "Attention"}
    question = draw(_phrase)
    if kind == "basic":
        return Card(kind="basic", question=question, answer=draw(_phrase), **base)
    if kind == "multi":
        return Card(kind="basic", question=question + "\n" + draw(_phrase), answer=draw(_phrase), **base)
    if kind == "cloze":
        text = f"{question} =={draw(_phrase)}== {draw(_phrase)}"
        return Card(kind="cloze", question=text, answer="", note_id=f"card-{index}", cloze_index=1, **base)
    if kind == "mc":
        n = draw(st.integers(2, 4))
        right = draw(st.integers(0, n - 1))
        options = [Option(draw(_phrase), i == right) for i in range(n)]
        return Card(kind="mc", question=question, options=options, explanation=draw(_phrase), **base)
    points = draw(st.lists(_phrase, min_size=1, max_size=4))
    return Card(kind="explain", question=question, key_points=points, **base)


@st.composite
def decks(draw) -> Deck:
    n = draw(st.integers(1, 6))
    return Deck(name="Round trip", section="Attention", cards=[draw(cards(i)) for i in range(n)])


def _essence(deck: Deck) -> list[tuple]:
    return [
        (c.id, c.kind, c.question, c.answer, [(o.text, o.correct) for o in c.options], c.key_points, c.explanation)
        for c in deck.cards
    ]


@settings(max_examples=150, deadline=None)
@given(decks())
def test_parse_render_parse_is_stable(deck: Deck) -> None:
    first = parse_deck_text(render_deck(deck), "rt.md")
    assert first.issues == []
    assert len(first.cards) == len(deck.cards)
    second = parse_deck_text(render_deck(first), "rt.md")
    assert _essence(second) == _essence(first)
    assert [c.id for c in first.cards] == [c.id if c.kind != "cloze" else f"{c.note_id}::c1" for c in deck.cards]

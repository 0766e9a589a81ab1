"""The built-in card library in content/decks: it loads cleanly and meets the coverage the notes call for.

Every deck is loaded through the real loader; the checks are about the content itself (answers present,
multiple-choice cards well formed, ids unique and explicit, sections real, enough cards per section).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from dlprep.content import Card, Deck, cloze, load_decks
from dlprep.content.mathtext import render_math
from dlprep.content.parser import derive_id
from dlprep.sections import all_sections

# Headings of the notes with no content of their own (or only a link, a figure or two words): their cards
# come from standard knowledge, so their decks are marked ``source: beyond-notes`` and need 6 cards.
HEADING_ONLY = {
    "Graph Neural Network",
    "How to choose learning rate or multi loss weights?",
    "Data drift detection / model monitoring",
    "Deformable Attention",
    "Whisper - Speech Recognition",
    "RLHF - Reinforcement Learning from Human Feedback",
}
MIN_CARDS_WITH_CONTENT = 5
MIN_CARDS_HEADING_ONLY = 6
MIN_TOTAL, MIN_MC, MIN_EXPLAIN = 560, 100, 40


@pytest.fixture(scope="module")
def library() -> list[Deck]:
    decks, issues = load_decks()
    assert [str(issue) for issue in issues] == []
    return decks


def _cards(decks: list[Deck]) -> list[Card]:
    return [card for deck in decks for card in deck.cards]


def _where(card: Card) -> str:
    return f"{card.source_file}:{card.line} ({card.id})"


def test_library_loads_with_zero_errors() -> None:
    decks, issues = load_decks()
    assert [str(issue) for issue in issues] == []
    assert decks, "content/decks holds no decks"
    assert all(deck.cards for deck in decks), [deck.path for deck in decks if not deck.cards]


def test_no_card_has_an_empty_answer(library: list[Deck]) -> None:
    """A gen card's answer is drawn at each review: it must draw a question, answer and solution instead."""
    from dlprep.content.gen import draw

    empty = [_where(c) for c in _cards(library)
             if not c.question.strip() or (c.kind != "gen" and not c.answer.strip())]
    assert empty == []
    for card in (c for c in _cards(library) if c.kind == "gen"):
        for seed in range(200):
            drawn = draw(card, seed)  # raises with file and line if the generator breaks for this seed
            assert drawn.question and drawn.solution and drawn.answer_text(), (_where(card), seed)


def test_gen_cards_cover_the_fresh_number_questions(library: list[Deck]) -> None:
    gen = {c.generator: c for c in _cards(library) if c.kind == "gen"}
    assert len(gen) >= 10
    assert all(card.id.startswith("gen-") for card in gen.values())  # explicit ids: one card per generator
    beyond = {deck.name for deck in library if deck.source == "beyond-notes"}
    assert all(card.deck in beyond for card in gen.values())


def test_multiple_choice_cards_are_well_formed(library: list[Deck]) -> None:
    bad = []
    for card in _cards(library):
        if card.kind != "mc":
            continue
        texts = [option.text.strip() for option in card.options]
        if sum(option.correct for option in card.options) != 1:
            bad.append(f"{_where(card)}: not exactly one correct option")
        if not 2 <= len(card.options) <= 4:
            bad.append(f"{_where(card)}: {len(card.options)} options")
        if len(set(texts)) != len(texts) or not all(texts):
            bad.append(f"{_where(card)}: empty or repeated option")
        if not card.explanation.strip():
            bad.append(f"{_where(card)}: no explanation line")
    assert bad == []


def test_explain_cards_list_three_to_five_key_points(library: list[Deck]) -> None:
    bad = [
        f"{_where(c)}: {len(c.key_points)} key points"
        for c in _cards(library)
        if c.kind == "explain" and not 3 <= len(c.key_points) <= 5
    ]
    assert bad == []


def test_card_ids_are_unique_across_decks(library: list[Deck]) -> None:
    counts = Counter(card.id for card in _cards(library))
    assert [card_id for card_id, n in counts.items() if n > 1] == []


def test_every_card_has_an_explicit_id(library: list[Deck]) -> None:
    derived = []
    for deck in library:
        for card in deck.cards:
            if card.kind == "cloze":
                base, basis = card.note_id, cloze.mask_all(card.question)
            else:
                base, basis = card.id, card.question
            if base == derive_id(deck.name, basis):
                derived.append(_where(card))
    assert derived == [], "give these cards an <!-- id: ... --> line"


def test_every_card_names_a_section_of_the_notes(library: list[Deck]) -> None:
    known = all_sections()
    unknown = sorted({f"{c.source_file}: {c.section!r}" for c in _cards(library) if c.section not in known})
    assert unknown == []


def test_math_renders_without_leftover_latex(library: list[Deck]) -> None:
    leftovers = []
    for card in _cards(library):
        texts = [card.question, card.answer, card.explanation, *card.key_points, *(o.text for o in card.options)]
        for text in texts:
            shown = re.sub(r"`[^`]*`", "", render_math(text))
            if "$" in shown or "\\" in shown:
                leftovers.append(f"{_where(card)}: {shown[:80]!r}")
    assert leftovers == []


def test_sources_match_heading_only_sections(library: list[Deck]) -> None:
    wrong = [
        f"{deck.path}: source {deck.source!r}"
        for deck in library
        if deck.section in HEADING_ONLY and deck.source != "beyond-notes"
    ]
    assert wrong == []


def test_each_deck_and_section_has_enough_cards(library: list[Deck]) -> None:
    sections = all_sections()
    per_section = Counter(card.section for card in _cards(library))
    per_top = Counter()
    for name, n in per_section.items():
        per_top[sections[name].top] += n
    short = []
    for deck in library:
        need = MIN_CARDS_HEADING_ONLY if deck.section in HEADING_ONLY else MIN_CARDS_WITH_CONTENT
        if len(deck.cards) < need:
            short.append(f"{deck.path}: {len(deck.cards)} cards, needs {need}")
    for name in HEADING_ONLY:
        if per_section[name] < MIN_CARDS_HEADING_ONLY:
            short.append(f"section {name!r}: {per_section[name]} cards, needs {MIN_CARDS_HEADING_ONLY}")
    for name, section in sections.items():
        if section.parent is None and per_top[name] < MIN_CARDS_WITH_CONTENT:
            short.append(f"section {name!r} (with its subsections): {per_top[name]} cards")
    assert short == []


def test_library_totals(library: list[Deck]) -> None:
    kinds = Counter(card.kind for card in _cards(library))
    total = sum(kinds.values())
    assert total >= MIN_TOTAL, kinds
    assert kinds["mc"] >= MIN_MC, kinds
    assert kinds["explain"] >= MIN_EXPLAIN, kinds
    assert {"basic", "cloze", "mc", "explain"} <= set(kinds), kinds

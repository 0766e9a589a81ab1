"""Content lint over the whole card library: how questions are asked, not whether they load.

- Multiple choice: the length of the options must not give the answer away. Over the library, the share of
  cards whose correct option is strictly the longest stays at most 30% (chance is about 25% with four
  options), and no correct option is more than 25% longer than every distractor.
- No card speaks of "the notes": a question asks the claim directly, so imported and shared decks read the
  same as the built-in ones.
- Retired ids (cards deleted from the library, with review history in someone's database) never come back
  on a different card.
"""

from __future__ import annotations

import re

import pytest

from dlprep.content import Card, load_decks
from dlprep.content.mathtext import render_math
from dlprep.content.parser import parse_deck_text

MAX_LONGEST_SHARE = 0.30
MAX_LENGTH_RATIO = 1.25
NOTES_PATTERN = re.compile(r"\bthe notes\b|\bnotes(?:'|’)? (?:say|write|call|claim|cite)", re.IGNORECASE)
# Cards removed from the library; their ids carry review history and are never given to another card.
RETIRED_IDS = {
    "two-stage-vs-one-stage-yolo-channels",  # same question as yolo-v3-channels
    "two-stage-vs-one-stage-yolov1",  # same question as yolo-v1-output
    "conv-vs-fc-count",  # same question as implement-dl-modules-params
}


SAMPLE = """---
deck: Lint sample
section: Batch Normalization
---

<!-- id: lint-sample -->
[mc] Which is right?
- [ ] $\\alpha$
- [x] abc
> because
"""


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    decks, issues = load_decks()
    assert [str(issue) for issue in issues] == []
    return [card for deck in decks for card in deck.cards]


def _shown_length(text: str) -> int:
    """Characters the learner sees: math rendered to Unicode, outer whitespace dropped."""
    return len(render_math(text.strip()))


def option_lengths(card: Card) -> tuple[int, list[int]]:
    """The correct option's shown length and the distractors' lengths."""
    correct = [_shown_length(o.text) for o in card.options if o.correct]
    others = [_shown_length(o.text) for o in card.options if not o.correct]
    return correct[0], others


def test_option_lengths_are_measured_as_shown() -> None:
    deck = parse_deck_text(SAMPLE, "lint-sample.md")
    assert option_lengths(deck.cards[0]) == (3, [1])  # "$\\alpha$" is shown as one character


def test_correct_option_is_rarely_the_longest(cards: list[Card]) -> None:
    mc = [c for c in cards if c.kind == "mc"]
    longest = []
    for card in mc:
        correct, others = option_lengths(card)
        if correct > max(others):
            longest.append(f"{card.source_file}:{card.line} ({card.id})")
    share = len(longest) / len(mc)
    assert share <= MAX_LONGEST_SHARE, f"{len(longest)} of {len(mc)} ({share:.0%}): {longest}"


def test_no_correct_option_is_much_longer_than_every_distractor(cards: list[Card]) -> None:
    too_long = []
    for card in cards:
        if card.kind != "mc":
            continue
        correct, others = option_lengths(card)
        if correct > MAX_LENGTH_RATIO * max(others):
            too_long.append(f"{card.source_file}:{card.line} ({card.id}): {correct} vs {max(others)}")
    assert too_long == []


def test_no_card_refers_to_the_notes(cards: list[Card]) -> None:
    quoting = []
    for card in cards:
        texts = [card.question, card.answer, card.explanation, *card.key_points, *(o.text for o in card.options)]
        if any(NOTES_PATTERN.search(text) for text in texts):
            quoting.append(f"{card.source_file}:{card.line} ({card.id})")
    assert quoting == []


def test_the_notes_pattern_catches_the_usual_phrasings() -> None:
    for text in ("The notes say X.", "what the notes write", "The notes' wording", "Our notes call it Y"):
        assert NOTES_PATTERN.search(text) is not None, text
    for text in ("Lecture footnotes are fine", "notes on a keyboard"):
        assert NOTES_PATTERN.search(text) is None, text


def test_retired_ids_are_not_reused(cards: list[Card]) -> None:
    ids = {card.id for card in cards} | {card.note_id for card in cards if card.note_id}
    assert sorted(RETIRED_IDS & ids) == []

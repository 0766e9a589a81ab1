"""Typing the answer to an explain card in review: marks suggested, confirmed by the learner, kept with the review."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlprep.answers.history import typed_answers
from dlprep.srs.cards import CardList
from dlprep.tui.screens.review import ReviewScreen
from dlprep.tui.widgets.answer_box import AnswerBox
from dlprep.tui.widgets.checklist import KeyPointList

DECK = """---
deck: Transformers
section: Attention
---

<!-- id: ln-why -->
[explain] Why do transformers use layer norm instead of batch norm?
- layer norm normalizes each token over its own features, so it does not depend on the batch
- sequences in a batch have different lengths: batch statistics would mix in padding
- it behaves identically in training and inference, including decoding with batch size 1
"""

ANSWER = ("Layer norm normalizes each token over its own features, so nothing depends on the batch. "
          "Also sequences have different lengths and batch statistics would mix in padding.")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "typed-decks"
    path.mkdir()
    (path / "transformers.md").write_text(DECK, encoding="utf-8")
    return path


async def open_review(pilot) -> ReviewScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen) and screen.item.card.id == "ln-why"
    return screen


async def test_a_typed_answer_is_checked_confirmed_and_stored(make_app, folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(pilot)
        box = screen.query_one("#typed", AnswerBox)
        assert box.display and not box.has_focus
        await pilot.press("t")
        assert box.has_focus
        box.value = ANSWER
        await pilot.press("enter")
        await pilot.pause()
        points = screen.query_one("#points", KeyPointList)
        assert screen.revealed and not box.display
        assert points.ticked == {0, 1}
        assert "padding" in points.notes[1]
        assert screen.suggested_rating() == 2
        await pilot.press("down", "down", "enter")  # the learner also credits the third point
        await pilot.pause()
        assert points.ticked == {0, 1, 2} and screen.suggested_rating() == 3
        await pilot.press("space")  # accept the suggestion: Good
        await pilot.pause()
        [stored] = typed_answers(app.services.store, "ln-why").values()
        assert stored.answer == ANSWER
        assert stored.suggested == [True, True, False] and stored.marks == [True, True, True]
        assert len(stored.scores) == 3 and stored.scores[0] > stored.scores[2]
        ratings = app.services.store.query("SELECT id, rating FROM reviews WHERE card_id = 'ln-why'")
        assert [r["rating"] for r in ratings] == [3] and stored.review_id == ratings[0]["id"]
        [entry] = CardList(app.services.store, app.services.study).history("ln-why")
        assert (entry.typed, entry.covered) == (ANSWER, "3/3")
        await pilot.press("u")  # undoing the rating removes its typed answer too
        await pilot.pause()
        assert typed_answers(app.services.store, "ln-why") == {}


async def test_space_on_the_empty_box_answers_aloud(make_app, folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("t", "space")
        await pilot.pause()
        points = screen.query_one("#points", KeyPointList)
        assert screen.revealed and points.ticked == set() and not points.notes
        await pilot.press("1")
        await pilot.pause()
        assert typed_answers(app.services.store, "ln-why") == {}
        assert app.services.store.query("SELECT rating FROM reviews") == [{"rating": 1}]


async def test_escape_in_the_box_gives_the_review_keys_back(make_app, folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("t", "l", "n", "escape")
        await pilot.pause()
        box = screen.query_one("#typed", AnswerBox)
        assert box.value == "ln" and not box.has_focus and app.screen is screen
        await pilot.press("space")
        await pilot.pause()
        assert screen.revealed

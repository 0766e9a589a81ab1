"""Reviewing a [gen] card in the real app: fresh numbers, a typed answer graded, the seed kept, undo exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Markdown

from dlprep.content.gen import draw
from dlprep.srs.cards import CardList
from dlprep.srs.gen_reviews import gen_reviews
from dlprep.tui.screens.browser import CardBrowserScreen
from dlprep.tui.screens.review import ReviewScreen
from dlprep.tui.widgets.answer_box import AnswerBox
from tests.tui.screen_text import screen_lines

DECK = """---
deck: Arithmetic
section: Implement DL modules
---

<!-- id: gen-product -->
[gen] product
"""

SIDECAR = '''
def product(rng):
    """Product of two numbers"""
    a, b = rng.randint(11, 99), rng.randint(11, 99)
    return {"question": f"What is {a} × {b}?", "answer": a * b, "solution": f"{a} × {b} = {a * b}"}
'''


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "gen-decks"
    path.mkdir()
    (path / "arithmetic.md").write_text(DECK, encoding="utf-8")
    (path / "arithmetic.gen.py").write_text(SIDECAR, encoding="utf-8")
    return path


def shown(screen: ReviewScreen, widget: str = "#question") -> str:
    return screen.query_one(widget, Markdown).source


def factors(screen: ReviewScreen) -> tuple[int, int]:
    a, b = re.search(r"What is (\d+) × (\d+)\?", shown(screen)).groups()
    return int(a), int(b)


async def open_review(pilot) -> ReviewScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen) and screen.item.card.id == "gen-product"
    return screen


async def answer(pilot, screen: ReviewScreen, text: str) -> None:
    box = screen.query_one("#typed", AnswerBox)
    assert box.display and box.has_focus  # a gen card opens with the box ready for the number
    box.value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_a_right_answer_is_graded_and_its_seed_kept(make_app, folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(pilot)
        assert "Product of two numbers" in shown(screen)  # the generator's docstring is the card's title
        a, b = factors(screen)
        question = shown(screen)
        await answer(pilot, screen, f"{a * b:,}")
        assert screen.revealed
        assert "**Right**" in shown(screen, "#answer") and f"{a} × {b} = {a * b}" in shown(screen, "#answer")
        assert screen.suggested_rating() == 3
        await pilot.press("space")  # accept Good
        await pilot.pause()
        ratings = app.services.store.query("SELECT id, rating FROM reviews WHERE card_id = 'gen-product'")
        assert [r["rating"] for r in ratings] == [3]
        [stored] = gen_reviews(app.services.store, "gen-product").values()
        assert stored.review_id == ratings[0]["id"] and stored.correct and stored.answer == f"{a * b:,}"
        card = app.services.study.item("gen-product").card
        assert f"**{card.question}**\n\n{draw(card, stored.seed).question}" == question  # shown again exactly
        [entry] = CardList(app.services.store, app.services.study).history("gen-product")
        assert entry.seed == stored.seed and entry.typed == f"{a * b:,}" and entry.covered == "right"
        assert screen.item is not None and screen.item.card.id == "gen-product"  # learning: due again ahead
        assert screen.gen.seed != stored.seed  # each showing draws a new seed
        await pilot.press("escape", "escape", "b")  # leave the box, the review; the card browser shows
        # the last review's numbers again
        await pilot.pause()
        assert isinstance(app.screen, CardBrowserScreen)
        text = "\n".join(screen_lines(app))
        assert f"as shown at its last review, seed {stored.seed}" in text and f"What is {a} × {b}?" in text
        assert f"typed {a * b:,} (right)" in text


async def test_a_wrong_answer_suggests_again_and_undo_shows_the_same_numbers(make_app, folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(pilot)
        a, b = factors(screen)
        question = shown(screen)
        await answer(pilot, screen, str(a * b + 1))
        assert "**Not quite**" in shown(screen, "#answer") and f"{a * b:,}" in shown(screen, "#answer")
        assert screen.suggested_rating() == 1
        await pilot.press("space")  # accept Again
        await pilot.pause()
        [stored] = gen_reviews(app.services.store, "gen-product").values()
        assert not stored.correct and stored.answer == str(a * b + 1)
        assert app.services.store.query("SELECT rating FROM reviews") == [{"rating": 1}]
        await pilot.press("escape")  # leave the box the next showing focused
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert app.services.store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0
        assert gen_reviews(app.services.store, "gen-product") == {}  # the seed went with the review
        assert screen.item.card.id == "gen-product" and not screen.revealed
        assert shown(screen) == question  # the same numbers again


async def test_space_on_the_empty_box_shows_the_solution_and_suggests_again(make_app, folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        a, b = factors(screen)
        await pilot.press("space")
        await pilot.pause()
        assert screen.revealed and f"**Answer:** {a * b:,}" in shown(screen, "#answer")
        assert screen.suggested_rating() == 1
        await pilot.press("3")  # the learner may still rate as they see fit
        await pilot.pause()
        [stored] = gen_reviews(app.services.store, "gen-product").values()
        assert stored.answer == "" and not stored.correct
        assert app.services.store.query("SELECT rating FROM reviews") == [{"rating": 3}]


async def test_a_generator_broken_after_loading_is_reported_and_the_card_can_be_suspended(
        make_app, folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        (folder / "arithmetic.gen.py").write_text(SIDECAR.replace("rng.randint(11, 99), rng", "rng.nope(), rng"),
                                                  encoding="utf-8")
        screen = await open_review(pilot)
        assert "The generator failed" in shown(screen) and "arithmetic.gen.py:4" in shown(screen)
        assert not screen.query_one("#typed", AnswerBox).display
        await pilot.press("space")  # nothing to reveal
        assert not screen.revealed
        await pilot.press("s")
        await pilot.pause()
        assert app.services.store.query("SELECT suspended FROM cards WHERE id = 'gen-product'") == [{"suspended": 1}]

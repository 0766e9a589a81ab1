"""Bugs a new user tripped on in daily use, each driven through the real app with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlprep.srs.scheduler import RATING_NAMES
from dlprep.tui.screens import dashboard as dashboard_module
from dlprep.tui.screens.dashboard import DashboardScreen
from dlprep.tui.screens.review import ReviewScreen
from tests.tui.screen_text import screen_lines
from tests.tui.settle import settle

LONG_POINTS = """---
deck: Adam optimizer
section: ADAM optimizer
---

<!-- id: adam-choice -->
[explain] When would you choose Adam or AdamW over SGD with momentum, and vice versa?
- Adam or AdamW for transformers and sparse or badly scaled gradients, where per-parameter step sizes \
let training start fast without tuning a learning rate schedule for every layer
- SGD with momentum for convolutional image models, where it often generalizes a little better at the \
end of a long schedule
- AdamW decouples weight decay from the adaptive step, so the decay acts as intended

<!-- id: adam-basic -->
What does Adam keep per parameter?::Running means of the gradient and of its square.
"""


def count(app, sql: str) -> int:
    return app.services.store.query(sql)[0]["n"]


async def drills_registered(pilot) -> None:
    """The dashboard registers the drills in a worker after its first paint: wait for it (at most ~10 s)."""
    for _ in range(100):
        await settle(pilot.app)
        await pilot.pause(0.1)
        if count(pilot.app, "SELECT COUNT(*) AS n FROM cards WHERE kind = 'drill'"):
            return
    raise AssertionError("the drills were never registered")


@pytest.fixture
def adam_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "adam-decks"
    folder.mkdir()
    (folder / "adam.md").write_text(LONG_POINTS, encoding="utf-8")
    return folder


async def reveal_the_explain_card(pilot) -> ReviewScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen) and screen.item.card.kind == "explain"
    await pilot.press("space")
    await pilot.pause()
    return screen


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_wrapped_key_point_keeps_its_box_on_its_own_first_line(make_app, adam_folder, size) -> None:
    app = make_app(adam_folder)
    async with app.run_test(size=size) as pilot:
        await reveal_the_explain_card(pilot)
        await pilot.press("down", "enter")  # tick the second point
        await pilot.pause()
        lines = screen_lines(app)
        boxed = [line for line in lines if "[ ]" in line or "[x]" in line]
        assert len(boxed) == 3, "\n".join(lines)  # one box per point, however many lines each takes
        starts = ("Adam or AdamW for transformers", "SGD with momentum for", "AdamW decouples weight")
        for start, line in zip(starts, boxed, strict=True):
            assert start in line  # each box is on the first line of its own point
        assert "[x]" in boxed[1] and "[x]" not in boxed[0] + boxed[2]


async def test_space_accepts_the_suggested_rating_on_an_explain_card(make_app, adam_folder) -> None:
    app = make_app(adam_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reveal_the_explain_card(pilot)
        await pilot.press("enter", "down", "enter")  # two of three points named: Hard is suggested
        await pilot.pause()
        assert "space accepts" in str(screen.query_one("#rating-bar").render())
        await pilot.press("space")
        await pilot.pause()
        assert app.services.store.query("SELECT card_id, rating FROM reviews") == [
            {"card_id": "adam-choice", "rating": 2}
        ]
        assert screen.item.card.id == "adam-basic"


async def test_undo_after_a_suspension_undoes_the_suspension_then_the_rating(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space", "3")  # rate norm-basic
        await pilot.pause()
        assert app.screen.item.card.id == "norm-mc"
        await pilot.press("s")  # suspend norm-mc
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert count(app, "SELECT suspended AS n FROM cards WHERE id = 'norm-mc'") == 0
        assert count(app, "SELECT COUNT(*) AS n FROM reviews") == 1  # the rating is still there
        assert app.screen.item.card.id == "norm-mc"
        await pilot.press("u")
        await pilot.pause()
        assert count(app, "SELECT COUNT(*) AS n FROM reviews") == 0
        assert app.screen.item.card.id == "norm-basic"


async def test_a_drill_served_in_a_review_does_not_take_review_keys(make_app, fake_clock, monkeypatch) -> None:
    monkeypatch.setenv("DLPREP_NO_WARMUP", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await drills_registered(pilot)
        app.services.study.rate("drill:softmax", 1)  # a failed drill: back in a minute
        fake_clock.advance(minutes=2)
        await pilot.press("r")
        await pilot.pause()
        from dlprep.tui.screens.drill import DrillScreen

        drill = app.screen
        assert isinstance(drill, DrillScreen) and drill.drill_id == "softmax"
        before = drill.editor.text
        await pilot.press("space", "3", "1")
        await pilot.pause()
        assert drill.editor.text == before
        assert app.focused is not drill.editor
        await pilot.press("i", "x")  # choosing to code focuses the editor
        await pilot.pause()
        assert app.focused is drill.editor and drill.editor.text != before


async def test_markup_in_deck_problems_and_names_is_shown_as_typed(make_app, deck_folder: Path) -> None:
    (deck_folder / "broken.md").write_text(
        "---\ndeck: Tokens [CLS] and [MASK]\nsection: Attention\n---\n\n"
        "[mc] Which token?\n- [ ] a\n- [ ] b\n\n<!-- id: cls -->\nWhat is [CLS] for?::Pooling, in BERT.\n")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "marked [x]" in text
        assert "Tokens [CLS] and [MASK]" in text
        await pilot.press("r")
        await pilot.pause()
        assert "What is [CLS] for?" in "\n".join(screen_lines(app))


async def test_dashboard_counts_refresh_on_a_timer_and_on_focus(make_app, fake_clock, monkeypatch) -> None:
    monkeypatch.setattr(dashboard_module, "REFRESH_S", 0.2)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space", "1", "escape")  # Again: back in a minute
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "3 cards to study now" in str(app.screen.query_one("#today").render())
        fake_clock.advance(minutes=2)
        await pilot.pause(0.5)
        assert "4 cards to study now" in str(app.screen.query_one("#today").render())
        app.services.study.set_suspended("norm-mc")
        from textual import events

        app.post_message(events.AppFocus())
        await pilot.pause()
        assert "3 cards to study now" in str(app.screen.query_one("#today").render())


async def test_review_shows_what_remains_kind_and_state_and_no_deck_twice(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # review the highlighted deck
        await pilot.pause()
        lines = screen_lines(app)
        top = "\n".join(lines[:3])
        assert top.count("Normalization") == 1  # in the title bar, not again on the card line
        assert "basic · new" in lines[1] and "4 new · 0 learn · 0 due" in lines[1]
        await pilot.press("space", "1")
        await pilot.pause()
        assert "3 new · 1 learn · 0 due" in screen_lines(app)[1]


async def test_the_footer_follows_the_state_of_the_card(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "Show answer" in footer and "Rate" not in footer
        await pilot.press("space")
        await pilot.pause()
        lines = screen_lines(app)
        footer, bar = lines[-1], lines[-2]
        assert "Show answer" not in footer and "1-4 Rate" in footer
        assert "Help" in footer  # nothing cut off at 80 columns
        assert all(RATING_NAMES[r] in bar for r in (1, 2, 3, 4)), bar


async def test_multiple_choice_options_are_shuffled_and_letters_follow_the_screen(make_app) -> None:
    app = make_app()
    app.seed = None  # a fresh shuffle for each showing, as in use
    orders = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space", "4")  # past the basic card, for good
        for _ in range(6):
            await pilot.pause()
            screen = app.screen
            assert screen.item.card.kind == "mc"
            shown = [line for line in screen.query_one("#question").source.splitlines() if line.startswith("- ")]
            orders.add(tuple(shown))
            right = "abc"[["Layer norm" in line for line in shown].index(True)]
            await pilot.press(right)  # the letter shown beside the right option is graded right
            await pilot.pause()
            assert screen.chosen == screen.item.card.correct_option and screen.suggested_rating() == 3
            await pilot.press("escape", "r")
    assert len(orders) > 1  # six showings of a three-option card all in one order: 1 in 7776 by chance


async def test_new_cards_take_turns_across_decks(make_app, deck_folder: Path) -> None:
    (deck_folder / "adam.md").write_text(LONG_POINTS, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        seen = []
        for _ in range(4):
            await pilot.pause()
            card = app.screen.item.card
            seen.append(card.deck)
            await pilot.press("a" if card.kind == "mc" else "space", "1")
        assert seen == ["Adam optimizer", "Normalization", "Adam optimizer", "Normalization"]


async def test_the_command_palette_finds_drills_and_decks_by_name(make_app, deck_folder, monkeypatch) -> None:
    from dlprep.tui.screens.drill import DrillScreen

    monkeypatch.setenv("DLPREP_NO_WARMUP", "1")
    (deck_folder / "convnets.md").write_text(  # a deck that "conv" matches as well as the drill
        "---\ndeck: ConvNets\nsection: ConvNets\n---\n\nWhat does a 1x1 conv mix?::The channels.\n")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"conv")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen) and app.screen.drill_id == "conv2d"
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"normaliz")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.deck == "Normalization"


async def test_a_deck_named_like_its_section_is_named_once(make_app, adam_folder) -> None:
    app = make_app(adam_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (("r",), ("escape", "enter")):  # all decks, then the one deck
            await pilot.press(*keys)
            await pilot.pause()
            top = "\n".join(screen_lines(app)[:2])
            assert top.count("Adam optimizer") == 1, top


async def test_undo_after_a_drill_in_the_review_undoes_the_drill_rating(make_app, fake_clock, monkeypatch) -> None:
    from dlprep.tui.screens.drill import DrillScreen

    monkeypatch.setenv("DLPREP_NO_WARMUP", "1")
    app = make_app()
    reviews = "SELECT card_id, rating FROM reviews ORDER BY id"
    async with app.run_test(size=(80, 24)) as pilot:
        await drills_registered(pilot)
        app.services.study.rate("drill:softmax", 3)  # learning: due again in ten minutes
        fake_clock.advance(minutes=11)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        await pilot.press("ctrl+g", "y")  # give up: the drill is rated Again
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.services.store.query(reviews)[-1] == {"card_id": "drill:softmax", "rating": 1}
        await pilot.press("u")
        await pilot.pause()
        assert app.services.store.query(reviews) == [{"card_id": "drill:softmax", "rating": 3}]
        assert app.screen.item.card.kind != "drill"

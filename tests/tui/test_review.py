"""The real app driven with Pilot: dashboard, review, ratings landing in SQLite, undo, suspend, help."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown, Static

from dlprep.tui.screens.dashboard import DashboardScreen
from dlprep.tui.screens.help import HelpScreen
from dlprep.tui.screens.review import ReviewScreen
from dlprep.tui.widgets.deck_list import DeckList
from tests.tui.settle import settle


def rows(app, sql: str) -> list[dict]:
    return app.services.store.query(sql)


def markdown_text(widget: Markdown) -> str:
    return widget.source


def mc_letter(screen: ReviewScreen, correct: bool = True) -> str:
    """The letter on screen of the correct option (or of the first wrong one): options are shuffled."""
    card = screen.item.card
    wanted = card.correct_option if correct else next(i for i, o in enumerate(card.options) if not o.correct)
    return "abcd"[screen.order.index(wanted)]


async def past_the_mc(pilot, *before: str) -> None:
    """Press ``before`` (which must end on the multiple-choice card), answer it right, rate Easy."""
    await pilot.press(*before)
    await pilot.pause()
    await pilot.press(mc_letter(pilot.app.screen), "4")


async def test_dashboard_lists_the_deck_with_its_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        decks = app.screen.query_one("#decks", DeckList)
        assert len(decks.rows) == 1
        shown = decks.render_line(1).text.split()  # line 0 is the header
        assert shown == ["Normalization", "0", "0", "4", "4"]  # deck, due, learning, new, total
        assert str(app.screen.query_one("#today", Static).render()) == (
            "0 reviews today · streak 0 days · 4 cards to study now · 0 drills due")


async def test_review_and_rate_a_card_lands_in_the_database(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.item.card.id == "norm-basic"
        assert "average over" in markdown_text(screen.query_one("#question", Markdown))
        await pilot.press("3")  # not revealed yet: ignored
        assert rows(app, "SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0
        await pilot.press("space")
        await pilot.pause()
        assert "spatial axes" in markdown_text(screen.query_one("#answer", Markdown))
        bar = str(screen.query_one("#rating-bar", Static).render())
        assert "Again" in bar and "1m" in bar and "Good" in bar and "10m" in bar
        await pilot.press("3")
        await pilot.pause()
        assert rows(app, "SELECT card_id, rating FROM reviews") == [{"card_id": "norm-basic", "rating": 3}]
        assert screen.item.card.id == "norm-mc"


async def test_multiple_choice_is_graded_on_the_spot(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.press("space", "4")  # the basic card, Easy
        await pilot.pause()
        screen = app.screen
        assert screen.item.card.kind == "mc"
        await pilot.press("space")  # no reveal before an answer
        assert not screen.revealed
        right = mc_letter(screen)
        await pilot.press(mc_letter(screen, correct=False))
        await pilot.pause()
        assert "Not quite" in markdown_text(screen.query_one("#answer", Markdown))
        assert f"the answer is {right})" in markdown_text(screen.query_one("#answer", Markdown))
        await pilot.press("space")  # accept the suggested rating: Again
        await pilot.pause()
        assert rows(app, "SELECT card_id, rating FROM reviews WHERE card_id = 'norm-mc'") == [
            {"card_id": "norm-mc", "rating": 1}
        ]


async def test_explain_card_checklist_suggests_a_rating(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_mc(pilot, "r", "space", "4")
        await pilot.pause()
        screen = app.screen
        assert screen.item.card.kind == "explain"
        await pilot.press("space")
        await pilot.pause()
        assert screen.suggested_rating() == 1
        await pilot.press("enter")  # tick the first key point
        await pilot.pause()
        assert screen.suggested_rating() == 2
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.suggested_rating() == 3
        await pilot.press("3")
        await pilot.pause()
        assert rows(app, "SELECT rating FROM reviews WHERE card_id = 'norm-explain'") == [{"rating": 3}]


async def test_cloze_shows_math_as_unicode(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_mc(pilot, "r", "space", "4")
        await pilot.press("space", "3")
        await pilot.pause()
        screen = app.screen
        assert screen.item.card.kind == "cloze"
        assert "[…]" in markdown_text(screen.query_one("#question", Markdown))
        await pilot.press("space")
        await pilot.pause()
        assert "√(σ²+ε)" in markdown_text(screen.query_one("#question", Markdown))


async def test_undo_shows_the_undone_card_again(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_mc(pilot, "r", "space", "4")
        await pilot.press("space", "4")  # basic, mc, explain: all Easy
        await pilot.pause()
        assert app.screen.item.card.id == "norm-cloze::c1"
        await pilot.press("u")  # undo the explain card's rating, not the first card's
        await pilot.pause()
        assert app.screen.item.card.id == "norm-explain"
        assert rows(app, "SELECT card_id FROM reviews ORDER BY id") == [
            {"card_id": "norm-basic"}, {"card_id": "norm-mc"}
        ]


async def test_undo_and_suspend(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space", "3")
        await pilot.pause()
        assert rows(app, "SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 1
        await pilot.press("u")
        await pilot.pause()
        assert rows(app, "SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0
        assert rows(app, "SELECT state FROM cards WHERE id = 'norm-basic'") == [{"state": 0}]
        assert app.screen.item.card.id == "norm-basic"
        await pilot.press("s")
        await pilot.pause()
        assert rows(app, "SELECT suspended FROM cards WHERE id = 'norm-basic'") == [{"suspended": 1}]
        assert app.screen.item.card.id == "norm-mc"


async def test_escape_returns_to_a_refreshed_dashboard_and_help_opens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space", "3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "1 reviews today" in str(app.screen.query_one("#today", Static).render())
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_empty_deck_folder_says_so(make_app, tmp_path: Path) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No decks found" in str(app.screen.query_one("#notices", Static).render())


async def test_broken_deck_is_named_on_the_dashboard(make_app, deck_folder: Path) -> None:
    (deck_folder / "broken.md").write_text("---\ndeck: Broken\nsection: Attention\n---\n\n[mc] Q\n- [ ] a\n")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = str(app.screen.query_one("#notices", Static).render())
        assert "broken.md:7: multiple-choice card has 1 option;" in notices
        assert "Deck Broken (broken.md) has no cards." in notices
        assert [row.deck for row in app.screen.query_one("#decks", DeckList).rows] == ["Normalization"]


async def test_a_whole_session_reviews_every_card(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_mc(pilot, "r", "space", "4")
        await pilot.press("space", "4", "space", "4")
        await pilot.pause()
        assert app.screen.item is None
        assert "Nothing more is due" in markdown_text(app.screen.query_one("#question", Markdown))
        assert rows(app, "SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 4


async def test_dashboard_registers_the_drills_in_the_background(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await settle(app)
        await pilot.pause()
        drills = rows(app, "SELECT COUNT(*) AS n FROM cards WHERE kind = 'drill' AND retired = 0")[0]["n"]
        drill_dirs = [p for p in (Path(__file__).parents[2] / "drills").iterdir() if (p / "drill.yaml").exists()]
        assert drills == len(drill_dirs) > 0
        assert not app.services.drills_need_sync()
        assert "0 drills due" in str(app.screen.query_one("#today", Static).render())

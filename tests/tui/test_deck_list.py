"""The dashboard's deck list: thousands of decks, folders that open and close, the cursor, what is drawn."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from dlprep.srs.service import DeckCounts
from dlprep.tui.screens.dashboard import DashboardScreen
from dlprep.tui.screens.review import ReviewScreen
from dlprep.tui.widgets.deck_list import DeckList


def Counts(deck: str, **numbers: int) -> DeckCounts:  # noqa: N802 (reads like the type it makes)
    """What the study service gives the dashboard for one deck."""
    return DeckCounts(deck, "Attention", **numbers)


class Host(App):
    """The list alone, recording what it selects."""

    def __init__(self, counts: list[DeckCounts]) -> None:
        super().__init__()
        self.counts = counts
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield DeckList(id="decks")

    def on_mount(self) -> None:
        deck_list = self.query_one(DeckList)
        deck_list.set_counts(self.counts)
        deck_list.focus()

    def on_deck_list_selected(self, event: DeckList.Selected) -> None:
        self.selected.append(event.deck)


def screen_lines(deck_list: DeckList) -> list[str]:
    return [deck_list.render_line(y).text.rstrip() for y in range(deck_list.size.height)]


async def test_twenty_thousand_decks_scroll_to_the_last_one() -> None:
    counts = [Counts(f"Deck {k:05d}", due=k % 3, total=5) for k in range(20000)]
    app = Host(counts)
    async with app.run_test(size=(60, 12)) as pilot:
        deck_list = app.query_one(DeckList)
        lines = screen_lines(deck_list)
        assert lines[0].split() == ["Deck", "Due", "Learn", "New", "Total"]
        assert lines[1].split() == ["Deck", "00000", "0", "0", "0", "5"]
        assert len(lines) == 12
        await pilot.press("end")
        assert deck_list.current.deck == "Deck 19999"
        assert screen_lines(deck_list)[-1].split() == ["Deck", "19999", "1", "0", "0", "5"]
        await pilot.press("home", "pagedown")
        assert deck_list.current.deck == "Deck 00010"  # one page: the 11 lines below the header, less one
        assert "Deck 00010" in screen_lines(deck_list)[-1]
        await pilot.press("up", "enter")
        assert app.selected == ["Deck 00009"]


async def test_decks_under_a_folder_are_one_row_that_opens_and_closes() -> None:
    counts = [Counts("notes/ml/cnn", due=2, new=3, total=10), Counts("Attention", new=4, total=4),
              Counts("notes/rl", learning=1, total=6)]
    app = Host(counts)
    async with app.run_test(size=(70, 10)) as pilot:
        deck_list = app.query_one(DeckList)
        assert [(r.deck, r.folder) for r in deck_list.rows] == [("notes", True), ("Attention", False)]
        folder = deck_list.rows[0]
        assert (folder.due, folder.learning, folder.new, folder.total) == (2, 1, 3, 16)
        assert screen_lines(deck_list)[1].split() == ["▸", "notes/", "(2", "decks)", "2", "1", "3", "16"]
        await pilot.press("enter")  # a folder opens; nothing is selected
        assert app.selected == []
        assert [r.label for r in deck_list.rows] == ["▾ notes/ (2 decks)", "ml/cnn", "rl", "Attention"]
        assert screen_lines(deck_list)[2].split() == ["ml/cnn", "2", "0", "3", "10"]
        await pilot.press("down", "down", "enter")
        assert app.selected == ["notes/rl"]
        await pilot.press("left")  # on a deck inside a folder: closes the folder, the cursor on it
        assert [r.deck for r in deck_list.rows] == ["notes", "Attention"] and deck_list.cursor == 0
        await pilot.press("right", "down", "enter")
        assert app.selected == ["notes/rl", "notes/ml/cnn"]


async def test_new_counts_keep_the_cursor_on_its_deck_and_a_long_name_is_cut() -> None:
    app = Host([Counts("A"), Counts("B"), Counts("C")])
    async with app.run_test(size=(40, 8)) as pilot:
        deck_list = app.query_one(DeckList)
        await pilot.press("down")
        assert deck_list.current.deck == "B"
        deck_list.set_counts([Counts("Z" * 60, due=7), Counts("B", new=1)])
        assert deck_list.current.deck == "B" and deck_list.cursor == 1
        first = screen_lines(deck_list)[1]
        assert first.split()[0] == "Z" * 10 + "…" and first.split()[1:] == ["7", "0", "0", "0"]
        assert len(first) <= 40
        deck_list.set_counts([Counts("A")])  # the deck under the cursor is gone: the cursor stays in range
        assert deck_list.current.deck == "A"
        deck_list.set_counts([])
        assert deck_list.current is None
        await pilot.press("enter", "end", "down")  # an empty list ignores keys
        assert app.selected == []


async def test_a_click_moves_the_cursor_and_a_second_click_selects() -> None:
    app = Host([Counts("A"), Counts("B"), Counts("C")])
    async with app.run_test(size=(40, 8)) as pilot:
        deck_list = app.query_one(DeckList)
        await pilot.click(DeckList, offset=(3, 3))  # line 3: the header, A, B, then C
        assert deck_list.current.deck == "C" and app.selected == []
        await pilot.click(DeckList, offset=(3, 3))
        assert app.selected == ["C"]


async def test_the_dashboard_opens_a_folder_and_reviews_a_deck_inside_it(make_app, deck_folder: Path) -> None:
    for name in ("cnn", "rnn"):
        (deck_folder / f"{name}.md").write_text(
            f"---\ndeck: notes/ml/{name}\nsection: ML\n---\n\n<!-- id: {name}-1 -->\nWhat is {name}?::A network.\n",
            encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        deck_list = app.screen.query_one("#decks", DeckList)
        assert [(r.deck, r.new, r.total) for r in deck_list.rows] == [("Normalization", 4, 4), ("notes", 2, 2)]
        await pilot.press("down", "enter", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.item.card.id == "rnn-1"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one("#decks", DeckList).current.deck == "notes/ml/rnn"


async def test_control_characters_in_a_deck_name_never_reach_the_terminal() -> None:
    app = Host([Counts("Evil\x1b[2Jdeck\tname\x9b", new=1)])
    async with app.run_test(size=(60, 6)):
        line = app.query_one(DeckList).render_line(1).text
        assert line.split()[0] == "Evil?[2Jdeck?name?"
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in line)
        assert app.query_one(DeckList).current.deck == "Evil\x1b[2Jdeck\tname\x9b"  # the name itself is kept


async def test_opening_a_folder_at_the_bottom_brings_its_decks_into_view() -> None:
    counts = [Counts(f"Deck {k:02d}") for k in range(20)] + [Counts(f"notes/n{k}") for k in range(3)]
    app = Host(counts)
    async with app.run_test(size=(50, 8)) as pilot:  # 7 deck lines below the header
        deck_list = app.query_one(DeckList)
        await pilot.press("end", "enter")
        lines = screen_lines(deck_list)
        assert lines[-4].split()[:2] == ["▾", "notes/"]
        assert [line.split()[0] for line in lines[-3:]] == ["n0", "n1", "n2"]
        assert deck_list.current.deck == "notes"

"""The card browser (b on the dashboard) driven with Pilot on a real database."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from textual.widgets import DataTable, Input, Select

from dlprep.srs.clock import parse_iso
from dlprep.tui.screens.browser import CardBrowserScreen
from tests.tui.screen_text import screen_lines

BERT = """---
deck: BERT
section: Attention
source: beyond-notes
---

<!-- id: bert-cls -->
What is the **[CLS]** token for, and what does *[MASK]* replace?::Pooling for classification; 15% of the input tokens.
"""


def row(app, card_id: str) -> dict:
    return app.services.store.query(
        "SELECT state, suspended, buried_until, fsrs FROM cards WHERE id = ?", (card_id,))[0]


async def open_browser(pilot) -> CardBrowserScreen:
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CardBrowserScreen)
    return screen


async def test_search_as_you_type_and_filters(make_app, deck_folder: Path) -> None:
    (deck_folder / "bert.md").write_text(BERT, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        assert [r.id for r in screen.rows] == ["bert-cls", "norm-basic", "norm-mc", "norm-explain", "norm-cloze::c1"]
        await pilot.press(*"batch", "space", *"size")  # s and z are text in the search box
        await pilot.pause()
        assert screen.query_one("#card-search", Input).value == "batch size"
        assert [r.id for r in screen.rows] == ["norm-mc"]
        screen.query_one("#card-search", Input).value = "statistics"  # only in a key point
        await pilot.pause()
        assert [r.id for r in screen.rows] == ["norm-explain"]
        screen.query_one("#card-search", Input).value = ""
        screen.query_one("#kind-filter", Select).value = "cloze"
        await pilot.pause()
        assert [r.id for r in screen.rows] == ["norm-cloze::c1"]
        screen.query_one("#kind-filter", Select).value = Select.NULL
        screen.query_one("#deck-filter", Select).value = "BERT"
        await pilot.pause()
        assert [r.id for r in screen.rows] == ["bert-cls"]
        text = "\n".join(screen_lines(app))
        assert "What is the [CLS] token for" in text  # in the table, as typed
        assert "[MASK]" in text and "**" not in text  # in the detail: styled, marks gone
        assert "beyond-notes" in text and "bert.md:8" in text


async def test_actions_suspend_unsuspend_reset_bury_and_history(make_app) -> None:
    app = make_app()
    study = app.services.study
    study.rate("norm-basic", 3)
    study.rate("norm-basic", 1)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("enter")  # from the search box to the table
        await pilot.pause()
        assert isinstance(app.focused, DataTable) and screen.selected.id == "norm-basic"
        text = "\n".join(screen_lines(app))
        assert "3 Good" in text and "1 Again" in text  # the review history of the highlighted card
        await pilot.press("s")
        await pilot.pause()
        assert row(app, "norm-basic")["suspended"] == 1
        assert "susp" in str(screen.query_one("#card-table", DataTable).get_row_at(0)[2])
        await pilot.press("s")
        await pilot.pause()
        assert row(app, "norm-basic")["suspended"] == 0
        await pilot.press("n")
        await pilot.pause()
        assert row(app, "norm-basic")["state"] == 0 and row(app, "norm-basic")["fsrs"] is None
        assert len(screen.cards.history("norm-basic")) == 2  # reset keeps the history
        await pilot.press("down", "z")
        await pilot.pause()
        _, day_end = study.today_bounds()
        assert parse_iso(row(app, "norm-mc")["buried_until"]) == day_end
        assert study.next_item("Normalization").card.id != "norm-mc"
        screen.query_one("#flag-filter", Select).value = "buried"
        await pilot.pause()
        assert [r.id for r in screen.rows] == ["norm-mc"]


async def test_e_opens_the_source_file_at_the_card_line(make_app, tmp_path: Path, monkeypatch) -> None:
    record = tmp_path / "editor-args.txt"
    script = tmp_path / "fake_editor.py"
    script.write_text(f"import sys\nopen({str(record)!r}, 'w').write(' '.join(sys.argv[1:]))\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app()
    monkeypatch.setattr(type(app), "suspend", lambda self: contextlib.nullcontext())  # no terminal under Pilot
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("enter", "down", "e")
        await pilot.pause()
        card = screen.selected
        assert card.id == "norm-mc"
        assert record.read_text() == f"+{card.line} {card.file}" and card.line == 10


async def test_letters_typed_in_the_search_box_are_text_not_actions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        for ch in "sz":
            await pilot.press(ch)
        await pilot.pause()
        assert screen.query_one("#card-search", Input).value == "sz"
        assert app.services.store.query("SELECT COUNT(*) AS n FROM cards WHERE suspended = 1")[0]["n"] == 0

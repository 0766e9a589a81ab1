"""ProgressScreen driven with Pilot in a minimal app (fake clock), plus one SVG snapshot at 80x24."""

from __future__ import annotations

import threading
from datetime import UTC

from textual.app import App
from textual.widgets import DataTable, Sparkline, Static

from dlprep.tui.screens.progress import ProgressScreen

from .history import NOW, add_review, at


class ProgressApp(App):
    def __init__(self, store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(ProgressScreen(self.store, now=at(NOW), tz=UTC))


async def test_progress_screen_shows_the_reports(history_store):
    app = ProgressApp(history_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        summary = str(screen.query_one("#summary", Static).render())
        assert "Streak 3 days · 7 reviews · true retention 75% (3/4)" in summary
        assert screen.query_one("#reviews", Sparkline).data[-7:] == [0, 1, 1, 0, 1, 2, 2]
        assert screen.query_one("#forecast", Sparkline).data[:4] == [2, 0, 1, 1]
        sections = screen.query_one("#sections", DataTable)
        assert sections.row_count == 3
        bn = sections.get_row("Batch Normalization")
        assert bn[0] == "Batch normalization" and bn[2] == "67% of 3" and bn[3] == "3 (1 new)"
        assert str(screen.query_one("#drills-title", Static).render()) == "Drills: 1 of 2 mastered"
        drills = screen.query_one("#drills", DataTable)
        assert drills.get_row("conv2d")[2:] == ["1/2", "8/8", "pass"]
        assert drills.get_row("adam")[2:] == ["0/1", "2/5", "fail"]
        heat = str(screen.query_one("#heatmap", Static).render())
        assert heat.count("■") == 7 * 25 + 2 + 5  # 25 full weeks, Mon-Tue of this week, the legend
        nxt = str(screen.query_one("#next", Static).render())
        assert "1. Dropout: re-read the notes and rewrite 1 leech card(s)" in nxt

        add_review(history_store, "a1", 3, "2026-03-10T11:00", 2)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.query_one("#progress").loading
        assert screen.query_one("#reviews", Sparkline).data[-1] == 3
        assert "8 reviews" in str(screen.query_one("#summary", Static).render())

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProgressScreen)


class SlowProgressScreen(ProgressScreen):
    """Builds its report only when the test lets it."""

    release = threading.Event()

    def _build(self):
        assert self.release.wait(10)
        return super()._build()


async def test_the_report_is_built_in_a_worker_behind_a_loading_indicator(history_store):
    class SlowApp(App):
        def on_mount(self) -> None:
            self.push_screen(SlowProgressScreen(history_store, now=at(NOW), tz=UTC))

    SlowProgressScreen.release.clear()
    app = SlowApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#progress").loading  # the UI is up and responsive while it builds
        assert "Reading your history" in str(screen.query_one("#summary", Static).render())
        SlowProgressScreen.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.query_one("#progress").loading
        assert "Streak 3 days" in str(screen.query_one("#summary", Static).render())


async def _report_ready(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_progress_screen_snapshot(history_store, snap_compare):
    assert snap_compare(ProgressApp(history_store), terminal_size=(80, 24), run_before=_report_ready)

"""The mock interview screen driven with Pilot: answers by key, parts that time out, the report, the history."""

from __future__ import annotations

from textual.widgets import Input, Markdown, TextArea

from dlprep.grading import Grader
from dlprep.mock import mock_history
from dlprep.tui.app import DlprepApp
from dlprep.tui.screens.mock import MockScreen


async def test_a_mock_runs_to_its_report_with_parts_timing_out(services, mocks, ticker) -> None:
    grader = Grader()
    try:
        app = DlprepApp(services)
        run = mocks.plan(seed=2)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = MockScreen(run, grader=grader, tick_s=0.05)
            await app.push_screen(screen)
            await pilot.pause()
            clock = str(screen.query_one("#mock-clock").render())
            assert "Rapid fire" in clock and "5:00 left" in clock
            while run.part == "rapid":  # answer every rapid-fire question wrong, by key
                item = run.current
                if item.kind == "mc":
                    await pilot.press("abcd"[(item.correct_option + 1) % len(item.options)])
                else:
                    assert screen.query_one("#mock-short", Input).has_focus
                    await pilot.press("x", "enter")
                await pilot.pause()
            assert run.part == "concepts" and screen.query_one("#mock-text", TextArea).has_focus
            await pilot.press(*"layer norm normalizes each token over its own features")
            await pilot.press("ctrl+s")
            await pilot.pause()
            ticker.advance(15 * 60 + 1)  # the concepts part runs out of time on its second question
            await pilot.pause(0.2)
            assert run.part == "coding"
            editor = screen.query_one("#mock-code", TextArea)
            assert editor.has_focus and editor.text == run.current.starter
            ticker.advance(25 * 60 + 1)  # time is up: the starter on screen is graded at the deadline
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
            assert screen.report is not None
            text = screen.query_one("#mock-question", Markdown).source
            assert "## Mock interview:" in text and "Key points not covered" in text and "**Coding**" in text
            parts = screen.report["parts"]
            assert parts["rapid"]["score"] == 0.0 and parts["concepts"]["answered"] == 1
            assert parts["coding"]["score"] == 0.0
            [stored] = mock_history(services.store)
            assert stored["status"] == "finished" and stored["overall"] == screen.report["overall"]
            rated = services.store.query("SELECT COUNT(*) AS n FROM reviews WHERE source = 'mock'")[0]["n"]
            assert rated == len(run.part_items("rapid")) + 1
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is not screen
    finally:
        grader.close()


async def test_escape_asks_before_abandoning(services, mocks) -> None:
    app = DlprepApp(services)
    run = mocks.plan(seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = MockScreen(run, grader=object(), tick_s=10)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and run.status == "running"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is not screen
        assert [m["status"] for m in mock_history(services.store)] == ["abandoned"]

"""The dashboard shows the interview-date line when a date is set, computed off the UI thread."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from dlprep.srs.plan import InterviewGoal
from tests.tui.settle import settle


async def test_no_line_without_a_date_and_the_plan_line_with_one(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app)
        await pilot.pause()
        plan = app.screen.query_one("#plan", Static)
        assert not plan.display
        InterviewGoal(date(2026, 3, 22)).save(app.services.store)  # the fake clock reads 2026-03-02
        app.screen.refresh_counts()
        await settle(app)
        await pilot.pause()
        text = str(plan.render())
        assert plan.display and text.startswith("Interview in 20 days · expected recall ")
        assert "if you stop now) · today: " in text and " new, " in text


async def test_the_date_is_set_and_cleared_from_the_dashboard(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"2026-02-01", "enter")  # in the past: refused, nothing stored
        await pilot.pause()
        assert InterviewGoal.load(app.services.store) is None
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"2026-03-22", "enter")
        await settle(app)
        await pilot.pause()
        assert InterviewGoal.load(app.services.store).date == date(2026, 3, 22)
        plan = app.screen.query_one("#plan", Static)
        assert plan.display and str(plan.render()).startswith("Interview in 20 days")
        await pilot.press("i")
        await pilot.pause()
        field = app.screen.query_one("#date-input")
        assert field.value == "2026-03-22"
        field.value = ""
        await pilot.press("enter")
        await settle(app)
        await pilot.pause()
        assert InterviewGoal.load(app.services.store) is None and not plan.display

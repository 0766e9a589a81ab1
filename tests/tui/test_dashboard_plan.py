"""The dashboard shows the interview-date line when a date is set, computed off the UI thread."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from dlprep.srs.plan import InterviewGoal


async def test_no_line_without_a_date_and_the_plan_line_with_one(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        plan = app.screen.query_one("#plan", Static)
        assert not plan.display
        InterviewGoal(date(2026, 3, 22)).save(app.services.store)  # the fake clock reads 2026-03-02
        app.screen.refresh_counts()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = str(plan.render())
        assert plan.display and text.startswith("Interview in 20 days · expected recall ")
        assert "if you stop now) · today: " in text and " new, " in text

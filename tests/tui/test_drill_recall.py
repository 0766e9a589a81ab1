"""A due drill opens on its starter in the app; ctrl+b restores the earlier code and the pass is practice."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from dlprep.drills import get_drill
from dlprep.drills.practice import DrillPractice
from dlprep.grading.result import GradeResult
from dlprep.tui.screens.drill import DrillScreen
from dlprep.tui.widgets.confirm import ConfirmScreen

EARLIER = ("import numpy as np\n\n\ndef softmax(x, axis=-1):\n"
           "    return np.exp(x) / np.exp(x).sum(axis, keepdims=True)\n")


async def test_a_due_drill_opens_fresh_and_can_restore_the_earlier_code(make_app, fake_clock, monkeypatch,
                                                                         private_home: Path) -> None:
    monkeypatch.setenv("DLPREP_NO_WARMUP", "1")
    app = make_app()
    practice = DrillPractice(app.services.store, app.services.study)
    practice.save_code("softmax", EARLIER)
    passed = GradeResult(drill="softmax", status="pass", message="9 of 9", passed=9, total=9)
    assert practice.record_run("softmax", EARLIER, passed, duration_ms=60_000).rating is not None
    fake_clock.advance(days=90)

    async with app.run_test(size=(120, 36)) as pilot:
        screen = DrillScreen(app.services, "softmax")
        await app.push_screen(screen)
        await pilot.pause()
        editor = screen.query_one("#editor", TextArea)
        assert screen.fresh_start and editor.text == get_drill("softmax").starter
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen and editor.text == EARLIER
        statuses = [r["status"] for r in app.services.store.query("SELECT status FROM attempts ORDER BY id")]
        assert statuses == ["pass", "reset", "restored"]
        assert (private_home / "workspace" / "softmax.py").read_text() == EARLIER
        outcome = practice.record_run("softmax", EARLIER, passed)
        assert outcome.rating is None and "restored" in outcome.reason

"""Time from ctrl+r to the verdict on the drill screen of the real app (Pilot-driven, real grader).

Usage: python benchmarks/drill_run.py [--drill conv2d] [--runs 15] [--json]

Opens the app on a fresh data home, opens the drill from the browser, puts the drill's reference into
the editor, and presses ctrl+r repeatedly. Each figure is wall time from just before the key press to the
moment the verdict is on screen (the run is finished and its verdict line updated), as Pilot sees it;
a second figure is taken inside the app, from the ctrl+r action to the refresh after the verdict. The first run is made
right after the screen opens, while the background warm-up may still be going; the rest are warm.
Also prints the grader's own duration for the same runs and the machine's load average, since timings
on a busy machine are inflated.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


async def measure(drill_id: str, runs: int) -> dict:
    from textual.widgets import Static, TextArea

    from dlprep.drills import reference_source
    from dlprep.services import open_services
    from dlprep.tui.app import DlprepApp
    from dlprep.tui.screens.drill import DrillScreen

    home = Path(os.environ["DLPREP_HOME"])
    app = DlprepApp(open_services(home))
    wall: list[float] = []
    graded: list[float] = []
    inside: list[float] = []
    marks: dict[str, float] = {}
    original_run, original_finish = DrillScreen.action_run, DrillScreen.finish_run

    def timed_run(self) -> None:
        marks["key"] = time.perf_counter()
        original_run(self)

    def timed_finish(self, outcome, error) -> None:  # noqa: ANN001
        original_finish(self, outcome, error)
        self.call_after_refresh(lambda: inside.append((time.perf_counter() - marks["key"]) * 1000))

    DrillScreen.action_run, DrillScreen.finish_run = timed_run, timed_finish
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        for ch in drill_id:
            await pilot.press(ch)
        started_open = time.perf_counter()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DrillScreen) and screen.drill_id == drill_id, "the drill did not open"
        open_s = time.perf_counter() - started_open
        screen.query_one("#editor", TextArea).load_text(reference_source(drill_id))
        await pilot.pause()
        for _ in range(runs):
            before = screen.last_outcome
            t0 = time.perf_counter()
            await pilot.press("ctrl+r")
            while screen.running or screen.last_outcome is before:
                await asyncio.sleep(0.001)
            await pilot.pause()
            wall.append((time.perf_counter() - t0) * 1000)
            line = str(screen.query_one("#verdict-line", Static).render())
            assert "PASS" in line, line
            graded.append(screen.last_outcome.result.duration_ms)
        app.grader.close()
    return {"drill": drill_id, "open_s": round(open_s, 3), "first_ms": round(wall[0], 1),
            "warm_median_ms": round(statistics.median(wall[1:]), 1) if runs > 1 else None,
            "warm_min_ms": round(min(wall[1:]), 1) if runs > 1 else None,
            "grader_median_ms": round(statistics.median(graded[1:] or graded), 1),
            "in_app_median_ms": round(statistics.median(inside[1:] or inside), 1),
            "runs": [round(w, 1) for w in wall], "load_average": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drill", default="conv2d")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["DLPREP_HOME"] = home
        figures = asyncio.run(measure(args.drill, max(1, args.runs)))
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"drill {figures['drill']}: ctrl+r -> verdict in the real app (Pilot, 120x36)")
    print(f"  open the drill screen:        {figures['open_s'] * 1000:.0f} ms")
    print(f"  first run after opening:      {figures['first_ms']:.0f} ms")
    if figures["warm_median_ms"] is not None:
        print(f"  warm runs, median (min):      {figures['warm_median_ms']:.0f} ms ({figures['warm_min_ms']:.0f} ms)")
    print(f"  in the app, key handled -> verdict painted (median, warm): {figures['in_app_median_ms']:.0f} ms")
    print(f"  of which grading (median):    {figures['grader_median_ms']:.0f} ms")
    print(f"  load average (1 min):         {figures['load_average']:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Torch never enters the app process: a torch drill graded through the real TUI (``run_test`` + Pilot)
computes its expected outputs in the trusted compute process. Run in a fresh interpreter, since the test
process itself may have imported torch for other tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.xdist_group("sandbox")

SCRIPT = textwrap.dedent("""
    import asyncio, json, sys
    from pathlib import Path

    from textual.widgets import TextArea

    from dlprep.drills import reference_source
    from dlprep.services import open_services
    from dlprep.tui.app import DlprepApp
    from dlprep.tui.screens.drill import DrillScreen

    DRILL = sys.argv[2]


    async def main():
        app = DlprepApp(open_services(Path(sys.argv[1])))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = DrillScreen(app.services, DRILL)
            await app.push_screen(screen)
            await pilot.pause()
            screen.query_one("#editor", TextArea).load_text(reference_source(DRILL))
            await pilot.press("ctrl+r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            status = screen.last_outcome.result.status if screen.last_outcome else None
            compute_pid = getattr(getattr(app.services, "compute", None), "pid", None)
        print(json.dumps({"status": status, "torch": "torch" in sys.modules, "numpy": "numpy" in sys.modules,
                          "compute_pid": compute_pid}))


    asyncio.run(main())
""")


def test_grading_a_torch_drill_in_the_tui_never_imports_torch_in_the_app(tmp_path: Path) -> None:
    script = tmp_path / "run_app.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "DLPREP_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, str(script), str(tmp_path / "home"), "group_norm"], capture_output=True,
                         text=True, env=env, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["status"] == "pass", report
    assert report["torch"] is False, "torch was imported into the app process"
    assert report["compute_pid"] is not None and report["compute_pid"] != os.getpid()

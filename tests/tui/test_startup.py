"""The app reaches its first screen without importing torch or numpy (they cost seconds to import)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path


def test_first_screen_without_torch(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import json, sys
        from dlprep.tui.app import DlprepApp

        async def auto_pilot(pilot):
            await pilot.pause()
            screen = pilot.app.screen
            ok = type(screen).__name__ == "DashboardScreen" and len(screen.query_one("#decks").rows) > 20
            print(json.dumps({"dashboard": ok, "torch": "torch" in sys.modules, "numpy": "numpy" in sys.modules}))
            pilot.app.exit()

        DlprepApp().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
        """
    )
    env = {**os.environ, "DLPREP_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state == {"dashboard": True, "torch": False, "numpy": False}


def test_a_database_that_cannot_be_opened_is_reported_before_any_screen(tmp_path: Path) -> None:
    (tmp_path / "progress.db").write_bytes(b"this is not a database, it is a note" * 100)
    env = {**os.environ, "DLPREP_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "dlprep"], capture_output=True, text=True, env=env, timeout=120,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stderr.startswith(f"dlprep: {tmp_path / 'progress.db'}: ")
    assert "not a dlprep progress database" in result.stderr and "Traceback" not in result.stderr

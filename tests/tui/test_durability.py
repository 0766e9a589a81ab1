"""A rating survives the process being killed with SIGKILL straight after it is given."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path


def test_rating_survives_kill_9(tmp_path: Path, deck_folder: Path) -> None:
    decks = deck_folder
    home = tmp_path / "home"
    script = textwrap.dedent(
        f"""
        import asyncio, os, signal
        from dlprep.services import open_services
        from dlprep.tui.app import DlprepApp

        async def main():
            app = DlprepApp(open_services({str(home)!r}, {str(decks)!r}))
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.press("r", "space", "3")
                await pilot.pause()
                os.kill(os.getpid(), signal.SIGKILL)

        asyncio.run(main())
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    with sqlite3.connect(home / "progress.db") as conn:
        rows = conn.execute("SELECT card_id, rating FROM reviews").fetchall()
    assert rows == [("norm-basic", 3)]
    assert not os.path.exists(home / "progress.db-journal")

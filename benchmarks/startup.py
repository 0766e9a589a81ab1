"""Time from process start to the first screen, and resident memory, for dlprep and a minimal Textual app.

Each run is a fresh ``python`` process that builds the app, runs it headless, and reports as soon as the
first screen has been composed and refreshed. dlprep runs against a data home that already holds the
built-in decks (the usual case); the first-ever start, which also creates the database, is timed apart.
Runs alternate between the two apps so that load on the machine affects both alike.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, os, sys, time
kind = sys.argv[1]

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

if kind == "dlprep":
    from dlprep.tui.app import DlprepApp as AppClass
    from dlprep.tui.screens.dashboard import DashboardScreen
    ready_screen = DashboardScreen
else:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class AppClass(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("hello")
            yield Footer()
    ready_screen = None

async def auto_pilot(pilot):
    app = pilot.app
    while ready_screen is not None and not isinstance(app.screen, ready_screen):
        await pilot.pause(0.001)
    await pilot.pause()
    result = {"rss_mb": rss_mb(), "torch": "torch" in sys.modules, "numpy": "numpy" in sys.modules}
    print("READY " + json.dumps(result), flush=True)
    app.exit()

AppClass().run(headless=True, size=(100, 30), auto_pilot=auto_pilot)
"""


def one_run(kind: str, home: str) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind],
        stdout=subprocess.PIPE,
        text=True,
        env={"DLPREP_HOME": home, "PATH": "/usr/bin:/bin", "HOME": home, "TERM": "xterm-256color"},
    )
    ready = None
    for line in proc.stdout:
        if line.startswith("READY "):
            ready = time.perf_counter() - start
            info = json.loads(line[6:])
    proc.wait()
    if ready is None:
        raise SystemExit(f"{kind} did not reach its first screen (exit {proc.returncode})")
    return {"seconds": ready, **info}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        first = one_run("dlprep", home)  # creates progress.db and syncs the decks
        runs: dict[str, list[dict]] = {"minimal": [], "dlprep": []}
        for _ in range(args.runs):
            for kind in ("minimal", "dlprep"):
                runs[kind].append(one_run(kind, home))
        cards = None
        db = Path(home) / "progress.db"
        if db.exists():
            import sqlite3

            with sqlite3.connect(db) as conn:
                cards = conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    rss = {k: statistics.median(r["rss_mb"] for r in v) for k, v in runs.items()}
    print(f"runs per app: {args.runs} (alternating), cards in the database: {cards}")
    print(f"minimal Textual app : first screen {med['minimal'] * 1000:7.0f} ms   RSS {rss['minimal']:6.1f} MB")
    print(f"dlprep dashboard    : first screen {med['dlprep'] * 1000:7.0f} ms   RSS {rss['dlprep']:6.1f} MB")
    print(f"ratio dlprep / minimal: {med['dlprep'] / med['minimal']:.2f}x (aim: <= 1.5x); RSS aim: < 150 MB")
    print(f"first-ever start (creates the database): {first['seconds'] * 1000:.0f} ms")
    imported = runs["dlprep"][-1]
    print(f"torch imported at first screen: {imported['torch']}; numpy imported: {imported['numpy']}")


if __name__ == "__main__":
    main()

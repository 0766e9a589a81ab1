"""Wait until the app's workers are done, when a newer worker of an exclusive group may cancel an older one."""

from __future__ import annotations

from textual.app import App
from textual.worker import WorkerCancelled


async def settle(app: App, rounds: int = 20) -> None:
    """Wait for every worker; a worker cancelled by a newer one of its exclusive group is not a failure (the
    dashboard's refresh starts a new plan worker whenever it counts again, e.g. after the drills sync)."""
    for _ in range(rounds):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue
    raise AssertionError(f"workers still being cancelled after {rounds} rounds")

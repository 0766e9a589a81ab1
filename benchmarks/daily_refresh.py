"""What the dashboard's 30-second refresh and the review's top line cost, on the built-in decks.

The dashboard re-counts while it is on top (every 30 s and when the terminal regains focus); the review
counts what remains before each card. Both call the study service only. Prints the median of many runs.

    python benchmarks/daily_refresh.py [--runs 31]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from dlprep.services import open_services

KINDS = ("basic", "cloze", "mc", "explain")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        services = open_services(Path(home))
        study = services.study

        def dashboard() -> None:
            study.deck_counts(kinds=KINDS)
            study.queue(kinds=KINDS)
            study.queue(kinds=("drill",))
            study.streak()
            study.reviews_today()
            study.leeches()

        def review_line() -> None:
            study.queue(None, kinds=KINDS)
            study.deck_counts(kinds=KINDS)

        cards = services.store.query("SELECT COUNT(*) AS n FROM cards")[0]["n"]
        for name, step in (("dashboard refresh", dashboard), ("review top line", review_line)):
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                step()
                times.append((time.perf_counter() - start) * 1000)
            print(f"{name:18} median {statistics.median(times):6.1f} ms  min {min(times):6.1f} ms"
                  f"  ({cards} cards, {runs} runs)")
        services.close()


if __name__ == "__main__":
    main()

"""The first torch grade after opening the app, against a warm one plus torch's own import.

Prints figures; never asserts. Usage: ``python benchmarks/first_torch_grade.py [--rounds N] [--drill ID]``.

Each round does what the TUI does: open the services, start the compute process as after the first paint
(then the person takes ``--idle`` seconds to reach the drill), open the drill: make the drill screen's
grader and start its warm-up thread (worker + torch, expected outputs), and press ctrl+r at that same
moment, so the first grade finds the worker and torch both cold; then grade ``--warm`` more times. The
target is first <= 1.5 x warm + import, where import is a fresh ``python -c 'import torch'`` measured in
the same run. This process never imports torch: the figures say so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dlprep.drills import reference_source  # noqa: E402
from dlprep.grading import Grader  # noqa: E402
from dlprep.services import open_services  # noqa: E402


def torch_import_ms() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], check=True)
    return (time.perf_counter() - started) * 1000


def one_round(drill: str, idle: float, warm_rounds: int) -> tuple[float, float]:
    home = Path(tempfile.mkdtemp(prefix="dlprep-bench-"))
    services = open_services(home)
    services.start_helpers()  # the app does this right after its first paint
    time.sleep(idle)
    grader = Grader(compute=services.compute)
    code = reference_source(drill)
    try:
        started = time.perf_counter()
        warm_up = threading.Thread(target=lambda: (grader.warm_up("torch"), grader.prepared(drill)), daemon=True)
        warm_up.start()  # the drill screen's warm-up, started as it opens
        result = grader.grade(drill, code)
        first = (time.perf_counter() - started) * 1000
        assert result.status == "pass", result.message
        warm_up.join()
        warm = []
        for _ in range(warm_rounds):
            time.sleep(0.2)
            started = time.perf_counter()
            grader.grade(drill, code)
            warm.append((time.perf_counter() - started) * 1000)
    finally:
        grader.close()
        services.close()
    return first, statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--drill", default="group_norm")
    parser.add_argument("--idle", type=float, default=1.0, help="seconds between the first paint and ctrl+r")
    parser.add_argument("--warm", type=int, default=10)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; drill {args.drill}")
    for n in range(args.rounds):
        imports = torch_import_ms()
        first, warm = one_round(args.drill, args.idle, args.warm)
        budget = 1.5 * warm + imports
        print(f"round {n + 1}: first grade {first:7.0f} ms; warm grade {warm:5.1f} ms median; fresh "
              f"`import torch` {imports:6.0f} ms; 1.5 x warm + import = {budget:6.0f} ms; "
              f"first / that = {first / budget:.2f}")
    print(f"torch imported into this (the app's) process: {'torch' in sys.modules}")


if __name__ == "__main__":
    main()

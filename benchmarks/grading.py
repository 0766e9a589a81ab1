"""Grading speed: warm-worker overhead against the naive fresh-process baseline, and `dlprep check` cold start.

Prints figures; never asserts. Usage: ``python benchmarks/grading.py [--rounds N] [--torch-drill ID]``.

- warm grade: ``Grader.grade(drill, reference)`` end to end, worker warm and expected outputs cached;
  overhead = end-to-end minus the time the same cases take in-process (the reference called directly).
- naive baseline: a fresh ``python`` per submission that imports numpy (or torch), runs the cases and
  exits, without any isolation; the ratio is baseline / warm end-to-end, measured in the same run.
- cold check: ``dlprep check conv2d solutions/conv2d.py`` as a new process, wall clock.
"""

from __future__ import annotations

import argparse
import copy
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dlprep.drills import get_drill, load_drills, reference_source  # noqa: E402
from dlprep.grading import Grader  # noqa: E402
from dlprep.grading.harness import run_case  # noqa: E402

BASELINE = """
import pickle, sys, time
import {module}
cases = pickle.load(open(sys.argv[1], "rb"))
namespace = {{}}
exec(compile(open(sys.argv[2]).read(), "submission.py", "exec"), namespace)
sys.path.insert(0, sys.argv[4])
from dlprep.grading.harness import run_case
for case in cases:
    run_case(namespace[sys.argv[3]], case, "{kind}", "{framework}")
"""


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def in_process_ms(grader: Grader, drill_id: str, rounds: int) -> float:
    from dlprep.drills import load_reference

    prep = grader.prepared(drill_id)
    reference = load_reference(prep.spec)
    if prep.spec.framework == "torch":
        import torch

        torch.set_num_threads(1)  # as in the sandbox child
    times = []
    for _ in range(rounds):
        cases = [copy.deepcopy(c) for c in prep.cases]
        started = time.perf_counter()
        for case in cases:
            run_case(reference, case, prep.spec.kind, prep.spec.framework)
        times.append(time.perf_counter() - started)
    return median_ms(times)


def warm_grade(grader: Grader, drill_id: str, rounds: int, pause: float) -> tuple[float, float]:
    """Median and best end-to-end grade; ``pause`` seconds between grades (a person edits between runs,
    which lets the worker prepare the next sandbox; 0 measures back-to-back grading)."""
    code = reference_source(drill_id)
    for _ in range(3):
        result = grader.grade(drill_id, code)
        assert result.status == "pass", result.message
    times = []
    for _ in range(rounds):
        time.sleep(pause)
        started = time.perf_counter()
        grader.grade(drill_id, code)
        times.append(time.perf_counter() - started)
    return median_ms(times), min(times) * 1000


def baseline(grader: Grader, drill_id: str, rounds: int) -> float:
    prep = grader.prepared(drill_id)
    spec = prep.spec
    module = "torch" if spec.framework == "torch" else "numpy"
    with tempfile.TemporaryDirectory() as tmp:
        cases_file, script = Path(tmp) / "cases.pkl", Path(tmp) / "run.py"
        cases_file.write_bytes(pickle.dumps(prep.cases))
        script.write_text(BASELINE.format(module=module, kind=spec.kind, framework=spec.framework))
        code_file = Path(tmp) / "submission.py"
        code_file.write_text(reference_source(drill_id))
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            subprocess.run([sys.executable, str(script), str(cases_file), str(code_file), spec.entry, str(ROOT)],
                           check=True)
            times.append(time.perf_counter() - started)
    return median_ms(times)


def cold_check(rounds: int) -> list[float]:
    env = dict(os.environ)
    env.setdefault("DLPREP_HOME", tempfile.mkdtemp(prefix="dlprep-bench-"))
    dlprep = Path(sys.executable).parent / "dlprep"
    command = [str(dlprep)] if dlprep.exists() else [sys.executable, "-m", "dlprep"]
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run = subprocess.run([*command, "check", "conv2d", str(ROOT / "solutions" / "conv2d.py")], env=env,
                             capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        assert run.returncode == 0, run.stdout + run.stderr
    return times


def pick_torch_drill(requested: str | None) -> str | None:
    if requested:
        return requested
    drills, _ = load_drills()
    torch_ids = [d.id for d in drills if d.framework == "torch" and d.kind == "function"]
    for preferred in ("group_norm", "multi_head_attention", "lstm_cell"):
        if preferred in torch_ids:
            return preferred
    return torch_ids[0] if torch_ids else None


def report(grader: Grader, drill_id: str, rounds: int, baseline_rounds: int) -> None:
    spec = get_drill(drill_id)
    inproc = in_process_ms(grader, drill_id, rounds)
    naive = baseline(grader, drill_id, baseline_rounds)
    cases = len(grader.prepared(drill_id).cases)
    print(f"{drill_id} ({spec.framework}, {cases} cases); in-process cases {inproc:.1f} ms median; naive baseline "
          f"{naive:.1f} ms median (fresh python importing {spec.framework}, {baseline_rounds} runs)")
    for label, pause in (("0.2 s between grades", 0.2), ("back to back", 0.0)):
        e2e, best = warm_grade(grader, drill_id, rounds, pause)
        print(f"  {label:21} end-to-end median {e2e:6.1f} ms (best {best:5.1f}), overhead {e2e - inproc:6.1f} ms,"
              f" baseline/warm {naive / e2e:5.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--baseline-rounds", type=int, default=5)
    parser.add_argument("--torch-drill", default=None)
    args = parser.parse_args()
    os.environ.setdefault("DLPREP_HOME", tempfile.mkdtemp(prefix="dlprep-bench-"))
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    grader = Grader()
    try:
        report(grader, "conv2d", args.rounds, args.baseline_rounds)
        torch_drill = pick_torch_drill(args.torch_drill)
        if torch_drill:
            started = time.perf_counter()
            grader.warm_up("torch")
            print(f"(worker imported torch in {(time.perf_counter() - started) * 1000:.0f} ms)")
            report(grader, torch_drill, args.rounds, args.baseline_rounds)
    finally:
        grader.close()
    library = Grader()
    try:
        drills, _ = load_drills()
        library.warm_up("torch")
        started = time.perf_counter()
        statuses = [library.grade(d.id, reference_source(d.id)).status for d in drills]
        elapsed = time.perf_counter() - started
    finally:
        library.close()
    print(f"whole library: {len(drills)} references graded through one warm worker in {elapsed:.1f} s "
          f"(first grade of each drill, expected outputs included; {statuses.count('pass')} pass)")
    times = cold_check(args.baseline_rounds)
    print(f"dlprep check conv2d (cold start, {len(times)} runs): median {median_ms(times):.0f} ms, "
          f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

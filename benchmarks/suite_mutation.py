"""How many realistic bugs would the test suite catch? Mutation testing of the core packages with mutmut.

For each package below, the script copies the tracked files of the checkout into a scratch folder, writes a
``[mutmut]`` section that mutates only that package and runs only its fast tests, runs ``mutmut run``, and reads
the results from ``mutmut export-cicd-stats``. It prints one line per package (killed / total, score, surviving
mutants) and, with ``--survivors``, the names of the surviving mutants (``mutmut show NAME`` in the scratch
folder prints a survivor's diff; pass ``--keep`` to keep the folder).

    python benchmarks/suite_mutation.py [--package srs ...] [--jobs 2] [--survivors] [--json]

Slow (minutes per package): it is not part of ``make test``. ``make mutate`` runs it; docs/testing.md says when.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# package name -> (files or globs to mutate, the fast tests that cover them)
PACKAGES: dict[str, tuple[list[str], list[str]]] = {
    "srs": (["dlprep/srs/*"], ["tests/srs", "tests/quiz/test_quiz_regressions.py"]),
    "store": (["dlprep/store/*"], ["tests/store"]),
    "content": (["dlprep/content/parser.py", "dlprep/content/cloze.py", "dlprep/content/model.py"],
                ["tests/content/test_parser.py", "tests/content/test_derived_ids.py",
                 "tests/content/test_parser_errors.py", "tests/content/test_parser_cards.py",
                 "tests/content/test_cloze_spans.py", "tests/content/test_model_cards.py"]),
    "compare": (["dlprep/grading/compare.py"],
                ["tests/grading/test_compare.py", "tests/grading/test_compare_edges.py",
                 "tests/grading/test_compare_messages.py"]),
    "wire": (["dlprep/grading/wire.py"], ["tests/grading/test_wire_and_npy.py", "tests/grading/test_wire_frames.py"]),
    "answers": (["dlprep/quiz/answers.py"], ["tests/quiz/test_quiz_answers.py", "tests/quiz/test_quiz_regressions.py"]),
    "stats": (["dlprep/reports/stats.py"], ["tests/reports/test_stats.py", "tests/reports/test_stats_sql.py"]),
    "typed": (["dlprep/answers/keypoints.py", "dlprep/answers/glossary.py", "dlprep/quiz/typed.py"],
              ["tests/answers/test_keypoints.py", "tests/answers/test_keypoint_scores.py",
               "tests/answers/test_glossary.py", "tests/quiz/test_typed_answers.py",
               "tests/quiz/test_typed_verdicts.py"]),
}


def tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line]


def scratch_copy(dest: Path) -> None:
    for name in tracked_files():
        source = ROOT / name
        if not source.is_file():
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def write_config(dest: Path, mutate: list[str], tests: list[str]) -> None:
    existing = [t for t in tests if (dest / t).exists()]
    def listing(values: list[str]) -> str:
        return "".join(f"\n    {value}" for value in values)

    lines = [
        "[mutmut]",
        "source_paths=" + listing(["dlprep"]),
        "only_mutate=" + listing(mutate),
        "pytest_add_cli_args_test_selection=" + listing(existing),
        "pytest_add_cli_args=" + listing(["-p", "no:cacheprovider", "-q", "-x", "--timeout=120"]),
        "also_copy=" + listing(["content", "drills", "solutions", "benchmarks"]),
        "use_git_change_detection=False",
    ]
    (dest / "setup.cfg").write_text("\n".join(lines) + "\n", encoding="utf-8")


def mutmut(dest: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(dest))
    command = [sys.executable, "-m", "mutmut", *args]
    return subprocess.run(command, cwd=dest, env=env, capture_output=True, text=True)


ACCEPTED = ROOT / "benchmarks" / "mutation_accepted"


def accepted(name: str) -> dict[str, str]:
    """The survivors reviewed and accepted for a package: ``benchmarks/mutation_accepted/<name>.txt``.

    One mutant per line, its name, then the reason it is equivalent or an accepted gap; ``#`` starts a comment.
    """
    path = ACCEPTED / f"{name}.txt"
    if not path.exists():
        return {}
    entries = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        mutant, _, reason = line.partition(" ")
        if not reason.strip():
            raise SystemExit(f"{path}:{number}: {mutant} has no reason")
        entries[mutant] = reason.strip()
    return entries


def survivors(dest: Path) -> list[str]:
    listing = mutmut(dest, "results").stdout
    return [line.strip().split(":")[0] for line in listing.splitlines() if line.strip().endswith(": survived")]


def run_package(name: str, jobs: int, keep: bool) -> dict:
    mutate, tests = PACKAGES[name]
    dest = Path(tempfile.mkdtemp(prefix=f"dlprep-mutate-{name}-"))
    started = time.monotonic()
    try:
        scratch_copy(dest)
        write_config(dest, mutate, tests)
        run = mutmut(dest, "run", "--max-children", str(jobs))
        stats_run = mutmut(dest, "export-cicd-stats")
        stats_file = dest / "mutants" / "mutmut-cicd-stats.json"
        if not stats_file.exists():
            return {"package": name, "error": (run.stderr or run.stdout or stats_run.stdout)[-2000:]}
        stats = json.loads(stats_file.read_text())
        killed, total = stats.get("killed", 0), stats.get("total", 0)
        left = survivors(dest)
        reviewed = accepted(name)
        excused = [mutant for mutant in left if mutant in reviewed]
        counted = total - len(excused)
        return {
            "package": name,
            "killed": killed,
            "survived": stats.get("survived", 0),
            "timeout": stats.get("timeout", 0),
            "no_tests": stats.get("no_tests", 0),
            "total": total,
            "score": round(killed / total, 3) if total else None,
            "accepted": len(excused),
            "score_reviewed": round(killed / counted, 3) if counted else None,
            "survivors": [mutant for mutant in left if mutant not in reviewed],
            "stale_accepted": sorted(set(reviewed) - set(left)),
            "minutes": round((time.monotonic() - started) / 60, 1),
            "folder": str(dest) if keep else None,
        }
    finally:
        if not keep:
            shutil.rmtree(dest, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package", action="append", choices=sorted(PACKAGES), help="default: all of them")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    parser.add_argument("--keep", action="store_true", help="keep each scratch folder for `mutmut show`")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = []
    for name in args.package or list(PACKAGES):
        result = run_package(name, args.jobs, args.keep)
        results.append(result)
        if args.json:
            continue
        if "error" in result:
            print(f"{name:8} could not run: {result['error'].strip().splitlines()[-1:]}")
            continue
        score = f"{100 * result['score']:.0f}%" if result["score"] is not None else "n/a"
        reviewed = f"{100 * result['score_reviewed']:.0f}%" if result["score_reviewed"] is not None else "n/a"
        print(f"{name:8} {result['killed']:4} killed of {result['total']:4} ({score}); "
              f"{result['survived']} survived ({result['accepted']} accepted as equivalent or a known gap: "
              f"{reviewed} of the rest killed), {result['timeout']} timed out, {result['no_tests']} untested; "
              f"{result['minutes']} min")
        if args.survivors:
            for mutant in result["survivors"]:
                print(f"           survived: {mutant}")
        for mutant in result["stale_accepted"]:
            print(f"           accepted but no longer surviving (remove from the list): {mutant}")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

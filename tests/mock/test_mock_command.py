"""``dlprep mock --answers FILE --json`` from the shell: a scripted mock, stored, rated and reported."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def dlprep(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, DLPREP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "dlprep", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_a_scripted_mock_prints_its_report_and_stores_it(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"rapid": ["a", "b", "no idea", "c", "a", "b", "c", "d"],
                                   "concepts": ["I don't know.", "No idea either."]}), encoding="utf-8")
    done = dlprep(tmp_path, "mock", "--seed", "11", "--answers", str(answers), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert list(report["parts"]) == ["rapid", "concepts", "coding"]
    rapid = report["parts"]["rapid"]
    assert 6 <= rapid["questions"] <= 8 and rapid["answered"] == rapid["questions"]
    assert report["parts"]["concepts"]["score"] == 0.0 and report["parts"]["coding"]["answered"] == 0
    assert 0.0 <= report["overall"] <= rapid["score"]
    with sqlite3.connect(tmp_path / "progress.db") as db:
        assert db.execute("SELECT status FROM mock_sessions").fetchall() == [("finished",)]
        rated = db.execute("SELECT COUNT(*) FROM reviews WHERE source = 'mock'").fetchone()[0]
    assert rated == rapid["answered"] + report["parts"]["concepts"]["answered"]  # unanswered ones are not rated
    again = dlprep(tmp_path, "mock", "--seed", "11", "--answers", str(answers))
    assert again.returncode == 0 and again.stdout.startswith("Mock interview: ")


def test_bad_answers_file_and_bad_section_get_one_line_errors(tmp_path: Path) -> None:
    missing = dlprep(tmp_path, "mock", "--answers", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot read the answers" in missing.stderr and "Traceback" not in missing.stderr
    section = dlprep(tmp_path, "mock", "--section", "No such section", "--answers", str(tmp_path / "nope.json"))
    assert section.returncode == 2 and "nothing to ask" in section.stderr

"""`dlprep check` exit status: 1 whenever the submission was graded and did not pass (fail or error)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlprep.paths import drills_dir

pytestmark = pytest.mark.xdist_group("sandbox")


def _check(tmp_path: Path, code: str, *extra: str) -> subprocess.CompletedProcess:
    (tmp_path / "mine.py").write_text(code)
    env = {**os.environ, "DLPREP_HOME": str(tmp_path / "home")}
    return subprocess.run([sys.executable, "-m", "dlprep", "check", "softmax", str(tmp_path / "mine.py"), *extra],
                          capture_output=True, text=True, env=env, timeout=120)


def test_a_syntax_error_is_an_error_verdict_and_exits_1(tmp_path: Path) -> None:
    run = _check(tmp_path, "def softmax(x, axis=-1):\n    return (x\n")
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("ERROR softmax:")
    assert "SyntaxError" in run.stdout


def test_not_implemented_is_an_error_verdict_and_exits_1(tmp_path: Path) -> None:
    run = _check(tmp_path, (drills_dir() / "softmax" / "starter.py").read_text())
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("ERROR softmax: softmax is not implemented yet")


def test_help_states_the_exit_codes_as_the_docs_do() -> None:
    command = [sys.executable, "-m", "dlprep", "check", "--help"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert "exit 0 pass, 1 fail or error in your code, 2 could not grade" in " ".join(run.stdout.split())
    docs = (Path(__file__).resolve().parents[2] / "docs" / "drill-format.md").read_text()
    assert "exits 0 for `pass`, 1 for `fail` and for `error` alike" in docs
    assert "2 only when it could not grade" in docs

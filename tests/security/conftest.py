"""Shared fixtures for the hostile suites: a data home with a canary setting, one warm grader, and the
checks that follow every hostile submission (the next correct file passes, no process or file is left,
the database and the references are unchanged)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from dlprep.grading import Grader
from dlprep.paths import solutions_dir
from dlprep.store import open_store
from tests.conftest import describe_processes

DRILL = "conv2d"
CANARY = "pwned_by_submission.py"
SECRET = "dlprep-secret-token-9f1c2e"  # set in the app's environment; no sandbox may ever see it


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(path))
        store = open_store(path / "progress.db")
        with store.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('canary', '\"kept\"')")
        store.close()
        yield path


@pytest.fixture(scope="module")
def grader(home: Path):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLPREP_HOME", str(home))
        mp.setenv("DLPREP_API_TOKEN", SECRET)
        g = Grader(time_budget_s=2.0)
        g.start()
        yield g
        g.close()


@pytest.fixture(scope="module")
def reference() -> str:
    return (solutions_dir() / f"{DRILL}.py").read_text()


@pytest.fixture(autouse=True)
def no_canary_left():
    """A submission that managed to write into solutions/ must not leave its file for the next test."""
    canary = solutions_dir() / CANARY
    existed = canary.exists()
    yield
    if canary.exists() and not existed:
        canary.unlink()


def digest(paths: list[Path]) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}


def files_left(temp_root: str) -> list[str]:
    """Anything under a worker's temp root but its lock and the empty mount points of live sandboxes."""
    left = []
    for folder, dirs, files in os.walk(temp_root):
        left += [os.path.join(folder, f) for f in files if not (folder == temp_root and f == ".lock")]
        if folder != temp_root:
            left += [os.path.join(folder, d) for d in dirs]
    return left


class Watch:
    """What must hold after a hostile grade: taken before it, checked after it."""

    def __init__(self, grader: Grader, home: Path, reference: str, leftover_processes) -> None:  # noqa: ANN001
        self.grader, self.home, self.reference, self.leftover = grader, home, reference, leftover_processes
        self.worker_pid = grader._worker().pid
        self.watched = [*sorted(solutions_dir().glob("*.py")), home / "progress.db"]
        self.before = digest(self.watched)

    def check(self) -> None:
        client = self.grader._worker()
        left = self.leftover(client)
        assert left == [], f"a sandbox process outlived the grade: {describe_processes(left)}"
        assert client.pid == self.worker_pid, "the warm worker was replaced"
        assert digest(self.watched) == self.before
        assert not (solutions_dir() / CANARY).exists()
        temp_root = client.ping()["temp_root"]
        assert files_left(temp_root) == [], "the grade left files on disk"
        again = self.grader.grade(DRILL, self.reference)
        assert again.status == "pass", again.message


@pytest.fixture
def watch_for(grader: Grader, home: Path, reference: str, leftover_processes):
    """``watch_for()`` (or ``watch_for(other_grader)``) before a hostile grade; ``.check()`` after it."""
    return lambda g=None: Watch(g or grader, home, reference, leftover_processes)

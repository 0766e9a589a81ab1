"""Shared fixtures: a private data home for every test, a real store, and a fake clock."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dlprep.store import Store, open_store
from dlprep.store.migrations import MIGRATIONS


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real data home."""
    home = tmp_path / "home"
    monkeypatch.setenv("DLPREP_HOME", str(home))
    return home


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "progress.db")
    yield s
    s.close()


class FakeClock:
    """A settable clock returning aware UTC datetimes."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **kwargs: float) -> None:
        self.moment += timedelta(**kwargs)


@pytest.fixture
def fake_clock() -> FakeClock:
    random.seed(7)
    return FakeClock(datetime(2026, 3, 2, 12, 0, tzinfo=UTC))


@pytest.fixture
def open_test_store():
    """Open extra stores (e.g. a second instance on the same file); all are closed afterwards."""
    opened: list[Store] = []

    def _open(path: Path) -> Store:
        s = open_store(path)
        opened.append(s)
        return s

    yield _open
    for s in opened:
        s.close()


def _descendants(root: int) -> list[int]:
    """Every process below ``root``, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def old_schema(path: Path, version: int) -> sqlite3.Connection:
    """A new database file with the schema of ``version`` as an older dlprep left it, open for the caller to fill
    (the caller commits and closes)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for step in MIGRATIONS[:version]:
        for statement in step:
            conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
    return conn


def describe_processes(pids: list[int]) -> str:
    """What each process is doing, for a failure message: name, state, parent, kernel wait channel, command."""
    out = []
    for pid in pids:
        try:
            proc = Path(f"/proc/{pid}")
            status = dict(line.split(":", 1) for line in (proc / "status").read_text().splitlines() if ":" in line)
            wchan = (proc / "wchan").read_text()
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError as exc:
            out.append(f"{pid}: gone ({exc.__class__.__name__})")
            continue
        fields = " ".join(f"{k}={status.get(k, '?').strip()}" for k in ("Name", "State", "PPid", "Threads"))
        out.append(f"{pid}: {fields} wchan={wchan or '-'} cmd={cmd[:120]!r}")
    return "; ".join(out)


@pytest.fixture
def leftover_processes():
    """A function: processes under a grading worker other than its idle standby sandbox, once reaping settles."""

    def _leftover(client) -> list[int]:
        deadline = time.monotonic() + 10.0  # reaping is asynchronous; a loaded machine (CI) can take seconds
        while True:
            pong = client.ping()
            left = sorted(set(_descendants(client.pid)) - set(pong["standby"]))
            if not left or time.monotonic() > deadline:
                return left
            time.sleep(0.05)

    return _leftover


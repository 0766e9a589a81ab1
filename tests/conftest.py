"""Shared fixtures: a private data home for every test, a real store, and a fake clock."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dlprep.store import Store, open_store


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

"""A small deck with every card kind, a fake clock and timer, and services on a real database."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from dlprep.drills.practice import DrillPractice
from dlprep.mock import MockService
from dlprep.services import open_services
from dlprep.srs import StudySettings
from tests.quiz.conftest import NORMALIZATION, OTHER, Ticker

EXPLAIN = """---
deck: Transformers
section: Attention
---

<!-- id: m-explain-ln -->
[explain] Why do transformers use layer norm instead of batch norm?
- layer norm normalizes each token over its own features, so it does not depend on the batch
- sequences in a batch have different lengths: batch statistics would mix in padding

<!-- id: m-explain-warmup -->
[explain] Why use a learning-rate warmup?
- early gradients are large and erratic, so full-size steps can diverge
- Adam's second-moment estimate is unreliable in the first steps
"""


@pytest.fixture
def ticker() -> Ticker:
    return Ticker()


@pytest.fixture
def services(tmp_path: Path, ticker: Ticker, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "normalization.md").write_text(NORMALIZATION, encoding="utf-8")
    (folder / "optimizers.md").write_text(OTHER, encoding="utf-8")
    (folder / "transformers.md").write_text(EXPLAIN, encoding="utf-8")
    made = open_services(tmp_path / "home", folder, settings=StudySettings(fuzz=False), now=ticker.now, tz=UTC)
    yield made
    made.close()


@pytest.fixture
def practice(services, tmp_path: Path) -> DrillPractice:
    p = DrillPractice(services.store, services.study, workspace=tmp_path / "ws")
    p.sync()
    return p


@pytest.fixture
def mocks(services, practice, ticker: Ticker) -> MockService:
    return MockService(services.store, services.study, practice=practice, timer=ticker.timer)

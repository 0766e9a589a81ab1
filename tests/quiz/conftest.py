"""A small fixed pair of decks, a fake clock and timer, and services on a real database in tmp_path."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dlprep.quiz import QuizService
from dlprep.services import open_services
from dlprep.srs import StudySettings

NORMALIZATION = """---
deck: Normalization
section: Batch Normalization
---

<!-- id: q-mc-layer -->
[mc] Which normalization does not depend on the batch size?
- [ ] Batch norm
- [x] Layer norm
- [ ] Neither
> Layer norm normalizes each example over its own features.

<!-- id: q-mc-denominator -->
[mc] What does batch norm divide the centred input by?
- [ ] $\\sigma + \\epsilon$
- [x] $\\sqrt{\\sigma^2 + \\epsilon}$
> The epsilon goes under the square root, added to the variance.

<!-- id: q-basic-scale -->
Which learned parameter scales the normalized activations?::$\\gamma$

<!-- id: q-basic-long -->
Why use the biased variance to normalize?::It is the exact statistic of the batch being normalized, not an estimate.

<!-- id: q-cloze -->
Batch norm learns ==two parameters== per channel: a scale and a ==shift==.

<!-- id: q-explain -->
[explain] Why does batch norm allow larger learning rates?
- it keeps pre-activations in a stable range
- it smooths the loss landscape
"""

OTHER = """---
deck: Optimizers
section: ADAM optimizer
---

<!-- id: q-adam -->
[mc] Adam keeps running averages of what?
- [x] The gradient and the squared gradient
- [ ] The weights and the learning rate
"""


class Ticker:
    """A fake monotonic timer (seconds) and a fake UTC clock that move together."""

    def __init__(self) -> None:
        self.seconds = 100.0
        self.start = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

    def timer(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds - 100.0)

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


@pytest.fixture
def ticker() -> Ticker:
    random.seed(7)
    return Ticker()


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "normalization.md").write_text(NORMALIZATION, encoding="utf-8")
    (folder / "optimizers.md").write_text(OTHER, encoding="utf-8")
    return folder


@pytest.fixture
def services(tmp_path: Path, deck_folder: Path, ticker: Ticker, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path / "home"))
    made = open_services(tmp_path / "home", deck_folder, settings=StudySettings(fuzz=False), now=ticker.now, tz=UTC)
    yield made
    made.close()


@pytest.fixture
def quiz(services, ticker: Ticker) -> QuizService:
    return QuizService(services.store, services.study, rng=random.Random(3), timer=ticker.timer)

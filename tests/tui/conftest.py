"""A small, fixed deck folder and an app factory for the TUI tests (the built-in decks keep changing)."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from dlprep.services import open_services
from dlprep.srs import StudySettings
from dlprep.tui.app import DlprepApp

DECK = """---
deck: Normalization
section: Batch Normalization
---

<!-- id: norm-basic -->
What does batch norm average over in a conv layer?::The batch and both spatial axes, per channel.

<!-- id: norm-mc -->
[mc] Which normalization does not depend on the batch size?
- [ ] Batch norm
- [x] Layer norm
- [ ] Both
> Layer norm normalizes each example over its features.

<!-- id: norm-explain -->
[explain] Why does a transformer use layer norm?
- sequences differ in length
- statistics do not depend on the batch

<!-- id: norm-cloze -->
The correct denominator is ==$\\sqrt{\\sigma^2 + \\epsilon}$==.
"""


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "normalization.md").write_text(DECK, encoding="utf-8")
    return folder


@pytest.fixture
def make_app(tmp_path: Path, deck_folder: Path, fake_clock):
    """Build the real app on a real database in tmp_path with a fake clock."""
    made = []

    def _make(folder: Path | None = None) -> DlprepApp:
        services = open_services(
            tmp_path / "home", folder or deck_folder, settings=StudySettings(fuzz=False), now=fake_clock, tz=UTC
        )
        app = DlprepApp(services, seed=7)  # a fixed shuffle of multiple-choice options
        made.append(services)
        return app

    return _make

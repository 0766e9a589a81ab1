"""Fixtures of the content tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data home (``DLPREP_HOME``) under the test's temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("DLPREP_HOME", str(home))
    return home

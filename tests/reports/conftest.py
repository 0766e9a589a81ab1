"""Fixtures for the report tests."""

from __future__ import annotations

import pytest

from dlprep.store import open_store

from .history import build_history


@pytest.fixture
def history_store(tmp_path, monkeypatch):
    """A real store holding the hand-built history of ``history.py``."""
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    s = open_store(tmp_path / "p.db")
    build_history(s)
    yield s
    s.close()

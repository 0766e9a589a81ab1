"""Wiring for the front ends: open the store in the data home, load and sync the built-in decks.

The TUI and the CLI call :func:`open_services`; widgets then talk to the services it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dlprep import paths
from dlprep.content import load_decks
from dlprep.content.model import DeckIssue
from dlprep.srs import StudyService
from dlprep.store import Store, open_store


@dataclass
class Services:
    """What a front end needs: the store, the study service, and problems found in the decks."""

    store: Store
    study: StudyService
    deck_issues: list[DeckIssue] = field(default_factory=list)
    deck_count: int = 0
    empty_decks: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.store.close()


def open_services(home: Path | None = None, decks_folder: Path | None = None, **study_kwargs) -> Services:
    """Open ``progress.db`` in ``home`` (default: the data home) and sync the built-in decks into it."""
    home = Path(home) if home is not None else paths.data_home()
    store = open_store(home / "progress.db", backup_dir=home / "backups")
    try:
        from dlprep.reports.backup import maybe_daily_backup
    except ImportError:
        maybe_daily_backup = None
    study = StudyService(store, **study_kwargs)
    if maybe_daily_backup is not None:
        maybe_daily_backup(store, home / "backups", study.now())
    decks, issues = load_decks(decks_folder)
    study.sync_decks(decks)
    empty = [f"{deck.name} ({Path(deck.path).name})" for deck in decks if not deck.cards]
    return Services(store=store, study=study, deck_issues=issues, deck_count=len(decks), empty_decks=empty)

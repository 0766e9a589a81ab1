"""Wiring for the front ends: open the store in the data home, load and sync the built-in decks.

The TUI and the CLI call :func:`open_services`; widgets then talk to the services it returns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from dlprep import paths
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

    def drills_need_sync(self) -> bool:
        """True when the drill files changed since the drills were last registered as cards."""
        return self.store.get_setting(_DRILLS_KEY) != json.dumps(_drills_fingerprint())

    def mark_drills_synced(self) -> None:
        self.store.set_setting(_DRILLS_KEY, json.dumps(_drills_fingerprint()))


def open_progress_store(home: Path | None = None) -> Store:
    """The progress database of ``home`` (default: the data home), migrated, with pre-migration backups."""
    home = Path(home) if home is not None else paths.data_home()
    return open_store(home / "progress.db", backup_dir=home / "backups")


def open_services(home: Path | None = None, decks_folder: Path | None = None, **study_kwargs) -> Services:
    """Open ``progress.db`` in ``home`` (default: the data home) and sync the built-in decks into it."""
    home = Path(home) if home is not None else paths.data_home()
    store = open_progress_store(home)
    try:
        from dlprep.reports.backup import maybe_daily_backup
    except ImportError:
        maybe_daily_backup = None
    study = StudyService(store, **study_kwargs)
    if maybe_daily_backup is not None:
        maybe_daily_backup(store, home / "backups", study.now())
    folder = Path(decks_folder) if decks_folder is not None else paths.decks_dir()
    from dlprep.deck_sync import sync_folder

    summary = sync_folder(store, study, folder)
    return Services(
        store=store,
        study=study,
        deck_issues=[DeckIssue(*issue) for issue in summary["issues"]],
        deck_count=summary["deck_count"],
        empty_decks=summary["empty"],
    )


_DRILLS_KEY = "drills_synced"


def _drills_fingerprint() -> list:
    """Path, size and modification time of every drill.yaml (a drill's title and section live there)."""
    folder = paths.drills_dir()
    return [str(folder)] + [
        [p.parent.name, p.stat().st_size, p.stat().st_mtime_ns] for p in sorted(folder.glob("*/drill.yaml"))
    ]

"""Wiring for the front ends: open the store in the data home, load and sync the built-in decks.

The TUI and the CLI call :func:`open_services`; widgets then talk to the services it returns.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dlprep import paths
from dlprep.content.model import DeckIssue
from dlprep.srs import StudyService
from dlprep.store import Store, open_store

if TYPE_CHECKING:
    from dlprep.compute.client import ComputeClient


@dataclass
class Services:
    """What a front end needs: the store, the study service, and problems found in the decks."""

    store: Store
    study: StudyService
    deck_issues: list[DeckIssue] = field(default_factory=list)
    deck_count: int = 0
    empty_decks: list[str] = field(default_factory=list)
    home: Path | None = None
    _compute: ComputeClient | None = field(default=None, repr=False)

    @property
    def compute(self) -> ComputeClient:
        """The trusted compute process shared by the front end's graders (torch lives there, never here);
        created on first use, its process started by :meth:`start_helpers` or on first request."""
        if self._compute is None:
            from dlprep.compute.client import ComputeClient

            self._compute = ComputeClient()
        return self._compute

    def start_helpers(self) -> None:
        """Start the compute process without waiting (the TUI calls this after its first paint)."""
        if not os.environ.get("DLPREP_NO_WARMUP"):
            self.compute.start()

    def daily_backup(self) -> Path | None:
        """Today's copy of the database in ``backups/`` if there is none yet (see ``maybe_daily_backup``);
        safe to call from a worker thread. Returns the new copy, or None."""
        try:
            from dlprep.reports.backup import maybe_daily_backup
        except ImportError:  # a build without reports
            return None
        if self.home is None:
            return None
        return maybe_daily_backup(self.store, self.home / "backups", self.study.now())

    def close(self) -> None:
        if self._compute is not None:
            self._compute.close(wait=False)
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


def open_services(home: Path | None = None, decks_folder: Path | None = None, *, daily_backup: bool = True,
                  **study_kwargs) -> Services:
    """Open ``progress.db`` in ``home`` (default: the data home) and sync the built-in decks into it.

    With ``daily_backup`` (the command line), today's backup copy is taken first if there is none; the TUI
    passes False and calls :meth:`Services.daily_backup` from a worker after its first screen, since copying
    a large database takes seconds."""
    home = Path(home) if home is not None else paths.data_home()
    store = open_progress_store(home)
    study = StudyService(store, **study_kwargs)
    services = Services(store=store, study=study, home=home)
    if daily_backup:
        services.daily_backup()  # before the sync, like every other change of the day
    folder = Path(decks_folder) if decks_folder is not None else paths.decks_dir()
    from dlprep.deck_sync import sync_folder

    summary = sync_folder(store, study, folder)
    services.deck_issues = [DeckIssue(*issue) for issue in summary["issues"]]
    services.deck_count = summary["deck_count"]
    services.empty_decks = summary["empty"]
    return services


_DRILLS_KEY = "drills_synced"


def _drills_fingerprint() -> list:
    """Path, size and modification time of every drill.yaml (a drill's title and section live there)."""
    folder = paths.drills_dir()
    return [str(folder)] + [
        [p.parent.name, p.stat().st_size, p.stat().st_mtime_ns] for p in sorted(folder.glob("*/drill.yaml"))
    ]
